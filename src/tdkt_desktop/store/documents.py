"""The records an official document is printed from, listed for choosing one (the In ấn screen, scripts).

Each entry has the record's ``id``, a ``label`` and a ``detail`` line in Vietnamese, and what decides which
documents it prints (the titles of a decision's list, the kind of a nominee, a campaign's year).
"""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core.models import NominationStatus
from tdkt_desktop.core.text import fold, format_date
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.naming import naming_of

__all__ = ["PRINTED_FROM", "printable_records"]

# The record kinds a document is printed from, in the order a person is offered them.
PRINTED_FROM = ("decisions", "nominations", "vote_sessions", "campaigns", "registrations", "award_cancellations",
                "covenants")

# A decision's own states; a nomination's are named by core.models.NominationStatus (one wording everywhere).
_DECISION_STATUS = {"draft": "dự thảo", "issued": "đã ban hành", "awarded": "đã khen"}


def _status_text(value: Any, *, nomination: bool = False) -> str:
    text = str(value or "")
    if nomination:
        try:
            label = NominationStatus(text).label
        except ValueError:
            return text
        return label[:1].lower() + label[1:]
    return _DECISION_STATUS.get(text, text)


def printable_records(store: Store, table: str, search: str = "") -> list[Row]:
    """The live records of ``table`` (one of :data:`PRINTED_FROM`), newest first; ``search`` filters the label and
    detail without tones."""
    rows: list[Row] = []
    if table == "decisions":
        for r in store.db.query(
            "SELECT d.id, d.number, d.doc_code, d.decision_date, d.subject, d.status,"
            " (SELECT COUNT(*) FROM decision_awardees a WHERE a.decision_id = d.id AND a.deleted = 0) AS n,"
            " (SELECT GROUP_CONCAT(DISTINCT a.title_code) FROM decision_awardees a WHERE a.decision_id = d.id"
            "  AND a.deleted = 0) AS codes"
            " FROM decisions d WHERE d.deleted = 0 ORDER BY d.decision_date DESC"
        ):
            number = (f"Số {r['number']}" + (f"/{r['doc_code']}" if r.get("doc_code") else "")) if r.get("number") \
                else "Chưa có số"
            rows.append({"id": r["id"], "label": f"{number}, ngày {format_date(r['decision_date'])}",
                         "detail": f"{r.get('subject') or ''} · {r['n']} người/tập thể · {_status_text(r['status'])}"
                         .strip(" ·"),
                         "codes": (r.get("codes") or "").split(",")})
    elif table == "nominations":
        naming = naming_of(store)
        for r in store.db.query(
            "SELECT id, subject_name, subject_kind, title_code, year, status FROM nominations WHERE deleted = 0"
            " ORDER BY year DESC, title_code, subject_name"
        ):
            rows.append({"id": r["id"], "label": r["subject_name"],
                         "detail": f"{naming.title(r['title_code'])} · {r['year']} · "
                                   f"{_status_text(r['status'], nomination=True)}",
                         "subject_kind": r["subject_kind"], "status": r["status"]})
    elif table == "vote_sessions":
        for r in store.db.query(
            "SELECT id, meeting_date, place, period, present, total_members FROM vote_sessions WHERE deleted = 0"
            " ORDER BY meeting_date DESC"
        ):
            rows.append({"id": r["id"], "label": f"Phiên họp ngày {format_date(r['meeting_date'])}",
                         "detail": " · ".join(x for x in (r.get("place") or "",
                                                          f"có mặt {r['present']}/{r['total_members']}") if x)})
    elif table == "campaigns":
        for r in store.db.query(
            "SELECT id, name, year, doc_number, status FROM campaigns WHERE deleted = 0 ORDER BY year DESC, name"
        ):
            rows.append({"id": r["id"], "label": r["name"],
                         "detail": " · ".join(x for x in (str(r.get("year") or ""), r.get("doc_number") or "") if x),
                         "year": r.get("year")})
    elif table == "registrations":
        # one document per year and campaign: represented by the first registration of the group
        for r in store.db.query(
            "SELECT MIN(r.id) AS id, r.year, r.campaign_id, COUNT(*) AS n, c.name AS campaign"
            " FROM registrations r LEFT JOIN campaigns c ON c.id = r.campaign_id WHERE r.deleted = 0"
            " GROUP BY r.year, r.campaign_id ORDER BY r.year DESC, c.name"
        ):
            rows.append({"id": r["id"], "label": f"Đăng ký thi đua năm {r['year']}",
                         "detail": " · ".join(x for x in (r.get("campaign") or "", f"{r['n']} lượt đăng ký") if x)})
    elif table == "award_cancellations":
        # one cancelling decision per number (or per cancelled decision and day before it is numbered)
        for r in store.db.query(
            "SELECT MIN(c.id) AS id, c.number, c.doc_code, c.cancel_date, COUNT(*) AS n, d.number AS d_number,"
            " d.doc_code AS d_code, d.decision_date FROM award_cancellations c"
            " LEFT JOIN decisions d ON d.id = c.decision_id WHERE c.deleted = 0"
            " GROUP BY c.decision_id, c.cancel_date, c.number, c.doc_code ORDER BY c.cancel_date DESC"
        ):
            number = (f"Số {r['number']}" + (f"/{r['doc_code']}" if r.get("doc_code") else "")) if r.get("number") \
                else "Chưa có số"
            cancelled = (f"hủy bỏ khen thưởng theo Quyết định số {r['d_number']}/{r['d_code']}" if r.get("d_number")
                         else "hủy bỏ khen thưởng")
            rows.append({"id": r["id"], "label": f"{number}, ngày {format_date(r['cancel_date'])}",
                         "detail": f"{cancelled} · {r['n']} người/tập thể"})
    elif table == "covenants":
        from tdkt_desktop.core.covenants import members_summary

        for r in store.rows("covenants", order_by="year DESC, sort_key, id"):
            signed = f"ký ngày {format_date(r['signed_on'])}" if r.get("signed_on") else "chưa ký"
            rows.append({"id": r["id"], "label": f"{r['cluster_name']} — giao ước năm {r['year']}",
                         "detail": f"{members_summary(r['members'])} · {signed}", "year": r["year"]})
    else:
        raise ValueError(f"no printable records in {table!r}")
    if search:
        needle = fold(search)
        rows = [r for r in rows if needle in fold(f"{r['label']} {r.get('detail', '')}")]
    return rows
