"""Khen thưởng: nominations, council meetings and decisions, one tab each."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import format_date, format_money
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.models import RecordTableModel, column
from tdkt_desktop.gui.open_editors import open_record
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.tables import Column, fill_combo, table_view
from tdkt_desktop.gui.widgets import SearchBox, heading
from tdkt_desktop.gui.workflow.cancel_dialog import CancelAwardsDialog
from tdkt_desktop.gui.workflow.nomination_editor import NominationEditor
from tdkt_desktop.gui.workflow.vote_editor import VoteSessionEditor
from tdkt_desktop.store import cancellations
from tdkt_desktop.store.listing import years_of


def _sized(view: QtWidgets.QTableView, widths: list[int]) -> None:
    n = view.fontMetrics().horizontalAdvance("n")
    for i, chars in enumerate(widths):
        view.setColumnWidth(i, n * chars)
    view.horizontalHeader().setStretchLastSection(True)


class NominationsTab(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QtWidgets.QVBoxLayout(self)
        bar = QtWidgets.QHBoxLayout()
        self.search = SearchBox(self)
        self.status = QtWidgets.QComboBox(self)
        self.status.setObjectName("statusFilter")
        fill_combo(self.status, [(s.label, s.value) for s in m.NominationStatus], blank=self.tr("All statuses"))
        self.year = QtWidgets.QComboBox(self)
        self.year.setObjectName("yearFilter")
        self.new_button = QtWidgets.QPushButton(self.tr("New nomination…"), self)
        self.new_button.setObjectName("newNomination")
        self.open_button = QtWidgets.QPushButton(self.tr("Open"), self)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.year)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        lay.addLayout(bar)
        cols = [
            column("nominations", "subject_name", sort="person"),
            column("nominations", "title_code", naming=ctx.naming),
            column("nominations", "award_kind"),
            column("nominations", "year"),
            column("nominations", "status"),
            column("nominations", "submitted_on"),
            column("nominations", "status_reason"),
        ]
        self.model = RecordTableModel(ctx.reader, "nominations", cols, jobs=ctx.jobs, parent=self)
        self.view = table_view(parent=self, numbered=True)
        self.view.setObjectName("nominationsTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        _sized(self.view, [30, 30, 26, 7, 16, 12])
        lay.addWidget(self.view, 1)
        self.count = QtWidgets.QLabel(self)
        lay.addWidget(self.count)
        self.search.search.connect(self.model.set_search)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.year.currentIndexChanged.connect(self.apply_filters)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.open_button.clicked.connect(self.open_current)
        self.view.activated.connect(lambda _i: self.open_current())
        self.model.loaded.connect(
            lambda: self.count.setText(self.tr("%1 nominations").replace("%1", str(self.model.rowCount())))
        )
        ctx.jobs.data_changed.connect(lambda t: self.refresh_years() if t == "nominations" else None)
        self.refresh_years()
        self.model.reload()

    def refresh_years(self) -> None:
        def show(years: list[int]) -> None:
            fill_combo(self.year, [(str(y), y) for y in years], blank=self.tr("All years"))

        self.ctx.jobs.run(lambda store, _p: years_of(store, "nominations"), done=show, parent=self)

    def apply_filters(self) -> None:
        chosen = {"status": self.status.currentData(), "year": self.year.currentData()}
        self.model.set_filter({k: v for k, v in chosen.items() if v is not None})

    def open_current(self) -> NominationEditor | None:
        index = self.view.currentIndex()
        nid = self.model.id_at(index.row()) if index.isValid() else None
        return self.open_editor(nid) if nid else None

    def open_editor(self, nomination_id: str | None) -> NominationEditor:
        return open_record(self.ctx, "nominations", nomination_id,
                           lambda: NominationEditor(self.ctx, nomination_id, self))


class SessionsTab(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QtWidgets.QVBoxLayout(self)
        bar = QtWidgets.QHBoxLayout()
        bar.addWidget(QtWidgets.QLabel(
            self.tr("Meetings of the emulation and commendation council, with the votes for each nomination."), self), 1)
        self.open_button = QtWidgets.QPushButton(self.tr("Open"), self)
        self.new_button = QtWidgets.QPushButton(self.tr("New meeting…"), self)
        self.new_button.setObjectName("newSession")
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        lay.addLayout(bar)
        cols = [
            column("vote_sessions", k)
            for k in ("meeting_date", "period", "place", "total_members", "present", "written_opinions", "chair")
        ]
        self.model = RecordTableModel(
            ctx.reader, "vote_sessions", cols, descending=True, jobs=ctx.jobs, parent=self
        )
        self.view = table_view(parent=self, numbered=True)
        self.view.setObjectName("sessionsTable")
        self.view.setModel(self.model)
        _sized(self.view, [12, 14, 36, 12, 12, 12])
        lay.addWidget(self.view, 1)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.open_button.clicked.connect(self.open_current)
        self.view.activated.connect(lambda _i: self.open_current())
        self.model.reload()

    def open_current(self) -> VoteSessionEditor | None:
        index = self.view.currentIndex()
        sid = self.model.id_at(index.row()) if index.isValid() else None
        return self.open_editor(sid) if sid else None

    def open_editor(self, session_id: str | None) -> VoteSessionEditor:
        return open_record(self.ctx, "vote_sessions", session_id, lambda: VoteSessionEditor(self.ctx, session_id, self))


class DecisionsTab(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QtWidgets.QVBoxLayout(self)
        split = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        cols = [
            Column(self.tr("Number"), lambda r: "/".join(str(p) for p in (r.get("number"), r.get("doc_code")) if p),
                   sort="sql", field="number"),
            column("decisions", "decision_date"),
            column("decisions", "subject"),
            column("decisions", "signer"),
            Column(self.tr("Total money"), "total_amount", "money", text=lambda v: format_money(v) if v else "",
                   sort="sql"),
        ]
        self.model = RecordTableModel(
            ctx.reader, "decisions", cols, sort_column=1, descending=True, jobs=ctx.jobs, parent=self
        )
        self.view = table_view(parent=split, numbered=True)
        self.view.setObjectName("decisionsTable")
        self.view.setModel(self.model)
        _sized(self.view, [14, 12, 44, 20])
        split.addWidget(self.view)
        acols = [
            column("decision_awardees", "so_vang"),
            column("decision_awardees", "subject_name", sort="person"),
            column("decision_awardees", "title_code", naming=ctx.naming),
            Column(self.tr("Money"), "amount", "money", text=lambda v: format_money(v) if v else "", sort="sql"),
            # Luật Thi đua, khen thưởng 2022, Điều 93: a cancelled award stays on the list, marked
            Column(self.tr("Cancelled"), lambda r: self.cancelled.get(str(r.get("id")), ""), sort=""),
        ]
        self.cancelled: dict[str, str] = {}
        self.awardees = RecordTableModel(
            ctx.reader, "decision_awardees", acols, filters={"decision_id": ""}, jobs=ctx.jobs, parent=self
        )
        box = QtWidgets.QGroupBox(self.tr("Awardees of the chosen decision"), split)
        bl = QtWidgets.QVBoxLayout(box)
        self.awardees_view = table_view(parent=box, numbered=True)
        self.awardees_view.setObjectName("awardeesTable")
        self.awardees_view.setModel(self.awardees)
        self.awardees_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        _sized(self.awardees_view, [10, 32, 34, 14])
        bl.addWidget(self.awardees_view)
        row = QtWidgets.QHBoxLayout()
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel award…"), box)
        self.cancel_button.setObjectName("cancelAwardButton")
        self.cancel_button.setToolTip(self.tr(
            "Issue a decision cancelling the chosen awards (Law on Emulation and Commendation, Article 93): the money "
            "to recover is shown, the award list and history are marked"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.open_cancel_dialog())
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        bl.addLayout(row)
        split.addWidget(box)
        lay.addWidget(split)
        self.view.selectionModel().currentRowChanged.connect(self._show_awardees)
        self.awardees_view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.model.loaded.connect(self._select_first)
        ctx.jobs.data_changed.connect(self._data_changed)
        self.model.reload()
        self.load_cancellations()

    def _data_changed(self, table: str) -> None:
        if table == "award_cancellations":
            self.load_cancellations()

    def load_cancellations(self) -> None:
        def read(store: Any, _p: Any) -> list[dict[str, Any]]:
            return cancellations.all_cancellations(store)

        def show(rows: list[dict[str, Any]]) -> None:
            self.cancelled = {
                r["awardee_id"]: self.tr("Cancelled by %1 (%2)").replace("%1", f"{r['number']}/{r['doc_code']}")
                .replace("%2", format_date(r["cancel_date"]))
                for r in rows
            }
            self.awardees.reload()
            self._selection_changed()

        self.ctx.jobs.run(read, done=show, parent=self)

    def selected_awardees(self) -> list[str]:
        rows = sorted({i.row() for i in self.awardees_view.selectionModel().selectedRows()})
        return [str(self.awardees.id_at(r)) for r in rows if self.awardees.id_at(r)]

    def _selection_changed(self) -> None:
        chosen = self.selected_awardees()
        self.cancel_button.setEnabled(bool(chosen) and not any(a in self.cancelled for a in chosen))

    def open_cancel_dialog(self) -> CancelAwardsDialog | None:
        chosen = self.selected_awardees()
        if not chosen:
            return None
        dialog = CancelAwardsDialog(self.ctx, chosen, self)
        dialog.open()
        return dialog

    def _select_first(self) -> None:
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_awardees(self, current: Any, _previous: Any = None) -> None:
        did = self.model.id_at(current.row()) if current.isValid() else None
        self.awardees.set_filter({"decision_id": did or ""})


class AwardsView(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("awardsSection")
        self.ctx = ctx
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Commendation"), self))
        self.tabs = QtWidgets.QTabWidget(self)
        self.nominations = NominationsTab(ctx, self.tabs)
        self.sessions = SessionsTab(ctx, self.tabs)
        self.decisions = DecisionsTab(ctx, self.tabs)
        self.tabs.addTab(self.nominations, self.tr("Nominations"))
        self.tabs.addTab(self.sessions, self.tr("Council meetings"))
        self.tabs.addTab(self.decisions, self.tr("Decisions"))
        lay.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.nominations.model.reload()
