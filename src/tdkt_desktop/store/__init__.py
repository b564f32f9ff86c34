"""SQLite storage: opening, migrations, sync-ready records, audit log, search."""

from tdkt_desktop.store.db import (
    SYNCED_TABLES,
    NotFound,
    Store,
    StoreError,
    check_integrity,
    default_db_path,
    open_store,
)

__all__ = ["SYNCED_TABLES", "NotFound", "Store", "StoreError", "check_integrity", "default_db_path", "open_store"]
