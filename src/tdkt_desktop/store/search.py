"""Diacritic-insensitive full-text search over people, collectives, households, nominations and campaigns.

The index holds a folded copy of each record's searchable text (no tones, "đ" → "d", lower case), so
"nguyen van an" finds "Nguyễn Văn Ân" and "dao" finds "Đào".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from tdkt_desktop.core.models import title_label
from tdkt_desktop.core.text import fold

Row = dict[str, Any]


def _join(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p not in (None, ""))


# table → (kind label, function giving the searchable text, function giving the display title)
SEARCHABLE: dict[str, tuple[str, Callable[[Row], str], Callable[[Row], str]]] = {
    "people": (
        "Cá nhân",
        lambda r: _join(r.get("full_name"), r.get("position"), r.get("workplace"), r.get("id_number")),
        lambda r: str(r.get("full_name") or ""),
    ),
    "collectives": (
        "Tập thể",
        lambda r: _join(r.get("name"), r.get("address")),
        lambda r: str(r.get("name") or ""),
    ),
    "households": (
        "Hộ gia đình",
        lambda r: _join(r.get("head_name"), r.get("address")),
        lambda r: f"Hộ {r.get('head_name') or ''}",
    ),
    "nominations": (
        "Đề nghị khen thưởng",
        lambda r: _join(r.get("subject_name"), title_label(str(r.get("title_code") or "")), r.get("achievement")),
        lambda r: f"{r.get('subject_name')} — {title_label(str(r.get('title_code') or ''))}",
    ),
    "campaigns": (
        "Phong trào thi đua",
        lambda r: _join(r.get("name"), r.get("subject"), r.get("doc_number"), r.get("issuing_body")),
        lambda r: str(r.get("name") or ""),
    ),
}


@dataclass(frozen=True)
class SearchHit:
    table: str
    kind: str
    record_id: str
    title: str


def index_row(db: sqlite_utils.Database, table: str, row: Row) -> None:
    """Bring the index entry of one record up to date (removed when the record is a tombstone)."""
    if table not in SEARCHABLE:
        return
    db.execute("DELETE FROM search_index WHERE kind = ? AND record_id = ?", [table, row["id"]])
    if row.get("deleted"):
        return
    body = fold(SEARCHABLE[table][1](row))
    db.execute("INSERT INTO search_index (kind, record_id, body) VALUES (?, ?, ?)", [table, row["id"], body])


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    db.execute("DELETE FROM search_index")
    count = 0
    for table in SEARCHABLE:
        if not db[table].exists():
            continue
        for row in db.query(f"SELECT * FROM {table} WHERE deleted = 0"):
            index_row(db, table, row)
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
    db: sqlite_utils.Database, query: str, *, tables: list[str] | None = None, limit: int = 50
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
        hits.append(SearchHit(table=table, kind=label, record_id=found["record_id"], title=title(rows[0])))
    return hits


def matching_ids(db: sqlite_utils.Database, table: str, query: str) -> list[str] | None:
    """Ids of the records of one table that match (``None`` when the query has no words)."""
    expression = match_expression(query)
    if expression is None:
        return None
    return [
        r["record_id"]
        for r in db.query(
            "SELECT record_id FROM search_index WHERE search_index MATCH ? AND kind = ?", [expression, table]
        )
    ]
