"""``tdkt results import`` and ``tdkt results set``: through the results grid's save function, Vietnamese
numbers, one wrong row saves nothing, a unit this installation does not report for is refused."""

from __future__ import annotations

import json

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED, main
from tdkt_desktop.store import open_store
from tdkt_desktop.store.campaigns import save_campaign
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.results import current_results


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(demo_store):
    path = str(demo_store.path)
    demo_store.close()
    return path


def campaign(db):
    with open_store(db) as s:
        c = next(c for c in s.rows("campaigns") if c["name"].startswith("Phong trào thi đua yêu nước"))
        targets = {int(t["seq"]): t["id"] for t in s.rows("targets", "campaign_id = ?", [c["id"]])}
        return c["id"], targets


def results(db):
    with open_store(db) as s:
        rows = s.rows("target_results", include_deleted=True)
        return sorted((r["target_id"], r["unit_code"], r["period"], r["value"], r["sub_value"], r["note"],
                       r["deleted"]) for r in rows)


def test_import_a_period_from_csv_in_vietnamese(capsys, db, tmp_path):
    cid, targets = campaign(db)
    f = tmp_path / "ket-qua.csv"
    f.write_text('đơn vị;chỉ tiêu;kết quả;trong đó;ghi chú\n31147;2;"105,5";;\n31147-KV1;Tỷ lệ hộ nghèo;1,2;;ước tính\n'
                 "31147;5;3;2;\n\n", encoding="utf-8-sig")
    code, out, err = run(capsys, "--db", db, "results", "import", "--campaign", cid[:8], "--period", "năm 2026",
                         str(f), "--json")
    assert code == EXIT_OK, err
    assert json.loads(out) == {"campaign_id": cid, "period": "2026", "rows": 3, "written": 3,
                               "units": ["31147", "31147-KV1"]}
    with open_store(db) as s:
        held = current_results(s, list(targets.values()), "2026")
    assert held[(targets[2], "31147", "2026")]["value"] == 105.5
    assert (held[(targets[3], "31147-KV1", "2026")]["value"], held[(targets[3], "31147-KV1", "2026")]["note"]) == (
        1.2, "ước tính")
    assert (held[(targets[5], "31147", "2026")]["value"], held[(targets[5], "31147", "2026")]["sub_value"]) == (3, 2)
    # imported again with a corrected figure: the current result is changed, not doubled
    f.write_text("unit,target,value\n31147,2,110\n", encoding="utf-8")
    assert run(capsys, "--db", db, "results", "import", "--campaign", cid, "--period", "2026", str(f))[0] == EXIT_OK
    with open_store(db) as s:
        rows = s.rows("target_results", "target_id = ? AND unit_code = ? AND period = ?", [targets[2], "31147", "2026"])
    assert [r["value"] for r in rows] == [110]


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("unit,target,value\n31147,1,5\n31147,2,abc\n", "Dòng 3: Kết quả của chỉ tiêu “Thu ngân sách nhà nước trên địa bàn”: “abc” không phải là số"),
        ("unit,target,value\n92,2,5\n", "Dòng 2: Đơn vị 92 không phải đơn vị này hay đơn vị trực thuộc"),
        ("unit,target,value\n31147,77,5\n", "Dòng 2: Phong trào không có chỉ tiêu “77”"),
        ("unit,target,value,sub_value\n31147,3,5,2\n", "Chỉ tiêu “Tỷ lệ hộ nghèo” không có số “trong đó”"),
        ("unit,target,value,sub_value\n31147,5,-1,\n", "số đếm không được âm"),
        ("unit,value\n31147,5\n", "thiếu cột target"),
        ("", "trống"),
    ],
)
def test_import_refusals_save_nothing(capsys, db, tmp_path, csv_text, message):
    cid, _targets = campaign(db)
    f = tmp_path / "sai.csv"
    f.write_text(csv_text, encoding="utf-8")
    before = results(db)
    code, out, err = run(capsys, "--db", db, "results", "import", "--campaign", cid[:8], "--period", "2026", str(f))
    assert code == EXIT_REFUSED and out == "" and message in err and "Traceback" not in err
    assert results(db) == before


def test_import_refuses_unknown_campaign_period_file_and_encoding(capsys, db, tmp_path):
    cid, _targets = campaign(db)
    f = tmp_path / "a.csv"
    f.write_text("unit,target,value\n31147,1,5\n", encoding="utf-8")
    legacy = tmp_path / "b.csv"
    legacy.write_bytes("đơn vị,chỉ tiêu,kết quả\n".encode("cp1258", errors="replace") + b"\xe0\xe1\n")
    before = results(db)
    for argv, message in (
        (["--campaign", "zzzzzzzz", "--period", "2026", str(f)], "Không tìm thấy phong trào"),
        (["--campaign", cid, "--period", "2026-H3", str(f)], "Kỳ báo cáo “2026-H3” không hợp lệ"),
        (["--campaign", cid, "--period", "2026", str(tmp_path / "khong-co.csv")], "khong-co.csv"),
        (["--campaign", cid, "--period", "2026", str(legacy)], "không phải văn bản UTF-8"),
    ):
        code, _out, err = run(capsys, "--db", db, "results", "import", *argv)
        assert code == EXIT_REFUSED and message in err and "Traceback" not in err, (argv, err)
    assert results(db) == before


def test_set_one_value_and_clear_it(capsys, db):
    cid, targets = campaign(db)
    code, out, err = run(capsys, "--db", db, "results", "set", "--campaign", cid[:8], "--period", "2026",
                         "--target", "5", "3", "--sub", "2", "--note", "Khu vực 1, 2", "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert (data["target_id"], data["unit_code"], data["value"], data["sub_value"], data["note"]) == (
        targets[5], "31147", 3, 2, "Khu vực 1, 2")
    code, out, err = run(capsys, "--db", db, "results", "set", "--campaign", cid[:8], "--period", "2026",
                         "--target", "Công nhận khu vực đạt chuẩn văn minh đô thị", "--unit", "31147")
    assert code == EXIT_OK and out.startswith("Đã xóa kết quả")
    with open_store(db) as s:
        assert not current_results(s, [targets[5]], "2026")


def test_set_refuses_a_unit_it_has_no_authority_over_and_bad_values(capsys, db):
    cid, _targets = campaign(db)
    before = results(db)
    for argv, message in (
        (["--target", "2", "5", "--unit", "92"], "Đơn vị 92 không phải đơn vị này"),
        (["--target", "2", "7,5,3"], "có nhiều hơn một dấu phẩy"),
        (["--target", "3", "1", "--sub", "1"], "không có số “trong đó”"),
        (["--target", "zzz", "1"], "Phong trào không có chỉ tiêu “zzz”"),
    ):
        code, _out, err = run(capsys, "--db", db, "results", "set", "--campaign", cid, "--period", "2026", *argv)
        assert code == EXIT_REFUSED and message in err and "Traceback" not in err, (argv, err)
    assert results(db) == before


def test_a_target_named_by_the_beginning_of_its_name(capsys, db):
    """As a person writes it: "Tỷ lệ hộ nghèo" for "Tỷ lệ hộ nghèo (theo tiêu chuẩn nghèo đa chiều …)"; a beginning
    several targets share is refused, naming them."""
    cid, targets = campaign(db)
    with open_store(db) as s:
        measures = {int(t["seq"]): t["measure"] for t in s.rows("targets", "campaign_id = ?", [cid])}
    words = measures[5].split()
    prefix = next(" ".join(words[:n]) for n in range(1, len(words) + 1)
                  if sum(m.lower().startswith(" ".join(words[:n]).lower()) for m in measures.values()) == 1)
    code, out, err = run(capsys, "--db", db, "results", "set", "--campaign", cid[:8], "--period", "2026",
                         "--target", prefix.lower(), "4", "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["target_id"] == targets[5]
    shared = measures[5].split()[0]
    if sum(m.startswith(shared) for m in measures.values()) > 1:
        before = results(db)
        code, out, err = run(capsys, "--db", db, "results", "set", "--campaign", cid[:8], "--period", "2026",
                             "--target", shared, "4")
        assert code == EXIT_REFUSED and "có nhiều chỉ tiêu trùng" in err and results(db) == before


def test_show_gives_each_year_and_the_figure_to_date_of_a_five_year_plan(capsys, tmp_path):
    db = str(tmp_path / "phuong.sqlite")
    with open_store(db) as s:
        init_unit(s, code="31147")
        cid = save_campaign(s, {"name": "Kế hoạch giai đoạn 2021 - 2025", "campaign_type": "regular", "year": 2021,
                                "start_date": "2021-01-01", "end_date": "2025-12-31"}, [
            {"key": 1, "measure": "Đường giao thông nông thôn", "comparator": "at_least", "value": 50, "unit": "km",
             "rollup": "sum"},
            {"key": 2, "measure": "Nước sạch", "comparator": "at_least", "value": 95, "unit": "%", "rollup": "mean"},
            {"key": 3, "parent": 2, "measure": "Khu vực đô thị", "comparator": "at_least", "value": 100, "unit": "%",
             "rollup": "mean"},
        ])
    for period, target, value in (("2021", "1", "10"), ("2022", "1", "12,5"), ("2022", "2", "93"),
                                  ("2022", "3", "99"), ("2023", "1", "9")):
        code, _out, err = run(capsys, "results", "set", "--db", db, "--campaign", cid[:8], "--period", period,
                              "--target", target, value)
        assert code == EXIT_OK, err
    code, out, err = run(capsys, "--db", db, "results", "show", "--campaign", cid[:8], "--period", "2023")
    assert code == EXIT_OK, err
    lines = out.splitlines()
    assert lines[0] == "Kế hoạch giai đoạn 2021 - 2025 — Lũy kế đến hết năm 2023 (giai đoạn 2021–2025)"
    assert lines[2] == "1. Đường giao thông nông thôn — chỉ tiêu: Từ 50 km trở lên"
    assert lines[3].strip() == "2021: 10 · 2022: 12,5 · 2023: 9"
    assert lines[4].strip().startswith("Đang thực hiện: lũy kế đến hết năm 2023 là 31,5 km")
    assert "3. ↳ Khu vực đô thị — chỉ tiêu: Từ 100 % trở lên" in lines
    code, out, err = run(capsys, "results", "show", "--campaign", cid[:8], "--period", "2025", "--json", "--db", db)
    data = json.loads(out)
    assert data["window"] == [2021, 2025]
    road, water, urban = data["targets"]
    assert (road["cumulative"], road["status"], road["years"]["2023"], road["years"]["2025"]) == (31.5, "not_reached", 9, None)
    assert (water["cumulative"], urban["depth"], urban["parent_target_id"]) == (93, 1, water["target_id"])
    assert urban["status"] == "not_reached"
