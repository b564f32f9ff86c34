"""Campaign editor, paste-and-confirm of targets, campaign list (workflow screens)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.gui import registry
from tdkt_desktop.gui.qt import QtWidgets
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
    dlg = editor.paste_targets(text)
    assert dlg.block_found
    rows = dlg.model.rows()
    assert len(rows) == 10
    assert sum(1 for r in rows if r["confidence"] == "low") == 2  # đô thị hóa without a comparing word; "và 02 xã"
    # the person corrects a cell: the urbanisation target becomes "at least 74 %" explicitly (no change of
    # value), and sets the unit of the investment target
    assert dlg.model.set_cell(2, "unit", "tỷ đồng")
    dlg.confirm()
    assert dlg.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert editor.targets.rowCount() == 10
    # the document details were read from the directive into the empty fields
    assert editor.inputs["doc_number"].text() == "10/CT-UBND"
    assert editor.inputs["doc_date"].text() == "13/12/2022"
    assert editor.inputs["doc_kind"].raw() == "CT"
    assert editor.inputs["signer"].text() == "Dương Tân Hiền"
    assert "phong trào thi đua" in editor.inputs["name"].text().lower()
    assert "nông thôn mới" in editor.lists["movements_json"].toPlainText()
    editor.set_value("issuing_body", "Ủy ban nhân dân thành phố Cần Thơ")
    editor.set_value("midterm_review", "15/07/2023")
    editor.set_value("final_review", "20/12/2023")
    editor.set_value("content_json", "Thi đua thực hiện thắng lợi các chỉ tiêu năm 2023\nChào mừng 20 năm thành phố trực thuộc Trung ương")
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


def test_not_understood_rows_are_red_unticked_and_can_be_dropped(ctx: Any, qtbot: Any) -> None:
    editor = CampaignEditor(ctx)
    qtbot.addWidget(editor)
    dlg = editor.paste_targets("- Tỷ lệ hộ nghèo dưới 0,5%\n- Nâng cao chất lượng hoạt động của Hội đồng\n- Thu ngân sách đạt 45.000 triệu đồng")
    rows = dlg.model.rows()
    assert len(rows) == 3
    vague = next(i for i, r in enumerate(rows) if r["confidence"] == "none")
    assert not rows[vague]["include"] and rows[vague]["problems"]
    dlg.view.setCurrentIndex(dlg.model.index(vague, 1))
    dlg.drop_selected()
    dlg.confirm()
    assert editor.targets.rowCount() == 2


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
    assert editor.targets.rowCount() == 9
    editor.reject()
