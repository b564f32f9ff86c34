"""What every section and dialog is given: the database path, the background runner, a read-only store
for the GUI thread, settings, and a few facts about this installation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tdkt_desktop.core.naming import GENERIC, Naming
from tdkt_desktop.gui.background import Jobs, OthersWatcher
from tdkt_desktop.gui.qt import QSettings
from tdkt_desktop.store.db import Store, open_store
from tdkt_desktop.store.naming import naming_of
from tdkt_desktop.store.server_address import database_location


@dataclass
class AppContext:
    """Handed to section factories and dialogs.

    * ``jobs`` — run every write and every slow read there (:meth:`Jobs.run`); follow ``jobs.data_changed``.
    * ``reader`` — this thread's own store: ONLY quick primary-key reads on the GUI thread (a form's
      record, a block of rows for a table model, completer lists of a few thousand names).
    * ``settings`` — QSettings for remembered window state.
    * ``naming`` — how this installation names the awards; every screen names a title with it.
    """

    db_path: str | Path  # a SQLite file, or an office's server database (postgresql://…)
    jobs: Jobs
    reader: Store
    settings: QSettings
    naming: Naming = GENERIC  # how this installation names awards ("…thành phố", "…phường"); set on opening
    watcher: OthersWatcher | None = None  # on a server database: the other officers' changes followed

    @classmethod
    def open(cls, db_path: str | Path, *, settings: QSettings | None = None) -> AppContext:
        path = database_location(db_path)
        reader = open_store(path, create=True)
        jobs = Jobs(path)
        context = cls(path, jobs, reader, settings or QSettings())
        context.naming = naming_of(reader)
        jobs.data_changed.connect(context._units_changed)
        if reader.on_server:
            context.watcher = OthersWatcher(jobs)
            context.watcher.start()
        return context

    def _units_changed(self, table: str) -> None:
        if table == "units":  # the unit or its province renamed: award names follow
            self.naming = naming_of(self.reader)

    def close(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self.jobs.close()
        self.reader.close()

    # ------------------------------------------------------------------ facts
    @property
    def unit_code(self) -> str | None:
        return self.reader.unit_code

    def unit_name(self) -> str:
        unit = self.reader.self_unit()
        return str(unit["name"]) if unit else ""
