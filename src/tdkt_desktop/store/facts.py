"""What the database knows about a nominee, assembled as :class:`~tdkt_desktop.core.eligibility.NomineeFacts` —
the one gathering of facts that the nomination editor, the appraisal panel and ``appraise`` all judge.

For one nomination (stored, or being edited: ``subject_kind``, ``subject_id``, ``title_code``,
``award_kind``, ``year``, and when stored ``id``; ``dossier_json`` as edited):

* ratings by year; discipline: the heaviest of the nomination's year; "under review" when a rating of the
  year or later says so;
* titles and forms already received: ``award_history`` (less the awards cancelled since), plus the titles
  of other nominations of the same nominee approved by the deciding level or already decided (not cancelled) (e.g. the LĐTT of the year when CSTĐCS is
  appraised). Other nominations still on their way (draft … appraised) do not count: they are listed by
  :func:`pending_titles`, so that what depends on them can be said;
* the person's sáng kiến and đề tài khoa học (:func:`innovations`): recognised or accepted, their scope
  (``scope``, else the free-text level read by :func:`initiative_level`) and the award each already grounded;
* a collective's members: ``dossier_json["facts"]`` may hold ``members``, ``members_completed``,
  ``members_ldtt``, ``has_cstdcs_member`` and ``disciplined_warning_or_above``; the number of members and
  of women otherwise come from the collective's record;
* the council vote of the latest meeting that voted on it (:func:`latest_vote`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from tdkt_desktop.core.eligibility import Initiative, NomineeFacts, PriorTitle, Research
from tdkt_desktop.core.models import (
    AwardKind,
    Discipline,
    InnovationKind,
    NominationStatus,
    Rating,
    Scope,
    SubjectKind,
)
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.rules import LEVELS
from tdkt_desktop.core.text import InputError, fold, format_date
from tdkt_desktop.store.cancellations import cancelled_nomination_ids, history_cancellations
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.naming import naming_of

__all__ = [
    "award_history",
    "dossier_facts",
    "dossier_items",
    "initiative_level",
    "innovations",
    "latest_vote",
    "nomination_row",
    "nominee_facts",
    "pending_titles",
]

_DISCIPLINE_RANK = {Discipline.NONE: 0, Discipline.REPRIMAND: 1, Discipline.WARNING: 2, Discipline.HIGHER: 3}

# Statuses whose title counts as held in the same round: approved by the deciding level, or decided.
SAME_ROUND_STATUSES = (NominationStatus.APPROVED.value, NominationStatus.DECIDED.value)
# Statuses of a nomination still on its way (its title may come with this one's).
PENDING_STATUSES = tuple(
    s.value for s in (NominationStatus.DRAFT, NominationStatus.SUBMITTED, NominationStatus.RECEIVED,
                      NominationStatus.APPRAISED)
)

# Free-text levels of recognition ("Cơ sở", "Cấp tỉnh", "cấp cơ quan", …) → the rule sets' levels. The
# longest phrase found wins, as whole words: "cơ quan" is the unit's own level, not a "quận"; "thị xã" is
# a district, not a commune; "thành phố trực thuộc trung ương" a province, not the centre.
_LEVEL_PHRASES: tuple[tuple[str, str], ...] = (
    ("co so", "co_so"), ("don vi", "co_so"), ("co quan", "co_so"),
    ("trung uong", "trung_uong"), ("toan quoc", "trung_uong"), ("cap bo", "trung_uong"),
    ("bo nganh", "trung_uong"),
    ("tinh", "tinh"), ("thanh pho truc thuoc trung uong", "tinh"),
    ("huyen", "huyen"), ("quan", "huyen"), ("thi xa", "huyen"), ("thanh pho thuoc tinh", "huyen"),
    ("xa", "xa"), ("phuong", "xa"), ("dac khu", "xa"), ("thi tran", "xa"),
)


def initiative_level(text: str | None, naming: Naming) -> str:
    """The level of an initiative's recognition: a rule-set level code as is, else read from the words
    ("Cấp tỉnh" → tinh, "cấp cơ quan" → co_so, "Quận" → huyen). "Cấp thành phố" is the province where the
    province is a city (``naming``), else a city of a province (district level). Unknown: co_so."""
    raw = (text or "").strip()
    if raw in LEVELS:
        return raw
    words = f" {' '.join(re.findall(r'[0-9a-z]+', fold(raw)))} "
    city = "tinh" if naming.province_word == "thành phố" else "huyen"
    found = [(len(p), level) for p, level in (*_LEVEL_PHRASES, ("thanh pho", city)) if f" {p} " in words]
    return max(found)[1] if found else "co_so"


def _recognised(row: Row) -> bool:
    """Recognised (a sáng kiến) or accepted (a đề tài); not recorded: yes (records from before the column)."""
    return bool(row["recognised"]) if row.get("recognised") is not None else True


def scope_text(row: Row) -> str:
    """How a sáng kiến's or đề tài's reach is written: the scope chosen (its label without the explanation in
    brackets, "Cấp tỉnh", "Cơ sở"), else the level of recognition as it was typed (records from before scopes)."""
    scope = row.get("scope")
    for member in Scope:
        if member.value == scope:
            return member.label.split(" (", 1)[0]
    return str(row.get("level") or "")


def innovation_rows(store: Store, person_id: str) -> tuple[list[Row], list[Row]]:
    """A person's recognised sáng kiến and accepted đề tài khoa học as stored (oldest first), for documents
    that list them; the same split and the same "recognised" reading as :func:`innovations`."""
    ideas: list[Row] = []
    studies: list[Row] = []
    for i in store.rows("initiatives", "person_id = ?", [person_id], order_by="year, id"):
        if not _recognised(i):
            continue
        (studies if i.get("kind") == InnovationKind.RESEARCH.value else ideas).append(i)
    return ideas, studies


def innovations(store: Store, person_id: str) -> tuple[list[Initiative], list[Research]]:
    """A person's sáng kiến and đề tài khoa học as the criteria count them (oldest first)."""
    if not person_id:
        return [], []
    naming = naming_of(store)
    ideas: list[Initiative] = []
    studies: list[Research] = []
    for i in store.rows("initiatives", "person_id = ?", [person_id], order_by="year, id"):
        scope = str(i["scope"]) if i.get("scope") in LEVELS else initiative_level(i.get("level"), naming)
        recognised = _recognised(i)
        used_for = str(i.get("used_for") or "")
        if i.get("kind") == InnovationKind.RESEARCH.value:
            studies.append(Research(int(i["year"]), i["name"], recognised, scope, used_for))
        else:
            ideas.append(Initiative(int(i["year"]), i["name"], scope, recognised, used_for))
    return ideas, studies


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


def latest_vote(store: Store, nomination_id: str | None) -> Row | None:
    """The vote for ``nomination_id`` in its latest council meeting (by meeting date, then the meeting and
    the vote written last), with the meeting's ``total_members``, ``present``, ``written_opinions`` and
    ``meeting_date``; ``None`` when never voted on."""
    if not nomination_id:
        return None
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


def award_history(store: Store, subject_kind: str, subject_id: str) -> list[Row]:
    """The titles and forms the nominee already received (``award_history``), latest first."""
    return store.rows(
        "award_history", "subject_kind = ? AND subject_id = ?", [subject_kind, subject_id],
        order_by="year DESC, decision_date DESC",
    )


def _decision_text(h: Row) -> str:
    if not h.get("decision_number"):
        return ""
    text = f"Quyết định số {h['decision_number']}"
    if h.get("decision_date"):
        text += f", ngày {format_date(h['decision_date'])}"
    return text


def _prior_titles(store: Store, nomination: Row) -> list[PriorTitle]:
    titles: list[PriorTitle] = []
    seen: set[tuple[int, str]] = set()
    cancelled = history_cancellations(store, nomination["subject_id"])  # a cancelled award is no longer grounds
    for h in reversed(award_history(store, nomination["subject_kind"], nomination["subject_id"])):
        if not h.get("code") or h["id"] in cancelled:
            continue
        kind = h.get("award_kind") or AwardKind.CONG_TRANG.value
        titles.append(PriorTitle(int(h["year"]), h["code"], AwardKind(kind), _decision_text(h)))
        seen.add((int(h["year"]), h["code"]))
    undone = cancelled_nomination_ids(store)
    for n in _other_nominations(store, nomination, SAME_ROUND_STATUSES):
        key = (int(n["year"]), n["title_code"])
        if key in seen or n["id"] in undone:
            continue
        seen.add(key)
        label = "đã có quyết định" if n["status"] == NominationStatus.DECIDED.value else "đã được đồng ý, cùng đợt xét"
        titles.append(PriorTitle(key[0], key[1], AwardKind(n["award_kind"]), label))
    return titles


def _other_nominations(store: Store, nomination: Row, statuses: tuple[str, ...]) -> list[Row]:
    marks = ", ".join("?" for _ in statuses)
    return store.rows(
        "nominations",
        f"subject_kind = ? AND subject_id = ? AND id != ? AND status IN ({marks})",
        [nomination["subject_kind"], nomination["subject_id"], nomination.get("id") or "", *statuses],
        order_by="year, created_at",
    )


def pending_titles(store: Store, nomination: Row) -> list[Row]:
    """Other nominations of the same nominee and year still on their way (not yet approved): their titles
    count once the deciding level approves them."""
    if not nomination.get("subject_id"):
        return []
    year = int(nomination["year"])
    return [n for n in _other_nominations(store, nomination, PENDING_STATUSES) if int(n["year"]) == year]


def nominee_facts(store: Store, nomination: str | Row, *, on_date: _dt.date | None = None) -> NomineeFacts:
    """The facts the eligibility check needs for ``nomination`` (an id, a stored row or the values being
    edited), judged on ``on_date`` (the decision date; by default 31/12 of the nomination's year)."""
    nom = nomination_row(store, nomination)
    subject_kind = SubjectKind(nom["subject_kind"])
    year = int(nom["year"])
    subject_id = str(nom.get("subject_id") or "")

    ratings: dict[int, Rating] = {}
    discipline = Discipline.NONE
    discipline_year: int | None = None
    under_review = False
    for r in store.rows("ratings", "subject_kind = ? AND subject_id = ?", [subject_kind.value, subject_id],
                        order_by="year, updated_at, id"):
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

    initiatives, research = innovations(store, subject_id) if subject_kind is SubjectKind.PERSON else ([], [])

    record = store.get(subject_kind.table, subject_id) if subject_id else None
    extra = dossier_facts(nom)
    members = members_completed = members_ldtt = None
    has_cstdcs = disciplined = None
    women_share = None
    if subject_kind is SubjectKind.COLLECTIVE:
        members = _int(extra.get("members"))
        if members is None and record is not None:
            members = _int(record.get("members_count"))
        if record is not None and record.get("women_count") is not None and members:
            women_share = int(record["women_count"]) * 100 / members
        members_completed = _int(extra.get("members_completed"))
        members_ldtt = _int(extra.get("members_ldtt"))
        has_cstdcs = _bool(extra.get("has_cstdcs_member"))
        disciplined = _bool(extra.get("disciplined_warning_or_above"))
        if _DISCIPLINE_RANK[discipline] >= _DISCIPLINE_RANK[Discipline.WARNING]:
            disciplined = True

    vote = None
    v = latest_vote(store, nom.get("id"))
    if v is not None:
        vote = (int(v["votes_for"]), int(v["total_members"]), int(v["present"]))

    name = nom.get("subject_name") or ""
    if not name and record is not None:
        name = record.get(subject_kind.name_field) or ""
    return NomineeFacts(
        subject_kind=subject_kind,
        year=year,
        title_code=nom["title_code"],
        award_kind=AwardKind(nom.get("award_kind") or AwardKind.CONG_TRANG.value),
        decision_date=on_date,
        ratings=ratings,
        titles=_prior_titles(store, nom) if subject_id else [],
        initiatives=initiatives,
        research=research,
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
        name=name,
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
