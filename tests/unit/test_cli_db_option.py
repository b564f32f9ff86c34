"""``--db`` before or after ANY command: every command of ``tdkt`` is run both ways on two identical
installations, with a temporary HOME; both behave the same, and the default database is never created."""

from __future__ import annotations

import argparse
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tdkt_desktop.cli import build_parser, main
from tdkt_desktop.store import backups, open_store
from tdkt_desktop.store.db import default_db_path, user_data_dir

PROVINCE, WARD = "92", "31147"


def leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = leaf_commands(sub, (*prefix, name))
                found |= inner or {(*prefix, name)}
    return found


class Side:
    """One of the two installations (``--db`` before the command, or after it) and its files."""

    def __init__(self, root: Path, before: bool) -> None:
        self.root = root
        self.before = before
        root.mkdir()
        self.db = root / "phuong.sqlite"
        self.province = root / "tinh.sqlite"

    def run(self, capsys: pytest.CaptureFixture[str], *argv: str, db: Path | None = None) -> tuple[int, str, str]:
        where = ["--db", str(db or self.db)]
        args = [*where, *argv] if self.before else [*argv, *where]
        code = main(args)
        out = capsys.readouterr()
        return code, out.out, out.err


# Each command, with what it needs (a function of the side giving the rest of the command line) and the exit code
# expected. A command added to ``tdkt`` without an entry here fails the test.
def _f(side: Side, name: str) -> str:
    return str(side.root / name)


COMMANDS: list[tuple[tuple[str, ...], Callable[[Side], list[str]], int]] = [
    (("init",), lambda s: ["--unit", WARD, "--operator", "Nguyễn Thị Thu Hà"], 0),
    (("demo",), lambda s: [], 0),
    (("rules", "show"), lambda s: ["--date", "02/07/2026", "--title", "LDTT"], 0),
    (("rules", "sources"), lambda s: ["--json"], 0),
    # an office's server database only: a file named by --db is refused, before or after the command alike
    (("server", "init"), lambda s: ["--unit", "92", "--admin-name", "Nguyễn Văn An"], 1),
    (("server", "migrate"), lambda s: [str(s.province), "--admin-name", "Nguyễn Văn An"], 1),
    (("server", "add-officer"), lambda s: ["tranthib", "--name", "Trần Thị B"], 1),
    (("server", "officers"), lambda s: ["--json"], 1),
    (("server", "lock-officer"), lambda s: ["tranthib"], 1),
    (("server", "unlock-officer"), lambda s: ["tranthib"], 1),
    (("server", "restored"), lambda s: [], 1),
    (("awards", "list"), lambda s: ["--decision", _decision_id(s), "--json"], 0),
    (("awards", "cancel"), lambda s: [_awardee_id(s), "--date", "15/01/2026", "--ground", "a", "--reason", "Gian dối",
                                      "--signer", "Nguyễn Văn A", "--signer-title", "Chủ tịch", "--yes"], 0),
    (("awards", "cancellations"), lambda s: ["--json"], 0),
    (("awards", "recovered"), lambda s: [_cancellation_id(s), "--date", "01/02/2026"], 0),
    (("units", "search"), lambda s: ["tan", "an"], 0),
    (("stats",), lambda s: ["--json"], 0),
    (("check",), lambda s: ["--json"], 0),
    (("backup",), lambda s: ["--json"], 0),
    (("restore",), lambda s: [str(backups.list_backups(s.db)[0].path), "--yes"], 0),
    (("parse-targets",), lambda s: [_f(s, "chi-thi.txt"), "--json"], 0),
    (("directive", "read"), lambda s: [_f(s, "chi-thi.txt"), "--json"], 0),
    (("directive", "import"), lambda s: [_f(s, "chi-thi.txt"), "--name", "Phong trào thử", "--json"], 0),
    (("records", "kinds"), lambda s: [], 0),
    (("records", "fields"), lambda s: ["people"], 0),
    (("records", "add"), lambda s: ["people", "--file", _f(s, "nguoi.json")], 0),
    (("records", "list"), lambda s: ["people", "--search", "Hồ Văn Lệnh", "--json"], 0),
    (("records", "show"), lambda s: ["people", _person_id(s), "--json"], 0),
    (("records", "update"), lambda s: ["people", _person_id(s), "--set", "position=Trưởng thôn"], 0),
    (("records", "delete"), lambda s: ["people", _person_id(s)], 0),
    (("records", "undelete"), lambda s: ["people", _person_id(s)], 0),
    (("audit",), lambda s: ["--kind", "people", "--json"], 0),
    (("nominations", "submit"), lambda s: ["zzzzzzzz"], 1),  # refused: no such nomination
    (("appraise", "receive"), lambda s: ["zzzzzzzz"], 1),
    (("appraise", "check"), lambda s: ["zzzzzzzz", "--date", "15/01/2026"], 1),
    (("appraise", "approve"), lambda s: ["zzzzzzzz"], 1),
    (("appraise", "return"), lambda s: ["zzzzzzzz", "--reason", "Thiếu báo cáo"], 1),
    (("appraise", "reject"), lambda s: ["zzzzzzzz", "--reason", "Không đủ tiêu chuẩn"], 1),
    (("council", "add"), lambda s: ["--date", "10/12/2026", "--members", "9", "--present", "8", "--json"], 0),
    (("council", "vote"), lambda s: ["zzzzzzzz", "zzzzzzzz", "--for", "5"], 1),
    (("results", "set"), lambda s: ["--campaign", "zzzzzzzz", "--period", "2026", "--target", "1", "5"], 1),
    (("results", "import"), lambda s: ["--campaign", "zzzzzzzz", "--period", "2026", _f(s, "ket-qua.csv")], 1),
    (("results", "show"), lambda s: ["--campaign", "zzzzzzzz", "--period", "2026"], 1),
    (("registrations", "add"), lambda s: ["--campaign", "zzzzzzzz", "--title", "LDTT", "--all-people"], 1),
    (("decisions", "issue"), lambda s: ["--nominations", "zzzzzzzz", "--date", "20/12/2026"], 1),
    (("print",), lambda s: ["--list"], 0),
    (("keys", "show"), lambda s: ["--json"], 0),
    (("keys", "export"), lambda s: ["--out", _f(s, "phuong.tdktkhoa")], 0),
    (("enroll",), lambda s: [_f(s, "tinh.tdktkhoa"), "--yes"], 0),
    (("bundle", "export"), lambda s: ["--to", PROVINCE, "--out", _f(s, "len.tdktgoi")], 0),
    (("bundle", "import"), lambda s: [_f(s, "xuong.tdktgoi"), "--json"], 0),
    (("bundle", "held"), lambda s: [], 0),
    (("bundle", "status"), lambda s: ["--json"], 0),
    (("conflicts", "list"), lambda s: ["--json"], 0),
    (("conflicts", "resolve"), lambda s: ["999", "--keep", "kept"], 1),
    (("excel", "export"), lambda s: ["people", "--out", _f(s, "ca-nhan.xlsx")], 0),
    (("excel", "import"), lambda s: [_f(s, "ca-nhan.xlsx"), "--kind", "people", "--dry-run"], 0),
    (("records", "import"), lambda s: ["ca-nhan", _f(s, "ca-nhan.xlsx"), "--dry-run"], 0),
    (("report",), lambda s: ["0601N", "--period", "2025", "--out", _f(s, "bieu.pdf")], 0),
    (("verify",), lambda s: [_f(s, "bieu.pdf"), "--json"], 1),  # made here, never signed
    (("sign",), lambda s: [_f(s, "bieu.pdf"), "--out", _f(s, "bieu-ky.pdf")], 1),  # no certificate given
    (("keys", "rotate"), lambda s: [], 0),
    (("keys", "protect"), lambda s: [], 0),
    (("keys", "revoke"), lambda s: ["--yes", "--reason", "thử"], 0),
    (("keys", "new"), lambda s: ["--yes"], 1),  # refused: the key file exists
    (("start",), lambda s: [], 1),  # no display here: refused after creating the demo database it was given
]


def _person_id(side: Side) -> str:
    with open_store(side.db) as s:
        return str(s.rows("people", "full_name = ?", ["Hồ Văn Lệnh"], include_deleted=True)[0]["id"])


def _decision_id(side: Side) -> str:
    with open_store(side.db) as s:
        return str(s.rows("decisions")[0]["id"])


def _awardee_id(side: Side) -> str:
    with open_store(side.db) as s:
        return str(s.rows("decision_awardees", order_by="so_vang")[0]["id"])


def _cancellation_id(side: Side) -> str:
    with open_store(side.db) as s:
        return str(s.rows("award_cancellations")[0]["id"])


def test_every_command_is_in_the_table():
    assert {c for c, _, _ in COMMANDS} == leaf_commands(build_parser())


def _province_for(side: Side, capsys: pytest.CaptureFixture[str]) -> None:
    """The ward's upper office, enrolled both ways, with a bundle waiting for the ward."""
    assert side.run(capsys, "init", "--unit", PROVINCE, db=side.province)[0] == 0
    assert side.run(capsys, "keys", "export", "--out", _f(side, "tinh.tdktkhoa"), db=side.province)[0] == 0


def _province_sends(side: Side, capsys: pytest.CaptureFixture[str]) -> None:
    assert side.run(capsys, "enroll", _f(side, "phuong.tdktkhoa"), "--yes", db=side.province)[0] == 0
    with open_store(side.province) as p:
        p.insert("campaigns", {"name": "Phong trào thi đua “Chung sức xây dựng nông thôn mới”", "campaign_type": "thematic",
                               "issued_by": PROVINCE, "year": 2025})
    code, _, err = side.run(capsys, "bundle", "export", "--to", WARD, "--out", _f(side, "xuong.tdktgoi"), db=side.province)
    assert code == 0, err


@pytest.mark.sqlite_only  # every command, file ones included (check, backup, restore)
def test_db_before_or_after_every_command(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no keyboard: confirmations come from --yes
    monkeypatch.setenv("TDKT_NEW_KEY_PASSPHRASE", "mật khẩu dài đủ")
    monkeypatch.setattr("tdkt_desktop.cli.installation.display_available", lambda: False)
    default = default_db_path()
    sides = [Side(tmp_path / "truoc", before=True), Side(tmp_path / "sau", before=False)]
    for side in sides:
        Path(_f(side, "nguoi.json")).write_text(json.dumps({"full_name": "Hồ Văn Lệnh"}), encoding="utf-8")
        Path(_f(side, "chi-thi.txt")).write_text(
            "1. Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” đạt từ 90% trở lên.\n", encoding="utf-8")
        _province_for(side, capsys)
    results: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for command, extra, expected in COMMANDS:
        for side in sides:
            if command == ("bundle", "import"):
                _province_sends(side, capsys)
            if command == ("keys", "revoke"):
                monkeypatch.setenv("TDKT_KEY_PASSPHRASE", "mật khẩu dài đủ")
            if command == ("start",):
                side.db = side.root / "moi.sqlite"
            code, out, err = side.run(capsys, *command, *extra(side))
            assert code == expected, (command, side.before, err)
            assert "Traceback" not in err
            results.setdefault(command, []).append((code, out))
            assert not default.exists(), f"{command} created the default database"
            assert not user_data_dir().exists(), f"{command} created the default data folder"
    # both ways did the same thing, on their own files
    for command in (("stats",), ("conflicts", "list")):
        first, second = (json.loads(out) for _, out in results[command])
        assert first == second, command
    for side in sides:
        assert Path(_f(side, "len.tdktgoi")).is_file() and Path(_f(side, "ca-nhan.xlsx")).is_file()
        assert Path(_f(side, "bieu.pdf")).is_file()
        assert (side.root / "moi.sqlite").is_file()  # "start" made its demo database where it was told
        with open_store(side.root / "phuong.sqlite") as s:
            assert s.unit_code == WARD and s.count("campaigns") >= 1
            assert s.previous_installs()  # the restore gave a new identity
            assert s.rows("people", "full_name = ?", ["Hồ Văn Lệnh"])[0]["position"] == "Trưởng thôn"
    assert sorted(os.listdir(tmp_path)) == ["sau", "truoc"]
