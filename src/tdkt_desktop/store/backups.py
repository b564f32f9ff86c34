"""Backups: made automatically, verified, rotated, and restorable from the command line and the application.

**Where.** ``backups/`` beside the database, and a copy in a second folder when one is set (a USB stick:
:func:`set_second_folder`). A backup is named ``<database name>_<kind>_<YYYYMMDD-HHMMSS>.sqlite``; the kinds
are ``tu-dong`` (automatic: the first start of each day), ``truoc-nhap`` (before every import of a bundle or
an Excel file), ``truoc-nang-cap`` (before every schema migration), ``thu-cong`` (made by a person) and
``truoc-khoi-phuc`` (the database as it was just before a restore).

**Whole or absent.** The source is checked first (``PRAGMA quick_check``): a damaged database is never
backed up over good copies — the backup is refused with :class:`BackupError`, and so is the import that
wanted it. The copy is made with SQLite's online backup (a consistent snapshot, also while another program
writes) into ``.partial/`` inside the folder, has any private key removed, is switched out of WAL mode,
checked again, flushed to the disk and only then renamed into the folder. A process killed at any moment
leaves every file in the folder whole and verified; the next backup empties ``.partial/``.

**Bounded.** After each backup the folder is pruned (:data:`KEEP`): the newest automatic backup of each of
the last 7 days, 4 weeks and 12 months; the last 5 before-import, 3 before-upgrade, 10 manual and 5
before-restore copies. Backups written by earlier versions are recognised and pruned the same way.

**Restore** (:func:`restore`): the file is verified, the current database is kept as a ``truoc-khoi-phuc``
copy, and the backup's content is given a new installation identity (so that no revision name is reused;
see :meth:`~tdkt_desktop.store.db.Store.renew_installation_identity`) before it replaces the content of the
live database through SQLite — other programs that have it open see the restored data at their next read.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import glob
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt_desktop.core.errors import FileAccessError, describe_os_error, file_error
from tdkt_desktop.core.files import fsync_directory, private_mode
from tdkt_desktop.core.text import format_size
from tdkt_desktop.store.errors import (
    DatabaseDamaged,
    NotADatabase,
    StoreError,
    database_error,
    file_holders,
    sqlite_detail,
)
from tdkt_desktop.store.keyfile import LEGACY_META_SECRETS
from tdkt_desktop.store.migrations import MIGRATION_SET, known_migration_names

__all__ = [
    "KEEP",
    "KINDS",
    "Backup",
    "BackupError",
    "BackupInfo",
    "Health",
    "RestoreResult",
    "backup_folder",
    "before_import",
    "check_database",
    "daily_backup",
    "list_backups",
    "make_backup",
    "prune",
    "restore",
    "scrub_old_backups",
    "second_folder",
    "set_second_folder",
    "total_size",
    "verify_backup",
]

KIND_DAILY = "tu-dong"
KIND_IMPORT = "truoc-nhap"
KIND_MIGRATION = "truoc-nang-cap"
KIND_MANUAL = "thu-cong"
KIND_RESTORE = "truoc-khoi-phuc"
KINDS = {
    KIND_DAILY: "tự động hằng ngày",
    KIND_IMPORT: "trước khi nhập",
    KIND_MIGRATION: "trước khi nâng cấp",
    KIND_MANUAL: "tự sao lưu",
    KIND_RESTORE: "trước khi khôi phục",
}
# How many of each kind are kept; the automatic ones by day, ISO week and month.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP = {KIND_IMPORT: 5, KIND_MIGRATION: 3, KIND_MANUAL: 10, KIND_RESTORE: 5}

FOLDER = "backups"
PARTIAL = ".partial"
DAMAGED = "hong"  # copies of a damaged database kept before a restore (never listed as backups)
META_SECOND_FOLDER = "backup_second_folder"
SUFFIX = ".sqlite"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<kind>" + "|".join(re.escape(k) for k in KINDS) + r")_(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.sqlite$"
)
# Names written by earlier versions: "<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason><suffix>".
_LEGACY_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-\d{6}-(?P<reason>thu-cong|truoc-nhap-goi|truoc-nang-cap-v\d+)\.[A-Za-z0-9]+$"
)
_LEGACY_KINDS = {"thu-cong": KIND_MANUAL, "truoc-nhap-goi": KIND_IMPORT}
_SPARE = 1 << 20  # free space left on the disk after a backup


class BackupError(StoreError):
    """A backup could not be made (damaged source, full disk, folder not writable); nothing was replaced."""


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str
    made_at: _dt.datetime
    size: int
    copy_path: Path | None = None  # the copy in the second folder
    copy_error: str | None = None  # why the copy in the second folder could not be made

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "name": self.path.name, "kind": self.kind, "kind_label": self.kind_label,
                "made_at": self.made_at.isoformat(timespec="seconds"), "size": self.size,
                "copy_path": str(self.copy_path) if self.copy_path else None, "copy_error": self.copy_error}


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup file holds."""

    path: Path
    schema_version: int
    unit_code: str | None
    install_id: str | None
    counts: dict[str, int]


@dataclass
class Health:
    """The result of :func:`check_database`."""

    path: Path
    problems: list[str] = field(default_factory=list)
    schema_version: int | None = None
    unit_code: str | None = None
    install_id: str | None = None
    newest_good_backup: Backup | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"database": str(self.path), "ok": self.ok, "problems": self.problems,
                "schema_version": self.schema_version, "code_schema_version": len(known_migration_names()),
                "unit_code": self.unit_code, "install_id": self.install_id,
                "newest_good_backup": self.newest_good_backup.to_dict() if self.newest_good_backup else None}


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_copy: Path | None  # the database as it was before (a truoc-khoi-phuc backup, or a damaged copy)
    previous_damaged: bool
    install_id: str  # the restored database's new installation identity
    note: str | None = None


# --------------------------------------------------------------------------- where


def backup_folder(db_path: str | Path) -> Path:
    return Path(db_path).parent / FOLDER


def _parse(path: Path) -> tuple[str, str, _dt.datetime] | None:
    """(stem, kind, made at) of a backup file name, or None when the name is not a backup's."""
    m = _NAME.match(path.name)
    if m:
        kind = m["kind"]
    else:
        m = _LEGACY_NAME.match(path.name)
        if not m:
            return None
        kind = _LEGACY_KINDS.get(m["reason"], KIND_MIGRATION)
    try:
        made = _dt.datetime.strptime(m["stamp"], _STAMP)
    except ValueError:
        return None
    return m["stem"], kind, made


def _backups_in(folder: Path, stem: str) -> list[Backup]:
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise file_error(exc, folder, reading=True) from exc
    found = []
    for path in entries:
        parsed = _parse(path)
        if parsed is None or parsed[0] != stem:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(Backup(path, parsed[1], parsed[2], size))
    return sorted(found, key=lambda b: (b.made_at, _sequence(b.path)), reverse=True)


def _sequence(path: Path) -> int:
    """The order of backups made within one second: the name's "-N" (the first has none, counted 1)."""
    m = _NAME.match(path.name)
    return int(m["seq"]) if m and m["seq"] else 1


def list_backups(db_path: str | Path) -> list[Backup]:
    """The backups of the database at ``db_path`` in its backup folder, newest first."""
    db_path = Path(db_path)
    return _backups_in(backup_folder(db_path), db_path.stem)


def total_size(backups: list[Backup]) -> int:
    return sum(b.size for b in backups)


# --------------------------------------------------------------------------- SQLite connections


def _connect_live(path: Path) -> sqlite3.Connection:
    """A connection to a database that other programs may use (through SQLite's locks, never around them)."""
    from tdkt_desktop.store.db import busy_timeout_s

    timeout = busy_timeout_s()
    conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return conn


def _connect_file(path: Path) -> sqlite3.Connection:
    """A read-only connection to a file no program writes (a backup): no lock, no ``-wal`` beside it."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, isolation_level=None)


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)").fetchall()]
    return [] if rows == ["ok"] else rows


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] is not None else None


def _scrub_secrets(conn: sqlite3.Connection) -> bool:
    """Remove private keys an earlier version kept in ``meta`` from a copy (its bytes overwritten)."""
    names = list(LEGACY_META_SECRETS)
    marks = ", ".join("?" for _ in names)
    try:
        found = conn.execute(f"SELECT count(*) FROM meta WHERE key IN ({marks})", names).fetchone()[0]
    except sqlite3.Error:
        return False
    if not found:
        return False
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"DELETE FROM meta WHERE key IN ({marks})", names)
    conn.execute("VACUUM")
    return True


def _fsync_file(path: Path) -> None:
    """Flush a finished copy to the disk. Only ever called on a file no connection has open."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_private_file(folder: Path, name: str) -> Path:
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    return path


def _partial_name(suffix: str) -> str:
    """A file name in ``.partial/`` that says which process writes it."""
    return f"{os.getpid()}-{uuid.uuid4().hex}{suffix}"


def _writer_gone(name: str, age_s: float) -> bool:
    """Whether the process that wrote a ``.partial/`` file has ended (it was killed): on POSIX by its PID, elsewhere
    by the file's age (a day)."""
    pid_text = name.split("-", 1)[0]
    if os.name != "posix" or not pid_text.isdigit():
        return age_s > 86_400
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _prepare(folder: Path) -> Path:
    """The folder and its ``.partial/``, emptied of what killed backups left."""
    partial = folder / PARTIAL
    try:
        if not folder.parent.exists():  # the data folder of a database being restored on a new computer
            folder.parent.mkdir(parents=True, mode=0o700)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.mkdir(exist_ok=True, mode=0o700)
        now = _dt.datetime.now().timestamp()
        for left in partial.iterdir():
            with contextlib.suppress(OSError):
                if _writer_gone(left.name, now - left.stat().st_mtime):
                    left.unlink()
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu: {describe_os_error(exc, path=folder)}") from exc
    return partial


def _unique_name(folder: Path, stem: str, kind: str, when: _dt.datetime) -> str:
    """A new name after every backup of the same second: one more than the highest "-N" in use, never a gap that
    pruning left (a reused lower number would sort as the oldest and be pruned at once, or keep one too many)."""
    base = f"{stem}_{kind}_{when.strftime(_STAMP)}"
    try:
        taken = [_sequence(p) for p in folder.glob(f"{glob.escape(base)}*{SUFFIX}") if _parse(p)]
    except OSError:
        taken = []
    if not taken:
        return f"{base}{SUFFIX}"
    return f"{base}-{max(taken) + 1}{SUFFIX}"


def _page_bytes(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA page_count").fetchone()[0]) * int(conn.execute("PRAGMA page_size").fetchone()[0])


def _check_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + _SPARE:
        raise BackupError(
            f"Không đủ chỗ trống để sao lưu vào “{folder}”: cần khoảng {format_size(needed)}, ổ đĩa chỉ còn "
            f"{format_size(free)}. Hãy "
            "giải phóng dung lượng rồi làm lại; chưa có gì bị thay đổi."
        )



# --------------------------------------------------------------------------- making a backup


def _copy_verified(
    source: sqlite3.Connection, folder: Path, name: str, *, reason_damaged: Callable[[list[str]], str],
    staging: Path | None = None,
) -> Path:
    """Online-backup ``source`` into ``folder/name`` through ``.partial/`` (or ``staging``): scrubbed,
    rollback-journal mode, checked, flushed, renamed. Raises :class:`BackupError` and leaves nothing behind on
    failure."""
    partial = staging or _prepare(folder)
    _check_space(folder, _page_bytes(source))
    try:
        tmp = _new_private_file(partial, _partial_name(".tmp"))
    except OSError as exc:
        raise BackupError(f"Không ghi được bản sao lưu: {describe_os_error(exc, path=folder)}") from exc
    try:
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            source.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE").fetchone()
            _scrub_secrets(dst)
            problems = _quick_check(dst)
        finally:
            dst.close()
        if problems:
            raise BackupError(reason_damaged(problems))
        _fsync_file(tmp)
        target = folder / name
        os.replace(tmp, target)
        fsync_directory(folder)
        return target
    except sqlite3.Error as exc:
        error = database_error(exc, folder / name)
        raise BackupError(f"Không sao lưu được: {error}") from exc
    except OSError as exc:
        raise BackupError(f"Không sao lưu được: {describe_os_error(exc, path=folder)}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
        for extra in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                tmp.with_name(tmp.name + extra).unlink()


def _damaged_source(path: Path, problems: list[str]) -> BackupError:
    shown = "; ".join(sqlite_detail(p) for p in problems[:3])
    return BackupError(
        f"Cơ sở dữ liệu “{path}” đang bị hỏng ({shown}), nên không sao lưu (để không đè lên các bản sao lưu tốt) và "
        "không làm tiếp việc cần sao lưu trước. Hãy chạy “tdkt check” rồi khôi phục từ bản sao lưu tốt gần nhất "
        "(“tdkt backup --list”, “tdkt restore TỆP”, hoặc Cài đặt → Sao lưu)."
    )


def make_backup(db_path: str | Path, *, kind: str = KIND_MANUAL, when: _dt.datetime | None = None) -> Backup:
    """Back up the database at ``db_path`` now (verified; see the module text), copy it to the second folder
    when one is set, and prune both folders. :class:`BackupError` when no backup could be made."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupError(f"Không có cơ sở dữ liệu “{db_path}” để sao lưu.")
    when = when or _dt.datetime.now()
    folder = backup_folder(db_path)
    try:
        source = _connect_live(db_path)
    except sqlite3.Error as exc:
        raise BackupError(f"Không sao lưu được: {database_error(exc, db_path)}") from exc
    try:
        try:
            source.execute("BEGIN")  # one snapshot for the check and the copy
            problems = _quick_check(source)
        except sqlite3.Error as exc:
            if isinstance(database_error(exc, db_path), (DatabaseDamaged, NotADatabase)):
                raise _damaged_source(db_path, [str(exc)]) from exc
            raise BackupError(f"Không sao lưu được: {database_error(exc, db_path)}") from exc
        if problems:
            raise _damaged_source(db_path, problems)
        second = _meta(source, META_SECOND_FOLDER)
        name = _unique_name(folder, db_path.stem, kind, when)
        path = _copy_verified(source, folder, name, reason_damaged=lambda p: _damaged_source(db_path, p).args[0])
    finally:
        source.close()
    prune(folder, db_path.stem, keep_path=path)
    copy_path, copy_error = None, None
    if second:
        try:
            copy_path = _copy_to_second(path, Path(second))
            prune(Path(second), db_path.stem, keep_path=copy_path)
        except (BackupError, FileAccessError) as exc:
            copy_error = str(exc)
    size = path.stat().st_size
    return Backup(path, kind, when.replace(microsecond=0), size, copy_path, copy_error)


def _copy_to_second(backup: Path, folder: Path) -> Path:
    """A verified copy of a finished backup in the second folder (a USB stick), whole or absent."""
    if not folder.is_dir():
        raise BackupError(
            f"Không tìm thấy thư mục sao lưu thứ hai “{folder}” (USB chưa cắm?). Bản sao lưu chính vẫn được lưu; hãy "
            "cắm thiết bị rồi sao lưu lại, hoặc đổi thư mục trong Cài đặt → Sao lưu."
        )
    source = _connect_file(backup)
    try:
        return _copy_verified(source, folder, backup.name,
                              reason_damaged=lambda p: f"Bản chép sang “{folder}” bị lỗi khi kiểm tra ({p[0]}).")
    finally:
        source.close()


def before_import(db_path: str | Path, *, what: str) -> Backup:
    """The backup made before an import (of ``what``: "gói đồng bộ", "tệp Excel"); when none can be made the
    import is refused: :class:`BackupError` saying that nothing was imported, and why."""
    try:
        return make_backup(db_path, kind=KIND_IMPORT)
    except BackupError as exc:
        raise BackupError(f"Chưa nhập {what} nào, vì không sao lưu được trước khi nhập. {exc}") from exc


def daily_backup(db_path: str | Path, *, today: _dt.date | None = None) -> Backup | None:
    """The automatic backup of the day, when none was made today yet (None when there was one)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        return None
    today = today or _dt.date.today()
    if any(b.kind == KIND_DAILY and b.made_at.date() == today for b in list_backups(db_path)):
        return None
    return make_backup(db_path, kind=KIND_DAILY)


def _damaged_backup(path: Path) -> Callable[[list[str]], str]:
    return lambda problems: f"Bản sao lưu “{path}” bị hỏng ({problems[0]})."


def scrub_old_backups(db_path: str | Path) -> list[Path]:
    """Backups written by earlier versions carry the private keys that were kept in the database: each is
    rewritten without them (through ``.partial/``, verified, renamed over itself). Returns the files cleaned."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    names = list(LEGACY_META_SECRETS)
    marks = ", ".join("?" for _ in names)
    cleaned = []
    for b in list_backups(db_path):
        try:
            conn = _connect_file(b.path)
        except sqlite3.Error:
            continue
        try:
            try:
                found = conn.execute(f"SELECT count(*) FROM meta WHERE key IN ({marks})", names).fetchone()[0]
            except sqlite3.Error:
                continue
            if found:
                with contextlib.suppress(BackupError):
                    _copy_verified(conn, folder, b.path.name, reason_damaged=_damaged_backup(b.path))
                    cleaned.append(b.path)
        finally:
            conn.close()
    return cleaned


# --------------------------------------------------------------------------- rotation


def _keep_automatic(backups: list[Backup]) -> set[Path]:
    """Newest first: the newest of each of the last 7 days, 4 ISO weeks and 12 months."""
    keep: set[Path] = set()
    rules: list[tuple[Callable[[_dt.datetime], Any], int]] = [
        (lambda d: d.date(), KEEP_DAILY),
        (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ]
    for period, count in rules:
        seen: list[Any] = []
        for b in backups:
            key = period(b.made_at)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(b.path)
    return keep


def prune(folder: Path, stem: str, *, keep_path: Path | None = None) -> list[Path]:
    """Delete the backups of ``stem`` in ``folder`` beyond what :data:`KEEP` keeps; returns the deleted files."""
    backups = _backups_in(folder, stem)
    keep: set[Path] = {keep_path} if keep_path else set()
    keep |= _keep_automatic([b for b in backups if b.kind == KIND_DAILY])
    for kind, count in KEEP.items():
        keep |= {b.path for b in [b for b in backups if b.kind == kind][:count]}
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


# --------------------------------------------------------------------------- the second folder


def second_folder(store: Any) -> Path | None:
    value = store.meta(META_SECOND_FOLDER)
    return Path(value) if value else None


def set_second_folder(store: Any, folder: str | Path | None) -> Path | None:
    """Set (or clear, with None or "") the second folder every backup is copied to."""
    text = str(folder).strip() if folder is not None else ""
    if text:
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = path.resolve()
        if not path.is_dir():
            raise BackupError(f"Không tìm thấy thư mục “{path}”. Hãy cắm USB hoặc chọn thư mục đã có.")
        if not os.access(path, os.W_OK):
            raise BackupError(f"Không ghi được vào thư mục “{path}”. Hãy chọn thư mục khác.")
        if path.resolve() == backup_folder(store.path).resolve():
            raise BackupError("Thư mục thứ hai phải khác thư mục sao lưu chính.")
        text = str(path)
    with store.atomic():
        store.set_meta(META_SECOND_FOLDER, text or None)
    return Path(text) if text else None


# --------------------------------------------------------------------------- verifying and checking


def _not_ours(path: Path) -> BackupError:
    return BackupError(f"Tệp “{path}” không phải bản sao lưu cơ sở dữ liệu TĐKT. Hãy chọn tệp trong thư mục backups.")


def verify_backup(path: str | Path) -> BackupInfo:
    """Check a backup file before it is restored: an SQLite database, whole (``quick_check``), of TĐKT, of a
    schema this version understands."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp “{path}”.")
    try:
        conn = _connect_file(path)
    except sqlite3.Error as exc:
        raise BackupError(f"Không mở được bản sao lưu “{path}”: {database_error(exc, path)}") from exc
    try:
        problems = _quick_check(conn)
        if problems:
            raise BackupError(f"Bản sao lưu “{path}” bị hỏng ({'; '.join(problems[:3])}). Hãy chọn bản khác.")
        try:
            applied = [str(r[0]) for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET])]
        except sqlite3.Error:
            raise _not_ours(path) from None
        known = known_migration_names()
        if not applied or any(name not in known for name in applied):
            if applied:
                raise BackupError(f"Bản sao lưu “{path}” do phiên bản TĐKT Desktop mới hơn tạo ra. Hãy cập nhật phần mềm.")
            raise _not_ours(path)
        counts: dict[str, int] = {}
        for table in ("people", "campaigns", "nominations", "target_results"):
            with contextlib.suppress(sqlite3.Error):
                counts[table] = int(conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0])
        return BackupInfo(path, len(applied), _meta(conn, "unit_code"), _meta(conn, "install_id"), counts)
    except sqlite3.Error as exc:
        error = database_error(exc, path)
        if isinstance(error, NotADatabase):
            raise _not_ours(path) from exc
        raise BackupError(f"Bản sao lưu “{path}” không dùng được: {error}") from exc
    finally:
        conn.close()


def newest_good_backup(db_path: str | Path, *, limit: int = 10) -> Backup | None:
    for b in list_backups(db_path)[:limit]:
        try:
            verify_backup(b.path)
        except BackupError:
            continue
        return b
    return None


def check_database(db_path: str | Path) -> Health:
    """Everything wrong with the database file, found through SQLite without changing it (also when it is
    too damaged to be opened normally), and the newest backup that passes the check."""
    db_path = Path(db_path)
    health = Health(db_path)
    if not db_path.is_file():
        raise StoreError(f"Chưa có cơ sở dữ liệu tại {db_path}. Hãy khởi tạo bằng lệnh “tdkt init”.")
    from tdkt_desktop.store.db import integrity_problems, reading_connection

    conn: sqlite3.Connection | None = None
    try:
        conn = reading_connection(db_path)
        conn.execute("BEGIN")
        with contextlib.suppress(sqlite3.Error):
            health.schema_version = int(conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]).fetchone()[0])
        health.problems.extend(integrity_problems(conn))
        health.unit_code = _meta(conn, "unit_code")
        health.install_id = _meta(conn, "install_id")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        error = database_error(exc, db_path)
        if not isinstance(error, (DatabaseDamaged, NotADatabase)):
            raise error from exc
        health.problems.append(str(error))
    finally:
        if conn is not None:
            conn.close()
    if health.problems:
        health.newest_good_backup = newest_good_backup(db_path)
    return health


# --------------------------------------------------------------------------- restoring


def _keep_current(db_path: Path) -> tuple[Path | None, bool, str | None]:
    """(copy of the current database, whether it is damaged, a note): a verified truoc-khoi-phuc backup, or for
    a damaged database whatever SQLite can still copy, into ``backups/hong/`` (never among the backups)."""
    try:
        return make_backup(db_path, kind=KIND_RESTORE).path, False, None
    except BackupError as exc:
        health_error = str(exc)
    damaged_folder = backup_folder(db_path) / DAMAGED
    try:
        damaged_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = damaged_folder / _unique_name(damaged_folder, db_path.stem, KIND_RESTORE, _dt.datetime.now())
        source = _connect_live(db_path)
        try:
            dst_path = _new_private_file(damaged_folder, target.name)
            dst = sqlite3.connect(str(dst_path), isolation_level=None)
            try:
                source.backup(dst)
            finally:
                dst.close()
        finally:
            source.close()
        return dst_path, True, None
    except (sqlite3.Error, OSError):
        return None, True, f"Không giữ được bản chép của cơ sở dữ liệu hiện tại ({health_error})."


def restore(db_path: str | Path, backup_path: str | Path, *, allow_other_unit: bool = False) -> RestoreResult:
    """Replace the content of the database at ``db_path`` by the backup ``backup_path`` (see the module text).

    The backup is verified first; a backup of another unit is refused unless ``allow_other_unit``. The current
    database is kept first. The restored database has a new installation identity."""
    from tdkt_desktop.store.db import open_store

    db_path, backup_path = Path(db_path), Path(backup_path)
    info = verify_backup(backup_path)
    current_unit = None
    if db_path.is_file():
        with contextlib.suppress(sqlite3.Error, StoreError):
            conn = _connect_live(db_path)
            try:
                current_unit = _meta(conn, "unit_code")
            finally:
                conn.close()
    if current_unit and info.unit_code and current_unit != info.unit_code and not allow_other_unit:
        raise BackupError(
            f"Bản sao lưu “{backup_path.name}” là của đơn vị {info.unit_code}, còn cơ sở dữ liệu đang dùng là của đơn vị "
            f"{current_unit}. Hãy chọn đúng bản sao lưu, hoặc khôi phục vào một tệp khác (--db)."
        )
    folder = backup_folder(db_path)
    partial = _prepare(folder)
    staged_name = _partial_name(".khoi-phuc.sqlite")
    # 1. the backup's content, upgraded and given a new installation identity, in a private staging file
    source = _connect_file(backup_path)
    try:
        staged = _copy_verified(source, partial, staged_name, staging=partial,
                                reason_damaged=lambda p: f"Bản sao lưu “{backup_path}” bị hỏng ({p[0]}).")
    finally:
        source.close()
    try:
        with open_store(staged, create=False, backup=False) as store:
            new_identity = store.renew_installation_identity(reason="restore")
        conn = sqlite3.connect(str(staged), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            if _quick_check(conn):
                raise BackupError(f"Bản sao lưu “{backup_path}” không kiểm tra được sau khi nâng cấp. Hãy chọn bản khác.")
        finally:
            conn.close()
        # 2. the current database kept
        previous, damaged, note = _keep_current(db_path) if db_path.is_file() else (None, False, None)
        # 3. the live database takes the staged content, through SQLite
        _replace_content(db_path, staged)
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                staged.with_name(staged.name + extra).unlink()
    return RestoreResult(backup_path, previous, damaged, new_identity, note)


def _replace_content(db_path: Path, staged: Path) -> None:
    """Write the staged database into the live one with SQLite's backup (one locked step: other connections
    see the old content or the new, never a mixture). A live file too damaged for SQLite to write into is
    replaced on disk instead — only when no other program has it open."""
    source = _connect_file(staged)
    try:
        if db_path.is_file():
            try:
                dst = _connect_live(db_path)
                try:
                    source.backup(dst)
                finally:
                    dst.close()
                return
            except sqlite3.Error as exc:
                error = database_error(exc, db_path)
                if not isinstance(error, (DatabaseDamaged, NotADatabase)):
                    raise BackupError(f"Chưa khôi phục: {error}") from exc
        holders = file_holders(db_path)
        if holders:
            raise BackupError(
                f"Chưa khôi phục: cơ sở dữ liệu hỏng đang được mở trong {', '.join(holders)}. Hãy đóng các chương trình "
                "đó rồi khôi phục lại."
            )
    finally:
        source.close()
    tmp = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex}.khoi-phuc")
    try:
        shutil.copyfile(staged, tmp)
        private_mode(tmp)
        _fsync_file(tmp)
        for extra in ("-wal", "-shm", "-journal"):  # stale files of the damaged database must not be replayed
            with contextlib.suppress(FileNotFoundError):
                db_path.with_name(db_path.name + extra).unlink()
        os.replace(tmp, db_path)
        fsync_directory(db_path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupError(f"Chưa khôi phục: {describe_os_error(exc, path=db_path)}") from exc


