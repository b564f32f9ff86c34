"""The question an editor asks when its record changed after it was opened (see
:mod:`tdkt_desktop.store.freshness`): what changed, field by field — as opened, as stored now, as this editor
would write it — and three answers: overwrite with mine, load the new version, or cancel (keep editing)."""

from __future__ import annotations

from collections.abc import Sequence

from tdkt_desktop.gui import palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import Qt, QtWidgets, Signal
from tdkt_desktop.gui.tables import Column, RowsModel, table_view
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.store.freshness import FieldChange, StaleRecord

OVERWRITE, RELOAD, CANCEL = "overwrite", "reload", "cancel"


def _tone(row: dict[str, object]) -> str | None:
    return "warn-bg" if row.get("conflicting") else None


class StaleDialog(QtWidgets.QDialog):
    """Opened window-modal over the editor; ``chosen`` says OVERWRITE, RELOAD or CANCEL."""

    chosen = Signal(str)

    def __init__(self, err: StaleRecord, changes: Sequence[FieldChange], parent: QtWidgets.QWidget | None = None,
                 *, can_overwrite: bool = False) -> None:
        """``can_overwrite``: offer overwriting (and reloading) even when the record was deleted — a screen
        that writes a record anew (a result) rather than editing one record."""
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("staleDialog")
        self.setWindowTitle(self.tr("The record was changed elsewhere"))
        deleted = err.current is None and not can_overwrite
        lay = QtWidgets.QVBoxLayout(self)
        text = QtWidgets.QLabel(str(err), self)
        text.setWordWrap(True)
        lay.addWidget(text)
        if deleted:
            ask = self.tr("Your changes are still in the editor. Cancel to keep them on screen (copy what you need), "
                          "or close the editor.")
        else:
            ask = self.tr("Nothing has been overwritten. Below: each field as you opened it, as it is now, and as "
                          "you would save it (fields changed on both sides are highlighted). Choose what to keep.")
        hint = QtWidgets.QLabel(ask, self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        lay.addWidget(hint)
        self.model = RowsModel([
            Column(self.tr("Field"), "label", width=22),
            Column(self.tr("When opened"), "old", background=_tone),
            Column(self.tr("Now"), "theirs", background=_tone),
            Column(self.tr("Yours, not saved"), "yours", background=_tone),
        ], self)
        self.model.set_rows([{"label": c.label, "old": c.old, "theirs": c.theirs, "yours": c.yours,
                              "conflicting": c.conflicting, "name": c.name} for c in changes])
        self.view = table_view(self.model, self)
        self.view.setObjectName("staleChanges")
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.view.horizontalHeader()
        for col in range(1, 4):
            header.setSectionResizeMode(col, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("n") * 24)
        self.view.resizeRowsToContents()
        lay.addWidget(self.view, 1)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.overwrite_button = buttons.addButton(self.tr("Overwrite with mine"),
                                                  QtWidgets.QDialogButtonBox.ButtonRole.DestructiveRole)
        self.overwrite_button.setObjectName("overwriteButton")
        self.overwrite_button.setToolTip(self.tr("Save your version; the changes made elsewhere in the fields above "
                                                 "are replaced by yours"))
        self.reload_button = buttons.addButton(self.tr("Load the new version"),
                                               QtWidgets.QDialogButtonBox.ButtonRole.ResetRole)
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setToolTip(self.tr("Show the record as it is now; your unsaved changes are dropped"))
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip(self.tr("Back to the editor with your changes, nothing saved"))
        self.cancel_button.setDefault(True)
        self.overwrite_button.setVisible(not deleted)
        self.reload_button.setVisible(not deleted)
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.cancel_button.clicked.connect(lambda: self._choose(CANCEL))
        lay.addWidget(buttons)
        palette.set_tone(text, "error")
        fit_to_screen(self, 860, min(260 + 34 * max(len(changes), 1), 640))

    def _choose(self, answer: str) -> None:
        self.chosen.emit(answer)
        self.done(QtWidgets.QDialog.DialogCode.Accepted if answer != CANCEL else QtWidgets.QDialog.DialogCode.Rejected)

    def reject(self) -> None:  # Esc or closing the window: back to the editor, nothing saved
        self._choose(CANCEL)
