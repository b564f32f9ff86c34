"""In ấn: the official documents this installation prints, each with its legal basis (templates in forms/)."""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QtWidgets
from tdkt_desktop.gui.registry import register_section
from tdkt_desktop.gui.widgets import SectionPage
from tdkt_desktop.paths import forms_dir

DOCUMENTS = (
    (QT_TRANSLATE_NOOP("PrintingSection", "Submission (Tờ trình) with the attached list"),
     QT_TRANSLATE_NOOP("PrintingSection", "Awards → Nominations")),
    (QT_TRANSLATE_NOOP("PrintingSection", "Achievement report of an individual or a collective"),
     QT_TRANSLATE_NOOP("PrintingSection", "Awards → Nominations")),
    (QT_TRANSLATE_NOOP("PrintingSection", "Minutes of the council meeting with the vote"),
     QT_TRANSLATE_NOOP("PrintingSection", "Awards → Council meetings")),
    (QT_TRANSLATE_NOOP("PrintingSection", "Award decision with its list, and certificates"),
     QT_TRANSLATE_NOOP("PrintingSection", "Awards → Decisions")),
    (QT_TRANSLATE_NOOP("PrintingSection", "Registration for emulation titles"),
     QT_TRANSLATE_NOOP("PrintingSection", "Registration & participation")),
    (QT_TRANSLATE_NOOP("PrintingSection", "Report on targets, mid-year and year-end reviews"),
     QT_TRANSLATE_NOOP("PrintingSection", "Targets & results")),
)


def form_files() -> list[Path]:
    try:
        folder = forms_dir()
    except RuntimeError:
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


class PrintingSection(SectionPage):
    def __init__(self, ctx: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(
            self.tr("Printing"),
            self.tr("Documents follow the layout of Decree 30/2020 (A4, Times New Roman). Each is printed from "
                    "the screen that holds its data:"),
            parent,
        )
        self.docs = QtWidgets.QTreeWidget(self)
        self.docs.setRootIsDecorated(False)
        self.docs.setHeaderLabels([self.tr("Document"), self.tr("Where to print it")])
        self.docs.setColumnWidth(0, 460)
        for document, where in DOCUMENTS:
            QtWidgets.QTreeWidgetItem(self.docs, [self.tr(document), self.tr(where)])
        self.add(self.docs, 1)
        files = form_files()
        count = QtWidgets.QLabel(self.tr("%n document template(s) installed.", "", len(files)), self)
        count.setObjectName("hint")
        self.add(count, 0)


register_section("printing", QT_TRANSLATE_NOOP("Sections", "Printing"), PrintingSection, order=90)
