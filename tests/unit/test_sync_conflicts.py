"""Concurrent edits: merged field by field; where one field was written at two places, the side with authority
wins on both sides, the other value waits in the review queue on both sides, and a resolution closes it on
both sides."""

from __future__ import annotations

import pytest

from tdkt_desktop.cli import EXIT_ATTENTION, EXIT_OK
from tdkt_desktop.store import open_store
from tdkt_desktop.sync import SyncError, import_bundles, list_reviews, resolve_review

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    canonical_dump,
    copy_installation,
    make_node,
    nomination,
    pair,
    person,
    send,
)


@pytest.fixture
def pc(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    pair(prov, c1)
    yield prov, c1
    prov.close()
    c1.close()


def owned(store, table):
    return [r for r in canonical_dump(store)[table] if r["owner_unit"] == COMMUNES[0]]


def copy_of(store, tmp_path, name):
    """The same unit's database copied to a second computer, which (as a copy is detected) has a new identity."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = tmp_path / f"{name}.sqlite"
    copy_installation(store.path, target)
    other = open_store(target, operator="Máy thứ hai")
    other.renew_installation_identity(reason="copy")
    return other


def test_edits_of_different_fields_merge_without_conflict(pc, tmp_path):
    prov, c1 = pc
    nom = nomination(c1, person(c1, "Lý Thị Mai"), title="BANG_KHEN_TINH", status="submitted", achievement="Ban đầu")
    import_bundles(prov, [send(c1, prov, tmp_path)])
    import_bundles(c1, [send(prov, c1, tmp_path)])
    c1.update("nominations", nom["id"], {"achievement": "Sửa ở phường"})
    prov.update("nominations", nom["id"], {"status": "received"})
    prov.update("nominations", nom["id"], {"appraisal_note": "Đang xem"})
    up, down = send(c1, prov, tmp_path), send(prov, c1, tmp_path)
    r_up, r_down = import_bundles(prov, [up]), import_bundles(c1, [down])
    assert r_up.exit_code == r_down.exit_code == EXIT_OK, (r_up.summary(), r_down.summary())
    assert r_up.totals()["nominations"]["merged"] == 1
    for store in (prov, c1):
        row = store.get("nominations", nom["id"])
        assert (row["achievement"], row["status"], row["appraisal_note"]) == ("Sửa ở phường", "received", "Đang xem")
    assert owned(prov, "nominations") == owned(c1, "nominations")
    assert list_reviews(prov) == [] and list_reviews(c1) == []


def test_same_field_at_two_installations_is_queued_on_both_sides_and_resolved_once(pc, tmp_path):
    prov, c1 = pc
    p = person(c1, "Đỗ Thị Lan", position="Công chức")
    import_bundles(prov, [send(c1, prov, tmp_path)])
    import_bundles(c1, [send(prov, c1, tmp_path)])
    second = copy_of(c1, tmp_path, "c1-copy")
    try:
        c1.update("people", p["id"], {"position": "Công chức Tư pháp"})
        second.update("people", p["id"], {"position": "Công chức Văn hóa"})
        second.update("people", p["id"], {"phone": "0909"})  # another field: merged without conflict
        r1 = import_bundles(prov, [send(c1, prov, tmp_path, name="a.tdktgoi")])
        r2 = import_bundles(prov, [send(second, prov, tmp_path, name="b.tdktgoi")])
        assert r1.exit_code == EXIT_OK and r2.exit_code == EXIT_ATTENTION, r2.summary()
        (item,) = list_reviews(prov)
        assert item["field_name"] == "position" and item["reason"] == "collision"
        assert {item["kept"], item["other"]} == {"Công chức Tư pháp", "Công chức Văn hóa"}
        in_force = prov.get("people", p["id"])
        assert in_force["position"] == item["kept"] and in_force["phone"] == "0909"
        # the queue travels down with the merged record: both copies of the unit see the same item
        for below in (c1, second):
            assert import_bundles(below, [send(prov, below, tmp_path)]).exit_code in (EXIT_OK, EXIT_ATTENTION)
            (mirror,) = list_reviews(below)
            assert mirror["id"] == item["id"]
            assert below.get("people", p["id"])["position"] == item["kept"]
        # the unit (it has authority over its person) takes the other value on the computer it now works on (the
        # province follows the newer installation of the unit): an edit that travels everywhere
        resolve_review(second, item["id"][:8], choose="other", note="Đã thống nhất")
        assert import_bundles(prov, [send(second, prov, tmp_path)]).exit_code == EXIT_OK
        import_bundles(c1, [send(prov, c1, tmp_path)])
        # the older installation, now replaced, is refused with the reason: nothing of it merges silently
        late = import_bundles(prov, [send(c1, prov, tmp_path, name="late.tdktgoi")])
        assert late.bundles[0].error_code == "wrong_origin" and "bản cài đặt" in late.bundles[0].message
        for store in (prov, c1, second):
            assert store.get("people", p["id"])["position"] == item["other"]
            assert list_reviews(store) == []
            (done,) = list_reviews(store, include_resolved=True)
            assert (done["resolution"], done["resolved_by"]) == ("applied", COMMUNES[0])
    finally:
        second.close()


def test_older_version_is_stale(pc, tmp_path):
    prov, c1 = pc
    p = person(c1, "Đỗ Văn Cũ")
    first = send(c1, prov, tmp_path, name="first.tdktgoi")
    c1.update("people", p["id"], {"position": "Trưởng thôn"})
    second = send(c1, prov, tmp_path, name="second.tdktgoi")
    assert import_bundles(prov, [second]).exit_code == EXIT_OK
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


def test_resolve_unknown_review(pc):
    prov, _ = pc
    with pytest.raises(SyncError) as err:
        resolve_review(prov, "ffffffff", choose="kept")
    assert err.value.code == "not_found" and "tdkt conflicts list" in str(err.value)
    with pytest.raises(SyncError):
        resolve_review(prov, "ffffffff", choose="mine")
