"""Layouts that flow, read back from the PDF: the signature never alone on a page, long names inside the
margins and never broken inside a name, certificates that shrink then wrap and refuse what cannot fit, no
blank foot of a page before a long table, drafts marked "DỰ THẢO"."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tdkt_desktop.printing import render
from tdkt_desktop.printing.errors import PrintError
from tdkt_desktop.printing.samples import sample_context
from tests.unit.test_printing_layout import MM, Word, phrase, words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

LONG_PLACE = "Văn Miếu - Quốc Tử Giám"
LONG_WARD = {"name": "ỦY BAN NHÂN DÂN\nPHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM", "abbr": "UBND",
             "full": "Ủy ban nhân dân phường Văn Miếu - Quốc Tử Giám", "short": "UBND phường Văn Miếu - Quốc Tử Giám"}


def _inside_margins(path: Path, *, left: float = 30, right: float = 15) -> None:
    for number, (w, h, ws) in enumerate(words(path), start=1):
        assert min(x.x0 for x in ws) >= left * MM - 0.5, number
        assert max(x.x1 for x in ws) <= w - right * MM + 0.5, (number, max(ws, key=lambda x: x.x1).text)
        assert max(x.y1 for x in ws) <= h - 20 * MM + 1, number


def _signature_not_alone(path: Path, name: str) -> None:
    """On the page with the signer's name, some text of the body stands above the signature block."""
    pages = words(path)
    for _w, _h, ws in pages:
        try:
            signer = phrase(ws, name)
        except AssertionError:
            continue
        top_of_block = min(x.y0 for x in ws if x.y0 > 20 * MM + 1 and x.text in ("Nơi", "TM.", "KT.", "XÁC", "THƯ"))
        body = [x for x in ws if x.y1 < top_of_block - 2 and x.y0 > 20 * MM]
        assert body, f"the signature of {name} stands alone on its page"
        assert signer[0].y0 > top_of_block
        return
    raise AssertionError(f"{name} not printed")


@pytest.mark.parametrize("paragraphs", range(0, 14))
def test_signature_never_alone_after_paragraphs(paragraphs: int, tmp_path: Path) -> None:
    """Whatever the length of the text, the closing block takes at least the last paragraph with it."""
    ctx = sample_context("to_trinh")
    ctx["summary"] = ["Trong năm, đơn vị đã hoàn thành xuất sắc nhiệm vụ được giao, dẫn đầu phong trào thi đua "
                      "của phường; các chỉ tiêu kinh tế - xã hội đều đạt và vượt kế hoạch đề ra."] * paragraphs
    path = tmp_path / "tt.pdf"
    render("to_trinh", ctx, path)
    _signature_not_alone(path, "Trần Văn Minh")
    _inside_margins(path)


@pytest.mark.parametrize("rows", [1, 2, 3, 9, 10, 11, 12, 13, 14])
def test_signature_never_alone_after_a_table(rows: int, tmp_path: Path) -> None:
    """A table with one data row is kept whole with the signature; a longer one gives its last row."""
    ctx = sample_context("bao_cao_tap_the")
    ctx["awards"] = [{"year": 2000 + i, "form": "Giấy khen của Chủ tịch Ủy ban nhân dân phường",
                      "decision": f"Quyết định số {i}/QĐ-UBND ngày 20/12/{2000 + i} của Chủ tịch UBND phường"}
                     for i in range(rows)]
    ctx["solutions"] = ctx["solutions"] * 3
    path = tmp_path / "tt.pdf"
    render("bao_cao_tap_the", ctx, path)
    head = ctx["head"]["name"]
    _signature_not_alone(path, head)


def test_long_place_and_issuer_stay_inside_the_margins(tmp_path: Path) -> None:
    ctx = sample_context("to_trinh")
    ctx["issuer"] = LONG_WARD
    ctx["place"] = LONG_PLACE
    path = tmp_path / "tt.pdf"
    render("to_trinh", ctx, path)
    _inside_margins(path)
    w, _h, ws = words(path)[0]
    date = [x for x in ws if x.y0 < 60 * MM and x.text in ("Miếu", "ngày", "2026")]
    assert date and all(x.x1 <= w - 15 * MM + 0.5 for x in date)
    # the place and date are printed whole (wrapped if needed), in italics at 13–14 pt
    text = " ".join(x.text for x in ws)
    assert "Văn Miếu - Quốc Tử Giám, ngày 05 tháng 01 năm 2026" in text


def test_names_never_break_inside_a_name(tmp_path: Path) -> None:
    ctx = sample_context("bao_cao_tap_the")
    ctx["issuer"] = {"parent": "UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM",
                     "name": "VĂN PHÒNG ỦY BAN NHÂN DÂN PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM"}
    path = tmp_path / "bc.pdf"
    render("bao_cao_tap_the", ctx, path)
    _w, _h, ws = words(path)[0]
    lines: dict[int, list[Word]] = {}
    for x in ws:
        if x.y0 < 60 * MM and x.x1 < 100 * MM:
            lines.setdefault(round(x.y1), []).append(x)
    printed = [" ".join(x.text for x in sorted(v, key=lambda x: x.x0)) for _k, v in sorted(lines.items())]
    for line in printed:
        assert not line.endswith(("NHÂN", "ỦY", "BAN", "PHÂN", "VĂN", "QUỐC", "PHƯỜNG")), printed
        assert not line.startswith(("DÂN", "HIỆU", "PHÒNG", "-")), printed


def _cert(path: Path) -> tuple[float, float, list[Word]]:
    return words(path)[0]


def test_certificate_long_place_keeps_the_signing_space(tmp_path: Path) -> None:
    ctx = sample_context("giay_khen")
    ctx["place"] = LONG_PLACE
    ctx["decider"] = "Chủ tịch Ủy ban nhân dân phường Văn Miếu - Quốc Tử Giám"
    path = tmp_path / "gk.pdf"
    render("giay_khen", ctx, path)
    w, _h, ws = _cert(path)
    title = max(x.y1 for x in ws if x.text == "CHỦ" and x.x0 > 150 * MM)
    name = phrase(ws, ctx["signer"]["name"])[0]
    assert name.y0 - title >= 24 * MM - 1  # the signing space is never squeezed
    assert max(x.x1 for x in ws) <= w - 18 * MM
    date_words = [x for x in ws if x.text in ("Miếu", "ngày", "năm") and x.x0 > 150 * MM]
    assert date_words and all(x.x1 <= w - 20 * MM for x in date_words)


def test_certificate_long_achievement_shrinks_then_wraps(tmp_path: Path) -> None:
    ctx = sample_context("giay_khen")
    cert = ctx["certificates"][0]
    cert["achievement"] = ("Đã có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị, phong trào thi đua yêu nước "
                           "và các phong trào thi đua chuyên đề của phường năm 2025, đóng góp tích cực vào việc hoàn "
                           "thành các chỉ tiêu kinh tế - xã hội, quốc phòng - an ninh của địa phương; ") * 2
    path = tmp_path / "gk.pdf"
    render("giay_khen", ctx, path)
    _w, _h, ws = _cert(path)
    achievement_bottom = max(x.y1 for x in ws if x.y0 > 80 * MM and x.y1 < 150 * MM and x.x0 < 150 * MM)
    fixed_top = min(x.y0 for x in ws if "Số" in x.text and x.y0 > 100 * MM and x.x0 < 150 * MM)
    date_top = phrase(ws, "Tân Phú, ngày")[0].y0
    assert achievement_bottom < min(fixed_top, date_top)
    # too long to fit even at 13 pt: refused with a message, nothing written
    cert["achievement"] = cert["achievement"] * 6
    with pytest.raises(PrintError, match="quá dài"):
        render("giay_khen", ctx, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_no_blank_foot_before_a_long_table(tmp_path: Path) -> None:
    ctx = sample_context("dang_ky_thi_dua")
    ctx["intro"] = ctx["intro"] * 3
    ctx["individuals"] = [{"name": f"Người thứ {i}", "position": "Công chức", "title": "Lao động tiên tiến"}
                          for i in range(40)]
    path = tmp_path / "dk.pdf"
    render("dang_ky_thi_dua", ctx, path)
    _w, h, ws = words(path)[0]
    lowest = max(x.y1 for x in ws)
    assert h - 20 * MM - lowest < 25 * MM, f"{(h - 20 * MM - lowest) / MM:.0f} mm left blank at the foot of page 1"


def test_draft_is_marked_and_never_numbered(tmp_path: Path) -> None:
    ctx = copy.deepcopy(sample_context("to_trinh"))
    ctx.pop("number")
    path = tmp_path / "d.pdf"
    render("to_trinh", ctx, path, draft=True)
    reader = PdfReader(path)
    assert "DU_THAO" in str(reader.metadata.get("/Keywords"))
    text = reader.pages[0].extract_text()
    assert "DỰ THẢO" in text and "Số: /TTr-UBND" in " ".join(text.split()).replace("Số:  ", "Số: ")
    final = tmp_path / "f.pdf"
    render("to_trinh", sample_context("to_trinh"), final)
    assert "DỰ THẢO" not in PdfReader(final).pages[0].extract_text()
