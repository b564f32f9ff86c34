"""What a list shows, as ids first and rows by key later: filters, the diacritic-insensitive search and the
Vietnamese sort of one table's live records.

:meth:`ListQuery.ids` gives the ordered ids in one SQL query: filters are equalities on fields; the search
reads the search index of the indexed tables within the query (folded text compared in Python otherwise); the
sort is SQLite's, from an index, for dates, numbers and codes and for the name column of a table with a stored
Vietnamese sort key (:mod:`tdkt_desktop.store.sortkeys`: "text", or "person": given name first). Another text
column is sorted in Python by the same keys. :meth:`ListQuery.fetch` reads whole rows by primary key, with the
names of the records their reference fields point to. The application's table models show these lists
(``gui.models``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.text import clean, fold
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import search as S
from tdkt_desktop.store import sortkeys
from tdkt_desktop.store.db import SYNC_FIELDS, Row, Store
from tdkt_desktop.store.lookups import names_for

SORT_KINDS = ("text", "person", "sql", "")
SUBJECT_REF = "subject"  # a ``refs`` target: the person, collective or household named by ``subject_kind``
_CHUNK = 500
_FEW = 2000  # a search finding fewer records reads them by primary key


# --------------------------------------------------------------------------- the query


@dataclass
class ListQuery:
    """One table's live records as a list.

    * ``filters``: field → value the records must hold (equality; ``None``: no value; a tuple: any of its
      values, ``None`` among them meaning no value too).
    * ``sort_field``/``sort_kind``: "text", "person", "sql" (dates, numbers, codes) or "" (stored order).
    * ``search``: words to find without tones; ``search_fields`` name the text fields searched on tables
      without a search index.
    * ``refs``: reference field → table (or :data:`SUBJECT_REF`: the registry of the row's ``subject_kind``);
      :meth:`fetch` adds ``"<field>__name"`` (the record's name, or the unit's name for unit codes).
    """

    table: str
    sort_field: str | None = None
    sort_kind: str = "sql"
    descending: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    search: str = ""
    search_fields: Sequence[str] = ()
    refs: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        known = {f.name for f in F.KINDS[self.table].fields} | set(SYNC_FIELDS)
        names = [self.sort_field] if self.sort_field else []
        unknown = [n for n in (*names, *self.filters, *self.search_fields, *self.refs) if n not in known]
        if unknown:
            raise ValueError(f"{self.table} has no field {', '.join(unknown)}")
        if self.sort_kind not in SORT_KINDS:
            raise ValueError(f"unknown sort kind {self.sort_kind!r}")

    def copy(self) -> ListQuery:
        """The same query, for a worker thread while this one may change."""
        return ListQuery(self.table, self.sort_field, self.sort_kind, self.descending, dict(self.filters),
                         self.search, tuple(self.search_fields), dict(self.refs))

    def _where(self) -> tuple[str, list[Any]]:
        sql = "deleted = 0"
        params: list[Any] = []
        for name, value in self.filters.items():
            if isinstance(value, tuple):  # any of these values; None among them: or no value
                given = [v for v in value if v is not None]
                parts = [f"{name} IN ({', '.join('?' for _ in given)})"] if given else []
                parts += [f"{name} IS NULL"] if None in value else []
                sql += f" AND ({' OR '.join(parts) or '0'})"
                params.extend(given)
            elif value is None:
                sql += f" AND {name} IS NULL"
            else:
                sql += f" AND {name} = ?"
                params.append(value)
        return sql, params

    def _matching(self, store: Store, text: str) -> set[str]:
        """The ids of the records of a table without a search index whose text fields (and the names of their
        subjects) hold every word of ``text``, folded."""
        words = fold(text).split(" ")
        names = list(self.search_fields) or [F.KINDS[self.table].title_field]
        subjects = [n for n, t in self.refs.items() if t == SUBJECT_REF]  # searched by the subject's name
        columns = [*names, *subjects, *(["subject_kind"] if subjects else [])]
        where, params = self._where()
        rows = list(store.db.execute(f"SELECT id, {', '.join(columns)} FROM {self.table} WHERE {where}", params))
        subject_names: dict[str, str] = {}
        for kind in SubjectKind if subjects else ():
            wanted = {str(v) for row in rows if row[-1] == kind.value for v in row[1 + len(names):-1] if v}
            subject_names.update(names_for(store, kind.table, wanted))
        found: set[str] = set()
        for row in rows:
            named = row[1 + len(names):1 + len(names) + len(subjects)]
            values = [*row[1:1 + len(names)], *(subject_names.get(str(v)) for v in named)]
            body = fold(" ".join(str(v) for v in values if v is not None))
            if all(w in body for w in words):
                found.add(row[0])
        return found

    def order_by(self) -> str | None:
        """The SQL order of the list (an index serves it), or None for a text column without a stored key,
        sorted in Python. Ties are broken by id, the last column of the list indexes."""
        way = "DESC" if self.descending else "ASC"
        if self.sort_field is None or not self.sort_kind:
            return "rowid"
        if self.sort_kind == "sql":
            return f"{self.sort_field} {way}, id {way}"
        if sortkeys.stored(self.table, self.sort_field, self.sort_kind):
            return f"{sortkeys.COLUMN} {way}, id {way}"
        return None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition of the list (filters, and the search on tables with a search index) and its
        parameters."""
        where, params = self._where()
        text = clean(self.search)
        if text and self.table in S.SEARCHABLE:
            condition = S.matching_condition(self.table, text)
            if condition is not None:
                where += f" AND {condition[0]}"
                params += condition[1]
        return where, params

    def ids(self, store: Store, *, limit: int | None = None) -> list[str]:
        """The ordered ids of the live records that pass the filters and the search (the first ``limit`` of
        them when given: read from the list's ordered index, the rest never touched). A search that finds few
        records reads only those (by primary key); one that finds many is joined to the list's ordered index."""
        where, params = self.where()
        text = clean(self.search)
        order = self.order_by()
        if text and self.table in S.SEARCHABLE:
            found = S.matching_ids(store.db, self.table, text, limit=_FEW)
            if found is not None and len(found) < _FEW:
                where, params = self._where()
                where = "+" + where  # "+deleted = 0": look the records up by id, not by the live flag's index
                where += f" AND id IN ({','.join('?' for _ in found)})" if found else " AND 0"
                params += found
                if order is not None:  # "+": sort the few rows found rather than walk the whole ordered index
                    order = ", ".join(f"+{term}" for term in order.split(", "))
        matching = self._matching(store, text) if text and self.table not in S.SEARCHABLE else None
        if order is not None:
            first = f" LIMIT {int(limit)}" if limit is not None and matching is None else ""
            found = [str(r[0]) for r in store.db.execute(
                f"SELECT id FROM {self.table} WHERE {where} ORDER BY {order}{first}", params)]
            found = found if matching is None else [i for i in found if i in matching]
            return found if limit is None else found[:limit]
        rows = store.db.execute(f"SELECT id, {self.sort_field} FROM {self.table} WHERE {where}", params).fetchall()
        if matching is not None:
            rows = [r for r in rows if r[0] in matching]
        kind = self.sort_kind

        def key(r: tuple[str, Any]) -> tuple[str, str]:
            return sortkeys.key_of_value(None if r[1] is None else str(r[1]), kind), str(r[0])

        rows.sort(key=key, reverse=self.descending)
        return [str(r[0]) for r in rows[:limit]]

    def ids_and_rows(self, store: Store, *, limit: int | None = None, rows: int) -> tuple[list[str], dict[str, Row]]:
        """The ordered ids (the first ``limit`` of them when given) and the whole rows of the first ``rows``:
        what a list shows first, read together on a worker so that its first paint reads nothing.

        On an office's server, where each query is a round trip over the network, the first page of a list in
        SQL order without a search is read whole in one query (from the list's ordered index). On a file two
        queries cost less than decoding the whole rows of the rest of the page."""
        order = self.order_by()
        if store.on_server and limit is not None and rows <= limit and order is not None and not clean(self.search):
            return self._first_page(store, order, int(limit), rows)
        ids = self.ids(store, limit=limit)
        return ids, self.fetch(store, ids[:rows])

    def _first_page(self, store: Store, order: str, limit: int, rows: int) -> tuple[list[str], dict[str, Row]]:
        """The first ``limit`` ids in the list's order and the whole rows of the first ``rows``, in one statement:
        the rows, then the ids that follow them, each numbered in the list's order (the order of a union's parts
        is not the database's promise: the numbers are)."""
        where, params = self._where()
        shown = _listed_columns(self.table)
        blanks = ", ".join(["NULL"] * shown.count(","))
        number = f"row_number() OVER (ORDER BY {order}) AS n"
        cursor = store.db.execute(
            f"SELECT 0 AS part, * FROM (SELECT {shown}, {number} FROM {self.table} WHERE {where} ORDER BY {order} "
            f"LIMIT {rows}) AS head UNION ALL SELECT 1 AS part, id, {blanks}, n FROM (SELECT id, {number} FROM "
            f"{self.table} WHERE {where} ORDER BY {order} LIMIT {limit - rows} OFFSET {rows}) AS tail",
            [*params, *params])
        keys = [d[0] for d in cursor.description][1:-1]
        read = sorted(cursor.fetchall(), key=lambda r: (r[0], r[-1]))
        head = [dict(zip(keys, r[1:-1], strict=True)) for r in read if r[0] == 0]
        tail = [str(r[1]) for r in read if r[0] == 1]
        return [str(r["id"]) for r in head] + tail, self._named(store, {str(r["id"]): r for r in head})

    def fetch(self, store: Store, ids: Sequence[str]) -> dict[str, Row]:
        """The rows a list shows for these ids (any order), by id — read by primary key: each record's id, owning
        unit and every field, without its sync bookkeeping (versions, stamps, sequence numbers)."""
        out: dict[str, Row] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            out.update(self._rows(store, f"WHERE id IN ({','.join('?' for _ in chunk)})", chunk))
        return self._named(store, out)

    def _rows(self, store: Store, condition: str, params: Sequence[Any]) -> dict[str, Row]:
        """The rows a list shows, read by ``condition`` (WHERE, ORDER BY, LIMIT), by id in the order read."""
        cursor = store.db.execute(f"SELECT {_listed_columns(self.table)} FROM {self.table} {condition}", list(params))
        keys = [d[0] for d in cursor.description]
        out: dict[str, Row] = {}
        for values in cursor.fetchall():
            row = dict(zip(keys, values, strict=True))
            out[row["id"]] = row
        return out

    def _named(self, store: Store, out: dict[str, Row]) -> dict[str, Row]:
        """``out`` with the names of the records its reference fields point to (``"<field>__name"``)."""
        for name, table in self.refs.items():
            if table == SUBJECT_REF:  # people, collectives or households, by each row's subject_kind
                names: dict[str, str] = {}
                for kind in SubjectKind:
                    wanted = {str(r[name]) for r in out.values() if r.get(name) and r.get("subject_kind") == kind.value}
                    names.update(names_for(store, kind.table, wanted))
            else:
                names = names_for(store, table, {str(r[name]) for r in out.values() if r.get(name)})
            for r in out.values():
                if r.get(name):
                    r[f"{name}__name"] = names.get(str(r[name]), "")
        return out


@functools.cache
def _listed_columns(table: str) -> str:
    return ", ".join(("id", "owner_unit", *(f.name for f in F.KINDS[table].fields)))


def years_of(store: Store, table: str) -> list[int]:
    """The years the live records of ``table`` belong to, newest first (a list's year filter)."""
    F.KINDS[table].field("year")  # the table has a year
    rows = store.db.execute(
        f"SELECT DISTINCT year FROM {table} WHERE deleted = 0 AND year IS NOT NULL ORDER BY year DESC"
    ).fetchall()
    return [int(r[0]) for r in rows]


def count_by(store: Store, table: str, field_name: str) -> dict[Any, int]:
    """How many live records of ``table`` hold each value of ``field_name``."""
    F.KINDS[table].field(field_name)  # a field of the table
    rows = store.db.execute(
        f"SELECT {field_name}, COUNT(*) FROM {table} WHERE deleted = 0 GROUP BY {field_name}"
    ).fetchall()
    return {r[0]: int(r[1]) for r in rows}
