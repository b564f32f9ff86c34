"""The first-run wizard: find the unit without tones, upper office, officials, numbers, operator."""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.gui.context import AppContext
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.gui.wizard import SetupWizard
from tdkt_desktop.store.db import open_store


def _ctx(path: Path) -> AppContext:
    return AppContext.open(path, settings=QtCore.QSettings(str(path.parent / "s.ini"), QtCore.QSettings.Format.IniFormat))


def test_wizard_finds_unit_without_tones_and_writes_setup(qtbot, empty_db: Path) -> None:
    ctx = _ctx(empty_db)
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.unit_page
    assert not page.isComplete()
    qtbot.keyClicks(page.search, "phuong tan phu")
    page.search.flush()
    texts = [page.results.item(i).text() for i in range(page.results.count())]
    assert texts and texts[0].startswith("Phường Tân Phú")
    assert page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.upper_page
    assert wizard.upper_page.code.text() == "79"
    assert "Hồ Chí Minh" in wizard.upper_page.name.text()
    wizard.next()
    officials = wizard.officials_page
    assert not officials.isComplete()
    officials.rows[0][0].setText("Trần Văn  Bình")
    officials.rows[1][0].setText("Lê Thị Hoa")
    assert officials.isComplete()
    wizard.next()
    wizard.numbers_page.body.setText("UBND")
    assert wizard.numbers_page.edits["QĐ"].text() == "QĐ-UBND"
    wizard.next()
    assert not wizard.operator_page.isComplete()
    wizard.operator_page.name.setText("Nguyễn Thị Lan")
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        wizard.accept()
    ctx.close()
    with open_store(empty_db) as store:
        assert store.unit_code == "27031"
        assert store.meta("operator") == "Nguyễn Thị Lan"
        assert store.meta_json("doc_prefixes")["TTr"] == "TTr-UBND"
        unit = store.self_unit()
        assert unit["name"] == "Phường Tân Phú" and unit["parent_code"] == "79"
        assert store.unit_by_code("79")["level"] == "province"
        names = [(o["full_name"], o["title"], o["authority"]) for o in store.rows("officials", order_by="sort_order")]
        assert names == [("Trần Văn Bình", "Chủ tịch", "TM. ỦY BAN NHÂN DÂN"), ("Lê Thị Hoa", "Phó Chủ tịch", "KT. CHỦ TỊCH")]
        assert store.audit_entries("units")[0]["operator"] == "Nguyễn Thị Lan"


def test_wizard_sub_unit_under_a_commune(qtbot, empty_db: Path) -> None:
    ctx = _ctx(empty_db)
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.unit_page
    page.sub_unit.setChecked(True)
    page.search.setText("27031")
    page.search.flush()
    assert page.chosen().code == "27031"
    assert page.sub_code.text() == "27031-"
    assert not page.isComplete()
    page.sub_kind.setCurrentIndex(page.sub_kind.findData("school"))
    page.sub_name.setText("Trường Tiểu học Tân Phú")
    page.sub_code.setText("27031-TH01")
    assert page.isComplete()
    wizard.next()
    assert wizard.upper_page.code.text() == "27031"
    answers = wizard.answers()
    assert (answers["code"], answers["level"], answers["parent"]) == ("27031-TH01", "school", "27031")
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        wizard.next()
        wizard.next()
        wizard.officials_page.rows[0][0].setText("Nguyễn Văn Hiệu")
        wizard.next()
        wizard.next()
        wizard.operator_page.name.setText("Lê Thị Mai")
        wizard.accept()
    ctx.close()
    with open_store(empty_db) as store:
        unit = store.self_unit()
        assert (unit["code"], unit["level"], unit["parent_code"], unit["province_code"]) == (
            "27031-TH01", "school", "27031", "79")
        assert store.unit_by_code("27031")["level"] == "commune"


def test_cancel_leaves_nothing(qtbot, empty_db: Path) -> None:
    ctx = _ctx(empty_db)
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.reject()
    assert wizard.result() == QtWidgets.QDialog.DialogCode.Rejected
    ctx.close()
    with open_store(empty_db) as store:
        assert store.unit_code is None
