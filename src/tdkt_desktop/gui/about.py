"""The About dialog (Help menu): name, version, where the data is, schema version, licenses of bundled data.

    from tdkt_desktop.gui.about import show_about
    show_about(parent, ctx)            # an AppContext, or a database path, or None (the default database)

Nothing here writes to the database: the schema version of a path is read over a read-only connection, so
opening the dialog never migrates or creates a file.

Texts are English sources (``QT_TRANSLATE_NOOP("AboutDialog", …)``, picked up by pyside6-lupdate) with their
Vietnamese wording kept here too, so the dialog is Vietnamese before the ``.ts`` file has them.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop import __version__
from tdkt_desktop.gui.qt import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from tdkt_desktop.gui.widgets import fit_to_screen
from tdkt_desktop.paths import resources_dir
from tdkt_desktop.store.server_address import database_location, location_label

APP_TITLE = "TĐKT Desktop"
_CONTEXT = "AboutDialog"

_VI = {
    QT_TRANSLATE_NOOP("AboutDialog", "About TĐKT Desktop"): "Giới thiệu TĐKT Desktop",
    QT_TRANSLATE_NOOP("AboutDialog", "Emulation and commendation work for communes, wards and their upper offices — "
                      "works without a network."): "Quản lý thi đua, khen thưởng cho xã, phường và cơ quan cấp trên — "
    "làm việc không cần mạng.",
    QT_TRANSLATE_NOOP("AboutDialog", "Version"): "Phiên bản",
    QT_TRANSLATE_NOOP("AboutDialog", "Database"): "Cơ sở dữ liệu",
    QT_TRANSLATE_NOOP("AboutDialog", "Schema version"): "Phiên bản lược đồ",
    QT_TRANSLATE_NOOP("AboutDialog", "%1 (this program: %2)"): "%1 (phần mềm này: %2)",
    QT_TRANSLATE_NOOP("AboutDialog", "unknown"): "không rõ",
    QT_TRANSLATE_NOOP("AboutDialog", "not created yet"): "chưa tạo",
    QT_TRANSLATE_NOOP("AboutDialog", "Data folder"): "Thư mục dữ liệu",
    QT_TRANSLATE_NOOP("AboutDialog", "Backups"): "Bản sao lưu",
    QT_TRANSLATE_NOOP("AboutDialog", "Error log"): "Nhật ký lỗi",
    QT_TRANSLATE_NOOP("AboutDialog", "Program folder"): "Thư mục chương trình",
    QT_TRANSLATE_NOOP("AboutDialog", "System"): "Hệ thống",
    QT_TRANSLATE_NOOP("AboutDialog", "Installing a new version or uninstalling never deletes the data folder."):
        "Cài phiên bản mới hoặc gỡ cài đặt không bao giờ xóa thư mục dữ liệu.",
    QT_TRANSLATE_NOOP("AboutDialog", "Information"): "Thông tin",
    QT_TRANSLATE_NOOP("AboutDialog", "Licenses"): "Giấy phép",
    QT_TRANSLATE_NOOP("AboutDialog", "Copy information"): "Sao chép thông tin",
    QT_TRANSLATE_NOOP("AboutDialog", "Open data folder"): "Mở thư mục dữ liệu",
    QT_TRANSLATE_NOOP("AboutDialog", "Close"): "Đóng",
    QT_TRANSLATE_NOOP("AboutDialog", "Copied."): "Đã sao chép.",
    QT_TRANSLATE_NOOP("AboutDialog", "Bundled data and components"): "Dữ liệu và thành phần đi kèm",
    QT_TRANSLATE_NOOP("AboutDialog", "Administrative unit lists (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)"):
        "Danh mục đơn vị hành chính (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)",
    QT_TRANSLATE_NOOP("AboutDialog", "Award rules are data taken from the legal documents (Luật Thi đua, khen thưởng "
                      "2022; Nghị định 98/2023, 152/2025, 129/2025); printing follows Nghị định 30/2020."):
        "Quy định khen thưởng là dữ liệu lấy từ văn bản pháp luật (Luật Thi đua, khen thưởng 2022; Nghị định "
        "98/2023, 152/2025, 129/2025); văn bản in theo thể thức Nghị định 30/2020.",
    QT_TRANSLATE_NOOP("AboutDialog", "Components"): "Thành phần phần mềm",
}

# (component, license) of what the built application carries.
COMPONENTS = (
    ("Python", "PSF License"),
    ("Qt 6, PySide6", "LGPL v3"),
    ("SQLite", "Public domain"),
    ("sqlite-utils", "Apache 2.0"),
    ("ReportLab", "BSD"),
    ("openpyxl", "MIT"),
    ("cryptography", "Apache 2.0 / BSD"),
    ("platformdirs", "MIT"),
    ("Pillow", "MIT-CMU (HPND)"),
)


def tr(text: str) -> str:
    """The translation of an English source text, or its Vietnamese wording here when not translated yet."""
    translated = QCoreApplication.translate(_CONTEXT, text)
    if translated == text:
        return _VI.get(text, text)
    return translated


# --------------------------------------------------------------------------- facts (no Qt widgets)


def _db_schema_version(path: Path) -> int | None:
    """Applied migrations of the database at ``path``, read without writing (None when unknown)."""
    if not path.is_file():
        return None
    try:
        import sqlite_utils

        from tdkt_desktop.store.db import applied_migrations

        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return len(applied_migrations(sqlite_utils.Database(conn)))
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None


def _open_path(ctx_or_db_path: Any) -> tuple[str | Path, Any]:
    """(database path or server address, the context's reader Store or None)."""
    if ctx_or_db_path is None:
        from tdkt_desktop.store.db import default_db_path

        return default_db_path(), None
    if isinstance(ctx_or_db_path, (str, Path)):
        return database_location(ctx_or_db_path), None
    return database_location(ctx_or_db_path.db_path), getattr(ctx_or_db_path, "reader", None)


def about_facts(ctx_or_db_path: Any = None) -> dict[str, Any]:
    """Everything the dialog shows, as plain values (also what "Copy information" puts on the clipboard)."""
    from tdkt_desktop.store.backups import backup_folder
    from tdkt_desktop.store.db import user_data_dir
    from tdkt_desktop.store.migrations import schema_version

    db_path, reader = _open_path(ctx_or_db_path)
    version: int | None = None
    if reader is not None:
        try:
            version = int(reader.schema_version())
        except Exception:
            version = None
    if version is None and isinstance(db_path, Path):
        version = _db_schema_version(db_path)
    try:
        from tdkt_desktop.gui.errors import bug_log_path

        log_path: Path | None = bug_log_path()
    except Exception:
        log_path = None
    frozen = bool(getattr(sys, "frozen", False))
    program = Path(sys.executable).parent if frozen else Path(__file__).resolve().parents[1]
    return {
        "version": __version__,
        "database": location_label(db_path),
        "database_exists": isinstance(db_path, str) or db_path.is_file(),
        "schema_version": version,
        "code_schema_version": schema_version(),
        "data_folder": user_data_dir(),
        "backups": backup_folder(db_path) if isinstance(db_path, Path) else tr("on the server (pg_dump)"),
        "log": log_path,
        "program": program,
        "frozen": frozen,
        "system": f"{platform.system()} {platform.release()} ({platform.machine()}), Python "
        f"{platform.python_version()}, Qt {QtCore.qVersion()}",
    }


def data_license_text() -> str:
    """The notice of the bundled administrative-unit data (from resources/admin_units/SOURCE.md)."""
    source = resources_dir() / "admin_units" / "SOURCE.md"
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        return ""
    marker = "## License of the data"
    if marker in text:
        text = text.split(marker, 1)[1]
    return text.replace("```", "").strip()


def facts_text(facts: dict[str, Any]) -> str:
    def value(v: Any) -> str:
        return tr("unknown") if v is None else str(v)

    schema = tr("%1 (this program: %2)").replace("%1", value(facts["schema_version"])).replace(
        "%2", str(facts["code_schema_version"])
    )
    database = str(facts["database"]) + ("" if facts["database_exists"] else f" ({tr('not created yet')})")
    lines = [
        f"{APP_TITLE} {facts['version']}",
        f"{tr('Database')}: {database}",
        f"{tr('Schema version')}: {schema}",
        f"{tr('Data folder')}: {facts['data_folder']}",
        f"{tr('Backups')}: {facts['backups']}",
        f"{tr('Error log')}: {value(facts['log'])}",
        f"{tr('Program folder')}: {facts['program']}",
        f"{tr('System')}: {facts['system']}",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- the dialog


def app_icon() -> QtGui.QIcon:
    """The application icon (resources/icons/app.svg, app.png as a fallback)."""
    icons = resources_dir() / "icons"
    icon = QtGui.QIcon()
    for name in ("app.svg", "app.png"):
        path = icons / name
        if path.exists():
            icon.addFile(str(path))
    return icon


class AboutDialog(QtWidgets.QDialog):
    def __init__(self, parent: QtWidgets.QWidget | None = None, ctx_or_db_path: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(tr("About TĐKT Desktop"))
        self.setWindowIcon(app_icon())
        self.facts = about_facts(ctx_or_db_path)

        layout = QtWidgets.QVBoxLayout(self)
        head = QtWidgets.QHBoxLayout()
        logo = QtWidgets.QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(logo)
        title_box = QtWidgets.QVBoxLayout()
        title = QtWidgets.QLabel(f"<b style='font-size:16pt'>{APP_TITLE}</b>")
        title.setObjectName("aboutTitle")
        version = QtWidgets.QLabel(f"{tr('Version')} {self.facts['version']}")
        version.setObjectName("aboutVersion")
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QtWidgets.QLabel(
            tr("Emulation and commendation work for communes, wards and their upper offices — works without a network.")
        )
        tagline.setWordWrap(True)
        for widget in (title, version, tagline):
            title_box.addWidget(widget)
        head.addLayout(title_box, 1)
        layout.addLayout(head)

        tabs = QtWidgets.QTabWidget()
        tabs.addTab(self._info_page(), tr("Information"))
        tabs.addTab(self._license_page(), tr("Licenses"))
        layout.addWidget(tabs, 1)

        buttons = QtWidgets.QDialogButtonBox()
        self.copy_button = buttons.addButton(tr("Copy information"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = buttons.addButton(tr("Open data folder"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(tr("Close"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_information)
        self.open_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 460)

    def _info_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(page)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        f = self.facts
        unknown = tr("unknown")
        schema = tr("%1 (this program: %2)").replace(
            "%1", unknown if f["schema_version"] is None else str(f["schema_version"])
        ).replace("%2", str(f["code_schema_version"]))
        database = str(f["database"]) + ("" if f["database_exists"] else f" ({tr('not created yet')})")
        rows = (
            ("Version", str(f["version"]), "version"),
            ("Database", database, "database"),
            ("Schema version", schema, "schema"),
            ("Data folder", str(f["data_folder"]), "dataFolder"),
            ("Backups", str(f["backups"]), "backups"),
            ("Error log", unknown if f["log"] is None else str(f["log"]), "log"),
            ("Program folder", str(f["program"]), "program"),
            ("System", str(f["system"]), "system"),
        )
        for label, text, name in rows:
            value = QtWidgets.QLabel(text)
            value.setObjectName(f"about_{name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(tr(label) + ":", value)
        note = QtWidgets.QLabel(tr("Installing a new version or uninstalling never deletes the data folder."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _license_page(self) -> QtWidgets.QWidget:
        text = QtWidgets.QPlainTextEdit()
        text.setObjectName("aboutLicenses")
        text.setReadOnly(True)
        parts = [
            tr("Bundled data and components"),
            "",
            tr("Administrative unit lists (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)") + ":",
            "vietnamadminunits — " + (data_license_text() or "MIT License"),
            "",
            tr("Award rules are data taken from the legal documents (Luật Thi đua, khen thưởng 2022; Nghị định "
               "98/2023, 152/2025, 129/2025); printing follows Nghị định 30/2020."),
            "",
            tr("Components") + ":",
            *(f"  • {name}: {license_name}" for name, license_name in COMPONENTS),
        ]
        text.setPlainText("\n".join(parts))
        return text

    def information_text(self) -> str:
        return facts_text(self.facts)

    def copy_information(self) -> None:
        QtWidgets.QApplication.clipboard().setText(self.information_text())
        self.copy_button.setText(tr("Copied."))

    def open_data_folder(self) -> None:
        folder = Path(self.facts["data_folder"])
        if not folder.exists():
            folder = Path(self.facts["database"]).parent
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(folder)))


def show_about(parent: QtWidgets.QWidget | None, ctx_or_db_path: Any = None) -> AboutDialog:
    """Show the About dialog modally; returns it (after it was closed) for tests."""
    dialog = AboutDialog(parent, ctx_or_db_path)
    dialog.exec()
    return dialog


__all__ = ["AboutDialog", "about_facts", "app_icon", "data_license_text", "show_about"]
