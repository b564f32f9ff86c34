"""Writing a file so that it is either whole or not there: the one atomic write of the project.

The content goes to a temporary file beside the target, is flushed to the disk, and is renamed over
the target; the folder is flushed too, so a power cut or a killed process leaves the old file or the
new one, never a half-written one. Operating-system errors become :class:`FileAccessError` with a
Vietnamese message (:func:`~tdkt_desktop.core.errors.describe_os_error`).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from tdkt_desktop.core.errors import FileAccessError, file_error

__all__ = ["atomic_write", "fsync_directory", "private_mode", "refuse_replacing"]

# Checks naming files that must never be replaced (an open database and its journals: store.errors registers
# one). Each returns the Vietnamese reason, or None.
_NOT_REPLACEABLE: list[Callable[[Path], str | None]] = []


def refuse_replacing(check: Callable[[Path], str | None]) -> None:
    """Register a check that :func:`atomic_write` asks before replacing a file."""
    _NOT_REPLACEABLE.append(check)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_directory(directory: str | Path) -> None:
    """Flush a folder's entries (a rename inside it) to the disk; a no-op where the system has no such call."""
    if os.name != "posix":
        return
    try:
        fd = os.open(str(directory), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def private_mode(path: str | Path) -> None:
    """Make a file readable and writable by its owner only (POSIX; on Windows the profile folder protects it)."""
    if os.name == "posix":
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def atomic_write(
    path: str | Path,
    content: bytes | str | Callable[[Path], None],
    *,
    private: bool = False,
    make_parents: bool = False,
) -> Path:
    """Write ``content`` to ``path`` atomically and durably; returns the path.

    ``content`` is the bytes (or text, written as UTF-8) to store, or a function that writes the file it
    is given (for writers that want a file name, such as openpyxl or a zip). ``private`` keeps the file
    readable by its owner only (keys, databases, backups); otherwise it gets the usual permissions of
    a new file. On any failure the temporary file is removed and the target is left as it was.
    """
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise FileAccessError(f"“{target}” là một thư mục. Hãy ghi rõ tên tệp.")
    for check in _NOT_REPLACEABLE:
        reason = check(target)
        if reason:
            raise FileAccessError(reason)
    try:
        if make_parents:
            parent.mkdir(parents=True, exist_ok=True)
        elif not parent.is_dir():
            raise FileAccessError(f"Không tìm thấy thư mục “{parent}”. Hãy chọn thư mục khác.")
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise file_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        if callable(content):
            os.close(fd)
            content(tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        if private:
            private_mode(tmp)
        elif os.name == "posix":
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise file_error(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(parent)
    return target
