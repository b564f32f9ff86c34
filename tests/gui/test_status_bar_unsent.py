"""The status bar counts as “not yet sent” only what no exported bundle holds: once a bundle with the changes
has been exported they are no longer counted (they wait for the upper office's confirmation instead)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.store import open_store
from tdkt_desktop.sync import export_bundle, pending_count, unexported_count


def bar_text(window: Any, ctx: Any) -> str:
    window.refresh_status()
    ctx.jobs.wait_idle()
    return str(window.bundle_label.text())


def test_exported_changes_are_no_longer_counted_as_unsent(window: Any, ctx: Any, db_path: Path,
                                                          tmp_path: Path) -> None:
    with open_store(db_path) as store:
        store.insert("people", {"full_name": "Lê Văn An"})
        before = unexported_count(store, "79")
    assert before >= 1
    assert bar_text(window, ctx) == f"Thay đổi chưa đóng gói gửi lên: {before}"
    with open_store(db_path) as store:
        export_bundle(store, "79", tmp_path / "len.tdktgoi", encrypt=False)
        assert unexported_count(store, "79") == 0
        assert pending_count(store, "79") == before  # not acknowledged: the next bundle carries them again
    text = bar_text(window, ctx)
    assert "chưa đóng gói" not in text and "chưa xác nhận 1 gói" in text
    with open_store(db_path) as store:
        store.insert("people", {"full_name": "Trần Thị Bình"})
    assert bar_text(window, ctx) == "Thay đổi chưa đóng gói gửi lên: 1"  # only what came after the export
