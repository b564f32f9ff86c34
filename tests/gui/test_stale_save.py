"""The stale-save check (store.freshness + gui.stale): an editor never silently undoes a change made after it
opened its record — by a second editor, a second program on the same file, or a bundle import. The person is
shown what changed field by field and chooses: overwrite with mine, load the new version, or cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.qt import QtWidgets
from tdkt_desktop.gui.stale import StaleDialog
from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor
from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor
from tdkt_desktop.gui.workflow.vote_editor import VoteSessionEditor
from tdkt_desktop.store import open_store


def stale_dialog(editor: Any, qtbot: Any, ctx: Any) -> StaleDialog:
    ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: editor.stale_dialog is not None, timeout=5000)
    dlg = editor.stale_dialog
    assert isinstance(dlg, StaleDialog) and dlg.isVisible()
    return dlg


def changes_shown(dlg: StaleDialog) -> dict[str, tuple[str, str, str]]:
    return {r["label"]: (r["old"], r["theirs"], r["yours"]) for r in dlg.model.rows}


def open_nomination(ctx: Any, qtbot: Any, nomination_id: str) -> NominationEditor:
    editor = NominationEditor(ctx, nomination_id)
    qtbot.addWidget(editor)
    ctx.jobs.wait_idle()
    assert editor.isEnabled()
    return editor


def test_a_second_program_writing_between_open_and_save_is_not_overwritten(demo_ctx: Any, qtbot: Any) -> None:
    nid = demo_ctx.reader.rows("nominations", "status = 'draft'")[0]["id"]
    editor = open_nomination(demo_ctx, qtbot, nid)
    with open_store(demo_ctx.db_path) as other:  # another program on the same file
        other.update("nominations", nid, {"achievement": "Sửa ở máy khác"})
    editor.achievement.setPlainText("Sửa ở cửa sổ này")
    assert editor.save()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    assert demo_ctx.reader.get("nominations", nid)["achievement"] == "Sửa ở máy khác"  # nothing overwritten
    shown = changes_shown(dlg)
    label = "Thành tích (tóm tắt)" if "Thành tích (tóm tắt)" in shown else next(k for k in shown if "hành tích" in k)
    assert shown[label][1:] == ("Sửa ở máy khác", "Sửa ở cửa sổ này")
    dlg.reload_button.click()  # load the new version: theirs is shown, mine dropped
    demo_ctx.jobs.wait_idle()
    assert editor.achievement.toPlainText() == "Sửa ở máy khác" and not editor.dirty
    editor.field_edit.setText("Văn hóa")
    assert editor.save()
    demo_ctx.jobs.wait_idle()
    row = demo_ctx.reader.get("nominations", nid)
    assert (row["achievement"], row["field"]) == ("Sửa ở máy khác", "Văn hóa")
    assert editor.result() == QtWidgets.QDialog.DialogCode.Accepted


def test_overwriting_is_the_persons_explicit_choice(demo_ctx: Any, qtbot: Any) -> None:
    nid = demo_ctx.reader.rows("nominations", "status = 'draft'")[0]["id"]
    editor = open_nomination(demo_ctx, qtbot, nid)
    with open_store(demo_ctx.db_path) as other:
        other.update("nominations", nid, {"achievement": "Bản của người khác"})
    editor.achievement.setPlainText("Bản của tôi")
    assert editor.save()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    dlg.cancel_button.click()  # back to the editor: nothing saved, my text still there
    demo_ctx.jobs.wait_idle()
    assert editor.result() != QtWidgets.QDialog.DialogCode.Accepted and editor.dirty
    assert editor.achievement.toPlainText() == "Bản của tôi"
    assert demo_ctx.reader.get("nominations", nid)["achievement"] == "Bản của người khác"
    assert editor.save()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    dlg.overwrite_button.click()
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.get("nominations", nid)["achievement"] == "Bản của tôi"
    assert editor.result() == QtWidgets.QDialog.DialogCode.Accepted


def test_two_editors_on_one_campaign(demo_ctx: Any, qtbot: Any) -> None:
    cid = demo_ctx.reader.rows("campaigns")[0]["id"]
    first, second = CampaignEditor(demo_ctx, cid), CampaignEditor(demo_ctx, cid)
    for e in (first, second):
        qtbot.addWidget(e)
    demo_ctx.jobs.wait_idle()
    first.set_value("name", "Phong trào của cửa sổ thứ nhất")
    second.set_value("name", "Phong trào của cửa sổ thứ hai")
    assert first.save()
    demo_ctx.jobs.wait_idle()
    assert second.save()
    dlg = stale_dialog(second, qtbot, demo_ctx)
    shown = changes_shown(dlg)
    assert any(v[1:] == ("Phong trào của cửa sổ thứ nhất", "Phong trào của cửa sổ thứ hai") for v in shown.values())
    dlg.cancel_button.click()
    assert demo_ctx.reader.get("campaigns", cid)["name"] == "Phong trào của cửa sổ thứ nhất"


def test_two_editors_on_one_meeting(demo_ctx: Any, qtbot: Any) -> None:
    sid = demo_ctx.reader.rows("vote_sessions")[0]["id"]
    first, second = VoteSessionEditor(demo_ctx, sid), VoteSessionEditor(demo_ctx, sid)
    for e in (first, second):
        qtbot.addWidget(e)
    demo_ctx.jobs.wait_idle()
    first.inputs["place"].set_text("Phòng họp A")
    second.inputs["place"].set_text("Phòng họp B")
    assert first.save()
    demo_ctx.jobs.wait_idle()
    assert second.save()
    stale_dialog(second, qtbot, demo_ctx).cancel_button.click()
    assert demo_ctx.reader.get("vote_sessions", sid)["place"] == "Phòng họp A"


def test_the_generic_editor_checks_too(demo_ctx: Any, qtbot: Any) -> None:
    row = demo_ctx.reader.rows("initiatives")[0]
    editor = RecordEditor(demo_ctx, "initiatives", row["id"])
    qtbot.addWidget(editor)
    with open_store(demo_ctx.db_path) as other:
        other.update("initiatives", row["id"], {"name": "Tên do máy khác sửa"})
    editor.set_text("name", "Tên do tôi sửa")
    editor.save()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    assert demo_ctx.reader.get("initiatives", row["id"])["name"] == "Tên do máy khác sửa"
    dlg.reload_button.click()
    assert editor.input("name").text() == "Tên do máy khác sửa" and not editor.dirty
    editor.set_text("name", "Tên cuối cùng")
    editor.save()
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.get("initiatives", row["id"])["name"] == "Tên cuối cùng"


def test_a_deleted_record_is_not_brought_back_by_a_save(demo_ctx: Any, qtbot: Any) -> None:
    row = demo_ctx.reader.rows("people")[0]
    editor = RecordEditor(demo_ctx, "people", row["id"])
    qtbot.addWidget(editor)
    with open_store(demo_ctx.db_path) as other:
        other.delete("people", row["id"])
    editor.set_text("position", "Chức vụ mới")
    editor.save()
    demo_ctx.jobs.wait_idle()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    assert not dlg.overwrite_button.isVisible() and not dlg.reload_button.isVisible()
    dlg.cancel_button.click()
    assert demo_ctx.reader.get("people", row["id"]) is None


def test_a_bundle_import_between_open_and_save_survives(app: Any, qtbot: Any, tmp_path: Path) -> None:
    from tests.unit.test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, pair, person, send

    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.qt import QtCore
    from tdkt_desktop.sync import import_bundles

    prov, ward = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    pair(prov, ward)
    nom = nomination(ward, person(ward, "Lý Thị Mai"), title="BANG_KHEN_TINH", status="submitted",
                     achievement="Ban đầu")
    import_bundles(prov, [send(ward, prov, tmp_path)])
    prov.update("nominations", nom["id"], {"status": "returned", "status_reason": "Thiếu báo cáo thành tích"})
    down = send(prov, ward, tmp_path)
    ctx = AppContext.open(ward.path, settings=QtCore.QSettings(str(tmp_path / "s.ini"),
                                                              QtCore.QSettings.Format.IniFormat))
    try:
        editor = open_nomination(ctx, qtbot, nom["id"])
        assert import_bundles(ward, [down]).exit_code == 0  # the province's answer arrives while it is open
        editor.achievement.setPlainText("Bổ sung thành tích")
        assert editor.save()
        dlg = stale_dialog(editor, qtbot, ctx)
        row = ctx.reader.get("nominations", nom["id"])
        assert (row["status"], row["status_reason"], row["achievement"]) == (
            "returned", "Thiếu báo cáo thành tích", "Ban đầu")
        shown = changes_shown(dlg)
        assert any(v[1] == "Thiếu báo cáo thành tích" for v in shown.values())
        dlg.cancel_button.click()
        editor._dirty = False
        editor.done(0)
        ctx.jobs.wait_idle()
    finally:
        ctx.close()
        prov.close()
        ward.close()
