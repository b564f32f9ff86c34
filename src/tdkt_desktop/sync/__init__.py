"""Sync bundles: signed, encrypted files exchanged between a unit and its upper office, merged losslessly.

See ``docs/sync.md`` for the file format, the ownership rules and the merge rules.
"""

from tdkt_desktop.sync.bundle import FORMAT, FORMAT_VERSION, SUFFIX
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.export import BundleInfo, export_bundle, outgoing_history, pending_count
from tdkt_desktop.sync.held import drop_held, list_held
from tdkt_desktop.sync.keys import (
    EnrolmentInfo,
    EnrolResult,
    enroll,
    ensure_keys,
    export_enrolment,
    key_events,
    list_peers,
    own_fingerprint,
    read_enrolment,
)
from tdkt_desktop.sync.merge import (
    import_bundles,
    import_held,
    import_history,
    list_conflicts,
    resolve_conflict,
)
from tdkt_desktop.sync.report import BundleReport, ImportReport

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "SUFFIX",
    "BundleInfo",
    "BundleReport",
    "EnrolResult",
    "EnrolmentInfo",
    "ImportReport",
    "SyncError",
    "drop_held",
    "enroll",
    "ensure_keys",
    "export_bundle",
    "export_enrolment",
    "import_bundles",
    "import_held",
    "import_history",
    "key_events",
    "list_conflicts",
    "list_held",
    "list_peers",
    "outgoing_history",
    "own_fingerprint",
    "pending_count",
    "read_enrolment",
    "resolve_conflict",
]
