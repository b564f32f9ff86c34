"""One function per fact, stated across the front ends on a province and three of its wards.

Thành phố Cần Thơ (92) launches a campaign and sends it down to Phường Tân An (31147), Phường An Bình
(31150) and Phường Ô Môn (31153) in real bundles; the wards report (one through a hamlet of its own,
one retyping a figure, one leaving a target out) and send their figures up. At the city, the attainment
matrix that the consolidation screen shows, the Excel file its Export button writes and the file
``tdkt report ma-tran`` writes must hold the same units, in the same order, with the same cells, the
same statuses and the same roll-up.

The wards also propose people, a collective and a household for the city's awards. Every nomination is
judged the same — verdict, reasons, points to review, notes, dossier and vote — by the nomination editor,
the appraisal panel and ``tdkt appraise check`` (its JSON and its printed reasons, and what it stores); and
on the ward's demo database, every demo nomination by the editor, the panel's reading, ``tdkt appraise
check`` where the ward decides, and the assessment the appraisal stores.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tdkt_desktop.core.rules import dossier_for, ruleset_for
from tdkt_desktop.gui.qt import QtCore
from tdkt_desktop.store import Store, open_store
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, import_bundles, read_enrolment

CITY, WARDS = "92", ("31147", "31150", "31153")
PERIOD = "2026"
JUDGED_ON = dt.date(2026, 12, 31)  # the editor judges a 2026 nomination on 31/12/2026; the office's date is set to it


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
    _nominations(tan_an, an_binh, o_mon)
    for code, ward in wards.items():
        _send(ward, city, folder, f"up-{code}")
    # The city receives them all; its council votes on the Chiến sĩ thi đua cấp tỉnh (9 members, 8 in favour).
    from tdkt_desktop.store import council, office

    for n in city.rows("nominations"):
        office.receive(city, n["id"])
    cstd = city.rows("nominations", "title_code = 'CSTD_TINH'")[0]
    council.save_session(city, values={"meeting_date": "2026-12-15", "period": "2026", "total_members": 9,
                                       "present": 9, "chair": "Chủ tịch 92", "secretary": "Thư ký"},
                         ballot={cstd["id"]: 8})
    path = city.path
    for s in (city, *wards.values()):
        s.close()
    return {"db": path, "campaign": campaign, "targets": t}


def _dossier(code: str, kind: str, *, leave_out: int = 0, facts: dict[str, Any] | None = None) -> dict[str, Any]:
    items = dossier_for(ruleset_for(JUDGED_ON), code, subject_kind=kind, award_kind="cong_trang")
    state: dict[str, Any] = {it.key: True for it in items[: len(items) - leave_out]}
    if facts:
        state["facts"] = facts
    return state


def _person(ward: Store, name: str, *, cstdcs: tuple[int, ...] = (), ratings: dict[int, str] | None = None,
            discipline: dict[int, str] | None = None) -> dict[str, Any]:
    p = ward.insert("people", {"full_name": name, "gender": "female" if "Thị" in name else "male",
                               "position": "Công chức", "nominee_class": "Người trực tiếp công tác"})
    for year in cstdcs:
        ward.insert("award_history", {"subject_kind": "person", "subject_id": p["id"], "year": year, "code": "CSTDCS",
                                      "award_name": "Chiến sĩ thi đua cơ sở", "award_kind": "cong_trang"})
    for year, rating in (ratings or {}).items():
        ward.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": year, "rating": rating,
                                "discipline": (discipline or {}).get(year, "none")})
    return p


def _propose(ward: Store, kind: str, subject: dict[str, Any], name: str, code: str, dossier: dict[str, Any]) -> None:
    ward.insert("nominations", {
        "subject_kind": kind, "subject_id": subject["id"], "subject_name": name, "title_code": code,
        "award_kind": "cong_trang", "year": 2026, "period": "2026", "dossier_json": dossier,
        "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2026.", "status": "submitted", "submitted_on": "2026-12-01",
    })


def _nominations(tan_an: Store, an_binh: Store, o_mon: Store) -> None:
    excellent = {2024: "excellent", 2025: "excellent", 2026: "excellent"}
    ha = _person(tan_an, "Nguyễn Thị Thu Hà", cstdcs=(2024, 2025), ratings=excellent)
    _propose(tan_an, "person", ha, ha["full_name"], "BANG_KHEN_TINH", _dossier("BANG_KHEN_TINH", "person"))
    binh = _person(tan_an, "Trần Văn Bình", cstdcs=(2024, 2025, 2026), ratings=excellent)
    tan_an.insert("initiatives", {"person_id": binh["id"], "year": 2026, "name": "Số hóa hồ sơ một cửa",
                                  "level": "Cấp cơ quan"})  # the office's own level, not a district ("quận")
    _propose(tan_an, "person", binh, binh["full_name"], "CSTD_TINH", _dossier("CSTD_TINH", "person"))
    duc = _person(an_binh, "Lê Văn Đức", cstdcs=(2023, 2025), ratings=excellent)  # not consecutive
    _propose(an_binh, "person", duc, duc["full_name"], "BANG_KHEN_TINH", _dossier("BANG_KHEN_TINH", "person"))
    team = an_binh.insert("collectives", {"name": "Tổ dân phố 3", "kind": "hamlet", "members_count": 20, "women_count": 15})
    an_binh.insert("ratings", {"subject_kind": "collective", "subject_id": team["id"], "year": 2026, "rating": "excellent"})
    _propose(an_binh, "collective", team, team["name"], "TLDXS",
             _dossier("TLDXS", "collective", facts={"members_completed": 20, "members_ldtt": 16, "has_cstdcs_member": "có"}))
    anh = _person(o_mon, "Phạm Thị Ánh", cstdcs=(2025, 2026), ratings=excellent, discipline={2026: "warning"})
    _propose(o_mon, "person", anh, anh["full_name"], "BANG_KHEN_TINH", _dossier("BANG_KHEN_TINH", "person"))
    home = o_mon.insert("households", {"head_name": "Võ Văn Tám", "address": "Khu vực 2", "members_count": 5})
    _propose(o_mon, "household", home, "Hộ ông Võ Văn Tám", "BANG_KHEN_TINH",
             _dossier("BANG_KHEN_TINH", "household", leave_out=1))


@pytest.fixture
def province(app: Any, tmp_path: Path) -> Iterator[Any]:
    from tdkt_desktop.gui.context import AppContext

    data = build_province(tmp_path)
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    context = AppContext.open(data["db"], settings=settings)
    context.data = data  # what the fixture made, for the tests
    yield context
    context.close()


def wait(ctx: Any) -> None:
    assert ctx.jobs.wait_idle(20_000)


# --------------------------------------------------------------------------- reading the three matrices

Cells = list[tuple[Any, ...]]


def screen_matrix(page: Any) -> Cells:
    """The screen's rows: unit name, then per target (value, status), then "reached/applicable"; the roll-up
    row last, with the combined value and the status of the combined figure."""
    from tdkt_desktop.gui.qt import Qt
    from tdkt_desktop.gui.tables import EXPORT_ROLE

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

    campaign, t = province.data["campaign"], province.data["targets"]
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

    campaign = province.data["campaign"]
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
    assert bhyt[3] == round((96.5 + 94 + 97) / 3, 2)  # a mean of the units' figures, as a report writes it
    assert bhyt[7:10] == ("Tổng hợp từ các đơn vị", 3, 2)

    page.kind.setCurrentIndex(page.kind.findData(F0603))
    page.year.setValue(2026)
    wait(province)
    page.export_excel(str(tmp_path / "0603-man-hinh.xlsx"))
    wait(province)
    assert main(["report", "0603N", "--period", PERIOD, "--out", str(tmp_path / "0603-dong-lenh.xlsx"), "--db", db]) == 0
    form = _sheet(tmp_path / "0603-man-hinh.xlsx")
    assert form == _sheet(tmp_path / "0603-dong-lenh.xlsx") and form[0][0] == "Chỉ tiêu"


# --------------------------------------------------------------------------- one verdict


def verdict(a: Any) -> tuple[Any, ...]:
    """Everything an assessment says, as plain values."""
    return (a.nomination_id, a.title_code, a.on_date, a.ruleset_id, a.verdict, a.eligible, a.ok, a.recommendation,
            tuple(a.reasons), tuple(a.to_review), tuple(a.notes),
            tuple((c.label, c.passed, c.detail, c.criterion) for c in a.eligibility.checks),
            tuple((d.key, d.required, d.present) for d in a.dossier), a.vote_threshold, a.vote_passed,
            a.vote.to_dict() if a.vote else None)


def editor_assessment(ctx: Any, qtbot: Any, nomination_id: str) -> Any:
    from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor

    editor = NominationEditor(ctx, nomination_id)
    qtbot.addWidget(editor)
    ctx.jobs.wait_idle()  # read and assessed on workers
    a = editor.assessment
    assert a is not None
    shown = [editor.checks.item(i).text() for i in range(editor.checks.count())]
    assert [t.startswith("✗") for t in shown] == [c.passed is False for c in a.eligibility.checks]
    assert all(any(reason in t for t in shown) for reason in a.reasons if not reason.startswith("Thiếu hồ sơ"))
    editor.close()
    return a


def appraise_check(capsys: Any, db: Path, nomination_id: str, day: dt.date) -> tuple[dict[str, Any], list[str]]:
    """``tdkt appraise check`` as typed, twice: its JSON, and the lines it prints for a person."""
    from tdkt_desktop.cli import main

    when = day.strftime("%d/%m/%Y")
    capsys.readouterr()
    assert main(["appraise", "check", nomination_id, "--date", when, "--json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data.pop("id") == nomination_id
    data.pop("sent")  # when and why the unit sent it: not part of the verdict
    assert main(["--db", str(db), "appraise", "check", nomination_id[:8], "--date", when]) == 0
    return data, capsys.readouterr().out.splitlines()


def as_json(a: Any) -> dict[str, Any]:
    """An assessment as the command line prints it."""
    return dict(json.loads(json.dumps(a.to_dict(), default=str)))


def test_editor_appraisal_panel_and_appraise_check_give_one_verdict(province: Any, qtbot: Any, capsys: Any) -> None:
    from tdkt_desktop.gui.office_view.appraisal import AppraisalPage
    from tdkt_desktop.gui.qt import QtCore

    page = AppraisalPage(province)
    qtbot.addWidget(page)
    wait(province)
    page.decision_date.setDate(QtCore.QDate(JUDGED_ON.year, JUDGED_ON.month, JUDGED_ON.day))
    wait(province)
    noms = province.reader.rows("nominations", order_by="subject_name")
    assert len(noms) == 6
    verdicts = {}
    for n in noms:
        from_editor = editor_assessment(province, qtbot, n["id"])
        assert page.select(n["id"])
        wait(province)
        from_panel = page.detail["assessment"]
        lines = [page.checks.item(i).text() for i in range(page.checks.count())]
        assert all(any(c.detail in t for t in lines) for c in from_panel.checks)
        from_command, printed = appraise_check(capsys, province.db_path, n["id"], JUDGED_ON)
        assert verdict(from_editor) == verdict(from_panel), n["subject_name"]
        assert as_json(from_editor) == as_json(from_panel) == from_command, n["subject_name"]
        assert printed[0].endswith(": đạt.") == from_panel.ok
        listed = [line for line in printed[1:] if line.startswith("  ")]  # indented; a hint of the --have keys may follow
        assert listed == [f"  - {r}" for r in from_panel.reasons] + [f"  ? cần xem xét: {t}" for t in from_panel.to_review]
        with open_store(province.db_path) as store:
            stored = store.require("nominations", n["id"])["eligibility_json"]
        kept = {k: v for k, v in json.loads(stored).items() if k != "appraised_at"}
        assert kept == from_command  # what the command stored is what it said
        verdicts[n["subject_name"]] = from_panel
    # What the one verdict says, by hand (the criteria are the rule set's; here, how they are judged).
    assert verdicts["Nguyễn Thị Thu Hà"].ok and verdicts["Nguyễn Thị Thu Hà"].recommendation == "approve"
    binh = verdicts["Trần Văn Bình"]  # an initiative "cấp cơ quan" is not one of the province's
    assert binh.verdict == "not_eligible" and binh.recommendation == "reject" and binh.vote_required
    assert any("8/9" in c.detail for c in binh.eligibility.checks)  # the council's vote, as recorded at the city
    assert verdicts["Hộ ông Võ Văn Tám"].recommendation == "return" and verdicts["Hộ ông Võ Văn Tám"].missing
    assert {v.verdict for v in verdicts.values()} >= {"to_review", "not_eligible"}


def test_every_demo_nomination_is_judged_once(demo_ctx: Any, qtbot: Any, capsys: Any) -> None:
    from tdkt_desktop.gui.office_view import work
    from tdkt_desktop.store import office
    from tdkt_desktop.store.assessment import assess, judging_date

    noms = demo_ctx.reader.rows("nominations", order_by="created_at")
    assert len(noms) >= 8
    for n in noms:
        day = judging_date(n)
        from_editor = editor_assessment(demo_ctx, qtbot, n["id"])
        with open_store(demo_ctx.db_path) as store:
            from_panel = work.nomination_detail(store, n["id"], day)["assessment"]
            assert verdict(from_editor) == verdict(from_panel) == verdict(assess(store, n["id"], day)), n["subject_name"]
            decided_here = n["status"] in ("submitted", "received", "appraised") and office.decides_here(store, n)
            if decided_here and n["status"] == "submitted":
                with store.atomic():
                    office.receive(store, n["id"])
        if decided_here:
            from_command, _printed = appraise_check(capsys, demo_ctx.db_path, n["id"], day)
            assert from_command == as_json(from_panel), n["subject_name"]
