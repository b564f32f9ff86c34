"""``tdkt stats`` and ``tdkt check``: what the database holds and whether it is whole."""

from __future__ import annotations

import argparse
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, EXIT_REFUSED, open_existing, print_json
from tdkt_desktop.store import check_integrity
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
    with open_existing(args) as store:
        problems = check_integrity(store)
        version = store.schema_version()
        result = {
            "database": str(store.path),
            "schema_version": version,
            "code_schema_version": schema_version(),
            "unit_code": store.unit_code,
            "install_id": store.install_id,
            "problems": problems,
            "ok": not problems,
        }
    if args.json:
        print_json(result)
    else:
        print(f"Cơ sở dữ liệu: {result['database']}")
        print(f"Phiên bản lược đồ: {version} (phần mềm: {schema_version()})")
        print(f"Đơn vị: {result['unit_code'] or 'chưa khai báo'}")
        if problems:
            print("Phát hiện lỗi:")
            for p in problems:
                print(f"  - {p}")
        else:
            print("Toàn vẹn dữ liệu: tốt.")
    return EXIT_OK if not problems else EXIT_REFUSED


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="số bản ghi theo loại", epilog="Ví dụ:\n  tdkt stats --db phuong.sqlite --json")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn và phiên bản lược đồ",
                       epilog="Ví dụ:\n  tdkt --db phuong.sqlite check\n\nMã thoát: 0 tốt; 1 có lỗi (được liệt kê).")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)
