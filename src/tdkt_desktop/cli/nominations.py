"""``tdkt nominations submit``: a unit sends a nomination up to the office that decides it
(:func:`tdkt_desktop.store.nominations.submit`, the same check the nomination editor shows).

    tdkt nominations submit ID [--reason TEXT] [--date dd/mm/yyyy] [--json]
"""

from __future__ import annotations

import argparse
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, open_existing, print_json, require_unit, subcommands
from tdkt_desktop.core.text import parse_date
from tdkt_desktop.store import nominations


def cmd_submit(args: argparse.Namespace) -> int:
    day = parse_date(args.date, field="--date") if args.date else None
    with open_existing(args) as store:
        require_unit(store)
        nomination_id = store.resolve_id("nominations", args.id)
        row = nominations.submit(store, nomination_id, reason=args.reason, day=day)
    if args.json:
        print_json({"id": row["id"], "status": row["status"], "submitted_on": row["submitted_on"],
                    "send_reason": nominations.send_reason(row)})
    else:
        print(nominations.describe_sent(row))
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("nominations", help="đề nghị khen thưởng: gửi lên cấp trên",
                       description="Đơn vị gửi đề nghị khen thưởng của mình lên cơ quan thẩm định và quyết định, với "
                       "cùng phần kiểm tra tiêu chuẩn và hồ sơ như màn hình đề nghị khen thưởng.")
    cmds = subcommands(p, dest="nominations_command")
    q = cmds.add_parser(
        "submit", help="gửi đề nghị (nháp hoặc bị trả lại) lên cấp quyết định",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite nominations submit 3f2a91c4\n"
        "  tdkt nominations submit 3f2a91c4 --reason \"Bổ sung sáng kiến sau\" --db phuong.sqlite --json\n\n"
        "Đề nghị chưa đạt tiêu chuẩn hoặc thiếu hồ sơ bắt buộc chỉ gửi được khi có --reason (lý do được lưu).",
    )
    q.add_argument("id", metavar="MÃ", help="mã đề nghị (đủ hoặc 8 ký tự đầu)")
    q.add_argument("--reason", metavar="LÝ_DO", help="lý do vẫn gửi khi chưa đạt tiêu chuẩn hoặc thiếu hồ sơ")
    q.add_argument("--date", metavar="NGÀY", help="ngày gửi (dd/mm/yyyy; mặc định hôm nay)")
    q.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    q.set_defaults(func=cmd_submit)
