"""In ấn: preview, print and save the official documents; batches of a decision or a campaign."""

from __future__ import annotations

from tdkt_desktop.gui.print_view.page import make_print_page
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP
from tdkt_desktop.gui.registry import register_section

register_section(
    "printing", QT_TRANSLATE_NOOP("Sections", "Printing"), make_print_page, order=90,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Preview, print and save the official documents"),
)
