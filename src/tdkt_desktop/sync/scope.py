"""Who may send what to whom: the rows a bundle carries, and the rows a receiver accepts from its sender.

**Upward** (to the upper office): every record owned by the sender's unit or by a unit in its subtree (a
commune that consolidates its own schools, hamlets… forwards their records too), plus the unit rows of that
subtree. **Downward** (to a unit whose upper office is this one), everything decided here or above that the
unit needs: campaigns and targets (unassigned or assigned to it), the decisions and awardees concerning it,
the cancellations of those awards, the award history written by those decisions for its people, collectives
and households, and its own
records in the versions made here — its nominations as appraised here, merges of edits made at two places,
the queued conflicts on them. A version received from the recipient's installation and not changed since is
not sent back (``local_from``); rows the recipient reported waiting for a parent are sent again, with that
parent.

On import every row is checked against the unit tree known here (:class:`Acceptance`): its owner and every
unit it names (``unit_code``, ``issued_by``, ``issuer_unit``, ``assigned_unit``, the writers in its stamps)
must be the sender or in its subtree for an upward bundle, the sender's own issuance (the sender and the
offices above it) or this unit's subtree for a downward one; ``issued_by``/``issuer_unit`` must be the
owner; every record it refers to must be visible to the sender.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from tdkt_desktop.core.models import SUBJECT_TABLES, SubjectKind
from tdkt_desktop.store.authority import AUTHORITY, SUBJECT, Refusal, UnitTree
from tdkt_desktop.store.db import SYNCED_TABLES, Store
from tdkt_desktop.store.fields import KINDS

Row = dict[str, Any]

# What an upper office issues and sends down (besides the unit's own records, in the versions made there).
ISSUED_DOWN = ("campaigns", "targets", "decisions", "decision_awardees", "award_cancellations", "award_history")
# References whose record must belong to the sender's own subtree (not merely be visible to it).
STRICT_REFS = {"person_id", "vote_session_id", "nomination_id", "subject_id"}


def relation(store: Store, tree: UnitTree, other: str, *, peer_parent: str | None = None) -> str | None:
    """``"up"`` when ``other`` is this unit's upper office, ``"down"`` when ``other``'s upper office is this
    unit (by the local unit tree, or by what the peer declared at enrolment), else ``None``."""
    me = store.unit_code
    if not me:
        return None
    if tree.parent.get(me) == other:
        return "up"
    if tree.parent.get(other) == me or (other not in tree.parent and peer_parent == me):
        return "down"
    return None


def _codes(codes: Iterable[str]) -> str:
    return json.dumps(sorted(set(codes)))


def select_rows(store: Store, *, to_unit: str, direction: str, since_seq: int, full: bool = False,
                to_install: str | None = None) -> dict[str, list[Row]]:
    """The rows a bundle to ``to_unit`` carries: changed here after ``since_seq`` (every one with ``full``),
    except versions received from its installation ``to_install`` itself, plus the rows ``to_unit`` reported
    waiting and the records they wait for."""
    me = store.unit_code
    assert me
    tree = UnitTree(store)
    params: dict[str, Any] = {"since": -1 if full else since_seq, "to": to_unit, "install": to_install or ""}
    echo = "" if full or not to_install else " AND local_from IS NOT :install"

    def query(table: str, where: str, extra: dict[str, Any] | None = None) -> list[Row]:
        again = (f" OR (id IN (SELECT record_id FROM sync_pending WHERE to_unit = :to AND table_name = '{table}'"
                 f" AND state = 'held') OR id IN (SELECT missing_id FROM sync_pending WHERE to_unit = :to"
                 f" AND missing_table = '{table}'))")
        sql = f"SELECT * FROM {table} WHERE ((local_seq > :since{echo}){again}) AND ({where}) ORDER BY local_seq"
        return list(store.db.query(sql, {**params, **(extra or {})}))

    out: dict[str, list[Row]] = {}
    if direction == "up":
        mine = tree.subtree(me)
        params["mine"] = _codes(mine)
        params["below"] = _codes(mine - {me})
        owned = "owner_unit IN (SELECT value FROM json_each(:mine))"
        for table in SYNCED_TABLES:
            where = f"{owned} AND code IN (SELECT value FROM json_each(:below))" if table == "units" else owned
            rows = query(table, where)
            if rows:
                out[table] = rows
        return out

    issuers = [me, *tree.ancestors(me)]
    params["issuers"] = _codes(issuers)
    params["theirs"] = _codes(tree.subtree(to_unit))
    issued = "owner_unit IN (SELECT value FROM json_each(:issuers))"
    theirs = "IN (SELECT value FROM json_each(:theirs))"
    subjects = " OR ".join(f"subject_id IN (SELECT id FROM {t} WHERE owner_unit {theirs})" for t in SUBJECT_TABLES)
    concerning = f"(nomination_id IN (SELECT id FROM nominations WHERE owner_unit {theirs}) OR {subjects})"
    own = f"owner_unit {theirs}"  # their own records, in the versions made here (merges)
    issued_where = {
        "campaigns": issued,
        "targets": f"{issued} AND (assigned_unit IS NULL OR assigned_unit {theirs})",
        "decision_awardees": f"{issued} AND {concerning}",
        # a cancelled award (store.cancellations) goes where the award went
        "award_cancellations": f"{issued} AND awardee_id IN (SELECT id FROM decision_awardees WHERE {concerning})",
        "decisions": f"{issued} AND id IN (SELECT decision_id FROM decision_awardees WHERE {concerning})",
        "award_history": f"{issued} AND ({subjects})",
    }
    picked: dict[str, list[Row]] = {
        table: query(table, f"({issued_where[table]}) OR {own}" if table in issued_where else own)
        for table in SYNCED_TABLES if table != "units"
    }
    # parents of what is sent, even when they did not change (the receiver may not have them yet)
    for child, parent, column in (("targets", "campaigns", "campaign_id"), ("decision_awardees", "decisions", "decision_id")):
        have = {r["id"] for r in picked[parent]}
        wanted = sorted({r[column] for r in picked[child] if r.get(column)} - have)
        if wanted:
            picked[parent].extend(store.db.query(
                f"SELECT * FROM {parent} WHERE id IN (SELECT value FROM json_each(:ids)) AND {issued}",
                {**params, "ids": json.dumps(wanted)},
            ))
    for table in SYNCED_TABLES:
        if picked.get(table):
            out[table] = picked[table]
    return out


class Acceptance:
    """What a receiver accepts from one sender: by table, owner, the units a row names and its writers."""

    def __init__(self, store: Store, tree: UnitTree, sender: str, direction: str) -> None:
        self.store = store
        self.tree = tree
        self.sender = sender
        self.direction = direction  # the bundle's direction as seen by the sender: "up" or "down"
        self.me = store.unit_code or ""
        if direction == "up":
            self.owners = tree.subtree(sender)
            self.above = set(tree.ancestors(sender))
            self.writers = self.owners | self.above
        else:
            self.issuers = {sender, *tree.ancestors(sender)}
            self.mine = tree.subtree(self.me)
            self.writers = self.issuers | self.mine

    # ------------------------------------------------------------------ units
    def accept_unit_row(self, row: Row) -> Refusal | None:
        """A reason to refuse an incoming ``units`` row, or None. Extends the known subtree."""
        if self.direction != "up":
            return Refusal("out_of_scope", "cấp trên không gửi danh mục đơn vị xuống")
        code, parent = row.get("code"), row.get("parent_code")
        if not code or code == self.sender or code == self.me:
            return Refusal("out_of_scope", f"đơn vị {code} không thuộc các đơn vị trực thuộc của {self.sender}")
        known_parent = self.tree.parent.get(code)
        if code in self.tree.parent and known_parent not in self.owners:
            return Refusal("out_of_scope",
                           f"đơn vị {code} đã có ở đây, thuộc {known_parent or 'đơn vị khác'}, không thuộc {self.sender}")
        if parent not in self.owners:
            return Refusal("out_of_scope", f"đơn vị {code} có cấp trên {parent}, không thuộc {self.sender}")
        if row.get("owner_unit") not in self.owners:
            return Refusal("out_of_scope",
                           f"bản ghi thuộc đơn vị {row.get('owner_unit')}, không phải {self.sender} hay đơn vị trực thuộc")
        if not row.get("deleted"):
            self.tree.add(str(code), str(parent), row.get("level"))
            self.owners.add(str(code))
            self.writers.add(str(code))
        return None

    # ------------------------------------------------------------------ rows
    def row_refusal(self, table: str, row: Row) -> Refusal | None:
        """Why the row is out of the sender's scope (owner, units named, issuer), or None."""
        owner = row.get("owner_unit")
        rule = AUTHORITY.get(table)
        if self.direction == "up":
            if owner not in self.owners:
                return Refusal("out_of_scope",
                               f"bản ghi thuộc đơn vị {owner}, không phải {self.sender} hay đơn vị trực thuộc của {self.sender}")
            allowed = self.owners
        else:
            if table == "units":
                return Refusal("out_of_scope", "cấp trên không gửi danh mục đơn vị xuống")
            if owner not in self.mine and not (table in ISSUED_DOWN and owner in self.issuers):
                if table in ISSUED_DOWN:
                    return Refusal("out_of_scope", f"bản ghi do đơn vị {owner} ban hành, không phải cấp trên {self.sender}")
                return Refusal("out_of_scope", f"bản ghi của đơn vị {owner}, không thuộc đơn vị này")
            allowed = self.issuers | self.mine
        if rule is None:
            return None
        if rule.issuer_field and row.get(rule.issuer_field) is not None and row.get(rule.issuer_field) != owner:
            return Refusal("forged_unit",
                           f"trường “{_label(table, rule.issuer_field)}” ghi đơn vị {row.get(rule.issuer_field)}, "
                           f"không phải đơn vị sở hữu {owner}")
        for name in rule.unit_refs:
            value = row.get(name)
            if value is not None and value not in allowed:
                return Refusal("forged_unit",
                               f"trường “{_label(table, name)}” ghi đơn vị {value}, không thuộc phạm vi của {self.sender}")
        return None

    def writer_refusal(self, stamps: dict[str, Any]) -> Refusal | None:
        """Every unit named as a writer in the row's stamps must be in the sender's scope."""
        for name, raw in stamps.items():
            unit = raw[3]
            if unit not in self.writers:
                field = f"“{name}”" if name else "tạo bản ghi"
                return Refusal("forged_unit", f"lần ghi {field} mang tên đơn vị {unit}, không thuộc phạm vi của {self.sender}")
        return None

    def ref_refusal(self, table: str, name: str, ref_owner: str) -> Refusal | None:
        """Why a referenced record (owned by ``ref_owner``) is not one the sender may point at, or None."""
        if self.direction == "up":
            visible = self.owners if name in STRICT_REFS else self.owners | self.above
        else:
            visible = self.mine if name in STRICT_REFS else self.issuers | self.mine
        if ref_owner in visible:
            return None
        return Refusal("forged_ref",
                       f"trường “{_label(table, name)}” trỏ tới bản ghi của đơn vị {ref_owner}, không thuộc phạm vi của "
                       f"{self.sender}")


def ref_target(table: str, name: str, row: Row) -> str | None:
    """The table a reference field points into (``subject_id`` by ``subject_kind``), or None."""
    target = AUTHORITY[table].refs.get(name)
    if target == SUBJECT:
        try:
            return SubjectKind(str(row.get("subject_kind"))).table
        except ValueError:
            return None
    return target


def _label(table: str, name: str) -> str:
    kind = KINDS.get(table)
    if kind is not None:
        try:
            return kind.field(name).label
        except KeyError:
            pass
    return name
