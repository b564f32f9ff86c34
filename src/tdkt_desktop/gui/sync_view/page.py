"""Đồng bộ: this installation's identity and key, enrolment of peers, sending and receiving bundles, the import
report, the conflict queue, held bundles and the import history. Every file and database step runs in a job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop import sync
from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import Qt, QtCore, QtWidgets
from tdkt_desktop.gui.sync_view import work
from tdkt_desktop.gui.sync_view.common import fingerprint_label, framed, local_time, note_box, set_fingerprint
from tdkt_desktop.gui.sync_view.conflicts import ConflictsView
from tdkt_desktop.gui.sync_view.enrol import EnrolDialog
from tdkt_desktop.gui.sync_view.report import ReportView, table_label
from tdkt_desktop.gui.tables import Column, RowsModel, selected_row, set_widths, table_view
from tdkt_desktop.gui.widgets import SectionPage, compact_combo
from tdkt_desktop.store.db import SYNCED_TABLES

Row = dict[str, Any]
LAST_DIR = "sync/last_dir"


class SyncPage(SectionPage):
    TAB_SEND, TAB_RECEIVE, TAB_PENDING, TAB_CONFLICTS, TAB_HELD, TAB_PEERS, TAB_HISTORY = range(7)

    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Synchronisation"),
            self.tr("Changes travel between this unit and its upper office (or the units under it) in bundle files "
                    "carried on a USB stick or sent as an attachment. Bundles are signed and encrypted."),
            parent,
        )
        self.ctx = ctx
        self.facts: dict[str, Any] = {}
        self.import_paths: list[str] = []
        self.preview_ok = False
        self._build_identity()
        tabs = self.tab_widget()
        tabs.addTab(self._build_send(), self.tr("Send a bundle"))
        tabs.addTab(self._build_receive(), self.tr("Receive bundles"))
        tabs.addTab(self._build_pending(), self.tr("Not applied yet"))
        self.conflicts = ConflictsView(ctx.naming, self)
        self.conflicts.resolve.connect(self.resolve_conflict)
        tabs.addTab(self.conflicts, self.tr("Conflicts"))
        tabs.addTab(self._build_held(), self.tr("Held bundles"))
        tabs.addTab(self._build_peers(), self.tr("Enrolled units"))
        tabs.addTab(self._build_history(), self.tr("Import history"))
        self._refresh_timer = QtCore.QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.jobs.data_changed.connect(self._changed)
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_identity(self) -> None:
        frame, layout = framed(self)
        row = QtWidgets.QHBoxLayout()
        layout.addLayout(row)
        left = QtWidgets.QFormLayout()
        left.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.unit_label = QtWidgets.QLabel("…", frame)
        self.unit_label.setStyleSheet("font-weight: 600;")
        self.upper_label = QtWidgets.QLabel("…", frame)
        self.upper_label.setWordWrap(True)
        left.addRow(self.tr("This unit:"), self.unit_label)
        left.addRow(self.tr("Upper office:"), self.upper_label)
        row.addLayout(left, 1)
        right = QtWidgets.QVBoxLayout()
        caption = QtWidgets.QLabel(self.tr("Key fingerprint of this unit (read it to the other unit by phone):"), frame)
        caption.setObjectName("hint")
        caption.setWordWrap(True)
        right.addWidget(caption)
        self.own_fp = fingerprint_label("", frame, point_size=18)
        right.addWidget(self.own_fp)
        buttons = QtWidgets.QHBoxLayout()
        self.export_enrolment_button = QtWidgets.QPushButton(self.tr("Save enrolment file…"), frame)
        self.export_enrolment_button.setToolTip(self.tr(
            "Save the file the upper office (or a unit under this one) needs to enrol this unit's key."))
        self.export_enrolment_button.clicked.connect(self.save_enrolment)
        self.enrol_button = QtWidgets.QPushButton(self.tr("Enrol a unit from its file…"), frame)
        self.enrol_button.clicked.connect(self.choose_enrolment)
        buttons.addWidget(self.export_enrolment_button)
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        row.addLayout(right, 1)
        self.outer.addWidget(frame, 0)

    def _build_send(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 10, 0, 0)
        form = QtWidgets.QFormLayout()
        self.recipient = QtWidgets.QComboBox(page)
        compact_combo(self.recipient, 36)
        self.recipient.currentIndexChanged.connect(lambda _i: self._update_send())
        form.addRow(self.tr("Send to:"), self.recipient)
        self.full_box = QtWidgets.QCheckBox(self.tr("Send all data, not only the changes"), page)
        self.full_box.setToolTip(self.tr("When the receiving unit has reinstalled the program or lost bundles"))
        form.addRow("", self.full_box)
        layout.addLayout(form)
        self.send_hint = QtWidgets.QLabel(page)
        self.send_hint.setWordWrap(True)
        self.send_hint.setObjectName("hint")
        layout.addWidget(self.send_hint)
        row = QtWidgets.QHBoxLayout()
        self.export_button = QtWidgets.QPushButton(self.tr("Write the bundle file…"), page)
        self.export_button.setObjectName("addButton")
        self.export_button.clicked.connect(self.choose_export)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.export_result = QtWidgets.QLabel(page)
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_result.setObjectName("doneBox")
        self.export_result.hide()
        layout.addWidget(self.export_result)
        sub = QtWidgets.QLabel(self.tr("Bundles sent"), page)
        sub.setObjectName("subheading")
        layout.addWidget(sub)
        self.sent_model = RowsModel([
            Column(self.tr("Written"), lambda r: local_time(r.get("created_at"))),
            Column(self.tr("To unit"), lambda r: self._unit_text(r.get("to_unit"))),
            Column(self.tr("Kind"), lambda r: self.tr("all data") if r.get("full") else self.tr("changes")),
            Column(self.tr("Records"), lambda r: format_number(r.get("total", 0))),
            Column(self.tr("Received by the other unit"),
                lambda r: local_time(r.get("acked_at")) if r.get("acked_at") else self.tr("not yet confirmed")),
            Column(self.tr("File"), lambda r: str(r.get("path") or "")),
        ], page)
        self.sent = table_view(self.sent_model, page)
        set_widths(self.sent, (130, 260, 110, 80, 200))
        layout.addWidget(self.sent, 1)
        return page

    def _build_receive(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 10, 0, 0)
        row = QtWidgets.QHBoxLayout()
        self.open_file_button = QtWidgets.QPushButton(self.tr("Choose bundle files…"), page)
        self.open_file_button.clicked.connect(self.choose_files)
        self.open_folder_button = QtWidgets.QPushButton(self.tr("Choose a folder (USB stick)…"), page)
        self.open_folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.open_file_button)
        row.addWidget(self.open_folder_button)
        self.source_label = QtWidgets.QLabel(self.tr("No bundle chosen yet."), page)
        self.source_label.setObjectName("hint")
        self.source_label.setWordWrap(True)
        row.addWidget(self.source_label, 1)
        layout.addLayout(row)
        row2 = QtWidgets.QHBoxLayout()
        self.preview_button = QtWidgets.QPushButton(self.tr("Preview"), page)
        self.preview_button.setToolTip(self.tr("Check the bundles and show what importing would do, without "
                                               "writing anything"))
        self.preview_button.clicked.connect(lambda: self.run_import(dry_run=True))
        self.import_button = QtWidgets.QPushButton(self.tr("Import"), page)
        self.import_button.setObjectName("addButton")
        self.import_button.setToolTip(self.tr("Merge the bundles into the data (a backup copy is made first)"))
        self.import_button.clicked.connect(lambda: self.run_import(dry_run=False))
        row2.addWidget(self.preview_button)
        row2.addWidget(self.import_button)
        row2.addStretch(1)
        layout.addLayout(row2)
        self.report = ReportView(page)
        layout.addWidget(self.report, 1)
        self._update_receive()
        return page

    def _build_pending(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(note_box(self.tr(
            "Nothing is lost on the way. Records the other unit could not apply are listed here with the reason it "
            "gave and what to do; records waiting for another record are sent again with every bundle and applied "
            "as soon as that record arrives. Records received here and waiting are listed too."
        ), page))
        states = {"held": self.tr("waiting for a record"), "refused": self.tr("refused"),
                  "review": self.tr("queued as a conflict")}
        self.pending_model = RowsModel([
            Column(self.tr("Where"), lambda r: r["where"]),
            Column(self.tr("State"), lambda r: states.get(r["state"], r["state"]),
                background=lambda r: {"refused": "error-bg", "held": "warn-bg", "review": "warn-bg"}.get(r["state"])),
            Column(self.tr("Kind of record"), lambda r: table_label(r["table_name"])),
            Column(self.tr("Record"), lambda r: str(r.get("title") or r["record_id"])),
            Column(self.tr("Reason"), lambda r: str(r.get("reason") or ""), tooltip=lambda r: str(r.get("reason") or "")),
            Column(self.tr("What to do"), lambda r: str(r.get("advice") or ""), tooltip=lambda r: str(r.get("advice") or "")),
        ], page)
        self.pending_table = table_view(self.pending_model, page)
        set_widths(self.pending_table, (190, 150, 140, 200, 330))
        layout.addWidget(self.pending_table, 1)
        self.pending_empty = QtWidgets.QLabel(self.tr("Every record sent and received has been applied."), page)
        self.pending_empty.setObjectName("hint")
        layout.addWidget(self.pending_empty)
        return page

    def _pending_rows(self, status: dict[str, Any]) -> list[Row]:
        rows: list[Row] = []
        for peer in status.get("peers") or []:
            where = self.tr("Sent to %1").replace("%1", self._unit_text(peer["unit_code"]))
            rows.extend({**r, "where": where} for r in peer.get("reported") or [])
        for r in status.get("held_rows") or []:
            rows.append({**r, "where": self.tr("Received from %1").replace("%1", self._unit_text(r["from_unit"])),
                         "state": "held", "advice": r.get("advice") or "",
                         "reason": self.tr("waits for %1 %2").replace("%1", table_label(r["missing_table"]).lower())
                         .replace("%2", str(r["missing_id"]))})
        for r in status.get("refused_here") or []:
            rows.append({**r, "where": self.tr("Received from %1").replace("%1", self._unit_text(r["from_unit"]))})
        return rows

    def _build_held(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(note_box(self.tr(
            "These bundles are signed with a key this installation does not trust yet (a unit not enrolled, or a "
            "new key after a reinstall). Enrol the unit's key — comparing the fingerprint — and import them again."
        ), page))
        self.held_model = RowsModel([
            Column(self.tr("From unit"), lambda r: self._unit_text(r.get("from_unit"))),
            Column(self.tr("Key fingerprint"), lambda r: r.get("fingerprint") or "", mono=True),
            Column(self.tr("Received"), lambda r: local_time(r.get("received_at"))),
            Column(self.tr("Reason"), lambda r: r.get("reason") or ""),
        ], page)
        self.held = table_view(self.held_model, page)
        set_widths(self.held, (220, 230, 130))
        layout.addWidget(self.held, 1)
        row = QtWidgets.QHBoxLayout()
        self.retry_button = QtWidgets.QPushButton(self.tr("Import the held bundles again"), page)
        self.retry_button.clicked.connect(self.retry_held)
        row.addStretch(1)
        row.addWidget(self.retry_button)
        layout.addLayout(row)
        return page

    def _build_peers(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        status = {"trusted": self.tr("trusted"), "pending": self.tr("not confirmed"),
                  "replaced": self.tr("old key (replaced)")}
        self.peers_model = RowsModel([
            Column(self.tr("Unit"), lambda r: f"{r.get('name') or ''} ({r['unit_code']})"),
            Column(self.tr("Key fingerprint"), lambda r: r.get("fingerprint") or "", mono=True),
            Column(self.tr("Status"), lambda r: status.get(r.get("status") or "", r.get("status") or ""),
                background=lambda r: {"trusted": "ok-bg", "pending": "warn-bg"}.get(r.get("status") or "")),
            Column(self.tr("Enrolled"), lambda r: local_time(r.get("enrolled_at"))),
            Column(self.tr("Changed"), lambda r: local_time(r.get("updated_at"))),
        ], page)
        self.peers = table_view(self.peers_model, page)
        set_widths(self.peers, (300, 240, 140, 130))
        layout.addWidget(self.peers, 1)
        row = QtWidgets.QHBoxLayout()
        button = QtWidgets.QPushButton(self.tr("Enrol a unit from its file…"), page)
        button.clicked.connect(self.choose_enrolment)
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return page

    def _build_history(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        split = QtWidgets.QSplitter(Qt.Orientation.Vertical, page)
        self.history_model = RowsModel([
            Column(self.tr("Imported"), lambda r: local_time(r.get("at"))),
            Column(self.tr("By"), lambda r: r.get("operator") or ""),
            Column(self.tr("Bundles"), lambda r: str(len(r["report"].get("bundles") or []))),
            Column(self.tr("From"), lambda r: ", ".join(sorted({b.get("from_unit") or "?" for b in
                                                               r["report"].get("bundles") or []}))),
            Column(self.tr("Result"), self._history_result),
        ], split)
        self.history = table_view(self.history_model, split)
        set_widths(self.history, (130, 160, 70, 140))
        self.history.selectionModel().selectionChanged.connect(lambda *_a: self._show_history())
        split.addWidget(self.history)
        self.history_report = ReportView(split)
        split.addWidget(self.history_report)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        return page

    # ------------------------------------------------------------------ refreshing
    def _changed(self, table: str) -> None:
        if table in SYNCED_TABLES or table.startswith("sync"):
            self._refresh_timer.start()

    def refresh(self) -> None:
        self.ctx.jobs.run(lambda store, _p: work.overview(store), done=self._show_facts, title=self.tr("Reading"))

    def _unit_text(self, code: str | None) -> str:
        if not code:
            return ""
        names = self.facts.get("names", {})
        return f"{names[code]} ({code})" if code in names else code

    def _show_facts(self, facts: dict[str, Any]) -> None:
        names = {facts["unit_code"]: facts["unit_name"]}
        if facts["upper_code"]:
            names[facts["upper_code"]] = facts["upper_name"] or facts["upper_code"]
        for c in facts["children"]:
            names[c["code"]] = c["name"]
        for p in facts["peers"]:
            names.setdefault(p["unit_code"], p.get("name") or p["unit_code"])
        facts["names"] = names
        self.facts = facts
        self.unit_label.setText(f"{facts['unit_name']} ({facts['unit_code']})" if facts["unit_code"]
                                else self.tr("(unit not set)"))
        if facts["upper_code"]:
            upper = f"{facts['upper_name'] or facts['upper_code']} ({facts['upper_code']})"
            if not facts["upper_trusted"]:
                upper += " — " + self.tr("key not enrolled yet")
            self.upper_label.setText(upper)
        else:
            self.upper_label.setText(self.tr("(none: this is the top level)"))
        set_fingerprint(self.own_fp, facts["fingerprint"])
        # recipients
        current = self.recipient.currentData()
        self.recipient.blockSignals(True)
        self.recipient.clear()
        if facts["upper_code"]:
            self.recipient.addItem(self.tr("Upper office: %1").replace("%1", self._unit_text(facts["upper_code"])),
                                   {"code": facts["upper_code"], "trusted": facts["upper_trusted"]})
        for c in facts["children"]:
            self.recipient.addItem(self.tr("Unit under this one: %1").replace("%1", f"{c['name']} ({c['code']})"),
                                   {"code": c["code"], "trusted": c["trusted"]})
        for i in range(self.recipient.count()):
            if current and self.recipient.itemData(i)["code"] == current["code"]:
                self.recipient.setCurrentIndex(i)
        self.recipient.blockSignals(False)
        self._update_send()
        outgoing = []
        for r in facts["outgoing"]:
            r = dict(r)
            try:
                import json

                r["total"] = sum(json.loads(r.get("counts_json") or "{}").values())
            except ValueError:
                r["total"] = 0
            outgoing.append(r)
        self.sent_model.set_rows(outgoing)
        self.conflicts.set_conflicts(facts["conflicts"])
        pending_rows = self._pending_rows(facts.get("status") or {})
        facts["pending_rows"] = pending_rows
        self.pending_model.set_rows(pending_rows)
        self.pending_empty.setVisible(not pending_rows)
        self.held_model.set_rows(facts["held"])
        self.retry_button.setEnabled(bool(facts["held"]))
        self.peers_model.set_rows(facts["peers"])
        selected = selected_row(self.history)
        self.history_model.set_rows(facts["imports"])
        if 0 <= selected < len(facts["imports"]):
            self.history.selectRow(selected)
        self._tab_counts()

    def _tab_counts(self) -> None:
        n_pending = len(self.facts.get("pending_rows") or [])
        self.tab_widget().setTabText(self.TAB_PENDING, self.tr("Not applied yet (%1)").replace("%1", str(n_pending))
                             if n_pending else self.tr("Not applied yet"))
        n_conf = len(self.facts.get("conflicts") or [])
        n_held = len(self.facts.get("held") or [])
        self.tab_widget().setTabText(self.TAB_CONFLICTS, self.tr("Conflicts (%1)").replace("%1", str(n_conf))
                             if n_conf else self.tr("Conflicts"))
        self.tab_widget().setTabText(self.TAB_HELD, self.tr("Held bundles (%1)").replace("%1", str(n_held))
                             if n_held else self.tr("Held bundles"))

    def _history_result(self, row: Row) -> str:
        report = row["report"]
        totals = report.get("totals") or {}
        parts = []
        for key, label in (("new", self.tr("new")), ("updated", self.tr("updated")),
                           ("conflict", self.tr("conflicts")), ("rejected", self.tr("refused"))):
            n = sum(t.get(key, 0) for t in totals.values())
            if n:
                parts.append(f"{label} {format_number(n)}")
        refused = sum(1 for b in report.get("bundles") or [] if b.get("status") == "refused")
        if refused:
            parts.append(self.tr("%1 bundle(s) refused").replace("%1", str(refused)))
        return ", ".join(parts) or self.tr("no change")

    def _show_history(self) -> None:
        row = self.history_model.row(selected_row(self.history))
        if row is None:
            self.history_report.clear()
        else:
            self.history_report.show_report(row["report"])

    # ------------------------------------------------------------------ own identity
    def _last_dir(self) -> str:
        value = self.ctx.settings.value(LAST_DIR)
        return str(value) if value else str(Path.home())

    def _remember_dir(self, path: str) -> None:
        p = Path(path)
        self.ctx.settings.setValue(LAST_DIR, str(p if p.is_dir() else p.parent))

    def save_enrolment(self) -> None:
        code = self.facts.get("unit_code") or self.ctx.unit_code or ""
        default = str(Path(self._last_dir()) / work.default_enrolment_name(code))
        path, _f = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save enrolment file"), default,
            self.tr("Enrolment files (*%1);;All files (*)").replace("%1", work.ENROLMENT_SUFFIX),
        )
        if not path:
            return
        self._remember_dir(path)
        self.ctx.jobs.run(
            lambda store, _p: work.save_enrolment(store, path),
            done=lambda fp: dialogs.inform(self, self.tr("Enrolment file saved"), self.tr(
                "The file was saved to:\n%1\n\nGive it to the other unit. When they enrol it, read them this "
                "fingerprint by phone:\n%2").replace("%1", path).replace("%2", fp)),
            title=self.tr("Save enrolment file"), parent=self,
        )

    # ------------------------------------------------------------------ enrolment
    def choose_enrolment(self) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open an enrolment file"), self._last_dir(),
            self.tr("Enrolment files (*%1 *.json);;All files (*)").replace("%1", work.ENROLMENT_SUFFIX),
        )
        if path:
            self._remember_dir(path)
            self.open_enrolment(path)

    def open_enrolment(self, path: str) -> None:
        self.ctx.jobs.run(
            lambda store, _p: work.read_enrolment_file(store, path),
            done=self._ask_enrolment, title=self.tr("Open an enrolment file"), parent=self,
        )

    def _ask_enrolment(self, facts: dict[str, Any]) -> None:
        dialog = EnrolDialog(facts, self)
        self.enrol_dialog: EnrolDialog | None = dialog  # tests reach it here
        dialog.finished.connect(lambda code: self._enrol_finished(dialog, code))
        dialog.open()

    def _enrol_finished(self, dialog: EnrolDialog, code: int) -> None:
        self.enrol_dialog = None
        dialog.deleteLater()
        if code != QtWidgets.QDialog.DialogCode.Accepted:
            return
        info = dialog.facts["info"]
        self.ctx.jobs.run(
            lambda store, _p: work.enroll(store, info, retry_held=True),
            done=self._enrolled, title=self.tr("Enrol a unit"), parent=self,
        )

    def _enrolled(self, result: dict[str, Any]) -> None:
        self.refresh()
        text = result["result"].message
        if result.get("report"):
            self.report.show_report(result["report"])
            self.tab_widget().setCurrentIndex(self.TAB_RECEIVE)
            text += "\n\n" + self.tr("The bundles held for this key were imported again; see the report.")
        dialogs.inform(self, self.tr("Enrol a unit"), text)

    # ------------------------------------------------------------------ sending
    def _update_send(self) -> None:
        data = self.recipient.currentData()
        if not data:
            self.export_button.setEnabled(False)
            self.send_hint.setText(self.tr("There is no upper office or unit under this one to send to. Check the "
                                           "unit list (Units)."))
            return
        self.export_button.setEnabled(bool(data["trusted"]))
        if data["trusted"]:
            self.send_hint.setText(self.tr("The bundle is signed by this unit and encrypted so that only %1 can "
                                           "read it.").replace("%1", self._unit_text(data["code"])))
        else:
            self.send_hint.setText(self.tr("The key of %1 is not enrolled yet: ask them for their enrolment file, "
                                           "enrol it (comparing the fingerprint by phone), then write the bundle.")
                                   .replace("%1", self._unit_text(data["code"])))

    def choose_export(self) -> None:
        data = self.recipient.currentData()
        if not data:
            return
        me = self.facts.get("unit_code") or self.ctx.unit_code or ""
        default = str(Path(self._last_dir()) / work.default_bundle_name(me, data["code"]))
        path, _f = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Write the bundle file"), default,
            self.tr("Bundle files (*%1);;All files (*)").replace("%1", sync.SUFFIX),
        )
        if not path:
            return
        if not path.lower().endswith(sync.SUFFIX):
            path += sync.SUFFIX
        self._remember_dir(path)
        self.export_to(data["code"], path, full=self.full_box.isChecked())

    def export_to(self, to_unit: str, path: str, *, full: bool = False) -> None:
        self.export_result.hide()
        self.ctx.jobs.run(
            lambda store, _p: work.export(store, to_unit, path, full=full),
            done=self._exported, title=self.tr("Writing the bundle"), dialog=True, parent=self,
        )

    def _exported(self, result: dict[str, Any]) -> None:
        info = result["info"]
        kinds = ", ".join(f"{table_label(t)} {format_number(n)}" for t, n in info["counts"].items())
        text = self.tr("Bundle written for %1: %2 record(s) (%3).\nFile: %4\nCarry it to the receiving unit on a "
                       "USB stick or send it as an attachment.")
        text = (text.replace("%1", self._unit_text(info["to_unit"])).replace("%2", format_number(result["total"]))
                .replace("%3", kinds or self.tr("no change")).replace("%4", info["path"]))
        self.export_result.setText(text)
        self.export_result.show()
        self.refresh()

    # ------------------------------------------------------------------ receiving
    def choose_files(self) -> None:
        paths, _f = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Choose bundle files"), self._last_dir(),
            self.tr("Bundle files (*%1 *.zip);;All files (*)").replace("%1", sync.SUFFIX),
        )
        if paths:
            self._remember_dir(paths[0])
            self.set_import_paths(paths)

    def choose_folder(self) -> None:
        path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Choose the folder with the bundles"),
                                                          self._last_dir())
        if path:
            self._remember_dir(path)
            self.set_import_paths([path])

    def set_import_paths(self, paths: list[str], *, preview: bool = True) -> None:
        """Choose what to import; the preview (dry run) starts at once."""
        self.import_paths = [str(p) for p in paths]
        self.preview_ok = False
        self.report.clear()
        count = work.count_bundles(self.import_paths)
        if len(self.import_paths) == 1 and Path(self.import_paths[0]).is_dir():
            self.source_label.setText(self.tr("Folder %1: %2 bundle file(s).").replace("%1", self.import_paths[0])
                                      .replace("%2", str(count)))
        else:
            names = ", ".join(Path(p).name for p in self.import_paths)
            self.source_label.setText(names)
        self.source_label.setToolTip("\n".join(self.import_paths))
        self.tab_widget().setCurrentIndex(self.TAB_RECEIVE)
        self._update_receive()
        if preview:
            self.run_import(dry_run=True)

    def _update_receive(self) -> None:
        self.preview_button.setEnabled(bool(self.import_paths))
        self.import_button.setEnabled(bool(self.import_paths) and self.preview_ok)

    def run_import(self, *, dry_run: bool) -> None:
        paths = list(self.import_paths)
        if not paths:
            return
        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.ctx.jobs.run(
            lambda store, _p: work.import_files(store, paths, dry_run=dry_run),
            done=lambda report: self._imported(report, dry_run),
            failed=self._import_failed,
            title=self.tr("Checking the bundles") if dry_run else self.tr("Importing the bundles"),
            dialog=True, parent=self,
        )

    def _imported(self, report: dict[str, Any], dry_run: bool) -> None:
        self.report.show_report(report)
        statuses = {b.get("status") for b in report.get("bundles") or []}
        self.preview_ok = dry_run and bool(statuses & {"checked", "held"})
        self._update_receive()
        if not dry_run:
            self.refresh()

    def _import_failed(self, error: BaseException) -> None:
        self.preview_ok = False
        self._update_receive()
        self.report.clear()
        dialogs.warn(self, self.tr("Cannot import"), str(error))

    def retry_held(self) -> None:
        self.ctx.jobs.run(
            lambda store, _p: work.retry_held(store),
            done=self._retried, title=self.tr("Importing the held bundles"),
            dialog=True, parent=self,
        )

    def _retried(self, report: dict[str, Any]) -> None:
        self.report.show_report(report)
        self.tab_widget().setCurrentIndex(self.TAB_RECEIVE)
        self.refresh()

    # ------------------------------------------------------------------ conflicts
    def resolve_conflict(self, review_id: str, choose: str) -> None:
        self.ctx.jobs.run(
            lambda store, _p: work.resolve(store, review_id, choose),
            done=lambda _row: self.refresh(),
            title=self.tr("Resolving the conflict"), parent=self,
        )


def make_sync_page(ctx: AppContext) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.i18n import ensure_translator

    ensure_translator()
    return SyncPage(ctx)
