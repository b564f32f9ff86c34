"""Quy định (the rules on a date, read-only, each with its source) and cancelling an award from the decisions
tab (Luật Thi đua, khen thưởng 2022, Điều 93)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.gui.rules_view import CANCELLATION, DOCUMENTS, GENERAL, STATISTICS, RulesView
from tdkt_desktop.gui.workflow.awards_view import AwardsView
from tdkt_desktop.gui.workflow.cancel_dialog import CancelAwardsDialog


def _view(ctx: Any, qtbot: Any, day: QtCore.QDate) -> RulesView:
    view = RulesView(ctx)
    qtbot.addWidget(view)
    view.date.setDate(day)
    ctx.jobs.wait_idle()
    return view


def test_rules_screen_before_and_after_the_2025_decree(ctx: Any, qtbot: Any) -> None:
    view = _view(ctx, qtbot, QtCore.QDate(2025, 3, 15))
    assert "98/2023" in view.ruleset.text()
    assert view.select(GENERAL)
    assert "2.340.000 đồng" in view.page_text() and "Nghị định 73/2024/NĐ-CP, Điều 3, khoản 2" in view.page_text()
    assert view.select("GIAY_KHEN_HUYEN")  # the district chairman's own Giấy khen, until 30/06/2025
    assert view.select("GIAY_KHEN")
    text = view.page_text()
    assert "0,15 × base salary" not in text  # translated
    assert "0,15 × lương cơ sở 2.340.000 đồng = 360.000 đồng" in text
    assert "Nghị định 98/2023/NĐ-CP, Điều 58" in text and "⚠" in text
    # after 01/07/2025: NĐ 152/2025, the district is gone, the chosen item stays chosen
    view.date.setDate(QtCore.QDate(2025, 7, 2))
    ctx.jobs.wait_idle()
    assert "152/2025" in view.ruleset.text()
    assert view.current_key() == "GIAY_KHEN"
    assert "0,3 × lương cơ sở 2.340.000 đồng = 710.000 đồng" in view.page_text()
    assert not view.select("GIAY_KHEN_HUYEN")


def test_rules_screen_after_the_2026_base_salary(ctx: Any, qtbot: Any) -> None:
    view = _view(ctx, qtbot, QtCore.QDate(2026, 7, 1))
    assert view.select("BANG_KHEN_TTG")
    text = view.page_text()
    assert "3,5 × lương cơ sở 2.530.000 đồng = 8.860.000 đồng" in text
    assert "Nghị định 152/2025/NĐ-CP, Điều 54, khoản 1, điểm a" in text
    assert "Thủ tướng Chính phủ" in text
    assert view.select("CSTDCS")
    text = view.page_text()
    assert "Luật Thi đua, khen thưởng 2022, Điều 23" in text and "sáng kiến" in text
    assert view.select(CANCELLATION)
    assert "Điều 93, khoản 2, điểm d" in view.page_text()
    assert view.select(STATISTICS)
    assert "01/12/2025 – 30/11/2026" in view.page_text() and "0605.N" in view.page_text()
    assert view.select(DOCUMENTS)
    assert "Nghị định số 161/2026/NĐ-CP" in view.page_text()


def test_cancel_an_award_from_the_decisions_tab(demo_ctx: Any, qtbot: Any, messages: Any) -> None:
    view = AwardsView(demo_ctx)
    qtbot.addWidget(view)
    view.show()
    demo_ctx.jobs.wait_idle()
    tab = view.decisions
    view.tabs.setCurrentWidget(tab)
    demo_ctx.jobs.wait_idle()
    assert tab.awardees.rowCount() > 1
    assert not tab.cancel_button.isEnabled()
    tab.awardees_view.selectRow(0)
    assert tab.cancel_button.isEnabled()
    first = tab.selected_awardees()
    dialog = tab.open_cancel_dialog()
    assert isinstance(dialog, CancelAwardsDialog)
    demo_ctx.jobs.wait_idle()
    assert dialog.ok.isEnabled()
    assert "Money to recover" not in dialog.summary.text()  # translated
    assert dialog.ground.count() == 4
    dialog.ground.setCurrentIndex(dialog.ground.findData("b"))
    dialog.date.setDate(QtCore.QDate(2026, 1, 15))
    dialog.issue(confirmed=True)  # no reason: refused, nothing written
    demo_ctx.jobs.wait_idle()
    assert demo_ctx.reader.count("award_cancellations") == 0
    assert messages.shown and "lý do" in messages.shown[-1][2]
    dialog.reason.setPlainText("Làm giả hồ sơ sáng kiến")
    dialog.issue(confirmed=True)
    demo_ctx.jobs.wait_idle()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    (row,) = demo_ctx.reader.rows("award_cancellations")
    assert row["awardee_id"] == first[0] and row["ground"] == "b"
    demo_ctx.jobs.wait_idle()
    mark = tab.awardees.data(tab.awardees.index(0, 4))
    assert mark.startswith("Đã hủy bỏ theo") and "15/01/2026" in mark
    tab.awardees_view.selectRow(0)
    assert not tab.cancel_button.isEnabled()  # already cancelled
