"""The nomination editor: a nominee from the registry, the titles the rule set allows for that nominee,
a live eligibility panel, the dossier checklist of the chosen title and the nominee's prior awards."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.naming import household_name
from tdkt_desktop.core.rules import RuleSet, allowed_titles, dossier_for, ruleset_for
from tdkt_desktop.core.text import InputError, clean, fold, format_date
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.inputs import FieldInput, FoldedCompleter, make_input
from tdkt_desktop.gui.open_editors import open_record
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from tdkt_desktop.gui.tables import Column, RowsModel, fill_combo, select_data, table_view
from tdkt_desktop.gui.widgets import WrappedLabel, compact_combo, fit_to_screen, scrolling
from tdkt_desktop.gui.workflow.achievements import record_editor
from tdkt_desktop.gui.workflow.common import EditorDialog, enum_label, json_dict, period_choices, timer
from tdkt_desktop.gui.workflow.send_dialog import SendDialog
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import nominations
from tdkt_desktop.store.assessment import ELIGIBLE, NOT_IN_RULES, TO_REVIEW, Assessment, assess, judging_date
from tdkt_desktop.store.authority import UnitTree
from tdkt_desktop.store.campaigns import campaign_list
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.ratings import rating_of
from tdkt_desktop.store.statistics import nominee_classes

Row = dict[str, Any]

QUICK_FIELDS = {
    "people": ("full_name", "gender", "birth_date", "position", "workplace", "nominee_class", "field"),
    "collectives": ("name", "kind", "members_count", "women_count", "nominee_class", "field"),
    "households": ("head_name", "address", "members_count"),
}


class RegistryRecordDialog(EditorDialog):
    """A new person, collective or household for the registry (the few fields a nomination needs)."""

    def __init__(self, ctx: Any, table: str, name: str = "", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.table = table
        self.setObjectName("registryRecordDialog")
        self.setWindowTitle(self.tr("New in the registry: %1").replace("%1", F.KINDS[table].label.lower()))
        lay = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        self.inputs: dict[str, FieldInput] = {}
        for fname in QUICK_FIELDS[table]:
            spec = F.KINDS[table].field(fname)
            fi = make_input(spec, self)
            fi.changed.connect(self.mark_dirty)
            self.inputs[fname] = fi
            form.addRow(spec.label + (" *" if spec.required else ""), self.errors.wrap(fi.widget, fname, spec.label))
        lay.addLayout(form)
        lay.addWidget(self.banner)
        lay.addWidget(self.buttons)
        if name:
            self.inputs[m.SubjectKind.of_table(table).name_field].set_text(name)
        self._dirty = bool(name)

    def collect(self) -> Row:
        values = {k: fi.raw() for k, fi in self.inputs.items()}
        values["unit_code"] = self.ctx.unit_code
        return F.normalise(self.table, values)

    def write(self, store: Store, payload: Row) -> Row:
        return store.insert(self.table, payload)


class NominationEditor(EditorDialog):
    """One nomination: the subject, the title, the dossier, and the eligibility check as you type."""

    table = "nominations"

    assessed = Signal()  # the assessment of the nomination as typed is shown

    def __init__(self, ctx: Any, nomination_id: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("nominationEditor")
        self.nomination_id = nomination_id
        self.original: Row = {}
        self.subject_id: str | None = None
        self.subject: Row | None = None  # the nominee's registry record
        self.ruleset: RuleSet | None = None
        self.assessment: Assessment | None = None
        self._names: dict[str, str] = {}
        self._dossier_extra: dict[str, Any] = {}
        self._by_label: dict[str, str] = {}
        self._by_name: dict[str, list[str]] = {}
        self._generation = 0
        self.setWindowTitle(self.tr("Nomination") if nomination_id else self.tr("New nomination"))

        outer = QtWidgets.QVBoxLayout(self)
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(scrolling(split, self), 1)  # a short screen scrolls the form, the buttons stay
        outer.addWidget(self.banner)
        outer.addWidget(self.buttons)

        # ---------------------------------------------------------------- left: the form, the awards received
        left_column = QtWidgets.QWidget(split)
        left_layout = QtWidgets.QVBoxLayout(left_column)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left = QtWidgets.QWidget(left_column)
        left_layout.addWidget(left, 2)
        form = QtWidgets.QFormLayout(left)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind = QtWidgets.QComboBox(left)
        self.kind.setObjectName("subjectKind")
        for sk in m.SubjectKind:
            self.kind.addItem(sk.label, sk.value)
        form.addRow(F.KINDS["nominations"].field("subject_kind").label + " *", self.errors.wrap(self.kind, "subject_kind"))

        nominee_row = QtWidgets.QWidget(left)
        nlay = QtWidgets.QHBoxLayout(nominee_row)
        nlay.setContentsMargins(0, 0, 0, 0)
        self.nominee = QtWidgets.QLineEdit(nominee_row)
        self.nominee.setObjectName("nominee")
        self.nominee.setPlaceholderText(self.tr("Type a few letters of the name, no tones needed"))
        self.completer = FoldedCompleter(self)
        self.nominee.setCompleter(self.completer)
        self.new_subject = QtWidgets.QPushButton(self.tr("New…"), nominee_row)
        self.new_subject.setAutoDefault(False)
        self.new_subject.setToolTip(self.tr("Add this nominee to the registry"))
        nlay.addWidget(self.nominee, 1)
        nlay.addWidget(self.new_subject)
        nominee_label = F.KINDS["nominations"].field("subject_name").label
        form.addRow(nominee_label + " *", self.errors.wrap(nominee_row, "subject_id", "subject_name", nominee_label))
        self.nominee_info = WrappedLabel(left)
        palette.set_tone(self.nominee_info, "muted")
        self.nominee_info.setWordWrap(True)
        form.addRow("", self.nominee_info)

        self.year = QtWidgets.QSpinBox(left)
        self.year.setObjectName("year")
        self.year.setRange(1990, 2100)
        self.year.setValue(_dt.date.today().year)
        self.period = QtWidgets.QComboBox(left)
        self.period.setObjectName("period")
        fill_combo(self.period, period_choices(), blank="")
        when = QtWidgets.QWidget(left)
        wl = QtWidgets.QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.year)
        wl.addWidget(QtWidgets.QLabel(F.KINDS["nominations"].field("period").label, when))
        wl.addWidget(self.period, 1)
        form.addRow(F.KINDS["nominations"].field("year").label + " *", self.errors.wrap(when, "year", "period"))

        self.title = compact_combo(QtWidgets.QComboBox(left), 30)  # never squeezed to "Chiến sĩ t"
        self.title.setObjectName("titleCode")
        form.addRow(F.KINDS["nominations"].field("title_code").label + " *", self.errors.wrap(self.title, "title_code"))
        self.award_kind = compact_combo(QtWidgets.QComboBox(left), 22)
        self.award_kind.setObjectName("awardKind")
        form.addRow(F.KINDS["nominations"].field("award_kind").label + " *", self.errors.wrap(self.award_kind, "award_kind"))
        self.campaign = QtWidgets.QComboBox(left)
        self.campaign.setObjectName("campaign")
        self.campaign.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign.setMinimumContentsLength(30)
        form.addRow(F.KINDS["nominations"].field("campaign_id").label, self.errors.wrap(self.campaign, "campaign_id"))
        self.achievement = QtWidgets.QPlainTextEdit(left)
        self.achievement.setObjectName("achievement")
        self.achievement.setTabChangesFocus(True)
        self.achievement.setMinimumHeight(80)
        form.addRow(F.KINDS["nominations"].field("achievement").label, self.errors.wrap(self.achievement, "achievement"))
        self.nominee_class = QtWidgets.QComboBox(left)
        self.nominee_class.setObjectName("nomineeClass")
        self.nominee_class.setEditable(True)
        self._fill_classes()
        form.addRow(F.KINDS["nominations"].field("nominee_class").label, self.nominee_class)
        self.field_edit = QtWidgets.QLineEdit(left)
        form.addRow(F.KINDS["nominations"].field("field").label, self.field_edit)
        self.status = QtWidgets.QComboBox(left)
        self.status.setObjectName("status")
        self.status.addItem(m.NominationStatus.DRAFT.label, m.NominationStatus.DRAFT.value)
        self.status_reason = QtWidgets.QLineEdit(left)
        self.status_reason.setObjectName("statusReason")
        form.addRow(F.KINDS["nominations"].field("status").label, self.errors.wrap(self.status, "status"))
        form.addRow(F.KINDS["nominations"].field("status_reason").label, self.errors.wrap(self.status_reason, "status_reason"))
        self.sent_info = QtWidgets.QLabel(left)
        self.sent_info.setObjectName("sentInfo")
        self.sent_info.setWordWrap(True)
        palette.set_tone(self.sent_info, "muted")
        self.sent_info.hide()
        form.addRow("", self.sent_info)
        self.send_button = self.buttons.addButton(self.tr("Send up…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.setObjectName("sendUpButton")
        self.send_button.setAutoDefault(False)
        self.send_button.setToolTip(self.tr("Save and send the nomination to the office that decides it; if it does "
                                            "not pass yet, you are asked for a reason"))
        self.send_button.hide()
        self._tree: UnitTree | None = None
        self._sending: tuple[str | None, _dt.date] | None = None
        split.addWidget(left_column)

        # ---------------------------------------------------------------- right: checks, dossier
        right = QtWidgets.QWidget(split)
        rl = QtWidgets.QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        elig_box = QtWidgets.QGroupBox(self.tr("Eligibility"), right)
        el = QtWidgets.QVBoxLayout(elig_box)
        self.verdict = QtWidgets.QLabel(elig_box)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.checks = QtWidgets.QListWidget(elig_box)
        self.checks.setObjectName("eligibilityChecks")
        self.checks.setWordWrap(True)
        self.checks.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checks.setMinimumHeight(110)  # a few criteria stay readable on a short screen
        self.basis = WrappedLabel(elig_box)
        self.basis.setWordWrap(True)
        palette.set_tone(self.basis, "muted")
        self.links = QtWidgets.QLabel(elig_box)
        self.links.setObjectName("missingLinks")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setToolTip(self.tr("Click to add the missing record; the criteria are checked again after saving."))
        self.links.hide()
        el.addWidget(self.verdict)
        el.addWidget(self.checks, 1)
        el.addWidget(self.links)
        el.addWidget(self.basis)
        rl.addWidget(elig_box, 3)

        dossier_box = QtWidgets.QGroupBox(self.tr("Dossier"), right)
        dl = QtWidgets.QVBoxLayout(dossier_box)
        self.dossier = QtWidgets.QListWidget(dossier_box)
        self.dossier.setObjectName("dossierChecklist")
        self.dossier.setWordWrap(True)
        self.dossier_status = QtWidgets.QLabel(dossier_box)
        dl.addWidget(self.dossier, 1)
        dl.addWidget(self.dossier_status)
        rl.addWidget(dossier_box, 2)

        history_box = QtWidgets.QGroupBox(self.tr("Awards already received"), left_column)
        hl = QtWidgets.QVBoxLayout(history_box)
        self.history_model = RowsModel(
            [
                Column(self.tr("Year"), "year"),
                Column(self.tr("Title or form"), lambda r: r.get("award_name") or self.ctx.naming.title(r.get("code") or "")),
                Column(self.tr("Decision"), lambda r: " ".join(
                    p for p in (r.get("decision_number") or "", format_date(r.get("decision_date"))) if p)),
            ],
            self,
        )
        self.history = table_view(parent=history_box)
        self.history.setObjectName("priorAwards")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0") * 7)
        self.history.setColumnWidth(1, self.fontMetrics().horizontalAdvance("n") * 30)
        # a header and three awards stay readable on a short screen
        self.history.setMinimumHeight(self.history.horizontalHeader().sizeHint().height()
                                      + 3 * self.history.verticalHeader().defaultSectionSize() + 4)
        hl.addWidget(self.history)
        left_layout.addWidget(history_box, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)

        # ---------------------------------------------------------------- wiring
        self._recheck_timer = timer(self, 150, self.recheck)
        self.finished.connect(lambda _result: self._recheck_timer.stop())  # nothing to judge once closed
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.nominee.textEdited.connect(self._nominee_typed)
        self.completer.activated[QtCore.QModelIndex].connect(self._nominee_picked)  # type: ignore[index]  # stubs lack the overload
        self.new_subject.clicked.connect(self.create_subject)
        self.year.valueChanged.connect(self._year_changed)
        self.title.currentIndexChanged.connect(self._title_changed)
        self.award_kind.currentIndexChanged.connect(self._schedule)
        self.watch(
            self.kind.currentIndexChanged, self.nominee.textEdited, self.year.valueChanged,
            self.period.currentIndexChanged, self.title.currentIndexChanged, self.award_kind.currentIndexChanged,
            self.campaign.currentIndexChanged, self.achievement.textChanged, self.nominee_class.currentTextChanged,
            self.field_edit.textEdited, self.status.currentIndexChanged, self.status_reason.textEdited,
            self.dossier.itemChanged,
        )
        self.dossier.itemChanged.connect(self._update_dossier_state)
        self.checks.itemClicked.connect(self._check_clicked)
        self.links.linkActivated.connect(self.add_missing)
        self.send_button.clicked.connect(self.send_up)
        self.title.currentIndexChanged.connect(lambda _i: self._fill_statuses())
        self.year.valueChanged.connect(lambda _v: self._fill_statuses())
        self.missing_editor: QtWidgets.QDialog | None = None
        self.send_dialog: SendDialog | None = None
        fit_to_screen(self, 1200, 760)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Read the nomination (when stored), the campaigns and who can be nominated on a worker; ``loaded``
        follows once they are shown and the nomination is assessed."""
        nomination_id, default_kind = self.nomination_id, self.kind.currentData()

        def read(store: Any, _p: Any) -> Row:
            row = store.require("nominations", nomination_id) if nomination_id else {}
            kind = row.get("subject_kind") or default_kind
            subject = nominations.nominee(store, kind, row["subject_id"]) if row.get("subject_id") else None
            return {"row": row, "campaigns": campaign_list(store), "names": nominations.registry_names(store, kind),
                    "subject": subject, "tree": store.unit_tree()}

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.errors.show(exc)

        self.setEnabled(False)
        self.ctx.jobs.run(read, done=self._show, failed=failed, title=self.tr("Reading"), parent=self)

    def _show(self, data: Row) -> None:
        self._loading = True
        try:
            row: Row = data["row"]
            fill_combo(self.campaign, [(c["name"], c["id"]) for c in data["campaigns"]], blank=self.tr("(none)"))
            self.original = dict(row)
            self.opened(row)
            select_data(self.kind, row.get("subject_kind") or m.SubjectKind.PERSON.value)
            self._fill_classes()
            self._set_names(data["names"])
            self.year.setValue(int(row.get("year") or _dt.date.today().year))
            if row.get("period") and not select_data(self.period, row["period"]):
                self.period.addItem(m.period_label(row["period"]), row["period"])
                select_data(self.period, row["period"])
            self._fill_titles()
            select_data(self.title, row.get("title_code"))
            self._fill_award_kinds()
            select_data(self.award_kind, row.get("award_kind"))
            select_data(self.campaign, row.get("campaign_id"))
            self.achievement.setPlainText(row.get("achievement") or "")
            self.nominee_class.setCurrentText(row.get("nominee_class") or "")
            self.field_edit.setText(row.get("field") or "")
            self._tree = data["tree"]
            self._fill_statuses(row.get("status") or m.NominationStatus.DRAFT.value)
            self.status_reason.setText(row.get("status_reason") or "")
            self._show_sent(row)
            self._dossier_extra = json_dict(row.get("dossier_json"))
            if row.get("subject_id"):
                self.subject_id = str(row["subject_id"])
                self._show_subject(data["subject"], row.get("subject_name") or "")
            self._fill_dossier()
        finally:
            self._loading = False
        self._dirty = False
        self.setEnabled(True)
        self.recheck(then=self.loaded.emit)

    def _table(self) -> str:
        return m.SubjectKind(self.kind.currentData()).table

    # ------------------------------------------------------------------ status and sending up
    def _rights(self) -> nominations.StatusRights | None:
        unit = self.ctx.unit_code
        if self._tree is None or not unit:
            return None
        row = {**self.original, "title_code": self.title.currentData() or self.original.get("title_code"),
               "year": self.year.value()}
        return nominations.status_rights(self._tree, row, unit)

    def _fill_statuses(self, chosen: str | None = None) -> None:
        """The statuses this unit may give the nomination (store.nominations.status_rights): a unit whose
        nomination an office above appraises never sees that office's statuses; sending up is a button."""
        rights = self._rights()
        if rights is None:
            return
        chosen = chosen or self.status.currentData() or m.NominationStatus.DRAFT.value
        self.status.blockSignals(True)
        fill_combo(self.status, [(status_label(s), s) for s in rights.choices], keep=False)
        if not select_data(self.status, chosen):
            self.status.setCurrentIndex(0)
        self.status.blockSignals(False)
        self.status.setEnabled(len(rights.choices) > 1)
        self.status_reason.setReadOnly(not rights.appraises)
        self.status_reason.setToolTip("" if rights.appraises else self.tr(
            "Written by the office that appraises this nomination"))
        self.send_button.setVisible(rights.may_send)

    def _show_sent(self, row: Row) -> None:
        parts = []
        if row.get("submitted_on"):
            parts.append(self.tr("Sent up on %1.").replace("%1", format_date(row["submitted_on"])))
        reason = nominations.send_reason(row)
        if reason:
            parts.append(self.tr("Sent although it did not pass yet; reason: %1").replace("%1", reason))
        self.sent_info.setText(" ".join(parts))
        self.sent_info.setVisible(bool(parts))

    def send_up(self) -> None:
        """Check the nomination as it is on screen (store.nominations.check_submission); ask — with the
        problems, a required reason when there are any, and the date sent — and then save and send it up in
        one transaction (store.nominations.submit)."""
        if self._saving:
            return
        self.errors.clear()
        try:
            payload = self.collect()
        except InputError as exc:
            self.errors.show(exc)
            return
        row = {**payload, "id": self.nomination_id or ""}
        name = str(payload.get("subject_name") or "")

        def ask(found: nominations.SubmissionCheck) -> None:
            dlg = SendDialog(found, name, self)
            dlg.accepted.connect(lambda: self._send_confirmed(dlg))
            dlg.finished.connect(lambda _r: setattr(self, "send_dialog", None))
            self.send_dialog = dlg
            dlg.open()

        self.ctx.jobs.run(lambda store, _p: nominations.check_submission(store, row), done=ask,
                          failed=self.errors.show, title=self.tr("Checking the nomination"), parent=self)

    def _send_confirmed(self, dlg: SendDialog) -> None:
        day = dlg.sent_on()
        if day is None:
            return
        self._sending = (dlg.reason_text(), day)
        if not self.save():
            self._sending = None

    def _failed(self, exc: BaseException) -> None:
        self._sending = None
        super()._failed(exc)

    def _load_names(self) -> None:
        kind = self.kind.currentData()

        def show(names: list[Row]) -> None:
            if self.kind.currentData() == kind:  # an earlier kind's names may arrive after a later one's
                self._set_names(names)

        self.ctx.jobs.run(lambda store, _p: nominations.registry_names(store, kind), done=show, parent=self)

    def _set_names(self, names: list[Row]) -> None:
        choices = []
        self._names = {}
        for r in names:
            choices.append((f"{r['name']} — {r['extra']}" if r["extra"] else r["name"], r["id"]))
            self._names[r["id"]] = r["name"]
        self.completer.set_choices(choices)
        self._by_label = {fold(label): rid for label, rid in choices}
        self._by_name = {}
        for rid, name in self._names.items():
            self._by_name.setdefault(fold(name), []).append(rid)

    # ------------------------------------------------------------------ the nominee
    def _fill_classes(self) -> None:
        """The nominee classes of the statistics (form 0603.N) for the kind of nominee; a class typed in is kept."""
        typed = self.nominee_class.currentText()
        self.nominee_class.clear()
        self.nominee_class.addItem("")
        self.nominee_class.addItems(nominee_classes(self.kind.currentData() or m.SubjectKind.PERSON.value))
        self.nominee_class.setCurrentText(typed)

    def _kind_changed(self) -> None:
        if self._loading:
            return
        self._load_names()
        self.subject_id = None
        self.subject = None
        self.nominee.clear()
        self.nominee_info.clear()
        self.history_model.set_rows([])
        self._fill_classes()
        self._fill_titles()
        self._fill_award_kinds()
        self._fill_dossier()
        self._schedule()

    def _nominee_typed(self, text: str) -> None:
        key = fold(text)
        rid = self._by_label.get(key)
        if rid is None:
            ids = self._by_name.get(key, [])
            rid = ids[0] if len(ids) == 1 else None
        if rid != self.subject_id:
            if rid is None:
                self.subject_id = None
                self.subject = None
                self.nominee_info.setText(self.tr("Not in the registry yet: choose from the list or press “New…”.")
                                          if text.strip() else "")
                self.history_model.set_rows([])
                self._schedule()
            else:
                self._set_subject(rid, self._names.get(rid, text), keep_text=True)

    def _nominee_picked(self, index: QtCore.QModelIndex) -> None:
        rid = str(index.data(Qt.ItemDataRole.UserRole) or "")
        if rid:
            self._set_subject(rid, self._names.get(rid, ""))
            self.mark_dirty()

    def choose_nominee(self, name: str) -> bool:
        """Pick a nominee by (folded) name, as typing and choosing would (tests)."""
        ids = self._by_name.get(fold(name), [])
        if not ids:
            self.nominee.setText(name)
            self._nominee_typed(name)
            return False
        self._set_subject(ids[0], self._names[ids[0]])
        self.mark_dirty()
        return True

    def _set_subject(self, rid: str, name: str, *, keep_text: bool = False) -> None:
        """Take ``rid`` as the nominee; its record and prior titles are read on a worker."""
        kind = self.kind.currentData()
        self.subject_id = rid
        self._schedule()

        def show(subject: Row) -> None:
            if self.subject_id == rid:
                self._show_subject(subject, name, keep_text=keep_text)

        self.ctx.jobs.run(lambda store, _p: nominations.nominee(store, kind, rid), done=show, parent=self)

    def _show_subject(self, subject: Row | None, name: str, *, keep_text: bool = False) -> None:
        kind = m.SubjectKind(self.kind.currentData())
        self.subject = (subject or {}).get("record")
        record = self.subject or {}
        if not keep_text:
            self.nominee.setText(record.get(kind.name_field) or name)
        info = [str(v) for v in (record.get("position"), record.get("workplace") or record.get("address")) if v]
        if kind is m.SubjectKind.COLLECTIVE and record.get("members_count"):
            info.append(self.tr("%1 members").replace("%1", str(record["members_count"])))
        self.nominee_info.setText(" · ".join(info))
        if not self._loading:
            if record.get("nominee_class") and not self.nominee_class.currentText():
                self.nominee_class.setCurrentText(record["nominee_class"])
            if record.get("field") and not self.field_edit.text():
                self.field_edit.setText(record["field"])
        self.history_model.set_rows((subject or {}).get("history") or [])

    def create_subject(self) -> RegistryRecordDialog:
        dlg = RegistryRecordDialog(self.ctx, self._table(), self.nominee.text().strip(), self)
        dlg.saved.connect(self._subject_created)
        dlg.open()
        return dlg

    def _subject_created(self, row: Row) -> None:
        name = row.get(m.SubjectKind.of_table(self._table()).name_field) or ""
        self._names[row["id"]] = name
        self._by_name.setdefault(fold(name), []).append(row["id"])
        self._load_names()
        self._set_subject(row["id"], name)
        self.mark_dirty()

    # ------------------------------------------------------------------ titles and forms
    def _year_changed(self) -> None:
        if self._loading:
            return
        self._fill_titles()
        self._schedule()

    def _fill_titles(self) -> None:
        unit = self.ctx.reader.self_unit() or {}
        self.ruleset = ruleset_for(judging_date({"year": self.year.value()}), province_code=unit.get("province_code") or None)
        entries = allowed_titles(self.ruleset, self.kind.currentData())
        fill_combo(self.title, [(e.name, e.code) for e in entries], blank=self.tr("— choose —"))

    def _fill_award_kinds(self) -> None:
        code = self.title.currentData()
        kinds = list(m.AwardKind)
        if code and self.ruleset is not None and code in self.ruleset.catalogue:
            kinds = list(self.ruleset.catalogue[code].award_kinds)
        fill_combo(self.award_kind, [(k.label, k.value) for k in kinds])

    def _title_changed(self) -> None:
        if self._loading:
            return
        self._fill_award_kinds()
        self._fill_dossier()
        self._schedule()

    # ------------------------------------------------------------------ dossier
    def _fill_dossier(self) -> None:
        state = dict(self._dossier_extra)
        for i in range(self.dossier.count()):
            item = self.dossier.item(i)
            state[item.data(Qt.ItemDataRole.UserRole)] = item.checkState() == Qt.CheckState.Checked
        self._dossier_extra = state
        self.dossier.blockSignals(True)
        self.dossier.clear()
        code = self.title.currentData()
        if code and self.ruleset is not None and code in self.ruleset.catalogue:
            for it in dossier_for(
                self.ruleset, code, subject_kind=self.kind.currentData(), award_kind=self.award_kind.currentData()
            ):
                item = QtWidgets.QListWidgetItem(it.label + (" *" if it.required else ""))
                item.setData(Qt.ItemDataRole.UserRole, it.key)
                item.setData(Qt.ItemDataRole.UserRole + 1, it.required)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if state.get(it.key) else Qt.CheckState.Unchecked)
                if it.note:
                    item.setToolTip(it.note)
                self.dossier.addItem(item)
        self.dossier.blockSignals(False)
        self._update_dossier_state()

    def dossier_state(self) -> dict[str, Any]:
        """The checklist as ticked, with what else the dossier holds (the figures under ``facts``) kept."""
        state = {k: (v if isinstance(v, dict) else bool(v)) for k, v in self._dossier_extra.items()}
        for i in range(self.dossier.count()):
            item = self.dossier.item(i)
            state[item.data(Qt.ItemDataRole.UserRole)] = item.checkState() == Qt.CheckState.Checked
        return state

    def missing_documents(self) -> list[str]:
        out = []
        for i in range(self.dossier.count()):
            item = self.dossier.item(i)
            if item.data(Qt.ItemDataRole.UserRole + 1) and item.checkState() != Qt.CheckState.Checked:
                out.append(item.text().rstrip(" *"))
        return out

    def _update_dossier_state(self, *_a: Any) -> None:
        if self.dossier.count() == 0:
            self.dossier_status.setText(self.tr("Choose a title to see its dossier."))
            palette.set_tone(self.dossier_status, "muted")
            return
        missing = self.missing_documents()
        if missing:
            self.dossier_status.setText(self.tr("%1 required documents missing.").replace("%1", str(len(missing))))
            palette.set_tone(self.dossier_status, "error")
        else:
            self.dossier_status.setText(self.tr("Dossier complete."))
            palette.set_tone(self.dossier_status, "ok")

    # ------------------------------------------------------------------ eligibility
    def _schedule(self, *_a: Any) -> None:
        if not self._loading:
            self._recheck_timer.start()

    def current_values(self) -> Row:
        """The nomination as it stands in the form: what :func:`assess` judges."""
        return {
            "id": self.nomination_id,
            "subject_kind": self.kind.currentData(),
            "subject_id": self.subject_id,
            "subject_name": self._names.get(self.subject_id or "", ""),
            "title_code": self.title.currentData(),
            "award_kind": self.award_kind.currentData() or m.AwardKind.CONG_TRANG.value,
            "year": self.year.value(),
            "dossier_json": self.dossier_state(),
        }

    def recheck(self, then: Callable[[], None] | None = None) -> None:
        """Assess the nomination as typed on a worker (the same assessment the appraisal panel and the
        appraisal make); ``assessed`` follows, then ``then()``."""
        self._recheck_timer.stop()
        values = self.current_values()
        self._generation += 1
        generation = self._generation
        if not values["title_code"] or not self.subject_id:
            self._show_assessment(values, None)
            if then is not None:
                then()
            return

        def done(a: Assessment) -> None:
            if generation == self._generation:
                self._show_assessment(values, a)
            if then is not None:
                then()

        self.ctx.jobs.run(lambda store, _p: assess(store, values), done=done, parent=self)

    def _show_assessment(self, values: Row, a: Assessment | None) -> None:
        self.checks.clear()
        self.assessment = a
        if not values["title_code"]:
            self.verdict.setText(self.tr("Choose a title or form to check the criteria."))
            palette.set_tone(self.verdict, "muted")
            self.basis.clear()
        elif a is None:
            self.verdict.setText(self.tr("Choose the nominee from the registry to check the criteria."))
            palette.set_tone(self.verdict, "muted")
            self.basis.clear()
        else:
            self._show_checks(a)
        self._show_links()
        self.assessed.emit()

    def _show_checks(self, a: Assessment) -> None:
        if a.verdict == NOT_IN_RULES:
            self.verdict.setText(self.tr("This title is not in the rules in force for the year."))
            palette.set_tone(self.verdict, "error")
        elif a.verdict == ELIGIBLE:
            self.verdict.setText(self.tr("Meets the criteria."))
            palette.set_tone(self.verdict, "ok")
        elif a.verdict == TO_REVIEW:
            self.verdict.setText(self.tr("Meets the criteria that can be checked; some need a person's judgement."))
            palette.set_tone(self.verdict, "ok")
        else:
            failed = sum(1 for c in a.checks if c.passed is False)
            self.verdict.setText(self.tr("Does not meet %1 criteria yet.").replace("%1", str(failed)))
            palette.set_tone(self.verdict, "error")
        for c in a.eligibility.checks:  # the council vote too, where the title needs one
            mark, colour = ("✓", "ok") if c.passed else (("✗", "error") if c.passed is False else ("?", "warn"))
            item = QtWidgets.QListWidgetItem(f"{mark}  {c.detail}")
            item.setForeground(palette.brush(colour))
            item.setToolTip(c.label)
            self.checks.addItem(item)
            if c.passed is not True and c.needs:  # failed or to be judged: clicking opens the registry behind it
                item.setData(Qt.ItemDataRole.UserRole, list(c.needs))
                item.setToolTip(f"{c.label}\n" + self.tr(
                    "Click to add the missing record; the criteria are checked again after saving."))
        notes = [a.ruleset_basis, *a.notes]
        if a.vote_threshold is not None:
            notes.append(
                self.tr("Council vote needed: at least %1 % of ALL council members.")
                .replace("%1", f"{a.vote_threshold:g}")
            )
        elif a.vote_required:
            notes.append(self.tr("Council vote needed; the share needed is set by the council's own rules."))
        self.basis.setText("\n".join(notes))

    def _need_text(self, need: str) -> str:
        texts = {
            "initiative": self.tr("Add a sáng kiến for this nominee…"),
            "research": self.tr("Add a research project for this nominee…"),
            "ratings": self.tr("Enter the quality rating or discipline of %1…").replace("%1", str(self.year.value())),
            "award_history": self.tr("Add an award already received…"),
        }
        return texts.get(need, need)

    def missing_links(self) -> list[str]:
        """The registries the failed criteria link to, in the order shown."""
        needs: list[str] = []
        for i in range(self.checks.count()):
            for need in self.checks.item(i).data(Qt.ItemDataRole.UserRole) or []:
                if need not in needs:
                    needs.append(need)
        return needs

    def _show_links(self) -> None:
        needs = self.missing_links()
        self.links.setText(" · ".join(f'<a href="{n}">{self._need_text(n)}</a>' for n in needs))
        self.links.setVisible(bool(needs))

    def _check_clicked(self, item: QtWidgets.QListWidgetItem) -> None:
        needs = item.data(Qt.ItemDataRole.UserRole)
        if needs:
            self.add_missing(str(needs[0]))

    def add_missing(self, need: str) -> None:
        """Open the editor of the registry ``need`` for this nominee and year (the rating of the year when
        there is one); after it saves, the nominee's awards and the criteria are read again."""
        if not self.subject_id:
            return
        kind, rid, year = str(self.kind.currentData()), self.subject_id, self.year.value()

        def open_editor(record_id: str | None) -> None:
            def make() -> QtWidgets.QDialog:
                dlg = record_editor(self.ctx, need, subject_kind=kind, subject_id=rid, year=year,
                                    record_id=record_id, parent=self)
                dlg.saved.connect(lambda _row: self._set_subject(rid, self.nominee.text(), keep_text=True))
                dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                return dlg

            self.missing_editor = open_record(self.ctx, need, record_id, make)

        if need == "ratings":
            self.ctx.jobs.run(lambda store, _p: (rating_of(store, kind, rid, year) or {}).get("id"),
                              done=open_editor, parent=self)
        else:
            open_editor(None)

    # ------------------------------------------------------------------ saving
    def collect(self) -> Row:
        if not self.subject_id:
            text = self.nominee.text().strip()
            raise InputError(
                self.tr("Nominee: “%1” is not in the registry. Choose a name from the list, or press “New…”.")
                .replace("%1", text)
                if text
                else self.tr("Nominee: not entered. Type a few letters of the name and choose from the list."),
                field="subject_id",
            )
        if not self.title.currentData():
            raise InputError(self.tr("Title or form: not chosen."), field="title_code")
        values = {
            "subject_kind": self.kind.currentData(),
            "subject_id": self.subject_id,
            "subject_name": clean(self._names.get(self.subject_id) or self.nominee.text()),
            "title_code": self.title.currentData(),
            "award_kind": self.award_kind.currentData(),
            "campaign_id": self.campaign.currentData() or None,
            "year": self.year.value(),
            "period": self.period.currentData() or None,
            "achievement": self.achievement.toPlainText(),
            "nominee_class": self.nominee_class.currentText(),
            "field": self.field_edit.text(),
            "dossier_json": self.dossier_state(),
            "status": self.status.currentData(),
            "status_reason": self.status_reason.text(),
            "unit_code": self.original.get("unit_code") or self.ctx.unit_code,
        }
        if self.kind.currentData() == "household":
            values["subject_name"] = household_name(values["subject_name"])
        period = values["period"]
        if period and m.period_year(str(period)) != values["year"]:
            raise InputError(
                self.tr("Period: %1 is not in the year %2.").replace("%1", m.period_label(str(period)))
                .replace("%2", str(values["year"])),
                field="period",
            )
        if values["status"] in ("returned", "rejected") and not clean(values["status_reason"]):
            raise InputError(self.tr("Reason: say why the nomination was returned or refused."), field="status_reason")
        return F.normalise("nominations", values)

    def write(self, store: Any, payload: Row) -> str:
        if self.nomination_id:
            nid = str(store.update("nominations", self.nomination_id, payload)["id"])
        else:
            nid = str(store.insert("nominations", payload)["id"])
        if self._sending is not None:  # saved and sent up in one transaction: both or neither
            reason, day = self._sending
            nominations.submit(store, nid, reason=reason, day=day)
        return nid

    def _saved(self, result: Any) -> None:
        self.nomination_id = result
        self._sending = None
        super()._saved(result)


def status_label(value: Any) -> str:
    return enum_label(m.NominationStatus, value)
