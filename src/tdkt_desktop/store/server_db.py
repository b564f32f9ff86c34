"""The store on a PostgreSQL server: the database of an upper office that several officers share.

SQLite stays the engine of a single computer; every module of the store writes its SQL once, in SQLite's
dialect, and talks to a connection the way :mod:`sqlite3` does. On a server, :class:`ServerDatabase` stands
where :class:`sqlite_utils.Database` stands and :class:`ServerConnection` where :class:`sqlite3.Connection`
stands: each statement is translated once (store.server_sql) and run through psycopg, and the errors
PostgreSQL gives are raised as the :mod:`sqlite3` errors that say the same thing, in SQLite's words, so that
every ``except sqlite3.Error`` of the store and its Vietnamese messages hold on both engines. Writers take turns
through a transaction-wide advisory lock, as SQLite's ``BEGIN IMMEDIATE`` makes them (the counters of ``meta``
are read and written inside the transaction); readers never wait. The schema: store.server_schema.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper
from psycopg.pq import TransactionStatus

from tdkt_desktop.store.errors import (
    DatabaseLocked,
    DatabaseUnreachable,
    LoginRefused,
    StoreError,
    database_error,
)
from tdkt_desktop.store.server_address import shown
from tdkt_desktop.store.server_sql import ROWID, Statement, translate

Row = dict[str, Any]

WRITE_LOCK = 0x7464_6B74  # the advisory lock every writing transaction takes ("tdkt")


# --------------------------------------------------------------------------- errors


def _sqlite_error(exc: psycopg.Error) -> sqlite3.Error:
    """The :mod:`sqlite3` error that says what ``exc`` says, in SQLite's words where it has them."""
    diag = getattr(exc, "diag", None)
    table = getattr(diag, "table_name", None) or ""
    column = getattr(diag, "column_name", None) or ""
    if isinstance(exc, pg_errors.UniqueViolation):
        detail = getattr(diag, "message_detail", None) or ""
        cols = re.findall(r"Key \(([^)]*)\)", detail)
        named = ", ".join(f"{table}.{c.strip()}" for c in cols[0].split(",")) if cols and table else table
        return sqlite3.IntegrityError(f"UNIQUE constraint failed: {named}")
    if isinstance(exc, pg_errors.ForeignKeyViolation):
        return sqlite3.IntegrityError("FOREIGN KEY constraint failed")
    if isinstance(exc, pg_errors.NotNullViolation):
        return sqlite3.IntegrityError(f"NOT NULL constraint failed: {table}.{column}")
    if isinstance(exc, pg_errors.CheckViolation):
        return sqlite3.IntegrityError(f"CHECK constraint failed: {getattr(diag, 'constraint_name', '')}")
    if isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.QueryCanceled, pg_errors.DeadlockDetected,
                        pg_errors.SerializationFailure)):
        return sqlite3.OperationalError("database is locked")
    if isinstance(exc, pg_errors.DiskFull):
        return sqlite3.OperationalError("database or disk is full")
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return sqlite3.OperationalError("attempt to write a readonly database")
    if isinstance(exc, pg_errors.UndefinedTable):
        return sqlite3.OperationalError(f"no such table: {exc}")
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
        return ServerUnreachable(str(exc))
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(str(exc))
    if isinstance(exc, psycopg.ProgrammingError):
        return sqlite3.ProgrammingError(str(exc))
    return sqlite3.OperationalError(str(exc))


class ServerUnreachable(sqlite3.OperationalError):
    """The connection to the server was refused or lost."""


@contextlib.contextmanager
def _as_sqlite_errors() -> Iterator[None]:
    try:
        yield
    except psycopg.Error as exc:
        raise _sqlite_error(exc) from exc


# --------------------------------------------------------------------------- connection


class _IntFromBool(Dumper):
    """True and False are stored as 1 and 0, as SQLite stores them (the columns are integers)."""

    oid = 20  # int8

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"


class ServerCursor:
    """A finished statement's rows, as :class:`sqlite3.Cursor` gives them."""

    def __init__(self, rows: list[tuple[Any, ...]], description: list[tuple[Any, ...]] | None, rowcount: int,
                 lastrowid: int | None) -> None:
        self._rows = rows
        self._at = 0
        self.description = description
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return self._rows[self._at - 1]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rest = self._rows[self._at:]
        self._at = len(self._rows)
        return rest

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        rest = self._rows[self._at:self._at + size]
        self._at += len(rest)
        return rest

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while (row := self.fetchone()) is not None:
            yield row

    def close(self) -> None:
        self._rows = []


class ServerConnection:
    """A psycopg connection used as :class:`sqlite3.Connection` is (``isolation_level=None``: no transaction
    until ``BEGIN``). A connection the network or the server dropped is opened again at the next statement when
    it was outside a transaction (the office's network may blink; the program goes on); inside one, the
    transaction is lost with it and the statement fails, so that the store's transaction undoes its work."""

    def __init__(self, raw: psycopg.Connection[Any], opener: Callable[[], psycopg.Connection[Any]] | None = None) -> None:
        self.raw = raw
        self._opener = opener
        self._tx_open = False  # the last state the server reported: inside a transaction
        raw.adapters.register_dumper(bool, _IntFromBool)
        self._keys: tuple[tuple[str, tuple[str, ...]], ...] | None = None
        self._watching = False
        self._written: set[str] = set()  # tables written (and kept) since watch_writes()
        self._writing: set[str] = set()  # tables written in the open transaction

    def watch_writes(self) -> None:
        """Start noting the tables this connection writes and keeps (again: start over); see store.changes."""
        self._watching = True
        self._written = set()
        self._writing = set()

    def written_tables(self) -> set[str]:
        return set(self._written) if self._watching else set()

    def _noted(self, st: Statement, rowcount: int) -> None:
        if not self._watching:
            return
        if st.writes is not None and rowcount != 0:
            (self._writing if self.in_transaction else self._written).add(st.writes)
        elif st.sql.upper() in ("COMMIT", "END"):
            self._written |= self._writing
            self._writing.clear()
        elif st.sql.upper() == "ROLLBACK":
            self._writing.clear()

    @property
    def in_transaction(self) -> bool:
        if self.raw.broken or self.raw.closed:
            return self._tx_open
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def _usable(self, st: Statement) -> bool:
        """Whether ``st`` is to be run: a dropped connection is opened again outside a transaction; a ROLLBACK of
        a transaction lost with its connection has nothing left to do."""
        if not (self.raw.broken or self.raw.closed):
            return True
        if self._tx_open:
            if st.sql.upper().startswith("ROLLBACK"):
                self._tx_open = False
                return False
            raise ServerUnreachable("the connection to the server was lost inside a transaction")
        if self._opener is None:
            raise ServerUnreachable("the connection to the server is closed")
        with _as_sqlite_errors():
            self.raw = self._opener()
        self.raw.adapters.register_dumper(bool, _IntFromBool)
        return True

    def _conflict_keys(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if self._keys is None:
            found: dict[str, list[str]] = {}
            with self.raw.cursor() as cur:
                cur.execute(
                    "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
                    "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
                    "AND kcu.table_schema = tc.table_schema WHERE tc.table_schema = current_schema() "
                    "AND tc.constraint_type = 'PRIMARY KEY' ORDER BY tc.table_name, kcu.ordinal_position")
                for table, column in cur.fetchall():
                    found.setdefault(table, []).append(column)
            # a table keyed by a number it gives itself replaces on its other unique key
            with self.raw.cursor() as cur:
                cur.execute(
                    "SELECT tc.table_name, tc.constraint_name, kcu.column_name FROM information_schema.table_constraints"
                    " tc JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
                    "AND kcu.table_schema = tc.table_schema WHERE tc.table_schema = current_schema() "
                    "AND tc.constraint_type = 'UNIQUE' ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position")
                unique: dict[tuple[str, str], list[str]] = {}
                for table, constraint, column in cur.fetchall():
                    unique.setdefault((table, constraint), []).append(column)
            for (table, _constraint), columns in unique.items():
                if found.get(table) == ["id"]:
                    found[table] = columns
            self._keys = tuple(sorted((t, tuple(c)) for t, c in found.items()))
        return self._keys

    def _statement(self, sql: str) -> Statement:
        if re.search(r"\bOR\s+REPLACE\b", sql, re.IGNORECASE):
            return translate(sql, self._conflict_keys())
        return translate(sql)

    @staticmethod
    def _params(params: Any) -> Any:
        if params is None:
            return ()
        if isinstance(params, dict):
            return params
        return tuple(params)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> ServerCursor:
        st = self._statement(sql)
        if st.constant is not None:
            return ServerCursor(list(st.constant), None, -1, None)
        if not self._usable(st):
            return ServerCursor([], None, -1, None)
        try:
            return self._run(st, params)
        except ServerUnreachable:
            # found dropped by this statement: outside a transaction, a statement that wrote nothing is run once
            # more on a new connection (a read, or the BEGIN of a transaction)
            if self._tx_open or st.writes is not None or st.sql.upper() in ("COMMIT", "END") or not (
                    self.raw.broken or self.raw.closed):
                raise
            self._usable(st)
            return self._run(st, params)

    def _run(self, st: Statement, params: Sequence[Any] | dict[str, Any] | None) -> ServerCursor:
        with _as_sqlite_errors(), self._state(), self.raw.cursor() as cur:
            cur.execute(st.sql, self._params(params))
            if st.begin_write:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            rows: list[tuple[Any, ...]] = []
            description: list[tuple[Any, ...]] | None = None
            if cur.description is not None:
                names = [d.name for d in cur.description]
                rows = cur.fetchall()
                if st.strip_rowid and ROWID in names:
                    at = names.index(ROWID)
                    rows = [r[:at] + r[at + 1:] for r in rows]
                    names.pop(at)
                description = [(n, None, None, None, None, None, None) for n in names]
            lastrowid = int(rows[0][0]) if st.returns_id and rows else None
            self._noted(st, cur.rowcount)
            return ServerCursor(rows, description, cur.rowcount, lastrowid)

    def executemany(self, sql: str, seq_of_params: Iterable[Sequence[Any] | dict[str, Any]]) -> ServerCursor:
        st = self._statement(sql)
        if st.returns_id:
            st = Statement(st.sql.rsplit(" RETURNING ", 1)[0])
        self._usable(st)
        with _as_sqlite_errors(), self._state(), self.raw.cursor() as cur:
            cur.executemany(st.sql, [self._params(p) for p in seq_of_params])
            self._noted(st, cur.rowcount)
            return ServerCursor([], None, cur.rowcount, None)

    @contextlib.contextmanager
    def _state(self) -> Iterator[None]:
        """Remember, after each statement, whether the server holds a transaction open (for a dropped connection)."""
        try:
            yield
        finally:
            if not (self.raw.broken or self.raw.closed):
                self._tx_open = self.raw.info.transaction_status != TransactionStatus.IDLE

    def server(self, statement: Any, params: Sequence[Any] | None = None) -> ServerCursor:
        """A statement of the server alone (roles, grants, DDL, in PostgreSQL's words, not translated), its errors
        raised as :mod:`sqlite3`'s as every other statement's are."""
        with _as_sqlite_errors(), self._state(), self.raw.cursor() as cur:
            cur.execute(statement, params)
            rows = cur.fetchall() if cur.description is not None else []
            return ServerCursor(rows, None, cur.rowcount, None)

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.raw.close()


class _Column:
    def __init__(self, name: str) -> None:
        self.name = name


class ServerTable:
    """What the store asks of :class:`sqlite_utils.db.Table`."""

    def __init__(self, db: ServerDatabase, name: str) -> None:
        self.db = db
        self.name = name

    def exists(self) -> bool:
        return bool(self.db.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
            [self.name]).fetchone())

    @property
    def columns(self) -> list[_Column]:
        return [_Column(str(r[1])) for r in self.db.execute(f"PRAGMA table_info({self.name})").fetchall()]

    def insert(self, row: Row) -> ServerTable:
        cols = list(row)
        names = ", ".join(f'"{c}"' for c in cols)
        self.db.execute(f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" for _ in cols)})',
                        [row[c] for c in cols])
        return self

    def update(self, pk: Any, updates: Row) -> ServerTable:
        if updates:
            sets = ", ".join(f'"{c}" = ?' for c in updates)
            self.db.execute(f'UPDATE "{self.name}" SET {sets} WHERE id = ?', [*updates.values(), pk])
        return self


class ServerDatabase:
    """What the store asks of :class:`sqlite_utils.Database`, on a PostgreSQL server."""

    engine = "postgresql"

    def __init__(self, conn: ServerConnection, address: str) -> None:
        self.conn = conn
        self.address = address

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> ServerCursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Iterator[Row]:
        cur = self.conn.execute(sql, params)
        keys = [d[0] for d in cur.description or []]
        for row in cur.fetchall():
            yield dict(zip(keys, row, strict=True))

    def applied_migrations(self) -> list[str]:
        from tdkt_desktop.store.migrations import MIGRATION_SET

        return [str(r[0]) for r in self.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET]).fetchall()]

    def has_schema(self) -> bool:
        """The database holds the store's tables (``tdkt server init`` was run), whatever this login may read."""
        row = self.conn.raw.execute("SELECT to_regclass('_sqlite_migrations') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def table(self, name: str) -> ServerTable:
        return ServerTable(self, name)

    def __getitem__(self, name: str) -> ServerTable:
        return ServerTable(self, name)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint (inside the caller's transaction, or a transaction of its own)."""
        name = f"tdkt_{secrets.token_hex(8)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        self.conn.close()


def connect(address: str, *, timeout_s: float) -> ServerDatabase:
    """A connection to the database at ``address`` (a ``postgresql://`` URL), in autocommit mode (the store
    opens its transactions itself) and waiting at most ``timeout_s`` for a lock."""
    def opener() -> psycopg.Connection[Any]:
        raw = psycopg.connect(address, autocommit=True, connect_timeout=max(1, int(timeout_s)))
        raw.execute(f"SET lock_timeout = {int(timeout_s * 1000)}")
        # psycopg prepares a statement run often; a plan made for its values, never a generic one: a search's
        # words decide whether its index or a scan is right (a generic plan read a rare name's every entry)
        raw.execute("SET plan_cache_mode = force_custom_plan")
        # an office's database (a few gigabytes) is read from memory or a solid-state disk: reading a page out of
        # order costs little more than the next one (PostgreSQL's default of 4 is for spinning disks). Priced so,
        # a search reads a kind's full-text index for a word few of its records hold, instead of walking the kind
        # entry by entry ("bui t": 30 ms → 10 ms over a province's two million records)
        raw.execute("SET random_page_cost = 1.1")
        return raw

    try:
        raw = opener()
    except psycopg.Error as exc:
        raise _sqlite_error(exc) from exc
    return ServerDatabase(ServerConnection(raw, opener), address)


def server_error(exc: sqlite3.Error, address: str) -> StoreError:
    """What a person is told when the server database at ``address`` fails: in Vietnamese, with what to do."""
    where = shown(address)
    if isinstance(exc, ServerUnreachable):
        detail = str(exc).lower()
        if "password" in detail or "authentication" in detail or "role" in detail:
            return LoginRefused(f"Máy chủ cơ sở dữ liệu {where} từ chối đăng nhập (sai tên hoặc mật khẩu). Hãy kiểm tra "
                              "địa chỉ kết nối trong Cài đặt hoặc hỏi quản trị viên của cơ quan.")
        if "does not exist" in detail and "database" in detail:
            return StoreError(f"Trên máy chủ chưa có cơ sở dữ liệu {where}. Hãy nhờ quản trị viên tạo cơ sở dữ liệu rồi "
                              "chạy “tdkt server init”.")
        return DatabaseUnreachable(
            f"Không kết nối được máy chủ cơ sở dữ liệu {where}. Hãy kiểm tra mạng của cơ quan và máy chủ (dịch vụ "
            "PostgreSQL đang chạy), rồi thử lại; dữ liệu trên máy chủ không bị ảnh hưởng.")
    if "permission denied to create role" in str(exc).lower() or "must have createrole" in str(exc).lower():
        return StoreError(f"Tài khoản đang dùng trên máy chủ {where} không được tạo tên đăng nhập mới. Hãy dùng tài "
                          "khoản quản trị của cơ quan (tạo với quyền CREATEROLE, xem docs/office-server.md).")
    if "permission denied" in str(exc).lower():
        from urllib.parse import urlsplit

        from tdkt_desktop.store.accounts import NotAllowed

        login = urlsplit(address.strip()).username or ""
        return NotAllowed(f"Tài khoản “{login}” chưa được cấp quyền dùng cơ sở dữ liệu {where}. Hãy nhờ quản trị viên "
                          "của cơ quan thêm tài khoản (tdkt server add-officer).")
    error = database_error(exc)
    if isinstance(error, DatabaseLocked):
        return DatabaseLocked(f"Một cán bộ khác đang ghi vào cơ sở dữ liệu {where}. Hãy thử lại sau ít giây.")
    text = str(error).replace("lỗi bên trong SQLite", "lỗi của máy chủ cơ sở dữ liệu")
    return type(error)(text.replace("cơ sở dữ liệu", f"cơ sở dữ liệu {where}", 1))
