"""What printing reads travels in bundles: a ward's head of a collective and gender of a household head (m007)
reach its province, and the province prints them (the tập thể report's head, "Hộ bà …")."""

from __future__ import annotations

from tdkt_desktop.cli import EXIT_OK
from tdkt_desktop.printing import records
from tdkt_desktop.sync import import_bundles

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, pair, send


def test_heads_of_collectives_and_households_travel_from_ward_to_province(tmp_path):
    province, ward = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    try:
        pair(province, ward)
        school = ward.insert("collectives", {"name": "Trường Tiểu học Tân An 1", "kind": "school",
                                             "unit_code": COMMUNES[0], "head_name": "Đặng Thị Hồng Nhung",
                                             "head_title": "Hiệu trưởng"})
        home = ward.insert("households", {"head_name": "Lê Ngọc Dung", "head_gender": "female",
                                          "address": "Khu vực 2", "unit_code": COMMUNES[0]})
        report = import_bundles(province, [send(ward, province, tmp_path)])
        assert report.exit_code == EXIT_OK, report.summary()
        got = province.get("collectives", school["id"])
        assert (got["head_name"], got["head_title"]) == ("Đặng Thị Hồng Nhung", "Hiệu trưởng")
        assert province.get("households", home["id"])["head_gender"] == "female"
        assert records.display_name(province, "household", home["id"], "") == "Hộ bà Lê Ngọc Dung"

        # a change made in the ward later travels too
        ward.update("collectives", school["id"], {"head_name": "Võ Thị Kim Yến"})
        ward.update("households", home["id"], {"head_gender": "male"})
        assert import_bundles(province, [send(ward, province, tmp_path)]).exit_code == EXIT_OK
        assert province.get("collectives", school["id"])["head_name"] == "Võ Thị Kim Yến"
        assert records.display_name(province, "household", home["id"], "") == "Hộ ông Lê Ngọc Dung"
    finally:
        province.close()
        ward.close()
