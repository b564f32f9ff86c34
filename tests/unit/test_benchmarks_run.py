"""The benchmarks keep working: ``benchmarks/run_all.py --quick`` runs each at a tiny size and reads its rows.

No figure is asserted (a timed assertion would fail on a loaded machine); what is checked is that every
benchmark runs, gives rows in the common form with positive figures and ratios computed from them, and that
the table and the docs' marks are written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import common  # noqa: E402
import run_all  # noqa: E402

pytestmark = pytest.mark.sqlite_only  # the benchmarks measure their own databases, once is enough

KEYS = {"name", "figure_ms", "baseline_ms", "ratio", "goal", "met", "unit"}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(run_all.BENCHMARKS))
def test_every_benchmark_runs_and_gives_common_rows(name: str, tmp_path: Path) -> None:
    rows, seconds = run_all.run_one(name, run_all.BENCHMARKS[name][1], tmp_path, timeout=600)
    assert rows and seconds > 0
    for row in rows:
        assert set(row) == KEYS, row
        assert row["figure_ms"] > 0, row
        if row["baseline_ms"] is not None:
            assert row["baseline_ms"] > 0
            # figure and baseline are rounded to 0.001 in the row, the ratio is computed before rounding
            low = (row["figure_ms"] - 0.0005) / (row["baseline_ms"] + 0.0005)
            high = (row["figure_ms"] + 0.0005) / max(row["baseline_ms"] - 0.0005, 1e-9)
            assert low - 0.001 <= row["ratio"] <= high + 0.001, row
        if row["met"] is not None:
            assert row["goal"] != "—"


def test_a_row_meets_its_goal_only_within_every_limit() -> None:
    assert common.result("a", 15, 10, max_ratio=2)["met"] is True
    assert common.result("a", 25, 10, max_ratio=2)["met"] is False
    both = common.result("a", 150, 100, max_ratio=2, max_figure=100)
    assert both["met"] is False and both["goal"] == "≤ 100 ms, ≤ 2×"
    assert common.result("a", 5, None, max_figure=20)["met"] is True
    assert common.result("a", 5, None, max_ratio=2)["met"] is False  # no baseline: a ratio cannot be met
    plain = common.result("a", 5)
    assert plain["met"] is None and plain["ratio"] is None and plain["goal"] == "—"
    table = common.table([both, plain])
    assert "| a | 150 ms | 100 ms | 1.50× | ≤ 100 ms, ≤ 2× | **no** |" in table


def test_run_all_writes_its_table_between_the_marks_and_keeps_the_rest(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text(f"# Title\n\nbefore\n\n{run_all.BEGIN}\nold table\n{run_all.END}\n\nafter\n", encoding="utf-8")
    run_all.write_table(doc, "| new |")
    assert doc.read_text(encoding="utf-8") == (
        f"# Title\n\nbefore\n\n{run_all.BEGIN}\n| new |\n{run_all.END}\n\nafter\n")
    assert run_all.BEGIN in (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    plain = tmp_path / "plain.md"
    plain.write_text("# no marks\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        run_all.write_table(plain, "x")
    assert plain.read_text(encoding="utf-8") == "# no marks\n"


def test_run_all_exits_two_when_a_benchmark_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A benchmark that breaks is reported and the run goes on; the exit code says so."""

    def broken(name: str, size: int, workdir: Path, timeout: float) -> tuple[list[common.Row], float]:
        if name == "printing":
            raise RuntimeError("bench_printing gave no rows")
        return [common.result(f"{name} row", 1.0, 1.0, max_ratio=2)], 0.1

    monkeypatch.setattr(run_all, "run_one", broken)
    assert run_all.main(["--only", "printing", "excel", "--workdir", str(tmp_path)]) == 2
    assert run_all.main(["--only", "excel", "--workdir", str(tmp_path)]) == 0


def test_run_all_help_runs() -> None:
    done = subprocess.run([sys.executable, str(BENCH / "run_all.py"), "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "--workdir" in done.stdout
