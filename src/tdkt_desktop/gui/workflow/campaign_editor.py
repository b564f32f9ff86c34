"""The campaign editor: a whole directive (document, window, reviews, deadlines, content, movements,
awards) and its targets. "Open directive…" reads a Word, PDF or text file (or pasted text) and lets the
person check every field and target before it is taken (:mod:`~tdkt_desktop.gui.workflow.directive_dialog`);
targets read with doubt keep their flags, in the table and once saved, until the person confirms them."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.targets import outline
from tdkt_desktop.core.text import InputError, format_date, parse_date
from tdkt_desktop.gui.inputs import FieldInput, make_input
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.gui.workflow.common import EditorDialog, json_list, lines_of
from tdkt_desktop.gui.workflow.directive_dialog import DirectiveDialog
from tdkt_desktop.gui.workflow.targets_table import (
    TargetsModel,
    empty_row,
    row_from_stored,
    save_rows,
    setup_targets_view,
)
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.campaigns import TARGET_FIELDS, campaign_targets, save_campaign

Row = dict[str, Any]

DOC_FIELDS = ("doc_kind", "doc_number", "doc_date", "issuing_body", "signer", "signer_title", "subject")
CAMPAIGN_FIELDS = (
    "name", "campaign_type", "year", "start_date", "end_date", "midterm_review", "final_review",
    "registration_deadline", "submission_deadline",
)
LIST_FIELDS = ("content_json", "movements_json", "awards_json")


class CampaignEditor(EditorDialog):
    """Edit one campaign with its targets; saving writes the campaign and every target in one transaction."""

    table = "campaigns"

    def __init__(self, ctx: Any, campaign_id: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("campaignEditor")
        self.campaign_id = campaign_id
        self.original: Row = {}
        self.setWindowTitle(self.tr("Campaign") if campaign_id else self.tr("New campaign"))
        self.inputs: dict[str, FieldInput] = {}
        outer = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        hint = QtWidgets.QLabel(
            self.tr("Enter the launch document (Chỉ thị, Kế hoạch) and its targets. "
                    "“Open directive…” reads a Word, PDF or text file, or pasted text."),
            self,
        )
        hint.setWordWrap(True)
        self.paste_doc_button = QtWidgets.QPushButton(self.tr("Open directive…"), self)
        self.paste_doc_button.setObjectName("openDirective")
        self.paste_doc_button.setAutoDefault(False)
        self.paste_doc_button.clicked.connect(lambda: self.open_directive())
        top.addWidget(hint, 1)
        top.addWidget(self.paste_doc_button)
        outer.addLayout(top)
        self.tabs = QtWidgets.QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.banner)
        outer.addWidget(self.buttons)

        # --- general: document and campaign side by side
        general = QtWidgets.QWidget(self)
        glay = QtWidgets.QHBoxLayout(general)
        doc_box = QtWidgets.QGroupBox(self.tr("Launch document"), general)
        doc_form = QtWidgets.QFormLayout(doc_box)
        camp_box = QtWidgets.QGroupBox(self.tr("Campaign and timetable"), general)
        camp_form = QtWidgets.QFormLayout(camp_box)
        for form in (doc_form, camp_form):
            form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
        reveal_general = lambda: self.tabs.setCurrentIndex(0)  # noqa: E731
        for name in DOC_FIELDS:
            self._add_field(doc_form, doc_box, name, reveal_general)
        for name in CAMPAIGN_FIELDS:
            self._add_field(camp_form, camp_box, name, reveal_general)
        glay.addWidget(doc_box, 1)
        glay.addWidget(camp_box, 1)
        self.tabs.addTab(general, self.tr("General"))

        # --- content, movements, awards: one item per line
        content = QtWidgets.QWidget(self)
        clay = QtWidgets.QVBoxLayout(content)
        clay.addWidget(QtWidgets.QLabel(self.tr("One item per line."), content))
        self.lists: dict[str, QtWidgets.QPlainTextEdit] = {}
        reveal_content = lambda: self.tabs.setCurrentIndex(1)  # noqa: E731
        for name in LIST_FIELDS:
            spec = F.KINDS["campaigns"].field(name)
            edit = QtWidgets.QPlainTextEdit(content)
            edit.setObjectName(f"list_{name}")
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self.mark_dirty)
            self.lists[name] = edit
            clay.addWidget(QtWidgets.QLabel(f"<b>{spec.label}</b>", content))
            clay.addWidget(self.errors.wrap(edit, name, spec.label, reveal=reveal_content), 1)
        self.tabs.addTab(content, self.tr("Content, movements, awards"))

        # --- targets
        targets = QtWidgets.QWidget(self)
        tlay = QtWidgets.QVBoxLayout(targets)
        bar = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton(self.tr("Add target"), targets)
        self.detail_button = QtWidgets.QPushButton(self.tr("Add sub-target"), targets)
        self.detail_button.setObjectName("addSubTargetButton")
        self.detail_button.setToolTip(
            self.tr("Add a part of the selected target (“of which: urban 100 %, rural 94 %”), assessed on its own")
        )
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"), targets)
        self.up_button = QtWidgets.QPushButton("↑", targets)
        self.down_button = QtWidgets.QPushButton("↓", targets)
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))
        self.confirm_button = QtWidgets.QPushButton(self.tr("Confirm row"), targets)
        self.confirm_button.setToolTip(self.tr("You have checked the selected rows: their flags are cleared"))
        self.paste_button = QtWidgets.QPushButton(self.tr("Paste targets…"), targets)
        self.paste_button.setObjectName("pasteTargetsButton")
        self.paste_button.setToolTip(
            self.tr("Paste the target list (or a whole directive); check the proposal before adding it")
        )
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("↓") * 4 + 16)
        for b in (self.add_button, self.detail_button, self.remove_button, self.up_button, self.down_button,
                  self.confirm_button, self.paste_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        tlay.addLayout(bar)
        self.targets = TargetsModel(self)
        self.targets_view = QtWidgets.QTableView(targets)
        self.targets_view.setObjectName("targetsTable")
        setup_targets_view(self.targets_view, self.targets)
        reveal_targets = lambda: self.tabs.setCurrentIndex(2)  # noqa: E731
        tlay.addWidget(self.errors.wrap(self.targets_view, "targets", reveal=reveal_targets), 1)
        tlay.addWidget(
            QtWidgets.QLabel(
                self.tr("A range needs two values (low – high); a count may have an “of which” number. "
                        "Numbers as you write them: 7,5 or 43.000."),
                targets,
            )
        )
        self.tabs.addTab(targets, self.tr("Targets"))
        self.targets.edited.connect(self.mark_dirty)
        self.targets.edited.connect(self._update_targets_tab)
        self.targets.modelReset.connect(self._update_targets_tab)
        self.add_button.clicked.connect(self.add_target)
        self.detail_button.clicked.connect(self.add_sub_target)
        self.targets_view.selectionModel().currentChanged.connect(self._update_target_buttons)
        self.targets.modelReset.connect(self._update_target_buttons)
        self._update_target_buttons()
        self.remove_button.clicked.connect(self.remove_target)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.paste_button.clicked.connect(lambda: self.open_directive(targets_only=True))
        self.confirm_button.clicked.connect(self.confirm_targets)

        fit_to_screen(self, 1180, 720)
        self.load()

    # ------------------------------------------------------------------ building
    def _add_field(self, form: QtWidgets.QFormLayout, parent: QtWidgets.QWidget, name: str, reveal: Any) -> None:
        spec = F.KINDS["campaigns"].field(name)
        field_input = make_input(spec, parent)
        field_input.changed.connect(self.mark_dirty)
        self.inputs[name] = field_input
        label = spec.label + (" *" if spec.required else "")
        form.addRow(label, self.errors.wrap(field_input.widget, name, spec.label, reveal=reveal))

    def _update_targets_tab(self) -> None:
        self.tabs.setTabText(2, self.tr("Targets (%1)").replace("%1", str(self.targets.rowCount())))

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """A new campaign at once; a stored one (with its targets) read on a worker, then ``loaded``."""
        if not self.campaign_id:
            self._show({"campaign_type": m.CampaignType.REGULAR.value, "year": _dt.date.today().year}, [])
            return
        cid = self.campaign_id

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.errors.show(exc)

        self.setEnabled(False)
        self.ctx.jobs.run(lambda store, _p: (store.require("campaigns", cid), campaign_targets(store, cid)),
                          done=lambda got: self._show(*got), failed=failed, title=self.tr("Reading"), parent=self)

    def _show(self, row: Row, targets: list[Row]) -> None:
        self._loading = True
        try:
            self.original = dict(row)
            self.opened(row, *(("targets", t) for t in targets))
            for name, field_input in self.inputs.items():
                field_input.set_stored(row.get(name))
                if isinstance(field_input.widget, QtWidgets.QLineEdit):
                    field_input.widget.setCursorPosition(0)
            for name, edit in self.lists.items():
                edit.setPlainText("\n".join(json_list(row.get(name))))
            self.targets.set_rows([row_from_stored(dict(t)) for t, _depth in outline(targets)])
        finally:
            self._loading = False
        self._dirty = False
        self.setEnabled(True)
        self.loaded.emit()

    def set_value(self, name: str, text: str) -> None:
        """Type into a field (also used to apply what was read from a pasted directive)."""
        if name in self.lists:
            self.lists[name].setPlainText(text)
        else:
            self.inputs[name].set_text(text)

    # ------------------------------------------------------------------ targets actions
    def add_target(self) -> None:
        self.targets.append_rows([empty_row()])
        row = self.targets.rowCount() - 1
        index = self.targets.index(row, self.targets.column_of("measure"))
        self.targets_view.setCurrentIndex(index)
        self.targets_view.edit(index)

    def add_sub_target(self) -> None:
        """A "trong đó" part under the selected target, named and given its figure next."""
        index = self.targets_view.currentIndex()
        if not index.isValid():
            return
        row = self.targets.add_detail(index.row())
        at = self.targets.index(row, self.targets.column_of("measure"))
        self.targets_view.setCurrentIndex(at)
        self.targets_view.edit(at)

    def _update_target_buttons(self, *_args: Any) -> None:
        self.detail_button.setEnabled(self.targets_view.currentIndex().isValid())

    def remove_target(self) -> None:
        index = self.targets_view.currentIndex()
        if index.isValid():
            self.targets.remove_row(index.row())

    def _move(self, delta: int) -> None:
        index = self.targets_view.currentIndex()
        if index.isValid():
            row = self.targets.move_row(index.row(), delta)
            self.targets_view.setCurrentIndex(self.targets.index(row, index.column()))

    def confirm_targets(self) -> None:
        rows = {i.row() for i in self.targets_view.selectionModel().selectedIndexes()}
        if not rows and self.targets_view.currentIndex().isValid():
            rows = {self.targets_view.currentIndex().row()}
        for r in sorted(rows):
            self.targets.confirm(r)

    def open_directive(self, text: str | None = None, *, targets_only: bool = False) -> DirectiveDialog:
        """Open the reading dialog (a file or pasted text); what is taken fills this campaign."""
        current = {name: fi.text() for name, fi in self.inputs.items()}
        current.update({name: edit.toPlainText() for name, edit in self.lists.items()})
        if not self.campaign_id:
            # a new campaign's year and type are defaults, not what the person chose: the document's win
            current.pop("year", None)
            current.pop("campaign_type", None)
        dlg = DirectiveDialog(self.ctx, self, text if isinstance(text, str) else "", current)
        if targets_only:
            dlg.tabs.setCurrentIndex(1)
        dlg.accepted.connect(lambda: self.take_directive(dlg))
        dlg.open()
        return dlg

    def paste_targets(self, text: str | None = None) -> DirectiveDialog:
        return self.open_directive(text, targets_only=True)

    def take_directive(self, dlg: DirectiveDialog) -> None:
        """Put what the person ticked into the campaign: fields (replacing what was there) and targets."""
        for name, text in dlg.taken_fields.items():
            if name in self.inputs or name in self.lists:
                self.set_value(name, text)
        self.targets.append_rows(dlg.taken_rows)
        self.tabs.setCurrentIndex(2 if dlg.taken_rows else 0)

    # ------------------------------------------------------------------ saving
    def collect(self) -> tuple[Row, list[Row]]:
        values: Row = {name: fi.raw() for name, fi in self.inputs.items()}
        for name, edit in self.lists.items():
            values[name] = lines_of(edit.toPlainText())
        if not self.original.get("issued_by"):
            values["issued_by"] = self.ctx.unit_code
        clean_values = F.normalise("campaigns", values)
        if not clean_values.get("year") and clean_values.get("start_date"):
            clean_values["year"] = int(clean_values["start_date"][:4])
        self._check_dates(clean_values)
        targets = save_rows(self.targets)
        return clean_values, targets

    def _check_dates(self, v: Row) -> None:
        start, end = v.get("start_date"), v.get("end_date")
        if start and end and end < start:
            raise InputError(
                self.tr("End: %1 is before the start %2.")
                .replace("%1", format_date(end)).replace("%2", format_date(start)),
                field="end_date",
            )
        mid, final = v.get("midterm_review"), v.get("final_review")
        if mid and final and final < mid:
            raise InputError(
                self.tr("Final review: %1 is before the mid-term review %2.")
                .replace("%1", format_date(final)).replace("%2", format_date(mid)),
                field="final_review",
            )
        doc = v.get("doc_date")
        if doc and parse_date(doc) and v.get("year") and abs(int(doc[:4]) - int(v["year"])) > 5:
            raise InputError(
                self.tr("Year: %1 is far from the document date %2.")
                .replace("%1", str(v["year"])).replace("%2", format_date(doc)),
                field="year",
            )

    def mine(self, payload: Any, table: str, record_id: str) -> Row:
        if table == "targets":  # a target as this editor would save it (all empty: it was removed here)
            row = next((t for t in payload[1] if t.get("id") == record_id), None)
            return {k: row.get(k) if row is not None else None for k in TARGET_FIELDS if row is None or k in row}
        return super().mine(payload, table, record_id)

    def write(self, store: Any, payload: tuple[Row, list[Row]]) -> str:
        values, targets = payload
        return save_campaign(store, values, targets, campaign_id=self.campaign_id)

    def _saved(self, result: Any) -> None:
        self.campaign_id = result
        super()._saved(result)
