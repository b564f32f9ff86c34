"""Đồng bộ: keys and enrolment, sending and receiving bundles, the import report, conflicts, held bundles."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.sync_view.page import make_sync_page  # bundles and keys: loaded when first shown

    return make_sync_page(ctx)


register_section(
    "sync", QT_TRANSLATE_NOOP("Sections", "Synchronisation"), make, order=80,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Send and receive bundle files, enrol units, resolve conflicts"),
)
