"""The emulation and commendation council (Hội đồng Thi đua – Khen thưởng): its meetings and their votes.

A meeting records the council's size, who was present and how many members gave a written opinion. A
vote is the number of members in favour of one nomination. The share is counted on the TOTAL number of
members and compared with the threshold the rule set in force on the meeting date gives the title (Nghị định
98/2023/NĐ-CP, Điều 30, khoản 7). Under Nghị định 152/2025/NĐ-CP no text confirmed the thresholds: the
title still needs the council's vote (:func:`required_of`), its share is recorded, and the council judges it
under its own rules (``threshold`` and ``passed`` None) unless the province sets a threshold. The commune's council and the
upper office's council use the same functions.

Which nominations a council may vote on: this unit's own, until they are decided or refused (the council
meets before the proposal goes up, or decides it here); a unit's below, once received here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.models import NominationStatus
from tdkt_desktop.core.rules import (
    RuleSet,
    ruleset_for,
    vote_passes,
    vote_required,
    vote_share,
    vote_threshold,
)
from tdkt_desktop.core.text import InputError, format_number, require_date
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.db import Row, Store

__all__ = [
    "VoteOutcome",
    "can_vote_on",
    "candidates",
    "check_counts",
    "check_vote",
    "last_session",
    "needing_vote",
    "record_votes",
    "required_of",
    "ruleset_on",
    "save_session",
    "session_with_votes",
    "sessions_here",
    "threshold_of",
]

S = NominationStatus
_OWN_VOTABLE = frozenset({S.DRAFT.value, S.SUBMITTED.value, S.RETURNED.value, S.RECEIVED.value, S.APPRAISED.value,
                          S.APPROVED.value})
_RECEIVED_VOTABLE = frozenset({S.RECEIVED.value, S.APPRAISED.value, S.APPROVED.value})


@dataclass(frozen=True)
class VoteOutcome:
    nomination_id: str
    subject_name: str
    title_code: str
    votes_for: int
    total_members: int
    share: float  # % of the TOTAL council members
    threshold: float | None  # None: the title needs no vote, or its threshold is left to the council
    passed: bool | None  # None: no threshold to compare with

    @property
    def text(self) -> str:
        need = f"; yêu cầu từ {_pct(self.threshold)}" if self.threshold is not None else ""
        return f"{self.votes_for}/{self.total_members} phiếu đồng ý, bằng {_pct(self.share)} tổng số thành viên{need}"


def _pct(value: float) -> str:
    return f"{format_number(round(value, 2), decimals=2).rstrip('0').rstrip(',')}%"


def ruleset_on(store: Store, day: _dt.date) -> RuleSet:
    """The rule set in force on ``day`` for this installation's province."""
    unit = store.self_unit()
    return ruleset_for(day, province_code=(unit or {}).get("province_code") or None)


def threshold_of(ruleset: RuleSet, title_code: str) -> float | None:
    """The share of all members the title needs (%), or ``None`` when it needs no vote, when no text confirmed
    its threshold (see :func:`required_of`), or when the title is unknown."""
    return vote_threshold(ruleset, title_code) if title_code in ruleset.catalogue else None


def required_of(ruleset: RuleSet, title_code: str) -> bool:
    """Whether the title needs the council's vote (even with a threshold left to the council's own rules)."""
    return title_code in ruleset.catalogue and vote_required(ruleset, title_code)


def check_counts(*, total_members: Any, present: Any, written_opinions: Any = 0) -> tuple[int, int, int]:
    """The meeting's (total, present, written) as numbers, or :class:`InputError` naming the wrong field."""
    total = _count("total_members", total_members)
    here = _count("present", present)
    written = _count("written_opinions", written_opinions) or 0
    if total is None or total <= 0:
        raise InputError("Tổng số thành viên Hội đồng phải lớn hơn 0.", field="total_members", value=total_members)
    if here is None or here < 0:
        raise InputError("Số thành viên có mặt: chưa nhập hoặc âm.", field="present", value=present)
    if written < 0:
        raise InputError("Số ý kiến bằng văn bản không được âm.", field="written_opinions", value=written_opinions)
    if here > total:
        raise InputError(f"Số thành viên có mặt ({here}) không được lớn hơn tổng số thành viên ({total}).",
                         field="present", value=present)
    if here + written > total:
        raise InputError(
            f"Số thành viên có mặt ({here}) cộng số ý kiến bằng văn bản ({written}) không được lớn hơn tổng số "
            f"thành viên ({total}).", field="written_opinions", value=written_opinions,
        )
    return int(total), int(here), int(written)


def _count(name: str, value: Any) -> int | None:
    try:
        number = F.normalise_field("vote_sessions", name, value)
    except InputError as exc:
        raise InputError(str(exc), field=name, value=value) from exc
    return None if number is None else int(number)


def _check_votable(store: Store, nom: Row) -> None:
    from tdkt_desktop.store.authority import writers
    from tdkt_desktop.store.office import check_decides_here  # office builds on this module

    if store.unit_code and store.unit_code not in writers(store.unit_tree(), str(nom.get("owner_unit") or "")):
        check_decides_here(store, nom, "ghi kết quả bỏ phiếu")  # another unit's nomination: only its deciding office votes
    own = (nom.get("unit_code") or nom.get("owner_unit")) == store.unit_code
    allowed = _OWN_VOTABLE if own else _RECEIVED_VOTABLE
    if nom.get("status") not in allowed:
        try:
            label = S(nom.get("status") or S.DRAFT.value).label
        except ValueError:
            label = str(nom.get("status"))
        raise InputError(
            f"Đề nghị khen thưởng {nom.get('subject_name') or ''} đang ở trạng thái “{label}” nên không thể ghi kết "
            "quả bỏ phiếu.", field="votes", value=nom.get("status"),
        )


def check_vote(votes_for: Any, *, total_members: int, present: int, written_opinions: int = 0, name: str = "") -> None:
    """A number of votes in favour that the meeting could have given: a whole number, at most the members, at
    most those present plus those who gave a written opinion. :class:`InputError` says which."""
    whose = f" của {name}" if name else ""
    if isinstance(votes_for, bool) or not isinstance(votes_for, int):
        raise InputError(f"Số phiếu đồng ý{whose} phải là số nguyên.", field="votes", value=votes_for)
    if votes_for < 0:
        raise InputError(f"Số phiếu đồng ý{whose} không được âm.", field="votes", value=votes_for)
    if votes_for > total_members:
        raise InputError(
            f"Số phiếu đồng ý{whose} ({votes_for}) lớn hơn tổng số thành viên Hội đồng ({total_members}).",
            field="votes", value=votes_for,
        )
    if votes_for > present + written_opinions:
        raise InputError(
            f"Số phiếu đồng ý{whose} ({votes_for}) lớn hơn số thành viên tham gia biểu quyết (có mặt {present}, "
            f"ý kiến bằng văn bản {written_opinions}).", field="votes", value=votes_for,
        )


def _vote(
    store: Store, session: Row, rs: RuleSet, nomination_id: str, votes_for: Any, *, held: Row | None = None
) -> tuple[Row, VoteOutcome]:
    """The vote's stored values, checked. A vote already held with the same figure (the meeting's other details
    changed) is only checked against the meeting's counts: the nomination may have moved on since."""
    nom = store.require("nominations", nomination_id)
    if held is None or held.get("votes_for") != votes_for:
        _check_votable(store, nom)
    name = nom["subject_name"]
    check_vote(votes_for, total_members=int(session["total_members"]), present=int(session["present"] or 0),
               written_opinions=int(session.get("written_opinions") or 0), name=name)
    total = int(session["total_members"])
    share = vote_share(votes_for, total)
    threshold = threshold_of(rs, nom["title_code"])
    passed = vote_passes(votes_for, total, threshold) if threshold is not None else None
    values = {"votes_for": votes_for, "threshold": threshold, "share": round(share, 2)}
    return values, VoteOutcome(nomination_id, name, nom["title_code"], votes_for, total, share, threshold, passed)


def record_votes(store: Store, *, session_id: str, votes: Mapping[str, int | str]) -> list[VoteOutcome]:
    """Record votes of a meeting: ``votes`` maps a nomination id to the votes in favour (as typed: anything but
    a whole number is refused with a message naming the nominee). A nomination already
    voted on in this meeting gets its figure replaced; the meeting's other votes stay."""
    if not votes:
        raise InputError("Chưa nhập kết quả bỏ phiếu cho đề nghị nào.", field="votes")
    out: list[VoteOutcome] = []
    with store.atomic():
        session = store.require("vote_sessions", session_id)
        rs = ruleset_on(store, require_date(session["meeting_date"], field="Ngày họp"))
        held = {v["nomination_id"]: v for v in store.rows("votes", "vote_session_id = ?", [session_id])}
        for nomination_id, votes_for in votes.items():
            values, outcome = _vote(store, session, rs, nomination_id, votes_for, held=held.get(nomination_id))
            if nomination_id in held:
                store.update("votes", held[nomination_id]["id"], values)
            else:
                store.insert("votes", {"vote_session_id": session_id, "nomination_id": nomination_id, **values},
                             owner_unit=session["owner_unit"])
            out.append(outcome)
    return out


def save_session(
    store: Store,
    *,
    values: Mapping[str, Any],
    session_id: str | None = None,
    ballot: Mapping[str, int] | None = None,
) -> Row:
    """Record a council meeting (a new one, or changes to ``session_id``), checked: more than 0 members,
    no more present — plus written opinions — than members. With ``ballot`` (nomination id → votes in
    favour) the meeting's votes become exactly these: changed, added, and the others removed; without it the
    votes held are checked against the new counts (and their shares and thresholds follow a new date). One
    transaction; returns the stored meeting."""
    data = dict(values)
    data.setdefault("unit_code", store.unit_code)
    clean = F.normalise("vote_sessions", data, partial=session_id is not None)
    with store.atomic():
        current = store.require("vote_sessions", session_id) if session_id else {}
        merged = {**current, **clean}
        check_counts(total_members=merged.get("total_members"), present=merged.get("present"),
                     written_opinions=merged.get("written_opinions"))
        session = store.update("vote_sessions", session_id, clean) if session_id else store.insert("vote_sessions", clean)
        rs = ruleset_on(store, require_date(session["meeting_date"], field="Ngày họp"))
        held = {v["nomination_id"]: v for v in store.rows("votes", "vote_session_id = ?", [session["id"]])}
        wanted = dict(ballot) if ballot is not None else {n: int(v["votes_for"]) for n, v in held.items()}
        for nomination_id, votes_for in wanted.items():
            vote, _outcome = _vote(store, session, rs, nomination_id, votes_for, held=held.get(nomination_id))
            if nomination_id in held:
                store.update("votes", held[nomination_id]["id"], vote)
            else:
                store.insert("votes", {"vote_session_id": session["id"], "nomination_id": nomination_id, **vote},
                             owner_unit=session["owner_unit"])
        for nomination_id, vote_row in held.items():
            if nomination_id not in wanted:
                store.delete("votes", vote_row["id"])
    return session


def can_vote_on(store: Store, nomination: Row) -> bool:
    """Whether this installation's council may vote on the nomination now."""
    own = (nomination.get("unit_code") or nomination.get("owner_unit")) == store.unit_code
    return nomination.get("status") in (_OWN_VOTABLE if own else _RECEIVED_VOTABLE)


def candidates(store: Store, *, year: int) -> list[Row]:
    """The nominations of ``year`` and the year before this council may vote on, newest year first, by name."""
    rows = store.rows("nominations", "year IN (?, ?)", [int(year), int(year) - 1], order_by="year DESC, subject_name")
    return [r for r in rows if can_vote_on(store, r)]


def needing_vote(store: Store, *, year: int, meeting_date: _dt.date) -> list[Row]:
    """The nominations of ``year`` on their way (not yet approved) whose title needs the council's vote under the
    rules in force on the meeting date."""
    rs = ruleset_on(store, meeting_date)
    waiting = {S.DRAFT.value, S.SUBMITTED.value, S.RETURNED.value, S.RECEIVED.value, S.APPRAISED.value}
    return [r for r in candidates(store, year=year)
            if int(r["year"]) == int(year) and r["status"] in waiting and required_of(rs, r["title_code"])]


def session_with_votes(store: Store, session_id: str) -> Row:
    """A meeting with its votes in the order they were entered, each with its nomination."""
    session = store.require("vote_sessions", session_id)
    votes = []
    for v in store.rows("votes", "vote_session_id = ?", [session_id], order_by="rowid"):
        nom = store.get("nominations", v["nomination_id"])
        if nom is not None:
            votes.append({**v, "nomination": nom})
    return {**session, "votes": votes}


def sessions_here(store: Store) -> list[Row]:
    """This unit's council meetings, newest first."""
    return store.rows("vote_sessions", "unit_code = ?", [store.unit_code], order_by="meeting_date DESC")


def last_session(store: Store) -> Row | None:
    """This unit's latest meeting (a new one usually has the same council)."""
    rows = store.rows("vote_sessions", order_by="meeting_date DESC", limit=1)
    return rows[0] if rows else None
