"""Every benchmark at a size that fits in ten minutes on two cores, and one table of ratios.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--workdir DIR] [--only NAME …]
        [--write docs/performance.md] [--quick]

Each benchmark runs in a fresh Python process (``run(size)`` of ``benchmarks/bench_NAME.py``, see
``benchmarks/common.py``), one after the other, so that none measures while another works. The table gives each
measured figure, the baseline measured in the same run, their ratio and the goal; the exit code is 0 when every
goal is met, 1 when one is not, 2 when a benchmark failed. ``--workdir`` keeps the generated databases and bundles
for the next run (generating them is most of a first run's time); ``--write`` puts the table, the command and the
machine into the file between its ``run_all`` marks; ``--quick`` runs every benchmark at a tiny size, to check that
they all still work (its figures mean nothing).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402

# name: (size for the table, size for --quick, what the size counts)
BENCHMARKS: dict[str, tuple[int, int, str]] = {
    "startup": (200_000, 2_000, "nominations"),
    "gui_models": (200_000, 2_000, "nominations"),
    "search": (1_000_000, 5_000, "people"),
    "sync": (40, 2, "communes"),
    "excel": (100_000, 2_000, "rows"),
    "printing": (1_000, 10, "pages"),
    "server": (34, 1, "wards × 5 years"),
}
BEGIN, END = "<!-- run_all:begin -->", "<!-- run_all:end -->"

_CHILD = """
import inspect, json, pathlib, sys
sys.path.insert(0, {here!r})
import common
import bench_{name} as bench
kwargs = {{"workdir": pathlib.Path({workdir!r})}} if "workdir" in inspect.signature(bench.run).parameters else {{}}
rows = bench.run({size}, **kwargs)
print(common.JSON_MARK + json.dumps(rows, ensure_ascii=False), flush=True)
"""


def run_one(name: str, size: int, workdir: Path, timeout: float) -> tuple[list[common.Row], float]:
    """The rows of one benchmark, run in a fresh process, and the seconds it took (generation included)."""
    folder = workdir / name
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD.format(here=str(HERE), name=name, size=size,
                                                                  workdir=str(folder))],
                          capture_output=True, text=True, timeout=timeout, env=env)
    elapsed = time.perf_counter() - started
    for line in done.stdout.splitlines():
        if line.startswith(common.JSON_MARK):
            return json.loads(line[len(common.JSON_MARK):]), elapsed
    raise RuntimeError(f"bench_{name} gave no rows (exit {done.returncode}):\n{done.stderr[-3000:]}")


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
            f" load average before the run {load}")


def write_table(path: Path, text: str) -> None:
    """Put ``text`` between the file's run_all marks (the marks and the rest of the file kept)."""
    old = path.read_text(encoding="utf-8")
    if BEGIN not in old or END not in old:
        raise SystemExit(f"{path} has no {BEGIN} … {END} marks")
    head, rest = old.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="keep the generated data here and reuse them (default: a "
                                                     "temporary folder, removed at the end)")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that every benchmark works")
    parser.add_argument("--write", type=Path, help="write the table into this Markdown file (between its marks)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed to one benchmark (1800)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    names = args.only or list(BENCHMARKS)
    before = machine()
    temporary = tempfile.TemporaryDirectory(prefix="tdkt-bench-") if args.workdir is None else None
    workdir = args.workdir or Path(temporary.name)  # type: ignore[union-attr]
    rows: list[common.Row] = []
    failed: list[str] = []
    timings: list[str] = []
    started = time.perf_counter()
    try:
        for name in names:
            size = BENCHMARKS[name][1 if args.quick else 0]
            print(f"bench_{name} ({size:,} {BENCHMARKS[name][2]}) …", file=sys.stderr, flush=True)
            try:
                got, seconds = run_one(name, size, workdir, args.timeout)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                failed.append(name)
                print(f"bench_{name} failed: {exc}", file=sys.stderr, flush=True)
                continue
            rows.extend(got)
            timings.append(f"{name} {seconds:.0f} s")
    finally:
        if temporary is not None:
            temporary.cleanup()
    total = time.perf_counter() - started
    met = sum(1 for r in rows if r.get("met") is True)
    goals = sum(1 for r in rows if r.get("met") is not None)
    command = "python benchmarks/run_all.py " + " ".join(a for a in (sys.argv[1:] if argv is None else argv))
    text = "\n".join([
        common.table(rows),
        "",
        f"{met} of {goals} goals met; {_dt.date.today():%d/%m/%Y}, {total / 60:.1f} min ({'; '.join(timings)}).",
        f"Machine: {before}.",
        f"Command: `{command.strip()}`" + (f"; failed: {', '.join(failed)}" if failed else ""),
    ])
    print(text)
    if args.write is not None:
        write_table(args.write, text)
    if failed:
        return 2
    return 0 if met == goals else 1


if __name__ == "__main__":
    raise SystemExit(main())
