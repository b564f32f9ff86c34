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
