"""The main window: navigation on the left, the chosen section on the right, facts in the status bar."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from tdkt_desktop.gui import registry
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen, scrolling, shortcut
from tdkt_desktop.store import backups
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.server_address import location_label

STATUS_DELAY_MS = 300  # the status bar's facts are read once the window is painted (start-up paints first)


def section_title(title: str) -> str:
    return QCoreApplication.translate("Sections", title)


def status_facts(store: Store) -> dict[str, Any]:
    """Worker: what the status bar shows."""
    unit = store.self_unit()
    made = [] if store.on_server else backups.list_backups(store.path)  # a server: backed up on the server
    last_backup = made[0].made_at if made else None
    from tdkt_desktop.sync import outgoing_history, unconfirmed_bundles, unexported_count
    from tdkt_desktop.sync import pending as reported_pending

    upper = unit["parent_code"] if unit else None
    pending, unconfirmed, last_bundle, not_applied = 0, 0, None, 0
    if upper:
        pending = unexported_count(store, upper)  # changed since the last bundle exported to the upper office
        unconfirmed = unconfirmed_bundles(store, upper)  # exported, not yet acknowledged (carried again)
        not_applied = len(reported_pending(store, upper))  # what the upper office reported it could not apply
        sent = outgoing_history(store, upper)
        last_bundle = sent[-1]["created_at"] if sent else None
    return {
        "unit": unit["name"] if unit else "",
        "unit_code": store.unit_code or "",
        "last_backup": last_backup,
        "on_server": store.on_server,
        "pending": pending,
        "unconfirmed": unconfirmed,
        "not_applied": not_applied,
        "last_bundle": last_bundle,
    }


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("TĐKT Desktop — Emulation and commendation work"))
        self.sections = [s for s in registry.sections() if s.visible is None or s.visible(ctx)]
        self.pages: dict[str, QtWidgets.QWidget] = {}
        self._scrolls: dict[str, QtWidgets.QScrollArea] = {}

        central = QtWidgets.QWidget(self)
        row = QtWidgets.QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QtWidgets.QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(230)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for i, section in enumerate(self.sections):
            item = QtWidgets.QListWidgetItem(section_title(section.title))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            if section.tooltip:
                item.setToolTip(QCoreApplication.translate("Sections", section.tooltip))
            self.nav.addItem(item)
            if i < 9:
                shortcut(f"Alt+{i + 1}", self, partial(self.nav.setCurrentRow, i))
        self.stack = QtWidgets.QStackedWidget(central)
        self.stack.setObjectName("sectionStack")
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_menu()
        self._build_status_bar()
        ctx.jobs.data_changed.connect(lambda _t: self._status_timer.start())
        self._restore_state()

    # ------------------------------------------------------------------ sections
    def show_section(self, key: str) -> QtWidgets.QWidget | None:
        for i, section in enumerate(self.sections):
            if section.key == key:
                self.nav.setCurrentRow(i)
                return self.pages.get(key)
        return None

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def page(self, key: str) -> QtWidgets.QWidget:
        """The section's widget, created on first use."""
        if key not in self.pages:
            section = registry.section(key)
            assert section is not None
            page = section.factory(self.ctx)
            page.setObjectName(f"section_{key}")
            self.pages[key] = page
            self._scrolls[key] = scrolling(page, self.stack)  # a page wider or taller than the screen scrolls
            self._scrolls[key].setObjectName("sectionScroll")
            self.stack.addWidget(self._scrolls[key])
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        key = self.sections[row].key
        created = key not in self.pages
        page = self.page(key)
        self.stack.setCurrentWidget(self._scrolls[key])
        if not created and hasattr(page, "refresh"):
            page.refresh()
        self.ctx.settings.setValue("main/section", key)

    # ------------------------------------------------------------------ menu
    def _build_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = help_menu.addAction(self.tr("&User guide"))
        self.guide_action.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.HelpContents))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # F1 in every window
        self.guide_action.triggered.connect(self.show_help)
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About TĐKT Desktop"))
        about.triggered.connect(self.show_about)

    def show_help(self) -> QtWidgets.QWidget:
        from tdkt_desktop.gui.help import show_help

        return show_help(self)

    def show_about(self) -> None:
        from tdkt_desktop.gui.about import show_about

        show_about(self, self.ctx)

    def open_file(self, path: str | Path) -> None:
        """A file given on the command line (double-clicked in the file manager): a bundle opens the import
        preview of the Đồng bộ section, an enrolment file the enrolment check."""
        from tdkt_desktop.gui.sync_view import open_bundle_file

        if str(path).lower().endswith(".tdktkhoa"):
            self.show_section("sync")
            page = self.page("sync")
            if hasattr(page, "open_enrolment"):
                page.open_enrolment(str(path))
            return
        open_bundle_file(self, path)

    # ------------------------------------------------------------------ status bar
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.unit_label = QtWidgets.QLabel(bar)
        self.db_label = QtWidgets.QLabel(bar)
        self.backup_label = QtWidgets.QLabel(bar)
        self.bundle_label = QtWidgets.QLabel(bar)
        self.busy_bar = QtWidgets.QProgressBar(bar)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        for widget in (self.unit_label, self.db_label, self.backup_label, self.bundle_label):
            bar.addWidget(widget)
        bar.addPermanentWidget(self.busy_bar)
        self.db_label.setText(self.tr("Data: %1").replace("%1", location_label(self.ctx.db_path, short=True)))
        self.db_label.setToolTip(location_label(self.ctx.db_path))
        self._busy_timer = QtCore.QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(300)  # only show the bar for work that takes a moment
        self._busy_timer.timeout.connect(lambda: self.busy_bar.setVisible(self.ctx.jobs.busy))
        self.ctx.jobs.busy_changed.connect(self._busy)
        self.ctx.jobs.progress_changed.connect(self._progress)
        self._status_timer = QtCore.QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(500)
        self._status_timer.timeout.connect(self.refresh_status)
        QtCore.QTimer.singleShot(STATUS_DELAY_MS, self.refresh_status)  # after the window is painted

    def _busy(self, busy: bool, title: str) -> None:
        if busy:
            self.busy_bar.setRange(0, 0)
            self.busy_bar.setToolTip(title)
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy_bar.hide()

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)
        if text:
            self.statusBar().showMessage(text, 3000)

    def refresh_status(self) -> None:
        self.ctx.jobs.run(lambda store, _p: status_facts(store), done=self._show_status)

    def _show_status(self, facts: dict[str, Any]) -> None:
        unit = facts["unit"] or self.tr("(unit not set)")
        self.unit_label.setText(self.tr("Unit: %1").replace("%1", unit))
        self.unit_label.setToolTip(facts["unit_code"])
        backup = facts["last_backup"]
        if facts.get("on_server"):
            self.backup_label.setText(self.tr("Backed up on the office's server"))
        else:
            self.backup_label.setText(
                self.tr("Last backup: %1").replace("%1", backup.strftime("%d/%m/%Y %H:%M"))
                if backup else self.tr("No backup yet")
            )
        pending, not_applied = facts["pending"], facts.get("not_applied", 0)
        unconfirmed = facts.get("unconfirmed", 0)
        if pending:
            text = self.tr("Changes not yet in a bundle: %1").replace("%1", str(pending))
        elif unconfirmed:
            text = self.tr("Everything exported; the upper office has not confirmed %1 bundle(s) yet").replace(
                "%1", str(unconfirmed))
        else:
            text = self.tr("Everything sent up")
        if not_applied:
            text += " · " + self.tr("not applied by the upper office: %1 (see Synchronisation)").replace(
                "%1", str(not_applied))
        self.bundle_label.setText(text)

    # ------------------------------------------------------------------ remembered state
    def _restore_state(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QtCore.QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1200, 760)
        key = settings.value("main/section") or (self.sections[0].key if self.sections else "")
        if not self.show_section(str(key)) and self.sections:
            self.nav.setCurrentRow(0)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.ctx.settings.setValue("main/geometry", self.saveGeometry())
        for page in self.pages.values():
            if hasattr(page, "can_close") and not page.can_close():
                event.ignore()
                return
        event.accept()


