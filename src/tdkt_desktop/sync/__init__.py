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
    KeysMissing,
    enroll,
    ensure_keys,
    export_enrolment,
    key_events,
    keys_locked,
    list_peers,
    new_keys,
    own_fingerprint,
    own_keys,
    protect_keys,
    read_enrolment,
    revoke_own_key,
    revoke_peer,
    rotate_keys,
    unlock_keys,
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
    "KeysMissing",
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
    "keys_locked",
    "list_conflicts",
    "list_held",
    "list_peers",
    "new_keys",
    "outgoing_history",
    "own_fingerprint",
    "own_keys",
    "pending_count",
    "protect_keys",
    "read_enrolment",
    "resolve_conflict",
    "revoke_own_key",
    "revoke_peer",
    "rotate_keys",
    "unlock_keys",
]
