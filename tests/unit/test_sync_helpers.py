"""Helpers for the sync tests: a small province with communes and a commune sub-unit, each its own database."""

from __future__ import annotations

import json
import shutil
import uuid
import zipfile
from pathlib import Path
from typing import Any

from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES, Store
from tdkt_desktop.store.keyfile import key_file_path
from tdkt_desktop.store.revisions import LOCAL_FIELDS, dump, parse_stamps, parse_vv, rev_of
from tdkt_desktop.sync import bundle as _bundle
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, read_enrolment
from tdkt_desktop.sync import keys as _keys
from tests.server_engine import copy_database

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
    copy_database(src, dst)
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
    """Every synced row minus ``local_seq`` and ``local_from`` (this database's own), sorted by id."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in SYNCED_TABLES:
        rows = [
            {k: v for k, v in r.items() if k not in LOCAL_FIELDS}
            for r in store.db.query(f"SELECT * FROM {table} ORDER BY id")
        ]
        out[table] = rows
    return out


REVIEW_CONTENT = ("id", "table_name", "record_id", "field_name", "reason", "kept_value", "kept_unit", "other_value",
                  "other_stamp", "other_unit", "status", "resolution", "resolved_by", "deleted")


def state_json(store: Store) -> str:
    """What must be the same wherever the same changes arrived: every record as :func:`canonical_dump`, the
    queued conflicts by their content (each place writes its queue items itself)."""
    dump = canonical_dump(store)
    dump["reviews"] = [{k: r[k] for k in REVIEW_CONTENT} for r in dump["reviews"]]
    return json.dumps(dump, sort_keys=True, ensure_ascii=False)


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


# --------------------------------------------------------------------------- forging (adversarial tests)


def bundle_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_parts(path: Path, parts: dict[str, bytes], *, compression: int = zipfile.ZIP_STORED) -> None:
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def plain_payload(path: Path) -> dict[str, Any]:
    parts = bundle_parts(path)
    m = json.loads(parts["manifest.json"])
    return _bundle.decode_payload(parts["payload.bin"], plain_sha256=m["payload"]["plain_sha256"],
                                  plain_size=m["payload"]["plain_size"])


def resign(path: Path, signer: Store, *, manifest: Any = None, payload: dict[str, Any] | None = None) -> None:
    """Rewrite a plain (not encrypted) bundle with a changed manifest/payload, signed by ``signer``."""
    parts = bundle_parts(path)
    m = json.loads(parts["manifest.json"])
    if payload is not None:
        compressed, plain_sha, plain_size = _bundle.encode_payload(payload)
        m["payload"].update(sha256=_bundle.sha256(compressed), size=len(compressed), plain_sha256=plain_sha,
                            plain_size=plain_size)
        m["counts"] = {t: len(b["rows"]) for t, b in payload["tables"].items()}
        parts["payload.bin"] = compressed
    if manifest is not None:
        manifest(m)
    parts["manifest.json"] = _keys.canonical(m)
    parts["signature.bin"] = _keys.signing_key(signer).sign(_keys.canonical(m))
    write_parts(path, parts)


def forge(row: dict[str, Any], writer: str, *, install: str = "forged0000000000", clock: int = 9999,
          **changes: Any) -> dict[str, Any]:
    """A version of ``row`` with ``changes`` written by unit ``writer`` — stamps, vector and revision consistent,
    as a modified program would make them: only authority and scope can refuse it."""
    new = {k: v for k, v in row.items() if k not in LOCAL_FIELDS}
    new.update(changes)
    gen = int(new["gen"]) + 1
    stamps = dict(parse_stamps(new["stamps"]))
    for name in changes:
        stamps[name] = [gen, install, clock, writer]
    vv = dict(parse_vv(new["vv"]))
    vv[install] = max(int(vv.get(install, 0)), clock)
    new.update(gen=gen, origin_install=install, clock=clock, vv=dump(vv), stamps=dump(stamps))
    new["rev"] = rev_of(new)
    return new


def forge_new(store: Store, table: str, values: dict[str, Any], *, owner: str, writer: str,
              install: str = "forged0000000000", clock: int = 9999) -> dict[str, Any]:
    """A new record as a modified program would make it (created by ``writer``, owned by ``owner``)."""
    row = store.new_version(table, values, record_id=str(uuid.uuid4()), owner_unit=owner)
    row.update(origin_install=install, clock=clock, vv=dump({install: clock}),
               stamps=dump({"": [1, install, clock, writer]}))
    row.pop("local_from", None)
    row.pop("local_seq", None)
    row["rev"] = rev_of(row)
    return row


def inject(path: Path, signer: Store, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Add (or replace by id) rows in a plain bundle and sign it again with ``signer``'s key."""
    payload = plain_payload(path)
    for table, new_rows in rows.items():
        block = payload["tables"].setdefault(table, {"columns": [c for c in new_rows[0] if c not in LOCAL_FIELDS],
                                                      "rows": []})
        cols = block["columns"]
        by_id = {r[cols.index("id")]: i for i, r in enumerate(block["rows"])}
        for row in new_rows:
            values = [row.get(c) for c in cols]
            if row["id"] in by_id:
                block["rows"][by_id[row["id"]]] = values
            else:
                block["rows"].append(values)
    resign(path, signer, payload=payload)
