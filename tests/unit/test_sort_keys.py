"""Lists sorted in SQL: the stored sort key orders names exactly as core.text does (Đ after D, tones after the
letter, Ư, Ơ, spaces), stays right on every write path (edit, bundle merge, Excel import, a database opened
with old or missing keys), never travels in a bundle, and every list query reads its order from an index."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tdkt_desktop.core.text import collate_key, person_sort_key, person_sort_text, sort_text
from tdkt_desktop.excel.importer import apply_import, preview_import
from tdkt_desktop.store import open_store, sortkeys
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.listing import ListQuery
from tdkt_desktop.sync import import_bundles

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, pair, person, plain_payload, send

TRICKY = [
    "Đào An", "Dương An", "Dao Ân", "Ưng Thị Ơn", "Ung Văn Ơ", "Uông Ư", "Ông Ổn", "Ôn Ơn", "Ơn Ôn",
    "Nguyễn Văn An", "Nguyễn Văn Anh", "Nguyễn An", "Nguyễn Văn  An", "An", "Anh", "An Bình", "Lê Thị Hà",
    "Lê Thị Hạ", "Lê Thị Hả", "Lê Thị Ha", "Lê Thị Hã", "Lê Thị Há", "Trần Đức", "Trần Duc", "Trần Dực",
    "Ắc", "Ăn", "Ân", "Âm", "đinh lan", "Đinh Lan", "Z-Zê", "Jean Nguyễn", "K'Sor H'Hen", "Nguyễn 2", "Y Đức",
    "Vũ Thị Ánh Tuyết", "Võ Ư", "Vũ Ứ", "Phạm  Thị   Thu", "Nguyen Van An",
]
NFD = ["Nguye\u0302\u0303n Ba\u0301", "Đặng Thi\u0323 Lơ\u0300i"]


def _random_names(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    letters = [*"aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐƯƠz1 ", "á", "ạ", "ề", "ữ", "ỷ", "ố", "ờ", "ự", "Ứ", "Ợ"]
    return ["".join(rng.choice(letters) for _ in range(rng.randint(0, 9))) for _ in range(n)]


def test_the_stored_key_sorts_as_core_text_defines_vietnamese_order() -> None:
    names = TRICKY + NFD + _random_names(5000, 17)
    assert sorted(names, key=sort_text) == sorted(names, key=collate_key)
    assert sorted(names, key=person_sort_text) == sorted(names, key=person_sort_key)
    # the letters the key must get right, spelled out: Đ after D, Ư after U, Ơ after Ô after O, tones after the letter
    assert sorted(["Đa", "Da", "Dz", "Ea"], key=sort_text) == ["Da", "Dz", "Đa", "Ea"]
    assert sorted(["Ưa", "Ua", "Uz", "Va"], key=sort_text) == ["Ua", "Uz", "Ưa", "Va"]
    assert sorted(["Ơ", "Ô", "O", "Oz", "P"], key=sort_text) == ["O", "Oz", "Ô", "Ơ", "P"]
    assert sorted(["Hạ", "Ha", "Hà", "Há", "Hả", "Hã", "Hb"], key=sort_text) == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ", "Hb"]
    # the binary order SQLite uses is the order of the key's UTF-8 bytes: the same
    keys = [sort_text(n) for n in names]
    assert sorted(keys, key=lambda k: k.encode("utf-8")) == sorted(keys)


def _sql_order(store: Store, table: str, **kw: object) -> list[str]:
    field = sortkeys.SORT_KEYS[table][0]
    query = ListQuery(table, sort_field=field, sort_kind=sortkeys.SORT_KEYS[table][1], **kw)  # type: ignore[arg-type]
    assert query.order_by() is not None and "sort_key" in str(query.order_by())
    rows = store.rows(table)
    by_id = {r["id"]: r[field] for r in rows}
    return [by_id[i] for i in query.ids(store)]


def test_lists_sorted_in_sql_follow_core_order_after_inserts_edits_and_deletes(store: Store) -> None:
    made = {name: store.insert("people", {"full_name": name}) for name in TRICKY + NFD}
    shown = _sql_order(store, "people")
    assert shown == sorted(shown, key=person_sort_key) and len(shown) == len(TRICKY + NFD)
    assert _sql_order(store, "people", descending=True) == shown[::-1]
    # an edit moves the record: "An" becomes "Ưng Ỵ" (given name Ỵ: before z and digits)
    store.update("people", made["An"]["id"], {"full_name": "Ưng Ỵ"})
    shown = _sql_order(store, "people")
    assert shown[-3:] == ["Ưng Ỵ", "Z-Zê", "Nguyễn 2"] and "An" not in shown and shown == sorted(shown, key=person_sort_key)
    store.delete("people", made["Đào An"]["id"])
    assert "Đào An" not in _sql_order(store, "people")
    store.restore("people", made["Đào An"]["id"])
    assert _sql_order(store, "people") == shown
    # text order (whole name) for collectives and campaigns
    for name in TRICKY:
        store.insert("collectives", {"name": name})
    shown = _sql_order(store, "collectives")
    assert shown == sorted(shown, key=collate_key) and len(shown) == len(TRICKY)


def test_the_key_is_stored_for_every_keyed_table_and_matches_its_field(demo_store: Store) -> None:
    for table, (field, order) in sortkeys.SORT_KEYS.items():
        rows = demo_store.db.execute(f"SELECT {field}, sort_key FROM {table}").fetchall()
        for value, key in rows:
            assert key == sortkeys.key_of_value(value, order), (table, value)


def test_keys_are_computed_again_when_a_database_is_opened_with_missing_or_old_keys(store: Store) -> None:
    db_path = store.path
    store.close()
    with open_store(db_path) as s:
        for name in TRICKY:
            s.insert("people", {"full_name": name})
        # another program (or an older version) wrote rows without keys, or wrong ones
        s.db.execute("UPDATE people SET sort_key = NULL WHERE rowid % 2 = 0")
        s.db.execute("UPDATE people SET sort_key = 'zzz' WHERE rowid % 2 = 1")
        s.set_meta("sort_keys_version", "0")
    with open_store(db_path) as s:
        assert s.meta("sort_keys_version") == sortkeys.SORT_KEYS_VERSION
        stored = [r["full_name"] for r in s.rows("people")]  # as the store wrote them (names capitalised)
        assert len(stored) == len(TRICKY)
        assert _sql_order(s, "people") == sorted(stored, key=person_sort_key)


def test_received_and_merged_rows_get_their_key_and_the_key_never_travels(tmp_path: Path) -> None:
    prov = make_node(tmp_path, PROVINCE)
    ward = make_node(tmp_path, COMMUNES[0])
    pair(prov, ward)
    people = [person(ward, name) for name in ("Đặng Thị Ư", "Dương Văn Ơ", "Trần Ân", "Lê An")]
    for p in people:
        nomination(ward, p)
    bundle = send(ward, prov, tmp_path, encrypt=False)
    payload = plain_payload(bundle)
    assert "Đặng Thị Ư" in str(payload) and "sort_key" not in str(payload)  # local bookkeeping: not sent
    import_bundles(prov, [bundle])
    for table in ("people", "nominations"):
        field, order = sortkeys.SORT_KEYS[table]
        rows = prov.db.execute(f"SELECT {field}, sort_key FROM {table} WHERE owner_unit = ?", [COMMUNES[0]]).fetchall()
        assert len(rows) == 4 and all(key == sortkeys.key_of_value(v, order) for v, key in rows)
    # the commune renames a person: the merged version is re-keyed at the province
    ward.update("people", people[3]["id"], {"full_name": "Lê Ỹ"})
    import_bundles(prov, [send(ward, prov, tmp_path)])
    key = prov.db.execute("SELECT sort_key FROM people WHERE id = ?", [people[3]["id"]]).fetchone()[0]
    assert key == person_sort_text("Lê Ỹ")
    names = _sql_order(prov, "people", filters={"owner_unit": COMMUNES[0]})
    assert names == sorted(names, key=person_sort_key) and names[-1] == "Lê Ỹ"


def test_people_imported_from_excel_get_their_key(store: Store) -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "excel"
    apply_import(store, preview_import(store, fixtures / "people_vni.xlsx", "people"))
    rows = store.db.execute("SELECT full_name, sort_key FROM people WHERE deleted = 0").fetchall()
    assert rows and all(key == person_sort_text(name) for name, key in rows)
    names = _sql_order(store, "people")
    assert names == sorted(names, key=person_sort_key)


def _plan(store: Store, query: ListQuery) -> str:
    where, params = query.where()
    sql = f"SELECT id FROM {query.table} WHERE {where} ORDER BY {query.order_by()} LIMIT 40"
    return " | ".join(str(r[-1]) for r in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.sqlite_only  # SQLite's query plans
def test_list_queries_read_their_order_from_an_index(store: Store, descending: bool) -> None:
    queries = [ListQuery(t, sort_field=f, sort_kind=k, descending=descending) for t, (f, k) in sortkeys.SORT_KEYS.items()]
    queries.append(ListQuery("nominations", sort_field="year", sort_kind="sql", descending=descending))
    queries.append(ListQuery("nominations", sort_field="subject_name", sort_kind="person", descending=descending,
                             search="thi"))
    for query in queries:
        plan = _plan(store, query)
        assert "TEMP B-TREE" not in plan and "INDEX" in plan, (query.table, query.sort_field, plan)


def test_the_key_computed_word_by_word_equals_the_key_of_the_whole_text() -> None:
    """sort_text remembers words; the key must be the one collate_key gives the whole text, even with combining
    marks beginning a word, tabs and no-break spaces, final sigma, and letters whose small form is longer."""
    from tdkt_desktop.core import text

    def whole(value: str) -> str:
        primary, tones, cleaned = collate_key(value)
        return text._KEY_END.join(
            ["".join(map(text._primary_char, primary)), "".join(chr(0x30 + t) for t in tones), cleaned])

    rng = random.Random(5)
    letters = [*"aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƯƠzΣσ1 \u00a0\t", "á", "ạ", "ề", "ữ", "Ứ", "Ợ", "\u0301", "\u0323",
               "\u0302", "\u0306", "\u0327", "İ", "ß", "\u0f73"]
    names = TRICKY + NFD + ["".join(rng.choice(letters) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    assert [sort_text(n) for n in names] == [whole(n) for n in names]
