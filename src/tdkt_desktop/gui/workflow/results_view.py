"""Results of a campaign's targets for one period and unit: attainment updates as the person types; the
participation counts of the period beside it. Saving writes both in one background transaction.

A "trong đó" detail is shown indented under its target and has a result of its own. For a campaign of several
years (a 2021–2025 plan) each year's figure and the figure to date are shown beside the period's result, and
the assessment is that of the figure to date (:func:`~tdkt_desktop.core.targets.cumulative`): in progress until
the plan's last year."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.targets import Attainment, Cumulative, Figure, TargetSpec, cumulative, indented
from tdkt_desktop.core.text import InputError, clean, format_number, parse_int, parse_number
from tdkt_desktop.gui import dialogs, palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import ModelIndex, QCoreApplication, QObject, Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.gui.tables import fill_combo, percent_text, select_data, table_view
from tdkt_desktop.gui.widgets import compact_combo, heading
from tdkt_desktop.gui.workflow.common import Banner, current_period
from tdkt_desktop.store import freshness, results

Row = dict[str, Any]



def target_spec(target: Row) -> TargetSpec | None:
    """The stored target's spec, or ``None`` when it is incomplete (shown as such in the grid)."""
    try:
        return TargetSpec.from_row(target).validate()
    except InputError:
        return None


def _num_text(value: Any) -> str:
    return "" if value is None else format_number(value)


@dataclass
class ResultLine:
    target: Row
    spec: TargetSpec | None
    value: str = ""
    sub_value: str = ""
    note: str = ""
    stored: tuple[str, str, str] = ("", "", "")
    loaded: Row | None = None  # the stored result shown (None: there was none); a save expects it unchanged
    error: str = ""
    att: Attainment | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    period: str = ""
    window: tuple[int, int] | None = None
    history: dict[str, Figure] = field(default_factory=dict)  # the unit's figures of the campaign's periods
    cum: Cumulative | None = None
    figure: Figure = (None, None)  # what was typed for this period, as numbers (what a save writes)

    @property
    def has_sub(self) -> bool:
        return self.spec is not None and self.spec.comparator is m.Comparator.COUNT and self.spec.sub_count is not None

    @property
    def changed(self) -> bool:
        return (self.value, self.sub_value, self.note) != self.stored

    def evaluate(self) -> None:
        self.error = ""
        self.att = None
        if self.spec is None:
            self.error = QCoreApplication.translate("ResultsModel", "This target is incomplete; correct it in the campaign.")
            return
        self.cum = None
        self.figure = (None, None)
        try:
            value = parse_number(self.value or None, field=QCoreApplication.translate("ResultsModel", "Result"))
            sub = parse_number(self.sub_value or None, field=QCoreApplication.translate("ResultsModel", "Of which")) if self.has_sub else None
            if value is not None and value < 0 and self.spec.comparator is m.Comparator.COUNT:
                raise InputError(QCoreApplication.translate("ResultsModel", "Result: a count cannot be negative."))
            self.figure = (value, sub)
            # the figure being typed stands for this period among the others already reported
            figures = {**self.history, self.period: self.figure}
            self.cum = cumulative(self.spec, figures, self.period, self.window)
            self.att = self.cum.attainment
        except InputError as exc:
            self.error = str(exc)


COLUMNS = ("no", "measure", "target", "value", "sub_value", "percent", "status", "note")
# over a campaign of several years: the figure to date after the period's own, then each year's ("y2021"…), so
# that the assessment stays in sight on a small screen
_YEARS_AT = COLUMNS.index("sub_value") + 1


def _year_key(year: int) -> str:
    return f"y{year}"


class ResultsModel(QtCore.QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ResultLine] = []
        self.columns: tuple[str, ...] = COLUMNS
        self.window: tuple[int, int] | None = None
        self.labels = {
            "no": QCoreApplication.translate("ResultsModel", "No."),
            "measure": QCoreApplication.translate("ResultsModel", "Target"),
            "target": QCoreApplication.translate("ResultsModel", "Target set"),
            "value": QCoreApplication.translate("ResultsModel", "Result"),
            "sub_value": QCoreApplication.translate("ResultsModel", "Of which"),
            "percent": QCoreApplication.translate("ResultsModel", "% of target"),
            "status": QCoreApplication.translate("ResultsModel", "Assessment"),
            "note": QCoreApplication.translate("ResultsModel", "Note"),
            "cumulative": QCoreApplication.translate("ResultsModel", "To date"),
        }

    def set_lines(self, lines: list[ResultLine], window: tuple[int, int] | None = None) -> None:
        """Show ``lines``; over a ``window`` of several years, a column for each year and one for the figure to
        date."""
        self.beginResetModel()
        self.lines = lines
        self.window = window if window is not None and window[0] < window[1] else None
        self.columns = COLUMNS
        if self.window is not None:
            years = tuple(_year_key(y) for y in range(self.window[0], self.window[1] + 1))
            self.columns = (*COLUMNS[:_YEARS_AT], "cumulative", "percent", "status", *years, "note")
            for y in range(self.window[0], self.window[1] + 1):
                self.labels[_year_key(y)] = str(y)
        for line in self.lines:
            line.evaluate()
        self.endResetModel()

    def col(self, key: str) -> int:
        return self.columns.index(key) if key in self.columns else -1

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key.startswith("y"):
                return QCoreApplication.translate("ResultsModel", "Result of the year %1 (the whole year, else its halves)").replace("%1", key[1:])
            if key == "cumulative":
                return QCoreApplication.translate(
                    "ResultsModel", "To the end of this period: counts and quantities summed over the years, levels and percentages the latest")
        return None

    def _year_figure(self, line: ResultLine, key: str) -> Any:
        year = int(key[1:])
        if line.cum is None:
            return None
        return next((y for y in line.cum.years if y.year == year), None)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        key = self.columns[index.column()]
        line = self.lines[index.row()]
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if key in ("value", "note") or (key == "sub_value" and line.has_sub):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        key = self.columns[index.column()]
        att = line.att
        status = att.status if att is not None else None
        if key.startswith("y"):
            return self._year_data(line, key, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "no":
                return str(index.row() + 1)
            if key == "measure":
                return indented(str(line.target.get("measure") or ""), int(line.target.get("depth") or 0))
            if key == "cumulative":
                return _num_text(line.cum.value) if line.cum is not None and not line.error else ""
            if key == "target":
                return line.spec.describe() if line.spec else ""
            if key == "value":
                return line.value
            if key == "sub_value":
                if not line.has_sub:
                    return "" if role == Qt.ItemDataRole.EditRole else "—"
                return line.sub_value
            if key == "percent":
                return percent_text(att.percent) if att is not None else ""
            if key == "status":
                if line.error:
                    return QCoreApplication.translate("ResultsModel", "Error")
                return status.label if status is not None else ""
            if key == "note":
                if role == Qt.ItemDataRole.EditRole:
                    return line.note
                if line.error:
                    return line.error
                return line.note or (att.note if att is not None and status is not m.AttainmentStatus.NO_DATA else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.error:
                return line.error
            if key in ("measure", "note", "status", "cumulative") and att is not None:
                return att.note
            if key == "sub_value" and line.has_sub and line.spec is not None:
                return line.spec.sub_label
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.error and key in ("value", "sub_value", "status", "note"):
                return palette.brush("error-bg")
            if key in ("status", "percent") and status is not None:
                return palette.brush(palette.ATTAINMENT_FILL[status])
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.error and key in ("status", "note"):
                return palette.brush("error")
            if key in ("status", "percent") and status is not None:
                return palette.brush(palette.ATTAINMENT_TEXT[status])
            if key in ("target", "no") or (key == "note" and not line.note):
                return palette.brush("muted")
            return None
        if role == Qt.ItemDataRole.FontRole and key in ("status", "cumulative") and status is not None:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("value", "sub_value", "percent", "no", "cumulative"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _year_data(self, line: ResultLine, key: str, role: int) -> Any:
        """A year's figure of a multi-year target (read only: entered in that year's period)."""
        figure = self._year_figure(line, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return _num_text(figure.value) if figure is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None and figure.periods:
            text = QCoreApplication.translate("ResultsModel", "From: %1").replace(
                "%1", ", ".join(m.period_label(p) for p in figure.periods))
            if figure.sub_value is not None:
                text += "\n" + QCoreApplication.translate("ResultsModel", "Of which: %1").replace("%1", _num_text(figure.sub_value))
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.brush("hint")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        line = self.lines[index.row()]
        key = self.columns[index.column()]
        text = "" if value is None else str(value)
        if key == "value":
            line.value = text.strip()
        elif key == "sub_value" and line.has_sub:
            line.sub_value = text.strip()
        elif key == "note":
            line.note = text
        else:
            return False
        line.evaluate()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.edited.emit()
        return True

    def type_value(self, row: int, text: str, *, sub: bool = False) -> None:
        """Type into a result cell (tests)."""
        self.setData(self.index(row, self.col("sub_value" if sub else "value")), text)

    def row_of_measure(self, text: str) -> int:
        for i, line in enumerate(self.lines):
            if text.lower() in str(line.target.get("measure") or "").lower():
                return i
        return -1


class LiveDelegate(QtWidgets.QStyledItemDelegate):
    """A line editor that hands every keystroke to the model, so the assessment follows the typing."""

    def createEditor(self, parent: QtWidgets.QWidget, option: Any, index: ModelIndex) -> QtWidgets.QWidget:
        editor = QtWidgets.QLineEdit(parent)
        model = index.model()
        if isinstance(model, ResultsModel) and model.columns[index.column()] in ("value", "sub_value"):
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor.setPlaceholderText(QCoreApplication.translate("ResultsModel", "e.g. 7,5"))
        persistent = QtCore.QPersistentModelIndex(index)

        def live(text: str) -> None:
            if persistent.isValid():
                persistent.model().setData(persistent, text, Qt.ItemDataRole.EditRole)

        editor.textEdited.connect(live)
        return editor


PART_COLUMNS = ("unit", "collectives_count", "people_count", "households_count")


class ParticipationModel(QtCore.QAbstractTableModel):
    """Counts of collectives, people and households taking part, per unit, for one campaign and period."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows_: list[dict[str, Any]] = []
        self.labels = {
            "unit": QCoreApplication.translate("ResultsModel", "Unit"),
            "collectives_count": QCoreApplication.translate("ResultsModel", "Collectives"),
            "people_count": QCoreApplication.translate("ResultsModel", "People"),
            "households_count": QCoreApplication.translate("ResultsModel", "Households"),
        }

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows_ = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows_)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PART_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.labels[PART_COLUMNS[section]]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if PART_COLUMNS[index.column()] == "unit" else base | Qt.ItemFlag.ItemIsEditable

    def error_of(self, row: dict[str, Any], key: str) -> str:
        try:
            parse_int(row[key] or None, field=self.labels[key])
        except InputError as exc:
            return str(exc)
        return ""

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows_[index.row()]
        key = PART_COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row["unit_name"] if key == "unit" else row[key]
        if key == "unit":
            return None
        error = self.error_of(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return palette.brush("error-bg")
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = PART_COLUMNS[index.column()]
        if role != Qt.ItemDataRole.EditRole or key == "unit":
            return False
        self.rows_[index.row()][key] = clean(str(value or ""))
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def changed_rows(self) -> list[dict[str, Any]]:
        return [r for r in self.rows_ if tuple(r[k] for k in PART_COLUMNS[1:]) != r["stored"]]

    def first_error(self) -> tuple[int, str, str] | None:
        for i, row in enumerate(self.rows_):
            for key in PART_COLUMNS[1:]:
                error = self.error_of(row, key)
                if error:
                    return i, key, error
        return None


class ResultsView(QtWidgets.QWidget):
    """Pick a campaign, a period and a unit; type the results; save (:func:`~tdkt_desktop.store.results.save_results`).
    Everything is read on a worker; ``loaded`` is emitted once the chosen results are shown."""

    loaded = Signal()

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.setObjectName("resultsSection")
        self.ctx = ctx
        self._key: tuple[Any, Any, Any] | None = None
        self._campaign_rows: dict[str, Row] = {}
        self._wanted: dict[str, Any] | None = None
        self._generation = 0
        lay = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(heading(self.tr("Targets and results"), self))
        top.addStretch(1)
        self.save_button = QtWidgets.QPushButton(self.tr("Save results"), self)
        self.save_button.setObjectName("saveResults")
        self.save_button.setToolTip(self.tr("Save the results and participation of this period (Ctrl+S)"))
        self.revert_button = QtWidgets.QPushButton(self.tr("Undo changes"), self)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        lay.addLayout(top)

        pick = QtWidgets.QHBoxLayout()
        self.campaign = compact_combo(QtWidgets.QComboBox(self), 26)
        self.campaign.setObjectName("campaignPicker")
        self.period = compact_combo(QtWidgets.QComboBox(self), 18)
        self.period.setObjectName("periodPicker")
        self.unit = compact_combo(QtWidgets.QComboBox(self), 14)
        self.unit.setObjectName("unitPicker")
        for label, widget, stretch in (
            (self.tr("Campaign"), self.campaign, 3),
            (self.tr("Period"), self.period, 0),
            (self.tr("Unit"), self.unit, 1),
        ):
            lbl = QtWidgets.QLabel(label, self)
            lbl.setBuddy(widget)
            pick.addWidget(lbl)
            pick.addWidget(widget, stretch)
        lay.addLayout(pick)

        self.model = ResultsModel(self)
        self.view = table_view(parent=self, editable=True)
        self.view.setObjectName("resultsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setItemDelegate(LiveDelegate(self.view))
        self.view.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QtWidgets.QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self._set_widths()
        lay.addWidget(self.view, 2)

        self.banner = Banner(self)
        self.stale_dialog: QtWidgets.QDialog | None = None
        # a version the person chose to overwrite: (table, target id or unit code) → its revision
        self._expected: dict[tuple[str, str], str | None] = {}
        lay.addWidget(self.banner)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setObjectName("resultsSummary")
        lay.addWidget(self.summary)

        part_box = QtWidgets.QGroupBox(self.tr("Participation in the campaign this period"), self)
        plo = QtWidgets.QVBoxLayout(part_box)
        self.part_model = ParticipationModel(self)
        self.part_view = table_view(parent=part_box, editable=True)
        self.part_view.setObjectName("participationTable")
        self.part_view.setModel(self.part_model)
        self.part_view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
        self.part_view.verticalHeader().hide()
        self.part_view.horizontalHeader().setStretchLastSection(False)
        part_header = self.part_view.horizontalHeader()
        n = self.fontMetrics().horizontalAdvance("n")
        self.part_view.setColumnWidth(0, max(n * 40, part_header.sectionSizeHint(0)))
        for i in (1, 2, 3):
            self.part_view.setColumnWidth(i, max(n * 14, part_header.sectionSizeHint(i)))
        plo.addWidget(self.part_view)
        lay.addWidget(part_box, 1)

        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        shortcut = QtGui.QShortcut(QtGui.QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        for combo in (self.campaign, self.period, self.unit):
            combo.activated.connect(self._picked)
        self.model.edited.connect(self._on_edited)
        self.part_model.edited.connect(self._on_edited)
        ctx.jobs.data_changed.connect(self._on_data_changed)
        self.fill_pickers()

    def _set_widths(self) -> None:
        """Column widths for the columns shown (a plan of several years has a column per year: the names are
        narrower then); never narrower than a (bold) header at any scaling. "Of which" is hidden when no target
        counts a part."""
        header = self.view.horizontalHeader()
        n = self.fontMetrics().horizontalAdvance("n")
        years = self.model.window is not None
        widths = {"no": 4, "measure": 27 if years else 42, "target": 16 if years else 22, "value": 9 if years else 11,
                  "sub_value": 9, "percent": 9, "status": 14 if years else 16, "cumulative": 8}
        bold = QtGui.QFont(self.view.font())
        bold.setBold(True)
        status = max(QtGui.QFontMetrics(bold).horizontalAdvance(s.label) for s in m.AttainmentStatus) + n * 2
        for col, key in enumerate(self.model.columns):
            if key == "note":
                continue
            chars = 6 if key.startswith("y") else widths[key]
            least = status if key == "status" else 0  # every assessment whole, in bold
            self.view.setColumnWidth(col, max(n * chars, header.sectionSizeHint(col), least))
        self.view.setColumnHidden(self.model.col("sub_value"),
                                  bool(self.model.lines) and not any(line.has_sub for line in self.model.lines))

    # ------------------------------------------------------------------ pickers
    def fill_pickers(self) -> None:
        """Read the campaigns with targets and the reporting units on a worker, then show the chosen results."""

        def read(store: Any, _p: Any) -> tuple[list[Row], list[Row]]:
            return results.campaigns_with_targets(store), results.reporting_units(store)

        self.ctx.jobs.run(read, done=lambda got: self._show_pickers(*got), title=self.tr("Reading"))

    def _show_pickers(self, campaigns: list[Row], units: list[Row]) -> None:
        self._campaign_rows = {str(c["id"]): c for c in campaigns}
        fill_combo(self.campaign, [(f"{c['name']} ({c['year']})" if c.get("year") else c["name"], c["id"])
                                   for c in campaigns])
        self._fill_periods()
        fill_combo(self.unit, [(u["name"] or u["code"], u["code"]) for u in units])
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.choose(**wanted)
        elif not self.has_unsaved_changes():
            self.load()

    def _fill_periods(self) -> None:
        """The periods of the chosen campaign's years, in time order (a 2021–2025 plan offers 2021 to 2025); the
        period chosen stays when the campaign has it, else the current one, else the campaign's latest that
        has begun."""
        campaign = self._campaign_rows.get(str(self.campaign.currentData()), {})
        periods = m.campaign_periods(campaign)
        wanted = self.period.currentData()
        fill_combo(self.period, [(m.period_label(p), p) for p in periods], keep=False)
        today = current_period()
        begun = [p for p in periods if m.period_year(p) <= m.period_year(today)]
        for choice in (wanted, today, begun[-1] if begun else None, periods[0] if periods else None):
            if choice is not None and select_data(self.period, choice):
                break

    def _picked(self, _i: int = 0) -> None:
        if self.campaign.currentData() != (self._key or (None,))[0]:
            self._fill_periods()
        new_key = (self.campaign.currentData(), self.period.currentData(), self.unit.currentData())
        if new_key == self._key:
            return
        if not self.confirm_leave():
            self._select_key(self._key)
            return
        self.load()

    def _select_key(self, key: tuple[Any, Any, Any] | None) -> None:
        if key is None:
            return
        for combo, value in zip((self.campaign, self.period, self.unit), key, strict=True):
            combo.blockSignals(True)
            select_data(combo, value)
            combo.blockSignals(False)

    def choose(self, *, campaign_id: str | None = None, period: str | None = None, unit_code: str | None = None) -> None:
        """Pick campaign, period and unit (tests, links from the overview); before the pickers are read, the
        choice waits for them."""
        if self.campaign.count() == 0 and self.unit.count() == 0:
            self._wanted = {"campaign_id": campaign_id, "period": period, "unit_code": unit_code}
            return
        if campaign_id is not None:
            select_data(self.campaign, campaign_id)
            self._fill_periods()
        if period is not None and not select_data(self.period, period):
            self.period.addItem(m.period_label(period), period)
            select_data(self.period, period)
        if unit_code is not None:
            select_data(self.unit, unit_code)
        self._picked()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Read the chosen campaign's targets, results and participation on a worker; ``loaded`` follows."""
        cid, period, unit = self.campaign.currentData(), self.period.currentData(), self.unit.currentData()
        self._key = (cid, period, unit)
        self._generation += 1
        generation = self._generation
        self.banner.clear_message()
        if not (cid and period and unit):
            self._show(None)
            return

        def done(sheet: Row) -> None:
            if generation == self._generation:
                self._show(sheet)

        self.ctx.jobs.run(
            lambda store, _p: results.results_sheet(store, campaign_id=cid, period=period, unit_code=unit),
            done=done, title=self.tr("Reading"), parent=self,
        )

    def _show(self, sheet: Row | None) -> None:
        self._expected.clear()  # the versions now shown are what a save expects
        lines: list[ResultLine] = []
        parts: list[dict[str, Any]] = []
        window = None
        if sheet is not None:
            window = sheet["window"]
            period = str(self._key[1]) if self._key else ""
            for target in sheet["targets"]:
                res = sheet["results"].get(target["id"])
                history = {p: f for p, f in sheet["history"].get(target["id"], {}).items() if p != period}
                line = ResultLine(target, target_spec(target), period=period, window=window, history=history)
                line.loaded = res
                if res is not None:
                    line.value = _num_text(res["value"])
                    line.sub_value = _num_text(res["sub_value"])
                    line.note = res["note"] or ""
                line.stored = (line.value, line.sub_value, line.note)
                lines.append(line)
            held = sheet["participations"]
            for i in range(self.unit.count()):
                code = self.unit.itemData(i)
                r = held.get(code) or {}
                row = {
                    "unit_code": code,
                    "unit_name": self.unit.itemText(i),
                    **{k: _num_text(r.get(k)) for k in results.PARTICIPATION_COUNTS},
                    "loaded": held.get(code),
                }
                row["stored"] = tuple(row[k] for k in PART_COLUMNS[1:])
                parts.append(row)
        self.model.set_lines(lines, window)
        self._set_widths()
        self.part_model.set_rows(parts)
        self.view.resizeRowsToContents()
        self._update_summary()
        self.loaded.emit()

    # ------------------------------------------------------------------ state
    def has_unsaved_changes(self) -> bool:
        return any(line.changed for line in self.model.lines) or bool(self.part_model.changed_rows())

    def confirm_leave(self) -> bool:
        """True when it is fine to leave (nothing unsaved, saved, or the person chose to discard)."""
        if not self.has_unsaved_changes():
            return True
        answer = dialogs.save_discard_cancel(
            self, self.tr("Results"), self.tr("The results you typed are not saved. Save them?")
        )
        if answer == "save":
            return self.save()
        return answer == "discard"

    def can_close(self) -> bool:
        return self.confirm_leave()

    def _on_edited(self) -> None:
        self._update_summary()

    def _on_data_changed(self, table: str) -> None:
        if table in ("campaigns", "targets", "units"):
            self.fill_pickers()  # then the results are read again, unless some are being typed
        elif table in ("target_results", "participations") and not self.has_unsaved_changes():
            self.load()

    def _update_summary(self) -> None:
        counts: dict[m.AttainmentStatus, int] = {}
        errors = 0
        for line in self.model.lines:
            if line.error:
                errors += 1
            elif line.att is not None:
                counts[line.att.status] = counts.get(line.att.status, 0) + 1
        parts = [f"{status.label}: {counts[status]}" for status in m.AttainmentStatus if counts.get(status)]
        text = " · ".join(parts)
        if errors:
            text += " · " + self.tr("%1 rows with errors").replace("%1", str(errors))
        if self.has_unsaved_changes():
            text += " · " + self.tr("not saved yet")
        if not self.model.lines:
            text = self.tr("This campaign has no targets, or no campaign is chosen.")
        self.summary.setText(text)

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Check every row and start the write; False (and nothing written) when a row is wrong."""
        self.view.setFocus()  # commit an open cell editor
        self.banner.clear_message()
        for i, line in enumerate(self.model.lines):
            if line.error:
                self.banner.error(
                    self.tr("Row %1 (%2): %3").replace("%1", str(i + 1))
                    .replace("%2", str(line.target.get("measure") or "")).replace("%3", line.error)
                )
                self.view.setCurrentIndex(self.model.index(i, self.model.col("value")))
                return False
        bad = self.part_model.first_error()
        if bad is not None:
            row, key, error = bad
            self.banner.error(error)
            self.part_view.setCurrentIndex(self.part_model.index(row, PART_COLUMNS.index(key)))
            return False
        cid, period, unit = self._key or (None, None, None)
        if not (cid and period and unit):
            return False
        entries = [
            {
                "target_id": line.target["id"],
                "value": line.figure[0],
                "sub_value": line.figure[1] if line.has_sub else None,
                "note": line.note.strip() or None,
                "rev": self._expected.get(("target_results", line.target["id"]), (line.loaded or {}).get("rev")),
            }
            for line in self.model.lines
            if line.changed
        ]
        counts = [
            {"unit_code": r["unit_code"], **{k: parse_int(r[k] or None) for k in PART_COLUMNS[1:]},
             "rev": self._expected.get(("participations", r["unit_code"]), (r.get("loaded") or {}).get("rev"))}
            for r in self.part_model.changed_rows()
        ]
        if not entries and not counts:
            self.banner.note(self.tr("Nothing to save: no result was changed."))
            return True

        def done(_n: int) -> None:
            self.load()
            self.banner.note(self.tr("Saved."))

        self.save_button.setEnabled(False)
        job = self.ctx.jobs.run(
            lambda store, _p: results.save_results(store, campaign_id=cid, period=period, unit_code=unit,
                                                   results=entries, participations=counts),
            done=done, failed=self._failed, title=self.tr("Saving results"), parent=self,
        )
        job.signals.finished.connect(lambda *_a: self.save_button.setEnabled(True))
        return True

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.banner.error(str(exc))
        if isinstance(exc, freshness.StaleRecord):
            self._ask_stale(exc)

    def _ask_stale(self, exc: freshness.StaleRecord) -> None:
        """A result (or participation figure) changed since the grid showed it: what changed, and the choice."""
        from tdkt_desktop.gui.stale import OVERWRITE, RELOAD, StaleDialog

        current = exc.current
        if exc.table == "participations":
            code = str(current["unit_code"]) if current else exc.record_id
            row = next((r for r in self.part_model.rows_ if r["unit_code"] == code), None)
            if row is None:
                return
            key = ("participations", code)
            loaded: Row = row.get("loaded") or {}
            mine: Row = {k: parse_int(row[k] or None) for k in PART_COLUMNS[1:]}
        else:
            target_id = str(current["target_id"]) if current else exc.record_id
            line = next((ln for ln in self.model.lines if ln.target["id"] == target_id), None)
            if line is None:
                return
            key = ("target_results", target_id)
            loaded = line.loaded or {}
            mine = {"value": line.value or None, "sub_value": line.sub_value or None, "note": line.note.strip() or None}
        changes = freshness.changes_between(exc.table, loaded, current, mine)
        dlg = StaleDialog(exc, changes, self, can_overwrite=True)

        def chosen(answer: str) -> None:
            self.stale_dialog = None
            if answer == OVERWRITE:
                self._expected[key] = current.get("rev") if current else None
                self.save()
            elif answer == RELOAD:
                self.load()

        dlg.chosen.connect(chosen)
        self.stale_dialog = dlg
        dlg.open()

    def refresh(self) -> None:
        if not self.has_unsaved_changes():
            self.fill_pickers()  # then the results are read again

