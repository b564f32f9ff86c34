"""The campaign editor: a whole directive (document, window, reviews, deadlines, content, movements,
awards) and its targets, with "paste targets" that reads a target list or a whole directive and lets the
person correct every proposed row before it is taken."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.target_parser import extract_target_block, parse_targets
from tdkt_desktop.core.text import InputError, format_date, parse_date
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.inputs import FieldInput, make_input
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.gui.workflow.common import (
    Banner,
    EditorDialog,
    json_list,
    lines_of,
    timer,
)
from tdkt_desktop.gui.workflow.directive import DirectiveGuess, guess_directive
from tdkt_desktop.gui.workflow.targets_table import (
    TargetsModel,
    empty_row,
    row_from_proposal,
    row_from_stored,
    setup_targets_view,
)
from tdkt_desktop.store import fields as F

Row = dict[str, Any]

DOC_FIELDS = ("doc_kind", "doc_number", "doc_date", "issuing_body", "signer", "signer_title", "subject")
CAMPAIGN_FIELDS = (
    "name", "campaign_type", "year", "start_date", "end_date", "midterm_review", "final_review",
    "registration_deadline", "submission_deadline",
)
LIST_FIELDS = ("content_json", "movements_json", "awards_json")


class PasteTargetsDialog(QtWidgets.QDialog):
    """Paste a target list or a whole directive; review the proposal row by row; take the rows kept."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, text: str = "") -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("pasteTargetsDialog")
        self.setWindowTitle(self.tr("Paste targets"))
        self.guess: DirectiveGuess = DirectiveGuess()
        self.block_found = False
        lay = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "Paste the list of targets, or the whole directive: the target paragraph is found in it. "
                "Check each row below: yellow rows need a look, red rows were not understood. Correct a cell "
                "by typing in it; untick a row to leave it out."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.text = QtWidgets.QPlainTextEdit(self)
        self.text.setObjectName("pasteText")
        self.text.setPlaceholderText(self.tr("Paste here (Ctrl+V)…"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        lay.addWidget(self.text, 2)
        row = QtWidgets.QHBoxLayout()
        self.read_button = QtWidgets.QPushButton(self.tr("Read the targets"), self)
        self.read_button.setAutoDefault(False)
        self.read_button.clicked.connect(self.read)
        self.status = QtWidgets.QLabel(self)
        self.status.setWordWrap(True)
        row.addWidget(self.read_button)
        row.addWidget(self.status, 1)
        lay.addLayout(row)
        self.model = TargetsModel(self, proposal=True)
        self.view = QtWidgets.QTableView(self)
        self.view.setObjectName("proposalTable")
        setup_targets_view(self.view, self.model)
        self.view.setAlternatingRowColors(False)
        lay.addWidget(self.view, 5)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.drop_button = buttons.addButton(self.tr("Leave out row"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.drop_button.setAutoDefault(False)
        self.drop_button.clicked.connect(self.drop_selected)
        self.ok_button = buttons.addButton(self.tr("Add the ticked targets"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirmButton")
        cancel = buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        cancel.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self._debounce = timer(self, 500, self.read)
        self.text.textChanged.connect(self._debounce.start)
        self.model.edited.connect(self._update_status)
        self.resize(1200, 680)
        self.confirmed_rows: list[Row] = []
        if text:
            self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.read()

    def read(self) -> None:
        self._debounce.stop()
        raw = self.text.toPlainText()
        block = extract_target_block(raw)
        self.block_found = block is not None
        proposals = parse_targets(block if block is not None else raw)
        self.guess = guess_directive(raw) if block is not None else DirectiveGuess()
        self.model.set_rows([row_from_proposal(p) for p in proposals])
        self.view.resizeRowsToContents()
        self._update_status()

    def _update_status(self) -> None:
        rows = self.model.rows()
        if not rows:
            self.status.setText(self.tr("No target found yet.") if self.text.toPlainText().strip() else "")
            return
        low = sum(1 for r in rows if r.get("confidence") == "low")
        none = sum(1 for r in rows if r.get("confidence") == "none")
        taken = sum(1 for r in rows if r.get("include", True))
        text = self.tr("%1 targets read, %2 ticked.").replace("%1", str(len(rows))).replace("%2", str(taken))
        if self.block_found:
            text = self.tr("Target paragraph found in the document.") + " " + text
        if low:
            text += " " + self.tr("%1 to check (yellow).").replace("%1", str(low))
        if none:
            text += " " + self.tr("%1 not understood (red).").replace("%1", str(none))
        self.status.setText(text)
        self.ok_button.setText(self.tr("Add %1 targets").replace("%1", str(taken)))

    def drop_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def confirm(self) -> None:
        self.banner.clear_message()
        try:
            pairs = self.model.specs()
        except InputError as exc:
            self.banner.error(str(exc))
            row = int(exc.value) if isinstance(exc.value, int) else -1
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, self.model.column_of("check")))
            return
        if not pairs:
            self.banner.error(self.tr("No row is ticked. Tick the rows to add, or press Cancel."))
            return
        self.confirmed_rows = [dict(r, include=True, problems=[], confidence="high") for r, _spec in pairs]
        self.accept()


class CampaignEditor(EditorDialog):
    """Edit one campaign with its targets; saving writes the campaign and every target in one transaction."""


    def __init__(self, ctx: Any, campaign_id: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("campaignEditor")
        self.campaign_id = campaign_id
        self.original: Row = {}
        self.original_target_ids: set[str] = set()
        self.setWindowTitle(self.tr("Campaign") if campaign_id else self.tr("New campaign"))
        self.inputs: dict[str, FieldInput] = {}
        outer = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        hint = QtWidgets.QLabel(
            self.tr("Enter the launch document (Chỉ thị, Kế hoạch) and its targets. "
                    "“Paste directive…” reads a whole document."),
            self,
        )
        hint.setWordWrap(True)
        self.paste_doc_button = QtWidgets.QPushButton(self.tr("Paste directive…"), self)
        self.paste_doc_button.setAutoDefault(False)
        self.paste_doc_button.clicked.connect(self.paste_targets)
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
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"), targets)
        self.up_button = QtWidgets.QPushButton("↑", targets)
        self.down_button = QtWidgets.QPushButton("↓", targets)
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))
        self.paste_button = QtWidgets.QPushButton(self.tr("Paste targets…"), targets)
        self.paste_button.setObjectName("pasteTargetsButton")
        self.paste_button.setToolTip(
            self.tr("Paste the target list (or a whole directive); check the proposal before adding it")
        )
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("↓") * 4 + 16)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button, self.paste_button):
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
        self.remove_button.clicked.connect(self.remove_target)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.paste_button.clicked.connect(self.paste_targets)

        self.resize(1180, 720)
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
        self._loading = True
        try:
            row: Row = {}
            targets: list[Row] = []
            if self.campaign_id:
                row = self.ctx.reader.require("campaigns", self.campaign_id)
                targets = self.ctx.reader.rows("targets", "campaign_id = ?", [self.campaign_id], order_by="seq, rowid")
            else:
                row = {"campaign_type": m.CampaignType.REGULAR.value, "year": _dt.date.today().year}
            self.original = dict(row)
            self.original_target_ids = {t["id"] for t in targets}
            for name, field_input in self.inputs.items():
                field_input.set_stored(row.get(name))
                if isinstance(field_input.widget, QtWidgets.QLineEdit):
                    field_input.widget.setCursorPosition(0)
            for name, edit in self.lists.items():
                edit.setPlainText("\n".join(json_list(row.get(name))))
            self.targets.set_rows([row_from_stored(t) for t in targets])
        finally:
            self._loading = False
        self._dirty = False

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

    def remove_target(self) -> None:
        index = self.targets_view.currentIndex()
        if index.isValid():
            self.targets.remove_row(index.row())

    def _move(self, delta: int) -> None:
        index = self.targets_view.currentIndex()
        if index.isValid():
            row = self.targets.move_row(index.row(), delta)
            self.targets_view.setCurrentIndex(self.targets.index(row, index.column()))

    def paste_targets(self, text: str | None = None) -> PasteTargetsDialog:
        dlg = PasteTargetsDialog(self, text if isinstance(text, str) else "")
        dlg.accepted.connect(lambda: self.take_pasted(dlg))
        dlg.open()
        return dlg

    def take_pasted(self, dlg: PasteTargetsDialog) -> None:
        self.targets.append_rows(dlg.confirmed_rows)
        self.apply_guess(dlg.guess)
        self.tabs.setCurrentIndex(2)

    def apply_guess(self, g: DirectiveGuess) -> None:
        """Fill the EMPTY fields with what was read from a pasted directive."""
        if not g.found():
            return
        proposals = {
            "doc_kind": g.doc_kind,
            "doc_number": g.doc_number,
            "doc_date": format_date(g.doc_date) if g.doc_date else "",
            "subject": g.subject,
            "signer": g.signer,
            "signer_title": g.signer_title,
            "name": g.name,
        }
        if g.year:
            proposals["start_date"] = f"01/01/{g.year}"
            proposals["end_date"] = f"31/12/{g.year}"
        for name, value in proposals.items():
            if value and not str(self.inputs[name].text()).strip():
                self.inputs[name].set_text(value)
        if g.year and (not self.inputs["year"].text().strip() or not self.campaign_id):
            self.inputs["year"].set_text(str(g.year))
        if g.movements and not self.lists["movements_json"].toPlainText().strip():
            self.lists["movements_json"].setPlainText("\n".join(g.movements))

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
        targets = []
        for seq, (row, spec) in enumerate(self.targets.specs(), 1):
            d = spec.to_dict()
            d.update({
                "seq": seq,
                "source_text": row.get("source_text") or None,
                "strict": 1 if spec.strict else 0,
                "id": row.get("id"),
                "rollup": row.get("rollup") or d["rollup"],
            })
            targets.append(d)
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

    def write(self, store: Any, payload: tuple[Row, list[Row]]) -> str:
        values, targets = payload
        keep: set[str] = set()
        with store.atomic():
            if self.campaign_id:
                campaign = store.update("campaigns", self.campaign_id, values)
            else:
                campaign = store.insert("campaigns", values)
            cid = campaign["id"]
            owner = campaign["owner_unit"]
            for target in targets:
                tid = target.pop("id", None)
                target["campaign_id"] = cid
                if tid and tid in self.original_target_ids:
                    store.update("targets", tid, target)
                    keep.add(tid)
                else:
                    store.insert("targets", target, owner_unit=owner)
            for tid in self.original_target_ids - keep:
                store.delete("targets", tid)
        return cid

    def _saved(self, result: Any) -> None:
        self.campaign_id = result
        super()._saved(result)
