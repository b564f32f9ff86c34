"""Working screens for the sections whose dedicated editors come in their own modules (campaigns, targets
and results, awards). Each shows and edits the records that exist, with the generic list and editor; a
module registering the same key replaces it."""

from __future__ import annotations

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import column, columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage


class CampaignsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Emulation campaigns"),
            self.tr("Campaigns launched by a directive or plan (CT, KH): their document, window and review dates."),
            parent,
        )
        self.campaigns = RecordListView(
            ctx, "campaigns",
            columns("campaigns", "name", "campaign_type", "year", "doc_number", "doc_date", "end_date", "issuing_body"),
            add_text=self.tr("Add campaign"),
        )
        self.add(self.campaigns)


class TargetsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Targets and results"),
            self.tr("The targets of each campaign and the results units report every six months and every year."),
            parent,
        )
        self.targets = RecordListView(
            ctx, "targets",
            columns("targets", "campaign_id", "measure", "comparator", "value", "value_high", "unit", "assigned_unit"),
            add_text=self.tr("Add target"),
        )
        self.results = RecordListView(
            ctx, "target_results",
            columns("target_results", "target_id", "unit_code", "period", "value", "sub_value", "note"),
            add_text=self.tr("Add result"),
        )
        self.add_tab(self.targets, self.tr("Targets"))
        self.add_tab(self.results, self.tr("Results"))


class AwardsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Awards"),
            self.tr("Nominations, the council's meetings and votes, and the award decisions."),
            parent,
        )
        self.nominations = RecordListView(
            ctx, "nominations",
            [column("nominations", "subject_name", sort="person"),
             *columns("nominations", "subject_kind", "title_code", "award_kind", "year", "status", "submitted_on")],
            editor_fields=["subject_kind", "subject_id", "subject_name", "title_code", "award_kind", "campaign_id",
                           "year", "period", "achievement", "nominee_class", "field", "status", "status_reason",
                           "submitted_on", "unit_code"],
            defaults={"award_kind": "cong_trang", "status": "draft"},
            add_text=self.tr("Add nomination"),
        )
        self.sessions = RecordListView(
            ctx, "vote_sessions",
            columns("vote_sessions", "meeting_date", "period", "place", "total_members", "present", "written_opinions", "chair"),
            add_text=self.tr("Add meeting"),
        )
        self.decisions = RecordListView(
            ctx, "decisions",
            columns("decisions", "number", "doc_code", "decision_date", "signer", "subject", "total_amount", "status"),
            add_text=self.tr("Add decision"),
        )
        self.add_tab(self.nominations, self.tr("Nominations"))
        self.add_tab(self.sessions, self.tr("Council meetings"))
        self.add_tab(self.decisions, self.tr("Decisions"))


register_section("campaigns", QT_TRANSLATE_NOOP("Sections", "Emulation campaigns"), CampaignsSection, order=20)
register_section("targets", QT_TRANSLATE_NOOP("Sections", "Targets & results"), TargetsSection, order=30)
register_section(
    "awards", QT_TRANSLATE_NOOP("Sections", "Awards"), AwardsSection, order=50,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Nominations, council meetings, decisions"),
)
