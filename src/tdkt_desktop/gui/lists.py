"""A list screen for one table: search box (no tones), table, Add / Edit / Delete, and undo of a delete.

::

    view = RecordListView(ctx, "people", columns("people", "full_name", "position", person=["full_name"]))

Double-click or Enter edits, Ins or Ctrl+N adds, Delete asks once then deletes (a tombstone) and offers
"Hoàn tác" (Ctrl+Z) in the bar under the list. ``editor_fields``/``defaults`` shape the record editor;
pass ``open_editor`` to use a richer editor of your own: ``open_editor(record_id | None) -> QDialog``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.models import RecordTableModel
from tdkt_desktop.gui.open_editors import open_record
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from tdkt_desktop.gui.tables import Column, ElidedTips
from tdkt_desktop.gui.widgets import SearchBox, UndoBar, shortcut
from tdkt_desktop.store import fields as F


class RecordListView(QtWidgets.QWidget):
    selection_changed = Signal(object)  # the selected record id or None

    def __init__(
        self,
        ctx: AppContext,
        table: str,
        cols: Sequence[Column],
        *,
        filters: Mapping[str, Any] | None = None,
        editor_fields: Sequence[str] | None = None,
        defaults: Mapping[str, Any] | None = None,
        open_editor: Callable[[str | None], QtWidgets.QDialog] | None = None,
        add_text: str | None = None,
        read_only: bool = False,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.kind = F.KINDS[table]
        self.editor_fields = editor_fields
        self.defaults = dict(defaults or {})
        self._open_editor = open_editor
        self.setObjectName(f"list_{table}")
        self.model = RecordTableModel(ctx.reader, table, cols, jobs=ctx.jobs, filters=filters, parent=self)
        self.model.loaded.connect(self._loaded)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QtWidgets.QHBoxLayout()
        self.search_box = SearchBox(self)
        self.search_box.search.connect(self.model.set_search)
        bar.addWidget(self.search_box, 1)
        self.filters = QtWidgets.QHBoxLayout()
        bar.addLayout(self.filters)
        self.add_button = QtWidgets.QPushButton(add_text or self.tr("Add"), self)
        self.add_button.setObjectName("addButton")
        self.add_button.setToolTip(self.tr("Add a new record (Ctrl+N)"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected record (Enter)"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setToolTip(self.tr("Delete the selected record (Delete); it can be undone"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
            button.setVisible(not read_only)
        layout.addLayout(bar)

        self.view = QtWidgets.QTableView(self)
        self.view.setObjectName("recordTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        ElidedTips(self.view)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setMinimumWidth(36)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setResizeContentsPrecision(60)  # fit columns to the first rows only: cheap at 200 000 rows
        self._fitted = False
        self.view.activated.connect(lambda _i: self.edit_selected())  # a double-click or Enter
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        layout.addWidget(self.view, 1)

        foot = QtWidgets.QHBoxLayout()
        self.count_label = QtWidgets.QLabel(self)
        self.count_label.setObjectName("countLabel")
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        layout.addLayout(foot)
        self.undo_bar = UndoBar(self)
        layout.addWidget(self.undo_bar)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.read_only = read_only
        if not read_only:
            for keys, slot in (
                ("Ctrl+N", self.add),
                ("Ins", self.add),
                ("Ctrl+Z", self.undo_bar.undo),
            ):
                shortcut(keys, self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for keys, slot in (("Del", self.delete_selected), ("Return", self.edit_selected), ("Enter", self.edit_selected)):
                shortcut(keys, self.view, slot, Qt.ShortcutContext.WidgetShortcut)
        shortcut("Ctrl+F", self, self.focus_search, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._select_after_load: str | None = None
        self._selection()
        self.model.reload()

    # ------------------------------------------------------------------ state
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def refresh(self) -> None:
        self.model.reload()

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_id(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        else:
            self._select_after_load = record_id

    def _selection(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.selection_changed.emit(self.selected_id())

    def fit_columns(self) -> None:
        """Widths from the header and the first rows, each capped so that no column takes the whole table."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for i, col in enumerate(self.model.columns):
            if col.width:
                header.resizeSection(i, col.width * metrics.averageCharWidth())
                continue
            self.view.resizeColumnToContents(i)
            cap = metrics.averageCharWidth() * (36 if col.sort in ("person", "text") else 18)
            header.resizeSection(i, min(max(header.sectionSize(i), 70), cap))

    def _loaded(self) -> None:
        n = self.model.rowCount()
        if not self._fitted and n:
            self._fitted = True
            self.fit_columns()
        text = self.tr("%n record(s)", "", n)
        if self.model.query.search.strip():
            text = self.tr("%n record(s) match the search", "", n)
        self.count_label.setText(text)
        if self._select_after_load:
            record_id, self._select_after_load = self._select_after_load, None
            row = self.model.row_of(record_id)
            if row >= 0:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        self._selection()

    # ------------------------------------------------------------------ actions
    def editor(self, record_id: str | None) -> QtWidgets.QDialog:
        if self._open_editor is not None:
            return self._open_editor(record_id)
        return RecordEditor(self.ctx, self.table, record_id, fields=self.editor_fields, defaults=self.defaults, parent=self)

    def add(self) -> QtWidgets.QDialog | None:
        if self.read_only:
            return None
        dlg = self._follow(self.editor(None))
        dlg.open()
        return dlg

    def edit_selected(self) -> QtWidgets.QDialog | None:
        record_id = self.selected_id()
        if record_id is None or self.read_only:
            return None
        return open_record(self.ctx, self.table, record_id, lambda: self._follow(self.editor(record_id)))

    def _follow(self, dlg: QtWidgets.QDialog) -> QtWidgets.QDialog:
        if isinstance(dlg, RecordEditor):
            dlg.saved.connect(lambda row: self.select_id(row["id"]))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dlg

    def describe(self, record_id: str) -> str:
        row = self.ctx.reader.get(self.table, record_id)
        return str(row.get(self.kind.title_field) or "") if row else ""

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.read_only:
            return
        name = self.describe(record_id)
        question = self.tr("Delete %1 “%2”?\nYou can undo this right after.").replace(
            "%1", self.kind.label.lower()).replace("%2", name)
        if not dialogs.confirm(self, self.tr("Delete"), question):
            return
        table = self.table
        row = self.model.row_of(record_id)

        def done(_result: Any) -> None:
            message = self.tr("Deleted “%1”.").replace("%1", name)
            self.undo_bar.offer(message, lambda: self.restore(record_id))
            next_row = min(row, self.model.rowCount() - 1)
            if next_row >= 0:
                self.view.selectRow(next_row)

        self.ctx.jobs.run(lambda store, _p: store.delete(table, record_id), done=done,
                          title=self.tr("Deleting"), parent=self)

    def restore(self, record_id: str) -> None:
        table = self.table
        self._select_after_load = record_id
        self.ctx.jobs.run(lambda store, _p: store.restore(table, record_id),
                          title=self.tr("Undoing the delete"), parent=self)

    # ------------------------------------------------------------------ filters
    def add_filter(self, label: str, choices: Sequence[tuple[str, Any]], apply: Callable[[Any], None]) -> QtWidgets.QComboBox:
        """A combo in the top bar (e.g. the year); ``apply(value)`` usually calls ``model.set_filter``."""
        text = QtWidgets.QLabel(label, self)
        combo = QtWidgets.QComboBox(self)
        for shown, value in choices:
            combo.addItem(shown, value)
        combo.currentIndexChanged.connect(lambda i: apply(combo.itemData(i)))
        self.filters.addWidget(text)
        self.filters.addWidget(combo)
        return combo


def wait_loaded(view: RecordListView, timeout_ms: int = 5000) -> None:
    """Tests: let the background work finish and the model take its new rows."""
    view.ctx.jobs.wait_idle(timeout_ms)
    QtCore.QCoreApplication.processEvents()
