"""Killing the importing process at any moment leaves the database as before or fully merged."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import check_integrity
from tdkt_desktop.sync import import_bundles

from .test_sync_helpers import COMMUNES, PROVINCE, copy_installation, dump_json, make_node, pair, send

IMPORT = """
import sys
from tdkt_desktop.store import open_store
from tdkt_desktop.sync import import_bundles
store = open_store(sys.argv[1])
print("start", flush=True)
report = import_bundles(store, [sys.argv[2]])
store.close()
print(report.exit_code, flush=True)
"""


def _state(db: Path) -> str:
    store = open_store(db)
    try:
        assert check_integrity(store) == []
        return dump_json(store)
    finally:
        store.close()


def _run(db: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", IMPORT, str(db), str(folder)], stdout=subprocess.PIPE, text=True)


@pytest.mark.slow
@pytest.mark.sqlite_only  # a program killed on the file (the server: test_store_server.py)
def test_killing_the_import_never_corrupts(tmp_path):
    prov = make_node(tmp_path, PROVINCE)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for code in COMMUNES[:2]:
        commune = make_node(tmp_path, code)
        pair(prov, commune)
        with commune.atomic():
            for i in range(700):
                commune.insert("people", {"full_name": f"Cán bộ {code} số {i}", "unit_code": code})
        send(commune, prov, folder)
        commune.close()
    prov.close()
    base = tmp_path / "base.sqlite"
    copy_installation(tmp_path / f"{PROVINCE}.sqlite", base)
    before = _state(base)

    full = tmp_path / "full.sqlite"
    copy_installation(base, full)
    started = time.perf_counter()
    proc = _run(full, folder)
    out, _ = proc.communicate(timeout=120)
    duration = time.perf_counter() - started
    assert proc.returncode == 0 and out.split()[-1] == "0", out
    after = _state(full)
    assert after != before

    rng = random.Random(20251231)
    outcomes = set()
    for i in range(5):
        db = tmp_path / f"run{i}.sqlite"
        copy_installation(base, db)
        proc = _run(db, folder)
        assert proc.stdout is not None
        proc.stdout.readline()  # the store is open; the import is starting
        time.sleep(rng.uniform(0, duration * 0.6))
        proc.kill()
        proc.wait(timeout=30)
        state = _state(db)
        assert state in (before, after)
        outcomes.add("before" if state == before else "after")
        store = open_store(db)
        try:
            report = import_bundles(store, [folder])
            assert {b.status for b in report.bundles} <= {"merged", "already"}
            assert report.exit_code == 0
        finally:
            store.close()
        assert _state(db) == after
    assert "before" in outcomes  # at least one kill landed before the commit
