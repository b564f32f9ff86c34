#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (offscreen; no display needed).
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
apt_install "${RUNTIME_PKGS[@]}" "${TEST_PKGS[@]}"
make_venv "[test]"
export QT_QPA_PLATFORM=offscreen
# PostgreSQL and psycopg are installed above: tests needing them fail rather than skip if they are missing.
export TDKT_REQUIRE_POSTGRES=1
cd "$ROOT"
exec "$VENV/bin/python" -m pytest -q "$@"
