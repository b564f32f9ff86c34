"""Ratings & achievements: a ward officer enters, through the widgets only, last year's ratings, a past award
and an initiative — the last from the link in the nomination editor's eligibility panel."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from tdkt_desktop.gui.lists import wait_loaded
from tdkt_desktop.gui.qt import Qt, QtCore
from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor
from tdkt_desktop.gui.workflow.ratings_view import match_rating
from tdkt_desktop.store.ratings import rating_of

LAST_YEAR = _dt.date.today().year - 1


def pick(qtbot: Any, editor: Any, field: str, typed: str) -> None:
    """Type a few letters into a reference field and choose the first suggestion."""
    ref = editor.input(field)
    ref.edit.setFocus()
    qtbot.keyClicks(ref.edit, typed)
    qtbot.waitUntil(lambda: ref.completer.source.rowCount() >= 1, timeout=5000)
    ref._activated(ref.completer.source.index(0, 0))


def settle(ctx: Any) -> None:
    """Let the workers finish and their results (and what they announce) reach the widgets."""
    for _ in range(3):
        ctx.jobs.wait_idle()
        QtCore.QCoreApplication.processEvents()


def add_record(qtbot: Any, editor: Any, texts: dict[str, str]) -> dict[str, Any]:
    for name, text in texts.items():
        editor.set_text(name, text)
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save()
    return saved.args[0]


@pytest.mark.parametrize("typed, value", [
    ("xs", "excellent"), ("xuat sac", "excellent"), ("Xuất", "excellent"), ("tot", "good"), ("ht", "done"),
    ("hoan thanh", "done"), ("khong", "not_done"), ("k", "not_done"), ("1", "excellent"), ("4", "not_done"),
    ("9", None), ("zz", None),
])
def test_type_ahead_of_the_ratings_words(typed: str, value: str | None) -> None:
    found = match_rating(typed)
    assert (found.value if found else None) == value


def test_a_ward_officer_enters_ratings_an_award_and_an_initiative_in_the_gui(window: Any, qtbot: Any,
                                                                               messages: Any) -> None:
    ctx = window.ctx
    people = window.show_section("people")
    ctx.jobs.wait_idle()
    lan = add_record(qtbot, people.people.add(), {"full_name": "Nguyễn Thị Lan", "position": "Công chức Văn phòng"})
    add_record(qtbot, people.collectives.add(), {"name": "Văn phòng HĐND và UBND"})

    # ---------------------------------------------------------------- last year's ratings, from the keyboard
    page = window.show_section("achievements")
    ratings = page.ratings
    page.tabs.setCurrentWidget(ratings)
    settle(ctx)
    assert ratings.year.value() == LAST_YEAR
    assert [r["name"] for r in ratings.model.rows] == ["Văn phòng HĐND và UBND", "Nguyễn Thị Lan"]
    table = ratings.table
    table.setFocus()
    table.setCurrentIndex(ratings.model.index(0, ratings.model.col("rating")))
    qtbot.keyClicks(table, "xs")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClicks(table, "tot")
    assert [r["rating"] for r in ratings.model.rows] == ["excellent", "good"]
    assert "2" in ratings.count_label.text() and ratings.save_button.isEnabled()
    qtbot.mouseClick(ratings.save_button, Qt.MouseButton.LeftButton)
    ctx.jobs.wait_idle()
    assert rating_of(ctx.reader, "person", lan["id"], LAST_YEAR)["rating"] == "good"
    assert not ratings.save_button.isEnabled()

    # undo the save, then type it again with the numbers (a number moves down by itself)
    assert ratings.undo_bar.can_undo
    ratings.undo_bar.undo()
    settle(ctx)
    assert rating_of(ctx.reader, "person", lan["id"], LAST_YEAR) is None
    table.setCurrentIndex(ratings.model.index(0, ratings.model.col("rating")))
    qtbot.keyClicks(table, "12")
    assert [r["rating"] for r in ratings.model.rows] == ["excellent", "good"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ctx.jobs.wait_idle()
    assert rating_of(ctx.reader, "person", lan["id"], LAST_YEAR)["rating"] == "good"

    # this year: copy last year's list, correct one, save
    ratings.year.setValue(LAST_YEAR + 1)
    settle(ctx)
    assert all(r["rating"] is None for r in ratings.model.rows)
    qtbot.mouseClick(ratings.copy_button, Qt.MouseButton.LeftButton)
    assert [r["rating"] for r in ratings.model.rows] == ["excellent", "good"]
    table.setCurrentIndex(ratings.model.index(1, ratings.model.col("rating")))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert ratings.model.rows[1]["rating"] is None
    messages.answer = "cancel"
    ratings.year.setValue(LAST_YEAR)  # unsaved changes: asked, kept
    assert messages.kinds()[-1] == "unsaved"
    assert ratings.year.value() == LAST_YEAR + 1 and ratings.model.rows[0]["rating"] == "excellent"
    qtbot.mouseClick(ratings.save_button, Qt.MouseButton.LeftButton)
    settle(ctx)
    assert rating_of(ctx.reader, "collective", ratings.model.rows[0]["subject_id"], LAST_YEAR + 1)["rating"] == "excellent"
    assert rating_of(ctx.reader, "person", lan["id"], LAST_YEAR + 1) is None

    # ---------------------------------------------------------------- a past award: last year's LĐTT
    page.tabs.setCurrentWidget(page.history)
    editor = page.history.add()
    pick(qtbot, editor, "subject_id", "nguyen thi")
    editor.set_text("year", str(LAST_YEAR))
    editor.set_text("code", "LDTT")
    assert editor.input("award_name").text() == "Lao động tiên tiến"  # filled from the title chosen
    add_record(qtbot, editor, {"decision_number": "15/QĐ-UBND", "decision_date": f"20/12/{LAST_YEAR}",
                               "issuer": "UBND phường"})
    wait_loaded(page.history)
    assert page.history.model.rowCount() == 1
    assert page.history.model.index(0, 0).data() == "Nguyễn Thị Lan"
    page.history.model.set_search("nguyen thi lan")  # found by the name of whom it was given
    wait_loaded(page.history)
    assert page.history.model.rowCount() == 1
    page.history.model.set_search("tran van")
    wait_loaded(page.history)
    assert page.history.model.rowCount() == 0
    page.history.model.set_search("")

    # ---------------------------------------------------------------- the nomination, and the missing sáng kiến
    nom = NominationEditor(ctx)
    qtbot.addWidget(nom)
    ctx.jobs.wait_idle()
    assert nom.choose_nominee("nguyen thi lan")
    nom.year.setValue(LAST_YEAR)
    nom.title.setCurrentIndex(nom.title.findData("CSTDCS"))
    with qtbot.waitSignal(nom.assessed, timeout=5000):
        nom.recheck()
    innovation = next(c for c in nom.assessment.checks if c.criterion == "any_of")
    assert innovation.passed is False
    assert "initiative" in nom.missing_links()
    assert not any(c.passed is False for c in nom.assessment.checks if c is not innovation)
    assert nom.links.isVisibleTo(nom) and "sáng kiến" in nom.links.text()
    link = next(nom.checks.item(i) for i in range(nom.checks.count())
                if "initiative" in (nom.checks.item(i).data(Qt.ItemDataRole.UserRole) or []))
    assert "sáng kiến" in link.text() and link.text().startswith("✗")
    nom.show()
    nom.checks.scrollToItem(link)
    qtbot.mouseClick(nom.checks.viewport(), Qt.MouseButton.LeftButton, pos=nom.checks.visualItemRect(link).center())
    idea = nom.missing_editor
    assert idea is not None and idea.input("person_id").raw() == lan["id"]
    assert idea.input("year").text() == str(LAST_YEAR)
    with qtbot.waitSignal(nom.assessed, timeout=5000):
        add_record(qtbot, idea, {"name": "Số hoá hồ sơ một cửa của phường", "decision_number": "7/QĐ-UBND"})
    settle(ctx)
    innovation = next(c for c in nom.assessment.checks if c.criterion == "any_of")
    assert innovation.passed is True, innovation.detail
    assert nom.missing_links() == [] and not nom.links.isVisibleTo(nom)
    stored = ctx.reader.get("initiatives", idea.record_id)
    assert (stored["kind"], stored["scope"], stored["recognised"]) == ("initiative", "co_so", 1)
    nom.reject()

    # the initiative shows in its list, not among the research projects
    page.tabs.setCurrentWidget(page.initiatives)
    wait_loaded(page.initiatives)
    wait_loaded(page.research)
    assert page.initiatives.model.rowCount() == 1 and page.research.model.rowCount() == 0
    shown = [page.initiatives.model.index(0, i).data() for i in range(page.initiatives.model.columnCount())]
    assert shown[:4] == ["Số hoá hồ sơ một cửa của phường", "Nguyễn Thị Lan", str(LAST_YEAR), "Cơ sở"]


def test_the_panel_opens_the_years_own_rating_and_the_research_editor(ctx: Any, qtbot: Any) -> None:
    """A discipline recorded with the year's rating leaves a criterion to be judged: the link opens that rating
    (not a second one); the sáng kiến criterion links to the research editor too."""
    year = LAST_YEAR
    with _writer(ctx) as store:
        person = store.insert("people", {"full_name": "Trần Văn Bình", "unit_code": store.unit_code})
        rating = store.insert("ratings", {"subject_kind": "person", "subject_id": person["id"], "year": year,
                                          "rating": "excellent", "discipline": "warning"})
    nom = NominationEditor(ctx)
    qtbot.addWidget(nom)
    settle(ctx)
    assert nom.choose_nominee("tran van binh")
    nom.year.setValue(year)
    nom.title.setCurrentIndex(nom.title.findData("CSTDCS"))
    with qtbot.waitSignal(nom.assessed, timeout=5000):
        nom.recheck()
    assert {"ratings", "initiative", "research"} <= set(nom.missing_links())
    discipline = [c for c in nom.assessment.checks if c.passed is not True and "ratings" in c.needs]
    assert [c.criterion for c in discipline] == ["discipline_served"]  # to be judged: linked too
    nom.links.linkActivated.emit("research")
    assert nom.missing_editor.input("year").text() == str(year)
    assert nom.missing_editor.defaults["kind"] == "research"
    nom.missing_editor.reject()
    nom.links.linkActivated.emit("ratings")
    settle(ctx)
    editor = nom.missing_editor
    assert editor.table == "ratings" and editor.record_id == rating["id"]
    editor.input("discipline").set_text("Không")
    with qtbot.waitSignal(nom.assessed, timeout=5000):
        with qtbot.waitSignal(editor.saved, timeout=5000):
            editor.save()
    settle(ctx)
    assert ctx.reader.count("ratings") == 1  # corrected, not doubled
    assert not [c for c in nom.assessment.checks if c.passed is not True and "ratings" in c.needs]
    nom._dirty = False
    nom.reject()


def _writer(ctx: Any) -> Any:
    from tdkt_desktop.store import open_store

    return open_store(ctx.db_path)


def test_past_awards_import_opens_the_wizard_for_award_lists(window: Any, qtbot: Any) -> None:
    page = window.show_section("achievements")
    page.tabs.setCurrentWidget(page.history)
    settle(window.ctx)
    wizard = page.import_history()
    qtbot.addWidget(wizard)
    assert wizard.kind.currentData() == "award_history"
    assert wizard.year.isEnabled()  # a list without a Năm column takes the year chosen
    wizard.reject()
