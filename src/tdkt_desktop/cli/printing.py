"""``tdkt print``: official documents to PDF from the command line.

    tdkt print --list
    tdkt print TEMPLATE --id ID --out FILE.pdf|FILE.docx [--issue] [--date dd/mm/yyyy] [--period P]
               [--signer "HỌ TÊN" --role TM|KT|Q|TL|TUQ|none] [--recipient "NƠI NHẬN"]… [--attached SỐ,dd/mm/yyyy]
               [--stock --offset X,Y --preprinted qh,tn,…] [--ballots-returned N --ballots-invalid N --counting-head "HỌ TÊN"]
    tdkt print --decision ID --out-dir DIR        (the decision and a certificate per awardee)
    tdkt print --campaign ID --out-dir DIR [--period P]

Without ``--issue`` the document is a draft: its number is left blank and nothing is taken from the
register. With ``--issue`` the next number of the register is taken (never reused).
"""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, open_existing, print_json
from tdkt_desktop.core.text import InputError, format_date, parse_date, parse_number


def register(sub: Any) -> None:
    p = sub.add_parser(
        "print",
        help="in văn bản (tờ trình, danh sách, báo cáo thành tích, biên bản, quyết định, giấy khen…) ra PDF",
        description="In văn bản chính thức ra PDF (hoặc Word .docx). Không có --issue thì văn bản là bản nháp: để "
        "trống số, không lấy số trong sổ văn bản. Có --issue thì lấy số tiếp theo trong sổ (số đã lấy không dùng "
        "lại). --decision MÃ --out-dir THƯ_MỤC in quyết định và giấy khen của từng người, tập thể được khen; "
        "--campaign MÃ --out-dir THƯ_MỤC in bộ văn bản của một phong trào.",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite print --list\n"
        "  tdkt print to_trinh --id 3f2a91c4 --out to-trinh.pdf --db phuong.sqlite\n"
        "  tdkt print quyet_dinh --id 5d0c7e21 --out qd.docx --issue --signer \"Nguyễn Văn An\" --role KT\n"
        "  tdkt print --decision 5d0c7e21 --out-dir in-qd --db phuong.sqlite",
    )
    p.add_argument("template", nargs="?", metavar="MẪU", help="tên mẫu (xem --list)")
    p.add_argument("--list", action="store_true", help="liệt kê các mẫu in và căn cứ pháp lý")
    p.add_argument("--id", help="mã bản ghi (đủ hoặc 8 ký tự đầu)")
    p.add_argument("--out", help="tệp sẽ ghi: .pdf hoặc .docx (Word)")
    p.add_argument("--issue", action="store_true", help="ban hành: lấy số văn bản tiếp theo trong sổ")
    p.add_argument("--date", help="ngày văn bản (dd/mm/yyyy); mặc định hôm nay")
    p.add_argument("--period", help="kỳ báo cáo (2025, 2025-H1…) cho báo cáo kết quả")
    p.add_argument("--stock", action="store_true", help="in lên phôi giấy khen in sẵn (không in khung, quốc hiệu)")
    p.add_argument("--offset", default="0,0", help="lệch máy in khi in phôi, mm: X,Y (ví dụ 2,5;-1)")
    p.add_argument("--preprinted", metavar="PHẦN,…", help="khi in phôi: các phần phôi đã in sẵn, không in lại "
                   "(mã phần tử của mẫu, ví dụ qh,tn,tn_rule,award; mặc định theo mẫu)")
    p.add_argument("--signer", metavar="HỌ_TÊN", help="người ký (một trong những người ký của đơn vị)")
    p.add_argument("--role", choices=["TM", "KT", "Q", "TL", "TUQ", "none"],
                   help="quyền hạn ký: TM. (thay mặt tập thể), KT. (ký thay), Q. (quyền), TL., TUQ., none (không ghi)")
    p.add_argument("--recipient", action="append", metavar="NƠI_NHẬN",
                   help="một nơi nhận (ghi nhiều lần; thay danh sách mặc định và được ghi nhớ cho lần sau)")
    p.add_argument("--attached", metavar="SỐ,NGÀY", help="văn bản kèm theo danh sách: số ký hiệu và ngày, "
                   "ví dụ 05/TTr-UBND,05/01/2026")
    p.add_argument("--ballots-returned", type=int, metavar="SỐ", help="biên bản kiểm phiếu: số phiếu thu về "
                   "(mặc định bằng số phiếu phát ra)")
    p.add_argument("--ballots-invalid", type=int, metavar="SỐ", help="biên bản kiểm phiếu: số phiếu không hợp lệ "
                   "(mặc định 0)")
    p.add_argument("--counting-head", metavar="HỌ_TÊN", help="biên bản kiểm phiếu: họ tên trưởng ban kiểm phiếu")
    p.add_argument("--head-name", help="họ tên thủ trưởng (báo cáo thành tích tập thể)")
    p.add_argument("--head-title", help="chức vụ thủ trưởng (báo cáo thành tích tập thể)")
    p.add_argument("--decision", metavar="MÃ", help="in cả bộ của một quyết định")
    p.add_argument("--campaign", metavar="MÃ", help="in kế hoạch và báo cáo của một phong trào")
    p.add_argument("--out-dir", help="thư mục ghi các tệp khi in cả bộ")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(func=cmd_print)


def _offsets(text: str) -> tuple[float, float]:
    parts = [x for x in text.replace(";", "|").split("|")] if ";" in text else text.split(",")
    if len(parts) == 4:  # "2,5,-1,0" → decimal commas on both
        parts = [f"{parts[0]},{parts[1]}", f"{parts[2]},{parts[3]}"]
    if len(parts) != 2:
        raise InputError("Độ lệch máy in: nhập hai số X,Y theo mm, ví dụ --offset 2,-1 (hoặc 2,5;-1 khi có phần thập phân).")
    x = parse_number(parts[0], field="Độ lệch X") or 0.0
    y = parse_number(parts[1], field="Độ lệch Y") or 0.0
    if abs(x) > 30 or abs(y) > 30:
        raise InputError("Độ lệch máy in quá lớn (tối đa 30 mm mỗi chiều).")
    return x, y


def cmd_print(args: argparse.Namespace) -> int:
    from tdkt_desktop.printing.templates import list_templates

    if args.list:
        rows = [
            {"name": t.name, "title": t.title, "legal_basis": t.legal_basis,
             "valid_from": t.valid_from.isoformat() if t.valid_from else None,
             "valid_to": t.valid_to.isoformat() if t.valid_to else None, "orientation": t.orientation}
            for t in list_templates()
        ]
        if args.json:
            print_json(rows)
        else:
            from tdkt_desktop.printing.records import TEMPLATE_TABLE
            from tdkt_desktop.store.fields import KINDS

            for r in rows:
                until = f" đến {format_date(r['valid_to'])}" if r["valid_to"] else ""
                name = str(r["name"])
                table = TEMPLATE_TABLE.get(name)
                # the statistical forms are made by "tdkt report" from the period's figures, not from one record
                source = (f"in từ một bản ghi “{KINDS[table].label}” (--id)" if table
                          else f"lập bằng “tdkt report {name.removeprefix('bieu_')}”")
                print(f"{name:<20} {r['title']} — {source}; áp dụng từ "
                      f"{format_date(r['valid_from'])}{until}\n{'':<20} {r['legal_basis']}")
        return EXIT_OK

    from tdkt_desktop.printing import records

    options: dict[str, Any] = {}
    if args.date:
        options["date"] = parse_date(args.date, field="Ngày văn bản") or _dt.date.today()
    if args.period:
        from tdkt_desktop.core.models import parse_period

        options["period"] = parse_period(args.period)
    if args.stock:
        options["stock"] = True
    options["offsets_mm"] = _offsets(args.offset)
    if args.preprinted is not None:
        if not args.stock:
            raise CliError("--preprinted chỉ dùng khi in lên phôi (--stock).")
        options["stock_preprinted"] = [x.strip() for x in args.preprinted.split(",") if x.strip()]
    if args.signer:
        options["signer"] = args.signer
    if args.role:
        options["signer_role"] = "" if args.role == "none" else args.role
    if args.recipient:
        options["recipients"] = args.recipient
    if args.attached:
        number, _, day = args.attached.partition(",")
        if not number.strip():
            raise CliError("--attached cần số ký hiệu văn bản, ví dụ 05/TTr-UBND,05/01/2026.")
        options["attached"] = {"kind": "Tờ trình", "number": number.strip(),
                               "date": parse_date(day, field="Ngày văn bản kèm theo") if day.strip() else None}
    if args.ballots_returned is not None:
        options["ballots_returned"] = args.ballots_returned
    if args.ballots_invalid is not None:
        options["ballots_invalid"] = args.ballots_invalid
    if args.counting_head:
        options["counting_head"] = args.counting_head
    if args.head_name:
        options["head_name"] = args.head_name
    if args.head_title:
        options["head_title"] = args.head_title

    with open_existing(args) as store:
        if args.decision or args.campaign:
            if not args.out_dir:
                raise CliError("In cả bộ cần --out-dir THƯ_MỤC.")
            out_dir = Path(args.out_dir)
            out_dir.mkdir(parents=True, exist_ok=True)
            if args.decision:
                items = records.batch_for_decision(store, store.resolve_id("decisions", args.decision))
            else:
                items = records.batch_for_campaign(store, store.resolve_id("campaigns", args.campaign),
                                                   period=options.get("period"))
            written = []
            for item in items:
                render = records.issue_pdf if args.issue else records.preview_pdf
                info = render(store, item.template, item.record_id, out_dir / item.filename, **{**options, **item.options})
                written.append({"file": str(out_dir / item.filename), "template": item.template, "pages": info.pages})
            if args.json:
                print_json(written)
            else:
                for w in written:
                    print(f"Đã in {w['file']} ({w['pages']} trang)")
            return EXIT_OK

        if not args.template:
            raise CliError("Hãy ghi tên mẫu in (xem “tdkt print --list”) hoặc --decision/--campaign.")
        table = records.TEMPLATE_TABLE.get(args.template)
        if table is None:
            raise CliError(f"Không có mẫu in “{args.template}”. Xem “tdkt print --list”.")
        if not args.id or not args.out:
            raise CliError("Cần --id MÃ_BẢN_GHI và --out TỆP.pdf.")
        record_id = store.resolve_id(table, args.id)
        render = records.issue_pdf if args.issue else records.preview_pdf
        info = render(store, args.template, record_id, args.out, **options)
        if args.json:
            print_json({"file": args.out, "pages": info.pages, "template": args.template, "format": info.format,
                        "legal_basis": info.legal_basis})
        else:
            what = f"({info.pages} trang)" if info.format == "pdf" else "(tệp Word để sửa trước khi ký)"
            print(f"Đã in {args.out} {what} theo {info.legal_basis}.")
    return EXIT_OK
