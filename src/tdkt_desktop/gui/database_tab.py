"""Cài đặt → Cơ sở dữ liệu: which database this computer works on — its own file, or the office's shared database
on a PostgreSQL server (docs/office-server.md) — with a connection test before anything is changed."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.database_choice import remember_location, remembered_location
from tdkt_desktop.gui.qt import QtWidgets
from tdkt_desktop.gui.widgets import hint
from tdkt_desktop.store.db import Store, open_store
from tdkt_desktop.store.server_address import (
    DEFAULT_PORT,
    ServerAddress,
    location_label,
    parse_address,
    remember_password,
)


def try_server(address: str) -> dict[str, Any]:
    """Open the server database at ``address`` (never creating anything) and say what it holds and who signed in."""
    with open_store(address, create=False) as store:
        unit = store.self_unit() or {}
        account = store.account
        return {"unit": str(unit.get("name") or store.unit_code or ""), "schema": store.schema_version(),
                "who": f"{account.full_name} ({account.role_label})" if account else ""}


class DatabaseTab(QtWidgets.QWidget):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QtWidgets.QVBoxLayout(self)
        self.current = QtWidgets.QLabel(self)
        self.current.setObjectName("currentDatabase")
        self.current.setWordWrap(True)
        outer.addWidget(self.current)

        box = QtWidgets.QGroupBox(self.tr("The office's shared database (PostgreSQL server)"), self)
        form = QtWidgets.QFormLayout(box)
        self.host = QtWidgets.QLineEdit(box)
        self.host.setPlaceholderText(self.tr("e.g. 10.0.0.5"))
        self.port = QtWidgets.QSpinBox(box)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setMaximumWidth(120)
        self.database = QtWidgets.QLineEdit("tdkt", box)
        self.login = QtWidgets.QLineEdit(box)
        self.login.setPlaceholderText(self.tr("your own login, e.g. tranthib"))
        self.password = QtWidgets.QLineEdit(box)
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.remember = QtWidgets.QCheckBox(self.tr("Remember the password on this computer (for this computer "
                                                    "account only)"), box)
        for edit in (self.host, self.database, self.login, self.password):
            edit.setMaximumWidth(420)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        buttons = QtWidgets.QHBoxLayout()
        self.test_button = QtWidgets.QPushButton(self.tr("Test the connection"), box)
        self.test_button.clicked.connect(self.test)
        self.use_button = QtWidgets.QPushButton(self.tr("Use this database"), box)
        self.use_button.setObjectName("addButton")
        self.use_button.clicked.connect(self.use)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        outer.addWidget(box)

        self.local_button = QtWidgets.QPushButton(self.tr("Use the file on this computer again"), self)
        self.local_button.clicked.connect(self.use_local)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.local_button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addWidget(hint(self.tr(
            "A ward or commune works on the file of its computer. An office where several officers work on the same "
            "data uses one database on a PostgreSQL server of the office: each officer signs in with a login of "
            "their own. A change takes effect when TĐKT Desktop is opened again. The office's IT person sets the "
            "server up and makes the logins (docs/office-server.md)."), self))
        outer.addStretch(1)
        self._fill()

    # ------------------------------------------------------------------ what is in use
    def _fill(self) -> None:
        location = self.ctx.db_path
        if isinstance(location, str):
            account = self.ctx.reader.account
            text = self.tr("In use: the office's shared database %1").replace("%1", location_label(location))
            if account is not None:
                text += "\n" + self.tr("Signed in as %1 (%2)").replace("%1", account.full_name).replace(
                    "%2", account.role_label)
        else:
            text = self.tr("In use: the file on this computer %1").replace("%1", location_label(location))
        self.current.setText(text)
        chosen = location if isinstance(location, str) else remembered_location()
        if chosen:
            parts = parse_address(chosen)
            self.host.setText(parts.host)
            self.port.setValue(parts.port)
            self.database.setText(parts.database)
            self.login.setText(parts.login)
        self.local_button.setEnabled(bool(remembered_location()))

    def server(self) -> ServerAddress | None:
        """The server database the fields name (``None``, and the person told, when a field is missing)."""
        missing = [label for label, edit in ((self.tr("Server"), self.host), (self.tr("Database"), self.database),
                                             (self.tr("Login"), self.login)) if not edit.text().strip()]
        if missing:
            dialogs.warn(self, self.tr("Database"), self.tr("Fill in: %1.").replace("%1", ", ".join(missing)))
            return None
        return ServerAddress(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.login.text().strip())

    # ------------------------------------------------------------------ actions
    def _connect(self, then: Any) -> None:
        server = self.server()
        if server is None:
            return
        password = self.password.text() or None
        remember = self.remember.isChecked() and password is not None

        def work(_store: Store, _p: Any) -> dict[str, Any]:
            found = try_server(server.address(password))
            if remember and password is not None:
                remember_password(server, password)
            return found

        self.ctx.jobs.run(work, done=lambda found: then(server, found), title=self.tr("Connecting to the server"),
                          parent=self)

    def _said(self, found: dict[str, Any]) -> str:
        text = self.tr("Connected: %1 (schema %2).").replace("%1", found["unit"] or self.tr("no unit declared yet"))
        text = text.replace("%2", str(found["schema"]))
        if found["who"]:
            text += "\n" + self.tr("Signed in as %1.").replace("%1", found["who"])
        return text

    def test(self) -> None:
        self._connect(lambda _server, found: dialogs.inform(self, self.tr("Database"), self._said(found)))

    def use(self) -> None:
        def chosen(server: ServerAddress, found: dict[str, Any]) -> None:
            remember_location(server.address())
            self.local_button.setEnabled(True)
            dialogs.inform(self, self.tr("Database"), self._said(found) + "\n\n" + self.tr(
                "TĐKT Desktop will work on this database from the next time it is opened: close it and open it "
                "again."))

        self._connect(chosen)

    def use_local(self) -> None:
        remember_location(None)
        self.local_button.setEnabled(False)
        dialogs.inform(self, self.tr("Database"), self.tr(
            "TĐKT Desktop will work on the file of this computer from the next time it is opened."))
