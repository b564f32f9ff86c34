"""What the registry knows about a nominee, assembled for the eligibility check (no Qt).

Ratings, discipline and reviews by year, titles already received (award history, plus other titles of the
same round still in progress), recognised initiatives, a collective's members, and the council vote held
for the nomination.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.eligibility import Initiative, NomineeFacts, PriorTitle
from tdkt_desktop.core.rules import LEVELS, RuleSet, ruleset_for
from tdkt_desktop.core.text import fold
from tdkt_desktop.store.db import Store

Row = dict[str, Any]

SUBJECT_TABLES = {"person": "people", "collective": "collectives", "household": "households"}
NAME_FIELDS = {"people": "full_name", "collectives": "name", "households": "head_name"}
# Statuses of a nomination in the same round that still count as "on its way" (for titles of that year).
IN_PROGRESS = ("draft", "submitted", "received", "appraised", "approved")

_LEVEL_WORDS = (
    ("trung uong", "trung_uong"),
    ("toan quoc", "trung_uong"),
    ("tinh", "tinh"),
    ("thanh pho", "tinh"),
    ("huyen", "huyen"),
    ("quan", "huyen"),
    ("xa", "xa"),
    ("phuong", "xa"),
    ("co so", "co_so"),
)


def initiative_level(text: str | None) -> str:
    """ "Cơ sở" → co_so, "Cấp tỉnh" → tinh …; unknown text counts as co_so."""
    raw = (text or "").strip()
    if raw in LEVELS:
        return raw
    folded = fold(raw)
    for word, level in _LEVEL_WORDS:
        if word in folded:
            return level
    return "co_so"


@dataclass
class SubjectFacts:
    """The registry's facts about one person, collective or household (independent of the title)."""

    subject_kind: str
    subject_id: str
    record: Row | None = None
    ratings: dict[int, str] = field(default_factory=dict)
    discipline: dict[int, str] = field(default_factory=dict)
    under_review: set[int] = field(default_factory=set)
    history: list[Row] = field(default_factory=list)
    initiatives: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        if not self.record:
            return ""
        return str(self.record.get(NAME_FIELDS[SUBJECT_TABLES[self.subject_kind]]) or "")


def subject_facts(store: Store, subject_kind: str, subject_id: str) -> SubjectFacts:
    table = SUBJECT_TABLES[subject_kind]
    facts = SubjectFacts(subject_kind, subject_id, store.get(table, subject_id))
    for r in store.rows("ratings", "subject_kind = ? AND subject_id = ?", [subject_kind, subject_id], order_by="year"):
        facts.ratings[int(r["year"])] = r["rating"]
        if r.get("discipline") and r["discipline"] != "none":
            facts.discipline[int(r["year"])] = r["discipline"]
        if r.get("under_review"):
            facts.under_review.add(int(r["year"]))
    facts.history = store.rows(
        "award_history", "subject_kind = ? AND subject_id = ?", [subject_kind, subject_id], order_by="year DESC, decision_date DESC"
    )
    if subject_kind == "person":
        facts.initiatives = store.rows("initiatives", "person_id = ?", [subject_id], order_by="year DESC")
    return facts


def same_round_titles(store: Store, subject_id: str, year: int, exclude_id: str | None) -> list[PriorTitle]:
    """Other nominations of the same subject and year still in progress (e.g. the LĐTT beside a CSTĐCS)."""
    marks = ",".join("?" for _ in IN_PROGRESS)
    rows = store.rows(
        "nominations", f"subject_id = ? AND year = ? AND status IN ({marks})", [subject_id, year, *IN_PROGRESS]
    )
    return [
        PriorTitle(int(r["year"]), r["title_code"], r["award_kind"] or "cong_trang", "")
        for r in rows
        if r["id"] != exclude_id
    ]


def vote_of(store: Store, nomination_id: str | None) -> tuple[int, int, int] | None:
    """(votes for, total members, present) of the latest council vote on the nomination."""
    if not nomination_id:
        return None
    rows = list(
        store.db.query(
            "SELECT v.votes_for, s.total_members, s.present FROM votes v JOIN vote_sessions s ON s.id = v.vote_session_id"
            " WHERE v.nomination_id = ? AND v.deleted = 0 AND s.deleted = 0 ORDER BY s.meeting_date DESC, v.updated_at DESC"
            " LIMIT 1",
            [nomination_id],
        )
    )
    if not rows:
        return None
    r = rows[0]
    return int(r["votes_for"]), int(r["total_members"]), int(r["present"])


def judged_on(year: int, decision_date: _dt.date | None = None) -> _dt.date:
    return decision_date or _dt.date(int(year), 12, 31)


def ruleset_on(store: Store, year: int) -> RuleSet:
    unit = store.self_unit()
    province = (unit or {}).get("province_code")
    return ruleset_for(judged_on(year), province_code=province or None)


def nominee_facts(
    store: Store,
    nomination: Row,
    *,
    subject: SubjectFacts | None = None,
) -> NomineeFacts:
    """NomineeFacts for a nomination (stored or being edited): ``subject_kind``, ``subject_id``, ``title_code``,
    ``award_kind``, ``year`` and, when stored, ``id``."""
    kind = str(nomination["subject_kind"])
    subject_id = str(nomination.get("subject_id") or "")
    year = int(nomination["year"])
    sf = subject if subject is not None else (subject_facts(store, kind, subject_id) if subject_id else SubjectFacts(kind, ""))
    titles = [
        PriorTitle(
            int(h["year"]),
            h["code"],
            h.get("award_kind") or "cong_trang",
            " ".join(p for p in (h.get("decision_number") or "", h.get("decision_date") or "") if p),
        )
        for h in sf.history
        if h.get("code")
    ]
    if subject_id:
        known = {(t.year, t.code) for t in titles}
        titles += [
            t for t in same_round_titles(store, subject_id, year, nomination.get("id")) if (t.year, t.code) not in known
        ]
    record = sf.record or {}
    members = record.get("members_count") if kind == "collective" else None
    women = record.get("women_count") if kind == "collective" else None
    discipline_years = sorted(sf.discipline)
    worst = None
    if discipline_years:
        worst = max(sf.discipline.items(), key=lambda kv: list(m.Discipline).index(m.Discipline(kv[1])))
    return NomineeFacts(
        subject_kind=m.SubjectKind(kind),
        year=year,
        title_code=str(nomination["title_code"]),
        award_kind=m.AwardKind(nomination.get("award_kind") or "cong_trang"),
        ratings={y: m.Rating(r) for y, r in sf.ratings.items()},
        titles=titles,
        initiatives=[
            Initiative(int(i["year"]), i["name"], initiative_level(i.get("level")), bool(i.get("recognised", 1)))
            for i in sf.initiatives
        ],
        under_review=year in sf.under_review,
        discipline=m.Discipline(worst[1]) if worst else m.Discipline.NONE,
        discipline_year=worst[0] if worst else None,
        members=int(members) if members else None,
        women_share=(int(women) * 100.0 / int(members)) if members and women is not None else None,
        vote=vote_of(store, nomination.get("id")),
        name=sf.name,
    )
