"""What the database knows about a nominee, assembled as :class:`~tdkt_desktop.core.eligibility.NomineeFacts`.

For one nomination: the nominee's yearly ratings (with discipline and "under review" flags), the titles
and forms already received (``award_history``, with their award kinds) plus the titles approved or decided
for the same nominee in the same round, recognised initiatives, a collective's member figures, and the
council vote of the latest vote session held for that nomination.

Collective member figures a unit may send with its dossier: ``dossier_json["facts"]`` may hold
``members``, ``members_completed``, ``members_ldtt``, ``has_cstdcs_member`` and
``disciplined_warning_or_above``; the number of members and of women otherwise come from the
collective's record.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from tdkt_desktop.core.eligibility import Initiative, NomineeFacts, PriorTitle
from tdkt_desktop.core.models import AwardKind, Discipline, NominationStatus, Rating, SubjectKind
from tdkt_desktop.core.rules import LEVELS
from tdkt_desktop.core.text import InputError, fold, format_date
from tdkt_desktop.store.cancellations import cancelled_nomination_ids, history_cancellations
from tdkt_desktop.store.db import Row, Store

__all__ = ["dossier_facts", "dossier_items", "latest_vote", "nomination_row", "nominee_facts"]

_DISCIPLINE_RANK = {Discipline.NONE: 0, Discipline.REPRIMAND: 1, Discipline.WARNING: 2, Discipline.HIGHER: 3}

# Statuses whose title counts as "decided in the same round" (e.g. the LĐTT of the year when CSTĐCS is
# appraised): approved by the deciding level, or already in a decision.
SAME_ROUND_STATUSES = (NominationStatus.APPROVED.value, NominationStatus.DECIDED.value)

# Free-text levels of recognition ("Cơ sở", "Cấp tỉnh", …) → the rule sets' levels; first match wins.
_LEVEL_WORDS = (
    ("co_so", ("co so", "don vi", "co quan")),
    ("trung_uong", ("trung uong", "toan quoc", "cap bo", "bo nganh")),
    ("tinh", ("tinh", "thanh pho truc thuoc trung uong")),
    ("huyen", ("huyen", "quan", "thi xa")),
    ("xa", ("xa", "phuong", "dac khu")),
)


def nomination_row(store: Store, nomination: str | Row) -> Row:
    """The live nomination row for an id (or the row itself)."""
    if isinstance(nomination, dict):
        return nomination
    return store.require("nominations", nomination)


def _json(text: Any, default: Any) -> Any:
    if text in (None, ""):
        return default
    if isinstance(text, (dict, list)):
        return text
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default


def dossier_items(nomination: Row) -> dict[str, bool]:
    """The dossier checklist as stored: item key → present (other values, such as ``facts``, left out)."""
    raw = _json(nomination.get("dossier_json"), {})
    if not isinstance(raw, dict):
        return {}
    return {str(k): bool(v) for k, v in raw.items() if isinstance(v, (bool, int))}


def dossier_facts(nomination: Row) -> dict[str, Any]:
    """Figures sent with the dossier under ``dossier_json["facts"]`` (empty when none)."""
    raw = _json(nomination.get("dossier_json"), {})
    facts = raw.get("facts") if isinstance(raw, dict) else None
    return facts if isinstance(facts, dict) else {}


def _initiative_level(text: str | None) -> str:
    if text in LEVELS:
        return str(text)
    key = f" {fold(text)} "
    for level, words in _LEVEL_WORDS:
        if any(f" {w} " in key for w in words):
            return level
    return "co_so"


def latest_vote(store: Store, nomination_id: str) -> Row | None:
    """The vote for ``nomination_id`` in its latest council session (by meeting date), with the
    session's ``total_members``, ``present`` and ``written_opinions``; ``None`` when never voted on."""
    rows = list(
        store.db.query(
            """SELECT v.*, s.total_members, s.present, s.written_opinions, s.meeting_date, s.unit_code AS session_unit
               FROM votes v JOIN vote_sessions s ON s.id = v.vote_session_id
               WHERE v.nomination_id = ? AND v.deleted = 0 AND s.deleted = 0
               ORDER BY s.meeting_date DESC, s.created_at DESC, v.updated_at DESC LIMIT 1""",
            [nomination_id],
        )
    )
    return rows[0] if rows else None


def _prior_titles(store: Store, nomination: Row) -> list[PriorTitle]:
    subject_id = nomination["subject_id"]
    titles: list[PriorTitle] = []
    seen: set[tuple[int, str]] = set()
    cancelled = history_cancellations(store, subject_id)  # a cancelled award is no longer grounds
    for h in store.rows(
        "award_history", "subject_id = ? AND code IS NOT NULL", [subject_id], order_by="year, decision_date"
    ):
        if h["id"] in cancelled:
            continue
        kind = h.get("award_kind") or AwardKind.CONG_TRANG.value
        decision = ""
        if h.get("decision_number"):
            decision = f"Quyết định số {h['decision_number']}"
            if h.get("decision_date"):
                decision += f", ngày {format_date(h['decision_date'])}"
        titles.append(PriorTitle(int(h["year"]), h["code"], AwardKind(kind), decision))
        seen.add((int(h["year"]), h["code"]))
    marks = ", ".join("?" for _ in SAME_ROUND_STATUSES)
    undone = cancelled_nomination_ids(store)
    for n in store.rows(
        "nominations",
        f"subject_id = ? AND id != ? AND status IN ({marks})",
        [subject_id, nomination["id"], *SAME_ROUND_STATUSES],
        order_by="year",
    ):
        key = (int(n["year"]), n["title_code"])
        if key in seen or n["id"] in undone:
            continue
        seen.add(key)
        label = "đã có quyết định" if n["status"] == NominationStatus.DECIDED.value else "đã được đồng ý, cùng đợt xét"
        titles.append(PriorTitle(key[0], key[1], AwardKind(n["award_kind"]), label))
    return titles


def nominee_facts(
    store: Store, nomination: str | Row, *, decision_date: _dt.date | None = None
) -> NomineeFacts:
    """The facts the eligibility check needs for ``nomination`` (an id or a row)."""
    nom = nomination_row(store, nomination)
    subject_kind = SubjectKind(nom["subject_kind"])
    year = int(nom["year"])
    subject_id = nom["subject_id"]

    ratings: dict[int, Rating] = {}
    discipline = Discipline.NONE
    discipline_year: int | None = None
    under_review = False
    for r in store.rows("ratings", "subject_id = ?", [subject_id], order_by="year, updated_at"):
        ry = int(r["year"])
        try:
            ratings[ry] = Rating(r["rating"])
        except ValueError:
            continue
        d = Discipline(r.get("discipline") or Discipline.NONE.value)
        if ry == year and _DISCIPLINE_RANK[d] > _DISCIPLINE_RANK[discipline]:
            discipline, discipline_year = d, ry
        if ry >= year and r.get("under_review"):
            under_review = True

    initiatives: list[Initiative] = []
    if subject_kind is SubjectKind.PERSON:
        for i in store.rows("initiatives", "person_id = ?", [subject_id], order_by="year"):
            initiatives.append(
                Initiative(int(i["year"]), i["name"], _initiative_level(i.get("level")), bool(i.get("recognised", 1)))
            )

    extra = dossier_facts(nom)
    members = members_completed = members_ldtt = None
    has_cstdcs = disciplined = None
    women_share = None
    if subject_kind is SubjectKind.COLLECTIVE:
        coll = store.get("collectives", subject_id)
        members = _int(extra.get("members"))
        if members is None and coll is not None:
            members = coll.get("members_count")
        if coll is not None and coll.get("women_count") is not None and members:
            women_share = int(coll["women_count"]) * 100 / int(members)
        members_completed = _int(extra.get("members_completed"))
        members_ldtt = _int(extra.get("members_ldtt"))
        has_cstdcs = _bool(extra.get("has_cstdcs_member"))
        disciplined = _bool(extra.get("disciplined_warning_or_above"))
        if discipline is not Discipline.NONE and _DISCIPLINE_RANK[discipline] >= _DISCIPLINE_RANK[Discipline.WARNING]:
            disciplined = True

    vote = None
    v = latest_vote(store, nom["id"])
    if v is not None:
        vote = (int(v["votes_for"]), int(v["total_members"]), int(v["present"]))

    return NomineeFacts(
        subject_kind=subject_kind,
        year=year,
        title_code=nom["title_code"],
        award_kind=AwardKind(nom["award_kind"]),
        decision_date=decision_date,
        ratings=ratings,
        titles=_prior_titles(store, nom),
        initiatives=initiatives,
        under_review=under_review,
        discipline=discipline,
        discipline_year=discipline_year,
        members=members,
        members_completed=members_completed,
        members_ldtt=members_ldtt,
        has_cstdcs_member=has_cstdcs,
        disciplined_warning_or_above=disciplined,
        women_share=women_share,
        vote=vote,
        name=nom.get("subject_name") or "",
    )


def _int(value: Any) -> int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputError(f"Số liệu “{value}” trong hồ sơ không phải số nguyên.", value=value) from None


def _bool(value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return fold(value) in ("1", "true", "co", "x", "yes")
    return bool(value)
