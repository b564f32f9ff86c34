"""Giao ước thi đua: the covenants of the unit's cụm, khối thi đua — the list by year and the editor (members
chosen from the unit list or typed, with who signs for each; the commitments and criteria on several lines).
The printed Bản giao ước is made on the print screen or from here (“Print…”)."""

from __future__ import annotations

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.lists import RecordListView
from tdkt_desktop.gui.models import column, columns
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtCore, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.sections.registrations import year_filter
from tdkt_desktop.gui.widgets import SectionPage

EDITOR_FIELDS = ("cluster_name", "cluster_kind", "year", "members", "leader", "deputy", "commitments", "criteria",
                 "signed_on", "signed_place", "notes")


class CovenantsSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Cluster covenants"),
            self.tr("Each year the member units of an emulation cluster or bloc sign a covenant: what each "
                    "commits to, the criteria and targets, under a leading unit and its deputy."),
            parent,
        )
        self.ctx = ctx
        self.covenants = RecordListView(
            ctx, "covenants",
            [column("covenants", "cluster_name", width=34),
             *columns("covenants", "year", "leader"),
             column("covenants", "members", width=40, sort=""),
             column("covenants", "signed_on")],
            editor_fields=EDITOR_FIELDS, defaults={"cluster_kind": "cum"},
            add_text=self.tr("Add covenant"),
        )
        year_filter(self.covenants, self.tr("Year:"))
        self.print_button = QtWidgets.QPushButton(self.tr("Print…"), self.covenants)
        self.print_button.setObjectName("printCovenant")
        self.print_button.setToolTip(self.tr("Print the selected covenant (Bản giao ước thi đua) on the print screen"))
        self.print_button.clicked.connect(self.print_selected)
        self.covenants.filters.addWidget(self.print_button)
        self.add_tab(self.covenants, self.tr("Covenants"))

    def print_selected(self) -> QtWidgets.QWidget | None:
        """Hand the selected covenant to the In ấn section (preview, Word, printer)."""
        record_id = self.covenants.selected_id()
        window = self.window()
        if record_id is None or not hasattr(window, "show_section"):
            return None
        page = window.show_section("printing")
        if page is None:
            return None
        kind = getattr(page, "kind", None)
        if isinstance(kind, QtWidgets.QComboBox):
            i = kind.findData("covenants")
            if i >= 0 and kind.currentIndex() != i:
                kind.setCurrentIndex(i)
        select = getattr(page, "select_record", None)
        if select is not None:

            def try_select(attempts: int = 20) -> None:
                if not select(record_id) and attempts > 0:
                    QtCore.QTimer.singleShot(150, lambda: try_select(attempts - 1))

            try_select()
        return page  # type: ignore[no-any-return]


def make(ctx: AppContext) -> QtWidgets.QWidget:
    return CovenantsSection(ctx)


register_section(
    "covenants", QT_TRANSLATE_NOOP("Sections", "Cluster covenants"), make, order=42,
    tooltip=QT_TRANSLATE_NOOP("Sections", "Giao ước thi đua of the unit's emulation cluster or bloc"),
)
