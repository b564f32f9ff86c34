"""Packaging files: the PyInstaller spec, the Linux desktop entry, file type and per-user install scripts, the
Windows installer script, the icons, the frozen entry point and the About dialog. Fast: nothing is built here
(tests/packaging/test_built_app.py checks a built application)."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "tdkt.spec"
LINUX = INSTALLER / "linux"
ISS = INSTALLER / "windows" / "tdkt.iss"
ICONS = ROOT / "resources" / "icons"


def bundle_suffix() -> str:
    from tdkt_desktop.sync.bundle import SUFFIX

    return SUFFIX


# --------------------------------------------------------------------------- the PyInstaller spec


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def spec_constant(name: str):
    for node in spec_tree().body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not assigned in {SPEC}")


def spec_filters() -> dict:
    """The spec's trimming functions (keep_entry …) and their patterns, run without PyInstaller."""
    tree = spec_tree()
    keep = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name.startswith("keep_"))
        or (isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.startswith("_") for t in node.targets))
    ]
    module = ast.Module(body=keep, type_ignores=[])
    namespace: dict = {"re": re, "Path": Path}
    exec(compile(module, str(SPEC), "exec"), namespace)
    return namespace


def test_spec_carries_resources_and_forms():
    assert set(spec_constant("DATA_FOLDERS")) == {"resources", "forms"}
    text = SPEC.read_text(encoding="utf-8")
    assert "COLLECT(" in text and 'APP_NAME = "tdkt-desktop"' in text  # one-folder: dist/tdkt-desktop/
    assert "frozen.py" in text
    assert (ROOT / "src" / "tdkt_desktop" / "frozen.py").is_file()
    for folder in ("resources", "forms"):
        assert (ROOT / folder).is_dir()


def test_spec_leaves_out_unused_qt_and_dev_tools_but_keeps_charts_svg_printing():
    unused = set(spec_constant("QT_UNUSED"))
    for name in ("QtWebEngineCore", "QtWebEngineWidgets", "Qt3DCore", "QtMultimedia", "QtQuick", "QtQml",
                 "QtBluetooth", "QtPositioning", "QtLocation", "QtSensors", "QtSerialPort", "QtTextToSpeech",
                 "QtDesigner", "QtGraphs", "QtDataVisualization"):
        assert name in unused, name
    for used in ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtSvg", "QtSvgWidgets", "QtPrintSupport"):
        assert used not in unused, used
    dev = set(spec_constant("DEV_ONLY"))
    assert {"pytest", "hypothesis", "mypy", "ruff", "tkinter"} <= dev
    text = SPEC.read_text(encoding="utf-8")
    for module in ("PySide6.QtCharts", "PySide6.QtSvg", "PySide6.QtPrintSupport"):
        assert f'"{module}"' in text  # hidden imports: collected even when imported late


def test_spec_keeps_only_vietnamese_and_english_qt_translations():
    keep_data = spec_filters()["keep_data"]
    assert keep_data("PySide6/Qt/translations/qtbase_vi.qm")
    assert keep_data("PySide6/Qt/translations/qt_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert keep_data("resources/i18n/tdkt_vi.qm")
    assert keep_data("forms/giay_khen.2024-01-01.json")


def test_spec_binary_filter():
    keep_entry = spec_filters()["keep_entry"]
    dropped = ["libQt6Quick.so.6", "libQt6Qml.so.6", "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
               "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
               "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "Qt6Quick.dll"]
    kept = ["PySide6/Qt/lib/libQt6Charts.so.6", "libQt6Svg.so.6", "PySide6/Qt/lib/libQt6PrintSupport.so.6",
            "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/plugins/platforms/qwindows.dll",
            "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
            "libQt6OpenGLWidgets.so.6", "Qt6Charts.dll"]
    for dest in dropped:
        assert not keep_entry((dest, "/src", "BINARY")), dest
    for dest in kept:
        assert keep_entry((dest, "/src", "BINARY")), dest
    assert not keep_entry(("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"))


# --------------------------------------------------------------------------- Linux


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / "tdkt-desktop.desktop", encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_is_valid():
    validator = shutil.which("desktop-file-validate")
    if validator:
        proc = subprocess.run([validator, str(LINUX / "tdkt-desktop.desktop")], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "TĐKT Desktop"
    assert re.search(r"^tdkt-desktop %[fF]$", entry["Exec"]), entry["Exec"]
    assert entry["Icon"] == "tdkt-desktop"
    assert "application/x-tdkt-bundle" in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"


def openable_suffixes() -> tuple[str, ...]:
    from tdkt_desktop.frozen import openable_suffixes as suffixes

    return suffixes()


def test_mime_types_match_the_bundle_and_key_suffixes():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(LINUX / "tdkt-desktop-mime.xml").getroot()
    types = {m.get("type"): m for m in root.findall("m:mime-type", ns)}
    assert set(types) == {"application/x-tdkt-bundle", "application/x-tdkt-key"}
    globs = {t: [g.get("pattern") for g in m.findall("m:glob", ns)] for t, m in types.items()}
    assert globs["application/x-tdkt-bundle"] == [f"*{bundle_suffix()}"]
    assert sorted(p for ps in globs.values() for p in ps) == sorted(f"*{s}" for s in openable_suffixes())
    for mime in types.values():
        assert any(c.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi" for c in mime.findall("m:comment", ns))
    entry_types = desktop_entry()["MimeType"].split(";")
    assert set(types) <= set(entry_types)


def make_fake_app(folder: Path, version_text: str) -> Path:
    app = folder / "tdkt-desktop"
    (app / "_internal").mkdir(parents=True)
    for name in ("tdkt-desktop", "tdkt"):
        exe = app / name
        exe.write_text(f"#!/bin/sh\necho 'TĐKT Desktop {version_text}'\n", encoding="utf-8")
        exe.chmod(0o755)
    (app / "_internal" / f"only-in-{version_text}.txt").write_text(version_text, encoding="utf-8")
    return app


def build_tarball(tmp_path: Path, version: str) -> Path:
    app = make_fake_app(tmp_path / f"app-{version}", version)
    out = tmp_path / "out"
    proc = subprocess.run(
        ["bash", str(LINUX / "make_tarball.sh"), str(app), str(out), version], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    tarball = Path(proc.stdout.strip().splitlines()[-1])
    assert tarball.name.startswith(f"tdkt-desktop-{version}-linux-") and tarball.name.endswith(".tar.gz")
    extract = tmp_path / f"x-{version}"
    with tarfile.open(tarball) as tar:
        tar.extractall(extract, filter="tar")
    return extract / f"tdkt-desktop-{version}"


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="POSIX shell scripts")
def test_linux_install_upgrade_uninstall_keep_the_data(tmp_path):
    home = tmp_path / "home"
    data = home / ".local" / "share" / "TDKT Desktop"
    (data / "backups").mkdir(parents=True)
    (data / "tdkt.sqlite").write_bytes(b"SQLite format 3\x00precious")
    (data / "backups" / "tdkt-before-v2.sqlite").write_bytes(b"backup")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")

    def run(*cmd: str) -> str:
        proc = subprocess.run(list(cmd), capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    first = build_tarball(tmp_path, "1.0.0")
    assert {p.name for p in first.iterdir()} >= {"app", "install.sh", "uninstall.sh", "share", "VERSION", "HUONG-DAN.txt"}
    out = run("sh", str(first / "install.sh"))
    assert "Đã cài đặt TĐKT Desktop 1.0.0" in out
    program = home / ".local" / "lib" / "tdkt-desktop"
    assert (program / "tdkt-desktop").is_file() and (program / "uninstall.sh").is_file()
    assert run(str(home / ".local" / "bin" / "tdkt")).strip() == "TĐKT Desktop 1.0.0"
    desktop = home / ".local" / "share" / "applications" / "tdkt-desktop.desktop"
    assert f'Exec="{program}/tdkt-desktop" %f' in desktop.read_text(encoding="utf-8")
    assert (home / ".local/share/mime/packages/tdkt-desktop.xml").is_file()
    assert (home / ".local/share/icons/hicolor/48x48/apps/tdkt-desktop.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps/tdkt-desktop.svg").is_file()

    second = build_tarball(tmp_path, "1.1.0")
    out = run("sh", str(second / "install.sh"))
    assert "nâng cấp" in out and "1.0.0" in out and "1.1.0" in out
    assert (program / "_internal" / "only-in-1.1.0.txt").exists()
    assert not (program / "_internal" / "only-in-1.0.0.txt").exists()  # old program files replaced
    assert (data / "tdkt.sqlite").read_bytes() == b"SQLite format 3\x00precious"

    out = run("sh", str(program / "uninstall.sh"))
    assert "giữ nguyên" in out
    assert not program.exists()
    assert not desktop.exists()
    assert not (home / ".local" / "bin" / "tdkt-desktop").exists()
    assert (data / "tdkt.sqlite").read_bytes() == b"SQLite format 3\x00precious"
    assert (data / "backups" / "tdkt-before-v2.sqlite").read_bytes() == b"backup"


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="POSIX shell scripts")
def test_linux_install_refuses_the_data_folder(tmp_path):
    home = tmp_path / "home"
    data = home / ".local" / "share" / "TDKT Desktop"
    data.mkdir(parents=True)
    (data / "tdkt.sqlite").write_bytes(b"precious")
    stage = build_tarball(tmp_path, "1.0.0")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home))
    for target in (data, data / "app", home):
        proc = subprocess.run(["sh", str(stage / "install.sh"), "--dir", str(target)], capture_output=True, text=True, env=env)
        assert proc.returncode != 0, target
        assert "Lỗi" in proc.stderr
    assert (data / "tdkt.sqlite").read_bytes() == b"precious"
    assert sorted(p.name for p in data.iterdir()) == ["tdkt.sqlite"]


# --------------------------------------------------------------------------- Windows (Inno Setup)


def iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "tdkt.iss must be UTF-8 with BOM for Inno Setup"
    return raw.decode("utf-8-sig")


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in iss_text().splitlines():
        stripped = line.strip()
        if re.match(r"^\[[A-Za-z]+\]$", stripped):
            current = stripped[1:-1]
            sections.setdefault(current, [])
        elif stripped and not stripped.startswith(";") and not stripped.startswith("#") and current:
            sections[current].append(stripped)
    return sections


def test_iss_installs_per_user_without_administrator_rights():
    setup = iss_sections()["Setup"]
    assert "PrivilegesRequired=lowest" in setup
    assert not any(line.startswith("PrivilegesRequiredOverridesAllowed=") and line.split("=", 1)[1] for line in setup)
    default_dir = next(line for line in setup if line.startswith("DefaultDirName="))
    assert default_dir.startswith("DefaultDirName={localappdata}\\Programs\\")
    assert "ChangesAssociations=yes" in setup
    assert any(line.startswith("AppId={{") for line in setup)


def test_iss_is_vietnamese():
    sections = iss_sections()
    languages = " ".join(sections["Languages"])
    text = iss_text()
    assert 'Name: "vi"' in languages
    assert "Vietnamese.isl" in text and "Languages\\Unofficial\\Vietnamese.isl" in text
    fallback = INSTALLER / "windows" / "vi-fallback.isl"
    assert fallback.read_bytes().startswith(b"\xef\xbb\xbf")
    fallback_text = fallback.read_text(encoding="utf-8-sig")
    assert "LanguageID=$042A" in fallback_text and "ButtonNext=" in fallback_text
    messages = "\n".join(sections["Messages"] + sections["CustomMessages"])
    assert "vi.ConfirmUninstall=" in messages
    for line in sections["Messages"] + sections["CustomMessages"]:
        assert line.startswith("vi."), line


def test_iss_associates_the_bundle_file_for_this_user():
    suffix = bundle_suffix()
    registry = iss_sections()["Registry"]
    text = iss_text()
    assert f'#define BundleExt "{suffix}"' in text
    assert sorted(re.findall(r'#define (?:BundleExt|KeyExt) "([^"]+)"', text)) == sorted(openable_suffixes())
    assert all(line.startswith("Root: HKCU;") for line in registry), "per-user association only (HKCU)"
    assert any('Subkey: "Software\\Classes\\{#BundleExt}"' in line for line in registry)
    commands = [line for line in registry if "shell\\open\\command" in line]
    assert len(commands) == 2
    for command in commands:
        assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in command
    assert '#define AppExe "tdkt-desktop.exe"' in text
    icons = "\n".join(iss_sections()["Icons"])
    assert "{group}" in icons and "{autodesktop}" in icons


def test_iss_never_deletes_the_user_data():
    sections = iss_sections()
    for line in sections.get("UninstallDelete", []) + sections.get("InstallDelete", []):
        name = re.search(r'Name:\s*"([^"]+)"', line).group(1)  # type: ignore[union-attr]
        assert name.startswith("{app}\\") and name != "{app}\\", line
        assert "{localappdata}" not in name and "{userappdata}" not in name and "{commonappdata}" not in name
    assert sections.get("UninstallDelete", []) == []
    messages = " ".join(sections["Messages"])
    assert "KHÔNG bị xoá" in messages and "giữ nguyên" in messages
    assert "DataFolderNotAllowed" in iss_text()  # the data folder is refused as the program folder
    text = iss_text()
    assert "DelTree" not in text and "DeleteFile" not in text


def test_windows_build_script_runs_pyinstaller_and_iscc():
    script = (INSTALLER / "windows" / "build_windows.ps1").read_text(encoding="utf-8")
    assert script.isascii(), "keep build_windows.ps1 ASCII (Windows PowerShell 5.1 reads it as ANSI)"
    for needle in ("venv-installer", "PyInstaller", "installer\\tdkt.spec", "ISCC.exe", "tdkt.iss", "/DAppVersion=",
                   "Vietnamese.isl", "smoke_test.py"):
        assert needle in script, needle


# --------------------------------------------------------------------------- icons


def test_icon_files_exist_and_match_the_source():
    for path in (ICONS / "app.svg", ICONS / "app.png", ICONS / "app.ico", LINUX / "tdkt-desktop.svg"):
        assert path.is_file() and path.stat().st_size > 0, path
    assert (LINUX / "tdkt-desktop.svg").read_bytes() == (ICONS / "app.svg").read_bytes()
    for size in (16, 32, 48, 128, 256):
        assert (LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "tdkt-desktop.png").is_file()
    ico = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {struct.unpack("<B", ico[6 + 16 * i : 7 + 16 * i])[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_icons_render(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QImageReader, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    assert renderer.isValid()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert image.pixelColor(32, 32).alpha() == 255  # the star, opaque
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner, transparent
    png = QImage(str(ICONS / "app.png"))
    assert png.width() == png.height() == 256
    reader = QImageReader(str(ICONS / "app.ico"))
    assert reader.imageCount() >= 5


# --------------------------------------------------------------------------- frozen entry point and About


def test_frozen_entry_selftest_reports_a_complete_tree(tmp_path):
    env = dict(os.environ, TDKT_SELFTEST="imports", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "tdkt_desktop.frozen"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import json

    report = json.loads(proc.stdout)
    assert report["failed"] == {}
    assert report["icon_rendered"] is True
    assert "tdkt_desktop.cli" in report["module_names"] and "tdkt_desktop.gui.about" in report["module_names"]


def test_frozen_entry_runs_the_cli(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tdkt_desktop.frozen", "--version"], capture_output=True, text=True, cwd=tmp_path
    )
    from tdkt_desktop import __version__

    assert proc.returncode == 0 and __version__ in proc.stdout + proc.stderr


def test_installed_program_without_arguments_starts_without_demo_data():
    from tdkt_desktop.frozen import installed_arguments

    assert installed_arguments([]) == ["start", "--no-demo"]
    assert installed_arguments(["C:\\x\\len.tdktgoi"]) == ["start", "--no-demo", "C:\\x\\len.tdktgoi"]
    assert installed_arguments(["/home/a/Phuong.TDKTKHOA"]) == ["start", "--no-demo", "/home/a/Phuong.TDKTKHOA"]
    assert installed_arguments(["stats", "--json"]) == ["stats", "--json"]


@pytest.mark.sqlite_only  # the paths of a database file
def test_about_dialog_shows_version_paths_schema_and_licenses(qtbot, store):
    from tdkt_desktop import __version__
    from tdkt_desktop.gui.about import AboutDialog
    from tdkt_desktop.gui.qt import QtWidgets
    from tdkt_desktop.store.migrations import schema_version

    path = store.path
    dialog = AboutDialog(None, path)
    qtbot.addWidget(dialog)
    texts = {w.objectName(): w.text() for w in dialog.findChildren(QtWidgets.QLabel) if w.objectName()}
    assert texts["about_version"] == __version__
    assert texts["about_database"] == str(path)
    assert texts["about_schema"].startswith(f"{schema_version()} ")
    assert "TDKT Desktop" in texts["about_dataFolder"]
    assert dialog.windowTitle() == "Giới thiệu TĐKT Desktop"
    licenses = dialog.findChild(QtWidgets.QPlainTextEdit, "aboutLicenses").toPlainText()
    assert "MIT License" in licenses and "Tran Ngoc Minh Hieu" in licenses and "LGPL" in licenses
    info = dialog.information_text()
    assert __version__ in info and str(path) in info


def test_about_dialog_never_creates_or_migrates_a_database(qtbot, tmp_path):
    from tdkt_desktop.gui.about import AboutDialog

    missing = tmp_path / "none" / "tdkt.sqlite"
    dialog = AboutDialog(None, missing)
    qtbot.addWidget(dialog)
    assert dialog.facts["schema_version"] is None and not dialog.facts["database_exists"]
    assert not missing.exists() and not missing.parent.exists()
