"""Quyết định: tick approved nominations, set the date, the signer and the subject; the number that will be
taken and the money of every awardee (and the total) are shown before confirming; then issue, and print
the decision with its certificates (printing.records batch, in the background with progress)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.gui import dialogs, palette
from tdkt_desktop.gui.office_view import work
from tdkt_desktop.gui.office_view.common import date_edit, date_of
from tdkt_desktop.gui.office_view.excel_actions import export_button, install_export_action
from tdkt_desktop.gui.qt import ModelIndex, Qt, QtCore, QtWidgets
from tdkt_desktop.gui.tables import Column, RowsModel, fit_columns, money_text, selected_rows, table_view

Row = dict[str, Any]


class CheckRowsModel(RowsModel):
    """RowsModel with a tick box in the first column; ``checked`` holds the ticked rows' ids."""

    checked_changed = QtCore.Signal()

    def __init__(self, columns: list[Column], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.checked: set[str] = set()

    def set_rows(self, rows: Any) -> None:
        ids = {r["id"] for r in rows}
        self.checked &= ids
        super().set_rows(rows)
        self.checked_changed.emit()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.rows[index.row()]["id"] in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            rid = self.rows[index.row()]["id"]
            on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            (self.checked.add if on else self.checked.discard)(rid)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.checked_changed.emit()
            return True
        return False

    def set_all(self, on: bool) -> None:
        self.checked = {r["id"] for r in self.rows} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def checked_ids(self) -> list[str]:
        return [r["id"] for r in self.rows if r["id"] in self.checked]


class DecisionPage(QtWidgets.QWidget):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: Row | None = None
        self.preview_key: tuple[Any, ...] | None = None
        self.officials: list[Row] = []

        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        split = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        top = QtWidgets.QSplitter(Qt.Orientation.Horizontal, split)

        left = QtWidgets.QWidget(top)
        ll = QtWidgets.QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QtWidgets.QLabel(self.tr("Approved nominations — tick those in this decision"), left)
        title.setObjectName("subheading")
        title.setWordWrap(True)
        ll.addWidget(title)
        head = QtWidgets.QHBoxLayout()
        self.all_button = QtWidgets.QPushButton(self.tr("Tick all"), left)
        self.none_button = QtWidgets.QPushButton(self.tr("Untick all"), left)
        head.addWidget(self.all_button)
        head.addWidget(self.none_button)
        head.addStretch(1)
        ll.addLayout(head)
        self.model = CheckRowsModel([
            Column(self.tr("Name"), "subject_name"),
            Column(self.tr("Title / form"), "title"),
            Column(self.tr("Kind"), "subject_label"),
            Column(self.tr("Unit"), "unit_name"),
            Column(self.tr("Year"), "year", "int", text=str),
        ], self)
        self.table = table_view(self.model, left)
        ll.addWidget(self.table, 1)
        self.count = QtWidgets.QLabel(left)
        self.count.setObjectName("countLabel")
        ll.addWidget(self.count)

        right = QtWidgets.QWidget(top)
        rl = QtWidgets.QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.date = date_edit(right)
        self.signer = QtWidgets.QComboBox(right)
        self.signer.setEditable(True)
        self.signer.setToolTip(self.tr("The official who signs (from the unit's officials; you may type another name)"))
        self.signer_title = QtWidgets.QLineEdit(right)
        self.subject = QtWidgets.QLineEdit(right)
        self.subject.setPlaceholderText(self.tr("Leave empty for the usual wording (“Về việc tặng …”)"))
        form.addRow(self.tr("Decision date"), self.date)
        form.addRow(self.tr("Signed by"), self.signer)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("Subject"), self.subject)
        rl.addLayout(form)
        self.number_label = QtWidgets.QLabel(right)
        self.number_label.setObjectName("subheading")
        self.number_label.setWordWrap(True)
        rl.addWidget(self.number_label)
        self.preview_model = RowsModel([
            Column(self.tr("No. in the golden book"), "so_vang", "int", text=lambda v: str(v or "")),
            Column(self.tr("Name"), "name"),
            Column(self.tr("Title / form"), "title"),
            Column(self.tr("Award (đồng)"), "amount", "money", text=lambda v: format_number(int(v or 0))),
            Column(self.tr("Note"), "note", foreground=lambda _r: "muted"),
        ], self)
        self.preview_table = table_view(self.preview_model, right)
        rl.addWidget(self.preview_table, 1)
        self.total_label = QtWidgets.QLabel(right)
        self.total_label.setObjectName("subheading")
        self.total_label.setWordWrap(True)
        rl.addWidget(self.total_label)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        self.issue_button = QtWidgets.QPushButton(self.tr("Issue the decision…"), right)
        self.issue_button.setObjectName("addButton")
        self.issue_button.setToolTip(self.tr("Take the number, record the decision, its list, số sổ vàng and money"))
        buttons.addWidget(self.issue_button)
        rl.addLayout(buttons)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([420, 560])
        split.addWidget(top)

        bottom = QtWidgets.QWidget(split)
        bl = QtWidgets.QVBoxLayout(bottom)
        bl.setContentsMargins(0, 6, 0, 0)
        bhead = QtWidgets.QHBoxLayout()
        label = QtWidgets.QLabel(self.tr("Decisions issued by this office"), bottom)
        label.setObjectName("subheading")
        bhead.addWidget(label, 1)
        self.print_button = QtWidgets.QPushButton(self.tr("Print the decision and certificates…"), bottom)
        self.print_button.setToolTip(self.tr("Write the decision and one certificate per awardee as PDF files into a folder"))
        self.to_printing = QtWidgets.QPushButton(self.tr("Open in Printing"), bottom)
        self.to_printing.setToolTip(self.tr("Preview and print this decision in the Printing section"))
        self.issued_model = RowsModel([
            Column(self.tr("Number"), "code"),
            Column(self.tr("Date"), "decision_date", "date"),
            Column(self.tr("Subject"), "subject"),
            Column(self.tr("Signed by"), "signer"),
            Column(self.tr("Awardees"), "count", "int"),
            Column(self.tr("Total award (đồng)"), "total", "money", text=lambda v: format_number(int(v or 0))),
        ], self)
        self.issued = table_view(self.issued_model, bottom)
        install_export_action(ctx, self.issued, self.tr("Decisions issued"))
        bhead.addWidget(export_button(ctx, self.issued, self.tr("Decisions issued"), bottom))
        bhead.addWidget(self.to_printing)
        bhead.addWidget(self.print_button)
        bl.addLayout(bhead)
        bl.addWidget(self.issued, 1)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 200])
        outer.addWidget(split, 1)

        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.compute_preview)
        self.model.checked_changed.connect(self._inputs_changed)
        self.date.dateChanged.connect(lambda _d: self._inputs_changed())
        self.subject.textChanged.connect(lambda _t: self._inputs_changed())
        self.signer.currentIndexChanged.connect(self._signer_chosen)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.issue_button.clicked.connect(lambda: self.issue())
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.to_printing.clicked.connect(self.open_in_printing)
        ctx.jobs.data_changed.connect(self._changed)
        self._show_preview(None)
        self.load()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self.load()

    def _changed(self, table: str) -> None:
        if table in ("nominations", "decisions", "officials"):
            self.load()

    def load(self) -> None:
        def read(store: Any, _p: Any) -> Row:
            return {"approved": work.approved_nominations(store), "officials": work.officials(store),
                    "issued": work.decisions_list(store)}

        self.ctx.jobs.run(read, done=self._loaded, title=self.tr("Reading"))

    def _loaded(self, data: Row) -> None:
        self.model.set_rows(data["approved"])
        fit_columns(self.table, 240)
        self.issued_model.set_rows(data["issued"])
        fit_columns(self.issued, 360)
        if data["officials"] != self.officials:
            self.officials = data["officials"]
            self.signer.blockSignals(True)
            self.signer.clear()
            for o in self.officials:
                self.signer.addItem(f"{o['name']} — {o['title']}", o)
            self.signer.blockSignals(False)
            self._signer_chosen(0)
        self._count()

    def _count(self) -> None:
        n, total = len(self.model.checked_ids()), len(self.model.rows)
        self.count.setText(self.tr("%1 of %2 approved nomination(s) ticked").replace("%1", format_number(n)).replace("%2", format_number(total))
                           if total else self.tr("No approved nomination waits for a decision."))

    def _signer_chosen(self, _i: int) -> None:
        data = self.signer.currentData()
        if isinstance(data, dict):
            self.signer_title.setText(data["title"])

    def signer_name(self) -> str:
        data = self.signer.currentData()
        if isinstance(data, dict) and self.signer.currentText() == self.signer.itemText(self.signer.currentIndex()):
            return str(data["name"])
        return self.signer.currentText().split(" — ")[0].strip()

    # ------------------------------------------------------------------ preview
    def _key(self) -> tuple[Any, ...]:
        return (tuple(self.model.checked_ids()), date_of(self.date), self.subject.text().strip())

    def _inputs_changed(self) -> None:
        self._count()
        self.issue_button.setEnabled(False)
        self._timer.start()

    def compute_preview(self) -> None:
        self._timer.stop()
        ids, day, subject = self._key()
        if not ids:
            self._show_preview(None)
            return
        key = self._key()
        signer, title = self.signer_name(), self.signer_title.text().strip()
        self.ctx.jobs.run(
            lambda store, _p: work.decision_preview(store, list(ids), decision_date=day, signer=signer,
                                                    signer_title=title, subject=subject or None),
            done=lambda p: self._previewed(key, p), failed=lambda e: self._preview_failed(key, e),
            title=self.tr("Computing the decision"),
        )

    def _previewed(self, key: tuple[Any, ...], preview: Row) -> None:
        if key != self._key():
            return
        self._show_preview(preview, key)

    def _preview_failed(self, key: tuple[Any, ...], error: BaseException) -> None:
        if key != self._key():
            return
        self._show_preview(None)
        self.number_label.setText(str(error))
        palette.set_tone(self.number_label, "error")

    def _show_preview(self, preview: Row | None, key: tuple[Any, ...] | None = None) -> None:
        self.preview, self.preview_key = preview, key
        palette.set_tone(self.number_label, None)
        if preview is None:
            self.preview_model.set_rows([])
            self.number_label.setText(self.tr("Tick approved nominations to see the decision's number and the money."))
            self.total_label.clear()
            self.issue_button.setEnabled(False)
            return
        self.number_label.setText(
            self.tr("Number to be taken: %1 · %2").replace("%1", preview["number"]).replace("%2", preview["subject"]))
        self.preview_model.set_rows(preview["awardees"])
        fit_columns(self.preview_table, 260)
        self.total_label.setText(
            self.tr("%1 awardee(s) · Total award: %2 (base salary %3)").replace("%1", str(preview["count"]))
            .replace("%2", money_text(preview["total"])).replace("%3", money_text(preview["base_salary"])))
        self.issue_button.setEnabled(True)

    # ------------------------------------------------------------------ issue
    def issue(self, *, confirmed: bool = False) -> None:
        if self.preview is None or self.preview_key != self._key():
            dialogs.warn(self, self.tr("Issue the decision"), self.tr("Wait for the number and the money to be shown first."))
            return
        preview = self.preview
        ids, day, subject = self._key()
        signer, title = self.signer_name(), self.signer_title.text().strip()
        question = (self.tr("Issue Decision No. %1 dated %2 for %3 awardee(s), total award %4?\n"
                            "The number is taken in the register and cannot be given again.")
                    .replace("%1", preview["number"]).replace("%2", format_date(day))
                    .replace("%3", str(preview["count"])).replace("%4", money_text(preview["total"])))
        if not confirmed and not dialogs.confirm(self, self.tr("Issue the decision"), question):
            return
        self.ctx.jobs.run(
            lambda store, _p: work.issue(store, list(ids), decision_date=day, signer=signer, signer_title=title,
                                         subject=subject or None),
            done=self._issued,
            title=self.tr("Issuing the decision"), parent=self,
        )

    def _issued(self, summary: Row) -> None:
        self._show_preview(None)
        dialogs.inform(self, self.tr("Issue the decision"),
                       self.tr("Decision No. %1 was issued: %2 awardee(s), total award %3. "
                               "Print it with “Print the decision and certificates…”.")
                       .replace("%1", summary["code"]).replace("%2", str(summary["totals"]["count"]))
                       .replace("%3", money_text(summary["totals"]["amount"])))

    # ------------------------------------------------------------------ print
    def _selected_decision(self) -> Row | None:
        rows = selected_rows(self.issued)
        if rows:
            return self.issued_model.row(rows[0])
        return self.issued_model.row(0)

    def ask_folder(self) -> str | None:
        """Where to write the PDF files (tests replace this)."""
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for the PDF files"),
                                                            str(self.ctx.settings.value("office/print_dir", "") or ""))
        if folder:
            self.ctx.settings.setValue("office/print_dir", folder)
        return folder or None

    def print_selected(self, folder: str | None = None) -> Any:
        decision = self._selected_decision()
        if decision is None:
            dialogs.inform(self, self.tr("Print"), self.tr("No decision issued yet."))
            return None
        folder = folder or self.ask_folder()
        if not folder:
            return None
        did = decision["id"]
        return self.ctx.jobs.run(lambda store, progress: work.print_decision(store, did, folder, progress),
                                 done=self._printed, title=self.tr("Writing the decision and certificates"),
                                 dialog=True, parent=self)

    def _printed(self, result: Row) -> None:
        dialogs.inform(self, self.tr("Print"), self.tr("%1 PDF file(s) written to:\n%2")
                       .replace("%1", str(len(result["written"]))).replace("%2", result["folder"]))

    def open_in_printing(self) -> None:
        """Hand the selected decision to the In ấn section (preview, printer, stock paper)."""
        decision = self._selected_decision()
        window = self.window()
        if decision is None or not hasattr(window, "show_section"):
            return
        page = window.show_section("printing")
        if page is None:
            return
        kind = getattr(page, "kind", None)
        if isinstance(kind, QtWidgets.QComboBox):
            i = kind.findData("decisions")
            if i >= 0 and kind.currentIndex() != i:
                kind.setCurrentIndex(i)
        did = decision["id"]
        select = getattr(page, "select_record", None)
        if select is None:
            return

        def try_select(attempts: int = 20) -> None:
            if not select(did) and attempts > 0:
                QtCore.QTimer.singleShot(150, lambda: try_select(attempts - 1))

        try_select()


def today() -> _dt.date:
    return _dt.date.today()
