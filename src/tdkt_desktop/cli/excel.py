"""``tdkt excel``: lists to .xlsx and .xlsx lists into the registry, without a screen.

    tdkt excel export VIEW --out FILE.xlsx [--campaign ID] [--period P] [--status S]
    tdkt excel import FILE.xlsx --kind KIND [--dry-run] [--json] [--map "Cột A=full_name,…"]
                     [--map-values "Cột F: Khen thưởng đặc biệt=Tập thể"] [--accept-errors]

An import with rows in error writes nothing and exits 1 listing the rows and reasons, unless
``--accept-errors`` skips those rows. ``--dry-run`` shows what would happen and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tdkt_desktop.cli.base import (
    EXIT_ATTENTION,
    EXIT_OK,
    EXIT_REFUSED,
    CliError,
    open_existing,
    print_json,
    require_unit,
    subcommands,
)
from tdkt_desktop.excel.errors import ImportRefused, MappingNeeded
from tdkt_desktop.excel.export import VIEWS, export_view, find_campaign
from tdkt_desktop.excel.importer import (
    IMPORT_FIELDS,
    IMPORT_KINDS,
    apply_import,
    parse_mapping,
    preview_import,
)
from tdkt_desktop.excel.vocabulary import parse_value_mapping


def _rows(text: str | None, option: str) -> list[int]:
    if not text:
        return []
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            low, _, high = part.partition("-")
            if low.strip().isdigit() and high.strip().isdigit():
                out.extend(range(int(low), int(high) + 1))
                continue
        if not part.isdigit():
            raise CliError(f"{option}: “{part}” không phải số dòng. Ví dụ: {option} 7,9,12-15.")
        out.append(int(part))
    return out


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
    with open_existing(args) as store:
        require_unit(store)
        try:
            mapping = parse_mapping(args.map)
            value_map = parse_value_mapping(args.map_values)
            campaign_id = find_campaign(store, args.campaign)["id"] if args.campaign else None
            preview = preview_import(
                store, args.file, args.kind, mapping or None, sheet=args.sheet, year=args.year, campaign_id=campaign_id,
                value_map=value_map,
            )
        except MappingNeeded as exc:
            if args.json:
                print_json({"ok": False, "error": str(exc), "headers": exc.headers, "proposal": exc.proposal,
                            "missing": exc.missing})
            raise
        decisions: dict[int, str] = {}
        for row in _rows(args.create_new, "--create-new"):
            decisions[row] = "create"
        for row in _rows(args.skip, "--skip"):
            decisions[row] = "skip"
        known = {r.row for r in preview.rows}
        unknown = sorted(set(decisions) - known)
        if unknown:
            raise CliError("Không có dòng dữ liệu " + ", ".join(map(str, unknown)) + " trong tệp.")
        for prow in preview.rows:
            if prow.row in decisions and prow.ok:
                prow.action = decisions[prow.row]
        blocked = bool(preview.bad_rows) and not args.accept_errors
        if args.dry_run:
            if args.json:
                print_json({"ok": not blocked, "dry_run": True, "preview": preview.to_dict()})
            else:
                print(preview.report())
                print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.")
            if blocked:
                sys.stderr.write(
                    f"Lỗi: {len(preview.bad_rows)} dòng có lỗi; hãy sửa tệp, ghép giá trị (--map-values) hoặc thêm "
                    "--accept-errors để bỏ qua các dòng đó.\n"
                )
                return EXIT_REFUSED
            # the rows with errors would be left out: done, but they need attention
            return EXIT_ATTENTION if preview.bad_rows else EXIT_OK
        try:
            result = apply_import(store, preview, accept_errors=args.accept_errors, decisions=decisions)
        except ImportRefused as exc:
            if args.json:
                print_json({"ok": False, "error": str(exc), "preview": preview.to_dict()})
            raise
        if args.json:
            print_json({"ok": True, "preview": preview.to_dict(), "result": result.to_dict()})
        else:
            print(preview.report())
            print(result.report())
    return EXIT_OK


def _fields_help() -> str:
    parts = []
    for kind, fields in IMPORT_FIELDS.items():
        names = ", ".join(f.name for f in fields if f.name != "stt")
        parts.append(f"{kind}: {names}")
    return "; ".join(parts)


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
        "import", help="nhập danh sách từ tệp .xlsx (xem trước, rồi ghi)",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite excel import danh-sach.xlsx --kind people --dry-run\n\n"
        "  tdkt excel import ds.xlsx --kind nominations --map-values \"F: Khen thưởng đặc biệt=Tập thể\"\n\n"
        "Mã thoát: 0 xong; 1 có dòng lỗi (chưa ghi gì); 3 chạy thử với --accept-errors mà còn dòng lỗi.\n\n"
        "Tên trường cho --map: " + _fields_help(),
    )
    q.add_argument("file", metavar="TỆP.xlsx")
    q.add_argument("--kind", required=True, choices=list(IMPORT_KINDS), help="loại danh sách: " + ", ".join(IMPORT_KINDS))
    q.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    q.add_argument("--json", action="store_true", help="kết quả dạng JSON (cho chương trình khác)")
    q.add_argument("--map", metavar="GHÉP_CỘT", help="ghép cột bằng tay: \"Cột A=full_name, Ngày sinh=birth_date, D=-\"")
    q.add_argument("--map-values", metavar="GHÉP_GIÁ_TRỊ",
                   help="ghép giá trị chưa có trong danh mục (được nhớ cho các tệp cùng mẫu): "
                        "\"Phân loại khen thưởng: KT đặc biệt=Tập thể; F: GK CT xã=Giấy khen | BK=Bằng khen\"")
    q.add_argument("--accept-errors", action="store_true", help="bỏ qua các dòng có lỗi, nhập các dòng đúng")
    q.add_argument("--create-new", metavar="DÒNG", help="các dòng trùng vẫn tạo bản ghi mới, ví dụ 7,9")
    q.add_argument("--skip", metavar="DÒNG", help="các dòng bỏ qua, ví dụ 12-15")
    q.add_argument("--sheet", metavar="TÊN", help="tên trang tính (mặc định: trang đầu tiên có dòng tiêu đề)")
    q.add_argument("--year", type=int, metavar="NĂM", help="năm của các đề nghị khi tệp không có cột Năm")
    q.add_argument("--campaign", metavar="MÃ", help="gắn các đề nghị với phong trào này (mã)")
    q.set_defaults(func=cmd_import)
