"""Every command of ``tdkt``, enumerated from the parser, has a test with good input and tests with bad input —
an unknown id, a wrong kind, a malformed value, a field or record this unit has no authority over, a missing or
wrong file — each checking the Vietnamese message, the exit code, and that nothing in the database changed.

The bad inputs run here, on a copy of the demo ward (Phường Tân An, 31147, under Thành phố Cần Thơ, 92). The good
input of a command is the test named in :data:`GOOD`, which runs it as a user would and checks its result; a
command added to ``tdkt`` without both fails :func:`test_every_command_has_good_and_bad_input`."""

from __future__ import annotations

import argparse
import ast
import json
from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, build_parser, main
from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES
from tests.server_engine import server_engine

UNIT_TESTS = Path(__file__).resolve().parent


def leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = leaf_commands(sub, (*prefix, name))
                found |= inner or {(*prefix, name)}
    return found


# The test that runs each command with good input and checks what it did ("file::function").
GOOD: dict[tuple[str, ...], str] = {
    ("start",): "test_packaging.py::test_installed_program_without_arguments_starts_without_demo_data",
    ("init",): "test_cli.py::test_init_from_the_official_list_records_the_upper_office",
    ("demo",): "test_cli.py::test_demo_then_stats_json_counts_every_kind",
    ("units", "search"): "test_cli_every_command.py::test_units_search_finds_a_ward_by_its_name_without_tones",
    ("stats",): "test_cli.py::test_demo_then_stats_json_counts_every_kind",
    ("check",): "test_cli.py::test_check_reports_schema_and_integrity",
    ("backup",): "test_backups.py::test_second_folder_gets_a_verified_copy_and_a_missing_stick_is_a_warning",
    ("restore",): "test_backups.py::test_restore_keeps_the_current_data_and_gives_a_new_identity",
    ("records", "kinds"): "test_records_cli.py::test_kinds_and_fields_name_every_kind_in_both_languages",
    ("records", "fields"): "test_records_cli.py::test_kinds_and_fields_name_every_kind_in_both_languages",
    ("records", "list"): "test_records_cli.py::test_list_filters_search_without_tones_and_json",
    ("records", "show"): "test_naming.py::test_exports_records_and_search_say_what_the_screens_say",
    ("records", "add"): "test_records_cli.py::test_add_one_or_many_all_or_nothing",
    ("records", "update"): "test_records_cli.py::test_update_by_short_id_with_vietnamese_values_then_audit",
    ("records", "delete"): "test_records_cli.py::test_delete_then_undelete_keeps_a_tombstone_and_the_log",
    ("records", "undelete"): "test_records_cli.py::test_delete_then_undelete_keeps_a_tombstone_and_the_log",
    ("records", "import"): "test_records_import_cli.py::test_a_wards_own_list_as_csv_dry_run_then_for_real",
    ("audit",): "test_records_cli.py::test_update_by_short_id_with_vietnamese_values_then_audit",
    ("nominations", "submit"): "test_workflow_cli.py::test_submit_a_nomination_meeting_everything_needs_no_reason",
    ("appraise", "receive"): "test_workflow_cli.py::test_appraisal_cycle_receive_check_approve_return_reject",
    ("appraise", "check"): "test_workflow_cli.py::test_appraisal_cycle_receive_check_approve_return_reject",
    ("appraise", "approve"): "test_workflow_cli.py::test_appraisal_cycle_receive_check_approve_return_reject",
    ("appraise", "return"): "test_workflow_cli.py::test_appraisal_cycle_receive_check_approve_return_reject",
    ("appraise", "reject"): "test_workflow_cli.py::test_appraisal_cycle_receive_check_approve_return_reject",
    ("council", "add"): "test_workflow_cli.py::test_council_meeting_and_vote",
    ("council", "vote"): "test_workflow_cli.py::test_council_meeting_and_vote",
    ("decisions", "issue"): "test_workflow_cli.py::test_decision_issued_with_the_number_from_the_register",
    ("results", "import"): "test_results_cli.py::test_import_a_period_from_csv_in_vietnamese",
    ("results", "set"): "test_results_cli.py::test_set_one_value_and_clear_it",
    ("results", "show"): "test_results_cli.py::test_show_gives_each_year_and_the_figure_to_date_of_a_five_year_plan",
    ("registrations", "add"): "test_registrations_cli.py::test_register_filtered_people_all_people_and_a_file",
    ("parse-targets",): "test_cli.py::test_parse_targets_seed_000_json",
    ("directive", "read"): "test_directive_cli.py::test_directive_read_shows_every_field_with_its_confidence",
    ("directive", "import"): "test_directive_cli.py::test_directive_import_creates_the_campaign_with_flags_kept",
    ("awards", "list"): "test_rules_cli.py::test_awards_cancel_list_recover_and_print",
    ("awards", "cancel"): "test_rules_cli.py::test_awards_cancel_list_recover_and_print",
    ("awards", "cancellations"): "test_rules_cli.py::test_awards_cancel_list_recover_and_print",
    ("awards", "recovered"): "test_rules_cli.py::test_awards_cancel_list_recover_and_print",
    ("print",): "test_print_records.py::test_print_cli_list_and_single_document",
    ("sign",): "test_signing.py::test_cli_sign_and_verify",
    ("verify",): "test_signing.py::test_cli_sign_and_verify",
    ("keys", "export"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("keys", "show"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("keys", "rotate"): "test_cli_every_command.py::test_keys_rotate_keeps_the_unit_and_changes_the_fingerprint",
    ("keys", "revoke"): "test_keys_at_rest.py::test_upper_office_revokes_a_lost_computer_s_key",
    ("keys", "new"): "test_keys_at_rest.py::test_lost_key_file_says_what_to_do_and_new_keys_need_a_new_enrolment",
    ("keys", "protect"): "test_keys_at_rest.py::test_passphrase_protects_the_key_file",
    ("enroll",): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("bundle", "export"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("bundle", "import"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("bundle", "status"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("bundle", "held"): "test_sync_cli.py::test_held_bundles_exit_code_and_retry",
    ("conflicts", "list"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("conflicts", "resolve"): "test_sync_cli.py::test_enrol_export_import_and_conflicts",
    ("excel", "export"): "test_excel_cli.py::test_export_views",
    ("excel", "import"): "test_excel_cli.py::test_import_dry_run_json_then_for_real",
    ("report",): "test_report_cli.py::test_form_0601N_pdf",
    ("rules", "show"): "test_rules_cli.py::test_rules_show_one_title",
    ("rules", "sources"): "test_rules_cli.py::test_rules_sources_lists_every_document",
    ("server", "init"): "test_server_office.py::office",
    ("server", "add-officer"): "test_server_office.py::office",
    ("server", "officers"): "test_server_office.py::test_each_officer_signs_in_and_is_named_in_the_audit_log_by_the_server",
    ("server", "migrate"): "test_server_office.py::test_a_province_moved_onto_the_server_sends_its_wards_the_same_rows",
    ("server", "lock-officer"): "test_server_office.py::test_a_locked_or_unknown_login_is_refused",
    ("server", "unlock-officer"): "test_server_office.py::test_a_locked_or_unknown_login_is_refused",
    ("server", "restored"): "test_server_office.py::test_a_database_restored_from_a_dump_takes_a_new_identity",
}

Z = "zzzzzzzz"  # an id nothing has
NOT_FOUND = "Không tìm thấy"
NOT_SERVER = "không phải địa chỉ cơ sở dữ liệu máy chủ"
NO_DB = "Chưa có cơ sở dữ liệu tại"

# Bad input for each command: (command, rest of the command line, exit code, what the message must say). Fields in
# braces are filled by the ``world`` fixture: ids of the demo and files made for the test.
BAD: list[tuple[tuple[str, ...], list[str], int, str]] = [
    (("start",), ["{tmp}/khong-co.tdktgoi"], EXIT_REFUSED, "Không tìm thấy tệp"),
    (("init",), ["--unit", "31135"], EXIT_REFUSED, "Cơ sở dữ liệu này đã thuộc đơn vị 31147"),  # never replaced
    (("init",), ["--db", "{tmp}/moi.sqlite", "--unit", "99999"], EXIT_REFUSED, "99999"),
    (("demo",), [], EXIT_REFUSED, "đã có dữ liệu"),
    (("units", "search"), ["--limit", "7,5", "tan"], EXIT_USAGE, "tham số --limit: '7,5' không phải số nguyên"),
    (("stats",), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("check",), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("backup",), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("restore",), ["{tmp}/khong-co.sqlite", "--yes"], EXIT_REFUSED, "khong-co.sqlite"),
    (("records", "kinds"), ["--bogus"], EXIT_USAGE, "tham số không hợp lệ: --bogus"),
    (("records", "fields"), ["khong-co"], EXIT_REFUSED, "Không có loại bản ghi “khong-co”"),
    (("records", "list"), ["khong-co"], EXIT_REFUSED, "Không có loại bản ghi “khong-co”"),
    (("records", "list"), ["people", "--where", "birth_date=31/02/1980"], EXIT_REFUSED, "không có trên lịch"),
    (("records", "list"), ["people", "--where", "khong_co=1"], EXIT_REFUSED, "khong_co"),
    (("records", "show"), ["people", Z], EXIT_REFUSED, f"{NOT_FOUND} cá nhân có mã “{Z}”"),
    (("records", "show"), ["collectives", "{person}"], EXIT_REFUSED, NOT_FOUND),  # a person's id as a collective
    (("records", "add"), ["people", "--file", "{tmp}/sai-ngay.json"], EXIT_REFUSED, "không có trên lịch"),
    (("records", "add"), ["khong-co", "--file", "{tmp}/sai-ngay.json"], EXIT_REFUSED, "Không có loại bản ghi"),
    (("records", "add"), ["people", "--file", "{tmp}/hong.json"], EXIT_REFUSED, "không phải JSON hợp lệ"),
    (("records", "add"), ["people", "--file", "{tmp}/mot-dung-mot-sai.json"], EXIT_REFUSED,
     "Bản ghi thứ 2:"),
    (("records", "update"), ["people", Z, "--set", "position=Tổ trưởng"], EXIT_REFUSED, NOT_FOUND),
    (("records", "update"), ["people", "{person}", "--set", "birth_date=7,5"], EXIT_REFUSED, "Ngày sinh"),
    (("records", "update"), ["people", "{person}", "--set", "members_count=5"], EXIT_REFUSED, "members_count"),
    (("records", "update"), ["campaigns", "{province_campaign}", "--set", "name=Phong trào khác"], EXIT_REFUSED,
     "không có quyền sửa"),
    (("records", "update"), ["nominations", "{province_title}", "--set", "status=decided"], EXIT_REFUSED,
     "do 92 thẩm định và quyết định"),
    (("records", "delete"), ["people", Z], EXIT_REFUSED, NOT_FOUND),
    (("records", "delete"), ["campaigns", "{province_campaign}"], EXIT_REFUSED, "không có quyền sửa"),
    (("records", "undelete"), ["people", "{person}"], EXIT_REFUSED, "chưa bị xóa"),
    (("records", "undelete"), ["people", Z], EXIT_REFUSED, NOT_FOUND),
    (("records", "import"), ["ratings", "{tmp}/ds.csv"], EXIT_REFUSED, "Chưa nhập được xếp loại"),
    (("records", "import"), ["people", "{tmp}/ds-sai.csv"], EXIT_REFUSED, "Dòng 2, cột Ngày sinh"),
    (("audit",), ["--since", "31/02/2026"], EXIT_REFUSED, "không có trên lịch"),
    (("audit",), ["--kind", "khong-co"], EXIT_REFUSED, "Không có loại bản ghi"),
    (("nominations", "submit"), [Z], EXIT_REFUSED, NOT_FOUND),
    (("nominations", "submit"), ["{submitted}", "--date", "7,5"], EXIT_REFUSED, "--date"),
    (("appraise", "receive"), [Z], EXIT_REFUSED, NOT_FOUND),
    (("appraise", "receive"), ["{province_title}"], EXIT_REFUSED, "do Thành phố Cần Thơ (92) thẩm định"),
    (("appraise", "check"), ["{submitted}", "--date", "7,5"], EXIT_REFUSED, "--date"),
    (("appraise", "approve"), ["{province_title}"], EXIT_REFUSED, "do Thành phố Cần Thơ (92) thẩm định"),
    (("appraise", "approve"), ["{submitted}"], EXIT_REFUSED, "nên không thể đồng ý khen thưởng"),
    (("appraise", "return"), [Z, "--reason", "Thiếu hồ sơ"], EXIT_REFUSED, NOT_FOUND),
    (("appraise", "reject"), ["{province_title}", "--reason", "Không đạt"], EXIT_REFUSED, "do Thành phố Cần Thơ"),
    (("council", "add"), ["--date", "10/12/2026", "--members", "7,5", "--present", "5"], EXIT_REFUSED,
     "Tổng số thành viên"),
    (("council", "vote"), [Z, "{submitted}", "--for", "5"], EXIT_REFUSED, NOT_FOUND),
    (("decisions", "issue"), ["--nominations", "{submitted}", "--date", "20/12/2026", "--signer", "A",
                              "--signer-title", "Chủ tịch"], EXIT_REFUSED, "nên không thể đưa vào quyết định"),
    (("decisions", "issue"), ["--nominations", "{province_title}", "--date", "20/12/2026", "--signer", "A",
                              "--signer-title", "Chủ tịch"], EXIT_REFUSED, "do Thành phố Cần Thơ"),
    (("results", "import"), ["--campaign", Z, "--period", "2026", "{tmp}/ket-qua.csv"], EXIT_REFUSED, "zzzzzzzz"),
    (("results", "set"), ["--campaign", "{campaign}", "--period", "2026", "--target", "1", "7,5,5"], EXIT_REFUSED,
     "7,5,5"),
    (("results", "set"), ["--campaign", "{campaign}", "--period", "2026", "--target", "1", "5", "--unit", "92"],
     EXIT_REFUSED, "92"),
    (("results", "show"), ["--campaign", "{campaign}", "--period", "2026-H3"], EXIT_REFUSED, "2026-H3"),
    (("results", "show"), ["--campaign", "{campaign}", "--period", "2026", "--unit", "99999"], EXIT_REFUSED, "99999"),
    (("registrations", "add"), ["--campaign", "{campaign}", "--title", "KHONG_CO", "--all-people"], EXIT_REFUSED,
     "KHONG_CO"),
    (("parse-targets",), ["{tmp}/khong-co.txt"], EXIT_REFUSED, "khong-co.txt"),
    (("directive", "read"), ["{tmp}/khong-co.docx"], EXIT_REFUSED, "khong-co.docx"),
    (("directive", "import"), ["{tmp}/khong-co.docx"], EXIT_REFUSED, "khong-co.docx"),
    (("awards", "list"), ["--decision", Z], EXIT_REFUSED, NOT_FOUND),
    (("awards", "cancel"), [Z, "--date", "15/01/2026", "--ground", "a", "--reason", "Gian dối", "--signer", "A",
                            "--signer-title", "Chủ tịch", "--yes"], EXIT_REFUSED, NOT_FOUND),
    (("awards", "cancel"), ["{awardee}", "--date", "31/02/2026", "--ground", "a", "--reason", "Gian dối",
                            "--signer", "A", "--signer-title", "Chủ tịch", "--yes"], EXIT_REFUSED,
     "không có trên lịch"),
    (("awards", "cancellations"), ["--bogus"], EXIT_USAGE, "tham số không hợp lệ: --bogus"),
    (("awards", "recovered"), [Z, "--date", "01/02/2026"], EXIT_REFUSED, NOT_FOUND),
    (("print",), ["khong_co_mau", "--id", "{person}", "--out", "{tmp}/a.pdf"], EXIT_REFUSED, "khong_co_mau"),
    (("print",), ["quyet_dinh", "--id", Z, "--out", "{tmp}/a.pdf"], EXIT_REFUSED, NOT_FOUND),
    (("sign",), ["{tmp}/khong-co.pdf", "--out", "{tmp}/ky.pdf"], EXIT_REFUSED, "Chọn một nguồn chứng thư số"),
    (("verify",), ["{tmp}/hong.json"], EXIT_REFUSED, "KHÔNG HỢP LỆ: tệp hỏng hoặc đã bị sửa, không đọc được như PDF"),
    (("keys", "show"), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("keys", "export"), ["--out", "{db}"], EXIT_REFUSED, "cơ sở dữ liệu"),  # never over the open database
    (("keys", "rotate"), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("keys", "revoke"), ["--reason", "mất máy"], EXIT_REFUSED, "--yes"),
    (("keys", "new"), [], EXIT_REFUSED, "hãy chạy lại lệnh với --yes"),
    (("keys", "protect"), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("enroll",), ["{tmp}/hong.json", "--yes"], EXIT_REFUSED, "Tệp đăng ký khóa không hợp lệ"),
    (("bundle", "export"), ["--to", "99999", "--out", "{tmp}/goi.tdktgoi"], EXIT_REFUSED, "99999"),
    (("bundle", "import"), ["{tmp}/hong.json"], EXIT_REFUSED, "không phải gói dữ liệu TĐKT"),
    (("bundle", "status"), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("bundle", "held"), ["--drop", "999"], EXIT_REFUSED, "999"),
    (("conflicts", "list"), ["--db", "{tmp}/khong-co.sqlite"], EXIT_REFUSED, NO_DB),
    (("conflicts", "resolve"), ["999", "--keep", "kept"], EXIT_REFUSED, "999"),
    (("excel", "export"), ["people", "--out", "{db}"], EXIT_REFUSED, "cần có đuôi .xlsx"),
    (("excel", "export"), ["people", "--campaign", Z, "--out", "{tmp}/a.xlsx"], EXIT_REFUSED, Z),
    (("excel", "import"), ["{tmp}/ds-sai.csv", "--kind", "people"], EXIT_REFUSED, "Dòng 2, cột Ngày sinh"),
    (("report",), ["0601N", "--period", "7,5", "--out", "{tmp}/bieu.pdf"], EXIT_REFUSED, "7,5"),
    (("rules", "show"), ["--date", "31/02/2026"], EXIT_REFUSED, "không có trên lịch"),
    (("rules", "sources"), ["--bogus"], EXIT_USAGE, "tham số không hợp lệ: --bogus"),
    (("server", "init"), ["--unit", "92", "--admin-name", "Nguyễn Văn An"], EXIT_REFUSED, NOT_SERVER),
    (("server", "migrate"), ["{db}", "--admin-name", "Nguyễn Văn An"], EXIT_REFUSED, NOT_SERVER),
    (("server", "migrate"), ["{tmp}/khong-co.sqlite", "--to", "postgresql://a@/b", "--admin-name", "A"], EXIT_REFUSED,
     "Không tìm thấy tệp cơ sở dữ liệu"),
    (("server", "add-officer"), ["tranthib", "--name", "Trần Thị B"], EXIT_REFUSED, NOT_SERVER),
    (("server", "add-officer"), ["tranthib", "--name", "Trần Thị B", "--role", "giam_doc"], EXIT_USAGE, "giam_doc"),
    (("server", "officers"), [], EXIT_REFUSED, NOT_SERVER),
    (("server", "lock-officer"), ["tranthib"], EXIT_REFUSED, NOT_SERVER),
    (("server", "unlock-officer"), ["tranthib"], EXIT_REFUSED, NOT_SERVER),
    (("server", "restored"), [], EXIT_REFUSED, NOT_SERVER),
]


# Commands whose answer is a report on standard output, refusals included (a document's signatures, a bundle's rows).
REPORTS = {("verify",), ("bundle", "import")}


def _function_source(spec: str) -> str | None:
    file, _, name = spec.partition("::")
    path = UNIT_TESTS / file
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node)
    return None


def test_every_command_has_good_and_bad_input():
    commands = leaf_commands(build_parser())
    assert set(GOOD) == commands, "a command without a test of good input (GOOD) or a GOOD entry for no command"
    assert {c for c, *_ in BAD} == commands, "a command without a test of bad input (BAD)"
    for command, spec in GOOD.items():
        source = _function_source(spec)
        assert source is not None, f"{spec} (good input of tdkt {' '.join(command)}) does not exist"
        words = ", ".join(f'"{w}"' for w in command)
        assert words in source, f"{spec} does not run tdkt {' '.join(command)}"


@pytest.fixture
def world(demo_store, tmp_path):
    """The demo ward with a campaign its province issued, and the files the bad inputs name."""
    s = demo_store
    province_campaign = s.insert("campaigns", {"name": "Phong trào thi đua của Thành phố", "year": 2026,
                                               "issued_by": "92", "campaign_type": "regular"}, owner_unit="92")
    noms = s.rows("nominations")
    ids = {
        "db": str(s.path),
        "tmp": str(tmp_path),
        "person": next(r["id"] for r in s.rows("people") if r["full_name"] == "Trần Văn Bình")[:8],
        "submitted": next(n["id"] for n in noms if n["status"] == "submitted" and n["title_code"] == "LDTT")[:8],
        "province_title": next(n["id"] for n in noms if n["title_code"] == "BANG_KHEN_TINH")[:8],
        "campaign": next(c["id"] for c in s.rows("campaigns") if c["owner_unit"] == "31147")[:8],
        "province_campaign": province_campaign["id"][:8],
        "awardee": s.rows("decision_awardees")[0]["id"][:8],
    }
    s.close()
    (tmp_path / "sai-ngay.json").write_text(json.dumps({"full_name": "Lê Văn Bình", "birth_date": "31/02/1985"}),
                                            encoding="utf-8")
    (tmp_path / "mot-dung-mot-sai.json").write_text(json.dumps(
        [{"full_name": "Lê Văn Bình", "birth_date": "02/09/1985"}, {"full_name": "Lê Văn Cường", "birth_date": "7,5"}]),
        encoding="utf-8")
    (tmp_path / "hong.json").write_text("{\"full_name\": ", encoding="utf-8")
    (tmp_path / "ds.csv").write_text("Họ và tên,Ngày sinh\nNguyễn Văn Ấn,05/01/1980\n", encoding="utf-8")
    (tmp_path / "ds-sai.csv").write_text("Họ và tên;Ngày sinh\nNguyễn Văn Ấn;7,5\n", encoding="utf-8")
    (tmp_path / "ket-qua.csv").write_text("unit,target,value\n31147,1,5\n", encoding="utf-8")
    (tmp_path / "tep-thuong").write_text("không phải thư mục", encoding="utf-8")
    return ids


def snapshot(db: str) -> dict[str, list[str]]:
    with open_store(db) as s:
        state = {t: sorted(map(repr, s.rows(t, include_deleted=True))) for t in SYNCED_TABLES}
        state["audit_log"] = [repr(r) for r in s.db.execute("SELECT COUNT(*) FROM audit_log").fetchall()]
    return state


@pytest.mark.parametrize(("command", "rest", "code", "message"), BAD,
                         ids=[f"{' '.join(c)}-{i}" for i, (c, *_r) in enumerate(BAD)])
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(capsys, world, command, rest, code, message):
    if command == ("keys", "export") and server_engine():
        pytest.skip("SQLite only: a key file is never written over the open database file")
    argv = [*command, *(a.format(**world) for a in rest)]
    if "--db" not in argv:
        argv = ["--db", world["db"], *argv]
    before = snapshot(world["db"])
    try:
        got = main(argv)
    except SystemExit as exc:  # a usage error
        got = exc.code
    out, err = capsys.readouterr()
    assert got == code, (argv, out, err)
    assert "Traceback" not in out + err
    if command in REPORTS:
        assert message.format(**world) in out, (message, out)  # the command's report says what was refused
    else:
        assert err.startswith(("Lỗi: ", "Cách dùng: ")) and message.format(**world) in err, (message, err)
    assert snapshot(world["db"]) == before


def test_units_search_finds_a_ward_by_its_name_without_tones(capsys):
    assert main(["units", "search", "tan", "an", "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)
    assert any(u["code"] == "31147" and "Tân An" in u["name"] for u in found)


def test_units_search_lists_the_installations_own_province_first(capsys, tmp_path):
    """Fifteen provinces have a Tân An: an officer of Cần Thơ sees Cần Thơ's first, the others after."""
    db = str(tmp_path / "tinh.sqlite")
    assert main(["--db", db, "init", "--unit", "92"]) == EXIT_OK
    capsys.readouterr()
    assert main(["units", "search", "tan", "an", "--json"]) == EXIT_OK
    anywhere = [u["code"] for u in json.loads(capsys.readouterr().out)]
    for argv in (["--db", db, "units", "search", "tan", "an", "--json"], ["units", "search", "tan", "an", "--json", "--db", db]):
        assert main(argv) == EXIT_OK
        here = [u["code"] for u in json.loads(capsys.readouterr().out)]
        assert here[0] == "31147" and anywhere[0] != "31147"
        assert sorted(here) == sorted(anywhere)  # the same units, only in another order
    assert main(["--db", str(tmp_path / "khong-co.sqlite"), "units", "search", "tan", "an"]) == EXIT_OK
    assert not (tmp_path / "khong-co.sqlite").exists()


def test_keys_rotate_keeps_the_unit_and_changes_the_fingerprint(capsys, world):
    db = world["db"]
    assert main(["--db", db, "keys", "show", "--json"]) == EXIT_OK
    before = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "keys", "rotate"]) == EXIT_OK
    capsys.readouterr()
    assert main(["keys", "show", "--json", "--db", db]) == EXIT_OK
    after = json.loads(capsys.readouterr().out)
    assert after["unit_code"] == before["unit_code"] == "31147"
    assert after["fingerprint"] != before["fingerprint"]
