"""Electronic documents on the In ấn screen: the dialog that signs an issued document (a PKCS#12 file with its
passphrase, or a PKCS#11 token with its slot and PIN; an optional seal image) and the one that checks a received
signed PDF (who signed, when, changed or not). The work runs on a worker thread (``work.sign_document``,
``work.verify``); passphrases and PINs are never remembered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.print_view import work
from tdkt_desktop.gui.qt import QtWidgets

Row = dict[str, Any]

SETTINGS_SIGN = "printing/sign/"


def _file_row(parent: QtWidgets.QWidget, edit: QtWidgets.QLineEdit, browse: Any, label: str) -> QtWidgets.QHBoxLayout:
    row = QtWidgets.QHBoxLayout()
    row.addWidget(edit, 1)
    button = QtWidgets.QPushButton(label, parent)
    button.clicked.connect(browse)
    row.addWidget(button)
    return row


class SignDialog(QtWidgets.QDialog):
    """What to sign, with which certificate, the seal, and where the signed PDF goes. ``values()`` after accept."""

    def __init__(self, ctx: AppContext, *, document: str, default_out: str,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sign electronically"))
        self.setMinimumWidth(620)
        settings = ctx.settings
        layout = QtWidgets.QVBoxLayout(self)
        what = QtWidgets.QGroupBox(self.tr("Document"), self)
        what_layout = QtWidgets.QVBoxLayout(what)
        self.use_current = QtWidgets.QRadioButton(self.tr("The chosen document, issued: %1").replace("%1", document),
                                                  what)
        self.use_file = QtWidgets.QRadioButton(self.tr("A PDF file already issued:"), what)
        self.use_current.setChecked(bool(document))
        self.use_current.setEnabled(bool(document))
        self.use_file.setChecked(not document)
        self.source = QtWidgets.QLineEdit(what)
        self.source.setPlaceholderText(self.tr("issued PDF file"))
        what_layout.addWidget(self.use_current)
        file_row = _file_row(what, self.source, self._browse_source, self.tr("Choose…"))
        file_row.insertWidget(0, self.use_file)
        what_layout.addLayout(file_row)
        layout.addWidget(what)

        key = QtWidgets.QGroupBox(self.tr("Digital certificate"), self)
        form = QtWidgets.QFormLayout(key)
        self.use_p12 = QtWidgets.QRadioButton(self.tr("Certificate file (.p12, .pfx)"), key)
        self.use_token = QtWidgets.QRadioButton(self.tr("Signing token (USB, PKCS#11)"), key)
        kind = str(settings.value(SETTINGS_SIGN + "kind") or "p12")
        (self.use_token if kind == "token" else self.use_p12).setChecked(True)
        choose = QtWidgets.QHBoxLayout()
        choose.addWidget(self.use_p12)
        choose.addWidget(self.use_token)
        choose.addStretch(1)
        form.addRow(choose)
        self.p12 = QtWidgets.QLineEdit(str(settings.value(SETTINGS_SIGN + "p12") or ""), key)
        self.p12_label = QtWidgets.QLabel(self.tr("Certificate file:"), key)
        form.addRow(self.p12_label, _file_row(key, self.p12, self._browse_p12, self.tr("Choose…")))
        self.passphrase = QtWidgets.QLineEdit(key)
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pass_label = QtWidgets.QLabel(self.tr("Passphrase:"), key)
        form.addRow(self.pass_label, self.passphrase)
        self.library = QtWidgets.QLineEdit(str(settings.value(SETTINGS_SIGN + "pkcs11_lib") or ""), key)
        self.library.setPlaceholderText(self.tr("the token's PKCS#11 library (.dll, .so)"))
        self.library_label = QtWidgets.QLabel(self.tr("Token library:"), key)
        form.addRow(self.library_label, _file_row(key, self.library, self._browse_library, self.tr("Choose…")))
        self.slot = QtWidgets.QSpinBox(key)
        self.slot.setRange(0, 64)
        self.slot.setValue(int(settings.value(SETTINGS_SIGN + "slot") or 0))
        self.slot_label = QtWidgets.QLabel(self.tr("Slot:"), key)
        self.pin = QtWidgets.QLineEdit(key)
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin_label = QtWidgets.QLabel(self.tr("PIN:"), key)
        slot_pin = QtWidgets.QHBoxLayout()
        slot_pin.addWidget(self.slot)
        slot_pin.addSpacing(12)
        slot_pin.addWidget(self.pin_label)
        slot_pin.addWidget(self.pin, 1)
        form.addRow(self.slot_label, slot_pin)
        layout.addWidget(key)

        more = QtWidgets.QFormLayout()
        self.seal = QtWidgets.QLineEdit(str(settings.value(SETTINGS_SIGN + "seal") or ""), self)
        self.seal.setPlaceholderText(self.tr("optional: the seal as a PNG image with a transparent background"))
        more.addRow(self.tr("Seal image:"), _file_row(self, self.seal, self._browse_seal, self.tr("Choose…")))
        self.out = QtWidgets.QLineEdit(default_out, self)
        more.addRow(self.tr("Save the signed PDF as:"), _file_row(self, self.out, self._browse_out, self.tr("Choose…")))
        layout.addLayout(more)
        hint = QtWidgets.QLabel(self.tr(
            "Only an issued document is signed. The signature, its time and the seal go above the signer's name "
            "(Decree 30/2020, Appendix I). Passphrases and PINs are not kept."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.sign_button = buttons.addButton(self.tr("Sign"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.use_p12.toggled.connect(lambda _on: self._kind_changed())
        self.error = QtWidgets.QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.insertWidget(layout.count() - 1, self.error)
        self._kind_changed()

    def _kind_changed(self) -> None:
        p12 = self.use_p12.isChecked()
        w: QtWidgets.QWidget
        for w in (self.p12_label, self.p12, self.pass_label, self.passphrase):
            w.setEnabled(p12)
        for w in (self.library_label, self.library, self.slot_label, self.slot, self.pin_label, self.pin):
            w.setEnabled(not p12)

    def _pick(self, edit: QtWidgets.QLineEdit, title: str, pattern: str) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(self, title, edit.text() or str(Path.home()), pattern)
        if path:
            edit.setText(path)

    def _browse_source(self) -> None:
        self._pick(self.source, self.tr("Choose the issued PDF"), self.tr("PDF files (*.pdf)"))
        if self.source.text():
            self.use_file.setChecked(True)

    def _browse_p12(self) -> None:
        self._pick(self.p12, self.tr("Choose the certificate file"), self.tr("Certificate files (*.p12 *.pfx)"))

    def _browse_library(self) -> None:
        self._pick(self.library, self.tr("Choose the token's library"), self.tr("Libraries (*.dll *.so *.dylib)"))

    def _browse_seal(self) -> None:
        self._pick(self.seal, self.tr("Choose the seal image"), self.tr("Images (*.png)"))

    def _browse_out(self) -> None:
        path, _f = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save the signed PDF as"), self.out.text(),
                                                         self.tr("PDF files (*.pdf)"))
        if path:
            self.out.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def problem(self) -> str:
        """What is missing, in Vietnamese (empty when the dialog can be accepted)."""
        if self.use_file.isChecked() and not self.source.text().strip():
            return self.tr("Choose the PDF file to sign.")
        if self.use_p12.isChecked() and not self.p12.text().strip():
            return self.tr("Choose the certificate file (.p12, .pfx).")
        if self.use_token.isChecked() and not self.library.text().strip():
            return self.tr("Choose the token's PKCS#11 library.")
        out = self.out.text().strip()
        if not out:
            return self.tr("Choose where to save the signed PDF.")
        if self.use_file.isChecked() and Path(out).resolve() == Path(self.source.text().strip()).resolve():
            return self.tr("Save the signed PDF under another name: the issued file is kept as it is.")
        return ""

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        settings = self.ctx.settings
        settings.setValue(SETTINGS_SIGN + "kind", "p12" if self.use_p12.isChecked() else "token")
        settings.setValue(SETTINGS_SIGN + "p12", self.p12.text().strip())
        settings.setValue(SETTINGS_SIGN + "pkcs11_lib", self.library.text().strip())
        settings.setValue(SETTINGS_SIGN + "slot", self.slot.value())
        settings.setValue(SETTINGS_SIGN + "seal", self.seal.text().strip())
        self.accept()

    def values(self) -> Row:
        out = self.out.text().strip()
        key: Row
        if self.use_p12.isChecked():
            key = {"p12": self.p12.text().strip(), "passphrase": self.passphrase.text()}
        else:
            key = {"pkcs11_lib": self.library.text().strip(), "slot": self.slot.value(), "pin": self.pin.text()}
        return {
            "source": self.source.text().strip() if self.use_file.isChecked() else None,
            "out": out if out.lower().endswith(".pdf") else out + ".pdf",
            "key": key,
            "seal": self.seal.text().strip() or None,
        }


def signing_time_text(value: str | None) -> str:
    """ "09:30:15 ngày 05/01/2026 (+07:00)" for the ISO time of a signature."""
    import datetime as _dt

    if not value:
        return "—"
    try:
        when = _dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    offset = when.strftime("%z")
    zone = f" ({offset[:3]}:{offset[3:]})" if offset else ""
    return f"{when:%H:%M:%S} ngày {when:%d/%m/%Y}{zone}"


class VerifyDialog(QtWidgets.QDialog):
    """Check a received signed PDF: each signature's signer, time and whether the document changed since."""

    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: Row | None = None
        self.setWindowTitle(self.tr("Check a signed document"))
        self.setMinimumSize(640, 460)
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        self.file = QtWidgets.QLineEdit(self)
        self.file.setPlaceholderText(self.tr("the signed PDF received"))
        form.addRow(self.tr("Signed PDF:"), _file_row(self, self.file, self._browse_file, self.tr("Choose…")))
        self.trust = QtWidgets.QLineEdit(str(ctx.settings.value(SETTINGS_SIGN + "trust") or ""), self)
        self.trust.setPlaceholderText(self.tr("optional: the certificate authority to trust (.pem, .cer)"))
        form.addRow(self.tr("Trusted authority:"), _file_row(self, self.trust, self._browse_trust, self.tr("Choose…")))
        layout.addLayout(form)
        self.check_button = QtWidgets.QPushButton(self.tr("Check"), self)
        self.check_button.setObjectName("addButton")
        self.check_button.clicked.connect(self.check)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.verdict = QtWidgets.QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.details = QtWidgets.QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Choose the signed PDF, then press “Check”: each signature is "
                                                "listed with its signer, the signing time and whether the "
                                                "document changed after it was signed."))
        layout.addWidget(self.details, 1)
        buttons = QtWidgets.QDialogButtonBox(self)
        buttons.addButton(self.tr("Close"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse_file(self) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("Choose the signed PDF"),
                                                         self.file.text() or str(Path.home()),
                                                         self.tr("PDF files (*.pdf)"))
        if path:
            self.file.setText(path)

    def _browse_trust(self) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("Choose the certificate authority"),
                                                         self.trust.text() or str(Path.home()),
                                                         self.tr("Certificates (*.pem *.cer *.crt *.der)"))
        if path:
            self.trust.setText(path)

    def check(self) -> None:
        path = self.file.text().strip()
        if not path:
            self._show_verdict(False, self.tr("Choose the signed PDF to check."))
            return
        trust = [self.trust.text().strip()] if self.trust.text().strip() else []
        self.ctx.settings.setValue(SETTINGS_SIGN + "trust", self.trust.text().strip())
        self.check_button.setEnabled(False)
        self.verdict.setText(self.tr("Checking…"))
        self.details.clear()
        self.ctx.jobs.run(lambda _store, _p: work.verify(path, trust=trust), done=self._checked,
                          failed=self._failed, title=self.tr("Checking the signature"), parent=self)

    def _checked(self, report: Row) -> None:
        self.check_button.setEnabled(True)
        self.report = report
        signatures = report["signatures"]
        if report["valid"]:
            first = signatures[0]
            text = self.tr("Valid: signed by %1 at %2; the document has not changed since it was signed.") \
                .replace("%1", first["signer"]).replace("%2", signing_time_text(first["signing_time"]))
            if len(signatures) > 1:
                text += " " + self.tr("(%1 signatures, all valid)").replace("%1", str(len(signatures)))
        elif not signatures and not report["problem"]:
            text = self.tr("Not valid: the file has no electronic signature.")
        elif any(s["intact"] is False or not s["whole_document"] for s in signatures) or report["problem"]:
            text = self.tr("Not valid: the document was CHANGED after it was signed.")
        else:
            text = self.tr("Not valid: the signature does not match its certificate or the trusted authority.")
        self._show_verdict(bool(report["valid"]), text)
        self.details.setPlainText("\n".join(report["lines"]))

    def _failed(self, error: BaseException) -> None:
        from tdkt_desktop.core.errors import user_message

        self.check_button.setEnabled(True)
        self._show_verdict(False, user_message(error) or str(error))

    def _show_verdict(self, ok: bool, text: str) -> None:
        self.verdict.setText(text)
        self.verdict.setProperty("ok", "true" if ok else "false")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
