"""An office of several officers on one PostgreSQL database, as its people use it: ``tdkt server init``,
``migrate``, ``add-officer``; officers who sign in, whose changes are recorded under their login and whose role
decides what they may do; two officers editing at once; a database of an older schema upgraded at opening."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import psycopg
import pytest

from tdkt_desktop.cli import main
from tdkt_desktop.store import StoreError, accounts, open_store, server_schema
from tdkt_desktop.store import server_db as pg
from tdkt_desktop.store.accounts import NotAllowed
from tdkt_desktop.store.freshness import StaleRecord, save_unchanged
from tdkt_desktop.store.migrations import known_migration_names

pytestmark = pytest.mark.sqlite_only  # each test opens the server itself (and SQLite files beside it)


def as_login(url: str, login: str) -> str:
    return url.replace("postgresql://tdkt@", f"postgresql://{login}@", 1)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def office(pg_url, capsys, monkeypatch):
    """A province's office set up as its IT person would: init with the first administrator, then an officer and an
    approver with logins of their own."""
    code, out, err = run(capsys, "server", "init", pg_url, "--unit", "92", "--admin-name", "Nguyễn Văn An")
    assert code == 0, err
    assert "Quản trị viên đầu tiên: Nguyễn Văn An (tên đăng nhập tdkt)" in out
    suffix = uuid.uuid4().hex[:6]
    logins = {"officer": f"cb_{suffix}", "approver": f"ld_{suffix}"}
    monkeypatch.setenv("TDKT_NEW_PASSWORD", "mat-khau-tam")
    for role, login in logins.items():
        name = "Trần Thị Bình" if role == "officer" else "Lê Văn Chính"
        code, out, err = run(capsys, "server", "add-officer", login, "--name", name, "--role", role, "--db", pg_url)
        assert code == 0, err
        assert as_login(pg_url, login) in out
    return {"admin": pg_url, **{role: as_login(pg_url, login) for role, login in logins.items()},
            **{f"{role}_login": login for role, login in logins.items()}}


def test_each_officer_signs_in_and_is_named_in_the_audit_log_by_the_server(office, capsys):
    with open_store(office["officer"], operator="ai đó khác") as s:
        assert s.account is not None and s.account.full_name == "Trần Thị Bình" and s.account.role == "officer"
        person = s.insert("people", {"full_name": "Lê Văn Cường"})
        # the program cannot name someone else: the server writes the login
        s.db.execute("INSERT INTO audit_log (at, table_name, record_id, action, account) VALUES (?, ?, ?, ?, ?)",
                      ["2026-01-01", "people", person["id"], "note", "tdkt"])
    with open_store(office["admin"]) as s:
        entries = [e for e in s.audit_entries("people", person["id"])]
        assert {(e["operator"], e["account"]) for e in entries if e["action"] == "insert"} == {
            ("Trần Thị Bình", office["officer_login"])}
        assert {e["account"] for e in entries} == {office["officer_login"]}
    code, out, _err = run(capsys, "server", "officers", "--db", office["admin"], "--json")
    assert code == 0
    assert {(a["full_name"], a["role"]) for a in json.loads(out)} == {
        ("Nguyễn Văn An", "administrator"), ("Trần Thị Bình", "officer"), ("Lê Văn Chính", "approver")}


def test_the_server_keeps_the_audit_log_and_the_accounts_out_of_an_officers_reach(office):
    with psycopg.connect(office["officer"], autocommit=True) as raw:
        for statement in ("DELETE FROM audit_log", "UPDATE audit_log SET operator = 'x'",
                          "INSERT INTO accounts (login, full_name, role, created_at) VALUES ('x', 'x', 'administrator', 'x')",
                          "UPDATE accounts SET role = 'administrator'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute(statement)


def test_an_officer_prepares_and_only_an_approver_signs(office, capsys):
    with open_store(office["officer"]) as s:
        with pytest.raises(NotAllowed, match="không được thêm cán bộ"):
            accounts.add_officer(s, "ke_gian", full_name="Kẻ gian", role="administrator", password="12345678")
        from tdkt_desktop.store import office as office_work

        with pytest.raises(NotAllowed, match=r"Trần Thị Bình .*không được ký quyết định khen thưởng.*lãnh đạo duyệt"):
            office_work.issue_decision(s, ["x"], decision_date=dt.date(2026, 5, 1), signer="A", signer_title="B")
        with pytest.raises(NotAllowed, match="không được duyệt đề nghị khen thưởng"):
            office_work.approve(s, "x")
    with open_store(office["approver"]) as s:
        from tdkt_desktop.store import office as office_work

        with pytest.raises(Exception) as found:  # allowed to try: refused only because there is no such nomination
            office_work.approve(s, "khong-co")
        assert not isinstance(found.value, NotAllowed)


def test_a_locked_or_unknown_login_is_refused(office, capsys, pg_server):
    code, out, _err = run(capsys, "server", "lock-officer", office["officer_login"],
                         "--db", office["admin"])
    assert code == 0 and "đã bị khóa" in out
    with psycopg.connect(office["admin"], autocommit=True) as raw:  # the server refuses the login itself
        login = office["officer_login"]
        assert raw.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,)).fetchone() == (False,)
        raw.execute(f'ALTER ROLE "{login}" LOGIN')  # as if the server's own refusal were bypassed: the app refuses
    with pytest.raises(NotAllowed, match="đã bị khóa"):
        open_store(office["officer"])
    code, out, _err = run(capsys, "server", "unlock-officer", office["officer_login"], "--db", office["admin"])
    assert code == 0 and "đã được mở lại" in out
    with open_store(office["officer"]) as s:
        assert s.account is not None and s.account.active
    stranger = f"la_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(office["admin"], autocommit=True) as raw:
        raw.execute(f'CREATE ROLE "{stranger}" LOGIN')
        raw.execute(f'GRANT CONNECT ON DATABASE "{office["admin"].split("/")[3].split("?")[0]}" TO "{stranger}"')
    with pytest.raises(NotAllowed, match="chưa được cấp quyền"):
        open_store(as_login(office["admin"], stranger))


def test_two_officers_on_one_record_the_second_is_told_and_nothing_is_lost(office):
    with open_store(office["officer"]) as s:
        person = s.insert("people", {"full_name": "Phạm Thị Dung", "position": "Giáo viên"})
    first = open_store(office["officer"])
    second = open_store(office["approver"])
    try:
        opened_by_first = first.get("people", person["id"])
        opened_by_second = second.get("people", person["id"])
        # different fields, different records, or the same: each save names the version it opened
        save_unchanged(first, {("people", person["id"]): opened_by_first["rev"]},
                       lambda: first.update("people", person["id"], {"position": "Hiệu trưởng"}))
        with pytest.raises(StaleRecord, match="đã được sửa ở nơi khác"):
            save_unchanged(second, {("people", person["id"]): opened_by_second["rev"]},
                           lambda: second.update("people", person["id"], {"position": "Hiệu phó"}))
        other = second.insert("people", {"full_name": "Đỗ Văn Em"})  # another record lands meanwhile
        assert second.get("people", person["id"])["position"] == "Hiệu trưởng"  # the first officer's edit is kept
        assert first.get("people", other["id"])["full_name"] == "Đỗ Văn Em"
    finally:
        first.close()
        second.close()


def _server_schema(url: str) -> set[tuple[str, ...]]:
    with psycopg.connect(url, autocommit=True) as raw:
        columns = raw.execute(
            "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''), "
            "coalesce(collation_name, '') FROM information_schema.columns WHERE table_schema = 'public'").fetchall()
        indexes = raw.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                              ).fetchall()
        triggers = raw.execute("SELECT event_object_table, trigger_name, event_manipulation FROM "
                               "information_schema.triggers").fetchall()
    identity = {(t, c) for t, c, *_ in columns}
    assert identity  # something was read
    return {tuple(map(str, r)) for r in [*columns, *indexes, *triggers]}


def test_a_database_of_an_older_schema_is_upgraded_when_opened_to_the_schema_a_new_one_has(pg_server):
    """One chain describes both engines: a server database made by the first k migrations and upgraded at opening
    has exactly the tables, columns, indexes and triggers of one made by the whole chain."""
    names = known_migration_names()
    fresh = pg_server.url(pg_server.create_database())
    server_schema.create_schema(pg.connect(fresh, timeout_s=5))
    expected = _server_schema(fresh)
    upgraded = 0
    for k in range(1, len(names)):
        try:
            server_schema.upgrade_steps(k)
        except server_schema.SchemaChangeUnsupported:
            continue  # a migration after k rebuilt a table: such a database is refused, never half-upgraded
        url = pg_server.url(pg_server.create_database())
        server = pg.connect(url, timeout_s=5)
        server_schema.create_schema(server, upto=k)
        assert server.applied_migrations() == names[:k]
        server.close()
        with open_store(url) as s:
            assert s.schema_version() == len(names)
            s.set_meta("unit_code", "92")
            s.insert("units", {"code": "92", "name": "Thành phố Cần Thơ", "level": "province"})
            assert s.audit_entries("units")[0]["account"] == "tdkt"  # m014's column, filled by the server
        assert _server_schema(url) == expected, k
        upgraded += 1
    assert upgraded >= 1
    assert "m014_office_accounts" in names


def test_the_steps_of_an_upgrade_come_from_the_chain():
    names = known_migration_names()
    steps = server_schema.upgrade_steps(names.index("m014_office_accounts"))
    assert any(s.startswith('CREATE TABLE "accounts"') for s in steps)
    assert 'ALTER TABLE "audit_log" ADD COLUMN "account" TEXT COLLATE "C"' in steps


def test_a_province_moved_onto_the_server_sends_its_wards_the_same_rows(tmp_path, pg_url, capsys):
    """``tdkt server migrate`` keeps everything and the sync identity: the province on the server holds the rows
    its SQLite file held, and a bundle it exports to a ward carries the same rows as one exported from the file,
    signed by the same keys, which the ward accepts."""
    from tdkt_desktop.sync import export_bundle, import_bundles

    from .test_sync_helpers import (
        COMMUNES,
        PROVINCE,
        dump_json,
        make_node,
        nomination,
        pair,
        person,
        plain_payload,
        send,
    )

    prov = make_node(tmp_path, PROVINCE)
    ward = make_node(tmp_path, COMMUNES[0])
    pair(prov, ward)
    someone = person(ward, "Nguyễn Thị Ánh")
    nomination(ward, someone)
    assert import_bundles(prov, [send(ward, prov, tmp_path)]).exit_code == 0
    prov.insert("campaigns", {"name": "Phong trào thi đua “Chuyển đổi số” năm 2026", "year": 2026,
                              "campaign_type": "regular"})
    path = prov.path
    prov.close()
    code, out, err = run(capsys, "server", "migrate", str(path), "--to", pg_url, "--admin-name", "Nguyễn Văn An",
                         "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["counts"]["people"] == 1 and report["counts"]["nominations"] == 1
    assert report["counts"]["campaigns"] == 1 and report["counts"]["audit_log"] >= 4
    assert report["administrator"] == "tdkt" and report["key_file"]
    with open_store(path) as local, open_store(pg_url) as server:
        assert server.install_id == local.install_id and server.unit_code == PROVINCE
        assert server.current_clock() == local.current_clock()
        assert dump_json(server) == dump_json(local)
        assert [h.title for h in server.search("nguyen thi anh")] == [h.title for h in local.search("nguyen thi anh")]
        from_file = plain_payload(export_bundle(local, COMMUNES[0], tmp_path / "tu-tep.tdktgoi", encrypt=False).path)
        from_server = plain_payload(export_bundle(server, COMMUNES[0], tmp_path / "tu-may-chu.tdktgoi",
                                                  encrypt=False).path)
        assert from_file["tables"] == from_server["tables"]
        assert from_server["tables"]["campaigns"]["rows"]
        sent = send(server, COMMUNES[0], tmp_path, name="that.tdktgoi")
    got = import_bundles(ward, [sent])
    assert got.exit_code == 0, got.summary()
    assert [c["name"] for c in ward.rows("campaigns")] == ["Phong trào thi đua “Chuyển đổi số” năm 2026"]
    ward.close()


def test_moving_onto_a_database_that_holds_data_is_refused_untouched(tmp_path, pg_url, capsys):
    with open_store(pg_url) as s:
        s.set_meta("unit_code", "92")
        before = s.meta("install_id")
    local = tmp_path / "tinh.sqlite"
    with open_store(local) as s:
        s.set_meta("unit_code", "92")
    code, _out, err = run(capsys, "server", "migrate", str(local), "--to", pg_url, "--admin-name", "A")
    assert code != 0 and "đã có dữ liệu" in err
    with open_store(pg_url) as s:
        assert s.meta("install_id") == before


def test_a_database_restored_from_a_dump_takes_a_new_identity(office, capsys):
    with open_store(office["admin"]) as s:
        before = s.install_id
    code, _out, err = run(capsys, "server", "restored", "--db", office["officer"])
    assert code != 0 and "cần quản trị viên" in err
    code, out, err = run(capsys, "server", "restored", "--db", office["admin"])
    assert code == 0, err
    assert "danh tính đồng bộ mới" in out
    with open_store(office["admin"]) as s:
        assert s.install_id != before and before in s.previous_installs()
        person = s.insert("people", {"full_name": "Võ Thị Giang"})
        assert person["origin_install"] == s.install_id and person["clock"] == 1


def test_what_a_login_may_not_do_on_the_server_is_said_in_vietnamese_and_changes_nothing(pg_server, capsys):
    """An administrator's login made without CREATEROLE cannot set the office up (it makes the officers' role); a
    login that may write records but owns no table cannot upgrade the schema: each is told what to do in
    Vietnamese, and nothing is half-made."""
    from psycopg import sql

    admin = pg_server.admin()
    owner, clerk = f"qt_{uuid.uuid4().hex[:6]}", f"cb_{uuid.uuid4().hex[:6]}"
    name = f"office_{uuid.uuid4().hex[:6]}"
    admin.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(owner)))
    admin.execute(sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE template0").format(sql.Identifier(name),
                                                                                   sql.Identifier(owner)))
    url = as_login(pg_server.url(name), owner)
    code, _out, err = run(capsys, "server", "init", url, "--unit", "92", "--admin-name", "Nguyễn Văn An")
    assert code == 1 and "không được tạo tên đăng nhập mới" in err and "CREATEROLE" in err, err
    with open_store(url) as s:
        assert accounts.accounts(s) == []  # no administrator half-made
    admin.execute(sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(owner)))  # as docs/office-server.md says
    code, _out, err = run(capsys, "server", "init", url, "--unit", "92", "--admin-name", "Nguyễn Văn An")
    assert code == 0, err
    code, _out, err = run(capsys, "server", "add-officer", "khong_co_ai", "--name", "Trần Thị B",
                          "--existing-login", "--db", url)
    assert code == 1 and "Trên máy chủ chưa có tên đăng nhập" in err and "Traceback" not in err
    with open_store(url) as s:
        assert [a.login for a in accounts.accounts(s)] == [owner]
    # a database of an older schema, opened by a login that writes records but owns no table
    older = pg_server.create_database()
    db = pg.connect(pg_server.url(older), timeout_s=5)
    server_schema.create_schema(db, upto=len(known_migration_names()) - 1)
    db.close()
    admin.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(clerk)))
    with psycopg.connect(pg_server.url(older), autocommit=True) as raw:
        raw.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(
            sql.Identifier(clerk)))
        raw.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(sql.Identifier(clerk)))
    with pytest.raises(StoreError, match="không có quyền đổi lược đồ"):
        open_store(as_login(pg_server.url(older), clerk))
    with psycopg.connect(pg_server.url(older), autocommit=True) as raw:
        assert len(raw.execute("SELECT name FROM _sqlite_migrations").fetchall()) == len(known_migration_names()) - 1
        assert raw.execute("SELECT to_regclass('accounts')").fetchone() == (None,)
