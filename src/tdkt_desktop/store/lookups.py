"""Lookups for pickers: (label, value, name) of records matching what a person typed, and the names of
records by id (or of units by code) for lists.

:func:`lookup` searches (run it off the GUI thread); :func:`label_of` and :func:`names_for` read by key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tdkt_desktop.core.text import fold
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import search as S
from tdkt_desktop.store.db import Store

Choice = tuple[str, str, str]  # label shown, value stored, plain name

# Text fields that hold a unit's code: they complete on the units table.
UNIT_FIELDS = {"unit_code", "parent_code", "issued_by", "assigned_unit", "issuer_unit"}
# Ref fields and the table they point to (subject_id depends on subject_kind).
REF_TABLES = {
    "campaign_id": "campaigns",
    "person_id": "people",
    "target_id": "targets",
    "vote_session_id": "vote_sessions",
    "nomination_id": "nominations",
    "decision_id": "decisions",
}


def names_for(store: Store, table: str, values: Iterable[str]) -> dict[str, str]:
    """Display names of many records (or units by code) at once: {id or code: name}."""
    items = sorted({v for v in values if v})
    if not items:
        return {}
    key = "code" if table == "units" else "id"
    title = F.KINDS[table].title_field
    out: dict[str, str] = {}
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in store.db.execute(
            f"SELECT {key}, {title} FROM {table} WHERE deleted = 0 AND {key} IN ({marks})", chunk
        ):
            out[str(row[0])] = str(row[1] or "")
    return out


def _label(table: str, row: dict[str, Any]) -> Choice:
    kind = F.KINDS[table]
    name = str(row.get(kind.title_field) or "")
    if table == "units":
        return f"{name} ({row['code']})", str(row["code"]), name
    extra = ""
    if table == "people":
        extra = ", ".join(str(row[k]) for k in ("position", "workplace") if row.get(k))
    elif table == "campaigns" and row.get("year"):
        extra = str(row["year"])
    elif table == "collectives" and row.get("unit_code"):
        extra = str(row["unit_code"])
    elif table == "households" and row.get("address"):
        extra = str(row["address"])
    label = f"{name} — {extra}" if extra else name
    return label, str(row["id"]), name


def lookup(store: Store, table: str, query: str, *, limit: int = 30) -> list[Choice]:
    """Records of ``table`` whose name matches ``query`` without tones (all of them for units)."""
    if table == "units":
        rows = store.rows("units", order_by="code")
        q = fold(query)
        out = [_label(table, r) for r in rows]
        return [c for c in out if q in fold(c[0])] if q else out
    if table in S.SEARCHABLE:
        if not fold(query):
            rows = store.rows(table, order_by="updated_at DESC", limit=limit)
        else:
            # in the search's (name) order, each read by its key
            found = (store.get(table, h.record_id) for h in store.search(query, tables=[table], limit=limit))
            rows = [r for r in found if r is not None]
        return [_label(table, r) for r in rows]
    title = F.KINDS[table].title_field
    q = fold(query)
    out = []
    for row in store.rows(table, order_by="updated_at DESC", limit=5000):
        choice = _label(table, row)
        if not q or q in fold(str(row.get(title) or "")):
            out.append(choice)
            if len(out) >= limit:
                break
    return out


def label_of(store: Store, table: str, value: str) -> Choice | None:
    """The choice for a stored id (or unit code)."""
    if table == "units":
        row = store.unit_by_code(value)
    else:
        row = store.get(table, value)
    return _label(table, row) if row else None
