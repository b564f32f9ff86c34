"""The page preview: rendered page images in a scroll area, with zoom and page navigation."""

from __future__ import annotations

from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.gui.widgets import shortcut

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH = 0.0


class _Scroll(QtWidgets.QScrollArea):
    zoom_step = Signal(int)
    resized = Signal()

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_step.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PreviewView(QtWidgets.QWidget):
    """``set_pages(images, dpi)`` shows the pages; ``zoom`` is a factor of the real size, 0 = fit the width."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QtGui.QImage] = []
        self.dpi = 96.0
        self.zoom = FIT_WIDTH
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        bar = QtWidgets.QHBoxLayout()
        self.prev_button = QtWidgets.QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.page_box = QtWidgets.QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setToolTip(self.tr("Go to page"))
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.page_total = QtWidgets.QLabel(self)
        self.next_button = QtWidgets.QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        bar.addWidget(QtWidgets.QLabel(self.tr("Page"), self))
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        self.zoom_out = QtWidgets.QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+wheel)"))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_box = QtWidgets.QComboBox(self)
        self.zoom_box.addItem(self.tr("Fit width"), FIT_WIDTH)
        for z in ZOOMS:
            self.zoom_box.addItem(f"{int(z * 100)} %", z)
        self.zoom_box.currentIndexChanged.connect(lambda _i: self.set_zoom(float(self.zoom_box.currentData())))
        self.zoom_in = QtWidgets.QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl+wheel)"))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_box.setToolTip(self.tr("Zoom"))  # no label: the preview stays narrow enough for a small screen
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.info = QtWidgets.QLabel(self)
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)

        self.pages_scroll = _Scroll(self)
        self.pages_scroll.setObjectName("previewScroll")
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_widget = QtWidgets.QWidget()
        self.pages_widget.setObjectName("previewPages")
        self.pages_layout = QtWidgets.QVBoxLayout(self.pages_widget)
        self.pages_layout.setContentsMargins(16, 16, 16, 16)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.placeholder = QtWidgets.QLabel(self.pages_widget)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("previewPlaceholder")
        self.pages_layout.addWidget(self.placeholder)
        self.pages_scroll.setWidget(self.pages_widget)
        self.pages_scroll.zoom_step.connect(self.step_zoom)
        self.pages_scroll.resized.connect(self._fit_if_needed)
        self.pages_scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._sync_page_box())
        layout.addWidget(self.pages_scroll, 1)
        self.labels: list[QtWidgets.QLabel] = []
        shortcut("PgDown", self.pages_scroll, lambda: self.go_to(self.current_page() + 1))
        shortcut("PgUp", self.pages_scroll, lambda: self.go_to(self.current_page() - 1))
        self.set_message(self.tr("Choose a document and a record, then press “Preview”."))

    # ------------------------------------------------------------------ content
    def set_message(self, text: str) -> None:
        self.clear_pages()
        self.placeholder.setText(text)
        self.placeholder.show()

    def clear_pages(self) -> None:
        for label in self.labels:
            label.hide()
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.labels = []
        self.images = []
        self.page_box.setMaximum(1)
        self.page_total.setText("/ 0")
        self.info.setText("")
        self.info.hide()
        self._update_nav()

    def set_pages(self, images: list[QtGui.QImage], dpi: float, info: str = "") -> None:
        self.clear_pages()
        self.placeholder.hide()
        self.images = list(images)
        self.dpi = dpi
        for _ in self.images:
            label = QtWidgets.QLabel(self.pages_widget)
            label.setObjectName("previewPage")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
        self.page_box.setMaximum(max(1, len(self.images)))
        self.page_total.setText(f"/ {len(self.images)}")
        self.info.setText(info)
        self.info.setVisible(bool(info))
        self._apply_zoom()
        self._update_nav()

    def pixmap(self, index: int) -> QtGui.QPixmap:
        return self.labels[index].pixmap()

    # ------------------------------------------------------------------ zoom
    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        i = self.zoom_box.findData(zoom)
        if i >= 0 and i != self.zoom_box.currentIndex():
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(i)
            self.zoom_box.blockSignals(False)
        self._apply_zoom()

    def step_zoom(self, step: int) -> None:
        current = self.effective_zoom()
        if step > 0:
            bigger = [z for z in ZOOMS if z > current + 0.01]
            self.set_zoom(bigger[0] if bigger else ZOOMS[-1])
        else:
            smaller = [z for z in ZOOMS if z < current - 0.01]
            self.set_zoom(smaller[-1] if smaller else ZOOMS[0])

    def effective_zoom(self) -> float:
        if self.zoom != FIT_WIDTH or not self.images:
            return self.zoom or 1.0
        widest = max(img.width() for img in self.images) / self.dpi * self.logicalDpiX()
        room = self.pages_scroll.viewport().width() - 40
        return max(0.2, room / widest) if widest else 1.0

    def _fit_if_needed(self) -> None:
        if self.zoom == FIT_WIDTH:
            self._apply_zoom()

    def _apply_zoom(self) -> None:
        if not self.images:
            return
        factor = self.effective_zoom() * self.logicalDpiX() / self.dpi  # image px → screen px
        ratio = self.devicePixelRatioF() or 1.0
        for img, label in zip(self.images, self.labels, strict=True):
            size = QtCore.QSize(round(img.width() * factor), round(img.height() * factor))
            pix = QtGui.QPixmap.fromImage(img.scaled(
                size * ratio, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            pix.setDevicePixelRatio(ratio)
            label.setPixmap(pix)
            label.setFixedSize(size.width() + 2, size.height() + 2)

    # ------------------------------------------------------------------ pages
    def current_page(self) -> int:
        if not self.labels:
            return 0
        y = self.pages_scroll.verticalScrollBar().value() + 20
        current = 0
        for i, label in enumerate(self.labels):
            if label.y() <= y:
                current = i
        return current

    def go_to(self, index: int) -> None:
        if not self.labels:
            return
        index = max(0, min(index, len(self.labels) - 1))
        self.pages_scroll.verticalScrollBar().setValue(max(0, self.labels[index].y() - 8))
        self._sync_page_box(index)

    def _sync_page_box(self, index: int | None = None) -> None:
        page = self.current_page() if index is None else index
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._update_nav()

    def _update_nav(self) -> None:
        n = len(self.labels)
        page = self.page_box.value() - 1
        self.prev_button.setEnabled(n > 1 and page > 0)
        self.next_button.setEnabled(n > 1 and page < n - 1)
        self.page_box.setEnabled(n > 1)
