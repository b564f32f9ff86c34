"""The deciding level's work on nominations: receive, appraise (thẩm định), approve (after the council's
vote, :mod:`tdkt_desktop.store.council`), return or reject, and issue the decision (Quyết định khen thưởng) with its list, số sổ vàng and money.

Status flow (``nominations.status``)::

    submitted ──receive──▶ received ──appraise──▶ appraised ──approve──▶ approved ──issue_decision──▶ decided
                              │                      │  ▲                  │
                              │                      └──┘ (appraise again) │
                              ├──return_nomination──▶ returned ◀───────────┤  (the unit completes it and
                              └──reject─────────────▶ rejected ◀───────────┘   submits again)

Anything else is refused with :class:`InputError` ("Đề nghị đang ở trạng thái … nên không thể …").
Appraisal judges the nominee with the rule set in force on the DECISION date (Nghị định 98/2023 before
01/07/2025, Nghị định 152/2025 after) and checks the dossier against that rule set's checklist.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.models import NominationStatus, SubjectKind, list_rank
from tdkt_desktop.core.rules import (
    ManualAmountRequired,
    RuleSet,
    award_amount,
    base_salary_on,
    base_salary_steps,
)
from tdkt_desktop.core.text import (
    InputError,
    clean,
    collate_key,
    format_date,
    format_money,
    format_number,
    person_sort_key,
    require_date,
)
from tdkt_desktop.store.accounts import APPROVER_WORK, require_role
from tdkt_desktop.store.assessment import Assessment, assess, judging_date
from tdkt_desktop.store.authority import NoAuthority, UnitTree, parties, writers
from tdkt_desktop.store.cancellations import cancellations_of_decision
from tdkt_desktop.store.council import ruleset_on
from tdkt_desktop.store.db import Row, Store, new_id, now_iso
from tdkt_desktop.store.facts import nomination_row
from tdkt_desktop.store.naming import localised_title
from tdkt_desktop.store.numbering import peek_next_number, take_number

__all__ = [
    "OFFICE_STATUSES",
    "TITLE_RANK",
    "appraisal_years",
    "appraise",
    "approve",
    "approved",
    "award_order_key",
    "check_decides_here",
    "decides_here",
    "decision_summary",
    "issue_decision",
    "issued_decisions",
    "preview_decision",
    "receive",
    "receive_many",
    "reject",
    "return_nomination",
    "sent_up",
]

S = NominationStatus

# Highest first: the order of titles in a decision's list (and of the rows of the statistical forms).
TITLE_RANK: tuple[str, ...] = (
    "CSTD_TQ",
    "CO_TD_CP",
    "BANG_KHEN_TTG",
    "CSTD_TINH",
    "CO_TD_TINH",
    "BANG_KHEN_TINH",
    "XA_TIEU_BIEU",
    "TLDXS",
    "CSTDCS",
    "THON_VAN_HOA",
    "TLDTT",
    "GIAY_KHEN_HUYEN",
    "GIAY_KHEN",
    "LDTT",
    "CSTT",
    "GIA_DINH_VAN_HOA",
)

# What each action may start from, and how the action is named in a refusal.
_ALLOWED: dict[str, tuple[tuple[NominationStatus, ...], str]] = {
    "receive": ((S.SUBMITTED,), "tiếp nhận"),
    "appraise": ((S.RECEIVED, S.APPRAISED), "thẩm định"),
    "approve": ((S.APPRAISED,), "đồng ý khen thưởng"),
    "return": ((S.RECEIVED, S.APPRAISED, S.APPROVED), "trả lại để bổ sung"),
    "reject": ((S.RECEIVED, S.APPRAISED, S.APPROVED), "không đồng ý khen thưởng"),
    "decide": ((S.APPROVED,), "đưa vào quyết định khen thưởng"),
}


# --------------------------------------------------------------------------- helpers


def _as_date(value: _dt.date | str, label: str = "Ngày quyết định") -> _dt.date:
    return require_date(value, field=label)


def _status_label(value: str | None) -> str:
    try:
        return S(value or S.DRAFT.value).label
    except ValueError:
        return str(value)


def _check_transition(store: Store, nom: Row, action: str) -> None:
    """Refuse ``action`` on a nomination this office does not decide (:func:`check_decides_here`) or whose status
    does not allow it."""
    allowed, verb = _ALLOWED[action]
    check_decides_here(store, nom, verb)
    if nom.get("status") not in {s.value for s in allowed}:
        name = nom.get("subject_name") or ""
        raise InputError(
            f"Đề nghị khen thưởng {name} đang ở trạng thái “{_status_label(nom.get('status'))}” nên không thể {verb}.",
            field="Trạng thái",
            value=nom.get("status"),
        )


def _title_name(store: Store, rs: RuleSet | None, code: str, *, unit_code: str | None = None) -> str:
    """The award's name in the words of the deciding unit ("Giấy khen của Chủ tịch Ủy ban nhân dân phường")."""
    name = rs.catalogue[code].name if rs is not None and code in rs.catalogue else None
    return localised_title(store, code, unit_code=unit_code, name=name)


def _pct(value: float) -> str:
    return f"{format_number(round(value, 2), decimals=2).rstrip('0').rstrip(',')}%"


def _loads(text: Any) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def award_order_key(title_code: str, subject_kind: str, name: str) -> tuple[Any, ...]:
    """Order of a decision's list: title rank (highest first), then collectives, people, households,
    then Vietnamese name order — people by given name (then full name), others by their whole name."""
    rank = TITLE_RANK.index(title_code) if title_code in TITLE_RANK else len(TITLE_RANK)
    name_key = person_sort_key(name) if subject_kind == SubjectKind.PERSON.value else (collate_key(name),)
    return (rank, list_rank(subject_kind), name_key)


# --------------------------------------------------------------------------- receive


def decides_here(store: Store, nomination: Row) -> bool:
    """Whether this installation appraises and decides the nomination: it is the nomination's appraising office in
    the authority table (:func:`tdkt_desktop.store.authority.parties`) — a commune for the titles a commune
    decides (LĐTT, CSTĐCS, Giấy khen… from 01/7/2025, Nghị định 152/2025/NĐ-CP) of its own and its sub-units'
    nominations, its upper office for the others. An installation without a unit decides what it holds."""
    if not store.unit_code:
        return True
    return _appraiser(store, nomination) == store.unit_code


def _appraiser(store: Store, nomination: Row, tree: UnitTree | None = None) -> str:
    row = {**nomination, "owner_unit": nomination.get("owner_unit") or store.unit_code}  # one being written here
    return parties(tree or store.unit_tree(), "nominations", row).appraiser or ""


def _unit_words(store: Store, code: str) -> str:
    unit = store.unit_by_code(code)
    return f"{unit['name']} ({code})" if unit is not None and unit.get("name") else f"đơn vị {code}"


def check_decides_here(store: Store, nomination: Row, verb: str) -> None:
    """Refuse (:class:`~tdkt_desktop.store.authority.NoAuthority`) to ``verb`` a nomination another office
    appraises and decides, naming that office and what this unit does instead."""
    if decides_here(store, nomination):
        return
    appraising = _appraiser(store, nomination)
    name = nomination.get("subject_name") or ""
    title = _title_name(store, None, str(nomination.get("title_code") or ""))
    own = store.unit_code in writers(store.unit_tree(), str(nomination.get("owner_unit") or store.unit_code))
    then = (" Đơn vị gửi đề nghị lên (tdkt nominations submit, rồi tdkt bundle export) để cấp trên xét; chưa có gì "
            "thay đổi." if own else " Việc này thuộc đơn vị đó; chưa có gì thay đổi.")
    raise NoAuthority(
        f"Không thể {verb}: đề nghị khen thưởng {name} ({title}) do {_unit_words(store, appraising)} thẩm định và "
        f"quyết định, không phải {_unit_words(store, str(store.unit_code))}.{then}"
    )


# Statuses the deciding office works on (drafts stay with the unit that writes them).
OFFICE_STATUSES = tuple(s.value for s in NominationStatus if s is not NominationStatus.DRAFT)


def appraisal_years(store: Store) -> list[int]:
    """The years of the nominations sent up to this office (newest first)."""
    marks = ", ".join("?" for _ in OFFICE_STATUSES)
    rows = store.db.execute(
        f"SELECT DISTINCT year FROM nominations WHERE deleted = 0 AND status IN ({marks}) ORDER BY year DESC",
        list(OFFICE_STATUSES),
    ).fetchall()
    return [int(r[0]) for r in rows]


def sent_up(store: Store, *, year: int | None = None) -> list[Row]:
    """The nominations this office works on: those it decides (:func:`decides_here`; the others go to the office
    that does), sent up (every status but draft), of ``year`` when given."""
    marks = ", ".join("?" for _ in OFFICE_STATUSES)
    where = f"status IN ({marks})"
    params: list[Any] = list(OFFICE_STATUSES)
    if year is not None:
        where += " AND year = ?"
        params.append(int(year))
    rows = store.rows("nominations", where, params)
    here = store.unit_code
    if not here:
        return rows  # an installation without a unit decides what it holds
    tree = store.unit_tree()  # read once: a province's year holds tens of thousands of nominations
    return [n for n in rows if _appraiser(store, n, tree) == here]


def approved(store: Store) -> list[Row]:
    """The nominations approved and waiting for a decision, in the decision list's order."""
    rows = store.rows("nominations", "status = ?", [S.APPROVED.value])
    return sorted(rows, key=lambda n: award_order_key(n["title_code"], n["subject_kind"], n["subject_name"]))


def issued_decisions(store: Store) -> list[Row]:
    """The decisions this unit issued, newest first, each with ``awardee_count``."""
    counts = {str(r[0]): int(r[1]) for r in store.db.execute(
        "SELECT decision_id, COUNT(*) FROM decision_awardees WHERE deleted = 0 GROUP BY decision_id").fetchall()}
    return [{**d, "awardee_count": counts.get(str(d["id"]), 0)}
            for d in store.rows("decisions", "issuer_unit = ?", [store.unit_code],
                                order_by="decision_date DESC, number DESC")]


def receive(store: Store, nomination_id: str) -> Row:
    """A nomination arriving from a unit: submitted → received."""
    with store.atomic():
        nom = store.require("nominations", nomination_id)
        _check_transition(store, nom, "receive")
        return store.update("nominations", nomination_id, {"status": S.RECEIVED.value, "status_reason": None})


def receive_many(store: Store, *, nomination_ids: Iterable[str]) -> int:
    """Receive several nominations at once (all or none); returns how many."""
    ids = list(nomination_ids)
    with store.atomic():
        for nomination_id in ids:
            receive(store, nomination_id)
    return len(ids)


# --------------------------------------------------------------------------- appraisal

DOSSIER_SEEN = "dossier_seen"  # in eligibility_json: the dossier items the appraising office ticked as received


def as_appraised(nomination: Row) -> Row:
    """The nomination with its dossier as the appraising office sees it: the unit's checklist (``dossier_json``,
    the unit's to write) with the items the office ticked as received (kept with its appraisal, an appraisal
    field) — what :func:`appraise` and the appraisal panel assess."""
    appraisal = _loads(nomination.get("eligibility_json"))
    seen = appraisal.get(DOSSIER_SEEN) if isinstance(appraisal, dict) else None
    if not seen:
        return nomination
    own = _loads(nomination.get("dossier_json"))
    return {**nomination, "dossier_json": json.dumps({**(own if isinstance(own, dict) else {}), **seen},
                                                     ensure_ascii=False)}



def appraise(
    store: Store,
    nomination_id: str,
    *,
    decision_date: _dt.date,
    dossier: Mapping[str, bool] | None = None,
    note: str | None = None,
    receive_first: bool = False,
) -> Assessment:
    """Thẩm định: :func:`~tdkt_desktop.store.assessment.assess` the nomination on ``decision_date`` (the
    rule set in force then, its dossier checklist, the council vote) — ``dossier`` (item key → present) is
    merged into the checklist first: the unit's own (``dossier_json``) where this unit writes the nomination,
    else the appraising office's record of what it received (:func:`as_appraised`). Stores the result (``eligibility_json``) and the note, and sets
    the status to appraised. With ``receive_first`` a nomination still sent up is received in the same
    transaction."""
    day = _as_date(decision_date)
    with store.atomic():
        if receive_first and store.require("nominations", nomination_id)["status"] == S.SUBMITTED.value:
            receive(store, nomination_id)
        nom = store.require("nominations", nomination_id)
        _check_transition(store, nom, "appraise")
        ticks = {str(k): (v if isinstance(v, dict) else bool(v)) for k, v in (dossier or {}).items()}
        previous = _loads(nom.get("eligibility_json"))
        seen = dict((previous or {}).get(DOSSIER_SEEN) or {}) if isinstance(previous, dict) else {}
        if ticks and store.unit_code in writers(store.unit_tree(), str(nom.get("owner_unit") or store.unit_code)):
            stored = _loads(nom.get("dossier_json")) or {}
            if not isinstance(stored, dict):
                stored = {}
            stored.update(ticks)
            nom = store.update("nominations", nomination_id, {"dossier_json": stored})
        else:
            seen.update(ticks)  # the unit's dossier field is the unit's: the office keeps what it received
        outcome = assess(store, as_appraised({**nom, "eligibility_json": json.dumps({DOSSIER_SEEN: seen})}), day)
        store.update(
            "nominations",
            nomination_id,
            {
                "eligibility_json": {**outcome.to_dict(), "appraised_at": now_iso(), **({DOSSIER_SEEN: seen} if seen else {})},
                "appraisal_note": note if note is not None else nom.get("appraisal_note"),
                "status": S.APPRAISED.value,
                "status_reason": None,
            },
        )
    return outcome


# --------------------------------------------------------------------------- approve, return, reject


def approve(store: Store, nomination_id: str, *, note: str | None = None) -> Row:
    """appraised → approved. Refused when the appraisal found the nominee ineligible or the dossier
    incomplete, or when the title needs a council vote and no passing vote is recorded."""
    require_role(store, APPROVER_WORK, "duyệt đề nghị khen thưởng")
    with store.atomic():
        nom = store.require("nominations", nomination_id)
        _check_transition(store, nom, "approve")
        appraisal = _loads(nom.get("eligibility_json")) or {}
        name = nom["subject_name"]
        problems: list[str] = []
        if not appraisal.get("eligible", False):
            problems += [c["detail"] for c in appraisal.get("checks", []) if c.get("passed") is False and c.get("criterion") != "vote_share"]
            if not problems:
                problems.append("kết quả thẩm định chưa đạt tiêu chuẩn")
        if not appraisal.get("dossier_complete", False):
            problems += [f"thiếu hồ sơ: {m['label']}" for m in appraisal.get("missing_dossier", [])] or ["hồ sơ chưa đầy đủ"]
        now = assess(store, nom, appraisal.get("decision_date") or judging_date(nom))  # the vote as it stands
        title, threshold, vote = now.title_name, now.vote_threshold, now.vote
        if now.vote_required and threshold is None and vote is None:
            problems.append(
                f"{title} cần Hội đồng Thi đua – Khen thưởng biểu quyết (ngưỡng theo quy chế của Hội đồng: "
                f"{now.vote_rule_note or 'chưa đối chiếu được văn bản'}); chưa có kết quả bỏ phiếu"
            )
        if threshold is not None and vote is None:
            problems.append(
                f"{title} cần Hội đồng Thi đua – Khen thưởng biểu quyết đồng ý từ {_pct(threshold)} tổng số thành "
                "viên; chưa có kết quả bỏ phiếu"
            )
        elif threshold is not None and vote is not None and not now.vote_passed:
            problems.append(
                f"kết quả bỏ phiếu {vote.votes_for}/{vote.total_members} thành viên Hội đồng, bằng "
                f"{_pct(vote.share)} tổng số thành viên, chưa đạt tỷ lệ từ {_pct(threshold)}"
            )
        if problems:
            raise InputError(f"Chưa thể đồng ý khen thưởng {name} ({title}): " + "; ".join(problems) + ".")
        changes: dict[str, Any] = {"status": S.APPROVED.value, "status_reason": None}
        if note is not None:
            changes["appraisal_note"] = note
        return store.update("nominations", nomination_id, changes)


def return_nomination(store: Store, nomination_id: str, *, reasons: list[str]) -> Row:
    """Return the dossier to the unit for completion, with the reasons (required)."""
    cleaned = [clean(r) for r in reasons or [] if clean(r)]
    if not cleaned:
        raise InputError("Trả lại hồ sơ cần ghi rõ lý do (ví dụ: thiếu báo cáo thành tích).", field="Lý do")
    with store.atomic():
        nom = store.require("nominations", nomination_id)
        _check_transition(store, nom, "return")
        return store.update(
            "nominations", nomination_id, {"status": S.RETURNED.value, "status_reason": "\n".join(cleaned)}
        )


def reject(store: Store, nomination_id: str, *, reason: str) -> Row:
    """Không đồng ý khen thưởng, with the reason (required)."""
    text = clean(reason)
    if not text:
        raise InputError("Không đồng ý khen thưởng cần ghi rõ lý do.", field="Lý do")
    require_role(store, APPROVER_WORK, "quyết định không khen thưởng")
    with store.atomic():
        nom = store.require("nominations", nomination_id)
        _check_transition(store, nom, "reject")
        return store.update("nominations", nomination_id, {"status": S.REJECTED.value, "status_reason": text})


# --------------------------------------------------------------------------- decisions


def _period(nom: Row) -> str:
    return nom.get("period") or str(nom["year"])


def _previous_payments(store: Store, subject_id: str, period: str) -> list[Row]:
    """Awards already decided for this subject and period (live decisions), with what was paid."""
    return list(
        store.db.query(
            """SELECT a.title_code, a.amount, a.nomination_id, d.number, d.doc_code, d.decision_date
               FROM decision_awardees a
               JOIN decisions d ON d.id = a.decision_id
               JOIN nominations n ON n.id = a.nomination_id
               WHERE a.deleted = 0 AND d.deleted = 0 AND COALESCE(d.status, '') != 'cancelled'
                 AND a.id NOT IN (SELECT awardee_id FROM award_cancellations WHERE deleted = 0)
                 AND a.subject_id = ? AND COALESCE(n.period, CAST(n.year AS TEXT)) = ?""",
            [subject_id, period],
        )
    )


@dataclass
class _Pay:
    amount: int
    full: int
    note: str = ""


def _full_amounts(
    store: Store, rs: RuleSet, day: _dt.date, noms: list[Row], amounts: Mapping[str, int] | None
) -> dict[str, int]:
    """Each nomination's own amount: coefficient × base salary, or — where the texts could not confirm the
    figure — the amount entered by hand (``amounts``: nomination id → đồng). All the missing hand-entered
    amounts are named in one message."""
    given = dict(amounts or {})
    out: dict[str, int] = {}
    missing: list[str] = []
    for n in noms:
        if n["id"] in given:
            value = given[n["id"]]
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(
                    f"Tiền thưởng của {n['subject_name']} phải là số đồng không âm.", field="Tiền thưởng", value=value
                )
            out[n["id"]] = value
            continue
        try:
            out[n["id"]] = award_amount(n["title_code"], n["subject_kind"], day, ruleset=rs,
                                        title=_title_name(store, rs, n["title_code"]))
        except ManualAmountRequired as exc:
            missing.append(f"{n['subject_name']} — {exc.message}")
    if missing:
        raise ManualAmountRequired(
            "Cần nhập tiền thưởng cho: " + "; ".join(missing), field="Tiền thưởng", value=len(missing)
        )
    return out


def _payments(
    store: Store, rs: RuleSet, day: _dt.date, ordered: list[Row], amounts: Mapping[str, int] | None = None
) -> dict[str, _Pay]:
    """Money per nomination. For one subject and period only the highest award is paid (per kind —
    danh hiệu / hình thức — under ``same_period = highest_per_kind``), counting what earlier decisions
    already paid: the highest new award gets only what is still due (its amount minus what was paid),
    the others 0, each with a note."""

    def group(code: str) -> str:
        return rs.entry(code).kind if rs.same_period == "highest_per_kind" else "*"

    every = _full_amounts(store, rs, day, ordered, amounts)

    out: dict[str, _Pay] = {}
    by_subject: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for nom in ordered:
        by_subject[(nom["subject_id"], _period(nom))].append(nom)
    for (subject_id, period), noms in by_subject.items():
        previous = _previous_payments(store, subject_id, period)
        groups: dict[str, list[Row]] = defaultdict(list)
        for n in noms:
            groups[group(n["title_code"])].append(n)
        for g, members in groups.items():
            full = {n["id"]: every[n["id"]] for n in members}
            prev = [p for p in previous if p["title_code"] in rs.catalogue and group(p["title_code"]) == g]
            already = sum(int(p["amount"] or 0) for p in prev)
            prev_best = max(prev, key=lambda p: int(p["amount"] or 0), default=None)
            best = members[0]
            for n in members:
                if full[n["id"]] > full[best["id"]]:
                    best = n
            for n in members:
                amount = full[n["id"]]
                if amount == 0:
                    out[n["id"]] = _Pay(0, 0, "Không có mức tiền thưởng")
                elif n is best and amount > already:
                    note = ""
                    if already and prev_best is not None:
                        note = (
                            f"Cùng kỳ đã nhận {format_money(already)} ({_title_name(store, rs, prev_best['title_code'])}, "
                            f"Quyết định số {_decision_code(prev_best)}); chỉ chi phần chênh lệch để hưởng mức cao nhất"
                        )
                    out[n["id"]] = _Pay(amount - already, amount, note)
                elif n is best:
                    assert prev_best is not None
                    out[n["id"]] = _Pay(
                        0,
                        amount,
                        f"Cùng kỳ đã nhận mức thưởng cao hơn ({_title_name(store, rs, prev_best['title_code'])}, "
                        f"Quyết định số {_decision_code(prev_best)}); chỉ nhận mức cao nhất",
                    )
                else:
                    out[n["id"]] = _Pay(
                        0,
                        amount,
                        f"Cùng kỳ được tặng {_title_name(store, rs, best['title_code'])} có mức thưởng cao hơn; chỉ nhận mức cao nhất",
                    )
    return out


def _decision_code(row: Row) -> str:
    number = row.get("number") or ""
    code = row.get("doc_code") or ""
    text = f"{number}/{code}" if number and code else (number or code)
    if row.get("decision_date"):
        text += f" ngày {format_date(row['decision_date'])}"
    return text


def _default_subject(store: Store, rs: RuleSet, noms: list[Row], year: int, unit_code: str) -> str:
    codes = list(dict.fromkeys(n["title_code"] for n in noms))
    kinds = {rs.entry(c).kind for c in codes}
    if len(codes) == 1:
        name = _title_name(store, rs, codes[0], unit_code=unit_code)
        if kinds == {"danh_hieu"}:
            return f"Về việc tặng danh hiệu “{name}” năm {year}"
        return f"Về việc tặng {name}"
    if kinds == {"danh_hieu"}:
        return f"Về việc tặng danh hiệu thi đua năm {year}"
    if kinds == {"hinh_thuc"}:
        return f"Về việc khen thưởng năm {year}"
    return f"Về việc tặng danh hiệu thi đua và khen thưởng năm {year}"


def _issuer_name(store: Store, unit_code: str) -> str:
    unit = store.unit_by_code(unit_code)
    if unit is None:
        return "Ủy ban nhân dân"
    name = unit["name"]
    return f"Ủy ban nhân dân {name[:1].lower()}{name[1:]}"


def issue_decision(store: Store, nomination_ids: Iterable[str], **details: Any) -> Row:
    """Issue a Quyết định khen thưởng (:func:`_issue_decision`): on an office's server, the work of an approver."""
    require_role(store, APPROVER_WORK, "ký quyết định khen thưởng")
    return _issue_decision(store, nomination_ids, **details)


def _issue_decision(
    store: Store,
    nomination_ids: Iterable[str],
    *,
    decision_date: _dt.date,
    signer: str,
    signer_title: str,
    subject: str | None = None,
    issuer_unit: str | None = None,
    amounts: Mapping[str, int] | None = None,
) -> Row:
    """Issue a Quyết định khen thưởng for APPROVED nominations, in one transaction: the number from the
    register ("QĐ"), số sổ vàng in list order (:func:`award_order_key`), money per awardee
    (coefficient × base salary on the decision date, rounded up to 10.000 đ; only the highest award of a
    subject in a period is paid), the decision and its list, the nominations set to decided, and the
    awards added to each awardee's history. ``amounts`` (nomination id → đồng) gives the amounts the texts
    could not confirm (:class:`ManualAmountRequired` names them when missing). Returns the decision row."""
    ids = list(dict.fromkeys(nomination_ids))
    if not ids:
        raise InputError("Chưa chọn đề nghị khen thưởng nào để đưa vào quyết định.")
    if not clean(signer) or not clean(signer_title):
        raise InputError("Quyết định cần ghi người ký và chức vụ người ký.", field="Người ký")
    day = _as_date(decision_date)
    issuer = clean(issuer_unit) or store.unit_code
    if not issuer:
        raise InputError("Chưa khai báo đơn vị ban hành quyết định.", field="Đơn vị ban hành")
    rs = ruleset_on(store, day)
    base = base_salary_on(day)
    with store.atomic():
        noms = [nomination_row(store, i) for i in ids]
        for nom in noms:
            _check_transition(store, nom, "decide")
            rs.entry(nom["title_code"])
        seen: dict[tuple[str, str, str], str] = {}
        for nom in noms:
            key = (nom["subject_id"], nom["title_code"], _period(nom))
            if key in seen:
                raise InputError(
                    f"{nom['subject_name']} có hai đề nghị {_title_name(store, rs, nom['title_code'])} cùng kỳ "
                    f"{_period(nom)}: một thành tích chỉ được khen thưởng một lần."
                )
            seen[key] = nom["id"]
        ordered = sorted(noms, key=lambda n: award_order_key(n["title_code"], n["subject_kind"], n["subject_name"]))
        pays = _payments(store, rs, day, ordered, amounts)
        decision_id = new_id()
        year = max(int(n["year"]) for n in noms)
        subject_text = clean(subject) or _default_subject(store, rs, ordered, year, issuer)
        issued = take_number(
            store, doc_type="QĐ", issued_on=day, record_table="decisions", record_id=decision_id,
            subject=subject_text, unit_code=issuer,
        )
        notes = [
            f"Số sổ vàng {i} – {n['subject_name']} ({_title_name(store, rs, n['title_code'])}): {pays[n['id']].note}."
            for i, n in enumerate(ordered, 1)
            if pays[n["id"]].note and pays[n["id"]].full
        ]
        total = sum(p.amount for p in pays.values())
        decision = store.insert(
            "decisions",
            {
                "number": f"{issued.number:02d}",
                "doc_code": issued.suffix,
                "decision_date": day.isoformat(),
                "signer": clean(signer),
                "signer_title": clean(signer_title),
                "issuer_unit": issuer,
                "subject": subject_text,
                "base_salary": base,
                "total_amount": total,
                "status": "issued",
                "notes": "\n".join(notes) or None,
            },
            record_id=decision_id,
            owner_unit=issuer,
        )
        issuer_name = _issuer_name(store, issuer)
        for so_vang, nom in enumerate(ordered, 1):
            store.insert(
                "decision_awardees",
                {
                    "decision_id": decision_id,
                    "nomination_id": nom["id"],
                    "subject_kind": nom["subject_kind"],
                    "subject_id": nom["subject_id"],
                    "subject_name": nom["subject_name"],
                    "title_code": nom["title_code"],
                    "so_vang": so_vang,
                    "amount": pays[nom["id"]].amount,
                },
                owner_unit=issuer,
            )
            store.update(
                "nominations", nom["id"], {"status": S.DECIDED.value, "status_reason": f"Quyết định số {issued.code}"}
            )
            store.insert(
                "award_history",
                {
                    "subject_kind": nom["subject_kind"],
                    "subject_id": nom["subject_id"],
                    "year": int(nom["year"]),
                    "code": nom["title_code"],
                    "award_name": _title_name(store, rs, nom["title_code"], unit_code=issuer),
                    "award_kind": nom["award_kind"],
                    "decision_number": issued.code,
                    "decision_date": day.isoformat(),
                    "issuer": issuer_name,
                    "source": "decision",
                },
                owner_unit=issuer,
            )
    return decision


def preview_decision(
    store: Store,
    nomination_ids: list[str],
    *,
    decision_date: _dt.date,
    signer: str = "",
    signer_title: str = "",
    subject: str | None = None,
) -> dict[str, Any]:
    """What :func:`issue_decision` would give — the number it would take, the list in số sổ vàng order with
    each awardee's money, the total (:func:`decision_summary`) — found by issuing it in a transaction that is
    always rolled back: nothing is kept, not even the number. ``number`` is the code the next decision takes
    (unless someone else issues one first)."""
    if not nomination_ids:
        raise InputError("Chưa chọn đề nghị khen thưởng nào để đưa vào quyết định.", field="Đề nghị")
    peek = peek_next_number(store, doc_type="QĐ", issued_on=decision_date)
    conn = store.db.conn
    if conn.in_transaction:
        raise InputError("Cơ sở dữ liệu đang bận; hãy thử lại.")
    conn.execute("BEGIN IMMEDIATE")
    try:
        decision = _issue_decision(store, nomination_ids, decision_date=decision_date, signer=signer or "—",
                                  signer_title=signer_title or "—", subject=subject)
        summary = decision_summary(store, decision["id"])
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return {**summary, "number": peek.code}


def _salary_basis(day: _dt.date) -> str:
    steps = [s for s in base_salary_steps() if s.effective_from <= day]
    return steps[-1].legal_basis if steps else ""


def _subject_details(store: Store, kind: str, subject_id: str | None) -> dict[str, Any]:
    if not subject_id:
        return {}
    if kind == SubjectKind.PERSON.value:
        p = store.get("people", subject_id, include_deleted=True) or {}
        unit = store.unit_by_code(p["unit_code"]) if p.get("unit_code") else None
        return {
            "position": p.get("position") or "",
            "workplace": p.get("workplace") or (unit["name"] if unit else ""),
            "gender": p.get("gender") or "",
            "nominee_class": p.get("nominee_class") or "",
        }
    if kind == SubjectKind.COLLECTIVE.value:
        c = store.get("collectives", subject_id, include_deleted=True) or {}
        unit = store.unit_by_code(c["unit_code"]) if c.get("unit_code") else None
        return {"position": "", "workplace": unit["name"] if unit else "", "nominee_class": c.get("nominee_class") or ""}
    h = store.get("households", subject_id, include_deleted=True) or {}
    return {"position": "", "workplace": h.get("address") or "", "nominee_class": ""}


def decision_summary(store: Store, decision_id: str) -> dict[str, Any]:
    """Everything printing needs for a decision and its attached list: number, date, signer, legal
    bases, base salary, awardees in số sổ vàng order (name, position, unit, title, amount, note),
    groups by title, and totals."""
    decision = store.get("decisions", decision_id, include_deleted=True)
    if decision is None:
        raise InputError(f"Không tìm thấy quyết định khen thưởng có mã {decision_id}.")
    day = _as_date(decision["decision_date"])
    rs = ruleset_on(store, day)
    rows = store.rows("decision_awardees", "decision_id = ?", [decision_id], order_by="so_vang, subject_name")
    cancelled = cancellations_of_decision(store, decision_id)
    awardees: list[dict[str, Any]] = []
    proposers: list[str] = []
    for a in rows:
        nom = store.get("nominations", a["nomination_id"], include_deleted=True) if a.get("nomination_id") else None
        details = _subject_details(store, a["subject_kind"], a.get("subject_id"))
        try:
            full = award_amount(a["title_code"], a["subject_kind"], day, ruleset=rs)
        except InputError:  # ManualAmountRequired too: the amount was entered by hand
            full = int(a.get("amount") or 0)
        amount = int(a.get("amount") or 0)
        note = ""
        if full == 0:
            note = "Không có mức tiền thưởng"
        elif amount == 0:
            note = "Cùng kỳ đã nhận mức thưởng cao hơn; chỉ nhận mức cao nhất"
        elif amount < full:
            note = "Chỉ chi phần chênh lệch so với mức đã nhận cùng kỳ"
        entry = rs.catalogue.get(a["title_code"])
        if nom and nom.get("unit_code"):
            unit = store.unit_by_code(nom["unit_code"])
            label = unit["name"] if unit else nom["unit_code"]
            if label not in proposers:
                proposers.append(label)
        awardees.append(
            {
                "id": a["id"],
                "so_vang": a.get("so_vang"),
                "subject_kind": a["subject_kind"],
                "subject_label": SubjectKind(a["subject_kind"]).label,
                "subject_id": a.get("subject_id"),
                "name": a["subject_name"],
                "position": details.get("position", ""),
                "workplace": details.get("workplace", ""),
                "gender": details.get("gender", ""),
                "nominee_class": (nom or {}).get("nominee_class") or details.get("nominee_class", ""),
                "title_code": a["title_code"],
                "title_name": _title_name(store, rs, a["title_code"], unit_code=decision.get("issuer_unit")),
                "title_kind": entry.kind if entry else "",
                "award_kind": (nom or {}).get("award_kind") or "",
                "achievement": (nom or {}).get("achievement") or "",
                "nomination_id": a.get("nomination_id"),
                "amount": amount,
                "full_amount": full,
                "note": note,
                # hủy bỏ (Luật Thi đua, khen thưởng 2022, Điều 93): the sổ vàng line is marked, money to recover
                "cancelled": (
                    {"code": f"{cancelled[a['id']]['number']}/{cancelled[a['id']]['doc_code']}",
                     "date": cancelled[a["id"]]["cancel_date"], "ground": cancelled[a["id"]]["ground"],
                     "amount_to_recover": int(cancelled[a["id"]]["amount_to_recover"] or 0),
                     "recovered_on": cancelled[a["id"]].get("recovered_on")}
                    if a["id"] in cancelled else None
                ),
            }
        )
    groups: list[dict[str, Any]] = []
    for a in awardees:
        key = (a["title_code"], a["subject_kind"])
        if not groups or (groups[-1]["title_code"], groups[-1]["subject_kind"]) != key:
            groups.append(
                {"title_code": a["title_code"], "title_name": a["title_name"], "subject_kind": a["subject_kind"],
                 "subject_label": a["subject_label"], "awardees": [], "count": 0, "amount": 0}
            )
        groups[-1]["awardees"].append(a)
        groups[-1]["count"] += 1
        groups[-1]["amount"] += a["amount"]
    count_by: dict[str, int] = defaultdict(int)
    for a in awardees:
        count_by[a["subject_kind"]] += 1
    number = decision.get("number") or ""
    code = f"{number}/{decision['doc_code']}" if number and decision.get("doc_code") else number
    legal = [b for b in (rs.law, rs.legal_basis, rs.money_legal_basis, _salary_basis(day)) if b]
    return {
        "decision": decision,
        "id": decision_id,
        "number": number,
        "code": code,
        "date": day,
        "signer": decision.get("signer") or "",
        "signer_title": decision.get("signer_title") or "",
        "subject": decision.get("subject") or "",
        "issuer_unit": decision.get("issuer_unit"),
        "issuer_name": _issuer_name(store, decision["issuer_unit"]) if decision.get("issuer_unit") else "",
        "status": decision.get("status"),
        "deleted": bool(decision.get("deleted")),
        "base_salary": int(decision.get("base_salary") or base_salary_on(day)),
        "base_salary_basis": _salary_basis(day),
        "ruleset_id": rs.id,
        "legal_bases": list(dict.fromkeys(legal)),
        "proposers": proposers,
        "awardees": awardees,
        "groups": groups,
        "totals": {
            "count": len(awardees),
            "persons": count_by[SubjectKind.PERSON.value],
            "collectives": count_by[SubjectKind.COLLECTIVE.value],
            "households": count_by[SubjectKind.HOUSEHOLD.value],
            "paid": sum(1 for a in awardees if a["amount"] > 0),
            "amount": sum(a["amount"] for a in awardees),
        },
        "notes": decision.get("notes") or "",
    }
