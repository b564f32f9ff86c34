"""The Vietnamese translation of the workflow screens (``resources/i18n/tdkt_vi_workflow.qm``).

It is a second translator beside the application's own; :func:`ensure_translator` installs it once,
before any workflow widget is built (section factories and editors call it).
"""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.gui.qt import QCoreApplication, QtCore
from tdkt_desktop.paths import resources_dir

_installed: list[QtCore.QTranslator] = []


def qm_path() -> Path:
    return resources_dir() / "i18n" / "tdkt_vi_workflow.qm"


def ts_path() -> Path:
    return resources_dir() / "i18n" / "tdkt_vi_workflow.ts"


def ensure_translator() -> bool:
    """Install the workflow translator into the running application (once). False when unavailable."""
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
