"""The import report on screen: one line per bundle, counts per kind of record, then the reasons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.tables import Column, RowsModel, table_view
from tdkt_desktop.store.fields import KINDS

OUTCOMES = ("new", "updated", "merged", "unchanged", "stale", "conflict", "held", "rejected")


def table_label(table: str) -> str:
    return KINDS[table].label if table in KINDS else table


def _count_of(outcome: str) -> Callable[[dict[str, Any]], str]:
    return lambda row: _n(row[outcome])


def _n(value: int) -> str:
    return format_number(value) if value else "–"


class ReportView(QtWidgets.QWidget):
    """Shows ``ImportReport.to_dict()`` (a fresh report, or one from the import history)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QtWidgets.QLabel(self)
        self.banner.setObjectName("reportBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.bundles = QtWidgets.QLabel(self)
        self.bundles.setWordWrap(True)
        self.bundles.setTextFormat(Qt.TextFormat.RichText)
        self.bundles.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.bundles)
        labels = {
            "new": self.tr("New"), "updated": self.tr("Updated"), "merged": self.tr("Merged"),
            "unchanged": self.tr("Unchanged"), "stale": self.tr("Older (skipped)"), "conflict": self.tr("Conflicts"),
            "held": self.tr("Waiting"), "rejected": self.tr("Refused"),
        }
        cols = [Column(self.tr("Kind of record"), lambda r: r["label"], bold=False)]
        for outcome in OUTCOMES:
            cols.append(Column(labels[outcome], _count_of(outcome), background=self._bg(outcome)))
        self.counts_model = RowsModel(cols, self)
        self.counts = table_view(self.counts_model, self, stretch=0)
        self.counts.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        for i in range(1, len(cols)):
            self.counts.setColumnWidth(i, 104)
        layout.addWidget(self.counts, 3)
        self.details_label = QtWidgets.QLabel(self.tr("Reasons and remarks"), self)
        self.details_label.setObjectName("subheading")
        layout.addWidget(self.details_label)
        self.details = QtWidgets.QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setObjectName("reportDetails")
        layout.addWidget(self.details, 2)
        self.report: dict[str, Any] | None = None
        self.clear()

    @staticmethod
    def _bg(outcome: str):  # type: ignore[no-untyped-def]
        def colour(row: dict[str, Any]) -> str | None:
            if not row.get(outcome):
                return None
            if outcome == "rejected":
                return "error-bg"
            if outcome in ("conflict", "held"):
                return "warn-bg"
            return None

        return colour

    # ------------------------------------------------------------------ state
    def clear(self) -> None:
        self.report = None
        self.banner.hide()
        self.bundles.setText("")
        self.counts_model.set_rows([])
        self.details.setPlainText("")
        self.details_label.hide()
        self.details.hide()

    def show_report(self, report: dict[str, Any]) -> None:
        self.report = report
        bundles = report.get("bundles") or []
        refused = [b for b in bundles if b.get("status") == "refused"]
        held = [b for b in bundles if b.get("status") == "held"]
        totals = report.get("totals") or {}
        conflicts = sum(t.get("conflict", 0) for t in totals.values())
        rejected = sum(t.get("rejected", 0) for t in totals.values())
        if bundles and len(refused) == len(bundles):
            text = self.tr("Nothing was imported: the data has not changed.")
            tone = "error"
        elif report.get("dry_run"):
            text = self.tr("Preview only — nothing has been written. Press “Import” to merge these bundles.")
            tone = "warn"
        else:
            text = self.tr("Import finished.")
            tone = "ok"
        if refused and len(refused) < len(bundles):
            text += " " + self.tr("%1 bundle(s) refused (see below).").replace("%1", str(len(refused)))
        if conflicts:
            text += " " + self.tr("%1 conflict(s) wait in the “Conflicts” tab.").replace("%1", str(conflicts))
        if held:
            text += " " + self.tr("%1 bundle(s) held until the sender's key is enrolled.").replace("%1", str(len(held)))
        if rejected:
            text += " " + self.tr("%1 record(s) refused.").replace("%1", format_number(rejected))
        waiting = int(report.get("waiting") or 0)
        if waiting:
            text += " " + self.tr("%1 record(s) wait for a record not received yet; they will be applied when it "
                                  "arrives.").replace("%1", format_number(waiting))
        self.banner.setText(text)
        palette.set_tone(self.banner, tone)
        self.banner.show()

        lines = []
        status_text = {
            "merged": self.tr("merged"),
            "checked": self.tr("valid, ready to import"),
            "already": self.tr("already imported before, nothing changes"),
            "refused": self.tr("refused"),
            "held": self.tr("held until the sender's key is enrolled"),
        }
        colours = {"refused": "error", "held": "warn", "merged": "ok", "checked": "accent", "already": "hint"}
        for b in bundles:
            name = _html(_short(b.get("source") or ""))
            who = self.tr(" from %1").replace("%1", _html(b["from_unit"])) if b.get("from_unit") else ""
            status = b.get("status") or ""
            line = (f"<b>{name}</b>{who}: <span style='color:{palette.colour(colours.get(status, 'text'))}; font-weight:600'>"
                    f"{_html(status_text.get(status, status))}</span>")
            if b.get("message"):
                colour_msg = palette.colour("error" if status == "refused" else "secondary")
                line += f"<br><span style='color:{colour_msg}'>{_html(b['message'])}</span>"
            lines.append(line)
        self.bundles.setText("<br>".join(lines))

        rows: list[dict[str, Any]] = []
        for table, per in totals.items():
            rows.append({"label": table_label(table), **{o: int(per.get(o, 0)) for o in OUTCOMES}})
        if len(rows) > 1:
            total = {"label": self.tr("Total"), **{o: sum(r[o] for r in rows) for o in OUTCOMES}}
            rows.append(total)
        self.counts_model.set_rows(rows)
        self.counts.setVisible(bool(rows))
        self.counts.resizeColumnsToContents()
        self.counts.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)

        details: list[str] = []
        for b in bundles:
            items: list[str] = []
            for r in b.get("rejected") or []:
                items.append(self.tr("Refused %1 %2: %3").replace("%1", table_label(r["table"]))
                             .replace("%2", _short_id(r["id"])).replace("%3", r["reason"]))
            more = int(b.get("rejected_total") or 0) - len(b.get("rejected") or [])
            if more > 0:
                items.append(self.tr("… and %1 more refused record(s).").replace("%1", format_number(more)))
            for r in b.get("refused_fields") or []:
                items.append(self.tr("Not applied: field %1 of %2 %3: %4").replace("%1", r["field"])
                             .replace("%2", table_label(r["table"])).replace("%3", _short_id(r["id"]))
                             .replace("%4", r["reason"]))
            for r in b.get("held_rows") or []:
                items.append(self.tr("Waiting: %1 %2: %3").replace("%1", table_label(r["table"]))
                             .replace("%2", _short_id(r["id"])).replace("%3", r["reason"]))
            for c in b.get("conflicts") or []:
                items.append(self.tr("Conflict on field %1 of %2 %3: the value of the side with authority is in force, "
                                     "the other waits in the “Conflicts” tab.")
                             .replace("%1", str(c.get("field"))).replace("%2", table_label(c["table"]))
                             .replace("%3", _short_id(c["id"])))
            for g in b.get("gaps") or []:
                items.append(
                    self.tr("Missing changes %1–%2 of unit %3: a bundle has not arrived. Ask that unit to send the "
                            "missing bundle or a full bundle.")
                    .replace("%1", str(g["from"])).replace("%2", str(g["to"])).replace("%3", str(g.get("unit_code") or ""))
                )
            for n in b.get("notes") or []:
                items.append(n)
            if items:
                details.append(_short(b.get("source") or ""))
                details.extend(f"  • {i}" for i in items)
        if report.get("backup_path"):
            details.append(self.tr("Backup made before the import: %1").replace("%1", report["backup_path"]))
        self.details.setPlainText("\n".join(details))
        self.details_label.setVisible(bool(details))
        self.details.setVisible(bool(details))


def _short(source: str) -> str:
    from pathlib import PurePath

    if "/" in source or "\\" in source:
        return PurePath(source.replace("\\", "/")).name
    return source


def _short_id(record_id: str) -> str:
    """A record's UUID shortened to its first group (enough to tell records apart in a list)."""
    text = str(record_id)
    return text.split("-")[0] if len(text) == 36 and text.count("-") == 4 else text


def _html(text: str) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
