"""The verdict on one nomination on a date — computed here once, for the nomination editor (as the unit
types), the appraisal panel (before the office decides) and ``office.appraise`` (which stores it).

:func:`assess` writes nothing: the facts (:func:`~tdkt_desktop.store.facts.nominee_facts`) against the rule set
in force on the date for this installation's province, the dossier against that rule set's checklist, the
council vote against its threshold. A nomination being edited is assessed from its current values (its
checklist as ticked), a stored one from the database.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.eligibility import Check, EligibilityResult, check
from tdkt_desktop.core.models import AwardKind, period_label
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.rules import RuleSet, dossier_for, vote_passes, vote_share
from tdkt_desktop.core.text import require_date
from tdkt_desktop.store.council import required_of, ruleset_on, threshold_of
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.facts import dossier_items, latest_vote, nomination_row, nominee_facts, pending_titles
from tdkt_desktop.store.naming import localised_title, naming_of

__all__ = ["Assessment", "DossierLine", "VoteState", "assess", "dossier_lines", "judging_date"]

# Verdicts, for the front ends to word.
NOT_IN_RULES, NOT_ELIGIBLE, TO_REVIEW, ELIGIBLE = "not_in_rules", "not_eligible", "to_review", "eligible"


def judging_date(nomination: Row) -> _dt.date:
    """The date a nomination is judged on before a decision date is chosen: 31/12 of its year."""
    return _dt.date(int(nomination["year"]), 12, 31)


@dataclass(frozen=True)
class DossierLine:
    """One document of the checklist of the rule set in force, and whether the dossier has it."""

    key: str
    label: str
    required: bool
    note: str
    present: bool

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "required": self.required, "note": self.note,
                "present": self.present}


@dataclass(frozen=True)
class VoteState:
    """The latest council vote on the nomination; the share is of ALL the council's members."""

    votes_for: int
    total_members: int
    present: int
    written: int
    meeting_date: str
    session_id: str
    share: float

    def to_dict(self) -> dict[str, Any]:
        return {"votes_for": self.votes_for, "total_members": self.total_members, "present": self.present,
                "written": self.written, "meeting_date": self.meeting_date, "session_id": self.session_id,
                "share": self.share}


@dataclass
class Assessment:
    """A nomination judged on ``on_date``. ``eligible`` leaves the council vote aside (it may come after
    the appraisal); ``vote_passed`` is ``None`` while no vote is recorded or none is needed."""

    nomination_id: str | None
    title_code: str
    title_name: str
    on_date: _dt.date
    ruleset_id: str
    ruleset_basis: str
    known_title: bool
    eligibility: EligibilityResult
    dossier: list[DossierLine] = field(default_factory=list)
    vote_needed: bool = False  # the title needs the council's vote (its threshold may be left to the council)
    vote_threshold: float | None = None
    vote_rule_note: str = ""  # where no text confirmed the threshold: what the rule set says instead
    vote: VoteState | None = None
    pending: list[str] = field(default_factory=list)  # notes on titles of the same round still on their way

    @property
    def checks(self) -> list[Check]:
        """The criteria, the council vote left out (see ``vote_*``)."""
        return [c for c in self.eligibility.checks if c.criterion != "vote_share"]

    @property
    def eligible(self) -> bool:
        return self.known_title and all(c.passed is not False for c in self.checks)

    @property
    def missing(self) -> list[DossierLine]:
        return [line for line in self.dossier if line.required and not line.present]

    @property
    def dossier_complete(self) -> bool:
        return not self.missing

    @property
    def vote_required(self) -> bool:
        return self.vote_needed

    @property
    def vote_passed(self) -> bool | None:
        if self.vote_threshold is None or self.vote is None:
            return None
        return vote_passes(self.vote.votes_for, self.vote.total_members, self.vote_threshold)

    @property
    def ok(self) -> bool:
        """Eligible, dossier complete and (where required) a passing council vote."""
        return self.eligible and self.dossier_complete and (not self.vote_required or bool(self.vote_passed))

    @property
    def verdict(self) -> str:
        """On the criteria: not_in_rules, not_eligible, to_review (met where a computer can tell) or eligible."""
        if not self.known_title:
            return NOT_IN_RULES
        if not self.eligible:
            return NOT_ELIGIBLE
        return TO_REVIEW if self.to_review else ELIGIBLE

    @property
    def reasons(self) -> list[str]:
        """What stands in the way: criteria not met, documents missing, a council vote that did not pass."""
        out = [c.detail for c in self.checks if c.passed is False]
        out += [f"Thiếu hồ sơ: {line.label}" for line in self.missing]
        if self.vote_passed is False:
            out += [c.detail for c in self.eligibility.checks if c.criterion == "vote_share" and c.passed is False]
        return out

    @property
    def return_reasons(self) -> list[str]:
        """Reasons to give the unit when the dossier is returned for completion."""
        return [f"Thiếu {line.label[:1].lower()}{line.label[1:]}" for line in self.missing]

    @property
    def to_review(self) -> list[str]:
        """Criteria a person has to judge."""
        return [c.label for c in self.checks if c.passed is None]

    @property
    def notes(self) -> list[str]:
        return [*self.eligibility.notes, *self.pending]

    @property
    def recommendation(self) -> str:
        """reject, return (dossier), vote (council) or approve."""
        if not self.eligible:
            return "reject"
        if self.missing:
            return "return"
        if self.vote_required and (self.vote is None or (self.vote_threshold is not None and not self.vote_passed)):
            return "vote"
        return "approve"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe; what ``appraise`` stores in ``eligibility_json``."""
        return {
            "ok": self.ok,
            "verdict": self.verdict,
            "eligible": self.eligible,
            "dossier_complete": self.dossier_complete,
            "vote_required": self.vote_required,
            "vote_threshold": self.vote_threshold,
            "vote_passed": self.vote_passed,
            "decision_date": self.on_date.isoformat(),
            "title_code": self.title_code,
            "title_name": self.title_name,
            "ruleset_id": self.ruleset_id,
            "ruleset_basis": self.ruleset_basis,
            "checks": [
                {"label": c.label, "passed": c.passed, "detail": c.detail, "criterion": c.criterion}
                for c in self.eligibility.checks
            ],
            "missing_dossier": [{"key": line.key, "label": line.label} for line in self.missing],
            "reasons": self.reasons,
            "to_review": self.to_review,
            "notes": self.notes,
            "recommendation": self.recommendation,
        }


def dossier_lines(ruleset: RuleSet, nomination: Row) -> list[DossierLine]:
    """The checklist of the rule set for the nomination's title, kind of nominee and kind of award, each
    document with whether the nomination's dossier has it (empty for a title outside the rule set)."""
    code = str(nomination["title_code"])
    if code not in ruleset.catalogue:
        return []
    present = dossier_items(nomination)
    items = dossier_for(ruleset, code, subject_kind=nomination["subject_kind"],
                        award_kind=nomination.get("award_kind") or AwardKind.CONG_TRANG.value)
    return [DossierLine(it.key, it.label, it.required, it.note, bool(present.get(it.key))) for it in items]


def _pending_notes(store: Store, nom: Row, naming: Naming) -> list[str]:
    out = []
    for other in pending_titles(store, nom):
        what = f"{naming.title(other['title_code'])} {period_label(str(other['year'])).lower()}"
        out.append(f"Đề nghị “{what}” cùng đợt đang chờ xét: danh hiệu đó chỉ được tính khi cấp có thẩm quyền "
                   "đồng ý khen thưởng.")
    return out


def assess(store: Store, nomination: str | Row, on_date: _dt.date | str | None = None) -> Assessment:
    """Judge ``nomination`` (an id, a stored row or the values being edited) on ``on_date`` (the decision
    date; by default :func:`judging_date`). Writes nothing."""
    nom = nomination_row(store, nomination)
    day = require_date(on_date, field="Ngày quyết định") if on_date is not None else judging_date(nom)
    rs = ruleset_on(store, day)
    naming = naming_of(store)
    code = str(nom["title_code"])
    known = code in rs.catalogue
    result = check(nominee_facts(store, nom, on_date=day), rs)
    lines = dossier_lines(rs, nom)
    vote = None
    v = latest_vote(store, nom.get("id"))
    if v is not None:
        vote = VoteState(int(v["votes_for"]), int(v["total_members"]), int(v["present"]),
                         int(v.get("written_opinions") or 0), str(v["meeting_date"]), str(v["vote_session_id"]),
                         vote_share(int(v["votes_for"]), int(v["total_members"])))
    return Assessment(
        nomination_id=nom.get("id"),
        title_code=code,
        title_name=localised_title(store, code, name=rs.catalogue[code].name if known else None),
        on_date=day,
        ruleset_id=rs.id,
        ruleset_basis=rs.describe(),
        known_title=known,
        eligibility=result,
        dossier=lines,
        vote_needed=required_of(rs, code),
        vote_threshold=threshold_of(rs, code),
        vote_rule_note=rs.vote_source.note or "",
        vote=vote,
        pending=_pending_notes(store, nom, naming),
    )
