"""Entry in Vietnamese: names get their capitals as they are typed, a message about a field goes away once the
field is right, and the setup wizard starts in its search box and shows what it will save before finishing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.qt import QtCore
from tdkt_desktop.gui.wizard import SetupWizard
from tdkt_desktop.gui.workflow.nomination_editor import RegistryRecordDialog
from tdkt_desktop.store.db import open_store


def test_a_name_typed_in_small_letters_is_capitalised_on_leaving_the_field(ctx: Any, qtbot: Any) -> None:
    editor = RecordEditor(ctx, "people")
    qtbot.addWidget(editor)
    name = editor.input("full_name")
    editor.set_text("full_name", "nguyễn văn an")
    name.widget.editingFinished.emit()  # the person leaves the field
    assert name.text() == "Nguyễn Văn An"
    editor.set_text("full_name", "Nguyễn thị Út")  # an unusual spelling typed with its capitals
    name.widget.editingFinished.emit()
    assert name.text() == "Nguyễn thị Út"
    assert "chữ hoa" in name.widget.toolTip()
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save()
    assert saved.args[0]["full_name"] == "Nguyễn thị Út"


def test_the_name_is_stored_capitalised_even_without_leaving_the_field(ctx: Any, qtbot: Any) -> None:
    editor = RecordEditor(ctx, "collectives")
    qtbot.addWidget(editor)
    editor.set_text("name", "trường thcs lê lợi")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save()
    assert saved.args[0]["name"] == "Trường THCS lê lợi"


def test_a_message_goes_away_once_the_field_is_fixed(ctx: Any, qtbot: Any) -> None:
    dialog = RegistryRecordDialog(ctx, "people")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save()
    assert dialog.errors.shown and dialog.errors.message_for("full_name")
    focused = dialog.focusWidget()
    dialog.inputs["full_name"].set_text("l")  # typing: the message stays until the input is right …
    qtbot.waitUntil(lambda: not dialog.errors.shown, timeout=3000)  # … and one letter is a name
    assert dialog.errors.message_for("full_name") == ""
    assert not dialog.banner.isVisible()
    assert dialog.focusWidget() is focused  # checking again never moves the focus
    dialog.inputs["full_name"].set_text("")
    qtbot.wait(300)
    assert not dialog.errors.shown  # nothing is shown again before the next Save
    dialog._dirty = False


def test_a_message_about_another_field_replaces_the_fixed_one(ctx: Any, qtbot: Any) -> None:
    dialog = RegistryRecordDialog(ctx, "people")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["birth_date"].set_text("31/02/1985")
    assert not dialog.save()
    assert dialog.errors.shown
    dialog.inputs["full_name"].set_text("Lê Văn Tám")
    qtbot.wait(400)
    assert dialog.errors.shown and "31/02/1985" in dialog.banner.text()  # still wrong: still said
    dialog.inputs["birth_date"].set_text("28/02/1985")
    qtbot.waitUntil(lambda: not dialog.errors.shown, timeout=3000)
    dialog._dirty = False


def _ctx(path: Path) -> Any:
    from tdkt_desktop.gui.context import AppContext

    return AppContext.open(path, settings=QtCore.QSettings(str(path.parent / "s.ini"), QtCore.QSettings.Format.IniFormat))


def test_the_wizard_starts_in_the_search_box_and_ends_with_a_summary(qtbot: Any, empty_db: Path) -> None:
    ctx = _ctx(empty_db)
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.focusWidget() is wizard.unit_page.search, timeout=3000)
    wizard.unit_page.search.setText("phuong tan phu")
    wizard.unit_page.search.flush()
    wizard.next()
    wizard.next()
    wizard.officials_page.rows[0][0].setText("trần văn bình")
    wizard.next()
    wizard.next()
    wizard.operator_page.name.setText("nguyễn thị lan")
    assert wizard.currentPage() is wizard.operator_page
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page
    text = wizard.summary_page.summary.text()
    for expected in ("Phường Tân Phú", "27031", "Hồ Chí Minh", "Trần Văn Bình — Chủ tịch", "QĐ-UBND",
                     "Nguyễn Thị Lan"):
        assert expected in text, expected
    wizard.back()  # correct something and come back: the summary follows
    wizard.operator_page.name.setText("Lê Thị Mai")
    wizard.next()
    assert "Lê Thị Mai" in wizard.summary_page.summary.text()
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        wizard.accept()
    ctx.close()
    with open_store(empty_db) as store:
        assert store.meta("operator") == "Lê Thị Mai"
        assert [o["full_name"] for o in store.rows("officials")] == ["Trần Văn Bình"]
