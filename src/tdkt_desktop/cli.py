"""The command line: every capability without a screen.

``tdkt`` with no command (or ``python -m tdkt_desktop``) starts the application. Every command takes
``--db PATH`` (default: a database in the user data folder). Errors a person can fix end with a
Vietnamese message on stderr and a non-zero exit code, never a traceback; unexpected failures are
logged to a file whose path is printed.

Exit codes: 0 done; 1 refused or bad input; 2 wrong command-line usage; 3 done with items needing
attention (conflicts, held bundles); 70 unexpected failure (see the log file).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tdkt_desktop import __version__
from tdkt_desktop.core import admin_units
from tdkt_desktop.core.models import UnitLevel
from tdkt_desktop.core.text import InputError, clean
from tdkt_desktop.logs import log_bug
from tdkt_desktop.store import Store, StoreError, check_integrity, default_db_path, open_store
from tdkt_desktop.store.migrations import schema_version

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_ATTENTION, EXIT_BUG = 0, 1, 2, 3, 70

log = logging.getLogger("tdkt")


class CliError(Exception):
    """A refusal with a Vietnamese message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


class VietnameseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        translated = (
            message.replace("the following arguments are required", "thiếu tham số bắt buộc")
            .replace("unrecognized arguments", "tham số không hợp lệ")
            .replace("invalid choice", "lựa chọn không hợp lệ")
            .replace("expected one argument", "cần một giá trị")
            .replace("argument", "tham số")
        )
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi: {translated}. Xem “{self.prog} --help”.\n")
        raise SystemExit(EXIT_USAGE)


# --------------------------------------------------------------------------- helpers


def db_path_of(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def open_existing(args: argparse.Namespace) -> Store:
    return open_store(db_path_of(args), create=False)


def require_unit(store: Store) -> str:
    code = store.unit_code
    if not code:
        raise CliError("Cơ sở dữ liệu chưa khai báo đơn vị. Hãy chạy “tdkt init --unit MÃ_ĐƠN_VỊ” trước.")
    return code


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


# --------------------------------------------------------------------------- init


def init_unit(
    store: Store,
    *,
    code: str,
    name: str | None = None,
    level: str | None = None,
    parent: str | None = None,
    operator: str | None = None,
    legacy: bool = False,
) -> dict[str, Any]:
    """Declare this installation's unit: one from the official list, or a custom sub-unit.

    The unit's upper office (its parent) is recorded too, so bundles know where they go.
    """
    code = clean(code)
    if not code:
        raise InputError("Mã đơn vị: chưa nhập.")
    current = store.unit_code
    if current and current != code:
        raise CliError(
            f"Cơ sở dữ liệu này đã thuộc đơn vị {current}. Mỗi bản cài đặt là một đơn vị; hãy dùng một tệp "
            "cơ sở dữ liệu khác (--db) cho đơn vị mới."
        )
    official = admin_units.find(code, legacy=legacy)
    if official is not None:
        unit_level = official.level
        unit_name = clean(name) or official.name
        parent_code = parent or (official.parent_code or None)
        province_code = official.province_code
    else:
        if not name or not level or not parent:
            raise CliError(
                f"Mã “{code}” không có trong danh mục đơn vị hành chính (QĐ 19/2025/QĐ-TTg). Để tạo đơn vị "
                "trực thuộc (trường học, trạm y tế, thôn…), hãy ghi đủ --name, --level và --parent (mã xã, "
                "phường cấp trên). Tìm mã bằng “tdkt units search TÊN”."
            )
        unit_level = UnitLevel.parse(level, field="Cấp, loại đơn vị").value
        unit_name = clean(name)
        parent_code = parent
        parent_official = admin_units.find(parent, legacy=legacy)
        province_code = parent_official.province_code if parent_official else None
    with store.atomic():
        if parent_code and store.unit_by_code(parent_code) is None:
            parent_unit = admin_units.find(parent_code, legacy=legacy)
            if parent_unit is None and not legacy:
                parent_unit = admin_units.find(parent_code, legacy=True)
            if parent_unit is None:
                raise CliError(f"Không tìm thấy đơn vị cấp trên có mã “{parent_code}”.")
            store.insert(
                "units",
                {
                    "code": parent_unit.code,
                    "name": parent_unit.name,
                    "level": parent_unit.level,
                    "parent_code": parent_unit.parent_code or None,
                    "province_code": parent_unit.province_code,
                },
                owner_unit=parent_unit.code,
            )
        existing = store.unit_by_code(code)
        values = {
            "code": code,
            "name": unit_name,
            "level": unit_level,
            "parent_code": parent_code,
            "province_code": province_code,
        }
        if existing is None:
            store.insert("units", values, owner_unit=code)
        else:
            store.update("units", existing["id"], values)
        store.set_meta("unit_code", code)
        if operator:
            store.set_meta("operator", clean(operator))
    return {"code": code, "name": unit_name, "level": unit_level, "parent_code": parent_code}


def cmd_init(args: argparse.Namespace) -> int:
    with open_store(db_path_of(args)) as store:
        unit = init_unit(
            store,
            code=args.unit,
            name=args.name,
            level=args.level,
            parent=args.parent,
            operator=args.operator,
            legacy=args.legacy,
        )
        upper = store.unit_by_code(unit["parent_code"]) if unit["parent_code"] else None
        print(f"Đã khai báo đơn vị: {unit['name']} (mã {unit['code']}).")
        if upper:
            print(f"Cơ quan cấp trên: {upper['name']} (mã {upper['code']}).")
        print(f"Cơ sở dữ liệu: {store.path}")
    return EXIT_OK


# --------------------------------------------------------------------------- demo, stats, check


def cmd_demo(args: argparse.Namespace) -> int:
    from tdkt_desktop.demo import DEMO_UNIT, build_demo

    with open_store(db_path_of(args)) as store:
        if not store.unit_code:
            init_unit(store, code=DEMO_UNIT, operator="Nguyễn Thị Thu Hà")
        if store.count("campaigns") and not args.force:
            raise CliError(
                "Cơ sở dữ liệu đã có dữ liệu. Dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu mới; dùng --force nếu vẫn "
                "muốn thêm."
            )
        summary = build_demo(store)
        print(f"Đã tạo dữ liệu mẫu cho {store.self_unit()['name']}:")  # type: ignore[index]
        for table, n in summary.items():
            print(f"  {table}: {n}")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        stats = store.stats()
        if args.json:
            print_json(stats)
        else:
            from tdkt_desktop.store.fields import KINDS

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
            print(f"Cơ sở dữ liệu: {store.path}")
            print(f"Phiên bản lược đồ: {version} (phần mềm: {schema_version()})")
            print(f"Đơn vị: {store.unit_code or 'chưa khai báo'}")
            if problems:
                print("Phát hiện lỗi:")
                for p in problems:
                    print(f"  - {p}")
            else:
                print("Toàn vẹn dữ liệu: tốt.")
    return EXIT_OK if not problems else EXIT_REFUSED


def cmd_parse_targets(args: argparse.Namespace) -> int:
    from tdkt_desktop.core.target_parser import extract_target_block, parse_targets

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CliError(f"Không đọc được tệp {path}: {exc.strerror}.") from exc
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


def cmd_units_search(args: argparse.Namespace) -> int:
    found = admin_units.search(" ".join(args.query), legacy=args.legacy, limit=args.limit)
    if args.json:
        print_json([{"code": u.code, "name": u.name, "level": u.level, "display": admin_units.display_name(u)} for u in found])
    else:
        for u in found:
            print(f"{u.code:>6}  {admin_units.display_name(u)}")
    return EXIT_OK


# --------------------------------------------------------------------------- the application


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def ensure_demo_database(path: Path) -> bool:
    """Create a demo database at ``path`` when none exists; True when one was created."""
    if path.exists() and path.stat().st_size > 0:
        return False
    from tdkt_desktop.demo import DEMO_UNIT, build_demo

    with open_store(path) as store:
        init_unit(store, code=DEMO_UNIT, operator="Nguyễn Thị Thu Hà")
        build_demo(store)
    return True


# Files the application opens when given as the only argument (double-click in the file manager).
OPENABLE_SUFFIXES = (".tdktgoi", ".tdktkhoa")


def cmd_start(args: argparse.Namespace) -> int:
    path = db_path_of(args)
    open_path = getattr(args, "file", None)
    if open_path and not Path(open_path).is_file():
        raise CliError(f"Không tìm thấy tệp {open_path}.")
    if not getattr(args, "no_demo", False) and ensure_demo_database(path):
        print(f"Đã tạo cơ sở dữ liệu mẫu: {path}")
    if not display_available():
        raise CliError(
            "Không có màn hình đồ họa (DISPLAY/WAYLAND_DISPLAY chưa đặt), nên không mở được cửa sổ ứng dụng. "
            "Hãy chạy trên máy có màn hình, hoặc dùng “xvfb-run tdkt”, hoặc dùng các lệnh dòng lệnh "
            "(“tdkt --help”)."
        )
    try:
        from tdkt_desktop.gui.app import run_gui
    except ImportError as exc:
        raise CliError(f"Không nạp được giao diện (PySide6): {exc}. Hãy cài lại bằng scripts/run.sh.") from exc
    if open_path:
        return int(run_gui(path, open_path=Path(open_path)))
    return int(run_gui(path))


# --------------------------------------------------------------------------- parser


_COMMANDS = {"start", "init", "demo", "stats", "check", "parse-targets", "units", "print", "keys", "enroll", "bundle",
             "conflicts", "excel", "report"}


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng)")

    parser = VietnameseArgumentParser(
        prog="tdkt",
        description="TĐKT Desktop — thi đua, khen thưởng cho xã, phường và cơ quan cấp trên.",
        epilog="Mã thoát: 0 xong; 1 bị từ chối hoặc dữ liệu sai; 2 sai cú pháp lệnh; 3 xong nhưng có mục cần "
        "xử lý (xung đột, gói chờ ghi danh); 70 lỗi ngoài dự kiến (xem tệp nhật ký).",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"TĐKT Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseArgumentParser)

    p = sub.add_parser("start", parents=[common], help="mở ứng dụng (tạo dữ liệu mẫu nếu chưa có cơ sở dữ liệu)")
    p.add_argument("--no-demo", action="store_true", help="không tạo dữ liệu mẫu")
    p.add_argument("file", nargs="?", metavar="TỆP", help="gói đồng bộ (.tdktgoi) hoặc tệp ghi danh (.tdktkhoa) để mở")
    p.set_defaults(func=cmd_start)

    p = sub.add_parser("init", parents=[common], help="khai báo đơn vị của bản cài đặt này")
    p.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị (QĐ 19/2025) hoặc mã tự đặt của đơn vị trực thuộc")
    p.add_argument("--name", help="tên đơn vị (bắt buộc với đơn vị trực thuộc)")
    p.add_argument("--level", help="loại đơn vị: " + ", ".join(m.value for m in UnitLevel))
    p.add_argument("--parent", metavar="MÃ", help="mã cơ quan cấp trên")
    p.add_argument("--operator", help="họ tên người sử dụng (ghi vào nhật ký thay đổi)")
    p.add_argument("--legacy", action="store_true", help="dùng danh mục cũ (QĐ 124/2004, có cấp huyện)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="tạo dữ liệu mẫu cho đơn vị")
    p.add_argument("--force", action="store_true", help="thêm dữ liệu mẫu dù đã có dữ liệu")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("stats", parents=[common], help="số bản ghi theo loại")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("check", parents=[common], help="kiểm tra toàn vẹn và phiên bản lược đồ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("parse-targets", parents=[common], help="đọc danh sách chỉ tiêu từ tệp văn bản")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--json", action="store_true", help="mỗi chỉ tiêu một dòng JSON")
    p.add_argument("--raw", action="store_true", help="cả tệp là danh sách chỉ tiêu (không tự tìm đoạn chỉ tiêu)")
    p.set_defaults(func=cmd_parse_targets)

    p = sub.add_parser("units", parents=[common], help="tra cứu danh mục đơn vị hành chính")
    units_sub = p.add_subparsers(dest="units_command", metavar="LỆNH", parser_class=VietnameseArgumentParser)
    q = units_sub.add_parser("search", parents=[common], help="tìm theo tên (không cần dấu) hoặc mã")
    q.add_argument("query", nargs="+")
    q.add_argument("--legacy", action="store_true")
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_units_search)

    import inspect

    for register in _extensions():
        if len(inspect.signature(register).parameters) >= 2:
            register(sub, common)
        else:
            register(sub)
    return parser


def _extensions() -> list[Callable[[Any, argparse.ArgumentParser], None]]:
    """Command groups contributed by other layers (sync, printing, excel, reports)."""
    found = []
    for module_name in ("tdkt_desktop.sync_cli", "tdkt_desktop.print_cli", "tdkt_desktop.excel_cli", "tdkt_desktop.report_cli"):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        found.append(module.register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[-1].lower().endswith(OPENABLE_SUFFIXES) and not any(a in _COMMANDS for a in argv):
        argv = ["start", *argv]  # "tdkt goi.tdktgoi": the file manager opening a bundle
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        if getattr(args, "command", None) == "units":
            parser.parse_args(["units", "--help"])
        func = cmd_start
        args.no_demo = False
    try:
        return int(func(args) or 0)
    except CliError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return exc.code
    except (InputError, StoreError) as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return EXIT_REFUSED
    except admin_units.AdminUnitsError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng theo yêu cầu.\n")
        return 130
    except OSError as exc:
        sys.stderr.write(f"Lỗi: {describe_os_error(exc)}\n")
        return EXIT_REFUSED
    except Exception as exc:  # a bug: log it, say where
        path = log_bug(exc)
        sys.stderr.write(
            f"Lỗi ngoài dự kiến: {type(exc).__name__}: {exc}\nChi tiết đã ghi vào {path}. Hãy gửi tệp này cho bộ "
            "phận hỗ trợ.\n"
        )
        return EXIT_BUG


def describe_os_error(exc: OSError) -> str:
    import errno

    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return f"Ổ đĩa đã đầy{where}. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã lưu không bị mất."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Không có quyền ghi/đọc{where}. Hãy chọn thư mục khác hoặc kiểm tra quyền truy cập."
    if exc.errno == errno.ENOENT:
        return f"Không tìm thấy tệp hoặc thư mục{where}."
    return f"Lỗi đọc/ghi tệp{where}: {exc.strerror or exc}."


if __name__ == "__main__":
    raise SystemExit(main())
