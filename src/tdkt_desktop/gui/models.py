"""Table models over the database that load only ids, then rows lazily in blocks.

:class:`RecordTableModel` shows one table's records under :class:`Column` columns. The list itself — the
filters, the search without tones, the Vietnamese sort — is a :class:`~tdkt_desktop.store.listing.ListQuery`:
the id list is computed on a worker thread (``reload()`` returns at once; the first :data:`FIRST_PAGE` ids
come first, read from the list's ordered index, and are shown while the whole list is computed, then the
rest is appended; ``loaded`` is emitted when the whole list is in; without ``jobs``, in tests, at once). The
rows of the first block are read with the ids on the worker, so that the first paint reads nothing; the others
are read by primary key in blocks of :data:`BLOCK` with a small LRU cache from the GUI thread's store, and each
row's texts are formatted once, when it is first painted. The model follows ``jobs.data_changed`` for its
table.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.covenants import members_summary
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.gui.qt import ModelIndex, QCoreApplication, QObject, Qt, QtCore, Signal
from tdkt_desktop.gui.tables import Column
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.listing import ListQuery
from tdkt_desktop.store.lookups import REF_TABLES, UNIT_FIELDS

Row = dict[str, Any]
BLOCK = 40  # rows read at once: about one screen (the first paint reads only these)
CACHE_BLOCKS = 64
FIRST_PAGE = 100  # ids shown before the whole list is in: more than a tall window shows
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_USER = Qt.ItemDataRole.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


# --------------------------------------------------------------------------- columns


def display_value(f: F.Field, value: Any, naming: Naming | None = None) -> str:
    """How a stored value of this field is shown: dd/mm/yyyy, decimal comma, labels for codes; an award by
    the installation's ``naming`` (which a title field needs)."""
    return formatter(f, naming)(value)


def formatter(f: F.Field, naming: Naming | None = None) -> Callable[[Any], str]:
    """The function that shows a stored value of this field (see :func:`display_value`), chosen once per field
    so that a list formats its cells without asking the field's kind again for each."""
    if f.kind == "title" and naming is None:
        raise ValueError(f"the field {f.name} names an award: give the installation's naming")
    show = _shown_by(f, naming)

    def text(value: Any) -> str:
        return "" if value is None or value == "" else show(value)

    return text


def _shown_by(f: F.Field, naming: Naming | None) -> Callable[[Any], str]:
    if f.kind == "date":
        return _date_text
    if f.kind == "number" or f.kind == "int":
        return format_number
    if f.kind == "enum" and f.enum is not None:
        labels = {member.value: member.label for member in f.enum}
        return lambda value: labels[value] if value in labels else str(value)
    if f.kind == "title":
        assert naming is not None
        return lambda value: naming.title(str(value))
    if f.kind == "period":
        return lambda value: m.period_label(str(value))
    if f.kind == "members":
        return members_summary
    if f.kind == "bool":
        return lambda value: QCoreApplication.translate("Models", "Yes") if value else ""
    if f.kind == "json":
        return lambda value: ""
    return str


def _date_text(value: Any) -> str:
    try:
        return format_date(value)
    except (ValueError, TypeError):
        return str(value)


def column(
    table: str, name: str, *, sort: str | None = None, label: str | None = None, width: int = 0,
    naming: Naming | None = None,
) -> Column:
    """A column for a field of ``fields.KINDS[table]``, labelled and formatted from the field's spec; a column
    of awards needs the installation's ``naming``."""
    f = F.KINDS[table].field(name)
    ref = "units" if name in UNIT_FIELDS else REF_TABLES.get(name, "") if f.kind == "ref" else ""
    if sort is None:
        sort = "" if ref and ref != "units" else "text" if f.kind in ("text", "longtext", "enum", "title", "ref") else "sql"
    return Column(
        label or f.label,
        name,
        "number" if f.kind == "number" else "int" if f.kind == "int" else "text",
        text=formatter(f, naming),
        sort=sort,
        width=width,
        ref=ref,
    )


def columns(table: str, *names: str, person: Sequence[str] = (), naming: Naming | None = None) -> list[Column]:
    return [column(table, n, sort="person" if n in person else None, naming=naming) for n in names]


# --------------------------------------------------------------------------- the Qt model


class RecordTableModel(QtCore.QAbstractTableModel):
    """A list of one table's records for a view; see the module text. ``record(row)`` gives the whole row.

    ``filters``: field → value the records must hold; ``sort_column``/``descending``: the first sort;
    ``search_columns``: the text fields searched on tables without a search index (default: the text
    columns shown)."""

    loaded = Signal()  # the id list was (re)loaded

    def __init__(
        self,
        reader: Store,
        table: str,
        columns: Sequence[Column],
        *,
        jobs: Any = None,
        filters: Mapping[str, Any] | None = None,
        sort_column: int = 0,
        descending: bool = False,
        search_columns: Sequence[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.columns = list(columns)
        self.query = ListQuery(
            table,
            filters=dict(filters or {}),
            search_fields=tuple(search_columns) or tuple(c.name for c in self.columns
                                                         if c.name and c.sort in ("text", "person")),
            refs={c.name: c.ref for c in self.columns if c.ref},
        )
        self._sort_by(sort_column, descending)
        self.jobs = jobs
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, dict[str, Row]] = OrderedDict()
        self._texts: dict[int, list[str]] = {}  # the shown text of each column, by row (the rows painted lately)
        self._generation = 0
        self._partial = False  # only the first page of the list is in
        self._shown_shape = ""  # the sort, filters and search of the list shown
        self.loading = False
        if jobs is not None:
            jobs.data_changed.connect(self._on_data_changed)

    def _sort_by(self, column: int, descending: bool) -> None:
        self.sort_column = column
        col = self.columns[column] if 0 <= column < len(self.columns) else None
        self.query.sort_field = col.name if col is not None and col.name and col.sort else None
        self.query.sort_kind = col.sort if col is not None else ""
        self.query.descending = descending

    # ------------------------------------------------------------------ loading
    @property
    def table(self) -> str:
        return self.query.table

    def _shape(self) -> str:
        q = self.query
        return repr((q.sort_field, q.sort_kind, q.descending, sorted(q.filters.items(), key=repr), q.search))

    def reload(self) -> None:
        """Compute the id list again (on a worker when the model has ``jobs``). A new list (first opened, sorted,
        filtered or searched otherwise) shows its first page first; the same list reloaded after an edit keeps
        its rows (and the place the person scrolled to) until the new list is in."""
        self._generation += 1
        generation = self._generation
        first_page = self._shape() != self._shown_shape or not self._ids
        self._shown_shape = self._shape()
        if self.jobs is None:
            self._set_ids(self.query.ids(self.reader))
            return
        self.loading = True
        query = self.query.copy()

        def done(page: tuple[list[str], dict[str, Row]]) -> None:
            if generation == self._generation:
                self.loading = False
                self._set_ids(page[0], first_rows=page[1])

        def first_done(page: tuple[list[str], dict[str, Row]]) -> None:
            if generation != self._generation:
                return
            if len(page[0]) < FIRST_PAGE:  # the whole list already
                done(page)
                return
            self._set_ids(page[0], complete=False, first_rows=page[1])
            self.jobs.run(lambda store, progress: query.ids_and_rows(store, rows=BLOCK), done=done)

        limit = FIRST_PAGE if first_page else None
        self.jobs.run(lambda store, progress: query.ids_and_rows(store, limit=limit, rows=BLOCK),
                      done=first_done if first_page else done)

    def _set_ids(self, ids: list[str], *, complete: bool = True, first_rows: dict[str, Row] | None = None) -> None:
        """Show these ids; ``first_rows``: the rows of the first block, read with them (none read when painted)."""
        shown, partial = self._ids, self._partial
        self._partial = not complete
        if complete and partial and len(ids) > len(shown) and ids[: len(shown)] == shown:
            # the rest of a list whose first page is shown: appended, the selection and the scroll kept
            self.beginInsertRows(QtCore.QModelIndex(), len(shown), len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._blocks.clear()
            self._texts.clear()
            if first_rows is not None:
                self._blocks[0] = first_rows
            self.endResetModel()
        if complete:
            self.loaded.emit()

    def _on_data_changed(self, table: str) -> None:
        if table == self.query.table:
            self.reload()

    def set_search(self, text: str) -> None:
        if text != self.query.search:
            self.query.search = text
            self.reload()

    def set_filter(self, filters: Mapping[str, Any] | None = None) -> None:
        """Show only the records holding these values (field → value); ``None``: all of them."""
        self.query.filters = dict(filters or {})
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
        if not 0 <= row < len(self._ids):
            return None
        block_no = row // BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            block = self.query.fetch(self.reader, self._ids[block_no * BLOCK : (block_no + 1) * BLOCK])
            self._blocks[block_no] = block
            if len(self._blocks) > CACHE_BLOCKS:
                self._blocks.popitem(last=False)
        elif block_no != next(reversed(self._blocks)):
            self._blocks.move_to_end(block_no)
        return block.get(self._ids[row])

    def _format_row(self, row: int) -> list[str] | None:
        record = self.record(row)
        if record is None:
            return None
        if len(self._texts) >= CACHE_BLOCKS * BLOCK:
            self._texts.clear()
        texts = self._texts[row] = [c.display(record) for c in self.columns]
        return texts

    # ------------------------------------------------------------------ Qt interface
    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        # Called for every cell a view paints: the common case first, enum members read once (module constants),
        # a row's texts formatted together and kept.
        if role == _DISPLAY or role == _TOOLTIP:
            texts = self._texts.get(index.row()) or self._format_row(index.row())  # None: invalid index (row -1)
            if texts is None:
                return None
            text = texts[index.column()]
            if role == _TOOLTIP:
                return text if len(text) > 40 else None
            return text
        if not index.isValid():
            return None
        if role == _ALIGNMENT and self.columns[index.column()].align_right:
            return _RIGHT
        if role == _USER:
            return self.id_at(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].label
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sort:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.sort_column, self.query.descending) and self._ids:
            return
        self._sort_by(column, descending)
        self.reload()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

