"""A save that would undo someone else's edit is refused: the editor names the version it opened.

An editor reads a record and remembers its revision (``rev``, see :mod:`tdkt_desktop.store.revisions`); any
later write — another editor in this program, a bundle import, another program on the same file — gives the
record a new revision. :func:`require_unchanged` is called inside the saving transaction (after
``BEGIN IMMEDIATE`` has taken the write lock, so nothing can slip in between the check and the write) and
raises :class:`StaleRecord` when the record is no longer the version the editor opened;
:func:`save_unchanged` is an editor's whole save (the checks, then its write, in one transaction);
:func:`require_version` checks a record found by what it is about (a target's result for a period).
:func:`changes_between` says field by field what the other write changed and what the editor would write, in
Vietnamese, for the question the editor asks before anything is overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from tdkt_desktop.core.text import format_date, format_number
from tdkt_desktop.store import fields as _fields
from tdkt_desktop.store.errors import StoreError
from tdkt_desktop.store.revisions import SYNC_FIELDS

if TYPE_CHECKING:
    from tdkt_desktop.store.db import Store

Row = dict[str, Any]
T = TypeVar("T")


class StaleRecord(StoreError):
    """The record changed (or was deleted) after the editor opened it. ``current`` is the record as it is
    now (``None`` when it no longer exists)."""

    def __init__(self, table: str, record_id: str, current: Row | None) -> None:
        kind = _fields.KINDS.get(table)
        label = kind.label.lower() if kind is not None else "bản ghi"
        value = (current or {}).get(kind.title_field) if kind is not None else None
        title = value if isinstance(value, str) else ""  # a name or a title, not a bare number
        if title:
            label += f" “{title if len(title) <= 80 else title[:79] + '…'}”"
        if current is None or current.get("deleted"):
            text = f"Không lưu được: {label} này đã bị xóa sau khi anh/chị mở nó."
        else:
            text = (f"Không lưu được: {label} này đã được sửa ở nơi khác (cửa sổ khác, gói đồng bộ vừa nhận "
                    "hoặc chương trình khác) sau khi anh/chị mở nó.")
        super().__init__(text)
        self.table = table
        self.record_id = record_id
        self.current = current


def require_unchanged(store: Store, table: str, record_id: str, rev: str | None) -> Row:
    """The record as stored, when it is still revision ``rev``; else :class:`StaleRecord`. Call it inside the
    transaction that writes the record."""
    current = store.get(table, record_id, include_deleted=True)
    if current is None or current.get("deleted") or (rev is not None and current.get("rev") != rev):
        raise StaleRecord(table, record_id, None if current is None or current.get("deleted") else current)
    return current


def save_unchanged(store: Store, expected: Mapping[tuple[str, str], str | None], write: Callable[[], T]) -> T:
    """Run ``write`` in one transaction after checking that every record of ``expected`` —
    (table, id) → the revision the editor opened — is still that version (:func:`require_unchanged`): a save
    of an editor, so that nothing written since it opened is undone without the person's say."""
    with store.atomic():
        for (table, record_id), rev in expected.items():
            require_unchanged(store, table, record_id, rev)
        return write()


def require_version(table: str, current: Row | None, rev: str | None, *, record_id: str) -> None:
    """For a record found by what it is about (a target's result for a unit and period) rather than by its id:
    ``current``, as read inside the writing transaction, must still be the version shown — revision ``rev``, or
    none at all when ``rev`` is None. ``record_id`` names it in the error when it no longer exists."""
    if (current or {}).get("rev") != rev:
        raise StaleRecord(table, str(current["id"]) if current else record_id, current)


@dataclass(frozen=True)
class FieldChange:
    """One field the other write changed or this editor would change, as shown to the person."""

    name: str
    label: str
    old: str  # as the editor opened it
    theirs: str  # as it is stored now
    yours: str  # as the editor would write it

    @property
    def conflicting(self) -> bool:
        """Both sides changed it, differently."""
        return self.theirs != self.old and self.yours != self.old and self.theirs != self.yours


def value_text(table: str, name: str, value: Any) -> str:
    """A stored value as a person reads it (dates dd/mm/yyyy, decimal comma, choices by their label)."""
    if value is None or value == "":
        return "(trống)"
    spec = _field(table, name)
    kind = spec.kind if spec is not None else "text"
    if spec is not None and spec.enum is not None:
        for member in spec.enum:
            if member.value == value:
                return member.label
    if kind == "date":
        try:
            return format_date(value)
        except ValueError:  # not an ISO date: shown as it is
            return str(value)
    if kind in ("number", "int") and isinstance(value, int | float):
        return format_number(value)
    if kind == "bool":
        return "Có" if value else "Không"
    if kind == "members":
        from tdkt_desktop.core.covenants import members_summary

        return members_summary(value)
    if kind == "json" or isinstance(value, list | dict):
        data = value
        if isinstance(value, str):
            try:
                data = json.loads(value)
            except ValueError:
                data = value
        if isinstance(data, list):
            return "; ".join(str(v) for v in data) or "(trống)"
        if isinstance(data, dict):  # a checklist (a dossier): how many items are ticked, and any text kept in it
            ticked = sum(1 for v in data.values() if v is True)
            texts = [str(v) for v in data.values() if isinstance(v, str) and v]
            return "; ".join([f"{ticked} mục đã đánh dấu", *texts])
    return str(value)


def _field(table: str, name: str) -> _fields.Field | None:
    kind = _fields.KINDS.get(table)
    if kind is None:
        return None
    try:
        return kind.field(name)
    except KeyError:
        return None


def _same(a: Any, b: Any) -> bool:
    return ((a in (None, "")) and (b in (None, ""))) or a == b


def changes_between(table: str, loaded: Row, current: Row | None, mine: Row) -> list[FieldChange]:
    """Every field whose value differs between the version the editor opened (``loaded``), the stored one
    (``current``; ``None`` when deleted) and what the editor would write (``mine``), in the kind's field
    order; bookkeeping columns left out."""
    kind = _fields.KINDS.get(table)
    order = [f.name for f in kind.fields] if kind is not None else []
    names = [n for n in order if n in loaded or n in mine or (current and n in current)]
    names += [n for n in mine if n not in names and n not in SYNC_FIELDS]
    out = []
    for name in names:
        old = loaded.get(name)
        theirs = current.get(name) if current is not None else None
        yours = mine[name] if name in mine else theirs  # a field this editor does not hold keeps theirs
        if _same(old, theirs) and _same(old, yours):
            continue
        texts = (value_text(table, name, old),
                 value_text(table, name, theirs) if current is not None else "(đã xóa)",
                 value_text(table, name, yours))
        if texts[0] == texts[1] == texts[2]:  # one value stored in two forms (3 and 3.0, a list and its JSON)
            continue
        spec = _field(table, name)
        out.append(FieldChange(name, spec.label if spec is not None else name, *texts))
    return out
