"""Exported lists read back style by style: every column kind's data cell (font, border, number format,
alignment, named style), the title, header and totals rows, and a workbook that holds the same few styles
whatever its number of rows."""

from __future__ import annotations

import datetime as _dt
import re
import zipfile

import pytest
from openpyxl import load_workbook

from tdkt_desktop.excel.export import HEADER_ROW, Column, export_rows
from tdkt_desktop.excel.styles import DATA_LOOKS, KINDS, NUMBER_FORMATS

FIRST = HEADER_ROW + 1

COLUMNS = [
    Column("Họ và tên", "name"),
    Column("Thành tích", "story", "longtext"),
    Column("Số lượng", "count", "int"),
    Column("Tỷ số", "ratio", "number"),
    Column("Tỷ lệ", "rate", "percent"),
    Column("Ngày sinh", "birth", "date"),
    Column("Tiền thưởng (đồng)", "money", "money"),
]
KIND_OF = {c.header: c.kind for c in COLUMNS}
assert sorted(KIND_OF.values()) == sorted(KINDS)


def _rows(n: int) -> list[dict]:
    return [
        {"name": f"Nguyễn Thị Ánh Tuyết {i}", "story": "Hoàn thành xuất sắc nhiệm vụ;\nđạt danh hiệu Lao động tiên tiến",
         "count": 43000 + i, "ratio": 10 if i % 2 else 7.5, "rate": 92.5, "birth": _dt.date(1980, 1, 1 + i % 28),
         "money": 2_340_000}
        for i in range(n)
    ]


def _export(path, n: int, **options):
    export_rows(path, "Danh sách khen thưởng", COLUMNS, _rows(n), unit_name="Phường Tân An", numbered=True,
                exported_on=_dt.date(2026, 1, 6), totals_label="Tổng cộng", **options)
    return load_workbook(path)


def _cell_xfs(path) -> int:
    """The number of cell formats in the file's styles part, read from the XML itself."""
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
    return int(re.search(r'<cellXfs count="(\d+)"', styles).group(1))


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    path = tmp_path_factory.mktemp("styles") / "ds.xlsx"
    wb = _export(path, 3)
    return wb, wb.active


def _column(ws, header: str) -> int:
    return [c.value for c in ws[HEADER_ROW]].index(header) + 1


@pytest.mark.parametrize("header", list(KIND_OF))
def test_every_kind_of_data_cell_reads_back_with_its_style(sheet, header):
    _wb, ws = sheet
    kind = KIND_OF[header]
    cell = ws.cell(row=FIRST, column=_column(ws, header))
    assert cell.value is not None
    assert cell.style == DATA_LOOKS[kind].name  # refers to the workbook's named style
    assert cell.number_format == NUMBER_FORMATS[kind]
    assert not cell.font.b and not cell.font.i and cell.font.name == "Calibri" and cell.font.sz == 11
    for side in (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom):
        assert side.style == "thin" and side.color.rgb.endswith("808080")
    assert cell.fill.fill_type is None
    assert cell.alignment.vertical == "top"
    assert cell.alignment.horizontal == ("center" if kind == "date" else None)
    assert bool(cell.alignment.wrap_text) is (kind == "longtext")


def test_values_keep_their_kind_and_vietnamese_text(sheet):
    _wb, ws = sheet
    row = {c.value: ws.cell(row=FIRST, column=i + 1).value for i, c in enumerate(ws[HEADER_ROW])}
    assert row["Họ và tên"] == "Nguyễn Thị Ánh Tuyết 0"
    assert row["Thành tích"].endswith("đạt danh hiệu Lao động tiên tiến")
    assert row["Số lượng"] == 43000 and row["Tiền thưởng (đồng)"] == 2_340_000
    assert row["Tỷ lệ"] == pytest.approx(0.925)
    assert row["Ngày sinh"].date() == _dt.date(1980, 1, 1)
    ratio = _column(ws, "Tỷ số")
    # A number column shows a whole number without decimals, a fraction with them.
    assert ws.cell(row=FIRST, column=ratio).value == 7.5
    assert ws.cell(row=FIRST, column=ratio).number_format == NUMBER_FORMATS["number"]
    whole = ws.cell(row=FIRST + 1, column=ratio)
    assert whole.value == 10 and whole.number_format == "#,##0" and whole.style == "TĐKT Số nguyên"
    assert whole.border.left.style == "thin" and whole.alignment.vertical == "top"


def test_title_header_and_totals_rows_keep_their_look(sheet):
    _wb, ws = sheet
    assert ws["A1"].value == "PHƯỜNG TÂN AN" and ws["A1"].font.b and ws["A1"].font.sz == 12
    assert ws["A2"].value == "DANH SÁCH KHEN THƯỞNG" and ws["A2"].font.b and ws["A2"].font.sz == 14
    assert ws["A4"].font.i and ws["A4"].font.sz == 10
    assert {ws[f"A{i}"].alignment.horizontal for i in (1, 2, 4)} == {"center"}
    assert ws["A1"].border.left.style is None  # titles have no grid
    for cell in ws[HEADER_ROW]:
        assert cell.style == "TĐKT Tiêu đề cột"
        assert cell.font.b and cell.fill.fgColor.rgb.endswith("D9E1F2") and cell.border.bottom.style == "thin"
        assert cell.alignment.horizontal == "center" and cell.alignment.vertical == "center"
        assert cell.alignment.wrap_text
    totals = FIRST + 3
    label = ws.cell(row=totals, column=_column(ws, "Họ và tên"))
    money = ws.cell(row=totals, column=_column(ws, "Tiền thưởng (đồng)"))
    assert label.value == "Tổng cộng" and label.font.b and label.border.top.style == "thin"
    assert money.value == f"=SUBTOTAL(9,H{FIRST}:H{FIRST + 2})" and money.data_type == "f"
    assert money.font.b and money.number_format == "#,##0" and money.border.left.style == "thin"
    # STT is numbered but never summed
    assert ws.cell(row=totals, column=1).value is None and ws.cell(row=totals, column=1).border.left.style == "thin"


def test_a_workbook_holds_the_same_few_styles_whatever_its_rows(tmp_path):
    small = _export(tmp_path / "small.xlsx", 10)
    large = _export(tmp_path / "large.xlsx", 5000)
    assert _cell_xfs(tmp_path / "small.xlsx") == _cell_xfs(tmp_path / "large.xlsx") <= 16
    assert small.named_styles == large.named_styles
    assert len(large.named_styles) <= 14
    assert len(large._fonts) == len(small._fonts) <= 8
    assert len(large._borders) == len(small._borders) == 2  # none, and the thin grid
    assert len(large._cell_styles) == len(small._cell_styles)
    ws = large.active
    last = FIRST + 4999
    assert ws.cell(row=last, column=2).value == "Nguyễn Thị Ánh Tuyết 4999"
    assert ws.cell(row=last, column=2).style == ws.cell(row=FIRST, column=2).style == DATA_LOOKS["text"].name


def test_only_the_styles_a_list_uses_are_registered(tmp_path):
    path = tmp_path / "ten.xlsx"
    export_rows(path, "Tên", [Column("Tên", "name")], [{"name": "Lê Văn Bình"}])
    names = load_workbook(path).named_styles
    assert DATA_LOOKS["text"].name in names
    assert not {DATA_LOOKS[k].name for k in ("date", "percent", "number", "int", "longtext")} & set(names)
    assert not [n for n in names if "tổng" in n.lower()]  # no totals row asked for


def test_cells_reused_row_after_row_carry_nothing_over(tmp_path):
    """One cell per column is refilled for every row: an empty value stays empty (still in the grid), text
    that looks like a formula stays text, and control characters are dropped."""
    path = tmp_path / "reuse.xlsx"
    rows = [
        {"name": "=SUM(A1:A9)", "n": 5, "x": 2.25, "d": "2025-12-22"},
        {"name": None, "n": None, "x": None, "d": None},
        {"name": "Bà Đặng Thị Yến\x07", "n": "12", "x": "không rõ", "d": "ngày sai"},
    ]
    export_rows(path, "Thử", [Column("Tên", "name"), Column("Số", "n", "int"), Column("Tỷ số", "x", "number"),
                              Column("Ngày", "d", "date")], rows)
    ws = load_workbook(path).active
    assert [ws.cell(row=FIRST, column=c).value for c in (1, 2, 3)] == ["=SUM(A1:A9)", 5, 2.25]
    assert ws.cell(row=FIRST, column=1).data_type == "s"
    assert ws.cell(row=FIRST, column=4).value.date() == _dt.date(2025, 12, 22)
    empty = [ws.cell(row=FIRST + 1, column=c) for c in range(1, 5)]
    assert [c.value for c in empty] == [None] * 4
    assert all(c.border.left.style == "thin" for c in empty)
    assert ws.cell(row=FIRST + 1, column=4).number_format == "dd/mm/yyyy"
    third = [ws.cell(row=FIRST + 2, column=c).value for c in range(1, 5)]
    assert third == ["Bà Đặng Thị Yến", 12, "không rõ", None]
    assert ws.cell(row=FIRST + 2, column=3).number_format == NUMBER_FORMATS["number"]


def test_the_sheet_is_named_after_the_list(tmp_path):
    """The streamed sheet takes the list's title (characters a sheet name refuses replaced, at most 31 long)."""
    assert _export(tmp_path / "a.xlsx", 2).sheetnames == ["Danh sách khen thưởng"]
    wb = _export(tmp_path / "b.xlsx", 2, sheet_title="Khen thưởng 2025/2026: phường [Tân An] và các khu phố")
    assert wb.sheetnames == ["Khen thưởng 2025 2026 phường"]
