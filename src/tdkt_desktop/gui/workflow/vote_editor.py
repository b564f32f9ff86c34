"""The council vote session (Hội đồng Thi đua – Khen thưởng xét): the meeting, and the votes for each
nomination. The share is counted on the TOTAL number of council members, not on those present, and is
compared with the rule set's threshold for the title."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.rules import ruleset_for, vote_passes, vote_share
from tdkt_desktop.core.text import InputError, parse_int, require_date
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.inputs import FieldInput, make_input
from tdkt_desktop.gui.qt import ModelIndex, QCoreApplication, QObject, Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.gui.tables import fill_combo, percent_text, table_view
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.gui.workflow.common import EditorDialog
from tdkt_desktop.store import council
from tdkt_desktop.store import fields as F

Row = dict[str, Any]
SESSION_FIELDS = (
    "meeting_date", "place", "period", "total_members", "present", "written_opinions", "chair", "secretary", "notes",
)



@dataclass
class VoteLine:
    nomination: Row
    threshold: float | None  # None with ``required``: no text confirmed it, the council's own rules decide
    required: bool = False
    votes_for: str = ""
    stored: str = ""


VOTE_COLUMNS = ("name", "title", "votes_for", "share", "threshold", "result")


class VotesModel(QtCore.QAbstractTableModel):
    edited = Signal()

    def __init__(self, naming: Naming, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.naming = naming  # how the installation names the awards
        self.lines: list[VoteLine] = []
        self.total: int | None = None
        self.present: int | None = None
        self.written: int | None = None
        self.labels = {
            "name": QCoreApplication.translate("VotesModel", "Nominee"),
            "title": QCoreApplication.translate("VotesModel", "Title or form"),
            "votes_for": QCoreApplication.translate("VotesModel", "Votes for"),
            "share": QCoreApplication.translate("VotesModel", "Share of all members"),
            "threshold": QCoreApplication.translate("VotesModel", "Needed"),
            "result": QCoreApplication.translate("VotesModel", "Result"),
        }

    def set_lines(self, lines: list[VoteLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def set_thresholds(self, threshold: Callable[[Row], float | None]) -> None:
        for line in self.lines:
            line.threshold = threshold(line.nomination)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, len(VOTE_COLUMNS) - 1))

    def add_line(self, line: VoteLine) -> None:
        self.beginInsertRows(QtCore.QModelIndex(), len(self.lines), len(self.lines))
        self.lines.append(line)
        self.endInsertRows()
        self.edited.emit()

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QtCore.QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.edited.emit()

    def set_counts(self, total: int | None, present: int | None, written: int | None) -> None:
        self.total, self.present, self.written = total, present, written
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, len(VOTE_COLUMNS) - 1))

    def evaluate(self, line: VoteLine) -> tuple[int | None, float | None, bool | None, str]:
        """(votes, share %, passes, error) of one line."""
        try:
            votes = parse_int(line.votes_for or None, field=QCoreApplication.translate("VotesModel", "Votes for"))
        except InputError as exc:
            return None, None, None, str(exc)
        if votes is None or not self.total:
            return votes, None, None, ""
        try:
            council.check_vote(votes, total_members=self.total, present=self.present or 0,
                               written_opinions=self.written or 0)
        except InputError as exc:
            return votes, None, None, str(exc)
        share = vote_share(votes, self.total)
        passes = vote_passes(votes, self.total, line.threshold) if line.threshold is not None else None
        return votes, share, passes, ""

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VOTE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.labels[VOTE_COLUMNS[section]]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if VOTE_COLUMNS[index.column()] == "votes_for" else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        key = VOTE_COLUMNS[index.column()]
        votes, share, passes, error = self.evaluate(line)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "name":
                return line.nomination.get("subject_name")
            if key == "title":
                return self.naming.title(line.nomination.get("title_code") or "")
            if key == "votes_for":
                return line.votes_for
            if key == "share":
                if share is None or self.total is None:
                    return ""
                return f"{votes}/{self.total} = {percent_text(share)}"
            if key == "threshold":
                if line.threshold is not None:
                    return f"≥ {line.threshold:g} %"
                if line.required:
                    return QCoreApplication.translate("VotesModel", "Council's own rules")
                return QCoreApplication.translate("VotesModel", "No vote needed")
            if key == "result":
                if error:
                    return error
                if passes is None:
                    if line.required and share is not None:
                        return QCoreApplication.translate("VotesModel", "For the council to judge")
                    return ""
                return QCoreApplication.translate("VotesModel", "Passes") if passes else QCoreApplication.translate("VotesModel", "Does not pass")
        if role == Qt.ItemDataRole.ToolTipRole and key in ("result", "votes_for") and error:
            return error
        if role == Qt.ItemDataRole.ToolTipRole and key == "threshold" and line.threshold is None and line.required:
            return QCoreApplication.translate(
                "VotesModel", "No legal text confirmed a threshold for this title; the council votes under its own rules."
            )
        if role == Qt.ItemDataRole.BackgroundRole and error and key in ("votes_for", "result"):
            return palette.brush("error-bg")
        if role == Qt.ItemDataRole.ForegroundRole and key == "result":
            if error or passes is False:
                return palette.brush("error")
            if passes:
                return palette.brush("ok")
        if role == Qt.ItemDataRole.ForegroundRole and key == "threshold" and line.threshold is None:
            return palette.brush("muted")
        if role == Qt.ItemDataRole.FontRole and key == "result" and passes is not None:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("votes_for", "share"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or VOTE_COLUMNS[index.column()] != "votes_for":
            return False
        self.lines[index.row()].votes_for = str(value or "").strip()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(VOTE_COLUMNS) - 1))
        self.edited.emit()
        return True

    def type_votes(self, row: int, text: str) -> None:
        self.setData(self.index(row, VOTE_COLUMNS.index("votes_for")), text)


class VoteSessionEditor(EditorDialog):
    """A council meeting (Hội đồng TĐKT) and its vote on each nomination, saved in one transaction
    (:func:`~tdkt_desktop.store.council.save_session`)."""

    table = "vote_sessions"

    def __init__(self, ctx: Any, session_id: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("voteSessionEditor")
        self.session_id = session_id
        self.setWindowTitle(self.tr("Council meeting") if session_id else self.tr("New council meeting"))
        outer = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        self.inputs: dict[str, FieldInput] = {}
        left = QtWidgets.QFormLayout()
        right = QtWidgets.QFormLayout()
        for i, name in enumerate(SESSION_FIELDS):
            spec = F.KINDS["vote_sessions"].field(name)
            fi = make_input(spec, self)
            fi.changed.connect(self.mark_dirty)
            self.inputs[name] = fi
            form = left if i < 5 else right
            form.addRow(spec.label + (" *" if spec.required else ""), self.errors.wrap(fi.widget, name, spec.label))
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        outer.addLayout(top)
        self.rule = QtWidgets.QLabel(self)
        self.rule.setObjectName("vote_rule")
        self.rule.setWordWrap(True)
        palette.set_tone(self.rule, "muted")
        outer.addWidget(self.rule)
        self.inputs["meeting_date"].changed.connect(self._show_rule)
        self._show_rule()
        bar = QtWidgets.QHBoxLayout()
        self.candidates = QtWidgets.QComboBox(self)
        self.candidates.setObjectName("candidates")
        self.candidates.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.candidates.setMinimumContentsLength(40)
        self.add_button = QtWidgets.QPushButton(self.tr("Add"), self)
        self.add_all_button = QtWidgets.QPushButton(self.tr("Add all needing a vote"), self)
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"), self)
        bar.addWidget(QtWidgets.QLabel(self.tr("Nomination"), self))
        bar.addWidget(self.candidates, 1)
        for b in (self.add_button, self.add_all_button, self.remove_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        outer.addLayout(bar)
        self.model = VotesModel(ctx.naming, self)
        self.view = table_view(parent=self, editable=True)
        self.view.setObjectName("votesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        n = self.fontMetrics().horizontalAdvance("n")
        for key, chars in (("name", 28), ("title", 26), ("votes_for", 10), ("share", 16), ("threshold", 12)):
            self.view.setColumnWidth(VOTE_COLUMNS.index(key), n * chars)
        outer.addWidget(self.errors.wrap(self.view, "votes"), 1)
        outer.addWidget(self.banner)
        outer.addWidget(self.buttons)

        for name in ("total_members", "present", "written_opinions"):
            self.inputs[name].changed.connect(self._counts_changed)
        self.inputs["period"].changed.connect(self._fill_candidates)
        self.inputs["meeting_date"].changed.connect(lambda *_a: self.model.set_thresholds(self._threshold))
        self.model.edited.connect(self.mark_dirty)
        self.add_button.clicked.connect(self.add_selected)
        self.add_all_button.clicked.connect(self.add_all_needing_vote)
        self.remove_button.clicked.connect(self.remove_selected)
        fit_to_screen(self, 1100, 680)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Read the meeting (or the last one, whose council a new meeting usually shares) on a worker."""
        session_id = self.session_id

        def read(store: Any, _p: Any) -> Row:
            if session_id:
                return council.session_with_votes(store, session_id)
            last = council.last_session(store) or {}
            return {"meeting_date": _dt.date.today().isoformat(), "period": str(_dt.date.today().year),
                    "written_opinions": 0, **{k: last.get(k) for k in ("place", "total_members", "chair", "secretary")},
                    "votes": []}

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.errors.show(exc)

        self.setEnabled(False)
        self.ctx.jobs.run(read, done=self._show, failed=failed, title=self.tr("Reading"), parent=self)

    def _show(self, row: Row) -> None:
        self._loading = True
        try:
            self.opened({k: v for k, v in row.items() if k != "votes"},
                        *(("votes", {k: v for k, v in vote.items() if k != "nomination"}) for vote in row["votes"]))
            for name, fi in self.inputs.items():
                fi.set_stored(row.get(name))
            lines = []
            for v in row["votes"]:
                line = self._line(v["nomination"])
                line.votes_for = line.stored = str(v["votes_for"])
                lines.append(line)
            self.model.set_lines(lines)
            self._counts_changed()
            self._fill_candidates()
        finally:
            self._loading = False
        self._dirty = False
        self.setEnabled(True)
        self.loaded.emit()

    def _meeting_date(self) -> _dt.date:
        try:
            return require_date(self.inputs["meeting_date"].raw(), field="meeting_date")
        except InputError:
            return _dt.date.today()

    def _threshold(self, nomination: Row) -> float | None:
        unit = self.ctx.reader.self_unit() or {}
        rs = ruleset_for(self._meeting_date(), province_code=unit.get("province_code") or None)
        return council.threshold_of(rs, nomination["title_code"])

    def _required(self, nomination: Row) -> bool:
        unit = self.ctx.reader.self_unit() or {}
        rs = ruleset_for(self._meeting_date(), province_code=unit.get("province_code") or None)
        return council.required_of(rs, nomination["title_code"])

    def _show_rule(self) -> None:
        """How votes are counted, citing the rule set in force on the meeting date (today when not given)."""
        rs = ruleset_for(self._meeting_date())
        text = self.tr("The share is counted on the TOTAL number of council members, not on those present; members "
                       "absent give written opinions.")
        self.rule.setText(f"{text} {rs.vote_label} ({rs.vote_source.full_text}).")

    def _line(self, nomination: Row) -> VoteLine:
        return VoteLine(nomination, self._threshold(nomination), self._required(nomination))

    def _year(self) -> int:
        try:
            period = self.inputs["period"].raw()
            return m.period_year(m.parse_period(str(period))) if period else _dt.date.today().year
        except InputError:
            return _dt.date.today().year

    def _fill_candidates(self) -> None:
        year = self._year()

        def show(rows: list[Row]) -> None:
            if self._year() != year:  # the period changed meanwhile: its own read follows
                return
            taken = {line.nomination["id"] for line in self.model.lines}
            fill_combo(
                self.candidates,
                [(f"{r['subject_name']} — {self.ctx.naming.title(r['title_code'])} ({r['year']})", r["id"])
                 for r in rows if r["id"] not in taken],
            )

        self.ctx.jobs.run(lambda store, _p: council.candidates(store, year=year), done=show, parent=self)

    def _counts(self) -> tuple[int | None, int | None, int | None]:
        out = []
        for name in ("total_members", "present", "written_opinions"):
            try:
                out.append(parse_int(self.inputs[name].raw() or None))
            except InputError:
                out.append(None)
        return out[0], out[1], out[2]

    def _counts_changed(self) -> None:
        total, present, written = self._counts()
        self.model.set_counts(total if total and total > 0 else None, present, written)

    # ------------------------------------------------------------------ lines
    def add_nomination(self, nomination_id: str) -> None:
        if any(line.nomination["id"] == nomination_id for line in self.model.lines):
            return
        nom = self.ctx.reader.get("nominations", nomination_id)
        if nom is not None:
            self.model.add_line(self._line(nom))
            self._fill_candidates()

    def add_selected(self) -> None:
        nid = self.candidates.currentData()
        if nid:
            self.add_nomination(nid)

    def add_all_needing_vote(self) -> None:
        year, day = self._year(), self._meeting_date()

        def add(rows: list[Row]) -> None:
            for r in rows:
                self.add_nomination(r["id"])

        self.ctx.jobs.run(lambda store, _p: council.needing_vote(store, year=year, meeting_date=day), done=add,
                          parent=self)

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_line(index.row())
            self._fill_candidates()

    # ------------------------------------------------------------------ saving
    def collect(self) -> tuple[Row, dict[str, int]]:
        values = F.normalise("vote_sessions", {name: fi.raw() for name, fi in self.inputs.items()})
        values["unit_code"] = self.ctx.unit_code
        council.check_counts(total_members=values["total_members"], present=values["present"],
                             written_opinions=values.get("written_opinions"))
        ballot: dict[str, int] = {}
        for i, line in enumerate(self.model.lines):
            v, _share, _passes, error = self.model.evaluate(line)
            name = line.nomination.get("subject_name") or ""
            if error:
                raise InputError(
                    self.tr("Row %1 (%2): %3").replace("%1", str(i + 1)).replace("%2", name).replace("%3", error),
                    field="votes",
                )
            if v is None:
                raise InputError(
                    self.tr("Row %1 (%2): the votes for are not entered.").replace("%1", str(i + 1)).replace("%2", name),
                    field="votes",
                )
            ballot[line.nomination["id"]] = v
        return values, ballot

    def mine(self, payload: Any, table: str, record_id: str) -> Row:
        if table == "votes":  # a vote as this meeting would save it (none: removed here)
            vote = next((v for v in self._opened.values() if v.get("id") == record_id), {})
            return {"votes_for": payload[1].get(str(vote.get("nomination_id") or ""))}
        return super().mine(payload, table, record_id)

    def write(self, store: Any, payload: tuple[Row, dict[str, int]]) -> str:
        values, ballot = payload
        session = council.save_session(store, values=values, session_id=self.session_id, ballot=ballot)
        return str(session["id"])

    def _saved(self, result: Any) -> None:
        self.session_id = result
        super()._saved(result)
