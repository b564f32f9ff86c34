"""Imports point one way: gui → (printing, excel, sync) → store → core. Nothing below gui imports Qt."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "src" / "tdkt_desktop"

# layer → layers it may import from tdkt_desktop
ALLOWED = {
    "core": {"core", "paths"},
    "store": {"core", "store", "paths"},
    "sync": {"core", "store", "sync", "paths"},
    "printing": {"core", "store", "printing", "paths"},
    "excel": {"core", "store", "excel", "printing", "paths"},
    "directives": {"core", "directives", "paths"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_below_gui_do_not_import_qt_or_higher_layers(layer):
    files = sorted((PKG / layer).rglob("*.py"))
    assert files, f"layer {layer} has no modules"
    for path in files:
        for name in imports_of(path):
            top = name.split(".")[0]
            assert top not in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}, f"{path} imports {name}"
            if top == "tdkt_desktop" and "." in name:
                target = name.split(".")[1]
                if target in {"__init__"}:
                    continue
                assert target in ALLOWED[layer], f"{path.relative_to(PKG)} imports {name}"


def test_cli_imports_gui_only_lazily_and_loads_no_module_by_name():
    files = sorted((PKG / "cli").glob("*.py"))
    assert files
    for path in files:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert "gui" not in (module or "") and "PySide6" not in (module or ""), f"{path.name} imports {module}"
        assert "__import__(" not in source and "import_module(" not in source, f"{path.name} loads modules by name"


def test_command_modules_import_only_the_shared_base_of_the_cli():
    """No cycles: a command group imports ``cli.base`` (and nothing else of ``cli``); ``cli.main`` imports the groups."""
    for path in sorted((PKG / "cli").glob("*.py")):
        if path.name in ("__init__.py", "main.py", "base.py"):
            continue
        for name in imports_of(path):
            if name.startswith("tdkt_desktop.cli"):
                assert name == "tdkt_desktop.cli.base", f"cli/{path.name} imports {name}"
