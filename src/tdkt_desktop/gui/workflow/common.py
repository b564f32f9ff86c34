"""Shared pieces of the workflow screens: errors shown beside fields, the editor dialog that never loses
changes silently, periods, and small helpers (the table pieces are :mod:`tdkt_desktop.gui.tables`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import InputError, fold
from tdkt_desktop.gui import dialogs, palette
from tdkt_desktop.gui.errors import is_user_error
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import freshness

Row = dict[str, Any]

def today() -> _dt.date:
    return _dt.date.today()


def current_period(on: _dt.date | None = None) -> str:
    """The reporting period people are working on: the first half until June, then the whole year."""
    on = on or today()
    return f"{on.year}-H1" if on.month <= 6 else str(on.year)


def period_choices(around: int | None = None) -> list[tuple[str, str]]:
    """The periods of the year before, the year and the year after ``around`` (default: this year), in time
    order."""
    year = around or today().year
    return [(m.period_label(p), p) for p in m.periods_between(year - 1, year + 1)]


def enum_label(enum: type[m.LabelledEnum], value: Any) -> str:
    for member in enum:
        if member.value == value:
            return member.label
    return "" if value is None else str(value)


def field_label(table: str, name: str) -> str:
    return F.KINDS[table].field(name).label


def error_label(parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class Banner(QtWidgets.QLabel):
    """A message strip at the top or bottom of a form: errors in red, notes in green."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def error(self, text: str) -> None:
        palette.set_tone(self, "error")
        self.setText(text)
        self.show()

    def note(self, text: str) -> None:
        palette.set_tone(self, "ok")
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FormErrors:
    """Errors shown beside the field they are about. Fields are known by name and by label (core
    messages name a field by either), plus aliases."""

    def __init__(self, banner: Banner) -> None:
        self.banner = banner
        self._labels: dict[str, QtWidgets.QLabel] = {}
        self._widgets: dict[str, QtWidgets.QWidget] = {}
        self._pages: dict[str, Callable[[], None]] = {}

    def wrap(
        self,
        widget: QtWidgets.QWidget,
        *keys: str,
        reveal: Callable[[], None] | None = None,
    ) -> QtWidgets.QWidget:
        """The widget with an error line under it, known by ``keys`` (field name, label, aliases)."""
        box = QtWidgets.QWidget(widget.parentWidget())
        if not isinstance(widget, QtWidgets.QAbstractItemView):
            box.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum)
        lay = QtWidgets.QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        label = error_label(box)
        lay.addWidget(label)
        for key in keys:
            if key:
                self._labels[fold(key)] = label
                self._widgets[fold(key)] = widget
                if reveal is not None:
                    self._pages[fold(key)] = reveal
        return box

    def clear(self) -> None:
        for label in set(self._labels.values()):
            label.clear()
            label.hide()
        self.banner.clear_message()

    def show(self, err: BaseException, *, focus: bool = True) -> bool:
        """Show ``err``; True when it could be put beside a field. ``focus``: go to that field (and its page)."""
        text = str(err)
        key = fold(getattr(err, "field", None) or "")
        label = self._labels.get(key) if key else None
        if label is None:
            # a message naming a field by its label at the start ("Ngày ban hành: …")
            head = fold(text.split(":", 1)[0]) if ":" in text else ""
            label = self._labels.get(head)
            key = head if label is not None else key
        self.banner.error(text)
        if label is None:
            return False
        reveal = self._pages.get(key)
        if reveal is not None and focus:
            reveal()
        label.setText(text)
        label.show()
        widget = self._widgets.get(key)
        if widget is not None and focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @property
    def shown(self) -> bool:
        return not self.banner.isHidden()

    def message_for(self, key: str) -> str:
        label = self._labels.get(fold(key))
        return label.text() if label is not None and not label.isHidden() else ""


class EditorDialog(QtWidgets.QDialog):
    """A record editor: Enter (or Ctrl+S) saves, Esc cancels, closing with changes asks first.

    Subclasses implement :meth:`collect` (validate on the GUI thread; raise :class:`InputError`) and
    :meth:`write` (runs on a worker thread with its own store, in one transaction). A stored record is read
    on a worker too; ``loaded`` is emitted once it is shown, and the subclass hands the row it showed to
    :meth:`opened` (with :attr:`table`), so that saving refuses to undo a change made elsewhere since
    (:mod:`tdkt_desktop.store.freshness`): the person is shown what changed and chooses (:mod:`gui.stale`).
    :meth:`load` reads the record again.
    """

    table = ""  # the table of the record edited

    saved = Signal(object)
    loaded = Signal()

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = False
        self._saving = False
        self._loading = False
        self.opened_row: Row | None = None  # the stored version this editor shows
        # every stored record the editor shows and saves — (table, id) → the version shown; a save expects
        # each to be the revision in _expected
        self._opened: dict[tuple[str, str], Row] = {}
        self._expected: dict[tuple[str, str], str | None] = {}
        self._payload: Any = None
        self.stale_dialog: Any = None
        self.banner = Banner(self)
        self.errors = FormErrors(self.banner)
        self.buttons = QtWidgets.QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Enter or Ctrl+S)"))
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self._recheck_errors = timer(self, 200, self._check_again)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        shortcut = QtGui.QShortcut(QtGui.QKeySequence.StandardKey.Save, self)
        shortcut.activated.connect(self.save)

    # ------------------------------------------------------------------ dirty state
    def mark_dirty(self, *_args: Any) -> None:
        if not self._loading:
            self._dirty = True
            if self.errors.shown and not self._saving:
                self._recheck_errors.start()  # a message about what was typed goes once it is fixed

    def _check_again(self) -> None:
        """After a change: the shown messages as they now stand — gone when the input is right, the next
        problem (without moving the focus) when something else is still wrong."""
        if not self.errors.shown or self._saving or not self.isVisible():
            return
        try:
            self.collect()
        except InputError as exc:
            self.errors.clear()
            self.errors.show(exc, focus=False)
            return
        self.errors.clear()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def watch(self, *signals: Any) -> None:
        for signal in signals:
            signal.connect(self.mark_dirty)

    # ------------------------------------------------------------------ save
    def collect(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def write(self, store: Any, payload: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def load(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def opened(self, row: Row, *others: tuple[str, Row]) -> None:
        """The stored version now shown, and ``others`` — (table, row) of other stored records the editor
        shows and saves with it (a campaign's targets): a save expects each to be the revision shown."""
        self.opened_row = dict(row) if row.get("id") else None
        rows = ([(self.table, row)] if row.get("id") else []) + [o for o in others if o[1].get("id")]
        self._opened = {(table, str(r["id"])): dict(r) for table, r in rows}
        self._expected = {key: r.get("rev") for key, r in self._opened.items()}

    def mine(self, payload: Any, table: str, record_id: str) -> Row:
        """The fields of record ``record_id`` of ``table`` a save of ``payload`` writes (for showing what would
        change): by default the payload (or its first part) for the edited record itself."""
        if table != self.table:
            return {}
        return dict(payload[0] if isinstance(payload, tuple) else payload)

    def save(self) -> bool:
        """Validate and start the write; False when the input is bad (the message is shown)."""
        if self._saving:
            return False
        self.errors.clear()
        try:
            payload = self.collect()
        except InputError as exc:
            self.errors.show(exc)
            return False
        self._saving = True
        self.save_button.setEnabled(False)
        self._payload = payload
        expected = dict(self._expected)

        def work(store: Any, _progress: Any) -> Any:  # checked and written in one transaction
            return freshness.save_unchanged(store, expected, lambda: self.write(store, payload))

        self.ctx.jobs.run(
            work,
            done=self._saved,
            failed=self._failed,
            title=self.tr("Saving"),
            parent=self,
        )
        return True

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._dirty = False
        self.saved.emit(result)
        self.done(QtWidgets.QDialog.DialogCode.Accepted)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, freshness.StaleRecord) and (exc.table, exc.record_id) in self._opened:
            self._ask_stale(exc)
        elif is_user_error(exc):
            self.errors.show(exc)

    def _ask_stale(self, exc: freshness.StaleRecord) -> None:
        from tdkt_desktop.gui.stale import OVERWRITE, RELOAD, StaleDialog

        key = (exc.table, exc.record_id)
        changes = freshness.changes_between(exc.table, self._opened[key], exc.current,
                                            self.mine(self._payload, *key))
        self.banner.error(str(exc))
        dlg = StaleDialog(exc, changes, self)
        current = exc.current

        def chosen(answer: str) -> None:
            self.stale_dialog = None
            if answer == OVERWRITE and current is not None:
                self._expected[key] = current.get("rev")
                self.save()
            elif answer == RELOAD:
                self._dirty = False
                self.errors.clear()
                self.load()

        dlg.chosen.connect(chosen)
        self.stale_dialog = dlg
        dlg.open()

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self._saving:
            return
        if self._dirty:
            answer = dialogs.save_discard_cancel(
                self, self.windowTitle(), self.tr("You have changes that are not saved. Save them?")
            )
            if answer == "save":
                self.save()
                return
            if answer == "cancel":
                return
        self._dirty = False
        super().reject()

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        self._recheck_errors.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self._dirty or self._saving:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return
        super().keyPressEvent(event)


def lines_of(text: str) -> list[str]:
    """Items of a list typed one per line (bullets removed)."""
    out = []
    for line in text.splitlines():
        item = line.strip().lstrip("-+•*–").strip()
        if item:
            out.append(item)
    return out


def json_list(value: Any) -> list[str]:
    import json

    if not value:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return []
    return [str(v) for v in data] if isinstance(data, list) else []


def json_dict(value: Any) -> dict[str, Any]:
    import json

    if not value:
        return {}
    if isinstance(value, dict):
        return dict(value)
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def timer(parent: QtCore.QObject, ms: int, slot: Callable[[], None]) -> QtCore.QTimer:
    tm = QtCore.QTimer(parent)
    tm.setSingleShot(True)
    tm.setInterval(ms)
    tm.timeout.connect(slot)
    return tm
