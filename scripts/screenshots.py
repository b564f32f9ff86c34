"""Screenshots of every section and the main dialogs on a demo database, on the three screens the application
is made for — 1366×768 at 100 % and 125 %, 1920×1080 at 150 % — into docs/screenshots/, and the user guide's
pictures into resources/help/images/.

    .venv/bin/python scripts/screenshots.py            (offscreen; each screen in its own process)

A section's picture is named by its key (``section-awards.png``), so adding a section renames nothing; the
suffix says the screen: none for 1366×768 at 100 %, ``@1_25x`` at 125 %, ``@1_5x`` for 1920×1080 at 150 %.
The main window fills the screen, as it does when maximised.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
HELP_IMAGES = ROOT / "resources" / "help" / "images"
# (width, height, scale factor, file suffix)
SCREENS = ((1366, 768, "1", ""), (1366, 768, "1.25", "@1_25x"), (1920, 1080, "1.5", "@1_5x"))
# The user guide's pictures: its name for them, and the picture they are made from (1366×768 at 100 %).
HELP_PICTURES = {
    "wizard": "21-wizard-unit", "overview": "section-overview", "ratings": "30-ratings",
    "directive": "24-directive-targets", "registrations": "section-registrations", "targets": "section-targets",
    "eligibility": "33-eligibility-links", "awards": "section-awards", "printing": "section-printing",
    "sync": "section-sync", "five-year-plan": "34-results-five-year-plan", "sub-targets": "35-targets-sub-targets",
}


def build_database(path: Path) -> None:
    from tdkt_desktop.demo import build_demo
    from tdkt_desktop.store.db import open_store
    from tdkt_desktop.store.installation import init_unit

    with open_store(path) as store:
        init_unit(store, code="27031", doc_prefixes={"QĐ": "QĐ-UBND"}, operator="Nguyễn Thị Lan")
        build_demo(store)
        add_five_year_plan(store)


PLAN = "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025"


def add_five_year_plan(store: Any) -> None:
    """A 2021–2025 plan with a "trong đó" target and the results of its first three years, as typed on the
    screens (for the pictures of the results screen and the campaign editor)."""
    from tdkt_desktop.store.campaigns import save_campaign
    from tdkt_desktop.store.results import save_results

    targets = [
        {"key": "road", "measure": "Xây dựng, nâng cấp đường giao thông nông thôn", "comparator": "at_least",
         "value": 50, "unit": "km", "rollup": "sum"},
        {"key": "water", "measure": "Tỷ lệ hộ dân sử dụng nước sạch", "comparator": "at_least", "value": 95, "unit": "%",
         "rollup": "mean"},
        {"key": "urban", "parent": "water", "measure": "Khu vực đô thị", "comparator": "at_least", "value": 100,
         "unit": "%", "rollup": "mean"},
        {"key": "rural", "parent": "water", "measure": "Khu vực nông thôn", "comparator": "at_least", "value": 94,
         "unit": "%", "rollup": "mean"},
        {"key": "poor", "measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": 1, "unit": "%", "rollup": "mean"},
        {"key": "houses", "measure": "Xóa nhà tạm, nhà dột nát", "comparator": "count", "value": 120, "unit": "căn",
         "rollup": "sum"},
    ]
    cid = save_campaign(store, {"name": PLAN, "campaign_type": "regular", "year": 2021, "doc_kind": "KH",
                                "start_date": "2021-01-01", "end_date": "2025-12-31"}, targets)
    ids = {t["measure"]: t["id"] for t in store.rows("targets", "campaign_id = ?", [cid])}
    unit = store.unit_code
    figures = {"2021": (10.5, 91, 98, 86, 2.1, 30), "2022": (12, 92.5, 99, 88, 1.6, 28), "2023": (9, 93.8, 99.5, 90, 1.2, 25)}
    for period, values in figures.items():
        save_results(store, campaign_id=cid, period=period, unit_code=unit,
                     results=[{"target_id": ids[t["measure"]], "value": v} for t, v in zip(targets, values, strict=True)])


def shoot(db: Path, suffix: str) -> None:
    from tdkt_desktop.gui import dialogs
    from tdkt_desktop.gui.app import make_app
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.editor import RecordEditor
    from tdkt_desktop.gui.main_window import MainWindow
    from tdkt_desktop.gui.qt import QtCore
    from tdkt_desktop.gui.wizard import SetupWizard

    dialogs.recorder = lambda kind, title, text: print(f"[{kind}] {title}: {text}") or True
    app = make_app(["screenshots"])
    settings = QtCore.QSettings(str(db.parent / "s.ini"), QtCore.QSettings.Format.IniFormat)
    ctx = AppContext.open(db, settings=settings)
    from tdkt_desktop.gui.widgets import available_size

    room = available_size()
    window = MainWindow(ctx)
    window.setGeometry(0, 0, room.width(), room.height())  # as maximised
    window.show()

    def settle() -> None:
        for _ in range(3):
            ctx.jobs.wait_idle(20_000)
            app.processEvents()

    settle()
    from tdkt_desktop.gui.print_view.page import PrintPage

    for section in window.sections:
        window.show_section(section.key)
        settle()
        pages = window.findChildren(PrintPage)
        if section.key == "printing" and pages:  # the screen with a document in its preview
            pages[0].show_preview()
            settle()
        window.grab().save(str(OUT / f"section-{section.key}{suffix}.png"))
    editor = RecordEditor(ctx, "people", parent=window)
    editor.show()
    editor.set_text("full_name", "Nguyễn Thị Lan")
    editor.set_text("birth_date", "31/02/1985")
    settle()
    editor.grab().save(str(OUT / f"20-editor-people{suffix}.png"))
    editor.close()
    wizard = SetupWizard(ctx)
    wizard.show()
    wizard.unit_page.search.setText("tan phu")
    wizard.unit_page.search.flush()
    settle()
    wizard.grab().save(str(OUT / f"21-wizard-unit{suffix}.png"))
    wizard.next()
    wizard.next()
    settle()
    wizard.grab().save(str(OUT / f"22-wizard-officials{suffix}.png"))
    wizard.reject()
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.directives import PROVINCE_PLAN

    from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor

    campaign = CampaignEditor(ctx, parent=window)
    reading = campaign.open_directive(PROVINCE_PLAN)
    settle()
    reading.grab().save(str(OUT / f"23-directive-document{suffix}.png"))
    reading.tabs.setCurrentIndex(1)
    reading.view.setCurrentIndex(reading.model.index(14, 1))
    settle()
    reading.grab().save(str(OUT / f"24-directive-targets{suffix}.png"))
    reading.reject()
    campaign.reject()
    from tdkt_desktop.gui.print_view.signing import SignDialog, VerifyDialog

    signing = SignDialog(ctx, document="Quyết định khen thưởng", default_out=str(Path.home() / "qd-ky-so.pdf"),
                         parent=window)
    signing.show()
    settle()
    signing.grab().save(str(OUT / f"25-print-sign{suffix}.png"))
    signing.reject()
    checking = VerifyDialog(ctx, window)
    checking.show()
    settle()
    checking.grab().save(str(OUT / f"26-print-verify{suffix}.png"))
    checking.reject()
    shoot_achievements(ctx, window, settle, suffix)
    shoot_five_year_plan(ctx, window, settle, suffix)
    window.close()
    ctx.close()
    print(f"screen {suffix or '@1x'}: done")


def shoot_achievements(ctx: object, window: object, settle: object, suffix: str) -> None:
    """Ratings & achievements at 1366×768: the year's ratings grid, the initiatives, the awards received, and
    the nomination editor linking a failed criterion to the registry that fixes it."""
    from tdkt_desktop.gui.qt import QtCore
    from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor

    page = window.show_section("achievements")  # type: ignore[attr-defined]
    settle()  # type: ignore[operator]
    for tab, name in ((page.ratings, "30-ratings"), (page.initiatives, "31-initiatives"),
                      (page.history, "32-award-history")):
        page.tabs.setCurrentWidget(tab)
        settle()  # type: ignore[operator]
        if tab is page.ratings and tab.model.rowCount() > 2:
            tab.table.setFocus()
            tab.table.setCurrentIndex(tab.model.index(2, tab.model.col("rating")))
            tab.model.set_value(2, "rating", "good")  # a change not yet saved is marked
        window.grab().save(str(OUT / f"{name}{suffix}.png"))  # type: ignore[attr-defined]
    page.ratings.model.set_rows(page.ratings.model.rows)  # leave nothing unsaved
    page.ratings.reload()
    settle()  # type: ignore[operator]
    editor = NominationEditor(ctx, parent=window)  # type: ignore[arg-type]
    editor.show()
    settle()  # type: ignore[operator]
    editor.choose_nominee("Võ Minh Tâm")
    editor.year.setValue(QtCore.QDate.currentDate().year())
    editor.title.setCurrentIndex(editor.title.findData("CSTDCS"))
    editor.recheck()
    settle()  # type: ignore[operator]
    editor.grab().save(str(OUT / f"33-eligibility-links{suffix}.png"))
    editor._dirty = False  # nothing to save: a picture only
    editor.reject()


def shoot_five_year_plan(ctx: Any, window: Any, settle: Any, suffix: str) -> None:
    """The 2021–2025 plan: its results in 2024 with each year's figure and the figure to date, and its targets
    in the campaign editor with the "trong đó" parts under their target."""
    from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor

    cid = ctx.reader.rows("campaigns", "name = ?", [PLAN])[0]["id"]
    results = window.show_section("targets")
    settle()
    results.choose(campaign_id=cid, period="2024", unit_code=ctx.unit_code)
    settle()
    results.model.type_value(0, "8,5")  # being typed: the figure to date follows
    results.view.setCurrentIndex(results.model.index(0, results.model.col("value")))
    window.grab().save(str(OUT / f"34-results-five-year-plan{suffix}.png"))
    results.load()  # nothing left unsaved
    settle()
    editor = CampaignEditor(ctx, cid, parent=window)
    editor.show()
    settle()
    editor.tabs.setCurrentIndex(2)
    editor.targets_view.setCurrentIndex(editor.targets.index(1, editor.targets.column_of("measure")))
    settle()
    editor.grab().save(str(OUT / f"35-targets-sub-targets{suffix}.png"))
    editor.reject()


def help_pictures() -> None:
    """The user guide's pictures, from the 1366×768 ones, 960 pixels wide at most."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication(["screenshots"])
    HELP_IMAGES.mkdir(parents=True, exist_ok=True)
    for name, source in HELP_PICTURES.items():
        image = QImage(str(OUT / f"{source}.png"))
        assert not image.isNull(), source
        if image.width() > 960:
            image = image.scaledToWidth(960, Qt.TransformationMode.SmoothTransformation)
        image.save(str(HELP_IMAGES / f"{name}.png"))
    del app


def main() -> int:
    if len(sys.argv) == 3:
        shoot(Path(sys.argv[1]), sys.argv[2])
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        build_database(db)
        for width, height, scale, suffix in SCREENS:
            config = Path(tmp) / f"screen-{width}x{height}.json"
            config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width,
                                                       "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                                       "dpr": 1}]}))
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
                       TDKT_LOG_DIR=tmp)
            subprocess.run([sys.executable, __file__, str(db), suffix], env=env, check=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    help_pictures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
