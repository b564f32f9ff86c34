"""Eligibility check: a nominee's facts against the criteria of the rule set in force.

The criteria are data (``criteria`` of each catalogue entry, plus the rule set's ``common_criteria``);
this module interprets each criterion ``type`` and explains every result in Vietnamese. Criteria that a
computer cannot judge (``"manual"``) come back with ``passed=None`` ("cần xem xét") and do not block.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import TITLE_CODES, AwardKind, Discipline, Rating, SubjectKind
from tdkt_desktop.core.rules import (
    LEVEL_LABELS,
    LEVELS,
    CatalogueEntry,
    DossierItem,
    RuleSet,
    dossier_for,
    ruleset_for,
    vote_passes,
    vote_share,
)
from tdkt_desktop.core.text import InputError, format_number

__all__ = [
    "NEEDS",
    "Check",
    "EligibilityResult",
    "Initiative",
    "NomineeFacts",
    "PriorTitle",
    "Research",
    "check",
]

_RATING_RANK = {Rating.NOT_DONE: 0, Rating.DONE: 1, Rating.GOOD: 2, Rating.EXCELLENT: 3}
_DISCIPLINE_RANK = {Discipline.NONE: 0, Discipline.REPRIMAND: 1, Discipline.WARNING: 2, Discipline.HIGHER: 3}


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class PriorTitle:
    """A title or form already received (or decided in the same round), with the kind of award it was."""

    year: int
    code: str
    award_kind: AwardKind = AwardKind.CONG_TRANG
    decision: str = ""  # "Quyết định số …, ngày …" (for display)

    def __post_init__(self) -> None:
        object.__setattr__(self, "award_kind", AwardKind(self.award_kind))


@dataclass(frozen=True)
class Initiative:
    """Sáng kiến: year recognised, name, level of its scope (co_so, xa, huyen, tinh, trung_uong).

    ``used_for`` names the award it already grounded ("Chiến sĩ thi đua cơ sở năm 2024"): a sáng kiến is
    used as grounds once only (Luật Thi đua, khen thưởng 2022, Điều 5, khoản 2; Công văn 1168/BNV-BTĐKT),
    so one with ``used_for`` set is not counted again. Whoever gathers the facts fills it in."""

    year: int
    name: str
    level: str = "co_so"
    recognised: bool = True
    used_for: str = ""


@dataclass(frozen=True)
class Research:
    """Đề tài khoa học, đề án, công trình khoa học: year accepted (nghiệm thu), the scope of its effect
    (co_so … trung_uong) and, like :class:`Initiative`, the award it already grounded."""

    year: int
    name: str
    accepted: bool = True
    level: str = "co_so"
    used_for: str = ""


def _titles(raw: Iterable[Any]) -> list[PriorTitle]:
    out = []
    for t in raw:
        if isinstance(t, PriorTitle):
            out.append(t)
        elif isinstance(t, dict):
            out.append(PriorTitle(**t))
        else:
            out.append(PriorTitle(*t))
    return out


def _records(raw: Iterable[Any], cls: type) -> list[Any]:
    return [t if isinstance(t, cls) else (cls(**t) if isinstance(t, dict) else cls(*t)) for t in raw]


@dataclass
class NomineeFacts:
    """What is known about a nominee, for one proposed title or form.

    ``titles`` lists titles and forms already received, each with its award kind; put titles decided in
    the same round there too (e.g. the LĐTT of the year when proposing CSTĐCS). Tuples are accepted:
    ``(year, code)`` or ``(year, code, award_kind)``; initiatives ``(year, name, level, recognised)``.
    """

    subject_kind: SubjectKind
    year: int
    title_code: str
    award_kind: AwardKind = AwardKind.CONG_TRANG
    decision_date: _dt.date | None = None
    achievement_date: _dt.date | None = None
    ratings: dict[int, Rating] = field(default_factory=dict)
    titles: list[PriorTitle] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    research: list[Research] = field(default_factory=list)
    under_review: bool = False
    discipline: Discipline = Discipline.NONE
    discipline_year: int | None = None
    # collectives
    members: int | None = None
    members_completed: int | None = None
    members_ldtt: int | None = None
    has_cstdcs_member: bool | None = None
    disciplined_warning_or_above: bool | None = None
    women_share: float | None = None  # % of members who are women
    # council vote: (votes_for, total_members) or (votes_for, total_members, present)
    vote: tuple[int, ...] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        self.subject_kind = SubjectKind(self.subject_kind)
        self.award_kind = AwardKind(self.award_kind)
        self.discipline = Discipline(self.discipline)
        self.ratings = {int(y): Rating(r) for y, r in self.ratings.items()}
        self.titles = _titles(self.titles)
        self.initiatives = _records(self.initiatives, Initiative)
        self.research = _records(self.research, Research)
        if self.vote is not None:
            self.vote = tuple(self.vote)

    @property
    def judged_on(self) -> _dt.date:
        """The date that chooses the rule set: decision date, else achievement date, else 31/12 of the year."""
        return self.decision_date or self.achievement_date or _dt.date(self.year, 12, 31)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Check:
    label: str
    passed: bool | None  # None: for a person to judge (not computable)
    detail: str
    criterion: str = ""
    source: str = ""  # the article it checks ("Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1")
    # the records that can change it (:data:`NEEDS`): where a person goes to add what is missing
    needs: tuple[str, ...] = field(default=(), compare=False)


@dataclass
class EligibilityResult:
    ok: bool
    reasons: list[str]
    checks: list[Check]
    ruleset_basis: str
    ruleset_id: str = ""
    title_code: str = ""
    title_name: str = ""
    deciding_authority: str = ""
    commune_decides: bool = False
    vote_threshold: float | None = None
    dossier: list[DossierItem] = field(default_factory=list)
    dossier_note: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if c.passed is False]

    @property
    def to_review(self) -> list[Check]:
        return [c for c in self.checks if c.passed is None]


# --------------------------------------------------------------------------- helpers


def _pct(value: float) -> str:
    return f"{format_number(value, decimals=1).removesuffix(',0')}%"


def _years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in sorted(years))


def _latest_run(years: set[int], year: int, max_gap: int, max_step: int = 1) -> list[int]:
    """The longest run of consecutive awards ending between ``year - max_gap`` and ``year``: each award of
    the run at most ``max_step`` years after the one before (1: every year)."""
    best: list[int] = []
    for end in range(year, year - max_gap - 1, -1):
        if end not in years:
            continue
        run = [end]
        while True:
            previous = [y for y in years if run[-1] - max_step <= y < run[-1]]
            if not previous:
                break
            run.append(max(previous))
        if len(run) > len(best):
            best = run
    return sorted(best)


def _window(year: int, within: int) -> tuple[int, str]:
    start = year - within + 1
    return start, (f"năm {year}" if within <= 1 else f"từ năm {start} đến năm {year}")


def _title_name(code: str, rs: RuleSet) -> str:
    entry = rs.catalogue.get(code)
    return entry.name if entry else TITLE_CODES.get(code, code)


class _Ctx:
    def __init__(self, facts: NomineeFacts, rs: RuleSet, entry: CatalogueEntry) -> None:
        self.facts = facts
        self.rs = rs
        self.entry = entry
        # a sáng kiến / đề tài already used as grounds is not counted again (when the rule set says so)
        self.exclude_used = any(c["type"] == "initiatives_unused" for c in rs.common_criteria)

    def initiatives(self, level: str) -> list[Initiative]:
        rank = LEVELS.index(level)
        return [
            i for i in self.facts.initiatives
            if i.recognised and i.year <= self.facts.year and i.level in LEVELS and LEVELS.index(i.level) >= rank
            and not (self.exclude_used and i.used_for)
        ]

    def research(self, level: str) -> list[Research]:
        rank = LEVELS.index(level)
        return [
            r for r in self.facts.research
            if r.accepted and r.year <= self.facts.year and r.level in LEVELS and LEVELS.index(r.level) >= rank
            and not (self.exclude_used and r.used_for)
        ]

    def counted_titles(self, codes: Iterable[str]) -> tuple[list[PriorTitle], list[PriorTitle]]:
        """Titles with these codes up to the year: (those that count as grounds, those excluded by kind)."""
        codes = set(codes)
        hits = [t for t in self.facts.titles if t.code in codes and t.year <= self.facts.year]
        counted = [t for t in hits if t.award_kind not in self.rs.non_grounds_award_kinds]
        excluded = [t for t in hits if t.award_kind in self.rs.non_grounds_award_kinds]
        return counted, excluded

    @staticmethod
    def excluded_note(excluded: list[PriorTitle]) -> str:
        if not excluded:
            return ""
        parts = ", ".join(
            f"{t.year} ({t.award_kind.label.lower()})" for t in sorted(excluded, key=lambda t: t.year)
        )
        return f"; không tính: {parts} — khen thưởng đột xuất, chuyên đề không dùng làm căn cứ khen thưởng công trạng"


# --------------------------------------------------------------------------- criteria

def _rating_at_least(crit: dict[str, Any], ctx: _Ctx) -> Check:
    want = Rating(crit["value"])
    year = ctx.facts.year
    wanted = want.label + ("" if want is Rating.EXCELLENT else " trở lên")
    label = crit.get("label") or f"Xếp loại {wanted}"
    got = ctx.facts.ratings.get(year)
    if got is None:
        return Check(
            label, False, f"Chưa có xếp loại chất lượng năm {year} (yêu cầu {wanted})", "rating_at_least"
        )
    if _RATING_RANK[got] >= _RATING_RANK[want]:
        return Check(label, True, f"Đạt: xếp loại năm {year} là {got.label}", "rating_at_least")
    return Check(
        label, False, f"Chưa đạt: xếp loại năm {year} là {got.label}, yêu cầu {wanted}", "rating_at_least"
    )


def _consecutive_ratings(crit: dict[str, Any], ctx: _Ctx) -> Check:
    want = Rating(crit["value"])
    need = int(crit["years"])
    wanted = want.label + ("" if want is Rating.EXCELLENT else " trở lên")
    label = crit.get("label") or f"{need} năm liên tục {wanted}"
    years = {y for y, r in ctx.facts.ratings.items() if _RATING_RANK[r] >= _RATING_RANK[want]}
    run = _latest_run(years, ctx.facts.year, int(crit.get("max_gap", 1)))
    if len(run) >= need:
        return Check(
            label, True, f"Đạt: {len(run)} năm liên tục {wanted} ({_years(run)})", "consecutive_ratings"
        )
    have = f"liền nhau gần nhất: {_years(run)}" if run else "chưa có năm nào"
    return Check(label, False, f"Chưa đạt: cần {need} năm liên tục {wanted}; {have}", "consecutive_ratings")


def _title_same_year(crit: dict[str, Any], ctx: _Ctx) -> Check:
    codes = list(crit.get("codes") or [crit["code"]])
    year = ctx.facts.year
    names = " hoặc ".join(_title_name(c, ctx.rs) for c in codes)
    label = crit.get("label") or f"Đạt danh hiệu {names} cùng năm"
    counted, excluded = ctx.counted_titles(codes)
    same = [t for t in counted if t.year == year]
    if same:
        return Check(
            label,
            True,
            f"Đạt: danh hiệu {_title_name(same[0].code, ctx.rs)} năm {year}",
            "requires_title_same_year",
        )
    note = ctx.excluded_note([t for t in excluded if t.year == year])
    return Check(label, False, f"Chưa đạt danh hiệu {names} năm {year}{note}", "requires_title_same_year")


def _consecutive_titles(crit: dict[str, Any], ctx: _Ctx) -> Check:
    code = crit["code"]
    need = int(crit["years"])
    step = int(crit.get("max_step", 1))
    name = _title_name(code, ctx.rs)
    unit = "năm" if step == 1 else "lần"
    label = crit.get("label") or f"{need} {unit} liên tục {name}"
    counted, excluded = ctx.counted_titles([code])
    years = {t.year for t in counted}
    run = _latest_run(years, ctx.facts.year, int(crit.get("max_gap", 1)), step)
    note = ctx.excluded_note(excluded)
    apart = "" if step == 1 else f" (hai lần kế tiếp cách nhau không quá {step} năm)"
    if len(run) >= need:
        return Check(
            label, True, f"Đạt: {len(run)} {unit} liên tục {name} ({_years(run)}){note}", "consecutive_titles"
        )
    have = f"hiện có: {_years(years)}" if years else "hiện chưa có năm nào"
    return Check(
        label, False, f"Chưa đạt: cần {need} {unit} liên tục {name}{apart}; {have}{note}", "consecutive_titles"
    )


def _titles_count(crit: dict[str, Any], ctx: _Ctx) -> Check:
    code = crit["code"]
    need = int(crit["min"])
    name = _title_name(code, ctx.rs)
    label = crit.get("label") or f"Ít nhất {need} lần {name}"
    counted, excluded = ctx.counted_titles([code])
    if "within_years" in crit:
        start, _ = _window(ctx.facts.year, int(crit["within_years"]))
        counted = [t for t in counted if t.year >= start]
    note = ctx.excluded_note(excluded)
    years = sorted(t.year for t in counted)
    if len(counted) >= need:
        return Check(label, True, f"Đạt: {len(counted)} lần {name} ({_years(years)}){note}", "titles_count")
    return Check(
        label, False, f"Chưa đạt: cần ít nhất {need} lần {name}; hiện có {len(counted)}{note}", "titles_count"
    )


def _scope(level: str) -> str:
    return "" if level in ("co_so", "xa") else f", phạm vi ảnh hưởng {LEVEL_LABELS[level]}"


def _windowed(items: list[Any], crit: dict[str, Any], year: int) -> tuple[list[Any], str]:
    """Only the items of the last ``within_years`` years, when the criterion sets a window (a province's
    own rule; the Law sets none)."""
    if "within_years" not in crit:
        return items, ""
    start, window = _window(year, int(crit["within_years"]))
    return [i for i in items if i.year >= start], f" {window}"


def _used_note(ctx: _Ctx, kind: str) -> str:
    if not ctx.exclude_used:
        return ""
    pool = ctx.facts.initiatives if kind == "initiatives" else ctx.facts.research
    used = [f"{i.name} (đã dùng cho {i.used_for})" for i in pool if i.used_for]
    return f"; không tính lại: {'; '.join(used)}" if used else ""


def _initiatives(crit: dict[str, Any], ctx: _Ctx) -> Check:
    need = int(crit["min"])
    level = crit.get("level_at_least", "co_so")
    scope = _scope(level)
    found, window = _windowed(ctx.initiatives(level), crit, ctx.facts.year)
    label = crit.get("label") or f"Có {need} sáng kiến được công nhận{scope}{window}"
    note = _used_note(ctx, "initiatives")
    if len(found) >= need:
        names = "; ".join(f"{i.name} ({i.year})" for i in found)
        return Check(label, True, f"Đạt: {len(found)} sáng kiến được công nhận{scope}: {names}", "initiatives")
    return Check(
        label, False, f"Chưa đạt: cần {need} sáng kiến được công nhận{scope}{window}; hiện có {len(found)}{note}",
        "initiatives",
    )


def _research(crit: dict[str, Any], ctx: _Ctx) -> Check:
    need = int(crit["min"])
    level = crit.get("level_at_least", "co_so")
    scope = _scope(level)
    found, window = _windowed(ctx.research(level), crit, ctx.facts.year)
    label = crit.get("label") or f"Có {need} đề tài, đề án khoa học được nghiệm thu{scope}{window}"
    note = _used_note(ctx, "research")
    if len(found) >= need:
        names = "; ".join(f"{r.name} ({r.year})" for r in found)
        return Check(label, True, f"Đạt: đề tài, đề án được nghiệm thu{scope}: {names}", "research")
    return Check(
        label, False,
        f"Chưa đạt: cần {need} đề tài, đề án khoa học được nghiệm thu{scope}{window}; hiện có {len(found)}{note}",
        "research",
    )


def _innovations(crit: dict[str, Any], ctx: _Ctx) -> Check:
    """``min`` sáng kiến, or ``min`` đề tài (Luật Điều 74, khoản 1, điểm d: “02 sáng kiến … hoặc 02 đề tài”).
    A mix reaching ``min`` together is left to the reviewer (how to read it is the subject of Công văn
    1168/BNV-BTĐKT)."""
    need = int(crit["min"])
    level = crit.get("level_at_least", "co_so")
    label = crit.get("label") or f"Có {need} sáng kiến hoặc {need} đề tài khoa học"
    ideas, _ = _windowed(ctx.initiatives(level), crit, ctx.facts.year)
    studies, _ = _windowed(ctx.research(level), crit, ctx.facts.year)
    note = _used_note(ctx, "initiatives") + _used_note(ctx, "research")
    if len(ideas) >= need:
        names = "; ".join(f"{i.name} ({i.year})" for i in ideas)
        return Check(label, True, f"Đạt: {len(ideas)} sáng kiến: {names}", "innovations")
    if len(studies) >= need:
        names = "; ".join(f"{r.name} ({r.year})" for r in studies)
        return Check(label, True, f"Đạt: {len(studies)} đề tài khoa học: {names}", "innovations")
    if ideas and studies and len(ideas) + len(studies) >= need:
        return Check(
            label, None,
            f"Cần xem xét: có {len(ideas)} sáng kiến và {len(studies)} đề tài (kết hợp sáng kiến với đề tài: "
            "đối chiếu Công văn 1168/BNV-BTĐKT)",
            "innovations",
        )
    return Check(
        label, False,
        f"Chưa đạt: cần {need} sáng kiến hoặc {need} đề tài; hiện có {len(ideas)} sáng kiến, {len(studies)} đề tài{note}",
        "innovations",
    )


def _initiatives_unused(crit: dict[str, Any], ctx: _Ctx) -> Check | None:
    """Shown only when the nominee has a sáng kiến or đề tài already used as grounds (then not counted)."""
    pool: list[Initiative | Research] = [*ctx.facts.initiatives, *ctx.facts.research]
    used = [i for i in pool if i.used_for]
    if not used:
        return None
    label = crit.get("label") or "Một sáng kiến, đề tài chỉ làm căn cứ khen thưởng một lần"
    names = "; ".join(f"{i.name} (đã dùng cho {i.used_for})" for i in used)
    return Check(label, True, f"Không tính lại: {names}", "initiatives_unused")


def _members(ctx: _Ctx, label: str, kind: str) -> Check | None:
    if not ctx.facts.members:
        return Check(label, False, "Chưa có số liệu tổng số thành viên của tập thể", kind)
    return None


def _share_ldtt(crit: dict[str, Any], ctx: _Ctx) -> Check:
    need = float(crit["min"])
    label = crit.get("label") or f"Từ {_pct(need)} thành viên đạt Lao động tiên tiến"
    missing = _members(ctx, label, "collective_share_ldtt")
    if missing:
        return missing
    total = int(ctx.facts.members or 0)
    ldtt = ctx.facts.members_ldtt
    if ldtt is None:
        return Check(
            label, False, "Chưa có số liệu thành viên đạt Lao động tiên tiến", "collective_share_ldtt"
        )
    share = ldtt * 100 / total
    text = f"{ldtt}/{total} thành viên đạt Lao động tiên tiến ({_pct(share)}; yêu cầu từ {_pct(need)})"
    if ldtt * 100 >= need * total:
        return Check(label, True, f"Đạt: {text}", "collective_share_ldtt")
    return Check(label, False, f"Chưa đạt: {text}", "collective_share_ldtt")


def _all_completed(crit: dict[str, Any], ctx: _Ctx) -> Check:
    label = crit.get("label") or "100% thành viên hoàn thành nhiệm vụ"
    missing = _members(ctx, label, "collective_all_completed")
    if missing:
        return missing
    total = int(ctx.facts.members or 0)
    done = ctx.facts.members_completed
    if done is None:
        return Check(
            label, False, "Chưa có số liệu thành viên hoàn thành nhiệm vụ", "collective_all_completed"
        )
    if done >= total:
        return Check(
            label, True, f"Đạt: {done}/{total} thành viên hoàn thành nhiệm vụ", "collective_all_completed"
        )
    return Check(
        label,
        False,
        f"Chưa đạt: {done}/{total} thành viên hoàn thành nhiệm vụ (yêu cầu 100%)",
        "collective_all_completed",
    )


def _has_cstdcs(crit: dict[str, Any], ctx: _Ctx) -> Check:
    label = crit.get("label") or "Có cá nhân đạt Chiến sĩ thi đua cơ sở"
    if ctx.facts.has_cstdcs_member:
        return Check(
            label, True, "Đạt: có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở", "collective_has_cstdcs"
        )
    if ctx.facts.has_cstdcs_member is None:
        return Check(
            label, False, "Chưa có số liệu cá nhân đạt Chiến sĩ thi đua cơ sở", "collective_has_cstdcs"
        )
    return Check(
        label,
        False,
        "Chưa đạt: không có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
        "collective_has_cstdcs",
    )


def _collective_discipline(crit: dict[str, Any], ctx: _Ctx) -> Check:
    level = Discipline(crit["level"])
    label = crit.get("label") or f"Không có cá nhân bị kỷ luật từ {level.label.lower()} trở lên"
    if ctx.facts.disciplined_warning_or_above:
        return Check(
            label,
            False,
            f"Chưa đạt: có cá nhân bị kỷ luật từ {level.label.lower()} trở lên",
            "collective_no_discipline",
        )
    return Check(
        label,
        True,
        f"Đạt: không có cá nhân bị kỷ luật từ {level.label.lower()} trở lên",
        "collective_no_discipline",
    )


def _discipline(crit: dict[str, Any], ctx: _Ctx) -> Check:
    level = Discipline(crit["level"])
    label = crit.get("label") or f"Không bị kỷ luật từ {level.label.lower()} trở lên trong năm"
    facts = ctx.facts
    dyear = facts.discipline_year if facts.discipline_year is not None else facts.year
    if facts.discipline is Discipline.NONE:
        return Check(label, True, f"Đạt: không bị kỷ luật trong năm {facts.year}", "no_discipline_at_least")
    if dyear != facts.year:
        return Check(
            label,
            True,
            f"Đạt: hình thức kỷ luật {facts.discipline.label.lower()} năm {dyear} không thuộc năm xét",
            "no_discipline_at_least",
        )
    if _DISCIPLINE_RANK[facts.discipline] >= _DISCIPLINE_RANK[level]:
        return Check(
            label,
            False,
            f"Bị kỷ luật {facts.discipline.label.lower()} năm {dyear}: không xét khen thưởng "
            f"(từ {level.label.lower()} trở lên)",
            "no_discipline_at_least",
        )
    return Check(
        label,
        True,
        f"Đạt: kỷ luật {facts.discipline.label.lower()} dưới mức loại trừ",
        "no_discipline_at_least",
    )


def _discipline_served(crit: dict[str, Any], ctx: _Ctx) -> Check:
    """A person disciplined in the year: achievements count only from the end of the discipline period
    (Nghị định 152/2025/NĐ-CP, Điều 4) — a person must judge which part of the year counts."""
    label = crit.get("label") or "Thành tích tính từ khi chấp hành xong thời gian kỷ luật"
    facts = ctx.facts
    dyear = facts.discipline_year if facts.discipline_year is not None else facts.year
    if facts.discipline is Discipline.NONE or dyear != facts.year:
        return Check(label, True, f"Đạt: không bị kỷ luật trong năm {facts.year}", "discipline_served")
    return Check(
        label,
        None,
        f"Cần xem xét: bị kỷ luật {facts.discipline.label.lower()} năm {dyear}; thành tích chỉ được tính từ khi "
        "chấp hành xong thời gian kỷ luật",
        "discipline_served",
    )


def _not_under_review(crit: dict[str, Any], ctx: _Ctx) -> Check:
    label = (
        crit.get("label") or "Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo"
    )
    if ctx.facts.under_review:
        return Check(
            label,
            False,
            "Đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc giải quyết khiếu nại, tố cáo: "
            "chưa xét khen thưởng",
            "not_under_review",
        )
    return Check(
        label,
        True,
        "Đạt: không trong thời gian xem xét kỷ luật, thanh tra, khiếu nại, tố cáo",
        "not_under_review",
    )


def _vote(crit: dict[str, Any], ctx: _Ctx) -> Check:
    threshold = crit.get("min", ctx.entry.vote_threshold)
    if not ctx.entry.vote_required and "min" not in crit:
        return Check("Biểu quyết của Hội đồng", True, "Không yêu cầu biểu quyết", "vote_share")
    need = _pct(float(threshold)) if threshold is not None else ""
    label = crit.get("label") or (
        f"Hội đồng Thi đua – Khen thưởng đồng ý từ {need} tổng số thành viên" if need
        else "Hội đồng Thi đua – Khen thưởng biểu quyết (ngưỡng theo quy chế của Hội đồng)"
    )
    vote = ctx.facts.vote
    if not vote:
        wanted = f"cần từ {need} tổng số thành viên" if need else "ngưỡng theo quy chế của Hội đồng"
        return Check(
            label, False, f"Chưa có kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng ({wanted})", "vote_share"
        )
    votes_for, total = int(vote[0]), int(vote[1])
    try:
        share = vote_share(votes_for, total)
        passes = vote_passes(votes_for, total, float(threshold)) if threshold is not None else None
    except InputError as exc:
        return Check(label, False, f"Kết quả bỏ phiếu không hợp lệ: {exc.message}", "vote_share")
    present = f" (có mặt {vote[2]})" if len(vote) > 2 else ""
    text = f"{votes_for}/{total} thành viên Hội đồng đồng ý{present}, bằng {_pct(share)} tổng số thành viên"
    if passes is None:
        return Check(
            label, None,
            f"Cần xem xét: {text}; ngưỡng biểu quyết chưa đối chiếu được văn bản — đối chiếu quy chế của Hội đồng",
            "vote_share",
        )
    text += f" (yêu cầu từ {need})"
    return Check(label, passes, ("Đạt: " if passes else "Chưa đạt: ") + text, "vote_share")


def _manual(crit: dict[str, Any], ctx: _Ctx) -> Check:
    return Check(crit["label"], None, f"Cần xem xét: {crit['label']}", "manual")


def _strip(detail: str) -> str:
    return detail.removeprefix("Đạt: ").removeprefix("Chưa đạt: ")


def _any_of(crit: dict[str, Any], ctx: _Ctx) -> Check:
    subs = [c for c in (_evaluate(s, ctx, crit) for s in crit["items"]) if c is not None]
    label = crit.get("label") or " hoặc ".join(c.label for c in subs)
    winner = next((c for c in subs if c.passed), None)
    if winner:
        return Check(label, True, f"Đạt: {_strip(winner.detail)}", "any_of")
    if any(c.passed is None for c in subs):
        return Check(label, None, f"Cần xem xét: {label}", "any_of")
    return Check(label, False, f"Chưa đạt: {label} ({'; '.join(_strip(c.detail) for c in subs)})", "any_of")


def _all_of(crit: dict[str, Any], ctx: _Ctx) -> Check:
    subs = [c for c in (_evaluate(s, ctx, crit) for s in crit["items"]) if c is not None]
    label = crit.get("label") or " và ".join(c.label for c in subs)
    if all(c.passed for c in subs):
        return Check(label, True, "Đạt: " + "; ".join(_strip(c.detail) for c in subs), "all_of")
    failed = [c for c in subs if c.passed is False]
    if not failed:
        return Check(label, None, f"Cần xem xét: {label}", "all_of")
    return Check(label, False, "Chưa đạt: " + "; ".join(_strip(c.detail) for c in failed), "all_of")


# The records each criterion type reads, by registry: "ratings" (xếp loại, with discipline and reviews),
# "award_history" (khen thưởng đã nhận), "initiative" (sáng kiến), "research" (đề tài khoa học).
NEEDS: dict[str, tuple[str, ...]] = {
    "rating_at_least": ("ratings",),
    "consecutive_ratings": ("ratings",),
    "no_discipline_at_least": ("ratings",),
    "discipline_served": ("ratings",),
    "not_under_review": ("ratings",),
    "requires_title_same_year": ("award_history",),
    "consecutive_titles": ("award_history",),
    "titles_count": ("award_history",),
    "initiatives": ("initiative",),
    "research": ("research",),
    "innovations": ("initiative", "research"),
    "initiatives_unused": ("initiative", "research"),
}


def _needs(crit: dict[str, Any]) -> tuple[str, ...]:
    if crit["type"] in ("any_of", "all_of"):
        return tuple(dict.fromkeys(k for sub in crit["items"] for k in _needs(sub)))
    return NEEDS.get(crit["type"], ())


_Evaluator = Callable[[dict[str, Any], _Ctx], Check | None]

# One evaluator per criterion type of rules.CRITERION_TYPES (a plain table rather than a registering
# decorator, so that mutation testing reaches the evaluators too).
_EVALUATORS: dict[str, _Evaluator] = {
    "rating_at_least": _rating_at_least,
    "consecutive_ratings": _consecutive_ratings,
    "requires_title_same_year": _title_same_year,
    "consecutive_titles": _consecutive_titles,
    "titles_count": _titles_count,
    "initiatives": _initiatives,
    "research": _research,
    "innovations": _innovations,
    "initiatives_unused": _initiatives_unused,
    "collective_share_ldtt": _share_ldtt,
    "collective_all_completed": _all_completed,
    "collective_has_cstdcs": _has_cstdcs,
    "collective_no_discipline": _collective_discipline,
    "no_discipline_at_least": _discipline,
    "discipline_served": _discipline_served,
    "not_under_review": _not_under_review,
    "vote_share": _vote,
    "manual": _manual,
    "any_of": _any_of,
    "all_of": _all_of,
}


def _applies(crit: dict[str, Any], facts: NomineeFacts) -> bool:
    kinds = crit.get("award_kinds")
    subjects = crit.get("subject_kinds")
    if kinds and facts.award_kind.value not in kinds:
        return False
    return not (subjects and facts.subject_kind.value not in subjects)


def _evaluate(crit: dict[str, Any], ctx: _Ctx, parent: dict[str, Any] | None = None) -> Check | None:
    if not _applies(crit, ctx.facts):
        return None
    evaluator = _EVALUATORS.get(crit["type"])
    if evaluator is None:  # rules.py validates types; this guards a mismatch between the two modules
        raise InputError(
            f"Kiểu tiêu chí “{crit['type']}” chưa được hỗ trợ.", field="type", value=crit["type"]
        )
    outcome = evaluator(crit, ctx)
    if outcome is None:
        return None
    cite = ctx.rs.criterion_source(crit, parent)
    outcome = dataclasses.replace(outcome, needs=_needs(crit))
    return dataclasses.replace(outcome, source=cite.full_text) if cite else outcome


# --------------------------------------------------------------------------- the check


def check(
    facts: NomineeFacts,
    ruleset: RuleSet | None = None,
    *,
    province_code: str | None = None,
) -> EligibilityResult:
    """Check ``facts`` against the rule set (by default: the one in force on ``facts.judged_on``)."""
    rs = ruleset or ruleset_for(facts.judged_on, province_code=province_code)
    basis = rs.describe()
    notes = list(rs.notes)
    entry = rs.catalogue.get(facts.title_code)
    if entry is None:
        name = TITLE_CODES.get(facts.title_code, facts.title_code)
        c = Check(
            "Danh mục khen thưởng",
            False,
            f"“{name}” không có trong danh mục khen thưởng của {rs.legal_basis}",
        )
        return EligibilityResult(False, [c.detail], [c], basis, rs.id, facts.title_code, name, notes=notes)

    result = EligibilityResult(
        ok=False,
        reasons=[],
        checks=[],
        ruleset_basis=basis,
        ruleset_id=rs.id,
        title_code=entry.code,
        title_name=entry.name,
        deciding_authority=entry.decided_by,
        commune_decides=entry.commune_decides,
        vote_threshold=entry.vote_threshold if entry.vote_required else None,
        dossier=dossier_for(rs, entry.code, subject_kind=facts.subject_kind, award_kind=facts.award_kind),
        dossier_note=rs.dossier_note,
        notes=notes,
    )
    checks = result.checks
    if facts.subject_kind not in entry.subject_kinds:
        allowed = ", ".join(sk.label.lower() for sk in entry.subject_kinds)
        checks.append(
            Check(
                "Đối tượng được xét tặng",
                False,
                f"{entry.name} không xét tặng cho {facts.subject_kind.label.lower()} (chỉ xét tặng cho: {allowed})",
                "subject_kind",
            )
        )
    if facts.award_kind not in entry.award_kinds:
        allowed = ", ".join(ak.label.lower() for ak in entry.award_kinds)
        checks.append(
            Check(
                "Loại hình khen thưởng",
                False,
                f"{entry.name} không xét theo loại hình {facts.award_kind.label.lower()} (chỉ: {allowed})",
                "award_kind",
            )
        )
    if not checks:
        ctx = _Ctx(facts, rs, entry)
        for crit in (*rs.common_criteria, *entry.criteria):
            outcome = _evaluate(crit, ctx)
            if outcome is not None:
                checks.append(outcome)
    result.ok = all(c.passed is not False for c in checks)
    result.reasons = [c.detail for c in checks]

    if entry.commune_decides:
        notes.append(f"Thẩm quyền quyết định: {entry.decided_by}.")
    else:
        notes.append(
            f"Thẩm quyền quyết định: {entry.decided_by}; xã lập hồ sơ đề nghị. {entry.decision_note}".rstrip()
        )
    if facts.award_kind in rs.non_grounds_award_kinds:
        notes.append(
            f"Khen thưởng {facts.award_kind.label.lower().removeprefix('khen thưởng ')} không dùng làm căn cứ "
            "đề nghị khen thưởng công trạng sau này."
        )
    if (
        facts.subject_kind is SubjectKind.COLLECTIVE
        and facts.women_share is not None
        and facts.women_share >= 70
    ):
        notes.append("Ưu tiên khi có nhiều tập thể đủ tiêu chuẩn như nhau: tập thể có từ 70% nữ.")
    return result
