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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
import sqlite_utils

from tdkt_desktop.core.errors import UserError
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import fields as _fields
from tdkt_desktop.store import search as _search
from tdkt_desktop.store.migrations import (
    MIGRATION_SET,
    SYNCED_TABLES,
    known_migration_names,
    migrations,
    schema_version,
)

Row = dict[str, Any]

APP_NAME = "TDKT Desktop"
SYNC_FIELDS = (
    "id", "owner_unit", "created_at", "updated_at", "origin_install", "clock", "gen", "rev", "base_rev",
    "local_seq", "deleted",
)


class StoreError(UserError):
    """A problem with the database file a person can act on. ``str(err)`` is Vietnamese."""


class NotFound(StoreError):
    pass


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


def make_rev(gen: int, install_id: str, clock: int) -> str:
    """A revision name that sorts by generation first: ``"000003-<install>-<clock>"``."""
    return f"{gen:06d}-{install_id}-{clock}"


_SQLITE_HEADER = b"SQLite format 3\x00"


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp cơ sở dữ liệu {path}: {exc.strerror}.") from exc
    if header and header != _SQLITE_HEADER:
        raise StoreError(
            f"Tệp {path} không phải là cơ sở dữ liệu TĐKT (có thể đã bị hỏng hoặc chọn nhầm tệp). "
            "Hãy chọn đúng tệp .sqlite hoặc khôi phục từ bản sao lưu."
        )


def backup_database(path: Path, *, reason: str) -> Path:
    """A consistent copy of the database beside it, in ``backups/`` (SQLite online backup)."""
    backups = path.parent / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"{path.stem}-{stamp}-{reason}{path.suffix or '.sqlite'}"
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"Không sao lưu được cơ sở dữ liệu trước khi nâng cấp: {exc}.") from exc
    finally:
        src.close()
    return target


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """A Vietnamese explanation of a database failure, saying what to do; nothing was saved."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.IntegrityError) and "foreign key" in text:
        return "Không lưu được: dữ liệu tham chiếu tới một bản ghi không tồn tại (đã bị xóa hoặc chưa nhận về)."
    if isinstance(exc, sqlite3.IntegrityError):
        return f"Không lưu được: dữ liệu trùng hoặc thiếu thông tin bắt buộc ({exc})."
    if "disk is full" in text or "database or disk is full" in text:
        return "Ổ đĩa đã đầy nên chưa lưu được. Hãy giải phóng dung lượng rồi lưu lại; dữ liệu đã lưu trước đó không bị mất."
    if "locked" in text or "busy" in text:
        return "Cơ sở dữ liệu đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại."
    if "readonly" in text or "read-only" in text:
        return "Không ghi được vào cơ sở dữ liệu (tệp chỉ đọc hoặc thiếu quyền). Hãy kiểm tra quyền của thư mục dữ liệu."
    if "malformed" in text or "not a database" in text:
        return "Tệp cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu trong thư mục backups."
    return f"Lỗi cơ sở dữ liệu: {exc}. Dữ liệu đã lưu trước đó không bị thay đổi."


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def open_store(
    path: str | Path | None = None,
    *,
    create: bool = True,
    operator: str | None = None,
    backup: bool = True,
) -> Store:
    """Open (and, when needed, create or migrate) the database at ``path``.

    Before migrating an existing database a backup copy is made. A database written by a newer
    version of the application is refused with a clear message, untouched.
    """
    db_path = Path(path) if path is not None else default_db_path()
    exists = db_path.exists() and db_path.stat().st_size > 0
    if not exists and not create:
        raise StoreError(
            f"Chưa có cơ sở dữ liệu tại {db_path}. Hãy khởi tạo bằng lệnh “tdkt init” hoặc mở ứng dụng để "
            "làm theo hướng dẫn."
        )
    if exists:
        _check_is_sqlite(db_path)
    else:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Không tạo được thư mục {db_path.parent}: {exc.strerror}.") from exc
    try:
        conn = sqlite3.connect(str(db_path), timeout=10)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=10000")
        applied = applied_migrations(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"Không mở được cơ sở dữ liệu {db_path}: tệp bị hỏng hoặc không phải cơ sở dữ liệu TĐKT ({exc})."
        ) from exc
    known = known_migration_names()
    unknown = [name for name in applied if name not in known]
    if unknown:
        conn.close()
        raise StoreError(
            f"Cơ sở dữ liệu {db_path} được tạo bởi phiên bản TĐKT Desktop mới hơn (lược đồ {len(applied)}, "
            f"phiên bản này hiểu tới lược đồ {len(known)}). Hãy cài phiên bản mới hơn; dữ liệu chưa bị thay đổi."
        )
    pending = [name for name in known if name not in applied]
    backup_path = None
    if pending and applied and backup:
        backup_path = backup_database(db_path, reason=f"truoc-nang-cap-v{len(applied)}")
    if pending:
        try:
            migrations.apply(db)
        except sqlite3.Error as exc:
            conn.close()
            hint = f" Bản sao lưu: {backup_path}." if backup_path else ""
            raise StoreError(f"Nâng cấp cơ sở dữ liệu thất bại: {exc}. Dữ liệu chưa bị thay đổi.{hint}") from exc
    store = Store(db, db_path, operator=operator)
    store.last_migration_backup = backup_path
    store.ensure_installation()
    if store.meta("search_index_version") != _search.SEARCH_INDEX_VERSION:
        with store.atomic():
            _search.rebuild_search_index(db)
            store.set_meta("search_index_version", _search.SEARCH_INDEX_VERSION)
    return store


class Store:
    def __init__(self, db: sqlite_utils.Database, path: Path, *, operator: str | None = None) -> None:
        self.db = db
        self.path = path
        self._operator = operator
        self.last_migration_backup: Path | None = None

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        """One transaction (a savepoint when nested). Failures a person can act on — a reference to a
        record that does not exist, a full disk, a locked or read-only file — become :class:`StoreError`
        with a Vietnamese message; nothing of the transaction is kept."""
        outermost = not self.db.conn.in_transaction
        try:
            with self.db.atomic():
                yield self
        except sqlite3.Error as exc:
            if not outermost:
                raise
            raise StoreError(describe_sqlite_error(exc)) from exc

    # ------------------------------------------------------------------ meta
    def meta(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("SELECT value FROM meta WHERE key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_meta(self, key: str, value: str | None) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def meta_json(self, key: str, default: Any = None) -> Any:
        raw = self.meta(key)
        return json.loads(raw) if raw else default

    def set_meta_json(self, key: str, value: Any) -> None:
        self.set_meta(key, json.dumps(value, ensure_ascii=False))

    def ensure_installation(self) -> None:
        with self.atomic():
            if self.meta("install_id") is None:
                self.set_meta("install_id", uuid.uuid4().hex[:16])
                self.set_meta("clock", "0")
                self.set_meta("local_seq", "0")
                self.set_meta("created_at", now_iso())

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
    def get(self, table: str, record_id: str, *, include_deleted: bool = False) -> Row | None:
        self._check_table(table)
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
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
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.query(sql, params or []))

    def count(self, table: str, where: str | None = None, params: list[Any] | None = None) -> int:
        self._check_table(table)
        sql = f"SELECT COUNT(*) AS n FROM {table} WHERE deleted = 0"
        if where:
            sql += f" AND ({where})"
        return int(next(iter(self.db.query(sql, params or [])))["n"])

    def search(self, query: str, *, tables: list[str] | None = None, limit: int = 50) -> list[_search.SearchHit]:
        return _search.search(self.db, query, tables=tables, limit=limit)

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

    def _stamp(self, row: Row, *, gen: int, base_rev: str | None) -> None:
        clock = self._next("clock")
        row["origin_install"] = self.install_id
        row["clock"] = clock
        row["gen"] = gen
        row["rev"] = make_rev(gen, self.install_id, clock)
        row["base_rev"] = base_rev
        row["local_seq"] = self.next_local_seq()
        row["updated_at"] = now_iso()

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
            self._stamp(row, gen=1, base_rev=None)
            self.db.table(table).insert(row)
            self._audit(table, row["id"], "insert", None, clean_values)
            _search.index_row(self.db, table, row)
        stored = self.get(table, row["id"])
        assert stored is not None
        return stored

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
            self._stamp(row, gen=int(current["gen"]) + 1, base_rev=current["rev"])
            self.db.table(table).update(record_id, {k: row[k] for k in (*changed, *SYNC_FIELDS) if k != "id"})
            self._audit(table, record_id, "update", {k: current.get(k) for k in changed}, changed)
            _search.index_row(self.db, table, row)
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
            self._stamp(row, gen=int(current["gen"]) + 1, base_rev=current["rev"])
            self.db.table(table).update(record_id, {k: row[k] for k in SYNC_FIELDS if k != "id"})
            self._audit(table, record_id, action, {"deleted": current["deleted"]}, {"deleted": deleted})
            _search.index_row(self.db, table, row)
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


def check_integrity(store: Store) -> list[str]:
    """Problems found in the database (empty when all is well)."""
    problems: list[str] = []
    result = [r[0] for r in store.db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems.extend(f"integrity_check: {r}" for r in result)
    for r in store.db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Tham chiếu hỏng: bảng {r[0]} dòng {r[1]} trỏ tới {r[2]} không tồn tại.")
    applied = applied_migrations(store.db)
    if applied != known_migration_names()[: len(applied)]:
        problems.append("Thứ tự nâng cấp lược đồ không khớp với phiên bản này.")
    return problems


__all__ = [
    "MIGRATION_SET",
    "SYNCED_TABLES",
    "InputError",
    "NotFound",
    "Store",
    "StoreError",
    "backup_database",
    "check_integrity",
    "default_db_path",
    "open_store",
    "schema_version",
]
