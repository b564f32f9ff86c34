"""Bugs apart from user-facing errors: a bug is logged with its traceback to a file the person can send.

User-facing errors (:class:`~tdkt_desktop.core.text.InputError`, :class:`~tdkt_desktop.store.db.StoreError`)
carry a Vietnamese message and are shown as they are; anything else is a bug.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import traceback
from pathlib import Path

import platformdirs

from tdkt_desktop import __version__
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.db import APP_NAME, StoreError

USER_ERRORS: tuple[type[BaseException], ...] = (InputError, StoreError)


def is_user_error(exc: BaseException) -> bool:
    return isinstance(exc, USER_ERRORS)


def log_dir() -> Path:
    env = os.environ.get("TDKT_LOG_DIR")
    return Path(env) if env else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def bug_log_path() -> Path:
    return log_dir() / "loi-phan-mem.log"


def log_bug(exc: BaseException, *, context: str = "") -> Path:
    """Append the traceback of ``exc`` to the bug log; returns the log's path (never raises)."""
    path = bug_log_path()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = _dt.datetime.now().isoformat(timespec="seconds")
    header = f"==== {stamp} TĐKT Desktop {__version__} Python {platform.python_version()} {platform.platform()}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"{header}\n{context}\n{text}\n" if context else f"{header}\n{text}\n")
    except OSError:
        pass
    return path
