"""``tdkt registrations add``: bulk registration through store.registrations.register_many — filtered people,
everyone, a file of ids; a title not given to that kind of nominee, an unknown id or title registers nobody."""

from __future__ import annotations

import json

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from tdkt_desktop.store import open_store


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(demo_store):
    path = str(demo_store.path)
    demo_store.close()
    return path


def campaign_id(db):
    with open_store(db) as s:
        return next(c["id"] for c in s.rows("campaigns") if c["name"].startswith("Phong trào thi đua yêu nước"))


def registrations(db):
    with open_store(db) as s:
        return sorted((r["subject_id"], r["title_code"], r["campaign_id"]) for r in s.rows("registrations"))


def test_register_filtered_people_all_people_and_a_file(capsys, db, tmp_path):
    cid = campaign_id(db)
    with open_store(db) as s:
        people = s.rows("people")
        women = [p["id"] for p in people if p.get("gender") == "female"]
        collectives = [c["id"] for c in s.rows("collectives")
                       if not s.rows("registrations", "subject_id = ? AND campaign_id = ? AND title_code = 'TLDTT'",
                                     [c["id"], cid])][:2]
        held = {r["subject_id"] for r in s.rows("registrations", "campaign_id = ? AND title_code = 'CSTDCS'", [cid])}
    assert women and len(collectives) == 2
    before = registrations(db)
    code, out, err = run(capsys, "--db", db, "registrations", "add", "--campaign", cid[:8], "--title", "CSTDCS",
                         "--people-where", "gender=female", "--date", "15/01/2026", "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert sorted(data["already_registered"]) == sorted(set(women) & held)
    with open_store(db) as s:
        added = [s.require("registrations", i) for i in data["added"]]
    assert sorted(r["subject_id"] for r in added) == sorted(set(women) - held)
    assert all(r["registered_on"] == "2026-01-15" and r["subject_kind"] == "person" and r["year"] for r in added)
    code, out, err = run(capsys, "--db", db, "registrations", "add", "--campaign", cid, "--title", "CSTDCS",
                         "--all-people", "--json")
    data = json.loads(out)
    assert code == EXIT_OK and sorted(data["already_registered"]) == sorted(set(women) | held)
    assert len(data["added"]) == len({p["id"] for p in people} - set(women) - held)
    ids = tmp_path / "ma.txt"
    ids.write_text("# hai tập thể\n" + "\n".join(c[:8] for c in collectives) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "registrations", "add", "--campaign", cid, "--title", "TLDTT",
                         "--kind", "collective", "--file", str(ids))
    assert code == EXIT_OK and out.startswith("Đã đăng ký 2 đối tượng; 0 đã đăng ký từ trước.")
    assert len(registrations(db)) == len(before) + len({p["id"] for p in people} - held) + 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--title", "TLDTT", "--all-people"], "chỉ dành cho tập thể, không dành cho cá nhân"),
        (["--title", "LDTT", "--kind", "collective", "--all-people"], "không dành cho tập thể"),
        (["--title", "KHONG_CO", "--all-people"], "Danh hiệu “KHONG_CO” không có"),
        (["--title", "LDTT", "--people-where", "gender=khong-ro"], "Giới tính"),
        (["--title", "LDTT", "--people-where", "mau_sac=do"], "không có trường “mau_sac”"),
        (["--title", "LDTT", "--people-where", "full_name=Không Có Ai"], "Không có đối tượng nào để đăng ký"),
        (["--title", "LDTT", "--file", "{ids}"], "Không tìm thấy cá nhân có mã “zzzzzzzz”"),
        (["--title", "LDTT", "--all-people", "--kind", "cho"], "--kind phải là một trong"),
        (["--title", "LDTT", "--all-people", "--date", "30/02/2026"], "không có trên lịch"),
    ],
)
def test_refusals_register_nobody(capsys, db, tmp_path, argv, message):
    cid = campaign_id(db)
    ids = tmp_path / "ma.txt"
    with open_store(db) as s:
        first = s.rows("people")[0]["id"]
    ids.write_text(f"{first}\nzzzzzzzz\n", encoding="utf-8")
    before = registrations(db)
    code, out, err = run(capsys, "--db", db, "registrations", "add", "--campaign", cid,
                         *[a.format(ids=ids) for a in argv])
    assert code == EXIT_REFUSED and out == "" and message in err and "Traceback" not in err, err
    assert registrations(db) == before


def test_unknown_campaign_and_usage(capsys, db):
    before = registrations(db)
    code, _out, err = run(capsys, "--db", db, "registrations", "add", "--campaign", "zzzzzzzz", "--title", "LDTT",
                          "--all-people")
    assert code == EXIT_REFUSED and "Không tìm thấy phong trào" in err and registrations(db) == before
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "registrations", "add", "--campaign", "x", "--title", "LDTT", "--all-people", "--file", "f"])
    assert exc.value.code == EXIT_USAGE
    assert "không dùng cùng tham số" in capsys.readouterr().err
