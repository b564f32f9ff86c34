"""Diacritic-insensitive full-text search over people, collectives, households, nominations and campaigns.

The index holds a folded copy of each record's searchable text (no tones, "đ" → "d", lower case), so
"nguyen van an" finds "Nguyễn Văn Ân" and "dao" finds "Đào".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import fold

Row = dict[str, Any]


def _join(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p not in (None, ""))


# table → (kind label, function giving the searchable text, function giving the display title); both are
# given the installation's naming, so an award is found and shown by the name its screens give it.
SEARCHABLE: dict[str, tuple[str, Callable[[Row, Naming], str], Callable[[Row, Naming], str]]] = {
    "people": (
        "Cá nhân",
        lambda r, _n: _join(r.get("full_name"), r.get("position"), r.get("workplace"), r.get("id_number")),
        lambda r, _n: str(r.get("full_name") or ""),
    ),
    "collectives": (
        "Tập thể",
        lambda r, _n: _join(r.get("name"), r.get("address")),
        lambda r, _n: str(r.get("name") or ""),
    ),
    "households": (
        "Hộ gia đình",
        lambda r, _n: _join(r.get("head_name"), r.get("address")),
        lambda r, _n: f"Hộ {r.get('head_name') or ''}",
    ),
    "nominations": (
        "Đề nghị khen thưởng",
        lambda r, n: _join(r.get("subject_name"), n.title(str(r.get("title_code") or "")), r.get("achievement")),
        lambda r, n: f"{r.get('subject_name')} — {n.title(str(r.get('title_code') or ''))}",
    ),
    "campaigns": (
        "Phong trào thi đua",
        lambda r, _n: _join(r.get("name"), r.get("subject"), r.get("doc_number"), r.get("issuing_body")),
        lambda r, _n: str(r.get("name") or ""),
    ),
}


# The tables whose indexed text names an award: indexed again when the installation's naming changes.
NAMED = ("nominations",)


@dataclass(frozen=True)
class SearchHit:
    table: str
    kind: str
    record_id: str
    title: str


# Bump when what is indexed changes: every database then rebuilds its (derived) index once, on opening.
SEARCH_INDEX_VERSION = "3"


def index_row(db: sqlite_utils.Database, table: str, row: Row, naming: Naming) -> None:
    """Bring the index entry of one record up to date (removed when the record is a tombstone)."""
    index_rows(db, [(table, row)], naming)


_CHUNK = 500


def index_rows(db: sqlite_utils.Database, rows: list[tuple[str, Row]], naming: Naming) -> None:
    """Bring the index entries of records up to date (removed for tombstones), in one batch: one look-up of
    their keys per table, then ``executemany`` per statement (in the caller's transaction).

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
        last = int(db.execute("SELECT coalesce(max(id), 0) FROM search_keys").fetchone()[0])
        added = {k: last + i for i, k in enumerate(missing, start=1)}
        db.conn.executemany("INSERT INTO search_keys (id, kind, record_id) VALUES (?, ?, ?)",
                            [(key, table, rid) for (table, rid), key in added.items()])
        keys.update(added)
    db.conn.executemany(
        "INSERT INTO search_index (rowid, kind, record_id, body) VALUES (?, ?, ?, ?)",
        [(keys[(table, rid)], table, rid, fold(SEARCHABLE[table][1](row, naming))) for (table, rid), row in live],
    )


def index_new_rows(db: sqlite_utils.Database, rows: list[tuple[str, Row]], naming: Naming) -> None:
    """Index records known to be new to this database, in one batch (bundle import): two ``executemany``, the
    keys numbered after the last one (in the caller's transaction)."""
    entries = [(table, row) for table, row in rows if table in SEARCHABLE and not row.get("deleted")]
    if not entries:
        return
    last = int(db.execute("SELECT coalesce(max(id), 0) FROM search_keys").fetchone()[0])
    keys = [(last + i, table, row["id"]) for i, (table, row) in enumerate(entries, start=1)]
    db.conn.executemany("INSERT INTO search_keys (id, kind, record_id) VALUES (?, ?, ?)", keys)
    db.conn.executemany(
        "INSERT INTO search_index (rowid, kind, record_id, body) VALUES (?, ?, ?, ?)",
        [(key, table, rid, fold(SEARCHABLE[table][1](row, naming)))
         for (key, table, rid), (_, row) in zip(keys, entries, strict=True)],
    )


_REBUILD_BATCH = 20_000


def rebuild_search_index(db: sqlite_utils.Database, naming: Naming) -> int:
    """Index every live record again from nothing (in the caller's transaction), reading the tables in batches
    so that a registry of a million people never sits in memory whole; the number of records indexed."""
    db.execute("DELETE FROM search_index")
    db.execute("DELETE FROM search_keys")
    count = 0
    for table in SEARCHABLE:
        if not db[table].exists():
            continue
        rows = db.query(f"SELECT * FROM {table} WHERE deleted = 0")
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


def search(
    db: sqlite_utils.Database, query: str, naming: Naming, *, tables: list[str] | None = None, limit: int = 50
) -> list[SearchHit]:
    expression = match_expression(query)
    if expression is None:
        return []
    wanted = tables or list(SEARCHABLE)
    placeholders = ",".join("?" for _ in wanted)
    hits: list[SearchHit] = []
    sql = (
        f"SELECT kind, record_id FROM search_index WHERE search_index MATCH ? AND kind IN ({placeholders}) "
        "ORDER BY rank LIMIT ?"
    )
    for found in db.query(sql, [expression, *wanted, limit]):
        table = found["kind"]
        rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [found["record_id"]]))
        if not rows:
            continue
        label, _, title = SEARCHABLE[table]
        hits.append(SearchHit(table=table, kind=label, record_id=found["record_id"], title=title(rows[0], naming)))
    return hits


def matching_ids(db: sqlite_utils.Database, table: str, query: str, *, limit: int) -> list[str] | None:
    """Ids of the records of one table that match, at most ``limit`` (``None`` when the query has no words)."""
    expression = match_expression(query)
    if expression is None:
        return None
    sql = "SELECT record_id FROM search_index WHERE search_index MATCH ? AND kind = ? LIMIT ?"
    return [str(r[0]) for r in db.execute(sql, [expression, table, limit]).fetchall()]


def matching_condition(table: str, query: str) -> tuple[str, list[Any]] | None:
    """An SQL condition on ``id`` keeping the records of one table that match, with its parameters (``None``
    when the query has no words): the list's own query reads the index, so no id list passes through Python."""
    expression = match_expression(query)
    if expression is None:
        return None
    return ("id IN (SELECT record_id FROM search_index WHERE search_index MATCH ? AND kind = ?)",
            [expression, table])
