"""The ``tdkt`` parser and the command line's one error boundary.

Errors a person can fix end with a Vietnamese message on stderr and a non-zero exit code (the table in
:mod:`tdkt_desktop.cli.base`), never a traceback; unexpected failures are written to the bug log, whose
path is printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from tdkt_desktop import __version__
from tdkt_desktop.cli import (
    awards,
    backup,
    database,
    excel,
    installation,
    keys,
    nominations,
    office,
    printing,
    records,
    registrations,
    reports,
    results,
    rules,
    server,
    signing,
    sync,
    targets,
)
from tdkt_desktop.cli.base import (
    EXIT_BUG,
    EXIT_CODES_TEXT,
    EXIT_INTERRUPTED,
    EXIT_REFUSED,
    CliError,
    Parser,
)
from tdkt_desktop.core.errors import user_message
from tdkt_desktop.logs import log_bug

# Command groups in the order ``tdkt --help`` lists them.
GROUPS = (installation, database, backup, records, nominations, office, results, registrations, targets, awards,
          printing, signing, keys, sync, excel, reports, rules, server)

DESCRIPTION = "TĐKT Desktop — thi đua, khen thưởng cho xã, phường và cơ quan cấp trên."
EXAMPLES = """Ví dụ:
  tdkt                                        mở ứng dụng
  tdkt --db phuong.sqlite init --unit 31135   khai báo đơn vị (--db ghi trước hoặc sau tên lệnh đều được)
  tdkt stats --db phuong.sqlite --json        số bản ghi theo loại
  tdkt LỆNH --help                            hướng dẫn và ví dụ của từng lệnh
"""


def build_parser() -> Parser:
    parser = Parser(prog="tdkt", description=DESCRIPTION, epilog=f"{EXAMPLES}\n{EXIT_CODES_TEXT}")
    parser.set_defaults(db=None)  # only the top level has a default: see Parser
    parser.add_argument("--version", action="version", version=f"TĐKT Desktop {__version__}",
                        help="hiện phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)
    for group in GROUPS:
        group.register(sub)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def run_command(func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run one command inside the command line's error boundary; returns the exit code."""
    try:
        return int(func(args) or 0)
    except CliError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return exc.code
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng theo yêu cầu.\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        message = user_message(exc)
        if message is not None:
            sys.stderr.write(f"Lỗi: {message}\n")
            return EXIT_REFUSED
        path = log_bug(exc)
        sys.stderr.write(
            f"Lỗi ngoài dự kiến: {type(exc).__name__}: {exc}\nChi tiết đã ghi vào {path}. Hãy gửi tệp này cho bộ "
            "phận hỗ trợ.\n"
        )
        return EXIT_BUG


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if (arguments and arguments[-1].lower().endswith(installation.OPENABLE_SUFFIXES)
            and not command_names(parser) & set(arguments)):
        arguments = ["start", *arguments]  # "tdkt goi.tdktgoi": the file manager opening a bundle
    args = parser.parse_args(arguments)
    func = getattr(args, "func", None)
    if func is None:  # "tdkt" alone: the application
        func = installation.cmd_start
        args.no_demo = False
        args.file = None
    return run_command(func, args)
