"""Tổng hợp cấp trên: the upper office's section — appraisal, decisions, consolidation, reports, Excel."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import QtWidgets
from tdkt_desktop.gui.widgets import SectionPage, hint
from tdkt_desktop.store import installation


class ExcelPage(QtWidgets.QWidget):
    """Nhập – xuất Excel: the named lists of the engine, and the import wizard."""

    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        from tdkt_desktop.excel.export import VIEWS

        self.ctx = ctx
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        imp = QtWidgets.QGroupBox(self.tr("Import from Excel"), self)
        il = QtWidgets.QVBoxLayout(imp)
        il.addWidget(hint(self.tr("Lists of people, collectives, households or award nominations (the province's layout "
                                  "and similar ones): the columns are matched for you, every row is checked, and nothing "
                                  "is written until you confirm."), imp))
        row = QtWidgets.QHBoxLayout()
        self.import_button = QtWidgets.QPushButton(self.tr("Import from Excel…"), imp)
        self.import_button.setObjectName("addButton")
        row.addWidget(self.import_button)
        row.addStretch(1)
        il.addLayout(row)
        layout.addWidget(imp)
        exp = QtWidgets.QGroupBox(self.tr("Export to Excel"), self)
        el = QtWidgets.QFormLayout(exp)
        self.view = QtWidgets.QComboBox(exp)
        from tdkt_desktop.gui.office_view.excel_actions import _view_label

        for name, view in VIEWS.items():
            self.view.addItem(_view_label(view), name)
        self.view.setCurrentIndex(max(self.view.findData("nominations-provincial"), 0))
        self.period = QtWidgets.QLineEdit(exp)
        self.period.setPlaceholderText(self.tr("e.g. 2025 or 2025-H1 (empty: everything)"))
        el.addRow(self.tr("List"), self.view)
        el.addRow(self.tr("Year or period"), self.period)
        self.export_button = QtWidgets.QPushButton(self.tr("Export…"), exp)
        el.addRow("", self.export_button)
        el.addRow(hint(self.tr("Any list on screen can also be exported: right-click it and choose “Export to Excel…”, "
                               "or press Ctrl+E."), exp))
        layout.addWidget(exp)
        layout.addStretch(1)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(lambda: self.export())

    def open_import(self) -> Any:
        from tdkt_desktop.gui.office_view.import_wizard import open_import_wizard

        return open_import_wizard(self.ctx, self)

    def export(self, path: str | None = None) -> Any:
        from tdkt_desktop.gui.office_view.excel_actions import export_named_view

        view = self.view.currentData()
        if view == "attainment-matrix":
            from tdkt_desktop.gui import dialogs

            dialogs.inform(self, self.tr("Export to Excel"),
                           self.tr("Export the attainment matrix from the “Consolidation” tab, where the campaign "
                                   "and period are chosen."))
            return None
        return export_named_view(self.ctx, view, path=path, period=self.period.text().strip() or None, parent=self)


class OfficePage(SectionPage):
    def __init__(self, ctx: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Upper office consolidation"),
            self.tr("Appraise the nominations your units send, issue the award decisions, compare the units' results "
                    "with the targets, and prepare the reports."),
            parent,
        )
        from tdkt_desktop.gui.office_view.appraisal import AppraisalPage
        from tdkt_desktop.gui.office_view.consolidation import ConsolidationPage
        from tdkt_desktop.gui.office_view.decisions import DecisionPage
        from tdkt_desktop.gui.office_view.reports import ReportsPage

        self.ctx = ctx
        self.appraisal = AppraisalPage(ctx, self)
        self.decisions = DecisionPage(ctx, self)
        self.consolidation = ConsolidationPage(ctx, self)
        self.reports = ReportsPage(ctx, self)
        self.excel = ExcelPage(ctx, self)
        self.add_tab(self.appraisal, self.tr("Appraisal"))
        self.add_tab(self.decisions, self.tr("Decisions"))
        self.add_tab(self.consolidation, self.tr("Consolidation"))
        self.add_tab(self.reports, self.tr("Reports"))
        self.add_tab(self.excel, self.tr("Excel"))

    def refresh(self) -> None:
        page = self.tabs.currentWidget() if self.tabs is not None else None
        if page is not None and hasattr(page, "refresh"):
            page.refresh()


class NoUnitsPage(SectionPage):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Upper office consolidation"),
            self.tr("This installation has no units below it, so there is nothing to consolidate. Add the units below "
                    "this one in the Units section (schools, hamlets, communes…), or import their sync bundles."),
            parent,
        )
        self.outer.addStretch(1)


def make_office_page(ctx: Any) -> QtWidgets.QWidget:
    ensure_translator()
    below = installation.has_units_below(ctx.reader)
    return OfficePage(ctx) if below else NoUnitsPage()
