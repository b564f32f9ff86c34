"""One function per fact, stated across the front ends on a province and three of its wards.

Thành phố Cần Thơ (92) launches a campaign and sends it down to Phường Tân An (31147), Phường An Bình
(31150) and Phường Ô Môn (31153) in real bundles; the wards report (one through a hamlet of its own,
one retyping a figure, one leaving a target out) and send their figures up. At the city, the attainment
matrix that the consolidation screen shows, the Excel file its Export button writes and the file
``tdkt report ma-tran`` writes must hold the same units, in the same order, with the same cells, the
same statuses and the same roll-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tdkt_desktop.gui.qt import QtCore
from tdkt_desktop.store import Store, open_store
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, import_bundles, read_enrolment

CITY, WARDS = "92", ("31147", "31150", "31153")
PERIOD = "2026"


def _store(folder: Path, code: str) -> Store:
    s = open_store(folder / f"{code}.sqlite", operator=f"Cán bộ {code}")
    init_unit(s, code=code)
    s.insert("officials", {"unit_code": code, "full_name": f"Chủ tịch {code}", "title": "Chủ tịch"})
    return s


def _send(src: Store, dst: Store, folder: Path, name: str) -> None:
    path = folder / f"{name}.tdktgoi"
    export_bundle(src, dst.unit_code, path)
    report = import_bundles(dst, [path])
    assert report.exit_code == 0, report.summary()


def _result(ward: Store, target: dict[str, Any], value: Any, *, unit: str | None = None, sub: Any = None) -> dict[str, Any]:
    return ward.insert("target_results", {"target_id": target["id"], "unit_code": unit or ward.unit_code,
                                          "period": PERIOD, "value": value, "sub_value": sub})


def build_province(folder: Path) -> dict[str, Any]:
    """The city's database after the wards' bundles came in; returns its path and the records made."""
    city = _store(folder, CITY)
    wards = {code: _store(folder, code) for code in WARDS}
    for ward in wards.values():
        enroll(city, read_enrolment(export_enrolment(ward)), confirmed=True)
        enroll(ward, read_enrolment(export_enrolment(city)), confirmed=True)
    campaign = city.insert("campaigns", {"name": "Phong trào thi đua yêu nước năm 2026", "campaign_type": "regular",
                                         "year": 2026, "doc_kind": "KH", "doc_number": "05/KH-UBND", "issued_by": CITY})
    t = {}
    for seq, key, values in (
        (1, "bhyt", {"measure": "Tỷ lệ bao phủ bảo hiểm y tế", "comparator": "at_least", "value": 95, "unit": "%",
                     "rollup": "mean"}),
        (2, "ngheo", {"measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": 0.5, "unit": "%", "strict": 1,
                      "rollup": "mean"}),
        (3, "duong", {"measure": "Tuyến đường văn minh", "comparator": "count", "value": 6, "unit": "tuyến",
                      "sub_count": 2, "sub_label": "tuyến kiểu mẫu", "rollup": "sum"}),
        (4, "antoan", {"measure": "Tỷ lệ khu dân cư an toàn", "comparator": "at_least", "value": 75, "unit": "%",
                       "rollup": "share_reaching"}),
        (5, "thu", {"measure": "Thu ngân sách", "comparator": "at_least", "value": 5000, "unit": "triệu đồng",
                    "rollup": "sum", "assigned_unit": "31153"}),
    ):
        t[key] = city.insert("targets", {"campaign_id": campaign["id"], "seq": seq, **values})
    for code, ward in wards.items():
        _send(city, ward, folder, f"down-{code}")

    tan_an, an_binh, o_mon = (wards[c] for c in WARDS)
    # Tân An consolidated its hamlet: the hamlet's own figure travels up too, and is counted inside the ward's.
    tan_an.insert("units", {"code": "31147-KV1", "name": "Khu vực 1", "level": "hamlet", "parent_code": "31147"})
    _result(tan_an, t["bhyt"], "96,5")
    _result(tan_an, t["ngheo"], "0,40")
    _result(tan_an, t["duong"], 4, sub=2)
    _result(tan_an, t["antoan"], 80)
    _result(tan_an, t["duong"], 3, unit="31147-KV1", sub=1)
    # An Bình typed a figure, then typed it again instead of correcting it: the later one is current.
    _result(an_binh, t["bhyt"], 90)
    _result(an_binh, t["bhyt"], "94,0")
    _result(an_binh, t["ngheo"], "0,50")  # strict "dưới 0,5 %": not reached
    _result(an_binh, t["antoan"], 70)
    # Ô Môn: no figure for the poverty rate; its own assigned target.
    _result(o_mon, t["bhyt"], 97)
    _result(o_mon, t["duong"], 3, sub=0)
    _result(o_mon, t["antoan"], 75)
    _result(o_mon, t["thu"], 5200)
    for code, ward in wards.items():
        _send(ward, city, folder, f"up-{code}")
    path = city.path
    for s in (city, *wards.values()):
        s.close()
    return {"db": path, "campaign": campaign, "targets": t}


@pytest.fixture
def province(app: Any, tmp_path: Path) -> Iterator[Any]:
    from tdkt_desktop.gui.context import AppContext

    data = build_province(tmp_path)
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    context = AppContext.open(data["db"], settings=settings)
    context.extras.update(data)
    yield context
    context.close()


def wait(ctx: Any) -> None:
    assert ctx.jobs.wait_idle(20_000)


# --------------------------------------------------------------------------- reading the three matrices

Cells = list[tuple[Any, ...]]


def screen_matrix(page: Any) -> Cells:
    """The screen's rows: unit name, then per target (value, status), then "reached/applicable"; the roll-up
    row last, with the combined value and the status of the combined figure."""
    from tdkt_desktop.gui.office_view.common import EXPORT_ROLE
    from tdkt_desktop.gui.qt import Qt

    model = page.matrix_model
    n = model.columnCount()
    out: Cells = []
    for r in range(model.rowCount()):
        total = model.unit_at(r) is None
        name = "TOTAL" if total else model.index(r, 0).data().strip()
        cells = []
        for c in range(1, n - 1):
            value = model.index(r, c).data(EXPORT_ROLE)
            if value is None and model.index(r, c).data(Qt.ItemDataRole.DisplayRole) == "—":
                value = "—"
            if total and model.target_at(c)["rollup"] == "share_reaching" and value is not None:
                value = round(value / 100, 6)
            cells.append((_num(value), model.status_at(r, c)))
        out.append((name, *cells, None if total else model.index(r, n - 1).data()))
    return out


def excel_matrix(path: Path) -> tuple[Cells, list[str]]:
    """The same rows read back from the workbook: fills name the statuses, by the Excel export's colours;
    also the headers of the target columns."""
    from tdkt_desktop.excel.export import MATRIX_SHARE_LABEL, MATRIX_TOTAL_LABEL, STATUS_FILLS

    status_of = {rgb: status.value for status, rgb in STATUS_FILLS.items()}
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(min_row=6))
    header = [c.value for c in rows[0]]
    assert header[0] == "Đơn vị" and header[-1] == "Số chỉ tiêu đạt"
    out: Cells = []
    for row in rows[1:]:
        name = row[0].value
        if name == MATRIX_SHARE_LABEL:
            break
        total = name == MATRIX_TOTAL_LABEL
        cells = []
        for cell in row[1:-1]:
            rgb = cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else None
            cells.append((_num(cell.value), status_of.get(rgb)))
        out.append(("TOTAL" if total else name.strip(), *cells, None if total else row[-1].value))
    return out, header[1:-1]


def _num(value: Any) -> Any:
    return round(float(value), 6) if isinstance(value, (int, float)) else value


def test_screen_excel_and_command_line_show_the_same_matrix(province: Any, qtbot: Any, tmp_path: Path) -> None:
    from tdkt_desktop.cli import main
    from tdkt_desktop.gui.office_view.consolidation import ConsolidationPage

    campaign, t = province.extras["campaign"], province.extras["targets"]
    page = ConsolidationPage(province)
    qtbot.addWidget(page)
    wait(province)
    page.choose(campaign["id"], PERIOD)
    wait(province)
    screen = screen_matrix(page)

    from_screen = tmp_path / "tu-man-hinh.xlsx"
    page.export_matrix(str(from_screen))
    wait(province)
    excel, headers = excel_matrix(from_screen)

    from_cli = tmp_path / "tu-dong-lenh.xlsx"
    assert main(["report", "ma-tran", "--period", PERIOD, "--campaign", campaign["id"], "--out", str(from_cli),
                 "--db", str(province.db_path)]) == 0
    command_line, cli_headers = excel_matrix(from_cli)

    assert screen == excel == command_line
    assert headers == cli_headers and [h.split("\n")[0] for h in headers] == [
        t[k]["measure"] for k in ("bhyt", "ngheo", "duong", "antoan", "thu")]

    # What the three agree on, stated: the wards in tree order (the hamlet under its ward), the current result.
    by_name = {row[0]: row for row in screen}
    assert [row[0] for row in screen] == ["Phường Tân An", "Khu vực 1", "Phường An Bình", "Phường Ô Môn", "TOTAL"]
    assert by_name["Phường An Bình"][1] == (94.0, "not_reached")  # typed again: 94, not the first 90
    assert by_name["Phường An Bình"][2] == (0.5, "not_reached")  # "dưới 0,5 %"
    assert by_name["Phường Ô Môn"][2] == (None, "no_data")
    assert by_name["Phường Tân An"][5] == ("—", None) and by_name["Phường Ô Môn"][5] == (5200.0, "exceeded")
    assert by_name["Phường Tân An"][-1] == "3/4" and by_name["Phường Ô Môn"][-1] == "3/5"
    total = by_name["TOTAL"]
    assert total[1] == (round((96.5 + 94 + 97) / 3, 6), "exceeded")  # mean of the wards
    assert total[3] == (7.0, "exceeded")  # 4 (Tân An, its hamlet inside) + 3 (Ô Môn): 7 ≥ 6, of which 2 ≥ 2
    assert total[4] == (round(2 / 3, 6), "not_reached")  # 2 of 3 wards reach 75 %: 66,7 % < 75 %


def _sheet(path: Path) -> list[tuple[Any, ...]]:
    """Every row from the header down (the lines above carry the day of export)."""
    rows = list(openpyxl.load_workbook(path).active.iter_rows(min_row=6, values_only=True))
    assert rows and rows[0][0] in ("STT", "Chỉ tiêu")
    return rows


def test_reports_screen_and_command_line_write_the_same_sheets(province: Any, qtbot: Any, tmp_path: Path) -> None:
    from tdkt_desktop.cli import main
    from tdkt_desktop.gui.office_view.reports import F0603, ReportsPage

    campaign = province.extras["campaign"]
    page = ReportsPage(province)
    qtbot.addWidget(page)
    wait(province)
    page.campaign.setCurrentIndex(page.campaign.findData(campaign["id"]))
    wait(province)
    page.period.setCurrentIndex(page.period.findData(PERIOD))
    wait(province)
    assert page.current is not None and page.current["period"] == PERIOD
    page.export_excel(str(tmp_path / "tk-man-hinh.xlsx"))
    wait(province)
    db = str(province.db_path)
    assert main(["report", "tong-ket", "--period", PERIOD, "--campaign", campaign["id"],
                 "--out", str(tmp_path / "tk-dong-lenh.xlsx"), "--db", db]) == 0
    review = _sheet(tmp_path / "tk-man-hinh.xlsx")
    assert review == _sheet(tmp_path / "tk-dong-lenh.xlsx")
    assert review[0][1:] == ("Chỉ tiêu", "Chỉ tiêu giao", "Kết quả", "Đơn vị tính", "Tỷ lệ so với chỉ tiêu",
                             "Đánh giá", "Nguồn số liệu", "Số đơn vị báo cáo", "Số đơn vị đạt", "Ghi chú")
    bhyt = next(r for r in review if r[1] == "Tỷ lệ bao phủ bảo hiểm y tế")
    assert bhyt[3] == pytest.approx((96.5 + 94 + 97) / 3) and bhyt[7:10] == ("Tổng hợp từ các đơn vị", 3, 2)

    page.kind.setCurrentIndex(page.kind.findData(F0603))
    page.year.setValue(2026)
    wait(province)
    page.export_excel(str(tmp_path / "0603-man-hinh.xlsx"))
    wait(province)
    assert main(["report", "0603N", "--period", PERIOD, "--out", str(tmp_path / "0603-dong-lenh.xlsx"), "--db", db]) == 0
    form = _sheet(tmp_path / "0603-man-hinh.xlsx")
    assert form == _sheet(tmp_path / "0603-dong-lenh.xlsx") and form[0][0] == "Chỉ tiêu"
