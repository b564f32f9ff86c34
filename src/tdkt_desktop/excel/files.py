"""Writing files atomically (temporary file beside the target, then a rename) with Vietnamese errors."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from tdkt_desktop.excel.errors import ExcelError


def describe_write_error(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return (
            f"Ổ đĩa đã đầy nên chưa ghi được tệp {path.name}. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác "
            "rồi xuất lại; không có tệp dở dang nào được để lại."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return (
            f"Không ghi được tệp {path}: tệp đang được mở (ví dụ trong Excel) hoặc thư mục không cho phép ghi. "
            "Hãy đóng tệp trong Excel hoặc chọn thư mục khác rồi thử lại."
        )
    if exc.errno == errno.ENOENT:
        return f"Không tìm thấy thư mục {path.parent}. Hãy chọn thư mục khác."
    if exc.errno == errno.EROFS:
        return f"Ổ đĩa chứa {path.parent} chỉ cho phép đọc. Hãy chọn nơi lưu khác."
    return f"Không ghi được tệp {path}: {exc.strerror or exc}."


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)``, flush it to disk, then rename it over ``path``.

    On any failure the temporary file is removed and the target is left as it was. Disk errors
    become :class:`ExcelError` with a Vietnamese message.
    """
    target = Path(path)
    if target.is_dir():
        raise ExcelError(f"{target} là một thư mục. Hãy ghi rõ tên tệp, ví dụ {target / 'danh-sach.xlsx'}.")
    if not target.parent.exists():
        raise ExcelError(f"Không tìm thấy thư mục {target.parent}. Hãy chọn thư mục khác.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExcelError(describe_write_error(exc, target)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExcelError(describe_write_error(exc, target)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
