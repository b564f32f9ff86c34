"""Quy định: the rules in force on a date (titles, who decides, criteria, vote, money, dossier), each with
its source — read-only."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.rules_view import RulesView

    return RulesView(ctx)


register_section(
    "rules", QT_TRANSLATE_NOOP("Sections", "Regulations"), make, order=95,
    tooltip=QT_TRANSLATE_NOOP("Sections", "The rules in force on a date, each with its legal source"),
)
