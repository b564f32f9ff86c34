"""The application's colours, named once in the stylesheet (``resources/styles/app.qss``).

The stylesheet opens with ``@name: #rrggbb;`` lines; :func:`stylesheet` gives it to Qt with each ``@name``
replaced, and the code asks for the same colours by name — :func:`brush` for a table cell, :func:`colour`
for a chart. A label that changes tone (an error, a passed check) gets :func:`set_tone`, styled by the
stylesheet's ``[tone="…"]`` rules. No colour is written anywhere else in the code.
"""

from __future__ import annotations

import re
from functools import cache

from tdkt_desktop.core.models import AttainmentStatus, NominationStatus
from tdkt_desktop.gui.qt import QtGui, QtWidgets
from tdkt_desktop.paths import resources_dir

_VARIABLE = re.compile(r"^@([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;\s*$", re.MULTILINE)
_USE = re.compile(r"@([a-z0-9-]+)\b")

# Attainment of a target: text and soft background on the results grid, the overview's chart.
ATTAINMENT_TEXT = {
    AttainmentStatus.NO_DATA: "hint",
    AttainmentStatus.NOT_REACHED: "error",
    AttainmentStatus.REACHED: "ok",
    AttainmentStatus.EXCEEDED: "accent",
    AttainmentStatus.IN_PROGRESS: "warn",
}
ATTAINMENT_FILL = {
    AttainmentStatus.NO_DATA: "neutral-bg",
    AttainmentStatus.NOT_REACHED: "error-bg",
    AttainmentStatus.REACHED: "ok-bg",
    AttainmentStatus.EXCEEDED: "blue-bg",
    AttainmentStatus.IN_PROGRESS: "warn-bg",
}
# A nomination's status: a light fill in lists, a strong colour in the chart.
NOMINATION_FILL = {
    NominationStatus.DRAFT.value: "neutral-bg",
    NominationStatus.SUBMITTED.value: "warn-bg",
    NominationStatus.RECEIVED.value: "indigo-bg",
    NominationStatus.APPRAISED.value: "blue-bg",
    NominationStatus.APPROVED.value: "ok-bg",
    NominationStatus.RETURNED.value: "orange-bg",
    NominationStatus.REJECTED.value: "error-bg",
    NominationStatus.DECIDED.value: "grey-bg",
}
NOMINATION_CHART = {s.value: f"chart-{s.value}" for s in NominationStatus}


def _source() -> str:
    path = resources_dir() / "styles" / "app.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@cache
def colours() -> dict[str, str]:
    """Every named colour: name → ``#rrggbb``."""
    return {m.group(1): m.group(2).lower() for m in _VARIABLE.finditer(_source())}


def colour(name: str) -> str:
    """The ``#rrggbb`` of a named colour (a ``#rrggbb`` given is returned as it is)."""
    if name.startswith("#"):
        return name
    return colours()[name]


def brush(name: str) -> QtGui.QBrush:
    return QtGui.QBrush(QtGui.QColor(colour(name)))


def qcolor(name: str) -> QtGui.QColor:
    return QtGui.QColor(colour(name))


def stylesheet() -> str:
    """The stylesheet as Qt reads it: the colour lines removed, each ``@name`` replaced by its colour."""
    named = colours()
    body = _VARIABLE.sub("", _source())
    return _USE.sub(lambda m: named.get(m.group(1), m.group(0)), body)


def set_tone(widget: QtWidgets.QWidget, tone: str | None) -> None:
    """Give a label its tone ("error", "ok", "warn", "muted", "text"; ``None``: none); the stylesheet colours it."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
