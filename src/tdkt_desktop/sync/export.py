"""Writing a bundle for the upper office or for a unit below."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tdkt_desktop.store.authority import UnitTree
from tdkt_desktop.store.db import SYNCED_TABLES, Store, now_iso
from tdkt_desktop.store.migrations import schema_version
from tdkt_desktop.store.revisions import LOCAL_FIELDS
from tdkt_desktop.sync import keys as _keys
from tdkt_desktop.sync.bundle import (
    CIPHER,
    FORMAT,
    FORMAT_VERSION,
    encode_payload,
    encrypt,
    manifest_hash,
    sha256,
    write_bundle_file,
)
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.receipts import build_receipt
from tdkt_desktop.sync.scope import relation, select_rows


@dataclass
class BundleInfo:
    bundle_id: str
    path: str
    to_unit: str
    direction: str
    full: bool
    encrypted: bool
    counts: dict[str, int] = field(default_factory=dict)
    seq_from: int = 0
    seq_to: int = 0
    clock_from: int = 0
    clock_to: int = 0
    hash: str = ""
    prev_hash: str | None = None
    size: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        kind = "toàn bộ" if self.full else "phần thay đổi"
        where = "lên cấp trên" if self.direction == "up" else "xuống đơn vị trực thuộc"
        enc = "đã mã hóa" if self.encrypted else "KHÔNG mã hóa"
        return (f"Đã xuất gói {self.bundle_id} ({kind}, {where}) gửi {self.to_unit}: {self.total} bản ghi, "
                f"{enc}, {self.size} byte → {self.path}")


ECHO_WINDOW = 10


def echo_install(store: Store, to_unit: str) -> str | None:
    """The installation of ``to_unit`` whose own versions need not be sent back to it: the one that sent the
    latest bundles from that unit — unless two installations of it sent bundles lately (a copied database),
    when every version is sent, so that each of them gets the other's."""
    installs = [r[0] for r in store.db.execute(
        "SELECT origin_install FROM sync_incoming WHERE from_unit = ? ORDER BY imported_at DESC, seq_to DESC LIMIT ?",
        [to_unit, ECHO_WINDOW],
    ).fetchall()]
    return installs[0] if installs and len(set(installs)) == 1 else None


def _last_acked(store: Store, to_unit: str) -> dict[str, Any] | None:
    rows = list(store.db.query(
        "SELECT * FROM sync_outgoing WHERE to_unit = ? AND acked_at IS NOT NULL ORDER BY seq_to DESC LIMIT 1", [to_unit]
    ))
    return rows[0] if rows else None


def peer_restored_since_full(store: Store, to_unit: str) -> bool:
    """Whether ``to_unit`` restored its database from a backup (a new installation identity accepted here) and
    has not yet acknowledged a full bundle made since. A restored unit may lack anything it received after its
    backup — our rows it had acknowledged, and the versions it made itself and sent to us before the restore —
    so every bundle to it is full until one such bundle is acknowledged."""
    row = store.db.execute(
        "SELECT MAX(at) FROM sync_key_events WHERE unit_code = ? AND event = 'new_install'", [to_unit]
    ).fetchone()
    if row is None or row[0] is None:
        return False
    return store.db.execute(
        "SELECT 1 FROM sync_outgoing WHERE to_unit = ? AND full = 1 AND acked_at IS NOT NULL AND created_at >= ?",
        [to_unit, row[0]],
    ).fetchone() is None


def _ack_for(store: Store, to_unit: str) -> dict[str, Any] | None:
    rows = list(store.db.query(
        "SELECT bundle_id, seq_to, hash FROM sync_incoming WHERE from_unit = ? ORDER BY seq_to DESC, imported_at DESC LIMIT 1",
        [to_unit],
    ))
    return dict(rows[0]) if rows else None


def export_bundle(
    store: Store, to_unit: str, out_path: str | Path, *, full: bool = False, encrypt: bool = True
) -> BundleInfo:
    """Write a bundle for ``to_unit`` (this unit's upper office, or a unit directly below it).

    It carries every row changed since the last bundle to that unit that the unit acknowledged (all
    of them with ``full``), signed by this installation and, unless ``encrypt=False``, encrypted to
    the recipient's enrolled key.
    """
    me = store.unit_code
    if not me:
        raise SyncError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ” trước.", code="no_unit")
    out = Path(out_path)
    peer = _keys.trusted_peer(store, to_unit)
    tree = UnitTree(store)
    direction = relation(store, tree, to_unit, peer_parent=peer["parent_code"] if peer else None)
    if direction is None:
        raise SyncError(
            f"Đơn vị {to_unit} không phải cấp trên trực tiếp hay đơn vị trực thuộc trực tiếp của {me}, nên không "
            "trao đổi gói được. Hãy kiểm tra mã đơn vị và danh mục đơn vị (cơ quan cấp trên).",
            code="not_related",
        )
    if encrypt and peer is None:
        raise SyncError(
            f"Chưa ghi danh khóa của đơn vị {to_unit}, nên chưa mã hóa gói cho đơn vị đó được. Hãy nhận tệp đăng ký "
            f"khóa của {to_unit}, chạy “tdkt enroll TỆP” (đối chiếu dấu vân tay), rồi xuất lại.",
            code="no_peer",
        )
    _keys.ensure_keys(store)
    full = full or peer_restored_since_full(store, to_unit)
    last = None if full else _last_acked(store, to_unit)
    since = int(last["seq_to"]) if last else 0
    # a bundle made before this database got its installation identity (a restore) counted another identity's clock
    same_identity = last is not None and str(last["created_at"]) >= (store.meta("install_since") or "")
    clock_from = int(last["clock_to"]) + 1 if last and same_identity else 1
    seq_to = store.current_local_seq()
    clock_to = store.current_clock()
    rows = select_rows(store, to_unit=to_unit, direction=direction, since_seq=since, full=full,
                       to_install=echo_install(store, to_unit))

    tables: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for table in SYNCED_TABLES:
        table_rows = rows.get(table)
        if not table_rows:
            continue
        columns = [c for c in table_rows[0] if c not in LOCAL_FIELDS]
        tables[table] = {"columns": columns, "rows": [[r[c] for c in columns] for r in table_rows]}
        counts[table] = len(table_rows)
    payload: dict[str, Any] = {"tables": tables, "receipt": build_receipt(store, to_unit)}
    compressed, plain_sha, plain_size = encode_payload(payload)

    bundle_id = str(uuid.uuid4())
    sign_key, box_pub = _keys.public_keys(store)
    desc: dict[str, Any] = {"compression": "zlib", "plain_sha256": plain_sha, "plain_size": plain_size,
                            "encrypted": bool(encrypt)}
    if encrypt:
        assert peer is not None
        header, payload_bin = _encrypt(compressed, peer["box_key"], bundle_id)
        desc.update(header, cipher=CIPHER, recipient_fingerprint=peer["fingerprint"])
    else:
        payload_bin = compressed
    desc["sha256"] = sha256(payload_bin)
    desc["size"] = len(payload_bin)
    prev = list(store.db.query(
        "SELECT hash FROM sync_outgoing WHERE to_unit = ? ORDER BY created_at DESC, seq_to DESC LIMIT 1", [to_unit]
    ))
    prev_hash = prev[0]["hash"] if prev else None
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version(),
        "bundle_id": bundle_id,
        "created_at": now_iso(),
        "origin": {"unit_code": me, "install_id": store.install_id, "sign_key": sign_key, "box_key": box_pub,
                   "fingerprint": _keys.fingerprint(sign_key, box_pub),
                   "previous_installs": store.previous_installs()},
        "key_statements": _keys.key_statements(store),
        "to": {"unit_code": to_unit, "fingerprint": peer["fingerprint"] if peer else None},
        "direction": direction,
        "full": bool(full),
        "counter": {"install_id": store.install_id, "from": clock_from, "to": clock_to},
        "local_seq": {"from": since + 1, "to": seq_to},
        "prev_hash": prev_hash,
        "counts": counts,
        "payload": desc,
        "ack": _ack_for(store, to_unit),
    }
    signature = _keys.signing_key(store).sign(_keys.canonical(manifest))
    bundle_hash = manifest_hash(manifest)
    size = write_bundle_file(out, manifest, signature, payload_bin)
    try:
        with store.atomic():
            store.db.execute(
                "INSERT INTO sync_outgoing (bundle_id, to_unit, created_at, full, seq_from, seq_to, clock_from, clock_to,"
                " hash, prev_hash, counts_json, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [bundle_id, to_unit, manifest["created_at"], int(full), since + 1, seq_to, clock_from, clock_to,
                 bundle_hash, prev_hash, json.dumps(counts, sort_keys=True), str(out)],
            )
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return BundleInfo(bundle_id=bundle_id, path=str(out), to_unit=to_unit, direction=direction, full=bool(full),
                      encrypted=bool(encrypt), counts=counts, seq_from=since + 1, seq_to=seq_to, clock_from=clock_from,
                      clock_to=clock_to, hash=bundle_hash, prev_hash=prev_hash, size=size)


def _encrypt(data: bytes, box_key: str, bundle_id: str) -> tuple[dict[str, str], bytes]:
    return encrypt(data, box_key, bundle_id.encode("utf-8"))


def pending_count(store: Store, to_unit: str) -> int:
    """How many records the next (incremental) bundle to ``to_unit`` would carry: everything since the last
    bundle ``to_unit`` acknowledged (a bundle not yet acknowledged is carried again)."""
    last = None if peer_restored_since_full(store, to_unit) else _last_acked(store, to_unit)
    return _count_since(store, to_unit, int(last["seq_to"]) if last else 0)


def unexported_count(store: Store, to_unit: str) -> int:
    """How many records changed since the last bundle made for ``to_unit``, acknowledged or not: what no
    exported bundle holds yet (the status bar's “not yet sent”)."""
    last = store.db.execute("SELECT MAX(seq_to) FROM sync_outgoing WHERE to_unit = ?", [to_unit]).fetchone()[0]
    return _count_since(store, to_unit, int(last or 0))


def unconfirmed_bundles(store: Store, to_unit: str) -> int:
    """Bundles made for ``to_unit`` that it has not acknowledged yet."""
    return int(store.db.execute("SELECT COUNT(*) FROM sync_outgoing WHERE to_unit = ? AND acked_at IS NULL",
                                [to_unit]).fetchone()[0])


def _count_since(store: Store, to_unit: str, since: int) -> int:
    tree = UnitTree(store)
    peer = _keys.trusted_peer(store, to_unit)
    direction = relation(store, tree, to_unit, peer_parent=peer["parent_code"] if peer else None)
    if direction is None:
        return 0
    rows = select_rows(store, to_unit=to_unit, direction=direction, since_seq=since,
                       to_install=echo_install(store, to_unit))
    return sum(len(r) for r in rows.values())


def outgoing_history(store: Store, to_unit: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM sync_outgoing"
    params: list[Any] = []
    if to_unit:
        sql += " WHERE to_unit = ?"
        params.append(to_unit)
    return list(store.db.query(sql + " ORDER BY created_at, seq_to", params))
