"""Read the target list (chỉ tiêu) of a directive and propose structured targets.

A directive lists its targets in running text ("…chỉ tiêu chủ yếu năm 2023: tăng trưởng kinh tế
(GRDP) đạt 9,5% - 10%/năm; …; tỷ lệ hộ nghèo còn 0,36% (theo …)") or as a bulleted list.
:func:`extract_target_block` finds that list in a whole document; :func:`parse_targets` splits it
into targets and proposes a :class:`~tdkt_desktop.core.targets.TargetSpec` for each.

The parser never guesses silently: every reading that is not certain is reported in
``problems`` (Vietnamese) and lowers the ``confidence`` to ``"low"``; an item without a
recognisable figure gets ``spec=None``. Reading rules worth knowing:

* Items are split at ";", line ends and sentence ends (". " before a capital), never inside
  quotes “…” or parentheses, so "“3 không: không tội phạm, …”" stays in one item; figures inside
  quotes or parentheses ("giai đoạn 2022 - 2025", "3 không") are never read as the target value,
  nor are years, dates, document numbers ("Đề án 06", "17/NQ-HĐND") or ages ("dưới 5 tuổi").
* One item may hold several targets: "Tỷ lệ trẻ đi học đúng độ tuổi: mầm non 98 %, tiểu học
  100 %" (a lead before ":" names each: "… – mầm non"), "Phát triển mới 50 doanh nghiệp, 05 hợp
  tác xã" (the verb carries over), "12 bác sĩ và 32 giường bệnh/vạn dân". A target whose name had
  to be completed from its neighbour ("…, hộ cận nghèo 2 %" → "Tỷ lệ hộ cận nghèo") is flagged.
  Two figures that no comma or "và" separates are not split: the item is flagged instead.
* "trong đó": "…đạt 95 %, trong đó thành thị 100 %, nông thôn 93 %" gives two targets linked to
  their parent (``parent``), named "… – thành thị"; "Công nhận 24 xã …, trong đó 08 xã …" (a
  count of the same thing) is the parent's sub-count.
* Comparing words: "đạt", "từ … trở lên" (at least), "trên" (strictly more), "còn", "không
  quá" (at most), "dưới" (strictly less), "hoàn thành", "đảm bảo 100 %" and "100 % …"
  (completion), "giảm …" / "mức giảm … là" (a reduction of at least that much: the measure is
  named "Mức giảm …"), "tăng …" (an increase of at least that much, "Mức tăng …"), ranges "9,5 -
  10 %", "từ 7 đến 8 %", "khoảng 10 - 12 % GRDP". A bare figure ("tỷ lệ đô thị hóa 74%") is read
  as "from 74 % up", or "at most" where lower is better (hộ nghèo, thất nghiệp…), and flagged.
* Counts keep their thousand separators ("7.000 đảng viên" is 7000) and are read as counts of
  the noun that follows ("Kết nạp mới đảng viên").
* A trailing parenthesis that qualifies the measure ("(theo tiêu chuẩn nghèo đa chiều …)") is
  kept in the measure's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.models import Comparator
from tdkt_desktop.core.targets import TargetSpec
from tdkt_desktop.core.text import InputError, clean, fold, format_number, nfc, parse_number

__all__ = ["ProposedTarget", "extract_target_block", "join_broken_lines", "parse_targets"]

HIGH, LOW = "high", "low"
SUB_SEPARATOR = " – "


@dataclass
class ProposedTarget:
    """A target read from text, for a person to confirm. ``confidence`` is "high" only without problems.

    ``parent`` is the index (in the same list) of the target this one details ("trong đó").
    """

    source_text: str
    spec: TargetSpec | None
    confidence: str = HIGH
    problems: list[str] = field(default_factory=list)
    parent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_text": self.source_text,
            "spec": self.spec.to_dict() if self.spec is not None else None,
            "confidence": self.confidence,
            "problems": list(self.problems),
            "parent": self.parent,
        }


# --------------------------------------------------------------------------- text preparation

_BULLET = re.compile(
    r"^\s*(?:[-+•–—*·▪●○◦]|\(\d{1,2}\)|\(?[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[IVXLC]{1,5}[.)])\s*(?=\S)",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[.;:!?…]\s*$")
_ENDS_OPEN = re.compile(r"(?:[-–,(]|\b(?:và|hoặc|của|các|những|đạt|từ|đến|trên|dưới|còn))\s*$", re.IGNORECASE)
_HAS_NUMBER = re.compile(r"\d")
_OPEN_QUOTES = {"“": "”", "«": "»"}
_CLOSE_QUOTES = {"”", "»"}


def _prepare(text: str | None) -> str:
    """NFC, unified line ends, page breaks as blank lines, markdown emphasis removed."""
    out = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    out = out.replace("\u00a0", " ").replace("*", "").replace("\u2009", " ").replace("\u202f", " ")
    return out


def _starts_lower(line: str) -> bool:
    first = line.lstrip()[:1]
    return bool(first) and first.isalpha() and first.islower()


def join_broken_lines(text: str) -> str:
    """Join lines split in the middle of a sentence (a page break, a hard wrap).

    A line is joined to the previous one when the previous does not end a sentence or item
    (".", ";", ":" …), the line starts with a lower-case letter and not with a bullet, and the
    two halves do not both carry a figure (one item per line lists stay apart). A previous line
    ending with an open word ("đạt", "và", "-", ",") is always continued.
    """
    lines = _prepare(text).split("\n")
    out: list[str] = []
    gap = False
    for raw in lines:
        line = raw.strip()
        if not line:
            gap = True
            continue
        if out:
            prev = out[-1]
            if (
                prev
                and not _ENDS_SENTENCE.search(prev)
                and _starts_lower(line)
                and not _BULLET.match(line)
                and (
                    _ENDS_OPEN.search(prev)
                    or not (
                        _HAS_NUMBER.search(prev.rsplit(";", 1)[-1])
                        and _HAS_NUMBER.search(line.split(";", 1)[0])
                    )
                )
            ):
                out[-1] = f"{prev} {line}"
                gap = False
                continue
            if gap:
                out.append("")
        out.append(line)
        gap = False
    return "\n".join(out)


def _shield(text: str) -> list[bool]:
    """For each character: is it inside quotes or parentheses? (Resets at line ends.)"""
    inside = [False] * len(text)
    stack: list[str] = []
    straight = False
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
            straight = False
            continue
        if ch in _OPEN_QUOTES or ch in "([":
            stack.append(_OPEN_QUOTES.get(ch, ")" if ch == "(" else "]"))
            inside[i] = True
            continue
        if stack and ch == stack[-1]:
            stack.pop()
            inside[i] = True
            continue
        if ch == '"':
            straight = not straight
            inside[i] = True
            continue
        inside[i] = bool(stack) or straight
    return inside


def _masked(text: str) -> str:
    """``text`` with everything inside quotes/parentheses replaced by NUL (same length)."""
    shield = _shield(text)
    return "".join("\0" if s else ch for ch, s in zip(text, shield, strict=True))


def _split_items(text: str) -> list[str]:
    """Split at ";" and line ends outside quotes/parentheses."""
    shield = _shield(text)
    items: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == ";" and not shield[i]):
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


# A sentence ends at "." (or "!", "?") followed by a capital letter, outside quotes and
# parentheses, and not after a number ("43.000") or a short abbreviation ("TP.", "TT.").
_SENTENCE_END = re.compile(r"(?<=[^\d\s])[.!?…]+\s+(?=[A-ZĐÀ-Ỹ“\"(])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-ZĐ]{1,4}|TP|TT|Tp|Th\.S|ThS|TS|PGS|GS|Ô|B)$")


def _split_sentences(item: str) -> list[str]:
    masked = _masked(item)
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(masked):
        if _ABBREVIATION.search(item[start : m.start()]):
            continue
        out.append(item[start : m.start()])
        start = m.end()
    out.append(item[start:])
    return [s for s in out if clean(s)]


_LEAD_IN = re.compile(
    r"(?:chỉ tiêu|mục tiêu|phấn đấu)[^:]*:\s*$|^(?:cụ thể|như sau|gồm|bao gồm)\s*:\s*$", re.IGNORECASE
)


def _strip_bullets(item: str) -> str:
    item = clean(item)
    while True:
        m = _BULLET.match(item)
        if not m:
            return item
        item = item[m.end() :].strip()


def _tidy_item(raw: str) -> str:
    item = _strip_bullets(raw)
    # a lead-in sentence ending with ":" before the first item ("… chỉ tiêu chủ yếu năm 2023: …")
    masked = _masked(item)
    colon = masked.find(":")
    if colon >= 0 and _LEAD_IN.search(item[: colon + 1]) and _HAS_NUMBER.search(_masked(item[colon + 1 :])):
        item = item[colon + 1 :].strip()
        item = _strip_bullets(item)
    item = re.sub(r"^(?:và|hoặc)\s+", "", item, flags=re.IGNORECASE)
    return item.rstrip(" .;,").strip()


# --------------------------------------------------------------------------- vocabulary

_NUM = re.compile(r"\d+(?:[.,]\d+)*")

# Words right before a number that make it a reference, not a figure ("năm 2023", "Đề án 06").
_REFERENCE_WORDS = (
    "năm",
    "số",
    "giai đoạn",
    "đề án",
    "chỉ thị",
    "nghị quyết",
    "quyết định",
    "kế hoạch",
    "thông tư",
    "nghị định",
    "công văn",
    "luật",
    "kỳ",
    "khóa",
    "khoá",
    "ngày",
    "tháng",
    "quý",
    "lần thứ",
    "thứ",
    "mục",
    "điều",
    "khoản",
    "điểm",
    "phụ lục",
    "đợt",
    "chương trình",
    "dự án",
    "tiêu chí",
    "mẫu",
    "mẫu số",
    "lớp",
    "khối",
    "cụm",
    "cấp độ",
    "mức độ",
    "nhóm",
    "hạng",
    "loại",
    "phường",
    "khu phố",
    "tổ",
    "ấp",
    "thôn",
    "khóm",
    "quận",
    "đường",
    "tầng",
    "version",
    "phiên bản",
)

_PERCENT = re.compile(
    r"^\s*(?:%|‰|phần trăm)(?:\s*(?:của\s+)?(GRDP|GDP|NSNN))?(?:\s*/\s*(năm|tháng|quý|kỳ|người))?",
    re.IGNORECASE,
)
_MULTIPLIERS = ("nghìn tỷ", "ngàn tỷ", "triệu", "nghìn", "ngàn", "tỷ", "vạn", "trăm")
_AMOUNT_UNITS = (
    "đồng",
    "USD",
    "đô la Mỹ",
    "tấn",
    "tạ",
    "kg",
    "héc-ta",
    "hécta",
    "hecta",
    "ha",
    "km",
    "mét",
    "m²",
    "m2",
    "m³",
    "m3",
    "kWh",
    "MW",
    "lượt khách",
    "lượt người",
    "lượt",
    "ngày công",
    "ngày",
    "giờ",
    "tháng",
    "lần",
    "điểm",
    "bậc",
    "cây",
    "con",
    "liều",
)
_COUNT_UNITS = (
    "xã, phường, thị trấn",
    "xã, phường, đặc khu",
    "xã, phường",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
    "huyện",
    "thôn, ấp",
    "thôn, tổ dân phố",
    "thôn",
    "ấp",
    "khu phố",
    "khu dân cư",
    "tổ dân phố",
    "khóm",
    "bản",
    "làng",
    "hộ gia đình",
    "hộ dân",
    "hộ",
    "gia đình",
    "trường học",
    "trường",
    "phòng học",
    "lớp học",
    "trạm y tế",
    "doanh nghiệp",
    "hợp tác xã",
    "tổ hợp tác",
    "sản phẩm OCOP",
    "sản phẩm",
    "cơ quan, đơn vị",
    "cơ quan",
    "đơn vị",
    "căn nhà",
    "căn",
    "ngôi nhà",
    "nhà",
    "công trình",
    "dự án",
    "mô hình",
    "câu lạc bộ",
    "người",
    "lao động",
    "học sinh",
    "học viên",
    "sinh viên",
    "hội viên",
    "đoàn viên",
    "đảng viên",
    "thành viên",
    "thanh niên",
    "công dân",
    "tân binh",
    "cơ sở",
    "chi bộ",
    "tổ chức cơ sở đảng",
    "vụ",
    "vụ án",
    "điểm",
    "tuyến",
    "cuộc",
    "buổi",
    "lớp",
    "sáng kiến",
    "đề tài",
    "tin, bài",
    "tin bài",
    "tin",
    "bài",
    "chợ",
    "cửa hàng",
    "giường bệnh",
    "bác sĩ",
    "trẻ",
    "cháu",
    "em",
    "suất",
    "phần quà",
    "thẻ",
    "tập thể",
    "cá nhân",
)
_RATE_UNIT = re.compile(
    r"^\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3})\s*/\s*((?:vạn|nghìn|ngàn|1\.000|10\.000|100\.000|trăm)\s+[^\W\d_]+"
    r"(?: [^\W\d_]+)?)(?=\s*(?:$|[,;.(]|trở\b|và\b|trong\b|theo\b|so\b|\0))",
    re.IGNORECASE,
)
_PER_UNIT = re.compile(r"^\s*/\s*([^\W\d_]+(?: [^\W\d_]+)?(?:\s*/\s*[^\W\d_]+)?)", re.IGNORECASE)
_AGE = re.compile(r"^\s*(?:tháng\s+)?(?:tuổi|sao)\b", re.IGNORECASE)
_LOWER_IS_BETTER = (
    "ho ngheo",
    "can ngheo",
    "tai ngheo",
    "that nghiep",
    "suy dinh duong",
    "tu vong",
    "tai nan",
    "toi pham",
    "pham phap",
    "ma tuy",
    "bo hoc",
    "no xau",
    "o nhiem",
    "lam phat",
    "sinh con thu",
    "vi pham",
    "khieu nai",
    "chay no",
    "chay rung",
    "ton dong",
    "tre han",
    "qua han",
    "tang dan so",
    "mat can bang gioi tinh",
    "ty so gioi tinh",
)

# Comparing words right before the figure: (words, comparator, strict). Longest first.
_BEFORE: list[tuple[str, Comparator, bool]] = sorted(
    [
        ("còn dưới", Comparator.AT_MOST, True),
        ("giảm xuống dưới", Comparator.AT_MOST, True),
        ("giảm còn dưới", Comparator.AT_MOST, True),
        ("xuống dưới", Comparator.AT_MOST, True),
        ("dưới", Comparator.AT_MOST, True),
        ("thấp hơn", Comparator.AT_MOST, True),
        ("ít hơn", Comparator.AT_MOST, True),
        ("nhỏ hơn", Comparator.AT_MOST, True),
        ("không quá", Comparator.AT_MOST, False),
        ("không vượt quá", Comparator.AT_MOST, False),
        ("không cao hơn", Comparator.AT_MOST, False),
        ("không nhiều hơn", Comparator.AT_MOST, False),
        ("không lớn hơn", Comparator.AT_MOST, False),
        ("tối đa", Comparator.AT_MOST, False),
        ("giảm còn", Comparator.AT_MOST, False),
        ("giảm xuống còn", Comparator.AT_MOST, False),
        ("giảm xuống", Comparator.AT_MOST, False),
        ("xuống còn", Comparator.AT_MOST, False),
        ("còn", Comparator.AT_MOST, False),
        ("trên", Comparator.AT_LEAST, True),
        ("cao hơn", Comparator.AT_LEAST, True),
        ("hơn", Comparator.AT_LEAST, True),
        ("đạt trên", Comparator.AT_LEAST, True),
        ("vượt", Comparator.AT_LEAST, True),
        ("từ", Comparator.AT_LEAST, False),
        ("đạt từ", Comparator.AT_LEAST, False),
        ("tối thiểu", Comparator.AT_LEAST, False),
        ("đạt tối thiểu", Comparator.AT_LEAST, False),
        ("ít nhất", Comparator.AT_LEAST, False),
        ("đạt ít nhất", Comparator.AT_LEAST, False),
        ("không dưới", Comparator.AT_LEAST, False),
        ("không thấp hơn", Comparator.AT_LEAST, False),
        ("không ít hơn", Comparator.AT_LEAST, False),
        ("đạt", Comparator.AT_LEAST, False),
        ("đạt được", Comparator.AT_LEAST, False),
        ("đạt mức", Comparator.AT_LEAST, False),
        ("tăng lên", Comparator.AT_LEAST, False),
        ("nâng lên", Comparator.AT_LEAST, False),
        ("lên", Comparator.AT_LEAST, False),
        ("lên trên", Comparator.AT_LEAST, True),
        ("hoàn thành", Comparator.COMPLETION, False),
        ("hoàn thành đạt", Comparator.COMPLETION, False),
        ("hoàn thành vượt", Comparator.COMPLETION, False),
        ("bằng", Comparator.EXACT, False),
        ("đúng", Comparator.EXACT, False),
    ],
    key=lambda entry: -len(entry[0]),
)
# Words between the comparing word and the figure, or between the measure and the figure, that
# carry no meaning of their own ("đạt khoảng 5 %", "chiếm 30 %", "là 0,5 %", "ở mức 15 %").
_NEUTRAL = ("ở mức", "mức", "là", "chiếm", "chiếm khoảng", "khoảng", "tương đương", "phấn đấu", "có", "tỷ lệ", "tỉ lệ")
# Units that name what is counted ("850.000 lượt khách"): they stay in the measure's name.
_NOUN_UNITS = ("lượt khách", "lượt người", "lượt", "ngày công", "cây", "con", "liều", "suất")
# "giảm 0,4 %": a reduction of at least that much; "tăng 10 %": an increase of at least that much.
_REDUCE_WORDS = ("kéo giảm", "giảm thêm", "giảm bình quân", "giảm trung bình", "giảm", "hạ")
_GROW_WORDS = ("tăng thêm", "tăng bình quân", "tăng trung bình", "tăng")
_HOLD = re.compile(r"(?:^|\s)(?:giữ vững|giữ ổn định|giữ|duy trì ổn định|duy trì)$", re.IGNORECASE)
_LEADING_FILLERS = re.compile(r"^(?:phấn đấu(?: đạt)?|đảm bảo|bảo đảm|có|đạt|đạt được|cố gắng)(?:\s+|$)", re.IGNORECASE)
_COMPLETION_WORDS = re.compile(r"^(?:phấn đấu|đảm bảo|bảo đảm|hoàn thành|phấn đấu hoàn thành)$", re.IGNORECASE)
_COMPLETION_NOUNS = re.compile(
    r"^(?:nhiệm vụ|kế hoạch|chỉ tiêu|khối lượng|công việc|dự toán|hồ sơ)\b", re.IGNORECASE
)
_AFTER_UP = re.compile(r"^\s*trở lên\b", re.IGNORECASE)
_AFTER_DOWN = re.compile(r"^\s*trở xuống\b", re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|~|đến|tới|đến dưới)\s*$", re.IGNORECASE)
_TD = re.compile(r"(?:^|[,;:\s])\s*(trong đó|riêng)(?:\s*[,:])?\s+", re.IGNORECASE)
# Heads that name a level; a neighbour without a head borrows it ("…, hộ cận nghèo 2 %").
_LEVEL_WORDS = r"(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|tỷ suất|tốc độ tăng|tốc độ|chỉ số|số lượng|tổng số|số(?! hóa| hoá)|tổng)"
_HEADS = re.compile(
    rf"^(?:mức (?:giảm|tăng)(?: bình quân)? {_LEVEL_WORDS}|mức (?:giảm|tăng)(?: bình quân)?|{_LEVEL_WORDS})(?=\s|$)",
    re.IGNORECASE,
)
_ACTION = re.compile(
    r"^(?:xây dựng|làm mới|làm|trồng|kết nạp|giải quyết|đào tạo|hỗ trợ|nâng cấp|sửa chữa|cứng hóa|bê tông hóa|"
    r"nhựa hóa|thu hút|đón|phát triển|thành lập|công nhận|tuyển|tuyển sinh|vận động|huy động|cấp|tổ chức|mở|"
    r"khám|tiêm|tặng|trao|cải tạo|xóa|chuyển đổi|đầu tư|tạo|thu gom|thu|tiếp nhận|bàn giao|hoàn thành|số hóa|xử lý|"
    r"triển khai|ứng dụng|cung cấp|kiểm tra|phủ sóng|lắp đặt|giải ngân|bố trí|đưa|kiên cố hóa|chỉnh trang|"
    r"sắp xếp|thực hiện|duy trì|giữ vững|nâng)\b",
    re.IGNORECASE,
)
_HEADING_WORDS = re.compile(
    r"^(?:về|các|nhóm|lĩnh vực|chỉ tiêu|mục tiêu|phần|chương|mục|nội dung|nhiệm vụ|giải pháp)\b", re.IGNORECASE
)


@dataclass
class _Figure:
    start: int
    end: int  # end of the number
    value: float
    unit: str = ""
    unit_end: int = 0
    unit_kind: str = ""  # "percent", "amount", "count", "rate", ""


def _match_unit(text: str, pos: int) -> tuple[str, int, str]:
    """The unit right after ``pos``: (unit, end position, kind)."""
    rest = text[pos:]
    m = _PERCENT.match(rest)
    if m:
        unit = "‰" if m.group(0).strip().startswith("‰") else "%"
        if m.group(1):
            unit += f" {m.group(1)}"
        if m.group(2):
            unit += f"/{m.group(2)}"
        return unit, pos + m.end(), "percent"
    stripped = rest.lstrip()
    offset = len(rest) - len(stripped)
    mr = _RATE_UNIT.match(stripped)
    if mr:
        unit = f"{mr.group(1).strip()}/{mr.group(2).strip()}"
        return unit, pos + offset + mr.end(), "rate"
    low = stripped.lower()
    multiplier = ""
    for mult in _MULTIPLIERS:
        if low.startswith(mult + " "):
            multiplier = stripped[: len(mult) + 1]
            break
    body = stripped[len(multiplier) :]
    body_low = body.lower()
    for kind, units in (("amount", _AMOUNT_UNITS), ("count", _COUNT_UNITS)):
        for u in sorted(units, key=len, reverse=True):
            if body_low.startswith(u.lower()):
                after = body[len(u) : len(u) + 1]
                if after and (after.isalnum() or after == "-"):
                    continue
                end = pos + offset + len(multiplier) + len(u)
                unit = clean(f"{multiplier}{body[: len(u)]}")
                per = _PER_UNIT.match(text[end:])
                if per:
                    unit = f"{unit}/{clean(per.group(1)).replace(' / ', '/')}"
                    end += per.end()
                    kind = "amount"
                if multiplier and kind == "count":
                    kind = "amount"
                return unit, end, kind
    if multiplier:
        # "2,5 triệu" with a noun the lists do not know: the multiplier is the unit
        return clean(multiplier), pos + offset + len(multiplier.rstrip()), "amount"
    return "", pos, ""


def _is_reference(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) a year, a document number, a date part, a name part…?"""
    before = text[:start]
    if before and (before[-1].isalnum() or before[-1] in "/._"):
        return True
    if before.endswith("-") and len(before) >= 2 and before[-2].isalpha():
        return True  # COVID-19
    after = text[end : end + 2]
    if after.startswith("/") and (after[1:2].isdigit() or after[1:2].isupper()):
        return True  # 17/NQ-HĐND, 31/3
    if after[:1].isalpha():
        return True  # 3G, 5S…
    if after.startswith("-") and text[end + 1 : end + 2].isalpha():
        return True  # 34-CT/TW
    return False


def _after_reference_word(text: str, start: int) -> bool:
    """Is the number at ``start`` named by a word before it ("năm 2023", "Đề án 06", "thôn 3")?"""
    low = text[:start].lower().rstrip()
    return any(_ends_with(low, word) for word in _REFERENCE_WORDS)


_FRACTION = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})(?=\s+[^\W\d_])")
_DENOMINATOR = ("trên", "mỗi", "cho mỗi", "/")


def _figures(text: str, masked: str) -> list[_Figure]:
    """The figures of ``text`` that can be target values, in order (``masked`` is ``text`` shielded)."""
    out: list[_Figure] = []
    fractions = {m.start(): m for m in _FRACTION.finditer(masked)}
    skip_to = -1
    for m in _NUM.finditer(masked):
        if m.start() < skip_to:
            continue
        fraction = fractions.get(m.start())
        if fraction is not None and not _is_reference(masked, m.start(), m.start()):
            # "Giữ vững 04/04 trường": 4 of the 4 schools
            unit, unit_end, kind = _match_unit(masked, fraction.end())
            if kind == "count":
                out.append(_Figure(m.start(), fraction.end(2), float(fraction.group(1)), unit, unit_end, kind))
                skip_to = fraction.end()
                continue
        if _is_reference(masked, m.start(), m.end()):
            continue
        try:
            value = parse_number(m.group(0))
        except InputError:
            continue
        if value is None:
            continue
        unit, unit_end, kind = _match_unit(masked, m.end())
        if not kind and (_after_reference_word(masked, m.start()) or _AGE.match(masked[m.end() :])):
            continue  # "năm 2023", "Đề án 06", "trẻ em dưới 5 tuổi", "3 sao": not a figure
        digits = m.group(0).replace(".", "").replace(",", "")
        if not kind and len(digits) == 4 and 1900 <= value <= 2100 and "," not in m.group(0):
            continue  # a year on its own
        out.append(_Figure(m.start(), m.end(), value, unit, unit_end if kind else m.end(), kind))
    # "trên 1 ha", "mỗi 1 km²": the denominator of the figure that follows, not a figure
    return [
        f
        for i, f in enumerate(out)
        if not (
            f.value == 1
            and f.unit_kind in ("amount", "count")
            and i + 1 < len(out)
            and any(_ends_with(masked[: f.start].lower().rstrip(), w) for w in _DENOMINATOR)
        )
    ]


def _ends_with(low: str, word: str) -> bool:
    return low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalnum())


def _starts_with(low: str, word: str) -> bool:
    return low.startswith(word) and (len(low) == len(word) or not low[len(word)].isalnum())


def _strip_end(prefix: str, words: tuple[str, ...] | list[str]) -> tuple[str, str]:
    """Remove one of ``words`` (longest first) from the end of ``prefix``: (rest, word or "")."""
    low = prefix.lower().rstrip()
    for word in sorted(words, key=len, reverse=True):
        if _ends_with(low, word):
            return prefix.rstrip()[: len(low) - len(word)].rstrip(), word
    return prefix, ""


def _strip_start(text: str, words: tuple[str, ...] | list[str]) -> tuple[str, str]:
    low = text.lower().lstrip()
    for word in sorted(words, key=len, reverse=True):
        if _starts_with(low, word):
            return text.lstrip()[len(word) :].lstrip(), word
    return text, ""


def _lower_is_better(measure: str) -> bool:
    folded = fold(measure)
    if folded.startswith(("muc giam", "muc tang")):
        return False
    return any(word in folded for word in _LOWER_IS_BETTER)


def _capitalise(text: str) -> str:
    return text[0].upper() + text[1:] if text[:1].islower() else text


_PAIRS = (("(", ")"), ("“", "”"), ("[", "]"))


def _tidy_measure(text: str) -> str:
    """A measure's name without stray punctuation, fillers at either end, or unmatched brackets."""
    out = clean(text)
    out = re.sub(r"\s+([,.;:)\]”])", r"\1", out)
    out = re.sub(r"([(\[“])\s+", r"\1", out)
    out = re.sub(r",(\s*,)+", ",", out)
    for _ in range(4):
        new = out.strip(" ,:;-–—.")
        new = re.sub(r"(?:\s+|^)(?:đạt|là|ở mức|mức|phấn đấu|bằng|và|hoặc|với|có|của|chiếm|khoảng)$", "", new,
                     flags=re.IGNORECASE)
        new = _LEADING_FILLERS.sub("", new).strip(" ,:;-–—.")
        if new == out:
            break
        out = new
    for left, right in _PAIRS:
        if out.count(left) < out.count(right) and out.endswith(right):
            out = out[: -len(right)].rstrip()
        if out.count(left) > out.count(right) and out.startswith(left):
            out = out[len(left) :].lstrip()
    if fold(out) in ("co", "dat", "phan dau", "bao dam", "dam bao", "so", "ty le"):
        return ""
    return _capitalise(out)


def _fmt(value: float) -> str:
    return format_number(value)


def _count(value: float) -> str:
    if float(value).is_integer() and 0 <= value < 10:
        return f"{int(value):02d}"
    return _fmt(value)


# --------------------------------------------------------------------------- one figure's reading


@dataclass
class _Reading:
    """What one segment (one target figure with the words around it) says."""

    measure: str
    comparator: Comparator
    value: float
    value_high: float | None
    unit: str
    kind: str
    strict: bool = False
    explicit: bool = True  # the comparator was written, not inferred
    name: str = ""  # the segment's own words before the figure, fillers removed
    label: str = ""  # the same words as written ("có bằng cấp, chứng chỉ"), to name a detail
    after: str = ""  # the words after the figure
    verb: str = ""  # the leading action words ("Phát triển mới"), for a neighbour to borrow
    change: str = ""  # "Mức giảm …" / "Mức tăng …" readings whose subject the segment does not name
    sub_count: float | None = None
    sub_label: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def head(self) -> str:
        """The words that say what kind of level is measured ("Tỷ lệ", "Mức giảm tỷ lệ"), for a neighbour."""
        if not self.name:
            return ""
        m = _HEADS.match(_tidy_measure(self.measure))
        return m.group(0) if m else ""


def _figure_groups(masked: str, figures: list[_Figure]) -> list[list[_Figure]]:
    """Figures grouped into target figures: a range "9,5 - 10 %" is one group."""
    groups: list[list[_Figure]] = []
    i = 0
    while i < len(figures):
        f = figures[i]
        if i + 1 < len(figures):
            g = figures[i + 1]
            between = masked[f.unit_end : g.start]
            start_word = _strip_end(masked[: f.start], ("từ", "khoảng", "từ khoảng"))[1]
            if _RANGE_SEP.match(between) or (
                start_word.startswith("từ") and re.match(r"^\s*(?:đến|tới)\s*$", between, re.IGNORECASE)
            ):
                if not f.unit or not g.unit or f.unit == g.unit or g.unit.startswith(f.unit):
                    groups.append([f, g])
                    i += 2
                    continue
        groups.append([f])
        i += 1
    return groups


def _tail_end(masked: str, group: list[_Figure]) -> int:
    """Where the figure's own words end: after its unit and "trở lên"."""
    end = group[-1].unit_end
    m = _AFTER_UP.match(masked[end:]) or _AFTER_DOWN.match(masked[end:])
    if m:
        end += m.end()
    return end


_SEPARATOR = re.compile(r"\s*(?:,|;|:|\bvà\b|\bcùng\b|\.\s)\s*(?:và\s+)?", re.IGNORECASE)
_NAME_FILLERS = re.compile(
    r"^(?:(?:(?:hằng|hàng) năm|(?:trong|đến|đến hết|đến cuối|cuối|trong cả) năm(?: \d{4})?|năm \d{4}|"
    r"giai đoạn [\d\s\-–]+)\s*,?\s*)?"
    r"(?:toàn (?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|đặc khu|ngành|đơn vị)\s*,?\s*)?"
    r"(?:(?:phấn đấu|cố gắng|phấn đấu đạt|phấn đấu có)\s+|phấn đấu$)?"
    r"(?:(?:có|đạt|đạt được)(?:\s+|$))?",
    re.IGNORECASE,
)
_COMPLETION_TAILS = re.compile(r"^(?:được giao|trên giao|cấp trên giao|đề ra|đã đề ra|năm|của năm)?$", re.IGNORECASE)
_PER_POPULATION = re.compile(
    r"([^\W\d_]+(?: [^\W\d_]+)?)\s*(?:/|trên|trên một|trên 1|/\s*1)\s*((?:vạn|nghìn|ngàn|trăm)\s+dân|1\.000 dân|10\.000 dân)",
    re.IGNORECASE,
)


def _peel(prefix: str, is_range: bool) -> tuple[str, Comparator | None, bool, str, str, bool]:
    """Words right before the figure, peeled off the end of ``prefix``.

    Returns (the rest, comparator, strict, comparing word, change "reduce"/"grow"/"", approximate).
    """
    rest = prefix
    cmp: Comparator | None = None
    strict = False
    word = ""
    change = ""
    average = False
    approx = False
    for _ in range(6):
        before = rest
        rest, neutral = _strip_end(rest, _NEUTRAL)
        if neutral in ("khoảng", "chiếm khoảng"):
            approx = True
        if is_range:
            rest, w = _strip_end(rest, ("từ", "từ khoảng", "trong khoảng", "đạt từ", "đạt"))
            word = word or w
        elif cmp is None:
            low = rest.lower().rstrip()
            for w, c, s in _BEFORE:
                if _ends_with(low, w):
                    rest = rest.rstrip()[: len(low) - len(w)]
                    cmp, strict, word = c, s, w
                    break
        if not change and cmp in (None, Comparator.AT_LEAST):
            rest2, w = _strip_end(rest, _REDUCE_WORDS)
            if w:
                rest, change, average = rest2, "reduce", "bình quân" in w or "trung bình" in w
            else:
                rest2, w = _strip_end(rest, _GROW_WORDS)
                if w:
                    rest, change, average = rest2, "grow", "bình quân" in w or "trung bình" in w
        if rest == before:
            break
    return rest, cmp, strict, word, (f"{change}-average" if average else change), approx


def _name_of(text: str) -> str:
    return clean(_NAME_FILLERS.sub("", clean(text), count=1))


def _read(source: str, masked: str, group: list[_Figure], others: list[_Figure]) -> _Reading:
    """The reading of one segment ``source`` (``masked`` aligned) around the target figure ``group``."""
    first = group[0]
    value_high = group[1].value if len(group) > 1 else None
    unit = group[-1].unit or first.unit
    kind = group[-1].unit_kind or first.unit_kind
    tail_start = group[-1].unit_end
    problems: list[str] = []
    is_range = value_high is not None

    rest, kw, strict, word, change, approx = _peel(source[: first.start], is_range)
    average = change.endswith("-average")
    change = change.split("-")[0]

    # qualifiers after the figure
    tail_masked = masked[tail_start:]
    if up := _AFTER_UP.match(tail_masked):
        tail_start += up.end()
        if not is_range and kw in (None, Comparator.AT_LEAST):
            kw, strict, word = Comparator.AT_LEAST, False, word or "trở lên"
    elif down := _AFTER_DOWN.match(tail_masked):
        tail_start += down.end()
        if not is_range:
            kw, strict, word = Comparator.AT_MOST, False, word or "trở xuống"
    after = source[tail_start:]
    after_masked = masked[tail_start:]

    # "…, trong đó 08 xã đạt kiểu mẫu": the sub-count of a count
    sub_count: float | None = None
    sub_label = ""
    td = _TD.search(after_masked)
    if td is not None:
        sub = next((f for f in others if f.start == tail_start + td.end()), None)
        if kind == "count" and sub is not None and sub.unit_kind == "count":
            sub_count = sub.value
            sub_label = clean(f"{sub.unit} {source[sub.unit_end :]}").rstrip(" .,;")
            if fold(sub.unit) != fold(unit):
                problems.append(
                    f"Số “{td.group(1)} {_count(sub.value)} {sub.unit}” khác đơn vị với “{unit}”; kiểm tra lại."
                )
        after = after[: td.start()]

    raw_name = clean(rest)
    name = _name_of(raw_name)
    after_text = clean(after)
    value_first = not name
    verb = ""
    if m := _ACTION.match(name):
        verb_end = m.end()
        more = re.match(r"^(?:\s+(?:mới|thêm|được|cho|hóa|hoá|và bàn giao))+", name[verb_end:], re.IGNORECASE)
        if more:
            verb_end += more.end()
        verb = name[:verb_end]
    per_population = _PER_POPULATION.search(name)
    noun_unit = unit.split(" ", 1)[1] if unit.split(" ", 1)[0].lower() in _MULTIPLIERS and " " in unit else unit
    if kind == "amount" and fold(noun_unit) in {fold(u) for u in _NOUN_UNITS}:
        after_text = clean(f"{noun_unit} {after_text}")  # "Đón 850.000 lượt khách du lịch"
    explicit = True
    comparator: Comparator

    def joined(*parts: str) -> str:
        return " ".join(p for p in parts if p)

    if is_range:
        comparator = Comparator.RANGE
        measure = joined(name, after_text)
        if change:
            core = _strip_start(name, ("kéo giảm", "giảm", "tăng"))[0] if change == "reduce" else name
            measure = joined(f"Mức {'giảm' if change == 'reduce' else 'tăng'}{' bình quân' if average else ''}",
                             _decap(core), after_text)
    elif change == "reduce" or (
        kw in (None, Comparator.AT_LEAST)
        and not strict
        and kind in ("percent", "amount")
        and (_starts_with(name.lower(), "giảm") or _starts_with(name.lower(), "kéo giảm"))
    ):
        comparator = Comparator.AT_LEAST
        core = _strip_start(name, ("kéo giảm", "giảm"))[0]
        measure = joined(f"Mức giảm{' bình quân' if average else ''}", _decap(core), after_text)
        if fold(name).startswith("muc giam"):
            measure = joined(name, after_text)
    elif change == "grow" and kind != "count":
        comparator = Comparator.AT_LEAST
        measure = joined(f"Mức tăng{' bình quân' if average else ''}", _decap(name), after_text)
    elif (completion := _completion_measure(name, raw_name, after_text, kw, strict, kind, first.value)) is not None:
        comparator = Comparator.COMPLETION
        measure = completion
    elif (kind == "rate" or (per_population and kind in ("count", ""))) and kw in (None, Comparator.AT_LEAST):
        comparator = Comparator.RATE
        if kind != "rate" and per_population:
            # "Số giường bệnh trên 1 vạn dân đạt 33 giường": a rate written in words
            unit = f"{per_population.group(1)}/{per_population.group(2)}"
            name = clean(name[: per_population.start()] + unit + name[per_population.end() :])
            after_text = ""
        measure = joined(name if _tidy_measure(name) else f"Số {unit}", after_text)
    elif kind == "count" and kw in (None, Comparator.AT_LEAST) and not strict:
        comparator = Comparator.COUNT
        if not _tidy_measure(name):
            measure = joined(f"Số {unit}", after_text)
        elif re.match(r"^(?:số|số lượng|tổng số)\b", name, re.IGNORECASE):
            measure = joined(name, after_text)
        else:
            measure = joined(name, unit, after_text)
    elif kw is not None:
        comparator = kw
        measure = joined(name, after_text)
        if value_first and kind == "percent":
            measure = f"Tỷ lệ {_decap(after_text)}" if after_text else ""
        if kw is Comparator.AT_MOST:
            measure = _strip_start(measure, ("kéo giảm", "giảm"))[0]
        elif kw is Comparator.AT_LEAST and word in ("lên", "tăng lên", "nâng lên", "lên trên"):
            measure = _strip_start(measure, ("nâng cao", "nâng", "tăng", "đưa"))[0]
        if kw is Comparator.AT_LEAST and word in ("đạt", "đạt được") and _lower_is_better(measure):
            problems.append(
                f"“{_tidy_measure(measure)}” thường là chỉ tiêu càng thấp càng tốt, nhưng văn bản ghi "
                "“đạt”: đã hiểu là “từ … trở lên”; kiểm tra lại."
            )
    elif hold := _HOLD.search(name):
        measure = joined(name[: hold.start()], after_text)
        explicit = False
        if _lower_is_better(measure):
            comparator = Comparator.AT_MOST
            problems.append("“Giữ/duy trì” được hiểu là không vượt quá mức đã nêu; kiểm tra lại.")
        else:
            comparator = Comparator.AT_LEAST
            problems.append("“Giữ/duy trì” được hiểu là giữ từ mức đã nêu trở lên; kiểm tra lại.")
    elif value_first and kind == "percent":
        comparator = Comparator.AT_LEAST
        explicit = False
        measure = f"Tỷ lệ {_decap(after_text)}" if after_text else ""
        problems.append(f"Không có từ so sánh: được hiểu là tỷ lệ từ {_fmt(first.value)}% trở lên; kiểm tra lại.")
    else:
        measure = joined(name, after_text)
        wanted = f"{_fmt(first.value)} {unit}".strip()
        if fold(name).startswith(("muc giam", "muc tang")):
            comparator = Comparator.AT_LEAST  # "Mức giảm tỷ lệ hộ cận nghèo là 0,5 %"
        elif _lower_is_better(measure):
            comparator = Comparator.AT_MOST
            explicit = False
            problems.append(
                "Không có từ so sánh (đạt, còn, dưới, từ … trở lên); vì đây là chỉ tiêu càng thấp càng "
                f"tốt nên được hiểu là “không quá {wanted}”; kiểm tra lại."
            )
        elif kind == "amount" and verb and not approx:
            comparator = Comparator.AT_LEAST  # "Trồng mới 50 ha rừng": an amount to reach
        else:
            comparator = Comparator.AT_LEAST
            explicit = False
            problems.append(
                "Không có từ so sánh (đạt, còn, dưới, từ … trở lên); chỉ tiêu giao mức cần đạt hoặc "
                f"vượt nên được hiểu là “từ {wanted} trở lên”; kiểm tra lại."
            )
    if approx and not is_range and explicit:
        problems.append(f"Văn bản ghi “khoảng {_fmt(first.value)} {unit}”: đã hiểu là mức cần đạt; kiểm tra lại.")
        explicit = False

    return _Reading(
        measure=measure,
        comparator=comparator,
        value=first.value,
        value_high=value_high,
        unit=unit,
        kind=kind,
        strict=strict if comparator in (Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.RATE) else False,
        explicit=explicit,
        name=name,
        label=raw_name,
        after=after_text,
        change=change if change and not _strip_start(name, ("kéo giảm", "giảm", "tăng"))[0] else "",
        verb=verb,
        sub_count=sub_count,
        sub_label=sub_label,
        problems=problems,
    )


def _completion_measure(
    name: str, raw_name: str, after: str, kw: Comparator | None, strict: bool, kind: str, value: float
) -> str | None:
    """The measure of a completion target ("hoàn thành 100 % X", "100 % X", "đảm bảo 100 % X"), else ``None``."""
    if kw is Comparator.COMPLETION:
        core = _strip_start(name, ("phấn đấu hoàn thành", "hoàn thành"))[0]
        return " ".join(p for p in (core, after) if p) or name
    if kind != "percent" or kw not in (None, Comparator.AT_LEAST) or strict:
        return None
    noun = _COMPLETION_NOUNS.match(after)
    if not name:
        if after and (value == 100 or noun):
            return after
        return None
    filler_only = bool(_COMPLETION_WORDS.match(name)) or bool(_COMPLETION_WORDS.match(raw_name))
    if kw is None and value == 100 and after and (filler_only or (_ACTION.match(name) and not _HEADS.match(name))):
        return after if filler_only else f"{name} {after}"
    if kw is Comparator.AT_LEAST and noun is not None:
        tail = clean(after[noun.end() :])
        if noun.group(0).lower() in ("chỉ tiêu", "nhiệm vụ", "kế hoạch") and _COMPLETION_TAILS.match(tail):
            return name
        return f"{name} so với {after}"
    return None


def _decap(text: str) -> str:
    text = clean(text)
    if len(text) > 1 and text[0].isupper() and text[1:2].islower():
        return text[0].lower() + text[1:]
    return text


# --------------------------------------------------------------------------- sentences, items and lines


@dataclass
class _Draft:
    """A target being read; ``parent`` is the index in the final list of the target it details."""

    source: str
    reading: _Reading | None
    problems: list[str] = field(default_factory=list)
    parent: int | None = None


@dataclass
class _Context:
    """What an item inherits from the items before it on the same line, and from the list."""

    lead: str = ""  # a lead before ":" naming the figures after it ("Cơ cấu kinh tế")
    lead_cmp: tuple[Comparator, bool] | None = None  # a comparing word ending the lead ("… đạt:")
    lead_kind: str = ""
    previous: _Reading | None = None  # the last target read on this line
    root: int | None = None  # the index of the last target that is not a detail ("trong đó" parent)
    root_reading: _Reading | None = None


def _colon_lead(source: str, masked: str, figures: list[_Figure]) -> tuple[str, int]:
    """A lead "Tỷ lệ trẻ đi học đúng độ tuổi:" naming the figures after it: (lead, where the body starts)."""
    colon = masked.find(":")
    if colon < 0 or any(f.start < colon for f in figures) or not any(f.start > colon for f in figures):
        return "", 0
    return clean(source[:colon]), colon + 1


def _is_sub_count(masked: str, main: list[_Figure], group: list[_Figure]) -> bool:
    """Is ``group`` the sub-count of the count ``main`` ("05 xã …, trong đó 02 xã …")?"""
    if len(main) != 1 or len(group) != 1 or main[0].unit_kind != "count" or group[0].unit_kind != "count":
        return False
    td = _TD.search(masked, _tail_end(masked, main), group[0].start)
    return td is not None and td.end() == group[0].start


def _split_points(masked: str, parts: list[list[list[_Figure]]]) -> list[int] | None:
    """Where each part's segment ends; ``None`` when two figures have nothing between them."""
    ends: list[int] = []
    for k, part in enumerate(parts[:-1]):
        nxt = parts[k + 1][0][0].start
        tail = _tail_end(masked, part[-1])
        m = None
        for cand in _SEPARATOR.finditer(masked, tail, nxt):
            if "\0" not in masked[cand.start() : cand.end()]:
                m = cand
                break
        if m is None:
            return None
        ends.append(m.start())
    return ends


def _segments(
    masked: str, start: int, stop: int, figures: list[_Figure]
) -> tuple[list[tuple[int, int, str]], bool]:
    """Segments [a, b) holding one target figure each, with the word that joined each to the one before;
    ``False`` when two figures have nothing between them to split at."""
    figs = [f for f in figures if start <= f.start < stop]
    groups = _figure_groups(masked, figs)
    if not groups:
        return [], True
    parts: list[list[list[_Figure]]] = []
    for group in groups:
        if parts and _is_sub_count(masked, parts[-1][0], group):
            parts[-1].append(group)
            continue
        parts.append([group])
    ends = _split_points(masked, parts)
    if ends is None:
        return [(start, stop, "")], False
    out: list[tuple[int, int, str]] = []
    a = start
    joiner = ""
    for k in range(len(parts)):
        b = ends[k] if k < len(ends) else stop
        out.append((a, b, joiner))
        if k < len(ends):
            sep = _SEPARATOR.match(masked, b)
            a = sep.end() if sep else b
            joiner = clean(masked[b:a]).lower()
    return out, True


def _read_segment(source: str, masked: str, a: int, b: int, figures: list[_Figure], split_ok: bool) -> _Draft:
    seg, seg_masked = source[a:b], masked[a:b]
    local = [
        _Figure(f.start - a, f.end - a, f.value, f.unit, f.unit_end - a, f.unit_kind) for f in figures if a <= f.start < b
    ]
    groups = _figure_groups(seg_masked, local)
    if not groups:
        return _Draft(clean(seg), None, _not_understood(clean(seg)))
    # the target figure: the first with a unit, else the first; when the segment could not be split, the
    # last one a comparing word introduces ("khám thai từ 4 lần trở lên đạt 90 %")
    group = next((g for g in groups if g[-1].unit_kind), groups[0])
    if len(groups) > 1 and not split_ok:
        introduced = [g for g in groups if _strip_end(seg_masked[: g[0].start], ("đạt", "đạt được", "còn", "dưới"))[1]]
        if introduced:
            group = introduced[-1]
    others = [f for g in groups if g is not group for f in g]
    reading = _read(seg, seg_masked, group, others)
    draft = _Draft(clean(seg), reading)
    used = {id(f) for f in group}
    if reading.sub_count is not None:
        used |= {id(f) for f in others if f.value == reading.sub_count and f.unit_kind == "count"}
    unused = [f for f in local if id(f) not in used]
    if unused and split_ok:
        shown = ", ".join(clean(seg[f.start : f.unit_end]) for f in unused)
        draft.problems.append(
            f"Có số liệu chưa dùng trong chỉ tiêu: {shown}; kiểm tra xem có phải chỉ tiêu khác không."
        )
    return draft


def _drop_inferred(r: _Reading) -> None:
    r.problems = [p for p in r.problems if not p.startswith(("Không có từ so sánh", "“Giữ/duy trì”"))]


def _name_from_lead(draft: _Draft, lead: str, lead_cmp: tuple[Comparator, bool] | None) -> None:
    """ "Cơ cấu kinh tế: nông nghiệp chiếm 5 - 6 %" → "Cơ cấu kinh tế – nông nghiệp"."""
    r = draft.reading
    assert r is not None
    if r.comparator is Comparator.COUNT:
        own = _tidy_measure(r.measure) if r.name else ""
        r.measure = f"{lead}{SUB_SEPARATOR}{_decap(own)}" if own else lead
    else:
        label = _tidy_label(r.label)
        r.measure = f"{lead}{SUB_SEPARATOR}{_decap(label)}" if label else lead
        if r.after:
            r.measure += f" {r.after}"
        if r.comparator is Comparator.COMPLETION and not label:
            r.comparator = Comparator.AT_LEAST  # "Tỷ lệ …: 100 %"
    if lead_cmp is not None and not r.explicit and r.comparator is not Comparator.RANGE:
        r.comparator, r.strict = lead_cmp
        r.explicit = True
        _drop_inferred(r)


def _name_from_neighbour(draft: _Draft, previous: _Reading) -> None:
    """A target that does not name itself fully borrows its neighbour's head or verb."""
    r = draft.reading
    assert r is not None
    if r.change and previous.measure and not previous.change:
        # "… đạt 45 tỷ đồng, tăng 12 % so với dự toán": the increase of the same thing
        word = "giảm" if r.change == "reduce" else "tăng"
        r.measure = " ".join(p for p in (f"Mức {word}", _decap(_tidy_measure(previous.measure)), r.after) if p)
        draft.problems.append("Tên chỉ tiêu lấy theo chỉ tiêu liền trước; kiểm tra lại.")
        return
    if r.comparator is Comparator.RATE or r.head:
        return
    label = _tidy_label(r.name)
    if not label and (r.comparator is Comparator.COUNT or r.kind == "amount") and previous.verb:
        # "Phát triển mới 50 doanh nghiệp, 05 hợp tác xã": the verb carries over
        r.measure = " ".join(p for p in (previous.verb, r.unit if r.comparator is Comparator.COUNT else "", r.after) if p)
        r.verb = previous.verb
    elif label and previous.head and not _ACTION.match(label) and r.kind == previous.kind:
        swapped = _swap_contrast(_tidy_measure(previous.measure), label)
        r.measure = swapped or f"{previous.head} {_decap(r.measure)}"
        if not r.explicit and previous.explicit:
            r.comparator, r.strict = previous.comparator, previous.strict
            r.explicit = True
            _drop_inferred(r)
        draft.problems.append(f"Tên chỉ tiêu được ghép với “{previous.head}” của chỉ tiêu liền trước; kiểm tra lại.")
    elif not label and not r.after and previous.measure and r.kind == previous.kind:
        r.measure = previous.measure
        draft.problems.append("Tên chỉ tiêu lấy theo chỉ tiêu liền trước; kiểm tra lại.")


# Words a list contrasts ("… đô thị đạt 99 %, nông thôn đạt 80 %"): the neighbour's name with one for the other.
_CONTRASTS = (("thành thị", "nông thôn"), ("đô thị", "nông thôn"), ("nam", "nữ"), ("nội địa", "xuất khẩu"))


def _swap_contrast(previous: str, label: str) -> str:
    low = label.lower()
    for a, b in _CONTRASTS:
        for this, other in ((a, b), (b, a)):
            if low == this and re.search(rf"(?<!\w){other}(?!\w)", previous, re.IGNORECASE):
                return re.sub(rf"(?<!\w){other}(?!\w)", this, previous, count=1, flags=re.IGNORECASE)
    return ""


def _name_child(draft: _Draft, parent: _Reading | None) -> None:
    """A "trong đó" detail is named after its parent: "Tỷ lệ hộ dùng nước sạch – nông thôn"."""
    r = draft.reading
    if r is None:
        return
    if r.comparator is Comparator.COUNT:
        label = _tidy_label(r.measure) if r.name else _tidy_label(f"{r.unit} {r.after}")
    else:
        label = _tidy_label(" ".join(p for p in (r.label, r.after) if p))
    base = _tidy_measure(parent.measure) if parent is not None else ""
    if base and label:
        r.measure = f"{base}{SUB_SEPARATOR}{_decap(label)}"
    elif base:
        r.measure = base
    if parent is not None and not r.explicit and parent.explicit and r.comparator is not Comparator.RANGE \
            and parent.comparator not in (Comparator.COUNT, Comparator.RANGE):
        r.comparator, r.strict = parent.comparator, parent.strict
        if parent.comparator is Comparator.COMPLETION:
            r.comparator = Comparator.AT_LEAST
        r.explicit = True
        _drop_inferred(r)


def _tidy_label(text: str) -> str:
    """A label keeps its leading words ("có bằng cấp, chứng chỉ"); only punctuation is tidied."""
    out = clean(text).strip(" ,:;-–—.")
    out = re.sub(r"(?:\s+|^)(?:đạt|là|ở mức|mức|chiếm|khoảng)$", "", out, flags=re.IGNORECASE).strip(" ,:;-–—.")
    return out


def _read_sentence(sentence: str, ctx: _Context, base: int) -> list[_Draft]:
    """The targets of one sentence; ``base`` is the index the first of them will have in the final list."""
    source = _tidy_item(sentence)
    if not source:
        return []
    masked = _masked(source)
    figures = _figures(source, masked)
    if not figures:
        return [_Draft(source, None, _not_understood(source))]

    body = 0
    lead, body_at = _colon_lead(source, masked, figures)
    if lead:
        rest, cmp_word = _strip_end(lead, [w for w, _c, _s in _BEFORE])
        ctx.lead = clean(rest) if cmp_word else lead
        ctx.lead_cmp = next(((c, s) for w, c, s in _BEFORE if w == cmp_word), None) if cmp_word else None
        ctx.lead_kind = ""
        body = body_at
    # an item that starts with "trong đó" details the last target before it
    detail_of_previous = False
    td_start = _TD.match(masked, body)
    if td_start is not None and ctx.root is not None:
        detail_of_previous = True
        body = td_start.end()
    # "…, trong đó …" inside the sentence: what follows details the last target before it
    split_at = len(source)
    td_inside = None
    for td in _TD.finditer(masked, body):
        before = [f for f in figures if body <= f.start < td.start()]
        after = [f for f in figures if f.start >= td.end()]
        if before and after:
            sub_count = after[0].start == td.end() and after[0].unit_kind == "count" \
                and before[-1].unit_kind == "count" and len(after) == 1
            if not sub_count:
                td_inside, split_at = td, td.start()
            break

    drafts: list[_Draft] = []
    segments, split_ok = _segments(masked, body, split_at, figures)
    for a, b, joiner in segments:
        draft = _read_segment(source, masked, a, b, figures, split_ok)
        r = draft.reading
        previous = drafts[-1].reading if drafts else ctx.previous
        if r is not None:
            if detail_of_previous:
                draft.parent = ctx.root
                _name_child(draft, ctx.root_reading)
            elif ctx.lead and (lead or not (r.head or _ACTION.match(r.name))):
                carried = not lead
                _name_from_lead(draft, ctx.lead, ctx.lead_cmp)
                if carried and ctx.lead_kind and r.kind != ctx.lead_kind:
                    draft.problems.append(f"Tên chỉ tiêu được ghép với “{ctx.lead}” ở đầu dòng; kiểm tra lại.")
                ctx.lead_kind = ctx.lead_kind or r.kind
            elif previous is not None and not r.head:
                _name_from_neighbour(draft, previous)
            if joiner == "và" and previous is not None and r.comparator is Comparator.COUNT \
                    and previous.comparator is Comparator.COUNT and fold(r.unit) == fold(previous.unit):
                draft.problems.append(
                    f"Đã tách thành chỉ tiêu riêng; nếu {_count(r.value)} {r.unit} này nằm trong số "
                    f"{_count(previous.value)} {previous.unit} ở trên, hãy ghi là “trong đó”."
                )
        drafts.append(draft)
    if not split_ok and drafts:
        drafts[0].problems.append(
            "Dòng này có nhiều số liệu nhưng chưa tách được thành từng chỉ tiêu; hãy tách dòng (nút “Tách”) "
            "hoặc sửa lại."
        )
    parent_index = base + len(drafts) - 1 if drafts and not detail_of_previous else ctx.root
    parent_reading = drafts[-1].reading if drafts and not detail_of_previous else ctx.root_reading
    if td_inside is not None:
        sub_segments, sub_ok = _segments(masked, td_inside.end(), len(source), figures)
        for a, b, _joiner in sub_segments:
            child = _read_segment(source, masked, a, b, figures, sub_ok)
            child.parent = parent_index
            _name_child(child, parent_reading)
            drafts.append(child)
    return drafts


def _not_understood(source: str, reason: str | None = None) -> list[str]:
    problems = [f"Không nhận ra giá trị chỉ tiêu trong: “{source}”."]
    if reason:
        problems.append(reason)
    return problems


def _finish(draft: _Draft) -> ProposedTarget:
    r = draft.reading
    if r is None:
        return ProposedTarget(draft.source, None, LOW, list(draft.problems))
    problems = [*r.problems, *draft.problems]
    measure = _tidy_measure(r.measure)
    if not measure:
        problems.append("Chưa rõ tên chỉ tiêu; hãy nhập tên.")
    try:
        spec = TargetSpec(
            measure=measure,
            comparator=r.comparator,
            value=r.value,
            value_high=r.value_high,
            unit=r.unit,
            sub_count=r.sub_count,
            sub_label=r.sub_label,
            strict=r.strict,
        ).validate(require_measure=False)
    except InputError as err:
        return ProposedTarget(draft.source, None, LOW, [str(err), *problems], draft.parent)
    return ProposedTarget(draft.source, spec, LOW if problems else HIGH, problems, draft.parent)


# --------------------------------------------------------------------------- lists and documents


def _is_heading(raw: str) -> bool:
    """A heading inside a list ("a) Về kinh tế:", "Các chỉ tiêu về xã hội"), not a target."""
    text = _strip_bullets(raw)
    if not text:
        return True
    if _figures(text, _masked(text)):
        return False
    if text.endswith(":"):
        return True
    words = text.split()
    if text.isupper() and len(words) <= 12:
        return True
    return len(words) <= 10 and bool(_HEADING_WORDS.match(text)) and not text.endswith((".", ";"))


def parse_targets(text: str | None) -> list[ProposedTarget]:
    """Split a target list into targets and propose a spec for each (see the module docstring).

    Items are separated by ";", line ends and sentence ends (outside quotes and parentheses);
    bullets ("-", "+", "•"), numbering ("a)", "1.", "(1)") and a lead-in ending with ":" are
    removed; headings ("a) Về kinh tế:") are skipped. Lines broken by a page break are joined
    first. A line heading a list ("Tỷ lệ huy động trẻ ra lớp:") names the items under it.
    """
    joined = join_broken_lines(text or "")
    out: list[ProposedTarget] = []
    heading_lead = ""
    heading_bullet = ""
    ctx = _Context()
    for line in joined.split("\n"):
        if not clean(line):
            continue
        bullet = _bullet_kind(line)
        if _is_heading(line):
            heading = _strip_bullets(line).rstrip(":").strip()
            heading_lead = heading if _HEADS.match(heading) and line.strip().endswith(":") else ""
            heading_bullet = bullet
            continue
        if heading_lead and bullet == heading_bullet:
            heading_lead = ""
        ctx = _Context(root=ctx.root, root_reading=ctx.root_reading)
        for item in _split_items(_strip_bullets(line)):
            if not clean(item):
                continue
            for sentence in _split_sentences(item):
                if heading_lead and not ctx.lead and not _HEADS.match(_strip_bullets(sentence)):
                    ctx.lead = heading_lead
                drafts = _read_sentence(sentence, ctx, len(out))
                for d in drafts:
                    out.append(_finish(d))
                    if d.reading is not None:
                        ctx.previous = d.reading
                    if d.parent is None and d.reading is not None:
                        ctx.root, ctx.root_reading = len(out) - 1, d.reading
    return out


def _last_root(out: list[ProposedTarget]) -> int:
    i = len(out) - 1
    while out[i].parent is not None:
        i = out[i].parent  # type: ignore[assignment]
    return i


def _bullet_kind(raw: str) -> str:
    m = _BULLET.match(raw)
    if not m:
        return ""
    mark = m.group(0).strip()
    if re.fullmatch(r"[IVXLC]+[.)]", mark):
        return "roman"
    if re.fullmatch(r"\d+[.)]", mark):
        return "number"
    if re.fullmatch(r"\d+(?:\.\d+)+[.)]", mark):
        return "subnumber"
    if re.fullmatch(r"\(\d+\)", mark):
        return "paren-number"
    if re.fullmatch(r"\(?[a-zđ]\)", mark, re.IGNORECASE):
        return "letter"
    return mark[:1]


_BLOCK_START = re.compile(
    r"(?:chỉ tiêu|mục tiêu)\s+(?:chủ yếu|cụ thể|chính|như sau|sau|kinh tế\s*-\s*xã hội chủ yếu|"
    r"phát triển kinh tế\s*-\s*xã hội|về kinh tế|về xã hội|về môi trường|về quốc phòng|thi đua)"
    r"[^.:;\n]{0,80}:[ \t]*",
    re.IGNORECASE,
)
_BLOCK_HEADING = re.compile(
    r"^(?:các\s+)?(?:chỉ tiêu|mục tiêu cụ thể|mục tiêu,\s*chỉ tiêu|mục tiêu và chỉ tiêu|một số chỉ tiêu)"
    r"[^.;\n]{0,80}?:?$",
    re.IGNORECASE,
)
_LEVELS = {"roman": 0, "number": 1, "subnumber": 2, "letter": 3, "paren-number": 4}
_END_OF_DOCUMENT = re.compile(r"^(?:nơi nhận|tm\.|kt\.|q\.|tl\.|tuq\.)", re.IGNORECASE)


def _level(bullet: str) -> int:
    return _LEVELS.get(bullet, 5 if bullet else 6)


def extract_target_block(document_text: str | None) -> str | None:
    """The target list of a whole directive, or ``None`` when there is none.

    Two shapes are recognised. In running text, "chỉ tiêu chủ yếu … :" (also "chỉ tiêu cụ thể",
    "mục tiêu cụ thể", …) followed by the list on the same line; when the colon ends its line, the
    list lines that follow. As a heading ("2. Chỉ tiêu cụ thể", "b) Các chỉ tiêu chủ yếu:"), the
    lines under it up to the next heading of the same or a higher level. Only blocks holding a
    figure count; when several do (economic, social… lists), they are returned together.
    """
    text = join_broken_lines(document_text or "")
    lines = text.split("\n")
    blocks: list[str] = []
    taken: set[int] = set()
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        if i in taken or not line.strip():
            continue
        body = _strip_bullets(line)
        m = _BLOCK_START.search(line)
        if m and clean(line[m.end() :]):
            rest = clean(line[m.end() :])
            if _has_figure(rest):
                blocks.append(rest)
                taken.add(i)
            continue
        heading = bool(_BLOCK_HEADING.match(body)) and len(body.split()) <= 16
        if not (heading or (m and not clean(line[m.end() :]))):
            continue
        level = _level(_bullet_kind(line)) if heading else 7
        item_level: int | None = None
        items: list[str] = []
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            if not nxt.strip():
                j += 1
                continue
            nb = _bullet_kind(nxt)
            nbody = _strip_bullets(nxt)
            if _END_OF_DOCUMENT.match(nbody):
                break
            if nb and _level(nb) <= level and level < 6:
                break
            if item_level is not None and nb and _level(nb) < item_level:
                break  # "2. Nhiệm vụ khác" after the "- …" items
            if item_level is None and nb:
                item_level = _level(nb)
            if not nb and level >= 6 and not _has_figure(nbody):
                break  # a paragraph of running text after the list
            if not nb and level < 6 and not _has_figure(nbody) and not nbody.endswith(":") and len(nbody.split()) > 12:
                break
            if _BLOCK_HEADING.match(nbody) and len(nbody.split()) <= 16:
                if nb and _level(nb) <= level:
                    break
                items = []  # "II. MỤC TIÊU, CHỈ TIÊU" holding "2. Các chỉ tiêu chủ yếu": the inner one is the list
                break
            items.append(nxt.strip())
            taken.add(j)
            j += 1
        block = "\n".join(items)
        if _has_figure(block):
            blocks.append(block)
            taken.add(i)
    return "\n".join(blocks) if blocks else None


def _has_figure(text: str) -> bool:
    if not _HAS_NUMBER.search(text):
        return False
    for line in text.split("\n"):
        body = _strip_bullets(line)
        masked = _masked(body)
        if _figures(body, masked):
            return True
    return False
