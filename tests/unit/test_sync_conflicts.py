"""Concurrent edits: a deterministic winner on both sides, both versions in the queue, nothing lost."""

from __future__ import annotations

import pytest

from tdkt_desktop.sync import import_bundles, list_conflicts, resolve_conflict
from tdkt_desktop.sync.report import EXIT_ATTENTION, EXIT_MERGED

from .test_sync_helpers import COMMUNES, PROVINCE, canonical_dump, make_node, nomination, pair, person, send


@pytest.fixture
def pc(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    pair(prov, c1)
    yield prov, c1
    prov.close()
    c1.close()


def owned(store, table):
    return [r for r in canonical_dump(store)[table] if r["owner_unit"] == COMMUNES[0]]


def test_concurrent_edit_goes_to_the_conflict_queue_on_both_sides(pc, tmp_path):
    prov, c1 = pc
    nom = nomination(c1, person(c1, "Lý Thị Mai"), achievement="Ban đầu")
    assert import_bundles(prov, [send(c1, prov, tmp_path)]).exit_code == EXIT_MERGED
    assert import_bundles(c1, [send(prov, c1, tmp_path)]).exit_code == EXIT_MERGED

    held_c1 = c1.update("nominations", nom["id"], {"achievement": "Sửa ở phường"})
    held_p = prov.update("nominations", nom["id"], {"status": "returned", "status_reason": "Bổ sung hồ sơ"})
    up, down = send(c1, prov, tmp_path), send(prov, c1, tmp_path)
    r_up = import_bundles(prov, [up])
    r_down = import_bundles(c1, [down])
    assert r_up.exit_code == EXIT_ATTENTION and r_down.exit_code == EXIT_ATTENTION
    assert r_up.totals()["nominations"]["conflict"] == 1
    # the same winner on both sides: higher gen, then higher rev text
    expected = max((held_c1["gen"], held_c1["rev"]), (held_p["gen"], held_p["rev"]))[1]
    assert prov.get("nominations", nom["id"])["rev"] == expected == c1.get("nominations", nom["id"])["rev"]
    assert owned(prov, "nominations") == owned(c1, "nominations")
    # both versions are kept
    for store in (prov, c1):
        (conflict,) = list_conflicts(store)
        assert {conflict["held"]["rev"], conflict["incoming"]["rev"]} == {held_c1["rev"], held_p["rev"]}
        versions = {conflict["held"]["achievement"], conflict["incoming"]["achievement"]}
        assert versions == {"Sửa ở phường", "Ban đầu"}
    # importing the same bundle again queues nothing new
    import_bundles(prov, [up])
    assert len(list_conflicts(prov)) == 1

    # the province keeps the losing version's content: a new edit on top, which travels normally
    (conflict,) = list_conflicts(prov)
    loser = "held" if conflict["winner"] == "incoming" else "incoming"
    chosen = conflict[loser]
    row = resolve_conflict(prov, conflict["id"], choose=loser)
    assert row["gen"] == max(held_c1["gen"], held_p["gen"]) + 1
    assert row["achievement"] == chosen["achievement"] and row["status"] == chosen["status"]
    assert list_conflicts(prov) == []
    assert list_conflicts(prov, include_resolved=True)[0]["resolution"] == loser
    report = import_bundles(c1, [send(prov, c1, tmp_path)])
    assert report.totals()["nominations"]["updated"] == 1 and report.exit_code == EXIT_MERGED
    assert owned(prov, "nominations") == owned(c1, "nominations")


def test_older_version_is_stale(pc, tmp_path):
    prov, c1 = pc
    p = person(c1, "Đỗ Văn Cũ")
    first = send(c1, prov, tmp_path, name="first.tdktgoi")
    c1.update("people", p["id"], {"position": "Trưởng thôn"})
    second = send(c1, prov, tmp_path, name="second.tdktgoi")
    assert import_bundles(prov, [second]).exit_code == EXIT_MERGED
    report = import_bundles(prov, [first])
    assert report.totals()["people"]["stale"] == 1
    assert prov.get("people", p["id"])["position"] == "Trưởng thôn"


def test_tombstones_travel(pc, tmp_path):
    prov, c1 = pc
    p = person(c1, "Sẽ bị xóa")
    import_bundles(prov, [send(c1, prov, tmp_path)])
    import_bundles(c1, [send(prov, c1, tmp_path)])
    c1.delete("people", p["id"])
    report = import_bundles(prov, [send(c1, prov, tmp_path)])
    assert report.totals()["people"]["updated"] == 1
    assert prov.get("people", p["id"]) is None
    assert prov.get("people", p["id"], include_deleted=True)["deleted"] == 1
    assert prov.search("Sẽ bị xóa") == []


def test_resolve_unknown_conflict(pc):
    prov, _ = pc
    from tdkt_desktop.sync import SyncError

    with pytest.raises(SyncError):
        resolve_conflict(prov, 999, choose="held")
    with pytest.raises(SyncError):
        resolve_conflict(prov, 1, choose="mine")
