"""How well target lists are read: the share of targets read right, and how honest the confidence is.

    .venv/bin/python scripts/score_target_reading.py

For each set of lists written for the tests (tests/fixtures/target_lists*.py) and for seed 000: targets read
right (measure, comparator, values, unit, sub-count, strictness and "trong đó" parent all as a person would
confirm them), high-confidence readings that are right, and wrong readings that are flagged for review.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures import target_lists, target_lists_second, target_lists_third  # noqa: E402
from tests.unit.test_target_parser import score  # noqa: E402


def main() -> int:
    total = {"targets": 0, "right": 0, "high": 0, "high_right": 0, "wrong": 0, "wrong_flagged": 0}
    for name, cases in (("first (tuning) set", target_lists.CASES), ("second set", target_lists_second.CASES),
                        ("third set", target_lists_third.CASES)):
        s = score(cases)
        for k in total:
            total[k] += s[k]
        print(f"{name:20} {s['right']:3}/{s['targets']:3} right ({s['right'] / s['targets']:.1%}); "
              f"high confidence right {s['high_right']}/{s['high']}; wrong ones flagged {s['wrong_flagged']}/{s['wrong']}")
    print(f"{'all':20} {total['right']:3}/{total['targets']:3} right ({total['right'] / total['targets']:.1%}); "
          f"high confidence right {total['high_right']}/{total['high']}; "
          f"wrong ones flagged {total['wrong_flagged']}/{total['wrong']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
