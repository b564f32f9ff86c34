"""The papers that go with a dossier and come back with its result: the công văn that sends a unit's dossier to
its upper office (``cong_van``), the notice of results to the unit that proposed (``thong_bao_ket_qua``), and the
extract of the sổ vàng for a decision (``trich_so_vang``)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core import rules
from tdkt_desktop.core.text import format_date
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.store import Store

Row = dict[str, Any]

# dossier items named by the other lines of the công văn (the rest are listed with their rule-set labels)
_NAMED_ITEMS = {"to_trinh", "danh_sach", "bao_cao_thanh_tich_ca_nhan", "bao_cao_thanh_tich_tap_the",
                "bao_cao_thanh_tich", "bien_ban_hoi_dong"}


def _long(day: _dt.date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def cong_van(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """The công văn sending the dossier of a nomination batch (the same batch as its tờ trình) to the upper office's
    home-affairs body, listing what the dossier holds."""
    from tdkt_desktop.printing import records as R
    from tdkt_desktop.store.facts import dossier_items, latest_vote
    from tdkt_desktop.store.naming import localised_title
    from tdkt_desktop.store.numbering import doc_suffix, register_entry

    batch = R.nomination_batch(store, record_id, options)
    first = batch[0]
    on = R.today(options)
    code = first["title_code"]
    ruleset = rules.ruleset_for(on)
    entry = ruleset.catalogue.get(code)
    unit = store.self_unit()
    if bool(getattr(entry, "commune_decides", False)) and unit is not None and R.is_government(unit):
        raise PrintError(
            f"{localised_title(store, code)} do Chủ tịch {R.issuer_of(store)['full']} quyết định: hồ sơ không gửi lên "
            "cấp trên nên không cần công văn. Hãy in Tờ trình của Hội đồng Thi đua - Khen thưởng."
        )
    upper = R.upper_office(store)
    if upper is None:
        raise PrintError("Chưa khai báo cơ quan cấp trên của đơn vị: công văn cần ghi nơi nhận hồ sơ. Hãy khai báo "
                         "đơn vị cấp trên ở mục Đơn vị rồi in lại.")
    issuer = R.issuer_of(store)
    receiver = R.upper_home_affairs(store)
    kinds = [n["subject_kind"] for n in batch]
    award = R.award_phrase(store, code)
    documents = []
    submission = register_entry(store, doc_type="TTr", record_table="nominations", record_id=record_id)
    if submission:
        documents.append(f"Tờ trình số {submission['code']} {_long(_dt.date.fromisoformat(submission['issued_on']))} "
                         f"của {issuer['full']}")
    else:
        documents.append(f"Tờ trình đề nghị khen thưởng của {issuer['full']}")
    documents.append("Danh sách tập thể, cá nhân đề nghị khen thưởng kèm theo Tờ trình")
    reported = [k for k in kinds if k in ("person", "collective")]
    if reported:
        documents.append(f"Báo cáo thành tích của {R.count_text(reported)}")
    sessions = sorted({v["vote_session_id"] for n in batch if (v := latest_vote(store, n["id"]))})
    for session_id in sessions:
        session = store.get("vote_sessions", session_id)
        if session:
            documents.append(f"Biên bản họp Hội đồng Thi đua - Khen thưởng {R.lower_first(str(unit['name'])) if unit else ''} "
                             f"{_long(_dt.date.fromisoformat(session['meeting_date']))}")
    labels = {it.key: it.label for n in batch if n["title_code"] in ruleset.catalogue
              for it in rules.dossier_for(ruleset, n["title_code"], subject_kind=n["subject_kind"],
                                          award_kind=n["award_kind"])}
    extra = sorted({key for n in batch for key, present in dossier_items(n).items()
                    if present and key not in _NAMED_ITEMS and key in labels})
    documents += [labels[key] for key in extra]
    authority = R.authority_of(upper)
    year = first["year"]
    return {
        "issuer": issuer,
        "code": doc_suffix(store, "CV"),
        "place": R.place_name(store),
        "date": on,
        "subject": f"gửi hồ sơ đề nghị tặng {award} năm {year}",
        "addressee": receiver,
        "intro": [f"{issuer['full']} gửi hồ sơ đề nghị tặng {award} cho {R.count_text(kinds)} có thành tích xuất sắc "
                  f"năm {year}, gồm:"],
        "documents": documents,
        "closing_text": [f"{issuer['full']} kính đề nghị {receiver} thẩm định, trình {authority} xem xét, khen "
                         "thưởng./."],
        "signer": R.signer_for(store, collective=True, name=options.get("signer"), role=options.get("signer_role")),
        "recipients": R.recipients(store, "cong_van", R.default_recipients(store, "cong_van"), options),
        "archive": "VP",
    }


_RESULTS = {
    "decided": ("Đã khen thưởng", ""),
    "approved": ("Đồng ý", "Chờ quyết định khen thưởng"),
    "rejected": ("Không đồng ý", ""),
    "returned": ("Trả lại để bổ sung", ""),
    "submitted": ("Đang xét", ""),
    "received": ("Đang xét", ""),
    "appraised": ("Đang xét", ""),
}


def thong_bao_ket_qua(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """The notice of results to the unit that proposed: every nomination of the chosen one's year and unit, with
    what became of it and why (the decision that awarded it, the reason it was refused or returned)."""
    from tdkt_desktop.printing import records as R
    from tdkt_desktop.store.facts import latest_vote
    from tdkt_desktop.store.naming import localised_title

    chosen = store.require("nominations", record_id)
    year = int(chosen["year"])
    unit_code = str(chosen.get("unit_code") or store.unit_code)
    nominations = [n for n in store.rows("nominations", "year = ?", [year], order_by="title_code, subject_name")
                   if (n.get("unit_code") or store.unit_code) == unit_code and n["status"] in _RESULTS]
    if not nominations:
        raise PrintError(f"Chưa có đề nghị khen thưởng năm {year} nào đã được xét để thông báo kết quả.")
    own = unit_code == store.unit_code
    proposer = store.unit_by_code(unit_code) if not own else None
    proposer_name = str(proposer["name"]) if proposer else ""
    results = []
    for n in nominations:
        result, reason = _RESULTS[n["status"]]
        if n["status"] == "decided":
            reason = _decision_of(store, n["id"]) or (n.get("status_reason") or "")
        elif n["status"] in ("rejected", "returned"):
            reason = n.get("status_reason") or ""
        results.append({"name": R.display_name(store, n["subject_kind"], n["subject_id"], n["subject_name"]),
                        "award": localised_title(store, n["title_code"]), "result": result, "reason": reason})
    issuer = R.issuer_of(store)
    whose = f" của {proposer_name}" if proposer_name else ""
    basis = []
    sessions = sorted({v["vote_session_id"] for n in nominations if (v := latest_vote(store, n["id"]))})
    for session_id in sessions:
        session = store.get("vote_sessions", session_id)
        if session:
            basis.append(f"kết quả họp Hội đồng Thi đua - Khen thưởng "
                         f"{_long(_dt.date.fromisoformat(session['meeting_date']))}")
    basis.append("kết quả thẩm định hồ sơ")
    returned = any(n["status"] == "returned" for n in nominations)
    addressee = proposer_name or "các tập thể, cá nhân có tên trong danh sách"
    closing = (f"Đề nghị {proposer_name} thông báo kết quả đến các tập thể, cá nhân có liên quan" if proposer_name
               else "Đề nghị các tập thể, cá nhân có tên trong danh sách biết, thực hiện")
    if returned:
        closing += "; hồ sơ trả lại được bổ sung theo nội dung nêu trên và gửi lại để xét"
    return {
        "issuer": issuer,
        "place": R.place_name(store),
        "date": R.today(options),
        "subject": f"Kết quả xét đề nghị khen thưởng năm {year}" + (f"\ncủa {proposer_name}" if proposer_name else ""),
        "intro": [f"Căn cứ {', '.join(basis)}, {issuer['full']} thông báo kết quả xét đề nghị khen thưởng năm {year}"
                  f"{whose} như sau:"],
        "results": results,
        "closing_text": [closing + "./."],
        "signer": R.signer_for(store, collective=True, name=options.get("signer"), role=options.get("signer_role")),
        "recipients": R.recipients(store, "thong_bao_ket_qua", [addressee] if proposer_name else [], options),
        "archive": "VP",
    }


def _decision_of(store: Store, nomination_id: str) -> str:
    """ "Quyết định số 01/QĐ-UBND ngày 22/12/2025" — the decision that awarded a nomination."""
    from tdkt_desktop.printing.records import decision_number_text

    for awardee in store.rows("decision_awardees", "nomination_id = ?", [nomination_id]):
        decision = store.get("decisions", awardee["decision_id"])
        if decision is not None:
            return f"Quyết định số {decision_number_text(decision).strip()} ngày {format_date(decision['decision_date'])}"
    return ""


def trich_so_vang(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """The extract of the sổ vàng for a decision: each entry in số sổ vàng order, its award and money, and the
    cancelling decision of an award cancelled since."""
    from tdkt_desktop.printing import records as R
    from tdkt_desktop.store.cancellations import cancellations_of_decision
    from tdkt_desktop.store.naming import localised_title

    decision = store.require("decisions", record_id)
    if not decision.get("number"):
        raise PrintError("Quyết định chưa có số: sổ vàng chỉ ghi quyết định đã ban hành.")
    awardees = store.rows("decision_awardees", "decision_id = ?", [decision["id"]], order_by="so_vang")
    if not awardees:
        raise PrintError("Quyết định chưa có danh sách khen thưởng.")
    cancelled = cancellations_of_decision(store, decision["id"])
    entries = []
    for a in awardees:
        status = ""
        c = cancelled.get(a["id"])
        if c is not None:
            number = f"{c['number']}/{c['doc_code']}" if c.get("number") and c.get("doc_code") else ""
            status = (f"Đã hủy bỏ (Quyết định số {number} ngày {format_date(c['cancel_date'])})" if number
                      else f"Đã hủy bỏ ngày {format_date(c['cancel_date'])}")
        entries.append({
            "gold_book": f"{int(a['so_vang']):02d}" if a.get("so_vang") is not None else "",
            "name": R.display_name(store, a["subject_kind"], a.get("subject_id"), a["subject_name"]),
            "position_unit": R.position_unit(store, a["subject_kind"], a.get("subject_id")),
            "award": localised_title(store, a["title_code"], unit_code=decision.get("issuer_unit")),
            "status": status,
            "amount": int(a.get("amount") or 0),
        })
    issuing = store.unit_by_code(decision["issuer_unit"]) if decision.get("issuer_unit") else store.self_unit()
    return {
        "issuer": R.issuer_of(store),
        "place": R.place_name(store),
        "date": R.today(options),
        "decider": R.authority_of(issuing),
        "decision": {"code": R.decision_number_text(decision).strip(),
                     "date": _dt.date.fromisoformat(decision["decision_date"]), "subject": decision.get("subject") or ""},
        "entries": entries,
        "signer": R.signer_for(store, collective=False, name=options.get("signer"), role=options.get("signer_role")),
        "recipients": R.recipients(store, "trich_so_vang", R.default_recipients(store, "trich_so_vang"), options),
        "archive": "VP",
    }


BUILDERS = {"cong_van": cong_van, "thong_bao_ket_qua": thong_bao_ket_qua, "trich_so_vang": trich_so_vang}
