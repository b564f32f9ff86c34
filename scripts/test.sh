#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (offscreen; no display needed).
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
apt_install "${RUNTIME_PKGS[@]}" "${TEST_PKGS[@]}"
make_venv "[test]"
export QT_QPA_PLATFORM=offscreen
# PostgreSQL and psycopg are installed above: tests needing them fail rather than skip if they are missing.
export TDKT_REQUIRE_POSTGRES=1
cd "$ROOT"
if [ $# -gt 0 ]; then
  exec "$VENV/bin/python" -m pytest -q "$@"
fi
"$VENV/bin/python" -m pytest -q
# The store, sync and command-line tests once more with every database on the suite's private PostgreSQL server
# (an office's shared database; tests/server_engine.py). Tests of what only a SQLite file has are skipped there.
echo "Chạy lại các kiểm thử của kho dữ liệu, đồng bộ và dòng lệnh trên PostgreSQL (TDKT_TEST_ENGINE=postgresql)…"
TDKT_TEST_ENGINE=postgresql exec "$VENV/bin/python" -m pytest -q tests/unit
