"""Word output: every template as .docx, read back — page size and margins, fonts and sizes, the header blocks
as a borderless table, repeated table headers, the signature block, Nơi nhận, page numbers from page 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tdkt_desktop.printing import render
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.printing.samples import SAMPLE_NAMES, long_danh_sach, sample_context

LANDSCAPE = {"danh_sach", "giay_khen", "bang_cstdcs", "bieu_0601N", "bieu_0603N", "trich_so_vang"}
CERTIFICATES = {"giay_khen", "bang_cstdcs"}


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docx")
    made = {}
    for name in SAMPLE_NAMES:
        made[name] = out / f"{name}.docx"
        info = render(name, sample_context(name), made[name])
        assert info.format == "docx"
    return made


def _all_text(doc: Document) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return " ".join(" ".join(parts).split())


def _runs(doc: Document) -> list:
    found = [r for p in doc.paragraphs for r in p.runs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [r for p in cell.paragraphs for r in p.runs]
    return found


def test_page_size_margins_and_orientation(docs: dict[str, Path]) -> None:
    for name, path in docs.items():
        doc = Document(str(path))
        assert path.read_bytes()[:2] == b"PK"
        for section in doc.sections:
            w, h = section.page_width.mm, section.page_height.mm
            assert (round(w), round(h)) == ((297, 210) if name in LANDSCAPE else (210, 297)), name
            if name not in CERTIFICATES:
                assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
                assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15


def test_fonts_are_times_new_roman_and_sizes_follow_the_decree(docs: dict[str, Path]) -> None:
    for name, path in docs.items():
        doc = Document(str(path))
        assert doc.styles["Normal"].font.name == "Times New Roman"
        runs = [r for r in _runs(doc) if r.text.strip()]
        assert runs and all(r.font.name == "Times New Roman" for r in runs), name
    doc = Document(str(docs["to_trinh"]))
    runs = {r.text: r for r in _runs(doc) if r.text.strip()}
    assert runs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].bold and runs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].font.size.pt == 13
    assert runs["Độc lập - Tự do - Hạnh phúc"].font.size.pt == 14
    assert runs["TỜ TRÌNH"].bold and runs["TỜ TRÌNH"].font.size.pt == 14
    assert runs["Nơi nhận:"].bold and runs["Nơi nhận:"].italic and runs["Nơi nhận:"].font.size.pt == 12
    assert runs["- Lưu: VT, VP."].font.size.pt == 11
    assert runs["Tân Phú, ngày 05 tháng 01 năm 2026"].italic


def test_header_is_a_borderless_table_with_rules(docs: dict[str, Path]) -> None:
    doc = Document(str(docs["to_trinh"]))
    header = doc.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(el.get(qn("w:val")) == "nil" for el in borders)
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "ỦY BAN NHÂN DÂN" in left and "PHƯỜNG TÂN PHÚ" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    number, date = (cell.text for cell in header.rows[1].cells)
    assert number == "Số: 05/TTr-UBND" and date == "Tân Phú, ngày 05 tháng 01 năm 2026"
    # the two rules are paragraph borders (the motto's as long as the motto)
    rules = [p for cell in header.rows[0].cells for p in cell.paragraphs
             if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert len(rules) == 2


def test_text_matches_the_pdf_version(docs: dict[str, Path]) -> None:
    text = _all_text(Document(str(docs["to_trinh"])))
    for expected in ("TỜ TRÌNH", "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Cần Thơ.",
                     "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "xem xét, quyết định./.",
                     "Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Minh"):
        assert expected in text
    qd = _all_text(Document(str(docs["quyet_dinh"])))
    assert "Điều 1." in qd and "Điều 3." in qd and "Tổng cộng" in qd
    cert = _all_text(Document(str(docs["giay_khen"])))
    assert "GIẤY KHEN" in cert and "Võ Thị Ngọc Hân" in cert and "Số sổ vàng" in cert


def test_tables_repeat_header_rows_and_signature_stays_with_text(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    render("danh_sach", long_danh_sach(60), path)
    doc = Document(str(path))
    grid = next(t for t in doc.tables if "STT" in t.rows[0].cells[0].text)
    header_pr = grid.rows[0]._tr.trPr
    assert header_pr is not None and header_pr.find(qn("w:tblHeader")) is not None
    assert len(grid.rows) == 1 + 1 + 60  # header, section, rows
    last = grid.rows[-1].cells[0].paragraphs[0]
    assert last.paragraph_format.keep_with_next  # the last row keeps with the signature block
    closing = doc.tables[-1]
    assert "Trần Văn Minh" in closing.rows[0].cells[-1].text or "Lê Thị Mỹ Duyên" in closing.rows[0].cells[-1].text


def test_page_numbers_from_page_two(docs: dict[str, Path]) -> None:
    section = Document(str(docs["quyet_dinh"])).sections[0]
    assert section.different_first_page_header_footer
    xml = section.header._element.xml
    assert "PAGE" in xml and "fldChar" in xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_draft_docx_is_marked(tmp_path: Path) -> None:
    ctx = sample_context("to_trinh")
    ctx.pop("number")
    render("to_trinh", ctx, tmp_path / "d.docx", draft=True)
    doc = Document(str(tmp_path / "d.docx"))
    assert doc.paragraphs[0].text == "DỰ THẢO"
    assert "Số: /TTr-UBND" in " ".join(_all_text(doc).split())


def test_extension_chooses_and_unknown_is_refused(tmp_path: Path) -> None:
    assert render("to_trinh", sample_context("to_trinh"), tmp_path / "a.pdf").format == "pdf"
    assert render("to_trinh", sample_context("to_trinh"), tmp_path / "a.DOCX").format == "docx"
    with pytest.raises(PrintError, match="docx"):
        render("to_trinh", sample_context("to_trinh"), tmp_path / "a.odt")
    assert not (tmp_path / "a.odt").exists()
