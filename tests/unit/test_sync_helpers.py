"""Helpers for the sync tests: a small province with communes and a commune sub-unit, each its own database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES, Store
from tdkt_desktop.store.keyfile import key_file_path
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, read_enrolment

PROVINCE = "92"
COMMUNES = ("31147", "31150", "31153")
SCHOOL = "31147-TH1"  # a primary school consolidated by commune 31147

UNITS: dict[str, tuple[str, str, str | None]] = {
    PROVINCE: ("Thành phố Cần Thơ", "province", None),
    COMMUNES[0]: ("Phường Tân An", "commune", PROVINCE),
    COMMUNES[1]: ("Phường Ninh Kiều", "commune", PROVINCE),
    COMMUNES[2]: ("Xã Phong Điền", "commune", PROVINCE),
    SCHOOL: ("Trường Tiểu học Tân An 1", "school", COMMUNES[0]),
}


def make_node(tmp: Path, code: str, *, name: str | None = None) -> Store:
    """A database for unit ``code`` that knows itself, its upper office and (for an upper office) its units."""
    store = open_store(tmp / f"{name or code}.sqlite", operator=f"Cán bộ {code}")
    store.set_meta("unit_code", code)
    parent = UNITS[code][2]
    known = {code} | ({parent} if parent else set())
    known |= {c for c, (_, _, p) in UNITS.items() if p == code and c != SCHOOL}
    if code == COMMUNES[0]:
        known.add(SCHOOL)  # the commune created its school's unit row
    for c in sorted(known):
        unit_name, level, p = UNITS[c]
        values: dict[str, Any] = {"code": c, "name": unit_name, "level": level}
        if p:
            values["parent_code"] = p
        store.insert("units", values)
    return store


def copy_installation(src: Path, dst: Path) -> None:
    """A copy of a closed installation: its database and the key file beside it."""
    shutil.copy(src, dst)
    shutil.copy(key_file_path(src), key_file_path(dst))


def pair(a: Store, b: Store) -> None:
    """Both sides enrol each other (fingerprints compared and confirmed)."""
    enroll(a, read_enrolment(export_enrolment(b)), confirmed=True)
    enroll(b, read_enrolment(export_enrolment(a)), confirmed=True)


def send(src: Store, dst: Store | str, tmp: Path, *, name: str | None = None, **kw: Any) -> Path:
    to = dst if isinstance(dst, str) else str(dst.unit_code)
    path = tmp / (name or f"{src.unit_code}-to-{to}-{src.current_local_seq()}.tdktgoi")
    export_bundle(src, to, path, **kw)
    return path


def canonical_dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every synced row minus ``local_seq`` (this database's own arrival order), sorted by id."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in SYNCED_TABLES:
        rows = [
            {k: v for k, v in r.items() if k != "local_seq"}
            for r in store.db.query(f"SELECT * FROM {table} ORDER BY id")
        ]
        out[table] = rows
    return out


def dump_json(store: Store) -> str:
    return json.dumps(canonical_dump(store), sort_keys=True, ensure_ascii=False)


def person(store: Store, name: str, **kw: Any) -> dict[str, Any]:
    return store.insert("people", {"full_name": name, "unit_code": store.unit_code, **kw})


def nomination(store: Store, subject: dict[str, Any], *, title: str = "LDTT", **kw: Any) -> dict[str, Any]:
    values = {
        "subject_kind": "person", "subject_id": subject["id"], "subject_name": subject["full_name"],
        "title_code": title, "award_kind": "cong_trang", "year": 2025, "unit_code": store.unit_code, **kw,
    }
    return store.insert("nominations", values)
