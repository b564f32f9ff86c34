"""“Xuất Excel” for any list on screen — a small helper other sections can call.

Three ways in, all writing through :func:`tdkt_desktop.excel.export.export_rows` (or ``export_view``) on a
worker thread (:meth:`Jobs.run`, progress dialog with Cancel), never on the GUI thread::

    from tdkt_desktop.gui.office_view import excel_actions

    # 1. a button beside a list (asks for the file name, then exports what the view shows)
    layout.addWidget(excel_actions.export_button(ctx, table_view, "Danh sách đề nghị khen thưởng", parent))

    # 2. a right-click action “Xuất Excel…” (and Ctrl+E) on a table view
    excel_actions.install_export_action(ctx, table_view, "Danh sách cá nhân")

    # 3. directly, with or without a path (no path: a save dialog asks)
    excel_actions.export_model(ctx, model, title="…", path="/tmp/x.xlsx", done=lambda result: …)
    excel_actions.export_named_view(ctx, "nominations-provincial", period="2025", path=…)

What is exported from a model:

* a :class:`~tdkt_desktop.gui.models.RecordTableModel` (the lazy lists): every row of the list as filtered,
  searched and sorted — the ids are taken on the GUI thread, the rows are read on the worker, each column
  formatted as on screen;
* any other model: the header texts, and per cell the value of :data:`EXPORT_ROLE` when the model gives one
  (numbers stay numbers, dates stay dates), else the text shown. ``model.export_kinds`` (a list of
  ``text``/``int``/``number``/``money``/``percent``/``date``, one per column) sets Excel's number formats.
  The cells are read on the GUI thread (cheap for on-screen lists); the file is written on the worker.

With a ``QTableView``, hidden columns are left out and the columns keep the order the person arranged.
Errors a person can act on (file open in Excel, no permission, disk full) are shown as a Vietnamese message.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tdkt_desktop.core.text import fold
from tdkt_desktop.gui import dialogs
from tdkt_desktop.gui.i18n import ensure_translator
from tdkt_desktop.gui.qt import QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.tables import EXPORT_ROLE

__all__ = [
    "EXPORT_ROLE",
    "ask_save_path",
    "export_button",
    "export_model",
    "export_named_view",
    "install_export_action",
    "suggested_name",
]

SETTINGS_DIR = "office/excel_dir"
ExportSource = QtCore.QAbstractItemModel | QtWidgets.QTableView


def suggested_name(title: str) -> str:
    """ "Danh sách đề nghị" → "danh-sach-de-nghi-2026-05-01.xlsx"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:60] or "danh-sach"
    return f"{slug}-{_dt.date.today().isoformat()}.xlsx"


def ask_save_path(parent: QtWidgets.QWidget | None, title: str, settings: QtCore.QSettings | None = None) -> str | None:
    """Ask where to write the .xlsx (the last folder is remembered). ``None`` when the person cancels.
    Tests replace this function."""
    folder = str(settings.value(SETTINGS_DIR, "") or "") if settings is not None else ""
    default = str(Path(folder) / suggested_name(title)) if folder else suggested_name(title)
    path, _f = QtWidgets.QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ExcelExport", "Export to Excel"), default, QCoreApplication.translate("ExcelExport", "Excel workbook (*.xlsx)")
    )
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    if settings is not None:
        settings.setValue(SETTINGS_DIR, str(Path(path).parent))
    return path


def _model_and_columns(source: ExportSource) -> tuple[QtCore.QAbstractItemModel, list[int]]:
    if isinstance(source, QtWidgets.QTableView):
        model = source.model()
        header = source.horizontalHeader()
        cols = [header.logicalIndex(v) for v in range(header.count())]
        return model, [c for c in cols if not source.isColumnHidden(c)]
    return source, list(range(source.columnCount()))


def _snapshot(model: QtCore.QAbstractItemModel, cols: Sequence[int]) -> tuple[list[str], list[str], list[list[Any]]]:
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in cols]
    kinds_all = list(getattr(model, "export_kinds", []) or [])
    kinds = [kinds_all[c] if c < len(kinds_all) else "text" for c in cols]
    rows: list[list[Any]] = []
    for r in range(model.rowCount()):
        values = []
        for c in cols:
            index = model.index(r, c)
            raw = model.data(index, EXPORT_ROLE)
            values.append(raw if raw is not None else model.data(index, Qt.ItemDataRole.DisplayRole))
        rows.append(values)
    return headers, kinds, rows


def export_model(
    ctx: Any,
    source: ExportSource,
    *,
    title: str,
    path: str | Path | None = None,
    subtitle: str | None = None,
    parent: QtWidgets.QWidget | None = None,
    done: Callable[[Any], None] | None = None,
    totals: bool = False,
) -> Any:
    """Export what ``source`` (a model or a table view) shows to an .xlsx file, off the GUI thread.
    Returns the :class:`~tdkt_desktop.gui.background.Job`, or ``None`` when the person cancelled the
    file dialog. ``done(result)`` gets the :class:`~tdkt_desktop.excel.export.ExportResult`."""
    ensure_translator()
    from tdkt_desktop.excel.export import Column, export_rows
    from tdkt_desktop.gui.models import RecordTableModel

    model, cols = _model_and_columns(source)
    if path is None:
        path = ask_save_path(parent, title, getattr(ctx, "settings", None))
        if path is None:
            return None
    target = Path(path)
    unit_name = ctx.unit_name() if hasattr(ctx, "unit_name") else None
    totals_label = QCoreApplication.translate("ExcelExport", "Total") if totals else None

    if isinstance(model, RecordTableModel):
        query = model.query.copy()
        ids = list(model.ids())
        list_cols = [model.columns[c] for c in cols]
        headers = [c.label for c in list_cols]

        def work(store: Any, progress: Any) -> Any:
            def rows() -> Any:
                for start in range(0, len(ids), 500):
                    block = ids[start:start + 500]
                    fetched = query.fetch(store, block)
                    for rid in block:
                        row = fetched.get(rid)
                        if row is not None:
                            yield row
                    progress(min(start + 500, len(ids)), len(ids))

            columns = [Column(h, c.display, "text") for h, c in zip(headers, list_cols, strict=True)]
            return export_rows(target, title, columns, rows(), unit_name=unit_name, subtitle=subtitle,
                               numbered=True, total=len(ids), totals_label=totals_label)
    else:
        headers, kinds, data = _snapshot(model, cols)

        def work(store: Any, progress: Any) -> Any:
            def value(i: int, kind: str) -> Callable[[list[Any]], Any]:
                def get(row: list[Any]) -> Any:
                    v = row[i]
                    if kind == "text" and v is not None and not isinstance(v, str):
                        return str(v)
                    return v
                return get

            columns = [Column(h or " ", value(i, k if k in _KINDS else "text"), k if k in _KINDS else "text")
                       for i, (h, k) in enumerate(zip(headers, kinds, strict=True))]
            return export_rows(target, title, columns, data, unit_name=unit_name, subtitle=subtitle,
                               progress=lambda d, t: progress(d, t), totals_label=totals_label)

    return ctx.jobs.run(work, done=done or (lambda result: _exported(parent, result)),
                        title=QCoreApplication.translate("ExcelExport", "Exporting to Excel"), dialog=True, parent=parent)


_KINDS = ("text", "longtext", "int", "number", "percent", "date", "money")


def export_named_view(
    ctx: Any,
    view: str,
    *,
    path: str | Path | None = None,
    campaign_id: str | None = None,
    period: str | None = None,
    status: str | None = None,
    title: str | None = None,
    parent: QtWidgets.QWidget | None = None,
    done: Callable[[Any], None] | None = None,
) -> Any:
    """Export one of the engine's named views (``excel.export.VIEWS``: ``nominations-provincial``,
    ``attainment-matrix``, ``people``, …) with its filters, off the GUI thread."""
    ensure_translator()
    from tdkt_desktop.excel.export import VIEWS, export_view

    label = title or (_view_label(VIEWS[view]) if view in VIEWS else view)
    if path is None:
        path = ask_save_path(parent, label, getattr(ctx, "settings", None))
        if path is None:
            return None
    target = Path(path)

    def work(store: Any, progress: Any) -> Any:
        return export_view(store, view, target, campaign_id=campaign_id, period=period, status=status,
                           progress=lambda d, t: progress(d, t))

    return ctx.jobs.run(work, done=done or (lambda result: _exported(parent, result)),
                        title=QCoreApplication.translate("ExcelExport", "Exporting to Excel"), dialog=True, parent=parent)


def _exported(parent: QtWidgets.QWidget | None, result: Any) -> None:
    text = QCoreApplication.translate("ExcelExport", "Exported %1 row(s) to the file:\n%2").replace("%1", str(result.rows)).replace("%2", str(result.path))
    dialogs.inform(parent, QCoreApplication.translate("ExcelExport", "Export to Excel"), text)


def export_button(
    ctx: Any, source: ExportSource | Callable[[], ExportSource], title: str | Callable[[], str],
    parent: QtWidgets.QWidget | None = None, **options: Any,
) -> QtWidgets.QPushButton:
    """A “Xuất Excel” button exporting ``source`` (or what a function returns at the click)."""
    ensure_translator()
    button = QtWidgets.QPushButton(QCoreApplication.translate("ExcelExport", "Export to Excel"), parent)
    button.setToolTip(QCoreApplication.translate("ExcelExport", "Write this list to an Excel file (.xlsx)"))
    button.setObjectName("exportExcelButton")

    def click() -> None:
        src = source() if callable(source) and not isinstance(source, (QtCore.QAbstractItemModel, QtWidgets.QTableView)) else source
        name = title() if callable(title) else title
        export_model(ctx, src, title=name, parent=parent or button.window(), **options)

    button.clicked.connect(click)
    return button


def install_export_action(ctx: Any, view: QtWidgets.QTableView, title: str | Callable[[], str], **options: Any) -> QtGui.QAction:
    """Add “Xuất Excel…” to the view's right-click menu, with Ctrl+E while the view has the focus."""
    ensure_translator()
    action = QtGui.QAction(QCoreApplication.translate("ExcelExport", "Export to Excel…"), view)
    action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(
        lambda: export_model(ctx, view, title=title() if callable(title) else title, parent=view.window(), **options)
    )
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def _view_label(view: Any) -> str:
    """The Vietnamese title of a named view (``label`` in the engine; ``title`` in older versions)."""
    return str(getattr(view, "label", None) or getattr(view, "title", None) or getattr(view, "name", ""))
