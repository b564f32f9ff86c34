"""The review queue: a value not applied (one field written at two places, or an edit of a nomination the upper
office had already decided), both values side by side, and a person's choice — which travels and closes the
item on both sides."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core.naming import Naming
from tdkt_desktop.gui.models import display_value
from tdkt_desktop.gui.qt import Qt, QtWidgets, Signal
from tdkt_desktop.gui.sync_view.common import local_time, note_box
from tdkt_desktop.gui.sync_view.report import table_label
from tdkt_desktop.gui.tables import Column, RowsModel, selected_row, table_view
from tdkt_desktop.store.fields import KINDS

Row = dict[str, Any]


def shown_value(item: Row, key: str, yes: str, no: str, naming: Naming) -> str:
    """One of the two values of a queued item (``"kept"`` or ``"other"``) as a person reads it (an award in
    the installation's ``naming``)."""
    table, name, value = item["table_name"], item["field_name"], item.get(key)
    if name == "deleted":
        return yes if value else no
    kind = KINDS.get(table)
    if kind is not None:
        try:
            return display_value(kind.field(name), value, naming)
        except KeyError:
            pass
    return "" if value is None else str(value)


class ConflictsView(QtWidgets.QWidget):
    """``resolve(review_id, choose)`` is emitted with ``"kept"`` or ``"other"``; the page runs the job."""

    resolve = Signal(str, str)

    def __init__(self, naming: Naming, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.naming = naming  # how the installation names the awards in the values compared
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(note_box(self.tr(
            "A value was not applied: the same field was changed here and at another place, or a unit changed a "
            "nomination its upper office had already decided. The value of the side with authority is in force on "
            "every side; the other waits here. Keep the value in force, or apply the other one (only a unit with "
            "authority over that field can). Your choice is sent with the next bundle and closes the item there too."
        ), self))
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        self.model = RowsModel([
            Column(self.tr("Kind of record"), lambda r: table_label(r["table_name"])),
            Column(self.tr("Record"), lambda r: str(r.get("record_title") or "")),
            Column(self.tr("Field"), lambda r: str(r.get("field_label") or "")),
            Column(self.tr("Not applied, written by"), lambda r: str(r.get("other_unit") or "")),
            Column(self.tr("Queued"), lambda r: local_time(r.get("created_at"))),
        ], self)
        self.table = table_view(self.model, split, stretch=1)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(2, 150)
        split.addWidget(self.table)

        right = QtWidgets.QWidget(split)
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.reason = QtWidgets.QLabel(right)
        self.reason.setWordWrap(True)
        right_layout.addWidget(self.reason)
        self.compare_model = RowsModel([
            Column(self.tr("Value"), lambda r: r["label"], bold=True),
            Column(self.tr("Content"), lambda r: r["value"], background=lambda r: "warn-bg" if r.get("other") else None),
            Column(self.tr("Written by"), lambda r: r["unit"]),
        ], right)
        self.compare = table_view(self.compare_model, right, stretch=1)
        self.compare.setColumnWidth(0, 190)
        self.compare.setWordWrap(True)
        self.compare.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        right_layout.addWidget(self.compare, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.keep_held = QtWidgets.QPushButton(self.tr("Keep the value in force"), right)
        self.take_incoming = QtWidgets.QPushButton(self.tr("Apply the other value"), right)
        self.keep_held.clicked.connect(lambda: self._choose("kept"))
        self.take_incoming.clicked.connect(lambda: self._choose("other"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_held)
        buttons.addWidget(self.take_incoming)
        right_layout.addLayout(buttons)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.empty = QtWidgets.QLabel(self.tr("No value waits for a decision."), self)
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self._show_selected()

    def set_conflicts(self, items: list[Row]) -> None:
        current = self.selected()
        self.model.set_rows(items)
        self.empty.setVisible(not items)
        if items:
            index = 0
            if current is not None:
                index = next((i for i, c in enumerate(items) if c["id"] == current["id"]), 0)
            self.table.selectRow(index)
        self._show_selected()

    def selected(self) -> Row | None:
        return self.model.row(selected_row(self.table))

    def _show_selected(self) -> None:
        item = self.selected()
        self.keep_held.setEnabled(item is not None)
        self.take_incoming.setEnabled(item is not None)
        if item is None:
            self.compare_model.set_rows([])
            self.reason.setText("")
            return
        yes, no = self.tr("yes"), self.tr("no")
        self.compare_model.set_rows([
            {"label": self.tr("In force"), "value": shown_value(item, "kept", yes, no, self.naming),
             "unit": str(item.get("kept_unit") or ""), "other": False},
            {"label": self.tr("Not applied"), "value": shown_value(item, "other", yes, no, self.naming),
             "unit": str(item.get("other_unit") or ""), "other": True},
        ])
        self.compare.resizeRowsToContents()
        self.reason.setText(self.tr("<b>%1</b> of %2 “%3”: %4.")
                            .replace("%1", str(item.get("field_label") or ""))
                            .replace("%2", table_label(item["table_name"]).lower())
                            .replace("%3", str(item.get("record_title") or ""))
                            .replace("%4", str(item.get("reason_text") or "")))

    def _choose(self, choose: str) -> None:
        item = self.selected()
        if item is not None:
            self.resolve.emit(str(item["id"]), choose)
