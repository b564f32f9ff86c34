"""Fixtures shared by the printing tests: every sample document rendered once per session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, object]]:
    """Template name → (PDF path, RenderInfo) for every sample of ``printing.samples``, plus "long": a danh sách
    of 120 nominees over several pages. Read-only: tests that change a context render their own."""
    from tdkt_desktop.printing import render
    from tdkt_desktop.printing.samples import SAMPLE_NAMES, long_danh_sach, sample_context

    out = tmp_path_factory.mktemp("samples")
    result: dict[str, tuple[Path, object]] = {}
    for name in SAMPLE_NAMES:
        path = out / f"{name}.pdf"
        result[name] = (path, render(name, sample_context(name), path))
    path = out / "long.pdf"
    result["long"] = (path, render("danh_sach", long_danh_sach(120), path))
    return result
