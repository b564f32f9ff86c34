"""What went wrong with a database file, said once for every front end.

A failure of SQLite is one of a few situations a person can act on — the file is locked by another
program, on a read-only disk, not writable by this account, on a full disk, not a database at all, or
damaged — or it is a bug. :func:`database_error` tells them apart (from SQLite's own error code, and for
the ambiguous ones by asking the operating system about the file and its folder: never by opening the
database file outside SQLite) and returns a :class:`StoreError` subclass whose Vietnamese message says
what happened, which program may hold the file, and what to do.

:func:`sqlite_user_message` is registered with :func:`tdkt_desktop.core.errors.user_message`, so an SQLite
failure that reaches a front end's error boundary from any query is reported the same way.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import threading
from pathlib import Path

from tdkt_desktop.core.errors import UserError, register_message
from tdkt_desktop.core.files import refuse_replacing
from tdkt_desktop.core.text import format_size

__all__ = [
    "DatabaseDamaged",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "DatabaseUnreachable",
    "DiskFull",
    "NotADatabase",
    "NotFound",
    "PermissionDenied",
    "StoreError",
    "database_error",
    "file_holders",
    "is_open_database_file",
    "is_read_only_filesystem",
    "open_databases",
    "sqlite_user_message",
]


class StoreError(UserError):
    """A problem with the database a person can act on. ``str(err)`` is Vietnamese."""


class NotFound(StoreError):
    pass


class DatabaseLocked(StoreError):
    """Another program holds the write lock longer than the busy timeout."""


class DatabaseReadOnly(StoreError):
    """The disk (or the medium: a USB stick with its write-protect switch, a read-only share) refuses writes."""


class PermissionDenied(StoreError):
    """This account may not write (or read) the database file or its folder."""


class DiskFull(StoreError):
    pass


class NotADatabase(StoreError):
    """The file is not an SQLite database (a wrong file, or one overwritten)."""


class DatabaseDamaged(StoreError):
    """SQLite found damaged pages: ``tdkt check`` lists them and offers a restore."""


class DatabaseUnreachable(StoreError):
    """The file or its folder cannot be reached (missing folder, I/O error of the device)."""


class LoginRefused(StoreError):
    """The server database refused the login or its password (the program may ask the password)."""


# SQLite's primary result codes (https://www.sqlite.org/rescode.html).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 5, 6, 8, 10, 11, 13, 14, 26
_IOERR_SHORT_READ = _IOERR | (2 << 8)

# The paths of the databases this process has open (for messages raised far from the Store, e.g. a query
# in a report): Store registers itself on opening, unregisters on closing.
_open_lock = threading.Lock()
_open_paths: dict[str, int] = {}


def register_open(path: Path) -> None:
    key = str(Path(path).resolve())
    with _open_lock:
        _open_paths[key] = _open_paths.get(key, 0) + 1


def unregister_open(path: Path) -> None:
    key = str(Path(path).resolve())
    with _open_lock:
        left = _open_paths.get(key, 0) - 1
        if left > 0:
            _open_paths[key] = left
        else:
            _open_paths.pop(key, None)


def open_databases() -> list[Path]:
    with _open_lock:
        return [Path(p) for p in _open_paths]


def is_open_database_file(path: str | Path) -> bool:
    """True when ``path`` is a database this process has open, or its ``-wal``/``-shm``/``-journal``.

    Such a file must never be opened or replaced outside SQLite (closing any descriptor of it drops the
    process's locks on the database). Decided by the file's identity from ``stat`` — the file is not opened —
    or, for a file that does not exist yet, by its resolved path."""
    given = Path(path)
    try:
        st = given.stat()
        ident: tuple[int, int] | None = (st.st_dev, st.st_ino)
    except OSError:
        ident = None
    resolved = given.resolve()
    for db in open_databases():
        for name in (db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
            if resolved == name:
                return True
            if ident is not None:
                try:
                    other = name.stat()
                except OSError:
                    continue
                if (other.st_dev, other.st_ino) == ident:
                    return True
    return False


# --------------------------------------------------------------------------- the operating system's view


def is_read_only_filesystem(path: Path) -> bool:
    """True when the file system holding ``path`` (or its nearest existing parent) is mounted read-only."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(probe).f_flag & getattr(os, "ST_RDONLY", 1))
    except OSError:
        return False


def _free_bytes(path: Path) -> int | None:
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def file_holders(path: Path) -> list[str]:
    """Other programs that have ``path`` (or its ``-wal``/``-shm``) open, as "name (PID n)" — Linux only.

    Read from ``/proc/<pid>/fd`` links (nothing is opened); elsewhere, or without permission, an empty list.
    """
    proc = Path("/proc")
    if not sys.platform.startswith("linux") or not proc.is_dir():
        return []
    try:
        target = str(Path(path).resolve())
    except OSError:
        return []
    names = {target, target + "-wal", target + "-shm", target + "-journal"}
    found: list[str] = []
    own = os.getpid()
    try:
        pids = [p for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return []
    for pid in pids:
        if int(pid) == own:
            continue
        fd_dir = proc / pid / "fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(fd_dir / fd)
            except OSError:
                continue
            if link in names:
                found.append(f"{_program_name(pid)} (PID {pid})")
                break
    return found


def _program_name(pid: str) -> str:
    """"TĐKT Desktop (lệnh “tdkt stats”)", "TĐKT Desktop" (the application) or the program's own name."""
    try:
        words = [w.decode("utf-8", "replace") for w in (Path("/proc") / pid / "cmdline").read_bytes().split(b"\0") if w]
    except OSError:
        words = []
    if any("tdkt" in w for w in words):
        rest: list[str] = []
        skip = False
        for word in words[1:]:
            if skip or word == "--db":
                skip = not skip
                continue
            if not word.startswith("-") and "/" not in word and "\\" not in word and not word.endswith(".py") \
                    and word != "tdkt_desktop":
                rest.append(word)
        command = rest[0] if rest and rest[0] != "start" else ""
        return f"TĐKT Desktop (lệnh “tdkt {command}”)" if command else "TĐKT Desktop"
    try:
        return (Path("/proc") / pid / "comm").read_text(encoding="utf-8", errors="replace").strip() or "?"
    except OSError:
        return words[0] if words else "?"


# --------------------------------------------------------------------------- messages


def _where(path: Path | None) -> str:
    return f" “{path}”" if path is not None else ""


def _locked_message(path: Path | None, timeout_s: float | None) -> str:
    holders = file_holders(path) if path is not None else []
    waited = f"; đã chờ {timeout_s:g} giây nhưng chương trình đó chưa xong" if timeout_s else ""
    if holders:
        who = "Chương trình đang mở tệp này: " + ", ".join(holders[:5]) + "."
    else:
        who = ("Có thể là một cửa sổ TĐKT Desktop khác, một lệnh “tdkt” đang chạy (nhập gói, nhập Excel, sao lưu) "
               "hoặc một phần mềm xem tệp SQLite.")
    return (f"Cơ sở dữ liệu{_where(path)} đang được một chương trình khác ghi{waited}. {who} Hãy đợi chương trình đó "
            "làm xong hoặc đóng nó rồi thử lại; dữ liệu đã lưu không bị mất.")


def _read_only_message(path: Path | None) -> str:
    return (f"Ổ đĩa chứa cơ sở dữ liệu{_where(path)} chỉ cho phép đọc (USB hay thẻ nhớ đang gạt khóa chống ghi, đĩa "
            "CD hoặc thư mục mạng chỉ đọc), nên không ghi được. Xem dữ liệu vẫn được; để làm việc, hãy tháo khóa chống "
            "ghi hoặc chép tệp sang ổ đĩa của máy rồi mở tệp đó (--db).")


def _permission_message(path: Path | None, folder: bool) -> str:
    what = f"thư mục chứa cơ sở dữ liệu{_where(path.parent if path else None)}" if folder else \
        f"tệp cơ sở dữ liệu{_where(path)}"
    return (f"Tài khoản đang dùng không có quyền ghi vào {what}. Hãy đăng nhập đúng tài khoản đã tạo dữ liệu, nhờ "
            "người quản trị máy cấp quyền, hoặc chép tệp vào thư mục của mình rồi mở tệp đó (--db).")


def _full_message(path: Path | None) -> str:
    free = _free_bytes(path.parent) if path is not None else None
    left = f" (còn trống {format_size(free)})" if free is not None and free < 100 << 20 else ""
    return (f"Ổ đĩa chứa cơ sở dữ liệu{_where(path)} đã đầy{left} nên chưa lưu được. Hãy giải phóng dung lượng (xóa "
            "tệp không cần, dọn thùng rác) rồi làm lại; dữ liệu đã lưu trước đó không bị mất.")


def _not_a_database_message(path: Path | None) -> str:
    return (f"Tệp{_where(path)} không phải là cơ sở dữ liệu TĐKT (chọn nhầm tệp, hoặc tệp đã bị ghi đè). Hãy chọn "
            "đúng tệp .sqlite, hoặc khôi phục từ bản sao lưu: “tdkt backup --list” rồi “tdkt restore TỆP”.")


def _damaged_message(path: Path | None, detail: str) -> str:
    return (f"Cơ sở dữ liệu{_where(path)} bị hỏng ({detail}). Đừng nhập thêm dữ liệu; hãy chạy “tdkt check” để xem "
            "chỗ hỏng và khôi phục từ bản sao lưu tốt gần nhất (Cài đặt → Sao lưu, hoặc “tdkt restore”).")


def _io_message(path: Path | None) -> str:
    return (f"Lỗi đọc/ghi thiết bị khi dùng cơ sở dữ liệu{_where(path)} (ổ đĩa, USB có thể bị hỏng hoặc đã bị rút ra). "
            "Hãy kiểm tra thiết bị rồi mở lại; nếu lỗi còn, chạy “tdkt check”.")


# SQLite's own words (its messages and the lines of PRAGMA quick_check) and what they say in Vietnamese; a
# name SQLite gives (a table, an index, a number) is kept as it is.
_SQLITE_WORDS: tuple[tuple[str, str], ...] = (
    (r"database disk image is malformed", "cấu trúc tệp cơ sở dữ liệu bị hỏng"),
    (r"file is not a database", "tệp không phải là cơ sở dữ liệu"),
    (r"file is encrypted or is not a database", "tệp không phải là cơ sở dữ liệu"),
    (r"disk I/O error", "lỗi đọc/ghi thiết bị"),
    (r"database or disk is full", "ổ đĩa đã đầy"),
    (r"attempt to write a readonly database", "cơ sở dữ liệu chỉ cho phép đọc"),
    (r"database is locked", "cơ sở dữ liệu đang bị chương trình khác khóa"),
    (r"database table is locked", "bảng dữ liệu đang bị khóa"),
    (r"unable to open database file", "không mở được tệp cơ sở dữ liệu"),
    (r"UNIQUE constraint failed: (.+)", r"trùng giá trị đã có (\1)"),
    (r"NOT NULL constraint failed: (.+)", r"thiếu giá trị bắt buộc (\1)"),
    (r"CHECK constraint failed: (.+)", r"giá trị không hợp lệ (\1)"),
    (r"FOREIGN KEY constraint failed", "tham chiếu tới một bản ghi không tồn tại"),
    (r"row (\d+) missing from index (\S+)", r"dòng \1 thiếu trong chỉ mục \2"),
    (r"wrong # of entries in index (\S+)", r"chỉ mục \1 sai số mục"),
    (r"non-unique entry in index (\S+)", r"chỉ mục \1 có mục trùng"),
    (r"NULL value in (\S+)", r"giá trị rỗng ở \1"),
    (r"\*\*\* in database (\S+) \*\*\*", ""),
    (r"(?:Tree (\d+) )?[Pp]age (\d+)(?: cell (\d+))?: .*", r"trang \2 bị hỏng"),
    (r"On tree page (\d+) cell (\d+): .*", r"trang \1 bị hỏng"),
    (r"Page (\d+) is never used", r"trang \1 không được dùng"),
)


def sqlite_detail(text: str) -> str:
    """SQLite's message (or a line PRAGMA quick_check wrote) in Vietnamese, never its English words: the known
    ones translated, anything else said to be an internal SQLite error (its words go to the bug log only)."""
    import re

    out = []
    for line in str(text).strip().splitlines() or [""]:
        line = line.strip()
        for pattern, vietnamese in _SQLITE_WORDS:
            found = re.fullmatch(pattern, line, flags=re.IGNORECASE)
            if found:
                if vietnamese:
                    out.append(found.expand(vietnamese))
                break
        else:
            if line:
                out.append("lỗi bên trong SQLite")
    return "; ".join(dict.fromkeys(out))


def database_error(exc: sqlite3.Error, path: str | Path | None = None, *, timeout_s: float | None = None) -> StoreError:
    """The :class:`StoreError` for an SQLite failure on the database at ``path`` (raise it ``from exc``).

    Failures that are not about the file (a constraint, a bug in a statement) get a generic message; the
    front ends' :func:`sqlite_user_message` treats those as bugs instead.
    """
    classified = _classify(exc, Path(path) if path is not None else _only_open_path(), timeout_s=timeout_s)
    if classified is not None:
        return classified
    text = str(exc).lower()
    if isinstance(exc, sqlite3.IntegrityError) and "foreign key" in text:
        return StoreError("Không lưu được: dữ liệu tham chiếu tới một bản ghi không tồn tại (đã bị xóa hoặc chưa nhận về).")
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(f"Không lưu được: dữ liệu trùng hoặc thiếu thông tin bắt buộc ({sqlite_detail(str(exc))}).")
    return StoreError(f"Lỗi cơ sở dữ liệu ({sqlite_detail(str(exc))}). Dữ liệu đã lưu trước đó không bị thay đổi.")


def _only_open_path() -> Path | None:
    paths = open_databases()
    return paths[0] if len(paths) == 1 else None


def _code(exc: sqlite3.Error) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code
    text = str(exc).lower()  # errors raised by the sqlite3 module itself carry no code
    for words, value in (("locked", _BUSY), ("readonly", _READONLY), ("read-only", _READONLY), ("disk is full", _FULL),
                         ("not a database", _NOTADB), ("malformed", _CORRUPT), ("unable to open", _CANTOPEN),
                         ("disk i/o", _IOERR)):
        if words in text:
            return value
    return -1


def _classify(exc: sqlite3.Error, path: Path | None, *, timeout_s: float | None) -> StoreError | None:
    code = _code(exc)
    primary = code & 0xFF
    if primary in (_BUSY, _LOCKED):
        return DatabaseLocked(_locked_message(path, timeout_s))
    if primary == _FULL:
        return DiskFull(_full_message(path))
    if primary == _NOTADB:
        return NotADatabase(_not_a_database_message(path))
    if primary == _CORRUPT or code == _IOERR_SHORT_READ:
        return DatabaseDamaged(_damaged_message(path, sqlite_detail(str(exc))))
    if primary in (_READONLY, _PERM, _CANTOPEN, _IOERR):
        return _diagnose(primary, path)
    return None


def _diagnose(primary: int, path: Path | None) -> StoreError:
    """Read-only disk, missing permission, full disk or a device error: asked of the operating system."""
    if path is None:
        if primary == _IOERR:
            return DatabaseUnreachable(_io_message(None))
        return DatabaseReadOnly(_read_only_message(None)) if primary == _READONLY else \
            PermissionDenied(_permission_message(None, folder=False))
    folder = path.parent
    if is_read_only_filesystem(path):
        return DatabaseReadOnly(_read_only_message(path))
    if not folder.exists():
        return DatabaseUnreachable(
            f"Không tìm thấy thư mục “{folder}” chứa cơ sở dữ liệu (ổ USB đã rút ra, hoặc đường dẫn sai). Hãy cắm lại "
            "thiết bị hoặc kiểm tra đường dẫn (--db)."
        )
    if path.exists() and not _writable(path):
        return PermissionDenied(_permission_message(path, folder=False))
    if not _writable(folder):
        return PermissionDenied(_permission_message(path, folder=True))
    if primary == _IOERR:
        free = _free_bytes(folder)
        if free is not None and free < 1_048_576:
            return DiskFull(_full_message(path))
        return DatabaseUnreachable(_io_message(path))
    if primary == _CANTOPEN:
        return DatabaseUnreachable(
            f"Không mở được cơ sở dữ liệu “{path}”. Hãy kiểm tra đường dẫn và quyền truy cập rồi thử lại."
        )
    return DatabaseReadOnly(_read_only_message(path))


def sqlite_user_message(exc: BaseException) -> str | None:
    """For :func:`~tdkt_desktop.core.errors.user_message`: the message of an SQLite failure about the file,
    or None (a constraint or a statement error is a bug)."""
    if not isinstance(exc, sqlite3.Error) or isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError,
                                                              sqlite3.InterfaceError)):
        return None
    classified = _classify(exc, _only_open_path(), timeout_s=None)
    return str(classified) if classified is not None else None


register_message(sqlite_user_message)


def _database_not_replaceable(path: Path) -> str | None:
    if not is_open_database_file(path):
        return None
    return (f"“{path}” là tệp cơ sở dữ liệu đang mở: không ghi đè lên nó được (mọi dữ liệu sẽ mất). Hãy chọn một tên "
            "tệp khác để ghi.")


refuse_replacing(_database_not_replaceable)
