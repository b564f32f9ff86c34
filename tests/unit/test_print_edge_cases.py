"""Every document printed from the demo in the hard cases an official meets, read back: a ward with a long name
("Phường Văn Miếu - Quốc Tử Giám"), the vice-chairman signing "KT." everything he may sign, a Giấy khen decision
for a collective and a household: nothing in a margin, no signature alone on its page, no heading left at the
foot of a page without what it heads, no unit name broken inside a signature block, no placeholder text, the
award names in the ward's own words and households counted as households."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.printing import records
from tdkt_desktop.printing.templates import template_for
from tdkt_desktop.store import office, open_store
from tdkt_desktop.store.cancellations import cancel_awards
from tdkt_desktop.store.nominations import submit
from tests.server_engine import copy_database
from tests.unit.test_print_every_document import PLACEHOLDERS, _pdf_flow, _signature_not_alone
from tests.unit.test_printing_layout import MM, Word, words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

LONG = "Phường Văn Miếu - Quốc Tử Giám"


def _giay_khen_decision(store: Any, signer: dict[str, Any]) -> str:
    """The demo's Giấy khen nominations (a school and a household) approved here and decided by the deputy."""
    ids = []
    for nom in store.rows("nominations", "title_code = 'GIAY_KHEN'"):
        submit(store, nom["id"], reason="Hồ sơ bổ sung sau", day=dt.date(2026, 1, 5))
        office.appraise(store, nom["id"], decision_date=dt.date(2026, 1, 10), receive_first=True)
        store.update("nominations", nom["id"], {"status": "approved"})  # the checklist's papers are on paper here
        ids.append(nom["id"])
    decision = office.issue_decision(store, ids, decision_date=dt.date(2026, 1, 10), signer=signer["full_name"],
                                     signer_title=signer["title"], amounts=dict.fromkeys(ids, 1_000_000))
    return str(decision["id"])


def _record(store: Any, template: str, giay_khen: str) -> str:
    if template in ("to_trinh", "danh_sach", "cong_van"):
        return str(store.rows("nominations", "title_code = 'BANG_KHEN_TINH'")[0]["id"])
    if template == "bao_cao_ca_nhan":
        return str(store.rows("nominations", "subject_kind = 'person' AND status = 'decided'")[0]["id"])
    if template == "bao_cao_tap_the":
        return str(store.rows("nominations", "subject_kind = 'collective' AND status = 'decided'")[0]["id"])
    if template == "thong_bao_ket_qua":
        return str(store.rows("nominations", "status = 'rejected'")[0]["id"])
    if template == "giay_khen":
        return giay_khen
    if template == "bang_cstdcs":
        return str(store.rows("decision_awardees", "title_code = 'CSTDCS'")[0]["decision_id"])
    if template == "dang_ky_thi_dua":
        return str(store.rows("registrations", "subject_kind = 'household'")[0]["id"])
    if template in ("ke_hoach_phat_dong", "bao_cao_ket_qua"):
        return str(store.rows("campaigns", order_by="rowid")[0]["id"])
    return str(store.rows(records.TEMPLATE_TABLE[template], order_by="rowid")[-1]["id"])


@pytest.fixture(scope="module")
def edge(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("edge")
    db = folder / "demo.sqlite"
    copy_database(demo_template, db)
    printed: dict[str, dict[str, Path]] = {}
    contexts: dict[str, dict[str, Any]] = {}
    with open_store(db) as store:
        unit = store.self_unit()
        store.update("units", unit["id"], {"name": LONG})
        store.set_meta("place_name", "")  # the place is the unit's name without its type word
        deputy = store.rows("officials", order_by="sort_order")[1]
        giay_khen = _giay_khen_decision(store, deputy)
        awardee = store.rows("decision_awardees", "decision_id != ?", [giay_khen], order_by="so_vang")[-1]
        cancel_awards(store, [awardee["id"]], cancel_date=dt.date(2026, 3, 2), ground="b",
                      reason="Hồ sơ có giấy tờ không đúng sự thật", signer=deputy["full_name"],
                      signer_title=deputy["title"])
        for template in records.TEMPLATE_TABLE:
            record_id = _record(store, template, giay_khen)
            options: dict[str, Any] = {"period": "2026-H1"} if template == "bao_cao_ket_qua" else {}
            if "signer" in records.CHOICES.get(template, ()):
                options.update(signer=deputy["full_name"], signer_role="KT")
            contexts[template] = records.build_context(store, template, record_id, **options)
            printed[template] = {}
            for ext in ("pdf", "docx"):
                path = folder / f"{template}.{ext}"
                records.issue_pdf(store, template, record_id, path, **options)
                printed[template][ext] = path
    return {"pdf": printed, "context": contexts, "deputy": deputy["full_name"]}


ALL = sorted(records.TEMPLATE_TABLE)


def _lines(ws: list[Word]) -> list[tuple[float, str, list[Word]]]:
    """The page's lines, top to bottom: (bottom, text, words)."""
    rows: dict[int, list[Word]] = {}
    for x in ws:
        rows.setdefault(round(x.y1), []).append(x)
    return [(k, " ".join(x.text for x in sorted(v, key=lambda x: x.x0)), sorted(v, key=lambda x: x.x0))
            for k, v in sorted(rows.items())]


@pytest.mark.parametrize("template", ALL)
def test_inside_the_margins_and_no_placeholder(template: str, edge: dict[str, Any]) -> None:
    pdf = edge["pdf"][template]["pdf"]
    certificate = template_for(template).kind == "certificate"
    for number, (w, h, ws) in enumerate(words(pdf), start=1):
        assert ws, (template, number, "empty page")
        # the decree's margins (a certificate: inside its border, 18 mm from the edge)
        left, right, bottom = (18, 18, 18) if certificate else (30, 15, 20)
        assert min(x.x0 for x in ws) >= left * MM - 0.5, (template, number, min(ws, key=lambda x: x.x0).text)
        assert max(x.x1 for x in ws) <= w - right * MM + 0.5, (template, number, max(ws, key=lambda x: x.x1).text)
        assert max(x.y1 for x in ws) <= h - bottom * MM + 1, (template, number, max(ws, key=lambda x: x.y1).text)
    text = _pdf_flow(pdf)
    for word in PLACEHOLDERS:
        assert word not in text, (template, word)
    assert "Hộ ông/bà" not in text and "Ủy ban nhân dân xã" not in text


@pytest.mark.parametrize("template", ALL)
def test_no_signature_alone_and_no_heading_left_at_a_page_foot(template: str, edge: dict[str, Any]) -> None:
    pdf = edge["pdf"][template]["pdf"]
    context = edge["context"][template]
    signer = context.get("signer") or context.get("secretary") or context.get("chair")
    if template_for(template).kind != "certificate" and signer and signer.get("name"):
        _signature_not_alone(pdf, signer["name"])
    headings = {re.sub(r"\s+", " ", b["text"]) for b in template_for(template).blocks if b["type"] == "heading"}
    pages = words(pdf)
    for number, (_w, h, ws) in enumerate(pages[:-1], start=1):
        body = [line for line in _lines(ws) if line[0] < h - 20 * MM + 1 and line[0] > 20 * MM]
        assert body[-1][1] not in headings, (template, number, body[-1][1])


@pytest.mark.parametrize("template", sorted(t for t, c in records.CHOICES.items() if "signer" in c))
def test_the_deputy_signs_kt_for_the_chairman(template: str, edge: dict[str, Any]) -> None:
    text = re.sub(r"\s+", " ", _pdf_flow(edge["pdf"][template]["pdf"]))
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text, template
    assert edge["deputy"] in text


@pytest.mark.parametrize("template", ALL)
def test_no_unit_name_is_broken_inside_a_signature_block(template: str, edge: dict[str, Any]) -> None:
    """The long name, in capitals in the header and signature blocks, wraps only at "VĂN MIẾU - / QUỐC TỬ
    GIÁM", never "QUỐC / TỬ GIÁM" or "VĂN / MIẾU" (running text wraps as text does)."""
    for _w, _h, ws in words(edge["pdf"][template]["pdf"]):
        for _y, _line, line_words in _lines(ws):
            for column in _blocks(line_words):
                if column != column.upper():
                    continue
                assert not re.search(r"(VĂN|QUỐC|TỬ)$", column), (template, column)
                assert not re.match(r"^(MIẾU|TỬ|GIÁM)\b", column), (template, column)


def _blocks(line: list[Word]) -> list[str]:
    """The pieces of a line separated by a wide gap (the two blocks of a header or of a signature row)."""
    out: list[list[Word]] = [[line[0]]]
    for prev, word in itertools.pairwise(line):
        if word.x0 - prev.x1 > 4 * MM:
            out.append([])
        out[-1].append(word)
    return [" ".join(w.text for w in piece) for piece in out]


def test_word_carries_the_same_signature_and_names(edge: dict[str, Any]) -> None:
    from docx import Document

    for template in ("quyet_dinh", "bao_cao_tap_the", "giay_khen"):
        doc = Document(str(edge["pdf"][template]["docx"]))
        cells = [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
        text = re.sub(r"\s+", " ", " ".join([p.text for p in doc.paragraphs] + cells))
        assert "Văn Miếu - Quốc Tử Giám" in text, template
        assert "Hộ ông/bà" not in text


def test_the_results_report_names_awards_in_the_wards_words_and_counts_households(edge: dict[str, Any]) -> None:
    text = re.sub(r"\s+", " ", _pdf_flow(edge["pdf"]["bao_cao_ket_qua"]["pdf"]))
    assert "đã khen thưởng 01 tập thể, 01 hộ gia đình" in text
    assert "Giấy khen của Chủ tịch Ủy ban nhân dân phường" in text
    counts = edge["context"]["bao_cao_ket_qua"]["award_counts"]
    assert [(c["collectives"], c["households"], c["individuals"]) for c in counts] == [(1, 1, 0)]


def test_the_household_is_named_by_its_heads_gender(edge: dict[str, Any]) -> None:
    for template in ("quyet_dinh", "giay_khen", "dang_ky_thi_dua", "trich_so_vang"):
        text = re.sub(r"\s+", " ", _pdf_flow(edge["pdf"][template]["pdf"]))
        assert re.search(r"Hộ (ông|bà) [A-ZĐ]", text), template


@pytest.fixture(scope="module")
def two_hundred(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A decision of 200 Lao động tiên tiến, issued through the store as an office does, printed with its list."""
    folder = tmp_path_factory.mktemp("two-hundred")
    db = folder / "demo.sqlite"
    copy_database(demo_template, db)
    with open_store(db) as store:
        unit = store.unit_code
        ids = []
        with store.atomic():
            for i in range(200):
                person = store.insert("people", {"full_name": f"Nguyễn Văn Thành {i + 1:03d}", "gender": "male",
                                                 "position": "Công chức", "unit_code": unit,
                                                 "workplace": "Ủy ban nhân dân phường Tân An"})
                nom = store.insert("nominations", {
                    "subject_kind": "person", "subject_id": person["id"], "subject_name": person["full_name"],
                    "title_code": "LDTT", "award_kind": "cong_trang", "year": 2026, "period": "2026",
                    "unit_code": unit, "status": "approved",
                    "achievement": "Hoàn thành tốt nhiệm vụ được giao; tích cực tham gia phong trào thi đua."})
                ids.append(nom["id"])
        head = store.rows("officials", order_by="sort_order")[0]
        decision = office.issue_decision(store, ids, decision_date=dt.date(2026, 12, 20), signer=head["full_name"],
                                         signer_title=head["title"])
        out = {"signer": head["full_name"]}
        for template in ("quyet_dinh", "trich_so_vang"):
            for ext in ("pdf", "docx"):
                path = folder / f"{template}.{ext}"
                records.issue_pdf(store, template, decision["id"], path)
                out[f"{template}.{ext}"] = path
    return out


@pytest.mark.parametrize("template", ["quyet_dinh", "trich_so_vang"])
def test_two_hundred_awardees_flow_over_pages_from_the_store(template: str, two_hundred: dict[str, Any]) -> None:
    pdf = two_hundred[f"{template}.pdf"]
    pages = words(pdf)
    assert len(pages) >= 6
    for number, (w, h, ws) in enumerate(pages, start=1):
        assert min(x.x0 for x in ws) >= 30 * MM - 0.5 and max(x.x1 for x in ws) <= w - 15 * MM + 0.5, number
        assert max(x.y1 for x in ws) <= h - 20 * MM + 1, number
    text = re.sub(r"\s+", " ", _pdf_flow(pdf))
    for i in range(1, 201):  # every awardee printed once
        assert text.count(f"Nguyễn Văn Thành {i:03d}") == 1, i
    header = {"quyet_dinh": "STT", "trich_so_vang": "vàng"}[template]
    table_pages = [ws for _w, _h, ws in pages if any(x.text == "Thành" for x in ws)]
    assert len(table_pages) >= 5
    for ws in table_pages:  # the table's header row on every page it runs over, above the first name
        first = min(x.y0 for x in ws if x.text == "Thành")
        assert any(x.text == header and x.y1 < first for x in ws)
    _signature_not_alone(pdf, two_hundred["signer"])
    from docx import Document

    doc = Document(str(two_hundred[f"{template}.docx"]))
    cells = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert all(f"Nguyễn Văn Thành {i:03d}" in cells for i in range(1, 201))


def test_no_signer_declared(demo_template: Path, tmp_path: Path) -> None:
    """With no official declared, every document signed by one of them is refused in Vietnamese and nothing
    is written or numbered; the papers that carry their own signer (a decision's, a meeting's chair and
    secretary) still print with that signer."""
    db = tmp_path / "demo.sqlite"
    copy_database(demo_template, db)
    with open_store(db) as store:
        deputy = store.rows("officials", order_by="sort_order")[1]
        giay_khen = _giay_khen_decision(store, deputy)
        awardee = store.rows("decision_awardees", "decision_id != ?", [giay_khen], order_by="so_vang")[-1]
        cancel_awards(store, [awardee["id"]], cancel_date=dt.date(2026, 3, 2), ground="b",
                      reason="Hồ sơ có giấy tờ không đúng sự thật", signer=deputy["full_name"],
                      signer_title=deputy["title"])
        for official in store.rows("officials"):
            store.delete("officials", official["id"])
        for template in ALL:
            record_id = _record(store, template, giay_khen)
            out = tmp_path / f"{template}.pdf"
            options = {"period": "2026-H1"} if template == "bao_cao_ket_qua" else {}
            own = template in ("quyet_dinh", "giay_khen", "bang_cstdcs", "quyet_dinh_huy_bo",  # the decision's
                               "bien_ban", "phieu_bau", "bien_ban_kiem_phieu",  # the meeting's chair, secretary
                               "giao_uoc_thi_dua")  # a covenant: each member's signer, recorded on it
            if own or template in ("bao_cao_ca_nhan", "bao_cao_tap_the"):  # the confirmer signs by hand
                records.issue_pdf(store, template, record_id, out, **options)
                context = records.build_context(store, template, record_id, **options)
                signer = context.get("signer") or context.get("secretary") or {}
                if signer.get("name"):
                    assert signer["name"] in re.sub(r"\s+", " ", _pdf_flow(out)), template
                continue
            registers = _register(store)
            with pytest.raises(records.PrintError, match="Chưa khai báo người ký"):
                records.issue_pdf(store, template, record_id, out, **options)
            assert not out.exists(), template
            assert _register(store) == registers, template  # no number taken


def _register(store: Any) -> list[Any]:
    from tdkt_desktop.store.numbering import numbers_issued

    return [numbers_issued(store, year) for year in (2025, 2026)]
