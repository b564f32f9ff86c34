"""Tone-insensitive search over a registry of 1 000 000 people (generated), as users type it.

    .venv/bin/python benchmarks/bench_search.py [--people 1000000] [--db path]

Typical queries, typed without tones: a surname ("nguyen"), a given name ("huong"), a partial word ("ngu",
"thu"), a full name ("tran thi thu"), a workplace ("tieu hoc tan an"), a unit and a position ("ubnd xa",
"giao vien"). Each query is run several times through the application's search (``store.search.search``: the
first 50 people found, with their names, as the search box shows them); the figures are the 50th, 95th and
99th percentiles of all runs, against the same percentile of the bare full-text query (the first 50 rowids).
``run(size)`` gives them as a list of dicts (name, figure_ms, baseline_ms, ratio, goal) for
``benchmarks/run_all.py``. Rows are inserted directly with SQL (sync columns and sort key filled, search index
built by the application's own function), not through Store.insert.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from tdkt_desktop.store import search, sortkeys
from tdkt_desktop.store.db import Store, now_iso, open_store
from tdkt_desktop.store.naming import naming_of

FAMILY = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh Tạ Lương Cao Hà "
          "Lâm Kiều Quách Thái Tô Văn").split()
MIDDLE = "Văn Thị Hữu Đức Minh Thanh Ngọc Quang Thu Xuân Hồng Kim Anh Bảo Gia Công Thành Diệu Mỹ Quốc".split()
GIVEN = ("An Ân Anh Ánh Bình Cường Dũng Đạt Đông Giang Hà Hải Hạnh Hiếu Hoa Hòa Hùng Hương Khánh Lan Linh Long Mai "
         "Minh Nam Nga Ngọc Nhung Oanh Phong Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trung Tú Tuấn Uyên "
         "Vân Việt Xuân Yến Khoa Lộc Nhân Thư Vy Hiền Duyên Trâm").split()
POSITIONS = ["Giáo viên", "Chủ tịch", "Phó Chủ tịch", "Công chức Văn phòng - Thống kê", "Bác sĩ", "Trưởng ấp",
             "Bí thư Chi bộ", "Kế toán", "Nhân viên", "Hiệu trưởng", "Công an viên", "Chiến sĩ", "Nông dân"]
PLACES = ["Tân An", "Ninh Kiều", "Phong Điền", "Cái Răng", "Bình Thủy", "Ô Môn", "Thốt Nốt", "Vĩnh Thạnh", "Cờ Đỏ",
          "Thới Lai", "Long Hòa", "An Khánh", "Xuân Khánh", "Hưng Lợi", "Trà Nóc"]
WORKPLACES = ["Trường Tiểu học {}", "Trường THCS {}", "UBND xã {}", "UBND phường {}", "Trạm Y tế {}",
              "Hội Nông dân {}", "Công an xã {}", "Trường Mầm non {}"]
QUERIES = ["nguyen", "tran thi thu", "huong", "ngu", "thu", "dang van", "tieu hoc tan an", "ubnd xa",
           "giao vien", "o mon", "le minh", "quyen"]
LIMIT = 50


def generate(path: Path, people: int) -> None:
    rng = random.Random(2026)
    with open_store(path) as store:
        store.set_meta("unit_code", "92")
        install = store.install_id
        stamp = now_iso()
        sql = ("INSERT INTO people (id, owner_unit, created_at, updated_at, origin_install, clock, gen, rev, base_rev,"
               " local_seq, deleted, full_name, gender, birth_date, position, workplace, unit_code, sort_key)"
               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        with store.atomic():
            batch: list[tuple[object, ...]] = []
            for i in range(people):
                name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                workplace = rng.choice(WORKPLACES).format(rng.choice(PLACES))
                batch.append((
                    str(uuid.UUID(int=rng.getrandbits(128))), "92", stamp, stamp, install, i + 1, 1,
                    f"000001-{install}-{i + 1}", None, i + 1, 0, name, rng.choice(["male", "female"]),
                    f"{rng.randint(1960, 2000)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", rng.choice(POSITIONS),
                    workplace, "92", sortkeys.key_of_value(name, "person"),
                ))
                if len(batch) == 20_000:
                    store.db.conn.executemany(sql, batch)
                    batch.clear()
            store.db.conn.executemany(sql, batch)
            store.set_meta("clock", str(people))
            store.set_meta("local_seq", str(people))
            search.rebuild_search_index(store.db, naming_of(store))  # the index the application keeps


def _times(fn: Callable[[str], object], queries: Sequence[str], rounds: int) -> list[float]:
    out: list[float] = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - start) * 1000)
    return out


def _percentile(values: Sequence[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def result(name: str, figure_ms: float, baseline_ms: float, goal: str) -> dict[str, object]:
    """One line of the benchmark table (the form ``benchmarks/run_all.py`` prints)."""
    return {"name": name, "figure_ms": round(figure_ms, 2), "baseline_ms": round(baseline_ms, 2),
            "ratio": round(figure_ms / baseline_ms, 2) if baseline_ms > 0 else float("inf"), "goal": goal}


def _measure(store: Store, rounds: int) -> list[dict[str, object]]:
    naming = naming_of(store)
    db = store.db

    def app(q: str) -> object:
        return search.search(db, q, naming, tables=["people"], limit=LIMIT)

    def bare(q: str) -> object:
        expression = search.match_expression(q)
        return db.execute("SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?",
                          [expression, LIMIT]).fetchall()

    _times(app, QUERIES, 1)  # warm the page cache
    figures = _times(app, QUERIES, rounds)
    baselines = _times(bare, QUERIES, rounds)
    goals = {50: "", 95: "≤ 20 ms", 99: ""}
    return [result(f"search 1,000,000 people: p{p}" if store.count("people") == 1_000_000
                   else f"search {store.count('people'):,} people: p{p}",
                   _percentile(figures, p), _percentile(baselines, p), goals[p]) for p in (50, 95, 99)]


def run(size: int = 1_000_000, db: Path | None = None, rounds: int = 5) -> list[dict[str, object]]:
    """Search ``size`` generated people (in ``db``, or a temporary file, generated when absent): p50, p95 and
    p99 of the application's search against the bare full-text query, as dicts (name, figure_ms, baseline_ms,
    ratio, goal)."""
    path = db or Path(tempfile.mkdtemp()) / "search.sqlite"
    if not path.exists():
        generate(path, size)
    store = open_store(path, create=False)
    try:
        return _measure(store, rounds)
    finally:
        store.close()


def print_table(results: Sequence[dict[str, object]]) -> None:
    print(f"{'measure':44} {'figure':>10} {'baseline':>10} {'ratio':>8}  goal")
    for r in results:
        print(f"{r['name']!s:44} {r['figure_ms']:8.1f}ms {r['baseline_ms']:8.1f}ms {r['ratio']:7.2f}×  {r['goal']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="a database made by an earlier run (generated when absent)")
    parser.add_argument("--rounds", type=int, default=5, help="runs of every query")
    args = parser.parse_args()
    if args.db is not None and not args.db.exists():
        print(f"Generating {args.people:,} people in {args.db} …")
        start = time.perf_counter()
        generate(args.db, args.people)
        print(f"  {time.perf_counter() - start:.1f} s")
    print_table(run(args.people, args.db, args.rounds))


if __name__ == "__main__":
    main()
