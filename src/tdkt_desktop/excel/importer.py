"""Lists from .xlsx into the registry: preview first, write only when the person confirms.

:func:`preview_import` reads a workbook, finds the header row (title rows above it are fine),
maps columns to fields — the provincial nomination layout and common variants are recognised by
their folded header texts; any other layout gets a proposed mapping the person can confirm or
override — converts legacy TCVN3/VNI text, normalises everything to NFC, checks every row and
finds people already in the registry. Nothing is written.

:func:`apply_import` writes the rows of a preview in one transaction: a file with bad rows imports
nothing unless the person accepts skipping them; rows matching an existing record link to it (and
fill its empty fields) instead of creating a second one, unless the person chooses "create new".
"""

from __future__ import annotations

import datetime as _dt
import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel

from tdkt_desktop.core.models import SUBJECT_TABLES, SubjectKind
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import InputError, clean, fold, nfc, parse_date, parse_int
from tdkt_desktop.excel import legacy
from tdkt_desktop.excel import vocabulary as vocab
from tdkt_desktop.excel.errors import ExcelError, ImportRefused, MappingNeeded
from tdkt_desktop.excel.reading import open_table
from tdkt_desktop.excel.vocabulary import COLLECTIVE_TITLES, guess_collective_kind, resolve_title
from tdkt_desktop.store import Store
from tdkt_desktop.store import backups as _backups
from tdkt_desktop.store.naming import naming_of

__all__ = [
    "IMPORT_FIELDS",
    "IMPORT_KINDS",
    "ColumnInfo",
    "DuplicateMatch",
    "ImportField",
    "ImportPreview",
    "ImportResult",
    "PreviewRow",
    "RowIssue",
    "apply_import",
    "parse_mapping",
    "preview_import",
    "propose_mapping",
    "resolve_title",
]

HEADER_SCAN_ROWS = 40
MATCH_THRESHOLD = 0.78

Row = dict[str, Any]


# --------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class ImportField:
    """A field a column can be mapped to. ``synonyms`` are folded header texts that mean it."""

    name: str
    label: str
    # text longtext date int year id_number phone skip, or a coded kind of :data:`vocabulary.CODED_KINDS`
    kind: str = "text"
    synonyms: tuple[str, ...] = ()
    required: bool = False


def _f(name: str, label: str, kind: str, *synonyms: str, required: bool = False) -> ImportField:
    return ImportField(name, label, kind, tuple(synonyms), required)


_STT = _f("stt", "STT (bỏ qua)", "skip", "stt", "so tt", "so thu tu", "tt")
_HONORIFIC = _f("honorific", "Tên gọi (Ông/Bà)", "honorific", "ten goi", "danh xung", "ong ba", "xung ho", "ong ba cap bac")
_PERSON_COMMON = (
    _f("gender", "Giới tính", "gender", "gioi tinh", "nam nu", "phai"),
    _f("birth_date", "Ngày sinh", "date", "ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay thang sinh"),
    # "Ngày sinh" merged over "Nam | Nữ": the column of the date tells the gender
    _f("birth_date_male", "Ngày sinh (cột Nam)", "date", "ngay sinh nam", "ngay thang nam sinh nam"),
    _f("birth_date_female", "Ngày sinh (cột Nữ)", "date", "ngay sinh nu", "ngay thang nam sinh nu"),
    _f("position", "Chức vụ", "text", "chuc vu", "chuc danh", "chuc vu chuc danh", "chuc vu hien nay"),
    _f("workplace", "Đơn vị công tác", "text", "don vi cong tac", "noi cong tac", "co quan don vi", "co quan cong tac",
       "don vi", "noi lam viec"),
    _f("id_number", "Số định danh cá nhân", "id_number", "so dinh danh ca nhan", "so dinh danh", "so cccd", "cccd",
       "can cuoc cong dan", "so can cuoc", "so can cuoc cong dan", "cmnd cccd", "so cmnd", "ma dinh danh", "so cmnd cccd"),
    _f("nominee_class", "Phân loại đối tượng", "nominee_class", "phan loai doi tuong", "nhom doi tuong",
       "loai doi tuong"),
    _f("field", "Lĩnh vực hoạt động", "activity_field", "linh vuc hoat dong", "linh vuc", "nganh linh vuc"),
)

IMPORT_FIELDS: dict[str, tuple[ImportField, ...]] = {
    "people": (
        _STT,
        _f("full_name", "Họ và tên", "text", "ho va ten", "ho ten", "ho va ten ca nhan", "ten ca nhan",
           "ho ten ca nhan", "ten tap the ca nhan ho gia dinh", required=True),
        _HONORIFIC,
        *_PERSON_COMMON,
        _f("hometown", "Quê quán", "text", "que quan", "nguyen quan"),
        _f("residence", "Nơi ở hiện nay", "text", "noi o hien nay", "cho o hien nay", "tru quan", "noi thuong tru",
           "dia chi thuong tru", "dia chi", "noi o"),
        _f("education", "Trình độ chuyên môn", "text", "trinh do chuyen mon", "trinh do", "chuyen mon"),
        _f("academic_title", "Học hàm, học vị", "text", "hoc ham hoc vi", "hoc ham", "hoc vi"),
        _f("phone", "Điện thoại", "phone", "dien thoai", "so dien thoai", "sdt", "dt"),
        _f("notes", "Ghi chú", "longtext", "ghi chu"),
    ),
    "nominations": (
        _STT,
        _HONORIFIC,
        _f("name", "Tên tập thể/cá nhân/hộ gia đình", "text", "ten tap the ca nhan ho gia dinh",
           "ten tap the ca nhan", "ho va ten", "ho ten", "ho ten ten tap the", "ten tap the", "ten ca nhan",
           "ho ten ca nhan tap the", "ten don vi ca nhan", required=True),
        *_PERSON_COMMON,
        _f("subject_kind", "Phân loại khen thưởng (Cá nhân/Tập thể/Hộ gia đình)", "subject_kind",
           "phan loai khen thuong", "doi tuong khen thuong", "ca nhan tap the", "loai doi tuong khen thuong", "doi tuong"),
        _f("title", "Danh hiệu thi đua/Hình thức khen thưởng", "title", "danh hieu thi dua hinh thuc khen thuong",
           "danh hieu thi dua", "hinh thuc khen thuong", "danh hieu", "hinh thuc", "danh hieu hinh thuc khen thuong",
           "danh hieu hinh thuc", "hinh thuc de nghi", "de nghi khen thuong", "danh hieu de nghi", required=True),
        _f("achievement", "Tóm tắt thành tích", "longtext", "tom tat thanh tich", "thanh tich", "thanh tich dat duoc"),
        _f("year", "Năm", "year", "nam", "nam khen thuong", "nam de nghi"),
        _f("award_kind", "Loại hình khen thưởng", "award_kind", "loai hinh khen thuong"),
        _f("notes", "Ghi chú", "longtext", "ghi chu"),
    ),
    "collectives": (
        _STT,
        _f("name", "Tên tập thể", "text", "ten tap the", "tap the", "ten don vi", "ten co quan don vi",
           "ten co quan", "ten tap the ca nhan ho gia dinh", required=True),
        _f("kind", "Loại tập thể", "unit_kind", "loai tap the", "loai hinh", "loai don vi"),
        _f("members_count", "Số thành viên", "int", "so thanh vien", "tong so", "so nguoi", "so can bo", "so luong"),
        _f("women_count", "Số nữ", "int", "so nu", "nu", "trong do nu"),
        _f("founded", "Ngày thành lập", "date", "ngay thanh lap"),
        _f("address", "Địa chỉ", "text", "dia chi", "tru so"),
        _f("nominee_class", "Phân loại đối tượng", "nominee_class", "phan loai doi tuong", "nhom doi tuong",
           "loai doi tuong"),
        _f("field", "Lĩnh vực hoạt động", "activity_field", "linh vuc hoat dong", "linh vuc"),
        _f("notes", "Ghi chú", "longtext", "ghi chu"),
    ),
    "households": (
        _STT,
        _f("head_name", "Chủ hộ", "text", "chu ho", "ten chu ho", "ho ten chu ho", "ho va ten chu ho", "ho gia dinh",
           "ten ho gia dinh", "ten tap the ca nhan ho gia dinh", "ho va ten", "ho ten", required=True),
        _HONORIFIC,
        _f("address", "Địa chỉ", "text", "dia chi", "noi o", "dia chi noi o"),
        _f("hamlet", "Thôn, tổ dân phố", "text", "thon to dan pho", "thon", "to dan pho", "khu vuc", "ap", "thon ap"),
        _f("members_count", "Số nhân khẩu", "int", "so nhan khau", "nhan khau", "so khau", "so thanh vien"),
        _f("notes", "Ghi chú", "longtext", "ghi chu"),
    ),
}
# Khen thưởng đã nhận: the list of a nominee's past titles and forms, read like a nomination list (a name, a
# title, a year) with the decision that gave each.
IMPORT_FIELDS["award_history"] = (
    *(f for f in IMPORT_FIELDS["nominations"] if f.name not in ("achievement", "year", "notes")),
    _f("year", "Năm", "year", "nam", "nam khen thuong", "nam duoc khen", "nam dat", "nam dat danh hieu"),
    _f("decision_number", "Số quyết định", "text", "so quyet dinh", "so qd", "quyet dinh so", "so ky hieu quyet dinh",
       "so ky hieu"),
    _f("decision_date", "Ngày quyết định", "date", "ngay quyet dinh", "ngay qd", "ngay ky", "ngay ky quyet dinh",
       "ngay ban hanh"),
    _f("issuer", "Cơ quan ban hành", "text", "co quan ban hanh", "co quan quyet dinh", "cap khen", "cap khen thuong",
       "noi khen", "co quan khen thuong"),
)
IMPORT_KINDS = tuple(IMPORT_FIELDS)
KIND_LABELS = {"people": "cá nhân", "nominations": "đề nghị khen thưởng", "collectives": "tập thể", "households": "hộ gia đình",
               "award_history": "khen thưởng đã nhận"}
# The kinds whose rows are awards by name: a subject (found or created) and a title each.
AWARD_LISTS = ("nominations", "award_history")
_NAME_FIELD = {**{t: SubjectKind.of_table(t).name_field for t in SUBJECT_TABLES}, "nominations": "name",
               "award_history": "name"}


def _kind_of(kind: str) -> str | None:
    """The subject kind a registry import creates (``None`` for nominations: each row says)."""
    return SubjectKind.of_table(kind).value if kind in SUBJECT_TABLES else None


def _fields(kind: str) -> tuple[ImportField, ...]:
    if kind not in IMPORT_FIELDS:
        raise ExcelError(f"Không có loại nhập “{kind}”. Chọn một trong: {', '.join(IMPORT_KINDS)}.")
    return IMPORT_FIELDS[kind]


# --------------------------------------------------------------------------- header matching

header_key = vocab.value_key


def _similarity(key: str, synonym: str) -> float:
    if not key:
        return 0.0
    if key == synonym:
        return 1.0
    if key.startswith(synonym + " ") and len(synonym) >= 6:
        return 0.9
    return difflib.SequenceMatcher(None, key, synonym).ratio()


def _score(header: str, f: ImportField) -> float:
    key = header_key(header)
    return max((_similarity(key, s) for s in f.synonyms), default=0.0)


def propose_mapping(headers: Mapping[int, str], kind: str) -> dict[int, tuple[str, float]]:
    """Automatic mapping column index → (field name, similarity), best matches first, one column per field."""
    fields = _fields(kind)
    candidates: list[tuple[float, int, str]] = []
    for col, text in headers.items():
        for f in fields:
            score = _score(text, f)
            if score >= MATCH_THRESHOLD:
                candidates.append((score, col, f.name))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    taken_cols: set[int] = set()
    taken_fields: set[str] = set()
    out: dict[int, tuple[str, float]] = {}
    for score, col, name in candidates:
        if col in taken_cols or name in taken_fields:
            continue
        out[col] = (name, score)
        taken_cols.add(col)
        taken_fields.add(name)
    return out


_COLUMN_KEY = re.compile(r"^(?:cot\s*)?([a-z]{1,3})$")


def parse_mapping(text: str | None) -> dict[str, str | None]:
    """ "Cột A=full_name, Ngày sinh=birth_date, D=-" → {"Cột A": "full_name", "Ngày sinh": "birth_date", "D": None}."""
    out: dict[str, str | None] = {}
    if not text:
        return out
    for part in re.split(r"[,;\n]", text):
        if not part.strip():
            continue
        if "=" not in part:
            raise ExcelError(f"Cách ghép cột “{part.strip()}” chưa đúng. Viết dạng “Cột A=full_name, Ngày sinh=birth_date”.")
        key, _, value = part.partition("=")
        value = clean(value)
        out[clean(key)] = None if value in ("", "-", "bo qua", "bỏ qua") else value
    return out


def _resolve_field(kind: str, value: str) -> str:
    fields = _fields(kind)
    key = fold(value)
    for f in fields:
        if key in (f.name.lower(), fold(f.label), header_key(f.label)) or header_key(value) in f.synonyms:
            return f.name
    listing = ", ".join(f"{f.name} ({f.label})" for f in fields)
    raise ExcelError(f"Không có trường “{value}” cho loại nhập {KIND_LABELS[kind]}. Các trường: {listing}.")


def _resolve_column(key: str, headers: Mapping[int, str]) -> int:
    m = _COLUMN_KEY.match(fold(key))
    if m:
        return int(column_index_from_string(m.group(1).upper()))
    wanted = header_key(key)
    for col, text in headers.items():
        if header_key(text) == wanted:
            return col
    listing = ", ".join(f"{get_column_letter(c)} “{t}”" for c, t in sorted(headers.items()))
    raise ExcelError(f"Không có cột “{key}” trong dòng tiêu đề. Các cột: {listing}.")


# --------------------------------------------------------------------------- preview data


@dataclass
class RowIssue:
    row: int
    column: str
    message: str
    field: str = ""  # the field the cell was read for (empty for the row as a whole)

    def __str__(self) -> str:
        where = f"Dòng {self.row}, cột {self.column}" if self.column else f"Dòng {self.row}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message, "text": str(self)}


@dataclass
class DuplicateMatch:
    """A record already in the registry (or an earlier row of the same file) that a row seems to be."""

    table: str
    record_id: str | None
    name: str
    reason: str
    strong: bool = True
    same_file_row: int | None = None

    def describe(self) -> str:
        if self.same_file_row is not None:
            return f"trùng với dòng {self.same_file_row} trong tệp ({self.reason})"
        level = "trùng" if self.strong else "có thể trùng"
        return f"{level} với “{self.name}” đã có ({self.reason})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table, "record_id": self.record_id, "name": self.name, "reason": self.reason,
            "strong": self.strong, "same_file_row": self.same_file_row, "text": self.describe(),
        }


@dataclass
class PreviewRow:
    row: int  # the row number Excel shows
    values: dict[str, Any]
    subject_kind: str | None = None  # nominations: person, collective, household
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    duplicate: DuplicateMatch | None = None
    existing_nomination: str | None = None  # nominations: the same award already proposed
    action: str = "create"  # create, link, skip
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (field, text) no vocabulary knows

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "values": {k: (v.isoformat() if isinstance(v, _dt.date) else v) for k, v in self.values.items()},
            "subject_kind": self.subject_kind,
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
            "duplicate": self.duplicate.to_dict() if self.duplicate else None,
            "existing_nomination": self.existing_nomination,
            "action": self.action,
        }


@dataclass
class ColumnInfo:
    index: int
    letter: str
    header: str
    field: str | None
    field_label: str | None
    score: float | None
    source: str  # auto, user, none

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ImportPreview:
    path: Path
    kind: str
    sheet: str
    header_row: int
    columns: list[ColumnInfo]
    rows: list[PreviewRow]
    notes: list[str]
    year: int | None = None
    campaign_id: str | None = None
    layout: str = ""
    value_map: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def unknown(self) -> dict[str, dict[str, list[int]]]:
        """Values no vocabulary knows and no mapping covers: field → the text as written → its rows."""
        out: dict[str, dict[str, list[int]]] = {}
        for r in self.rows:
            for name, text in r.unknown:
                out.setdefault(name, {}).setdefault(text, []).append(r.row)
        return out

    @property
    def mapping(self) -> dict[str, str]:
        """The mapping in use (column letter → field), to show, adjust and pass back to :func:`preview_import`."""
        return {c.letter: c.field for c in self.columns if c.field}

    @property
    def good_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.ok]

    @property
    def bad_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def errors(self) -> list[RowIssue]:
        return [e for r in self.rows for e in r.errors]

    @property
    def duplicates(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.duplicate is not None]

    def summary(self) -> dict[str, int]:
        return {
            "rows": len(self.rows),
            "good": len(self.good_rows),
            "bad": len(self.bad_rows),
            "duplicates": len(self.duplicates),
            "create": sum(1 for r in self.rows if r.ok and r.action == "create"),
            "link": sum(1 for r in self.rows if r.ok and r.action == "link"),
            "skip": sum(1 for r in self.rows if r.ok and r.action == "skip"),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path), "kind": self.kind, "sheet": self.sheet, "header_row": self.header_row,
            "columns": [c.to_dict() for c in self.columns], "notes": self.notes, "summary": self.summary(),
            "year": self.year, "rows": [r.to_dict() for r in self.rows], "layout": self.layout,
            "value_map": self.value_map, "unknown": self.unknown,
        }

    def _sheet_words(self) -> str:
        """", trang tính “Danh sách”" for a workbook; nothing for a text file (CSV has no sheets)."""
        if self.path.suffix.lower() in (".csv", ".txt", ".tsv"):
            return ""
        return f", trang tính “{self.sheet}”"

    def report(self, *, limit: int = 60) -> str:
        """The preview in words, for a terminal or a message box."""
        s = self.summary()
        lines = [
            f"Tệp {self.path.name}{self._sheet_words()}, dòng tiêu đề {self.header_row}: {s['rows']} dòng dữ liệu "
            f"({KIND_LABELS[self.kind]}).",
            "Ghép cột: " + "; ".join(
                f"{c.letter} “{c.header}” → {c.field_label}" for c in self.columns if c.field and c.field != "stt"
            ),
        ]
        ignored = [f"{c.letter} “{c.header}”" for c in self.columns if not c.field and c.header]
        if ignored:
            lines.append("Cột không dùng: " + "; ".join(ignored) + ".")
        lines.extend(self.notes)
        lines.append(
            f"Sẽ tạo mới {s['create']}, liên kết với bản ghi đã có {s['link']}, bỏ qua {s['skip']}; "
            f"{s['bad']} dòng có lỗi."
        )
        for r in self.duplicates:
            if r.ok:
                verb = {"link": "sẽ liên kết", "create": "vẫn tạo mới", "skip": "bỏ qua"}[r.action]
                lines.append(f"  Dòng {r.row}: {r.values.get(_NAME_FIELD[self.kind])} — {r.duplicate.describe()}; {verb}."  # type: ignore[union-attr]
                             )
        for r in self.rows:
            if r.existing_nomination and r.ok:
                lines.append(f"  Dòng {r.row}: đã có đề nghị này, bỏ qua.")
        warnings = [w for r in self.rows for w in r.warnings]
        for w in warnings[:limit]:
            lines.append(f"  Lưu ý — {w}")
        fields = {f.name: f for f in _fields(self.kind)}
        for name, values in self.unknown.items():
            column = next((c for c in self.columns if c.field == name), None)
            where = f"cột {column.letter} “{column.header}”" if column else fields[name].label
            shown = "; ".join(f"“{text}” (dòng {', '.join(map(str, rows[:8]))}{'…' if len(rows) > 8 else ''})"
                              for text, rows in values.items())
            example = f"--map-values \"{column.letter if column else name}: {next(iter(values))}=…\""
            if fields[name].kind in vocab.LENIENT_KINDS:
                lines.append(f"Giá trị ngoài danh mục ở {where}, giữ nguyên như trong tệp: {shown}. Nếu cần, ghép với "
                             f"danh mục: {example}.")
            else:
                lines.append(f"Giá trị chưa có trong danh mục ở {where}: {shown}. Hãy ghép, ví dụ {example}.")
        errors = self.errors
        if errors:
            lines.append(f"Lỗi ({len(errors)}):")
            lines.extend(f"  {e}" for e in errors[:limit])
            if len(errors) > limit:
                lines.append(f"  … và {len(errors) - limit} lỗi khác.")
        return "\n".join(lines)


@dataclass
class ImportResult:
    kind: str
    created: dict[str, int]
    linked: int
    filled: int
    skipped_rows: list[int]
    error_rows: list[int]
    row_records: dict[int, str]  # row → id of the record created or linked (the nomination for nominations)
    notes: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def report(self) -> str:
        labels = {"people": "cá nhân", "collectives": "tập thể", "households": "hộ gia đình", "nominations": "đề nghị",
                  "award_history": "khen thưởng đã nhận"}
        made = ", ".join(f"{n} {labels.get(t, t)}" for t, n in self.created.items() if n) or "không có bản ghi mới"
        lines = [f"Đã nhập: {made}; liên kết với bản ghi đã có: {self.linked}."]
        if self.filled:
            lines.append(f"Đã bổ sung {self.filled} thông tin còn trống của bản ghi đã có.")
        if self.skipped_rows:
            lines.append("Bỏ qua các dòng: " + ", ".join(map(str, self.skipped_rows)) + ".")
        if self.error_rows:
            lines.append("Không nhập các dòng có lỗi: " + ", ".join(map(str, self.error_rows)) + ".")
        lines.extend(self.notes)
        return "\n".join(lines)


# --------------------------------------------------------------------------- reading the grid


def _convert_legacy(grid: list[list[Any]]) -> dict[tuple[int, int], str]:
    """Convert TCVN3/VNI cells in place; returns (row index, col index) → encoding for each converted cell.

    A cell is converted when the legacy reading is strictly more Vietnamese (see :mod:`legacy`).
    When a column — or the whole sheet — is clearly in one encoding (most of its 8-bit cells
    improve), cells that read as valid Vietnamese either way ("Sè" is both a syllable and TCVN3
    for "Số") are converted too.
    """
    candidates: list[tuple[int, int, str, int, dict[str, tuple[str, int]]]] = []
    col_wins: dict[int, dict[str, int]] = {}
    col_total: dict[int, int] = {}
    sheet_wins: dict[str, int] = {}
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if not (isinstance(value, str) and legacy.is_candidate(value)):
                continue
            base = legacy.syllable_score(value)
            readings: dict[str, tuple[str, int]] = {}
            for enc in (legacy.TCVN3, legacy.VNI):
                text = legacy.decode(value, enc)
                if text != value:
                    readings[enc] = (text, legacy.syllable_score(text))
            candidates.append((r, c, value, base, readings))
            col_total[c] = col_total.get(c, 0) + 1
            best = max(readings.items(), key=lambda kv: kv[1][1], default=None)
            if best is not None and best[1][1] > base:
                col_wins.setdefault(c, {})
                col_wins[c][best[0]] = col_wins[c].get(best[0], 0) + 1
                sheet_wins[best[0]] = sheet_wins.get(best[0], 0) + 1
    total = len(candidates)
    sheet_enc = None
    if total and sheet_wins:
        enc, wins = max(sheet_wins.items(), key=lambda kv: kv[1])
        if wins >= 5 and wins >= 0.8 * total:
            sheet_enc = enc
    converted: dict[tuple[int, int], str] = {}
    for r, c, _value, base, readings in candidates:
        wins_here = col_wins.get(c, {})
        col_enc = None
        if wins_here:
            enc, wins = max(wins_here.items(), key=lambda kv: kv[1])
            if wins >= 2 and wins >= 0.6 * col_total[c]:
                col_enc = enc
        order = sorted(readings, key=lambda e: (e != col_enc, e != sheet_enc, -wins_here.get(e, 0)))
        chosen = None
        for enc in order:
            text, score = readings[enc]
            if score > base and (chosen is None or score > readings[chosen][1]):
                chosen = enc
        if chosen is None:
            dominant = col_enc or sheet_enc
            if dominant in readings and readings[dominant][1] >= base and readings[dominant][1] > 0:
                chosen = dominant
        if chosen is not None:
            grid[r][c] = readings[chosen][0]
            converted[(r, c)] = chosen
    return converted


def _is_numbering_row(row: list[Any]) -> bool:
    """ "(1) (2) (3)…" or "1 2 3…" or "A B C" under a header."""
    cells = [str(v).strip() for v in row if v is not None and str(v).strip()]
    if len(cells) < 2:
        return False
    return all(re.fullmatch(r"[(\[]?\s*(\d{1,2}|[A-Za-z])\s*[)\]]?(\.0)?", c) for c in cells)


def _headers_of(row: list[Any]) -> dict[int, str]:
    return {i + 1: clean(str(v)) for i, v in enumerate(row) if v is not None and clean(str(v))}


HeaderFound = tuple[int, dict[int, str], dict[int, tuple[str, float]], int]


def _text(value: Any) -> str:
    return clean(str(value)) if value is not None else ""


def _two_row_headers(grid: list[list[Any]], idx: int, kind: str) -> dict[int, str] | None:
    """The headers of rows ``idx`` and ``idx + 1`` read as one header merged over two rows.

    A cell of the top row spanning several columns ("Ngày sinh" over "Nam | Nữ", "Khen thưởng" over "Danh hiệu |
    Hình thức") names a group: each column under it is read as "group - sub-header" when that says more than
    the sub-header alone; a top cell with nothing under it (merged down) is the column's header.
    """
    if idx + 1 >= len(grid) or _is_numbering_row(grid[idx + 1]):
        return None
    top, bottom = grid[idx], grid[idx + 1]
    width = max(len(top), len(bottom))
    tops = [_text(top[c]) if c < len(top) else "" for c in range(width)]
    bottoms = [_text(bottom[c]) if c < len(bottom) else "" for c in range(width)]
    if not any(bottoms) or not any(tops):
        return None
    fields = _fields(kind)
    out: dict[int, str] = {}
    group = ""
    for c in range(width):
        t, b = tops[c], bottoms[c]
        if t:
            spans = c + 1 < width and not tops[c + 1] and bool(bottoms[c + 1]) and bool(b)
            group = t if spans else ""
        elif not b:
            group = ""
        if b and group:
            composite = f"{group} - {b}"
            best_alone = max((_score(b, f) for f in fields), default=0.0)
            best_group = max((_score(composite, f) for f in fields), default=0.0)
            out[c + 1] = composite if best_group >= best_alone else b
        elif b or t:
            out[c + 1] = b or t
    return out


def _header_candidates(grid: list[list[Any]], kind: str) -> HeaderFound | None:
    best: tuple[int, int, dict[int, str], dict[int, tuple[str, float]], int] | None = None
    name_field = _NAME_FIELD[kind]
    for idx, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        candidates = [(_headers_of(row), 1)]
        two = _two_row_headers(grid, idx, kind)
        if two is not None:
            candidates.append((two, 2))
        for headers, rows in candidates:
            if len(headers) < 2:
                continue
            proposal = propose_mapping(headers, kind)
            fields = {name for name, _ in proposal.values() if name != "stt"}
            score = len(fields) + (2 if name_field in fields else 0)
            if len(fields) >= 2 and (best is None or score > best[0]):
                best = (score, idx, headers, proposal, rows)
    if best is None:
        return None
    return best[1], best[2], best[3], best[4]


def _user_header_row(grid: list[list[Any]], mapping: Mapping[str, str | None]) -> int | None:
    """The row holding the header texts named in a user's mapping (None if the mapping names letters only)."""
    texts = [header_key(k) for k in mapping if not _COLUMN_KEY.match(fold(k))]
    if not texts:
        return None
    best, best_idx = 0, None
    for idx, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        keys = {header_key(v) for v in row if v is not None}
        hits = sum(1 for t in texts if t in keys)
        if hits > best:
            best, best_idx = hits, idx
    return best_idx


# --------------------------------------------------------------------------- values


def _strip_label(message: str, label: str) -> str:
    prefix = f"{label}: "
    return message[len(prefix):] if message.startswith(prefix) else message


class _Cell:
    """Converting one cell for one field; errors and warnings go to the row."""

    def __init__(self, prow: PreviewRow, header: str, field: str = "") -> None:
        self.prow = prow
        self.header = header
        self.field = field

    def error(self, message: str) -> None:
        self.prow.errors.append(RowIssue(self.prow.row, self.header, message, self.field))

    def warn(self, message: str) -> None:
        self.prow.warnings.append(RowIssue(self.prow.row, self.header, message, self.field))


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    return clean(str(value))


_UNKNOWN_HINT = "ghép giá trị này (bước “Giá trị” hoặc --map-values)"


def _coded(f: ImportField, text: str, cell: _Cell, maps: Mapping[str, Mapping[str, str]],
           subject_kind: str | None = None) -> str | None:
    """A coded cell through the person's value mapping, then the vocabulary; an unknown value is an error
    (once) and is listed for the value-mapping step."""
    mapped = maps.get(f.name, {}).get(vocab.value_key(text))
    if mapped is not None:
        if mapped == vocab.KEEP:
            return text
        if f.kind == "honorific":
            reading = vocab.resolve("honorific", mapped)
            cell.prow.values.setdefault("_gender_from_honorific", reading.gender if reading else None)
        return mapped
    reading = vocab.resolve(f.kind, text, subject_kind=subject_kind)
    if reading is None and f.kind in vocab.LENIENT_KINDS:
        cell.prow.unknown.append((f.name, text))  # kept in the list's own words; the person may map it
        return text
    if reading is None:
        allowed = ", ".join(f"“{label}”" for value, label in vocab.choices(f.kind, subject_kind=subject_kind)
                            if value != vocab.KEEP)
        cell.error(f"“{text}” chưa có trong danh mục {vocab.CODED_KINDS[f.kind].lower()}; {_UNKNOWN_HINT}. "
                   f"Các giá trị: {allowed}.")
        cell.prow.unknown.append((f.name, text))
        return None
    if f.kind == "honorific":
        cell.prow.values.setdefault("_gender_from_honorific", reading.gender)
    return reading.value


def _convert(f: ImportField, value: Any, cell: _Cell, kind: str, maps: Mapping[str, Mapping[str, str]]) -> Any:
    """The normalised value of one cell (None when empty or wrong; errors recorded on the row)."""
    if value is None or (isinstance(value, str) and not clean(value)):
        return None
    label = cell.header
    try:
        if f.kind in ("text", "skip"):
            return _as_text(value)
        if f.kind == "longtext":
            return nfc(str(value)).strip()
        if f.kind == "date":
            if isinstance(value, (_dt.date, _dt.datetime)):
                return value.date() if isinstance(value, _dt.datetime) else value
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if 1900 <= value <= 2100 and float(value).is_integer():
                    cell.warn(f"chỉ có năm {int(value)}, chưa đủ ngày/tháng/năm nên chưa ghi ngày; năm được ghi vào Ghi chú.")
                    cell.prow.values.setdefault("_year_only", int(value))
                    return None
                if 1 <= value <= 80000:
                    return from_excel(value).date()
            text = _as_text(value)
            if re.fullmatch(r"\d{4}", text):
                cell.warn(f"chỉ có năm {text}, chưa đủ ngày/tháng/năm nên chưa ghi ngày; năm được ghi vào Ghi chú.")
                cell.prow.values.setdefault("_year_only", int(text))
                return None
            return parse_date(text, field=label)
        if f.kind == "int":
            return parse_int(value, field=label)
        if f.kind == "year":
            year = parse_int(value, field=label)
            if year is not None and not 1945 <= year <= 2100:
                raise InputError(f"{label}: năm {year} không hợp lệ.")
            return year
        if f.kind == "nominee_class":
            return _as_text(value)  # read in _finish_row, once the row's subject kind is known
        if f.kind in vocab.CODED_KINDS:
            return _coded(f, _as_text(value), cell, maps)
        if f.kind == "id_number":
            return _id_number(value, cell)
        if f.kind == "phone":
            return _phone(value, cell)
    except InputError as exc:
        cell.error(_strip_label(exc.message, label))
        return None
    raise AssertionError(f.kind)


def _id_number(value: Any, cell: _Cell) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) in (8, 11):
            cell.warn(f"Excel đã bỏ mất số 0 ở đầu; đã ghi lại thành {'0' + digits}. Nên định dạng cột này là Văn bản (Text).")
            digits = "0" + digits
    else:
        digits = re.sub(r"[\s.\-]", "", _as_text(value))
    if not digits.isdigit():
        raise InputError(f"Số định danh: “{_as_text(value)}” chỉ được gồm chữ số (12 số căn cước hoặc 9 số chứng minh nhân dân).")
    if len(digits) not in (9, 12):
        cell.warn(f"số “{digits}” có {len(digits)} chữ số; số định danh cá nhân thường có 12 chữ số.")
    return digits


def _phone(value: Any, cell: _Cell) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) == 9:
            cell.warn(f"Excel đã bỏ mất số 0 ở đầu; đã ghi lại thành 0{digits}.")
            digits = "0" + digits
        return digits
    return _as_text(value)


# --------------------------------------------------------------------------- titles, kinds

_HOUSEHOLD_PREFIX = re.compile(r"^\s*h[oộ]\s+(gia\s+đình\s+)?((ông|bà|ong|ba)(\s*/\s*(ông|bà))?\s+)?", re.IGNORECASE)


def _household_head(name: str) -> str:
    return clean(_HOUSEHOLD_PREFIX.sub("", name))


_SECTION = re.compile(r"^(?:(?:[ivx]+|[a-d]|\d{1,2})[\s.):-]+)?(.*)$")


def _section_of(row: list[Any]) -> tuple[str | None, str | None] | None:
    """A group row ("I. TẬP THỂ", "II. Danh hiệu Lao động tiên tiến"): (subject kind, title code), else None."""
    cells = [_as_text(v) for v in row if v is not None and _as_text(v)]
    if not cells or len(cells) > 2:
        return None
    text = " ".join(cells)
    key = header_key(text)
    m = _SECTION.match(key)
    body = m.group(1) if m else key
    if not body:
        return None
    kind = None
    for words, value in (("tap the", "collective"), ("ca nhan", "person"), ("ho gia dinh", "household")):
        if body.startswith(words) or (f" {words}" in f" {body}" and len(body.split()) <= 4):
            kind = value
            break
    title = None
    try:
        title = resolve_title(body)
    except InputError:
        pass
    if title is None and kind is None:
        return None
    return kind, title


def _is_total_row(row: list[Any]) -> bool:
    cells = [header_key(_as_text(v)) for v in row if v is not None and _as_text(v)]
    return bool(cells) and re.match(r"^(tong cong|cong|tong so|tong)( |$)", cells[0]) is not None


# --------------------------------------------------------------------------- duplicates


class _Registry:
    """Indexes of the people, collectives and households already stored, for matching rows."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.units = {r["code"]: r["name"] for r in store.rows("units")}
        self.unit_by_name = {fold(name): code for code, name in self.units.items()}
        self.people_by_id: dict[str, Row] = {}
        self.people_by_birth: dict[tuple[str, str], list[Row]] = {}
        self.people_by_unit: dict[tuple[str, str], list[Row]] = {}
        for p in store.rows("people"):
            if p["id_number"]:
                self.people_by_id[p["id_number"]] = p
            if p["birth_date"]:
                self.people_by_birth.setdefault((fold(p["full_name"]), p["birth_date"]), []).append(p)
            for unit_key in self._unit_keys(p.get("workplace"), p.get("unit_code")):
                self.people_by_unit.setdefault((fold(p["full_name"]), unit_key), []).append(p)
        self.collectives: dict[str, list[Row]] = {}
        for c in store.rows("collectives"):
            self.collectives.setdefault(fold(c["name"]), []).append(c)
        self.households: dict[str, list[Row]] = {}
        for h in store.rows("households"):
            self.households.setdefault(fold(h["head_name"]), []).append(h)

    def _unit_keys(self, workplace: str | None, unit_code: str | None) -> set[str]:
        keys = set()
        if workplace:
            keys.add(fold(workplace))
        if unit_code and unit_code in self.units and unit_code != self.store.unit_code:
            keys.add(fold(self.units[unit_code]))
        return keys

    def unit_code_for(self, workplace: str | None) -> str | None:
        return self.unit_by_name.get(fold(workplace)) if workplace else None

    def match_person(self, values: Mapping[str, Any], name: str) -> DuplicateMatch | None:
        key = fold(name)
        id_number = values.get("id_number")
        if id_number and id_number in self.people_by_id:
            p = self.people_by_id[id_number]
            return DuplicateMatch("people", p["id"], p["full_name"], "cùng số định danh cá nhân")
        birth = values.get("birth_date")
        if birth:
            found = self.people_by_birth.get((key, birth.isoformat() if isinstance(birth, _dt.date) else str(birth)))
            if found:
                return DuplicateMatch("people", found[0]["id"], found[0]["full_name"], "cùng họ tên và ngày sinh")
        for unit_key in self._unit_keys(values.get("workplace"), values.get("unit_code")):
            for p in self.people_by_unit.get((key, unit_key), []):
                if birth and p["birth_date"] and p["birth_date"] != birth.isoformat():
                    continue  # same name, same unit, different birth date: another person
                return DuplicateMatch("people", p["id"], p["full_name"], "cùng họ tên và đơn vị công tác", strong=False)
        return None

    def match_collective(self, name: str) -> DuplicateMatch | None:
        found = self.collectives.get(fold(name))
        if found:
            return DuplicateMatch("collectives", found[0]["id"], found[0]["name"], "cùng tên tập thể")
        return None

    def match_household(self, head: str, address: str | None) -> DuplicateMatch | None:
        for h in self.households.get(fold(head), []):
            if address and h["address"] and fold(address) == fold(h["address"]):
                return DuplicateMatch("households", h["id"], h["head_name"], "cùng tên chủ hộ và địa chỉ")
            if not address or not h["address"]:
                return DuplicateMatch("households", h["id"], h["head_name"], "cùng tên chủ hộ", strong=False)
        return None


def _file_key(kind: str, subject_kind: str | None, values: Mapping[str, Any], name: str) -> list[tuple[str, ...]]:
    """Keys under which a row would be the same subject as an earlier row of the file."""
    sk = subject_kind or _kind_of(kind) or SubjectKind.PERSON.value
    key = fold(name)
    keys: list[tuple[str, ...]] = []
    if sk == "person":
        if values.get("id_number"):
            keys.append(("id", values["id_number"]))
        if values.get("birth_date"):
            keys.append(("birth", key, str(values["birth_date"])))
        if values.get("workplace") and not values.get("birth_date"):
            keys.append(("unit", key, fold(values["workplace"])))
        if not keys:
            keys.append(("name", key))
    elif sk == "collective":
        keys.append(("collective", key))
    else:
        keys.append(("household", key, fold(values.get("address") or "")))
    return keys


# --------------------------------------------------------------------------- preview


def preview_import(
    store: Store,
    path: str | Path,
    kind: str,
    mapping: Mapping[str, str | None] | None = None,
    *,
    sheet: str | None = None,
    year: int | None = None,
    campaign_id: str | None = None,
    value_map: Mapping[str, Mapping[str, str]] | None = None,
) -> ImportPreview:
    """Read ``path`` and show what importing it as ``kind`` would do; nothing is written.

    ``mapping`` overrides or completes the automatic column mapping: keys are column letters
    ("A", "Cột A") or header texts, values field names or labels (``None`` or "-" ignores the column).
    ``value_map`` maps the values of coded columns the vocabularies do not know: column (header, letter or
    field) → {cell value → stored value or label} (:func:`vocabulary.parse_value_mapping`). Mappings
    applied before to a list of the same layout are used too (they are remembered by :func:`apply_import`).
    ``year`` is the year of nominations when the file has no "Năm" column (default: this year).
    """
    fields = {f.name: f for f in _fields(kind)}
    mapping = dict(mapping or {})
    for value in mapping.values():
        if value is not None:
            _resolve_field(kind, value)
    with open_table(path) as wb:
        names = wb.sheet_names
        file_notes = list(wb.notes)
        if sheet is not None and sheet not in names:
            raise ExcelError(f"Tệp không có trang tính “{sheet}”. Các trang: {', '.join(names)}.")
        chosen: tuple[str, list[list[Any]], dict[tuple[int, int], str], int, dict[int, str],
                      dict[int, tuple[str, float]], int] | None = None
        non_empty: list[str] = []
        first_headers: dict[int, str] | None = None
        for name in [sheet] if sheet else names:
            grid = [list(r) for r in wb.rows(name)]
            if not any(grid):
                continue
            non_empty.append(name)
            converted = _convert_legacy(grid)
            found = _locate_header(grid, kind, mapping)
            if found is None:
                if first_headers is None:
                    first_headers = _headers_of(max(grid[:HEADER_SCAN_ROWS], key=lambda r: sum(1 for v in r if v is not None)))
                continue
            chosen = (name, grid, converted, *found)
            break
    if not non_empty:
        where = f"Trang tính “{sheet}”" if sheet else f"Tệp {Path(path).name}"
        raise ExcelError(f"{where} không có dữ liệu (trang tính trống).")
    if chosen is None:
        expected = ", ".join(f"“{f.label}”" for f in fields.values() if f.name != "stt")
        found_text = ", ".join(f"{get_column_letter(c)} “{t}”" for c, t in sorted((first_headers or {}).items()))
        raise MappingNeeded(
            "Không nhận ra dòng tiêu đề cột trong tệp. Các cột cần có (ví dụ): "
            f"{expected}. Các ô tìm thấy: {found_text or 'không có'}. Hãy sửa tiêu đề cột hoặc ghép cột bằng tay "
            "(ví dụ --map \"Cột B=" + _NAME_FIELD[kind] + "\").",
            headers={get_column_letter(c): t for c, t in (first_headers or {}).items()},
        )
    sheet_name, grid, converted, header_idx, headers, proposal, header_rows = chosen
    columns, col_fields = _apply_user_mapping(kind, headers, proposal, mapping)
    missing = [f for f in fields.values() if f.required and f.name not in col_fields.values()]
    if missing:
        raise MappingNeeded(
            "Chưa tìm thấy cột " + ", ".join(f"“{f.label}”" for f in missing) + " trong dòng tiêu đề "
            f"(dòng {header_idx + 1}). Các cột của tệp: "
            + ", ".join(f"{c.letter} “{c.header}”" for c in columns if c.header)
            + ". Hãy ghép cột bằng tay, ví dụ --map \"Cột B=" + missing[0].name + "\".",
            headers={c.letter: c.header for c in columns if c.header},
            proposal={c.letter: c.field for c in columns if c.field},
            missing=[f.name for f in missing],
        )
    notes = [*file_notes, *_legacy_notes(converted, header_idx, columns)]
    notes.extend(_nfd_notes(grid, header_idx, col_fields, columns))
    if header_rows > 1:
        notes.append(f"Dòng tiêu đề gộp hai dòng ({header_idx + 1} và {header_idx + 2}).")
    layout = layout_key(kind, columns)
    maps = _value_maps(store, kind, layout, columns, fields, value_map or {})
    registry = _Registry(store)
    rows = _build_rows(kind, grid, header_idx, columns, col_fields, fields, registry, store, year, maps, header_rows)
    if kind in AWARD_LISTS:
        chosen_year = year or _dt.date.today().year
        if "year" not in col_fields.values():
            what = "các đề nghị" if kind == "nominations" else "các khen thưởng"
            notes.append(f"Tệp không có cột Năm: {what} được ghi cho năm {chosen_year}.")
    else:
        chosen_year = None
    return ImportPreview(Path(path), kind, sheet_name, header_idx + 1, columns, rows, notes, chosen_year, campaign_id,
                         layout=layout, value_map=maps)


VALUE_MAPS_META = "excel_value_maps"


def layout_key(kind: str, columns: list[ColumnInfo]) -> str:
    """A name for a list's layout: its kind and its mapped headers (lists made from one template share it)."""
    parts = [kind, *sorted(f"{header_key(c.header)}={c.field}" for c in columns if c.field and c.field != "stt")]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def remembered_value_maps(store: Store, layout: str) -> dict[str, dict[str, str]]:
    """The value mappings used before for lists of this layout."""
    saved = store.meta_json(VALUE_MAPS_META, {}) or {}
    maps = saved.get(layout) if isinstance(saved, dict) else None
    return {str(f): {str(k): str(v) for k, v in m.items()} for f, m in maps.items()} if isinstance(maps, dict) else {}


def _value_maps(
    store: Store, kind: str, layout: str, columns: list[ColumnInfo], fields: dict[str, ImportField],
    given: Mapping[str, Mapping[str, str]],
) -> dict[str, dict[str, str]]:
    maps = remembered_value_maps(store, layout)
    headers = {c.index: c.header for c in columns}
    for column, pairs in given.items():
        name = None
        if column in fields:
            name = column
        else:
            try:
                name = _resolve_field(kind, column)
            except ExcelError:
                col = _resolve_column(column, headers)
                name = next((c.field for c in columns if c.index == col), None)
        if name is None or name not in fields:
            raise ExcelError(f"Cột “{column}” không được ghép với trường nào; không ghép giá trị được.")
        f = fields[name]
        if f.kind not in vocab.CODED_KINDS:
            coded = ", ".join(x.label for x in fields.values() if x.kind in vocab.CODED_KINDS)
            raise ExcelError(f"Cột “{column}” ({f.label}) không có danh mục giá trị để ghép. Các cột có danh mục: {coded}.")
        for value, target in pairs.items():
            maps.setdefault(name, {})[vocab.value_key(value)] = vocab.target_of(f.kind, target)
    return maps


def _locate_header(grid: list[list[Any]], kind: str, mapping: Mapping[str, str | None]) -> HeaderFound | None:
    user_row = _user_header_row(grid, mapping) if mapping else None
    if user_row is not None:
        headers = _headers_of(grid[user_row])
        return user_row, headers, propose_mapping(headers, kind), 1
    auto = _header_candidates(grid, kind)
    if auto is not None:
        return auto
    if mapping:
        # Letters only and nothing recognised: the first row with text in every mapped column.
        cols = [_resolve_column(k, {}) for k in mapping if _COLUMN_KEY.match(fold(k))]
        for idx, row in enumerate(grid[:HEADER_SCAN_ROWS]):
            if cols and all(c - 1 < len(row) and isinstance(row[c - 1], str) and row[c - 1].strip() for c in cols):
                headers = _headers_of(row)
                return idx, headers, {}, 1
    return None


def _apply_user_mapping(
    kind: str, headers: dict[int, str], proposal: dict[int, tuple[str, float]], mapping: Mapping[str, str | None]
) -> tuple[list[ColumnInfo], dict[int, str]]:
    fields = {f.name: f for f in _fields(kind)}
    chosen: dict[int, tuple[str | None, float | None, str]] = {c: (n, s, "auto") for c, (n, s) in proposal.items()}
    for key, value in mapping.items():
        col = _resolve_column(key, headers)
        name = _resolve_field(kind, value) if value is not None else None
        if name is not None:
            for other, (other_name, _, _) in list(chosen.items()):
                if other_name == name and other != col:
                    del chosen[other]
        chosen[col] = (name, None, "user")
    last = max([*headers, *chosen], default=0)
    columns: list[ColumnInfo] = []
    col_fields: dict[int, str] = {}
    for col in range(1, last + 1):
        name, score, source = chosen.get(col, (None, None, "none"))
        if name is None:
            source = "user" if col in chosen else "none"
        columns.append(ColumnInfo(col, get_column_letter(col), headers.get(col, ""), name,
                                  fields[name].label if name else None, round(score, 2) if score else None, source))
        if name:
            col_fields[col] = name
    return columns, col_fields


def _legacy_notes(converted: dict[tuple[int, int], str], header_idx: int, columns: list[ColumnInfo]) -> list[str]:
    counts: dict[tuple[int, str], int] = {}
    header_cells: dict[str, int] = {}
    for (r, c), enc in converted.items():
        if r < header_idx:
            continue
        if r == header_idx:
            header_cells[enc] = header_cells.get(enc, 0) + 1
            continue
        counts[(c + 1, enc)] = counts.get((c + 1, enc), 0) + 1
    by_col = {c.index: c for c in columns}
    notes = []
    for (col, enc), n in sorted(counts.items()):
        info = by_col.get(col)
        name = (info.header or info.letter) if info else get_column_letter(col)
        notes.append(f"Đã chuyển {n} ô từ mã {enc.upper()} sang Unicode ở cột {name}.")
    for enc, n in header_cells.items():
        notes.append(f"Đã chuyển {n} ô tiêu đề từ mã {enc.upper()} sang Unicode.")
    return notes


def _nfd_notes(grid: list[list[Any]], header_idx: int, col_fields: dict[int, str], columns: list[ColumnInfo]) -> list[str]:
    counts: dict[int, int] = {}
    for row in grid[header_idx + 1:]:
        for col in col_fields:
            value = row[col - 1] if col - 1 < len(row) else None
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                counts[col] = counts.get(col, 0) + 1
    by_col = {c.index: c for c in columns}
    return [
        f"Đã chuẩn hóa {n} ô ở cột {by_col[col].header or by_col[col].letter} từ dạng tổ hợp (NFD) sang dạng dựng sẵn (NFC)."
        for col, n in sorted(counts.items())
    ]


def _build_rows(
    kind: str, grid: list[list[Any]], header_idx: int, columns: list[ColumnInfo], col_fields: dict[int, str],
    fields: dict[str, ImportField], registry: _Registry, store: Store, year: int | None,
    maps: Mapping[str, Mapping[str, str]], header_rows: int = 1,
) -> list[PreviewRow]:
    headers = {c.index: c.header or f"{c.letter}" for c in columns}
    name_field = _NAME_FIELD[kind]
    start = header_idx + header_rows
    if start < len(grid) and _is_numbering_row(grid[start]):
        start += 1
    section_kind: str | None = None
    section_title: str | None = None
    seen: dict[tuple[str, ...], PreviewRow] = {}
    seen_nominations: dict[tuple[str, str], int] = {}
    existing_nominations = _existing_awards(store, kind) if kind in AWARD_LISTS else {}
    naming = naming_of(store)
    out: list[PreviewRow] = []
    for idx in range(start, len(grid)):
        row = grid[idx]
        mapped = {col: row[col - 1] for col in col_fields if col - 1 < len(row)}
        if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in mapped.values()):
            continue
        if _is_total_row(row):
            continue
        name_cols = [c for c, n in col_fields.items() if n == name_field]
        name_raw = mapped.get(name_cols[0]) if name_cols else None
        others = [v for c, v in mapped.items() if col_fields[c] not in (name_field, "stt") and v not in (None, "")]
        if kind in AWARD_LISTS and (not others or name_raw in (None, "")):
            section = _section_of(row)
            if section is not None:
                section_kind = section[0] or section_kind
                section_title = section[1] or (None if section[0] else section_title)
                continue
        prow = PreviewRow(row=idx + 1, values={})
        for col, value in mapped.items():
            f = fields[col_fields[col]]
            if f.kind == "skip":
                continue
            target = _SPLIT_FIELDS.get(f.name)
            converted = _convert(f, value, _Cell(prow, headers[col], f.name), kind, maps)
            if converted is not None and target is not None:
                # "Ngày sinh" over "Nam | Nữ": the column a date is in says the gender
                prow.values[target[0]] = converted
                prow.values.setdefault("gender", target[1])
            elif converted is not None:
                prow.values[f.name] = converted
        name = prow.values.get(name_field)
        if not name:
            prow.errors.insert(0, RowIssue(prow.row, fields[name_field].label, "chưa nhập. Trường này bắt buộc."))
        _finish_row(kind, prow, fields, section_kind, section_title, year, registry, store, maps, headers, col_fields)
        if prow.ok:
            _find_duplicate(kind, prow, registry, seen, seen_nominations, existing_nominations, naming)
        out.append(prow)
    if not out:
        raise ExcelError(f"Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng {header_idx + 1}).")
    return out


def _finish_row(
    kind: str, prow: PreviewRow, fields: dict[str, ImportField], section_kind: str | None, section_title: str | None,
    year: int | None, registry: _Registry, store: Store, maps: Mapping[str, Mapping[str, str]],
    headers: Mapping[int, str], col_fields: Mapping[int, str],
) -> None:
    v = prow.values
    _finish_nominee_class(kind, prow, fields, section_kind, maps, headers, col_fields)
    gender_hint = v.pop("_gender_from_honorific", None)
    year_only = v.pop("_year_only", None)
    if kind in ("people", *AWARD_LISTS) and gender_hint and not v.get("gender"):
        v["gender"] = gender_hint
    if year_only:
        v["notes"] = "; ".join(p for p in (v.get("notes"), f"Năm sinh: {year_only}") if p)
    if kind == "people":
        if v.get("full_name") and re.search(r"\d", v["full_name"]):
            prow.warnings.append(RowIssue(prow.row, fields["full_name"].label, "họ tên có chữ số; hãy kiểm tra lại."))
        v["unit_code"] = registry.unit_code_for(v.get("workplace")) or store.unit_code
        return
    if kind == "collectives":
        v["unit_code"] = store.unit_code
        if not v.get("kind") and v.get("name"):
            guessed = guess_collective_kind(v["name"])
            if guessed:
                v["kind"] = guessed
        return
    if kind == "households":
        if v.get("head_name"):
            v["head_name"] = _household_head(v["head_name"]) or v["head_name"]
        hamlet = v.pop("hamlet", None)
        v.pop("honorific", None)
        v["unit_code"] = registry.unit_code_for(hamlet) or store.unit_code
        if hamlet and not v.get("address"):
            v["address"] = hamlet
        return
    # nominations
    sk = v.get("subject_kind") or section_kind
    if not v.get("title") and section_title:
        v["title"] = section_title
    if not v.get("title") and "title" not in {e.field for e in prow.errors}:
        prow.errors.append(RowIssue(prow.row, fields["title"].label, "chưa nhập danh hiệu hoặc hình thức khen thưởng."))
    if sk is None:
        name = v.get("name") or ""
        if v.get("honorific") and vocab.resolve("honorific", v["honorific"]) is not None \
                and not fold(name).startswith("ho "):
            sk = "person"
        elif re.match(r"^\s*h[oộ]\s", name, re.IGNORECASE) and fold(name).startswith(("ho ong", "ho ba", "ho gia dinh")):
            sk = "household"
        elif v.get("title") in COLLECTIVE_TITLES:
            sk = "collective"
        elif v.get("title") == "GIA_DINH_VAN_HOA":
            sk = "household"
        else:
            sk = "person"
    prow.subject_kind = sk
    v["year"] = v.get("year") or year or _dt.date.today().year
    if sk == "person":
        v["unit_code"] = registry.unit_code_for(v.get("workplace")) or store.unit_code
    if sk == "collective" and v.get("title") in ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "CSTT"):
        prow.errors.append(RowIssue(prow.row, fields["title"].label,
                                    f"“{naming_of(store).title(v['title'])}” là danh hiệu cho cá nhân, không tặng cho tập thể."))
    if sk == "person" and v.get("title") in ("TLDTT", "TLDXS", "CO_TD_TINH", "CO_TD_CP"):
        prow.errors.append(RowIssue(prow.row, fields["title"].label,
                                    f"“{naming_of(store).title(v['title'])}” là danh hiệu cho tập thể; hãy ghi “Tập thể” ở cột Phân loại khen thưởng."))


# Columns read for one field and telling another: "Ngày sinh" over "Nam | Nữ".
_SPLIT_FIELDS = {"birth_date_male": ("birth_date", "male"), "birth_date_female": ("birth_date", "female")}


def _finish_nominee_class(
    kind: str, prow: PreviewRow, fields: dict[str, ImportField], section_kind: str | None,
    maps: Mapping[str, Mapping[str, str]], headers: Mapping[int, str], col_fields: Mapping[int, str],
) -> None:
    """The nominee class is read once the row's subject kind is known (people and collectives have their own)."""
    text = prow.values.pop("nominee_class", None)
    if not text:
        return
    if kind in AWARD_LISTS:
        sk = prow.values.get("subject_kind") or section_kind
    else:
        sk = _kind_of(kind)
    col = next((c for c, n in col_fields.items() if n == "nominee_class"), None)
    cell = _Cell(prow, headers.get(col, fields["nominee_class"].label) if col else fields["nominee_class"].label,
                 "nominee_class")
    value = _coded(fields["nominee_class"], str(text), cell, maps, subject_kind=sk)
    if value is not None:
        prow.values["nominee_class"] = value


def _existing_awards(store: Store, kind: str) -> dict[tuple[str, str, int], str]:
    """(subject, title, year) → the nomination, or the award already recorded, that a row would double."""
    if kind == "award_history":
        return {(h["subject_id"], h["code"], int(h["year"])): h["id"] for h in store.rows("award_history") if h["code"]}
    return {(n["subject_id"], n["title_code"], int(n["year"])): n["id"] for n in store.rows("nominations")}


def _find_duplicate(
    kind: str, prow: PreviewRow, registry: _Registry, seen: dict[tuple[str, ...], PreviewRow],
    seen_nominations: dict[tuple[str, str], int], existing: dict[tuple[str, str, int], str], naming: Naming,
) -> None:
    v = prow.values
    sk = prow.subject_kind or _kind_of(kind) or SubjectKind.PERSON.value
    name = v.get(_NAME_FIELD[kind]) or ""
    if sk == "household" and kind in AWARD_LISTS:
        name = _household_head(name) or name
    keys = _file_key(kind, sk, v, name)
    earlier = next((seen[k] for k in keys if k in seen), None)
    if earlier is not None:
        prow.duplicate = DuplicateMatch(
            earlier.duplicate.table if earlier.duplicate else SubjectKind(sk).table,
            earlier.duplicate.record_id if earlier.duplicate else None,
            str(earlier.values.get(_NAME_FIELD[kind])), "cùng người/tập thể", True, earlier.row,
        )
    else:
        if sk == "person":
            match = registry.match_person(v, name)
        elif sk == "collective":
            match = registry.match_collective(name)
        else:
            match = registry.match_household(name, v.get("address"))
        prow.duplicate = match
    for k in keys:
        seen.setdefault(k, prow)
    if prow.duplicate is not None:
        prow.action = "link"
    if kind in AWARD_LISTS:
        what = "đề nghị" if kind == "nominations" else "khen thưởng"
        subject_key = prow.duplicate.record_id if prow.duplicate and prow.duplicate.record_id else f"row:{prow.row}"
        if prow.duplicate and prow.duplicate.same_file_row is not None:
            subject_key = f"row:{prow.duplicate.same_file_row}" if not prow.duplicate.record_id else prow.duplicate.record_id
        title = str(v.get("title") or "")
        if prow.duplicate and prow.duplicate.record_id and (prow.duplicate.record_id, title, v["year"]) in existing:
            prow.existing_nomination = existing[(prow.duplicate.record_id, title, v["year"])]
            prow.action = "skip"
            prow.warnings.append(RowIssue(prow.row, "", f"đã có {what} “{naming.title(title)}” năm {v['year']} cho "
                                                        f"“{prow.duplicate.name}”; dòng này sẽ bỏ qua."))
        elif (subject_key, title) in seen_nominations:
            prow.action = "skip"
            prow.warnings.append(RowIssue(prow.row, "", f"lặp lại {what} ở dòng {seen_nominations[(subject_key, title)]}; "
                                                        "dòng này sẽ bỏ qua."))
        else:
            seen_nominations[(subject_key, title)] = prow.row


# --------------------------------------------------------------------------- apply

_PERSON_FIELDS = ("full_name", "gender", "birth_date", "position", "unit_code", "workplace", "id_number", "hometown",
                  "residence", "education", "academic_title", "nominee_class", "field", "phone", "notes")
_COLLECTIVE_FIELDS = ("name", "kind", "unit_code", "members_count", "women_count", "founded", "address",
                      "nominee_class", "field", "notes")
_HOUSEHOLD_FIELDS = ("head_name", "address", "unit_code", "members_count", "notes")
_DECISIONS = {"link": "link", "merge": "link", "create": "create", "new": "create", "skip": "skip"}


def _db_values(values: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    out = {}
    for name in names:
        value = values.get(name)
        if value is None or value == "":
            continue
        out[name] = value.isoformat() if isinstance(value, _dt.date) else value
    return out


def apply_import(
    store: Store,
    preview: ImportPreview,
    *,
    accept_errors: bool = False,
    decisions: Mapping[int, str] | None = None,
) -> ImportResult:
    """Write the rows of ``preview`` in one transaction.

    Rows with errors stop the whole import (:class:`ImportRefused`, nothing written) unless
    ``accept_errors``, which skips them. ``decisions`` maps a row number to "link" (use the
    matching record; the default for duplicates), "create" (a new record even so) or "skip".
    """
    decided: dict[int, str] = {}
    for row, choice in (decisions or {}).items():
        action = _DECISIONS.get(fold(str(choice)))
        if action is None:
            raise ExcelError(f"Dòng {row}: lựa chọn “{choice}” không hợp lệ (link, create hoặc skip).")
        decided[int(row)] = action
    rows_by_number = {r.row: r for r in preview.rows}
    unknown = sorted(set(decided) - set(rows_by_number))
    if unknown:
        raise ExcelError("Không có dòng dữ liệu " + ", ".join(map(str, unknown)) + " trong bản xem trước.")
    bad = preview.bad_rows
    if bad and not accept_errors:
        errors = preview.errors
        shown = "\n".join(f"  {e}" for e in errors[:40])
        more = f"\n  … và {len(errors) - 40} lỗi khác." if len(errors) > 40 else ""
        raise ImportRefused(
            f"Chưa nhập gì: {len(bad)} dòng có lỗi ({', '.join(str(r.row) for r in bad[:30])}"
            f"{'…' if len(bad) > 30 else ''}). Hãy sửa tệp rồi nhập lại, hoặc chọn bỏ qua các dòng lỗi.\n{shown}{more}",
            preview=preview,
        )
    created = {"people": 0, "collectives": 0, "households": 0, "nominations": 0}
    if preview.kind == "award_history":
        created["award_history"] = 0
    linked = filled = 0
    skipped: list[int] = []
    row_records: dict[int, str] = {}
    subject_of_row: dict[int, str] = {}
    if not store.on_server:
        _backups.before_import(store.path, what="tệp Excel")
    with store.atomic():
        if preview.value_map and preview.layout:
            # remembered for the next list of the same layout
            saved = store.meta_json(VALUE_MAPS_META, {}) or {}
            saved = dict(saved) if isinstance(saved, dict) else {}
            saved[preview.layout] = preview.value_map
            store.set_meta_json(VALUE_MAPS_META, saved)
        for prow in preview.rows:
            if not prow.ok:
                continue
            action = decided.get(prow.row, prow.action)
            if action == "link" and prow.duplicate is None:
                action = "create"
            if action == "skip" or (prow.existing_nomination and prow.row not in decided):
                skipped.append(prow.row)
                continue
            try:
                table, values = _subject_values(preview.kind, prow)
                subject_id: str | None = None
                if action == "link" and prow.duplicate is not None:
                    dup = prow.duplicate
                    subject_id = dup.record_id or subject_of_row.get(dup.same_file_row or -1)
                    if subject_id is not None and store.get(table, subject_id) is not None:
                        filled += _fill_blanks(store, table, subject_id, values)
                        linked += 1
                    else:
                        subject_id = None
                if subject_id is None:
                    subject_id = store.insert(table, values)["id"]
                    created[table] += 1
                subject_of_row[prow.row] = subject_id
                record_id = subject_id
                if preview.kind == "nominations":
                    record_id = store.insert("nominations", _nomination_values(store, preview, prow, subject_id))["id"]
                    created["nominations"] += 1
                elif preview.kind == "award_history":
                    record_id = store.insert("award_history", _history_values(naming_of(store), preview, prow, subject_id))["id"]
                    created["award_history"] += 1
                row_records[prow.row] = record_id
            except InputError as exc:
                raise ExcelError(f"Dòng {prow.row}: {exc}. Chưa nhập gì.") from exc
    return ImportResult(
        preview.kind, created, linked, filled, skipped, [r.row for r in bad], row_records, list(preview.notes)
    )


def _subject_values(kind: str, prow: PreviewRow) -> tuple[str, dict[str, Any]]:
    v = prow.values
    if kind == "people":
        return "people", _db_values(v, _PERSON_FIELDS)
    if kind == "collectives":
        return "collectives", _db_values(v, _COLLECTIVE_FIELDS)
    if kind == "households":
        return "households", _db_values(v, _HOUSEHOLD_FIELDS)
    sk = prow.subject_kind or "person"
    name = v["name"]
    if sk == "person":
        values = dict(v, full_name=name)
        values.pop("notes", None)
        return "people", _db_values(values, _PERSON_FIELDS)
    if sk == "collective":
        values = dict(v, kind=guess_collective_kind(name))
        values.pop("notes", None)
        return "collectives", _db_values(values, _COLLECTIVE_FIELDS)
    return "households", _db_values({"head_name": _household_head(name) or name, "address": v.get("workplace")}, _HOUSEHOLD_FIELDS)


def _fill_blanks(store: Store, table: str, record_id: str, values: Mapping[str, Any]) -> int:
    current = store.require(table, record_id)
    changes = {k: val for k, val in values.items() if current.get(k) in (None, "") and k != "unit_code"}
    if changes:
        store.update(table, record_id, changes)
    return len(changes)


def _history_values(naming: Naming, preview: ImportPreview, prow: PreviewRow, subject_id: str) -> dict[str, Any]:
    v = prow.values
    values: dict[str, Any] = {
        "subject_kind": prow.subject_kind or "person",
        "subject_id": subject_id,
        "year": v.get("year") or preview.year or _dt.date.today().year,
        "code": v["title"],
        "award_name": naming.title(v["title"]),
        "award_kind": v.get("award_kind"),
        "decision_number": v.get("decision_number"),
        "decision_date": v.get("decision_date"),
        "issuer": v.get("issuer"),
        "source": "excel",
    }
    return {k: val for k, val in values.items() if val is not None}


def _nomination_values(store: Store, preview: ImportPreview, prow: PreviewRow, subject_id: str) -> dict[str, Any]:
    v = prow.values
    sk = prow.subject_kind or "person"
    name = clean(v["name"])
    if sk == "household" and not fold(name).startswith("ho "):
        honorific = clean(v.get("honorific") or "").lower()
        name = f"Hộ {honorific} {name}" if honorific else f"Hộ {name}"
    values: dict[str, Any] = {
        "subject_kind": sk,
        "subject_id": subject_id,
        "subject_name": name,
        "title_code": v["title"],
        "award_kind": v.get("award_kind") or "cong_trang",
        "year": v.get("year") or preview.year or _dt.date.today().year,
        "period": str(v.get("year") or preview.year or _dt.date.today().year),
        "achievement": v.get("achievement"),
        "nominee_class": v.get("nominee_class"),
        "field": v.get("field"),
        "status": "draft",
        "unit_code": store.unit_code,
        "campaign_id": preview.campaign_id,
        "status_reason": None,
    }
    return {k: val for k, val in values.items() if val is not None}
