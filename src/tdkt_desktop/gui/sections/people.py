"""Cá nhân & tập thể: the registry of people, collectives and households."""

from __future__ import annotations

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage


class PeopleSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("People and collectives"),
            self.tr("Everyone who can register, be nominated or be awarded. Type a name without tones to find it."),
            parent,
        )
        self.people = RecordListView(
            ctx, "people",
            columns("people", "full_name", "gender", "birth_date", "position", "workplace", "unit_code", person=["full_name"]),
            add_text=self.tr("Add person"),
        )
        self.collectives = RecordListView(
            ctx, "collectives", columns("collectives", "name", "kind", "unit_code", "members_count", "women_count", "address"),
            add_text=self.tr("Add collective"),
        )
        self.households = RecordListView(
            ctx, "households", columns("households", "head_name", "address", "unit_code", "members_count", person=["head_name"]),
            add_text=self.tr("Add household"),
        )
        self.add_tab(self.people, self.tr("Individuals"))
        self.add_tab(self.collectives, self.tr("Collectives"))
        self.add_tab(self.households, self.tr("Households"))


def make(ctx: AppContext) -> QtWidgets.QWidget:
    return PeopleSection(ctx)


register_section(
    "people", QT_TRANSLATE_NOOP("Sections", "People & collectives"), make, order=60,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Individuals, collectives and households"),
)
