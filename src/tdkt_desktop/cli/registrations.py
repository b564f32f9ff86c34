"""``tdkt registrations add``: many nominees registering for one title in a campaign at once, through
:func:`tdkt_desktop.store.registrations.register_many` (the title must suit the kind of nominee).

    tdkt registrations add --campaign ID --title MÃ (--people-where TRƯỜNG=GIÁ_TRỊ... | --all-people | --file TỆP)
                           [--kind person|collective|household] [--date NGÀY] [--note TEXT] [--json]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, open_existing, print_json, require_unit, subcommands
from tdkt_desktop.core.errors import file_error
from tdkt_desktop.core.models import SubjectKind
from tdkt_desktop.core.text import parse_date
from tdkt_desktop.store import records
from tdkt_desktop.store.registrations import register_many

_KINDS = {k.value: k.table for k in SubjectKind}


def _ids_from_file(path: Path) -> list[str]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    except UnicodeDecodeError:
        raise CliError(f"Tệp {path} không phải văn bản UTF-8.") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def cmd_add(args: argparse.Namespace) -> int:
    table = _KINDS.get(args.kind)
    if table is None:
        raise CliError(f"--kind phải là một trong: {', '.join(_KINDS)}.")
    day = parse_date(args.date, field="--date") if args.date else None
    with open_existing(args) as store:
        require_unit(store)
        campaign_id = store.resolve_id("campaigns", args.campaign)
        if args.file:
            ids = [store.resolve_id(table, given) for given in _ids_from_file(Path(args.file))]
        else:
            query = records.Query(equals=records.parse_filters(table, args.where or []))
            ids = [r["id"] for r in records.find(store, table, query)]
        done = register_many(store, campaign_id=campaign_id, title_code=args.title, subject_kind=args.kind,
                             subject_ids=ids, registered_on=day, note=args.note)
    if args.json:
        print_json({"campaign_id": campaign_id, "title_code": args.title, "added": done.added,
                    "already_registered": done.already})
    else:
        print(f"Đã đăng ký {len(done.added)} đối tượng; {len(done.already)} đã đăng ký từ trước.")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("registrations", help="đăng ký thi đua hàng loạt",
                       description="Đăng ký thi đua hàng loạt: nhiều cá nhân, tập thể hoặc hộ gia đình đăng ký cùng "
                       "một danh hiệu trong một phong trào (danh hiệu phải hợp với loại đối tượng).")
    cmds = subcommands(p, dest="registrations_command")
    q = cmds.add_parser(
        "add", help="đăng ký nhiều cá nhân, tập thể hoặc hộ cho một danh hiệu",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite registrations add --campaign 7c1e2a90 --title LDTT --all-people\n"
        "  tdkt registrations add --campaign 7c1e2a90 --title CSTDCS --people-where position=\"Công chức\" --json "
        "--db phuong.sqlite\n"
        "  tdkt registrations add --campaign 7c1e2a90 --title TLDTT --kind collective --file ma.txt --db phuong.sqlite\n\n"
        "Tệp --file: mỗi dòng một mã (đủ hoặc 8 ký tự đầu). Ai đã đăng ký danh hiệu đó trong phong trào thì bỏ qua.",
    )
    q.add_argument("--campaign", required=True, metavar="MÃ")
    q.add_argument("--title", required=True, metavar="MÃ_DANH_HIỆU", help="ví dụ LDTT, CSTDCS, TLDTT")
    q.add_argument("--kind", default="person", metavar="LOẠI", help="person (mặc định), collective, household")
    who = q.add_mutually_exclusive_group(required=True)
    who.add_argument("--people-where", dest="where", action="append", metavar="TRƯỜNG=GIÁ_TRỊ",
                     help="chọn theo điều kiện (lặp lại được)")
    who.add_argument("--all-people", action="store_true", help="tất cả (của loại --kind)")
    who.add_argument("--file", metavar="TỆP", help="tệp danh sách mã, mỗi dòng một mã")
    q.add_argument("--date", metavar="NGÀY", help="ngày đăng ký (dd/mm/yyyy; mặc định hôm nay)")
    q.add_argument("--note", metavar="GHI_CHÚ")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_add)
