"""Imports point one way: gui → (printing, excel, sync) → store → core. Nothing below gui imports Qt."""

import ast
import re
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


# What command groups share beyond ``cli.base``: the one list import of ``records import`` and ``excel import``.
SHARED_COMMANDS = ("tdkt_desktop.cli.importing",)


def test_command_modules_import_only_the_shared_base_of_the_cli():
    """No cycles: a command group imports ``cli.base`` and the shared commands (and nothing else of ``cli``), a
    shared command only ``cli.base``; ``cli.main`` imports the groups."""
    for path in sorted((PKG / "cli").glob("*.py")):
        if path.name in ("__init__.py", "main.py", "base.py"):
            continue
        shared = f"tdkt_desktop.cli.{path.stem}" in SHARED_COMMANDS
        for name in imports_of(path):
            if name.startswith("tdkt_desktop.cli"):
                allowed = ("tdkt_desktop.cli.base",) if shared else ("tdkt_desktop.cli.base", *SHARED_COMMANDS)
                assert name in allowed, f"cli/{path.name} imports {name}"


# What marks SQL or a transaction in a line of Python: statements, clauses, placeholders, connections.
SQL_MARKS = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|PRAGMA|WHERE|JOIN|GROUP BY|ORDER BY)\b"
    r"|\bIN \(|\bIS (NOT )?NULL\b|[=<>] \?|\bDESC\b"
    r"|\.execute\(|\.executemany\(|\.db\.|\.conn\b|\.atomic\(|\b(store|reader|s)\.(rows|count|query)\("
)


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of ``path`` outside docstrings and comments."""
    source = path.read_text(encoding="utf-8")
    docs: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            docs.update(range(body[0].lineno, (body[0].end_lineno or body[0].lineno) + 1))
    return [(n, line.split("#", 1)[0]) for n, line in enumerate(source.splitlines(), 1) if n not in docs]


def test_the_gui_holds_no_sql_and_opens_no_transaction():
    """All SQL lives in store/ (a second engine can be added without touching the screens); the screens call
    its functions, in background jobs. On the GUI thread only reads by key (``ctx.reader.get`` and friends)."""
    found = []
    for path in sorted((PKG / "gui").rglob("*.py")):
        for n, line in _code_lines(path):
            if SQL_MARKS.search(line):
                found.append(f"{path.relative_to(PKG)}:{n}: {line.strip()}")
    assert found == []


# What the GUI thread may ask its own store: a record by id, this installation's unit, a unit by its code; and what it
# holds in memory (on a server database: that it is one, and the officer signed in).
READER_USES = re.compile(
    r"\breader\.(get|require|unit_code|self_unit|unit_by_code|operator|close|schema_version|on_server|account)\b")


def test_the_gui_thread_reads_only_by_key():
    found = []
    for path in sorted((PKG / "gui").rglob("*.py")):
        for n, line in _code_lines(path):
            for match in re.finditer(r"\breader\.\w+", line):
                if not READER_USES.match(match.group(0)):
                    found.append(f"{path.relative_to(PKG)}:{n}: {line.strip()}")
            if re.search(r"\(\s*(self\.)?ctx\.reader\b\s*,", line) and "RecordTableModel" not in line \
                    and "label_of" not in line:
                found.append(f"{path.relative_to(PKG)}:{n}: {line.strip()}")
    assert found == []
