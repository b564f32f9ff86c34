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
