"""PDF pages to images with pypdfium2 (QtPdf is not available), and pages to a printer. Both run on worker
threads: QImage and painting on a QPrinter are safe there. pdfium itself is not thread-safe, hence the lock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pypdfium2 as pdfium

from tdkt_desktop.gui.qt import QtCore, QtGui

_PDFIUM = threading.Lock()
MAX_PRINT_DPI = 300


def page_sizes_pt(pdf: str | Path | bytes) -> list[tuple[float, float]]:
    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            return [tuple(doc[i].get_size()) for i in range(len(doc))]
        finally:
            doc.close()


def render_page(doc: pdfium.PdfDocument, index: int, dpi: float) -> QtGui.QImage:
    """One page as an opaque QImage at ``dpi`` (caller holds the lock)."""
    page = doc[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, prefer_bgrx=True, fill_color=(255, 255, 255, 255))
        try:
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            buffer = bytes(bitmap.buffer)
            n = bitmap.n_channels
        finally:
            bitmap.close()
    finally:
        page.close()
    fmt = QtGui.QImage.Format.Format_RGB32 if n == 4 else QtGui.QImage.Format.Format_BGR888
    return QtGui.QImage(buffer, width, height, stride, fmt).copy()


def render_pages(
    pdf: str | Path | bytes, dpi: float, progress: Callable[[int, int], None] | None = None
) -> list[QtGui.QImage]:
    """Every page of a PDF as images (for the preview)."""
    images: list[QtGui.QImage] = []
    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            total = len(doc)
            for i in range(total):
                if progress is not None:
                    progress(i, total)
                images.append(render_page(doc, i, dpi))
        finally:
            doc.close()
    return images


def print_pdfs(
    pdfs: Sequence[str | Path], printer: QtGui.QPagedPaintDevice, progress: Callable[[int, int], None] | None = None
) -> int:
    """Paint every page of ``pdfs`` on ``printer`` (a QPrinter set up by the print dialog), each page drawn at
    the printer's resolution (at most 300 dpi) over the whole sheet, so the PDF's own margins and offsets hold.
    Returns the number of pages sent."""
    sizes = [page_sizes_pt(p) for p in pdfs]
    total = sum(len(s) for s in sizes)
    if total == 0:
        return 0
    resolution = printer.resolution() if hasattr(printer, "resolution") else 300
    dpi = float(min(resolution or 300, MAX_PRINT_DPI))
    first_w, first_h = sizes[0][0]
    layout = printer.pageLayout()
    layout.setOrientation(QtGui.QPageLayout.Orientation.Landscape if first_w > first_h
                          else QtGui.QPageLayout.Orientation.Portrait)
    printer.setPageLayout(layout)
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        from tdkt_desktop.core.text import InputError

        raise InputError("Không bắt đầu in được: máy in không sẵn sàng. Hãy kiểm tra máy in rồi thử lại.")
    done = 0
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)
        for path, page_sizes in zip(pdfs, sizes, strict=True):
            with _PDFIUM:
                doc = pdfium.PdfDocument(path)
                try:
                    for i, (w_pt, h_pt) in enumerate(page_sizes):
                        if progress is not None:
                            progress(done, total)
                        if done:
                            printer.newPage()
                        image = render_page(doc, i, dpi)
                        target = _target_rect(painter, printer, w_pt, h_pt)
                        painter.drawImage(target, image)
                        done += 1
                finally:
                    doc.close()
    finally:
        painter.end()
    return done


def _target_rect(painter: QtGui.QPainter, printer: QtGui.QPagedPaintDevice, w_pt: float, h_pt: float) -> QtCore.QRectF:
    """Where a page of w×h points goes: its true size from the sheet's corner (full-page mode), scaled down
    only when the sheet is smaller."""
    res = printer.resolution() if hasattr(printer, "resolution") else 72
    w, h = w_pt / 72.0 * res, h_pt / 72.0 * res
    area = painter.viewport()
    scale = min(1.0, area.width() / w if w else 1.0, area.height() / h if h else 1.0)
    return QtCore.QRectF(0, 0, w * scale, h * scale)
