"""``tdkt results``: the results units reached for a campaign's targets in a period, saved through the same
function as the results grid (:func:`tdkt_desktop.store.results.save_results`).

    tdkt results import --campaign ID --period KỲ TỆP.csv [--json]
    tdkt results set --campaign ID --period KỲ --target CHỈ_TIÊU GIÁ_TRỊ [--sub SỐ] [--note TEXT] [--unit MÃ]
    tdkt results show --campaign ID --period KỲ [--unit MÃ] [--json]

``show`` lists the campaign's targets (each "trong đó" part under its target) with the unit's result and its
assessment; for a plan of several years, each year's result and the figure to date, judged at the plan's end
(:func:`tdkt_desktop.store.results.cumulative_results`, as the results screen and the matrix).

The CSV file (UTF-8, comma or semicolon separated) has a header row with the columns ``unit`` (đơn vị: the
unit's code), ``target`` (chỉ tiêu: its number in the campaign, its name, or its id), ``value`` (kết quả),
and optionally ``sub_value`` (trong đó) and ``note`` (ghi chú). Numbers as written in Vietnamese ("7,5",
"1.250") or plainly ("7.5"). One wrong row and nothing is saved; the message names the row.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, CliError, open_existing, print_json, require_unit, subcommands
from tdkt_desktop.core.errors import file_error
from tdkt_desktop.core.models import parse_period
from tdkt_desktop.core.targets import TargetSpec, indented
from tdkt_desktop.core.text import InputError, fold, format_number
from tdkt_desktop.store.consolidation import cumulative_label
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.results import (
    campaign_window,
    cumulative_results,
    current_results,
    ordered_targets,
    save_results,
)

MAX_CSV_BYTES = 20 * 1024 * 1024

# Header words accepted for each column (compared without tones, case or spaces).
_HEADERS = {
    "unit": ("unit", "unit_code", "don vi", "ma don vi"),
    "target": ("target", "chi tieu", "stt", "so thu tu"),
    "value": ("value", "ket qua", "gia tri"),
    "sub_value": ("sub_value", "trong do"),
    "note": ("note", "ghi chu"),
}


def _key(text: str) -> str:
    return " ".join(fold(text or "").replace("_", " ").split())


def _column_of(header: str) -> str | None:
    k = _key(header)
    for column, words in _HEADERS.items():
        if k in {_key(w) for w in words}:
            return column
    return None


def _read_csv(path: Path) -> list[tuple[int, Row]]:
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    if len(raw) > MAX_CSV_BYTES:
        raise CliError(f"Tệp {path} quá lớn (tối đa 20 MB).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"Tệp {path} không phải văn bản UTF-8. Hãy lưu lại dạng “CSV UTF-8”.") from None
    first = text.splitlines()[0] if text else ""
    delimiter = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise CliError(f"Tệp {path} trống: cần dòng tiêu đề unit,target,value[,sub_value,note] và các dòng kết quả.")
    columns = [_column_of(h) for h in rows[0]]
    missing = [c for c in ("unit", "target", "value") if c not in columns]
    if missing:
        raise CliError(f"Tệp {path} thiếu cột {', '.join(missing)} ở dòng tiêu đề (dòng 1). Các cột: unit (đơn vị), "
                       "target (chỉ tiêu), value (kết quả), sub_value (trong đó), note (ghi chú).")
    out: list[tuple[int, Row]] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        row = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(columns) if col}
        out.append((number, row))
    return out


def _target_id(targets: list[Row], given: str) -> str:
    text = given.strip()
    if text.isdigit():
        found = [t for t in targets if str(t.get("seq") or "") == text]
    else:
        found = [t for t in targets if t["id"] == text or (len(text) >= 8 and t["id"].startswith(text))]
        found = found or [t for t in targets if _key(t.get("measure") or "") == _key(text)]
        found = found or [t for t in targets if _key(t.get("measure") or "").startswith(_key(text))]
    if len(found) != 1:
        some = "; ".join(f"{t.get('seq')}. {t.get('measure')}" for t in targets[:5])
        what = "có nhiều chỉ tiêu trùng" if found else "không có chỉ tiêu"
        raise InputError(f"Phong trào {what} “{given}”. Ghi số thứ tự hoặc tên chỉ tiêu, ví dụ: {some}.",
                         field="Chỉ tiêu", value=given)
    return str(found[0]["id"])


def _campaign_targets(store: Store, campaign_id: str) -> list[Row]:
    return store.rows("targets", "campaign_id = ?", [campaign_id], order_by="seq, rowid")


def cmd_import(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    rows = _read_csv(Path(args.file))
    with open_existing(args) as store:
        require_unit(store)
        campaign_id = store.resolve_id("campaigns", args.campaign)
        targets = _campaign_targets(store, campaign_id)
        by_unit: dict[str, list[Row]] = {}
        for number, row in rows:
            try:
                if not row.get("unit"):
                    raise InputError("thiếu mã đơn vị (cột unit).", field="Đơn vị")
                change = {"target_id": _target_id(targets, row.get("target") or ""), "value": row.get("value") or None,
                          "sub_value": row.get("sub_value") or None, "note": row.get("note") or None}
            except InputError as exc:
                raise CliError(f"Dòng {number}: {exc} Chưa lưu kết quả nào.") from None
            by_unit.setdefault(row["unit"], []).append({**change, "_line": number})
        written = 0
        with store.atomic():
            for unit, changes in by_unit.items():
                for change in changes:
                    number = change.pop("_line")
                    try:
                        written += save_results(store, campaign_id=campaign_id, period=period, unit_code=unit,
                                                results=[change])
                    except InputError as exc:
                        raise CliError(f"Dòng {number}: {exc} Chưa lưu kết quả nào.") from None
    summary = {"campaign_id": campaign_id, "period": period, "rows": len(rows), "written": written,
               "units": sorted(by_unit)}
    if args.json:
        print_json(summary)
    else:
        print(f"Đã lưu {written} kết quả của {len(by_unit)} đơn vị cho kỳ {period}.")
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    with open_existing(args) as store:
        unit = args.unit or require_unit(store)
        campaign_id = store.resolve_id("campaigns", args.campaign)
        target_id = _target_id(_campaign_targets(store, campaign_id), args.target)
        save_results(store, campaign_id=campaign_id, period=period, unit_code=unit,
                     results=[{"target_id": target_id, "value": args.value or None, "sub_value": args.sub,
                               "note": args.note}])
        current = store.rows("target_results", "target_id = ? AND unit_code = ? AND period = ?",
                             [target_id, unit, period], order_by="updated_at DESC, id DESC", limit=1)
    result = current[0] if current else None
    data = {"campaign_id": campaign_id, "target_id": target_id, "unit_code": unit, "period": period,
            "value": result["value"] if result else None, "sub_value": result["sub_value"] if result else None,
            "note": result["note"] if result else None, "id": result["id"] if result else None}
    if args.json:
        print_json(data)
    else:
        print(f"Đã lưu kết quả chỉ tiêu {args.target} của đơn vị {unit} kỳ {period}."
              if result else f"Đã xóa kết quả chỉ tiêu {args.target} của đơn vị {unit} kỳ {period}.")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    with open_existing(args) as store:
        unit = args.unit or require_unit(store)
        campaign_id = store.resolve_id("campaigns", args.campaign)
        campaign = store.require("campaigns", campaign_id)
        if store.unit_by_code(unit) is None:
            raise InputError(f"Không có đơn vị mã {unit} trong danh mục đơn vị. Ghi mã đơn vị (--unit) như trong "
                             "danh mục, ví dụ mã của đơn vị này.", field="--unit", value=unit)
        window = campaign_window(campaign)
        targets = ordered_targets(store, campaign_id)
        figures = cumulative_results(store, campaign_id, period, unit_codes=[unit])
        own = current_results(store, [t["id"] for t in targets], period, unit_codes=[unit])
        unit_row = store.unit_by_code(unit)
    lines = []
    for t in targets:
        cum = figures.get((t["id"], unit))
        result = own.get((t["id"], unit, period))
        lines.append({
            "target_id": t["id"], "seq": t["seq"], "measure": t["measure"], "depth": t["depth"],
            "parent_target_id": t.get("parent_target_id"),
            "target": TargetSpec.from_row(t).describe() if cum is not None else None,
            "value": result["value"] if result else None, "sub_value": result["sub_value"] if result else None,
            "years": {str(y.year): y.value for y in cum.years} if cum is not None else {},
            "cumulative": cum.value if cum is not None and cum.multi_year else None,
            "percent": cum.attainment.percent if cum is not None else None,
            "status": str(cum.attainment.status.value) if cum is not None else None,
            "note": cum.attainment.note if cum is not None else "Chỉ tiêu chưa đủ thông tin để so sánh.",
        })
    if args.json:
        print_json({"campaign_id": campaign_id, "period": period, "unit_code": unit,
                    "window": list(window) if window else None, "targets": lines})
        return EXIT_OK
    print(f"{campaign['name']} — {cumulative_label(period, window)}")
    print(f"Đơn vị: {unit_row['name'] if unit_row else unit} ({unit})")
    if not lines:
        print("Phong trào này chưa có chỉ tiêu.")
    for number, line in enumerate(lines, 1):
        pad = "    " * (line["depth"] + 1)
        print(f"{number}. {indented(line['measure'], line['depth'])} — chỉ tiêu: {line['target'] or 'chưa đủ thông tin'}")
        if line["years"]:
            years = " · ".join(f"{y}: {'—' if v is None else format_number(v)}" for y, v in line["years"].items())
            print(f"{pad}{years}")
        print(f"{pad}{line['note']}")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("results", help="kết quả thực hiện chỉ tiêu: nhập từ CSV hoặc từng giá trị",
                       description="Kết quả thực hiện chỉ tiêu của các đơn vị trong một kỳ, lưu qua cùng hàm với bảng "
                       "nhập kết quả. Tệp CSV (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy) có dòng tiêu đề với các "
                       "cột unit (mã đơn vị), target (số thứ tự, tên hoặc mã chỉ tiêu), value (kết quả), và có thể "
                       "sub_value (trong đó), note (ghi chú). Số viết kiểu Việt Nam (\"7,5\", \"1.250\") hoặc "
                       "\"7.5\". Một dòng sai thì không lưu gì; thông báo nêu dòng sai.")
    cmds = subcommands(p, dest="results_command")
    q = cmds.add_parser(
        "import", help="nhập kết quả một kỳ từ tệp CSV (unit,target,value,sub_value,note)",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite results import --campaign 7c1e2a90 --period 2026 ket-qua.csv --json\n\n"
        "Tệp ví dụ:\n  unit,target,value,sub_value,note\n  31147,1,\"92,5\",,\n  31147,2,120,95,Tổ dân phố 3\n\n"
        "Một dòng sai thì không lưu dòng nào; thông báo ghi số dòng.",
    )
    q.add_argument("file", metavar="TỆP")
    q.add_argument("--campaign", required=True, metavar="MÃ", help="mã phong trào (đủ hoặc 8 ký tự đầu)")
    q.add_argument("--period", required=True, metavar="KỲ", help="2026, 2026-H1 hoặc 2026-H2")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_import)

    q = cmds.add_parser(
        "set", help="lưu một kết quả (để trống GIÁ_TRỊ, --sub và --note là xóa)",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite results set --campaign 7c1e2a90 --period 2026 --target 1 \"92,5\"\n"
        "  tdkt results set --campaign 7c1e2a90 --period 2026-H1 --target 2 120 --sub 95 --unit 31147 --json",
    )
    q.add_argument("value", metavar="GIÁ_TRỊ", nargs="?", default="")
    q.add_argument("--campaign", required=True, metavar="MÃ")
    q.add_argument("--period", required=True, metavar="KỲ")
    q.add_argument("--target", required=True, metavar="CHỈ_TIÊU", help="số thứ tự, tên hoặc mã chỉ tiêu")
    q.add_argument("--sub", metavar="SỐ", help="trong đó (chỉ tiêu đếm có phần trong đó)")
    q.add_argument("--note", metavar="GHI_CHÚ")
    q.add_argument("--unit", metavar="MÃ", help="đơn vị (mặc định: đơn vị này)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_set)

    q = cmds.add_parser(
        "show", help="xem kết quả và đánh giá từng chỉ tiêu một kỳ (kế hoạch nhiều năm: từng năm và lũy kế)",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite results show --campaign 7c1e2a90 --period 2023\n"
        "  tdkt results show --campaign 7c1e2a90 --period 2025 --unit 31147 --json --db phuong.sqlite\n\n"
        "Kế hoạch nhiều năm (ví dụ 2021 - 2025): số lượng, khối lượng cộng dồn các năm; tỷ lệ, mức lấy số liệu "
        "mới nhất; đánh giá đạt hay không khi hết năm cuối, trước đó là “đang thực hiện”.",
    )
    q.add_argument("--campaign", required=True, metavar="MÃ")
    q.add_argument("--period", required=True, metavar="KỲ", help="2026, 2026-H1 hoặc 2026-H2")
    q.add_argument("--unit", metavar="MÃ", help="đơn vị (mặc định: đơn vị này)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)
