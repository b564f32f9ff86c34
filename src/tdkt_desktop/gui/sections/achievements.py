"""Xếp loại & thành tích: the records the criteria read — the year's ratings, sáng kiến, đề tài khoa học and
the awards already received."""

from __future__ import annotations

from tdkt_desktop.core.models import InnovationKind
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import column, columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.tables import Column
from tdkt_desktop.gui.widgets import SectionPage
from tdkt_desktop.gui.workflow.achievements import HISTORY_FIELDS, INNOVATION_FIELDS, innovation_defaults
from tdkt_desktop.gui.workflow.ratings_view import RatingsView
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.facts import scope_text
from tdkt_desktop.store.listing import SUBJECT_REF


class AchievementsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Ratings and achievements"),
            self.tr("What the criteria of every title read: the yearly quality rating of each collective and "
                    "person, sáng kiến and research projects, and the awards already received."),
            parent,
        )
        self.ratings = RatingsView(ctx)
        innovation_columns = [
            column("initiatives", "name", width=40), column("initiatives", "person_id", width=24),
            column("initiatives", "year", label=self.tr("Year")),
            Column(F.KINDS["initiatives"].field("scope").label, scope_text, field="scope", sort="text"),
            column("initiatives", "recognised", label=self.tr("Recognised")),
            column("initiatives", "applied", label=self.tr("Applied")),
            column("initiatives", "used_for", label=self.tr("Used for")),
        ]
        self.initiatives = RecordListView(
            ctx, "initiatives", innovation_columns,
            filters={"kind": (InnovationKind.INITIATIVE.value, None)},
            editor_fields=INNOVATION_FIELDS, defaults=innovation_defaults(InnovationKind.INITIATIVE),
            add_text=self.tr("Add initiative"),
        )
        self.research = RecordListView(
            ctx, "initiatives", list(innovation_columns),
            filters={"kind": InnovationKind.RESEARCH.value},
            editor_fields=INNOVATION_FIELDS, defaults=innovation_defaults(InnovationKind.RESEARCH),
            add_text=self.tr("Add research project"),
        )
        self.research.setObjectName("list_research")
        self.history = RecordListView(
            ctx, "award_history",
            [Column(self.tr("Collective or person"), "subject_id", ref=SUBJECT_REF, sort="", width=26),
             column("award_history", "award_name", label=self.tr("Title or form"), width=30),
             *columns("award_history", "year", "decision_number", "decision_date", "issuer", "award_kind")],
            editor_fields=HISTORY_FIELDS, add_text=self.tr("Add past award"),
        )
        self.import_button = QtWidgets.QPushButton(self.tr("Import from Excel…"), self.history)
        self.import_button.setObjectName("importHistory")
        self.import_button.setToolTip(self.tr("Read a list of past titles and awards, with their decisions, from an .xlsx file"))
        self.import_button.clicked.connect(self.import_history)
        self.history.filters.addWidget(self.import_button)
        self.ctx = ctx
        self.add_tab(self.ratings, self.tr("Quality ratings"))
        self.add_tab(self.initiatives, self.tr("Initiatives (sáng kiến)"))
        self.add_tab(self.research, self.tr("Research projects"))
        self.add_tab(self.history, self.tr("Awards received"))

    def import_history(self) -> QtWidgets.QDialog:
        from tdkt_desktop.gui.office_view.import_wizard import open_import_wizard

        return open_import_wizard(self.ctx, self, kind="award_history")

    def can_close(self) -> bool:
        return self.ratings.can_close()


def make(ctx: AppContext) -> QtWidgets.QWidget:
    return AchievementsSection(ctx)


register_section(
    "achievements", QT_TRANSLATE_NOOP("Sections", "Ratings & achievements"), make, order=45,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Quality ratings, initiatives, research projects and awards received"),
)
