"""Opening the database safely: two programs on one file, a file that is not a database, private files,
the busy timeout and the message naming the program that holds the lock, a new installation identity."""

from __future__ import annotations

import builtins
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tdkt_desktop.store import StoreError, open_store
from tdkt_desktop.store.db import check_integrity
from tdkt_desktop.store.errors import DatabaseLocked, NotADatabase
from tdkt_desktop.store.installation import init_unit

pytestmark = pytest.mark.sqlite_only  # the file, its locks and its permissions (a server: test_store_server.py)

CLI = [sys.executable, "-m", "tdkt_desktop"]

# A long-lived program with its store open (the application's window), whose background jobs open and close
# stores of their own, while a watcher notes every moment the -wal or -shm file is missing or replaced.
LONG_LIVED = textwrap.dedent("""
    import json, os, sys, threading, time
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.db import check_integrity

    db = sys.argv[1]
    store = open_store(db, operator="cửa sổ")
    store.insert("people", {"full_name": "Người thứ nhất"})
    events, stop = [], threading.Event()
    inodes = {name: os.stat(db + name).st_ino for name in ("-wal", "-shm")}

    def watch():
        while not stop.is_set():
            for name, ino in inodes.items():
                try:
                    now = os.stat(db + name).st_ino
                except FileNotFoundError:
                    events.append(name + " missing")
                    continue
                if now != ino:
                    events.append(name + " replaced")
            time.sleep(0.001)

    def job():
        s = open_store(db, create=False, backup=False)
        try:
            s.stats()
        finally:
            s.close()

    def jobs():
        while not stop.is_set():
            t = threading.Thread(target=job)
            t.start()
            t.join()
            time.sleep(0.005)

    threading.Thread(target=watch, daemon=True).start()
    job()  # one job opened and closed its own store before anything else happens
    threading.Thread(target=jobs, daemon=True).start()
    print("ready", flush=True)
    sys.stdin.readline()  # the other programs are done
    stop.set()
    error = None
    try:
        store.insert("people", {"full_name": "Người thứ hai"})
        count = store.count("people")
        problems = check_integrity(store)
    except Exception as exc:
        error, count, problems = repr(exc), None, None
    store.close()
    print(json.dumps({"events": sorted(set(events)), "error": error, "count": count, "problems": problems}), flush=True)
""")


def test_two_programs_on_one_database_never_lose_the_wal(tmp_path):
    db = tmp_path / "phuong.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
    env = {**os.environ, "TDKT_BUSY_TIMEOUT": "10"}
    window = subprocess.Popen([sys.executable, "-c", LONG_LIVED, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    assert window.stdout is not None and window.stdin is not None
    try:
        assert window.stdout.readline().strip() == "ready"
        commands = [["stats", "--json"], ["check"], ["demo"], ["stats"], ["backup"], ["check", "--json"],
                    ["backup", "--list"], ["stats"]]
        for i, command in enumerate(commands):
            where = ["--db", str(db), *command] if i % 2 else [*command, "--db", str(db)]
            proc = subprocess.run([*CLI, *where], capture_output=True, text=True, env=env, timeout=120)
            assert proc.returncode == 0, (command, proc.stderr)
            assert db.with_name(db.name + "-wal").exists() and db.with_name(db.name + "-shm").exists()
        window.stdin.write("done\n")
        window.stdin.flush()
        result = json.loads(window.stdout.readline())
    finally:
        window.kill() if window.poll() is None else None
        window.wait(timeout=30)
    assert result["error"] is None
    assert result["events"] == []  # -wal and -shm were never removed or replaced under the live connection
    assert result["problems"] == []
    with open_store(db) as s:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.count("people") == result["count"] and s.count("campaigns") > 0
        assert [p["full_name"] for p in s.rows("people", "full_name LIKE 'Người thứ%'", order_by="full_name")] == [
            "Người thứ hai", "Người thứ nhất"]


def test_the_database_file_is_only_ever_opened_by_sqlite(tmp_path, monkeypatch):
    db = tmp_path / "phuong.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
    real_open, real_io_open = builtins.open, io.open
    touched: list[str] = []

    def guarded(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).startswith(str(db)) and not str(file).endswith(".keys"):
            touched.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)
    keep = open_store(db)
    for _ in range(3):
        open_store(db).close()
    keep.insert("people", {"full_name": "Lê Thị Hoa"})
    keep.close()
    assert touched == []
    monkeypatch.setattr(builtins, "open", real_open)
    monkeypatch.setattr(io, "open", real_io_open)


def test_a_file_that_is_not_a_database_is_recognised_by_sqlite(tmp_path):
    for content in (b"\xd0\xcf\x11\xe0 an old Excel file" * 200, "Đây là ghi chú, không phải dữ liệu".encode() * 50,
                    b"SQLite format 3\x00" + b"\xff" * 4000):
        path = tmp_path / "nham.sqlite"
        path.write_bytes(content)
        with pytest.raises(NotADatabase, match="không phải là cơ sở dữ liệu TĐKT") as err:
            open_store(path)
        assert "tdkt restore" in str(err.value)
        assert path.read_bytes() == content  # untouched
        assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_and_its_folder_are_created_private(tmp_path):
    folder = tmp_path / "du-lieu" / "TDKT"
    db = folder / "tdkt.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
        s.insert("people", {"full_name": "Trần Văn Nam"})
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_database_readable_by_everyone_is_made_private(tmp_path):
    db = tmp_path / "cu.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
    os.chmod(db, 0o644)
    with open_store(db) as s:
        assert s.unit_code == "31147"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


HOLD_LOCK = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE meta SET value = value WHERE key = 'clock'")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
    print("released", flush=True)
""")


def _hold(db: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_short_write_by_another_program_is_waited_for(tmp_path, monkeypatch):
    """The first write used to fail at once ("database is locked") although a 10 s busy timeout was set."""
    db = tmp_path / "phuong.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
    monkeypatch.setenv("TDKT_BUSY_TIMEOUT", "20")
    holder = _hold(db, 0.6)
    try:
        with open_store(db) as s:
            s.insert("people", {"full_name": "Chờ được"})  # waits for the other program, then writes
            assert s.count("people") == 1
    finally:
        holder.wait(timeout=30)


def test_a_long_lock_is_reported_with_the_program_that_may_hold_it(tmp_path, monkeypatch):
    db = tmp_path / "phuong.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
    monkeypatch.setenv("TDKT_BUSY_TIMEOUT", "0.4")
    holder = _hold(db, 30)
    try:
        with open_store(db) as s:
            started = time.monotonic()
            with pytest.raises(DatabaseLocked) as err:
                s.insert("people", {"full_name": "Không chờ mãi"})
            waited = time.monotonic() - started
            assert s.count("people") == 0
        assert waited >= 0.35
        message = str(err.value)
        assert "đang được một chương trình khác ghi" in message and "0.4 giây" in message
        if sys.platform.startswith("linux"):
            assert f"PID {holder.pid}" in message
        proc = subprocess.run([*CLI, "--db", str(db), "init", "--unit", "31147", "--operator", "B"], capture_output=True,
                              text=True, env={**os.environ, "TDKT_BUSY_TIMEOUT": "0.4"}, timeout=60)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert "đang được một chương trình khác ghi" in proc.stderr
        # reading still works while the other program writes (WAL)
        proc = subprocess.run([*CLI, "stats", "--db", str(db), "--json"], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and json.loads(proc.stdout)["people"] == 0
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_renewed_installation_identity_never_reuses_a_revision_name(store):
    person = store.insert("people", {"full_name": "Đỗ Văn Hùng"})
    old_id, old_rev = store.install_id, person["rev"]
    new_id = store.renew_installation_identity(reason="restore")
    assert new_id != old_id and store.install_id == new_id
    assert store.previous_installs() == [old_id]
    assert store.current_clock() == 0
    edited = store.update("people", person["id"], {"position": "Trưởng thôn"})
    assert edited["origin_install"] == new_id and edited["base_rev"] == old_rev
    assert old_id not in edited["rev"]
    history = store.meta_json("install_history")
    assert history[0]["install_id"] == old_id and history[0]["reason"] == "restore" and history[0]["clock"] >= 1
    with pytest.raises(StoreError):
        raise StoreError("x")
    assert check_integrity(store) == []


def test_nothing_is_written_to_a_database_that_is_only_read(tmp_path):
    db = tmp_path / "phuong.sqlite"
    with open_store(db) as s:
        init_unit(s, code="31147")
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db.read_bytes()
    for _ in range(3):
        with open_store(db) as s:
            s.stats()
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.read_bytes() == before
