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

__all__ = ["TABLE", "covenants", "member_choices", "members_of", "save_covenant"]

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


def member_choices(store: Store) -> list[tuple[str, str, str]]:
    """The units a covenant's member is chosen from, as (label, name, code): the units this database knows (its own,
    the office above, the units below), the collectives of the registry, and the communes and wards of the
    province from the official list (the other members of a cluster are usually its neighbours). A member
    can also be typed."""
    from tdkt_desktop.core import admin_units

    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()

    def add(name: str, code: str) -> None:
        key = code or name
        if name and key not in seen:
            seen.add(key)
            out.append((f"{name} ({code})" if code else name, name, code))

    for unit in store.rows("units", order_by="code"):
        add(str(unit["name"]), str(unit["code"]))
    for collective in store.rows("collectives", order_by="sort_key, id"):
        add(str(collective["name"]), "")
    me = store.self_unit()
    province = (me or {}).get("province_code") or ((me or {}).get("code") if (me or {}).get("level") == "province"
                                                   else None)
    if province:
        for official in admin_units.children(str(province)):
            add(official.name, official.code)
    return out
