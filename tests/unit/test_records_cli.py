"""``tdkt records`` and ``tdkt audit``: every kind through the validated write path, good and bad input,
and nothing changed when a command is refused."""

from __future__ import annotations

import io
import json

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(demo_store):
    path = str(demo_store.path)
    demo_store.close()
    return path


def counts(db):
    with open_store(db) as s:
        return {t: s.count(t) for t in SYNCED_TABLES}, len(s.audit_entries())


def test_kinds_and_fields_name_every_kind_in_both_languages(capsys):
    code, out, _ = run(capsys, "records", "kinds", "--json")
    kinds = {k["kind"]: k for k in json.loads(out)}
    assert code == EXIT_OK and set(kinds) == set(SYNCED_TABLES)
    assert "ca-nhan" in kinds["people"]["aliases"] and "de-nghi-khen-thuong" in kinds["nominations"]["aliases"]
    code, out, _ = run(capsys, "records", "fields", "xep-loai", "--json")
    fields = {f["field"]: f for f in json.loads(out)}
    assert code == EXIT_OK and fields["rating"]["required"] and fields["rating"]["type"] == "enum"
    assert fields["rating"]["choices"] and fields["year"]["type"] == "year"


def test_list_filters_search_without_tones_and_json(capsys, db):
    code, out, _ = run(capsys, "--db", db, "records", "list", "people", "--search", "nguyen thi thu ha", "--json")
    rows = json.loads(out)
    assert code == EXIT_OK and [r["full_name"] for r in rows] == ["Nguyễn Thị Thu Hà"]
    code, out, _ = run(capsys, "records", "list", "de-nghi-khen-thuong", "--where", "year=2026", "--db", db, "--json")
    nominations = json.loads(out)
    assert nominations and all(n["year"] == 2026 for n in nominations)
    code, out, _ = run(capsys, "records", "list", "nominations", "--where", "year=2026", "--limit", "2", "--db", db)
    assert code == EXIT_OK and "Mã" in out.splitlines()[0] and out.strip().endswith("2 đề nghị khen thưởng.")
    code, out, _ = run(capsys, "records", "list", "people", "--search", "khong co ai ten nay", "--db", db)
    assert code == EXIT_OK and "Không có cá nhân nào" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["records", "list", "nguoi"], "Không có loại bản ghi “nguoi”"),
        (["records", "list", "people", "--where", "luong=5"], "không có trường “luong”"),
        (["records", "list", "people", "--where", "birth_date=31/02/2020"], "không có trên lịch"),
        (["records", "list", "people", "--where", "year"], "TRƯỜNG=GIÁ_TRỊ"),
        (["records", "show", "people", "00000000"], "Không tìm thấy cá nhân"),
        (["records", "update", "people", "00000000", "--set", "phone=1"], "Không tìm thấy cá nhân"),
        (["records", "delete", "nominations", "zz"], "Không tìm thấy đề nghị khen thưởng"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(capsys, db, argv, words):
    before = counts(db)
    code, _, err = run(capsys, *argv, "--db", db)
    assert code == EXIT_REFUSED and words in err and "Traceback" not in err
    assert counts(db) == before


def test_add_one_or_many_all_or_nothing(capsys, db, monkeypatch, tmp_path):
    before, _ = counts(db)
    people = [{"full_name": "lê văn bình", "birth_date": "02/09/1985", "gender": "Nam"},
              {"full_name": "Trần Thị Mai", "birth_date": "1990-03-04"}]
    code, out, err = run(capsys, "--db", db, "records", "add", "people", "--file", "-",
                         stdin=json.dumps(people), monkeypatch=monkeypatch)
    ids = json.loads(out)
    assert code == EXIT_OK and len(ids) == 2, err
    with open_store(db) as s:
        second = s.get("people", ids[1])
        assert second["birth_date"] == "1990-03-04" and s.get("people", ids[0])["gender"] == "male"
        assert [e["action"] for e in s.audit_entries("people", ids[0])] == ["insert"]
    assert counts(db)[0]["people"] == before["people"] + 2
    # one bad object: nothing added, the message names which one
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"full_name": "Đúng"}, {"full_name": "Sai", "birth_date": "30/02/2000"}]), encoding="utf-8")
    snapshot = counts(db)
    code, _, err = run(capsys, "--db", db, "records", "add", "people", "--file", str(bad))
    assert code == EXIT_REFUSED and "Bản ghi thứ 2" in err and "Chưa bản ghi nào được thêm" in err
    assert counts(db) == snapshot
    for text, words in ((b"{not json", "không phải JSON hợp lệ"), (b"[1, 2]", "đối tượng JSON"),
                        (b'{"id": "x", "full_name": "A"}', "do phần mềm quản lý"),
                        ("\xff\xfe".encode("latin-1"), "UTF-8")):
        bad.write_bytes(text)
        code, _, err = run(capsys, "records", "add", "people", "--file", str(bad), "--db", db)
        assert code == EXIT_REFUSED and words in err
        assert counts(db) == snapshot
    code, _, err = run(capsys, "records", "add", "people", "--file", str(tmp_path / "none.json"), "--db", db)
    assert code == EXIT_REFUSED and "Không tìm thấy tệp" in err


def test_update_by_short_id_with_vietnamese_values_then_audit(capsys, db):
    with open_store(db) as s:
        target = s.rows("targets", limit=1)[0]
    short = target["id"][:8]
    code, out, err = run(capsys, "records", "update", "chi-tieu", short, "--set", "value=7,5", "--set",
                         "unit=%", "--json", "--db", db)
    assert code == EXIT_OK, err
    assert json.loads(out)["value"] == 7.5
    code, out, _ = run(capsys, "--db", db, "audit", "--kind", "targets", "--id", short, "--json")
    entries = json.loads(out)
    assert entries[-1]["action"] == "update" and entries[-1]["after"]["value"] == 7.5
    assert entries[-1]["before"]["value"] == target["value"]
    before = counts(db)
    code, _, err = run(capsys, "records", "update", "targets", short, "--set", "value=bảy", "--db", db)
    assert code == EXIT_REFUSED and "Giá trị" in err
    code, _, err = run(capsys, "records", "update", "targets", short, "--set", "value=1", "--file", "x.json", "--db", db)
    assert code == EXIT_REFUSED and "--set" in err
    assert counts(db) == before


def test_delete_then_undelete_keeps_a_tombstone_and_the_log(capsys, db):
    with open_store(db) as s:
        person = s.rows("people", limit=1)[0]
    code, out, _ = run(capsys, "--db", db, "records", "delete", "people", person["id"][:8])
    assert code == EXIT_OK and "undelete" in out
    code, out, _ = run(capsys, "--db", db, "records", "list", "people", "--where", f"full_name={person['full_name']}",
                       "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--db", db, "records", "list", "people", "--deleted", "--json")
    assert any(r["id"] == person["id"] and r["deleted"] == 1 for r in json.loads(out))
    code, out, _ = run(capsys, "--db", db, "records", "undelete", "people", person["id"][:8])
    assert code == EXIT_OK
    with open_store(db) as s:
        assert s.get("people", person["id"]) is not None
        assert [e["action"] for e in s.audit_entries("people", person["id"])][-2:] == ["delete", "restore"]
    code, out, _ = run(capsys, "--db", db, "audit", "--since", "01/01/2000")
    assert code == EXIT_OK and "restore" in out
    code, _, err = run(capsys, "--db", db, "audit", "--since", "hôm qua")
    assert code == EXIT_REFUSED and "không phải là ngày" in err


@pytest.mark.parametrize("argv", [["records"], ["records", "show", "people"], ["audit", "--limit", "mười"]])
def test_usage_errors_exit_2_in_vietnamese(capsys, db, argv):
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--db", db])
    assert exc.value.code == EXIT_USAGE
    assert "Lỗi:" in capsys.readouterr().err


def test_references_by_short_id_are_resolved_and_unknown_ones_refused(capsys, db, monkeypatch):
    """A reference given by its first 8 characters is stored as the record's id (never as a reference that no
    record has, which would wait for ever wherever it is sent); an id no record has is refused, naming the field."""
    with open_store(db) as s:
        person = next(r for r in s.rows("people") if r["full_name"] == "Trần Văn Bình")
        campaign = s.rows("campaigns")[0]
        nomination = next(n for n in s.rows("nominations") if n["status"] == "draft")
    rating = {"subject_kind": "person", "subject_id": person["id"][:8], "year": 2019, "rating": "good"}
    code, out, err = run(capsys, "--db", db, "records", "add", "ratings", "--file", "-", stdin=json.dumps(rating),
                         monkeypatch=monkeypatch)
    assert code == EXIT_OK, err
    with open_store(db) as s:
        assert s.require("ratings", json.loads(out)[0])["subject_id"] == person["id"]
    before = counts(db)
    code, out, err = run(capsys, "--db", db, "records", "add", "ratings", "--file", "-",
                         stdin=json.dumps({**rating, "subject_id": "zzzzzzzz"}), monkeypatch=monkeypatch)
    assert code == EXIT_REFUSED and out == ""
    assert err == "Lỗi: Mã đối tượng (subject_id): Không tìm thấy cá nhân có mã “zzzzzzzz”.\n"
    code, out, err = run(capsys, "--db", db, "records", "add", "ratings", "--file", "-",
                         stdin=json.dumps({**rating, "subject_kind": "collective"}), monkeypatch=monkeypatch)
    assert code == EXIT_REFUSED and "Không tìm thấy tập thể" in err  # a person's id is no collective's
    assert counts(db) == before
    code, out, err = run(capsys, "--db", db, "records", "update", "nominations", nomination["id"][:8], "--set",
                         f"campaign_id={campaign['id'][:8]}")
    assert code == EXIT_OK, err
    with open_store(db) as s:
        assert s.require("nominations", nomination["id"])["campaign_id"] == campaign["id"]
