"""Every visible string of every section and dialog is Vietnamese: none is an untranslated source string,
and none looks like English."""

from __future__ import annotations

import re

from tdkt_desktop.gui import i18n
from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.wizard import SetupWizard
from tdkt_desktop.store import fields as F

# ASCII words that are fine on screen (codes, abbreviations, file names).
ALLOWED = {"ubnd", "sqlite", "pdf", "excel", "usb", "enter", "esc", "ctrl", "delete", "tab", "tm", "kt", "tl", "tuq"}
ASCII_WORD = re.compile(r"[A-Za-z]{4,}")


def texts_of(widget: QtWidgets.QWidget) -> list[str]:
    out: list[str] = [widget.windowTitle(), widget.toolTip()]
    for child in [widget, *widget.findChildren(QtWidgets.QWidget)]:
        out.append(child.toolTip())
        if isinstance(child, (QtWidgets.QLabel, QtWidgets.QAbstractButton)):
            out.append(child.text())
        if isinstance(child, QtWidgets.QLineEdit):
            out.append(child.placeholderText())
        if isinstance(child, QtWidgets.QComboBox) and not child.isEditable():
            out.extend(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QtWidgets.QTabWidget):
            out.extend(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QtWidgets.QListWidget):
            out.extend(child.item(i).text() for i in range(child.count()))
        if isinstance(child, QtWidgets.QTreeWidget):
            header = child.headerItem()
            out.extend(header.text(i) for i in range(header.columnCount()))
        if isinstance(child, QtWidgets.QTableView) and child.model() is not None:
            model = child.model()
            out.extend(str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(model.columnCount()))
        if isinstance(child, QtWidgets.QWizardPage):
            out.extend([child.title(), child.subTitle()])
    return [t for t in out if t]


def problems(texts: list[str]) -> list[str]:
    sources = i18n.source_strings()
    english = sources["translated"] | sources["untranslated"]
    english_words = {w.lower() for s in english for w in ASCII_WORD.findall(s)}
    bad = []
    for text in texts:
        if text in english:
            bad.append(text)
            continue
        if re.fullmatch(r"\S*[/\\]\S*", text):
            continue  # a file path
        words = [w.lower() for w in ASCII_WORD.findall(text)]
        if text.isascii() and any(w in english_words and w not in ALLOWED for w in words):
            bad.append(text)
    return bad


def test_translation_file_is_compiled_and_loaded(app) -> None:
    assert i18n.qm_path().exists()
    assert app.translate("Sections", "Overview") == "Tổng quan"


def test_every_section_is_in_vietnamese(window) -> None:
    found: list[str] = []
    for section in window.sections:
        page = window.show_section(section.key)
        window.ctx.jobs.wait_idle()
        found += [f"{section.key}: {t}" for t in problems(texts_of(page))]
    found += [f"window: {t}" for t in problems(texts_of(window))]
    assert not found, "Untranslated text on screen:\n" + "\n".join(found)


def test_every_editor_and_the_wizard_are_in_vietnamese(ctx, qtbot) -> None:
    found: list[str] = []
    for table in F.KINDS:
        editor = RecordEditor(ctx, table)
        qtbot.addWidget(editor)
        found += [f"{table}: {t}" for t in problems(texts_of(editor))]
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    for page_id in wizard.pageIds():
        found += [f"wizard: {t}" for t in problems(texts_of(wizard.page(page_id)))]
    for button in (QtWidgets.QWizard.WizardButton.NextButton, QtWidgets.QWizard.WizardButton.CancelButton,
                   QtWidgets.QWizard.WizardButton.FinishButton, QtWidgets.QWizard.WizardButton.BackButton):
        found += [f"wizard: {t}" for t in problems([wizard.buttonText(button)])]
    assert not found, "Untranslated text on screen:\n" + "\n".join(found)


def test_the_check_catches_english(app) -> None:
    assert problems(["Save", "Search (no need for tones)…", "Tìm kiếm", "Delete the selected row"]) == [
        "Save", "Search (no need for tones)…", "Delete the selected row"]


def test_every_translation_file_is_complete_and_compiled() -> None:
    from tdkt_desktop.gui import i18n

    sources = i18n.source_strings()
    assert sources["untranslated"] == set()
    assert len(i18n.ts_paths()) == 4 and len(i18n.qm_paths()) == 4
    import xml.etree.ElementTree as ET

    from tdkt_desktop.gui.qt import QtCore

    for ts in i18n.ts_paths():  # each compiled file says what its .ts says: no stale .qm
        translator = QtCore.QTranslator()
        assert translator.load(str(ts.with_suffix(".qm")))
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if message.get("numerus") == "yes":
                    continue
                expected = message.findtext("translation")
                assert translator.translate(name, message.findtext("source")) == expected, (ts.name, name, expected)


def file_dialog_texts(dialog: QtWidgets.QFileDialog) -> list[str]:
    from tdkt_desktop.gui.qt import QtGui

    texts = texts_of(dialog)
    texts += [a.text() for a in dialog.findChildren(QtGui.QAction)]
    for header in dialog.findChildren(QtWidgets.QHeaderView):
        model = header.model()
        texts += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(model.columnCount())]
    return [t for t in texts if t]


def test_the_file_dialogs_are_in_vietnamese(app, qtbot, tmp_path) -> None:
    """Qt's own file dialog (the one shown where the system has none) speaks Vietnamese: its labels, buttons,
    column headers, tooltips and menu, for opening, saving and choosing a folder."""
    for mode in ("open", "save", "folder"):
        dialog = QtWidgets.QFileDialog(None, "Chọn tệp", str(tmp_path), "Tệp PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog, True)
        if mode == "save":
            dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QtWidgets.QFileDialog.FileMode.Directory)
        dialog.show()
        texts = file_dialog_texts(dialog)
        labels = {t for t in texts if t.endswith(":")}
        assert "&Tìm trong:" in labels and "&Loại tệp:" in labels
        assert ("Thư mục:" if mode == "folder" else "&Tên tệp:") in labels
        assert {"Tên", "Cỡ", "Loại", "Ngày sửa"} <= set(texts)
        expected = {"open": "&Mở", "save": "&Lưu", "folder": "&Chọn"}[mode]
        assert expected in texts and "Hủy" in texts
        english = [t for t in texts if re.search(r"\b(Look|Files|File|Name|Size|Type|Date|Open|Save|Cancel|Choose|"
                                                  r"Back|Forward|Folder|Directory|Show|View)\b", t)]
        assert english == [], english
        dialog.hide()


def test_message_box_buttons_are_in_vietnamese(app) -> None:
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, "Hỏi", "Lưu?",
                                QtWidgets.QMessageBox.StandardButton.Save | QtWidgets.QMessageBox.StandardButton.Discard
                                | QtWidgets.QMessageBox.StandardButton.Cancel | QtWidgets.QMessageBox.StandardButton.Yes
                                | QtWidgets.QMessageBox.StandardButton.No | QtWidgets.QMessageBox.StandardButton.Ok)
    texts = [b.text() for b in box.buttons()]
    assert problems(texts) == [] and "Save" not in texts and "Cancel" not in texts and "OK" not in texts, texts
    box.deleteLater()
