"""An office's shared database on PostgreSQL at scale — a province of 34 wards × 5 years — against the same
database as a SQLite file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_server.py [--size 34] [--workdir DIR]

The generated province (``benchmarks/province.py``: ``size`` wards × 5 years of their records, about two million
at 34 wards, with their search index and sort keys) is moved onto a private PostgreSQL server started for the run
(``tests/pgserver.py``: a unix socket, no fsync) by ``tdkt server migrate``'s own copy (``store/server_copy.py``,
every table compared by count and checksum). Then the screens' own work is measured on the server as on the
file, within the same limits on both engines:

* opening the database (``open_store``: schema check, sign-in on the server);
* the nominations list (every ward's, about 200,000 at 34 wards) opened by year and by name, every id sorted, a
  filter — each against the bare query of the same run on the same engine (``bench_gui_models._measure``);
* the search box (p95 of typical queries);
* the consolidation matrix (``store.consolidation.attainment_matrix``) of the province's campaign of the last
  year (every ward × 15 targets) and of its five-year plan (20 targets, every ward's figures of five years read
  for the figure to date);
* the statistics forms 0601.N and 0603.N (``store.statistics``) of the last year.

The server's figure of each report is given against the file's (its ratio is for reading; the goal is the limit
both engines must meet), and the two engines' answers are compared: the same cells, the same form values.
Figures on the server are over a local socket: an office's network adds its round trips (about 0.2–1 ms each on
a LAN) to each query.

``run(size)`` gives the rows of ``benchmarks/common.py`` for ``benchmarks/run_all.py``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_gui_models
import common
import province
from PySide6 import QtCore

from tdkt_desktop.store import consolidation, open_store, search, statistics
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.server_copy import copy_to_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project's own test server

from tests.pgserver import PgServer

QUERIES = ("nguyen", "nguyen van", "tran thi h", "le minh", "pham", "ngoc anh", "vu", "dang thi mai", "hoang", "bui t")
YEARS = 5
OPEN_LIMIT_MS = 1000  # opening the database, before the window shows anything of it
REPORT_LIMIT_MS = 1000  # a report screen (matrix, statistics form) filled after a click
REPEAT = 3


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


def _reports(store: Store, year: int) -> dict[str, Callable[[], Any]]:
    """What the province's report screens compute, by row name: each gives a comparable answer."""
    campaigns = store.rows("campaigns", "issued_by = ? AND campaign_type = 'regular'", [province.PROVINCE],
                           order_by="year DESC")
    yearly = next(c for c in campaigns if c["year"] == year)
    plan = next(c for c in campaigns if c["year"] is None)

    def matrix(campaign_id: str) -> Callable[[], Any]:
        return lambda: consolidation.attainment_matrix(store, campaign_id, str(year)).to_dict()

    wards = len(consolidation.units_below(store))
    return {
        f"consolidation matrix, the campaign of {year}: {wards} wards × {province.YEAR_TARGETS} targets": matrix(
            yearly["id"]),
        f"consolidation matrix, the five-year plan: {wards} wards × {province.PLAN_TARGETS} targets, figures to date":
            matrix(plan["id"]),
        f"statistics form 0601.N of {year}": lambda: statistics.form_0601N(store, year).to_dict(),
        f"statistics form 0603.N of {year} (every ward's awards)": lambda: statistics.form_0603N(store, year).to_dict(),
    }


def _report_rows(file_store: Store, server_store: Store, year: int) -> list[common.Row]:
    rows = []
    on_file, on_server = _reports(file_store, year), _reports(server_store, year)
    for name, work in on_file.items():
        answer = work()
        assert on_server[name]() == answer, f"{name}: the server's answer differs from the file's"
        figure = common.best_of(work, REPEAT)
        rows.append(common.result(f"province: {name}", figure, max_figure=REPORT_LIMIT_MS))
        rows.append(common.result(f"server: {name} (baseline: the same on the file)",
                                  common.best_of(on_server[name], REPEAT), figure, max_figure=REPORT_LIMIT_MS))
    return rows


def _opening(where: str) -> float:
    def work() -> None:
        open_store(where, create=False).close()
    return common.best_of(work, REPEAT)


def run(size: int = 34, workdir: Path | None = None) -> list[common.Row]:
    QtCore.QCoreApplication.instance() or QtCore.QCoreApplication([])
    path = province.database(size, YEARS, workdir)
    year = province.FIRST_YEAR + YEARS - 1
    server = PgServer.start()
    try:
        url = server.url(server.create_database())
        started = time.perf_counter()
        report = copy_to_server(path, url)
        moved = time.perf_counter() - started
        rows = [common.result(f"server: tdkt server migrate of a province of {size} wards × {YEARS} years: "
                              f"{report.total:,} rows (checked table by table)", moved * 1000)]
        on_file = _opening(str(path))
        rows.append(common.result("province: open the database", on_file, max_figure=OPEN_LIMIT_MS))
        rows.append(common.result("server: open the database and sign in (baseline: the file)", _opening(url), on_file,
                                  max_figure=OPEN_LIMIT_MS))
        file_store = open_store(path, create=False)
        server_store = open_store(url, create=False)
        try:
            rows += _report_rows(file_store, server_store, year)
            file_rows = bench_gui_models._measure(file_store)
            rows += [{**r, "name": f"province: {r['name']}"} for r in file_rows]
            rows += _server_rows(bench_gui_models._measure(server_store), file_rows)
            for query in QUERIES:  # the same records found, in the same order, when the query is precise enough to
                # sort every match (a word most records share shows a page drawn from the first candidates found)
                if len(search.matching_ids(file_store.db, "nominations", query, limit=search.CANDIDATES + 1)) \
                        <= search.CANDIDATES:
                    assert [h.record_id for h in server_store.search(query)] == [
                        h.record_id for h in file_store.search(query)], query
            p95_file = _p95(file_store)
            rows.append(common.result("province: search box, p95 of 10 queries × 10", p95_file, max_figure=20))
            rows.append(common.result("server: search box, p95 of 10 queries × 10 (baseline: the same on the file)",
                                      _p95(server_store), p95_file, max_figure=20))
        finally:
            file_store.close()
            server_store.close()
        return rows
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(common.main(run, 34, description=__doc__.splitlines()[0]))
