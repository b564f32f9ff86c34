"""The look: a calm light theme with readable sizes, from ``resources/styles/app.qss`` (:mod:`palette`)."""

from __future__ import annotations

from tdkt_desktop.gui import palette
from tdkt_desktop.gui.qt import QtGui, QtWidgets


def apply(app: QtWidgets.QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(palette.stylesheet())
    colours = app.palette()
    colours.setColor(QtGui.QPalette.ColorRole.Highlight, palette.qcolor("accent"))
    app.setPalette(colours)
