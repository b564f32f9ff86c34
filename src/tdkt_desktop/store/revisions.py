"""Revisions of synced records: what a version has seen, who wrote each field, and its unique name.

Every synced row carries, besides its content:

* ``vv`` — its version vector, ``{installation: clock}``: the latest change of each installation that this
  version includes (a local change sets the installation's own entry; a merge takes the maximum of both);
* ``stamps`` — who wrote each field last, ``{field: [gen, installation, clock, unit]}``; the key ``""`` is
  the record's creation, which wrote every field not listed;
* ``rev`` — its name, ``"<gen>-<installation>-<clock>-<content hash>"``. The hash covers the content, the
  tombstone flag, the owner, ``vv`` and ``stamps``, so a name can never stand for two different versions: a
  database restored from a backup or copied elsewhere that reuses a counter value still makes new names.

A version *covers* a write ``(installation, clock)`` when its vector holds that installation at that clock or
later: it has seen the write. Two writes of one field that do not cover each other are concurrent.
"""

from __future__ import annotations

import hashlib
import json
import json.scanner
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Row = dict[str, Any]
Stamp = tuple[int, str, int, str]  # (gen, installation, clock, writing unit)

# Bookkeeping columns of every synced table; ``local_seq``, ``local_from`` and ``sort_key`` (the order of its
# name in lists, see store.sortkeys) never leave the database.
SYNC_FIELDS = (
    "id", "owner_unit", "created_at", "updated_at", "origin_install", "clock", "gen", "rev", "base_rev",
    "local_seq", "deleted", "vv", "stamps", "local_from", "sort_key",
)
LOCAL_FIELDS = ("local_seq", "local_from", "sort_key")
_SYNC_SET = frozenset(SYNC_FIELDS)
CREATION = ""  # the stamps key of the record's creation
HASH_HEX = 16
PSEUDO = "~"  # installation ids of the writes a merge makes (see tdkt_desktop.sync.fieldmerge)


def content_fields(row: Mapping[str, Any]) -> list[str]:
    """The fields a person writes (every column but the bookkeeping ones), plus the tombstone flag."""
    return [k for k in row if k not in _SYNC_SET] + ["deleted"]


def _plain(value: Any) -> Any:
    """One form for values that SQLite and JSON may hand back differently (3 and 3.0, True and 1)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _canonical_encoder() -> Callable[[Any], str]:
    """The canonical JSON of hashes and stored stamps (sorted keys, no spaces): one encoder made once for every call —
    the C encoder ``JSONEncoder.encode`` makes again at each call, where the interpreter has one (its text is the
    same: it is what ``encode`` runs), else ``encode`` itself."""
    python = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return python.encode
    encode = make(None, python.default, json.encoder.encode_basestring, None, ":", ",", True, False, True)
    return lambda value: "".join(encode(value, 0))


_CANONICAL = _canonical_encoder()


def content_hash(row: Mapping[str, Any], *, vv: Mapping[str, int] | None = None,
                 stamps: Mapping[str, Any] | None = None) -> str:
    """Hash of the version's content, owner, tombstone, version vector and stamps. Empty (NULL) fields are left
    out, so that a migration adding a column without a default does not rename every revision (one adding a
    column WITH a default must rename the revisions of that table, as m009 does). ``vv`` and ``stamps``: the
    row's own, already read (its ``vv`` and ``stamps`` columns are then not read again)."""
    body = {k: v if type(v) is str else _plain(v) for k, v in row.items() if k not in _SYNC_SET and v is not None}
    body["#"] = [row.get("id"), row.get("owner_unit"), _plain(row.get("deleted")),
                 parse_vv(row.get("vv")) if vv is None else vv,
                 parse_stamps(row.get("stamps")) if stamps is None else stamps]
    return hashlib.sha256(_CANONICAL(body).encode("utf-8")).hexdigest()[:HASH_HEX]


def make_rev(gen: int, install_id: str, clock: int, digest: str) -> str:
    """A revision name that sorts by generation first: ``"000003-<install>-<clock>-<hash>"``."""
    return f"{gen:06d}-{install_id}-{clock}-{digest}"


def rev_of(row: Mapping[str, Any], *, vv: Mapping[str, int] | None = None, stamps: Mapping[str, Any] | None = None) -> str:
    """The revision name of ``row`` (``vv`` and ``stamps``: its own, already read, see :func:`content_hash`)."""
    return make_rev(int(row["gen"]), str(row["origin_install"]), int(row["clock"]),
                    content_hash(row, vv=vv, stamps=stamps))


_SCAN = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]  # (the stub names its own class)


def _loads(text: str) -> Any:
    """``json.loads(text)`` of a text: the scanner called directly — a version's ``vv`` and ``stamps`` are read for
    every row of a bundle, and the steps around it cost more than reading them —, ``json.loads`` itself for
    anything the scanner leaves (white space around the value, a text that is not JSON: its error)."""
    if type(text) is str:
        try:
            value, end = _SCAN(text, 0)
        except StopIteration:
            pass
        else:
            if end == len(text):
                return value
    return json.loads(text)


def parse_vv(value: Any) -> dict[str, int]:
    if isinstance(value, dict):
        return value
    if not value:
        return {}
    data = _loads(value)
    return data if isinstance(data, dict) else {}


def parse_stamps(value: Any) -> dict[str, list[Any]]:
    if isinstance(value, dict):
        return value
    if not value:
        return {}
    data = _loads(value)
    return data if isinstance(data, dict) else {}


def dump(value: Mapping[str, Any]) -> str:
    return _CANONICAL(value)


def stamp_of(stamps: Mapping[str, Any], field: str) -> Stamp | None:
    raw = stamps.get(field) or stamps.get(CREATION)
    if not raw:
        return None
    return (int(raw[0]), str(raw[1]), int(raw[2]), str(raw[3]))


def covers(vv: Mapping[str, int], stamp: Stamp | None) -> bool:
    """The version with vector ``vv`` has seen the write ``stamp``."""
    return stamp is not None and int(vv.get(stamp[1], 0)) >= stamp[2]


def valid_vv(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and k and isinstance(v, int) and not isinstance(v, bool) and v >= 0 for k, v in value.items()
    )


def valid_stamps(value: Any) -> bool:
    if not isinstance(value, dict) or CREATION not in value:
        return False
    for key, raw in value.items():
        if not isinstance(key, str) or not isinstance(raw, list) or len(raw) != 4:
            return False
        gen, install, clock, unit = raw
        if not (isinstance(gen, int) and isinstance(clock, int) and isinstance(install, str) and install
                and isinstance(unit, str) and unit and gen >= 1 and clock >= 0):
            return False
    return True


def stamp_local(row: Row, changed: Iterable[str], *, gen: int, install_id: str, clock: int, unit: str,
                base_rev: str | None, updated_at: str) -> None:
    """Make ``row`` a new local version: ``changed`` fields written by ``unit`` on this installation (all of
    them on creation, when ``base_rev`` is None). Sets the bookkeeping columns, ``vv``, ``stamps`` and ``rev``."""
    stamp = [gen, install_id, clock, unit]
    if base_rev is None:
        stamps: dict[str, Any] = {CREATION: stamp}
        vv: dict[str, int] = {install_id: clock}
    else:
        stamps = dict(parse_stamps(row.get("stamps")))
        for name in changed:
            stamps[name] = stamp
        vv = dict(parse_vv(row.get("vv")))
        vv[install_id] = clock
    row["origin_install"] = install_id
    row["clock"] = clock
    row["gen"] = gen
    row["base_rev"] = base_rev
    row["updated_at"] = updated_at
    row["vv"] = dump(vv)
    row["stamps"] = dump(stamps)
    row["local_from"] = None
    row["rev"] = rev_of(row)
