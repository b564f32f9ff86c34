"""The unit's side of a nomination: what waits for its action, who it can nominate, and sending it up
(trình) to the office that decides it.

    draft ─┐
           ├──submit──▶ submitted   (then :mod:`tdkt_desktop.store.office`: receive, appraise, …)
 returned ─┘

Sending up judges the nomination with :func:`tdkt_desktop.store.assessment.assess` (the verdict the
nomination editor shows): the criteria and the dossier's mandatory documents. A nomination failing a
criterion or missing a mandatory document may still be sent — the office decides — but only with a reason,
which is recorded with the dossier (``dossier_json["send_reason"]``: the unit's own content — ``status_reason``
belongs to the appraising office); the date sent is set in ``submitted_on``. The council vote is not a
condition of sending up (the deciding level's council votes after receiving it).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import NominationStatus, SubjectKind
from tdkt_desktop.core.text import InputError, clean, format_date
from tdkt_desktop.store import authority
from tdkt_desktop.store.assessment import assess
from tdkt_desktop.store.authority import UnitTree
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.facts import award_history

__all__ = ["SUBMITTABLE", "StatusRights", "SubmissionCheck", "check_submission", "nominee", "registry_names",
           "status_rights", "submit", "waiting_here"]

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


@dataclass(frozen=True)
class StatusRights:
    """What a unit may do with a nomination's status (:func:`status_rights`)."""

    choices: tuple[str, ...]  # what a status list offers: the current status first, then those it may set
    may_send: bool  # it may send the nomination up (:func:`submit`)
    appraises: bool  # it writes the appraisal fields (the status reason): it is the appraising office


def status_rights(tree: UnitTree, row: Mapping[str, Any], unit: str) -> StatusRights:
    """The statuses ``unit`` may give the nomination ``row`` (stored, or the values being entered for a new
    one), judged by :func:`tdkt_desktop.store.authority.field_refusal` — a unit whose nominations an office
    above appraises sees only its own statuses, never “Đã thẩm định” or “Đã có quyết định”. “Đã gửi lên” is
    never a choice of the list: only sending up (:func:`submit`, with its check, reason and date sent) sets it."""
    current = str(row.get("status") or S.DRAFT.value)
    owner = str(row.get("owner_unit") or row.get("unit_code") or unit)
    who = authority.parties(tree, "nominations", {**row, "owner_unit": owner})
    choices = [current]
    for status in S:
        if status.value in (current, S.SUBMITTED.value):
            continue
        if authority.field_refusal("nominations", "status", unit, who, old=current, new=status.value,
                                   status=current) is None:
            choices.append(status.value)
    own = str(row.get("unit_code") or unit) == unit
    return StatusRights(
        choices=tuple(choices),
        may_send=own and current in SUBMITTABLE and unit in who.writers,
        appraises=not who.separate_appraiser or who.appraiser == unit,
    )


def check_submission(store: Store, nomination: Row) -> SubmissionCheck:
    """The criteria the nominee fails (the council vote left aside) and the mandatory documents missing, as
    :func:`tdkt_desktop.store.assessment.assess` judges them on the nomination's judging date."""
    verdict = assess(store, nomination)
    outcome = SubmissionCheck(nomination_id=str(nomination["id"]))
    if not verdict.known_title:
        outcome.failed.append(f"danh hiệu/hình thức {nomination['title_code']} không có trong {verdict.ruleset_basis}")
        return outcome
    outcome.failed = [c.detail for c in verdict.checks if c.passed is False]
    outcome.missing = [line.label for line in verdict.missing]
    return outcome


def submit(store: Store, nomination_id: str, *, reason: str | None = None, day: _dt.date | None = None) -> Row:
    """Send a draft (or returned) nomination of this unit up: status submitted, ``submitted_on`` = ``day``
    (today). Refused when it belongs to another unit, is not a draft or returned, or fails a criterion or
    misses a mandatory document and no ``reason`` is given (the reason is kept with the dossier: :func:`send_reason`)."""
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
        changes: Row = {"status": S.SUBMITTED.value, "submitted_on": sent.isoformat()}
        dossier = _dossier(nom)
        if text is not None or "send_reason" in dossier:
            dossier["send_reason"] = text
            changes["dossier_json"] = dossier
        return store.update("nominations", nomination_id, changes)


def _dossier(row: Row) -> dict[str, Any]:
    try:
        value = json.loads(row.get("dossier_json") or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def send_reason(row: Row) -> str | None:
    """Why the unit sent a nomination up although it failed a criterion or missed a document (None: it did not)."""
    reason = _dossier(row).get("send_reason")
    return str(reason) if reason else None


def describe_sent(row: Row) -> str:
    """One line saying what was sent and when (for the command line's report)."""
    return f"Đã gửi lên đề nghị khen thưởng {row.get('subject_name') or ''} ngày {format_date(row['submitted_on'])}."


def waiting_here(store: Store) -> list[Row]:
    """The nominations waiting for this unit's action — drafts and those returned for more documents —
    newest year first, by name."""
    return store.rows("nominations", "status IN (?, ?)", list(SUBMITTABLE), order_by="year DESC, subject_name")


def registry_names(store: Store, subject_kind: str) -> list[Row]:
    """Who can be nominated as ``subject_kind``: ``{"id", "name", "extra"}`` for each live record of its
    registry (``extra``: a person's position, a collective's or household's address)."""
    kind = SubjectKind(subject_kind)
    extra = "position" if kind is SubjectKind.PERSON else "address"
    rows = store.db.execute(f"SELECT id, {kind.name_field}, {extra} FROM {kind.table} WHERE deleted = 0").fetchall()
    return [{"id": str(r[0]), "name": str(r[1] or ""), "extra": str(r[2] or "")} for r in rows]


def nominee(store: Store, subject_kind: str, subject_id: str) -> Row:
    """A nominee's registry record (``None`` when it is gone) and the titles already received, latest first."""
    kind = SubjectKind(subject_kind)
    return {"record": store.get(kind.table, subject_id), "history": award_history(store, kind.value, subject_id)}
