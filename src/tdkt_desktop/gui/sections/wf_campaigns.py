"""Phong trào thi đua: campaigns with their launch documents and targets (replaces the basic list)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.workflow.campaigns_view import CampaignsView

    return CampaignsView(ctx)


register_section("campaigns", QT_TRANSLATE_NOOP("Sections", "Emulation campaigns"), make, order=20)
