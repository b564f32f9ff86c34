"""Đồng bộ: keys and enrolment, sending and receiving bundles, the import report, conflicts, held bundles."""

from __future__ import annotations

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.sync_view.page import make_sync_page

register_section(
    "sync", QT_TRANSLATE_NOOP("Sections", "Synchronisation"), make_sync_page, order=80,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Send and receive bundle files, enrol units, resolve conflicts"),
)
