"""The one write path for received rows: batched, with audit entries and the search index kept current."""

from __future__ import annotations

import json
from typing import Any

from tdkt_desktop.store import search as _search
from tdkt_desktop.store import sortkeys as _sortkeys
from tdkt_desktop.store.db import Store, now_iso
from tdkt_desktop.store.naming import naming_of
from tdkt_desktop.store.revisions import LOCAL_FIELDS

Row = dict[str, Any]
_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # one encoder for every entry
_COLUMN = _sortkeys.COLUMN
_LOCAL = frozenset(LOCAL_FIELDS)


class RowWriter:
    """Writes rows received in a bundle as they are: a new local sequence number and sort key each, an audit entry
    (action ``sync``, with the changed fields before and the row after), the search index kept current —
    in batches (``executemany``), for bundles of hundreds of thousands of rows. Rows are written at
    :meth:`flush`; a bundle never holds the same record twice, so the order within a batch is free."""

    BATCH = 2000

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn
        self.seq = store.current_local_seq()
        self.install = store.install_id
        self.operator = store.operator
        self.at = now_iso()  # one time stamp for the rows of one bundle: they arrive together
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}
        self._rows: dict[str, list[list[Any]]] = {}
        self._audit: list[tuple[Any, ...]] = []
        self._search_new: list[tuple[str, Row]] = []
        self._search_update: list[tuple[str, Row]] = []
        self._pending = 0
        self._ids: set[str] = set()

    def put(self, table: str, row: Row, before: Row | None, *, source: str | None = None, action: str = "sync") -> None:
        """Write ``row`` (replacing ``before``, the version held). ``source``: the installation whose bundle carried
        this exact version (it is not sent back to it); None for a version made here (a merge)."""
        self.seq += 1
        stored = dict(row)
        stored["local_seq"] = self.seq
        stored["local_from"] = source
        stored[_COLUMN] = _sortkeys.key_of(table, row)  # computed once: the search entry below takes it from here
        rid = row["id"]
        self._ids.add(str(rid))
        cols = tuple(stored)
        sql = self._sql.get((table, cols))
        if sql is None:
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" for _ in cols)
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
            sql = self._sql[(table, cols)] = (
                f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}')
        self._rows.setdefault(sql, []).append(list(stored.values()))  # in the order of ``cols``
        changed_before = None
        if before is not None:
            changed_before = {k: before.get(k) for k in stored if before.get(k) != stored.get(k) and k not in _LOCAL}
        # the row after: as received (a received row holds no local column), or without the held row's local ones
        after = row if _LOCAL.isdisjoint(row) else {k: v for k, v in row.items() if k not in _LOCAL}
        self._audit.append((
            self.at, self.operator, self.install, table, rid, action,
            None if changed_before is None else _AUDIT_JSON(changed_before),
            _AUDIT_JSON(after),
        ))
        if table in _search.SEARCHABLE:
            if before is None:
                if not stored.get("deleted"):
                    self._search_new.append((table, stored))
            else:
                self._search_update.append((table, stored))
        self._pending += 1
        if self._pending >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        for sql, params in self._rows.items():
            self.conn.executemany(sql, params)
        self._rows.clear()
        if self._audit:
            self.conn.executemany(
                "INSERT INTO audit_log (at, operator, install_id, table_name, record_id, action, before_json, after_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                self._audit,
            )
            self._audit.clear()
        if self._search_new:
            _search.index_new_rows(self.store.db, self._search_new, naming_of(self.store), keyed=True)
            self._search_new.clear()
        if self._search_update:
            _search.index_rows(self.store.db, self._search_update, naming_of(self.store), keyed=True)
            self._search_update.clear()
        self._pending = 0
        self._ids.clear()
        self.store.set_meta("local_seq", str(self.seq))

    def has(self, record_id: str) -> bool:
        """A row with this id waits in the batch (not yet flushed)."""
        return record_id in self._ids

    def discard(self) -> None:
        self._ids.clear()
        self._rows.clear()
        self._audit.clear()
        self._search_new.clear()
        self._search_update.clear()
        self._pending = 0
        self.seq = self.store.current_local_seq()
