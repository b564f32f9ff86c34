"""The search without tones (store.search): the same records as the ranked search it replaced, a page in
Vietnamese name order, one kind read as one range of the index, and an index migrated and rebuilt for
databases made before the prefix indexes (m013)."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from tdkt_desktop.core.text import fold
from tdkt_desktop.store import open_store, search, sortkeys
from tdkt_desktop.store.db import now_iso
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.lookups import lookup
from tdkt_desktop.store.migrations import M013_SEARCH_INDEX, migrations
from tdkt_desktop.store.naming import naming_of
from tests.server_engine import copy_database, server_engine

FAMILY = ["Nguyễn", "Trần", "Lê", "Đặng", "Đỗ", "Đào", "Phạm", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Thị Kim", "Hữu", "Đức", "Ngọc", "Minh", "Thu"]
GIVEN = ["An", "Ân", "Anh", "Ánh", "Đào", "Đạt", "Lan", "Hương", "Hường", "Nguyệt", "Thư", "Thủy", "Ngân", "Nga"]
PLACES = ["Tân An", "Đông Hải", "Ninh Kiều", "Cờ Đỏ", "Hòa An"]

# What users type: whole names with or without tones, in capitals, a word being typed, a place, đ and Đ.
QUERIES = ["nguyen van an", "NGUYỄN VĂN AN", "dao", "Đào", "đặng thị kim đào", "dang thi kim dao", "an", "ng",
           "ngu", "nguyet", "thi h", "le m", "tan an", "dong hai", "co do", "huong", "hường", "giao vien tan",
           "d", "qwerty", "nguyen zzz", "ha", "anh"]

_WORD = re.compile(r"[0-9a-z]+")


def _people(store, n: int, seed: int = 17) -> list[dict]:
    rng = random.Random(seed)
    out = []
    with store.atomic():
        for _ in range(n):
            out.append(store.insert("people", {
                "full_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                "position": rng.choice(["Giáo viên", "Kế toán", "Công chức Địa chính - Xây dựng", None]),
                "workplace": f"Trường Tiểu học {rng.choice(PLACES)}",
            }))
    return out


def _matches(text: str, query: str) -> bool:
    """The rule the search keeps: every word typed begins one of the words of the record's text, folded."""
    words = _WORD.findall(fold(text))
    return all(any(w.startswith(q) for w in words) for q in _WORD.findall(fold(query)))


def _text(table: str, row: dict, store) -> str:
    return " ".join(str(p) for p in search.SEARCHABLE[table][1](row, naming_of(store)) if p not in (None, ""))


def _ranked_before(store, query: str) -> set[tuple[str, str]]:
    """What the ranked search before m013 found: the same folded texts in an index made as m002 made it, queried
    with its statement (``ORDER BY rank``), every match."""
    db = store.db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.old_index USING fts5(kind UNINDEXED, record_id UNINDEXED, "
               "body, tokenize = 'unicode61 remove_diacritics 2')")
    if not db.execute("SELECT count(*) FROM temp.old_index").fetchone()[0]:
        db.conn.executemany("INSERT INTO temp.old_index (kind, record_id, body) VALUES (?, ?, ?)", [
            (table, row["id"], fold(_text(table, row, store)))
            for table in search.SEARCHABLE for row in store.rows(table)])
    expression = search.match_expression(query)
    sql = "SELECT kind, record_id FROM temp.old_index WHERE old_index MATCH ? ORDER BY rank LIMIT 100000"
    return {(str(k), str(r)) for k, r in db.execute(sql, [expression]).fetchall()}


def _expected(store, query: str, tables: list[str] | None = None) -> list[tuple[str, str]]:
    """Every live matching record, in the order the search gives: the stored sort key, the kind, the id."""
    found = []
    for table in tables or list(search.SEARCHABLE):
        for row in store.rows(table):
            if _matches(_text(table, row, store), query):
                found.append((row["sort_key"] or "", table, row["id"]))
    return [(table, rid) for _, table, rid in sorted(found)]


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory) -> Path:
    """300 people (20 of them deleted), two collectives and a household, written once for the module."""
    path = tmp_path_factory.mktemp("search") / "registry.sqlite"
    with open_store(path, operator="Người kiểm thử") as store:
        init_unit(store, code="31147")
        people = _people(store, 300)
        store.insert("collectives", {"name": "Trường Tiểu học Tân An"})
        store.insert("collectives", {"name": "Tổ Đào tạo Nguyễn Văn An"})
        store.insert("households", {"head_name": "Đặng Thị Kim Đào", "address": "Ấp Đông Hải"})
        for person in people[:20]:
            store.delete("people", person["id"])
    return path


@pytest.fixture
def registry(registry_file, db_path):
    copy_database(registry_file, db_path)
    with open_store(db_path, operator="Người kiểm thử") as store:
        yield store


@pytest.mark.parametrize("query", QUERIES)
def test_finds_the_same_records_as_the_ranked_search_in_name_order(registry, query):
    expected = _expected(registry, query)
    hits = registry.search(query, limit=10_000)
    assert [(h.table, h.record_id) for h in hits] == expected
    if not server_engine():  # the index and statement of before, SQLite's own full-text index
        assert {(h.table, h.record_id) for h in hits} == _ranked_before(registry, query)
    for hit in hits:
        row = registry.get(hit.table, hit.record_id)
        assert hit.title == search.SEARCHABLE[hit.table][2](row, naming_of(registry))


@pytest.mark.parametrize("query", ["nguyen", "ng", "an", "tan an", "thi", "d"])
@pytest.mark.parametrize("limit", [1, 7, 15])
def test_a_page_is_the_first_of_every_match_in_name_order(registry, query, limit):
    expected = _expected(registry, query, ["people"])
    assert len(expected) > limit
    hits = registry.search(query, tables=["people"], limit=limit)
    assert [h.record_id for h in hits] == [rid for _, rid in expected[:limit]]
    titles = [h.title for h in hits]
    keys = [sortkeys.key_of_value(t, "person") for t in titles]
    assert keys == sorted(keys)


def test_a_picker_lists_what_the_search_finds_in_its_order(registry):
    for query in ("nguyen", "dao", "le m"):
        hits = registry.search(query, tables=["people"], limit=30)
        choices = lookup(registry, "people", query)
        assert [value for _, value, _ in choices] == [h.record_id for h in hits] and choices
        assert [name for _, _, name in choices] == [h.title for h in hits]
    assert lookup(registry, "households", "đông hải")[0][2] == "Đặng Thị Kim Đào"
    assert lookup(registry, "people", "qwerty") == []


def test_tones_case_and_d_with_stroke_fold_both_ways(store):
    dao = store.insert("people", {"full_name": "Đặng Thị Kim Đào"})
    dat = store.insert("people", {"full_name": "đỗ văn đạt"})
    other = store.insert("people", {"full_name": "Dương Văn Dao"})
    for query in ("dao", "DAO", "Đào", "đào", "ĐÀO", "dang thi kim dao", "ĐẶNG THỊ KIM ĐÀO", "Đặng Kim"):
        found = {h.record_id for h in store.search(query)}
        assert dao["id"] in found, query
    assert {h.record_id for h in store.search("đạt")} == {dat["id"]} == {h.record_id for h in store.search("DAT")}
    assert {h.record_id for h in store.search("duong dao")} == {other["id"]}
    assert store.search("dăng thi kim dào") and store.search("   ") == [] and store.search("—") == []


def test_limits_and_the_kinds_asked_for(registry):
    assert registry.search("an", limit=0) == []
    assert len(registry.search("an", limit=3)) == 3
    assert registry.search("an", tables=[]) == registry.search("an")  # no list given: every kind
    kinds = {h.table for h in registry.search("dao", limit=10_000)}
    assert kinds == {"people", "collectives", "households"}
    only = registry.search("dao", tables=["collectives", "households"], limit=10_000)
    assert {h.table for h in only} == {"collectives", "households"} and len(only) == 2
    assert registry.search("dao", tables=["nominations"]) == []


def test_a_common_word_sorts_the_first_candidates_only(registry, monkeypatch):
    """Past ``CANDIDATES`` matches a page is drawn from the first found (each a real match, in name order),
    and a limit above it still gives every match."""
    every = _expected(registry, "an", ["people"])
    monkeypatch.setattr(search, "CANDIDATES", 10)
    page = registry.search("an", tables=["people"], limit=5)
    assert len(page) == 5
    keys = [registry.get("people", h.record_id)["sort_key"] for h in page]
    assert keys == sorted(keys)
    assert all(_matches(_text("people", registry.get("people", h.record_id), registry), "an") for h in page)
    assert [h.record_id for h in registry.search("an", tables=["people"], limit=len(every))] == [r for _, r in every]


def test_after_a_rebuild_the_first_candidates_are_the_first_by_name(registry, monkeypatch):
    """The index built again reads the records in name order, so even a page drawn from the first candidates of
    a common word is the first page by name."""
    every = _expected(registry, "an", ["people"])
    with registry.atomic():
        assert search.rebuild_search_index(registry.db, naming_of(registry)) == sum(
            registry.count(t) for t in search.SEARCHABLE)
    monkeypatch.setattr(search, "CANDIDATES", 10)
    assert [h.record_id for h in registry.search("an", tables=["people"], limit=5)] == [r for _, r in every[:5]]
    assert [(h.table, h.record_id) for h in registry.search("dao", limit=10_000)] == _expected(registry, "dao")


def test_each_kind_keeps_its_own_range_of_keys(registry):
    db = registry.db
    for table in search.SEARCHABLE:
        first, last = search.key_range(table)
        keys = db.execute("SELECT id FROM search_keys WHERE kind = ?", [table]).fetchall()
        assert all(first <= k <= last for (k,) in keys), table
        outside = db.execute("SELECT count(*) FROM search_index WHERE kind = ? AND rowid NOT BETWEEN ? AND ?",
                             [table, first, last]).fetchone()[0]
        assert outside == 0
    assert db.execute("SELECT count(*) FROM search_index").fetchone()[0] == sum(
        registry.count(t) for t in search.SEARCHABLE)
    ids = search.matching_ids(db, "collectives", "tan an", limit=100)
    assert ids is not None and len(ids) == 1 and registry.get("collectives", ids[0])["name"] == "Trường Tiểu học Tân An"
    condition, params = search.matching_condition("collectives", "dao tao") or ("", [])
    assert [r[0] for r in db.execute(f"SELECT name FROM collectives WHERE {condition}", params)] == [
        "Tổ Đào tạo Nguyễn Văn An"]


def test_a_renamed_record_moves_in_the_order_and_leaves_its_old_words(store):
    a = store.insert("people", {"full_name": "Trần Thị Yến"})
    b = store.insert("people", {"full_name": "Trần Văn Bình"})
    assert [h.record_id for h in store.search("tran")] == [b["id"], a["id"]]  # Bình before Yến
    store.update("people", b["id"], {"full_name": "Trần Văn Xuân"})
    assert [h.record_id for h in store.search("tran")] == [b["id"], a["id"]]  # Xuân before Yến
    store.update("people", a["id"], {"full_name": "Trần Thị Ánh"})
    assert [h.title for h in store.search("tran")] == ["Trần Thị Ánh", "Trần Văn Xuân"]
    assert store.search("yen") == [] and store.search("binh") == []
    stored = store.db.execute("SELECT sort_key FROM search_index WHERE record_id = ?", [a["id"]]).fetchone()[0]
    assert stored == store.get("people", a["id"])["sort_key"]


def test_records_received_in_a_bundle_take_keys_in_their_kinds_range(store):
    """``index_new_rows`` (bundle import) numbers each kind after its own last key."""
    person = store.insert("people", {"full_name": "Lê Văn Tám"})
    stamp = now_iso()
    new = [("people", {"id": "p-bundle", "full_name": "Lê Thị Đào", "deleted": 0, "created_at": stamp}),
           ("campaigns", {"id": "c-bundle", "name": "Phong trào Đào tạo số", "deleted": 0}),
           ("people", {"id": "p-gone", "full_name": "Lê Văn Mất", "deleted": 1})]
    with store.atomic():
        search.index_new_rows(store.db, new, naming_of(store))
    keys = dict(store.db.execute("SELECT record_id, id FROM search_keys").fetchall())
    assert keys["p-bundle"] == keys[person["id"]] + 1
    assert keys["c-bundle"] == search.key_range("campaigns")[0]
    assert "p-gone" not in keys
    found = search.matching_ids(store.db, "people", "le dao", limit=10)
    assert found == ["p-bundle"]


def test_the_index_version_follows_the_sort_keys_version():
    assert search.SEARCH_INDEX_VERSION.endswith(f".{sortkeys.SORT_KEYS_VERSION}")


def _database_before_m013(path: Path, people: list[str], gone: list[str]) -> None:
    """A database as the application left it before m013: the chain up to m012, people written with their sort
    keys, and the index of that time (kind, record_id, body; keys numbered from 1 across kinds)."""
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m013_search_prefixes")
    stamp = now_iso()
    rows = [(f"p-{i}", name, sortkeys.key_of_value(name, "person"), int(name in gone))
            for i, name in enumerate(people, start=1)]
    db.conn.executemany(
        "INSERT INTO people (id, owner_unit, created_at, updated_at, origin_install, clock, gen, rev, local_seq, "
        "deleted, full_name, sort_key) VALUES (?, '31147', ?, ?, 'old-install', 1, 1, 'r', 1, ?, ?, ?)",
        [(rid, stamp, stamp, deleted, name, key) for rid, name, key, deleted in rows])
    live = [(rid, name) for rid, name, _, deleted in rows if not deleted]
    db.conn.executemany("INSERT INTO search_keys (id, kind, record_id) VALUES (?, 'people', ?)",
                        [(i, rid) for i, (rid, _) in enumerate(live, start=1)])
    db.conn.executemany("INSERT INTO search_index (rowid, kind, record_id, body) VALUES (?, 'people', ?, ?)",
                        [(i, rid, fold(name)) for i, (rid, name) in enumerate(live, start=1)])
    db.execute("INSERT INTO meta (key, value) VALUES ('search_index_version', '3'), ('unit_code', '31147')")
    db.conn.commit()
    db.close()


@pytest.mark.sqlite_only  # a kept SQLite file of schema 12
def test_m013_rebuilds_the_index_of_an_existing_database(tmp_path):
    path = tmp_path / "before-m013.sqlite"
    names = ["Nguyễn Văn An", "Đặng Thị Kim Đào", "Trần Thị Ánh", "Lê Văn Đạt", "Nguyễn Thị Hường"]
    _database_before_m013(path, names, gone=["Lê Văn Đạt"])
    with sqlite3.connect(path) as raw:
        assert "prefix" not in raw.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()[0]
    with open_store(path) as s:
        assert s.last_migration_backup is not None and s.last_migration_backup.exists()
        sql = s.db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()[0]
        assert sql == M013_SEARCH_INDEX
        assert s.meta("search_index_version") == search.SEARCH_INDEX_VERSION
        first, last = search.key_range("people")
        entries = s.db.execute("SELECT rowid, record_id, sort_key, body FROM search_index ORDER BY rowid").fetchall()
        assert sorted(r[1] for r in entries) == ["p-1", "p-2", "p-3", "p-5"]  # the tombstone is not indexed
        assert all(first <= r[0] <= last for r in entries)
        assert [r[2] for r in entries] == [s.get("people", r[1])["sort_key"] for r in entries]
        assert [r[3] for r in entries] == [fold(s.get("people", r[1])["full_name"]) for r in entries]
        assert [h.title for h in s.search("nguyen")] == ["Nguyễn Văn An", "Nguyễn Thị Hường"]
        assert [h.title for h in s.search("dao")] == ["Đặng Thị Kim Đào"]
        assert s.search("dat") == []
        added = s.insert("people", {"full_name": "Nguyễn Văn Ân"})
        assert [h.record_id for h in s.search("nguyen van a")] == ["p-1", added["id"]]
    with open_store(path) as again:  # opened again: nothing rebuilt, nothing lost
        assert again.last_migration_backup is None
        assert len(again.search("nguyen")) == 3


# What people type that is not a plain word: quotes and the full-text syntax's own signs, SQL's wildcards and
# escape, a query longer than any name, tones of every kind; none of it may change which records are found.
ODD_QUERIES = ['"nguyen', "nguyen\"", "'le'", "o'neil", "%", "an%", "_", "a_n", "\\", "dao\\", "nguyen\\%_",
               'NEAR(nguyen van)', "nguyen OR dao", "nguyen AND NOT dao", "-dao", "dao*", "^dao", "dao:*", "dao & !an",
               "(dao)", "thị* | hường", "ＮＧＵＹＥＮ", "ǹguyễn", "Nguyễn\u00a0Văn\tAn", "nguyên vãn án",
               "NGUYỄN VĂN AN " * 40, "a" * 300, " ".join(["an"] * 60)]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_find_what_their_words_find(registry, query):
    """Only the words of a query count ([0-9a-z] runs of its folded text), whatever else it holds: the records of
    the rule, in name order, with their titles — the same on a file and on a server. A query of no word finds
    nothing."""
    hits = registry.search(query, limit=10_000)
    words = _WORD.findall(fold(query))
    assert [(h.table, h.record_id) for h in hits] == (_expected(registry, query) if words else [])
    for hit in hits:
        assert hit.title == search.SEARCHABLE[hit.table][2](registry.get(hit.table, hit.record_id), naming_of(registry))


def test_the_words_of_a_text_are_its_runs_of_letters_and_digits(store):
    """A document number, a name in quotes, a form's number, words joined by signs: each run of letters and
    digits is a word (SQLite's tokenizer splits them so; the server's index, which once kept '21/kh-ubnd' as one
    word, too)."""
    campaign = store.insert("campaigns", {"name": "Phong trào “Dân vận khéo” (đợt 2)", "doc_number": "21/KH-UBND",
                                          "campaign_type": "thematic",
                                          "issuing_body": "UBND phường Tân An"})
    person = store.insert("people", {"full_name": "Lê Thị Ánh-Tuyết", "workplace": "Tổ dân phố 3.2_A",
                                     "id_number": "092-301-004567"})
    for query in ("ubnd", "kh", "21 kh", "21/kh-ubnd", "dan van kheo", "kheo", "“kheo”", "dot 2"):
        assert [h.record_id for h in store.search(query)] == [campaign["id"]], query
    for query in ("tuyet", "anh tuyet", "ánh-tuyết", "3 2 a", "3.2_a", "004567", "092 301"):
        assert [h.record_id for h in store.search(query)] == [person["id"]], query
    assert store.search("hkh") == [] and store.search("ubndx") == [] and store.search("anhtuyet") == []


def test_an_entry_whose_record_is_missing_is_left_out(store):
    """An entry of the index without its record (an index behind its table) is no hit; the others still are."""
    kept = store.insert("people", {"full_name": "Trần Văn Mười"})
    low, _ = search.key_range("people")
    with store.atomic():
        store.db.execute("INSERT INTO search_index (rowid, kind, record_id, sort_key, body) VALUES (?, ?, ?, ?, ?)",
                         [low + 1000, "people", "p-missing", "", "tran van muoi"])
    assert [h.record_id for h in store.search("tran van muoi")] == [kept["id"]]


def test_the_title_of_a_hit_reads_only_its_title_columns(registry):
    """A search reads the columns :data:`search.TITLE_COLUMNS` names, not whole records: each kind's title made
    from them alone is the title made from the whole record."""
    naming = naming_of(registry)
    for table, (_, _, title) in search.SEARCHABLE.items():
        for row in registry.rows(table, limit=20):
            only = {column: row[column] for column in search.TITLE_COLUMNS[table]}
            assert title(only, naming) == title(row, naming), table


def test_a_query_matching_100000_records_gives_the_page_of_its_first_candidates(store):
    """100,000 people share a word: the page is the first :data:`search.CANDIDATES` found (in the order of the
    index's keys) sorted by name, on both engines; a limit past them gives every match in name order."""
    template = store.insert("people", {"full_name": "Phan Văn Mẫu"})
    rng = random.Random(5)
    rows = []
    for number in range(100_000):
        row = dict(template, id=f"p{number:06d}", full_name=f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)} {number}")
        row["sort_key"] = sortkeys.key_of("people", row)
        rows.append(row)
    columns = list(template)
    with store.atomic():
        store.db.conn.executemany(f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                  [[r[c] for c in columns] for r in rows])
        search.index_new_rows(store.db, [("people", r) for r in rows], naming_of(store))
    first = sorted([template, *rows][:search.CANDIDATES], key=lambda r: (r["sort_key"], r["id"]))  # keyed so
    expected = [r["id"] for r in first]
    assert [h.record_id for h in store.search("van")] == expected[:50]
    assert [h.record_id for h in store.search("VĂN", tables=["people"], limit=7)] == expected[:7]
    assert [h.title for h in store.search("van", limit=3)] == [r["full_name"] for r in first[:3]]
    every = store.search("van", tables=["people"], limit=200_000)
    assert [h.record_id for h in every] == [r["id"] for r in sorted(
        [template, *rows], key=lambda r: (r["sort_key"], r["id"]))]
