"""The document model as PDF (reportlab platypus): flowing text, tables that repeat their header rows, page
numbers from page 2 centred in the top margin, a signature block that never stands alone on a page, and
"DỰ THẢO" across every page of a draft. Certificates are drawn element by element."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
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

from tdkt_desktop.printing.errors import TemplateError
from tdkt_desktop.printing.fonts import FAMILY, font_name
from tdkt_desktop.printing.layout import HeaderBlock, PageStyle, ShortRule
from tdkt_desktop.printing.model import (
    Cell,
    CertificateSet,
    Columns,
    Document,
    Gap,
    Grid,
    Header,
    Node,
    Para,
    Rule,
    plain,
)
from tdkt_desktop.printing.model import PageBreak as PageBreakNode

__all__ = ["DRAFT_MARK", "draw_certificates", "write_pdf"]

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_COLORS = {"black": black, "red": HexColor("#D8101C")}
DRAFT_MARK = "DỰ THẢO"
_DRAFT_GREY = Color(0.55, 0.55, 0.55, alpha=0.35)


def color(name: str) -> Color:
    if name in _COLORS:
        return _COLORS[name]
    try:
        return HexColor(name)
    except (ValueError, TypeError):
        raise TemplateError(f"Màu “{name}” không hợp lệ (dùng black, red hoặc mã #RRGGBB).") from None


def _draft_mark(canv: Canvas, pagesize: tuple[float, float]) -> None:
    """"DỰ THẢO" across the page, light, behind nothing the reader needs."""
    w, h = pagesize
    canv.saveState()
    canv.setFillColor(_DRAFT_GREY)
    canv.setFont(font_name("bold"), 96)
    canv.translate(w / 2, h / 2)
    canv.rotate(35)
    canv.drawCentredString(0, -34, DRAFT_MARK)
    canv.restoreState()


class _Pages:
    """Page numbers (from page 2, centred in the top margin) and the draft mark."""

    def __init__(self, style: PageStyle, pagesize: tuple[float, float], draft: bool) -> None:
        self.pages = 0
        self.style = style
        self.pagesize = pagesize
        self.draft = draft

    def __call__(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.pages = canv.getPageNumber()
        if self.draft:
            _draft_mark(canv, self.pagesize)
        if self.pages < 2:
            return
        size = self.style.page_number_size
        canv.saveState()
        canv.setFont(font_name("regular"), size)
        canv.setFillColor(black)
        y = self.pagesize[1] - self.style.margin_top * mm / 2 - size * 0.35
        canv.drawCentredString(self.pagesize[0] / 2, y, str(self.pages))
        canv.restoreState()


def _metadata(canv: Canvas, *, title: str, author: str, subject: str, keywords: Sequence[str]) -> None:
    canv.setTitle(title)
    canv.setAuthor(author)
    canv.setSubject(subject)
    canv.setCreator("TĐKT Desktop")
    canv.setKeywords(", ".join(keywords))


class _ContinuedRows(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The last rows of a table that go with the signature: printed under the table's header row when they
    start a new page (a table continued on a page always shows its header), without it when they follow the
    rest of the table on the same page."""

    def __init__(self, headed: Table, plain: Table) -> None:
        super().__init__()
        self.headed, self.plain = headed, plain
        self.chosen = plain

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self.chosen = self.headed if frame is not None and frame._atTop else self.plain
        return self.chosen.wrap(avail_width, avail_height)  # type: ignore[no-any-return]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.chosen.drawOn(canvas, x, y, _sW)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self.chosen.split(avail_width, avail_height)  # type: ignore[no-any-return]

    def getSpaceAfter(self) -> float:
        return self.chosen.getSpaceAfter()  # type: ignore[no-any-return]


class _Flow:
    """Model nodes → flowables."""

    def __init__(self, doc: Document, frame_width: float) -> None:
        self.doc = doc
        self.frame_width = frame_width
        self._styles: dict[tuple[Any, ...], ParagraphStyle] = {}

    def style(self, p: Para) -> ParagraphStyle:
        key = (p.size, p.bold, p.italic, p.align, p.indent, p.left_indent, p.space_after, p.space_before, p.leading,
               p.color)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                name=f"s{len(self._styles)}", fontName=font_name(bold=p.bold, italic=p.italic), fontSize=p.size,
                leading=p.leading, alignment=_ALIGN[p.align], firstLineIndent=p.indent, leftIndent=p.left_indent,
                spaceAfter=p.space_after, spaceBefore=p.space_before, textColor=color(p.color), allowWidows=0,
                allowOrphans=0,
            )
        return self._styles[key]

    def para(self, p: Para) -> Paragraph:
        flow = Paragraph(p.text, self.style(p))
        flow.keepWithNext = p.keep_with_next
        return flow

    def cell(self, cell: Cell, size: float, leading: float) -> Paragraph:
        return Paragraph(cell.text, self.style(Para(cell.text, size=size, bold=cell.bold, italic=cell.italic,
                                                    align=cell.align, space_after=0, leading=leading)))

    def grid(self, g: Grid, rows: Sequence[Sequence[Cell]] | None = None, *, repeat: bool = True) -> Table:
        rows = g.rows if rows is None else rows
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if repeat and g.header_rows:
            commands.append(("VALIGN", (0, 0), (-1, g.header_rows - 1), "MIDDLE"))
        for r, row in enumerate(rows):
            out: list[Any] = []
            c = 0
            for cell in row:
                out.append(self.cell(cell, g.size, g.leading))
                if cell.span > 1:
                    commands.append(("SPAN", (c, r), (c + cell.span - 1, r)))
                    out += [""] * (cell.span - 1)
                c += cell.span
            out += [""] * (len(g.widths) - len(out))
            data.append(out)
        table = Table(data, colWidths=g.widths, repeatRows=g.header_rows if repeat else 0, hAlign="CENTER",
                      splitByRow=1)
        table.setStyle(TableStyle(commands))
        return table

    def columns(self, c: Columns) -> Table:
        data = [[[self.node(x) for x in cell] or [Spacer(1, 1)] for cell in row] for row in c.rows]
        table = Table(data, colWidths=c.widths)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), c.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), c.padding),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        return table

    def node(self, n: Node) -> Flowable:
        if isinstance(n, Para):
            return self.para(n)
        if isinstance(n, Gap):
            return Spacer(1, n.height)
        if isinstance(n, Rule):
            return ShortRule(n.length, space_before=n.space_before, space_after=n.space_after)
        if isinstance(n, Header):
            return HeaderBlock(style=self.doc.style, parent=n.parent, issuer=n.issuer, number_text=n.number_text,
                               place_date=n.place_date, national=n.national, excerpt=plain(n.excerpt))
        if isinstance(n, PageBreakNode):
            return PageBreak()
        if isinstance(n, Grid):
            return self.grid(n)
        if isinstance(n, Columns):
            return self.columns(n)
        raise TypeError(f"unknown node {n!r}")

    def _grid_head_height(self, g: Grid, rows: int) -> float:
        """Height of the header rows and the first ``rows`` data rows of a grid."""
        part = self.grid(g, g.rows[: g.header_rows + rows], repeat=False)
        _w, h = part.wrap(self.frame_width, 10_000)
        return float(h)

    def story(self) -> list[Flowable]:
        nodes = self.doc.nodes
        story: list[Flowable] = []
        i = 0
        while i < len(nodes):
            n = nodes[i]
            if isinstance(n, Columns) and n.role in ("closing", "signatures"):
                story = self._with_tail(story, n)
                i += 1
                continue
            if isinstance(n, Para) and n.keep_with_next:
                # a heading (and the title lines) stay with what follows; before a long table, with its header
                # and first rows only — never the whole table, which would leave the page's foot blank
                run = [n]
                j = i + 1
                while j < len(nodes) and isinstance(nodes[j], Para) and nodes[j].keep_with_next:  # type: ignore[union-attr]
                    run.append(nodes[j])  # type: ignore[arg-type]
                    j += 1
                if j < len(nodes) and isinstance(nodes[j], Grid):
                    grid = nodes[j]
                    assert isinstance(grid, Grid)
                    need = sum(self.para(p).wrap(self.frame_width, 10_000)[1] + p.space_before + p.space_after
                               for p in run)
                    data_rows = len(grid.rows) - grid.header_rows
                    need += self._grid_head_height(grid, min(1, data_rows))
                    story.append(CondPageBreak(need))
                    for p in run:
                        flow = self.para(p)
                        flow.keepWithNext = False
                        flow._tdkt_heading = True  # goes wherever its table goes
                        story.append(flow)
                    i = j
                    continue
            story.append(self.node(n))
            i += 1
        return story

    def _with_tail(self, story: list[Flowable], closing: Columns) -> list[Flowable]:
        """The signature block takes the end of what precedes it onto its page: the last rows of a table (the
        whole table when it is short), or the last paragraph with the heading above it."""
        made: list[Flowable] = [Spacer(1, closing.space_before), self.columns(closing)]
        if not story:
            return made
        # the model node the story ends with, ignoring gaps
        tail: list[Flowable] = []
        while story and isinstance(story[-1], Spacer) and not isinstance(story[-1], ShortRule):
            tail.insert(0, story.pop())
        if not story:
            return tail + made
        last = story[-1]
        grid = getattr(last, "_tdkt_grid", None)
        if grid is not None:
            story.pop()
            keep = 2 if grid.rows and grid.rows[-1] and grid.rows[-1][0].bold and grid.rows[-1][0].span > 1 else 1
            data_rows = len(grid.rows) - grid.header_rows
            if data_rows <= keep + 1:
                tail.insert(0, last)  # a short table goes whole with the signature, and its heading with it
                while story and getattr(story[-1], "_tdkt_heading", False):
                    tail.insert(0, story.pop())
            else:
                cut = len(grid.rows) - keep
                head = self.grid(grid, grid.rows[:cut])
                rest = Grid(widths=grid.widths, rows=grid.rows[cut:], size=grid.size, header_rows=0,
                            leading=grid.leading)
                headed = Grid(widths=grid.widths, rows=[*grid.rows[: grid.header_rows], *grid.rows[cut:]],
                              size=grid.size, header_rows=grid.header_rows, leading=grid.leading)
                story.append(head)
                tail.insert(0, _ContinuedRows(self.grid(headed), self.grid(rest, repeat=False)))
        elif isinstance(last, Paragraph):
            story.pop()
            tail.insert(0, last)
            while story and isinstance(story[-1], Paragraph) and story[-1].keepWithNext:
                tail.insert(0, story.pop())
        return [*story, KeepTogether(tail + made)]


def _tag_grids(flow: _Flow) -> None:
    original = flow.grid

    def grid(g: Grid, rows: Sequence[Sequence[Cell]] | None = None, *, repeat: bool = True) -> Table:
        table = original(g, rows, repeat=repeat)
        if rows is None:
            table._tdkt_grid = g
        return table

    flow.grid = grid  # type: ignore[method-assign]


def write_pdf(document: Document, out: BinaryIO) -> int:
    """Lay the document out into ``out``; returns the number of pages."""
    pagesize = landscape(A4) if document.landscape else portrait(A4)
    top, bottom, left, right = document.style.margins
    pages = _Pages(document.style, pagesize, document.draft)
    doc = BaseDocTemplate(
        out, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=document.title, author=document.author, subject=document.subject, creator="TĐKT Desktop",
        keywords=", ".join(document.keywords), invariant=False, lang="vi-VN", initialFontName=FAMILY,
    )
    frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=pages)])
    flow = _Flow(document, frame._width)
    _tag_grids(flow)
    story = flow.story()
    doc.build(story)
    return pages.pages


# --------------------------------------------------------------------------- certificates


def draw_certificates(model: CertificateSet, out: BinaryIO) -> int:
    """Draw every certificate page (border on plain paper; offsets on stock). Returns the page count."""
    from tdkt_desktop.printing.certificates import draw_border

    canv = Canvas(out, pagesize=model.pagesize, invariant=False, lang="vi-VN", initialFontName=FAMILY)
    _metadata(canv, title=model.title, author=model.author, subject=model.subject, keywords=model.keywords)
    _w, page_h = model.pagesize
    for page in model.pages:
        if model.border is not None:
            draw_border(canv, model.pagesize, model.border)
        if model.draft:
            _draft_mark(canv, model.pagesize)
        canv.saveState()
        canv.translate(model.offsets[0], -model.offsets[1])
        for e in page.elements:
            if e.omitted:
                continue
            if e.rule:
                cx = e.x + e.width / 2
                y = page_h - e.top
                canv.setStrokeColor(black)
                canv.setLineWidth(0.8)
                canv.line(cx - e.rule / 2, y, cx + e.rule / 2, y)
                continue
            style = ParagraphStyle(name=e.id or "e", fontName=font_name(bold=e.bold, italic=e.italic),
                                   fontSize=e.size, leading=e.leading, alignment=_ALIGN[e.align],
                                   textColor=color(e.color))
            for k, line in enumerate(e.lines):
                p = Paragraph(line, style)
                _pw, ph = p.wrap(e.width + 1, e.leading * 2)
                p.drawOn(canv, e.x, page_h - e.top - e.leading * (k + 1) - (ph - e.leading))
        canv.restoreState()
        canv.showPage()
    canv.save()
    return len(model.pages)


def _signed(value: float) -> str:
    """ "+2,5", "-1,0", "0,0": a shift in millimetres with its sign and a decimal comma."""
    from tdkt_desktop.core.text import format_number

    return ("+" if value > 0 else "") + format_number(value, decimals=1)


def calibration_pdf(out: BinaryIO, *, offsets_mm: tuple[float, float], preprinted: Sequence[str] = ()) -> int:
    """A calibration page for certificate stock: crosses and scales at known places, shifted by the printer's
    offsets. Printed on plain paper laid over a sheet of stock, it shows how far to move (in mm)."""
    w, h = landscape(A4)
    canv = Canvas(out, pagesize=(w, h), invariant=False, lang="vi-VN", initialFontName=FAMILY)
    _metadata(canv, title="Trang căn chỉnh máy in phôi", author="TĐKT Desktop",
              subject="Căn chỉnh độ lệch khi in lên phôi giấy khen, bằng", keywords=["calibration"])
    dx, dy = offsets_mm
    canv.saveState()
    canv.translate(dx * mm, -dy * mm)
    canv.setStrokeColor(black)
    canv.setFillColor(black)
    marks = [(20, 20), (w / mm - 20, 20), (20, h / mm - 20), (w / mm - 20, h / mm - 20), (w / mm / 2, h / mm / 2)]
    for x_mm, y_mm in marks:
        x, y = x_mm * mm, h - y_mm * mm
        canv.setLineWidth(0.4)
        canv.line(x - 8 * mm, y, x + 8 * mm, y)
        canv.line(x, y - 8 * mm, x, y + 8 * mm)
        canv.circle(x, y, 3 * mm)
        canv.setFont(font_name("regular"), 8)
        canv.drawString(x + 1.5 * mm, y + 1.5 * mm, f"({x_mm:.0f}; {y_mm:.0f}) mm")
        for k in range(-5, 6):  # scales, one tick a millimetre, longer every 5
            tick = 2.5 * mm if k % 5 == 0 else 1.2 * mm
            canv.line(x + k * mm, y - 8 * mm, x + k * mm, y - 8 * mm - tick)
            canv.line(x - 8 * mm, y + k * mm, x - 8 * mm - tick, y + k * mm)
    canv.setFont(font_name("bold"), 14)
    canv.drawCentredString(w / 2, h - 40 * mm, "TRANG CĂN CHỈNH MÁY IN PHÔI")
    canv.setFont(font_name("regular"), 11)
    lines = [
        f"Độ lệch đang dùng: ngang {_signed(dx)} mm (dương: sang phải), dọc {_signed(dy)} mm (dương: xuống dưới).",
        "In trang này lên giấy trắng, đặt chồng lên một tờ phôi rồi soi: tâm mỗi dấu thập phải rơi đúng vào vị trí",
        "ghi bên cạnh (tính từ mép trái và mép trên tờ giấy). Đo khoảng lệch bằng vạch chia (mỗi vạch 1 mm)",
        "và nhập vào ô Lệch X, Lệch Y của máy in này, rồi in lại trang căn chỉnh để kiểm tra.",
    ]
    if preprinted:
        lines.append("Phần đã in sẵn trên phôi (không in lại): " + ", ".join(preprinted) + ".")
    for k, line in enumerate(lines):
        canv.drawCentredString(w / 2, h - 52 * mm - k * 6 * mm, line)
    canv.restoreState()
    canv.showPage()
    canv.save()
    return 1
