"""A small read-only table model over a list of dicts, for the short lists of these screens (peers, held
bundles, conflicts, history — tens of rows, loaded by a background job)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets

Row = dict[str, Any]


@dataclass(frozen=True)
class Col:
    label: str
    text: Callable[[Row], str]
    background: Callable[[Row], str | None] | None = None
    tooltip: Callable[[Row], str] | None = None
    bold: bool = False
    mono: bool = False


class RowsModel(QtCore.QAbstractTableModel):
    def __init__(self, cols: Sequence[Col], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.cols = list(cols)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cols)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.cols[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.BackgroundRole and col.background is not None:
            colour = col.background(row)
            return QtGui.QBrush(QtGui.QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(row) if col.tooltip is not None else col.text(row)
        if role == Qt.ItemDataRole.FontRole and (col.bold or col.mono):
            font = QtGui.QFont()
            if col.mono:
                font.setFamilies(["Consolas", "DejaVu Sans Mono", "Courier New", "monospace"])
            font.setBold(col.bold)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.cols[section].label
        return None


def make_table(model: RowsModel, parent: QtWidgets.QWidget | None = None, *, stretch: int = -1) -> QtWidgets.QTableView:
    view = QtWidgets.QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch < 0)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    return view


def selected_row(view: QtWidgets.QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1
