"""What every command shares: exit codes, the parser class (with the one ``--db`` option), opening the
database named by ``--db``, JSON output and finding a record by a short id."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from tdkt_desktop.core.errors import UserError

# The one exit-code table (tdkt_desktop.core.exit_codes), as every command module imports it from here.
from tdkt_desktop.core.exit_codes import EXIT_ATTENTION as EXIT_ATTENTION
from tdkt_desktop.core.exit_codes import EXIT_BUG as EXIT_BUG
from tdkt_desktop.core.exit_codes import EXIT_CODES_TEXT as EXIT_CODES_TEXT
from tdkt_desktop.core.exit_codes import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from tdkt_desktop.core.exit_codes import EXIT_OK as EXIT_OK
from tdkt_desktop.core.exit_codes import EXIT_REFUSED as EXIT_REFUSED
from tdkt_desktop.core.exit_codes import EXIT_USAGE as EXIT_USAGE
from tdkt_desktop.store import Store, backups, default_db_path, open_store
from tdkt_desktop.store.keyfile import KeysLocked, key_file_path
from tdkt_desktop.store.server_address import is_server_address, shown
from tdkt_desktop.sync import keys_locked, unlock_keys

DB_HELP = "tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng); ghi trước hoặc sau tên lệnh đều được"


class CliError(UserError):
    """A refusal of the command line with a Vietnamese message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


# argparse's own messages (Python 3.11–3.13), in the order they are tried: each English pattern and its
# Vietnamese words. A message none of them matches is shown as it is (a test walks every kind of usage error).
_USAGE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số \1"),
    (r"unrecognized arguments: (.*)", r"tham số không hợp lệ: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"tùy chọn \1 chưa rõ, có thể là \2"),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.*)\)", r"tham số \1: lựa chọn không hợp lệ “\2”; chọn một trong \3"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"tham số \1: \3 không phải \2"),
    (r"argument (\S+): expected one argument", r"tham số \1: cần một giá trị"),
    (r"argument (\S+): expected at most one argument", r"tham số \1: nhiều nhất một giá trị"),
    (r"argument (\S+): expected at least one argument", r"tham số \1: cần ít nhất một giá trị"),
    (r"argument (\S+): expected (\d+) arguments?", r"tham số \1: cần \2 giá trị"),
    (r"argument (\S+): not allowed with argument (\S+)", r"tham số \1: không dùng cùng tham số \2"),
    (r"argument (\S+): ignored explicit argument (.*)", r"tham số \1: không nhận giá trị \2"),
    (r"argument (\S+): can't open (.*)", r"tham số \1: không mở được \2"),
    (r"argument (\S+): (.*)", r"tham số \1: \2"),
)
_TYPE_WORDS = {"int": "số nguyên", "float": "số"}

# Vietnamese placeholders of options that take a value and name none (instead of argparse's "--head-name HEAD_NAME").
_METAVARS = {"id": "MÃ", "out": "TỆP", "date": "NGÀY", "period": "KỲ", "offset": "X,Y", "head_name": "HỌ_TÊN",
             "head_title": "CHỨC_VỤ", "out_dir": "THƯ_MỤC", "name": "TÊN", "level": "LOẠI", "operator": "HỌ_TÊN",
             "reason": "LÝ_DO", "location": "NƠI_KÝ", "note": "GHI_CHÚ"}


def translate_usage_error(message: str) -> str:
    """argparse's English usage error in Vietnamese."""
    for pattern, words in _USAGE_MESSAGES:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            text = match.expand(words)
            for english, vietnamese in _TYPE_WORDS.items():
                text = text.replace(f"không phải {english}", f"không phải {vietnamese}")
            return text
    return message


EXAMPLES_HEADING = "Ví dụ:"


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help text in Vietnamese, examples and descriptions kept as written."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="Cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """The parser of ``tdkt`` and of every subcommand: Vietnamese help and usage errors (exit 2), and ``--db`` on
    every level, defined here once.

    A subcommand's ``--db`` has no default of its own (``argparse.SUPPRESS``), so ``tdkt --db F CMD`` and
    ``tdkt CMD --db F`` both reach the command as ``args.db``; the top level gives the default (None: the
    database in the user data folder). A group of commands without examples of its own shows the first example
    of each of its commands.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát")
        self.add_argument("--db", metavar="TỆP", default=argparse.SUPPRESS, help=DB_HELP)

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        takes_value = kwargs.get("action") in (None, "store", "append") and kwargs.get("nargs") != 0
        if args and str(args[0]).startswith("-") and takes_value and "metavar" not in kwargs and "choices" not in kwargs:
            dest = kwargs.get("dest") or max(args, key=len).lstrip("-").replace("-", "_")
            kwargs["metavar"] = _METAVARS.get(dest, "GIÁ_TRỊ")
        return super().add_argument(*args, **kwargs)

    def format_help(self) -> str:
        if EXAMPLES_HEADING not in (self.epilog or ""):
            examples = _first_examples(self)
            if examples:
                self.epilog = "\n\n".join(t for t in (self.epilog, EXAMPLES_HEADING + "\n" + "\n".join(examples)) if t)
        return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi: {translate_usage_error(message)}. Xem “{self.prog} --help”.\n")
        raise SystemExit(EXIT_USAGE)


def _first_examples(parser: argparse.ArgumentParser) -> list[str]:
    """The first example of each command of a group (the first "  tdkt …" line after "Ví dụ:" in its help)."""
    out: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                text = child.epilog or ""
                if EXAMPLES_HEADING not in text and isinstance(child, Parser):
                    child.format_help()  # a group inside: its own examples first
                    text = child.epilog or ""
                after = text.split(EXAMPLES_HEADING, 1)[1] if EXAMPLES_HEADING in text else ""
                first = next((line for line in after.splitlines() if line.strip().startswith("tdkt")), None)
                if first is not None:
                    out.append("  " + first.strip())
    return out


def subcommands(parser: argparse.ArgumentParser, *, dest: str, required: bool = True) -> Any:
    """The subcommand group of ``parser`` (its parsers are :class:`Parser`s too)."""
    return parser.add_subparsers(dest=dest, metavar="LỆNH", required=required, parser_class=Parser)


def db_target(args: argparse.Namespace) -> str | Path:
    """The database ``--db`` names: a file, or an office's server database (``postgresql://…``)."""
    given = getattr(args, "db", None)
    if given and is_server_address(given):
        return str(given)
    return Path(given) if given else default_db_path()


def db_path_of(args: argparse.Namespace) -> Path:
    """The database file ``--db`` names, for the commands that work on the file itself (check, backup, restore)."""
    target = db_target(args)
    if isinstance(target, str):
        raise CliError(
            f"Lệnh này dùng cho tệp cơ sở dữ liệu trên máy này, không dùng cho cơ sở dữ liệu máy chủ {shown(target)}. "
            "Cơ sở dữ liệu máy chủ do quản trị viên sao lưu và kiểm tra bằng công cụ của PostgreSQL (pg_dump, "
            "pg_restore): xem docs/office-server.md.")
    return target


def open_existing(args: argparse.Namespace, *, daily_backup: bool = True) -> Store:
    """The database named by ``--db`` (it must exist already). The first command of a day that writes makes the day's
    automatic backup before its first write (a failure is a warning: the command still runs); a command that only
    reads makes none."""
    store = open_store(db_target(args), create=False)
    if daily_backup and not store.read_only and not store.on_server:
        store.before_first_write = lambda: _daily_backup(store)
    return store


def _daily_backup(store: Store) -> None:
    try:
        backups.daily_backup(store.path)
    except UserError as exc:
        sys.stderr.write(f"Cảnh báo: chưa sao lưu tự động được hôm nay: {exc}\n")


def open_or_create(args: argparse.Namespace) -> Store:
    """The database named by ``--db``, created when it does not exist yet."""
    return open_store(db_target(args))


def confirm(args: argparse.Namespace, what: str) -> None:
    """Ask the person to confirm ``what`` (``--yes`` answers in advance; without a keyboard it is required)."""
    if getattr(args, "yes", False):
        return
    if not sys.stdin.isatty():
        raise CliError(f"{what} Chưa làm gì: hãy chạy lại lệnh với --yes để xác nhận.")
    answer = input(f"{what} Gõ “có” để tiếp tục: ")
    if answer.strip().lower() not in ("có", "co", "c", "yes", "y"):
        raise CliError("Đã hủy theo yêu cầu; chưa có gì thay đổi.")


def ready_keys(store: Store) -> None:
    """Unlock the key file when it is protected by a passphrase: from ``TDKT_KEY_PASSPHRASE``, or asked."""
    if not keys_locked(store):
        return
    passphrase = os.environ.get("TDKT_KEY_PASSPHRASE")
    if passphrase is None:
        if not sys.stdin.isatty():
            raise KeysLocked(key_file_path(store.path))
        passphrase = getpass.getpass("Mật khẩu khóa: ")
    unlock_keys(store, passphrase)


def require_unit(store: Store) -> str:
    code = store.unit_code
    if not code:
        raise CliError("Cơ sở dữ liệu chưa khai báo đơn vị. Hãy chạy “tdkt init --unit MÃ_ĐƠN_VỊ” trước.")
    return code


def print_json(data: Any) -> None:
    """JSON on standard output: UTF-8 text, sorted keys, two-space indent (stable for scripts)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n")
