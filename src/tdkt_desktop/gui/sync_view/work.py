"""What the Đồng bộ screen reads and does, as plain functions run by background jobs (no Qt here)."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from tdkt_desktop import sync
from tdkt_desktop.core.errors import file_error
from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.store import consolidation
from tdkt_desktop.store.db import Store

Row = dict[str, Any]


def unit_label(store: Store, code: str | None) -> str:
    if not code:
        return ""
    unit = store.unit_by_code(code)
    return f"{unit['name']} ({code})" if unit else code


def overview(store: Store) -> dict[str, Any]:
    """Everything the screen shows at once: who we are, whom we exchange with, what waits."""
    sync.ensure_keys(store)
    unit = store.self_unit() or {}
    code = store.unit_code or ""
    parent = unit.get("parent_code") or ""
    upper = store.unit_by_code(parent) if parent else None
    children: list[dict[str, Any]] = [
        {"code": u.code, "name": u.name} for u in consolidation.units_below(store, direct_only=True)
    ] if code else []
    peers = sync.list_peers(store)
    trusted = {p["unit_code"] for p in peers if p["status"] == "trusted"}
    for child in children:
        child["trusted"] = child["code"] in trusted
    pending = sync.pending_count(store, parent) if parent else 0
    return {
        "unit_code": code,
        "unit_name": unit.get("name") or "",
        "upper_code": parent,
        "upper_name": upper["name"] if upper else "",
        "upper_trusted": parent in trusted,
        "fingerprint": sync.own_fingerprint(store),
        "install_id": store.install_id,
        "children": children,
        "peers": peers,
        "held": sync.list_held(store),
        "conflicts": sync.list_reviews(store),
        "status": sync.sync_status(store),
        "imports": sync.import_history(store, limit=100),
        "outgoing": list(reversed(sync.outgoing_history(store)))[:100],
        "pending": pending,
    }


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]+", "-", text).strip("-") or "x"


def default_bundle_name(from_unit: str, to_unit: str, on: _dt.date | None = None) -> str:
    day = (on or _dt.date.today()).strftime("%Y-%m-%d")
    return f"goi-{_slug(from_unit)}-gui-{_slug(to_unit)}-{day}{sync.SUFFIX}"


ENROLMENT_SUFFIX = ".tdktkhoa"


def default_enrolment_name(unit_code: str, on: _dt.date | None = None) -> str:
    day = (on or _dt.date.today()).strftime("%Y-%m-%d")
    return f"ghi-danh-{_slug(unit_code)}-{day}{ENROLMENT_SUFFIX}"


def save_enrolment(store: Store, out: str | Path) -> str:
    """Write this installation's enrolment file (atomically); returns the fingerprint it carries."""
    atomic_write(out, sync.export_enrolment(store))
    return sync.own_fingerprint(store)


def read_enrolment_file(store: Store, path: str | Path) -> dict[str, Any]:
    """Read an enrolment file and say what enrolling it would do (new peer, already trusted, key replacement)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    info = sync.read_enrolment(data)
    peers = [p for p in sync.list_peers(store) if p["unit_code"] == info.unit_code]
    current = next((p for p in peers if p["status"] == "trusted"), None)
    same = next((p for p in peers if p["fingerprint"] == info.fingerprint), None)
    if same is not None and same["status"] == "trusted":
        state = "already"
    elif current is not None:
        state = "replace"
    else:
        state = "new"
    return {
        "info": info,
        "state": state,
        "current_fingerprint": current["fingerprint"] if current else None,
        "unit_known": store.unit_by_code(info.unit_code) is not None,
        "own_unit": store.unit_code,
        "relation": _relation_text(store, info.unit_code, info.parent_code),
    }


def _relation_text(store: Store, code: str, parent: str | None) -> str:
    me = store.unit_code
    unit = store.self_unit() or {}
    if unit.get("parent_code") == code:
        return "up"
    if parent and parent == me:
        return "down"
    return ""


def enroll(store: Store, info: sync.EnrolmentInfo, *, retry_held: bool) -> dict[str, Any]:
    result = sync.enroll(store, info, confirmed=True)
    report = None
    if retry_held and sync.list_held(store):
        report = sync.import_held(store)
    return {"result": result, "report": report.to_dict() if report is not None else None}


def export(store: Store, to_unit: str, out: str | Path, *, full: bool) -> dict[str, Any]:
    info = sync.export_bundle(store, to_unit, out, full=full, encrypt=True)
    return {"info": info.to_dict(), "summary": info.summary(), "total": info.total}


def import_files(store: Store, paths: list[str], *, dry_run: bool) -> dict[str, Any]:
    return sync.import_bundles(store, paths, dry_run=dry_run).to_dict()


def retry_held(store: Store, *, dry_run: bool = False) -> dict[str, Any]:
    return sync.import_held(store, dry_run=dry_run).to_dict()


def resolve(store: Store, review_id: str, choose: str) -> Row:
    return sync.resolve_review(store, review_id, choose=choose)


def count_bundles(paths: list[str]) -> int:
    from tdkt_desktop.sync.bundle import bundle_files

    try:
        return len(bundle_files(list(paths)))
    except OSError:
        return 0
