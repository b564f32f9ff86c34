import shutil
import sqlite3
from pathlib import Path

import pytest

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import StoreError, check_integrity, open_store
from tdkt_desktop.store.migrations import known_migration_names, schema_version

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"


@pytest.mark.sqlite_only
def test_new_database_is_built_by_the_chain_with_durable_pragmas(db_path):
    with open_store(db_path) as s:
        assert s.schema_version() == schema_version() == len(known_migration_names())
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert len(s.install_id) == 16
        assert check_integrity(s) == []
    # reopening is a no-op and makes no backup
    with open_store(db_path) as s:
        assert s.last_migration_backup is None
    assert not (db_path.parent / "backups").exists()


@pytest.mark.sqlite_only
def test_upgrade_from_kept_schema_v1_fixture_backs_up_first_and_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE_V1, path)
    with sqlite3.connect(path) as raw:
        assert [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")] == ["m001_initial"]
    with open_store(path) as s:
        assert s.schema_version() == schema_version()
        backup = s.last_migration_backup
        assert backup is not None and backup.exists()
        # data kept, and the new search index was filled from the old rows
        assert s.get("people", "p-1")["full_name"] == "Đặng Thị Kim Đào"
        assert [h.record_id for h in s.search("dang thi kim dao", tables=["people"])] == ["p-1"]
        assert {h.table for h in s.search("dang thi kim dao")} == {"people", "nominations"}
        assert s.unit_code == "31147"
        # new writes continue the old counters
        person = s.insert("people", {"full_name": "Lý Văn Sơn"})
        assert person["clock"] == 5
        assert check_integrity(s) == []
    with sqlite3.connect(backup) as raw:
        assert [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")] == ["m001_initial"]
        assert raw.execute("SELECT full_name FROM people").fetchone()[0] == "Đặng Thị Kim Đào"


@pytest.mark.sqlite_only
def test_database_from_newer_version_is_refused_untouched(db_path):
    with open_store(db_path):
        pass
    with sqlite3.connect(db_path) as raw:
        raw.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tdkt', 'm999_future', 'x')"
        )
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="phiên bản TĐKT Desktop mới hơn"):
        open_store(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.sqlite_only
def test_not_a_database_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("đây không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(StoreError, match="không phải là cơ sở dữ liệu TĐKT"):
        open_store(path)
    with pytest.raises(StoreError, match="tdkt init"):
        open_store(tmp_path / "missing.sqlite", create=False)


def test_records_carry_sync_columns_and_revisions(store):
    p = store.insert("people", {"full_name": "Nguyễn Thị Thu Hà", "birth_date": "09/04/1986"})
    assert p["owner_unit"] == "31147"
    assert p["origin_install"] == store.install_id
    assert p["gen"] == 1 and p["base_rev"] is None
    assert p["birth_date"] == "1986-04-09"
    q = store.update("people", p["id"], {"position": "Công chức Văn hóa - Xã hội"})
    assert q["gen"] == 2 and q["base_rev"] == p["rev"] and q["clock"] == p["clock"] + 1
    assert q["local_seq"] > p["local_seq"]
    # an update that changes nothing writes nothing
    assert store.update("people", p["id"], {"position": "Công chức Văn hóa - Xã hội"})["rev"] == q["rev"]


def test_tombstones_and_restore_with_audit_entries(store):
    p = store.insert("people", {"full_name": "Đặng Thị Kim Đào"})
    store.delete("people", p["id"])
    assert store.get("people", p["id"]) is None
    tomb = store.get("people", p["id"], include_deleted=True)
    assert tomb["deleted"] == 1 and tomb["gen"] == 2
    assert store.count("people") == 0
    assert store.search("dao") == []
    store.restore("people", p["id"])
    assert store.get("people", p["id"])["deleted"] == 0
    assert [h.title for h in store.search("dao")] == ["Đặng Thị Kim Đào"]
    actions = [(e["action"], e["operator"]) for e in store.audit_entries("people", p["id"])]
    assert actions == [("insert", "Người kiểm thử"), ("delete", "Người kiểm thử"), ("restore", "Người kiểm thử")]
    entry = store.audit_entries("people", p["id"])[1]
    assert '"deleted": 0' in entry["before_json"] and '"deleted": 1' in entry["after_json"]


def test_audit_keeps_before_and_after_of_changed_fields(store):
    p = store.insert("people", {"full_name": "Lê Văn Nam", "position": "Công chức"})
    store.update("people", p["id"], {"position": "Phó Chủ tịch", "phone": "0292 3821 001"})
    last = store.audit_entries("people", p["id"])[-1]
    assert last["action"] == "update"
    assert '"position": "Công chức"' in last["before_json"]
    assert '"position": "Phó Chủ tịch"' in last["after_json"]
    assert "full_name" not in last["after_json"]


def test_search_ignores_tones_and_case_across_kinds(demo_store):
    hits = demo_store.search("TRAN VAN BINH")
    assert any(h.table == "people" and h.title == "Trần Văn Bình" for h in hits)
    assert any(h.table == "campaigns" for h in demo_store.search("chuyen doi so"))
    assert any(h.table == "collectives" for h in demo_store.search("mam non hoa sen"))
    assert any(h.table == "nominations" for h in demo_store.search("chien si thi dua"))
    assert demo_store.search("   ") == []
    assert all(h.table == "people" for h in demo_store.search("binh", tables=["people"]))


@pytest.mark.parametrize(
    ("table", "values", "message"),
    [
        ("people", {"full_name": "  "}, "Họ và tên: chưa nhập"),
        ("people", {"full_name": "A", "birth_date": "31/02/1990"}, "Ngày sinh"),
        ("people", {"full_name": "A", "gender": "khác"}, "Giới tính"),
        ("vote_sessions", {"meeting_date": "12/12/2025", "total_members": "9", "present": "chín"}, "Số thành viên có mặt"),
        ("targets", {"campaign_id": "x", "measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": "0,5,1"}, "Giá trị"),
        ("nominations", {"subject_kind": "person", "subject_id": "x", "subject_name": "A", "title_code": "HUAN_CHUONG_XYZ",
                         "award_kind": "cong_trang", "year": 2025}, "không có trong danh mục"),
        ("registrations", {"year": "hai nghìn", "subject_kind": "person", "subject_id": "x", "subject_name": "A", "title_code": "LDTT"}, "Năm"),
    ],
)
def test_bad_input_is_refused_with_vietnamese_message_and_nothing_saved(store, table, values, message):
    before = store.count(table)
    seq = store.current_local_seq()
    with pytest.raises(InputError, match=message):
        store.insert(table, values)
    assert store.count(table) == before
    assert store.current_local_seq() == seq


def test_decimal_comma_numbers_are_stored_as_numbers(store):
    c = store.insert("campaigns", {"name": "Phong trào", "campaign_type": "regular"})
    t = store.insert("targets", {"campaign_id": c["id"], "measure": "Tăng trưởng", "comparator": "range",
                                 "value": "9,5", "value_high": "10", "unit": "%"})
    assert (t["value"], t["value_high"]) == (9.5, 10.0)


def test_foreign_keys_are_enforced_at_commit(store):
    with pytest.raises(StoreError):
        store.insert("targets", {"campaign_id": "no-such-campaign", "measure": "X", "comparator": "at_least", "value": 1})
    assert store.count("targets") == 0


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.atomic():
        store.insert("people", {"full_name": "Sẽ không còn"})
        raise RuntimeError("boom")
    assert store.count("people") == 0
    assert store.search("se khong con") == []


@pytest.mark.sqlite_only
def test_full_disk_gives_a_clear_message_and_keeps_what_was_saved(store):
    kept = store.insert("people", {"full_name": "Trần Văn Bình"})
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: SQLITE_FULL
    with pytest.raises(StoreError, match=r"Ổ đĩa chứa cơ sở dữ liệu .* đã đầy"):
        with store.atomic():
            for i in range(400):
                store.insert("people", {"full_name": f"Người thứ {i}", "notes": "x" * 2000})
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert store.get("people", kept["id"])["full_name"] == "Trần Văn Bình"
    assert store.count("people") == 1
    assert check_integrity(store) == []


def test_search_index_follows_updates_through_its_keys(store):
    p = store.insert("people", {"full_name": "Lý Văn Sơn"})
    store.update("people", p["id"], {"full_name": "Lý Văn Sang"})
    assert store.search("ly van son") == []
    assert [h.record_id for h in store.search("ly van sang")] == [p["id"]]
    keys = store.db.execute("SELECT COUNT(*) FROM search_keys").fetchone()[0]
    fts = store.db.execute("SELECT COUNT(*) FROM search_index").fetchone()[0]
    assert keys == fts == 1
    store.delete("people", p["id"])
    assert store.db.execute("SELECT COUNT(*) FROM search_keys").fetchone()[0] == 0


@pytest.mark.sqlite_only
def test_search_keys_are_read_by_index(store):
    plan = " ".join(r[-1] for r in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM search_keys WHERE kind = 'people' AND record_id = 'x'").fetchall())
    assert "USING" in plan and "INDEX" in plan.upper()  # an indexed lookup, not a scan


def test_search_index_is_rebuilt_when_its_version_changes(db_path):
    with open_store(db_path) as s:
        s.set_meta("unit_code", "31147")
        s.insert("people", {"full_name": "Đinh Thị Mai"})
        s.db.execute("DELETE FROM search_index")
        s.db.execute("DELETE FROM search_keys")
        s.set_meta("search_index_version", "0")
    with open_store(db_path) as s:
        assert [h.title for h in s.search("dinh thi mai")] == ["Đinh Thị Mai"]


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {(r[0], r[1], " ".join((r[2] or "").split())) for r in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'")}


@pytest.mark.sqlite_only
def test_the_first_migration_is_frozen_it_still_builds_the_kept_v1_schema(tmp_path):
    """m001 must build exactly what the first release built: the kept fixture's schema."""
    import sqlite_utils

    from tdkt_desktop.store.migrations import migrations

    built = tmp_path / "m001.sqlite"
    db = sqlite_utils.Database(sqlite3.connect(str(built)))
    migrations.apply(db, stop_before=known_migration_names()[1])
    with sqlite3.connect(FIXTURE_V1) as kept:
        assert _schema(db.conn) == _schema(kept)
    db.close()


@pytest.mark.sqlite_only
def test_synced_tables_are_exactly_the_tables_with_sync_columns(db_path):
    """A migration that adds a synced table must list it in SYNCED_TABLES (export, merge and search use it)."""
    from tdkt_desktop.store.db import SYNC_FIELDS
    from tdkt_desktop.store.migrations import SYNCED_TABLES

    with open_store(db_path) as s:
        tables = [r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        with_sync = {t for t in tables if set(SYNC_FIELDS) <= {c.name for c in s.db[t].columns}}
        assert set(SYNCED_TABLES) == with_sync
        assert len(SYNCED_TABLES) == len(set(SYNCED_TABLES))
        # parents come before the tables that reference them
        for table in SYNCED_TABLES:
            for fk in s.db[table].foreign_keys:
                if fk.other_table in SYNCED_TABLES:
                    assert SYNCED_TABLES.index(fk.other_table) < SYNCED_TABLES.index(table), (table, fk)


def test_migration_names_come_from_the_public_api_in_chain_order():
    names = known_migration_names()
    assert names[0] == "m001_initial" and len(names) == schema_version()
    assert names == sorted(names), "migrations are numbered in the order they run"
