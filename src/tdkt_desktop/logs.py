"""The bug log: unexpected failures (not the errors a person can fix) are written here with their traceback,
by the command line and the application alike, so that there is one file to send to support."""

from __future__ import annotations

import datetime as _dt
import os
import platform
import traceback
from pathlib import Path

import platformdirs

from tdkt_desktop import __version__

APP_NAME = "TDKT Desktop"


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
