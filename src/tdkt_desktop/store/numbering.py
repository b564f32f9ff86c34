"""The register of issued document numbers (sổ đăng ký văn bản đi).

Numbers run per issuing unit, per document type, per calendar year, and restart on 1 January
(Nghị định 30/2020/NĐ-CP). A number is taken only when a document is **issued**: a preview shows
:func:`peek_next_number` and takes nothing. A number once taken is never given again, even when the
record it was taken for is later deleted — the register keeps it.

Taking a number is one ``INSERT … SELECT MAX(number) + 1`` statement: it takes SQLite's write lock
before it reads, so two installations' writers (or two threads) can never both read the same maximum.
It runs in :meth:`Store.atomic` (``BEGIN IMMEDIATE`` when it opens the transaction itself; inside a
caller's transaction a savepoint of it). A clash on the UNIQUE (unit, type, year, number) constraint
is retried with the next number.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.text import InputError, clean, fold, require_date
from tdkt_desktop.store.db import Store, StoreError, now_iso
from tdkt_desktop.store.errors import database_error

__all__ = [
    "DEFAULT_PREFIXES",
    "IssuedNumber",
    "doc_suffix",
    "doc_types",
    "format_doc_number",
    "numbers_issued",
    "peek_next_number",
    "record_number",
    "register_entry",
    "take_number",
]

# Document type (the abbreviation of NĐ 30/2020, Phụ lục III) → the suffix after the number:
# "<type>-<issuing body's abbreviation>". Meta ``doc_prefixes`` (JSON) overrides these per installation.
DEFAULT_PREFIXES: dict[str, str] = {
    "QĐ": "QĐ-UBND",
    "TTr": "TTr-UBND",
    "BC": "BC-UBND",
    "BB": "BB-HĐTĐKT",
    "KH": "KH-UBND",
    "TB": "TB-UBND",
    "CT": "CT-UBND",
    "CV": "UBND",
    "ĐK": "ĐK-UBND",
}

_RETRIES = 8


@dataclass(frozen=True)
class IssuedNumber:
    """A number from the register: ``number`` 5, ``year`` 2026, ``code`` "05/TTr-UBND"."""

    number: int
    year: int
    code: str
    doc_type: str = ""
    suffix: str = ""
    unit_code: str = ""
    register_id: int | None = None  # None for a preview

    def __str__(self) -> str:
        return self.code


def format_doc_number(number: int, suffix: str) -> str:
    """ "05/TTr-UBND": numbers below 10 get a leading zero (NĐ 30/2020/NĐ-CP, Phụ lục I)."""
    return f"{int(number):02d}/{suffix}"


def _prefixes(store: Store) -> dict[str, str]:
    configured = store.meta_json("doc_prefixes", None)
    out = dict(DEFAULT_PREFIXES)
    if isinstance(configured, dict):
        out.update({clean(str(k)): clean(str(v)) for k, v in configured.items() if clean(str(k)) and clean(str(v))})
    return out


def doc_types(store: Store) -> dict[str, str]:
    """Every document type this installation knows, with its suffix."""
    return _prefixes(store)


def _resolve(store: Store, doc_type: str) -> tuple[str, str]:
    """(canonical type, suffix) for ``doc_type``; "QD" finds "QĐ" (folded comparison)."""
    wanted = clean(doc_type)
    if not wanted:
        raise InputError("Loại văn bản: chưa nhập.", field="Loại văn bản")
    prefixes = _prefixes(store)
    if wanted in prefixes:
        return wanted, prefixes[wanted]
    key = fold(wanted)
    for name, suffix in prefixes.items():
        if fold(name) == key:
            return name, suffix
    known = ", ".join(prefixes)
    raise InputError(
        f"Loại văn bản “{wanted}” chưa có trong danh mục ký hiệu văn bản ({known}). "
        "Hãy khai báo ký hiệu của loại văn bản này trước khi cấp số.",
        field="Loại văn bản",
        value=doc_type,
    )


def doc_suffix(store: Store, doc_type: str) -> str:
    """The suffix printed after the number for ``doc_type`` ("QĐ" → "QĐ-UBND")."""
    return _resolve(store, doc_type)[1]


def _unit(store: Store, unit_code: str | None) -> str:
    code = clean(unit_code) or store.unit_code
    if not code:
        raise StoreError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ”.")
    return code


def _as_date(value: _dt.date | str, label: str = "Ngày ban hành") -> _dt.date:
    return require_date(value, field=label)


def _next_number(store: Store, unit: str, doc_type: str, year: int) -> int:
    row = store.db.execute(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM doc_register WHERE unit_code = ? AND doc_type = ? AND year = ?",
        [unit, doc_type, year],
    ).fetchone()
    return int(row[0])


def peek_next_number(
    store: Store, *, doc_type: str, issued_on: _dt.date, unit_code: str | None = None
) -> IssuedNumber:
    """The number the next document of this type would get — for previews. Takes nothing: the number
    shown may have been taken by someone else when the document is finally issued."""
    day = _as_date(issued_on)
    unit = _unit(store, unit_code)
    kind, suffix = _resolve(store, doc_type)
    number = _next_number(store, unit, kind, day.year)
    return IssuedNumber(number, day.year, format_doc_number(number, suffix), kind, suffix, unit, None)


def _insert(
    store: Store,
    *,
    unit: str,
    kind: str,
    suffix: str,
    day: _dt.date,
    number: int | None,
    record_table: str | None,
    record_id: str | None,
    subject: str | None,
) -> IssuedNumber:
    if number is None:
        number_sql = (
            "(SELECT COALESCE(MAX(number), 0) + 1 FROM doc_register WHERE unit_code = ? AND doc_type = ? AND year = ?)"
        )
        number_params: list[Any] = [unit, kind, day.year]
    else:
        number_sql = "?"
        number_params = [int(number)]
    sql = (
        "INSERT INTO doc_register (unit_code, doc_type, year, number, code, issued_on, record_table, record_id, "
        "subject, issued_at) SELECT ?, ?, ?, n, CASE WHEN n < 10 THEN '0' ELSE '' END || n || '/' || ?, ?, ?, ?, ?, ? "
        f"FROM (SELECT {number_sql} AS n)"
    )
    ordered = [
        unit, kind, day.year, suffix, day.isoformat(), record_table, record_id, clean(subject) or None, now_iso(),
        *number_params,
    ]
    cur = store.db.execute(sql, ordered)
    row = store.db.execute(
        "SELECT id, number, year, code FROM doc_register WHERE id = ?", [cur.lastrowid]
    ).fetchone()
    return IssuedNumber(int(row[1]), int(row[2]), str(row[3]), kind, suffix, unit, int(row[0]))


def _is_clash(exc: BaseException) -> bool:
    cause = exc if isinstance(exc, sqlite3.Error) else exc.__cause__
    return isinstance(cause, sqlite3.IntegrityError) and "unique" in str(cause).lower()


def _is_busy(exc: BaseException) -> bool:
    cause = exc if isinstance(exc, sqlite3.Error) else exc.__cause__
    text = str(cause).lower()
    return isinstance(cause, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def take_number(
    store: Store,
    *,
    doc_type: str,
    issued_on: _dt.date,
    record_table: str | None = None,
    record_id: str | None = None,
    subject: str | None = None,
    unit_code: str | None = None,
    suffix: str | None = None,
) -> IssuedNumber:
    """Take the next number for a document being ISSUED on ``issued_on`` and record it in the register.

    ``suffix`` overrides the type's default code when the issuing body is another (the council's tờ trình is
    "TTr-HĐTĐKT", numbered in the same register as the unit's).

    Within a caller's transaction the number is part of it (rolled back with it); otherwise the
    register entry is committed at once. Never call this for a preview: use :func:`peek_next_number`.
    """
    day = _as_date(issued_on)
    unit = _unit(store, unit_code)
    kind, default_suffix = _resolve(store, doc_type)
    suffix = clean(suffix) or default_suffix
    nested = store.db.conn.in_transaction
    last: BaseException | None = None
    for attempt in range(_RETRIES):
        try:
            with store.atomic():
                return _insert(
                    store, unit=unit, kind=kind, suffix=suffix, day=day, number=None,
                    record_table=record_table, record_id=record_id, subject=subject,
                )
        except (sqlite3.Error, StoreError) as exc:
            last = exc
            if _is_clash(exc) or (not nested and _is_busy(exc)):
                time.sleep(0.02 * (attempt + 1))
                continue
            raise
    if isinstance(last, StoreError):
        raise last
    raise database_error(last, store.path) if isinstance(last, sqlite3.Error) else StoreError(
        "Không cấp được số văn bản; hãy thử lại."
    )


def record_number(
    store: Store,
    *,
    doc_type: str,
    number: int,
    issued_on: _dt.date,
    record_table: str | None = None,
    record_id: str | None = None,
    subject: str | None = None,
    unit_code: str | None = None,
) -> IssuedNumber:
    """Enter in the register a number given outside this application (e.g. a document numbered by
    hand before the register was kept), so the register never gives it again."""
    day = _as_date(issued_on)
    unit = _unit(store, unit_code)
    kind, suffix = _resolve(store, doc_type)
    if isinstance(number, bool) or int(number) <= 0:
        raise InputError("Số văn bản phải là số nguyên lớn hơn 0.", field="Số văn bản", value=number)
    try:
        with store.atomic():
            return _insert(
                store, unit=unit, kind=kind, suffix=suffix, day=day, number=int(number),
                record_table=record_table, record_id=record_id, subject=subject,
            )
    except (sqlite3.Error, StoreError) as exc:
        if _is_clash(exc):
            raise InputError(
                f"Số {format_doc_number(int(number), suffix)} năm {day.year} đã được cấp trong sổ đăng ký văn bản.",
                field="Số văn bản",
                value=number,
            ) from None
        raise


def register_entry(
    store: Store,
    *,
    doc_type: str,
    record_table: str,
    record_id: str,
    subject: str | None = None,
    unit_code: str | None = None,
) -> dict[str, Any] | None:
    """The latest number taken in the register for the record (and, when given, the same subject): printing
    an issued document again reuses it. ``None`` when the record was never issued as this type."""
    sql = ("SELECT * FROM doc_register WHERE unit_code = ? AND doc_type = ? AND record_table = ? AND record_id = ?")
    params: list[Any] = [_unit(store, unit_code), doc_type, record_table, record_id]
    if subject is not None:
        kept = clean(subject)  # as the register keeps it: a subject on two lines is one line, none is NULL
        if kept:
            sql += " AND subject = ?"
            params.append(kept)
        else:
            sql += " AND subject IS NULL"
    rows = list(store.db.query(sql + " ORDER BY id DESC LIMIT 1", params))
    return dict(rows[0]) if rows else None


def numbers_issued(
    store: Store, year: int, doc_type: str | None = None, *, unit_code: str | None = None
) -> list[dict[str, Any]]:
    """The register for ``year`` (this installation's unit unless ``unit_code``), by type then number.
    Each entry says whether the record it was taken for still exists (``record_live``)."""
    unit = _unit(store, unit_code)
    sql = "SELECT * FROM doc_register WHERE unit_code = ? AND year = ?"
    params: list[Any] = [unit, int(year)]
    if doc_type:
        sql += " AND doc_type = ?"
        params.append(_resolve(store, doc_type)[0])
    sql += " ORDER BY doc_type, number"
    out = []
    for row in store.db.query(sql, params):
        entry = dict(row)
        live = None
        table = entry.get("record_table")
        if table and entry.get("record_id"):
            try:
                live = store.get(table, entry["record_id"]) is not None
            except ValueError:
                live = None
        entry["record_live"] = live
        out.append(entry)
    return out
