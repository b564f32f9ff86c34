"""Đồng bộ: what this installation has to send to its upper office, and what it last exchanged."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage
from tdkt_desktop.store.db import SYNCED_TABLES, Store
from tdkt_desktop.store.fields import KINDS


def sync_facts(store: Store) -> dict[str, Any]:
    sent = int(store.meta("bundle_sent_seq", "0") or 0)
    changed = {}
    for table in SYNCED_TABLES:
        n = next(iter(store.db.query(f"SELECT COUNT(*) AS n FROM {table} WHERE local_seq > ?", [sent])))["n"]
        if n:
            changed[table] = n
    unit = store.self_unit()
    upper = store.unit_by_code(unit["parent_code"]) if unit and unit.get("parent_code") else None
    return {
        "install_id": store.install_id,
        "unit": unit["name"] if unit else "",
        "upper": upper["name"] if upper else "",
        "changed": changed,
        "sent_at": store.meta("bundle_sent_at") or "",
        "received_at": store.meta("bundle_received_at") or "",
    }


class SyncSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Synchronisation"),
            self.tr("Changes travel to the upper office in a bundle file (USB stick or e-mail attachment); "
                    "campaigns, targets and decisions come back the same way."),
            parent,
        )
        self.ctx = ctx
        form_box = QtWidgets.QWidget(self)
        form = QtWidgets.QFormLayout(form_box)
        self.unit = QtWidgets.QLabel(form_box)
        self.upper = QtWidgets.QLabel(form_box)
        self.install = QtWidgets.QLabel(form_box)
        self.sent = QtWidgets.QLabel(form_box)
        self.received = QtWidgets.QLabel(form_box)
        form.addRow(self.tr("This unit:"), self.unit)
        form.addRow(self.tr("Upper office:"), self.upper)
        form.addRow(self.tr("Installation code:"), self.install)
        form.addRow(self.tr("Last bundle sent:"), self.sent)
        form.addRow(self.tr("Last bundle received:"), self.received)
        self.add(form_box, 0)
        sub = QtWidgets.QLabel(self.tr("Changes not yet sent up"), self)
        sub.setObjectName("subheading")
        self.add(sub, 0)
        self.changes = QtWidgets.QTreeWidget(self)
        self.changes.setRootIsDecorated(False)
        self.changes.setHeaderLabels([self.tr("Kind of record"), self.tr("Changes")])
        self.changes.setColumnWidth(0, 320)
        self.add(self.changes, 1)
        ctx.jobs.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.ctx.jobs.run(lambda store, _p: sync_facts(store), done=self._show)

    def _show(self, facts: dict[str, Any]) -> None:
        never = self.tr("never")
        self.unit.setText(facts["unit"])
        self.upper.setText(facts["upper"] or self.tr("(not set)"))
        self.install.setText(facts["install_id"])
        self.sent.setText(facts["sent_at"] or never)
        self.received.setText(facts["received_at"] or never)
        self.changes.clear()
        for table, n in facts["changed"].items():
            QtWidgets.QTreeWidgetItem(self.changes, [KINDS[table].label, format_number(n)])
        if not facts["changed"]:
            QtWidgets.QTreeWidgetItem(self.changes, [self.tr("Everything has been sent."), ""])


register_section("sync", QT_TRANSLATE_NOOP("Sections", "Synchronisation"), SyncSection, order=80)
