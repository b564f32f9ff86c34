"""Lists and the record editor: add, search without tones, delete and undo, bad input saves nothing."""

from __future__ import annotations

import datetime as _dt

import pytest

from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.lists import wait_loaded
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.db import open_store


def _people_section(window):
    page = window.show_section("people")
    window.ctx.jobs.wait_idle()
    return page


def test_add_person_then_search_without_tones(window, qtbot) -> None:
    page = _people_section(window)
    people = page.people
    editor = people.add()
    assert isinstance(editor, RecordEditor)
    editor.set_text("full_name", "Nguyễn Văn  Ân")
    editor.set_text("birth_date", "05/01/1980")
    editor.input("gender").set_text("male")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    wait_loaded(people)
    assert people.model.rowCount() == 1
    assert people.model.data(people.model.index(0, 0)) == "Nguyễn Văn Ân"
    assert people.model.data(people.model.index(0, 2)) == "05/01/1980"
    assert people.selected_id() == editor.record_id
    qtbot.keyClicks(people.search_box, "nguyen van an")
    people.search_box.flush()
    wait_loaded(people)
    assert people.model.rowCount() == 1
    people.search_box.setText("tran")
    people.search_box.flush()
    wait_loaded(people)
    assert people.model.rowCount() == 0
    assert "0" in people.count_label.text()


def test_delete_asks_once_and_undo_brings_back(window, messages, db_path) -> None:
    with open_store(db_path) as store:
        row = store.insert("households", {"head_name": "Đào Văn Tư", "address": "Tổ 5"})
    page = _people_section(window)
    view = page.households
    view.refresh()
    wait_loaded(view)
    view.view.selectRow(0)
    messages.answer = False
    view.delete_selected()
    wait_loaded(view)
    assert view.model.rowCount() == 1
    messages.answer = True
    view.delete_selected()
    wait_loaded(view)
    assert messages.kinds() == ["confirm", "confirm"]
    assert view.model.rowCount() == 0
    assert view.undo_bar.can_undo
    with open_store(db_path) as store:
        assert store.get("households", row["id"], include_deleted=True)["deleted"] == 1
    view.undo_bar.undo()
    wait_loaded(view)
    assert view.model.rowCount() == 1
    assert view.selected_id() == row["id"]
    with open_store(db_path) as store:
        assert [a["action"] for a in store.audit_entries("households", row["id"])] == ["insert", "delete", "restore"]


def test_register_a_person_for_a_title(window, qtbot, db_path) -> None:
    with open_store(db_path) as store:
        person = store.insert("people", {"full_name": "Phạm Thị Hoa", "position": "Giáo viên"})
    page = window.show_section("registrations")
    window.ctx.jobs.wait_idle()
    view = page.registrations
    editor = view.add()
    assert editor.input("year").text() == str(_dt.date.today().year)
    subject = editor.input("subject_id")
    subject.edit.setFocus()
    qtbot.keyClicks(subject.edit, "pham thi")
    qtbot.waitUntil(lambda: subject.completer.source.rowCount() == 1, timeout=5000)
    index = subject.completer.source.index(0, 0)
    subject._activated(index)
    assert editor.input("subject_name").text() == "Phạm Thị Hoa"
    assert subject.raw() == person["id"]
    editor.input("title_code").set_text("LDTT")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    wait_loaded(view)
    assert view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, 2)) == "Lao động tiên tiến"
    with open_store(db_path) as store:
        reg = store.rows("registrations")[0]
        assert (reg["subject_id"], reg["subject_kind"], reg["title_code"]) == (person["id"], "person", "LDTT")


def test_registration_titles_follow_the_kind_of_subject(ctx, qtbot) -> None:
    """An individual is offered only individuals' titles, a collective only collectives'; switching the kind
    drops a title that does not fit it (the store refuses one saved anyway: test_registries.py)."""
    from tdkt_desktop.core.rules import allowed_titles, ruleset_for

    editor = RecordEditor(ctx, "registrations")
    qtbot.addWidget(editor)
    combo = editor.input("title_code").combo
    offered = lambda: {combo.itemData(i) for i in range(combo.count())} - {""}  # noqa: E731
    rules = ruleset_for(_dt.date(_dt.date.today().year, 12, 31))
    assert editor.input("subject_kind").raw() == "person"
    assert offered() == {e.code for e in allowed_titles(rules, "person")}
    assert "LDTT" in offered() and "TLDXS" not in offered() and "TLDTT" not in offered()
    editor.input("title_code").set_text("LDTT")
    editor.input("subject_kind").set_text("collective")
    assert offered() == {e.code for e in allowed_titles(rules, "collective")}
    assert "TLDXS" in offered() and "LDTT" not in offered()
    assert editor.input("title_code").raw() == ""  # the individual's title chosen before is dropped


BAD = {"date": "31/02/2025", "number": "7,5,3", "int": "mười", "year": "20255"}


def _bad_field(table: str) -> tuple[str, str] | None:
    for spec in F.KINDS[table].fields:
        if spec.kind in BAD:
            return spec.name, BAD[spec.kind]
    return None


@pytest.mark.parametrize("table", [t for t in F.KINDS if _bad_field(t)])
def test_bad_input_in_every_editor_shows_message_and_saves_nothing(ctx, qtbot, table) -> None:
    editor = RecordEditor(ctx, table)
    qtbot.addWidget(editor)
    name, text = _bad_field(table)
    editor.set_text(name, text)
    message = editor.error_text(name)
    assert message and F.KINDS[table].field(name).label in message
    before = ctx.reader.count(table)
    editor.save()
    ctx.jobs.wait_idle()
    assert ctx.reader.count(table) == before
    assert editor.isVisible() is False or editor.result() == 0
    assert editor.error_text(name)


@pytest.mark.parametrize("table", ["people", "collectives", "households", "campaigns", "registrations", "units", "officials"])
def test_required_fields_are_reported_beside_them(ctx, qtbot, table) -> None:
    editor = RecordEditor(ctx, table)
    qtbot.addWidget(editor)
    required = [s.name for s in editor.specs if s.required]
    for name in required:
        editor.set_text(name, "")
    assert all(editor.error_text(n) == "" or "bắt buộc" in editor.error_text(n) for n in required)
    before = ctx.reader.count(table)
    editor.save()
    ctx.jobs.wait_idle()
    assert ctx.reader.count(table) == before
    empty_required = [n for n in required if not editor.input(n).text()]
    assert empty_required and all(editor.error_text(n) for n in empty_required)


def test_closing_with_changes_asks(ctx, qtbot, messages) -> None:
    editor = RecordEditor(ctx, "people")
    qtbot.addWidget(editor)
    editor.show()
    editor.set_text("full_name", "Lê Văn Tám")
    messages.answer = "cancel"
    editor.reject()
    assert editor.isVisible()
    messages.answer = "discard"
    editor.reject()
    assert not editor.isVisible()
    assert messages.kinds() == ["unsaved", "unsaved"]
    assert ctx.reader.count("people") == 0


def test_edit_existing_keeps_values_and_updates(ctx, qtbot, db_path) -> None:
    with open_store(db_path) as store:
        row = store.insert("collectives", {"name": "Tổ dân phố 3", "members_count": 120, "founded": "2001-09-02"})
    editor = RecordEditor(ctx, "collectives", row["id"])
    qtbot.addWidget(editor)
    assert editor.input("founded").text() == "02/09/2001"
    assert editor.input("members_count").text() == "120"
    assert not editor.dirty
    editor.set_text("women_count", "1.050")
    assert editor.error_text("women_count") == ""
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    assert ctx.reader.get("collectives", row["id"])["women_count"] == 1050
