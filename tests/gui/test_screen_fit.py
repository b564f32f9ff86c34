"""Every window is usable on the screens people have: 1366×768 at 100 % and 125 %, 1920×1080 at 150 %.

Each screen is a fresh process (QT_SCALE_FACTOR is read when Qt starts) on the offscreen platform with a
screen of that size. It opens every section (and every tab in it) and every editor and dialog of the demo
database, and reports each window larger than the screen, each minimum size above the screen, each button
not wholly on screen (a button in an inner scroll area only needs its scroll area visible) and each text
that was shortened without a tooltip giving it whole.

    python tests/gui/test_screen_fit.py DATABASE      (run by the test; prints the problems as JSON)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# (width, height, scale factor) as the person's screen reports them.
SCREENS = [(1366, 768, "1"), (1366, 768, "1.25"), (1920, 1080, "1.5")]


def screen_env(tmp: Path, width: int, height: int, scale: str) -> dict[str, str]:
    """Environment of a Qt process whose only screen is ``width`` × ``height`` pixels at ``scale``."""
    config = tmp / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
               TDKT_LOG_DIR=str(tmp / "logs"))
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    return env


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS, ids=lambda v: str(v))
def test_every_window_fits_the_screen(gui_demo_template: Path, tmp_path: Path, width: int, height: int,
                                      scale: str) -> None:
    db = tmp_path / "tdkt.sqlite"
    shutil.copyfile(gui_demo_template, db)
    done = subprocess.run([sys.executable, __file__, str(db)], env=screen_env(tmp_path, width, height, scale),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert abs(report["screen"][0] - width / float(scale)) <= 1, report["screen"]
    assert abs(report["screen"][1] - height / float(scale)) <= 1, report["screen"]
    assert report["checked"] >= 40, report  # every section, tab and editor was opened
    assert report["problems"] == [], "\n".join(report["problems"])


# ---------------------------------------------------------------------------------------------- the child
def ancestors(widget: Any) -> list[Any]:
    out = []
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        out.append(parent)
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return out


def wholly_shown(widget: Any, window: Any) -> bool:
    """Whether ``widget`` is not clipped by any widget it lies in, up to and including the window."""
    from tdkt_desktop.gui.qt import QtCore

    def area(w: Any) -> Any:
        return QtCore.QRect(w.mapTo(window, QtCore.QPoint(0, 0)), w.size())

    shown = area(widget)
    for parent in [*ancestors(widget), window]:
        shown = shown.intersected(area(parent) if parent is not window else window.rect())
    return bool(shown.size() == widget.size())


def check_window(name: str, window: Any, room: Any) -> list[str]:
    from tdkt_desktop.gui.qt import QtWidgets

    problems = []
    frame = window.frameGeometry()
    if frame.width() > room.width() or frame.height() > room.height():
        problems.append(f"{name}: window {frame.width()}×{frame.height()} larger than the screen "
                        f"{room.width()}×{room.height()}")
    least = window.minimumSize().expandedTo(window.minimumSizeHint())
    if least.width() > room.width() or least.height() > room.height():
        problems.append(f"{name}: minimum size {least.width()}×{least.height()} larger than the screen")
    for button in window.findChildren(QtWidgets.QAbstractButton):
        if not button.isVisible() or isinstance(button.parentWidget(), QtWidgets.QTabBar):
            continue
        around = ancestors(button)
        if any(isinstance(a, QtWidgets.QAbstractItemView) for a in around):
            continue  # a cell's button scrolls with its list
        inner = [a for a in around if isinstance(a, QtWidgets.QScrollArea) and a.objectName() != "sectionScroll"]
        target = inner[-1] if inner else button  # the outermost inner scroll area must be wholly visible
        if not wholly_shown(target, window):
            label = button.text() or button.toolTip() or button.objectName() or type(button).__name__
            problems.append(f"{name}: “{label}” is not wholly on screen")
    for label in window.findChildren(QtWidgets.QLabel):
        if label.isVisible() and label.property("elided") and label.text() != label.property("full") \
                and label.toolTip() != label.property("full"):
            problems.append(f"{name}: “{label.text()}” shortened without a tooltip")
    return problems


def main(db_path: Path) -> int:
    import contextlib

    from tdkt_desktop.gui import dialogs
    from tdkt_desktop.gui.about import AboutDialog
    from tdkt_desktop.gui.app import make_app
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.editor import RecordEditor
    from tdkt_desktop.gui.main_window import MainWindow
    from tdkt_desktop.gui.office_view.import_wizard import ImportWizard
    from tdkt_desktop.gui.print_view.signing import SignDialog, VerifyDialog
    from tdkt_desktop.gui.qt import QtCore, QtWidgets
    from tdkt_desktop.gui.widgets import available_size
    from tdkt_desktop.gui.wizard import SetupWizard
    from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor
    from tdkt_desktop.gui.workflow.directive_dialog import DirectiveDialog
    from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor
    from tdkt_desktop.gui.workflow.vote_editor import VoteSessionEditor
    from tdkt_desktop.store import fields as F
    from tdkt_desktop.store.db import open_store

    dialogs.recorder = lambda kind, title, text: True
    app = make_app(["screen-fit"])
    with open_store(db_path) as store:
        nomination = store.db.execute("select id from nominations order by id limit 1").fetchone()[0]
        campaign = store.db.execute(
            "select campaign_id from targets group by campaign_id order by count(*) desc limit 1").fetchone()[0]
        session = store.db.execute("select id from vote_sessions order by id limit 1").fetchone()
    ctx = AppContext.open(db_path, settings=QtCore.QSettings(str(db_path.parent / "fit.ini"),
                                                             QtCore.QSettings.Format.IniFormat))
    room = available_size()
    problems: list[str] = []
    checked = 0

    def settle() -> None:  # until every read has been shown and every layout settled
        for _ in range(8):
            ctx.jobs.wait_idle(30_000)
            app.processEvents()
            app.sendPostedEvents()

    window = MainWindow(ctx)
    window.show()
    settle()
    for section in window.sections:  # the upper office's first: it used to widen the window for good
        window.show_section(section.key)
        settle()
        page = window.pages[section.key]
        problems += check_window(f"section {section.key}", window, room)
        checked += 1
        for tabs in page.findChildren(QtWidgets.QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                settle()
                if tabs.isVisible():
                    problems += check_window(f"section {section.key}, tab {tabs.tabText(i)}", window, room)
                    checked += 1

    def dialog(name: str, widget: QtWidgets.QWidget) -> None:
        nonlocal problems, checked
        widget.show()
        settle()
        problems += check_window(name, widget, room)
        checked += 1
        with contextlib.suppress(AttributeError):
            widget._dirty = False  # type: ignore[attr-defined]  # a look only: nothing to save
        widget.hide()
        widget.deleteLater()
        settle()

    for table in F.KINDS:
        dialog(f"editor {table}", RecordEditor(ctx, table, parent=window))
    dialog("new nomination", NominationEditor(ctx, parent=window))
    dialog("nomination", NominationEditor(ctx, nomination, parent=window))
    dialog("campaign", CampaignEditor(ctx, campaign, parent=window))
    dialog("new council meeting", VoteSessionEditor(ctx, parent=window))
    if session:
        dialog("council meeting", VoteSessionEditor(ctx, session[0], parent=window))
    seeds = Path(__file__).resolve().parents[3] / "shared" / "domain" / "seeds"
    seed = sorted(seeds.glob("*.txt"))[0].read_text(encoding="utf-8") if seeds.is_dir() else "Kế hoạch"
    dialog("directive", DirectiveDialog(ctx, parent=window, text=seed))
    dialog("Excel import", ImportWizard(ctx, parent=window))
    dialog("signing", SignDialog(ctx, document="Quyết định", default_out=str(db_path.parent / "k.pdf"),
                                 parent=window))
    dialog("signature check", VerifyDialog(ctx, window))
    dialog("about", AboutDialog(window, ctx))
    wizard = SetupWizard(ctx)
    dialog("setup wizard", wizard)
    window.close()
    settle()
    ctx.close()
    print(json.dumps({"screen": [room.width(), room.height()], "checked": checked, "problems": problems},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
