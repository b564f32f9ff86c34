"""Đơn vị: the unit tree — this unit, its upper office, and its sub-units (schools, hamlets, offices…)."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import fold
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.open_editors import open_record
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, Qt, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SearchBox, SectionPage, UndoBar
from tdkt_desktop.store.installation import known_units

LEVEL_LABELS = {level.value: level.label for level in m.UnitLevel}


class UnitsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Units"),
            self.tr("This unit, its upper office and the units under it. Sub-units (schools, hamlets, offices) "
                    "register, report results and are nominated like any collective."),
            parent,
        )
        self.ctx = ctx
        bar = QtWidgets.QHBoxLayout()
        self.search_box = SearchBox(self)
        self.search_box.search.connect(lambda _t: self._fill())
        bar.addWidget(self.search_box, 1)
        self.add_button = QtWidgets.QPushButton(self.tr("Add sub-unit"), self)
        self.add_button.setObjectName("addButton")
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit"), self)
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete"), self)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        box = QtWidgets.QWidget(self)
        box.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.add(box, 0)
        self.tree = QtWidgets.QTreeWidget(self)
        self.tree.setObjectName("unitTree")
        self.tree.setHeaderLabels([self.tr("Unit"), self.tr("Code"), self.tr("Kind"), self.tr("Emulation cluster")])
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 120)
        self.tree.setColumnWidth(2, 260)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.tree.itemSelectionChanged.connect(self._selection)
        self.add(self.tree, 1)
        self.undo_bar = UndoBar(self)
        self.add(self.undo_bar, 0)
        self.add_button.clicked.connect(self.add_sub_unit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self._rows: list[dict[str, Any]] = []
        ctx.jobs.data_changed.connect(lambda t: self.refresh() if t == "units" else None)
        self._selection()
        self.refresh()

    def refresh(self) -> None:
        self.ctx.jobs.run(lambda store, _p: known_units(store), done=self._loaded)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self._fill()

    def _fill(self) -> None:
        query = fold(self.search_box.text())
        self.tree.clear()
        by_code = {r["code"]: r for r in self._rows}
        items: dict[str, QtWidgets.QTreeWidgetItem] = {}

        def item_for(row: dict[str, Any]) -> QtWidgets.QTreeWidgetItem:
            if row["code"] in items:
                return items[row["code"]]
            parent_row = by_code.get(row.get("parent_code") or "")
            parent = item_for(parent_row) if parent_row and parent_row["code"] != row["code"] else None
            values = [row["name"], row["code"], LEVEL_LABELS.get(row["level"], row["level"]), row.get("cluster") or ""]
            item = QtWidgets.QTreeWidgetItem(parent or self.tree, values)
            item.setData(0, Qt.ItemDataRole.UserRole, row["id"])
            if row["code"] == self.ctx.unit_code:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            items[row["code"]] = item
            return item

        for row in self._rows:
            if not query or query in fold(f"{row['name']} {row['code']}"):
                item_for(row)
        self.tree.expandAll()
        self._selection()

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item and item.isSelected() else None

    def _selection(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add_sub_unit(self) -> RecordEditor:
        chosen = self.selected_id()
        selected = self.ctx.reader.get("units", chosen) if chosen else None
        parent_code = selected["code"] if selected else self.ctx.unit_code
        editor = RecordEditor(self.ctx, "units", defaults={"parent_code": parent_code, "level": "school"}, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def edit_selected(self) -> RecordEditor | None:
        record_id = self.selected_id()
        if not record_id:
            return None
        def make() -> RecordEditor:
            editor = RecordEditor(self.ctx, "units", record_id, parent=self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            return editor

        return open_record(self.ctx, "units", record_id, make)

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        row = self.ctx.reader.get("units", record_id) if record_id else None
        if row is None:
            return
        if row["code"] == self.ctx.unit_code:
            dialogs.warn(self, self.tr("Delete"), self.tr("This is the unit of this installation; it cannot be deleted."))
            return
        question = self.tr("Delete the unit “%1”?\nYou can undo this right after.").replace("%1", row["name"])
        if not dialogs.confirm(self, self.tr("Delete"), question):
            return
        name = row["name"]

        def done(_r: Any) -> None:
            self.undo_bar.offer(self.tr("Deleted “%1”.").replace("%1", name), lambda: self.ctx.jobs.run(
                lambda store, _p: store.restore("units", row["id"]), parent=self))

        self.ctx.jobs.run(lambda store, _p: store.delete("units", row["id"]), done=done, parent=self)


register_section("units", QT_TRANSLATE_NOOP("Sections", "Units"), UnitsSection, order=70)
