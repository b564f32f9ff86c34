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

__all__ = ["HeaderBlock", "PageStyle", "ShortRule", "line_pitch"]

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


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out: list[str] = []
    for part in text.split("\n"):
        out += simpleSplit(part.strip(), font, size, width) or [""]
    return out


def _balanced(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap into as few lines as fit, the break chosen so the lines are of even length (two-line case)."""
    greedy = simpleSplit(text, font, size, width) or [""]
    if len(greedy) != 2:
        return greedy
    words = text.split()
    best = greedy
    best_width = max(stringWidth(t, font, size) for t in greedy)
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        w = max(stringWidth(a, font, size), stringWidth(b, font, size))
        if w <= width and w < best_width and not b.startswith(("-", "–")):
            best, best_width = [a, b], w
    return best


class ShortRule(Flowable):
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
        return stringWidth(self.text, self.font, self.size)


class HeaderBlock(Flowable):
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
    ) -> None:
        super().__init__()
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
        self.height = bottom + DESCENT * st.date_size + 2
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
            lines += [_Line(t, font, size) for t in _balanced(part.strip(), font, size, width)]
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
        if self.place_date is not None:
            c.setFont(font_name("italic"), st.date_size)
            c.drawCentredString(self.date_x, h - self.number_y, self.place_date)
