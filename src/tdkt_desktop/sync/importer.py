"""Importing bundles: verify everything first, then merge all of them in one transaction, losing nothing.

Per received row, after the checks of :class:`~tdkt_desktop.sync.scope.Acceptance` (owner, units named,
writers, records referred to) and against the row held here:

* no row here → **new** (refused whole if any of its fields was written without authority);
* a row here → merged field by field (:func:`tdkt_desktop.sync.fieldmerge.merge`): **unchanged**, **stale**
  (older than what is held), **updated** (the received version as it is) or **merged** (a version made of
  both); values not applied are refused (no authority) or queued for review (:mod:`~tdkt_desktop.sync.reviews`);
* a row referring to a record not here yet → **held** (``sync_held_rows``) and applied by itself as soon as
  that record arrives, from any later bundle, in any order.

Every row or field not applied is kept as an outcome for its sender (:mod:`~tdkt_desktop.sync.receipts`)
and travels back in the next bundle. A database backup is taken before the first write; a process killed
midway leaves the database as it was, since nothing is committed before the end.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt_desktop.store import backups as _backups
from tdkt_desktop.store import directives as _directives
from tdkt_desktop.store.authority import (
    AUTHORITY,
    Parties,
    Refusal,
    UnitTree,
    field_refusal,
    parties,
    relinks,
)
from tdkt_desktop.store.db import SYNCED_TABLES, Store, now_iso
from tdkt_desktop.store.revisions import (
    LOCAL_FIELDS,
    SYNC_FIELDS,
    content_fields,
    parse_stamps,
    parse_vv,
    rev_of,
    stamp_of,
    valid_stamps,
    valid_vv,
)
from tdkt_desktop.sync import held as _held
from tdkt_desktop.sync import keys as _keys
from tdkt_desktop.sync import receipts as _receipts
from tdkt_desktop.sync import reviews as _reviews
from tdkt_desktop.sync.bundle import RawBundle, bundle_files, open_bundle, open_payload
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.fieldmerge import merge
from tdkt_desktop.sync.report import BundleReport, ImportReport, table_label
from tdkt_desktop.sync.scope import Acceptance, ref_target, relation
from tdkt_desktop.sync.writer import RowWriter

Row = dict[str, Any]
ROW_FIELDS = tuple(f for f in SYNC_FIELDS if f not in LOCAL_FIELDS)
_CHUNK = 500
IMPORT_CACHE_KIB = -64 * 1024  # PRAGMA cache_size during an import: 64 MiB at most
HELD_SOURCE = "Bản ghi chờ bản ghi liên quan (nhận trước đây)"


class _Rollback(Exception):
    pass


# --------------------------------------------------------------------------- entry points


def import_bundles(store: Store, paths: Iterable[str | Path], *, dry_run: bool = False, backup: bool = True) -> ImportReport:
    """Import bundle files (a folder means every bundle file in it, sorted by name).

    Each bundle's container, signature, hashes, format and schema versions are checked before anything is
    written; then all of them are merged in ONE transaction (after a backup copy of the database), and the
    rows waiting for a record are applied when it arrived. ``dry_run`` reports what would happen and rolls
    everything back. A refused bundle does not stop the others; the report says why.
    """
    items = [_Item(str(path), path) for path in bundle_files(list(paths))]
    if not items:
        raise SyncError("Không tìm thấy gói nào để nhập (tệp *.tdktgoi). Hãy kiểm tra đường dẫn.", code="not_found")
    return _import(store, items, dry_run=dry_run, backup=backup)


def import_held(store: Store, *, dry_run: bool = False, backup: bool = True) -> ImportReport:
    """Retry the bundles held for enrolment (after “tdkt enroll”): merged ones leave the list."""
    items = [
        _Item(f"gói tạm giữ #{r['id']} ({r['bundle_id']})", _held.held_path(store, r), int(r["id"]))
        for r in _held.list_held(store)
    ]
    if not items:
        return ImportReport(dry_run=dry_run, at=now_iso())
    return _import(store, items, dry_run=dry_run, backup=backup)


def import_history(store: Store, limit: int = 50) -> list[Row]:
    rows = list(store.db.query("SELECT * FROM sync_imports ORDER BY id DESC LIMIT ?", [limit]))
    for r in rows:
        r["report"] = json.loads(r.pop("report_json"))
    return rows


def held_rows(store: Store) -> list[Row]:
    """Received rows waiting here for a record that has not arrived yet."""
    return list(store.db.query(
        "SELECT id, from_unit, bundle_id, table_name, record_id, rev, missing_table, missing_id, held_at"
        " FROM sync_held_rows ORDER BY id"
    ))


# --------------------------------------------------------------------------- one import


@dataclass
class _Item:
    source: str
    path: Path
    held_id: int | None = None


class _Context:
    def __init__(self, store: Store, *, dry_run: bool, backup: bool) -> None:
        self.store = store
        self.dry_run = dry_run
        self.backup = backup and not dry_run
        self.backup_path: str | None = None
        self.import_id: int | None = None
        self.cols: dict[str, set[str]] = {}
        self.own_fp = _keys.own_fingerprint(store)
        self.schema = store.schema_version()
        self.released: list[Path] = []
        self.tree = UnitTree(store)
        self.relinks = relinks(store)
        self.owners: dict[tuple[str, str], str | None] = {}
        self.waiting: set[tuple[str, str]] | None = None  # (table, id) with a version in sync_held_rows
        self._parties: dict[tuple[Any, ...], Parties] = {}
        self._parties_tree: tuple[Any, ...] = ()

    def parties(self, table: str, row: Row) -> Parties:
        """:func:`~tdkt_desktop.store.authority.parties` of a record, remembered by what it depends on: the table,
        the record's owner, title and year, and the unit tree (which only grows — :meth:`UnitTree.add` adds a unit
        or the level of one, never changes what it holds —, so its size tells whether it changed)."""
        tree = (self.tree, len(self.tree.parent), len(self.tree.level))
        if tree != self._parties_tree:
            self._parties.clear()
            self._parties_tree = tree
        title, year = row.get("title_code"), row.get("year")
        key = (table, row.get("owner_unit"), type(title), title, type(year), year)  # 1 and True are equal keys
        try:
            who = self._parties.get(key)
        except TypeError:  # a value no key can hold (a list in a tampered row): judged as it is
            return parties(self.tree, table, row)
        if who is None:
            who = self._parties[key] = parties(self.tree, table, row)
        return who

    def drop_overtaken(self, table: str, row: Row, vv: dict[str, int]) -> None:
        """Versions of this record waiting for a record that the version being applied has seen (an earlier
        edit, since corrected) are overtaken: they leave the waiting list instead of waiting for ever."""
        if self.waiting is None:
            self.waiting = {(r[0], r[1]) for r in self.store.db.execute(
                "SELECT table_name, record_id FROM sync_held_rows").fetchall()}
        key = (table, str(row["id"]))
        if key not in self.waiting:
            return
        left = 0
        for entry_id, row_json in self.store.db.execute(
                "SELECT id, row_json FROM sync_held_rows WHERE table_name = ? AND record_id = ?", list(key)).fetchall():
            older = parse_vv(json.loads(row_json).get("vv"))
            if all(int(vv.get(k, 0)) >= int(c) for k, c in older.items()):
                self.store.db.execute("DELETE FROM sync_held_rows WHERE id = ?", [entry_id])
            else:
                left += 1
        if not left:
            self.waiting.discard(key)

    def ensure_backup(self) -> None:
        if self.backup and self.backup_path is None:
            if not self.store.on_server:
                self.backup_path = str(_backups.before_import(self.store.path, what="gói đồng bộ").path)

    def owner_of(self, table: str, record_id: str) -> str | None:
        key = (table, record_id)
        if key not in self.owners:
            row = self.store.db.execute(f"SELECT owner_unit FROM {table} WHERE id = ?", [record_id]).fetchone()
            if row is None:
                return None
            self.owners[key] = row[0]
        return self.owners[key]


@dataclass
class _Job:
    """The rows of one sender being applied: who sent them, in which direction, and what to accept."""

    sender: str
    install: str  # the sending installation
    direction: str
    bundle_id: str
    acceptance: Acceptance
    report: BundleReport
    coming: dict[str, set[str]] = field(default_factory=dict)  # ids in this bundle not applied yet
    deferred: list[tuple[str, Row]] = field(default_factory=list)
    reported: set[tuple[str, str]] | None = None  # (table, id) with an outcome kept for this sender

    def clear_outcome(self, store: Store, table: str, record_id: str) -> None:
        if self.reported is None:
            self.reported = {(r[0], r[1]) for r in store.db.execute(
                "SELECT table_name, record_id FROM sync_outcomes WHERE from_unit = ?", [self.sender]).fetchall()}
        if (table, record_id) in self.reported:
            _receipts.clear(store, self.sender, table, record_id)
            self.reported.discard((table, record_id))

    def record(self, store: Store, outcome: _receipts.Outcome) -> None:
        _receipts.record(store, self.sender, self.bundle_id, outcome)
        if self.reported is not None:
            self.reported.add((outcome.table, outcome.record_id))


def _import(store: Store, items: list[_Item], *, dry_run: bool, backup: bool) -> ImportReport:
    if not store.unit_code:
        raise SyncError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ” trước.", code="no_unit")
    _keys.ensure_keys(store)
    report = ImportReport(dry_run=dry_run, at=now_iso())
    ctx = _Context(store, dry_run=dry_run, backup=backup)
    # a large page cache for the one big transaction (random ids touch pages all over the indexes)
    cache_size = store.db.execute("PRAGMA cache_size").fetchone()[0]
    store.db.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    # No collection of reference cycles while merging: a merge makes and drops a few containers per row (its rows,
    # their values and stamps; no cycles), and each collection would walk every container alive — the remembered
    # names, words and parties among them —, a tenth of a province's merge. Reference counting frees the rows.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with store.atomic():
            cur = store.db.execute(
                "INSERT INTO sync_imports (at, operator, report_json) VALUES (?, ?, '{}')", [report.at, store.operator]
            )
            ctx.import_id = report.import_id = cur.lastrowid
            for item in items:
                br = BundleReport(source=item.source)
                report.bundles.append(br)
                checked = None
                try:
                    raw = open_bundle(item.path, source=item.source, schema_version=ctx.schema)
                    br.bundle_id = raw.bundle_id
                    br.from_unit = raw.origin.get("unit_code")
                    # rotations and revocations hold whatever becomes of the bundle
                    br.notes.extend(_keys.apply_key_statements(store, str(br.from_unit), raw.manifest.get("key_statements")))
                    checked = _check_one(ctx, raw, br)
                except SyncError as exc:
                    br.status, br.message, br.error_code = "refused", str(exc), exc.code
                if checked is not None:
                    _merge_one(ctx, checked, br)
                if item.held_id is not None and br.status != "held":
                    done = _held.release(store, item.held_id, "released" if br.status in ("merged", "already") else br.status)
                    if done is not None:
                        ctx.released.append(done)
            _apply_waiting(ctx, report)
            ids = [b.bundle_id for b in report.bundles if b.bundle_id]
            report.waiting = int(store.db.execute(
                f"SELECT COUNT(*) FROM sync_held_rows WHERE bundle_id IN ({','.join('?' for _ in ids)})", ids
            ).fetchone()[0]) if ids else 0
            report.linked = _directives.link_directives(store)
            report.backup_path = ctx.backup_path
            store.db.execute("UPDATE sync_imports SET report_json = ? WHERE id = ?",
                             [json.dumps(report.to_dict(), ensure_ascii=False), ctx.import_id])
            if dry_run:
                raise _Rollback
    except _Rollback:
        report.import_id = None
    else:
        for path in ctx.released:
            path.unlink(missing_ok=True)
    finally:
        store.db.execute(f"PRAGMA cache_size = {int(cache_size)}")
        if collecting:
            gc.enable()
    return report


def _hold_bundle(ctx: _Context, raw: RawBundle, br: BundleReport, fp: str, reason: str) -> None:
    _held.hold(ctx.store, raw, fingerprint=fp, reason=reason, dry_run=ctx.dry_run)
    br.status = "held"
    br.message = (f"{reason} Gói được tạm giữ, chưa hợp nhất. Sau khi đối chiếu dấu vân tay {fp} và ghi danh "
                  "(“tdkt enroll TỆP”), chạy “tdkt bundle held --retry”.")


@dataclass
class _Checked:
    """A bundle that passed every check, with what its merge needs."""

    raw: RawBundle
    payload: dict[str, Any]
    direction: str


def _check_one(ctx: _Context, raw: RawBundle, br: BundleReport) -> _Checked | None:
    """Every check of one bundle (addressee, replay, sender's key and installation, relation, payload): a
    :class:`SyncError` refuses it; None when there is nothing to merge (imported before, or held for enrolment).

    Nothing is written before every check has passed (the sender's new installation is recorded last; a bundle held
    is written and nothing follows), so a refused bundle leaves the database as it was without a savepoint — one
    per bundle would make the full-text index write out its pending entries at each bundle."""
    store = ctx.store
    me = store.unit_code
    m = raw.manifest
    origin = raw.origin
    sender = origin["unit_code"]
    to_unit = m["to"].get("unit_code")
    if to_unit != me:
        raise SyncError(
            f"Gói {raw.source} gửi cho đơn vị {to_unit}, không phải đơn vị của bản cài đặt này ({me}). Gói không được "
            "nhập; hãy chuyển gói cho đúng đơn vị nhận.",
            code="not_for_us",
        )
    known = store.read("SELECT hash FROM sync_incoming WHERE bundle_id = ?", [raw.bundle_id])
    if known:
        if known[0]["hash"] == raw.hash:
            br.status = "already"
            br.message = "Gói này đã được nhập trước đây; không có gì thay đổi."
            return None
        raise SyncError(
            f"Gói {raw.source} mang mã {raw.bundle_id} trùng với một gói đã nhập nhưng nội dung khác. Đây có thể là gói "
            "bị làm giả hoặc phát lại; gói bị từ chối, dữ liệu không thay đổi. Hãy liên hệ đơn vị gửi.",
            code="replayed",
        )
    fp = _keys.fingerprint(origin["sign_key"], origin["box_key"])
    peer = _keys.peer_by_fingerprint(store, fp)
    if peer is not None and peer["unit_code"] != sender:
        raise SyncError(
            f"Gói {raw.source} tự nhận là của đơn vị {sender} nhưng được ký bằng khóa của đơn vị {peer['unit_code']}. "
            "Gói bị từ chối, dữ liệu không thay đổi. Hãy liên hệ hai đơn vị để làm rõ.",
            code="wrong_origin",
        )
    if peer is not None and peer["status"] == "revoked":
        raise SyncError(
            f"Gói {raw.source} được ký bằng khóa {fp} mà đơn vị {sender} đã thu hồi (máy bị mất hoặc khóa bị lộ). Gói bị "
            "từ chối, dữ liệu không thay đổi. Hãy liên hệ đơn vị đó để nhận tệp đăng ký khóa mới.",
            code="revoked_key",
        )
    if peer is None or peer["status"] != "trusted":
        current = _keys.trusted_peer(store, sender)
        if peer is not None and peer["status"] == "replaced":
            reason = f"Gói được ký bằng khóa cũ của đơn vị {sender} (đã được thay bằng khóa {current and current['fingerprint']})."
        elif peer is not None:
            reason = f"Khóa {fp} của đơn vị {sender} đã được ghi nhận nhưng chưa được xác nhận."
        elif current is not None:
            reason = (f"Gói được ký bằng khóa mới {fp}, khác khóa đã ghi danh của đơn vị {sender} ({current['fingerprint']}); "
                      "có thể đơn vị đã cài lại phần mềm. Cần xác nhận thay khóa.")
        else:
            reason = f"Đơn vị {sender} chưa được ghi danh (khóa {fp})."
        _hold_bundle(ctx, raw, br, fp, reason)
        return None
    new_install = peer["install_id"] != origin["install_id"]  # recorded once every check has passed
    if new_install and peer["install_id"] not in (origin.get("previous_installs") or []):
        raise SyncError(
            f"Gói {raw.source} ghi bản cài đặt {origin['install_id']} nhưng khóa đã ghi danh thuộc bản cài đặt "
            f"{peer['install_id']} của đơn vị {sender}. Gói bị từ chối.",
            code="wrong_origin",
        )
    rel = relation(store, ctx.tree, sender, peer_parent=peer["parent_code"])
    direction = {"down": "up", "up": "down"}.get(rel or "")
    if direction is None or m.get("direction") != direction:
        raise SyncError(
            f"Đơn vị {sender} không phải cấp trên trực tiếp hay đơn vị trực thuộc trực tiếp của {me} (theo danh mục đơn "
            "vị ở đây), nên gói không được nhập. Hãy kiểm tra danh mục đơn vị.",
            code="not_related",
        )
    br.direction = direction
    desc = m["payload"]
    own_box = _keys.box_key_for(store, desc.get("recipient_fingerprint")) if desc.get("encrypted") else None
    if desc.get("encrypted") and own_box is None:
        raise SyncError(
            f"Gói {raw.source} được mã hóa cho một khóa khác của đơn vị {me} ({desc.get('recipient_fingerprint')}), "
            f"không phải khóa hiện tại ({ctx.own_fp}) — có thể trước khi cài lại. Hãy gửi tệp đăng ký khóa mới cho "
            f"{sender} (“tdkt keys export”) và đề nghị xuất lại gói.",
            code="cannot_decrypt",
        )
    payload = open_payload(raw, own_box)
    _check_payload(store, raw, payload, ctx.cols)
    if new_install:
        br.notes.append(_keys.accept_new_install(store, peer, origin["install_id"]))
    return _Checked(raw, payload, direction)


def _merge_one(ctx: _Context, checked: _Checked, br: BundleReport) -> None:
    """Merge a bundle that passed every check, row by row. Nothing here refuses the bundle (a row not applied is
    refused, held or queued by itself): it is written in the import's transaction, without a savepoint of its own —
    a savepoint would copy every page the merge changes once more, and make the full-text index write out its
    pending entries —, and an error here ends the whole import with nothing kept."""
    store = ctx.store
    raw, payload, direction = checked.raw, checked.payload, checked.direction
    m = raw.manifest
    origin = raw.origin
    sender = origin["unit_code"]
    writer = RowWriter(store)
    ctx.ensure_backup()
    job = _Job(sender, origin["install_id"], direction, raw.bundle_id, Acceptance(store, ctx.tree, sender, direction), br)
    job.coming = {t: {str(r[at]) for r in b["rows"]} for t, b in payload["tables"].items()
                  for at in (b["columns"].index("id"),)}
    for table in SYNCED_TABLES:
        block = payload["tables"].get(table)
        if not block:
            continue
        columns = block["columns"]
        rows = [dict(zip(columns, values, strict=True)) for values in block["rows"]]
        held = _fetch(store, table, rows)
        # the owners of the records held, for the rows referring to them (a received row never changes one)
        ctx.owners.update(((table, rid), h["owner_unit"]) for rid, h in held.items())
        for row in rows:
            _apply_row(ctx, job, writer, table, row, held.get(str(row.get("id"))))
    # rows that came before a record they refer to, in this same bundle: now that it is here
    while job.deferred:
        waiting, job.deferred, job.coming = job.deferred, [], {}
        writer.flush()
        for table, row in waiting:
            _apply_row(ctx, job, writer, table, row, store.get(table, str(row["id"]), include_deleted=True))

    # ------------------------------------------------------------------ counters, acknowledgements, receipt
    conn = store.db.conn
    now = now_iso()
    counter = m.get("counter") or {}
    c_from, c_to = int(counter.get("from") or 1), int(counter.get("to") or 0)
    held_counter = conn.execute(
        "SELECT covered_to FROM sync_counters WHERE origin_install = ?", [origin["install_id"]]
    ).fetchone()
    covered = int(held_counter[0]) if held_counter else 0
    if c_from > covered + 1:
        br.gaps.append({"install_id": origin["install_id"], "unit_code": sender, "from": covered + 1, "to": c_from - 1})
    conn.execute(
        "INSERT INTO sync_counters (origin_install, unit_code, covered_to) VALUES (?, ?, ?) ON CONFLICT(origin_install)"
        " DO UPDATE SET covered_to = max(covered_to, excluded.covered_to), unit_code = excluded.unit_code",
        [origin["install_id"], sender, max(covered, c_to)],
    )
    ack = m.get("ack")
    if isinstance(ack, dict) and ack.get("bundle_id"):
        found = conn.execute(
            "SELECT acked_at FROM sync_outgoing WHERE bundle_id = ? AND to_unit = ?", [ack["bundle_id"], sender]
        ).fetchone()
        if found is None:
            br.notes.append(f"Đơn vị {sender} xác nhận đã nhận gói {ack['bundle_id']}, nhưng gói đó không do bản cài "
                            "đặt này xuất (có thể cơ sở dữ liệu đã được khôi phục).")
        elif found[0] is None:
            conn.execute("UPDATE sync_outgoing SET acked_at = ? WHERE bundle_id = ?", [now, ack["bundle_id"]])
    prev_hash = m.get("prev_hash")
    if prev_hash and not conn.execute(
        "SELECT 1 FROM sync_incoming WHERE hash = ? AND from_unit = ?", [prev_hash, sender]
    ).fetchone():
        br.notes.append(f"Chưa nhận gói liền trước của {sender}; gói này vẫn đủ vì gồm mọi thay đổi chưa được xác nhận.")
    local_seq = m.get("local_seq") or {}
    seq_to = int(local_seq.get("to") or 0)
    note = _receipts.apply_receipt(store, sender, payload.get("receipt"), seq_to)
    if note:
        br.notes.append(note)
    conn.execute(
        "INSERT INTO sync_incoming (bundle_id, hash, from_unit, origin_install, seq_to, clock_from, clock_to, prev_hash,"
        " imported_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [raw.bundle_id, raw.hash, sender, origin["install_id"], seq_to, c_from, c_to, prev_hash, now, ctx.import_id],
    )
    writer.flush()
    br.status = "checked" if ctx.dry_run else "merged"


# --------------------------------------------------------------------------- one row


def _refuse(ctx: _Context, job: _Job, table: str, row: Row, code: str, reason: str) -> None:
    rid = str(row.get("id"))
    job.report.reject(table, rid, reason, code=code)
    job.record(ctx.store, _receipts.Outcome(
        table, rid, "", str(row.get("rev") or ""), "refused", code, reason))


def _hold_row(ctx: _Context, job: _Job, table: str, row: Row, missing_table: str, missing_id: str) -> None:
    store = ctx.store
    store.db.execute(
        "INSERT OR REPLACE INTO sync_held_rows (from_unit, from_install, direction, bundle_id, table_name, record_id,"
        " rev, row_json, missing_table, missing_id, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [job.sender, job.install, job.direction, job.bundle_id, table, row["id"], row["rev"],
         json.dumps(row, ensure_ascii=False), missing_table, missing_id, now_iso()],
    )
    if ctx.waiting is not None:
        ctx.waiting.add((table, str(row["id"])))
    reason = (f"đang chờ {table_label(missing_table).lower()} {missing_id} (chưa có ở đây); sẽ tự được áp dụng khi bản "
              "ghi đó tới")
    job.report.count(table, "held")
    job.report.add_held(table, str(row["id"]), reason)
    job.record(store, _receipts.Outcome(
        table, str(row["id"]), "", str(row["rev"]), "held", "missing_parent", reason, missing_table, missing_id))


def _apply_row(ctx: _Context, job: _Job, writer: RowWriter, table: str, row: Row, held: Row | None) -> None:
    store = ctx.store
    acc = job.acceptance
    rid = str(row.get("id"))
    try:
        vv, stamps = _read_row(row)
    except _Malformed as exc:
        _refuse(ctx, job, table, row, "malformed", str(exc))
        return
    job.clear_outcome(store, table, rid)
    refusal = _owner_change(held, row) if held is not None and held["owner_unit"] != row["owner_unit"] else None
    if refusal is None:
        refusal = acc.accept_unit_row(row) if table == "units" else acc.row_refusal(table, row)
    if refusal is None:
        refusal = acc.writer_refusal(stamps)
    if refusal is not None:
        _refuse(ctx, job, table, row, refusal.code, refusal.reason)
        return
    if table != "units":
        rule_refs = _refs(table)
        for name in rule_refs:
            value = row.get(name)
            if value is None:
                continue
            target = ref_target(table, name, row)
            if target is None:
                _refuse(ctx, job, table, row, "malformed", f"loại đối tượng “{row.get('subject_kind')}” không hợp lệ")
                return
            owner = ctx.owner_of(target, str(value))
            if owner is None:
                if str(value) in job.coming.get(target, ()):
                    job.deferred.append((table, row))
                else:
                    _hold_row(ctx, job, table, row, target, str(value))
                return
            refusal = acc.ref_refusal(table, name, owner)
            if refusal is not None:
                _refuse(ctx, job, table, row, refusal.code, refusal.reason)
                return
    ctx.drop_overtaken(table, row, vv)
    if held is not None and held["rev"] == row["rev"]:  # the version held: nothing to merge (see _fetch)
        job.report.count(table, "unchanged")
        return
    who = ctx.parties(table, held or row)
    if held is None:
        if not _all_written_by_writers(table, who, stamps):
            _judge_new_row_fields(ctx, job, writer, table, row, stamps, who)
            return
        _put_new(ctx, job, writer, table, row)
        return

    def judge(name: str, writer_unit: str, old: Any, new: Any, status: Any) -> Any:
        return field_refusal(table, name, writer_unit, who, old=old, new=new, status=status, relinks=ctx.relinks)

    merged = merge(table, held, row, who, judge, ctx.relinks)
    if table == "campaigns" and (merged.row or row).get("linked_campaign_id") and merged.outcome in ("updated", "merged"):
        ctx.relinks[rid] = str((merged.row or row)["linked_campaign_id"])
    if merged.outcome == "updated":
        writer.put(table, row, held, source=job.install)
    elif merged.outcome == "merged":
        assert merged.row is not None
        writer.put(table, merged.row, held, source=None)
    job.report.count(table, merged.outcome)
    record = merged.row or held
    for event in merged.events:
        if event.kind in _reviews.QUEUED_KINDS:
            _reviews.queue(store, writer, table, record, event)
            job.report.count(table, "conflict")
            job.report.add_conflict(table, rid, event)
            if event.other_from == "incoming":
                job.record(store, _receipts.Outcome(
                    table, rid, event.field, str(row["rev"]), "review", event.code or event.kind,
                    event.reason or _reviews.REASONS[event.kind]))
        elif event.other_from == "incoming":
            job.report.refuse_field(table, rid, event.field, event.reason)
            job.record(store, _receipts.Outcome(
                table, rid, event.field, str(row["rev"]), "refused", event.code, event.reason))


def _all_written_by_writers(table: str, who: Parties, stamps: dict[str, Any]) -> bool:
    """Every write of a new row is allowed without judging field by field: a record with no separate appraiser
    (not a queued conflict), every unit named in its stamps (creation included, which stands for every field
    without a stamp of its own) one of its writers. Anything else is judged field by field."""
    if who.separate_appraiser or _ROLES.get(table) == "review":
        return False
    return all(raw[3] in who.writers for raw in stamps.values())


def _judge_new_row_fields(ctx: _Context, job: _Job, writer: RowWriter, table: str, row: Row,
                          stamps: dict[str, Any], who: Parties) -> None:
    """A new row is refused whole when any of its fields was written without authority."""
    for name in content_fields(row):
        value = row.get(name)
        if value is None or (name == "deleted" and not value):
            continue
        stamp = stamp_of(stamps, name)
        writer_unit = str(stamp[3]) if stamp else job.sender
        refusal = field_refusal(table, name, writer_unit, who, old=None, new=value, relinks=ctx.relinks)
        if refusal is not None:
            _refuse(ctx, job, table, row, refusal.code, refusal.reason)
            return
    _put_new(ctx, job, writer, table, row)


def _put_new(ctx: _Context, job: _Job, writer: RowWriter, table: str, row: Row) -> None:
    rid = str(row["id"])
    writer.put(table, row, None, source=job.install)
    job.report.count(table, "new")
    if table == "campaigns" and row.get("linked_campaign_id"):
        ctx.relinks[rid] = str(row["linked_campaign_id"])
    ctx.owners[(table, rid)] = str(row["owner_unit"])


def _owner_change(held: Row, row: Row) -> Any:
    return Refusal("owner_change",
                   f"bản ghi ở đây thuộc đơn vị {held['owner_unit']}, gói không được đổi sang {row['owner_unit']}")


_REFS = {table: tuple(rule.refs) for table, rule in AUTHORITY.items()}
_ROLES = {table: rule.role for table, rule in AUTHORITY.items()}


def _refs(table: str) -> tuple[str, ...]:
    return _REFS.get(table, ())


def _apply_waiting(ctx: _Context, report: ImportReport) -> None:
    """Apply the held rows whose missing record is here now (repeatedly: one may bring another's parent)."""
    store = ctx.store
    br: BundleReport | None = None
    while True:
        ready = [r for r in store.read("SELECT * FROM sync_held_rows ORDER BY id")
                 if ctx.owner_of(str(r["missing_table"]), str(r["missing_id"])) is not None]
        if not ready:
            break
        if br is None:
            br = BundleReport(source=HELD_SOURCE, status="checked" if ctx.dry_run else "merged")
            report.bundles.append(br)
        for entry in ready:
            store.db.execute("DELETE FROM sync_held_rows WHERE id = ?", [entry["id"]])
            row = json.loads(entry["row_json"])
            job = _Job(entry["from_unit"], entry["from_install"], entry["direction"], entry["bundle_id"],
                       Acceptance(store, ctx.tree, entry["from_unit"], entry["direction"]), br)
            br.from_unit = br.from_unit or entry["from_unit"]
            writer = RowWriter(store)
            table = entry["table_name"]
            held = store.get(table, str(row["id"]), include_deleted=True)
            _apply_row(ctx, job, writer, table, row, held)
            writer.flush()


# --------------------------------------------------------------------------- checks


def _columns(store: Store, table: str, cache: dict[str, set[str]]) -> set[str]:
    if table not in cache:
        cache[table] = {r[1] for r in store.db.execute(f"PRAGMA table_info({table})").fetchall()}
    return cache[table]


_TEXT_FIELDS = ("id", "owner_unit", "origin_install", "rev", "created_at", "updated_at")


class _Malformed(Exception):
    """A received row that cannot be applied as it is (its reason, for the sender)."""


def _read_row(row: Row) -> tuple[dict[str, int], dict[str, list[Any]]]:
    """The row's version vector and stamps, read once (and checked, its revision name computed again from them),
    or :class:`_Malformed` with the reason."""
    for name in _TEXT_FIELDS:
        value = row.get(name)
        if not value or not isinstance(value, str):
            raise _Malformed(f"thiếu hoặc sai trường {name}")
    gen, clock = row.get("gen"), row.get("clock")
    if not isinstance(gen, int) or not isinstance(clock, int) or gen < 1 or clock < 0:
        raise _Malformed("số thế hệ/bộ đếm của bản ghi không hợp lệ")
    if row.get("deleted") not in (0, 1):
        raise _Malformed("cờ xóa không hợp lệ")
    if row.get("base_rev") is not None and not isinstance(row.get("base_rev"), str):
        raise _Malformed("phiên bản gốc (base_rev) không hợp lệ")
    try:
        vv, stamps = parse_vv(row.get("vv")), parse_stamps(row.get("stamps"))
    except (json.JSONDecodeError, TypeError):
        raise _Malformed("dấu phiên bản (vv, stamps) không đọc được") from None
    if not valid_vv(vv) or not valid_stamps(stamps):
        raise _Malformed("dấu phiên bản (vv, stamps) không hợp lệ")
    if int(vv.get(row["origin_install"], -1)) < clock:
        raise _Malformed("dấu phiên bản không chứa lần ghi cuối của bản ghi")
    if row["rev"] != rev_of(row, vv=vv, stamps=stamps):
        raise _Malformed("số hiệu phiên bản (rev) không khớp với nội dung bản ghi")
    return vv, stamps


def _fetch(store: Store, table: str, rows: list[Row]) -> dict[str, Row]:
    """The versions held here of received rows, by id: whole where the revision differs from the one received;
    where it is the same, only the id, revision and owner — the version held is left as it is ("unchanged",
    see :func:`_apply_row`), after the checks that need nothing else of it (a changed owner is refused)."""
    revs = {r["id"]: r.get("rev") for r in rows if isinstance(r.get("id"), str)}
    ids = list(revs)
    out: dict[str, Row] = {}
    differ: list[str] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for rid, rev, owner in store.db.execute(
                f"SELECT id, rev, owner_unit FROM {table} WHERE id IN ({marks})", chunk).fetchall():
            if rev == revs[rid]:
                out[rid] = {"id": rid, "rev": rev, "owner_unit": owner}
            else:
                differ.append(rid)
    for i in range(0, len(differ), _CHUNK):
        chunk = differ[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for row in store.read(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk):
            out[row["id"]] = row
    return out


def _check_payload(store: Store, raw: RawBundle, payload: dict[str, Any], cols_cache: dict[str, set[str]]) -> None:
    bad = f"Nội dung gói {raw.source} sai cấu trúc"
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        raise SyncError(f"{bad}. Hãy xin đơn vị gửi xuất lại gói.", code="tampered")
    counts = raw.manifest.get("counts") or {}
    if set(counts) != set(tables):
        raise SyncError(f"{bad}: số bảng không khớp bản kê. Gói bị từ chối.", code="tampered")
    for table, block in tables.items():
        if table not in SYNCED_TABLES:
            raise SyncError(f"{bad}: có bảng lạ “{table}”. Hãy cập nhật phần mềm hoặc xin xuất lại gói.", code="tampered")
        if not isinstance(block, dict) or not isinstance(block.get("columns"), list) or not isinstance(block.get("rows"), list):
            raise SyncError(f"{bad} (bảng {table}).", code="tampered")
        columns = block["columns"]
        known = _columns(store, table, cols_cache)
        if not set(ROW_FIELDS) <= set(columns) or not set(columns) <= known or set(LOCAL_FIELDS) & set(columns) \
                or len(set(columns)) != len(columns):
            raise SyncError(f"{bad}: cột của bảng {table} không khớp lược đồ. Gói bị từ chối.", code="tampered")
        if set(columns) != known - set(LOCAL_FIELDS):
            raise SyncError(
                f"Gói {raw.source} được tạo từ cơ sở dữ liệu lược đồ {raw.manifest.get('schema_version')}, cũ hơn lược đồ "
                f"ở đây ({store.schema_version()}) và khác cột của bảng {table}. Hãy đề nghị đơn vị gửi cập nhật TĐKT "
                "Desktop rồi xuất lại gói; dữ liệu chưa thay đổi.",
                code="older_schema",
            )
        if len(block["rows"]) != counts.get(table):
            raise SyncError(f"{bad}: số bản ghi bảng {table} không khớp bản kê. Gói bị từ chối.", code="tampered")
        width = len(columns)
        if any(not isinstance(r, list) or len(r) != width for r in block["rows"]):
            raise SyncError(f"{bad}: bản ghi bảng {table} sai số cột.", code="tampered")
        id_at = columns.index("id")
        if len({r[id_at] for r in block["rows"]}) != len(block["rows"]):
            raise SyncError(f"{bad}: bảng {table} có bản ghi trùng mã.", code="tampered")
