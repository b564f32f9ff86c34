"""The upper office's view of its units: targets unit by unit, participation, registrations,
nominations, and who has not sent anything by a deadline.

"Units below" are every unit whose ``parent_code`` chain leads to this installation's unit (recursively).
When a unit and a unit below it both report a figure for the same thing (a commune that consolidated
its hamlets, and the hamlets themselves), the figure is counted once in totals: the upper one, which
already includes its units.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import (
    AttainmentStatus,
    Comparator,
    NominationStatus,
    Rollup,
    period_label,
    period_year,
)
from tdkt_desktop.core.targets import (
    Attainment,
    RollupResult,
    TargetSpec,
    UnitResult,
    cumulative,
    indented,
    rollup,
    window_attainment,
)
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.results import (
    campaign_window,
    current_participations,
    current_results,
    figures_by_period,
    ordered_targets,
)

__all__ = [
    "Cell",
    "Matrix",
    "MatrixRow",
    "MissingSubmission",
    "TargetShare",
    "UnitInfo",
    "attainment_matrix",
    "campaign_targets",
    "cumulative_label",
    "missing_submissions",
    "nominations_by_unit",
    "participation_by_unit",
    "registrations_by_unit",
    "unit_figures",
    "units_below",
]

STATUS_ORDER = [s.value for s in AttainmentStatus]


# --------------------------------------------------------------------------- the unit tree


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    level: str
    parent_code: str | None
    depth: int  # 0: this installation's unit; 1: directly below it; …

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level, "parent_code": self.parent_code, "depth": self.depth}


def _root(store: Store, root: str | None) -> str:
    code = root or store.unit_code
    if not code:
        raise InputError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ”.")
    return code


def _info(row: Row | None, code: str, depth: int) -> UnitInfo:
    if row is None:
        return UnitInfo(code, code, "", None, depth)
    return UnitInfo(row["code"], row["name"], row["level"], row.get("parent_code"), depth)


def units_below(
    store: Store, root: str | None = None, *, direct_only: bool = False, include_root: bool = False
) -> list[UnitInfo]:
    """Units below ``root`` (default: this installation's unit), in tree order (each unit followed by
    the units below it, siblings by code)."""
    top = _root(store, root)
    children: dict[str, list[Row]] = defaultdict(list)
    for row in store.rows("units", "parent_code IS NOT NULL", order_by="code"):
        children[row["parent_code"]].append(row)
    out: list[UnitInfo] = []
    if include_root:
        out.append(_info(store.unit_by_code(top), top, 0))
    seen = {top}

    def walk(code: str, depth: int) -> None:
        for row in children.get(code, []):
            if row["code"] in seen:
                continue
            seen.add(row["code"])
            out.append(_info(row, row["code"], depth))
            if not direct_only:
                walk(row["code"], depth + 1)

    walk(top, 1)
    return out


def _ancestors(units: list[UnitInfo]) -> dict[str, set[str]]:
    """For each unit, the units above it within the list (this installation's unit excluded)."""
    parent = {u.code: u.parent_code for u in units}
    out: dict[str, set[str]] = {}
    for u in units:
        above: set[str] = set()
        p = u.parent_code
        while p in parent and p not in above:
            above.add(p)
            p = parent[p]
        out[u.code] = above
    return out


def _topmost(codes: Iterable[str], ancestors: dict[str, set[str]]) -> set[str]:
    """Of the units that reported, those with no reporting unit above them (so nothing counts twice)."""
    reported = set(codes)
    return {c for c in reported if not (ancestors.get(c, set()) & reported)}


# --------------------------------------------------------------------------- the attainment matrix


@dataclass
class Cell:
    value: float | None
    sub_value: float | None
    percent: float | None
    status: str  # AttainmentStatus value
    note: str = ""
    weight: float | None = None
    result_id: str | None = None

    @property
    def reaching(self) -> bool:
        return self.status in _REACHING

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value, "sub_value": self.sub_value, "percent": self.percent, "status": self.status,
            "note": self.note, "weight": self.weight,
        }


@dataclass(frozen=True)
class MatrixRow:
    """One unit's row of the matrix: its cells (``None`` where the target is another unit's), and how
    many of the targets that apply to it it reached."""

    unit: UnitInfo
    cells: dict[str, Cell | None]
    reached: int
    applicable: int

    @property
    def name(self) -> str:
        """The unit's name indented by its level below the units directly under this one."""
        return "    " * max(self.unit.depth - 1, 0) + self.unit.name


@dataclass(frozen=True)
class TargetShare:
    """Of the units that reported a target, how many reached it."""

    target_id: str
    measure: str
    reaching: int
    with_data: int

    @property
    def percent(self) -> float | None:
        return self.reaching * 100 / self.with_data if self.with_data else None


@dataclass
class Matrix:
    """Targets × units. ``cells[unit][target]`` is ``None`` where a target is assigned to another unit.
    ``totals[target]`` combines the units' results by the target's roll-up method; ``counts[target]``
    counts units by status; ``status_counts`` counts every cell. ``window``: the years the campaign's targets
    are set for; over several years every figure is the figure to the end of the period (``cumulative``)."""

    campaign_id: str
    period: str
    units: list[UnitInfo]
    targets: list[dict[str, Any]]
    cells: dict[str, dict[str, Cell | None]]
    totals: dict[str, RollupResult]
    counts: dict[str, dict[str, int]]
    status_counts: dict[str, int] = field(default_factory=dict)
    window: tuple[int, int] | None = None

    @property
    def cumulative(self) -> bool:
        """The campaign runs several years: cells and totals are figures to date (see :func:`cumulative_label`)."""
        return self.window is not None and self.window[0] < self.window[1]

    def cell(self, unit_code: str, target_id: str) -> Cell | None:
        return self.cells[unit_code][target_id]

    def rows(self) -> list[MatrixRow]:
        """The units' rows, in the matrix's order."""
        out = []
        for u in self.units:
            cells = self.cells[u.code]
            applicable = [c for c in cells.values() if c is not None]
            out.append(MatrixRow(u, cells, sum(1 for c in applicable if c.reaching), len(applicable)))
        return out

    def shares(self) -> list[TargetShare]:
        """Per target, in the matrix's order: the units reaching it among those that reported it."""
        out = []
        for t in self.targets:
            counts = self.counts[t["id"]]
            with_data = sum(n for status, n in counts.items() if status != AttainmentStatus.NO_DATA.value)
            reaching = sum(counts.get(status, 0) for status in _REACHING)
            out.append(TargetShare(t["id"], t["name"], reaching, with_data))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaign_id": self.campaign_id,
            "period": self.period,
            "units": [u.to_dict() for u in self.units],
            "targets": [{k: v for k, v in t.items() if k != "spec"} for t in self.targets],
            "cells": {u: {t: (c.to_dict() if c else None) for t, c in row.items()} for u, row in self.cells.items()},
            "totals": {t: r.to_dict() for t, r in self.totals.items()},
            "counts": self.counts,
            "status_counts": self.status_counts,
            "window": list(self.window) if self.window else None,
            "cumulative": self.cumulative,
        }


_REACHING = (AttainmentStatus.REACHED.value, AttainmentStatus.EXCEEDED.value)


def campaign_targets(store: Store, campaign_id: str) -> list[dict[str, Any]]:
    """The campaign's targets in their order, each "trong đó" detail under its target
    (:func:`~tdkt_desktop.store.results.ordered_targets`), each with its spec and the texts every front end
    shows (``name``: the measure, indented when it is a detail)."""
    if store.get("campaigns", campaign_id) is None:
        raise InputError(f"Không tìm thấy phong trào thi đua có mã {campaign_id}.")
    out = []
    for t in ordered_targets(store, campaign_id):
        spec = TargetSpec.from_row(t)
        out.append(
            {
                "id": t["id"], "seq": t["seq"], "measure": t["measure"], "unit": t.get("unit") or "",
                "describe": spec.describe(), "label": spec.label(), "rollup": str((spec.rollup or Rollup.SUM).value),
                "assigned_unit": t.get("assigned_unit"), "spec": spec, "depth": t["depth"],
                "parent_target_id": t.get("parent_target_id"), "name": indented(t["measure"], t["depth"]),
            }
        )
    return out


def cumulative_label(period: str, window: tuple[int, int] | None) -> str:
    """What a matrix's figures are: "6 tháng đầu năm 2023", or over a plan of several years "Lũy kế đến hết năm
    2023 (giai đoạn 2021–2025)", after its last year "Lũy kế cả giai đoạn 2021–2025"."""
    label = period_label(period)
    if window is None or window[0] >= window[1]:
        return label
    if period_year(period) > window[1]:
        return f"Lũy kế cả giai đoạn {window[0]}–{window[1]}"
    return f"Lũy kế đến hết {label[:1].lower()}{label[1:]} (giai đoạn {window[0]}–{window[1]})"


def _required_share(spec: TargetSpec) -> float | None:
    if (spec.rollup or Rollup.SUM) is Rollup.SHARE_REACHING and spec.unit.strip() == "%":
        return spec.value
    return None


def _cell(spec: TargetSpec, result: Row | None, figures: dict[str, Any], period: str,
          window: tuple[int, int] | None) -> Cell:
    """A unit's cell: its figure to the end of the period over the campaign's window (the period's own figure
    for a campaign of one year), judged by :func:`~tdkt_desktop.core.targets.cumulative`."""
    weight = result.get("weight") if result else None
    result_id = result["id"] if result else None
    try:
        a = cumulative(spec, figures, period, window).attainment
    except InputError as exc:  # a target stored without the figure its comparator needs
        value = result.get("value") if result else None
        sub = result.get("sub_value") if result else None
        return Cell(value, sub, None, AttainmentStatus.NO_DATA.value, str(exc), weight, result_id)
    return Cell(a.value, a.sub_value, a.percent, a.status.value, a.note, weight, result_id)


def _total(spec: TargetSpec, results: list[UnitResult], period: str, window: tuple[int, int] | None) -> RollupResult:
    try:
        total = rollup(spec, results, required_share=_required_share(spec))
    except InputError as exc:  # no figure to compare with, or weights missing for a weighted mean
        reporting = sum(1 for r in results if r.value is not None)
        note = Attainment(None, None, AttainmentStatus.NO_DATA, str(exc))
        return RollupResult(spec.rollup or Rollup.SUM, None, None, len(results), reporting, 0, note)
    a = total.attainment
    if window is None or window[0] >= window[1] or a is None or a.status is AttainmentStatus.NO_DATA:
        return total
    if total.method is Rollup.SHARE_REACHING:  # the share of units reaching it so far, judged at the end
        judged = window_attainment(TargetSpec("Tỷ lệ đơn vị đạt chỉ tiêu", Comparator.AT_LEAST, _required_share(spec),
                                              unit="%"), total.value, None, period=period, window=window)
    else:
        judged = window_attainment(spec, total.value, total.sub_value, period=period, window=window)
    total.attainment = judged
    return total


def _matrix_units(store: Store, target_ids: list[str], period: str) -> list[UnitInfo]:
    """This installation's unit when it reported a figure of its own, then every unit below it."""
    below = units_below(store)
    root = store.unit_code
    assert root is not None  # units_below refused an installation without a unit
    own = current_results(store, target_ids, period, unit_codes=[root])
    if any(r.get("value") is not None for r in own.values()):
        return [_info(store.unit_by_code(root), root, 0), *below]
    return below


def attainment_matrix(
    store: Store, campaign_id: str, period: str, *, units: Iterable[str] | None = None
) -> Matrix:
    """Every target of the campaign against the units for ``period`` — the one matrix the consolidation
    screen shows, its Excel export writes and ``tdkt report ma-tran`` writes.

    Rows: this installation's unit first when it reported a figure itself (depth 0), then every unit
    below it in tree order; ``units`` names the rows instead. Each cell holds the unit's current result
    (:func:`~tdkt_desktop.store.results.current_results`). The totals combine the units' figures by each
    target's roll-up, counting a branch once: where a unit and a unit above it both reported, the upper
    figure, which already includes its units."""
    targets = campaign_targets(store, campaign_id)
    window = campaign_window(store.require("campaigns", campaign_id))
    ids = [t["id"] for t in targets]
    if units is None:
        rows = _matrix_units(store, ids, period)
    else:
        known = {u.code: u for u in units_below(store, include_root=True)}
        rows = [known.get(c) or _info(store.unit_by_code(c), c, 1) for c in units]
    results = current_results(store, ids, period, unit_codes=[u.code for u in rows])
    history = figures_by_period(store, ids, [u.code for u in rows], window)
    ancestors = _ancestors(rows)
    cells: dict[str, dict[str, Cell | None]] = {u.code: {} for u in rows}
    totals: dict[str, RollupResult] = {}
    counts: dict[str, dict[str, int]] = {}
    status_counts = dict.fromkeys(STATUS_ORDER, 0)
    for t in targets:
        spec: TargetSpec = t["spec"]
        applicable = [u for u in rows if not t["assigned_unit"] or t["assigned_unit"] == u.code]
        per_status = dict.fromkeys(STATUS_ORDER, 0)
        mine = {u.code: results.get((t["id"], u.code, period)) for u in applicable}
        for u in rows:
            if u.code not in mine:
                cells[u.code][t["id"]] = None
                continue
            c = _cell(spec, mine[u.code], history.get((t["id"], u.code), {}), period, window)
            cells[u.code][t["id"]] = c
            per_status[c.status] += 1
            status_counts[c.status] += 1
        reporting = [code for code in mine if (cells[code][t["id"]] or _NO_CELL).value is not None]
        counted = _topmost(reporting, ancestors)
        unit_results = []
        for u in applicable:
            if ancestors.get(u.code, set()) & counted:
                continue  # inside a unit above it that reported: its figure (or its absence) is in there
            if u.depth == 0 and u.code not in counted:
                continue  # this unit's row, without a figure of its own for this target: its units count
            c = cells[u.code][t["id"]] or _NO_CELL
            unit_results.append(UnitResult(u.code, c.value, c.sub_value, c.weight))
        totals[t["id"]] = _total(spec, unit_results, period, window)
        counts[t["id"]] = per_status
    return Matrix(campaign_id, period, rows, targets, cells, totals, counts, status_counts, window)


_NO_CELL = Cell(None, None, None, AttainmentStatus.NO_DATA.value)


def unit_figures(store: Store, unit_code: str, campaign_id: str, period: str) -> dict[str, Any]:
    """One unit's figures for the campaign and period (drill-down): each target with its result and
    attainment, and the unit's participation."""
    unit = store.unit_by_code(unit_code)
    targets = campaign_targets(store, campaign_id)
    window = campaign_window(store.require("campaigns", campaign_id))
    results = current_results(store, [t["id"] for t in targets], period, unit_codes=[unit_code])
    history = figures_by_period(store, [t["id"] for t in targets], [unit_code], window)
    rows = []
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for t in targets:
        if t["assigned_unit"] and t["assigned_unit"] != unit_code:
            continue
        r = results.get((t["id"], unit_code, period))
        c = _cell(t["spec"], r, history.get((t["id"], unit_code), {}), period, window)
        counts[c.status] += 1
        rows.append(
            {
                "target_id": t["id"], "seq": t["seq"], "measure": t["measure"], "name": t["name"], "target": t["describe"],
                "unit": t["unit"], **c.to_dict(), "status_label": AttainmentStatus(c.status).label,
                "result_note": (r or {}).get("note") or "",
            }
        )
    p = current_participations(store, campaign_id, period).get(unit_code)
    return {
        "unit": _info(unit, unit_code, 0).to_dict(),
        "campaign_id": campaign_id,
        "period": period,
        "targets": rows,
        "counts": counts,
        "participation": (
            {"collectives": p.get("collectives_count"), "people": p.get("people_count"), "households": p.get("households_count")}
            if p else None
        ),
    }


# --------------------------------------------------------------------------- participation, registrations


_PART_FIELDS = (("collectives", "collectives_count"), ("people", "people_count"), ("households", "households_count"))


def participation_by_unit(store: Store, campaign_id: str, period: str) -> dict[str, Any]:
    """Participation in the campaign for the period, unit by unit (this unit first when it reported
    too), with totals counted once per branch (see the module note)."""
    tree = units_below(store, include_root=True)
    latest = current_participations(store, campaign_id, period)
    ancestors = _ancestors(tree[1:])
    root = tree[0].code
    for code in ancestors:
        ancestors[code].add(root)
    ancestors[root] = set()
    rows: list[dict[str, Any]] = []
    for u in tree:
        r = latest.get(u.code)
        if u.depth == 0 and r is None:
            continue
        rows.append(
            {"unit": u.to_dict(), "reported": r is not None, **{k: (r.get(col) if r else None) for k, col in _PART_FIELDS}}
        )
    counted = _topmost([c for c in latest if c in ancestors], ancestors)
    totals = {k: sum(int(latest[c].get(col) or 0) for c in counted) for k, col in _PART_FIELDS}
    return {
        "campaign_id": campaign_id,
        "period": period,
        "rows": rows,
        "totals": totals,
        "units_reporting": sum(1 for r in rows if r["reported"]),
        "units_total": len([u for u in tree if u.depth > 0]),
    }


def _tree_codes(store: Store) -> tuple[list[UnitInfo], set[str]]:
    tree = units_below(store, include_root=True)
    return tree, {u.code for u in tree}


def registrations_by_unit(store: Store, year: int) -> dict[str, Any]:
    """Registrations (đăng ký thi đua) of ``year``: per unit (the unit that entered them), counts per
    title; totals per title."""
    from tdkt_desktop.store.office import TITLE_RANK  # the catalogue's order, highest first

    tree, codes = _tree_codes(store)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for owner, title, count in store.db.execute(  # counted by the database: a province's year is 300,000 rows
            "SELECT owner_unit, title_code, COUNT(*) FROM registrations WHERE deleted = 0 AND year = ? "
            "GROUP BY owner_unit, title_code", [int(year)]).fetchall():
        if owner in codes:
            counts[owner][title] += int(count)
    titles = sorted({t for c in counts.values() for t in c}, key=lambda c: (TITLE_RANK.index(c) if c in TITLE_RANK else 99, c))
    rows: list[dict[str, Any]] = []
    for u in tree:
        by_title = {t: counts[u.code].get(t, 0) for t in titles} if u.code in counts else dict.fromkeys(titles, 0)
        if u.depth == 0 and not any(by_title.values()):
            continue
        rows.append({"unit": u.to_dict(), "by_title": by_title, "total": sum(by_title.values())})
    totals = {t: sum(r["by_title"][t] for r in rows) for t in titles}
    return {"year": int(year), "titles": titles, "rows": rows, "totals": totals, "total": sum(totals.values())}


def nominations_by_unit(store: Store, year: int | None = None) -> dict[str, Any]:
    """Nominations per proposing unit (``unit_code``, else the owner), by status and by title."""
    from tdkt_desktop.store.office import TITLE_RANK

    tree, codes = _tree_codes(store)
    where, params = ("", []) if year is None else (" AND year = ?", [int(year)])
    by_status: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_title: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    others: set[str] = set()
    for unit, status, title, count in store.db.execute(  # counted by the database: a province's year is 40,000 rows
            "SELECT COALESCE(NULLIF(unit_code, ''), owner_unit) AS unit, status, title_code, COUNT(*) FROM nominations "
            f"WHERE deleted = 0{where} GROUP BY unit, status, title_code", params).fetchall():
        if unit not in codes:
            others.add(unit)
        by_status[unit][status] += int(count)
        by_title[unit][title] += int(count)
    statuses = [s.value for s in NominationStatus]
    titles = sorted({t for c in by_title.values() for t in c}, key=lambda c: (TITLE_RANK.index(c) if c in TITLE_RANK else 99, c))
    units = list(tree) + [_info(store.unit_by_code(c), c, 1) for c in sorted(others)]
    rows: list[dict[str, Any]] = []
    for u in units:
        if u.depth == 0 and u.code not in by_status:
            continue
        s = {k: by_status[u.code].get(k, 0) for k in statuses}
        t = {k: by_title[u.code].get(k, 0) for k in titles}
        rows.append({"unit": u.to_dict(), "by_status": s, "by_title": t, "total": sum(s.values())})
    return {
        "year": year,
        "statuses": statuses,
        "titles": titles,
        "rows": rows,
        "totals_by_status": {k: sum(r["by_status"][k] for r in rows) for k in statuses},
        "totals_by_title": {k: sum(r["by_title"][k] for r in rows) for k in titles},
        "total": sum(r["total"] for r in rows),
    }


# --------------------------------------------------------------------------- missing submissions


@dataclass(frozen=True)
class MissingSubmission:
    unit: UnitInfo
    results_on: _dt.date | None  # first result entered (None: none at all)
    nominations_on: _dt.date | None  # first nomination sent (None: none at all)
    missing: tuple[str, ...]  # "results", "nominations"
    labels: tuple[str, ...]  # Vietnamese: what is missing, and what came late

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit.to_dict(),
            "results_on": self.results_on.isoformat() if self.results_on else None,
            "nominations_on": self.nominations_on.isoformat() if self.nominations_on else None,
            "missing": list(self.missing),
            "labels": list(self.labels),
        }


_SENT = tuple(s.value for s in NominationStatus if s is not NominationStatus.DRAFT)


def _day(text: str | None) -> _dt.date | None:
    if not text:
        return None
    return _dt.date.fromisoformat(str(text)[:10])


def missing_submissions(
    store: Store,
    *,
    deadline: _dt.date,
    period: str,
    campaign_id: str | None = None,
    units: Iterable[str] | None = None,
) -> list[MissingSubmission]:
    """Units that had not sent their target results, or any nomination, for ``period`` by ``deadline``
    (inclusive). By default the units directly below this one — those that submit to it; ``units``
    names others. A result counts from the day it was entered; a nomination from its ``submitted_on``
    (else the day it was entered) and only once sent (not a draft)."""
    if units is None:
        expected = units_below(store, direct_only=True)
    else:
        expected = [_info(store.unit_by_code(c), c, 1) for c in units]
    results_where = "period = ?"
    results_params: list[Any] = [period]
    nom_where = f"year = ? AND status IN ({', '.join('?' for _ in _SENT)})"
    nom_params: list[Any] = [period_year(period), *_SENT]
    if campaign_id:
        results_where += " AND target_id IN (SELECT id FROM targets WHERE campaign_id = ? AND deleted = 0)"
        results_params.append(campaign_id)
        nom_where += " AND campaign_id = ?"
        nom_params.append(campaign_id)
    first_result: dict[str, _dt.date] = {}
    for r in store.rows("target_results", results_where, results_params):
        d = _day(r["created_at"])
        if d and (r["unit_code"] not in first_result or d < first_result[r["unit_code"]]):
            first_result[r["unit_code"]] = d
    first_nom: dict[str, _dt.date] = {}
    for n in store.rows("nominations", nom_where, nom_params):
        unit = n.get("unit_code") or n["owner_unit"]
        d = _day(n.get("submitted_on")) or _day(n["created_at"])
        if d and (unit not in first_nom or d < first_nom[unit]):
            first_nom[unit] = d
    out = []
    for u in expected:
        r_on, n_on = first_result.get(u.code), first_nom.get(u.code)
        missing: list[str] = []
        labels: list[str] = []
        for key, on, label in (
            ("results", r_on, "kết quả thực hiện chỉ tiêu"),
            ("nominations", n_on, "hồ sơ đề nghị khen thưởng"),
        ):
            if on is None:
                missing.append(key)
                labels.append(f"Chưa gửi {label}")
            elif on > deadline:
                missing.append(key)
                labels.append(f"Gửi {label} muộn (ngày {on.strftime('%d/%m/%Y')})")
        if missing:
            out.append(MissingSubmission(u, r_on, n_on, tuple(missing), tuple(labels)))
    return out
