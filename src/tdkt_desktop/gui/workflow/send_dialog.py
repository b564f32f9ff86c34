"""Sending a nomination up (trình): what the check found, the date sent, and — when the nomination fails a
criterion or misses a mandatory document — the reason the unit sends it anyway, which the office above reads
with it (:func:`tdkt_desktop.store.nominations.submit`)."""

from __future__ import annotations

import datetime as _dt

from tdkt_desktop.core.text import InputError, clean, format_date, parse_date
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.store.nominations import SubmissionCheck


class SendDialog(QtWidgets.QDialog):
    """Asks before a nomination is sent up. With problems, “Send up” stays disabled until a reason is typed."""

    def __init__(self, check: SubmissionCheck, name: str, parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.check = check
        self.setWindowTitle(self.tr("Send the nomination up"))
        lay = QtWidgets.QVBoxLayout(self)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.problems = QtWidgets.QListWidget(self)
        self.problems.setObjectName("sendProblems")
        self.problems.setWordWrap(True)
        self.problems.addItems([f"✗  {p[:1].upper()}{p[1:]}" for p in check.problems])
        lay.addWidget(self.problems, 1)
        form = QtWidgets.QFormLayout()
        self.reason = QtWidgets.QPlainTextEdit(self)
        self.reason.setObjectName("sendReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why send it now: e.g. the initiative is recognised next week and "
                                               "will be sent in a supplement"))
        self.reason.setMaximumHeight(90)
        self.day = QtWidgets.QLineEdit(format_date(_dt.date.today()), self)
        self.day.setObjectName("sentOn")
        self.day.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.day.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.error = QtWidgets.QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.hide()
        if check.clean:
            self.summary.setText(self.tr("“%1” meets the criteria and its mandatory documents are ticked. Send it "
                                         "up to the office that decides it? After sending, the unit no longer "
                                         "edits it unless the office returns it.").replace("%1", name))
            palette.set_tone(self.summary, "ok")
            self.problems.hide()
            self.reason.hide()
        else:
            self.summary.setText(self.tr("“%1” does not pass yet (%2). You may still send it up — the office above "
                                         "decides — but only with a reason, which is recorded with the nomination "
                                         "and shown to that office.")
                                 .replace("%1", name).replace("%2", self._count_text()))
            palette.set_tone(self.summary, "error")
            form.addRow(self.tr("Reason for sending anyway *"), self.reason)
        form.addRow(self.tr("Date sent *"), self.day)
        lay.addLayout(form)
        lay.addWidget(self.error)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.send_button = buttons.addButton(
            self.tr("Send up") if check.clean else self.tr("Send up anyway"),
            QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("sendButton")
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)
        self.send_button.clicked.connect(self._send)
        self.cancel_button.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.reason.textChanged.connect(self._update)
        self.day.textEdited.connect(lambda _t: self.error.hide())
        self._update()
        fit_to_screen(self, 680, 260 if check.clean else 400)
        (self.day if check.clean else self.reason).setFocus()

    def _count_text(self) -> str:
        parts = []
        if self.check.failed:
            parts.append(self.tr("%1 criteria not met").replace("%1", str(len(self.check.failed))))
        if self.check.missing:
            parts.append(self.tr("%1 mandatory documents missing").replace("%1", str(len(self.check.missing))))
        return ", ".join(parts)

    def _update(self) -> None:
        self.send_button.setEnabled(self.check.clean or bool(clean(self.reason.toPlainText())))

    def reason_text(self) -> str | None:
        return None if self.check.clean else clean(self.reason.toPlainText()) or None

    def sent_on(self) -> _dt.date | None:
        try:
            return parse_date(self.day.text(), field=self.tr("Date sent"))
        except InputError as err:
            self.error.setText(str(err))
            self.error.show()
            return None

    def _send(self) -> None:
        day = self.sent_on()
        if day is None:
            if not self.error.isVisible():
                self.error.setText(self.tr("Date sent: type the date as dd/mm/yyyy."))
                self.error.show()
            return
        if day > _dt.date.today():
            self.error.setText(self.tr("Date sent: %1 is after today.").replace("%1", format_date(day)))
            self.error.show()
            return
        self.accept()
