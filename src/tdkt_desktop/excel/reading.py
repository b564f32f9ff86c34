"""Opening a spreadsheet a person chose — an .xlsx workbook or a CSV text file — with a clear Vietnamese
message for every way it can be wrong. :func:`open_table` picks the reader; both give the same rows."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tdkt_desktop.core.errors import file_error
from tdkt_desktop.excel import legacy
from tdkt_desktop.excel.errors import ExcelError

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_SAVE_AS = "Hãy mở tệp trong Excel, chọn Tệp → Lưu thành (File → Save As), kiểu “Excel Workbook (*.xlsx)”, rồi nhập lại tệp .xlsx đó."

# Stop reading a sheet after this many empty rows in a row (formatting down to row 1 048 576).
EMPTY_RUN_LIMIT = 500


def check_workbook_file(path: str | Path) -> Path:
    """Refuse anything that is not a readable .xlsx workbook, saying what it is and what to do."""
    p = Path(path)
    if not p.exists():
        raise ExcelError(f"Không tìm thấy tệp {p}. Hãy kiểm tra lại đường dẫn và tên tệp.")
    if p.is_dir():
        raise ExcelError(f"{p} là một thư mục, không phải tệp Excel.")
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise file_error(exc, p, reading=True) from exc
    if not head:
        raise ExcelError(f"Tệp {p.name} rỗng (0 byte). Hãy chọn lại tệp Excel có dữ liệu.")
    if head.startswith(_OLE2):
        if _mentions_encryption(p):
            raise ExcelError(
                f"Tệp {p.name} được đặt mật khẩu. Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ "
                "sổ làm việc → Mã hóa bằng mật khẩu, để trống) rồi lưu lại và nhập lại."
            )
        raise ExcelError(f"Tệp {p.name} là định dạng Excel 97–2003 (.xls) cũ, chưa đọc được trực tiếp. {_SAVE_AS}")
    if not head.startswith(_ZIP):
        lowered = head.lower()
        if b"<html" in lowered or b"<table" in lowered or b"<?xml" in lowered:
            raise ExcelError(
                f"Tệp {p.name} thực chất là trang web hoặc XML (thường gặp khi tải “Excel” từ phần mềm khác), "
                f"không phải tệp Excel .xlsx. {_SAVE_AS}"
            )
        if _looks_like_text(head):
            raise ExcelError(f"Tệp {p.name} là tệp văn bản (CSV hoặc TXT), không phải tệp Excel .xlsx. Hãy đổi đuôi tệp "
                             f"thành .csv rồi nhập lại; hoặc: {_SAVE_AS}")
        raise ExcelError(f"Tệp {p.name} không phải là tệp Excel .xlsx (không nhận ra định dạng). {_SAVE_AS}")
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names:
                if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype"):
                    raise ExcelError(
                        f"Tệp {p.name} là bảng tính LibreOffice/OpenOffice (.ods). Hãy mở bằng LibreOffice và lưu "
                        "thành “Excel 2007-365 (.xlsx)” rồi nhập lại."
                    )
                if "word/document.xml" in names:
                    raise ExcelError(f"Tệp {p.name} là văn bản Word, không phải bảng tính Excel. Hãy chọn tệp .xlsx.")
                raise ExcelError(f"Tệp {p.name} là tệp nén, không phải bảng tính Excel .xlsx. Hãy chọn đúng tệp.")
            bad = zf.testzip()
            if bad is not None:
                raise ExcelError(f"Tệp {p.name} bị hỏng (phần “{bad}” không đọc được). {_CORRUPT_HINT}")
    except zipfile.BadZipFile as exc:
        raise ExcelError(f"Tệp {p.name} bị hỏng hoặc chưa tải/chép xong. {_CORRUPT_HINT}") from exc
    return p


_CORRUPT_HINT = "Hãy mở tệp trong Excel (Excel có thể sửa được), lưu lại thành .xlsx, hoặc xin lại bản gốc."


def _mentions_encryption(path: Path) -> bool:
    try:
        data = path.read_bytes()[:2_000_000]
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-8", "cp1252"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


class Workbook:
    """A workbook opened for reading (read-only, cached formula values); use as a context manager."""

    def __init__(self, path: str | Path) -> None:
        self.path = check_workbook_file(path)
        self.notes: list[str] = []
        try:
            self._wb = load_workbook(self.path, read_only=True, data_only=True)
        except ExcelError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise ExcelError(f"Không đọc được tệp {self.path.name}: tệp bị hỏng hoặc không đúng định dạng .xlsx. {_CORRUPT_HINT}") from exc

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._wb.close()

    @property
    def sheet_names(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def rows(self, sheet: str, *, limit: int | None = None) -> Iterator[list[Any]]:
        """The values of each row (trailing empty cells dropped); stops after a long run of empty rows."""
        ws = self._wb[sheet]
        empty_run = 0
        try:
            for n, values in enumerate(ws.iter_rows(min_row=1, values_only=True), 1):
                row = list(values)
                while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
                    row.pop()
                if row:
                    empty_run = 0
                else:
                    empty_run += 1
                    if empty_run > EMPTY_RUN_LIMIT:
                        return
                yield row
                if limit is not None and n >= limit:
                    return
        except ExcelError:
            raise
        except Exception as exc:
            raise ExcelError(f"Trang tính “{sheet}” của tệp {self.path.name} bị hỏng, không đọc hết được. {_CORRUPT_HINT}") from exc


# --------------------------------------------------------------------------- CSV

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
MAX_CSV_BYTES = 50 * 1024 * 1024
_DELIMITERS = ",;\t|"
# Windows-1252 for 0x80–0x9F where it defines a character, Latin-1 elsewhere: every byte reads as one character,
# as the legacy TCVN3/VNI converter expects of text typed with the old fonts.
_CP1252_HIGH = {i: bytes([i]).decode("cp1252", errors="replace") for i in range(0x80, 0xA0)}


def _decode_8bit(raw: bytes) -> str:
    return raw.decode("latin-1").translate({i: ch for i, ch in _CP1252_HIGH.items() if ch != "\ufffd"})


def decode_text(raw: bytes, name: str) -> tuple[str, str | None]:
    """The text of a CSV file and a note on its encoding when it was not UTF-8: UTF-8 (with or without a byte
    order mark), UTF-16 with a byte order mark (Excel's “Unicode Text”), Windows-1258 (Excel's CSV on Vietnamese
    Windows), or Windows-1252 — whose cells typed with the TCVN3 (.VnTime) or VNI fonts the importer converts
    (see :mod:`tdkt_desktop.excel.legacy`). The 8-bit reading kept is the one that reads most like Vietnamese."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            raise ExcelError(f"Tệp {name} ghi theo UTF-16 nhưng bị hỏng. Hãy lưu lại tệp với bảng mã UTF-8.") from None
    if b"\x00" in raw[:4096]:
        raise ExcelError(f"Tệp {name} không phải tệp văn bản CSV (có ký tự nhị phân). Hãy chọn tệp .csv hoặc .xlsx.")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    western = _decode_8bit(raw)
    vietnamese = unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))
    legacy_score = sum(legacy.syllable_score(legacy.best_decoding(line)[1]) for line in western.splitlines())
    if legacy.syllable_score(vietnamese) > legacy_score and "\ufffd" not in vietnamese:
        return vietnamese, f"Tệp {name} không ghi theo UTF-8: đã đọc theo bảng mã Windows-1258 (tiếng Việt)."
    return western, None  # cells in TCVN3/VNI are converted and noted by the importer


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most cells (a title row with a comma in it does not
    outweigh a table separated by semicolons or tabs); a comma when none splits anything."""
    sample = text.splitlines()[:50]

    def cells(delimiter: str) -> int:
        try:
            return sum(len(row) - 1 for row in csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            return 0

    best = max(_DELIMITERS, key=cells)
    return best if cells(best) > 0 else ","


class CsvTable:
    """A CSV text file read like a workbook of one sheet named after the file; use as a context manager.

    Cells are text (an empty cell is ``None``): numbers, dates and codes are read by the importer as a person
    writes them ("7,5", "05/01/2026", "012345678901" keeps its leading zero). The delimiter (comma, semicolon —
    what Excel writes where the decimal mark is a comma —, tab or bar) is recognised."""

    def __init__(self, path: str | Path) -> None:
        p = Path(path)
        if not p.exists():
            raise ExcelError(f"Không tìm thấy tệp {p}. Hãy kiểm tra lại đường dẫn và tên tệp.")
        if p.is_dir():
            raise ExcelError(f"{p} là một thư mục, không phải tệp CSV.")
        try:
            with p.open("rb") as fh:
                raw = fh.read(MAX_CSV_BYTES + 1)
        except OSError as exc:
            raise file_error(exc, p, reading=True) from exc
        if len(raw) > MAX_CSV_BYTES:
            raise ExcelError(f"Tệp {p.name} quá lớn (tối đa 50 MB). Hãy chia danh sách thành nhiều tệp.")
        if raw.startswith((_ZIP, _OLE2)):
            raise ExcelError(f"Tệp {p.name} là bảng tính Excel chứ không phải văn bản CSV. Hãy đổi đuôi tệp thành "
                             ".xlsx (hoặc lưu lại thành CSV) rồi nhập lại.")
        text, note = decode_text(raw, p.name)
        if not text.strip():
            raise ExcelError(f"Tệp {p.name} rỗng. Hãy chọn lại tệp có dữ liệu.")
        self.path = p
        self.notes = [note] if note else []
        try:
            self._rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))]
        except csv.Error as exc:
            raise ExcelError(f"Tệp {p.name} không đọc được theo dạng CSV ({exc}). Hãy mở tệp trong Excel và lưu lại "
                             "thành “CSV UTF-8” hoặc .xlsx.") from None

    def __enter__(self) -> CsvTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._rows = []

    @property
    def sheet_names(self) -> list[str]:
        return [self.path.stem]

    def rows(self, sheet: str, *, limit: int | None = None) -> Iterator[list[Any]]:
        for n, values in enumerate(self._rows, 1):
            row: list[Any] = [v if v.strip() else None for v in values]
            while row and row[-1] is None:
                row.pop()
            yield row
            if limit is not None and n >= limit:
                return


def open_table(path: str | Path) -> Workbook | CsvTable:
    """The reader for ``path``: a CSV text file by its name (.csv, .txt, .tsv), else an .xlsx workbook."""
    return CsvTable(path) if Path(path).suffix.lower() in CSV_SUFFIXES else Workbook(path)
