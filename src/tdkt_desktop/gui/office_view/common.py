"""Shared pieces of the upper-office screens: the matrix's colours, the campaign and period choices, date
inputs, headings and legends (the table pieces are :mod:`tdkt_desktop.gui.tables`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from tdkt_desktop.core.models import period_label
from tdkt_desktop.excel.export import STATUS_FILLS
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.office_view import work
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets
from tdkt_desktop.gui.tables import fill_combo

Row = dict[str, Any]

# The matrix's fill of each attainment: the Excel export's own (one mapping), so screen and file agree.
MATRIX_FILLS: dict[str, str] = {status.value: f"#{fill}" for status, fill in STATUS_FILLS.items()}


def fill_campaigns(ctx: AppContext, combo: QtWidgets.QComboBox, then: Callable[[], None], title: str) -> None:
    """The campaigns (their full names also as tooltips) read on a worker into ``combo``; then ``then()``."""

    def done(rows: list[Row]) -> None:
        fill_combo(combo, [(c["name"], c["id"]) for c in rows])
        for i, c in enumerate(rows):
            combo.setItemData(i, c["name"], Qt.ItemDataRole.ToolTipRole)
        then()

    ctx.jobs.run(lambda store, _p: work.campaigns(store), done=done, title=title)


def fill_periods(ctx: AppContext, campaign: QtWidgets.QComboBox, combo: QtWidgets.QComboBox,
                 then: Callable[[], None], title: str) -> None:
    """The periods reported for the chosen campaign, read on a worker into ``combo``; then ``then()``."""
    campaign_id = campaign.currentData()

    def done(periods: list[str]) -> None:
        fill_combo(combo, [(period_label(p), p) for p in periods])
        then()

    ctx.jobs.run(lambda store, _p: work.periods_for(store, campaign_id), done=done, title=title)


def date_edit(parent: QtWidgets.QWidget | None = None, day: _dt.date | None = None) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    d = day or _dt.date.today()
    edit.setDate(QtCore.QDate(d.year, d.month, d.day))
    return edit


def date_of(edit: QtWidgets.QDateEdit) -> _dt.date:
    q = edit.date()
    return _dt.date(q.year(), q.month(), q.day())


def subheading(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setObjectName("subheading")
    return label


def legend(items: Sequence[tuple[str, str]], parent: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    """A row of colour swatches (``#rrggbb`` or a :mod:`palette` name) with their meaning."""
    box = QtWidgets.QWidget(parent)
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for colour, text in items:
        swatch = QtWidgets.QLabel(box)
        swatch.setObjectName("swatch")
        swatch.setFixedSize(16, 16)
        swatch.setAutoFillBackground(True)
        colours = swatch.palette()
        colours.setColor(swatch.backgroundRole(), palette.qcolor(colour))
        swatch.setPalette(colours)
        label = QtWidgets.QLabel(text, box)
        row.addWidget(swatch)
        row.addWidget(label)
        row.addSpacing(10)
    row.addStretch(1)
    return box
