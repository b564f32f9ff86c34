"""What every section and dialog is given: the database path, the background runner, a read-only store
for the GUI thread, settings, and a few facts about this installation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tdkt_desktop.gui.background import Jobs
from tdkt_desktop.gui.qt import QSettings
from tdkt_desktop.store.db import Store, open_store


@dataclass
class AppContext:
    """Handed to section factories and dialogs.

    * ``jobs`` — run every write and every slow read there (:meth:`Jobs.run`); follow ``jobs.data_changed``.
    * ``reader`` — this thread's own store: ONLY quick primary-key reads on the GUI thread (a form's
      record, a block of rows for a table model, completer lists of a few thousand names).
    * ``settings`` — QSettings for remembered window state.
    """

    db_path: Path
    jobs: Jobs
    reader: Store
    settings: QSettings

    @classmethod
    def open(cls, db_path: str | Path, *, settings: QSettings | None = None) -> AppContext:
        path = Path(db_path)
        reader = open_store(path, create=True)
        jobs = Jobs(path)
        context = cls(path, jobs, reader, settings or QSettings())
        context.name_titles()
        return context

    def name_titles(self) -> None:
        """Award names on every screen follow this installation's units ("…thành phố", "…phường")."""
        from tdkt_desktop.core.models import set_title_words

        unit = self.reader.self_unit()
        province = self.reader.unit_by_code(unit["province_code"]) if unit and unit.get("province_code") else None
        set_title_words(province_name=province["name"] if province else None,
                        commune_name=unit["name"] if unit and unit["level"] == "commune" else None)

    def close(self) -> None:
        from tdkt_desktop.core.models import reset_title_words

        reset_title_words()
        self.jobs.cancel_all()
        self.jobs.wait_idle(5000)
        self.reader.close()

    # ------------------------------------------------------------------ facts
    @property
    def unit_code(self) -> str | None:
        return self.reader.unit_code

    def unit_name(self) -> str:
        unit = self.reader.self_unit()
        return str(unit["name"]) if unit else ""
