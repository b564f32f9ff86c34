"""Tổng quan: the workflow overview replaces the basic one (same key)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.workflow.dashboard import DashboardView

    return DashboardView(ctx)


register_section("overview", QT_TRANSLATE_NOOP("Sections", "Overview"), make, order=10)
