"""The suite's private PostgreSQL server (tests/pgserver.py and the pg_server / pg_url fixtures): it answers,
keeps Vietnamese text as given, orders text by bytes as SQLite does, is one cluster for the whole session,
gives every test an empty database, and never leaves a server behind a killed session."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

from tests import pgserver

if os.environ.get(pgserver.REQUIRE_VARIABLE) == "1":
    import psycopg  # required: missing is a failure, never a skip
else:
    psycopg = pytest.importorskip("psycopg")

REPO = Path(__file__).resolve().parents[2]
NAME = "Nguyễn Thị Ánh"
# Names whose byte order differs from any dictionary order: capitals before small letters, every accented
# letter (and Đ) after all of ASCII.
NAMES = ["Đặng Văn Ân", "Ánh", "anh", "Anh", "Bình", "Zoe", "Ân", "ánh", "Dũng", "Ông", "Nguyễn Thị Ánh"]


def test_server_answers_on_its_own_socket_only(pg_server, pg_url, monkeypatch):
    # libpq's environment must not redirect the URL elsewhere.
    for key, value in {"PGHOST": "/nonexistent", "PGPORT": "1", "PGUSER": "nobody", "PGDATABASE": "nothing"}.items():
        monkeypatch.setenv(key, value)
    with psycopg.connect(pg_url) as conn:
        version = int(conn.execute("SHOW server_version_num").fetchone()[0])
        assert version >= 130000
        assert conn.info.server_version == version
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == ""  # no TCP port at all
        assert conn.execute("SELECT inet_server_addr()").fetchone()[0] is None  # came through the socket
        assert conn.execute("SHOW server_encoding").fetchone()[0] == "UTF8"
        assert conn.execute("SHOW lc_collate").fetchone()[0] == "C"
        assert conn.execute("SHOW fsync").fetchone()[0] == "off"
        assert conn.execute("SHOW data_directory").fetchone()[0] == str(pg_server.data_dir)
    # The folder is this session's own: under the temporary folder, not the system cluster's.
    assert pg_server.root.parent == Path(tempfile.gettempdir())
    assert (pg_server.socket_dir / f".s.PGSQL.{pgserver.PORT}").is_socket()


def test_vietnamese_text_is_kept_as_given(pg_url):
    nfc = unicodedata.normalize("NFC", NAME)
    nfd = unicodedata.normalize("NFD", NAME)
    assert nfc != nfd
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE person (id int PRIMARY KEY, name text NOT NULL)")
        conn.execute("INSERT INTO person VALUES (1, %s), (2, %s)", (nfc, nfd))
        conn.commit()
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT name, octet_length(name), length(name) FROM person ORDER BY id").fetchall()
        assert rows == [(nfc, len(nfc.encode()), len(nfc)), (nfd, len(nfd.encode()), len(nfd))]
        assert unicodedata.is_normalized("NFC", rows[0][0])
        assert conn.execute("SELECT id FROM person WHERE name = %s", (NAME,)).fetchall() == [(1,)]


def test_text_orders_by_bytes_as_in_sqlite(pg_url):
    by_bytes = sorted(NAMES, key=lambda s: s.encode())
    assert by_bytes[:3] == ["Anh", "Bình", "Dũng"] and by_bytes[-1] == "Đặng Văn Ân"
    with sqlite3.connect(":memory:") as lite:
        lite.execute("CREATE TABLE person (name TEXT)")
        lite.executemany("INSERT INTO person VALUES (?)", [(n,) for n in NAMES])
        in_sqlite = [name for (name,) in lite.execute("SELECT name FROM person ORDER BY name")]
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE person (name text)")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO person VALUES (%s)", [(n,) for n in NAMES])
        in_postgres = [name for (name,) in conn.execute("SELECT name FROM person ORDER BY name")]
        # An index serves the same order.
        conn.execute("CREATE INDEX person_name ON person (name)")
        conn.execute("SET enable_seqscan = off")
        indexed = [name for (name,) in conn.execute("SELECT name FROM person ORDER BY name")]
    assert in_postgres == indexed == in_sqlite == by_bytes


def test_two_connections_see_each_others_committed_rows(pg_url):
    with psycopg.connect(pg_url) as first, psycopg.connect(pg_url) as second:
        first.execute("CREATE TABLE note (text text)")
        first.commit()
        first.execute("INSERT INTO note VALUES ('từ kết nối thứ nhất')")
        assert second.execute("SELECT count(*) FROM note").fetchone()[0] == 0  # not yet committed
        second.rollback()
        first.commit()
        assert second.execute("SELECT text FROM note").fetchall() == [("từ kết nối thứ nhất",)]
        second.execute("INSERT INTO note VALUES ('từ kết nối thứ hai')")
        second.commit()
        assert first.execute("SELECT count(*) FROM note").fetchone()[0] == 2
        first.rollback()


_databases: list[str] = []


@pytest.mark.parametrize("turn", [1, 2])
def test_each_test_gets_an_empty_database(pg_server, pg_url, turn):
    with psycopg.connect(pg_url) as conn:
        name = conn.execute("SELECT current_database()").fetchone()[0]
        assert name not in _databases
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
                              "('pg_catalog', 'information_schema')").fetchone()[0]
        assert tables == 0
        conn.execute("CREATE TABLE leftover (turn int)")
        conn.execute("INSERT INTO leftover VALUES (%s)", (turn,))
        # The databases of earlier tests are gone.
        existing = {row[0] for row in conn.execute("SELECT datname FROM pg_database")}
        assert existing.isdisjoint(_databases)
    _databases.append(name)


_clusters: list[tuple[object, ...]] = []


@pytest.mark.parametrize("turn", [1, 2, 3])
def test_one_cluster_serves_the_whole_session(pg_server, pg_url, turn):
    with psycopg.connect(pg_url) as conn:
        identity = conn.execute("SELECT system_identifier FROM pg_control_system()").fetchone()[0]
        started = conn.execute("SELECT pg_postmaster_start_time()").fetchone()[0]
    postmaster = int((pg_server.data_dir / "postmaster.pid").read_text().split()[0])
    _clusters.append((id(pg_server), pg_server.root, identity, started, postmaster))
    assert len(set(_clusters)) == 1


def test_missing_postgres_skips_unless_required(monkeypatch, tmp_path):
    def missing() -> Path:
        raise pgserver.PostgresUnavailable("initdb was not found")

    monkeypatch.setattr(pgserver, "find_bindir", missing)
    monkeypatch.delenv(pgserver.REQUIRE_VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="initdb was not found"):
        pgserver.start_for_tests(tmp_path)
    monkeypatch.setenv(pgserver.REQUIRE_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception, match=r"required .*initdb was not found"):
        pgserver.start_for_tests(tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing was started or left


def test_missing_psycopg_skips_unless_required(monkeypatch, tmp_path):
    real = pgserver.importlib.util.find_spec
    monkeypatch.setattr(pgserver.importlib.util, "find_spec", lambda name: None if name == "psycopg" else real(name))
    monkeypatch.delenv(pgserver.REQUIRE_VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="psycopg"):
        pgserver.start_for_tests(tmp_path)
    monkeypatch.setenv(pgserver.REQUIRE_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception, match="psycopg"):
        pgserver.start_for_tests(tmp_path)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.fixture
def sessions_folder():
    """A folder of its own for session folders (readable by the server's account), so that cleaning it
    never meets another session's server."""
    folder = Path(tempfile.mkdtemp(prefix="tdkt-pg-sessions-"))
    folder.chmod(0o755)
    yield folder
    pgserver.remove_abandoned(folder)
    for rest in folder.iterdir():
        raise AssertionError(f"left behind: {rest}")
    folder.rmdir()


def test_a_killed_session_leaves_nothing_that_lasts(pg_server, sessions_folder):
    """A session killed with SIGKILL cannot stop its server; the next start stops and removes it, and never
    touches the server of a session still alive beside it."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tests.pgserver import PgServer; "
         "s = PgServer.start(sys.argv[1]); print(s.root, flush=True); sys.stdin.read()", str(sessions_folder)],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        root = Path(child.stdout.readline().strip())
        assert root.parent == sessions_folder
        postmaster = int((root / "data" / "postmaster.pid").read_text().split()[0])
        assert _running(postmaster)
        # Alive: left alone, and its server still answers.
        assert pgserver.remove_abandoned(sessions_folder) == []
        url = f"postgresql://{pgserver.SUPERUSER}@/postgres?host={root}&port={pgserver.PORT}"
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stdin.close()
    assert _running(postmaster)  # a killed session cannot stop its own server
    assert pgserver.remove_abandoned(sessions_folder) == [root]
    assert not root.exists()
    assert not _running(postmaster)
    # The session's own server was not disturbed either.
    with psycopg.connect(pg_server.url()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_a_database_with_connections_left_open_is_dropped(pg_server):
    name = pg_server.create_database()
    forgotten = psycopg.connect(pg_server.url(name))
    forgotten.execute("CREATE TABLE t (x int)")  # an open transaction too
    pg_server.drop_database(name)
    exists = pg_server.admin().execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,))
    assert exists.fetchone()[0] == 0
    with pytest.raises(psycopg.OperationalError):
        forgotten.execute("SELECT 1")
    forgotten.close()
