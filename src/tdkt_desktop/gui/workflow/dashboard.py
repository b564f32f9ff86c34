"""Tổng quan: counts by status, the attainment of the targets this period as a chart, deadlines coming
up (and passed), and what is waiting for action. The figures are gathered on a worker thread."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import ModelIndex, QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.tables import Column, RowsModel, fill_combo, percent_text, select_data, table_view
from tdkt_desktop.gui.widgets import heading
from tdkt_desktop.gui.workflow.common import current_period, period_choices
from tdkt_desktop.store.assessment import dossier_lines, judging_date
from tdkt_desktop.store.campaigns import campaign_list, launched_below
from tdkt_desktop.store.council import ruleset_on
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.listing import count_by
from tdkt_desktop.store.naming import naming_of
from tdkt_desktop.store.nominations import waiting_here
from tdkt_desktop.store.results import period_figures

Row = dict[str, Any]
DEADLINE_FIELDS = ("registration_deadline", "midterm_review", "final_review", "submission_deadline", "end_date")
HORIZON_DAYS = 60
OVERDUE_DAYS = 30



@dataclass
class Overview:
    period: str
    today: _dt.date
    nominations_by_status: dict[str, int] = field(default_factory=dict)
    campaigns_active: int = 0
    bars: list[Row] = field(default_factory=list)  # measure, percent, status, note
    deadlines: list[Row] = field(default_factory=list)  # date, what, campaign, overdue
    waiting: list[Row] = field(default_factory=list)  # what, detail, kind


def gather(store: Store, period: str, today: _dt.date, unit_code: str | None) -> Overview:
    """Everything the overview shows (no Qt; runs on a worker thread)."""
    ov = Overview(period, today)
    ov.nominations_by_status = count_by(store, "nominations", "status")
    theirs = launched_below(store)  # a unit below's own campaigns: its deadlines, not this unit's
    campaigns = [c for c in campaign_list(store) if not theirs(c)]
    iso = today.isoformat()
    for c in campaigns:
        if c.get("status", "active") == "active" and (c.get("end_date") or "9999") >= iso and (
            c.get("start_date") or "0000"
        ) <= iso:
            ov.campaigns_active += 1
    labels = {
        "registration_deadline": QCoreApplication.translate("Dashboard", "Registration deadline"),
        "midterm_review": QCoreApplication.translate("Dashboard", "Mid-term review"),
        "final_review": QCoreApplication.translate("Dashboard", "Final review"),
        "submission_deadline": QCoreApplication.translate("Dashboard", "Dossiers due"),
        "end_date": QCoreApplication.translate("Dashboard", "Campaign ends"),
    }
    horizon = (today + _dt.timedelta(days=HORIZON_DAYS)).isoformat()
    past = (today - _dt.timedelta(days=OVERDUE_DAYS)).isoformat()
    for c in campaigns:
        for name in DEADLINE_FIELDS:
            when = c.get(name)
            if not when:
                continue
            overdue = when < iso
            if (overdue and when >= past and name in ("registration_deadline", "submission_deadline")) or (
                iso <= when <= horizon
            ):
                ov.deadlines.append({
                    "date": when, "what": labels[name], "campaign": c["name"], "overdue": overdue,
                    "days": (_dt.date.fromisoformat(when) - today).days,
                })
    ov.deadlines.sort(key=lambda d: d["date"])

    # attainment of this unit's targets for the period: every campaign running in that year, a multi-year
    # plan by its figure to date
    if unit_code:
        for t, figure in period_figures(store, period, unit_code):
            if figure.value is None:
                ov.waiting.append({
                    "kind": "no_result", "what": QCoreApplication.translate("Dashboard", "No result for the period"), "detail": t["measure"],
                })
                continue
            att = figure.attainment
            ov.bars.append({"measure": t["measure"], "percent": att.percent, "status": att.status, "note": att.note})

    # nominations waiting: drafts with missing required documents, returned ones
    rulesets: dict[_dt.date, Any] = {}
    naming = naming_of(store)
    for n in waiting_here(store):
        if n["status"] == "returned":
            ov.waiting.insert(0, {
                "kind": "returned",
                "what": QCoreApplication.translate("Dashboard", "Returned for more documents"),
                "detail": f"{n['subject_name']} — {naming.title(n['title_code'])}"
                + (f": {n['status_reason']}" if n.get("status_reason") else ""),
            })
            continue
        day = judging_date(n)
        rs = rulesets.get(day) or rulesets.setdefault(day, ruleset_on(store, day))
        missing = [line for line in dossier_lines(rs, n) if line.required and not line.present]
        if missing:
            ov.waiting.append({
                "kind": "dossier",
                "what": QCoreApplication.translate("Dashboard", "Draft with incomplete dossier"),
                "detail": f"{n['subject_name']} — {naming.title(n['title_code'])} "
                + QCoreApplication.translate("Dashboard", "(%1 documents missing)").replace("%1", str(len(missing))),
            })
    order = {"returned": 0, "dossier": 1, "no_result": 2}
    ov.waiting.sort(key=lambda w: order.get(w["kind"], 9))
    return ov


def _card(parent: QtWidgets.QWidget, title: str) -> tuple[QtWidgets.QFrame, QtWidgets.QLabel]:
    frame = QtWidgets.QFrame(parent)
    frame.setObjectName("card")
    frame.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
    lay = QtWidgets.QVBoxLayout(frame)
    lay.setContentsMargins(12, 8, 12, 8)
    value = QtWidgets.QLabel("–", frame)
    value.setObjectName("cardValue")
    font = value.font()
    font.setPointSizeF(font.pointSizeF() * 1.8)
    font.setBold(True)
    value.setFont(font)
    label = QtWidgets.QLabel(title, frame)
    label.setWordWrap(True)
    palette.set_tone(label, "muted")
    lay.addWidget(value)
    lay.addWidget(label)
    return frame, value


class DashboardView(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None, *, today: _dt.date | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("dashboardSection")
        self.ctx = ctx
        self.today = today or _dt.date.today()
        self.overview: Overview | None = None
        self._pending = False
        outer = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        unit = ctx.unit_name()
        top.addWidget(heading(self.tr("Overview") + (f" — {unit}" if unit else ""), self))
        top.addStretch(1)
        top.addWidget(QtWidgets.QLabel(self.tr("Period"), self))
        self.period = QtWidgets.QComboBox(self)
        self.period.setObjectName("dashboardPeriod")
        fill_combo(self.period, period_choices(self.today.year))
        select_data(self.period, current_period(self.today))
        top.addWidget(self.period)
        outer.addLayout(top)

        cards = QtWidgets.QHBoxLayout()
        self.card_values: dict[str, QtWidgets.QLabel] = {}
        for key, title in (
            ("campaigns_active", self.tr("Campaigns running")),
            ("draft", m.NominationStatus.DRAFT.label),
            ("submitted", m.NominationStatus.SUBMITTED.label),
            ("returned", m.NominationStatus.RETURNED.label),
            ("approved", m.NominationStatus.APPROVED.label),
            ("decided", m.NominationStatus.DECIDED.label),
        ):
            frame, value = _card(self, title)
            value.setObjectName(f"card_{key}")
            self.card_values[key] = value
            cards.addWidget(frame)
        outer.addLayout(cards)

        middle = QtWidgets.QHBoxLayout()
        chart_box = QtWidgets.QGroupBox(self.tr("Targets of the period: result as % of target"), self)
        cl = QtWidgets.QVBoxLayout(chart_box)
        self.bar_texts: list[str] = []  # each bar's whole text, shown on hover (the axis shortens long ones)
        self.chart_view = self._make_chart(chart_box)
        cl.addWidget(self.chart_view)
        middle.addWidget(chart_box, 3)

        side = QtWidgets.QVBoxLayout()
        dl_box = QtWidgets.QGroupBox(self.tr("Deadlines in the next 60 days"), self)
        dl = QtWidgets.QVBoxLayout(dl_box)
        self.deadlines_model = RowsModel(
            [
                Column(self.tr("Date"), "date", "date"),
                Column(self.tr("What"), "what"),
                Column(self.tr("When"), self._when_text),
                Column(self.tr("Campaign"), "campaign"),
            ],
            self,
        )
        self.deadlines = table_view(parent=dl_box)
        self.deadlines.setObjectName("deadlinesTable")
        self.deadlines_proxy = _Colored(self)
        self.deadlines_proxy.setSourceModel(self.deadlines_model)
        self.deadlines.setModel(self.deadlines_proxy)
        self.deadlines.verticalHeader().hide()
        self.deadlines.horizontalHeader().setStretchLastSection(True)
        n = self.fontMetrics().horizontalAdvance("n")
        for i, chars in enumerate((12, 26, 11)):
            self.deadlines.setColumnWidth(i, n * chars)
        self.deadlines.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        dl.addWidget(self.deadlines)
        side.addWidget(dl_box, 1)
        wait_box = QtWidgets.QGroupBox(self.tr("Waiting for action"), self)
        wl = QtWidgets.QVBoxLayout(wait_box)
        self.waiting_model = RowsModel([Column(self.tr("What"), "what"), Column(self.tr("Detail"), "detail")], self)
        self.waiting = table_view(parent=wait_box)
        self.waiting.setObjectName("waitingTable")
        self.waiting.setModel(self.waiting_model)
        self.waiting.verticalHeader().hide()
        self.waiting.horizontalHeader().setStretchLastSection(True)
        self.waiting.setColumnWidth(0, n * 28)
        wl.addWidget(self.waiting)
        side.addWidget(wait_box, 1)
        middle.addLayout(side, 2)
        outer.addLayout(middle, 1)

        self.period.currentIndexChanged.connect(self.reload)
        ctx.jobs.data_changed.connect(self._on_data_changed)
        self.reload()

    # ------------------------------------------------------------------ chart
    def _make_chart(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        from PySide6 import QtCharts

        self._charts = QtCharts
        chart = QtCharts.QChart()
        chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QtCore.QMargins(4, 4, 4, 4))
        view = QtCharts.QChartView(chart, parent)
        view.setObjectName("attainmentChart")
        view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        self.chart = chart
        return view

    def _fill_chart(self, bars: list[Row]) -> None:
        QtCharts = self._charts
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if not bars:
            chart.setTitle(self.tr("No results for this period yet."))
            return
        chart.setTitle("")
        series = QtCharts.QHorizontalStackedBarSeries()
        sets = {}
        shown_statuses = [m.AttainmentStatus.NOT_REACHED, m.AttainmentStatus.REACHED, m.AttainmentStatus.EXCEEDED]
        if any(bar["status"] is m.AttainmentStatus.IN_PROGRESS for bar in bars):  # a multi-year plan, under way
            shown_statuses.append(m.AttainmentStatus.IN_PROGRESS)
        for status in shown_statuses:
            s = QtCharts.QBarSet(status.label)
            s.setColor(palette.qcolor(palette.ATTAINMENT_TEXT[status]))
            s.setBorderColor(palette.qcolor(palette.ATTAINMENT_TEXT[status]))
            sets[status] = s
        categories: list[str] = []
        self.bar_texts = []
        top = 100.0
        for bar in reversed(bars):
            pct = min(float(bar["percent"] or 0.0), 200.0)
            top = max(top, pct)
            label = bar["measure"]
            if len(label) > 26:
                label = label[:24].rstrip() + "…"
            # the figure first, so that it stays visible however narrow the axis is
            shown = f"{percent_text(bar['percent'])} · {label}" if bar["percent"] is not None else label
            while shown in categories:
                shown += " "
            categories.append(shown)
            self.bar_texts.append(f"{percent_text(bar['percent'])} · {bar['measure']}" if bar["percent"] is not None
                                  else bar["measure"])
            for status, s in sets.items():
                s.append(pct if bar["status"] is status else 0.0)
        for s in sets.values():
            series.append(s)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        axis_y = QtCharts.QBarCategoryAxis()
        axis_y.append(categories)
        axis_x = QtCharts.QValueAxis()
        step = 20 if top <= 100 else 40 if top <= 200 else 50  # never more than six labels under the bars
        axis_x.setRange(0, (int(top) // step + 1) * step)
        axis_x.setLabelFormat("%d%%")
        axis_x.setTickCount(int(top) // step + 2)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        series.hovered.connect(self._bar_hovered)

    def _bar_hovered(self, inside: bool, index: int, _bar_set: object) -> None:
        if inside and 0 <= index < len(self.bar_texts):
            QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), self.bar_texts[index], self.chart_view)
        else:
            QtWidgets.QToolTip.hideText()

    # ------------------------------------------------------------------ loading
    def _when_text(self, r: Row) -> str:
        days = r["days"]
        if days < 0:
            return self.tr("overdue %1 days").replace("%1", str(-days))
        if days == 0:
            return self.tr("today")
        return self.tr("in %1 days").replace("%1", str(days))

    def reload(self) -> None:
        if self._pending:
            return
        self._pending = True
        period = self.period.currentData() or current_period(self.today)
        today = self.today
        unit = self.ctx.unit_code

        def done(ov: Overview) -> None:
            self._pending = False
            self.show_overview(ov)

        def failed(exc: BaseException) -> None:
            self._pending = False

        job = self.ctx.jobs.run(lambda store, progress: gather(store, period, today, unit), done=done, failed=failed)
        job.signals.finished.connect(lambda *_a: setattr(self, "_pending", False))

    def show_overview(self, ov: Overview) -> None:
        self.overview = ov
        self.card_values["campaigns_active"].setText(format_number(ov.campaigns_active))
        for key in ("draft", "submitted", "returned", "approved", "decided"):
            self.card_values[key].setText(format_number(ov.nominations_by_status.get(key, 0)))  # "204.000"
        returned = self.card_values["returned"]
        palette.set_tone(returned, "error" if ov.nominations_by_status.get("returned") else None)
        self._fill_chart(ov.bars)
        self.deadlines_model.set_rows(ov.deadlines)
        self.waiting_model.set_rows(ov.waiting)

    def _on_data_changed(self, table: str) -> None:
        if table in ("nominations", "campaigns", "targets", "target_results"):
            self.reload()

    def refresh(self) -> None:
        self.reload()


class _Colored(QtCore.QIdentityProxyModel):
    """Deadlines that passed in red, the next week in bold."""

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        src = self.sourceModel()
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and isinstance(src, RowsModel):
            row = src.rows[self.mapToSource(index).row()]
            if role == Qt.ItemDataRole.ForegroundRole and row["overdue"]:
                return palette.brush("error")
            if role == Qt.ItemDataRole.FontRole and 0 <= row["days"] <= 7:
                font = QtGui.QFont()
                font.setBold(True)
                return font
        return super().data(index, role)
