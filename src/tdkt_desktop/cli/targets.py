"""``tdkt parse-targets`` and ``tdkt directive``: a directive or plan (.txt, .docx, .pdf) read into its target
list, or into a whole campaign proposal that can be saved as a campaign."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tdkt_desktop.cli.base import EXIT_ATTENTION, EXIT_OK, CliError, open_existing, print_json, require_unit

_FIELD_LABELS = {
    "doc_kind": "Loại văn bản", "doc_number": "Số văn bản", "doc_date": "Ngày ban hành",
    "issuing_body": "Cơ quan ban hành", "signer": "Người ký", "signer_title": "Chức vụ người ký",
    "subject": "Trích yếu", "name": "Tên phong trào", "campaign_type": "Hình thức", "year": "Năm",
    "start_date": "Bắt đầu", "end_date": "Kết thúc", "midterm_review": "Sơ kết", "final_review": "Tổng kết",
    "registration_deadline": "Hạn đăng ký thi đua", "submission_deadline": "Hạn gửi hồ sơ khen thưởng",
    "content_json": "Nội dung thi đua", "movements_json": "Phong trào hưởng ứng", "awards_json": "Khen thưởng",
}


def cmd_parse_targets(args: argparse.Namespace) -> int:
    from tdkt_desktop.core.target_parser import extract_target_block, parse_targets
    from tdkt_desktop.directives import document_text

    text = document_text(args.file)
    block = text if args.raw else (extract_target_block(text) or text)
    proposals = parse_targets(block)
    if args.json:
        for p in proposals:
            sys.stdout.write(json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    else:
        _print_targets(proposals)
    if not proposals:
        raise CliError("Không tìm thấy chỉ tiêu nào trong tệp.")
    return EXIT_OK


def _print_targets(proposals: list[Any]) -> None:
    for i, p in enumerate(proposals, 1):
        where = f" (chi tiết của {p.parent + 1})" if p.parent is not None else ""
        if p.spec is None:
            print(f"{i}. KHÔNG HIỂU: {p.source_text}")
        else:
            mark = "" if p.confidence == "high" else "  [cần xem lại]"
            print(f"{i}. {p.spec.measure}: {p.spec.describe()}{where}{mark}")
        for problem in p.problems:
            print(f"     {problem}")


def _print_proposal(proposal: Any) -> None:
    if not proposal.is_document:
        print("Không thấy số, ngày hay tên loại văn bản: đọc cả tệp như một danh sách chỉ tiêu.")
    from tdkt_desktop.core.models import CampaignType, DocKind

    for name, read in proposal.fields.items():
        label = _FIELD_LABELS.get(name, name)
        mark = "" if read.confidence == "high" else "  [cần xem lại]"
        value = read.text()
        if name == "doc_kind" and value in {k.value for k in DocKind}:
            value = f"{DocKind(value).label} ({value})"
        elif name == "campaign_type" and value in {k.value for k in CampaignType}:
            value = CampaignType(value).label
        if "\n" in value:
            print(f"{label}:{mark}")
            for line in value.split("\n"):
                print(f"  - {line}")
        else:
            print(f"{label}: {value or '(để trống)'}{mark}")
        if read.note:
            print(f"     {read.note}")
    if proposal.targets:
        print(f"Chỉ tiêu ({len(proposal.targets)}):")
        _print_targets(proposal.targets)
    else:
        print("Văn bản không có danh sách chỉ tiêu.")


def cmd_directive_read(args: argparse.Namespace) -> int:
    from tdkt_desktop.directives import read_directive_file

    proposal = read_directive_file(args.file)
    if args.json:
        print_json(proposal.to_dict())
    else:
        _print_proposal(proposal)
    uncertain = any(f.confidence != "high" for f in proposal.fields.values()) or any(
        t.confidence != "high" for t in proposal.targets
    )
    return EXIT_ATTENTION if uncertain else EXIT_OK


def cmd_directive_import(args: argparse.Namespace) -> int:
    from tdkt_desktop.directives import read_directive_file
    from tdkt_desktop.store.campaigns import proposal_rows, save_campaign

    proposal = read_directive_file(args.file)
    values, rows = proposal_rows(proposal)
    if args.name:
        values["name"] = args.name
    if not values.get("name"):
        raise CliError("Văn bản không có trích yếu để đặt tên phong trào. Hãy thêm --name \"Tên phong trào\".")
    skipped = sum(1 for t in proposal.targets if t.spec is None)
    flagged = sum(1 for r in rows if r.get("review"))
    if args.dry_run:
        _print_proposal(proposal)
        print(f"Chạy thử: sẽ tạo phong trào “{values['name']}” với {len(rows)} chỉ tiêu; chưa ghi gì.")
        return EXIT_OK
    with open_existing(args) as store:
        require_unit(store)
        cid = save_campaign(store, values, rows)
    if args.json:
        print_json({"ok": True, "campaign_id": cid, "targets": len(rows), "flagged": flagged, "skipped": skipped})
    else:
        print(f"Đã tạo phong trào “{values['name']}” (mã {cid[:8]}) với {len(rows)} chỉ tiêu.")
        if flagged:
            print(f"{flagged} chỉ tiêu còn cờ “cần xem lại”: mở phong trào trong ứng dụng để xác nhận từng chỉ tiêu.")
        if skipped:
            print(f"{skipped} dòng không hiểu được giá trị, không nhập; hãy thêm bằng tay nếu là chỉ tiêu.")
    return EXIT_ATTENTION if flagged or skipped else EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("parse-targets", help="đọc danh sách chỉ tiêu từ văn bản (.txt, .docx, .pdf)",
                       epilog="Ví dụ:\n  tdkt parse-targets chi-thi.docx\n  tdkt parse-targets ke-hoach.pdf --json")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--json", action="store_true", help="mỗi chỉ tiêu một dòng JSON")
    p.add_argument("--raw", action="store_true", help="cả tệp là danh sách chỉ tiêu (không tự tìm đoạn chỉ tiêu)")
    p.set_defaults(func=cmd_parse_targets)

    d = sub.add_parser(
        "directive", help="đọc chỉ thị, kế hoạch (.txt, .docx, .pdf) thành phong trào thi đua",
        epilog="Ví dụ:\n  tdkt directive read ke-hoach.docx\n  tdkt --db phuong.sqlite directive import ke-hoach.pdf\n\n"
               "Mã thoát 3: đã đọc (hoặc đã nhập) nhưng có mục cần xem lại.",
    )
    dsub = d.add_subparsers(dest="directive_command", metavar="LỆNH", parser_class=type(d))
    d.set_defaults(func=lambda _a: (d.print_help(), 2)[1])
    r = dsub.add_parser("read", help="xem những gì đọc được: số, ngày, người ký, thời gian, chỉ tiêu…",
                        epilog="Ví dụ:\n  tdkt directive read ke-hoach.docx\n  tdkt directive read chi-thi.pdf --json")
    r.add_argument("file", metavar="TỆP")
    r.add_argument("--json", action="store_true", help="kết quả dạng JSON (mỗi trường có nguyên văn và độ tin cậy)")
    r.set_defaults(func=cmd_directive_read)
    i = dsub.add_parser("import", help="tạo phong trào với các chỉ tiêu đọc được (chỉ tiêu chưa chắc giữ cờ cần xem lại)",
                        epilog="Ví dụ:\n  tdkt --db tinh.sqlite directive import ke-hoach.docx --dry-run\n"
                        "  tdkt directive import chi-thi.txt --name \"Phong trào thi đua năm 2026\" --json --db tinh.sqlite")
    i.add_argument("file", metavar="TỆP")
    i.add_argument("--name", metavar="TÊN", help="tên phong trào (khi văn bản không có trích yếu)")
    i.add_argument("--dry-run", action="store_true", help="chỉ xem, không ghi gì")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=cmd_directive_import)
