"""Errors that say what happened, on real file systems where the machine allows it: a full disk (a small
tmpfs), a read-only disk (the same, remounted read-only), a folder this account may not write; each has its
own Vietnamese message in the command line and never a traceback; what was saved stays, and reading works."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

# Runs inside a private mount namespace (its own tmpfs), or as another user: the scenario prints one JSON line.
SCENARIO = textwrap.dedent("""
    import contextlib, io, json, os, subprocess, sys
    from pathlib import Path
    from tdkt_desktop.cli import main

    case, folder = sys.argv[1], Path(sys.argv[2])
    db = folder / "phuong.sqlite"
    results = {}

    def run(name, *argv):
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = main(["--db", str(db), *argv])
        results[name] = {"code": code, "out": out.getvalue(), "err": err.getvalue()}

    def mount(*options):
        subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(folder)], check=True)

    if case in ("full", "readonly"):
        mount("size=4m", "mode=0700")
    if case != "permission":
        run("init", "init", "--unit", "31147")
        run("keys", "keys", "show")
    if case == "full":
        filler = folder / "filler.bin"
        with open(filler, "wb") as fh:
            try:
                while True:
                    fh.write(b"x" * 65536)
                    fh.flush()
            except OSError:
                pass
        with contextlib.suppress(OSError):
            with open(filler, "ab") as fh:
                while True:
                    fh.write(b"x" * 512)
                    fh.flush()
        run("demo", "demo")
        run("stats", "stats", "--json")
        run("check", "check")
        run("backup", "backup")
        results["partial"] = sorted(p.name for p in (folder / "backups" / ".partial").glob("*")) \\
            if (folder / "backups" / ".partial").is_dir() else []
        filler.unlink()
        run("demo_after", "demo")
        run("stats_after", "stats", "--json")
    elif case == "readonly":
        run("demo", "demo")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        run("stats", "stats", "--json")
        run("check", "check")
        run("keys_show", "keys", "show")
        run("write", "init", "--unit", "31147", "--operator", "Người khác")
        run("backup", "backup")
    elif case == "permission":
        run("stats", "stats", "--json")
        run("check", "check")
        run("keys_show", "keys", "show")
        run("write", "init", "--unit", "31147", "--operator", "Người khác")
    print(json.dumps(results, ensure_ascii=False))
""")


def _namespace_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        pytest.skip("needs Linux unshare for a private tmpfs")
    prefix = [unshare, "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        prefix[1:1] = ["--user", "--map-root-user"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"this machine allows no private mount namespace: {probe.stderr.decode(errors='replace')}")
    return prefix


def _scenario(prefix: list[str], case: str, folder: Path) -> dict[str, dict[str, object]]:
    env = {**os.environ, "TDKT_BUSY_TIMEOUT": "2"}
    proc = subprocess.run([*prefix, sys.executable, "-c", SCENARIO, case, str(folder)], capture_output=True, text=True,
                          timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    results: dict[str, dict[str, object]] = json.loads(proc.stdout.strip().splitlines()[-1])
    for name, r in results.items():
        if isinstance(r, dict):
            assert "Traceback" not in str(r["err"]) and "ngoài dự kiến" not in str(r["err"]), (name, r)
    return results


@pytest.mark.slow
@pytest.mark.sqlite_only  # the file's disk and folder
def test_a_full_disk_says_so_and_keeps_what_was_saved(tmp_path):
    folder = tmp_path / "o-day"
    folder.mkdir()
    r = _scenario(_namespace_prefix(), "full", folder)
    assert r["init"]["code"] == 0 and r["keys"]["code"] == 0
    assert r["demo"]["code"] == 1 and "đã đầy" in str(r["demo"]["err"]), r["demo"]
    assert "bị hỏng" not in str(r["demo"]["err"])
    assert r["stats"]["code"] == 0 and json.loads(str(r["stats"]["out"]))["campaigns"] == 0
    assert r["check"]["code"] == 0 and "Toàn vẹn dữ liệu: tốt." in str(r["check"]["out"])
    assert r["backup"]["code"] == 1 and ("Không đủ chỗ trống" in str(r["backup"]["err"]) or
                                         "đã đầy" in str(r["backup"]["err"])), r["backup"]
    assert r["partial"] == []
    assert r["demo_after"]["code"] == 0, r["demo_after"]
    assert json.loads(str(r["stats_after"]["out"]))["campaigns"] > 0


@pytest.mark.slow
@pytest.mark.sqlite_only  # the file's disk and folder
def test_a_read_only_disk_can_be_read_and_says_why_it_cannot_be_written(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    r = _scenario(_namespace_prefix(), "readonly", folder)
    assert r["demo"]["code"] == 0
    for name in ("stats", "check", "keys_show"):
        assert r[name]["code"] == 0, (name, r[name])
        assert "bị hỏng" not in str(r[name]["err"])
    assert json.loads(str(r["stats"]["out"]))["campaigns"] > 0
    assert r["write"]["code"] == 1 and "chỉ cho phép đọc" in str(r["write"]["err"]), r["write"]
    assert r["backup"]["code"] == 1 and "Traceback" not in str(r["backup"]["err"])


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.sqlite_only  # the file's disk and folder
def test_a_folder_this_account_may_not_write(tmp_path):
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import init_unit

    if os.geteuid() == 0:  # another account must be able to reach the folder: not under pytest's private folder
        tmp_path = Path(tempfile.mkdtemp(prefix="tdkt-quyen-", dir="/tmp"))
        os.chmod(tmp_path, 0o755)
    folder = tmp_path / "cua-nguoi-khac"
    folder.mkdir()
    with open_store(folder / "phuong.sqlite") as s:
        init_unit(s, code="31147")
        s.insert("people", {"full_name": "Võ Thị Sáu"})
    from tdkt_desktop.sync import ensure_keys

    with open_store(folder / "phuong.sqlite") as s:
        ensure_keys(s)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root ignores permissions and setpriv is missing")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, 65534, 65534)
    for path in folder.iterdir():
        path.chmod(0o400)
    folder.chmod(0o500)
    try:
        env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
        proc = subprocess.run([*prefix, sys.executable, "-c", SCENARIO, "permission", str(folder)], capture_output=True,
                              text=True, timeout=300, env=env)
        assert proc.returncode == 0, proc.stderr
        r = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        folder.chmod(0o700)
        if os.geteuid() == 0:
            shutil.rmtree(tmp_path, ignore_errors=True)
    for name in ("stats", "check", "keys_show"):
        assert r[name]["code"] == 0, (name, r[name])
        assert "Traceback" not in r[name]["err"]
    assert json.loads(r["stats"]["out"])["people"] == 1
    assert r["write"]["code"] == 1 and "không có quyền ghi" in r["write"]["err"], r["write"]
    assert "Traceback" not in r["write"]["err"]
