"""Which tables a piece of work changed, as the database saw it.

:func:`watch` puts temporary triggers (on this connection only) on every table a screen can show; each
write then names its table in a temporary table, inside the writer's transaction — so a write that is
rolled back (a failed save, a preview) names nothing, and every writer counts alike: the record
methods of :class:`~tdkt_desktop.store.db.Store`, the number register, bundle imports, the sync tables.
:func:`changed_tables` gives the tables changed since :func:`watch`. The application's background runner
watches each job's store and tells the views exactly these tables. On a server database the connection itself
notes the table of each write it runs and keeps those of committed transactions (:mod:`tdkt_desktop.store.server_db`).
"""

from __future__ import annotations

import sqlite3

from tdkt_desktop.store.db import Store

# Derived tables and bookkeeping no view shows: the change log, the search index, meta.
UNWATCHED = frozenset({"audit_log", "meta", "search_keys"})
_LOG = "tdkt_changed_tables"  # a temporary table of this connection


def watched_tables(store: Store) -> list[str]:
    if store.on_server:
        from tdkt_desktop.store.server_schema import chain_schema

        names = sorted(name for name, _sql in chain_schema().tables
                       if not name.startswith(("_", "search_index")))
        return [t for t in names if t not in UNWATCHED]
    rows = store.db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows if r[0] not in UNWATCHED]


def watch(store: Store) -> None:
    """Start noting the tables written through this store's connection (again: start over)."""
    if store.on_server:  # the server engine notes the tables its statements write (store.server_db)
        store.db.conn.watch_writes()  # type: ignore[attr-defined]
        return
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
    if store.on_server:
        written: set[str] = store.db.conn.written_tables()  # type: ignore[attr-defined]
        return written & set(watched_tables(store))
    try:
        return {str(r[0]) for r in store.db.execute(f"SELECT name FROM temp.{_LOG}").fetchall()}
    except sqlite3.OperationalError:  # not watched
        return set()


def change_mark(store: Store) -> int:
    """Where the audit log stands now: :func:`changed_since` this mark gives what anyone writes afterwards."""
    row = store.db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()
    return int(row[0]) if row else 0


def changed_since(store: Store, mark: int) -> tuple[int, set[str]]:
    """The tables whose records anyone changed after ``mark`` (every change to a record is in the audit log) and
    the new mark: how the screens of an office's officers follow each other's work on a shared database."""
    rows = store.db.execute("SELECT table_name, max(id) FROM audit_log WHERE id > ? GROUP BY table_name",
                            [mark]).fetchall()
    if not rows:
        return mark, set()
    return max(int(r[1]) for r in rows), {str(r[0]) for r in rows}
