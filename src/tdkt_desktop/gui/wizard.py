"""First run: which unit this installation is, its upper office, who signs, document numbers, the operator.

The answers go to :func:`~tdkt_desktop.store.installation.init_unit` (the same function as ``tdkt init``),
on a worker."""

from __future__ import annotations

from html import escape
from typing import Any

from tdkt_desktop.core import admin_units as au
from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import clean, name_case
from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.widgets import SearchBox, fit_to_screen, hint
from tdkt_desktop.store.installation import DOC_TYPES, Official, init_unit


class UnitPage(QtWidgets.QWizardPage):
    """Find this unit in the official list (by code or name, no tones needed), or make a sub-unit."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Which unit is this?"))
        self.setSubTitle(self.tr("Type the code or the name of your commune, ward or province — tones are not needed "
                                 "(“tan phu” finds “Phường Tân Phú”)."))
        layout = QtWidgets.QVBoxLayout(self)
        self.official = QtWidgets.QRadioButton(self.tr("An administrative unit in the official list"), self)
        self.sub_unit = QtWidgets.QRadioButton(
            self.tr("A unit under a commune or ward (school, hamlet, office, health station…)"), self)
        self.official.setChecked(True)
        layout.addWidget(self.official)
        layout.addWidget(self.sub_unit)
        self.search = SearchBox(self, delay_ms=150)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("Code or name, e.g. 27031 or tan phu"))
        self.results = QtWidgets.QListWidget(self)
        self.results.setObjectName("unitResults")
        self.parent_label = QtWidgets.QLabel(self.tr("Commune or ward it belongs to:"), self)
        layout.addWidget(self.parent_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        sub_box = QtWidgets.QWidget(self)
        form = QtWidgets.QFormLayout(sub_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.sub_kind = QtWidgets.QComboBox(sub_box)
        for level in m.UnitLevel:
            if level.is_sub_unit:
                self.sub_kind.addItem(level.label, level.value)
        self.sub_name = QtWidgets.QLineEdit(sub_box)
        self.sub_name.setPlaceholderText(self.tr("e.g. Trường Tiểu học Tân Phú"))
        self.sub_code = QtWidgets.QLineEdit(sub_box)
        self.sub_code.setPlaceholderText(self.tr("e.g. 27031-TH01"))
        form.addRow(self.tr("Kind of unit:"), self.sub_kind)
        form.addRow(self.tr("Name:"), self.sub_name)
        form.addRow(self.tr("Code:"), self.sub_code)
        self.sub_box = sub_box
        layout.addWidget(sub_box)
        self.sub_box.hide()
        self.parent_label.hide()
        self.search.search.connect(self._search)
        self.results.currentRowChanged.connect(lambda _r: self._chosen())
        self.sub_unit.toggled.connect(self._mode)
        self.sub_name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.sub_code.textChanged.connect(lambda _t: self.completeChanged.emit())
        self._units: list[au.AdminUnit] = []

    def _mode(self, sub: bool) -> None:
        self.sub_box.setVisible(sub)
        self.parent_label.setVisible(sub)
        self._search(self.search.text())

    def _search(self, text: str) -> None:
        found = au.search(text, limit=60) if clean(text) else []
        if self.sub_unit.isChecked():
            found = [u for u in found if u.level == "commune"]
        self._units = found
        self.results.clear()
        for unit in found:
            item = QtWidgets.QListWidgetItem(f"{au.display_name(unit)}  ({unit.code})")
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        self.completeChanged.emit()

    def _chosen(self) -> None:
        unit = self.chosen()
        if unit is not None and self.sub_unit.isChecked() and not self.sub_code.isModified():
            self.sub_code.setText(f"{unit.code}-")
        self.completeChanged.emit()

    def chosen(self) -> au.AdminUnit | None:
        row = self.results.currentRow()
        return self._units[row] if 0 <= row < len(self._units) else None

    def isComplete(self) -> bool:
        if self.chosen() is None:
            return False
        if self.sub_unit.isChecked():
            code = clean(self.sub_code.text())
            return bool(clean(self.sub_name.text())) and bool(code) and not code.endswith("-")
        return True


class UpperPage(QtWidgets.QWizardPage):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Upper office"))
        self.setSubTitle(self.tr("The office this unit reports to and sends its bundles to. Check it and correct it if needed."))
        form = QtWidgets.QFormLayout(self)
        self.code = QtWidgets.QLineEdit(self)
        self.name = QtWidgets.QLineEdit(self)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(hint(self.tr("Leave empty if this unit has no upper office in this system."), self))


class OfficialsPage(QtWidgets.QWizardPage):
    ROWS = 3

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Signing officials"))
        self.setSubTitle(self.tr("Who signs the documents: the chairman and the vice chairmen, with the authority "
                                 "prefix printed above the title (TM., KT. …)."))
        grid = QtWidgets.QGridLayout(self)
        for col, text in enumerate((self.tr("Full name"), self.tr("Title"), self.tr("Authority prefix"))):
            label = QtWidgets.QLabel(text, self)
            label.setObjectName("subheading")
            grid.addWidget(label, 0, col)
        defaults = [
            ("Chủ tịch", "TM. ỦY BAN NHÂN DÂN"),
            ("Phó Chủ tịch", "KT. CHỦ TỊCH"),
            ("Phó Chủ tịch", "KT. CHỦ TỊCH"),
        ]
        self.rows: list[tuple[QtWidgets.QLineEdit, QtWidgets.QLineEdit, QtWidgets.QLineEdit]] = []
        for i, (title, authority) in enumerate(defaults):
            name_edit = QtWidgets.QLineEdit(self)
            name_edit.setPlaceholderText(self.tr("Full name"))
            title_edit = QtWidgets.QLineEdit(title, self)
            auth_edit = QtWidgets.QLineEdit(authority, self)
            for col, w in enumerate((name_edit, title_edit, auth_edit)):
                grid.addWidget(w, i + 1, col)
            name_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
            self.rows.append((name_edit, title_edit, auth_edit))
        grid.addWidget(hint(self.tr("At least the first person is needed; more can be added later in Settings."), self),
                       self.ROWS + 1, 0, 1, 3)
        grid.setRowStretch(self.ROWS + 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)

    def officials(self) -> list[Official]:
        return [Official(clean(name.text()), clean(title.text()), clean(authority.text()))
                for name, title, authority in self.rows if clean(name.text())]

    def isComplete(self) -> bool:
        name, title, _a = self.rows[0]
        return bool(clean(name.text())) and bool(clean(title.text()))


class NumbersPage(QtWidgets.QWizardPage):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Document numbers"))
        self.setSubTitle(self.tr("The code after the number of each kind of document, e.g. “05/QĐ-UBND”. "
                                 "Numbers restart each 1 January."))
        form = QtWidgets.QFormLayout(self)
        self.body = QtWidgets.QLineEdit("UBND", self)
        self.body.setObjectName("issuerCode")
        form.addRow(self.tr("Issuing body code:"), self.body)
        self.edits: dict[str, QtWidgets.QLineEdit] = {}
        names = {
            "QĐ": self.tr("Decision"), "TTr": self.tr("Submission"), "BC": self.tr("Report"),
            "KH": self.tr("Plan"), "BB": self.tr("Minutes"), "TB": self.tr("Notice"),
        }
        for doc in DOC_TYPES:
            edit = QtWidgets.QLineEdit(self)
            self.edits[doc] = edit
            form.addRow(names[doc] + ":", edit)
        self.body.textChanged.connect(self._fill)
        self._fill(self.body.text())

    def _fill(self, body: str) -> None:
        for doc, edit in self.edits.items():
            suffix = "HĐTĐKT" if doc == "BB" else clean(body)
            edit.setText(f"{doc}-{suffix}" if suffix else doc)

    def prefixes(self) -> dict[str, str]:
        return {doc: clean(edit.text()) for doc, edit in self.edits.items()}


class OperatorPage(QtWidgets.QWizardPage):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who is using this computer?"))
        self.setSubTitle(self.tr("Your name is written in the change log beside each change you make."))
        form = QtWidgets.QFormLayout(self)
        self.name = QtWidgets.QLineEdit(self)
        self.name.setObjectName("operatorName")
        self.name.setPlaceholderText(self.tr("e.g. Nguyễn Thị Lan, công chức Văn hóa - Xã hội"))
        form.addRow(self.tr("Your name:"), self.name)
        self.name.textChanged.connect(lambda _t: self.completeChanged.emit())

    def isComplete(self) -> bool:
        return bool(clean(self.name.text()))


class SummaryPage(QtWidgets.QWizardPage):
    """Everything the setup will write, to read once before finishing (names as they will be stored)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check before finishing"))
        self.setSubTitle(self.tr("This is what will be saved. Press “< Back” to correct anything; the officials, "
                                 "the numbers and your name can also be changed later in Settings."))
        layout = QtWidgets.QVBoxLayout(self)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setObjectName("setupSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        self.summary.setText(wizard.summary_html())


class SetupWizard(QtWidgets.QWizard):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("TĐKT Desktop — first-time setup"))
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ModernStyle)
        self.setOption(QtWidgets.QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QtWidgets.QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QtWidgets.QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QtWidgets.QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QtWidgets.QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.unit_page = UnitPage(self)
        self.upper_page = UpperPage(self)
        self.officials_page = OfficialsPage(self)
        self.numbers_page = NumbersPage(self)
        self.operator_page = OperatorPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.unit_page, self.upper_page, self.officials_page, self.numbers_page, self.operator_page,
                     self.summary_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._entered)
        fit_to_screen(self, 720, 560)
        self._saving = False

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self.currentPage() is self.unit_page:
            QtCore.QTimer.singleShot(0, self.unit_page.search.setFocus)  # after Qt has chosen its own first focus

    def _entered(self, page_id: int) -> None:
        if self.page(page_id) is self.unit_page:
            QtCore.QTimer.singleShot(0, self.unit_page.search.setFocus)
        if self.page(page_id) is self.upper_page:
            code, name = self.default_upper()
            if not self.upper_page.code.isModified():
                self.upper_page.code.setText(code)
            if not self.upper_page.name.isModified():
                self.upper_page.name.setText(name)

    def default_upper(self) -> tuple[str, str]:
        unit = self.unit_page.chosen()
        if unit is None:
            return "", ""
        if self.unit_page.sub_unit.isChecked():
            return unit.code, unit.name
        parent = au.find(unit.parent_code) if unit.parent_code else None
        return (parent.code, parent.name) if parent else ("", "")

    def answers(self) -> dict[str, Any]:
        """The answers, as keyword arguments of :func:`~tdkt_desktop.store.installation.init_unit`."""
        unit = self.unit_page.chosen()
        assert unit is not None
        answers: dict[str, Any] = {"code": unit.code}
        if self.unit_page.sub_unit.isChecked():
            answers = {"code": clean(self.unit_page.sub_code.text()), "name": clean(self.unit_page.sub_name.text()),
                       "level": str(self.unit_page.sub_kind.currentData())}
        return {
            **answers,
            "parent": clean(self.upper_page.code.text()),
            "parent_name": clean(self.upper_page.name.text()) or None,
            "officials": self.officials_page.officials(),
            "doc_prefixes": self.numbers_page.prefixes(),
            "operator": clean(self.operator_page.name.text()),
        }

    def summary_html(self) -> str:
        """The answers as the summary page shows them."""
        answers = self.answers()
        unit = self.unit_page.chosen()
        if self.unit_page.sub_unit.isChecked():
            unit_text = f"{name_case(answers['name'], person=False)} ({answers['code']})"
        else:
            unit_text = f"{au.display_name(unit)} ({answers['code']})" if unit is not None else answers["code"]
        upper = " ".join(p for p in (answers.get("parent_name") or "", f"({answers['parent']})" if answers["parent"]
                                     else "") if p) or self.tr("none")
        officials = "<br>".join(escape(f"{name_case(o.full_name)} — {o.title}" + (f" ({o.authority})" if o.authority
                                                                                     else ""))
                                for o in answers["officials"])
        numbers = ", ".join(f"{escape(v)}" for v in answers["doc_prefixes"].values())
        rows = [
            (self.tr("This unit"), escape(unit_text)),
            (self.tr("Upper office"), escape(upper)),
            (self.tr("Signing officials"), officials),
            (self.tr("Document number codes"), numbers),
            (self.tr("Your name"), escape(name_case(answers["operator"]))),
        ]
        body = "".join(f"<tr><td style='padding:4px 12px 4px 0'><b>{label}</b></td><td style='padding:4px 0'>"
                       f"{value}</td></tr>" for label, value in rows)
        return f"<table>{body}</table>"

    def accept(self) -> None:
        if self._saving:
            return
        answers = self.answers()
        self._saving = True
        self.button(QtWidgets.QWizard.WizardButton.FinishButton).setEnabled(False)

        def done(_r: Any) -> None:
            self._saving = False
            QtWidgets.QWizard.accept(self)

        def failed(err: BaseException) -> None:
            self._saving = False
            self.button(QtWidgets.QWizard.WizardButton.FinishButton).setEnabled(True)
            from tdkt_desktop.gui import dialogs

            dialogs.warn(self, self.tr("Cannot save the setup"), str(err))

        self.ctx.jobs.run(lambda store, _p: init_unit(store, **answers), done=done, failed=failed, title=self.tr("Saving the setup"), parent=self)

