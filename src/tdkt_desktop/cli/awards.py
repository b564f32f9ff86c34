"""``tdkt awards``: the awards of a decision, and cancelling them (Luật Thi đua, khen thưởng 2022, Điều 93).

    tdkt awards list --decision ID [--json]
    tdkt awards cancel MÃ… --date dd/mm/yyyy --ground a|b|c|d --reason "…" --signer "HỌ TÊN" --signer-title "…"
    tdkt awards cancellations [--json]
    tdkt awards recovered MÃ_HỦY_BỎ… --date dd/mm/yyyy

Only the unit that issued the award decision may cancel it; the cancelling decision takes the next number
of the register and is printed with ``tdkt print quyet_dinh_huy_bo --id MÃ_HỦY_BỎ --out huy-bo.pdf``.
The award list (sổ vàng) and the award history then show the award as cancelled, with the money to
recover; statistics and eligibility no longer count it.
"""

from __future__ import annotations

import argparse
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, confirm, open_existing, print_json, require_unit, subcommands
from tdkt_desktop.core.text import format_date, format_money


def cmd_list(args: argparse.Namespace) -> int:
    from tdkt_desktop.store.cancellations import cancellations_of_decision
    from tdkt_desktop.store.office import decision_summary

    with open_existing(args, daily_backup=False) as store:
        decision_id = store.resolve_id("decisions", args.decision)
        summary = decision_summary(store, decision_id)
        cancelled = cancellations_of_decision(store, decision_id)
    rows = [
        {"id": a["id"], "so_vang": a.get("so_vang"), "name": a["name"], "title": a["title_name"],
         "amount": a["amount"], "cancelled": a["id"] in cancelled,
         "cancellation_id": cancelled[a["id"]]["id"] if a["id"] in cancelled else None}
        for a in summary["awardees"]
    ]
    if args.json:
        print_json(rows)
        return EXIT_OK
    print(f"Quyết định số {summary['code']} ngày {format_date(summary['date'])}")
    for r in rows:
        mark = "  [ĐÃ HỦY BỎ]" if r["cancelled"] else ""
        print(f"  {r['id'][:8]}  {r['so_vang'] or '':>5}  {r['name']} — {r['title']} — {format_money(r['amount'])}{mark}")
    return EXIT_OK


def cmd_cancel(args: argparse.Namespace) -> int:
    from tdkt_desktop.store.cancellations import cancel_awards, cancellation_summary

    with open_existing(args) as store:
        require_unit(store)
        ids = [store.resolve_id("decision_awardees", given) for given in args.awardees]
        names = ", ".join(store.require("decision_awardees", i)["subject_name"] for i in ids)
        confirm(args, f"Hủy bỏ khen thưởng của {names} (điểm {args.ground} khoản 2 Điều 93 Luật Thi đua, khen thưởng)?")
        rows = cancel_awards(
            store, ids, cancel_date=args.date, ground=args.ground, reason=args.reason, signer=args.signer,
            signer_title=args.signer_title, notes=args.notes,
        )
        summary = cancellation_summary(store, rows[0]["id"])
    if args.json:
        print_json({"ok": True, "id": summary["id"], "ids": summary["ids"], "code": summary["code"],
                    "total_to_recover": summary["total_to_recover"]})
        return EXIT_OK
    print(f"Đã lập Quyết định số {summary['code']} ngày {format_date(summary['date'])} hủy bỏ "
          f"{len(rows)} khen thưởng của Quyết định số {summary['decision']['code']}.")
    print(f"Căn cứ: {summary['ground']['source']}.")
    for a in summary["awards"]:
        print(f"  {a['name']} — {a['title_name']} — thu hồi {format_money(a['amount_to_recover'])}")
    print(f"Tổng số tiền thu hồi: {format_money(summary['total_to_recover'])}.")
    print(f"In quyết định: tdkt print quyet_dinh_huy_bo --id {summary['id'][:8]} --out huy-bo.pdf")
    return EXIT_OK


def cmd_cancellations(args: argparse.Namespace) -> int:
    from tdkt_desktop.store.cancellations import cancellation_summary

    with open_existing(args, daily_backup=False) as store:
        rows = store.rows("award_cancellations", order_by="cancel_date, number, so_vang")
        seen: set[str] = set()
        summaries = []
        for r in rows:
            if r["id"] in seen:
                continue
            s = cancellation_summary(store, r["id"])
            seen.update(s["ids"])
            summaries.append(s)
    if args.json:
        print_json([{**s, "date": s["date"].isoformat()} for s in summaries])
        return EXIT_OK
    if not summaries:
        print("Chưa có quyết định hủy bỏ khen thưởng nào.")
    for s in summaries:
        print(f"Quyết định số {s['code']} ngày {format_date(s['date'])} (mã {s['id'][:8]}): hủy bỏ khen thưởng của "
              f"Quyết định số {s['decision']['code']} — điểm {s['ground']['code']}: {s['reason']}")
        for a in s["awards"]:
            back = f", đã thu hồi ngày {format_date(a['recovered_on'])}" if a["recovered_on"] else ", chưa thu hồi"
            print(f"  {a['id'][:8]}  {a['name']} — {a['title_name']} — {format_money(a['amount_to_recover'])}{back}")
    return EXIT_OK


def cmd_recovered(args: argparse.Namespace) -> int:
    from tdkt_desktop.store.cancellations import record_recovery

    with open_existing(args) as store:
        ids = [store.resolve_id("award_cancellations", given) for given in args.ids]
        rows = record_recovery(store, ids, recovered_on=args.date)
    print(f"Đã ghi thu hồi hiện vật và tiền thưởng của {len(rows)} khen thưởng bị hủy bỏ.")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser(
        "awards", help="khen thưởng đã quyết định: xem, hủy bỏ (Điều 93 Luật TĐKT), ghi thu hồi",
        description="Danh sách khen thưởng của một quyết định và việc hủy bỏ khen thưởng (Luật Thi đua, khen thưởng "
        "2022, Điều 93). Chỉ đơn vị ban hành quyết định khen thưởng mới hủy bỏ được; quyết định hủy bỏ lấy số tiếp "
        "theo trong sổ văn bản và in bằng “tdkt print quyet_dinh_huy_bo --id MÃ_HỦY_BỎ --out huy-bo.pdf”. Sau đó sổ "
        "vàng và lịch sử khen thưởng ghi khen thưởng đã bị hủy bỏ, kèm số tiền phải thu hồi; thống kê và xét tiêu "
        "chuẩn không tính khen thưởng đó nữa.",
    )
    awards = subcommands(p, dest="awards_command")
    q = awards.add_parser("list", help="người, tập thể được khen của một quyết định (mã dùng cho lệnh cancel)",
                          epilog="Ví dụ:\n  tdkt awards list --decision 3f2a91c4")
    q.add_argument("--decision", required=True, metavar="MÃ_QUYẾT_ĐỊNH")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)
    q = awards.add_parser(
        "cancel", help="lập quyết định hủy bỏ khen thưởng (chỉ đơn vị đã ban hành quyết định khen thưởng)",
        epilog="Ví dụ:\n  tdkt awards cancel 9b1c22d0 --date 15/08/2026 --ground b "
               "--reason \"Làm giả hồ sơ sáng kiến\" --signer \"Nguyễn Văn A\" --signer-title \"Chủ tịch\" --yes\n\n"
               "Căn cứ hủy bỏ (khoản 2 Điều 93 Luật Thi đua, khen thưởng): a) gian dối kê khai thành tích; "
               "b) thông tin sai sự thật, làm giả hồ sơ; c) thẩm định, xét, đề nghị trái quy định; "
               "d) có kết luận, quyết định, bản án dẫn đến không bảo đảm tiêu chuẩn.",
    )
    q.add_argument("awardees", nargs="+", metavar="MÃ", help="mã người, tập thể được khen (xem tdkt awards list)")
    q.add_argument("--date", required=True, metavar="NGÀY", help="ngày quyết định hủy bỏ (dd/mm/yyyy)")
    q.add_argument("--ground", required=True, choices=["a", "b", "c", "d"], help="điểm của khoản 2 Điều 93")
    q.add_argument("--reason", required=True, metavar="LÝ_DO", help="hành vi, kết luận hoặc bản án là căn cứ")
    q.add_argument("--signer", required=True, metavar="HỌ_TÊN")
    q.add_argument("--signer-title", required=True, metavar="CHỨC_VỤ")
    q.add_argument("--notes", metavar="GHI_CHÚ")
    q.add_argument("--yes", action="store_true", help="không hỏi lại")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_cancel)
    q = awards.add_parser("cancellations", help="các quyết định hủy bỏ khen thưởng và tiền phải thu hồi",
                          epilog="Ví dụ:\n  tdkt awards cancellations --json")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_cancellations)
    q = awards.add_parser("recovered", help="ghi ngày đã thu hồi hiện vật và tiền thưởng",
                          epilog="Ví dụ:\n  tdkt awards recovered 7c0d11aa --date 30/09/2026")
    q.add_argument("ids", nargs="+", metavar="MÃ_HỦY_BỎ")
    q.add_argument("--date", required=True, metavar="NGÀY")
    q.set_defaults(func=cmd_recovered)



