"""The deciding office's work from the command line, through the same functions as the appraisal screen
(:mod:`tdkt_desktop.store.office`) and the vote editor (:mod:`tdkt_desktop.store.council`):

    tdkt appraise receive ID...                 tiếp nhận đề nghị đã gửi lên
    tdkt appraise check ID [--date NGÀY] [--note TEXT] [--have MỤC...]   thẩm định
    tdkt appraise approve ID [--note TEXT]      đồng ý khen thưởng
    tdkt appraise return ID --reason TEXT       trả lại để bổ sung
    tdkt appraise reject ID --reason TEXT       không đồng ý khen thưởng
    tdkt council add --date NGÀY --members N --present N [--written N] [--chair TÊN] [--secretary TÊN]
    tdkt council vote PHIÊN ĐỀ_NGHỊ --for N
    tdkt decisions issue --nominations ID... --date NGÀY --signer TÊN --signer-title CHỨC_VỤ

IDs are given whole or by their first 8 characters; dates as dd/mm/yyyy.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, open_existing, print_json, require_unit, subcommands
from tdkt_desktop.core.models import NominationStatus
from tdkt_desktop.core.text import format_date, require_date
from tdkt_desktop.store import council, nominations, office
from tdkt_desktop.store.db import Row


def _state(row: Row) -> Row:
    return {"id": row["id"], "subject_name": row.get("subject_name"), "status": row["status"],
            "status_reason": row.get("status_reason")}


def _say(row: Row, what: str) -> None:
    label = NominationStatus(row["status"]).label
    print(f"{what}: {row.get('subject_name') or ''} ({str(row['id'])[:8]}), trạng thái “{label}”.")


# --------------------------------------------------------------------------- appraisal


def cmd_receive(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        require_unit(store)
        ids = [store.resolve_id("nominations", given) for given in args.ids]
        with store.atomic():
            rows = [office.receive(store, i) for i in ids]
    if args.json:
        print_json([_state(r) for r in rows])
    else:
        for r in rows:
            _say(r, "Đã tiếp nhận")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    day = require_date(args.date, field="--date") if args.date else _dt.date.today()
    with open_existing(args) as store:
        require_unit(store)
        nomination_id = store.resolve_id("nominations", args.id)
        dossier = dict.fromkeys(args.have or [], True)
        result = office.appraise(store, nomination_id, decision_date=day, dossier=dossier, note=args.note)
        sent = store.require("nominations", nomination_id)
    reason = nominations.send_reason(sent)
    if args.json:
        print_json({"id": nomination_id, **result.to_dict(),
                    "sent": {"on": sent.get("submitted_on"), "reason": reason}})
        return EXIT_OK
    verdict = "đạt" if result.ok else "chưa đạt"
    print(f"Đã thẩm định đề nghị {nomination_id[:8]} ({result.title_name}) theo {result.ruleset_basis} "
          f"tính đến ngày {format_date(day)}: {verdict}.")
    if reason:
        print(f"Đơn vị gửi lên ngày {format_date(sent.get('submitted_on'))} khi chưa đạt, lý do: {reason}")
    for reason in result.reasons:
        print(f"  - {reason}")
    for label in result.to_review:
        print(f"  ? cần xem xét: {label}")
    if result.missing:
        keys = " ".join(f"--have {line.key}" for line in result.missing)
        print(f"Khi đã nhận đủ hồ sơ, thẩm định lại với: {keys}")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        require_unit(store)
        row = office.approve(store, store.resolve_id("nominations", args.id), note=args.note)
    _report(args, row, "Đã đồng ý khen thưởng")
    return EXIT_OK


def cmd_return(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        require_unit(store)
        row = office.return_nomination(store, store.resolve_id("nominations", args.id), reasons=args.reason or [])
    _report(args, row, "Đã trả lại để bổ sung")
    return EXIT_OK


def cmd_reject(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        require_unit(store)
        row = office.reject(store, store.resolve_id("nominations", args.id), reason=args.reason or "")
    _report(args, row, "Không đồng ý khen thưởng")
    return EXIT_OK


def _report(args: argparse.Namespace, row: Row, what: str) -> None:
    if args.json:
        print_json(_state(row))
    else:
        _say(row, what)


# --------------------------------------------------------------------------- council


def cmd_council_add(args: argparse.Namespace) -> int:
    values = {"meeting_date": args.date, "total_members": args.members, "present": args.present,
              "written_opinions": args.written, "chair": args.chair, "secretary": args.secretary,
              "place": args.place, "period": args.period}
    with open_existing(args) as store:
        require_unit(store)
        row = council.save_session(store, values={k: v for k, v in values.items() if v is not None})
    if args.json:
        print_json({k: row.get(k) for k in ("id", "meeting_date", "total_members", "present", "written_opinions",
                                            "chair", "secretary", "place", "period", "unit_code")})
    else:
        print(f"Đã ghi phiên họp Hội đồng ngày {format_date(row['meeting_date'])} ({row['present']}/"
              f"{row['total_members']} thành viên có mặt), mã {row['id']}.")
    return EXIT_OK


def cmd_council_vote(args: argparse.Namespace) -> int:
    with open_existing(args) as store:
        require_unit(store)
        session_id = store.resolve_id("vote_sessions", args.session)
        nomination_id = store.resolve_id("nominations", args.nomination)
        outcomes = council.record_votes(store, session_id=session_id, votes={nomination_id: _whole(args.votes_for)})
    outcome = outcomes[0]
    data = {"session_id": session_id, "nomination_id": nomination_id, "votes_for": outcome.votes_for,
            "share": outcome.share, "threshold": outcome.threshold, "passed": outcome.passed}
    if args.json:
        print_json(data)
    else:
        verdict = {True: "đạt", False: "chưa đạt", None: "danh hiệu không cần biểu quyết"}[outcome.passed]
        print(f"Đã ghi kết quả bỏ phiếu cho {outcome.subject_name}: {outcome.text} ({verdict}).")
    return EXIT_OK


def _whole(text: str) -> int | str:
    """A whole number as typed; anything else is passed on as written for the council's check to refuse."""
    stripped = text.strip()
    return int(stripped) if stripped.lstrip("-").isdigit() else text


# --------------------------------------------------------------------------- decisions


def cmd_issue(args: argparse.Namespace) -> int:
    day = require_date(args.date, field="--date")
    with open_existing(args) as store:
        require_unit(store)
        ids = [store.resolve_id("nominations", given) for given in args.nominations]
        row = office.issue_decision(store, ids, decision_date=day, signer=args.signer or "",
                                    signer_title=args.signer_title or "", subject=args.subject)
        summary = office.decision_summary(store, row["id"])
    data = {"id": row["id"], "number": summary["number"], "code": summary["code"],
            "decision_date": row["decision_date"], "signer": summary["signer"],
            "signer_title": summary["signer_title"], "subject": summary["subject"], "nominations": ids,
            "totals": summary["totals"]}
    if args.json:
        print_json(data)
    else:
        print(f"Đã ban hành Quyết định số {summary['code']} ngày {format_date(row['decision_date'])} "
              f"khen thưởng {len(ids)} đề nghị, mã {row['id']}.")
    return EXIT_OK


# --------------------------------------------------------------------------- registration


def register(sub: Any) -> None:
    p = sub.add_parser("appraise", help="cấp quyết định: tiếp nhận, thẩm định, đồng ý, trả lại, không đồng ý",
                       description="Việc của cơ quan thẩm định và quyết định, qua cùng các hàm như màn hình thẩm định và "
                       "màn hình bỏ phiếu. Mỗi việc chỉ làm được với đề nghị mà đơn vị này thẩm định và quyết định. "
                       "Mã ghi đủ hoặc 8 ký tự đầu; ngày dạng dd/mm/yyyy.")
    cmds = subcommands(p, dest="appraise_command")
    q = cmds.add_parser("receive", help="tiếp nhận đề nghị đã gửi lên",
                        epilog="Ví dụ:\n  tdkt --db tinh.sqlite appraise receive 3f2a91c4 7b01c2d9")
    q.add_argument("ids", nargs="+", metavar="MÃ")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_receive)

    q = cmds.add_parser(
        "check", help="thẩm định: tiêu chuẩn theo quy định tại ngày quyết định và hồ sơ",
        epilog="Ví dụ:\n  tdkt --db tinh.sqlite appraise check 3f2a91c4 --date 15/01/2027 --json\n"
        "  tdkt appraise check 3f2a91c4 --have bao_cao_thanh_tich --db tinh.sqlite",
    )
    q.add_argument("id", metavar="MÃ")
    q.add_argument("--date", metavar="NGÀY", help="ngày quyết định dự kiến (dd/mm/yyyy; mặc định hôm nay)")
    q.add_argument("--note", metavar="GHI_CHÚ", help="ý kiến thẩm định")
    q.add_argument("--have", action="append", metavar="MỤC", help="mục hồ sơ đã có (khóa trong danh mục; lặp lại được)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_check)

    q = cmds.add_parser("approve", help="đồng ý khen thưởng (sau thẩm định và biểu quyết nếu cần)",
                        epilog="Ví dụ:\n  tdkt --db tinh.sqlite appraise approve 3f2a91c4")
    q.add_argument("id", metavar="MÃ")
    q.add_argument("--note", metavar="GHI_CHÚ")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_approve)

    q = cmds.add_parser("return", help="trả lại hồ sơ để bổ sung (cần lý do)",
                        epilog="Ví dụ:\n  tdkt --db tinh.sqlite appraise return 3f2a91c4 --reason \"Thiếu báo cáo thành tích\"")
    q.add_argument("id", metavar="MÃ")
    q.add_argument("--reason", action="append", metavar="LÝ_DO", help="lý do (lặp lại được)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_return)

    q = cmds.add_parser("reject", help="không đồng ý khen thưởng (cần lý do)",
                        epilog="Ví dụ:\n  tdkt --db tinh.sqlite appraise reject 3f2a91c4 --reason \"Không đủ tiêu chuẩn\"")
    q.add_argument("id", metavar="MÃ")
    q.add_argument("--reason", metavar="LÝ_DO")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_reject)

    p = sub.add_parser("council", help="Hội đồng Thi đua – Khen thưởng: phiên họp và kết quả bỏ phiếu",
                       description="Việc của cơ quan thẩm định và quyết định, qua cùng các hàm như màn hình thẩm định và "
                       "màn hình bỏ phiếu. Mỗi việc chỉ làm được với đề nghị mà đơn vị này thẩm định và quyết định. "
                       "Mã ghi đủ hoặc 8 ký tự đầu; ngày dạng dd/mm/yyyy.")
    cmds = subcommands(p, dest="council_command")
    q = cmds.add_parser(
        "add", help="ghi một phiên họp của Hội đồng",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite council add --date 10/12/2026 --members 9 --present 8 "
        "--chair \"Nguyễn Văn An\" --json",
    )
    q.add_argument("--date", required=True, metavar="NGÀY", help="ngày họp (dd/mm/yyyy)")
    q.add_argument("--members", required=True, metavar="SỐ", help="tổng số thành viên Hội đồng")
    q.add_argument("--present", required=True, metavar="SỐ", help="số thành viên có mặt")
    q.add_argument("--written", metavar="SỐ", help="số ý kiến bằng văn bản của thành viên vắng mặt")
    q.add_argument("--chair", metavar="TÊN", help="chủ trì")
    q.add_argument("--secretary", metavar="TÊN", help="thư ký")
    q.add_argument("--place", metavar="ĐỊA_ĐIỂM")
    q.add_argument("--period", metavar="KỲ")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_council_add)

    q = cmds.add_parser(
        "vote", help="ghi số phiếu đồng ý cho một đề nghị trong một phiên họp",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite council vote 5d0c7e21 3f2a91c4 --for 7 --json",
    )
    q.add_argument("session", metavar="PHIÊN", help="mã phiên họp")
    q.add_argument("nomination", metavar="ĐỀ_NGHỊ", help="mã đề nghị")
    q.add_argument("--for", dest="votes_for", required=True, metavar="SỐ", help="số phiếu đồng ý")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_council_vote)

    p = sub.add_parser("decisions", help="quyết định khen thưởng: ban hành (số lấy từ sổ)",
                       description="Việc của cơ quan thẩm định và quyết định, qua cùng các hàm như màn hình thẩm định và "
                       "màn hình bỏ phiếu. Mỗi việc chỉ làm được với đề nghị mà đơn vị này thẩm định và quyết định. "
                       "Mã ghi đủ hoặc 8 ký tự đầu; ngày dạng dd/mm/yyyy.")
    cmds = subcommands(p, dest="decisions_command")
    q = cmds.add_parser(
        "issue", help="ban hành quyết định cho các đề nghị đã đồng ý",
        epilog="Ví dụ:\n  tdkt --db tinh.sqlite decisions issue --nominations 3f2a91c4 7b01c2d9 --date 20/01/2027 "
        "--signer \"Trần Văn Bình\" --signer-title \"Chủ tịch\" --json",
    )
    q.add_argument("--nominations", nargs="+", required=True, metavar="MÃ", help="các đề nghị đã đồng ý")
    q.add_argument("--date", required=True, metavar="NGÀY", help="ngày quyết định (dd/mm/yyyy)")
    q.add_argument("--signer", metavar="TÊN", help="người ký")
    q.add_argument("--signer-title", metavar="CHỨC_VỤ", help="chức vụ người ký")
    q.add_argument("--subject", metavar="TRÍCH_YẾU", help="trích yếu (mặc định theo danh sách)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_issue)
