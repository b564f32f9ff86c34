"""The store on a PostgreSQL server: the database of an upper office that several officers share.

SQLite stays the engine of a single computer; every module of the store writes its SQL once, in SQLite's
dialect, and talks to a connection the way :mod:`sqlite3` does. On a server, :class:`ServerDatabase` stands
where :class:`sqlite_utils.Database` stands and :class:`ServerConnection` where :class:`sqlite3.Connection`
stands: each statement is translated once (:func:`translate`, cached) and run through psycopg, and the errors
PostgreSQL gives are raised as the :mod:`sqlite3` errors that say the same thing, in SQLite's words, so that
every ``except sqlite3.Error`` of the store and its Vietnamese messages hold on both engines.

What differs, and how it is kept the same:

* placeholders (``?``, ``:name``), ``INSERT OR IGNORE``/``OR REPLACE``, ``json_each``, ``IS NOT``, the order
  of NULLs (first, as SQLite sorts them) — by :mod:`sqlglot` and the rewrites below;
* ``rowid`` — every table without an integer key has a ``rowid`` column numbered in insertion order (identity),
  left out of ``SELECT *`` as SQLite leaves it out;
* the full-text index — a table with a ``tsvector`` of the same folded text (``simple`` configuration, GIN
  index); ``search_index MATCH ?`` with the same prefix expression (see :mod:`tdkt_desktop.store.search`);
* ``BEGIN IMMEDIATE`` — ``BEGIN`` and a transaction-wide advisory lock: writers take turns as they do on SQLite
  (the counters of ``meta`` are read and written inside the transaction); readers never wait;
* the ``PRAGMA`` statements the store runs — answered from the catalogue (``table_info``) or without effect
  where the server decides (journal, cache, busy timeout).

The schema is the migration chain's (:mod:`tdkt_desktop.store.migrations`): :func:`create_schema` applies the
chain to an empty SQLite database in memory and creates the same tables and indexes on the server.
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
import sqlglot
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper
from psycopg.pq import TransactionStatus
from sqlglot import exp

from tdkt_desktop.store.errors import (
    DatabaseLocked,
    DatabaseUnreachable,
    LoginRefused,
    StoreError,
    database_error,
)
from tdkt_desktop.store.server_address import shown

Row = dict[str, Any]

WRITE_LOCK = 0x7464_6B74  # the advisory lock every writing transaction takes ("tdkt")
ROWID = "rowid"
FTS_TABLE = "search_index"


# --------------------------------------------------------------------------- statements


@dataclass(frozen=True)
class Statement:
    """A statement in PostgreSQL's words. ``strip_rowid``: the rows carry a ``rowid`` SQLite would not show
    (``SELECT *``); ``returns_id``: an ``INSERT`` into a table numbered by ``id`` returns it (``lastrowid``)."""

    sql: str
    strip_rowid: bool = False
    returns_id: bool = False
    begin_write: bool = False
    writes: str | None = None  # the table an INSERT, UPDATE or DELETE writes
    constant: tuple[tuple[Any, ...], ...] | None = None  # a PRAGMA answered without the server


_PRAGMA = re.compile(r"^\s*PRAGMA\s+(\w+)\s*(?:\(\s*([\w\"]*)\s*\)|=\s*(\S+))?\s*;?\s*$", re.IGNORECASE)
_MATCH = re.compile(r"\bsearch_index\s+MATCH\s+\?", re.IGNORECASE)
_FTS_CALL = re.compile(r'tdkt_fts\("tsv", (%s)\)', re.IGNORECASE)
# PRAGMAs a server answers by itself: what SQLite's would say when all is well.
_QUIET_PRAGMAS = {"busy_timeout", "foreign_keys", "journal_mode", "synchronous", "cache_size", "secure_delete",
                  "wal_checkpoint", "integrity_check", "quick_check", "foreign_key_check", "optimize"}


def _pragma(name: str, argument: str | None) -> Statement:
    name = name.lower()
    if name == "table_info" and argument:  # the server's tables are the chain's: SQLite's own answer
        return Statement("", constant=chain_schema().columns.get(argument.strip('"'), ()))
    if name in _QUIET_PRAGMAS:
        answer: tuple[tuple[Any, ...], ...] = ()
        if name in ("integrity_check", "quick_check"):
            answer = (("ok",),)
        elif name == "cache_size":
            answer = ((-2000,),)
        return Statement("", constant=answer)
    raise sqlite3.OperationalError(f"PRAGMA {name} is not available on a server database")


def _is_number(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.Literal) and not node.is_string


def _truth(node: exp.Expression) -> exp.Expression:
    return exp.NEQ(this=node, expression=exp.Literal.number(0)) if _is_number(node) else node


def _rewrite(node: exp.Expression) -> exp.Expression:
    """SQLite's functions and types that PostgreSQL spells otherwise."""
    if isinstance(node, exp.DataType) and node.this in (exp.DataType.Type.INT, exp.DataType.Type.BIGINT):
        return exp.DataType.build("BIGINT")
    if isinstance(node, exp.Anonymous) and str(node.this).lower() == "json_each":
        (arg,) = node.expressions
        return exp.Anonymous(this="json_array_elements_text",
                             expressions=[exp.Cast(this=arg, to=exp.DataType.build("JSON"))])
    if isinstance(node, exp.Mod):  # "%" is psycopg's placeholder sign
        return exp.Anonymous(this="mod", expressions=[node.this, node.expression])
    if isinstance(node, (exp.Where, exp.Not)) and _is_number(node.this):
        return node.__class__(this=_truth(node.this))  # WHERE 0, NOT 1: a number as truth, as SQLite reads it
    if isinstance(node, (exp.And, exp.Or)) and (_is_number(node.this) or _is_number(node.expression)):
        return node.__class__(this=_truth(node.this), expression=_truth(node.expression))
    if isinstance(node, exp.Ordered) and node.find_ancestor(exp.OnConflict) is not None:
        column: exp.Expression = node.this
        return column  # a conflict target names columns, in no order
    if isinstance(node, exp.Literal) and node.is_string and "%" in node.this:
        return exp.Literal.string(node.this.replace("%", "%%"))
    return node


def _selects_star(tree: exp.Expression) -> bool:
    select = tree if isinstance(tree, exp.Select) else tree.find(exp.Select)
    return select is not None and any(isinstance(e, exp.Star) or (isinstance(e, exp.Column) and isinstance(
        e.this, exp.Star)) for e in select.expressions)


def _conflict(clause: str) -> exp.Expression:
    conflict = sqlglot.parse_one(f"INSERT INTO x (a) VALUES (1) {clause}", read="postgres").args["conflict"]
    assert isinstance(conflict, exp.Expression)
    return conflict


@functools.lru_cache(maxsize=4096)
def translate(sql: str, conflict_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Statement:
    """``sql`` (SQLite's dialect, ``?`` or ``:name`` placeholders) in PostgreSQL's words (psycopg's ``%s`` and
    ``%(name)s``). ``conflict_keys``: for ``INSERT OR REPLACE``, each table's key it replaces on."""
    text = sql.strip().rstrip(";").strip()
    upper = text.upper()
    if upper.startswith("PRAGMA"):
        found = _PRAGMA.match(text)
        if not found:
            raise sqlite3.OperationalError(f"unrecognised PRAGMA: {text}")
        return _pragma(found.group(1), found.group(2) or found.group(3))
    if upper in ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"):
        return Statement("BEGIN", begin_write=True)
    if upper in ("BEGIN", "BEGIN DEFERRED", "COMMIT", "ROLLBACK", "END") or upper.startswith(
            ("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
        return Statement(re.sub(r"^RELEASE\s+SAVEPOINT", "RELEASE SAVEPOINT", text, flags=re.IGNORECASE))
    text = _MATCH.sub("tdkt_fts(tsv, ?)", text)
    tree = sqlglot.parse_one(text, read="sqlite")
    tree = tree.transform(_rewrite)
    for number, sub in enumerate(tree.find_all(exp.Subquery)):
        if not sub.alias and isinstance(sub.parent, (exp.From, exp.Join)):
            sub.set("alias", exp.TableAlias(this=exp.to_identifier(f"_q{number}")))  # PostgreSQL 15 wants a name
    returns_id = False
    if isinstance(tree, exp.Insert):
        alternative = str(tree.args.get("alternative") or "").upper()
        table = tree.find(exp.Table)
        name = table.name if table is not None else ""
        if alternative == "IGNORE":
            tree.set("alternative", None)
            tree.set("conflict", _conflict("ON CONFLICT DO NOTHING"))
        elif alternative == "REPLACE":
            keys = dict(conflict_keys).get(name)
            if not keys:
                raise sqlite3.OperationalError(f"INSERT OR REPLACE INTO {name}: no key to replace on")
            schema = tree.this
            columns = [c.name for c in schema.expressions] if isinstance(schema, exp.Schema) else []
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys)
            tree.set("alternative", None)
            tree.set("conflict", _conflict(f"ON CONFLICT ({', '.join(keys)}) DO "
                                           + (f"UPDATE SET {sets}" if sets else "NOTHING")))
        conflict = tree.args.get("conflict")
        if conflict is not None:  # in DO UPDATE, a bare column is the stored row's (SQLite); PostgreSQL wants it named
            for assignment in conflict.args.get("expressions") or []:
                for column in assignment.expression.find_all(exp.Column):
                    if not column.table:
                        column.set("table", exp.to_identifier(name))
            where = conflict.args.get("where")
            for column in where.find_all(exp.Column) if where is not None else ():
                if not column.table:
                    column.set("table", exp.to_identifier(name))
        returns_id = not tree.args.get("returning") and name in _numbered_tables()
        if returns_id:
            tree.set("returning", exp.Returning(expressions=[exp.column("id")]))
    target = tree.find(exp.Table) if isinstance(tree, (exp.Insert, exp.Update, exp.Delete)) else None
    out = _FTS_CALL.sub(r'"tsv" @@ tdkt_match(\1)', tree.sql(dialect="postgres", identify=True))
    return Statement(out, strip_rowid=_selects_star(tree), returns_id=returns_id,
                     writes=target.name if target is not None else None)


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class ChainSchema:
    """The schema the migration chain builds, read from SQLite: tables and indexes (their SQLite DDL), the tables
    SQLite numbers by their integer ``id``, the foreign keys, and the names of the migrations."""

    tables: tuple[tuple[str, str], ...]
    indexes: tuple[tuple[str, str], ...]
    numbered: frozenset[str]
    foreign_keys: tuple[tuple[str, str, str, str], ...]  # (table, column, referenced table, referenced column)
    migrations: tuple[str, ...]
    columns: dict[str, tuple[tuple[Any, ...], ...]]  # PRAGMA table_info of each table


@functools.lru_cache(maxsize=8)
def chain_schema(upto: int | None = None) -> ChainSchema:
    """The schema of the whole chain, or of its first ``upto`` migrations."""
    import sqlite_utils

    from tdkt_desktop.store.migrations import MIGRATION_SET, known_migration_names, migrations

    db = sqlite_utils.Database(memory=True)
    names = known_migration_names()
    migrations.apply(db, stop_before=names[upto] if upto is not None and upto < len(names) else None)
    tables: list[tuple[str, str]] = []
    indexes: list[tuple[str, str]] = []
    numbered: set[str] = set()
    keys: list[tuple[str, str, str, str]] = []
    columns: dict[str, tuple[tuple[Any, ...], ...]] = {}
    for kind, name, sql in db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid").fetchall():
        if (name.startswith(FTS_TABLE) and name != "search_keys") or kind not in ("table", "index"):
            continue
        (tables if kind == "table" else indexes).append((name, sql))
        if kind == "table":
            info = db.execute(f'PRAGMA table_info("{name}")').fetchall()
            columns[name] = tuple(tuple(r) for r in info)
            if any(r[5] == 1 and r[1] == "id" and str(r[2]).upper() == "INTEGER" for r in info) and \
                    sum(1 for r in info if r[5]) == 1:
                numbered.add(name)
            keys += [(name, str(r[3]), str(r[2]), str(r[4] or "id"))
                     for r in db.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()]
    applied = tuple(str(r[0]) for r in db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET]).fetchall())
    return ChainSchema(tuple(tables), tuple(indexes), frozenset(numbered), tuple(keys), applied, columns)


def _numbered_tables() -> frozenset[str]:
    return chain_schema().numbered


def table_ddl(name: str, sqlite_sql: str, *, numbered: bool) -> str:
    """SQLite's ``CREATE TABLE`` in PostgreSQL's words: integers are 64-bit, a table numbered by its ``id``
    numbers it as SQLite does (identity), any other gets a ``rowid`` in insertion order; references are added
    after every table exists (:func:`create_schema`)."""
    tree = sqlglot.parse_one(sqlite_sql, read="sqlite")
    schema = tree.this
    assert isinstance(schema, exp.Schema)
    for column in schema.expressions:
        if not isinstance(column, exp.ColumnDef):
            continue
        column.set("constraints", [c for c in column.constraints if not isinstance(
            c.kind, (exp.Reference, exp.AutoIncrementColumnConstraint))])
        if column.kind is not None and column.kind.this == exp.DataType.Type.TEXT:
            # text compares and sorts by its bytes, as in SQLite, whatever the database's own locale
            column.append("constraints", exp.ColumnConstraint(kind=exp.CollateColumnConstraint(
                this=exp.to_identifier("C", quoted=True))))
        if numbered and column.name == "id":
            column.set("kind", exp.DataType.build("BIGINT"))
            column.append("constraints", exp.ColumnConstraint(
                kind=exp.GeneratedAsIdentityColumnConstraint(this=False)))
    if not numbered:
        schema.append("expressions", sqlglot.parse_one(
            "CREATE TABLE x (rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE)", read="postgres"
        ).this.expressions[0])
    return tree.transform(_rewrite).sql(dialect="postgres", identify=True)


SEARCH_DDL = (
    f'CREATE TABLE {FTS_TABLE} (rowid BIGINT PRIMARY KEY, kind TEXT COLLATE "C", record_id TEXT COLLATE "C", '
    'sort_key TEXT COLLATE "C", body TEXT, '
    "tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED)",
    f"CREATE INDEX {FTS_TABLE}_tsv ON {FTS_TABLE} USING GIN (tsv)",
    # the full-text expression of store.search ('"nguyen"* "van"*': every word a prefix) as a tsquery
    "CREATE FUNCTION tdkt_match(expression TEXT) RETURNS TSQUERY LANGUAGE SQL IMMUTABLE AS $$ SELECT to_tsquery("
    "'simple', array_to_string(ARRAY(SELECT m[1] || ':*' FROM regexp_matches(expression, '\"([0-9a-z]+)\"\\*', "
    "'g') AS m), ' & ')) $$",
)


# What only a server does: the audit log records the login that wrote each entry, filled in by the server itself
# (whatever the program sends), once the chain has the column (m014).
AUDIT_ACCOUNT_DDL = (
    "CREATE FUNCTION tdkt_audit_account() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.account := session_user; RETURN NEW; END $$",
    "CREATE TRIGGER audit_log_account BEFORE INSERT OR UPDATE ON audit_log FOR EACH ROW "
    "EXECUTE FUNCTION tdkt_audit_account()",
)


def _index_ddl(sql: str) -> str:
    return sqlglot.parse_one(sql, read="sqlite").transform(_rewrite).sql(dialect="postgres", identify=True)


def _record_applied(conn: ServerConnection, names: Iterable[str]) -> None:
    from tdkt_desktop.store.migrations import MIGRATION_SET

    for name in names:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, "
                     "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))", [MIGRATION_SET, name])


def _server_only(conn: ServerConnection, chain: ChainSchema, before: ChainSchema | None) -> None:
    """The server's own additions (search index, audit account), each once the chain has what it needs."""
    if before is None:
        for sql in SEARCH_DDL:
            conn.raw.execute(sql)
    has_account = any(r[1] == "account" for r in chain.columns.get("audit_log", ()))
    had_account = before is not None and any(r[1] == "account" for r in before.columns.get("audit_log", ()))
    if has_account and not had_account:
        for sql in AUDIT_ACCOUNT_DDL:
            conn.raw.execute(sql)


def create_schema(db: ServerDatabase, *, upto: int | None = None) -> None:
    """Create the chain's schema (or that of its first ``upto`` migrations) in the empty database of ``db``, in
    one transaction, and record the migrations as applied."""
    chain = chain_schema(upto)
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, sql in chain.tables:
            conn.raw.execute(table_ddl(name, sql, numbered=name in chain.numbered))
        for table, column, target, target_column in chain.foreign_keys:
            conn.raw.execute(
                f'ALTER TABLE "{table}" ADD FOREIGN KEY ("{column}") REFERENCES "{target}" ("{target_column}") '
                "DEFERRABLE INITIALLY DEFERRED")
        for _name, sql in chain.indexes:
            conn.raw.execute(_index_ddl(sql))
        _server_only(conn, chain, None)
        _record_applied(conn, chain.migrations)
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


class SchemaChangeUnsupported(sqlite3.OperationalError):
    """A migration changes the server's tables in a way :func:`upgrade_schema` cannot repeat there."""


def upgrade_steps(applied: int) -> list[str]:
    """The statements that bring a server database built by the chain's first ``applied`` migrations to the whole
    chain: what the migrations added (tables, columns, indexes, references) and removed (indexes, tables), read
    by comparing the two schemas SQLite builds. A migration that rebuilds or renames a table, or rewrites its
    rows, cannot be repeated so: :class:`SchemaChangeUnsupported` (nothing is changed)."""
    before, after = chain_schema(applied), chain_schema()
    old_tables, new_tables = dict(before.tables), dict(after.tables)
    steps: list[str] = []
    for name, sql in after.tables:
        if name not in old_tables:
            steps.append(table_ddl(name, sql, numbered=name in after.numbered))
            continue
        old_cols = {r[1]: r for r in before.columns[name]}
        new_cols = {r[1]: r for r in after.columns[name]}
        if any(c not in new_cols or new_cols[c][2:] != old_cols[c][2:] for c in old_cols):
            raise SchemaChangeUnsupported(f"table {name} was rebuilt by a migration")
        for column, info in new_cols.items():
            if column not in old_cols:
                kind = "BIGINT" if str(info[2]).upper() == "INTEGER" else (
                    "DOUBLE PRECISION" if str(info[2]).upper() == "REAL" else 'TEXT COLLATE "C"')
                default = f" DEFAULT {info[4]}" if info[4] is not None else ""
                steps.append(f'ALTER TABLE "{name}" ADD COLUMN "{column}" {kind}{default}'
                             + (" NOT NULL" if info[3] else ""))
    old_keys = set(before.foreign_keys)
    steps += [f'ALTER TABLE "{t}" ADD FOREIGN KEY ("{c}") REFERENCES "{r}" ("{rc}") DEFERRABLE INITIALLY DEFERRED'
              for t, c, r, rc in after.foreign_keys if (t, c, r, rc) not in old_keys]
    old_indexes, new_indexes = dict(before.indexes), dict(after.indexes)
    steps += [f'DROP INDEX IF EXISTS "{name}"' for name, sql in old_indexes.items() if new_indexes.get(name) != sql]
    steps += [_index_ddl(sql) for name, sql in after.indexes if old_indexes.get(name) != sql]
    steps += [f'DROP TABLE "{name}"' for name in old_tables if name not in new_tables]
    return steps


def upgrade_schema(db: ServerDatabase) -> list[str]:
    """Bring the server database of ``db`` to the whole chain, in one transaction (one program upgrades; another
    waits, then finds nothing left to do); the names of the migrations applied."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        applied = len(db.applied_migrations())
        before, after = chain_schema(applied), chain_schema()
        steps = upgrade_steps(applied) if applied < len(after.migrations) else []
        for sql in steps:
            conn.raw.execute(sql)
        _server_only(conn, after, before)
        added = [name for name in after.migrations if name not in before.migrations]
        _record_applied(conn, added)
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise
    return added


# --------------------------------------------------------------------------- errors


def _sqlite_error(exc: psycopg.Error) -> sqlite3.Error:
    """The :mod:`sqlite3` error that says what ``exc`` says, in SQLite's words where it has them."""
    diag = getattr(exc, "diag", None)
    table = getattr(diag, "table_name", None) or ""
    column = getattr(diag, "column_name", None) or ""
    if isinstance(exc, pg_errors.UniqueViolation):
        detail = getattr(diag, "message_detail", None) or ""
        cols = re.findall(r"Key \(([^)]*)\)", detail)
        named = ", ".join(f"{table}.{c.strip()}" for c in cols[0].split(",")) if cols and table else table
        return sqlite3.IntegrityError(f"UNIQUE constraint failed: {named}")
    if isinstance(exc, pg_errors.ForeignKeyViolation):
        return sqlite3.IntegrityError("FOREIGN KEY constraint failed")
    if isinstance(exc, pg_errors.NotNullViolation):
        return sqlite3.IntegrityError(f"NOT NULL constraint failed: {table}.{column}")
    if isinstance(exc, pg_errors.CheckViolation):
        return sqlite3.IntegrityError(f"CHECK constraint failed: {getattr(diag, 'constraint_name', '')}")
    if isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.QueryCanceled, pg_errors.DeadlockDetected,
                        pg_errors.SerializationFailure)):
        return sqlite3.OperationalError("database is locked")
    if isinstance(exc, pg_errors.DiskFull):
        return sqlite3.OperationalError("database or disk is full")
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return sqlite3.OperationalError("attempt to write a readonly database")
    if isinstance(exc, pg_errors.UndefinedTable):
        return sqlite3.OperationalError(f"no such table: {exc}")
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
        return ServerUnreachable(str(exc))
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(str(exc))
    if isinstance(exc, psycopg.ProgrammingError):
        return sqlite3.ProgrammingError(str(exc))
    return sqlite3.OperationalError(str(exc))


class ServerUnreachable(sqlite3.OperationalError):
    """The connection to the server was refused or lost."""


@contextlib.contextmanager
def _as_sqlite_errors() -> Iterator[None]:
    try:
        yield
    except psycopg.Error as exc:
        raise _sqlite_error(exc) from exc


# --------------------------------------------------------------------------- connection


class _IntFromBool(Dumper):
    """True and False are stored as 1 and 0, as SQLite stores them (the columns are integers)."""

    oid = 20  # int8

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"


class ServerCursor:
    """A finished statement's rows, as :class:`sqlite3.Cursor` gives them."""

    def __init__(self, rows: list[tuple[Any, ...]], description: list[tuple[Any, ...]] | None, rowcount: int,
                 lastrowid: int | None) -> None:
        self._rows = rows
        self._at = 0
        self.description = description
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return self._rows[self._at - 1]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rest = self._rows[self._at:]
        self._at = len(self._rows)
        return rest

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        rest = self._rows[self._at:self._at + size]
        self._at += len(rest)
        return rest

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while (row := self.fetchone()) is not None:
            yield row

    def close(self) -> None:
        self._rows = []


class ServerConnection:
    """A psycopg connection used as :class:`sqlite3.Connection` is (``isolation_level=None``: no transaction
    until ``BEGIN``). A connection the network or the server dropped is opened again at the next statement when
    it was outside a transaction (the office's network may blink; the program goes on); inside one, the
    transaction is lost with it and the statement fails, so that the store's transaction undoes its work."""

    def __init__(self, raw: psycopg.Connection[Any], opener: Callable[[], psycopg.Connection[Any]] | None = None) -> None:
        self.raw = raw
        self._opener = opener
        self._tx_open = False  # the last state the server reported: inside a transaction
        raw.adapters.register_dumper(bool, _IntFromBool)
        self._keys: tuple[tuple[str, tuple[str, ...]], ...] | None = None
        self._watching = False
        self._written: set[str] = set()  # tables written (and kept) since watch_writes()
        self._writing: set[str] = set()  # tables written in the open transaction

    def watch_writes(self) -> None:
        """Start noting the tables this connection writes and keeps (again: start over); see store.changes."""
        self._watching = True
        self._written = set()
        self._writing = set()

    def written_tables(self) -> set[str]:
        return set(self._written) if self._watching else set()

    def _noted(self, st: Statement, rowcount: int) -> None:
        if not self._watching:
            return
        if st.writes is not None and rowcount != 0:
            (self._writing if self.in_transaction else self._written).add(st.writes)
        elif st.sql.upper() in ("COMMIT", "END"):
            self._written |= self._writing
            self._writing.clear()
        elif st.sql.upper() == "ROLLBACK":
            self._writing.clear()

    @property
    def in_transaction(self) -> bool:
        if self.raw.broken or self.raw.closed:
            return self._tx_open
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def _usable(self, st: Statement) -> bool:
        """Whether ``st`` is to be run: a dropped connection is opened again outside a transaction; a ROLLBACK of
        a transaction lost with its connection has nothing left to do."""
        if not (self.raw.broken or self.raw.closed):
            return True
        if self._tx_open:
            if st.sql.upper().startswith("ROLLBACK"):
                self._tx_open = False
                return False
            raise ServerUnreachable("the connection to the server was lost inside a transaction")
        if self._opener is None:
            raise ServerUnreachable("the connection to the server is closed")
        with _as_sqlite_errors():
            self.raw = self._opener()
        self.raw.adapters.register_dumper(bool, _IntFromBool)
        return True

    def _conflict_keys(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if self._keys is None:
            found: dict[str, list[str]] = {}
            with self.raw.cursor() as cur:
                cur.execute(
                    "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
                    "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
                    "AND kcu.table_schema = tc.table_schema WHERE tc.table_schema = current_schema() "
                    "AND tc.constraint_type = 'PRIMARY KEY' ORDER BY tc.table_name, kcu.ordinal_position")
                for table, column in cur.fetchall():
                    found.setdefault(table, []).append(column)
            # a table keyed by a number it gives itself replaces on its other unique key
            with self.raw.cursor() as cur:
                cur.execute(
                    "SELECT tc.table_name, tc.constraint_name, kcu.column_name FROM information_schema.table_constraints"
                    " tc JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
                    "AND kcu.table_schema = tc.table_schema WHERE tc.table_schema = current_schema() "
                    "AND tc.constraint_type = 'UNIQUE' ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position")
                unique: dict[tuple[str, str], list[str]] = {}
                for table, constraint, column in cur.fetchall():
                    unique.setdefault((table, constraint), []).append(column)
            for (table, _constraint), columns in unique.items():
                if found.get(table) == ["id"]:
                    found[table] = columns
            self._keys = tuple(sorted((t, tuple(c)) for t, c in found.items()))
        return self._keys

    def _statement(self, sql: str) -> Statement:
        try:
            if re.search(r"\bOR\s+REPLACE\b", sql, re.IGNORECASE):
                return translate(sql, self._conflict_keys())
            return translate(sql)
        except sqlglot.errors.SqlglotError as exc:
            raise sqlite3.OperationalError(f"statement not understood: {exc}") from exc

    @staticmethod
    def _params(params: Any) -> Any:
        if params is None:
            return ()
        if isinstance(params, dict):
            return params
        return tuple(params)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> ServerCursor:
        st = self._statement(sql)
        if st.constant is not None:
            return ServerCursor(list(st.constant), None, -1, None)
        if not self._usable(st):
            return ServerCursor([], None, -1, None)
        try:
            return self._run(st, params)
        except ServerUnreachable:
            # found dropped by this statement: outside a transaction, a statement that wrote nothing is run once
            # more on a new connection (a read, or the BEGIN of a transaction)
            if self._tx_open or st.writes is not None or st.sql.upper() in ("COMMIT", "END") or not (
                    self.raw.broken or self.raw.closed):
                raise
            self._usable(st)
            return self._run(st, params)

    def _run(self, st: Statement, params: Sequence[Any] | dict[str, Any] | None) -> ServerCursor:
        with _as_sqlite_errors(), self._state(), self.raw.cursor() as cur:
            cur.execute(st.sql, self._params(params))
            if st.begin_write:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            rows: list[tuple[Any, ...]] = []
            description: list[tuple[Any, ...]] | None = None
            if cur.description is not None:
                names = [d.name for d in cur.description]
                rows = cur.fetchall()
                if st.strip_rowid and ROWID in names:
                    at = names.index(ROWID)
                    rows = [r[:at] + r[at + 1:] for r in rows]
                    names.pop(at)
                description = [(n, None, None, None, None, None, None) for n in names]
            lastrowid = int(rows[0][0]) if st.returns_id and rows else None
            self._noted(st, cur.rowcount)
            return ServerCursor(rows, description, cur.rowcount, lastrowid)

    def executemany(self, sql: str, seq_of_params: Iterable[Sequence[Any] | dict[str, Any]]) -> ServerCursor:
        st = self._statement(sql)
        if st.returns_id:
            st = Statement(st.sql.rsplit(" RETURNING ", 1)[0])
        self._usable(st)
        with _as_sqlite_errors(), self._state(), self.raw.cursor() as cur:
            cur.executemany(st.sql, [self._params(p) for p in seq_of_params])
            self._noted(st, cur.rowcount)
            return ServerCursor([], None, cur.rowcount, None)

    @contextlib.contextmanager
    def _state(self) -> Iterator[None]:
        """Remember, after each statement, whether the server holds a transaction open (for a dropped connection)."""
        try:
            yield
        finally:
            if not (self.raw.broken or self.raw.closed):
                self._tx_open = self.raw.info.transaction_status != TransactionStatus.IDLE

    def executescript(self, script: str) -> None:
        for part in sqlglot.parse(script, read="sqlite"):
            if part is not None:
                self.execute(part.sql(dialect="sqlite"))

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.raw.close()


class _Column:
    def __init__(self, name: str) -> None:
        self.name = name


class ServerTable:
    """What the store asks of :class:`sqlite_utils.db.Table`."""

    def __init__(self, db: ServerDatabase, name: str) -> None:
        self.db = db
        self.name = name

    def exists(self) -> bool:
        return bool(self.db.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
            [self.name]).fetchone())

    @property
    def columns(self) -> list[_Column]:
        return [_Column(str(r[1])) for r in self.db.execute(f"PRAGMA table_info({self.name})").fetchall()]

    def insert(self, row: Row) -> ServerTable:
        cols = list(row)
        names = ", ".join(f'"{c}"' for c in cols)
        self.db.execute(f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" for _ in cols)})',
                        [row[c] for c in cols])
        return self

    def update(self, pk: Any, updates: Row) -> ServerTable:
        if updates:
            sets = ", ".join(f'"{c}" = ?' for c in updates)
            self.db.execute(f'UPDATE "{self.name}" SET {sets} WHERE id = ?', [*updates.values(), pk])
        return self


class ServerDatabase:
    """What the store asks of :class:`sqlite_utils.Database`, on a PostgreSQL server."""

    engine = "postgresql"

    def __init__(self, conn: ServerConnection, address: str) -> None:
        self.conn = conn
        self.address = address

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> ServerCursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Iterator[Row]:
        cur = self.conn.execute(sql, params)
        keys = [d[0] for d in cur.description or []]
        for row in cur.fetchall():
            yield dict(zip(keys, row, strict=True))

    def executescript(self, script: str) -> None:
        self.conn.executescript(script)

    def applied_migrations(self) -> list[str]:
        from tdkt_desktop.store.migrations import MIGRATION_SET

        return [str(r[0]) for r in self.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET]).fetchall()]

    def has_schema(self) -> bool:
        """The database holds the store's tables (``tdkt server init`` was run), whatever this login may read."""
        row = self.conn.raw.execute("SELECT to_regclass('_sqlite_migrations') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def table(self, name: str) -> ServerTable:
        return ServerTable(self, name)

    def __getitem__(self, name: str) -> ServerTable:
        return ServerTable(self, name)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint (inside the caller's transaction, or a transaction of its own)."""
        name = f"tdkt_{secrets.token_hex(8)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        self.conn.close()


def connect(address: str, *, timeout_s: float) -> ServerDatabase:
    """A connection to the database at ``address`` (a ``postgresql://`` URL), in autocommit mode (the store
    opens its transactions itself) and waiting at most ``timeout_s`` for a lock."""
    def opener() -> psycopg.Connection[Any]:
        raw = psycopg.connect(address, autocommit=True, connect_timeout=max(1, int(timeout_s)))
        raw.execute(f"SET lock_timeout = {int(timeout_s * 1000)}")
        return raw

    try:
        raw = opener()
    except psycopg.Error as exc:
        raise _sqlite_error(exc) from exc
    return ServerDatabase(ServerConnection(raw, opener), address)


def server_error(exc: sqlite3.Error, address: str) -> StoreError:
    """What a person is told when the server database at ``address`` fails: in Vietnamese, with what to do."""
    where = shown(address)
    if isinstance(exc, ServerUnreachable):
        detail = str(exc).lower()
        if "password" in detail or "authentication" in detail or "role" in detail:
            return LoginRefused(f"Máy chủ cơ sở dữ liệu {where} từ chối đăng nhập (sai tên hoặc mật khẩu). Hãy kiểm tra "
                              "địa chỉ kết nối trong Cài đặt hoặc hỏi quản trị viên của cơ quan.")
        if "does not exist" in detail and "database" in detail:
            return StoreError(f"Trên máy chủ chưa có cơ sở dữ liệu {where}. Hãy nhờ quản trị viên tạo cơ sở dữ liệu rồi "
                              "chạy “tdkt server init”.")
        return DatabaseUnreachable(
            f"Không kết nối được máy chủ cơ sở dữ liệu {where}. Hãy kiểm tra mạng của cơ quan và máy chủ (dịch vụ "
            "PostgreSQL đang chạy), rồi thử lại; dữ liệu trên máy chủ không bị ảnh hưởng.")
    if "permission denied" in str(exc).lower():
        from urllib.parse import urlsplit

        from tdkt_desktop.store.accounts import NotAllowed

        login = urlsplit(address.strip()).username or ""
        return NotAllowed(f"Tài khoản “{login}” chưa được cấp quyền dùng cơ sở dữ liệu {where}. Hãy nhờ quản trị viên "
                          "của cơ quan thêm tài khoản (tdkt server add-officer).")
    error = database_error(exc)
    if isinstance(error, DatabaseLocked):
        return DatabaseLocked(f"Một cán bộ khác đang ghi vào cơ sở dữ liệu {where}. Hãy thử lại sau ít giây.")
    text = str(error).replace("lỗi bên trong SQLite", "lỗi của máy chủ cơ sở dữ liệu")
    return type(error)(text.replace("cơ sở dữ liệu", f"cơ sở dữ liệu {where}", 1))
