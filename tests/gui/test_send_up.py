"""Sending a nomination up from the nomination editor: one that fails a criterion or misses a mandatory
document is sent only after a confirmation with a reason, which is recorded and shown to the appraising office;
the date sent is set; a unit's status list offers only its own statuses (store.nominations.status_rights)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tdkt_desktop.core.text import format_date
from tdkt_desktop.gui.qt import QtWidgets
from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor
from tdkt_desktop.gui.workflow.send_dialog import SendDialog
from tdkt_desktop.store import nominations, open_store
from tdkt_desktop.store.nominations import SubmissionCheck, send_reason


def province_award(ctx: Any) -> dict[str, Any]:
    """A draft Bằng khen of the city for a person of the ward: the city appraises and decides it."""
    with open_store(ctx.db_path) as store:
        person = store.rows("people")[0]
        return store.insert("nominations", {
            "subject_kind": "person", "subject_id": person["id"], "subject_name": person["full_name"],
            "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2026, "status": "draft",
            "unit_code": store.unit_code})


def open_editor(ctx: Any, qtbot: Any, nomination_id: str) -> NominationEditor:
    editor = NominationEditor(ctx, nomination_id)
    qtbot.addWidget(editor)
    ctx.jobs.wait_idle()
    assert editor.isEnabled()
    return editor


def statuses(editor: NominationEditor) -> list[str]:
    return [editor.status.itemData(i) for i in range(editor.status.count())]


def send_dialog(editor: NominationEditor, qtbot: Any, ctx: Any) -> SendDialog:
    editor.send_button.click()
    ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: editor.send_dialog is not None, timeout=5000)
    assert editor.send_dialog is not None
    return editor.send_dialog


def test_a_failing_nomination_is_sent_only_with_a_reason_which_is_recorded(demo_ctx: Any, qtbot: Any) -> None:
    nom = province_award(demo_ctx)
    editor = open_editor(demo_ctx, qtbot, nom["id"])
    # the ward's own statuses only: the city appraises and decides this one
    assert statuses(editor) == ["draft"] and not editor.status.isEnabled()
    assert editor.status_reason.isReadOnly()
    assert editor.send_button.isVisibleTo(editor)
    editor.achievement.setPlainText("Hoàn thành xuất sắc nhiệm vụ hai năm liền.")
    dlg = send_dialog(editor, qtbot, demo_ctx)
    assert not dlg.check.clean and dlg.problems.count() == len(dlg.check.problems) >= 2
    assert not dlg.send_button.isEnabled()  # no reason yet
    assert dlg.day.text() == format_date(dt.date.today())
    dlg.cancel_button.click()  # asked, and said no: nothing sent, nothing saved
    demo_ctx.jobs.wait_idle()
    stored = demo_ctx.reader.get("nominations", nom["id"])
    assert (stored["status"], stored["submitted_on"], stored["achievement"]) == ("draft", None, None)
    dlg = send_dialog(editor, qtbot, demo_ctx)
    dlg.reason.setPlainText("   ")
    assert not dlg.send_button.isEnabled()  # blanks are no reason
    dlg.reason.setPlainText("Sáng kiến được công nhận tuần sau, sẽ gửi bổ sung")
    assert dlg.send_button.isEnabled()
    dlg.send_button.click()
    demo_ctx.jobs.wait_idle()
    stored = demo_ctx.reader.get("nominations", nom["id"])
    assert stored["status"] == "submitted" and stored["submitted_on"] == dt.date.today().isoformat()
    assert send_reason(stored) == "Sáng kiến được công nhận tuần sau, sẽ gửi bổ sung"
    assert stored["achievement"] == "Hoàn thành xuất sắc nhiệm vụ hai năm liền."  # saved with the sending
    assert stored["status_reason"] is None  # the city's field is not the ward's to write
    assert editor.result() == QtWidgets.QDialog.DialogCode.Accepted
    # opened again: sent, with its date and reason shown; the ward may only withdraw it to a draft
    again = open_editor(demo_ctx, qtbot, nom["id"])
    assert statuses(again) == ["submitted", "draft"]
    assert not again.send_button.isVisibleTo(again)
    assert format_date(dt.date.today()) in again.sent_info.text() and "gửi bổ sung" in again.sent_info.text()


def test_a_date_sent_in_the_future_or_malformed_is_refused(demo_ctx: Any, qtbot: Any) -> None:
    nom = province_award(demo_ctx)
    editor = open_editor(demo_ctx, qtbot, nom["id"])
    dlg = send_dialog(editor, qtbot, demo_ctx)
    dlg.reason.setPlainText("Gửi trước, bổ sung sau")
    for bad in ("31/02/2026", "mai", format_date(dt.date.today() + dt.timedelta(days=3))):
        dlg.day.setText(bad)
        dlg.send_button.click()
        assert dlg.isVisible() and dlg.error.text()
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.get("nominations", nom["id"])["status"] == "draft"
    dlg.day.setText("01/12/2026" if dt.date.today() >= dt.date(2026, 12, 1) else format_date(dt.date.today()))
    dlg.send_button.click()
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.get("nominations", nom["id"])["status"] == "submitted"


def test_a_ward_never_offers_the_upper_office_statuses(demo_ctx: Any) -> None:
    nom = province_award(demo_ctx)
    tree, unit = demo_ctx.reader.unit_tree(), demo_ctx.unit_code
    for status in ("draft", "submitted", "received", "returned"):
        rights = nominations.status_rights(tree, {**nom, "status": status}, unit)
        assert not {"appraised", "approved", "rejected", "decided"} & set(rights.choices)
        assert rights.choices[0] == status and not rights.appraises
        assert rights.may_send == (status in ("draft", "returned"))
    # the city itself, appraising the same nomination, has every status (but never "sent up" as a choice)
    city = nominations.status_rights(tree, {**nom, "status": "received"}, "79")
    assert {"appraised", "approved", "returned", "rejected", "decided"} <= set(city.choices)
    assert "submitted" not in city.choices and city.appraises and not city.may_send


def test_a_passing_nomination_asks_only_for_the_date(app: Any, qtbot: Any) -> None:
    dlg = SendDialog(SubmissionCheck(nomination_id="x"), "Lê Thị Kim Ấn")
    qtbot.addWidget(dlg)
    assert dlg.reason.isHidden() and dlg.send_button.isEnabled() and dlg.reason_text() is None
    assert "Lê Thị Kim Ấn" in dlg.summary.text()


def test_the_appraising_office_sees_why_it_was_sent(demo_ctx: Any, qtbot: Any) -> None:
    """What the ward sent with a reason, as the office above reads it in its appraisal screen."""
    from tdkt_desktop.gui.office_view.appraisal import AppraisalPage

    with open_store(demo_ctx.db_path) as store:
        nom = store.rows("nominations", "unit_code = '27031-TH1' AND status = 'submitted'")[0]
        dossier = {"send_reason": "Biên bản họp sẽ gửi sau"}
        store.db.execute("UPDATE nominations SET dossier_json = ? WHERE id = ?",  # as the school's bundle brought it
                         [json.dumps(dossier), nom["id"]])
    page = AppraisalPage(demo_ctx)
    qtbot.addWidget(page)
    demo_ctx.jobs.wait_idle()
    page.year.setCurrentIndex(page.year.findData(nom["year"]))
    demo_ctx.jobs.wait_idle()
    assert page.select(nom["id"])
    demo_ctx.jobs.wait_idle()
    row = next(r for r in page.model.rows if r["id"] == nom["id"])
    assert row["send_reason"] == "Biên bản họp sẽ gửi sau"
    assert page.send_reason_label.isVisibleTo(page) and "Biên bản họp sẽ gửi sau" in page.send_reason_label.text()
