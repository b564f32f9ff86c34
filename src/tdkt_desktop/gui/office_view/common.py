"""Shared pieces of the upper-office screens: a table model over plain rows (with the raw value each
cell exports to Excel), status colours, date inputs, and turning file errors into Vietnamese messages."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.models import AttainmentStatus, NominationStatus
from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui.qt import QCoreApplication, QObject, Qt, QtCore, QtGui, QtWidgets

Row = dict[str, Any]

# The raw value of a cell for an Excel export (a number stays a number, a date a date); see excel_actions.
EXPORT_ROLE = int(Qt.ItemDataRole.UserRole) + 77

# Attainment colours: the same fills as the Excel export (excel.export.STATUS_FILLS), so screen and file agree.
STATUS_COLOURS: dict[str, str] = {
    AttainmentStatus.NOT_REACHED.value: "#F8CBAD",
    AttainmentStatus.REACHED.value: "#C6EFCE",
    AttainmentStatus.EXCEEDED.value: "#9BC2E6",
    AttainmentStatus.NO_DATA.value: "#D9D9D9",
}
NOMINATION_COLOURS: dict[str, str] = {
    NominationStatus.SUBMITTED.value: "#fef3c7",
    NominationStatus.RECEIVED.value: "#e0e7ff",
    NominationStatus.APPRAISED.value: "#dbeafe",
    NominationStatus.APPROVED.value: "#dcfce7",
    NominationStatus.RETURNED.value: "#ffedd5",
    NominationStatus.REJECTED.value: "#fde2e2",
    NominationStatus.DECIDED.value: "#e5e7eb",
    NominationStatus.DRAFT.value: "#f3f4f6",
}
OK_FG = "#15803d"
BAD_FG = "#b91c1c"
MUTED_FG = "#6b7280"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def number_text(value: Any, decimals: int | None = None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_number(value, decimals=decimals)


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{format_number(round(value, 1))} %"


def money_text(value: Any) -> str:
    return "" if value is None else f"{format_number(int(value))} đ"


# --------------------------------------------------------------------------- a table over plain rows


@dataclass
class Col:
    """One column of :class:`RowsModel`. ``key``: a row field or a function of the row giving the raw value;
    ``text`` formats it for the screen; ``kind`` is the Excel column kind (text, int, number, money, percent, date)."""

    label: str
    key: str | Callable[[Row], Any]
    kind: str = "text"
    text: Callable[[Any], str] | None = None
    background: Callable[[Row], str | None] | None = None
    tooltip: Callable[[Row], str | None] | None = None
    foreground: Callable[[Row], str | None] | None = None
    width: int = 0

    def raw(self, row: Row) -> Any:
        return self.key(row) if callable(self.key) else row.get(self.key)

    def display(self, row: Row) -> str:
        value = self.raw(row)
        if self.text is not None:
            return self.text(value)
        if value is None:
            return ""
        if self.kind in ("int", "number"):
            return number_text(value)
        if self.kind == "money":
            return money_text(value)
        if self.kind == "percent":
            return percent_text(value)
        if self.kind == "date":
            from tdkt_desktop.core.text import format_date

            return format_date(value)
        return str(value)


class RowsModel(QtCore.QAbstractTableModel):
    """Rows (dicts) under :class:`Col` columns. Bold rows: ``row["_bold"]``; a row background: ``row["_bg"]``."""

    def __init__(self, columns: Sequence[Col], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self.export_kinds = [c.kind for c in self.columns]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Col], rows: Sequence[Row] = ()) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.export_kinds = [c.kind for c in self.columns]
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].label if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == EXPORT_ROLE:
            return col.raw(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.tooltip is not None:
                return col.tooltip(row) or None
            text = col.display(row)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = col.background(row) if col.background is not None else row.get("_bg")
            return QtGui.QBrush(QtGui.QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = col.foreground(row) if col.foreground is not None else None
            if colour:
                return QtGui.QBrush(QtGui.QColor(colour))
            if col.background is not None and col.background(row):
                return QtGui.QBrush(QtGui.QColor("#111827"))  # readable on the light fills in a dark theme too
            return None
        if role == Qt.ItemDataRole.FontRole and row.get("_bold"):
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "number", "money", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def table_view(model: QtCore.QAbstractItemModel, parent: QtWidgets.QWidget | None = None, *,
               stretch_last: bool = True, multi: bool = False) -> QtWidgets.QTableView:
    view = QtWidgets.QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection if multi
        else QtWidgets.QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setHighlightSections(False)
    view.setWordWrap(False)
    return view


def fit_columns(view: QtWidgets.QTableView, maximum: int = 320) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for i in range(header.count()):
        if header.sectionSize(i) > maximum:
            header.resizeSection(i, maximum)


def selected_rows(view: QtWidgets.QTableView) -> list[int]:
    model = view.selectionModel()
    if model is None:
        return []
    return sorted({i.row() for i in model.selectedRows()})


def date_edit(parent: QtWidgets.QWidget | None = None, day: _dt.date | None = None) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    d = day or _dt.date.today()
    edit.setDate(QtCore.QDate(d.year, d.month, d.day))
    return edit


def date_of(edit: QtWidgets.QDateEdit) -> _dt.date:
    q = edit.date()
    return _dt.date(q.year(), q.month(), q.day())


def subheading(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setObjectName("subheading")
    return label


def legend(items: Sequence[tuple[str, str]], parent: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    """A row of colour swatches with their meaning."""
    box = QtWidgets.QWidget(parent)
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for colour, text in items:
        swatch = QtWidgets.QLabel(box)
        swatch.setFixedSize(16, 16)
        swatch.setStyleSheet(f"background: {colour}; border: 1px solid #9ca3af;")
        label = QtWidgets.QLabel(text, box)
        row.addWidget(swatch)
        row.addWidget(label)
        row.addSpacing(10)
    row.addStretch(1)
    return box


def fill_combo(combo: QtWidgets.QComboBox, items: Sequence[tuple[str, Any]], keep: bool = True) -> None:
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for text, value in items:
        combo.addItem(text, value)
    i = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(i if i >= 0 else (0 if combo.count() else -1))
    combo.blockSignals(False)
