"""The user guide (Help → User guide, F1): a Vietnamese HTML page with screenshots shipped in
``resources/help/`` — readable offline, in a window of the application or in the system's browser."""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen, shortcut
from tdkt_desktop.paths import resources_dir

GUIDE = "huong-dan.html"


def guide_path() -> Path:
    """The guide's page; its images are in ``images/`` beside it."""
    return resources_dir() / "help" / GUIDE


class HelpWindow(QtWidgets.QDialog):
    """The guide in a browser of its own (links inside the guide, Back, the system's browser)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("User guide — TĐKT Desktop"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setModal(False)
        layout = QtWidgets.QVBoxLayout(self)
        bar = QtWidgets.QHBoxLayout()
        self.back_button = QtWidgets.QPushButton(self.tr("< Back"), self)
        self.back_button.setEnabled(False)
        self.home_button = QtWidgets.QPushButton(self.tr("Contents"), self)
        self.external_button = QtWidgets.QPushButton(self.tr("Open in the web browser"), self)
        self.external_button.setToolTip(self.tr("Open the same guide in the computer's web browser, to print it"))
        bar.addWidget(self.back_button)
        bar.addWidget(self.home_button)
        bar.addStretch(1)
        bar.addWidget(self.external_button)
        layout.addLayout(bar)
        self.browser = QtWidgets.QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path().parent)])
        layout.addWidget(self.browser, 1)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout.addWidget(close)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.clicked.connect(self.browser.backward)
        self.home_button.clicked.connect(self.home)
        self.external_button.clicked.connect(self.open_external)
        shortcut("Alt+Left", self, self.browser.backward)
        self.home()
        fit_to_screen(self, 1000, 760)

    def home(self) -> None:
        self.browser.setSource(QtCore.QUrl.fromLocalFile(str(guide_path())))

    def show_topic(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)

    def open_external(self) -> bool:
        return QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(guide_path())))


def show_help(parent: QtWidgets.QWidget, anchor: str = "") -> HelpWindow:
    """Open the guide (one window per main window: F1 again raises it), at ``anchor`` when given."""
    window = parent.findChild(HelpWindow)
    if window is None:
        window = HelpWindow(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    if anchor:
        window.show_topic(anchor)
    return window
