"""Small helpers shared by the Đồng bộ widgets."""

from __future__ import annotations

import datetime as _dt

from tdkt_desktop.gui.qt import Qt, QtGui, QtWidgets

MONO_FAMILIES = ["Consolas", "DejaVu Sans Mono", "Liberation Mono", "Courier New", "monospace"]


def local_time(value: str | None) -> str:
    """``2026-11-23T04:55:34Z`` → ``23/11/2026 11:55`` (local time)."""
    if not value:
        return ""
    try:
        moment = _dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def fingerprint_label(text: str, parent: QtWidgets.QWidget | None = None, *, point_size: int = 22) -> QtWidgets.QLabel:
    """A fingerprint in large monospace type, groups spaced apart, selectable (to read aloud on the phone)."""
    label = QtWidgets.QLabel(parent)
    label.setObjectName("fingerprint")
    font = QtGui.QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QtGui.QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    set_fingerprint(label, text)
    return label


def set_fingerprint(label: QtWidgets.QLabel, text: str) -> None:
    shown = "  ".join(text.split("-")) if text else "…"
    label.setText(shown)
    label.setAccessibleName(text)
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(shown) + 40)


def framed(parent: QtWidgets.QWidget | None, name: str = "card") -> tuple[QtWidgets.QFrame, QtWidgets.QVBoxLayout]:
    frame = QtWidgets.QFrame(parent)
    frame.setObjectName(name)
    layout = QtWidgets.QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 10)
    return frame, layout


def warning_box(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setObjectName("warningBox")
    label.setWordWrap(True)
    return label


def note_box(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setObjectName("noteBox")
    label.setWordWrap(True)
    return label
