"""Thẩm định: the nominations sent up, grouped by unit and status; for one nomination the dossier checklist,
the eligibility check re-run with the rule set in force on the chosen decision date, the council vote at
this level, and the actions Thẩm định / Đồng ý / Trả lại / Không đồng ý (every write through Jobs; the
engine's Vietnamese refusal is shown as it is)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.gui import dialogs, palette
from tdkt_desktop.gui.office_view import work
from tdkt_desktop.gui.office_view.common import date_edit, date_of
from tdkt_desktop.gui.office_view.excel_actions import export_button, install_export_action
from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.tables import Column, RowsModel, fit_columns, percent_text, selected_rows, table_view
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.store import council, nominations, office
from tdkt_desktop.store.assessment import ELIGIBLE, NOT_IN_RULES, TO_REVIEW

Row = dict[str, Any]
ALL = "__all__"
OPEN = "__open__"


def default_decision_date() -> _dt.date:
    return _dt.date.today()


class ReasonsDialog(QtWidgets.QDialog):
    """Reasons for returning or refusing a nomination: one per line; OK stays disabled while empty."""

    def __init__(self, title: str, prompt: str, text: str = "", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 520, 280)
        layout = QtWidgets.QVBoxLayout(self)
        label = QtWidgets.QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QtWidgets.QPlainTextEdit(self)
        self.edit.setPlainText(text)
        layout.addWidget(self.edit, 1)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm"))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(work.clean_reasons(self.edit.toPlainText()))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def reasons(self) -> list[str]:
        return work.clean_reasons(self.edit.toPlainText())


class SessionDialog(QtWidgets.QDialog):
    """A new council meeting of this level: date, members, present, written opinions."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New council meeting"))
        form = QtWidgets.QFormLayout(self)
        self.date = date_edit(self)
        self.total = QtWidgets.QSpinBox(self)
        self.total.setRange(1, 200)
        self.total.setValue(9)
        self.present = QtWidgets.QSpinBox(self)
        self.present.setRange(0, 200)
        self.present.setValue(9)
        self.written = QtWidgets.QSpinBox(self)
        self.written.setRange(0, 200)
        form.addRow(self.tr("Meeting date"), self.date)
        form.addRow(self.tr("Council members (total)"), self.total)
        form.addRow(self.tr("Present"), self.present)
        form.addRow(self.tr("Written opinions"), self.written)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> Row:
        return {"meeting_date": date_of(self.date).isoformat(), "total_members": self.total.value(),
                "present": self.present.value(), "written_opinions": self.written.value()}


class AppraisalPage(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.all_rows: list[Row] = []
        self.detail: Row | None = None
        self.current_id: str | None = None
        self._pending_select: str | None = None

        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QtWidgets.QHBoxLayout()
        self.year = QtWidgets.QComboBox(self)
        self.year.setToolTip(self.tr("Year of the nominations"))
        self.status = QtWidgets.QComboBox(self)
        self.status.addItem(self.tr("Waiting for work (sent up, received, appraised)"), OPEN)
        self.status.addItem(self.tr("Every status"), ALL)
        for value in work.OFFICE_STATUSES:
            self.status.addItem(work.status_label(value), value)
        self.receive_button = QtWidgets.QPushButton(self.tr("Receive selected"), self)
        self.receive_button.setToolTip(self.tr("Mark the selected nominations sent up as received by this office"))
        bar.addWidget(QtWidgets.QLabel(self.tr("Year:"), self))
        bar.addWidget(self.year)
        bar.addWidget(QtWidgets.QLabel(self.tr("Show:"), self))
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.receive_button)
        outer.addLayout(bar)

        split = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        top = QtWidgets.QSplitter(Qt.Orientation.Horizontal, split)
        self.groups = QtGui.QStandardItemModel(self)
        self.tree = QtWidgets.QTreeView(top)
        self.tree.setModel(self.groups)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMinimumWidth(220)
        self.model = RowsModel([
            Column(self.tr("Unit"), "unit_name"),
            Column(self.tr("Name"), "subject_name"),
            Column(self.tr("Kind"), "subject_label"),
            Column(self.tr("Title / form"), "title"),
            Column(self.tr("Year"), "year", "int", text=str),
            Column(self.tr("Status"), "status_label", background=lambda r: palette.NOMINATION_FILL.get(r["status"])),
            Column(self.tr("Sent on"), "submitted_on", "date"),
            Column(self.tr("Reason"), "status_reason"),
            Column(self.tr("Sent although not passing, because"), "send_reason",
                   background=lambda r: "warn-bg" if r.get("send_reason") else None),
        ], self)
        self.table = table_view(self.model, top, multi=True)
        install_export_action(ctx, self.table, self.tr("Nominations received"))
        top.addWidget(self.tree)
        top.addWidget(self.table)
        top.setStretchFactor(1, 1)
        top.setSizes([240, 760])
        # a header and two nominations stay in view on a short screen; the detail takes the rest
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 2 * self.table.verticalHeader().defaultSectionSize()
                                    + self.table.horizontalScrollBar().sizeHint().height() + 4)
        split.addWidget(top)
        split.addWidget(self._build_detail(split))
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        outer.addWidget(split, 1)
        foot = QtWidgets.QHBoxLayout()
        self.count = QtWidgets.QLabel(self)
        self.count.setObjectName("countLabel")
        foot.addWidget(self.count, 1)
        foot.addWidget(export_button(ctx, self.table, self.tr("Nominations received"), self))
        outer.addLayout(foot)

        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.status.currentIndexChanged.connect(lambda _i: self._filter())
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._filter())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_changed(cur.row()))
        self.receive_button.clicked.connect(self.receive_selected)
        ctx.jobs.data_changed.connect(self._changed)
        self._set_detail_enabled(False)
        self.load_years()

    # ------------------------------------------------------------------ detail panel
    def _build_detail(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QFrame(parent)
        box.setObjectName("appraisalDetail")
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        head = QtWidgets.QHBoxLayout()
        self.title_label = QtWidgets.QLabel(self.tr("Choose a nomination in the list above."), box)
        self.title_label.setObjectName("subheading")
        self.title_label.setWordWrap(True)
        head.addWidget(self.title_label, 1)
        head.addWidget(QtWidgets.QLabel(self.tr("Decision date:"), box))
        self.decision_date = date_edit(box, default_decision_date())
        self.decision_date.setToolTip(self.tr("The criteria and the dossier list are those in force on this date"))
        head.addWidget(self.decision_date)
        layout.addLayout(head)
        self.info_label = QtWidgets.QLabel(box)
        self.info_label.setObjectName("hint")
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)
        self.send_reason_label = QtWidgets.QLabel(box)
        self.send_reason_label.setObjectName("sendReason")
        self.send_reason_label.setWordWrap(True)
        self.send_reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette.set_tone(self.send_reason_label, "warn")
        self.send_reason_label.hide()
        layout.addWidget(self.send_reason_label)

        cols = QtWidgets.QHBoxLayout()
        dossier_box = QtWidgets.QGroupBox(self.tr("Dossier (tick what was received)"), box)
        dl = QtWidgets.QVBoxLayout(dossier_box)
        self.dossier = QtWidgets.QListWidget(dossier_box)
        self.dossier.setWordWrap(True)
        self.dossier.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.dossier_state = QtWidgets.QLabel(dossier_box)
        self.dossier_state.setWordWrap(True)
        dl.addWidget(self.dossier, 1)
        dl.addWidget(self.dossier_state)
        criteria_box = QtWidgets.QGroupBox(self.tr("Criteria, checked again"), box)
        cl = QtWidgets.QVBoxLayout(criteria_box)
        self.verdict = QtWidgets.QLabel(criteria_box)
        self.verdict.setObjectName("verdict")
        strong = self.verdict.font()
        strong.setBold(True)
        strong.setPointSizeF(max(strong.pointSizeF(), 11))
        self.verdict.setFont(strong)
        self.checks = QtWidgets.QListWidget(criteria_box)
        self.checks.setWordWrap(True)
        self.ruleset_label = QtWidgets.QLabel(criteria_box)
        self.ruleset_label.setObjectName("hint")
        self.ruleset_label.setWordWrap(True)
        cl.addWidget(self.verdict)
        cl.addWidget(self.checks, 1)
        cl.addWidget(self.ruleset_label)
        vote_box = QtWidgets.QGroupBox(self.tr("Council vote at this level"), box)
        vl = QtWidgets.QVBoxLayout(vote_box)
        self.vote_need = QtWidgets.QLabel(vote_box)
        self.vote_need.setWordWrap(True)
        self.vote_state = QtWidgets.QLabel(vote_box)
        self.vote_state.setWordWrap(True)
        vl.addWidget(self.vote_need)
        vl.addWidget(self.vote_state)
        self.vote_form = QtWidgets.QWidget(vote_box)
        form = QtWidgets.QFormLayout(self.vote_form)
        form.setContentsMargins(0, 0, 0, 0)
        srow = QtWidgets.QHBoxLayout()
        self.session = QtWidgets.QComboBox(vote_box)
        self.session.setMinimumContentsLength(14)
        self.new_session_button = QtWidgets.QPushButton(self.tr("New…"), vote_box)
        self.new_session_button.setToolTip(self.tr("Record a new council meeting of this level"))
        srow.addWidget(self.session, 1)
        srow.addWidget(self.new_session_button)
        form.addRow(self.tr("Meeting"), srow)
        self.votes = QtWidgets.QSpinBox(vote_box)
        self.votes.setRange(0, 200)
        form.addRow(self.tr("Votes in favour"), self.votes)
        self.vote_button = QtWidgets.QPushButton(self.tr("Record the vote"), vote_box)
        form.addRow(self.vote_button)
        vl.addWidget(self.vote_form)
        vl.addStretch(1)
        cols.addWidget(dossier_box, 3)
        cols.addWidget(criteria_box, 4)
        cols.addWidget(vote_box, 3)
        layout.addLayout(cols, 1)

        actions = QtWidgets.QHBoxLayout()
        self.note = QtWidgets.QLineEdit(box)
        self.note.setPlaceholderText(self.tr("Appraisal opinion (kept with the nomination)"))
        self.appraise_button = QtWidgets.QPushButton(self.tr("Appraise"), box)
        self.appraise_button.setToolTip(self.tr("Check the nominee and the dossier with the rules in force on the decision date, and record the result"))
        self.approve_button = QtWidgets.QPushButton(self.tr("Approve"), box)
        self.approve_button.setToolTip(self.tr("Agree to award (after the appraisal; a council vote where the title needs one)"))
        self.return_button = QtWidgets.QPushButton(self.tr("Return…"), box)
        self.return_button.setToolTip(self.tr("Send the dossier back to the unit to complete, with the reasons"))
        self.reject_button = QtWidgets.QPushButton(self.tr("Do not approve…"), box)
        self.reject_button.setToolTip(self.tr("Refuse the award, with the reason"))
        self.appraise_button.setObjectName("addButton")
        actions.addWidget(self.note, 1)
        for b in (self.appraise_button, self.approve_button, self.return_button, self.reject_button):
            actions.addWidget(b)
        layout.addLayout(actions)

        self.decision_date.dateChanged.connect(lambda _d: self.load_detail())
        self.dossier.itemChanged.connect(lambda _i: self._dossier_summary())
        self.new_session_button.clicked.connect(self.add_session)
        self.vote_button.clicked.connect(lambda: self.record_vote())
        self.appraise_button.clicked.connect(lambda: self.appraise())
        self.approve_button.clicked.connect(lambda: self.approve())
        self.return_button.clicked.connect(lambda: self.return_nomination())
        self.reject_button.clicked.connect(lambda: self.reject())
        return box

    def _set_detail_enabled(self, on: bool) -> None:
        for w in (self.dossier, self.checks, self.session, self.new_session_button, self.votes, self.vote_button,
                  self.note, self.appraise_button, self.approve_button, self.return_button, self.reject_button):
            w.setEnabled(on)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self.load()

    def _changed(self, table: str) -> None:
        if table in ("nominations", "votes", "vote_sessions"):
            self.detail = None  # the detail follows the stored state
            self.load()

    def load_years(self) -> None:
        def done(years: list[int]) -> None:
            current = self.year.currentData()
            self.year.blockSignals(True)
            self.year.clear()
            self.year.addItem(self.tr("All years"), None)
            for y in years:
                self.year.addItem(str(y), y)
            i = self.year.findData(current) if current is not None else (1 if years else 0)
            self.year.setCurrentIndex(max(i, 0))
            self.year.blockSignals(False)
            self.load()

        self.ctx.jobs.run(lambda store, _p: office.appraisal_years(store), done=done, title=self.tr("Reading"))

    def load(self) -> None:
        year = self.year.currentData()
        self.ctx.jobs.run(lambda store, _p: work.received_nominations(store, year=year), done=self._loaded,
                          title=self.tr("Reading the nominations"))

    def _loaded(self, rows: list[Row]) -> None:
        self.all_rows = rows
        self._fill_groups()
        self._filter()

    def _fill_groups(self) -> None:
        current = self._group_key()
        self.groups.clear()
        root = QtGui.QStandardItem(self.tr("All units (%1)").replace("%1", format_number(len(self.all_rows))))
        root.setData((None, None), Qt.ItemDataRole.UserRole)
        self.groups.appendRow(root)
        names: dict[str, str] = {}
        counts: dict[str, dict[str, int]] = {}
        for r in self.all_rows:
            names[r["unit_code"]] = r["unit_name"]
            counts.setdefault(r["unit_code"], {}).setdefault(r["status"], 0)
            counts[r["unit_code"]][r["status"]] += 1
        select = root
        for code, by_status in counts.items():
            unit_item = QtGui.QStandardItem(f"{names[code]} ({sum(by_status.values())})")
            unit_item.setData((code, None), Qt.ItemDataRole.UserRole)
            root.appendRow(unit_item)
            if current == (code, None):
                select = unit_item
            for status in work.OFFICE_STATUSES:
                if status in by_status:
                    item = QtGui.QStandardItem(f"{work.status_label(status)} ({by_status[status]})")
                    item.setData((code, status), Qt.ItemDataRole.UserRole)
                    item.setBackground(palette.brush(palette.NOMINATION_FILL.get(status, "white")))
                    item.setForeground(palette.brush("text"))
                    unit_item.appendRow(item)
                    if current == (code, status):
                        select = item
        self.tree.expandAll()
        self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(select.index())
        self.tree.selectionModel().blockSignals(False)

    def _group_key(self) -> tuple[str | None, str | None]:
        index = self.tree.currentIndex() if self.groups.rowCount() else QtCore.QModelIndex()
        data = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        return (data[0], data[1]) if data else (None, None)

    def _filter(self) -> None:
        unit, status = self._group_key()
        shown = self.status.currentData()
        rows = []
        for r in self.all_rows:
            if unit is not None and r["unit_code"] != unit:
                continue
            if status is not None and r["status"] != status:
                continue
            if status is None and shown == OPEN and r["status"] not in work.OPEN_STATUSES:
                continue
            if status is None and shown not in (OPEN, ALL) and r["status"] != shown:
                continue
            rows.append(r)
        keep = self._pending_select or self.current_id
        self.model.set_rows(rows)
        fit_columns(self.table, 260)
        self.count.setText(self.tr("%1 nomination(s) shown, %2 in all").replace("%1", format_number(len(rows)))
                           .replace("%2", format_number(len(self.all_rows))))
        index = next((i for i, r in enumerate(rows) if r["id"] == keep), 0 if rows else -1)
        if index >= 0:
            self.table.selectRow(index)
            self._row_changed(index)
        else:
            self._show_nothing()

    def select(self, nomination_id: str) -> bool:
        """Select a nomination (showing every status if needed); its detail loads in the background."""
        for i, r in enumerate(self.model.rows):
            if r["id"] == nomination_id:
                self.table.selectRow(i)
                self._row_changed(i)
                return True
        if any(r["id"] == nomination_id for r in self.all_rows):
            self._pending_select = nomination_id
            self.status.setCurrentIndex(self.status.findData(ALL))
            self.tree.setCurrentIndex(self.groups.index(0, 0))
            self._filter()
            self._pending_select = None
            return self.current_id == nomination_id
        return False

    def _row_changed(self, row: int) -> None:
        r = self.model.row(row)
        if r is None:
            self._show_nothing()
            return
        if r["id"] != self.current_id or self.detail is None:
            self.current_id = r["id"]
            self.load_detail()

    def _show_nothing(self) -> None:
        self.current_id = None
        self.detail = None
        self.title_label.setText(self.tr("Choose a nomination in the list above."))
        self.info_label.clear()
        self.send_reason_label.hide()
        self.dossier.clear()
        self.checks.clear()
        self.verdict.clear()
        self.vote_need.clear()
        self.vote_state.clear()
        self.dossier_state.clear()
        self.ruleset_label.clear()
        self._set_detail_enabled(False)

    def load_detail(self) -> None:
        nid = self.current_id
        if nid is None:
            return
        day = date_of(self.decision_date)
        self.ctx.jobs.run(lambda store, _p: work.nomination_detail(store, nid, day),
                          done=lambda d: self._show_detail(nid, d), title=self.tr("Checking the nomination"))

    def _show_detail(self, nid: str, d: Row) -> None:
        if nid != self.current_id:
            return
        self.detail = d
        nom, a = d["nomination"], d["assessment"]
        self._set_detail_enabled(True)
        self.title_label.setText(f"{nom['subject_name']} — {d['title']} ({d['subject_label']}, {nom['year']})")
        info = self.tr("Proposed by %1 · Status: %2").replace("%1", d["unit_name"]).replace("%2", d["status_label"])
        if nom.get("status_reason"):
            info += " · " + nom["status_reason"].replace("\n", "; ")
        stored = d.get("stored")
        if stored and stored.get("decision_date"):
            verdict = self.tr("passed") if stored.get("ok") else self.tr("not passed")
            info += " · " + self.tr("Last appraisal (decision date %1): %2").replace(
                "%1", format_date(stored["decision_date"])).replace("%2", verdict)
        self.info_label.setText(info)
        reason = nominations.send_reason(nom)
        self.send_reason_label.setText(self.tr("Sent up on %1 although it did not pass the unit's check; the unit's "
                                               "reason: %2").replace("%1", format_date(nom.get("submitted_on")))
                                       .replace("%2", reason or ""))
        self.send_reason_label.setVisible(bool(reason))
        self.note.setText(d.get("note") or "")
        # dossier
        self.dossier.blockSignals(True)
        self.dossier.clear()
        for it in a.dossier:
            text = it.label + ("" if it.required else self.tr(" (if any)"))
            item = QtWidgets.QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, it.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if it.present else Qt.CheckState.Unchecked)
            item.setToolTip(it.label + (f"\n{it.note}" if it.note else ""))
            self.dossier.addItem(item)
        self.dossier.blockSignals(False)
        self._dossier_summary()
        # criteria
        self.checks.clear()
        for c in a.checks:
            mark = "✔" if c.passed else ("✘" if c.passed is False else "?")
            item = QtWidgets.QListWidgetItem(f"{mark}  {c.label}: {c.detail}")
            item.setForeground(palette.brush("ok" if c.passed else ("error" if c.passed is False else "warn")))
            self.checks.addItem(item)
        for note in a.notes:
            item = QtWidgets.QListWidgetItem(f"ℹ  {note}")
            item.setForeground(palette.brush("muted"))
            self.checks.addItem(item)
        if a.verdict == NOT_IN_RULES:
            self.verdict.setText(self.tr("NOT ELIGIBLE: this title is not in the rules in force on the decision date"))
            colour = "error"
        elif a.verdict == TO_REVIEW:
            self.verdict.setText(self.tr("MEETS THE CRITERIA — %1 point(s) for you to judge").replace("%1", str(len(a.to_review))))
            colour = "warn"
        elif a.verdict == ELIGIBLE:
            self.verdict.setText(self.tr("MEETS THE CRITERIA"))
            colour = "ok"
        else:
            self.verdict.setText(self.tr("DOES NOT MEET THE CRITERIA"))
            colour = "error"
        palette.set_tone(self.verdict, colour)
        self.ruleset_label.setText(self.tr("Rules applied: %1").replace("%1", a.ruleset_basis))
        # vote
        threshold = a.vote_threshold
        self.vote_form.setVisible(a.vote_required or a.vote is not None)
        if not a.vote_required:
            self.vote_need.setText(self.tr("This title needs no council vote."))
        elif threshold is None:
            self.vote_need.setText(self.tr("Needs the council's vote; the share needed is set by the council's own rules."))
        else:
            self.vote_need.setText(self.tr("Needs at least %1 of ALL council members in favour.")
                                   .replace("%1", percent_text(threshold)))
        vote, passed = a.vote, a.vote_passed
        if vote is None:
            self.vote_state.setText(self.tr("No vote recorded yet.") if a.vote_required else "")
            palette.set_tone(self.vote_state, "muted")
        else:
            text = self.tr("Meeting of %1: %2/%3 members in favour (%4)").replace("%1", format_date(vote.meeting_date)) \
                .replace("%2", str(vote.votes_for)).replace("%3", str(vote.total_members)) \
                .replace("%4", percent_text(vote.share))
            if passed is not None:
                text += " — " + (self.tr("passed") if passed else self.tr("not passed"))
            self.vote_state.setText(text)
            palette.set_tone(self.vote_state, "ok" if passed else ("error" if passed is False else "text"))
            self.votes.setValue(vote.votes_for)
        current = self.session.currentData()
        self.session.clear()
        for s in d["sessions"]:
            self.session.addItem(self.tr("%1 (%2 members)").replace("%1", format_date(s["meeting_date"]))
                                 .replace("%2", str(s["total_members"])), s["id"])
        i = self.session.findData(current)
        self.session.setCurrentIndex(i if i >= 0 else (0 if self.session.count() else -1))
        if not d["sessions"]:
            self.session.setPlaceholderText(self.tr("No meeting yet — create one"))

    def dossier_ticks(self) -> dict[str, bool]:
        return {
            self.dossier.item(i).data(Qt.ItemDataRole.UserRole): self.dossier.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.dossier.count())
        }

    def missing_items(self) -> list[str]:
        if self.detail is None:
            return []
        ticks = self.dossier_ticks()
        return [it.label for it in self.detail["assessment"].dossier if it.required and not ticks.get(it.key)]

    def _dossier_summary(self) -> None:
        missing = self.missing_items()
        self.dossier_state.setToolTip("")
        if self.detail is not None and not self.detail["assessment"].dossier:
            self.dossier_state.setText(self.tr("No dossier list for this title."))
            palette.set_tone(self.dossier_state, "muted")
        elif missing:
            # one short line (the list above shows which are not ticked), so the nominations keep their room
            self.dossier_state.setText(self.tr("%n required item(s) missing", "", len(missing)))
            self.dossier_state.setToolTip(self.tr("Missing: %1").replace("%1", "; ".join(missing)))
            palette.set_tone(self.dossier_state, "error")
        else:
            self.dossier_state.setText(self.tr("The dossier is complete."))
            palette.set_tone(self.dossier_state, "ok")

    # ------------------------------------------------------------------ actions
    def _selected_ids(self) -> list[str]:
        return [self.model.rows[i]["id"] for i in selected_rows(self.table)]

    def receive_selected(self) -> None:
        ids = [i for i in self._selected_ids()
               if next((r for r in self.model.rows if r["id"] == i), {}).get("status") == "submitted"]
        if not ids:
            dialogs.inform(self, self.tr("Receive"), self.tr("Select nominations with the status “sent up” first."))
            return
        self.ctx.jobs.run(lambda store, _p: office.receive_many(store, nomination_ids=ids),
                          title=self.tr("Receiving the nominations"), parent=self)

    def appraise(self) -> None:
        nid = self.current_id
        if nid is None:
            return
        day, ticks, note = date_of(self.decision_date), self.dossier_ticks(), self.note.text().strip() or None
        self.ctx.jobs.run(lambda store, _p: office.appraise(store, nid, decision_date=day, dossier=ticks, note=note,
                                                           receive_first=True),
                          done=self._appraised, title=self.tr("Appraising"), parent=self)

    def _appraised(self, result: Any) -> None:
        self.detail = None  # reload the detail with the stored appraisal

    def approve(self) -> None:
        nid = self.current_id
        if nid is None:
            return
        note = self.note.text().strip() or None
        self.ctx.jobs.run(lambda store, _p: office.approve(store, nid, note=note),
                          title=self.tr("Approving"), parent=self)

    def suggested_reasons(self) -> list[str]:
        reasons = [self.tr("Missing: %1").replace("%1", m) for m in self.missing_items()]
        if self.detail is not None:
            reasons += [c.detail for c in self.detail["assessment"].checks if c.passed is False]
        return reasons

    def ask_reasons(self, title: str, prompt: str, suggestion: list[str]) -> list[str] | None:
        """Ask for the reasons (tests replace this)."""
        dlg = ReasonsDialog(title, prompt, "\n".join(suggestion), self)
        return dlg.reasons() if dlg.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def return_nomination(self, reasons: list[str] | None = None) -> None:
        nid = self.current_id
        if nid is None:
            return
        if reasons is None:
            reasons = self.ask_reasons(self.tr("Return the dossier"),
                                       self.tr("Why is the dossier returned? One reason per line; the unit sees them."),
                                       self.suggested_reasons())
            if reasons is None:
                return
        self.ctx.jobs.run(lambda store, _p: office.return_nomination(store, nid, reasons=list(reasons)), title=self.tr("Returning the dossier"), parent=self)

    def reject(self, reason: str | None = None) -> None:
        nid = self.current_id
        if nid is None:
            return
        if reason is None:
            got = self.ask_reasons(self.tr("Do not approve"), self.tr("Why is the award not approved?"),
                                   [c.detail for c in self.detail["assessment"].checks if c.passed is False]
                                   if self.detail is not None else [])
            if got is None:
                return
            reason = "; ".join(got)
        text = reason
        self.ctx.jobs.run(lambda store, _p: office.reject(store, nid, reason=text),
                          title=self.tr("Refusing the award"), parent=self)

    def add_session(self, values: Row | None = None) -> None:
        if values is None:
            dlg = SessionDialog(self)
            if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return
            values = dlg.values()
        payload = dict(values)
        self.ctx.jobs.run(lambda store, _p: council.save_session(store, values=payload), done=self._session_added,
                          title=self.tr("Recording the meeting"), parent=self)

    def _session_added(self, row: Row) -> None:
        self.session.addItem(format_date(row["meeting_date"]), row["id"])
        self.session.setCurrentIndex(self.session.count() - 1)

    def record_vote(self, votes: int | None = None) -> None:
        nid, sid = self.current_id, self.session.currentData()
        if nid is None:
            return
        if not sid:
            dialogs.warn(self, self.tr("Council vote"), self.tr("Choose the council meeting first, or create one."))
            return
        n = self.votes.value() if votes is None else int(votes)
        self.ctx.jobs.run(lambda store, _p: council.record_votes(store, session_id=sid, votes={nid: n}),
                          title=self.tr("Recording the vote"), parent=self)
