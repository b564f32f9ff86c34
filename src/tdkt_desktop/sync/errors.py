"""The one error type of bundle exchange: a refusal a person can act on, in Vietnamese."""

from __future__ import annotations

import errno

from tdkt_desktop.core.errors import FileAccessError
from tdkt_desktop.store.db import StoreError


class SyncError(StoreError):
    """A refused key, bundle or request. ``str(err)`` says what happened and what to do;
    ``err.code`` names the case for programs (``"tampered"``, ``"bad_signature"``, ``"replayed"``,
    ``"wrong_origin"``, ``"newer_format"``, ``"newer_schema"``, ``"truncated"``, ``"unsafe_zip"``,
    ``"not_for_us"``, ``"cannot_decrypt"``, ``"not_related"``, ``"no_unit"``, ``"no_peer"``,
    ``"not_confirmed"``, ``"disk_full"``, ``"bad_enrolment"``, ``"not_found"``, ``"io"``)."""

    def __init__(self, message: str, *, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code

    @classmethod
    def from_file_error(cls, exc: FileAccessError) -> SyncError:
        """A file that could not be read or written, with the code ``disk_full`` or ``io``."""
        full = exc.os_error is not None and exc.os_error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
        return cls(str(exc), code="disk_full" if full else "io")
