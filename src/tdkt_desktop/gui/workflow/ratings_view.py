"""Xếp loại chất lượng: one grid per year, every collective and person of the unit, one rating each.

Entered from the keyboard: on a row, type a few letters of the rating's words ("xs", "xuat sac", "tot",
"khong") or its number (1 xuất sắc … 4 không hoàn thành) and the rating is set; Enter goes to the next row,
Delete clears. A double click opens a list. "Copy last year's" fills the empty ratings with the year before's.
Changes are kept on screen (marked) until "Save" writes them all at once on a worker
(``store.ratings.save_ratings``); the bar under the grid then offers to undo the save.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import fold, format_number
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.qt import ModelIndex, Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.gui.tables import Column, RowsModel, table_view
from tdkt_desktop.gui.widgets import SearchBox, UndoBar, hint, shortcut
from tdkt_desktop.gui.workflow.common import enum_label
from tdkt_desktop.store import freshness
from tdkt_desktop.store.ratings import rating_sheet, save_ratings

Row = dict[str, Any]
RATINGS = list(m.Rating)  # best first: the digits 1…4
EDITED = ("rating", "discipline")


def match_rating(typed: str) -> m.Rating | None:
    """The rating whose distinctive words (or their initials) start with what was typed, tones ignored: "xs",
    "xuat sac", "tot", "khong", "ht"/"hoan thanh" (plain "Hoàn thành nhiệm vụ"), or its number 1…4."""
    text = fold(typed).strip()
    if not text:
        return None
    if text.isdigit():
        n = int(text)
        return RATINGS[n - 1] if 1 <= n <= len(RATINGS) else None
    compact = text.replace(" ", "")
    for rating in RATINGS:
        words = fold(rating.label).split()
        distinctive = [w for w in words if w not in ("hoan", "thanh", "nhiem", "vu")] or words
        initials = "".join(w[0] for w in distinctive)
        phrase = "".join(distinctive)
        if initials.startswith(compact) or phrase.startswith(compact):
            return rating
    return None


class RatingsModel(RowsModel):
    """The sheet's lines; the rating and discipline columns edit the line (marked as changed)."""

    edited = Signal()

    def __init__(self, columns: list[Column], parent: QtCore.QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.saved: dict[tuple[str, str], Row] = {}

    def set_rows(self, rows: Any) -> None:
        super().set_rows([dict(r) for r in rows])
        self.saved = {(r["subject_kind"], r["subject_id"]): {k: r[k] for k in EDITED} for r in self.rows}

    def col(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in EDITED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.EditRole:
            return self.rows[index.row()].get(str(self.columns[index.column()].key))
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.columns[index.column()].key if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or key not in EDITED:
            return False
        return self.set_value(index.row(), str(key), value)

    def set_value(self, row: int, key: str, value: Any) -> bool:
        line = self.rows[row]
        if key == "discipline" and not value:
            value = m.Discipline.NONE.value
        if line.get(key) == value:
            return False
        line[key] = value
        line["_bg"] = "warn-bg" if self.is_changed(line) else None
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit()
        return True

    def is_changed(self, line: Row) -> bool:
        return self.saved.get((line["subject_kind"], line["subject_id"])) != {k: line[k] for k in EDITED}

    def mark_saved(self) -> None:
        """What is shown is now what is stored."""
        self.saved = {(r["subject_kind"], r["subject_id"]): {k: r[k] for k in EDITED} for r in self.rows}
        for line in self.rows:
            line["_bg"] = None
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def changes(self) -> list[Row]:
        """The changed lines as store.ratings.save_ratings takes them, each with the revision it showed."""
        return [{**{k: line[k] for k in ("subject_kind", "subject_id", "rating", "discipline", "under_review", "note")},
                 "rev": line.get("rating_rev")}
                for line in self.rows if self.is_changed(line)]


class ChoiceDelegate(QtWidgets.QStyledItemDelegate):
    """A list of an enum's labels for the rating and discipline cells (the mouse's way in)."""

    def __init__(self, enum: type[m.LabelledEnum], blank: str | None, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.enum = enum
        self.blank = blank

    def createEditor(self, parent: QtWidgets.QWidget, option: Any, index: ModelIndex) -> QtWidgets.QWidget:
        combo = QtWidgets.QComboBox(parent)
        if self.blank is not None:
            combo.addItem(self.blank, None)
        for member in self.enum:
            combo.addItem(member.label, member.value)
        return combo

    def setEditorData(self, editor: QtWidgets.QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QtWidgets.QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QtWidgets.QWidget, model: QtCore.QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QtWidgets.QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RatingsTable(QtWidgets.QTableView):
    """Type-ahead of the rating's words on the current row; Enter moves down; Delete clears."""

    def __init__(self, model: RatingsModel, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.ratings = model
        self.typed = ""
        self.reset_typed = QtCore.QTimer(self)
        self.reset_typed.setSingleShot(True)
        self.reset_typed.setInterval(1200)
        self.reset_typed.timeout.connect(self._forget)

    def _forget(self) -> None:
        self.typed = ""

    def currentChanged(self, current: ModelIndex, previous: ModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.row() != previous.row():
            self.typed = ""  # what was typed on another row is not the start of this one's

    def _row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def move_down(self) -> None:
        row = self._row()
        if row + 1 < self.ratings.rowCount():
            self.setCurrentIndex(self.ratings.index(row + 1, self.ratings.col("rating")))
        self.typed = ""

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        row = self._row()
        key = event.key()
        if self.state() == QtWidgets.QAbstractItemView.State.EditingState or row < 0:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_down()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.typed:
            self.ratings.set_value(row, "rating", None)
            return
        if key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
            return
        text = event.text()
        if text and (text.isalnum() or (text == " " and self.typed)) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if text.isdigit():  # a number is a whole answer: set, then the next row
                found = match_rating(text)
                if found is not None:
                    self.ratings.set_value(row, "rating", found.value)
                self.move_down()
                return
            self.typed += text
            self.reset_typed.start()
            found = match_rating(self.typed)
            if found is not None:
                self.ratings.set_value(row, "rating", found.value)
            return
        super().keyPressEvent(event)


class RatingsView(QtWidgets.QWidget):
    """The year's grid with its year, search, copy, save and undo."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ratingsView")
        self.stale_dialog: QtWidgets.QDialog | None = None
        self._year = _dt.date.today().year - 1  # ratings are made at the year's end: last year's by default
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QtWidgets.QHBoxLayout()
        bar.addWidget(QtWidgets.QLabel(self.tr("Year:"), self))
        self.year = QtWidgets.QSpinBox(self)
        self.year.setObjectName("ratingYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(self._year)
        self.year.setKeyboardTracking(False)
        bar.addWidget(self.year)
        self.search_box = SearchBox(self)
        bar.addWidget(self.search_box, 1)
        self.copy_button = QtWidgets.QPushButton(self.tr("Copy last year's"), self)
        self.copy_button.setObjectName("copyLastYear")
        self.copy_button.setToolTip(self.tr("Fill the empty ratings with the ratings of the year before"))
        self.save_button = QtWidgets.QPushButton(self.tr("Save ratings"), self)
        self.save_button.setObjectName("saveRatings")
        self.save_button.setToolTip(self.tr("Save every changed rating (Ctrl+S)"))
        bar.addWidget(self.copy_button)
        bar.addWidget(self.save_button)
        lay.addLayout(bar)
        lay.addWidget(hint(self.tr(
            "On a row, type the first letters of the rating (xs, tot, ht, khong) or its number 1–4; Enter goes "
            "to the next row, Delete clears. Double-click for a list."), self))

        none = self.tr("(not rated)")
        self.model = RatingsModel([
            Column(self.tr("Name"), "name", bold=False),
            Column(self.tr("Subject"), "subject_kind", text=lambda v: enum_label(m.SubjectKind, v)),
            Column(self.tr("Position or kind"), "detail",
                   text=lambda v: enum_label(m.UnitLevel, v) if v in m.UnitLevel._value2member_map_ else str(v or "")),
            Column(self.tr("Rating"), "rating", text=lambda v: enum_label(m.Rating, v) if v else none,
                   foreground=lambda r: None if r.get("rating") else "muted"),
            Column(self.tr("Discipline"), "discipline", text=lambda v: enum_label(m.Discipline, v or "none")),
            Column(self.tr("Year before"), "last_rating", text=lambda v: enum_label(m.Rating, v) if v else ""),
        ], self)
        self.table = RatingsTable(self.model, self)
        self.table.setObjectName("ratingsTable")
        table_view(self.model, view=self.table, editable=True, numbered=True)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                                   | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegateForColumn(self.model.col("rating"), ChoiceDelegate(m.Rating, none, self.table))
        self.table.setItemDelegateForColumn(self.model.col("discipline"), ChoiceDelegate(m.Discipline, None, self.table))
        lay.addWidget(self.table, 1)
        foot = QtWidgets.QHBoxLayout()
        self.count_label = QtWidgets.QLabel(self)
        self.count_label.setObjectName("countLabel")
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        lay.addLayout(foot)
        self.undo_bar = UndoBar(self)
        lay.addWidget(self.undo_bar)

        self.year.valueChanged.connect(self._year_changed)
        self.search_box.search.connect(self._filter)
        self.copy_button.clicked.connect(self.copy_last_year)
        self.save_button.clicked.connect(self.save)
        self.model.edited.connect(self._counts)
        shortcut("Ctrl+S", self, self.save, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut("Ctrl+Z", self, self.undo_bar.undo, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.jobs.data_changed.connect(self._data_changed)
        self._fitted = False
        self.reload()

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        year = self._year

        def done(lines: list[Row]) -> None:
            if year != self._year:
                return
            current = self.model.row(self.table.currentIndex().row())
            self.model.set_rows(lines)
            if current is not None:
                key = (current["subject_kind"], current["subject_id"])
                at = next((i for i, r in enumerate(lines) if (r["subject_kind"], r["subject_id"]) == key), -1)
                if at >= 0:
                    self.table.setCurrentIndex(self.model.index(at, self.model.col("rating")))
            self._filter(self.search_box.text())
            if not self._fitted and lines:
                self._fitted = True
                self.table.resizeColumnsToContents()
                header = self.table.horizontalHeader()
                metrics = self.table.fontMetrics()
                for i in range(self.model.columnCount()):
                    header.resizeSection(i, min(max(header.sectionSize(i), 90), metrics.averageCharWidth() * 34))
            if lines and not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, self.model.col("rating")))
            self._counts()
            self.loaded.emit()

        self.ctx.jobs.run(lambda store, _p: rating_sheet(store, year), done=done, parent=self)

    def refresh(self) -> None:
        if not self.model.changes():
            self.reload()

    def _data_changed(self, table: str) -> None:
        if table in ("ratings", "people", "collectives") and not self.model.changes():
            self.reload()

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for i, line in enumerate(self.model.rows):
            body = fold(f"{line['name']} {line['detail']}")
            self.table.setRowHidden(i, not all(w in body for w in words))

    def _counts(self) -> None:
        rows = self.model.rows
        rated = sum(1 for r in rows if r.get("rating"))
        changed = len(self.model.changes())
        text = self.tr("%1 of %2 rated").replace("%1", format_number(rated)).replace("%2", format_number(len(rows)))
        if changed:
            text += " · " + self.tr("%n change(s) not saved", "", changed)
        self.count_label.setText(text)
        self.save_button.setEnabled(bool(changed))

    def _year_changed(self, year: int) -> None:
        if year == self._year:
            return
        if not self.can_close():
            self.year.blockSignals(True)
            self.year.setValue(self._year)
            self.year.blockSignals(False)
            return
        self._year = year
        self.model.set_rows([])
        self.reload()

    # ------------------------------------------------------------------ actions
    def copy_last_year(self) -> int:
        """Fill each empty rating with last year's; the number filled."""
        n = 0
        for i, line in enumerate(self.model.rows):
            if not line.get("rating") and line.get("last_rating"):
                n += self.model.set_value(i, "rating", line["last_rating"])
        if not n:
            dialogs.inform(self, self.tr("Copy last year's"),
                           self.tr("There is nothing to copy: every rating is filled, or %1 has none.")
                           .replace("%1", str(self._year - 1)))
        return n

    def save(self) -> None:
        lines = self.model.changes()
        if not lines:
            return
        year = self._year
        self.save_button.setEnabled(False)

        def done(before: list[Row]) -> None:
            self.model.mark_saved()
            self._counts()
            self.saved.emit()
            if before:
                message = self.tr("Saved %n rating(s) of %1.", "", len(lines)).replace("%1", str(year))
                self.undo_bar.offer(message, lambda: self._undo(year, before))

        def failed(exc: BaseException) -> None:
            self._counts()
            if isinstance(exc, freshness.StaleRecord):
                self._ask_stale(exc)
            else:
                dialogs.warn(self, self.tr("Ratings not saved"), str(exc))

        self.ctx.jobs.run(lambda store, _p: save_ratings(store, year, lines), done=done, failed=failed,
                          title=self.tr("Saving the ratings"), parent=self)

    def _ask_stale(self, exc: freshness.StaleRecord) -> None:
        """A rating changed since the grid showed it: what changed, and the choice (nothing saved yet)."""
        from tdkt_desktop.gui.stale import OVERWRITE, RELOAD, StaleDialog

        current = exc.current
        subject = str(current["subject_id"]) if current else exc.record_id
        line = next((r for r in self.model.rows if r["subject_id"] == subject), None)
        if line is None:
            return
        key = (line["subject_kind"], line["subject_id"])
        loaded = {**self.model.saved.get(key, {}), "subject_id": subject} if line.get("rating_rev") else {}
        mine = {k: line[k] for k in EDITED}
        dlg = StaleDialog(exc, freshness.changes_between("ratings", loaded, current, mine), self, can_overwrite=True)

        def chosen(answer: str) -> None:
            self.stale_dialog = None
            if answer == OVERWRITE:
                line["rating_rev"] = current.get("rev") if current else None
                self.save()
            elif answer == RELOAD:
                self.model.set_rows([])
                self.reload()

        dlg.chosen.connect(chosen)
        self.stale_dialog = dlg
        dlg.open()

    def _undo(self, year: int, before: list[Row]) -> None:
        # the grid reads the sheet again when the job's changes are announced (data_changed)
        self.ctx.jobs.run(lambda store, _p: save_ratings(store, year, before),
                          title=self.tr("Undoing the save"), parent=self)

    def can_close(self) -> bool:
        if not self.model.changes():
            return True
        answer = dialogs.save_discard_cancel(
            self, self.tr("Unsaved ratings"), self.tr("Some ratings of %1 are not saved. Save them?")
            .replace("%1", str(self._year)))
        if answer == "save":
            self.save()
            self.ctx.jobs.wait_idle(10_000)
            return not self.model.changes()
        return answer == "discard"

    def focus_search(self) -> None:
        self.search_box.setFocus()
