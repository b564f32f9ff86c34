"""Tổng hợp: the attainment matrix (units × targets, cells coloured by status, a roll-up row, double-click a
unit for its figures), participation and registrations per unit, nominations per unit by status and
title, the units that have not sent their figures by a deadline, and charts where a picture says more."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from tdkt_desktop.core.models import AttainmentStatus, NominationStatus, period_label
from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.office_view import work
from tdkt_desktop.gui.office_view.common import (
    MATRIX_FILLS,
    date_edit,
    date_of,
    fill_campaigns,
    fill_periods,
    legend,
    subheading,
)
from tdkt_desktop.gui.office_view.excel_actions import export_button, export_named_view, install_export_action
from tdkt_desktop.gui.qt import ModelIndex, QObject, Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.tables import (
    EXPORT_ROLE,
    Column,
    RowsModel,
    fit_columns,
    number_text,
    percent_text,
    table_view,
)
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.store.consolidation import Cell, Matrix, TargetShare, cumulative_label

Row = dict[str, Any]


def _registered_for(title: str) -> Callable[[Row], Any]:
    return lambda r: r["by_title"].get(title, 0)


def _fill_of(status: str) -> Callable[[Row], str | None]:
    """The status's colour where a unit has nominations in it."""
    return lambda r: palette.NOMINATION_FILL.get(status) if r.get(f"s:{status}") else None


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def cell_text(cell: Cell | None) -> str:
    if cell is None:
        return "—"
    if cell.value is None:
        return ""
    text = number_text(cell.value)
    if cell.sub_value is not None:
        text += f" ({number_text(cell.sub_value)})"
    return text


class AttainmentMatrixModel(QtCore.QAbstractTableModel):
    """Units (rows) × targets (columns) of :func:`store.consolidation.attainment_matrix`, then the roll-up row.

    Column 0 is the unit, the last column counts the targets each unit reached. A cell's background is the
    colour of its status (:data:`MATRIX_FILLS`, the Excel export's fills); ``status_at(row, col)`` gives
    the status value, ``unit_at(row)`` the unit code (``None`` on the totals row)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.rows: list[Row] = []
        self.export_kinds: list[str] = []

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.rows = work.matrix_rows(matrix) if matrix is not None else []
        n = len(matrix.targets) if matrix is not None else 0
        self.export_kinds = ["text", *(["number"] * n), "text"]
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.targets) + 2

    def target_at(self, col: int) -> Row | None:
        if self.matrix is None or not 1 <= col <= len(self.matrix.targets):
            return None
        return self.matrix.targets[col - 1]

    def unit_at(self, row: int) -> str | None:
        if not 0 <= row < len(self.rows) or self.rows[row]["kind"] != "unit":
            return None
        return str(self.rows[row]["code"])

    def status_at(self, row: int, col: int) -> str | None:
        target = self.target_at(col)
        if target is None or not 0 <= row < len(self.rows):
            return None
        r = self.rows[row]
        if r["kind"] == "unit":
            cell = r["cells"][target["id"]]
            return cell.status if cell is not None else None
        total = r["cells"][target["id"]]
        return total.attainment.status.value if total.attainment is not None else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.matrix is None:
            return None
        target = self.target_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Unit")
            if target is None:
                return self.tr("Targets reached")
            return f"{_short(target['name'])}\n{_short(target['describe'], 26)}"
        if role == Qt.ItemDataRole.ToolTipRole and target is not None:
            return target["label"]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        r = self.rows[index.row()]
        col = index.column()
        total_row = r["kind"] == "total"
        target = self.target_at(col)
        if role == Qt.ItemDataRole.FontRole and total_row:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if col == 0:
            if role in (Qt.ItemDataRole.DisplayRole, EXPORT_ROLE):
                return self.tr("All units (roll-up)") if total_row else r["name"]
            return None
        if target is None:  # the last column
            if role in (Qt.ItemDataRole.DisplayRole, EXPORT_ROLE):
                if total_row:
                    return ""
                return f"{r['reached']}/{r['applicable']}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if total_row:
            total = r["cells"][target["id"]]
            status = total.attainment.status.value if total.attainment is not None else None
            if role == Qt.ItemDataRole.DisplayRole:
                if total.value is None:
                    return ""
                if target["rollup"] == "share_reaching":
                    return percent_text(total.value)
                return number_text(round(total.value, 2))
            if role == EXPORT_ROLE:
                return total.value
            if role == Qt.ItemDataRole.ToolTipRole:
                from tdkt_desktop.core.models import Rollup

                method = Rollup(total.method).label if not isinstance(total.method, Rollup) else total.method.label
                text = self.tr("%1 · %2 of %3 unit(s) reported, %4 reached the target") \
                    .replace("%1", method).replace("%2", str(total.units_reporting)) \
                    .replace("%3", str(total.units_counted)).replace("%4", str(total.units_reaching))
                if total.attainment is not None and total.attainment.note:
                    text += "\n" + total.attainment.note
                return text
        else:
            cell = r["cells"][target["id"]]
            status = cell.status if cell is not None else None
            if role == Qt.ItemDataRole.DisplayRole:
                return cell_text(cell)
            if role == EXPORT_ROLE:
                return cell.value if cell is not None else None
            if role == Qt.ItemDataRole.ToolTipRole:
                if cell is None:
                    return self.tr("This target is assigned to another unit.")
                return f"{AttainmentStatus(cell.status).label}. {cell.note}".strip()
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return palette.brush(MATRIX_FILLS[status])
        if role == Qt.ItemDataRole.ForegroundRole and status:
            return palette.brush("text")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def status_legend(parent: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    order = (AttainmentStatus.NOT_REACHED, AttainmentStatus.REACHED, AttainmentStatus.EXCEEDED, AttainmentStatus.NO_DATA,
             AttainmentStatus.IN_PROGRESS)
    return legend([(MATRIX_FILLS[s.value], s.label) for s in order], parent)


# --------------------------------------------------------------------------- charts


def _charts() -> Any:
    from PySide6 import QtCharts

    return QtCharts


def share_chart(parent: QtWidgets.QWidget | None = None) -> Any:
    charts = _charts()
    chart = charts.QChart()
    chart.setAnimationOptions(charts.QChart.AnimationOption.NoAnimation)
    chart.legend().hide()
    view = charts.QChartView(chart, parent)
    view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def fill_share_chart(view: Any, shares: list[TargetShare], title: str) -> None:
    charts = _charts()
    chart = view.chart()
    chart.removeAllSeries()
    for axis in list(chart.axes()):
        chart.removeAxis(axis)
    chart.setTitle(title)
    # every target's bar and name readable: the chart grows with the targets (its box scrolls), never squeezed
    view.setMinimumHeight(max(220, 90 + view.fontMetrics().height() * 2 * len(shares)))
    bar_set = charts.QBarSet("%")
    bar_set.setColor(palette.qcolor("chart-bar"))
    labels = []
    for share in reversed(shares):  # the first target at the top
        bar_set.append(round(share.percent or 0.0, 1))
        percent = "" if share.percent is None else f": {format_number(share.percent, decimals=1)} %"
        labels.append(f"{_short(share.measure, 34)} ({share.reaching}/{share.with_data}){percent}")
    series = charts.QHorizontalBarSeries()  # the share written in the bar's name, in Vietnamese (91,2 %)
    series.append(bar_set)
    chart.addSeries(series)
    axis_y = charts.QBarCategoryAxis()
    axis_y.append(labels)
    axis_x = charts.QValueAxis()
    axis_x.setRange(0, 100)
    axis_x.setLabelFormat("%d%%")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)


def fill_status_pie(view: Any, counts: dict[str, int], title: str) -> None:
    charts = _charts()
    chart = view.chart()
    chart.removeAllSeries()
    chart.setTitle(title)
    chart.legend().show()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    series = charts.QPieSeries()
    for status in NominationStatus:
        n = counts.get(status.value, 0)
        if n:
            piece = series.append(f"{status.label}: {n}", n)
            piece.setColor(palette.qcolor(palette.NOMINATION_CHART[status.value]))
    chart.addSeries(series)



# --------------------------------------------------------------------------- the unit's figures


class UnitFiguresDialog(QtWidgets.QDialog):
    def __init__(self, figures: Row, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Figures of %1").replace("%1", figures["unit_name"]))
        fit_to_screen(self, 820, 420)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(subheading(f"{figures['unit_name']} — {period_label(figures['period'])}", self))
        self.model = RowsModel([
            Column(self.tr("Target"), "name"),
            Column(self.tr("Asked"), "target"),
            Column(self.tr("Result"), "value", "number"),
            Column(self.tr("Compared with the target"), "percent", "percent"),
            Column(self.tr("Assessment"), "status_label", background=lambda r: MATRIX_FILLS.get(r["status"])),
            Column(self.tr("Note"), lambda r: r["note"] or r["result_note"]),
        ], self)
        self.model.set_rows(figures["targets"])
        view = table_view(self.model, self)
        fit_columns(view, 300)
        layout.addWidget(view, 1)
        part = figures.get("participation")
        text = (self.tr("Taking part: %1 collective(s), %2 person(s), %3 household(s).")
                .replace("%1", number_text(part["collectives"] or 0)).replace("%2", number_text(part["people"] or 0))
                .replace("%3", number_text(part["households"] or 0))) if part else self.tr("No participation figures reported.")
        layout.addWidget(QtWidgets.QLabel(text, self))
        close = QtWidgets.QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)


# --------------------------------------------------------------------------- the page


class ConsolidationPage(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Row | None = None
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QtWidgets.QHBoxLayout()
        self.campaign = QtWidgets.QComboBox(self)
        self.campaign.setMinimumWidth(320)
        self.campaign.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period = QtWidgets.QComboBox(self)
        self.period.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.setMinimumContentsLength(18)
        bar.addWidget(QtWidgets.QLabel(self.tr("Campaign:"), self))
        bar.addWidget(self.campaign, 1)
        bar.addWidget(QtWidgets.QLabel(self.tr("Period:"), self))
        bar.addWidget(self.period)
        outer.addLayout(bar)

        self.tabs = QtWidgets.QTabWidget(self)
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)

        # matrix
        mpage = QtWidgets.QWidget(self.tabs)
        ml = QtWidgets.QVBoxLayout(mpage)
        ml.setContentsMargins(0, 6, 0, 0)
        self.matrix_note = QtWidgets.QLabel(mpage)
        self.matrix_note.setObjectName("matrixCumulativeNote")
        self.matrix_note.setWordWrap(True)
        self.matrix_note.hide()
        ml.addWidget(self.matrix_note)
        msplit = QtWidgets.QSplitter(Qt.Orientation.Vertical, mpage)
        self.matrix_model = AttainmentMatrixModel(self)
        self.matrix_view = table_view(self.matrix_model, msplit, stretch_last=False)
        self.matrix_view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix_view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix_view.setToolTip(self.tr("Double-click a unit to see its figures"))
        install_export_action(ctx, self.matrix_view, self.tr("Attainment matrix"))
        share_box = QtWidgets.QScrollArea(msplit)  # one bar per target: a plan of many targets scrolls
        share_box.setObjectName("shareChartBox")
        share_box.setWidgetResizable(True)
        share_box.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        share_box.setMinimumHeight(220)
        self.share_view = share_chart(share_box)
        share_box.setWidget(self.share_view)
        msplit.addWidget(self.matrix_view)
        msplit.addWidget(share_box)
        msplit.setStretchFactor(0, 3)
        msplit.setStretchFactor(1, 2)
        ml.addWidget(msplit, 1)
        mfoot = QtWidgets.QHBoxLayout()
        mfoot.addWidget(status_legend(mpage), 1)
        self.matrix_excel = QtWidgets.QPushButton(self.tr("Export the matrix to Excel"), mpage)
        self.matrix_excel.setToolTip(self.tr("The coloured matrix with a comment on each cell and a legend"))
        mfoot.addWidget(self.matrix_excel)
        ml.addLayout(mfoot)
        self.tabs.addTab(mpage, self.tr("Targets by unit"))

        # participation and registrations
        ppage = QtWidgets.QWidget(self.tabs)
        pl = QtWidgets.QVBoxLayout(ppage)
        pl.setContentsMargins(0, 6, 0, 0)
        self.part_label = subheading("", ppage)
        pl.addWidget(self.part_label)
        self.part_model = RowsModel([
            Column(self.tr("Unit"), "name"),
            Column(self.tr("Collectives"), "collectives", "int"),
            Column(self.tr("People"), "people", "int"),
            Column(self.tr("Households"), "households", "int"),
            Column(self.tr("Reported"), lambda r: r.get("reported_text", "")),
        ], self)
        self.part_view = table_view(self.part_model, ppage)
        install_export_action(ctx, self.part_view, self.tr("Participation by unit"))
        pl.addWidget(self.part_view, 1)
        prow = QtWidgets.QHBoxLayout()
        prow.addStretch(1)
        prow.addWidget(export_button(ctx, self.part_view, self.tr("Participation by unit"), ppage))
        pl.addLayout(prow)
        self.reg_label = subheading("", ppage)
        pl.addWidget(self.reg_label)
        self.reg_model = RowsModel([], self)
        self.reg_view = table_view(self.reg_model, ppage)
        install_export_action(ctx, self.reg_view, self.tr("Registrations by unit"))
        pl.addWidget(self.reg_view, 1)
        rrow = QtWidgets.QHBoxLayout()
        rrow.addStretch(1)
        rrow.addWidget(export_button(ctx, self.reg_view, self.tr("Registrations by unit"), ppage))
        pl.addLayout(rrow)
        self.tabs.addTab(ppage, self.tr("Participation and registrations"))

        # nominations
        npage = QtWidgets.QWidget(self.tabs)
        nl = QtWidgets.QVBoxLayout(npage)
        nl.setContentsMargins(0, 6, 0, 0)
        nsplit = QtWidgets.QSplitter(Qt.Orientation.Horizontal, npage)
        self.nom_model = RowsModel([], self)
        self.nom_view = table_view(self.nom_model, nsplit, stretch_last=False)
        install_export_action(ctx, self.nom_view, self.tr("Nominations by unit"))
        self.status_view = share_chart(nsplit)
        self.status_view.setMinimumWidth(320)
        nsplit.addWidget(self.nom_view)
        nsplit.addWidget(self.status_view)
        nsplit.setStretchFactor(0, 3)
        nsplit.setStretchFactor(1, 2)
        nl.addWidget(nsplit, 1)
        nrow = QtWidgets.QHBoxLayout()
        nrow.addStretch(1)
        self.provincial_excel = QtWidgets.QPushButton(self.tr("Consolidated list in the province's Excel layout"), npage)
        self.provincial_excel.setToolTip(self.tr("STT | Tên gọi | Tên tập thể/cá nhân/hộ gia đình | Chức vụ | Đơn vị công tác | …"))
        nrow.addWidget(self.provincial_excel)
        nrow.addWidget(export_button(ctx, self.nom_view, self.tr("Nominations by unit"), npage))
        nl.addLayout(nrow)
        self.tabs.addTab(npage, self.tr("Nominations by unit"))

        # missing
        spage = QtWidgets.QWidget(self.tabs)
        sl = QtWidgets.QVBoxLayout(spage)
        sl.setContentsMargins(0, 6, 0, 0)
        srow = QtWidgets.QHBoxLayout()
        srow.addWidget(QtWidgets.QLabel(self.tr("Deadline:"), spage))
        self.deadline = date_edit(spage, _dt.date(_dt.date.today().year, 12, 10))
        srow.addWidget(self.deadline)
        self.only_campaign = QtWidgets.QCheckBox(self.tr("Only this campaign"), spage)
        self.only_campaign.setChecked(True)
        srow.addWidget(self.only_campaign)
        srow.addStretch(1)
        sl.addLayout(srow)
        self.missing_label = subheading("", spage)
        sl.addWidget(self.missing_label)
        self.missing_model = RowsModel([
            Column(self.tr("Code"), "code"),
            Column(self.tr("Unit"), "name"),
            Column(self.tr("First results on"), "results_on", "date"),
            Column(self.tr("First nomination on"), "nominations_on", "date"),
            Column(self.tr("What is missing"), "what", foreground=lambda _r: "error"),
        ], self)
        self.missing_view = table_view(self.missing_model, spage)
        install_export_action(ctx, self.missing_view, self.tr("Units that have not sent"))
        sl.addWidget(self.missing_view, 1)
        mrow = QtWidgets.QHBoxLayout()
        mrow.addStretch(1)
        mrow.addWidget(export_button(ctx, self.missing_view, self.tr("Units that have not sent"), spage))
        sl.addLayout(mrow)
        self.tabs.addTab(spage, self.tr("Units that have not sent"))

        self.campaign.currentIndexChanged.connect(lambda _i: self.load_periods())
        self.period.currentIndexChanged.connect(lambda _i: self.load())
        self.deadline.dateChanged.connect(lambda _d: self.load_missing())
        self.only_campaign.toggled.connect(lambda _b: self.load_missing())
        self.matrix_view.doubleClicked.connect(lambda index: self.drill_down(index.row()))
        self.matrix_excel.clicked.connect(lambda: self.export_matrix())
        self.provincial_excel.clicked.connect(lambda: self.export_provincial())
        ctx.jobs.data_changed.connect(self._changed)
        self.load_campaigns()

    def refresh(self) -> None:
        self.load_campaigns()

    def _changed(self, table: str) -> None:
        if table in ("target_results", "participations", "registrations", "nominations", "units"):
            self.load()
        elif table in ("campaigns", "targets"):
            self.load_campaigns()

    def load_campaigns(self) -> None:
        fill_campaigns(self.ctx, self.campaign, self.load_periods, self.tr("Reading"))

    def load_periods(self) -> None:
        fill_periods(self.ctx, self.campaign, self.period, self.load, self.tr("Reading"))

    def choose(self, campaign_id: str, period: str) -> None:
        """Show this campaign and period (tests, other screens)."""
        self.campaign.blockSignals(True)
        self.campaign.setCurrentIndex(max(self.campaign.findData(campaign_id), 0))
        self.campaign.blockSignals(False)
        self.period.blockSignals(True)
        if self.period.findData(period) < 0:
            self.period.addItem(period_label(period), period)
        self.period.setCurrentIndex(self.period.findData(period))
        self.period.blockSignals(False)
        self.load()

    def load(self) -> None:
        cid, period = self.campaign.currentData(), self.period.currentData()
        if not cid or not period:
            self.matrix_model.set_matrix(None)
            return
        self.ctx.jobs.run(lambda store, _p: work.consolidation_data(store, cid, period),
                          done=lambda d: self._loaded(cid, period, d), title=self.tr("Consolidating"))
        self.load_missing()

    def _loaded(self, cid: str, period: str, data: Row) -> None:
        if (cid, period) != (self.campaign.currentData(), self.period.currentData()):
            return
        self.data = data
        matrix = data["matrix"]
        self.matrix_model.set_matrix(matrix)
        # a plan of several years: figures to date, judged at its end
        self.matrix_note.setVisible(matrix.cumulative)
        if matrix.cumulative:
            self.matrix_note.setText(self.tr("%1: counts and quantities summed over the years, levels the latest; "
                                             "judged at the end of %2.")
                                     .replace("%1", cumulative_label(period, matrix.window))
                                     .replace("%2", str(matrix.window[1] if matrix.window else "")))
        view = self.matrix_view
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        for c in range(1, self.matrix_model.columnCount()):
            header.resizeSection(c, max(110, min(header.sectionSize(c) + 12, 240)))
        header.setMinimumHeight(44)
        fill_share_chart(self.share_view, matrix.shares(),
                         self.tr("Share of reporting units reaching each target"))
        # participation
        part = data["participation"]
        rows = []
        for r in part["rows"]:
            rows.append({"name": ("    " * max(r["unit"]["depth"] - 1, 0)) + r["unit"]["name"],
                         "collectives": r["collectives"], "people": r["people"], "households": r["households"],
                         "reported_text": self.tr("yes") if r["reported"] else self.tr("not yet"),
                         "_bg": None if r["reported"] else "pending-bg"})
        rows.append({"name": self.tr("Total (each branch counted once)"), **part["totals"], "_bold": True})
        self.part_model.set_rows(rows)
        fit_columns(self.part_view)
        self.part_label.setText(self.tr("Taking part in the campaign — %1 of %2 unit(s) reported")
                                .replace("%1", str(part["units_reporting"])).replace("%2", str(part["units_total"])))
        # registrations
        regs = data["registrations"]
        cols = [Column(self.tr("Unit"), "name")]
        cols += [Column(self.ctx.naming.title(t), _registered_for(t), "int") for t in regs["titles"]]
        cols.append(Column(self.tr("Total"), "total", "int"))
        reg_rows = [{"name": r["unit"]["name"], "by_title": r["by_title"], "total": r["total"]} for r in regs["rows"]]
        reg_rows.append({"name": self.tr("Total"), "by_title": regs["totals"], "total": regs["total"], "_bold": True})
        self.reg_model.set_columns(cols, reg_rows)
        fit_columns(self.reg_view)
        self.reg_label.setText(self.tr("Registrations for titles, %1").replace("%1", str(regs["year"])))
        # nominations
        statuses, nrows = work.nominations_table(data["nominations"])
        for r in nrows:
            if r.get("_bold"):
                r["name"] = self.tr("Total")
        ncols = [Column(self.tr("Unit"), "name")]
        def muted(key: str) -> Any:
            return lambda r: "subtle" if not r.get(key) else None

        ncols += [Column(NominationStatus(s).label, f"s:{s}", "int", foreground=muted(f"s:{s}"), background=_fill_of(s))
                  for s in statuses]
        ncols += [Column(self.ctx.naming.title(t), f"t:{t}", "int", foreground=muted(f"t:{t}")) for t in data["nominations"]["titles"]]
        ncols.append(Column(self.tr("Total"), "total", "int"))
        self.nom_model.set_columns(ncols, nrows)
        fit_columns(self.nom_view, 200)
        fill_status_pie(self.status_view, data["nominations"]["totals_by_status"], self.tr("Nominations by status"))

    def load_missing(self) -> None:
        cid, period = self.campaign.currentData(), self.period.currentData()
        if not period:
            return
        deadline = date_of(self.deadline)
        only = cid if self.only_campaign.isChecked() else None

        def done(rows: list[Row]) -> None:
            self.missing_model.set_rows(rows)
            fit_columns(self.missing_view)
            self.missing_label.setText(
                self.tr("%1 unit(s) had not sent everything by %2").replace("%1", str(len(rows)))
                .replace("%2", format_date(deadline)) if rows
                else self.tr("Every unit below sent its figures and nominations by %1.").replace("%1", format_date(deadline)))

        self.ctx.jobs.run(lambda store, _p: work.missing(store, deadline, period, only), done=done,
                          title=self.tr("Reading"))

    def drill_down(self, row: int) -> None:
        code = self.matrix_model.unit_at(row)
        cid, period = self.campaign.currentData(), self.period.currentData()
        if code is None or not cid:
            return
        self.ctx.jobs.run(lambda store, _p: work.unit_figures(store, code, cid, period), done=self._show_figures,
                          title=self.tr("Reading"))

    def _show_figures(self, figures: Row) -> None:
        self.figures_dialog = UnitFiguresDialog(figures, self)
        self.figures_dialog.show()

    def export_matrix(self, path: str | None = None) -> Any:
        return export_named_view(self.ctx, "attainment-matrix", path=path, campaign_id=self.campaign.currentData(),
                                 period=self.period.currentData(), parent=self)

    def export_provincial(self, path: str | None = None) -> Any:
        period = self.period.currentData()
        return export_named_view(self.ctx, "nominations-provincial", path=path,
                                 period=period[:4] if period else None, parent=self)
