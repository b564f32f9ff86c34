"""Hostile files are cheap to refuse: a 2 MB file never costs the importer more than 64 MiB of memory over
its idle baseline (measured in a subprocess), and bundles from an unknown key are held as files in a capped
folder, never as blobs in the database."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_ATTENTION, EXIT_OK, EXIT_REFUSED
from tdkt_desktop.store.db import Store
from tdkt_desktop.sync import (
    SyncError,
    drop_held,
    enroll,
    export_bundle,
    import_bundles,
    import_held,
    list_held,
)
from tdkt_desktop.sync import bundle as _bundle
from tdkt_desktop.sync import held as _held
from tdkt_desktop.sync import keys as _keys

from .test_sync_helpers import COMMUNES, PROVINCE, canonical_dump, make_node, pair, person

MiB = 1 << 20
LIMIT = 64 * MiB
SIZE = 2 * MiB


def _zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand: (name, stored data, method, declared uncompressed size, crc) per entry."""
    out = bytearray()
    central = bytearray()
    for name, data, method, size, crc in entries:
        offset = len(out)
        raw_name = name.encode()
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(data), size,
                           len(raw_name), 0) + raw_name + data
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                               len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name
    count = len(entries)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count & 0xFFFF, count & 0xFFFF, len(central), len(out), 0)
    return bytes(out + central + end)


def _deflate_bomb(expanded: int, *, raw: bool = True) -> bytes:
    """A deflate stream (raw, or zlib without its end) of ``expanded`` bytes, one compressed block repeated."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    block = comp.compress(b"[" * (16 * MiB)) + comp.flush(zlib.Z_FULL_FLUSH)
    head, block = (b"", block) if raw else (block[:2], block[2:])
    return head + block * (expanded // (16 * MiB)) + (comp.flush() if raw else b"")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _stored(parts: dict[str, bytes]) -> bytes:
    return _zip([(n, d, 0, len(d), zlib.crc32(d)) for n, d in parts.items()])


def _signed(template: Path, signer: Store, payload: bytes, *, plain_size: int | None = None,
            manifest_sha: str | None = None) -> bytes:
    """The template bundle with ``payload`` as its (unencrypted) payload, re-signed by ``signer``."""
    parts = _parts(template)
    m = json.loads(parts["manifest.json"])
    m["payload"].update(encrypted=False, sha256=manifest_sha or _bundle.sha256(payload), size=len(payload),
                        plain_size=plain_size if plain_size is not None else len(payload))
    for k in ("cipher", "ephemeral_key", "nonce", "recipient_fingerprint"):
        m["payload"].pop(k, None)
    parts["manifest.json"] = _keys.canonical(m)
    parts["signature.bin"] = _keys.signing_key(signer).sign(_keys.canonical(m))
    parts["payload.bin"] = payload
    return _stored(parts)


MEASURE = """
import json, resource, sys, time
from tdkt_desktop.store import open_store
from tdkt_desktop.sync import import_bundles
store = open_store(sys.argv[1])
import_bundles(store, [sys.argv[2]], backup=False)          # warm up: a real bundle, merged
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = {}
for path in sys.argv[3:]:
    started = time.perf_counter()
    report = import_bundles(store, [path], backup=False)
    b = report.bundles[0]
    out[path] = {"status": b.status, "code": b.error_code, "message": b.message,
                 "seconds": time.perf_counter() - started}
out["grown_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
store.close()
print(json.dumps(out))
"""


@pytest.mark.sqlite_only  # a separate process opens the file
def test_hostile_two_megabyte_files_cost_little_memory(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    stranger = make_node(tmp_path, COMMUNES[1])  # never enrolled at the province
    pair(prov, c1)
    for i in range(200):
        person(c1, f"Nguyễn Văn {i}", notes="Ghi chú " * 20)
    legit = tmp_path / "legit.tdktgoi"
    export_bundle(c1, PROVINCE, legit)
    template = tmp_path / "template.tdktgoi"
    export_bundle(c1, PROVINCE, template, encrypt=False, full=True)
    noise = os.urandom(SIZE)
    files: dict[str, bytes] = {}
    # a compressed payload member that would expand to 2 GiB
    bomb = _deflate_bomb(2 << 30)
    parts = _parts(template)
    files["deflated"] = _zip([("manifest.json", parts["manifest.json"], 0, len(parts["manifest.json"]),
                               zlib.crc32(parts["manifest.json"])),
                              ("signature.bin", parts["signature.bin"], 0, 64, zlib.crc32(parts["signature.bin"])),
                              ("payload.bin", bomb, 8, 2 << 30, 0)])
    # stored, but the directory declares 2 GiB for a 2 MB member
    files["declared"] = _zip([("manifest.json", parts["manifest.json"], 0, len(parts["manifest.json"]),
                               zlib.crc32(parts["manifest.json"])),
                              ("signature.bin", parts["signature.bin"], 0, 64, zlib.crc32(parts["signature.bin"])),
                              ("payload.bin", noise, 0, 2 << 30, zlib.crc32(noise))])
    # tens of thousands of entries
    files["entries"] = _zip([(f"f{i}", b"", 0, 0, 0) for i in range(SIZE // 90)])
    files["garbage"] = noise
    # a well-formed bundle whose signature is not the manifest's
    bad_sig = _parts(template)
    bad_sig["payload.bin"] = noise
    bad_sig["signature.bin"] = bytes(64)
    files["unsigned"] = _stored(bad_sig)
    # a valid signature by a key nobody enrolled: held as a file, payload never opened
    stranger_template = tmp_path / "stranger.tdktgoi"
    export_bundle(stranger, PROVINCE, stranger_template, encrypt=False)
    files["unknown_key"] = _signed(stranger_template, stranger, noise)
    # the trusted key, a payload that does not match the signed hash
    files["bad_hash"] = _signed(template, c1, noise, manifest_sha="0" * 64)
    # the trusted key, a payload that inflates far beyond its declared size
    files["inflating"] = _signed(template, c1, _deflate_bomb(1 << 30, raw=False), plain_size=1000)
    paths = []
    for name, data in files.items():
        path = tmp_path / f"{name}.tdktgoi"
        path.write_bytes(data)
        assert path.stat().st_size <= SIZE + 64 * 1024, name
        paths.append(str(path))
    db = str(prov.path)
    before = canonical_dump(prov)
    prov.close()
    c1.close()
    stranger.close()
    proc = subprocess.run([sys.executable, "-c", MEASURE, db, str(legit), *paths], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result.pop("grown_kib") * 1024 <= LIMIT, result
    outcome = {Path(p).stem: v for p, v in result.items()}
    for name, expected in (("deflated", "unsafe_zip"), ("declared", "unsafe_zip"), ("entries", "unsafe_zip"),
                           ("garbage", "truncated"), ("unsigned", "bad_signature"), ("bad_hash", "tampered"),
                           ("inflating", "unsafe_zip")):
        assert outcome[name]["status"] == "refused", (name, outcome[name])
        assert outcome[name]["code"] == expected, (name, outcome[name])
        assert "Gói" in outcome[name]["message"] or "Tệp" in outcome[name]["message"] or "Dữ liệu" in outcome[name]["message"]
    assert outcome["unknown_key"]["status"] == "held"
    from tdkt_desktop.store import open_store

    with open_store(db) as again:
        after = canonical_dump(again)
        assert {t: len(r) for t, r in after.items()} != {t: len(r) for t, r in before.items()}  # the legit one merged
        (held,) = list_held(again)
        assert _held.held_path(again, held).stat().st_size == len(files["unknown_key"])
        assert again.db.execute("SELECT COUNT(*) FROM sync_incoming").fetchone()[0] == 1


@pytest.fixture
def flood(tmp_path, monkeypatch):
    prov = make_node(tmp_path, PROVINCE)
    senders = [make_node(tmp_path, code) for code in COMMUNES]
    monkeypatch.setattr(_held, "MAX_HELD_BYTES", 5 * MiB)
    monkeypatch.setattr(_held, "MAX_HELD_FILES", 3)
    yield prov, senders
    for s in (prov, *senders):
        s.close()


def _big_unknown_bundle(tmp_path: Path, sender: Store, size: int, name: str) -> Path:
    template = tmp_path / f"{name}-t.tdktgoi"
    person(sender, "Người gửi")
    export_bundle(sender, PROVINCE, template, encrypt=False)
    path = tmp_path / f"{name}.tdktgoi"
    path.write_bytes(_signed(template, sender, os.urandom(size)))
    return path


def test_held_bundle_flood_is_capped_and_kept_out_of_the_database(flood, tmp_path):
    prov, senders = flood
    prov.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_size = prov.path.stat().st_size
    bundles = [_big_unknown_bundle(tmp_path, s, 2 * MiB, f"flood{i}") for i, s in enumerate(senders)]
    first = import_bundles(prov, bundles[:2])
    assert [b.status for b in first.bundles] == ["held", "held"]
    assert first.exit_code == EXIT_ATTENTION
    third = import_bundles(prov, bundles[2:])
    (b,) = third.bundles
    assert b.status == "refused" and b.error_code == "held_full", b.message
    assert "tdkt bundle held --drop" in b.message and "5 MB" in b.message
    assert third.exit_code == EXIT_REFUSED
    assert len(list_held(prov)) == 2
    folder = _held.held_dir(prov)
    assert sum(p.stat().st_size for p in folder.iterdir()) <= 5 * MiB
    prov.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert prov.path.stat().st_size < db_size + 256 * 1024  # nothing of the bundles went into the database
    # the same bundle again is held once
    import_bundles(prov, bundles[:1])
    assert len(list_held(prov)) == 2 and len(list(folder.iterdir())) == 2
    # dropping one makes room; dropping an unknown number is a clear refusal
    with pytest.raises(SyncError) as err:
        drop_held(prov, 999)
    assert err.value.code == "not_found"
    assert drop_held(prov, list_held(prov)[0]["id"]) == 1
    assert len(list(folder.iterdir())) == 1
    assert import_bundles(prov, bundles[2:]).bundles[0].status == "held"


def test_held_bundle_merges_after_enrolment_and_leaves_the_folder(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    enroll(c1, _keys.read_enrolment(_keys.export_enrolment(prov)), confirmed=True)
    person(c1, "Trần Văn Chờ")
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    dry = import_bundles(prov, [path], dry_run=True)
    assert dry.bundles[0].status == "held" and not list_held(prov)
    assert not _held.held_dir(prov).exists() or not list(_held.held_dir(prov).iterdir())
    assert import_bundles(prov, [path]).bundles[0].status == "held"
    path.unlink()  # the USB stick is gone: the held copy is enough
    enroll(prov, _keys.read_enrolment(_keys.export_enrolment(c1)), confirmed=True)
    report = import_held(prov)
    assert report.exit_code == EXIT_OK, report.summary()
    assert [p["full_name"] for p in prov.rows("people", "owner_unit = ?", [COMMUNES[0]])] == ["Trần Văn Chờ"]
    assert list_held(prov) == []
    assert list(_held.held_dir(prov).iterdir()) == []
    prov.close()
    c1.close()


@pytest.mark.sqlite_only  # a kept SQLite file of schema 4
def test_held_blobs_of_an_older_database_move_to_the_folder(tmp_path):
    import sqlite3

    import sqlite_utils

    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.migrations import migrations

    path = tmp_path / "old.sqlite"
    db = sqlite_utils.Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m005_held_bundle_files")
    db.execute(
        "INSERT INTO sync_held (bundle_id, hash, received_at, from_unit, fingerprint, reason, data, status)"
        " VALUES ('b-1', 'abc123', '2026-01-01', '31147', 'FP', 'Chưa ghi danh', ?, 'held')", [b"PK-bundle-bytes"]
    )
    db.conn.commit()
    db.close()
    with open_store(path) as store:
        (held,) = list_held(store)
        assert held["reason"] == "Chưa ghi danh" and held["size"] == len(b"PK-bundle-bytes")
        assert _held.held_path(store, held).read_bytes() == b"PK-bundle-bytes"
        assert not store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_held'").fetchone()
