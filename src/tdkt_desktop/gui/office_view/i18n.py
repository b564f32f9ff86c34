"""The Vietnamese translation of the upper-office screens (``resources/i18n/tdkt_vi_office.qm``).

A translator beside the application's own; :func:`ensure_translator` installs it once, before any of
these widgets is built (the section module calls it on import when an application exists, the page
factory and the public entry points call it again).
"""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.gui.qt import QCoreApplication, QtCore
from tdkt_desktop.paths import resources_dir

_installed: list[QtCore.QTranslator] = []


def qm_path() -> Path:
    return resources_dir() / "i18n" / "tdkt_vi_office.qm"


def ts_path() -> Path:
    return resources_dir() / "i18n" / "tdkt_vi_office.ts"


def ensure_translator() -> bool:
    """Install the translator into the running application (once). False when unavailable."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed:
        return True
    translator = QtCore.QTranslator(app)
    if not translator.load(str(qm_path())):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
