#!/usr/bin/env bash
# Builds the Linux application from a checkout:
#
#   bash installer/build_linux.sh [--smoke] [--no-tarball]
#
#   1. a build environment build/venv-installer/ (its own venv: the project, its dependencies, PyInstaller);
#   2. dist/tdkt-desktop/           the one-folder application (installer/tdkt.spec);
#   3. dist/tdkt-desktop-VERSION-linux-ARCH.tar.gz   with install.sh (per-user, ~/.local, no root),
#      the desktop entry, icons and the *.tdktgoi file type (installer/linux/make_tarball.sh);
#   4. with --smoke: installer/smoke_test.py on the built folder.
#
# Environment: PYTHON (default python3, ≥ 3.11), TDKT_BUILD_VENV (default build/venv-installer),
# PYINSTALLER_SPEC (default "pyinstaller>=6.10,<7"). Needs network access to the package index only for
# the first run (or a pip configured with a local index/wheelhouse).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="${TDKT_BUILD_VENV:-$ROOT/build/venv-installer}"
PYI_REQ="${PYINSTALLER_SPEC:-pyinstaller>=6.10,<7}"
SMOKE=0
TARBALL=1
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    --no-tarball) TARBALL=0 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/tdkt_desktop/__init__.py)"
START=$(date +%s)
echo "== TĐKT Desktop $VERSION: Linux build"

# 1. Build environment (kept between builds; delete build/venv-installer to start afresh).
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "$ROOT" "$PYI_REQ"
"$VENV/bin/python" -c 'import sys; assert sys.version_info >= (3, 11), sys.version'

# Icons are committed; re-render them only when one is missing.
if ! QT_QPA_PLATFORM=offscreen "$VENV/bin/python" installer/render_icons.py --check >/dev/null 2>&1; then
  QT_QPA_PLATFORM=offscreen "$VENV/bin/python" installer/render_icons.py
fi

# 2. The one-folder application.
rm -rf dist/tdkt-desktop
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/tdkt.spec
APP="$ROOT/dist/tdkt-desktop"
[ -x "$APP/tdkt-desktop" ] || { echo "build failed: no $APP/tdkt-desktop" >&2; exit 1; }
BUILT=$(date +%s)
echo "== built $APP in $((BUILT - START)) s, size $(du -sh "$APP" | cut -f1)"

# 3. The tarball.
if [ "$TARBALL" = 1 ]; then
  OUT="$(bash installer/linux/make_tarball.sh "$APP" "$ROOT/dist" "$VERSION")"
  echo "== tarball $OUT ($(du -h "$OUT" | cut -f1))"
fi

# 4. Smoke test of the built program (offscreen, throw-away data folder).
if [ "$SMOKE" = 1 ]; then
  "$VENV/bin/python" installer/smoke_test.py "$APP"
fi
echo "== done in $(( $(date +%s) - START )) s"
