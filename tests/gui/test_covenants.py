"""Giao ước thi đua in the application, through the real widgets: a ward officer adds its cluster's covenant —
members chosen from the unit list and typed, who signs for each, the content on several lines — sees what is
wrong said beside the field (a leading unit that is not a member, too few members), opens it once per record,
is stopped before overwriting an edit made elsewhere, and hands it to the print screen."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.lists import wait_loaded
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets
from tdkt_desktop.store import open_store
from tdkt_desktop.store.covenants import members_of


def settle(ctx: Any) -> None:
    for _ in range(3):
        ctx.jobs.wait_idle()
        QtCore.QCoreApplication.processEvents()


def test_a_ward_officer_records_and_prints_the_clusters_covenant(window: Any, qtbot: Any) -> None:
    ctx = window.ctx
    page = window.show_section("covenants")
    settle(ctx)
    editor = page.covenants.add()
    assert isinstance(editor, RecordEditor)
    qtbot.waitExposed(editor)
    settle(ctx)
    members = editor.input("members")
    # chosen from the unit list, typed without tones: the installation's own unit, with its code
    members.edit.setFocus()
    qtbot.keyClicks(members.edit, "tan phu")
    qtbot.waitUntil(lambda: members.completer.completionCount() >= 1, timeout=5000)
    members.completer.setCompletionPrefix("tan phu")
    offered = members.completer.completionModel()
    labels = [offered.index(i, 0).data() for i in range(offered.rowCount())]
    own = next(i for i, label in enumerate(labels) if label == f"Phường Tân Phú ({ctx.unit_code})")
    assert members.completer.source.rowCount() > 50  # the communes and wards of the province are offered too
    members._activated(offered.index(own, 0))
    settle(ctx)
    assert members.raw()[0] == {"name": "Phường Tân Phú", "unit_code": ctx.unit_code}
    # typed: a unit on no list
    members.edit.setText("Phường Cái Khế")
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    members.set_cell(0, "signer_title", "Chủ tịch UBND phường Tân Phú")
    members.set_cell(0, "signer_name", "Trần Văn Bình")
    members.set_cell(1, "signer_title", "Chủ tịch UBND phường Cái Khế")
    members.set_cell(1, "signer_name", "Nguyễn Thị Mỹ Linh")
    for name, text in {"cluster_name": "Cụm thi đua số 1", "year": "2026", "leader": "Phường Xuân Khánh",
                       "deputy": "Phường Cái Khế", "signed_on": "20/01/2026", "signed_place": "Phường Tân Phú"}.items():
        editor.set_text(name, text)
    editor.input("commitments").plain.setPlainText("Hoàn thành 100 % chỉ tiêu năm 2026.\nKhông có điểm nóng.")
    editor.save()
    settle(ctx)
    assert "không có trong danh sách" in editor.error_text("leader")  # said beside the field, nothing written
    assert editor.isVisible() and ctx.reader.count("covenants") == 0
    editor.set_text("leader", "Phường Tân Phú")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save()
    row = saved.args[0]
    assert [m["name"] for m in members_of(row)] == ["Phường Tân Phú", "Phường Cái Khế"]
    assert members_of(row)[1]["signer_name"] == "Nguyễn Thị Mỹ Linh"
    assert row["commitments"] == "Hoàn thành 100 % chỉ tiêu năm 2026.\nKhông có điểm nóng."
    settle(ctx)
    wait_loaded(page.covenants)
    assert page.covenants.model.rowCount() == 1
    shown = [page.covenants.model.index(0, c).data() for c in range(page.covenants.model.columnCount())]
    assert "Phường Tân Phú; Phường Cái Khế" in shown and "20/01/2026" in shown

    # one editor per record
    page.covenants.view.selectRow(0)
    first_editor = page.covenants.edit_selected()
    assert page.covenants.edit_selected() is first_editor
    settle(ctx)
    shown_members = first_editor.input("members").view
    assert shown_members.verticalHeader().count() == 2  # the stored members are shown, row by row
    assert shown_members.model().index(1, 3).data() == "Nguyễn Thị Mỹ Linh" and not first_editor.dirty
    # a member removed leaves one: refused beside the list, the stored covenant unchanged
    first_editor.input("members").view.selectRow(1)
    qtbot.mouseClick(first_editor.input("members").remove_button, Qt.MouseButton.LeftButton)
    first_editor.set_text("deputy", "")
    first_editor.save()
    settle(ctx)
    assert "ít nhất 2" in first_editor.error_text("members")
    assert len(members_of(ctx.reader.get("covenants", row["id"]))) == 2
    first_editor.input("members").add_member({"name": "Phường An Bình", "signer_name": "Huỳnh Văn Tài"})
    # another program changes the covenant meanwhile: the save asks, nothing is overwritten
    with open_store(ctx.db_path) as other:
        other.update("covenants", row["id"], {"criteria": "Thu ngân sách từ 100 % dự toán"})
    first_editor.save()
    settle(ctx)
    qtbot.waitUntil(lambda: first_editor.stale_dialog is not None, timeout=5000)
    assert ctx.reader.get("covenants", row["id"])["criteria"] == "Thu ngân sách từ 100 % dự toán"
    assert len(members_of(ctx.reader.get("covenants", row["id"]))) == 2
    shown = {r["label"]: (r["old"], r["theirs"], r["yours"]) for r in first_editor.stale_dialog.model.rows}
    assert shown["Tiêu chí, chỉ tiêu thi đua"][1] == "Thu ngân sách từ 100 % dự toán"
    assert shown["Đơn vị thành viên"] == ("Phường Tân Phú; Phường Cái Khế", "Phường Tân Phú; Phường Cái Khế",
                                          "Phường Tân Phú; Phường An Bình")
    first_editor.stale_dialog.reload_button.click()  # load theirs, then make the change again
    settle(ctx)
    assert first_editor.input("criteria").text() == "Thu ngân sách từ 100 % dự toán"
    first_editor.input("members").view.selectRow(1)
    qtbot.mouseClick(first_editor.input("members").remove_button, Qt.MouseButton.LeftButton)
    first_editor.input("members").add_member({"name": "Phường An Bình", "signer_name": "Huỳnh Văn Tài"})
    first_editor.set_text("deputy", "")
    with qtbot.waitSignal(first_editor.saved, timeout=5000):
        first_editor.save()
    stored = ctx.reader.get("covenants", row["id"])
    assert [m["name"] for m in members_of(stored)] == ["Phường Tân Phú", "Phường An Bình"]
    assert stored["criteria"] == "Thu ngân sách từ 100 % dự toán"

    # handed to the print screen, the covenant chosen with its document
    printing = page.print_selected()
    qtbot.waitUntil(lambda: printing.current_record() is not None
                    and printing.current_record()["id"] == row["id"], timeout=5000)
    assert printing.current_template() == "giao_uoc_thi_dua"
    assert isinstance(printing, QtWidgets.QWidget)
