"""Names are written the Vietnamese way on entry — one function (core.text.name_case) that the store applies
to every person's and unit's name whoever writes it (editor, command line, Excel, setup) — and an unusual
spelling typed with its capitals is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt_desktop.core.text import clean, fold, name_case


@pytest.mark.parametrize(("typed", "stored"), [
    ("nguyễn văn an", "Nguyễn Văn An"),
    ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
    ("  đỗ   thị  đào ", "Đỗ Thị Đào"),
    ("h'hen niê", "H'Hen Niê"),
    ("ksor y phu", "Ksor Y Phu"),
    ("Nguyễn thị Út", "Nguyễn thị Út"),  # capitals mixed in: kept as typed
    ("de la Cruz", "de la Cruz"),
    ("Lê Văn Tám", "Lê Văn Tám"),
    ("", ""),
    ("123", "123"),
])
def test_a_persons_name(typed: str, stored: str) -> None:
    assert name_case(typed) == stored


@pytest.mark.parametrize(("typed", "stored"), [
    ("trường thcs lê lợi", "Trường THCS lê lợi"),
    ("tổ dân phố 3", "Tổ dân phố 3"),
    ("ubnd phường tân an", "UBND phường tân an"),
    ("UBND PHƯỜNG TÂN AN", "UBND PHƯỜNG TÂN AN"),  # capitals are a heading's style: kept
    ("Trường Tiểu học Tân Phú", "Trường Tiểu học Tân Phú"),
])
def test_a_units_name(typed: str, stored: str) -> None:
    assert name_case(typed, person=False) == stored


@given(st.text(alphabet="abcdeđêôơưăâáàảãạếềểễệ ABCĐÊÔ'", max_size=30))
def test_casing_changes_only_capitals_and_is_stable(text: str) -> None:
    for person in (True, False):
        once = name_case(text, person=person)
        assert fold(once) == fold(text) and name_case(once, person=person) == once
        assert once.lower() == clean(text).lower()


def test_the_store_writes_names_the_vietnamese_way(store) -> None:
    person = store.insert("people", {"full_name": "nguyễn văn an", "unit_code": store.unit_code})
    assert person["full_name"] == "Nguyễn Văn An"
    kept = store.insert("people", {"full_name": "Nguyễn thị Út", "unit_code": store.unit_code})
    assert kept["full_name"] == "Nguyễn thị Út"
    store.update("people", kept["id"], {"full_name": "LÊ VĂN TÁM"})
    assert store.get("people", kept["id"])["full_name"] == "Lê Văn Tám"
    school = store.insert("collectives", {"name": "trường thcs lê lợi", "head_name": "trần văn bình",
                                          "unit_code": store.unit_code})
    assert (school["name"], school["head_name"]) == ("Trường THCS lê lợi", "Trần Văn Bình")
    household = store.insert("households", {"head_name": "phạm thị hoa", "unit_code": store.unit_code})
    assert household["head_name"] == "Phạm Thị Hoa"


def test_setup_writes_the_officials_and_operator_names_the_vietnamese_way(tmp_path) -> None:
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import Official, init_unit

    with open_store(tmp_path / "a.sqlite") as s:
        init_unit(s, code="31147", officials=[Official("trần văn bình", "Chủ tịch", "TM. ỦY BAN NHÂN DÂN")],
                  operator="nguyễn thị lan")
        assert s.meta("operator") == "Nguyễn Thị Lan"
        assert [o["full_name"] for o in s.rows("officials")] == ["Trần Văn Bình"]


def test_an_excel_list_in_capitals_is_stored_the_vietnamese_way(store, tmp_path) -> None:
    from openpyxl import Workbook

    from tdkt_desktop.excel.importer import apply_import, preview_import

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Chức vụ"])
    sheet.append([1, "NGUYỄN VĂN AN", "Công chức"])
    sheet.append([2, "lê thị hoa", "Công chức"])
    sheet.append([3, "Nguyễn thị Út", "Công chức"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    preview = preview_import(store, path, kind="people")
    apply_import(store, preview)
    names = sorted(p["full_name"] for p in store.rows("people"))
    assert names == ["Lê Thị Hoa", "Nguyễn Văn An", "Nguyễn thị Út"]
