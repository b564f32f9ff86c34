"""The one helper for every slow or writing action: work on a worker thread, result back on the GUI thread.

::

    ctx.jobs.run(
        lambda store, progress: store.insert("people", values),   # runs on a worker thread
        done=lambda row: ...,                                      # GUI thread, with the result
        title=self.tr("Saving"),
    )                                                              # then data_changed("people") is emitted

The work receives its OWN :class:`~tdkt_desktop.store.db.Store` on the same database (opened on the
worker thread, closed afterwards) and a :class:`Progress`: ``progress(done, total, text)`` reports and
raises :class:`Cancelled` once the person pressed Cancel; ``progress.cancelled`` can be polled.

Views follow ``data_changed(table)``. After a job, it is emitted for exactly the tables the job's store
saw written and kept (:mod:`tdkt_desktop.store.changes`) — after a success, and after a failure for what
was saved before it; nobody names tables by hand.

Errors: user errors (:func:`~tdkt_desktop.core.errors.user_message`; an OSError in the work becomes a
:class:`~tdkt_desktop.core.errors.FileAccessError`) are shown as a clear Vietnamese message (or handed to
``failed`` when given, which then decides what to show); anything else is a bug — logged to the bug log
and a dialog names the file. ``dialog=True`` shows a progress dialog with Cancel for long work; otherwise
progress appears in the status bar (``busy_changed``/``progress_changed`` signals).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tdkt_desktop.core.errors import file_error
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.errors import is_user_error, log_bug, user_message
from tdkt_desktop.gui.qt import QCoreApplication, QObject, Qt, QtCore, QtWidgets, Signal
from tdkt_desktop.store import changes
from tdkt_desktop.store.db import Store, open_store
from tdkt_desktop.store.keyfile import KeysLocked, WrongPassphrase, unlock
from tdkt_desktop.store.server_address import database_location

Work = Callable[[Store, "Progress"], Any]


class Cancelled(Exception):
    """Raised inside work by :class:`Progress` when the person cancelled; not an error."""


class Progress:
    """Handed to the work: report progress, notice cancellation. Thread-safe."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self._cancel = threading.Event()
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def __call__(self, done: int, total: int | None = None, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= 0.05 or (total is not None and done >= total):
            self._last = now
            self._job.signals.progress.emit(int(done), int(total if total is not None else 0), text)


class _JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, object, object)  # result, exception, names of the tables changed


class Job(QtCore.QRunnable):
    """One piece of work on the thread pool. ``jobs.run`` returns it; ``job.cancel()`` asks it to stop."""

    def __init__(self, db_path: str | Path, work: Work, title: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db_path = db_path
        self.work = work
        self.title = title
        self.signals = _JobSignals()
        self.progress = Progress(self)
        self.result: Any = None
        self.error: BaseException | None = None
        self.changed: list[str] = []

    def cancel(self) -> None:
        self.progress.cancel()

    def run(self) -> None:  # worker thread
        result: Any = None
        error: BaseException | None = None
        changed: set[str] = set()
        try:
            store = open_store(self.db_path, create=False, backup=False)
            try:
                changes.watch(store)
                try:
                    result = self.work(store, self.progress)
                finally:
                    changed = changes.changed_tables(store)
            finally:
                store.close()
        except OSError as exc:  # a file or disk problem: the person's to solve, in Vietnamese
            error = file_error(exc)
            error.__cause__ = exc
        except BaseException as exc:  # every failure goes back to the GUI thread
            error = exc
        self.signals.finished.emit(result, error, sorted(changed))


class Jobs(QObject):
    """The application's background runner and its ``data_changed(table)`` signal (one per application)."""

    data_changed = Signal(str)
    busy_changed = Signal(bool, str)  # busy, title of the running work
    progress_changed = Signal(int, int, str)  # done, total (0 = unknown), text

    def __init__(self, db_path: str | Path, parent: QObject | None = None, *, threads: int = 3) -> None:
        super().__init__(parent)
        self.db_path = database_location(db_path)
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: set[Job] = set()
        self._closed = False

    # ------------------------------------------------------------------ public
    def run(
        self,
        work: Work,
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        title: str = "",
        dialog: bool = False,
        parent: QtWidgets.QWidget | None = None,
    ) -> Job:
        """Run ``work(store, progress)`` on a worker thread; see the module text. After :meth:`close`, nothing is
        run (the job returned never starts)."""
        job = Job(self.db_path, work, title)
        if self._closed:
            return job
        progress_dialog = self._progress_dialog(job, title, parent) if dialog else None
        job.signals.progress.connect(self.progress_changed)
        if progress_dialog is not None:
            job.signals.progress.connect(
                lambda d, t, text: self._update_dialog(progress_dialog, d, t, text)
            )

        def finish(result: Any, error: BaseException | None, changed: list[str]) -> None:
            job.result, job.error, job.changed = result, error, changed
            self._running.discard(job)
            if progress_dialog is not None:
                progress_dialog.reset()
                progress_dialog.deleteLater()
            if not self._running:
                self.busy_changed.emit(False, "")
            if self._closed:  # the database was closed meanwhile: nothing to show, nobody to show it to
                if error is not None and not isinstance(error, Cancelled) and not is_user_error(error):
                    log_bug(error, context=f"background work finished after closing: {title}")
                return
            if error is None:
                if done is not None:
                    self._guard(done, result, parent)
                for table in changed:
                    self.data_changed.emit(table)
            elif isinstance(error, Cancelled):
                pass
            elif isinstance(error, KeysLocked):  # the key file has a passphrase: ask it once, then do the work
                if self._unlock(error.path, parent):
                    self.run(work, done=done, failed=failed, title=title, dialog=dialog, parent=parent)
            elif is_user_error(error):
                if failed is not None:
                    self._guard(failed, error, parent)
                else:
                    dialogs.warn(parent, title or self.tr("Cannot do this"), user_message(error) or "")
                for table in changed:  # what was saved before the failure
                    self.data_changed.emit(table)
            else:
                dialogs.bug(parent, log_bug(error, context=f"background work: {title}"))

        job.signals.finished.connect(finish, Qt.ConnectionType.QueuedConnection)
        self._running.add(job)
        self.busy_changed.emit(True, title)
        self.pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until no work is running (tests, closing the window)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._running and time.monotonic() < deadline:
            self.pool.waitForDone(10)
            QCoreApplication.processEvents()
        QCoreApplication.processEvents()
        return not self._running

    def cancel_all(self) -> None:
        for job in list(self._running):
            job.cancel()

    def close(self) -> None:
        """The database is being closed: running work is cancelled and waited for (5 s at most); what finishes
        later, or is asked for later, shows nothing — no result and no message over windows that are gone (a
        failure that is a bug is still logged). A late failure used to open a message box nobody would close."""
        self._closed = True
        self.cancel_all()
        self.wait_idle(5000)

    # ------------------------------------------------------------------ helpers
    def _unlock(self, key_file: Path, parent: QtWidgets.QWidget | None) -> bool:
        """Ask the key file's passphrase (three tries); True when the keys are unlocked for this session."""
        title = self.tr("Key passphrase")
        text = self.tr("The keys of this installation (they sign and open sync bundles) are protected by a "
                       "passphrase. Type the passphrase:")
        for _attempt in range(3):
            passphrase = dialogs.ask_passphrase(parent, title, text)
            if passphrase is None:
                return False
            try:
                unlock(key_file, passphrase)
            except WrongPassphrase:
                text = self.tr("The passphrase is not right (capital letters and tones count). Type it again:")
                continue
            return True
        dialogs.warn(parent, title, self.tr("The passphrase was not right three times; nothing was done."))
        return False

    def _guard(self, fn: Callable[[Any], None], arg: Any, parent: QtWidgets.QWidget | None) -> None:
        try:
            fn(arg)
        except Exception as exc:  # a bug in a GUI callback: log it, say so, keep running
            if is_user_error(exc):
                dialogs.warn(parent, self.tr("Cannot do this"), user_message(exc) or "")
            else:
                dialogs.bug(parent, log_bug(exc, context="background result handler"))

    def _progress_dialog(self, job: Job, title: str, parent: QtWidgets.QWidget | None) -> QtWidgets.QProgressDialog:
        dlg = QtWidgets.QProgressDialog(title or self.tr("Working…"), self.tr("Cancel"), 0, 0, parent)
        dlg.setWindowTitle(title or self.tr("Working…"))
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(400)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(job.cancel)
        return dlg

    @staticmethod
    def _update_dialog(dlg: QtWidgets.QProgressDialog, done: int, total: int, text: str) -> None:
        if total > 0:
            dlg.setMaximum(total)
            dlg.setValue(min(done, total))
        if text:
            dlg.setLabelText(text)


class _Poll(QtCore.QRunnable):
    """One look at what others changed, on a worker thread, with the watcher's own store."""

    def __init__(self, watcher: OthersWatcher) -> None:
        super().__init__()
        self.watcher = watcher

    def run(self) -> None:  # worker thread
        w = self.watcher
        try:
            if w.store is None:
                w.store = open_store(w.db_path, create=False, backup=False)
                w.mark = changes.change_mark(w.store)
                tables: set[str] = set()
            else:
                w.mark, tables = changes.changed_since(w.store, w.mark)
        except Exception as exc:  # the server out of reach for a moment: try again at the next look
            if w.store is not None:
                w.store.close()
                w.store = None
            w.signals.failed.emit(str(exc))
            return
        w.signals.seen.emit(sorted(tables))


class _WatchSignals(QObject):
    seen = Signal(object)  # the tables others changed
    failed = Signal(str)


class OthersWatcher(QObject):
    """On an office's shared server database, the screens follow what the other officers change: every few
    seconds (:attr:`INTERVAL_MS`) a worker asks the server which tables were changed since the last look
    (:func:`tdkt_desktop.store.changes.changed_since`) and ``jobs.data_changed`` is emitted for each, as after
    this program's own work. Nothing runs on the GUI thread; a look is skipped while the previous one runs."""

    INTERVAL_MS = 3000

    def __init__(self, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.db_path = jobs.db_path
        self.store: Store | None = None
        self.mark = 0
        self.signals = _WatchSignals()
        self.signals.seen.connect(self._seen, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._busy = False
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.look)

    def start(self) -> None:
        self.look()
        self.timer.start()

    def look(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.jobs.pool.start(_Poll(self))

    def _seen(self, tables: list[str]) -> None:
        self._busy = False
        for table in tables:
            self.jobs.data_changed.emit(table)

    def _failed(self, _text: str) -> None:
        self._busy = False

    def stop(self) -> None:
        self.timer.stop()
        deadline = time.monotonic() + 5
        while self._busy and time.monotonic() < deadline:
            self.jobs.pool.waitForDone(10)
            QCoreApplication.processEvents()
        if self.store is not None:
            self.store.close()
            self.store = None
