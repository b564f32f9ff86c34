"""The sync commands of ``tdkt``: keys, enroll, bundle export/import/held, conflicts; exit codes."""

from __future__ import annotations

import io
import json

import pytest

from tdkt_desktop.cli import build_parser, main

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, nomination, person


@pytest.fixture
def dbs(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    paths = str(prov.path), str(c1.path)
    prov.close()
    c1.close()
    return paths


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_enrol_export_import_and_conflicts(dbs, tmp_path, capsys, monkeypatch):
    p_db, c_db = dbs
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal
    code, out, _ = run(capsys, "keys", "show", "--db", p_db)
    assert code == 0 and "Dấu vân tay" in out
    for db, name in ((p_db, "p.json"), (c_db, "c.json")):
        code, out, _ = run(capsys, "keys", "export", "--db", db, "--out", str(tmp_path / name))
        assert code == 0 and (tmp_path / name).exists()

    code, out, err = run(capsys, "enroll", "--db", p_db, str(tmp_path / "c.json"))
    assert code == 1
    assert "Dấu vân tay" in out and "--yes" in err and "Traceback" not in err
    assert run(capsys, "enroll", "--db", p_db, str(tmp_path / "c.json"), "--yes")[0] == 0
    assert run(capsys, "enroll", "--db", c_db, str(tmp_path / "p.json"), "--yes")[0] == 0

    from tdkt_desktop.store import open_store

    with open_store(c_db) as c1:
        nom = nomination(c1, person(c1, "Phan Văn Dũng"), title="BANG_KHEN_TINH", status="submitted")
    up = tmp_path / "up.tdktgoi"
    code, out, _ = run(capsys, "bundle", "export", "--db", c_db, "--to", PROVINCE, "--out", str(up))
    assert code == 0 and "đã mã hóa" in out
    code, out, _ = run(capsys, "bundle", "import", "--db", p_db, str(up), "--dry-run")
    assert code == 0 and "CHẠY THỬ" in out
    code, out, _ = run(capsys, "bundle", "import", "--db", p_db, str(up), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["bundles"][0]["status"] == "merged" and report["totals"]["nominations"]["new"] == 1

    # the ward edits its nomination while the province rejects it → the rejection stands, the edit is queued
    down = tmp_path / "down.tdktgoi"
    assert run(capsys, "bundle", "export", "--db", p_db, "--to", COMMUNES[0], "--out", str(down))[0] == 0
    assert run(capsys, "bundle", "import", "--db", c_db, str(down))[0] == 0
    with open_store(c_db) as c1:
        c1.update("nominations", nom["id"], {"achievement": "Bản của phường"})
    with open_store(p_db) as prov:
        prov.update("nominations", nom["id"], {"status": "rejected", "status_reason": "Chưa đủ thành tích"})
    up2 = tmp_path / "up2.tdktgoi"
    assert run(capsys, "bundle", "export", "--db", c_db, "--to", PROVINCE, "--out", str(up2))[0] == 0
    code, out, _ = run(capsys, "bundle", "import", "--db", p_db, str(up2))
    assert code == 3 and "xung đột" in out
    code, out, _ = run(capsys, "conflicts", "list", "--db", p_db)
    assert code == 0 and "Tóm tắt thành tích" in out and "Bản của phường" in out
    key = out.split()[0]
    code, out, _ = run(capsys, "bundle", "status", "--db", p_db)
    assert code == 3 and "1 xung đột chờ xem xét" in out
    code, out, _ = run(capsys, "conflicts", "resolve", key, "--keep", "kept", "--db", p_db)
    assert code == 0 and f"Đã xử lý xung đột {key}" in out
    assert "Không có xung đột" in run(capsys, "conflicts", "list", "--db", p_db)[1]
    with open_store(p_db) as prov:
        assert prov.get("nominations", nom["id"])["status"] == "rejected"

    # damaged input → exit code 1 with the reason, never a traceback
    bad = tmp_path / "bad.tdktgoi"
    bad.write_bytes(up.read_bytes()[:100])
    code, out, err = run(capsys, "bundle", "import", "--db", p_db, str(bad))
    assert code == 1 and "cắt cụt" in out and "Traceback" not in err
    code, _, err = run(capsys, "bundle", "export", "--db", c_db, "--to", COMMUNES[1], "--out", str(tmp_path / "x"))
    assert code == 1 and "Lỗi:" in err


def test_held_bundles_exit_code_and_retry(dbs, tmp_path, capsys):
    p_db, c_db = dbs
    run(capsys, "keys", "export", "--db", p_db, "--out", str(tmp_path / "p.json"))
    run(capsys, "keys", "export", "--db", c_db, "--out", str(tmp_path / "c.json"))
    run(capsys, "enroll", "--db", c_db, str(tmp_path / "p.json"), "--yes")
    up = tmp_path / "up.tdktgoi"
    run(capsys, "bundle", "export", "--db", c_db, "--to", PROVINCE, "--out", str(up))
    code, out, _ = run(capsys, "bundle", "import", "--db", p_db, str(up))
    assert code == 3 and "tạm giữ" in out
    code, out, _ = run(capsys, "bundle", "held", "--db", p_db)
    assert code == 3 and COMMUNES[0] in out
    run(capsys, "enroll", "--db", p_db, str(tmp_path / "c.json"), "--yes")
    code, out, _ = run(capsys, "bundle", "held", "--retry", "--db", p_db)
    assert code == 0 and "đã hợp nhất" in out
    assert run(capsys, "bundle", "held", "--db", p_db)[0] == 0


def test_sync_commands_parse_with_db_before_or_after(dbs, capsys):
    parser = build_parser()
    args = parser.parse_args(["keys", "show", "--db", dbs[0], "--json"])
    assert args.func(args) == 0
    assert json.loads(capsys.readouterr().out)["unit_code"] == PROVINCE
    args = parser.parse_args(["--db", dbs[0], "keys", "show", "--json"])
    assert args.db == dbs[0]
    args = parser.parse_args(["bundle", "import", "a", "b", "--dry-run"])
    assert args.paths == ["a", "b"] and args.dry_run and args.db is None
    help_text = parser._subparsers._group_actions[0].choices["bundle"]._subparsers._group_actions[0].choices[
        "import"].format_help()
    assert "Mã thoát" in help_text


@pytest.mark.sqlite_only  # what is refused is the database file itself
def test_the_database_file_is_never_read_or_written_as_a_bundle(dbs, tmp_path, capsys, monkeypatch):
    """``bundle import`` given the database itself (or its -wal) refuses it without opening it outside SQLite
    (closing a descriptor of the file would drop the process's locks on it); ``bundle export --out`` or
    ``keys export --out`` the database refuses to replace it (no file the program writes ever replaces an open
    database: core.files.atomic_write asks store.errors)."""
    p_db, c_db = dbs
    from pathlib import Path

    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.db import check_integrity

    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(str(self.resolve()))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    def counts(store) -> dict[str, int]:
        return {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("units", "sync_incoming")}

    with open_store(p_db) as prov:
        before = counts(prov)
    wal = f"{p_db}-wal"
    for given in (p_db, wal, str(tmp_path / "." / Path(p_db).name)):
        code, out, err = run(capsys, "bundle", "import", "--db", p_db, given, "--json")
        report = json.loads(out)
        (b,) = report["bundles"]
        assert code == 1 and b["status"] == "refused" and b["error_code"] == "database_file", out
        assert "tệp cơ sở dữ liệu đang mở" in b["message"] and "*.tdktgoi" in b["message"]
    assert str(Path(p_db).resolve()) not in opened and str(Path(wal).resolve()) not in opened
    code, out, err = run(capsys, "--db", p_db, "bundle", "import", p_db)
    assert code == 1 and "không phải gói đồng bộ" in out and "Traceback" not in err
    with open_store(p_db) as prov:
        assert check_integrity(prov) == []
        assert counts(prov) == before

    run(capsys, "keys", "export", "--db", p_db, "--out", str(tmp_path / "p.json"))
    run(capsys, "enroll", "--db", c_db, str(tmp_path / "p.json"), "--yes")
    size = Path(c_db).stat().st_size
    code, out, err = run(capsys, "bundle", "export", "--db", c_db, "--to", PROVINCE, "--out", c_db)
    assert code == 1 and "không ghi đè lên nó" in err and "Traceback" not in err
    code, out, err = run(capsys, "keys", "export", "--db", c_db, "--out", str(tmp_path / "." / Path(c_db).name))
    assert code == 1 and "tệp cơ sở dữ liệu đang mở" in err and "Traceback" not in err
    assert Path(c_db).stat().st_size == size
    with open_store(c_db) as c1:
        assert check_integrity(c1) == [] and c1.unit_code == COMMUNES[0]
        assert c1.db.execute("SELECT COUNT(*) FROM sync_outgoing").fetchone()[0] == 0
