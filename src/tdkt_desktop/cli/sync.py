"""Command-line commands for enrolment, bundles and conflicts (registered into ``tdkt``).

``tdkt enroll FILE [--yes]`` ·
``tdkt bundle export --to CODE --out FILE [--full] [--no-encrypt]`` ·
``tdkt bundle import FILE_OR_FOLDER... [--dry-run] [--json]`` · ``tdkt bundle held [--retry]`` ·
``tdkt bundle status`` · ``tdkt conflicts list`` · ``tdkt conflicts resolve ID --keep kept|other``.

Exit codes of ``bundle import``: 0 everything merged; 1 a bundle or some rows refused, or bad input (what
could be merged was merged — see the report); 3 merged, with conflicts queued or bundles held for enrolment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_ATTENTION, EXIT_OK, open_existing, print_json, ready_keys, subcommands
from tdkt_desktop.core.errors import file_error
from tdkt_desktop.sync import (
    drop_held,
    enroll,
    export_bundle,
    import_bundles,
    import_held,
    list_held,
    list_reviews,
    read_enrolment,
    resolve_review,
    sync_status,
)
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.report import table_label
from tdkt_desktop.sync.status import describe as describe_status

IMPORT_EPILOG = (
    "Mã thoát: 0 đã hợp nhất hết; 1 có gói hoặc bản ghi bị từ chối, hoặc dữ liệu vào sai (phần hợp lệ vẫn được "
    "hợp nhất — xem báo cáo); 3 đã hợp nhất nhưng có xung đột chờ xử lý hoặc gói tạm giữ chờ ghi danh khóa."
)


# --------------------------------------------------------------------------- commands


def cmd_enroll(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    info = read_enrolment(data)
    print(f"Đơn vị: {info.unit_code} — {info.name or ''} (cấp trên: {info.parent_code or 'không có'})")
    print(f"Bản cài đặt: {info.install_id}")
    print(f"Dấu vân tay: {info.fingerprint}")
    confirmed = bool(args.yes)
    if not confirmed:
        if not sys.stdin.isatty():
            raise SyncError(
                "Chưa xác nhận: hãy đối chiếu dấu vân tay trên với đơn vị gửi (qua điện thoại hoặc văn bản), rồi chạy "
                "lại lệnh với --yes.",
                code="not_confirmed",
            )
        answer = input("Dấu vân tay có khớp với đơn vị gửi đọc cho bạn không? Gõ “có” để xác nhận: ")
        confirmed = answer.strip().lower() in ("có", "co", "c", "yes", "y")
        if not confirmed:
            raise SyncError("Chưa ghi danh vì dấu vân tay chưa được xác nhận.", code="not_confirmed")
    with open_existing(args) as store:
        result = enroll(store, info, confirmed=True)
    print(result.message)
    return EXIT_OK


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        ready_keys(store)
        info = export_bundle(store, args.to, args.out, full=args.full, encrypt=not args.no_encrypt)
    if getattr(args, "json", False):
        print_json(info.to_dict())
    else:
        print(info.summary())
        for table, n in info.counts.items():
            print(f"  - {table_label(table)}: {n}")
        if not info.encrypted:
            print("Lưu ý: gói KHÔNG được mã hóa nhưng chứa dữ liệu cá nhân; hãy chuyển bằng đường an toàn.")
    return EXIT_OK


def _print_report(report: Any, as_json: bool) -> int:
    if as_json:
        print_json(report.to_dict())
    else:
        print(report.summary())
    return int(report.exit_code)


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        ready_keys(store)
        report = import_bundles(store, args.paths, dry_run=args.dry_run)
    return _print_report(report, args.json)


def cmd_bundle_held(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        if args.retry:
            ready_keys(store)
            report = import_held(store, dry_run=args.dry_run)
            if not report.bundles:
                print("Không có gói nào đang tạm giữ.")
                return EXIT_OK
            return _print_report(report, args.json)
        if args.drop is not None:
            count = drop_held(store, None if args.drop == "all" else _held_number(args.drop))
            print(f"Đã bỏ {count} gói tạm giữ (tệp đã được xóa).")
        held = list_held(store)
    if args.json:
        print_json(held)
    elif not held:
        print("Không có gói nào đang tạm giữ.")
    else:
        for h in held:
            print(f"#{h['id']}  {h['received_at'][:19]}  từ {h['from_unit']}  khóa {h['fingerprint']}  "
                  f"{h['size'] // 1024} KB\n    {h['reason']}")
    return EXIT_ATTENTION if held else EXIT_OK


def _held_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise SyncError(f"“{text}” không phải số của gói tạm giữ. Ghi số (xem “tdkt bundle held”) hoặc “all”.",
                        code="refused") from None


def cmd_bundle_status(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        status = sync_status(store)
    if args.json:
        print_json(status)
    else:
        print(describe_status(status))
    attention = (status["held_rows"] or status["held_bundles"] or status["open_reviews"]
                 or any(any(p["reported_counts"].values()) for p in status["peers"]))
    return EXIT_ATTENTION if attention else EXIT_OK


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        items = list_reviews(store, include_resolved=args.all)
    if args.json:
        print_json(items)
        return EXIT_OK
    if not items:
        print("Không có xung đột nào chờ xem xét.")
        return EXIT_OK
    for c in items:
        done = f"  [đã xử lý bởi {c['resolved_by']}: {c['resolution']}]" if c["status"] != "open" else ""
        print(f"{c['id'][:8]}  {table_label(c['table_name'])} “{c['record_title']}” — {c['field_label']}: "
              f"{c['reason_text']}{done}")
        print(f"    đang dùng (kept):       {c['kept']!r}  — do {c['kept_unit']} ghi")
        print(f"    chưa được dùng (other): {c['other']!r}  — do {c['other_unit']} ghi")
    return EXIT_OK


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        row = resolve_review(store, args.id, choose=args.keep, note=args.note)
    kept = "giữ giá trị đang dùng" if args.keep == "kept" else "áp dụng giá trị chưa được dùng"
    print(f"Đã xử lý xung đột {row['id'][:8]}: {kept}. Kết quả đi theo gói sau và đóng xung đột ở cả hai phía.")
    return EXIT_OK


# --------------------------------------------------------------------------- registration


def register(sub: Any) -> None:
    """``enroll``, ``bundle`` and ``conflicts`` (``keys`` is :mod:`tdkt_desktop.cli.keys`)."""
    p = sub.add_parser(
        "enroll", help="ghi danh (tin cậy) khóa của cấp trên hoặc đơn vị trực thuộc",
        description="Đọc tệp đăng ký khóa, hiện dấu vân tay và hỏi xác nhận. Không có bàn phím (chạy tự động) thì "
        "phải đối chiếu dấu vân tay trước và thêm --yes.",
        epilog="Ví dụ:\n  tdkt --db tinh.sqlite enroll phuong.tdktkhoa",
    )
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--yes", action="store_true", help="đã đối chiếu dấu vân tay, không hỏi lại")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("bundle", help="xuất, nhập gói dữ liệu đồng bộ")
    bundle = subcommands(p, dest="bundle_command")
    q = bundle.add_parser("export", help="xuất gói cho cấp trên hoặc đơn vị trực thuộc",
                          epilog="Ví dụ:\n  tdkt --db phuong.sqlite bundle export --to 92 --out goi.tdktgoi")
    q.add_argument("--to", required=True, metavar="MÃ", help="mã đơn vị nhận")
    q.add_argument("--out", required=True, metavar="TỆP", help="tệp gói (đuôi .tdktgoi)")
    q.add_argument("--full", action="store_true", help="gửi toàn bộ, không chỉ phần thay đổi")
    q.add_argument("--no-encrypt", action="store_true", help="không mã hóa (gói vẫn được ký)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_bundle_export)
    q = bundle.add_parser("import", help="nhập gói (tệp hoặc thư mục)",
                          epilog="Ví dụ:\n  tdkt --db tinh.sqlite bundle import goi-31135.tdktgoi\n"
                          "  tdkt bundle import --db tinh.sqlite thu-muc-goi/ --dry-run\n\n" + IMPORT_EPILOG)
    q.add_argument("paths", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC")
    q.add_argument("--dry-run", action="store_true", help="chạy thử: báo cáo nhưng không ghi gì")
    q.add_argument("--json", action="store_true", help="báo cáo dạng JSON")
    q.set_defaults(func=cmd_bundle_import)
    q = bundle.add_parser("status", help="bản ghi chờ gửi, chưa được xác nhận, bị từ chối hoặc đang chờ, với từng đơn vị",
                          epilog="Ví dụ:\n  tdkt --db phuong.sqlite bundle status\n\nMã thoát: 0 không có gì cần làm; "
                          "3 có bản ghi chờ, bị từ chối hoặc xung đột cần xem.")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_bundle_status)
    q = bundle.add_parser("held", help="các gói tạm giữ chờ ghi danh khóa",
                          epilog="Ví dụ:\n  tdkt --db tinh.sqlite bundle held\n  tdkt bundle held --retry --db tinh.sqlite\n"
                          "  tdkt bundle held --drop 2 --db tinh.sqlite\n\n" + IMPORT_EPILOG)
    q.add_argument("--retry", action="store_true", help="nhập lại các gói tạm giữ (sau khi đã ghi danh)")
    q.add_argument("--drop", metavar="SỐ", help="bỏ gói tạm giữ số SỐ (hoặc “all”: bỏ tất cả); tệp được xóa")
    q.add_argument("--dry-run", action="store_true")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_bundle_held)

    p = sub.add_parser("conflicts", help="xung đột chờ xem xét (một trường sửa ở hai nơi, hoặc sửa đề nghị đã xử lý)")
    conflicts = subcommands(p, dest="conflicts_command")
    q = conflicts.add_parser("list", help="liệt kê xung đột", epilog="Ví dụ:\n  tdkt conflicts list --json")
    q.add_argument("--all", action="store_true", help="cả xung đột đã xử lý")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_conflicts_list)
    q = conflicts.add_parser("resolve", help="chọn giá trị giữ lại",
                             epilog="Ví dụ:\n  tdkt conflicts resolve 3f2a91c4 --keep other")
    q.add_argument("id", metavar="MÃ", help="mã xung đột (vài ký tự đầu, như “tdkt conflicts list” hiện)")
    q.add_argument("--keep", required=True, choices=("kept", "other"),
                   help="kept: giữ giá trị đang dùng; other: áp dụng giá trị chưa được dùng (cần có thẩm quyền sửa trường đó)")
    q.add_argument("--note", help="ghi chú khi xử lý")
    q.set_defaults(func=cmd_conflicts_resolve)
