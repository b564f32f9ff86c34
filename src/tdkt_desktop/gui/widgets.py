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


class FitScroll(QtWidgets.QScrollArea):
    """A frameless scroll area that gives its widget all the room there is and scrolls only when the room is
    less than the widget's minimum size (a small screen, a large scale factor).

    Qt's own resizable scroll area makes a widget with word-wrapped text as tall as it would like to be, so
    a section scrolled even when the screen had room for it; this one asks only for the minimum.
    """

    def __init__(self, widget: QtWidgets.QWidget, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitScroll")
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(widget)

    def fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        room = self.maximumViewportSize()
        bar_w = self.verticalScrollBar().sizeHint().width()
        bar_h = self.horizontalScrollBar().sizeHint().height()
        wide = least.width() > room.width()
        tall = least.height() > room.height() - (bar_h if wide else 0)
        wide = wide or (tall and least.width() > room.width() - bar_w)
        if self.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            wide = False
        width = room.width() - (bar_w if tall else 0)
        height = room.height() - (bar_h if wide else 0)
        widget.resize(max(width, least.width()) if wide else width, max(height, least.height()))

    def minimumSizeHint(self) -> QtCore.QSize:
        hint = super().minimumSizeHint()
        widget = self.widget()
        if widget is not None and self.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            least = widget.minimumSizeHint().expandedTo(widget.minimumSize()).width()  # scrolls down only: as wide
            hint.setWidth(max(hint.width(), least + self.verticalScrollBar().sizeHint().width()
                              + 2 * self.frameWidth()))
        return hint

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.widget() and event.type() == QtCore.QEvent.Type.LayoutRequest:
            QtCore.QTimer.singleShot(0, self.fit)  # the widget's minimum may have changed
        return super().eventFilter(watched, event)


class WrappedLabel(QtWidgets.QLabel):
    """A word-wrapped label that asks its layout for the lines it needs at its width, so that a squeezed form
    scrolls (in a :class:`FitScroll`) instead of drawing the label over its neighbours."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._lines_height = -1

    def minimumSizeHint(self) -> QtCore.QSize:
        hint = super().minimumSizeHint()
        if self.width() > 0 and self.text():
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed != self._lines_height:
            self._lines_height = needed
            self.updateGeometry()


def scrolling(widget: QtWidgets.QWidget, parent: QtWidgets.QWidget | None = None) -> FitScroll:
    """``widget`` in a :class:`FitScroll`."""
    return FitScroll(widget, parent)


def available_size(widget: QtWidgets.QWidget | None = None) -> QtCore.QSize:
    """The room on the screen ``widget`` is on (the primary screen before it is shown), without the task bar."""
    screen = (widget.screen() if widget is not None else None) or QtGui.QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_to_screen(window: QtWidgets.QWidget, width: int, height: int) -> None:
    """Resize a window to ``width`` × ``height``, or to what the screen offers when that is less (a window's
    frame and title bar take some room too)."""
    room = available_size(window)
    window.resize(min(width, room.width() - 16), min(height, room.height() - 40))


def compact_combo(combo: QtWidgets.QComboBox, chars: int) -> QtWidgets.QComboBox:
    """A combo box as wide as ``chars`` characters whatever its choices (long ones are elided; the list opens
    wide enough and the tooltip shows the chosen text whole), so a long campaign name never widens a screen."""
    combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


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
    """"Đã xóa … [Hoàn tác]" under a list; hides itself after ``timeout_ms``."""

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
