"""``tdkt backup`` and ``tdkt restore``: verified backups, their list, the second folder, and restoring one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, confirm, db_path_of, open_existing, print_json
from tdkt_desktop.core.text import format_size
from tdkt_desktop.store import backups

BACKUP_EPILOG = """Ví dụ:
  tdkt backup --db phuong.sqlite                     sao lưu ngay (kiểm tra rồi mới lưu)
  tdkt backup --list --db phuong.sqlite              các bản sao lưu, ngày, dung lượng
  tdkt backup --second-folder /media/usb/tdkt        chép thêm mỗi bản sao lưu vào USB
  tdkt backup --second-folder ""                     thôi chép vào thư mục thứ hai

Bản sao lưu tự động: lần mở đầu tiên mỗi ngày, trước mỗi lần nhập gói hoặc Excel và trước mỗi lần nâng cấp.
Giữ lại: 7 ngày, 4 tuần, 12 tháng gần nhất; 5 bản trước khi nhập; 3 bản trước nâng cấp; 10 bản tự sao lưu.
Bản sao lưu không chứa khóa bí mật (tệp .keys cạnh cơ sở dữ liệu)."""

RESTORE_EPILOG = """Ví dụ:
  tdkt restore --db phuong.sqlite phuong_tu-dong_20260105-080102.sqlite
  tdkt restore --db phuong.sqlite /media/usb/tdkt/phuong_thu-cong_20260110-163000.sqlite --yes

Trước khi khôi phục, bản sao lưu được kiểm tra và cơ sở dữ liệu hiện tại được giữ lại (loại “trước khi khôi
phục”). Cơ sở dữ liệu sau khi khôi phục nhận định danh bản cài đặt mới, nên gói gửi cấp trên vẫn được nhận.
Dữ liệu nhập sau ngày sao lưu cần nhập lại (hoặc nhận lại từ cấp trên)."""


def _print_list(db_path: Path, second: Path | None, as_json: bool) -> None:
    found = backups.list_backups(db_path)
    folder = backups.backup_folder(db_path)
    if as_json:
        print_json({"folder": str(folder), "second_folder": str(second) if second else None,
                    "backups": [b.to_dict() for b in found], "total_size": backups.total_size(found)})
        return
    print(f"Thư mục sao lưu: {folder}")
    if second:
        print(f"Thư mục thứ hai: {second}")
    if not found:
        print("Chưa có bản sao lưu nào.")
        return
    for b in found:
        print(f"  {b.made_at:%d/%m/%Y %H:%M}  {b.kind_label:<22} {format_size(b.size):>10}  {b.path.name}")
    print(f"Tổng cộng {len(found)} bản, {format_size(backups.total_size(found))}.")


def cmd_backup(args: argparse.Namespace) -> int:
    with open_existing(args, daily_backup=False) as store:
        if args.second_folder is not None:
            second = backups.set_second_folder(store, args.second_folder)
            print(f"Thư mục sao lưu thứ hai: {second}" if second else "Đã thôi chép bản sao lưu vào thư mục thứ hai.")
            if args.list:
                _print_list(store.path, second, args.json)
            return EXIT_OK
        second = backups.second_folder(store)
        if args.list:
            _print_list(store.path, second, args.json)
            return EXIT_OK
        made = backups.make_backup(store.path, kind=backups.KIND_MANUAL)
    if args.json:
        print_json(made.to_dict())
        return EXIT_OK
    print(f"Đã sao lưu (đã kiểm tra): {made.path} ({format_size(made.size)}).")
    if made.copy_path:
        print(f"Bản chép ở thư mục thứ hai: {made.copy_path}")
    if made.copy_error:
        sys.stderr.write(f"Cảnh báo: {made.copy_error}\n")
    return EXIT_OK


def _backup_file(db_path: Path, given: str) -> Path:
    """A path as given, or a file name in the database's backup folder."""
    path = Path(given).expanduser()
    if path.is_file():
        return path
    in_folder = backups.backup_folder(db_path) / given
    if in_folder.is_file():
        return in_folder
    raise CliError(f"Không tìm thấy tệp sao lưu “{given}”. Xem danh sách bằng “tdkt backup --list”.")


def cmd_restore(args: argparse.Namespace) -> int:
    db_path = db_path_of(args)
    source = _backup_file(db_path, args.file)
    info = backups.verify_backup(source)
    counts = ", ".join(f"{n} {label}" for label, n in (
        ("cá nhân", info.counts.get("people", 0)), ("phong trào", info.counts.get("campaigns", 0)),
        ("đề nghị khen thưởng", info.counts.get("nominations", 0))))
    print(f"Bản sao lưu: {source} — đơn vị {info.unit_code or 'chưa khai báo'}, lược đồ {info.schema_version}; {counts}.")
    confirm(args, f"Dữ liệu hiện tại trong {db_path} sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại được giữ lại "
                  "thành một bản sao lưu trước).")
    result = backups.restore(db_path, source, allow_other_unit=args.other_unit)
    if args.json:
        print_json({"restored_from": str(result.restored_from), "previous_copy": str(result.previous_copy or ""),
                    "previous_damaged": result.previous_damaged, "install_id": result.install_id, "note": result.note})
        return EXIT_OK
    print(f"Đã khôi phục {db_path} từ {result.restored_from}.")
    if result.previous_copy:
        kind = "bản chép của cơ sở dữ liệu hỏng" if result.previous_damaged else "dữ liệu trước khi khôi phục"
        print(f"Đã giữ {kind}: {result.previous_copy}")
    if result.note:
        sys.stderr.write(f"Cảnh báo: {result.note}\n")
    print(f"Định danh bản cài đặt mới: {result.install_id} (gói gửi đi sau khi khôi phục vẫn được cấp trên nhận).")
    print("Dữ liệu nhập sau ngày sao lưu cần được nhập lại.")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu, xem các bản sao lưu", epilog=BACKUP_EPILOG)
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu (ngày, loại, dung lượng)")
    p.add_argument("--second-folder", metavar="THƯ_MỤC",
                   help="thư mục thứ hai (USB) nhận một bản chép của mỗi bản sao lưu; \"\" để bỏ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu", epilog=RESTORE_EPILOG)
    p.add_argument("file", metavar="TỆP", help="tệp sao lưu (đường dẫn, hoặc tên tệp trong thư mục backups)")
    p.add_argument("--yes", action="store_true", help="không hỏi xác nhận")
    p.add_argument("--other-unit", action="store_true", help="cho phép khôi phục bản sao lưu của đơn vị khác")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)
