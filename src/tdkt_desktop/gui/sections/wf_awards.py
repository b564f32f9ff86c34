"""Khen thưởng: nominations with eligibility and dossier, council votes, decisions (replaces the basic tabs)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.workflow.awards_view import AwardsView

    return AwardsView(ctx)


register_section(
    "awards", QT_TRANSLATE_NOOP("Sections", "Awards"), make, order=50,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Nominations, council meetings, decisions"),
)
