"""The one renderer: a template from ``forms/`` plus a context dict → one document model → PDF or Word.

    info = render("to_trinh", context, "to_trinh.pdf")       # or "to_trinh.docx": the extension chooses

The template is read and filled once, into :mod:`printing.model` nodes (header blocks, paragraphs, ruled
tables, side-by-side blocks); :mod:`printing.pdf` lays them out with reportlab and :mod:`printing.word`
writes them with python-docx, so both formats say the same thing in the same geometry. Certificates (Giấy
khen, Bằng) are placed element by element (:mod:`printing.certificates`), on a decorative border on plain
paper or — with ``stock=True`` — only the variable text, shifted by the printer's offsets.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.core.text import clean, format_date, long_date
from tdkt_desktop.printing.context import MISSING, Filler, format_value, is_empty, lookup, markup
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.printing.fonts import font_name, register_fonts
from tdkt_desktop.printing.layout import PageStyle, balanced_lines
from tdkt_desktop.printing.model import (
    Cell,
    Columns,
    Document,
    Gap,
    Grid,
    Header,
    Node,
    PageBreak,
    Para,
    Rule,
    plain,
)
from tdkt_desktop.printing.templates import Template, template_for

__all__ = ["FORMATS", "RenderInfo", "build_document", "format_of", "render", "render_bytes"]

FORMATS = ("pdf", "docx")
_END_PUNCT = ";.,:"
BLANK = "      "  # where a number or a day is filled in by hand


@dataclass(frozen=True)
class RenderInfo:
    """What was printed: page count (PDF; 0 for Word), the template, its legal basis, the file and font used."""

    pages: int
    template: str
    legal_basis: str
    template_file: str = ""
    font: str = ""
    format: str = "pdf"


# --------------------------------------------------------------------------- public API


def format_of(out: str | os.PathLike[str] | IO[bytes], fmt: str | None = None) -> str:
    """The output format: given, else the file's extension (.docx → Word), else PDF."""
    if fmt:
        if fmt not in FORMATS:
            raise PrintError(f"Định dạng “{fmt}” không hỗ trợ (chỉ PDF hoặc Word .docx).")
        return fmt
    if isinstance(out, (str, os.PathLike)):
        suffix = Path(os.fspath(out)).suffix.lower()
        if suffix == ".docx":
            return "docx"
        if suffix in ("", ".pdf"):
            return "pdf"
        raise PrintError(f"Tệp “{Path(os.fspath(out)).name}”: chỉ ghi được .pdf hoặc .docx (Word).")
    return "pdf"


def render(
    template_name: str,
    context: Mapping[str, Any],
    out: str | os.PathLike[str] | IO[bytes],
    *,
    fmt: str | None = None,
    on_date: _dt.date | str | None = None,
    stock: bool = False,
    offsets_mm: tuple[float, float] = (0.0, 0.0),
    margins_mm: Mapping[str, float] | None = None,
    draft: bool = False,
) -> RenderInfo:
    """Render ``template_name`` with ``context`` into a path (written atomically) or a binary file object.

    ``fmt`` ("pdf" or "docx") defaults to the path's extension. ``on_date`` chooses the template version
    (default: the context's ``date``, else today). ``stock`` and ``offsets_mm`` (x to the right, y downwards,
    in millimetres) apply to certificates printed on pre-printed stock. ``margins_mm`` (keys
    top/bottom/left/right) adjusts the margins within NĐ 30/2020's ranges. ``draft`` marks every page
    "DỰ THẢO" (a draft is never numbered and never signed).
    """
    kind = format_of(out, fmt)
    data, info = render_bytes(template_name, context, fmt=kind, on_date=on_date, stock=stock, offsets_mm=offsets_mm,
                              margins_mm=margins_mm, draft=draft)
    if hasattr(out, "write"):
        out.write(data)
        return info
    atomic_write(Path(os.fspath(out)), data, make_parents=True)
    return info


def render_bytes(
    template_name: str,
    context: Mapping[str, Any],
    *,
    fmt: str = "pdf",
    on_date: _dt.date | str | None = None,
    stock: bool = False,
    offsets_mm: tuple[float, float] = (0.0, 0.0),
    margins_mm: Mapping[str, float] | None = None,
    draft: bool = False,
) -> tuple[bytes, RenderInfo]:
    """Like :func:`render` but returns the bytes."""
    fonts = register_fonts()
    if on_date is None:
        raw = context.get("date")
        on_date = raw if raw not in (None, "") else _dt.date.today()
    template = template_for(template_name, on_date)
    kind = format_of(io.BytesIO(), fmt)
    buffer = io.BytesIO()
    if template.kind == "certificate":
        from tdkt_desktop.printing.certificates import build_certificates

        model = build_certificates(template, context, stock=stock, offsets_mm=offsets_mm, draft=draft)
        if kind == "docx":
            from tdkt_desktop.printing.word import write_certificates

            write_certificates(model, buffer)
            pages = len(model.pages)
        else:
            from tdkt_desktop.printing.pdf import draw_certificates

            pages = draw_certificates(model, buffer)
    else:
        document = build_document(template, context, margins_mm=margins_mm, draft=draft)
        if kind == "docx":
            from tdkt_desktop.printing.word import write_document

            write_document(document, buffer)
            pages = 0
        else:
            from tdkt_desktop.printing.pdf import write_pdf

            pages = write_pdf(document, buffer)
    info = RenderInfo(
        pages=pages, template=template.name, legal_basis=template.legal_basis, template_file=template.path.name,
        font=fonts.family_label, format=kind,
    )
    return buffer.getvalue(), info


def build_document(template: Template, context: Mapping[str, Any], *, margins_mm: Mapping[str, float] | None = None,
                   draft: bool = False) -> Document:
    """The model of a (non-certificate) document: what both the PDF and the Word file are made from."""
    return _Builder(template, context, margins_mm=margins_mm, draft=draft).build()


# --------------------------------------------------------------------------- shared helpers


def upper_markup(text: str) -> str:
    """Upper-case paragraph markup without touching tags and entities."""
    parts = re.split(r"(<[^>]+>|&[#\w]+;)", text)
    return "".join(p if p.startswith(("<", "&")) else p.upper() for p in parts)


def _truthy(context: Mapping[str, Any], path: str | None) -> bool:
    if not path:
        return True
    value = lookup(context, path)
    return not (is_empty(value) or value is False)


def block_applies(block: Mapping[str, Any], *scopes: Mapping[str, Any]) -> bool:
    when, unless = block.get("when"), block.get("unless")
    if when and not any(_truthy(s, when) for s in scopes):
        return False
    return not (unless and any(_truthy(s, unless) for s in scopes))


def doc_values(template: Template, context: Mapping[str, Any]) -> dict[str, Any]:
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
        number_part = f"{int(str(number).strip()):02d}" if str(number).strip().isdigit() else clean(str(number))
        issued = True
    number_text = f"{number_part}/{code}" if code else number_part
    date = context.get("date")
    year = context.get("year") or _dt.date.today().year
    if date is None or is_empty(date):
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


def validate(template: Template, filler: Filler, scopes: Sequence[Mapping[str, Any]]) -> None:
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


def end_with(text: str, ending: str) -> str:
    text = text.rstrip()
    while text and text[-1] in _END_PUNCT:
        text = text[:-1].rstrip()
    return text + ending


def text_width(markup_text: str, size: float, *, bold: bool = False) -> float:
    """Width of the widest line of paragraph markup."""
    return max(float(stringWidth(line, font_name(bold=bold), size)) for line in plain(markup_text).split("\n"))


# --------------------------------------------------------------------------- documents


class _Builder:
    """Template blocks → model nodes."""

    def __init__(self, template: Template, context: Mapping[str, Any], *, margins_mm: Mapping[str, float] | None,
                 draft: bool) -> None:
        self.t = template
        overrides = dict(template.page)
        overrides.update(template.style)
        for key, value in (margins_mm or {}).items():
            overrides[f"margin_{key}"] = value
        self.style = PageStyle.build(overrides, source=f"Mẫu {template.path.name}")
        self.filler = Filler(template.name, template.label_of)
        doc = dict(doc_values(template, context))
        if isinstance(context.get("doc"), Mapping):
            doc.update(context["doc"])
        self.ctx: dict[str, Any] = {**context, "doc": doc}
        self.draft = draft
        self.landscape = template.orientation == "landscape"
        page_w = (297 if self.landscape else 210) * mm
        self.frame_width = page_w - (self.style.margin_left + self.style.margin_right) * mm

    # -- paragraphs
    def para(self, text: str, *, size: float | None = None, bold: bool = False, italic: bool = False,
             align: str = "justify", indent: bool = False, space_after: float | None = None, space_before: float = 0,
             leading: float | None = None, left_indent: float = 0, keep_with_next: bool = False) -> Para:
        st = self.style
        size = size or st.body_size
        return Para(
            text=text, size=size, bold=bold, italic=italic, align=align,
            indent=st.indent_cm * cm if indent else 0.0, left_indent=left_indent,
            space_before=space_before, space_after=st.paragraph_space if space_after is None else space_after,
            leading=leading or size * st.line_spacing, keep_with_next=keep_with_next,
        )

    def fill(self, text: str, *scopes: Mapping[str, Any], lenient: bool = False) -> str:
        return self.filler.fill(text, *scopes, self.ctx, lenient=lenient)

    # -- build
    def build(self) -> Document:
        validate(self.t, self.filler, [self.ctx])
        nodes: list[Node] = []
        for block in self.t.blocks:
            if not block_applies(block, self.ctx):
                continue
            nodes += getattr(self, f"b_{block['type']}")(block)
        issuer_full = lookup(self.ctx, "issuer.full")
        author = clean(str(issuer_full)) if issuer_full is not MISSING and issuer_full else ""
        if not author:
            decider = lookup(self.ctx, "decider")
            author = clean(str(decider)) if decider is not MISSING and decider else "TĐKT Desktop"
        keywords = [self.t.name]
        if self.draft:
            from tdkt_desktop.printing.signing import DRAFT_KEYWORD

            keywords.append(DRAFT_KEYWORD)
        return Document(style=self.style, landscape=self.landscape, nodes=nodes, title=self._title(), author=author,
                        subject=self.t.legal_basis, draft=self.draft, keywords=keywords)

    def _title(self) -> str:
        for block in self.t.blocks:
            if block["type"] == "title":
                subject = self.filler.fill(block.get("subject", ""), self.ctx, lenient=True, escape_values=False)
                return clean(f"{plain(block.get('text', ''))} {subject}".replace("<b>", "").replace("</b>", ""))
        return self.t.title

    # -- blocks
    def b_header(self, block: Mapping[str, Any]) -> list[Node]:
        doc = self.ctx["doc"]
        national = block.get("layout") == "national"
        parent = "" if national else self.filler.value("issuer.parent", self.ctx, required=False) or ""
        name = "" if national else self.filler.value("issuer.name", self.ctx, required=True)
        number_text = doc["number_label"] if block.get("number", True) and not national else None
        place_date = doc["place_date"] if block.get("date", True) else None
        if place_date is not None and not clean(self.ctx.get("place") or ""):
            raise self.filler.missing("place")
        excerpt = self.fill(block["excerpt"]) if block.get("excerpt") else ""
        return [Header(parent=clean(parent), issuer="\n".join(clean(s) for s in str(name).split("\n")),
                       number_text=number_text, place_date=place_date, national=national, excerpt=excerpt)]

    def b_frame(self, block: Mapping[str, Any]) -> list[Node]:
        """A statistical form's heading: the form's code and circular at the left, its title and year in the
        centre (a line as long as the last title line beneath), the reporting and receiving units at the right."""
        st = self.style
        size = float(block.get("size", 12))
        out_cells: list[list[Para | Gap | Rule]] = []
        shares = [float(x) for x in block.get("shares", (0.28, 0.44, 0.28))]
        widths = [self.frame_width * x / sum(shares) for x in shares]
        for side, cell_width in zip(("left", "center", "right"), widths, strict=True):
            cell: list[Para | Gap | Rule] = []
            lines = [line for line in block.get(side, []) if not isinstance(line, Mapping) or
                     block_applies(line, self.ctx)]
            for i, line in enumerate(lines):
                spec = line if isinstance(line, Mapping) else {"text": line}
                text = self.fill(spec["text"])
                if side == "center":
                    line_size = float(spec.get("size", st.title_size if i == 0 else st.subject_size))
                    bold = bool(spec.get("bold", True))
                    font = font_name(bold=bold, italic=bool(spec.get("italic")))
                    if text_width(text, line_size, bold=bold) > cell_width - 4:  # even lines, never "DANH / HIỆU"
                        text = "<br/>".join(markup(part) for part in
                                            balanced_lines(plain(text), font, line_size, cell_width - 4))
                    para = self.para(text, size=line_size, bold=bold, italic=bool(spec.get("italic")),
                                     align="center", space_after=0, leading=line_size * 1.15)
                else:
                    para = self.para(text, size=float(spec.get("size", size)), bold=bool(spec.get("bold")),
                                     italic=bool(spec.get("italic")), align=spec.get("align", "left"), space_after=2,
                                     leading=float(spec.get("size", size)) * 1.15)
                cell.append(para)
                if spec.get("rule"):
                    length = text_width(text, para.size, bold=para.bold)
                    cell.append(Rule(length, space_before=2, space_after=4))
            out_cells.append(cell)
        return [Columns(widths=widths, rows=[out_cells], role="frame", padding=2), Gap(block.get("space_after", 8))]

    def b_title(self, block: Mapping[str, Any]) -> list[Node]:
        st = self.style
        out: list[Node] = [Gap(block.get("space_before", 14))]
        title = self.fill(block["text"])
        out.append(self.para(upper_markup(title), size=st.title_size, bold=True, align="center", space_after=0,
                             keep_with_next=True))
        widths: list[float] = []
        if block.get("subject"):
            subject = self.fill(block["subject"])
            out.append(self.para(subject, size=st.subject_size, bold=True, align="center", space_after=0,
                                 keep_with_next=True))
            widths.append(min(text_width(subject, st.subject_size, bold=True), self.frame_width))
        if block.get("note"):
            note = self.fill(block["note"])
            out.append(self.para(note, size=st.subject_size, italic=True, align="center", space_after=0,
                                 keep_with_next=True))
        if block.get("rule", True):
            base = max(widths) if widths else min(text_width(title, st.title_size, bold=True), self.frame_width)
            length = min(max(base * 0.4, 25 * mm), 70 * mm, base if base > 0 else 25 * mm)
            out.append(Rule(length, space_after=block.get("space_after", 12)))
        else:
            out.append(Gap(block.get("space_after", 12)))
        return out

    def b_addressee(self, block: Mapping[str, Any]) -> list[Node]:
        key = block.get("field", "addressee")
        value = self.filler.value(key, self.ctx, required=True)
        label = block.get("label", "Kính gửi:")
        if isinstance(value, (list, tuple)) and len(value) > 1:
            items = [markup(clean(str(v))) for v in value]
            lines = [f"- {end_with(v, ';')}" for v in items[:-1]] + [f"- {end_with(items[-1], '.')}"]
            left = [self.para(label, align="right", space_after=0)]
            right: list[Para | Gap] = [self.para(line, align="left", space_after=0) for line in lines]
            lw = self.frame_width * 0.3
            return [Columns(widths=[lw, self.frame_width - lw], rows=[[left, right]], role="addressee"), Gap(12)]
        if isinstance(value, (list, tuple)):
            value = value[0]
        text = end_with(markup(clean(str(value))), block.get("ending", "."))
        return [self.para(f"{label} {text}", align="center", space_after=12)]

    def b_basis(self, block: Mapping[str, Any]) -> list[Node]:
        items = self.filler.value(block.get("items", "basis"), self.ctx, required=not block.get("optional"))
        if not items:
            return []
        if isinstance(items, str):
            items = [items]
        italic = block.get("italic", False)
        sep, last = block.get("separator", ";"), block.get("last", ".")
        return [self.para(end_with(markup(clean(str(item))), last if i == len(items) - 1 else sep), italic=italic,
                          indent=True) for i, item in enumerate(items)]

    def b_heading(self, block: Mapping[str, Any]) -> list[Node]:
        level = block.get("level", 1)
        return [self.para(self.fill(block["text"]), bold=True, italic=level >= 3, indent=block.get("indent", True),
                          align=block.get("align", "justify"), keep_with_next=True)]

    def b_paragraph(self, block: Mapping[str, Any]) -> list[Node]:
        text = self.fill(block["text"])
        if block.get("upper"):
            text = upper_markup(text)
        align = block.get("align", "justify")
        return [self.para(
            text, size=block.get("size"), bold=block.get("bold", False), italic=block.get("italic", False),
            align=align, indent=block.get("indent", align == "justify"), space_before=block.get("space_before", 0),
            space_after=block.get("space_after"), keep_with_next=bool(block.get("keep_with_next")),
        )]

    def b_paragraphs(self, block: Mapping[str, Any]) -> list[Node]:
        value = self.filler.value(block["items"], self.ctx, required=not block.get("optional"))
        if is_empty(value):
            return []
        if isinstance(value, str):
            value = [s for s in value.split("\n") if s.strip()]
        out: list[Node] = []
        for item in value:
            if isinstance(item, Mapping):
                if "heading" in item:
                    out.append(self.para(markup(clean(item["heading"])), bold=True, italic=bool(item.get("italic")),
                                         indent=True, keep_with_next=True))
                    continue
                out.append(self.para(markup(clean(item.get("text", ""))), bold=bool(item.get("bold")),
                                     italic=bool(item.get("italic")), indent=True))
            else:
                out.append(self.para(markup(clean(str(item))), indent=True, italic=block.get("italic", False)))
        return out

    def b_lines(self, block: Mapping[str, Any]) -> list[Node]:
        out: list[Para] = []
        for line in block["items"]:
            if isinstance(line, Mapping):
                if not block_applies(line, self.ctx):
                    continue
                line = line["text"]
            out.append(self.para(self.fill(line), indent=True, space_after=block.get("space_after", 2)))
        if out:
            out[-1].space_after = self.style.paragraph_space
        return list(out)

    def b_list(self, block: Mapping[str, Any]) -> list[Node]:
        items = self.filler.value(block["items"], self.ctx, required=not block.get("optional"))
        if is_empty(items):
            return [self.para(markup(block["empty"]), indent=True)] if block.get("empty") else []
        out: list[Node] = []
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
                text = end_with(text, block["end"] if i < len(items) - 1 else block.get("last", block["end"]))
            out.append(self.para(mark + text, indent=True, space_after=block.get("space_after")))
        return out

    def b_table(self, block: Mapping[str, Any]) -> list[Node]:
        st = self.style
        rows = self.filler.value(block["rows"], self.ctx, required=not block.get("optional")) or []
        columns = block["columns"]
        size = float(block.get("font_size", st.table_size))
        total_ratio = sum(float(c.get("width", 1)) for c in columns)
        width = self.frame_width * float(block.get("width", 1.0))
        widths = [width * float(c.get("width", 1)) / total_ratio for c in columns]
        for i, column in enumerate(columns):
            # a header word never breaks inside ("ST/T"): widen a narrow column, narrow the widest
            need = max(stringWidth(w, font_name("bold"), size) for w in column["header"].split()) + 7
            if widths[i] < need:
                widest = max(range(len(columns)), key=lambda j: widths[j])
                widths[widest] -= need - widths[i]
                widths[i] = need
        grid_rows: list[list[Cell]] = [
            [Cell(self.fill(markup(c["header"])).replace("\n", "<br/>"), align="center", bold=True) for c in columns]
        ]
        header_rows = 1
        if block.get("number_row"):
            grid_rows.append([Cell(f"({i + 1})", align="center", italic=True) for i in range(len(columns))])
            header_rows = 2
        index = 0
        for row in rows:
            scope = row if isinstance(row, Mapping) else {"_": row}
            if "section" in scope:
                # a group row ("I. TẬP THỂ") across the whole table; numbering restarts beneath it
                grid_rows.append([Cell(markup(clean(str(scope["section"]))), bold=True, span=len(columns))])
                index = 0
                continue
            index += 1
            bold_when = None
            grid_rows.append([
                Cell(self._cell(column, scope, index - 1), align=column.get("align", "left"),
                     bold=bool(column.get("bold")) or bool((bold_when := column.get("bold_when"))
                                                           and _truthy(scope, bold_when)))
                for column in columns
            ])
            _ = bold_when
        if not rows and block.get("empty"):
            grid_rows.append([Cell(markup(block["empty"]), align="center", italic=True, span=len(columns))])
        total = block.get("total")
        if total and rows:
            grid_rows.append(self._total_row(total, columns, rows))
        out: list[Node] = []
        if block.get("title"):
            out.append(self.para(self.fill(block["title"]), bold=True, align="center", space_after=4,
                                 keep_with_next=True))
        out.append(Grid(widths=widths, rows=grid_rows, size=size, header_rows=header_rows,
                        space_after=block.get("space_after", 8)))
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

    def _total_row(self, total: Mapping[str, Any], columns: Sequence[Mapping[str, Any]], rows: Sequence[Any]) -> list[Cell]:
        sums = set(total.get("sum", []))
        span = int(total.get("span", 1))
        out: list[Cell] = [Cell(markup(total.get("label", "Tổng cộng")), align="center", bold=True, span=span)]
        for column in columns[span:]:
            field_name = column.get("field")
            if field_name in sums:
                value = sum(float(r.get(field_name) or 0) for r in rows if isinstance(r, Mapping) and "section" not in r)
                value_out: float | int = int(value) if value == int(value) else value
                out.append(Cell(markup(format_value(value_out, column.get("format"))),
                                align=column.get("align", "right"), bold=True))
            else:
                out.append(Cell(""))
        return out

    def _signature_parts(self, signer: Mapping[str, Any] | None, *, width: float, caption: str | None = None,
                         note: str | None = None, key: str = "signer") -> tuple[list[Para | Gap], list[Para | Gap]]:
        """(authority, title, note and the space to sign) and (the full name) of one signature block, ``width``
        wide: a line too long is wrapped at word boundaries, never inside a unit's name ("QUỐC / TỬ GIÁM")."""
        st = self.style
        size = st.sign_size
        centred: dict[str, Any] = {"size": size, "bold": True, "align": "center", "space_after": 0,
                                   "leading": size * 1.15}
        lines: list[str] = []
        if caption:
            lines += [self.fill(part) for part in caption.split("\n")]
        if signer:
            if signer.get("prefix"):
                lines += [markup(clean(s)) for s in str(signer["prefix"]).split("\n")]
            if signer.get("title"):
                lines += [markup(clean(s)) for s in str(signer["title"]).split("\n")]
        head: list[Para | Gap] = [self.para(self._wrapped(upper_markup(line), size, width), **centred)
                                  for line in lines]
        if note:
            head.append(self.para(markup(note), size=size - 1, italic=True, align="center", space_after=0))
        head.append(Gap(st.sign_space_mm * mm))
        name = signer.get("name") if signer else None
        names: list[Para | Gap] = []
        if is_empty(name):
            if signer is not None and signer.get("_required", True):
                raise self.filler.missing(f"{key}.name")
        else:
            names.append(self.para(markup(clean(str(name))), **centred))
        return head, names

    @staticmethod
    def _wrapped(text: str, size: float, width: float) -> str:
        """Bold centred markup broken into even lines at allowed word boundaries when wider than ``width``."""
        if text_width(text, size, bold=True) <= width:
            return text
        return "<br/>".join(markup(part) for part in balanced_lines(plain(text), font_name(bold=True), size, width))

    def _recipients(self, block: Mapping[str, Any]) -> list[Para | Gap]:
        st = self.style
        entries = self.filler.value(block.get("recipients", "recipients"), self.ctx, required=False) or []
        if isinstance(entries, str):
            entries = [entries]
        archive = clean(self.filler.value(block.get("archive", "archive"), self.ctx, required=False) or "")
        archive = archive.rstrip(".;, ")
        if not archive.upper().startswith("VT"):
            archive = f"VT, {archive}" if archive else "VT"
        small: dict[str, Any] = {"size": st.recipients_size, "align": "left", "space_after": 0,
                                 "leading": st.recipients_size * 1.15}
        out: list[Para | Gap] = [self.para("Nơi nhận:", size=st.recipients_title_size, bold=True, italic=True,
                                           align="left", space_after=0, leading=st.recipients_title_size * 1.2)]
        for entry in entries:
            out.append(self.para(f"- {end_with(markup(clean(str(entry))), ';')}", **small))
        out.append(self.para(f"- Lưu: {markup(archive)}.", **small))
        return out

    def b_closing(self, block: Mapping[str, Any]) -> list[Node]:
        key = block.get("signer", "signer")
        signer = self.filler.value(key, self.ctx, required=True)
        share = float(block.get("left_share", 0.45))
        widths = [self.frame_width * share, self.frame_width * (1 - share)]
        head, name = self._signature_parts(signer, width=widths[1] - 4, note=block.get("note"), key=key)
        show_recipients = block.get("show_recipients", True) and (
            block.get("always_recipients") or not is_empty(lookup(self.ctx, block.get("recipients", "recipients")))
        )
        left = self._recipients(block) if show_recipients else []
        return [Columns(widths=widths, rows=[[left, head + name]], role="closing",
                        space_before=block.get("space_before", 6))]

    def b_signatures(self, block: Mapping[str, Any]) -> list[Node]:
        """Signatures side by side: the ``signers`` the template names (one row), or one per item of the context's
        list ``from`` (a covenant's member units: ``caption``, ``title``, ``name`` each), ``per_row`` to a row."""
        sides: list[tuple[dict[str, Any], Mapping[str, Any], str]] = []
        if block.get("from"):
            items = self.filler.value(block["from"], self.ctx, required=True) or []
            for item in items:
                signer = {"title": item.get("title") or "", "name": item.get("name"),
                          "_required": bool(block.get("required", True))}
                sides.append((signer, {"caption": markup(clean(str(item.get("caption") or ""))),
                                       "note": block.get("note")}, f"{block['from']}[].name"))
            per_row = max(1, int(block.get("per_row", 2)))
        else:
            for side in block["signers"]:
                key = side.get("signer")
                signer = dict(self.filler.value(key, self.ctx, required=False) or {}) if key else {}
                if side.get("name"):
                    key = side["name"].rsplit(".", 1)[0]
                    signer["name"] = self.filler.value(side["name"], self.ctx, required=False)
                signer["_required"] = bool(side.get("required", True))
                sides.append((signer, side, key or ""))
            per_row = max(1, len(sides))
        n = per_row
        rows: list[list[list[Para | Gap | Rule]]] = []
        for start in range(0, len(sides), n):
            cells = []
            for signer, side, key in sides[start:start + n]:
                head, name = self._signature_parts(signer, width=self.frame_width / n - 8, caption=side.get("caption"),
                                                   note=side.get("note"), key=key)
                if side.get("place_date"):
                    head.insert(0, self.para(self.ctx["doc"]["place_date"], size=self.style.date_size, italic=True,
                                             align="center", space_after=2))
                cells.append((head, name))
            while len(cells) < n:
                cells.append(([], []))
            if start:  # the next row of signatures stands clear of the names above it
                for head, _ in cells:
                    head.insert(0, Gap(8 * mm))
            # two rows each, so that the full names stand on one line however long the titles above them are
            rows += [[list(head) for head, _ in cells], [list(name) for _, name in cells]]
        return [Columns(widths=[self.frame_width / n] * n, rows=rows, role="signatures", padding=2,
                        space_before=block.get("space_before", 10))]

    def b_page_break(self, block: Mapping[str, Any]) -> list[Node]:
        return [PageBreak()]

    def b_spacer(self, block: Mapping[str, Any]) -> list[Node]:
        return [Gap(float(block.get("height_mm", 5)) * mm)]
