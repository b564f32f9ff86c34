"""Problems with spreadsheet files that a person can act on. ``str(err)`` is Vietnamese."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core.text import InputError


class ExcelError(InputError):
    """A spreadsheet could not be read or written; the message says what to do (a user-facing error)."""


class ExportCancelled(ExcelError):
    """The person stopped an export; no file was written."""


class MappingNeeded(ExcelError):
    """The columns of a file could not all be recognised: a column mapping is needed.

    ``headers`` maps column letters to the header texts found; ``proposal`` is the automatic
    mapping (letter → field) so far; ``missing`` names the required fields not found.
    """

    def __init__(
        self,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        proposal: dict[str, str] | None = None,
        missing: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.headers = headers or {}
        self.proposal = proposal or {}
        self.missing = missing or []


class ImportRefused(ExcelError):
    """Bad rows and no permission to skip them: nothing was written."""

    def __init__(self, message: str, *, preview: Any = None) -> None:
        super().__init__(message)
        self.preview = preview
