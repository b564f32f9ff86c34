"""Document details read from a pasted directive (Chỉ thị, Kế hoạch…): number, date, subject line, signer,
the national movements it names. Every value is only a proposal shown in the editor's fields."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from tdkt_desktop.core.text import clean, nfc, parse_long_date

_NUMBER = re.compile(r"Số\s*:?\s*(\d+)\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ]+(?:\s*-\s*[A-ZĐ]+)*)", re.IGNORECASE)
_HEADINGS = {"CHỈ THỊ": "CT", "KẾ HOẠCH": "KH", "QUYẾT ĐỊNH": "QĐ", "THÔNG BÁO": "TB", "CÔNG VĂN": "CV"}
_SUBJECT = re.compile(r"^\s*(?:Về việc|V/v)\b.*$", re.IGNORECASE | re.MULTILINE)
_MOVEMENT = re.compile(r"phong trào thi đua(?:\s+đặc biệt)?\s+[“\"]([^”\"]{6,200})[”\"]", re.IGNORECASE)
_YEAR = re.compile(r"năm\s+(\d{4})")
_TITLE_WORDS = re.compile(r"^(?:\*\*)?\s*(?:TM\.|KT\.|Q\.|TL\.|TUQ\.)?\s*[A-ZĐÀ-Ỹ .\-]+(?:\*\*)?$")


@dataclass
class DirectiveGuess:
    doc_kind: str = ""
    doc_number: str = ""
    doc_date: _dt.date | None = None
    subject: str = ""
    name: str = ""
    year: int | None = None
    signer: str = ""
    signer_title: str = ""
    movements: list[str] = field(default_factory=list)

    def found(self) -> bool:
        return bool(self.doc_number or self.subject or self.doc_date)


def _strip_marks(text: str) -> str:
    return clean(text.replace("**", "").replace("*", ""))


def guess_directive(text: str | None) -> DirectiveGuess:
    """What can be read with confidence from the text of a directive; empty fields when not found."""
    raw = nfc(text or "")
    g = DirectiveGuess()
    head = raw[:3000]
    m = _NUMBER.search(head)
    if m:
        number, year, code = m.group(1), m.group(2), re.sub(r"\s+", "", m.group(3)).upper()
        g.doc_number = f"{number}/{year}/{code}" if year else f"{number}/{code}"
        kind = code.split("-")[0]
        if kind in ("CT", "KH", "QĐ", "TB", "CV"):
            g.doc_kind = kind
    for word, kind in _HEADINGS.items():
        if re.search(rf"^\s*{word}\s*$", head, re.MULTILINE):
            g.doc_kind = g.doc_kind or kind
            break
    g.doc_date = parse_long_date(head)
    sm = _SUBJECT.search(head)
    if sm:
        g.subject = _strip_marks(sm.group(0))
        low = g.subject
        i = low.lower().find("phong trào thi đua")
        if i >= 0:
            rest = low[i:]
            g.name = rest[:1].upper() + rest[1:]
        ym = _YEAR.search(g.subject)
        if ym:
            g.year = int(ym.group(1))
    if g.year is None and g.doc_date is not None:
        g.year = g.doc_date.year + (1 if g.doc_date.month == 12 else 0)
    seen: set[str] = set()
    for mv in _MOVEMENT.finditer(raw):
        name = _strip_marks(mv.group(1))
        if name and name.lower() not in seen:
            seen.add(name.lower())
            g.movements.append(name)
    lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip()]
    if lines:
        last = _strip_marks(lines[-1])
        words = last.split(" ")
        if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not last.isupper():
            g.signer = last
            titles: list[str] = []
            for ln in reversed(lines[:-1][-4:]):
                s = _strip_marks(ln)
                if s and s.isupper() and _TITLE_WORDS.match(s):
                    titles.insert(0, s)
                elif titles:
                    break
            g.signer_title = " - ".join(titles)
    return g
