"""Giao ước thi đua của cụm, khối thi đua: saving and reading the covenants the unit records.

One covenant a row of ``covenants`` (migration m012), owned by the unit that records it (``store.authority``):
an upper office that receives it in a bundle keeps it as the unit wrote it. Every write — here, from the command
line's ``tdkt records``, from a bundle of this unit's own installation — goes through ``Store`` and so through
``fields.normalise`` (the members, ``core.covenants.parse_members``) and ``core.covenants.check_covenant`` (at
least two members, the leading and deputy units among them, the signing date in the covenant's year).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tdkt_desktop.core.covenants import Member, parse_members
from tdkt_desktop.store import freshness
from tdkt_desktop.store.db import Row, Store

__all__ = ["TABLE", "covenants", "members_of", "save_covenant"]

TABLE = "covenants"


def members_of(row: Mapping[str, Any]) -> list[Member]:
    """The member units of a stored covenant, in the order they sign."""
    raw = row.get("members")
    return parse_members(json.loads(raw) if isinstance(raw, str) and raw.startswith("[") else raw)


def covenants(store: Store, *, year: int | None = None) -> list[Row]:
    """The live covenants (of ``year``), newest year first, then by the cluster's name."""
    where, params = ("year = ?", [year]) if year is not None else (None, [])
    return store.rows(TABLE, where, params, order_by="year DESC, sort_key, id")


def save_covenant(store: Store, values: Mapping[str, Any], *, record_id: str | None = None,
                  rev: str | None = None) -> Row:
    """Add a covenant (``record_id`` None) or change one that is still revision ``rev`` (else
    :class:`~tdkt_desktop.store.freshness.StaleRecord`: nothing written since the editor opened it is undone)."""
    if record_id is None:
        return store.insert(TABLE, dict(values))
    return freshness.save_unchanged(store, {(TABLE, record_id): rev},
                                    lambda: store.update(TABLE, record_id, dict(values)))
