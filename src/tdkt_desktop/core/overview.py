"""The rules in force on a date, as a person reads them: one description for ``tdkt rules show`` and the
Quy định screen.

:func:`rules_overview` gathers, for the rule set in force on a date (with a province's adjustments): the
texts it rests on, the base salary, how the rule set is chosen, how the council votes, and for every title
and form of commendation who decides, the criteria, the vote threshold, the money (coefficient × base
salary, rounded up as the decree says) and the dossier — each with its citation, its validity and, where a
text could not be checked, what is left to check. Then the grounds for cancelling an award and the
statistical reporting regime. Pure Python: the front ends only lay it out.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.legal import (
    Citation,
    cancellation_rules,
    legal_documents,
    statistics_regime,
    statistics_year_of,
)
from tdkt_desktop.core.models import AwardKind, Rating, SubjectKind
from tdkt_desktop.core.rules import (
    CatalogueEntry,
    ManualAmountRequired,
    RuleSet,
    award_amount,
    base_salary_step,
    money_rule,
    ruleset_for,
)
from tdkt_desktop.core.text import InputError, format_date, format_number

__all__ = ["criterion_text", "rules_overview"]

_GENERIC = {
    "not_under_review": "Không trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
    "discipline_served": "Người bị kỷ luật: thành tích tính từ khi chấp hành xong thời gian kỷ luật",
    "initiatives_unused": "Một sáng kiến, đề tài chỉ làm căn cứ khen thưởng một lần",
    "collective_all_completed": "100% thành viên hoàn thành nhiệm vụ",
    "collective_has_cstdcs": "Có cá nhân đạt Chiến sĩ thi đua cơ sở",
}


def _cite(c: Citation | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {**c.to_dict(), "full_text": c.full_text}


def criterion_text(crit: dict[str, Any], entry: CatalogueEntry | None = None) -> str:
    """A criterion in words (its own label, else one made from its type and figures)."""
    if crit.get("label"):
        return str(crit["label"])
    kind = str(crit["type"])
    if kind in _GENERIC:
        return _GENERIC[kind]
    if kind == "rating_at_least":
        want = Rating(crit["value"])
        return f"Xếp loại {want.label}" + ("" if want is Rating.EXCELLENT else " trở lên")
    if kind == "vote_share":
        threshold = crit.get("min", entry.vote_threshold if entry else None)
        if threshold is None:
            return "Hội đồng Thi đua – Khen thưởng biểu quyết (ngưỡng theo quy chế của Hội đồng)"
        return f"Hội đồng Thi đua – Khen thưởng đồng ý từ {format_number(threshold).removesuffix(',0')}% tổng số thành viên"
    if kind in ("initiatives", "research", "innovations"):
        what = {"initiatives": "sáng kiến", "research": "đề tài khoa học", "innovations": "sáng kiến hoặc đề tài"}[kind]
        return f"Có {crit['min']} {what}"
    if kind in ("any_of", "all_of"):
        joiner = " hoặc " if kind == "any_of" else " và "
        return joiner.join(criterion_text(c, entry) for c in crit["items"])
    return kind


def _applies_to(crit: dict[str, Any]) -> str:
    parts = []
    if crit.get("subject_kinds"):
        parts.append(", ".join(SubjectKind(k).label.lower() for k in crit["subject_kinds"]))
    if crit.get("award_kinds"):
        parts.append(", ".join(AwardKind(k).label.lower() for k in crit["award_kinds"]))
    return "; ".join(parts)


def _money(rs: RuleSet, entry: CatalogueEntry, on: _dt.date) -> list[dict[str, Any]]:
    out = []
    for sk in entry.subject_kinds:
        rule = money_rule(rs, entry.code, sk)
        item: dict[str, Any] = {"subject_kind": sk.value, "subject_label": sk.label, "coefficient": rule.coefficient,
                                "amount": None, "manual": rule.manual, "source": _cite(rule.source)}
        if not rule.manual:
            try:
                item["amount"] = award_amount(entry.code, sk, on, ruleset=rs)
            except ManualAmountRequired as exc:  # pragma: no cover - money_rule said otherwise
                item["manual"] = exc.message
            except InputError:
                item["amount"] = None
        out.append(item)
    return out


def _entry(rs: RuleSet, entry: CatalogueEntry, on: _dt.date) -> dict[str, Any]:
    criteria = []
    for crit in (*rs.common_criteria, *entry.criteria):
        common = crit in rs.common_criteria
        criteria.append({
            "type": crit["type"], "text": criterion_text(crit, entry), "applies_to": _applies_to(crit),
            "common": common, "source": _cite(rs.criterion_source(crit)),
        })
    return {
        "code": entry.code,
        "name": entry.name,
        "kind": entry.kind,
        "kind_label": entry.kind_label,
        "level_label": entry.level_label,
        "subjects": [sk.label for sk in entry.subject_kinds],
        "award_kinds": [ak.label for ak in entry.award_kinds],
        "source": _cite(entry.source),
        "decided_by": entry.decided_by,
        "commune_decides": entry.commune_decides,
        "decision_note": entry.decision_note,
        "authority_source": _cite(entry.authority_source),
        "criteria": criteria,
        "vote": {"required": entry.vote_required, "threshold": entry.vote_threshold, "source": _cite(entry.vote_source)},
        "money": _money(rs, entry, on),
        "dossier": [
            {"key": it.key, "label": it.label, "required": it.required,
             "subjects": [sk.label for sk in it.subject_kinds], "award_kinds": [ak.label for ak in it.award_kinds],
             "source": _cite(it.source)}
            for it in entry.dossier
        ],
    }


def rules_overview(on: _dt.date, *, province_code: str | None = None) -> dict[str, Any]:
    """Everything the rules say on ``on``, each rule with its citation (see the module's docstring)."""
    rs = ruleset_for(on, province_code=province_code)
    step = base_salary_step(on)
    docs = legal_documents()
    cancel = cancellation_rules(on)
    year = statistics_year_of(on)
    regime = statistics_regime(year)
    start, end = regime.window(year)
    return {
        "date": on.isoformat(),
        "date_label": format_date(on),
        "ruleset": {
            "id": rs.id, "legal_basis": rs.legal_basis, "describe": rs.describe(), "law": rs.law,
            "effective_from": rs.effective_from.isoformat(),
            "effective_to": rs.effective_to.isoformat() if rs.effective_to else None,
            "province_code": rs.province_code, "notes": list(rs.notes),
        },
        "documents": [
            {"id": d, "title": docs[d].title, "period": docs[d].period_label, "status": docs[d].status}
            for d in rs.documents if d in docs
        ],
        "decision_bases": [{"text": text, "source": _cite(c)} for text, c in rs.decision_bases],
        "base_salary": {"amount": step.amount, "from": step.effective_from.isoformat(), "source": _cite(step.source)},
        "transition": {"label": str(rs.transition.get("label", "")), "source": _cite(rs.transition_source)},
        "vote": {"label": rs.vote_label, "source": _cite(rs.vote_source)},
        "money_rules": {key: _cite(c) for key, c in rs.money_sources.items()},
        "rounding_step": rs.rounding_step,
        "non_grounds": {
            "kinds": [k.label for k in rs.non_grounds_award_kinds], "source": _cite(rs.non_grounds_source),
        },
        "dossier_note": rs.dossier_note,
        "dossier_note_source": _cite(rs.dossier_note_source),
        "titles": [_entry(rs, e, on) for e in rs.catalogue.values()],
        "cancellation": {
            "effect": cancel.effect, "source": _cite(cancel.source),
            "grounds": [{"code": g.code, "label": g.label, "source": _cite(g.source)} for g in cancel.grounds],
            "authority": cancel.authority_label, "authority_source": _cite(cancel.authority_source),
        },
        "statistics": {
            "year": year, "start": start.isoformat(), "end": end.isoformat(), "label": regime.period_label,
            "source": _cite(regime.period_source), "notes": list(regime.notes),
            "forms": [
                {"code": f.code, "title": f.title, "produced": f.produced, "note": f.layout_note, "source": _cite(f.source)}
                for f in regime.forms
            ],
        },
    }
