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


def test_a_target_changed_elsewhere_is_not_undone_by_the_campaign_editor(demo_ctx: Any, qtbot: Any) -> None:
    from tdkt_desktop.gui.qt import Qt

    cid = next(c["id"] for c in demo_ctx.reader.rows("campaigns")
               if demo_ctx.reader.count("targets", "campaign_id = ?", [c["id"]]))
    editor = CampaignEditor(demo_ctx, cid)
    qtbot.addWidget(editor)
    demo_ctx.jobs.wait_idle()
    target = next(t for t in demo_ctx.reader.rows("targets", "campaign_id = ?", [cid])
                  if t.get("value") is not None and t.get("value_high") is None)
    with open_store(demo_ctx.db_path) as other:  # another program changes the target while the campaign is open
        other.update("targets", target["id"], {"value": 77})
    row = next(i for i in range(editor.targets.rowCount()) if editor.targets.row(i).get("id") == target["id"])
    editor.targets.setData(editor.targets.index(row, editor.targets.column_of("value")), "66", Qt.ItemDataRole.EditRole)
    editor.set_value("name", "Tên phong trào sửa ở đây")
    assert editor.save(), editor.banner.text()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    assert target["measure"][:20] in str(dlg.findChild(QtWidgets.QLabel).text())
    assert demo_ctx.reader.get("targets", target["id"])["value"] == 77  # nothing written, the other edit kept
    assert demo_ctx.reader.get("campaigns", cid)["name"] != "Tên phong trào sửa ở đây"
    assert any(v[1:] == ("77", "66") for v in changes_shown(dlg).values())
    dlg.overwrite_button.click()  # the person's choice: mine
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.get("targets", target["id"])["value"] == 66
    assert demo_ctx.reader.get("campaigns", cid)["name"] == "Tên phong trào sửa ở đây"


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


def test_a_result_entered_elsewhere_meanwhile_is_not_overwritten_by_the_results_grid(demo_ctx: Any, qtbot: Any) -> None:
    from tdkt_desktop.gui.workflow.results_view import ResultsView
    from tdkt_desktop.store import results

    view = ResultsView(demo_ctx)
    qtbot.addWidget(view)
    cid = demo_ctx.reader.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])[0]["id"]
    view.choose(campaign_id=cid, period="2026-H2", unit_code=demo_ctx.unit_code)
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    row = view.model.row_of_measure("thương mại - dịch vụ")
    target_id = view.model.lines[row].target["id"]
    with open_store(demo_ctx.db_path) as other:  # the same result typed in a second window meanwhile
        results.save_results(other, campaign_id=cid, period="2026-H2", unit_code=demo_ctx.unit_code,
                             results=[{"target_id": target_id, "value": "9,8"}])
    view.model.type_value(row, "9,6")
    assert view.save()
    dlg = stale_dialog(view, qtbot, demo_ctx)
    stored = demo_ctx.reader.rows("target_results", "target_id = ? AND period = ?", [target_id, "2026-H2"])
    assert [r["value"] for r in stored] == [9.8]  # theirs kept
    assert any(v == ("(trống)", "9,8", "9,6") for v in changes_shown(dlg).values())
    dlg.reload_button.click()
    demo_ctx.jobs.wait_idle()
    assert view.model.lines[row].value == "9,8" and not view.has_unsaved_changes()
    view.model.type_value(row, "9,6")
    assert view.save()
    demo_ctx.jobs.wait_idle()
    stored = demo_ctx.reader.rows("target_results", "target_id = ? AND period = ?", [target_id, "2026-H2"])
    assert [r["value"] for r in stored] == [9.6]  # saved over the version it showed: no question


def test_a_rating_changed_elsewhere_is_not_overwritten_by_the_ratings_grid(demo_ctx: Any, qtbot: Any) -> None:
    from tdkt_desktop.core.models import Rating
    from tdkt_desktop.gui.workflow.ratings_view import RatingsView
    from tdkt_desktop.store.ratings import rating_of, save_ratings

    view = RatingsView(demo_ctx)
    qtbot.addWidget(view)
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    year = view.year.value()
    i, line = next((i, r) for i, r in enumerate(view.model.rows) if r["subject_kind"] == "person")
    theirs = "good" if line.get("rating") == "excellent" else "excellent"
    with open_store(demo_ctx.db_path) as other:  # another program rates the same person meanwhile
        save_ratings(other, year, [{"subject_kind": "person", "subject_id": line["subject_id"], "rating": theirs}])
    assert view.model.set_value(i, "rating", "done" if line.get("rating") != "done" else "not_done")
    mine = view.model.rows[i]["rating"]
    view.save()
    dlg = stale_dialog(view, qtbot, demo_ctx)
    assert rating_of(demo_ctx.reader, "person", line["subject_id"], year)["rating"] == theirs
    assert any(v[1] == Rating(theirs).label for v in changes_shown(dlg).values())
    dlg.overwrite_button.click()  # the person's choice
    demo_ctx.jobs.wait_idle()
    assert rating_of(demo_ctx.reader, "person", line["subject_id"], year)["rating"] == mine


def test_a_vote_changed_elsewhere_is_not_undone_by_the_meeting_editor(demo_ctx: Any, qtbot: Any) -> None:
    sid = demo_ctx.reader.rows("vote_sessions")[0]["id"]
    editor = VoteSessionEditor(demo_ctx, sid)
    qtbot.addWidget(editor)
    demo_ctx.jobs.wait_idle()
    held = {v["nomination_id"]: v["votes_for"] for v in demo_ctx.reader.rows("votes", "vote_session_id = ?", [sid])}
    first = next(iter(held))
    changed = 1 if held[first] != 1 else 2
    with open_store(demo_ctx.db_path) as other:  # the same vote corrected in another program
        vote = other.rows("votes", "vote_session_id = ? AND nomination_id = ?", [sid, first])[0]
        other.update("votes", vote["id"], {"votes_for": changed})
    editor.inputs["place"].set_text("Hội trường B")
    assert editor.save()
    dlg = stale_dialog(editor, qtbot, demo_ctx)
    assert any(v[1:] == (str(changed), str(held[first])) for v in changes_shown(dlg).values())
    dlg.cancel_button.click()
    vote = demo_ctx.reader.rows("votes", "vote_session_id = ? AND nomination_id = ?", [sid, first])[0]
    assert vote["votes_for"] == changed
