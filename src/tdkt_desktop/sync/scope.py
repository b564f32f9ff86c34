"""Who may send what to whom: the unit tree, the rows a bundle carries, and the rows a receiver accepts.

Upward (to the upper office): every record owned by the sender's unit or by a unit in its subtree (a
commune that consolidates its own schools, hamlets… forwards their records too), plus the unit rows
of that subtree. Downward (to a unit whose upper office is this one): campaigns and targets issued here
or above, appraisals/status on the unit's own nominations, and the decisions and awardees concerning
it. Rows whose last change was made by the recipient's own installation are not echoed back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from tdkt_desktop.core.models import SUBJECT_TABLES
from tdkt_desktop.store.db import SYNCED_TABLES, Store

Row = dict[str, Any]

# What an upper office may send down, and what a receiving unit accepts from its upper office.
# ``award_cancellations`` (store.cancellations) is issued like the decision it cancels: written by the
# decision's issuer only (its owner and issuer_unit), sent down to the units the cancelled awards concern.
ISSUED_TABLES = ("campaigns", "targets", "decisions", "decision_awardees", "award_cancellations")
APPRAISED_TABLES = ("nominations",)


class UnitTree:
    """The unit tree as this database knows it (live ``units`` rows), by code."""

    def __init__(self, store: Store) -> None:
        self.parent: dict[str, str | None] = {}
        for row in store.db.query("SELECT code, parent_code FROM units WHERE deleted = 0"):
            self.parent.setdefault(row["code"], row["parent_code"])

    def add(self, code: str, parent: str | None) -> None:
        self.parent.setdefault(code, parent)

    def children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for code, parent in self.parent.items():
            if parent:
                out.setdefault(parent, []).append(code)
        return out

    def subtree(self, code: str) -> set[str]:
        """The unit and every unit below it."""
        kids = self.children()
        seen = {code}
        todo = [code]
        while todo:
            for child in kids.get(todo.pop(), []):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen

    def ancestors(self, code: str) -> list[str]:
        out: list[str] = []
        current = self.parent.get(code)
        while current and current not in out and current != code:
            out.append(current)
            current = self.parent.get(current)
        return out


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


def select_rows(
    store: Store, *, to_unit: str, direction: str, since_seq: int, exclude_install: str | None
) -> dict[str, list[Row]]:
    """The rows a bundle to ``to_unit`` carries: changed after ``since_seq`` (this database's local_seq)."""
    me = store.unit_code
    assert me
    tree = UnitTree(store)
    out: dict[str, list[Row]] = {}
    echo = " AND origin_install != :echo" if exclude_install else ""
    params: dict[str, Any] = {"since": since_seq, "echo": exclude_install or ""}

    def query(table: str, where: str, extra: dict[str, Any] | None = None) -> list[Row]:
        sql = f"SELECT * FROM {table} WHERE local_seq > :since{echo} AND ({where}) ORDER BY local_seq"
        return list(store.db.query(sql, {**params, **(extra or {})}))

    if direction == "up":
        mine = tree.subtree(me)
        params["mine"] = _codes(mine)
        params["below"] = _codes(mine - {me})
        owned = "owner_unit IN (SELECT value FROM json_each(:mine))"
        for table in SYNCED_TABLES:
            if table == "units":
                rows = query(table, f"{owned} AND code IN (SELECT value FROM json_each(:below))")
            else:
                rows = query(table, owned)
            if rows:
                out[table] = rows
        return out

    # downward
    issuers = [me, *tree.ancestors(me)]
    params["issuers"] = _codes(issuers)
    params["theirs"] = _codes(tree.subtree(to_unit))
    issued = "owner_unit IN (SELECT value FROM json_each(:issuers))"
    theirs = "IN (SELECT value FROM json_each(:theirs))"
    concerning = (
        f"(nomination_id IN (SELECT id FROM nominations WHERE owner_unit {theirs})"
        + "".join(f" OR subject_id IN (SELECT id FROM {t} WHERE owner_unit {theirs})" for t in SUBJECT_TABLES)
        + ")"
    )
    campaigns = query("campaigns", issued)
    targets = query("targets", f"{issued} AND (assigned_unit IS NULL OR assigned_unit {theirs})")
    nominations = query("nominations", f"owner_unit {theirs}")
    awardees = query("decision_awardees", f"{issued} AND {concerning}")
    cancellations = query(
        "award_cancellations",
        f"{issued} AND awardee_id IN (SELECT id FROM decision_awardees WHERE {concerning})",
    )
    decisions = query(
        "decisions", f"{issued} AND id IN (SELECT decision_id FROM decision_awardees WHERE {concerning})"
    )
    # parents of what is sent, even when they did not change (the receiver may not have them yet)
    for child_rows, parent_rows, table, column in (
        (targets, campaigns, "campaigns", "campaign_id"),
        (awardees, decisions, "decisions", "decision_id"),
    ):
        have = {r["id"] for r in parent_rows}
        wanted = sorted({r[column] for r in child_rows if r.get(column)} - have)
        if wanted:
            parent_rows.extend(
                store.db.query(
                    f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(:ids)) AND {issued}",
                    {**params, "ids": json.dumps(wanted)},
                )
            )
    for table, rows in (
        ("campaigns", campaigns), ("targets", targets), ("nominations", nominations),
        ("decisions", decisions), ("decision_awardees", awardees), ("award_cancellations", cancellations),
    ):
        if rows:
            out[table] = rows
    return {t: out[t] for t in SYNCED_TABLES if t in out}


class Acceptance:
    """What a receiver accepts from one sender, by table and owner unit."""

    def __init__(self, store: Store, tree: UnitTree, sender: str, direction: str) -> None:
        self.store = store
        self.tree = tree
        self.sender = sender
        self.direction = direction  # direction of the bundle as seen by the sender: "up" or "down"
        me = store.unit_code or ""
        self.me = me
        if direction == "up":
            self.allowed = tree.subtree(sender)
        else:
            self.issuers = {sender, *tree.ancestors(sender)}
            self.mine = tree.subtree(me)

    def accept_unit_row(self, row: Row) -> str | None:
        """A reason to refuse an incoming ``units`` row, or None. Extends the known subtree."""
        if self.direction != "up":
            return "cấp trên không gửi danh mục đơn vị xuống"
        code, parent = row.get("code"), row.get("parent_code")
        if not code or code == self.sender or code == self.me:
            return f"đơn vị {code} không thuộc các đơn vị trực thuộc của {self.sender}"
        known_parent = self.tree.parent.get(code)
        if code in self.tree.parent and known_parent not in self.allowed:
            return f"đơn vị {code} đã có ở đây, thuộc {known_parent or 'đơn vị khác'}, không thuộc {self.sender}"
        if parent not in self.allowed:
            return f"đơn vị {code} có cấp trên {parent}, không thuộc {self.sender}"
        if row.get("owner_unit") not in self.allowed:
            return f"bản ghi thuộc đơn vị {row.get('owner_unit')}, không phải {self.sender} hay đơn vị trực thuộc"
        if not row.get("deleted"):
            self.tree.add(code, parent)
            self.allowed.add(code)
        return None

    def reason(self, table: str, row: Row) -> str | None:
        owner = row.get("owner_unit")
        if self.direction == "up":
            if owner not in self.allowed:
                return f"bản ghi thuộc đơn vị {owner}, không phải {self.sender} hay đơn vị trực thuộc của {self.sender}"
            return None
        if table in ISSUED_TABLES:
            if owner not in self.issuers:
                return f"bản ghi do đơn vị {owner} ban hành, không phải cấp trên {self.sender}"
            return None
        if table in APPRAISED_TABLES:
            if owner not in self.mine:
                return f"đề nghị của đơn vị {owner}, không thuộc đơn vị này"
            return None
        return f"cấp trên không được gửi loại dữ liệu này ({table}) xuống"
