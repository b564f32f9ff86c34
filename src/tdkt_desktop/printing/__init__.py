"""Printing: the official documents of forms/ rendered to PDF per NĐ 30/2020 (reportlab; no Qt here).

    from tdkt_desktop.printing import render
    info = render("to_trinh", context, "to_trinh.pdf")

See ``docs/printing.md`` for the template format and the context each template reads.
"""

from __future__ import annotations

from tdkt_desktop.printing.errors import FontError, MissingFieldError, PrintError, TemplateError
from tdkt_desktop.printing.fonts import find_font_set, register_fonts
from tdkt_desktop.printing.renderer import RenderInfo, render, render_bytes
from tdkt_desktop.printing.templates import Template, list_templates, reload_templates, template_for

__all__ = [
    "FontError",
    "MissingFieldError",
    "PrintError",
    "RenderInfo",
    "Template",
    "TemplateError",
    "find_font_set",
    "list_templates",
    "register_fonts",
    "reload_templates",
    "render",
    "render_bytes",
    "template_for",
]
