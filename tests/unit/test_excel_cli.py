"""``tdkt excel``: export and import end to end, bad input answered in Vietnamese without a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tdkt_desktop.cli import EXIT_REFUSED, EXIT_USAGE, main
from tests.server_engine import copy_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "excel"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    from tdkt_desktop.demo import build_demo
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import init_unit

    path = tmp_path_factory.mktemp("demo") / "tdkt.sqlite"
    with open_store(path, operator="Người kiểm thử") as s:
        init_unit(s, code="31147")
        build_demo(s)
    return path


@pytest.fixture
def db(demo_template, tmp_path):
    path = tmp_path / "tdkt.sqlite"
    copy_database(demo_template, path)
    return str(path)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_export_views(capsys, db, tmp_path):
    out_file = tmp_path / "ca-nhan.xlsx"
    code, out, err = run(capsys, "excel", "export", "people", "--db", db, "--out", str(out_file))
    assert code == 0, err
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.consolidation import units_below

    with open_store(db) as store:
        people = store.count("people")
        units = 1 + len(units_below(store))  # the ward reported its own figures, then every unit below it
    assert f"Đã xuất {people} dòng" in out
    ws = load_workbook(out_file).active
    assert ws["B6"].value == "Họ và tên"
    assert ws.max_row == 6 + people

    code, out, err = run(capsys, "excel", "export", "attainment-matrix", "--db", db, "--out", str(tmp_path / "m.xlsx"))
    assert code == EXIT_REFUSED and "Hãy chọn một phong trào" in err
    code, out, err = run(capsys, "excel", "export", "attainment-matrix", "--db", db, "--out", str(tmp_path / "m.xlsx"),
                         "--campaign", "yêu nước", "--period", "2026-H1", "--json")
    assert code == 0, err
    assert json.loads(out)["rows"] == units

    code, _, err = run(capsys, "excel", "export", "nominations", "--db", db, "--out", str(tmp_path / "ds.csv"))
    assert code == EXIT_REFUSED and ".xlsx" in err
    code, _, err = run(capsys, "excel", "export", "people", "--db", db, "--out", str(tmp_path / "khong" / "ds.xlsx"))
    assert code == EXIT_REFUSED and "Không tìm thấy thư mục" in err
    code, _, err = run(capsys, "excel", "export", "results", "--db", db, "--out", str(tmp_path / "r.xlsx"), "--period", "2026-Q3")
    assert code == EXIT_REFUSED and "Kỳ báo cáo" in err


def test_export_unknown_view_is_a_usage_error(capsys, db, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["excel", "export", "khong-co", "--db", db, "--out", str(tmp_path / "x.xlsx")])
    assert info.value.code == EXIT_USAGE
    assert "lựa chọn không hợp lệ" in capsys.readouterr().err


def test_import_dry_run_json_then_for_real(capsys, db):
    args = ["excel", "import", str(FIXTURES / "provincial_tcvn3.xlsx"), "--kind", "nominations", "--db", db, "--year", "2026"]
    code, out, err = run(capsys, *args, "--dry-run", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["dry_run"] and data["preview"]["summary"]["rows"] == 9
    assert any("TCVN3" in n for n in data["preview"]["notes"])
    names = [r["values"]["name"] for r in data["preview"]["rows"]]
    assert "Đặng Thị Kim Đào" in names
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert "Đã nhập:" in out and "9 đề nghị" in out
    # the same file again: everyone is linked, no nomination is proposed twice
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    result = json.loads(out)["result"]
    assert result["created"] == {"people": 0, "collectives": 0, "households": 0, "nominations": 0}
    assert len(result["skipped_rows"]) == 9


def test_import_bad_rows_exit_1_then_accept(capsys, db):
    args = ["excel", "import", str(FIXTURES / "people_bad_rows.xlsx"), "--kind", "people", "--db", db]
    code, out, err = run(capsys, *args)
    assert code == EXIT_REFUSED
    assert "Chưa nhập gì" in err and "Dòng 5, cột Ngày sinh: ngày “31/02/1990” không có trên lịch" in err
    code, out, err = run(capsys, *args, "--dry-run")
    assert code == EXIT_REFUSED and "Dòng 7, cột Họ và tên" in out and "--accept-errors" in err
    code, out, err = run(capsys, *args, "--accept-errors")
    assert code == 0, err
    assert "Không nhập các dòng có lỗi: 5, 6, 7, 8." in out


def test_import_with_a_mapping(capsys, db):
    args = ["excel", "import", str(FIXTURES / "people_custom_layout.xlsx"), "--kind", "people", "--db", db]
    code, out, err = run(capsys, *args, "--dry-run")
    assert code == EXIT_REFUSED and "ghép cột bằng tay" in err
    code, out, err = run(capsys, *args, "--map", "Cột B=full_name, G=-", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["result"]["created"]["people"] == 4


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("old_format.xls", "Excel 97–2003"),
        ("old_format_renamed.xlsx", "Excel 97–2003"),
        ("csv_renamed.xlsx", "CSV"),
        ("password.xlsx", "mật khẩu"),
        ("corrupt.xlsx", "bị hỏng"),
        ("khong-co.xlsx", "Không tìm thấy tệp"),
    ],
)
def test_import_bad_files(capsys, db, name, message):
    code, _out, err = run(capsys, "excel", "import", str(FIXTURES / name), "--kind", "people", "--db", db)
    assert code == EXIT_REFUSED
    assert err.startswith("Lỗi: ") and message in err


def test_import_row_choices_must_exist(capsys, db):
    code, _, err = run(capsys, "excel", "import", str(FIXTURES / "people_unicode.xlsx"), "--kind", "people", "--db", db,
                       "--create-new", "99")
    assert code == EXIT_REFUSED and "Không có dòng dữ liệu 99" in err
    code, _, err = run(capsys, "excel", "import", str(FIXTURES / "people_unicode.xlsx"), "--kind", "people", "--db", db,
                       "--skip", "bốn")
    assert code == EXIT_REFUSED and "không phải số dòng" in err
