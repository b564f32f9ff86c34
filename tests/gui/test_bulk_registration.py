"""Đăng ký hàng loạt through the real widgets: every staff member filtered from the list registered for Lao
động tiên tiến in one action, nobody doubled on a second run, a collective title never offered to people."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.gui.qt import Qt
from tdkt_desktop.gui.tables import select_data
from tdkt_desktop.gui.workflow.bulk_registration import BulkRegistrationDialog

TODAY = _dt.date(2026, 2, 10)
STAFF = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quốc Cường", "Phạm Thị Dung"]


def _setup(ctx: Any) -> str:
    def work(store: Any, _p: Any) -> str:
        for name in STAFF:
            store.insert("people", {"full_name": name, "workplace": "Ủy ban nhân dân phường"})
        store.insert("people", {"full_name": "Võ Văn Em", "workplace": "Trường Tiểu học"})
        store.insert("collectives", {"name": "Tổ dân phố 3", "members_count": 12})
        return str(store.insert("campaigns", {"name": "Thi đua năm 2026", "campaign_type": "regular", "year": 2026})["id"])

    job = ctx.jobs.run(work)
    ctx.jobs.wait_idle()
    return str(job.result)


def _dialog(ctx: Any, qtbot: Any, campaign_id: str) -> BulkRegistrationDialog:
    dialog = BulkRegistrationDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    ctx.jobs.wait_idle()  # the campaigns are read on a worker
    select_data(dialog.campaign, campaign_id)
    select_data(dialog.kind, "person")
    ctx.jobs.wait_idle()
    return dialog


def _filter_staff_and_register(ctx: Any, qtbot: Any, dialog: BulkRegistrationDialog) -> None:
    qtbot.keyClicks(dialog.search_box, "uy ban nhan dan")
    dialog.search_box.search.emit(dialog.search_box.text())
    ctx.jobs.wait_idle()
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
    ctx.jobs.wait_idle()
    assert sorted(ctx.reader.get("people", i)["full_name"] for i in dialog.selected_ids()) == sorted(STAFF)
    assert dialog.chosen.text() == "Đã chọn 4 trong 4 đang hiện"
    select_data(dialog.title, "LDTT")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    ctx.jobs.wait_idle()


def test_all_staff_registered_for_one_title_at_once_and_never_twice(ctx: Any, qtbot: Any, messages: Any) -> None:
    campaign_id = _setup(ctx)
    dialog = _dialog(ctx, qtbot, campaign_id)
    titles = [dialog.title.itemData(i) for i in range(dialog.title.count())]
    assert "LDTT" in titles and "CSTDCS" in titles and "TLDTT" not in titles  # a collective title is not offered
    _filter_staff_and_register(ctx, qtbot, dialog)
    assert dialog.result_ is not None and len(dialog.result_.added) == 4 and dialog.result_.already == []
    rows = ctx.reader.rows("registrations", "campaign_id = ?", [campaign_id])
    assert sorted((r["subject_name"], r["title_code"], r["year"], r["registered_on"]) for r in rows) == sorted(
        (name, "LDTT", 2026, "2026-02-10") for name in STAFF)
    assert messages.shown[-1][2] == "Đã đăng ký: 4."

    again = _dialog(ctx, qtbot, campaign_id)
    _filter_staff_and_register(ctx, qtbot, again)
    assert again.result_ is not None and again.result_.added == [] and len(again.result_.already) == 4
    assert len(ctx.reader.rows("registrations", "campaign_id = ?", [campaign_id])) == 4
    assert "không đăng ký lại: 4" in messages.shown[-1][2]


def test_collectives_are_offered_collective_titles(ctx: Any, qtbot: Any) -> None:
    campaign_id = _setup(ctx)
    dialog = _dialog(ctx, qtbot, campaign_id)
    select_data(dialog.kind, "collective")
    ctx.jobs.wait_idle()
    titles = [dialog.title.itemData(i) for i in range(dialog.title.count())]
    assert "TLDTT" in titles and "LDTT" not in titles
    assert dialog.model is not None and dialog.model.rowCount() == 1
    assert not dialog.register_button.isEnabled()  # nobody chosen yet
