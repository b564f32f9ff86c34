"""Excel in: legacy encodings, NFD, mappings, bad rows, duplicates, and nothing written before confirmation."""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from tdkt_desktop.excel import legacy
from tdkt_desktop.excel.errors import ExcelError, ImportRefused, MappingNeeded
from tdkt_desktop.excel.export import export_view
from tdkt_desktop.excel.importer import apply_import, parse_mapping, preview_import, resolve_title
from tests.server_engine import copy_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "excel"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
NOMINEE_NAMES = [n["name"] for n in EXPECTED["nominees"]]
PEOPLE_NAMES = [p["name"] for p in EXPECTED["people"]]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """A demo database built once; each test gets its own copy."""
    from tdkt_desktop.demo import build_demo
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import init_unit

    path = tmp_path_factory.mktemp("demo") / "tdkt.sqlite"
    with open_store(path, operator="Người kiểm thử") as s:
        init_unit(s, code="31147")
        build_demo(s)
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    from tdkt_desktop.store import open_store

    path = tmp_path / "demo.sqlite"
    copy_database(demo_template, path)
    s = open_store(path, operator="Người kiểm thử")
    yield s
    s.close()


def _names(store, table="people", field="full_name"):
    return sorted(r[field] for r in store.rows(table))


# --------------------------------------------------------------------------- legacy encodings


@pytest.mark.parametrize("name", [*NOMINEE_NAMES, *PEOPLE_NAMES, "NGUYỄN VĂN ỔN", "Ủy ban nhân dân phường Tân An"])
def test_tables_round_trip(name):
    assert legacy.best_decoding(legacy.encode_tcvn3(name)) == ("tcvn3", name)
    assert legacy.best_decoding(legacy.encode_vni(name)) == ("vni", name)


def test_examples_from_the_field_and_unicode_left_alone():
    assert legacy.best_decoding("NguyÔn V¨n An") == ("tcvn3", "Nguyễn Văn An")
    assert legacy.best_decoding("Nguyeãn Vaên An") == ("vni", "Nguyễn Văn An")
    for text in ("Nguyễn Văn An", "Công an xã", "Tân An", "CCCD", "Hà Nội", "092185001234", "Sè CCCD"):
        assert legacy.best_decoding(text) == (None, text)


def test_tcvn3_nominations_file_imports_the_original_unicode_names(store):
    preview = preview_import(store, FIXTURES / "provincial_tcvn3.xlsx", "nominations", year=2025)
    assert not preview.errors
    assert [r.values["name"] for r in preview.rows] == NOMINEE_NAMES
    assert "Đã chuyển 9 ô từ mã TCVN3 sang Unicode ở cột Tên tập thể/cá nhân/hộ gia đình." in preview.notes
    assert store.count("nominations") == 0  # a preview writes nothing
    apply_import(store, preview)
    nominations = store.rows("nominations")
    assert sorted(n["subject_name"] for n in nominations) == sorted(NOMINEE_NAMES)
    people = {p["full_name"]: p for p in store.rows("people")}
    expected_people = [n for n in EXPECTED["nominees"] if n["kind"] == "Cá nhân"]
    assert sorted(people) == sorted(n["name"] for n in expected_people)
    for n in expected_people:
        assert people[n["name"]]["position"] == n["position"]
        assert people[n["name"]]["workplace"] == n["workplace"]
        assert people[n["name"]]["gender"] == {"Ông": "male", "Bà": "female"}[n["honorific"]]
    assert _names(store, "collectives", "name") == ["Hội Liên hiệp Phụ nữ xã Tân Hòa", "Trường Tiểu học Lê Quý Đôn"]
    assert _names(store, "households", "head_name") == ["Dương Văn Ửng"]
    titles = {n["subject_name"]: n["title_code"] for n in nominations}
    assert titles["Trường Tiểu học Lê Quý Đôn"] == "TLDXS"
    assert titles["Nguyễn Văn An"] == "CSTDCS"
    assert titles["Trương Quốc Việt"] == "GIAY_KHEN"
    assert {n["status"] for n in nominations} == {"draft"} and {n["year"] for n in nominations} == {2025}


def test_vni_people_file_imports_the_original_unicode_names(store):
    preview = preview_import(store, FIXTURES / "people_vni.xlsx", "people")
    assert not preview.errors
    assert any(n.startswith("Đã chuyển 6 ô từ mã VNI sang Unicode ở cột Họ và tên") for n in preview.notes)
    apply_import(store, preview)
    stored = {p["full_name"]: p for p in store.rows("people")}
    assert sorted(stored) == sorted(PEOPLE_NAMES)
    for p in EXPECTED["people"]:
        row = stored[p["name"]]
        assert row["position"] == p["position"] and row["workplace"] == p["workplace"]
        assert row["id_number"] == p["id_number"]
        day, month, year = p["birth_date"].split("/")
        assert row["birth_date"] == f"{year}-{month}-{day}"


def test_vni_nominations_and_tcvn3_people(store):
    preview = preview_import(store, FIXTURES / "provincial_vni.xlsx", "nominations")
    assert [r.values["name"] for r in preview.rows] == NOMINEE_NAMES
    preview = preview_import(store, FIXTURES / "people_tcvn3.xlsx", "people")
    assert [r.values["full_name"] for r in preview.rows] == PEOPLE_NAMES
    assert [c.header for c in preview.columns][6] == "Số CCCD"


def test_nfd_text_is_stored_as_nfc(store):
    preview = preview_import(store, FIXTURES / "people_nfd.xlsx", "people")
    assert any("NFD" in n and "Họ và tên" in n for n in preview.notes)
    apply_import(store, preview)
    names = _names(store)
    assert names == sorted(PEOPLE_NAMES)
    assert all(unicodedata.is_normalized("NFC", p["full_name"] + (p["position"] or "")) for p in store.rows("people"))
    assert store.search("nguyen thi thu ha")


# --------------------------------------------------------------------------- layouts and mappings


def test_provincial_layout_with_numbering_and_group_rows(store):
    preview = preview_import(store, FIXTURES / "nominations_sections.xlsx", "nominations", year=2026)
    assert preview.header_row == 3
    assert [r.row for r in preview.rows] == [6, 8, 9]  # numbering row, group rows and the total row skipped
    assert [r.subject_kind for r in preview.rows] == ["collective", "person", "person"]
    assert [r.values["title"] for r in preview.rows] == ["GIAY_KHEN", "GIAY_KHEN", "LDTT"]
    result = apply_import(store, preview)
    assert result.created == {"people": 2, "collectives": 1, "households": 0, "nominations": 3}


def test_non_standard_layout_needs_a_mapping(store):
    with pytest.raises(MappingNeeded) as info:
        preview_import(store, FIXTURES / "people_custom_layout.xlsx", "people")
    err = info.value
    assert "Họ và tên" in str(err) and "B “Người lao động”" in str(err)
    assert err.headers["B"] == "Người lao động" and err.missing == ["full_name"]
    assert err.proposal["C"] == "birth_date" and err.proposal["D"] == "gender"
    with pytest.raises(ExcelError, match="Không có trường"):
        preview_import(store, FIXTURES / "people_custom_layout.xlsx", "people", {"B": "ho_ten_sai"})
    mapping = parse_mapping("Cột B=full_name, Ghi chú nội bộ=-, A=-")
    preview = preview_import(store, FIXTURES / "people_custom_layout.xlsx", "people", mapping)
    assert preview.mapping == {"B": "full_name", "C": "birth_date", "D": "gender", "E": "workplace", "F": "position"}
    assert [r.values["full_name"] for r in preview.rows] == PEOPLE_NAMES[:4]
    assert preview.rows[0].values["birth_date"] == _dt.date(1985, 3, 12)
    # the header text works as a key too, and a field label as a value
    preview = preview_import(store, FIXTURES / "people_custom_layout.xlsx", "people", {"Người lao động": "Họ và tên"})
    assert preview.mapping["B"] == "full_name"
    apply_import(store, preview)
    assert _names(store) == sorted(PEOPLE_NAMES[:4])


def test_header_variants_without_tones_are_recognised(store, tmp_path):
    path = tmp_path / "khong-dau.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SACH"])
    ws.append(["So TT", "HO VA TEN", "ngay thang nam sinh", "Gioi tinh", "Don vi cong tac", "So dien thoai"])
    ws.append([1, "Bùi Thị Lan", "05/01/1990", "nu", "Trường Mầm non Hoa Sen", 912345678])
    wb.save(path)
    preview = preview_import(store, path, "people")
    assert preview.mapping == {"A": "stt", "B": "full_name", "C": "birth_date", "D": "gender", "E": "workplace", "F": "phone"}
    row = preview.rows[0]
    assert row.values["gender"] == "female" and row.values["phone"] == "0912345678"
    assert any("số 0" in str(w) for w in row.warnings)


# --------------------------------------------------------------------------- bad rows


def test_bad_rows_import_nothing_until_accepted(store):
    preview = preview_import(store, FIXTURES / "people_bad_rows.xlsx", "people")
    messages = [str(e) for e in preview.errors]
    assert messages[0] == (
        "Dòng 5, cột Ngày sinh: ngày “31/02/1990” không có trên lịch. Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026."
    )
    assert any(m.startswith("Dòng 6, cột Giới tính:") for m in messages)
    assert any(m.startswith("Dòng 7, cột Họ và tên: chưa nhập") for m in messages)
    assert any(m.startswith("Dòng 8, cột Số định danh cá nhân:") for m in messages)
    assert [r.row for r in preview.bad_rows] == [5, 6, 7, 8]
    with pytest.raises(ImportRefused) as info:
        apply_import(store, preview)
    assert "Chưa nhập gì" in str(info.value) and "Dòng 5, cột Ngày sinh" in str(info.value)
    assert store.count("people") == 0
    result = apply_import(store, preview, accept_errors=True)
    assert result.created["people"] == 2 and result.error_rows == [5, 6, 7, 8]
    assert set(_names(store)) == {"Đỗ Đức Ưng", "Nguyễn Thị Thu Hà"}


# --------------------------------------------------------------------------- duplicates


def _people_file(path, people, *, extra=()):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác", "Số định danh cá nhân", "Chức vụ"])
    for i, p in enumerate([*people, *extra], 1):
        ws.append([i, *p])
    wb.save(path)


def test_duplicates_are_proposed_for_merge_and_not_created_twice(demo_db, tmp_path):
    existing = demo_db.rows("people", order_by="full_name")[:3]
    before = demo_db.count("people")
    birth = existing[0]["birth_date"]
    path = tmp_path / "trung.xlsx"
    rows = [
        # same name (typed without tones in NFD and other case) and same birth date → strong match
        (unicodedata.normalize("NFD", existing[0]["full_name"].upper()), f"{birth[8:]}/{birth[5:7]}/{birth[:4]}", None, None, None),
        # same name and same unit, no birth date → weaker match
        (existing[1]["full_name"], None, existing[1]["workplace"], None, "Chức vụ mới"),
        # a new person
        ("Mai Văn Ửng", "02/09/1991", "Khu vực 3", "092191000111", None),
        # the same new person again in the file (same ID number)
        ("Mai Văn Ửng", None, None, "092191000111", None),
    ]
    _people_file(path, rows)
    preview = preview_import(demo_db, path, "people")
    first, second, new, again = preview.rows
    assert first.duplicate.record_id == existing[0]["id"] and first.duplicate.strong and first.action == "link"
    assert "cùng họ tên và ngày sinh" in first.duplicate.describe()
    assert second.duplicate.record_id == existing[1]["id"] and not second.duplicate.strong
    assert new.duplicate is None and new.action == "create"
    assert again.duplicate.same_file_row == new.row and again.action == "link"
    assert "trùng với dòng" in preview.report()
    result = apply_import(demo_db, preview)
    assert result.created["people"] == 1 and result.linked == 3
    assert demo_db.count("people") == before + 1
    assert result.row_records[first.row] == existing[0]["id"]
    assert result.row_records[again.row] == result.row_records[new.row]
    # the linked record's empty position is kept as it was if set; nothing is overwritten
    assert demo_db.get("people", existing[1]["id"])["position"] == existing[1]["position"]
    # importing the same file again creates nothing
    again_result = apply_import(demo_db, preview_import(demo_db, path, "people"))
    assert again_result.created["people"] == 0 and demo_db.count("people") == before + 1


def test_create_new_overrides_a_duplicate(demo_db, tmp_path):
    person = demo_db.rows("people")[5]
    birth = person["birth_date"]
    path = tmp_path / "moi.xlsx"
    _people_file(path, [(person["full_name"], f"{birth[8:]}/{birth[5:7]}/{birth[:4]}", None, None, None)])
    preview = preview_import(demo_db, path, "people")
    before = demo_db.count("people")
    result = apply_import(demo_db, preview, decisions={preview.rows[0].row: "create"})
    assert result.created["people"] == 1 and demo_db.count("people") == before + 1
    with pytest.raises(ExcelError, match="không hợp lệ"):
        apply_import(demo_db, preview, decisions={preview.rows[0].row: "gộp bừa"})


def test_provincial_export_imports_back_linking_everyone(demo_db, tmp_path):
    path = tmp_path / "tinh.xlsx"
    export_view(demo_db, "nominations-provincial", path, status="draft")
    counts = {t: demo_db.count(t) for t in ("people", "collectives", "households", "nominations")}
    preview = preview_import(demo_db, path, "nominations", year=2026)
    assert not preview.errors
    assert all(r.duplicate is not None for r in preview.rows)
    # every row is an award already proposed for that subject this year: nothing to do
    assert all(r.action == "skip" for r in preview.rows)
    result = apply_import(demo_db, preview)
    assert {t: demo_db.count(t) for t in counts} == counts
    assert len(result.skipped_rows) == len(preview.rows)
    # next year's list links the same subjects and adds only the nominations
    preview = preview_import(demo_db, path, "nominations", year=2027)
    result = apply_import(demo_db, preview)
    assert result.created["nominations"] == len(preview.rows)
    assert {t: demo_db.count(t) for t in ("people", "collectives", "households")} == {
        t: counts[t] for t in ("people", "collectives", "households")
    }


# --------------------------------------------------------------------------- files that are not what they seem


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("old_format.xls", "Excel 97–2003 (.xls)"),
        ("old_format_renamed.xlsx", "Lưu thành"),
        ("csv_renamed.xlsx", "CSV"),
        ("password.xlsx", "mật khẩu"),
        ("corrupt.xlsx", "bị hỏng"),
        ("empty.xlsx", "không có dữ liệu"),
        ("no_header.xlsx", "Không nhận ra dòng tiêu đề"),
        ("not_excel.xlsx", "Word"),
        ("khong-co-tep.xlsx", "Không tìm thấy tệp"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(store, name, message):
    with pytest.raises(ExcelError, match=re.escape(message)):
        preview_import(store, FIXTURES / name, "people")


def test_titles_as_lists_write_them():
    assert resolve_title("LĐTT") == "LDTT"
    assert resolve_title("Lao động tiên tiến") == "LDTT"
    assert resolve_title("Danh hiệu Chiến sĩ thi đua cơ sở") == "CSTDCS"
    assert resolve_title("Bằng khen của Chủ tịch UBND tỉnh") == "BANG_KHEN_TINH"
    assert resolve_title("Bằng khen của Thủ tướng Chính phủ") == "BANG_KHEN_TTG"
    assert resolve_title("Giấy khen") == "GIAY_KHEN"
    assert resolve_title("tap the lao dong xuat sac") == "TLDXS"
    with pytest.raises(Exception, match="không có trong danh mục"):
        resolve_title("Huân chương Lao động hạng Ba")
