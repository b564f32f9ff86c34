"""An office's shared database on PostgreSQL at scale, against the same database as a SQLite file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_server.py [--size 200000] [--workdir DIR]

The list benchmark's database (``bench_gui_models``: ``size`` nominations with their sort keys and search index)
is moved onto a private PostgreSQL server started for the run (``tests/pgserver.py``: a unix socket, no fsync)
by ``tdkt server migrate``'s own copy (``store/server_copy.py``, every table compared by count and checksum).
Then the screens' own work is measured on the server as on the file, each against the bare query of the same
run on the same engine and within the same limits (``bench_gui_models._measure``): the list opened by year and
by name, every id sorted, a filter; and the search box (p95 of typical queries, the same limit as on the
file). Figures on the server are over a local socket: an office's network
adds its round trips (about 0.2–1 ms each on a LAN) to each query.

``run(size)`` gives the rows of ``benchmarks/common.py`` for ``benchmarks/run_all.py``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_gui_models
import common
from PySide6 import QtCore

from tdkt_desktop.store import open_store, search
from tdkt_desktop.store.server_copy import copy_to_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project's own test server

from tests.pgserver import PgServer

QUERIES = ("nguyen", "nguyen van", "tran thi h", "le minh", "pham", "ngoc anh", "vu", "dang thi mai", "hoang", "bui t")


def _server_rows(rows: list[common.Row], file_rows: list[common.Row]) -> list[common.Row]:
    """The server's figures, each within the limits of its row (against its own engine's bare query), named as
    on the server and beside the file's figure."""
    on_file = {r["name"]: r for r in file_rows}
    out = []
    for row in rows:
        same = on_file.get(row["name"])
        name = f"server: {row['name']}" + (f" (file: {same['figure_ms']:g} ms)" if same else "")
        out.append({**row, "name": name})
    return out


def _p95(store: object) -> float:
    times = sorted(common.timed(lambda q=q: store.search(q)) for q in QUERIES for _ in range(10))  # type: ignore[attr-defined]
    return times[int(len(times) * 0.95) - 1]


def run(size: int = 200_000, workdir: Path | None = None) -> list[common.Row]:
    QtCore.QCoreApplication.instance() or QtCore.QCoreApplication([])
    path = bench_gui_models.database(size, workdir)
    server = PgServer.start()
    try:
        url = server.url(server.create_database())
        started = time.perf_counter()
        report = copy_to_server(path, url)
        moved = time.perf_counter() - started
        rows = [common.result(f"server: tdkt server migrate of {report.total:,} rows (checked table by table)",
                              moved * 1000)]
        file_store = open_store(path, create=False)
        server_store = open_store(url, create=False)
        try:
            file_rows = bench_gui_models._measure(file_store)
            rows += _server_rows(bench_gui_models._measure(server_store), file_rows)
            for query in QUERIES:  # the same records found, in the same order, when the query is precise enough to
                # sort every match (a word most records share shows a page drawn from the first candidates found)
                if len(search.matching_ids(file_store.db, "nominations", query, limit=search.CANDIDATES + 1)) \
                        <= search.CANDIDATES:
                    assert [h.record_id for h in server_store.search(query)] == [
                        h.record_id for h in file_store.search(query)], query
            rows.append(common.result("server: search box, p95 of 10 queries × 10 (baseline: the same on the file)",
                                      _p95(server_store), _p95(file_store), max_figure=20))
        finally:
            file_store.close()
            server_store.close()
        return rows
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(common.main(run, 200_000, description=__doc__.splitlines()[0]))
