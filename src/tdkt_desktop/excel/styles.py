"""The look of every exported list: number formats by column kind and the named cell styles of a workbook.

An export registers each style it uses once, as an Excel named style (it shows in Excel's *Cell Styles*
gallery under its Vietnamese name), and every cell refers to it by name: a workbook holds one cell format
per style used, whatever its number of rows. Column kinds that look alike share one style (an ``int`` and
a ``money`` column are both whole numbers with thousands separators).

:class:`StyledSheet` streams rows of such cells: openpyxl's write-only worksheet, taking the cells it is
given as they are instead of trying each one as a value first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import dataclass, replace
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# Column kinds and their Excel number formats (the separators follow the reader's locale: ``#,##0``
# shows as 43.000 in a Vietnamese-locale Excel).
NUMBER_FORMATS: dict[str, str] = {
    "text": "General",
    "longtext": "General",
    "int": "#,##0",
    "number": "#,##0.0##",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
    "money": "#,##0",
}
WHOLE_NUMBER_FORMAT = "#,##0"
KINDS = tuple(NUMBER_FORMATS)

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")

_TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class CellLook:
    """One named style: its name in Excel and what it sets (unset parts are the workbook's defaults)."""

    name: str
    font: Font | None = None
    border: Border | None = None
    fill: PatternFill | None = None
    alignment: Alignment | None = None
    number_format: str = "General"

    def named_style(self) -> NamedStyle:
        return NamedStyle(
            name=self.name, font=copy(self.font or DEFAULT_FONT), border=copy(self.border or DEFAULT_BORDER),
            fill=copy(self.fill or PatternFill()), alignment=copy(self.alignment or Alignment()),
            number_format=self.number_format,
        )


# Rows 1–4 above every list: unit, list title, filters, date exported.
TITLE_LOOKS = (
    CellLook("TĐKT Tên đơn vị", font=Font(bold=True, size=12), alignment=Alignment(horizontal="center")),
    CellLook("TĐKT Tên danh sách", font=Font(bold=True, size=14), alignment=Alignment(horizontal="center")),
    CellLook("TĐKT Điều kiện lọc", font=Font(italic=True, size=11), alignment=Alignment(horizontal="center")),
    CellLook("TĐKT Ngày xuất", font=Font(italic=True, size=10), alignment=Alignment(horizontal="center")),
)
HEADER_LOOK = CellLook(
    "TĐKT Tiêu đề cột", font=Font(bold=True), fill=HEADER_FILL, border=BORDER,
    alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
)
WHOLE_NUMBER_LOOK = CellLook("TĐKT Số nguyên", border=BORDER, alignment=_TOP, number_format=WHOLE_NUMBER_FORMAT)
DATA_LOOKS: dict[str, CellLook] = {
    "text": CellLook("TĐKT Chữ", border=BORDER, alignment=_TOP, number_format=NUMBER_FORMATS["text"]),
    "longtext": CellLook("TĐKT Đoạn văn", border=BORDER, alignment=Alignment(vertical="top", wrap_text=True),
                         number_format=NUMBER_FORMATS["longtext"]),
    "int": WHOLE_NUMBER_LOOK,
    "money": WHOLE_NUMBER_LOOK,
    "number": CellLook("TĐKT Số", border=BORDER, alignment=_TOP, number_format=NUMBER_FORMATS["number"]),
    "percent": CellLook("TĐKT Tỷ lệ", border=BORDER, alignment=_TOP, number_format=NUMBER_FORMATS["percent"]),
    "date": CellLook("TĐKT Ngày", border=BORDER, alignment=Alignment(horizontal="center", vertical="top"),
                     number_format=NUMBER_FORMATS["date"]),
}
assert set(DATA_LOOKS) == set(KINDS)
assert all(look.number_format == NUMBER_FORMATS[kind] for kind, look in DATA_LOOKS.items())

# The totals row under a list: its label and blank cells, and a sum in a column's number format.
TOTALS_LOOK = CellLook("TĐKT Dòng tổng", font=Font(bold=True), border=BORDER)


def totals_look(kind: str) -> CellLook:
    """The style of a column's sum in the totals row: bold, in the column's number format."""
    data = DATA_LOOKS[kind]
    return replace(TOTALS_LOOK, name=f"{data.name} (tổng)", number_format=data.number_format)


def put(cell: Cell, value: Any) -> None:
    """Fill a cell: text stays text (never a formula), characters Excel refuses are dropped."""
    try:
        cell.value = value
    except IllegalCharacterError:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if cell.data_type == "f":
        cell.data_type = "s"


class StyledCell(Cell):  # type: ignore[misc]
    """A cell styled once, when it is made: its index among the workbook's cell formats is looked up then,
    not each time the cell is written (one cell per column is refilled for every row). Only values that
    keep the style are put in it (a date goes only to a cell with a date format)."""

    __slots__ = ("style_id",)


class WorkbookStyles:
    """The named styles of one workbook, each registered the first time a cell asks for it."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._registered: set[str] = set()

    def cell(self, sheet: Any, look: CellLook, value: Any = None) -> StyledCell:
        """A write-only cell in the named style ``look``, holding ``value`` (text as text, see :func:`put`)."""
        if look.name not in self._registered:
            self._workbook.add_named_style(look.named_style())
            self._registered.add(look.name)
        cell = StyledCell(sheet)  # its row and column are given each time the sheet writes it (StyledSheet)
        cell.style = look.name
        cell.style_id = self._workbook._cell_styles.add(cell._style)
        if value is not None:
            put(cell, value)
        return cell


class StyledSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A streaming worksheet whose rows are lists of cells (from :meth:`WorkbookStyles.cell`).

    The cells of a row are written when :meth:`append` returns, so one cell per column may be reused for
    every row (set its value, append). openpyxl's own write-only sheet tries each appended item as a value
    before accepting it as a cell, an exception per cell; this one places the given cells directly.
    """

    def __init__(self, workbook: Workbook, title: str) -> None:
        super().__init__(parent=workbook, title=title)
        workbook._add_sheet(self)

    def _values_to_row(self, values: Iterable[Cell], row_idx: int) -> Iterator[Cell]:
        for col_idx, cell in enumerate(values, 1):
            cell.row = row_idx
            cell.column = col_idx
            yield cell
