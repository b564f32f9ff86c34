"""Where the application's own files are (resources/, forms/), from a source checkout or a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def app_root() -> Path:
    """The folder that holds ``resources/`` and ``forms/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "resources").is_dir() and (parent / "forms").is_dir():
            return parent
    raise RuntimeError(f"Không tìm thấy thư mục resources/ và forms/ cạnh {here}")


def resources_dir() -> Path:
    return app_root() / "resources"


def forms_dir() -> Path:
    return app_root() / "forms"
