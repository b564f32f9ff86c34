"""Opening the database, migrating it safely, and writing records the way sync needs them.

One :class:`Store` per thread (SQLite connections are not shared). Every write goes through
:meth:`Store.insert`, :meth:`Store.update`, :meth:`Store.delete` or :meth:`Store.restore`, which
validate the values, stamp the sync columns, keep the search index current and write an audit
entry — all in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import platformdirs
import sqlite_utils

from tdkt_desktop.core.errors import FileAccessError, file_error
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import fields as _fields
from tdkt_desktop.store import revisions as _revisions
from tdkt_desktop.store import search as _search
from tdkt_desktop.store import sortkeys as _sortkeys
from tdkt_desktop.store.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    NotADatabase,
    NotFound,
    PermissionDenied,
    StoreError,
    database_error,
    is_read_only_filesystem,
    register_open,
    unregister_open,
)
from tdkt_desktop.store.keyfile import (
    LEGACY_META_SECRETS,
    KeyFileError,
    key_file_path,
    read_key_file,
    write_key_file,
)
from tdkt_desktop.store.migrations import (
    MIGRATION_SET,
    SYNCED_TABLES,
    known_migration_names,
    migrations,
    schema_version,
)
from tdkt_desktop.store.naming import naming_of
from tdkt_desktop.store.revisions import SYNC_FIELDS
from tdkt_desktop.store.server_address import is_server_address, shown

if TYPE_CHECKING:
    from tdkt_desktop.store.accounts import Account
    from tdkt_desktop.store.authority import UnitTree

Row = dict[str, Any]

APP_NAME = "TDKT Desktop"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get("TDKT_DB")
    if env:
        return Path(env)
    return user_data_dir() / "tdkt.sqlite"


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    return str(uuid.uuid4())


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    if getattr(db, "engine", "sqlite") != "sqlite":
        names: list[str] = cast(Any, db).applied_migrations()  # a server database (store.server_db)
        return names
    return [m.name for m in migrations.applied(db)]


# How long a command waits for another program's write to finish before saying the database is locked.
BUSY_TIMEOUT_S = 10.0


def busy_timeout_s() -> float:
    """The busy timeout in seconds (``TDKT_BUSY_TIMEOUT`` overrides the default of 10 s, for scripts)."""
    given = os.environ.get("TDKT_BUSY_TIMEOUT", "").strip().replace(",", ".")
    try:
        return max(0.0, float(given)) if given else BUSY_TIMEOUT_S
    except ValueError:
        return BUSY_TIMEOUT_S


def _create_private(path: Path) -> None:
    """Create the (empty) database file readable by its owner only, before SQLite writes to it — SQLite gives
    its ``-wal`` and ``-shm`` files the same permissions. A file that did not exist can have no connection,
    so creating it here cannot disturb SQLite's locks."""
    parent = path.parent
    try:
        if not parent.exists():
            parent.mkdir(parents=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise file_error(exc, parent if not parent.exists() else path) from exc
    os.close(fd)


def _tighten(path: Path) -> None:
    """Databases made by earlier versions were readable by every account of the computer: make the file and
    its ``-wal``/``-shm`` private (permissions only; the files are not opened)."""
    if os.name != "posix":
        return
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            st = name.stat()
            if st.st_uid == os.geteuid() and st.st_mode & 0o077:
                os.chmod(name, st.st_mode & 0o700)
        except OSError:
            continue


def _connect(path: Path, timeout: float, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return conn


def _writable_place(path: Path, *, exists: bool) -> bool:
    return not is_read_only_filesystem(path) and os.access(path.parent, os.W_OK) and \
        (not exists or os.access(path, os.W_OK))


def reading_connection(path: Path, *, may_write: bool | None = None) -> sqlite3.Connection:
    """A connection that only reads the existing database at ``path`` — also on a write-protected or full disk,
    or in a folder this account may not write, where SQLite cannot make its ``-shm``: then it reads the file as
    it is (``immutable``; no program can be writing it there)."""
    timeout = busy_timeout_s()
    attempts: list[tuple[bool, bool]] = [(False, False), (True, False), (True, True)]
    if not (_writable_place(path, exists=True) if may_write is None else may_write):
        attempts = attempts[1:]
    last: sqlite3.Error | None = None
    for read_only, immutable in attempts:
        conn = _connect(path, timeout, read_only=read_only, immutable=immutable)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            last = exc
            if isinstance(database_error(exc, path), (NotADatabase, DatabaseDamaged, DatabaseLocked)):
                break
            continue
        return conn
    assert last is not None
    raise last


def _open_connection(path: Path, timeout: float, *, exists: bool) -> tuple[sqlite3.Connection, StoreError | None]:
    """(connection, why it may not write). Where the file or its disk cannot be written (a write-protected USB
    stick, a full disk, another account's folder) it is opened for reading only: it can still be looked at,
    checked and backed up elsewhere; a write then says why it cannot be done."""
    if exists and not _writable_place(path, exists=True):
        conn = reading_connection(path, may_write=False)
        conn.execute("PRAGMA foreign_keys=ON")
        return conn, _why_read_only(path)
    conn = _connect(path, timeout)
    try:
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        conn.close()
        error = database_error(exc, path, timeout_s=timeout)
        if not exists or not isinstance(error, (DiskFull, DatabaseReadOnly, PermissionDenied)):
            raise
        conn = reading_connection(path, may_write=False)  # a full disk: SQLite could not make its -shm
        conn.execute("PRAGMA foreign_keys=ON")
        return conn, error
    return conn, None


def _why_read_only(path: Path) -> StoreError:
    """A read-only disk, or no permission: as SQLite would say it at the first write."""
    return database_error(sqlite3.OperationalError("attempt to write a readonly database"), path)


def server_home(address: str) -> Path:
    """The folder of this computer that holds what belongs to one server database and never goes to the server:
    its key file (the office's private keys, kept off the shared database as they are kept off a SQLite file)."""
    from urllib.parse import urlsplit

    parts = urlsplit(address.strip())
    where = "_".join(p for p in (parts.hostname or "local", str(parts.port or ""), parts.path.strip("/")) if p)
    return user_data_dir() / "servers" / "".join(c if c.isalnum() or c in "-_." else "_" for c in where)


def _upgrade_server(server: Any, address: str, applied: int, known: int) -> None:
    from tdkt_desktop.store.server_schema import SchemaChangeUnsupported, upgrade_schema

    try:
        upgrade_schema(server)
    except SchemaChangeUnsupported as exc:
        raise StoreError(
            f"Cơ sở dữ liệu {shown(address)} (lược đồ {applied}) không tự nâng cấp được lên lược đồ {known} của phiên "
            "bản này. Hãy báo cho người hỗ trợ kỹ thuật; dữ liệu chưa bị thay đổi.") from exc
    except sqlite3.Error as exc:
        if "permission denied" in str(exc).lower() or "must be owner" in str(exc).lower():
            raise StoreError(
                f"Cơ sở dữ liệu {shown(address)} cần nâng cấp lên lược đồ {known} của phiên bản này, nhưng tài khoản "
                "đang dùng không có quyền đổi lược đồ. Hãy nhờ quản trị viên sao lưu (pg_dump) rồi mở bằng tài khoản "
                "quản trị một lần; dữ liệu chưa bị thay đổi.") from exc
        raise


def _open_server(address: str, *, create: bool, operator: str | None) -> Store:
    """Open the store on the PostgreSQL database at ``address``; an empty database gets the chain's schema
    (``create``)."""
    from tdkt_desktop.store import server_db as pg
    from tdkt_desktop.store.server_schema import create_schema, search_words_current

    timeout = busy_timeout_s()
    try:
        server = pg.connect(address, timeout_s=timeout)
    except sqlite3.Error as exc:
        raise pg.server_error(exc, address) from exc
    db = cast(sqlite_utils.Database, server)  # the same surface, see store.server_db
    try:
        applied = applied_migrations(db) if server.has_schema() else []
        known = known_migration_names()
        if not applied:
            if not create:
                raise StoreError(f"Cơ sở dữ liệu {shown(address)} chưa được khởi tạo. Hãy chạy “tdkt server init”.")
            create_schema(server)
            applied = known
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError(
                f"Cơ sở dữ liệu {shown(address)} được tạo bởi phiên bản TĐKT Desktop mới hơn (lược đồ {len(applied)}, "
                f"phiên bản này hiểu tới lược đồ {len(known)}). Hãy cài phiên bản mới hơn; dữ liệu chưa bị thay đổi.")
        if applied != known[: len(applied)]:
            raise StoreError(f"Thứ tự nâng cấp lược đồ của cơ sở dữ liệu {shown(address)} không khớp với phiên bản này.")
        if len(applied) < len(known) or not search_words_current(server):
            _upgrade_server(server, address, len(applied), len(known))
        store = Store(db, server_home(address) / "server.db", operator=operator, address=address)
        from tdkt_desktop.store.accounts import sign_in

        sign_in(store)
        store.ensure_installation()
        _refresh_search_index(store)
        _refresh_sort_keys(store)
    except sqlite3.Error as exc:
        server.close()
        raise pg.server_error(exc, address) from exc
    except BaseException:
        server.close()
        raise
    return store


def open_store(
    path: str | Path | None = None,
    *,
    create: bool = True,
    operator: str | None = None,
    backup: bool = True,
) -> Store:
    """Open (and, when needed, create or migrate) the database at ``path``.

    The file is only ever opened through SQLite (closing any other descriptor of it would drop this
    process's locks and let another program delete the ``-wal`` under a live connection); a file that is
    not a database is recognised by SQLite itself. Before migrating an existing database a verified backup
    is made (:mod:`tdkt_desktop.store.backups`); a database written by a newer version of the application is
    refused with a clear message, untouched. Private keys that earlier versions kept in the database are
    moved out to the key file (:mod:`tdkt_desktop.store.keyfile`).
    """
    if isinstance(path, str) and is_server_address(path):
        return _open_server(path, create=create, operator=operator)
    db_path = Path(path) if path is not None else default_db_path()
    try:
        if db_path.is_dir():
            raise StoreError(f"“{db_path}” là một thư mục. Hãy ghi rõ tên tệp cơ sở dữ liệu (--db TỆP).")
        exists = db_path.is_file() and db_path.stat().st_size > 0
    except OSError as exc:
        raise file_error(exc, db_path, reading=True) from exc
    if not exists and not create:
        raise StoreError(
            f"Chưa có cơ sở dữ liệu tại {db_path}. Hãy khởi tạo bằng lệnh “tdkt init” hoặc mở ứng dụng để "
            "làm theo hướng dẫn."
        )
    timeout = busy_timeout_s()
    try:
        if exists:
            _tighten(db_path)
        elif not is_read_only_filesystem(db_path):
            _create_private(db_path)
        conn, cannot_write = _open_connection(db_path, timeout, exists=exists)
    except sqlite3.Error as exc:
        raise database_error(exc, db_path, timeout_s=timeout) from exc
    db = sqlite_utils.Database(conn)
    try:
        applied = applied_migrations(db)
        known = known_migration_names()
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError(
                f"Cơ sở dữ liệu {db_path} được tạo bởi phiên bản TĐKT Desktop mới hơn (lược đồ {len(applied)}, "
                f"phiên bản này hiểu tới lược đồ {len(known)}). Hãy cài phiên bản mới hơn; dữ liệu chưa bị thay đổi."
            )
        store = Store(db, db_path, operator=operator, cannot_write=cannot_write)
        read_only = store.read_only
        if applied and not read_only and store.move_keys_out():
            from tdkt_desktop.store import backups

            backups.scrub_old_backups(db_path)
        pending = [name for name in known if name not in applied]
        if pending:
            store.last_migration_backup = _migrate(store, applied, backup=backup)
        store.ensure_installation()
        if not read_only:
            _refresh_search_index(store)
            _refresh_sort_keys(store)
    except sqlite3.Error as exc:
        conn.close()
        raise database_error(exc, db_path, timeout_s=timeout) from exc
    except BaseException:
        conn.close()
        raise
    register_open(db_path)
    return store


def _migrate(store: Store, applied: list[str], *, backup: bool) -> Path | None:
    """Apply the pending migrations in one transaction, after a verified backup of an existing database."""
    from tdkt_desktop.store import backups

    if store.read_only:
        raise DatabaseReadOnly(
            f"Cơ sở dữ liệu {store.path} cần được nâng cấp lên phiên bản mới nhưng không ghi được vào tệp (ổ đĩa chỉ "
            "đọc hoặc thiếu quyền). Hãy chép tệp sang thư mục ghi được rồi mở lại; dữ liệu chưa bị thay đổi."
        )
    backup_path = None
    if applied and backup:
        try:
            backup_path = backups.make_backup(store.path, kind=backups.KIND_MIGRATION).path
        except StoreError as exc:
            raise StoreError(f"Chưa nâng cấp cơ sở dữ liệu vì chưa sao lưu được: {exc}") from exc
    conn = store.db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")  # one program migrates; another waits, then finds nothing left to do
        if [m.name for m in migrations.pending(store.db)]:
            migrations.apply(store.db)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        hint = f" Bản sao lưu: {backup_path}." if backup_path else ""
        error = database_error(exc, store.path)
        raise type(error)(f"Nâng cấp cơ sở dữ liệu thất bại: {error} Dữ liệu chưa bị thay đổi.{hint}") from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return backup_path

def _refresh_search_index(store: Store) -> None:
    """Rebuild the (derived) search index when what is indexed changed, or index again what names an award
    when this installation now names the awards otherwise (units received in a bundle). A database too
    damaged to read its units is left as it is: what needs the damaged part says so."""
    try:
        naming = naming_of(store)
    except sqlite3.DatabaseError:
        return
    if store.meta("search_index_version") != _search.SEARCH_INDEX_VERSION:
        with store.atomic():
            _search.rebuild_search_index(store.db, naming)
            store.set_meta("search_index_version", _search.SEARCH_INDEX_VERSION)
            store.set_meta("search_index_naming", naming.key)
    elif store.meta("search_index_naming") != naming.key:
        try:
            with store.atomic():
                store._follow_naming()
        except StoreError:  # another program is writing: the words are brought up to date at the next opening
            return


def _refresh_sort_keys(store: Store) -> None:
    """Compute the stored sort keys again when their version changed (see :mod:`tdkt_desktop.store.sortkeys`)."""
    if store.meta("sort_keys_version") != _sortkeys.SORT_KEYS_VERSION:
        with store.atomic():
            _sortkeys.refill(store.db)
            store.set_meta("sort_keys_version", _sortkeys.SORT_KEYS_VERSION)


class Store:
    def __init__(
        self, db: sqlite_utils.Database, path: Path, *, operator: str | None = None,
        cannot_write: StoreError | None = None, address: str | None = None,
    ) -> None:
        self.db = db
        # the SQLite file; for a server database, the file name its key file is named after (see server_home)
        self.path = path
        self.address = address  # the server database's address (postgresql://…), None for a SQLite file
        self.account: Account | None = None  # the officer signed in to a server database (store.accounts)
        self._operator = operator
        # opened for reading only (a write-protected or full disk, no permission to write): why, for every write
        self.cannot_write = cannot_write
        self.last_migration_backup: Path | None = None
        self._closed = False
        self._trees: Any = None  # the unit tree cache of the authority checks
        self._defaults: dict[str, Row] = {}
        # called once, before the first transaction this store opens (the command line's daily backup: a command
        # that only reads makes none — on a province's database it copied a gigabyte before a list was shown)
        self.before_first_write: Callable[[], None] | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def on_server(self) -> bool:
        """The database is an office's shared database on a PostgreSQL server, not a SQLite file: no file
        backups here (the server's administrator backs it up with pg_dump, docs/office-server.md)."""
        return self.address is not None

    @property
    def read_only(self) -> bool:
        return self.cannot_write is not None

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.db.close()
            if self.address is None:
                unregister_open(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        """One transaction (a savepoint when nested). The outermost one takes the write lock at once
        (``BEGIN IMMEDIATE``), so a program that is writing makes this one wait up to the busy timeout instead
        of failing at its first write. Failures a person can act on — a reference to a record that does not
        exist, a full disk, a locked or read-only file — become :class:`StoreError` with a Vietnamese message;
        nothing of the transaction is kept."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        if self.cannot_write is not None:
            raise type(self.cannot_write)(str(self.cannot_write))
        first, self.before_first_write = self.before_first_write, None
        if first is not None:
            first()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.error(exc) from exc
        try:
            yield self
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self.error(exc) from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self.error(exc) from exc

    def error(self, exc: sqlite3.Error) -> StoreError:
        """The :class:`StoreError` a person is told for ``exc`` on this database (raise it ``from exc``)."""
        if self.address is not None:
            from tdkt_desktop.store.server_db import server_error

            return server_error(exc, self.address)
        return database_error(exc, self.path, timeout_s=busy_timeout_s())

    # ------------------------------------------------------------------ meta
    def meta(self, key: str, default: str | None = None) -> str | None:
        rows = self.read("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0]["value"] if rows else default

    def set_meta(self, key: str, value: str | None) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
        if key == "unit_code":
            self._follow_naming()

    def _follow_naming(self) -> None:
        """The installation's unit, or a unit's name, changed: index again what names an award, if the
        installation now names the awards otherwise."""
        naming = naming_of(self)
        if self.meta("search_index_naming") != naming.key:
            _search.reindex_named(self.db, naming)
            self.set_meta("search_index_naming", naming.key)

    def meta_json(self, key: str, default: Any = None) -> Any:
        raw = self.meta(key)
        return json.loads(raw) if raw else default

    def set_meta_json(self, key: str, value: Any) -> None:
        self.set_meta(key, json.dumps(value, ensure_ascii=False))

    def ensure_installation(self) -> None:
        if self.meta("install_id") is not None:
            return
        if self.read_only:
            raise DatabaseReadOnly(f"Cơ sở dữ liệu {self.path} chưa được khởi tạo và không ghi được (chỉ đọc).")
        with self.atomic():
            if self.meta("install_id") is None:
                self.set_meta("install_id", uuid.uuid4().hex[:16])
                self.set_meta("clock", "0")
                self.set_meta("local_seq", "0")
                self.set_meta("created_at", now_iso())

    def renew_installation_identity(self, *, reason: str) -> str:
        """Give this database a new installation identity and return it.

        For a database restored from a backup or copied to another computer: its own revisions are named
        ``gen-install-clock``, so continuing under the old identity would reuse revision names that the
        lost (or the other) copy already gave to other content. The new identity starts its change counter
        at 0; the old one is kept in ``install_history`` (with the counter it had reached and the reason), which
        travels in bundles so that peers accept the new identity for the same keys."""
        with self.atomic():
            history = self.meta_json("install_history", []) or []
            history.append({"install_id": self.install_id, "clock": self.current_clock(), "until": now_iso(),
                            "reason": reason})
            new = uuid.uuid4().hex[:16]
            self.set_meta_json("install_history", history)
            self.set_meta("install_id", new)
            self.set_meta("clock", "0")
            self.set_meta("install_since", now_iso())
        return new

    def previous_installs(self) -> list[str]:
        """The earlier installation identities of this database, oldest first."""
        return [str(h["install_id"]) for h in self.meta_json("install_history", []) or [] if h.get("install_id")]

    def move_keys_out(self, *, strict: bool = False) -> bool:
        """Move private keys that earlier versions kept in ``meta`` to the key file beside the database.

        The rows are then deleted with SQLite's secure delete (their bytes overwritten), the file vacuumed
        (no stale copy in a free page) and the WAL truncated. When the key file cannot be written (a
        read-only folder) the keys stay where they were and nothing is lost; the next open tries again
        (``strict``: the failure is raised). True when keys were moved."""
        names = list(LEGACY_META_SECRETS)
        marks = ", ".join("?" for _ in names)
        found = {str(r[0]): str(r[1]) for r in self.db.execute(
            f"SELECT key, value FROM meta WHERE key IN ({marks}) AND value IS NOT NULL", names).fetchall()}
        if not found:
            return False
        path = key_file_path(self.path)
        try:
            if read_key_file(path) is None:
                legacy = {LEGACY_META_SECRETS[k]: v for k, v in found.items()}
                write_key_file(path, {"moved_from_database_at": now_iso()}, {"legacy": legacy})
        except (KeyFileError, FileAccessError):
            if strict:
                raise
            return False
        conn = self.db.conn
        conn.execute("PRAGMA secure_delete = ON")
        try:
            with self.atomic():
                conn.execute(f"DELETE FROM meta WHERE key IN ({marks})", names)
            with contextlib.suppress(sqlite3.OperationalError):  # another program is reading: the rows are zeroed anyway
                conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.execute("PRAGMA secure_delete = OFF")
        return True

    @property
    def install_id(self) -> str:
        value = self.meta("install_id")
        assert value is not None
        return value

    @property
    def unit_code(self) -> str | None:
        return self.meta("unit_code")

    @property
    def operator(self) -> str:
        return self._operator or self.meta("operator") or ""

    @operator.setter
    def operator(self, value: str) -> None:
        self._operator = value

    def schema_version(self) -> int:
        return len(applied_migrations(self.db))

    def _next(self, key: str) -> int:
        value = int(self.meta(key, "0") or 0) + 1
        self.set_meta(key, str(value))
        return value

    def next_local_seq(self) -> int:
        return self._next("local_seq")

    def current_clock(self) -> int:
        return int(self.meta("clock", "0") or 0)

    def current_local_seq(self) -> int:
        return int(self.meta("local_seq", "0") or 0)

    # ------------------------------------------------------------------ reading
    def read(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> list[Row]:
        """The rows of a query, each a dict by column name. Unlike ``db.query``, which wraps every statement run
        inside a transaction in a savepoint of its own, it runs the statement alone: each savepoint made the
        full-text index write out the entries it held in memory (a merge reads between its writes)."""
        cur = self.db.execute(sql, params)
        keys = [d[0] for d in cur.description]
        return [dict(zip(keys, row, strict=True)) for row in cur.fetchall()]

    def get(self, table: str, record_id: str, *, include_deleted: bool = False) -> Row | None:
        self._check_table(table)
        rows = self.read(f"SELECT * FROM {table} WHERE id = ?", [record_id])
        if not rows or (rows[0]["deleted"] and not include_deleted):
            return None
        return rows[0]

    def require(self, table: str, record_id: str) -> Row:
        row = self.get(table, record_id)
        if row is None:
            label = _fields.KINDS[table].label if table in _fields.KINDS else table
            raise NotFound(f"Không tìm thấy {label.lower()} có mã {record_id}.")
        return row

    def resolve_id(self, table: str, given: str) -> str:
        """The id of a live record given whole or by a unique prefix of at least 8 characters."""
        self._check_table(table)
        given = given.strip()
        if given and self.get(table, given):
            return given
        label = _fields.KINDS[table].label.lower() if table in _fields.KINDS else table
        if len(given) >= 8:
            found = [r[0] for r in self.db.execute(
                f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' AND deleted = 0 LIMIT 2",
                [given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"],
            ).fetchall()]
            if len(found) == 1:
                return str(found[0])
            if len(found) > 1:
                raise NotFound(f"Có nhiều {label} có mã bắt đầu bằng “{given}”. Hãy nhập đủ mã.")
        raise NotFound(f"Không tìm thấy {label} có mã “{given}”.")

    def rows(
        self,
        table: str,
        where: str | None = None,
        params: list[Any] | dict[str, Any] | None = None,
        *,
        order_by: str | None = None,
        include_deleted: bool = False,
        limit: int | None = None,
    ) -> list[Row]:
        self._check_table(table)
        clauses = [] if include_deleted else ["deleted = 0"]
        if where:
            clauses.append(f"({where})")
        sql = f"SELECT * FROM {table}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        # in insertion order unless told: an index chosen for the filter (the sort keys') must not decide it
        sql += f" ORDER BY {order_by or 'rowid'}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.read(sql, params or [])

    def count(self, table: str, where: str | None = None, params: list[Any] | None = None) -> int:
        self._check_table(table)
        sql = f"SELECT COUNT(*) AS n FROM {table} WHERE deleted = 0"
        if where:
            sql += f" AND ({where})"
        return int(next(iter(self.db.query(sql, params or [])))["n"])

    def search(self, query: str, *, tables: list[str] | None = None, limit: int = 50) -> list[_search.SearchHit]:
        return _search.search(self.db, query, naming_of(self), tables=tables, limit=limit)

    def audit_entries(
        self,
        table: str | None = None,
        record_id: str | None = None,
        *,
        since: str | None = None,
        limit: int | None = None,
    ) -> list[Row]:
        """Audit entries, oldest first; ``since`` is an ISO date or time (entries at or after it)."""
        clauses: list[str] = []
        params: list[Any] = []
        if table:
            clauses.append("table_name = ?")
            params.append(table)
        if record_id:
            clauses.append("record_id = ?")
            params.append(record_id)
        if since:
            clauses.append("at >= ?")
            params.append(since)
        sql = "SELECT * FROM audit_log"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.query(sql, params))

    # ------------------------------------------------------------------ writing
    def _check_table(self, table: str) -> None:
        if table not in SYNCED_TABLES:
            raise ValueError(f"unknown table {table!r}")

    def _owner_for(self, table: str, values: Row) -> str:
        kind = _fields.KINDS[table]
        owner = values.get(kind.owner_field) if kind.owner_field else None
        owner = owner or self.unit_code
        if not owner:
            raise StoreError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ”.")
        return str(owner)

    def _stamp(self, table: str, row: Row, changed: list[str], *, gen: int, base_rev: str | None) -> None:
        """A new local version of ``row`` of ``table``: the ``changed`` fields written by this installation's unit
        (and its sort key computed again)."""
        _revisions.stamp_local(row, changed, gen=gen, install_id=self.install_id, clock=self._next("clock"),
                               unit=self.unit_code or str(row["owner_unit"]), base_rev=base_rev,
                               updated_at=now_iso())
        row["local_seq"] = self.next_local_seq()
        row[_sortkeys.COLUMN] = _sortkeys.key_of(table, row)

    def _column_defaults(self, table: str) -> Row:
        """The value each content column takes when an insert leaves it out (so a revision's hash is computed
        over the row exactly as stored)."""
        if table not in self._defaults:
            out: Row = {}
            for _cid, name, _type, _notnull, default, _pk in self.db.execute(f"PRAGMA table_info({table})").fetchall():
                if name in SYNC_FIELDS:
                    continue
                text = None if default is None else str(default)
                if text is None or text.upper() == "NULL":
                    out[name] = None
                elif text.startswith("'") and text.endswith("'"):
                    out[name] = text[1:-1].replace("''", "'")
                else:
                    try:
                        out[name] = int(text)
                    except ValueError:
                        out[name] = float(text)
            self._defaults[table] = out
        return self._defaults[table]

    def _guard(self, table: str, before: Row | None, after: Row, changed: list[str]) -> None:
        """Refuse a write this unit has no authority for (see :mod:`tdkt_desktop.store.authority`)."""
        from tdkt_desktop.store import authority

        authority.check_local_write(self, self.unit_tree(), table, before, after, changed)
        if table == "campaigns" and not after.get("deleted") and not after.get("linked_campaign_id") and (
            before is None or any(k in changed for k in ("doc_number", "doc_kind", "doc_date", "doc_issuer", "deleted"))
        ):
            from tdkt_desktop.store import directives

            directives.check_unique(self, after, exclude_id=after["id"])
        if table == "registrations" and not after.get("deleted") and after.get("title_code") and after.get(
            "subject_kind") and (
            before is None or any(k in changed for k in ("title_code", "subject_kind", "year"))
        ):
            from tdkt_desktop.store import registrations

            year = after.get("year") or str(after.get("registered_on") or "")[:4] or _dt.date.today().year
            registrations.check_title(self, str(after["title_code"]), str(after.get("subject_kind")), int(year))

        if table == "covenants" and not after.get("deleted"):
            from tdkt_desktop.core.covenants import check_covenant

            check_covenant(after)

    def unit_tree(self) -> UnitTree:
        """The unit tree as this database knows it (cached until a ``units`` row changes)."""
        from tdkt_desktop.store import authority

        if self._trees is None:
            self._trees = authority.TreeCache()
        tree: UnitTree = self._trees.get(self)
        return tree

    def _audit(self, table: str, record_id: str, action: str, before: Row | None, after: Row | None) -> None:
        self.db.execute(
            "INSERT INTO audit_log (at, operator, install_id, table_name, record_id, action, before_json, after_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                now_iso(),
                self.operator,
                self.install_id,
                table,
                record_id,
                action,
                json.dumps(before, ensure_ascii=False, sort_keys=True) if before is not None else None,
                json.dumps(after, ensure_ascii=False, sort_keys=True) if after is not None else None,
            ],
        )

    def insert(self, table: str, values: Row, *, record_id: str | None = None, owner_unit: str | None = None) -> Row:
        """Validate and insert a new record; returns the stored row."""
        self._check_table(table)
        clean_values = _fields.normalise(table, values)
        with self.atomic():
            row: Row = dict(clean_values)
            row["id"] = record_id or new_id()
            row["owner_unit"] = owner_unit or self._owner_for(table, clean_values)
            row["created_at"] = now_iso()
            row["deleted"] = 0
            for name, value in self._column_defaults(table).items():
                row.setdefault(name, value)
            written = [k for k, v in clean_values.items() if v is not None]
            self._guard(table, None, row, written)
            self._stamp(table, row, written, gen=1, base_rev=None)
            self.db.table(table).insert(row)
            self._audit(table, row["id"], "insert", None, clean_values)
            self._index(table, row)
        stored = self.get(table, row["id"])
        assert stored is not None
        return stored

    def new_version(self, table: str, values: Row, *, record_id: str, owner_unit: str) -> Row:
        """A new record stamped by this installation but not written: for the rows sync writes in bulk (a
        queued conflict), which need no validation or authority check."""
        row: Row = dict(values)
        row["id"] = record_id
        row["owner_unit"] = owner_unit
        row["created_at"] = now_iso()
        row["deleted"] = 0
        for name, value in self._column_defaults(table).items():
            row.setdefault(name, value)
        _revisions.stamp_local(row, list(values), gen=1, install_id=self.install_id, clock=self._next("clock"),
                               unit=self.unit_code or owner_unit, base_rev=None, updated_at=row["created_at"])
        return row

    def _index(self, table: str, row: Row) -> None:
        if table in _search.SEARCHABLE:
            _search.index_row(self.db, table, row, naming_of(self))
        elif table == "units":
            self._follow_naming()

    def update(self, table: str, record_id: str, changes: Row) -> Row:
        """Validate and apply changes to a live record; returns the stored row."""
        self._check_table(table)
        clean_changes = _fields.normalise(table, changes, partial=True)
        with self.atomic():
            current = self.require(table, record_id)
            changed = {k: v for k, v in clean_changes.items() if current.get(k) != v}
            if not changed:
                return current
            row = dict(current)
            row.update(changed)
            self._guard(table, current, row, list(changed))
            self._stamp(table, row, list(changed), gen=int(current["gen"]) + 1, base_rev=current["rev"])
            self.db.table(table).update(record_id, {k: row[k] for k in (*changed, *SYNC_FIELDS) if k != "id"})
            self._audit(table, record_id, "update", {k: current.get(k) for k in changed}, changed)
            self._index(table, row)
        stored = self.get(table, record_id)
        assert stored is not None
        return stored

    def _set_deleted(self, table: str, record_id: str, deleted: int, action: str) -> Row:
        self._check_table(table)
        with self.atomic():
            current = self.get(table, record_id, include_deleted=True)
            if current is None:
                raise NotFound(f"Không tìm thấy bản ghi có mã {record_id}.")
            if int(current["deleted"]) == deleted:
                return current
            row = dict(current)
            row["deleted"] = deleted
            self._guard(table, current, row, ["deleted"])
            self._stamp(table, row, ["deleted"], gen=int(current["gen"]) + 1, base_rev=current["rev"])
            self.db.table(table).update(record_id, {k: row[k] for k in SYNC_FIELDS if k != "id"})
            self._audit(table, record_id, action, {"deleted": current["deleted"]}, {"deleted": deleted})
            self._index(table, row)
        return row

    def delete(self, table: str, record_id: str) -> Row:
        """Mark a record deleted (a tombstone that travels in bundles); :meth:`restore` undoes it."""
        return self._set_deleted(table, record_id, 1, "delete")

    def restore(self, table: str, record_id: str) -> Row:
        return self._set_deleted(table, record_id, 0, "restore")

    # ------------------------------------------------------------------ this installation's unit
    def self_unit(self) -> Row | None:
        code = self.unit_code
        if not code:
            return None
        rows = self.rows("units", "code = ?", [code])
        return rows[0] if rows else None

    def unit_by_code(self, code: str) -> Row | None:
        rows = self.rows("units", "code = ?", [code])
        return rows[0] if rows else None

    def stats(self) -> dict[str, int]:
        """Counts of live records per kind."""
        return {table: self.count(table) for table in STAT_TABLES}


STAT_TABLES = (
    "campaigns", "targets", "target_results", "registrations", "participations", "people", "collectives",
    "households", "nominations", "vote_sessions", "decisions",
)


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Problems SQLite finds in a database (empty when all is well): damaged pages, broken references, a
    migration chain that is not this version's. The one check behind ``tdkt check``, the restore and the tests."""
    problems = [f"integrity_check: {r[0]}" for r in conn.execute("PRAGMA integrity_check(50)").fetchall()
                if r[0] != "ok"]
    if problems:
        return problems  # references and tables of a damaged file are not worth reading further
    for r in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Tham chiếu hỏng: bảng {r[0]} dòng {r[1]} trỏ tới {r[2]} không tồn tại.")
    applied = [str(r[0]) for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET]).fetchall()]
    if applied != known_migration_names()[: len(applied)]:
        problems.append("Thứ tự nâng cấp lược đồ không khớp với phiên bản này (tệp của phiên bản khác?).")
    return problems


def check_integrity(store: Store) -> list[str]:
    """Problems found in the database of ``store`` (:func:`integrity_problems`)."""
    return integrity_problems(store.db.conn)


__all__ = [
    "MIGRATION_SET",
    "SYNCED_TABLES",
    "SYNC_FIELDS",
    "InputError",
    "NotFound",
    "Store",
    "StoreError",
    "busy_timeout_s",
    "check_integrity",
    "default_db_path",
    "open_store",
    "schema_version",
]
