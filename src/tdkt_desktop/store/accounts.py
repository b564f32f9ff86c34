"""The officers of an office that shares one server database: their accounts, signing in, and what each role may do.

Each officer signs in to the server with a login of their own (a PostgreSQL role with its password, created by
:func:`add_officer`), kept in ``accounts`` with the officer's name and role:

* ``officer`` — records, appraises, returns nominations, prepares decisions and reports;
* ``approver`` — also approves and rejects nominations, issues and cancels decisions (:data:`APPROVER_WORK`);
* ``administrator`` — also adds officers and stops their access.

:func:`sign_in` runs at every opening of a server database: the server says which login connected
(``session_user``), a login without an active account is refused, and the account's name is the operator of every
change; the server itself writes the login into each audit entry (store.server_schema). Until the office's first account is
made (``tdkt server init``, ``tdkt server migrate``), the database works as one computer's does. The server keeps
the roles apart too: officers are members of the database's officers role, which may read and write records but
neither change the accounts nor change or delete an audit entry. A SQLite file has no accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tdkt_desktop.core.text import clean
from tdkt_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from tdkt_desktop.store.db import Store

ROLES = ("officer", "approver", "administrator")
ROLE_LABELS = {"officer": "Cán bộ", "approver": "Lãnh đạo duyệt", "administrator": "Quản trị viên"}
APPROVER_WORK = "approver"


@dataclass(frozen=True)
class Account:
    login: str
    full_name: str
    role: str
    active: bool

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


class NotAllowed(StoreError):
    """The signed-in officer's role does not allow this work."""


def _account(row: Any) -> Account:
    return Account(login=str(row[0]), full_name=str(row[1]), role=str(row[2]), active=bool(row[3]))


def accounts(store: Store) -> list[Account]:
    """Every account of the office, by name (none on a SQLite file)."""
    if not store.on_server:
        return []
    return [_account(r) for r in store.db.execute(
        "SELECT login, full_name, role, active FROM accounts ORDER BY full_name, login").fetchall()]


def _server(store: Store, statement: Any, params: Any = None) -> Any:
    """Run a statement of the server alone (roles, grants) on the connection of a server store."""
    return store.db.conn.server(statement, params)  # type: ignore[attr-defined]


def session_login(store: Store) -> str:
    """The login the server knows this connection by."""
    row = _server(store, "SELECT session_user").fetchone()
    return str(row[0]) if row else ""


def sign_in(store: Store) -> Account | None:
    """The account of the login connected to the server database of ``store`` (its name becomes the operator);
    ``None`` before the office's first account. A login without an active account is refused."""
    if not store.on_server:
        return None
    found = accounts(store)
    if not found:
        return None
    login = session_login(store)
    mine = next((a for a in found if a.login == login), None)
    if mine is None:
        raise NotAllowed(f"Tài khoản “{login}” chưa được cấp quyền dùng cơ sở dữ liệu của cơ quan. Hãy nhờ quản trị viên "
                         "thêm (tdkt server add-officer).")
    if not mine.active:
        raise NotAllowed(f"Tài khoản “{login}” ({mine.full_name}) đã bị khóa. Hãy liên hệ quản trị viên của cơ quan.")
    store.account = mine
    store.operator = mine.full_name
    return mine


def require_role(store: Store, role: str, doing: str) -> None:
    """Refuse ``doing`` (Vietnamese, e.g. "ký quyết định khen thưởng") unless the signed-in officer's role is ``role``
    or above; always allowed on a SQLite file and before the office's first account."""
    account = store.account
    if account is None or ROLES.index(account.role) >= ROLES.index(role):
        return
    raise NotAllowed(f"Tài khoản của {account.full_name} ({account.role_label}) không được {doing}; việc này cần "
                     f"{ROLE_LABELS[role].lower()} trở lên.")


def _officers_role(store: Store) -> str:
    """The server role whose members are this database's officers (one per database: roles are the server's)."""
    return f"{_database(store)[:50]}_officers"


def _check_login(login: str) -> str:
    login = clean(login).lower()
    if not login or not all(c.isascii() and (c.isalnum() or c in "._-") for c in login) or len(login) > 50:
        raise StoreError(f"Tên đăng nhập “{login}” không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang hoặc "
                         "gạch dưới (tối đa 50 ký tự), ví dụ “nguyenvana”.")
    return login


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise StoreError(f"Vai trò “{role}” không có. Chọn một trong: {', '.join(ROLES)}.")
    return role


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _grant_officers(store: Store) -> str:
    """Make (once) the officers' role of this database and give it what officers may do."""
    role = _officers_role(store)
    if not _server(store, "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
        _server(store, f"CREATE ROLE {_quote(role)} NOLOGIN")
    _server(store, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_quote(role)}")
    _server(store, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_quote(role)}")
    _server(store, f"REVOKE INSERT, UPDATE, DELETE ON accounts FROM {_quote(role)}")
    _server(store, f"REVOKE UPDATE, DELETE ON audit_log FROM {_quote(role)}")
    _server(store, f"GRANT CONNECT ON DATABASE {_quote(_database(store))} TO {_quote(role)}")
    return role


def _database(store: Store) -> str:
    row = _server(store, "SELECT current_database()").fetchone()
    return str(row[0]) if row else ""


def first_administrator(store: Store, full_name: str) -> Account:
    """Make the login that set the database up its first administrator (``tdkt server init``/``migrate``)."""
    if not store.on_server:
        raise StoreError("Tài khoản cán bộ chỉ dùng cho cơ sở dữ liệu máy chủ của cơ quan.")
    if accounts(store):
        raise StoreError("Cơ sở dữ liệu đã có tài khoản quản trị; thêm cán bộ bằng “tdkt server add-officer”.")
    name = clean(full_name)
    if not name:
        raise StoreError("Họ tên quản trị viên: chưa nhập.")
    from tdkt_desktop.store.db import now_iso

    login = session_login(store)
    with store.atomic():
        _grant_officers(store)
        store.db.execute("INSERT INTO accounts (login, full_name, role, active, created_at, created_by) "
                         "VALUES (?, ?, 'administrator', 1, ?, ?)", [login, name, now_iso(), login])
    return sign_in(store) or Account(login, name, "administrator", True)


def add_officer(store: Store, login: str, *, full_name: str, role: str, password: str | None) -> Account:
    """A new officer: a server login with ``password`` (or an existing login, when ``password`` is None), a member
    of the officers' role (an administrator may also make logins and change the schema), and the account."""
    require_role(store, "administrator", "thêm cán bộ")
    login, role, name = _check_login(login), _check_role(role), clean(full_name)
    if not name:
        raise StoreError("Họ tên cán bộ: chưa nhập.")
    if any(a.login == login for a in accounts(store)):
        raise StoreError(f"Đã có tài khoản “{login}”.")
    from psycopg import sql

    from tdkt_desktop.store.db import now_iso

    with store.atomic():
        group = _grant_officers(store)
        exists = _server(store, "SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        if not exists:
            if not password:
                raise StoreError(f"Trên máy chủ chưa có tên đăng nhập “{login}”: hãy đặt mật khẩu cho tài khoản mới.")
            _server(store, sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(login), sql.Literal(password)))
        _server(store, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(login)))
        if role == "administrator":
            owner = _server(store, "SELECT tableowner FROM pg_tables WHERE tablename = 'accounts' "
                                "AND schemaname = current_schema()").fetchone()[0]
            _server(store, sql.SQL("GRANT {} TO {}").format(sql.Identifier(owner), sql.Identifier(login)))
            _server(store, sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(login)))
        store.db.execute("INSERT INTO accounts (login, full_name, role, active, created_at, created_by) "
                         "VALUES (?, ?, ?, 1, ?, ?)", [login, name, role, now_iso(), session_login(store)])
    return Account(login, name, role, True)


def set_active(store: Store, login: str, active: bool) -> Account:
    """Stop (or give back) an officer's access: the account and the server login both."""
    require_role(store, "administrator", "khóa hoặc mở tài khoản cán bộ")
    login = _check_login(login)
    found = next((a for a in accounts(store) if a.login == login), None)
    if found is None:
        raise StoreError(f"Không có tài khoản “{login}”.")
    if not active and store.account is not None and store.account.login == login:
        raise StoreError("Không tự khóa tài khoản đang dùng; hãy nhờ một quản trị viên khác.")
    from psycopg import sql

    with store.atomic():
        store.db.execute("UPDATE accounts SET active = ? WHERE login = ?", [1 if active else 0, login])
        _server(store, sql.SQL("ALTER ROLE {} " + ("LOGIN" if active else "NOLOGIN")).format(sql.Identifier(login)))
    return Account(found.login, found.full_name, found.role, active)
