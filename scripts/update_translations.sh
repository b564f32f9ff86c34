#!/usr/bin/env bash
# Extracts the visible strings of the GUI into resources/i18n/tdkt_vi.ts (keeping existing translations)
# and compiles tdkt_vi.qm. After running: translate each <translation type="unfinished"> in the .ts
# (remove type="unfinished"), run this again, and commit both files.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${TDKT_VENV:-$ROOT/.venv}"
cd "$ROOT"
mapfile -t SOURCES < <(find src/tdkt_desktop/gui -name '*.py' | sort)
"$VENV/bin/pyside6-lupdate" -locations relative -no-obsolete "${SOURCES[@]}" -ts resources/i18n/tdkt_vi.ts
"$VENV/bin/pyside6-lrelease" resources/i18n/tdkt_vi.ts -qm resources/i18n/tdkt_vi.qm
