"""Stored sort keys: the Vietnamese order of a list's name column, kept in SQL so that a list sorted by name
reads its first page from an index instead of sorting every row in Python.

Every synced table has a ``sort_key`` column: local bookkeeping like ``local_seq`` (it never travels in a
bundle and is no part of a revision), a text whose plain binary order is the order of
:func:`core.text.sort_text` (names of collectives, campaigns…) or :func:`core.text.person_sort_text` (people:
given name first) of the field :data:`SORT_KEYS` names. It is data, not a collation or a function SQLite must
know, so any program can read and write the database; the application writes it on every write
(``Store._stamp`` for local edits, ``sync.writer.RowWriter.put`` for received rows) and computes every key
again on opening when :data:`SORT_KEYS_VERSION` changed (a new database, a database migrated to this
version, or a change of the order) — like the search index.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import sqlite_utils

from tdkt_desktop.core.text import person_sort_text, sort_text

COLUMN = "sort_key"

# table → (field, order): the name column a table's lists open sorted by, and its order ("person": given name
# first; "text": the whole text). Another text column of a list is sorted in Python (store.listing).
SORT_KEYS: dict[str, tuple[str, str]] = {
    "officials": ("full_name", "text"),
    "people": ("full_name", "person"),
    "collectives": ("name", "text"),
    "households": ("head_name", "person"),
    "campaigns": ("name", "text"),
    "registrations": ("subject_name", "person"),
    "nominations": ("subject_name", "person"),
    "decision_awardees": ("subject_name", "person"),
    "covenants": ("cluster_name", "text"),
}

# Bump when the order or SORT_KEYS changes: every database then computes its keys again, once, on opening.
SORT_KEYS_VERSION = "1"
_BATCH = 5000


@lru_cache(maxsize=65_536)
def key_of_value(value: str | None, order: str) -> str:
    """The stored key of one value in ``order`` ("text" or "person"); names repeat, so it is remembered."""
    return person_sort_text(value) if order == "person" else sort_text(value)


def key_of(table: str, row: Mapping[str, Any]) -> str | None:
    """The ``sort_key`` of ``row`` (a whole row of ``table``); None for a table with no stored key."""
    spec = SORT_KEYS.get(table)
    if spec is None:
        return None
    value = row.get(spec[0])
    return key_of_value(None if value is None else str(value), spec[1])


def stored(table: str, field: str | None, order: str) -> bool:
    """Whether a list of ``table`` sorted by ``field`` in ``order`` can use the stored key."""
    return SORT_KEYS.get(table) == (field, order)


def refill(db: sqlite_utils.Database) -> int:
    """Compute every stored key again (in the caller's transaction); the number of rows."""
    count = 0
    for table, (field, order) in SORT_KEYS.items():
        if not db[table].exists():
            continue
        rows = db.execute(f"SELECT rowid, {field} FROM {table}").fetchall()  # read first: the update moves index entries
        for start in range(0, len(rows), _BATCH):
            db.conn.executemany(
                f"UPDATE {table} SET {COLUMN} = ? WHERE rowid = ?",
                [(key_of_value(None if v is None else str(v), order), rowid) for rowid, v in rows[start:start + _BATCH]],
            )
        count += len(rows)
    return count
