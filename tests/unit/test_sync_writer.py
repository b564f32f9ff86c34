"""The bulk row writer used by import: rows as received, a new local sequence each, one audit entry per
row with before/after, and the search index kept current — the same as a local edit would leave."""

from __future__ import annotations

import json

from tdkt_desktop.sync.writer import RowWriter

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, person


def test_row_writer_writes_rows_audit_and_index(tmp_path):
    src = make_node(tmp_path, COMMUNES[0])
    people = [person(src, f"Nguyễn Văn {i}") for i in range(3)]
    nomination(src, people[0])
    src.update("people", people[1]["id"], {"position": "Trưởng thôn"})
    src.delete("people", people[2]["id"])
    rows = [(t, {k: v for k, v in r.items() if k != "local_seq"})
            for t in ("people", "nominations") for r in src.rows(t, include_deleted=True)]
    dst = make_node(tmp_path, PROVINCE, name="dst")
    seq0 = dst.current_local_seq()
    first = dict(rows[0][1], full_name="Tên cũ")  # an older version of one record, then the real rows
    with dst.atomic():
        writer = RowWriter(dst)
        writer.put("people", first, None)
        writer.flush()
        for table, row in rows:
            writer.put(table, row, dst.get(table, row["id"], include_deleted=True))
        writer.flush()

    # rows exactly as received, each with a new local sequence number
    for table, row in rows:
        held = dst.get(table, row["id"], include_deleted=True)
        assert {k: v for k, v in held.items() if k != "local_seq"} == row
    seqs = sorted(r["local_seq"] for t in ("people", "nominations") for r in dst.rows(t, include_deleted=True))
    assert dst.current_local_seq() == seq0 + len(rows) + 1
    assert len(set(seqs)) == len(seqs) and seqs[-1] == dst.current_local_seq()

    # one "sync" audit entry per row written; the replaced version's changed fields kept as "before"
    entries = [e for e in dst.audit_entries() if e["action"] == "sync"]
    assert len(entries) == len(rows) + 1
    replaced = [e for e in entries if e["record_id"] == first["id"]]
    assert json.loads(replaced[0]["before_json"] or "null") is None
    assert json.loads(replaced[1]["before_json"])["full_name"] == "Tên cũ"
    assert json.loads(replaced[1]["after_json"])["full_name"] == rows[0][1]["full_name"]

    # the search index follows: the live people are found, the deleted one and the old name are not
    assert dst.search("nguyen van 1")[0].record_id == people[1]["id"]
    assert dst.search("ten cu") == []
    assert [h for h in dst.search("nguyen van 2") if h.table == "people"] == []
    for s in (src, dst):
        s.close()
