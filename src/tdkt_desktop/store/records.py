"""Records of any kind for the front ends: naming a kind, finding records by field values or by text
without tones, and the change log (audit) a user or an inspector asks for.

Field names are the stored ones (``full_name``, ``birth_date``…, listed by ``tdkt records fields KIND``);
values are given the way a person writes them ("7,5", "05/01/2026") or in JSON form, and go through the
same validation as every other write (:func:`tdkt_desktop.store.fields.normalise_field`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.text import InputError, fold
from tdkt_desktop.store import search as _search
from tdkt_desktop.store.db import SYNCED_TABLES, Store
from tdkt_desktop.store.errors import NotFound
from tdkt_desktop.store.fields import KINDS, Kind, normalise_field

Row = dict[str, Any]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def kind_names() -> dict[str, str]:
    """Every name a kind is known by (its table name, and its Vietnamese label without tones) → table."""
    names: dict[str, str] = {}
    for table in SYNCED_TABLES:
        names[table] = table
        names[table.replace("_", "-")] = table
        names[_slug(KINDS[table].label)] = table
    return names


def resolve_refs(store: Store, table: str, values: Mapping[str, Any], *, current: Mapping[str, Any] | None = None) -> Row:
    """``values`` with each record reference given whole or by its first 8 characters replaced by the record's
    id (:meth:`Store.resolve_id`): an id no record has is refused naming the field, instead of being stored as a
    reference that never arrives. A subject reference is looked up in the registry of its ``subject_kind``."""
    from tdkt_desktop.core.models import SubjectKind
    from tdkt_desktop.store.authority import AUTHORITY, SUBJECT

    refs = AUTHORITY[table].refs if table in AUTHORITY else {}
    out = dict(values)
    for name, target in refs.items():
        given = out.get(name)
        if not isinstance(given, str) or not given.strip():
            continue
        if target == SUBJECT:
            kind = out.get("subject_kind") or (current or {}).get("subject_kind")
            try:
                target = SubjectKind(str(kind)).table
            except ValueError:
                continue  # the subject kind's own check says what is wrong
        try:
            out[name] = store.resolve_id(target, given)
        except NotFound as exc:
            label = KINDS[table].field(name).label
            raise InputError(f"{label} ({name}): {exc}", field=name, value=given) from None
    return out


def kind_of(name: str) -> Kind:
    """The record kind named ``name`` (``people`` or ``ca-nhan``, ``nominations`` or ``de-nghi-khen-thuong``…)."""
    table = kind_names().get(_slug(name)) or kind_names().get(name.strip())
    if table is None:
        known = ", ".join(f"{t} ({_slug(KINDS[t].label)})" for t in SYNCED_TABLES)
        raise InputError(f"Không có loại bản ghi “{name}”. Các loại: {known}.", value=name)
    return KINDS[table]


@dataclass(frozen=True)
class Query:
    """What to look for: stored field values (already validated), text without tones, tombstones or not."""

    equals: Mapping[str, Any]
    text: str | None = None
    include_deleted: bool = False
    limit: int | None = None


def parse_filters(table: str, pairs: list[str]) -> dict[str, Any]:
    """``["year=2026", "status=Đã gửi"]`` → validated stored values per field (Vietnamese errors)."""
    kind = KINDS[table]
    known = {f.name for f in kind.fields}
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"Điều kiện “{pair}” phải có dạng TRƯỜNG=GIÁ_TRỊ, ví dụ year=2026.", value=pair)
        if name not in known:
            raise InputError(
                f"{kind.label} không có trường “{name}”. Các trường: {', '.join(sorted(known))}.", value=pair
            )
        out[name] = normalise_field(table, name, value)
    return out


def find(store: Store, table: str, query: Query) -> list[Row]:
    """Records of ``table`` matching ``query``, in the order they were created."""
    kind = KINDS[table]
    clauses: list[str] = []
    params: list[Any] = []
    for name, value in query.equals.items():
        kind.field(name)  # only the kind's own fields reach the SQL text
        if value is None:
            clauses.append(f'"{name}" IS NULL')
        else:
            clauses.append(f'"{name}" = ?')
            params.append(value)
    if query.text and fold(query.text).strip():
        ids = _text_matches(store, table, query.text)
        if not ids:
            return []
        clauses.append(f"id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    rows = store.rows(
        table,
        " AND ".join(clauses) or None,
        params,
        order_by="created_at, id",
        include_deleted=query.include_deleted,
        limit=query.limit,
    )
    return rows


def _text_matches(store: Store, table: str, text: str) -> list[str]:
    if table in _search.SEARCHABLE:
        return [hit.record_id for hit in store.search(text, tables=[table], limit=100_000)]
    wanted = fold(text).split()
    title = KINDS[table].title_field
    return [
        str(row["id"])
        for row in store.rows(table, include_deleted=True)
        if all(word in fold(str(row.get(title) or "")) for word in wanted)
    ]


def audit(
    store: Store,
    *,
    table: str | None = None,
    record_id: str | None = None,
    since: _dt.date | None = None,
    limit: int | None = None,
) -> list[Row]:
    """The change log, oldest first: who changed what and when, with the values before and after."""
    entries = store.audit_entries(table, record_id, since=since.isoformat() if since else None, limit=limit)
    out = []
    for entry in entries:
        item = dict(entry)
        for key in ("before_json", "after_json"):
            raw = item.pop(key)
            item[key.removesuffix("_json")] = json.loads(raw) if raw else None
        out.append(item)
    return out


__all__ = ["Query", "audit", "find", "kind_names", "kind_of", "parse_filters"]
