"""The generic record editor, built from ``store.fields.KINDS``.

``RecordEditor(ctx, "people")`` adds a person; ``RecordEditor(ctx, "people", record_id=…)`` edits one.
Validation as the person types (each field's message beside it; required fields marked with *), Enter
saves, Esc cancels, natural Tab order, people and units complete as you type (no tones needed), and
closing with unsaved changes asks. Saving runs on a worker (``ctx.jobs``); on success ``saved(row)`` is
emitted, ``data_changed(table)`` follows, and the dialog closes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.rules import allowed_titles, ruleset_for
from tdkt_desktop.core.text import InputError
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.inputs import ChoiceInput, FieldInput, MembersInput, RefInput, make_input
from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.gui.widgets import fit_to_screen, shortcut
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import freshness
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.lookups import REF_TABLES, UNIT_FIELDS, label_of, lookup

# Fields the generic editor leaves out: bookkeeping kept by dedicated screens.
HIDDEN_KINDS = ("json",)


def default_values(ctx: AppContext, table: str) -> dict[str, Any]:
    """Sensible starting values for a new record: this unit, this year, today."""
    kind = F.KINDS[table]
    names = {f.name for f in kind.fields}
    out: dict[str, Any] = {}
    unit = ctx.unit_code
    for name in ("unit_code", "issued_by", "issuer_unit"):
        if name in names and unit:
            out[name] = unit
    if "year" in names:
        out["year"] = _dt.date.today().year
    if "subject_kind" in names:
        out["subject_kind"] = "person"
    if "registered_on" in names:
        out["registered_on"] = _dt.date.today().isoformat()
    return out


class RecordEditor(QtWidgets.QDialog):
    saved = Signal(dict)

    def __init__(
        self,
        ctx: AppContext,
        table: str,
        record_id: str | None = None,
        *,
        fields: Sequence[str] | None = None,
        defaults: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.kind = F.KINDS[table]
        self.record_id = record_id
        self.setObjectName(f"editor_{table}")
        self.stored: dict[str, Any] | None = ctx.reader.get(table, record_id) if record_id else None
        if record_id and self.stored is None:
            raise InputError(self.tr("This record no longer exists (it may have been deleted)."))
        title = self.tr("Edit: %1") if record_id else self.tr("Add: %1")
        self.setWindowTitle(title.replace("%1", self.kind.label.lower()))
        names = list(fields) if fields else [f.name for f in self.kind.fields if f.kind not in HIDDEN_KINDS]
        self.specs = [self.kind.field(n) for n in names]
        self.inputs: dict[str, FieldInput] = {}
        self.errors: dict[str, QtWidgets.QLabel] = {}
        self._touched: set[str] = set()
        self._show_required = False
        self._saving = False
        self._closing_ok = False
        self._ref_names: dict[str, dict[str, str]] = {}
        self._expected_rev: str | None = self.stored.get("rev") if self.stored else None
        self._pending: dict[str, Any] = {}
        self.stale_dialog: QtWidgets.QDialog | None = None
        self._build(labels or {})
        self.defaults = dict(defaults or {})
        start = dict(self.stored) if self.stored else {**default_values(ctx, table), **self.defaults}
        for name, widget in self.inputs.items():
            if name in start:
                widget.set_stored(start[name])
        self._load_ref_labels(start)
        self._offer_titles_for_kind()
        self._initial = self._snapshot()
        for name, widget in self.inputs.items():
            widget.changed.connect(lambda n=name: self._on_changed(n))
        first = self.inputs[self.specs[0].name].widget if self.specs else None
        if first is not None:
            first.setFocus()

    # ------------------------------------------------------------------ building
    def _build(self, labels: Mapping[str, str]) -> None:
        outer = QtWidgets.QVBoxLayout(self)
        note = QtWidgets.QLabel(self.tr("Fields marked * are required. Dates as dd/mm/yyyy, decimals with a comma (7,5)."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        outer.addWidget(note)
        scroll = QtWidgets.QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        body = QtWidgets.QWidget(scroll)
        form = QtWidgets.QFormLayout(body)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.DontWrapRows)
        for spec in self.specs:
            widget = make_input(spec, body, naming=self.ctx.naming)
            self.inputs[spec.name] = widget
            text = labels.get(spec.name) or self._field_label(spec)
            label = QtWidgets.QLabel(text + (" *" if spec.required else ""), body)
            label.setContentsMargins(0, 5, 0, 0)  # level with the first line of the input
            if spec.required:
                label.setObjectName("requiredLabel")
            label.setBuddy(widget.widget)
            error = QtWidgets.QLabel(body)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            self.errors[spec.name] = error
            cell = QtWidgets.QWidget(body)
            box = QtWidgets.QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget.widget)
            box.addWidget(error)
            form.addRow(label, cell)
            if isinstance(widget, RefInput):
                self._wire_ref(spec, widget)
            elif isinstance(widget, MembersInput):
                self._load_member_choices(widget)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.form_error = QtWidgets.QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        outer.addWidget(self.form_error)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Save (Enter)"))
        self.save_button.setDefault(True)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        outer.addWidget(buttons)
        shortcut("Ctrl+Return", self, self.save)
        shortcut("Ctrl+S", self, self.save)
        rows = len(self.specs)
        wide = any(isinstance(w, MembersInput) for w in self.inputs.values())
        fit_to_screen(self, 860 if wide else 620, min(140 + rows * 46 + (150 if wide else 0), 720))

    def _offer_titles_for_kind(self) -> None:
        """A registration's title list offers only the titles given to that kind (an individual is
        never offered a collective title) in the rules in force at the end of the year chosen."""
        titles, kind = self.inputs.get("title_code"), self.inputs.get("subject_kind")
        if self.table != "registrations" or not isinstance(titles, ChoiceInput) or kind is None:
            return
        try:
            subject_kind = SubjectKind(str(kind.raw() or ""))
        except ValueError:
            return
        year_input = self.inputs.get("year")
        try:
            year = int(year_input.raw()) if year_input is not None and year_input.raw() else _dt.date.today().year
            entries = allowed_titles(ruleset_for(_dt.date(year, 12, 31)), subject_kind)
        except (ValueError, TypeError, InputError):
            return
        titles.set_choices([(self.ctx.naming.title(e.code), e.code) for e in entries])

    def _field_label(self, spec: F.Field) -> str:
        if spec.name == "subject_id":
            return self.tr("Collective, person or household")
        return spec.label

    def _ref_table(self, spec: F.Field) -> str | None:
        if spec.name in UNIT_FIELDS:
            return "units"
        if spec.name == "subject_id":
            kind = self.inputs.get("subject_kind")
            value = kind.raw() if kind is not None else "person"
            try:
                return SubjectKind(str(value or SubjectKind.PERSON.value)).table
            except ValueError:
                return SubjectKind.PERSON.table
        return REF_TABLES.get(spec.name)

    def _wire_ref(self, spec: F.Field, widget: RefInput) -> None:
        timer = QtCore.QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(150)
        timer.timeout.connect(lambda: self._lookup(spec, widget))
        widget.edit.textEdited.connect(lambda _t: timer.start())
        widget.picked = lambda label, value: self._picked(spec, value)
        if spec.name in UNIT_FIELDS:
            self._lookup(spec, widget)  # units: a short list, load it whole

    def _load_member_choices(self, widget: MembersInput) -> None:
        from tdkt_desktop.store.covenants import member_choices

        self.ctx.jobs.run(lambda store, _p: member_choices(store), done=widget.set_choices, parent=self)

    def _lookup(self, spec: F.Field, widget: RefInput) -> None:
        table = self._ref_table(spec)
        if table is None:
            return
        query = "" if table == "units" else widget.text()

        def done(choices: list[tuple[str, str, str]]) -> None:
            self._ref_names[spec.name] = {value: name for _, value, name in choices}
            widget.set_choices([(label, value) for label, value, _ in choices])
            if widget.edit.hasFocus() and choices and table != "units":
                widget.completer.complete()

        self.ctx.jobs.run(lambda store, _p: lookup(store, table, query), done=done, parent=self)

    def _load_ref_labels(self, values: Mapping[str, Any]) -> None:
        for spec in self.specs:
            widget = self.inputs[spec.name]
            value = values.get(spec.name)
            if isinstance(widget, RefInput) and value and spec.name not in UNIT_FIELDS:
                table = self._ref_table(spec)
                choice = label_of(self.ctx.reader, table, str(value)) if table else None
                if choice is not None:
                    widget.set_choices([(choice[0], choice[1])])
                    self._ref_names[spec.name] = {choice[1]: choice[2]}

    def _picked(self, spec: F.Field, value: str) -> None:
        # choosing the subject fills in its name (the name stays editable)
        if spec.name == "subject_id" and "subject_name" in self.inputs:
            name = self._ref_names.get(spec.name, {}).get(value)
            if name:
                self.inputs["subject_name"].set_text(name)

    # ------------------------------------------------------------------ state
    def _snapshot(self) -> dict[str, Any]:
        return {name: widget.text() for name, widget in self.inputs.items()}

    @property
    def dirty(self) -> bool:
        return self._snapshot() != self._initial

    def input(self, name: str) -> FieldInput:
        return self.inputs[name]

    def set_text(self, name: str, text: str) -> None:
        """Type ``text`` into a field (tests; paste)."""
        self.inputs[name].set_text(text)
        self._touched.add(name)
        self._validate_field(name)

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""

    # ------------------------------------------------------------------ validation
    def _on_changed(self, name: str) -> None:
        self._touched.add(name)
        self._validate_field(name)
        if not self.form_error.isHidden():  # the form's message stands only while the form is still wrong
            try:
                F.normalise(self.table, self._complete_values(), partial=self.record_id is not None)
            except InputError as err:
                if self._error_field(err) is None:
                    self._show_form_error(str(err))
            else:
                self._show_form_error("")
        if name == "subject_kind" and "subject_id" in self.inputs:
            self.inputs["subject_id"].set_stored(None)
        if name in ("subject_kind", "year"):
            self._offer_titles_for_kind()
        if name == "code" and "award_name" in self.inputs and not self.inputs["award_name"].text().strip():
            code = self.inputs["code"].raw()
            if code:  # a title chosen from the catalogue names the award, until a name is typed
                self.inputs["award_name"].set_text(self.ctx.naming.title(str(code)))

    def _validate_field(self, name: str) -> str:
        widget = self.inputs[name]
        spec = widget.spec
        message = ""
        raw = widget.raw()
        if isinstance(widget, RefInput) and widget.unmatched():
            message = self.tr("%1: choose one of the suggestions (type a few letters).").replace(
                "%1", self._field_label(spec)
            )
        else:
            empty = raw is None or (isinstance(raw, str) and not raw.strip())
            if empty and spec.required and not (self._show_required or name in self._touched):
                message = ""
            else:
                try:
                    F.normalise(self.table, {name: raw}, partial=True)
                except InputError as err:
                    message = str(err)
        self._show_error(name, message)
        return message

    def _show_error(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))
        widget = self.inputs[name].widget
        widget.setProperty("invalid", bool(message))
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def values(self) -> dict[str, Any]:
        return {name: widget.raw() for name, widget in self.inputs.items()}

    def validate(self) -> bool:
        self._show_required = True
        first_bad = None
        for spec in self.specs:
            if self._validate_field(spec.name) and first_bad is None:
                first_bad = spec.name
        if first_bad is None:
            try:
                F.normalise(self.table, self._complete_values(), partial=self.record_id is not None)
            except InputError as err:
                first_bad = self._error_field(err) or ""
                if first_bad in self.inputs:
                    self._show_error(first_bad, str(err))
                else:
                    self._show_form_error(str(err))
        if first_bad:
            self.inputs[first_bad].widget.setFocus()
        return first_bad is None

    def _complete_values(self) -> dict[str, Any]:
        values = self.values()
        if self.record_id is None:
            # required fields not shown in this editor come from the defaults, if any
            for spec in self.kind.fields:
                if spec.name not in values and spec.required:
                    values[spec.name] = default_values(self.ctx, self.table).get(spec.name)
            # defaults of fields not shown are written too (the kind of record a list adds)
            values.update({k: v for k, v in self.defaults.items() if k not in self.inputs})
        return {k: v for k, v in values.items() if v is not None or k in self.inputs}

    def _error_field(self, err: InputError) -> str | None:
        if err.field in self.inputs:
            return err.field
        for spec in self.specs:
            if err.field == spec.label:
                return spec.name
        return None

    def _show_form_error(self, message: str) -> None:
        self.form_error.setText(message)
        self.form_error.setVisible(bool(message))

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        if self._saving:
            return
        self._show_form_error("")
        if not self.validate():
            return
        values = self._complete_values()
        table, record_id = self.table, self.record_id
        expected = self._expected_rev
        self._pending = F.normalise(table, values, partial=True)  # validated above: as it would be stored
        self._set_saving(True)

        def work(store: Store, _p: Any) -> dict[str, Any]:
            if record_id is None:
                return store.insert(table, values)
            return freshness.save_unchanged(store, {(table, record_id): expected},
                                            lambda: store.update(table, record_id, values))

        self.ctx.jobs.run(
            work, done=self._saved, failed=self._failed, title=self.tr("Saving"), parent=self
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, row: dict[str, Any]) -> None:
        self._set_saving(False)
        self.record_id = row["id"]
        self.stored = row
        self._initial = self._snapshot()
        self.saved.emit(row)
        self._closing_ok = True
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._set_saving(False)
        if isinstance(err, freshness.StaleRecord) and self.stored is not None:
            self._ask_stale(err)
        elif isinstance(err, InputError) and self._error_field(err):
            name = self._error_field(err)
            assert name is not None
            self._show_error(name, str(err))
            self.inputs[name].widget.setFocus()
        else:
            self._show_form_error(str(err))

    def _ask_stale(self, err: freshness.StaleRecord) -> None:
        """The record changed since it was opened: show what changed and let the person choose."""
        from tdkt_desktop.gui.stale import OVERWRITE, RELOAD, StaleDialog

        assert self.stored is not None
        self._show_form_error(str(err))
        changes = freshness.changes_between(self.table, self.stored, err.current, self._pending)
        dlg = StaleDialog(err, changes, self)
        current = err.current

        def chosen(answer: str) -> None:
            self.stale_dialog = None
            if answer == OVERWRITE and current is not None:
                self._expected_rev = current.get("rev")
                self.save()
            elif answer == RELOAD and current is not None:
                self.reload(current)

        dlg.chosen.connect(chosen)
        self.stale_dialog = dlg
        dlg.open()

    def reload(self, row: Mapping[str, Any]) -> None:
        """Show ``row`` (the record as stored now) in place of what was typed."""
        self.stored = dict(row)
        self._expected_rev = self.stored.get("rev")
        for name, widget in self.inputs.items():
            widget.set_stored(self.stored.get(name))
        self._load_ref_labels(self.stored)
        self._show_form_error("")
        for name in self.inputs:
            self._show_error(name, "")
        self._touched.clear()
        self._initial = self._snapshot()

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self._saving:
            return
        if not self._closing_ok and self.dirty:
            answer = dialogs.save_discard_cancel(
                self, self.tr("Unsaved changes"), self.tr("You changed this record. Save the changes?")
            )
            if answer == "cancel":
                return
            if answer == "save":
                self.save()
                return
        self._closing_ok = True
        super().reject()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self._closing_ok or not self.dirty:
            event.accept()
            return
        event.ignore()
        self.reject()
