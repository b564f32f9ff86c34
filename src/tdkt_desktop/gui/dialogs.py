"""Every message box the application shows goes through here, so tests can record them instead of blocking.

Call as ``dialogs.warn(parent, title, text)`` (module attribute, not ``from … import``), so a test's
``monkeypatch`` or :data:`recorder` takes effect.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tdkt_desktop.gui.qt import QCoreApplication, QtWidgets

# When set (by tests), receives (kind, title, text) and returns the answer instead of showing a box.
recorder: Callable[[str, str, str], bool] | None = None


def _box(parent: QtWidgets.QWidget | None, kind: str, title: str, text: str, detail: str = "") -> bool:
    if recorder is not None:
        return bool(recorder(kind, title, text + (f"\n{detail}" if detail else "")))
    icon = {
        "info": QtWidgets.QMessageBox.Icon.Information,
        "warn": QtWidgets.QMessageBox.Icon.Warning,
        "bug": QtWidgets.QMessageBox.Icon.Critical,
        "confirm": QtWidgets.QMessageBox.Icon.Question,
    }[kind]
    box = QtWidgets.QMessageBox(icon, title, text, parent=parent)
    if detail:
        box.setInformativeText(detail)
        box.setTextInteractionFlags(box.textInteractionFlags())
    if kind == "confirm":
        yes = box.addButton(QCoreApplication.translate("Dialogs", "Yes"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(QCoreApplication.translate("Dialogs", "No"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes
    box.addButton(QCoreApplication.translate("Dialogs", "OK"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return True


def inform(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    _box(parent, "info", title, text)


def warn(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    """A user-facing error (bad input, locked or damaged file): the Vietnamese message says what to do."""
    _box(parent, "warn", title, text)


def confirm(parent: QtWidgets.QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; "No" is the default and Esc answers it."""
    return _box(parent, "confirm", title, text)


def bug(parent: QtWidgets.QWidget | None, log_path: Path) -> None:
    """A bug: say so plainly, and where the details were written."""
    _box(
        parent,
        "bug",
        QCoreApplication.translate("Dialogs", "Unexpected error"),
        QCoreApplication.translate("Dialogs", "The program met an unexpected error. Your data already saved is safe."),
        QCoreApplication.translate("Dialogs", "The details were written to:\n%1\nPlease send this file to the support staff.").replace(
            "%1", str(log_path)
        ),
    )


def ask_passphrase(parent: QtWidgets.QWidget | None, title: str, text: str) -> str | None:
    """A passphrase typed in a hidden field; None when the person cancels."""
    if recorder is not None:
        answer = recorder("passphrase", title, text)
        return answer if isinstance(answer, str) else None
    dlg = QtWidgets.QInputDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setLabelText(text)
    dlg.setTextEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    dlg.setOkButtonText(QCoreApplication.translate("Dialogs", "OK"))
    dlg.setCancelButtonText(QCoreApplication.translate("Dialogs", "Cancel"))
    if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    return dlg.textValue()


def save_discard_cancel(parent: QtWidgets.QWidget | None, title: str, text: str) -> str:
    """Unsaved changes: returns "save", "discard" or "cancel"."""
    if recorder is not None:
        answer = recorder("unsaved", title, text)
        return answer if isinstance(answer, str) else ("save" if answer else "discard")
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, title, text, parent=parent)
    save = box.addButton(QCoreApplication.translate("Dialogs", "Save"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("Dialogs", "Don't save"), QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "Keep editing"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"
