import json
import os
import subprocess
import sys
import unicodedata

import pytest

from tdkt_desktop.cli import EXIT_REFUSED, EXIT_USAGE, main
from tests.conftest import seed_text


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_from_the_official_list_records_the_upper_office(capsys, db_path):
    code, out, err = run(capsys, "init", "--db", str(db_path), "--unit", "31147", "--operator", "Nguyễn Thị Thu Hà")
    assert code == 0, err
    assert "Phường Tân An" in out and "Thành phố Cần Thơ" in out
    from tdkt_desktop.store import open_store

    with open_store(db_path) as s:
        assert s.unit_code == "31147"
        assert s.self_unit()["parent_code"] == "92"
        assert s.unit_by_code("92")["level"] == "province"
        assert s.meta("operator") == "Nguyễn Thị Thu Hà"
    # idempotent for the same unit; refused for another
    assert run(capsys, "init", "--db", str(db_path), "--unit", "31147")[0] == 0
    code, _, err = run(capsys, "init", "--db", str(db_path), "--unit", "31150")
    assert code == EXIT_REFUSED and "đã thuộc đơn vị 31147" in err


def test_init_custom_sub_unit_under_a_commune(capsys, db_path):
    code, out, err = run(capsys, "init", "--db", str(db_path), "--unit", "31147-TH1", "--name", "Trường Tiểu học Tân An 1",
                         "--level", "school", "--parent", "31147")
    assert code == 0, err
    assert "Trường Tiểu học Tân An 1" in out and "Phường Tân An" in out


def test_init_legacy_district_office(capsys, db_path):
    code, out, err = run(capsys, "init", "--db", str(db_path), "--unit", "916", "--legacy")
    assert code == 0, err
    assert "Quận Ninh Kiều" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["init", "--unit", "99999"], "không có trong danh mục"),
        (["init", "--unit", "X1", "--name", "Trường A", "--level", "truong", "--parent", "31147"], "Cấp, loại đơn vị"),
        (["init", "--unit", "X1", "--name", "Trường A", "--level", "school", "--parent", "00000"], "cấp trên"),
    ],
)
def test_init_bad_input(capsys, db_path, args, message):
    code, _, err = run(capsys, *args, "--db", str(db_path))
    assert code == EXIT_REFUSED
    assert message in err


def test_demo_then_stats_json_counts_every_kind(capsys, db_path):
    code, out, err = run(capsys, "demo", "--db", str(db_path))
    assert code == 0, err
    code, out, _ = run(capsys, "stats", "--db", str(db_path), "--json")
    stats = json.loads(out)
    assert set(stats) >= {"campaigns", "targets", "target_results", "registrations", "people", "collectives",
                          "households", "nominations", "vote_sessions", "decisions"}
    assert stats["campaigns"] == 3 and stats["decisions"] == 1 and stats["vote_sessions"] == 1
    assert all(stats[k] > 0 for k in stats)
    # a second demo on a filled database is refused
    code, _, err = run(capsys, "demo", "--db", str(db_path))
    assert code == EXIT_REFUSED and "--force" in err


def test_demo_covers_every_comparator_and_two_periods(demo_store):
    comparators = {t["comparator"] for t in demo_store.rows("targets")}
    assert comparators == {"at_least", "at_most", "range", "exact", "count", "rate", "completion"}
    periods = {r["period"] for r in demo_store.rows("target_results")}
    assert {"2026-H1", "2026"} <= periods
    decision = demo_store.rows("decisions")[0]
    awardees = demo_store.rows("decision_awardees", order_by="so_vang")
    assert [a["so_vang"] for a in awardees] == list(range(1, len(awardees) + 1))
    assert decision["total_amount"] == sum(a["amount"] for a in awardees)
    assert all(a["amount"] % 10000 == 0 for a in awardees)
    assert demo_store.rows("votes")


@pytest.mark.sqlite_only  # tdkt check reads the file itself
def test_check_reports_schema_and_integrity(capsys, db_path):
    run(capsys, "init", "--db", str(db_path), "--unit", "31147")
    code, out, _ = run(capsys, "check", "--db", str(db_path), "--json")
    result = json.loads(out)
    assert code == 0 and result["ok"] is True and result["schema_version"] == result["code_schema_version"]
    code, out, _ = run(capsys, "check", "--db", str(db_path))
    assert "Toàn vẹn dữ liệu: tốt." in out


def test_commands_on_a_missing_database_say_how_to_start(capsys, tmp_path):
    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "none.sqlite"))
    assert code == EXIT_REFUSED and "tdkt init" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_parse_targets_seed_000_json(capsys, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text("000_"), encoding="utf-8")
    code, out, err = run(capsys, "parse-targets", str(path), "--json")
    assert code == 0, err
    items = [json.loads(line) for line in out.splitlines()]
    assert len(items) == 10
    first = items[0]["spec"]
    assert first["comparator"] == "range" and first["value"] == 9.5 and first["value_high"] == 10
    assert items[5]["spec"]["comparator"] == "at_most" and items[5]["spec"]["value"] == 0.36
    assert items[7]["spec"]["comparator"] == "count" and items[7]["spec"]["value"] == 5


def test_parse_targets_nfd_file_and_not_understood_items(capsys, tmp_path):
    text = "- Tỷ lệ hộ nghèo còn dưới 0,5%;\n- Giữ vững ổn định chính trị;\n- 17 bác sĩ/vạn dân."
    path = tmp_path / "t.txt"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    code, out, _ = run(capsys, "parse-targets", str(path), "--raw")
    assert code == 0
    assert "Tỷ lệ hộ nghèo" in out and "KHÔNG HIỂU" in out


def test_parse_targets_bad_files(capsys, tmp_path):
    legacy = tmp_path / "tcvn3.txt"
    legacy.write_bytes("Tû lÖ hé nghÌo".encode("latin-1", errors="replace") + b"\xff\xfe\x80")
    code, _, err = run(capsys, "parse-targets", str(legacy))
    assert code == EXIT_REFUSED and "UTF-8" in err
    code, _, err = run(capsys, "parse-targets", str(tmp_path / "none.txt"))
    assert code == EXIT_REFUSED and "Không tìm thấy tệp" in err


def test_usage_errors_are_vietnamese(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["init"])
    assert exc.value.code == EXIT_USAGE
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


def test_start_without_a_display_says_how_to_run(capsys, db_path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    code, out, err = run(capsys, "--db", str(db_path))
    assert code == EXIT_REFUSED
    assert "Không có màn hình" in err and "xvfb-run" in err
    assert "Đã tạo cơ sở dữ liệu mẫu" in out  # the demo database is ready for the next start
    from tdkt_desktop.store import open_store

    with open_store(db_path) as s:
        assert s.count("campaigns") == 3


def test_real_process_never_prints_a_traceback(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    for args in (["stats", "--db", str(tmp_path / "x.sqlite")], ["init", "--unit", "abc", "--db", str(tmp_path / "y.sqlite")],
                 ["parse-targets", str(tmp_path / "missing.txt")]):
        proc = subprocess.run([sys.executable, "-m", "tdkt_desktop", *args], capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == EXIT_REFUSED, proc.stderr
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("Lỗi:")


def test_a_bundle_file_alone_opens_the_application_on_it(capsys, db_path, tmp_path, monkeypatch):
    bundle = tmp_path / "goi-31147-gui-92.tdktgoi"
    bundle.write_bytes(b"x")
    seen = {}

    def fake_run_gui(path, open_path=None):
        seen["path"], seen["open"] = path, open_path
        return 0

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    import tdkt_desktop.gui.app as app

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    assert main(["--db", str(db_path), str(bundle)]) == 0
    assert seen == {"path": db_path, "open": bundle}
    code, _, err = run(capsys, "--db", str(db_path), str(tmp_path / "missing.tdktgoi"))
    assert code == EXIT_REFUSED and "Không tìm thấy tệp" in err


def test_demo_for_another_unit_uses_its_own_names_and_codes(capsys, db_path):
    assert main(["init", "--unit", "27031", "--db", str(db_path)]) == 0  # Phường Tân Phú, TP Hồ Chí Minh
    assert main(["demo", "--db", str(db_path)]) == 0
    from tdkt_desktop.store import open_store

    with open_store(db_path) as s:
        codes = {u["code"] for u in s.rows("units")}
        assert "27031-TH1" in codes and not any(c.startswith("31147") for c in codes)
        texts = " ".join(str(v) for t in ("units", "collectives", "people") for r in s.rows(t) for v in r.values())
        assert "Tân Phú" in texts and "Tân An" not in texts
        assert all("Hồ Chí Minh" in p["residence"] for p in s.rows("people"))  # (hometowns may be anywhere)


def test_a_bug_is_logged_in_the_one_bug_log_and_its_path_printed(capsys, db_path, monkeypatch):
    import tdkt_desktop.cli as cli
    import tdkt_desktop.cli.database as database
    from tdkt_desktop.logs import bug_log_path

    def broken(_args):
        raise ZeroDivisionError("chia cho 0")

    monkeypatch.setattr(database, "cmd_stats", broken)
    code, _, err = run(capsys, "stats", "--db", str(db_path))
    assert code == cli.EXIT_BUG
    assert "Traceback" not in err and str(bug_log_path()) in err
    assert "ZeroDivisionError: chia cho 0" in bug_log_path().read_text(encoding="utf-8")
