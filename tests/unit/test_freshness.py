"""store.freshness: a save names the version it opened; a record changed since is refused inside the write
transaction, and what changed is said field by field in Vietnamese."""

from __future__ import annotations

import pytest

from tdkt_desktop.store import freshness, open_store


def test_unchanged_record_passes_and_a_changed_one_is_refused(store) -> None:
    row = store.insert("people", {"full_name": "Lê Văn An", "position": "Công chức"})
    assert freshness.require_unchanged(store, "people", row["id"], row["rev"])["id"] == row["id"]
    with open_store(store.path) as other:  # a second program on the same file
        other.update("people", row["id"], {"position": "Công chức Tư pháp"})
    with pytest.raises(freshness.StaleRecord) as caught:
        freshness.require_unchanged(store, "people", row["id"], row["rev"])
    assert caught.value.current is not None and caught.value.current["position"] == "Công chức Tư pháp"
    assert "đã được sửa ở nơi khác" in str(caught.value)


def test_the_check_and_the_write_are_one_transaction(store) -> None:
    row = store.insert("people", {"full_name": "Lê Văn An", "position": "Công chức"})
    store.update("people", row["id"], {"position": "Phó Chủ tịch"})
    with pytest.raises(freshness.StaleRecord), store.atomic():
        freshness.require_unchanged(store, "people", row["id"], row["rev"])
        store.update("people", row["id"], {"position": "Bản cũ ghi đè"})
    assert store.get("people", row["id"])["position"] == "Phó Chủ tịch"


def test_a_deleted_record_is_stale(store) -> None:
    row = store.insert("people", {"full_name": "Lê Văn An"})
    store.delete("people", row["id"])
    with pytest.raises(freshness.StaleRecord) as caught:
        freshness.require_unchanged(store, "people", row["id"], row["rev"])
    assert caught.value.current is None and "đã bị xóa" in str(caught.value)


def test_changes_are_listed_with_labels_old_theirs_yours(store) -> None:
    row = store.insert("people", {"full_name": "Lê Văn An", "position": "Công chức", "birth_date": "1980-02-03",
                                  "gender": "male"})
    theirs = store.update("people", row["id"], {"position": "Công chức Tư pháp", "birth_date": "1980-03-02"})
    mine = {"full_name": "Lê Văn An", "position": "Công chức Văn hóa", "birth_date": "1980-02-03", "gender": "female"}
    changes = {c.label: c for c in freshness.changes_between("people", row, theirs, mine)}
    assert len(changes) == 3
    position = next(c for c in changes.values() if c.name == "position")
    assert (position.old, position.theirs, position.yours) == ("Công chức", "Công chức Tư pháp", "Công chức Văn hóa")
    assert position.conflicting
    born = next(c for c in changes.values() if c.name == "birth_date")
    assert (born.old, born.theirs, born.yours) == ("03/02/1980", "02/03/1980", "03/02/1980") and not born.conflicting
    gender = next(c for c in changes.values() if c.name == "gender")
    assert gender.yours != "female"  # a choice is shown by its Vietnamese label
    assert freshness.changes_between("people", row, None, mine)[0].theirs == "(đã xóa)"


def test_a_result_saved_over_a_version_it_did_not_show_is_refused(demo_store) -> None:
    from tdkt_desktop.store import results

    cid = demo_store.rows("campaigns", "doc_number = ?", ["12/CT-UBND"])[0]["id"]
    target = next(t for t in demo_store.rows("targets", "campaign_id = ?", [cid]) if "thương mại" in t["measure"])
    unit = demo_store.unit_code
    args = {"campaign_id": cid, "period": "2026-H2", "unit_code": unit}
    results.save_results(demo_store, **args, results=[{"target_id": target["id"], "value": "9,8"}])
    shown = results.current_results(demo_store, [target["id"]], "2026-H2", unit_codes=[unit])
    row = next(iter(shown.values()))
    with pytest.raises(freshness.StaleRecord) as caught:  # the screen showed no result: one arrived since
        results.save_results(demo_store, **args, results=[{"target_id": target["id"], "value": "9,6", "rev": None}])
    assert caught.value.current is not None and caught.value.current["value"] == 9.8
    with pytest.raises(freshness.StaleRecord):  # nor a wrong participation version, and nothing of it is kept
        results.save_results(demo_store, **args, results=[{"target_id": target["id"], "value": "9,5", "rev": row["rev"]}],
                             participations=[{"unit_code": unit, "people_count": 3, "rev": "000009-x-1-0"}])
    assert results.current_results(demo_store, [target["id"]], "2026-H2", unit_codes=[unit])[
        (target["id"], unit, "2026-H2")]["value"] == 9.8
    results.save_results(demo_store, **args, results=[{"target_id": target["id"], "value": "9,6", "rev": row["rev"]}])
    assert results.current_results(demo_store, [target["id"]], "2026-H2", unit_codes=[unit])[
        (target["id"], unit, "2026-H2")]["value"] == 9.6
