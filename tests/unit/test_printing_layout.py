"""The printed page measured: page size, margins, header positions, page numbers, tables across pages,
certificate colours and stock printing, and golden page images.

Golden images: ``tests/fixtures/golden/<template>.png`` (first page, ``pdftoppm -r 50``). Regenerate with
``TDKT_UPDATE_GOLDEN=1 pytest tests/unit/test_printing_layout.py`` after a deliberate layout change, and look
at every image before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from tdkt_desktop.printing import render
from tdkt_desktop.printing.fonts import register_fonts
from tdkt_desktop.printing.samples import SAMPLE_NAMES, sample_context

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) not installed",
)

MM = 72 / 25.4
A4 = (595.28, 841.89)
GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page, points
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def words(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) of each page, from ``pdftotext -bbox``."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        ws = [
            Word(unescape(w[4]), float(w[0]), float(w[1]), float(w[2]), float(w[3]))
            for w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', m.group(3)
            )
        ]
        pages.append((float(m.group(1)), float(m.group(2)), ws))
    return pages


def phrase(ws: list[Word], text: str) -> list[Word]:
    """The consecutive words that spell ``text``."""
    parts = text.split()
    for i in range(len(ws) - len(parts) + 1):
        if [w.text for w in ws[i : i + len(parts)]] == parts:
            return ws[i : i + len(parts)]
    raise AssertionError(f"{text!r} not on the page")


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


@pytest.fixture(scope="module")
def pdfs(sample_pdfs: dict[str, tuple[Path, object]]) -> dict[str, Path]:
    return {name: path for name, (path, _info) in sample_pdfs.items()}


# --------------------------------------------------------------------------- page and margins


def test_page_size_and_orientation(pdfs: dict[str, Path]) -> None:
    landscape = {"danh_sach", "giay_khen", "bang_cstdcs", "bieu_0601N", "bieu_0603N", "trich_so_vang", "long"}
    for name, path in pdfs.items():
        for page in PdfReader(path).pages:
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            expected = (A4[1], A4[0]) if name in landscape else A4
            assert (w, h) == pytest.approx(expected, abs=0.5), name


def test_text_stays_inside_the_decree_margins(pdfs: dict[str, Path]) -> None:
    for name, path in pdfs.items():
        if name in ("giay_khen", "bang_cstdcs"):
            continue
        for number, (w, h, ws) in enumerate(words(path), start=1):
            assert min(x.x0 for x in ws) >= 30 * MM - 0.5, (name, number)  # left ≥ 30 mm
            assert max(x.x1 for x in ws) <= w - 15 * MM + 0.5, (name, number)  # right ≥ 15 mm
            body = [x for x in ws if x.y0 > 20 * MM - 1]  # the page number lives in the top margin
            assert min(x.y0 for x in body) >= 20 * MM - 1, (name, number)
            assert max(x.y1 for x in ws) <= h - 20 * MM + 1, (name, number)  # bottom ≥ 20 mm


def test_header_blocks(pdfs: dict[str, Path]) -> None:
    w, _h, ws = words(pdfs["to_trinh"])[0]
    qh = phrase(ws, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tn = phrase(ws, "Độc lập - Tự do - Hạnh phúc")
    issuer = phrase(ws, "PHƯỜNG TÂN PHÚ")
    number = phrase(ws, "Số: 05/TTr-UBND")
    date = phrase(ws, "Tân Phú, ngày 05 tháng 01 năm 2026")
    qh_x0, qh_x1 = qh[0].x0, qh[-1].x1
    # the Quốc hiệu: right block, centred right of the page's middle, clear of the issuing body
    assert (qh_x0 + qh_x1) / 2 > w / 2
    assert qh_x0 > max(x.x1 for x in issuer)
    assert 20 * MM <= qh[0].y0 <= 25 * MM
    # the Tiêu ngữ centred under it
    assert (tn[0].x0 + tn[-1].x1) / 2 == pytest.approx((qh_x0 + qh_x1) / 2, abs=1.5)
    assert tn[0].y0 > qh[0].y1 - 1
    # the issuing body at the left, at the same height as the national title's second line
    assert issuer[0].x0 >= 30 * MM - 0.5 and issuer[-1].x1 < w / 2
    # number (left) and place-date (right, italic) on one line
    assert number[0].y1 == pytest.approx(date[0].y1, abs=1.5)
    assert number[-1].x1 < date[0].x0
    assert (date[0].x0 + date[-1].x1) / 2 == pytest.approx((qh_x0 + qh_x1) / 2, abs=1.5)
    # the document type centred in the text block, below the header
    title = phrase(ws, "TỜ TRÌNH")
    centre = (30 * MM + w - 15 * MM) / 2
    assert (title[0].x0 + title[-1].x1) / 2 == pytest.approx(centre, abs=1.5)
    assert title[0].y0 > date[0].y1


def test_body_is_justified_with_first_line_indent(pdfs: dict[str, Path]) -> None:
    _w, _h, ws = words(pdfs["to_trinh"])[0]
    first = phrase(ws, "Căn cứ Luật Thi")[0]
    assert first.x0 == pytest.approx(30 * MM + 1.27 / 2.54 * 72, abs=1)
    # continuation lines start at the margin and full lines end at the right margin
    lefts = sorted({round(x.x0) for x in ws})
    assert round(30 * MM) in lefts


def test_page_numbers_from_page_two(pdfs: dict[str, Path]) -> None:
    path = pdfs["long"]
    pages = words(path)
    assert len(pages) >= 3
    w, _h, first = pages[0]
    assert not [x for x in first if x.y1 < 20 * MM]  # nothing in page 1's top margin
    for number, (w, _h, ws) in enumerate(pages[1:], start=2):
        top = [x for x in ws if x.y1 < 20 * MM]
        assert [x.text for x in top] == [str(number)]
        assert top[0].cx == pytest.approx(w / 2, abs=2)


def test_long_table_repeats_its_header_row(pdfs: dict[str, Path]) -> None:
    path = pdfs["long"]
    count = len(PdfReader(path).pages)
    assert count >= 3
    for page in range(1, count + 1):
        text = page_text(path, page)
        assert "Tóm tắt thành tích" in text and "STT" in text, page
    assert "Trần Văn Minh" in page_text(path, count)  # the signature closes the last page
    last = words(path)[-1][2]
    rows = [x for x in last if x.text.isdigit() and x.y1 > 20 * MM]
    assert rows, "the signature never stands alone on the last page"


# --------------------------------------------------------------------------- certificates


def raster(pdf: Path, out: Path, *, dpi: int = 40, page: int = 1) -> object:
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(out)], check=True)
    return Image.open(f"{out}.png").convert("RGB")


def pixels(img: object) -> list[tuple[int, ...]]:
    data = img.tobytes()  # type: ignore[attr-defined]
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]


def red_pixels(img: object, box: tuple[int, int, int, int]) -> int:
    return sum(1 for r, g, b in pixels(img.crop(box)) if r > 150 and g < 90 and b < 90)  # type: ignore[attr-defined]


def dark_pixels(img: object, box: tuple[int, int, int, int]) -> int:
    return sum(1 for r, g, b in pixels(img.crop(box)) if r < 90 and g < 90 and b < 90)  # type: ignore[attr-defined]


def band(ws: list[Word], text: str, dpi: int) -> tuple[int, int, int, int]:
    found = phrase(ws, text)
    k = dpi / 72
    return (int(found[0].x0 * k), int(min(x.y0 for x in found) * k), int(found[-1].x1 * k) + 1,
            int(max(x.y1 for x in found) * k) + 1)


def test_certificate_colours(pdfs: dict[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    for name, award in (("giay_khen", "GIẤY KHEN"), ("bang_cstdcs", "CHIẾN SĨ THI ĐUA CƠ SỞ")):
        img = raster(pdfs[name], tmp_path / name, dpi=60)
        ws = words(pdfs[name])[0][2]
        decider = band(ws, "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ", 60)
        assert red_pixels(img, decider) > 50, name
        assert red_pixels(img, band(ws, award, 60)) > 100, name
        for black_text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"):
            box = band(ws, black_text, 60)
            assert red_pixels(img, box) == 0 and dark_pixels(img, box) > 50, (name, black_text)
        name_box = band(ws, sample_context(name)["certificates"][0]["recipient"], 60)
        assert red_pixels(img, name_box) == 0 and dark_pixels(img, name_box) > 50


def test_certificate_on_stock_omits_border_and_applies_offsets(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    plain, stock, moved = tmp_path / "plain.pdf", tmp_path / "stock.pdf", tmp_path / "moved.pdf"
    render("giay_khen", sample_context("giay_khen"), plain)
    render("giay_khen", sample_context("giay_khen"), stock, stock=True)
    render("giay_khen", sample_context("giay_khen"), moved, stock=True, offsets_mm=(5, 3))
    edge = (0, 0, 60, 30)  # the top-left corner, where the border is drawn at 40 dpi
    assert sum(1 for p in pixels(raster(plain, tmp_path / "p").crop(edge)) if p != (255, 255, 255)) > 20
    assert all(p == (255, 255, 255) for p in pixels(raster(stock, tmp_path / "s").crop(edge)))
    stock_text = page_text(stock, 1)
    assert "CỘNG HÒA" not in stock_text  # pre-printed on the stock
    assert "GIẤY KHEN" in stock_text and "Võ Thị Ngọc Hân" in stock_text
    a = phrase(words(stock)[0][2], "Võ Thị Ngọc Hân")[0]
    b = phrase(words(moved)[0][2], "Võ Thị Ngọc Hân")[0]
    assert b.x0 - a.x0 == pytest.approx(5 * MM, abs=0.3)
    assert b.y0 - a.y0 == pytest.approx(3 * MM, abs=0.3)  # positive y moves the text down


def test_certificates_one_page_each(tmp_path: Path) -> None:
    ctx = sample_context("giay_khen")
    ctx["certificates"] = ctx["certificates"] * 3
    assert render("giay_khen", ctx, tmp_path / "many.pdf").pages == 3


# --------------------------------------------------------------------------- statistical forms


def _font_sizes(pdf: Path, page: int = 0) -> list[tuple[str, float]]:
    """(text, size) of each character run of a page (pdfium), for checking the smallest type printed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = doc[page].get_textpage()
        out = []
        for i in range(text.count_chars()):
            ch = text.get_text_range(i, 1)
            if ch.strip():
                out.append((ch, float(pdfium.raw.FPDFText_GetFontSize(text.raw, i))))
        return out
    finally:
        doc.close()


def test_statistical_forms_print_in_a_statistical_frame(pdfs: dict[str, Path]) -> None:
    for name in ("bieu_0601N", "bieu_0603N"):
        w, h, ws = words(pdfs[name])[0]
        assert w > h, name  # landscape
        text = " ".join(x.text for x in ws)
        for part in ("Biểu số:", "Ban hành kèm theo", "Đơn vị báo cáo:", "Đơn vị nhận báo cáo:"):
            assert part in text, (name, part)
        assert "CỘNG HÒA" not in text and "Quốc" not in text  # not an administrative document's header
        # the form's code at the left, the reporting units at the right, the title between them
        code = phrase(ws, "Biểu số:")[0]
        reporter = phrase(ws, "Đơn vị báo cáo:")[0]
        year = phrase(ws, "Năm 2025")
        assert code.x0 < w / 3 and reporter.x0 > 2 * w / 3 - 20 and w / 3 < year[0].cx < 2 * w / 3
        flat = " ".join(page_text(pdfs[name], p) for p in (1, 2) if p <= len(words(pdfs[name])))
        assert "NGƯỜI LẬP BIỂU" in flat and "THỦ TRƯỞNG ĐƠN VỊ" in flat and "Nguyễn Thị Lan" in flat
        assert "Số liệu tính theo" not in flat and "không tính vào biểu" not in flat  # no working notes


def test_form_0603N_is_readable_and_its_year_rule_as_wide_as_the_year(pdfs: dict[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    pdf = pdfs["bieu_0603N"]
    sizes = [size for _ch, size in _font_sizes(pdf)]
    assert sizes and min(sizes) >= 9.0 - 0.05, min(sizes)  # never the 7,5 pt of before
    # the line under "Năm 2025": as long as the words, not a 25 mm minimum
    _w, _h, ws = words(pdf)[0]
    year = phrase(ws, "Năm 2025")
    x0, x1, bottom = year[0].x0, year[-1].x1, max(x.y1 for x in year)
    dpi = 144
    img = raster(pdf, tmp_path / "rule", dpi=dpi).convert("L")
    k = dpi / 72
    row = None
    for y in range(int(bottom * k) + 1, int((bottom + 10) * k)):
        dark = [x for x in range(int((x0 - 40) * k), int((x1 + 40) * k)) if img.getpixel((x, y)) < 128]
        if len(dark) > 20:
            row = dark
            break
    assert row is not None, "no line under the year"
    length = (max(row) - min(row) + 1) / k
    assert length == pytest.approx(x1 - x0, abs=3), (length, x1 - x0)


# --------------------------------------------------------------------------- golden page images


def _golden_font() -> str:
    return register_fonts().family_label


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_golden_first_page(name: str, pdfs: dict[str, Path], tmp_path: Path) -> None:
    image_mod = pytest.importorskip("PIL.Image")
    from PIL import ImageChops, ImageStat

    golden = GOLDEN / f"{name}.png"
    font_file = GOLDEN / "FONT.txt"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdfs[name]), str(tmp_path / name)],
                   check=True)
    fresh = image_mod.open(tmp_path / f"{name}.png").convert("L")
    if os.environ.get("TDKT_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        fresh.save(golden, optimize=True)
        font_file.write_text(_golden_font() + "\n", encoding="utf-8")
        return
    if not golden.is_file():
        pytest.fail(f"no golden image {golden.name}: run with TDKT_UPDATE_GOLDEN=1 and look at it")
    if font_file.is_file() and font_file.read_text(encoding="utf-8").strip() != _golden_font():
        pytest.skip("golden images were made with another font family")
    expected = image_mod.open(golden).convert("L")
    assert fresh.size == expected.size
    diff = ImageStat.Stat(ImageChops.difference(fresh, expected)).mean[0] / 255
    assert diff < 0.02, f"{name}: page differs from the golden image by {diff:.2%}"
