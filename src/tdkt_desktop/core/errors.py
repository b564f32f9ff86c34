"""Errors a person can act on, apart from bugs — decided here once for every front end.

Every failure that a person can fix (bad input, a damaged or locked file, a refused bundle, a full
disk) is a :class:`UserError` whose ``str()`` is a Vietnamese message saying what happened and what to
do. Each layer derives its own class from it (``InputError`` here, ``StoreError``, ``SyncError``,
``PrintError``, ``ExcelError``…). Operating-system errors are translated in exactly one place,
:func:`describe_os_error`. The command line and the application ask :func:`user_message` whether an
exception is for the person (show the message) or a bug (log it with its traceback).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "FileAccessError",
    "InputError",
    "UserError",
    "describe_os_error",
    "file_error",
    "register_message",
    "user_message",
]


class UserError(Exception):
    """A failure a person can act on. ``str(err)`` is a Vietnamese message that says what to do."""


class InputError(UserError, ValueError):
    """Bad input from a person or a file. ``field`` names the field, ``value`` holds what was given."""

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value


class FileAccessError(UserError):
    """A file or folder could not be read or written; ``os_error`` is the operating system's error."""

    def __init__(self, message: str, *, os_error: OSError | None = None) -> None:
        super().__init__(message)
        self.os_error = os_error


# Windows reports a file held open by another program (Excel, a PDF viewer) as these.
_WINDOWS_SHARING_VIOLATION = (32, 33)


# What the operating system says, in Vietnamese (its own words are English on most machines).
_OS_WORDS: dict[int, str] = {
    errno.EEXIST: "tệp hoặc thư mục đã có",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.EMFILE: "đang mở quá nhiều tệp",
    errno.ENFILE: "hệ thống đang mở quá nhiều tệp",
    errno.EINVAL: "tên tệp hoặc đường dẫn không hợp lệ (có ký tự không được phép như : * ? \" < > |)",
    errno.ELOOP: "đường dẫn vòng lặp",
    errno.ENODEV: "không có thiết bị",
    errno.ENXIO: "thiết bị không còn (USB đã rút ra?)",
    errno.ETIMEDOUT: "hết thời gian chờ thiết bị hoặc thư mục mạng",
    errno.EAGAIN: "tài nguyên tạm thời bận",
    errno.EFBIG: "tệp quá lớn cho ổ đĩa này",
    errno.ESPIPE: "không đọc, ghi được theo vị trí",
    errno.ETXTBSY: "tệp đang được dùng",
    errno.EFAULT: "địa chỉ không hợp lệ",
    errno.ENOMEM: "máy không đủ bộ nhớ",
    errno.ESTALE: "thư mục mạng không còn truy cập được",
    errno.ECONNRESET: "kết nối tới thư mục mạng bị ngắt",
    errno.ENOTCONN: "chưa kết nối tới thư mục mạng",
}


def describe_os_error(exc: OSError, *, path: str | Path | None = None, reading: bool = False) -> str:
    """The Vietnamese message for an operating-system error on ``path`` (default: the error's own file).

    ``reading`` says whether the program was reading (else writing) the file, so the message names the
    right action. The message always says what to do, and that nothing already saved was lost.
    """
    where_path = path if path is not None else (exc.filename if exc.filename else None)
    where = f" “{where_path}”" if where_path is not None else ""
    action = "đọc" if reading else "ghi"
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"Ổ đĩa đã đầy nên chưa {action} được{where}. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi thử "
            "lại; dữ liệu đã lưu trước đó không bị mất."
        )
    if code == errno.EROFS:
        return (
            f"Ổ đĩa chứa{where} chỉ cho phép đọc, không ghi được. Hãy chọn thư mục khác (hoặc tháo khóa chống ghi "
            "của thẻ nhớ, USB) rồi thử lại."
        )
    if getattr(exc, "winerror", None) in _WINDOWS_SHARING_VIOLATION or code == errno.EBUSY:
        return (
            f"Không {action} được{where}: tệp đang được mở trong một chương trình khác (ví dụ Excel, trình xem PDF). "
            "Hãy đóng tệp đó rồi thử lại."
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"Không có quyền {action}{where}. Hãy chọn thư mục khác hoặc nhờ người quản trị máy cấp quyền; nếu tệp "
            "đang mở trong chương trình khác, hãy đóng nó rồi thử lại."
        )
    if code == errno.ENOENT:
        return f"Không tìm thấy tệp hoặc thư mục{where}. Hãy kiểm tra lại đường dẫn."
    if code == errno.EISDIR:
        return f"{where.strip() or 'Đường dẫn'} là một thư mục, không phải tệp. Hãy ghi rõ tên tệp."
    if code == errno.ENOTDIR:
        return f"Đường dẫn{where} có một phần không phải thư mục. Hãy kiểm tra lại đường dẫn."
    if code == errno.ENAMETOOLONG:
        return f"Tên tệp hoặc đường dẫn{where} quá dài. Hãy chọn tên ngắn hơn."
    if code == errno.EIO:
        return (
            f"Lỗi đọc/ghi thiết bị{where} (ổ đĩa, USB có thể bị hỏng hoặc đã bị rút ra). Hãy kiểm tra thiết bị rồi "
            "thử lại; dữ liệu đã lưu trước đó không bị mất."
        )
    detail = _OS_WORDS.get(code or 0) or (f"lỗi hệ thống số {code}" if code else "lỗi hệ thống")
    return f"Không {action} được{where}: {detail}. Hãy kiểm tra lại đường dẫn và quyền truy cập rồi thử lại."


def file_error(exc: OSError, path: str | Path | None = None, *, reading: bool = False) -> FileAccessError:
    """A :class:`FileAccessError` carrying :func:`describe_os_error`'s message (raise it ``from exc``)."""
    return FileAccessError(describe_os_error(exc, path=path, reading=reading), os_error=exc)


# Translators of failures raised by libraries below the project's own code (an SQLite "database is locked"
# reaching a front end from any query): each returns a message, or None when the failure is not the person's.
_MESSAGES: list[Callable[[BaseException], str | None]] = []


def register_message(translate: Callable[[BaseException], str | None]) -> None:
    """Let :func:`user_message` ask ``translate`` about exceptions that are not :class:`UserError`s
    (the store registers its SQLite translation, so no front end needs to know SQLite)."""
    if translate not in _MESSAGES:
        _MESSAGES.append(translate)


def user_message(exc: BaseException) -> str | None:
    """The message to show a person for ``exc``, or None when ``exc`` is a bug (log it instead)."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    for translate in _MESSAGES:
        message = translate(exc)
        if message is not None:
            return message
    return None
