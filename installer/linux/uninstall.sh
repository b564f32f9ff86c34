#!/bin/sh
# Gỡ cài đặt TĐKT Desktop của người dùng hiện tại.
#
# Chỉ xoá chương trình, lối tắt, biểu tượng và kiểu tệp gói đồng bộ. DỮ LIỆU KHÔNG BỊ XOÁ: cơ sở dữ liệu và các
# bản sao lưu ở ~/.local/share/TDKT Desktop (hoặc $XDG_DATA_HOME/TDKT Desktop) được giữ nguyên; cài lại phần mềm
# là dùng tiếp được. Muốn xoá hẳn dữ liệu thì tự xoá thư mục đó sau khi đã sao lưu.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
BIN_DIR=$HOME/.local/bin
APP_DIR=${TDKT_INSTALL_DIR:-$HERE}
USER_DATA="$DATA_HOME/TDKT Desktop"
MARKER=.tdkt-desktop-app

say() { printf '%s\n' "$*"; }

if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
if [ ! -f "$APP_DIR/$MARKER" ]; then
  printf 'Lỗi: %s không phải thư mục chương trình TĐKT Desktop; không xoá gì.\n' "$APP_DIR" >&2
  exit 1
fi

# Commands: only links that point into the program folder.
for name in tdkt-desktop tdkt; do
  link="$BIN_DIR/$name"
  if [ -L "$link" ]; then
    case "$(readlink "$link")" in
      "$APP_DIR"/*) rm -f "$link" ;;
    esac
  fi
done

rm -f "$DATA_HOME/applications/tdkt-desktop.desktop"
rm -f "$DATA_HOME/mime/packages/tdkt-desktop.xml"
for icon in "$DATA_HOME"/icons/hicolor/*/apps/tdkt-desktop.png "$DATA_HOME"/icons/hicolor/*/apps/tdkt-desktop.svg \
    "$DATA_HOME"/icons/hicolor/*/mimetypes/application-x-tdkt-bundle.png \
    "$DATA_HOME"/icons/hicolor/*/mimetypes/application-x-tdkt-bundle.svg \
    "$DATA_HOME"/icons/hicolor/*/mimetypes/application-x-tdkt-key.png \
    "$DATA_HOME"/icons/hicolor/*/mimetypes/application-x-tdkt-key.svg; do
  [ -e "$icon" ] && rm -f "$icon"
done
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA_HOME/mime" ]; then
  update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA_HOME/applications" ]; then
  update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi

# The program folder last (this script lives in it; the open script stays readable once removed).
case "$USER_DATA/" in
  "$APP_DIR/"*) printf 'Lỗi: thư mục dữ liệu nằm trong %s; không xoá thư mục chương trình.\n' "$APP_DIR" >&2; exit 1 ;;
esac
rm -rf "$APP_DIR"

say "Đã gỡ TĐKT Desktop khỏi $APP_DIR."
if [ -d "$USER_DATA" ]; then
  say "Dữ liệu của bạn vẫn được giữ nguyên tại: $USER_DATA"
  say "(Cài lại phần mềm là dùng tiếp được. Chỉ xoá thư mục này khi chắc chắn không cần nữa.)"
fi
