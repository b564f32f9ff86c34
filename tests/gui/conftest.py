"""GUI tests: offscreen, Qt warnings fail the test, a fresh database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.store.db import open_store
from tdkt_desktop.store.installation import Official, init_unit

# Messages Qt prints that say nothing about our code (fonts of the offscreen platform and the like).
IGNORED = ("propagateSizeHints", "QFont::", "Populating font family aliases", "This plugin does not support")


@pytest.fixture(autouse=True)
def qt_messages_fail() -> Iterator[list[str]]:
    problems: list[str] = []

    def handler(mode: QtCore.QtMsgType, _context: Any, message: str) -> None:
        if mode in (QtCore.QtMsgType.QtWarningMsg, QtCore.QtMsgType.QtCriticalMsg, QtCore.QtMsgType.QtFatalMsg):
            if not any(text in message for text in IGNORED):
                problems.append(message)

    previous = QtCore.qInstallMessageHandler(handler)
    yield problems
    QtCore.qInstallMessageHandler(previous)
    assert not problems, f"Qt warnings: {problems}"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TDKT_LOG_DIR", str(tmp_path / "logs"))
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp_path / "cfg"))


@pytest.fixture(scope="session")
def app() -> QtWidgets.QApplication:
    from tdkt_desktop.gui.app import make_app

    return make_app(["pytest"])


@pytest.fixture
def qapp(app: QtWidgets.QApplication) -> QtWidgets.QApplication:  # pytest-qt uses this
    return app


class Messages:
    """Records message boxes instead of showing them; ``answer`` is what the person "clicks"."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer: Any = True

    def __call__(self, kind: str, title: str, text: str) -> Any:
        self.shown.append((kind, title, text))
        return self.answer

    def kinds(self) -> list[str]:
        return [k for k, _, _ in self.shown]


@pytest.fixture(autouse=True)
def messages() -> Iterator[Messages]:
    recorder = Messages()
    dialogs.recorder = recorder
    yield recorder
    dialogs.recorder = None


SETUP = {
    "code": "27031",
    "parent": "79",
    "officials": [Official("Trần Văn Bình", "Chủ tịch", "TM. ỦY BAN NHÂN DÂN")],
    "doc_prefixes": {"QĐ": "QĐ-UBND"},
    "operator": "Nguyễn Thị Lan",
}


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "tdkt.sqlite"
    open_store(path).close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "tdkt.sqlite"
    with open_store(path) as store:
        init_unit(store, **SETUP)
    return path


@pytest.fixture
def ctx(app: QtWidgets.QApplication, db_path: Path) -> Iterator[Any]:
    from tdkt_desktop.gui.context import AppContext

    context = AppContext.open(db_path, settings=QtCore.QSettings(str(db_path.parent / "s.ini"), QtCore.QSettings.Format.IniFormat))
    yield context
    context.close()


@pytest.fixture(scope="session")
def gui_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of the wizard's unit, built once per session; each test gets a copy."""
    from tdkt_desktop.demo import build_demo

    path = tmp_path_factory.mktemp("gui-demo") / "tdkt.sqlite"
    with open_store(path) as store:
        init_unit(store, **SETUP)
        build_demo(store)
    return path


@pytest.fixture
def demo_ctx(app: QtWidgets.QApplication, tmp_path: Path, gui_demo_template: Path) -> Iterator[Any]:
    """A context on the demo database of the wizard's unit (campaigns, results, nominations, a decision)."""
    import shutil

    from tdkt_desktop.gui.context import AppContext

    db_path = tmp_path / "tdkt.sqlite"
    shutil.copyfile(gui_demo_template, db_path)
    context = AppContext.open(db_path, settings=QtCore.QSettings(str(db_path.parent / "s.ini"), QtCore.QSettings.Format.IniFormat))
    yield context
    context.close()


@pytest.fixture
def window(ctx: Any, qtbot: Any) -> Iterator[Any]:
    from tdkt_desktop.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.jobs.wait_idle()
    yield win
    ctx.jobs.wait_idle()
    win.close()
