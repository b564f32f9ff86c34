"""Sync bundle benchmark: a province merging the bundles of all its communes.

    python benchmarks/bench_sync.py                      # 168 communes × 3,000 changed rows (full size)
    python benchmarks/bench_sync.py --communes 10 --rows 500   # a quick run

Reports, in one run: the time to export the communes' bundles; the time for the province to merge
them all (one import of the whole folder) against a bare SQLite upsert of the same rows in one
transaction (ratio); the time to import the same folder again (every bundle already imported) as a
ratio to the first import; and the peak memory of the importing process (ru_maxrss of a separate
process that does only the import).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES, Store, make_rev, now_iso
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, import_bundles, read_enrolment
from tdkt_desktop.sync.bundle import decode_payload, open_bundle, open_payload
from tdkt_desktop.sync.keys import box_key

PROVINCE = "92"


def _units(store: Store, rows: list[tuple[str, str, str, str | None]]) -> None:
    with store.atomic():
        for code, name, level, parent in rows:
            values = {"code": code, "name": name, "level": level}
            if parent:
                values["parent_code"] = parent
            store.insert("units", values)


def _fill(store: Store, code: str, n: int) -> None:
    """``n`` changed rows owned by the commune (half people, half nominations), written with the same
    sync columns Store.insert would give, in bulk."""
    install = store.install_id
    clock = store.current_clock()
    seq = store.current_local_seq()
    now = now_iso()
    people, noms = [], []
    for i in range(n):
        clock += 1
        seq += 1
        rid = str(uuid.uuid4())
        sync = (rid, code, now, now, install, clock, 1, make_rev(1, install, clock), None, seq, 0)
        if i % 2 == 0:
            people.append((*sync, f"Nguyễn Văn {code}-{i}", "male", "1980-05-01", "Cán bộ", code))
        else:
            noms.append((*sync, "person", people[-1][0], people[-1][11], "LDTT", "cong_trang", 2025, code,
                         "Hoàn thành xuất sắc nhiệm vụ năm 2025", "submitted"))
    cols = "id, owner_unit, created_at, updated_at, origin_install, clock, gen, rev, base_rev, local_seq, deleted"
    with store.atomic():
        store.db.conn.executemany(
            f"INSERT INTO people ({cols}, full_name, gender, birth_date, position, unit_code)"
            f" VALUES ({', '.join('?' * 16)})", people)
        store.db.conn.executemany(
            f"INSERT INTO nominations ({cols}, subject_kind, subject_id, subject_name, title_code, award_kind, year,"
            f" unit_code, achievement, status) VALUES ({', '.join('?' * 20)})", noms)
        store.set_meta("clock", str(clock))
        store.set_meta("local_seq", str(seq))


def generate(work: Path, communes: int, rows: int) -> tuple[Path, Path, float]:
    codes = [f"{30000 + 3 * i:05d}" for i in range(communes)]
    prov = open_store(work / "province.sqlite", operator="Sở Nội vụ")
    prov.set_meta("unit_code", PROVINCE)
    _units(prov, [(PROVINCE, "Thành phố Cần Thơ", "province", None)]
           + [(c, f"Xã {c}", "commune", PROVINCE) for c in codes])
    prov_enrolment = read_enrolment(export_enrolment(prov))
    inbox = work / "inbox"
    inbox.mkdir()
    export_time = 0.0
    for code in codes:
        path = work / "communes" / f"{code}.sqlite"
        path.parent.mkdir(exist_ok=True)
        commune = open_store(path, operator=f"Cán bộ {code}")
        commune.set_meta("unit_code", code)
        _units(commune, [(code, f"Xã {code}", "commune", PROVINCE), (PROVINCE, "Thành phố Cần Thơ", "province", None)])
        enroll(commune, prov_enrolment, confirmed=True)
        enroll(prov, read_enrolment(export_enrolment(commune)), confirmed=True)
        _fill(commune, code, rows)
        started = time.perf_counter()
        export_bundle(commune, PROVINCE, inbox / f"{code}.tdktgoi")
        export_time += time.perf_counter() - started
        commune.close()
    prov.close()
    return work / "province.sqlite", inbox, export_time


def phase_import(db: Path, inbox: Path) -> dict[str, float]:
    """Run in its own process: first import, re-import, and the bare-upsert baseline on the same rows."""
    store = open_store(db)
    started = time.perf_counter()
    report = import_bundles(store, [inbox])
    first = time.perf_counter() - started
    assert report.exit_code == 0, report.summary()
    merged = report.total("new")
    started = time.perf_counter()
    again = import_bundles(store, [inbox])
    second = time.perf_counter() - started
    assert {b.status for b in again.bundles} == {"already"}
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # baseline: the same rows (already decrypted and decoded) upserted into bare copies of the tables
    own_box = box_key(store)
    schema = store.schema_version()
    bare = db.with_name("bare.sqlite")
    conn = __import__("sqlite3").connect(str(bare))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    # the same tables and indexes; no triggers, audit log or search index
    marks = ",".join("?" * len(SYNCED_TABLES))
    for (sql,) in store.db.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY type DESC",
        list(SYNCED_TABLES),
    ).fetchall():
        conn.execute(sql)
    batches = []
    for path in sorted(inbox.iterdir()):
        raw = open_bundle(path.read_bytes(), source=path.name, schema_version=schema)
        payload = open_payload(raw, own_box)
        batches.append(payload["tables"])
    store.close()
    started = time.perf_counter()
    conn.execute("BEGIN")
    for tables in batches:
        for table, block in tables.items():
            cols = block["columns"]
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}, local_seq) VALUES ({', '.join('?' * (len(cols) + 1))})"
                f" ON CONFLICT(id) DO UPDATE SET {sets}",
                [(*r, 0) for r in block["rows"]],
            )
    conn.execute("COMMIT")
    baseline = time.perf_counter() - started
    conn.close()
    return {"first_import_s": first, "reimport_s": second, "bare_upsert_s": baseline, "rows_merged": merged,
            "peak_rss_import_mib": rss_import}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=168)
    parser.add_argument("--rows", type=int, default=3000, help="changed rows per commune")
    parser.add_argument("--workdir", help="keep the generated databases and bundles here")
    parser.add_argument("--phase", choices=("import",), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--inbox", help=argparse.SUPPRESS)
    args = parser.parse_args()
    _ = decode_payload  # the baseline uses the same decoder as the import
    if args.phase == "import":
        print(json.dumps(phase_import(Path(args.db), Path(args.inbox))))
        return 0

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        db, inbox, export_time = generate(work, args.communes, args.rows)
        gen_time = time.perf_counter() - started
        size = sum(p.stat().st_size for p in inbox.iterdir())
        proc = subprocess.run(
            [sys.executable, __file__, "--phase", "import", "--db", str(db), "--inbox", str(inbox)],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            return 1
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        total = args.communes * args.rows
        print(f"Province with {args.communes} communes × {args.rows} changed rows = {total:,} rows")
        print(f"  generation (databases + bundles): {gen_time:8.1f} s; bundles {size / 1e6:.1f} MB")
        print(f"  export of {args.communes} bundles (sign + encrypt): {export_time:8.2f} s "
              f"({export_time / args.communes * 1000:.1f} ms per bundle)")
        print(f"  merge (one import of the folder):    {r['first_import_s']:8.2f} s "
              f"({r['rows_merged'] / r['first_import_s']:,.0f} rows/s)")
        print(f"  bare SQLite upsert (same tables and indexes), one transaction: {r['bare_upsert_s']:8.2f} s "
              f"→ merge/bare ratio {r['first_import_s'] / r['bare_upsert_s']:.1f}×")
        print(f"  re-import (all already imported):    {r['reimport_s']:8.2f} s "
              f"→ {r['reimport_s'] / r['first_import_s']:.3f} of the first import")
        print(f"  peak memory of the importing process: {r['peak_rss_import_mib']:.0f} MiB (ru_maxrss)")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
