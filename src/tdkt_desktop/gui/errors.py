"""Bugs apart from user-facing errors: a bug is logged with its traceback to a file the person can send.

User-facing errors (:class:`~tdkt_desktop.core.text.InputError`, :class:`~tdkt_desktop.store.db.StoreError`)
carry a Vietnamese message and are shown as they are; anything else is a bug.
"""

from __future__ import annotations

from tdkt_desktop.core.text import InputError
from tdkt_desktop.logs import bug_log_path, log_bug, log_dir
from tdkt_desktop.store.db import StoreError

USER_ERRORS: tuple[type[BaseException], ...] = (InputError, StoreError)


def is_user_error(exc: BaseException) -> bool:
    return isinstance(exc, USER_ERRORS)


__all__ = ["USER_ERRORS", "bug_log_path", "is_user_error", "log_bug", "log_dir"]
