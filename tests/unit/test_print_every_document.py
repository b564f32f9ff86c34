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
from tests.server_engine import copy_database
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
    copy_database(demo_template, db)
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


def _signature_not_alone(pdf: Path, name: str) -> None:
    """The page that carries the signature (the last place the signer's name is printed) has text of the body
    above the signature block (which takes at most 48 mm above the name: authority, title, the space to sign)."""
    for _w, _h, ws in reversed(words(pdf)):
        parts = name.split()
        hits = [i for i in range(len(ws) - len(parts) + 1) if [x.text for x in ws[i:i + len(parts)]] == parts]
        if not hits:
            continue
        top = ws[hits[-1]].y0
        body = [x for x in ws if 20 * MM < x.y1 < top - 48 * MM]
        assert len(body) >= 5, f"the signature of {name} stands alone on its page"
        return
    raise AssertionError(f"{name} not printed")


def _signer_name(template: str, printed_context: dict[str, Any]) -> str | None:
    signer = printed_context.get("signer") or printed_context.get("secretary") or printed_context.get("chair")
    if signer is None and printed_context.get("signatures"):  # one signature per member (a covenant): the first
        signer = printed_context["signatures"][0]
    return (signer or {}).get("name") or None


@pytest.mark.parametrize("template", sorted(records.TEMPLATE_TABLE))
def test_no_signature_stands_alone_on_its_page(template: str, printed: dict[str, Any], demo_store: Any) -> None:
    if template not in printed or template_for(template).kind == "certificate":
        pytest.skip("certificates place their signature; no record of this kind in the demo")
    record_id = _record_for(demo_store, template) if template != "quyet_dinh_huy_bo" else None
    if record_id is None:
        pytest.skip("the cancelling decision is printed from a record made in the fixture")
    options = {"period": "2026-H1"} if template == "bao_cao_ket_qua" else {}
    name = _signer_name(template, records.build_context(demo_store, template, record_id, **options))
    if name is None:
        pytest.skip("signed by hand (a ballot has no signature)")
    _signature_not_alone(printed[template]["pdf"], name)


@pytest.mark.parametrize("template,rows_key", [("trich_so_vang", "entries"), ("thong_bao_ket_qua", "results"),
                                               ("phieu_bau", "candidates"), ("bien_ban_kiem_phieu", "votes")])
def test_two_hundred_rows_flow_over_pages(template: str, rows_key: str, tmp_path: Path) -> None:
    from tdkt_desktop.printing import render
    from tdkt_desktop.printing.samples import sample_context
    from tests.unit.test_printing_flow import _inside_margins

    ctx = sample_context(template)
    base = ctx[rows_key]
    ctx[rows_key] = [dict(base[i % len(base)]) for i in range(200)]
    out = tmp_path / f"{template}.pdf"
    info = render(template, ctx, out)
    assert info.pages > 3
    _inside_margins(out)
    pages = words(out)
    header = {"trich_so_vang": "Số sổ vàng", "thong_bao_ket_qua": "Kết quả", "phieu_bau": "Đồng ý",
              "bien_ban_kiem_phieu": "Số phiếu"}[template]
    for _w, _h, ws in pages[1:-1]:  # the table's header row repeats on every page it runs over
        assert header.split()[0] in [x.text for x in ws], template
    name = _signer_name(template, ctx)
    if name:
        _signature_not_alone(out, name)
