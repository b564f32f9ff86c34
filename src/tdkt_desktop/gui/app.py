"""Starting the application: display check, QApplication, Vietnamese translation, the excepthook, the
first-run wizard, the main window. ``run_gui(db_path) -> int`` is what ``tdkt`` with no command calls."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from tdkt_desktop.gui.database_choice import APPLICATION, ORGANIZATION, location_to_open, open_context
from tdkt_desktop.gui.errors import bug_log_path, is_user_error, log_bug, user_message
from tdkt_desktop.store.db import StoreError, default_db_path


def display_problem() -> str | None:
    """Why no window can be shown here (Vietnamese), or ``None`` when a display is available."""
    if sys.platform.startswith("linux"):
        if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            return None
        return (
            "Không tìm thấy màn hình đồ họa (DISPLAY/WAYLAND_DISPLAY chưa đặt), nên không mở được cửa sổ.\n"
            "• Hãy chạy trong phiên làm việc đồ họa, hoặc qua “ssh -X”;\n"
            "• hoặc dùng các lệnh không cần màn hình: “tdkt --help”;\n"
            "• hoặc chạy ẩn: QT_QPA_PLATFORM=offscreen tdkt (chỉ để kiểm thử)."
        )
    return None


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Bugs that reach the event loop: log them, show where; user errors: show their message."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from tdkt_desktop.gui import dialogs
    from tdkt_desktop.gui.qt import QtWidgets

    parent = QtWidgets.QApplication.activeWindow()
    if is_user_error(exc):
        dialogs.warn(parent, QtWidgets.QApplication.translate("App", "Cannot do this"), user_message(exc) or "")
        return
    exc.__traceback__ = tb
    path = log_bug(exc, context="unhandled")
    dialogs.bug(parent, path)


def make_app(argv: list[str] | None = None):  # type: ignore[no-untyped-def]
    """The QApplication with our names, style and translation (reuses an existing one, e.g. in tests)."""
    from tdkt_desktop.gui import i18n, style
    from tdkt_desktop.gui.qt import Qt, QtWidgets

    existing = QtWidgets.QApplication.instance()
    if isinstance(existing, QtWidgets.QApplication):
        app = existing
    else:
        QtWidgets.QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    i18n.install_translator(app)
    style.apply(app)
    from tdkt_desktop.gui.about import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_gui(db_path: str | Path | None = None, open_path: str | Path | None = None) -> int:
    """Open the main window on ``db_path`` (default: the user's data folder); returns the exit code.

    ``open_path`` is a bundle (``.tdktgoi``) or enrolment file (``.tdktkhoa``) to open once the window is
    shown — what a double-click on such a file in the file manager does."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = make_app()
    sys.excepthook = excepthook
    from tdkt_desktop.gui import dialogs
    from tdkt_desktop.gui.main_window import MainWindow
    from tdkt_desktop.gui.qt import QtWidgets
    from tdkt_desktop.gui.wizard import SetupWizard

    path = location_to_open(db_path, default_db_path())
    try:
        ctx = open_context(path)
    except StoreError as err:
        dialogs.warn(None, QtWidgets.QApplication.translate("App", "Cannot open the data"), str(err))
        return 1
    if ctx is None:  # the password was not given
        return 1
    try:
        if not ctx.unit_code:
            wizard = SetupWizard(ctx)
            if wizard.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return 0
        window = MainWindow(ctx)
        window.show()
        start_daily_backup(ctx, window)
        if open_path:
            from tdkt_desktop.gui.qt import QtCore

            QtCore.QTimer.singleShot(0, lambda: window.open_file(open_path))
        return int(app.exec())
    finally:
        ctx.close()


def start_daily_backup(ctx: Any, window: Any) -> None:
    """The day's automatic backup, on a worker, at the first start of the day; a failure is said (a damaged
    database must be known early), the work goes on."""
    from tdkt_desktop.gui import dialogs
    from tdkt_desktop.gui.qt import QtWidgets
    from tdkt_desktop.store import backups

    def failed(exc: BaseException) -> None:
        dialogs.warn(window, QtWidgets.QApplication.translate("App", "Automatic backup"),
                     QtWidgets.QApplication.translate("App", "No automatic backup could be made today:") + "\n"
                     + (user_message(exc) or str(exc)))

    ctx.jobs.run(lambda store, _p: None if store.read_only or store.on_server else backups.daily_backup(store.path), failed=failed,
                 title=QtWidgets.QApplication.translate("App", "Automatic backup"))


__all__ = ["bug_log_path", "display_problem", "make_app", "run_gui"]
