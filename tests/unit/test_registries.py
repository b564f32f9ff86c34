"""The records the criteria read: ratings (the year's sheet), sáng kiến and đề tài khoa học, award history —
saved through their services, counted by the assessment, travelling in bundles with every field."""

from __future__ import annotations

import pytest

from tdkt_desktop.core.errors import InputError
from tdkt_desktop.core.models import Scope
from tdkt_desktop.core.rules import LEVELS
from tdkt_desktop.store.assessment import assess
from tdkt_desktop.store.authority import AUTHORITY
from tdkt_desktop.store.db import StoreError
from tdkt_desktop.store.migrations import SYNCED_TABLES
from tdkt_desktop.store.ratings import rating_of, rating_sheet, save_ratings
from tdkt_desktop.sync import import_bundles

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, pair, send

YEAR = 2026


def _person(store, name="Nguyễn Thị Lan", **extra):
    return store.insert("people", {"full_name": name, "unit_code": store.unit_code, **extra})


def _cstdcs(store, person):
    """A CSTĐCS nomination of ``person`` for YEAR, with the LĐTT of the year already received."""
    store.insert("award_history", {"subject_kind": "person", "subject_id": person["id"], "year": YEAR,
                                   "code": "LDTT", "award_name": "Lao động tiên tiến", "decision_number": "12/QĐ-UBND",
                                   "decision_date": "15/12/2026"})
    return store.insert("nominations", {
        "subject_kind": "person", "subject_id": person["id"], "subject_name": person["full_name"],
        "title_code": "CSTDCS", "award_kind": "cong_trang", "year": YEAR, "status": "draft",
        "unit_code": store.unit_code})


def _innovation_check(store, nomination):
    a = assess(store, nomination["id"])
    return next(c for c in a.checks if "initiative" in c.needs and c.criterion != "initiatives_unused")


def test_scope_is_the_rule_sets_levels():
    assert tuple(s.value for s in Scope) == LEVELS


def test_a_failing_innovation_check_names_the_registries_that_fix_it(store):
    person = _person(store)
    nom = _cstdcs(store, person)
    c = _innovation_check(store, nom)
    assert c.passed is False
    assert set(c.needs) == {"initiative", "research"}
    ratings_checks = [c for c in assess(store, nom["id"]).checks if "ratings" in c.needs]
    assert ratings_checks, "a discipline or rating criterion reads the ratings"


def test_research_counts_like_an_initiative_and_an_unaccepted_one_does_not(store):
    person = _person(store)
    nom = _cstdcs(store, person)
    rid = store.insert("initiatives", {"kind": "research", "person_id": person["id"], "year": YEAR,
                                       "name": "Số hoá hồ sơ một cửa", "scope": "co_so", "recognised": False})["id"]
    assert _innovation_check(store, nom).passed is False
    store.update("initiatives", rid, {"recognised": True})
    assert _innovation_check(store, nom).passed is True


def test_an_initiative_used_for_another_award_is_not_counted_again(store):
    person = _person(store)
    nom = _cstdcs(store, person)
    iid = store.insert("initiatives", {"kind": "initiative", "person_id": person["id"], "year": YEAR - 1,
                                       "name": "Phần mềm theo dõi hộ nghèo", "scope": "co_so", "recognised": True,
                                       "applied": True, "used_for": "Chiến sĩ thi đua cơ sở năm 2025"})["id"]
    c = _innovation_check(store, nom)
    assert c.passed is False and "đã dùng cho Chiến sĩ thi đua cơ sở năm 2025" in c.detail
    store.update("initiatives", iid, {"used_for": ""})
    assert _innovation_check(store, nom).passed is True


def test_an_old_initiative_without_kind_or_scope_still_counts_by_its_level_text(store):
    person = _person(store)
    nom = _cstdcs(store, person)
    store.insert("initiatives", {"person_id": person["id"], "year": YEAR, "name": "Sổ tay cải cách",
                                 "level": "Cấp cơ sở", "recognised": True})
    assert _innovation_check(store, nom).passed is True


def test_bad_scope_or_kind_is_refused_in_vietnamese(store):
    person = _person(store)
    with pytest.raises(InputError, match="Phạm vi ảnh hưởng"):
        store.insert("initiatives", {"person_id": person["id"], "year": YEAR, "name": "X", "scope": "thế giới"})
    with pytest.raises(InputError, match="Loại"):
        store.insert("initiatives", {"person_id": person["id"], "year": YEAR, "name": "X", "kind": "bài báo"})
    assert store.count("initiatives") == 0


# ----------------------------------------------------------------------------------------- ratings


def test_the_sheet_lists_collectives_then_people_with_last_years_rating(store):
    b = _person(store, "Trần Văn Bình")
    a = _person(store, "Lê Thị An")
    team = store.insert("collectives", {"name": "Văn phòng HĐND và UBND", "unit_code": store.unit_code})
    store.insert("households", {"head_name": "Hộ ông Tư", "unit_code": store.unit_code})
    store.insert("ratings", {"subject_kind": "person", "subject_id": a["id"], "year": YEAR - 1, "rating": "excellent"})
    store.insert("ratings", {"subject_kind": "collective", "subject_id": team["id"], "year": YEAR, "rating": "excellent"})
    store.insert("units", {"code": "BELOW", "name": "Trường Tiểu học", "level": "school",
                           "parent_code": store.unit_code})
    theirs = store.insert("people", {"full_name": "An Văn Dưới"}, owner_unit="BELOW")  # a unit below's, merged here
    store.insert("ratings", {"subject_kind": "person", "subject_id": theirs["id"], "year": YEAR, "rating": "good"},
                 owner_unit="BELOW")
    sheet = rating_sheet(store, YEAR)
    assert [line["subject_id"] for line in sheet] == [team["id"], a["id"], b["id"]]  # An before Bình; no household
    assert sheet[0]["rating"] == "excellent"
    assert sheet[1]["last_rating"] == "excellent" and sheet[1]["rating"] is None


def test_save_writes_many_at_once_and_saving_what_it_returns_undoes_it(store):
    a, b = _person(store, "Lê Thị An"), _person(store, "Trần Văn Bình")
    store.insert("ratings", {"subject_kind": "person", "subject_id": b["id"], "year": YEAR, "rating": "done"})
    before = save_ratings(store, YEAR, [
        {"subject_kind": "person", "subject_id": a["id"], "rating": "Hoàn thành xuất sắc nhiệm vụ"},
        {"subject_kind": "person", "subject_id": b["id"], "rating": "good", "discipline": "reprimand"},
    ])
    assert rating_of(store, "person", a["id"], YEAR)["rating"] == "excellent"
    assert rating_of(store, "person", b["id"], YEAR)["discipline"] == "reprimand"
    assert store.count("ratings", "year = ?", [YEAR]) == 2  # b's rating updated, not doubled
    assert save_ratings(store, YEAR, [{"subject_kind": "person", "subject_id": a["id"], "rating": "excellent"}]) == []
    save_ratings(store, YEAR, before)
    assert rating_of(store, "person", a["id"], YEAR) is None
    assert rating_of(store, "person", b["id"], YEAR)["rating"] == "done"
    assert rating_of(store, "person", b["id"], YEAR)["discipline"] == "none"


@pytest.mark.parametrize("lines, message", [
    ([{"subject_kind": "person", "rating": "Giỏi"}], "Xếp loại"),
    ([{"subject_kind": "person", "rating": "good"}, {"subject_kind": "person", "rating": "done"}], "hai dòng"),
    ([{"subject_kind": "person", "rating": "", "discipline": "warning"}], "chưa xếp loại"),
    ([{"subject_kind": "person", "subject_id": "không-có", "rating": "good"}], "không tìm thấy"),
])
def test_one_bad_line_writes_nothing(store, lines, message):
    a = _person(store)
    store.insert("ratings", {"subject_kind": "person", "subject_id": a["id"], "year": YEAR, "rating": "done"})
    other = _person(store, "Phạm Văn Cường")
    lines = [{"subject_id": a["id"], **line} for line in lines]
    lines.insert(0, {"subject_kind": "person", "subject_id": other["id"], "rating": "excellent"})
    seq = store.current_local_seq()
    with pytest.raises(InputError, match=message):
        save_ratings(store, YEAR, lines)
    assert store.current_local_seq() == seq
    assert rating_of(store, "person", other["id"], YEAR) is None


# ----------------------------------------------------------------------------------------- bundles


def test_the_registries_are_synced_owned_by_the_unit():
    for table in ("ratings", "initiatives", "award_history"):
        assert table in SYNCED_TABLES
        assert AUTHORITY[table].role == "owned"


def test_ratings_innovations_and_history_travel_up_with_every_field(tmp_path):
    prov, ward = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    try:
        pair(prov, ward)
        person = _person(ward)
        save_ratings(ward, YEAR - 1, [{"subject_kind": "person", "subject_id": person["id"], "rating": "excellent",
                                       "note": "Xếp loại của Đảng uỷ"}])
        idea = ward.insert("initiatives", {"kind": "initiative", "person_id": person["id"], "year": YEAR,
                                           "name": "Phần mềm theo dõi hộ nghèo", "scope": "xa", "recognised": True,
                                           "applied": True, "used_for": "CSTĐCS 2026", "decision_number": "5/QĐ-UBND"})
        study = ward.insert("initiatives", {"kind": "research", "person_id": person["id"], "year": YEAR,
                                            "name": "Đề tài chuyển đổi số", "scope": "tinh", "recognised": True})
        past = ward.insert("award_history", {"subject_kind": "person", "subject_id": person["id"], "year": 2024,
                                             "code": "BANG_KHEN_TINH", "award_name": "Bằng khen của Chủ tịch UBND tỉnh",
                                             "award_kind": "cong_trang", "decision_number": "1234/QĐ-UBND",
                                             "decision_date": "20/12/2024", "issuer": "UBND tỉnh"})
        report = import_bundles(prov, [send(ward, prov, tmp_path)])
        assert report.exit_code == 0, report.summary()
        for table, row in (("initiatives", idea), ("initiatives", study), ("award_history", past)):
            got = prov.get(table, row["id"])
            assert got is not None
            assert {k: got[k] for k in row if k not in ("local_seq", "local_from")} == \
                {k: row[k] for k in row if k not in ("local_seq", "local_from")}
        rating = rating_of(prov, "person", person["id"], YEAR - 1)
        assert rating is not None and rating["rating"] == "excellent" and rating["note"] == "Xếp loại của Đảng uỷ"
        # the province cannot overrule the ward's own records
        with pytest.raises(StoreError, match="quyền"):
            prov.update("initiatives", idea["id"], {"used_for": ""})
        assert prov.get("initiatives", idea["id"])["used_for"] == "CSTĐCS 2026"
    finally:
        prov.close()
        ward.close()


# ----------------------------------------------------------------------------------------- Excel


def _history_file(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH KHEN THƯỞNG ĐÃ NHẬN"])
    ws.append(["STT", "Họ và tên", "Đơn vị công tác", "Danh hiệu thi đua/Hình thức khen thưởng", "Năm",
               "Số quyết định", "Ngày quyết định", "Cơ quan ban hành"])
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    wb.save(path)
    return path


def test_past_awards_import_from_excel_with_their_decisions_once(store, tmp_path):
    from tdkt_desktop.excel.importer import apply_import, preview_import

    office = "Văn phòng HĐND và UBND phường"
    lan = _person(store, "Nguyễn Thị Lan", workplace=office)  # a person is matched by name and workplace
    path = _history_file(tmp_path / "khen-thuong.xlsx", [
        ("Nguyễn Thị Lan", office, "Lao động tiên tiến", 2024, "15/QĐ-UBND", "20/12/2024", "UBND phường"),
        ("Nguyễn Thị Lan", office, "Chiến sĩ thi đua cơ sở", 2024, "16/QĐ-UBND", "20/12/2024", "UBND phường"),
        ("Văn phòng HĐND và UBND", None, "Tập thể lao động tiên tiến", 2023, "9/QĐ-UBND", "28/12/2023", "UBND quận"),
    ])
    preview = preview_import(store, path, "award_history")
    assert not preview.bad_rows, preview.errors
    assert [r.subject_kind for r in preview.rows] == ["person", "person", "collective"]
    result = apply_import(store, preview)
    assert result.created == {"people": 0, "collectives": 1, "households": 0, "nominations": 0, "award_history": 3}
    assert result.linked == 2 and store.count("people") == 1  # Lan linked, not doubled
    mine = {h["code"]: h for h in store.rows("award_history", "subject_id = ?", [lan["id"]])}
    assert set(mine) == {"LDTT", "CSTDCS"}
    assert (mine["LDTT"]["decision_number"], mine["LDTT"]["decision_date"], mine["LDTT"]["issuer"], mine["LDTT"]["year"]) \
        == ("15/QĐ-UBND", "2024-12-20", "UBND phường", 2024)
    assert mine["LDTT"]["award_name"] == "Lao động tiên tiến" and mine["LDTT"]["source"] == "excel"
    # the same file again adds nothing: each award is already recorded
    again = preview_import(store, path, "award_history")
    assert all(r.action == "skip" for r in again.rows)
    assert any("đã có khen thưởng" in w.message for r in again.rows for w in r.warnings)
    apply_import(store, again)
    assert store.count("award_history") == 3


def test_a_list_of_past_awards_is_searched_by_the_name_of_whom_it_was_given(store):
    from tdkt_desktop.store.listing import SUBJECT_REF, ListQuery

    lan, binh = _person(store, "Nguyễn Thị Lan"), _person(store, "Trần Văn Bình")
    team = store.insert("collectives", {"name": "Văn phòng HĐND và UBND", "unit_code": store.unit_code})
    rows = {}
    for kind, who in (("person", lan), ("person", binh), ("collective", team)):
        rows[who["id"]] = store.insert("award_history", {"subject_kind": kind, "subject_id": who["id"], "year": 2024,
                                                         "award_name": "Giấy khen", "decision_number": "3/QĐ-UBND"})
    query = ListQuery("award_history", search_fields=("award_name", "decision_number"),
                      refs={"subject_id": SUBJECT_REF})
    query.search = "nguyen thi lan"
    assert query.ids(store) == [rows[lan["id"]]["id"]]
    query.search = "van phong"
    assert query.ids(store) == [rows[team["id"]]["id"]]
    query.search = "giay khen 3/qđ"
    assert len(query.ids(store)) == 3
    fetched = query.fetch(store, [r["id"] for r in rows.values()])
    assert sorted(r["subject_id__name"] for r in fetched.values()) == sorted(
        ["Nguyễn Thị Lan", "Trần Văn Bình", "Văn phòng HĐND và UBND"])


def test_a_registration_saved_one_at_a_time_is_checked_like_a_bulk_one(demo_store):
    """An individual cannot register for a collective title, nor a collective for an individual's, whether
    through the bulk service or one record saved from the list (the store checks every registration)."""
    import pytest

    from tdkt_desktop.core.text import InputError

    s = demo_store
    person = s.rows("people")[0]
    collective = s.rows("collectives")[0]
    campaign = s.rows("campaigns")[0]
    before = s.count("registrations")
    with pytest.raises(InputError, match="chỉ dành cho tập thể, không dành cho cá nhân"):
        s.insert("registrations", {"campaign_id": campaign["id"], "year": 2026, "subject_kind": "person",
                                   "subject_id": person["id"], "subject_name": person["full_name"],
                                   "title_code": "TLDXS"})
    with pytest.raises(InputError, match="không dành cho tập thể"):
        s.insert("registrations", {"campaign_id": campaign["id"], "year": 2026, "subject_kind": "collective",
                                   "subject_id": collective["id"], "subject_name": collective["name"],
                                   "title_code": "CSTDCS"})
    assert s.count("registrations") == before
    ok = s.insert("registrations", {"campaign_id": campaign["id"], "year": 2026, "subject_kind": "person",
                                    "subject_id": person["id"], "subject_name": person["full_name"],
                                    "title_code": "LDTT"})
    with pytest.raises(InputError, match="không dành cho cá nhân"):
        s.update("registrations", ok["id"], {"title_code": "TLDTT"})
    assert s.get("registrations", ok["id"])["title_code"] == "LDTT"
