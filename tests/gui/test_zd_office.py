"""The upper-office screens: appraisal through the screen, a decision issued with its number and money
shown first, the attainment matrix's cells and colours, the import wizard, Excel export read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tdkt_desktop.gui.qt import Qt, QtCore, QtGui
from tdkt_desktop.store.db import open_store

DEC = dt.date(2025, 12, 20)  # Nghị định 152/2025; base salary 2.340.000 đ
FULL_LDTT = ["to_trinh", "danh_sach", "bien_ban_hoi_dong"]


def build_office(store: Any) -> dict[str, Any]:
    """A commune (27031, from the fixture) with three units below it, a campaign with two targets and the
    units' results, and nominations sent up by the school A1."""
    for code, name, level in (("A1", "Trường Tiểu học A", "school"), ("A2", "Trạm Y tế", "health"),
                              ("A3", "Khu phố 3", "hamlet")):
        store.insert("units", {"code": code, "name": name, "level": level, "parent_code": "27031"})
    camp = store.insert("campaigns", {"name": "Phong trào thi đua năm 2025", "year": 2025, "campaign_type": "regular",
                                      "doc_number": "01/KH-UBND"})
    t1 = store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "Tỷ lệ bao phủ bảo hiểm y tế",
                                  "comparator": "at_least", "value": 95, "unit": "%", "rollup": "mean"})
    t2 = store.insert("targets", {"campaign_id": camp["id"], "seq": 2, "measure": "Số hộ thoát nghèo",
                                  "comparator": "count", "value": 10, "unit": "hộ", "rollup": "sum"})
    for target, unit, value in ((t1, "A1", 95), (t1, "A2", 97), (t1, "A3", 90), (t2, "A1", 4), (t2, "A3", 12)):
        store.insert("target_results", {"target_id": target["id"], "unit_code": unit, "period": "2025", "value": value},
                     owner_unit=unit)
    people = {}
    for name, rating in (("Nguyễn Văn An", "good"), ("Phạm Thị Dung", "good"), ("Lê Văn Cường", "excellent"),
                         ("Trần Thị Bình", "good")):
        p = store.insert("people", {"full_name": name, "position": "Giáo viên", "unit_code": "A1"}, owner_unit="A1")
        store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": 2025, "rating": rating},
                     owner_unit="A1")
        people[name] = p
    noms = {}
    for name, code, dossier in (("Nguyễn Văn An", "LDTT", FULL_LDTT), ("Phạm Thị Dung", "LDTT", ["to_trinh", "danh_sach"]),
                                ("Lê Văn Cường", "CSTDCS", [*FULL_LDTT, "bao_cao_thanh_tich_ca_nhan", "minh_chung_tieu_chuan"]),
                                ("Trần Thị Bình", "LDTT", FULL_LDTT)):
        p = people[name]
        noms[name] = store.insert("nominations", {
            "subject_kind": "person", "subject_id": p["id"], "subject_name": name, "title_code": code,
            "award_kind": "cong_trang", "year": 2025, "period": "2025", "status": "submitted",
            "dossier_json": {k: True for k in dossier}, "unit_code": "A1", "submitted_on": "2025-12-01",
        }, owner_unit="A1")
    return {"campaign": camp, "targets": (t1, t2), "people": people, "noms": noms}


@pytest.fixture
def office(app: Any, db_path: Path) -> Any:
    from tdkt_desktop.gui.context import AppContext

    with open_store(db_path) as store:
        data = build_office(store)
    context = AppContext.open(db_path, settings=QtCore.QSettings(str(db_path.parent / "s.ini"), QtCore.QSettings.Format.IniFormat))
    context.data = data  # what the fixture made, for the tests
    yield context
    context.close()


def wait(ctx: Any) -> None:
    assert ctx.jobs.wait_idle(20_000)


def status(ctx: Any, nom: dict[str, Any]) -> str:
    return ctx.reader.get("nominations", nom["id"])["status"]


# --------------------------------------------------------------------------- appraisal


def test_appraisal_flow_through_the_screen(office: Any, qtbot: Any, messages: Any) -> None:
    from tdkt_desktop.gui.office_view.appraisal import AppraisalPage

    noms = office.data["noms"]
    page = AppraisalPage(office)
    qtbot.addWidget(page)
    page.decision_date.setDate(QtCore.QDate(DEC.year, DEC.month, DEC.day))
    wait(office)
    assert page.year.currentData() == 2025
    assert len(page.all_rows) == 4
    # grouped by unit, then status
    unit_item = page.groups.item(0).child(0)
    assert unit_item.text() == "Trường Tiểu học A (4)"
    assert unit_item.child(0).text().startswith("Đã gửi lên (4)")

    # Approved: complete dossier, criteria met
    an = noms["Nguyễn Văn An"]
    assert page.select(an["id"])
    wait(office)
    assert page.verdict.text() == "ĐẠT TIÊU CHUẨN"
    assert page.dossier.count() >= 3 and not page.missing_items()
    page.appraise()
    wait(office)
    assert status(office, an) == "appraised"
    page.select(an["id"])
    page.approve()
    wait(office)
    assert status(office, an) == "approved"

    # Returned with reasons: a required dossier item missing
    dung = noms["Phạm Thị Dung"]
    assert page.select(dung["id"])
    wait(office)
    assert page.missing_items(), "the council minutes are missing"
    missing = page.missing_items()
    assert page.dossier_state.text() == f"Thiếu {len(missing)} thành phần bắt buộc"  # one line: the list keeps room
    assert page.dossier_state.toolTip() == "Thiếu: " + "; ".join(missing)
    page.appraise()
    wait(office)
    page.select(dung["id"])
    wait(office)
    page.approve()  # refused by the engine: its message is shown as it is
    wait(office)
    assert any("Chưa thể đồng ý" in text for _k, _t, text in messages.shown)
    assert status(office, dung) == "appraised"
    page.select(dung["id"])
    wait(office)
    reasons = page.suggested_reasons()
    assert reasons and "biên bản" in reasons[0].lower()
    page.return_nomination(reasons=reasons)
    wait(office)
    row = office.reader.get("nominations", dung["id"])
    assert row["status"] == "returned" and "biên bản" in row["status_reason"].lower()

    # An invalid transition: a returned dossier cannot be approved — the engine says so in Vietnamese
    messages.shown.clear()
    page.select(dung["id"])
    wait(office)
    page.approve()
    wait(office)
    assert any("không thể đồng ý khen thưởng" in text for _k, _t, text in messages.shown)

    # Rejected: CSTĐCS without the LĐTT of the same year
    cuong = noms["Lê Văn Cường"]
    assert page.select(cuong["id"])
    wait(office)
    assert page.verdict.text() == "KHÔNG ĐẠT TIÊU CHUẨN"
    page.appraise()
    wait(office)
    page.select(cuong["id"])
    wait(office)
    page.reject(reason="Chưa đạt danh hiệu Lao động tiên tiến năm 2025")
    wait(office)
    row = office.reader.get("nominations", cuong["id"])
    assert row["status"] == "rejected" and "Lao động tiên tiến" in row["status_reason"]


# --------------------------------------------------------------------------- decision


def test_decision_issued_from_the_screen(office: Any, qtbot: Any, messages: Any) -> None:
    from tdkt_desktop.gui.office_view.decisions import DecisionPage
    from tdkt_desktop.store import office as engine

    noms = office.data["noms"]
    with open_store(office.db_path) as store:
        for name in ("Nguyễn Văn An", "Trần Thị Bình"):
            engine.receive(store, noms[name]["id"])
            engine.appraise(store, noms[name]["id"], decision_date=DEC)
            engine.approve(store, noms[name]["id"])
    page = DecisionPage(office)
    qtbot.addWidget(page)
    wait(office)
    assert len(page.model.rows) == 2
    assert page.signer_title.text() == "Chủ tịch"
    page.date.setDate(QtCore.QDate(DEC.year, DEC.month, DEC.day))
    page.model.set_all(True)
    page.compute_preview()
    wait(office)
    preview = page.preview
    assert preview is not None
    # LĐTT: 0,3 × 2.340.000 = 702.000 đ, rounded up to 710.000 đ each
    assert preview["number"] == "01/QĐ-UBND"
    assert [a["amount"] for a in preview["awardees"]] == [710_000, 710_000]
    assert preview["total"] == 1_420_000
    assert "01/QĐ-UBND" in page.number_label.text()
    assert "1.420.000 đ" in page.total_label.text()
    assert page.preview_model.index(0, 3).data() == "710.000"
    # nothing was written by the preview
    assert office.reader.count("decisions") == 0
    assert status(office, noms["Nguyễn Văn An"]) == "approved"

    messages.answer = True
    page.issue()
    wait(office)
    assert any(k == "confirm" and "01/QĐ-UBND" in text and "1.420.000" in text for k, _t, text in messages.shown)
    decisions = office.reader.rows("decisions")
    assert len(decisions) == 1
    d = decisions[0]
    assert (d["number"], d["doc_code"], d["total_amount"], d["signer"]) == ("01", "QĐ-UBND", 1_420_000, "Trần Văn Bình")
    assert status(office, noms["Nguyễn Văn An"]) == "decided"
    wait(office)
    assert page.issued_model.rowCount() == 1 and page.issued_model.rows[0]["code"] == "01/QĐ-UBND"


# --------------------------------------------------------------------------- matrix


def test_attainment_matrix_cells_and_colours(office: Any, qtbot: Any) -> None:
    from tdkt_desktop.excel.export import STATUS_FILLS
    from tdkt_desktop.gui.office_view.consolidation import AttainmentMatrixModel
    from tdkt_desktop.gui.tables import EXPORT_ROLE
    from tdkt_desktop.store.consolidation import attainment_matrix

    camp = office.data["campaign"]
    model = AttainmentMatrixModel()
    with open_store(office.db_path) as store:
        model.set_matrix(attainment_matrix(store, camp["id"], "2025"))
    assert model.rowCount() == 4 and model.columnCount() == 4  # 3 units + totals; unit, 2 targets, reached

    def cell(row: int, col: int) -> tuple[str, str | None]:
        index = model.index(row, col)
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        colour = brush.color().name().upper() if isinstance(brush, QtGui.QBrush) else None
        return index.data(), colour

    colours = {k.value: f"#{v}".upper() for k, v in STATUS_FILLS.items()}  # the screen's fills are the file's
    assert [model.index(r, 0).data() for r in range(4)] == ["Trường Tiểu học A", "Trạm Y tế", "Khu phố 3",
                                                            "Toàn bộ các đơn vị (tổng hợp)"]
    # T1 "từ 95 % trở lên": 95 reached, 97 exceeded, 90 not reached; mean 94 → not reached
    assert cell(0, 1) == ("95", colours["reached"])
    assert cell(1, 1) == ("97", colours["exceeded"])
    assert cell(2, 1) == ("90", colours["not_reached"])
    assert cell(3, 1) == ("94", colours["not_reached"])
    # T2 "10 hộ": 4 not reached, none → no data, 12 exceeded; sum 16 → exceeded
    assert cell(0, 2) == ("4", colours["not_reached"])
    assert cell(1, 2) == ("", colours["no_data"])
    assert cell(2, 2) == ("12", colours["exceeded"])
    assert cell(3, 2) == ("16", colours["exceeded"])
    assert [model.index(r, 3).data() for r in range(3)] == ["1/2", "1/2", "1/2"]
    assert model.index(0, 1).data(EXPORT_ROLE) == 95
    assert model.status_at(1, 2) == "no_data" and model.unit_at(2) == "A3" and model.unit_at(3) is None
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_consolidation_page_and_drill_down(office: Any, qtbot: Any) -> None:
    from tdkt_desktop.gui.office_view.consolidation import ConsolidationPage

    camp = office.data["campaign"]
    page = ConsolidationPage(office)
    qtbot.addWidget(page)
    wait(office)
    page.choose(camp["id"], "2025")
    wait(office)
    assert page.matrix_model.rowCount() == 4
    page.drill_down(0)
    wait(office)
    dialog = page.figures_dialog
    assert [r["status"] for r in dialog.model.rows] == ["reached", "not_reached"]
    dialog.close()
    # nominations per unit by status: the school sent four
    assert page.nom_model.rows[-1]["total"] == 4


# --------------------------------------------------------------------------- import wizard


def make_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị công tác", "Ghi chú"])
    ws.append([1, "Võ Thị Hoa", "12/03/1985", "Giáo viên", "Trường Tiểu học A", ""])
    ws.append([2, "Đặng Văn Khoa", "31/02/1990", "Nhân viên", "Trạm Y tế", ""])  # no such date
    ws.append([3, "Nguyễn Văn An", "", "Giáo viên", "Trường Tiểu học A", ""])  # already in the registry
    wb.save(path)


def test_import_wizard_writes_nothing_until_confirmed(office: Any, qtbot: Any, tmp_path: Path) -> None:
    from tdkt_desktop.gui.office_view.import_wizard import ImportWizard

    path = tmp_path / "ds.xlsx"
    make_xlsx(path)
    before = office.reader.count("people")
    wizard = ImportWizard(office)
    qtbot.addWidget(wizard)
    wizard.set_file(path, "people")
    wizard.next_step()
    wait(office)
    assert wizard.step() == 1
    assert wizard.current_mapping()["B"] == "full_name"
    assert wizard.current_mapping()["C"] == "birth_date"
    wizard.set_mapping("F", None)
    wizard.next_step()
    wait(office)
    assert wizard.step() == 3  # no value to map: straight to the rows
    rows = {r["row"]: r for r in wizard.preview_rows}
    assert rows[5]["bad"] and "Ngày sinh" in rows[5]["problems"]
    assert rows[5]["_bg"] == "error-bg"
    assert rows[6]["duplicate"] and rows[6]["action"] == "link"
    assert office.reader.count("people") == before  # nothing written by the preview

    # With a bad row and no permission to skip it: refused, nothing written
    wizard.next_step()
    wait(office)
    assert wizard.step() == 3 and "lỗi" in wizard.error.text()
    assert office.reader.count("people") == before

    # Skip the bad row; the duplicate becomes a new record by the person's choice
    wizard.skip_bad.setChecked(True)
    wizard.set_action(6, "create")
    assert rows[6]["action_text"] == "tạo mới"
    wizard.next_step()
    wait(office)
    assert wizard.step() == 4
    names = sorted(p["full_name"] for p in office.reader.rows("people"))
    assert office.reader.count("people") == before + 2
    assert "Võ Thị Hoa" in names and "Đặng Văn Khoa" not in names and names.count("Nguyễn Văn An") == 2
    assert "Không nhập các dòng có lỗi: 5" in wizard.result_text.text()


# --------------------------------------------------------------------------- export


def test_export_of_a_list_reads_back(office: Any, qtbot: Any, tmp_path: Path) -> None:
    from tdkt_desktop.gui.lists import RecordListView
    from tdkt_desktop.gui.models import columns
    from tdkt_desktop.gui.office_view import excel_actions
    from tdkt_desktop.gui.office_view.consolidation import AttainmentMatrixModel
    from tdkt_desktop.store.consolidation import attainment_matrix

    # a lazy record list (another section's kind of list)
    view = RecordListView(office, "people", columns("people", "full_name", "position"), read_only=True)
    qtbot.addWidget(view)
    wait(office)
    results: list[Any] = []
    out = tmp_path / "people.xlsx"
    excel_actions.export_model(office, view.model, title="Danh sách cá nhân", path=out, done=results.append)
    wait(office)
    assert results and results[0].rows == 4
    ws = openpyxl.load_workbook(out).active
    values = [tuple(row) for row in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(values) if r and r[0] == "STT")
    assert values[header][1:3] == ("Họ và tên", "Chức vụ")
    assert sorted(r[1] for r in values[header + 1:header + 5]) == sorted(
        ["Nguyễn Văn An", "Phạm Thị Dung", "Lê Văn Cường", "Trần Thị Bình"])

    # the matrix: numbers stay numbers
    model = AttainmentMatrixModel()
    with open_store(office.db_path) as store:
        model.set_matrix(attainment_matrix(store, office.data["campaign"]["id"], "2025"))
    out2 = tmp_path / "matrix.xlsx"
    excel_actions.export_model(office, model, title="Đối chiếu", path=out2, done=results.append)
    wait(office)
    rows = list(openpyxl.load_workbook(out2).active.iter_rows(values_only=True))
    school = next(r for r in rows if r and r[0] == "Trường Tiểu học A")
    assert school[1] == 95 and school[2] == 4 and school[3] == "1/2"

    # the engine's named view: the provincial nomination layout
    out3 = tmp_path / "tinh.xlsx"
    excel_actions.export_named_view(office, "nominations-provincial", path=out3, done=results.append)
    wait(office)
    rows = list(openpyxl.load_workbook(out3).active.iter_rows(values_only=True))
    assert any(r and "Tên tập thể/cá nhân/hộ gia đình" in r for r in rows)
    assert any(r and "Nguyễn Văn An" in r for r in rows)


def test_section_is_registered_and_in_vietnamese(office: Any, qtbot: Any) -> None:
    from tdkt_desktop.gui import registry
    from tdkt_desktop.gui.office_view.page import OfficePage, make_office_page

    section = registry.section("office")
    assert section is not None
    assert QtCore.QCoreApplication.translate("Sections", section.title) == "Tổng hợp cấp trên"
    page = make_office_page(office)
    qtbot.addWidget(page)
    wait(office)
    assert isinstance(page, OfficePage)
    texts = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert texts == ["Thẩm định", "Quyết định", "Tổng hợp", "Báo cáo", "Excel"]
    page.reports.kind.setCurrentIndex(2)
    wait(office)
    assert page.reports.current is not None and page.reports.current.code.startswith("0603")


def test_statistical_form_saved_as_pdf(office: Any, qtbot: Any, tmp_path: Path, messages: Any) -> None:
    import subprocess

    from tdkt_desktop.gui.office_view.page import make_office_page

    page = make_office_page(office)
    qtbot.addWidget(page)
    wait(office)
    page.reports.kind.setCurrentIndex(2)  # 0603.N
    wait(office)
    assert page.reports.pdf_button.isEnabled()
    out = tmp_path / "bieu-0603N.pdf"
    page.reports.save_pdf(str(out))
    wait(office)
    assert messages.kinds() == ["info"]  # "Đã lưu: …", no error
    chairman = office.reader.rows("officials", order_by="sort_order")[0]["full_name"]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "SỐ LƯỢNG KHEN THƯỞNG" in text and "0603.N" in text and chairman in text


def test_own_proposals_upward_are_not_in_this_units_appraisal_queue(office: Any) -> None:
    from tdkt_desktop.gui.office_view import work

    with open_store(office.db_path) as store:
        person = store.insert("people", {"full_name": "Trần Văn Bình"})
        common = {"subject_kind": "person", "subject_id": person["id"], "subject_name": "Trần Văn Bình",
                  "award_kind": "cong_trang", "year": 2025, "status": "submitted", "unit_code": "27031"}
        upward = store.insert("nominations", {**common, "title_code": "BANG_KHEN_TINH"})  # the city decides
        own = store.insert("nominations", {**common, "title_code": "LDTT"})  # the ward decides
        ids = {r["id"] for r in work.received_nominations(store, year=2025)}
    assert own["id"] in ids and upward["id"] not in ids


def test_import_wizard_maps_unknown_values_and_remembers_them(office: Any, qtbot: Any, tmp_path: Path) -> None:
    from tests.fixtures.provincial import ROWS as LIST_ROWS
    from tests.fixtures.provincial import write_list

    from tdkt_desktop.gui.office_view.import_wizard import COLUMNS, DONE, ROWS, VALUES, ImportWizard

    rows = [list(r) for r in LIST_ROWS[:3]]
    rows[0][6] = "Khen thưởng đặc biệt"
    rows[1][7] = "Kỷ niệm chương"
    rows[2][9] = "Văn hóa - Xã hội"  # a field outside the list: kept as written unless mapped
    path = write_list(tmp_path / "ds.xlsx", [tuple(r) for r in rows])
    before = office.reader.count("nominations")
    wizard = ImportWizard(office)
    qtbot.addWidget(wizard)
    wizard.set_file(path, "nominations", 2025)
    wizard.next_step()
    wait(office)
    assert wizard.step() == COLUMNS
    assert wizard.current_mapping()["D"] == "birth_date_male"
    wizard.next_step()
    wait(office)
    assert wizard.step() == VALUES
    assert set(wizard.value_combos) == {("subject_kind", "Khen thưởng đặc biệt"), ("title", "Kỷ niệm chương"),
                                        ("field", "Văn hóa - Xã hội")}
    # a coded value starts unmapped (its rows stay in error); a free-text one starts "keep as written"
    assert wizard.value_combos[("title", "Kỷ niệm chương")].currentData() == "__unmapped__"
    assert wizard.value_combos[("field", "Văn hóa - Xã hội")].currentData() == "="
    wizard.set_value_mapping("subject_kind", "Khen thưởng đặc biệt", "person")
    wizard.set_value_mapping("title", "Kỷ niệm chương", "GIAY_KHEN")
    wizard.next_step()
    wait(office)
    assert wizard.step() == ROWS
    assert not any(r["bad"] for r in wizard.preview_rows)
    assert office.reader.count("nominations") == before  # nothing written yet
    wizard.next_step()
    wait(office)
    assert wizard.step() == DONE
    assert office.reader.count("nominations") == before + 3

    # the same layout again: the mapped values are understood, the values step is skipped
    again = ImportWizard(office)
    qtbot.addWidget(again)
    later = [list(LIST_ROWS[3])]
    later[0][7] = "Kỷ niệm chương"
    again.set_file(write_list(tmp_path / "ds2.xlsx", [tuple(r) for r in later]), "nominations", 2025)
    again.next_step()
    wait(office)
    again.next_step()
    wait(office)
    assert again.step() == ROWS
    assert not any(r["bad"] for r in again.preview_rows)


def test_the_share_chart_gives_every_target_a_readable_bar_in_vietnamese(app: Any, qtbot: Any) -> None:
    """A plan of many targets (a province's: 15–20) gets a bar and a whole name each, the chart growing in its
    scrolling box instead of squeezing the names into "…"; the share is written the Vietnamese way (91,2 %)."""
    from tdkt_desktop.gui.office_view.consolidation import fill_share_chart, share_chart
    from tdkt_desktop.store.consolidation import TargetShare

    view = share_chart()
    qtbot.addWidget(view)
    shares = [TargetShare(f"t{i}", f"Chỉ tiêu {i}", 31 if i % 2 else 0, 34) for i in range(1, 16)]
    shares[2] = TargetShare("t3", "Chỉ tiêu 3", 0, 0)  # no unit reported it
    fill_share_chart(view, shares, "Tỷ lệ")
    few = share_chart()
    qtbot.addWidget(few)
    fill_share_chart(few, shares[:3], "Tỷ lệ")
    line = view.fontMetrics().height()
    assert view.minimumHeight() >= 15 * 2 * line > few.minimumHeight()
    [axis] = [a for a in view.chart().axes() if a.type() == a.AxisType.AxisTypeBarCategory]
    names = axis.categories()
    assert names[-1] == "Chỉ tiêu 1 (31/34): 91,2 %" and names[0] == "Chỉ tiêu 15 (31/34): 91,2 %"  # first on top
    assert "Chỉ tiêu 2 (0/34): 0,0 %" in names and "Chỉ tiêu 3 (0/0)" in names  # no share without figures
