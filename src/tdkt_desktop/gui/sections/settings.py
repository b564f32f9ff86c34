"""Cài đặt: the operator's name, the signing officials, document number codes, backups."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage, hint
from tdkt_desktop.store import backups as _backups
from tdkt_desktop.store import installation
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.installation import DOC_TYPES


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[tuple[str, str, int]]:
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    out = []
    for p in files:
        stamp = _dt.datetime.fromtimestamp(p.stat().st_mtime).strftime("%d/%m/%Y %H:%M")
        out.append((stamp, p.name, p.stat().st_size))
    return out


def read_settings(store: Store) -> dict[str, Any]:
    return {**installation.settings(store), "backups": list_backups(store.path)}


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

        backups = QtWidgets.QWidget(self)
        box = QtWidgets.QVBoxLayout(backups)
        box.addWidget(hint(self.tr("A backup is a full copy of the data. One is made before every upgrade; make one "
                                   "yourself before big changes and keep copies on a USB stick."), backups))
        row = QtWidgets.QHBoxLayout()
        self.backup_button = QtWidgets.QPushButton(self.tr("Back up now"), backups)
        self.backup_button.setObjectName("addButton")
        self.open_button = QtWidgets.QPushButton(self.tr("Open the backup folder"), backups)
        row.addWidget(self.backup_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        box.addLayout(row)
        self.backup_list = QtWidgets.QTreeWidget(backups)
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setHeaderLabels([self.tr("Made on"), self.tr("File"), self.tr("Size")])
        self.backup_list.setColumnWidth(0, 150)
        self.backup_list.setColumnWidth(1, 480)
        box.addWidget(self.backup_list, 1)
        self.backup_button.clicked.connect(self.back_up)
        self.open_button.clicked.connect(self.open_folder)

        self.add_tab(general, self.tr("General"))
        self.add_tab(self.officials, self.tr("Signing officials"))
        self.add_tab(backups, self.tr("Backups"))
        self.load()

    def load(self) -> None:
        self.ctx.jobs.run(lambda store, _p: read_settings(store), done=self._show)

    def refresh(self) -> None:
        super().refresh()
        self.load()

    def _show(self, facts: dict[str, Any]) -> None:
        self.operator.setText(facts["operator"])
        for doc, edit in self.prefix_edits.items():
            edit.setText(facts["doc_prefixes"].get(doc, ""))
        self.backup_list.clear()
        for stamp, name, size in facts["backups"]:
            QtWidgets.QTreeWidgetItem(self.backup_list, [stamp, name, f"{size / 1_048_576:.1f} MB".replace(".", ",")])
        if not facts["backups"]:
            QtWidgets.QTreeWidgetItem(self.backup_list, ["", self.tr("No backup yet."), ""])

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
        def work(store: Store, _p: Any) -> Path:
            return _backups.make_backup(store.path).path

        def done(path: Path) -> None:
            dialogs.inform(self, self.tr("Backup"), self.tr("The backup was saved as:\n%1").replace("%1", str(path)))
            self.load()

        self.ctx.jobs.run(work, done=done, title=self.tr("Backing up"), dialog=True, parent=self)

    def open_folder(self) -> None:
        folder = backups_folder(self.ctx.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(folder)))


register_section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"), SettingsSection, order=100)
