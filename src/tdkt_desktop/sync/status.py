"""Where every record stands with every peer: the one overview behind ``tdkt bundle status`` and the Đồng bộ
screen — what waits to be sent, what was sent and not confirmed, what a peer reported it could not apply
(and why, and what to do), and what waits here."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.store.authority import UnitTree
from tdkt_desktop.store.db import Store
from tdkt_desktop.sync import held as _held
from tdkt_desktop.sync import keys as _keys
from tdkt_desktop.sync import receipts as _receipts
from tdkt_desktop.sync.export import pending_count
from tdkt_desktop.sync.report import table_label

Row = dict[str, Any]


def _peers(store: Store, tree: UnitTree) -> list[tuple[str, str]]:
    me = store.unit_code or ""
    out: list[tuple[str, str]] = []
    parent = tree.parent.get(me)
    if parent:
        out.append((parent, "up"))
    for code, above in sorted(tree.parent.items()):
        if above == me and code != me:
            out.append((code, "down"))
    return out


def sync_status(store: Store) -> dict[str, Any]:
    """The overview: one entry per upper office and unit directly below, and what waits here."""
    tree = UnitTree(store)
    trusted = {p["unit_code"] for p in _keys.list_peers(store) if p["status"] == "trusted"}
    peers = []
    for code, direction in _peers(store, tree):
        reported = _receipts.pending(store, code)
        unit = store.unit_by_code(code)
        sent = next(iter(store.db.query(
            "SELECT COUNT(*) AS n, MAX(created_at) AS last FROM sync_outgoing WHERE to_unit = ? AND acked_at IS NULL",
            [code])))
        received = store.db.execute("SELECT MAX(imported_at) FROM sync_incoming WHERE from_unit = ?", [code]).fetchone()[0]
        exchanged = reported or sent["n"] or received or code in trusted
        if not exchanged:
            continue
        peers.append({
            "unit_code": code,
            "name": unit["name"] if unit else code,
            "direction": direction,
            "trusted": code in trusted,
            "to_send": pending_count(store, code),
            "unconfirmed_bundles": int(sent["n"] or 0),
            "last_unconfirmed": sent["last"],
            "last_received": received,
            "reported": reported,
            "reported_counts": _receipts.summary(reported),
        })
    waiting = list(store.db.query(
        "SELECT from_unit, table_name, record_id, missing_table, missing_id, held_at FROM sync_held_rows ORDER BY id"))
    for w in waiting:
        w["advice"] = _receipts.ADVICE_RECEIVER["held"]
        w["title"] = _receipts.record_title(store, w["table_name"], w["record_id"])
    refused_here = [o for o in _receipts.outcomes(store) if o["state"] == "refused"]
    reviews = store.db.execute("SELECT COUNT(*) FROM reviews WHERE status = 'open' AND deleted = 0").fetchone()[0]
    return {
        "unit_code": store.unit_code,
        "peers": peers,
        "held_rows": waiting,
        "held_bundles": _held.list_held(store),
        "refused_here": refused_here,
        "open_reviews": int(reviews),
    }


def describe(status: dict[str, Any], *, limit: int = 30) -> str:
    """The overview in Vietnamese, saying what to do about each case."""
    lines: list[str] = []
    for p in status["peers"]:
        where = "cấp trên" if p["direction"] == "up" else "đơn vị trực thuộc"
        lines.append(f"■ {p['name']} ({p['unit_code']}) — {where}" + ("" if p["trusted"] else " — CHƯA ghi danh khóa"))
        lines.append(f"  Chờ gửi: {p['to_send']} bản ghi thay đổi chưa được xác nhận đã nhận.")
        if p["unconfirmed_bundles"]:
            lines.append(f"  Đã gửi {p['unconfirmed_bundles']} gói chưa được xác nhận (gói gần nhất {str(p['last_unconfirmed'])[:19]}); "
                         "gói sau sẽ gửi lại mọi thay đổi chưa được xác nhận.")
        counts = p["reported_counts"]
        if any(counts.values()):
            lines.append(f"  Đơn vị này báo chưa áp dụng: {counts['held']} bản ghi chờ bản ghi liên quan, "
                         f"{counts['refused']} bị từ chối, {counts['review']} chờ xem xét.")
            for r in p["reported"][:limit]:
                field = f" (trường {r['field_name']})" if r["field_name"] else ""
                lines.append(f"   - {_receipts.STATE_LABELS[r['state']]}: {table_label(r['table_name'])} "
                             f"{r['record_id']}{field}: {r['reason']}")
                lines.append(f"     Việc cần làm: {r['advice']}")
            if len(p["reported"]) > limit:
                lines.append(f"   … và {len(p['reported']) - limit} mục khác (xem --json).")
    if not status["peers"]:
        lines.append("Chưa trao đổi gói với đơn vị nào.")
    waiting = status["held_rows"]
    if waiting:
        lines.append(f"■ Ở đây có {len(waiting)} bản ghi nhận được đang chờ bản ghi liên quan (sẽ tự được áp dụng khi "
                     "bản ghi đó tới):")
        for w in waiting[:limit]:
            lines.append(f"   - {table_label(w['table_name'])} {w['record_id']} của {w['from_unit']}: chờ "
                         f"{table_label(w['missing_table']).lower()} {w['missing_id']}")
    if status["refused_here"]:
        lines.append(f"■ Ở đây đã từ chối {len(status['refused_here'])} bản ghi/trường nhận được (đơn vị gửi đã được báo lý "
                     "do qua phiếu báo nhận).")
    if status["held_bundles"]:
        lines.append(f"■ {len(status['held_bundles'])} gói tạm giữ chờ ghi danh khóa: xem “tdkt bundle held”.")
    if status["open_reviews"]:
        lines.append(f"■ {status['open_reviews']} xung đột chờ xem xét: xem “tdkt conflicts list”.")
    return "\n".join(lines)
