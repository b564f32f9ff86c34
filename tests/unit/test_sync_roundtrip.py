"""Round trip between a province, its communes and a commune's school: up, down, incremental."""

from __future__ import annotations

import pytest

from tdkt_desktop.cli import EXIT_OK
from tdkt_desktop.store.db import check_integrity
from tdkt_desktop.sync import (
    export_bundle,
    import_bundles,
    import_history,
    list_reviews,
    outgoing_history,
)

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    SCHOOL,
    canonical_dump,
    make_node,
    nomination,
    pair,
    person,
    send,
)


@pytest.fixture
def net(tmp_path):
    nodes = {code: make_node(tmp_path, code) for code in (PROVINCE, *COMMUNES, SCHOOL)}
    for c in COMMUNES:
        pair(nodes[PROVINCE], nodes[c])
    pair(nodes[COMMUNES[0]], nodes[SCHOOL])
    yield nodes
    for s in nodes.values():
        s.close()


def test_round_trip_up_and_down(net, tmp_path):
    prov, c1, c2, school = net[PROVINCE], net[COMMUNES[0]], net[COMMUNES[1]], net[SCHOOL]
    campaign = prov.insert("campaigns", {"name": "Thi đua yêu nước năm 2025", "campaign_type": "regular",
                                         "year": 2025, "issued_by": PROVINCE})
    t_all = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Hộ nghèo giảm", "comparator": "at_least",
                                    "value": 1.5})
    t_c1 = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Trường đạt chuẩn", "comparator": "count",
                                   "value": 2, "assigned_unit": COMMUNES[0]})
    prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Chợ văn minh", "comparator": "count",
                            "value": 1, "assigned_unit": COMMUNES[1]})

    # downward: campaigns and targets reach the communes; the commune relays them to its school
    for c in (c1, c2):
        report = import_bundles(c, [send(prov, c, tmp_path)])
        assert report.exit_code == EXIT_OK, report.summary()
    assert c1.get("campaigns", campaign["id"])["name"] == "Thi đua yêu nước năm 2025"
    assert {t["id"] for t in c1.rows("targets")} == {t_all["id"], t_c1["id"]}
    assert c2.count("targets") == 2
    assert import_bundles(school, [send(c1, school, tmp_path)]).exit_code == EXIT_OK
    assert school.get("campaigns", campaign["id"]) is not None

    # the school enters its own nomination and sends it to its commune
    teacher = person(school, "Lê Thị Hồng")
    school_nom = nomination(school, teacher, campaign_id=campaign["id"], title="BANG_KHEN_TINH", status="submitted")
    assert import_bundles(c1, [send(school, c1, tmp_path)]).exit_code == EXIT_OK
    assert c1.get("nominations", school_nom["id"]) is not None

    # the commune's own records
    people = [person(c1, f"Nguyễn Văn {i}") for i in range(5)]
    noms = [nomination(c1, p, campaign_id=campaign["id"], title="BANG_KHEN_TINH", status="submitted") for p in people]
    c1.insert("target_results", {"target_id": t_c1["id"], "unit_code": COMMUNES[0], "period": "2025", "value": 3})
    c1.insert("participations", {"campaign_id": campaign["id"], "period": "2025", "unit_code": COMMUNES[0],
                                 "people_count": 120})
    person(c2, "Trần Thị Bé")

    up1 = send(c1, prov, tmp_path)
    report = import_bundles(prov, [up1, send(c2, prov, tmp_path)])
    assert report.exit_code == EXIT_OK, report.summary()
    totals = report.totals()
    assert totals["people"]["new"] == 5 + 1 + 1  # commune 1, its school, commune 2
    assert totals["nominations"]["new"] == 6
    assert totals["units"]["new"] == 1  # the school's unit row, now known above
    assert prov.unit_by_code(SCHOOL)["parent_code"] == COMMUNES[0]
    assert prov.count("nominations") == 6
    assert prov.count("target_results", "unit_code = ?", [COMMUNES[0]]) == 1
    # nothing duplicated: the same bundle again changes nothing
    again = import_bundles(prov, [up1])
    assert [b.status for b in again.bundles] == ["already"]
    assert prov.count("nominations") == 6

    # the province appraises, decides, and sends the results down
    prov.update("nominations", noms[0]["id"], {"status": "approved", "appraisal_note": "Đủ tiêu chuẩn"})
    prov.update("nominations", school_nom["id"], {"status": "returned", "status_reason": "Thiếu biên bản"})
    decision = prov.insert("decisions", {"number": "123/QĐ-UBND", "decision_date": "2025-12-20",
                                         "issuer_unit": PROVINCE, "status": "signed"})
    prov.insert("decision_awardees", {"decision_id": decision["id"], "nomination_id": noms[0]["id"],
                                      "subject_kind": "person", "subject_id": people[0]["id"],
                                      "subject_name": people[0]["full_name"], "title_code": "BANG_KHEN_TINH"})
    down = import_bundles(c1, [send(prov, c1, tmp_path)])
    assert down.exit_code == EXIT_OK, down.summary()
    assert c1.get("nominations", noms[0]["id"])["status"] == "approved"
    assert c1.get("decisions", decision["id"])["number"] == "123/QĐ-UBND"
    assert c1.count("decision_awardees") == 1
    # commune 2 gets no decision that does not concern it
    import_bundles(c2, [send(prov, c2, tmp_path)])
    assert c2.count("decisions") == 0 and c2.count("nominations") == 0

    # the commune relays the appraisal of its school's nomination down to the school
    assert import_bundles(school, [send(c1, school, tmp_path)]).exit_code == EXIT_OK
    assert school.get("nominations", school_nom["id"])["status"] == "returned"

    # the next upward bundle is incremental after the acknowledgement
    person(c1, "Phạm Văn Mới")
    info = export_bundle(c1, PROVINCE, tmp_path / "up2.tdktgoi")
    assert info.counts == {"people": 1}
    assert info.seq_from > 1
    report = import_bundles(prov, [tmp_path / "up2.tdktgoi"])
    assert report.totals()["people"] == {"new": 1, "updated": 0, "merged": 0, "unchanged": 0, "stale": 0,
                                         "conflict": 0, "held": 0, "rejected": 0}
    # both sides agree on every record the commune owns
    for table in ("people", "nominations", "target_results", "participations"):
        below = [r for r in canonical_dump(c1)[table] if r["owner_unit"] in (COMMUNES[0], SCHOOL)]
        above = [r for r in canonical_dump(prov)[table] if r["owner_unit"] in (COMMUNES[0], SCHOOL)]
        assert below == above, table
    assert not list_reviews(prov) and not list_reviews(c1)
    assert check_integrity(prov) == [] and check_integrity(c1) == []
    assert len(import_history(prov)) == 3
    assert outgoing_history(c1, PROVINCE)[0]["acked_at"] is not None


def test_full_bundle_resends_everything(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    for i in range(3):
        person(c1, f"Người {i}")
    import_bundles(prov, [send(c1, prov, tmp_path)])
    import_bundles(c1, [send(prov, c1, tmp_path)])  # carries the acknowledgement
    assert export_bundle(c1, PROVINCE, tmp_path / "inc.tdktgoi").counts == {}
    full = export_bundle(c1, PROVINCE, tmp_path / "full.tdktgoi", full=True)
    assert full.counts["people"] == 3
    report = import_bundles(prov, [tmp_path / "full.tdktgoi"])
    assert report.totals()["people"]["unchanged"] == 3
    assert report.exit_code == EXIT_OK


def test_dry_run_writes_nothing(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    person(c1, "Võ Thị Sáu")
    path = send(c1, prov, tmp_path)
    before = canonical_dump(prov)
    report = import_bundles(prov, [path], dry_run=True)
    assert report.bundles[0].status == "checked"
    assert report.totals()["people"]["new"] == 1
    assert "CHẠY THỬ" in report.summary()
    assert canonical_dump(prov) == before
    assert import_history(prov) == []
    assert import_bundles(prov, [path]).bundles[0].status == "merged"


def test_folder_import_and_report_dict(net, tmp_path):
    prov = net[PROVINCE]
    folder = tmp_path / "inbox"
    folder.mkdir()
    for code in COMMUNES:
        person(net[code], f"Cán bộ {code}")
        send(net[code], prov, folder)
    report = import_bundles(prov, [folder])
    assert [b.from_unit for b in report.bundles] == sorted(COMMUNES)
    data = report.to_dict()
    assert data["totals"]["people"]["new"] == 3
    assert data["exit_code"] == 0
    assert "đã hợp nhất" in report.summary()
