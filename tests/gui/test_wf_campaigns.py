"""Campaign editor, paste-and-confirm of targets, campaign list (workflow screens)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.gui import registry
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor
from tdkt_desktop.gui.workflow.campaigns_view import CampaignsView

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "domain" / "seeds"


def seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


def count(ctx: Any, table: str, where: str | None = None, params: list[Any] | None = None) -> int:
    return ctx.reader.count(table, where, params)


def test_workflow_sections_replace_the_basic_ones(app: Any) -> None:
    for key, module in (("overview", "wf_dashboard"), ("campaigns", "wf_campaigns"), ("targets", "wf_results"),
                        ("awards", "wf_awards")):
        section = registry.section(key)
        assert section is not None and section.factory.__module__.endswith(module)


def test_seed_directive_becomes_a_campaign_with_its_targets(ctx: Any, qtbot: Any) -> None:
    text = seed("000")
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    dlg = editor.open_directive(text)
    assert dlg.proposal.is_document
    # the document's fields, each with where it was read; the issuing body was inferred: flagged
    fields = dlg.fields.values()
    assert (fields["doc_number"], fields["doc_date"], fields["signer"]) == ("10/CT-UBND", "13/12/2022", "Dương Tân Hiền")
    body = dlg.fields.index(dlg.fields.row_of("issuing_body"), 0)
    assert body.data(QtCore.Qt.ItemDataRole.BackgroundRole) is not None  # yellow: read from the signature block
    rows = dlg.model.rows()
    assert len(rows) == 10
    # the understanding sits right after the name
    assert [c.key for c in dlg.model.cols[:4]] == ["include", "measure", "check", "review"]
    assert dlg.model.index(0, 2).data() == "9,5 – 10 %/năm"
    assert dlg.model.unconfirmed_rows() == [3, 8]  # đô thị hóa without a comparing word; "và 02 xã"
    # correcting a cell does not clear the flags: only confirming does
    assert dlg.model.set_cell(3, "value", "74")
    assert dlg.model.unconfirmed_rows() == [3, 8]
    assert dlg.model.set_cell(3, "review", True)
    assert dlg.model.unconfirmed_rows() == [8]
    assert dlg.model.index(3, 1).data(QtCore.Qt.ItemDataRole.BackgroundRole) is None
    assert dlg.model.index(8, 1).data(QtCore.Qt.ItemDataRole.BackgroundRole) is not None
    dlg.confirm()
    assert dlg.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert editor.targets.rowCount() == 10
    # the row still flagged stays flagged in the campaign's own table
    assert editor.targets.unconfirmed_rows() == [8]
    # the document details were read from the directive into the fields
    assert editor.inputs["doc_number"].text() == "10/CT-UBND"
    assert editor.inputs["doc_date"].text() == "13/12/2022"
    assert editor.inputs["doc_kind"].raw() == "CT"
    assert editor.inputs["signer"].text() == "Dương Tân Hiền"
    assert editor.inputs["issuing_body"].text() == "Ủy ban nhân dân thành phố Cần Thơ"
    assert editor.inputs["year"].text() == "2023"
    assert "phong trào thi đua" in editor.inputs["name"].text().lower()
    assert "nông thôn mới" in editor.lists["movements_json"].toPlainText()
    editor.set_value("midterm_review", "15/07/2023")
    editor.set_value("final_review", "20/12/2023")
    assert editor.dirty
    assert editor.save()
    ctx.jobs.wait_idle()
    assert editor.result() == QtWidgets.QDialog.DialogCode.Accepted
    campaign = ctx.reader.rows("campaigns", "doc_number = ?", ["10/CT-UBND"])[0]
    assert campaign["doc_date"] == "2022-12-13" and campaign["year"] == 2023
    assert campaign["final_review"] == "2023-12-20"
    targets = ctx.reader.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    assert len(targets) == 10
    grdp = targets[0]
    assert (grdp["comparator"], grdp["value"], grdp["value_high"], grdp["unit"]) == ("range", 9.5, 10.0, "%/năm")
    ntm, model = (t for t in targets if t["comparator"] == "count")
    assert (ntm["value"], ntm["sub_count"], model["value"]) == (5.0, None, 2.0)
    poor = next(t for t in targets if "hộ nghèo" in t["measure"])
    assert (poor["comparator"], poor["value"]) == ("at_most", 0.36)
    assert all(t["source_text"] for t in targets)
    assert json.loads(targets[3]["review_json"]) == []
    assert "trong đó" in json.loads(targets[8]["review_json"])[0]

    # opened again, the unconfirmed target is still flagged; confirming it and saving clears the flag
    again = CampaignEditor(ctx, campaign["id"])
    qtbot.addWidget(again)
    ctx.jobs.wait_idle()
    assert again.targets.unconfirmed_rows() == [8]
    again.targets_view.setCurrentIndex(again.targets.index(8, 0))
    again.confirm_targets()
    assert again.targets.unconfirmed_rows() == []
    assert again.save()
    ctx.jobs.wait_idle()
    stored = ctx.reader.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    assert [json.loads(t["review_json"]) for t in stored] == [[]] * 10
    assert [t["id"] for t in stored] == [t["id"] for t in targets]


def test_details_split_and_added_rows(ctx: Any, qtbot: Any) -> None:
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    dlg = editor.paste_targets(
        "- Tỷ lệ hộ dân sử dụng nước sạch đạt 95 %, trong đó thành thị 100 %, nông thôn 93 %\n"
        "- Tỷ lệ A đạt 50 % tỷ lệ B đạt 60 %"
    )
    assert dlg.tabs.currentIndex() == 1
    rows = dlg.model.rows()
    assert [r["measure"] for r in rows[:3]] == [
        "Tỷ lệ hộ dân sử dụng nước sạch", "Tỷ lệ hộ dân sử dụng nước sạch – thành thị",
        "Tỷ lệ hộ dân sử dụng nước sạch – nông thôn",
    ]
    assert rows[1]["parent"] == rows[0]["key"] and rows[2]["parent"] == rows[0]["key"]
    assert dlg.model.index(1, 1).data() == "↳ Tỷ lệ hộ dân sử dụng nước sạch – thành thị"
    # two figures with nothing between them: flagged, not merged silently; the person splits the row
    assert 3 in dlg.model.unconfirmed_rows()
    assert "chưa tách được" in dlg.model.index(3, dlg.model.column_of("review")).data()
    assert dlg.split_row(3, "Tỷ lệ A đạt 50 %\nTỷ lệ B đạt 60 %") == 2
    assert [r["measure"] for r in dlg.model.rows()[3:]] == ["Tỷ lệ A", "Tỷ lệ B"]
    assert dlg.model.unconfirmed_rows() == []
    # a row the reading missed is added by hand
    dlg.view.setCurrentIndex(dlg.model.index(4, 1))
    dlg.add_row()
    assert dlg.model.rowCount() == 6
    assert dlg.model.set_cell(5, "measure", "Kết nạp đảng viên mới")
    assert dlg.model.set_cell(5, "comparator", "count")
    assert dlg.model.set_cell(5, "value", "1.200")
    dlg.confirm()
    assert editor.targets.rowCount() == 6
    editor.set_value("name", "Thi đua năm 2026")
    assert editor.save()
    ctx.jobs.wait_idle()
    campaign = ctx.reader.rows("campaigns", "name = ?", ["Thi đua năm 2026"])[0]
    targets = ctx.reader.rows("targets", "campaign_id = ?", [campaign["id"]], order_by="seq")
    assert [t["parent_target_id"] for t in targets] == [None, targets[0]["id"], targets[0]["id"], None, None, None]
    assert targets[5]["value"] == 1200


def test_not_understood_rows_are_red_unticked_and_can_be_dropped(ctx: Any, qtbot: Any) -> None:
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    dlg = editor.paste_targets("- Tỷ lệ hộ nghèo dưới 0,5%\n- Nâng cao chất lượng hoạt động của Hội đồng\n- Thu ngân sách đạt 45.000 triệu đồng")
    rows = dlg.model.rows()
    assert len(rows) == 3
    vague = next(i for i, r in enumerate(rows) if r["confidence"] == "none")
    assert not rows[vague]["include"] and rows[vague]["flags"]
    dlg.view.setCurrentIndex(dlg.model.index(vague, 1))
    dlg.drop_selected()
    dlg.confirm()
    assert editor.targets.rowCount() == 2


def test_directive_files_are_read_off_the_gui_thread(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    from tests.fixtures.directives import PROVINCE_PLAN
    from tests.unit.test_directives import _docx, _pdf

    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    dlg = editor.open_directive()
    dlg.open_file(str(_docx(tmp_path / "kh45.docx", PROVINCE_PLAN, header_table=True)))
    ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: not dlg.busy)
    assert dlg.fields.values()["doc_number"] == "45/KH-UBND"
    assert dlg.fields.values()["issuing_body"] == "Ủy ban nhân dân tỉnh Đồng Tháp"
    assert dlg.model.rowCount() == 23
    dlg.open_file(str(_pdf(tmp_path / "ct10.pdf", seed("000"))))
    ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: not dlg.busy)
    assert dlg.fields.values()["doc_number"] == "10/CT-UBND"
    assert dlg.model.rowCount() == 10
    # a file that cannot be read: a message saying what to do, and nothing read is lost
    bad = tmp_path / "cu.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dlg.open_file(str(bad))
    ctx.jobs.wait_idle()
    qtbot.waitUntil(lambda: not dlg.busy)
    assert "Word cũ" in dlg.banner.text()
    assert dlg.model.rowCount() == 10
    # a document without targets still fills the document's fields
    dlg.set_text(seed("003"))
    assert dlg.model.rowCount() == 0
    assert dlg.fields.values()["doc_number"] == "17/CT-UBND"
    dlg.confirm()
    assert editor.inputs["doc_number"].text() == "17/CT-UBND"
    assert editor.targets.rowCount() == 0


def test_bad_input_in_the_campaign_editor_saves_nothing(ctx: Any, qtbot: Any) -> None:
    before = count(ctx, "campaigns")
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_value("name", "Phong trào thi đua chuyển đổi số")
    editor.set_value("doc_date", "31/02/2026")
    assert not editor.save()
    assert "không có trên lịch" in editor.errors.message_for("doc_date")
    editor.set_value("doc_date", "20/02/2026")
    editor.set_value("start_date", "01/12/2026")
    editor.set_value("end_date", "01/03/2026")
    assert not editor.save()
    assert editor.errors.message_for("end_date")
    editor.set_value("end_date", "30/11/2026")
    # a range target with one value only
    editor.add_target()
    editor.targets.set_cell(0, "measure", "Tăng trưởng kinh tế")
    editor.targets.set_cell(0, "comparator", "range")
    editor.targets.set_cell(0, "value", "7,5")
    assert "hai giá trị" in editor.targets.error_of(0)
    assert not editor.save()
    assert "Chỉ tiêu thứ 1" in editor.errors.message_for("targets") or "1" in editor.banner.text()
    editor.targets.set_cell(0, "value_high", "8")
    assert editor.targets.error_of(0) == ""
    editor.targets.set_cell(0, "value", "8,5,1")
    assert not editor.save()
    ctx.jobs.wait_idle()
    assert count(ctx, "campaigns") == before and count(ctx, "targets") == 0


def test_closing_with_changes_asks(ctx: Any, qtbot: Any, messages: Any) -> None:
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_value("name", "Phong trào mới")
    messages.answer = "cancel"
    editor.reject()
    assert editor.isVisible() and messages.kinds() == ["unsaved"]
    messages.answer = "discard"
    editor.reject()
    assert not editor.isVisible()
    assert count(ctx, "campaigns") == 0


def test_campaign_list_search_and_filters(demo_ctx: Any, qtbot: Any) -> None:
    view = CampaignsView(demo_ctx)
    qtbot.addWidget(view)
    demo_ctx.jobs.wait_idle()
    assert view.model.rowCount() == 3
    view.search.setText("chuyen doi so")
    view.search.flush()
    demo_ctx.jobs.wait_idle()
    assert view.model.rowCount() == 1
    view.search.setText("")
    view.search.flush()
    view.kind.setCurrentIndex(view.kind.findData("peak"))
    demo_ctx.jobs.wait_idle()
    assert view.model.rowCount() == 1
    view.kind.setCurrentIndex(0)
    assert [view.year.itemData(i) for i in range(view.year.count())] == [None, 2026]
    view.year.setCurrentIndex(view.year.findData(2026))
    demo_ctx.jobs.wait_idle()
    assert view.model.rowCount() == 3
    view.year.setCurrentIndex(0)
    demo_ctx.jobs.wait_idle()
    cid = demo_ctx.reader.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])[0]["id"]
    view.view.setCurrentIndex(view.model.index(view.model.row_of(cid), 0))
    editor = view.open_current()
    assert editor is not None
    qtbot.addWidget(editor)
    demo_ctx.jobs.wait_idle()
    assert editor.targets.rowCount() == 9
    editor.reject()


def test_deleting_a_campaign_takes_its_targets_and_undo_brings_them_back(demo_ctx: Any, qtbot: Any,
                                                                         messages: Any) -> None:
    view = CampaignsView(demo_ctx)
    qtbot.addWidget(view)
    demo_ctx.jobs.wait_idle()
    cid = demo_ctx.reader.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])[0]["id"]
    targets = {t["id"] for t in demo_ctx.reader.rows("targets", "campaign_id = ?", [cid])}
    other_targets = demo_ctx.reader.count("targets", "campaign_id != ?", [cid])
    view.view.setCurrentIndex(view.model.index(view.model.row_of(cid), 0))
    messages.answer = True
    view.delete_current()
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    assert view.model.rowCount() == 2 and view.model.row_of(cid) == -1
    assert demo_ctx.reader.get("campaigns", cid) is None
    assert demo_ctx.reader.count("targets", "campaign_id = ?", [cid]) == 0
    assert demo_ctx.reader.count("targets", "campaign_id != ?", [cid]) == other_targets
    assert view.undo.can_undo
    view.undo.undo()
    demo_ctx.jobs.wait_idle()
    demo_ctx.jobs.wait_idle()
    assert view.model.row_of(cid) >= 0
    assert {t["id"] for t in demo_ctx.reader.rows("targets", "campaign_id = ?", [cid])} == targets
