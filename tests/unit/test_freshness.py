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
