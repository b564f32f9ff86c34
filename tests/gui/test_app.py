"""Start-up and errors: no display, bugs apart from user errors, background work, remembered state."""

from __future__ import annotations

from tdkt_desktop.core.text import InputError
from tdkt_desktop.gui import app as gui_app
from tdkt_desktop.gui.background import Cancelled
from tdkt_desktop.gui.errors import bug_log_path
from tdkt_desktop.gui.main_window import MainWindow
from tdkt_desktop.store.db import StoreError


def test_without_a_display_it_says_how_to_run(monkeypatch, capsys) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui_app.sys, "platform", "linux")
    assert gui_app.run_gui("/nonexistent/x.sqlite") == 2
    err = capsys.readouterr().err
    assert "DISPLAY" in err and "offscreen" in err


def test_user_errors_are_messages_and_bugs_are_logged(ctx, messages) -> None:
    def bad_input(store, progress):
        raise InputError("Ngày sinh: ngày 31/02/2025 không có.")

    def broken(store, progress):
        raise ZeroDivisionError("bug")

    ctx.jobs.run(bad_input, title="x")
    ctx.jobs.wait_idle()
    ctx.jobs.run(lambda s, p: (_ for _ in ()).throw(StoreError("Tệp bị khoá.")))
    ctx.jobs.wait_idle()
    assert [k for k, _, _ in messages.shown] == ["warn", "warn"]
    assert "31/02/2025" in messages.shown[0][2]
    ctx.jobs.run(broken)
    ctx.jobs.wait_idle()
    assert messages.shown[-1][0] == "bug"
    assert str(bug_log_path()) in messages.shown[-1][2]
    assert "ZeroDivisionError" in bug_log_path().read_text(encoding="utf-8")


def test_background_result_progress_and_cancel(ctx, qtbot) -> None:
    seen: list[tuple[int, int, str]] = []
    ctx.jobs.progress_changed.connect(lambda d, t, text: seen.append((d, t, text)))
    results: list[int] = []

    def work(store, progress):
        for i in range(3):
            progress(i + 1, 3, "bước")
        return store.count("units")

    ctx.jobs.run(work, done=results.append)
    ctx.jobs.wait_idle()
    assert results == [2]
    assert seen[-1] == (3, 3, "bước")

    def endless(store, progress):
        while True:
            progress(0)

    job = ctx.jobs.run(endless, done=results.append)
    job.cancel()
    ctx.jobs.wait_idle()
    assert isinstance(job.error, Cancelled) and results == [2]


def test_excepthook_logs_a_bug(app, messages) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        gui_app.excepthook(type(exc), exc, exc.__traceback__)
    assert messages.kinds() == ["bug"]
    assert "RuntimeError: boom" in bug_log_path().read_text(encoding="utf-8")


def test_window_remembers_the_last_section(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show_section("units")
    ctx.jobs.wait_idle()
    win.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_key() == "units"
    # the status bar's facts are read once the window is painted (a moment later, on a worker)
    qtbot.waitUntil(lambda: "Phường Tân Phú" in again.unit_label.text(), timeout=5000)
    ctx.jobs.wait_idle()


def test_nothing_below_gui_imports_qt() -> None:
    import pathlib
    import re

    root = pathlib.Path(gui_app.__file__).resolve().parents[1]
    imports = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)
    offenders = [
        str(p.relative_to(root)) for layer in ("core", "store", "sync", "printing", "excel")
        for p in (root / layer).rglob("*.py") if imports.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_screens_name_awards_after_the_installations_units(ctx) -> None:
    # the wizard's unit is Phường Tân Phú in Thành phố Hồ Chí Minh
    assert ctx.naming.title("BANG_KHEN_TINH").endswith("Ủy ban nhân dân thành phố")
    assert ctx.naming.title("GIAY_KHEN").endswith("Ủy ban nhân dân phường")


STARTUP_PROBE = """
import json, os, sys
from tdkt_desktop.gui.app import make_app
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.main_window import MainWindow

app = make_app()
ctx = AppContext.open(sys.argv[1])
window = MainWindow(ctx)
window.show()
app.processEvents()
print(json.dumps({"pages": sorted(window.pages), "sections": [s.key for s in window.sections],
                  "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("tdkt_desktop", "reportlab",
                                                                                 "openpyxl", "docx", "pyhanko"))}))
os._exit(0)
"""


def test_the_main_window_opens_with_only_the_shown_section_and_none_of_the_heavy_packages(demo_store, tmp_path) -> None:
    """Start-up paints first: no section is built until shown, and printing, Excel, the bundle import and the
    directive reader are loaded when a screen needs them, not to open the window (on the demo database, the
    first start shows the Overview)."""
    import json
    import os
    import subprocess
    import sys

    path = str(demo_store.path)
    demo_store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", STARTUP_PROBE, path], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["pages"] == ["overview"] and "office" in seen["sections"] and "printing" in seen["sections"]
    heavy = ("reportlab", "openpyxl", "docx", "pyhanko", "tdkt_desktop.printing", "tdkt_desktop.excel",
             "tdkt_desktop.sync.importer", "tdkt_desktop.core.directive", "tdkt_desktop.directives",
             "tdkt_desktop.gui.print_view", "tdkt_desktop.gui.sync_view", "tdkt_desktop.gui.office_view")
    assert [m for m in seen["modules"] if m.startswith(heavy)] == []
