"""``tdkt records import KIND FILE``: lists in a province's own column words, as CSV (comma or semicolon, UTF-8,
Windows-1258 or typed with the TCVN3 fonts) and as .xlsx, through the import wizard's importer — a dry run, errors
per row in Vietnamese, nothing saved while a row is wrong unless the errors are accepted."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_ATTENTION, EXIT_OK, EXIT_REFUSED, main
from tdkt_desktop.excel import legacy
from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "excel"

# A ward's list of its staff, as typed there: a title row, then the ward's own words for the columns.
STAFF = [
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC PHƯỜNG ĐƯỢC ĐỀ NGHỊ"],
    [],
    ["STT", "Họ và tên", "Ngày tháng năm sinh", "Giới tính", "Chức danh", "Nơi công tác", "Số CCCD"],
    ["1", "Nguyễn Văn Ấn", "05/01/1980", "Nam", "Tổ trưởng", "Tổ dân phố 3", "001080012345"],
    ["2", "Trần Thị Bích Ngọc", "31/12/1985", "Nữ", "Phó Chủ tịch; kiêm nhiệm", "Ủy ban nhân dân phường", "001185012345"],
    ["3", "Lê Quốc Việt", "29/02/1988", "Nam", "Công chức Văn hóa – Xã hội", "Ủy ban nhân dân phường", ""],
]
NAMES = ["Nguyễn Văn Ấn", "Trần Thị Bích Ngọc", "Lê Quốc Việt"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def db(demo_store):
    path = str(demo_store.path)
    demo_store.close()
    return path


def snapshot(db):
    with open_store(db) as s:
        return {t: sorted(map(repr, s.rows(t, include_deleted=True))) for t in SYNCED_TABLES}


def people_named(db, names):
    with open_store(db) as s:
        return {r["full_name"]: r for r in s.rows("people") if r["full_name"] in names}


def csv_text(rows, sep):
    def cell(v):
        return f'"{v}"' if sep in v or '"' in v else v
    return "\r\n".join(sep.join(cell(v) for v in row) for row in rows) + "\r\n"


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text):
    """Text as Excel writes a CSV on Vietnamese Windows: Windows-1258, a letter with its tone as a base letter and a
    combining mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = next(c for c in parts if c in TONES)
            out += unicodedata.normalize("NFC", parts.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def check_staff(db):
    found = people_named(db, NAMES)
    assert sorted(found) == sorted(NAMES)
    an, ngoc, viet = (found[n] for n in NAMES)
    assert (an["birth_date"], an["gender"], an["position"], an["workplace"], an["id_number"]) == (
        "1980-01-05", "male", "Tổ trưởng", "Tổ dân phố 3", "001080012345")
    assert (ngoc["birth_date"], ngoc["gender"], ngoc["position"]) == ("1985-12-31", "female", "Phó Chủ tịch; kiêm nhiệm")
    assert viet["birth_date"] == "1988-02-29" and viet["id_number"] is None


@pytest.mark.parametrize(
    ("name", "encode", "note"),
    [
        ("ds-phay.csv", lambda rows: csv_text(rows, ",").encode("utf-8"), None),
        ("ds-cham-phay.csv", lambda rows: csv_text(rows, ";").encode("utf-8-sig"), None),
        ("ds-tab.txt", lambda rows: csv_text(rows, "\t").encode("utf-16"), None),
        ("ds-1258.csv", lambda rows: cp1258(csv_text(rows, ";")), "Windows-1258"),
        ("ds-tcvn3.csv", lambda rows: legacy.encode_tcvn3(csv_text(rows, ",")).encode("cp1252"), "TCVN3"),
    ],
)
def test_a_wards_own_list_as_csv_dry_run_then_for_real(capsys, db, tmp_path, name, encode, note):
    path = tmp_path / name
    path.write_bytes(encode(STAFF))
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, "records", "import", "ca-nhan", str(path), "--dry-run", "--json")
    assert code == EXIT_OK, err
    preview = json.loads(out)["preview"]
    assert [r["values"]["full_name"] for r in preview["rows"]] == NAMES
    assert preview["header_row"] == 3 and preview["summary"]["rows"] == 3
    if note:
        assert any(note in n for n in preview["notes"]), preview["notes"]
    assert snapshot(db) == before  # a dry run writes nothing
    code, out, err = run(capsys, "records", "import", "people", str(path), "--db", db, "--dry-run")
    assert code == EXIT_OK, err
    assert f"Tệp {name}, dòng tiêu đề 3: 3 dòng dữ liệu" in out and "trang" not in out.split("\n")[0]  # no sheets
    assert snapshot(db) == before
    code, out, err = run(capsys, "records", "import", "people", str(path), "--db", db)
    assert code == EXIT_OK, err
    assert "Đã nhập:" in out and "3 cá nhân" in out
    check_staff(db)
    # the same list again links to the people already there: nobody is written twice
    code, out, err = run(capsys, "records", "import", "people", str(path), "--db", db, "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["result"]["created"]["people"] == 0
    assert len(people_named(db, NAMES)) == 3


BAD_COLLECTIVES = [
    ["TT", "Tên tập thể", "Tổng số", "Trong đó nữ", "Ngày thành lập"],
    ["1", "Tổ dân phố số 3", "7,5", "4", "01/02/2000"],
    ["2", "Chi hội Phụ nữ khu phố 2", "30", "30", "31/02/2001"],
    ["3", "Chi đoàn Thanh niên khu phố 2", "25", "12", "15/03/1990"],
    ["4", "Câu lạc bộ Dưỡng sinh", "40", "22", "2001-13-45"],
]


def test_wrong_rows_are_listed_in_vietnamese_and_nothing_is_saved(capsys, db, tmp_path):
    path = tmp_path / "tap-the.csv"
    path.write_text(csv_text(BAD_COLLECTIVES, ","), encoding="utf-8")
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, "records", "import", "collectives", str(path))
    assert code == EXIT_REFUSED and out == ""
    assert "Chưa nhập gì: 3 dòng có lỗi (2, 3, 5)" in err
    assert "Dòng 2, cột Tổng số: “7,5” phải là số nguyên." in err
    assert "Dòng 3, cột Ngày thành lập: ngày “31/02/2001” không có trên lịch." in err
    assert "Dòng 5, cột Ngày thành lập:" in err and "ngày/tháng/năm" in err
    assert snapshot(db) == before
    code, out, err = run(capsys, "--db", db, "records", "import", "collectives", str(path), "--dry-run")
    assert code == EXIT_REFUSED and "--accept-errors" in err and "Dòng 2, cột Tổng số" in out
    assert snapshot(db) == before
    code, out, err = run(capsys, "--db", db, "records", "import", "collectives", str(path), "--dry-run",
                         "--accept-errors")
    assert code == EXIT_ATTENTION and snapshot(db) == before
    code, out, err = run(capsys, "--db", db, "records", "import", "tap-the", str(path), "--accept-errors")
    assert code == EXIT_OK, err
    assert "Không nhập các dòng có lỗi: 2, 3, 5." in out
    with open_store(db) as s:
        made = {r["name"]: r for r in s.rows("collectives") if "khu phố 2" in r["name"] or "Tổ dân phố số 3" in r["name"]}
    assert sorted(made) == ["Chi đoàn Thanh niên khu phố 2"]
    assert (made["Chi đoàn Thanh niên khu phố 2"]["members_count"], made["Chi đoàn Thanh niên khu phố 2"]["founded"]) == (
        25, "1990-03-15")


def test_columns_in_words_the_importer_does_not_know_are_mapped_by_hand(capsys, db, tmp_path):
    path = tmp_path / "ho.csv"
    path.write_text(csv_text([["Số TT", "Người đứng tên hộ", "Khu dân cư", "Nhân khẩu"],
                              ["1", "Hộ ông Phạm Văn Tư", "Khu phố 4", "5"]], ";"), encoding="utf-8")
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, "records", "import", "households", str(path), "--json")
    assert code == EXIT_REFUSED and "ghép cột bằng tay" in err and "--map" in err
    assert json.loads(out)["ok"] is False and snapshot(db) == before
    code, out, err = run(capsys, "--db", db, "records", "import", "households", str(path),
                         "--map", "Người đứng tên hộ=head_name, C=address", "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["result"]["created"]["households"] == 1
    with open_store(db) as s:
        row = next(r for r in s.rows("households") if r["head_name"] == "Phạm Văn Tư")
    assert (row["address"], row["members_count"]) == ("Khu phố 4", 5)


def test_an_xlsx_list_through_the_same_command(capsys, db):
    path = FIXTURES / "provincial_tcvn3.xlsx"
    code, out, err = run(capsys, "--db", db, "records", "import", "nominations", str(path), "--year", "2026", "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert any("TCVN3" in n for n in data["preview"]["notes"])
    assert data["result"]["created"]["nominations"] == 9


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        ("ratings", "a,b\n1,2\n", "Chưa nhập được xếp loại từ danh sách Excel/CSV. Các loại nhập được: people (cá nhân)"),
        ("khong-co", "a,b\n1,2\n", "Không có loại bản ghi “khong-co”"),
        ("people", "", "rỗng"),
        ("people", None, "Không tìm thấy tệp"),
        ("people", b"PK\x03\x04 not really", "bảng tính Excel chứ không phải văn bản CSV"),
        ("people", "Tên;Tuổi\nAn;30\n", "Không nhận ra dòng tiêu đề cột"),
    ],
)
def test_refused_files_and_kinds_change_nothing(capsys, db, tmp_path, kind, content, message):
    path = tmp_path / "ds.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    before = snapshot(db)
    code, out, err = run(capsys, "records", "import", kind, str(path), "--db", db)
    assert code == EXIT_REFUSED and out == ""
    assert err.startswith("Lỗi: ") and message in err
    assert snapshot(db) == before
