"""Chỉ tiêu & kết quả: the results grid with live attainment (replaces the basic list)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.workflow.results_view import ResultsView

    return ResultsView(ctx)


register_section("targets", QT_TRANSLATE_NOOP("Sections", "Targets & results"), make, order=30)
