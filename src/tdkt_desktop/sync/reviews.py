"""The review queue: values not applied because two places wrote one field, or because the owner edited a
nomination the appraising office had already decided.

Each queued value is a synced record (``reviews``) owned by the record's owner, with both versions side by
side — the value in force and the one not applied, who wrote each and when. Both sides of an exchange queue
the same conflict under the same id (made from the record, the field and both writes), so it is never listed
twice. Resolving it is an edit of that record, which travels like any other and closes the queue on both
sides; taking the value not applied is an ordinary edit of the record, allowed only to a unit with authority
over that field (:mod:`tdkt_desktop.store.authority`).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from tdkt_desktop.store.db import Store
from tdkt_desktop.store.fields import KINDS
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.fieldmerge import FieldEvent
from tdkt_desktop.sync.writer import RowWriter

Row = dict[str, Any]

_NAMESPACE = uuid.UUID("5d0c3f2e-6a43-4f4b-9d3e-7b1f0c2a9e11")
REASONS = {
    "collision": "cùng một trường được sửa ở hai nơi",
    "locked": "đơn vị sửa đề nghị sau khi cấp trên đã xử lý",
    "reuse": "hai nội dung mang cùng một số hiệu phiên bản (cơ sở dữ liệu được khôi phục hoặc sao chép)",
}
QUEUED_KINDS = tuple(REASONS)


def review_id(table: str, record_id: str, name: str, lost_unit: str) -> str:
    """One queue item per record, field and unit whose value was not applied (a later value of that unit
    replaces the earlier one in the same item)."""
    return str(uuid.uuid5(_NAMESPACE, json.dumps([table, record_id, name, lost_unit])))


def _order(stamp: Any) -> tuple[Any, ...]:
    return (-1, "", -1, "") if not stamp else (int(stamp[0]), str(stamp[1]), int(stamp[2]), str(stamp[3]))


def queue(store: Store, writer: RowWriter, table: str, record: Row, event: FieldEvent) -> str:
    """Queue a value not applied (an event of kind collision, locked or reuse); returns the review id. A newer
    value of the same unit for the same field reopens and replaces its item."""
    lost_unit = str(event.other_stamp[3]) if event.other_stamp else "?"
    rid = review_id(table, str(record["id"]), event.field, lost_unit)
    values = {
        "table_name": table,
        "record_id": record["id"],
        "field_name": event.field,
        "reason": event.kind,
        "kept_value": json.dumps(event.kept_value, ensure_ascii=False),
        "kept_unit": event.kept_stamp[3] if event.kept_stamp else None,
        "other_value": json.dumps(event.other_value, ensure_ascii=False),
        "other_stamp": json.dumps(list(event.other_stamp) if event.other_stamp else None),
        "other_unit": lost_unit,
        "status": "open",
    }
    if writer.has(rid):
        writer.flush()
    existing = store.get("reviews", rid, include_deleted=True)
    if existing is None:
        writer.put("reviews", store.new_version("reviews", values, record_id=rid, owner_unit=str(record["owner_unit"])),
                   None)
        return rid
    if _order(event.other_stamp) > _order(json.loads(existing["other_stamp"] or "null")):
        writer.flush()
        store.update("reviews", rid, {**{k: v for k, v in values.items() if k not in ("table_name", "record_id")},
                                      "resolution": None, "resolved_by": None, "resolved_note": None})
    return rid


def _decode(value: Any) -> Any:
    try:
        return json.loads(value) if isinstance(value, str) else value
    except json.JSONDecodeError:
        return value


def field_label(table: str, name: str) -> str:
    if name == "deleted":
        return "Đã xóa"
    kind = KINDS.get(table)
    if kind is not None:
        try:
            return kind.field(name).label
        except KeyError:
            pass
    return name


def list_reviews(store: Store, *, include_resolved: bool = False) -> list[Row]:
    """The queue (open items first by default): both values decoded, with the record's kind and title."""
    sql = "SELECT * FROM reviews WHERE deleted = 0"
    if not include_resolved:
        sql += " AND status = 'open'"
    out = []
    for r in store.db.query(sql + " ORDER BY created_at, id"):
        r["kept"] = _decode(r["kept_value"])
        r["other"] = _decode(r["other_value"])
        r["field_label"] = field_label(r["table_name"], r["field_name"])
        r["reason_text"] = REASONS.get(r["reason"], r["reason"])
        record = store.get(r["table_name"], r["record_id"], include_deleted=True) if r["table_name"] in KINDS else None
        kind = KINDS.get(r["table_name"])
        r["record_title"] = str(record.get(kind.title_field) or r["record_id"]) if record and kind else r["record_id"]
        r["current"] = record.get(r["field_name"]) if record else None
        out.append(r)
    return out


def find_review(store: Store, key: str) -> Row:
    """A queued item by its id or the first characters of it (as ``tdkt conflicts list`` shows it)."""
    rows = list(store.db.query("SELECT * FROM reviews WHERE id = ? OR id LIKE ? ORDER BY id", [key, f"{key}%"]))
    if not rows or (len(rows) > 1 and rows[0]["id"] != key):
        more = " (nhiều mục bắt đầu như vậy — hãy ghi thêm ký tự)" if rows else ""
        raise SyncError(f"Không có xung đột mã “{key}”{more}. Xem danh sách bằng “tdkt conflicts list”.", code="not_found")
    return rows[0]


def resolve_review(store: Store, key: str, *, choose: str, note: str | None = None) -> Row:
    """Close a queued item: ``choose="kept"`` keeps the value in force; ``"other"`` writes the value not applied
    into the record (an ordinary edit, allowed only with authority over the field). Returns the review row."""
    if choose not in ("kept", "other"):
        raise SyncError("Chọn giá trị cần giữ: “kept” (giá trị đang dùng) hoặc “other” (giá trị chưa được dùng).",
                        code="refused")
    review = find_review(store, key)
    if review["status"] != "open":
        raise SyncError(f"Xung đột “{review['id'][:8]}” đã được xử lý ({review['resolution']}).", code="refused")
    table, record_id, name = review["table_name"], review["record_id"], review["field_name"]
    with store.atomic():
        if choose == "other":
            value = _decode(review["other_value"])
            current = store.get(table, record_id, include_deleted=True)
            if current is None:
                raise SyncError(f"Không còn bản ghi {record_id}.", code="not_found")
            if name == "deleted":
                if value and not current["deleted"]:
                    store.delete(table, record_id)
                elif not value and current["deleted"]:
                    store.restore(table, record_id)
            elif current.get(name) != value:
                if current["deleted"]:
                    store.restore(table, record_id)
                store.update(table, record_id, {name: value})
        store.update("reviews", review["id"], {
            "status": "resolved", "resolution": "applied" if choose == "other" else "kept",
            "resolved_by": store.unit_code, "resolved_note": note,
        })
    result = store.get("reviews", review["id"])
    assert result is not None
    return result
