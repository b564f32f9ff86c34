"""The command line's one list import, shared by ``tdkt records import KIND FILE`` and
``tdkt excel import FILE --kind KIND``: a .xlsx or .csv list through the importer the import wizard uses
(:mod:`tdkt_desktop.excel.importer`) — columns recognised in a province's own words or mapped with ``--map``,
values the vocabularies do not know mapped with ``--map-values``, legacy TCVN3/VNI/Windows-1258 text converted.

A list with rows in error writes nothing and exits 1, listing each row and its reason, unless
``--accept-errors`` skips those rows; ``--dry-run`` shows what would happen and writes nothing.
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
)
from tdkt_desktop.excel.errors import ImportRefused, MappingNeeded
from tdkt_desktop.excel.export import find_campaign
from tdkt_desktop.excel.importer import IMPORT_FIELDS, apply_import, parse_mapping, preview_import
from tdkt_desktop.excel.vocabulary import parse_value_mapping


def _fields_help() -> str:
    parts = []
    for kind, fields in IMPORT_FIELDS.items():
        names = ", ".join(f.name for f in fields if f.name != "stt")
        parts.append(f"{kind}: {names}")
    return "; ".join(parts)


EPILOG = (
    "Một dòng sai thì chưa ghi gì (mã thoát 1) và từng dòng sai được liệt kê kèm lý do; --accept-errors bỏ qua các "
    "dòng đó. Mã thoát: 0 xong; 1 có dòng lỗi (chưa ghi gì); 3 chạy thử với --accept-errors mà còn dòng lỗi.\n\n"
    "Tệp .csv: UTF-8, UTF-16 hoặc bảng mã cũ (Windows-1258, chữ gõ bằng phông TCVN3/VNI), phân cách bằng dấu phẩy, "
    "chấm phẩy hoặc tab; ngày dd/mm/yyyy.\n\n"
    "Tên trường cho --map: " + _fields_help()
)


def _rows(text: str | None, option: str) -> list[int]:
    if not text:
        return []
    out: list[int] = []
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


def run_import(args: argparse.Namespace, kind: str) -> int:
    """Import ``args.file`` as a list of ``kind`` (one of the importer's kinds) with the options of
    :func:`add_arguments`; returns the exit code."""
    with open_existing(args) as store:
        require_unit(store)
        try:
            mapping = parse_mapping(args.map)
            value_map = parse_value_mapping(args.map_values)
            campaign_id = find_campaign(store, args.campaign)["id"] if args.campaign else None
            preview = preview_import(
                store, args.file, kind, mapping or None, sheet=args.sheet, year=args.year, campaign_id=campaign_id,
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


def add_arguments(q: Any) -> None:
    """The import's options (after the command's own FILE and KIND arguments)."""
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
