"""The document model: what a filled template says, before it becomes PDF (``printing.pdf``) or Word
(``printing.word``).

The renderer reads a template of ``forms/`` and a context once and builds one :class:`Document` (or a
:class:`CertificateSet`); each output format turns the same nodes into its own objects, so a PDF and a .docx
of one document carry the same text, the same sizes, the same blocks and the same page geometry.

Text is paragraph markup: ``<b>``, ``<i>``, ``<br/>`` and XML entities (``&amp;``, ``&lt;``, ``&gt;``).
Sizes are points; lengths are points unless the name says ``_mm``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tdkt_desktop.printing.layout import PageStyle

__all__ = [
    "Cell",
    "CertificateLine",
    "CertificatePage",
    "CertificateSet",
    "Columns",
    "Document",
    "Gap",
    "Grid",
    "Header",
    "Node",
    "PageBreak",
    "Para",
    "Rule",
    "Run",
    "runs",
]


@dataclass
class Para:
    """A paragraph. ``indent`` is the first-line indent; ``keep_with_next`` never leaves it at a page's foot."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # left, center, right, justify
    indent: float = 0.0
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 6.0
    leading: float = 0.0  # distance between baselines; 0 = 1.2 × size
    keep_with_next: bool = False
    color: str = "black"

    def __post_init__(self) -> None:
        if not self.leading:
            self.leading = self.size * 1.2


@dataclass
class Header:
    """The two header blocks of NĐ 30/2020 and the number / place-and-date line."""

    parent: str
    issuer: str  # lines separated by "\n"
    number_text: str | None
    place_date: str | None
    national: bool = False
    excerpt: str = ""  # a công văn's "V/v …" under its number (markup)


@dataclass
class Rule:
    """A short centred line (under the subject, under a list's title)."""

    length: float
    space_before: float = 5.0
    space_after: float = 10.0


@dataclass
class Gap:
    height: float


@dataclass
class PageBreak:
    pass


@dataclass
class Cell:
    text: str
    align: str = "left"
    bold: bool = False
    italic: bool = False
    span: int = 1  # columns this cell covers (the following cells of the row are left out)


@dataclass
class Grid:
    """A ruled table: ``header_rows`` repeat on every page; ``keep_rows`` last rows travel with what follows."""

    widths: list[float]
    rows: list[list[Cell]]
    size: float
    header_rows: int = 1
    leading: float = 0.0
    space_after: float = 8.0

    def __post_init__(self) -> None:
        if not self.leading:
            self.leading = self.size * 1.2


@dataclass
class Columns:
    """Blocks side by side without borders (Nơi nhận and signature; several signatures; Kính gửi lists).

    ``rows`` × columns, each cell a list of paragraphs, gaps and short rules. ``role`` names what it is ("closing",
    "signatures", "addressee", "frame" — a statistical form's heading), so that a signature block is never left
    alone on a page."""

    widths: list[float]
    rows: Sequence[Sequence[Sequence[Para | Gap | Rule]]]
    role: str = ""
    padding: float = 0.0
    space_before: float = 0.0


Node = Para | Header | Rule | Gap | PageBreak | Grid | Columns


@dataclass
class Document:
    """A whole document: page geometry, its nodes in order and what the file says about itself."""

    style: PageStyle
    landscape: bool
    nodes: list[Node]
    title: str
    author: str
    subject: str
    draft: bool = False
    keywords: list[str] = field(default_factory=list)


@dataclass
class CertificateLine:
    """One placed text or rule of a certificate page; ``top`` and ``x``/``width`` in points from the top left."""

    id: str
    lines: list[str]  # already wrapped: one entry per printed line (markup)
    size: float
    bold: bool
    italic: bool
    color: str
    align: str
    x: float
    width: float
    top: float
    leading: float
    rule: float = 0.0  # > 0: a rule of this length instead of text, centred at x + width / 2
    omitted: bool = False  # pre-printed on the stock: placed (for the layout) but not printed
    group: str | None = None  # "sign": the signature column; "left": the numbers at the bottom left
    anchor: bool = False  # the signer's name: the signature column stands on it

    @property
    def bottom(self) -> float:
        return self.top + (self.leading * len(self.lines) if not self.rule else 0.0)


@dataclass
class CertificatePage:
    elements: list[CertificateLine]


@dataclass
class CertificateSet:
    """Certificates (Giấy khen, Bằng): one page each, every element placed."""

    pagesize: tuple[float, float]
    pages: list[CertificatePage]
    title: str
    author: str
    subject: str
    border: dict[str, object] | None  # None on pre-printed stock
    offsets: tuple[float, float] = (0.0, 0.0)  # printer offsets on stock, points (x right, y down)
    draft: bool = False
    keywords: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Run:
    """A run of text with one style (from paragraph markup), for formats without markup."""

    text: str
    bold: bool = False
    italic: bool = False
    newline: bool = False  # a line break before this run


_TAG = re.compile(r"(<[^>]+>)")


def runs(markup: str, *, bold: bool = False, italic: bool = False) -> list[Run]:
    """Paragraph markup → runs: ``<b>``/``<i>`` toggle the style, ``<br/>`` breaks the line, entities decoded."""
    out: list[Run] = []
    b, i = [bold], [italic]
    newline = False
    for part in _TAG.split(markup):
        if not part:
            continue
        if part.startswith("<"):
            tag = part.strip("<>/ ").split()[0].lower() if part.strip("<>/ ") else ""
            closing = part.startswith("</")
            if tag == "br":
                newline = True
            elif tag in ("b", "strong"):
                b.append(True) if not closing else (len(b) > 1 and b.pop())
            elif tag in ("i", "em"):
                i.append(True) if not closing else (len(i) > 1 and i.pop())
            continue
        out.append(Run(html.unescape(part), bold=b[-1], italic=i[-1], newline=newline))
        newline = False
    if newline:
        out.append(Run("", bold=b[-1], italic=i[-1], newline=True))
    return out


def plain(markup: str) -> str:
    """The text of paragraph markup (line breaks as "\\n")."""
    return "".join(("\n" if r.newline else "") + r.text for r in runs(markup))
