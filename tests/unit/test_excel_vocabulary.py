"""Excel lists in the provinces' own words: vocabularies for every coded column, headers merged over two rows,
value mapping for what is still unknown (remembered per layout), each error once, dry runs that say so."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_REFUSED, main
from tdkt_desktop.excel import vocabulary as vocab
from tdkt_desktop.excel.errors import ExcelError, ImportRefused
from tdkt_desktop.excel.importer import apply_import, preview_import
from tdkt_desktop.store import open_store
from tests.fixtures.provincial import ROWS, write_list

EXIT_ATTENTION = 3


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from tdkt_desktop.store.installation import init_unit

    path = tmp_path / "xa.sqlite"
    with open_store(path) as s:
        init_unit(s, code="31147")
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- vocabularies


@pytest.mark.parametrize(("text", "value"), [
    ("Khen thưởng cá nhân", "person"), ("KT cá nhân", "person"), ("Cá nhân", "person"), ("CN", "person"),
    ("Khen thưởng tập thể", "collective"), ("Tập thể", "collective"), ("TT", "collective"),
    ("Khen thưởng hộ gia đình", "household"), ("Hộ gia đình", "household"), ("HGĐ", "household"),
    ("Đề nghị khen thưởng hộ gia đình", "household"),
])
def test_classification_in_the_provinces_words(text: str, value: str) -> None:
    found = vocab.resolve("subject_kind", text)
    assert found is not None and found.value == value


@pytest.mark.parametrize(("text", "code"), [
    ("Giấy khen", "GIAY_KHEN"), ("GK", "GIAY_KHEN"), ("Giấy khen của Chủ tịch UBND xã Tân Hòa", "GIAY_KHEN"),
    ("Giấy khen Chủ tịch Ủy ban nhân dân phường", "GIAY_KHEN"), ("BK", "BANG_KHEN_TINH"),
    ("Bằng khen Chủ tịch UBND tỉnh", "BANG_KHEN_TINH"), ("Bằng khen của Thủ tướng Chính phủ", "BANG_KHEN_TTG"),
    ("LĐTT", "LDTT"), ("Danh hiệu Lao động tiên tiến", "LDTT"), ("CSTĐCS", "CSTDCS"),
    ("Chiến sĩ thi đua cấp cơ sở", "CSTDCS"), ("TT LĐXS", "TLDXS"), ("TTLĐTT", "TLDTT"),
    ("Tập thể lao động tiên tiến", "TLDTT"), ("Cờ thi đua UBND tỉnh", "CO_TD_TINH"), ("GĐVH", "GIA_DINH_VAN_HOA"),
    ("Khu dân cư văn hóa", "THON_VAN_HOA"),
])
def test_award_names_with_or_without_the_unit_words(text: str, code: str) -> None:
    found = vocab.resolve("title", text)
    assert found is not None and found.value == code


def test_other_coded_columns() -> None:
    assert vocab.resolve("honorific", "Bà") == vocab.Reading("Bà", "female")
    assert vocab.resolve("honorific", "Đ/c") == vocab.Reading("Đồng chí", None)
    assert vocab.resolve("honorific", "Đại úy") == vocab.Reading("Đại úy", None)
    assert vocab.resolve("gender", "Nữ").value == "female" and vocab.resolve("gender", "M").value == "male"
    assert vocab.resolve("award_kind", "Thường xuyên").value == "cong_trang"
    assert vocab.resolve("award_kind", "KT đột xuất").value == "dot_xuat"
    assert vocab.resolve("nominee_class", "Công nhân", subject_kind="person").value == (
        "Người trực tiếp công tác, lao động, học tập, chiến đấu")
    assert vocab.resolve("nominee_class", "Công ty TNHH", subject_kind="collective").value == "Doanh nghiệp"
    assert vocab.resolve("activity_field", "GD&ĐT").value == "Giáo dục và đào tạo"
    assert vocab.resolve("unit_kind", "Trường học").value == "school"
    for kind in vocab.CODED_KINDS:
        assert vocab.resolve(kind, "Khen thưởng đặc biệt xyz") is None, kind


def test_value_mapping_text() -> None:
    assert vocab.parse_value_mapping("H: Khen thưởng đặc biệt=Tập thể | KT khác=Cá nhân; Danh hiệu: KNC=Giấy khen") == {
        "H": {"khen thuong dac biet": "Tập thể", "kt khac": "Cá nhân"}, "Danh hiệu": {"knc": "Giấy khen"},
    }
    with pytest.raises(ExcelError, match="chưa đúng"):
        vocab.parse_value_mapping("H Khen thưởng đặc biệt")
    with pytest.raises(ExcelError, match="không phải giá trị"):
        vocab.target_of("subject_kind", "Đơn vị bạn")


# --------------------------------------------------------------------------- a provincial list imports as it is


def test_provincial_list_in_its_own_words_imports_without_edits(db: Path, tmp_path: Path) -> None:
    path = write_list(tmp_path / "ds.xlsx", ROWS)
    with open_store(db) as store:
        preview = preview_import(store, path, "nominations", year=2025)
        assert preview.errors == [], [str(e) for e in preview.errors]
        assert preview.header_row == 4 and any("gộp hai dòng" in n for n in preview.notes)
        mapped = {c.header: c.field for c in preview.columns if c.field}
        assert mapped["Ngày sinh - Nam"] == "birth_date_male" and mapped["Ngày sinh - Nữ"] == "birth_date_female"
        result = apply_import(store, preview)
        assert result.created["nominations"] == 7
        noms = {n["subject_name"]: n for n in store.rows("nominations")}
        assert {k: (v["subject_kind"], v["title_code"], v["award_kind"]) for k, v in noms.items()} == {
            "Nguyễn Văn An": ("person", "CSTDCS", "cong_trang"),
            "Lê Thị Ánh": ("person", "LDTT", "cong_trang"),
            "Trường Tiểu học Lê Quý Đôn": ("collective", "TLDXS", "cong_trang"),
            "Trần Văn Bình": ("person", "GIAY_KHEN", "dot_xuat"),
            "Hộ ông Dương Văn Ửng": ("household", "GIAY_KHEN", "chuyen_de"),
            "Võ Thị Hoa": ("person", "BANG_KHEN_TINH", "cong_trang"),
            "Hội Liên hiệp Phụ nữ xã Tân Hòa": ("collective", "TLDTT", "phong_trao"),
        }
        people = {p["full_name"]: p for p in store.rows("people")}
        assert (people["Nguyễn Văn An"]["gender"], people["Nguyễn Văn An"]["birth_date"]) == ("male", "1980-03-12")
        assert (people["Lê Thị Ánh"]["gender"], people["Lê Thị Ánh"]["birth_date"]) == ("female", "1990-09-05")
        assert (people["Võ Thị Hoa"]["gender"], people["Võ Thị Hoa"]["birth_date"]) == ("female", "1975-11-20")
        assert people["Nguyễn Văn An"]["nominee_class"] == "Lãnh đạo từ cấp phó trưởng phòng trở lên"
        assert people["Lê Thị Ánh"]["field"] == "Giáo dục và đào tạo"
        assert people["Trần Văn Bình"]["field"] == "Quốc phòng, an ninh"
        # a value outside the list of fields is kept in the list's own words
        assert people["Võ Thị Hoa"]["field"] == "Xã hội"


# --------------------------------------------------------------------------- unknown values: mapped, remembered


def _unknown_rows() -> list[tuple]:
    rows = [list(r) for r in ROWS[:3]]
    rows[0][6] = "Khen thưởng đặc biệt"  # classification
    rows[1][7] = "Kỷ niệm chương"  # an award the catalogue does not hold
    rows[2][10] = "Theo năm"  # kind of award
    return [tuple(r) for r in rows]


def test_unknown_values_are_reported_once_and_block_until_mapped(db: Path, tmp_path: Path) -> None:
    path = write_list(tmp_path / "ds.xlsx", _unknown_rows())
    with open_store(db) as store:
        preview = preview_import(store, path, "nominations", year=2025)
        errors = {e.row: [str(x) for x in preview.errors if x.row == e.row] for e in preview.errors}
        assert sorted(errors) == [7, 8, 9]
        assert all(len(v) == 1 for v in errors.values()), errors  # each error once
        assert "“Kỷ niệm chương” chưa có trong danh mục" in errors[8][0]
        assert preview.unknown == {"subject_kind": {"Khen thưởng đặc biệt": [7]}, "title": {"Kỷ niệm chương": [8]},
                                   "award_kind": {"Theo năm": [9]}}
        with pytest.raises(ImportRefused):
            apply_import(store, preview)
        assert store.count("nominations") == 0


def test_value_mapping_on_the_command_line_is_remembered_per_layout(capsys, db: Path, tmp_path: Path) -> None:
    path = write_list(tmp_path / "ds.xlsx", _unknown_rows())
    args = ["excel", "import", str(path), "--kind", "nominations", "--db", str(db), "--year", "2025"]
    # a dry run with errors exits 1, each error listed once
    code, out, err = run(capsys, *args, "--dry-run")
    assert code == EXIT_REFUSED and "--map-values" in err
    assert out.count("Kỷ niệm chương” chưa có trong danh mục") == 1
    assert "Giá trị chưa có trong danh mục ở cột I" in out
    # with --accept-errors the dry run would leave rows out: it says so with exit 3
    code, _out, _err = run(capsys, *args, "--dry-run", "--accept-errors")
    assert code == EXIT_ATTENTION
    with open_store(db) as s:
        assert s.count("nominations") == 0 and not s.meta_json("excel_value_maps")
    mapping = "Phân loại khen thưởng: Khen thưởng đặc biệt=Cá nhân; I: Kỷ niệm chương=Giấy khen; L: Theo năm=Công trạng"
    code, out, err = run(capsys, *args, "--map-values", mapping, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["result"]["created"]["nominations"] == 3
    with open_store(db) as s:
        noms = {n["subject_name"]: n for n in s.rows("nominations")}
        assert noms["Nguyễn Văn An"]["subject_kind"] == "person"
        assert noms["Lê Thị Ánh"]["title_code"] == "GIAY_KHEN"
    # the next list of the same layout: the same words are understood without --map-values
    later = [list(r) for r in ROWS[3:5]]
    later[0][7] = "Kỷ niệm chương"
    path2 = write_list(tmp_path / "ds2.xlsx", [tuple(r) for r in later])
    code, out, err = run(capsys, "excel", "import", str(path2), "--kind", "nominations", "--db", str(db), "--year",
                         "2025")
    assert code == 0, err
    with open_store(db) as s:
        assert next(n for n in s.rows("nominations") if n["subject_name"] == "Trần Văn Bình")["title_code"] == "GIAY_KHEN"
    # a mapping to a value the column does not have is refused, naming the choices
    code, _out, err = run(capsys, *args, "--map-values", "H: Khen thưởng đặc biệt=Đơn vị bạn")
    assert code == EXIT_REFUSED and "Cá nhân; Tập thể; Hộ gia đình" in err


def test_a_free_text_column_cannot_be_value_mapped(db: Path, tmp_path: Path) -> None:
    path = write_list(tmp_path / "ds.xlsx", ROWS[:1])
    with open_store(db) as store, pytest.raises(ExcelError, match="không có danh mục giá trị"):
        preview_import(store, path, "nominations", value_map={"Chức vụ": {"a": "b"}})


def test_birth_date_columns_under_nam_nu_need_one_date(db: Path, tmp_path: Path) -> None:
    rows = [list(ROWS[0])]
    rows[0][2] = "31/02/1980"
    path = write_list(tmp_path / "ds.xlsx", [tuple(r) for r in rows])
    with open_store(db) as store:
        preview = preview_import(store, path, "nominations", year=2025)
        assert [e.column for e in preview.errors] == ["Ngày sinh - Nam"]
        assert "không có trên lịch" in preview.errors[0].message
    assert _dt.date(1980, 3, 12)  # the fixture's date is real; only the typed one is wrong
