"""Overview: counts by status, target chart, deadlines and waiting work of the demo database."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.gui.workflow.dashboard import DashboardView


def test_dashboard_shows_the_demo_counts(demo_ctx: Any, qtbot: Any) -> None:
    view = DashboardView(demo_ctx, today=_dt.date(2026, 11, 23))
    qtbot.addWidget(view)
    demo_ctx.jobs.wait_idle()
    ov = view.overview
    assert ov is not None and ov.period == "2026"
    reader = demo_ctx.reader
    for status in ("draft", "submitted", "decided", "returned", "approved"):
        assert view.card_values[status].text() == str(reader.count("nominations", "status = ?", [status]))
    assert view.card_values["campaigns_active"].text() == "2"  # the peak campaign ended in June
    assert view.card_values["decided"].text() == str(reader.count("nominations", "status = 'decided'")) != "0"
    from dataclasses import replace
    view.show_overview(replace(ov, campaigns_active=36, nominations_by_status={"decided": 204000}))
    assert view.card_values["decided"].text() == "204.000"  # a province's count, with its thousands dots
    assert view.card_values["campaigns_active"].text() == "36" and view.card_values["draft"].text() == "0"
    view.show_overview(ov)
    # one bar per target of the year with a result, coloured by status
    assert len(ov.bars) == 9
    assert {b["status"].value for b in ov.bars} <= {"reached", "exceeded", "not_reached"}
    assert view.chart.series() and len(view.chart.series()[0].barSets()) == 3
    whats = [(d["date"], d["what"]) for d in ov.deadlines]
    assert ("2026-12-10", "Hạn gửi hồ sơ khen thưởng") in whats
    assert all(d["date"] <= "2027-01-22" for d in ov.deadlines)
    kinds = [w["kind"] for w in ov.waiting]
    # every draft of the demo has an incomplete dossier; the thematic targets have no result for the year
    assert kinds.count("dossier") == reader.count("nominations", "status = 'draft'") > 0
    assert kinds.count("no_result") == 2
    assert view.waiting_model.rowCount() == len(ov.waiting)


def test_dashboard_flags_overdue_deadlines_and_follows_changes(demo_ctx: Any, qtbot: Any) -> None:
    view = DashboardView(demo_ctx, today=_dt.date(2026, 12, 15))
    qtbot.addWidget(view)
    demo_ctx.jobs.wait_idle()
    overdue = [d for d in view.overview.deadlines if d["overdue"]]
    assert any(d["date"] == "2026-12-10" for d in overdue)
    nid = demo_ctx.reader.rows("nominations", "status = 'submitted'")[0]["id"]
    demo_ctx.jobs.run(lambda store, p: store.update("nominations", nid, {"status": "returned", "status_reason": "Thiếu biên bản"}))
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    assert view.card_values["returned"].text() == "1"
    assert view.overview.waiting[0]["kind"] == "returned"


def test_the_dashboard_follows_the_chosen_period_across_campaigns(ctx: Any, qtbot: Any) -> None:
    """Results entered for "6 tháng đầu năm 2026" show for a 2026 campaign and for a 2021–2026 plan (its figure
    to date, under way until the plan ends), whatever the campaign's own year."""
    from tdkt_desktop.gui.tables import select_data

    unit = ctx.unit_code

    def setup(store: Any, _progress: Any) -> None:
        plan = store.insert("campaigns", {"name": "Kế hoạch 2021–2026", "campaign_type": "regular",
                                          "start_date": "2021-01-01", "end_date": "2026-12-31"})
        year = store.insert("campaigns", {"name": "Thi đua 2026", "campaign_type": "regular", "year": 2026})
        road = store.insert("targets", {"campaign_id": plan["id"], "seq": 1, "measure": "Đường giao thông",
                                        "comparator": "at_least", "value": 60, "unit": "km"})
        cover = store.insert("targets", {"campaign_id": year["id"], "seq": 1, "measure": "Bảo hiểm y tế",
                                         "comparator": "at_least", "value": 95, "unit": "%"})
        for target, period, value in ((road, "2025", 30), (road, "2026-H1", 6), (cover, "2026-H1", 96)):
            store.insert("target_results", {"target_id": target["id"], "unit_code": unit, "period": period,
                                            "value": value})

    ctx.jobs.run(setup)
    ctx.jobs.wait_idle()
    view = DashboardView(ctx, today=_dt.date(2026, 7, 10))
    qtbot.addWidget(view)
    ctx.jobs.wait_idle()
    select_data(view.period, "2026-H1")
    ctx.jobs.wait_idle()
    ov = view.overview
    assert ov is not None and ov.period == "2026-H1"
    assert [(b["measure"], round(b["percent"]), b["status"].value) for b in ov.bars] == [
        ("Đường giao thông", 60, "in_progress"), ("Bảo hiểm y tế", 101, "exceeded")]
    assert "lũy kế đến hết 6 tháng đầu năm 2026 là 36 km" in ov.bars[0]["note"]
    assert view.chart.title() == "" and len(view.chart.series()[0].barSets()) == 4
    select_data(view.period, "2026")  # the plan's last year: judged on its figure to date; nothing for the year yet
    ctx.jobs.wait_idle()
    assert view.overview.period == "2026"
    assert [(b["measure"], round(b["percent"]), b["status"].value) for b in view.overview.bars] == [
        ("Đường giao thông", 60, "not_reached")]
    assert [w["detail"] for w in view.overview.waiting if w["kind"] == "no_result"] == ["Bảo hiểm y tế"]
    assert len(view.chart.series()[0].barSets()) == 3
