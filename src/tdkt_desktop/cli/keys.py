"""``tdkt keys …``: this installation's keys — show, export for enrolment, rotate, revoke, new, passphrase.

The private keys live in the key file beside the database (``<database>.keys``), never in the database
or its backups.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from tdkt_desktop.cli.base import (
    EXIT_OK,
    CliError,
    confirm,
    open_existing,
    print_json,
    ready_keys,
    subcommands,
)
from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.store.keyfile import read_key_file
from tdkt_desktop.sync import (
    export_enrolment,
    new_keys,
    own_fingerprint,
    own_keys,
    protect_keys,
    revoke_own_key,
    revoke_peer,
    rotate_keys,
)
from tdkt_desktop.sync.keys import key_file

STATUS = {"current": "đang dùng", "retired": "đã thay (chỉ còn để giải mã gói cũ)", "revoked": "đã thu hồi"}


def cmd_keys_export(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        ready_keys(store)
        atomic_write(args.out, export_enrolment(store))
        print(f"Đã ghi tệp đăng ký khóa: {args.out}")
        print(f"Dấu vân tay: {own_fingerprint(store)} — đọc cho đơn vị nhận đối chiếu khi ghi danh.")
    return EXIT_OK


def cmd_keys_show(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        fp = own_fingerprint(store)
        history = own_keys(store)
        path = key_file(store)
        found = read_key_file(path)
        protected = bool(found and found.protected)
        if getattr(args, "json", False):
            print_json({"unit_code": store.unit_code, "install_id": store.install_id, "fingerprint": fp,
                        "key_file": str(path), "protected": protected, "keys": history})
            return EXIT_OK
        print(f"Đơn vị: {store.unit_code or '(chưa khai báo)'}   Bản cài đặt: {store.install_id}")
        print(f"Dấu vân tay: {fp}")
        print(f"Tệp khóa: {path} ({'có mật khẩu' if protected else 'không đặt mật khẩu'})")
        if len(history) > 1:
            for k in history:
                print(f"  {k['created_at'][:10]}  {k['fingerprint']}  {STATUS.get(k['status'], k['status'])}")
    return EXIT_OK


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        ready_keys(store)
        old, new = rotate_keys(store)
    print(f"Đã đổi khóa: {old} → {new}.")
    print("Khóa mới được khóa cũ ký xác nhận: cấp trên và đơn vị trực thuộc nhận gói tiếp theo là tin khóa mới, không "
          "cần ghi danh lại.")
    return EXIT_OK


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        if args.unit:
            confirm(args, f"Thu hồi khóa đang tin cậy của đơn vị {args.unit}: mọi gói ký bằng khóa đó sẽ bị từ chối.")
            fp = revoke_peer(store, args.unit, reason=args.reason or "")
            print(f"Đã thu hồi khóa {fp} của đơn vị {args.unit}. Khi đơn vị gửi tệp đăng ký khóa mới, hãy đối chiếu "
                  "dấu vân tay qua điện thoại rồi ghi danh (“tdkt enroll TỆP”).")
            return EXIT_OK
        ready_keys(store)
        confirm(args, "Thu hồi khóa hiện tại của bản cài đặt này (khi máy bị mất, khóa có thể đã lộ) và tạo khóa mới.")
        old, new = revoke_own_key(store, reason=args.reason or "")
    print(f"Đã thu hồi khóa {old}; khóa mới {new}.")
    print("Thông báo thu hồi đi kèm gói tiếp theo: nơi nhận thôi tin khóa cũ ngay. Khóa mới phải được ghi danh lại: gửi "
          "tệp đăng ký (“tdkt keys export --out TỆP”) và đọc dấu vân tay mới cho cấp trên, đơn vị trực thuộc.")
    return EXIT_OK


def cmd_keys_new(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        confirm(args, "Tạo khóa mới vì tệp khóa cũ đã mất (máy hỏng, bị mất cắp).")
        fp = new_keys(store)
    print(f"Đã tạo khóa mới, dấu vân tay {fp}. Hãy gửi tệp đăng ký (“tdkt keys export --out TỆP”) và đọc dấu vân tay "
          "cho cấp trên, đơn vị trực thuộc để ghi danh lại; nếu máy cũ bị mất cắp, đề nghị họ thu hồi khóa cũ "
          "(“tdkt keys revoke --unit MÃ”).")
    return EXIT_OK


def _ask_new_passphrase() -> str:
    given = os.environ.get("TDKT_NEW_KEY_PASSPHRASE")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CliError("Chưa có mật khẩu mới: hãy chạy lệnh trên máy có bàn phím, hoặc đặt biến TDKT_NEW_KEY_PASSPHRASE.")
    first = getpass.getpass("Mật khẩu khóa mới (ít nhất 8 ký tự): ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise CliError("Hai lần nhập mật khẩu không khớp; chưa có gì thay đổi.")
    return first


def cmd_keys_protect(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        ready_keys(store)
        if args.remove:
            protect_keys(store, None)
            print(f"Đã bỏ mật khẩu của tệp khóa {key_file(store)}.")
            return EXIT_OK
        protect_keys(store, _ask_new_passphrase())
    print(f"Đã đặt mật khẩu cho tệp khóa {key_file(store)}. Ghi nhớ mật khẩu: quên mật khẩu thì phải tạo khóa mới và "
          "ghi danh lại.")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("keys", help="khóa của bản cài đặt này: xem, xuất, đổi, thu hồi, đặt mật khẩu")
    keys = subcommands(p, dest="keys_command")
    q = keys.add_parser("export", help="ghi tệp đăng ký khóa để gửi cấp trên/đơn vị trực thuộc",
                        epilog="Ví dụ:\n  tdkt --db phuong.sqlite keys export --out phuong.tdktkhoa")
    q.add_argument("--out", required=True, metavar="TỆP")
    q.set_defaults(func=cmd_keys_export)
    q = keys.add_parser("show", help="xem dấu vân tay khóa của bản cài đặt này",
                        epilog="Ví dụ:\n  tdkt keys show --db phuong.sqlite --json")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_keys_show)
    q = keys.add_parser("rotate", help="đổi sang khóa mới (khóa cũ ký xác nhận; nơi nhận không cần ghi danh lại)",
                        epilog="Ví dụ:\n  tdkt keys rotate --db phuong.sqlite")
    q.set_defaults(func=cmd_keys_rotate)
    q = keys.add_parser(
        "revoke", help="thu hồi khóa (máy bị mất, khóa bị lộ): của bản cài đặt này, hoặc của một đơn vị (--unit)",
        epilog="Ví dụ:\n  tdkt keys revoke --db phuong.sqlite --reason \"mất máy tính cũ\"\n"
        "  tdkt keys revoke --db tinh.sqlite --unit 31135 --yes")
    q.add_argument("--unit", metavar="MÃ", help="thu hồi khóa đang tin cậy của đơn vị này (ở nơi nhận gói)")
    q.add_argument("--reason", help="lý do (đi kèm thông báo thu hồi)")
    q.add_argument("--yes", action="store_true", help="không hỏi xác nhận")
    q.set_defaults(func=cmd_keys_revoke)
    q = keys.add_parser("new", help="tạo khóa mới khi tệp khóa đã mất",
                        epilog="Ví dụ:\n  tdkt keys new --db phuong.sqlite --yes")
    q.add_argument("--yes", action="store_true", help="không hỏi xác nhận")
    q.set_defaults(func=cmd_keys_new)
    q = keys.add_parser("protect", help="đặt, đổi hoặc bỏ (--remove) mật khẩu của tệp khóa",
                        epilog="Ví dụ:\n  tdkt keys protect --db phuong.sqlite\n"
                        "Không có bàn phím: đặt TDKT_KEY_PASSPHRASE (mật khẩu hiện tại) và TDKT_NEW_KEY_PASSPHRASE.")
    q.add_argument("--remove", action="store_true", help="bỏ mật khẩu")
    q.set_defaults(func=cmd_keys_protect)
