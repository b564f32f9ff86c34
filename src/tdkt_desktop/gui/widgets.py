"""Small reusable widgets: the tone-insensitive search box, the undo bar, a section header, shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal


def shortcut(
    keys: str, parent: QtWidgets.QWidget, slot: Callable[[], Any],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QtGui.QShortcut:
    """A keyboard shortcut on ``parent`` (which owns it) that calls ``slot``."""
    found = QtGui.QShortcut(QtGui.QKeySequence(keys), parent)
    found.setContext(context)
    found.activated.connect(slot)
    return found


class SearchBox(QtWidgets.QLineEdit):
    """One search box per list: ignores tones and case; emits ``search(text)`` 250 ms after typing stops."""

    search = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None, *, delay_ms: int = 250) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText(self.tr("Search (no need for tones)…"))
        self.setToolTip(self.tr("Type part of a name, with or without tones: “nguyen van an” finds “Nguyễn Văn Ân”."))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.textChanged.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self.flush)

    def flush(self) -> None:
        """Search now (Enter, tests)."""
        self._timer.stop()
        self.search.emit(self.text())

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        super().keyPressEvent(event)


class UndoBar(QtWidgets.QFrame):
    """"Đã xoá … [Hoàn tác]" under a list; hides itself after ``timeout_ms``."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, *, timeout_ms: int = 20_000) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QtWidgets.QLabel(self)
        self.button = QtWidgets.QPushButton(self.tr("Undo"), self)
        self.button.setObjectName("undoButton")
        self.button.setToolTip(self.tr("Bring back what was just deleted (Ctrl+Z)"))
        close = QtWidgets.QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(close)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.hide)
        self._undo: Callable[[], object] | None = None
        self.button.clicked.connect(self.undo)
        self.hide()

    def offer(self, message: str, undo: Callable[[], object]) -> None:
        self.label.setText(message)
        self._undo = undo
        self.show()
        self._timer.start()

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.hide()
        if action is not None:
            action()

    @property
    def can_undo(self) -> bool:
        return self._undo is not None and not self.isHidden()


def heading(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setObjectName("heading")
    return label


def hint(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class SectionPage(QtWidgets.QWidget):
    """A section's frame: heading, a one-line explanation, then the body (often a QTabWidget of lists)."""

    def __init__(self, title: str, explanation: str = "", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = QtWidgets.QVBoxLayout(self)
        self.outer.setContentsMargins(18, 12, 18, 8)
        self.outer.addWidget(heading(title, self))
        if explanation:
            self.outer.addWidget(hint(explanation, self))
        self.lists: list[QtWidgets.QWidget] = []
        self.tabs: QtWidgets.QTabWidget | None = None

    def add(self, widget: QtWidgets.QWidget, stretch: int = 1) -> QtWidgets.QWidget:
        self.outer.addWidget(widget, stretch)
        if hasattr(widget, "model"):
            self.lists.append(widget)
        return widget

    def tab_widget(self) -> QtWidgets.QTabWidget:
        """The page's tabs, made the first time they are asked for."""
        if self.tabs is None:
            self.tabs = QtWidgets.QTabWidget(self)
            self.tabs.setDocumentMode(True)
            self.outer.addWidget(self.tabs, 1)
        return self.tabs

    def add_tab(self, widget: QtWidgets.QWidget, title: str) -> QtWidgets.QWidget:
        self.tab_widget().addTab(widget, title)
        if hasattr(widget, "model"):
            self.lists.append(widget)
        return widget

    def refresh(self) -> None:
        for widget in self.lists:
            refresh = getattr(widget, "refresh", None)
            if refresh is not None:
                refresh()

    def focus_search(self) -> None:
        current = self.tabs.currentWidget() if self.tabs is not None else (self.lists[0] if self.lists else None)
        if current is not None and hasattr(current, "focus_search"):
            current.focus_search()
