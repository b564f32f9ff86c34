"""One editor per record: a double-click (which Qt also reports as an activation), Enter or a second opening
of the same record gives the one editor already open, raised (gui.open_editors)."""

from __future__ import annotations

from typing import Any

import pytest

from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.workflow.awards_view import NominationsTab, SessionsTab
from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor
from tdkt_desktop.gui.workflow.campaigns_view import CampaignsView
from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor
from tdkt_desktop.gui.workflow.vote_editor import VoteSessionEditor


def double_click_first_row(qtbot: Any, owner: QtWidgets.QWidget, table: QtWidgets.QTableView) -> None:
    qtbot.waitExposed(owner)
    centre = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def visible(parent: QtWidgets.QWidget, kind: type) -> list[Any]:
    return [w for w in parent.findChildren(kind) if w.isVisible()]


def close_all(parent: QtWidgets.QWidget, kind: type) -> None:
    for w in visible(parent, kind):
        w.done(0)


@pytest.mark.parametrize(("tab", "editor_kind"), [
    (CampaignsView, CampaignEditor), (NominationsTab, NominationEditor), (SessionsTab, VoteSessionEditor),
])
def test_double_click_enter_and_a_second_opening_give_one_editor(demo_ctx: Any, qtbot: Any, tab: type,
                                                                  editor_kind: type) -> None:
    view = tab(demo_ctx)
    qtbot.addWidget(view)
    view.show()
    demo_ctx.jobs.wait_idle()
    table = view.view
    double_click_first_row(qtbot, view, table)
    demo_ctx.jobs.wait_idle()
    assert len(visible(view, editor_kind)) == 1  # doubleClicked and activated both fire: one editor still
    first = visible(view, editor_kind)[0]
    raised: list[bool] = []
    first.raise_ = lambda: raised.append(True)  # type: ignore[method-assign]
    again = view.open_current()  # the same record once more (a button, a link elsewhere)
    assert again is first and raised == [True]
    assert len(visible(view, editor_kind)) == 1
    close_all(view, editor_kind)
    demo_ctx.jobs.wait_idle()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    demo_ctx.jobs.wait_idle()
    editors = visible(view, editor_kind)
    assert len(editors) == 1 and editors[0] is not first  # Enter opens it; the closed one is forgotten
    assert view.open_current() is editors[0]
    new = view.open_editor(None)  # a new record always gets an editor of its own
    assert new is not editors[0]
    close_all(view, editor_kind)
    demo_ctx.jobs.wait_idle()


def test_a_record_list_opens_one_editor_per_record(demo_ctx: Any, qtbot: Any) -> None:
    from tdkt_desktop.gui.sections.people import PeopleSection

    section = PeopleSection(demo_ctx)
    qtbot.addWidget(section)
    section.show()
    records = section.people
    records.show()
    demo_ctx.jobs.wait_idle()
    table = records.view
    double_click_first_row(qtbot, section, table)
    assert len(visible(records, RecordEditor)) == 1
    assert records.edit_selected() is visible(records, RecordEditor)[0]
    assert len(visible(records, RecordEditor)) == 1
    close_all(records, RecordEditor)
