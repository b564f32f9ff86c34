"""Campaigns with their targets, written together: what the campaign editor saves and what a directive read
from a file proposes.

A target row may detail another ("trong đó": ``parent`` names the other row by its ``key`` or its stored
id; stored as ``parent_target_id``), and may carry the reading's unconfirmed flags (``review``: Vietnamese
notes, stored as ``review_json``) until a person confirms it. Everything is written in one transaction:
a campaign is never saved with half its targets.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.db import Store

if TYPE_CHECKING:  # the directive reader is loaded only where a document is read
    from tdkt_desktop.core.directive import DirectiveProposal

__all__ = [
    "TARGET_FIELDS",
    "campaign_list",
    "campaign_targets",
    "delete_campaign",
    "proposal_rows",
    "restore_campaign",
    "review_flags",
    "save_campaign",
]

Row = dict[str, Any]

# The target fields a row may give (besides ``id``, ``key``, ``parent`` and ``review``).
TARGET_FIELDS = ("measure", "comparator", "value", "value_high", "unit", "sub_count", "sub_label", "strict",
                 "rollup", "assigned_unit", "source_text")


def review_flags(target: Row) -> list[str]:
    """The unconfirmed flags of a stored target (empty when a person confirmed it)."""
    raw = target.get("review_json")
    if not raw:
        return []
    try:
        flags = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError:
        return [str(raw)]
    return [str(f) for f in flags] if isinstance(flags, list) else []


def campaign_list(store: Store) -> list[Row]:
    """The live campaigns: those this unit works on — its own and those of the offices above it — newest first (by
    year, then document date), then those the units below it launched themselves (an upper office receives each
    ward's with its bundles), newest first. Every list of campaigns to choose from starts with this unit's."""
    rows = store.rows("campaigns", order_by="year DESC, doc_date DESC")
    below = launched_below(store)
    return sorted(rows, key=below)


def launched_below(store: Store) -> Callable[[Row], bool]:
    """Whether a campaign was launched by a unit below this installation's (its own campaign, received with that
    unit's bundles): not this unit's work — its deadlines, targets and figures are that unit's."""
    unit = store.unit_code
    below = store.unit_tree().subtree(unit) - {unit} if unit else set()
    return lambda c: (c.get("issued_by") or c["owner_unit"]) in below


def campaign_targets(store: Store, campaign_id: str) -> list[Row]:
    """The live targets of a campaign, in their order."""
    return store.rows("targets", "campaign_id = ?", [campaign_id], order_by="seq, rowid")


def save_campaign(
    store: Store, values: Row, targets: Sequence[Row], *, campaign_id: str | None = None
) -> str:
    """Insert or update a campaign and set its targets to ``targets`` (in order); returns the campaign's id.

    Each target row holds the fields of :data:`TARGET_FIELDS`, and optionally ``id`` (a stored target of
    this campaign: updated, else a new one is inserted), ``key`` (any value naming the row within this
    call), ``parent`` (the ``key`` or stored id of the target it details) and ``review`` (the flags still
    to confirm). Stored targets of the campaign left out of ``targets`` are deleted; a detail whose parent
    is deleted becomes a target of its own. Nothing is written if any value is wrong.
    """
    values = dict(values)
    if not values.get("issued_by") and campaign_id is None:
        values["issued_by"] = store.unit_code
    with store.atomic():
        if campaign_id:
            campaign = store.update("campaigns", campaign_id, values)
        else:
            campaign = store.insert("campaigns", values)
        cid = campaign["id"]
        owner = campaign["owner_unit"]
        existing = {t["id"] for t in campaign_targets(store, cid)}
        ids: dict[Any, str] = {}
        kept: set[str] = set()
        pending_parents: list[tuple[str, Any]] = []
        for seq, target in enumerate(targets, 1):
            data = {name: target[name] for name in TARGET_FIELDS if name in target}
            data["seq"] = seq
            data["campaign_id"] = cid
            data["review_json"] = list(target.get("review") or [])
            tid = target.get("id")
            if tid and tid in existing:
                store.update("targets", tid, data)
            else:
                tid = store.insert("targets", data, owner_unit=owner)["id"]
            kept.add(tid)
            if target.get("key") is not None:
                ids[target["key"]] = tid
            ids[tid] = tid
            pending_parents.append((tid, target.get("parent")))
        for tid, parent in pending_parents:
            parent_id = ids.get(parent) if parent is not None else None
            if parent is not None and parent_id is None:
                raise InputError(f"Chỉ tiêu chi tiết tham chiếu tới chỉ tiêu “{parent}” không có trong phong trào này.")
            if parent_id == tid:
                parent_id = None
            current = store.require("targets", tid)
            if current.get("parent_target_id") != parent_id:
                store.update("targets", tid, {"parent_target_id": parent_id})
        for tid in existing - kept:
            store.delete("targets", tid)
    return str(cid)


def delete_campaign(store: Store, *, campaign_id: str) -> list[str]:
    """Delete a campaign with its targets (tombstones, in one transaction); returns the targets' ids, which
    :func:`restore_campaign` brings back with it."""
    with store.atomic():
        store.require("campaigns", campaign_id)
        targets = [str(t["id"]) for t in campaign_targets(store, campaign_id)]
        for tid in targets:
            store.delete("targets", tid)
        store.delete("campaigns", campaign_id)
    return targets


def restore_campaign(store: Store, *, campaign_id: str, target_ids: Sequence[str]) -> None:
    """Undo :func:`delete_campaign`: the campaign and the targets deleted with it come back."""
    with store.atomic():
        store.restore("campaigns", campaign_id)
        for tid in target_ids:
            store.restore("targets", tid)


def proposal_rows(proposal: DirectiveProposal) -> tuple[Row, list[Row]]:
    """The campaign values and target rows a directive proposes, as :func:`save_campaign` takes them.

    Only fields the document filled are given. Targets the reading could not understand are left out;
    every other target keeps its unconfirmed flags (its problems) in ``review``, so nothing read with
    doubt is taken as confirmed.
    """
    values: Row = {}
    for name, read in proposal.fields.items():
        if read.empty:
            continue
        if name.endswith("_json"):
            values[name] = list(read.value)
        elif name in ("year",):
            values[name] = read.value
        else:
            values[name] = read.text()
    if not values.get("campaign_type"):
        values["campaign_type"] = "regular"
    targets: list[Row] = []
    for index, proposed in enumerate(proposal.targets):
        if proposed.spec is None:
            continue
        row: Row = {k: v for k, v in proposed.spec.to_dict().items() if k in TARGET_FIELDS}
        row["strict"] = 1 if proposed.spec.strict else 0
        row["source_text"] = proposed.source_text
        row["key"] = index
        if proposed.parent is not None and proposal.targets[proposed.parent].spec is not None:
            row["parent"] = proposed.parent
        row["review"] = list(proposed.problems)
        targets.append(row)
    return values, targets
