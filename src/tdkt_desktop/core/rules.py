"""Legal rule sets as data: the award catalogue, council-vote thresholds, dossier checklists and money.

A rule set is one JSON file in ``resources/rulesets/`` keyed by its legal basis and effective dates
(Nghị định 98/2023 until 30/06/2025, Nghị định 152/2025 from 01/07/2025). Every title, authority,
criterion, vote threshold, dossier item and money coefficient in it cites its source — a text of
``documents.json`` with article, clause and point (:mod:`tdkt_desktop.core.legal`) — and is valid for the
overlap of the rule set's dates and the cited text's. A value no text could confirm is left out and sent
to manual review with the citation's note (``status: not_found``): no figure is guessed.

A province may override parts of a rule set with a file in ``resources/rulesets/overrides/`` that is
deep-merged over the base set (see the README there). Everything here is pure Python: the eligibility
engine (:mod:`tdkt_desktop.core.eligibility`) interprets the criteria; this module loads, validates and
answers questions about money and votes.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from tdkt_desktop.core.legal import (
    CANCELLATION_FILE,
    DOCUMENTS_FILE,
    STATISTICS_FILE,
    Citation,
    parse_citation,
    read_json,
)
from tdkt_desktop.core.models import TITLE_CODES, AwardKind, Discipline, Rating, SubjectKind
from tdkt_desktop.core.text import InputError, format_date

__all__ = [
    "BASE_SALARY_FILE",
    "CRITERION_TYPES",
    "LEVELS",
    "AwardPayment",
    "CatalogueEntry",
    "DossierItem",
    "ManualAmountRequired",
    "Money",
    "Override",
    "RuleSet",
    "SalaryStep",
    "all_rulesets",
    "allowed_titles",
    "award_amount",
    "base_salary_on",
    "base_salary_steps",
    "coefficient",
    "deep_merge",
    "dossier_for",
    "load_override",
    "load_ruleset",
    "money_rule",
    "payable_awards",
    "quota_limit",
    "ruleset_for",
    "rulesets_dir",
    "vote_passes",
    "vote_required",
    "vote_share",
    "vote_threshold",
]

RULESET_FORMAT = "tdkt-ruleset/2"
OVERRIDE_FORMAT = "tdkt-ruleset-override/1"
BASE_SALARY_FORMAT = "tdkt-base-salary/2"
BASE_SALARY_FILE = "base_salary.json"
# Files of the folder that are not rule sets.
NOT_RULESETS = frozenset({BASE_SALARY_FILE, DOCUMENTS_FILE, CANCELLATION_FILE, STATISTICS_FILE})

# Administrative level of an award, lowest first.
LEVELS: tuple[str, ...] = ("co_so", "xa", "huyen", "tinh", "trung_uong")
LEVEL_LABELS = {
    "co_so": "cơ sở",
    "xa": "cấp xã",
    "huyen": "cấp huyện",
    "tinh": "cấp tỉnh",
    "trung_uong": "trung ương, toàn quốc",
}
KINDS = {"danh_hieu": "Danh hiệu thi đua", "hinh_thuc": "Hình thức khen thưởng"}
COMMUNE_ROLES = {"decide": "Xã quyết định", "propose": "Xã đề nghị cấp trên"}
SAME_PERIOD_MODES = ("highest_per_kind", "highest_overall")

# Criterion types the eligibility engine interprets, with the fields each one needs.
CRITERION_TYPES: dict[str, tuple[str, ...]] = {
    "rating_at_least": ("value",),
    "consecutive_ratings": ("value", "years"),
    "requires_title_same_year": (),  # "code" or "codes"
    "consecutive_titles": ("code", "years"),  # "max_step": years between two successive awards (default 1)
    "titles_count": ("code", "min"),
    "initiatives": ("min",),
    "research": ("min",),
    "innovations": ("min",),  # ≥ min sáng kiến, or ≥ min đề tài; a mix goes to review
    "initiatives_unused": (),  # a sáng kiến, đề tài already used as grounds is not counted again
    "collective_share_ldtt": ("min",),
    "collective_all_completed": (),
    "collective_has_cstdcs": (),
    "collective_no_discipline": ("level",),
    "no_discipline_at_least": ("level",),
    "discipline_served": (),
    "not_under_review": (),
    "vote_share": (),
    "manual": ("label",),
    "any_of": ("items",),
    "all_of": ("items",),
}


def rulesets_dir() -> Path:
    from tdkt_desktop.paths import resources_dir

    return resources_dir() / "rulesets"


# --------------------------------------------------------------------------- errors and JSON reading


def _error(source: str, path: str, problem: str) -> InputError:
    where = f", mục “{path}”" if path else ""
    return InputError(f"Tệp quy định “{source}”{where}: {problem}", field=path or None, value=source)


def _read_json(path: Path) -> Any:
    return read_json(path)


def _parse_iso(value: Any, source: str, path: str) -> _dt.date:
    if not isinstance(value, str):
        raise _error(source, path, "cần một ngày dạng năm-tháng-ngày, ví dụ “2025-07-01”.")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise _error(
            source, path, f"“{value}” không phải ngày hợp lệ (dạng năm-tháng-ngày, ví dụ “2025-07-01”)."
        ) from None


def _need(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], source: str, path: str) -> Any:
    full = f"{path}.{key}" if path else key
    if key not in data:
        raise _error(source, full, "thiếu mục bắt buộc.")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        raise _error(source, full, f"cần {_kind_name(kind)}, nhưng có “{value!r}”.")
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "chuỗi văn bản",
        int: "số",
        float: "số",
        bool: "true/false",
        list: "danh sách […]",
        dict: "đối tượng {…}",
        type(None): "null",
    }
    return " hoặc ".join(dict.fromkeys(names.get(k, k.__name__) for k in _as_tuple(kind)))


def _choice(value: Any, allowed: Iterable[str], source: str, path: str) -> str:
    allowed = list(allowed)
    if value not in allowed:
        raise _error(source, path, f"giá trị “{value}” không hợp lệ. Chọn một trong: {', '.join(allowed)}.")
    return str(value)


def _number(
    value: Any, source: str, path: str, *, allow_none: bool = False, minimum: float = 0
) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _error(source, path, f"cần một số, nhưng có “{value!r}”.")
    if value < minimum:
        raise _error(source, path, f"không được nhỏ hơn {minimum:g}.")
    return float(value)


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class DossierItem:
    """One document of a nomination dossier (hồ sơ), with the text that requires it."""

    key: str
    label: str
    required: bool
    note: str = ""
    award_kinds: tuple[AwardKind, ...] = ()  # empty: every kind
    subject_kinds: tuple[SubjectKind, ...] = ()  # empty: every kind
    source: Citation | None = None

    def applies(
        self, *, subject_kind: SubjectKind | None = None, award_kind: AwardKind | None = None
    ) -> bool:
        if subject_kind is not None and self.subject_kinds and subject_kind not in self.subject_kinds:
            return False
        return not (award_kind is not None and self.award_kinds and award_kind not in self.award_kinds)


@dataclass(frozen=True)
class Money:
    """The money rule of one award for one subject kind: a coefficient of the base salary, no money at all,
    or a figure the texts could not confirm (``manual``: the amount is entered by hand, with the note)."""

    coefficient: float | None
    manual: str = ""
    source: Citation | None = None

    @property
    def payable(self) -> bool:
        return bool(self.coefficient)


@dataclass(frozen=True)
class CatalogueEntry:
    """A title (danh hiệu) or form of commendation (hình thức) as one rule set defines it."""

    code: str
    name: str
    kind: str  # "danh_hieu" | "hinh_thuc"
    subject_kinds: tuple[SubjectKind, ...]
    level: str  # one of LEVELS
    decided_by: str
    commune_role: str  # "decide" | "propose"
    award_kinds: tuple[AwardKind, ...]
    criteria: tuple[dict[str, Any], ...]
    vote_required: bool
    vote_threshold: float | None  # % of the TOTAL council members; None with a vote: not confirmed
    dossier: tuple[DossierItem, ...]
    coefficients: dict[str, float | None]  # by subject kind value (what the texts confirm)
    source: Citation
    authority_source: Citation
    vote_source: Citation | None = None
    money_sources: dict[str, Citation] = field(default_factory=dict)
    money_manual: dict[str, str] = field(default_factory=dict)  # subject kind → what to check by hand
    decision_note: str = ""
    money_basis: str = ""

    @property
    def basis(self) -> str:
        return self.source.text

    @property
    def commune_decides(self) -> bool:
        return self.commune_role == "decide"

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, self.level)


@dataclass(frozen=True)
class RuleSet:
    id: str
    legal_basis: str
    effective_from: _dt.date
    effective_to: _dt.date | None
    catalogue: dict[str, CatalogueEntry]
    vote_basis: str  # always "total_members"
    vote_source: Citation
    vote_label: str
    common_criteria: tuple[dict[str, Any], ...]
    non_grounds_award_kinds: tuple[AwardKind, ...]
    non_grounds_source: Citation | None
    rounding_step: int
    household_factor: float | None  # None: households' money is not confirmed (manual)
    same_period: str
    money_legal_basis: str
    money_sources: dict[str, Citation]
    settings: dict[str, Any]
    dossier_note: str
    transition: dict[str, Any]
    transition_source: Citation
    decision_bases: tuple[tuple[str, Citation], ...] = ()
    documents: tuple[str, ...] = ()
    law: str = ""
    dossier_note_source: Citation | None = None
    province_code: str | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def covers(self, on: _dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def entry(self, code: str) -> CatalogueEntry:
        try:
            return self.catalogue[code]
        except KeyError:
            raise InputError(
                f"Mã “{code}” không có trong danh mục khen thưởng của {self.legal_basis}.",
                field="Danh hiệu",
                value=code,
            ) from None

    @property
    def vote_thresholds(self) -> dict[str, float]:
        return {c: e.vote_threshold for c, e in self.catalogue.items() if e.vote_threshold is not None}

    @property
    def period_label(self) -> str:
        end = f"đến {format_date(self.effective_to)}" if self.effective_to else "đến nay"
        return f"từ {format_date(self.effective_from)} {end}"

    def describe(self) -> str:
        """ "Nghị định 152/2025/NĐ-CP; Nghị định 129/2025/NĐ-CP (từ 01/07/2025 đến nay)"."""
        text = f"{self.legal_basis} ({self.period_label})"
        if self.province_code:
            text += f", có điều chỉnh của tỉnh mã {self.province_code}"
        return text

    def citation(self, raw: Any, where: str = "source") -> Citation:
        """A citation of this rule set (validity: the overlap of the text's dates and the rule set's)."""
        return parse_citation(
            raw, self.sources[0] if self.sources else self.id, where,
            valid_from=self.effective_from, valid_to=self.effective_to,
        )

    def criterion_source(self, crit: Mapping[str, Any], parent: Mapping[str, Any] | None = None) -> Citation | None:
        raw = crit.get("source") or (parent or {}).get("source")
        return self.citation(raw) if raw else None


@dataclass(frozen=True)
class Override:
    """A province's adjustments to one or more rule sets."""

    province_code: str
    province_name: str
    basis: str
    applies_to: tuple[str, ...]  # rule-set ids; empty: all
    patch: dict[str, Any]
    example: bool
    source: str

    def applies(self, ruleset_id: str) -> bool:
        return not self.applies_to or ruleset_id in self.applies_to


@dataclass(frozen=True)
class SalaryStep:
    effective_from: _dt.date
    amount: int
    source: Citation

    @property
    def legal_basis(self) -> str:
        return self.source.text


@dataclass(frozen=True)
class AwardPayment:
    code: str
    subject_kind: SubjectKind
    amount: int  # the award's own amount
    paid: bool
    note: str = ""

    @property
    def paid_amount(self) -> int:
        return self.amount if self.paid else 0


class ManualAmountRequired(InputError):
    """The award's money could not be confirmed from a text: the amount must be entered by hand."""


# --------------------------------------------------------------------------- validation


def _validate_criterion(
    crit: Any, source: str, path: str, *, dates: tuple[_dt.date, _dt.date | None], nested: bool = False
) -> dict[str, Any]:
    if not isinstance(crit, dict):
        raise _error(source, path, "mỗi tiêu chí phải là một đối tượng {…} có mục “type”.")
    ctype = _need(crit, "type", str, source, path)
    if ctype not in CRITERION_TYPES:
        raise _error(
            source,
            f"{path}.type",
            f"kiểu tiêu chí “{ctype}” không được hỗ trợ. Chọn một trong: {', '.join(CRITERION_TYPES)}.",
        )
    for key in CRITERION_TYPES[ctype]:
        if key not in crit:
            raise _error(source, f"{path}.{key}", f"tiêu chí “{ctype}” cần mục này.")
    if "source" in crit:
        parse_citation(crit["source"], source, f"{path}.source", valid_from=dates[0], valid_to=dates[1])
    elif not nested:
        raise _error(source, f"{path}.source", "mỗi tiêu chí phải trích dẫn văn bản (văn bản, điều, khoản).")
    if "value" in crit:
        _choice(crit["value"], [r.value for r in Rating], source, f"{path}.value")
    if "level" in crit:
        _choice(
            crit["level"], [d.value for d in Discipline if d is not Discipline.NONE], source, f"{path}.level"
        )
    if "level_at_least" in crit:
        _choice(crit["level_at_least"], LEVELS, source, f"{path}.level_at_least")
    for key in ("years", "min", "max_gap", "within_years", "max_step"):
        if key in crit:
            _number(crit[key], source, f"{path}.{key}")
    codes = []
    if "code" in crit:
        codes.append((f"{path}.code", crit["code"]))
    if "codes" in crit:
        if not isinstance(crit["codes"], list) or not crit["codes"]:
            raise _error(source, f"{path}.codes", "cần một danh sách mã danh hiệu.")
        codes.extend((f"{path}.codes[{i}]", c) for i, c in enumerate(crit["codes"]))
    if ctype == "requires_title_same_year" and not codes:
        raise _error(
            source, f"{path}.code", "tiêu chí “requires_title_same_year” cần mục “code” hoặc “codes”."
        )
    for cpath, code in codes:
        _choice(code, TITLE_CODES, source, cpath)
    for key, enum in (("award_kinds", AwardKind), ("subject_kinds", SubjectKind)):
        if key in crit:
            if not isinstance(crit[key], list):
                raise _error(source, f"{path}.{key}", "cần một danh sách.")
            for i, v in enumerate(crit[key]):
                _choice(v, [m.value for m in enum], source, f"{path}.{key}[{i}]")
    if "label" in crit and not isinstance(crit["label"], str):
        raise _error(source, f"{path}.label", "cần chuỗi văn bản.")
    if ctype in ("any_of", "all_of"):
        items = crit["items"]
        if not isinstance(items, list) or not items:
            raise _error(source, f"{path}.items", "cần một danh sách tiêu chí, không rỗng.")
        for i, sub in enumerate(items):
            _validate_criterion(sub, source, f"{path}.items[{i}]", dates=dates, nested=True)
    return crit


def _dossier_items(
    raw: Any, source: str, path: str, dates: tuple[_dt.date, _dt.date | None]
) -> tuple[DossierItem, ...]:
    if not isinstance(raw, list):
        raise _error(source, path, "cần một danh sách các mục hồ sơ.")
    out = []
    seen: set[tuple[str, tuple[SubjectKind, ...], tuple[AwardKind, ...]]] = set()
    for i, it in enumerate(raw):
        ipath = f"{path}[{i}]"
        if not isinstance(it, dict):
            raise _error(source, ipath, "mỗi mục hồ sơ cần các mục “key”, “label”, “required”, “source”.")
        key = _need(it, "key", str, source, ipath)
        label = _need(it, "label", str, source, ipath)
        required = _need(it, "required", bool, source, ipath)
        note = it.get("note", "")
        if not isinstance(note, str):
            raise _error(source, f"{ipath}.note", "cần chuỗi văn bản.")
        if "source" not in it:
            raise _error(source, f"{ipath}.source", "mỗi mục hồ sơ phải trích dẫn văn bản quy định.")
        cite = parse_citation(it["source"], source, f"{ipath}.source", valid_from=dates[0], valid_to=dates[1])
        kinds = tuple(
            AwardKind(_choice(v, [m.value for m in AwardKind], source, f"{ipath}.award_kinds"))
            for v in it.get("award_kinds", [])
        )
        subjects = tuple(
            SubjectKind(_choice(v, [m.value for m in SubjectKind], source, f"{ipath}.subject_kinds"))
            for v in it.get("subject_kinds", [])
        )
        ident = (key, subjects, kinds)
        if ident in seen:
            raise _error(source, f"{ipath}.key", f"mục hồ sơ “{key}” bị lặp.")
        seen.add(ident)
        out.append(DossierItem(key, label, required, note, kinds, subjects, cite))
    return tuple(out)


def _money(
    raw: Any, path: str, source: str, subjects: tuple[SubjectKind, ...], dates: tuple[_dt.date, _dt.date | None]
) -> tuple[dict[str, float | None], dict[str, Citation], dict[str, str]]:
    money = raw or {}
    if not isinstance(money, dict):
        raise _error(source, path, "cần một đối tượng {“person”, “collective”, “household”, “sources”, “manual”}.")
    for key in money:
        if key not in {*(sk.value for sk in SubjectKind), "sources", "manual"}:
            raise _error(
                source, f"{path}.{key}", "mục không được hỗ trợ (chỉ person, collective, household, sources, manual)."
            )
    coefficients: dict[str, float | None] = {}
    for sk in SubjectKind:
        if sk.value in money:
            coefficients[sk.value] = _number(money[sk.value], source, f"{path}.{sk.value}", allow_none=True)
    sources_raw = money.get("sources") or {}
    manual_raw = money.get("manual") or {}
    if not isinstance(sources_raw, dict) or not isinstance(manual_raw, dict):
        raise _error(source, path, "“sources” và “manual” cần là đối tượng {đối tượng: …}.")
    sources = {}
    for key, cite in sources_raw.items():
        _choice(key, [sk.value for sk in SubjectKind], source, f"{path}.sources.{key}")
        sources[key] = parse_citation(cite, source, f"{path}.sources.{key}", valid_from=dates[0], valid_to=dates[1])
    manual = {}
    for key, note in manual_raw.items():
        _choice(key, [sk.value for sk in SubjectKind], source, f"{path}.manual.{key}")
        if not isinstance(note, str) or not note:
            raise _error(source, f"{path}.manual.{key}", "cần ghi chú nói rõ cần đối chiếu gì.")
        if coefficients.get(key):
            raise _error(source, f"{path}.manual.{key}", "đã có hệ số thì không ghi “cần nhập thủ công”.")
        manual[key] = note
    for key, value in coefficients.items():
        if value and key not in sources:
            raise _error(source, f"{path}.sources.{key}", "hệ số tiền thưởng phải trích dẫn văn bản.")
    for key in manual:
        if key not in sources:
            raise _error(
                source, f"{path}.sources.{key}",
                "mức tiền nhập thủ công cũng phải trích văn bản đã tìm (trạng thái not_found khi chưa đọc được).",
            )
    return coefficients, sources, manual


def _entry(
    code: str, raw: Any, source: str, money_basis: str, dates: tuple[_dt.date, _dt.date | None]
) -> CatalogueEntry:
    path = f"catalogue.{code}"
    if code not in TITLE_CODES:
        raise _error(source, path, f"mã “{code}” không có trong danh mục mã ({', '.join(TITLE_CODES)}).")
    if not isinstance(raw, dict):
        raise _error(source, path, "cần một đối tượng {…}.")

    def cite(key: str) -> Citation:
        if key not in raw:
            raise _error(source, f"{path}.{key}", "cần trích dẫn văn bản (văn bản, điều, khoản).")
        return parse_citation(raw[key], source, f"{path}.{key}", valid_from=dates[0], valid_to=dates[1])

    name = _need(raw, "name", str, source, path)
    kind = _choice(_need(raw, "kind", str, source, path), KINDS, source, f"{path}.kind")
    subjects_raw = _need(raw, "subject_kinds", list, source, path)
    if not subjects_raw:
        raise _error(
            source, f"{path}.subject_kinds", "cần ít nhất một đối tượng (person, collective, household)."
        )
    subjects = tuple(
        SubjectKind(_choice(v, [m.value for m in SubjectKind], source, f"{path}.subject_kinds[{i}]"))
        for i, v in enumerate(subjects_raw)
    )
    level = _choice(_need(raw, "level", str, source, path), LEVELS, source, f"{path}.level")
    decided_by = _need(raw, "decided_by", str, source, path)
    role = _choice(
        _need(raw, "commune_role", str, source, path), COMMUNE_ROLES, source, f"{path}.commune_role"
    )
    kinds_raw = _need(raw, "award_kinds", list, source, path)
    if not kinds_raw:
        raise _error(source, f"{path}.award_kinds", "cần ít nhất một loại hình khen thưởng.")
    kinds = tuple(
        AwardKind(_choice(v, [m.value for m in AwardKind], source, f"{path}.award_kinds[{i}]"))
        for i, v in enumerate(kinds_raw)
    )
    criteria_raw = _need(raw, "criteria", list, source, path)
    criteria = tuple(
        _validate_criterion(c, source, f"{path}.criteria[{i}]", dates=dates) for i, c in enumerate(criteria_raw)
    )
    vote = raw.get("vote") or {}
    if not isinstance(vote, dict):
        raise _error(source, f"{path}.vote", "cần một đối tượng {“required”, “threshold”, “source”}.")
    threshold = _number(vote.get("threshold"), source, f"{path}.vote.threshold", allow_none=True)
    if threshold is not None and threshold > 100:
        raise _error(source, f"{path}.vote.threshold", "tỷ lệ phần trăm không được lớn hơn 100.")
    vote_required = vote.get("required", threshold is not None)
    if not isinstance(vote_required, bool):
        raise _error(source, f"{path}.vote.required", "cần true hoặc false.")
    vote_source = None
    if vote_required:
        if "source" not in vote:
            raise _error(source, f"{path}.vote.source", "biểu quyết của Hội đồng phải trích dẫn văn bản.")
        vote_source = parse_citation(vote["source"], source, f"{path}.vote.source", valid_from=dates[0], valid_to=dates[1])
        if threshold is None and vote_source.status != "not_found":
            raise _error(
                source, f"{path}.vote.threshold",
                "danh hiệu cần biểu quyết phải có ngưỡng (%), hoặc trích dẫn ghi rõ chưa đối chiếu được (status not_found).",
            )
    dossier = _dossier_items(_need(raw, "dossier", list, source, path), source, f"{path}.dossier", dates)
    coefficients, money_sources, money_manual = _money(raw.get("money"), f"{path}.money", source, subjects, dates)
    if "decision_note" in raw and not isinstance(raw["decision_note"], str):
        raise _error(source, f"{path}.decision_note", "cần chuỗi văn bản.")
    return CatalogueEntry(
        code=code,
        name=name,
        kind=kind,
        subject_kinds=subjects,
        level=level,
        decided_by=decided_by,
        commune_role=role,
        award_kinds=kinds,
        criteria=criteria,
        vote_required=vote_required,
        vote_threshold=threshold,
        dossier=dossier,
        coefficients=coefficients,
        source=cite("source"),
        authority_source=cite("authority_source"),
        vote_source=vote_source,
        money_sources=money_sources,
        money_manual=money_manual,
        decision_note=raw.get("decision_note", ""),
        money_basis=money_basis,
    )


def _find_key(data: Any, key: str, path: str = "") -> str | None:
    if isinstance(data, dict):
        for k, v in data.items():
            here = f"{path}.{k}" if path else str(k)
            if k == key:
                return here
            found = _find_key(v, key, here)
            if found:
                return found
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found = _find_key(v, key, f"{path}[{i}]")
            if found:
                return found
    return None


def ruleset_from_dict(data: Any, *, source: str = "(dữ liệu)") -> RuleSet:
    """Validate a parsed rule-set document and build a :class:`RuleSet`. Raises :class:`InputError`."""
    if not isinstance(data, dict):
        raise _error(source, "", "nội dung phải là một đối tượng JSON {…}.")
    fmt = _need(data, "format", str, source, "")
    if fmt != RULESET_FORMAT:
        raise _error(source, "format", f"định dạng “{fmt}” không được hỗ trợ (cần “{RULESET_FORMAT}”).")
    stale = _find_key(data, "unverified")
    if stale:
        raise _error(
            source, stale,
            "mục “unverified” không còn được dùng: mỗi giá trị trích dẫn văn bản (source) hoặc, khi chưa đối chiếu "
            "được, để trống và ghi chú trong trích dẫn (status “not_found”).",
        )
    rid = _need(data, "id", str, source, "")
    legal_basis = _need(data, "legal_basis", str, source, "")
    start = _parse_iso(_need(data, "effective_from", str, source, ""), source, "effective_from")
    end_raw = data.get("effective_to")
    end = None if end_raw is None else _parse_iso(end_raw, source, "effective_to")
    if end is not None and end < start:
        raise _error(source, "effective_to", "ngày hết hiệu lực trước ngày có hiệu lực.")
    dates = (start, end)

    def cite(raw: Any, where: str) -> Citation:
        return parse_citation(raw, source, where, valid_from=start, valid_to=end)

    vote = _need(data, "vote", dict, source, "")
    vote_basis = _choice(vote.get("basis"), ["total_members"], source, "vote.basis")
    vote_source = cite(vote.get("source"), "vote.source")
    money = _need(data, "money", dict, source, "")
    step = _number(
        _need(money, "rounding_step", int, source, "money"), source, "money.rounding_step", minimum=1
    )
    _choice(money.get("rounding", "up"), ["up"], source, "money.rounding")
    factor = _number(money.get("household_factor"), source, "money.household_factor", allow_none=True)
    same_period = _choice(
        money.get("same_period", "highest_per_kind"), SAME_PERIOD_MODES, source, "money.same_period"
    )
    money_sources_raw = money.get("sources") or {}
    if not isinstance(money_sources_raw, dict):
        raise _error(source, "money.sources", "cần một đối tượng {quy tắc: trích dẫn}.")
    money_sources = {k: cite(v, f"money.sources.{k}") for k, v in money_sources_raw.items()}
    for key in ("rounding", "base_salary_date", "same_period"):
        if key not in money_sources:
            raise _error(source, f"money.sources.{key}", "quy tắc tính tiền thưởng phải trích dẫn văn bản.")
    money_basis = str(money.get("legal_basis", ""))
    common = tuple(
        _validate_criterion(c, source, f"common_criteria[{i}]", dates=dates)
        for i, c in enumerate(_need(data, "common_criteria", list, source, ""))
    )
    non_grounds = tuple(
        AwardKind(_choice(v, [m.value for m in AwardKind], source, f"non_grounds_award_kinds[{i}]"))
        for i, v in enumerate(data.get("non_grounds_award_kinds", []))
    )
    non_grounds_source = cite(data["non_grounds_source"], "non_grounds_source") if "non_grounds_source" in data else None
    if non_grounds and non_grounds_source is None:
        raise _error(source, "non_grounds_source", "quy tắc này phải trích dẫn văn bản.")
    transition = _need(data, "transition", dict, source, "")
    _choice(transition.get("judged_by"), ["decision_date"], source, "transition.judged_by")
    transition_source = cite(transition.get("source"), "transition.source")
    bases = []
    for i, b in enumerate(data.get("decision_bases", [])):
        if not isinstance(b, dict) or not isinstance(b.get("text"), str):
            raise _error(source, f"decision_bases[{i}]", "mỗi căn cứ cần “text” và “source”.")
        bases.append((b["text"], cite(b.get("source"), f"decision_bases[{i}].source")))
    documents = data.get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise _error(source, "documents", "cần danh sách mã văn bản.")
    for i, d in enumerate(documents):
        cite({"doc": d}, f"documents[{i}]")
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise _error(source, "settings", "cần một đối tượng {…}.")
    quotas = settings.get("quotas", {})
    if not isinstance(quotas, dict):
        raise _error(source, "settings.quotas", "cần một đối tượng {…}.")
    for code, q in quotas.items():
        qpath = f"settings.quotas.{code}"
        _choice(code, TITLE_CODES, source, qpath)
        if not isinstance(q, dict):
            raise _error(source, qpath, "cần một đối tượng {“percent_of”, “max_percent”}.")
        _choice(q.get("percent_of"), TITLE_CODES, source, f"{qpath}.percent_of")
        _number(q.get("max_percent"), source, f"{qpath}.max_percent", allow_none=True)
    catalogue_raw = _need(data, "catalogue", dict, source, "")
    if not catalogue_raw:
        raise _error(source, "catalogue", "danh mục khen thưởng rỗng.")
    catalogue = {code: _entry(code, raw, source, money_basis, dates) for code, raw in catalogue_raw.items()}
    dossier_note = data.get("dossier_note", "")
    if not isinstance(dossier_note, str):
        raise _error(source, "dossier_note", "cần chuỗi văn bản.")
    dossier_note_source = cite(data["dossier_note_source"], "dossier_note_source") if "dossier_note_source" in data else None
    return RuleSet(
        id=rid,
        legal_basis=legal_basis,
        effective_from=start,
        effective_to=end,
        catalogue=catalogue,
        vote_basis=vote_basis,
        vote_source=vote_source,
        vote_label=str(vote.get("label", "")),
        common_criteria=common,
        non_grounds_award_kinds=non_grounds,
        non_grounds_source=non_grounds_source,
        rounding_step=int(step or 1),
        household_factor=factor,
        same_period=same_period,
        money_legal_basis=money_basis,
        money_sources=money_sources,
        settings=copy.deepcopy(settings),
        dossier_note=dossier_note,
        dossier_note_source=dossier_note_source,
        transition=copy.deepcopy(transition),
        transition_source=transition_source,
        decision_bases=tuple(bases),
        documents=tuple(documents),
        law=str(data.get("law", "")),
        sources=(source,),
        raw=data,
    )


def load_ruleset(path: Path | str) -> RuleSet:
    """Read and validate one rule-set file. Raises :class:`InputError` naming the file and the field."""
    path = Path(path)
    return ruleset_from_dict(_read_json(path), source=path.name)


def load_override(path: Path | str) -> Override:
    path = Path(path)
    source = path.name
    data = _read_json(path)
    if not isinstance(data, dict):
        raise _error(source, "", "nội dung phải là một đối tượng JSON {…}.")
    fmt = _need(data, "format", str, source, "")
    if fmt != OVERRIDE_FORMAT:
        raise _error(source, "format", f"định dạng “{fmt}” không được hỗ trợ (cần “{OVERRIDE_FORMAT}”).")
    code = _need(data, "province_code", str, source, "")
    applies = data.get("applies_to") or []
    if not isinstance(applies, list) or not all(isinstance(a, str) for a in applies):
        raise _error(source, "applies_to", "cần một danh sách mã bộ quy định, ví dụ [“nd152_2025”].")
    patch = _need(data, "patch", dict, source, "")
    example = data.get("example", False)
    if not isinstance(example, bool):
        raise _error(source, "example", "cần true hoặc false.")
    return Override(
        province_code=code,
        province_name=str(data.get("province_name", "")),
        basis=str(data.get("basis", "")),
        applies_to=tuple(applies),
        patch=patch,
        example=example,
        source=source,
    )


def deep_merge(base: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """A new dict: ``patch`` merged over ``base``. Dicts merge key by key; anything else (lists too) replaces."""
    out = copy.deepcopy(dict(base))
    for key, value in patch.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


# --------------------------------------------------------------------------- choosing a rule set


@cache
def _base_rulesets(directory: Path) -> tuple[RuleSet, ...]:
    files = sorted(p for p in directory.glob("*.json") if p.name not in NOT_RULESETS)
    if not files:
        raise InputError(f"Không có tệp quy định nào trong “{directory}”.", value=str(directory))
    sets = sorted((load_ruleset(p) for p in files), key=lambda rs: rs.effective_from)
    for earlier, later in itertools.pairwise(sets):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise InputError(
                f"Tệp quy định “{earlier.sources[0]}” và “{later.sources[0]}” có thời gian hiệu lực chồng nhau.",
                value=str(directory),
            )
    return tuple(sets)


@cache
def _province_overrides(directory: Path) -> tuple[Override, ...]:
    folder = directory / "overrides"
    if not folder.is_dir():
        return ()
    return tuple(load_override(p) for p in sorted(folder.glob("*.json")))


def all_rulesets(*, rules_dir: Path | None = None) -> tuple[RuleSet, ...]:
    """The base rule sets, oldest first."""
    return _base_rulesets((rules_dir or rulesets_dir()).resolve())


def _apply(ruleset: RuleSet, patch: Mapping[str, Any], source: str, province_code: str | None) -> RuleSet:
    merged = deep_merge(ruleset.raw, patch)
    new = ruleset_from_dict(merged, source=f"{ruleset.sources[0]} + {source}")
    return dataclasses.replace(
        new,
        sources=(*ruleset.sources, source),
        province_code=province_code or ruleset.province_code,
        notes=ruleset.notes,
    )


def ruleset_for(
    on: _dt.date,
    *,
    province_code: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    rules_dir: Path | None = None,
) -> RuleSet:
    """The rule set in force on ``on`` (decision or achievement date), with the province's adjustments.

    A date before the earliest set gives the earliest set with a note in ``notes``. ``overrides`` is a
    patch merged last (same shape as a rule-set file). Override files marked ``"example": true`` are
    not applied.
    """
    if isinstance(on, _dt.datetime):
        on = on.date()
    directory = (rules_dir or rulesets_dir()).resolve()
    sets = _base_rulesets(directory)
    chosen = next((rs for rs in sets if rs.covers(on)), None)
    notes: tuple[str, ...] = ()
    if chosen is None:
        if on < sets[0].effective_from:
            chosen = sets[0]
            notes = (
                f"Ngày {format_date(on)} trước ngày {sets[0].legal_basis} có hiệu lực "
                f"({format_date(sets[0].effective_from)}); tạm áp dụng quy định này, cần đối chiếu văn bản cũ.",
            )
        else:
            chosen = max((rs for rs in sets if rs.effective_from <= on), key=lambda rs: rs.effective_from)
            notes = (f"Không có bộ quy định cho ngày {format_date(on)}; tạm áp dụng {chosen.legal_basis}.",)
    result = dataclasses.replace(chosen, notes=notes)
    if province_code:
        for ov in _province_overrides(directory):
            if ov.province_code == province_code and not ov.example and ov.applies(result.id):
                result = _apply(result, ov.patch, ov.source, province_code)
    if overrides:
        result = _apply(result, overrides, "điều chỉnh", province_code)
    return result


# --------------------------------------------------------------------------- catalogue questions


def allowed_titles(
    ruleset: RuleSet, subject_kind: SubjectKind | str, award_kind: AwardKind | str | None = None
) -> list[CatalogueEntry]:
    """Catalogue entries a subject of this kind can receive (optionally: under this award kind)."""
    sk = SubjectKind(subject_kind)
    ak = AwardKind(award_kind) if award_kind is not None else None
    return [
        e for e in ruleset.catalogue.values() if sk in e.subject_kinds and (ak is None or ak in e.award_kinds)
    ]


def dossier_for(
    ruleset: RuleSet,
    code: str,
    *,
    subject_kind: SubjectKind | str | None = None,
    award_kind: AwardKind | str | None = None,
) -> list[DossierItem]:
    entry = ruleset.entry(code)
    sk = SubjectKind(subject_kind) if subject_kind is not None else None
    ak = AwardKind(award_kind) if award_kind is not None else None
    return [it for it in entry.dossier if it.applies(subject_kind=sk, award_kind=ak)]


def quota_limit(ruleset: RuleSet, code: str, counts: Mapping[str, int]) -> int | None:
    """The province's cap on ``code`` given the unit's counts (e.g. CSTĐCS ≤ 15% of LĐTT); ``None``: no cap."""
    q = ruleset.settings.get("quotas", {}).get(code)
    if not q or q.get("max_percent") is None:
        return None
    base = int(counts.get(q["percent_of"], 0))
    return int((Decimal(base) * Decimal(str(q["max_percent"])) / 100).to_integral_value(rounding=ROUND_FLOOR))


# --------------------------------------------------------------------------- votes


def _check_vote(votes_for: int, total_members: int) -> None:
    if isinstance(total_members, bool) or not isinstance(total_members, int) or total_members <= 0:
        raise InputError(
            "Tổng số thành viên Hội đồng phải là số nguyên lớn hơn 0.",
            field="Tổng số thành viên",
            value=total_members,
        )
    if isinstance(votes_for, bool) or not isinstance(votes_for, int) or votes_for < 0:
        raise InputError(
            "Số phiếu đồng ý phải là số nguyên không âm.", field="Số phiếu đồng ý", value=votes_for
        )
    if votes_for > total_members:
        raise InputError(
            f"Số phiếu đồng ý ({votes_for}) lớn hơn tổng số thành viên Hội đồng ({total_members}).",
            field="Số phiếu đồng ý",
            value=votes_for,
        )


def vote_share(votes_for: int, total_members: int) -> float:
    """Share of votes in favour, in %, counted on the TOTAL number of council members (not those present)."""
    _check_vote(votes_for, total_members)
    return votes_for * 100 / total_members


def vote_passes(votes_for: int, total_members: int, threshold: float) -> bool:
    """True when ``votes_for`` reaches ``threshold`` % of the total members (compared exactly, no float error)."""
    _check_vote(votes_for, total_members)
    return Fraction(votes_for * 100, total_members) >= Fraction(str(threshold))


def vote_threshold(ruleset: RuleSet, code: str) -> float | None:
    """The council-vote threshold (% of total members) for ``code``; ``None`` when no vote is required or
    when the texts could not confirm the threshold (see :func:`vote_required`)."""
    entry = ruleset.entry(code)
    return entry.vote_threshold if entry.vote_required else None


def vote_required(ruleset: RuleSet, code: str) -> bool:
    """Whether the council votes on ``code`` (even when its threshold is left to the council's own rules)."""
    return ruleset.entry(code).vote_required


# --------------------------------------------------------------------------- money


@cache
def _salary_steps(directory: Path) -> tuple[SalaryStep, ...]:
    path = directory / BASE_SALARY_FILE
    data = _read_json(path)
    source = path.name
    if not isinstance(data, dict):
        raise _error(source, "", "nội dung phải là một đối tượng JSON {…}.")
    fmt = _need(data, "format", str, source, "")
    if fmt != BASE_SALARY_FORMAT:
        raise _error(source, "format", f"định dạng “{fmt}” không được hỗ trợ (cần “{BASE_SALARY_FORMAT}”).")
    steps = []
    for i, e in enumerate(_need(data, "entries", list, source, "")):
        p = f"entries[{i}]"
        if not isinstance(e, dict):
            raise _error(source, p, "cần một đối tượng {“effective_from”, “amount”, “source”}.")
        start = _parse_iso(_need(e, "effective_from", str, source, p), source, f"{p}.effective_from")
        amount = _need(e, "amount", int, source, p)
        if amount <= 0:
            raise _error(source, f"{p}.amount", "mức lương cơ sở phải lớn hơn 0.")
        if "source" not in e:
            raise _error(source, f"{p}.source", "mức lương cơ sở phải trích dẫn nghị định quy định.")
        steps.append(SalaryStep(start, amount, parse_citation(e["source"], source, f"{p}.source", valid_from=start)))
    if not steps:
        raise _error(source, "entries", "chưa có mức lương cơ sở nào.")
    steps.sort(key=lambda s: s.effective_from)
    for earlier, later in itertools.pairwise(steps):
        if earlier.effective_from == later.effective_from:
            raise _error(source, "entries", f"hai mức lương cơ sở cùng ngày {format_date(later.effective_from)}.")
    out = []
    for i, step in enumerate(steps):  # each step is valid until the day before the next one
        end = steps[i + 1].effective_from - _dt.timedelta(days=1) if i + 1 < len(steps) else None
        out.append(dataclasses.replace(step, source=dataclasses.replace(step.source, valid_to=end)))
    return tuple(out)


def base_salary_steps(*, rules_dir: Path | None = None) -> tuple[SalaryStep, ...]:
    return _salary_steps((rules_dir or rulesets_dir()).resolve())


def base_salary_step(on: _dt.date, *, rules_dir: Path | None = None) -> SalaryStep:
    """The base-salary step in force on ``on``, with the decree that sets it."""
    steps = base_salary_steps(rules_dir=rules_dir)
    current = [s for s in steps if s.effective_from <= on]
    if not current:
        raise InputError(
            f"Chưa có dữ liệu mức lương cơ sở cho ngày {format_date(on)} "
            f"(dữ liệu bắt đầu từ {format_date(steps[0].effective_from)}).",
            field="Ngày quyết định",
            value=on,
        )
    return current[-1]


def base_salary_on(on: _dt.date, *, rules_dir: Path | None = None) -> int:
    """Mức lương cơ sở in force on ``on`` (đồng)."""
    return base_salary_step(on, rules_dir=rules_dir).amount


def money_rule(ruleset: RuleSet, code: str, subject_kind: SubjectKind | str) -> Money:
    """How ``code`` is paid to this kind of subject: a coefficient with its source, nothing, or a figure left
    to be entered by hand (``manual``). Households get the rule set's household factor × the individual
    coefficient when their own figure is not given."""
    entry = ruleset.entry(code)
    sk = SubjectKind(subject_kind)
    if sk not in entry.subject_kinds:
        raise InputError(
            f"{entry.name} không xét tặng cho {sk.label.lower()} ({ruleset.legal_basis}).",
            field="Đối tượng",
            value=sk,
        )
    if sk.value in entry.money_manual:
        return Money(None, entry.money_manual[sk.value], entry.money_sources.get(sk.value))
    if entry.coefficients.get(sk.value) is not None:
        return Money(entry.coefficients[sk.value], "", entry.money_sources.get(sk.value))
    if sk is SubjectKind.HOUSEHOLD and entry.coefficients.get(SubjectKind.PERSON.value):
        if ruleset.household_factor is None:
            cite = ruleset.money_sources.get("household_factor")
            note = cite.note if cite else ""
            return Money(None, note or "Mức tiền thưởng đối với hộ gia đình chưa đối chiếu được — nhập thủ công.", cite)
        person = Decimal(str(entry.coefficients[SubjectKind.PERSON.value] or 0))
        return Money(
            float(person * Decimal(str(ruleset.household_factor))), "",  # exact: 0,3 × 1,5 = 0,45, not 0,4499…
            entry.money_sources.get(sk.value) or ruleset.money_sources.get("household_factor"),
        )
    return Money(None, "", entry.money_sources.get(sk.value))


def coefficient(ruleset: RuleSet, code: str, subject_kind: SubjectKind | str) -> float | None:
    """The money coefficient for ``code`` and this subject kind (``None``: no money, or not confirmed)."""
    return money_rule(ruleset, code, subject_kind).coefficient


def _round_up(value: Decimal, step: int) -> int:
    return int((value / step).to_integral_value(rounding=ROUND_CEILING) * step)


def award_amount(
    code: str,
    subject_kind: SubjectKind | str,
    decision_date: _dt.date,
    *,
    ruleset: RuleSet | None = None,
    rules_dir: Path | None = None,
    title: str | None = None,
) -> int:
    """Tiền thưởng: coefficient × mức lương cơ sở on the decision date, rounded UP to the rounding step
    (10.000 đ). Households get 1,5 × the individual amount (one rounding, on the exact product). No
    coefficient (e.g. Gia đình văn hóa) gives 0. Raises :class:`ManualAmountRequired` when the figure
    could not be confirmed from a text and must be entered by hand; ``title`` is the award's name in the
    deciding unit's words for that message (default: the rule set's, "… Ủy ban nhân dân xã")."""
    rs = ruleset or ruleset_for(decision_date, rules_dir=rules_dir)
    rule = money_rule(rs, code, subject_kind)
    if rule.manual:
        entry = rs.entry(code)
        raise ManualAmountRequired(
            f"Tiền thưởng {title or entry.name} ({SubjectKind(subject_kind).label.lower()}): {rule.manual}",
            field="Tiền thưởng",
            value=code,
        )
    if not rule.coefficient:
        return 0
    base = base_salary_on(decision_date, rules_dir=rules_dir)
    return _round_up(Decimal(str(rule.coefficient)) * Decimal(base), rs.rounding_step)


def payable_awards(
    awards: Iterable[tuple[str, SubjectKind | str]],
    decision_date: _dt.date,
    *,
    ruleset: RuleSet | None = None,
    rules_dir: Path | None = None,
    manual_amounts: Mapping[int, int] | None = None,
) -> list[AwardPayment]:
    """Money for the awards ONE subject received for the same period: only the highest is paid.

    Under ``same_period = "highest_per_kind"`` the highest title (danh hiệu) and the highest form of
    commendation (hình thức) are each paid; under ``"highest_overall"`` only one award is paid. Returns
    every award in the input order, with ``paid`` telling which are paid; ties go to the first listed.
    ``manual_amounts`` (position → đồng) gives the figures that must be entered by hand.
    """
    rs = ruleset or ruleset_for(decision_date, rules_dir=rules_dir)
    items = [(code, SubjectKind(sk)) for code, sk in awards]
    manual = dict(manual_amounts or {})
    amounts = []
    for i, (code, sk) in enumerate(items):
        if i in manual:
            amounts.append(int(manual[i]))
        else:
            amounts.append(award_amount(code, sk, decision_date, ruleset=rs, rules_dir=rules_dir))

    def group(i: int) -> str:
        return rs.entry(items[i][0]).kind if rs.same_period == "highest_per_kind" else "*"

    winners: dict[str, int] = {}
    for i, amount in enumerate(amounts):
        g = group(i)
        if g not in winners or amount > amounts[winners[g]]:
            winners[g] = i
    out = []
    for i, ((code, sk), amount) in enumerate(zip(items, amounts, strict=True)):
        g = group(i)
        paid = winners[g] == i and amount > 0
        if paid:
            note = ""
        elif amount == 0:
            note = "Không có mức tiền thưởng"
        else:
            best = rs.entry(items[winners[g]][0]).name
            note = f"Cùng thời điểm đã nhận mức thưởng cao hơn ({best}); chỉ nhận mức cao nhất"
        out.append(AwardPayment(code, sk, amount, paid, note))
    return out
