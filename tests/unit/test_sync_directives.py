"""The common case, from the command line as a user types it: two wards type their province's directive
themselves, send everything up, the province later issues the same directive and sends it down.

Province 92, wards 31120 and 31135: ``tdkt init``, keys exchanged both ways, ``tdkt demo`` in each ward
(which records Chỉ thị 12/CT-UBND of the province as the ward's own copy, with 9 targets and every result,
registration, participation, nomination and vote pointing at it). Nothing may be refused or lost at the
province; then each ward ends with one campaign for the directive and every record pointing at it, and
the province with nothing duplicated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tdkt_desktop.cli import main
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import open_store
from tdkt_desktop.store.directives import check_unique

PROVINCE, WARDS = "92", ("31120", "31135")
COUNTED = ("target_results", "registrations", "participations", "nominations", "votes")


def tdkt(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out + out.err


def counts(db: Path) -> dict[str, int]:
    with open_store(db) as store:
        return {t: store.count(t) for t in COUNTED}


def directive(db: Path) -> list[dict]:
    with open_store(db) as store:
        return store.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])


@pytest.fixture
def scene(tmp_path, capsys):
    dbs = {code: tmp_path / f"{code}.sqlite" for code in (PROVINCE, *WARDS)}
    for code, db in dbs.items():
        assert tdkt(capsys, "--db", str(db), "init", "--unit", code, "--operator", f"Cán bộ {code}")[0] == 0
        assert tdkt(capsys, "--db", str(db), "keys", "export", "--out", str(tmp_path / f"{code}.tdktkhoa"))[0] == 0
    for ward in WARDS:
        assert tdkt(capsys, "--db", str(dbs[PROVINCE]), "enroll", str(tmp_path / f"{ward}.tdktkhoa"), "--yes")[0] == 0
        assert tdkt(capsys, "enroll", "--db", str(dbs[ward]), str(tmp_path / f"{PROVINCE}.tdktkhoa"), "--yes")[0] == 0
        assert tdkt(capsys, "--db", str(dbs[ward]), "demo")[0] == 0
    return dbs


def test_wards_copies_of_the_directive_travel_up_then_link_to_the_genuine_one(scene, tmp_path, capsys):
    prov = scene[PROVINCE]
    ups = []
    for ward in WARDS:
        (copy,) = directive(scene[ward])
        assert (copy["owner_unit"], copy["doc_issuer"]) == (ward, PROVINCE)  # the ward's own record
        up = tmp_path / f"{ward}-up.tdktgoi"
        assert tdkt(capsys, "--db", str(scene[ward]), "bundle", "export", "--to", PROVINCE, "--out", str(up))[0] == 0
        ups.append(str(up))
    code, out = tdkt(capsys, "--db", str(prov), "bundle", "import", *ups)
    assert code == 0, out
    assert "bị từ chối" not in out and "Từ chối" not in out
    below = [counts(scene[w]) for w in WARDS]
    assert counts(prov) == {t: sum(c[t] for c in below) for t in COUNTED}
    assert below[0]["target_results"] > 0 and below[0]["votes"] > 0
    assert sorted(c["owner_unit"] for c in directive(prov)) == sorted(WARDS)  # the wards' reports of it

    # the province issues the same directive (12/CT-UBND of 15/12/2025) with two of its targets
    spec = tmp_path / "ct12.json"
    spec.write_text(json.dumps({"name": "Phong trào thi đua yêu nước năm 2026", "campaign_type": "regular",
                                "doc_kind": "CT", "doc_number": "12/CT-UBND", "doc_date": "15/12/2025",
                                "issued_by": PROVINCE, "year": 2026}, ensure_ascii=False), encoding="utf-8")
    code, out = tdkt(capsys, "--db", str(prov), "records", "add", "campaigns", "--file", str(spec))
    assert code == 0, out
    genuine_id = json.loads(out[out.index("["):])[0]
    targets = tmp_path / "targets.json"
    targets.write_text(json.dumps([
        {"campaign_id": genuine_id, "seq": 1, "measure": "Thu ngân sách nhà nước trên địa bàn", "comparator": "at_least",
         "value": 45000, "unit": "triệu đồng"},
        {"campaign_id": genuine_id, "seq": 2, "measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": 0.5,
         "unit": "%"},
    ], ensure_ascii=False), encoding="utf-8")
    assert tdkt(capsys, "--db", str(prov), "records", "add", "targets", "--file", str(targets))[0] == 0

    before = [counts(scene[w]) for w in WARDS]
    for ward in WARDS:
        down = tmp_path / f"{ward}-down.tdktgoi"
        assert tdkt(capsys, "--db", str(prov), "bundle", "export", "--to", ward, "--out", str(down))[0] == 0
        code, out = tdkt(capsys, "--db", str(scene[ward]), "bundle", "import", str(down))
        assert code == 0, out
        assert "Liên kết văn bản" in out and "12/CT-UBND" in out
        (one,) = directive(scene[ward])
        assert one["id"] == genuine_id and one["owner_unit"] == PROVINCE
        with open_store(scene[ward]) as store:
            for table in ("registrations", "participations"):
                assert {r["campaign_id"] for r in store.rows(table)} == {genuine_id}, table
            noms = [n for n in store.rows("nominations") if n["campaign_id"]]
            assert noms and {n["campaign_id"] for n in noms} - {genuine_id} <= {
                c["id"] for c in store.rows("campaigns", "doc_number != ?", ["12/CT-UBND"])}
            decided = [n for n in noms if n["status"] == "decided"]
            assert decided and all(n["campaign_id"] == genuine_id for n in decided)  # even the decided ones
            genuine_targets = {t["id"] for t in store.rows("targets", "campaign_id = ?", [genuine_id])}
            assert len(genuine_targets) == 9  # the province's 2, and the ward's 7 without a match
            matched = store.rows("targets", "linked_target_id IS NOT NULL", include_deleted=True)
            assert len(matched) == 2 and all(t["deleted"] for t in matched)
            results = store.db.execute(
                "SELECT t.campaign_id FROM target_results r JOIN targets t ON t.id = r.target_id "
                "WHERE r.deleted = 0 AND t.deleted = 0").fetchall()
            assert {r[0] for r in results} <= {genuine_id} | {
                c["id"] for c in store.rows("campaigns", "doc_number != ?", ["12/CT-UBND"])}
            assert genuine_id in {r[0] for r in results}
            # a second copy of the same document is refused, naming the first
            with pytest.raises(InputError) as err:
                check_unique(store, {"doc_issuer": PROVINCE, "doc_kind": "CT", "doc_number": "12/CT-UBND",
                                     "doc_date": "2025-12-15", "owner_unit": ward, "id": "x"})
            assert "12/CT-UBND" in str(err.value) and "một lần" in str(err.value)
    assert [counts(scene[w]) for w in WARDS] == before  # re-pointed, nothing duplicated or lost

    # the re-pointing travels up: one campaign for the directive at the province, nothing duplicated
    ups = []
    for ward in WARDS:
        up = tmp_path / f"{ward}-up2.tdktgoi"
        assert tdkt(capsys, "--db", str(scene[ward]), "bundle", "export", "--to", PROVINCE, "--out", str(up))[0] == 0
        ups.append(str(up))
    code, out = tdkt(capsys, "--db", str(prov), "bundle", "import", *ups)
    assert code == 0, out
    assert [c["id"] for c in directive(prov)] == [genuine_id]
    below = [counts(scene[w]) for w in WARDS]
    assert counts(prov) == {t: sum(c[t] for c in below) for t in COUNTED}
    with open_store(prov) as store:
        for table in ("registrations", "participations"):
            assert {r["campaign_id"] for r in store.rows(table)} <= {genuine_id} | {
                c["id"] for c in store.rows("campaigns", "doc_number != ?", ["12/CT-UBND"])}
    # and every side agrees nothing waits
    for db in scene.values():
        code, out = tdkt(capsys, "--db", str(db), "bundle", "status")
        assert "bị từ chối" not in out.split("Chờ gửi")[0]
        assert "chờ bản ghi liên quan" not in out
