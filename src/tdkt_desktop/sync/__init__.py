"""Sync bundles: signed, encrypted files exchanged between a unit and its upper office, merged losslessly.

See ``docs/sync.md`` for the file format, the authority table, the merge rules, receipts and held rows.
"""

from tdkt_desktop.sync.bundle import FORMAT, FORMAT_VERSION, SUFFIX
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.export import (
    BundleInfo,
    export_bundle,
    outgoing_history,
    pending_count,
    unconfirmed_bundles,
    unexported_count,
)
from tdkt_desktop.sync.held import drop_held, list_held
from tdkt_desktop.sync.importer import held_rows, import_bundles, import_held, import_history
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
from tdkt_desktop.sync.receipts import outcomes, pending
from tdkt_desktop.sync.report import BundleReport, ImportReport
from tdkt_desktop.sync.reviews import list_reviews, resolve_review
from tdkt_desktop.sync.status import sync_status

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
    "held_rows",
    "import_bundles",
    "import_held",
    "import_history",
    "key_events",
    "keys_locked",
    "list_held",
    "list_peers",
    "list_reviews",
    "new_keys",
    "outcomes",
    "outgoing_history",
    "own_fingerprint",
    "own_keys",
    "pending",
    "pending_count",
    "protect_keys",
    "read_enrolment",
    "resolve_review",
    "revoke_own_key",
    "revoke_peer",
    "rotate_keys",
    "sync_status",
    "unconfirmed_bundles",
    "unexported_count",
    "unlock_keys",
]
