"""Hủy bỏ quyết định khen thưởng: cancelling an award, as Luật Thi đua, khen thưởng 2022, Điều 93 says.

The decision to award is cancelled, the certificate (hiện vật) and the money recovered, on one of the
grounds the law lists (khoản 2, điểm a–d; :func:`tdkt_desktop.core.legal.cancellation_rules`). Here:

* :func:`cancel_awards` records a **cancelling decision** (Quyết định hủy bỏ): one number from the
  register ("QĐ"), its date and signer, the ground and the reason, and one ``award_cancellations`` row per
  cancelled award of the list, with the money to recover (the amount the award paid);
* :func:`cancellations_of_decision`, :func:`cancelled_awardee_ids` and :func:`history_cancellations` mark
  the award list (sổ vàng) and the award history as cancelled, so that screens, printed lists, statistics
  and the eligibility facts no longer count a cancelled award;
* :func:`cancellation_summary` gives printing what the cancelling decision needs (template
  ``quyet_dinh_huy_bo``); :func:`record_recovery` notes when the certificate and money came back.

**Who may cancel.** Only the unit that issued the award decision: the cancellation is an issued record
(``award_cancellations``) whose owner and ``issuer_unit`` are the issuer of the cancelled decision. The
same rule holds for a row received in a bundle — :func:`authority_problem` is the check an importer makes
(a cancellation sent by any other unit is refused, field by field like the other issued records: the
cancellation is written by the issuer only, travels down to the units concerned and up like any record
of the issuer). The clause of Điều 93 naming the competent authority could not be read (see
``resources/rulesets/cancellation.json``): the rule is the application's, and says so in the data.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from tdkt_desktop.core.legal import CancellationRules, cancellation_rules
from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.text import InputError, clean, format_date, parse_date
from tdkt_desktop.store.accounts import APPROVER_WORK, require_role
from tdkt_desktop.store.db import Row, Store, new_id
from tdkt_desktop.store.naming import localised_title
from tdkt_desktop.store.numbering import take_number

__all__ = [
    "all_cancellations",
    "authority_problem",
    "cancel_awards",
    "cancellation_summary",
    "cancellations_of_decision",
    "cancelled_awardee_ids",
    "cancelled_nomination_ids",
    "history_cancellations",
    "record_recovery",
]

TABLE = "award_cancellations"


def _as_date(value: _dt.date | str, label: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        pass
    day = parse_date(str(value), field=label)  # dd/mm/yyyy as a person types it
    if day is None:
        raise InputError(f"Chưa ghi {label.lower()}.", field=label)
    return day


def _decision_code(decision: Row) -> str:
    number = decision.get("number") or ""
    code = decision.get("doc_code") or ""
    return f"{number}/{code}" if number and code else (number or code or "(chưa có số)")


def all_cancellations(store: Store) -> list[Row]:
    """Every live cancellation row (one per award cancelled)."""
    return store.rows(TABLE)


def cancelled_awardee_ids(store: Store) -> set[str]:
    """The award-list rows (``decision_awardees``) cancelled by a live cancelling decision."""
    return {r["awardee_id"] for r in store.db.query(f"SELECT awardee_id FROM {TABLE} WHERE deleted = 0")}


def cancelled_nomination_ids(store: Store) -> set[str]:
    """Nominations whose award was cancelled (their title no longer counts, as if never decided)."""
    return {
        r["nomination_id"]
        for r in store.db.query(
            f"""SELECT a.nomination_id FROM {TABLE} c JOIN decision_awardees a ON a.id = c.awardee_id
                WHERE c.deleted = 0 AND a.nomination_id IS NOT NULL"""
        )
    }


def cancellations_of_decision(store: Store, decision_id: str) -> dict[str, Row]:
    """awardee id → its cancellation, for one award decision (to mark its list and sổ vàng)."""
    return {r["awardee_id"]: r for r in store.rows(TABLE, "decision_id = ?", [decision_id], order_by="cancel_date")}


def history_cancellations(store: Store, subject_id: str) -> dict[str, Row]:
    """award_history id → cancellation, for the history rows a decision wrote (matched by subject, title,
    decision number and date): the history shows them as cancelled and they no longer count as grounds."""
    rows = store.db.query(
        f"""SELECT h.id AS history_id, c.*
            FROM award_history h
            JOIN {TABLE} c ON c.subject_id = h.subject_id AND c.title_code = h.code AND c.deleted = 0
            JOIN decisions d ON d.id = c.decision_id
            WHERE h.deleted = 0 AND h.subject_id = ?
              AND h.decision_date = d.decision_date
              AND h.decision_number = (CASE WHEN d.number IS NOT NULL AND d.doc_code IS NOT NULL
                                            THEN d.number || '/' || d.doc_code ELSE COALESCE(d.number, d.doc_code) END)""",
        [subject_id],
    )
    return {r.pop("history_id"): r for r in (dict(x) for x in rows)}


def authority_problem(store: Store, row: Row) -> str | None:
    """Why a cancellation row (local or received) is not the issuer's to write, or ``None``.

    The row must be owned by its ``issuer_unit``, and that unit must be the issuer of the cancelled decision
    (when this database has the decision; otherwise the row waits for it like any child row)."""
    issuer = row.get("issuer_unit")
    if not issuer or row.get("owner_unit") != issuer:
        return (
            f"quyết định hủy bỏ khen thưởng phải do chính đơn vị ban hành ghi (đơn vị ghi: {row.get('owner_unit')}, "
            f"đơn vị ban hành: {issuer or 'không rõ'})"
        )
    decision = store.get("decisions", str(row.get("decision_id") or ""), include_deleted=True)
    if decision is not None and (decision.get("issuer_unit") or decision.get("owner_unit")) != issuer:
        return (
            f"chỉ đơn vị đã ban hành Quyết định khen thưởng số {_decision_code(decision)} "
            f"({decision.get('issuer_unit') or decision.get('owner_unit')}) được hủy bỏ quyết định đó; {issuer} không có thẩm quyền"
        )
    awardee = store.get("decision_awardees", str(row.get("awardee_id") or ""), include_deleted=True)
    if awardee is not None and awardee.get("decision_id") != row.get("decision_id"):
        return "người, tập thể được hủy khen thưởng không có trong danh sách của quyết định này"
    return None


def _ground(rules: CancellationRules, code: str) -> str:
    g = rules.ground(clean(code).lower().rstrip(")"))
    return g.code


def cancel_awards(
    store: Store,
    awardee_ids: Iterable[str],
    *,
    cancel_date: _dt.date | str,
    ground: str,
    reason: str,
    signer: str,
    signer_title: str,
    notes: str | None = None,
) -> list[Row]:
    """Issue a cancelling decision for awards of ONE award decision of this unit, in one transaction.

    ``ground`` is the point of Điều 93 khoản 2 (``a``–``d``); ``reason`` says what happened (required).
    Refused — nothing written — when an award is of another unit's decision, already cancelled, or of a
    deleted decision; when the date is before the award decision; or when the ground is not in the law's
    list. Returns the cancellation rows (one per award), each with the money to recover."""
    ids = list(dict.fromkeys(a for a in awardee_ids if a))
    if not ids:
        raise InputError("Chưa chọn người, tập thể nào để hủy bỏ khen thưởng.", field="Danh sách")
    require_role(store, APPROVER_WORK, "ký quyết định hủy bỏ khen thưởng")
    text = clean(reason)
    if not text:
        raise InputError(
            "Hủy bỏ khen thưởng cần ghi rõ lý do (hành vi, kết luận hoặc bản án là căn cứ hủy bỏ).", field="Lý do"
        )
    if not clean(signer) or not clean(signer_title):
        raise InputError("Quyết định hủy bỏ cần ghi người ký và chức vụ người ký.", field="Người ký")
    day = _as_date(cancel_date, "Ngày quyết định hủy bỏ")
    rules = cancellation_rules(day)
    point = _ground(rules, ground)
    me = store.unit_code
    if not me:
        raise InputError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ”.")
    with store.atomic():
        awardees = [store.require("decision_awardees", a) for a in ids]
        decision_ids = {a["decision_id"] for a in awardees}
        if len(decision_ids) != 1:
            raise InputError(
                "Mỗi quyết định hủy bỏ chỉ hủy khen thưởng của một quyết định khen thưởng; hãy chọn người, tập thể "
                "của cùng một quyết định."
            )
        decision = store.require("decisions", decision_ids.pop())
        issuer = decision.get("issuer_unit") or decision.get("owner_unit")
        if issuer != me:
            raise InputError(
                f"Chỉ đơn vị đã ban hành Quyết định số {_decision_code(decision)} ({issuer}) được hủy bỏ quyết định "
                f"khen thưởng đó; đơn vị này ({me}) có thể đề nghị cơ quan đó hủy bỏ.",
                field="Đơn vị ban hành",
            )
        awarded_on = _as_date(decision["decision_date"], "Ngày quyết định")
        if day < awarded_on:
            raise InputError(
                f"Ngày quyết định hủy bỏ ({format_date(day)}) trước ngày quyết định khen thưởng ({format_date(awarded_on)}).",
                field="Ngày quyết định hủy bỏ",
            )
        already = cancellations_of_decision(store, decision["id"])
        for a in awardees:
            if a["id"] in already:
                previous = already[a["id"]]
                raise InputError(
                    f"Khen thưởng của {a['subject_name']} đã bị hủy bỏ theo Quyết định số "
                    f"{_decision_code(previous)} ngày {format_date(previous['cancel_date'])}.",
                    field="Danh sách",
                )
        names = ", ".join(a["subject_name"] for a in awardees)
        first_id = new_id()
        issued = take_number(
            store, doc_type="QĐ", issued_on=day, record_table=TABLE, record_id=first_id,
            subject=f"Về việc hủy bỏ quyết định khen thưởng đối với {names}", unit_code=me,
        )
        basis = rules.ground(point).source.text
        out = []
        for i, a in enumerate(sorted(awardees, key=lambda r: (r.get("so_vang") or 0, r["subject_name"]))):
            out.append(
                store.insert(
                    TABLE,
                    {
                        "awardee_id": a["id"], "decision_id": decision["id"], "subject_kind": a["subject_kind"],
                        "subject_id": a.get("subject_id"), "subject_name": a["subject_name"],
                        "title_code": a["title_code"], "so_vang": a.get("so_vang"),
                        "amount_to_recover": int(a.get("amount") or 0), "number": f"{issued.number:02d}",
                        "doc_code": issued.suffix, "cancel_date": day.isoformat(), "signer": clean(signer),
                        "signer_title": clean(signer_title), "issuer_unit": me, "ground": point, "reason": text,
                        "legal_basis": basis, "notes": clean(notes) or None,
                    },
                    record_id=first_id if i == 0 else None,
                    owner_unit=me,
                )
            )
    return out


def record_recovery(store: Store, cancellation_ids: Iterable[str], *, recovered_on: _dt.date | str) -> list[Row]:
    """Note the day the certificate and the money of these cancelled awards were recovered."""
    day = _as_date(recovered_on, "Ngày thu hồi")
    out = []
    with store.atomic():
        for cid in cancellation_ids:
            row = store.require(TABLE, cid)
            if row["issuer_unit"] != store.unit_code:
                raise InputError("Chỉ đơn vị đã ban hành quyết định hủy bỏ được ghi việc thu hồi.", field="Đơn vị")
            if day < _as_date(row["cancel_date"], "Ngày quyết định hủy bỏ"):
                raise InputError("Ngày thu hồi trước ngày quyết định hủy bỏ.", field="Ngày thu hồi")
            out.append(store.update(TABLE, cid, {"recovered_on": day.isoformat()}))
    return out


def cancellation_summary(store: Store, cancellation_id: str) -> dict[str, Any]:
    """Everything a printed cancelling decision needs: its number, date and signer; the award decision it
    cancels; the ground quoted from the law with its citation; the awards cancelled (số sổ vàng, name,
    title) with the money to recover and the total."""
    first = store.get(TABLE, cancellation_id, include_deleted=True)
    if first is None:
        raise InputError(f"Không tìm thấy quyết định hủy bỏ khen thưởng có mã {cancellation_id}.")
    rows = [
        r for r in store.rows(TABLE, "decision_id = ? AND cancel_date = ?", [first["decision_id"], first["cancel_date"]])
        if (r.get("number"), r.get("doc_code")) == (first.get("number"), first.get("doc_code"))
    ] or [first]
    rows.sort(key=lambda r: (r.get("so_vang") or 0, r["subject_name"]))
    decision = store.get("decisions", first["decision_id"], include_deleted=True) or {}
    day = _as_date(first["cancel_date"], "Ngày quyết định hủy bỏ")
    rules = cancellation_rules(day)
    ground = rules.ground(first["ground"])
    awards = [
        {
            "id": r["id"], "so_vang": r.get("so_vang"), "subject_kind": r["subject_kind"],
            "subject_label": SubjectKind(r["subject_kind"]).label, "name": r["subject_name"],
            "title_code": r["title_code"], "title_name": localised_title(store, r["title_code"]),
            "amount_to_recover": int(r.get("amount_to_recover") or 0), "recovered_on": r.get("recovered_on"),
        }
        for r in rows
    ]
    return {
        "id": first["id"],
        "ids": [r["id"] for r in rows],
        "number": first.get("number") or "",
        "doc_code": first.get("doc_code") or "",
        "code": _decision_code(first),
        "date": day,
        "signer": first.get("signer") or "",
        "signer_title": first.get("signer_title") or "",
        "issuer_unit": first["issuer_unit"],
        "reason": first["reason"],
        "ground": {"code": ground.code, "label": ground.label, "source": ground.source.text},
        "effect": rules.effect,
        "legal_basis": rules.source.text,
        "authority": {"label": rules.authority_label, "source": rules.authority_source.full_text},
        "decision": {
            "id": decision.get("id"), "code": _decision_code(decision) if decision else "",
            "date": decision.get("decision_date"), "subject": decision.get("subject") or "",
        },
        "awards": awards,
        "total_to_recover": sum(a["amount_to_recover"] for a in awards),
    }
