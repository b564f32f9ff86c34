"""Cài đặt: the operator's name, the signing officials, document number codes, backups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.core.text import format_number, format_size
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.database_tab import DatabaseTab
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage, hint
from tdkt_desktop.store import backups as _backups
from tdkt_desktop.store import changes, installation
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.installation import DOC_TYPES


def read_settings(store: Store) -> dict[str, Any]:
    """The settings shown, and the backups of a SQLite file (a server database is backed up on the server)."""
    return {**installation.settings(store), **({} if store.on_server else read_backups(store))}


def read_backups(store: Store) -> dict[str, Any]:
    found = _backups.list_backups(store.path)
    second = _backups.second_folder(store)
    return {"backups": found, "total_size": _backups.total_size(found), "folder": _backups.backup_folder(store.path),
            "second_folder": second}


class SettingsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(self.tr("Settings"), "", parent)
        self.ctx = ctx
        general = QtWidgets.QWidget(self)
        form = QtWidgets.QFormLayout(general)
        self.operator = QtWidgets.QLineEdit(general)
        self.operator.setObjectName("operatorName")
        form.addRow(self.tr("Operator (written in the change log):"), self.operator)
        self.prefix_edits: dict[str, QtWidgets.QLineEdit] = {}
        for doc in DOC_TYPES:
            edit = QtWidgets.QLineEdit(general)
            edit.setMaximumWidth(220)
            self.prefix_edits[doc] = edit
            form.addRow(self.tr("Code of %1 documents:").replace("%1", doc), edit)
        self.save_button = QtWidgets.QPushButton(self.tr("Save settings"), general)
        self.save_button.setObjectName("addButton")
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)

        self.officials = RecordListView(
            ctx, "officials", columns("officials", "full_name", "title", "authority", "sort_order", person=[]),
            filters={"unit_code": ctx.unit_code or ""},
            editor_fields=["full_name", "title", "authority", "sort_order", "unit_code"],
            add_text=self.tr("Add official"),
        )

        backups = self._server_backups_tab() if ctx.reader.on_server else self._backups_tab()

        self.add_tab(general, self.tr("General"))
        self.add_tab(self.officials, self.tr("Signing officials"))
        self.add_tab(backups, self.tr("Backups"))
        self.add_tab(DatabaseTab(ctx, self), self.tr("Database"))
        self.load()

    def load(self) -> None:
        self.ctx.jobs.run(lambda store, _p: read_settings(store), done=self._show)

    def refresh(self) -> None:
        super().refresh()
        self.load()

    def _show(self, facts: dict[str, Any]) -> None:
        account = self.ctx.reader.account
        self.operator.setText(account.full_name if account is not None else facts["operator"])
        if account is not None:  # on the office's server, each officer's own name, from the sign-in
            self.operator.setReadOnly(True)
            self.operator.setToolTip(self.tr("The name of the officer signed in to the office's database"))
        for doc, edit in self.prefix_edits.items():
            edit.setText(facts["doc_prefixes"].get(doc, ""))
        if "backups" in facts:
            self._show_backups(facts)

    def _server_backups_tab(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        box = QtWidgets.QVBoxLayout(page)
        box.addWidget(hint(self.tr(
            "This is the office's shared database on a PostgreSQL server: it is backed up on the server, every day, "
            "by the office's administrator (pg_dump on a schedule, with a copy kept elsewhere; docs/office-server.md). "
            "Nothing is backed up on this computer."), page))
        box.addStretch(1)
        return page

    # ------------------------------------------------------------------ backups
    def _backups_tab(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        box = QtWidgets.QVBoxLayout(page)
        box.addWidget(hint(self.tr(
            "A backup is a checked full copy of the data (without the private keys). One is made automatically at the "
            "first start of each day, before every import of a bundle or an Excel file and before every upgrade; "
            "the last 7 days, 4 weeks and 12 months are kept. Keep a second copy on a USB stick."), page))
        row = QtWidgets.QHBoxLayout()
        self.backup_button = QtWidgets.QPushButton(self.tr("Back up now"), page)
        self.backup_button.setObjectName("addButton")
        self.restore_button = QtWidgets.QPushButton(self.tr("Restore the selected backup…"), page)
        self.restore_button.setEnabled(False)
        self.restore_file_button = QtWidgets.QPushButton(self.tr("Restore from a file…"), page)
        self.open_button = QtWidgets.QPushButton(self.tr("Open the backup folder"), page)
        for button in (self.backup_button, self.restore_button, self.restore_file_button, self.open_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.backup_list = QtWidgets.QTreeWidget(page)
        self.backup_list.setObjectName("backupList")
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setHeaderLabels([self.tr("Made on"), self.tr("Kind"), self.tr("Size"), self.tr("File")])
        header = self.backup_list.header()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.backup_list, 1)
        self.backup_total = QtWidgets.QLabel(page)
        self.backup_total.setObjectName("backupTotal")
        self.backup_total.setWordWrap(True)
        box.addWidget(self.backup_total)

        second = QtWidgets.QGroupBox(self.tr("Second backup folder (a USB stick)"), page)
        form = QtWidgets.QHBoxLayout(second)
        self.second_folder = QtWidgets.QLineEdit(second)
        self.second_folder.setObjectName("secondFolder")
        self.second_folder.setReadOnly(True)
        self.second_folder.setPlaceholderText(self.tr("Not set: backups stay on this computer only"))
        self.second_choose = QtWidgets.QPushButton(self.tr("Choose…"), second)
        self.second_clear = QtWidgets.QPushButton(self.tr("Stop copying"), second)
        form.addWidget(self.second_folder, 1)
        form.addWidget(self.second_choose)
        form.addWidget(self.second_clear)
        box.addWidget(second)

        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.choose_restore_file)
        self.open_button.clicked.connect(self.open_folder)
        self.second_choose.clicked.connect(self.choose_second_folder)
        self.second_clear.clicked.connect(lambda: self.set_second_folder(None))
        self.backup_list.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected_backup() is not None))
        self.backup_list.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        return page

    def _show_backups(self, facts: dict[str, Any]) -> None:
        self.backup_list.clear()
        for b in facts["backups"]:
            item = QtWidgets.QTreeWidgetItem(self.backup_list, [
                b.made_at.strftime("%d/%m/%Y %H:%M"), self._kind_label(b.kind), format_size(b.size), b.path.name])
            item.setData(0, QtCore.Qt.ItemDataRole.UserRole, str(b.path))
            item.setTextAlignment(2, QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(3, str(b.path))
        if not facts["backups"]:
            QtWidgets.QTreeWidgetItem(self.backup_list, ["", "", "", self.tr("No backup yet.")])
        self.backup_total.setText(
            self.tr("%1 backups, %2 in all, in %3").replace("%1", str(len(facts["backups"])))
            .replace("%2", format_size(facts["total_size"])).replace("%3", str(facts["folder"])))
        second = facts["second_folder"]
        self.second_folder.setText(str(second) if second else "")
        self.second_clear.setEnabled(second is not None)
        self.restore_button.setEnabled(False)

    def _kind_label(self, kind: str) -> str:
        return {
            _backups.KIND_DAILY: self.tr("daily, automatic"),
            _backups.KIND_IMPORT: self.tr("before an import"),
            _backups.KIND_MIGRATION: self.tr("before an upgrade"),
            _backups.KIND_MANUAL: self.tr("made by hand"),
            _backups.KIND_RESTORE: self.tr("before a restore"),
        }.get(kind, kind)

    def load_backups(self) -> None:
        self.ctx.jobs.run(lambda store, _p: read_backups(store), done=self._show_backups)

    def selected_backup(self) -> Path | None:
        items = self.backup_list.selectedItems()
        value = items[0].data(0, QtCore.Qt.ItemDataRole.UserRole) if items else None
        return Path(value) if value else None

    def save(self) -> None:
        operator = self.operator.text()
        prefixes = {doc: edit.text() for doc, edit in self.prefix_edits.items()}

        def saved(facts: dict[str, Any]) -> None:
            self.ctx.reader.operator = facts["operator"]

        def failed(exc: BaseException) -> None:
            dialogs.warn(self, self.tr("Settings"), str(exc))
            if getattr(exc, "field", None) == "operator":
                self.operator.setFocus()

        self.ctx.jobs.run(
            lambda store, _p: installation.save_settings(store, operator=operator, doc_prefixes=prefixes),
            done=saved, failed=failed, title=self.tr("Saving settings"), parent=self,
        )

    def back_up(self) -> None:
        def work(store: Store, _p: Any) -> _backups.Backup:
            return _backups.make_backup(store.path)

        def done(made: _backups.Backup) -> None:
            text = self.tr("The backup was checked and saved as:\n%1").replace("%1", str(made.path))
            if made.copy_path:
                text += "\n" + self.tr("Copy in the second folder: %1").replace("%1", str(made.copy_path))
            if made.copy_error:
                dialogs.warn(self, self.tr("Backup"), text + "\n\n" + made.copy_error)
            else:
                dialogs.inform(self, self.tr("Backup"), text)
            self.load_backups()

        self.ctx.jobs.run(work, done=done, title=self.tr("Backing up"), dialog=True, parent=self)

    def restore_selected(self) -> None:
        path = self.selected_backup()
        if path is not None:
            self.restore_file(path)

    def choose_restore_file(self) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Choose the backup to restore"), str(_backups.backup_folder(self.ctx.db_path)),
            self.tr("Backups (*.sqlite)"))
        if path:
            self.restore_file(Path(path))

    def restore_file(self, path: Path) -> None:
        """Check the backup on a worker, ask, then restore on a worker; every screen then shows the restored data."""

        def check(_store: Store, _p: Any) -> _backups.BackupInfo:
            return _backups.verify_backup(path)

        def ask(info: _backups.BackupInfo) -> None:
            question = self.tr(
                "Replace the data of this computer with the backup “%1” (%2 people, %3 campaigns, %4 nominations)?\n\n"
                "The data as it is now is kept first, as a backup of the kind “before a restore”. Data entered after "
                "the backup was made must be entered again (or asked from the upper office). The restored data gets a "
                "new installation identity, so the next bundle is accepted by the upper office."
            ).replace("%1", path.name).replace("%2", format_number(info.counts.get("people", 0))) \
                .replace("%3", format_number(info.counts.get("campaigns", 0))).replace("%4", format_number(info.counts.get("nominations", 0)))
            if not dialogs.confirm(self, self.tr("Restore"), question):
                return
            self.ctx.jobs.run(work, done=done, title=self.tr("Restoring"), dialog=True, parent=self)

        def work(store: Store, _p: Any) -> tuple[_backups.RestoreResult, list[str]]:
            result = _backups.restore(store.path, path)
            return result, changes.watched_tables(store)

        def done(outcome: tuple[_backups.RestoreResult, list[str]]) -> None:
            result, tables = outcome
            for table in tables:  # written through SQLite's backup, not through this job's statements
                self.ctx.jobs.data_changed.emit(table)
            self.refresh()
            kept = str(result.previous_copy) if result.previous_copy else self.tr("(none)")
            text = self.tr("The data was restored from “%1”.\nThe data as it was before: %2").replace(
                "%1", result.restored_from.name).replace("%2", kept)
            if result.note:
                text += "\n" + result.note
            dialogs.inform(self, self.tr("Restore"), text)

        self.ctx.jobs.run(check, done=ask, title=self.tr("Checking the backup"), parent=self)

    def choose_second_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Choose the second backup folder"))
        if folder:
            self.set_second_folder(Path(folder))

    def set_second_folder(self, folder: Path | None) -> None:
        self.ctx.jobs.run(lambda store, _p: _backups.set_second_folder(store, folder),
                          done=lambda _r: self.load_backups(), title=self.tr("Second backup folder"), parent=self)

    def open_folder(self) -> None:
        folder = _backups.backup_folder(self.ctx.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(folder)))


register_section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"), SettingsSection, order=100)
