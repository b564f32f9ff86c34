"""The Đồng bộ (synchronisation) section, and opening a bundle file given on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.gui.qt import QCoreApplication, QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen

SECTION_KEY = "sync"


def open_bundle_file(target: Any, path: str | Path) -> QtWidgets.QWidget:
    """Show the import preview (dry run) of the bundle file ``path``.

    ``target`` is the :class:`MainWindow` (the Đồng bộ section is shown and its “Receive bundles” tab
    checks the file; “Import” then merges it) or an :class:`AppContext` (a window holding the same
    section is opened on its own). Returns the section widget.
    """
    from tdkt_desktop.gui.i18n import ensure_translator
    from tdkt_desktop.gui.sync_view.page import SyncPage, make_sync_page

    ensure_translator()
    page: QtWidgets.QWidget | None = None
    if hasattr(target, "show_section") and hasattr(target, "page"):
        target.show_section(SECTION_KEY)
        page = target.page(SECTION_KEY)
    if not isinstance(page, SyncPage):
        ctx = target.ctx if hasattr(target, "ctx") else target
        page = make_sync_page(ctx)
        page.setWindowTitle(QCoreApplication.translate("SyncPage", "Receive bundles"))
        fit_to_screen(page, 1100, 720)
        page.show()
    assert isinstance(page, SyncPage)
    page.set_import_paths([str(path)])
    page.raise_()
    return page


__all__ = ["SECTION_KEY", "open_bundle_file"]
