"""Filling template text from the context dict.

Placeholders: ``{path}`` (dotted: ``{signer.name}``, ``{issuer.full}``), optionally with a filter
``{date|long_date}`` and a ``?`` for "may be empty" (``{note?}``). Filters: ``upper``, ``lower``, ``date``
(dd/mm/yyyy), ``long_date`` ("ngày 05 tháng 01 năm 2026"), ``number``, ``money``, ``percent``, ``num2``
(two digits, leading zero), ``count`` (number of items of a list, two digits). ``{{`` and ``}}`` are
literal braces. Template text may carry reportlab paragraph markup (``<b>``, ``<i>``); values never do —
they are escaped.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from tdkt_desktop.core.text import clean, format_date, format_money, format_number, long_date
from tdkt_desktop.printing.errors import MissingFieldError

__all__ = ["MISSING", "Filler", "format_value", "lookup", "markup"]

MISSING = object()
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][\w.]*)(\?)?(?:\|([a-z_0-9]+))?\}")


def lookup(context: Mapping[str, Any], path: str) -> Any:
    """``context["a"]["b"]`` for ``"a.b"``; :data:`MISSING` if any step is absent. List items by index."""
    value: Any = context
    for part in path.split("."):
        if isinstance(value, Mapping):
            if part not in value:
                return MISSING
            value = value[part]
        elif isinstance(value, (list, tuple)) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return MISSING
    return value


def is_empty(value: Any) -> bool:
    return value is MISSING or value is None or (isinstance(value, (str, list, tuple, dict)) and not value)


def _as_date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def _percent(value: Any) -> str:
    return f"{format_number(round(float(value), 2))}%"


def _num2(value: Any) -> str:
    if isinstance(value, (int, Decimal)) or (isinstance(value, str) and value.isdigit()):
        return f"{int(value):02d}"
    return str(value)


FILTERS: dict[str, Callable[[Any], str]] = {
    "upper": lambda v: clean(str(v)).upper(),
    "lower": lambda v: clean(str(v)).lower(),
    "date": lambda v: format_date(_as_date(v)),
    "long_date": lambda v: long_date(_as_date(v)),
    "number": lambda v: format_number(v),
    "money": lambda v: format_money(v),
    "percent": _percent,
    "num2": _num2,
    "count": lambda v: f"{len(v):02d}",
    "year": lambda v: str(_as_date(v).year),
}


def format_value(value: Any, how: str | None = None) -> str:
    """One value as printed text (before escaping)."""
    if how:
        try:
            return FILTERS[how](value)
        except KeyError:
            raise ValueError(f"unknown placeholder filter {how!r}") from None
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return str(value)  # years, counts, numbers in a register: as typed; ask for |number to group
    if isinstance(value, (float, Decimal)):
        return format_number(value)
    if isinstance(value, _dt.date):
        return format_date(value)
    return clean(str(value)) if "\n" not in str(value) else "\n".join(clean(s) for s in str(value).split("\n"))


def markup(text: str) -> str:
    """Plain text → paragraph markup (escaped, line breaks kept)."""
    return escape(text).replace("\n", "<br/>")


class Filler:
    """Resolves placeholders for one template: strict (missing → :class:`MissingFieldError`) unless lenient."""

    def __init__(self, template_name: str, labels: Callable[[str], str | None]) -> None:
        self.template_name = template_name
        self.labels = labels

    def missing(self, path: str) -> MissingFieldError:
        return MissingFieldError(path, template=self.template_name, label=self.labels(path))

    def value(self, path: str, *scopes: Mapping[str, Any], required: bool = True) -> Any:
        for scope in scopes:
            value = lookup(scope, path)
            if value is not MISSING:
                if required and is_empty(value):
                    raise self.missing(path)
                return value
        if required:
            raise self.missing(path)
        return None

    def fill(self, text: str, *scopes: Mapping[str, Any], lenient: bool = False, escape_values: bool = True) -> str:
        """Replace every placeholder in ``text``; values are escaped for paragraph markup by default."""

        def sub(m: re.Match[str]) -> str:
            whole = m.group(0)
            if whole == "{{":
                return "{"
            if whole == "}}":
                return "}"
            path, optional, how = m.group(1), m.group(2), m.group(3)
            value = self.value(path, *scopes, required=not (optional or lenient))
            if is_empty(value):
                return ""
            out = format_value(value, how)
            return markup(out) if escape_values else out

        return _PLACEHOLDER.sub(sub, text)
