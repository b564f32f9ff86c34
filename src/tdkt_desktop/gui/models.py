"""Table models over the database that load only ids, then rows lazily in blocks.

:class:`ListQuery` (no Qt) computes the ordered, filtered list of ids of one table: SQL filters, the
diacritic-insensitive search (``search.matching_ids`` for indexed tables, folded text otherwise) and the
sort — by SQL for dates and numbers, in Python with Vietnamese collation keys for text ("text") and names
of people ("person": given name first). Keys are cached per (id, value), so re-sorting and reloading
after a change are cheap.

:class:`RecordTableModel` shows a :class:`ListQuery`. It holds the id list and fetches rows by primary
key in blocks of :data:`BLOCK` with a small LRU cache, from the GUI thread's read-only store. When given
``jobs``, the id list is computed on a worker thread (``reload()`` returns at once, ``loaded`` is emitted
when the new list is in); without ``jobs`` (tests, benchmarks) it is computed at once. The model follows
``jobs.data_changed`` for its table.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import clean, collate_key, fold, format_date, format_number
from tdkt_desktop.gui.lookups import REF_TABLES, UNIT_FIELDS, names_for
from tdkt_desktop.gui.qt import QCoreApplication, QObject, Qt, QtCore, QtGui, Signal
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import search as S
from tdkt_desktop.store.db import Store

Row = dict[str, Any]
BLOCK = 200
CACHE_BLOCKS = 32


# --------------------------------------------------------------------------- fast Vietnamese collation


class _CharMap(dict):  # type: ignore[type-arg]
    """str.translate table built on demand from :func:`core.text.collate_key`, one character at a time."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        key = collate_key(ch) if not ch.isspace() else ((1000 + code,), (0,), ch)
        if self.part == 0:
            value = "".join(chr(min(0x20 + r, 0x10FFFF)) for r in key[0])
        else:
            value = "".join(chr(0x30 + t) for t in key[1])
        self[code] = value
        return value


_PRIMARY = _CharMap(0)
_TONES = _CharMap(1)


_TEXT_KEYS: dict[str, tuple[str, str, str]] = {}
_PERSON_KEYS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {}
_KEY_CACHE_LIMIT = 400_000


def text_key(text: str | None) -> tuple[str, str, str]:
    """The same order as :func:`core.text.collate_key` (a ă â b … đ …, tones after the letter), but as
    plain strings built with ``str.translate`` and remembered per text — fast enough for 200 000 names."""
    raw = text or ""
    key = _TEXT_KEYS.get(raw)
    if key is None:
        cleaned = " ".join(unicodedata.normalize("NFC", raw).split())
        low = cleaned.lower()
        key = (low.translate(_PRIMARY), low.translate(_TONES), cleaned)
        if len(_TEXT_KEYS) >= _KEY_CACHE_LIMIT:
            _TEXT_KEYS.clear()
        _TEXT_KEYS[raw] = key
    return key


def person_key(full_name: str | None) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """Vietnamese order of people: given name first, then the full name (as :func:`core.text.person_sort_key`)."""
    raw = full_name or ""
    key = _PERSON_KEYS.get(raw)
    if key is None:
        full = text_key(raw)
        words = full[2].rsplit(" ", 1)
        key = (text_key(words[-1]), full)
        if len(_PERSON_KEYS) >= _KEY_CACHE_LIMIT:
            _PERSON_KEYS.clear()
        _PERSON_KEYS[raw] = key
    return key


# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column of a list. ``sort``: "text", "person", "sql" (dates, numbers, codes) or "" (not sortable)."""

    name: str
    label: str
    sort: str = "text"
    display: Callable[[Row], str] | None = None
    align_right: bool = False
    width: int = 0  # a hint in characters; 0 = let the view decide
    ref: str = ""  # the table this column's id (or unit code) points to: its name is shown instead

    def text(self, row: Row) -> str:
        if self.ref:
            value = row.get(self.name)
            return row.get(f"{self.name}__name") or ("" if value is None else str(value))
        return self.display(row) if self.display else display_text(row.get(self.name))


def display_value(f: F.Field, value: Any) -> str:
    """How a stored value of this field is shown: dd/mm/yyyy, decimal comma, labels for codes."""
    if value is None or value == "":
        return ""
    if f.kind == "date":
        try:
            return format_date(value)
        except (ValueError, TypeError):
            return str(value)
    if f.kind == "number":
        return format_number(value)
    if f.kind in ("int", "year"):
        return str(value) if f.kind == "year" else format_number(value)
    if f.kind == "enum" and f.enum is not None:
        for member in f.enum:
            if member.value == value:
                return member.label
        return str(value)
    if f.kind == "title":
        return m.title_label(str(value))
    if f.kind == "period":
        return m.period_label(str(value))
    if f.kind == "bool":
        return QCoreApplication.translate("Models", "Yes") if value else ""
    if f.kind == "json":
        return ""
    return str(value)


def column(table: str, name: str, *, sort: str | None = None, label: str | None = None, width: int = 0) -> Column:
    """A column for a field of ``fields.KINDS[table]``, labelled and formatted from the field's spec."""
    f = F.KINDS[table].field(name)
    ref = "units" if name in UNIT_FIELDS else REF_TABLES.get(name, "") if f.kind == "ref" else ""
    if sort is None:
        sort = "" if ref and ref != "units" else "text" if f.kind in ("text", "longtext", "enum", "title", "ref") else "sql"
    return Column(
        name=name,
        label=label or f.label,
        sort=sort,
        display=lambda row, f=f: display_value(f, row.get(f.name)),
        align_right=f.kind in ("number", "int"),
        width=width,
        ref=ref,
    )


def columns(table: str, *names: str, person: Sequence[str] = ()) -> list[Column]:
    return [column(table, n, sort="person" if n in person else None) for n in names]


# --------------------------------------------------------------------------- the query


@dataclass
class ListQuery:
    """What a list shows: one table, its columns, filters, a search text and a sort. No Qt."""

    table: str
    columns: list[Column]
    where: str | None = None
    params: list[Any] = field(default_factory=list)
    search: str = ""
    sort_column: int = 0
    descending: bool = False
    search_columns: Sequence[str] = ()  # for tables without a search index: folded text of these
    _keys: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False)

    def _where(self) -> tuple[str, list[Any]]:
        sql = "deleted = 0"
        if self.where:
            sql += f" AND ({self.where})"
        return sql, list(self.params)

    def _matching(self, store: Store) -> set[str] | None:
        text = clean(self.search)
        if not text:
            return None
        if self.table in S.SEARCHABLE:
            ids = S.matching_ids(store.db, self.table, text)
            return None if ids is None else set(ids)
        words = fold(text).split(" ")
        names = list(self.search_columns) or [c.name for c in self.columns if c.sort in ("text", "person")]
        where, params = self._where()
        cols = ", ".join(names)
        found: set[str] = set()
        for row in store.db.execute(f"SELECT id, {cols} FROM {self.table} WHERE {where}", params):
            body = fold(" ".join(str(v) for v in row[1:] if v is not None))
            if all(w in body for w in words):
                found.add(row[0])
        return found

    def ids(self, store: Store) -> list[str]:
        """The ordered ids of the live records that pass the filters and the search."""
        where, params = self._where()
        matching = self._matching(store)
        col = self.columns[self.sort_column] if 0 <= self.sort_column < len(self.columns) else None
        by_sql = col is None or col.sort in ("", "sql")
        wanted = f"id, {col.name}" if col is not None and not by_sql else "id"
        order = ""
        if by_sql:
            order = f" ORDER BY {col.name} {'DESC' if self.descending else 'ASC'}, rowid" if col and col.sort else " ORDER BY rowid"
        if matching is not None and len(matching) <= (500 if by_sql else 20_000):
            # few matches: read only those rows
            rows = []
            found = list(matching)
            for start in range(0, len(found), 500):
                chunk = found[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                rows += store.db.execute(
                    f"SELECT {wanted} FROM {self.table} WHERE {where} AND id IN ({marks}){order}", [*params, *chunk]
                ).fetchall()
        else:
            rows = store.db.execute(f"SELECT {wanted} FROM {self.table} WHERE {where}{order}", params).fetchall()
            if matching is not None:
                rows = [r for r in rows if r[0] in matching]
        if by_sql:
            return [r[0] for r in rows]
        assert col is not None
        make = person_key if col.sort == "person" else text_key
        cache = self._keys
        cache_name = f"{col.name}:{col.sort}"
        if cache.get("__column__") != (cache_name, None):
            cache.clear()
            cache["__column__"] = (cache_name, None)

        def key(r: tuple[str, Any]) -> Any:
            hit = cache.get(r[0])
            if hit is not None and hit[0] == r[1]:
                return hit[1]
            k = make(display_text(r[1]))
            cache[r[0]] = (r[1], k)
            return k

        rows.sort(key=key, reverse=self.descending)
        return [r[0] for r in rows]

    def fetch(self, store: Store, ids: Sequence[str]) -> dict[str, Row]:
        """Whole rows for these ids (any order), by id."""
        out: dict[str, Row] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" for _ in chunk)
            for row in store.db.query(f"SELECT * FROM {self.table} WHERE id IN ({marks})", chunk):
                out[row["id"]] = row
        for col in self.columns:
            if col.ref:
                names = names_for(store, col.ref, {str(r[col.name]) for r in out.values() if r.get(col.name)})
                for r in out.values():
                    if r.get(col.name):
                        r[f"{col.name}__name"] = names.get(str(r[col.name]), "")
        return out


def display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return format_date(value)
    return str(value)


# --------------------------------------------------------------------------- the Qt model


class RecordTableModel(QtCore.QAbstractTableModel):
    """A list of records for a view; see the module text. ``record(row)`` gives the whole stored row."""

    loaded = Signal()  # the id list was (re)loaded

    def __init__(
        self,
        reader: Store,
        query: ListQuery,
        *,
        jobs: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.query = query
        self.jobs = jobs
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, dict[str, Row]] = OrderedDict()
        self._generation = 0
        self.loading = False
        if jobs is not None:
            jobs.data_changed.connect(self._on_data_changed)

    # ------------------------------------------------------------------ loading
    @property
    def table(self) -> str:
        return self.query.table

    def reload(self) -> None:
        """Compute the id list again (on a worker when the model has ``jobs``)."""
        self._generation += 1
        generation = self._generation
        if self.jobs is None:
            self._set_ids(self.query.ids(self.reader))
            return
        self.loading = True
        query = ListQuery(
            self.query.table, self.query.columns, self.query.where, list(self.query.params), self.query.search,
            self.query.sort_column, self.query.descending, self.query.search_columns, self.query._keys,
        )

        def done(ids: list[str]) -> None:
            if generation == self._generation:
                self.loading = False
                self._set_ids(ids)

        self.jobs.run(lambda store, progress: query.ids(store), done=done)

    def _set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()
        self.loaded.emit()

    def _on_data_changed(self, table: str) -> None:
        if table == self.query.table:
            self.reload()

    def set_search(self, text: str) -> None:
        if text != self.query.search:
            self.query.search = text
            self.reload()

    def set_filter(self, where: str | None, params: Sequence[Any] = ()) -> None:
        self.query.where = where
        self.query.params = list(params)
        self.reload()

    # ------------------------------------------------------------------ access
    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def record(self, row: int) -> Row | None:
        record_id = self.id_at(row)
        if record_id is None:
            return None
        block_no = row // BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            block = self.query.fetch(self.reader, self._ids[block_no * BLOCK : (block_no + 1) * BLOCK])
            self._blocks[block_no] = block
            if len(self._blocks) > CACHE_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        return block.get(record_id)

    # ------------------------------------------------------------------ Qt interface
    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.query.columns)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.query.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            record = self.record(index.row())
            if record is None:
                return None
            text = col.text(record)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 40 else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.query.columns[section].label
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.query.columns) or not self.query.columns[column].sort:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.query.sort_column, self.query.descending) and self._ids:
            return
        self.query.sort_column = column
        self.query.descending = descending
        self.reload()

    def flags(self, index: QtCore.QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def muted_brush() -> QtGui.QBrush:
    return QtGui.QBrush(QtGui.QColor("#6b7280"))
