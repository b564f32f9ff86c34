"""Targets (chỉ tiêu): what a directive asks for, how a result compares with it, and roll-ups.

A :class:`TargetSpec` says *what* is measured (``measure``), *how* a result is compared
(``comparator``), the figure(s) asked for and their unit. :func:`attainment` compares one result
with a spec; :func:`rollup` combines the results of several units (communes, offices…) into the
upper office's figure and compares that figure with the spec.

Comparison semantics (``status`` of :class:`Attainment`):

* ``at_least`` and ``rate`` (more is better): result ≥ target → reached, result > target →
  exceeded, below → not reached. With ``strict`` ("trên 75 %"), equality is *not* reached.
  ``percent`` = result / target × 100.
* ``at_most`` (less is better: "còn 0,36 %", "không quá 3 %", strict "dưới 0,5 %"): a result
  better (lower) than the target → exceeded; equal → reached (not reached when strict); worse
  (higher) → not reached. ``percent`` = target / result × 100, so that 100 % still means "on
  target" and more means better; it is ``None`` when the result is 0 (cannot divide; the note
  says the result is 0).
* ``range`` ("9,5 – 10 %/năm"): below the low bound → not reached, within [low, high] → reached,
  above the high bound → exceeded. ``percent`` is taken against the low bound.
* ``exact``: equal within a tolerance → reached, otherwise not reached.
* ``count`` ("24 xã, trong đó 08 xã kiểu mẫu"): result ≥ count and, when the spec has a
  sub-count, sub-result ≥ sub-count → reached; more than asked on either → exceeded. A missing or
  short sub-result makes it not reached, and the note names what is short.
* ``completion`` ("hoàn thành 100 %"): result ≥ target (100 unless stated) → reached, otherwise
  not reached. A completion above 100 % is still "reached" (``percent`` shows by how much).
* A missing result (``None``) is always ``no_data``.

Targets of a multi-year plan ("giai đoạn 2021–2025 xây dựng 50 km đường", "đến năm 2025 đạt 95 %") are set
for the whole window while results are reported year by year: :func:`cumulative` gives the figure to date
(summed over the years for what :func:`summed_over_years` says adds up, the latest figure for levels) and
judges it at the end of the window; before that its status is ``in_progress``.

A target may detail another ("trong đó đô thị 100 %, nông thôn 94 %": ``parent_target_id``); each is
judged on its own. :func:`outline` puts the details under their target, :func:`indented` writes a detail's
name as every list shows it.

Small floating-point noise is ignored in every comparison (9,5 typed as 9.5 equals 9.5).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from tdkt_desktop.core.models import AttainmentStatus, Comparator, Rollup, period_label, period_year
from tdkt_desktop.core.text import InputError, clean, fold, format_number, parse_number

__all__ = [
    "STRICT_COMPARATORS",
    "Attainment",
    "Cumulative",
    "Figure",
    "RollupResult",
    "TargetSpec",
    "UnitResult",
    "YearFigure",
    "attainment",
    "cumulative",
    "default_rollup",
    "indented",
    "outline",
    "rollup",
    "summed_over_years",
    "window_attainment",
]

# Relative tolerance of every comparison (floating-point noise only).
_REL_EPS = 1e-9
# Default tolerance of ``exact`` (relative to the target, with an absolute floor).
EXACT_TOLERANCE = 1e-6

_MONEY_UNITS = ("đồng", "usd")
_PER_CAPITA_WORDS = ("binh quan", "dau nguoi", "trung binh", "ty le", "toc do", "chi so")


def _close(a: float, b: float, tol: float | None = None) -> bool:
    if tol is None:
        return math.isclose(a, b, rel_tol=_REL_EPS, abs_tol=_REL_EPS)
    return abs(a - b) <= tol


def _cmp(a: float, b: float) -> int:
    """-1, 0 or 1, ignoring floating-point noise."""
    if _close(a, b):
        return 0
    return -1 if a < b else 1


def _num(value: float, unit: str = "") -> str:
    """ "75 %", "43.000 tỷ đồng", "9,5" (unit omitted when empty); noise past 6 decimals dropped."""
    return f"{format_number(round(value, 6))} {unit}".strip()


def _gap(a: float, b: float) -> float:
    """a − b without binary noise (0,40 − 0,36 = 0,04)."""
    return float(Decimal(repr(a)) - Decimal(repr(b)))


def _count_text(value: float) -> str:
    """Counts as administrative texts write them: 5 → "05", 24 → "24", 2,5 → "2,5", and none as "0"."""
    if float(value).is_integer() and 1 <= value < 10:
        return f"{int(value):02d}"
    return format_number(value)


def default_rollup(comparator: Comparator, unit: str, measure: str) -> Rollup:
    """The usual way unit results combine for a target of this kind.

    Counts are summed; percentages, rates (“… /vạn dân”), completions and per-capita or
    average figures ("bình quân đầu người") are averaged; other amounts (money, hectares,
    people…) are summed. Averages of percentages are plain means: choose
    ``weighted_mean`` (with e.g. population as weight) when units differ much in size.
    """
    comparator = Comparator(comparator)
    if comparator is Comparator.COUNT:
        return Rollup.SUM
    if comparator in (Comparator.RATE, Comparator.COMPLETION):
        return Rollup.MEAN
    u = clean(unit)
    if u.startswith("%") or "/" in u:
        return Rollup.MEAN
    folded = fold(measure)
    if any(word in folded for word in _PER_CAPITA_WORDS):
        return Rollup.MEAN
    return Rollup.SUM


@dataclass
class TargetSpec:
    """One target (chỉ tiêu): a measure, a comparator and the figure(s) asked for.

    ``rollup`` defaults to :func:`default_rollup`; a ``completion`` target defaults to 100 %.
    """

    measure: str
    comparator: Comparator
    value: float | None = None
    value_high: float | None = None
    unit: str = ""
    sub_count: float | None = None
    sub_label: str = ""
    strict: bool = False
    rollup: Rollup | None = None

    def __post_init__(self) -> None:
        self.measure = clean(self.measure)
        self.unit = clean(self.unit)
        self.sub_label = clean(self.sub_label)
        if not isinstance(self.comparator, Comparator):
            self.comparator = Comparator.parse(str(self.comparator), field="Cách so sánh")
        if self.comparator is Comparator.COMPLETION:
            if self.value is None:
                self.value = 100.0
            if not self.unit:
                self.unit = "%"
        for name in ("value", "value_high", "sub_count"):
            raw = getattr(self, name)
            if raw is not None:
                setattr(self, name, parse_number(raw, field=_FIELD_LABELS[name]))
        self.strict = bool(self.strict)
        if self.rollup is None:
            self.rollup = default_rollup(self.comparator, self.unit, self.measure)
        elif not isinstance(self.rollup, Rollup):
            self.rollup = Rollup.parse(str(self.rollup), field="Cách tổng hợp")

    # ------------------------------------------------------------------ checks

    def validate(self, *, require_measure: bool = True) -> TargetSpec:
        """Check the spec; raise :class:`InputError` (Vietnamese) on the first problem. Returns self."""
        if require_measure and not self.measure:
            raise InputError("Chưa nhập tên chỉ tiêu.", field="Chỉ tiêu")
        cmp = self.comparator
        where = f" (chỉ tiêu “{self.measure}”)" if self.measure else ""
        if cmp is Comparator.RANGE:
            if self.value is None or self.value_high is None:
                raise InputError(
                    f"Chỉ tiêu dạng khoảng cần đủ hai giá trị: cận dưới và cận trên{where}.",
                    field="Giá trị",
                )
            if self.value > self.value_high:
                raise InputError(
                    f"Cận dưới ({_num(self.value)}) lớn hơn cận trên "
                    f"({_num(self.value_high)}){where}. Nhập cận dưới trước, ví dụ 9,5 – 10.",
                    field="Giá trị",
                )
        elif self.value is None:
            kind = {
                Comparator.COUNT: "số lượng",
                Comparator.RATE: "tỷ suất",
            }.get(cmp, "giá trị")
            raise InputError(f"Chưa nhập {kind} của chỉ tiêu{where}.", field="Giá trị")
        if self.sub_count is not None:
            if cmp is not Comparator.COUNT:
                raise InputError(f"Chỉ tiêu dạng số lượng mới có số “trong đó”{where}.", field="Số trong đó")
            if self.sub_count < 0:
                raise InputError(f"Số “trong đó” không được âm{where}.", field="Số trong đó")
            if self.value is not None and self.sub_count > self.value:
                raise InputError(
                    f"Số “trong đó” ({_count_text(self.sub_count)}) không được lớn hơn tổng số "
                    f"({_count_text(self.value)}){where}.",
                    field="Số trong đó",
                )
        if cmp is Comparator.COUNT and self.value is not None and self.value < 0:
            raise InputError(f"Số lượng không được âm{where}.", field="Giá trị")
        return self

    # ------------------------------------------------------------------ text

    def describe(self) -> str:
        """The target figure in readable Vietnamese: "Từ 75 % trở lên", "Dưới 0,5 %", "9,5 – 10 %/năm"."""
        cmp, unit = self.comparator, self.unit
        if cmp is Comparator.RANGE:
            if self.value is None or self.value_high is None:
                return "Chưa có giá trị"
            return f"{_num(self.value)} – {_num(self.value_high, unit)}"
        if self.value is None:
            return "Chưa có giá trị"
        if cmp is Comparator.COUNT:
            main = f"{_count_text(self.value)} {unit}".strip()
            if self.sub_count is not None:
                sub = f"{_count_text(self.sub_count)} {self.sub_label}".strip()
                return f"{main}, trong đó {sub}"
            return main
        amount = _num(self.value, unit)
        if cmp in (Comparator.AT_LEAST, Comparator.RATE):
            return f"Trên {amount}" if self.strict else f"Từ {amount} trở lên"
        if cmp is Comparator.AT_MOST:
            return f"Dưới {amount}" if self.strict else f"Không quá {amount}"
        if cmp is Comparator.EXACT:
            return f"Đúng {amount}"
        return f"Hoàn thành {amount}"  # completion

    def label(self) -> str:
        """ "Tỷ lệ hộ nghèo: Không quá 0,36 %"."""
        return f"{self.measure}: {self.describe()}" if self.measure else self.describe()

    # ------------------------------------------------------------------ JSON

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: enums as their string values."""
        return {
            "measure": self.measure,
            "comparator": str(self.comparator.value),
            "value": self.value,
            "value_high": self.value_high,
            "unit": self.unit,
            "sub_count": self.sub_count,
            "sub_label": self.sub_label,
            "strict": self.strict,
            "rollup": str(self.rollup.value) if self.rollup is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TargetSpec:
        """Inverse of :meth:`to_dict`; numbers may also be Vietnamese strings ("7,5")."""
        if "comparator" not in data or not data["comparator"]:
            raise InputError("Thiếu cách so sánh của chỉ tiêu.", field="Cách so sánh")
        return cls(
            measure=data.get("measure") or "",
            comparator=Comparator.parse(str(data["comparator"]), field="Cách so sánh"),  # type: ignore[arg-type]
            value=parse_number(data.get("value"), field="Giá trị"),
            value_high=parse_number(data.get("value_high"), field="Cận trên"),
            unit=data.get("unit") or "",
            sub_count=parse_number(data.get("sub_count"), field="Số trong đó"),
            sub_label=data.get("sub_label") or "",
            strict=bool(data.get("strict")),
            rollup=Rollup.parse(str(data["rollup"]), field="Cách tổng hợp") if data.get("rollup") else None,  # type: ignore[arg-type]
        )


    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TargetSpec:
        """The target a ``targets`` row describes — stored, received or being edited: the one way a row
        becomes a spec. Numbers may be Vietnamese strings ("7,5"). Figures the comparator does not read
        are left out (an upper bound outside a range, a "trong đó" count outside a count, "strict"
        where it means nothing), so what is shown is what is compared. Not validated: call
        :meth:`validate` where an incomplete target must be refused."""
        data = {key: row.get(key) for key in _ROW_FIELDS}
        if data["comparator"]:
            comparator = Comparator.parse(str(data["comparator"]), field="Cách so sánh")
            if comparator is not Comparator.RANGE:
                data["value_high"] = None
            if comparator is not Comparator.COUNT or data["sub_count"] in (None, ""):
                data["sub_count"] = None
                data["sub_label"] = ""
            if comparator not in STRICT_COMPARATORS:
                data["strict"] = False
        return cls.from_dict(data)


_FIELD_LABELS = {"value": "Giá trị", "value_high": "Cận trên", "sub_count": "Số trong đó"}
_ROW_FIELDS = ("measure", "comparator", "value", "value_high", "unit", "sub_count", "sub_label", "strict", "rollup")
# The comparators for which "strict" ("trên 75 %", "dưới 0,5 %") means something.
STRICT_COMPARATORS = (Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.RATE)


# --------------------------------------------------------------------------- attainment


@dataclass
class Attainment:
    """A result compared with its target. ``percent`` is the result as % of the target (see module doc)."""

    value: float | None
    percent: float | None
    status: AttainmentStatus
    note: str
    sub_value: float | None = None

    @property
    def reaching(self) -> bool:
        """Reached or exceeded."""
        return self.status in (AttainmentStatus.REACHED, AttainmentStatus.EXCEEDED)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "sub_value": self.sub_value,
            "percent": self.percent,
            "status": str(self.status.value),
            "note": self.note,
        }


def _ratio(num: float, den: float | None) -> float | None:
    if den is None or _close(den, 0.0):
        return None
    return num / den * 100.0


def attainment(
    spec: TargetSpec,
    value: float | str | None,
    sub_value: float | str | None = None,
    *,
    tolerance: float | None = None,
) -> Attainment:
    """Compare one result with ``spec`` (semantics in the module docstring).

    ``value`` / ``sub_value`` may be Vietnamese strings ("0,40"). ``tolerance`` is the absolute
    tolerance of ``exact`` targets (default: 10⁻⁶ of the target, at least 10⁻⁹).
    """
    value = parse_number(value, field="Kết quả")
    sub_value = parse_number(sub_value, field="Kết quả (số trong đó)")
    status_cls = AttainmentStatus
    if value is None:
        return Attainment(None, None, status_cls.NO_DATA, "Chưa có số liệu.", sub_value)
    cmp, unit, target = spec.comparator, spec.unit, spec.value
    got = _num(value, unit) if cmp is not Comparator.COUNT else f"{_count_text(value)} {unit}".strip()
    wanted = spec.describe()
    wanted_l = wanted[:1].lower() + wanted[1:]

    def done(status: AttainmentStatus, percent: float | None, note: str) -> Attainment:
        return Attainment(value, percent, status, note, sub_value)

    if cmp is Comparator.RANGE:
        low, high = spec.value, spec.value_high
        if low is None or high is None:
            raise InputError("Chỉ tiêu dạng khoảng chưa đủ hai giá trị.", field="Giá trị")
        percent = _ratio(value, low)
        if _cmp(value, low) < 0:
            return done(
                status_cls.NOT_REACHED, percent, f"Không đạt: {got}, thấp hơn khoảng chỉ tiêu {wanted}."
            )
        if _cmp(value, high) > 0:
            return done(status_cls.EXCEEDED, percent, f"Vượt: {got}, cao hơn khoảng chỉ tiêu {wanted}.")
        return done(status_cls.REACHED, percent, f"Đạt: {got}, trong khoảng chỉ tiêu {wanted}.")

    if target is None:
        raise InputError("Chỉ tiêu chưa có giá trị để so sánh.", field="Giá trị")

    if cmp in (Comparator.AT_LEAST, Comparator.RATE):
        percent = _ratio(value, target)
        c = _cmp(value, target)
        if c > 0:
            return done(status_cls.EXCEEDED, percent, f"Vượt: {got} (chỉ tiêu {wanted_l}).")
        if c == 0 and not spec.strict:
            return done(status_cls.REACHED, percent, f"Đạt: {got} (chỉ tiêu {wanted_l}).")
        gap = f", còn thiếu {_num(_gap(target, value), unit)}" if c < 0 else ""
        return done(status_cls.NOT_REACHED, percent, f"Không đạt: {got}{gap} (chỉ tiêu {wanted_l}).")

    if cmp is Comparator.AT_MOST:
        percent = None if _close(value, 0.0) else target / value * 100.0
        c = _cmp(value, target)
        if c < 0:
            return done(status_cls.EXCEEDED, percent, f"Vượt: {got}, thấp hơn mức chỉ tiêu ({wanted_l}).")
        if c == 0 and not spec.strict:
            return done(status_cls.REACHED, percent, f"Đạt: {got} (chỉ tiêu {wanted_l}).")
        if c == 0:
            return done(status_cls.NOT_REACHED, percent, f"Không đạt: {got}, chỉ tiêu yêu cầu {wanted_l}.")
        return done(
            status_cls.NOT_REACHED,
            percent,
            f"Không đạt: {got}, cao hơn mức chỉ tiêu {_num(_gap(value, target), unit)} ({wanted_l}).",
        )

    if cmp is Comparator.EXACT:
        tol = tolerance if tolerance is not None else max(1e-9, abs(target) * EXACT_TOLERANCE)
        percent = _ratio(value, target)
        if _close(value, target, tol):
            return done(status_cls.REACHED, percent, f"Đạt: {got} (chỉ tiêu {wanted_l}).")
        return done(status_cls.NOT_REACHED, percent, f"Không đạt: {got}, khác chỉ tiêu ({wanted_l}).")

    if cmp is Comparator.COMPLETION:
        percent = _ratio(value, target)
        if _cmp(value, target) >= 0:
            return done(status_cls.REACHED, percent, f"Đạt: hoàn thành {got} (chỉ tiêu {wanted_l}).")
        return done(status_cls.NOT_REACHED, percent, f"Không đạt: hoàn thành {got} (chỉ tiêu {wanted_l}).")

    # count
    percent = _ratio(value, target)
    c = _cmp(value, target)
    more = c > 0
    short = [f"{unit or 'số lượng'}: mới có {_count_text(value)}/{_count_text(target)}"] if c < 0 else []
    if spec.sub_count is not None:
        label = spec.sub_label or "số trong đó"
        if sub_value is None:
            short.append(f"{label}: chưa có số liệu")
        else:
            sc = _cmp(sub_value, spec.sub_count)
            if sc < 0:
                short.append(f"{label}: mới có {_count_text(sub_value)}/{_count_text(spec.sub_count)}")
            elif sc > 0:
                more = True
    if short:
        return done(status_cls.NOT_REACHED, percent, "Không đạt: " + "; ".join(short) + ".")
    detail = got
    if spec.sub_count is not None and sub_value is not None:
        detail += f", trong đó {_count_text(sub_value)} {spec.sub_label}".rstrip()
    if more:
        return done(status_cls.EXCEEDED, percent, f"Vượt: {detail} (chỉ tiêu {wanted_l}).")
    return done(status_cls.REACHED, percent, f"Đạt: {detail} (chỉ tiêu {wanted_l}).")


# --------------------------------------------------------------------------- roll-up


@dataclass
class UnitResult:
    """One unit's result. ``weight`` is used by ``weighted_mean`` (e.g. population).

    ``target`` is the unit's own target when it differs from the common one (used to count the
    units reaching their target); ``None`` compares the unit with the common spec.
    """

    unit_code: str
    value: float | None
    sub_value: float | None = None
    weight: float | None = None
    target: TargetSpec | None = None


@dataclass
class RollupResult:
    """Unit results combined.

    ``value`` is the combined figure (for ``share_reaching``: the % of units reaching their
    target). ``units_counted`` is every unit listed, ``units_reporting`` those with a value,
    ``units_reaching`` those whose own attainment is reached or exceeded. ``attainment`` compares
    the combined figure with the spec; for ``share_reaching`` it compares the share with the
    required share, or is ``None`` when no required share was given.
    """

    method: Rollup
    value: float | None
    sub_value: float | None
    units_counted: int
    units_reporting: int
    units_reaching: int
    attainment: Attainment | None
    unit_attainments: dict[str, Attainment] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": str(self.method.value),
            "value": self.value,
            "sub_value": self.sub_value,
            "units_counted": self.units_counted,
            "units_reporting": self.units_reporting,
            "units_reaching": self.units_reaching,
            "attainment": self.attainment.to_dict() if self.attainment else None,
            "unit_attainments": {code: a.to_dict() for code, a in self.unit_attainments.items()},
        }


def rollup(
    spec: TargetSpec,
    results: list[UnitResult],
    *,
    method: Rollup | str | None = None,
    required_share: float | str | None = None,
) -> RollupResult:
    """Combine unit results by ``method`` (default ``spec.rollup``).

    * ``sum``: sum of the reported values (sub-values: sum of those reported, ``None`` if none).
    * ``mean``: plain mean of the reported values.
    * ``weighted_mean``: Σ value × weight / Σ weight over reporting units; every reporting unit
      needs a positive or zero weight, and the weights must not all be zero.
    * ``share_reaching``: % of *all listed* units (a unit that has not reported has not reached)
      whose result reaches their target. Compared with ``required_share`` (%) when given.

    Units without a value are left out of sums and means. No reporting unit → ``value`` None and
    attainment ``no_data``.
    """
    how = spec.rollup if method is None else cast(Rollup, Rollup.parse(str(method), field="Cách tổng hợp"))
    assert how is not None
    assessed = [(r, attainment(r.target or spec, r.value, r.sub_value)) for r in results]
    per_unit = {r.unit_code: a for r, a in assessed}
    reaching = sum(1 for _, a in assessed if a.reaching)
    # (figure, "trong đó" figure, unit) of every unit that reported a figure
    reported: list[tuple[float, float | None, UnitResult]] = []
    for r, a in assessed:
        if a.value is not None:
            reported.append((a.value, a.sub_value, r))

    def finish(value: float | None, sub: float | None, att: Attainment | None) -> RollupResult:
        return RollupResult(how, value, sub, len(results), len(reported), reaching, att, per_unit)

    if how is Rollup.SHARE_REACHING:
        share = reaching / len(results) * 100.0 if results else None
        req = parse_number(required_share, field="Tỷ lệ đơn vị đạt yêu cầu")
        att = None
        if req is not None:
            share_spec = TargetSpec("Tỷ lệ đơn vị đạt chỉ tiêu", Comparator.AT_LEAST, req, unit="%")
            att = attainment(share_spec, share)
        return finish(share, None, att)

    if not reported:
        return finish(None, None, attainment(spec, None))

    if how is Rollup.WEIGHTED_MEAN:
        value, sub = _weighted_mean(reported)
    else:
        values = [v for v, _, _ in reported]
        subs = [s for _, s, _ in reported if s is not None]
        if how is Rollup.SUM:
            value = math.fsum(values)
            sub = math.fsum(subs) if subs else None
        else:  # mean
            value = math.fsum(values) / len(values)
            sub = math.fsum(subs) / len(subs) if subs else None
    return finish(value, sub, attainment(spec, value, sub))


def _weighted_mean(reported: list[tuple[float, float | None, UnitResult]]) -> tuple[float, float | None]:
    """Σ figure × weight / Σ weight, and the same over the units that gave a "trong đó" figure
    (``None`` when they weigh nothing)."""
    weighed: list[tuple[float, float | None, float]] = []
    missing: list[str] = []
    for value, sub, r in reported:
        weight = parse_number(r.weight, field="Trọng số")
        if weight is None:
            missing.append(r.unit_code)
        else:
            weighed.append((value, sub, weight))
    if missing:
        raise InputError(
            "Bình quân có trọng số cần trọng số (ví dụ dân số) của mọi đơn vị có số liệu. "
            f"Còn thiếu trọng số của: {', '.join(missing)}.",
            field="Trọng số",
        )
    if any(w < 0 for _, _, w in weighed):
        raise InputError("Trọng số không được âm.", field="Trọng số")
    total = math.fsum(w for _, _, w in weighed)
    if _close(total, 0.0):
        raise InputError("Tổng trọng số bằng 0, không tính được bình quân có trọng số.", field="Trọng số")
    value = math.fsum(v * w for v, _, w in weighed) / total
    with_sub = [(s, w) for _, s, w in weighed if s is not None]
    sub_total = math.fsum(w for _, w in with_sub)
    sub = None if _close(sub_total, 0.0) else math.fsum(s * w for s, w in with_sub) / sub_total
    return value, sub


# --------------------------------------------------------------------------- targets of a multi-year plan

# A figure reported for a period: (result, "trong đó" result).
Figure = tuple[float | None, float | None]


def summed_over_years(spec: TargetSpec) -> bool:
    """Whether the yearly results of a target add up over a multi-year window: what its units' figures are
    summed for (counts and quantities: km of road, households, money) adds up year by year; a level (a
    percentage, a rate, an average) is not added — the latest figure stands."""
    return (spec.rollup or default_rollup(spec.comparator, spec.unit, spec.measure)) is Rollup.SUM


@dataclass(frozen=True)
class YearFigure:
    """One year's figure of a target: the whole-year result, else what its halves say (summed, or the later
    one for a level); ``periods`` are the reported periods it comes from (empty: nothing reported)."""

    year: int
    value: float | None
    sub_value: float | None
    periods: tuple[str, ...]


@dataclass
class Cumulative:
    """A target's figure to the end of ``period`` over its window (first and last year).

    ``value``/``sub_value``: the years' figures summed (``summed``), else the latest year's. ``years``: each year
    of the window up to the period's, with its figure. ``final``: the period closes the window, so
    ``attainment`` is the verdict; before, it is ``in_progress`` (or ``no_data``). A window of one year (or
    none) is a plain period: the period's own figure, judged as such."""

    period: str
    window: tuple[int, int] | None
    summed: bool
    value: float | None
    sub_value: float | None
    years: list[YearFigure]
    final: bool
    attainment: Attainment

    @property
    def multi_year(self) -> bool:
        return self.window is not None and self.window[0] < self.window[1]


def _reported(figures: Mapping[str, Figure], period: str) -> Figure | None:
    got = figures.get(period)
    return got if got is not None and got[0] is not None else None


def _sum_subs(subs: list[float | None]) -> float | None:
    present = [s for s in subs if s is not None]
    return math.fsum(present) if present else None


def _year_figure(figures: Mapping[str, Figure], year: int, summed: bool, *, first_half_only: bool) -> YearFigure:
    whole = None if first_half_only else _reported(figures, str(year))
    if whole is not None:
        return YearFigure(year, whole[0], whole[1], (str(year),))
    halves = [f"{year}-H1"] if first_half_only else [f"{year}-H1", f"{year}-H2"]
    present = [(p, f) for p in halves if (f := _reported(figures, p)) is not None]
    if not present:
        return YearFigure(year, None, None, ())
    if not summed:
        p, (value, sub) = present[-1]
        return YearFigure(year, value, sub, (p,))
    return YearFigure(year, math.fsum(f[0] or 0.0 for _, f in present), _sum_subs([f[1] for _, f in present]),
                      tuple(p for p, _ in present))


def window_attainment(
    spec: TargetSpec, value: float | None, sub_value: float | None, *, period: str,
    window: tuple[int, int] | None, summed: bool | None = None,
) -> Attainment:
    """A figure to the end of ``period`` compared with a target set for ``window`` (first, last year): the
    verdict once the period closes the window; before, ``in_progress`` with how far it has come. A window of
    one year (or none): :func:`attainment` as is."""
    att = attainment(spec, value, sub_value)
    if window is None or window[0] >= window[1] or att.status is AttainmentStatus.NO_DATA:
        return att
    first, last = window
    span = f"{first}–{last}"
    summed = summed_over_years(spec) if summed is None else summed
    if _final(period, window):
        how = "cộng dồn các năm" if summed else "số liệu mới nhất"
        return Attainment(att.value, att.percent, att.status, f"Giai đoạn {span} ({how}) — {att.note}", att.sub_value)
    got = _num(att.value or 0.0, spec.unit) if spec.comparator is not Comparator.COUNT else (
        f"{_count_text(att.value or 0.0)} {spec.unit}".strip())
    label = period_label(period)
    when = f"đến hết {label[:1].lower()}{label[1:]}"
    figure = f"lũy kế {when} là {got}" if summed else f"số liệu mới nhất ({when}) là {got}"
    share = f", bằng {format_number(round(att.percent, 1))} % chỉ tiêu" if att.percent is not None else ""
    wanted = spec.describe()
    note = (f"Đang thực hiện: {figure}{share} cả giai đoạn {span} ({wanted[:1].lower()}{wanted[1:]}); "
            f"đánh giá khi kết thúc năm {last}.")
    return Attainment(att.value, att.percent, AttainmentStatus.IN_PROGRESS, note, att.sub_value)


def _final(period: str, window: tuple[int, int]) -> bool:
    year = period_year(period)
    return year > window[1] or (year == window[1] and not period.endswith("-H1"))


def cumulative(
    spec: TargetSpec, figures: Mapping[str, Figure], period: str, window: tuple[int, int] | None
) -> Cumulative:
    """The figure of a target to the end of ``period`` — the one computation of a cumulative figure for the
    results screen, the attainment matrix, its export and ``tdkt results show``.

    ``figures`` are the reported results by period ("2023", "2024-H1"…). Over a window of several years: each
    year of the window up to the period's year gives its figure (:class:`YearFigure`; the period's own year
    only its first half when the period is a first half); the figure to date is their sum when
    :func:`summed_over_years`, else the latest year that has one (a year with nothing reported is skipped).
    Periods outside the window are not read. Over one year (or no window): the period's own figure."""
    summed = summed_over_years(spec)
    if window is None or window[0] >= window[1]:
        own = _reported(figures, period)
        value, sub = own if own is not None else (None, None)
        return Cumulative(period, window, summed, value, sub, [], True, attainment(spec, value, sub))
    first, last = window
    upto = period_year(period)
    half = period.endswith("-H1")
    years = [_year_figure(figures, y, summed, first_half_only=half and y == upto)
             for y in range(first, min(upto, last) + 1)]
    with_data = [y for y in years if y.value is not None]
    if not with_data:
        value, sub = None, None
    elif summed:
        value = math.fsum(y.value or 0.0 for y in with_data)
        sub = _sum_subs([y.sub_value for y in with_data])
    else:
        value, sub = with_data[-1].value, with_data[-1].sub_value
    att = window_attainment(spec, value, sub, period=period, window=window, summed=summed)
    return Cumulative(period, window, summed, value, sub, years, _final(period, window), att)


# --------------------------------------------------------------------------- targets and their details


def outline(targets: Sequence[Mapping[str, Any]]) -> list[tuple[Mapping[str, Any], int]]:
    """Targets in their order with each detail ("trong đó", ``parent_target_id``) right under the target it
    details, with its depth (0: a target of its own, 1: its detail…). A detail whose target is not in the
    list (or a loop) stands as a target of its own."""
    by_id = {str(t.get("id")): t for t in targets if t.get("id") is not None}
    children: dict[str, list[Mapping[str, Any]]] = {}
    roots: list[Mapping[str, Any]] = []
    for t in targets:
        parent = t.get("parent_target_id")
        if parent is not None and str(parent) in by_id and str(parent) != str(t.get("id")):
            children.setdefault(str(parent), []).append(t)
        else:
            roots.append(t)
    out: list[tuple[Mapping[str, Any], int]] = []
    seen: set[int] = set()

    def walk(t: Mapping[str, Any], depth: int) -> None:
        if id(t) in seen:
            return
        seen.add(id(t))
        out.append((t, depth))
        for child in children.get(str(t.get("id")), []):
            walk(child, depth + 1)

    for t in roots:
        walk(t, 0)
    for t in targets:  # details caught in a loop of parents: shown, as targets of their own
        walk(t, 0)
    return out


def indented(measure: str, depth: int) -> str:
    """A target's name as lists show it: a detail ("trong đó") under its target, "↳ Khu vực đô thị"."""
    return f"{'    ' * (depth - 1)}↳ {measure}" if depth > 0 else measure
