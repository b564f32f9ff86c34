"""Sync bundle benchmark: a province merging the bundles of all its communes.

    python benchmarks/bench_sync.py [--size 40] [--json] [--workdir DIR]   # the common table (size: communes)
    python benchmarks/bench_sync.py --communes 10 --rows 500 [--workdir DIR]  # the detailed report, any scale

Reports, in one run: the time to export the communes' bundles; the time for the province to merge
them all (one import of the whole folder, with every check of scope and authority on every row and
field) against a bare SQLite upsert of the same rows — every row it writes — with the same indexes (ratio); the
time to import the same folder again (every bundle already imported) as a ratio to the first import; a second
round where every commune edited a share of its nominations (the field-by-field merge of versions the province
holds); and the peak memory of the importing process (ru_maxrss of a separate process that does only the
import).

The baseline of the goal is a bare upsert of **every** row the merge writes, read back from the province database
after the merge: the records as stored (the received columns and the local ones, sort key included), and the rows
it wrote beside them — their search-index rows (``search_index``, the full-text table with its prefix indexes, and
``search_keys``) and their audit entries (``audit_log``) — into bare copies of the same tables with the same
indexes, no triggers, with one prepared ``INSERT … ON CONFLICT(id) DO UPDATE`` per table (a plain insert into the
full-text table, which has no upsert), in one transaction. (Since m009 a record's revisions live in its own
columns — ``rev``, ``vv``, ``stamps`` —: there is no revision-log table left to copy.) What the merge costs above it
is the work done in Python: reading and checking every received version, its revision hash computed again, the
authority of each writer, the sort key and search text.

A reference row (no goal) compares the merge with a bare upsert of the record rows alone (no audit entries,
no search index) into copies of their tables and indexes, written the same way.

``run(size)`` (``size`` communes of 3,000 rows) gives the rows of ``benchmarks/common.py`` for
``benchmarks/run_all.py``; the goal is stated at 40 communes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import common

from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import SYNCED_TABLES, Store
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, import_bundles, read_enrolment

PROVINCE = "92"
MEMORY_GOAL_MIB = 300


def _units(store: Store, rows: list[tuple[str, str, str, str | None]]) -> None:
    with store.atomic():
        for code, name, level, parent in rows:
            values = {"code": code, "name": name, "level": level}
            if parent:
                values["parent_code"] = parent
            store.insert("units", values)


def _fill(store: Store, code: str, n: int) -> None:
    """``n`` changed rows owned by the commune (half people, half nominations), with the same sync columns
    (version vector, field stamps, content-hashed revision) Store.insert gives, written in bulk."""
    seq = store.current_local_seq()
    rows: dict[str, list[dict[str, object]]] = {"people": [], "nominations": []}
    with store.atomic():
        for i in range(n):
            seq += 1
            if i % 2 == 0:
                values: dict[str, object] = {"full_name": f"Nguyễn Văn {code}-{i}", "gender": "male",
                                             "birth_date": "1980-05-01", "position": "Cán bộ", "unit_code": code}
                table = "people"
            else:
                person = rows["people"][-1]
                values = {"subject_kind": "person", "subject_id": person["id"], "subject_name": person["full_name"],
                          "title_code": "LDTT", "award_kind": "cong_trang", "year": 2025, "unit_code": code,
                          "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2025", "status": "submitted"}
                table = "nominations"
            row = store.new_version(table, values, record_id=str(uuid.uuid4()), owner_unit=code)
            row["local_seq"] = seq
            rows[table].append(row)
        for table, batch in rows.items():
            cols = list(batch[0])
            store.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [[r[c] for c in cols] for r in batch],
            )
        store.set_meta("local_seq", str(seq))


def _edit(store: Store, share: float) -> int:
    """Edit a share of the commune's nominations (one field each) through the store, as a person would."""
    noms = store.rows("nominations")
    edited = noms[: int(len(noms) * share)]
    with store.atomic():
        for nom in edited:
            store.update("nominations", nom["id"], {"achievement": f"{nom['achievement']} (bổ sung)"})
    return len(edited)


def generate(work: Path, communes: int, rows: int, share: float) -> tuple[Path, Path, Path, float]:
    codes = [f"{30000 + 3 * i:05d}" for i in range(communes)]
    prov = open_store(work / "province.sqlite", operator="Sở Nội vụ")
    prov.set_meta("unit_code", PROVINCE)
    _units(prov, [(PROVINCE, "Thành phố Cần Thơ", "province", None)]
           + [(c, f"Xã {c}", "commune", PROVINCE) for c in codes])
    prov_enrolment = read_enrolment(export_enrolment(prov))
    inbox = work / "inbox"
    inbox.mkdir()
    edits = work / "edits"
    edits.mkdir()
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
        _edit(commune, share)  # a second round: edits of records the province holds (the merge path)
        export_bundle(commune, PROVINCE, edits / f"{code}.tdktgoi")
        commune.close()
    prov.close()
    return work / "province.sqlite", inbox, edits, export_time


def phase_import(db: Path, inbox: Path, edits: Path) -> dict[str, float]:
    """Run in its own process: first import, re-import, the edits round, and the bare-upsert baseline."""
    store = open_store(db)
    seq_before = store.current_local_seq()
    audit_before = store.db.execute("SELECT COALESCE(max(id), 0) FROM audit_log").fetchone()[0]
    keys_before = {r[0] for r in store.db.execute("SELECT id FROM search_keys").fetchall()}
    started = time.perf_counter()
    report = import_bundles(store, [inbox])
    first = time.perf_counter() - started
    assert report.exit_code == 0, report.summary()
    merged = report.total("new")
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the rows as the merge stored them, for the baseline (read before the rounds below write them again)
    stored: list[tuple[str, list[str], list[tuple[object, ...]]]] = []
    for table in SYNCED_TABLES:
        cur = store.db.execute(f"SELECT * FROM {table} WHERE local_seq > ?", [seq_before])
        cols = [d[0] for d in cur.description]
        found = cur.fetchall()
        if found:
            stored.append((table, cols, found))
    assert sum(len(r) for _, _, r in stored) >= merged
    # and what the merge wrote beside them: audit entries, search keys and search-index rows
    beside = _written_beside(store, audit_before, keys_before)
    started = time.perf_counter()
    again = import_bundles(store, [inbox])
    second = time.perf_counter() - started
    assert {b.status for b in again.bundles} == {"already"}
    started = time.perf_counter()
    round2 = import_bundles(store, [edits])
    edit_time = time.perf_counter() - started
    assert round2.exit_code == 0, round2.summary()
    updated = round2.total("updated") + round2.total("merged")

    # baseline: the rows the first merge stored, upserted into bare copies of the same tables and indexes
    bare = db.with_name("bare.sqlite")
    conn = sqlite3.connect(str(bare), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    marks = ",".join("?" * len(SYNCED_TABLES))
    for (sql,) in store.db.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY type DESC",
        list(SYNCED_TABLES),
    ).fetchall():
        conn.execute(sql)
    # the schema of the tables written beside the records, for the reference row (the full-text table's own
    # tables are made by its CREATE VIRTUAL TABLE)
    schema = [sql for (sql,) in store.db.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
        f" AND (tbl_name IN ({marks}) OR tbl_name IN ({','.join('?' * len(BESIDE))})) ORDER BY type DESC, name",
        [*SYNCED_TABLES, *BESIDE],
    ).fetchall()]
    store.close()
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table, cols, found in stored:
        sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) ON CONFLICT(id) DO UPDATE SET {sets}",
            found,
        )
    conn.execute("COMMIT")
    baseline = time.perf_counter() - started
    conn.close()
    everything = _bare_everything(db.with_name("bare-all.sqlite"), schema, stored, beside)
    return {"first_import_s": first, "reimport_s": second, "bare_upsert_s": baseline, "rows_merged": merged,
            "edits_import_s": edit_time, "rows_edited": updated, "peak_rss_import_mib": rss_import,
            "bare_all_s": everything, "rows_beside": sum(len(r) for _, _, r in beside)}


BESIDE = ("audit_log", "search_keys", "search_index")  # the tables a merge writes beside the records


def _written_beside(store: Store, audit_before: int, keys_before: set[int]) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    """The rows the merge added to :data:`BESIDE`: its audit entries, and the search keys and index rows of the
    records it indexed."""
    out: list[tuple[str, list[str], list[tuple[object, ...]]]] = []
    cur = store.db.execute("SELECT * FROM audit_log WHERE id > ?", [audit_before])
    out.append(("audit_log", [d[0] for d in cur.description], cur.fetchall()))
    keys = [r for r in store.db.execute("SELECT * FROM search_keys").fetchall() if r[0] not in keys_before]
    out.append(("search_keys", ["id", "kind", "record_id"], keys))
    index = []
    for start in range(0, len(keys), 500):
        ids = [r[0] for r in keys[start:start + 500]]
        index += store.db.execute(
            "SELECT rowid, kind, record_id, sort_key, body FROM search_index WHERE rowid IN"
            f" ({','.join('?' * len(ids))})", ids).fetchall()
    out.append(("search_index", ["rowid", "kind", "record_id", "sort_key", "body"], index))
    return out


def _bare_everything(path: Path, schema: list[str], stored: list[tuple[str, list[str], list[tuple[object, ...]]]],
                     beside: list[tuple[str, list[str], list[tuple[object, ...]]]]) -> float:
    """Seconds to write every row the merge wrote (the records and the rows beside them) into bare copies of
    their tables and indexes (no triggers), in one transaction: an upsert by id, a plain insert into the
    full-text table (which has no upsert)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for sql in schema:
        conn.execute(sql)
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table, cols, found in [*stored, *beside]:
        if not found:
            continue
        names = ", ".join(cols)
        marks = ", ".join("?" * len(cols))
        if "id" in cols:
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}"
        else:
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        conn.executemany(sql, found)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def measure(communes: int, rows_each: int, share: float = 0.2, workdir: Path | None = None) -> dict[str, float]:
    """Generate the province and its communes' bundles, then run the import phase in a process of its own."""
    work = workdir or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        db, inbox, edits, export_time = generate(work, communes, rows_each, share)
        gen_time = time.perf_counter() - started
        size = sum(p.stat().st_size for p in inbox.iterdir())
        proc = subprocess.run(
            [sys.executable, __file__, "--phase", "import", "--db", str(db), "--inbox", str(inbox), "--edits",
             str(edits)],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(proc.stdout + proc.stderr)
        r: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        if workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    r.update(communes=communes, rows_each=rows_each, generation_s=gen_time, export_s=export_time, bundles_mb=size / 1e6,
             load_before=load_before, load_after=os.getloadavg()[0])
    return r


def table_rows(r: dict[str, float]) -> list[common.Row]:
    """The rows of ``benchmarks/run_all.py``'s table for one measurement."""
    what = f"{int(r['communes'])} communes × {int(r['rows_each']):,} rows"
    return [
        common.result(f"sync: province merge, {what} (bare: an upsert of every row it writes — records, their"
                      " search-index rows and keys, audit entries — with the same indexes)",
                      r["first_import_s"] * 1000, r["bare_all_s"] * 1000, max_ratio=2),
        common.result("sync: reference — the same merge against a bare upsert of the record rows alone",
                      r["first_import_s"] * 1000, r["bare_upsert_s"] * 1000),
        common.result("sync: the same bundles imported again (baseline: the first merge)", r["reimport_s"] * 1000,
                      r["first_import_s"] * 1000, max_ratio=0.05),
        common.result(f"sync: {int(r['rows_edited']):,} rows edited below, merged field by field",
                      r["edits_import_s"] * 1000),
        common.result("sync: peak memory of the merge", r["peak_rss_import_mib"], unit="MiB",
                      max_figure=MEMORY_GOAL_MIB),
    ]


def run(size: int = 40, workdir: Path | None = None) -> list[common.Row]:
    """``size`` communes of 3,000 changed rows each, generated afresh (in ``workdir``/province, kept until the next
    run, when given)."""
    folder = None
    if workdir is not None:
        folder = workdir / "province"
        shutil.rmtree(folder, ignore_errors=True)
    return table_rows(measure(size, 3000, workdir=folder))


DETAILED_FLAGS = ("--communes", "--rows", "--edit-share", "--phase")


def detailed(argv: list[str]) -> bool:
    """The command line asks for the detailed report (or the import phase) rather than the common table."""
    return any(arg.split("=", 1)[0] in DETAILED_FLAGS for arg in argv)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=40)
    parser.add_argument("--rows", type=int, default=3000, help="changed rows per commune")
    parser.add_argument("--edit-share", type=float, default=0.2,
                        help="share of each commune's nominations edited for the second round (default 0.2)")
    parser.add_argument("--workdir", help="keep the generated databases and bundles here")
    parser.add_argument("--phase", choices=("import",), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--inbox", help=argparse.SUPPRESS)
    parser.add_argument("--edits", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "import":
        print(json.dumps(phase_import(Path(args.db), Path(args.inbox), Path(args.edits))))
        return 0
    try:
        r = measure(args.communes, args.rows, args.edit_share, Path(args.workdir) if args.workdir else None)
    except RuntimeError as exc:
        sys.stderr.write(str(exc))
        return 1
    total = args.communes * args.rows
    print(f"Province with {args.communes} communes × {args.rows} changed rows = {total:,} rows "
          f"(load average {r['load_before']:.2f} before, {r['load_after']:.2f} after; {os.cpu_count()} CPUs)")
    print(f"  generation (databases + bundles): {r['generation_s']:8.1f} s; bundles {r['bundles_mb']:.1f} MB")
    print(f"  export of {args.communes} bundles (sign + encrypt): {r['export_s']:8.2f} s "
          f"({r['export_s'] / args.communes * 1000:.1f} ms per bundle)")
    print(f"  merge (one import of the folder):    {r['first_import_s']:8.2f} s "
          f"({r['rows_merged'] / r['first_import_s']:,.0f} rows/s)")
    print(f"  bare SQLite upsert of every row the merge wrote (records + {r['rows_beside']:,} search-index, search-key "
          f"and audit rows; same tables and indexes), one transaction: {r['bare_all_s']:8.2f} s → merge/bare ratio "
          f"{r['first_import_s'] / r['bare_all_s']:.2f}× (goal ≤ 2×)")
    print(f"  (reference) bare SQLite upsert of the record rows alone (same tables and indexes), one transaction: "
          f"{r['bare_upsert_s']:8.2f} s → merge/bare ratio {r['first_import_s'] / r['bare_upsert_s']:.1f}×")
    print(f"  re-import (all already imported):    {r['reimport_s']:8.2f} s "
          f"→ {r['reimport_s'] / r['first_import_s']:.3f} of the first import")
    print(f"  edits round ({r['rows_edited']:,} rows edited below, merged field by field): "
          f"{r['edits_import_s']:8.2f} s ({r['rows_edited'] / max(r['edits_import_s'], 1e-9):,.0f} rows/s)")
    print(f"  peak memory of the importing process during the first merge: {r['peak_rss_import_mib']:.0f} MiB "
          "(ru_maxrss)")
    print()
    print(common.table(table_rows(r)))
    return 0


if __name__ == "__main__":
    if detailed(sys.argv[1:]):
        raise SystemExit(main())
    raise SystemExit(common.main(run, 40, description=__doc__))
