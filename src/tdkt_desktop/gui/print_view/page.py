"""In ấn: choose a document and the record it prints from; choose the signer, the Nơi nhận and the document a
list goes with; preview the pages; print them or save them as PDF or Word, as a draft (no number) or issued (the
next number of the register); sign an issued document and check a received signed one; print certificates on
pre-printed stock with the printer's offsets; write (and print) every document of a decision or a campaign."""

from __future__ import annotations

import datetime as _dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt_desktop.core.text import InputError, format_number, parse_date
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.background import Job
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.print_view import raster, work
from tdkt_desktop.gui.print_view.preview import PreviewView
from tdkt_desktop.gui.print_view.signing import SignDialog, VerifyDialog
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QtCore, QtWidgets
from tdkt_desktop.gui.tables import Column, RowsModel, selected_row, table_view
from tdkt_desktop.gui.widgets import SearchBox, SectionPage, scrolling
from tdkt_desktop.store.db import Store

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

Row = dict[str, Any]

KIND_LABELS = {
    "decisions": QT_TRANSLATE_NOOP("PrintPage", "Award decisions"),
    "nominations": QT_TRANSLATE_NOOP("PrintPage", "Award nominations"),
    "vote_sessions": QT_TRANSLATE_NOOP("PrintPage", "Council meetings"),
    "campaigns": QT_TRANSLATE_NOOP("PrintPage", "Emulation campaigns"),
    "registrations": QT_TRANSLATE_NOOP("PrintPage", "Registrations for titles"),
    "award_cancellations": QT_TRANSLATE_NOOP("PrintPage", "Cancelled awards"),
    "covenants": QT_TRANSLATE_NOOP("PrintPage", "Cluster covenants"),
}
ROLE_LABELS = (
    (None, QT_TRANSLATE_NOOP("PrintPage", "As the office held (default)")),
    ("TM", QT_TRANSLATE_NOOP("PrintPage", "TM. — on behalf of the collective body")),
    ("KT", QT_TRANSLATE_NOOP("PrintPage", "KT. — signing for the head")),
    ("Q", QT_TRANSLATE_NOOP("PrintPage", "Q. — acting head")),
    ("TL", QT_TRANSLATE_NOOP("PrintPage", "TL. — by order of the head")),
    ("TUQ", QT_TRANSLATE_NOOP("PrintPage", "TUQ. — by the head's authorisation")),
    ("", QT_TRANSLATE_NOOP("PrintPage", "No prefix")),
)
SETTINGS_KIND = "printing/kind"
SETTINGS_STOCK = "printing/stock"
SETTINGS_DIR = "printing/last_dir"
SETTINGS_DRAFT = "printing/draft"
DEFAULT_PRINTER = ""


def printer_names() -> list[str]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # pragma: no cover - print support is part of PySide6
        return []
    return list(QPrinterInfo.availablePrinterNames())


def _settings_key(text: str) -> str:
    return text.replace("/", "_").replace("\\", "_") or "default"


class PrintPage(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Printing"),
            self.tr("Documents are laid out as Decree 30/2020 requires (A4, Times New Roman). Preview them, print "
                    "them or save them as PDF or Word — as a draft, or issued with the next number — and sign "
                    "issued documents electronically."),
            parent,
        )
        self.ctx = ctx
        self.templates = work.template_info()
        self.records: list[Row] = []
        self.choices: Row = {}
        self.recipients_edited = False
        self.preview_pdf: str | None = None
        self.batch_job: Job | None = None
        self.last_saved: Row | None = None
        self.last_signed: Row | None = None
        self._choices_token = 0
        self._tmp = tempfile.TemporaryDirectory(prefix="tdkt-in-")
        self.destroyed.connect(lambda *_a, tmp=self._tmp: tmp.cleanup())
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        column = QtWidgets.QWidget(split)  # the options scroll on a short screen, the actions stay in view
        column_layout = QtWidgets.QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 10, 0)
        options = scrolling(self._build_left(column), column)
        options.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column_layout.addWidget(options, 1)
        column_layout.addLayout(self._build_actions(column))
        split.addWidget(column)
        self.preview = PreviewView(split)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 800])
        self.outer.addWidget(split, 1)
        ctx.jobs.data_changed.connect(self._changed)
        kind = str(ctx.settings.value(SETTINGS_KIND) or "decisions")
        i = self.kind.findData(kind)
        self.kind.setCurrentIndex(i if i >= 0 else 0)
        self.load_records()

    # ------------------------------------------------------------------ building
    def _build_left(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        left = QtWidgets.QWidget(parent)
        left.setMinimumWidth(320)
        layout = QtWidgets.QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QtWidgets.QFormLayout()
        self.kind = QtWidgets.QComboBox(left)
        for table in work.RECORD_KINDS:
            self.kind.addItem(QCoreApplication.translate("PrintPage", KIND_LABELS[table]), table)
        self.kind.currentIndexChanged.connect(lambda _i: self.load_records())
        form.addRow(self.tr("Print from:"), self.kind)
        layout.addLayout(form)
        self.search = SearchBox(left)
        self.search.search.connect(lambda _t: self.load_records())
        layout.addWidget(self.search)
        self.model = RowsModel([
            Column(self.tr("Record"), lambda r: f"{r['label']}\n{r.get('detail', '')}".strip()),
        ], left)
        self.table = table_view(self.model, left)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._record_changed())
        self.table.doubleClicked.connect(lambda _i: self.show_preview())
        self.table.setMinimumHeight(90)
        layout.addWidget(self.table, 1)
        self.count = QtWidgets.QLabel(left)
        self.count.setObjectName("countLabel")
        layout.addWidget(self.count)

        self.option_tabs = QtWidgets.QTabWidget(left)
        self.option_tabs.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum)
        self.option_tabs.addTab(self._build_document_tab(), self.tr("Document"))
        self.option_tabs.addTab(self._build_signer_tab(), self.tr("Signer, recipients"))
        self.option_tabs.addTab(self._build_stock_tab(), self.tr("Certificate stock"))
        layout.addWidget(self.option_tabs)
        self._load_offsets()
        return left

    def _build_actions(self, left: QtWidgets.QWidget) -> QtWidgets.QGridLayout:
        grid = QtWidgets.QGridLayout()
        self.preview_button = QtWidgets.QPushButton(self.tr("Preview"), left)
        self.preview_button.setObjectName("addButton")
        self.preview_button.setShortcut("Ctrl+P")
        self.preview_button.setToolTip(self.tr("Show the pages as they will be printed (Ctrl+P)"))
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button = QtWidgets.QPushButton(self.tr("Print…"), left)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QtWidgets.QPushButton(self.tr("Save as PDF…"), left)
        self.save_button.clicked.connect(lambda: self.save_document("pdf"))
        self.word_button = QtWidgets.QPushButton(self.tr("Save as Word…"), left)
        self.word_button.setToolTip(self.tr("A .docx file with the same layout, to edit before signing"))
        self.word_button.clicked.connect(lambda: self.save_document("docx"))
        self.sign_button = QtWidgets.QPushButton(self.tr("Sign electronically…"), left)
        self.sign_button.setToolTip(self.tr("Sign the issued document with a certificate file or a signing token"))
        self.sign_button.clicked.connect(self.sign_document)
        self.verify_button = QtWidgets.QPushButton(self.tr("Check a signature…"), left)
        self.verify_button.setToolTip(self.tr("Check who signed a received PDF, when, and whether it changed"))
        self.verify_button.clicked.connect(self.verify_document)
        self.batch_button = QtWidgets.QPushButton(self.tr("Print all documents…"), left)
        self.batch_button.clicked.connect(self.choose_batch)
        grid.addWidget(self.preview_button, 0, 0)
        grid.addWidget(self.print_button, 0, 1)
        grid.addWidget(self.save_button, 1, 0)
        grid.addWidget(self.word_button, 1, 1)
        grid.addWidget(self.sign_button, 2, 0)
        grid.addWidget(self.verify_button, 2, 1)
        grid.addWidget(self.batch_button, 3, 0, 1, 2)
        return grid

    def _build_document_tab(self) -> QtWidgets.QWidget:
        tab = QtWidgets.QWidget()
        opts = QtWidgets.QFormLayout(tab)
        self.template = QtWidgets.QComboBox(tab)
        self.template.currentIndexChanged.connect(lambda _i: self._template_changed())
        opts.addRow(self.tr("Document:"), self.template)
        self.date = QtWidgets.QDateEdit(QtCore.QDate.currentDate(), tab)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.date.setToolTip(self.tr("Date written on the document (it also chooses the form in force that day)"))
        opts.addRow(self.tr("Date:"), self.date)
        self.period = QtWidgets.QComboBox(tab)
        for label, value in work.periods_around():
            self.period.addItem(label, value)
        self.period_label = QtWidgets.QLabel(self.tr("Period:"), tab)
        opts.addRow(self.period_label, self.period)
        self.mode_draft = QtWidgets.QRadioButton(self.tr("Draft (no number)"), tab)
        self.mode_draft.setToolTip(self.tr("Draft — no number, marked “DỰ THẢO”"))
        self.mode_issue = QtWidgets.QRadioButton(self.tr("Issued (numbered)"), tab)
        self.mode_issue.setToolTip(self.tr("Issued — numbered from the register"))
        mode = QtWidgets.QVBoxLayout()
        mode.addWidget(self.mode_draft)
        mode.addWidget(self.mode_issue)
        opts.addRow(self.tr("Copy:"), mode)
        draft = bool(int(str(self.ctx.settings.value(SETTINGS_DRAFT, 1) or 0)))
        (self.mode_draft if draft else self.mode_issue).setChecked(True)
        self.mode_draft.toggled.connect(self._mode_changed)
        self.number_hint = QtWidgets.QLabel(tab)
        self.number_hint.setObjectName("hint")
        self.number_hint.setWordWrap(True)
        opts.addRow(self.number_hint)
        return tab

    def _build_signer_tab(self) -> QtWidgets.QWidget:
        tab = QtWidgets.QWidget()
        opts = QtWidgets.QFormLayout(tab)
        self.signer = QtWidgets.QComboBox(tab)
        self.signer.setToolTip(self.tr("Who signs: one of the unit's officials (Settings → Signers)"))
        self.signer_label = QtWidgets.QLabel(self.tr("Signer:"), tab)
        opts.addRow(self.signer_label, self.signer)
        self.role = QtWidgets.QComboBox(tab)
        for value, label in ROLE_LABELS:
            self.role.addItem(QCoreApplication.translate("PrintPage", label), value)
        self.role_label = QtWidgets.QLabel(self.tr("Authority:"), tab)
        opts.addRow(self.role_label, self.role)
        self.recipients = QtWidgets.QListWidget(tab)
        self.recipients.setToolTip(self.tr("Double-click an entry to change it; the list is remembered for the "
                                           "next document of this kind"))
        self.recipients.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                                        | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        self.recipients.itemChanged.connect(lambda _i: self._recipients_changed())
        self.recipients.setMaximumHeight(104)
        self.recipients.setWordWrap(True)
        self.recipients.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recipients.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        buttons = QtWidgets.QVBoxLayout()
        buttons.setSpacing(2)
        self.add_recipient = self._small_button(tab, "+", self.tr("Add a recipient"), self._add_recipient)
        self.remove_recipient = self._small_button(tab, "−", self.tr("Remove the chosen recipient"),
                                                   self._remove_recipient)
        self.up_recipient = self._small_button(tab, "▲", self.tr("Move up"), lambda: self._move_recipient(-1))
        self.down_recipient = self._small_button(tab, "▼", self.tr("Move down"), lambda: self._move_recipient(1))
        for b in (self.add_recipient, self.remove_recipient, self.up_recipient, self.down_recipient):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.recipients, 1)
        row.addLayout(buttons)
        self.recipients_label = QtWidgets.QLabel(self.tr("Recipients:"), tab)
        opts.addRow(self.recipients_label, row)
        self.default_recipients = QtWidgets.QPushButton(self.tr("Back to the default recipients"), tab)
        self.default_recipients.clicked.connect(self._reset_recipients)
        opts.addRow("", self.default_recipients)
        attached = QtWidgets.QHBoxLayout()
        self.attached_number = QtWidgets.QLineEdit(tab)
        self.attached_number.setPlaceholderText(self.tr("number, e.g. 05/TTr-UBND"))
        self.attached_date = QtWidgets.QLineEdit(tab)
        self.attached_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.attached_date.setMaximumWidth(110)
        attached.addWidget(self.attached_number, 1)
        attached.addWidget(self.attached_date)
        self.attached_label = QtWidgets.QLabel(self.tr("With submission:"), tab)
        self.attached_label.setToolTip(self.tr("The list is printed “(Kèm theo Tờ trình số … ngày …)”"))
        opts.addRow(self.attached_label, attached)
        self.signer_hint = QtWidgets.QLabel(self.tr("This document is signed as its form says (the meeting's "
                                                    "chair and secretary, the head of the unit)."), tab)
        self.signer_hint.setObjectName("hint")
        self.signer_hint.setWordWrap(True)
        opts.addRow(self.signer_hint)
        return tab

    def _build_stock_tab(self) -> QtWidgets.QWidget:
        tab = QtWidgets.QWidget()
        opts = QtWidgets.QFormLayout(tab)
        self.paper_plain = QtWidgets.QRadioButton(self.tr("Plain paper (the border is printed)"), tab)
        self.paper_stock = QtWidgets.QRadioButton(self.tr("Pre-printed certificate stock"), tab)
        paper = QtWidgets.QVBoxLayout()
        paper.addWidget(self.paper_plain)
        paper.addWidget(self.paper_stock)
        opts.addRow(self.tr("Paper:"), paper)
        stock = bool(int(str(self.ctx.settings.value(SETTINGS_STOCK, 0) or 0)))
        (self.paper_stock if stock else self.paper_plain).setChecked(True)
        self.paper_stock.toggled.connect(self._paper_changed)
        self.printer = QtWidgets.QComboBox(tab)
        self.printer.addItem(self.tr("Default printer"), DEFAULT_PRINTER)
        for name in printer_names():
            self.printer.addItem(name, name)
        self.printer.currentIndexChanged.connect(lambda _i: self._load_offsets())
        opts.addRow(self.tr("Printer:"), self.printer)
        offsets = QtWidgets.QHBoxLayout()
        self.offset_x = self._offset_box(tab, self.tr("Move right (negative: left), in millimetres"))
        self.offset_y = self._offset_box(tab, self.tr("Move down (negative: up), in millimetres"))
        offsets.addWidget(QtWidgets.QLabel(self.tr("X"), tab))
        offsets.addWidget(self.offset_x)
        offsets.addSpacing(8)
        offsets.addWidget(QtWidgets.QLabel(self.tr("Y"), tab))
        offsets.addWidget(self.offset_y)
        offsets.addStretch(1)
        opts.addRow(self.tr("Shift (mm):"), offsets)
        self.preprinted = QtWidgets.QListWidget(tab)
        self.preprinted.setToolTip(self.tr("Tick what the stock already carries: it is not printed again"))
        self.preprinted.setMaximumHeight(96)
        self.preprinted.itemChanged.connect(lambda _i: self._save_preprinted())
        opts.addRow(self.tr("Pre-printed:"), self.preprinted)
        self.calibrate_button = QtWidgets.QPushButton(self.tr("Print a calibration page…"), tab)
        self.calibrate_button.setToolTip(self.tr("Crosses at known places, shifted by this printer's offsets: lay "
                                                 "the sheet over the stock and measure"))
        self.calibrate_button.clicked.connect(self.print_calibration)
        opts.addRow("", self.calibrate_button)
        self._stock_widgets = [self.printer, self.offset_x, self.offset_y, self.preprinted, self.calibrate_button]
        return tab

    def _small_button(self, parent: QtWidgets.QWidget, text: str, tip: str, slot: Any) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton(parent)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _offset_box(self, parent: QtWidgets.QWidget, tip: str) -> QtWidgets.QDoubleSpinBox:
        box = QtWidgets.QDoubleSpinBox(parent)
        box.setRange(-30.0, 30.0)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        box.setSuffix(" mm")
        box.setToolTip(tip)
        box.valueChanged.connect(lambda _v: self._save_offsets())
        return box

    # ------------------------------------------------------------------ records
    def _changed(self, table: str) -> None:
        if table == self.current_table() or table in ("decision_awardees", "registrations", "award_cancellations"):
            self.load_records()
        elif table in ("doc_register", "officials", "meta"):
            self._load_choices()

    def refresh(self) -> None:
        self.templates = work.template_info()
        self.load_records()

    def current_table(self) -> str:
        return str(self.kind.currentData())

    def load_records(self) -> None:
        table = self.current_table()
        search = self.search.text()
        self.ctx.settings.setValue(SETTINGS_KIND, table)
        self.ctx.jobs.run(lambda store, _p: work.list_records(store, table, search),
                          done=lambda rows: self._show_records(table, rows), title=self.tr("Reading"))

    def _show_records(self, table: str, rows: list[Row]) -> None:
        if table != self.current_table():
            return
        current = self.current_record()
        self.records = rows
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("%1 record(s)").replace("%1", format_number(len(rows))) if rows
                           else self.tr("No record of this kind yet."))
        if rows:
            index = 0
            if current is not None:
                index = next((i for i, r in enumerate(rows) if r["id"] == current["id"]), 0)
            self.table.selectRow(index)
        self._record_changed()

    def current_record(self) -> Row | None:
        return self.model.row(selected_row(self.table))

    def select_record(self, record_id: str) -> bool:
        for i, r in enumerate(self.records):
            if r["id"] == record_id:
                self.table.selectRow(i)
                return True
        return False

    def _record_changed(self) -> None:
        record = self.current_record()
        names = work.templates_for(self.current_table(), record)
        current = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for name in names:
            info = self.templates.get(name)
            self.template.addItem(info["title"] if info else name, name)
        i = self.template.findData(current)
        self.template.setCurrentIndex(i if i >= 0 else 0)
        self.template.blockSignals(False)
        self._template_changed()

    def current_template(self) -> str | None:
        data = self.template.currentData()
        return str(data) if data else None

    def is_certificate(self) -> bool:
        info = self.templates.get(self.current_template() or "") or {}
        return info.get("kind") == "certificate"

    def _template_changed(self) -> None:
        name = self.current_template()
        certificate = self.is_certificate()
        show_period = name == "bao_cao_ket_qua"
        self.period.setVisible(show_period)
        self.period_label.setVisible(show_period)
        has = self.current_record() is not None and name is not None
        for b in (self.preview_button, self.print_button, self.save_button, self.word_button):
            b.setEnabled(has)
        self.sign_button.setEnabled(True)
        self.batch_button.setEnabled(self.current_record() is not None and self.current_table() in work.BATCH_KINDS)
        self.option_tabs.setTabVisible(2, certificate)
        if certificate:
            self._load_preprinted()
        self._paper_changed()
        self.recipients_edited = False
        self._apply_choices({})
        self._load_choices()
        if self.preview_pdf is not None:
            self.preview_pdf = None
            self.preview.set_message(self.tr("Press “Preview” to see this document."))

    # ------------------------------------------------------------------ choices: signer, recipients, attached
    def _load_choices(self) -> None:
        record, name = self.current_record(), self.current_template()
        if record is None or name is None:
            return
        self._choices_token += 1
        token = self._choices_token
        record_id = record["id"]
        base = self._base_options()
        self.ctx.jobs.run(lambda store, _p: work.document_choices(store, name, record_id, base),
                          done=lambda choices: self._choices_loaded(token, choices),
                          failed=lambda _e: None, title=self.tr("Reading"))

    def _choices_loaded(self, token: int, choices: Row) -> None:
        if token != self._choices_token:
            return
        self._apply_choices(choices)

    def _apply_choices(self, choices: Row) -> None:
        self.choices = choices
        offered = set(choices.get("choices") or [])
        signer = "signer" in offered
        w: QtWidgets.QWidget
        for w in (self.signer_label, self.signer, self.role_label, self.role):
            w.setVisible(signer)
        if signer:
            wanted = self.signer.currentData()
            self.signer.blockSignals(True)
            self.signer.clear()
            self.signer.addItem(self.tr("As recorded for the document (default)"), None)
            for person in choices.get("signers") or []:
                self.signer.addItem(f"{person['name']} — {person['title']}", person["name"])
            i = self.signer.findData(wanted)
            self.signer.setCurrentIndex(i if i >= 0 else 0)
            self.signer.blockSignals(False)
        recipients = "recipients" in offered
        for w in (self.recipients_label, self.recipients, self.add_recipient, self.remove_recipient,
                  self.up_recipient, self.down_recipient, self.default_recipients):
            w.setVisible(recipients)
        if recipients and not self.recipients_edited:
            self._set_recipients(list((choices.get("recipients") or {}).get("current") or []))
        attached = "attached" in offered
        for w in (self.attached_label, self.attached_number, self.attached_date):
            w.setVisible(attached)
        if attached:
            default = choices.get("attached") or {}
            self.attached_number.setPlaceholderText(default.get("number") or self.tr("number, e.g. 05/TTr-UBND"))
            day = default.get("date")
            self.attached_date.setPlaceholderText(_dt.date.fromisoformat(day).strftime("%d/%m/%Y") if day
                                                  else self.tr("dd/mm/yyyy"))
        self.signer_hint.setVisible(bool(choices) and not offered)
        self.option_tabs.setTabVisible(1, bool(offered) or not choices)
        self._update_number_hint()

    def _set_recipients(self, entries: list[str]) -> None:
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for entry in entries:
            self._recipient_item(entry)
        self.recipients.blockSignals(False)

    def _recipient_item(self, text: str) -> QtWidgets.QListWidgetItem:
        item = QtWidgets.QListWidgetItem(text, self.recipients)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(text)
        return item

    def recipient_list(self) -> list[str]:
        return [t for t in (self.recipients.item(i).text().strip() for i in range(self.recipients.count())) if t]

    def _recipients_changed(self) -> None:
        self.recipients_edited = True

    def _add_recipient(self) -> None:
        item = self._recipient_item(self.tr("New recipient"))
        self.recipients.setCurrentItem(item)
        self.recipients_edited = True
        self.recipients.editItem(item)

    def _remove_recipient(self) -> None:
        row = self.recipients.currentRow()
        if row >= 0:
            self.recipients.takeItem(row)
            self.recipients_edited = True

    def _move_recipient(self, step: int) -> None:
        row = self.recipients.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.recipients.count():
            return
        item = self.recipients.takeItem(row)
        self.recipients.insertItem(target, item)
        self.recipients.setCurrentRow(target)
        self.recipients_edited = True

    def _reset_recipients(self) -> None:
        name = self.current_template()
        if not name:
            return

        def done(entries: list[str]) -> None:
            self.recipients_edited = False
            self._set_recipients(entries)

        self.ctx.jobs.run(lambda store, _p: work.forget_recipients(store, name), done=done,
                          title=self.tr("Recipients"), parent=self)

    # ------------------------------------------------------------------ draft or issued
    def draft_mode(self) -> bool:
        return self.mode_draft.isChecked()

    def _mode_changed(self, *_a: Any) -> None:
        self.ctx.settings.setValue(SETTINGS_DRAFT, int(self.mode_draft.isChecked()))
        self._update_number_hint()

    def issued_code(self) -> str | None:
        code = self.choices.get("issued")
        return str(code) if code else None

    def _update_number_hint(self) -> None:
        name = self.current_template()
        code = self.issued_code()
        if not name:
            text = ""
        elif code:
            text = self.tr("Issued under number %1; printing the issued copy again keeps this number.") \
                .replace("%1", code)
        elif self.draft_mode():
            text = self.tr("A draft takes no number from the register and is marked “DỰ THẢO” on every page.")
        elif work.numbered(name):
            text = self.tr("Printing or saving the issued copy takes the next number of this unit's register.")
        else:
            text = self.tr("This document has no number of its own; the issued copy is printed without the "
                           "“DỰ THẢO” mark.")
        self.number_hint.setText(text)
        self.number_hint.setVisible(bool(text))

    # ------------------------------------------------------------------ stock
    def _paper_changed(self, *_a: Any) -> None:
        stock = self.is_certificate() and self.paper_stock.isChecked()
        for w in self._stock_widgets:
            w.setEnabled(stock)
        self.ctx.settings.setValue(SETTINGS_STOCK, int(self.paper_stock.isChecked()))

    def _printer_key(self) -> str:
        return _settings_key(str(self.printer.currentData() or ""))

    def _load_offsets(self) -> None:
        value = self.ctx.settings.value(f"printing/offsets/{self._printer_key()}")
        x = y = 0.0
        if isinstance(value, str) and "," in value:
            try:
                x, y = (float(v) for v in value.split(",", 1))
            except ValueError:
                x = y = 0.0
        for box, v in ((self.offset_x, x), (self.offset_y, y)):
            box.blockSignals(True)
            box.setValue(v)
            box.blockSignals(False)

    def _save_offsets(self) -> None:
        self.ctx.settings.setValue(f"printing/offsets/{self._printer_key()}",
                                   f"{self.offset_x.value()},{self.offset_y.value()}")

    def _preprinted_key(self) -> str:
        return f"printing/preprinted/{_settings_key(self.current_template() or '')}"

    def _load_preprinted(self) -> None:
        name = self.current_template()
        if not name:
            return
        saved = self.ctx.settings.value(self._preprinted_key())
        chosen = None if saved is None else {x for x in str(saved).split(",") if x}
        self.preprinted.blockSignals(True)
        self.preprinted.clear()
        for element in work.stock_elements(name):
            item = QtWidgets.QListWidgetItem(element["label"], self.preprinted)
            item.setData(Qt.ItemDataRole.UserRole, element["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = element["preprinted"] if chosen is None else element["id"] in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.preprinted.blockSignals(False)

    def preprinted_ids(self) -> list[str]:
        out = []
        for i in range(self.preprinted.count()):
            item = self.preprinted.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _save_preprinted(self) -> None:
        self.ctx.settings.setValue(self._preprinted_key(), ",".join(self.preprinted_ids()))

    def print_calibration(self) -> None:
        printer = self._ask_printer()
        if printer is None:
            return
        labels = [self.preprinted.item(i).text() for i in range(self.preprinted.count())
                  if self.preprinted.item(i).checkState() == Qt.CheckState.Checked]
        offsets = (self.offset_x.value(), self.offset_y.value())
        out = work.temp_pdf(self._tmp.name, "can-chinh")
        self.ctx.jobs.run(lambda _s, _p: work.calibration(out, offsets_mm=offsets, preprinted=labels),
                          done=lambda facts: self._send_to_printer([facts["path"]], printer),
                          title=self.tr("Calibration page"), parent=self)

    # ------------------------------------------------------------------ options
    def _base_options(self) -> Row:
        name = self.current_template() or ""
        out: Row = {"date": self.date.date().toString("yyyy-MM-dd")}
        if name == "bao_cao_ket_qua":
            out["period"] = self.period.currentData()
        return out

    def options(self) -> Row:
        """The options of the document as chosen on the screen. Raises :class:`InputError` for a bad date."""
        out = self._base_options()
        if self.is_certificate() and self.paper_stock.isChecked():
            out["stock"] = True
            out["offsets_mm"] = (self.offset_x.value(), self.offset_y.value())
            out["stock_preprinted"] = self.preprinted_ids()
        offered = set(self.choices.get("choices") or [])
        if "signer" in offered:
            if self.signer.currentData():
                out["signer"] = self.signer.currentData()
            if self.role.currentData() is not None:
                out["signer_role"] = self.role.currentData()
        if "recipients" in offered and self.recipients_edited:
            out["recipients"] = self.recipient_list()
        if "attached" in offered and (self.attached_number.text().strip() or self.attached_date.text().strip()):
            number = self.attached_number.text().strip() or str((self.choices.get("attached") or {}).get("number")
                                                                or "")
            if not number:
                raise InputError("Hãy ghi số ký hiệu của tờ trình mà danh sách kèm theo, ví dụ 05/TTr-UBND.",
                                 field="Kèm theo")
            out["attached"] = {"kind": "Tờ trình", "number": number,
                               "date": parse_date(self.attached_date.text(), field="Ngày tờ trình")}
        return out

    def _options_or_warn(self) -> Row | None:
        try:
            return self.options()
        except InputError as exc:
            dialogs.warn(self, self.tr("Check the choices"), str(exc))
            return None

    def _after_issue(self) -> None:
        """A number may have been taken: the register changed, and what the screen says of the document."""
        self.recipients_edited = False
        self._load_choices()

    # ------------------------------------------------------------------ preview
    def show_preview(self) -> None:
        record, name = self.current_record(), self.current_template()
        if record is None or name is None:
            return
        options = self._options_or_warn()
        if options is None:
            return
        out = work.temp_pdf(self._tmp.name, name)
        ratio = min(2.0, max(1.0, self.devicePixelRatioF()))
        record_id = record["id"]

        def job(store: Store, progress: Any) -> Any:
            progress(0, 0, "")
            facts = work.render_preview(store, name, record_id, out, options)
            dpi = (110.0 if facts["pages"] <= 20 else 72.0) * ratio
            facts["dpi"] = dpi
            facts["images"] = raster.render_pages(out, dpi, lambda i, n: progress(i, n, ""))
            return facts

        self.preview.set_message(self.tr("Preparing the preview…"))
        self.ctx.jobs.run(job, done=self._previewed, failed=self._preview_failed,
                          title=self.tr("Preparing the preview"), parent=self)

    def _previewed(self, facts: Row) -> None:
        self.preview_pdf = facts["path"]
        pages = str(facts["pages"])
        if facts.get("issued"):
            info = self.tr("%1 page(s) · issued, number %2").replace("%1", pages).replace("%2", facts["issued"])
        else:
            info = self.tr("%1 page(s) · draft, not numbered").replace("%1", pages)
        self.preview.set_pages(facts["images"], facts["dpi"], info)
        self.preview.setToolTip(facts.get("legal_basis") or "")

    def _preview_failed(self, error: BaseException) -> None:
        self.preview.set_message(str(error))

    # ------------------------------------------------------------------ saving and printing
    def _confirm_number(self) -> bool:
        """Before the issued copy of a numbered document takes its number."""
        name = self.current_template()
        if not name or self.draft_mode() or not work.numbered(name) or self.issued_code():
            return True
        return dialogs.confirm(self, self.tr("Issue the document"), self.tr(
            "Issuing “%1” takes the next number of this unit's register; a number once taken is not reused. "
            "Continue?").replace("%1", self.template.currentText()))

    def _render_then(self, out: str, then: Any, title: str) -> None:
        """Render the current document (draft or issued, as chosen) into ``out``, then ``then(facts)``."""
        record, name = self.current_record(), self.current_template()
        if record is None or name is None:
            return
        options = self._options_or_warn()
        if options is None:
            return
        draft = self.draft_mode()
        record_id = record["id"]

        def job(store, _progress):  # type: ignore[no-untyped-def]
            render = work.render_draft if draft else work.render_issue
            return render(store, name, record_id, out, options)

        def done(facts: Row) -> None:
            if not draft:
                self._after_issue()
            elif self.recipients_edited:
                self.recipients_edited = False
            then(facts)

        self.ctx.jobs.run(job, done=done, title=title, dialog=True, parent=self)

    def _ask_path(self, fmt: str) -> str | None:
        name = self.current_template() or "van-ban"
        suffix = ".docx" if fmt == "docx" else ".pdf"
        default_dir = str(self.ctx.settings.value(SETTINGS_DIR) or Path.home())
        stem = f"{name}-{'du-thao' if self.draft_mode() else 'ban-hanh'}-{_dt.date.today():%Y-%m-%d}"
        default = str(Path(default_dir) / work.safe_filename(stem, suffix))
        if fmt == "docx":
            title, pattern = self.tr("Save as Word"), self.tr("Word documents (*.docx)")
        else:
            title, pattern = self.tr("Save as PDF"), self.tr("PDF files (*.pdf)")
        path, _f = QtWidgets.QFileDialog.getSaveFileName(self, title, default, pattern)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        self.ctx.settings.setValue(SETTINGS_DIR, str(Path(path).parent))
        return path

    def save_document(self, fmt: str = "pdf") -> None:
        """Save the chosen document as PDF or Word (.docx): a draft takes no number, the issued copy does."""
        if self.current_record() is None or self.current_template() is None:
            return
        path = self._ask_path(fmt)
        if path is None or not self._confirm_number():
            return

        def saved(facts: Row) -> None:
            self.last_saved = facts
            text = self.tr("The document was saved to:\n%1").replace("%1", facts["path"])
            if facts.get("issued"):
                text += "\n" + self.tr("Number: %1").replace("%1", facts["issued"])
            dialogs.inform(self, self.tr("Saved"), text)

        self._render_then(path, saved, self.tr("Saving the document"))

    def _ask_printer(self) -> QPrinter | None:
        """The print dialog; returns a configured QPrinter, or None when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        wanted = str(self.printer.currentData() or "")
        if wanted:
            printer.setPrinterName(wanted)
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_document(self) -> None:
        name = self.current_template()
        if self.current_record() is None or name is None or not self._confirm_number():
            return
        printer = self._ask_printer()
        if printer is None:
            return
        printer.setFullPage(True)
        out = str(work.temp_pdf(self._tmp.name, f"{name}-in"))
        self._render_then(out, lambda facts: self._send_to_printer([facts["path"]], printer), self.tr("Printing"))

    def _send_to_printer(self, paths: list[str], printer: Any) -> None:
        self._printer = printer  # kept alive while the job paints on it
        self.ctx.jobs.run(
            lambda _store, progress: raster.print_pdfs(paths, printer, lambda i, n: progress(i, n, "")),
            done=lambda pages: self.ctx.jobs.progress_changed.emit(
                pages, pages, self.tr("%1 page(s) sent to the printer.").replace("%1", str(pages))),
            title=self.tr("Printing"), dialog=True, parent=self,
        )

    # ------------------------------------------------------------------ signing
    def sign_document(self) -> None:
        """Sign the issued copy of the chosen document (or an issued PDF file) with a certificate file or a token."""
        record, name = self.current_record(), self.current_template()
        document = self.template.currentText() if record is not None and name is not None else ""
        default_dir = str(self.ctx.settings.value(SETTINGS_DIR) or Path.home())
        stem = f"{name or 'van-ban'}-ky-so-{_dt.date.today():%Y-%m-%d}"
        dialog = SignDialog(self.ctx, document=document, default_out=str(Path(default_dir) / f"{stem}.pdf"),
                            parent=self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        self.start_signing(dialog.values())

    def start_signing(self, values: Row):  # type: ignore[no-untyped-def]
        """Sign as ``values`` say (what ``SignDialog.values`` gives); returns the job."""
        record, name = self.current_record(), self.current_template()
        source = values.get("source")
        options: Row = {}
        if source is None:
            if record is None or name is None:
                return None
            opts = self._options_or_warn()
            if opts is None:
                return None
            options = {k: v for k, v in opts.items() if k not in ("stock", "offsets_mm", "stock_preprinted")}
            was_draft = self.draft_mode()
            self.mode_issue.setChecked(True)  # only the issued copy is signed
            if not self._confirm_number():
                (self.mode_draft if was_draft else self.mode_issue).setChecked(True)
                return None
        record_id = record["id"] if record is not None else None
        folder = self._tmp.name

        def job(store, _progress):  # type: ignore[no-untyped-def]
            return work.sign_document(store, source=source, out=values["out"], key=values["key"],
                                      seal=values.get("seal"), template=name, record_id=record_id, options=options,
                                      work_folder=folder)

        def done(facts: Row) -> None:
            self.last_signed = facts
            if source is None:
                self._after_issue()
            text = self.tr("Signed by %1 at %2 (page %3). The signed document was saved to:\n%4") \
                .replace("%1", facts["signer"]).replace("%2", facts["signing_time"]) \
                .replace("%3", str(facts["page"])).replace("%4", facts["path"])
            dialogs.inform(self, self.tr("Signed"), text)

        return self.ctx.jobs.run(job, done=done, title=self.tr("Signing the document"), dialog=True, parent=self)

    def verify_document(self) -> None:
        dialog = VerifyDialog(self.ctx, self)
        self.verify_dialog = dialog
        dialog.exec()

    # ------------------------------------------------------------------ batch
    def choose_batch(self) -> None:
        record = self.current_record()
        if record is None or self.current_table() not in work.BATCH_KINDS:
            return
        dialog = BatchDialog(self.ctx, self.current_table(), record, draft=self.draft_mode(), parent=self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        folder = dialog.folder.text().strip()
        self.ctx.settings.setValue(SETTINGS_DIR, folder)
        printer = self._ask_printer() if dialog.to_printer.isChecked() else None
        if dialog.to_printer.isChecked() and printer is None:
            return
        self.start_batch(folder, printer=printer)

    def start_batch(self, folder: str, *, printer: Any = None):  # type: ignore[no-untyped-def]
        """Write every document of the selected decision or campaign into ``folder`` (then print them)."""
        record = self.current_record()
        if record is None:
            return None
        table, record_id = self.current_table(), record["id"]
        options = self._base_options()
        options.pop("period", None)
        if self.paper_stock.isChecked():
            options.update(stock=True, offsets_mm=(self.offset_x.value(), self.offset_y.value()))
        period = self.period.currentData() if table == "campaigns" else None
        draft = self.draft_mode()

        def job(store: Store, progress: Any) -> Any:
            items = work.batch_items(store, table, record_id, period=period)
            return work.run_batch(store, items, folder, options, progress, cancelled=lambda: progress.cancelled,
                                  draft=draft)

        self.batch_job = self.ctx.jobs.run(
            job, done=lambda result: self._batch_done(result, printer),
            title=self.tr("Writing the documents"), dialog=True, parent=self,
        )
        return self.batch_job

    def _batch_done(self, result: Row, printer: Any) -> None:
        self.batch_job = None
        written = len(result["written"])
        if result["cancelled"]:
            text = self.tr("Stopped: %1 of %2 document(s) were written to %3.")
        else:
            text = self.tr("%1 of %2 document(s) were written to %3.")
        text = text.replace("%1", str(written)).replace("%2", str(result["total"])).replace("%3", result["folder"])
        self.last_batch = result
        self._after_issue()
        if printer is not None and result["written"] and not result["cancelled"]:
            self._send_to_printer(result["written"], printer)
        dialogs.inform(self, self.tr("Print all documents"), text)


class BatchDialog(QtWidgets.QDialog):
    """Where the documents of a decision or a campaign go, and whether they are printed too."""

    def __init__(self, ctx: AppContext, table: str, record: Row, *, draft: bool = False,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print all documents"))
        self.setMinimumWidth(560)
        layout = QtWidgets.QVBoxLayout(self)
        what = (self.tr("The decision with its list, and one certificate for each person or collective awarded:")
                if table == "decisions" else self.tr("The campaign's plan and its results report:"))
        layout.addWidget(QtWidgets.QLabel(what, self))
        name = QtWidgets.QLabel(record["label"], self)
        name.setStyleSheet("font-weight: 600;")
        name.setWordWrap(True)
        layout.addWidget(name)
        row = QtWidgets.QHBoxLayout()
        default = str(ctx.settings.value(SETTINGS_DIR) or Path.home())
        self.folder = QtWidgets.QLineEdit(default, self)
        browse = QtWidgets.QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(QtWidgets.QLabel(self.tr("Folder:"), self))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.to_printer = QtWidgets.QCheckBox(self.tr("Also send them to the printer"), self)
        layout.addWidget(self.to_printer)
        copy = (self.tr("Drafts: no number is taken, every page is marked “DỰ THẢO”.") if draft
                else self.tr("Issued copies: documents numbered here take their numbers from the register."))
        hint = QtWidgets.QLabel(copy + " " + self.tr("Each document is a separate PDF file. You can stop at any "
                                                     "time; the files already written stay complete."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QtWidgets.QDialogButtonBox(self)
        buttons.addButton(self.tr("Start"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Choose the folder"), self.folder.text())
        if path:
            self.folder.setText(path)


def make_print_page(ctx: AppContext) -> QtWidgets.QWidget:
    from tdkt_desktop.gui.i18n import ensure_translator

    ensure_translator()
    return PrintPage(ctx)
