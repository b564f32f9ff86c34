"""Đồng bộ screen: export then import between two databases, preview without changes, a tampered bundle, the
conflict queue, enrolment with the fingerprint check, a bundle given on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop import sync
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.store.db import open_store
from tdkt_desktop.store.installation import init_unit

LOW, UP = "31147", "92"  # Phường Tân An and its upper office, Thành phố Cần Thơ
NAMES = ("Nguyễn Thị Ánh", "Trần Văn Đạt", "Lê Thị Hồng Nhung")


def _db(path: Path, code: str) -> Path:
    with open_store(path, operator="Người kiểm thử") as store:
        init_unit(store, code=code)
    return path


@pytest.fixture
def pair(tmp_path: Path, app: Any) -> dict[str, Path]:
    low, up = _db(tmp_path / "low.sqlite", LOW), _db(tmp_path / "up.sqlite", UP)
    with open_store(low) as a, open_store(up) as b:
        for name in NAMES:
            a.insert("people", {"full_name": name, "unit_code": LOW})
        sync.enroll(b, sync.read_enrolment(sync.export_enrolment(a)), confirmed=True)
        sync.enroll(a, sync.read_enrolment(sync.export_enrolment(b)), confirmed=True)
    return {"low": low, "up": up, "dir": tmp_path}


def _ctx(path: Path) -> Any:
    from tdkt_desktop.gui.context import AppContext

    return AppContext.open(path, settings=QtCore.QSettings(str(path.with_suffix(".ini")), QtCore.QSettings.Format.IniFormat))


@pytest.fixture
def pages(pair: dict[str, Path], qtbot: Any):  # type: ignore[no-untyped-def]
    from tdkt_desktop.gui.sync_view.page import make_sync_page

    made = []
    out = {}
    for key in ("low", "up"):
        ctx = _ctx(pair[key])
        page = make_sync_page(ctx)
        qtbot.addWidget(page)
        ctx.jobs.wait_idle()
        out[key] = page
        made.append(ctx)
    yield out
    for ctx in made:
        ctx.close()


def _people(path: Path) -> set[str]:
    with open_store(path) as store:
        return {r["full_name"] for r in store.db.query("SELECT full_name FROM people WHERE deleted = 0")}


def _export(page: Any, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    index = next(i for i in range(page.recipient.count()) if page.recipient.itemData(i)["code"] == UP)
    page.recipient.setCurrentIndex(index)
    assert page.export_button.isEnabled()
    page.export_button.click()
    page.ctx.jobs.wait_idle()


def _choose(page: Any, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], "")))
    page.open_file_button.click()
    page.ctx.jobs.wait_idle()


def _counts(page: Any) -> dict[str, dict[str, int]]:
    return {row["label"]: row for row in page.report.counts_model.rows}


def test_identity_shows_own_fingerprint(pages: dict[str, Any], pair: dict[str, Path]) -> None:
    page = pages["low"]
    with open_store(pair["low"]) as store:
        fp = sync.own_fingerprint(store)
    assert page.own_fp.accessibleName() == fp
    assert page.own_fp.font().pointSize() >= 18
    assert "Phường Tân An" in page.unit_label.text()
    assert "Cần Thơ" in page.upper_label.text()


def test_export_preview_then_import(pages: dict[str, Any], pair: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                    messages: Any) -> None:
    bundle = pair["dir"] / "goi.tdktgoi"
    _export(pages["low"], bundle, monkeypatch)
    assert bundle.exists()
    assert pages["low"].export_result.isVisibleTo(pages["low"])
    assert pages["low"].sent_model.rowCount() == 1

    up = pages["up"]
    _choose(up, bundle, monkeypatch)  # the preview (dry run) runs at once
    assert up.report.report is not None and up.report.report["dry_run"]
    assert "Xem trước" in up.report.banner.text()
    assert _counts(up)["Cá nhân"]["new"] == len(NAMES)
    assert not set(NAMES) & _people(pair["up"])  # nothing written by the preview
    assert up.import_button.isEnabled()

    up.import_button.click()
    up.ctx.jobs.wait_idle()
    up.ctx.jobs.wait_idle()
    assert set(NAMES) <= _people(pair["up"])
    assert not up.report.report["dry_run"]
    assert "Đã nhập xong" in up.report.banner.text()
    assert up.history_model.rowCount() == 1
    assert not messages.kinds()


def test_tampered_bundle_is_refused(pages: dict[str, Any], pair: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = pair["dir"] / "goi.tdktgoi"
    _export(pages["low"], bundle, monkeypatch)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = pair["dir"] / "hong.tdktgoi"
    bad.write_bytes(bytes(data))
    up = pages["up"]
    _choose(up, bad, monkeypatch)
    bundles = up.report.report["bundles"]
    assert [b["status"] for b in bundles] == ["refused"]
    message = bundles[0]["message"]
    assert message and ("gói" in message.lower() or "tệp" in message.lower())
    assert message in up.report.bundles.text().replace("&amp;", "&")
    assert "Không nhập được gì" in up.report.banner.text()
    assert not up.import_button.isEnabled()
    assert not set(NAMES) & _people(pair["up"])
    with open_store(pair["up"]) as store:
        assert store.db.execute("SELECT COUNT(*) FROM sync_incoming").fetchone()[0] == 0


def test_conflict_choice_is_applied(pages: dict[str, Any], pair: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The ward edits its nomination while the city rejects it: the rejection stands, the ward's value waits in
    the queue with both values side by side, and keeping the value in force closes it; the ward's side shows
    what the city did not apply."""
    low, up = pages["low"], pages["up"]
    with open_store(pair["low"]) as a:
        pid = next(iter(a.db.query("SELECT id FROM people WHERE full_name = ?", [NAMES[0]])))["id"]
        nom = a.insert("nominations", {
            "subject_kind": "person", "subject_id": pid, "subject_name": NAMES[0], "title_code": "BANG_KHEN_TINH",
            "award_kind": "cong_trang", "year": 2025, "status": "submitted", "achievement": "Ban đầu"})
    first = pair["dir"] / "1.tdktgoi"
    _export(low, first, monkeypatch)
    up.set_import_paths([str(first)], preview=False)
    up.run_import(dry_run=False)
    up.ctx.jobs.wait_idle()
    with open_store(pair["low"]) as a, open_store(pair["up"]) as b:
        b.update("nominations", nom["id"], {"status": "rejected", "status_reason": "Chưa đủ thành tích"})
        a.update("nominations", nom["id"], {"achievement": "Bổ sung thành tích"})
    second = pair["dir"] / "2.tdktgoi"
    _export(low, second, monkeypatch)
    up.set_import_paths([str(second)], preview=False)
    up.run_import(dry_run=False)
    up.ctx.jobs.wait_idle()
    up.refresh()
    up.ctx.jobs.wait_idle()
    assert up.conflicts.model.rowCount() == 1
    assert "(1)" in up.tabs.tabText(up.TAB_CONFLICTS)
    values = {r["label"]: r for r in up.conflicts.compare_model.rows}
    assert values["Giá trị đang dùng"]["value"] == "Ban đầu"
    assert values["Giá trị chưa áp dụng"]["value"] == "Bổ sung thành tích"
    assert values["Giá trị chưa áp dụng"]["unit"] == LOW
    assert "Tóm tắt thành tích" in up.conflicts.reason.text()
    up.conflicts.keep_held.click()
    up.ctx.jobs.wait_idle()
    up.ctx.jobs.wait_idle()
    with open_store(pair["up"]) as b:
        assert b.get("nominations", nom["id"])["achievement"] == "Ban đầu"
        assert not sync.list_reviews(b)
        assert sync.list_reviews(b, include_resolved=True)[0]["resolution"] == "kept"
    assert up.conflicts.model.rowCount() == 0
    # the ward learns it: the city's next bundle carries the outcome and the closed item
    down = pair["dir"] / "3.tdktgoi"
    with open_store(pair["up"]) as b:
        sync.export_bundle(b, LOW, down)
    low.set_import_paths([str(down)], preview=False)
    low.run_import(dry_run=False)
    low.ctx.jobs.wait_idle()
    low.refresh()
    low.ctx.jobs.wait_idle()
    rows = low.pending_model.rows
    assert [(r["state"], r["field_name"]) for r in rows] == [("review", "achievement")]
    assert "(1)" in low.tabs.tabText(low.TAB_PENDING)
    assert low.conflicts.model.rowCount() == 0  # closed on both sides
    with open_store(pair["low"]) as a:
        assert a.get("nominations", nom["id"])["achievement"] == "Ban đầu"
        assert sync.list_reviews(a, include_resolved=True)[0]["resolution"] == "kept"


def test_enrolment_needs_the_confirmation(pages: dict[str, Any], pair: dict[str, Path], qtbot: Any) -> None:
    # Phường Tân An reinstalled: its new key replaces the old one only after the person confirms
    new = _db(pair["dir"] / "new.sqlite", LOW)
    with open_store(new) as store:
        enrol_file = pair["dir"] / "tan-an.tdktkhoa"
        enrol_file.write_bytes(sync.export_enrolment(store))
        fp = sync.own_fingerprint(store)
    up = pages["up"]
    up.open_enrolment(str(enrol_file))
    up.ctx.jobs.wait_idle()
    dialog = up.enrol_dialog
    assert dialog is not None
    assert dialog.fingerprint.accessibleName() == fp
    assert dialog.facts["state"] == "replace"
    assert not dialog.ok.isEnabled()
    dialog.confirm_box.setChecked(True)
    dialog.ok.click()
    up.ctx.jobs.wait_idle()
    up.ctx.jobs.wait_idle()
    with open_store(pair["up"]) as store:
        trusted = [p for p in sync.list_peers(store) if p["unit_code"] == LOW and p["status"] == "trusted"]
    assert [p["fingerprint"] for p in trusted] == [fp]


def test_open_bundle_file_from_command_line(pair: dict[str, Path], qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tdkt_desktop.gui.main_window import MainWindow
    from tdkt_desktop.gui.sync_view import open_bundle_file

    with open_store(pair["low"]) as store:
        bundle = pair["dir"] / "goi.tdktgoi"
        sync.export_bundle(store, UP, bundle)
    ctx = _ctx(pair["up"])
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        page = open_bundle_file(window, bundle)
        ctx.jobs.wait_idle()
        assert window.current_key() == "sync"
        assert page.tabs.currentIndex() == page.TAB_RECEIVE
        assert page.report.report is not None and page.report.report["dry_run"]
        assert page.import_button.isEnabled()
        assert not set(NAMES) & _people(pair["up"])
    finally:
        ctx.jobs.wait_idle()
        ctx.close()
