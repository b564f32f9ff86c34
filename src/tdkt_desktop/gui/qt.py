"""The one place the GUI imports Qt from. Other gui modules write ``from tdkt_desktop.gui.qt import QtCore, …``.

Nothing outside ``tdkt_desktop.gui`` imports PySide6 (a test enforces it).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QObject, QSettings, Qt, Signal, Slot

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
