"""Đăng ký hàng loạt: many people (or collectives, households) of the unit registering for one title of a
campaign at once — every staff member for Lao động tiên tiến — chosen from a list filtered without tones.

The registering is ``store.registrations.register_many`` on a worker: the title must suit the kind, nobody is
registered twice, and a wrong subject registers nobody. The titles offered are those given to the kind chosen
in the rules in force at the end of the campaign's year."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.rules import allowed_titles, ruleset_for
from tdkt_desktop.core.text import InputError, format_number
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.errors import user_message
from tdkt_desktop.gui.models import RecordTableModel, columns
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.tables import fill_combo, set_widths
from tdkt_desktop.gui.widgets import SearchBox, fit_to_screen
from tdkt_desktop.store.campaigns import campaign_list
from tdkt_desktop.store.registrations import Registered, register_many

_COLUMNS = {
    SubjectKind.PERSON: ("full_name", "position", "workplace", "unit_code"),
    SubjectKind.COLLECTIVE: ("name", "kind", "unit_code", "members_count"),
    SubjectKind.HOUSEHOLD: ("head_name", "address", "unit_code"),
}


def campaign_year(campaign: dict[str, Any], today: _dt.date) -> int:
    """The year a campaign's registrations are for: its year, else the year it starts, else this year."""
    for value in (str(campaign.get("year") or ""), str(campaign.get("start_date") or "")[:4]):
        if value.isdigit():
            return int(value)
    return today.year


class BulkRegistrationDialog(QtWidgets.QDialog):
    """Choose a campaign, a kind and a title, filter the list, select, register (see the module)."""

    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None, *,
                 today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or _dt.date.today()
        self.result_: Registered | None = None
        self.setObjectName("bulkRegistration")
        self.setWindowTitle(self.tr("Register many at once"))
        outer = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        self.campaign = QtWidgets.QComboBox(self)
        self.campaign.setObjectName("bulkCampaign")
        self.campaigns: list[dict[str, Any]] = []
        form.addRow(self.tr("Campaign:"), self.campaign)
        self.kind = QtWidgets.QComboBox(self)
        self.kind.setObjectName("bulkKind")
        fill_combo(self.kind, [(k.label, k.value) for k in SubjectKind])
        form.addRow(self.tr("Who registers:"), self.kind)
        self.title = QtWidgets.QComboBox(self)
        self.title.setObjectName("bulkTitle")
        form.addRow(self.tr("Title:"), self.title)
        outer.addLayout(form)

        self.search_box = SearchBox(self)
        self.search_box.setPlaceholderText(self.tr("Filter by name, position or workplace (tones not needed)"))
        outer.addWidget(self.search_box)
        self.view = QtWidgets.QTableView(self)
        self.view.setObjectName("bulkSubjects")
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        outer.addWidget(self.view, 1)
        row = QtWidgets.QHBoxLayout()
        self.select_all = QtWidgets.QPushButton(self.tr("Select all shown"), self)
        self.select_all.setObjectName("bulkSelectAll")
        self.chosen = QtWidgets.QLabel(self)
        self.chosen.setObjectName("bulkChosen")
        row.addWidget(self.select_all)
        row.addWidget(self.chosen, 1)
        outer.addLayout(row)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.register_button = buttons.addButton(self.tr("Register"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.register_button.setObjectName("bulkRegister")
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.register)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.model: RecordTableModel | None = None
        self._searching: Any = None  # the list the search box filters
        self.campaign.currentIndexChanged.connect(self._offer_titles)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.select_all.clicked.connect(self._select_all)
        self._kind_changed()
        ctx.jobs.run(lambda store, _p: campaign_list(store), done=self._campaigns_loaded)  # off the GUI thread
        fit_to_screen(self, 900, 600)
        self.search_box.setFocus()

    # ------------------------------------------------------------------ choices
    def _campaigns_loaded(self, campaigns: list[dict[str, Any]]) -> None:
        self.campaigns = campaigns
        fill_combo(self.campaign, [(c["name"], c["id"]) for c in campaigns])
        self._offer_titles()

    def subject_kind(self) -> SubjectKind:
        return SubjectKind(str(self.kind.currentData() or SubjectKind.PERSON.value))

    def _year(self) -> int:
        index = self.campaign.currentIndex()
        campaign = self.campaigns[index] if 0 <= index < len(self.campaigns) else {}
        return campaign_year(campaign, self.today)

    def _offer_titles(self) -> None:
        """Only the titles given to the kind chosen, in the rules in force at the end of the campaign's year."""
        try:
            entries = allowed_titles(ruleset_for(_dt.date(self._year(), 12, 31)), self.subject_kind())
        except InputError:
            entries = []
        current = self.title.currentData()
        fill_combo(self.title, [(self.ctx.naming.title(e.code), e.code) for e in entries])
        index = self.title.findData(current)
        if index >= 0:
            self.title.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        self._offer_titles()
        kind = self.subject_kind()
        self.model = RecordTableModel(self.ctx.reader, kind.table,
                                      columns(kind.table, *_COLUMNS[kind], person=[kind.name_field]
                                              if kind is not SubjectKind.COLLECTIVE else []),
                                      jobs=self.ctx.jobs, parent=self)
        self.view.setModel(self.model)
        # a name column that reads whole, the others by their content (the rest of the width to the last)
        chars = self.view.fontMetrics().averageCharWidth()
        set_widths(self.view, [28 * chars, 22 * chars, 26 * chars][: self.model.columnCount() - 1])
        self.view.horizontalHeader().setStretchLastSection(True)
        if self._searching is not None:
            self.search_box.search.disconnect(self._searching)
        self._searching = self.model.set_search
        self.search_box.search.connect(self._searching)
        self.view.selectionModel().selectionChanged.connect(self._count)
        self.model.loaded.connect(self._count)
        self.model.set_search(self.search_box.text())
        self.model.reload()

    def _select_all(self) -> None:
        if self.model is not None and self.model.loading:  # the whole list first, then every row of it
            self.model.loaded.connect(self._select_all_once)
            return
        self.view.selectAll()

    def _select_all_once(self) -> None:
        if self.model is not None:
            self.model.loaded.disconnect(self._select_all_once)
        self.view.selectAll()

    def selected_ids(self) -> list[str]:
        if self.model is None:
            return []
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(r) for r in rows) if i]

    def _count(self, *_: Any) -> None:
        shown = self.model.rowCount() if self.model is not None else 0
        self.chosen.setText(self.tr("%1 chosen of %2 shown").replace("%1", format_number(len(self.selected_ids())))
                            .replace("%2", format_number(shown)))
        self.register_button.setEnabled(bool(self.selected_ids()) and self.title.count() > 0)

    # ------------------------------------------------------------------ registering
    def register(self) -> None:
        ids, title, campaign_id = self.selected_ids(), self.title.currentData(), self.campaign.currentData()
        if not ids or not title or not campaign_id:
            dialogs.warn(self, self.windowTitle(), self.tr("Choose a campaign, a title and at least one in the list."))
            return
        kind = self.subject_kind().value
        self.register_button.setEnabled(False)

        def done(result: Registered) -> None:
            self.result_ = result
            text = self.tr("Registered: %1.").replace("%1", format_number(len(result.added)))
            if result.already:
                text += " " + self.tr("Already registered for this title in this campaign (not doubled): %1.").replace(
                    "%1", format_number(len(result.already)))
            dialogs.inform(self, self.windowTitle(), text)
            self.accept()

        def failed(exc: BaseException) -> None:  # said in Vietnamese, nothing registered: the choice can be fixed
            self.register_button.setEnabled(True)
            dialogs.warn(self, self.windowTitle(), user_message(exc) or "")

        self.ctx.jobs.run(
            lambda store, _p: register_many(store, campaign_id=str(campaign_id), title_code=str(title),
                                            subject_kind=kind, subject_ids=ids, registered_on=self.today),
            done=done, failed=failed, title=self.windowTitle(), dialog=True, parent=self)


def open_bulk_registration(ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> BulkRegistrationDialog:
    dialog = BulkRegistrationDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
