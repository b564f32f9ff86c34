#!/usr/bin/env bash
# Extracts the visible strings of the GUI into the Vietnamese translation files (keeping existing
# translations) and compiles them. One .ts per group of screens, each from its own sources:
#   tdkt_vi.ts            the shell: gui/*.py and the sections people, registrations, units, settings
#   tdkt_vi_workflow.ts   campaigns, results, nominations and votes, dashboard (gui/workflow, sections/wf_*)
#   tdkt_vi_sync_print.ts synchronisation and printing (gui/sync_view, gui/print_view, sections/zc_*)
#   tdkt_vi_office.ts     the upper office screens and Excel (gui/office_view, sections/zd_*)
# After running: translate each <translation type="unfinished">, remove type="unfinished", run again, commit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${TDKT_VENV:-$ROOT/.venv}"
cd "$ROOT"
G=src/tdkt_desktop/gui
update() {  # update FILE.ts SOURCE...
  local ts="resources/i18n/$1"; shift
  "$VENV/bin/pyside6-lupdate" -locations relative -no-obsolete "$@" -ts "$ts"
  "$VENV/bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
}
update tdkt_vi.ts $G/*.py $(ls $G/sections/*.py | grep -v -E '/(wf|zc|zd)_')
update tdkt_vi_workflow.ts $G/workflow/*.py $G/sections/wf_*.py
update tdkt_vi_sync_print.ts $G/sync_view/*.py $G/print_view/*.py $G/sections/zc_*.py
update tdkt_vi_office.ts $G/office_view/*.py $G/sections/zd_*.py
