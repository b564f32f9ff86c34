"""store.changes: the tables a connection wrote and kept, whoever wrote them."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import changes
from tdkt_desktop.store.db import open_store
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.numbering import take_number


def test_writes_kept_are_named_rolled_back_ones_are_not(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.sqlite") as store:
        init_unit(store, code="27031")
        assert changes.changed_tables(store) == set()  # not watching
        changes.watch(store)
        assert changes.changed_tables(store) == set()
        person = store.insert("people", {"full_name": "Nguyễn Văn Ân"})
        with pytest.raises(InputError), store.atomic():
            store.insert("campaigns", {"name": "Phong trào", "year": 2026, "campaign_type": "regular"})
            raise InputError("thôi")
        assert changes.changed_tables(store) == {"people"}
        store.delete("people", person["id"])
        take_number(store, doc_type="QĐ", issued_on=_dt.date(2026, 5, 1))
        store.db.execute("UPDATE units SET name = name WHERE 0")  # touches no row: not a change
        assert changes.changed_tables(store) == {"people", "doc_register"}
        changes.watch(store)  # start over
        assert changes.changed_tables(store) == set()


def test_every_table_a_view_can_show_is_watched(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.sqlite") as store:
        watched = set(changes.watched_tables(store))
    assert {"people", "nominations", "doc_register", "reviews", "sync_pending", "units"} <= watched
    assert not watched & {"audit_log", "meta", "search_keys"}
    assert not any(t.startswith(("sqlite_", "search_index")) for t in watched)


def test_watching_leaves_no_transaction_open(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    with open_store(path) as store:
        init_unit(store, code="27031")
        changes.watch(store)
        changes.watch(store)
        assert not store.db.conn.in_transaction
        store.insert("people", {"full_name": "Nguyễn Văn Ân"})
    with open_store(path) as other:
        assert other.count("people") == 1
