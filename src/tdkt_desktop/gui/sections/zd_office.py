"""Tổng hợp cấp trên: appraisal, decisions, consolidation, reports and Excel for an installation with units
below it (a province's Sở Nội vụ, a district office, a commune consolidating its schools and hamlets)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.store import installation


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.office_view.page import make_office_page  # loaded when first shown

    return make_office_page(ctx)


def has_units_below(ctx: Any) -> bool:
    return installation.has_units_below(ctx.reader)


register_section(
    "office", QT_TRANSLATE_NOOP("Sections", "Upper office"), make, order=55,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Appraise nominations, issue decisions, consolidate the units' results, reports"),
    visible=has_units_below,
)
