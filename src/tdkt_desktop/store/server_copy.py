"""Moving an office's SQLite database onto its PostgreSQL server, without loss.

:func:`copy_to_server` opens the file (upgrading it to this version's schema first, after a verified backup,
as every opening does), creates the chain's schema in the server's empty database and copies every table —
records, tombstones, sync bookkeeping, audit log, number register, the search index, and ``meta`` with the
installation's identity (``install_id``, counters), so the office goes on as the same unit and installation
for its units below and above — in one transaction. It then reads both back and compares, table by table, the
count of rows and a checksum of their content in key order; any difference undoes the copy. The key file (the
office's private keys, never in a database) is copied beside the server's entry on this computer.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.store.db import Store, open_store, server_home
from tdkt_desktop.store.errors import StoreError
from tdkt_desktop.store.keyfile import key_file_path
from tdkt_desktop.store.server_address import shown

_BATCH = 2000
_FTS = "search_index"


@dataclass
class CopyReport:
    """What was copied: rows and checksum per table (the same on both sides, or the copy was undone)."""

    source: Path
    address: str
    counts: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    key_file: Path | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _plain(value: Any) -> Any:
    """One form for a value read from either engine (SQLite gives 3.0 where a REAL column holds 3)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _digest(rows: Iterable[tuple[Any, ...]]) -> tuple[int, str]:
    """The count of ``rows`` and a checksum of their content that does not depend on their order (the sum of each
    row's SHA-256): the two engines need not read them in the same order."""
    total = 0
    n = 0
    for row in rows:
        total += int.from_bytes(hashlib.sha256(repr(tuple(_plain(v) for v in row)).encode("utf-8")).digest(), "big")
        n += 1
    return n, f"{total % (1 << 256):064x}"


def _tables() -> list[tuple[str, list[str], bool]]:
    """(table, columns as SQLite lists them, has a rowid column) of the chain's tables."""
    from tdkt_desktop.store.server_schema import chain_schema

    chain = chain_schema()
    out = []
    for name, _sql in chain.tables:
        info = chain.columns[name]
        out.append((name, [str(r[1]) for r in info], name not in chain.numbered))
    return out


def _batches(cur: Any) -> Iterator[list[tuple[Any, ...]]]:
    while rows := cur.fetchmany(_BATCH):
        yield rows


def copy_to_server(source: Path, address: str, *, operator: str | None = None) -> CopyReport:
    """Copy the SQLite database at ``source`` into the empty server database at ``address`` (see the module)."""
    from tdkt_desktop.store import server_db as pg
    from tdkt_desktop.store.server_schema import create_schema

    report = CopyReport(source=source, address=address)
    with open_store(source, create=False, operator=operator) as local:
        keys = key_file_path(local.path)
        server = pg.connect(address, timeout_s=30)
        try:
            if server.has_schema() and (server.execute("SELECT count(*) FROM meta").fetchone() or (0,))[0]:
                raise StoreError(
                    f"Cơ sở dữ liệu {shown(address)} đã có dữ liệu; chỉ chuyển vào một cơ sở dữ liệu trống. Hãy tạo "
                    "cơ sở dữ liệu mới trên máy chủ (createdb) rồi chạy lại; chưa có gì thay đổi.")
            if not server.has_schema():
                create_schema(server)
            _copy(local, server, report)
        except sqlite3.Error as exc:
            raise pg.server_error(exc, address) from exc
        finally:
            server.close()
    if keys.exists():
        target = key_file_path(server_home(address) / "server.db")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(target, keys.read_bytes(), private=True)
        report.key_file = target
    return report


def _copy(local: Store, server: Any, report: CopyReport) -> None:
    from tdkt_desktop.store.server_schema import search_kind_indexes, without_search_kind_indexes

    conn = server.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        # the entries keep the login they were written under (none, on one computer): the server's own filling in
        # of the login is for new entries only
        conn.server("ALTER TABLE audit_log DISABLE TRIGGER audit_log_account")
        for table, columns, with_rowid in _tables():
            if table == "_sqlite_migrations":
                continue
            names = (["rowid"] if with_rowid else []) + columns
            marks = ", ".join("?" for _ in names)
            insert = f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({marks})'
            order = "rowid" if with_rowid else "id"  # insertion order (SQLite's rowid is the id of a numbered table)
            cur = local.db.conn.execute(f'SELECT {", ".join(names)} FROM "{table}" ORDER BY {order}')
            for rows in _batches(cur):
                conn.executemany(insert, rows)
            if not with_rowid:
                conn.server(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                 f"coalesce((SELECT max(id) FROM \"{table}\"), 0) + 1, false)")
            else:
                conn.server(f"SELECT setval(pg_get_serial_sequence('{table}', 'rowid'), "
                                 f"coalesce((SELECT max(rowid) FROM \"{table}\"), 0) + 1, false)")
            _compare(local, server, table, columns, report)
        for sql in without_search_kind_indexes():  # built once after their rows (search_kind_indexes)
            conn.server(sql)
        cur = local.db.conn.execute(f"SELECT rowid, kind, record_id, sort_key, body FROM {_FTS} ORDER BY rowid")
        for rows in _batches(cur):
            conn.executemany(f"INSERT INTO {_FTS} (rowid, kind, record_id, sort_key, body) VALUES (?, ?, ?, ?, ?)",
                             rows)
        for sql in search_kind_indexes():
            conn.server(sql)
        _compare(local, server, _FTS, ["rowid", "kind", "record_id", "sort_key", "body"], report)
        conn.server("ALTER TABLE audit_log ENABLE TRIGGER audit_log_account")
        conn.server("ANALYZE")  # the planner learns the tables' sizes now, not at the server's next round
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def _compare(local: Store, server: Any, table: str, columns: list[str], report: CopyReport) -> None:
    listed = ", ".join('"' + c + '"' for c in columns)
    sql = f'SELECT {listed} FROM "{table}"'
    count, digest = _digest(local.db.conn.execute(sql))
    there, theirs = _digest(server.conn.execute(sql).fetchall())
    if (count, digest) != (there, theirs):
        raise StoreError(
            f"Chuyển dữ liệu không khớp ở bảng {table} ({count} dòng ở tệp, {there} dòng trên máy chủ). Chưa có gì "
            "được ghi lên máy chủ; hãy báo lỗi này kèm tệp nhật ký.")
    report.counts[table] = count
    report.checksums[table] = digest


__all__ = ["CopyReport", "copy_to_server"]
