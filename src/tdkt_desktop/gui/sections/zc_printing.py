"""In ấn: preview, print and save the official documents; batches of a decision or a campaign."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section


def make(ctx: Any) -> QtWidgets.QWidget:
    # the printing package is loaded when the section is first shown
    from tdkt_desktop.gui.print_view.page import make_print_page

    return make_print_page(ctx)


register_section(
    "printing", QT_TRANSLATE_NOOP("Sections", "Printing"), make, order=90,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Preview, print and save the official documents"),
)
