"""Open or paste a directive (Chỉ thị, Kế hoạch… as .docx, .pdf or .txt, or pasted text) and review what was
read before it goes into the campaign: the document's fields, each with the text it came from and a flag when
it was inferred, and the targets, each with its understanding next to its name. Rows can be corrected cell by
cell, split, added or left out; a flagged row stays yellow until the person confirms it, and flags not
confirmed go with the target into the campaign."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.directive import DirectiveProposal, ReadField, read_directive
from tdkt_desktop.core.target_parser import parse_targets
from tdkt_desktop.core.text import InputError
from tdkt_desktop.gui import palette
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import ModelIndex, Qt, QtCore, QtWidgets, Signal
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.gui.workflow.common import Banner, enum_label, field_label, timer
from tdkt_desktop.gui.workflow.targets_table import (
    Row,
    TargetsModel,
    empty_row,
    rows_from_proposals,
    setup_targets_view,
)

FILE_FILTER = "*.docx *.pdf *.txt"


def _read_file(path: str) -> DirectiveProposal:
    from tdkt_desktop.directives import read_directive_file

    return read_directive_file(path)


class FieldsModel(QtCore.QAbstractTableModel):
    """The document's fields as read: take | field | value (editable) | read from | note."""

    edited = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.headers = [self.tr("Take"), self.tr("Field"), self.tr("Value"), self.tr("Read from"), self.tr("To check")]

    def set_fields(self, fields: dict[str, ReadField], current: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = []
        for name, read in fields.items():
            text = read.text()
            if name == "doc_kind":
                text = read.value
            empty_here = not (current.get(name) or "").strip()
            self._rows.append({
                "name": name, "label": field_label("campaigns", name), "value": text, "source": read.source,
                "note": read.note, "low": read.confidence != "high",
                "take": bool(text) and (empty_here or current.get(name) == text),
            })
        self.endResetModel()

    def values(self) -> dict[str, str]:
        """The fields to put into the campaign: name → text as a person types it."""
        return {r["name"]: r["value"] for r in self._rows if r["take"]}

    def row_of(self, name: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["name"] == name), -1)

    def set_take(self, name: str, take: bool) -> None:
        i = self.row_of(name)
        if i >= 0:
            self.setData(self.index(i, 0), (Qt.CheckState.Checked if take else Qt.CheckState.Unchecked).value,
                         Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 2:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return (Qt.CheckState.Checked if r["take"] else Qt.CheckState.Unchecked).value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 1:
                return r["label"]
            if col == 2:
                if role == Qt.ItemDataRole.DisplayRole:
                    if r["name"] == "doc_kind":
                        return enum_label(m.DocKind, r["value"])
                    if r["name"] == "campaign_type":
                        return enum_label(m.CampaignType, r["value"])
                    if not r["value"]:
                        return self.tr("(blank in the document)")
                return r["value"]
            if col == 3:
                return r["source"]
            if col == 4:
                return r["note"]
        if role == Qt.ItemDataRole.ToolTipRole and col in (2, 3, 4):
            return r["value"] if col == 2 else (r["source"] if col == 3 else r["note"]) or None
        if role == Qt.ItemDataRole.BackgroundRole and r["low"] and r["take"]:
            return palette.brush("warn-bg")
        if role == Qt.ItemDataRole.ForegroundRole and (not r["take"] or (col == 2 and not r["value"])):
            return palette.brush("muted")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            r["take"] = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role == Qt.ItemDataRole.EditRole and index.column() == 2:
            r["value"] = "" if value is None else str(value)
            r["take"] = bool(r["value"])
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.headers) - 1))
        self.edited.emit()
        return True


class DirectiveDialog(QtWidgets.QDialog):
    """Open or paste a directive; review its fields and targets; take what is ticked into the campaign."""

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None, text: str = "",
                 current: dict[str, str] | None = None) -> None:
        ensure_translator()
        super().__init__(parent)
        self.ctx = ctx
        self.current = dict(current or {})
        self.setObjectName("directiveDialog")
        self.setWindowTitle(self.tr("Read a directive"))
        self.proposal = DirectiveProposal()
        self.busy = False
        lay = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "Open the directive or plan (Word .docx, PDF with text, or .txt), or paste its text, or paste only "
                "the list of targets. Check what was read: yellow rows were inferred or guessed and stay yellow "
                "until you confirm them; red rows were not understood. Correct a cell by typing in it."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        top = QtWidgets.QHBoxLayout()
        self.open_button = QtWidgets.QPushButton(self.tr("Open file…"), self)
        self.open_button.setObjectName("openDirectiveButton")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.choose_file)
        self.file_label = QtWidgets.QLabel(self)
        self.file_label.setObjectName("hint")
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        lay.addLayout(top)
        self.text = QtWidgets.QPlainTextEdit(self)
        self.text.setObjectName("pasteText")
        self.text.setPlaceholderText(self.tr("…or paste here (Ctrl+V)"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        lay.addWidget(self.text)
        self.status = QtWidgets.QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        self.tabs = QtWidgets.QTabWidget(self)
        lay.addWidget(self.tabs, 1)
        # --- the document's fields
        self.fields = FieldsModel(self)
        self.fields_view = QtWidgets.QTableView(self)
        self.fields_view.setObjectName("fieldsTable")
        self.fields_view.setModel(self.fields)
        self.fields_view.setWordWrap(True)
        self.fields_view.verticalHeader().setVisible(False)
        fm = self.fields_view.fontMetrics()
        for col, chars in enumerate((6, 20, 46, 40)):
            self.fields_view.setColumnWidth(col, fm.horizontalAdvance("n") * chars)
        self.fields_view.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.fields_view, self.tr("Document"))
        # --- the targets
        page = QtWidgets.QWidget(self)
        tlay = QtWidgets.QVBoxLayout(page)
        bar = QtWidgets.QHBoxLayout()
        self.confirm_button = QtWidgets.QPushButton(self.tr("Confirm row"), page)
        self.confirm_button.setObjectName("confirmRowButton")
        self.confirm_button.setToolTip(self.tr("You have checked the selected rows: their flags are cleared"))
        self.split_button = QtWidgets.QPushButton(self.tr("Split row…"), page)
        self.split_button.setObjectName("splitRowButton")
        self.split_button.setToolTip(self.tr("Put each target of the row on a line of its own"))
        self.add_button = QtWidgets.QPushButton(self.tr("Add row"), page)
        self.drop_button = QtWidgets.QPushButton(self.tr("Leave out row"), page)
        for b in (self.confirm_button, self.split_button, self.add_button, self.drop_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        tlay.addLayout(bar)
        self.model = TargetsModel(self, proposal=True)
        self.view = QtWidgets.QTableView(page)
        self.view.setObjectName("proposalTable")
        setup_targets_view(self.view, self.model)
        self.view.setAlternatingRowColors(False)
        tlay.addWidget(self.view, 1)
        self.tabs.addTab(page, self.tr("Targets"))

        self.banner = Banner(self)
        lay.addWidget(self.banner)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Take into the campaign"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirmButton")
        cancel = buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        cancel.clicked.connect(self.reject)
        lay.addWidget(buttons)

        self.confirm_button.clicked.connect(self.confirm_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.add_button.clicked.connect(self.add_row)
        self.drop_button.clicked.connect(self.drop_selected)
        self._debounce = timer(self, 500, self.read)
        self.text.textChanged.connect(self._debounce.start)
        self.model.edited.connect(self._update_status)
        self.fields.edited.connect(self._update_status)
        fit_to_screen(self, 1240, 720)
        self.taken_fields: dict[str, str] = {}
        self.taken_rows: list[Row] = []
        if text:
            self.set_text(text)

    # ------------------------------------------------------------------ reading
    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.read()

    def read(self) -> None:
        """Read the pasted text (quick; a file is read on a worker, see :meth:`open_file`)."""
        self._debounce.stop()
        raw = self.text.toPlainText()
        self.file_label.clear()
        self._show(read_directive(raw) if raw.strip() else DirectiveProposal())

    def choose_file(self) -> None:
        path, _f = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open a directive"), "", self.tr("Directives (%1)").replace("%1", FILE_FILTER)
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Read ``path`` (.docx, .pdf, .txt) on a worker thread; the text and the proposal come back here."""
        if self.busy:
            return
        self.busy = True
        self.banner.clear_message()
        self.file_label.setText(path)

        def work(_store: Any, _progress: Any) -> DirectiveProposal:
            return _read_file(path)

        self.ctx.jobs.run(work, done=self._file_read, failed=self._file_failed,
                          title=self.tr("Reading the directive"), parent=self)

    def _file_read(self, proposal: DirectiveProposal) -> None:
        self.busy = False
        self._show(proposal)

    def _file_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.file_label.clear()
        self.banner.error(str(exc))

    def _show(self, proposal: DirectiveProposal) -> None:
        self.proposal = proposal
        self.fields.set_fields(proposal.fields, self.current)
        self.fields_view.resizeRowsToContents()
        self.model.set_rows(rows_from_proposals(proposal.targets))
        self.view.resizeRowsToContents()
        self.tabs.setTabText(0, self.tr("Document (%1)").replace("%1", str(len(proposal.fields))))
        self.tabs.setTabText(1, self.tr("Targets (%1)").replace("%1", str(self.model.rowCount())))
        if not proposal.targets and proposal.fields:
            self.tabs.setCurrentIndex(0)
        elif proposal.targets and not proposal.fields:
            self.tabs.setCurrentIndex(1)
        self._update_status()

    def _update_status(self) -> None:
        rows = self.model.rows()
        if not rows and not self.proposal.fields:
            has_text = bool(self.text.toPlainText().strip()) or bool(self.file_label.text())
            self.status.setText(self.tr("Nothing read yet.") if has_text else "")
            self.ok_button.setText(self.tr("Take into the campaign"))
            return
        parts = []
        if self.proposal.is_document:
            low = sum(1 for f in self.proposal.fields.values() if f.confidence != "high")
            parts.append(self.tr("%1 document fields read, %2 to check.").replace("%1", str(len(self.proposal.fields)))
                         .replace("%2", str(low)))
            if not rows:
                parts.append(self.tr("The document holds no target list."))
        taken = sum(1 for r in rows if r.get("include", True))
        if rows:
            parts.append(self.tr("%1 targets read, %2 ticked.").replace("%1", str(len(rows))).replace("%2", str(taken)))
            pending = len(self.model.unconfirmed_rows())
            if pending:
                parts.append(self.tr("%1 to check (yellow).").replace("%1", str(pending)))
            none = sum(1 for r in rows if r.get("confidence") == "none" and r.get("include", True))
            if none:
                parts.append(self.tr("%1 not understood (red).").replace("%1", str(none)))
        self.status.setText(" ".join(parts))
        self.ok_button.setText(self.tr("Take %1 fields and %2 targets").replace("%1", str(len(self.fields.values())))
                               .replace("%2", str(taken)))

    # ------------------------------------------------------------------ row actions
    def _selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(rows)

    def confirm_selected(self) -> None:
        for r in self._selected_rows():
            self.model.confirm(r)

    def add_row(self) -> None:
        at = (self._selected_rows() or [self.model.rowCount() - 1])[-1] + 1
        self.model.insert_rows(at, [empty_row()])
        index = self.model.index(at, self.model.column_of("measure"))
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def drop_selected(self) -> None:
        for r in reversed(self._selected_rows()):
            self.model.remove_row(r)

    def split_selected(self) -> None:
        rows = self._selected_rows()
        if not rows:
            self.banner.error(self.tr("Select the row to split."))
            return
        row = self.model.row(rows[0])
        text, ok = QtWidgets.QInputDialog.getMultiLineText(
            self, self.tr("Split row"),
            self.tr("Put each target on a line of its own (or separate them with “;”):"),
            row.get("source_text") or row.get("measure") or "",
        )
        if ok:
            self.split_row(rows[0], text)

    def split_row(self, index: int, text: str) -> int:
        """Read ``text`` again as targets in place of row ``index``; returns the number of rows it became."""
        row = self.model.row(index)
        proposals = parse_targets(text)
        if not proposals:
            return 0
        new_rows = rows_from_proposals(proposals, parent=row.get("parent"))
        self.model.replace_row(index, new_rows)
        self.view.resizeRowsToContents()
        return len(new_rows)

    # ------------------------------------------------------------------ taking
    def confirm(self) -> None:
        self.banner.clear_message()
        try:
            pairs = self.model.specs()
        except InputError as exc:
            self.banner.error(str(exc))
            row = int(exc.value) if isinstance(exc.value, int) else -1
            if row >= 0:
                self.tabs.setCurrentIndex(1)
                self.view.setCurrentIndex(self.model.index(row, self.model.column_of("check")))
            return
        fields = self.fields.values()
        if not pairs and not fields:
            self.banner.error(self.tr("Nothing is ticked. Tick the fields and targets to take, or press Cancel."))
            return
        self.taken_fields = fields
        self.taken_rows = [dict(r) for r, _spec in pairs]
        self.accept()


def open_directive(ctx: Any, parent: QtWidgets.QWidget, current: dict[str, str], text: str = "") -> DirectiveDialog:
    dlg = DirectiveDialog(ctx, parent, text, current)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dlg.open()
    return dlg
