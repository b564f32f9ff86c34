"""The list model at scale: 200 000 nominations. Opening, sorting and filtering the model, against the bare query.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_models.py [--rows 200000] [--db path]

``run(size)`` gives the figures as a list of dicts (name, figure_ms, baseline_ms, ratio, goal) for
``benchmarks/run_all.py``; each figure is the best of three runs, as is its baseline. A baseline is the bare
SQL on the same schema: the first 40 rows in the list's order (for names, by the stored Vietnamese sort key and
its index), all ids in that order, the search index joined to the table. The model's "open" is what the
screen does before its first rows are painted: the first page of ids from the list's ordered index (the
model's first job) and the rows of the first screen; the whole id list follows on the worker ("sort all ids").
Rows are inserted directly with SQL (sync columns and sort key filled, search index rebuilt), not through
Store.insert.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tdkt_desktop.gui.models import RecordTableModel, column, columns
from tdkt_desktop.gui.qt import QtCore
from tdkt_desktop.store import search, sortkeys
from tdkt_desktop.store.db import Store, now_iso, open_store
from tdkt_desktop.store.naming import naming_of

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh".split()
MIDDLE = "Văn Thị Hữu Đức Minh Thanh Ngọc Quang Thu Xuân Hồng Kim Anh Bảo Gia Công".split()
GIVEN = ("An Ân Anh Ánh Bình Cường Dũng Đạt Đông Giang Hà Hải Hạnh Hiếu Hoa Hòa Hùng Hương Khánh Lan Linh Long "
         "Mai Minh Nam Nga Ngọc Nhung Oanh Phong Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trung Tú Tuấn "
         "Uyên Vân Việt Xuân Yến").split()
TITLES = ["LDTT", "CSTDCS", "GIAY_KHEN", "TLDTT", "BANG_KHEN_TINH"]
STATUSES = ["draft", "submitted", "approved", "decided"]


def generate(path: Path, rows: int) -> None:
    rng = random.Random(2025)
    with open_store(path) as store:
        store.set_meta("unit_code", "27031")
        install = store.install_id
        stamp = now_iso()
        data = []
        for i in range(rows):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            year = 2016 + i % 10
            data.append((
                str(uuid.UUID(int=rng.getrandbits(128))), "27031", stamp, stamp, install, i + 1, 1,
                f"000001-{install}-{i + 1}", None, i + 1, 0,
                "person", f"p{i}", name, rng.choice(TITLES), "cong_trang", year, str(year),
                "Hoàn thành xuất sắc nhiệm vụ", rng.choice(STATUSES), "27031", sortkeys.key_of_value(name, "person"),
            ))
        with store.atomic():
            store.db.conn.executemany(
                "INSERT INTO nominations (id, owner_unit, created_at, updated_at, origin_install, clock, gen, rev,"
                " base_rev, local_seq, deleted, subject_kind, subject_id, subject_name, title_code, award_kind, year,"
                " period, achievement, status, unit_code, sort_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                data,
            )
            store.set_meta("clock", str(rows))
            store.set_meta("local_seq", str(rows))
            search.rebuild_search_index(store.db, naming_of(store))  # the same index the application keeps


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    """The best of ``repeat`` runs, in milliseconds (the least disturbed by other programs)."""
    return min(timed(fn) for _ in range(repeat)) * 1000


def result(name: str, figure_ms: float, baseline_ms: float, goal: str) -> dict[str, object]:
    """One line of the benchmark table (the form ``benchmarks/run_all.py`` prints)."""
    return {"name": name, "figure_ms": round(figure_ms, 2), "baseline_ms": round(baseline_ms, 2),
            "ratio": round(figure_ms / baseline_ms, 2) if baseline_ms > 0 else float("inf"), "goal": goal}


def run(size: int = 200_000, db: Path | None = None) -> list[dict[str, object]]:
    """Measure the list model over ``size`` nominations (generated in ``db``, or in a temporary file, when absent)
    against the bare SQL; one dict per measure: name, figure_ms, baseline_ms, ratio, goal."""
    QtCore.QCoreApplication.instance() or QtCore.QCoreApplication([])
    path = db or Path(tempfile.mkdtemp()) / "bench.sqlite"
    if not path.exists():
        generate(path, size)
    reader = open_store(path, create=False)
    try:
        return _measure(reader)
    finally:
        reader.close()


class _FirstJobOnly:
    """Stands for the application's background runner: keeps the jobs a model starts and runs the first."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.queue: list[tuple[Any, Any]] = []
        self.data_changed = _NoSignal()

    def run(self, work: Any, *, done: Any = None, **_: Any) -> None:
        self.queue.append((work, done))

    def run_first(self) -> None:
        work, done = self.queue.pop(0)
        result = work(self.store, None)
        if done is not None:
            done(result)


class _NoSignal:
    def connect(self, slot: Any) -> None:
        pass


def _measure(reader: Store) -> list[dict[str, object]]:
    db = reader.db
    cols = [column("nominations", "subject_name", sort="person"),
            *columns("nominations", "title_code", "year", "status", naming=naming_of(reader))]

    def first_screen(model: RecordTableModel) -> None:
        for r in range(40):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))

    def open_model(sort_column: int, search: str = "") -> RecordTableModel:
        """What the screen does until its first rows are painted: the model's first job (run here, on a
        worker in the application), the rows of the first screen; the rest of the list comes after."""
        jobs = _FirstJobOnly(reader)
        model = RecordTableModel(reader, "nominations", cols, sort_column=sort_column, jobs=jobs)
        model.query.search = search
        model.reload()
        jobs.run_first()
        first_screen(model)
        return model

    def all_ids() -> list[str]:
        model = RecordTableModel(reader, "nominations", cols, sort_column=0)
        return model.query.ids(reader)

    def bare(sql: str, params: Sequence[object] = ()) -> float:
        return best(lambda: db.execute(sql, list(params)).fetchall())

    fts = ("SELECT n.* FROM nominations n JOIN search_index s ON s.record_id = n.id WHERE search_index MATCH ?"
           " AND s.kind = 'nominations' ORDER BY n.subject_name LIMIT 40")
    return [
        result("list: open sorted by year",
               best(lambda: open_model(2)),
               bare("SELECT * FROM nominations WHERE deleted = 0 ORDER BY year LIMIT 40"),
               "≤ 100 ms, ≤ 2×"),
        result("list: open sorted by name (Vietnamese)",
               best(lambda: open_model(0)),
               bare("SELECT * FROM nominations WHERE deleted = 0 ORDER BY sort_key, id LIMIT 40"),
               "≤ 100 ms, ≤ 2×"),
        result("list: sort all ids by name",
               best(all_ids),
               bare("SELECT id FROM nominations WHERE deleted = 0 ORDER BY sort_key, id"),
               "≤ 2×"),
        result("list: filter 'nguyen van an'",
               best(lambda: open_model(0, "nguyen van an")),
               bare(fts, ['"nguyen"* "van"* "an"*']),
               "≤ 2×"),
        result("list: filter 'thi' (a third of the rows)",
               best(lambda: open_model(0, "thi")),
               bare(fts, ['"thi"*']),
               "≤ 2×"),
    ]


def print_table(results: Sequence[dict[str, object]]) -> None:
    print(f"{'measure':44} {'figure':>10} {'baseline':>10} {'ratio':>8}  goal")
    for r in results:
        print(f"{r['name']!s:44} {r['figure_ms']:8.1f}ms {r['baseline_ms']:8.1f}ms {r['ratio']:7.2f}×  {r['goal']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="a database made by an earlier run (generated when absent)")
    args = parser.parse_args()
    if args.db is not None and not args.db.exists():
        print(f"Generating {args.rows:,} nominations in {args.db} …")
        print(f"  {timed(lambda: generate(args.db, args.rows)):.1f} s")
    print_table(run(args.rows, args.db))


if __name__ == "__main__":
    main()
