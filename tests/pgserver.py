"""A private, throw-away PostgreSQL cluster for one test session.

The suite never uses a system PostgreSQL service: ``PgServer.start()`` runs ``initdb`` into a new temporary
folder and starts a server that listens only on a unix socket in that folder (no TCP port, so sessions
running side by side on one machine never collide and nothing outside the machine can reach a server whose
local connections are trusted). The cluster is UTF-8 with the C locale, so text sorts by bytes as in SQLite,
and runs without fsync, synchronous commit or full-page writes: it is rebuilt for every session, so
durability would only cost time. Each test gets an empty database cloned from ``template0``.

``initdb`` and ``postgres`` refuse to run as root: a root session runs them as the ``postgres`` account the
Debian package creates (``nobody`` where there is none) and hands the folder to that account.

A session holds an exclusive lock on ``session.lock`` in its folder for as long as it lives; the kernel
releases it when the process ends, however it ends. ``remove_abandoned()`` (called by every start) stops the
server and removes the folder of any session whose lock is free, so a killed run never leaves a server that
the next one has to live with, and a live session beside it is never touched.
"""

from __future__ import annotations

import fcntl
import importlib.util
import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

REQUIRE_VARIABLE = "TDKT_REQUIRE_POSTGRES"
PREFIX = "tdkt-pg-"
LOCK_NAME = "session.lock"
SUPERUSER = "tdkt"
PORT = 5432  # names the socket file only: the server opens no TCP port
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}
# A folder without a lock file was left between its creation and its lock (a few microseconds); one that
# old cannot belong to a session still starting.
STALE_UNLOCKED_SECONDS = 600


class PostgresUnavailable(Exception):
    """The PostgreSQL server programs or the psycopg driver are not installed."""


def find_bindir() -> Path:
    """The folder of ``initdb``, ``pg_ctl`` and ``postgres``: the highest version under /usr/lib/postgresql
    (Debian keeps them off PATH), else the one on PATH."""
    def version(folder: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", folder.parent.name)) or (0,)

    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise PostgresUnavailable(
        "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found under /usr/lib/postgresql/*/bin "
        "or on PATH; install the Debian package postgresql (scripts/test.sh does)")


def require_psycopg() -> None:
    if importlib.util.find_spec("psycopg") is None:
        raise PostgresUnavailable("the psycopg 3 driver is not installed: pip install -e . "
                                  "(scripts/test.sh does)")


def start_for_tests(base: Path | None = None) -> PgServer:
    """Starts a server for a test session; skips the tests that need it when PostgreSQL or psycopg is not
    installed, unless TDKT_REQUIRE_POSTGRES=1 (scripts/test.sh installs both), where that is a failure."""
    try:
        return PgServer.start(base)
    except PostgresUnavailable as exc:
        if os.environ.get(REQUIRE_VARIABLE) == "1":
            pytest.fail(f"PostgreSQL is required ({REQUIRE_VARIABLE}=1) but {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL is not available: {exc}")


def _server_account() -> pwd.struct_passwd | None:
    """The account the server programs run as when this process is root; None when it is not."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable("running as root, and neither a postgres nor a nobody account exists to run "
                              "initdb and postgres (they refuse to run as root)")


def _environment() -> dict[str, str]:
    """This process's environment without libpq's PG* variables (PGDATA, PGPORT… must not redirect the
    private server) and with the C locale for the programs' own messages."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env.update(LC_ALL="C", LANG="C")
    return env


def _run(args: list[str], *, cwd: Path, account: pwd.struct_passwd | None, log: Path | None = None,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    kwargs: dict[str, Any] = {}
    if account is not None:
        kwargs.update(user=account.pw_uid, group=account.pw_gid, extra_groups=[])
    done = subprocess.run(args, cwd=cwd, env=_environment(), capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL, **kwargs)
    if check and done.returncode != 0:
        detail = (done.stdout + done.stderr).strip()
        if log is not None and log.exists():
            detail += "\n--- server log ---\n" + "\n".join(log.read_text(errors="replace").splitlines()[-30:])
        raise RuntimeError(f"{' '.join(args)} failed with exit code {done.returncode}:\n{detail}")
    return done


def _lock(folder: Path) -> int:
    """Takes this session's lock on ``folder``. The lock is taken on a file of another name and only then
    renamed into place, so no other session can ever see the lock file while it is free."""
    pending = folder / (LOCK_NAME + ".new")
    fd = os.open(pending, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.rename(pending, folder / LOCK_NAME)
    return fd


def remove_abandoned(base: Path | None = None) -> list[Path]:
    """Stops the server of every session folder under ``base`` whose owner has died and removes the folder;
    returns the folders removed. Folders of live sessions are left alone."""
    base = Path(base or tempfile.gettempdir())
    removed: list[Path] = []
    for folder in sorted(base.glob(PREFIX + "*")):
        if not folder.is_dir() or folder.is_symlink():
            continue
        try:
            fd = os.open(folder / LOCK_NAME, os.O_RDWR)
        except FileNotFoundError:
            if time.time() - folder.stat().st_mtime > STALE_UNLOCKED_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
            continue
        except OSError:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # its session is alive
            _stop_cluster(folder / "data")
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(fd)
    return removed


def _stop_cluster(data: Path) -> None:
    """Stops a server left running in ``data`` (immediate shutdown: nothing in it is kept)."""
    if not (data / "postmaster.pid").exists():
        return
    try:
        bindir = find_bindir()
    except PostgresUnavailable:
        return
    # The folder's owner runs the server, whichever account this process is.
    owner = data.stat().st_uid
    account = pwd.getpwuid(owner) if os.geteuid() == 0 and owner != 0 else None
    _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "-s", "stop"], cwd=data.parent,
         account=account, check=False)


class PgServer:
    """One running private cluster; ``stop()`` (or leaving the ``with`` block) ends it and removes its folder."""

    def __init__(self, root: Path, bindir: Path, account: pwd.struct_passwd | None, lock_fd: int) -> None:
        self.root = root
        self.bindir = bindir
        self.account = account
        self._lock_fd: int | None = lock_fd
        self._admin: Any = None  # psycopg.Connection to the maintenance database, opened on first use
        self._names = itertools.count(1)

    # ------------------------------------------------------------------ where it lives

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL of ``dbname`` on this server, through its unix socket."""
        return (f"postgresql://{SUPERUSER}@/{quote(dbname, safe='')}"
                f"?host={quote(str(self.socket_dir), safe='/')}&port={PORT}")

    # ------------------------------------------------------------------ life

    @classmethod
    def start(cls, base: Path | None = None) -> PgServer:
        """Initialises and starts a new cluster in a new folder under ``base`` (the system's temporary
        folder by default), after removing what killed sessions left there."""
        bindir = find_bindir()
        require_psycopg()
        account = _server_account()
        base = Path(base or tempfile.gettempdir())
        remove_abandoned(base)
        root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))
        lock_fd = _lock(root)
        server = cls(root, bindir, account, lock_fd)
        try:
            if account is not None:
                os.chown(root, account.pw_uid, account.pw_gid)
            server._pg([str(bindir / "initdb"), "-D", str(server.data_dir), "-U", SUPERUSER,
                        "--encoding=UTF8", "--locale=C", "--auth-local=trust", "--auth-host=reject",
                        "--no-sync"])
            settings = {**SETTINGS, "unix_socket_directories": "'" + str(server.socket_dir) + "'",
                        "port": str(PORT)}
            with (server.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
                conf.write("\n# private test cluster (tests/pgserver.py)\n")
                conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
            server._pg([str(bindir / "pg_ctl"), "-D", str(server.data_dir), "-l", str(server.log_file),
                        "-w", "-t", "60", "-s", "start"])
        except BaseException:
            server.stop()
            raise
        return server

    def _pg(self, args: list[str]) -> None:
        _run(args, cwd=self.root, account=self.account, log=self.log_file)

    def stop(self) -> None:
        """Stops the server at once and removes its folder; safe to call more than once."""
        if self._lock_fd is None:
            return
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        _stop_cluster(self.data_dir)
        shutil.rmtree(self.root, ignore_errors=True)
        os.close(self._lock_fd)
        self._lock_fd = None

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ databases

    def admin(self) -> Any:
        """An autocommit connection to the maintenance database (``postgres``), kept open for the session."""
        if self._admin is None:
            import psycopg

            self._admin = psycopg.connect(self.url(), autocommit=True)
        return self._admin

    def create_database(self, template: str = "template0") -> str:
        """Creates a new, uniquely named database cloned from ``template`` (empty: ``template0``; a database
        prepared once per session clones as quickly) and returns its name."""
        from psycopg import sql

        name = f"test_{next(self._names)}"
        self.admin().execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                               sql.Identifier(template)))
        return name

    def drop_database(self, name: str) -> None:
        """Drops ``name``, ending any connection a test left open to it. The server refuses to drop a
        database while a backend is still on its way out, and rechecks only every 100 ms: ending them first
        and waiting for them here in small steps keeps a test's teardown at a few milliseconds."""
        from psycopg import sql

        admin = self.admin()
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        deadline = time.monotonic() + 10
        while (admin.execute("SELECT 1 FROM pg_stat_activity WHERE datname = %s", (name,)).fetchone()
               and time.monotonic() < deadline):
            time.sleep(0.001)
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
