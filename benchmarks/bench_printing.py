"""How much the template engine costs over bare reportlab.

Renders báo cáo thành tích (personal achievement reports, two pages each) through
``tdkt_desktop.printing.render`` until N pages are made, then draws the same text with bare reportlab
platypus (same fonts, same sizes, hand-written story, no templates), and compares the time per page.

    python benchmarks/bench_printing.py [--size 1000]

``run(size)`` (``size``: pages made by each) gives the rows of ``benchmarks/common.py`` for
``benchmarks/run_all.py``.
"""

from __future__ import annotations

import io
import time
from typing import Any

import common
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tdkt_desktop.core.text import format_date, place_and_date
from tdkt_desktop.printing import render
from tdkt_desktop.printing.fonts import FAMILY, font_name, register_fonts
from tdkt_desktop.printing.samples import sample_context


def contexts(count: int) -> list[dict[str, Any]]:
    out = []
    for i in range(count):
        ctx = sample_context("bao_cao_ca_nhan")
        ctx["person"]["name"] = f"Nguyễn Thị Thu Hà {i + 1}"
        out.append(ctx)
    return out


def engine(ctx: dict[str, Any]) -> int:
    return render("bao_cao_ca_nhan", ctx, io.BytesIO()).pages


def bare(ctx: dict[str, Any]) -> int:
    """The same document written directly against reportlab."""
    body = ParagraphStyle("b", fontName=FAMILY, fontSize=14, leading=16.8, alignment=TA_JUSTIFY,
                          firstLineIndent=1.27 * cm, spaceAfter=6)
    bold = ParagraphStyle("h", parent=body, fontName=font_name("bold"))
    centre = ParagraphStyle("c", parent=bold, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0)
    italic = ParagraphStyle("i", parent=body, fontName=font_name("italic"), alignment=TA_CENTER, firstLineIndent=0)
    cell = ParagraphStyle("t", fontName=FAMILY, fontSize=13, leading=15.6)
    head = ParagraphStyle("th", parent=cell, fontName=font_name("bold"), alignment=TA_CENTER)
    p = ctx["person"]
    story: list[Any] = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centre),
        Paragraph("Độc lập - Tự do - Hạnh phúc", centre),
        Paragraph(place_and_date(ctx["place"], ctx["date"]), italic),
        Paragraph("BÁO CÁO THÀNH TÍCH", centre),
        Paragraph(ctx["award_title"].replace("\n", "<br/>"), centre),
        Spacer(1, 12),
        Paragraph("I. SƠ LƯỢC LÝ LỊCH", bold),
    ]
    for line in (
        f"- Họ và tên: <b>{p['name']}</b>",
        f"- Sinh ngày, tháng, năm: {format_date(p['birth_date'])}; giới tính: {p['gender']}",
        f"- Quê quán: {p['hometown']}",
        f"- Trú quán: {p['residence']}",
        f"- Đơn vị công tác: {p['unit']}",
        f"- Chức vụ (Đảng, chính quyền, đoàn thể): {p['position']}",
        f"- Trình độ chuyên môn, nghiệp vụ: {p['qualification']}",
    ):
        story.append(Paragraph(line, body))
    story += [Paragraph("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold),
              Paragraph("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận", bold)]
    story += [Paragraph(t, body) for t in ctx["duties"]]
    story.append(Paragraph("2. Thành tích đạt được", bold))
    story += [Paragraph(t, body) for t in ctx["achievements"]]

    def table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
        total = sum(widths)
        t = Table([[Paragraph(h, head) for h in header]] + [[Paragraph(str(c), cell) for c in r] for r in rows],
                  colWidths=[165 * mm * w / total for w in widths], repeatRows=1)
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY), ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    story.append(table(["Năm", "Tên sáng kiến", "Cấp", "Số quyết định công nhận"],
                       [[r["year"], r["name"], r["level"], r["decision"]] for r in ctx["initiatives"]],
                       [0.8, 3, 0.9, 3]))
    story.append(Paragraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold))
    story.append(table(["Năm", "Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định"],
                       [[r["year"], r["title"], r["decision"]] for r in ctx["titles"]], [0.8, 2.4, 4.5]))
    story.append(table(["Năm", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định"],
                       [[r["year"], r["form"], r["decision"]] for r in ctx["awards"]], [0.8, 2.4, 4.5]))
    story.append(Spacer(1, 12))
    story.append(Table([[Paragraph("XÁC NHẬN, ĐỀ NGHỊ", centre), Paragraph("NGƯỜI BÁO CÁO THÀNH TÍCH", centre)],
                        [Paragraph(ctx["confirmer"]["name"], centre), Paragraph(p["name"], centre)]],
                       colWidths=[82.5 * mm, 82.5 * mm], rowHeights=[90, None]))
    pages = []
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, invariant=True)
    doc.build(story, onFirstPage=lambda c, d: pages.append(1), onLaterPages=lambda c, d: pages.append(1))
    return len(pages)


def render_pages(fn: Any, ctxs: list[dict[str, Any]], target: int) -> tuple[float, int]:
    """Milliseconds taken by ``fn`` to make at least ``target`` pages, and the pages made."""
    start = time.perf_counter()
    pages = 0
    for ctx in ctxs:
        pages += fn(ctx)
        if pages >= target:
            break
    return (time.perf_counter() - start) * 1000, pages


def run(size: int = 1000) -> list[common.Row]:
    fonts = register_fonts()
    per_doc = engine(sample_context("bao_cao_ca_nhan"))
    ctxs = contexts(size // max(per_doc, 1) + 2)
    bare(ctxs[0])  # warm both paths (font subsetting caches, template loading)
    t_engine, p_engine = render_pages(engine, ctxs, size)
    t_bare, p_bare = render_pages(bare, ctxs, size)
    pages = f"{p_engine:,}"
    return [common.result(f"print: báo cáo thành tích, time per page ({pages} pages, {fonts.family_label})",
                          t_engine / p_engine, t_bare / p_bare, max_ratio=1.5)]


if __name__ == "__main__":
    raise SystemExit(common.main(run, 1000, description=__doc__.splitlines()[0]))
