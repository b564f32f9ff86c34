"""NĐ 30/2020 layout, known once: page geometry, type sizes, the header blocks, rules, signatures.

Everything a template may adjust lives in :class:`PageStyle`; every value is checked against the ranges the
decree allows (Phụ lục I), so no template can print a page the office would have to retype.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from tdkt_desktop.printing.errors import TemplateError
from tdkt_desktop.printing.fonts import font_name

__all__ = ["HeaderBlock", "PageStyle", "ShortRule", "balanced_lines", "fit_line", "line_pitch"]

# Times New Roman / Liberation Serif: ascent and descent as a share of the size.
ASCENT = 0.891
DESCENT = 0.216


def line_pitch(size: float) -> float:
    """Distance between baselines of single-spaced lines (Word's "single" for Times New Roman)."""
    return size * 1.15


# name: (default, minimum, maximum) — sizes in points, margins in millimetres.
_RANGES: dict[str, tuple[float, float, float]] = {
    "margin_top": (20, 20, 25),
    "margin_bottom": (20, 20, 25),
    "margin_left": (30, 30, 35),
    "margin_right": (15, 15, 20),
    "parent_size": (13, 12, 13),
    "issuer_size": (13, 12, 13),
    "national_size": (13, 12, 13),
    "motto_size": (14, 13, 14),
    "number_size": (13, 13, 13),
    "excerpt_size": (12, 12, 13),
    "date_size": (14, 13, 14),
    "title_size": (14, 13, 14),
    "subject_size": (14, 13, 14),
    "body_size": (14, 13, 14),
    "indent_cm": (1.27, 1.0, 1.27),
    "paragraph_space": (6, 6, 12),
    "line_spacing": (1.2, 1.0, 1.5),
    "sign_size": (14, 13, 14),
    "sign_space_mm": (26, 18, 40),
    "recipients_title_size": (12, 12, 12),
    "recipients_size": (11, 11, 11),
    "table_size": (13, 10, 14),
    "page_number_size": (13, 13, 14),
}


@dataclass(frozen=True)
class PageStyle:
    margin_top: float = 20
    margin_bottom: float = 20
    margin_left: float = 30
    margin_right: float = 15
    parent_size: float = 13
    issuer_size: float = 13
    national_size: float = 13
    motto_size: float = 14
    number_size: float = 13
    excerpt_size: float = 12
    date_size: float = 14
    title_size: float = 14
    subject_size: float = 14
    body_size: float = 14
    indent_cm: float = 1.27
    paragraph_space: float = 6
    line_spacing: float = 1.2
    sign_size: float = 14
    sign_space_mm: float = 26
    recipients_title_size: float = 12
    recipients_size: float = 11
    table_size: float = 13
    page_number_size: float = 13

    @classmethod
    def build(cls, overrides: dict[str, Any], *, source: str) -> PageStyle:
        """Defaults with ``overrides`` applied, each checked against the decree's range."""
        known = {f.name for f in fields(cls)}
        values: dict[str, float] = {}
        for key, value in overrides.items():
            if key not in known:
                raise TemplateError(f"{source}: thông số trình bày “{key}” không có.")
            low, high = _RANGES[key][1], _RANGES[key][2]
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise TemplateError(f"{source}: “{key}” phải là số.") from None
            if not low <= number <= high:
                raise TemplateError(
                    f"{source}: “{key}” = {value} nằm ngoài khoảng Nghị định 30/2020/NĐ-CP cho phép "
                    f"({low:g}–{high:g})."
                )
            values[key] = number
        return replace(cls(), **values)

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """(top, bottom, left, right) in points."""
        return (self.margin_top * mm, self.margin_bottom * mm, self.margin_left * mm, self.margin_right * mm)


# Phrases a line of an organisation's name never breaks inside ("ỦY BAN NHÂN / DÂN" reads as two words broken),
# and the words of Vietnamese compounds common in those names ("Phân / hiệu").
_UNBROKEN = (
    "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "HỘI ĐỒNG", "MẶT TRẬN TỔ QUỐC",
    "PHÂN HIỆU", "VĂN PHÒNG", "TRƯỜNG", "TIỂU HỌC", "TRUNG HỌC CƠ SỞ", "TRUNG HỌC PHỔ THÔNG", "MẦM NON",
    "TRẠM Y TẾ", "CÔNG AN", "QUÂN SỰ", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỔ DÂN PHỐ", "KHU VỰC",
    "HỢP TÁC XÃ", "CÔNG TY", "ĐOÀN THANH NIÊN", "HỘI LIÊN HIỆP PHỤ NỮ", "HỘI NÔNG DÂN", "HỘI CỰU CHIẾN BINH",
    "CÔNG ĐOÀN", "ĐẢNG ỦY", "THI ĐUA", "KHEN THƯỞNG", "DANH HIỆU", "HÌNH THỨC", "ĐỐI TƯỢNG", "PHONG TRÀO",
    "CHỦ TỊCH", "XÁC NHẬN", "CẤP TRÌNH", "THỦ TRƯỞNG",
)
# A line may well start with these (the name of a unit after its body: "ỦY BAN NHÂN DÂN / PHƯỜNG TÂN AN").
_GOOD_STARTS = ("PHƯỜNG", "XÃ", "THÀNH PHỐ", "TỈNH", "ĐẶC KHU", "THỊ XÃ", "THỊ TRẤN", "QUẬN", "HUYỆN", "TRƯỜNG",
                "KHU VỰC", "TỔ DÂN PHỐ", "THÔN", "ẤP")


def _break_points(words: list[str], *, keep_names: bool = True) -> list[int]:
    """Indexes i where a line may break before ``words[i]``: never inside a protected phrase, never with a dash
    at a line's start (after one is fine: it separates two names); with ``keep_names``, never inside the proper
    name that follows a unit's type word."""
    upper = [w.upper() for w in words]
    banned: set[int] = set()
    if keep_names:
        for i in range(len(upper)):
            for start in _GOOD_STARTS:
                parts = start.split()
                if upper[i : i + len(parts)] == parts:
                    end = next((k for k in range(i + len(parts), len(upper)) if any(
                        upper[k : k + len(s.split())] == s.split() for s in _GOOD_STARTS)), len(upper))
                    banned.update(k for k in range(i + 1, end) if upper[k - 1] not in ("-", "–"))

    for phrase in _UNBROKEN:
        parts = phrase.split()
        for i in range(len(upper) - len(parts) + 1):
            if upper[i : i + len(parts)] == parts:
                banned.update(range(i + 1, i + len(parts)))
    return [i for i in range(1, len(words)) if i not in banned and words[i] not in ("-", "–")]


def _start_bonus(words: list[str], i: int) -> float:
    tail = " ".join(words[i:]).upper()
    return 1.0 if any(tail.startswith(w + " ") or tail == w for w in _GOOD_STARTS) else 0.0


def balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap ``text`` at word boundaries into as few lines as fit in ``width``, the breaks chosen so the lines
    are of even length, never inside a protected phrase or a unit's name when avoidable, preferably before a
    unit's name."""
    words = text.split()
    if not words:
        return [""]
    if stringWidth(" ".join(words), font, size) <= width:
        return [" ".join(words)]

    def line_w(a: int, b: int) -> float:
        return float(stringWidth(" ".join(words[a:b]), font, size))

    for keep_names in (True, False):
        allowed = _break_points(words, keep_names=keep_names)
        best: tuple[float, list[int]] | None = None
        for n in (2, 3, 4):
            for combo in _combinations(allowed, n - 1):
                cuts = [0, *combo, len(words)]
                widths = [line_w(cuts[k], cuts[k + 1]) for k in range(n)]
                if max(widths) > width:
                    continue
                score = max(widths) - min(widths) - sum(_start_bonus(words, c) for c in combo) * size * 3
                if best is None or score < best[0]:
                    best = (score, cuts)
            if best is not None:
                cuts = best[1]
                return [" ".join(words[cuts[k] : cuts[k + 1]]) for k in range(len(cuts) - 1)]
    return simpleSplit(text, font, size, width) or [text]  # no allowed break fits: plain wrapping


def _combinations(items: list[int], k: int) -> list[tuple[int, ...]]:
    from itertools import combinations

    if len(items) > 24 and k > 1:  # long texts: greedy wrapping is good enough
        return []
    return list(combinations(items, k))


def fit_line(text: str, font: str, size: float, min_size: float, width: float) -> tuple[list[str], float]:
    """One line at ``size``, else one point smaller down to ``min_size``, else wrapped (balanced) at ``min_size``."""
    s = size
    while s >= min_size - 1e-6:
        if stringWidth(text, font, s) <= width:
            return [text], s
        s -= 0.5
    return balanced_lines(text, font, min_size, width), min_size


class ShortRule(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """A centred solid line (under the subject line, under a list title)."""

    def __init__(self, length: float, *, thickness: float = 0.6, space_before: float = 5, space_after: float = 10):
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space_before_pt = space_before
        self.space_after_pt = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.space_before_pt + self.space_after_pt

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(black)
        c.setLineWidth(self.thickness)
        y = self.space_after_pt
        x0 = (self.avail - self.length) / 2
        c.line(x0, y, x0 + self.length, y)


@dataclass
class _Line:
    text: str
    font: str
    size: float
    top: float = 0.0  # distance from the block's top to the line's baseline

    @property
    def width(self) -> float:
        return float(stringWidth(self.text, self.font, self.size))


class HeaderBlock(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The two header blocks of NĐ 30/2020 side by side, and the number/place-and-date line beneath.

    Left: parent body (upper case, regular), issuing body (upper case, bold) with a short line of 2/5 of its
    width beneath, then "Số: 05/TTr-UBND". Right: Quốc hiệu (bold), Tiêu ngữ (bold) with a line of the same
    length beneath, then the italic place and date on the number's line. ``national=True`` centres the Quốc
    hiệu over the whole width and leaves the left block out (forms such as the personal achievement report).
    """

    QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

    def __init__(
        self,
        *,
        style: PageStyle,
        parent: str = "",
        issuer: str = "",
        number_text: str | None = None,
        place_date: str | None = None,
        national: bool = False,
        left_share: float = 0.45,
        excerpt: str = "",
    ) -> None:
        super().__init__()
        self.excerpt = excerpt
        self.style = style
        self.parent = parent
        self.issuer = issuer
        self.number_text = number_text
        self.place_date = place_date
        self.national = national
        self.left_share = left_share

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        st = self.style
        self.width = avail_width
        regular, bold, italic = font_name("regular"), font_name("bold"), font_name("italic")
        # the right block is as wide as the Quốc hiệu or the place and date need; the left takes the rest
        need = max(stringWidth(self.QUOC_HIEU, bold, st.national_size),
                   stringWidth(self.place_date or "", italic, st.date_size)) + 6 * mm
        left_w = min(max(avail_width - need, avail_width * 0.35), avail_width * self.left_share)
        if self.national:
            self.left_w = 0.0
            self.right_x, self.right_w = 0.0, avail_width
            self.date_x = left_w + (avail_width - left_w) / 2
        else:
            self.left_w = left_w
            self.right_x, self.right_w = self.left_w, avail_width - self.left_w
            self.date_x = self.right_x + self.right_w / 2
        pad = 2 * mm
        left: list[_Line] = []
        if not self.national:
            if self.parent:
                left += self._fit(self.parent.upper(), regular, st.parent_size, self.left_w - pad)
            self.n_parent = len(left)
            left += self._fit(self.issuer.upper(), bold, st.issuer_size, self.left_w - pad)
        right = [_Line(self.QUOC_HIEU, bold, st.national_size), _Line(self.TIEU_NGU, bold, st.motto_size)]
        for column in (left, right):
            y = 0.0
            for i, line in enumerate(column):
                y += ASCENT * line.size if i == 0 else line_pitch(line.size)
                line.top = y
        self.left, self.right = left, right
        # the rules sit just below the descenders of the line above them
        self.left_rule_y = left[-1].top + DESCENT * left[-1].size + 2.5 if left else 0.0
        self.right_rule_y = right[-1].top + DESCENT * right[-1].size + 2.5
        lowest = max(self.left_rule_y, self.right_rule_y)
        self.number_y = lowest + line_pitch(st.date_size) + 6
        show_last = self.number_text is not None or self.place_date is not None
        bottom = self.number_y if show_last else lowest
        # the place and date stay inside the right block: 13 pt when 14 pt is too wide, then two lines
        room = (avail_width - left_w if self.national else self.right_w) - 2 * mm
        self.date_lines: list[str] = []
        self.date_size = st.date_size
        if self.place_date is not None:
            self.date_lines, self.date_size = fit_line(self.place_date, italic, st.date_size, 13.0, room)
        extra = (len(self.date_lines) - 1) * line_pitch(self.date_size) if self.date_lines else 0.0
        # a công văn's "V/v …" (trích yếu), centred under its number, 6 pt below it, in lines of even length
        self.excerpt_lines: list[str] = []
        if self.excerpt and not self.national:
            width = self.left_w - pad
            for part in self.excerpt.split("\n"):
                wrapped = simpleSplit(part.strip(), regular, st.excerpt_size, width)
                self.excerpt_lines += (balanced_lines(part.strip(), regular, st.excerpt_size, width)
                                       if len(wrapped) == 2 else wrapped)
            below = 6 + DESCENT * st.number_size + len(self.excerpt_lines) * line_pitch(st.excerpt_size)
            extra = max(extra, below - DESCENT * st.date_size)
        self.height = bottom + extra + DESCENT * st.date_size + 2
        return avail_width, self.height

    @staticmethod
    def _fit(text: str, font: str, size: float, width: float) -> list[_Line]:
        """Lines of an organisation's name: as typed, else one point smaller (12 pt), else wrapped."""
        for candidate in (size, 12.0) if size > 12 else (size,):
            if all(stringWidth(part.strip(), font, candidate) <= width for part in text.split("\n")):
                return [_Line(part.strip(), font, candidate) for part in text.split("\n")]
        size = min(size, 12.0)
        lines: list[_Line] = []
        for part in text.split("\n"):
            lines += [_Line(t, font, size) for t in balanced_lines(part.strip(), font, size, width)]
        return lines

    def draw(self) -> None:
        c = self.canv
        h = self.height
        c.setFillColor(black)
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        lcx = self.left_w / 2
        rcx = self.right_x + self.right_w / 2
        for line in self.left:
            c.setFont(line.font, line.size)
            c.drawCentredString(lcx, h - line.top, line.text)
        for line in self.right:
            c.setFont(line.font, line.size)
            c.drawCentredString(rcx, h - line.top, line.text)
        issuer_lines = self.left[self.n_parent:] if not self.national else []
        if issuer_lines:
            length = 0.4 * max(line.width for line in issuer_lines)
            c.line(lcx - length / 2, h - self.left_rule_y, lcx + length / 2, h - self.left_rule_y)
        motto = self.right[-1]
        c.line(rcx - motto.width / 2, h - self.right_rule_y, rcx + motto.width / 2, h - self.right_rule_y)
        st = self.style
        if self.number_text is not None and not self.national:
            c.setFont(font_name("regular"), st.number_size)
            c.drawCentredString(lcx, h - self.number_y, self.number_text)
        y = h - self.number_y - DESCENT * st.number_size - 6
        c.setFont(font_name("regular"), st.excerpt_size)
        for text in self.excerpt_lines:
            y -= line_pitch(st.excerpt_size)
            c.drawCentredString(lcx, y + DESCENT * st.excerpt_size, text)
        c.setFont(font_name("italic"), self.date_size)
        for i, text in enumerate(self.date_lines):
            c.drawCentredString(self.date_x, h - self.number_y - i * line_pitch(self.date_size), text)
