"""Every document the application prints, from the demo database, read back: inside the decree's margins, no
signature alone on its page, no placeholder text, PDF and Word saying the same; a deputy signing "KT."; and a
unit with no signer said in Vietnamese, nothing written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.printing import records
from tdkt_desktop.printing.templates import template_for
from tdkt_desktop.store import open_store
from tests.unit.test_printing_layout import MM, words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

# Text no printed document may carry: generic stand-ins for a real name, unfilled placeholders, "ông/bà".
PLACEHOLDERS = ("Cơ quan cấp trên", "Các cơ quan, đơn vị;", "ông/bà", "Ông/Bà", "{", "}", "None", "nan")


def _record_for(store: Any, template: str) -> str:
    table = records.TEMPLATE_TABLE[template]
    if template in ("to_trinh", "danh_sach", "cong_van"):
        return store.rows("nominations", "title_code = 'BANG_KHEN_TINH'")[0]["id"]  # a dossier that goes up
    if template == "bao_cao_ca_nhan":
        return store.rows("nominations", "subject_kind = 'person' AND status = 'decided'")[0]["id"]
    if template == "bao_cao_tap_the":
        return store.rows("nominations", "subject_kind = 'collective'")[0]["id"]
    if template == "thong_bao_ket_qua":
        return store.rows("nominations", "status = 'rejected'")[0]["id"]
    if template == "giay_khen":
        awardee = store.rows("decision_awardees", "title_code = 'GIAY_KHEN'")
        return awardee[0]["decision_id"] if awardee else ""
    if template == "dang_ky_thi_dua":
        return store.rows("registrations", "subject_kind = 'household'")[0]["id"]  # households registered too
    return store.rows(table)[0]["id"] if store.rows(table) else ""


@pytest.fixture(scope="module")
def printed(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every printable template, issued, as PDF and Word, from one copy of the demo (with a cancelled award so the
    cancelling decision has a record)."""
    import datetime as dt

    from tdkt_desktop.store.cancellations import cancel_awards

    folder = tmp_path_factory.mktemp("every")
    db = folder / "demo.sqlite"
    shutil.copyfile(demo_template, db)
    out: dict[str, dict[str, Path]] = {}
    with open_store(db) as store:
        awardee = store.rows("decision_awardees", order_by="so_vang")[-1]
        cancel_awards(store, [awardee["id"]], cancel_date=dt.date(2026, 3, 2), ground="b",
                      reason="Hồ sơ có giấy tờ không đúng sự thật", signer="Trần Văn Bình", signer_title="Chủ tịch")
        for template in records.TEMPLATE_TABLE:
            record_id = _record_for(store, template)
            if not record_id:
                continue
            options = {"period": "2026-H1"} if template == "bao_cao_ket_qua" else {}
            out[template] = {}
            for ext in ("pdf", "docx"):
                path = folder / f"{template}.{ext}"
                records.issue_pdf(store, template, record_id, path, **options)
                out[template][ext] = path
    return out


def _pdf_flow(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _docx_pieces(path: Path) -> list[str]:
    """Every paragraph of a .docx, the body's and each table cell's."""
    from docx import Document

    doc = Document(str(path))
    pieces = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                pieces += [p.text for p in cell.paragraphs]
    return [p for p in pieces if p.strip()]


def test_every_printable_template_was_printed_from_the_demo(printed: dict[str, Any]) -> None:
    missing = set(records.TEMPLATE_TABLE) - set(printed) - {"giay_khen"}  # the demo decision gives no Giấy khen
    assert not missing, missing


@pytest.mark.parametrize("template", sorted(records.TEMPLATE_TABLE))
def test_inside_the_margins_with_no_placeholder(template: str, printed: dict[str, Any]) -> None:
    if template not in printed:
        pytest.skip("no record of this kind in the demo")
    pdf = printed[template]["pdf"]
    certificate = template_for(template).kind == "certificate"
    for number, (w, h, ws) in enumerate(words(pdf), start=1):
        if certificate:
            continue
        assert min(x.x0 for x in ws) >= 30 * MM - 0.5, (template, number)
        assert max(x.x1 for x in ws) <= w - 15 * MM + 0.5, (template, number, max(ws, key=lambda x: x.x1).text)
        assert max(x.y1 for x in ws) <= h - 20 * MM + 1, (template, number)
    text = _pdf_flow(pdf)
    for word in PLACEHOLDERS:
        assert word not in text, (template, word)
    assert "DỰ THẢO" not in text  # the issued copy


@pytest.mark.parametrize("template", sorted(records.TEMPLATE_TABLE))
def test_word_says_what_the_pdf_says(template: str, printed: dict[str, Any]) -> None:
    if template not in printed:
        pytest.skip("no record of this kind in the demo")
    squeeze = lambda t: re.sub(r"\s+", "", t)  # noqa: E731 - lines wrap differently in the two formats
    pdf = squeeze(_pdf_flow(printed[template]["pdf"]))
    pieces = _docx_pieces(printed[template]["docx"])
    assert sum(len(p) for p in pieces) > 100
    for piece in pieces:  # every paragraph and cell of the Word file is in the PDF, word for word
        assert squeeze(piece) in pdf, (template, piece)


@pytest.mark.parametrize("template", sorted(t for t, c in records.CHOICES.items() if "signer" in c))
def test_a_deputy_signs_for_the_chairman(template: str, demo_store: Any, tmp_path: Path) -> None:
    record_id = _record_for(demo_store, template)
    if not record_id:
        pytest.skip("no record of this kind in the demo")
    vice = demo_store.rows("officials", order_by="sort_order")[1]["full_name"]
    options: dict[str, Any] = {"signer": vice, "signer_role": "KT"}
    if template == "bao_cao_ket_qua":
        options["period"] = "2026-H1"
    context = records.build_context(demo_store, template, record_id, **options)
    signer = context["signer"]
    assert signer["name"] == vice and signer["prefix"].startswith("KT.") and "PHÓ" in signer["title"]


def test_no_signer_is_said_in_vietnamese_and_writes_nothing(demo_store: Any, tmp_path: Path) -> None:
    for official in demo_store.rows("officials"):
        demo_store.delete("officials", official["id"])
    campaign = demo_store.rows("campaigns")[0]
    out = tmp_path / "kh.pdf"
    with pytest.raises(records.PrintError, match="Chưa khai báo người ký"):
        records.issue_pdf(demo_store, "ke_hoach_phat_dong", campaign["id"], out)
    assert not out.exists()
    from tdkt_desktop.store.numbering import numbers_issued

    assert numbers_issued(demo_store, 2026, "KH") == []  # no number taken for a document that was not printed
