"""Excel export at scale: 100 000 rows through the exporter against bare openpyxl write-only mode.

Run: ``.venv/bin/python benchmarks/bench_excel.py [ROWS]`` (Linux/macOS). Both write the same values
to a temporary folder in the same run, each in a fresh process; the script prints the time of each,
their ratio, the peak resident memory of each above the rows already built, and the file sizes. The exporter adds title rows, header style,
borders, number formats per kind, widths, frozen panes, auto-filter, page setup and an atomic
rename on top of the bare writer.
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tdkt_desktop.excel.export import Column, export_rows

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi"]
_MIDDLE = ["Văn", "Thị", "Minh", "Thị Thu", "Quốc", "Ngọc"]
_GIVEN = ["An", "Bình", "Hà", "Lan", "Dũng", "Ánh", "Đào", "Phúc", "Yến", "Sơn"]
_TITLES = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Giấy khen của Chủ tịch Ủy ban nhân dân xã"]


def make_rows(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    start = _dt.date(1960, 1, 1)
    return [
        {
            "name": f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}",
            "birth": start + _dt.timedelta(days=rng.randrange(0, 15000)),
            "unit": f"Ủy ban nhân dân xã số {rng.randrange(1, 200)}",
            "title": rng.choice(_TITLES),
            "count": rng.randrange(0, 100000),
            "rate": round(rng.uniform(50, 120), 2),
            "money": rng.choice([710000, 2340000, 3510000]),
        }
        for _ in range(n)
    ]


COLUMNS = [
    Column("Họ và tên", "name"),
    Column("Ngày sinh", "birth", "date"),
    Column("Đơn vị công tác", "unit"),
    Column("Danh hiệu", "title"),
    Column("Số lượng", "count", "int"),
    Column("Tỷ lệ", "rate", "percent"),
    Column("Tiền thưởng", "money", "money"),
]
KEYS = ["name", "birth", "unit", "title", "count", "rate", "money"]


def bare(path: Path, rows: list[dict[str, Any]]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append([c.header for c in COLUMNS])
    for row in rows:
        ws.append([row[k] for k in KEYS])
    wb.save(path)


def ours(path: Path, rows: list[dict[str, Any]]) -> None:
    export_rows(path, "Danh sách đo tốc độ", COLUMNS, iter(rows), unit_name="Phường Tân An", numbered=True, total=len(rows))


def _child(label: str, which: str, path: str, n: int, queue: Any) -> None:
    import resource

    rows = make_rows(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    (bare if which == "bare" else ours)(Path(path), rows)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put((elapsed, (peak - base) * 1024, Path(path).stat().st_size))


def measure(label: str, which: str, path: Path, n: int) -> tuple[float, float]:
    """Run one writer in a fresh process: wall time, and peak memory above the rows already built."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(label, which, str(path), n, queue))
    proc.start()
    elapsed, extra, size = queue.get()
    proc.join()
    print(f"{label:<28} {elapsed:7.2f} s   peak +{extra / 1e6:7.1f} MB   file {size / 1e6:6.1f} MB")
    return elapsed, extra


def main(argv: Iterator[str] | list[str]) -> None:
    args = list(argv)
    n = int(args[0]) if args else 100_000
    print(f"{n} dòng × {len(COLUMNS)} cột")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t_bare, m_bare = measure("openpyxl write-only (bare)", "bare", folder / "bare.xlsx", n)
        t_ours, m_ours = measure("export_rows", "ours", folder / "ours.xlsx", n)
    print(f"ratio time {t_ours / t_bare:.2f}×; peak memory above the rows: bare {m_bare / 1e6:.1f} MB, "
          f"export_rows {m_ours / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
