"""sync.held pinned down: a bundle from a key not trusted yet is kept as a file beside the database within caps
(files and bytes, each at, below and above its limit), once per content, released or dropped with its file."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

import pytest

from tdkt_desktop.sync import held
from tdkt_desktop.sync.bundle import SUFFIX, RawBundle
from tdkt_desktop.sync.errors import SyncError


def bundle(tmp_path: Path, n: int, *, size: int = 100, unit: str = "31150") -> RawBundle:
    data = bytes([n % 256]) * size + str(n).encode()
    path = tmp_path / f"in-{n}{SUFFIX}"
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    manifest = {"bundle_id": f"b-{n}", "origin": {"unit_code": unit}}
    return RawBundle(f"gói {n}", path, len(data), manifest, b"", 0, len(data), digest)


def rows(store):
    return [dict(r) for r in store.db.query("SELECT * FROM sync_held_files ORDER BY id")]


def test_a_held_bundle_is_a_private_copy_beside_the_database_and_a_row(store, tmp_path):
    raw = bundle(tmp_path, 1)
    held.hold(store, raw, fingerprint="AB:CD", reason="Chưa ghi danh.")
    folder = store.path.with_name(store.path.name + ".held")
    assert held.held_dir(store) == folder
    name = raw.hash[:32] + SUFFIX
    assert sorted(p.name for p in folder.iterdir()) == [name]
    assert (folder / name).read_bytes() == raw.path.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    [row] = rows(store)
    assert row["received_at"]
    assert {k: v for k, v in row.items() if k != "received_at"} == {
        "id": row["id"], "bundle_id": "b-1", "hash": raw.hash, "from_unit": "31150", "fingerprint": "AB:CD",
        "reason": "Chưa ghi danh.", "file_name": name, "size": raw.size, "status": "held"}
    assert held.list_held(store) == [{k: row[k] for k in (
        "id", "bundle_id", "hash", "received_at", "from_unit", "fingerprint", "reason", "status", "size", "file_name")}]
    assert held.held_usage(store) == (1, raw.size)
    assert held.held_path(store, row) == folder / name


def test_nothing_held_uses_nothing(store):
    assert held.held_usage(store) == (0, 0)
    assert held.list_held(store) == []
    assert not held.held_dir(store).exists()


def test_the_same_bundle_twice_is_kept_once(store, tmp_path):
    raw = bundle(tmp_path, 1)
    held.hold(store, raw, fingerprint="F1", reason="Lần một.")
    held.hold(store, raw, fingerprint="F2", reason="Lần hai.")
    [row] = rows(store)
    assert (row["fingerprint"], row["reason"]) == ("F1", "Lần một.")


def test_a_held_bundle_whose_file_was_lost_is_copied_again(store, tmp_path):
    raw = bundle(tmp_path, 1)
    held.hold(store, raw, fingerprint="F1", reason="Lần một.")
    [before] = rows(store)
    held.held_path(store, before).unlink()
    held.hold(store, raw, fingerprint="F2", reason="Lần hai.")
    [row] = rows(store)
    assert row["id"] == before["id"]
    assert (row["fingerprint"], row["reason"], row["status"]) == ("F2", "Lần hai.", "held")
    assert held.held_path(store, row).read_bytes() == raw.path.read_bytes()


def test_a_released_bundle_held_again_is_held_again_in_its_row(store, tmp_path):
    raw = bundle(tmp_path, 1)
    held.hold(store, raw, fingerprint="F1", reason="Lần một.")
    [first] = rows(store)
    path = held.release(store, first["id"], "refused")
    assert path == held.held_path(store, first)
    assert rows(store)[0]["status"] == "refused"
    assert held.held_usage(store) == (0, 0)
    held.hold(store, raw, fingerprint="F3", reason="Lần ba.")
    [row] = rows(store)
    assert row["id"] == first["id"]
    assert (row["status"], row["fingerprint"], row["reason"], row["size"], row["file_name"]) == (
        "held", "F3", "Lần ba.", raw.size, raw.hash[:32] + SUFFIX)


def test_releasing_an_unknown_bundle_returns_nothing(store):
    assert held.release(store, 99, "released") is None


def test_the_file_cap_at_below_and_above_its_limit(store, tmp_path, monkeypatch):
    monkeypatch.setattr(held, "MAX_HELD_FILES", 3)
    for n in range(3):
        held.hold(store, bundle(tmp_path, n), fingerprint="F", reason="R")
    assert held.held_usage(store)[0] == 3
    fourth = bundle(tmp_path, 3)
    with pytest.raises(SyncError) as caught:
        held.hold(store, fourth, fingerprint="F", reason="R")
    assert caught.value.code == "held_full"
    assert str(caught.value) == (
        "Không tạm giữ thêm được gói gói 3: thư mục gói tạm giữ đã có 3 gói (0 MB), tối đa 3 gói và 256 MB. Gói bị "
        "từ chối, dữ liệu không thay đổi. Hãy ghi danh khóa của đơn vị gửi rồi nhập lại các gói tạm giữ "
        "(“tdkt bundle held --retry”), hoặc bỏ các gói không cần (“tdkt bundle held --drop SỐ”).")
    assert held.held_usage(store)[0] == 3
    assert len(list(held.held_dir(store).iterdir())) == 3
    # the same bundle again is not a new one: no refusal at the cap
    held.hold(store, bundle(tmp_path, 0), fingerprint="F", reason="R")


def test_the_byte_cap_at_below_and_above_its_limit(store, tmp_path, monkeypatch):
    first = bundle(tmp_path, 1, size=1000)
    monkeypatch.setattr(held, "MAX_HELD_BYTES", 2 * first.size + 1)
    held.hold(store, first, fingerprint="F", reason="R")
    held.hold(store, bundle(tmp_path, 2, size=1000), fingerprint="F", reason="R")  # 2 × size: below
    at = bundle(tmp_path, 3, size=0)
    at = RawBundle(at.source, at.path, 1, at.manifest, b"", 0, 1, at.hash)  # exactly at the cap
    held.hold(store, at, fingerprint="F", reason="R")
    assert held.held_usage(store) == (3, 2 * first.size + 1)
    above = bundle(tmp_path, 4, size=0)
    above = RawBundle(above.source, above.path, 1, above.manifest, b"", 0, 1, above.hash)
    with pytest.raises(SyncError) as caught:
        held.hold(store, above, fingerprint="F", reason="R")
    assert caught.value.code == "held_full"


def test_the_byte_cap_message_names_megabytes(store, tmp_path, monkeypatch):
    monkeypatch.setattr(held, "MAX_HELD_BYTES", 5 << 20)
    big = bundle(tmp_path, 1, size=10)
    held.hold(store, RawBundle(big.source, big.path, 3 << 20, big.manifest, b"", 0, 10, big.hash),
              fingerprint="F", reason="R")
    more = bundle(tmp_path, 2, size=10)
    with pytest.raises(SyncError) as caught:
        held.hold(store, RawBundle(more.source, more.path, (2 << 20) + 1, more.manifest, b"", 0, 10, more.hash),
                  fingerprint="F", reason="R")
    assert "đã có 1 gói (3 MB), tối đa 20 gói và 5 MB" in str(caught.value)


def test_a_dry_run_checks_the_caps_and_writes_nothing(store, tmp_path, monkeypatch):
    held.hold(store, bundle(tmp_path, 1), fingerprint="F", reason="R", dry_run=True)
    assert rows(store) == [] and not held.held_dir(store).exists()
    monkeypatch.setattr(held, "MAX_HELD_FILES", 0)
    with pytest.raises(SyncError):
        held.hold(store, bundle(tmp_path, 2), fingerprint="F", reason="R", dry_run=True)


def test_files_no_held_bundle_refers_to_are_swept_before_a_new_one(store, tmp_path):
    held.hold(store, bundle(tmp_path, 1), fingerprint="F", reason="R")
    folder = held.held_dir(store)
    (folder / "left-by-a-rollback.tdktgoi").write_bytes(b"x")
    (folder / "sub").mkdir()
    [kept] = rows(store)
    held.hold(store, bundle(tmp_path, 2), fingerprint="F", reason="R")
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([kept["file_name"], rows(store)[1]["file_name"], "sub"])


def test_a_full_disk_while_copying_is_a_sync_error_and_records_nothing(store, tmp_path, monkeypatch):
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(held.shutil, "copyfile", full)
    with pytest.raises(SyncError) as caught:
        held.hold(store, bundle(tmp_path, 1), fingerprint="F", reason="R")
    assert caught.value.code == "disk_full"
    assert rows(store) == []


def test_drop_one_or_every_held_bundle_with_its_file(store, tmp_path):
    for n in range(3):
        held.hold(store, bundle(tmp_path, n), fingerprint="F", reason="R")
    first, second, third = rows(store)
    held.release(store, third["id"], "released")
    assert held.drop_held(store, first["id"]) == 1
    assert not held.held_path(store, first).exists() and held.held_path(store, second).exists()
    assert [r["status"] for r in rows(store)] == ["dropped", "held", "released"]
    with pytest.raises(SyncError) as caught:
        held.drop_held(store, first["id"])
    assert caught.value.code == "not_found"
    assert str(caught.value) == f"Không có gói tạm giữ số {first['id']}. Xem danh sách bằng “tdkt bundle held”."
    with pytest.raises(SyncError):
        held.drop_held(store, third["id"])  # released: no longer held
    assert held.drop_held(store) == 1
    assert [r["status"] for r in rows(store)] == ["dropped", "dropped", "released"]
    assert not held.held_path(store, second).exists()
    assert held.drop_held(store) == 0


def test_dropping_a_held_bundle_whose_file_is_already_gone(store, tmp_path):
    held.hold(store, bundle(tmp_path, 1), fingerprint="F", reason="R")
    held.hold(store, bundle(tmp_path, 2), fingerprint="F", reason="R")
    first, second = rows(store)
    held.held_path(store, first).unlink()
    assert held.drop_held(store, first["id"]) == 1
    held.held_path(store, second).unlink()
    assert held.drop_held(store) == 1
    assert [r["status"] for r in rows(store)] == ["dropped", "dropped"]
