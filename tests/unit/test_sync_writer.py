"""The bulk row writer used by import behaves exactly like Store.put_synced_row."""

from __future__ import annotations

from tdkt_desktop.sync.merge import RowWriter

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, person


def test_row_writer_matches_put_synced_row(tmp_path):
    src = make_node(tmp_path, COMMUNES[0])
    people = [person(src, f"Nguyễn Văn {i}") for i in range(3)]
    nomination(src, people[0])
    src.update("people", people[1]["id"], {"position": "Trưởng thôn"})
    src.delete("people", people[2]["id"])
    rows = [(t, {k: v for k, v in r.items() if k != "local_seq"})
            for t in ("people", "nominations") for r in src.rows(t, include_deleted=True)]
    a, b = make_node(tmp_path, PROVINCE, name="a"), make_node(tmp_path, PROVINCE, name="b")
    # a first version of one row, then the real rows (an update of it)
    first = dict(rows[0][1], full_name="Tên cũ")
    with a.atomic():
        a.put_synced_row("people", first)
        for table, row in rows:
            a.put_synced_row(table, row)
    with b.atomic():
        writer = RowWriter(b)
        writer.put("people", first, None)
        writer.flush()
        for table, row in rows:
            writer.put(table, row, b.get(table, row["id"], include_deleted=True))
        writer.flush()

    def state(store):
        data = {t: store.rows(t, include_deleted=True, order_by="id") for t in ("people", "nominations")}
        audit = [{k: v for k, v in e.items() if k not in ("id", "at", "install_id")}
                 for e in store.audit_entries() if e["action"] == "sync"]
        index = list(store.db.query("SELECT kind, record_id, body FROM search_index ORDER BY kind, record_id"))
        return data, audit, index, store.current_local_seq()

    assert state(a) == state(b)
    assert a.search("nguyen van 1")[0].record_id == people[1]["id"]
    for s in (src, a, b):
        s.close()
