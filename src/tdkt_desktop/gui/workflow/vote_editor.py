"""The council vote session (Hội đồng Thi đua – Khen thưởng xét): the meeting, and the votes for each
nomination. The share is counted on the TOTAL number of council members, not on those present, and is
compared with the rule set's threshold for the title."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.rules import vote_passes, vote_share, vote_threshold
from tdkt_desktop.core.text import InputError, parse_int
from tdkt_desktop.gui.inputs import FieldInput, make_input
from tdkt_desktop.gui.qt import QCoreApplication, QObject, Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.gui.workflow.common import (
    ERROR_BG,
    ERROR_FG,
    MUTED_FG,
    OK_FG,
    EditorDialog,
    fill_combo,
    percent_text,
    table_view,
)
from tdkt_desktop.gui.workflow.facts import ruleset_on
from tdkt_desktop.store import fields as F

Row = dict[str, Any]
SESSION_FIELDS = (
    "meeting_date", "place", "period", "total_members", "present", "written_opinions", "chair", "secretary", "notes",
)



@dataclass
class VoteLine:
    nomination: Row
    threshold: float | None
    vote_id: str | None = None
    votes_for: str = ""
    stored: str = ""


VOTE_COLUMNS = ("name", "title", "votes_for", "share", "threshold", "result")


class VotesModel(QtCore.QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[VoteLine] = []
        self.total: int | None = None
        self.voters: int | None = None  # present + written opinions
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

    def set_counts(self, total: int | None, voters: int | None) -> None:
        self.total, self.voters = total, voters
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
        if votes > self.total:
            return votes, None, None, QCoreApplication.translate("VotesModel", "Votes for (%1) are more than the council members (%2).") \
                .replace("%1", str(votes)).replace("%2", str(self.total))
        if self.voters is not None and votes > self.voters:
            return votes, None, None, QCoreApplication.translate("VotesModel", "Votes for (%1) are more than those present plus written opinions (%2).") \
                .replace("%1", str(votes)).replace("%2", str(self.voters))
        share = vote_share(votes, self.total)
        passes = vote_passes(votes, self.total, line.threshold) if line.threshold is not None else None
        return votes, share, passes, ""

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VOTE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.labels[VOTE_COLUMNS[section]]
        return None

    def flags(self, index: QtCore.QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if VOTE_COLUMNS[index.column()] == "votes_for" else base

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        key = VOTE_COLUMNS[index.column()]
        votes, share, passes, error = self.evaluate(line)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "name":
                return line.nomination.get("subject_name")
            if key == "title":
                return m.title_label(line.nomination.get("title_code") or "")
            if key == "votes_for":
                return line.votes_for
            if key == "share":
                if share is None or self.total is None:
                    return ""
                return f"{votes}/{self.total} = {percent_text(share)}"
            if key == "threshold":
                return f"≥ {line.threshold:g} %" if line.threshold is not None else QCoreApplication.translate("VotesModel", "No vote needed")
            if key == "result":
                if error:
                    return error
                if passes is None:
                    return ""
                return QCoreApplication.translate("VotesModel", "Passes") if passes else QCoreApplication.translate("VotesModel", "Does not pass")
        if role == Qt.ItemDataRole.ToolTipRole and key in ("result", "votes_for") and error:
            return error
        if role == Qt.ItemDataRole.BackgroundRole and error and key in ("votes_for", "result"):
            return QtGui.QBrush(QtGui.QColor(ERROR_BG))
        if role == Qt.ItemDataRole.ForegroundRole and key == "result":
            if error or passes is False:
                return QtGui.QBrush(QtGui.QColor(ERROR_FG))
            if passes:
                return QtGui.QBrush(QtGui.QColor(OK_FG))
        if role == Qt.ItemDataRole.ForegroundRole and key == "threshold" and line.threshold is None:
            return QtGui.QBrush(QtGui.QColor(MUTED_FG))
        if role == Qt.ItemDataRole.FontRole and key == "result" and passes is not None:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("votes_for", "share"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QtCore.QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or VOTE_COLUMNS[index.column()] != "votes_for":
            return False
        self.lines[index.row()].votes_for = str(value or "").strip()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(VOTE_COLUMNS) - 1))
        self.edited.emit()
        return True

    def type_votes(self, row: int, text: str) -> None:
        self.setData(self.index(row, VOTE_COLUMNS.index("votes_for")), text)


class VoteSessionEditor(EditorDialog):
    """A council meeting (Hội đồng TĐKT) and its vote on each nomination, saved in one transaction."""

    def __init__(self, ctx: Any, session_id: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("voteSessionEditor")
        self.session_id = session_id
        self.original_votes: set[str] = set()
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
        rule = QtWidgets.QLabel(
            self.tr("The share is counted on the TOTAL number of council members (NĐ 98/2023, Điều 30), not on "
                    "those present; members absent give written opinions."),
            self,
        )
        rule.setWordWrap(True)
        rule.setStyleSheet(f"color: {MUTED_FG};")
        outer.addWidget(rule)
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
        self.model = VotesModel(self)
        self.view = table_view(self)
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
        self.model.edited.connect(self.mark_dirty)
        self.add_button.clicked.connect(self.add_selected)
        self.add_all_button.clicked.connect(self.add_all_needing_vote)
        self.remove_button.clicked.connect(self.remove_selected)
        self.resize(1100, 680)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        self._loading = True
        try:
            reader = self.ctx.reader
            row: Row = {}
            lines = []
            if self.session_id:
                row = reader.require("vote_sessions", self.session_id)
                votes = reader.rows("votes", "vote_session_id = ?", [self.session_id], order_by="rowid")
                self.original_votes = {v["id"] for v in votes}
                for v in votes:
                    nom = reader.get("nominations", v["nomination_id"])
                    if nom is None:
                        continue
                    line = self._line(nom)
                    line.vote_id = v["id"]
                    line.votes_for = line.stored = str(v["votes_for"])
                    lines.append(line)
            else:
                last = reader.rows("vote_sessions", order_by="meeting_date DESC", limit=1)
                row = {
                    "meeting_date": _dt.date.today().isoformat(),
                    "period": str(_dt.date.today().year),
                    "written_opinions": 0,
                }
                if last:  # the council is usually the same people
                    for k in ("place", "total_members", "chair", "secretary"):
                        row[k] = last[0].get(k)
            for name, fi in self.inputs.items():
                fi.set_stored(row.get(name))
            self.model.set_lines(lines)
            self._counts_changed()
            self._fill_candidates()
        finally:
            self._loading = False
        self._dirty = False

    def _line(self, nomination: Row) -> VoteLine:
        rs = ruleset_on(self.ctx.reader, int(nomination["year"]))
        try:
            threshold = vote_threshold(rs, nomination["title_code"])
        except InputError:
            threshold = None
        return VoteLine(nomination, threshold)

    def _year(self) -> int:
        try:
            period = self.inputs["period"].raw()
            return m.period_year(m.parse_period(str(period))) if period else _dt.date.today().year
        except InputError:
            return _dt.date.today().year

    def _fill_candidates(self) -> None:
        taken = {line.nomination["id"] for line in self.model.lines}
        year = self._year()
        rows = self.ctx.reader.rows(
            "nominations", "year IN (?, ?)", [year, year - 1], order_by="year DESC, subject_name"
        )
        fill_combo(
            self.candidates,
            [
                (f"{r['subject_name']} — {m.title_label(r['title_code'])} ({r['year']})", r["id"])
                for r in rows
                if r["id"] not in taken
            ],
        )

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
        voters = (present or 0) + (written or 0) if present is not None else None
        self.model.set_counts(total if total and total > 0 else None, voters)

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
        year = self._year()
        for r in self.ctx.reader.rows("nominations", "year = ? AND status IN ('draft', 'submitted')", [year]):
            line = self._line(r)
            if line.threshold is not None:
                self.add_nomination(r["id"])

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_line(index.row())
            self._fill_candidates()

    # ------------------------------------------------------------------ saving
    def collect(self) -> tuple[Row, list[Row]]:
        values = F.normalise("vote_sessions", {name: fi.raw() for name, fi in self.inputs.items()})
        values["unit_code"] = self.ctx.unit_code
        total = values["total_members"]
        present = values["present"]
        written = values.get("written_opinions") or 0
        if total <= 0:
            raise InputError(self.tr("Total council members: must be more than 0."), field="total_members")
        if present > total:
            raise InputError(
                self.tr("Members present (%1) cannot be more than the total members (%2).")
                .replace("%1", str(present)).replace("%2", str(total)),
                field="present",
            )
        if present + written > total:
            raise InputError(
                self.tr("Present (%1) plus written opinions (%2) cannot be more than the total members (%3).")
                .replace("%1", str(present)).replace("%2", str(written)).replace("%3", str(total)),
                field="written_opinions",
            )
        votes = []
        for i, line in enumerate(self.model.lines):
            v, share, _passes, error = self.model.evaluate(line)
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
            votes.append({
                "id": line.vote_id,
                "nomination_id": line.nomination["id"],
                "votes_for": v,
                "threshold": line.threshold,
                "share": round(share, 2) if share is not None else None,
            })
        return values, votes

    def write(self, store: Any, payload: tuple[Row, list[Row]]) -> str:
        values, votes = payload
        keep: set[str] = set()
        with store.atomic():
            if self.session_id:
                session = store.update("vote_sessions", self.session_id, values)
            else:
                session = store.insert("vote_sessions", values)
            for vote in votes:
                vid = vote.pop("id")
                vote["vote_session_id"] = session["id"]
                if vid and vid in self.original_votes:
                    store.update("votes", vid, vote)
                    keep.add(vid)
                else:
                    store.insert("votes", vote, owner_unit=session["owner_unit"])
            for vid in self.original_votes - keep:
                store.delete("votes", vid)
        return str(session["id"])

    def _saved(self, result: Any) -> None:
        self.session_id = result
        super()._saved(result)
