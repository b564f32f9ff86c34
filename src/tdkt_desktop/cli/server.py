"""``tdkt server …``: an office's shared database on a PostgreSQL server — set it up, move a SQLite file onto it,
and manage the officers who sign in to it (docs/office-server.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, print_json, subcommands
from tdkt_desktop.store import accounts as _accounts
from tdkt_desktop.store import open_store
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.server_address import is_server_address, shown

PASSWORD_VARIABLE = "TDKT_NEW_PASSWORD"


def _address(args: argparse.Namespace, given: str | None = None) -> str:
    address = given or getattr(args, "db", None) or ""
    if not is_server_address(address):
        raise CliError(f"“{address or '(chưa ghi)'}” không phải địa chỉ cơ sở dữ liệu máy chủ. Ghi dạng "
                       "postgresql://TÊN_ĐĂNG_NHẬP@MÁY_CHỦ:5432/TÊN_CSDL (xem docs/office-server.md).")
    return address


def _print_account(account: _accounts.Account) -> None:
    state = "" if account.active else " — đã khóa"
    print(f"  {account.login:<20} {account.full_name} ({account.role_label}){state}")


def cmd_init(args: argparse.Namespace) -> int:
    address = _address(args, args.address)
    with open_store(address) as store:
        if args.unit:
            init_unit(store, code=args.unit, name=args.name, level=args.level, parent=args.parent,
                      operator=args.admin_name)
        elif not store.unit_code:
            raise CliError("Cơ sở dữ liệu mới cần khai báo đơn vị: thêm --unit MÃ (ví dụ --unit 92).")
        admin = None if _accounts.accounts(store) else _accounts.first_administrator(store, args.admin_name)
        unit = store.self_unit() or {}
        print(f"Cơ sở dữ liệu máy chủ: {shown(address)} (lược đồ {store.schema_version()}).")
        print(f"Đơn vị: {unit.get('name', store.unit_code)} (mã {store.unit_code}).")
        if admin is not None:
            print(f"Quản trị viên đầu tiên: {admin.full_name} (tên đăng nhập {admin.login}).")
        print("Thêm cán bộ: tdkt server add-officer TÊN_ĐĂNG_NHẬP --name \"Họ tên\" --role officer --db ĐỊA_CHỈ")
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    from tdkt_desktop.store.server_copy import copy_to_server

    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"Không tìm thấy tệp cơ sở dữ liệu {source}.")
    address = _address(args, args.to)
    report = copy_to_server(source, address)
    with open_store(address) as store:
        admin = None if _accounts.accounts(store) else _accounts.first_administrator(store, args.admin_name)
    if args.json:
        print_json({"source": str(source), "address": shown(address), "rows": report.total, "counts": report.counts,
                    "checksums": report.checksums, "key_file": str(report.key_file or ""),
                    "administrator": admin.login if admin else None})
        return EXIT_OK
    print(f"Đã chuyển {report.total:,} dòng của {source} lên {shown(address)}.".replace(",", "."))
    for table, n in report.counts.items():
        if n:
            print(f"  {table}: {n} dòng — khớp (số dòng và tổng kiểm tra)")
    if report.key_file is not None:
        print(f"Tệp khóa của cơ quan đã chép vào {report.key_file}. Chép tệp này sang máy của cán bộ nào xuất, nhận "
              "gói đồng bộ (xem docs/office-server.md).")
    if admin is not None:
        print(f"Quản trị viên đầu tiên: {admin.full_name} (tên đăng nhập {admin.login}).")
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str | None:
    if args.existing_login:
        return None
    given = os.environ.get(PASSWORD_VARIABLE)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CliError(f"Cần mật khẩu cho tài khoản mới: đặt biến môi trường {PASSWORD_VARIABLE}, hoặc chạy lệnh ở "
                       "cửa sổ dòng lệnh để nhập.")
    first = getpass.getpass("Mật khẩu cho tài khoản mới: ")
    if len(first) < 8:
        raise CliError("Mật khẩu cần ít nhất 8 ký tự.")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise CliError("Hai lần nhập mật khẩu không giống nhau; chưa tạo tài khoản.")
    return first


def cmd_add_officer(args: argparse.Namespace) -> int:
    address = _address(args)
    password = _new_password(args)
    with open_store(address, create=False) as store:
        account = _accounts.add_officer(store, args.login, full_name=args.name, role=args.role, password=password)
    print(f"Đã thêm tài khoản {account.login}: {account.full_name} ({account.role_label}).")
    print(f"Cán bộ đăng nhập bằng: tdkt --db \"{_with_login(address, account.login)}\"")
    return EXIT_OK


def _with_login(address: str, login: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(address)
    host = parts.hostname or ""
    netloc = f"{login}@{host}" + (f":{parts.port}" if parts.port else "")
    return shown(urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)))


def cmd_officers(args: argparse.Namespace) -> int:
    with open_store(_address(args), create=False) as store:
        found = _accounts.accounts(store)
        me = store.account
    if args.json:
        print_json([{"login": a.login, "full_name": a.full_name, "role": a.role, "active": a.active} for a in found])
        return EXIT_OK
    if not found:
        print("Chưa có tài khoản cán bộ (chạy “tdkt server init” để tạo quản trị viên đầu tiên).")
    for account in found:
        _print_account(account)
    if me is not None:
        print(f"Đang đăng nhập: {me.login}.")
    return EXIT_OK


def cmd_lock(args: argparse.Namespace, *, active: bool) -> int:
    with open_store(_address(args), create=False) as store:
        account = _accounts.set_active(store, args.login, active)
    print(f"Tài khoản {account.login} ({account.full_name}) " + ("đã được mở lại." if active else "đã bị khóa."))
    return EXIT_OK


def cmd_restored(args: argparse.Namespace) -> int:
    with open_store(_address(args), create=False) as store:
        _accounts.require_role(store, "administrator", "đánh dấu cơ sở dữ liệu đã khôi phục")
        old = store.install_id
        new = store.renew_installation_identity(reason="khôi phục từ bản sao lưu của máy chủ (pg_dump)")
    print(f"Cơ sở dữ liệu đã có danh tính đồng bộ mới ({old} → {new}). Các đơn vị nhận gói tiếp tục bình thường, "
          "không phải ghi danh lại.")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("server", help="cơ sở dữ liệu dùng chung của cơ quan trên máy chủ PostgreSQL")
    server = subcommands(p, dest="server_command")
    q = server.add_parser(
        "init", help="tạo lược đồ trong cơ sở dữ liệu máy chủ (trống), khai báo đơn vị và quản trị viên đầu tiên",
        epilog="Ví dụ:\n  tdkt server init postgresql://quantri@10.0.0.5/tdkt --unit 92 --admin-name \"Nguyễn Văn An\"")
    q.add_argument("address", nargs="?", metavar="ĐỊA_CHỈ", help="postgresql://TÊN_ĐĂNG_NHẬP@MÁY_CHỦ:CỔNG/TÊN_CSDL")
    q.add_argument("--unit", metavar="MÃ", help="mã đơn vị của cơ quan")
    q.add_argument("--name", help="tên đơn vị (đơn vị ngoài danh mục)")
    q.add_argument("--level", help="cấp (đơn vị ngoài danh mục)")
    q.add_argument("--parent", metavar="MÃ", help="mã cơ quan cấp trên")
    q.add_argument("--admin-name", required=True, metavar="HỌ_TÊN", help="họ tên của quản trị viên (người chạy lệnh)")
    q.set_defaults(func=cmd_init)
    q = server.add_parser(
        "migrate", help="chuyển cơ sở dữ liệu SQLite của cơ quan lên máy chủ (đối chiếu số dòng và tổng kiểm tra)",
        epilog="Ví dụ:\n  tdkt server migrate tinh.sqlite --to postgresql://quantri@10.0.0.5/tdkt "
        "--admin-name \"Nguyễn Văn An\"")
    q.add_argument("file", metavar="TỆP", help="tệp cơ sở dữ liệu SQLite đang dùng")
    q.add_argument("--to", metavar="ĐỊA_CHỈ", help="cơ sở dữ liệu máy chủ (trống); mặc định: --db")
    q.add_argument("--admin-name", required=True, metavar="HỌ_TÊN", help="họ tên của quản trị viên (người chạy lệnh)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_migrate)
    q = server.add_parser(
        "add-officer", help="thêm tài khoản cán bộ (tên đăng nhập và mật khẩu trên máy chủ)",
        epilog="Ví dụ:\n  tdkt server add-officer tranthib --name \"Trần Thị B\" --role officer "
        "--db postgresql://quantri@10.0.0.5/tdkt\nKhông có bàn phím: đặt mật khẩu trong biến TDKT_NEW_PASSWORD.")
    q.add_argument("login", metavar="TÊN_ĐĂNG_NHẬP")
    q.add_argument("--name", required=True, metavar="HỌ_TÊN")
    q.add_argument("--role", choices=_accounts.ROLES, default="officer",
                   help="officer (cán bộ), approver (lãnh đạo duyệt, ký quyết định), administrator (quản trị)")
    q.add_argument("--existing-login", action="store_true", help="tên đăng nhập đã có trên máy chủ (không tạo mới)")
    q.set_defaults(func=cmd_add_officer)
    q = server.add_parser("officers", help="danh sách tài khoản cán bộ",
                          epilog="Ví dụ:\n  tdkt server officers --db postgresql://quantri@10.0.0.5/tdkt")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_officers)
    q = server.add_parser("lock-officer", help="khóa tài khoản cán bộ (thôi việc, mất mật khẩu)",
                          epilog="Ví dụ:\n  tdkt server lock-officer tranthib --db postgresql://quantri@10.0.0.5/tdkt")
    q.add_argument("login", metavar="TÊN_ĐĂNG_NHẬP")
    q.set_defaults(func=lambda a: cmd_lock(a, active=False))
    q = server.add_parser(
        "restored", help="sau khi khôi phục cơ sở dữ liệu máy chủ từ bản sao lưu: nhận danh tính đồng bộ mới",
        epilog="Ví dụ:\n  tdkt server restored --db postgresql://quantri@10.0.0.5/tdkt_khoiphuc")
    q.set_defaults(func=cmd_restored)
    q = server.add_parser("unlock-officer", help="mở lại tài khoản cán bộ đã khóa",
                          epilog="Ví dụ:\n  tdkt server unlock-officer tranthib --db postgresql://quantri@10.0.0.5/tdkt")
    q.add_argument("login", metavar="TÊN_ĐĂNG_NHẬP")
    q.set_defaults(func=lambda a: cmd_lock(a, active=True))
