"""Every way a bundle can be damaged or forged is refused with a clear message, and nothing changes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_REFUSED
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.keyfile import read_key_file
from tdkt_desktop.sync import SyncError, export_bundle, import_bundles
from tdkt_desktop.sync import bundle as _bundle
from tdkt_desktop.sync import keys as _keys

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    bundle_parts,
    canonical_dump,
    make_node,
    pair,
    person,
    resign,
    write_parts,
)


@pytest.fixture
def net(tmp_path):
    nodes = {code: make_node(tmp_path, code) for code in (PROVINCE, COMMUNES[0], COMMUNES[1])}
    pair(nodes[PROVINCE], nodes[COMMUNES[0]])
    pair(nodes[PROVINCE], nodes[COMMUNES[1]])
    for i in range(3):
        person(nodes[COMMUNES[0]], f"Nguyễn Văn {i}")
        person(nodes[COMMUNES[1]], f"Trần Thị {i}")
    yield nodes
    for s in nodes.values():
        s.close()


members = bundle_parts
write_members = write_parts


def refused(store: Store, path: Path, code: str, *words: str) -> str:
    before = canonical_dump(store)
    incoming = list(store.db.query("SELECT * FROM sync_incoming"))
    report = import_bundles(store, [path])
    (b,) = report.bundles
    assert b.status == "refused", report.summary()
    assert b.error_code == code, (b.error_code, b.message)
    for w in words:
        assert w in b.message, b.message
    assert report.exit_code == EXIT_REFUSED
    assert canonical_dump(store) == before
    assert list(store.db.query("SELECT * FROM sync_incoming")) == incoming
    # the same refusal is a SyncError for callers that verify without merging
    with pytest.raises(SyncError) as err:
        raw = _bundle.open_bundle(path, schema_version=store.schema_version())
        _bundle.open_payload(raw, _keys.box_key(store))
        if code in ("replayed", "wrong_origin", "not_for_us"):
            raise SyncError("checked at merge", code=code)
    assert str(err.value)
    return b.message


def test_flipped_byte_in_file(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    refused(prov, path, "truncated", "hỏng")


def test_flipped_byte_in_payload_with_valid_zip(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    parts = members(path)
    payload = bytearray(parts["payload.bin"])
    payload[5] ^= 0x80
    parts["payload.bin"] = bytes(payload)
    write_members(path, parts)
    refused(prov, path, "tampered", "bị sửa")


def test_flipped_byte_in_manifest(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    parts = members(path)
    assert b'"people":3' in parts["manifest.json"]
    parts["manifest.json"] = parts["manifest.json"].replace(b'"people":3', b'"people":4')
    write_members(path, parts)
    refused(prov, path, "bad_signature", "Chữ ký")


def test_swapped_signature(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    a, b = tmp_path / "a.tdktgoi", tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, a)
    export_bundle(c1, PROVINCE, b)
    parts = members(a)
    parts["signature.bin"] = members(b)["signature.bin"]
    write_members(a, parts)
    refused(prov, a, "bad_signature", "chữ ký bị tráo")


def test_replayed_id_with_other_content(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    first, second = tmp_path / "1.tdktgoi", tmp_path / "2.tdktgoi"
    info = export_bundle(c1, PROVINCE, first, encrypt=False)
    assert import_bundles(prov, [first]).bundles[0].status == "merged"
    person(c1, "Người thêm")
    export_bundle(c1, PROVINCE, second, encrypt=False)
    resign(second, c1, manifest=lambda m: m.update(bundle_id=info.bundle_id))
    refused(prov, second, "replayed", "trùng", "phát lại")
    # the same bundle twice is a no-op, not a refusal
    assert import_bundles(prov, [first]).bundles[0].status == "already"


def test_bundle_claiming_another_unit(net, tmp_path):
    prov, c2 = net[PROVINCE], net[COMMUNES[1]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c2, PROVINCE, path, encrypt=False)
    resign(path, c2, manifest=lambda m: m["origin"].update(unit_code=COMMUNES[0]))
    refused(prov, path, "wrong_origin", COMMUNES[0], COMMUNES[1])


def test_newer_format_version(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    resign(path, c1, manifest=lambda m: m.update(format_version=_bundle.FORMAT_VERSION + 1))
    refused(prov, path, "newer_format", "cập nhật")


def test_newer_schema_version(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    resign(path, c1, manifest=lambda m: m.update(schema_version=m["schema_version"] + 1))
    refused(prov, path, "newer_schema", "lược đồ")


def test_truncated_file(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    refused(prov, path, "truncated", "cắt cụt")
    path.write_bytes(b"")
    refused(prov, path, "truncated")


def test_zip_with_path_traversal(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    parts = members(path)
    parts["../../evil.txt"] = parts.pop("signature.bin")
    write_members(path, parts)
    refused(prov, path, "unsafe_zip", "đường dẫn ra ngoài")
    assert not (tmp_path.parent / "evil.txt").exists()
    parts["signature.bin"] = b"x" * 64
    write_members(path, parts)
    refused(prov, path, "unsafe_zip", "4 thành phần", "thành phần lạ")


def test_zip_with_too_many_members(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    parts = members(path)
    parts.update({f"x{i}": b"" for i in range(2000)})
    write_members(path, parts)
    refused(prov, path, "unsafe_zip", "thành phần lạ")


def test_expanding_zip_member(net, tmp_path, monkeypatch):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    monkeypatch.setattr(_bundle, "MAX_PAYLOAD", 1 << 20)
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    parts = members(path)
    parts["payload.bin"] = b"\0" * (8 << 20)  # 8 MiB of zeros, a few KiB compressed
    write_members(path, parts, compression=zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 100_000
    refused(prov, path, "unsafe_zip", "bị nén")


def test_expanding_payload(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path, encrypt=False)
    parts = members(path)
    bomb = __import__("zlib").compress(b"[" * (16 << 20))
    m = json.loads(parts["manifest.json"])
    m["payload"].update(sha256=_bundle.sha256(bomb), size=len(bomb))  # plain_size stays small
    parts["payload.bin"] = bomb
    parts["manifest.json"] = _keys.canonical(m)
    parts["signature.bin"] = _keys.signing_key(c1).sign(_keys.canonical(m))
    write_members(path, parts)
    refused(prov, path, "unsafe_zip", "kích thước")


def test_not_addressed_to_this_unit(net, tmp_path):
    c1, c2 = net[COMMUNES[0]], net[COMMUNES[1]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path, encrypt=False)
    refused(c2, path, "not_for_us", PROVINCE, "chuyển gói cho đúng")


def test_cannot_decrypt(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    # ciphertext damaged although every hash and the signature were recomputed
    parts = members(path)
    m = json.loads(parts["manifest.json"])
    payload = bytearray(parts["payload.bin"])
    payload[-1] ^= 0x01
    parts["payload.bin"] = bytes(payload)
    m["payload"].update(sha256=_bundle.sha256(bytes(payload)))
    parts["manifest.json"] = _keys.canonical(m)
    parts["signature.bin"] = _keys.signing_key(c1).sign(_keys.canonical(m))
    write_members(path, parts)
    refused(prov, path, "cannot_decrypt", "Không giải mã được")


def test_encrypted_to_an_old_key(net, tmp_path):
    prov, c1 = net[PROVINCE], net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    # the province lost its key file: new keys, same unit
    _keys.key_file(prov).unlink()
    _keys.new_keys(prov)
    refused(prov, path, "cannot_decrypt", "khóa khác", "tdkt keys export")


def test_export_to_unrelated_or_unenrolled_unit(net, tmp_path):
    c1 = net[COMMUNES[0]]
    with pytest.raises(SyncError) as err:
        export_bundle(c1, COMMUNES[1], tmp_path / "x.tdktgoi")
    assert err.value.code == "not_related"
    with pytest.raises(SyncError) as err:
        export_bundle(make_node(tmp_path, COMMUNES[2]), PROVINCE, tmp_path / "y.tdktgoi")
    assert err.value.code == "no_peer" and "tdkt enroll" in str(err.value)
    assert not list(tmp_path.glob("*.tdktgoi"))


def test_disk_full_leaves_no_partial_file(net, tmp_path, monkeypatch):
    import errno
    import os

    c1 = net[COMMUNES[0]]
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out"
    with pytest.raises(SyncError) as err:
        export_bundle(c1, PROVINCE, out / "b.tdktgoi")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert err.value.code == "disk_full"
    assert "Ổ đĩa đã đầy" in str(err.value)
    assert list(out.iterdir()) == []
    assert list(c1.db.query("SELECT * FROM sync_outgoing")) == []


def test_private_keys_never_leave(net, tmp_path):
    c1 = net[COMMUNES[0]]
    path = tmp_path / "b.tdktgoi"
    export_bundle(c1, PROVINCE, path, encrypt=False)
    keys = read_key_file(_keys.key_file(c1)).secrets["keys"][_keys.own_fingerprint(c1)]
    secrets = [keys["sign"], keys["box"]]
    c1.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    blobs = [path.read_bytes(), _keys.export_enrolment(c1), c1.path.read_bytes()]
    for blob in blobs:
        for secret in secrets:
            assert secret and secret.encode() not in blob
    assert len(_keys.unb64(secrets[0])) == 32


def _send(src: Store, dst: Store, tmp: Path) -> Path:
    path = tmp / f"{src.unit_code}-{src.current_local_seq()}.tdktgoi"
    export_bundle(src, str(dst.unit_code), path)
    return path
