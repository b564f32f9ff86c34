"""The look: a calm light theme with readable sizes, from ``resources/styles/app.qss``."""

from __future__ import annotations

from tdkt_desktop.gui.qt import QtGui, QtWidgets
from tdkt_desktop.paths import resources_dir


def apply(app: QtWidgets.QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    path = resources_dir() / "styles" / "app.qss"
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    palette = app.palette()
    palette.setColor(QtGui.QPalette.ColorRole.Highlight, QtGui.QColor("#1d4ed8"))
    app.setPalette(palette)
