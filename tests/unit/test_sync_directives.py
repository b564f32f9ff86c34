"""The common case, with the ``tdkt`` command only (each step a separate process, as a user or a script runs
it): two wards type their province's directive themselves, send everything up, the province later issues the
same directive and sends it down.

Province 92, wards 31120 and 31135: ``tdkt init``, keys exchanged both ways, ``tdkt demo`` in each ward
(which records Chỉ thị 12/CT-UBND of the province as the ward's own copy, with 9 targets and every result,
registration, participation, nomination and vote pointing at it). Nothing may be refused or lost at the
province: its counts are the sum of the wards'. Then each ward ends with one campaign for the directive and
every record pointing at it, and the province with one campaign for it and nothing duplicated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROVINCE, WARDS = "92", ("31120", "31135")
COUNTED = ("target_results", "registrations", "participations", "nominations", "votes")
NUMBER = "12/CT-UBND"


class Tdkt:
    """``tdkt --db UNIT.sqlite …`` in a separate process; the exit code is checked, never a traceback."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {**os.environ, "HOME": str(root), "XDG_DATA_HOME": str(root / "data"),
                    "XDG_CONFIG_HOME": str(root / "config"), "QT_QPA_PLATFORM": "offscreen"}

    def db(self, unit: str) -> str:
        return str(self.root / f"{unit}.sqlite")

    def run(self, unit: str, *argv: str, expect: tuple[int, ...] = (0,), db_first: bool = True) -> tuple[int, str]:
        db = ["--db", self.db(unit)]
        cmd = [sys.executable, "-m", "tdkt_desktop", *(db + list(argv) if db_first else [*argv[:1], *db, *argv[1:]])]
        done = subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=300, check=False)
        assert done.returncode in expect, (argv, done.returncode, done.stdout[-3000:], done.stderr)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    def __call__(self, unit: str, *argv: str, expect: tuple[int, ...] = (0,), db_first: bool = True) -> str:
        return self.run(unit, *argv, expect=expect, db_first=db_first)[1]

    def records(self, unit: str, kind: str, *where: str, deleted: bool = False) -> list[dict[str, Any]]:
        argv = ["records", "list", kind, "--json", "--limit", "1000000"]
        for w in where:
            argv += ["--where", w]
        if deleted:
            argv.append("--deleted")
        return list(json.loads(self(unit, *argv)))

    def counts(self, unit: str) -> dict[str, int]:
        """Live records per kind: ``tdkt stats`` (which does not count votes) and ``tdkt records list votes``."""
        stats = json.loads(self(unit, "stats", "--json"))
        return {kind: len(self.records(unit, kind)) if kind == "votes" else int(stats[kind]) for kind in COUNTED}

    def directive(self, unit: str) -> list[dict[str, Any]]:
        return self.records(unit, "campaigns", f"doc_number={NUMBER}")

    def file(self, name: str, data: Any) -> str:
        path = self.root / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return str(path)

    def bundle(self, src: str, dst: str, name: str) -> str:
        path = str(self.root / f"{name}.tdktgoi")
        self(src, "bundle", "export", "--to", dst, "--out", path)
        return path


@pytest.fixture
def t(tmp_path) -> Tdkt:
    t = Tdkt(tmp_path)
    for unit in (PROVINCE, *WARDS):
        t(unit, "init", "--unit", unit, "--operator", f"Cán bộ {unit}", db_first=unit != WARDS[0])
        t(unit, "keys", "export", "--out", str(tmp_path / f"{unit}.tdktkhoa"))
    for ward in WARDS:
        t(PROVINCE, "enroll", str(tmp_path / f"{ward}.tdktkhoa"), "--yes")
        t(ward, "enroll", str(tmp_path / f"{PROVINCE}.tdktkhoa"), "--yes", db_first=False)
        t(ward, "demo")
    return t


def summed(t: Tdkt) -> dict[str, int]:
    below = [t.counts(w) for w in WARDS]
    return {kind: sum(c[kind] for c in below) for kind in COUNTED}


def test_wards_copies_of_the_directive_travel_up_then_link_to_the_genuine_one(t):
    for ward in WARDS:
        (copy,) = t.directive(ward)
        assert (copy["owner_unit"], copy["issued_by"], copy["doc_issuer"]) == (ward, ward, PROVINCE)  # its own record
    ups = [t.bundle(ward, PROVINCE, f"{ward}-up") for ward in WARDS]
    code, out = t.run(PROVINCE, "bundle", "import", *ups)
    assert code == 0, out
    assert "bị từ chối" not in out and "chờ bản ghi liên quan" not in out
    wards_total = summed(t)
    assert wards_total["target_results"] > 0 and wards_total["votes"] > 0 and wards_total["nominations"] > 0
    assert t.counts(PROVINCE) == wards_total  # nothing refused, nothing lost
    assert sorted(c["owner_unit"] for c in t.directive(PROVINCE)) == sorted(WARDS)  # the wards' reports of it
    status = json.loads(t.run(PROVINCE, "bundle", "status", "--json", expect=(0, 3))[1])
    assert (status["held_rows"], status["refused_here"], status["open_reviews"]) == ([], [], 0)  # nothing waits

    # the province issues the same directive (12/CT-UBND of 15/12/2025) with two of its targets
    (genuine_id,) = json.loads(t(PROVINCE, "records", "add", "campaigns", "--file", t.file("ct12.json", {
        "name": "Phong trào thi đua yêu nước năm 2026", "campaign_type": "regular", "doc_kind": "CT",
        "doc_number": NUMBER, "doc_date": "15/12/2025", "issued_by": PROVINCE, "year": 2026})))
    t(PROVINCE, "records", "add", "targets", "--file", t.file("targets.json", [
        {"campaign_id": genuine_id, "seq": 1, "measure": "Thu ngân sách nhà nước trên địa bàn",
         "comparator": "at_least", "value": 45000, "unit": "triệu đồng"},
        {"campaign_id": genuine_id, "seq": 2, "measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": 0.5,
         "unit": "%"},
    ]))

    before = {w: t.counts(w) for w in WARDS}
    for ward in WARDS:
        code, out = t.run(ward, "bundle", "import", t.bundle(PROVINCE, ward, f"{ward}-down"))
        assert code == 0, out
        assert "Liên kết văn bản" in out and NUMBER in out
        (one,) = t.directive(ward)
        assert (one["id"], one["owner_unit"]) == (genuine_id, PROVINCE)
        assert t.counts(ward) == before[ward]  # re-pointed, nothing duplicated or lost
        others = {c["id"] for c in t.records(ward, "campaigns")} - {genuine_id}
        for kind in ("registrations", "participations"):
            assert {r["campaign_id"] for r in t.records(ward, kind)} == {genuine_id}, kind
        noms = [n for n in t.records(ward, "nominations") if n["campaign_id"]]
        assert noms and {n["campaign_id"] for n in noms} <= {genuine_id} | others
        decided = [n for n in noms if n["status"] == "decided"]
        assert decided and {n["campaign_id"] for n in decided} == {genuine_id}  # even the decided ones
        targets = {x["id"]: x for x in t.records(ward, "targets")}
        assert len([x for x in targets.values() if x["campaign_id"] == genuine_id]) == 9  # the province's 2, 7 moved
        matched = t.records(ward, "targets", deleted=True)
        assert len([x for x in matched if x["linked_target_id"] and x["deleted"]]) == 2
        results = t.records(ward, "target_results")
        assert {targets[r["target_id"]]["campaign_id"] for r in results} <= {genuine_id} | others
        assert genuine_id in {targets[r["target_id"]]["campaign_id"] for r in results}
        # a second copy of the same document is refused, naming the first
        code, out = t.run(ward, "records", "add", "campaigns", "--file", t.file(f"{ward}-again.json", {
            "name": "Nhập lại chỉ thị", "campaign_type": "regular", "doc_issuer": PROVINCE, "doc_kind": "CT",
            "doc_number": NUMBER, "doc_date": "15/12/2025"}), expect=(1,))
        assert NUMBER in out and "một lần" in out
        assert len(t.directive(ward)) == 1

    # the re-pointing travels up: one campaign for the directive at the province, nothing duplicated
    ups = [t.bundle(ward, PROVINCE, f"{ward}-up2") for ward in WARDS]
    code, out = t.run(PROVINCE, "bundle", "import", *ups)
    assert code == 0, out
    assert [c["id"] for c in t.directive(PROVINCE)] == [genuine_id]
    assert t.counts(PROVINCE) == summed(t) == wards_total
    campaigns = {c["id"] for c in t.records(PROVINCE, "campaigns")}
    for kind in ("registrations", "participations", "nominations"):
        assert {r["campaign_id"] for r in t.records(PROVINCE, kind) if r["campaign_id"]} <= campaigns, kind
    assert sum(r["campaign_id"] == genuine_id for r in t.records(PROVINCE, "registrations")) == sum(
        r["campaign_id"] == genuine_id for w in WARDS for r in t.records(w, "registrations"))

    # the province's next bundle acknowledges everything: every side agrees nothing waits
    for ward in WARDS:
        assert t.run(ward, "bundle", "import", t.bundle(PROVINCE, ward, f"{ward}-down2"))[0] == 0
    for unit in (PROVINCE, *WARDS):
        code, out = t.run(unit, "bundle", "status", expect=(0, 3))
        assert code == 0, out
        assert "bị từ chối" not in out and "chờ bản ghi liên quan" not in out
