"""Excel out: files read back cell by cell (headers, values, number formats, dates, panes, filter, fills)."""

from __future__ import annotations

import datetime as _dt
import errno
import os

import pytest
from openpyxl import load_workbook

from tdkt_desktop.core.errors import FileAccessError
from tdkt_desktop.core.models import AttainmentStatus
from tdkt_desktop.excel.errors import ExcelError, ExportCancelled
from tdkt_desktop.excel.export import (
    NUMBER_FORMATS,
    PROVINCIAL_HEADERS,
    STATUS_FILLS,
    VIEWS,
    Column,
    export_attainment_matrix,
    export_rows,
    export_view,
)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """One demo database for the module: exports only read it."""
    from tdkt_desktop.demo import build_demo
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import init_unit

    store = open_store(tmp_path_factory.mktemp("demo") / "tdkt.sqlite", operator="Người kiểm thử")
    init_unit(store, code="31147")
    build_demo(store)
    yield store
    store.close()


def _sheet(path):
    wb = load_workbook(path)
    return wb, wb.active


def test_generic_export_layout_formats_and_values(tmp_path):
    path = tmp_path / "ds.xlsx"
    rows = [
        {"name": "Nguyễn Văn An", "n": 43000, "x": 7.5, "p": 92.5, "d": "2025-12-22", "m": 2340000},
        {"name": "=Bà Lê Thị Ánh", "n": 5, "x": 10, "p": None, "d": _dt.date(2026, 1, 5), "m": 710000},
    ]
    columns = [
        Column("Họ và tên", "name"),
        Column("Số lượng", "n", "int"),
        Column("Tỷ số", "x", "number"),
        Column("Tỷ lệ", "p", "percent"),
        Column("Ngày", "d", "date"),
        Column("Tiền thưởng (đồng)", "m", "money"),
    ]
    result = export_rows(path, "Danh sách thử", columns, rows, unit_name="Phường Tân An", numbered=True,
                         exported_on=_dt.date(2026, 1, 6), totals_label="Tổng cộng")
    assert result.rows == 2
    _wb, ws = _sheet(path)
    assert ws["A1"].value == "PHƯỜNG TÂN AN" and ws["A1"].font.bold
    assert ws["A2"].value == "DANH SÁCH THỬ"
    assert ws["A3"].value is None  # no filters
    assert ws["A4"].value == "Ngày xuất: 06/01/2026"
    header = [c.value for c in ws[6]]
    assert header == ["STT", "Họ và tên", "Số lượng", "Tỷ số", "Tỷ lệ", "Ngày", "Tiền thưởng (đồng)"]
    assert all(c.font.bold for c in ws[6])
    assert ws.freeze_panes == "A7"
    assert ws.auto_filter.ref == "A6:G8"
    assert ws.print_title_rows == "$6:$6"
    # values and number formats
    assert ws["A7"].value == 1 and ws["A8"].value == 2
    assert ws["B7"].value == "Nguyễn Văn An"
    assert ws["B8"].value == "=Bà Lê Thị Ánh" and ws["B8"].data_type == "s"  # text, never a formula
    assert ws["C7"].value == 43000 and ws["C7"].number_format == "#,##0"
    assert ws["D7"].value == 7.5 and ws["D7"].number_format == NUMBER_FORMATS["number"]
    assert ws["D8"].value == 10 and ws["D8"].number_format == "#,##0"
    assert ws["E7"].value == pytest.approx(0.925) and ws["E7"].number_format == "0.0%"
    assert ws["E8"].value is None
    assert ws["F7"].is_date and ws["F7"].value.date() == _dt.date(2025, 12, 22)
    assert ws["F7"].number_format == "dd/mm/yyyy"
    assert ws["F8"].value.date() == _dt.date(2026, 1, 5)
    assert ws["G7"].value == 2340000 and ws["G7"].number_format == "#,##0"
    # totals follow the filter
    assert ws["B9"].value == "Tổng cộng"
    assert ws["G9"].value == "=SUBTOTAL(9,G7:G8)"
    # widths are set and sensible
    assert 6 <= ws.column_dimensions["A"].width <= 8
    assert ws.column_dimensions["B"].width >= len("Nguyễn Văn An")
    assert ws.column_dimensions["F"].width >= 12


def test_large_export_streams_with_progress_and_can_be_cancelled(tmp_path):
    path = tmp_path / "lon.xlsx"
    seen = []
    rows = ({"i": i, "name": f"Người {i}"} for i in range(5000))
    result = export_rows(path, "Lớn", [Column("Số", "i", "int"), Column("Tên", "name")], rows,
                         progress=lambda done, total: seen.append(done))
    assert result.rows == 5000 and seen[-1] == 5000 and 1000 in seen
    wb = load_workbook(path, read_only=True)
    rows_back = list(wb.active.iter_rows(min_row=7, values_only=True))
    wb.close()
    assert len(rows_back) == 5000 and rows_back[0] == (0, "Người 0") and rows_back[-1] == (4999, "Người 4999")

    target = tmp_path / "huy.xlsx"
    with pytest.raises(ExportCancelled):
        export_rows(target, "Huỷ", [Column("Số", "i", "int")], ({"i": i} for i in range(5000)),
                    progress=lambda done, total: done < 2000)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_full_disk_leaves_no_file_and_says_so(tmp_path, monkeypatch):
    target = tmp_path / "day.xlsx"
    target.write_bytes(b"old")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(FileAccessError, match="Ổ đĩa đã đầy"):
        export_rows(target, "Thử", [Column("A", "a")], [{"a": "x"}])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["day.xlsx"]


def test_bad_target_names(tmp_path):
    with pytest.raises(ExcelError, match=r"\.xlsx"):
        export_rows(tmp_path / "ds.csv", "Thử", [Column("A", "a")], [])
    with pytest.raises(FileAccessError, match="Không tìm thấy thư mục"):
        export_rows(tmp_path / "khong-co" / "ds.xlsx", "Thử", [Column("A", "a")], [])


@pytest.mark.parametrize("view", [v for v in VIEWS if v != "attainment-matrix"])
def test_every_view_exports_from_the_demo(demo_store, tmp_path, view):
    path = tmp_path / f"{view}.xlsx"
    result = export_view(demo_store, view, path)
    assert result.rows > 0
    _wb, ws = _sheet(path)
    assert ws["A1"].value == "PHƯỜNG TÂN AN"
    assert ws.freeze_panes is not None and ws.auto_filter.ref.startswith("A6:")
    assert ws["A6"].value == "STT" or view == "decisions"


def test_people_view_dates_and_sorting(demo_store, tmp_path):
    path = tmp_path / "people.xlsx"
    export_view(demo_store, "people", path)
    _wb, ws = _sheet(path)
    header = [c.value for c in ws[6]]
    name_col = header.index("Họ và tên") + 1
    birth_col = header.index("Ngày sinh") + 1
    names = [ws.cell(row=r, column=name_col).value for r in range(7, ws.max_row + 1)]
    assert len(names) == demo_store.count("people")
    from tdkt_desktop.core.text import person_sort_key

    assert names == sorted(names, key=person_sort_key)
    cell = ws.cell(row=7, column=birth_col)
    assert cell.is_date and cell.number_format == "dd/mm/yyyy"
    assert ws.freeze_panes == "C7"  # STT and the name stay visible


def test_decisions_view_has_so_vang_money_and_totals(demo_store, tmp_path):
    path = tmp_path / "qd.xlsx"
    export_view(demo_store, "decisions", path)
    _wb, ws = _sheet(path)
    header = [c.value for c in ws[6]]
    assert header[:5] == ["Số sổ vàng", "Tên tập thể, cá nhân", "Đối tượng", "Danh hiệu, hình thức", "Tiền thưởng (đồng)"]
    awardees = demo_store.rows("decision_awardees")
    assert ws["A7"].value == 1 and ws["E7"].number_format == "#,##0"
    assert sum(ws.cell(row=r, column=5).value for r in range(7, 7 + len(awardees))) == sum(a["amount"] for a in awardees)
    assert ws.cell(row=7 + len(awardees), column=5).value.startswith("=SUBTOTAL(9,E7:E")
    assert ws.cell(row=7 + len(awardees), column=1).value is None  # số sổ vàng is not summed
    assert ws["G7"].is_date


def test_provincial_nominations_layout(demo_store, tmp_path):
    path = tmp_path / "tinh.xlsx"
    export_view(demo_store, "nominations-provincial", path, status="draft")
    _wb, ws = _sheet(path)
    assert tuple(c.value for c in ws[6]) == PROVINCIAL_HEADERS
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=7)]
    drafts = demo_store.rows("nominations", "status = 'draft'")
    assert len(rows) == len(drafts)
    people = {p["full_name"]: p for p in demo_store.rows("people")}
    for stt, honorific, name, position, _workplace, kind, title, _cls, _field in rows:
        assert isinstance(stt, int)
        if kind == "Cá nhân":
            assert honorific == {"male": "Ông", "female": "Bà"}[people[name]["gender"]]
            assert position == people[name]["position"]
        else:
            assert honorific is None and kind in ("Tập thể", "Hộ gia đình")
        assert title in ("Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen của Chủ tịch Ủy ban nhân dân phường")  # a ward's words
    assert "Trạng thái: draft" in ws["A3"].value


def test_results_view_has_attainment(demo_store, tmp_path):
    path = tmp_path / "kq.xlsx"
    export_view(demo_store, "results", path, period="2026-H1")
    _wb, ws = _sheet(path)
    header = [c.value for c in ws[6]]
    status_col = header.index("Đánh giá") + 1
    percent_col = header.index("Tỷ lệ so với chỉ tiêu") + 1
    statuses = {ws.cell(row=r, column=status_col).value for r in range(7, ws.max_row + 1)}
    assert statuses <= {s.label for s in AttainmentStatus} and "Không đạt" in statuses
    assert ws.cell(row=7, column=percent_col).number_format == "0.0%"
    assert "6 tháng đầu năm 2026" in ws["A3"].value


def test_attainment_matrix_fills_legend_and_comments(demo_store, tmp_path):
    path = tmp_path / "matran.xlsx"
    campaign = demo_store.rows("campaigns", "campaign_type = 'regular'")[0]
    with pytest.raises(ExcelError, match="Hãy chọn một phong trào"):
        export_attainment_matrix(demo_store, path)
    export_attainment_matrix(demo_store, path, campaign_id=campaign["id"], period="2026-H1")
    _wb, ws = _sheet(path)
    targets = demo_store.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    header_row = 6
    assert ws.cell(row=header_row, column=1).value == "Đơn vị"
    assert ws.cell(row=header_row, column=2).value.startswith(targets[0]["measure"])
    assert ws.cell(row=header_row, column=len(targets) + 2).value == "Số chỉ tiêu đạt"
    assert ws.freeze_panes == "B7"
    assert ws.cell(row=7, column=1).value == "Phường Tân An"
    fills = {}
    results = {r["target_id"]: r for r in demo_store.rows("target_results", "period = '2026-H1'")}
    for j, target in enumerate(targets, 2):
        cell = ws.cell(row=7, column=j)
        assert cell.value == pytest.approx(results[target["id"]]["value"])
        assert cell.comment is not None and cell.comment.text
        fills[cell.fill.fgColor.rgb[-6:]] = cell.comment.text
    assert STATUS_FILLS[AttainmentStatus.NOT_REACHED] in fills
    assert fills[STATUS_FILLS[AttainmentStatus.NOT_REACHED]].startswith("Không đạt")
    assert {STATUS_FILLS[AttainmentStatus.REACHED], STATUS_FILLS[AttainmentStatus.EXCEEDED]} & set(fills)
    # the legend names every colour
    legend = {}
    for row in ws.iter_rows(min_row=9):
        if row[0].value in {s.label for s in AttainmentStatus}:
            legend[row[0].value] = row[0].fill.fgColor.rgb[-6:]
    assert legend == {s.label: STATUS_FILLS[s] for s in AttainmentStatus}
    # a period with no results at all for a unit shows grey cells
    export_attainment_matrix(demo_store, path, campaign_id=campaign["id"][:8], period="2025")
    _wb, ws = _sheet(path)
    assert ws.cell(row=7, column=2).fill.fgColor.rgb[-6:] == STATUS_FILLS[AttainmentStatus.NO_DATA]


def test_unknown_view_and_campaign(demo_store, tmp_path):
    with pytest.raises(ExcelError, match="Không có danh sách"):
        export_view(demo_store, "khong-co", tmp_path / "x.xlsx")
    with pytest.raises(ExcelError, match="Không tìm thấy phong trào"):
        export_view(demo_store, "targets", tmp_path / "x.xlsx", campaign_id="không có phong trào này")
