"""Opening a spreadsheet a person chose, with a clear Vietnamese message for every way it can be wrong."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tdkt_desktop.core.errors import file_error
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
            raise ExcelError(f"Tệp {p.name} là tệp văn bản (CSV hoặc TXT), không phải tệp Excel .xlsx. {_SAVE_AS}")
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
