"""``tdkt nominations submit``, ``tdkt appraise …``, ``tdkt council …`` and ``tdkt decisions issue``: the same
services as the screens, good and bad input, and nothing changed when a command is refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from tdkt_desktop.core.rules import dossier_for, ruleset_for
from tdkt_desktop.store import council, office, open_store
from tdkt_desktop.store.db import SYNCED_TABLES
from tdkt_desktop.store.nominations import send_reason


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(demo_store):
    path = str(demo_store.path)
    demo_store.close()
    return path


def snapshot(db):
    with open_store(db) as s:
        return {t: sorted(map(repr, s.rows(t, include_deleted=True))) for t in SYNCED_TABLES}


def nomination(db, name, title, status):
    with open_store(db) as s:
        rows = [r for r in s.rows("nominations") if r["subject_name"] == name and r["title_code"] == title
                and r["status"] == status]
        assert rows, (name, title, status)
        return rows[0]


def row(db, table, record_id):
    with open_store(db) as s:
        return s.require(table, record_id)


# --------------------------------------------------------------------------- nominations submit


def test_submit_failing_nomination_needs_a_reason_and_records_it(capsys, db):
    nom = nomination(db, "Lê Thị Kim Ấn", "LDTT", "draft")
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, "nominations", "submit", nom["id"][:8])
    assert code == EXIT_REFUSED and out == ""
    assert "Lê Thị Kim Ấn chưa đạt: Chưa có xếp loại chất lượng năm 2026" in err
    assert "thiếu hồ sơ: Biên bản họp xét" in err and "--reason" in err and "Traceback" not in err
    assert snapshot(db) == before
    code, out, err = run(capsys, "nominations", "submit", nom["id"][:8], "--reason", "  Xếp loại bổ sung sau ",
                         "--date", "05/12/2026", "--json", "--db", db)
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert data == {"id": nom["id"], "status": "submitted", "send_reason": "Xếp loại bổ sung sau",
                    "submitted_on": "2026-12-05"}
    stored = row(db, "nominations", nom["id"])
    assert (stored["status"], send_reason(stored), stored["submitted_on"]) == (
        "submitted", "Xếp loại bổ sung sau", "2026-12-05")
    assert stored["status_reason"] is None  # the appraising office's field stays untouched


def test_the_reason_for_sending_a_failing_nomination_is_shown_to_the_appraising_office(capsys, db):
    nom = nomination(db, "Lê Thị Kim Ấn", "LDTT", "draft")
    code, _out, err = run(capsys, "--db", db, "nominations", "submit", nom["id"][:8], "--reason",
                          "Xếp loại bổ sung sau", "--date", "05/12/2026")
    assert code == EXIT_OK, err
    assert run(capsys, "--db", db, "appraise", "receive", nom["id"][:8])[0] == EXIT_OK
    code, out, err = run(capsys, "--db", db, "appraise", "check", nom["id"][:8], "--date", "15/01/2027")
    assert code == EXIT_OK, err
    assert "Đơn vị gửi lên ngày 05/12/2026 khi chưa đạt, lý do: Xếp loại bổ sung sau" in out
    code, out, err = run(capsys, "--db", db, "appraise", "check", nom["id"][:8], "--date", "15/01/2027", "--json")
    data = json.loads(out)
    assert data["sent"] == {"on": "2026-12-05", "reason": "Xếp loại bổ sung sau"}


def test_submit_a_nomination_meeting_everything_needs_no_reason(capsys, db):
    nom = nomination(db, "Lê Thị Kim Ấn", "LDTT", "draft")
    with open_store(db) as s:
        s.insert("ratings", {"subject_kind": "person", "subject_id": nom["subject_id"], "year": 2026,
                             "rating": "good"})
        rs = ruleset_for(dt.date(2026, 12, 31))
        items = {it.key: True for it in dossier_for(rs, "LDTT", subject_kind="person", award_kind=nom["award_kind"])}
        s.update("nominations", nom["id"], {"dossier_json": items})
    code, out, err = run(capsys, "--db", db, "nominations", "submit", nom["id"])
    assert code == EXIT_OK, err
    assert out.startswith("Đã gửi lên đề nghị khen thưởng Lê Thị Kim Ấn ngày ")
    stored = row(db, "nominations", nom["id"])
    assert stored["status"] == "submitted" and send_reason(stored) is None and stored["submitted_on"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nominations", "submit", "zzzzzzzz"], "Không tìm thấy đề nghị khen thưởng có mã “zzzzzzzz”"),
        (["nominations", "submit", "{decided}", "--reason", "x"], "đang ở trạng thái “Đã có quyết định” nên không thể gửi lên"),
        (["nominations", "submit", "{other}", "--reason", "x"], "là của đơn vị 31147-TH1; chỉ đơn vị lập đề nghị"),
        (["nominations", "submit", "{draft}", "--reason", "x", "--date", "31/02/2026"], "không có trên lịch"),
    ],
)
def test_submit_refusals_change_nothing(capsys, db, argv, message):
    ids = {
        "decided": nomination(db, "Trần Văn Bình", "LDTT", "decided")["id"],
        "other": nomination(db, "Châu Ngọc Trâm", "LDTT", "submitted")["id"],
        "draft": nomination(db, "Lê Thị Kim Ấn", "LDTT", "draft")["id"],
    }
    with open_store(db) as s:  # the school's nomination, back to a draft: still not this unit's to send
        s.update("nominations", ids["other"], {"status": "draft"})
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, *[a.format(**ids) for a in argv])
    assert code == EXIT_REFUSED and out == "" and message in err and "Traceback" not in err
    assert snapshot(db) == before


def test_submit_usage_error(capsys, db):
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "nominations", "submit"])
    assert exc.value.code == EXIT_USAGE
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


# --------------------------------------------------------------------------- appraise


def test_appraisal_cycle_receive_check_approve_return_reject(capsys, db):
    a = nomination(db, "Châu Ngọc Trâm", "LDTT", "submitted")["id"]
    b = nomination(db, "Lý Văn Lực", "LDTT", "submitted")["id"]
    code, out, err = run(capsys, "--db", db, "appraise", "receive", a[:8], b[:8], "--json")
    assert code == EXIT_OK, err
    assert [(r["id"], r["status"]) for r in json.loads(out)] == [(a, "received"), (b, "received")]
    code, out, err = run(capsys, "--db", db, "appraise", "check", a[:8], "--date", "15/01/2026", "--json")
    assert code == EXIT_OK, err
    result = json.loads(out)
    assert result["id"] == a and result["ok"] and result["decision_date"] == "2026-01-15"
    assert result["recommendation"] == "approve" and result["checks"]
    code, out, err = run(capsys, "--db", db, "appraise", "approve", a[:8])
    assert code == EXIT_OK and "Châu Ngọc Trâm" in out and "“Được đồng ý”" in out
    code, out, err = run(capsys, "--db", db, "appraise", "return", b[:8], "--reason", "Thiếu báo cáo thành tích",
                         "--json")
    assert code == EXIT_OK and json.loads(out)["status"] == "returned"
    assert row(db, "nominations", b)["status_reason"] == "Thiếu báo cáo thành tích"
    with open_store(db) as s:
        s.update("nominations", b, {"status": "received"})
    code, out, err = run(capsys, "--db", db, "appraise", "reject", b[:8], "--reason", "Không đủ tiêu chuẩn")
    assert code == EXIT_OK and row(db, "nominations", b)["status"] == "rejected"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["appraise", "receive", "zzzzzzzz"], "Không tìm thấy đề nghị khen thưởng"),
        (["appraise", "approve", "{submitted}"], "đang ở trạng thái “Đã gửi lên” nên không thể đồng ý khen thưởng"),
        (["appraise", "return", "{received}"], "Trả lại hồ sơ cần ghi rõ lý do"),
        (["appraise", "reject", "{received}", "--reason", "  "], "Không đồng ý khen thưởng cần ghi rõ lý do"),
        (["appraise", "check", "{received}", "--date", "7,5"], "--date"),
        (["appraise", "receive", "{decided}"], "“Đã có quyết định” nên không thể tiếp nhận"),
    ],
)
def test_appraisal_refusals_change_nothing(capsys, db, argv, message):
    ids = {
        "province": nomination(db, "Trần Văn Bình", "BANG_KHEN_TINH", "submitted")["id"],
        "submitted": nomination(db, "Châu Ngọc Trâm", "LDTT", "submitted")["id"],
        "received": nomination(db, "Lý Văn Lực", "LDTT", "submitted")["id"],
        "decided": nomination(db, "Trần Văn Bình", "LDTT", "decided")["id"],
    }
    with open_store(db) as s:
        s.update("nominations", ids["received"], {"status": "received"})
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, *[a.format(**ids) for a in argv])
    assert code == EXIT_REFUSED and out == "" and message in err and "Traceback" not in err
    assert snapshot(db) == before


# --------------------------------------------------------------------------- council


def test_council_meeting_and_vote(capsys, db):
    nom = nomination(db, "Trần Thanh Dũng", "CSTDCS", "draft")["id"]
    # a meeting under Nghị định 98/2023, whose CSTĐCS needs 80 % of all members (none is set after 01/07/2025)
    code, out, err = run(capsys, "--db", db, "council", "add", "--date", "10/06/2025", "--members", "9",
                         "--present", "8", "--written", "1", "--chair", "Nguyễn Văn An", "--json")
    assert code == EXIT_OK, err
    session = json.loads(out)
    assert (session["meeting_date"], session["total_members"], session["present"], session["written_opinions"],
            session["chair"], session["unit_code"]) == ("2025-06-10", 9, 8, 1, "Nguyễn Văn An", "31147")
    code, out, err = run(capsys, "--db", db, "council", "vote", session["id"][:8], nom[:8], "--for", "8", "--json")
    assert code == EXIT_OK, err
    vote = json.loads(out)
    assert vote["votes_for"] == 8 and vote["threshold"] == 80 and vote["passed"] is True
    code, out, err = run(capsys, "--db", db, "council", "vote", session["id"][:8], nom[:8], "--for", "7")
    assert code == EXIT_OK and "7/9 phiếu đồng ý, bằng 77,78% tổng số thành viên; yêu cầu từ 80% (chưa đạt)" in out
    with open_store(db) as s:  # the same meeting's vote replaced, not doubled
        assert [v["votes_for"] for v in s.rows("votes", "vote_session_id = ?", [session["id"]])] == [7]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["council", "add", "--date", "32/12/2026", "--members", "9", "--present", "8"], "không có trên lịch"),
        (["council", "add", "--date", "10/12/2026", "--members", "9", "--present", "10"],
         "Số thành viên có mặt (10) không được lớn hơn tổng số thành viên (9)"),
        (["council", "add", "--date", "10/12/2026", "--members", "7,5", "--present", "5"], "Tổng số thành viên"),
        (["council", "vote", "{session}", "{nom}", "--for", "7,5"], "Số phiếu đồng ý của Trần Thanh Dũng phải là số nguyên"),
        (["council", "vote", "{session}", "{nom}", "--for", "12"], "(12) lớn hơn tổng số thành viên Hội đồng (9)"),
        (["council", "vote", "zzzzzzzz", "{nom}", "--for", "5"], "Không tìm thấy"),
        (["council", "vote", "{session}", "{decided}", "--for", "5"], "Trần Văn Bình"),
    ],
)
def test_council_refusals_change_nothing(capsys, db, argv, message):
    with open_store(db) as s:
        session = council.save_session(s, values={"meeting_date": "2026-12-10", "total_members": 9, "present": 8})
    ids = {"session": session["id"][:8], "nom": nomination(db, "Trần Thanh Dũng", "CSTDCS", "draft")["id"][:8],
           "decided": nomination(db, "Trần Văn Bình", "LDTT", "decided")["id"]}
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, *[a.format(**ids) for a in argv])
    assert code == EXIT_REFUSED and out == "" and message in err and "Traceback" not in err
    assert snapshot(db) == before


# --------------------------------------------------------------------------- decisions


def test_decision_issued_with_the_number_from_the_register(capsys, db):
    a = nomination(db, "Châu Ngọc Trâm", "LDTT", "submitted")["id"]
    for verb in (["receive"], ["check", "--date", "20/12/2026"], ["approve"]):
        code, _out, err = run(capsys, "--db", db, "appraise", verb[0], a[:8], *verb[1:])
        assert code == EXIT_OK, err
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, "decisions", "issue", "--nominations", a[:8], "--date", "20/12/2026",
                         "--signer", "Trần Văn Bình", "--json")
    assert code == EXIT_REFUSED and "người ký và chức vụ người ký" in err and snapshot(db) == before
    code, out, err = run(capsys, "--db", db, "decisions", "issue", "--nominations", a[:8], "--date", "20/12/2026",
                         "--signer", "Trần Văn Bình", "--signer-title", "Chủ tịch", "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert data["number"] and data["code"].startswith(data["number"] + "/QĐ-")
    assert data["nominations"] == [a] and data["totals"]["count"] == 1 and data["decision_date"] == "2026-12-20"
    assert row(db, "nominations", a)["status"] == "decided"
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, "decisions", "issue", "--nominations", a[:8], "--date", "20/12/2026",
                         "--signer", "Trần Văn Bình", "--signer-title", "Chủ tịch")
    assert code == EXIT_REFUSED and "“Đã có quyết định” nên không thể đưa vào quyết định" in err
    assert snapshot(db) == before


# --------------------------------------------------------------------------- what another office decides

ABOVE = ("Không thể {verb}: đề nghị khen thưởng Trần Văn Bình (Bằng khen của Chủ tịch Ủy ban nhân dân thành phố) do "
         "Thành phố Cần Thơ (92) thẩm định và quyết định, không phải Phường Tân An (31147). Đơn vị gửi đề nghị lên "
         "(tdkt nominations submit, rồi tdkt bundle export) để cấp trên xét; chưa có gì thay đổi.")


@pytest.mark.parametrize(
    ("argv", "verb", "status"),
    [
        (["appraise", "receive", "{id}"], "tiếp nhận", "submitted"),
        (["appraise", "check", "{id}", "--date", "15/01/2027"], "thẩm định", "received"),
        (["appraise", "approve", "{id}"], "đồng ý khen thưởng", "appraised"),
        (["appraise", "return", "{id}", "--reason", "Thiếu báo cáo"], "trả lại để bổ sung", "received"),
        (["appraise", "reject", "{id}", "--reason", "Không đủ tiêu chuẩn"], "không đồng ý khen thưởng", "received"),
        (["decisions", "issue", "--nominations", "{id}", "--date", "15/01/2027", "--signer", "Nguyễn Văn A",
          "--signer-title", "Chủ tịch"], "đưa vào quyết định khen thưởng", "approved"),
    ],
)
def test_a_ward_cannot_act_on_a_title_its_province_decides(capsys, db, argv, verb, status):
    """The ward's own Bằng khen tỉnh nomination, in whatever status the action starts from (as a copy arriving
    back could hold it): every office action is refused by the service, naming the province, and nothing changes;
    the store's authority check refuses the same write done directly."""
    from tdkt_desktop.store.authority import NoAuthority

    nom = nomination(db, "Trần Văn Bình", "BANG_KHEN_TINH", "submitted")
    with open_store(db) as s:
        s.db.execute("UPDATE nominations SET status = ? WHERE id = ?", [status, nom["id"]])  # as if it arrived so
        assert not office.decides_here(s, s.require("nominations", nom["id"]))
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, *[a.format(id=nom["id"][:8]) for a in argv])
    assert code == EXIT_REFUSED and out == ""
    assert err == f"Lỗi: {ABOVE.format(verb=verb)}\n"
    assert snapshot(db) == before
    with open_store(db) as s, pytest.raises(NoAuthority, match="do 92 thẩm định và quyết định"):
        s.update("nominations", nom["id"], {"status": "decided"})
    assert snapshot(db) == before


def test_the_wards_office_still_decides_its_own_titles_and_lists_only_those(capsys, db):
    with open_store(db) as s:
        listed = {(n["subject_name"], n["title_code"]) for n in office.sent_up(s)}
    assert ("Trần Văn Bình", "BANG_KHEN_TINH") not in listed and ("Châu Ngọc Trâm", "LDTT") in listed
    a = nomination(db, "Châu Ngọc Trâm", "LDTT", "submitted")["id"]
    code, _out, err = run(capsys, "--db", db, "appraise", "receive", a[:8])
    assert code == EXIT_OK, err


@pytest.fixture
def province_db(tmp_path, capsys):
    """A province holding a ward's LĐTT nomination (the ward decides LĐTT) and its Bằng khen tỉnh nomination."""
    path = str(tmp_path / "tinh.sqlite")
    code, _out, err = run(capsys, "--db", path, "init", "--unit", "92", "--operator", "Cán bộ Sở Nội vụ")
    assert code == EXIT_OK, err
    with open_store(path) as s:
        person = s.insert("people", {"full_name": "Võ Thị Lan", "unit_code": "31147"}, owner_unit="31147")
        # as it arrived from the ward (typed here before the ward is known, so as the ward's own)
        s.insert("nominations", {"subject_kind": "person", "subject_id": person["id"], "subject_name": "Võ Thị Lan",
                                 "title_code": "BANG_KHEN_TINH", "year": 2026, "unit_code": "31147",
                                 "status": "submitted", "award_kind": "phong_trao",
                                 "dossier_json": {"to_trinh": True}}, owner_unit="31147")
        s.insert("units", {"code": "31147", "name": "Phường Tân An", "level": "commune", "parent_code": "92"},
                 owner_unit="31147")
        ward = s.insert("nominations", {"subject_kind": "person", "subject_id": person["id"], "subject_name": "Võ Thị Lan",
                                        "title_code": "LDTT", "year": 2026, "unit_code": "31147", "status": "submitted",
                                        "award_kind": "phong_trao"},
                        owner_unit="31147")
        session = council.save_session(s, values={"meeting_date": "10/12/2026", "total_members": 9, "present": 9})
    return path, ward["id"], session["id"]


@pytest.mark.parametrize(
    ("argv", "verb"),
    [
        (["appraise", "receive", "{id}"], "tiếp nhận"),
        (["appraise", "reject", "{id}", "--reason", "Không đủ tiêu chuẩn"], "không đồng ý khen thưởng"),
        (["council", "vote", "{session}", "{id}", "--for", "9"], "ghi kết quả bỏ phiếu"),
    ],
)
def test_a_province_cannot_act_on_a_title_its_ward_decides(capsys, province_db, argv, verb):
    path, nom_id, session_id = province_db
    before = snapshot(path)
    code, out, err = run(capsys, "--db", path, *[a.format(id=nom_id[:8], session=session_id[:8]) for a in argv])
    assert code == EXIT_REFUSED and out == ""
    assert err == (f"Lỗi: Không thể {verb}: đề nghị khen thưởng Võ Thị Lan (Lao động tiên tiến) do Phường Tân An "
                   "(31147) thẩm định và quyết định, không phải Thành phố Cần Thơ (92). Việc này thuộc đơn vị đó; chưa "
                   "có gì thay đổi.\n")
    assert snapshot(path) == before


def test_the_province_records_the_dossier_it_received_without_writing_the_wards(capsys, province_db):
    """``appraise check --have`` at the province: the ward's dossier field is the ward's (the authority table), so
    the items the province ticks are kept with its appraisal and count in its verdict, then and at the next check."""
    path, _ldtt, _session = province_db
    with open_store(path) as s:
        nom = next(n for n in s.rows("nominations") if n["title_code"] == "BANG_KHEN_TINH")
    code, out, err = run(capsys, "--db", path, "appraise", "receive", nom["id"][:8])
    assert code == EXIT_OK, err
    code, out, err = run(capsys, "--db", path, "appraise", "check", nom["id"][:8], "--date", "15/01/2027")
    assert code == EXIT_OK, err
    assert "Thiếu hồ sơ: Danh sách" in out
    assert "Khi đã nhận đủ hồ sơ, thẩm định lại với: --have danh_sach" in out and "--have to_trinh" not in out
    keys = out.rsplit("thẩm định lại với: ", 1)[1].split()
    code, out, err = run(capsys, "--db", path, "appraise", "check", nom["id"][:8], "--date", "15/01/2027", *keys,
                         "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["dossier_complete"] is True
    with open_store(path) as s:
        stored = s.require("nominations", nom["id"])
    assert json.loads(stored["dossier_json"]) == {"to_trinh": True}  # the ward's, untouched
    seen = json.loads(stored["eligibility_json"])["dossier_seen"]
    assert {k for k in keys if not k.startswith("--")} == set(seen)
    code, out, err = run(capsys, "--db", path, "appraise", "check", nom["id"][:8], "--date", "15/01/2027", "--json")
    assert code == EXIT_OK and json.loads(out)["dossier_complete"] is True  # kept for the next check
