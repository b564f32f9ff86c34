"""Báo cáo: the sơ kết / tổng kết report of a campaign and the statistical forms 0601.N and 0603.N, shown as
tables; the report is saved as PDF through printing (template ``bao_cao_ket_qua``), every table can go to
Excel. The forms have no printed template yet: they are exported to Excel (their layout per TT 02/2023)."""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.office_view import work
from tdkt_desktop.gui.office_view.common import MATRIX_FILLS, fill_campaigns, fill_periods, subheading
from tdkt_desktop.gui.office_view.excel_actions import ask_save_path, install_export_action, suggested_name
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.tables import (
    Column,
    RowsModel,
    fit_columns,
    money_text,
    percent_text,
    table_view,
)
from tdkt_desktop.gui.widgets import compact_combo

Row = dict[str, Any]
REVIEW, F0601, F0603 = "review", "0601", "0603"


class ReportsPage(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: Any = None
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QtWidgets.QHBoxLayout()
        self.kind = QtWidgets.QComboBox(self)
        self.kind.addItem(self.tr("Half-year / year review of a campaign (sơ kết, tổng kết)"), REVIEW)
        self.kind.addItem(self.tr("Form 0601.N — emulation campaigns launched"), F0601)
        self.kind.addItem(self.tr("Form 0603.N — awards by title, form and nominee class"), F0603)
        compact_combo(self.kind, 22)
        self.campaign = compact_combo(QtWidgets.QComboBox(self), 16)
        self.period = compact_combo(QtWidgets.QComboBox(self), 10)
        self.year = QtWidgets.QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(_dt.date.today().year)
        self.campaign_label = QtWidgets.QLabel(self.tr("Campaign:"), self)
        self.period_label = QtWidgets.QLabel(self.tr("Period:"), self)
        self.year_label = QtWidgets.QLabel(self.tr("Year:"), self)
        bar.addWidget(self.kind)
        bar.addWidget(self.campaign_label)
        bar.addWidget(self.campaign, 1)
        bar.addWidget(self.period_label)
        bar.addWidget(self.period)
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        self.bar_stretch = QtWidgets.QWidget(self)
        self.bar_stretch.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred)
        bar.addWidget(self.bar_stretch)
        outer.addLayout(bar)
        self.title = subheading("", self)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.model = RowsModel([], self)
        self.table = table_view(self.model, self, stretch_last=False)
        install_export_action(ctx, self.table, self.tr("Report"))
        outer.addWidget(self.table, 3)
        self.second_title = subheading("", self)
        outer.addWidget(self.second_title)
        self.second_model = RowsModel([
            Column(self.tr("Title / form"), "name"),
            Column(self.tr("Level"), "level_label"),
            Column(self.tr("Individuals"), "person", "int"),
            Column(self.tr("Collectives"), "collective", "int"),
            Column(self.tr("Households"), "household", "int"),
            Column(self.tr("Total"), "total", "int"),
            Column(self.tr("Award (đồng)"), "amount", "money", text=lambda v: format_number(int(v or 0))),
        ], self)
        self.second = table_view(self.second_model, self)
        install_export_action(ctx, self.second, self.tr("Awards in the period"))
        outer.addWidget(self.second, 2)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("hint")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.summary)
        foot = QtWidgets.QHBoxLayout()
        self.note = QtWidgets.QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        foot.addWidget(self.note, 1)
        self.pdf_button = QtWidgets.QPushButton(self.tr("Save as PDF…"), self)
        self.excel_button = QtWidgets.QPushButton(self.tr("Export to Excel…"), self)
        foot.addWidget(self.pdf_button)
        foot.addWidget(self.excel_button)
        outer.addLayout(foot)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.campaign.currentIndexChanged.connect(lambda _i: self.load_periods())
        self.period.currentIndexChanged.connect(lambda _i: self.load())
        self.year.valueChanged.connect(lambda _v: self.load())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.excel_button.clicked.connect(lambda: self.export_excel())
        ctx.jobs.data_changed.connect(self._changed)
        self._kind_changed(load=False)
        self.load_campaigns()

    def refresh(self) -> None:
        self.load()

    def _changed(self, table: str) -> None:
        if table in ("decisions", "campaigns", "target_results", "participations", "decision_awardees"):
            self.load()

    def _kind_changed(self, load: bool = True) -> None:
        review = self.kind.currentData() == REVIEW
        for w in (self.campaign_label, self.campaign, self.period_label, self.period, self.second_title, self.second):
            w.setVisible(review)
        self.year_label.setVisible(not review)
        self.year.setVisible(not review)
        self.bar_stretch.setVisible(not review)
        self.pdf_button.setEnabled(True)
        self.pdf_button.setToolTip(
            self.tr("A draft without a number; issue it with a number from the Printing section") if review else "")
        self.note.setText(self.tr("The PDF is a draft (no number is taken).") if review else "")
        if load:
            self.load()

    def load_campaigns(self) -> None:
        fill_campaigns(self.ctx, self.campaign, self.load_periods, self.tr("Reading"))

    def load_periods(self) -> None:
        fill_periods(self.ctx, self.campaign, self.period, self.load, self.tr("Reading"))

    def load(self) -> None:
        kind = self.kind.currentData()
        if kind == REVIEW:
            cid, period = self.campaign.currentData(), self.period.currentData()
            if not cid or not period:
                self.model.set_columns([], [])
                self.title.setText(self.tr("No campaign yet."))
                return
            self.ctx.jobs.run(lambda store, _p: work.review_report(store, cid, period),
                              done=lambda d: self._show_review(kind, d), title=self.tr("Reading"))
        else:
            year = self.year.value()
            self.ctx.jobs.run(lambda store, _p: work.form(store, kind, year), done=lambda t: self._show_form(kind, t),
                              title=self.tr("Reading"))

    def _show_review(self, kind: str, data: Row) -> None:
        if kind != self.kind.currentData():
            return
        self.current = data
        self.title.setText(self.tr("Report on the %1 of %2 — %3").replace("%1", data["review"])
                           .replace("%2", data["campaign"]["name"]).replace("%3", data["period_label"]))
        cols = [
            Column(self.tr("Target"), "measure"),
            Column(self.tr("Asked"), "target"),
            Column(self.tr("Achieved"), "value", "number"),
            Column(self.tr("Compared with the target"), "percent", "percent"),
            Column(self.tr("Assessment"), "status_label", background=lambda r: MATRIX_FILLS.get(r["status"])),
            Column(self.tr("Units reporting"), "units_reporting", "int"),
            Column(self.tr("Units reaching"), "units_reaching", "int"),
            Column(self.tr("Source"), lambda r: self.tr("own figure") if r["source"] == "own" else self.tr("units' figures")),
        ]
        self.model.set_columns(cols, data["targets"])
        fit_columns(self.table, 340)
        awards = data["awards"]
        self.second_title.setText(self.tr("Awards decided in the period"))
        self.second_model.set_rows(awards["by_title"])
        fit_columns(self.second, 340)
        part = data["participation"]
        counts = data["target_counts"]
        lines = [
            self.tr("Targets: %1 reached, %2 exceeded, %3 not reached, %4 without figures.")
            .replace("%1", str(counts.get("reached", 0))).replace("%2", str(counts.get("exceeded", 0)))
            .replace("%3", str(counts.get("not_reached", 0))).replace("%4", str(counts.get("no_data", 0))),
            self.tr("Taking part: %1 collective(s), %2 person(s), %3 household(s); %4 unit(s) reported.")
            .replace("%1", format_number(part.get("collectives") or 0)).replace("%2", format_number(part.get("people") or 0))
            .replace("%3", format_number(part.get("households") or 0)).replace("%4", str(part.get("units_reporting", 0))),
            self.tr("Awards: %1 in all (%2 individual(s), %3 collective(s), %4 household(s)); people working directly "
                    "%5; sudden awards %6; money %7.")
            .replace("%1", format_number(awards["total"])).replace("%2", format_number(awards["persons"]))
            .replace("%3", format_number(awards["collectives"])).replace("%4", format_number(awards["households"]))
            .replace("%5", percent_text(awards["direct_share"]) if awards["direct_share"] is not None else "—")
            .replace("%6", format_number(awards["sudden"])).replace("%7", money_text(awards["amount"])),
        ]
        self.summary.setText("\n".join(lines))

    def _show_form(self, kind: str, table: Any) -> None:
        if kind != self.kind.currentData():
            return
        self.current = table
        self.title.setText(self.tr("Form %1: %2 — year %3 (%4)").replace("%1", table.code).replace("%2", table.title)
                           .replace("%3", str(table.year)).replace("%4", table.unit_name))
        cols = [Column(self.tr("Item"), lambda r: ("    " * max(r["level"] - 1, 0)) + r["label"])]
        cols += [Column(textwrap.fill(label, 15), _value_of(key), "int", foreground=_subtle_unless(key))
                 for key, label in table.columns]
        rows = [self._form_row(r) for r in table.rows]
        self.model.set_columns(cols, rows)
        self.table.resizeColumnToContents(0)
        header = self.table.horizontalHeader()
        for c in range(1, len(cols)):
            header.resizeSection(c, 150)
        self.summary.setText("\n".join([self.tr("Legal basis: %1").replace("%1", table.legal_basis), *table.notes]))

    @staticmethod
    def _form_row(r: Any) -> Row:
        """A form row as RowsModel reads it; totals and sections bold."""
        return {"level": r.level, "label": r.label, "values": r.values, "_bold": r.level <= 1}

    # ------------------------------------------------------------------ output
    def save_pdf(self, path: str | None = None) -> Any:
        """The review report (a draft, no number taken) or the statistical form of the year, as PDF."""
        kind = self.kind.currentData()
        if kind == REVIEW:
            if not isinstance(self.current, dict):
                return None
            cid, period = self.campaign.currentData(), self.period.currentData()

            def write(store: Any, out: Path) -> Any:
                return work.review_pdf(store, cid, period, out)
        else:
            year = self.year.value()

            def write(store: Any, out: Path) -> Any:
                return work.form_pdf(store, kind, year, out)
        if path is None:
            default = suggested_name(self.title.text()).replace(".xlsx", ".pdf")
            path, _f = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), default, self.tr("PDF file (*.pdf)"))
            if not path:
                return None
        out = Path(path)
        return self.ctx.jobs.run(lambda store, _p: write(store, out),
                                 done=lambda r: dialogs.inform(self, self.tr("Save as PDF"),
                                                               self.tr("Saved: %1").replace("%1", r["path"])),
                                 title=self.tr("Writing the PDF"), dialog=True, parent=self)

    def export_excel(self, path: str | None = None) -> Any:
        current = self.current
        if current is None:
            return None
        if path is None:
            path = ask_save_path(self, self.title.text(), self.ctx.settings)
            if path is None:
                return None
        out = Path(path)
        from tdkt_desktop.excel.reports import export_review_report, export_statistics_form

        if isinstance(current, dict):
            def job(store: Any, _p: Any) -> Any:
                return export_review_report(store, current["campaign"]["id"], current["period"], out)
        else:
            def job(store: Any, _p: Any) -> Any:
                return export_statistics_form(current, out)
        return self.ctx.jobs.run(job, done=lambda r: dialogs.inform(
            self, self.tr("Export to Excel"), self.tr("Saved: %1").replace("%1", str(r.path))),
            title=self.tr("Exporting to Excel"), dialog=True, parent=self)


def _value_of(key: str) -> Callable[[Row], Any]:
    return lambda r: r["values"].get(key, 0)


def _subtle_unless(key: str) -> Callable[[Row], str | None]:
    return lambda r: None if r["values"].get(key) else "subtle"
