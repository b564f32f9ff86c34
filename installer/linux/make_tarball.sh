#!/usr/bin/env bash
# Packs a built one-folder application into the Linux tarball:
#
#   installer/linux/make_tarball.sh APP_DIR OUT_DIR [VERSION]
#
# writes OUT_DIR/tdkt-desktop-VERSION-linux-ARCH.tar.gz holding
#   tdkt-desktop-VERSION/
#     app/                 the one-folder application (tdkt-desktop, tdkt, _internal/)
#     install.sh           per-user install into ~/.local (no root), upgrade in place
#     uninstall.sh         removes the program, never the data
#     share/applications/tdkt-desktop.desktop
#     share/mime/packages/tdkt-desktop.xml          the *.tdktgoi bundle and *.tdktkhoa key file types
#     share/icons/hicolor/{N}x{N,scalable}/{apps,mimetypes}/…
#     VERSION  HUONG-DAN.txt
# and prints the tarball's path. VERSION defaults to tdkt_desktop.__version__ of this checkout.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
APP="${1:?APP_DIR}"
OUT="${2:?OUT_DIR}"
VERSION="${3:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/src/tdkt_desktop/__init__.py")}"
ARCH="$(uname -m)"
NAME="tdkt-desktop-$VERSION"

[ -x "$APP/tdkt-desktop" ] || { echo "no program $APP/tdkt-desktop" >&2; exit 1; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/tdkt-stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
DEST="$STAGE/$NAME"
mkdir -p "$DEST/share/applications" "$DEST/share/mime/packages" "$DEST/share/icons"

cp -a "$APP" "$DEST/app"
install -m 755 "$HERE/install.sh" "$DEST/install.sh"
install -m 755 "$HERE/uninstall.sh" "$DEST/uninstall.sh"
install -m 644 "$HERE/tdkt-desktop.desktop" "$DEST/share/applications/tdkt-desktop.desktop"
install -m 644 "$HERE/tdkt-desktop-mime.xml" "$DEST/share/mime/packages/tdkt-desktop.xml"
for dir in "$HERE"/icons/hicolor/*x*; do
  size="$(basename "$dir")"
  mkdir -p "$DEST/share/icons/hicolor/$size/apps" "$DEST/share/icons/hicolor/$size/mimetypes"
  install -m 644 "$dir/apps/tdkt-desktop.png" "$DEST/share/icons/hicolor/$size/apps/tdkt-desktop.png"
  for mime in application-x-tdkt-bundle application-x-tdkt-key; do
    install -m 644 "$dir/apps/tdkt-desktop.png" "$DEST/share/icons/hicolor/$size/mimetypes/$mime.png"
  done
done
mkdir -p "$DEST/share/icons/hicolor/scalable/apps" "$DEST/share/icons/hicolor/scalable/mimetypes"
install -m 644 "$HERE/tdkt-desktop.svg" "$DEST/share/icons/hicolor/scalable/apps/tdkt-desktop.svg"
for mime in application-x-tdkt-bundle application-x-tdkt-key; do
  install -m 644 "$HERE/tdkt-desktop.svg" "$DEST/share/icons/hicolor/scalable/mimetypes/$mime.svg"
done
printf '%s\n' "$VERSION" > "$DEST/VERSION"
cat > "$DEST/HUONG-DAN.txt" <<TXT
TĐKT Desktop $VERSION — phần mềm thi đua, khen thưởng (không cần mạng)

CÀI ĐẶT (không cần quyền root):
    ./install.sh
Sau đó mở "TĐKT Desktop" trong menu ứng dụng (mục Văn phòng), hoặc chạy lệnh: tdkt-desktop
Bấm đúp vào tệp gói đồng bộ (*.tdktgoi) để mở màn hình nhập gói, vào tệp ghi danh khóa (*.tdktkhoa) để ghi danh.

NÂNG CẤP: giải nén bản mới và chạy lại ./install.sh. Dữ liệu được giữ nguyên.

GỠ CÀI ĐẶT:
    ~/.local/lib/tdkt-desktop/uninstall.sh
Dữ liệu (cơ sở dữ liệu và bản sao lưu) ở ~/.local/share/TDKT Desktop KHÔNG bị xoá.

CHẠY KHÔNG CẦN CÀI: ./app/tdkt-desktop
Dòng lệnh: ./app/tdkt --help

In ấn cần phông Times New Roman hoặc tương đương đủ chữ Việt (gói fonts-liberation2 trên Debian/Ubuntu).
TXT

TARBALL="$OUT/$NAME-linux-$ARCH.tar.gz"
tar -C "$STAGE" -czf "$TARBALL" "$NAME"
echo "$TARBALL"
