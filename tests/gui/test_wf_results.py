"""Results grid: attainment as the person types, bad numbers flagged in the row, saving off the GUI thread."""

from __future__ import annotations

from typing import Any

import pytest

from tdkt_desktop.gui.workflow.results_view import ResultsView


@pytest.fixture
def view(demo_ctx: Any, qtbot: Any) -> ResultsView:
    v = ResultsView(demo_ctx)
    qtbot.addWidget(v)
    cid = demo_ctx.reader.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])[0]["id"]
    v.choose(campaign_id=cid, period="2026-H2", unit_code=demo_ctx.unit_code)  # waits for the pickers
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    return v


def cell(view: ResultsView, row: int, key: str) -> str:
    return str(view.model.index(row, view.model.col(key)).data() or "")


def test_attainment_follows_typing_and_saves(view: ResultsView, demo_ctx: Any) -> None:
    assert len(view.model.lines) == 9
    row = view.model.row_of_measure("thương mại - dịch vụ")  # range 9,5 – 10 %/năm
    assert cell(view, row, "target") == "9,5 – 10 %/năm"
    view.model.type_value(row, "9")
    assert cell(view, row, "status") == "Không đạt"
    view.model.type_value(row, "9,7")
    assert cell(view, row, "status") == "Đạt"
    assert cell(view, row, "percent") == "102,1 %"
    view.model.type_value(row, "10,4")
    assert cell(view, row, "status") == "Vượt"
    view.model.type_value(row, "9,7")
    count_row = view.model.row_of_measure("văn minh đô thị")  # 03 khu vực, trong đó 01 kiểu mẫu
    view.model.type_value(count_row, "3")
    assert cell(view, count_row, "status") == "Không đạt"  # the "of which" is missing
    view.model.type_value(count_row, "1", sub=True)
    assert cell(view, count_row, "status") == "Đạt"
    assert view.has_unsaved_changes()
    assert view.save()
    demo_ctx.jobs.wait_idle()
    results = demo_ctx.reader.rows("target_results", "period = ?", ["2026-H2"])
    assert sorted((r["value"], r["sub_value"]) for r in results) == [(3.0, 1.0), (9.7, None)]
    assert not view.has_unsaved_changes()
    assert cell(view, row, "value") == "9,7" and cell(view, row, "status") == "Đạt"


def test_a_bad_number_is_flagged_in_its_row_and_nothing_is_saved(view: ResultsView, demo_ctx: Any) -> None:
    before = demo_ctx.reader.count("target_results")
    row = view.model.row_of_measure("thương mại - dịch vụ")
    other = view.model.row_of_measure("Thu ngân sách")
    view.model.type_value(other, "50.000")
    view.model.type_value(row, "9,7,1")
    assert cell(view, row, "status") == "Lỗi"
    assert "nhiều hơn một dấu phẩy" in cell(view, row, "note")
    assert cell(view, other, "status") == "Vượt"  # the other row keeps its input and its assessment
    assert not view.save()
    assert "Dòng" in view.banner.text() and "nhiều hơn một dấu phẩy" in view.banner.text()
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.count("target_results") == before
    assert cell(view, other, "value") == "50.000"
    view.model.type_value(row, "9,7")
    assert view.save()
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.count("target_results") == before + 2


def test_participation_counts_are_saved_and_checked(view: ResultsView, demo_ctx: Any) -> None:
    model = view.part_model
    assert model.rowCount() >= 2
    model.setData(model.index(0, 2), "1.200")
    model.setData(model.index(0, 3), "abc")
    assert not view.save()
    assert "không phải là số" in view.banner.text()
    model.setData(model.index(0, 3), "350")
    assert view.save()
    demo_ctx.jobs.wait_idle()
    row = demo_ctx.reader.rows("participations", "period = ? AND unit_code = ?", ["2026-H2", demo_ctx.unit_code])[0]
    assert (row["people_count"], row["households_count"]) == (1200, 350)


def test_switching_period_with_unsaved_results_asks(view: ResultsView, demo_ctx: Any, messages: Any) -> None:
    view.model.type_value(0, "9,8")
    messages.answer = "cancel"
    view.choose(period="2026")
    assert view.period.currentData() == "2026-H2" and view.model.lines[0].value == "9,8"
    messages.answer = "discard"
    view.choose(period="2026")
    demo_ctx.jobs.wait_idle()
    assert view.period.currentData() == "2026"
    assert view.model.lines[0].value == "9,8"  # the demo's stored year result
    assert demo_ctx.reader.count("target_results", "period = ?", ["2026-H2"]) == 0


def test_results_shown_follow_a_job_on_results_and_not_one_on_another_table(view: ResultsView, demo_ctx: Any) -> None:
    from tdkt_desktop.store.results import save_results

    loads: list[int] = []
    view.loaded.connect(lambda: loads.append(len(view.model.lines)))
    demo_ctx.jobs.run(lambda store, _p: store.insert("people", {"full_name": "Nguyễn Văn Mới"}))
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    assert loads == []
    target = view.model.lines[0].target
    cid, period, unit = view._key
    demo_ctx.jobs.run(lambda store, _p: save_results(store, campaign_id=cid, period=period, unit_code=unit,
                                                     results=[{"target_id": target["id"], "value": 9.9}]))
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    assert loads == [9]
    assert cell(view, 0, "value") == "9,9"


def test_the_periods_follow_the_chosen_campaign_in_time_order(demo_ctx: Any, qtbot: Any) -> None:
    """A 2021–2025 plan offers every period of 2021 to 2025 (mid-term reviews of past years included), in
    time order; a campaign of one year offers that year's; a period outside the plan cannot be saved."""
    from tdkt_desktop.core.text import InputError
    from tdkt_desktop.store import open_store, results

    store = open_store(demo_ctx.reader.path)
    plan = store.insert("campaigns", {"name": "Kế hoạch thi đua giai đoạn 2021–2025", "campaign_type": "regular",
                                      "start_date": "2021-01-01", "end_date": "2025-12-31", "year": 2021})
    store.insert("targets", {"campaign_id": plan["id"], "seq": 1, "measure": "Tỷ lệ hộ nghèo",
                             "comparator": "at_most", "value": 1, "unit": "%"})
    v = ResultsView(demo_ctx)
    qtbot.addWidget(v)
    v.choose(campaign_id=plan["id"], unit_code=demo_ctx.unit_code)
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    offered = [v.period.itemData(i) for i in range(v.period.count())]
    assert offered[:4] == ["2021-H1", "2021-H2", "2021", "2022-H1"] and offered[-1] == "2025"
    assert len(offered) == 15 and v.period.currentData() == "2025"  # the latest period of a finished plan
    assert v.period.itemText(0) == "6 tháng đầu năm 2021"
    year_one = demo_ctx.reader.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])[0]
    v.choose(campaign_id=year_one["id"])
    demo_ctx.jobs.wait_idle()
    year = int(year_one["year"])
    assert [v.period.itemData(i) for i in range(v.period.count())] == [f"{year}-H1", f"{year}-H2", str(year)]
    with pytest.raises(InputError, match="nằm ngoài thời gian của phong trào"):
        results.save_results(store, campaign_id=plan["id"], period="2026-H1", unit_code=demo_ctx.unit_code,
                             results=[{"target_id": store.rows("targets", "campaign_id = ?", [plan["id"]])[0]["id"],
                                       "value": "0,8"}])
    assert store.count("target_results", "target_id IN (SELECT id FROM targets WHERE campaign_id = ?)",
                       [plan["id"]]) == 0
    store.close()
