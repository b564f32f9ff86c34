# Shared by run.sh and test.sh: system packages (Debian/Ubuntu) and the virtual environment.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${TDKT_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

apt_install() {
  # Installs the Debian packages that are missing; does nothing on other systems.
  command -v dpkg >/dev/null 2>&1 || return 0
  command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Cài gói hệ thống: ${missing[*]}"
  # Wait for another package manager run to finish instead of failing on its lock.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
}

# Qt (xcb/offscreen) runtime libraries, fonts with full Vietnamese coverage, and PDF tools.
RUNTIME_PKGS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 fonts-liberation2 fonts-dejavu-core)
# The tests start their own private PostgreSQL server (tests/pgserver.py) from the server package's programs;
# a system cluster the package may create and start is neither used nor touched.
TEST_PKGS=(poppler-utils xvfb xauth softhsm2 opensc postgresql)

make_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e "$ROOT$1"
}
