"""Nothing is lost on the way: what the receiver could not apply travels back, and the sender keeps it pending.

The receiver keeps, per sender, the outcome of every received row (or field) it did not apply
(``sync_outcomes``): **held** — the row refers to a record not here yet; it waits and is applied as soon as
that record arrives, from any later bundle —, **refused** — for a stated reason (no authority, out of the
sender's scope, a decided nomination…) —, or **review** — queued as a conflict. Each bundle it sends back to
that sender carries these outcomes (the *receipt*). The sender keeps them (``sync_pending``), shows them
with what to do (Đồng bộ screen, ``tdkt bundle status``), and sends the waiting rows (with the records they
wait for) again in every bundle until the receiver reports them applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.store.db import SYNCED_TABLES, Store, now_iso
from tdkt_desktop.store.fields import KINDS

Row = dict[str, Any]

MAX_RECEIPT = 20_000
STATES = ("held", "refused", "review")
STATE_LABELS = {
    "held": "đang chờ bản ghi liên quan",
    "refused": "bị từ chối",
    "review": "đang chờ xem xét (xung đột)",
}
# What a person does about each case, on the sending side and on the receiving side.
ADVICE_SENDER = {
    "held": "Không cần làm gì nếu bản ghi liên quan là của đơn vị mình: gói sau gửi lại cả hai. Nếu bản ghi liên "
            "quan đã bị xóa hoặc bị từ chối, hãy sửa bản ghi này để trỏ đúng.",
    "refused": "Đọc lý do; sửa bản ghi cho đúng thẩm quyền (hoặc đề nghị cấp trên trả lại hồ sơ) rồi gửi gói mới.",
    "review": "Hai bên cùng sửa một trường: xem “tdkt conflicts list” và thống nhất giá trị; giá trị chọn sẽ đi theo gói.",
}
ADVICE_RECEIVER = {
    "held": "Sẽ tự được áp dụng khi bản ghi liên quan tới (trong bất kỳ gói nào sau này).",
    "refused": "Đơn vị gửi đã nhận được lý do qua phiếu báo nhận; không cần làm gì ở đây.",
    "review": "Xem và xử lý trong hàng chờ xung đột (“tdkt conflicts list”).",
}


@dataclass(frozen=True)
class Outcome:
    table: str
    record_id: str
    field: str
    rev: str
    state: str
    code: str
    reason: str
    missing_table: str | None = None
    missing_id: str | None = None


# --------------------------------------------------------------------------- receiving side


def clear(store: Store, from_unit: str, table: str, record_id: str) -> None:
    store.db.execute("DELETE FROM sync_outcomes WHERE from_unit = ? AND table_name = ? AND record_id = ?",
                     [from_unit, table, record_id])


def record(store: Store, from_unit: str, bundle_id: str, outcome: Outcome) -> None:
    store.db.execute(
        "INSERT INTO sync_outcomes (from_unit, table_name, record_id, field_name, rev, state, code, reason,"
        " missing_table, missing_id, bundle_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(from_unit, table_name, record_id, field_name) DO UPDATE SET rev = excluded.rev,"
        " state = excluded.state, code = excluded.code, reason = excluded.reason,"
        " missing_table = excluded.missing_table, missing_id = excluded.missing_id, bundle_id = excluded.bundle_id,"
        " at = excluded.at",
        [from_unit, outcome.table, outcome.record_id, outcome.field, outcome.rev, outcome.state, outcome.code,
         outcome.reason, outcome.missing_table, outcome.missing_id, bundle_id, now_iso()],
    )


def outcomes(store: Store, from_unit: str | None = None) -> list[Row]:
    """Rows (or fields) received and not applied here, by sender."""
    sql = "SELECT * FROM sync_outcomes"
    params: list[Any] = []
    if from_unit:
        sql += " WHERE from_unit = ?"
        params.append(from_unit)
    rows = list(store.db.query(sql + " ORDER BY from_unit, state, table_name, record_id", params))
    for r in rows:
        r["advice"] = ADVICE_RECEIVER.get(r["state"], "")
        r["title"] = record_title(store, r["table_name"], r["record_id"])
    return rows


def build_receipt(store: Store, to_unit: str) -> dict[str, Any] | None:
    """The receipt for ``to_unit``: what was not applied of its rows, as of the latest of its bundles imported."""
    last = store.db.execute(
        "SELECT bundle_id, seq_to FROM sync_incoming WHERE from_unit = ? ORDER BY seq_to DESC, imported_at DESC LIMIT 1",
        [to_unit],
    ).fetchone()
    if last is None:
        return None
    rows = list(store.db.query(
        "SELECT table_name, record_id, field_name, rev, state, code, reason, missing_table, missing_id"
        " FROM sync_outcomes WHERE from_unit = ? ORDER BY table_name, record_id, field_name LIMIT ?",
        [to_unit, MAX_RECEIPT],
    ))
    total = store.db.execute("SELECT COUNT(*) FROM sync_outcomes WHERE from_unit = ?", [to_unit]).fetchone()[0]
    return {"as_of": {"bundle_id": last[0], "seq_to": last[1]}, "total": int(total),
            "rows": [[r[k] for k in ("table_name", "record_id", "field_name", "rev", "state", "code", "reason",
                                     "missing_table", "missing_id")] for r in rows]}


# --------------------------------------------------------------------------- sending side


def _valid(entry: Any) -> bool:
    if not isinstance(entry, list) or len(entry) != 9:
        return False
    table, record_id, field, rev, state, code, reason, missing_table, missing_id = entry
    texts = (record_id, field, rev, code, reason)
    return (table in SYNCED_TABLES and state in STATES and all(isinstance(t, str) for t in texts)
            and (missing_table is None or missing_table in SYNCED_TABLES)
            and (missing_id is None or isinstance(missing_id, str)))


def apply_receipt(store: Store, from_unit: str, receipt: Any, seq_to: int) -> str | None:
    """Keep what ``from_unit`` reports not applied of our rows (newer receipts replace older ones). Returns a
    note for the import report when the receipt is malformed, else None."""
    if receipt is None:
        return None
    if not isinstance(receipt, dict) or not isinstance(receipt.get("rows"), list) or len(receipt["rows"]) > MAX_RECEIPT:
        return f"Phiếu báo nhận của {from_unit} không đọc được; bỏ qua (dữ liệu không bị ảnh hưởng)."
    known = store.db.execute("SELECT seq_to FROM sync_receipts WHERE peer_unit = ?", [from_unit]).fetchone()
    if known is not None and int(known[0]) > seq_to:
        return None  # an older receipt arriving late
    entries = [e for e in receipt["rows"] if _valid(e)]
    as_of: dict[str, Any] = receipt["as_of"] if isinstance(receipt.get("as_of"), dict) else {}
    store.db.execute("DELETE FROM sync_pending WHERE to_unit = ?", [from_unit])
    now = now_iso()
    store.db.conn.executemany(
        "INSERT OR REPLACE INTO sync_pending (to_unit, table_name, record_id, field_name, rev, state, code, reason,"
        " missing_table, missing_id, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[from_unit, *e, now] for e in entries],
    )
    store.db.execute(
        "INSERT INTO sync_receipts (peer_unit, bundle_id, seq_to, received_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(peer_unit) DO UPDATE SET bundle_id = excluded.bundle_id, seq_to = excluded.seq_to,"
        " received_at = excluded.received_at",
        [from_unit, str(as_of.get("bundle_id") or ""), seq_to, now],
    )
    if len(entries) != len(receipt["rows"]):
        return f"Phiếu báo nhận của {from_unit} có {len(receipt['rows']) - len(entries)} dòng không hợp lệ; đã bỏ qua."
    return None


def pending(store: Store, to_unit: str | None = None) -> list[Row]:
    """What a peer reported it did not apply of ours, with the record's title where known."""
    sql = "SELECT * FROM sync_pending"
    params: list[Any] = []
    if to_unit:
        sql += " WHERE to_unit = ?"
        params.append(to_unit)
    rows = list(store.db.query(sql + " ORDER BY to_unit, state, table_name, record_id", params))
    for r in rows:
        r["advice"] = ADVICE_SENDER.get(r["state"], "")
        r["title"] = record_title(store, r["table_name"], r["record_id"])
    return rows


def record_title(store: Store, table: str, record_id: str) -> str:
    """What a person calls a record (a name, a title), or its id when it is not here."""
    kind = KINDS.get(table)
    row = store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id]).fetchone() if table in SYNCED_TABLES else None
    if row is None or kind is None:
        return record_id
    cols = [d[0] for d in store.db.execute(f"SELECT * FROM {table} LIMIT 0").description]
    value = dict(zip(cols, row, strict=True)).get(kind.title_field)
    return str(value) if value not in (None, "") else record_id


def summary(rows: list[Row]) -> dict[str, int]:
    out = dict.fromkeys(STATES, 0)
    for r in rows:
        out[r["state"]] = out.get(r["state"], 0) + 1
    return out


def to_json(rows: list[Row]) -> str:
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)
