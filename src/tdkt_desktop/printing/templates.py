"""Templates of the printed documents, kept as data in ``forms/`` and chosen by effective date.

Each file ``forms/<name>.<valid_from>.json`` describes one document for one legal period: its legal basis, the
dates it applies to, its page orientation, the context fields it needs and its blocks (see ``docs/printing.md``).
When a decree changes a form, a new file is added beside the old one; :func:`template_for` picks the file in
force on the document's date.
"""

from __future__ import annotations

import datetime as _dt
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt_desktop.core.text import format_date
from tdkt_desktop.printing.errors import TemplateError

__all__ = ["FieldSpec", "Template", "list_templates", "load_template", "reload_templates", "template_for"]

KINDS = ("document", "certificate")
ORIENTATIONS = ("portrait", "landscape")
BLOCK_TYPES = {
    "header", "title", "addressee", "basis", "heading", "paragraph", "paragraphs", "lines", "list",
    "table", "closing", "signatures", "page_break", "spacer", "frame",
}
ELEMENT_TYPES = {"text", "rule"}


@dataclass(frozen=True)
class FieldSpec:
    """One context field a template reads: dotted ``key`` (``rows[].name`` for each row of a list)."""

    key: str
    label: str
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    legal_basis: str
    valid_from: _dt.date
    valid_to: _dt.date | None
    orientation: str
    kind: str
    path: Path
    form: str = ""
    doc_code: str = ""
    fields: tuple[FieldSpec, ...] = ()
    blocks: tuple[dict[str, Any], ...] = ()
    elements: tuple[dict[str, Any], ...] = ()
    page: dict[str, Any] = field(default_factory=dict)
    style: dict[str, Any] = field(default_factory=dict)
    border: dict[str, Any] = field(default_factory=dict)

    def applies_on(self, day: _dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def label_of(self, key: str) -> str | None:
        for spec in self.fields:
            if spec.key == key:
                return spec.label
        return None

    @property
    def period(self) -> str:
        end = f" đến {format_date(self.valid_to)}" if self.valid_to else ""
        return f"từ {format_date(self.valid_from)}{end}"


def _date(value: Any, path: Path, key: str) -> _dt.date | None:
    if value in (None, ""):
        return None
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise TemplateError(f"Mẫu {path.name}: “{key}” phải là ngày dạng yyyy-mm-dd, không phải “{value}”.") from None


def load_template(path: Path) -> Template:
    """Read and check one template file. Raises :class:`TemplateError` with a Vietnamese message."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"Không đọc được tệp mẫu {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"Tệp mẫu {path.name} phải là một đối tượng JSON.")
    for key in ("name", "title", "legal_basis", "valid_from", "orientation"):
        if not data.get(key):
            raise TemplateError(f"Tệp mẫu {path.name} thiếu mục “{key}”.")
    kind = data.get("kind", "document")
    if kind not in KINDS:
        raise TemplateError(f"Tệp mẫu {path.name}: loại “{kind}” không hợp lệ (chỉ {', '.join(KINDS)}).")
    if data["orientation"] not in ORIENTATIONS:
        raise TemplateError(f"Tệp mẫu {path.name}: hướng giấy phải là portrait hoặc landscape.")
    valid_from = _date(data["valid_from"], path, "valid_from")
    assert valid_from is not None
    valid_to = _date(data.get("valid_to"), path, "valid_to")
    if valid_to is not None and valid_to < valid_from:
        raise TemplateError(f"Tệp mẫu {path.name}: valid_to đứng trước valid_from.")
    fields = tuple(
        FieldSpec(
            key=f["key"], label=f.get("label", f["key"]), required=bool(f.get("required", False)),
            description=f.get("description", ""),
        )
        for f in data.get("fields", [])
    )
    blocks = tuple(data.get("blocks", []))
    for i, block in enumerate(blocks):
        if block.get("type") not in BLOCK_TYPES:
            raise TemplateError(f"Tệp mẫu {path.name}: khối thứ {i + 1} có loại “{block.get('type')}” không hợp lệ.")
    elements = tuple(data.get("elements", []))
    for i, element in enumerate(elements):
        if element.get("type", "text") not in ELEMENT_TYPES:
            raise TemplateError(f"Tệp mẫu {path.name}: phần tử thứ {i + 1} có loại không hợp lệ.")
    if kind == "document" and not blocks:
        raise TemplateError(f"Tệp mẫu {path.name} không có khối nội dung nào (blocks).")
    if kind == "certificate" and not elements:
        raise TemplateError(f"Tệp mẫu {path.name} không có phần tử nào (elements).")
    return Template(
        name=data["name"], title=data["title"], legal_basis=data["legal_basis"], valid_from=valid_from,
        valid_to=valid_to, orientation=data["orientation"], kind=kind, path=path, form=data.get("form", ""),
        doc_code=data.get("doc_code", ""), fields=fields, blocks=blocks, elements=elements,
        page=dict(data.get("page", {})), style=dict(data.get("style", {})), border=dict(data.get("border", {})),
    )


_lock = threading.Lock()
_cache: dict[Path, list[Template]] = {}


def _forms_dir(directory: Path | str | None) -> Path:
    if directory is not None:
        return Path(directory)
    from tdkt_desktop.paths import forms_dir

    return forms_dir()


def list_templates(directory: Path | str | None = None) -> list[Template]:
    """Every template file in ``forms/`` (all legal periods), sorted by name then valid_from."""
    folder = _forms_dir(directory).resolve()
    with _lock:
        if folder not in _cache:
            found = [load_template(p) for p in sorted(folder.glob("*.json"))]
            found.sort(key=lambda t: (t.name, t.valid_from))
            _cache[folder] = found
        return list(_cache[folder])


def reload_templates() -> None:
    """Forget the loaded templates (after a file in forms/ changed)."""
    with _lock:
        _cache.clear()


def template_for(name: str, on_date: _dt.date | str | None = None, *, directory: Path | str | None = None) -> Template:
    """The template ``name`` in force on ``on_date`` (today when omitted); the latest valid_from wins."""
    if on_date is None:
        day = _dt.date.today()
    elif isinstance(on_date, str):
        day = _dt.date.fromisoformat(on_date[:10])
    elif isinstance(on_date, _dt.datetime):
        day = on_date.date()
    else:
        day = on_date
    versions = [t for t in list_templates(directory) if t.name == name]
    if not versions:
        names = sorted({t.name for t in list_templates(directory)})
        raise TemplateError(f"Không có mẫu in “{name}”. Các mẫu hiện có: {', '.join(names)}.")
    applicable = [t for t in versions if t.applies_on(day)]
    if not applicable:
        periods = "; ".join(t.period for t in versions)
        raise TemplateError(
            f"Không có mẫu “{name}” áp dụng cho ngày {format_date(day)} (mẫu hiện có áp dụng {periods})."
        )
    return max(applicable, key=lambda t: t.valid_from)
