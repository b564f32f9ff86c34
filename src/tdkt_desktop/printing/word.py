"""The document model as a Word file (python-docx), so that an office can edit a document before it is signed.

The same nodes as the PDF, in Word's own terms: A4 sections with the decree's margins, Times New Roman, the
two header blocks as a table without borders (the rules under the issuing body and the motto are paragraph
borders of their exact length), ruled tables whose header rows repeat on every page, the signature block and
Nơi nhận side by side in a borderless table kept on the page of the text before it, page numbers from page 2
centred in the header, and "DỰ THẢO" at the top of a draft.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from tdkt_desktop.printing.fonts import font_name, register_fonts
from tdkt_desktop.printing.layout import HeaderBlock, fit_line, line_pitch
from tdkt_desktop.printing.model import (
    CertificateSet,
    Columns,
    Document,
    Gap,
    Grid,
    Header,
    PageBreak,
    Para,
    Rule,
    plain,
    runs,
)

__all__ = ["FONT", "write_certificates", "write_document"]

FONT = "Times New Roman"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_RED = RGBColor(0xD8, 0x10, 0x1C)
_PT_PER_MM = 72 / 25.4


def _base(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)


def _section(doc: Any, *, landscape: bool, margins_mm: tuple[float, float, float, float], first: bool = True) -> Any:
    from docx.enum.section import WD_SECTION

    section = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    top, bottom, left, right = margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(top / 2 - 3)
    return section


def _format(p: Any, *, align: str = "left", indent: float = 0, left_indent: float = 0, before: float = 0,
            after: float = 0, leading: float = 0, keep: bool = False) -> None:
    pf = p.paragraph_format
    pf.alignment = _ALIGN[align]
    pf.first_line_indent = Pt(indent) if indent else None
    pf.left_indent = Pt(left_indent) if left_indent else None
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if leading:
        pf.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        pf.line_spacing = Pt(leading)
    pf.keep_with_next = keep
    pf.widow_control = True


def _add_runs(p: Any, markup: str, *, size: float, bold: bool = False, italic: bool = False,
              color: RGBColor | None = None) -> None:
    for r in runs(markup, bold=bold, italic=italic):
        if r.newline:
            p.add_run().add_break()
        if not r.text:
            continue
        run = p.add_run(r.text)
        run.font.name = FONT
        run.font.size = Pt(size)
        run.bold = r.bold
        run.italic = r.italic
        if color is not None:
            run.font.color.rgb = color


def _para(container: Any, n: Para, *, keep: bool | None = None) -> Any:
    p = container.add_paragraph()
    _format(p, align=n.align, indent=n.indent, left_indent=n.left_indent, before=n.space_before, after=n.space_after,
            leading=n.leading, keep=n.keep_with_next if keep is None else keep)
    _add_runs(p, n.text, size=n.size, bold=n.bold, italic=n.italic, color=_RED if n.color == "red" else None)
    return p


def _gap(container: Any, height: float, *, keep: bool = False) -> Any:
    p = container.add_paragraph()
    _format(p, after=0, keep=keep)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(max(1.0, height))
    run = p.add_run("")
    run.font.size = Pt(1)
    return p


def _bottom_border(p: Any, *, size_eighths: int = 5) -> None:
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    ppr.append(borders)


def _rule(container: Any, length: float, width: float, *, after: float = 0, keep: bool = True) -> Any:
    """A centred line of ``length`` points in a column ``width`` wide: a paragraph border between indents."""
    p = container.add_paragraph()
    side = max(0.0, (width - length) / 2)
    _format(p, left_indent=side, after=after, keep=keep)
    p.paragraph_format.right_indent = Pt(side)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(3)
    run = p.add_run("")
    run.font.size = Pt(2)
    _bottom_border(p)
    return p


def _no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _all_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _cell_margins(table: Any, side_pt: float, top_pt: float = 0) -> None:
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top_pt), ("left", side_pt), ("bottom", top_pt), ("right", side_pt)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(value * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.append(mar)


def _table(container: Any, rows: int, widths: Sequence[float]) -> Any:
    table = container.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Pt(w)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(w * 20)))
    return table


def _clear(cell: Any) -> None:
    """An empty cell (python-docx gives each a first paragraph): remove it before adding ours."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


# --------------------------------------------------------------------------- nodes


class _Writer:
    def __init__(self, doc: Any, model: Document, frame_width: float) -> None:
        self.doc = doc
        self.model = model
        self.frame_width = frame_width

    def header(self, n: Header) -> None:
        st = self.model.style
        measure = HeaderBlock(style=st, parent=n.parent, issuer=n.issuer, number_text=n.number_text,
                              place_date=n.place_date, national=n.national, excerpt=plain(n.excerpt))
        measure.wrap(self.frame_width, 10_000)
        if n.national:
            widths = [measure.left_w or self.frame_width * 0.0001, self.frame_width - (measure.left_w or 0.0001)]
        else:
            widths = [measure.left_w, self.frame_width - measure.left_w]
        table = _table(self.doc, 2 if (n.number_text is not None or n.place_date is not None) else 1, widths)
        _no_borders(table)
        _cell_margins(table, 0)
        left, right = table.rows[0].cells
        for cell in (left, right):
            _clear(cell)
        if n.national:
            left.add_paragraph()
        else:
            for i, line in enumerate(measure.left):
                p = left.add_paragraph()
                _format(p, align="center", leading=line.size * 1.15)
                _add_runs(p, line.text, size=line.size, bold=i >= measure.n_parent)
            issuer_lines = measure.left[measure.n_parent:]
            if issuer_lines:
                _rule(left, 0.4 * max(line.width for line in issuer_lines), widths[0], keep=False)
        for line in measure.right:
            p = right.add_paragraph()
            _format(p, align="center", leading=line.size * 1.15)
            _add_runs(p, line.text, size=line.size, bold=True)
        _rule(right, measure.right[-1].width, widths[1], keep=False)
        if len(table.rows) > 1:
            left, right = table.rows[1].cells
            for cell in (left, right):
                _clear(cell)
            p = left.add_paragraph()
            _format(p, align="center", before=6)
            if n.number_text is not None and not n.national:
                _add_runs(p, n.number_text, size=st.number_size)
            for i, text in enumerate(measure.excerpt_lines):
                p = left.add_paragraph()
                _format(p, align="center", before=6 if i == 0 else 0, leading=line_pitch(st.excerpt_size))
                _add_runs(p, escape(text), size=st.excerpt_size)
            if n.place_date is not None:
                p = right.add_paragraph()
                _format(p, align="center", before=6)
                lines, size = fit_line(n.place_date, font_name("italic"), st.date_size, 13.0, widths[1] - 2 * _PT_PER_MM)
                _add_runs(p, "<br/>".join(lines), size=size, italic=True)
            else:
                right.add_paragraph()

    def grid(self, g: Grid, *, keep_last: int = 0) -> None:
        table = _table(self.doc, len(g.rows), g.widths)
        _all_borders(table)
        _cell_margins(table, 3, 1.5)
        for r, row in enumerate(g.rows):
            cells = table.rows[r].cells
            c = 0
            for cell in row:
                target = cells[c]
                if cell.span > 1:
                    target = target.merge(cells[c + cell.span - 1])
                _clear(target)
                p = target.add_paragraph()
                keep = r >= len(g.rows) - keep_last
                _format(p, align=cell.align, leading=g.leading, keep=keep)
                _add_runs(p, cell.text, size=g.size, bold=cell.bold, italic=cell.italic)
                target.vertical_alignment = (WD_CELL_VERTICAL_ALIGNMENT.CENTER if r < g.header_rows
                                             else WD_CELL_VERTICAL_ALIGNMENT.TOP)
                c += cell.span
            while c < len(g.widths):
                _clear(cells[c])
                cells[c].add_paragraph()
                c += 1
            if r < g.header_rows:
                _repeat_header(table.rows[r])
            _cant_split(table.rows[r])
        self.doc.add_paragraph().paragraph_format.space_after = Pt(max(0.0, g.space_after - 1))

    def columns(self, c: Columns, *, keep: bool) -> None:
        if c.space_before:
            _gap(self.doc, c.space_before, keep=True)
        table = _table(self.doc, len(c.rows), c.widths)
        _no_borders(table)
        _cell_margins(table, c.padding)
        for r, row in enumerate(c.rows):
            _cant_split(table.rows[r])
            for target, content, width in zip(table.rows[r].cells, row, c.widths, strict=True):
                _clear(target)
                if not content:
                    target.add_paragraph()
                for node in content:
                    if isinstance(node, Para):
                        _para(target, node, keep=keep or node.keep_with_next)
                    elif isinstance(node, Rule):
                        _rule(target, node.length, width - 2 * c.padding, after=node.space_after, keep=keep)
                    else:
                        _gap(target, node.height, keep=keep)

    def write(self) -> None:
        nodes = self.model.nodes
        for i, n in enumerate(nodes):
            following = nodes[i + 1] if i + 1 < len(nodes) else None
            before_sign = isinstance(following, Columns) and following.role in ("closing", "signatures")
            if isinstance(n, Para):
                _para(self.doc, n, keep=n.keep_with_next or before_sign)
            elif isinstance(n, Gap):
                _gap(self.doc, n.height, keep=before_sign)
            elif isinstance(n, Rule):
                _rule(self.doc, n.length, self.frame_width, after=n.space_after)
            elif isinstance(n, Header):
                self.header(n)
            elif isinstance(n, PageBreak):
                self.doc.add_page_break()
            elif isinstance(n, Grid):
                self.grid(n, keep_last=1 if before_sign else 0)
            elif isinstance(n, Columns):
                self.columns(n, keep=n.role in ("closing", "signatures"))


def _page_numbers(section: Any, size: float) -> None:
    """Page numbers from page 2, centred in the top margin (the first page's header stays empty)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    _format(p, align="center")
    run = p.add_run()
    run.font.name = FONT
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _draft(doc: Any) -> None:
    p = doc.add_paragraph()
    _format(p, align="right", after=4)
    _add_runs(p, "DỰ THẢO", size=13, bold=True)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "2")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    ppr.append(borders)


def _properties(doc: Any, *, title: str, author: str, subject: str, keywords: Sequence[str]) -> None:
    props = doc.core_properties
    props.title = title
    props.author = author
    props.subject = subject
    props.keywords = ", ".join(keywords)
    props.created = props.modified = _dt.datetime.now()
    props.last_modified_by = author
    props.comments = "TĐKT Desktop"
    props.language = "vi-VN"


def write_document(model: Document, out: BinaryIO) -> None:
    register_fonts()  # the measures (header, table widths) use the printing font's metrics
    doc = new_document()
    _base(doc)
    st = model.style
    section = _section(doc, landscape=model.landscape,
                       margins_mm=(st.margin_top, st.margin_bottom, st.margin_left, st.margin_right))
    _page_numbers(section, st.page_number_size)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the default empty paragraph
        body.remove(p)
    if model.draft:
        _draft(doc)
    frame = (section.page_width - section.left_margin - section.right_margin) / 12700  # EMU → points
    _Writer(doc, model, frame).write()
    _properties(doc, title=model.title, author=model.author, subject=model.subject, keywords=model.keywords)
    doc.save(out)


def write_certificates(model: CertificateSet, out: BinaryIO) -> None:
    """One landscape page per certificate: the central block centred, then the numbers (left) and the place,
    date and signature (right) side by side; colours and sizes as on the printed certificate."""
    register_fonts()
    doc = new_document()
    _base(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    margins = (20.0, 15.0, 20.0, 20.0)
    frame = (297 - margins[2] - margins[3]) * _PT_PER_MM
    for index, page in enumerate(model.pages):
        _section(doc, landscape=True, margins_mm=margins, first=index == 0)
        if model.draft:
            _draft(doc)
        central = [e for e in page.elements if e.group is None and not e.omitted]
        cursor = margins[0] * _PT_PER_MM
        for e in central:
            if e.rule:
                _rule(doc, e.rule, frame, keep=True)
                continue
            p = doc.add_paragraph()
            gap = max(0.0, e.top - cursor)
            _format(p, align=e.align, before=gap, leading=e.leading, keep=True)
            _add_runs(p, "<br/>".join(e.lines), size=e.size, bold=e.bold, italic=e.italic,
                      color=_RED if e.color == "red" else None)
            cursor = e.bottom
        left = [e for e in page.elements if e.group == "left" and not e.omitted]
        sign = [e for e in page.elements if e.group == "sign" and not e.omitted]
        if left or sign:
            top = min(e.top for e in left + sign)
            _gap(doc, max(2.0, top - cursor), keep=True)
            table = _table(doc, 1, [frame * 0.5, frame * 0.5])
            _no_borders(table)
            _cell_margins(table, 0)
            for cell, items in zip(table.rows[0].cells, (left, sign), strict=True):
                _clear(cell)
                here = top
                for e in sorted(items, key=lambda x: x.top):
                    p = cell.add_paragraph()
                    _format(p, align=e.align, before=max(0.0, e.top - here), leading=e.leading, keep=True)
                    _add_runs(p, "<br/>".join(e.lines), size=e.size, bold=e.bold, italic=e.italic,
                              color=_RED if e.color == "red" else None)
                    here = e.bottom
                if not items:
                    cell.add_paragraph()
    _properties(doc, title=model.title, author=model.author, subject=model.subject, keywords=model.keywords)
    doc.save(out)
