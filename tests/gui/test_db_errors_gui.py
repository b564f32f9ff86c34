"""The application says what happened to the database — not a database, locked by another program, damaged —
with the same Vietnamese message as the command line, never as an unexpected error."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.store.db import open_store
from tdkt_desktop.store.installation import init_unit

HOLD = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(30)
""")


def test_a_file_that_is_not_a_database_is_said_at_start(app: Any, tmp_path: Path, messages: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tdkt_desktop.gui.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "bang-tinh.sqlite"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 5000)  # an Excel file renamed
    assert run_gui(path) == 1
    assert messages.kinds() == ["warn"]
    assert "không phải là cơ sở dữ liệu TĐKT" in messages.shown[0][2] and "tdkt restore" in messages.shown[0][2]


def test_locked_and_damaged_are_said_plainly(ctx: Any, messages: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TDKT_BUSY_TIMEOUT", "0.3")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(ctx.db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        ctx.jobs.run(lambda store, _p: store.insert("people", {"full_name": "Chưa lưu được"}), title="Lưu")
        ctx.jobs.wait_idle()
    finally:
        holder.kill()
        holder.wait()
    assert messages.kinds() == ["warn"], messages.shown
    text = messages.shown[0][2]
    assert "đang được một chương trình khác ghi" in text
    if sys.platform.startswith("linux"):
        assert f"PID {holder.pid}" in text

    # a page of the people table damaged on the disk: a query from any screen says so, it is no "bug"
    messages.shown.clear()
    with open_store(ctx.db_path) as s:
        with s.atomic():
            for i in range(300):
                s.insert("people", {"full_name": f"Cán bộ {i}"})
    conn = sqlite3.connect(ctx.db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(ctx.db_path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(random.Random(3).randbytes(size))
    ctx.jobs.run(lambda store, _p: [r["notes"] for r in store.db.query("SELECT * FROM people")],
                 title="Đọc danh sách")
    ctx.jobs.wait_idle()
    assert messages.kinds() == ["warn"], messages.shown
    assert "bị hỏng" in messages.shown[0][2] and "tdkt check" in messages.shown[0][2]
    assert not list((Path(os.environ.get("TDKT_LOG_DIR", ctx.db_path.parent / "logs"))).glob("*.log"))


@pytest.fixture
def ctx(app: Any, tmp_path: Path):  # type: ignore[no-untyped-def]
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.qt import QtCore

    path = tmp_path / "tdkt.sqlite"
    with open_store(path) as store:
        init_unit(store, code="31147")
    context = AppContext.open(path, settings=QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat))
    yield context
    context.close()
