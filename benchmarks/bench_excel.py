"""Excel export at scale: rows through the exporter against bare openpyxl write-only mode.

``python benchmarks/bench_excel.py [--size ROWS] [--json]`` (default 100 000 rows × 7 columns, Linux/macOS).
Both write the same values to a temporary folder in the same run, each in a fresh process, alternately,
three times; the rows give the best time of each and their ratio (goal ≤ 1.2×), and the peak resident
memory of each above the rows already built. The exporter adds title rows, header style, borders, number
formats per column kind through shared named styles, widths, frozen panes, auto-filter, page setup and an
atomic rename on top of the bare writer.
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common
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


def _child(which: str, path: str, n: int, queue: Any) -> None:
    import resource

    rows = make_rows(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    (bare if which == "bare" else ours)(Path(path), rows)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    queue.put((elapsed * 1000, (peak - base) * scale / 2**20))


def measure(which: str, path: Path, n: int) -> tuple[float, float]:
    """One writer in a fresh process: wall time (ms) and peak memory above the rows already built (MiB)."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(which, str(path), n, queue))
    proc.start()
    elapsed, extra = queue.get()
    proc.join()
    return elapsed, extra


def run(size: int, repeat: int = 3) -> list[common.Row]:
    times: dict[str, list[float]] = {"bare": [], "ours": []}
    memory: dict[str, list[float]] = {"bare": [], "ours": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            for which in ("bare", "ours"):
                elapsed, extra = measure(which, Path(tmp) / f"{which}.xlsx", size)
                times[which].append(elapsed)
                memory[which].append(extra)
    label = f"{size:,}".replace(",", " ")
    return [
        common.result(f"{label} rows to .xlsx (vs bare openpyxl write-only)", min(times["ours"]),
                      min(times["bare"]), max_ratio=1.2),
        common.result(f"{label} rows to .xlsx: peak memory above the rows", min(memory["ours"]),
                      min(memory["bare"]), unit="MiB"),
    ]


if __name__ == "__main__":
    raise SystemExit(common.main(run, 100_000, description=__doc__))
