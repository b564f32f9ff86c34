"""The one write path for received rows: batched, with audit entries and the search index kept current."""

from __future__ import annotations

import hashlib
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
# The most arguments a function takes on both engines (PostgreSQL's json_build_object: 100; SQLite's: 127).
MAX_OBJECT_ARGS = 100
_AUDIT_COLUMNS = "at, operator, install_id, table_name, record_id, action, before_json, after_json"


def _stage_name(table: str, cols: tuple[str, ...]) -> str:
    """The temporary table staging rows of ``table`` holding ``cols`` (named by them: a bundle's rows and the versions
    made here may hold their columns in another order)."""
    return f"sync_stage_{table}_{hashlib.sha1(chr(0).join(cols).encode()).hexdigest()[:16]}"


def audit_in_sql(columns: list[tuple[str, str]]) -> bool:
    """Whether the audit entries of a table with these columns (name, declared type) are written from the rows as
    stored by one statement (:meth:`RowWriter.flush`): not for a table with a REAL column (SQLite's ``json_object``
    writes a real number with 15 digits, which may lose some of it) nor one too wide for one ``json_object``."""
    return (2 * len(columns) <= MAX_OBJECT_ARGS
            and not any(kind.upper() in ("REAL", "FLOAT", "DOUBLE") for _, kind in columns))


class RowWriter:
    """Writes rows received in a bundle as they are: a new local sequence number and sort key each, an audit entry
    (action ``sync``, with the changed fields before and the row after), the search index kept current —
    in batches (``executemany``), for bundles of hundreds of thousands of rows. Rows are written at
    :meth:`flush`; a record given twice is written in two batches, so the order within a batch is free.

    The row after of an audit entry is the JSON object of the row as stored, made by the database from the rows just
    written (``json_object`` of every column but the local ones, in the order of their names), one statement per run
    of rows of one table written one after the other (their local sequence numbers follow each other) — not encoded
    here row by row; for the tables :func:`audit_in_sql` leaves out, it is encoded here, as the row written."""

    BATCH = 2000

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn
        self.seq = store.current_local_seq()
        self.install = store.install_id
        self.operator = store.operator
        self.at = now_iso()  # one time stamp for the rows of one bundle: they arrive together
        self._rows: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = {}  # (table, columns) → rows
        self._audit: list[tuple[Any, ...]] = []
        self._audit_runs: dict[str, list[list[Any]]] = {}  # statement → [at, operator, install, action, before, first, last]
        self._audit_sql: dict[str, str | None] = {}
        self._foreign: dict[str, bool] = {}
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
        again = str(rid) in self._ids
        if again:  # the same record again: its first version is written (and audited) first
            self.flush()
        self._ids.add(str(rid))
        self._rows.setdefault((table, tuple(stored)), []).append(list(stored.values()))  # in the order of the keys
        changed_before = None
        if before is not None:
            changed_before = {k: before.get(k) for k in stored if before.get(k) != stored.get(k) and k not in _LOCAL}
        before_json = None if changed_before is None else _AUDIT_JSON(changed_before)
        audit = self._audit_statement(table)
        if audit is None:
            # the row after: as received (a received row holds no local column), or without the held row's local ones
            after = row if _LOCAL.isdisjoint(row) else {k: v for k, v in row.items() if k not in _LOCAL}
            self._audit.append((self.at, self.operator, self.install, table, rid, action, before_json, _AUDIT_JSON(after)))
        else:
            runs = self._audit_runs.setdefault(audit, [])
            last = runs[-1] if runs else None
            if last is not None and before_json is None and last[4] is None and last[3] == action \
                    and last[6] == self.seq - 1:
                last[6] = self.seq
            else:
                runs.append([self.at, self.operator, self.install, action, before_json, self.seq, self.seq])
        if table in _search.SEARCHABLE:
            if before is None and not again:
                if not stored.get("deleted"):
                    self._search_new.append((table, stored))
            else:
                self._search_update.append((table, stored))
        self._pending += 1
        if self._pending >= self.BATCH:
            self.flush()

    def _audit_statement(self, table: str) -> str | None:
        """The statement writing the audit entries of a run of rows of ``table`` from the rows as stored (None: the
        table's rows are encoded here, see :func:`audit_in_sql`)."""
        if table not in self._audit_sql:
            columns = [(str(r[1]), str(r[2])) for r in self.store.db.execute(f'PRAGMA table_info("{table}")').fetchall()
                       if r[1] not in _LOCAL]
            sql = None
            if audit_in_sql(columns):
                pairs = ", ".join(f"'{name}', \"{name}\"" for name, _ in sorted(columns))
                sql = (f"INSERT INTO audit_log ({_AUDIT_COLUMNS}) SELECT ?, ?, ?, '{table}', id, ?, ?, json_object({pairs})"
                       f' FROM "{table}" WHERE local_seq BETWEEN ? AND ? ORDER BY local_seq')
            self._audit_sql[table] = sql
        return self._audit_sql[table]

    def flush(self) -> None:
        for (table, cols), params in self._rows.items():
            self._write(table, cols, params)
        self._rows.clear()
        for sql, runs in self._audit_runs.items():
            self.conn.executemany(sql, runs)
        self._audit_runs.clear()
        if self._audit:
            self.conn.executemany(f"INSERT INTO audit_log ({_AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self._audit)
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

    def _write(self, table: str, cols: tuple[str, ...], params: list[list[Any]]) -> None:
        """Write a batch of rows of ``table`` (each holding ``cols``, in their order) by an upsert — also a record the
        caller found no live version of: its tombstone, or a version written earlier in this import, may be held (a
        plain insert of such a record failed the whole import).

        On a file, the rows of a table with a foreign key of its own are first put in a temporary table of the
        connection, then upserted from it by ONE statement for the batch: an upsert per row (``executemany``) into such
        a table cost SQLite twice as much in a province's merge (60,000 nominations: 3.2 s, against 1.5 s staged, with
        the foreign keys checked all the same). A table with no foreign key of its own is written by ``executemany``,
        cheaper for it than the staging (60,000 people: 0.7 s, against 1.0 s). On the server, the upsert is run for each
        row (``executemany``, which the driver sends in one pipeline)."""
        names = ", ".join(f'"{c}"' for c in cols)
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
        if self.store.on_server or not self._refers(table):
            marks = ", ".join("?" for _ in cols)
            self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}',
                                  params)
            return
        stage = _stage_name(table, cols)
        self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} ({names})")  # no types: values kept as given
        self.conn.executemany(f"INSERT INTO temp.{stage} VALUES ({', '.join('?' for _ in cols)})", params)
        # "WHERE true": an upsert's SELECT needs a WHERE clause before ON CONFLICT (SQLite's grammar)
        self.conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM temp.{stage} WHERE true ORDER BY rowid '
                          f"ON CONFLICT(id) DO UPDATE SET {sets}")
        self.conn.execute(f"DELETE FROM temp.{stage}")

    def _refers(self, table: str) -> bool:
        """``table`` has a foreign key of its own (it refers to another table's records)."""
        if table not in self._foreign:
            self._foreign[table] = bool(self.conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall())
        return self._foreign[table]

    def has(self, record_id: str) -> bool:
        """A row with this id waits in the batch (not yet flushed)."""
        return record_id in self._ids
