"""The province merge's shortcuts give what the long way gives: each is checked against it.

* the parties of a record (owner, writers, appraising office) are remembered during an import by what they
  depend on — the record's owner, title and year, and the unit tree as it grows (see also
  ``test_sync_pinned_importer``: nominations of one ward for titles decided at two levels);
* two field values are compared without encoding them when both are plain text, integers or empty;
* a revision's hash is computed from the vector and stamps already read, and a merged version's from those it
  was made of;
* a record's indexed text is folded part by part, each part remembered;
* a received row's search entry takes the sort key computed for its write (once), new rows and rows replaced
  alike; its audit entry's row after is made by the database from the rows as stored, one statement per run of
  rows of one table (the tables with a real number or too many columns: encoded here).
"""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import fold
from tdkt_desktop.store import open_store, revisions, search, sortkeys
from tdkt_desktop.store.authority import parties
from tdkt_desktop.store.db import SYNCED_TABLES
from tdkt_desktop.store.errors import StoreError
from tdkt_desktop.store.revisions import LOCAL_FIELDS, content_hash, parse_stamps, parse_vv
from tdkt_desktop.sync import import_bundles, importer
from tdkt_desktop.sync import writer as writer_module
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.fieldmerge import _same
from tdkt_desktop.sync.importer import _Context
from tdkt_desktop.sync.writer import RowWriter

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, pair, person, send
from .test_sync_pinned_importer import plain, rewrite

C1 = COMMUNES[0]


def test_the_parties_remembered_follow_the_unit_tree_as_it_grows(tmp_path):
    """A unit learnt during an import (a ward's new school, or the level of a unit known without one) changes
    who writes its records: what was remembered before is not used after."""
    prov = make_node(tmp_path, PROVINCE)
    ctx = _Context(prov, dry_run=True, backup=False)
    school = {"owner_unit": "31147-TH9", "title_code": None, "year": None}
    assert ctx.parties("people", school).writers == frozenset({"31147-TH9"})  # not known here yet
    ctx.tree.add("31147-TH9", C1, "school")  # its unit row arrives: a school consolidated by the ward
    assert ctx.parties("people", school) == parties(ctx.tree, "people", school)
    assert ctx.parties("people", school).writers == frozenset({"31147-TH9", C1})
    ctx.tree.add("31147-X", C1)  # known without a level (not a sub-unit)…
    hamlet = {"owner_unit": "31147-X"}
    assert ctx.parties("people", hamlet).writers == frozenset({"31147-X"})
    ctx.tree.add("31147-X", C1, "hamlet")  # …then with one: a sub-unit of the ward
    assert ctx.parties("people", hamlet).writers == frozenset({"31147-X", C1})
    # a value no key can hold is judged as it is
    odd = {"owner_unit": C1, "title_code": ["LDTT"], "year": None}
    assert ctx.parties("people", odd) == parties(ctx.tree, "people", odd)
    prov.close()


def _encoded_same(a: Any, b: Any) -> bool:
    """The definition: the same JSON, or the same number."""
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str) or (
        isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool) and float(a) == float(b)
    )


_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))


@given(_values, _values)
@example(float("nan"), float("nan"))  # one JSON text, not equal
@example(0.0, -0.0)  # equal, two JSON texts
@example(2**60, 2**60 + 1)  # two integers, one float
@example([1], [1.0])  # equal lists, two JSON texts
@example(1, True)
@example("1", 1)
def test_two_values_are_the_same_exactly_when_their_encodings_say_so(a: Any, b: Any) -> None:
    assert _same(a, b) == _encoded_same(a, b)
    assert _same(a, a) == _encoded_same(a, a)


def _index_entries(store) -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in store.db.execute("SELECT kind, record_id, sort_key FROM search_index")}


def test_every_search_entry_a_merge_writes_holds_the_sort_key_of_its_record_as_written(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, C1)
    pair(prov, c1)
    people = [person(c1, name) for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    for who in people:
        nomination(c1, who)
    import_bundles(prov, [send(c1, prov, tmp_path)], backup=False)
    # a renamed person and a nomination renamed with them: the entries replaced take the new keys
    c1.update("people", people[0]["id"], {"full_name": "Nguyễn Văn Ân"})
    renamed = c1.rows("nominations", "subject_id = ?", [people[1]["id"]])[0]
    c1.update("nominations", renamed["id"], {"subject_name": "Trần Thị Bích"})
    report = import_bundles(prov, [send(c1, prov, tmp_path)], backup=False)
    assert report.total("updated") == 2
    entries = _index_entries(prov)
    held = {(t, r["id"]): r for t in ("people", "nominations") for r in prov.rows(t)}
    assert set(entries) == set(held)
    for (table, rid), row in held.items():
        assert entries[(table, rid)] == row[sortkeys.COLUMN] == sortkeys.key_of(table, row), (table, row)
    assert entries[("people", people[0]["id"])] == sortkeys.key_of_value("Nguyễn Văn Ân", "person")
    assert entries[("nominations", renamed["id"])] == sortkeys.key_of_value("Trần Thị Bích", "person")
    for s in (prov, c1):
        s.close()


class _Spy:
    """The writer's connection, counting the statements it runs: those of ``executemany`` with their rows
    (``many``), and all of them in order (``ran``)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.many: list[tuple[str, int]] = []
        self.ran: list[str] = []

    def executemany(self, sql: str, params: Any) -> Any:
        params = list(params)
        self.many.append((sql, len(params)))
        self.ran.append(sql)
        return self.conn.executemany(sql, params)

    def execute(self, sql: str, params: Any = ()) -> Any:
        self.ran.append(sql)
        return self.conn.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def test_an_audit_entry_holds_the_row_as_stored_made_by_the_database_one_statement_per_run(tmp_path, monkeypatch):
    """The row after of a received row's audit entry is the row as stored, without this database's own columns,
    made by the database: one statement per run of rows of one table written one after the other, not encoded
    row by row here (only the changed fields before are)."""
    src = make_node(tmp_path, C1)
    received = [{k: v for k, v in person(src, name).items() if k not in LOCAL_FIELDS}
                for name in ("Nguyễn Văn An", "Lê Thị Hoa", "Phạm Văn Đức")]
    made_here = dict(person(src, "Trần Thị Bình"))  # local_seq, local_from and sort_key included
    assert set(LOCAL_FIELDS) <= set(made_here)
    renamed = dict(received[0], full_name="Nguyễn Văn Ân")
    dst = make_node(tmp_path, PROVINCE, name="dst")
    encoded: list[Any] = []
    real_encode = writer_module._AUDIT_JSON
    monkeypatch.setattr(writer_module, "_AUDIT_JSON", lambda value: encoded.append(value) or real_encode(value))
    with dst.atomic():
        writer = RowWriter(dst)
        spy = writer.conn = _Spy(writer.conn)
        for row in received:
            writer.put("people", row, None, source="elsewhere")
        writer.put("people", made_here, None)
        writer.flush()
        writer.put("people", renamed, dst.get("people", renamed["id"]), source="elsewhere")
        writer.flush()
    entries = [e for e in dst.audit_entries() if e["action"] == "sync"]
    after = [json.loads(e["after_json"]) for e in entries]
    assert after == [*received, {k: v for k, v in made_here.items() if k not in LOCAL_FIELDS}, renamed]
    assert [json.loads(e["before_json"] or "null") for e in entries] == [None] * 4 + [{"full_name": "Nguyễn Văn An"}]
    assert encoded == [{"full_name": "Nguyễn Văn An"}]  # no row after was encoded here
    audits = [(sql, n) for sql, n in spy.many if "audit_log" in sql]
    assert [n for _, n in audits] == [1, 1]  # the four new rows in one run, then the renamed one
    assert len({sql for sql, _ in audits}) == 1 and "json_object(" in audits[0][0]
    for s in (src, dst):
        s.close()


def test_every_record_is_written_by_an_upsert_even_one_said_to_be_new(tmp_path):
    """Records are written by an upsert, also one the caller found no live version of: its tombstone, or a version
    written earlier in the same import, may be held. A plain insert of such a record (tried for speed) failed the
    whole import on its unique id — found by the network property test (restores and copies)."""
    src = make_node(tmp_path, C1)
    who = person(src, "Nguyễn Văn An")
    nom = nomination(src, who)
    rows = {t: {k: v for k, v in r.items() if k not in LOCAL_FIELDS} for t, r in (("people", who), ("nominations", nom))}
    dst = make_node(tmp_path, PROVINCE, name="dst")
    with dst.atomic():
        writer = RowWriter(dst)
        spy = writer.conn = _Spy(writer.conn)
        for table, row in rows.items():
            writer.put(table, row, None, source="elsewhere")
        writer.flush()
        renamed = dict(rows["people"], full_name="Nguyễn Văn Ân")
        writer.put("people", renamed, dst.get("people", who["id"]), source="elsewhere")
        writer.flush()
    written = [sql for sql in spy.ran if sql.startswith('INSERT INTO "')]  # into a table, not a staging one
    assert [sql.split('"')[1] for sql in written] == ["people", "nominations", "people"]
    assert all("ON CONFLICT(id) DO UPDATE" in sql for sql in written)
    assert dst.get("people", who["id"])["full_name"] == "Nguyễn Văn Ân"
    audits = len(dst.audit_entries())
    with dst.atomic():  # written earlier in this import, and given again as new: replaced, the import goes on
        writer = RowWriter(dst)
        writer.put("people", dict(rows["people"], full_name="Nguyễn Văn Anh"),
                   dst.get("people", who["id"]), source="elsewhere")
        writer.put("people", dict(rows["people"], full_name="Nguyễn Văn Ánh"), None, source="elsewhere")
        writer.flush()
    assert dst.get("people", who["id"])["full_name"] == "Nguyễn Văn Ánh" and len(dst.audit_entries()) == audits + 2
    assert [h.title for h in dst.search("Nguyễn Văn Ánh")] == ["Nguyễn Văn Ánh"]  # one search entry, the last
    for s in (src, dst):
        s.close()


def test_a_record_written_twice_in_one_batch_keeps_both_audit_entries(tmp_path):
    src = make_node(tmp_path, C1)
    row = {k: v for k, v in person(src, "Nguyễn Văn An").items() if k not in LOCAL_FIELDS}
    dst = make_node(tmp_path, PROVINCE, name="dst")
    second = dict(row, full_name="Nguyễn Văn Ân")
    with dst.atomic():
        writer = RowWriter(dst)
        writer.put("people", row, None)
        writer.put("people", second, row)
        writer.flush()
    entries = [e for e in dst.audit_entries() if e["action"] == "sync"]
    assert [json.loads(e["after_json"])["full_name"] for e in entries] == ["Nguyễn Văn An", "Nguyễn Văn Ân"]
    assert dst.get("people", row["id"])["full_name"] == "Nguyễn Văn Ân"
    for s in (src, dst):
        s.close()


def test_the_tables_whose_audit_rows_are_encoded_here(tmp_path):
    """A table with a real number (SQLite's json_object writes 15 digits of it) or too many columns for one
    json_object on both engines is encoded here; every other synced table by the database."""
    store = make_node(tmp_path, C1)
    here = set()
    for table in SYNCED_TABLES:
        columns = [(str(r[1]), str(r[2])) for r in store.db.execute(f"PRAGMA table_info({table})").fetchall()
                   if r[1] not in LOCAL_FIELDS]
        assert 2 * len(columns) <= writer_module.MAX_OBJECT_ARGS, table  # none too wide today
        if not writer_module.audit_in_sql(columns):
            here.add(table)
    assert here == {"targets", "target_results", "votes"}
    assert not writer_module.audit_in_sql([(f"c{i}", "TEXT") for i in range(writer_module.MAX_OBJECT_ARGS // 2 + 1)])
    camp = store.insert("campaigns", {"name": "Thi đua năm 2025", "campaign_type": "regular", "year": 2025})
    target = store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "Tỷ lệ", "comparator": "at_least",
                                      "value": 0.1 + 0.2, "unit": "%", "rollup": "mean"})
    dst = make_node(tmp_path, PROVINCE, name="dst")
    with dst.atomic():
        writer = RowWriter(dst)
        for table, row in (("campaigns", camp), ("targets", target)):
            writer.put(table, {k: v for k, v in row.items() if k not in LOCAL_FIELDS}, None)
        writer.flush()
    (entry,) = [e for e in dst.audit_entries() if e["action"] == "sync" and e["table_name"] == "targets"]
    assert json.loads(entry["after_json"])["value"] == 0.1 + 0.2 == 0.30000000000000004  # every digit
    for s in (store, dst):
        s.close()


def test_a_hash_from_the_vector_and_stamps_already_read_is_the_hash_of_the_row(tmp_path):
    src = make_node(tmp_path, C1)
    row = person(src, "Nguyễn Văn An")
    nom = nomination(src, row)
    for r in (row, nom, src.update("people", row["id"], {"position": "Trưởng thôn"})):
        assert content_hash(r, vv=parse_vv(r["vv"]), stamps=parse_stamps(r["stamps"])) == content_hash(r)
    src.close()


_json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)),
    max_leaves=12,
)


@given(_json_values)
@example({"b": 1, "a": [float("nan"), float("inf"), -0.0, 1e16, 2**70], "": "Nguyễn \"An\"\n"})
def test_the_canonical_encoder_made_once_writes_what_json_writes(value: Any) -> None:
    """Revisions are named by the hash of this text: the encoder made once must write exactly what ``json.dumps``
    with sorted keys and no spaces writes."""
    assert revisions._CANONICAL(value) == json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_the_canonical_encoder_is_made_once(monkeypatch):
    """Encoding does not go through ``JSONEncoder.encode`` (which makes a new encoder at each call) where the
    interpreter has the C encoder."""
    if json.encoder.c_make_encoder is None:  # an interpreter without it: encode itself is used
        return
    monkeypatch.setattr(json.JSONEncoder, "iterencode", lambda *_a, **_k: (_ for _ in ()).throw(AssertionError))
    assert revisions._CANONICAL({"b": [1, None], "a": "Ân"}) == '{"a":"Ân","b":[1,null]}'


_parts = st.one_of(st.none(), st.integers(), st.text(alphabet=[*"aĐđ Ân\u0301\u0323\u00a0\t1-", "ề", "Ợ"], max_size=8))


@given(st.tuples(_parts, _parts, _parts, _parts))
@example(("Nguyễn  Văn", " ", "\u0301An", "Đ\u00a0"))
@example(("", None, "  ", 0))
@example((None, None, 0, "\u0301"))  # a part folding to nothing but not white space: a space is left, as before
def test_the_indexed_text_folded_part_by_part_is_the_whole_text_folded(parts) -> None:
    """A record's indexed text is made part by part (each part remembered): the same as its parts joined, then
    folded."""
    row = dict(zip(("full_name", "position", "workplace", "id_number"), parts, strict=True))
    joined = " ".join(str(p) for p in parts if p not in (None, ""))
    assert search.folded_text("people", row, None) == fold(joined)  # type: ignore[arg-type]


def test_each_part_of_an_indexed_text_is_folded_once(monkeypatch):
    """A person's name, a title and an achievement repeat across records: each is folded once."""
    folded: list[str] = []
    monkeypatch.setattr(search, "fold", lambda text: folded.append(text) or fold(text))
    search._fold_part.cache_clear()
    naming = Naming()
    rows = [{"subject_name": "Nguyễn Văn An", "title_code": "LDTT", "achievement": "Hoàn thành xuất sắc nhiệm vụ"},
            {"subject_name": "Nguyễn Văn An", "title_code": "LDTT", "achievement": "Hoàn thành xuất sắc nhiệm vụ"}]
    texts = [search.folded_text("nominations", row, naming) for row in rows]
    assert texts[0] == texts[1] and texts[0].startswith("nguyen van an ") and texts[0].endswith(" hoan thanh xuat sac nhiem vu")
    assert len(folded) == 3
    search._fold_part.cache_clear()


def _two_communes_bundles(tmp_path) -> tuple[Any, Any]:
    prov = make_node(tmp_path, PROVINCE)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for code in COMMUNES[:2]:
        commune = make_node(tmp_path, code)
        pair(prov, commune)
        for i in range(3):
            nomination(commune, person(commune, f"Cán bộ {code} số {i}"))
        send(commune, prov, folder)
        commune.close()
    return prov, folder


@pytest.mark.sqlite_only  # the statements as SQLite runs them
def test_a_bundle_is_checked_and_merged_without_a_savepoint(tmp_path):
    """A bundle's checks write nothing before they have all passed, and its rows are written in the import's
    transaction: no savepoint (one would copy every page the merge changes once more and make the full-text index
    write out its pending entries at each bundle) — nor one around a read (``db.query`` opens one around every
    statement run in a transaction: the import reads with :meth:`Store.read`)."""
    prov, folder = _two_communes_bundles(tmp_path)
    savepoints: list[str] = []
    writes = 0

    def trace(sql: str) -> None:
        nonlocal writes
        if sql.strip().upper().startswith("SAVEPOINT"):
            savepoints.append(sql)
        elif sql.startswith(('INSERT INTO "people"', 'INSERT INTO "nominations"')):
            writes += 1

    prov.db.conn.set_trace_callback(trace)
    report = import_bundles(prov, [folder], backup=False)
    prov.db.conn.set_trace_callback(None)
    assert report.exit_code == 0 and report.total("new") >= 12
    assert writes >= 2 and savepoints == []  # the records were written (both tables), without a savepoint
    assert prov.db.execute("SELECT COUNT(*) FROM people").fetchone()[0] >= 6
    prov.close()


def test_a_read_gives_the_rows_query_gives(tmp_path):
    """:meth:`Store.read` (no savepoint) gives the rows ``db.query`` gives: dicts by column name, in order, with
    parameters by position or by name, none for a read that finds nothing — in a transaction and outside one."""
    prov, folder = _two_communes_bundles(tmp_path)
    assert import_bundles(prov, [folder], backup=False).exit_code == 0
    reads = [("SELECT * FROM units ORDER BY code", None),
             ("SELECT id, full_name AS name, deleted FROM people WHERE unit_code = ? ORDER BY id", [C1]),
             ("SELECT COUNT(*) AS n FROM nominations WHERE year = :year", {"year": 2025}),
             ("SELECT * FROM people WHERE id = ?", ["không có"])]
    for sql, params in reads:
        assert prov.read(sql, params) == list(prov.db.query(sql, params))
        with prov.atomic():
            assert prov.read(sql, params) == list(prov.db.query(sql, params))
    assert len(prov.read(*reads[1])) == 3 and prov.read(*reads[2]) == [{"n": 6}]
    assert prov.read(*reads[3]) == []
    prov.close()


def test_a_new_installation_is_recorded_only_with_a_bundle_that_passes_every_check(tmp_path):
    """A sender restored from a backup (a new installation naming the enrolled one as its previous one) is recorded
    when its bundle passes every check — not when a later check refuses the bundle."""
    prov, _ = _two_communes_bundles(tmp_path)
    c1 = open_store(tmp_path / f"{C1}.sqlite")
    old_install = c1.install_id
    c1.renew_installation_identity(reason="restore")
    person(c1, "Lý Thị Mai")
    wrong_way = plain(c1, PROVINCE, tmp_path)
    rewrite(wrong_way, c1, manifest=lambda m: m.update(direction="down"))
    events = prov.db.execute("SELECT COUNT(*) FROM sync_key_events").fetchone()[0]
    (b,) = import_bundles(prov, [wrong_way], backup=False).bundles
    assert (b.status, b.error_code) == ("refused", "not_related")
    assert prov.db.execute("SELECT install_id FROM sync_peers WHERE unit_code = ?", [C1]).fetchone()[0] == old_install
    assert prov.db.execute("SELECT COUNT(*) FROM sync_key_events").fetchone()[0] == events
    good = plain(c1, PROVINCE, tmp_path)
    (b,) = import_bundles(prov, [good], backup=False).bundles
    assert b.status == "merged" and "khôi phục cơ sở dữ liệu từ bản sao lưu" in b.notes[0]
    assert prov.db.execute("SELECT install_id FROM sync_peers WHERE unit_code = ?", [C1]).fetchone()[0] == c1.install_id
    for s in (prov, c1):
        s.close()


def test_an_error_in_the_middle_of_a_merge_leaves_nothing_of_the_import(tmp_path, monkeypatch):
    """Nothing in a merge refuses a bundle; should anything fail there, the whole import ends and nothing of it is
    kept — not the bundles merged before, not half of this one."""
    prov, folder = _two_communes_bundles(tmp_path)
    def counts() -> dict[str, int]:
        return {t: prov.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("people", "nominations", "audit_log", "sync_incoming", "search_keys")}

    before = counts()
    seq = prov.current_local_seq()
    calls = []
    real = importer._apply_row

    def fail_in_the_second_bundle(ctx: Any, job: Any, writer: Any, table: str, row: Any, held: Any) -> None:
        if row.get("owner_unit") == COMMUNES[1]:
            calls.append(1)
            if len(calls) == 4:  # the second bundle's fourth row
                raise SyncError("hỏng giữa chừng", code="broken")
        real(ctx, job, writer, table, row, held)

    monkeypatch.setattr(importer, "_apply_row", fail_in_the_second_bundle)
    with pytest.raises(SyncError):
        import_bundles(prov, [folder], backup=False)
    assert counts() == before and prov.current_local_seq() == seq
    monkeypatch.setattr(importer, "_apply_row", real)
    assert import_bundles(prov, [folder], backup=False).total("new") >= 12  # and the bundles merge afterwards
    assert prov.count("people") == before["people"] + 6
    prov.close()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_of_cycles_rests_during_a_merge_and_comes_back(tmp_path, monkeypatch, enabled):
    """No collection of reference cycles while merging (each would walk every container alive); the collector is
    as it was afterwards, after a failure too."""
    prov, folder = _two_communes_bundles(tmp_path)
    during = []
    real = importer._apply_row

    def note(*args: Any) -> None:
        during.append(gc.isenabled())
        real(*args)

    (gc.enable if enabled else gc.disable)()
    try:
        monkeypatch.setattr(importer, "_apply_row", lambda *_a: (_ for _ in ()).throw(SyncError("x", code="x")))
        with pytest.raises(SyncError):
            import_bundles(prov, [folder], backup=False)
        assert gc.isenabled() == enabled
        monkeypatch.setattr(importer, "_apply_row", note)
        assert import_bundles(prov, [folder], backup=False).total("new") >= 12
        assert during and not any(during) and gc.isenabled() == enabled
    finally:
        gc.enable()
    prov.close()


# the values a tampered or odd bundle may carry, into a TEXT and an INTEGER column
_ODD_VALUES = [None, 0, -1, 2**62, 2**63 - 1, -(2**63), 1.5, 7.0, -0.0, 1e16, float("inf"), "", "001", "7,5", "1e3",
               " 42 ", "0x10", "NaN", "Nguyễn Văn Ân", "x" * 5000, True, False]


def _stored(store, table: str, ids: list[str], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    typed = ", ".join(f"{c}, typeof({c})" for c in columns)
    marks = ",".join("?" * len(ids))
    return [tuple(r) for r in store.db.execute(
        f"SELECT id, {typed} FROM {table} WHERE id IN ({marks}) ORDER BY id", ids).fetchall()]


@pytest.mark.sqlite_only  # the staging is the file's; the server writes each row
def test_a_table_with_a_foreign_key_is_written_by_one_statement_per_batch_each_value_as_a_direct_write(
        tmp_path, monkeypatch):
    """The rows of a table with a foreign key of its own (nominations) go through a temporary table and ONE upsert
    per batch; each value is stored as an upsert of the row itself stores it — the same value and the same type, the
    column's own conversion applied (text "001" into an integer column: 1; 42 into a text column: "42") —, and
    the staging table is left empty. A table without one (people) is written row by row, as before."""
    src = make_node(tmp_path, C1)
    who = person(src, "Nguyễn Văn An")
    base = {k: v for k, v in nomination(src, who).items() if k not in LOCAL_FIELDS}
    rows = [dict(base, id=f"nom-{i:02d}", achievement=value, period=value,
                 year=2025 if value is None else value) for i, value in enumerate(_ODD_VALUES)]
    who_row = {k: v for k, v in who.items() if k not in LOCAL_FIELDS}
    columns = ("achievement", "period", "year")
    results = {}
    for staged in (True, False):
        dst = make_node(tmp_path, PROVINCE, name=f"dst-{staged}")
        if not staged:
            monkeypatch.setattr(RowWriter, "_refers", lambda self, table: False)
        with dst.atomic():
            writer = RowWriter(dst)
            spy = writer.conn = _Spy(writer.conn)
            writer.put("people", who_row, None, source="elsewhere")
            for row in rows:
                writer.put("nominations", row, None, source="elsewhere")
            writer.flush()
        results[staged] = _stored(dst, "nominations", [r["id"] for r in rows], columns)
        into = [sql for sql in spy.ran if sql.startswith('INSERT INTO "')]
        if staged:
            assert [s.split('"')[1] for s in into] == ["people", "nominations"]
            assert "SELECT" in into[1] and "VALUES" in into[0]  # the people row by row, the nominations by one statement
            assert [n for sql, n in spy.many if "temp." in sql] == [len(rows)]
            stages = [r[0] for r in dst.db.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'").fetchall()]
            assert stages and all(dst.db.execute(f"SELECT COUNT(*) FROM temp.{s}").fetchone()[0] == 0 for s in stages)
        else:
            assert not any("temp." in sql for sql in spy.ran)
        dst.close()
    assert results[True] == results[False]
    by_id = {r[0]: r for r in results[True]}
    assert by_id["nom-12"][1:3] == ("001", "text") and by_id["nom-12"][5:7] == (1, "integer")  # "001"
    assert by_id["nom-03"][1:3] == (str(2**62), "text")
    assert by_id["nom-19"][1] == "x" * 5000
    src.close()


@pytest.mark.sqlite_only
def test_a_staged_write_still_checks_its_foreign_keys_and_leaves_nothing_when_refused(tmp_path):
    """A nomination naming a campaign that is not here, written through the staging table, fails the transaction at
    its end (the foreign key, deferred): nothing of it is kept, neither in the table nor in the staging table, and
    the next write goes through."""
    src = make_node(tmp_path, C1)
    who = person(src, "Nguyễn Văn An")
    nom = {k: v for k, v in nomination(src, who).items() if k not in LOCAL_FIELDS}
    who_row = {k: v for k, v in who.items() if k not in LOCAL_FIELDS}
    dst = make_node(tmp_path, PROVINCE, name="dst")
    before = dst.db.execute("SELECT COUNT(*) FROM nominations").fetchone()[0]
    with pytest.raises(StoreError) as refused:
        with dst.atomic():
            writer = RowWriter(dst)
            writer.put("people", who_row, None, source="elsewhere")
            writer.put("nominations", dict(nom, campaign_id="campaign-not-here"), None, source="elsewhere")
            writer.flush()
    assert "tham chiếu tới một bản ghi không tồn tại" in str(refused.value)
    assert dst.db.execute("SELECT COUNT(*) FROM nominations").fetchone()[0] == before
    assert dst.db.execute("SELECT COUNT(*) FROM people WHERE id = ?", [who["id"]]).fetchone()[0] == 0
    for (name,) in dst.db.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'").fetchall():
        assert dst.db.execute(f"SELECT COUNT(*) FROM temp.{name}").fetchone()[0] == 0
    with dst.atomic():
        writer = RowWriter(dst)
        writer.put("people", who_row, None, source="elsewhere")
        writer.put("nominations", nom, None, source="elsewhere")
        writer.flush()
    assert dst.get("nominations", nom["id"])["subject_name"] == "Nguyễn Văn An"
    for s in (src, dst):
        s.close()


_JSONISH = st.one_of(
    st.text(max_size=30),
    st.builds(lambda v, a, b: a + json.dumps(v) + b,
              st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8),
              st.sampled_from(["", " ", "\n", "\ufeff"]), st.sampled_from(["", " ", "\t", "x", "}", "{}"])),
)


@given(_JSONISH)
@example('{"b3ddeeaca3f84b7c":4}')
@example('{"":[1,"b3ddeeaca3f84b7c",4,"30000"]}')
@example('{"a":1}{"b":2}')
@example("NaN")
def test_a_version_vector_or_stamps_read_by_the_scanner_is_what_json_loads_reads(text: str) -> None:
    """``vv`` and ``stamps`` are read by the JSON decoder's scanner called directly: the same value as
    ``json.loads`` gives, or the same error (extra data, white space around, a byte-order mark, not JSON)."""
    try:
        expected: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        expected = ("error", str(exc))
    try:
        got: Any = revisions._loads(text)
    except json.JSONDecodeError as exc:
        got = ("error", str(exc))
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    if isinstance(expected, dict):
        assert parse_vv(text) == expected and parse_stamps(text) == expected
