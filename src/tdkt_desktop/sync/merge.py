"""Importing bundles: verify everything first, then merge all of them in one transaction.

Per record, an incoming row is compared with the row held here:

* no row here → **new**; the same revision → **unchanged**;
* the incoming revision descends from the one held (its history contains it) → **updated**;
* the held revision descends from the incoming one → **stale** (skipped);
* neither descends from the other (two installations edited the same record) → **conflict**: the
  winner is the revision with the higher edit generation ``gen``, then the higher ``rev`` text (plain
  string comparison); every installation picks the same winner whatever the order of arrival. The
  losing version is not dropped: both versions go to the conflict queue (``sync_conflicts``) until a
  person resolves it with :func:`resolve_conflict`.

Rows the sender may not send (see :mod:`tdkt_desktop.sync.scope`) are refused one by one with the
reason. A database backup is taken before the first write; a process killed midway leaves the
database as it was, since nothing is committed before the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tdkt_desktop.store import backups as _backups
from tdkt_desktop.store import search as _search
from tdkt_desktop.store.db import SYNC_FIELDS, SYNCED_TABLES, Store, make_rev, now_iso
from tdkt_desktop.store.fields import KINDS
from tdkt_desktop.sync import held as _held
from tdkt_desktop.sync import keys as _keys
from tdkt_desktop.sync.bundle import RawBundle, bundle_files, open_bundle, open_payload
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.report import MAX_LISTED, BundleReport, ImportReport
from tdkt_desktop.sync.scope import Acceptance, UnitTree, relation

Row = dict[str, Any]
ROW_FIELDS = tuple(f for f in SYNC_FIELDS if f != "local_seq")
_CHUNK = 500
IMPORT_CACHE_KIB = -64 * 1024  # PRAGMA cache_size during an import: 64 MiB at most


class _Rollback(Exception):
    pass


# --------------------------------------------------------------------------- writing rows


class RowWriter:
    """Writes rows received in a bundle as they are: a new local sequence number each, an audit entry
    (action ``sync``, with the changed fields before and the row after), the search index kept current —
    in batches (``executemany``), for bundles of hundreds of thousands of rows. Rows are written at
    :meth:`flush`; a bundle never holds the same record twice, so the order within a batch is free."""

    BATCH = 2000

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn
        self.seq = store.current_local_seq()
        self.install = store.install_id
        self.operator = store.operator
        self.at = now_iso()  # one time stamp for the rows of one bundle: they arrive together
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}
        self._rows: dict[str, list[list[Any]]] = {}
        self._audit: list[tuple[Any, ...]] = []
        self._search_new: list[tuple[str, Row]] = []
        self._search_update: list[tuple[str, Row]] = []
        self._pending = 0

    def put(self, table: str, row: Row, before: Row | None, *, action: str = "sync") -> None:
        self.seq += 1
        stored = dict(row)
        stored["local_seq"] = self.seq
        cols = tuple(stored)
        key = (table, cols)
        sql = self._sql.get(key)
        if sql is None:
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" for _ in cols)
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
            sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'
            self._sql[key] = sql
        self._rows.setdefault(sql, []).append([stored[c] for c in cols])
        changed_before = None
        if before is not None:
            changed_before = {k: before.get(k) for k in stored if before.get(k) != stored.get(k) and k != "local_seq"}
        after = {k: v for k, v in row.items() if k != "local_seq"}
        self._audit.append((
            self.at, self.operator, self.install, table, row["id"], action,
            json.dumps(changed_before, ensure_ascii=False, sort_keys=True) if changed_before is not None else None,
            json.dumps(after, ensure_ascii=False, sort_keys=True),
        ))
        if table in _search.SEARCHABLE:
            if before is None:
                if not stored.get("deleted"):
                    self._search_new.append((table, stored))
            else:
                self._search_update.append((table, stored))
        self._pending += 1
        if self._pending >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        for sql, params in self._rows.items():
            self.conn.executemany(sql, params)
        self._rows.clear()
        if self._audit:
            self.conn.executemany(
                "INSERT INTO audit_log (at, operator, install_id, table_name, record_id, action, before_json, after_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                self._audit,
            )
            self._audit.clear()
        if self._search_new:
            _search.index_new_rows(self.store.db, self._search_new)
            self._search_new.clear()
        for table, stored in self._search_update:
            _search.index_row(self.store.db, table, stored)
        self._search_update.clear()
        self._pending = 0
        self.store.set_meta("local_seq", str(self.seq))

    def discard(self) -> None:
        self._rows.clear()
        self._audit.clear()
        self._search_new.clear()
        self._search_update.clear()
        self._pending = 0
        self.seq = self.store.current_local_seq()


# --------------------------------------------------------------------------- revisions


class Revisions:
    """Which revision descends from which, from the local log (``sync_rev_log``) and a bundle's history."""

    LIMIT = 100_000

    def __init__(self, store: Store, history: dict[str, list[str]]) -> None:
        self.conn = store.db.conn
        self.history = history

    def base_of(self, rev: str) -> str | None:
        row = self.conn.execute("SELECT base_rev FROM sync_rev_log WHERE rev = ?", [rev]).fetchone()
        return row[0] if row else None

    def _walk(self, chain: list[str], target: str) -> bool:
        if target in chain:
            return True
        seen = set(chain)
        current: str | None = chain[-1] if chain else None
        for _ in range(self.LIMIT):
            if current is None:
                return False
            current = self.base_of(current)
            if current == target:
                return True
            if current in seen:
                return False
            if current is not None:
                seen.add(current)
        return False

    def incoming_descends_from(self, row: Row, rev: str) -> bool:
        chain = list(self.history.get(row["rev"]) or ([row["base_rev"]] if row.get("base_rev") else []))
        return bool(chain) and self._walk(chain, rev)

    def held_descends_from(self, held_rev: str, rev: str) -> bool:
        return self._walk([held_rev], rev) if held_rev != rev else True


# --------------------------------------------------------------------------- checks


def _columns(store: Store, table: str, cache: dict[str, set[str]]) -> set[str]:
    if table not in cache:
        cache[table] = {r[1] for r in store.db.execute(f"PRAGMA table_info({table})").fetchall()}
    return cache[table]


def _foreign_keys(store: Store, table: str, cache: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    if table not in cache:
        cache[table] = [(r[3], r[2]) for r in store.db.execute(f"PRAGMA foreign_key_list({table})").fetchall()]
    return cache[table]


def _row_problem(row: Row) -> str | None:
    for name in ("id", "owner_unit", "origin_install", "rev", "created_at", "updated_at"):
        if not isinstance(row.get(name), str) or not row.get(name):
            return f"thiếu hoặc sai trường {name}"
    gen, clock = row.get("gen"), row.get("clock")
    if not isinstance(gen, int) or not isinstance(clock, int) or gen < 1 or clock < 0:
        return "số thế hệ/bộ đếm của bản ghi không hợp lệ"
    if row["rev"] != make_rev(gen, row["origin_install"], clock):
        return "số hiệu phiên bản (rev) không khớp với thế hệ, bản cài đặt và bộ đếm"
    if row.get("deleted") not in (0, 1):
        return "cờ xóa không hợp lệ"
    if row.get("base_rev") is not None and not isinstance(row.get("base_rev"), str):
        return "phiên bản gốc (base_rev) không hợp lệ"
    return None


def _fetch(store: Store, table: str, ids: list[str]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for row in store.db.query(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk):
            out[row["id"]] = row
    return out


def _check_payload(store: Store, raw: RawBundle, payload: dict[str, Any], cols_cache: dict[str, set[str]]) -> None:
    bad = f"Nội dung gói {raw.source} sai cấu trúc"
    tables = payload.get("tables")
    history = payload.get("history", {})
    if not isinstance(tables, dict) or not isinstance(history, dict):
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
        if not set(ROW_FIELDS) <= set(columns) or not set(columns) <= known or "local_seq" in columns \
                or len(set(columns)) != len(columns):
            raise SyncError(f"{bad}: cột của bảng {table} không khớp lược đồ. Gói bị từ chối.", code="tampered")
        if len(block["rows"]) != counts.get(table):
            raise SyncError(f"{bad}: số bản ghi bảng {table} không khớp bản kê. Gói bị từ chối.", code="tampered")
        width = len(columns)
        if any(not isinstance(r, list) or len(r) != width for r in block["rows"]):
            raise SyncError(f"{bad}: bản ghi bảng {table} sai số cột.", code="tampered")
        id_at = columns.index("id")
        if len({r[id_at] for r in block["rows"]}) != len(block["rows"]):
            raise SyncError(f"{bad}: bảng {table} có bản ghi trùng mã.", code="tampered")


# --------------------------------------------------------------------------- importing


def import_bundles(store: Store, paths: Iterable[str | Path], *, dry_run: bool = False, backup: bool = True) -> ImportReport:
    """Import bundle files (a folder means every bundle file in it, sorted by name).

    Each bundle is decrypted and its signature, hashes, format and schema versions checked before
    anything is written; then all of them are merged in ONE transaction (after a backup copy of the
    database). ``dry_run`` reports what would happen and rolls everything back. A refused bundle does not
    stop the others; the report says why.
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
        self.fks: dict[str, list[tuple[str, str]]] = {}
        self.own_fp = _keys.own_fingerprint(store)
        self.schema = store.schema_version()
        self.released: list[Path] = []

    def ensure_backup(self) -> None:
        if self.backup and self.backup_path is None:
            self.backup_path = str(_backups.before_import(self.store.path, what="gói đồng bộ").path)


def _import(store: Store, items: list[_Item], *, dry_run: bool, backup: bool) -> ImportReport:
    if not store.unit_code:
        raise SyncError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ” trước.", code="no_unit")
    _keys.ensure_keys(store)
    report = ImportReport(dry_run=dry_run, at=now_iso())
    ctx = _Context(store, dry_run=dry_run, backup=backup)
    # a large page cache for the one big transaction (random ids touch pages all over the indexes)
    cache_size = store.db.execute("PRAGMA cache_size").fetchone()[0]
    store.db.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        with store.atomic():
            cur = store.db.execute(
                "INSERT INTO sync_imports (at, operator, report_json) VALUES (?, ?, '{}')", [report.at, store.operator]
            )
            ctx.import_id = report.import_id = cur.lastrowid
            for item in items:
                br = BundleReport(source=item.source)
                report.bundles.append(br)
                try:
                    raw = open_bundle(item.path, source=item.source, schema_version=ctx.schema)
                    br.bundle_id = raw.bundle_id
                    br.from_unit = raw.origin.get("unit_code")
                    # rotations and revocations hold whatever becomes of the bundle
                    br.notes.extend(_keys.apply_key_statements(store, str(br.from_unit), raw.manifest.get("key_statements")))
                    with store.db.atomic():  # a savepoint: a bundle is applied whole or not at all
                        writer = RowWriter(store)
                        try:
                            _import_one(ctx, raw, br, writer)
                            writer.flush()
                        except BaseException:
                            writer.discard()
                            raise
                except SyncError as exc:
                    br.status, br.message, br.error_code = "refused", str(exc), exc.code
                if item.held_id is not None and br.status != "held":
                    done = _held.release(store, item.held_id, "released" if br.status in ("merged", "already") else br.status)
                    if done is not None:
                        ctx.released.append(done)
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
    return report


def _hold(ctx: _Context, raw: RawBundle, br: BundleReport, fp: str, reason: str) -> None:
    _held.hold(ctx.store, raw, fingerprint=fp, reason=reason, dry_run=ctx.dry_run)
    br.status = "held"
    br.message = (f"{reason} Gói được tạm giữ, chưa hợp nhất. Sau khi đối chiếu dấu vân tay {fp} và ghi danh "
                  "(“tdkt enroll TỆP”), chạy “tdkt bundle held --retry”.")


def _import_one(ctx: _Context, raw: RawBundle, br: BundleReport, writer: RowWriter) -> None:
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
    known = list(store.db.query("SELECT hash FROM sync_incoming WHERE bundle_id = ?", [raw.bundle_id]))
    if known:
        if known[0]["hash"] == raw.hash:
            br.status = "already"
            br.message = "Gói này đã được nhập trước đây; không có gì thay đổi."
            return
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
        _hold(ctx, raw, br, fp, reason)
        return
    if peer["install_id"] != origin["install_id"] and peer["install_id"] in (origin.get("previous_installs") or []):
        br.notes.append(_keys.accept_new_install(store, peer, origin["install_id"]))
    elif peer["install_id"] != origin["install_id"]:
        raise SyncError(
            f"Gói {raw.source} ghi bản cài đặt {origin['install_id']} nhưng khóa đã ghi danh thuộc bản cài đặt "
            f"{peer['install_id']} của đơn vị {sender}. Gói bị từ chối.",
            code="wrong_origin",
        )
    tree = UnitTree(store)
    rel = relation(store, tree, sender, peer_parent=peer["parent_code"])
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

    # ------------------------------------------------------------------ everything checked: merge
    ctx.ensure_backup()
    conn = store.db.conn
    history = {k: v for k, v in payload.get("history", {}).items() if isinstance(v, list)}
    revisions = Revisions(store, history)
    acceptance = Acceptance(store, tree, sender, direction)
    accepted: dict[str, set[str]] = {}
    edges: list[tuple[str, str | None]] = []
    now = now_iso()
    for table in SYNCED_TABLES:
        block = payload["tables"].get(table)
        if not block:
            continue
        columns = block["columns"]
        rows = [dict(zip(columns, values, strict=True)) for values in block["rows"]]
        held_rows = _fetch(store, table, [r["id"] for r in rows if isinstance(r.get("id"), str)])
        fks = _foreign_keys(store, table, ctx.fks)
        mine = accepted.setdefault(table, set())
        for row in rows:
            rid = str(row.get("id"))
            reason = _row_problem(row)
            if reason is None:
                reason = acceptance.accept_unit_row(row) if table == "units" else acceptance.reason(table, row)
            held = held_rows.get(rid)
            if reason is None and held is not None and held["owner_unit"] != row["owner_unit"]:
                reason = f"bản ghi ở đây thuộc đơn vị {held['owner_unit']}, gói không được đổi sang {row['owner_unit']}"
            if reason is None:
                for col, ref in fks:
                    value = row.get(col)
                    if value is None or value in accepted.setdefault(ref, set()):
                        continue
                    if conn.execute(f"SELECT 1 FROM {ref} WHERE id = ?", [value]).fetchone():
                        accepted[ref].add(value)
                        continue
                    reason = f"tham chiếu tới {ref} {value} chưa có ở đây"
                    break
            if reason is not None:
                br.reject(table, rid, reason)
                continue
            mine.add(rid)
            chain = history.get(row["rev"]) or ([row["base_rev"]] if row.get("base_rev") else [])
            previous = row["rev"]
            for anc in chain:
                if isinstance(anc, str):
                    edges.append((previous, anc))
                    previous = anc
            if held is None:
                writer.put(table, row, None)
                br.count(table, "new")
                continue
            if row["rev"] == held["rev"]:
                br.count(table, "unchanged")
                continue
            if row.get("base_rev") == held["rev"] or revisions.incoming_descends_from(row, held["rev"]):
                writer.put(table, row, held)
                br.count(table, "updated")
                continue
            if revisions.held_descends_from(held["rev"], row["rev"]):
                br.count(table, "stale")
                continue
            known_loser = conn.execute(
                "SELECT 1 FROM sync_conflicts WHERE table_name = ? AND record_id = ? AND ((winner = 'held' AND "
                "incoming_rev = ?) OR (winner = 'incoming' AND held_rev = ?))",
                [table, rid, row["rev"], row["rev"]],
            ).fetchone()
            if known_loser:
                br.count(table, "unchanged")
                continue
            incoming_wins = (row["gen"], row["rev"]) > (int(held["gen"]), held["rev"])
            if incoming_wins:
                writer.put(table, row, held)
            held_version = {k: v for k, v in held.items() if k != "local_seq"}
            conn.execute(
                "INSERT OR IGNORE INTO sync_conflicts (at, table_name, record_id, bundle_id, from_unit, winner, held_rev,"
                " incoming_rev, held_json, incoming_json, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                [now, table, rid, raw.bundle_id, sender, "incoming" if incoming_wins else "held", held["rev"], row["rev"],
                 json.dumps(held_version, ensure_ascii=False, sort_keys=True),
                 json.dumps(row, ensure_ascii=False, sort_keys=True)],
            )
            br.count(table, "conflict")
            if len(br.conflicts) < MAX_LISTED:
                br.conflicts.append({"table": table, "id": rid, "winner": "incoming" if incoming_wins else "held",
                                     "held_rev": held["rev"], "incoming_rev": row["rev"]})
    for i in range(0, len(edges), 5000):
        conn.executemany("INSERT OR IGNORE INTO sync_rev_log (rev, base_rev) VALUES (?, ?)", edges[i : i + 5000])

    # ------------------------------------------------------------------ counters, acknowledgements, history
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
    conn.execute(
        "INSERT INTO sync_incoming (bundle_id, hash, from_unit, origin_install, seq_to, clock_from, clock_to, prev_hash,"
        " imported_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [raw.bundle_id, raw.hash, sender, origin["install_id"], int(local_seq.get("to") or 0), c_from, c_to, prev_hash,
         now, ctx.import_id],
    )
    br.status = "checked" if ctx.dry_run else "merged"


# --------------------------------------------------------------------------- conflicts


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[Row]:
    """The conflict queue: both versions of each record edited in two places, and which one is kept."""
    sql = "SELECT * FROM sync_conflicts"
    if not include_resolved:
        sql += " WHERE status = 'open'"
    out = []
    for r in store.db.query(sql + " ORDER BY id"):
        r["held"] = json.loads(r.pop("held_json"))
        r["incoming"] = json.loads(r.pop("incoming_json"))
        out.append(r)
    return out


def resolve_conflict(store: Store, conflict_id: int, *, choose: str) -> Row:
    """Keep the ``"held"`` or the ``"incoming"`` version of a queued conflict.

    When the chosen version is not the one in force, its content becomes a new local edit (a new
    revision on top of the current one), which travels in the next bundles like any edit.
    """
    if choose not in ("held", "incoming"):
        raise SyncError("Chọn phiên bản cần giữ: “held” (bản đang có) hoặc “incoming” (bản nhận được).", code="refused")
    rows = list(store.db.query("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id]))
    if not rows:
        raise SyncError(f"Không có xung đột số {conflict_id}. Xem danh sách bằng “tdkt conflicts list”.", code="not_found")
    conflict = rows[0]
    if conflict["status"] != "open":
        raise SyncError(f"Xung đột số {conflict_id} đã được xử lý ({conflict['resolution']}).", code="refused")
    table, record_id = conflict["table_name"], conflict["record_id"]
    chosen: Row = json.loads(conflict[f"{choose}_json"])
    with store.atomic():
        current = store.get(table, record_id, include_deleted=True)
        if current is None:
            raise SyncError(f"Không còn bản ghi {record_id} trong bảng {table}.", code="not_found")
        if current["rev"] != chosen["rev"]:
            names = [f.name for f in KINDS[table].fields]
            changes = {n: chosen.get(n) for n in names if n in chosen and chosen.get(n) != current.get(n)}
            if current["deleted"] and not chosen.get("deleted"):
                store.restore(table, record_id)
            if changes and not chosen.get("deleted"):
                store.update(table, record_id, changes)
            if chosen.get("deleted") and not current["deleted"]:
                store.delete(table, record_id)
        store.db.execute(
            "UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_at = ? WHERE id = ?",
            [choose, now_iso(), conflict_id],
        )
        # the same pair may be queued again by another bundle: close those too
        store.db.execute(
            "UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_at = ? WHERE status = 'open' AND"
            " table_name = ? AND record_id = ? AND held_rev IN (?, ?) AND incoming_rev IN (?, ?)",
            [choose, now_iso(), table, record_id, conflict["held_rev"], conflict["incoming_rev"],
             conflict["held_rev"], conflict["incoming_rev"]],
        )
    result = store.get(table, record_id, include_deleted=True)
    assert result is not None
    return result
