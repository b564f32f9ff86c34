"""The sections of the main window, each registered once, by key, from its module in ``gui/sections/``::

    from tdkt_desktop.gui.registry import register_section

    register_section("awards", QT_TRANSLATE_NOOP("Sections", "Awards"), make_awards, order=50, icon="award")

``factory(ctx: AppContext) -> QWidget`` is called the first time the section is shown. The widget may
define ``refresh()`` (called each time it is shown again), ``focus_search()`` and ``can_close() -> bool``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.qt import QtWidgets

SectionFactory = Callable[["AppContext"], "QtWidgets.QWidget"]


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # English source text, translated in context "Sections"
    factory: SectionFactory
    order: int
    icon: str = ""
    tooltip: str = ""  # English source text, context "Sections"
    visible: Callable[[AppContext], bool] | None = None  # None: shown for every installation


_SECTIONS: dict[str, Section] = {}


def register_section(
    key: str,
    title: str,
    factory: SectionFactory,
    *,
    order: int,
    icon: str = "",
    tooltip: str = "",
    visible: Callable[[AppContext], bool] | None = None,
) -> None:
    """``visible(ctx)`` may hide a section where it has no use (e.g. the upper office's screens on an
    installation with no units below it)."""
    _SECTIONS[key] = Section(key, title, factory, order, icon, tooltip, visible)


def sections() -> list[Section]:
    _load_builtin()
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


def section(key: str) -> Section | None:
    _load_builtin()
    return _SECTIONS.get(key)


_loaded = False


def _load_builtin() -> None:
    """Import the section modules (each registers itself), in the order of their names."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib
    import pkgutil

    from tdkt_desktop.gui import sections as pkg

    for name in sorted(info.name for info in pkgutil.iter_modules(pkg.__path__)):
        importlib.import_module(f"{pkg.__name__}.{name}")
