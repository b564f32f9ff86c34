"""The built application passes the smoke test (installer/smoke_test.py).

    bash installer/build_linux.sh
    TDKT_BUILT_APP=dist/tdkt-desktop .venv/bin/pytest tests/packaging -q
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILT = os.environ.get("TDKT_BUILT_APP", "")

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not BUILT, reason="set TDKT_BUILT_APP to a built application folder (dist/tdkt-desktop)"),
]


def app_dir() -> Path:
    path = Path(BUILT)
    return path if path.is_absolute() else ROOT / path


def test_built_folder_layout():
    app = app_dir()
    exe = ".exe" if sys.platform == "win32" else ""
    assert (app / f"tdkt-desktop{exe}").is_file()
    assert (app / f"tdkt{exe}").is_file()
    internal = app / "_internal"
    for folder in ("resources/admin_units", "resources/rulesets", "resources/icons", "forms"):
        assert (internal / folder).is_dir(), folder
    assert (internal / "resources" / "admin_units" / "SOURCE.md").is_file()
    assert not list(internal.rglob("test_*.py")), "tests must not be bundled"
    translations = {p.name for p in internal.rglob("*.qm") if "PySide6" in p.parts}
    assert all(("_vi" in n or "_en" in n) for n in translations), sorted(translations)
    for unused in ("WebEngineCore", "3DCore", "Quick", "Multimedia"):
        found = list(internal.rglob(f"*Qt{unused}*")) + list(internal.rglob(f"*Qt6{unused}*"))
        assert not found, found


def test_smoke_test_passes(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "smoke_test.py"), str(app_dir())],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=900,
        cwd=tmp_path,
    )
    print(proc.stdout)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]


def test_the_built_program_works_on_an_offices_server_database(pg_url, tmp_path):
    """The frozen program carries the server engine (driver, libpq, the SQL translator's dialects)."""
    exe = app_dir() / ("tdkt.exe" if sys.platform == "win32" else "tdkt")
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), TDKT_LOG_DIR=str(tmp_path / "logs"))

    def tdkt(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8", env=env,
                              timeout=300)

    init = tdkt("server", "init", pg_url, "--unit", "92", "--admin-name", "Nguyễn Văn An")
    assert init.returncode == 0, init.stdout + init.stderr
    person = tmp_path / "nguoi.json"
    person.write_text('{"full_name": "Trần Thị Bình"}', encoding="utf-8")
    added = tdkt("--db", pg_url, "records", "add", "people", "--file", str(person))
    assert added.returncode == 0, added.stdout + added.stderr
    found = tdkt("records", "list", "people", "--search", "tran thi binh", "--db", pg_url)
    assert found.returncode == 0 and "Trần Thị Bình" in found.stdout, found.stdout + found.stderr
