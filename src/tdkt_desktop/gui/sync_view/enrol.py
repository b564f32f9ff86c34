"""Enrolling a peer: its unit and key fingerprint in large type, compared by phone or on paper, then trusted."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.sync_view.common import fingerprint_label, note_box, warning_box


class EnrolDialog(QtWidgets.QDialog):
    """``facts`` comes from :func:`work.read_enrolment_file`. Accepted only after the comparison is confirmed."""

    def __init__(self, facts: dict[str, Any], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = facts
        info = facts["info"]
        state = facts["state"]
        self.setWindowTitle(self.tr("Enrol a unit"))
        self.setMinimumWidth(620)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(10)

        relation = {
            "up": self.tr("Upper office of this unit"),
            "down": self.tr("Unit directly under this unit"),
        }.get(facts.get("relation") or "", self.tr("Unit"))
        caption = QtWidgets.QLabel(relation, self)
        caption.setObjectName("hint")
        layout.addWidget(caption)
        name = QtWidgets.QLabel(info.name or info.unit_code, self)
        name.setObjectName("enrolUnit")
        name.setWordWrap(True)
        layout.addWidget(name)
        code = QtWidgets.QLabel(self.tr("Unit code: %1").replace("%1", info.unit_code), self)
        code.setStyleSheet("font-size: 12pt;")
        layout.addWidget(code)

        fp_caption = QtWidgets.QLabel(self.tr("Key fingerprint in this file:"), self)
        fp_caption.setObjectName("subheading")
        layout.addWidget(fp_caption)
        self.fingerprint = fingerprint_label(info.fingerprint, self, point_size=26)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setProperty("framed", True)
        layout.addWidget(self.fingerprint)
        layout.addWidget(note_box(self.tr(
            "Telephone a staff member of this unit (or look at the paper copy they signed) and read the five groups "
            "together. Confirm only if all 20 characters are the same. A file can be copied or altered on the way; "
            "this comparison is what makes the exchange safe."
        ), self))

        self.confirm_box = QtWidgets.QCheckBox(self)
        if state == "replace":
            layout.addWidget(warning_box(self.tr(
                "This unit is already enrolled with a DIFFERENT key: %1. Replace it only if the unit has reinstalled "
                "the program and you have checked the new fingerprint with them directly. After the replacement, "
                "bundles signed with the old key are no longer accepted."
            ).replace("%1", facts.get("current_fingerprint") or ""), self))
            self.confirm_box.setText(self.tr("I have compared it and replace the old key"))
        elif state == "already":
            layout.addWidget(note_box(self.tr("This unit is already enrolled with exactly this key. Nothing to do."), self))
            self.confirm_box.setText(self.tr("I have compared it, trust it"))
            self.confirm_box.setEnabled(False)
        else:
            self.confirm_box.setText(self.tr("I have compared it, trust it"))
        font = self.confirm_box.font()
        font.setBold(True)
        self.confirm_box.setFont(font)
        layout.addWidget(self.confirm_box)

        buttons = QtWidgets.QDialogButtonBox(self)
        self.ok = buttons.addButton(
            self.tr("Replace the key") if state == "replace" else self.tr("Enrol"),
            QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok.setEnabled(False)
        cancel = buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.confirm_box.toggled.connect(self.ok.setEnabled)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.confirm_box.isChecked():
            return
        super().accept()
