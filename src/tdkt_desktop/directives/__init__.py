"""Directives and plans as files: their text (.txt, .docx, .pdf) read into a campaign proposal."""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.core.directive import DirectiveProposal, read_directive
from tdkt_desktop.directives.files import SUPPORTED_SUFFIXES, DirectiveFileError, document_text

__all__ = ["SUPPORTED_SUFFIXES", "DirectiveFileError", "document_text", "read_directive_file"]


def read_directive_file(path: str | Path) -> DirectiveProposal:
    """The campaign proposal of a directive file (see :func:`tdkt_desktop.core.directive.read_directive`)."""
    return read_directive(document_text(path))
