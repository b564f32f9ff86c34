"""tdkt report: statistical forms and review reports, read back from the PDF and the workbook."""

import datetime as dt
import subprocess

import openpyxl

from tdkt_desktop.cli import EXIT_REFUSED, main
from tdkt_desktop.core.legal import statistics_year_of
from tdkt_desktop.store.statistics import form_0601N, form_0603N


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def cells(path):
    ws = openpyxl.load_workbook(path).active
    return [[c for c in row] for row in ws.iter_rows(values_only=True)]


def test_form_0603N_xlsx_equals_the_statistics(demo_store, tmp_path, capsys):
    out = tmp_path / "b3.xlsx"
    # The demo's decision is dated in December: it counts in the next statistical year (01/12 – 30/11).
    day = dt.date.fromisoformat(demo_store.rows("decisions")[0]["decision_date"])
    year = statistics_year_of(day)
    assert main(["report", "0603N", "--period", str(year), "--out", str(out), "--db", str(demo_store.path)]) == 0
    form = form_0603N(demo_store, year)
    rows = cells(out)
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Chỉ tiêu")
    header = rows[header_at]
    assert header[1:] == tuple(label for _, label in form.columns) or list(header[1:]) == [label for _, label in form.columns]
    total_row = rows[header_at + 1]
    assert total_row[0] == "Tổng số"
    assert list(total_row[1:]) == [form.value("total", key) for key, _ in form.columns]
    assert form.value("total", "total") == demo_store.count("decision_awardees")


def _region_text(pdf, *, left: float, top: float, bottom: float) -> str:
    """The text of page 1 inside a box given as shares of the page (x from the left, y from the top)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        w, h = page.get_size()
        text = page.get_textpage().get_text_bounded(left=w * left, bottom=h * (1 - bottom), right=w, top=h * (1 - top))
    finally:
        doc.close()
    return " ".join(text.split())


def test_form_0601N_pdf(demo_store, tmp_path, capsys):
    out = tmp_path / "b1.pdf"
    assert main(["report", "0601N", "--period", "2026", "--out", str(out), "--db", str(demo_store.path)]) == 0
    text = pdf_text(out)
    form = form_0601N(demo_store, 2026)
    flat = " ".join(text.split())
    assert form.title.upper() in flat and "Biểu số: 0601.N" in flat
    # a statistical form's frame: who reports to whom, who prepared it, the head who signs; no working notes
    right = _region_text(out, left=0.68, top=0.0, bottom=0.25)  # the right block of the frame, top of page 1
    assert "Đơn vị báo cáo: Ủy ban nhân dân phường Tân An" in right
    assert "Đơn vị nhận báo cáo: Sở Nội vụ thành phố Cần Thơ" in right
    assert "NGƯỜI LẬP BIỂU" in flat and "THỦ TRƯỞNG ĐƠN VỊ" in flat and "Năm 2026" in flat
    assert all(" ".join(note.split())[:40] not in flat for note in form.notes)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" not in flat  # no administrative header
    total = form.value("total", "total")
    assert any(line.split()[:2] == ["Tổng", "số"] and line.split()[2] == str(total) for line in text.splitlines())


def test_review_reports_pdf_and_xlsx(demo_store, tmp_path, capsys):
    db = str(demo_store.path)
    assert main(["report", "so-ket", "--period", "2026-H1", "--out", str(tmp_path / "sk.pdf"), "--db", db]) == 0
    assert "6 tháng đầu năm 2026" in " ".join(pdf_text(tmp_path / "sk.pdf").split())
    assert main(["report", "tong-ket", "--period", "2026", "--out", str(tmp_path / "tk.xlsx"), "--db", db]) == 0
    flat = [c for row in cells(tmp_path / "tk.xlsx") for c in row if c is not None]
    assert "Tỷ lệ hộ nghèo" in flat and "Đạt" in flat


def test_attainment_matrix_xlsx(demo_store, tmp_path, capsys):
    out = tmp_path / "mt.xlsx"
    assert main(["report", "ma-tran", "--period", "2026", "--out", str(out), "--db", str(demo_store.path)]) == 0
    flat = [c for row in cells(out) for c in row if c is not None]
    assert "Phường Tân An" in flat


def test_report_bad_input(demo_store, tmp_path, capsys):
    db = str(demo_store.path)
    assert main(["report", "so-ket", "--period", "2026", "--out", str(tmp_path / "a.pdf"), "--db", db]) == EXIT_REFUSED
    assert "6 tháng đầu năm" in capsys.readouterr().err
    assert main(["report", "0601N", "--period", "2026", "--out", str(tmp_path / "a.docx"), "--db", db]) == EXIT_REFUSED
    assert ".pdf hoặc .xlsx" in capsys.readouterr().err
    assert main(["report", "0601N", "--period", "năm ngoái", "--out", str(tmp_path / "a.pdf"), "--db", db]) == EXIT_REFUSED
    assert "Kỳ báo cáo" in capsys.readouterr().err
