"""Read a whole directive or plan (Chỉ thị, Kế hoạch, Quyết định… in the layout of Nghị định 30/2020) into a
campaign proposal: the document's kind, number, date, issuing body, signer and title, subject; the campaign's
name, type, window, review dates and deadlines; its content items, the national movements it answers, the
awards it offers; and its target list (:mod:`tdkt_desktop.core.target_parser`).

Every field is a :class:`ReadField` holding the value, the text it was read from and a confidence: "high"
when the document says it in so many words (a "Số: 10/CT-UBND" line, a "ngày 13 tháng 12 năm 2022" line
under it, a subject line under the kind's heading), "low" when the value had to be inferred (the issuing body
from the signature block and the place, a year-long window from the year in the subject). Nothing is filled
that the document does not support: a number left blank ("Số: /KH-UBND") stays empty, with a note saying so.

The layout of NĐ 30/2020 (Phụ lục I) is what the reader relies on: the issuing body in capitals at the top
left, "Số: …/KH-UBND" under it, the place and date on the same line or the next, the kind in capitals
("KẾ HOẠCH"), the subject under it, the body, "Nơi nhận:", and the signature block (TM./KT./Q./TL./TUQ., the
title, the name). Documents pasted or extracted from Word or PDF keep these lines in order, though not their
columns, so every line is looked at on its own.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import CampaignType
from tdkt_desktop.core.target_parser import (
    ProposedTarget,
    extract_target_block,
    join_broken_lines,
    parse_targets,
)
from tdkt_desktop.core.text import clean, fold, format_date, nfc

__all__ = ["CAMPAIGN_FIELDS", "DirectiveProposal", "ReadField", "read_directive"]

HIGH, LOW = "high", "low"

# The campaign fields a directive can fill, in the order they are shown.
CAMPAIGN_FIELDS = (
    "doc_kind", "doc_number", "doc_date", "issuing_body", "signer", "signer_title", "subject",
    "name", "campaign_type", "year", "start_date", "end_date", "midterm_review", "final_review",
    "registration_deadline", "submission_deadline", "content_json", "movements_json", "awards_json",
)


@dataclass
class ReadField:
    """One value read from the document, with the text it came from and how sure the reading is."""

    value: Any  # str, int, datetime.date or list[str]
    source: str = ""
    confidence: str = HIGH
    note: str = ""

    @property
    def empty(self) -> bool:
        return self.value in (None, "", [])

    def text(self) -> str:
        """The value as a person types it: dd/mm/yyyy dates, one list item per line."""
        if isinstance(self.value, _dt.date):
            return format_date(self.value)
        if isinstance(self.value, list):
            return "\n".join(str(v) for v in self.value)
        return "" if self.value is None else str(self.value)

    def to_dict(self) -> dict[str, Any]:
        value = self.value.isoformat() if isinstance(self.value, _dt.date) else self.value
        return {"value": value, "source": self.source, "confidence": self.confidence, "note": self.note}


@dataclass
class DirectiveProposal:
    """What a directive proposes: campaign fields (``fields``) and targets, for a person to confirm."""

    fields: dict[str, ReadField] = field(default_factory=dict)
    targets: list[ProposedTarget] = field(default_factory=list)
    target_block: str | None = None
    is_document: bool = False  # the text has a document's layout (not just a list)

    def value(self, name: str) -> Any:
        f = self.fields.get(name)
        return None if f is None else f.value

    def found(self) -> bool:
        return any(not f.empty for f in self.fields.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "is_document": self.is_document,
            "fields": {name: f.to_dict() for name, f in self.fields.items()},
            "targets": [t.to_dict() for t in self.targets],
        }


# --------------------------------------------------------------------------- the document's head

# Kinds of administrative documents (NĐ 30/2020, Phụ lục III) as their headings are printed.
_KIND_HEADINGS: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC", "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr",
    "CÔNG ĐIỆN": "CĐ", "CÔNG VĂN": "CV",
}
_KIND_CODES = {code.upper(): code for code in _KIND_HEADINGS.values()}
_NUMBER = re.compile(
    r"^\s*Số\s*:?\s*(\d*)\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐa-zđ]+(?:\s*-\s*[A-ZĐa-zđ]+)*)\s*$|"
    r"^\s*Số\s*:?\s*(\d*)\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐa-zđ]+(?:\s*-\s*[A-ZĐa-zđ]+)*)\b",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(
    r"^\s*([^\d,]{2,40}?),\s*ngày\s+(\d{1,2}|\.{2,}|…+|_+)?\s*tháng\s+(\d{1,2}|\.{2,}|…+|_+)?\s*năm\s+(\d{4})",
    re.IGNORECASE,
)
_SHORT_DATE = re.compile(r"^\s*([^\d,]{2,40}?),\s*ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)
_NATIONAL = re.compile(r"^(?:CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|Độc lập)", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^\s*(?:Về việc|V/v|Về)\b", re.IGNORECASE)
_SIGN_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*(.+)$")
_BODY_WORDS = (
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Hội đồng Thi đua - Khen thưởng", "Hội đồng Thi đua, Khen thưởng",
    "Sở Nội vụ", "Ban Thi đua - Khen thưởng", "Phòng Nội vụ", "Ban Chấp hành", "Ban Thường vụ",
)
_LEVEL_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
_CODE_BODIES = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "SNV": "Sở Nội vụ",
                "HĐTĐKT": "Hội đồng Thi đua - Khen thưởng", "BTĐKT": "Ban Thi đua - Khen thưởng"}
_TITLE_WORDS = {"chủ tịch": "Chủ tịch", "ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng": "Hội đồng"}


def _strip_marks(text: str) -> str:
    return clean(text.replace("**", "").replace("*", ""))


def _sentence_case(text: str) -> str:
    """ "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân"."""
    low = clean(text).lower()
    out = low[:1].upper() + low[1:]
    for word, proper in _TITLE_WORDS.items():
        out = re.sub(rf"(?<!\w){word}(?!\w)", proper, out, flags=re.IGNORECASE)
    return out


def _proper_place(text: str) -> str:
    """ "TỈNH VĨNH LONG" → "tỉnh Vĩnh Long": the level word in lower case, the name capitalised."""
    words = clean(text).split()
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if i < 2 and " ".join(x.lower() for x in words[: i + 1]) in _LEVEL_WORDS:
            out = [x.lower() for x in out]
            out.append(low)
        elif out and " ".join([out[-1].lower(), low]) in _LEVEL_WORDS:
            out[-1] = out[-1].lower()
            out.append(low)
        else:
            out.append(low[:1].upper() + low[1:])
    return " ".join(out)


def _body_name(upper: str) -> str:
    """An issuing body printed in capitals: "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG" → "Ủy ban nhân dân tỉnh Vĩnh Long"."""
    text = clean(upper)
    for body in _BODY_WORDS:
        if fold(text).startswith(fold(body)):
            rest = text[len(body) :].strip()
            return f"{body} {_proper_place(rest)}".strip()
    return _sentence_case(text)


@dataclass
class _Head:
    kind_heading: tuple[str, int] | None = None  # (code, line index)
    number_line: int | None = None


_HEAD_SPLIT = re.compile(
    r"\s+(?=CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do|ĐỘC LẬP\s*-\s*TỰ DO)|"
    r"(?<=[A-ZĐ\d])\s+(?=[A-ZĐÀ-Ỹ][\wà-ỹđ]*(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*){0,3},\s*ngày\b)"
)


def _lines(text: str) -> list[str]:
    """The lines of the document; a head line where a PDF put two columns side by side is split in two."""
    out: list[str] = []
    for i, line in enumerate(nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        line = _strip_marks(line)
        if i < 40 and (line.startswith("Số") or line.isupper() or "CỘNG H" in line):
            out.extend(part for part in _HEAD_SPLIT.split(line) if part is not None)
        else:
            out.append(line)
    return out


def _read_head(lines: list[str], fields: dict[str, ReadField]) -> _Head:
    head = _Head()
    limit = min(len(lines), 60)
    # the kind's heading: a line of its own in capitals
    for i in range(limit):
        line = lines[i].strip()
        if line.upper() == line and line in _KIND_HEADINGS:
            head.kind_heading = (_KIND_HEADINGS[line], i)
            break
        m = re.match(r"^([A-ZĐÀ-Ỹ ]{4,20})$", line)
        if m and m.group(1).strip() in _KIND_HEADINGS:
            head.kind_heading = (_KIND_HEADINGS[m.group(1).strip()], i)
            break
    # the number
    for i in range(limit):
        m = _NUMBER.match(lines[i])
        if not m:
            continue
        number = m.group(1) if m.group(1) is not None else m.group(4)
        year = m.group(2) if m.group(1) is not None or m.group(3) else m.group(5)
        code = re.sub(r"\s+", "", m.group(3) or m.group(6) or "").upper()
        head.number_line = i
        source = clean(lines[i])
        kind_code = _KIND_CODES.get(code.split("-")[0].upper())
        if number:
            fields["doc_number"] = ReadField(f"{int(number):02d}/{year + '/' if year else ''}{code}", source)
        else:
            fields["doc_number"] = ReadField(
                "", source, LOW, f"Văn bản chưa ghi số (“{source}”); hãy nhập số khi văn bản đã có số."
            )
        if kind_code:
            fields["doc_kind"] = ReadField(kind_code, source)
        elif "-" in code or code:
            fields.setdefault("doc_kind", ReadField("CV", source, LOW, "Số ký hiệu không có tên loại: có thể là công văn."))
        body = code.split("-")[-1] if "-" in code else code
        if body in _CODE_BODIES:
            fields["_body_from_code"] = ReadField(_CODE_BODIES[body], source, LOW)
        break
    if head.kind_heading is not None:
        code, i = head.kind_heading
        current = fields.get("doc_kind")
        if current is None or current.confidence == LOW:
            fields["doc_kind"] = ReadField(code, lines[i])
        elif current.value != code:
            fields["doc_kind"] = ReadField(
                code, lines[i], LOW,
                f"Số ký hiệu ghi “{current.value}” nhưng tên loại là “{lines[i]}”; hãy kiểm tra loại văn bản.",
            )
    # the place and date
    for i in range(limit):
        m = _PLACE_DATE.match(lines[i]) or _SHORT_DATE.match(lines[i])
        if not m:
            continue
        place = clean(m.group(1))
        source = clean(lines[i])
        fields["_place"] = ReadField(place, source)
        day, month, year = m.group(2), m.group(3), m.group(4)
        if day and month and day.isdigit() and month.isdigit():
            try:
                fields["doc_date"] = ReadField(_dt.date(int(year), int(month), int(day)), source)
            except ValueError:
                fields["doc_date"] = ReadField(None, source, LOW, f"Ngày “{source}” không có trên lịch; hãy nhập ngày.")
        else:
            fields["doc_date"] = ReadField(
                None, source, LOW, f"Văn bản chưa ghi đủ ngày tháng (“{source}”); hãy nhập ngày ban hành."
            )
            if year:
                fields["_doc_year"] = ReadField(int(year), source, LOW)
        break
    # the issuing body printed at the top (capitals, before the number line)
    top = head.number_line if head.number_line is not None else min(8, limit)
    names = [lines[i].strip() for i in range(top) if lines[i].strip()]
    names = [n for n in names if n.upper() == n and not _NATIONAL.match(n) and len(n) > 3 and not n.startswith("-")
             and not n.startswith("Số")]
    if names:
        last = names[-1]
        if len(names) >= 2 and any(fold(last).startswith(fold(w) + " ") for w in _LEVEL_WORDS):
            # "ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP" printed on two lines
            name = _body_name(f"{names[-2]} {last}")
        elif len(names) >= 2:
            # "UBND TỈNH ĐỒNG THÁP" / "SỞ NỘI VỤ": the body under its parent takes the parent's place
            parent = re.sub(r"^(?:UBND|ỦY BAN NHÂN DÂN)\s+", "", names[-2])
            name = f"{_body_name(last)} {_proper_place(parent)}" if parent != names[-2] else _body_name(last)
        else:
            name = _body_name(last)
        fields["issuing_body"] = ReadField(name, " / ".join(names))
    return head


def _read_subject(lines: list[str], head: _Head, fields: dict[str, ReadField]) -> int:
    """The subject under the kind's heading; returns the index of the first body line."""
    start = None
    if head.kind_heading is not None:
        start = head.kind_heading[1] + 1
    else:
        for i, line in enumerate(lines[:60]):
            if _SUBJECT_START.match(line):
                start = i
                break
    if start is None:
        return (head.number_line or 0) + 1
    parts: list[str] = []
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and lines[i].strip() and len(parts) < 4:
        line = lines[i].strip()
        if parts and (_looks_like_body(line) or line.startswith(("Căn cứ", "Thực hiện", "Kính gửi"))):
            break
        if _PLACE_DATE.match(line) or _SHORT_DATE.match(line) or _NUMBER.match(line):
            break
        if line.startswith(("Căn cứ", "Kính gửi")):
            break
        parts.append(line)
        i += 1
    subject = clean(" ".join(parts))
    if subject:
        fields["subject"] = ReadField(subject, subject)
    return i


def _looks_like_body(line: str) -> bool:
    return len(line) > 160 or bool(re.match(r"^(?:[IVX]+\.|\d+\.)\s", line))


_PERSON_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]*$")


def _read_signature(lines: list[str], fields: dict[str, ReadField]) -> None:
    """The signature block at the end: authority (TM./KT./…), title(s), the signer's name."""
    tail = [ln.strip() for ln in lines if ln.strip()][-12:]
    if not tail:
        return
    end = len(tail)
    name = ""
    if _PERSON_NAME.match(tail[-1]) and not tail[-1].isupper() and not tail[-1].startswith(("Lưu", "-")):
        name = tail[-1]
        end -= 1
    titles: list[str] = []
    j = end - 1
    while j >= 0 and tail[j].isupper() and len(tail[j]) <= 60 and not tail[j].startswith("-"):
        titles.insert(0, tail[j])
        j -= 1
    if not titles and not name:
        return
    source = " / ".join([*titles, name] if name else titles)
    if name:
        fields["signer"] = ReadField(name, source)
    else:
        fields["signer"] = ReadField("", source, LOW, "Văn bản chưa ghi tên người ký; hãy nhập tên.")
    if titles:
        own = titles[-1]
        authority = _SIGN_AUTHORITY.match(own)
        title = _sentence_case(authority.group(2) if authority else own)
        fields["signer_title"] = ReadField(title, source)
        for t in titles:
            m = _SIGN_AUTHORITY.match(t)
            if m and m.group(1) == "TM":
                fields["_body_from_signature"] = ReadField(_sentence_case(m.group(2)), t, LOW)


def _find_body_in_text(text: str, base: str, place: str) -> str | None:
    """ "Ủy ban nhân dân thành phố Sa Đéc" in the body, for the base name and the place of the date line."""
    if not base:
        return None
    place_re = re.escape(place) if place else r"[A-ZĐÀ-Ỹ][\wà-ỹđ]*(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*){0,3}"
    levels = "|".join(_LEVEL_WORDS)
    m = re.search(rf"{re.escape(base)}\s+((?:{levels})\s+{place_re})", text, re.IGNORECASE)
    if m:
        return f"{base} {m.group(1)}"
    if place:
        m = re.search(rf"\b((?:{levels})\s+{re.escape(place)})\b", text, re.IGNORECASE)
        if m:
            return f"{base} {m.group(1)[0].lower()}{m.group(1)[1:]}"
    return None


def _read_issuing_body(text: str, fields: dict[str, ReadField]) -> None:
    if "issuing_body" in fields:
        return
    place = fields["_place"].value if "_place" in fields else ""
    base_field = fields.get("_body_from_signature") or fields.get("_body_from_code")
    base = base_field.value if base_field else ""
    found = _find_body_in_text(text, base, place) if base else None
    if found:
        fields["issuing_body"] = ReadField(
            found, base_field.source if base_field else found, LOW,
            "Đọc từ khối chữ ký và địa danh trong văn bản (văn bản không có phần tên cơ quan ban hành); kiểm tra lại.",
        )


# --------------------------------------------------------------------------- the campaign

_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_DATE_ANY = re.compile(
    r"(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?!\d)|"
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?",
    re.IGNORECASE,
)
_WINDOW = re.compile(
    r"(?:thời gian(?: thi đua| thực hiện| phát động)?\s*:?\s*)?từ\s+(?:ngày\s+)?(?P<a>[\d/.\-]+|\d{1,2}\s+tháng\s+\d{1,2}"
    r"(?:\s+năm\s+\d{4})?)\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<b>[\d/.\-]+|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)",
    re.IGNORECASE,
)
_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn chót|không quá|trước hoặc trong)\s+(?:là\s+)?(?:ngày\s+)?", re.IGNORECASE)


def _date_of(text: str, year: int | None) -> _dt.date | None:
    m = _DATE_ANY.search(text)
    if not m:
        return None
    if m.group(1):
        d, mo, y = m.group(1), m.group(2), m.group(3)
    else:
        d, mo, y = m.group(4), m.group(5), m.group(6)
    yy = int(y) if y else year
    if yy is None:
        return None
    try:
        return _dt.date(yy, int(mo), int(d))
    except ValueError:
        return None


def _sentences(text: str) -> list[str]:
    joined = join_broken_lines(text)
    out: list[str] = []
    for line in joined.split("\n"):
        out.extend(s for s in re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ\-+])", line) if s.strip())
    return out


def _read_campaign(text: str, fields: dict[str, ReadField]) -> None:
    subject = fields["subject"].value if "subject" in fields else ""
    # name
    if subject:
        low = subject.lower()
        i = low.find("phong trào thi đua")
        if i < 0:
            i = low.find("đợt thi đua")
        if i >= 0:
            name = subject[i:]
            fields["name"] = ReadField(name[:1].upper() + name[1:], subject)
        else:
            core = re.sub(r"^(?:về việc|v/v|về)\s+", "", subject, flags=re.IGNORECASE)
            core = re.sub(r"^(?:phát động|triển khai|tổ chức)\s+", "", core, flags=re.IGNORECASE)
            fields["name"] = ReadField(
                core[:1].upper() + core[1:], subject, LOW, "Tên phong trào lấy từ trích yếu; sửa lại nếu cần."
            )
    # year
    doc_date = fields["doc_date"].value if "doc_date" in fields else None
    ym = _YEAR.search(subject) if subject else None
    year: int | None = None
    if ym:
        year = int(ym.group(1))
        fields["year"] = ReadField(year, subject)
    elif isinstance(doc_date, _dt.date):
        year = doc_date.year + (1 if doc_date.month == 12 else 0)
        fields["year"] = ReadField(year, fields["doc_date"].source, LOW,
                                   "Năm lấy theo ngày ban hành (văn bản tháng 12 phát động cho năm sau).")
    elif "_doc_year" in fields:
        year = fields["_doc_year"].value
        fields["year"] = ReadField(year, fields["_doc_year"].source, LOW, "Năm lấy theo ngày ban hành.")
    # type
    folded_subject = fold(subject)
    folded_text = fold(text[:20000])
    if "chuyen de" in folded_subject:
        fields["campaign_type"] = ReadField(CampaignType.THEMATIC.value, subject)
    elif "cao diem" in folded_subject or "dot thi dua" in folded_subject:
        fields["campaign_type"] = ReadField(CampaignType.PEAK.value, subject)
    elif subject and re.search(r"\b(?:năm \d{4}|hằng năm|hàng năm)\b", subject, re.IGNORECASE):
        fields["campaign_type"] = ReadField(CampaignType.REGULAR.value, subject)
    elif subject:
        thematic = "thi dua chuyen de" in folded_text
        fields["campaign_type"] = ReadField(
            CampaignType.THEMATIC.value if thematic else CampaignType.REGULAR.value, subject, LOW,
            "Hình thức phong trào suy ra từ trích yếu; kiểm tra lại.",
        )
    # window
    sentences = _sentences(text)
    for s in sentences:
        low = s.lower()
        if ("thời gian" in low or "từ ngày" in low) and (m := _WINDOW.search(s)):
            start = _date_of(m.group("a"), year)
            end = _date_of(m.group("b"), year or (start.year if start else None))
            if start and end and start <= end:
                fields["start_date"] = ReadField(start, clean(s))
                fields["end_date"] = ReadField(end, clean(s))
                if year is None:
                    fields["year"] = ReadField(start.year, clean(s), LOW)
                break
    if "start_date" not in fields and year and fields.get("campaign_type", ReadField("")).value in (
        CampaignType.REGULAR.value, ""
    ):
        note = f"Phong trào hằng năm: lấy cả năm {year}; sửa lại nếu văn bản định thời gian khác."
        fields["start_date"] = ReadField(_dt.date(year, 1, 1), subject, LOW, note)
        fields["end_date"] = ReadField(_dt.date(year, 12, 31), subject, LOW, note)
    # reviews and deadlines: the first explicit date in a sentence that names them
    for s in sentences:
        low = fold(s)
        date = _date_after_deadline(s, year)
        if date is None:
            continue
        if "dang ky thi dua" in low:
            if "registration_deadline" not in fields:
                fields["registration_deadline"] = ReadField(date, clean(s))
            continue
        if "ho so" in low and "khen thuong" in low:
            if "submission_deadline" not in fields:
                fields["submission_deadline"] = ReadField(date, clean(s))
            continue
        for clause in re.split(r"[;]", s):
            low = fold(clause)
            date = _date_after_deadline(clause, year)
            if date is None:
                continue
            if "so ket" in low and "midterm_review" not in fields:
                fields["midterm_review"] = ReadField(date, clean(s))
            elif "tong ket" in low and "final_review" not in fields:
                fields["final_review"] = ReadField(date, clean(s))


def _date_after_deadline(sentence: str, year: int | None) -> _dt.date | None:
    """An explicit date in a sentence: after "trước ngày", "chậm nhất ngày", "vào ngày", or on its own."""
    m = _DEADLINE.search(sentence)
    if m:
        date = _date_of(sentence[m.end() :][:40], year)
        if date:
            return date
    for dm in re.finditer(r"(?:vào|trong|ngày)\s+(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)", sentence,
                          re.IGNORECASE):
        date = _date_of(dm.group(1), year)
        if date:
            return date
    return None


_MOVEMENT = re.compile(r"phong trào(?: thi đua)?(?:\s+đặc biệt)?\s+[“\"]([^”\"]{6,200})[”\"]", re.IGNORECASE)


def _read_movements(text: str, fields: dict[str, ReadField]) -> None:
    seen: set[str] = set()
    out: list[str] = []
    sources: list[str] = []
    for m in _MOVEMENT.finditer(nfc(text)):
        name = _strip_marks(m.group(1)).strip(" .,;")
        if name and fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
            sources.append(clean(m.group(0)))
    if out:
        fields["movements_json"] = ReadField(out, "; ".join(sources))


_SECTION = re.compile(r"^(?:[IVX]+)\.\s+(.*)$")
_ITEM = re.compile(r"^(\d{1,2})\.\s+(.*)$")
_CONTENT_SECTION = re.compile(r"^(?:NỘI DUNG|CÁC NỘI DUNG|NỘI DUNG THI ĐUA|NỘI DUNG THỰC HIỆN|NHIỆM VỤ)", re.IGNORECASE)
_ORGANISING = re.compile(r"^(?:tổ chức thực hiện|khen thưởng|kinh phí|hình thức khen thưởng)", re.IGNORECASE)


def _first_sentence(text: str, limit: int = 220) -> str:
    m = re.search(r"(?<=[^\d\s])[.;:](?=\s|$)", text)
    out = text[: m.start()] if m else text
    out = clean(out)
    if len(out) > limit:
        cut = out.rfind(",", 0, limit)
        out = out[: cut if cut > 60 else limit].rstrip(" ,") + "…"
    return out


def _read_content(lines: list[str], body_start: int, fields: dict[str, ReadField]) -> None:
    """The content items: the numbered items of a "NỘI DUNG" section, else of the body up to "Tổ chức thực hiện"."""
    body = [ln.strip() for ln in lines[body_start:]]
    items: list[str] = []
    sources: list[str] = []
    in_section = False
    section_found = False
    for line in body:
        sm = _SECTION.match(line)
        if sm:
            if section_found and in_section:
                break
            in_section = bool(_CONTENT_SECTION.match(sm.group(1).strip()))
            section_found = section_found or in_section
            continue
        if in_section and (im := _ITEM.match(line)):
            items.append(_first_sentence(im.group(2)))
            sources.append(line)
    if section_found:
        if items:
            fields["content_json"] = ReadField(items, "\n".join(sources))
        return
    # a Chỉ thị: its numbered items are the content, up to the one that organises the work
    for line in body:
        if line.startswith("Nơi nhận"):
            break
        im = _ITEM.match(line)
        if not im:
            continue
        text = im.group(2)
        if _ORGANISING.match(text):
            break
        items.append(_first_sentence(text))
        sources.append(line)
    if items:
        fields["content_json"] = ReadField(items, "\n".join(sources), LOW,
                                           "Mỗi mục đánh số của văn bản là một nội dung; bỏ bớt nếu cần.")


# Award names as documents write them; the longest first.
_AWARD_PATTERNS = (
    r"Cờ thi đua của (?:Chính phủ|Thủ tướng Chính phủ)",
    r"Cờ thi đua (?:của )?(?:Ủy ban nhân dân|UBND) (?:tỉnh|thành phố)(?: [A-ZĐÀ-Ỹ][\wà-ỹđ]*)*",
    r"Cờ thi đua(?: cấp tỉnh| của tỉnh| của thành phố)?",
    r"Bằng khen của Thủ tướng Chính phủ",
    r"Bằng khen (?:của )?(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND) (?:tỉnh|thành phố)(?: [A-ZĐÀ-Ỹ][\wà-ỹđ]*)*",
    r"Bằng khen",
    r"Giấy khen (?:của )?(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND) (?:xã|phường|đặc khu|thị trấn|huyện|quận|thị xã|"
    r"thành phố)(?: [A-ZĐÀ-Ỹ][\wà-ỹđ]*)*",
    r"Giấy khen",
    r"Chiến sĩ thi đua (?:cơ sở|cấp tỉnh|toàn quốc)",
    r"Tập thể lao động xuất sắc",
    r"Tập thể lao động tiên tiến",
    r"Lao động tiên tiến",
    r"Xã, phường, (?:thị trấn|đặc khu) tiêu biểu",
    r"Thôn, tổ dân phố văn hóa",
    r"Gia đình văn hóa",
)
_AWARD = re.compile("|".join(f"(?:{p})" for p in _AWARD_PATTERNS))
_AWARD_CONTEXT = re.compile(r"\b(?:tặng|xét tặng|trao tặng|đề nghị|khen thưởng|biểu dương)\b", re.IGNORECASE)
_AWARD_COUNT = re.compile(r"^\s*(?:cho|đối với)\s+([^.;]{3,80}?)(?=[.;]|$|,\s*(?:Bằng|Giấy|Cờ))", re.IGNORECASE)


def _read_awards(text: str, fields: dict[str, ReadField]) -> None:
    """The awards the document offers: catalogue titles named where it speaks of giving them."""
    found: list[str] = []
    sources: list[str] = []
    seen: set[str] = set()
    for s in _sentences(text):
        if not _AWARD_CONTEXT.search(s) or ("Luật Thi đua" in s and not _AWARD.search(s.replace("Luật Thi đua", ""))):
            continue
        for m in _AWARD.finditer(s):
            award = clean(m.group(0)).replace("UBND", "Ủy ban nhân dân")
            detail = _AWARD_COUNT.match(s[m.end() :])
            label = f"{award} cho {clean(detail.group(1))}" if detail and re.search(r"\d", detail.group(1)) else award
            key = fold(award)
            if key in seen:
                continue
            seen.add(key)
            found.append(label)
            sources.append(clean(s))
    # a more general name already covered by a fuller one ("Bằng khen" after "Bằng khen của Chủ tịch…")
    out = [a for a in found if not any(b != a and fold(b).startswith(fold(a.split(" cho ")[0])) for b in found)]
    if out:
        fields["awards_json"] = ReadField(out, "\n".join(dict.fromkeys(sources)), LOW,
                                          "Danh hiệu, hình thức khen thưởng nêu trong văn bản; kiểm tra lại.")


# --------------------------------------------------------------------------- the whole document


def read_directive(text: str | None) -> DirectiveProposal:
    """Read a directive, a plan or another NĐ 30/2020 document pasted or extracted from a file."""
    raw = nfc(text or "")
    lines = _lines(raw)
    fields: dict[str, ReadField] = {}
    head = _read_head(lines, fields)
    is_document = bool(head.kind_heading or head.number_line is not None or "doc_date" in fields
                       or any(ln.startswith("Nơi nhận") for ln in lines))
    proposal = DirectiveProposal(is_document=is_document)
    block = extract_target_block(raw)
    proposal.target_block = block
    if not is_document:
        proposal.targets = parse_targets(raw)
        return proposal
    body_start = _read_subject(lines, head, fields)
    _read_signature(lines, fields)
    _read_issuing_body(raw, fields)
    _read_campaign(raw, fields)
    _read_movements(raw, fields)
    _read_content(lines, body_start, fields)
    _read_awards(raw, fields)
    proposal.fields = {name: fields[name] for name in CAMPAIGN_FIELDS if name in fields}
    proposal.targets = parse_targets(block) if block else []
    return proposal
