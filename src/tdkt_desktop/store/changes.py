"""Which tables a piece of work changed, as SQLite saw it.

:func:`watch` puts temporary triggers (on this connection only) on every table a screen can show; each
write then names its table in a temporary table, inside the writer's transaction — so a write that is
rolled back (a failed save, a preview) names nothing, and every writer counts alike: the record
methods of :class:`~tdkt_desktop.store.db.Store`, the number register, bundle imports, the sync tables.
:func:`changed_tables` gives the tables changed since :func:`watch`. The application's background runner
watches each job's store and tells the views exactly these tables.
"""

from __future__ import annotations

import sqlite3

from tdkt_desktop.store.db import Store

# Derived tables and bookkeeping no view shows: the change log, the search index, meta.
UNWATCHED = frozenset({"audit_log", "meta", "search_keys"})
_LOG = "tdkt_changed_tables"  # a temporary table of this connection


def watched_tables(store: Store) -> list[str]:
    rows = store.db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows if r[0] not in UNWATCHED]


def watch(store: Store) -> None:
    """Start noting the tables written through this store's connection (again: start over)."""
    conn = store.db.conn
    conn.execute(f"DROP TABLE IF EXISTS temp.{_LOG}")  # DDL: opens no transaction of its own
    conn.execute(f"CREATE TEMP TABLE {_LOG} (name TEXT PRIMARY KEY) WITHOUT ROWID")
    for table in watched_tables(store):
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "tdkt_changed_{table}_{event.lower()}" AFTER {event} '
                f"ON main.\"{table}\" BEGIN INSERT OR IGNORE INTO {_LOG} (name) VALUES ('{table}'); END"
            )


def changed_tables(store: Store) -> set[str]:
    """The tables whose rows were written (and kept) since :func:`watch`; empty when not watching."""
    try:
        return {str(r[0]) for r in store.db.execute(f"SELECT name FROM temp.{_LOG}").fetchall()}
    except sqlite3.OperationalError:  # not watched
        return set()
