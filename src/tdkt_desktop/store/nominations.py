"""The unit's side of a nomination: sending it up (trình) to the office that decides it.

    draft ─┐
           ├──submit──▶ submitted   (then :mod:`tdkt_desktop.store.office`: receive, appraise, …)
 returned ─┘

Sending up checks the nominee against the rule set in force at the end of the nomination's year (as the
nomination editor shows it) and the dossier against that rule set's checklist. A nomination failing a
criterion or missing a mandatory document may still be sent — the office decides — but only with a reason,
which is recorded in ``status_reason``; the date sent is set in ``submitted_on``. The council vote is not a
condition of sending up (the deciding level's council votes after receiving it).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core import eligibility as _elig
from tdkt_desktop.core.models import NominationStatus
from tdkt_desktop.core.rules import dossier_for, ruleset_for
from tdkt_desktop.core.text import InputError, clean, format_date
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.facts import dossier_items, nominee_facts

__all__ = ["SUBMITTABLE", "SubmissionCheck", "check_submission", "submit"]

S = NominationStatus

# What a unit may send up: a draft, or a dossier the office returned for completion.
SUBMITTABLE = (S.DRAFT.value, S.RETURNED.value)


@dataclass
class SubmissionCheck:
    """What stands in the way of sending a nomination up: failed criteria and missing mandatory documents."""

    nomination_id: str
    failed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [*self.failed, *(f"thiếu hồ sơ: {label}" for label in self.missing)]

    @property
    def clean(self) -> bool:
        return not self.failed and not self.missing


def _status_label(value: Any) -> str:
    try:
        return S(value or S.DRAFT.value).label
    except ValueError:
        return str(value)


def check_submission(store: Store, nomination: Row) -> SubmissionCheck:
    """The criteria the nominee fails (the council vote left aside) and the mandatory documents missing."""
    unit = store.self_unit()
    province = (unit or {}).get("province_code") or None
    day = _dt.date(int(nomination["year"]), 12, 31)
    rs = ruleset_for(day, province_code=province)
    outcome = SubmissionCheck(nomination_id=str(nomination["id"]))
    if nomination["title_code"] not in rs.catalogue:
        outcome.failed.append(f"danh hiệu/hình thức {nomination['title_code']} không có trong {rs.describe()}")
        return outcome
    result = _elig.check(nominee_facts(store, nomination, decision_date=day), rs)
    outcome.failed = [c.detail for c in result.checks if c.passed is False and c.criterion != "vote_share"]
    present = dossier_items(nomination)
    items = dossier_for(rs, nomination["title_code"], subject_kind=nomination["subject_kind"],
                        award_kind=nomination["award_kind"])
    outcome.missing = [it.label for it in items if it.required and not present.get(it.key)]
    return outcome


def submit(store: Store, nomination_id: str, *, reason: str | None = None, day: _dt.date | None = None) -> Row:
    """Send a draft (or returned) nomination of this unit up: status submitted, ``submitted_on`` = ``day``
    (today). Refused when it belongs to another unit, is not a draft or returned, or fails a criterion or
    misses a mandatory document and no ``reason`` is given (the reason is recorded in ``status_reason``)."""
    text = clean(reason or "") or None
    sent = day or _dt.date.today()
    with store.atomic():
        nom = store.require("nominations", nomination_id)
        name = nom.get("subject_name") or ""
        own = store.unit_code
        if nom.get("unit_code") and own and nom["unit_code"] != own:
            raise InputError(
                f"Đề nghị khen thưởng {name} là của đơn vị {nom['unit_code']}; chỉ đơn vị lập đề nghị mới gửi "
                "lên được.",
                field="Đơn vị",
                value=nom["unit_code"],
            )
        if nom.get("status") not in SUBMITTABLE:
            raise InputError(
                f"Đề nghị khen thưởng {name} đang ở trạng thái “{_status_label(nom.get('status'))}” nên không thể "
                "gửi lên (chỉ gửi đề nghị nháp hoặc hồ sơ bị trả lại để bổ sung).",
                field="Trạng thái",
                value=nom.get("status"),
            )
        found = check_submission(store, nom)
        if not found.clean and text is None:
            raise InputError(
                f"Đề nghị khen thưởng {name} chưa đạt: " + "; ".join(found.problems)
                + ". Muốn vẫn gửi lên, hãy ghi lý do (--reason “…”); lý do được lưu cùng đề nghị.",
                field="Lý do",
            )
        return store.update(
            "nominations",
            nomination_id,
            {"status": S.SUBMITTED.value, "status_reason": text, "submitted_on": sent.isoformat()},
        )


def describe_sent(row: Row) -> str:
    """One line saying what was sent and when (for the command line's report)."""
    return f"Đã gửi lên đề nghị khen thưởng {row.get('subject_name') or ''} ngày {format_date(row['submitted_on'])}."
