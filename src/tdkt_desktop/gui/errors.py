"""Bugs apart from user-facing errors: a bug is logged with its traceback to a file the person can send.

What counts as a user-facing error is decided once, by :func:`tdkt_desktop.core.errors.user_message`
(every :class:`~tdkt_desktop.core.errors.UserError` and operating-system errors); anything else is a bug.
"""

from __future__ import annotations

from tdkt_desktop.core.errors import user_message
from tdkt_desktop.logs import bug_log_path, log_bug, log_dir


def is_user_error(exc: BaseException) -> bool:
    return user_message(exc) is not None


__all__ = ["bug_log_path", "is_user_error", "log_bug", "log_dir", "user_message"]
