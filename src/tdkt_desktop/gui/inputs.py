"""Input widgets for one field of ``store.fields.KINDS``: what a person types, turned into the raw value
that ``fields.normalise`` validates. Dates dd/mm/yyyy, numbers with a decimal comma, completion on
folded names (type without tones) for people and units."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import fold, format_date, format_number, name_case
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, ModelIndex, QObject, Qt, QtCore, QtGui, QtWidgets, Signal
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.lookups import UNIT_FIELDS

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole

class FoldedCompleter(QtWidgets.QCompleter):
    """Completes on folded text: "nguyen van" finds "Nguyễn Văn Ân"; the chosen text keeps its tones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = QtGui.QStandardItemModel(self)
        self.setModel(self.source)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(12)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """(label, value) pairs."""
        self.source.clear()
        for label, value in choices:
            item = QtGui.QStandardItem(label)
            item.setData(value, VALUE_ROLE)
            item.setData(fold(label), FOLDED_ROLE)
            self.source.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: ModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class FieldInput(QObject):
    """One field's widget. ``raw()`` is what goes to ``fields.normalise``; ``set_stored(value)`` shows a stored value."""

    changed = Signal()

    def __init__(self, spec: F.Field, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget: QtWidgets.QWidget = self._make(parent)
        self.widget.setObjectName(f"field_{spec.name}")

    # overridden per kind
    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        edit = QtWidgets.QLineEdit(parent)
        edit.textEdited.connect(lambda _t: self.changed.emit())
        self.edit = edit
        return edit

    def raw(self) -> Any:
        return self.edit.text()

    def set_stored(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def set_text(self, text: str) -> None:
        """Type into the field as a person would (tests, paste)."""
        self.edit.setText(text)
        self.changed.emit()

    def text(self) -> str:
        return self.edit.text()


class NameInput(FieldInput):
    """A person's or a unit's name: typed all in small letters (or a person's all in capitals) it is written
    the Vietnamese way when the field is left (``core.text.name_case``, the rule the store applies too); typed
    with capitals mixed in, it is kept as typed."""

    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        edit = super()._make(parent)
        assert isinstance(edit, QtWidgets.QLineEdit)
        edit.setToolTip(self.tr("A name typed in small letters gets its capitals when you leave the field "
                                "(“nguyễn văn an” → “Nguyễn Văn An”). To keep an unusual spelling, type it "
                                "with the capitals you want: a name with capitals is kept as typed."))
        edit.editingFinished.connect(self.apply_case)
        return edit

    def apply_case(self) -> None:
        typed = self.edit.text()
        cased = name_case(typed, person=self.spec.case == "person")
        if cased != typed.strip() and cased:
            self.edit.setText(cased)
            self.changed.emit()


class DateInput(FieldInput):
    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        edit = super()._make(parent)
        assert isinstance(edit, QtWidgets.QLineEdit)
        edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        edit.setMaximumWidth(140)
        return edit

    def set_stored(self, value: Any) -> None:
        self.edit.setText(format_date(value) if value else "")


class NumberInput(FieldInput):
    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        edit = super()._make(parent)
        assert isinstance(edit, QtWidgets.QLineEdit)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setMaximumWidth(160)
        if self.spec.kind == "number":
            edit.setPlaceholderText(self.tr("e.g. 7,5"))
        return edit

    def set_stored(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        elif self.spec.kind == "year":
            self.edit.setText(str(value))
        else:
            self.edit.setText(format_number(value))


class LongTextInput(FieldInput):
    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        edit = QtWidgets.QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        edit.textChanged.connect(self.changed.emit)
        self.plain = edit
        return edit

    def raw(self) -> Any:
        return self.plain.toPlainText()

    def set_stored(self, value: Any) -> None:
        self.plain.blockSignals(True)
        self.plain.setPlainText("" if value is None else str(value))
        self.plain.blockSignals(False)

    def set_text(self, text: str) -> None:
        self.plain.setPlainText(text)

    def text(self) -> str:
        return self.plain.toPlainText()


class BoolInput(FieldInput):
    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QCheckBox(parent)
        box.toggled.connect(lambda _c: self.changed.emit())
        self.box = box
        return box

    def raw(self) -> Any:
        return 1 if self.box.isChecked() else 0

    def set_stored(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def set_text(self, text: str) -> None:
        self.box.setChecked(text.strip().lower() in ("1", "x", "có", "true"))

    def text(self) -> str:
        return "1" if self.box.isChecked() else ""


class ChoiceInput(FieldInput):
    """A fixed list (enum, award title, period): ``choices`` are (label, value)."""

    def __init__(self, spec: F.Field, parent: QtWidgets.QWidget, choices: Sequence[tuple[str, str]] = ()) -> None:
        self._choices = list(choices)
        super().__init__(spec, parent)

    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        combo = QtWidgets.QComboBox(parent)
        combo.setEditable(self.spec.kind == "period")
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.addItem("", "")
        for label, value in self._choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        if combo.isEditable():
            edit = combo.lineEdit()
            assert edit is not None  # an editable combo has one
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.combo = combo
        return combo

    def raw(self) -> Any:
        i = self.combo.currentIndex()
        if self.combo.isEditable() and self.combo.currentText() != self.combo.itemText(i):
            return self.combo.currentText()
        return self.combo.itemData(i) if i >= 0 else ""

    def set_stored(self, value: Any) -> None:
        i = self.combo.findData("" if value is None else str(value))
        if i < 0 and value not in (None, ""):
            label = m.period_label(str(value)) if self.spec.kind == "period" else str(value)
            self.combo.addItem(label, str(value))
            i = self.combo.count() - 1
        self.combo.setCurrentIndex(max(i, 0))

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """Offer ``choices`` instead; the value chosen stays if it is among them, else the choice empties."""
        current = self.raw()
        self._choices = list(choices)
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", "")
        for label, value in self._choices:
            self.combo.addItem(label, value)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.blockSignals(blocked)
        if self.raw() != current:
            self.changed.emit()

    def set_text(self, text: str) -> None:
        i = self.combo.findData(text)
        if i < 0:
            i = self.combo.findText(text)
        if i >= 0:
            self.combo.setCurrentIndex(i)
        elif self.combo.isEditable():
            self.combo.setEditText(text)
        self.changed.emit()

    def text(self) -> str:
        return self.combo.currentText()


class RefInput(FieldInput):
    """A record or unit picked by name, typed without tones. ``raw()`` is its id (or code).

    With ``free_text`` (unit codes), text that matches no choice is taken as typed (a code)."""

    def __init__(self, spec: F.Field, parent: QtWidgets.QWidget, *, free_text: bool = False) -> None:
        self.free_text = free_text
        self._by_label: dict[str, str] = {}
        self._by_value: dict[str, str] = {}
        self._pending: Any = None
        super().__init__(spec, parent)
        self.picked: Callable[[str, str], None] | None = None  # (label, value) after a choice

    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        edit = super()._make(parent)
        assert isinstance(edit, QtWidgets.QLineEdit)
        edit.setPlaceholderText(self.tr("Type a few letters, no tones needed"))
        self.completer = FoldedCompleter(self)
        edit.setCompleter(self.completer)
        self.completer.activated[QtCore.QModelIndex].connect(self._activated)  # type: ignore[index]  # stubs lack the overload
        return edit

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        self.completer.set_choices(choices)
        self._by_label = {}
        for label, value in choices:
            self._by_label.setdefault(fold(label), value)
        self._by_value = {value: label for label, value in choices}
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.set_stored(pending)

    def _activated(self, index: QtCore.QModelIndex) -> None:
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        value = str(index.data(VALUE_ROLE) or "")
        self.edit.setText(label)
        if self.picked is not None:
            self.picked(label, value)
        self.changed.emit()

    def raw(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return ""
        value = self._by_label.get(fold(text))
        if value is not None:
            return value
        if text in self._by_value or self.free_text:
            return text
        return None  # typed, but matches nothing

    def unmatched(self) -> bool:
        return bool(self.edit.text().strip()) and self.raw() is None

    def set_stored(self, value: Any) -> None:
        if value in (None, ""):
            self.edit.setText("")
            return
        label = self._by_value.get(str(value))
        if label is None and not self._by_value:
            self._pending = value  # choices not loaded yet
            self.edit.setText(str(value))
            return
        self.edit.setText(label or str(value))


class MembersInput(FieldInput):
    """A covenant's member units (``core.covenants``): a table of name, code, signer's title and signer's name,
    edited in place; a unit is added by choosing it from the unit list (typed without tones) or by typing a name
    that is on no list; the selected row is removed. ``raw()`` is the list of members."""

    HEADERS = (QT_TRANSLATE_NOOP("MembersInput", "Member unit"), QT_TRANSLATE_NOOP("MembersInput", "Code"),
               QT_TRANSLATE_NOOP("MembersInput", "Signer's title"), QT_TRANSLATE_NOOP("MembersInput", "Signer's name"))

    def _make(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        from tdkt_desktop.core.covenants import MEMBER_KEYS

        self.keys = MEMBER_KEYS
        box = QtWidgets.QWidget(parent)
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QtWidgets.QHBoxLayout()
        self.edit = QtWidgets.QLineEdit(box)
        self.edit.setObjectName("memberPicker")
        self.edit.setPlaceholderText(self.tr("Choose a unit (type a few letters) or type its name"))
        self.completer = FoldedCompleter(self)
        self.edit.setCompleter(self.completer)
        self.completer.activated[QtCore.QModelIndex].connect(self._activated)  # type: ignore[index]
        self.edit.returnPressed.connect(self.add_typed)
        self.add_button = QtWidgets.QPushButton(self.tr("Add"), box)
        self.add_button.setObjectName("addMember")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"), box)
        self.remove_button.setObjectName("removeMember")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        bar.addWidget(self.edit, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        layout.addLayout(bar)
        self.model = QtGui.QStandardItemModel(0, len(self.HEADERS), box)
        self.model.setHorizontalHeaderLabels([QtCore.QCoreApplication.translate("MembersInput", h)
                                              for h in self.HEADERS])
        self.view = QtWidgets.QTableView(box)
        self.view.setObjectName("memberTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 70, 170)):
            header.resizeSection(column, width)
        self.view.setMinimumHeight(150)
        layout.addWidget(self.view)
        self._codes: dict[str, tuple[str, str]] = {}  # folded label → (name, code)
        self._loading = False
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._edited)
        return box

    def _edited(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def set_choices(self, choices: Sequence[tuple[str, str, str]]) -> None:
        """(label, name, code) of the units offered."""
        self.completer.set_choices([(label, label) for label, _name, _code in choices])
        self._codes = {fold(label): (name, code) for label, name, code in choices}

    def _activated(self, index: QtCore.QModelIndex) -> None:
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        name, code = self._codes.get(fold(label), (label, ""))
        self.add_member({"name": name, "unit_code": code})
        QtCore.QTimer.singleShot(0, self.edit.clear)  # after the completer has written its text

    def add_typed(self) -> None:
        text = self.edit.text().strip()
        if not text:
            return
        name, code = self._codes.get(fold(text), (text, ""))
        self.add_member({"name": name, "unit_code": code})
        self.edit.clear()

    def add_member(self, member: dict[str, str]) -> None:
        self.model.appendRow([QtGui.QStandardItem(str(member.get(k) or "")) for k in self.keys])
        self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 2))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        for row in rows:
            self.model.removeRow(row)

    def set_cell(self, row: int, key: str, text: str) -> None:
        """Type into one cell (tests; paste)."""
        self.model.setData(self.model.index(row, self.keys.index(key)), text)

    def raw(self) -> Any:
        out = []
        for row in range(self.model.rowCount()):
            member = {k: self.model.index(row, c).data() or "" for c, k in enumerate(self.keys)}
            if any(str(v).strip() for v in member.values()):
                out.append({k: str(v).strip() for k, v in member.items() if str(v).strip()})
        return out

    def set_stored(self, value: Any) -> None:
        from tdkt_desktop.core.covenants import parse_members
        from tdkt_desktop.core.text import InputError

        try:
            members = parse_members(value)
        except InputError:
            members = []
        self._loading = True  # showing a stored value is no change of the person's
        try:
            self.model.removeRows(0, self.model.rowCount())
            for member in members:
                self.model.appendRow([QtGui.QStandardItem(str(member.get(k) or "")) for k in self.keys])
        finally:
            self._loading = False

    def set_text(self, text: str) -> None:
        self.set_stored(text)
        self.changed.emit()

    def text(self) -> str:
        return json.dumps(self.raw(), ensure_ascii=False, sort_keys=True)


def year_choices() -> list[tuple[str, str]]:
    this = _dt.date.today().year
    out = []
    for year in (this, this - 1, this + 1):
        for period in (str(year), f"{year}-H1", f"{year}-H2"):
            out.append((m.period_label(period), period))
    return out


def make_input(spec: F.Field, parent: QtWidgets.QWidget, *, naming: Naming | None = None) -> FieldInput:
    """The input widget that suits a field of ``fields.KINDS``; a field of awards lists them in the
    installation's ``naming``."""
    if spec.kind == "date":
        return DateInput(spec, parent)
    if spec.kind in ("number", "int", "year"):
        return NumberInput(spec, parent)
    if spec.kind == "longtext":
        return LongTextInput(spec, parent)
    if spec.kind == "members":
        return MembersInput(spec, parent)
    if spec.kind == "bool":
        return BoolInput(spec, parent)
    if spec.kind == "enum" and spec.enum is not None:
        return ChoiceInput(spec, parent, spec.enum.choices() and [(lbl, v) for v, lbl in spec.enum.choices()])
    if spec.kind == "title":
        if naming is None:
            raise ValueError(f"the field {spec.name} names awards: give the installation's naming")
        return ChoiceInput(spec, parent, [(naming.title(code), code) for code in m.TITLE_CODES])
    if spec.kind == "period":
        return ChoiceInput(spec, parent, year_choices())
    if spec.kind == "ref":
        return RefInput(spec, parent)
    if spec.name in UNIT_FIELDS:
        return RefInput(spec, parent, free_text=True)
    if spec.case:
        return NameInput(spec, parent)
    return FieldInput(spec, parent)
