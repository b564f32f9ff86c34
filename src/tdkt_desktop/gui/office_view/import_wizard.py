"""Nhập từ Excel: choose the .xlsx and what it holds → the column mapping (proposed automatically, editable)
→ the values of coded columns that no vocabulary knows ("Khen thưởng đặc biệt", an award name not in the
catalogue), each mapped to one that is — remembered for lists of the same layout → a preview with every
row's errors highlighted, the legacy-encoding conversions, and the rows that seem
to be people or collectives already in the registry (per row: link to the existing record or create a new
one) → confirm (nothing is written before) → what was written.

Reading and writing run on a worker (``excel.importer.preview_import`` / ``apply_import``)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets
from tdkt_desktop.gui.tables import Column, RowsModel, fit_columns, selected_rows, table_view
from tdkt_desktop.gui.widgets import fit_to_screen

Row = dict[str, Any]
SKIP = "__skip__"


def _preview(store: Any, path: str, kind: str, mapping: dict[str, str | None] | None, year: int | None,
             value_map: dict[str, dict[str, str]] | None = None) -> Row:
    from tdkt_desktop.excel.errors import MappingNeeded
    from tdkt_desktop.excel.importer import preview_import

    try:
        return {"preview": preview_import(store, path, kind, mapping or None, year=year, value_map=value_map)}
    except MappingNeeded as exc:
        return {"needs": {"message": str(exc), "headers": exc.headers, "proposal": exc.proposal}}


def _apply(store: Any, preview: Any, accept_errors: bool, decisions: dict[int, str]) -> Any:
    from tdkt_desktop.excel.importer import apply_import

    return apply_import(store, preview, accept_errors=accept_errors, decisions=decisions)


FILE, COLUMNS, VALUES, ROWS, DONE = range(5)
UNMAPPED = "__unmapped__"


class ImportWizard(QtWidgets.QDialog):

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None, *, kind: str | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        from tdkt_desktop.excel.importer import AWARD_LISTS, IMPORT_FIELDS, IMPORT_KINDS

        self.ctx = ctx
        self.fields = IMPORT_FIELDS
        self.award_lists = AWARD_LISTS  # lists of awards by name: the year applies
        self.preview: Any = None
        self.result: Any = None
        self.headers: dict[str, str] = {}
        self.mapping: dict[str, str | None] = {}
        self.value_map: dict[str, dict[str, str]] = {}
        self.value_combos: dict[tuple[str, str], QtWidgets.QComboBox] = {}
        self.decisions: dict[int, str] = {}
        self.setWindowTitle(self.tr("Import from Excel"))
        fit_to_screen(self, 980, 640)
        layout = QtWidgets.QVBoxLayout(self)
        self.steps = QtWidgets.QLabel(self)
        self.steps.setObjectName("subheading")
        layout.addWidget(self.steps)
        self.stack = QtWidgets.QStackedWidget(self)
        layout.addWidget(self.stack, 1)

        # 1. file and kind
        p1 = QtWidgets.QWidget(self.stack)
        f1 = QtWidgets.QFormLayout(p1)
        row = QtWidgets.QHBoxLayout()
        self.path = QtWidgets.QLineEdit(p1)
        self.path.setPlaceholderText(self.tr("The .xlsx file to read"))
        browse = QtWidgets.QPushButton(self.tr("Choose…"), p1)
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        f1.addRow(self.tr("File"), row)
        self.kind = QtWidgets.QComboBox(p1)
        labels = {"people": self.tr("People (cá nhân)"), "nominations": self.tr("Award nominations (provincial layout and the like)"),
                  "collectives": self.tr("Collectives (tập thể)"), "households": self.tr("Households (hộ gia đình)"),
                  "award_history": self.tr("Awards already received (khen thưởng đã nhận)")}
        for k in IMPORT_KINDS:
            self.kind.addItem(labels.get(k, k), k)
        if kind:
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        f1.addRow(self.tr("The file holds"), self.kind)
        self.year = QtWidgets.QSpinBox(p1)
        self.year.setRange(2000, 2100)
        self.year.setValue(_dt.date.today().year)
        self.year.setToolTip(self.tr("Used when the file has no “Năm” column"))
        f1.addRow(self.tr("Year of the nominations"), self.year)
        hint = QtWidgets.QLabel(self.tr("Title rows above the header are fine; old TCVN3 / VNI text is converted to "
                                        "Unicode. Nothing is written until you confirm on the last step."), p1)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        f1.addRow(hint)
        self.stack.addWidget(p1)

        # 2. mapping
        p2 = QtWidgets.QWidget(self.stack)
        l2 = QtWidgets.QVBoxLayout(p2)
        self.map_message = QtWidgets.QLabel(p2)
        self.map_message.setWordWrap(True)
        l2.addWidget(self.map_message)
        scroll = QtWidgets.QScrollArea(p2)
        scroll.setWidgetResizable(True)
        self.map_box = QtWidgets.QWidget(scroll)
        self.map_grid = QtWidgets.QGridLayout(self.map_box)
        self.map_grid.setColumnStretch(1, 1)
        self.map_grid.setColumnStretch(2, 1)
        scroll.setWidget(self.map_box)
        l2.addWidget(scroll, 1)
        self.combos: dict[str, QtWidgets.QComboBox] = {}
        self.stack.addWidget(p2)

        # 3. values no vocabulary knows
        pv = QtWidgets.QWidget(self.stack)
        lv = QtWidgets.QVBoxLayout(pv)
        self.values_message = QtWidgets.QLabel(pv)
        self.values_message.setWordWrap(True)
        lv.addWidget(self.values_message)
        vscroll = QtWidgets.QScrollArea(pv)
        vscroll.setWidgetResizable(True)
        self.values_box = QtWidgets.QWidget(vscroll)
        self.values_grid = QtWidgets.QGridLayout(self.values_box)
        self.values_grid.setColumnStretch(1, 1)
        self.values_grid.setColumnStretch(3, 1)
        vscroll.setWidget(self.values_box)
        lv.addWidget(vscroll, 1)
        self.stack.addWidget(pv)

        # 4. preview
        p3 = QtWidgets.QWidget(self.stack)
        l3 = QtWidgets.QVBoxLayout(p3)
        self.summary = QtWidgets.QLabel(p3)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("subheading")
        l3.addWidget(self.summary)
        self.notes = QtWidgets.QLabel(p3)
        self.notes.setWordWrap(True)
        self.notes.setObjectName("hint")
        l3.addWidget(self.notes)
        self.rows_model = RowsModel([
            Column(self.tr("Row"), "row", "int", text=str),
            Column(self.tr("Name"), "name"),
            Column(self.tr("What to do"), "action_text"),
            Column(self.tr("Problems"), "problems", foreground=lambda r: "error" if r["bad"] else "muted"),
            Column(self.tr("Already in the registry?"), "duplicate"),
            Column(self.tr("Details"), "details"),
        ], self)
        self.rows_view = table_view(self.rows_model, p3, multi=True)
        self.rows_view.setWordWrap(True)
        l3.addWidget(self.rows_view, 1)
        act = QtWidgets.QHBoxLayout()
        act.addWidget(QtWidgets.QLabel(self.tr("Selected rows:"), p3))
        self.link_button = QtWidgets.QPushButton(self.tr("Link to the existing record"), p3)
        self.create_button = QtWidgets.QPushButton(self.tr("Create a new record"), p3)
        self.skip_button = QtWidgets.QPushButton(self.tr("Skip"), p3)
        for b, action in ((self.link_button, "link"), (self.create_button, "create"), (self.skip_button, "skip")):
            b.clicked.connect(lambda _c=False, a=action: self.set_selected_action(a))
            act.addWidget(b)
        act.addStretch(1)
        l3.addLayout(act)
        self.skip_bad = QtWidgets.QCheckBox(self.tr("Skip the rows with errors and import only the good rows"), p3)
        l3.addWidget(self.skip_bad)
        self.stack.addWidget(p3)

        # 4. result
        p4 = QtWidgets.QWidget(self.stack)
        l4 = QtWidgets.QVBoxLayout(p4)
        self.result_text = QtWidgets.QLabel(p4)
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        l4.addWidget(self.result_text, 1)
        self.stack.addWidget(p4)

        buttons = QtWidgets.QHBoxLayout()
        self.error = QtWidgets.QLabel(self)
        self.error.setWordWrap(True)
        palette.set_tone(self.error, "error")
        buttons.addWidget(self.error, 1)
        self.back_button = QtWidgets.QPushButton(self.tr("Back"), self)
        self.next_button = QtWidgets.QPushButton(self.tr("Next"), self)
        self.next_button.setDefault(True)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"), self)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_step)
        self.cancel_button.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.busy = False
        self._kind_changed()
        self._show_step(0)

    # ------------------------------------------------------------------ steps
    def _show_step(self, i: int) -> None:
        self.stack.setCurrentIndex(i)
        names = [self.tr("1. File"), self.tr("2. Columns"), self.tr("3. Values"), self.tr("4. Check the rows"),
                 self.tr("5. Done")]
        self.steps.setText("   ›   ".join(f"<b>{n}</b>" if j == i else n for j, n in enumerate(names)))
        self.back_button.setEnabled(FILE < i < DONE)
        self.next_button.setText(self.tr("Import") if i == ROWS else (self.tr("Close") if i == DONE else self.tr("Next")))
        self.cancel_button.setVisible(i < DONE)
        self.error.clear()

    def step(self) -> int:
        return self.stack.currentIndex()

    def _kind_changed(self) -> None:
        self.year.setEnabled(self.kind.currentData() in self.award_lists)
        self.mapping = {}
        self.value_map = {}

    def browse(self) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("Choose the Excel file"),
                                                         self.path.text(), self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.path.setText(path)

    def set_file(self, path: str | Path, kind: str, year: int | None = None) -> None:
        self.path.setText(str(path))
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if year is not None:
            self.year.setValue(year)

    def back(self) -> None:
        i = self.step()
        if i == ROWS and not self.value_combos:
            self._show_step(COLUMNS)
        elif FILE < i < DONE:
            self._show_step(i - 1)

    def next_step(self) -> None:
        if self.busy:
            return
        i = self.step()
        if i == FILE:
            if not self.path.text().strip():
                self.error.setText(self.tr("Choose the file first."))
                return
            self.mapping = {}
            self.value_map = {}
            self._run_preview(then=COLUMNS)
        elif i == COLUMNS:
            self.mapping = self.current_mapping()
            self._run_preview(then=VALUES)
        elif i == VALUES:
            self.value_map = self.current_value_map()
            self._run_preview(then=ROWS)
        elif i == ROWS:
            self._apply()
        else:
            self.accept()

    # ------------------------------------------------------------------ preview
    def _run_preview(self, then: int) -> None:
        path, kind = self.path.text().strip(), self.kind.currentData()
        year = self.year.value() if kind in self.award_lists else None
        mapping = dict(self.mapping)
        value_map = {k: dict(v) for k, v in self.value_map.items()}
        self.busy = True
        self.ctx.jobs.run(lambda store, _p: _preview(store, path, kind, mapping, year, value_map),
                          done=lambda r: self._previewed(r, then), failed=self._failed,
                          title=self.tr("Reading the file"), parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.error.setText(str(exc))

    def _previewed(self, result: Row, then: int) -> None:
        self.busy = False
        if "needs" in result:
            needs = result["needs"]
            self.preview = None
            self.headers = dict(needs["headers"])
            self._fill_mapping(needs["proposal"], {})
            self.map_message.setText(needs["message"])
            palette.set_tone(self.map_message, "error")
            self._show_step(COLUMNS)
            return
        self.preview = result["preview"]
        self.headers = {c.letter: c.header for c in self.preview.columns}
        if then == COLUMNS:
            self._fill_mapping(self.preview.mapping, {c.letter: c.score for c in self.preview.columns})
            self.map_message.setText(self.tr("Sheet “%1”, header on row %2. Check how each column is read; change it "
                                             "where needed.").replace("%1", self.preview.sheet)
                                     .replace("%2", str(self.preview.header_row)))
            palette.set_tone(self.map_message, None)
            self._show_step(COLUMNS)
        elif then == VALUES and self.preview.unknown:
            self._fill_values()
            self._show_step(VALUES)
        else:
            self.value_combos = {} if then == VALUES else self.value_combos
            self.decisions = {}
            self._fill_preview()
            self._show_step(ROWS)

    def _fill_mapping(self, proposal: dict[str, str | None], scores: dict[str, Any]) -> None:
        while self.map_grid.count():
            item = self.map_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = {}
        for j, text in enumerate((self.tr("Column"), self.tr("Header in the file"), self.tr("Read as"), self.tr("Match"))):
            label = QtWidgets.QLabel(f"<b>{text}</b>", self.map_box)
            self.map_grid.addWidget(label, 0, j)
        fields = self.fields[self.kind.currentData()]
        for i, (letter, header) in enumerate(sorted(self.headers.items(), key=lambda kv: (len(kv[0]), kv[0])), 1):
            self.map_grid.addWidget(QtWidgets.QLabel(letter, self.map_box), i, 0)
            head = QtWidgets.QLabel(header or self.tr("(empty)"), self.map_box)
            head.setWordWrap(True)
            self.map_grid.addWidget(head, i, 1)
            combo = QtWidgets.QComboBox(self.map_box)
            combo.addItem(self.tr("— not used —"), SKIP)
            for f in fields:
                if f.kind != "skip":
                    combo.addItem(f.label + (" *" if f.required else ""), f.name)
            chosen = proposal.get(letter)
            idx = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(idx, 0))
            self.combos[letter] = combo
            self.map_grid.addWidget(combo, i, 2)
            score = scores.get(letter)
            self.map_grid.addWidget(QtWidgets.QLabel(f"{round(score * 100)} %" if score else "", self.map_box), i, 3)
        self.map_grid.setRowStretch(len(self.headers) + 1, 1)

    def _fill_values(self) -> None:
        """One row per value no vocabulary knows: the column, the value as written, its rows, what it means."""
        from tdkt_desktop.excel import vocabulary as vocab

        while self.values_grid.count():
            item = self.values_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.value_combos = {}
        p = self.preview
        fields = {f.name: f for f in self.fields[p.kind]}
        heads = (self.tr("Column"), self.tr("Value in the file"), self.tr("Rows"), self.tr("Read as"))
        for j, text in enumerate(heads):
            self.values_grid.addWidget(QtWidgets.QLabel(f"<b>{text}</b>", self.values_box), 0, j)
        line = 1
        strict = 0
        for name, values in p.unknown.items():
            f = fields[name]
            column = next((c for c in p.columns if c.field == name), None)
            lenient = f.kind in vocab.LENIENT_KINDS
            for text, rows in values.items():
                where = f"{column.letter} “{column.header}”" if column else f.label
                self.values_grid.addWidget(QtWidgets.QLabel(where, self.values_box), line, 0)
                value = QtWidgets.QLabel(f"“{text}”", self.values_box)
                value.setWordWrap(True)
                self.values_grid.addWidget(value, line, 1)
                shown = ", ".join(map(str, rows[:10])) + ("…" if len(rows) > 10 else "")
                self.values_grid.addWidget(QtWidgets.QLabel(shown, self.values_box), line, 2)
                combo = QtWidgets.QComboBox(self.values_box)
                if not lenient:
                    combo.addItem(self.tr("— not mapped: the rows stay in error —"), UNMAPPED)
                    strict += 1
                for target, label in vocab.choices(f.kind):
                    combo.addItem(label, target)
                self.value_combos[(name, text)] = combo
                self.values_grid.addWidget(combo, line, 3)
                line += 1
        self.values_grid.setRowStretch(line, 1)
        message = self.tr("%1 value(s) are not in the lists of this program. Choose what each one means; the choice "
                          "is remembered for files of the same layout.").replace("%1", str(len(self.value_combos)))
        if strict:
            message += " " + self.tr("Rows whose value is not mapped cannot be imported.")
        self.values_message.setText(message)

    def current_value_map(self) -> dict[str, dict[str, str]]:
        out = {k: dict(v) for k, v in self.value_map.items()}
        for (name, text), combo in self.value_combos.items():
            target = combo.currentData()
            if target != UNMAPPED:
                out.setdefault(name, {})[text] = target
        return out

    def set_value_mapping(self, field: str, text: str, target: str) -> None:
        """Choose what a value of the file means, as a person would (tests)."""
        combo = self.value_combos[(field, text)]
        combo.setCurrentIndex(max(combo.findData(target), 0))

    def current_mapping(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for letter, combo in self.combos.items():
            value = combo.currentData()
            out[letter] = None if value == SKIP else value
        return out

    def set_mapping(self, letter: str, field: str | None) -> None:
        combo = self.combos[letter]
        combo.setCurrentIndex(max(combo.findData(field if field else SKIP), 0))

    def _fill_preview(self) -> None:
        from tdkt_desktop.excel.importer import _NAME_FIELD  # the name field of each kind

        p = self.preview
        name_field = _NAME_FIELD[p.kind]
        rows = []
        for r in p.rows:
            v = r.values
            details = []
            if p.kind in self.award_lists:
                if v.get("title"):
                    details.append(self.ctx.naming.title(v["title"]))
                if r.subject_kind:
                    details.append(SubjectKind(r.subject_kind).label.lower())
            for key in ("position", "workplace", "birth_date", "address"):
                if v.get(key):
                    details.append(v[key].strftime("%d/%m/%Y") if isinstance(v[key], _dt.date) else str(v[key]))
            problems = [f"{e.column}: {e.message}" if e.column else e.message for e in r.errors]
            problems += [f"{w.column}: {w.message}" if w.column else w.message for w in r.warnings]
            rows.append({
                "row": r.row, "name": v.get(name_field) or "", "details": " · ".join(d for d in details if d),
                "problems": "; ".join(problems), "bad": not r.ok,
                "duplicate": r.duplicate.describe() if r.duplicate else "",
                "action": r.action, "has_duplicate": r.duplicate is not None,
                "_bg": "error-bg" if not r.ok else ("warn-bg" if r.duplicate else None),
            })
        self.preview_rows = rows
        self._refresh_actions()
        fit_columns(self.rows_view, 240)
        self.rows_view.resizeRowsToContents()
        s = p.summary()
        self.summary.setText(self.tr("%1 row(s): %2 good, %3 with errors, %4 seem to be already in the registry.")
                             .replace("%1", str(s["rows"])).replace("%2", str(s["good"]))
                             .replace("%3", str(s["bad"])).replace("%4", str(s["duplicates"])))
        self.notes.setText("\n".join(p.notes) if p.notes else self.tr("No text conversion was needed."))
        self.skip_bad.setEnabled(bool(s["bad"]))
        self.skip_bad.setChecked(False)

    def _action_text(self, r: Row) -> str:
        if r["bad"]:
            return self.tr("not imported (error)")
        action = str(self.decisions.get(r["row"], r["action"]))
        return {"link": self.tr("link to the existing record"), "create": self.tr("create new"),
                "skip": self.tr("skip")}.get(action, action)

    def _refresh_actions(self) -> None:
        for r in self.preview_rows:
            r["action_text"] = self._action_text(r)
        self.rows_model.set_rows(self.preview_rows)

    def set_action(self, row_number: int, action: str) -> None:
        """Per-row choice for a row of the file: "link", "create" or "skip"."""
        self.decisions[int(row_number)] = action
        self._refresh_actions()

    def set_selected_action(self, action: str) -> None:
        for i in selected_rows(self.rows_view):
            r = self.preview_rows[i]
            if r["bad"] or (action == "link" and not r["has_duplicate"]):
                continue
            self.decisions[r["row"]] = action
        keep = selected_rows(self.rows_view)
        self._refresh_actions()
        for i in keep:
            self.rows_view.selectionModel().select(
                self.rows_model.index(i, 0),
                QtCore.QItemSelectionModel.SelectionFlag.Select | QtCore.QItemSelectionModel.SelectionFlag.Rows)

    # ------------------------------------------------------------------ apply
    def _apply(self) -> None:
        if self.preview is None:
            return
        preview, accept, decisions = self.preview, self.skip_bad.isChecked(), dict(self.decisions)
        self.busy = True
        self.ctx.jobs.run(lambda store, _p: _apply(store, preview, accept, decisions), done=self._applied,
                          failed=self._failed,
                          title=self.tr("Importing"), parent=self)

    def _applied(self, result: Any) -> None:
        self.busy = False
        self.result = result
        self.result_text.setText(result.report())
        self._show_step(DONE)


def open_import_wizard(ctx: Any, parent: QtWidgets.QWidget | None = None, *, kind: str | None = None) -> ImportWizard:
    """Open the wizard (non-modal); other sections may call this."""
    wizard = ImportWizard(ctx, parent, kind=kind)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
