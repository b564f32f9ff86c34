"""The background runner tells the views exactly the tables a job changed — nobody names them by hand."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.text import InputError
from tdkt_desktop.gui.models import RecordTableModel, columns
from tdkt_desktop.store.numbering import take_number


def emitted(ctx: Any, work: Any) -> tuple[list[str], Any]:
    seen: list[str] = []
    ctx.jobs.data_changed.connect(seen.append)
    try:
        job = ctx.jobs.run(work)
        ctx.jobs.wait_idle()
    finally:
        ctx.jobs.data_changed.disconnect(seen.append)
    return seen, job


def test_a_job_reports_the_tables_it_wrote_and_nothing_else(ctx: Any) -> None:
    def add_person_and_campaign(store: Any, _p: Any) -> None:
        store.insert("people", {"full_name": "Nguyễn Văn Ân"})
        with store.atomic():
            store.insert("campaigns", {"name": "Phong trào A", "year": 2026, "campaign_type": "regular"})

    seen, job = emitted(ctx, add_person_and_campaign)
    assert job.error is None
    assert seen == ["campaigns", "people"] and job.changed == seen
    seen, _ = emitted(ctx, lambda store, _p: store.count("people"))
    assert seen == []


def test_the_number_register_is_reported_by_its_real_name(ctx: Any) -> None:
    seen, _ = emitted(ctx, lambda store, _p: take_number(store, doc_type="QĐ", issued_on=_dt.date(2026, 3, 2)))
    assert seen == ["doc_register"]


def test_a_failed_job_reports_only_what_it_kept(ctx: Any, messages: Any) -> None:
    def half(store: Any, _p: Any) -> None:
        store.insert("people", {"full_name": "Lê Văn Tám"})  # kept: its own transaction
        with store.atomic():
            store.insert("campaigns", {"name": "Phong trào B", "year": 2026, "campaign_type": "regular"})
            raise InputError("Năm: không hợp lệ.")  # the campaign is rolled back

    seen, job = emitted(ctx, half)
    assert isinstance(job.error, InputError) and messages.kinds() == ["warn"]
    assert seen == ["people"]
    assert ctx.reader.get("campaigns", "x") is None


def test_a_list_reloads_after_a_job_on_its_table_and_not_after_one_on_another(ctx: Any, qtbot: Any) -> None:
    model = RecordTableModel(ctx.reader, "people", columns("people", "full_name"), jobs=ctx.jobs)
    loads: list[int] = []
    model.loaded.connect(lambda: loads.append(model.rowCount()))
    model.reload()
    ctx.jobs.wait_idle()
    assert loads == [0]
    ctx.jobs.run(lambda store, _p: store.insert("campaigns", {"name": "Phong trào C", "year": 2026, "campaign_type": "regular"}))
    ctx.jobs.wait_idle()
    ctx.jobs.wait_idle()
    assert loads == [0]
    ctx.jobs.run(lambda store, _p: store.insert("people", {"full_name": "Trần Thị Bình"}))
    ctx.jobs.wait_idle()
    ctx.jobs.wait_idle()
    assert loads == [0, 1]
    assert model.data(model.index(0, 0)) == "Trần Thị Bình"


def test_work_finishing_after_the_database_closed_shows_nothing(ctx: Any, messages: Any) -> None:
    """A window closed while jobs run: they are cancelled and waited for; one that fails once the database is
    closed opens no message box (offscreen, a modal box nobody closes hung the test run), a result reaches
    nobody, and nothing more is started."""
    import threading

    from tdkt_desktop.gui.background import Jobs
    from tdkt_desktop.gui.qt import QtCore

    jobs = Jobs(ctx.jobs.db_path)
    go = threading.Event()
    results: list[Any] = []

    def late(store: Any, _p: Any) -> None:
        go.wait(5)
        raise InputError("Cơ sở dữ liệu đã đóng.")

    def count(store: Any, _p: Any) -> int:
        go.wait(5)
        return int(store.count("people"))

    failing = jobs.run(late)
    finishing = jobs.run(count, done=results.append)
    threading.Timer(0.3, go.set).start()  # the work ends while the database is being closed
    jobs.close()
    QtCore.QCoreApplication.processEvents()
    assert isinstance(failing.error, InputError) and isinstance(finishing.result, int)
    assert messages.shown == [] and results == [] and not jobs.busy
    ran: list[int] = []
    never = jobs.run(lambda store, _p: ran.append(1))
    jobs.pool.waitForDone(2000)
    QtCore.QCoreApplication.processEvents()
    assert ran == [] and never.result is None and not jobs.busy
