"""The suite on the server engine: ``TDKT_TEST_ENGINE=postgresql`` runs the store, sync and CLI tests with every
database a test opens by file name placed on this session's private PostgreSQL server instead
(tests/pgserver.py).

A test names its databases by path (``db_path``, ``tmp_path / "ward.sqlite"``); here ``open_store`` gives each
path a database of its own on the server, made on first use (or refused, as a missing file is, when the test
asks not to create one) and dropped after the test (after the session, for a fixture shared by several tests);
the store keeps the test's path as its ``path`` (its key file lies beside it, and it is what the test hands on
to commands), and an empty file marks the path as taken, as SQLite's file would. :func:`copy_database` copies a
database on either engine. Tests of what only a file has — its bytes, permissions, the SQLite backup and restore,
two programs on one file — are marked ``sqlite_only`` and are skipped here.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENGINE_VARIABLE = "TDKT_TEST_ENGINE"


def server_engine() -> bool:
    return os.environ.get(ENGINE_VARIABLE, "sqlite").strip().lower() in ("postgresql", "postgres", "pg")


class PathMap:
    """Paths → databases on the server, for one session."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.names: dict[str, str] = {}
        self.made: list[tuple[str, str]] = []  # (path, database) in the order they were made
        self.templates: dict[tuple[str, int, float], str] = {}  # a SQLite file copied onto the server
        self._schema_template: str | None = None

    @staticmethod
    def key(path: str | Path) -> str:
        return str(Path(path).resolve())

    def schema_template(self) -> str:
        """A database holding the chain's schema and nothing else, made once per session: a new database is a
        clone of it (tens of milliseconds) rather than a schema built again (a third of a second)."""
        if self._schema_template is None:
            from tdkt_desktop.store.server_db import connect
            from tdkt_desktop.store.server_schema import create_schema

            name = self.server.create_database()
            db = connect(str(self.server.url(name)), timeout_s=10)
            try:
                create_schema(db)
            finally:
                db.close()
            self._schema_template = name
        return self._schema_template

    def address(self, path: str | Path, *, create: bool, template: str | None = None) -> str | None:
        key = self.key(path)
        if key not in self.names:
            if not create:
                return None
            name = self.server.create_database(template or self.schema_template())
            self.made.append((key, name))
            self.names[key] = name
            Path(key).parent.mkdir(parents=True, exist_ok=True)
            Path(key).touch()  # the path now names a database, as a file made by SQLite would
        return str(self.server.url(self.names[key]))

    def drop_since(self, mark: int) -> None:
        """Drop the databases made after the ``mark``-th (a test's own, at its end)."""
        for key, name in self.made[mark:]:
            self.server.drop_database(name)
            self.names.pop(key, None)
        del self.made[mark:]


_PATHS: list[PathMap] = []


def install(server: Any, original: Any) -> Iterator[PathMap]:
    """Replace ``open_store`` wherever a module holds it, for the session."""
    from tdkt_desktop.store import server_address

    paths = PathMap(server)

    def open_store(path: Any = None, *, create: bool = True, operator: str | None = None, backup: bool = True) -> Any:
        if path is None or server_address.is_server_address(path):
            return original(path, create=create, operator=operator, backup=backup)
        address = paths.address(path, create=create)
        if address is None:
            return original(path, create=False, operator=operator, backup=backup)
        store = original(address, create=True, operator=operator, backup=backup)
        store.path = Path(path)  # the test's name for it: its key file beside it, the path it gives on to commands
        return store

    replaced: list[Any] = []
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith(("tdkt_desktop", "tests")) and \
                getattr(module, "open_store", None) is original:
            module.open_store = open_store
            replaced.append(module)
    _PATHS.append(paths)
    try:
        yield paths
    finally:
        _PATHS.remove(paths)
        for module in replaced:
            module.open_store = original
        paths.drop_since(0)


def copy_database(src: Path, dst: Path) -> None:
    """A copy of the (closed) database ``src`` at ``dst``, on either engine: on the server, a database ``src``
    names is cloned; a SQLite file is moved onto the server once per session by ``tdkt server migrate``'s own
    copy (store.server_copy) and cloned from there."""
    if not server_engine():
        shutil.copyfile(src, dst)
        return
    paths = _PATHS[-1]
    key = paths.key(src)
    template = paths.names.get(key)
    if template is None:
        from tdkt_desktop.store.server_copy import copy_to_server

        stat = Path(src).stat()
        ident = (key, stat.st_size, stat.st_mtime)
        if ident not in paths.templates:
            name = paths.server.create_database()
            copy_to_server(Path(src), str(paths.server.url(name)))
            paths.templates[ident] = name
        template = paths.templates[ident]
    try:
        paths.address(dst, create=True, template=template)
    except Exception as exc:  # the source is still open in the test (SQLite lets a file be copied so): copy its rows
        if "being accessed by other users" not in str(exc):
            raise
        from tdkt_desktop.store.server_copy import copy_to_server

        target = paths.server.create_database()
        copy_to_server(Path(src), str(paths.server.url(target)))
        paths.made.append((paths.key(dst), target))
        paths.names[paths.key(dst)] = target
        Path(dst).touch()
