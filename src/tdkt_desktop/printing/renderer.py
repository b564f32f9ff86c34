"""The one renderer: a template from ``forms/`` plus a context dict → a PDF laid out per NĐ 30/2020.

    info = render("to_trinh", context, "to_trinh.pdf")

Documents are built with reportlab platypus (flowing text, tables that repeat their header rows on each page,
page numbers from page 2 centred in the top margin). Certificates (Giấy khen, Bằng) are drawn on a canvas at
fixed positions, with a decorative border on plain paper, or — with ``stock=True`` — only the variable text,
shifted by the printer's offsets, for pre-printed certificate stock.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.core.text import clean, format_date, long_date
from tdkt_desktop.printing.context import MISSING, Filler, format_value, is_empty, lookup, markup
from tdkt_desktop.printing.errors import PrintError, TemplateError
from tdkt_desktop.printing.fonts import FAMILY, font_name, register_fonts
from tdkt_desktop.printing.layout import HeaderBlock, PageStyle, ShortRule
from tdkt_desktop.printing.templates import Template, template_for

__all__ = ["RenderInfo", "render", "render_bytes"]

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_COLORS = {"black": black, "red": HexColor("#D8101C")}
_END_PUNCT = ";.,:"
BLANK = "      "  # where a number or a day is filled in by hand


@dataclass(frozen=True)
class RenderInfo:
    """What was printed: page count, the template's name, its legal basis, the file and font used."""

    pages: int
    template: str
    legal_basis: str
    template_file: str = ""
    font: str = ""


# --------------------------------------------------------------------------- public API


def render(
    template_name: str,
    context: Mapping[str, Any],
    out: str | os.PathLike[str] | BinaryIO,
    *,
    on_date: _dt.date | str | None = None,
    stock: bool = False,
    offsets_mm: tuple[float, float] = (0.0, 0.0),
    margins_mm: Mapping[str, float] | None = None,
) -> RenderInfo:
    """Render ``template_name`` with ``context`` as PDF into a path (written atomically) or a binary file object.

    ``on_date`` chooses the template version (default: the context's ``date``, else today). ``stock`` and
    ``offsets_mm`` (x to the right, y downwards, in millimetres) apply to certificates printed on pre-printed
    stock. ``margins_mm`` (keys top/bottom/left/right) adjusts the margins within NĐ 30/2020's ranges.
    """
    data, info = render_bytes(
        template_name, context, on_date=on_date, stock=stock, offsets_mm=offsets_mm, margins_mm=margins_mm
    )
    if hasattr(out, "write"):
        out.write(data)  # type: ignore[union-attr]
        return info
    atomic_write(Path(os.fspath(out)), data, make_parents=True)  # type: ignore[arg-type]
    return info


def render_bytes(
    template_name: str,
    context: Mapping[str, Any],
    *,
    on_date: _dt.date | str | None = None,
    stock: bool = False,
    offsets_mm: tuple[float, float] = (0.0, 0.0),
    margins_mm: Mapping[str, float] | None = None,
) -> tuple[bytes, RenderInfo]:
    """Like :func:`render` but returns the PDF bytes."""
    fonts = register_fonts()
    if on_date is None:
        raw = context.get("date")
        on_date = raw if raw not in (None, "") else _dt.date.today()
    template = template_for(template_name, on_date)
    buffer = io.BytesIO()
    if template.kind == "certificate":
        pages = _CertificateRenderer(template, context, stock=stock, offsets_mm=offsets_mm).build(buffer)
    else:
        pages = _DocumentRenderer(template, context, margins_mm=margins_mm).build(buffer)
    info = RenderInfo(
        pages=pages,
        template=template.name,
        legal_basis=template.legal_basis,
        template_file=template.path.name,
        font=fonts.family_label,
    )
    return buffer.getvalue(), info


# --------------------------------------------------------------------------- shared helpers


def _upper_markup(text: str) -> str:
    """Upper-case paragraph markup without touching tags and entities."""
    parts = re.split(r"(<[^>]+>|&[#\w]+;)", text)
    return "".join(p if p.startswith(("<", "&")) else p.upper() for p in parts)


def _truthy(context: Mapping[str, Any], path: str | None) -> bool:
    if not path:
        return True
    value = lookup(context, path)
    return not (is_empty(value) or value is False)


def _block_applies(block: Mapping[str, Any], *scopes: Mapping[str, Any]) -> bool:
    when, unless = block.get("when"), block.get("unless")
    if when and not any(_truthy(s, when) for s in scopes):
        return False
    return not (unless and any(_truthy(s, unless) for s in scopes))


def _doc_values(template: Template, context: Mapping[str, Any]) -> dict[str, Any]:
    """The computed ``doc.*`` values: number, code, dates as printed."""
    issuer = context.get("issuer") or {}
    code = clean(context.get("code") or "")
    if not code and template.doc_code:
        abbr = clean(issuer.get("abbr", "")) if isinstance(issuer, Mapping) else ""
        code = f"{template.doc_code}-{abbr}" if abbr else template.doc_code
    number = context.get("number")
    if is_empty(number):
        number_part = BLANK
        issued = False
    else:
        number_part = f"{int(number):02d}" if str(number).strip().isdigit() else clean(str(number))
        issued = True
    number_text = f"{number_part}/{code}" if code else number_part
    date = context.get("date")
    year = context.get("year") or _dt.date.today().year
    if is_empty(date):
        long = f"ngày{BLANK}tháng{BLANK}năm {year}"
        short = ""
    else:
        long = long_date(date)
        short = format_date(date)
    place = clean(context.get("place") or "")
    return {
        "number": number_text.strip() if issued else number_text,
        "number_label": f"Số: {number_text}" if issued else f"Số:{number_text}",
        "code": code,
        "issued": issued,
        "long_date": long,
        "date": short,
        "place_date": f"{place}, {long}" if place else long,
    }


def _validate(template: Template, filler: Filler, scopes: Sequence[Mapping[str, Any]]) -> None:
    for spec in template.fields:
        if not spec.required:
            continue
        if "[]." in spec.key:
            list_key, item_key = spec.key.split("[].", 1)
            items = filler.value(list_key, *scopes, required=True)
            if not isinstance(items, (list, tuple)):
                raise filler.missing(list_key)
            for item in items:
                if isinstance(item, Mapping) and "section" not in item and is_empty(lookup(item, item_key)):
                    raise filler.missing(spec.key)
        else:
            key = spec.key[:-2] if spec.key.endswith("[]") else spec.key
            filler.value(key, *scopes, required=True)


def _slice_commands(commands: Sequence[tuple[Any, ...]], start: int, stop: int, total: int) -> list[tuple[Any, ...]]:
    """Table style commands for rows ``start``..``stop - 1`` of a table of ``total`` rows, re-indexed."""
    out = []
    for command in commands:
        (c0, r0), (c1, r1) = command[1], command[2]
        r0 = r0 if r0 >= 0 else total + r0
        r1 = r1 if r1 >= 0 else total + r1
        lo, hi = max(r0, start), min(r1, stop - 1)
        if lo > hi:
            continue
        out.append((command[0], (c0, lo - start), (c1, hi - start), *command[3:]))
    return out


def _end_with(text: str, ending: str) -> str:
    text = text.rstrip()
    while text and text[-1] in _END_PUNCT:
        text = text[:-1].rstrip()
    return text + ending


# --------------------------------------------------------------------------- documents


class _PageCounter:
    def __init__(self, style: PageStyle, pagesize: tuple[float, float]) -> None:
        self.pages = 0
        self.style = style
        self.pagesize = pagesize

    def __call__(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.pages = canv.getPageNumber()
        if self.pages < 2:
            return
        # NĐ 30/2020: page numbers from page 2, Arabic numerals, centred in the top margin
        size = self.style.page_number_size
        top_margin = self.style.margin_top * mm
        canv.saveState()
        canv.setFont(font_name("regular"), size)
        canv.setFillColor(black)
        y = self.pagesize[1] - top_margin / 2 - size * 0.35
        canv.drawCentredString(self.pagesize[0] / 2, y, str(self.pages))
        canv.restoreState()


class _DocumentRenderer:
    def __init__(self, template: Template, context: Mapping[str, Any], *, margins_mm: Mapping[str, float] | None):
        self.t = template
        overrides = dict(template.page)
        overrides.update(template.style)
        for key, value in (margins_mm or {}).items():
            overrides[f"margin_{key}"] = value
        self.style = PageStyle.build(overrides, source=f"Mẫu {template.path.name}")
        self.filler = Filler(template.name, template.label_of)
        doc = dict(_doc_values(template, context))
        if isinstance(context.get("doc"), Mapping):
            doc.update(context["doc"])
        self.ctx: dict[str, Any] = {**context, "doc": doc}
        self._styles: dict[tuple[Any, ...], ParagraphStyle] = {}

    # -- styles
    def ps(
        self,
        *,
        size: float | None = None,
        bold: bool = False,
        italic: bool = False,
        align: str = "justify",
        indent: bool = False,
        space_after: float | None = None,
        space_before: float = 0,
        leading: float | None = None,
        left_indent: float = 0,
    ) -> ParagraphStyle:
        st = self.style
        size = size or st.body_size
        key = (size, bold, italic, align, indent, space_after, space_before, leading, left_indent)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                name=f"s{len(self._styles)}",
                fontName=font_name(bold=bold, italic=italic),
                fontSize=size,
                leading=leading or size * st.line_spacing,
                alignment=_ALIGN[align],
                firstLineIndent=st.indent_cm * cm if indent else 0,
                leftIndent=left_indent,
                spaceAfter=st.paragraph_space if space_after is None else space_after,
                spaceBefore=space_before,
                textColor=black,
                allowWidows=0,
                allowOrphans=0,
            )
        return self._styles[key]

    def para(self, text: str, **style: Any) -> Paragraph:
        return Paragraph(text, self.ps(**style))

    def fill(self, text: str, *scopes: Mapping[str, Any], lenient: bool = False) -> str:
        return self.filler.fill(text, *scopes, self.ctx, lenient=lenient)

    # -- build
    def build(self, out: BinaryIO) -> int:
        _validate(self.t, self.filler, [self.ctx])
        pagesize = landscape(A4) if self.t.orientation == "landscape" else portrait(A4)
        top, bottom, left, right = self.style.margins
        counter = _PageCounter(self.style, pagesize)
        doc = BaseDocTemplate(
            out,
            pagesize=pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=self._title(),
            author=clean(str(lookup(self.ctx, "issuer.full") if lookup(self.ctx, "issuer.full") is not MISSING
                             else "")),
            subject=self.t.legal_basis,
            creator="TĐKT Desktop",
            invariant=True,
            lang="vi-VN",
            initialFontName=FAMILY,
        )
        frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=counter)])
        self.frame_width = frame._width
        story = self.story()
        doc.build(story)
        return counter.pages

    def _title(self) -> str:
        for block in self.t.blocks:
            if block["type"] == "title":
                subject = self.filler.fill(block.get("subject", ""), self.ctx, lenient=True, escape_values=False)
                return clean(f"{block.get('text', '')} {subject}".replace("<b>", "").replace("</b>", ""))
        return self.t.title

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for block in self.t.blocks:
            if not _block_applies(block, self.ctx):
                continue
            kind = block["type"]
            made = getattr(self, f"b_{kind}")(block)
            if kind in ("closing", "signatures") and story:
                # the signature never stands alone on the last page: it takes the last row of a table,
                # or the last paragraph, with it
                tail = self._split_table_tail(story)
                if tail:
                    made = [KeepTogether(tail + made)]
                else:
                    story[-1].keepWithNext = True
            story += made
        return story

    def _split_table_tail(self, story: list[Flowable]) -> list[Flowable]:
        """If the story ends with a table (and its spacer), cut its last row into a table of its own."""
        if len(story) < 2 or not isinstance(story[-2], Table) or not hasattr(story[-2], "_tdkt_parts"):
            return []
        data, commands, widths, repeat, keep = story[-2]._tdkt_parts
        cut = len(data) - keep
        if cut <= repeat:
            return []
        main = Table(data[:cut], colWidths=widths, repeatRows=repeat, hAlign="CENTER")
        main.setStyle(TableStyle(_slice_commands(commands, 0, cut, len(data))))
        rest = Table(data[cut:], colWidths=widths, hAlign="CENTER")
        rest.setStyle(TableStyle(_slice_commands(commands, cut, len(data), len(data))))
        spacer = story[-1]
        story[-2:] = [main]
        return [rest, spacer]

    # -- blocks
    def b_header(self, block: Mapping[str, Any]) -> list[Flowable]:
        doc = self.ctx["doc"]
        issuer = self.ctx.get("issuer") or {}
        national = block.get("layout") == "national"
        parent = "" if national else self.filler.value("issuer.parent", self.ctx, required=False) or ""
        name = "" if national else self.filler.value("issuer.name", self.ctx, required=True)
        if block.get("number", True) and not national:
            number_text: str | None = doc["number_label"]
        else:
            number_text = None
        place_date = doc["place_date"] if block.get("date", True) else None
        if place_date is not None and not clean(self.ctx.get("place") or ""):
            raise self.filler.missing("place")
        _ = issuer
        return [
            HeaderBlock(
                style=self.style,
                parent=clean(parent),
                issuer="\n".join(clean(s) for s in str(name).split("\n")),
                number_text=number_text,
                place_date=place_date,
                national=national,
            )
        ]

    def b_title(self, block: Mapping[str, Any]) -> list[Flowable]:
        st = self.style
        out: list[Flowable] = [Spacer(1, block.get("space_before", 14))]
        title = self.fill(block["text"])
        out.append(self.para(_upper_markup(title), size=st.title_size, bold=True, align="center", space_after=0))
        widths: list[float] = []
        if block.get("subject"):
            subject = self.fill(block["subject"])
            p = self.para(subject, size=st.subject_size, bold=True, align="center", space_after=0)
            out.append(p)
            widths.append(self._text_width(subject, st.subject_size, bold=True))
        if block.get("note"):
            note = self.fill(block["note"])
            out.append(self.para(note, size=st.subject_size, italic=True, align="center", space_after=0))
        if block.get("rule", True):
            base = max(widths) if widths else self._text_width(title, st.title_size, bold=True)
            length = min(max(base * 0.4, 25 * mm), 70 * mm)
            out.append(ShortRule(length, space_after=block.get("space_after", 12)))
        else:
            out.append(Spacer(1, block.get("space_after", 12)))
        for f in out[:-1]:
            f.keepWithNext = True
        return out

    def _text_width(self, markup_text: str, size: float, *, bold: bool = False) -> float:
        plain = re.sub(r"<[^>]+>", "", markup_text).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        lines = [s for s in plain.split("\n")] if "<br/>" not in markup_text else re.split(r"<br/>", plain)
        widest = max(stringWidth(s, font_name(bold=bold), size) for s in lines)
        return min(widest, self.frame_width)

    def b_addressee(self, block: Mapping[str, Any]) -> list[Flowable]:
        key = block.get("field", "addressee")
        value = self.filler.value(key, self.ctx, required=True)
        label = block.get("label", "Kính gửi:")
        if isinstance(value, (list, tuple)) and len(value) > 1:
            items = [markup(clean(str(v))) for v in value]
            lines = [f"- {_end_with(v, ';')}" for v in items[:-1]] + [f"- {_end_with(items[-1], '.')}"]
            left = self.para(label, align="right", space_after=0)
            right = [self.para(line, align="left", space_after=0) for line in lines]
            lw = self.frame_width * 0.3
            table = Table([[left, right]], colWidths=[lw, self.frame_width - lw - 0 * mm])
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), 4),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            return [table, Spacer(1, 12)]
        if isinstance(value, (list, tuple)):
            value = value[0]
        text = _end_with(markup(clean(str(value))), block.get("ending", "."))
        return [self.para(f"{label} {text}", align="center", space_after=12)]

    def b_basis(self, block: Mapping[str, Any]) -> list[Flowable]:
        items = self.filler.value(block.get("items", "basis"), self.ctx, required=not block.get("optional"))
        if not items:
            return []
        if isinstance(items, str):
            items = [items]
        italic = block.get("italic", False)
        sep, last = block.get("separator", ";"), block.get("last", ".")
        out: list[Flowable] = []
        for i, item in enumerate(items):
            text = markup(clean(str(item)))
            text = _end_with(text, last if i == len(items) - 1 else sep)
            out.append(self.para(text, italic=italic, indent=True))
        return out

    def b_heading(self, block: Mapping[str, Any]) -> list[Flowable]:
        level = block.get("level", 1)
        text = self.fill(block["text"])
        p = self.para(text, bold=True, italic=level >= 3, indent=block.get("indent", True),
                      align=block.get("align", "justify"))
        p.keepWithNext = True
        return [p]

    def b_paragraph(self, block: Mapping[str, Any]) -> list[Flowable]:
        text = self.fill(block["text"])
        if block.get("upper"):
            text = _upper_markup(text)
        align = block.get("align", "justify")
        p = self.para(
            text,
            size=block.get("size"),
            bold=block.get("bold", False),
            italic=block.get("italic", False),
            align=align,
            indent=block.get("indent", align == "justify"),
            space_before=block.get("space_before", 0),
            space_after=block.get("space_after"),
        )
        p.keepWithNext = bool(block.get("keep_with_next"))
        return [p]

    def b_paragraphs(self, block: Mapping[str, Any]) -> list[Flowable]:
        value = self.filler.value(block["items"], self.ctx, required=not block.get("optional"))
        if is_empty(value):
            return []
        if isinstance(value, str):
            value = [s for s in value.split("\n") if s.strip()]
        out: list[Flowable] = []
        for item in value:
            if isinstance(item, Mapping):
                if "heading" in item:
                    p = self.para(markup(clean(item["heading"])), bold=True, italic=bool(item.get("italic")),
                                  indent=True)
                    p.keepWithNext = True
                    out.append(p)
                    continue
                out.append(self.para(markup(clean(item.get("text", ""))), bold=bool(item.get("bold")),
                                     italic=bool(item.get("italic")), indent=True))
            else:
                out.append(self.para(markup(clean(str(item))), indent=True, italic=block.get("italic", False)))
        return out

    def b_lines(self, block: Mapping[str, Any]) -> list[Flowable]:
        out: list[Flowable] = []
        for line in block["items"]:
            if isinstance(line, Mapping):
                if not _block_applies(line, self.ctx):
                    continue
                line = line["text"]
            out.append(self.para(self.fill(line), indent=True, space_after=block.get("space_after", 2)))
        if out:
            out[-1] = self.para(out[-1].text, indent=True)
        return out

    def b_list(self, block: Mapping[str, Any]) -> list[Flowable]:
        items = self.filler.value(block["items"], self.ctx, required=not block.get("optional"))
        if is_empty(items):
            return [self.para(markup(block["empty"]), indent=True)] if block.get("empty") else []
        out: list[Flowable] = []
        bullet = block.get("bullet", "-")
        template = block.get("text", "{_}")
        for i, item in enumerate(items):
            scope = item if isinstance(item, Mapping) else {"_": item}
            text = self.fill(template, scope)
            if bullet == "number":
                mark = f"{i + 1}. "
            elif bullet == "alpha":
                mark = f"{chr(ord('a') + i)}) "
            elif bullet:
                mark = f"{bullet} "
            else:
                mark = ""
            if block.get("end"):
                text = _end_with(text, block["end"] if i < len(items) - 1 else block.get("last", block["end"]))
            out.append(self.para(mark + text, indent=True, space_after=block.get("space_after")))
        return out

    def b_table(self, block: Mapping[str, Any]) -> list[Flowable]:
        st = self.style
        rows = self.filler.value(block["rows"], self.ctx, required=not block.get("optional"))
        rows = rows or []
        columns = block["columns"]
        size = block.get("font_size", st.table_size)
        leading = size * 1.2
        head_style = self.ps(size=size, bold=True, align="center", space_after=0, leading=leading)
        total_ratio = sum(float(c.get("width", 1)) for c in columns)
        width = self.frame_width * float(block.get("width", 1.0))
        col_widths = [width * float(c.get("width", 1)) / total_ratio for c in columns]
        for i, column in enumerate(columns):
            # a header word never breaks inside ("ST/T"): widen a narrow column, narrow the widest
            need = max(stringWidth(w, font_name("bold"), size) for w in column["header"].split()) + 7
            if col_widths[i] < need:
                widest = max(range(len(columns)), key=lambda j: col_widths[j])
                col_widths[widest] -= need - col_widths[i]
                col_widths[i] = need
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        data: list[list[Any]] = [
            [Paragraph(self.fill(markup(c["header"])).replace("\n", "<br/>"), head_style) for c in columns]
        ]
        repeat = 1
        if block.get("number_row"):
            data.append([Paragraph(f"({i + 1})", self.ps(size=size - 1, italic=True, align="center", space_after=0,
                                                         leading=leading)) for i in range(len(columns))])
            repeat = 2
        index = 0
        for row in rows:
            scope = row if isinstance(row, Mapping) else {"_": row}
            if "section" in scope:
                # a group row ("I. TẬP THỂ") across the whole table; numbering restarts beneath it
                data.append([Paragraph(markup(clean(str(scope["section"]))),
                                       self.ps(size=size, bold=True, align="left", space_after=0, leading=leading))]
                            + [""] * (len(columns) - 1))
                commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
                index = 0
                continue
            cells = []
            index += 1
            for column in columns:
                cells.append(Paragraph(self._cell(column, scope, index - 1),
                                       self.ps(size=size, align=column.get("align", "left"), space_after=0,
                                               leading=leading, bold=bool(column.get("bold")))))
            data.append(cells)
        if not rows and block.get("empty"):
            data.append([Paragraph(markup(block["empty"]), self.ps(size=size, italic=True, align="center",
                                                                  space_after=0))] + [""] * (len(columns) - 1))
            commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        total = block.get("total")
        if total and rows:
            data.append(self._total_row(total, columns, rows, size, leading))
            span = int(total.get("span", 1))
            if span > 1:
                commands.append(("SPAN", (0, len(data) - 1), (span - 1, len(data) - 1)))
        table = Table(data, colWidths=col_widths, repeatRows=repeat, hAlign="CENTER", splitByRow=1)
        table.setStyle(TableStyle(commands))
        keep = 2 if (total and rows) else 1
        table._tdkt_parts = (data, commands, col_widths, repeat, keep)  # type: ignore[attr-defined]
        out: list[Flowable] = []
        if block.get("title"):
            title = self.para(self.fill(block["title"]), bold=True, align="center", space_after=4)
            title.keepWithNext = True
            out.append(title)
        out += [table, Spacer(1, block.get("space_after", 8))]
        return out

    def _cell(self, column: Mapping[str, Any], scope: Mapping[str, Any], index: int) -> str:
        if column.get("stt"):
            return str(index + 1)
        if "text" in column:
            return self.fill(column["text"], scope, lenient=not column.get("required"))
        field_name = column.get("field", "")
        value = lookup(scope, field_name)
        if value is MISSING:
            value = lookup(self.ctx, field_name)
        if is_empty(value):
            if column.get("required"):
                raise self.filler.missing(f"{field_name}")
            return ""
        how = column.get("format")
        if how == "percent_of":
            of = self.filler.value(column["of"], self.ctx, required=True)
            return markup(format_value(round(100.0 * float(value) / float(of), 2), "number"))
        return markup(format_value(value, how))

    def _total_row(self, total: Mapping[str, Any], columns: Sequence[Mapping[str, Any]], rows: Sequence[Any],
                   size: float, leading: float) -> list[Any]:
        sums = set(total.get("sum", []))
        out: list[Any] = []
        for i, column in enumerate(columns):
            field_name = column.get("field")
            if i == 0:
                out.append(Paragraph(markup(total.get("label", "Tổng cộng")),
                                     self.ps(size=size, bold=True, align="center", space_after=0, leading=leading)))
            elif field_name in sums:
                value = sum(float(r.get(field_name) or 0) for r in rows if isinstance(r, Mapping) and "section" not in r)
                value_out: float | int = int(value) if value == int(value) else value
                out.append(Paragraph(markup(format_value(value_out, column.get("format"))),
                                     self.ps(size=size, bold=True, align=column.get("align", "right"),
                                             space_after=0, leading=leading)))
            else:
                out.append("")
        return out

    def _signature(self, signer: Mapping[str, Any] | None, *, caption: str | None = None,
                   note: str | None = None, key: str = "signer") -> list[Flowable]:
        head, name = self._signature_parts(signer, caption=caption, note=note, key=key)
        return head + name

    def _signature_parts(self, signer: Mapping[str, Any] | None, *, caption: str | None = None,
                         note: str | None = None, key: str = "signer") -> tuple[list[Flowable], list[Flowable]]:
        """(authority, title, note and the space to sign) and (the full name) of one signature block."""
        st = self.style
        size = st.sign_size
        out: list[Flowable] = []
        centred = {"size": size, "bold": True, "align": "center", "space_after": 0, "leading": size * 1.15}
        lines: list[str] = []
        if caption:
            lines += [self.fill(part) for part in caption.split("\n")]
        if signer:
            if signer.get("prefix"):
                lines.append(markup(clean(str(signer["prefix"]))))
            if signer.get("title"):
                lines += [markup(clean(s)) for s in str(signer["title"]).split("\n")]
        for line in lines:
            out.append(self.para(_upper_markup(line), **centred))
        if note:
            out.append(self.para(markup(note), size=size - 1, italic=True, align="center", space_after=0))
        out.append(Spacer(1, st.sign_space_mm * mm))
        name = signer.get("name") if signer else None
        names: list[Flowable] = []
        if is_empty(name):
            if signer is not None and signer.get("_required", True):
                raise self.filler.missing(f"{key}.name")
        else:
            names.append(self.para(markup(clean(str(name))), **centred))
        return out, names

    def _recipients(self, block: Mapping[str, Any]) -> list[Flowable]:
        st = self.style
        entries = self.filler.value(block.get("recipients", "recipients"), self.ctx, required=False) or []
        if isinstance(entries, str):
            entries = [entries]
        archive = clean(self.filler.value(block.get("archive", "archive"), self.ctx, required=False) or "")
        archive = archive.rstrip(".;, ")
        if not archive.upper().startswith("VT"):
            archive = f"VT, {archive}" if archive else "VT"
        small = {"size": st.recipients_size, "align": "left", "space_after": 0, "leading": st.recipients_size * 1.15}
        out: list[Flowable] = [
            self.para("Nơi nhận:", size=st.recipients_title_size, bold=True, italic=True, align="left", space_after=0,
                      leading=st.recipients_title_size * 1.2)
        ]
        for entry in entries:
            out.append(self.para(f"- {_end_with(markup(clean(str(entry))), ';')}", **small))
        out.append(self.para(f"- Lưu: {markup(archive)}.", **small))
        return out

    def b_closing(self, block: Mapping[str, Any]) -> list[Flowable]:
        key = block.get("signer", "signer")
        signer = self.filler.value(key, self.ctx, required=True)
        right = self._signature(signer, note=block.get("note"), key=key)
        show_recipients = block.get("show_recipients", True) and (
            block.get("always_recipients") or not is_empty(lookup(self.ctx, block.get("recipients", "recipients")))
        )
        left = self._recipients(block) if show_recipients else [Spacer(1, 1)]
        share = float(block.get("left_share", 0.45))
        table = Table([[left, right]], colWidths=[self.frame_width * share, self.frame_width * (1 - share)])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [Spacer(1, block.get("space_before", 6)), table]

    def b_signatures(self, block: Mapping[str, Any]) -> list[Flowable]:
        cells = []
        for side in block["signers"]:
            key = side.get("signer")
            signer = dict(self.filler.value(key, self.ctx, required=False) or {}) if key else {}
            if side.get("name"):
                key = side["name"].rsplit(".", 1)[0]
                signer["name"] = self.filler.value(side["name"], self.ctx, required=False)
            signer["_required"] = bool(side.get("required", True))
            cells.append(self._signature_parts(signer, caption=side.get("caption"), note=side.get("note"),
                                               key=key or ""))
        n = len(cells)
        # two rows, so that the full names stand on one line however long the titles above them are
        rows = [[head for head, _ in cells], [name or "" for _, name in cells]]
        table = Table(rows, colWidths=[self.frame_width / n] * n)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [Spacer(1, block.get("space_before", 10)), table]

    def b_page_break(self, block: Mapping[str, Any]) -> list[Flowable]:
        return [PageBreak()]

    def b_spacer(self, block: Mapping[str, Any]) -> list[Flowable]:
        return [Spacer(1, float(block.get("height_mm", 5)) * mm)]


# --------------------------------------------------------------------------- certificates


class _CertificateRenderer:
    """Giấy khen and Bằng: A4 landscape, fixed positions, one page per awardee."""

    def __init__(self, template: Template, context: Mapping[str, Any], *, stock: bool,
                 offsets_mm: tuple[float, float]) -> None:
        self.t = template
        self.context = context
        self.stock = stock
        try:
            self.dx, self.dy = (float(offsets_mm[0]), float(offsets_mm[1]))
        except (TypeError, ValueError, IndexError):
            raise PrintError("Độ lệch khi in phôi phải là hai số (mm): ngang và dọc.") from None
        if abs(self.dx) > 30 or abs(self.dy) > 30:
            raise PrintError("Độ lệch khi in phôi quá lớn (tối đa 30 mm mỗi chiều). Hãy kiểm tra lại cài đặt máy in.")
        self.filler = Filler(template.name, template.label_of)
        self.pagesize = landscape(A4) if template.orientation == "landscape" else portrait(A4)

    def pages(self) -> list[dict[str, Any]]:
        items = self.context.get("certificates")
        base = {k: v for k, v in self.context.items() if k != "certificates"}
        if items:
            return [{**base, **item} for item in items]
        return [dict(base)]

    def build(self, out: BinaryIO) -> int:
        pages = self.pages()
        for page in pages:
            page["doc"] = {**_doc_values(self.t, page), **(page.get("doc") or {})}
            _validate(self.t, self.filler, [page])
        canv = Canvas(out, pagesize=self.pagesize, invariant=True, lang="vi-VN", initialFontName=FAMILY)
        canv.setTitle(self.t.title)
        canv.setSubject(self.t.legal_basis)
        canv.setCreator("TĐKT Desktop")
        for page in pages:
            self.draw_page(canv, page)
            canv.showPage()
        canv.save()
        return len(pages)

    def draw_page(self, canv: Canvas, ctx: Mapping[str, Any]) -> None:
        preprinted = ctx.get("stock_preprinted")
        skip: set[str] = set()
        if self.stock:
            if preprinted is None:
                skip = {e.get("id", "") for e in self.t.elements if e.get("preprinted")}
            else:
                skip = set(preprinted)
        else:
            _draw_border(canv, self.pagesize, self.t.border)
        canv.saveState()
        canv.translate(self.dx * mm, -self.dy * mm)
        page_w, page_h = self.pagesize
        cursor = 0.0  # distance from the top of the page to the bottom of the last element, in points
        placed: dict[str, tuple[float, float, float]] = {}  # id → (centre x, width, bottom y-from-top)
        for element in self.t.elements:
            if not _block_applies(element, ctx):
                continue
            eid = element.get("id", "")
            x = float(element.get("x_mm", 20)) * mm
            width = float(element.get("width_mm", page_w / mm - 40)) * mm
            top = float(element["y_mm"]) * mm if "y_mm" in element else cursor + float(element.get("gap_mm", 2)) * mm
            if element.get("type") == "rule":
                ref = placed.get(element.get("under", ""))
                if ref is None:
                    continue
                cx, length, bottom = ref
                y = page_h - (bottom + float(element.get("gap_mm", 1)) * mm)
                if eid not in skip:
                    canv.setStrokeColor(black)
                    canv.setLineWidth(float(element.get("thickness", 0.8)))
                    canv.line(cx - length / 2, y, cx + length / 2, y)
                cursor = max(cursor, page_h - y)
                continue
            text = self.filler.fill(element["text"], ctx)
            if element.get("upper"):
                text = _upper_markup(text)
            size = float(element.get("size", 14))
            style = ParagraphStyle(
                name=eid or "e",
                fontName=font_name(bold=bool(element.get("bold")), italic=bool(element.get("italic"))),
                fontSize=size,
                leading=float(element.get("leading", size * 1.2)),
                alignment=_ALIGN[element.get("align", "center")],
                textColor=_color(element.get("color", "black")),
            )
            p = Paragraph(text, style)
            _, h = p.wrap(width, page_h)
            if eid not in skip:
                p.drawOn(canv, x, page_h - top - h)
            line_width = _widest_line(p, width)
            placed[eid] = (x + width / 2, line_width, top + h - size * 0.15)
            cursor = top + h
        canv.restoreState()


def _widest_line(p: Paragraph, width: float) -> float:
    """Width of the longest wrapped line of a paragraph drawn in ``width``."""
    widths = []
    for line in p.blPara.lines:
        extra = line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0)
        widths.append(width - extra)
    return max(widths) if widths else 0.0


def _color(name: str) -> Color:
    if name in _COLORS:
        return _COLORS[name]
    try:
        return HexColor(name)
    except (ValueError, TypeError):
        raise TemplateError(f"Màu “{name}” không hợp lệ (dùng black, red hoặc mã #RRGGBB).") from None


def _draw_border(canv: Canvas, pagesize: tuple[float, float], spec: Mapping[str, Any]) -> None:
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
    # corner ornaments: a square set on its point with a smaller one inside, and two short flourishes
    size = 7 * mm
    for cx, cy in ((i2, i2), (w - i2, i2), (i2, h - i2), (w - i2, h - i2)):
        canv.setFillColor(Color(1, 1, 1))
        canv.setStrokeColor(outer_color)
        canv.setLineWidth(1.4)
        path = canv.beginPath()
        path.moveTo(cx, cy - size / 2)
        path.lineTo(cx + size / 2, cy)
        path.lineTo(cx, cy + size / 2)
        path.lineTo(cx - size / 2, cy)
        path.close()
        canv.drawPath(path, stroke=1, fill=1)
        canv.setFillColor(inner_color)
        small = size / 4
        path = canv.beginPath()
        path.moveTo(cx, cy - small)
        path.lineTo(cx + small, cy)
        path.lineTo(cx, cy + small)
        path.lineTo(cx - small, cy)
        path.close()
        canv.drawPath(path, stroke=0, fill=1)
    # small diamonds in the middle of each side
    canv.setFillColor(outer_color)
    for cx, cy in ((w / 2, inset + 0.9 * mm), (w / 2, h - inset - 0.9 * mm), (inset + 0.9 * mm, h / 2),
                   (w - inset - 0.9 * mm, h / 2)):
        d = 2.2 * mm
        path = canv.beginPath()
        path.moveTo(cx, cy - d)
        path.lineTo(cx + d, cy)
        path.lineTo(cx, cy + d)
        path.lineTo(cx - d, cy)
        path.close()
        canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()
