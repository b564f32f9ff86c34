"""Campaigns saved with their targets: "trong đó" links, unconfirmed flags kept until confirmed, one
transaction, and the new target columns travelling in sync bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_OK
from tdkt_desktop.core.directive import read_directive
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.campaigns import (
    campaign_targets,
    delete_campaign,
    proposal_rows,
    restore_campaign,
    review_flags,
    save_campaign,
)
from tdkt_desktop.store.db import NotFound
from tdkt_desktop.sync import import_bundles
from tests.fixtures.directives import PROVINCE_PLAN

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, pair, send

CAMPAIGN = {"name": "Phong trào thi đua yêu nước năm 2025", "campaign_type": "regular", "year": 2025}


def _rows() -> list[dict]:
    return [
        {"key": "a", "measure": "Tỷ lệ hộ dùng nước sạch", "comparator": "at_least", "value": 95, "unit": "%"},
        {"key": "b", "parent": "a", "measure": "Tỷ lệ hộ dùng nước sạch – thành thị", "comparator": "at_least",
         "value": 100, "unit": "%"},
        {"key": "c", "parent": "a", "measure": "Tỷ lệ hộ dùng nước sạch – nông thôn", "comparator": "at_least",
         "value": 93, "unit": "%", "review": ["Tên chỉ tiêu được ghép; kiểm tra lại."]},
    ]


@pytest.fixture
def store(tmp_path: Path):
    s = make_node(tmp_path, PROVINCE)
    yield s
    s.close()


def test_details_are_linked_and_flags_kept(store) -> None:
    cid = save_campaign(store, CAMPAIGN, _rows())
    targets = campaign_targets(store, cid)
    assert [t["seq"] for t in targets] == [1, 2, 3]
    parent = targets[0]
    assert parent["parent_target_id"] is None
    assert [t["parent_target_id"] for t in targets[1:]] == [parent["id"], parent["id"]]
    assert review_flags(targets[2]) == ["Tên chỉ tiêu được ghép; kiểm tra lại."]
    assert review_flags(targets[0]) == []
    # the person confirms the third target: its flags go, nothing else changes
    rows = [dict(_rows()[i], id=t["id"], parent=t["parent_target_id"]) for i, t in enumerate(targets)]
    rows[2]["review"] = []
    assert save_campaign(store, CAMPAIGN, rows, campaign_id=cid) == cid
    after = campaign_targets(store, cid)
    assert [t["id"] for t in after] == [t["id"] for t in targets]
    assert review_flags(after[2]) == []
    assert after[2]["parent_target_id"] == parent["id"]


def test_deleting_a_parent_makes_its_details_targets_of_their_own(store) -> None:
    cid = save_campaign(store, CAMPAIGN, _rows())
    targets = campaign_targets(store, cid)
    rows = [dict(_rows()[i], id=t["id"]) for i, t in enumerate(targets)][1:]
    for r in rows:
        r.pop("parent")
    save_campaign(store, CAMPAIGN, rows, campaign_id=cid)
    after = campaign_targets(store, cid)
    assert [t["id"] for t in after] == [targets[1]["id"], targets[2]["id"]]
    assert all(t["parent_target_id"] is None for t in after)
    assert store.get("targets", targets[0]["id"]) is None  # a tombstone, not live


def test_a_bad_row_writes_nothing(store) -> None:
    before = (store.count("campaigns"), store.count("targets"))
    rows = _rows()
    rows[2]["value"] = "7,5,1"
    with pytest.raises(InputError):
        save_campaign(store, CAMPAIGN, rows)
    rows = _rows()
    rows[1]["parent"] = "nowhere"
    with pytest.raises(InputError, match="không có trong phong trào"):
        save_campaign(store, CAMPAIGN, rows)
    assert (store.count("campaigns"), store.count("targets")) == before


def test_a_directive_proposal_becomes_a_campaign(store) -> None:
    proposal = read_directive(PROVINCE_PLAN)
    values, rows = proposal_rows(proposal)
    cid = save_campaign(store, values, rows)
    campaign = store.require("campaigns", cid)
    assert (campaign["doc_number"], campaign["doc_date"], campaign["year"]) == ("45/KH-UBND", "2025-02-20", 2025)
    assert campaign["submission_deadline"] == "2025-12-10"
    assert len(json.loads(campaign["awards_json"])) == 2
    targets = campaign_targets(store, cid)
    assert len(targets) == 23
    detail = next(t for t in targets if t["measure"] == "Tỷ lệ lao động qua đào tạo – có bằng cấp, chứng chỉ")
    assert store.require("targets", detail["parent_target_id"])["measure"] == "Tỷ lệ lao động qua đào tạo"
    flagged = [t for t in targets if review_flags(t)]
    assert flagged and len(flagged) == sum(1 for p in proposal.targets if p.problems)


def test_links_and_flags_travel_in_bundles(tmp_path: Path) -> None:
    prov = make_node(tmp_path, PROVINCE)
    commune = make_node(tmp_path, COMMUNES[0])
    try:
        pair(prov, commune)
        cid = save_campaign(prov, dict(CAMPAIGN, issued_by=PROVINCE), _rows())
        # the child is edited after the parent was created, so the bundle may carry them in any order
        targets = campaign_targets(prov, cid)
        prov.update("targets", targets[0]["id"], {"value": 96})
        report = import_bundles(commune, [send(prov, commune, tmp_path)])
        assert report.exit_code == EXIT_OK, report.summary()
        got = campaign_targets(commune, cid)
        assert [(t["measure"], t["parent_target_id"], t["review_json"]) for t in got] == [
            (t["measure"], t["parent_target_id"], t["review_json"]) for t in campaign_targets(prov, cid)
        ]
        assert got[0]["value"] == 96
        assert review_flags(got[2]) == ["Tên chỉ tiêu được ghép; kiểm tra lại."]
    finally:
        prov.close()
        commune.close()


def test_a_campaign_is_deleted_with_its_targets_and_restored_with_them(store) -> None:
    cid = save_campaign(store, CAMPAIGN, _rows())
    other = save_campaign(store, {**CAMPAIGN, "name": "Phong trào khác"}, _rows()[:1])
    held = [t["id"] for t in campaign_targets(store, cid)]
    assert sorted(delete_campaign(store, campaign_id=cid)) == sorted(held)
    assert store.get("campaigns", cid) is None and campaign_targets(store, cid) == []
    assert len(campaign_targets(store, other)) == 1
    restore_campaign(store, campaign_id=cid, target_ids=held)
    assert [t["id"] for t in campaign_targets(store, cid)] == held
    with pytest.raises(NotFound):
        delete_campaign(store, campaign_id="khong-co")
