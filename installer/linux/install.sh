#!/bin/sh
# Cài đặt TĐKT Desktop cho người dùng hiện tại — không cần quyền quản trị (root), không cần mạng.
#
#   ./install.sh              cài mới hoặc nâng cấp
#   ./install.sh --dir THƯ_MỤC cài chương trình vào thư mục khác (mặc định ~/.local/lib/tdkt-desktop)
#
# Chương trình được chép vào ~/.local/lib/tdkt-desktop, lối tắt vào menu ứng dụng, biểu tượng, kiểu tệp gói đồng
# bộ (*.tdktgoi), tệp ghi danh khóa (*.tdktkhoa) và lệnh ~/.local/bin/tdkt-desktop, ~/.local/bin/tdkt.
# Cài đặt và nâng cấp KHÔNG BAO GIỜ động đến dữ liệu: cơ sở dữ liệu nằm ở ~/.local/share/TDKT Desktop (hoặc
# $XDG_DATA_HOME/TDKT Desktop) và được giữ nguyên.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
VERSION=$(cat "$HERE/VERSION" 2>/dev/null || echo "?")
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
BIN_DIR=$HOME/.local/bin
APP_DIR=${TDKT_INSTALL_DIR:-$HOME/.local/lib/tdkt-desktop}
USER_DATA="$DATA_HOME/TDKT Desktop"
MARKER=.tdkt-desktop-app
MIME_TYPES="application/x-tdkt-bundle application/x-tdkt-key"

say() { printf '%s\n' "$*"; }
fail() { printf 'Lỗi: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --dir) [ $# -ge 2 ] || fail "thiếu thư mục sau --dir."; APP_DIR=$2; shift 2 ;;
    --dir=*) APP_DIR=${1#--dir=}; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "tham số không hợp lệ: $1 (xem ./install.sh --help)." ;;
  esac
done

[ -x "$HERE/app/tdkt-desktop" ] || fail "không thấy chương trình trong $HERE/app. Hãy giải nén lại toàn bộ tệp tar.gz."
case "$APP_DIR" in
  /*) ;;
  *) APP_DIR="$(pwd)/$APP_DIR" ;;
esac
APP_DIR=${APP_DIR%/}

# The program folder must never be, contain or sit inside the data folder, nor be a folder of the user's own.
case "$APP_DIR/" in
  "$USER_DATA/"*|"$DATA_HOME/"|"$HOME/"|"/") fail "không thể cài vào $APP_DIR (trùng thư mục dữ liệu hoặc thư mục cá nhân)." ;;
esac
case "$USER_DATA/" in
  "$APP_DIR/"*) fail "không thể cài vào $APP_DIR: thư mục dữ liệu nằm bên trong." ;;
esac
if [ -e "$APP_DIR" ] && [ ! -f "$APP_DIR/$MARKER" ]; then
  if [ -n "$(ls -A "$APP_DIR" 2>/dev/null)" ]; then
    fail "thư mục $APP_DIR đã có tệp không phải của TĐKT Desktop. Hãy chọn thư mục khác bằng --dir."
  fi
fi
if [ "$(id -u)" -eq 0 ]; then
  say "Chú ý: đang chạy với quyền root — phần mềm sẽ chỉ được cài cho tài khoản root."
fi

PREVIOUS=""
[ -f "$APP_DIR/VERSION" ] && PREVIOUS=$(cat "$APP_DIR/VERSION")

# 1. The program: copy beside, then swap, so a failed copy never leaves a half-installed program.
PARENT=$(dirname "$APP_DIR")
mkdir -p "$PARENT"
NEW="$APP_DIR.new.$$"
OLD="$APP_DIR.old.$$"
rm -rf "$NEW"
cp -R "$HERE/app" "$NEW"
cp "$HERE/VERSION" "$NEW/VERSION"
cp "$HERE/uninstall.sh" "$NEW/uninstall.sh"
chmod +x "$NEW/uninstall.sh" "$NEW/tdkt-desktop"
[ -f "$NEW/tdkt" ] && chmod +x "$NEW/tdkt"
printf 'TĐKT Desktop program folder (safe to replace; user data lives elsewhere)\n' > "$NEW/$MARKER"
if [ -e "$APP_DIR" ]; then
  mv "$APP_DIR" "$OLD"
fi
mv "$NEW" "$APP_DIR"
rm -rf "$OLD"

# 2. Commands in ~/.local/bin (only our own links are replaced).
mkdir -p "$BIN_DIR"
for name in tdkt-desktop tdkt; do
  [ -e "$APP_DIR/$name" ] || continue
  link="$BIN_DIR/$name"
  if [ -L "$link" ] || [ ! -e "$link" ]; then
    ln -sfn "$APP_DIR/$name" "$link"
  else
    say "Bỏ qua $link: đã có một tệp khác cùng tên."
  fi
done

# 3. Menu entry, icons, the bundle file type.
APPS="$DATA_HOME/applications"
mkdir -p "$APPS" "$DATA_HOME/mime/packages" "$DATA_HOME/icons"
sed -e "s|^Exec=.*|Exec=\"$APP_DIR/tdkt-desktop\" %f|" \
    -e "s|^TryExec=.*|TryExec=$APP_DIR/tdkt-desktop|" \
    "$HERE/share/applications/tdkt-desktop.desktop" > "$APPS/tdkt-desktop.desktop"
chmod 644 "$APPS/tdkt-desktop.desktop"
cp -R "$HERE/share/icons/hicolor" "$DATA_HOME/icons/"
cp "$HERE/share/mime/packages/tdkt-desktop.xml" "$DATA_HOME/mime/packages/tdkt-desktop.xml"

if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$APPS" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi
touch "$DATA_HOME/icons/hicolor" 2>/dev/null || true
if command -v xdg-mime >/dev/null 2>&1; then
  for mime in $MIME_TYPES; do
    xdg-mime default tdkt-desktop.desktop "$mime" >/dev/null 2>&1 || true
  done
fi

# 4. Advice: printing needs a Times New Roman–compatible font with full Vietnamese letters.
if command -v fc-list >/dev/null 2>&1; then
  if ! fc-list : family 2>/dev/null | grep -qiE 'Times New Roman|Liberation Serif|Tinos'; then
    say "Lưu ý: máy chưa có phông Times New Roman hoặc tương đương. Để in văn bản đúng thể thức, hãy nhờ quản trị"
    say "       máy cài gói fonts-liberation2 (Debian/Ubuntu) hoặc chép phông Times New Roman vào ~/.local/share/fonts."
  fi
fi

say ""
if [ -n "$PREVIOUS" ] && [ "$PREVIOUS" != "$VERSION" ]; then
  say "Đã nâng cấp TĐKT Desktop từ $PREVIOUS lên $VERSION."
else
  say "Đã cài đặt TĐKT Desktop $VERSION."
fi
say "  Chương trình: $APP_DIR"
say "  Mở từ menu ứng dụng (mục Văn phòng), hoặc gõ lệnh: tdkt-desktop"
case ":${PATH}:" in
  *":$BIN_DIR:"*) ;;
  *) say "  ($BIN_DIR chưa có trong PATH; có thể chạy trực tiếp \"$APP_DIR/tdkt-desktop\")" ;;
esac
say "  Dữ liệu (giữ nguyên khi nâng cấp, gỡ cài đặt): $USER_DATA"
say "  Gỡ cài đặt: \"$APP_DIR/uninstall.sh\""
