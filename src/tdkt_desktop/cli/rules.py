"""``tdkt rules``: the rules in force on a date, each with the article it comes from.

    tdkt rules show [--date dd/mm/yyyy] [--province MÃ] [--title MÃ_DANH_HIỆU] [--json]
    tdkt rules sources [--json]

``show`` lists the rule set chosen for the date (by the decision date), the base salary, and for every
title and form of commendation: who decides, the criteria, the council vote, the money and the dossier,
each followed by its citation (document, article, clause, point) — or by what could not be checked
against a text, which is left to the person. Then the grounds for cancelling an award and the statistical
reporting regime. ``sources`` lists every legal text the rules rely on, what was taken from it and what
could not be verified.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, print_json, subcommands
from tdkt_desktop.core.text import format_date, format_money, format_number, parse_date

_STATUS_MARK = {"confirmed": "", "article_unverified": " [chưa đối chiếu số điều]", "not_found": " [chưa tìm được văn bản]"}


def _figure(value: float) -> str:
    """3.5 → "3,5"; 1.0 → "1"."""
    return format_number(value)


def _coefficient(value: float) -> str:
    """A money coefficient as the decrees write it: 7 → "7,0", 0.3 → "0,3", 0.45 → "0,45" (one decimal at
    least, never a binary fraction's tail)."""
    text = format_number(round(value, 4))
    return text if "," in text else f"{text},0"


def _cite(source: dict[str, Any] | None) -> str:
    if not source:
        return "(không ghi căn cứ)"
    return f"{source['text']}{_STATUS_MARK.get(source['status'], '')}"


def _note(source: dict[str, Any] | None, indent: str) -> list[str]:
    if source and source.get("status") != "confirmed" and source.get("note"):
        return [f"{indent}  ! {source['note']}"]
    return []


def _cited(line: str, source: dict[str, Any] | None, indent: str) -> list[str]:
    return [f"{indent}{line} — {_cite(source)}", *_note(source, indent)]


def overview_lines(data: dict[str, Any], *, titles_only: bool = False) -> list[str]:
    """The overview as lines of text (the layout of ``tdkt rules show``); ``titles_only`` leaves out
    cancellation and statistics."""
    rs = data["ruleset"]
    out = [f"QUY ĐỊNH THI ĐUA, KHEN THƯỞNG ÁP DỤNG NGÀY {data['date_label']}", f"Bộ quy định: {rs['describe']}"]
    out.append(f"Luật: {rs['law']}")
    out.extend(f"  ! {n}" for n in rs["notes"])
    out.append("Căn cứ ghi trong quyết định:")
    out.extend(f"  - {b['text']}" for b in data["decision_bases"])
    salary = data["base_salary"]
    out += _cited(f"Mức lương cơ sở: {format_money(salary['amount'])}/tháng (từ {format_date(salary['from'])})",
                  salary["source"], "")
    out += _cited(f"Chọn bộ quy định: {data['transition']['label']}", data["transition"]["source"], "")
    out += _cited(f"Biểu quyết Hội đồng: {data['vote']['label']}", data["vote"]["source"], "")
    out.append(f"Tiền thưởng làm tròn lên hàng {format_money(data['rounding_step'])}.")
    for entry in data["titles"]:
        out.append("")
        level = entry["level_label"] if entry["level_label"].startswith("cấp") else f"cấp {entry['level_label']}"
        out += _cited(f"{entry['name'].upper()} ({entry['code']}; {entry['kind_label'].lower()}, {level})",
                      entry["source"], "")
        out.append(f"  Đối tượng: {', '.join(entry['subjects'])}; {', '.join(entry['award_kinds']).lower()}")
        who = entry["decided_by"] + (f" ({entry['decision_note']})" if entry["decision_note"] else "")
        out += _cited(f"Thẩm quyền: {who}", entry["authority_source"], "  ")
        out.append("  Tiêu chuẩn:")
        for crit in entry["criteria"]:
            if crit["type"] == "vote_share":
                continue  # the vote has its own line below
            scope = f" [{crit['applies_to']}]" if crit["applies_to"] else ""
            out += _cited(f"- {crit['text']}{scope}", crit["source"], "    ")
        vote = entry["vote"]
        if vote["required"]:
            share = (f"từ {_figure(vote['threshold'])}% tổng số thành viên" if vote["threshold"] is not None
                     else "ngưỡng theo quy chế của Hội đồng")
            out += _cited(f"Hội đồng TĐKT biểu quyết: {share}", vote["source"], "  ")
        else:
            out.append("  Không cần Hội đồng TĐKT biểu quyết.")
        out.append("  Tiền thưởng:")
        for m in entry["money"]:
            if m["manual"]:
                what = "nhập theo văn bản (chưa đối chiếu được hệ số)"
            elif m["coefficient"]:
                what = f"hệ số {_coefficient(m['coefficient'])} × lương cơ sở = {format_money(m['amount'])}"
            else:
                what = "không có tiền thưởng"
            out += _cited(f"- {m['subject_label']}: {what}", m["source"], "    ")
        if entry["dossier"]:
            out.append("  Hồ sơ:")
            for item in entry["dossier"]:
                who_for = "; ".join(x for x in (", ".join(item["subjects"]), ", ".join(item["award_kinds"])) if x)
                optional = "" if item["required"] else " (nếu có)"
                scope = f" [{who_for.lower()}]" if who_for else ""
                out += _cited(f"- {item['label']}{optional}{scope}", item["source"], "    ")
    if titles_only:
        return out
    cancel = data["cancellation"]
    out += ["", "HỦY BỎ QUYẾT ĐỊNH KHEN THƯỞNG"]
    out += _cited(cancel["effect"], cancel["source"], "  ")
    out += _cited(f"Thẩm quyền: {cancel['authority']}", cancel["authority_source"], "  ")
    for g in cancel["grounds"]:
        out += _cited(f"{g['code']}) {g['label']}", g["source"], "    ")
    stats = data["statistics"]
    out += ["", f"THỐNG KÊ THI ĐUA, KHEN THƯỞNG NĂM {stats['year']}"]
    out += _cited(f"Kỳ thống kê: {stats['label']} ({format_date(stats['start'])} – {format_date(stats['end'])})",
                  stats["source"], "  ")
    for f in stats["forms"]:
        made = "" if f["produced"] else " — chương trình chưa lập biểu này"
        out += _cited(f"- Biểu {f['code']}: {f['title'] or '(chưa đọc được tên biểu)'}{made}", f["source"], "    ")
        if f["note"]:
            out.append(f"      {f['note']}")
    out.extend(f"  ! {n}" for n in stats["notes"])
    return out


def cmd_show(args: argparse.Namespace) -> int:
    from tdkt_desktop.core.overview import rules_overview

    on = parse_date(args.date, field="Ngày") if args.date else _dt.date.today()
    assert on is not None
    data = rules_overview(on, province_code=args.province)
    if args.title:
        codes = {e["code"].upper() for e in data["titles"]}
        if args.title.upper() not in codes:
            raise CliError(
                f"Không có danh hiệu, hình thức khen thưởng mã “{args.title}” trong bộ quy định ngày {data['date_label']}. "
                "Các mã: " + ", ".join(e["code"] for e in data["titles"]) + "."
            )
        data = {**data, "titles": [e for e in data["titles"] if e["code"].upper() == args.title.upper()]}
    if args.json:
        print_json(data)
    else:
        print("\n".join(overview_lines(data, titles_only=bool(args.title))))
    return EXIT_OK


def cmd_sources(args: argparse.Namespace) -> int:
    from tdkt_desktop.core.legal import legal_documents

    docs = legal_documents()
    if args.json:
        print_json([d.to_dict() for d in docs.values()])
        return EXIT_OK
    for d in docs.values():
        print(f"{d.title} ({d.period_label}) [{d.id}]")
        for taken in d.taken:
            print(f"  + {taken}")
        for missing in d.not_verified:
            print(f"  ! {missing}")
        for url in d.evidence:
            print(f"    nguồn: {url}")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("rules", help="quy định thi đua, khen thưởng áp dụng theo ngày, kèm căn cứ từng điều, khoản",
                       description="Quy định áp dụng tại một ngày (ngày quyết định): bộ quy định, mức lương cơ sở, "
                       "và với từng danh hiệu, hình thức khen thưởng: cấp quyết định, tiêu chuẩn, biểu quyết của Hội "
                       "đồng, tiền thưởng, hồ sơ — mỗi mục kèm căn cứ (văn bản, điều, khoản, điểm) hoặc ghi rõ điều "
                       "chưa đối chiếu được. “sources” liệt kê các văn bản pháp luật được dùng.")
    rules = subcommands(p, dest="rules_command")
    q = rules.add_parser(
        "show", help="danh hiệu, thẩm quyền, tiêu chuẩn, tỷ lệ phiếu, tiền thưởng, hồ sơ áp dụng ngày đã cho",
        epilog="Ví dụ:\n  tdkt rules show\n  tdkt rules show --date 15/03/2025\n"
               "  tdkt rules show --date 02/07/2026 --title BK_TTG\n  tdkt rules show --json > quy-dinh.json",
    )
    q.add_argument("--date", metavar="NGÀY", help="ngày áp dụng (dd/mm/yyyy); mặc định hôm nay")
    q.add_argument("--province", metavar="MÃ_TỈNH", help="kèm điều chỉnh riêng của tỉnh (mã tỉnh)")
    q.add_argument("--title", metavar="MÃ", help="chỉ một danh hiệu, hình thức khen thưởng (ví dụ CSTDCS)")
    q.add_argument("--json", action="store_true", help="kết quả dạng JSON (mỗi mục có căn cứ và trạng thái đối chiếu)")
    q.set_defaults(func=cmd_show)
    q = rules.add_parser("sources", help="các văn bản pháp luật chương trình dựa vào: lấy gì, chưa đối chiếu được gì",
                         epilog="Ví dụ:\n  tdkt rules sources\n  tdkt rules sources --json")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_sources)
