"""What a list shows, as ids first and rows by key later: filters, the diacritic-insensitive search and the
Vietnamese sort of one table's live records.

:meth:`ListQuery.ids` gives the ordered ids (filters are equalities on fields; the search uses the search
index of the indexed tables, folded text otherwise; the sort is done by SQLite for dates, numbers and
codes, in Python with Vietnamese collation keys for text ("text") and people's names ("person": given
name first)). :meth:`ListQuery.fetch` reads whole rows by primary key, with the names of the records
their reference fields point to. Keys are cached per (id, value), so sorting again and reloading after a
change are cheap. The application's table models show these lists (``gui.models``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.text import clean, collate_key, fold
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import search as S
from tdkt_desktop.store.db import SYNC_FIELDS, Row, Store
from tdkt_desktop.store.lookups import names_for

SORT_KINDS = ("text", "person", "sql", "")
SUBJECT_REF = "subject"  # a ``refs`` target: the person, collective or household named by ``subject_kind``
_CHUNK = 500


# --------------------------------------------------------------------------- fast Vietnamese collation


class _CharMap(dict[int, str]):
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
    _keys: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        known = {f.name for f in F.KINDS[self.table].fields} | set(SYNC_FIELDS)
        names = [self.sort_field] if self.sort_field else []
        unknown = [n for n in (*names, *self.filters, *self.search_fields, *self.refs) if n not in known]
        if unknown:
            raise ValueError(f"{self.table} has no field {', '.join(unknown)}")
        if self.sort_kind not in SORT_KINDS:
            raise ValueError(f"unknown sort kind {self.sort_kind!r}")

    def copy(self) -> ListQuery:
        """The same query (sharing the sort-key cache), for a worker thread while this one may change."""
        return ListQuery(self.table, self.sort_field, self.sort_kind, self.descending, dict(self.filters),
                         self.search, tuple(self.search_fields), dict(self.refs), self._keys)

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

    def _matching(self, store: Store) -> set[str] | None:
        text = clean(self.search)
        if not text:
            return None
        if self.table in S.SEARCHABLE:
            ids = S.matching_ids(store.db, self.table, text)
            return None if ids is None else set(ids)
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

    def ids(self, store: Store) -> list[str]:
        """The ordered ids of the live records that pass the filters and the search."""
        where, params = self._where()
        matching = self._matching(store)
        by_sql = self.sort_field is None or self.sort_kind in ("", "sql")
        wanted = f"id, {self.sort_field}" if not by_sql else "id"
        if by_sql and self.sort_field and self.sort_kind:
            order = f" ORDER BY {self.sort_field} {'DESC' if self.descending else 'ASC'}, rowid"
        else:
            order = " ORDER BY rowid" if by_sql else ""
        if matching is not None and len(matching) <= (500 if by_sql else 20_000):
            rows: list[Any] = []  # few matches: read only those rows
            found = list(matching)
            for start in range(0, len(found), _CHUNK):
                chunk = found[start : start + _CHUNK]
                marks = ",".join("?" for _ in chunk)
                rows += store.db.execute(
                    f"SELECT {wanted} FROM {self.table} WHERE {where} AND id IN ({marks}){order}", [*params, *chunk]
                ).fetchall()
        else:
            rows = store.db.execute(f"SELECT {wanted} FROM {self.table} WHERE {where}{order}", params).fetchall()
            if matching is not None:
                rows = [r for r in rows if r[0] in matching]
        if by_sql:
            return [str(r[0]) for r in rows]
        make = person_key if self.sort_kind == "person" else text_key
        cache = self._keys
        cache_name = f"{self.sort_field}:{self.sort_kind}"
        if cache.get("__column__") != (cache_name, None):
            cache.clear()
            cache["__column__"] = (cache_name, None)

        def key(r: tuple[str, Any]) -> Any:
            hit = cache.get(r[0])
            if hit is not None and hit[0] == r[1]:
                return hit[1]
            k = make("" if r[1] is None else str(r[1]))
            cache[r[0]] = (r[1], k)
            return k

        rows.sort(key=key, reverse=self.descending)
        return [str(r[0]) for r in rows]

    def fetch(self, store: Store, ids: Sequence[str]) -> dict[str, Row]:
        """Whole rows for these ids (any order), by id — read by primary key."""
        out: dict[str, Row] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            marks = ",".join("?" for _ in chunk)
            for row in store.db.query(f"SELECT * FROM {self.table} WHERE id IN ({marks})", chunk):
                out[row["id"]] = row
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
