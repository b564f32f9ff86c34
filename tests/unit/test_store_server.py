"""The store on a PostgreSQL server (store/server_db.py, server_sql.py, server_schema.py): the same records, revisions, search and errors as on SQLite,
and several officers writing at once. The whole store, sync and CLI suites also run on the server engine
(TDKT_TEST_ENGINE=postgresql, tests/server_engine.py); these tests check what only a server has."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from tdkt_desktop.store import StoreError, open_store
from tdkt_desktop.store.errors import DatabaseUnreachable
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.migrations import SYNCED_TABLES, known_migration_names
from tdkt_desktop.store.revisions import rev_of

pytestmark = pytest.mark.sqlite_only  # each test here opens both engines itself


def _server_store(url: str, operator: str = "Cán bộ A"):
    return open_store(url, operator=operator)


# --------------------------------------------------------------------------- statements (no server needed)


def test_statements_are_put_in_postgresql_words():
    from tdkt_desktop.store import server_sql as pg

    st = pg.translate("SELECT * FROM people WHERE id = ? AND notes LIKE '%x%' ORDER BY position")
    assert st.sql == ('SELECT * FROM "people" WHERE "id" = %s AND "notes" LIKE \'%%x%%\' '
                      'ORDER BY "position" NULLS FIRST')  # NULLs first, as SQLite sorts them
    assert st.strip_rowid  # SELECT * never shows the rowid column SQLite keeps hidden
    assert not pg.translate("SELECT id, full_name FROM people").strip_rowid
    named = pg.translate("SELECT value FROM json_each(:ids)")
    assert "json_array_elements_text(cast(%(ids)s as json))" in named.sql.replace('"', "").lower()
    obj = pg.translate("SELECT json_object('a', a, 'b', ?) FROM t")  # PostgreSQL 15 has no JSON_OBJECT(k: v)
    assert obj.sql == 'SELECT JSON_BUILD_OBJECT(\'a\', "a", \'b\', %s) FROM "t"'
    ignore = pg.translate("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)")
    assert ignore.sql.endswith("ON CONFLICT DO NOTHING")
    replace = pg.translate("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (("meta", ("key",)),))
    assert replace.sql.endswith('ON CONFLICT("key") DO UPDATE SET "value" = "excluded"."value"')
    assert pg.translate("SELECT 1 WHERE a IS NOT ?").sql.endswith("IS DISTINCT FROM %s")
    assert pg.translate("BEGIN IMMEDIATE").begin_write  # writers take turns, as on SQLite
    assert pg.translate("INSERT INTO audit_log (at) VALUES (?)").returns_id  # lastrowid
    assert pg.translate("PRAGMA foreign_keys=ON").constant == ()
    info = pg.translate("PRAGMA table_info(meta)").constant
    assert info is not None and [r[1] for r in info] == ["key", "value"]
    match = pg.translate("SELECT record_id FROM search_index WHERE search_index MATCH ? LIMIT ?").sql
    assert '"tsv" @@ tdkt_match(%s)' in match


def test_a_sqlite_installation_never_loads_the_server_engine(tmp_path):
    code = (
        "import sys; from tdkt_desktop.store import open_store; "
        f"s = open_store({str(tmp_path / 'a.sqlite')!r}); s.set_meta('unit_code', '1'); "
        "s.insert('units', {'code': '1', 'name': 'X', 'level': 'province'}); s.search('x'); s.close(); "
        "print(sorted(m for m in ('psycopg', 'sqlglot', 'tdkt_desktop.store.server_db', 'tdkt_desktop.store.server_sql') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --------------------------------------------------------------------------- one server database


def test_an_empty_server_database_gets_the_chain_schema_and_keeps_its_identity(pg_url):
    with _server_store(pg_url) as s:
        assert s.schema_version() == len(known_migration_names())
        assert s.address == pg_url
        install = s.install_id
        init_unit(s, code="31147")
        person = s.insert("people", {"full_name": "Nguyễn Thị Ánh", "gender": "female"})
    with _server_store(pg_url, "Cán bộ B") as s:
        assert s.install_id == install  # one office, one sync identity, whoever opens it
        assert s.get("people", person["id"])["full_name"] == "Nguyễn Thị Ánh"
        assert s.unit_code == "31147"


def test_records_read_back_from_the_server_hash_to_their_revisions(pg_url):
    """What the server gives back is what was written: every row of the demo hashes to its own revision name,
    so bundles exported from a server carry revisions the receivers accept."""
    from tdkt_desktop.demo import build_demo

    with _server_store(pg_url) as s:
        init_unit(s, code="31147")
        build_demo(s)
        checked = 0
        for table in SYNCED_TABLES:
            for row in s.rows(table, include_deleted=True):
                assert "rowid" not in row
                assert rev_of(row) == row["rev"], (table, row["id"])
                checked += 1
        assert checked > 200


def test_the_demo_gives_the_same_records_search_and_order_on_both_engines(pg_url, demo_store):
    from tdkt_desktop.demo import build_demo

    with _server_store(pg_url, "Người kiểm thử") as s:
        init_unit(s, code="31147")
        build_demo(s)
        assert s.stats() == demo_store.stats()
        for table in ("people", "nominations", "campaigns"):
            names = [(r.get("full_name") or r.get("subject_name") or r.get("name")) for r in s.rows(
                table, order_by="sort_key, id")]
            sqlite_names = [(r.get("full_name") or r.get("subject_name") or r.get("name")) for r in demo_store.rows(
                table, order_by="sort_key, id")]
            assert names == sqlite_names, table
        for query in ("nguyen", "tran thi", "lao dong tien tien", "ngu", "xa tan", "khong co ai"):
            # the same hits; records of one name come in the order of their ids, which differ between the two
            assert sorted(h.title for h in s.search(query)) == sorted(h.title for h in demo_store.search(query)), query
        # NULLs first, as SQLite sorts them
        assert [r["position"] for r in s.rows("people", order_by="position, sort_key, id")] == \
            [r["position"] for r in demo_store.rows("people", order_by="position, sort_key, id")]


def test_a_failed_transaction_leaves_nothing_on_the_server(pg_url):
    with _server_store(pg_url) as s:
        init_unit(s, code="31147")
        with pytest.raises(RuntimeError), s.atomic():
            s.insert("people", {"full_name": "Sẽ không còn"})
            raise RuntimeError("boom")
        assert s.count("people") == 0
        assert s.search("se khong con") == []
        assert not s.db.conn.in_transaction


def test_a_broken_reference_is_refused_at_commit_in_vietnamese(pg_url):
    with _server_store(pg_url) as s:
        init_unit(s, code="31147")
        kept = s.insert("people", {"full_name": "Trần Văn Bình"})
        nomination = s.insert("nominations", {
            "subject_kind": "person", "subject_id": kept["id"], "subject_name": "Trần Văn Bình",
            "title_code": "LDTT", "award_kind": "cong_trang", "year": 2025})
        with pytest.raises(StoreError, match="tham chiếu tới một bản ghi không tồn tại"), s.atomic():
            s.db.execute("UPDATE nominations SET campaign_id = 'khong-co'")  # checked at commit, as on SQLite
            s.insert("people", {"full_name": "Sẽ không còn"})
        assert s.get("nominations", nomination["id"])["campaign_id"] is None
        assert s.count("people") == 1


def test_a_server_database_of_a_newer_version_is_refused_untouched(pg_url):
    import psycopg

    with _server_store(pg_url):
        pass
    with psycopg.connect(pg_url, autocommit=True) as raw:
        raw.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tdkt', 'm999', 'x')")
        before = raw.execute("SELECT count(*) FROM meta").fetchone()
    with pytest.raises(StoreError, match="phiên bản TĐKT Desktop mới hơn"):
        open_store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as raw:
        assert raw.execute("SELECT count(*) FROM meta").fetchone() == before


def test_an_unreachable_server_or_missing_database_is_told_in_vietnamese(pg_url, tmp_path):
    nowhere = f"postgresql://tdkt@/tdkt?host={tmp_path}&port=5999"
    with pytest.raises(DatabaseUnreachable, match="Không kết nối được máy chủ cơ sở dữ liệu"):
        open_store(nowhere)
    missing = pg_url.replace("/test_", "/khong_co_", 1)
    with pytest.raises(StoreError, match="chưa có cơ sở dữ liệu"):
        open_store(missing)
    with pytest.raises(StoreError, match="tdkt server init"):
        open_store(pg_url, create=False)


def test_a_password_in_the_address_is_never_shown():
    from tdkt_desktop.store.server_address import shown

    assert shown("postgresql://office:bí-mật@10.0.0.5:5432/tdkt") == "postgresql://office:***@10.0.0.5:5432/tdkt"
    assert shown("postgresql://office@db/tdkt") == "postgresql://office@db/tdkt"


# --------------------------------------------------------------------------- several officers


def test_two_officers_writing_at_once_both_land_with_distinct_revisions(pg_url):
    with _server_store(pg_url, "Cán bộ A") as a:
        init_unit(a, code="31147")
    a = _server_store(pg_url, "Cán bộ A")
    b = _server_store(pg_url, "Cán bộ B")
    c = _server_store(pg_url, "Cán bộ C")
    try:
        inside = threading.Event()
        done: dict[str, object] = {}

        def officer_b() -> None:
            inside.wait()
            started = time.monotonic()
            done["b"] = b.insert("people", {"full_name": "Lê Thị B"})  # waits for A's transaction
            done["waited"] = time.monotonic() - started

        thread = threading.Thread(target=officer_b)
        thread.start()
        with a.atomic():
            first = a.insert("people", {"full_name": "Phạm Văn A"})
            inside.set()
            time.sleep(0.3)  # B is now waiting for the write turn
            assert c.count("people") == 0  # a third reads without waiting: A's row is not committed yet
        thread.join(10)
        second = done["b"]
        assert isinstance(second, dict) and float(done["waited"]) >= 0.2  # type: ignore[arg-type]
        rows = a.rows("people", order_by="clock")
        assert [r["full_name"] for r in rows] == ["Phạm Văn A", "Lê Thị B"]
        assert first["clock"] < second["clock"] and len({r["rev"] for r in rows}) == 2
        assert {e["operator"] for e in a.audit_entries("people")} == {"Cán bộ A", "Cán bộ B"}
    finally:
        a.close()
        b.close()
        c.close()


def test_a_program_killed_while_writing_leaves_nothing_half_done_and_frees_the_turn(pg_url):
    """kill -9 in the middle of a transaction: nothing of it is kept, and the next officer's write goes through at
    once (the server ends the dead connection and its lock)."""
    import os
    import signal

    with _server_store(pg_url) as s:
        init_unit(s, code="31147")
        kept = s.insert("people", {"full_name": "Đã lưu trước"})
    code = (
        "import sys, time\n"
        "from tdkt_desktop.store import open_store\n"
        f"s = open_store({pg_url!r}, operator='Cán bộ sắp bị ngắt')\n"
        "with s.atomic():\n"
        "    for i in range(200):\n"
        "        s.insert('people', {'full_name': f'Người {i}'})\n"
        "    print('inside', flush=True)\n"
        "    time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "inside"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    started = time.monotonic()
    with _server_store(pg_url, "Cán bộ B") as s:
        s.insert("people", {"full_name": "Viết ngay sau"})
        assert time.monotonic() - started < 8  # not the 10 s a held write turn would cost
        assert sorted(r["full_name"] for r in s.rows("people")) == ["Viết ngay sau", "Đã lưu trước"]
        assert s.get("people", kept["id"])["rev"] == kept["rev"]
        assert s.search("nguoi") == []


def test_a_number_standing_for_true_or_false_is_read_as_sqlite_reads_it():
    """The lists write "AND (… OR …)" with "0" when nothing can match (a filter of no value): SQLite reads 0 as
    false; the server needs it said."""
    from tdkt_desktop.store import server_sql as pg

    assert pg.translate("SELECT id FROM t WHERE deleted = 0 AND 0").sql.endswith('"deleted" = 0 AND 0 <> 0')
    assert pg.translate("SELECT 1 WHERE 1").sql == "SELECT 1 WHERE 1 <> 0"
    assert pg.translate("SELECT 1 WHERE NOT 0 OR a = 1").sql == 'SELECT 1 WHERE NOT 0 <> 0 OR "a" = 1'


def _end_connection(url: str, store) -> None:
    """What the office's network or a restarted server does to a connection: it is gone."""
    import psycopg

    pid = store.db.conn.raw.info.backend_pid
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_a_dropped_connection_is_opened_again_and_a_transaction_it_held_is_undone(pg_url):
    from tdkt_desktop.store.errors import DatabaseUnreachable

    with _server_store(pg_url) as s:
        init_unit(s, code="31147")
        kept = s.insert("people", {"full_name": "Đã lưu"})
        _end_connection(pg_url, s)
        assert s.get("people", kept["id"])["full_name"] == "Đã lưu"  # opened again: the program goes on
        with pytest.raises(DatabaseUnreachable, match="Không kết nối được máy chủ"), s.atomic():
            s.insert("people", {"full_name": "Mất cùng kết nối"})
            _end_connection(pg_url, s)
            s.insert("people", {"full_name": "Sau khi mất kết nối"})
        assert not s.db.conn.in_transaction
        assert sorted(r["full_name"] for r in s.rows("people")) == ["Đã lưu"]  # nothing half-done
        s.insert("people", {"full_name": "Lưu tiếp"})
        assert s.count("people") == 2


def test_every_connection_plans_each_statement_for_its_values(pg_url):
    """psycopg prepares a statement run often; PostgreSQL would then plan it once for any values, and a search's
    plan depends on its words (a rare name wants the full-text index, a common one a scan): a generic plan read
    every entry for a rare name (1.7 s at 200,000 records, benchmarks/bench_server.py). Also after the
    connection is opened again."""
    with _server_store(pg_url) as s:
        raw = s.db.conn.raw
        assert raw.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
        _end_connection(pg_url, s)
        s.meta("install_id")  # opened again
        assert s.db.conn.raw.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
        assert s.db.conn.raw.execute("SHOW random_page_cost").fetchone() == ("1.1",)


def test_a_search_of_words_rare_together_reads_the_full_text_index_of_its_kind(pg_url):
    """Each searchable kind has a full-text index of its own range of keys; a search for words its records share
    one by one but rarely together ("bui t") reads that index instead of walking the kind's every entry, and
    finds the same records as the walk would (benchmarks/bench_server.py: 30 ms → 10 ms at a province's size)."""
    from tdkt_desktop.store import search
    from tdkt_desktop.store.server_sql import translate

    with _server_store(pg_url) as s:
        indexes = {r[0]: r[1] for r in s.db.conn.server(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_index'").fetchall()}
        for kind in search.KIND_BLOCKS:
            low, high = search.key_range(kind)
            assert f"rowid >= '{low}'" in indexes[f"search_index_tsv_{kind}"].replace("::bigint", "")
            assert f"rowid <= '{high}'" in indexes[f"search_index_tsv_{kind}"].replace("::bigint", "")
        assert "search_index_tsv" not in indexes  # no index over every kind at once
        low, _ = search.key_range("people")
        with s.atomic():  # 20,000 people, one in 500 "Bùi Thanh …", every other one "Trần Văn Tùng"
            s.db.conn.server(
                "INSERT INTO search_index (rowid, kind, record_id, sort_key, body) SELECT %s + g, 'people', 'p' || g, "
                "'k' || g, CASE WHEN g %% 500 = 0 THEN 'bui thanh tam' WHEN g %% 2 = 0 THEN 'tran van tung' "
                "ELSE 'bui van an' END FROM generate_series(1, 20000) AS g", [low])
            s.db.conn.server("INSERT INTO search_index (rowid, kind, record_id, sort_key, body) SELECT %s + g, "
                             "'nominations', 'n' || g, 'k' || g, 'tran thi thu' FROM generate_series(1, 5000) AS g",
                             [search.key_range("nominations")[0]])
        s.db.conn.server("ANALYZE search_index")
        sql = "SELECT record_id FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?"
        params = [search.match_expression("bui t"), *search.key_range("people"), search.CANDIDATES]
        plan = "\n".join(r[0] for r in s.db.conn.raw.execute("EXPLAIN " + translate(sql).sql, params).fetchall())
        assert "search_index_tsv_people" in plan, plan
        found = search.matching_ids(s.db, "people", "bui t", limit=search.CANDIDATES)
        assert sorted(found) == sorted(f"p{g}" for g in range(500, 20001, 500))
        assert search.matching_ids(s.db, "nominations", "bui t", limit=search.CANDIDATES) == []


# The full-text index of the servers made before the lexemes of prefixes: the 'simple' configuration's words (a
# document number "21/kh-ubnd" one word), each query word a prefix match.
_WORDS_BEFORE = (
    "ALTER TABLE search_index DROP COLUMN tsv",
    "DROP FUNCTION tdkt_words(text)",
    "ALTER TABLE search_index ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, '')))"
    " STORED",
    "CREATE OR REPLACE FUNCTION tdkt_match(expression TEXT) RETURNS TSQUERY LANGUAGE SQL IMMUTABLE AS $$ SELECT "
    "to_tsquery('simple', array_to_string(ARRAY(SELECT m[1] || ':*' FROM regexp_matches(expression, "
    "'\"([0-9a-z]+)\"\\*', 'g') AS m), ' & ')) $$",
)


def test_a_server_of_the_words_of_before_is_brought_to_the_words_and_prefixes_when_opened(pg_url):
    """A server whose index holds the words of before gets, at its next opening, the index of each word and of its
    first letters (the column made again, each kind's index built again with a short pending list, the planner's
    figures taken): the same records found as before, and a document number's parts as words; nothing else
    changes, and a second opening has nothing to do."""
    import psycopg

    from tdkt_desktop.store import search
    from tdkt_desktop.store.server_schema import PENDING_KB, WORDS_FUNCTION, search_kind_indexes

    with _server_store(pg_url) as s:
        s.set_meta("unit_code", "92")
        s.insert("units", {"code": "92", "name": "Thành phố Cần Thơ", "level": "province"})
        people = [s.insert("people", {"full_name": name, "workplace": "Tổ 21/KH-UBND"})["id"]
                  for name in ("Bùi Thị Thu", "Trần Văn Tùng", "Bùi Văn An")]
        found = {q: [h.record_id for h in s.search(q)] for q in ("bui t", "tran", "bui", "van a", "to 21")}
        counts = {t: s.count(t) for t in ("people", "units")}
    with psycopg.connect(pg_url, autocommit=True) as raw:
        with raw.transaction():
            for sql in _WORDS_BEFORE:
                raw.execute(sql)
        for sql in search_kind_indexes():
            raw.execute(sql.replace(f"WITH (gin_pending_list_limit = {PENDING_KB}) ", ""))
        before = "SELECT count(*) FROM search_index WHERE tsv @@ tdkt_match(%s)"
        assert raw.execute(before, [search.match_expression("to 21")]).fetchone() == (3,)
        assert raw.execute(before, [search.match_expression("kh ubnd")]).fetchone() == (0,)  # '21/kh-ubnd' one word
    with _server_store(pg_url) as s:
        assert {q: [h.record_id for h in s.search(q)] for q in found} == found
        assert sorted(h.record_id for h in s.search("kh ubnd")) == sorted(people)
        assert {t: s.count(t) for t in counts} == counts
        raw = s.db.conn.raw
        generated = raw.execute("SELECT generation_expression FROM information_schema.columns WHERE table_name = "
                                "'search_index' AND column_name = 'tsv'").fetchone()[0]
        assert WORDS_FUNCTION in generated
        options = dict(raw.execute("SELECT c.relname, array_to_string(c.reloptions, ',') FROM pg_class c JOIN "
                                   "pg_index i ON i.indexrelid = c.oid WHERE i.indrelid = 'search_index'::regclass "
                                   "AND c.relname LIKE 'search_index_tsv_%'").fetchall())
        assert options == {f"search_index_tsv_{kind}": f"gin_pending_list_limit={PENDING_KB}"
                           for kind in search.KIND_BLOCKS}
        assert raw.execute("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'search_index'"
                           ).fetchone()[0] == 0  # the planner's figures taken after the column was made again
        column = raw.execute("SELECT attnum FROM pg_attribute WHERE attrelid = 'search_index'::regclass AND "
                             "attname = 'tsv'").fetchone()
    with _server_store(pg_url) as s:  # opened again: nothing to do
        assert s.db.conn.raw.execute("SELECT attnum FROM pg_attribute WHERE attrelid = 'search_index'::regclass "
                                     "AND attname = 'tsv'").fetchone() == column
        assert sorted(h.record_id for h in s.search("kh ubnd")) == sorted(people)
