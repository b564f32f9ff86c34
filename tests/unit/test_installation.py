"""Setting up an installation (store.installation): the one function below ``tdkt init`` and the wizard."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdkt_desktop.core.errors import UserError
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.db import Store, StoreError, open_store
from tdkt_desktop.store.installation import Official, init_unit, save_settings, settings
from tdkt_desktop.store.numbering import doc_suffix


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "tdkt.sqlite") as s:
        yield s


def snapshot(store: Store) -> tuple:
    units = [(u["code"], u["name"], u["level"], u["parent_code"]) for u in store.rows("units", order_by="code")]
    officials = [(o["full_name"], o["title"]) for o in store.rows("officials", order_by="sort_order")]
    return store.unit_code, store.meta("operator"), store.meta("doc_prefixes"), units, officials


def test_official_unit_with_its_upper_office_officials_numbers_and_operator(store: Store) -> None:
    unit = init_unit(
        store, code="27031", operator="  Nguyễn Thị  Lan ",
        officials=[Official("Trần Văn Bình", "Chủ tịch", "TM. ỦY BAN NHÂN DÂN"), Official("", "Phó Chủ tịch")],
        doc_prefixes={"QĐ": "QĐ-UBND", "BB": "BB-HĐTĐKT"},
    )
    assert unit == {"code": "27031", "name": "Phường Tân Phú", "level": "commune", "parent_code": "79",
                    "province_code": "79"}
    assert store.unit_code == "27031" and store.meta("operator") == "Nguyễn Thị Lan"
    upper = store.unit_by_code("79")
    assert (upper["name"], upper["level"], upper["owner_unit"]) == ("Thành phố Hồ Chí Minh", "province", "79")
    assert [(o["full_name"], o["title"], o["authority"]) for o in store.rows("officials")] == [
        ("Trần Văn Bình", "Chủ tịch", "TM. ỦY BAN NHÂN DÂN")]
    assert doc_suffix(store, "BB") == "BB-HĐTĐKT"
    assert {e["operator"] for e in store.audit_entries("units")} == {"Nguyễn Thị Lan"}


def test_sub_unit_needs_name_level_and_a_commune_above(store: Store) -> None:
    with pytest.raises(InputError, match="không có trong danh mục") as err:
        init_unit(store, code="27031-TH01", name="Trường Tiểu học Tân Phú")
    assert err.value.field == "code"
    with pytest.raises(InputError, match="Cấp, loại đơn vị"):
        init_unit(store, code="27031-TH01", name="Trường Tiểu học Tân Phú", level="trường", parent="27031")
    assert store.unit_code is None and store.rows("units") == []
    unit = init_unit(store, code="27031-TH01", name="Trường Tiểu học Tân Phú", level="school", parent="27031")
    assert (unit["parent_code"], unit["province_code"]) == ("27031", "79")
    assert store.unit_by_code("27031")["level"] == "commune"


def test_a_database_is_one_unit_and_a_refusal_changes_nothing(store: Store) -> None:
    init_unit(store, code="27031", operator="Nguyễn Thị Lan", officials=[Official("Trần Văn Bình", "Chủ tịch")])
    before = snapshot(store)
    with pytest.raises(StoreError, match="đã thuộc đơn vị 27031") as err:
        init_unit(store, code="26734", operator="Người khác", officials=[Official("Lê Văn Tám", "Chủ tịch")])
    assert isinstance(err.value, UserError)
    assert snapshot(store) == before


def test_declaring_the_same_unit_again_corrects_it_and_keeps_its_signers(store: Store) -> None:
    init_unit(store, code="27031", officials=[Official("Trần Văn Bình", "Chủ tịch")])
    init_unit(store, code="27031", name="UBND Phường Tân Phú",
              officials=[Official("Trần Văn Bình", "Chủ tịch"), Official("Lê Thị Hoa", "Phó Chủ tịch")])
    assert store.self_unit()["name"] == "UBND Phường Tân Phú"
    assert len(store.rows("units", "code = ?", ["27031"])) == 1
    assert [(o["full_name"], o["sort_order"]) for o in store.rows("officials", order_by="sort_order")] == [
        ("Trần Văn Bình", 0), ("Lê Thị Hoa", 1)]


def test_upper_office_outside_the_lists_needs_a_name(store: Store) -> None:
    with pytest.raises(InputError, match="cấp trên") as err:
        init_unit(store, code="27031", parent="9X")
    assert err.value.field == "parent"
    assert store.unit_code is None and store.rows("units") == []
    init_unit(store, code="27031", parent="9X", parent_name="Ban Thi đua - Khen thưởng")
    upper = store.unit_by_code("9X")
    assert (upper["name"], upper["level"], upper["province_code"]) == ("Ban Thi đua - Khen thưởng", "other", "79")


def test_no_upper_office_when_told_so(store: Store) -> None:
    unit = init_unit(store, code="27031", parent="")
    assert unit["parent_code"] is None and store.unit_by_code("79") is None


def test_legacy_district_and_its_province(store: Store) -> None:
    unit = init_unit(store, code="760", legacy=True)
    assert (unit["level"], unit["parent_code"]) == ("district", "79")


def test_officials_need_a_title(store: Store) -> None:
    with pytest.raises(InputError, match="Chức vụ"):
        init_unit(store, code="27031", officials=[Official("Trần Văn Bình", " ")])
    assert store.unit_code is None


def test_settings_keep_kinds_not_shown_and_drop_emptied_codes(store: Store) -> None:
    init_unit(store, code="27031", doc_prefixes={"QĐ": "QĐ-UBND", "CV": "UBND-VP"})
    facts = save_settings(store, operator=" Lê Văn Tám ", doc_prefixes={"QĐ": "", "TTr": "TTr-UBND"})
    assert facts == {"operator": "Lê Văn Tám", "doc_prefixes": {"CV": "UBND-VP", "TTr": "TTr-UBND"}}
    assert settings(store) == facts and store.operator == "Lê Văn Tám"
    assert doc_suffix(store, "QĐ") == "QĐ-UBND"  # the default applies again
    with pytest.raises(InputError) as err:
        save_settings(store, operator="  ", doc_prefixes={"QĐ": "QĐ-XYZ"})
    assert err.value.field == "operator" and settings(store) == facts
