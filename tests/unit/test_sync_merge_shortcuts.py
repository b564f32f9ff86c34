"""The province merge's shortcuts give what the long way gives: each is checked against it.

* the parties of a record (owner, writers, appraising office) are remembered during an import by what they
  depend on — the record's owner, title and year, and the unit tree as it grows (see also
  ``test_sync_pinned_importer``: nominations of one ward for titles decided at two levels);
* two field values are compared without encoding them when both are plain text, integers or empty;
* a revision's hash is computed from the vector and stamps already read, and a merged version's from those it
  was made of;
* a received row's search entry takes the sort key computed for its write (once), new rows and rows replaced
  alike; its audit entry holds the row after without this database's own columns.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from tdkt_desktop.store import sortkeys
from tdkt_desktop.store.authority import parties
from tdkt_desktop.store.revisions import LOCAL_FIELDS, content_hash, parse_stamps, parse_vv
from tdkt_desktop.sync import import_bundles
from tdkt_desktop.sync.fieldmerge import _same
from tdkt_desktop.sync.importer import _Context
from tdkt_desktop.sync.writer import RowWriter

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, pair, person, send

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


def test_an_audit_entry_holds_the_row_after_without_the_local_columns_whichever_way_it_came(tmp_path):
    """A received row has none of this database's own columns and is written to the audit as it is; a version
    made here from the row held (a merge) has them, and they are left out."""
    src = make_node(tmp_path, C1)
    received = {k: v for k, v in person(src, "Nguyễn Văn An").items() if k not in LOCAL_FIELDS}
    made_here = dict(person(src, "Trần Thị Bình"))  # local_seq, local_from and sort_key included
    assert set(LOCAL_FIELDS) <= set(made_here)
    dst = make_node(tmp_path, PROVINCE, name="dst")
    with dst.atomic():
        writer = RowWriter(dst)
        writer.put("people", received, None, source="elsewhere")
        writer.put("people", made_here, None)
        writer.flush()
    after = {e["record_id"]: e["after_json"] for e in dst.audit_entries() if e["action"] == "sync"}
    assert json.loads(after[received["id"]]) == received
    assert json.loads(after[made_here["id"]]) == {k: v for k, v in made_here.items() if k not in LOCAL_FIELDS}
    assert after[received["id"]] == json.dumps(received, ensure_ascii=False, sort_keys=True)
    for s in (src, dst):
        s.close()


def test_a_hash_from_the_vector_and_stamps_already_read_is_the_hash_of_the_row(tmp_path):
    src = make_node(tmp_path, C1)
    row = person(src, "Nguyễn Văn An")
    nom = nomination(src, row)
    for r in (row, nom, src.update("people", row["id"], {"position": "Trưởng thôn"})):
        assert content_hash(r, vv=parse_vv(r["vv"]), stamps=parse_stamps(r["stamps"])) == content_hash(r)
    src.close()
