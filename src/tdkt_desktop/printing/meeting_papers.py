"""The papers of a council meeting (Hội đồng Thi đua - Khen thưởng), built from a ``vote_sessions`` record: the
ballot handed to each member before the vote (``phieu_bau``) and the minutes of the vote count
(``bien_ban_kiem_phieu``). The meeting's own minutes (``bien_ban``) are built in :mod:`printing.records`, from the
same votes (:func:`session_votes`)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core import rules
from tdkt_desktop.core.models import period_year
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.store import Store, council

Row = dict[str, Any]

COUNCIL = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
_WAITING = ("draft", "submitted", "returned", "received", "appraised", "approved")


def council_issuer(store: Store) -> dict[str, str]:
    """The council's header block: the People's Committee above, the council beneath."""
    from tdkt_desktop.printing.records import issuer_of

    issuer = issuer_of(store)
    return {**issuer, "parent": issuer["name"].replace("\n", " "), "name": COUNCIL, "abbr": "HĐTĐKT"}


def session_votes(store: Store, session: Row) -> tuple[list[Row], list[tuple[str, str]], list[tuple[str, str]]]:
    """The votes of a meeting as printed — name, award, votes for, share of the whole council, result — and the
    (title, kind) of the nominations that reached the threshold, and of those the council judges by its own rules
    (no threshold confirmed by a text)."""
    from tdkt_desktop.printing.records import display_name

    meeting = _dt.date.fromisoformat(session["meeting_date"])
    ruleset = rules.ruleset_for(meeting)
    votes: list[Row] = []
    passed: list[tuple[str, str]] = []
    judged: list[tuple[str, str]] = []
    for vote in store.rows("votes", "vote_session_id = ?", [session["id"]]):
        nomination = store.get("nominations", vote["nomination_id"])
        if nomination is None:
            continue
        known = nomination["title_code"] in ruleset.catalogue
        threshold = vote.get("threshold") or (rules.vote_threshold(ruleset, nomination["title_code"]) if known else None)
        share = rules.vote_share(int(vote["votes_for"]), int(session["total_members"]))
        name = display_name(store, nomination["subject_kind"], nomination["subject_id"], nomination["subject_name"])
        if threshold is None:
            result = "—"
            judged.append((nomination["title_code"], nomination["subject_kind"]))
        else:
            ok = share + 1e-9 >= float(threshold)
            result = "Đạt" if ok else "Không đạt"
            if ok:
                passed.append((nomination["title_code"], nomination["subject_kind"]))
        from tdkt_desktop.store.naming import localised_title

        votes.append({"name": name, "award": localised_title(store, nomination["title_code"]),
                      "votes": vote["votes_for"], "percent": round(share, 2), "result": result,
                      "kind": nomination["subject_kind"]})
    return votes, passed, judged


def _session(store: Store, record_id: str) -> tuple[Row, _dt.date, int]:
    session = store.require("vote_sessions", record_id)
    meeting = _dt.date.fromisoformat(session["meeting_date"])
    year = period_year(session["period"]) if session.get("period") else meeting.year
    return session, meeting, year


def _unit_words(store: Store) -> str:
    from tdkt_desktop.printing.records import lower_first

    unit = store.self_unit()
    return lower_first(str(unit["name"])) if unit else ""


def phieu_bau(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """The ballot of a meeting: the nominations voted on (when votes were entered), else those of the meeting's
    year still waiting for the council."""
    from tdkt_desktop.printing.records import display_name, place_name, position_unit
    from tdkt_desktop.store.naming import localised_title

    session, meeting, year = _session(store, record_id)
    voted = [store.get("nominations", v["nomination_id"])
             for v in store.rows("votes", "vote_session_id = ?", [session["id"]])]
    nominations = [n for n in voted if n is not None]
    if not nominations:
        nominations = [n for n in council.candidates(store, year=year)
                       if int(n["year"]) == year and n["status"] in _WAITING]
    if not nominations:
        raise PrintError(f"Chưa có đề nghị khen thưởng năm {year} nào chờ Hội đồng xét: phiếu bầu không có ai để "
                         "bầu. Hãy nhập đề nghị khen thưởng rồi in lại.")
    order = {"collective": 0, "person": 1, "household": 2}
    nominations.sort(key=lambda n: (n["title_code"], order.get(n["subject_kind"], 3), n["subject_name"]))
    return {
        "issuer": council_issuer(store),
        "place": place_name(store),
        "date": meeting,
        "meeting_date": meeting,
        "subject": f"Xét đề nghị khen thưởng năm {year}",
        "candidates": [
            {"name": display_name(store, n["subject_kind"], n["subject_id"], n["subject_name"]),
             "position_unit": position_unit(store, n["subject_kind"], n["subject_id"]),
             "award": localised_title(store, n["title_code"])}
            for n in nominations
        ],
    }


def _count(options: dict[str, Any], key: str, default: int) -> int:
    value = options.get(key)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise PrintError(f"Số phiếu “{value}” không hợp lệ: hãy nhập một số nguyên.") from None
    if number < 0:
        raise PrintError(f"Số phiếu không được âm ({number}).")
    return number


def bien_ban_kiem_phieu(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """The vote-count minutes: members and ballots (issued to the members present; returned and invalid as the
    counting committee found, by default all returned and valid), the votes on the whole council, the result."""
    from tdkt_desktop.printing.records import count_text, place_name

    session, meeting, year = _session(store, record_id)
    votes, passed, judged = session_votes(store, session)
    if not votes:
        raise PrintError("Phiên họp chưa có kết quả bỏ phiếu. Hãy nhập số phiếu cho từng đề nghị rồi in biên bản "
                         "kiểm phiếu.")
    present, total = int(session["present"]), int(session["total_members"])
    returned = _count(options, "ballots_returned", present)
    invalid = _count(options, "ballots_invalid", 0)
    if returned > present:
        raise PrintError(f"Số phiếu thu về ({returned}) nhiều hơn số phiếu phát ra ({present}, bằng số thành viên "
                         "có mặt). Hãy kiểm tra lại.")
    if invalid > returned:
        raise PrintError(f"Số phiếu không hợp lệ ({invalid}) nhiều hơn số phiếu thu về ({returned}).")
    issuer = council_issuer(store)
    failed = [v for v in votes if v["result"] == "Không đạt"]
    conclusions = []
    if passed:
        conclusions.append(f"Có {count_text(k for _c, k in passed)} đạt tỷ lệ phiếu đồng ý theo quy định.")
    if failed:
        conclusions.append(f"Có {count_text(v['kind'] for v in failed)} không đạt tỷ lệ phiếu đồng ý theo quy định.")
    if judged:
        conclusions.append(f"Kết quả biểu quyết đối với {count_text(k for _c, k in judged)} do Hội đồng xem xét "
                           "theo quy chế hoạt động của Hội đồng.")
    head = str(options.get("counting_head") or "").strip()
    return {
        "issuer": issuer,
        "place": place_name(store),
        "date": meeting,
        "subject": f"Bầu xét đề nghị khen thưởng năm {year}",
        "council": _unit_words(store),
        "meeting": {"date": meeting, "place": session.get("place") or issuer["full"], "total_members": total,
                    "present": present, "absent": total - present, "written": session.get("written_opinions") or 0},
        "ballots": {"issued": present, "returned": returned, "valid": returned - invalid, "invalid": invalid},
        "votes": votes,
        "conclusions": conclusions,
        "secretary": {"name": session.get("secretary") or ""},
        "counting_head": {"name": head},
    }


BUILDERS = {"phieu_bau": phieu_bau, "bien_ban_kiem_phieu": bien_ban_kiem_phieu}
