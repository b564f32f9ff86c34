"""The editable table of a campaign's targets (chỉ tiêu), also used to review what was read from a directive
before it is taken. Each row keeps what the person typed ("7,5"); a row is checked by building a
:class:`~tdkt_desktop.core.targets.TargetSpec` from it, and the understanding is shown right after the name.

A row may detail another ("trong đó": ``parent`` is the other row's ``key``; shown indented under it) and may
carry flags from the reading (``flags``). Flags stay until a person confirms the row (the tick in the "To
check" column, or "Confirm"); editing a cell does not clear them, and unconfirmed flags are saved with the
target so they are still there next time.
"""

from __future__ import annotations

import itertools
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.target_parser import ProposedTarget
from tdkt_desktop.core.targets import STRICT_COMPARATORS, TargetSpec, indented
from tdkt_desktop.core.text import InputError, clean, format_number
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.qt import ModelIndex, QCoreApplication, QObject, Qt, QtCore, QtWidgets, Signal
from tdkt_desktop.gui.tables import Column
from tdkt_desktop.gui.workflow.common import enum_label
from tdkt_desktop.store.campaigns import review_flags

Row = dict[str, Any]

_keys = itertools.count(1)


def new_key() -> str:
    return f"row-{next(_keys)}"


def _columns(proposal: bool) -> list[Column]:
    cols = [
        Column(QCoreApplication.translate("TargetsModel", "Target"), "measure", width=39),
        Column(QCoreApplication.translate("TargetsModel", "Read as"), "check", width=27),
        Column(QCoreApplication.translate("TargetsModel", "To check"), "review", width=33),
        Column(QCoreApplication.translate("TargetsModel", "Comparison"), "comparator", width=19),
        Column(QCoreApplication.translate("TargetsModel", "Value / low"), "value", width=11),
        Column(QCoreApplication.translate("TargetsModel", "High"), "value_high", width=9),
        Column(QCoreApplication.translate("TargetsModel", "Unit"), "unit", width=11),
        Column(QCoreApplication.translate("TargetsModel", "Of which"), "sub_count", width=9),
        Column(QCoreApplication.translate("TargetsModel", "Of which: what"), "sub_label", width=21),
        Column(QCoreApplication.translate("TargetsModel", "Strict"), "strict", width=7),
        Column(QCoreApplication.translate("TargetsModel", "Roll-up"), "rollup", width=16),
        Column(QCoreApplication.translate("TargetsModel", "Source text"), "source_text", width=46),
    ]
    if proposal:
        cols = [Column(QCoreApplication.translate("TargetsModel", "Take"), "include", width=7), *cols]
    return cols


def _num_text(value: Any) -> str:
    return "" if value is None else format_number(value)


def row_from_stored(target: Row) -> Row:
    """A table row from a stored ``targets`` record (its unconfirmed flags included)."""
    flags = review_flags(target)
    return {
        "id": target.get("id"),
        "key": target.get("id") or new_key(),
        "parent": target.get("parent_target_id"),
        "measure": target.get("measure") or "",
        "comparator": target.get("comparator") or "",
        "value": _num_text(target.get("value")),
        "value_high": _num_text(target.get("value_high")),
        "unit": target.get("unit") or "",
        "sub_count": _num_text(target.get("sub_count")),
        "sub_label": target.get("sub_label") or "",
        "strict": bool(target.get("strict")),
        "rollup": target.get("rollup") or "",
        "source_text": target.get("source_text") or "",
        "include": True,
        "flags": flags,
        "confirmed": False,
        "confidence": "low" if flags else "high",
    }


def rows_from_proposals(proposals: list[ProposedTarget], *, parent: str | None = None) -> list[Row]:
    """Table rows for what the parser read; "trong đó" details point at their parent's row."""
    keys = [new_key() for _ in proposals]
    rows = []
    for i, p in enumerate(proposals):
        spec = p.spec
        if spec is None:
            row = row_from_stored({"measure": "", "source_text": p.source_text})
            row["include"] = False
        else:
            row = row_from_stored({**spec.to_dict(), "source_text": p.source_text})
        row["id"] = None
        row["key"] = keys[i]
        row["parent"] = keys[p.parent] if p.parent is not None else parent
        row["flags"] = list(p.problems)
        row["confidence"] = p.confidence if spec is not None else "none"
        if spec is None and not row["flags"]:
            row["flags"] = [QCoreApplication.translate("TargetsModel", "No figure was understood in this item; fill in the cells or leave it out.")]
        rows.append(row)
    return rows


def empty_row() -> Row:
    row = row_from_stored({"comparator": m.Comparator.AT_LEAST.value})
    row["id"] = None
    return row


def detail_row(parent: Row) -> Row:
    """A new "trong đó" detail of ``parent``: measured and compared as its target usually is ("trong đó đô thị
    100 %, nông thôn 94 %"), to be named and given its figure."""
    row = empty_row()
    row.update({"parent": parent.get("key"), "comparator": parent.get("comparator") or row["comparator"],
                "unit": parent.get("unit") or "", "rollup": parent.get("rollup") or ""})
    return row


def unconfirmed(row: Row) -> list[str]:
    """The row's flags that a person has not confirmed yet."""
    return [] if row.get("confirmed") else list(row.get("flags") or [])


def spec_of(row: Row) -> TargetSpec:
    """The target a row describes; :class:`InputError` (Vietnamese) when it is incomplete or wrong."""
    if not clean(row.get("measure")):
        raise InputError("Chưa nhập tên chỉ tiêu.", field="measure")
    if not row.get("comparator"):
        raise InputError("Chưa chọn cách so sánh của chỉ tiêu.", field="comparator")
    return TargetSpec.from_row(row).validate()


def row_error(row: Row) -> str:
    try:
        spec_of(row)
    except InputError as exc:
        return str(exc)
    return ""


_NUMBER_KEYS = ("value", "value_high", "sub_count")
_READ_ONLY = ("check", "review", "source_text")


class TargetsModel(QtCore.QAbstractTableModel):
    """Rows of targets, editable cell by cell; ``proposal=True`` adds the "take" column."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None, *, proposal: bool = False) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.cols = _columns(proposal)
        self._rows: list[Row] = []
        self._errors: list[str] = []

    # ------------------------------------------------------------------ rows
    def rows(self) -> list[Row]:
        return [dict(r) for r in self._rows]

    def row(self, index: int) -> Row:
        return dict(self._rows[index])

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self._errors = [row_error(r) for r in self._rows]
        self.endResetModel()

    def append_rows(self, rows: list[Row]) -> None:
        self.insert_rows(len(self._rows), rows)

    def insert_rows(self, at: int, rows: list[Row]) -> None:
        if not rows:
            return
        self.beginInsertRows(QtCore.QModelIndex(), at, at + len(rows) - 1)
        for offset, r in enumerate(rows):
            self._rows.insert(at + offset, dict(r))
            self._errors.insert(at + offset, row_error(r))
        self.endInsertRows()
        self.edited.emit()

    def add_detail(self, row: int) -> int:
        """Add a "trong đó" detail under ``row`` (after the details it already has); returns the new row."""
        if not 0 <= row < len(self._rows):
            return -1
        at = row + 1
        while at < len(self._rows) and self._descends(self._rows[at], self._rows[row].get("key")):
            at += 1
        self.insert_rows(at, [detail_row(self._rows[row])])
        return at

    def _descends(self, row: Row, key: Any) -> bool:
        """Whether ``row`` details the row ``key`` names, directly or through another detail."""
        seen: set[Any] = set()
        parent = row.get("parent")
        while parent is not None and parent not in seen:
            if parent == key:
                return True
            seen.add(parent)
            parent = next((r.get("parent") for r in self._rows if r.get("key") == parent), None)
        return False

    def depth(self, row: int) -> int:
        """0 for a target of its own, 1 for its detail ("trong đó"), 2 for a detail's detail…"""
        seen: set[Any] = set()
        depth = 0
        parent = self._rows[row].get("parent")
        keys = {r.get("key"): r for r in self._rows}
        while parent is not None and parent in keys and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = keys[parent].get("parent")
        return depth

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            key = self._rows[row].get("key")
            parent = self._rows[row].get("parent")
            self.beginRemoveRows(QtCore.QModelIndex(), row, row)
            del self._rows[row]
            del self._errors[row]
            self.endRemoveRows()
            # its details now detail its own parent (or stand alone)
            for i, r in enumerate(self._rows):
                if key is not None and r.get("parent") == key:
                    r["parent"] = parent
                    self._changed(i)
            self.edited.emit()

    def replace_row(self, row: int, rows: list[Row]) -> None:
        """Put ``rows`` in place of ``row`` (a split); details of the old row follow the first new one."""
        if not (0 <= row < len(self._rows)) or not rows:
            return
        old_key = self._rows[row].get("key")
        self.beginRemoveRows(QtCore.QModelIndex(), row, row)
        del self._rows[row]
        del self._errors[row]
        self.endRemoveRows()
        for r in self._rows:
            if old_key is not None and r.get("parent") == old_key:
                r["parent"] = rows[0].get("key")
        self.insert_rows(row, rows)

    def _block(self, row: int) -> range:
        """The row with the details under it (they follow it)."""
        end = row + 1
        while end < len(self._rows) and self._descends(self._rows[end], self._rows[row].get("key")):
            end += 1
        return range(row, end)

    def _sibling(self, row: int, delta: int) -> int | None:
        """The first row of the neighbouring target at the same level, under the same target (``delta`` -1: the
        one before, 1: the one after); ``None`` at the end of its list."""
        parent = self._rows[row].get("parent")
        if delta > 0:
            after = self._block(row).stop
            found = after if after < len(self._rows) and self._rows[after].get("parent") == parent else None
            return found
        for i in range(row - 1, -1, -1):
            if self._rows[i].get("parent") == parent:
                return i
            if self._rows[i].get("key") == parent:
                return None
        return None

    def move_row(self, row: int, delta: int) -> int:
        """Move a target one place up (``delta`` -1) or down (1) among the targets of its level, with the details
        under it (a detail moves among the details of its target); returns the row it is now on."""
        if not 0 <= row < len(self._rows):
            return row
        other = self._sibling(row, delta)
        if other is None:
            return row
        first, second = (other, row) if delta < 0 else (row, other)
        a, b = self._block(first), self._block(second)
        self.beginResetModel()
        order = [*b, *a]
        self._rows[a.start:b.stop] = [self._rows[i] for i in order]
        self._errors[a.start:b.stop] = [self._errors[i] for i in order]
        self.endResetModel()
        self.edited.emit()
        return a.start if delta < 0 else a.start + len(b)

    def confirm(self, row: int, confirmed: bool = True) -> None:
        """A person has looked at the row: its flags are cleared (or back, when ``confirmed`` is False)."""
        if 0 <= row < len(self._rows) and self._rows[row].get("flags"):
            self._rows[row]["confirmed"] = confirmed
            self._changed(row)
            self.edited.emit()

    def unconfirmed_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if unconfirmed(r) and r.get("include", True)]

    def column_of(self, key: str) -> int:
        for i, c in enumerate(self.cols):
            if c.key == key:
                return i
        return -1

    def error_of(self, row: int) -> str:
        return self._errors[row] if 0 <= row < len(self._errors) else ""

    def taken(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.get("include", True)]

    def specs(self) -> list[tuple[Row, TargetSpec]]:
        """Every taken row with its target; :class:`InputError` naming the first wrong row."""
        out = []
        for i in self.taken():
            try:
                out.append((self._rows[i], spec_of(self._rows[i])))
            except InputError as exc:
                raise InputError(
                    QCoreApplication.translate("TargetsModel", "Target no. %1: %2").replace("%1", str(i + 1)).replace("%2", str(exc)),
                    field="targets",
                    value=i,
                ) from None
        return out

    def set_cell(self, row: int, key: str, value: Any) -> bool:
        """Type a value into a cell as a person would (tests)."""
        col = self.column_of(key)
        if col < 0:
            return False
        role = Qt.ItemDataRole.CheckStateRole if key in ("include", "strict", "review") else Qt.ItemDataRole.EditRole
        if role == Qt.ItemDataRole.CheckStateRole:
            value = (Qt.CheckState.Checked if value else Qt.CheckState.Unchecked).value
        return self.setData(self.index(row, col), value, role)

    def _changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.cols) - 1))

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cols)

    def _key(self, column: int) -> str:
        """The field a column shows (every column of this table is a field of the target)."""
        key = self.cols[column].key
        assert isinstance(key, str)
        return key

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.cols[section].label
        return str(section + 1)

    def _applies(self, row: Row, key: str) -> bool:
        cmp = row.get("comparator")
        if key == "value_high":
            return cmp == m.Comparator.RANGE.value
        if key in ("sub_count", "sub_label"):
            return cmp == m.Comparator.COUNT.value
        if key == "strict":
            return cmp in {c.value for c in STRICT_COMPARATORS}
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        key = self._key(index.column())
        row = self._rows[index.row()]
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if key == "review":
            return base | Qt.ItemFlag.ItemIsUserCheckable if row.get("flags") else base
        if key in _READ_ONLY:
            return base
        if not self._applies(row, key):
            return Qt.ItemFlag.ItemIsSelectable
        if key in ("include", "strict"):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = index.row()
        row = self._rows[r]
        key = self._key(index.column())
        error = self._errors[r]
        applies = self._applies(row, key)
        pending = unconfirmed(row)
        if role == Qt.ItemDataRole.CheckStateRole:
            if key in ("include", "strict") and applies:
                return (Qt.CheckState.Checked if row.get(key, key == "include") else Qt.CheckState.Unchecked).value
            if key == "review" and row.get("flags"):
                return (Qt.CheckState.Checked if row.get("confirmed") else Qt.CheckState.Unchecked).value
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key in ("include", "strict"):
                return None
            if not applies:
                return "" if role == Qt.ItemDataRole.EditRole else "—"
            if key == "measure" and role == Qt.ItemDataRole.DisplayRole:
                return indented(str(row.get("measure") or ""), self.depth(r))
            if key == "comparator":
                return row.get(key) if role == Qt.ItemDataRole.EditRole else enum_label(m.Comparator, row.get(key))
            if key == "rollup":
                if role == Qt.ItemDataRole.EditRole:
                    return row.get(key) or ""
                return enum_label(m.Rollup, row.get(key)) if row.get(key) else QCoreApplication.translate("TargetsModel", "(usual)")
            if key == "check":
                return error or spec_of(row).describe()
            if key == "review":
                if not row.get("flags"):
                    return ""
                return QCoreApplication.translate("TargetsModel", "Confirmed") if row.get("confirmed") else "; ".join(pending)
            return row.get(key) or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "check":
                return error or None
            if key == "review" and row.get("flags"):
                text = "\n".join(row["flags"])
                hint = QCoreApplication.translate("TargetsModel", "Tick when you have checked this row: the flags are cleared.") if pending else QCoreApplication.translate("TargetsModel",
                    "Confirmed. Untick to bring the flags back.")
                return f"{text}\n\n{hint}"
            if key in ("source_text", "measure"):
                text = row.get(key) or ""
                return text or None
            if key == "comparator":
                return QCoreApplication.translate("TargetsModel", "Range needs two values; a count may have an 'of which' number.")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if key == "check" and error:
                return palette.brush("error-bg")
            if row.get("include", True):
                if row.get("confidence") == "none" and pending:
                    return palette.brush("error-bg")
                if pending:
                    return palette.brush("warn-bg")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "check" and error:
                return palette.brush("error")
            if key == "review" and row.get("confirmed"):
                return palette.brush("ok")
            if not applies or (self.proposal and not row.get("include", True)):
                return palette.brush("muted")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _NUMBER_KEYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r = index.row()
        key = self._key(index.column())
        row = self._rows[r]
        if role == Qt.ItemDataRole.CheckStateRole and key in ("include", "strict", "review"):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if key == "review":
                if not row.get("flags"):
                    return False
                row["confirmed"] = checked
            else:
                row[key] = checked
        elif role == Qt.ItemDataRole.EditRole and key not in (*_READ_ONLY, "include", "strict"):
            text = "" if value is None else str(value)
            row[key] = text.strip() if key in _NUMBER_KEYS else text
        else:
            return False
        self._errors[r] = row_error(row)
        self._changed(r)
        self.edited.emit()
        return True


class ChoiceDelegate(QtWidgets.QStyledItemDelegate):
    """A combo box editor for a column of fixed choices (label, value)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QtWidgets.QWidget, option: Any, index: ModelIndex) -> QtWidgets.QWidget:
        combo = QtWidgets.QComboBox(parent)
        for label, value in self.choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QtWidgets.QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QtWidgets.QComboBox)
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QtWidgets.QWidget, model: QtCore.QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QtWidgets.QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def setup_targets_view(view: QtWidgets.QTableView, model: TargetsModel) -> None:
    """Delegates for the choice columns and sensible widths."""
    view.setModel(model)
    cmp_col = model.column_of("comparator")
    roll_col = model.column_of("rollup")
    view.setItemDelegateForColumn(cmp_col, ChoiceDelegate([(c.label, c.value) for c in m.Comparator], view))
    view.setItemDelegateForColumn(
        roll_col, ChoiceDelegate([(QCoreApplication.translate("TargetsModel", "(usual)"), ""), *((r.label, r.value) for r in m.Rollup)], view)
    )
    view.setEditTriggers(
        QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
        | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
        | QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed
        | QtWidgets.QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
    view.setWordWrap(True)
    fm = view.fontMetrics()
    unit = fm.horizontalAdvance("n")
    for i, col in enumerate(model.cols):
        header = fm.horizontalAdvance(col.label) + 3 * unit  # never narrower than its header
        view.setColumnWidth(i, max(40, col.width * unit, header))
    view.horizontalHeader().setStretchLastSection(True)


def save_rows(model: TargetsModel) -> list[Row]:
    """The taken rows as :func:`tdkt_desktop.store.campaigns.save_campaign` takes them (flags not confirmed kept)."""
    taken_keys = {model.row(i).get("key") for i in model.taken()}
    out = []
    for row, spec in model.specs():
        data = spec.to_dict()
        data.update({
            "id": row.get("id"),
            "key": row.get("key"),
            "parent": row.get("parent") if row.get("parent") in taken_keys else None,
            "source_text": row.get("source_text") or None,
            "strict": 1 if spec.strict else 0,
            "rollup": row.get("rollup") or data["rollup"],
            "review": unconfirmed(row),
        })
        out.append(data)
    return out
