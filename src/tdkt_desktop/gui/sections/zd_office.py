"""Tổng hợp cấp trên: appraisal, decisions, consolidation, reports and Excel for an installation with units
below it (a province's Sở Nội vụ, a district office, a commune consolidating its schools and hamlets)."""

from __future__ import annotations

from tdkt_desktop.gui.office_view.page import make_office_page
from tdkt_desktop.gui.office_view.work import has_units_below
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP
from tdkt_desktop.gui.registry import register_section

register_section(
    "office", QT_TRANSLATE_NOOP("Sections", "Upper office"), make_office_page, order=55,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Appraise nominations, issue decisions, consolidate the units' results, reports"),
    visible=lambda ctx: has_units_below(ctx.reader),
)
