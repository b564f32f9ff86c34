"""One naming: a ward in a centrally-run city says "phường" and "thành phố" in award names — on its screens
(tests/gui), and equally in what the command line exports and shows, in printed lists and in the search index.
No hidden state: the words come from the database each time they are needed."""

from __future__ import annotations

import openpyxl
import pytest

from tdkt_desktop.cli import main
from tdkt_desktop.core.naming import household_name
from tdkt_desktop.store import open_store
from tdkt_desktop.store.naming import naming_of

WARD_GIAY_KHEN = "Giấy khen của Chủ tịch Ủy ban nhân dân phường"
CITY_BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"


def _nominate(store, code, name="Nguyễn Thị Mai"):
    p = store.insert("people", {"full_name": name})
    return store.insert("nominations", {
        "subject_kind": "person", "subject_id": p["id"], "subject_name": name, "title_code": code,
        "award_kind": "cong_trang", "year": 2026, "status": "draft",
    })


def test_the_ward_names_its_awards_in_its_own_words(store):
    naming = naming_of(store)  # Phường Tân An, Thành phố Cần Thơ
    assert (naming.title("GIAY_KHEN"), naming.title("BANG_KHEN_TINH")) == (WARD_GIAY_KHEN, CITY_BANG_KHEN)


def test_exports_records_and_search_say_what_the_screens_say(store, tmp_path, capsys):
    nom = _nominate(store, "GIAY_KHEN")
    _nominate(store, "BANG_KHEN_TINH", "Trần Văn Hùng")
    hits = store.search("giay khen phuong")
    assert [h.record_id for h in hits] == [nom["id"]] and hits[0].title == f"Nguyễn Thị Mai — {WARD_GIAY_KHEN}"
    assert store.search("bang khen thanh pho") and not store.search("bang khen tinh")
    db = str(store.path)
    store.close()

    out = tmp_path / "de-nghi.xlsx"
    assert main(["excel", "export", "nominations", "--db", db, "--out", str(out)]) == 0
    cells = {c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row if c}
    assert {WARD_GIAY_KHEN, CITY_BANG_KHEN} <= cells
    assert not any(isinstance(c, str) and c.endswith(("nhân dân xã", "nhân dân tỉnh")) for c in cells)
    capsys.readouterr()
    assert main(["records", "show", "nominations", nom["id"], "--db", db]) == 0
    assert WARD_GIAY_KHEN in capsys.readouterr().out
    # a second opening finds the index as it was: nothing to rebuild, nothing rewritten
    with open_store(db) as again:
        assert again.meta("search_index_naming") == naming_of(again).key
        assert [h.record_id for h in again.search("giay khen phuong")] == [nom["id"]]


def test_the_search_index_follows_when_the_words_change(store):
    nom = _nominate(store, "BANG_KHEN_TINH")
    city = store.unit_by_code("92")
    assert store.search("bang khen thanh pho")
    store.update("units", city["id"], {"name": "Tỉnh Cần Thơ"})  # renamed: the awards now say "tỉnh"
    assert naming_of(store).title("BANG_KHEN_TINH").endswith("nhân dân tỉnh")
    assert [h.record_id for h in store.search("bang khen tinh")] == [nom["id"]]
    assert not store.search("bang khen thanh pho")


def test_an_office_above_the_communes_says_cap_xa(tmp_path):
    from tdkt_desktop.store.installation import init_unit

    with open_store(tmp_path / "so.sqlite") as city:
        init_unit(city, code="92")
        assert naming_of(city).title("GIAY_KHEN") == "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"
        assert naming_of(city).title("BANG_KHEN_TINH") == CITY_BANG_KHEN
        nom = _nominate(city, "GIAY_KHEN")
        assert [h.record_id for h in city.search("giay khen cap xa")] == [nom["id"]]


@pytest.mark.parametrize(
    ("head", "gender", "expected"),
    [("Lê Ngọc Dung", "female", "Hộ bà Lê Ngọc Dung"), ("Lê Văn Ba", "male", "Hộ ông Lê Văn Ba"),
     ("Lê  Văn Ba ", None, "Hộ gia đình Lê Văn Ba"), ("Hộ ông Dương Văn Ửng", "female", "Hộ ông Dương Văn Ửng")],
)
def test_a_household_is_named_by_its_head_never_hộ_ông_bà(head, gender, expected):
    assert household_name(head, gender) == expected


def test_the_demo_names_households_by_their_head(demo_store):
    for table in ("registrations", "nominations"):
        names = [r["subject_name"] for r in demo_store.rows(table, "subject_kind = 'household'")]
        assert names and all(n.startswith(("Hộ ông ", "Hộ bà ")) for n in names), names


def test_an_amount_to_enter_by_hand_is_asked_for_in_the_wards_words(store):
    """Under NĐ 98/2023 a collective's Giấy khen money could not be read: the ward is asked for it naming
    its own award ("… Ủy ban nhân dân phường"), not the catalogue's "… xã"."""
    import datetime as dt

    from tdkt_desktop.core.rules import ManualAmountRequired
    from tdkt_desktop.store import office

    c = store.insert("collectives", {"name": "Tổ dân phố 3"})
    n = store.insert("nominations", {
        "subject_kind": "collective", "subject_id": c["id"], "subject_name": "Tổ dân phố 3", "title_code": "GIAY_KHEN",
        "award_kind": "cong_trang", "year": 2024, "status": "approved",
    })
    with pytest.raises(ManualAmountRequired) as caught:
        office.preview_decision(store, [n["id"]], decision_date=dt.date(2024, 6, 1))
    assert WARD_GIAY_KHEN in caught.value.message and "nhân dân xã" not in caught.value.message
    assert "Tổ dân phố 3" in caught.value.message
