"""``tdkt stats`` and ``tdkt check``: what the database holds and whether it is whole."""

from __future__ import annotations

import argparse
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, EXIT_REFUSED, db_path_of, open_existing, print_json
from tdkt_desktop.store import backups
from tdkt_desktop.store.fields import KINDS
from tdkt_desktop.store.migrations import schema_version


def cmd_stats(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        stats = store.stats()
    if args.json:
        print_json(stats)
    else:
        for table, n in stats.items():
            print(f"{KINDS[table].label}: {n}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity, foreign keys and schema, read through SQLite without changing the file — also when the
    database is too damaged to be opened — and, when something is wrong, the newest backup that passes."""
    health = backups.check_database(db_path_of(args))
    if args.json:
        print_json(health.to_dict())
        return EXIT_OK if health.ok else EXIT_REFUSED
    print(f"Cơ sở dữ liệu: {health.path}")
    if health.schema_version is not None:
        print(f"Phiên bản lược đồ: {health.schema_version} (phần mềm: {schema_version()})")
    print(f"Đơn vị: {health.unit_code or 'chưa khai báo'}")
    if health.ok:
        print("Toàn vẹn dữ liệu: tốt.")
        return EXIT_OK
    print("Phát hiện lỗi:")
    for p in health.problems:
        print(f"  - {p}")
    good = health.newest_good_backup
    if good is not None:
        print(f"Bản sao lưu tốt gần nhất: {good.path} ({good.made_at:%d/%m/%Y %H:%M}, {good.kind_label}).")
        print(f"Khôi phục: tdkt restore --db \"{health.path}\" \"{good.path}\"")
    else:
        print("Không tìm thấy bản sao lưu tốt trong thư mục backups. Nếu có bản sao lưu ở nơi khác (USB), khôi phục bằng "
              "“tdkt restore TỆP”.")
    return EXIT_REFUSED


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="số bản ghi theo loại", epilog="Ví dụ:\n  tdkt stats --db phuong.sqlite --json")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn và phiên bản lược đồ",
                       epilog="Ví dụ:\n  tdkt --db phuong.sqlite check\n\nMã thoát: 0 tốt; 1 có lỗi (được liệt kê, kèm bản sao "
                       "lưu tốt gần nhất để khôi phục).")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)
