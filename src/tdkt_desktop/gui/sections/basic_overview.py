"""Tổng quan: counts of what is recorded and the coming deadlines (a richer dashboard may replace it)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import Card, SectionPage
from tdkt_desktop.store.db import Store

DEADLINES = ("registration_deadline", "midterm_review", "submission_deadline", "final_review", "end_date")


def overview_facts(store: Store) -> dict[str, Any]:
    today = _dt.date.today().isoformat()
    coming = []
    for row in store.rows("campaigns"):
        for name in DEADLINES:
            value = row.get(name)
            if value and value >= today:
                coming.append((value, name, row["name"]))
    coming.sort()
    drafts = store.count("nominations", "status = 'draft'")
    return {"stats": store.stats(), "coming": coming[:8], "drafts": drafts}


class OverviewSection(SectionPage):
    CARDS = (
        ("campaigns", QT_TRANSLATE_NOOP("OverviewSection", "campaigns")),
        ("targets", QT_TRANSLATE_NOOP("OverviewSection", "targets")),
        ("registrations", QT_TRANSLATE_NOOP("OverviewSection", "registrations")),
        ("nominations", QT_TRANSLATE_NOOP("OverviewSection", "nominations")),
        ("decisions", QT_TRANSLATE_NOOP("OverviewSection", "award decisions")),
        ("people", QT_TRANSLATE_NOOP("OverviewSection", "individuals")),
        ("collectives", QT_TRANSLATE_NOOP("OverviewSection", "collectives")),
        ("households", QT_TRANSLATE_NOOP("OverviewSection", "households")),
    )

    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(self.tr("Overview"), self.tr("What is recorded in this unit, and what is due next."), parent)
        self.ctx = ctx
        grid_box = QtWidgets.QWidget(self)
        grid = QtWidgets.QGridLayout(grid_box)
        grid.setContentsMargins(0, 6, 0, 6)
        grid.setSpacing(10)
        self.cards: dict[str, Card] = {}
        for i, (key, label) in enumerate(self.CARDS):
            card = Card(self.tr(label), grid_box)
            self.cards[key] = card
            grid.addWidget(card, i // 4, i % 4)
        self.add(grid_box, 0)
        self.drafts = QtWidgets.QLabel(self)
        self.drafts.setObjectName("hint")
        self.add(self.drafts, 0)
        sub = QtWidgets.QLabel(self.tr("Coming dates"), self)
        sub.setObjectName("subheading")
        self.add(sub, 0)
        self.coming = QtWidgets.QTreeWidget(self)
        self.coming.setRootIsDecorated(False)
        self.coming.setHeaderLabels([self.tr("Date"), self.tr("What"), self.tr("Campaign")])
        self.coming.setColumnWidth(0, 110)
        self.coming.setColumnWidth(1, 230)
        self.add(self.coming, 1)
        ctx.jobs.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.ctx.jobs.run(lambda store, _p: overview_facts(store), done=self._show)

    def _show(self, facts: dict[str, Any]) -> None:
        for key, card in self.cards.items():
            card.set_value(format_number(facts["stats"].get(key, 0)))
        drafts = facts["drafts"]
        self.drafts.setText(self.tr("%n nomination(s) still being drafted.", "", drafts) if drafts else "")
        names = {
            "registration_deadline": self.tr("Registration deadline"),
            "midterm_review": self.tr("Mid-year review"),
            "submission_deadline": self.tr("Dossiers due"),
            "final_review": self.tr("Year-end review"),
            "end_date": self.tr("Campaign ends"),
        }
        self.coming.clear()
        for value, name, campaign in facts["coming"]:
            QtWidgets.QTreeWidgetItem(self.coming, [format_date(value), names[name], campaign])
        if not facts["coming"]:
            QtWidgets.QTreeWidgetItem(self.coming, ["", self.tr("No dates ahead."), ""])


register_section("overview", QT_TRANSLATE_NOOP("Sections", "Overview"), OverviewSection, order=10)
