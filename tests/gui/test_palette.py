"""Colours live in the stylesheet: named once there, asked for by name in the code, never written in it."""

from __future__ import annotations

import re
from pathlib import Path

from tdkt_desktop.gui import palette
from tdkt_desktop.gui.qt import Qt
from tdkt_desktop.gui.tables import Column, RowsModel

GUI = Path(palette.__file__).resolve().parent
QUOTED_NAME = re.compile(r"""["']([a-z]+(?:-[a-z]+)*)["']""")


def test_every_colour_is_named_once_and_the_stylesheet_uses_only_names() -> None:
    named = palette.colours()
    assert {"text", "error", "error-bg", "ok", "muted", "warn-bg", "accent"} <= set(named)
    sheet = palette.stylesheet()
    assert "@" not in re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL), "a colour used in a rule is not named at the top of app.qss"
    assert re.search(r"QLabel#banner\[tone=\"error\"\] \{ background: #fde2e2", sheet)
    for mapping in (palette.ATTAINMENT_TEXT, palette.ATTAINMENT_FILL, palette.NOMINATION_FILL,
                    palette.NOMINATION_CHART):
        for name in mapping.values():
            assert name in named, name


def test_no_colour_is_written_in_the_code() -> None:
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"#[0-9a-fA-F]{6}\b|QColor\(\s*[\"']|\bcolor:\s*(white|black|red|green)", line):
                found.append(f"{path.relative_to(GUI)}:{n}: {line.strip()}")
    assert found == []


def test_colour_names_given_to_cells_exist(app) -> None:
    model = RowsModel([Column("A", "a", background=lambda r: r["bg"], foreground=lambda r: "error"), Column("B", "b")])
    model.set_rows([{"a": 1, "bg": "warn-bg"}, {"a": 2, "bg": None, "_bg": "ok-bg"}])
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.BackgroundRole).color().name() == palette.colour("warn-bg")
    assert first.data(Qt.ItemDataRole.ForegroundRole).color().name() == palette.colour("error")
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole).color().name() == palette.colour("ok-bg")
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole).color().name() == palette.colour("text")
