"""The printing font: Times New Roman where the system has it, otherwise a metric-compatible serif.

NĐ 30/2020 asks for Times New Roman (Unicode). Many Linux machines do not have it; Liberation Serif 2.x
(Debian/Ubuntu package ``fonts-liberation2``) and Tinos (``fonts-croscore``) have the same metrics and complete
Vietnamese coverage. Liberation Serif 1.x (package ``fonts-liberation``) lacks ơ, ư and the dot-below tones, so
every candidate is checked against the full Vietnamese alphabet before it is used: a printed page must never
show boxes or lose a tone.

The four faces are registered with reportlab as one family (:data:`FAMILY`) and embedded as subsets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from tdkt_desktop.printing.errors import FontError

__all__ = [
    "FAMILY",
    "VIETNAMESE_LETTERS",
    "FontSet",
    "find_font_set",
    "font_name",
    "missing_vietnamese",
    "register_fonts",
]

FAMILY = "TDKTSerif"
STYLES = ("regular", "bold", "italic", "bolditalic")

# Every Vietnamese letter, lower and upper case: 12 vowels × 6 tones, đ, and the plain consonants.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_lower = {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | set("bcdđghklmnpqrstvx")
VIETNAMESE_LETTERS = "".join(sorted(_lower | {c.upper() for c in _lower}))


@dataclass(frozen=True)
class FontSet:
    """Four TrueType files of one family."""

    family_label: str  # "Times New Roman", "Liberation Serif", "Tinos"
    regular: Path
    bold: Path
    italic: Path
    bolditalic: Path

    def path(self, style: str) -> Path:
        found: Path = getattr(self, style)
        return found


# File names of each family's faces, in the order regular, bold, italic, bold italic.
_CANDIDATES: list[tuple[str, tuple[tuple[str, ...], ...]]] = [
    (
        "Times New Roman",
        (
            ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf", "timesnewroman.ttf"),
            ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf", "TimesNewRomanBold.ttf"),
            ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf", "TimesNewRomanItalic.ttf"),
            (
                "timesbi.ttf",
                "Times New Roman Bold Italic.ttf",
                "Times_New_Roman_Bold_Italic.ttf",
                "TimesNewRomanBoldItalic.ttf",
            ),
        ),
    ),
    (
        "Liberation Serif",
        (
            ("LiberationSerif-Regular.ttf",),
            ("LiberationSerif-Bold.ttf",),
            ("LiberationSerif-Italic.ttf",),
            ("LiberationSerif-BoldItalic.ttf",),
        ),
    ),
    (
        "Tinos",
        (("Tinos-Regular.ttf",), ("Tinos-Bold.ttf",), ("Tinos-Italic.ttf",), ("Tinos-BoldItalic.ttf",)),
    ),
]

_FC_STYLES = {"regular": ("Regular", "Normal", "Roman"), "bold": ("Bold",), "italic": ("Italic",),
              "bolditalic": ("Bold Italic", "BoldItalic")}


def font_dirs() -> list[Path]:
    """Folders searched for font files, most specific first."""
    dirs: list[Path] = []
    extra = os.environ.get("TDKT_FONT_DIR")
    if extra:
        dirs.append(Path(extra))
    try:
        from tdkt_desktop.paths import resources_dir

        dirs.append(resources_dir() / "fonts")
    except RuntimeError:
        pass
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.append(windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            Path.home() / "Library" / "Fonts",
            Path("/System/Library/Fonts"),
        ]
    else:
        dirs += [
            Path("/usr/share/fonts/truetype/msttcorefonts"),
            Path("/usr/share/fonts/truetype/liberation2"),
            Path("/usr/share/fonts/liberation-serif-fonts"),
            Path("/usr/share/fonts/liberation-serif"),
            Path("/usr/share/fonts/liberation"),
            Path("/usr/share/fonts/truetype/croscore"),
            Path("/usr/share/fonts/google-crosextra-tinos"),
            Path("/usr/share/fonts/truetype/liberation"),
            Path.home() / ".local" / "share" / "fonts",
            Path.home() / ".fonts",
        ]
    return dirs


def _fc_list(family: str) -> dict[str, list[Path]]:
    """Files fontconfig knows for ``family``, by style; empty where there is no fc-list."""
    exe = shutil.which("fc-list")
    if not exe:
        return {}
    try:
        out = subprocess.run(
            [exe, f":family={family}", "--format", "%{file}|%{style}\n"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, list[Path]] = {s: [] for s in STYLES}
    for line in out.splitlines():
        file, _, style = line.partition("|")
        if not file.lower().endswith(".ttf"):
            continue
        names = [s.strip() for s in style.split(",")]
        for key, accepted in _FC_STYLES.items():
            if any(n in accepted for n in names):
                found[key].append(Path(file))
    return found


def missing_vietnamese(path: Path) -> str:
    """The Vietnamese letters that the font file has no glyph for ("" when complete)."""
    cmap = TTFontFile(str(path)).charToGlyph
    return "".join(ch for ch in VIETNAMESE_LETTERS if ord(ch) not in cmap)


def _complete(paths: list[Path]) -> bool:
    try:
        return all(not missing_vietnamese(p) for p in paths)
    except Exception:  # an unreadable or odd font file is simply not a candidate
        return False


def find_font_set() -> FontSet:
    """The best available font family with complete Vietnamese coverage.

    Raises :class:`FontError` (Vietnamese message naming the package to install) when there is none.
    The environment variable ``TDKT_PRINT_FONT`` (``times``/``liberation``/``tinos``) restricts the choice.
    """
    wanted = os.environ.get("TDKT_PRINT_FONT", "").strip().lower()
    dirs = [d for d in font_dirs() if d.is_dir()]
    rejected: list[str] = []
    for label, names in _CANDIDATES:
        if wanted and not label.lower().startswith(wanted):
            continue
        options: list[list[Path]] = []
        for d in dirs:
            files = []
            for alternatives in names:
                hit = next((d / n for n in alternatives if (d / n).is_file()), None)
                if hit is None:
                    break
                files.append(hit)
            if len(files) == 4:
                options.append(files)
        fc = _fc_list(label)
        if fc and all(fc.get(s) for s in STYLES):
            # fontconfig may list several versions; try each style's files in order
            for i in range(max(len(v) for v in fc.values())):
                options.append([fc[s][min(i, len(fc[s]) - 1)] for s in STYLES])
        for files in options:
            if _complete(files):
                return FontSet(label, *files)
            rejected.append(f"{label} ({files[0].parent})")
    hint = (
        "Trên Windows hãy cài phông Times New Roman (có sẵn trong Windows). "
        "Trên Debian/Ubuntu hãy cài gói fonts-liberation2 (lệnh: sudo apt-get install fonts-liberation2); "
        "trên Fedora: gói liberation-serif-fonts; hoặc chép bốn tệp LiberationSerif-*.ttf phiên bản 2 "
        "vào thư mục resources/fonts của chương trình."
    )
    detail = f" Đã bỏ qua vì thiếu chữ tiếng Việt: {', '.join(rejected)}." if rejected else ""
    raise FontError(
        "Không tìm thấy phông chữ Times New Roman hoặc phông tương đương (Liberation Serif 2, Tinos) "
        f"có đủ dấu tiếng Việt để in văn bản.{detail} {hint}"
    )


_lock = threading.Lock()
_registered: FontSet | None = None


def register_fonts() -> FontSet:
    """Register the family with reportlab once per process and return which files it uses."""
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        fonts = find_font_set()
        for style in STYLES:
            pdfmetrics.registerFont(TTFont(font_name(style), str(fonts.path(style))))
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=font_name("regular"),
            bold=font_name("bold"),
            italic=font_name("italic"),
            boldItalic=font_name("bolditalic"),
        )
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FAMILY, bold, italic, font_name(_style(bold=bool(bold), italic=bool(italic))))
        _registered = fonts
        return fonts


def _style(*, bold: bool, italic: bool) -> str:
    if bold and italic:
        return "bolditalic"
    if bold:
        return "bold"
    if italic:
        return "italic"
    return "regular"


def font_name(style: str = "regular", *, bold: bool | None = None, italic: bool | None = None) -> str:
    """The reportlab font name of one face: ``font_name("bold")`` or ``font_name(bold=True, italic=True)``."""
    if bold is not None or italic is not None:
        style = _style(bold=bool(bold), italic=bool(italic))
    if style == "regular":
        return FAMILY
    return f"{FAMILY}-{style}"
