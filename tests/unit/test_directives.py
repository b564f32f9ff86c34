"""Whole directives into campaign proposals: the seed texts, documents written for the tests, and Word and PDF
files made from them here (python-docx, reportlab) — document fields right, no junk target."""

from __future__ import annotations

import datetime as _dt
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.core.directive import CAMPAIGN_FIELDS, read_directive
from tdkt_desktop.directives import DirectiveFileError, document_text, read_directive_file
from tests.fixtures.directives import DOCUMENTS, PROVINCE_PLAN

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "domain" / "seeds"
D = _dt.date

# What a person confirms for each seed: (value, confidence); None means the document leaves it empty.
SEED_FIELDS: dict[str, tuple[dict[str, tuple[Any, str]], int]] = {
    "000": (
        {
            "doc_kind": ("CT", "high"),
            "doc_number": ("10/CT-UBND", "high"),
            "doc_date": (D(2022, 12, 13), "high"),
            "issuing_body": ("Ủy ban nhân dân thành phố Cần Thơ", "low"),
            "signer": ("Dương Tân Hiền", "high"),
            "signer_title": ("Phó Chủ tịch", "high"),
            "year": (2023, "high"),
            "campaign_type": ("regular", "high"),
        },
        10,
    ),
    "002": (
        {
            "doc_kind": ("KH", "high"),
            "doc_number": ("", "low"),  # "Số: /KH-UBND": not numbered yet
            "doc_date": (None, "low"),  # "ngày tháng 02 năm 2023": the day is blank
            "issuing_body": ("Ủy ban nhân dân thành phố Sa Đéc", "low"),
            "signer": ("Nguyễn Văn Hon", "high"),
            "signer_title": ("Chủ tịch", "high"),
            "subject": ("Phát động phong trào thi đua yêu nước năm 2023", "high"),
            "name": ("Phong trào thi đua yêu nước năm 2023", "high"),
            "year": (2023, "high"),
        },
        0,
    ),
    "003": (
        {
            "doc_kind": ("CT", "high"),
            "doc_number": ("17/CT-UBND", "high"),
            "doc_date": (D(2023, 12, 26), "high"),
            "issuing_body": ("Ủy ban nhân dân tỉnh Vĩnh Long", "low"),
            "signer": ("", "low"),  # the signature block has the title only
            "signer_title": ("Chủ tịch", "high"),
            "subject": (
                "Về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2024", "high"
            ),
            "year": (2024, "high"),
        },
        0,
    ),
}


def seed_text(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


def check_fields(proposal: Any, expected: dict[str, tuple[Any, str]]) -> None:
    for name, (value, confidence) in expected.items():
        got = proposal.fields.get(name)
        assert got is not None, (name, proposal.to_dict()["fields"].keys())
        assert (got.value, got.confidence) == (value, confidence), (name, got)
        assert got.source, name  # every field says where it was read
        if confidence == "low":
            assert got.note, name  # and why it is uncertain


def check_no_junk(proposal: Any) -> None:
    for t in proposal.targets:
        if t.spec is None:
            continue
        m = t.spec.measure
        assert "/" not in m or "vạn dân" in m or "người" in m, m
        assert not m.startswith(("Số:", "Kế hoạch", "Nghị quyết", "Chỉ thị", "I.", "II.")), m


@pytest.mark.parametrize("prefix", sorted(SEED_FIELDS))
def test_seed_documents(prefix: str) -> None:
    expected, targets = SEED_FIELDS[prefix]
    proposal = read_directive(seed_text(prefix))
    assert proposal.is_document
    check_fields(proposal, expected)
    assert len(proposal.targets) == targets
    check_no_junk(proposal)
    assert set(proposal.fields) <= set(CAMPAIGN_FIELDS)


def test_seed_movements_and_content() -> None:
    p = read_directive(seed_text("003"))
    assert "Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau" in p.value("movements_json")
    p = read_directive(seed_text("002"))
    content = p.value("content_json")
    assert len(content) == 19 and content[0].startswith("Thi đua tiếp tục thực hiện Nghị quyết Đại hội")
    assert p.fields["content_json"].confidence == "high"  # read from the "NỘI DUNG THỰC HIỆN" section


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_documents_written_for_the_tests(name: str) -> None:
    text, expected, targets = DOCUMENTS[name]
    proposal = read_directive(text)
    check_fields(proposal, expected)
    assert len(proposal.targets) == targets, [t.to_dict() for t in proposal.targets]
    check_no_junk(proposal)


def test_province_plan_targets_numbered_in_bullet_lines() -> None:
    proposal = read_directive(PROVINCE_PLAN)
    measures = [t.spec.measure for t in proposal.targets if t.spec]
    assert len(measures) == 23
    assert measures[0] == "Tốc độ tăng trưởng kinh tế (GRDP)"
    assert "Tỷ lệ lao động qua đào tạo – có bằng cấp, chứng chỉ" in measures
    assert "Số bác sĩ/vạn dân" in measures
    assert measures[-1] == "Mức giảm số vụ tai nạn giao thông trên cả 3 tiêu chí"
    # the scoring scale of section IV ("từ 90 điểm trở lên") is not a target
    assert not any("điểm" in m or "xếp loại" in m.lower() for m in measures)


def test_a_list_without_a_document_is_read_as_a_list() -> None:
    proposal = read_directive("- Tỷ lệ hộ nghèo còn dưới 1 %;\n- Kết nạp mới 50 đảng viên.")
    assert not proposal.is_document
    assert not proposal.found()
    assert [t.spec.value for t in proposal.targets if t.spec] == [1, 50]


# --------------------------------------------------------------------------- Word and PDF files


def _docx(path: Path, text: str, *, header_table: bool = False) -> Path:
    """A Word file as offices make them: the head in a two-column table, automatic bullets for "- " lines."""
    import docx

    document = docx.Document()
    lines = text.split("\n")
    if header_table:
        # NĐ 30/2020 head: issuing body | national name and motto; number | place and date
        head, lines = lines[:7], lines[7:]
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "\n".join(head[0:2])
        table.cell(0, 1).text = "\n".join(head[2:4])
        table.cell(1, 0).text = head[5]
        table.cell(1, 1).text = head[6]
    for line in lines:
        if line.startswith("- ") and header_table:
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def _pdf(path: Path, text: str) -> Path:
    """A PDF as Word would print it: A4, justified paragraphs that wrap, Vietnamese fonts."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from tdkt_desktop.printing.fonts import font_name, register_fonts

    register_fonts()
    style = ParagraphStyle("body", fontName=font_name("regular"), fontSize=13, leading=17, alignment=TA_JUSTIFY)
    story: list[Any] = []
    for line in text.split("\n"):
        if line.strip():
            story.append(Paragraph(line.replace("&", "&amp;").replace("<", "&lt;").replace("*", ""), style))
        else:
            story.append(Spacer(1, 4))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                      bottomMargin=20 * mm).build(story)
    return path


def test_word_file_made_from_seed_000(tmp_path: Path) -> None:
    path = _docx(tmp_path / "chi-thi-10.docx", seed_text("000"))
    proposal = read_directive_file(path)
    expected, targets = SEED_FIELDS["000"]
    check_fields(proposal, expected)
    assert len(proposal.targets) == targets
    check_no_junk(proposal)


def test_pdf_file_made_from_seed_002(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "ke-hoach.pdf", seed_text("002"))
    text = document_text(path)
    assert "Phát động phong trào thi đua yêu nước năm 2023" in text
    proposal = read_directive(text)
    expected, targets = SEED_FIELDS["002"]
    check_fields(proposal, expected)
    assert len(proposal.targets) == targets
    assert len(proposal.value("content_json")) == 19


def test_pdf_file_made_from_seed_000_keeps_every_target(tmp_path: Path) -> None:
    proposal = read_directive_file(_pdf(tmp_path / "chi-thi.pdf", seed_text("000")))
    check_fields(proposal, SEED_FIELDS["000"][0])
    from_text = [t.to_dict() for t in read_directive(seed_text("000")).targets]
    assert [t.to_dict() for t in proposal.targets] == from_text  # wrapped lines joined back into the paragraph


def test_word_file_with_header_table_and_automatic_bullets(tmp_path: Path) -> None:
    path = _docx(tmp_path / "ke-hoach-45.docx", PROVINCE_PLAN, header_table=True)
    text = document_text(path)
    assert "- (1) Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5 - 8 %;" in text  # the automatic bullet written out
    proposal = read_directive(text)
    check_fields(proposal, DOCUMENTS["province plan"][1])
    assert len(proposal.targets) == 23


def test_pdf_of_the_province_plan(tmp_path: Path) -> None:
    proposal = read_directive_file(_pdf(tmp_path / "kh45.pdf", PROVINCE_PLAN))
    check_fields(proposal, DOCUMENTS["province plan"][1])
    assert [t.to_dict() for t in proposal.targets] == [t.to_dict() for t in read_directive(PROVINCE_PLAN).targets]


def test_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("III. NỘI DUNG THI ĐUA")
    document.add_paragraph("Thi đua phát triển kinh tế.", style="List Number")
    document.add_paragraph("Thi đua cải cách hành chính.", style="List Number")
    path = tmp_path / "so.docx"
    document.save(str(path))
    assert document_text(path).split("\n") == ["III. NỘI DUNG THI ĐUA", "1. Thi đua phát triển kinh tế.",
                                               "2. Thi đua cải cách hành chính."]


def test_text_files_in_utf8_utf16_and_nfd(tmp_path: Path) -> None:
    import unicodedata

    text = seed_text("003")
    for name, data in (
        ("a.txt", text.encode("utf-8")),
        ("b.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("c.txt", text.encode("utf-16")),
        ("d.txt", unicodedata.normalize("NFD", text).encode("utf-8")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        proposal = read_directive_file(path)
        assert proposal.value("doc_number") == "17/CT-UBND", name


def test_files_that_cannot_be_read_say_what_to_do(tmp_path: Path) -> None:
    cases: list[tuple[str, bytes, str]] = [
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Word cũ"),
        ("hong.docx", b"PK\x03\x04 not a zip", "không mở được"),
        ("hong.pdf", b"%PDF-1.4 garbage", "không mở được"),
        ("tcvn3.txt", "Tû lÖ hé nghÌo".encode("latin-1", errors="replace") + b"\xff\xfe\x80", "TCVN3"),
    ]
    for name, data, words in cases:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(DirectiveFileError) as exc:
            document_text(path)
        assert words in str(exc.value), (name, str(exc.value))
    with pytest.raises(DirectiveFileError, match="Không tìm thấy"):
        document_text(tmp_path / "none.pdf")
    # a zip that is not a Word document
    path = tmp_path / "zip.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(DirectiveFileError, match="không mở được"):
        document_text(path)


def test_a_scanned_pdf_is_refused_with_advice(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 500, fill=1)  # an image of a page: no text
    c.showPage()
    c.save()
    with pytest.raises(DirectiveFileError, match="bản quét"):
        document_text(path)


def test_mangled_documents_never_break_the_reader() -> None:
    """Pieces cut, doubled and shuffled the way bad copies and OCR leave them: a proposal, never an exception."""
    import random

    from tdkt_desktop.core.target_parser import parse_targets
    from tests.fixtures import target_lists

    pieces = [c.text for c in target_lists.CASES] + [d[0] for d in DOCUMENTS.values()]
    inserts = ["trong đó ", "; ", "\n- ", " và ", "(", ")", "“", "1.200", "5 - 6 %", ": ", "Số: /", "ngày 31/02/2025",
               "\f", "\u00a0", "%", "đạt dưới trên còn", "Nơi nhận:"]
    rng = random.Random(16)
    for _ in range(60):
        s = list(rng.choice(pieces))
        for _ in range(rng.randint(1, 25)):
            pos = rng.randrange(len(s) + 1)
            if rng.random() < 0.5 and s:
                del s[min(pos, len(s) - 1)]
            else:
                s[pos:pos] = list(rng.choice(inserts))
        text = "".join(s)
        proposal = read_directive(text)
        for t in [*proposal.targets, *parse_targets(text)]:
            assert (t.spec is None) or t.spec.measure is not None
            assert t.parent is None or 0 <= t.parent
        assert all(f.confidence in ("high", "low") for f in proposal.fields.values())
