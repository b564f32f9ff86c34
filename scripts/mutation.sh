#!/usr/bin/env bash
# Mutation testing (mutmut) of the given modules against their own tests; prints per module
# "killed K of N (S %)" and the surviving mutants. Slow: not part of CI. See docs/testing.md.
#   bash scripts/mutation.sh core/text.py core/targets.py
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
apt_install "${RUNTIME_PKGS[@]}" "${TEST_PKGS[@]}"
make_venv "[test]"
export QT_QPA_PLATFORM=offscreen
cd "$ROOT"
exec "$VENV/bin/python" tools/mutation.py "$@"
