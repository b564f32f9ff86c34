"""``tdkt report``: the periodic reports and statistical forms, as PDF or Excel (by the file's extension).

    tdkt report so-ket   --period 2026-H1 [--campaign ID] --out bao-cao.pdf|.xlsx
    tdkt report tong-ket --period 2026    [--campaign ID] --out bao-cao.pdf|.xlsx
    tdkt report 0601N    --period 2026 --out bieu-0601N.pdf|.xlsx
    tdkt report 0603N    --period 2026 --out bieu-0603N.pdf|.xlsx
    (0602N, 0604N, 0605N: refused with the reason — their layout in the circular could not be read)
    tdkt report ma-tran  --period 2026 [--campaign ID] --out ma-tran.xlsx   (attainment matrix, units × targets)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, open_existing

REPORTS = ("so-ket", "tong-ket", "0601N", "0602N", "0603N", "0604N", "0605N", "ma-tran")
FORMS = ("0601N", "0602N", "0603N", "0604N", "0605N")


def _refuse_unproduced(name: str, year: int) -> None:
    """A statistical form of the circular whose layout could not be read is refused with the regime's note
    (the forms produced, their circular and reporting period come from resources/rulesets/statistics.json)."""
    from tdkt_desktop.core.legal import statistics_regime

    regime = statistics_regime(year)
    code = f"{name[:4]}.{name[4:]}"
    form = next((f for f in regime.forms if f.code == code), None)
    if form is None or not form.produced:
        start, end = regime.window(year)
        note = form.layout_note if form else "Biểu không có trong danh mục của chế độ báo cáo này."
        pending = "".join(f" {n}" for n in regime.notes)  # a newer circular not yet read (TT 18/2025 for 2026)
        raise CliError(
            f"Biểu {code} năm {year} (kỳ {start:%d/%m/%Y} – {end:%d/%m/%Y}, {regime.period_source.doc_title}): "
            f"{note}{pending}"
        )


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report", help="báo cáo sơ kết, tổng kết và biểu thống kê 0601.N, 0603.N (PDF hoặc Excel)",
        description="Báo cáo sơ kết, tổng kết và biểu thống kê, ra PDF hoặc Excel theo đuôi tệp (.pdf, .xlsx). "
        "Biểu 0602N, 0604N, 0605N bị từ chối kèm lý do (chưa đọc được mẫu của thông tư); ma-tran là ma trận "
        "đơn vị × chỉ tiêu (chỉ .xlsx).",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite report so-ket --period 2026-H1 --out so-ket.pdf\n"
        "  tdkt report tong-ket --period 2026 --out tong-ket.xlsx --db phuong.sqlite\n"
        "  tdkt report 0601N --period 2026 --out bieu-0601N.pdf --db tinh.sqlite\n"
        "  tdkt report ma-tran --period 2026 --out ma-tran.xlsx --db tinh.sqlite",
    )
    p.add_argument("name", choices=REPORTS, metavar="TÊN", help="một trong: " + ", ".join(REPORTS))
    p.add_argument("--period", required=True, help="kỳ: 2026 (năm) hoặc 2026-H1 (6 tháng đầu năm)")
    p.add_argument("--campaign", metavar="MÃ", help="phong trào (mặc định: phong trào thường xuyên của năm)")
    p.add_argument("--out", required=True, help="tệp .pdf hoặc .xlsx")
    p.add_argument("--issue", action="store_true", help="ban hành báo cáo: lấy số văn bản trong sổ")
    p.set_defaults(func=cmd_report)


def _default_campaign(store: Any, year: int) -> str:
    rows = store.rows("campaigns", "year = ? AND campaign_type = 'regular'", [year], order_by="doc_date DESC")
    rows = rows or store.rows("campaigns", "year = ?", [year], order_by="doc_date DESC")
    if not rows:
        raise CliError(f"Không có phong trào thi đua nào của năm {year}. Ghi --campaign MÃ.")
    return str(rows[0]["id"])


def cmd_report(args: argparse.Namespace) -> int:
    from tdkt_desktop.core.models import parse_period, period_year

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CliError("Tệp kết quả phải có đuôi .pdf hoặc .xlsx.")
    period = parse_period(args.period)
    year = period_year(period)
    if args.name in FORMS:
        _refuse_unproduced(args.name, year)
    with open_existing(args) as store:
        if args.name in ("0601N", "0603N"):
            from tdkt_desktop.store.statistics import form_0601N, form_0603N

            form = (form_0601N if args.name == "0601N" else form_0603N)(store, year)
            if suffix == ".xlsx":
                from tdkt_desktop.excel.reports import export_statistics_form

                export_statistics_form(form, out)
            else:
                from tdkt_desktop.printing.records import statistics_form_pdf

                statistics_form_pdf(store, form, out)
        elif args.name == "ma-tran":
            if suffix != ".xlsx":
                raise CliError("Ma trận kết quả theo đơn vị chỉ xuất ra Excel (.xlsx).")
            from tdkt_desktop.excel.export import export_view

            export_view(store, "attainment-matrix", out, campaign_id=args.campaign or _default_campaign(store, year), period=period)
        else:
            if args.name == "so-ket" and not period.endswith("H1"):
                raise CliError("Báo cáo sơ kết dùng kỳ 6 tháng đầu năm, ví dụ --period 2026-H1.")
            if args.name == "tong-ket" and "-" in period:
                raise CliError("Báo cáo tổng kết dùng kỳ cả năm, ví dụ --period 2026.")
            campaign_id = args.campaign or _default_campaign(store, year)
            if suffix == ".xlsx":
                from tdkt_desktop.excel.reports import export_review_report

                export_review_report(store, campaign_id, period, out)
            else:
                from tdkt_desktop.printing import records

                render_pdf = records.issue_pdf if args.issue else records.preview_pdf
                render_pdf(store, "bao_cao_ket_qua", campaign_id, out, period=period)
    print(f"Đã ghi {out}.")
    return EXIT_OK
