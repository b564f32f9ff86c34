"""The one place the GUI imports Qt from. Other gui modules write ``from tdkt_desktop.gui.qt import QtCore, …``.

Nothing outside ``tdkt_desktop.gui`` imports PySide6 (a test enforces it).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Property, QCoreApplication, QObject, QSettings, Qt, Signal, Slot


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # Qt's name: pyside6-lupdate looks for it
    """Marks ``source`` for translation in ``context`` and gives it back as it is (translated where shown)."""
    return source


# What Qt hands a model's methods (rowCount, data, flags, setData …): an index or a persistent one.
ModelIndex = QtCore.QModelIndex | QtCore.QPersistentModelIndex

__all__ = [
    "QT_TRANSLATE_NOOP",
    "ModelIndex",
    "Property",
    "QCoreApplication",
    "QObject",
    "QSettings",
    "Qt",
    "QtCore",
    "QtGui",
    "QtWidgets",
    "Signal",
    "Slot",
]
