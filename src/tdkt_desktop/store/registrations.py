"""Đăng ký thi đua in bulk: many nominees of one kind registering for one title in a campaign's year.

One function for every front end (the command line's ``tdkt registrations add``; the registration list in the
application adds one at a time through the same checks): the campaign must exist, the title must exist in the
rules in force at the end of the campaign's year and be given to that kind of subject (an individual cannot
register for a collective title), every subject must be a live record; a subject already registered for the
same title in the same campaign is skipped, not doubled. One transaction: a wrong subject registers nobody.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.rules import ruleset_for
from tdkt_desktop.core.text import InputError, clean
from tdkt_desktop.store import fields as F
from tdkt_desktop.store.db import Row, Store

__all__ = ["Registered", "check_title", "register_many"]

_KINDS = {k.value: k.table for k in SubjectKind}


@dataclass
class Registered:
    """What a bulk registration did: the new registrations' ids and the subjects already registered."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def _kind_label(kind: str) -> str:
    try:
        return SubjectKind(kind).label.lower()
    except ValueError:
        return kind


def check_title(store: Store, title_code: str, subject_kind: str, year: int) -> None:
    """Refuse (:class:`InputError`) a registration for a title that is not in the rules in force at the end of
    ``year`` or not given to this kind of subject (an individual registering for a collective title). Every
    registration written here passes this check: the bulk one below and each one saved from a list
    (``Store`` runs it before writing a registration)."""
    if subject_kind not in _KINDS:
        raise InputError(f"Loại đối tượng “{subject_kind}” không hợp lệ. Chọn một trong: "
                         f"{', '.join(_KINDS)}.", field="Loại đối tượng", value=subject_kind)
    unit = store.self_unit()
    rs = ruleset_for(_dt.date(year, 12, 31), province_code=(unit or {}).get("province_code") or None)
    entry = rs.catalogue.get(title_code)
    if entry is None:
        raise InputError(f"Danh hiệu “{title_code}” không có trong {rs.describe()}. Các danh hiệu: "
                         f"{', '.join(sorted(rs.catalogue))}.", field="Danh hiệu", value=title_code)
    if SubjectKind(subject_kind) not in entry.subject_kinds:
        allowed = ", ".join(_kind_label(k.value) for k in entry.subject_kinds)
        raise InputError(f"{entry.name} chỉ dành cho {allowed}, không dành cho {_kind_label(subject_kind)}.",
                         field="Danh hiệu", value=title_code)


def register_many(
    store: Store,
    *,
    campaign_id: str,
    title_code: str,
    subject_kind: str,
    subject_ids: Sequence[str],
    registered_on: _dt.date | None = None,
    note: str | None = None,
) -> Registered:
    """Register ``subject_ids`` (of ``subject_kind``) for ``title_code`` in the campaign (see the module)."""
    if subject_kind not in _KINDS:
        raise InputError(f"Loại đối tượng “{subject_kind}” không hợp lệ. Chọn một trong: "
                         f"{', '.join(_KINDS)}.", field="Loại đối tượng", value=subject_kind)
    ids = list(dict.fromkeys(subject_ids))
    if not ids:
        raise InputError("Không có đối tượng nào để đăng ký (danh sách trống hoặc điều kiện lọc không khớp ai).")
    day = registered_on or _dt.date.today()
    table = _KINDS[subject_kind]
    name_field = SubjectKind(subject_kind).name_field
    out = Registered()
    with store.atomic():
        campaign = store.require("campaigns", campaign_id)
        year = int(campaign.get("year") or day.year)
        check_title(store, title_code, subject_kind, year)
        held = {r["subject_id"] for r in store.rows(
            "registrations", "campaign_id = ? AND title_code = ? AND subject_kind = ?",
            [campaign["id"], title_code, subject_kind])}
        subjects: list[Row] = []
        for subject_id in ids:
            row = store.get(table, subject_id)
            if row is None:
                raise InputError(f"Không tìm thấy {F.KINDS[table].label.lower()} có mã {subject_id}; chưa đăng ký ai.",
                                 field="Đối tượng", value=subject_id)
            subjects.append(row)
        for row in subjects:
            if row["id"] in held:
                out.already.append(row["id"])
                continue
            added = store.insert("registrations", {
                "campaign_id": campaign["id"], "year": year, "subject_kind": subject_kind, "subject_id": row["id"],
                "subject_name": row[name_field], "title_code": title_code, "registered_on": day.isoformat(),
                "note": clean(note or "") or None,
            })
            out.added.append(added["id"])
    return out
