"""``tdkt parse-targets``: the target list of a directive or plan, read from a text file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError
from tdkt_desktop.core.errors import file_error


def cmd_parse_targets(args: argparse.Namespace) -> int:
    from tdkt_desktop.core.target_parser import extract_target_block, parse_targets

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(
            f"Tệp {path} không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã Unicode (UTF-8) rồi thử lại."
        ) from None
    block = text if args.raw else (extract_target_block(text) or text)
    proposals = parse_targets(block)
    if args.json:
        for p in proposals:
            sys.stdout.write(json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    else:
        for i, p in enumerate(proposals, 1):
            if p.spec is None:
                print(f"{i}. KHÔNG HIỂU: {p.source_text}")
                for problem in p.problems:
                    print(f"     {problem}")
            else:
                print(f"{i}. {p.spec.measure}: {p.spec.describe()}")
    if not proposals:
        raise CliError("Không tìm thấy chỉ tiêu nào trong tệp.")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("parse-targets", help="đọc danh sách chỉ tiêu từ tệp văn bản",
                       epilog="Ví dụ:\n  tdkt parse-targets chi-thi.txt\n  tdkt parse-targets ke-hoach.txt --json")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--json", action="store_true", help="mỗi chỉ tiêu một dòng JSON")
    p.add_argument("--raw", action="store_true", help="cả tệp là danh sách chỉ tiêu (không tự tìm đoạn chỉ tiêu)")
    p.set_defaults(func=cmd_parse_targets)
