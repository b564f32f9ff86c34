"""From database records to printed documents.

``build_context(store, template, record_id)`` gathers what a template needs from the records
(unit, signing officials, nominees, votes, awardees, targets and results) into the context format
of ``forms/`` (see docs/printing.md). ``preview_pdf`` renders without a document number (the
number is left blank as on a draft); ``issue_pdf`` takes the next number from the register
(numbers per document type per year, never reused) and renders the issued document.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tdkt_desktop.core import rules
from tdkt_desktop.core.models import (
    Rating,
    SubjectKind,
    list_rank,
    period_label,
    period_year,
)
from tdkt_desktop.core.naming import Naming, household_name, place_of
from tdkt_desktop.core.targets import TargetSpec, indented
from tdkt_desktop.core.text import format_number, money_in_words
from tdkt_desktop.printing import meeting_papers, office_papers
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.printing.meeting_papers import council_issuer, session_votes
from tdkt_desktop.printing.renderer import RenderInfo, render
from tdkt_desktop.store import Store
from tdkt_desktop.store.facts import innovation_rows, latest_vote, scope_text
from tdkt_desktop.store.naming import localised_title, naming_of
from tdkt_desktop.store.results import ordered_targets
from tdkt_desktop.store.statistics import review_report_data

Row = dict[str, Any]

# record table → templates that print from one of its records
PRINTABLE: dict[str, list[str]] = {
    "nominations": ["to_trinh", "danh_sach", "bao_cao_ca_nhan", "bao_cao_tap_the", "cong_van", "thong_bao_ket_qua"],
    "vote_sessions": ["bien_ban", "phieu_bau", "bien_ban_kiem_phieu"],
    "decisions": ["quyet_dinh", "giay_khen", "bang_cstdcs", "trich_so_vang"],
    "award_cancellations": ["quyet_dinh_huy_bo"],
    "registrations": ["dang_ky_thi_dua"],
    "campaigns": ["ke_hoach_phat_dong", "bao_cao_ket_qua"],
    "covenants": ["giao_uoc_thi_dua"],
}
TEMPLATE_TABLE: dict[str, str] = {t: table for table, names in PRINTABLE.items() for t in names}
# the document type (register) each issued template takes its number in
DOC_TYPE: dict[str, str] = {
    "to_trinh": "TTr",
    "bien_ban": "BB",
    "ke_hoach_phat_dong": "KH",
    "bao_cao_ket_qua": "BC",
    "dang_ky_thi_dua": "ĐK",
    "cong_van": "CV",
    "thong_bao_ket_qua": "TB",
}

CERTIFICATE_TITLES = {"giay_khen": ("GIAY_KHEN",), "bang_cstdcs": ("CSTDCS",)}


# --------------------------------------------------------------------------- the unit and its officials


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def place_name(store: Store, unit: Row | None = None) -> str:
    """ "Tân An" for "Phường Tân An": the place written before the date."""
    if unit is None:
        custom = store.meta("place_name")
        if custom:
            return custom
        unit = store.self_unit()
    return place_of(str(unit["name"]) if unit else "")


def is_government(unit: Row) -> bool:
    return unit["level"] in ("province", "district", "commune")


def issuer_of(store: Store, unit: Row | None = None) -> dict[str, str]:
    """The issuing body's header block and names: "ỦY BAN NHÂN DÂN / PHƯỜNG TÂN AN", "UBND", …"""
    unit = unit or store.self_unit()
    if unit is None:
        raise PrintError("Chưa khai báo đơn vị của bản cài đặt. Hãy làm bước thiết lập ban đầu trước khi in.")
    name = str(unit["name"])
    if is_government(unit):
        return {
            "name": f"ỦY BAN NHÂN DÂN\n{name.upper()}",
            "abbr": "UBND",
            "full": f"Ủy ban nhân dân {lower_first(name)}",
            "short": f"UBND {lower_first(name)}",
        }
    parent = store.unit_by_code(unit["parent_code"]) if unit.get("parent_code") else None
    initials = "".join(w[0] for w in re.findall(r"\w+", name) if w[0].isupper())
    out = {"name": name.upper(), "abbr": initials or "ĐV", "full": name, "short": name}
    if parent is not None:
        out["parent"] = f"UBND {parent['name'].upper()}" if is_government(parent) else parent["name"].upper()
    return out


def authority_of(unit: Row | None) -> str:
    """ "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ"."""
    if unit is None:
        return "Chủ tịch Ủy ban nhân dân cấp trên"
    return f"Chủ tịch Ủy ban nhân dân {lower_first(str(unit['name']))}"


def officials(store: Store, unit_code: str | None = None) -> list[Row]:
    code = unit_code or store.unit_code
    return store.rows("officials", "unit_code = ?", [code], order_by="sort_order, full_name")


# What a person chooses for each document (the print screen, ``tdkt print --signer/--role/--recipient/
# --attached``): the signer and the role's prefix, the Nơi nhận list, the document a list goes with.
CHOICES: dict[str, frozenset[str]] = {
    "to_trinh": frozenset({"signer", "recipients"}),
    "danh_sach": frozenset({"signer", "attached"}),
    "quyet_dinh": frozenset({"signer", "recipients"}),
    "quyet_dinh_huy_bo": frozenset({"signer", "recipients"}),
    "giay_khen": frozenset({"signer"}),
    "bang_cstdcs": frozenset({"signer"}),
    "dang_ky_thi_dua": frozenset({"signer", "recipients"}),
    "ke_hoach_phat_dong": frozenset({"signer", "recipients"}),
    "bao_cao_ket_qua": frozenset({"signer", "recipients"}),
    "cong_van": frozenset({"signer", "recipients"}),
    "thong_bao_ket_qua": frozenset({"signer", "recipients"}),
    "trich_so_vang": frozenset({"signer", "recipients"}),
}

# Signing authority (NĐ 30/2020, Phụ lục I, mục I.9): TM. for the collective body, KT. for the head, Q. an
# acting head, TL. and TUQ. on the head's behalf; "" the head signing his own decision.
ROLES = ("TM", "KT", "Q", "TL", "TUQ", "")


def signature(*, official: Row, head_title: str, body: str | None, role: str | None, is_head: bool) -> dict[str, str]:
    """The signature block of ``official``: {prefix, title, name} for the role (default: TM. for a collective
    body's head, KT. for a deputy, none for the head's own decision)."""
    title = str(official["title"]).upper()
    head = head_title.upper()
    if role is None:
        role = ("TM" if body else "") if is_head else "KT"
    role = role.rstrip(".").upper()
    if role not in ROLES:
        raise PrintError(f"Quyền hạn ký “{role}” không hợp lệ: chỉ TM., KT., Q., TL., TUQ. hoặc để trống.")
    name = str(official["full_name"])
    if role == "TM":
        if not body:
            raise PrintError("Ký thay mặt (TM.) chỉ dùng cho văn bản của tập thể (Ủy ban nhân dân, Hội đồng).")
        return {"prefix": f"TM. {body.upper()}", "title": title, "name": name}
    if role == "KT":
        return {"prefix": f"KT. {head}", "title": title, "name": name}
    if role == "Q":
        return {"prefix": "", "title": f"Q. {head}", "name": name}
    if role in ("TL", "TUQ"):
        return {"prefix": f"{role}. {head}", "title": title, "name": name}
    return {"prefix": "", "title": title, "name": name}


def signer_for(store: Store, *, collective: bool, name: str | None = None, role: str | None = None) -> dict[str, str]:
    """The signature block of the unit's document: the official named ``name`` (default: the first, the
    head) with the role's prefix — "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", …"""
    people = officials(store)
    if not people:
        raise PrintError(
            "Chưa khai báo người ký (Chủ tịch, Phó Chủ tịch). Hãy nhập ở mục Cài đặt → Người ký rồi in lại."
        )
    chosen = people[0]
    if name:
        named = next((p for p in people if p["full_name"] == name), None)
        if named is None:
            names = ", ".join(str(p["full_name"]) for p in people)
            raise PrintError(f"“{name}” không có trong danh sách người ký của đơn vị ({names}).")
        chosen = named
    unit = store.self_unit()
    government = unit is not None and is_government(unit)
    head = people[0]
    body = ("ỦY BAN NHÂN DÂN" if government else (unit["name"] if unit else None)) if collective else None
    return signature(official=chosen, head_title=str(head["title"]), body=body, role=role,
                     is_head=chosen["id"] == head["id"])


def legal_basis(on: _dt.date) -> list[str]:
    """The "Căn cứ …" lines of the law for a document dated ``on``: the rule set in force that day
    (``decision_bases`` of resources/rulesets, each line citing its text)."""
    from tdkt_desktop.core.rules import ruleset_for

    return [text for text, _source in ruleset_for(on).decision_bases]


# --------------------------------------------------------------------------- nominees


def _two(n: int) -> str:
    """A count as an administrative text writes it: "02", "15", "1.250"."""
    return f"{n:02d}" if n < 10 else format_number(n)


def count_text(kinds: Iterable[str]) -> str:
    """ "02 tập thể, 03 cá nhân và 01 hộ gia đình"."""
    counts = {k: 0 for k in ("collective", "person", "household")}
    for kind in kinds:
        counts[kind] += 1
    parts = [f"{_two(counts[k])} {SubjectKind(k).label.lower()}" for k in ("collective", "person", "household") if counts[k]]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " và " + parts[-1]
    return parts[0] if parts else "00 cá nhân"


def subject_record(store: Store, kind: str, subject_id: str | None) -> Row | None:
    return store.get(SubjectKind(kind).table, subject_id) if subject_id else None


def display_name(store: Store, kind: str, subject_id: str | None, fallback: str) -> str:
    """ "Bà Nguyễn Thị Thu Hà" for a person (Ông/Bà by gender); the name as it is otherwise."""
    record = subject_record(store, kind, subject_id)
    if kind == "person" and record is not None:
        honorific = {"female": "Bà", "male": "Ông"}.get(record.get("gender") or "")
        return f"{honorific} {record['full_name']}" if honorific else str(record["full_name"])
    if kind == "household" and record is not None:
        return household_name(str(record["head_name"]), record.get("head_gender"))
    if kind == "household" and fallback.startswith("Hộ ông/bà "):  # written so by versions before household_name
        return household_name(fallback[len("Hộ ông/bà "):])
    return fallback


def position_unit(store: Store, kind: str, subject_id: str | None) -> str:
    record = subject_record(store, kind, subject_id)
    if record is None:
        return ""
    if kind == "person":
        parts = [record.get("position"), record.get("workplace")]
        return ", ".join(str(p) for p in parts if p)
    if kind == "collective":
        unit = store.self_unit()
        return str(unit["name"]) if unit else ""
    return str(record.get("address") or "")


_SECTION_HEADS = {"collective": "TẬP THỂ", "person": "CÁ NHÂN", "household": "HỘ GIA ĐÌNH"}
_ROMAN = ["I", "II", "III"]


def grouped(rows: list[tuple[str, Row]]) -> list[Row]:
    """Rows grouped under "I. TẬP THỂ", "II. CÁ NHÂN", "III. HỘ GIA ĐÌNH" (only the groups present)."""
    out: list[Row] = []
    n = 0
    for kind in ("collective", "person", "household"):
        members = [r for k, r in rows if k == kind]
        if not members:
            continue
        out.append({"section": f"{_ROMAN[n]}. {_SECTION_HEADS[kind]}"})
        out.extend(members)
        n += 1
    return out


def grouped_by_title(rows: list[tuple[str, str, Row]], naming: Naming) -> list[Row]:
    """Rows of several titles: one section per title ("I. CHIẾN SĨ THI ĐUA CƠ SỞ"), collectives first, each
    title named as the deciding unit names it (``naming``)."""
    codes: list[str] = []
    for code, _, _ in rows:
        if code not in codes:
            codes.append(code)
    if len(codes) == 1:
        return grouped([(kind, row) for _, kind, row in rows])
    out: list[Row] = []
    for i, code in enumerate(codes):
        members = sorted((r for r in rows if r[0] == code), key=lambda r: list_rank(r[1]))
        numeral = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][i] if i < 10 else str(i + 1)
        out.append({"section": f"{numeral}. {naming.title(code).upper()} ({count_text(k for _, k, _ in members)})"})
        out.extend(row for _, _, row in members)
    return out


def nomination_batch(store: Store, record_id: str, options: dict[str, Any]) -> list[Row]:
    ids = options.get("nomination_ids")
    if ids:
        batch = [store.require("nominations", i) for i in ids]
    else:
        first = store.require("nominations", record_id)
        batch = store.rows(
            "nominations",
            "year = ? AND title_code = ? AND status NOT IN ('rejected', 'returned')",
            [first["year"], first["title_code"]],
        )
    if not batch:
        raise PrintError("Không có đề nghị khen thưởng nào để in.")
    return batch


def _is_title(code: str) -> bool:
    """Danh hiệu thi đua (as opposed to a hình thức khen thưởng)."""
    return code not in ("GIAY_KHEN", "BANG_KHEN_TINH", "BANG_KHEN_TTG")


def award_phrase(store: Store, code: str, year: int | None = None) -> str:
    label = localised_title(store, code)
    if _is_title(code):
        return f"danh hiệu “{label}”" + (f" năm {year}" if year else "")
    return label


# --------------------------------------------------------------------------- builders


def today(options: dict[str, Any]) -> _dt.date:
    value = options.get("date")
    if isinstance(value, str):
        return _dt.date.fromisoformat(value)
    return value or _dt.date.today()


def upper_office(store: Store) -> Row | None:
    unit = store.self_unit()
    return store.unit_by_code(unit["parent_code"]) if unit and unit.get("parent_code") else None


def _upper_entries(store: Store, *, note: str = "") -> list[str]:
    """The real upper office as Nơi nhận entries: "UBND thành phố Cần Thơ" and its Sở Nội vụ for a province."""
    upper = upper_office(store)
    if upper is None:
        return []
    suffix = f" ({note})" if note else ""
    if is_government(upper):
        out = [f"UBND {lower_first(str(upper['name']))}{suffix}"]
        if upper["level"] == "province":
            out.append(f"Sở Nội vụ {lower_first(str(upper['name']))} (Phòng Thi đua, khen thưởng)")
        return out
    return [f"{upper['name']}{suffix}"]


def _sub_unit_entries(store: Store) -> list[str]:
    below = store.rows("units", "parent_code = ?", [store.unit_code], order_by="name")
    if not below:
        return []
    if len(below) > 6:
        return ["Các cơ quan, đơn vị trực thuộc (theo danh sách)"]
    return [str(u["name"]) for u in below]


RECIPIENTS_KEY = "printing_recipients_{}"


def recipients(store: Store, template: str, defaults: list[str], options: dict[str, Any]) -> list[str]:
    """The Nơi nhận of ``template``: given in ``options["recipients"]`` (then remembered for the next document
    of this kind), else the ones remembered, else ``defaults`` (the real upper office, sub-units)."""
    from tdkt_desktop.core.text import clean

    key = RECIPIENTS_KEY.format(template)
    given = options.get("recipients")
    if given is not None:
        chosen = [clean(str(x)) for x in given if clean(str(x))]
        with store.atomic():
            store.set_meta_json(key, chosen)
        return chosen
    saved = store.meta_json(key, None)
    return [str(x) for x in saved] if isinstance(saved, list) else defaults


def recipient_choices(store: Store, template: str) -> dict[str, Any]:
    """The Nơi nhận of ``template`` as a person edits it: ``current`` (remembered, else the defaults),
    ``defaults`` and whether ``current`` is a remembered choice."""
    defaults = default_recipients(store, template)
    saved = store.meta_json(RECIPIENTS_KEY.format(template), None)
    remembered = isinstance(saved, list)
    return {"current": [str(x) for x in saved] if remembered else defaults, "defaults": defaults,
            "remembered": remembered}


def forget_recipients(store: Store, template: str) -> None:
    """Go back to the default Nơi nhận of ``template``."""
    with store.atomic():
        store.set_meta(RECIPIENTS_KEY.format(template), None)


def signer_choices(store: Store) -> list[dict[str, str]]:
    """The unit's officials who may sign, the head first: ``name`` and ``title``."""
    return [{"name": str(p["full_name"]), "title": str(p["title"])} for p in officials(store)]


def default_recipients(store: Store, template: str) -> list[str]:
    """The Nơi nhận a document of ``template`` gets when nobody has chosen others."""
    if template == "cong_van":
        return ["Như trên"]
    if template in ("to_trinh", "dang_ky_thi_dua"):
        return ["Như trên"] + ([e for e in _upper_entries(store) if e.startswith("Sở")] if template == "to_trinh"
                               else [])
    if template in ("quyet_dinh", "quyet_dinh_huy_bo"):
        return ["Như Điều 3", *_upper_entries(store, note="để báo cáo")]
    if template == "ke_hoach_phat_dong":
        return [*_upper_entries(store, note="để báo cáo"), *_sub_unit_entries(store)]
    if template in ("bao_cao_ket_qua", "bieu_0601N", "bieu_0603N"):
        return _upper_entries(store)
    return []


def _to_trinh(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    batch = nomination_batch(store, record_id, options)
    first = batch[0]
    on = today(options)
    code = first["title_code"]
    ruleset = rules.ruleset_for(on)
    entry = ruleset.catalogue.get(code)
    unit = store.self_unit()
    upper = store.unit_by_code(unit["parent_code"]) if unit and unit.get("parent_code") else None
    commune_decides = bool(getattr(entry, "commune_decides", False))
    authority = authority_of(unit if commune_decides else upper)
    basis = legal_basis(on)
    sessions = {v["vote_session_id"] for n in batch if (v := latest_vote(store, n["id"]))}
    for session_id in sorted(sessions):
        session = store.get("vote_sessions", session_id)
        if session:
            meeting = _dt.date.fromisoformat(session["meeting_date"])
            basis.append(
                f"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng {lower_first(str(unit['name'])) if unit else ''} "
                f"ngày {meeting.day:02d} tháng {meeting.month:02d} năm {meeting.year}"
            )
    achievements = [str(n["achievement"]) for n in batch[:1] if n.get("achievement")]
    issuer = issuer_of(store)
    signer = signer_for(store, collective=True, name=options.get("signer"), role=options.get("signer_role"))
    if commune_decides and unit is not None and is_government(unit):
        # The unit's own chairman decides: the emulation council submits to him, not the UBND to itself.
        issuer = {
            "parent": issuer["name"].replace("\n", " "),
            "name": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "abbr": "HĐTĐKT",
            "full": f"Hội đồng Thi đua - Khen thưởng {lower_first(str(unit['name']))}",
            "short": f"Hội đồng Thi đua - Khen thưởng {lower_first(str(unit['name']))}",
        }
        people = officials(store)
        vice = [p for p in people if str(p["title"]).lower().startswith("phó")]
        named = next((p for p in people if p["full_name"] == options.get("signer")), None)
        chosen = named or (vice[0] if vice else people[0])
        signer = signature(official={**chosen, "title": f"{chosen['title']} Hội đồng"}, head_title="CHỦ TỊCH",
                           body="HỘI ĐỒNG", role=options.get("signer_role"), is_head=chosen["id"] == people[0]["id"])
    return {
        "issuer": issuer,
        "place": place_name(store),
        "date": on,
        "subject": f"Về việc đề nghị tặng {award_phrase(store, code)}\ncho {count_text(n['subject_kind'] for n in batch)} "
        f"có thành tích xuất sắc năm {first['year']}",
        "addressee": authority,
        "basis": basis,
        "proposal": {
            "authority": authority,
            "award": award_phrase(store, code, first["year"] if _is_title(code) else None),
            "count_text": count_text(n["subject_kind"] for n in batch),
            "reason": f"đã có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị và phong trào thi đua yêu nước "
            f"năm {first['year']}",
        },
        "summary": achievements if options.get("with_summary") else [],
        "signer": signer,
        "recipients": recipients(store, "to_trinh", default_recipients(store, "to_trinh"), options),
        "archive": "VP",
    }


def _danh_sach(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    batch = nomination_batch(store, record_id, options)
    first = batch[0]
    on = today(options)
    rows: list[tuple[str, Row]] = []
    for n in batch:
        vote = latest_vote(store, n["id"])
        row: Row = {
            "name": display_name(store, n["subject_kind"], n["subject_id"], n["subject_name"]),
            "position_unit": position_unit(store, n["subject_kind"], n["subject_id"]),
            "award": localised_title(store, n["title_code"]),
            "summary": n.get("achievement") or "",
        }
        if vote and vote.get("share") is not None:
            row["vote_percent"] = round(float(vote["share"]), 2)
        rows.append((n["subject_kind"], row))
    # the list goes with its tờ trình: the same issuing body, the same signer, "(Kèm theo Tờ trình số …)"
    submission = _to_trinh(store, record_id, options)
    context: dict[str, Any] = {
        "issuer": submission["issuer"],
        "place": place_name(store),
        "date": on,
        "list_title": f"Đề nghị tặng {award_phrase(store, first['title_code'])} năm {first['year']}",
        "rows": grouped(rows),
        "signer": submission["signer"],
        "attached": options.get("attached") or _attached_submission(store, record_id, submission),
    }
    return context


def _attached_submission(store: Store, record_id: str, submission: dict[str, Any]) -> dict[str, Any]:
    """The tờ trình this list goes with: its number and date once issued, blanks to fill in before."""
    from tdkt_desktop.store.numbering import register_entry

    entry = register_entry(store, doc_type="TTr", record_table="nominations", record_id=record_id)
    if entry:
        return {"kind": "Tờ trình", "number": entry["code"], "date": entry["issued_on"]}
    abbr = submission["issuer"].get("abbr", "UBND")
    return {"kind": "Tờ trình", "number": f"     /TTr-{abbr}", "date": None}


def _history(store: Store, kind: str, subject_id: str) -> tuple[list[Row], list[Row]]:
    titles, forms = [], []
    for h in store.rows("award_history", "subject_kind = ? AND subject_id = ?", [kind, subject_id], order_by="year"):
        decision = " ".join(
            p for p in (
                f"Quyết định số {h['decision_number']}" if h.get("decision_number") else "",
                f"ngày {_dt.date.fromisoformat(h['decision_date']).strftime('%d/%m/%Y')}" if h.get("decision_date") else "",
                f"của {h['issuer']}" if h.get("issuer") else "",
            ) if p
        )
        if _is_title(h.get("code") or "GIAY_KHEN" if not h.get("code") else h["code"]):
            titles.append({"year": h["year"], "title": h["award_name"], "decision": decision})
        else:
            forms.append({"year": h["year"], "form": h["award_name"], "decision": decision})
    return titles, forms


def _award_title(store: Store, code: str, year: int) -> str:
    label = localised_title(store, code).upper()
    return f"ĐỀ NGHỊ TẶNG DANH HIỆU {label} NĂM {year}" if _is_title(code) else f"ĐỀ NGHỊ TẶNG {label}"


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def _bao_cao_ca_nhan(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    n = store.require("nominations", record_id)
    if n["subject_kind"] != "person":
        raise PrintError("Báo cáo thành tích cá nhân chỉ in cho đề nghị khen thưởng cá nhân; hãy chọn mẫu tập thể.")
    person = store.require("people", n["subject_id"])
    missing = [label for key, label in (("birth_date", "ngày sinh"), ("gender", "giới tính"), ("hometown", "quê quán"),
                                        ("residence", "nơi ở"), ("position", "chức vụ")) if not person.get(key)]
    if missing:
        raise PrintError(
            f"Báo cáo thành tích của {person['full_name']} còn thiếu: {', '.join(missing)}. Hãy bổ sung ở mục "
            "Cá nhân & tập thể rồi in lại."
        )
    titles, forms = _history(store, "person", person["id"])
    initiatives, research = (
        [{"year": i["year"], "name": i["name"], "level": scope_text(i),
          "decision": f"Quyết định số {i['decision_number']}" if i.get("decision_number") else ""} for i in rows]
        for rows in innovation_rows(store, person["id"])
    )
    unit = store.self_unit()
    confirmer = next((p for p in officials(store) if p["full_name"] != person["full_name"]), None)
    confirmer_title = (f"{str(confirmer['title']).upper()} {issuer_of(store)['full'].upper()}" if confirmer else "")
    return {
        "place": place_name(store),
        "date": today(options),
        "award_title": _award_title(store, n["title_code"], n["year"]),
        "person": {
            "name": person["full_name"],
            "birth_date": _dt.date.fromisoformat(person["birth_date"]),
            "gender": "Nữ" if person["gender"] == "female" else "Nam",
            "hometown": person["hometown"],
            "residence": person["residence"],
            "unit": person.get("workplace") or (unit["name"] if unit else ""),
            "position": person["position"],
            "qualification": person.get("education") or "",
            "academic": person.get("academic_title") or "",
        },
        "duties": options.get("duties") or [f"{person['position']}: thực hiện chức năng, nhiệm vụ được giao theo quy định."],
        "achievements": _paragraphs(n.get("achievement")) or ["(Chưa nhập tóm tắt thành tích.)"],
        "initiatives": initiatives,
        "research": research,
        "titles": titles,
        "awards": forms,
        # the head of the unit confirms — never the person reporting (a chairman's report: his deputy)
        "confirmer": {"title": confirmer_title, "name": confirmer["full_name"] if confirmer else ""},
    }


def _bao_cao_tap_the(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    n = store.require("nominations", record_id)
    if n["subject_kind"] != "collective":
        raise PrintError("Báo cáo thành tích tập thể chỉ in cho đề nghị khen thưởng tập thể.")
    collective = store.require("collectives", n["subject_id"])
    titles, forms = _history(store, "collective", collective["id"])
    members = collective.get("members_count")
    women = collective.get("women_count")
    overview = [f"{collective['name']}" + (f", địa chỉ: {collective['address']}" if collective.get("address") else "") + "."]
    if members:
        share = f" ({format_number(100 * women / members, decimals=1)}%)" if women is not None and members else ""
        overview.append(f"Tổng số cán bộ, thành viên: {members} người, trong đó nữ: {women or 0} người{share}.")
    unit = store.self_unit()
    ratings = {r["year"]: r["rating"] for r in store.rows("ratings", "subject_kind = 'collective' AND subject_id = ?", [collective["id"]])}
    years = [str(n["year"] - 1), str(n["year"])]
    results = [
        {"name": "Xếp loại chất lượng", "y1": Rating(ratings[int(y)]).label if int(y) in ratings else "",
         "y2": "", "compare": ""}
        for y in years[:1]
    ] if ratings else []
    if results:
        results[0]["y2"] = Rating(ratings[n["year"]]).label if n["year"] in ratings else ""
    chairman = officials(store)[:1]
    head_title = options.get("head_title") or str(collective.get("head_title") or "THỦ TRƯỞNG ĐƠN VỊ").upper()
    return {
        "issuer": {"name": collective["name"].upper(), **({"parent": f"UBND {unit['name'].upper()}"} if unit else {})},
        "place": place_name(store),
        "date": today(options),
        "award_title": _award_title(store, n["title_code"], n["year"]),
        "unit_name": collective["name"],
        "overview": overview,
        "functions": _paragraphs(collective.get("notes")) or ["Thực hiện chức năng, nhiệm vụ theo quy định của cơ quan có thẩm quyền."],
        "years": years,
        "results": results,
        "solutions": _paragraphs(n.get("achievement")) or ["(Chưa nhập tóm tắt thành tích.)"],
        "titles": titles,
        "awards": forms,
        "confirmer": {"title": f"CHỦ TỊCH {issuer_of(store)['full'].upper()}", "name": chairman[0]["full_name"] if chairman else ""},
        "head": {"title": head_title, "name": options.get("head_name") or collective.get("head_name") or ""},
    }


def _bien_ban(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    session = store.require("vote_sessions", record_id)
    meeting = _dt.date.fromisoformat(session["meeting_date"])
    ruleset = rules.ruleset_for(meeting)
    unit = store.self_unit()
    issuer = issuer_of(store)
    votes, passed, judged = session_votes(store, session)
    if not votes:
        raise PrintError("Phiên họp chưa có kết quả bỏ phiếu. Hãy nhập số phiếu cho từng đề nghị rồi in biên bản.")
    absent = int(session["total_members"]) - int(session["present"])
    conclusions = []
    for code in sorted({c for c, _ in passed}):
        kinds = [k for c, k in passed if c == code]
        conclusions.append(
            f"Hội đồng thống nhất đề nghị {authority_of(unit)} xét, tặng {award_phrase(store, code)} cho {count_text(kinds)} "
            f"đạt tỷ lệ phiếu theo quy định."
        )
    for code in sorted({c for c, _ in judged}):
        kinds = [k for c, k in judged if c == code]
        conclusions.append(
            f"Hội đồng xem xét kết quả biểu quyết đối với {count_text(kinds)} đề nghị tặng {award_phrase(store, code)} "
            "theo quy chế hoạt động của Hội đồng."
        )
    if not conclusions:
        conclusions.append("Không có trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy định.")
    voting_rule = (
        "Hội đồng bỏ phiếu kín; tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng"
        if ruleset.vote_source.status == "confirmed"
        else "Hội đồng biểu quyết theo quy chế hoạt động; tỷ lệ phiếu đồng ý ghi theo tổng số thành viên Hội đồng"
    )
    return {
        "issuer": council_issuer(store),
        "code": "BB-HĐTĐKT",
        "place": place_name(store),
        "date": meeting,
        "subject": f"Họp Hội đồng Thi đua - Khen thưởng {lower_first(str(unit['name'])) if unit else ''}\n"
        f"xét đề nghị khen thưởng {period_label(session['period']).lower() if session.get('period') else ''}".rstrip(),
        "meeting": {
            "start": options.get("start") or "…… giờ ……",
            "date": meeting,
            "place": session.get("place") or issuer["full"],
            "total_members": session["total_members"],
            "present": session["present"],
            "absent": absent,
            "written": session.get("written_opinions") or 0,
            "absent_names": options.get("absent_names") or "",
            "chair": session.get("chair") or "",
            "secretary": session.get("secretary") or "",
            "end": options.get("end") or "…… giờ ……",
        },
        "content": [
            f"Thư ký Hội đồng báo cáo tổng hợp hồ sơ đề nghị khen thưởng: {count_text(store.require('nominations', v['nomination_id'])['subject_kind'] for v in store.rows('votes', 'vote_session_id = ?', [session['id']]))}.",
            f"Hội đồng thảo luận, đối chiếu tiêu chuẩn theo Luật Thi đua, khen thưởng và {ruleset.legal_basis}.",
            voting_rule
            + (f"; ý kiến bằng văn bản của {session['written_opinions']:02d} thành viên vắng mặt được đọc tại cuộc họp" if session.get("written_opinions") else "")
            + ".",
        ],
        "votes": votes,
        "conclusions": conclusions,
        "secretary": {"name": session.get("secretary") or ""},
        "chair": {"name": session.get("chair") or ""},
    }


def _decision_parts(store: Store, decision: Row) -> tuple[list[Row], dict[str, int]]:
    awardees = store.rows("decision_awardees", "decision_id = ?", [decision["id"]], order_by="so_vang")
    if not awardees:
        raise PrintError("Quyết định chưa có danh sách khen thưởng.")
    totals: dict[str, int] = {}
    for a in awardees:
        totals[a["subject_kind"]] = totals.get(a["subject_kind"], 0) + 1
    return awardees, totals


def decision_number_text(decision: Row) -> str:
    number = decision.get("number")
    code = decision.get("doc_code") or "QĐ-UBND"
    if not number:
        return f"     /{code}"
    n = int(number) if str(number).isdigit() else number
    return f"{n:02d}/{code}" if isinstance(n, int) else f"{n}/{code}"


def _distinct_subjects(awardees: list[Row]) -> list[str]:
    """One kind per person or collective awarded (several awards to one person count once)."""
    seen: dict[tuple[str, str], str] = {}
    for a in awardees:
        seen.setdefault((a["subject_kind"], a.get("subject_id") or a["subject_name"]), a["subject_kind"])
    return list(seen.values())


def decision_signer(store: Store, decision: Row, options: dict[str, Any]) -> dict[str, str]:
    """Who signs a decision and its certificates: the official chosen for printing, else the one recorded on
    the decision; a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", the chairman his own decision without prefix."""
    name = options.get("signer") or decision.get("signer")
    people = officials(store)
    official = next((p for p in people if p["full_name"] == name), None)
    if official is None and name:
        official = {"id": "", "full_name": name, "title": decision.get("signer_title") or "Chủ tịch"}
    if official is None:
        return signer_for(store, collective=False, role=options.get("signer_role"))
    head = people[0] if people else official
    is_head = official["id"] == head["id"] or not str(official["title"]).lower().startswith("phó")
    return signature(official=official, head_title=str(head["title"]) if people else "Chủ tịch", body=None,
                     role=options.get("signer_role"), is_head=is_head)


def _quyet_dinh(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    decision = store.require("decisions", record_id)
    on = _dt.date.fromisoformat(decision["decision_date"])
    awardees, _totals = _decision_parts(store, decision)
    unit = store.self_unit()
    codes = sorted({a["title_code"] for a in awardees})
    award_text = ", ".join(award_phrase(store, c) for c in codes)
    rows = [
        (a["title_code"], a["subject_kind"], {
            "name": display_name(store, a["subject_kind"], a.get("subject_id"), a["subject_name"]),
            "position_unit": position_unit(store, a["subject_kind"], a.get("subject_id")),
            "award": localised_title(store, a["title_code"]),
            "gold_book": f"{int(a['so_vang']):02d}" if a.get("so_vang") is not None else "",
            "amount": int(a.get("amount") or 0),
        })
        for a in awardees
    ]
    total = sum(int(a.get("amount") or 0) for a in awardees)
    base = decision.get("base_salary") or rules.base_salary_on(on)
    number = decision.get("number")
    return {
        "issuer": issuer_of(store),
        "number": int(number) if number and str(number).isdigit() else None,
        "code": decision.get("doc_code") or "QĐ-UBND",
        "place": place_name(store),
        "date": on,
        "subject": decision.get("subject") or f"Về việc tặng {award_text}",
        "decider": authority_of(unit),
        "basis": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025" if on >= _dt.date(2025, 7, 1)
                  else "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", *legal_basis(on)],
        "proposed_by": f"Theo đề nghị của Hội đồng Thi đua - Khen thưởng {lower_first(str(unit['name'])) if unit else ''}",
        "article1": f"Tặng {award_text} cho {count_text(_distinct_subjects(awardees))} (có danh sách kèm theo) "
        "đã có thành tích xuất sắc trong thực hiện nhiệm vụ và phong trào thi đua yêu nước.",
        "article2": f"Tiền thưởng kèm theo thực hiện theo quy định hiện hành, mức lương cơ sở {format_number(base)} đồng; "
        f"tổng cộng {format_number(total)} đồng ({money_in_words(total)}), trích từ Quỹ thi đua, khen thưởng.",
        "article3": "Chánh Văn phòng, Trưởng các phòng, ban có liên quan và các tập thể, cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
        "list_title": f"Tập thể, cá nhân được tặng {award_text}",
        "awardees": grouped_by_title(rows, naming_of(store, decision.get("issuer_unit"))),
        "signer": decision_signer(store, decision, options),
        "recipients": recipients(store, "quyet_dinh", default_recipients(store, "quyet_dinh"), options),
        "archive": "VP",
    }


def _quyet_dinh_huy_bo(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """Quyết định hủy bỏ quyết định khen thưởng (Luật Thi đua, khen thưởng 2022, Điều 93): the data comes from
    :func:`tdkt_desktop.store.cancellations.cancellation_summary`."""
    from tdkt_desktop.store.cancellations import cancellation_summary

    summary = cancellation_summary(store, record_id)
    on: _dt.date = summary["date"]
    unit = store.self_unit()
    decision = summary["decision"]
    decided = _dt.date.fromisoformat(decision["date"]) if decision.get("date") else None
    of_decision = f"Quyết định số {decision['code']}" + (
        f" ngày {decided.day:02d}/{decided.month:02d}/{decided.year}" if decided else "")
    awards = [
        (a["title_code"], a["subject_kind"], {
            "name": display_name(store, a["subject_kind"], None, a["name"]),
            "award": localised_title(store, a["title_code"]),
            "gold_book": f"{int(a['so_vang']):02d}" if a.get("so_vang") is not None else "",
            "amount": a["amount_to_recover"],
        })
        for a in summary["awards"]
    ]
    total = summary["total_to_recover"]
    number = summary["number"]
    ground = summary["ground"]
    money = (f"Thu hồi tiền thưởng đã nhận, tổng cộng {format_number(total)} đồng ({money_in_words(total)}), "
             "nộp vào Quỹ thi đua, khen thưởng" if total else "Không có tiền thưởng phải thu hồi")
    return {
        "issuer": issuer_of(store),
        "number": int(number) if number and str(number).isdigit() else None,
        "code": summary["doc_code"] or "QĐ-UBND",
        "place": place_name(store),
        "date": on,
        "subject": f"Về việc hủy bỏ {of_decision} về khen thưởng đối với {count_text(a['subject_kind'] for a in summary['awards'])}",
        "decider": authority_of(unit),
        "basis": [*(text for text, _ in rules.ruleset_for(on).decision_bases), f"Căn cứ {of_decision}"],
        "proposed_by": f"Xét đề nghị của Hội đồng Thi đua - Khen thưởng {lower_first(str(unit['name'])) if unit else ''}",
        "article1": f"Hủy bỏ khen thưởng theo {of_decision} đối với {count_text(a['subject_kind'] for a in summary['awards'])} "
        f"(có danh sách kèm theo), vì lý do: {summary['reason'].rstrip('.')} (thuộc trường hợp quy định tại điểm "
        f"{ground['code']} khoản 2 Điều 93 Luật Thi đua, khen thưởng: {ground['label'][:1].lower()}{ground['label'][1:]}).",
        "article2": f"Thu hồi hiện vật khen thưởng (bằng, khung) đã trao. {money}.",
        "article3": "Chánh Văn phòng, Trưởng các phòng, ban có liên quan và các tập thể, cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
        "list_title": f"Tập thể, cá nhân bị hủy bỏ khen thưởng theo {of_decision}",
        "awards": grouped_by_title(awards, naming_of(store)),
        "signer": decision_signer(store, {"signer": summary["signer"], "signer_title": summary["signer_title"]},
                                  options),
        "recipients": recipients(store, "quyet_dinh_huy_bo", default_recipients(store, "quyet_dinh_huy_bo"), options),
        "archive": "VP",
    }


def _certificates(store: Store, record_id: str, options: dict[str, Any], template: str) -> dict[str, Any]:
    decision = store.require("decisions", record_id)
    on = _dt.date.fromisoformat(decision["decision_date"])
    codes = CERTIFICATE_TITLES[template]
    awardees, _ = _decision_parts(store, decision)
    chosen = [a for a in awardees if a["title_code"] in codes]
    if options.get("awardee_id"):
        chosen = [a for a in chosen if a["id"] == options["awardee_id"]]
    if not chosen:
        raise PrintError(f"Quyết định này không có ai được tặng {localised_title(store, codes[0])}.")
    unit = store.self_unit()
    certificates = []
    for a in chosen:
        nomination = store.get("nominations", a["nomination_id"]) if a.get("nomination_id") else None
        certificates.append({
            "recipient": display_name(store, a["subject_kind"], a.get("subject_id"), a["subject_name"]),
            "position": position_unit(store, a["subject_kind"], a.get("subject_id")),
            "achievement": (nomination or {}).get("achievement") or "Đã có thành tích xuất sắc trong phong trào thi đua",
            "gold_book": f"{int(a['so_vang']):02d}" if a.get("so_vang") is not None else "",
        })
    context = {
        "decider": authority_of(unit),
        "place": place_name(store),
        "date": on,
        "decision": {"number": decision_number_text(decision), "date": on},
        "signer": decision_signer(store, decision, options),
        "certificates": certificates,
    }
    if template == "bang_cstdcs":
        first = store.get("nominations", chosen[0]["nomination_id"]) if chosen[0].get("nomination_id") else None
        context["year"] = (first or {}).get("year") or on.year
    return context


def _dang_ky(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    first = store.require("registrations", record_id)
    where, params = "year = ?", [first["year"]]
    if first.get("campaign_id"):
        where += " AND campaign_id = ?"
        params.append(first["campaign_id"])
    regs = store.rows("registrations", where, params)
    naming = naming_of(store)
    collectives = [{"name": r["subject_name"], "title": naming.title(r["title_code"])} for r in regs if r["subject_kind"] == "collective"]
    individuals = []
    for r in regs:
        if r["subject_kind"] != "person":
            continue
        person = store.get("people", r["subject_id"])
        individuals.append({"name": r["subject_name"], "position": (person or {}).get("position") or "",
                            "title": naming.title(r["title_code"])})
    households = [{"name": display_name(store, "household", r.get("subject_id"), r["subject_name"]),
                   "title": naming.title(r["title_code"])} for r in regs if r["subject_kind"] == "household"]
    campaign = store.get("campaigns", first["campaign_id"]) if first.get("campaign_id") else None
    unit = store.self_unit()
    upper = store.unit_by_code(unit["parent_code"]) if unit and unit.get("parent_code") else None
    intro = f"Thực hiện phong trào thi đua năm {first['year']}"
    if campaign and campaign.get("doc_number"):
        kind = {"CT": "Chỉ thị", "KH": "Kế hoạch", "QĐ": "Quyết định"}.get(campaign.get("doc_kind") or "", "Văn bản")
        intro = f"Thực hiện {kind} số {campaign['doc_number']}" + (
            f" ngày {_dt.date.fromisoformat(campaign['doc_date']).strftime('%d/%m/%Y')}" if campaign.get("doc_date") else "")
        if campaign.get("issuing_body"):
            intro += f" của {campaign['issuing_body']}"
        intro += f" về {lower_first(campaign['name'])}"
    issuer = issuer_of(store)
    chairman = signer_for(store, collective=True, name=options.get("signer"), role=options.get("signer_role"))
    return {
        "issuer": issuer,
        "place": place_name(store),
        "date": today(options),
        "year": first["year"],
        "addressee": f"Hội đồng Thi đua - Khen thưởng {lower_first(str(upper['name']))}" if upper else "Hội đồng Thi đua - Khen thưởng cấp trên",
        "intro": [f"{intro}, {issuer['full']} đăng ký thi đua năm {first['year']} như sau:"],
        "collectives": collectives,
        "households": households,
        "individuals": individuals,
        "commitments": [f"{issuer['full']} cam kết tổ chức thực hiện tốt các nội dung thi đua đã đăng ký."],
        "signer": chairman,
        "recipients": recipients(store, "dang_ky_thi_dua", default_recipients(store, "dang_ky_thi_dua"), options),
        "archive": "VP",
    }


def _giao_uoc(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """Bản giao ước thi đua of a cụm, khối thi đua (store.covenants): its members with their part in it, the
    commitments, the criteria and targets, and one signature per member unit, in the order they are listed."""
    from tdkt_desktop.core.text import fold
    from tdkt_desktop.store.covenants import members_of

    row = store.require("covenants", record_id)
    members = members_of(row)
    leader, deputy = fold(row.get("leader") or ""), fold(row.get("deputy") or "")
    kind = "khối" if row.get("cluster_kind") == "khoi" else "cụm"

    def role(name: str) -> str:
        if leader and fold(name) == leader:
            return f"Trưởng {kind}"
        if deputy and fold(name) == deputy:
            return f"Phó {kind}"
        return "Thành viên"

    name = str(row["cluster_name"])
    signed = _dt.date.fromisoformat(row["signed_on"]) if row.get("signed_on") else None
    lead = next((m["name"] for m in members if leader and fold(m["name"]) == leader), None)
    organisation = [
        f"Các đơn vị thành viên {lower_first(name)} cam kết tổ chức thực hiện đầy đủ các nội dung giao ước trên; "
        "định kỳ sơ kết, cuối năm tự đánh giá, chấm điểm theo tiêu chí đã thống nhất và bình xét thi đua trong "
        f"{kind}.",
        (f"{lead} (trưởng {kind}) theo dõi, đôn đốc, tổng hợp kết quả thực hiện giao ước, báo cáo Hội đồng Thi đua "
         "- Khen thưởng cấp trên." if lead else
         f"Đơn vị trưởng {kind} theo dõi, đôn đốc, tổng hợp kết quả thực hiện giao ước, báo cáo Hội đồng Thi đua - "
         "Khen thưởng cấp trên."),
        f"Bản giao ước này được lập thành {_two(len(members))} bản có giá trị như nhau, mỗi đơn vị thành viên giữ "
        "01 bản./.",
    ]
    return {
        "issuer": {"name": name.upper(), "full": name},
        "place": place_of(str(row.get("signed_place") or "")) or place_name(store),
        "date": signed,
        "year": row["year"],
        "cluster": name,
        "intro": [f"Thực hiện phong trào thi đua yêu nước năm {row['year']}, các đơn vị thành viên {lower_first(name)} "
                  "thống nhất ký kết giao ước thi đua với những nội dung sau:"],
        "members": [{"name": m["name"], "role": role(m["name"])} for m in members],
        "commitments": _paragraphs(row.get("commitments")),
        "criteria": _paragraphs(row.get("criteria")),
        "organisation": organisation,
        "signatures": [{"caption": m["name"], "title": m.get("signer_title") or "", "name": m.get("signer_name")}
                       for m in members],
    }


def _target_value_text(t: Row) -> str:
    return TargetSpec.from_row(t).describe()


def _ke_hoach(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    campaign = store.require("campaigns", record_id)
    targets = ordered_targets(store, campaign["id"])
    content = json.loads(campaign.get("content_json") or "[]")
    movements = json.loads(campaign.get("movements_json") or "[]")
    awards = json.loads(campaign.get("awards_json") or "[]")
    year = campaign.get("year") or today(options).year
    issuer = issuer_of(store)
    organisation = []
    if campaign.get("registration_deadline"):
        organisation.append(f"Các cơ quan, đơn vị đăng ký thi đua gửi về {issuer['full']} trước ngày "
                            f"{_dt.date.fromisoformat(campaign['registration_deadline']).strftime('%d/%m/%Y')}.")
    if campaign.get("midterm_review"):
        organisation.append(f"Sơ kết phong trào thi đua trước ngày {_dt.date.fromisoformat(campaign['midterm_review']).strftime('%d/%m/%Y')}.")
    if campaign.get("final_review"):
        organisation.append(f"Tổng kết phong trào thi đua trước ngày {_dt.date.fromisoformat(campaign['final_review']).strftime('%d/%m/%Y')}.")
    if campaign.get("submission_deadline"):
        organisation.append(f"Hồ sơ đề nghị khen thưởng gửi trước ngày {_dt.date.fromisoformat(campaign['submission_deadline']).strftime('%d/%m/%Y')}.")
    if awards:
        organisation.append("Khen thưởng: " + "; ".join(awards) + ".")
    organisation = [f"{i}. {line}" for i, line in enumerate(organisation or ["Các cơ quan, đơn vị tổ chức thực hiện Kế hoạch này./."], 1)]
    return {
        "issuer": issuer,
        "place": place_name(store),
        "date": today(options),
        "year": year,
        "subject": campaign.get("subject") or campaign["name"],
        "intro": [campaign.get("notes") or f"{issuer['full']} xây dựng Kế hoạch {lower_first(campaign['name'])} như sau:"],
        "purposes": [
            {"heading": "1. Mục đích"},
            f"- Đẩy mạnh phong trào thi đua, phấn đấu hoàn thành thắng lợi các chỉ tiêu năm {year}.",
            "- Phát hiện, bồi dưỡng, tôn vinh các điển hình tiên tiến.",
            {"heading": "2. Yêu cầu"},
            "Phong trào thi đua được tổ chức thiết thực, hiệu quả; khen thưởng chính xác, kịp thời, công khai, minh bạch.",
        ],
        "goals": [f"{i}. {m}" for i, m in enumerate(movements, 1)] or [f"1. Hoàn thành và hoàn thành vượt mức các chỉ tiêu năm {year}."],
        "contents": [f"{i}. {c}" for i, c in enumerate(content, 1)] or ["1. Thi đua hoàn thành các chỉ tiêu được giao."],
        "targets": [{"name": indented(t["measure"], t["depth"]), "unit": t.get("unit") or "", "value": _target_value_text(t),
                     "note": ""} for t in targets],
        "organisation": organisation,
        "signer": signer_for(store, collective=True, name=options.get("signer"), role=options.get("signer_role")),
        "recipients": recipients(store, "ke_hoach_phat_dong", default_recipients(store, "ke_hoach_phat_dong"),
                                 options),
        "archive": "VP",
    }


_DOC_KINDS = {"CT": "Chỉ thị", "KH": "Kế hoạch", "QĐ": "Quyết định", "CV": "Công văn", "TB": "Thông báo"}


def _by_document(campaign: Row) -> str:
    """ " theo Chỉ thị số 12/CT-UBND ngày 06/01/2026 của …" (the kind of document read from its number)."""
    number = str(campaign.get("doc_number") or "").strip()
    if not number:
        return ""
    code = number.split("/", 1)[1].split("-", 1)[0] if "/" in number else ""
    kind = _DOC_KINDS.get(str(campaign.get("doc_kind") or "") or code, "văn bản")
    out = f" theo {kind} số {number}"
    if campaign.get("doc_date"):
        out += f" ngày {_dt.date.fromisoformat(campaign['doc_date']).strftime('%d/%m/%Y')}"
    if campaign.get("issuing_body"):
        out += f" của {campaign['issuing_body']}"
    return out


def _report_subject(kind: str, name: str, period: str) -> str:
    """ "Sơ kết phong trào thi đua … 6 tháng đầu năm 2026" — the period said once, whatever the name says."""
    label = period_label(period).lower()
    year = str(period_year(period))
    base = lower_first(name).strip()
    for tail in (f" {label}", f" năm {year}", f" {year}"):
        if base.endswith(tail):
            base = base[: -len(tail)].rstrip(" ,")
    return f"{kind} {base} {label}"


def _bao_cao_ket_qua(store: Store, record_id: str, options: dict[str, Any]) -> dict[str, Any]:
    campaign = store.require("campaigns", record_id)
    period = options.get("period") or str(campaign.get("year") or today(options).year)
    data = review_report_data(store, campaign["id"], period)
    rows = []
    not_reached = []
    for t in data["targets"]:
        achieved = "" if t["value"] is None else f"{format_number(t['value'])} {t['unit']}".strip()
        rows.append({"name": t["name"], "registered": t["target"], "achieved": achieved,
                     "rate": round(t["percent"], 2) if t["percent"] is not None else "", "status": t["status_label"]})
        if t["status"] in ("not_reached", "no_data"):
            not_reached.append(f"{t['measure']} ({t['status_label'].lower()})")
    awards = data["awards"]
    sudden = awards["sudden"]
    counts = [{"name": e["name"], "collectives": e["collective"], "households": e["household"],
               "individuals": e["person"]} for e in awards["by_title"]]
    counted = ", ".join(f"{_two(n)} {what}" for n, what in ((awards["collectives"], "tập thể"),
                                                          (awards["households"], "hộ gia đình"),
                                                          (awards["persons"], "cá nhân")) if n)
    if counted:
        awards_text = (f"Trong {period_label(period).lower()}, đã khen thưởng {counted}"
                       + (f"; khen thưởng đột xuất {_two(sudden)} trường hợp" if sudden else "") + ".")
    else:
        awards_text = f"Trong {period_label(period).lower()}, chưa có quyết định khen thưởng nào."
    issuer = issuer_of(store)
    kind = "Sơ kết" if period.endswith("H1") else "Tổng kết"
    return {
        "issuer": issuer,
        "place": place_name(store),
        "date": today(options),
        "subject": _report_subject(kind, str(campaign["name"]), period),
        "direction": [f"{issuer['full']} triển khai {lower_first(campaign['name'])}" + _by_document(campaign) + "."],
        "results_text": [f"Kết quả thực hiện các chỉ tiêu thi đua {period_label(period).lower()} như sau:"],
        "targets": rows,
        "awards_text": [awards_text],
        "award_counts": counts,
        "shortcomings": options.get("shortcomings") or (
            [f"Còn {len(not_reached):02d} chỉ tiêu chưa đạt hoặc chưa có số liệu: " + "; ".join(not_reached) + "."]
            if not_reached else ["Các chỉ tiêu đều đạt và vượt kế hoạch; cần duy trì kết quả."]),
        "tasks": options.get("tasks") or (
            ["Tập trung chỉ đạo thực hiện các chỉ tiêu chưa đạt; đôn đốc các đơn vị báo cáo đúng hạn."]
            if not_reached else ["Tiếp tục đẩy mạnh phong trào thi đua, khen thưởng kịp thời các điển hình tiên tiến."]),
        "signer": signer_for(store, collective=True, name=options.get("signer"), role=options.get("signer_role")),
        "recipients": recipients(store, "bao_cao_ket_qua", default_recipients(store, "bao_cao_ket_qua"), options),
        "archive": "VP",
    }


BUILDERS: dict[str, Callable[[Store, str, dict[str, Any]], dict[str, Any]]] = {
    "to_trinh": _to_trinh,
    "danh_sach": _danh_sach,
    "bao_cao_ca_nhan": _bao_cao_ca_nhan,
    "bao_cao_tap_the": _bao_cao_tap_the,
    "bien_ban": _bien_ban,
    "quyet_dinh": _quyet_dinh,
    "quyet_dinh_huy_bo": _quyet_dinh_huy_bo,
    "giay_khen": lambda s, r, o: _certificates(s, r, o, "giay_khen"),
    "bang_cstdcs": lambda s, r, o: _certificates(s, r, o, "bang_cstdcs"),
    "dang_ky_thi_dua": _dang_ky,
    "ke_hoach_phat_dong": _ke_hoach,
    "bao_cao_ket_qua": _bao_cao_ket_qua,
    "giao_uoc_thi_dua": _giao_uoc,
    **meeting_papers.BUILDERS,
    **office_papers.BUILDERS,
}


def build_context(store: Store, template_name: str, record_id: str, **options: Any) -> dict[str, Any]:
    """The context of ``template_name`` for one record (see ``PRINTABLE`` for which record kinds)."""
    builder = BUILDERS.get(template_name)
    if builder is None:
        raise PrintError(f"Không có mẫu in “{template_name}”. Xem danh sách bằng “tdkt print --list”.")
    return builder(store, record_id, options)


def _render(template_name: str, context: dict[str, Any], out: str | Path | IO[bytes], options: dict[str, Any]) -> RenderInfo:
    if options.get("stock") and options.get("stock_preprinted") is not None:
        context["stock_preprinted"] = [str(x) for x in options["stock_preprinted"]]
    x, y = options.get("offsets_mm") or (0.0, 0.0)
    return render(template_name, context, out, stock=bool(options.get("stock")), draft=bool(options.get("draft")),
                  offsets_mm=(float(x), float(y)))


def preview_pdf(store: Store, template_name: str, record_id: str, out: str | Path | IO[bytes], **options: Any) -> RenderInfo:
    """Render a draft: no number (none taken, none shown — not even a decision's own), "DỰ THẢO" on every page."""
    context = build_context(store, template_name, record_id, **options)
    context.pop("number", None)
    return _render(template_name, context, out, {**options, "draft": True})


def issue_pdf(store: Store, template_name: str, record_id: str, out: str | Path | IO[bytes], **options: Any) -> RenderInfo:
    """Render the issued document: documents numbered by this unit take the next number of the register."""
    context = build_context(store, template_name, record_id, **options)
    if template_name in DOC_TYPE and not options.get("number"):
        abbr = str((context.get("issuer") or {}).get("abbr") or "")
        suffix = str(context.get("code") or "") or (f"{DOC_TYPE[template_name]}-{abbr}" if abbr else None)
        on = context["date"] if isinstance(context.get("date"), _dt.date) else today(options)
        number, code = issued_number(store, template_name, record_id, str(context.get("subject") or ""), on,
                                     suffix=suffix)
        context["number"] = number
        context["code"] = code
    elif options.get("number"):
        context["number"] = options["number"]
    return _render(template_name, context, out, options)


def issued_code(store: Store, template_name: str, record_id: str, **options: Any) -> str | None:
    """The number this document was issued under ("01/KH-UBND"), taking none: from the register for the documents
    numbered here, the decision's own number for a decision and its certificates; ``None`` while it is a draft."""
    from tdkt_desktop.store.numbering import register_entry

    if template_name in DOC_TYPE:
        quiet = {k: v for k, v in options.items() if k != "recipients"}  # asking must not remember a choice
        context = build_context(store, template_name, record_id, **quiet)
        entry = register_entry(store, doc_type=DOC_TYPE[template_name], record_table=TEMPLATE_TABLE[template_name],
                               record_id=record_id, subject=str(context.get("subject") or ""))
        return str(entry["code"]) if entry else None
    if TEMPLATE_TABLE.get(template_name) in ("decisions", "award_cancellations"):
        decision = store.get(TEMPLATE_TABLE[template_name], record_id)
        return decision_number_text(decision).strip() if decision and decision.get("number") else None
    return None


def issued_number(store: Store, template_name: str, record_id: str, subject: str, on: _dt.date, *,
                  suffix: str | None = None) -> tuple[int, str]:
    """The register number of this document: the one it was issued under before (printing again reuses it),
    else the next number of the register for its type and year."""
    from tdkt_desktop.store.numbering import register_entry, take_number

    doc_type = DOC_TYPE[template_name]
    table = TEMPLATE_TABLE[template_name]
    earlier = register_entry(store, doc_type=doc_type, record_table=table, record_id=record_id, subject=subject)
    if earlier:
        return int(earlier["number"]), str(earlier["code"]).split("/", 1)[1]
    issued = take_number(store, doc_type=doc_type, issued_on=on, record_table=table, record_id=record_id, subject=subject,
                         suffix=suffix)
    return issued.number, issued.code.split("/", 1)[1]


STATISTICS_TEMPLATES = {"0601.N": "bieu_0601N", "0603.N": "bieu_0603N"}


def upper_home_affairs(store: Store) -> str:
    """Where this unit's dossiers and statistical forms go: the upper office's home-affairs body ("Sở Nội vụ thành
    phố Cần Thơ", "Phòng Nội vụ huyện …"), the upper commune's People's Committee for its sub-units, the Ministry's
    emulation board for a province."""
    unit = store.self_unit()
    upper = upper_office(store)
    if upper is None:
        if unit is not None and unit["level"] == "province":
            return "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"
        raise PrintError("Chưa khai báo cơ quan cấp trên của đơn vị (nơi nhận hồ sơ, báo cáo). Hãy khai báo đơn vị "
                         "cấp trên ở mục Đơn vị rồi in lại.")
    name = lower_first(str(upper["name"]))
    if upper["level"] == "province":
        return f"Sở Nội vụ {name}"
    if upper["level"] == "district":
        return f"Phòng Nội vụ {name}"
    if upper["level"] == "commune":
        return f"Ủy ban nhân dân {name}"
    return str(upper["name"])


def statistics_form_context(store: Store, form: Any, *, on: _dt.date | None = None) -> dict[str, Any]:
    """The printing context of a statistical form (``store.statistics.FormTable``) in a statistical form's frame:
    the form's code and circular, the reporting and receiving units, the period, the person who prepared it and
    the head of the unit. The form's working notes (how figures were counted, what could not be checked) are not
    printed: they are for the person preparing it."""
    from tdkt_desktop.core.legal import statistics_regime

    rows = [{"label": r.label if r.level < 2 else f"- {r.label}", "strong": r.level < 2, **dict(r.values)}
            for r in form.rows]
    signer = signer_for(store, collective=False)
    regime = statistics_regime(int(form.year))
    period = ({"start": form.period_start, "end": form.period_end} if form.period_start and form.period_end
              else None)
    return {
        "issuer": issuer_of(store), "place": place_name(store), "date": on or _dt.date.today(), "year": form.year,
        "form": {"code": form.code, "title": form.title, "circular": regime.period_source.doc_title},
        "reporter": issuer_of(store)["full"], "receiver": upper_home_affairs(store), "period": period,
        "rows": rows, "preparer": {"name": store.operator},
        "signer": {"prefix": "", "title": "", "name": signer["name"]},
    }


def statistics_form_pdf(store: Store, form: Any, out: str | Path | IO[bytes]) -> RenderInfo:
    """Print form 0601.N or 0603.N."""
    return render(STATISTICS_TEMPLATES[form.code.split("/")[0]], statistics_form_context(store, form), out)


@dataclass(frozen=True)
class BatchItem:
    template: str
    record_id: str
    filename: str
    options: dict[str, Any] = field(default_factory=dict)


def _slug(text: str) -> str:
    from tdkt_desktop.core.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "tai-lieu"


def batch_for_decision(store: Store, decision_id: str) -> list[BatchItem]:
    """Everything printed for a decision: the decision with its list, then one certificate per awardee."""
    decision = store.require("decisions", decision_id)
    number = str(decision.get("number") or "chua-so")
    items = [BatchItem("quyet_dinh", decision_id, f"quyet-dinh-{number}.pdf")]
    for a in store.rows("decision_awardees", "decision_id = ?", [decision_id], order_by="so_vang"):
        for template, codes in CERTIFICATE_TITLES.items():
            if a["title_code"] in codes:
                items.append(BatchItem(template, decision_id, f"{template}-{int(a['so_vang'] or 0):03d}-{_slug(a['subject_name'])}.pdf",
                                       {"awardee_id": a["id"]}))
    return items


def batch_for_campaign(store: Store, campaign_id: str, *, period: str | None = None) -> list[BatchItem]:
    """A campaign's plan and its results report (for the given period, or the campaign's year)."""
    campaign = store.require("campaigns", campaign_id)
    period = period or str(campaign.get("year") or _dt.date.today().year)
    return [
        BatchItem("ke_hoach_phat_dong", campaign_id, f"ke-hoach-{_slug(campaign['name'])}.pdf"),
        BatchItem("bao_cao_ket_qua", campaign_id, f"bao-cao-{period}-{_slug(campaign['name'])}.pdf", {"period": period}),
    ]
