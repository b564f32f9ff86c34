"""The store's statements in PostgreSQL's words (store.server_db runs them): each statement, written once in SQLite's
dialect, is translated by :mod:`sqlglot` and the rewrites below, once (cached).

* placeholders (``?``, ``:name``), ``INSERT OR IGNORE``/``OR REPLACE``, ``json_each``, ``json_object``, ``IS NOT``, the
  order of NULLs
  (first, as SQLite sorts them), unnamed subqueries, ``%``, a number standing for true or false;
* ``rowid`` — a column numbered in insertion order (identity) on the server, left out of ``SELECT *`` as SQLite
  leaves it out;
* ``search_index MATCH ?`` — the ``tsvector`` of the same folded text (store.server_schema), with the same prefix
  expression;
* ``BEGIN IMMEDIATE`` — ``BEGIN`` and a transaction-wide advisory lock (store.server_db);
* the ``PRAGMA`` statements the store runs — answered from the chain's schema (``table_info``) or without effect
  where the server decides (journal, cache, busy timeout).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlglot
from sqlglot import exp

ROWID = "rowid"

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
        from tdkt_desktop.store.server_schema import chain_schema

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


def rewrite(node: exp.Expression) -> exp.Expression:
    """SQLite's functions and types that PostgreSQL spells otherwise."""
    if isinstance(node, exp.DataType) and node.this in (exp.DataType.Type.INT, exp.DataType.Type.BIGINT):
        return exp.DataType.build("BIGINT")
    if isinstance(node, exp.Anonymous) and str(node.this).lower() == "json_each":
        (arg,) = node.expressions
        return exp.Anonymous(this="json_array_elements_text",
                             expressions=[exp.Cast(this=arg, to=exp.DataType.build("JSON"))])
    if isinstance(node, exp.JSONObject):  # json_object(key, value, …): PostgreSQL 15 has no JSON_OBJECT(key: value)
        pairs = [part for pair in node.expressions for part in (pair.this, pair.expression)]
        return exp.Anonymous(this="json_build_object", expressions=pairs)
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


def translate(sql: str, conflict_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Statement:
    """``sql`` (SQLite's dialect, ``?`` or ``:name`` placeholders) in PostgreSQL's words (psycopg's ``%s`` and
    ``%(name)s``). ``conflict_keys``: for ``INSERT OR REPLACE``, each table's key it replaces on. A statement
    sqlglot cannot read is an :class:`sqlite3.OperationalError`, as SQLite's own refusal would be."""
    try:
        return _translate(sql, conflict_keys)
    except sqlglot.errors.SqlglotError as exc:
        raise sqlite3.OperationalError(f"statement not understood: {exc}") from exc


@functools.lru_cache(maxsize=4096)
def _translate(sql: str, conflict_keys: tuple[tuple[str, tuple[str, ...]], ...]) -> Statement:
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
    tree = tree.transform(rewrite)
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
        from tdkt_desktop.store.server_schema import chain_schema

        returns_id = not tree.args.get("returning") and name in chain_schema().numbered
        if returns_id:
            tree.set("returning", exp.Returning(expressions=[exp.column("id")]))
    target = tree.find(exp.Table) if isinstance(tree, (exp.Insert, exp.Update, exp.Delete)) else None
    out = _FTS_CALL.sub(r'"tsv" @@ tdkt_match(\1)', tree.sql(dialect="postgres", identify=True))
    return Statement(out, strip_rowid=_selects_star(tree), returns_id=returns_id,
                     writes=target.name if target is not None else None)


