"""Which reported figure is current: the result of a target for a unit and period, and a unit's
participation figures for a campaign and period.

Nothing in the schema stops two rows from holding the same figure (typed on two installations that
both report for a unit, or typed again instead of corrected). The current row is the one changed last
(``updated_at``); of two changed at the same instant, the one with the greater id. Every screen,
export, printed report and command reads figures through these two functions, so they all show the
same one.
"""

from __future__ import annotations

from collections.abc import Iterable

from tdkt_desktop.store.db import Row, Store

__all__ = ["ResultKey", "current_participations", "current_results"]

# Rows read in this order: the last row read for a key is the current one.
_CURRENT_ORDER = "updated_at, id"

# (target id, unit code, period)
ResultKey = tuple[str, str, str]

_CHUNK = 500  # ids per query, well under SQLite's limit on parameters


def current_results(
    store: Store,
    target_ids: Iterable[str],
    period: str | None = None,
    *,
    unit_codes: Iterable[str] | None = None,
) -> dict[ResultKey, Row]:
    """The current result of each target for each unit and period (``period``/``unit_codes`` narrow the
    search), keyed by (target id, unit code, period)."""
    ids = list(dict.fromkeys(target_ids))
    units = list(dict.fromkeys(unit_codes)) if unit_codes is not None else None
    out: dict[ResultKey, Row] = {}
    if not ids or units == []:
        return out
    rows: list[Row] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        where = f"target_id IN ({', '.join('?' for _ in chunk)})"
        params: list[object] = list(chunk)
        if period is not None:
            where += " AND period = ?"
            params.append(period)
        if units is not None:
            where += f" AND unit_code IN ({', '.join('?' for _ in units)})"
            params.extend(units)
        rows.extend(store.rows("target_results", where, params))
    rows.sort(key=lambda r: (str(r["updated_at"]), str(r["id"])))
    for r in rows:
        out[(str(r["target_id"]), str(r["unit_code"]), str(r["period"]))] = r
    return out


def current_participations(store: Store, campaign_id: str, period: str) -> dict[str, Row]:
    """The current participation figures of each unit for the campaign and period, by unit code."""
    out: dict[str, Row] = {}
    for r in store.rows(
        "participations", "campaign_id = ? AND period = ?", [campaign_id, period], order_by=_CURRENT_ORDER
    ):
        out[str(r["unit_code"])] = r
    return out
