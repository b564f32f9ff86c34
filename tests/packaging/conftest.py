"""Tests of a BUILT application: skipped unless TDKT_BUILT_APP names its folder (e.g. dist/tdkt-desktop)."""

from __future__ import annotations


def pytest_configure(config):  # type: ignore[no-untyped-def]
    config.addinivalue_line("markers", "packaging: runs a built application folder (set TDKT_BUILT_APP)")
