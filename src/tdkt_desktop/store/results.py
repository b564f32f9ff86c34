"""Results of targets and participation in campaigns: which reported figure is current, what the results
screen shows, and entering them (:func:`save_results`, the one place the rules of correcting, adding and
clearing a figure live — for the results screen and ``tdkt results``).

Which figure is current: the result of a target for a unit and period, and a unit's participation figures
for a campaign and period.

Nothing in the schema stops two rows from holding the same figure (typed on two installations that
both report for a unit, or typed again instead of corrected). The current row is the one changed last
(``updated_at``); of two changed at the same instant, the one with the greater id. Every screen,
export, printed report and command reads figures through these two functions, so they all show the
same one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.targets import Cumulative, Figure, TargetSpec, cumulative, outline
from tdkt_desktop.core.text import InputError, clean, parse_number
from tdkt_desktop.store import freshness
from tdkt_desktop.store.campaigns import campaign_list, launched_below
from tdkt_desktop.store.db import Row, Store

__all__ = [
    "PARTICIPATION_COUNTS",
    "ResultKey",
    "campaign_window",
    "campaigns_with_targets",
    "cumulative_results",
    "current_participations",
    "current_results",
    "figures_by_period",
    "ordered_targets",
    "periods_reported",
    "reporting_units",
    "result_units",
    "results_sheet",
    "save_results",
]

PARTICIPATION_COUNTS = ("collectives_count", "people_count", "households_count")

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


def reporting_units(store: Store) -> list[Row]:
    """The units whose results this installation enters: its own, then the units directly below it by name."""
    own = store.self_unit()
    if own is None:
        return []
    return [own, *store.rows("units", "parent_code = ? AND code != ?", [own["code"], own["code"]], order_by="name")]


def result_units(store: Store) -> list[str]:
    """The codes of :func:`reporting_units`."""
    return [str(u["code"]) for u in reporting_units(store)]


def campaigns_with_targets(store: Store) -> list[Row]:
    """The campaigns that have targets to report on, in the order of :func:`~tdkt_desktop.store.campaigns.campaign_list`
    (this unit's and its upper offices' first, newest first)."""
    with_targets = {str(r[0]) for r in store.db.execute("SELECT DISTINCT campaign_id FROM targets WHERE deleted = 0")}
    return [c for c in campaign_list(store) if str(c["id"]) in with_targets]


def periods_reported(store: Store, campaign_id: str) -> set[str]:
    """The periods some unit reported a result of the campaign's targets for."""
    ids = [t["id"] for t in store.rows("targets", "campaign_id = ?", [campaign_id])]
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found |= {str(r["period"]) for r in store.rows("target_results", f"target_id IN ({', '.join('?' for _ in chunk)})",
                                                        chunk)}
    return found


def ordered_targets(store: Store, campaign_id: str) -> list[Row]:
    """The campaign's targets in their order, each detail ("trong đó") right under the target it details,
    with its ``depth`` (0: a target of its own) — the order of the results screen, the attainment matrix and
    its export, and ``tdkt results show``."""
    targets = store.rows("targets", "campaign_id = ?", [campaign_id], order_by="seq, rowid")
    return [{**t, "depth": depth} for t, depth in outline(targets)]


def campaign_window(campaign: Row) -> tuple[int, int] | None:
    """The years a campaign's targets are set for (a 2021–2025 plan: (2021, 2025)); ``None`` without a time
    frame."""
    return m.campaign_years(campaign)


def figures_by_period(
    store: Store, target_ids: Iterable[str], unit_codes: Iterable[str], window: tuple[int, int] | None
) -> dict[tuple[str, str], dict[str, Figure]]:
    """The current figures (result, "trong đó") of each target for each unit, by period, over the years of
    ``window`` — what :func:`~tdkt_desktop.core.targets.cumulative` adds up. Keyed by (target id, unit code)."""
    out: dict[tuple[str, str], dict[str, Figure]] = {}
    for (tid, unit, period), row in current_results(store, target_ids, unit_codes=unit_codes).items():
        if window is not None and not window[0] <= m.period_year(period) <= window[1]:
            continue
        out.setdefault((tid, unit), {})[period] = (row.get("value"), row.get("sub_value"))
    return out


def cumulative_results(
    store: Store, campaign_id: str, period: str, *, unit_codes: Iterable[str]
) -> dict[tuple[str, str], Cumulative]:
    """Each target of the campaign for each unit to the end of ``period``: every year's figure and the figure to
    date over the campaign's window, judged at its end (:func:`~tdkt_desktop.core.targets.cumulative`). Keyed by
    (target id, unit code); a target stored without the figure its comparison needs is left out."""
    campaign = store.require("campaigns", campaign_id)
    window = campaign_window(campaign)
    key = m.parse_period(period)
    units = list(dict.fromkeys(unit_codes))
    targets = ordered_targets(store, campaign_id)
    figures = figures_by_period(store, [t["id"] for t in targets], units, window)
    out: dict[tuple[str, str], Cumulative] = {}
    for t in targets:
        try:
            spec = TargetSpec.from_row(t).validate()
        except InputError:
            continue
        for unit in units:
            out[(t["id"], unit)] = cumulative(spec, figures.get((t["id"], unit), {}), key, window)
    return out


def period_figures(store: Store, period: str, unit_code: str) -> list[tuple[Row, Cumulative]]:
    """Every target of every live campaign this unit works on (not one a unit below launched itself) that runs in
    ``period``'s year (a 2021–2025 plan as well as a campaign of that year), campaign by campaign (by document
    date), each with the unit's figure for the period: its own figure for a campaign of one year, the figure to
    date for a multi-year plan (:func:`cumulative_results`). What the overview charts for a period."""
    year = m.period_year(m.parse_period(period))
    out: list[tuple[Row, Cumulative]] = []
    theirs = launched_below(store)  # a unit below's own campaign holds its figures, not this unit's
    for campaign in store.rows("campaigns", order_by="doc_date, rowid"):
        if theirs(campaign):
            continue
        window = campaign_window(campaign)
        if window is None or not window[0] <= year <= window[1]:
            continue
        figures = cumulative_results(store, campaign["id"], period, unit_codes=[unit_code])
        out.extend((t, figures[(t["id"], unit_code)]) for t in ordered_targets(store, campaign["id"])
                   if (t["id"], unit_code) in figures)
    return out


def results_sheet(store: Store, *, campaign_id: str, period: str, unit_code: str) -> Row:
    """What the results screen shows for one campaign, period and unit: the campaign's targets in order
    (:func:`ordered_targets`), the current result of each (by target id), the campaign's ``window`` and the
    unit's figures of every period of it (``history``, by target id: what the cumulative figure is made of),
    and the current participation figures of every reporting unit (by unit code)."""
    campaign = store.require("campaigns", campaign_id)
    targets = ordered_targets(store, campaign_id)
    ids = [t["id"] for t in targets]
    current = current_results(store, ids, period, unit_codes=[unit_code])
    window = campaign_window(campaign)
    history = figures_by_period(store, ids, [unit_code], window)
    return {
        "targets": targets,
        "results": {key[0]: row for key, row in current.items()},
        "window": window,
        "history": {tid: figures for (tid, _unit), figures in history.items()},
        "participations": current_participations(store, campaign_id, period),
    }


def _figure(value: Any, label: str) -> float | None:
    if value is None or isinstance(value, bool):
        return None if value is None else float(value)
    if isinstance(value, (int, float)):
        return float(value)
    return parse_number(str(value) or None, field=label)


def _checked(target: Row, change: Mapping[str, Any]) -> dict[str, Any]:
    """The values to store for one target's result, checked against the target: numbers as a person writes
    them ("7,5") or as numbers, no negative count, "of which" only where the target counts a part."""
    name = target.get("measure") or f"chỉ tiêu {target.get('seq') or ''}".strip()
    try:
        spec = TargetSpec.from_row(target).validate()
    except InputError:
        raise InputError(f"Chỉ tiêu “{name}” chưa đủ thông tin; hãy sửa chỉ tiêu trong phong trào trước.",
                         field="Chỉ tiêu") from None
    value = _figure(change.get("value"), f"Kết quả của chỉ tiêu “{name}”")
    sub = _figure(change.get("sub_value"), f"Trong đó (chỉ tiêu “{name}”)")
    has_sub = spec.comparator is m.Comparator.COUNT and spec.sub_count is not None
    if sub is not None and not has_sub:
        raise InputError(f"Chỉ tiêu “{name}” không có số “trong đó”; hãy để trống cột này.", field="Trong đó")
    if spec.comparator is m.Comparator.COUNT and ((value is not None and value < 0) or (sub is not None and sub < 0)):
        raise InputError(f"Kết quả của chỉ tiêu “{name}”: số đếm không được âm.", field="Kết quả", value=value)
    note = clean(change.get("note") or "") or None
    return {"value": value, "sub_value": sub, "note": note}


def save_results(
    store: Store,
    *,
    campaign_id: str,
    period: str,
    unit_code: str,
    results: Sequence[Mapping[str, Any]] = (),
    participations: Sequence[Mapping[str, Any]] = (),
) -> int:
    """Save the results a unit reached for a campaign's targets in a period, as the results grid does: each
    change (``target_id``, ``value``, ``sub_value``, ``note``) updates the current result, adds one, or —
    all empty — deletes it; each participation change (``unit_code`` and counts) likewise. A change holding
    ``rev`` is refused with :class:`~tdkt_desktop.store.freshness.StaleRecord` when the stored row is no longer
    that revision (``None``: there was none) — it changed since the screen showed it. Checked first (the
    campaign and its targets, the period, a unit whose results this installation enters, the figures); one
    transaction: a wrong row changes nothing. Returns the number of rows written."""
    key = m.parse_period(period)
    with store.atomic():
        campaign = store.require("campaigns", campaign_id)
        years = m.campaign_years(campaign)
        if years is not None and not years[0] <= m.period_year(key) <= years[1]:
            span = str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
            raise InputError(
                f"Kỳ “{m.period_label(key)}” nằm ngoài thời gian của phong trào “{campaign['name']}” (năm {span}). "
                "Chọn một kỳ trong thời gian đó, hoặc sửa ngày bắt đầu, kết thúc của phong trào.",
                field="Kỳ báo cáo", value=period,
            )
        if unit_code not in result_units(store):
            raise InputError(
                f"Đơn vị {unit_code} không phải đơn vị này hay đơn vị trực thuộc nên không nhập kết quả cho đơn vị đó "
                "được.", field="Đơn vị", value=unit_code,
            )
        targets = {t["id"]: t for t in store.rows("targets", "campaign_id = ?", [campaign["id"]])}
        checked: list[tuple[str, dict[str, Any], Mapping[str, Any]]] = []
        for change in results:
            target_id = str(change.get("target_id") or "")
            if target_id not in targets:
                raise InputError(f"Chỉ tiêu {target_id} không thuộc phong trào “{campaign['name']}”.", field="Chỉ tiêu",
                                 value=target_id)
            checked.append((target_id, _checked(targets[target_id], change), change))
        held = current_results(store, list(targets), key, unit_codes=[unit_code])
        written = 0
        for target_id, values, change in checked:
            current = held.get((target_id, unit_code, key))
            if "rev" in change:
                freshness.require_version("target_results", current, change["rev"], record_id=target_id)
            empty = all(v is None for v in values.values())
            if current is not None:
                if empty:
                    store.delete("target_results", current["id"])
                else:
                    store.update("target_results", current["id"], values)
            elif not empty:
                store.insert("target_results", {**values, "target_id": target_id, "unit_code": unit_code,
                                                "period": key})
            else:
                continue
            written += 1
        parts = current_participations(store, campaign["id"], key)
        units = result_units(store)
        for change in participations:
            code = str(change["unit_code"])
            if code not in units:
                raise InputError(f"Đơn vị {code} không phải đơn vị này hay đơn vị trực thuộc nên không nhập số liệu tham "
                                 "gia cho đơn vị đó được.", field="Đơn vị", value=code)
            unknown = set(change) - {"unit_code", "rev", *PARTICIPATION_COUNTS}
            if unknown:
                raise InputError(f"Không có số liệu tham gia “{', '.join(sorted(unknown))}”.", field="Tham gia")
            counts = {k: change.get(k) for k in PARTICIPATION_COUNTS}
            current = parts.get(code)
            if "rev" in change:
                freshness.require_version("participations", current, change["rev"], record_id=code)
            if current is not None:
                store.update("participations", current["id"], counts)
            elif any(v is not None for v in counts.values()):
                store.insert("participations", {**counts, "campaign_id": campaign["id"], "period": key,
                                                "unit_code": code}, owner_unit=store.unit_code)
            else:
                continue
            written += 1
    return written
