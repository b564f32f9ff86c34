"""Which database the application opens: the file on this computer, or the office's shared server database.

The choice is remembered in the application's settings (never with a password: a password is typed at each
start, or kept in PostgreSQL's own password file of this account when the officer asks so). ``tdkt --db …``
always wins over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.gui.qt import QSettings, QtWidgets
from tdkt_desktop.store.server_address import (
    database_location,
    is_server_address,
    with_password,
    without_password,
)

SETTING = "database/location"
ORGANIZATION = "TDKT"  # the application's settings (gui.app names the application so)
APPLICATION = "TDKT Desktop"


def _settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def remembered_location(settings: QSettings | None = None) -> str | None:
    """The office's server database chosen in Cài đặt, when one was."""
    value = (settings or _settings()).value(SETTING, "")
    return str(value) if isinstance(value, str) and is_server_address(value) else None


def remember_location(address: str | None, settings: QSettings | None = None) -> None:
    """Open ``address`` (without its password) at the next start; ``None``: the file on this computer again."""
    s = settings or _settings()
    if address is None:
        s.remove(SETTING)
    else:
        s.setValue(SETTING, without_password(address))
    s.sync()


def location_to_open(given: str | Path | None, default: Path) -> str | Path:
    """``--db`` when given, else the remembered server database, else ``default`` (the file)."""
    if given:
        return database_location(given)
    return remembered_location() or default


def open_context(location: str | Path, parent: Any = None) -> Any:
    """The application's context on ``location``; for a server database that refuses the login without a password,
    the password is asked (three tries) and kept for this session only. ``None`` when the person gives up."""
    from tdkt_desktop.gui import dialogs
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.store.errors import LoginRefused
    from tdkt_desktop.store.server_address import shown

    try:
        return AppContext.open(location)
    except LoginRefused:
        if not isinstance(location, str):
            raise
    text = QtWidgets.QApplication.translate("Database", "Password of %1 on the office's server:").replace(
        "%1", shown(location))
    for _attempt in range(3):
        password = dialogs.ask_passphrase(parent, QtWidgets.QApplication.translate("Database", "Sign in"), text)
        if password is None:
            return None
        try:
            return AppContext.open(with_password(location, password))
        except LoginRefused:
            text = QtWidgets.QApplication.translate("Database", "The server refused this password. Type it again:")
    return None
