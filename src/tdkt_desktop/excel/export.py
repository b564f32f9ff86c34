"""Lists to .xlsx: a generic exporter and the named views the application offers.

Every file has title rows (unit, list title, date exported), a bold header row with the panes frozen
beneath it, an auto-filter, sensible column widths, grid borders and page setup for printing
(A4, landscape when wide, header row repeated on every page). Numbers carry Excel number formats
whose separators Excel replaces by the user's own (``#,##0`` shows as 43.000 in a Vietnamese-locale
Excel), dates are real Excel dates shown dd/mm/yyyy, percentages are real percentages.

Rows stream through openpyxl's write-only mode, so 100 000 rows take seconds and little memory,
and the file is written atomically: a full disk leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.core.models import (
    SUBJECT_TABLES,
    AttainmentStatus,
    CampaignType,
    Comparator,
    Gender,
    NominationStatus,
    Rollup,
    SubjectKind,
    UnitLevel,
    list_rank,
    parse_period,
    period_label,
)
from tdkt_desktop.core.targets import Attainment, TargetSpec, cumulative, indented
from tdkt_desktop.core.text import InputError, clean, fold, format_date, person_sort_key
from tdkt_desktop.excel.errors import ExcelError, ExportCancelled
from tdkt_desktop.excel.styles import (
    BORDER,
    DATA_LOOKS,
    HEADER_FILL,
    HEADER_LOOK,
    KINDS,
    NUMBER_FORMATS,
    TITLE_LOOKS,
    TOTALS_LOOK,
    WHOLE_NUMBER_FORMAT,
    WHOLE_NUMBER_LOOK,
    StyledSheet,
    WorkbookStyles,
    put,
    totals_look,
)
from tdkt_desktop.store import Store
from tdkt_desktop.store.consolidation import attainment_matrix, cumulative_label
from tdkt_desktop.store.naming import naming_of
from tdkt_desktop.store.results import campaign_window, current_results, figures_by_period, ordered_targets

__all__ = [
    "KINDS",
    "NUMBER_FORMATS",
    "STATUS_FILLS",
    "VIEWS",
    "Column",
    "ExportResult",
    "export_attainment_matrix",
    "export_rows",
    "export_view",
    "view_names",
]

Row = Mapping[str, Any]

# Attainment colours: the fill of a matrix cell by status.
STATUS_FILLS: dict[AttainmentStatus, str] = {
    AttainmentStatus.NOT_REACHED: "F8CBAD",  # red
    AttainmentStatus.REACHED: "C6EFCE",  # green
    AttainmentStatus.EXCEEDED: "9BC2E6",  # blue
    AttainmentStatus.NO_DATA: "D9D9D9",  # grey
    AttainmentStatus.IN_PROGRESS: "FFE699",  # amber: a multi-year target before its window ends
}


@dataclass
class Column:
    """One column of an export.

    ``key`` is a field name of the row (a mapping or an object) or a function of the row;
    ``kind`` is one of text, longtext, int, number, percent, date, money. A ``percent`` value is
    given in percent (92,5 means 92,5 %); a ``date`` value may be a date or an ISO string.
    """

    header: str
    key: str | Callable[[Any], Any] | None = None
    kind: str = "text"
    width: float | None = None
    getter: Callable[[Any], Any] | None = None
    total: bool | None = None  # in a totals row; default: money and int columns other than STT

    def __post_init__(self) -> None:
        if self.kind not in NUMBER_FORMATS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.getter is None:
            key = self.key
            if callable(key):
                self.getter = key
            elif key is None:
                self.getter = lambda _row: None
            else:
                name = str(key)
                self.getter = lambda row: (row.get(name) if isinstance(row, dict) or isinstance(row, Mapping)
                                           else getattr(row, name, None))

    def value(self, row: Any) -> Any:
        assert self.getter is not None
        return self.getter(row)


@dataclass
class ExportResult:
    path: Path
    rows: int
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "rows": self.rows, "title": self.title}


# --------------------------------------------------------------------------- values


def _to_date(value: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    if type(value) is str:
        return value or None
    return None if value is None else str(value)


def _number(value: Any) -> float | str | None:
    """A number as a float, text that is no number as itself, None for empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _whole(value: Any) -> int | str | None:
    if type(value) is int:
        return value
    number = _number(value)
    return round(number) if isinstance(number, float) else number


def _decimal(value: Any) -> int | float | str | None:
    number = value if type(value) is float or type(value) is int else _number(value)
    if isinstance(number, float):
        return int(number) if number.is_integer() else number
    return number


def _percent(value: Any) -> float | str | None:
    number = value if type(value) is float or type(value) is int else _number(value)
    return number / 100.0 if isinstance(number, (int, float)) else number


def _date(value: Any) -> _dt.date | None:
    return value if type(value) is _dt.date else _to_date(value)


# The value written to a cell, by column kind (None for empty; text that is no number stays text). Text
# keeps every character here; those Excel refuses are dropped as the cell is filled (styles.put).
CELL_VALUES: dict[str, Callable[[Any], Any]] = {
    "text": _text,
    "longtext": _text,
    "int": _whole,
    "money": _whole,
    "number": _decimal,
    "percent": _percent,
    "date": _date,
}
assert set(CELL_VALUES) == set(KINDS)


def _cell_value(kind: str, value: Any) -> Any:
    """The value written to the cell for a column kind (None for empty)."""
    return CELL_VALUES[kind](value)


def _display_len(kind: str, value: Any) -> int:
    if value is None:
        return 0
    if kind == "date":
        return 10
    if kind == "percent":
        return 7
    if isinstance(value, (int, float)):
        whole = len(str(int(abs(value))))
        return whole + whole // 3 + (4 if isinstance(value, float) and not float(value).is_integer() else 0)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # as the cell will hold it
    return max((len(line) for line in text.splitlines()), default=0)


def _width(column: Column, sample: list[Any]) -> float:
    if column.width:
        return column.width
    if column.kind == "longtext":
        return 60
    longest_word = max((len(w) for w in column.header.split()), default=4)
    header_need = max(longest_word + 2, min(len(column.header), 18) + 2)
    data_need = max((_display_len(column.kind, v) for v in sample), default=0) + 2
    minimum = 12 if column.kind == "date" else 6
    return float(max(minimum, min(50, max(header_need, data_need))))


# --------------------------------------------------------------------------- generic export


HEADER_ROW = 6  # every export puts its header on row 6, whatever the title lines above say


def _title_block(unit_name: str | None, title: str, subtitle: str | None, exported_on: _dt.date) -> list[str]:
    """Rows 1–4: unit, list title, filters (may be empty), date exported; row 5 stays empty.
    Line i is shown in the style ``TITLE_LOOKS[i]``."""
    return [
        clean(unit_name).upper() if unit_name else "",
        clean(title).upper(),
        clean(subtitle) if subtitle else "",
        f"Ngày xuất: {format_date(exported_on)}",
    ]


def export_rows(
    path: str | Path,
    title: str,
    columns: list[Column],
    rows: Iterable[Any],
    *,
    progress: Callable[[int, int | None], bool | None] | None = None,
    unit_name: str | None = None,
    subtitle: str | None = None,
    sheet_title: str | None = None,
    exported_on: _dt.date | None = None,
    numbered: bool = False,
    freeze_columns: int = 0,
    total: int | None = None,
    totals_label: str | None = None,
) -> ExportResult:
    """Write ``rows`` under ``columns`` to the .xlsx file ``path`` (atomically); returns what was written.

    ``numbered`` adds an "STT" column first. ``freeze_columns`` also freezes that many columns
    (after STT) on the left. ``progress(done, total)`` is called every 1 000 rows and at the end;
    returning ``False`` cancels (:class:`ExportCancelled`, no file written). ``totals_label``
    adds a row under the table with a SUBTOTAL of every int and money column (it follows the
    filter). ``total`` is the expected number of rows when known, for the progress bar.
    """
    if not columns:
        raise ValueError("export_rows needs at least one column")
    columns = list(columns)
    if numbered:
        counter = itertools.count(1)
        columns.insert(0, Column("STT", lambda _row: next(counter), "int", width=6))
    exported_on = exported_on or _dt.date.today()
    iterator: Iterator[Any] = iter(rows)
    sample = list(itertools.islice(iterator, 200))
    if total is None and not isinstance(rows, Iterator):
        try:
            total = len(rows)  # type: ignore[arg-type]
        except TypeError:
            total = None
    written = 0

    def write(tmp: Path) -> None:
        nonlocal written
        wb = Workbook(write_only=True)
        ws = StyledSheet(wb, _sheet_name(sheet_title or title))
        styles = WorkbookStyles(wb)
        ncols = len(columns)
        last_letter = get_column_letter(ncols)
        # Column widths must be set before the first row is written (write-only mode).
        sample_values = [[_cell_value(c.kind, c.value(r)) for r in sample] for c in columns]
        if numbered:  # the sample consumed STT numbers; restart them
            counter_reset = itertools.count(1)
            columns[0].getter = lambda _row: next(counter_reset)
        for idx, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(idx)].width = _width(column, sample_values[idx - 1])
        header_row = HEADER_ROW
        ws.freeze_panes = f"{get_column_letter(1 + freeze_columns + (1 if numbered and freeze_columns else 0))}{header_row + 1}"
        _page_setup(ws, ncols, header_row)
        for i, (text, look) in enumerate(zip(_title_block(unit_name, title, subtitle, exported_on), TITLE_LOOKS,
                                             strict=True), 1):
            ws.append([styles.cell(ws, look, text or None)])
            if ncols > 1 and text:
                ws.merged_cells.add(f"A{i}:{last_letter}{i}")
        ws.append([])
        ws.append([styles.cell(ws, HEADER_LOOK, c.header) for c in columns])
        # One cell per column, restyled never and refilled for every row (a number column holding a whole
        # number shows it without decimals, through a second cell).
        converters = [CELL_VALUES[c.kind] for c in columns]
        getters = [c.getter for c in columns]
        cells = [styles.cell(ws, DATA_LOOKS[c.kind]) for c in columns]
        wholes = [styles.cell(ws, WHOLE_NUMBER_LOOK) if c.kind == "number" else None for c in columns]
        line: list[Any] = list(cells)
        plan = list(enumerate(zip(converters, getters, cells, wholes, strict=True)))
        try:
            for row in itertools.chain(sample, iterator):
                for i, (convert, getter, cell, whole) in plan:
                    value = convert(getter(row))  # type: ignore[misc]
                    if whole is not None and type(value) is int:
                        cell = whole
                    put(cell, value)
                    line[i] = cell
                ws.append(line)
                written += 1
                if progress is not None and written % 1000 == 0 and progress(written, total) is False:
                    raise ExportCancelled("Đã dừng xuất tệp theo yêu cầu; chưa có tệp nào được ghi.")
        except BaseException:
            _discard(ws)
            raise
        last_row = header_row + written
        ws.auto_filter.ref = f"A{header_row}:{last_letter}{max(last_row, header_row + 1)}"
        if totals_label:
            _append_totals(ws, styles, columns, totals_label, header_row, last_row)
        wb.save(tmp)

    target = Path(path)
    _check_extension(target)
    atomic_write(target, write)
    if progress is not None:
        progress(written, written)
    return ExportResult(target, written, title)


def _discard(ws: Any) -> None:
    """Close a write-only sheet abandoned half-way and remove openpyxl's temporary file."""
    writer = getattr(ws, "_writer", None)
    with contextlib.suppress(Exception):
        ws.close()
    out = getattr(writer, "out", None)
    if isinstance(out, str):
        with contextlib.suppress(OSError):
            os.remove(out)


def _check_extension(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise ExcelError(f"Tên tệp “{path.name}” cần có đuôi .xlsx (ví dụ {path.stem}.xlsx).")


def _sheet_name(text: str) -> str:
    name = clean(re.sub(r"[\[\]:*?/\\]", " ", text))
    if len(name) > 31:
        name = name[:31].rsplit(" ", 1)[0]
    return name.strip() or "Danh sách"


def _page_setup(ws: Any, ncols: int, header_row: int) -> None:
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if ncols > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins.left = 0.6
    ws.page_margins.right = 0.4


def _append_totals(ws: Any, styles: WorkbookStyles, columns: list[Column], label: str, header_row: int,
                   last_row: int) -> None:
    cells: list[Any] = []
    label_done = False
    for idx, column in enumerate(columns, 1):
        letter = get_column_letter(idx)
        wanted = column.total if column.total is not None else (
            column.kind == "money" or (column.kind == "int" and column.header != "STT")
        )
        if wanted and last_row > header_row:
            cell = styles.cell(ws, totals_look(column.kind))
            cell.value = f"=SUBTOTAL(9,{letter}{header_row + 1}:{letter}{last_row})"
            cells.append(cell)
        elif not label_done and column.kind in ("text", "longtext"):
            cells.append(styles.cell(ws, TOTALS_LOOK, label))
            label_done = True
        else:
            cells.append(styles.cell(ws, TOTALS_LOOK))
    ws.append(cells)


# --------------------------------------------------------------------------- named views


@dataclass
class View:
    name: str
    label: str
    build: Callable[..., tuple[str, list[Column], list[Any], dict[str, Any]]]


def _unit_names(store: Store) -> dict[str, str]:
    return {r["code"]: r["name"] for r in store.rows("units")}


def _campaign_names(store: Store) -> dict[str, str]:
    return {r["id"]: r["name"] for r in store.rows("campaigns", include_deleted=True)}


def _enum_label(enum: Any, value: Any) -> str:
    if not value:
        return ""
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value)


def _filters(campaign: Row | None, period: str | None, status: str | None) -> str | None:
    parts = []
    if campaign:
        parts.append(f"Phong trào: {campaign['name']}")
    if period:
        parts.append(f"Kỳ: {period_label(period)}")
    if status:
        parts.append(f"Trạng thái: {status}")
    return "; ".join(parts) or None


def _view_people(store: Store, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    units = _unit_names(store)
    rows = sorted(store.rows("people"), key=lambda r: person_sort_key(r["full_name"]))
    columns = [
        Column("Họ và tên", "full_name"),
        Column("Giới tính", lambda r: _enum_label(Gender, r["gender"])),
        Column("Ngày sinh", "birth_date", "date"),
        Column("Chức vụ", "position"),
        Column("Đơn vị công tác", lambda r: r["workplace"] or units.get(r["unit_code"] or "", "")),
        Column("Số định danh cá nhân", "id_number"),
        Column("Quê quán", "hometown"),
        Column("Nơi ở hiện nay", "residence"),
        Column("Trình độ chuyên môn", "education"),
        Column("Học hàm, học vị", "academic_title"),
        Column("Phân loại đối tượng", "nominee_class"),
        Column("Lĩnh vực hoạt động", "field"),
        Column("Điện thoại", "phone"),
    ]
    return "Danh sách cá nhân", columns, rows, {"freeze_columns": 1}


def _view_collectives(store: Store, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    units = _unit_names(store)
    rows = sorted(store.rows("collectives"), key=lambda r: fold(r["name"]))
    columns = [
        Column("Tên tập thể", "name"),
        Column("Loại tập thể", lambda r: _enum_label(UnitLevel, r["kind"])),
        Column("Thuộc đơn vị", lambda r: units.get(r["unit_code"] or "", r["unit_code"])),
        Column("Số thành viên", "members_count", "int"),
        Column("Số nữ", "women_count", "int"),
        Column("Ngày thành lập", "founded", "date"),
        Column("Địa chỉ", "address"),
        Column("Phân loại đối tượng", "nominee_class"),
        Column("Lĩnh vực hoạt động", "field"),
    ]
    return "Danh sách tập thể", columns, rows, {"freeze_columns": 1, "totals_label": "Tổng cộng"}


def _view_households(store: Store, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    units = _unit_names(store)
    rows = sorted(store.rows("households"), key=lambda r: person_sort_key(r["head_name"]))
    columns = [
        Column("Chủ hộ", "head_name"),
        Column("Địa chỉ", "address"),
        Column("Thôn, tổ dân phố", lambda r: units.get(r["unit_code"] or "", r["unit_code"])),
        Column("Số nhân khẩu", "members_count", "int"),
    ]
    return "Danh sách hộ gia đình", columns, rows, {"freeze_columns": 1, "totals_label": "Tổng cộng"}


def _view_campaigns(store: Store, *, status: str | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    where, params = (("status = ?", [status]) if status else (None, None))
    rows = store.rows("campaigns", where, params, order_by="year DESC, doc_date")
    columns = [
        Column("Tên phong trào", "name", "longtext", width=50),
        Column("Hình thức", lambda r: _enum_label(CampaignType, r["campaign_type"])),
        Column("Số văn bản", "doc_number"),
        Column("Ngày ban hành", "doc_date", "date"),
        Column("Cơ quan ban hành", "issuing_body"),
        Column("Năm", "year", "text"),
        Column("Bắt đầu", "start_date", "date"),
        Column("Kết thúc", "end_date", "date"),
        Column("Sơ kết", "midterm_review", "date"),
        Column("Tổng kết", "final_review", "date"),
        Column("Hạn đăng ký thi đua", "registration_deadline", "date"),
        Column("Hạn gửi hồ sơ khen thưởng", "submission_deadline", "date"),
    ]
    return "Danh sách phong trào thi đua", columns, rows, {"freeze_columns": 1}


def _targets_of(store: Store, campaign_id: str | None) -> list[Row]:
    """The targets of a campaign (or of every campaign, campaign by campaign) in order, each "trong đó" part under
    its target, with its ``depth``."""
    ids = [campaign_id] if campaign_id else sorted({str(t["campaign_id"]) for t in store.rows("targets")})
    found: list[Row] = [t for cid in ids for t in ordered_targets(store, cid)]
    return found


def _view_targets(store: Store, *, campaign: Row | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    names = _campaign_names(store)
    units = _unit_names(store)
    rows = _targets_of(store, campaign["id"] if campaign else None)
    columns = [
        Column("Phong trào", lambda r: names.get(r["campaign_id"], ""), "longtext", width=40),
        Column("Chỉ tiêu", lambda r: indented(r["measure"], r["depth"]), "longtext", width=45),
        Column("Chỉ tiêu giao", lambda r: TargetSpec.from_row(r).describe(), width=28),
        Column("Cách so sánh", lambda r: _enum_label(Comparator, r["comparator"])),
        Column("Giá trị", "value", "number"),
        Column("Cận trên", "value_high", "number"),
        Column("Đơn vị tính", "unit"),
        Column("Trong đó", "sub_count", "number"),
        Column("Nội dung “trong đó”", "sub_label"),
        Column("Giao cho đơn vị", lambda r: units.get(r["assigned_unit"] or "", r["assigned_unit"])),
    ]
    return "Danh sách chỉ tiêu", columns, rows, {}


@dataclass
class ResultRow:
    campaign: str
    target: Row
    spec: TargetSpec
    unit_code: str
    unit_name: str
    period: str
    result: Row | None
    attainment: Attainment
    cumulative: float | None = None  # a plan of several years: the figure to the end of the period


def results_grid(store: Store, campaign_id: str | None = None, period: str | None = None) -> list[ResultRow]:
    """Targets × units × periods with their attainment; a unit that reported some target of a campaign
    in a period but not this one shows as "no data"."""
    names = _campaign_names(store)
    units = _unit_names(store)
    targets = _targets_of(store, campaign_id)
    by_campaign: dict[str, list[Row]] = {}
    for t in targets:
        by_campaign.setdefault(t["campaign_id"], []).append(t)
    out: list[ResultRow] = []
    for cid, ctargets in by_campaign.items():
        ids = [t["id"] for t in ctargets]
        results = current_results(store, ids, period)
        combos = sorted({(u, p) for _t, u, p in results}, key=lambda up: (up[1], units.get(up[0], up[0])))
        window = campaign_window(store.require("campaigns", cid))
        history = figures_by_period(store, ids, sorted({u for u, _p in combos}), window)
        for unit_code, per in combos:
            for t in ctargets:
                if t["assigned_unit"] and t["assigned_unit"] != unit_code:
                    continue
                spec = TargetSpec.from_row(t)
                res = results.get((t["id"], unit_code, per))
                total: float | None = None
                try:
                    cum = cumulative(spec, history.get((t["id"], unit_code), {}), per, window)
                    att, total = cum.attainment, cum.value if cum.multi_year else None
                except InputError as exc:
                    att = Attainment(res["value"] if res else None, None, AttainmentStatus.NO_DATA, str(exc))
                out.append(ResultRow(names.get(cid, ""), t, spec, unit_code, units.get(unit_code, unit_code), per, res,
                                     att, total))
    return out


def _view_results(store: Store, *, campaign: Row | None = None, period: str | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    rows = results_grid(store, campaign["id"] if campaign else None, period)
    columns = [
        Column("Phong trào", lambda r: r.campaign, "longtext", width=36),
        Column("Chỉ tiêu", lambda r: indented(r.spec.measure, r.target["depth"]), "longtext", width=40),
        Column("Chỉ tiêu giao", lambda r: r.spec.describe(), width=26),
        Column("Đơn vị", lambda r: r.unit_name),
        Column("Kỳ báo cáo", lambda r: period_label(r.period)),
        Column("Kết quả", lambda r: r.result["value"] if r.result else None, "number"),
        Column("Trong đó", lambda r: r.result["sub_value"] if r.result else None, "number"),
        Column("Lũy kế (kế hoạch nhiều năm)", lambda r: r.cumulative, "number"),
        Column("Tỷ lệ so với chỉ tiêu", lambda r: r.attainment.percent, "percent"),
        Column("Đánh giá", lambda r: r.attainment.status.label),
        Column("Nhận xét", lambda r: r.attainment.note, "longtext", width=50),
    ]
    return "Kết quả thực hiện chỉ tiêu", columns, rows, {}


def _view_registrations(store: Store, *, campaign: Row | None = None, period: str | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    naming = naming_of(store)
    names = _campaign_names(store)
    where, params = [], []
    if campaign:
        where.append("campaign_id = ?")
        params.append(campaign["id"])
    if period:
        where.append("year = ?")
        params.append(int(period[:4]))
    rows = store.rows("registrations", " AND ".join(where) or None, params)
    rows.sort(key=lambda r: (r["year"], list_rank(r["subject_kind"]), person_sort_key(r["subject_name"])))
    columns = [
        Column("Năm", "year", "text", width=7),
        Column("Tên tập thể, cá nhân", "subject_name"),
        Column("Đối tượng", lambda r: _enum_label(SubjectKind, r["subject_kind"])),
        Column("Danh hiệu đăng ký", lambda r: naming.title(r["title_code"])),
        Column("Ngày đăng ký", "registered_on", "date"),
        Column("Phong trào", lambda r: names.get(r["campaign_id"] or "", ""), "longtext", width=40),
        Column("Ghi chú", "note"),
    ]
    return "Danh sách đăng ký thi đua", columns, rows, {"freeze_columns": 2}


def _nominations(store: Store, campaign: Row | None, period: str | None, status: str | None) -> list[Row]:
    where, params = [], []
    if campaign:
        where.append("campaign_id = ?")
        params.append(campaign["id"])
    if period:
        if "-" in period:
            where.append("period = ?")
            params.append(period)
        else:
            where.append("year = ?")
            params.append(int(period))
    if status:
        where.append("status = ?")
        params.append(status)
    return list(store.rows("nominations", " AND ".join(where) or None, params))


def _subjects(store: Store) -> dict[str, Row]:
    found: dict[str, Row] = {}
    for table in SUBJECT_TABLES:
        for r in store.rows(table, include_deleted=True):
            found[r["id"]] = r
    return found


def _view_nominations(store: Store, *, campaign: Row | None = None, period: str | None = None, status: str | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    naming = naming_of(store)
    names = _campaign_names(store)
    subjects = _subjects(store)
    rows = _nominations(store, campaign, period, status)
    rows.sort(key=lambda r: (-(r["year"] or 0), r["title_code"], person_sort_key(r["subject_name"])))
    columns = [
        Column("Tên tập thể, cá nhân", "subject_name"),
        Column("Đối tượng", lambda r: _enum_label(SubjectKind, r["subject_kind"])),
        Column("Chức vụ", lambda r: (subjects.get(r["subject_id"]) or {}).get("position")),
        Column("Đơn vị công tác", lambda r: (subjects.get(r["subject_id"]) or {}).get("workplace")),
        Column("Danh hiệu, hình thức", lambda r: naming.title(r["title_code"])),
        Column("Năm", "year", "text", width=7),
        Column("Kỳ", lambda r: period_label(r["period"]) if r["period"] else ""),
        Column("Phong trào", lambda r: names.get(r["campaign_id"] or "", ""), "longtext", width=36),
        Column("Trạng thái", lambda r: _enum_label(NominationStatus, r["status"])),
        Column("Ngày gửi", "submitted_on", "date"),
        Column("Phân loại đối tượng", "nominee_class"),
        Column("Lĩnh vực hoạt động", "field"),
        Column("Tóm tắt thành tích", "achievement", "longtext"),
    ]
    return "Danh sách đề nghị khen thưởng", columns, rows, {"freeze_columns": 1}


def _view_decisions(store: Store, *, status: str | None = None, period: str | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    naming = naming_of(store)
    where, params = [], []
    if status:
        where.append("status = ?")
        params.append(status)
    if period:
        where.append("substr(decision_date, 1, 4) = ?")
        params.append(period[:4])
    decisions = {d["id"]: d for d in store.rows("decisions", " AND ".join(where) or None, params)}
    rows = [a for a in store.rows("decision_awardees") if a["decision_id"] in decisions]
    rows.sort(key=lambda a: (decisions[a["decision_id"]]["decision_date"], a["decision_id"], a["so_vang"] or 0))

    def number(a: Row) -> str:
        d = decisions[a["decision_id"]]
        return "/".join(p for p in (d["number"], d["doc_code"]) if p)

    columns = [
        Column("Số sổ vàng", "so_vang", "int", width=9, total=False),
        Column("Tên tập thể, cá nhân", "subject_name"),
        Column("Đối tượng", lambda a: _enum_label(SubjectKind, a["subject_kind"])),
        Column("Danh hiệu, hình thức", lambda a: naming.title(a["title_code"])),
        Column("Tiền thưởng (đồng)", "amount", "money"),
        Column("Số quyết định", number),
        Column("Ngày quyết định", lambda a: decisions[a["decision_id"]]["decision_date"], "date"),
        Column("Người ký", lambda a: decisions[a["decision_id"]]["signer"]),
        Column("Trích yếu", lambda a: decisions[a["decision_id"]]["subject"], "longtext", width=40),
    ]
    return "Danh sách khen thưởng theo quyết định", columns, rows, {"freeze_columns": 2, "totals_label": "Tổng cộng", "numbered": False}


PROVINCIAL_HEADERS = (
    "STT",
    "Tên gọi",
    "Tên tập thể/cá nhân/hộ gia đình",
    "Chức vụ",
    "Đơn vị công tác",
    "Phân loại khen thưởng",
    "Danh hiệu thi đua/Hình thức khen thưởng",
    "Phân loại đối tượng",
    "Lĩnh vực hoạt động",
)


def _view_nominations_provincial(store: Store, *, campaign: Row | None = None, period: str | None = None, status: str | None = None, **_: Any) -> tuple[str, list[Column], list[Any], dict[str, Any]]:
    naming = naming_of(store)
    subjects = _subjects(store)
    units = _unit_names(store)
    rows = _nominations(store, campaign, period, status)
    titles = list(naming.title(c) for c in sorted({r["title_code"] for r in rows}))
    rows.sort(key=lambda r: (titles.index(naming.title(r["title_code"])), list_rank(r["subject_kind"]), person_sort_key(r["subject_name"])))

    def subject(r: Row) -> Row:
        return subjects.get(r["subject_id"]) or {}

    def honorific(r: Row) -> str:
        if r["subject_kind"] != "person":
            return ""
        return {"male": "Ông", "female": "Bà"}.get(subject(r).get("gender") or "", "")

    def workplace(r: Row) -> str:
        s = subject(r)
        if r["subject_kind"] == "person":
            return s.get("workplace") or units.get(s.get("unit_code") or "", "")
        if r["subject_kind"] == "household":
            return s.get("address") or ""
        parent = units.get(s.get("unit_code") or "", "")
        return parent if parent and fold(parent) != fold(r["subject_name"]) else ""

    columns = [
        Column(PROVINCIAL_HEADERS[1], honorific, width=8),
        Column(PROVINCIAL_HEADERS[2], "subject_name"),
        Column(PROVINCIAL_HEADERS[3], lambda r: subject(r).get("position") if r["subject_kind"] == "person" else ""),
        Column(PROVINCIAL_HEADERS[4], workplace),
        Column(PROVINCIAL_HEADERS[5], lambda r: _enum_label(SubjectKind, r["subject_kind"])),
        Column(PROVINCIAL_HEADERS[6], lambda r: naming.title(r["title_code"]), width=30),
        Column(PROVINCIAL_HEADERS[7], lambda r: r["nominee_class"] or subject(r).get("nominee_class")),
        Column(PROVINCIAL_HEADERS[8], lambda r: r["field"] or subject(r).get("field")),
    ]
    return "Danh sách đề nghị khen thưởng", columns, rows, {"freeze_columns": 2}


VIEWS: dict[str, View] = {
    "people": View("people", "Danh sách cá nhân", _view_people),
    "collectives": View("collectives", "Danh sách tập thể", _view_collectives),
    "households": View("households", "Danh sách hộ gia đình", _view_households),
    "campaigns": View("campaigns", "Danh sách phong trào thi đua", _view_campaigns),
    "targets": View("targets", "Danh sách chỉ tiêu", _view_targets),
    "results": View("results", "Kết quả thực hiện chỉ tiêu theo đơn vị, kỳ báo cáo", _view_results),
    "registrations": View("registrations", "Danh sách đăng ký thi đua", _view_registrations),
    "nominations": View("nominations", "Danh sách đề nghị khen thưởng", _view_nominations),
    "decisions": View("decisions", "Danh sách khen thưởng theo quyết định (số sổ vàng, tiền thưởng)", _view_decisions),
    "nominations-provincial": View(
        "nominations-provincial", "Danh sách đề nghị theo mẫu nhập liệu của tỉnh", _view_nominations_provincial
    ),
    "attainment-matrix": View("attainment-matrix", "Bảng đối chiếu chỉ tiêu: đơn vị × chỉ tiêu, tô màu theo mức đạt", None),  # type: ignore[arg-type]
}


def view_names() -> list[str]:
    return list(VIEWS)


def find_campaign(store: Store, ref: str) -> Row:
    """A campaign by id, id prefix, or a word of its name / its document number."""
    ref = clean(ref)
    exact = store.get("campaigns", ref)
    if exact:
        return exact
    rows = store.rows("campaigns")
    found = [r for r in rows if r["id"].startswith(ref)] if len(ref) >= 4 else []
    if not found:
        key = fold(ref)
        found = [r for r in rows if key and (key in fold(r["name"]) or key == fold(r["doc_number"] or ""))]
    if len(found) == 1:
        return found[0]
    listing = "; ".join(f"{r['id'][:8]} — {r['name']}" for r in rows[:12])
    if not found:
        raise ExcelError(f"Không tìm thấy phong trào “{ref}”. Các phong trào hiện có: {listing}.")
    raise ExcelError(
        f"Có {len(found)} phong trào khớp “{ref}”. Hãy ghi rõ hơn (mã hoặc tên): "
        + "; ".join(f"{r['id'][:8]} — {r['name']}" for r in found[:12])
        + "."
    )


def export_view(
    store: Store,
    view: str,
    path: str | Path,
    *,
    campaign_id: str | None = None,
    period: str | None = None,
    status: str | None = None,
    progress: Callable[[int, int | None], bool | None] | None = None,
) -> ExportResult:
    """Export one of :data:`VIEWS` to ``path``; ``campaign_id`` may be an id, an id prefix or a name."""
    if view not in VIEWS:
        raise ExcelError(f"Không có danh sách “{view}”. Chọn một trong: {', '.join(VIEWS)}.")
    campaign = find_campaign(store, campaign_id) if campaign_id else None
    if period:
        try:
            period = parse_period(period)
        except InputError as exc:
            raise ExcelError(str(exc)) from None
    if view == "attainment-matrix":
        return export_attainment_matrix(store, path, campaign_id=campaign["id"] if campaign else None, period=period)
    title, columns, rows, options = VIEWS[view].build(store, campaign=campaign, period=period, status=status)
    unit = store.self_unit()
    options.setdefault("numbered", True)
    return export_rows(
        path, title, columns, rows, progress=progress, unit_name=unit["name"] if unit else None,
        subtitle=_filters(campaign, period, status), **options,
    )


# --------------------------------------------------------------------------- attainment matrix

_LEGEND = (
    (AttainmentStatus.NOT_REACHED, "Không đạt chỉ tiêu"),
    (AttainmentStatus.REACHED, "Đạt chỉ tiêu"),
    (AttainmentStatus.EXCEEDED, "Vượt chỉ tiêu"),
    (AttainmentStatus.NO_DATA, "Chưa có số liệu"),
    (AttainmentStatus.IN_PROGRESS, "Chỉ tiêu cả giai đoạn, chưa hết giai đoạn: lũy kế đến kỳ này"),
)


def _choose_campaign(store: Store, campaign_id: str | None) -> Row:
    if campaign_id:
        return find_campaign(store, campaign_id)
    with_targets = [
        c for c in store.rows("campaigns", order_by="year DESC, doc_date")
        if store.count("targets", "campaign_id = ?", [c["id"]])
    ]
    if len(with_targets) == 1:
        return with_targets[0]
    if not with_targets:
        raise ExcelError("Chưa có phong trào nào có chỉ tiêu để lập bảng đối chiếu.")
    listing = "; ".join(f"{c['id'][:8]} — {c['name']}" for c in with_targets)
    raise ExcelError(f"Hãy chọn một phong trào (--campaign MÃ hoặc tên). Các phong trào có chỉ tiêu: {listing}.")


def _choose_period(store: Store, targets: list[Row]) -> str:
    ids = [t["id"] for t in targets]
    marks = ",".join("?" for _ in ids)
    periods = {str(r["period"]) for r in store.rows("target_results", f"target_id IN ({marks})", ids)}
    if not periods:
        raise ExcelError("Phong trào này chưa có kết quả thực hiện chỉ tiêu nào. Hãy chọn kỳ báo cáo (--period).")
    # The latest: a full year after its halves.
    return max(periods, key=lambda p: (p[:4], {"H1": 0, "H2": 1}.get(p[5:], 2)))


_REACHED_HEADER = "Số chỉ tiêu đạt"
MATRIX_TOTAL_LABEL = "Tổng hợp chung"
MATRIX_SHARE_LABEL = "Tỷ lệ đơn vị đạt"


def _matrix_number(cell: Any, value: float | None) -> None:
    cell.value = value
    whole = value is not None and float(value).is_integer()
    cell.number_format = WHOLE_NUMBER_FORMAT if whole else NUMBER_FORMATS["number"]
    cell.alignment = Alignment(horizontal="right")


def export_attainment_matrix(
    store: Store, path: str | Path, *, campaign_id: str | None = None, period: str | None = None
) -> ExportResult:
    """The attainment matrix of :func:`~tdkt_desktop.store.consolidation.attainment_matrix` — the one the
    consolidation screen shows — as a sheet: units as rows (indented by level) × the campaign's targets,
    each cell the unit's result filled by its status with the comparison in a comment (over a plan of several
    years: the figure to date, in progress until the plan's last year; a "trong đó" part indented after its
    target); a column counts
    the targets each unit reached, the roll-up row combines the units by each target's method, a row
    gives the share of reporting units reaching each target, and a legend explains the colours."""
    campaign = _choose_campaign(store, campaign_id)
    targets = _targets_of(store, campaign["id"])
    if not targets:
        raise ExcelError(f"Phong trào “{campaign['name']}” chưa có chỉ tiêu.")
    period = parse_period(period) if period else _choose_period(store, targets)
    matrix = attainment_matrix(store, campaign["id"], period)
    rows = matrix.rows()
    unit = store.self_unit()

    def write(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = _sheet_name("Đối chiếu chỉ tiêu")
        ncols = len(matrix.targets) + 2
        last = get_column_letter(ncols)
        lines = _title_block(unit["name"] if unit else None, "Bảng đối chiếu kết quả thực hiện chỉ tiêu",
                             f"{campaign['name']} — {cumulative_label(period, matrix.window)}", _dt.date.today())
        for i, (text, look) in enumerate(zip(lines, TITLE_LOOKS, strict=True), 1):
            if not text:
                continue
            cell = ws.cell(row=i, column=1, value=text)
            cell.font = look.font
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
            ws.merge_cells(f"A{i}:{last}{i}")
        header_row = HEADER_ROW
        headers = [ws.cell(row=header_row, column=1, value="Đơn vị")]
        for j, t in enumerate(matrix.targets, 2):
            headers.append(ws.cell(row=header_row, column=j, value=f"{t['name']}\n({t['describe']})"))
            ws.column_dimensions[get_column_letter(j)].width = 18
        headers.append(ws.cell(row=header_row, column=ncols, value=_REACHED_HEADER))
        for cell in headers:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[header_row].height = 75
        ws.column_dimensions["A"].width = max(20, min(45, max((len(r.name) for r in rows), default=10) + 2))
        ws.column_dimensions[last].width = 12
        row_idx = header_row
        for r in rows:
            row_idx += 1
            name_cell = ws.cell(row=row_idx, column=1, value=r.name)
            name_cell.border = BORDER
            for j, t in enumerate(matrix.targets, 2):
                cell = ws.cell(row=row_idx, column=j)
                cell.border = BORDER
                c = r.cells[t["id"]]
                if c is None:
                    cell.value = "—"
                    cell.alignment = Alignment(horizontal="center")
                    continue
                _matrix_number(cell, c.value)
                cell.fill = PatternFill("solid", fgColor=STATUS_FILLS[AttainmentStatus(c.status)])
                cell.comment = Comment(c.note, "TĐKT Desktop", width=260, height=90)
            total_cell = ws.cell(row=row_idx, column=ncols, value=f"{r.reached}/{r.applicable}")
            total_cell.border = BORDER
            total_cell.alignment = Alignment(horizontal="center")
        last_data = row_idx
        row_idx += 1
        label = ws.cell(row=row_idx, column=1, value=MATRIX_TOTAL_LABEL)
        label.font = Font(bold=True)
        label.border = BORDER
        for j, t in enumerate(matrix.targets, 2):
            total = matrix.totals[t["id"]]
            cell = ws.cell(row=row_idx, column=j)
            cell.border = BORDER
            cell.font = Font(bold=True)
            if t["rollup"] == Rollup.SHARE_REACHING.value and total.value is not None:
                cell.value = total.value / 100
                cell.number_format = NUMBER_FORMATS["percent"]
                cell.alignment = Alignment(horizontal="right")
            else:
                _matrix_number(cell, total.value)
            if total.attainment is not None:
                cell.fill = PatternFill("solid", fgColor=STATUS_FILLS[total.attainment.status])
            how = Rollup(total.method).label
            note = (f"{how}: {total.units_reporting}/{total.units_counted} đơn vị báo cáo, "
                    f"{total.units_reaching} đơn vị đạt chỉ tiêu.")
            if total.attainment is not None and total.attainment.note:
                note += "\n" + total.attainment.note
            cell.comment = Comment(note, "TĐKT Desktop", width=260, height=90)
        ws.cell(row=row_idx, column=ncols).border = BORDER
        row_idx += 1
        share_label = ws.cell(row=row_idx, column=1, value=MATRIX_SHARE_LABEL)
        share_label.font = Font(bold=True)
        share_label.border = BORDER
        for j, share in enumerate(matrix.shares(), 2):
            cell = ws.cell(row=row_idx, column=j)
            cell.border = BORDER
            if share.percent is not None:
                cell.value = share.percent / 100
                cell.number_format = "0%"
                cell.font = Font(bold=True)
                cell.comment = Comment(f"{share.reaching}/{share.with_data} đơn vị có số liệu đạt chỉ tiêu.",
                                       "TĐKT Desktop", width=220, height=50)
        ws.cell(row=row_idx, column=ncols).border = BORDER
        ws.freeze_panes = ws.cell(row=header_row + 1, column=2).coordinate
        ws.auto_filter.ref = f"A{header_row}:{last}{max(last_data, header_row + 1)}"
        row_idx += 2
        ws.cell(row=row_idx, column=1, value="Chú giải màu:").font = Font(bold=True, italic=True)
        for status, text in _LEGEND:
            row_idx += 1
            swatch = ws.cell(row=row_idx, column=1, value=status.label)
            swatch.fill = PatternFill("solid", fgColor=STATUS_FILLS[status])
            swatch.border = BORDER
            ws.cell(row=row_idx, column=2, value=text)
        row_idx += 1
        ws.cell(row=row_idx, column=1, value="Di chuột lên một ô để xem nhận xét so với chỉ tiêu.").font = Font(italic=True, size=9)
        _page_setup(ws, ncols, header_row)
        wb.save(tmp)

    target = Path(path)
    _check_extension(target)
    atomic_write(target, write)
    return ExportResult(target, len(rows), "Bảng đối chiếu kết quả thực hiện chỉ tiêu")
