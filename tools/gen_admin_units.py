#!/usr/bin/env python3
"""Generate ``resources/admin_units/`` from the data of the ``vietnamadminunits`` package (MIT).

The package ships a SQLite database (``vietnamadminunits/data/dataset.db``) with two tables:
``admin_units`` (the units from 01/07/2025, QĐ 19/2025/QĐ-TTg codes: province → commune) and
``admin_units_legacy`` (before the July 2025 reform, QĐ 124/2004/QĐ-TTg codes: province → district →
commune). Only that database and the package's licence are read; none of the package's code is imported
or run.

Usage::

    python tools/gen_admin_units.py                      # pip download the pinned wheel into a temp dir
    python tools/gen_admin_units.py --wheel PATH.whl     # use a wheel already on disk
    python tools/gen_admin_units.py --check              # exit 1 if the CSV files would change

Output (UTF-8, NFC, ``\\n`` line ends, no BOM), with columns ``code,name,level,parent_code,province_code``:

* ``current.csv`` — levels ``province`` and ``commune`` (xã, phường, đặc khu; parent = province);
* ``legacy.csv`` — levels ``province``, ``district`` and ``commune`` (parent of a commune = its district);
* ``SOURCE.md`` — where the data came from, its licence, row counts, and how to regenerate.

Rows are ordered by level (province, district, commune) and, within a level, by code.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import hashlib
import io
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "vietnamadminunits"
DEFAULT_SPEC = f"{PACKAGE}==1.0.4"
HOMEPAGE = "https://github.com/tranngocminhhieu/vietnamadminunits"
DB_MEMBER = f"{PACKAGE}/data/dataset.db"

COLUMNS = ("code", "name", "level", "parent_code", "province_code")
LEVELS = ("province", "district", "commune")
CODE_LENGTH = {"province": 2, "district": 3, "commune": 5}

# Official type words. The source spells a handful of legacy names "Thành Phố …", "Thị Xã …",
# "Thị Trấn …"; the type word is rewritten to its usual form, the rest of the name is kept as is.
TYPE_WORDS = ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Phường", "Xã", "Đặc khu")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "resources" / "admin_units"
REGENERATE = "python tools/gen_admin_units.py            # or: --wheel path/to/vietnamadminunits-*.whl"

Row = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class SourceData:
    """What the generator takes from the wheel."""

    version: str
    wheel_name: str
    wheel_sha256: str
    license_text: str
    db_path: Path


# --------------------------------------------------------------------------- getting the wheel


def download_wheel(dest: Path, spec: str = DEFAULT_SPEC) -> Path:
    """``pip download`` the wheel (no dependencies) into ``dest`` and return its path."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(dest), spec]
    subprocess.run(cmd, check=True)
    wheels = sorted(dest.glob(f"{PACKAGE}-*.whl"))
    if not wheels:
        raise SystemExit(f"pip download did not produce a {PACKAGE} wheel in {dest}")
    return wheels[-1]


def open_wheel(wheel: Path, workdir: Path) -> SourceData:
    """Extract the database and licence from ``wheel``; the database is written into ``workdir``."""
    data = wheel.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        meta = next((n for n in names if n.endswith(".dist-info/METADATA")), None)
        if meta is None or DB_MEMBER not in names:
            raise SystemExit(f"{wheel.name} is not a {PACKAGE} wheel with {DB_MEMBER}")
        version = ""
        for line in zf.read(meta).decode("utf-8").splitlines():
            if line.startswith("Version:"):
                version = line.split(":", 1)[1].strip()
                break
        lic = next(
            (
                n
                for n in names
                if ".dist-info/" in n and Path(n).name.upper().startswith(("LICENSE", "LICENCE"))
            ),
            None,
        )
        if lic is None:
            raise SystemExit(f"{wheel.name} has no licence file; refusing to use its data")
        license_text = zf.read(lic).decode("utf-8").strip()
        db_path = workdir / "dataset.db"
        db_path.write_bytes(zf.read(DB_MEMBER))
    return SourceData(
        version=version,
        wheel_name=wheel.name,
        wheel_sha256=hashlib.sha256(data).hexdigest(),
        license_text=license_text,
        db_path=db_path,
    )


# --------------------------------------------------------------------------- conversion


_SPACES = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """NFC, single spaces, and the leading type word in its usual spelling."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()
    lowered = text.lower()
    for word in TYPE_WORDS:
        if lowered.startswith(word.lower() + " "):
            return word + text[len(word) :]
    return text


def _code(value: object, level: str) -> str:
    text = str(value).strip()
    width = CODE_LENGTH[level]
    if not text.isdigit() or len(text) > width:
        raise SystemExit(f"unexpected {level} code {value!r}")
    return text.zfill(width)


def _sorted(rows: Iterable[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (LEVELS.index(r[2]), r[0]))


def _put(units: dict[str, Row], row: Row) -> None:
    old = units.setdefault(row[0], row)
    if old != row:
        raise SystemExit(f"code {row[0]} has two different records: {old} / {row}")


def convert_current(conn: sqlite3.Connection) -> list[Row]:
    """Provinces and communes from ``admin_units`` (codes of QĐ 19/2025/QĐ-TTg)."""
    units: dict[str, Row] = {}
    query = "SELECT provinceCode, province, wardCode, ward FROM admin_units"
    for p_code, p_name, w_code, w_name in conn.execute(query):
        pc = _code(p_code, "province")
        _put(units, (pc, clean_name(p_name), "province", "", pc))
        _put(units, (_code(w_code, "commune"), clean_name(w_name), "commune", pc, pc))
    return _sorted(units.values())


def convert_legacy(conn: sqlite3.Connection) -> list[Row]:
    """Provinces, districts and communes from ``admin_units_legacy`` (codes of QĐ 124/2004/QĐ-TTg).

    A few island districts have no communes; they appear once with an empty ward.
    """
    units: dict[str, Row] = {}
    query = "SELECT provinceCode, province, districtCode, district, wardCode, ward FROM admin_units_legacy"
    for p_code, p_name, d_code, d_name, w_code, w_name in conn.execute(query):
        pc = _code(p_code, "province")
        dc = _code(d_code, "district")
        _put(units, (pc, clean_name(p_name), "province", "", pc))
        _put(units, (dc, clean_name(d_name), "district", pc, pc))
        if w_code not in (None, ""):
            _put(units, (_code(w_code, "commune"), clean_name(w_name), "commune", dc, pc))
    return _sorted(units.values())


def validate(rows: Sequence[Row]) -> None:
    """Every code has the right width, every parent exists, every province code is a province."""
    by_code = {r[0]: r for r in rows}
    if len(by_code) != len(rows):
        raise SystemExit("duplicate codes in output")
    for code, name, level, parent, province in rows:
        if len(code) != CODE_LENGTH[level] or not code.isdigit():
            raise SystemExit(f"bad {level} code {code!r}")
        if not name:
            raise SystemExit(f"{level} {code} has no name")
        if by_code.get(province, ("", "", ""))[2] != "province":
            raise SystemExit(f"{level} {code}: province {province!r} not found")
        if level == "province":
            if parent or province != code:
                raise SystemExit(f"province {code} has a parent")
        elif parent not in by_code or LEVELS.index(by_code[parent][2]) >= LEVELS.index(level):
            raise SystemExit(f"{level} {code}: parent {parent!r} not found")


def to_csv(rows: Iterable[Row]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buf.getvalue()


def convert(db_path: Path) -> tuple[list[Row], list[Row]]:
    """(current rows, legacy rows) read from the package's SQLite database, validated."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        current = convert_current(conn)
        legacy = convert_legacy(conn)
    finally:
        conn.close()
    validate(current)
    validate(legacy)
    return current, legacy


def render(db_path: Path) -> dict[str, str]:
    """The CSV files' text by file name."""
    current, legacy = convert(db_path)
    return {"current.csv": to_csv(current), "legacy.csv": to_csv(legacy)}


def counts(rows: Sequence[Row]) -> dict[str, int]:
    return {level: sum(1 for r in rows if r[2] == level) for level in LEVELS}


def source_md(src: SourceData, current: Sequence[Row], legacy: Sequence[Row], today: _dt.date) -> str:
    cur, leg = counts(current), counts(legacy)
    copyright_line = next((ln.strip() for ln in src.license_text.splitlines() if "Copyright" in ln), "")
    return f"""# Administrative units: source

Generated by `tools/gen_admin_units.py` on {today.isoformat()}. Do not edit the CSV files by hand.

## Source

- Package: `{PACKAGE}` {src.version} (PyPI), {HOMEPAGE}
- Wheel: `{src.wheel_name}`, SHA-256 `{src.wheel_sha256}`
- Read: `{DB_MEMBER}` (SQLite), tables `admin_units` and `admin_units_legacy`. Only the data is used.
- License: MIT — {copyright_line}

## Files

Columns: `code,name,level,parent_code,province_code`. UTF-8 (NFC), codes are zero-padded strings.
Rows are ordered by level, then by code.

| File | Code list | Provinces | Districts | Communes |
|---|---|---:|---:|---:|
| `current.csv` | from 01/07/2025, QĐ 19/2025/QĐ-TTg | {cur["province"]} | — | {cur["commune"]} |
| `legacy.csv` | before 01/07/2025, QĐ 124/2004/QĐ-TTg | {leg["province"]} | {leg["district"]} | {leg["commune"]} |

- `current.csv`: province codes have 2 digits, commune codes 5; a commune's parent is its province.
  Communes keep their type word: "Xã …", "Phường …", "Đặc khu …".
- `legacy.csv`: province 2 digits, district 3, commune 5; a commune's parent is its district.
  Districts with no commune-level units in the source (island districts) are listed without children.
- Changes from the source: names are NFC with single spaces, and a leading type word spelled with a capital
  second syllable ("Thành Phố", "Thị Xã", "Thị Trấn") is written "Thành phố", "Thị xã", "Thị trấn".

## Regenerate

```
{REGENERATE}
```

`--check` compares the generated CSV files with the ones here and exits with status 1 if they differ.

## License of the data

```
{src.license_text}
```
"""


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="a vietnamadminunits wheel already on disk")
    parser.add_argument(
        "--spec", default=DEFAULT_SPEC, help=f"pip requirement to download (default {DEFAULT_SPEC})"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if the CSV files differ")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="gen_admin_units_") as tmp:
        tmpdir = Path(tmp)
        wheel = args.wheel if args.wheel else download_wheel(tmpdir / "wheel", args.spec)
        src = open_wheel(wheel, tmpdir)
        current, legacy = convert(src.db_path)
        files = {"current.csv": to_csv(current), "legacy.csv": to_csv(legacy)}

        if args.check:
            stale = [
                name
                for name, text in files.items()
                if not (args.out / name).is_file() or (args.out / name).read_text(encoding="utf-8") != text
            ]
            for name in stale:
                print(f"out of date: {args.out / name}")
            return 1 if stale else 0

        args.out.mkdir(parents=True, exist_ok=True)
        files["SOURCE.md"] = source_md(src, current, legacy, _dt.date.today())
        for name, text in files.items():
            (args.out / name).write_text(text, encoding="utf-8", newline="")
        cur, leg = counts(current), counts(legacy)
        print(f"{PACKAGE} {src.version} → {args.out}")
        print(f"  current: {cur['province']} provinces, {cur['commune']} communes")
        print(
            f"  legacy:  {leg['province']} provinces, {leg['district']} districts, {leg['commune']} communes"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
