"""The conflict queue: a record edited in two places, both versions side by side, and a person's choice."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.models import display_value
from tdkt_desktop.gui.qt import Qt, QtWidgets, Signal
from tdkt_desktop.gui.sync_view.common import local_time, note_box
from tdkt_desktop.gui.sync_view.report import table_label
from tdkt_desktop.gui.sync_view.tables import Col, RowsModel, make_table, selected_row
from tdkt_desktop.store.fields import KINDS

Row = dict[str, Any]
DIFF_BG = "#fef3c7"


def record_title(conflict: Row) -> str:
    table = conflict["table_name"]
    kind = KINDS.get(table)
    for version in (conflict.get("held") or {}, conflict.get("incoming") or {}):
        if kind is not None and version.get(kind.title_field):
            return str(version[kind.title_field])
    return str(conflict.get("record_id") or "")


def _shown(table: str, name: str, value: Any) -> str:
    kind = KINDS.get(table)
    if kind is not None:
        try:
            return display_value(kind.field(name), value)
        except KeyError:
            pass
    return "" if value is None else str(value)


def compare_rows(conflict: Row, deleted_label: str, yes: str, no: str) -> list[Row]:
    """Field by field: label, the version held here, the received one, and whether they differ."""
    table = conflict["table_name"]
    held, incoming = conflict.get("held") or {}, conflict.get("incoming") or {}
    rows: list[Row] = []
    kind = KINDS.get(table)
    names = [f.name for f in kind.fields if f.kind != "json"] if kind else sorted(set(held) | set(incoming))
    for name in names:
        label = kind.field(name).label if kind else name
        a, b = held.get(name), incoming.get(name)
        rows.append({"label": label, "held": _shown(table, name, a), "incoming": _shown(table, name, b),
                     "differs": (a or None) != (b or None)})
    if held.get("deleted") or incoming.get("deleted"):
        a, b = bool(held.get("deleted")), bool(incoming.get("deleted"))
        rows.append({"label": deleted_label, "held": yes if a else no, "incoming": yes if b else no, "differs": a != b})
    return rows


class ConflictsView(QtWidgets.QWidget):
    """``resolve(conflict_id, choose)`` is emitted with ``"held"`` or ``"incoming"``; the page runs the job."""

    resolve = Signal(int, str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(note_box(self.tr(
            "The same record was changed here and at another unit. One version was applied by the fixed rule so "
            "that every unit holds the same; the other was kept here. Compare them and choose which one stays."
        ), self))
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        self.model = RowsModel([
            Col(self.tr("Kind of record"), lambda r: table_label(r["table_name"])),
            Col(self.tr("Record"), record_title),
            Col(self.tr("From unit"), lambda r: r.get("from_unit") or ""),
            Col(self.tr("Received"), lambda r: local_time(r.get("at"))),
        ], self)
        self.table = make_table(self.model, split, stretch=1)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(2, 90)
        split.addWidget(self.table)

        right = QtWidgets.QWidget(split)
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.in_force = QtWidgets.QLabel(right)
        self.in_force.setWordWrap(True)
        right_layout.addWidget(self.in_force)
        self.only_diff = QtWidgets.QCheckBox(self.tr("Show only the fields that differ"), right)
        self.only_diff.setChecked(False)
        self.only_diff.toggled.connect(lambda _c: self._show_selected())
        right_layout.addWidget(self.only_diff)
        bold_diff = True
        self.compare_model = RowsModel([
            Col(self.tr("Field"), lambda r: r["label"], background=self._diff_bg, bold=False),
            Col(self.tr("Version held here"), lambda r: r["held"], background=self._diff_bg, bold=bold_diff),
            Col(self.tr("Version received"), lambda r: r["incoming"], background=self._diff_bg, bold=bold_diff),
        ], right)
        self.compare = make_table(self.compare_model, right)
        self.compare.setColumnWidth(0, 170)
        self.compare.setColumnWidth(1, 240)
        self.compare.setWordWrap(True)
        self.compare.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        right_layout.addWidget(self.compare, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.keep_held = QtWidgets.QPushButton(self.tr("Keep the version held here"), right)
        self.take_incoming = QtWidgets.QPushButton(self.tr("Take the received version"), right)
        self.keep_held.clicked.connect(lambda: self._choose("held"))
        self.take_incoming.clicked.connect(lambda: self._choose("incoming"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_held)
        buttons.addWidget(self.take_incoming)
        right_layout.addLayout(buttons)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.empty = QtWidgets.QLabel(self.tr("No conflict waits for a decision."), self)
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self._show_selected()

    @staticmethod
    def _diff_bg(row: Row) -> str | None:
        return DIFF_BG if row.get("differs") else None

    def set_conflicts(self, conflicts: list[Row]) -> None:
        current = self.selected()
        self.model.set_rows(conflicts)
        self.empty.setVisible(not conflicts)
        if conflicts:
            index = 0
            if current is not None:
                index = next((i for i, c in enumerate(conflicts) if c["id"] == current["id"]), 0)
            self.table.selectRow(index)
        self._show_selected()

    def selected(self) -> Row | None:
        return self.model.row(selected_row(self.table))

    def _show_selected(self) -> None:
        conflict = self.selected()
        self.keep_held.setEnabled(conflict is not None)
        self.take_incoming.setEnabled(conflict is not None)
        if conflict is None:
            self.compare_model.set_rows([])
            self.in_force.setText("")
            return
        rows = compare_rows(conflict, self.tr("Deleted"), self.tr("yes"), self.tr("no"))
        if self.only_diff.isChecked():
            rows = [r for r in rows if r["differs"]]
        self.compare_model.set_rows(rows)
        self.compare.resizeRowsToContents()
        winner = (self.tr("the received version") if conflict.get("winner") == "incoming"
                  else self.tr("the version held here"))
        self.in_force.setText(
            self.tr("In force now: <b>%1</b>. Changed fields are highlighted.").replace("%1", winner)
        )

    def _choose(self, choose: str) -> None:
        conflict = self.selected()
        if conflict is not None:
            self.resolve.emit(int(conflict["id"]), choose)
