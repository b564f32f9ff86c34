"""What every benchmark hands to ``benchmarks/run_all.py``, and the small helpers they share.

Each benchmark script exposes::

    def run(size: int) -> list[dict]:   # one dict per measured row, made by ``result(...)``

``size`` is the benchmark's own scale (rows, pages, communes…); ``run_all.py`` chooses the sizes that fit its
time budget. A row is a plain dict (JSON-serialisable, so ``run_all.py`` can run each benchmark in a fresh
process and read its rows back)::

    {"name": "100 000 rows to .xlsx", "figure_ms": 5310.0, "baseline_ms": 4620.0, "ratio": 1.15,
     "goal": "≤ 1.2×", "met": True, "unit": "ms"}

``figure_ms`` and ``baseline_ms`` are times in milliseconds unless ``unit`` says otherwise (a memory row:
``unit="MiB"``); ``baseline_ms``/``ratio`` are ``None`` for an absolute figure (p95 of a search, peak
memory). ``goal`` is text for the table; ``met`` is decided here from the limits given to ``result``.

``main(run, default_size)`` makes a benchmark runnable alone: ``python benchmarks/bench_x.py [--size N]
[--json] [--workdir DIR]`` prints the table (or the rows as one JSON line, which is what ``run_all.py`` reads);
a benchmark whose ``run`` takes ``workdir`` keeps the data it generates there and reuses them.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Row = dict[str, Any]
JSON_MARK = "BENCHMARK-ROWS "  # the line run_all.py reads back from a benchmark's standard output


def result(name: str, figure_ms: float, baseline_ms: float | None = None, *, max_ratio: float | None = None,
           max_figure: float | None = None, unit: str = "ms", goal: str | None = None) -> Row:
    """One measured row. ``max_ratio`` bounds figure/baseline, ``max_figure`` the figure itself (in ``unit``);
    both may be given (a row meets its goal when it meets every limit given)."""
    ratio = figure_ms / baseline_ms if baseline_ms else None
    met = True
    parts = []
    if max_figure is not None:
        met = met and figure_ms <= max_figure
        parts.append(f"≤ {max_figure:g} {unit}")
    if max_ratio is not None:
        met = met and ratio is not None and ratio <= max_ratio
        parts.append(f"≤ {max_ratio:g}×")
    return {"name": name, "figure_ms": round(figure_ms, 3),
            "baseline_ms": None if baseline_ms is None else round(baseline_ms, 3),
            "ratio": None if ratio is None else round(ratio, 3), "goal": goal or ", ".join(parts) or "—",
            "met": met if parts else None, "unit": unit}


def timed(fn: Callable[[], Any]) -> float:
    """Wall time of one call, in milliseconds."""
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    """The fastest of ``repeat`` calls, in milliseconds (the least disturbed by other work on the machine)."""
    return min(timed(fn) for _ in range(repeat))


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if value < 1:
        return f"{value:.2f} {unit}"
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:.1f} s"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def table(rows: Iterable[Row]) -> str:
    """The rows as one plain-text table (Markdown pipe syntax, readable in a terminal and in docs/)."""
    lines = ["| measure | figure | baseline | ratio | goal | met? |", "|---|---:|---:|---:|---|---|"]
    for row in rows:
        unit = row.get("unit", "ms")
        ratio = "—" if row.get("ratio") is None else f"{row['ratio']:.2f}×"
        met = {True: "yes", False: "**no**", None: "—"}[row.get("met")]
        lines.append(f"| {row['name']} | {_figure(row['figure_ms'], unit)} | {_figure(row.get('baseline_ms'), unit)}"
                     f" | {ratio} | {row['goal']} | {met} |")
    return "\n".join(lines)


def main(run: Callable[..., list[Row]], default_size: int, argv: list[str] | None = None,
         description: str | None = None) -> int:
    """``python benchmarks/bench_x.py [--size N] [--json] [--workdir DIR]`` (``--workdir`` when ``run`` takes
    one: the generated data are kept there and reused by the next run)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=int, default=default_size, help=f"scale (default {default_size})")
    parser.add_argument("--json", action="store_true", help="print the rows as one JSON line (for run_all.py)")
    keeps = "workdir" in inspect.signature(run).parameters
    if keeps:
        parser.add_argument("--workdir", type=Path, help="keep the generated data here (reused by the next run)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    rows = run(args.size, workdir=args.workdir) if keeps else run(args.size)
    if args.json:
        print(JSON_MARK + json.dumps(rows, ensure_ascii=False), flush=True)
    else:
        print(table(rows))
    return 0
