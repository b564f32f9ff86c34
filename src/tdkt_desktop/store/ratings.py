"""Xếp loại chất lượng: the year's sheet of every collective and person of the unit, and saving it.

:func:`rating_sheet` lists the unit's live collectives, then its people (Vietnamese order), each with the
rating of the year (and its discipline, "under review" and note) and the rating of the year before — what
the grid shows and what "copy last year's list" copies. :func:`save_ratings` writes many lines at once, in
one transaction, after checking every one: a line with a rating inserts or updates the subject's rating of
the year, a line without one deletes it (a tombstone). It returns the lines as they were before, so that
saving them again undoes the save.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tdkt_desktop.core.models import Discipline, SubjectKind
from tdkt_desktop.core.text import InputError, clean, collate_key, person_sort_key
from tdkt_desktop.store import fields as F
from tdkt_desktop.store import freshness
from tdkt_desktop.store.db import Row, Store

__all__ = ["RATED_KINDS", "rating_of", "rating_sheet", "save_ratings"]

# The subjects that are rated each year: collectives and individuals (households are not).
RATED_KINDS = (SubjectKind.COLLECTIVE, SubjectKind.PERSON)
_VALUES = ("rating", "discipline", "under_review", "note")


def _subjects(store: Store, kind: SubjectKind) -> list[Row]:
    unit = store.unit_code
    rows = store.rows(kind.table, "owner_unit = ?", [unit]) if unit else store.rows(kind.table)
    if kind is SubjectKind.PERSON:
        return sorted(rows, key=lambda r: person_sort_key(r.get("full_name")))
    return sorted(rows, key=lambda r: collate_key(r.get(kind.name_field)))


def _latest(store: Store, year: int) -> dict[tuple[str, str], Row]:
    """The rating of each subject of the sheet (:func:`_subjects`) for ``year`` (the one written last where there
    are several) — not the ratings of the units below, which a province holds by the hundred thousand."""
    where = "year = ?"
    params: list[Any] = [year]
    unit = store.unit_code
    if unit:
        where += (" AND subject_id IN (SELECT id FROM people WHERE owner_unit = ? AND deleted = 0"
                  " UNION ALL SELECT id FROM collectives WHERE owner_unit = ? AND deleted = 0)")
        params += [unit, unit]
    out: dict[tuple[str, str], Row] = {}
    for r in store.rows("ratings", where, params, order_by="updated_at, id"):
        out[(r["subject_kind"], r["subject_id"])] = r
    return out


def rating_of(store: Store, subject_kind: str, subject_id: str, year: int) -> Row | None:
    """The live rating of one subject for ``year`` (the one written last), or ``None``."""
    rows = store.rows("ratings", "subject_kind = ? AND subject_id = ? AND year = ?", [subject_kind, subject_id, year],
                      order_by="updated_at DESC, id DESC", limit=1)
    return rows[0] if rows else None


def rating_sheet(store: Store, year: int) -> list[Row]:
    """One line per collective and person of the unit: ``subject_kind``, ``subject_id``, ``name``, ``detail``
    (position or kind of collective), ``rating_id``, ``rating``, ``discipline``, ``under_review``, ``note``
    (of ``year``), ``rating_rev`` (the revision shown, for :func:`save_ratings`) and ``last_rating`` (of the
    year before)."""
    this_year, last_year = _latest(store, year), _latest(store, year - 1)
    lines: list[Row] = []
    for kind in RATED_KINDS:
        for subject in _subjects(store, kind):
            key = (kind.value, subject["id"])
            now, before = this_year.get(key), last_year.get(key)
            detail = subject.get("position") if kind is SubjectKind.PERSON else subject.get("kind")
            lines.append({
                "subject_kind": kind.value,
                "subject_id": subject["id"],
                "name": subject.get(kind.name_field) or "",
                "detail": detail or "",
                "rating_id": now["id"] if now else None,
                "rating_rev": now["rev"] if now else None,
                "rating": now["rating"] if now else None,
                "discipline": (now.get("discipline") if now else None) or Discipline.NONE.value,
                "under_review": int(now.get("under_review") or 0) if now else 0,
                "note": (now.get("note") if now else None) or "",
                "last_rating": before["rating"] if before else None,
            })
    return lines


def _checked(store: Store, year: int, entries: Sequence[Mapping[str, Any]]) -> list[Row]:
    F.normalise_field("ratings", "year", year)
    out: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for n, entry in enumerate(entries, start=1):
        kind = SubjectKind(F.normalise_field("ratings", "subject_kind", entry.get("subject_kind")))
        subject_id = clean(str(entry.get("subject_id") or ""))
        subject = store.get(kind.table, subject_id) if subject_id else None
        if subject is None:
            raise InputError(f"Dòng {n}: không tìm thấy {kind.label.lower()} có mã “{subject_id}”.", field="subject_id")
        name = subject.get(kind.name_field) or subject_id
        if (kind.value, subject_id) in seen:
            raise InputError(f"{name}: có hai dòng xếp loại trong cùng năm {year}.", field="subject_id")
        seen.add((kind.value, subject_id))
        try:
            rating = F.normalise_field("ratings", "rating", entry.get("rating") or "")
            discipline = F.normalise_field("ratings", "discipline", entry.get("discipline") or "")
        except InputError as exc:
            raise InputError(f"{name}: {exc}", field=exc.field, value=exc.value) from None
        if rating is None and discipline not in (None, Discipline.NONE.value):
            raise InputError(f"{name}: có kỷ luật nhưng chưa xếp loại. Hãy chọn mức xếp loại năm {year}.",
                             field="rating")
        line: Row = {
            "subject_kind": kind.value, "subject_id": subject_id, "rating": rating,
            "discipline": discipline or Discipline.NONE.value,
            "under_review": 1 if entry.get("under_review") else 0,
            "note": clean(str(entry.get("note") or "")) or None,
        }
        if "rev" in entry:
            line["rev"] = entry["rev"]
        out.append(line)
    return out


def save_ratings(store: Store, year: int, entries: Sequence[Mapping[str, Any]]) -> list[Row]:
    """Write the ratings of ``year`` for the subjects of ``entries`` (``subject_kind``, ``subject_id``,
    ``rating`` — a :class:`Rating` value or label, empty to remove — and optionally ``discipline``,
    ``under_review``, ``note``; ``rev``: the revision of the rating the screen showed, None for none — a rating
    changed since is refused with :class:`~tdkt_desktop.store.freshness.StaleRecord`). Every line is checked
    before anything is written; one transaction.
    Returns the lines that changed, as they were before (saving them again undoes this save)."""
    year = int(year)
    lines = _checked(store, year, entries)
    before: list[Row] = []
    with store.atomic():
        for line in lines:
            current = rating_of(store, line["subject_kind"], line["subject_id"], year)
            if "rev" in line:
                freshness.require_version("ratings", current, line["rev"], record_id=line["subject_id"])
            old = {
                "subject_kind": line["subject_kind"], "subject_id": line["subject_id"],
                "rating": current["rating"] if current else None,
                "discipline": (current.get("discipline") if current else None) or Discipline.NONE.value,
                "under_review": int(current.get("under_review") or 0) if current else 0,
                "note": (current.get("note") if current else None) or None,
            }
            if all(old[k] == line[k] for k in _VALUES):
                continue
            before.append(old)
            if line["rating"] is None:
                if current is not None:
                    store.delete("ratings", current["id"])
                continue
            values = {k: line[k] for k in _VALUES}
            if current is None:
                store.insert("ratings", {"subject_kind": line["subject_kind"], "subject_id": line["subject_id"],
                                         "year": year, **values})
            else:
                store.update("ratings", current["id"], values)
    return before
