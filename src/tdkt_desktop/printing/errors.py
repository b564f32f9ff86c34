"""Errors of the printing engine. ``str(err)`` is a Vietnamese message meant for the person printing."""

from __future__ import annotations

from tdkt_desktop.core.text import InputError

__all__ = ["FontError", "MissingFieldError", "PrintError", "TemplateError"]


class PrintError(InputError):
    """A document could not be printed. The message says, in Vietnamese, what to do (a user-facing error)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FontError(PrintError):
    """No font with complete Vietnamese coverage is installed."""


class TemplateError(PrintError):
    """A template file in forms/ is malformed, or no template applies on the requested date."""


class MissingFieldError(PrintError):
    """The context lacks a field the template needs. ``field`` is its dotted path, ``label`` its Vietnamese name."""

    def __init__(self, field: str, *, template: str, label: str | None = None) -> None:
        what = f"“{label}” ({field})" if label else f"“{field}”"
        super().__init__(f"Thiếu thông tin {what} để in mẫu “{template}”. Hãy nhập đủ thông tin này rồi in lại.")
        self.field = field
        self.label = label
        self.template = template
