"""In ấn: choose a document and the record it prints from, set the options, preview the pages, print them, save
the issued PDF, or write (and print) every document of a decision or a campaign at once."""

from __future__ import annotations

import datetime as _dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.core.text import format_number
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.print_view import raster, work
from tdkt_desktop.gui.print_view.preview import PreviewView
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QtCore, QtWidgets
from tdkt_desktop.gui.sync_view.tables import Col, RowsModel, make_table, selected_row
from tdkt_desktop.gui.widgets import SearchBox, SectionPage

Row = dict[str, Any]

KIND_LABELS = {
    "decisions": QT_TRANSLATE_NOOP("PrintPage", "Award decisions"),
    "nominations": QT_TRANSLATE_NOOP("PrintPage", "Award nominations"),
    "vote_sessions": QT_TRANSLATE_NOOP("PrintPage", "Council meetings"),
    "campaigns": QT_TRANSLATE_NOOP("PrintPage", "Emulation campaigns"),
    "registrations": QT_TRANSLATE_NOOP("PrintPage", "Registrations for titles"),
}
SETTINGS_KIND = "printing/kind"
SETTINGS_STOCK = "printing/stock"
SETTINGS_DIR = "printing/last_dir"
DEFAULT_PRINTER = ""


def printer_names() -> list[str]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # pragma: no cover - print support is part of PySide6
        return []
    return list(QPrinterInfo.availablePrinterNames())


class PrintPage(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Printing"),
            self.tr("Documents are laid out as Decree 30/2020 requires (A4, Times New Roman). Preview them here, "
                    "then print or save the issued PDF."),
            parent,
        )
        self.ctx = ctx
        self.templates = work.template_info()
        self.records: list[Row] = []
        self.issued: dict[tuple[Any, ...], str] = {}
        self.preview_pdf: str | None = None
        self.batch_job = None
        self._tmp = tempfile.TemporaryDirectory(prefix="tdkt-in-")
        self.destroyed.connect(lambda *_a, tmp=self._tmp: tmp.cleanup())
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self._build_left(split))
        self.preview = PreviewView(split)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 800])
        self.outer.addWidget(split, 1)
        ctx.jobs.data_changed.connect(self._changed)
        kind = str(ctx.settings.value(SETTINGS_KIND) or "decisions")
        i = self.kind.findData(kind)
        self.kind.setCurrentIndex(i if i >= 0 else 0)
        self.load_records()

    # ------------------------------------------------------------------ building
    def _build_left(self, parent: QtWidgets.QWidget) -> QtWidgets.QWidget:
        left = QtWidgets.QWidget(parent)
        left.setMinimumWidth(380)
        layout = QtWidgets.QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 10, 0)
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
            Col(self.tr("Record"), lambda r: f"{r['label']}\n{r.get('detail', '')}".strip()),
        ], left)
        self.table = make_table(self.model, left)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._record_changed())
        self.table.doubleClicked.connect(lambda _i: self.show_preview())
        layout.addWidget(self.table, 1)
        self.count = QtWidgets.QLabel(left)
        self.count.setObjectName("countLabel")
        layout.addWidget(self.count)

        box = QtWidgets.QGroupBox(self.tr("Document and options"), left)
        opts = QtWidgets.QFormLayout(box)
        self.template = QtWidgets.QComboBox(box)
        self.template.currentIndexChanged.connect(lambda _i: self._template_changed())
        opts.addRow(self.tr("Document:"), self.template)
        self.date = QtWidgets.QDateEdit(QtCore.QDate.currentDate(), box)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.date.setToolTip(self.tr("Date written on the document (it also chooses the form in force that day)"))
        opts.addRow(self.tr("Date:"), self.date)
        self.period = QtWidgets.QComboBox(box)
        for label, value in work.periods_around():
            self.period.addItem(label, value)
        self.period_label = QtWidgets.QLabel(self.tr("Period:"), box)
        opts.addRow(self.period_label, self.period)
        self.paper_plain = QtWidgets.QRadioButton(self.tr("Plain paper (the border is printed)"), box)
        self.paper_stock = QtWidgets.QRadioButton(self.tr("Pre-printed certificate stock"), box)
        self.paper_label = QtWidgets.QLabel(self.tr("Paper:"), box)
        paper = QtWidgets.QVBoxLayout()
        paper.addWidget(self.paper_plain)
        paper.addWidget(self.paper_stock)
        opts.addRow(self.paper_label, paper)
        stock = bool(int(self.ctx.settings.value(SETTINGS_STOCK, 0) or 0))
        (self.paper_stock if stock else self.paper_plain).setChecked(True)
        self.paper_stock.toggled.connect(self._paper_changed)
        self.printer = QtWidgets.QComboBox(box)
        self.printer.addItem(self.tr("Default printer"), DEFAULT_PRINTER)
        for name in printer_names():
            self.printer.addItem(name, name)
        self.printer.currentIndexChanged.connect(lambda _i: self._load_offsets())
        self.printer_label = QtWidgets.QLabel(self.tr("Printer:"), box)
        opts.addRow(self.printer_label, self.printer)
        offsets = QtWidgets.QHBoxLayout()
        self.offset_x = self._offset_box(box, self.tr("Move right (negative: left), in millimetres"))
        self.offset_y = self._offset_box(box, self.tr("Move down (negative: up), in millimetres"))
        self.x_label = QtWidgets.QLabel(self.tr("X"), box)
        self.y_label = QtWidgets.QLabel(self.tr("Y"), box)
        offsets.addWidget(self.x_label)
        offsets.addWidget(self.offset_x)
        offsets.addSpacing(8)
        offsets.addWidget(self.y_label)
        offsets.addWidget(self.offset_y)
        offsets.addStretch(1)
        self.offsets_label = QtWidgets.QLabel(self.tr("Shift (mm):"), box)
        opts.addRow(self.offsets_label, offsets)
        layout.addWidget(box)
        self.number_hint = QtWidgets.QLabel(left)
        self.number_hint.setObjectName("hint")
        self.number_hint.setWordWrap(True)
        layout.addWidget(self.number_hint)

        grid = QtWidgets.QGridLayout()
        self.preview_button = QtWidgets.QPushButton(self.tr("Preview"), left)
        self.preview_button.setObjectName("addButton")
        self.preview_button.setShortcut("Ctrl+P")
        self.preview_button.setToolTip(self.tr("Show the pages as they will be printed (Ctrl+P)"))
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button = QtWidgets.QPushButton(self.tr("Print…"), left)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QtWidgets.QPushButton(self.tr("Save as PDF…"), left)
        self.save_button.clicked.connect(self.save_pdf)
        self.batch_button = QtWidgets.QPushButton(self.tr("Print all documents…"), left)
        self.batch_button.clicked.connect(self.choose_batch)
        grid.addWidget(self.preview_button, 0, 0)
        grid.addWidget(self.print_button, 0, 1)
        grid.addWidget(self.save_button, 1, 0)
        grid.addWidget(self.batch_button, 1, 1)
        layout.addLayout(grid)
        self._load_offsets()
        return left

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
        if table == self.current_table() or table in ("decision_awardees", "registrations"):
            self.load_records()

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

    def _template_changed(self) -> None:
        name = self.current_template()
        info = self.templates.get(name or "") or {}
        certificate = info.get("kind") == "certificate"
        for w in (self.paper_label, self.paper_plain, self.paper_stock):
            w.setVisible(certificate)
        self._paper_changed()
        show_period = name == "bao_cao_ket_qua"
        self.period.setVisible(show_period)
        self.period_label.setVisible(show_period)
        has = self.current_record() is not None and name is not None
        for b in (self.preview_button, self.print_button, self.save_button):
            b.setEnabled(has)
        self.batch_button.setEnabled(self.current_record() is not None and self.current_table() in work.BATCH_KINDS)
        if name and work.numbered(name):
            self.number_hint.setText(self.tr("The preview has no number. Printing or saving the issued document "
                                             "takes the next number of this unit's register."))
        else:
            self.number_hint.setText("")
        self.number_hint.setVisible(bool(self.number_hint.text()))

    def _paper_changed(self, *_a: Any) -> None:
        info = self.templates.get(self.current_template() or "") or {}
        stock = info.get("kind") == "certificate" and self.paper_stock.isChecked()
        for w in (self.printer_label, self.printer, self.offsets_label, self.offset_x, self.offset_y,
                  self.x_label, self.y_label):
            w.setVisible(stock)
        self.ctx.settings.setValue(SETTINGS_STOCK, int(self.paper_stock.isChecked()))

    def _offsets_key(self) -> str:
        name = str(self.printer.currentData() or "") or "default"
        return f"printing/offsets/{name.replace('/', '_')}"

    def _load_offsets(self) -> None:
        value = self.ctx.settings.value(self._offsets_key())
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
        self.ctx.settings.setValue(self._offsets_key(), f"{self.offset_x.value()},{self.offset_y.value()}")

    def options(self) -> dict[str, Any]:
        name = self.current_template() or ""
        info = self.templates.get(name) or {}
        out: dict[str, Any] = {"date": self.date.date().toPython().isoformat()}
        if name == "bao_cao_ket_qua":
            out["period"] = self.period.currentData()
        if info.get("kind") == "certificate" and self.paper_stock.isChecked():
            out["stock"] = True
            out["offsets_mm"] = (self.offset_x.value(), self.offset_y.value())
        return out

    def _key(self) -> tuple[Any, ...]:
        record = self.current_record() or {}
        return (self.current_template(), record.get("id"), tuple(sorted((k, str(v)) for k, v in self.options().items())))

    # ------------------------------------------------------------------ preview
    def show_preview(self) -> None:
        record, name = self.current_record(), self.current_template()
        if record is None or name is None:
            return
        options = self.options()
        out = work.temp_pdf(self._tmp.name, name)
        ratio = min(2.0, max(1.0, self.devicePixelRatioF()))
        record_id = record["id"]

        def job(store, progress):  # type: ignore[no-untyped-def]
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
        info = self.tr("%1 page(s) · draft, not numbered").replace("%1", str(facts["pages"]))
        self.preview.set_pages(facts["images"], facts["dpi"], info)
        self.preview.setToolTip(facts.get("legal_basis") or "")

    def _preview_failed(self, error: BaseException) -> None:
        self.preview.set_message(str(error))

    # ------------------------------------------------------------------ issuing: save and print
    def _confirm_number(self) -> bool:
        name = self.current_template()
        if not name or not work.numbered(name) or self._key() in self.issued:
            return True
        return dialogs.confirm(self, self.tr("Issue the document"), self.tr(
            "Issuing “%1” takes the next number of this unit's register; a number once taken is not reused. "
            "Continue?").replace("%1", self.template.currentText()))

    def _issue_then(self, out: str | None, then: Any, title: str) -> None:
        """Issue the current document (or reuse the copy issued earlier in this session), then ``then(path)``."""
        record, name = self.current_record(), self.current_template()
        if record is None or name is None:
            return
        key = self._key()
        earlier = self.issued.get(key)
        options = self.options()
        record_id = record["id"]
        target = out or str(work.temp_pdf(self._tmp.name, f"{name}-ban-hanh"))

        def job(store, _progress):  # type: ignore[no-untyped-def]
            if earlier and Path(earlier).exists():
                if out and Path(out) != Path(earlier):
                    atomic_write(out, lambda tmp: shutil.copyfile(earlier, tmp))
                return {"path": out or earlier, "reused": True}
            facts = work.render_issue(store, name, record_id, target, options)
            facts["reused"] = False
            return facts

        def done(facts: Row) -> None:
            if not facts.get("reused"):
                self.issued[key] = facts["path"]
            then(facts["path"])

        self.ctx.jobs.run(job, done=done, title=title, dialog=True, parent=self)

    def save_pdf(self) -> None:
        record, name = self.current_record(), self.current_template()
        if record is None or name is None:
            return
        default_dir = str(self.ctx.settings.value(SETTINGS_DIR) or Path.home())
        default = str(Path(default_dir) / work.safe_filename(f"{name}-{_dt.date.today():%Y-%m-%d}"))
        path, _f = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), default,
                                                         self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.ctx.settings.setValue(SETTINGS_DIR, str(Path(path).parent))
        if not self._confirm_number():
            return
        self._issue_then(path, lambda p: dialogs.inform(self, self.tr("Saved"), self.tr("The document was saved to:\n%1")
                                                        .replace("%1", p)), self.tr("Saving the PDF"))

    def _ask_printer(self):  # type: ignore[no-untyped-def]
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
        if self.current_record() is None or not self._confirm_number():
            return
        printer = self._ask_printer()
        if printer is None:
            return
        printer.setFullPage(True)
        self._issue_then(None, lambda path: self._send_to_printer([path], printer), self.tr("Printing"))

    def _send_to_printer(self, paths: list[str], printer: Any) -> None:
        self._printer = printer  # kept alive while the job paints on it
        self.ctx.jobs.run(
            lambda _store, progress: raster.print_pdfs(paths, printer, lambda i, n: progress(i, n, "")),
            done=lambda pages: self.ctx.jobs.progress_changed.emit(
                pages, pages, self.tr("%1 page(s) sent to the printer.").replace("%1", str(pages))),
            title=self.tr("Printing"), dialog=True, parent=self,
        )

    # ------------------------------------------------------------------ batch
    def choose_batch(self) -> None:
        record = self.current_record()
        if record is None or self.current_table() not in work.BATCH_KINDS:
            return
        dialog = BatchDialog(self.ctx, self.current_table(), record, self)
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
        options = self.options()
        options.pop("period", None)
        period = self.period.currentData() if table == "campaigns" else None

        def job(store, progress):  # type: ignore[no-untyped-def]
            items = work.batch_items(store, table, record_id, period=period)
            return work.run_batch(store, items, folder, options, progress, cancelled=lambda: progress.cancelled)

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
        if printer is not None and result["written"] and not result["cancelled"]:
            self._send_to_printer(result["written"], printer)
        dialogs.inform(self, self.tr("Print all documents"), text)


class BatchDialog(QtWidgets.QDialog):
    """Where the documents of a decision or a campaign go, and whether they are printed too."""

    def __init__(self, ctx: AppContext, table: str, record: Row, parent: QtWidgets.QWidget | None = None) -> None:
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
        hint = QtWidgets.QLabel(self.tr("Each document is a separate PDF file. You can stop at any time; the files "
                                        "already written stay complete."), self)
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
