"""Merging two versions of one record, field by field, with authority.

For each field (and the tombstone flag) the write that wins is chosen from the two versions' stamps and
version vectors (see :mod:`tdkt_desktop.store.revisions`):

* the same write on both sides → kept (the same stamp with two different values is a reused revision: a
  database restored or copied and edited again — a **collision**, queued for review, never "unchanged");
* one side has seen the other's write → the newer write, **if its writer had authority** over that field;
  a write without authority is **refused** and the value in force stays;
* neither has seen the other's (two edits of one field at two places) → the write of the unit with
  precedence over that field (the appraising office before the owner), then the higher stamp; equal values
  are no conflict; different values are a **collision**: the losing value goes to the review queue.

Then, for a nomination that the appraising office has appraised, approved, rejected or decided: an edit by
the owner that the deciding version had not seen is undone (**locked**, queued for review): the owner can
no longer change a decided nomination, it can ask for its return.

Where a value is kept although the other side had seen it (a refusal, a lock), the kept value gets a new
stamp made from both writes (installation ``"~…"``), the same on every side, so that every copy converges.
The result depends only on the two versions, never on which one was held: the same pair merges to the same
row everywhere.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.store.authority import APPRAISAL_FIELDS, LOCKED_STATUSES, Parties, Refusal
from tdkt_desktop.store.revisions import (
    PSEUDO,
    Stamp,
    content_fields,
    content_hash,
    covers,
    dump,
    make_rev,
    parse_stamps,
    parse_vv,
    stamp_of,
)

Row = dict[str, Any]
# refusal(field, writer unit, old value, new value, nomination status in force) → Refusal or None
Judge = Callable[[str, str, Any, Any, Any], Refusal | None]


@dataclass
class FieldEvent:
    """A value not applied: ``kind`` is ``refused`` (no authority), ``collision`` (two edits of one field),
    ``locked`` (an owner's edit of a decided nomination) or ``reuse`` (one stamp, two values)."""

    field: str
    kind: str
    kept_value: Any
    kept_stamp: Stamp | None
    other_value: Any
    other_stamp: Stamp | None
    other_from: str  # "held" or "incoming": where the value not applied came from
    code: str = ""
    reason: str = ""


@dataclass
class Merged:
    """The merged row (``None`` when the held row stays as it is), how it relates to the two versions
    (``unchanged``, ``stale``, ``updated`` — the incoming version as it is —, ``merged``), and the events."""

    row: Row | None
    outcome: str
    events: list[FieldEvent] = field(default_factory=list)


def _order(stamp: Stamp | None) -> tuple[Any, ...]:
    return (-1, "", -1, "") if stamp is None else stamp


_PLAIN = (str, int, type(None))  # two values of one of these types (not bool, not float) encode alike when equal


def _same(a: Any, b: Any) -> bool:
    if type(a) is type(b) and type(a) in _PLAIN:  # the same answer as below, without encoding them
        return bool(a == b) or (type(a) is int and float(a) == float(b))
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str) or (
        isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool) and float(a) == float(b)
    )


def _value_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def pseudo_stamp(kept: Stamp | None, cause: Stamp | str | None, unit: str) -> Stamp:
    """The stamp of a value kept against a write the other side had seen, made from the kept write and what kept
    it (the decision's status write, or a refusal) — never from the write not applied, so that every copy that
    refuses any later write of the same kind makes the same stamp."""
    digest = hashlib.sha256(_value_key([kept, cause]).encode("utf-8")).hexdigest()[:15]
    gen = max(_order(kept)[0], _order(cause)[0] if isinstance(cause, tuple) else 0, 1)
    return (int(gen), f"{PSEUDO}{digest}", 1, unit)


class _Side:
    def __init__(self, row: Row) -> None:
        self.row = row
        self.vv = parse_vv(row.get("vv"))
        self.stamps = parse_stamps(row.get("stamps"))

    def stamp(self, name: str) -> Stamp | None:
        return stamp_of(self.stamps, name)


def merge(table: str, held: Row, incoming: Row, who: Parties, judge: Judge,
          relinks: dict[str, str] | None = None) -> Merged:
    """Merge ``incoming`` into ``held`` (two versions of the same record)."""
    if held.get("rev") == incoming.get("rev"):
        return Merged(None, "unchanged")
    h, n = _Side(held), _Side(incoming)
    names = [f for f in content_fields(held) if f in incoming or f == "deleted"]
    if "status" in names:  # the status first: the lock of the other fields depends on it
        names.remove("status")
        names.insert(0, "status")
    values: Row = {}
    stamps: dict[str, Stamp | None] = {}
    extra_vv: dict[str, int] = {}
    events: list[FieldEvent] = []

    def keep_against(name: str, kept: _Side, lost: _Side, unit: str, kind: str, refusal: Refusal | None) -> None:
        ks, ls = kept.stamp(name), lost.stamp(name)
        values[name] = kept.row.get(name)
        if kind == "refused":
            p = pseudo_stamp(ks, "refused", unit)
            stamps[name] = p
            extra_vv[p[1]] = 1
        else:
            stamps[name] = ks
        events.append(FieldEvent(name, kind, kept.row.get(name), ks, lost.row.get(name), ls,
                                 "incoming" if lost is n else "held",
                                 refusal.code if refusal else kind, refusal.reason if refusal else ""))

    for name in names:
        va, vb = held.get(name), incoming.get(name)
        sa, sb = h.stamp(name), n.stamp(name)
        if sa == sb:
            if _same(va, vb):
                values[name], stamps[name] = va, sa
            else:  # one write, two values: a reused revision
                kept, lost = (h, n) if _value_key(va) >= _value_key(vb) else (n, h)
                keep_against(name, kept, lost, str((sa or ("", "", 0, ""))[3]), "reuse", None)
            continue
        a_has_b, b_has_a = covers(h.vv, sb), covers(n.vv, sa)
        if a_has_b and not b_has_a:
            values[name], stamps[name] = va, sa
        elif b_has_a and not a_has_b:
            writer = str(sb[3]) if sb else ""
            # (a decided nomination's lock is applied after every field, by the lock pass below)
            refusal = None if _same(va, vb) or _pseudo_allowed(sb, who) else judge(name, writer, va, vb, None)
            if refusal is None:
                values[name], stamps[name] = vb, sb
            else:
                keep_against(name, h, n, str(sa[3]) if sa else who.owner, "refused", refusal)
        elif _same(va, vb):
            values[name] = va
            stamps[name] = max(sa, sb, key=_order)
        else:  # concurrent (or each side has seen the other's write): precedence, then the higher stamp
            locked = who.separate_appraiser and values.get("status") in LOCKED_STATUSES and name not in APPRAISAL_FIELDS
            key_a = (_rank(who, sa, name, locked), _order(sa))
            key_b = (_rank(who, sb, name, locked), _order(sb))
            kept, lost = (h, n) if key_a >= key_b else (n, h)
            ks, ls = kept.stamp(name), lost.stamp(name)
            values[name], stamps[name] = kept.row.get(name), ks
            lost_rank = min(key_a, key_b)[0]
            kind, code, reason = ("collision", "collision", "cùng một trường được sửa ở hai nơi")
            if max(key_a, key_b)[0] == 3:
                kind, code = "locked", "locked"
                reason = _locked_reason(who, values.get("status"), ls)
            elif lost_rank == 0:
                kind, code = "refused", "no_authority"
                reason = f"đơn vị {ls[3] if ls else '?'} không có quyền sửa trường này"
            events.append(FieldEvent(name, kind, kept.row.get(name), ks, lost.row.get(name), ls,
                                     "incoming" if lost is n else "held", code, reason))

    if who.separate_appraiser and values.get("status") in LOCKED_STATUSES:
        # the version whose status write is in force decides (the held one when both hold it, or when it was
        # kept against a refused one)
        decider = n if stamps.get("status") == n.stamp("status") != h.stamp("status") else h
        _lock(decider, n if decider is h else h, n, names, values, stamps, extra_vv, events, who, relinks or {})

    vv = dict(h.vv)
    for k, v in n.vv.items():
        vv[k] = max(int(vv.get(k, 0)), int(v))
    vv.update(extra_vv)
    creation = _creation(h, n)
    new_stamps: dict[str, Any] = {"": list(creation)}
    for name, stamp in stamps.items():
        if stamp is not None and list(stamp) != new_stamps[""]:
            new_stamps[name] = list(stamp)
    row = dict(held)
    row.update(values)
    row["vv"] = dump(vv)
    row["stamps"] = dump(new_stamps)
    digest = content_hash(row, vv=vv, stamps=new_stamps)
    if digest == content_hash(held, vv=h.vv, stamps=h.stamps):
        # the hash holds the vector: the merged one (at least the incoming one everywhere) equals the held one,
        # so the held version had seen every write of the incoming one
        return Merged(None, "stale", events)
    if digest == content_hash(incoming, vv=n.vv, stamps=n.stamps):
        return Merged(dict(incoming), "updated", events)
    # a version made of both: its bookkeeping depends only on what it holds (the same wherever it is made)
    last = max((s for s in stamps.values() if s is not None), key=_order, default=creation)
    row["gen"] = max(int(held["gen"]), int(incoming["gen"]), last[0])
    row["origin_install"], row["clock"] = last[1], last[2]
    row["created_at"] = min(str(held["created_at"]), str(incoming["created_at"]))
    row["updated_at"] = max(str(held["updated_at"]), str(incoming["updated_at"]))
    row["base_rev"] = None
    row["rev"] = make_rev(int(row["gen"]), str(row["origin_install"]), int(row["clock"]), digest)
    return Merged(row, "merged", events)


def covers_all(a: dict[str, int], b: dict[str, int]) -> bool:
    return all(int(a.get(k, 0)) >= int(v) for k, v in b.items())


def _creation(h: _Side, n: _Side) -> Stamp:
    ca, cb = stamp_of({"": h.stamps.get("")}, ""), stamp_of({"": n.stamps.get("")}, "")
    return max((s for s in (ca, cb) if s is not None), key=_order)


def _rank(who: Parties, stamp: Stamp | None, name: str, locked: bool) -> int:
    """Precedence of a write in a collision; 3 for the appraising office's undoing of an edit of a decided
    nomination (a merge's stamp in its name), which stands against the owner's concurrent edits."""
    if stamp is None:
        return 0
    if locked and stamp[1].startswith(PSEUDO) and stamp[3] == who.appraiser:
        return 3
    return who.rank(str(stamp[3]), name)


def _locked_reason(who: Parties, status: Any, lost: Stamp | None) -> str:
    return (f"đề nghị đã được {who.appraiser} xử lý (trạng thái “{status}”) trước khi nhận được thay đổi này của đơn vị "
            f"{lost[3] if lost else '?'}; hãy đề nghị {who.appraiser} trả lại hồ sơ nếu cần sửa")


def _pseudo_allowed(stamp: Stamp | None, who: Parties) -> bool:
    """A merge's stamp (kept value) from a party of the record: accepted as the merge that made it."""
    return stamp is not None and stamp[1].startswith(PSEUDO) and (
        stamp[3] in who.writers or stamp[3] == who.appraiser)


def _lock(decider: _Side, other: _Side, n: _Side, names: list[str], values: Row, stamps: dict[str, Stamp | None],
          extra_vv: dict[str, int], events: list[FieldEvent], who: Parties, relinks: dict[str, str]) -> None:
    """Undo the owner's edits that the version deciding the nomination had not seen."""
    lock_stamp = decider.stamp("status")
    for name in names:
        if name in APPRAISAL_FIELDS:
            continue
        won = stamps.get(name)
        if won is None or won == decider.stamp(name) or str(won[3]) not in who.writers or covers(decider.vv, won):
            continue
        if name == "campaign_id" and relinks.get(str(decider.row.get(name))) == values.get(name):
            continue
        lost_value = values[name]
        values[name] = decider.row.get(name)
        p = pseudo_stamp(decider.stamp(name), lock_stamp, str(who.appraiser))
        stamps[name] = p
        extra_vv[p[1]] = 1
        events.append(FieldEvent(name, "locked", values[name], p, lost_value, won, "incoming" if other is n else "held",
                                 "locked", _locked_reason(who, values.get("status"), won)))
