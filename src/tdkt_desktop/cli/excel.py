"""``tdkt excel``: lists to .xlsx, and .xlsx or .csv lists into the registry, without a screen.

    tdkt excel export VIEW --out FILE.xlsx [--campaign ID] [--period P] [--status S]
    tdkt excel import FILE.xlsx|FILE.csv --kind KIND [--dry-run] [--json] [--map "Cột A=full_name,…"]
                     [--map-values "Cột F: Khen thưởng đặc biệt=Tập thể"] [--accept-errors]

The import is :mod:`tdkt_desktop.cli.importing`, the same as ``tdkt records import KIND FILE``.
"""

from __future__ import annotations

import argparse
from typing import Any

import tdkt_desktop.cli.importing as importing
from tdkt_desktop.cli.base import EXIT_OK, open_existing, print_json, subcommands
from tdkt_desktop.excel.export import VIEWS, export_view
from tdkt_desktop.excel.importer import IMPORT_KINDS


def cmd_export(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        result = export_view(
            store, args.view, args.out, campaign_id=args.campaign, period=args.period, status=args.status
        )
        if args.json:
            print_json(result.to_dict())
        else:
            print(f"Đã xuất {result.rows} dòng “{result.title}” vào {result.path}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    return importing.run_import(args, args.kind)


def register(sub: Any) -> None:
    p = sub.add_parser("excel", help="xuất danh sách ra Excel, nhập danh sách từ Excel")
    excel_sub = subcommands(p, dest="excel_command")

    q = excel_sub.add_parser("export", help="xuất một danh sách ra tệp .xlsx",
                            epilog="Ví dụ:\n  tdkt --db phuong.sqlite excel export nominations --out de-nghi.xlsx")
    q.add_argument("view", metavar="DANH_SÁCH", choices=list(VIEWS), help="một trong: " + ", ".join(VIEWS))
    q.add_argument("--out", required=True, metavar="TỆP.xlsx", help="tệp Excel sẽ ghi")
    q.add_argument("--campaign", metavar="MÃ", help="phong trào (mã, đầu mã hoặc một phần tên)")
    q.add_argument("--period", metavar="KỲ", help="kỳ báo cáo: 2025, 2025-H1, 2025-H2")
    q.add_argument("--status", metavar="TT", help="trạng thái (ví dụ draft, submitted, decided)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_export)

    q = excel_sub.add_parser(
        "import", help="nhập danh sách từ tệp .xlsx hoặc .csv (xem trước, rồi ghi)",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite excel import danh-sach.xlsx --kind people --dry-run\n"
        "  tdkt excel import ds.xlsx --kind nominations --map-values \"F: Khen thưởng đặc biệt=Tập thể\"\n\n"
        "Cùng lệnh với “tdkt records import LOẠI TỆP”.\n\n" + importing.EPILOG,
    )
    q.add_argument("file", metavar="TỆP")
    q.add_argument("--kind", required=True, choices=list(IMPORT_KINDS), help="loại danh sách: " + ", ".join(IMPORT_KINDS))
    importing.add_arguments(q)
    q.set_defaults(func=cmd_import)
