"""In ấn screen: the preview shows A4 page images, the saved PDF carries the Vietnamese text, the batch of a
decision writes the decision and a certificate per awardee, and stops cleanly when cancelled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.store.db import open_store

CERTIFICATE_TITLES = ("CSTDCS", "GIAY_KHEN")


@pytest.fixture
def page(demo_template: Path, tmp_path: Path, app: Any, qtbot: Any):  # type: ignore[no-untyped-def]
    import shutil

    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.print_view.page import make_print_page

    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, db)
    ctx = AppContext.open(db, settings=QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat))
    widget = make_print_page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    ctx.jobs.wait_idle()
    widget.kind.setCurrentIndex(widget.kind.findData("decisions"))
    ctx.jobs.wait_idle()
    assert widget.current_record() is not None
    yield widget
    ctx.jobs.wait_idle()
    ctx.close()


def _pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_preview_shows_a4_pages(page: Any) -> None:
    page.template.setCurrentIndex(page.template.findData("quyet_dinh"))
    page.show_preview()
    page.ctx.jobs.wait_idle(30_000)
    preview = page.preview
    assert len(preview.labels) >= 1
    pix = preview.pixmap(0)
    assert not pix.isNull()
    ratio = pix.width() / pix.height()
    assert abs(ratio - 210 / 297) < 0.01
    image = preview.images[0]
    dark = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # text was drawn, the page is not blank
    assert "nháp" in preview.info.text()
    preview.set_zoom(1.5)
    assert preview.pixmap(0).width() > pix.width() or preview.effective_zoom() == 1.5


def test_save_as_pdf_writes_the_issued_document(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 messages: Any) -> None:
    out = tmp_path / "quyet-dinh.pdf"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    page.template.setCurrentIndex(page.template.findData("quyet_dinh"))
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out)
    assert "QUYẾT ĐỊNH" in text
    assert "Phường Tân An".upper() in text.upper()
    assert ("info", "Đã lưu") in [(k, t) for k, t, _ in messages.shown]


def _expected_batch(db: Path, decision_id: str) -> int:
    with open_store(db) as store:
        n = store.db.execute(
            f"SELECT COUNT(*) FROM decision_awardees WHERE decision_id = ? AND deleted = 0 AND title_code IN "
            f"({','.join('?' for _ in CERTIFICATE_TITLES)})", [decision_id, *CERTIFICATE_TITLES],
        ).fetchone()[0]
    return 1 + n


def test_batch_for_a_decision(page: Any, tmp_path: Path, messages: Any) -> None:
    folder = tmp_path / "in"
    page.start_batch(str(folder))
    page.ctx.jobs.wait_idle(60_000)
    files = sorted(p.name for p in folder.iterdir())
    expected = _expected_batch(page.ctx.db_path, page.current_record()["id"])
    assert len(files) == expected >= 2
    assert sum(1 for f in files if f.startswith("quyet-dinh")) == 1
    assert all(f.endswith(".pdf") for f in files)
    assert page.last_batch["cancelled"] is False


def test_batch_can_be_cancelled(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Any) -> None:
    from tdkt_desktop.gui.print_view import work

    original = work.render_item
    calls = []

    def slow_then_cancel(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        calls.append(result)
        if len(calls) == 2:
            page.batch_job.cancel()
        return result

    monkeypatch.setattr(work, "render_item", slow_then_cancel)
    folder = tmp_path / "in"
    page.start_batch(str(folder))
    page.ctx.jobs.wait_idle(60_000)
    files = sorted(folder.iterdir())
    expected = _expected_batch(page.ctx.db_path, page.current_record()["id"])
    assert len(files) == 2 < expected
    assert all(p.suffix == ".pdf" and p.read_bytes().startswith(b"%PDF") for p in files)  # no partial file
    assert page.last_batch["cancelled"] is True
    assert any("Đã dừng" in text for _k, _t, text in messages.shown)


def test_print_paints_every_page(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        p.setResolution(150)
        return p

    monkeypatch.setattr(page, "_ask_printer", printer)
    page.template.setCurrentIndex(page.template.findData("quyet_dinh"))
    page.print_button.click()
    page.ctx.jobs.wait_idle(30_000)
    page.ctx.jobs.wait_idle(30_000)
    assert out.exists()
    issued = next(iter(page.issued.values()))
    doc, printed = pdfium.PdfDocument(issued), pdfium.PdfDocument(str(out))
    try:
        assert len(printed) == len(doc) >= 1
    finally:
        doc.close()
        printed.close()
