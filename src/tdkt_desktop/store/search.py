"""Diacritic-insensitive full-text search over people, collectives, households, nominations and campaigns.

The index holds a folded copy of each record's searchable text (no tones, "đ" → "d", lower case), so
"nguyen van an" finds "Nguyễn Văn Ân" and "dao" finds "Đào"; every word typed is a prefix ("ngu" finds
"Nguyễn"). It is built for a registry of a million people (``benchmarks/bench_search.py``):

* prefix indexes of 1 to 6 letters (m013): a word being typed reads one list from the index rather than merging
  the lists of every word it begins;
* each kind of record has its own range of index keys (:data:`KIND_BLOCKS`), so "people only" is a range of
  the index, not a test of every match;
* each entry holds its record's stored sort key (:mod:`store.sortkeys`), so a page of results comes in the
  order the lists use — Vietnamese name order — without reading the records: :func:`search` sorts the first
  :data:`CANDIDATES` matches (or ``limit``, when more) and never ranks or reads every match of a common word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlite_utils

from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import clean, fold
from tdkt_desktop.store import sortkeys

Row = dict[str, Any]


# table → (kind label, function giving the parts of the searchable text, function giving the display title); both
# are given the installation's naming, so an award is found and shown by the name its screens give it.
SEARCHABLE: dict[str, tuple[str, Callable[[Row, Naming], tuple[object, ...]], Callable[[Row, Naming], str]]] = {
    "people": (
        "Cá nhân",
        lambda r, _n: (r.get("full_name"), r.get("position"), r.get("workplace"), r.get("id_number")),
        lambda r, _n: str(r.get("full_name") or ""),
    ),
    "collectives": (
        "Tập thể",
        lambda r, _n: (r.get("name"), r.get("address")),
        lambda r, _n: str(r.get("name") or ""),
    ),
    "households": (
        "Hộ gia đình",
        lambda r, _n: (r.get("head_name"), r.get("address")),
        lambda r, _n: f"Hộ {r.get('head_name') or ''}",
    ),
    "nominations": (
        "Đề nghị khen thưởng",
        lambda r, n: (r.get("subject_name"), n.title(str(r.get("title_code") or "")), r.get("achievement")),
        lambda r, n: f"{r.get('subject_name')} — {n.title(str(r.get('title_code') or ''))}",
    ),
    "campaigns": (
        "Phong trào thi đua",
        lambda r, _n: (r.get("name"), r.get("subject"), r.get("doc_number"), r.get("issuing_body")),
        lambda r, _n: str(r.get("name") or ""),
    ),
}


@lru_cache(maxsize=65_536)
def _fold_part(text: str) -> str | None:
    """``fold(text)``, or None for a text of white space only (no word: it leaves no space behind when joined)."""
    return fold(text) if clean(text) else None


def folded_text(table: str, row: Row, naming: Naming) -> str:
    """The indexed text of a record of ``table``: its searchable parts (the empty ones left out) one space between
    them, folded — made part by part: no word crosses the space between two parts, so it is the parts' folded texts
    one space between them (a part of white space only left out); and parts repeat (a person's name in their
    nominations, a title, an achievement), so each is remembered."""
    folded = (_fold_part(str(p)) for p in SEARCHABLE[table][1](row, naming) if p not in (None, ""))
    return " ".join([f for f in folded if f is not None])


# The columns each kind's title reads (the third function of :data:`SEARCHABLE` reads no other): a search reads
# them with its page of matches, in the same statement, rather than each kind's whole records afterwards.
TITLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "people": ("full_name",),
    "collectives": ("name",),
    "households": ("head_name",),
    "nominations": ("subject_name", "title_code"),
    "campaigns": ("name",),
}


# The tables whose indexed text names an award: indexed again when the installation's naming changes.
NAMED = ("nominations",)


@dataclass(frozen=True)
class SearchHit:
    table: str
    kind: str
    record_id: str
    title: str


# Bump when what is indexed changes: every database then rebuilds its (derived) index once, on opening. The
# index holds the stored sort keys, so a change of their order (their version) rebuilds it too.
SEARCH_INDEX_VERSION = f"4.{sortkeys.SORT_KEYS_VERSION}"

# Each kind's index keys lie in its own block (``block << _BLOCK_BITS`` onwards), so a search of one kind reads
# one range of the index. Frozen numbers: a new searchable table takes the next one.
KIND_BLOCKS: dict[str, int] = {"people": 1, "collectives": 2, "households": 3, "nominations": 4, "campaigns": 5}
_BLOCK_BITS = 40

# A search sorts at most this many matches (or ``limit``, when more): all of them for any query precise enough
# to read, the first found for a word most records share ("nguyen"), whose page is then drawn from these.
CANDIDATES = 1000


def key_range(table: str) -> tuple[int, int]:
    """The first and last index key of the records of ``table``."""
    first = KIND_BLOCKS[table] << _BLOCK_BITS
    return first, first + (1 << _BLOCK_BITS) - 1


def _entry(key: int, table: str, record_id: str, row: Row, naming: Naming, keyed: bool) -> tuple[int, str, str, str, str]:
    """The index row of a record; ``keyed``: the row holds its sort key as just computed for its write (a row read
    from the database may hold one of an older order, see :func:`tdkt_desktop.store.db._refresh_sort_keys`)."""
    sort_key = row[sortkeys.COLUMN] if keyed else sortkeys.key_of(table, row)
    return (key, table, record_id, sort_key or "", folded_text(table, row, naming))


_INSERT = "INSERT INTO search_index (rowid, kind, record_id, sort_key, body) VALUES (?, ?, ?, ?, ?)"


def _last_keys(db: sqlite_utils.Database, tables: set[str]) -> dict[str, int]:
    """The last index key used in each of ``tables`` (the block's start less one when none)."""
    out = {}
    for table in tables:
        first, last = key_range(table)
        found = db.execute("SELECT max(id) FROM search_keys WHERE id BETWEEN ? AND ?", [first, last]).fetchone()[0]
        out[table] = first - 1 if found is None else int(found)
    return out


def index_row(db: sqlite_utils.Database, table: str, row: Row, naming: Naming) -> None:
    """Bring the index entry of one record up to date (removed when the record is a tombstone)."""
    index_rows(db, [(table, row)], naming)


_CHUNK = 500


def index_rows(db: sqlite_utils.Database, rows: list[tuple[str, Row]], naming: Naming, *, keyed: bool = False) -> None:
    """Bring the index entries of records up to date (removed for tombstones), in one batch: one look-up of
    their keys per table, then ``executemany`` per statement (in the caller's transaction). ``keyed``: each row
    holds its sort key, computed for the write being made (the bundle writer's), so it is not computed again.

    ``search_keys`` gives each indexed record the rowid of its full-text row, so replacing an entry is
    an indexed lookup rather than a scan of the whole full-text table. A record given twice counts as its last."""
    latest = {(table, str(row["id"])): row for table, row in rows if table in SEARCHABLE}
    if not latest:
        return
    keys: dict[tuple[str, str], int] = {}
    for table in {t for t, _ in latest}:
        ids = [rid for t, rid in latest if t == table]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            found = db.execute(
                f"SELECT id, record_id FROM search_keys WHERE kind = ? AND record_id IN ({','.join('?' * len(chunk))})",
                [table, *chunk],
            ).fetchall()
            keys.update(((table, str(rid)), int(key)) for key, rid in found)
    db.conn.executemany("DELETE FROM search_index WHERE rowid = ?", [(key,) for key in keys.values()])
    db.conn.executemany("DELETE FROM search_keys WHERE id = ?",
                        [(keys[k],) for k, row in latest.items() if row.get("deleted") and k in keys])
    live = [(k, row) for k, row in latest.items() if not row.get("deleted")]
    missing = [k for k, _ in live if k not in keys]
    if missing:
        last = _last_keys(db, {table for table, _ in missing})
        added = {}
        for table, rid in missing:
            last[table] += 1
            added[(table, rid)] = last[table]
        db.conn.executemany("INSERT INTO search_keys (id, kind, record_id) VALUES (?, ?, ?)",
                            [(key, table, rid) for (table, rid), key in added.items()])
        keys.update(added)
    db.conn.executemany(_INSERT, [_entry(keys[(table, rid)], table, rid, row, naming, keyed)
                                  for (table, rid), row in live])


def index_new_rows(db: sqlite_utils.Database, rows: list[tuple[str, Row]], naming: Naming, *,
                   keyed: bool = False) -> None:
    """Index records known to be new to this database, in one batch (bundle import): two ``executemany``, the
    keys numbered after the last one (in the caller's transaction). ``keyed``: as for :func:`index_rows`."""
    entries = [(table, row) for table, row in rows if table in SEARCHABLE and not row.get("deleted")]
    if not entries:
        return
    last = _last_keys(db, {table for table, _ in entries})
    keys = []
    for table, row in entries:
        last[table] += 1
        keys.append((last[table], table, str(row["id"])))
    db.conn.executemany("INSERT INTO search_keys (id, kind, record_id) VALUES (?, ?, ?)", keys)
    db.conn.executemany(_INSERT, [_entry(key, table, rid, row, naming, keyed)
                                  for (key, table, rid), (_, row) in zip(keys, entries, strict=True)])


_REBUILD_BATCH = 20_000


def rebuild_search_index(db: sqlite_utils.Database, naming: Naming) -> int:
    """Index every live record again from nothing (in the caller's transaction), reading the tables in batches
    so that a registry of a million people never sits in memory whole; the number of records indexed.

    Records are read in name order (from the list's index), so their keys follow it: until records are added, the
    first candidates of a common word (:data:`CANDIDATES`) are also the first by name."""
    db.execute("DELETE FROM search_index")
    db.execute("DELETE FROM search_keys")
    count = 0
    for table in SEARCHABLE:
        if not db[table].exists():
            continue
        rows = db.query(f"SELECT * FROM {table} WHERE deleted = 0 ORDER BY sort_key, id")
        while batch := [(table, row) for row in itertools.islice(rows, _REBUILD_BATCH)]:
            index_new_rows(db, batch, naming)
            count += len(batch)
    return count


def reindex_named(db: sqlite_utils.Database, naming: Naming) -> int:
    """Index again the records whose text names an award (:data:`NAMED`), in the words of ``naming``."""
    count = 0
    for table in NAMED:
        for row in db.query(f"SELECT * FROM {table} WHERE deleted = 0"):
            index_row(db, table, row, naming)
            count += 1
    return count


_TOKEN = re.compile(r"[0-9a-z]+")


def match_expression(query: str) -> str | None:
    """An FTS5 expression for a user's query: every word must match, as a prefix."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def _candidates(tables: list[str] | tuple[str, ...]) -> str:
    """The matching entries of ``tables``: the first found of each kind, with their sort keys (parameters: per
    table, the expression, the key range and how many)."""
    one = ("SELECT * FROM (SELECT kind, record_id, sort_key FROM search_index WHERE search_index MATCH ? "
           "AND rowid BETWEEN ? AND ? LIMIT ?)")
    return " UNION ALL ".join(one for _ in tables)


@lru_cache(maxsize=64)
def _page(tables: tuple[str, ...]) -> str:
    """A page of matches of ``tables`` with what their titles read, in one statement: the candidates
    (:func:`_candidates`, then the page's size), and for each table the id of the entry's record when the entry is
    of that table and the record is there (else ``NULL``), then its :data:`TITLE_COLUMNS`. Each is a look-up by id
    that runs only for an entry of its table (a join would look every entry up in every table)."""
    columns = [f"(SELECT {column} FROM {table} WHERE id = c.record_id AND c.kind = '{table}')"
               for table in tables for column in ("id", *TITLE_COLUMNS[table])]
    return (f"SELECT c.kind, c.record_id, {', '.join(columns)} FROM (SELECT kind, record_id, sort_key FROM "
            f"({_candidates(tables)}) ORDER BY sort_key, kind, record_id LIMIT ?) AS c "
            "ORDER BY c.sort_key, c.kind, c.record_id")


def search(
    db: sqlite_utils.Database, query: str, naming: Naming, *, tables: list[str] | None = None, limit: int = 50
) -> list[SearchHit]:
    """The records of ``tables`` (every searchable table when not given) holding every word of ``query`` as
    the beginning of one of their words, without tones or case: at most ``limit``, in Vietnamese name order
    (the stored sort key, then the kind and id). Only the first :data:`CANDIDATES` matches of each kind (or
    ``limit``, when more) are sorted: a query matching more shows a page of those — type more to narrow it.

    One statement finds the page and reads its titles (on a server, one round trip)."""
    expression = match_expression(query)
    wanted = tuple(t for t in SEARCHABLE if t in (tables or SEARCHABLE))
    if expression is None or not wanted or limit <= 0:
        return []
    cap = max(CANDIDATES, limit)
    params: list[Any] = []
    for table in wanted:
        params += [expression, *key_range(table), cap]
    at: dict[str, int] = {}  # where each table's columns begin in a row of the page
    width = 2
    for table in wanted:
        at[table] = width
        width += 1 + len(TITLE_COLUMNS[table])
    hits = []
    for row in db.execute(_page(wanted), [*params, limit]).fetchall():
        table, rid = str(row[0]), str(row[1])
        start = at[table]
        if row[start] is None:  # an entry whose record is not there
            continue
        record = dict(zip(TITLE_COLUMNS[table], row[start + 1:start + 1 + len(TITLE_COLUMNS[table])], strict=True))
        label, _, title = SEARCHABLE[table]
        hits.append(SearchHit(table=table, kind=label, record_id=rid, title=title(record, naming)))
    return hits


def matching_ids(db: sqlite_utils.Database, table: str, query: str, *, limit: int) -> list[str] | None:
    """Ids of the records of one table that match, at most ``limit`` (``None`` when the query has no words)."""
    expression = match_expression(query)
    if expression is None:
        return None
    sql = "SELECT record_id FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?"
    return [str(r[0]) for r in db.execute(sql, [expression, *key_range(table), limit]).fetchall()]


def matching_condition(table: str, query: str) -> tuple[str, list[Any]] | None:
    """An SQL condition on ``id`` keeping the records of one table that match, with its parameters (``None``
    when the query has no words): the list's own query reads the index, so no id list passes through Python."""
    expression = match_expression(query)
    if expression is None:
        return None
    return ("id IN (SELECT record_id FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?)",
            [expression, *key_range(table)])
