"""The text of a directive file as the office received it: plain text, Word (.docx) or a PDF with text.

Word files are read with python-docx, body paragraphs and tables in document order; automatic numbering
("1.", "a)", "-") is written out in front of its paragraph, as a person sees it, so that numbered items
and bullets read the same as in a pasted text; a table cell's paragraphs become lines of their own (the
header and signature blocks of NĐ 30/2020 are often two-column tables). PDF text is read with pdfium,
page by page. Whatever cannot be read gets a :class:`DirectiveFileError` saying what to do.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tdkt_desktop.core.errors import UserError, describe_os_error
from tdkt_desktop.core.text import nfc

__all__ = ["SUPPORTED_SUFFIXES", "DirectiveFileError", "document_text"]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
# Fewer letters than this on every page: a scanned PDF.
_MIN_LETTERS_PER_PAGE = 20


class DirectiveFileError(UserError):
    """A directive file that cannot be read; the message says why and what to do."""


def document_text(path: str | Path) -> str:
    """The text of ``path`` (.txt, .docx or .pdf), NFC, lines separated by "\\n"."""
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.exists():
        raise DirectiveFileError(f"Không tìm thấy tệp “{p}”. Kiểm tra lại đường dẫn.")
    if p.is_dir():
        raise DirectiveFileError(f"“{p}” là một thư mục, không phải tệp văn bản. Hãy chọn tệp .docx, .pdf hoặc .txt.")
    try:
        head = p.read_bytes()[:8]
    except OSError as exc:
        raise DirectiveFileError(describe_os_error(exc, path=p, reading=True)) from exc
    if suffix == ".doc" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DirectiveFileError(
            f"Tệp “{p.name}” là văn bản Word cũ (.doc). Hãy mở bằng Word, chọn Lưu thành (Save As) kiểu "
            "“Word Document (*.docx)” rồi mở lại tệp .docx."
        )
    if suffix == ".docx" or (suffix not in (".pdf", ".txt") and head.startswith(b"PK")):
        return _docx_text(p)
    if suffix == ".pdf" or head.startswith(b"%PDF"):
        return _pdf_text(p)
    if suffix in (".txt", ".text", "") or suffix not in (".rtf", ".odt", ".xlsx", ".xls"):
        return _plain_text(p)
    raise DirectiveFileError(
        f"Chưa đọc được tệp “{p.name}”. Hãy lưu văn bản thành .docx, .pdf (có chữ) hoặc .txt, hoặc dán nội dung."
    )


# --------------------------------------------------------------------------- plain text


def _plain_text(p: Path) -> str:
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DirectiveFileError(describe_os_error(exc, path=p, reading=True)) from exc
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return _normalise(raw.decode(encoding, errors="replace"))
    try:
        return _normalise(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DirectiveFileError(
            f"Tệp “{p.name}” không phải văn bản Unicode (UTF-8), có thể gõ bằng phông TCVN3 hoặc VNI. Hãy mở "
            "bằng Word rồi lưu thành .docx, hoặc lưu lại với bảng mã Unicode (UTF-8), rồi thử lại."
        ) from None


def _normalise(text: str) -> str:
    return nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


# --------------------------------------------------------------------------- Word


def _docx_text(p: Path) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DirectiveFileError(
            f"Tệp “{p.name}” không mở được như văn bản Word (.docx): tệp hỏng, có mật khẩu hoặc không phải "
            "tệp Word. Hãy mở bằng Word, lưu lại thành .docx (không đặt mật khẩu) rồi thử lại."
        ) from exc
    except OSError as exc:
        raise DirectiveFileError(describe_os_error(exc, path=p, reading=True)) from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in _blocks(document):
        if block.__class__.__name__ == "Paragraph":
            lines.append(numbering.label(block) + block.text)
        else:
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a merged cell appears once per column it spans
                    seen.add(id(cell._tc))
                    for para in cell.paragraphs:
                        lines.append(numbering.label(para) + para.text)
                    lines.append("")
    return _normalise("\n".join(lines))


def _blocks(document: Any) -> Iterator[Any]:
    """Body paragraphs and tables in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Numbering:
    """Automatic list numbers written out ("1. ", "a) ", "- "), counted as Word counts them."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.styles: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[an.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self.formats[(num.get(f"{_W}numId", ""), ilvl)] = spec
        for style in document.styles.element.findall(f"{_W}style"):
            ppr = style.find(f"{_W}pPr")
            num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
            if num_pr is not None:
                num_id = num_pr.find(f"{_W}numId")
                ilvl = num_pr.find(f"{_W}ilvl")
                if num_id is not None:
                    self.styles[style.get(f"{_W}styleId", "")] = (
                        num_id.get(f"{_W}val", ""), int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
                    )

    def label(self, paragraph: Any) -> str:
        if not self.formats:
            return ""
        ppr = paragraph._p.pPr
        num_id: str | None = None
        ilvl = 0
        if ppr is not None and ppr.numPr is not None:
            if ppr.numPr.numId is not None:
                num_id = str(ppr.numPr.numId.val)
            if ppr.numPr.ilvl is not None:
                ilvl = int(ppr.numPr.ilvl.val)
        elif paragraph.style is not None and paragraph.style.style_id in self.styles:
            num_id, ilvl = self.styles[paragraph.style.style_id]
        if not num_id or num_id == "0" or (num_id, ilvl) not in self.formats:
            return ""
        key = (num_id, ilvl)
        fmt, text, start = self.formats[key]
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""

        def level_value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lvl_fmt = self.formats.get((num_id, level), ("decimal", "", 1))[0]
            n = self.counters.get((num_id, level), 1)
            return _format_number(n, lvl_fmt)

        out = re.sub(r"%(\d)", level_value, text)
        return f"{out} " if out else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return "abcdefghiklmnopqrstuvxy"[(n - 1) % 23]
    if fmt == "upperLetter":
        return "ABCDEFGHIKLMNOPQRSTUVXY"[(n - 1) % 23]
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


# --------------------------------------------------------------------------- PDF


def _pdf_text(p: Path) -> str:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise DirectiveFileError(
                f"Tệp PDF “{p.name}” có mật khẩu. Hãy xin bản không đặt mật khẩu, hoặc mở rồi in ra PDF mới."
            ) from exc
        raise DirectiveFileError(
            f"Tệp “{p.name}” không mở được như tệp PDF (tệp hỏng hoặc không phải PDF). Hãy xin lại tệp, hoặc dùng "
            "bản Word (.docx)."
        ) from exc
    except OSError as exc:
        raise DirectiveFileError(describe_os_error(exc, path=p, reading=True)) from exc
    try:
        pages: list[str] = []
        letters = 0
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            letters += sum(1 for ch in text if ch.isalpha())
            pages.append(_unwrap(_normalise(text)))
    finally:
        pdf.close()
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(pages):
        raise DirectiveFileError(
            f"Tệp PDF “{p.name}” không có chữ để đọc (có thể là bản quét, chỉ có hình ảnh). Hãy dùng bản Word "
            "(.docx) hoặc bản PDF xuất từ Word, hoặc gõ/dán nội dung văn bản."
        )
    return "\n\n".join(pages)


_STARTS_ITEM = re.compile(r"^\s*(?:[-+•–*]|\(?\d{1,2}[.)]|[IVXLC]{1,5}\.|\(?[a-zđ]\)|Điều \d|Nơi nhận|Căn cứ)", re.IGNORECASE)


def _unwrap(page: str) -> str:
    """Join the lines of a page that the PDF wrapped inside a paragraph.

    A PDF holds lines, not paragraphs. A line is a wrapped part of a paragraph when it is nearly as wide
    as the page's longest lines and the next line does not start an item, a heading or a new clause
    ("- …", "2. …", "Điều 3.", "Căn cứ …"); such lines are joined with a space.
    """
    lines = [line.rstrip() for line in page.split("\n")]
    longest = sorted((len(line) for line in lines if line.strip()), reverse=True)
    if not longest:
        return page
    full = longest[min(len(longest) - 1, max(0, len(longest) // 10))]  # a full line, ignoring outliers
    out: list[str] = []
    previous = ""
    for line in lines:
        if (
            out
            and previous.strip()
            and line.strip()
            and len(previous) >= 0.8 * full
            and not previous.rstrip().endswith(":")
            and not _STARTS_ITEM.match(line)
        ):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
        previous = line
    return "\n".join(out)
