"""Administrative-unit data in resources/admin_units and its loader (no network, no Qt)."""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tdkt_desktop.core import admin_units as au
from tdkt_desktop.core.naming import unit_type_word
from tdkt_desktop.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]
DATA = resources_dir() / "admin_units"
WHEEL_ENV = "TDKT_ADMIN_UNITS_WHEEL"

CURRENT_PROVINCES = 34
CURRENT_COMMUNES = 3321
LEGACY_PROVINCES = 63
LEGACY_DISTRICTS = 696
LEGACY_COMMUNES = 10035


def _generator():
    path = ROOT / "tools" / "gen_admin_units.py"
    spec = importlib.util.spec_from_file_location("gen_admin_units", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _levels(units: list[au.AdminUnit]) -> Counter[str]:
    return Counter(u.level for u in units)


# --------------------------------------------------------------------------- counts and formats


def test_current_counts() -> None:
    levels = _levels(au.load_current())
    assert levels == {"province": CURRENT_PROVINCES, "commune": CURRENT_COMMUNES}


def test_legacy_counts() -> None:
    levels = _levels(au.load_legacy())
    assert levels == {"province": LEGACY_PROVINCES, "district": LEGACY_DISTRICTS, "commune": LEGACY_COMMUNES}
    assert 690 <= levels["district"] <= 720
    assert 10_000 <= levels["commune"] <= 10_700


@pytest.mark.parametrize("legacy", [False, True])
def test_code_formats_and_names(legacy: bool) -> None:
    units = au.load_legacy() if legacy else au.load_current()
    widths = {"province": 2, "district": 3, "commune": 5}
    assert len({u.code for u in units}) == len(units)
    for u in units:
        assert u.legacy is legacy
        assert re.fullmatch(rf"\d{{{widths[u.level]}}}", u.code), u
        assert re.fullmatch(r"\d{2}", u.province_code), u
        assert u.name and u.name == unicodedata.normalize("NFC", u.name) and u.name == u.name.strip()
        assert unit_type_word(u.name) is not None, u  # every name starts with its type word
    # Codes keep their leading zeros.
    assert au.find("00004", legacy=legacy) is not None
    assert any(u.code.startswith("0") and u.level == "commune" for u in units)


@pytest.mark.parametrize("legacy", [False, True])
def test_every_parent_exists(legacy: bool) -> None:
    units = au.load_legacy() if legacy else au.load_current()
    by_code = {u.code: u for u in units}
    expected_parent = {"district": "province", "commune": "district" if legacy else "province"}
    for u in units:
        if u.level == "province":
            assert u.parent_code == "" and u.province_code == u.code
            continue
        parent = by_code[u.parent_code]
        assert parent.level == expected_parent[u.level], u
        province = by_code[u.province_code]
        assert province.level == "province"
        if parent.level == "district":
            assert parent.province_code == u.province_code


def test_commune_types_current() -> None:
    kinds = Counter(u.name.split(" ")[0] for u in au.load_current() if u.level == "commune")
    assert set(kinds) == {"Xã", "Phường", "Đặc"}
    assert kinds["Đặc"] == 13  # đặc khu


def test_csv_files_are_plain_sorted_utf8() -> None:
    for name in ("current.csv", "legacy.csv"):
        raw = (DATA / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
        text = raw.decode("utf-8")
        assert text == unicodedata.normalize("NFC", text)
        rows = list(csv.reader(text.splitlines()))
        assert rows[0] == ["code", "name", "level", "parent_code", "province_code"]
        order = ["province", "district", "commune"]
        keys = [(order.index(r[2]), r[0]) for r in rows[1:]]
        assert keys == sorted(keys), name
    source = (DATA / "SOURCE.md").read_text(encoding="utf-8")
    assert "vietnamadminunits" in source and "MIT" in source and "Copyright (c)" in source


# --------------------------------------------------------------------------- lookups


def test_find_and_children() -> None:
    hcm = au.find("79")
    assert hcm is not None and hcm.name == "Thành phố Hồ Chí Minh" and hcm.level == "province"
    tan_phu = au.find("27031")
    assert tan_phu is not None and tan_phu.name == "Phường Tân Phú" and tan_phu.parent_code == "79"
    assert au.find("1") == au.find("01")  # leading zero lost, e.g. by a spreadsheet
    assert (
        au.find("") is None and au.find(None) is None and au.find("99999") is None and au.find("ab") is None
    )

    communes = au.children("79")
    assert tan_phu in communes and all(c.parent_code == "79" for c in communes)
    assert [c.code for c in communes] == sorted(c.code for c in communes)
    assert au.children("27031") == [] and au.children("nope") == []
    assert sum(len(au.children(p.code)) for p in au.provinces()) == CURRENT_COMMUNES

    old_hcm = au.children("79", legacy=True)
    assert {u.level for u in old_hcm} == {"district"}
    district_1 = au.find("760", legacy=True)
    assert district_1 is not None and district_1.name == "Quận 1"
    assert au.find("26734", legacy=True) in au.children("760", legacy=True)
    assert len(au.provinces(legacy=True)) == LEGACY_PROVINCES


def test_search_without_tones() -> None:
    found = au.search("tan phu")
    assert any(u.code == "27031" for u in found)
    assert all(u.short_name == "Tân Phú" for u in found[:6])  # exact names first
    assert au.search("Phường Tân Phú")[0].code == "27031"

    for query in ("dak lak", "ĐẮK lắk", "Đắk Lắk", "  DAK   LAK "):
        result = au.search(query)
        assert result and result[0].name == "Tỉnh Đắk Lắk", query
    assert au.search("dak lak", legacy=True)[0].name == "Tỉnh Đắk Lắk"

    # Exact and prefix matches rank before matches inside a name.
    ranked = au.search("phu tan", limit=None)
    first_other = next(i for i, u in enumerate(ranked) if u.short_name != "Phú Tân")
    assert all(u.short_name != "Phú Tân" for u in ranked[first_other:])
    assert au.search("ho chi minh")[0].code == "79"


def test_search_by_code_prefix() -> None:
    assert au.search("27031")[0].code == "27031"
    by_prefix = au.search("2703", limit=None)
    codes = [u.code for u in by_prefix if u.code.startswith("2703")]
    assert codes and codes == sorted(codes) and "27031" in codes
    legacy = au.search("760", legacy=True)
    assert legacy[0].code == "760"


def test_search_limits_and_empty() -> None:
    assert au.search("") == [] and au.search(None) == [] and au.search("   ") == []
    assert len(au.search("xa", limit=7)) == 7
    assert len(au.search("xa", limit=None)) > 2000
    assert au.search("xa", limit=0) == []
    assert au.search("zzzz qqq") == []


def test_display_name() -> None:
    tan_phu = au.find("27031")
    assert tan_phu is not None
    assert au.display_name(tan_phu) == "Phường Tân Phú, Thành phố Hồ Chí Minh"
    hcm = au.find("79")
    assert hcm is not None and au.display_name(hcm) == "Thành phố Hồ Chí Minh"
    old = au.find("26734", legacy=True)
    assert old is not None
    assert au.display_name(old) == "Phường Tân Định, Quận 1, Thành phố Hồ Chí Minh"


def test_missing_files_give_vietnamese_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(au, "resources_dir", lambda: tmp_path)
    au._index.cache_clear()
    try:
        with pytest.raises(au.AdminUnitsError, match="Không tìm thấy danh mục đơn vị hành chính"):
            au.load_current()
        (tmp_path / "admin_units").mkdir()
        (tmp_path / "admin_units" / "legacy.csv").write_text("ma,ten\n1,x\n", encoding="utf-8")
        with pytest.raises(au.AdminUnitsError, match="bị hỏng"):
            au.load_legacy()
    finally:
        au._index.cache_clear()
    monkeypatch.undo()
    assert len(au.load_current()) == CURRENT_PROVINCES + CURRENT_COMMUNES


def test_loader_has_no_qt_or_sql() -> None:
    source = Path(au.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "sqlite3" not in source


# --------------------------------------------------------------------------- generator


def _fake_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE admin_units (province, ward, provinceCode, wardCode)")
    conn.execute(
        "CREATE TABLE admin_units_legacy (province, district, ward, provinceCode, districtCode, wardCode)"
    )
    conn.executemany(
        "INSERT INTO admin_units VALUES (?, ?, ?, ?)",
        [
            ("Thành phố Hồ Chí Minh", "Phường  Tân Phú", "79", "27031"),
            ("Thành phố Hà Nội", "Phường Ba Đình", "01", "4"),
            ("Tỉnh Đắk Lắk", unicodedata.normalize("NFD", "Xã Đắk Liêng"), "66", "24396"),
        ],
    )
    conn.executemany(
        "INSERT INTO admin_units_legacy VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("Thành phố Hà Nội", "Quận Ba Đình", "Phường Phúc Xá", "01", "001", "00001"),
            ("Tỉnh Bắc Kạn", "Thành Phố Bắc Kạn", "Phường Đức Xuân", "06", "058", "01834"),
            ("Thành phố Hải Phòng", "Huyện Bạch Long Vĩ", None, "31", "318", None),
        ],
    )
    conn.commit()
    conn.close()


def test_generator_conversion_offline(tmp_path: Path) -> None:
    gen = _generator()
    db = tmp_path / "dataset.db"
    _fake_db(db)
    files = gen.render(db)
    assert files["current.csv"] == (
        "code,name,level,parent_code,province_code\n"
        "01,Thành phố Hà Nội,province,,01\n"
        "66,Tỉnh Đắk Lắk,province,,66\n"
        "79,Thành phố Hồ Chí Minh,province,,79\n"
        "00004,Phường Ba Đình,commune,01,01\n"
        "24396,Xã Đắk Liêng,commune,66,66\n"
        "27031,Phường Tân Phú,commune,79,79\n"
    )
    assert files["legacy.csv"] == (
        "code,name,level,parent_code,province_code\n"
        "01,Thành phố Hà Nội,province,,01\n"
        "06,Tỉnh Bắc Kạn,province,,06\n"
        "31,Thành phố Hải Phòng,province,,31\n"
        "001,Quận Ba Đình,district,01,01\n"
        "058,Thành phố Bắc Kạn,district,06,06\n"
        "318,Huyện Bạch Long Vĩ,district,31,31\n"
        "00001,Phường Phúc Xá,commune,001,01\n"
        "01834,Phường Đức Xuân,commune,058,06\n"
    )
    assert gen.render(db) == files  # deterministic


def test_generator_reproduces_resources() -> None:
    """Regenerate from the source wheel and compare with resources/ (needs the wheel on disk)."""
    wheel = os.environ.get(WHEEL_ENV, "")
    if not wheel or not Path(wheel).is_file():
        pytest.skip(
            f"source wheel not available offline; set {WHEEL_ENV}=path/to/vietnamadminunits-*.whl "
            "(pip download --no-deps vietnamadminunits) to run this check"
        )
    gen = _generator()
    with tempfile.TemporaryDirectory() as tmp:
        src = gen.open_wheel(Path(wheel), Path(tmp))
        source_md = (DATA / "SOURCE.md").read_text(encoding="utf-8")
        if f"`vietnamadminunits` {src.version} " not in source_md:
            pytest.skip(f"wheel version {src.version} differs from the one recorded in SOURCE.md")
        files = gen.render(src.db_path)
    for name, text in files.items():
        assert (DATA / name).read_text(encoding="utf-8") == text, name
