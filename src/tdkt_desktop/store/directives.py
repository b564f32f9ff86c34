"""Directives entered below their issuer: a unit's own copy of another body's directive, and its link.

A unit often types its upper office's directive (a Chỉ thị, Kế hoạch…) before that office sends it, or when
the office does not use the application. That campaign is the **unit's own record** (it owns it, it travels
up like any of its records) and carries the document's identity: the issuing unit (``doc_issuer``), the kind,
the number and the date (:func:`identity`). The upper office keeps it as the unit's report of that directive.

When the genuine campaign arrives from its issuer, the unit's copy is **linked** to it
(:func:`link_directives`, run after every import): the copy's targets are matched to the genuine targets by
their wording (results follow; a target with no match moves to the genuine campaign as the unit's own), the
registrations, participations and nominations pointing at the copy are re-pointed to the genuine campaign,
and the copy is marked linked and deleted. These are ordinary edits of the unit's own records, so they
travel up and the upper office ends with one campaign, nothing duplicated. Two live campaigns with one
identity are never kept side by side here (:func:`check_unique`).
"""

from __future__ import annotations

import re
from typing import Any

from tdkt_desktop.core.text import InputError, clean, fold, format_date
from tdkt_desktop.store.db import Store

Row = dict[str, Any]

CHILDREN = (("registrations", "campaign_id"), ("participations", "campaign_id"), ("nominations", "campaign_id"))


def _number(text: Any) -> str:
    value = clean(str(text or "")).upper()
    value = re.sub(r"\s*([/-])\s*", r"\1", value)
    return re.sub(r"\s+", " ", value)


def issuer_of(row: Row) -> str:
    """The unit that issued the directive: ``doc_issuer`` for a copy, else the campaign's own issuer."""
    return str(row.get("doc_issuer") or row.get("issued_by") or row.get("owner_unit") or "")


def identity(row: Row) -> tuple[str, str, str] | None:
    """(issuer, kind, number) of the directive a campaign records; None without a document number."""
    number = _number(row.get("doc_number"))
    if not number:
        return None
    return (issuer_of(row), clean(str(row.get("doc_kind") or "")).upper(), number)


def same_document(a: Row, b: Row) -> bool:
    """Two campaigns record the same directive: the same identity, and the same date when both have one."""
    ida, idb = identity(a), identity(b)
    if ida is None or ida != idb:
        return False
    return not (a.get("doc_date") and b.get("doc_date") and a["doc_date"] != b["doc_date"])


def is_copy(row: Row) -> bool:
    """A unit's own record of a directive issued by another unit."""
    return bool(row.get("doc_issuer")) and row.get("doc_issuer") != row.get("owner_unit")


def _own_and_above(store: Store) -> list[str]:
    me = store.unit_code or ""
    codes = [me]
    current = me
    while True:
        unit = store.unit_by_code(current)
        parent = unit.get("parent_code") if unit else None
        if not parent or parent in codes:
            return codes
        codes.append(parent)
        current = parent


def duplicates(store: Store, row: Row, *, exclude_id: str | None = None) -> list[Row]:
    """Live campaigns of this unit or received from above that record the same directive as ``row``."""
    if identity(row) is None:
        return []
    owners = _own_and_above(store)
    marks = ",".join("?" for _ in owners)
    candidates = store.rows("campaigns", f"owner_unit IN ({marks}) AND linked_campaign_id IS NULL", owners)
    return [c for c in candidates if c["id"] != exclude_id and same_document(c, row)]


def check_unique(store: Store, row: Row, *, exclude_id: str | None = None) -> None:
    """Refuse a second live campaign for one directive (this unit's own, or one received from above)."""
    found = duplicates(store, row, exclude_id=exclude_id)
    if not found:
        return
    other = found[0]
    number = other.get("doc_number") or ""
    date = f" ngày {format_date(other['doc_date'])}" if other.get("doc_date") else ""
    by = issuer_of(other)
    source = "đã được gửi xuống từ" if other["owner_unit"] != store.unit_code else "đã được ghi ở đây, do"
    raise InputError(
        f"Văn bản số {number}{date} của {by} {source} {by if other['owner_unit'] != store.unit_code else 'đơn vị này'} "
        f"nhập (phong trào “{other['name']}”). Một văn bản chỉ ghi một lần: hãy dùng phong trào đó.",
        field="doc_number",
    )


def _match_target(target: Row, candidates: list[Row]) -> Row | None:
    key = fold(target.get("measure"))
    for candidate in candidates:
        if fold(candidate.get("measure")) == key:
            return candidate
    return None


def link_directives(store: Store) -> list[str]:
    """Link this unit's copies of directives to the genuine campaigns that arrived, and re-point what this unit
    writes (its records and those of the sub-units it consolidates) from linked copies to the genuine ones.
    Returns a line per link made, for the import report."""
    me = store.unit_code
    if not me:
        return []
    notes: list[str] = []
    copies = store.rows("campaigns", "owner_unit = ? AND doc_issuer IS NOT NULL AND doc_issuer != ? "
                        "AND linked_campaign_id IS NULL", [me, me])
    for copy in copies:
        genuine = next((g for g in store.rows("campaigns", "owner_unit = ? AND id != ? AND linked_campaign_id IS NULL",
                                              [copy["doc_issuer"], copy["id"]]) if same_document(g, copy)), None)
        if genuine is None:
            continue
        store.update("campaigns", copy["id"], {"linked_campaign_id": genuine["id"]})
        wanted = store.rows("targets", "campaign_id = ?", [genuine["id"]], order_by="seq")
        for target in store.rows("targets", "campaign_id = ? AND owner_unit = ?", [copy["id"], me], order_by="seq"):
            match = _match_target(target, wanted)
            if match is None:
                store.update("targets", target["id"], {"campaign_id": genuine["id"]})
            else:
                store.update("targets", target["id"], {"linked_target_id": match["id"]})
                wanted.remove(match)
        notes.append(
            f"phong trào “{copy['name']}” (văn bản {copy.get('doc_number') or ''} của {copy['doc_issuer']}) đã được "
            f"liên kết với phong trào do {copy['doc_issuer']} gửi xuống; các bản ghi trỏ tới nó được chuyển sang."
        )
    _repoint(store)
    return notes


def _repoint(store: Store) -> None:
    """Move this unit's references from linked copies (campaigns, targets) to the genuine ones, then delete the
    linked copies this unit owns."""
    me = store.unit_code
    campaigns = {r["id"]: r["linked_campaign_id"] for r in store.rows(
        "campaigns", "linked_campaign_id IS NOT NULL", include_deleted=True)}
    targets = {r["id"]: r["linked_target_id"] for r in store.rows(
        "targets", "linked_target_id IS NOT NULL", include_deleted=True)}
    if not campaigns and not targets:
        return
    mine = _writable_owners(store)

    def final(links: dict[str, str], key: str) -> str:
        seen = {key}
        while key in links and links[key] not in seen:
            key = links[key]
            seen.add(key)
        return key

    if targets:
        marks = ",".join("?" for _ in targets)
        for row in store.rows("target_results", f"target_id IN ({marks})", list(targets)):
            if row["owner_unit"] in mine:
                store.update("target_results", row["id"], {"target_id": final(targets, row["target_id"])})
    if campaigns:
        marks = ",".join("?" for _ in campaigns)
        for table, column in (*CHILDREN, ("targets", "campaign_id")):
            for row in store.rows(table, f"{column} IN ({marks})", list(campaigns)):
                if row["owner_unit"] in mine and not (table == "targets" and row.get("linked_target_id")):
                    store.update(table, row["id"], {column: final(campaigns, row[column])})
    for table, links in (("targets", targets), ("campaigns", campaigns)):
        for record_id in links:
            linked = store.get(table, record_id)
            if linked is not None and linked["owner_unit"] == me:
                store.delete(table, record_id)


def _writable_owners(store: Store) -> set[str]:
    """This unit and the sub-units it consolidates (whose records it may write)."""
    from tdkt_desktop.store.authority import UnitTree, writers

    me = store.unit_code or ""
    tree = UnitTree(store)
    return {code for code in tree.subtree(me) if me in writers(tree, code)}
