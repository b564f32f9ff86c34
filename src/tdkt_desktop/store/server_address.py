"""Addresses of server databases (``postgresql://…``), told apart from file names without loading the server
engine (:mod:`tdkt_desktop.store.server_db`): a SQLite installation never imports it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")


def is_server_address(value: object) -> bool:
    """``value`` names a PostgreSQL database (``postgresql://…``) rather than a file."""
    return isinstance(value, str) and value.strip().lower().startswith(SCHEMES)


def shown(address: str) -> str:
    """``address`` as messages and screens show it: without its password."""
    parts = urlsplit(address.strip())
    if parts.password is None:
        return address.strip()
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def database_location(value: str | Path) -> str | Path:
    """What names a database: a server database's address as it is, anything else as a file path."""
    if isinstance(value, str) and is_server_address(value):
        return value.strip()
    return Path(value)


def location_label(location: str | Path, *, short: bool = False) -> str:
    """How screens name a database: its file (name only when ``short``), or its server address without password."""
    if isinstance(location, str):
        return shown(location)
    return location.name if short else str(location)


DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    """The parts of a server database's address, as the connection settings show them."""

    host: str
    port: int
    database: str
    login: str

    def address(self, password: str | None = None) -> str:
        """``postgresql://login[:password]@host:port/database`` (the password only for the session, never kept)."""
        who = quote(self.login, safe="") + (":" + quote(password, safe="") if password else "")
        database = quote(self.database, safe="")
        if self.host.startswith("/"):  # the folder of a local server's socket (Linux)
            return f"postgresql://{who}@/{database}?host={quote(self.host, safe='/')}&port={self.port}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{who}@{host}:{self.port}/{database}"


def parse_address(address: str) -> ServerAddress:
    """The parts of ``address`` (a ``postgresql://`` URL; the host may be given as ``?host=`` for a local socket)."""
    parts = urlsplit(address.strip())
    query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
    return ServerAddress(host=parts.hostname or unquote(query.get("host", "")), port=parts.port or int(
        query.get("port", DEFAULT_PORT)), database=unquote(parts.path.strip("/")), login=unquote(parts.username or ""))


def with_password(address: str, password: str) -> str:
    """``address`` with ``password`` for this session's connections (kept in memory only)."""
    parts = urlsplit(address.strip())
    host = parts.netloc.rsplit("@", 1)[-1]
    user = (parts.username or "") + ":" + quote(password, safe="")
    return urlunsplit((parts.scheme, f"{user}@{host}", parts.path, parts.query, parts.fragment))


def without_password(address: str) -> str:
    """``address`` as it may be written down (settings, messages): its password removed."""
    parts = urlsplit(address.strip())
    if parts.password is None:
        return address.strip()
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"{parts.username or ''}@{host}", parts.path, parts.query, parts.fragment))


def password_file() -> Path:
    """The password file PostgreSQL's own library reads on this computer (PGPASSFILE, else its usual place)."""
    given = os.environ.get("PGPASSFILE")
    if given:
        return Path(given)
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _field(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(server: ServerAddress, password: str) -> Path:
    """Keep ``password`` for ``server`` in this account's PostgreSQL password file (readable by this account only),
    replacing an older one for the same server, database and login; the connections then need no password."""
    from tdkt_desktop.core.files import atomic_write

    path = password_file()
    key = ":".join(_field(v) for v in (server.host, str(server.port), server.database, server.login)) + ":"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    kept = [line for line in lines if not line.startswith(key)]
    atomic_write(path, "\n".join([*kept, key + _field(password)]) + "\n", private=True, make_parents=True)
    return path
