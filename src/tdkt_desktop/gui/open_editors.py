"""One editor per record: opening a record whose editor is already open raises that editor.

Every list opens its records through :func:`open_record`, keyed by (table, record id), so a double-click
(which Qt also reports as an activation), Enter, a button and a link elsewhere all reach the same window. A new
record (no id yet) always gets an editor of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from tdkt_desktop.gui.qt import QtWidgets

D = TypeVar("D", bound=QtWidgets.QDialog)

_open: dict[tuple[int, str, str], QtWidgets.QDialog] = {}


def _alive(dialog: QtWidgets.QDialog) -> bool:
    try:
        return dialog.isVisible()
    except RuntimeError:  # the C++ object is gone
        return False


def open_editor_of(ctx: Any, table: str, record_id: str) -> QtWidgets.QDialog | None:
    """The editor open on this record, if any."""
    dialog = _open.get((id(ctx), table, record_id))
    if dialog is not None and not _alive(dialog):
        _open.pop((id(ctx), table, record_id), None)
        return None
    return dialog


def open_record(ctx: Any, table: str, record_id: str | None, make: Callable[[], D]) -> D:
    """Show the editor of ``record_id`` in ``table``: the one already open (raised and focused), else the
    one ``make()`` builds (opened window-modal). ``None`` opens a new record's editor."""
    if record_id:
        existing = open_editor_of(ctx, table, record_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return cast(D, existing)
    dialog = make()
    if record_id:
        key = (id(ctx), table, record_id)
        _open[key] = dialog

        def forget(*_args: Any) -> None:
            if _open.get(key) is dialog:
                del _open[key]

        dialog.finished.connect(forget)
        dialog.destroyed.connect(forget)
    dialog.open()
    return dialog
