#!/usr/bin/env python3
"""Mutation testing of one module at a time against its own tests (mutmut).

Usage (through ``scripts/mutation.sh``, which sets up the virtual environment first)::

    scripts/mutation.sh core/text.py core/targets.py     # paths below src/tdkt_desktop/
    scripts/mutation.sh tdkt_desktop.sync.importer       # or dotted module names
    scripts/mutation.sh --fail-under 80 core/text.py     # exit 1 when a score is lower
    scripts/mutation.sh --only '*_apply_row*' sync/importer.py   # a sample: these functions' mutants only

Each module runs in a working folder of its own, ``build/mutation/<module>/``: links to ``src``,
``tests``, ``resources`` and ``forms``, and a copy of ``pyproject.toml`` whose ``[tool.mutmut]``
section (shared settings) gets this module as ``only_mutate`` and this module's tests as the test
selection. mutmut copies that folder into ``mutants/`` there, mutates only the module, maps each
mutated function to the tests that run it and runs only those for each mutant. The folder is
rebuilt on every run (no stale verdicts); mutmut's log stays in it as ``mutmut.log``.

Printed per module: ``killed K of N (S %)`` — killed counts mutants a test failed on or that
timed out; N is every mutant mutmut made (those no test runs count as survivors) — then each
surviving mutant with its diff.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "tdkt_desktop"
WORK = ROOT / "build" / "mutation"
LINKED = ("src", "tests", "resources", "forms")

# A module's own tests: tests/unit/test_<name>.py and tests/unit/test_<name>_*.py, unless listed here.
OWN_TESTS: dict[str, tuple[str, ...]] = {
    # the Vietnamese sort keys and name capitalisation are pinned in files of their own
    "core/text.py": ("tests/unit/test_text.py", "tests/unit/test_text_*.py", "tests/unit/test_name_case.py",
                     "tests/unit/test_sort_keys.py"),
    "sync/importer.py": ("tests/unit/test_sync_pinned_importer.py", "tests/unit/test_sync_pinned_waiting.py"),
    "sync/fieldmerge.py": ("tests/unit/test_sync_pinned_fieldmerge.py",),
    "sync/held.py": ("tests/unit/test_sync_pinned_held.py",),
    "sync/scope.py": ("tests/unit/test_sync_*.py",),
    "store/authority.py": ("tests/unit/test_sync_pinned_authority.py",),
    # the index kept current by the store's writes and by the sync writer, and named again with the unit's words
    "store/search.py": ("tests/unit/test_search.py", "tests/unit/test_naming.py", "tests/unit/test_store.py",
                        "tests/unit/test_sync_writer.py"),
    "excel/styles.py": ("tests/unit/test_excel_styles.py", "tests/unit/test_excel_export*.py"),
}

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
NOT_COUNTED = {"skipped"}


@dataclass
class Outcome:
    module: str
    statuses: Counter[str] = field(default_factory=Counter)
    survivors: list[tuple[str, str, str]] = field(default_factory=list)  # (name, status, diff)

    @property
    def total(self) -> int:
        return sum(n for status, n in self.statuses.items() if status not in NOT_COUNTED)

    @property
    def killed(self) -> int:
        return sum(n for status, n in self.statuses.items() if status in KILLED)

    @property
    def score(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 0.0


def module_path(given: str) -> str:
    """``core/text.py`` for "core/text.py", "src/tdkt_desktop/core/text.py" or "tdkt_desktop.core.text"."""
    text = given.strip().removeprefix("./").removeprefix("src/").removeprefix("tdkt_desktop/")
    if not text.endswith(".py"):
        text = text.removeprefix("tdkt_desktop.").replace(".", "/") + ".py"
    if not (PACKAGE / text).is_file():
        raise SystemExit(f"No module {given!r} (looked for {PACKAGE / text}).")
    return text


def own_tests(module: str) -> list[str]:
    """The test files of ``module`` (paths relative to the repository)."""
    patterns = OWN_TESTS.get(module)
    if patterns is None:
        stem = Path(module).stem
        patterns = (f"tests/unit/test_{stem}.py", f"tests/unit/test_{stem}_*.py")
    files = sorted({str(p.relative_to(ROOT)) for pattern in patterns for p in ROOT.glob(pattern)})
    return files


def _toml_value(value: object) -> str:
    # JSON strings, lists of strings, numbers and booleans are valid TOML.
    return json.dumps(value, ensure_ascii=False)


def project_config(module: str, tests: list[str]) -> str:
    """pyproject.toml for the working folder: the project's, with this module's [tool.mutmut]."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    shared = dict(tomllib.loads(text).get("tool", {}).get("mutmut", {}))
    shared["only_mutate"] = [f"src/tdkt_desktop/{module}"]
    shared["pytest_add_cli_args_test_selection"] = tests
    kept: list[str] = []
    skipping = False
    for line in text.splitlines():
        if line.startswith("["):
            skipping = line.strip() == "[tool.mutmut]"
        if not skipping:
            kept.append(line)
    section = ["", "[tool.mutmut]", *(f"{key} = {_toml_value(value)}" for key, value in shared.items())]
    return "\n".join(kept + section) + "\n"


def prepare(module: str, tests: list[str]) -> Path:
    work = WORK / module.removesuffix(".py").replace("/", ".")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for name in LINKED:
        (work / name).symlink_to(os.path.relpath(ROOT / name, work))
    (work / "pyproject.toml").write_text(project_config(module, tests), encoding="utf-8")
    return work


def run_mutmut(work: Path, jobs: int | None, only: list[str]) -> int:
    command = [str(Path(sys.executable).with_name("mutmut")), "run"]
    if jobs:
        command += ["--max-children", str(jobs)]
    command += only
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with open(work / "mutmut.log", "w", encoding="utf-8") as log:
        return subprocess.run(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, check=False).returncode


def collect(module: str, work: Path, *, sample: bool = False) -> Outcome:
    """Read mutmut's verdicts (``mutants/<file>.meta``) and the diffs of the survivors; in a sample
    (``--only``), the mutants left out are not counted."""
    os.chdir(work)  # mutmut reads its configuration and mutants from the working folder
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    outcome = Outcome(module)
    source = f"src/tdkt_desktop/{module}"
    meta = json.loads(Path("mutants", source + ".meta").read_text(encoding="utf-8"))
    for name, code in sorted(meta["exit_code_by_key"].items()):
        status = status_by_exit_code[code]
        if sample and code is None:
            continue
        outcome.statuses[status] += 1
        if status not in KILLED | NOT_COUNTED:
            outcome.survivors.append((name, status, get_diff_for_mutant(name, path=source)))
    os.chdir(ROOT)
    return outcome


def confirm(work: Path, tests: list[str], outcome: Outcome) -> None:
    """Run each survivor against every one of the module's own tests. mutmut runs a mutant only against the tests
    its statistics saw reach the function, and a fixture computed once for a module is seen by its first test
    alone: a mutant that a later test kills would otherwise be listed as a survivor."""
    kept = []
    for name, status, diff in outcome.survivors:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MUTANT_UNDER_TEST=name, PYTHONPATH="src")
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                              cwd=work / "mutants", env=env, capture_output=True, text=True, check=False)
        if done.returncode == 1:  # a test failed: killed by a test mutmut did not run
            outcome.statuses[status] -= 1
            outcome.statuses["killed"] += 1
        else:
            kept.append((name, status, diff))
    outcome.survivors = kept


def report(outcome: Outcome, *, diffs: bool) -> None:
    rest = ", ".join(f"{status} {n}" for status, n in sorted(outcome.statuses.items()) if status != "killed" and n)
    print(f"{outcome.module}: killed {outcome.killed} of {outcome.total} ({outcome.score:.1f} %)  [{rest}]")
    for name, status, diff in outcome.survivors:
        print(f"  {status}: {name}")
        if diffs:
            for line in diff.splitlines()[2:]:
                if line.startswith(("+", "-")):
                    print(f"      {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="core/text.py, sync/importer.py, tdkt_desktop.core.targets …")
    parser.add_argument("--fail-under", type=float, help="exit 1 when a module scores below this percentage")
    parser.add_argument("--jobs", type=int, help="mutants run in parallel (default: one per CPU)")
    parser.add_argument("--no-diff", action="store_true", help="list surviving mutants by name only")
    parser.add_argument("--only", action="append", default=[], metavar="PATTERN",
                        help="a sample: only the mutants whose name matches (fnmatch, e.g. '*_apply_row*'); repeatable")
    args = parser.parse_args(argv)
    if not args.modules:
        parser.error("name at least one module, e.g. core/text.py")
    outcomes = []
    for given in args.modules:
        module = module_path(given)
        tests = own_tests(module)
        if not tests:
            raise SystemExit(f"{module}: no tests of its own (tests/unit/test_{Path(module).stem}*.py).")
        work = prepare(module, tests)
        print(f"{module}: mutmut against {' '.join(tests)} (log: {work.relative_to(ROOT)}/mutmut.log)", flush=True)
        code = run_mutmut(work, args.jobs, args.only)
        if code != 0:
            print(f"{module}: mutmut stopped with exit code {code}; see {work / 'mutmut.log'}", file=sys.stderr)
            return 2
        outcome = collect(module, work, sample=bool(args.only))
        confirm(work, tests, outcome)
        report(outcome, diffs=not args.no_diff)
        outcomes.append(outcome)
    if len(outcomes) > 1:
        print()
        for outcome in outcomes:
            print(f"{outcome.module}: killed {outcome.killed} of {outcome.total} ({outcome.score:.1f} %)")
    if args.fail_under is not None and any(o.score < args.fail_under for o in outcomes):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
