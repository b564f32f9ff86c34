"""The list of campaigns: search (tones ignored), filter by year and type, open the editor."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.models import RecordTableModel, column
from tdkt_desktop.gui.open_editors import open_record
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.tables import Column, fill_combo, table_view
from tdkt_desktop.gui.widgets import SearchBox, UndoBar, heading
from tdkt_desktop.gui.workflow.campaign_editor import CampaignEditor
from tdkt_desktop.gui.workflow.common import enum_label
from tdkt_desktop.store import campaigns
from tdkt_desktop.store.listing import years_of


class CampaignsView(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("campaignsSection")
        self.ctx = ctx
        lay = QtWidgets.QVBoxLayout(self)
        title_row = QtWidgets.QHBoxLayout()
        title_row.addWidget(heading(self.tr("Emulation campaigns"), self))
        title_row.addStretch(1)
        self.new_button = QtWidgets.QPushButton(self.tr("New campaign…"), self)
        self.new_button.setObjectName("newCampaign")
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.setToolTip(self.tr("Enter a new campaign or paste a directive (Ctrl+N)"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Open"), self)
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete"), self)
        for b in (self.new_button, self.edit_button, self.delete_button):
            title_row.addWidget(b)
        lay.addLayout(title_row)

        filters = QtWidgets.QHBoxLayout()
        self.search = SearchBox(self)
        self.year = QtWidgets.QComboBox(self)
        self.year.setObjectName("yearFilter")
        self.kind = QtWidgets.QComboBox(self)
        self.kind.setObjectName("typeFilter")
        fill_combo(self.kind, [(t.label, t.value) for t in m.CampaignType], blank=self.tr("All types"))
        filters.addWidget(self.search, 1)
        filters.addWidget(QtWidgets.QLabel(self.tr("Year"), self))
        filters.addWidget(self.year)
        filters.addWidget(QtWidgets.QLabel(self.tr("Type"), self))
        filters.addWidget(self.kind)
        lay.addLayout(filters)

        cols = [
            column("campaigns", "name", width=60),
            column("campaigns", "doc_number"),
            column("campaigns", "doc_date"),
            Column(self.tr("Type"), "campaign_type", text=lambda v: enum_label(m.CampaignType, v)),
            column("campaigns", "year"),
            column("campaigns", "final_review"),
            column("campaigns", "submission_deadline"),
        ]
        self.model = RecordTableModel(
            ctx.reader, "campaigns", cols, sort_column=2, descending=True, jobs=ctx.jobs, parent=self
        )
        self.view = table_view(parent=self, numbered=True)
        self.view.setObjectName("campaignsTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("n") * 60)
        for i in range(1, len(cols)):
            self.view.setColumnWidth(i, self.fontMetrics().horizontalAdvance("n") * 16)
        lay.addWidget(self.view, 1)
        self.count = QtWidgets.QLabel(self)
        lay.addWidget(self.count)
        self.undo = UndoBar(self)
        lay.addWidget(self.undo)

        self.search.search.connect(self.model.set_search)
        self.year.currentIndexChanged.connect(self.apply_filters)
        self.kind.currentIndexChanged.connect(self.apply_filters)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.activated.connect(lambda _i: self.open_current())
        self.model.loaded.connect(self._update_count)
        ctx.jobs.data_changed.connect(self._on_changed)
        self.refresh_years()
        self.model.reload()

    # ------------------------------------------------------------------ filters
    def refresh_years(self) -> None:
        def show(years: list[int]) -> None:
            fill_combo(self.year, [(str(y), y) for y in years], blank=self.tr("All years"))

        self.ctx.jobs.run(lambda store, _p: years_of(store, "campaigns"), done=show, parent=self)

    def apply_filters(self) -> None:
        chosen = {"year": self.year.currentData(), "campaign_type": self.kind.currentData()}
        self.model.set_filter({k: v for k, v in chosen.items() if v is not None})

    def _on_changed(self, table: str) -> None:
        if table == "campaigns":
            self.refresh_years()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 campaigns").replace("%1", str(self.model.rowCount())))

    # ------------------------------------------------------------------ actions
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_current(self) -> CampaignEditor | None:
        cid = self.current_id()
        return self.open_editor(cid) if cid else None

    def open_editor(self, campaign_id: str | None) -> CampaignEditor:
        return open_record(self.ctx, "campaigns", campaign_id, lambda: CampaignEditor(self.ctx, campaign_id, self))

    def delete_current(self) -> None:
        cid = self.current_id()
        if not cid:
            return
        row = self.ctx.reader.get("campaigns", cid)
        if row is None:
            return
        if not dialogs.confirm(
            self, self.tr("Delete campaign"),
            self.tr("Delete the campaign “%1” and its targets?").replace("%1", row["name"]),
        ):
            return

        def done(targets: list[str]) -> None:
            self.undo.offer(
                self.tr("Deleted “%1”.").replace("%1", row["name"]),
                lambda: self._restore(cid, targets),
            )

        self.ctx.jobs.run(lambda store, _p: campaigns.delete_campaign(store, campaign_id=cid), done=done,
                          title=self.tr("Deleting"), parent=self)

    def _restore(self, cid: str, targets: list[str]) -> None:
        self.ctx.jobs.run(lambda store, _p: campaigns.restore_campaign(store, campaign_id=cid, target_ids=targets),
                          title=self.tr("Restoring"), parent=self)

    def refresh(self) -> None:
        self.model.reload()
