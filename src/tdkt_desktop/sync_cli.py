"""Command-line commands for keys, enrolment, bundles and conflicts (registered into ``tdkt``).

``tdkt keys export --out FILE`` · ``tdkt keys show`` · ``tdkt enroll FILE [--yes]`` ·
``tdkt bundle export --to CODE --out FILE [--full] [--no-encrypt]`` ·
``tdkt bundle import FILE_OR_FOLDER... [--dry-run] [--json]`` · ``tdkt bundle held [--retry]`` ·
``tdkt conflicts list`` · ``tdkt conflicts resolve ID --keep held|incoming``.

Exit codes of ``bundle import``: 0 everything merged; 1 a bundle or some rows refused, or bad input (what
could be merged was merged — see the report); 3 merged, with conflicts queued or bundles held for enrolment.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.store.db import Store, default_db_path, open_store
from tdkt_desktop.sync import (
    enroll,
    export_bundle,
    export_enrolment,
    import_bundles,
    import_held,
    list_conflicts,
    list_held,
    own_fingerprint,
    read_enrolment,
    resolve_conflict,
)
from tdkt_desktop.sync.bundle import disk_full_error
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.report import EXIT_ATTENTION, EXIT_MERGED, EXIT_REFUSED, table_label

IMPORT_EPILOG = (
    "Mã thoát: 0 đã hợp nhất hết; 1 có gói hoặc bản ghi bị từ chối, hoặc dữ liệu vào sai (phần hợp lệ vẫn được "
    "hợp nhất — xem báo cáo); 3 đã hợp nhất nhưng có xung đột chờ xử lý hoặc gói tạm giữ chờ ghi danh khóa."
)


def _open(args: argparse.Namespace) -> Store:
    path = Path(args.db) if getattr(args, "db", None) else default_db_path()
    return open_store(path, create=False)


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n")


def _write_file(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise disk_full_error(path) from exc
        raise SyncError(f"Không ghi được tệp {path}: {exc.strerror or exc}.", code="io") from exc


# --------------------------------------------------------------------------- commands


def cmd_keys_export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        data = export_enrolment(store)
        _write_file(Path(args.out), data)
        print(f"Đã ghi tệp đăng ký khóa: {args.out}")
        print(f"Dấu vân tay: {own_fingerprint(store)} — đọc cho đơn vị nhận đối chiếu khi ghi danh.")
    return EXIT_MERGED


def cmd_keys_show(args: argparse.Namespace) -> int:
    with _open(args) as store:
        fp = own_fingerprint(store)
        if getattr(args, "json", False):
            _json({"unit_code": store.unit_code, "install_id": store.install_id, "fingerprint": fp})
        else:
            print(f"Đơn vị: {store.unit_code or '(chưa khai báo)'}   Bản cài đặt: {store.install_id}")
            print(f"Dấu vân tay: {fp}")
    return EXIT_MERGED


def cmd_enroll(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SyncError(f"Không đọc được tệp {path}: {exc.strerror or exc}.", code="io") from exc
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
    with _open(args) as store:
        result = enroll(store, info, confirmed=True)
    print(result.message)
    return EXIT_MERGED


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        info = export_bundle(store, args.to, args.out, full=args.full, encrypt=not args.no_encrypt)
    if getattr(args, "json", False):
        _json(info.to_dict())
    else:
        print(info.summary())
        for table, n in info.counts.items():
            print(f"  - {table_label(table)}: {n}")
        if not info.encrypted:
            print("Lưu ý: gói KHÔNG được mã hóa nhưng chứa dữ liệu cá nhân; hãy chuyển bằng đường an toàn.")
    return EXIT_MERGED


def _print_report(report: Any, as_json: bool) -> int:
    if as_json:
        _json(report.to_dict())
    else:
        print(report.summary())
    return int(report.exit_code)


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with _open(args) as store:
        report = import_bundles(store, args.paths, dry_run=args.dry_run)
    return _print_report(report, args.json)


def cmd_bundle_held(args: argparse.Namespace) -> int:
    with _open(args) as store:
        if args.retry:
            report = import_held(store, dry_run=args.dry_run)
            if not report.bundles:
                print("Không có gói nào đang tạm giữ.")
                return EXIT_MERGED
            return _print_report(report, args.json)
        held = list_held(store)
    if args.json:
        _json(held)
    elif not held:
        print("Không có gói nào đang tạm giữ.")
    else:
        for h in held:
            print(f"#{h['id']}  {h['received_at'][:19]}  từ {h['from_unit']}  khóa {h['fingerprint']}\n    {h['reason']}")
    return EXIT_ATTENTION if held else EXIT_MERGED


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        items = list_conflicts(store, include_resolved=args.all)
    if args.json:
        _json(items)
        return EXIT_MERGED
    if not items:
        print("Không có xung đột nào chờ xử lý.")
        return EXIT_MERGED
    for c in items:
        kept = "bản đang có (held)" if c["winner"] == "held" else "bản nhận được (incoming)"
        print(f"#{c['id']}  {table_label(c['table_name'])} {c['record_id']}  từ {c['from_unit']}  — đang dùng: {kept}"
              + (f"  [đã xử lý: {c['resolution']}]" if c["status"] != "open" else ""))
        fields = sorted(k for k in set(c["held"]) | set(c["incoming"])
                        if k not in ("rev", "base_rev", "clock", "gen", "origin_install", "updated_at")
                        and c["held"].get(k) != c["incoming"].get(k))
        for f in fields:
            print(f"    {f}: held={c['held'].get(f)!r}  incoming={c['incoming'].get(f)!r}")
    return EXIT_MERGED


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    with _open(args) as store:
        row = resolve_conflict(store, args.id, choose=args.keep)
    print(f"Đã xử lý xung đột #{args.id}: giữ bản {'đang có' if args.keep == 'held' else 'nhận được'}; "
          f"phiên bản hiện hành {row['rev']}.")
    return EXIT_MERGED


# --------------------------------------------------------------------------- registration


def register(subparsers: Any, common: argparse.ArgumentParser | None = None) -> None:
    """Add ``keys``, ``enroll``, ``bundle`` and ``conflicts`` to the ``tdkt`` command line."""
    if common is None:
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng)")
    parents = [common]
    kw: dict[str, Any] = {}
    parser_class = getattr(subparsers, "_parser_class", None)
    if parser_class is not None:
        kw["parser_class"] = parser_class

    p = subparsers.add_parser("keys", parents=parents, help="khóa của bản cài đặt này (ký và mã hóa gói)")
    keys = p.add_subparsers(dest="keys_command", metavar="LỆNH", required=True, **kw)
    q = keys.add_parser("export", parents=parents, help="ghi tệp đăng ký khóa để gửi cấp trên/đơn vị trực thuộc")
    q.add_argument("--out", required=True, metavar="TỆP")
    q.set_defaults(func=cmd_keys_export)
    q = keys.add_parser("show", parents=parents, help="xem dấu vân tay khóa của bản cài đặt này")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_keys_show)

    p = subparsers.add_parser(
        "enroll", parents=parents, help="ghi danh (tin cậy) khóa của cấp trên hoặc đơn vị trực thuộc",
        description="Đọc tệp đăng ký khóa, hiện dấu vân tay và hỏi xác nhận. Không có bàn phím (chạy tự động) thì "
        "phải đối chiếu dấu vân tay trước và thêm --yes.",
    )
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--yes", action="store_true", help="đã đối chiếu dấu vân tay, không hỏi lại")
    p.set_defaults(func=cmd_enroll)

    p = subparsers.add_parser("bundle", parents=parents, help="xuất, nhập gói dữ liệu đồng bộ")
    bundle = p.add_subparsers(dest="bundle_command", metavar="LỆNH", required=True, **kw)
    q = bundle.add_parser("export", parents=parents, help="xuất gói cho cấp trên hoặc đơn vị trực thuộc")
    q.add_argument("--to", required=True, metavar="MÃ", help="mã đơn vị nhận")
    q.add_argument("--out", required=True, metavar="TỆP", help="tệp gói (đuôi .tdktgoi)")
    q.add_argument("--full", action="store_true", help="gửi toàn bộ, không chỉ phần thay đổi")
    q.add_argument("--no-encrypt", action="store_true", help="không mã hóa (gói vẫn được ký)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_bundle_export)
    q = bundle.add_parser("import", parents=parents, help="nhập gói (tệp hoặc thư mục)", epilog=IMPORT_EPILOG)
    q.add_argument("paths", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC")
    q.add_argument("--dry-run", action="store_true", help="chạy thử: báo cáo nhưng không ghi gì")
    q.add_argument("--json", action="store_true", help="báo cáo dạng JSON")
    q.set_defaults(func=cmd_bundle_import)
    q = bundle.add_parser("held", parents=parents, help="các gói tạm giữ chờ ghi danh khóa", epilog=IMPORT_EPILOG)
    q.add_argument("--retry", action="store_true", help="nhập lại các gói tạm giữ (sau khi đã ghi danh)")
    q.add_argument("--dry-run", action="store_true")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_bundle_held)

    p = subparsers.add_parser("conflicts", parents=parents, help="xung đột chờ xử lý (một bản ghi sửa ở hai nơi)")
    conflicts = p.add_subparsers(dest="conflicts_command", metavar="LỆNH", required=True, **kw)
    q = conflicts.add_parser("list", parents=parents, help="liệt kê xung đột")
    q.add_argument("--all", action="store_true", help="cả xung đột đã xử lý")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_conflicts_list)
    q = conflicts.add_parser("resolve", parents=parents, help="chọn phiên bản giữ lại")
    q.add_argument("id", type=int, metavar="SỐ")
    q.add_argument("--keep", required=True, choices=("held", "incoming"),
                   help="held: bản đang có ở đây; incoming: bản nhận được trong gói")
    q.set_defaults(func=cmd_conflicts_resolve)


__all__ = ["EXIT_ATTENTION", "EXIT_MERGED", "EXIT_REFUSED", "register"]
