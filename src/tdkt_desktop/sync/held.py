"""Bundles held for enrolment: signed by a key this installation does not trust yet.

A held bundle is kept as a file in a folder of its own beside the database (``<name>.held/``), never
inside the database, and the folder is capped in files and bytes, so that a flood of bundles from an
unknown key cannot fill the disk or the database. Only the manifest has been read (and its signature
checked); the payload is opened when the bundle is imported after enrolment.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tdkt_desktop.core.errors import FileAccessError
from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.store.db import Store, now_iso
from tdkt_desktop.sync.bundle import SUFFIX, RawBundle
from tdkt_desktop.sync.errors import SyncError

Row = dict[str, Any]

MAX_HELD_FILES = 20
MAX_HELD_BYTES = 256 << 20


def held_dir(store: Store) -> Path:
    """The folder of this database's held bundles (created on first use)."""
    return store.path.with_name(f"{store.path.name}.held")


def list_held(store: Store) -> list[Row]:
    """The bundles waiting for enrolment, oldest first."""
    return list(store.db.query(
        "SELECT id, bundle_id, hash, received_at, from_unit, fingerprint, reason, status, size, file_name"
        " FROM sync_held_files WHERE status = 'held' ORDER BY id"
    ))


def held_usage(store: Store) -> tuple[int, int]:
    """(files, bytes) held now."""
    row = store.db.execute(
        "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM sync_held_files WHERE status = 'held'"
    ).fetchone()
    return int(row[0]), int(row[1])


def held_path(store: Store, row: Row) -> Path:
    return held_dir(store) / str(row["file_name"])


def _sweep(store: Store) -> None:
    """Remove files of the held folder that no held bundle refers to (left by an import rolled back)."""
    folder = held_dir(store)
    if not folder.is_dir():
        return
    keep = {str(r["file_name"]) for r in list_held(store)}
    for path in folder.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)


def hold(store: Store, raw: RawBundle, *, fingerprint: str, reason: str, dry_run: bool = False) -> None:
    """Copy the bundle file into the held folder and record it (within the caps). The same bundle twice is
    kept once. Raises :class:`SyncError` (``held_full``) when the folder would exceed its caps. A dry run
    checks the caps only."""
    known = list(store.db.query("SELECT * FROM sync_held_files WHERE hash = ?", [raw.hash]))
    if known and known[0]["status"] == "held" and held_path(store, known[0]).exists():
        return
    files, size = held_usage(store)
    if files + 1 > MAX_HELD_FILES or size + raw.size > MAX_HELD_BYTES:
        raise SyncError(
            f"Không tạm giữ thêm được gói {raw.source}: thư mục gói tạm giữ đã có {files} gói "
            f"({size // (1 << 20)} MB), tối đa {MAX_HELD_FILES} gói và {MAX_HELD_BYTES // (1 << 20)} MB. Gói bị từ "
            "chối, dữ liệu không thay đổi. Hãy ghi danh khóa của đơn vị gửi rồi nhập lại các gói tạm giữ "
            "(“tdkt bundle held --retry”), hoặc bỏ các gói không cần (“tdkt bundle held --drop SỐ”).",
            code="held_full",
        )
    if dry_run:
        return
    _sweep(store)
    name = f"{raw.hash[:32]}{SUFFIX}"

    def copy(tmp: Path) -> None:
        shutil.copyfile(raw.path, tmp)

    try:
        atomic_write(held_dir(store) / name, copy, private=True, make_parents=True)
    except FileAccessError as exc:
        raise SyncError.from_file_error(exc) from exc
    values = [raw.bundle_id, raw.hash, now_iso(), raw.origin.get("unit_code"), fingerprint, reason, name, raw.size]
    if known:
        store.db.execute(
            "UPDATE sync_held_files SET bundle_id = ?, hash = ?, received_at = ?, from_unit = ?, fingerprint = ?,"
            " reason = ?, file_name = ?, size = ?, status = 'held' WHERE id = ?", [*values, known[0]["id"]]
        )
    else:
        store.db.execute(
            "INSERT INTO sync_held_files (bundle_id, hash, received_at, from_unit, fingerprint, reason, file_name,"
            " size, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held')", values
        )


def release(store: Store, held_id: int, status: str) -> Path | None:
    """Mark a held bundle merged or refused; returns its file, to delete once the transaction is committed
    (the import report keeps what happened)."""
    rows = list(store.db.query("SELECT * FROM sync_held_files WHERE id = ?", [held_id]))
    if not rows:
        return None
    store.db.execute("UPDATE sync_held_files SET status = ? WHERE id = ?", [status, held_id])
    return held_path(store, rows[0])


def drop_held(store: Store, held_id: int | None = None) -> int:
    """Discard one held bundle (or all of them): its file is deleted. Returns how many were dropped."""
    sql = "SELECT * FROM sync_held_files WHERE status = 'held'"
    params: list[Any] = []
    if held_id is not None:
        sql += " AND id = ?"
        params.append(held_id)
    rows = list(store.db.query(sql, params))
    if held_id is not None and not rows:
        raise SyncError(f"Không có gói tạm giữ số {held_id}. Xem danh sách bằng “tdkt bundle held”.", code="not_found")
    with store.atomic():
        for row in rows:
            store.db.execute("UPDATE sync_held_files SET status = 'dropped' WHERE id = ?", [row["id"]])
    for row in rows:
        held_path(store, row).unlink(missing_ok=True)
    return len(rows)
