"""Entry script of the built application (``installer/tdkt.spec``): the same as the ``tdkt`` command.

The one-folder build has two programs sharing one ``_internal/`` folder: ``tdkt-desktop`` (on Windows a
windowed program: Start menu, desktop shortcut, double-clicked bundle files) and ``tdkt`` (a console
program for the command line). Both run :func:`tdkt_desktop.cli.main`.

Before that, this script makes the standard streams safe: a windowed Windows program has no
``sys.stdout``/``sys.stderr`` (``None``), and a console whose output is redirected may use a legacy code page
that cannot write Vietnamese.

``TDKT_SELFTEST=imports`` makes the program import every module of the application and the Qt modules the
interface uses, draw the application icon, print a JSON report and exit (0 when all is well): the smoke test
(``installer/smoke_test.py``) uses it to prove that the build is complete.
"""

from __future__ import annotations

import os
import sys


def _safe_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # kept open for the whole run
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                pass


QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtCharts")


def selftest() -> int:
    """Import everything, render the icon offscreen; print a JSON report. Exit code 0 when nothing failed."""
    import importlib
    import json
    import pkgutil
    import traceback

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report: dict[str, object] = {"frozen": bool(getattr(sys, "frozen", False)), "failed": {}}
    failed: dict[str, str] = report["failed"]  # type: ignore[assignment]
    import tdkt_desktop

    modules = ["tdkt_desktop"]
    for info in pkgutil.walk_packages(tdkt_desktop.__path__, "tdkt_desktop."):
        modules.append(info.name)
    for name in sorted(set(modules)):
        if name.endswith(".__main__") or name == __name__:
            continue
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed[name] = f"{type(exc).__name__}: {exc}"
    for qt in QT_MODULES:
        try:
            importlib.import_module(f"PySide6.{qt}")
        except Exception as exc:
            failed[f"PySide6.{qt}"] = f"{type(exc).__name__}: {exc}"
    report["modules"] = len(modules)
    report["module_names"] = sorted(set(modules))
    try:
        from tdkt_desktop.paths import app_root, forms_dir, resources_dir

        report["app_root"] = str(app_root())
        report["resources"] = sorted(p.name for p in resources_dir().iterdir())
        report["forms"] = len(list(forms_dir().glob("*.json")))
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer

        _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # kept alive while rendering
        renderer = QSvgRenderer(str(resources_dir() / "icons" / "app.svg"))
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        report["icon_rendered"] = renderer.isValid() and image.pixelColor(32, 32).alpha() > 0
        if not report["icon_rendered"]:
            failed["icon"] = "resources/icons/app.svg did not render"
        report["qt_platform"] = QGuiApplication.platformName()
    except Exception:
        failed["resources"] = traceback.format_exc(limit=3)
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0 if not failed else 1


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()
    _safe_streams()
    if os.environ.get("TDKT_SELFTEST") == "imports":
        return selftest()
    from tdkt_desktop.cli import main as cli_main

    return cli_main(installed_arguments(sys.argv[1:]))


def installed_arguments(argv: list[str]) -> list[str]:
    """The command line of the installed program.

    Started with no arguments (Start menu, desktop shortcut, application menu), it opens the application
    WITHOUT creating the demo database: an office's first start must lead to the setup wizard and its own
    unit, never to sample data in the real data folder (``tdkt demo`` still creates it on request). The same
    holds when a bundle or key file is double-clicked before the first start.
    """
    if not argv:
        return ["start", "--no-demo"]
    if len(argv) == 1 and argv[0].lower().endswith(openable_suffixes()):
        return ["start", "--no-demo", argv[0]]  # a double-clicked bundle or key file
    return list(argv)


def openable_suffixes() -> tuple[str, ...]:
    """Files the application opens when double-clicked: sync bundles and key enrolment files."""
    from tdkt_desktop.cli.installation import OPENABLE_SUFFIXES

    return OPENABLE_SUFFIXES


if __name__ == "__main__":
    raise SystemExit(main())
