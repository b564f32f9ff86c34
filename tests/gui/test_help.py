"""The user guide: F1 (and Trợ giúp → Hướng dẫn sử dụng) opens a Vietnamese guide shipped with the
application, readable offline, whose pictures and links all resolve."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tdkt_desktop.gui.help import HelpWindow, guide_path
from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets


def _help_windows(window: Any) -> list[HelpWindow]:
    return [w for w in window.findChildren(HelpWindow) if w.isVisible()]


def test_f1_opens_the_guide_and_every_picture_shows(window: Any, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(_help_windows(window)), timeout=3000)
    (guide,) = _help_windows(window)
    assert guide.browser.source() == QtCore.QUrl.fromLocalFile(str(guide_path()))
    assert guide.windowTitle().startswith("Hướng dẫn sử dụng")
    document = guide.browser.document()
    text = document.toPlainText()
    for words in ("Hướng dẫn sử dụng TĐKT Desktop", "Xếp loại chất lượng", "Phát động phong trào",
                  "Đăng ký thi đua", "Họp Hội đồng", "Tờ trình", "Xuất gói", "Sao lưu"):
        assert words in text, words
    sources = re.findall(r'<img src="([^"]+)"', guide_path().read_text(encoding="utf-8"))
    assert len(sources) >= 8
    for source in sources:
        image = document.resource(QtGui.QTextDocument.ResourceType.ImageResource, QtCore.QUrl(source))
        assert isinstance(image, (QtGui.QImage, QtGui.QPixmap)) and not image.isNull(), source
        assert image.width() >= 400, source
    # F1 again raises the same window instead of opening another
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(_help_windows(window)) == 1
    guide.close()


def test_the_help_menu_opens_the_guide_and_the_browser_gets_the_local_file(window: Any, qtbot: Any,
                                                                            monkeypatch: Any) -> None:
    menu = window.menuBar().actions()[0]
    assert menu.text().replace("&", "") == "Trợ giúp"
    titles = [a.text().replace("&", "") for a in menu.menu().actions() if a.text()]
    assert titles[0] == "Hướng dẫn sử dụng" and any("Giới thiệu" in t for t in titles)
    window.guide_action.trigger()
    (guide,) = _help_windows(window)
    opened: list[QtCore.QUrl] = []
    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    guide.external_button.click()
    assert opened and opened[0].isLocalFile() and Path(opened[0].toLocalFile()) == guide_path()
    guide.close()


def test_every_link_inside_the_guide_leads_somewhere() -> None:
    html = guide_path().read_text(encoding="utf-8")
    anchors = set(re.findall(r'(?:id|name)="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in anchors, target
    for source in re.findall(r'src="([^"]+)"', html):
        assert (guide_path().parent / source).is_file(), source
    assert "http://" not in html and "https://" not in html  # readable offline: nothing fetched from the net
