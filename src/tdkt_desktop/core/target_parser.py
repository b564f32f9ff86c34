"""Read the target list (chỉ tiêu) of a directive and propose structured targets.

A directive lists its targets in running text ("…chỉ tiêu chủ yếu năm 2023: tăng trưởng kinh tế
(GRDP) đạt 9,5% - 10%/năm; …; tỷ lệ hộ nghèo còn 0,36% (theo …)") or as a bulleted list.
:func:`extract_target_block` finds that list in a whole document; :func:`parse_targets` splits it
into items and proposes a :class:`~tdkt_desktop.core.targets.TargetSpec` for each.

The parser never guesses silently: every reading that is not certain is reported in
``problems`` (Vietnamese) and lowers the ``confidence`` to ``"low"``; an item without a
recognisable figure gets ``spec=None``. Reading rules worth knowing:

* Splitting happens at ";" and line ends, never inside quotes “…” or parentheses, so
  "“3 không: không tội phạm, …”" stays in one item; figures inside quotes or parentheses
  ("giai đoạn 2022 - 2025", "3 không") are never read as the target value.
* Lines broken by a page break in the middle of a sentence are joined first.
* A bare figure without a comparing word ("tỷ lệ đô thị hóa 74%") is read as "from 74 % up"
  (the list is of levels to reach or exceed), unless the measure is one where lower is better
  (hộ nghèo, thất nghiệp, …), which is read as "at most". Either way confidence is low and a
  problem says so.
* "05 xã … và 02 xã …" (same unit, joined by "và") becomes one count target with a sub-count of
  02, as with "trong đó": in new-countryside programmes the model communes (kiểu mẫu) are drawn
  from the advanced ones (nâng cao). Because "và" does not say so outright, confidence is low and
  a problem asks to check. "trong đó" is read as a sub-count with high confidence.
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

__all__ = ["ProposedTarget", "extract_target_block", "join_broken_lines", "parse_target", "parse_targets"]


@dataclass
class ProposedTarget:
    """A target read from text, for a person to confirm. ``confidence`` is "high" only without problems."""

    source_text: str
    spec: TargetSpec | None
    confidence: str = "high"
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_text": self.source_text,
            "spec": self.spec.to_dict() if self.spec is not None else None,
            "confidence": self.confidence,
            "problems": list(self.problems),
        }


# --------------------------------------------------------------------------- text preparation

_BULLET = re.compile(r"^\s*(?:[-+•–—*·▪●]|\(?[a-zđ]\)|\(?\d{1,2}[.)]|[IVXLC]{1,5}[.)])\s+", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.;:!?…]\s*$")
_ENDS_OPEN = re.compile(r"(?:[-–,(]|\b(?:và|hoặc|của|các|những|đạt|từ|đến|trên|dưới|còn))\s*$", re.IGNORECASE)
_HAS_NUMBER = re.compile(r"\d")
_OPEN_QUOTES = {"“": "”", "«": "»"}
_CLOSE_QUOTES = {"”", "»"}


def _prepare(text: str | None) -> str:
    """NFC, unified line ends, page breaks as blank lines, markdown emphasis removed."""
    out = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    out = out.replace("\u00a0", " ").replace("*", "")
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
                not _ENDS_SENTENCE.search(prev)
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
        if ch in _CLOSE_QUOTES or ch in ")]":
            inside[i] = bool(stack) or straight
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


_LEAD_IN = re.compile(r"(?:chỉ tiêu|mục tiêu)[^:]*:\s*", re.IGNORECASE)


def _tidy_item(raw: str) -> str:
    item = clean(raw)
    while True:
        m = _BULLET.match(item)
        if not m:
            break
        item = item[m.end() :].strip()
    # a lead-in sentence ending with ":" before the first item ("… chỉ tiêu chủ yếu năm 2023: …")
    masked = _masked(item)
    colon = masked.find(":")
    if colon >= 0 and _LEAD_IN.search(item[: colon + 1]):
        item = item[colon + 1 :].strip()
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
    "phụ lục",
    "đợt",
    "chương trình",
    "dự án",
    "tiêu chí",
)

# Comparing words immediately before the figure, longest first: (comparator, strict).
_BEFORE: list[tuple[str, Comparator, bool]] = sorted(
    [
        ("còn dưới", Comparator.AT_MOST, True),
        ("giảm xuống dưới", Comparator.AT_MOST, True),
        ("giảm còn dưới", Comparator.AT_MOST, True),
        ("xuống dưới", Comparator.AT_MOST, True),
        ("dưới", Comparator.AT_MOST, True),
        ("thấp hơn", Comparator.AT_MOST, True),
        ("ít hơn", Comparator.AT_MOST, True),
        ("không quá", Comparator.AT_MOST, False),
        ("không vượt quá", Comparator.AT_MOST, False),
        ("không cao hơn", Comparator.AT_MOST, False),
        ("không nhiều hơn", Comparator.AT_MOST, False),
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
        ("đạt mức", Comparator.AT_LEAST, False),
        ("tăng lên", Comparator.AT_LEAST, False),
        ("nâng lên", Comparator.AT_LEAST, False),
        ("lên", Comparator.AT_LEAST, False),
        ("hoàn thành", Comparator.COMPLETION, False),
        ("hoàn thành đạt", Comparator.COMPLETION, False),
        ("bằng", Comparator.EXACT, False),
        ("đúng", Comparator.EXACT, False),
    ],
    key=lambda entry: -len(entry[0]),
)
# Words that stay in the measure's name but say which way the figure goes ("tăng 10 %").
_GROWTH_WORDS = ("tăng", "tăng thêm")
_FILLER_ONLY = {"có", "đạt", "phấn đấu", "phấn đấu đạt", "bảo đảm", "đảm bảo"}
_HOLD = re.compile(r"(?:giữ|duy trì)(?: vững| ổn định)?(?: ở)?(?: mức)?$", re.IGNORECASE)
_TRAILING_FILLERS = re.compile(r"(?:\s+|^)(?:đạt|là|ở mức|mức|phấn đấu|bằng)$", re.IGNORECASE)
_LEADING_FILLERS = re.compile(r"^(?:phấn đấu|đảm bảo|bảo đảm)\s+", re.IGNORECASE)

_AFTER_UP = re.compile(r"^\s*trở lên\b", re.IGNORECASE)
_AFTER_DOWN = re.compile(r"^\s*trở xuống\b", re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|~|đến|tới)\s*$", re.IGNORECASE)

_PERCENT = re.compile(r"^\s*%(?:\s*/\s*(năm|tháng|quý|kỳ))?")
_AMOUNT_UNITS = (
    "nghìn tỷ đồng",
    "ngàn tỷ đồng",
    "tỷ đồng",
    "triệu đồng",
    "nghìn đồng",
    "ngàn đồng",
    "đồng",
    "tỷ USD",
    "triệu USD",
    "nghìn USD",
    "USD",
    "triệu tấn",
    "nghìn tấn",
    "tấn",
    "héc-ta",
    "hecta",
    "ha",
    "km",
    "m²",
    "m2",
    "lượt khách",
    "lượt người",
    "lượt",
    "ngày",
    "giờ",
    "tháng",
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
    "thôn",
    "ấp",
    "khu phố",
    "tổ dân phố",
    "khóm",
    "bản",
    "làng",
    "hộ gia đình",
    "hộ",
    "trường",
    "trạm y tế",
    "doanh nghiệp",
    "hợp tác xã",
    "tổ hợp tác",
    "sản phẩm OCOP",
    "sản phẩm",
    "cơ quan",
    "đơn vị",
    "căn nhà",
    "căn",
    "ngôi nhà",
    "công trình",
    "mô hình",
    "câu lạc bộ",
    "người",
    "lao động",
    "học sinh",
    "hội viên",
    "đoàn viên",
    "đảng viên",
    "cơ sở",
    "vụ",
    "điểm",
    "tuyến",
)
_RATE_UNIT = re.compile(
    r"^\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3})\s*/\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}?)"
    r"(?=\s*(?:$|[,;.(]|trở\b|và\b|trong\b|theo\b|so\b))",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*(?:tháng\s+)?tuổi\b", re.IGNORECASE)
_LOWER_IS_BETTER = (
    "ho ngheo",
    "can ngheo",
    "tai ngheo",
    "that nghiep",
    "suy dinh duong",
    "tu vong",
    "tai nan",
    "toi pham",
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
)
_COMPLETION_NOUNS = re.compile(r"^(?:nhiệm vụ|kế hoạch|chỉ tiêu|khối lượng|công việc|hồ sơ)\b", re.IGNORECASE)
_SUB_CLAUSE = re.compile(r"(?:^|,|\s)\s*(trong đó|và|gồm)\s+(?:có\s+)?(\d+(?:[.,]\d+)*)\s+", re.IGNORECASE)


@dataclass
class _Figure:
    start: int
    end: int  # end of the number
    value: float
    unit: str = ""
    unit_end: int = 0
    unit_kind: str = ""  # "percent", "amount", "count", "rate", "other", ""


def _match_unit(text: str, pos: int) -> tuple[str, int, str]:
    """The unit right after ``pos``: (unit, end position, kind)."""
    rest = text[pos:]
    m = _PERCENT.match(rest)
    if m:
        unit = "%" + (f"/{m.group(1)}" if m.group(1) else "")
        return unit, pos + m.end(), "percent"
    stripped = rest.lstrip()
    offset = len(rest) - len(stripped)
    low = stripped.lower()
    mr = _RATE_UNIT.match(stripped)
    if mr and "/" in mr.group(0):
        unit = f"{mr.group(1).strip()}/{mr.group(2).strip()}"
        return unit, pos + offset + mr.end(), "rate"
    for kind, units in (("amount", _AMOUNT_UNITS), ("count", _COUNT_UNITS)):
        for u in sorted(units, key=len, reverse=True):
            if low.startswith(u.lower()):
                after = stripped[len(u) : len(u) + 1]
                if after and (after.isalnum() or after == "-"):
                    continue
                return stripped[: len(u)], pos + offset + len(u), kind
    return "", pos, ""


def _is_reference(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) a year, a document number, a date part…?"""
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
    low = before.lower().rstrip()
    for word in _REFERENCE_WORDS:
        if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalnum()):
            return True
    return False


def _figures(text: str, masked: str) -> list[_Figure]:
    out: list[_Figure] = []
    for m in _NUM.finditer(masked):
        if _is_reference(masked, m.start(), m.end()):
            continue
        try:
            value = parse_number(m.group(0))
        except InputError:
            continue
        if value is None:
            continue
        unit, unit_end, kind = _match_unit(masked, m.end())
        if kind:
            if kind == "rate":
                unit = re.sub(r"\s*/\s*", "/", clean(text[m.end() : unit_end]))
        if not kind and _AGE.match(masked[m.end() :]):
            continue  # "trẻ em dưới 5 tuổi": a description, not a figure
        digits = m.group(0).replace(".", "").replace(",", "")
        if not kind and len(digits) == 4 and 1900 <= value <= 2100 and "," not in m.group(0):
            continue  # a year on its own
        out.append(_Figure(m.start(), m.end(), value, unit, unit_end if kind else m.end(), kind))
    return out


def _before_keyword(prefix: str) -> tuple[str, Comparator | None, bool, str]:
    """Find a comparing word at the end of ``prefix``: (prefix without it, comparator, strict, word)."""
    low = prefix.lower().rstrip()
    for word, cmp, strict in _BEFORE:
        if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalnum()):
            return prefix.rstrip()[: len(low) - len(word)], cmp, strict, word
    return prefix, None, False, ""


def _tidy_measure(text: str) -> str:
    out = clean(text).strip(" ,:-–")
    for _ in range(3):
        new = _TRAILING_FILLERS.sub("", out).strip(" ,:-–")
        new = _LEADING_FILLERS.sub("", new).strip(" ,:-–")
        if new == out:
            break
        out = new
    if out.lower() in _FILLER_ONLY:
        return ""
    if out[:1].islower():
        out = out[0].upper() + out[1:]
    return out


def _lower_is_better(measure: str) -> bool:
    folded = fold(measure)
    return any(word in folded for word in _LOWER_IS_BETTER)


def _not_understood(source: str, reason: str | None = None) -> ProposedTarget:
    problems = [f"Không nhận ra giá trị chỉ tiêu trong: “{source}”."]
    if reason:
        problems.append(reason)
    return ProposedTarget(source, None, "low", problems)


# --------------------------------------------------------------------------- one item


def parse_target(item: str) -> ProposedTarget:
    """Propose a :class:`TargetSpec` for one target's text (bullets and final "." allowed)."""
    source = _tidy_item(_prepare(item).replace("\n", " "))
    if not source:
        return _not_understood(clean(item), "Dòng trống.")
    masked = _masked(source)
    figures = _figures(source, masked)
    if not figures:
        return _not_understood(source)

    problems: list[str] = []
    # the target figure: the first one with a unit (or the low end of its range), else the first
    idx = next((i for i, f in enumerate(figures) if f.unit_kind), 0)
    if idx > 0 and _RANGE_SEP.match(masked[figures[idx - 1].unit_end : figures[idx].start]):
        idx -= 1
    first = figures[idx]
    figures = figures[idx:] + figures[:idx]
    used = [first]
    value_high: float | None = None
    comparator: Comparator | None = None
    strict = False
    unit, kind, tail_start = first.unit, first.unit_kind, first.unit_end

    # --- range "9,5% - 10%/năm", "95 - 98 triệu đồng", "từ 7 đến 8 %"
    if len(figures) > 1 and _RANGE_SEP.match(masked[first.unit_end : figures[1].start]):
        second = figures[1]
        if (
            not first.unit
            or not second.unit
            or first.unit == second.unit
            or second.unit.startswith(first.unit)
        ):
            comparator = Comparator.RANGE
            value_high = second.value
            unit = second.unit or first.unit
            kind = second.unit_kind or first.unit_kind
            tail_start = second.unit_end
            used.append(second)  # "%" then "%/năm": the second, fuller unit stands for both
        else:
            problems.append(
                f"Hai giá trị “{source[first.start : second.unit_end]}” có đơn vị khác nhau; "
                "chưa đọc được là một khoảng."
            )

    prefix = source[: first.start]
    prefix_wo, kw_cmp, kw_strict, kw_word = _before_keyword(prefix)
    tail = source[tail_start:]
    tail_masked = masked[tail_start:]

    # qualifiers after the figure
    if up := _AFTER_UP.match(tail_masked):
        tail_start += up.end()
        if kw_cmp is None or kw_cmp is Comparator.AT_LEAST:
            kw_cmp, kw_strict = Comparator.AT_LEAST, False
    elif down := _AFTER_DOWN.match(tail_masked):
        tail_start += down.end()
        kw_cmp, kw_strict = Comparator.AT_MOST, False
    tail, tail_masked = source[tail_start:], masked[tail_start:]

    # sub-count "…, trong đó 08 xã đạt …" / "… và 02 xã đạt …"
    sub_count: float | None = None
    sub_label = ""
    description = tail
    if kind == "count" and comparator is None:
        found = _SUB_CLAUSE.search(tail_masked)
        sub_pos = found.start() if found else None
        if sub_pos is not None:
            assert found is not None
            sm = found
            sub_fig = next((f for f in figures if f.start == tail_start + sm.start(2)), None)
            if sub_fig is not None and sub_fig.unit_kind == "count":
                joiner = sm.group(1).lower()
                sub_count = sub_fig.value
                sub_label = clean(f"{sub_fig.unit} {source[sub_fig.unit_end :]}").rstrip(" .,")
                description = tail[:sub_pos]
                used.append(sub_fig)
                if sub_fig.unit.lower() != unit.lower():
                    problems.append(
                        f"Số “{sm.group(1)} {_count(sub_fig.value)} {sub_fig.unit}” khác đơn vị với "
                        f"“{unit}”; kiểm tra lại."
                    )
                if joiner != "trong đó":
                    problems.append(
                        f"“{joiner} {_count(sub_fig.value)} {sub_label}” được ghi nhận là số “trong đó” "
                        f"của {_count(first.value)} {unit}; nếu đây là một chỉ tiêu riêng, hãy tách ra."
                    )

    # --- choose the comparator
    measure_before = prefix_wo if kw_cmp is not None else prefix
    value_first = not clean(_LEADING_FILLERS.sub("", clean(prefix_wo if kw_cmp else prefix)))
    after_text = clean(description)
    hold = _HOLD.search(clean(prefix).lower())

    if comparator is Comparator.RANGE:
        measure = f"{measure_before} {after_text}" if after_text else measure_before
    elif kw_cmp is Comparator.COMPLETION or (
        value_first and kind == "percent" and _COMPLETION_NOUNS.match(after_text)
    ):
        comparator = Comparator.COMPLETION
        measure = f"{measure_before} {after_text}"
        if kind != "percent":
            problems.append("Chỉ tiêu hoàn thành thường tính bằng %; kiểm tra lại đơn vị.")
    elif kind == "rate" and kw_cmp in (None, Comparator.AT_LEAST):
        comparator, strict = Comparator.RATE, kw_strict
        measure = measure_before if _tidy_measure(measure_before) else f"Số {unit}"
        if after_text:
            measure = f"{measure} {after_text}"
    elif kind == "count" and kw_cmp in (None, Comparator.AT_LEAST) and not kw_strict:
        comparator = Comparator.COUNT
        noun = unit
        measure = (
            f"{measure_before} {noun} {after_text}"
            if _tidy_measure(measure_before)
            else f"Số {noun} {after_text}"
        )
    elif kw_cmp is not None:
        comparator, strict = kw_cmp, kw_strict
        measure = f"{measure_before} {after_text}"
        if kw_cmp is Comparator.AT_LEAST and kw_word == "đạt" and _lower_is_better(measure):
            problems.append(
                f"“{_tidy_measure(measure)}” thường là chỉ tiêu càng thấp càng tốt, nhưng văn bản ghi "
                "“đạt”: đã hiểu là “từ … trở lên”; kiểm tra lại."
            )
    elif hold:
        comparator = Comparator.EXACT
        measure = f"{prefix[: len(prefix.rstrip()) - len(hold.group(0))]} {after_text}"
        problems.append("“Giữ ổn định/duy trì” được hiểu là giữ đúng mức đã nêu; kiểm tra lại.")
    elif value_first and kind == "percent":
        comparator = Comparator.AT_LEAST
        measure = f"Tỷ lệ {after_text}" if after_text else ""
        problems.append(
            f"Không có từ so sánh: “{source}” được hiểu là tỷ lệ từ {_fmt(first.value)}% trở lên."
        )
    else:
        measure = f"{measure_before} {after_text}"
        last_words = clean(prefix).lower()
        wanted = f"{_fmt(first.value)} {unit}".strip()
        if any(last_words.endswith(w) for w in _GROWTH_WORDS):
            comparator = Comparator.AT_LEAST  # "tăng 10 %": an increase of at least 10 %
        elif last_words.endswith("giảm"):
            comparator = Comparator.AT_LEAST
            problems.append(
                f"“giảm {wanted}” được hiểu là mức giảm tối thiểu (từ {wanted} trở lên); nếu đây là mức "
                "cần giảm xuống, hãy sửa thành “còn …”."
            )
        elif _lower_is_better(measure):
            comparator = Comparator.AT_MOST
            problems.append(
                "Không có từ so sánh (đạt, còn, dưới, từ … trở lên); vì đây là chỉ tiêu càng thấp càng "
                f"tốt nên được hiểu là “không quá {wanted}”; kiểm tra lại."
            )
        else:
            comparator = Comparator.AT_LEAST
            problems.append(
                "Không có từ so sánh (đạt, còn, dưới, từ … trở lên); chỉ tiêu giao mức cần đạt hoặc "
                f"vượt nên được hiểu là “từ {wanted} trở lên”; kiểm tra lại."
            )

    unused = [f for f in figures if f not in used and not _inside(f, used)]
    if unused:
        shown = ", ".join(clean(source[f.start : f.unit_end]) for f in unused)
        problems.append(
            f"Có số liệu chưa dùng trong chỉ tiêu: {shown}; kiểm tra xem có phải chỉ tiêu khác không."
        )

    measure = _tidy_measure(measure)
    if not measure:
        problems.append("Chưa rõ tên chỉ tiêu; hãy nhập tên.")

    try:
        spec = TargetSpec(
            measure=measure,
            comparator=comparator,
            value=first.value,
            value_high=value_high,
            unit=unit,
            sub_count=sub_count,
            sub_label=sub_label,
            strict=strict,
        ).validate(require_measure=False)
    except InputError as err:
        return ProposedTarget(source, None, "low", [str(err), *problems])
    return ProposedTarget(source, spec, "low" if problems else "high", problems)


def _inside(fig: _Figure, used: list[_Figure]) -> bool:
    return any(u.start <= fig.start < u.unit_end for u in used)


def _fmt(value: float) -> str:
    return format_number(value)


def _count(value: float) -> str:
    if float(value).is_integer() and 0 <= value < 10:
        return f"{int(value):02d}"
    return _fmt(value)


# --------------------------------------------------------------------------- lists and documents


def parse_targets(text: str | None) -> list[ProposedTarget]:
    """Split a target list into items and propose a spec for each (see the module docstring).

    Items are separated by ";" and line ends (outside quotes and parentheses); bullets ("-", "+",
    "•"), numbering ("a)", "1.") and a lead-in ending with ":" are removed. Lines broken by a page
    break are joined first. Empty items and headings without any figure that end with ":" are
    skipped.
    """
    joined = join_broken_lines(text or "")
    out: list[ProposedTarget] = []
    for raw in _split_items(joined):
        if not clean(raw):
            continue
        if clean(raw).endswith(":") and not _HAS_NUMBER.search(raw):
            continue  # a heading ("Các chỉ tiêu chủ yếu:")
        item = _tidy_item(raw)
        if not item:
            continue
        out.append(parse_target(item))
    return out


_BLOCK_START = re.compile(
    r"(?:chỉ tiêu|mục tiêu)\s+(?:chủ yếu|cụ thể|chính|như sau|sau|kinh tế\s*-\s*xã hội chủ yếu)"
    r"[^.:;\n]{0,80}:[ \t]*",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(r"^\s*(?:[-+•–—*·▪●]|\(?[a-zđ]\))\s+", re.IGNORECASE)


def extract_target_block(document_text: str | None) -> str | None:
    """The target list of a whole directive, or ``None`` when there is none.

    Looks for "chỉ tiêu chủ yếu … :" (also "chỉ tiêu cụ thể", "chỉ tiêu sau", "mục tiêu cụ thể",
    …) and takes the rest of that paragraph (after joining lines broken by page breaks); when
    the colon ends its line, the bulleted lines that follow are taken instead. The first such
    block that contains a figure is returned.
    """
    text = join_broken_lines(document_text or "")
    for m in _BLOCK_START.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        rest = text[m.end() : line_end].strip()
        if rest:
            block = rest
        else:
            lines: list[str] = []
            for line in text[line_end + 1 :].split("\n"):
                if not line.strip():
                    continue  # blank lines between items
                if _LIST_LINE.match(line):
                    lines.append(line.strip())
                    continue
                break
            block = "\n".join(lines)
        if _HAS_NUMBER.search(block):
            return block
    return None
