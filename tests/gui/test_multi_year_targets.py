"""A 2021–2025 plan through the screens: its targets and a "trong đó" sub-target added, edited and removed in the
campaign editor, each year's results typed in the results screen with the figure to date beside them (summed
for a quantity, the latest for a percentage), judged only at the end of the plan; the attainment matrix
exported to Excel and read back with the sub-targets under their target."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tdkt_desktop.gui.qt import QtCore
from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor
from tdkt_desktop.gui.workflow.results_view import ResultsView

PLAN = "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025"


def cell(view: ResultsView, row: int, key: str) -> str:
    return str(view.model.index(row, view.model.col(key)).data() or "")


def type_row(editor: CampaignEditor, row: int, **values: str) -> None:
    for key, text in values.items():
        assert editor.targets.set_cell(row, key, text), key


def test_a_five_year_plan_with_sub_targets_from_editor_to_excel(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    # ------------------------------------------------------------------ the plan and its targets in the editor
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    for name, text in (("name", PLAN), ("start_date", "01/01/2021"), ("end_date", "31/12/2025"), ("year", "2021")):
        editor.set_value(name, text)
    assert not editor.detail_button.isEnabled()  # nothing chosen to detail yet
    editor.add_target()
    type_row(editor, 0, measure="Xây dựng đường giao thông nông thôn", comparator="at_least", value="50", unit="km")
    editor.add_target()
    type_row(editor, 1, measure="Tỷ lệ hộ dân sử dụng nước sạch", comparator="at_least", value="95", unit="%")
    editor.targets_view.setCurrentIndex(editor.targets.index(1, 0))
    assert editor.detail_button.isEnabled()
    editor.detail_button.click()  # "trong đó": comparison and unit taken from the target
    assert editor.targets_view.currentIndex().row() == 2
    assert (editor.targets.row(2)["comparator"], editor.targets.row(2)["unit"]) == ("at_least", "%")
    type_row(editor, 2, measure="Khu vực đô thị", value="100")
    editor.targets_view.setCurrentIndex(editor.targets.index(1, 0))
    editor.detail_button.click()  # the next part goes after the parts already there
    assert editor.targets_view.currentIndex().row() == 3
    type_row(editor, 3, measure="Khu vực nông thôn", value="94")
    editor.targets_view.setCurrentIndex(editor.targets.index(1, 0))
    editor.detail_button.click()
    type_row(editor, 4, measure="Khu vực ven biển", value="90")
    measure = editor.targets.column_of("measure")
    assert [editor.targets.index(r, measure).data() for r in range(5)] == [
        "Xây dựng đường giao thông nông thôn", "Tỷ lệ hộ dân sử dụng nước sạch", "↳ Khu vực đô thị",
        "↳ Khu vực nông thôn", "↳ Khu vực ven biển"]
    assert editor.save()
    ctx.jobs.wait_idle()
    campaign = ctx.reader.rows("campaigns", "name = ?", [PLAN])[0]
    stored = ctx.reader.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    water = stored[1]
    assert [t["parent_target_id"] for t in stored] == [None, None, water["id"], water["id"], water["id"]]
    assert [t["rollup"] for t in stored] == ["sum", "mean", "mean", "mean", "mean"]

    # opened again: parts under their target; one edited, one removed
    again = CampaignEditor(ctx, campaign["id"])
    qtbot.addWidget(again)
    ctx.jobs.wait_idle()
    assert again.targets.index(3, measure).data() == "↳ Khu vực nông thôn"
    type_row(again, 3, value="93")
    again.targets_view.setCurrentIndex(again.targets.index(4, 0))
    again.remove_target()
    assert again.save()
    ctx.jobs.wait_idle()
    stored = ctx.reader.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    assert [(t["measure"], t["value"]) for t in stored[2:]] == [("Khu vực đô thị", 100), ("Khu vực nông thôn", 93)]
    assert all(t["parent_target_id"] == water["id"] for t in stored[2:])

    # ------------------------------------------------------------------ each year's results, the figure to date
    view = ResultsView(ctx)
    qtbot.addWidget(view)
    ctx.jobs.wait_idle()
    years = {"2021": ("10", "90", "98", "85"), "2022": ("12", "92,5", "99", "88"), "2023": ("9", "", "", "")}
    for period, figures in years.items():
        view.choose(campaign_id=campaign["id"], period=period, unit_code=ctx.unit_code)
        ctx.jobs.wait_idle()
        assert [cell(view, r, "measure") for r in range(4)] == [
            "Xây dựng đường giao thông nông thôn", "Tỷ lệ hộ dân sử dụng nước sạch", "↳ Khu vực đô thị",
            "↳ Khu vực nông thôn"]
        for row, text in enumerate(figures):
            if text:
                view.model.type_value(row, text)
        assert view.save()
        ctx.jobs.wait_idle()
    # in 2023: every year so far, the road summed, water the latest level, judged only in 2025
    assert [view.model.headerData(view.model.col(f"y{y}"), QtCore.Qt.Orientation.Horizontal)
            for y in range(2021, 2026)] == ["2021", "2022", "2023", "2024", "2025"]
    assert [cell(view, 0, f"y{y}") for y in range(2021, 2026)] == ["10", "12", "9", "", ""]
    assert cell(view, 0, "cumulative") == "31" and cell(view, 0, "percent") == "62 %"
    assert view.view.isColumnHidden(view.model.col("sub_value"))  # no target here counts an "of which" part
    assert cell(view, 0, "status") == "Đang thực hiện"
    assert "lũy kế đến hết năm 2023 là 31 km" in cell(view, 0, "note")
    assert cell(view, 1, "cumulative") == "92,5" and cell(view, 1, "y2023") == ""
    assert cell(view, 3, "cumulative") == "88" and cell(view, 3, "status") == "Đang thực hiện"
    # typing follows at once: the figure to date moves with the year being typed
    view.model.type_value(0, "11")
    assert (cell(view, 0, "y2023"), cell(view, 0, "cumulative")) == ("11", "33")
    view.model.type_value(0, "9")
    assert not view.has_unsaved_changes()

    # the last year closes the plan: the verdict, each part on its own
    view.choose(campaign_id=campaign["id"], period="2025", unit_code=ctx.unit_code)
    ctx.jobs.wait_idle()
    for row, text in enumerate(("19", "95,5", "100", "92")):
        view.model.type_value(row, text)
    assert cell(view, 0, "cumulative") == "50" and cell(view, 0, "status") == "Đạt"
    assert [cell(view, r, "status") for r in range(4)] == ["Đạt", "Vượt", "Đạt", "Không đạt"]
    assert view.save()
    ctx.jobs.wait_idle()
    assert {r["period"] for r in ctx.reader.rows("target_results")} == {"2021", "2022", "2023", "2025"}

    # ------------------------------------------------------------------ the attainment matrix in Excel
    from tdkt_desktop.core.models import AttainmentStatus
    from tdkt_desktop.excel.export import STATUS_FILLS, export_attainment_matrix

    def matrix(period: str) -> Any:
        out = tmp_path / f"ma-tran-{period}.xlsx"
        ctx.jobs.run(lambda store, _p: export_attainment_matrix(store, out, campaign_id=campaign["id"], period=period))
        ctx.jobs.wait_idle()
        return load_workbook(out).active

    ws = matrix("2025")
    texts = [str(c.value or "") for row in ws.iter_rows() for c in row]
    assert any("Lũy kế đến hết năm 2025 (giai đoạn 2021–2025)" in t for t in texts)
    header = next(r for r in ws.iter_rows() if r[0].value == "Đơn vị")
    names = [str(c.value).split("\n")[0] for c in header[1:5]]
    assert names == ["Xây dựng đường giao thông nông thôn", "Tỷ lệ hộ dân sử dụng nước sạch", "↳ Khu vực đô thị",
                     "↳ Khu vực nông thôn"]
    own = next(r for r in ws.iter_rows() if r[0].value and "Phường" in str(r[0].value))
    assert [c.value for c in own[1:5]] == [50, 95.5, 100, 92]
    fills = [c.fill.fgColor.rgb[-6:] for c in own[1:5]]
    assert fills == [STATUS_FILLS[AttainmentStatus.REACHED], STATUS_FILLS[AttainmentStatus.EXCEEDED],
                     STATUS_FILLS[AttainmentStatus.REACHED], STATUS_FILLS[AttainmentStatus.NOT_REACHED]]
    assert own[-1].value == "3/4"
    assert "Giai đoạn 2021–2025 (cộng dồn các năm)" in own[1].comment.text
    # before the end: figures to date, shown as in progress
    own = next(r for r in matrix("2023").iter_rows() if r[0].value and "Phường" in str(r[0].value))
    assert [c.value for c in own[1:5]] == [31, 92.5, 99, 88]
    assert {c.fill.fgColor.rgb[-6:] for c in own[1:5]} == {STATUS_FILLS[AttainmentStatus.IN_PROGRESS]}

    # ------------------------------------------------------------------ the consolidation screen says what it shows
    from tdkt_desktop.gui.office_view.consolidation import ConsolidationPage

    page = ConsolidationPage(ctx)
    qtbot.addWidget(page)
    ctx.jobs.wait_idle()
    page.choose(campaign["id"], "2023")
    ctx.jobs.wait_idle()
    assert page.matrix_note.isVisibleTo(page)
    assert page.matrix_note.text().startswith("Lũy kế đến hết năm 2023 (giai đoạn 2021–2025): số lượng")
    model = page.matrix_model
    assert str(model.headerData(3, QtCore.Qt.Orientation.Horizontal)).startswith("↳ Khu vực đô thị")
    assert [model.status_at(0, c) for c in range(1, 5)] == ["in_progress"] * 4
    assert model.index(0, 1).data() == "31"


def test_a_target_moves_with_its_sub_targets_and_a_sub_target_stays_under_its_target(ctx: Any, qtbot: Any) -> None:
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    for measure in ("Đường giao thông", "Nước sạch"):
        editor.add_target()
        type_row(editor, editor.targets.rowCount() - 1, measure=measure, value="50")
    for part in ("Đô thị", "Nông thôn"):
        editor.targets_view.setCurrentIndex(editor.targets.index(1, 0))
        editor.add_sub_target()
        type_row(editor, editor.targets_view.currentIndex().row(), measure=part, value="90")
    names = lambda: [editor.targets.row(r)["measure"] for r in range(editor.targets.rowCount())]  # noqa: E731
    assert names() == ["Đường giao thông", "Nước sạch", "Đô thị", "Nông thôn"]
    editor.targets_view.setCurrentIndex(editor.targets.index(1, 0))
    editor.up_button.click()  # the target takes its parts along
    assert names() == ["Nước sạch", "Đô thị", "Nông thôn", "Đường giao thông"]
    assert editor.targets_view.currentIndex().row() == 0
    editor.down_button.click()
    assert names() == ["Đường giao thông", "Nước sạch", "Đô thị", "Nông thôn"]
    assert editor.targets_view.currentIndex().row() == 1
    editor.targets_view.setCurrentIndex(editor.targets.index(3, 0))
    editor.up_button.click()  # a part moves among the parts of its target
    assert names() == ["Đường giao thông", "Nước sạch", "Nông thôn", "Đô thị"]
    editor.up_button.click()  # never above its target
    editor.targets_view.setCurrentIndex(editor.targets.index(3, 0))
    editor.down_button.click()  # nor out of it
    assert names() == ["Đường giao thông", "Nước sạch", "Nông thôn", "Đô thị"]
    measure = editor.targets.column_of("measure")
    assert editor.targets.index(2, measure).data() == "↳ Nông thôn"
    editor.set_value("name", "Thi đua năm 2026")
    assert editor.save()
    ctx.jobs.wait_idle()
    campaign = ctx.reader.rows("campaigns", "name = ?", ["Thi đua năm 2026"])[0]
    stored = ctx.reader.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    assert [t["measure"] for t in stored] == ["Đường giao thông", "Nước sạch", "Nông thôn", "Đô thị"]
    assert [t["parent_target_id"] for t in stored] == [None, None, stored[1]["id"], stored[1]["id"]]
