"""The table pieces every screen shares: one column type, one model over rows in memory, one way to make a
table view, and the formatting of numbers, money and percentages on screen.

* :class:`Column` — a label, where the value comes from (a field name or a function of the row), its kind
  (text, int, number, money, percent, date: how it is shown, aligned and exported to Excel) and, when
  needed, its own formatting, colours, tooltip, font, sort and the table its value refers to. The
  record lists (:class:`~tdkt_desktop.gui.models.RecordTableModel`) use the same columns.
* :class:`RowsModel` — a short list of rows (dicts) already read, under columns. A row may ask to be bold
  (``row["_bold"]``) or filled (``row["_bg"]``, a colour of :mod:`~tdkt_desktop.gui.palette`).
* :func:`table_view`, :func:`fit_columns`, :func:`selected_rows` — the view and what is selected in it.
* :func:`number_text`, :func:`money_text`, :func:`percent_text`, :func:`fill_combo`, :func:`select_data`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.qt import ModelIndex, QObject, Qt, QtCore, QtGui, QtWidgets

Row = dict[str, Any]

# The raw value of a cell for an Excel export (a number stays a number, a date a date); see excel_actions.
EXPORT_ROLE = int(Qt.ItemDataRole.UserRole) + 77
NUMERIC_KINDS = ("int", "number", "money", "percent")
MONO_FAMILIES = ["Consolas", "DejaVu Sans Mono", "Liberation Mono", "Courier New", "monospace"]


# --------------------------------------------------------------------------- formatting


def number_text(value: Any, decimals: int | None = None) -> str:
    """A number with the decimal comma and thousands dots ("1.200", "9,5"); empty for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_number(value, decimals=decimals)


def percent_text(value: float | None) -> str:
    """A share on screen: one decimal at most, "88,9 %"."""
    return "" if value is None else f"{format_number(round(value, 1))} %"


def money_text(value: Any) -> str:
    return "" if value is None else f"{format_number(int(value))} đ"


# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column. ``key``: a field of the row, or a function of the row giving the raw value. ``kind``: text,
    int, number, money, percent or date (formatting, right alignment, Excel). ``text`` formats the raw value
    instead; ``background``/``foreground`` give a colour for a row (a :mod:`palette` name or ``#rrggbb``),
    ``tooltip`` a text. In record lists, ``sort`` is "text", "person", "sql" or "" (not sortable), ``ref``
    names the table the value points to (its name is shown) and ``field`` the stored field a computed
    column sorts by."""

    label: str
    key: str | Callable[[Row], Any]
    kind: str = "text"
    text: Callable[[Any], str] | None = None
    background: Callable[[Row], str | None] | None = None
    foreground: Callable[[Row], str | None] | None = None
    tooltip: Callable[[Row], str | None] | None = None
    bold: bool = False
    mono: bool = False
    width: int = 0  # a hint in characters; 0 = let the view decide
    sort: str = "text"
    ref: str = ""
    field: str = ""  # the stored field behind a computed column (what a record list sorts and searches)

    @property
    def name(self) -> str:
        """The stored field the column shows or is computed from ("" when none)."""
        return self.field or (self.key if isinstance(self.key, str) else "")

    @property
    def align_right(self) -> bool:
        return self.kind in NUMERIC_KINDS

    def raw(self, row: Row) -> Any:
        return self.key(row) if callable(self.key) else row.get(self.key)

    def display(self, row: Row) -> str:
        if self.ref and isinstance(self.key, str):
            value = row.get(self.key)
            return str(row.get(f"{self.key}__name") or ("" if value is None else value))
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
            return format_date(value)
        return str(value)


def cell_data(col: Column, row: Row, role: int) -> Any:
    """What a model answers for ``role`` of this column's cell in ``row`` (display, export, tooltip, colours,
    font, alignment)."""
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
        return palette.brush(colour) if colour else None
    if role == Qt.ItemDataRole.ForegroundRole:
        colour = col.foreground(row) if col.foreground is not None else None
        if colour:
            return palette.brush(colour)
        if (col.background(row) if col.background is not None else row.get("_bg")):
            return palette.brush("text")  # readable on the light fills in a dark theme too
        return None
    if role == Qt.ItemDataRole.FontRole and (col.bold or col.mono or row.get("_bold")):
        font = QtGui.QFont()
        if col.mono:
            font.setFamilies(MONO_FAMILIES)
        font.setBold(col.bold or bool(row.get("_bold")))
        return font
    if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


class RowsModel(QtCore.QAbstractTableModel):
    """Rows (dicts) already read, under :class:`Column` columns; read-only."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []

    @property
    def export_kinds(self) -> list[str]:
        return [c.kind for c in self.columns]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column], rows: Sequence[Row] = ()) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].label if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return cell_data(self.columns[index.column()], self.rows[index.row()], role)


# --------------------------------------------------------------------------- views


class ElidedTips(QtCore.QObject):
    """Shows the whole text of a cell or a column header that is cut short ("…") as its tooltip, when the model
    gives that cell no tooltip of its own."""

    def __init__(self, view: QtWidgets.QTableView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)
        view.horizontalHeader().viewport().installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() != QtCore.QEvent.Type.ToolTip or not isinstance(event, QtGui.QHelpEvent):
            return False
        model = self.view.model()
        if model is None:
            return False
        header = self.view.horizontalHeader()
        if watched is header.viewport():
            section = header.logicalIndexAt(event.pos())
            if section < 0 or model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole):
                return False
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            bold = QtGui.QFont(header.font())
            bold.setBold(True)
            room = header.sectionSize(section) - 16
            metrics = QtGui.QFontMetrics(bold)
        elif watched is self.view.viewport():
            index = self.view.indexAt(event.pos())
            if not index.isValid() or model.data(index, Qt.ItemDataRole.ToolTipRole):
                return False
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            room = self.view.visualRect(index).width() - 8
            metrics = self.view.fontMetrics()
        else:
            return False
        if text and "\n" not in text and metrics.horizontalAdvance(text) > room:
            QtWidgets.QToolTip.showText(event.globalPos(), text, self.view)
            return True
        return False


def table_view(
    model: QtCore.QAbstractItemModel | None = None,
    parent: QtWidgets.QWidget | None = None,
    *,
    multi: bool = False,
    editable: bool = False,
    stretch_last: bool = True,
    stretch: int | None = None,
    numbered: bool = False,
    view: QtWidgets.QTableView | None = None,
) -> QtWidgets.QTableView:
    """A table view the way every screen shows one: whole rows selected (one, or several with ``multi``),
    rows as high as the font needs, alternate rows shaded, no wrapping, Tab moving between cells, row
    numbers only when ``numbered``. Cells are edited only when ``editable``. The last column takes the spare width (unless
    ``stretch_last`` is false), or the column ``stretch``. ``view``: a view of one's own (a subclass) to set up
    the same way, instead of a new one."""
    if view is None:
        view = QtWidgets.QTableView(parent)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection if multi
        else QtWidgets.QAbstractItemView.SelectionMode.SingleSelection
    )
    if not editable:
        view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(numbered)
    view.verticalHeader().setDefaultSectionSize(max(26, view.fontMetrics().height() + 10))
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch_last and stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)
    view.setTabKeyNavigation(True)
    ElidedTips(view)
    return view


def set_widths(view: QtWidgets.QTableView, widths: Iterable[int]) -> None:
    """Columns of the given widths in pixels, none narrower than its header's title (bold, at any scaling)."""
    header = view.horizontalHeader()
    for i, width in enumerate(widths):
        view.setColumnWidth(i, max(width, header.sectionSizeHint(i)))


def fit_columns(view: QtWidgets.QTableView, maximum: int = 320) -> None:
    """Columns as wide as their contents, none wider than ``maximum`` pixels."""
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


def selected_row(view: QtWidgets.QTableView) -> int:
    """The first selected row, or -1."""
    rows = selected_rows(view)
    return rows[0] if rows else -1


# --------------------------------------------------------------------------- combo boxes


def fill_combo(
    combo: QtWidgets.QComboBox, choices: Iterable[tuple[str, Any]], *, blank: str | None = None, keep: bool = True
) -> None:
    """Replace the items of ``combo`` with (label, value) pairs (after a ``blank`` item for "none" when given),
    keeping the current value when it is still there (``keep``); no signal is emitted."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for label, value in choices:
        combo.addItem(label, value)
    i = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(i if i >= 0 else (0 if combo.count() else -1))
    combo.blockSignals(False)


def select_data(combo: QtWidgets.QComboBox, value: Any) -> bool:
    """Make the item holding ``value`` current; False when there is none."""
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)
        return True
    return False
