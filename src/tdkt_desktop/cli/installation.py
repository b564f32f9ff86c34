"""``tdkt init``, ``tdkt units search``, ``tdkt demo`` and ``tdkt start``: this installation's unit, the
official unit lists, sample data and the application itself."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import (
    EXIT_OK,
    CliError,
    db_target,
    open_existing,
    open_or_create,
    print_json,
    subcommands,
)
from tdkt_desktop.core import admin_units
from tdkt_desktop.core.errors import UserError
from tdkt_desktop.core.models import UnitLevel
from tdkt_desktop.store import open_store
from tdkt_desktop.store.authority import UnitTree
from tdkt_desktop.store.installation import init_unit

# Files the application opens when given as the only argument (double-click in the file manager).
OPENABLE_SUFFIXES = (".tdktgoi", ".tdktkhoa")
DEMO_OPERATOR = "Nguyễn Thị Thu Hà"


def cmd_init(args: argparse.Namespace) -> int:
    with open_or_create(args) as store:
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


def _own_unit(args: argparse.Namespace) -> str | None:
    """The unit of an existing database (its own province's units are listed first); never creates one."""
    target = db_target(args)
    if isinstance(target, Path) and not target.exists():
        return None
    try:
        with open_existing(args, daily_backup=False) as store:
            if not store.unit_code:
                return None
            chain = [store.unit_code, *UnitTree(store).ancestors(store.unit_code)]
    except UserError:  # a database that cannot be read now: the search does not need it
        return None
    return next((code for code in chain if admin_units.find(code) is not None), None)


def cmd_units_search(args: argparse.Namespace) -> int:
    found = admin_units.search(" ".join(args.query), legacy=args.legacy, limit=args.limit, near=_own_unit(args))
    if args.json:
        print_json([{"code": u.code, "name": u.name, "level": u.level, "display": admin_units.display_name(u)}
                    for u in found])
    else:
        for u in found:
            print(f"{u.code:>6}  {admin_units.display_name(u)}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from tdkt_desktop.demo import DEMO_UNIT, build_demo

    with open_or_create(args) as store:
        if not store.unit_code:
            init_unit(store, code=DEMO_UNIT, operator=DEMO_OPERATOR)
        if store.count("campaigns") and not args.force:
            raise CliError(
                "Cơ sở dữ liệu đã có dữ liệu. Dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu mới; dùng --force nếu vẫn "
                "muốn thêm."
            )
        summary = build_demo(store)
        unit = store.self_unit() or {}
        print(f"Đã tạo dữ liệu mẫu cho {unit.get('name', store.unit_code)}:")
        for table, n in summary.items():
            print(f"  {table}: {n}")
    return EXIT_OK


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
        init_unit(store, code=DEMO_UNIT, operator=DEMO_OPERATOR)
        build_demo(store)
    return True


def cmd_start(args: argparse.Namespace) -> int:
    """The application, on ``--db`` when given, else on the office's server database chosen in Cài đặt, else on
    the file of this computer (a demo database is made there the first time)."""
    given = getattr(args, "db", None)
    path = db_target(args)
    open_path = getattr(args, "file", None)
    if open_path and not Path(open_path).is_file():
        raise CliError(f"Không tìm thấy tệp {open_path}.")
    chosen = None if given else _chosen_server()
    if chosen is None and isinstance(path, Path) and not getattr(args, "no_demo", False) and \
            ensure_demo_database(path):
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
    where = path if given or chosen is None else None  # None: the server database chosen in Cài đặt
    if open_path:
        return int(run_gui(where, open_path=Path(open_path)))
    return int(run_gui(where))


def _chosen_server() -> str | None:
    """The office's server database chosen in Cài đặt (the application's settings), if any."""
    try:
        from tdkt_desktop.gui.database_choice import remembered_location
    except ImportError:  # no PySide6: no settings either
        return None
    return remembered_location()


def register(sub: Any) -> None:
    p = sub.add_parser("start", help="mở ứng dụng (tạo dữ liệu mẫu nếu chưa có cơ sở dữ liệu)",
                       epilog="Ví dụ:\n  tdkt start --db phuong.sqlite\n  tdkt start goi-tu-tinh.tdktgoi\n"
                       "  tdkt --db tinh.sqlite start --no-demo")
    p.add_argument("--no-demo", action="store_true", help="không tạo dữ liệu mẫu")
    p.add_argument("file", nargs="?", metavar="TỆP", help="gói đồng bộ (.tdktgoi) hoặc tệp ghi danh (.tdktkhoa) để mở")
    p.set_defaults(func=cmd_start)

    p = sub.add_parser(
        "init", help="khai báo đơn vị của bản cài đặt này",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite init --unit 31135 --operator \"Nguyễn Thị Thu Hà\"\n"
        "  tdkt init --db truong.sqlite --unit 31135-TH1 --name \"Trường Tiểu học Tân An\" --level school "
        "--parent 31135",
    )
    p.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị (QĐ 19/2025) hoặc mã tự đặt của đơn vị trực thuộc")
    p.add_argument("--name", help="tên đơn vị (bắt buộc với đơn vị trực thuộc)")
    p.add_argument("--level", help="loại đơn vị: " + ", ".join(m.value for m in UnitLevel))
    p.add_argument("--parent", metavar="MÃ", help="mã cơ quan cấp trên")
    p.add_argument("--operator", help="họ tên người sử dụng (ghi vào nhật ký thay đổi)")
    p.add_argument("--legacy", action="store_true", help="dùng danh mục cũ (QĐ 124/2004, có cấp huyện)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu cho đơn vị", epilog="Ví dụ:\n  tdkt --db mau.sqlite demo")
    p.add_argument("--force", action="store_true", help="thêm dữ liệu mẫu dù đã có dữ liệu")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("units", help="tra cứu danh mục đơn vị hành chính")
    units_sub = subcommands(p, dest="units_command")
    q = units_sub.add_parser("search", help="tìm theo tên (không cần dấu) hoặc mã",
                             epilog="Ví dụ:\n  tdkt units search tan phu\n  tdkt units search ninh kieu --json")
    q.add_argument("query", nargs="+", metavar="TỪ_KHÓA")
    q.add_argument("--legacy", action="store_true", help="tìm trong danh mục cũ (có cấp huyện)")
    q.add_argument("--limit", type=int, default=20, metavar="SỐ", help="số kết quả tối đa (mặc định 20)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_units_search)
