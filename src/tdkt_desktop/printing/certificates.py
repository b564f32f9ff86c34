"""Certificates (Giấy khen, Bằng): every element of the template placed on an A4 landscape page.

Placement flows with the text: the central block (decider, award, recipient, position, achievement) runs down
from the top; the signature column (place and date, authority, title) is stacked upwards from the signer's
name so that the signing space is never smaller than ``sign_space_mm``; the decision number and the gold book
number stand at the bottom left. A long line first shrinks (never below the element's ``min_size``, 13 pt for
text the law sets at 13–14 pt), then wraps at word boundaries. When the central block would still run into the
signature or the numbers, the certificate is refused with a message that says what to shorten — it never
prints overlapping text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tdkt_desktop.core.text import clean
from tdkt_desktop.printing.context import Filler, markup
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.printing.fonts import font_name
from tdkt_desktop.printing.layout import balanced_lines
from tdkt_desktop.printing.model import CertificateLine, CertificatePage, CertificateSet, plain
from tdkt_desktop.printing.renderer import block_applies, doc_values, upper_markup, validate
from tdkt_desktop.printing.templates import Template

__all__ = ["build_certificates", "draw_border", "stock_elements"]

_STEP = 0.5  # points a shrinkable size loses at each try
_CLEARANCE = 2 * mm  # between the central block and the signature column or the numbers
MAX_OFFSET_MM = 30.0


def _fit(text: str, *, bold: bool, italic: bool, size: float, min_size: float, width: float) -> tuple[list[str], float]:
    """(lines, size): one line at the largest size from ``size`` down to ``min_size``; else wrapped at word
    boundaries at ``min_size``, the lines of even length."""
    font = font_name(bold=bold, italic=italic)
    parts = plain(text).split("\n")
    s = size
    while True:
        if all(stringWidth(p.strip(), font, s) <= width for p in parts):
            return [markup(p.strip()) for p in parts], s
        if s - _STEP < min_size - 1e-6:
            break
        s -= _STEP
    s = min_size
    lines: list[str] = []
    for part in parts:
        lines += balanced_lines(part.strip(), font, s, width) if len(simpleSplit(part.strip(), font, s, width)) == 2 \
            else simpleSplit(part.strip(), font, s, width) or [""]
    return [markup(line) for line in lines], s


class _Layout:
    def __init__(self, template: Template, ctx: Mapping[str, Any], filler: Filler, skip: set[str], reduce: float,
                 pagesize: tuple[float, float]) -> None:
        self.t = template
        self.ctx = ctx
        self.filler = filler
        self.skip = skip
        self.reduce = reduce
        self.page_w, self.page_h = pagesize

    def place(self) -> list[CertificateLine]:
        placed: list[CertificateLine] = []
        by_id: dict[str, CertificateLine] = {}
        cursor = 0.0
        for element in self.t.elements:
            if not block_applies(element, self.ctx):
                continue
            eid = element.get("id", "")
            x = float(element.get("x_mm", 20)) * mm
            width = float(element.get("width_mm", self.page_w / mm - 40)) * mm
            top = float(element["y_mm"]) * mm if "y_mm" in element else cursor + float(element.get("gap_mm", 2)) * mm
            if element.get("type") == "rule":
                ref = by_id.get(element.get("under", ""))
                if ref is None:
                    continue
                font = font_name(bold=ref.bold, italic=ref.italic)
                length = max(stringWidth(plain(line), font, ref.size) for line in ref.lines)
                y = ref.bottom - ref.size * 0.2 + float(element.get("gap_mm", 1)) * mm
                line = CertificateLine(id=eid, lines=[], size=0, bold=False, italic=False, color="black",
                                       align="center", x=ref.x, width=ref.width, top=y, leading=0, rule=length,
                                       omitted=eid in self.skip)
                placed.append(line)
                by_id[eid] = line
                cursor = max(cursor, y)
                continue
            text = self.filler.fill(element["text"], self.ctx)
            if element.get("upper"):
                text = upper_markup(text)
            size = float(element.get("size", 14))
            min_size = float(element.get("min_size", size))
            if element.get("group") is None and min_size < size:
                size = max(min_size, size - self.reduce)
            lines, used = _fit(text, bold=bool(element.get("bold")), italic=bool(element.get("italic")), size=size,
                               min_size=min_size, width=width)
            line = CertificateLine(
                id=eid, lines=lines, size=used, bold=bool(element.get("bold")), italic=bool(element.get("italic")),
                color=str(element.get("color", "black")), align=str(element.get("align", "center")), x=x, width=width,
                top=top, leading=used * float(element.get("line_spacing", 1.2)), omitted=eid in self.skip,
                group=element.get("group"), anchor=bool(element.get("anchor")),
            )
            placed.append(line)
            by_id[eid] = line
            cursor = line.bottom
        self._stack_signature(placed)
        return placed

    def _stack_signature(self, placed: list[CertificateLine]) -> None:
        """The signature column stands on the signer's name: the signing space above the name is never less
        than ``sign_space_mm``; the column moves up when its text needs more room."""
        group = [e for e in placed if e.group == "sign"]
        anchor = next((e for e in group if e.anchor), None)
        if anchor is None:
            return
        column = [e for e in group if e is not anchor]
        if not column:
            return
        space = float(self.t.page.get("sign_space_mm", 24)) * mm
        limit = anchor.top - space
        overflow = column[-1].bottom - limit
        if overflow > 0:
            for e in column:
                e.top -= overflow

    def problems(self, placed: list[CertificateLine]) -> list[str]:
        central = [e for e in placed if e.group is None and not e.rule]
        fixed = [e for e in placed if e.group in ("sign", "left") and not e.rule]
        out = []
        if central and fixed:
            bottom = max(e.bottom for e in central)
            ceiling = min(e.top for e in fixed)
            if bottom > ceiling - _CLEARANCE:
                out.append("overlap")
        inner = 20 * mm
        for e in placed:
            if e.rule:
                continue
            if e.top < inner - 1 or e.bottom > self.page_h - inner + 1:
                out.append("edge")
        return out


def stock_elements(template: Template) -> list[dict[str, Any]]:
    """What a certificate prints, for choosing what the stock already carries: ``id``, ``label`` (Vietnamese) and
    ``preprinted`` (what the template assumes a stock sheet has), in the order of the template."""
    return [{"id": str(e["id"]), "label": str(e.get("label") or e["id"]), "preprinted": bool(e.get("preprinted"))}
            for e in template.elements if e.get("id")]


def _overflow_message(template: Template, ctx: Mapping[str, Any]) -> str:
    who = clean(str(ctx.get("recipient") or ""))
    shrinkable = [e for e in template.elements if e.get("min_size") and e.get("group") is None]
    smallest = min((float(e["min_size"]) for e in shrinkable), default=13)
    return (
        f"{template.title}{' của ' + who if who else ''}: nội dung quá dài, không in vừa một trang dù đã thu cỡ chữ "
        f"xuống {smallest:g} pt — phần thành tích sẽ chồng lên ngày tháng và chữ ký. Hãy rút gọn tên, chức vụ hoặc "
        "thành tích (ở đề nghị khen thưởng) rồi in lại."
    )


def build_certificates(template: Template, context: Mapping[str, Any], *, stock: bool,
                       offsets_mm: tuple[float, float], draft: bool = False) -> CertificateSet:
    try:
        dx, dy = (float(offsets_mm[0]), float(offsets_mm[1]))
    except (TypeError, ValueError, IndexError):
        raise PrintError("Độ lệch khi in phôi phải là hai số (mm): ngang và dọc.") from None
    if abs(dx) > MAX_OFFSET_MM or abs(dy) > MAX_OFFSET_MM:
        raise PrintError("Độ lệch khi in phôi quá lớn (tối đa 30 mm mỗi chiều). Hãy kiểm tra lại cài đặt máy in.")
    filler = Filler(template.name, template.label_of)
    pagesize = landscape(A4) if template.orientation == "landscape" else portrait(A4)
    items = context.get("certificates")
    base = {k: v for k, v in context.items() if k != "certificates"}
    contexts = [{**base, **item} for item in items] if items else [dict(base)]
    pages = []
    for ctx in contexts:
        ctx["doc"] = {**doc_values(template, ctx), **(ctx.get("doc") or {})}
        validate(template, filler, [ctx])
        skip: set[str] = set()
        if stock:
            preprinted = ctx.get("stock_preprinted")
            skip = ({e.get("id", "") for e in template.elements if e.get("preprinted")} if preprinted is None
                    else set(preprinted))
        reduce = 0.0
        while True:
            layout = _Layout(template, ctx, filler, skip, reduce, pagesize)
            placed = layout.place()
            found = layout.problems(placed)
            if not found:
                break
            shrinkable = [e for e in template.elements if e.get("group") is None
                          and float(e.get("min_size", e.get("size", 14))) < float(e.get("size", 14))]
            if not shrinkable or all(float(e.get("size", 14)) - reduce <= float(e["min_size"]) for e in shrinkable):
                raise PrintError(_overflow_message(template, ctx))
            reduce += _STEP
        pages.append(CertificatePage(placed))
    from tdkt_desktop.printing.signing import DRAFT_KEYWORD

    return CertificateSet(
        pagesize=pagesize, pages=pages, title=template.title, author=clean(str(context.get("decider") or "")),
        subject=template.legal_basis, border=None if stock else dict(template.border), offsets=(dx * mm, dy * mm),
        draft=draft, keywords=[template.name, *([DRAFT_KEYWORD] if draft else [])],
    )


def _color(name: str) -> Color:
    from tdkt_desktop.printing.pdf import color

    return color(name)


def draw_border(canv: Canvas, pagesize: tuple[float, float], spec: Mapping[str, Any]) -> None:
    """A classic certificate frame: a thick outer line, a thin inner line, ornaments in the corners."""
    w, h = pagesize
    outer_color = _color(spec.get("color", "#B0861E"))
    inner_color = _color(spec.get("inner_color", "#C0161E"))
    inset = float(spec.get("inset_mm", 9)) * mm
    gap = float(spec.get("gap_mm", 3.5)) * mm
    canv.saveState()
    canv.setStrokeColor(outer_color)
    canv.setLineWidth(3.2)
    canv.rect(inset, inset, w - 2 * inset, h - 2 * inset)
    canv.setLineWidth(0.9)
    canv.rect(inset + 1.8 * mm, inset + 1.8 * mm, w - 2 * inset - 3.6 * mm, h - 2 * inset - 3.6 * mm)
    canv.setStrokeColor(inner_color)
    canv.setLineWidth(1.2)
    i2 = inset + gap + 1.8 * mm
    canv.rect(i2, i2, w - 2 * i2, h - 2 * i2)
    size = 7 * mm
    for cx, cy in ((i2, i2), (w - i2, i2), (i2, h - i2), (w - i2, h - i2)):
        canv.setFillColor(Color(1, 1, 1))
        canv.setStrokeColor(outer_color)
        canv.setLineWidth(1.4)
        _diamond(canv, cx, cy, size / 2, stroke=1, fill=1)
        canv.setFillColor(inner_color)
        _diamond(canv, cx, cy, size / 4, stroke=0, fill=1)
    canv.setFillColor(outer_color)
    for cx, cy in ((w / 2, inset + 0.9 * mm), (w / 2, h - inset - 0.9 * mm), (inset + 0.9 * mm, h / 2),
                   (w - inset - 0.9 * mm, h / 2)):
        _diamond(canv, cx, cy, 2.2 * mm, stroke=0, fill=1)
    canv.restoreState()


def _diamond(canv: Canvas, cx: float, cy: float, r: float, *, stroke: int, fill: int) -> None:
    path = canv.beginPath()
    path.moveTo(cx, cy - r)
    path.lineTo(cx + r, cy)
    path.lineTo(cx, cy + r)
    path.lineTo(cx - r, cy)
    path.close()
    canv.drawPath(path, stroke=stroke, fill=fill)
