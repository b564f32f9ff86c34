"""Who may write what: authority by field, written down as data, and the unit tree it is judged against.

One table (:data:`AUTHORITY`) says, for every synced record kind, which role writes which fields:

* the **owner** — the unit that owns the record — writes its content. A sub-unit (a school, a hamlet, an
  office) is consolidated by the unit above it, which may write for it: the *writers* of a record are its
  owner and, while the owner is a sub-unit, the units above it up to the first commune, district or
  province (:func:`writers`);
* the **appraising office** of a nomination writes its appraisal fields (status after submission, reason,
  note, eligibility verdict). It is the office that decides the title: the commune itself for the titles a
  commune decides, its upper office for the others (:func:`appraiser`, from the rule set's
  ``commune_role``). The owner may only set a nomination to draft or submitted, from draft, submitted,
  received or returned (withdraw before appraisal, submit again after a return); once the appraising office
  has appraised, approved, rejected or decided it, the owner can no longer change or delete it;
* the **issuer** — the owner of an issued record (campaigns, targets, decisions and their lists, award
  history written by a decision) — writes all of it; ``issued_by``/``issuer_unit`` must name the owner.

Every write is checked field by field: a local edit here (:func:`check_local_write`, called by the store)
and each field of a received row (by the importer). A write that changes nothing is always allowed.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tdkt_desktop.store.db import StoreError
from tdkt_desktop.store.fields import KINDS

if TYPE_CHECKING:
    from tdkt_desktop.store.db import Store

Row = dict[str, Any]

SUBJECT = "subject"  # a reference to people, collectives or households by subject_kind (core.models.SubjectKind)
TOP_LEVELS = ("province", "district", "commune")

# Nomination statuses: what the owner may set, from where, and which ones close the record to the owner.
OWNER_STATUSES = ("draft", "submitted")
OWNER_STATUS_FROM = ("draft", "submitted", "received", "returned")
LOCKED_STATUSES = ("appraised", "approved", "rejected", "decided")
APPRAISAL_FIELDS = ("status", "status_reason", "appraisal_note", "eligibility_json")


@dataclass(frozen=True)
class TableRule:
    """How one record kind is written and checked.

    ``role``: ``owned`` (the owner's content, travels up), ``issued`` (the issuer's, travels down),
    ``appraised`` (the owner's content and the appraising office's fields), ``review`` (a queued conflict,
    written by either party). ``unit_refs``: fields holding unit codes, which must lie in the sender's
    scope. ``issuer_field``: the unit field that must name the owner. ``refs``: record references (field →
    table, or :data:`SUBJECT`), whose records must exist (else the row waits) and be visible to the sender.
    ``appraisal``: the fields the appraising office writes."""

    role: str
    unit_refs: tuple[str, ...] = ()
    issuer_field: str | None = None
    refs: Mapping[str, str] = field(default_factory=dict)
    appraisal: tuple[str, ...] = ()


AUTHORITY: dict[str, TableRule] = {
    "units": TableRule("owned", unit_refs=("code", "parent_code")),
    "officials": TableRule("owned", unit_refs=("unit_code",)),
    "people": TableRule("owned", unit_refs=("unit_code",)),
    "collectives": TableRule("owned", unit_refs=("unit_code",)),
    "households": TableRule("owned", unit_refs=("unit_code",)),
    "award_history": TableRule("owned", refs={"subject_id": SUBJECT}),
    "ratings": TableRule("owned", refs={"subject_id": SUBJECT}),
    "initiatives": TableRule("owned", refs={"person_id": "people"}),
    "campaigns": TableRule("issued", unit_refs=("issued_by",), issuer_field="issued_by",
                           refs={"linked_campaign_id": "campaigns"}),
    "targets": TableRule("issued", unit_refs=("assigned_unit",),
                         refs={"campaign_id": "campaigns", "parent_target_id": "targets", "linked_target_id": "targets"}),
    "target_results": TableRule("owned", unit_refs=("unit_code",), refs={"target_id": "targets"}),
    "registrations": TableRule("owned", refs={"campaign_id": "campaigns", "subject_id": SUBJECT}),
    "participations": TableRule("owned", unit_refs=("unit_code",), refs={"campaign_id": "campaigns"}),
    "nominations": TableRule("appraised", unit_refs=("unit_code",),
                             refs={"campaign_id": "campaigns", "subject_id": SUBJECT}, appraisal=APPRAISAL_FIELDS),
    "vote_sessions": TableRule("owned", unit_refs=("unit_code",)),
    "votes": TableRule("owned", refs={"vote_session_id": "vote_sessions", "nomination_id": "nominations"}),
    "decisions": TableRule("issued", unit_refs=("issuer_unit",), issuer_field="issuer_unit"),
    "decision_awardees": TableRule("issued", refs={"decision_id": "decisions", "nomination_id": "nominations",
                                                   "subject_id": SUBJECT}),
    "award_cancellations": TableRule("issued", unit_refs=("issuer_unit",), issuer_field="issuer_unit",
                                     refs={"awardee_id": "decision_awardees", "decision_id": "decisions",
                                           "subject_id": SUBJECT}),
    "reviews": TableRule("review"),
    # a covenant is the recording unit's own (its member units are peers, often outside its subtree: named, not
    # checked against the sender's scope)
    "covenants": TableRule("owned"),
}


class NoAuthority(StoreError):
    """A write the unit has no authority for. ``code``: ``no_authority``, ``locked``, ``self_approval``."""

    def __init__(self, message: str, *, code: str = "no_authority") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Refusal:
    code: str
    reason: str


# --------------------------------------------------------------------------- the unit tree


class UnitTree:
    """The unit tree as this database knows it (live ``units`` rows): parent and level by code."""

    def __init__(self, store: Store | None = None) -> None:
        self.parent: dict[str, str | None] = {}
        self.level: dict[str, str] = {}
        if store is not None:
            for row in store.read("SELECT code, parent_code, level FROM units WHERE deleted = 0 ORDER BY local_seq"):
                self.add(row["code"], row["parent_code"], row["level"])

    def add(self, code: str, parent: str | None, level: str | None = None) -> None:
        self.parent.setdefault(code, parent)
        if level:
            self.level.setdefault(code, level)

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

    def is_sub_unit(self, code: str) -> bool:
        """A unit below the commune level (school, hamlet, office…), consolidated by the unit above it."""
        level = self.level.get(code)
        return level is not None and level not in TOP_LEVELS

    def home(self, code: str) -> str:
        """The first commune, district or province at or above ``code`` (``code`` itself when unknown)."""
        current = code
        for above in self.ancestors(code):
            if not self.is_sub_unit(current):
                break
            current = above
        return current


def writers(tree: UnitTree, owner: str) -> frozenset[str]:
    """The units that write a record owned by ``owner``: the owner and, for a sub-unit, the units above it up
    to its commune (or district, province)."""
    out = [owner]
    current = owner
    for above in tree.ancestors(owner):
        if not tree.is_sub_unit(current):
            break
        out.append(above)
        current = above
    return frozenset(out)


@functools.lru_cache(maxsize=64)
def _commune_role(title_code: str, year: int) -> str | None:
    from tdkt_desktop.core.rules import ruleset_for

    try:
        entry = ruleset_for(_dt.date(year, 12, 31)).catalogue.get(title_code)
    except Exception:
        return None
    return entry.commune_role if entry is not None else None


def appraiser(tree: UnitTree, owner: str, title_code: str | None, year: int | None) -> str:
    """The office that appraises and decides a nomination of ``owner`` for ``title_code``: the owner's commune
    (district, province) when it decides that title itself, else the office above it."""
    home = tree.home(owner)
    if tree.level.get(home) == "province":
        return home
    role = _commune_role(str(title_code or ""), int(year or 0)) if title_code and year else None
    if role == "decide":
        return home
    return tree.parent.get(home) or home


@dataclass(frozen=True)
class Parties:
    """Who holds which role over one record."""

    owner: str
    writers: frozenset[str]
    appraiser: str | None = None
    upper: frozenset[str] = frozenset()  # the owner's upper offices (may resolve a queued conflict)

    @property
    def separate_appraiser(self) -> bool:
        return self.appraiser is not None and self.appraiser not in self.writers

    def rank(self, unit: str, name: str) -> int:
        """Precedence of a unit's write of field ``name`` when two writes collide: the appraising office first
        on the appraisal fields, then the owner's side; 0 for a unit without authority over the field."""
        if self.separate_appraiser and name in APPRAISAL_FIELDS:
            if unit == self.appraiser:
                return 2
            return 1 if name == "status" and unit in self.writers else 0
        if unit in self.writers or (not self.separate_appraiser and unit in self.upper):
            return 1
        return 0


def parties(tree: UnitTree, table: str, row: Mapping[str, Any]) -> Parties:
    owner = str(row.get("owner_unit") or "")
    who = writers(tree, owner)
    if table == "nominations":
        year = row.get("year")
        return Parties(owner, who, appraiser(tree, owner, row.get("title_code"), int(year) if year else None))
    if AUTHORITY.get(table, TableRule("owned")).role == "review":
        return Parties(owner, who, None, frozenset(tree.ancestors(owner)))
    return Parties(owner, who)


# --------------------------------------------------------------------------- field by field


def _label(table: str, name: str) -> str:
    kind = KINDS.get(table)
    if name == "deleted":
        return "xóa/khôi phục"
    if kind is not None:
        try:
            return kind.field(name).label
        except KeyError:
            pass
    return name


def _kind(table: str) -> str:
    kind = KINDS.get(table)
    return kind.label.lower() if kind is not None else table


def field_refusal(
    table: str,
    name: str,
    writer: str,
    who: Parties,
    *,
    old: Any,
    new: Any,
    status: str | None = None,
    relinks: Mapping[str, str] | None = None,
) -> Refusal | None:
    """Why ``writer`` may not change field ``name`` of a record from ``old`` to ``new`` (None: it may).

    ``status`` is the nomination's status the write is judged against (the one in force where it lands);
    ``relinks`` maps a unit's copy of a directive to the campaign it was linked to (re-pointing a reference
    from the copy to the genuine campaign is always allowed)."""
    if old == new:
        return None
    rule = AUTHORITY.get(table, TableRule("owned"))
    if rule.role == "review":
        if writer in who.writers or writer in who.upper:
            return None
        return Refusal("no_authority", f"đơn vị {writer} không tham gia xung đột của bản ghi do đơn vị {who.owner} quản lý")
    if not who.separate_appraiser:
        if writer in who.writers:
            return None
        return Refusal(
            "no_authority",
            f"đơn vị {writer} không có quyền sửa “{_label(table, name)}” của {_kind(table)} do đơn vị {who.owner} quản lý",
        )
    appraising = who.appraiser
    if name in rule.appraisal and name != "status":
        if writer == appraising:
            return None
        return Refusal("no_authority", f"chỉ {appraising} (cơ quan thẩm định) ghi được “{_label(table, name)}”")
    if name == "status":
        if writer == appraising:
            return None
        if writer in who.writers:
            if new in OWNER_STATUSES and (old is None or old in OWNER_STATUS_FROM):
                return None
            return Refusal(
                "self_approval",
                f"đơn vị {writer} không tự chuyển đề nghị sang “{new}” được: đề nghị này do {appraising} thẩm định và "
                "quyết định",
            )
        return Refusal("no_authority", f"đơn vị {writer} không có quyền đổi trạng thái đề nghị của đơn vị {who.owner}")
    if writer not in who.writers:
        return Refusal(
            "no_authority",
            f"đơn vị {writer} không có quyền sửa “{_label(table, name)}” của {_kind(table)} do đơn vị {who.owner} quản lý",
        )
    if status in LOCKED_STATUSES:
        if name == "campaign_id" and relinks and old is not None and relinks.get(str(old)) == new:
            return None
        return Refusal(
            "locked",
            f"đề nghị đã được {appraising} xử lý (trạng thái “{status}”) nên đơn vị {writer} không sửa, không xóa được; "
            f"hãy đề nghị {appraising} trả lại hồ sơ (hoặc rút đề nghị trước khi thẩm định)",
        )
    return None


# --------------------------------------------------------------------------- local writes


class TreeCache:
    """The unit tree of one database, rebuilt when a ``units`` row changed (by its highest local sequence)."""

    def __init__(self) -> None:
        self._key: Any = None
        self._tree: UnitTree | None = None

    def get(self, store: Store) -> UnitTree:
        key = store.db.execute("SELECT MAX(local_seq), COUNT(*) FROM units").fetchone()
        if self._tree is None or key != self._key:
            self._tree = UnitTree(store)
            self._key = key
        return self._tree


def relinks(store: Store) -> dict[str, str]:
    """Copies of directives linked to the genuine campaign: copy id → campaign id (see sync.directives)."""
    return {r[0]: r[1] for r in store.db.execute(
        "SELECT id, linked_campaign_id FROM campaigns WHERE linked_campaign_id IS NOT NULL"
    ).fetchall()}


def check_local_write(store: Store, tree: UnitTree, table: str, before: Row | None, after: Row,
                      changed: Iterable[str]) -> None:
    """Refuse (raise :class:`NoAuthority`) a local write this installation's unit has no authority for."""
    if table == "units":
        return
    writer = store.unit_code
    if not writer:
        return
    rule = AUTHORITY.get(table, TableRule("owned"))
    if rule.issuer_field and after.get(rule.issuer_field) and after[rule.issuer_field] != after.get("owner_unit"):
        raise NoAuthority(
            f"{KINDS[table].label} ghi đơn vị ban hành {after[rule.issuer_field]} nhưng thuộc đơn vị "
            f"{after.get('owner_unit')}: một đơn vị chỉ ban hành văn bản của mình.",
        )
    who = parties(tree, table, after if before is None else before)
    if before is None and writer not in who.writers and writer != who.appraiser:
        return  # a record typed here for a unit this one does not write for: it stays here (never sent as ours)
    status = (before or {}).get("status") if table == "nominations" else None
    links: dict[str, str] | None = None
    for name in changed:
        old = before.get(name) if before is not None else None
        if name == "campaign_id" and links is None:
            links = relinks(store)
        refusal = field_refusal(table, name, writer, who, old=old, new=after.get(name), status=status, relinks=links)
        if refusal is not None:
            raise NoAuthority(f"Không lưu được: {refusal.reason}.", code=refusal.code)
