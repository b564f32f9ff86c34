"""Đăng ký & tham gia: registrations for titles (đăng ký thi đua) and participation in campaigns."""

from __future__ import annotations

import datetime as _dt

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import column, columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage
from tdkt_desktop.gui.workflow.bulk_registration import open_bulk_registration


def year_filter(view: RecordListView, label: str) -> None:
    this = _dt.date.today().year
    choices = [(QCoreApplication.translate("RegistrationsSection", "All years"), None)] + [(str(y), y) for y in range(this + 1, this - 6, -1)]

    def apply(year: int | None) -> None:
        view.model.set_filter(None if year is None else {"year": year})

    combo = view.add_filter(label, choices, apply)
    combo.setCurrentIndex(0)


class RegistrationsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Registrations and participation"),
            self.tr("At the start of the year collectives and individuals register the titles they aim for; "
                    "each period, units report how many took part in each campaign."),
            parent,
        )
        self.registrations = RecordListView(
            ctx, "registrations",
            [column("registrations", "subject_name", sort="person"),
             *columns("registrations", "subject_kind", "title_code", "year", "registered_on", "campaign_id", "note",
                      naming=ctx.naming)],
            editor_fields=["subject_kind", "subject_id", "subject_name", "title_code", "year", "campaign_id",
                           "registered_on", "note"],
            add_text=self.tr("Register"),
        )
        year_filter(self.registrations, self.tr("Year:"))
        self.bulk_button = QtWidgets.QPushButton(self.tr("Register many…"), self.registrations)
        self.bulk_button.setObjectName("bulkRegisterButton")
        self.bulk_button.setToolTip(self.tr("Register many people, collectives or households for one title at once"))
        self.bulk_button.clicked.connect(lambda: open_bulk_registration(ctx, self))
        self.registrations.filters.addWidget(self.bulk_button)
        self.participations = RecordListView(
            ctx, "participations",
            columns("participations", "campaign_id", "period", "unit_code", "collectives_count", "people_count",
                    "households_count", "note"),
            add_text=self.tr("Add participation"),
        )
        self.add_tab(self.registrations, self.tr("Registrations for titles"))
        self.add_tab(self.participations, self.tr("Participation in campaigns"))


def make(ctx: AppContext) -> QtWidgets.QWidget:
    return RegistrationsSection(ctx)


register_section("registrations", QT_TRANSLATE_NOOP("Sections", "Registration & participation"), make, order=40)
