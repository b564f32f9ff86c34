"""Cold start: from launching Python to the first paint of the main window, against a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup.py [--size 200000] [--workdir DIR]

Each figure is the best of five launches of a new Python process (the least disturbed by other
programs), timed by this process from the launch to the line the child prints on the first paint event of
its main window (the child then ends at once, so closing is not counted). The application is started as
``tdkt`` starts it (``gui.app.run_gui``) on a demo database and on a database of ``--size`` nominations
(``bench_gui_models.database``); the baseline is a bare PySide6 main window holding a 40 × 4 table.
Each child has a home folder of its own (settings and the day's backup stay out of the user's) and runs with
compiled modules, as an installed application does (a first launch, not counted, writes them).

``run(size)`` gives the rows of ``benchmarks/common.py`` for ``benchmarks/run_all.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from bench_gui_models import database

PAINTED = "painted"

# Stops the child on the first paint of its main window (installed before the window exists).
_WATCH = f"""
import os
from tdkt_desktop.gui.qt import QtCore

class _FirstPaint(QtCore.QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QtCore.QEvent.Type.Paint and obj.isWidgetType()
                and type(obj.window()).__name__ in ("MainWindow", "QMainWindow")):
            print("{PAINTED}", flush=True)
            os._exit(0)
        return False
"""

APP_CHILD = _WATCH + """
import sys
from tdkt_desktop.gui.app import make_app, run_gui

app = make_app()
watch = _FirstPaint()
app.installEventFilter(watch)
sys.exit(run_gui(sys.argv[1]))
"""

BARE_CHILD = _WATCH + """
from tdkt_desktop.gui.qt import QtGui, QtWidgets

app = QtWidgets.QApplication([])
watch = _FirstPaint()
app.installEventFilter(watch)
window = QtWidgets.QMainWindow()
model = QtGui.QStandardItemModel(40, 4)
for r in range(40):
    for c in range(4):
        model.setItem(r, c, QtGui.QStandardItem(f"Nguyễn Văn An {r}.{c}"))
table = QtWidgets.QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1366, 768)
window.show()
app.exec()
"""


def launch(code: str, *args: str, home: Path) -> float:
    """Seconds from launching a Python process running ``code`` to its "painted" line."""
    # as installed: with compiled modules (the first launch writes them where the environment forbade it)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local/share"), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if PAINTED not in done.stdout:
        raise RuntimeError(f"the child never painted its window (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def best(code: str, *args: str, home: Path, repeat: int) -> float:
    """The best of ``repeat`` launches, in milliseconds (the first one also warms the disk cache)."""
    launch(code, *args, home=home)
    return min(launch(code, *args, home=home) for _ in range(repeat)) * 1000


def demo_database(folder: Path) -> Path:
    path = folder / "demo.sqlite"
    if path.exists():
        return path
    subprocess.run([sys.executable, "-m", "tdkt_desktop", "--db", str(path), "demo"], check=True,
                   capture_output=True, env={**os.environ, "HOME": str(folder)})
    return path


def run(size: int = 200_000, repeat: int = 5, workdir: Path | None = None) -> list[common.Row]:
    """Start-up on the demo database and on ``size`` nominations, against the bare window (the databases kept
    in ``workdir`` when given)."""
    work = workdir or Path(tempfile.mkdtemp())
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    demo = demo_database(work)
    large = database(size, work)
    bare = best(BARE_CHILD, home=home, repeat=repeat)
    return [
        common.result("start: to the painted main window (demo database)",
                      best(APP_CHILD, str(demo), home=home, repeat=repeat), bare, max_ratio=3),
        common.result(f"start: to the painted main window ({size:,} nominations)",
                      best(APP_CHILD, str(large), home=home, repeat=repeat), bare, max_ratio=3),
    ]


if __name__ == "__main__":
    raise SystemExit(common.main(run, 200_000, description=__doc__.splitlines()[0]))
