#!/usr/bin/env bash
# Sets everything up and starts TĐKT Desktop (a demo database is created on first start).
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
apt_install "${RUNTIME_PKGS[@]}"
make_venv ""
exec "$VENV/bin/tdkt" start "$@"
