"""Vietnamese text as users type it: normalisation, folding, sorting, numbers and dates.

Everything that enters the application passes through :func:`nfc`. Searches compare
:func:`fold` keys (no tones, "đ" → "d", case-folded). Lists of people sort by
:func:`person_sort_key` (given name first, then the full name, Vietnamese alphabet order,
tones after the base letter).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from decimal import MAX_PREC, ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from tdkt_desktop.core.errors import InputError

__all__ = [
    "InputError",
    "clean",
    "collate_key",
    "fold",
    "format_date",
    "format_money",
    "format_number",
    "given_name",
    "long_date",
    "name_case",
    "nfc",
    "parse_date",
    "parse_int",
    "parse_long_date",
    "parse_number",
    "person_sort_key",
    "person_sort_text",
    "place_and_date",
    "require_date",
    "sort_text",
]


# --------------------------------------------------------------------------- normalisation

_SPACES = re.compile(r"\s+")


def nfc(text: str | None) -> str:
    """Unicode NFC form of ``text`` (``None`` → ``""``). Input methods may send NFD."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text))


def clean(text: str | None) -> str:
    """NFC, with runs of white space (no-break spaces included) folded to one space and the ends trimmed."""
    return _SPACES.sub(" ", nfc(text)).strip()


# Abbreviations written in capitals inside the name of a collective or unit.
_ABBREVIATIONS = frozenset({
    "ubnd", "hđnd", "mttq", "thcs", "thpt", "th", "mn", "mg", "tdp", "kp", "ctcp", "tnhh", "htx", "đtn", "hcb",
    "hlhpn", "lđlđ", "cđcs", "cđ", "đh", "tt", "ttyt", "tyt", "bch", "bqs", "ca", "clb", "gdtx", "gdnn", "vhtt",
    "tdtt", "ptth", "xhcn", "vn", "tw", "qđ", "ub",
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def name_case(text: str | None, *, person: bool = True) -> str:
    """A name typed without care for capitals written the Vietnamese way. A person's name typed all in small
    letters or all in capitals gets every word capitalised ("nguyễn văn an", "NGUYỄN VĂN AN" → "Nguyễn Văn
    An", "h'hen niê" → "H'Hen Niê"). A collective's or unit's name typed all in small letters gets its first
    letter and its abbreviations in capitals ("trường thcs lê lợi" → "Trường THCS lê lợi": the proper names
    in it cannot be told apart, the person adds those capitals); one typed in capitals is kept (a heading's
    style, and shortening it would lose the proper names). A name typed with capitals and small letters mixed
    is kept exactly as typed: that is how an unusual spelling ("Nguyễn thị Út", "de la Cruz") is kept."""
    text = clean(text)
    letters = [c for c in text if c.isalpha()]
    lower_only = all(c.islower() for c in letters)
    if not letters or not (lower_only or (person and all(c.isupper() for c in letters))):
        return text
    lower = text.lower()
    if person:
        return _WORD.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], lower)
    out = _WORD.sub(lambda m: m.group(0).upper() if m.group(0) in _ABBREVIATIONS else m.group(0), lower)
    return out[:1].upper() + out[1:]


_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str | None) -> str:
    """A search key: no diacritics, "đ" → "d", case-folded, white space folded."""
    return " ".join(map(_fold_word, clean(text).split(" ")))


@lru_cache(maxsize=65_536)
def _fold_word(word: str) -> str:
    """:func:`fold` of one word: nothing in it depends on a neighbouring word (a space is no mark's base and no
    case context), and words repeat across texts, so they are remembered. An ASCII word has no mark to take off."""
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# --------------------------------------------------------------------------- sorting

# Vietnamese alphabet; letters outside it (f, j, w, z, digits…) sort by their code point after it.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
# Letter-forming marks stay part of the base letter; tone marks are a secondary difference.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def _split_letters(text: str) -> list[tuple[str, int]]:
    """Each base letter (with its letter marks) and its tone rank (0 = no tone)."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(ch):
            if not out:
                continue
            base, tone = out[-1]
            if ch in _LETTER_MARKS:
                out[-1] = (unicodedata.normalize("NFC", base + ch), tone)
            elif ch in _TONE_RANK:
                out[-1] = (base, _TONE_RANK[ch])
            continue
        out.append((ch, 0))
    return out


def collate_key(text: str | None) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Vietnamese dictionary order: letters first (a ă â b … đ …), tones only to break ties."""
    letters = _split_letters(clean(text))
    primary = tuple(
        _LETTER_RANK[base] if base in _LETTER_RANK else (1000 + ord(base[0])) for base, _ in letters
    )
    secondary = tuple(tone for _, tone in letters)
    return primary, secondary, clean(text)


def given_name(full_name: str | None) -> str:
    """The given name: the last word of a Vietnamese full name ("Nguyễn Thị Lan" → "Lan")."""
    return clean(full_name).rpartition(" ")[2]


def person_sort_key(full_name: str | None) -> tuple[object, ...]:
    """How Vietnamese lists of people sort: by given name, then by the full name."""
    return collate_key(given_name(full_name)), collate_key(full_name)


# Stored sort keys: the order of collate_key as one text that SQLite's plain (binary) comparison sorts right, so
# a list sorted by name reads its first page from an index. Letters of the alphabet become the characters
# "A"…, any other character a character after them in code point order (surrogates skipped); "\x01" ends
# each part, shorter than any character of a part, so a shorter word sorts first.
_KEY_END = "\x01"


def _primary_char(rank: int) -> str:
    if rank < 1000:
        return chr(0x41 + rank)
    code = rank - 1000 + 0x80
    if code >= 0xD800:
        code += 0x800
    return chr(min(code, 0x10FFFF))


def _key_parts(primary: tuple[int, ...], tones: tuple[int, ...]) -> tuple[str, str]:
    return "".join(map(_primary_char, primary)), "".join(chr(0x30 + t) for t in tones)


# The primary key characters of the ASCII characters (after lower case): an ASCII word has no mark and no tone.
_ASCII_PRIMARY = {
    code: _primary_char(_LETTER_RANK.get(chr(code), 1000 + code)) for code in range(128)
}


@lru_cache(maxsize=65_536)
def _word_parts(word: str) -> tuple[str, str] | None:
    """The key parts of one word (no space inside), or None when the word begins with a combining mark (which
    :func:`collate_key` attaches to the character before it): words repeat across names, so they are remembered.
    An ASCII word (a number, a code, a name typed without marks) is mapped character by character."""
    if word.isascii():
        return word.lower().translate(_ASCII_PRIMARY), "0" * len(word)
    if unicodedata.combining(unicodedata.normalize("NFD", word[:1].lower())[:1] or " "):
        return None
    primary, tones, _ = collate_key(word)
    return _key_parts(primary, tones)


_SPACE_PRIMARY, _SPACE_TONE = _primary_char(1000 + ord(" ")), chr(0x30)  # a space: no letter, no tone


def sort_text(text: str | None) -> str:
    """:func:`collate_key` as one text in the same order under binary comparison (a stored sort key).

    Computed word by word (a word's letters and tones do not depend on its neighbours: a space begins no
    letter, casing depends on no neighbour across a space), the whole text at once only when a word begins
    with a combining mark."""
    return _sort_text(clean(text))


def _sort_text(cleaned: str) -> str:
    """:func:`sort_text` of a text already :func:`clean`."""
    words = [_word_parts(word) for word in cleaned.split(" ")] if cleaned else []
    parts = [p for p in words if p is not None]
    if len(parts) != len(words):
        primary, tones = _key_parts(*collate_key(cleaned)[:2])
    else:
        primary = _SPACE_PRIMARY.join([p[0] for p in parts])
        tones = _SPACE_TONE.join([p[1] for p in parts])
    return primary + _KEY_END + tones + _KEY_END + cleaned


def person_sort_text(full_name: str | None) -> str:
    """:func:`person_sort_key` as one text in the same order under binary comparison (a stored sort key)."""
    cleaned = clean(full_name)
    return _sort_text(clean(cleaned.rpartition(" ")[2])) + _KEY_END + _sort_text(cleaned)


# --------------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"^([+-]?)([0-9.,]*[0-9][0-9.,]*)$")


def parse_number(text: str | float | int | None, *, field: str = "Số liệu") -> float | None:
    """Parse a number as Vietnamese users write it: "7,5" → 7.5; "43.000" → 43000; "1.234,5".

    Empty input gives ``None``. A dot followed by groups of exactly three digits is a thousands
    separator; otherwise a lone dot is read as a decimal point ("7.5" → 7.5). One trailing "%" is
    allowed ("0,36%"). Raises :class:`InputError` with a Vietnamese message on anything else,
    including a number too large to hold.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise InputError(f"{field}: “{text}” không phải là số.", field=field, value=text)
    example = "Ví dụ: 7,5 hoặc 43.000"
    if isinstance(text, (int, float)):
        return _finite(Decimal(text), text, field, example)
    shown = clean(text)
    if shown == "":
        return None
    m = _NUMBER.match(shown.replace(" ", "").removesuffix("%"))
    if not m:
        raise InputError(
            f"{field}: “{shown}” không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần "
            f"thập phân. {example}.",
            field=field,
            value=text,
        )
    sign, body = m.groups()
    if body.count(",") > 1:
        raise InputError(
            f"{field}: “{shown}” có nhiều hơn một dấu phẩy. Dấu phẩy chỉ dùng cho phần thập "
            f"phân. {example}.",
            field=field,
            value=text,
        )
    if "," in body:
        int_part, frac = body.split(",")
        if "." in frac:
            raise InputError(
                f"{field}: “{shown}” đặt dấu chấm sau dấu phẩy. Viết như 1.234,5.",
                field=field,
                value=text,
            )
        int_digits = _thousands(int_part, text, field, example)
        normalised = f"{int_digits}.{frac}"
    elif "." in body:
        groups = body.split(".")
        if groups[0] != "" and all(len(g) == 3 for g in groups[1:]):
            normalised = "".join(groups)
        elif len(groups) == 2 and groups[1] != "":
            normalised = f"{groups[0]}.{groups[1]}"
        else:
            raise InputError(
                f"{field}: “{shown}” không đọc được. Dùng dấu chấm để phân cách hàng nghìn và "
                f"dấu phẩy cho phần thập phân. {example}.",
                field=field,
                value=text,
            )
    else:
        normalised = body
    return _finite(Decimal(sign + normalised), text, field, example)


def _finite(number: Decimal, text: object, field: str, example: str) -> float:
    """``number`` as a float; infinities, NaN and numbers too large for a float are refused."""
    value = float(number)
    if not math.isfinite(value):
        raise InputError(
            f"{field}: “{clean(str(text))}” không dùng được (số quá lớn hoặc không xác định). {example}.",
            field=field,
            value=text,
        )
    return value


def _thousands(part: str, text: object, field: str, example: str) -> str:
    if "." not in part:
        return part
    groups = part.split(".")
    if groups[0] == "" or not all(len(g) == 3 for g in groups[1:]):
        raise InputError(
            f"{field}: “{clean(str(text))}” đặt dấu chấm sai chỗ. Dấu chấm phân cách từng nhóm ba chữ "
            f"số. {example}.",
            field=field,
            value=text,
        )
    return "".join(groups)


def parse_int(text: str | int | None, *, field: str = "Số lượng", minimum: int | None = 0) -> int | None:
    """A whole number ("1.200" → 1200). Empty gives ``None``."""
    value = parse_number(text, field=field)
    if value is None:
        return None
    if value != int(value):
        raise InputError(f"{field}: “{clean(str(text))}” phải là số nguyên.", field=field, value=text)
    if minimum is not None and value < minimum:
        raise InputError(f"{field}: không được nhỏ hơn {minimum}.", field=field, value=text)
    return int(value)


# Decimal arithmetic that never rounds (the default context keeps only 28 digits).
_EXACT = Context(prec=MAX_PREC)


def format_number(value: float | int | Decimal | None, *, decimals: int | None = None) -> str:
    """Vietnamese number format: 7.5 → "7,5"; 43000 → "43.000"; 92.45 → "92,45"."""
    if value is None:
        return ""
    dec = Decimal(str(value))
    if decimals is None:
        dec = dec.normalize(_EXACT)
    else:
        dec = dec.quantize(Decimal(10) ** -decimals, rounding=ROUND_HALF_UP, context=_EXACT)
    sign = "-" if dec < 0 else ""
    int_part, _, frac = format(dec.copy_abs(), "f").partition(".")
    groups: list[str] = []
    while len(int_part) > 3:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    groups.insert(0, int_part)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return sign + out


def format_size(nbytes: int) -> str:
    """A file size for people: 241483776 → "230,3 MB" (mebibytes, one decimal)."""
    return f"{format_number(nbytes / 1_048_576, decimals=1)} MB"


def format_money(amount: int | float | None) -> str:
    """2340000 → "2.340.000 đồng" (whole đồng, halves rounded up like every other rounding here)."""
    if amount is None:
        return ""
    return f"{format_number(amount, decimals=0)} đồng"


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def parse_date(text: str | _dt.date | None, *, field: str = "Ngày") -> _dt.date | None:
    """Parse dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, and ISO yyyy-mm-dd).

    Empty input gives ``None``; anything else that is not a real date raises :class:`InputError`.
    """
    if text is None:
        return None
    if isinstance(text, _dt.datetime):
        return text.date()
    if isinstance(text, _dt.date):
        return text
    raw = clean(text)
    if raw == "":
        return None
    hint = "Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026."
    m = _ISO.match(raw)
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        m = _DATE.match(raw) or _LONG.search(raw)
        if not m:
            raise InputError(f"{field}: “{raw}” không phải là ngày. {hint}", field=field, value=text)
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000
    try:
        value = _dt.date(year, month, day)
    except ValueError:
        raise InputError(f"{field}: ngày “{raw}” không có trên lịch. {hint}", field=field, value=text) from None
    if not 1900 <= value.year <= 2200:
        raise InputError(f"{field}: năm {value.year} nằm ngoài khoảng hợp lý. {hint}", field=field, value=text)
    return value


def require_date(value: str | _dt.date | None, *, field: str = "Ngày") -> _dt.date:
    """:func:`parse_date` for a date that must be given: an empty value is refused with a message."""
    parsed = parse_date(value, field=field)
    if parsed is None:
        raise InputError(f"{field}: chưa nhập. Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026.", field=field, value=value)
    return parsed


def parse_long_date(text: str) -> _dt.date | None:
    """Find "ngày 13 tháng 12 năm 2022" in running text; ``None`` when there is none."""
    m = _LONG.search(nfc(text))
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def format_date(value: _dt.date | str | None) -> str:
    """A date as dd/mm/yyyy ("" for none). Accepts ISO strings as stored in the database."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


def long_date(value: _dt.date | str) -> str:
    """ "ngày 05 tháng 01 năm 2026": NĐ 30/2020 writes a leading zero for days < 10 and months 1–2."""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value[:10])
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def place_and_date(place: str, value: _dt.date | str) -> str:
    """ "Tân Phú, ngày 05 tháng 01 năm 2026"."""
    return f"{clean(place)}, {long_date(value)}"


# --------------------------------------------------------------------------- numbers in words

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _three_digits(n: int, *, full: bool) -> str:
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and (hundreds or full):
            words.append("lẻ")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def _below_billion(n: int, *, full: bool) -> str:
    groups = [n // 1_000_000, (n // 1000) % 1000, n % 1000]
    words: list[str] = []
    for group, scale in zip(groups, ("triệu", "nghìn", ""), strict=True):
        if group == 0:
            continue
        words.append(_three_digits(group, full=full or bool(words)))
        if scale:
            words.append(scale)
    return " ".join(words)


def number_in_words(n: int) -> str:
    """1410000 → "một triệu bốn trăm mười nghìn" (Vietnamese, as written on decisions)."""
    if n == 0:
        return "không"
    if n < 0:
        return "âm " + number_in_words(-n)
    billions, rest = divmod(n, 1_000_000_000)
    if billions:
        head = f"{number_in_words(billions)} tỷ"
        return f"{head} {_below_billion(rest, full=True)}" if rest else head
    return _below_billion(rest, full=False)


def money_in_words(amount: int) -> str:
    """3290000 → "Ba triệu hai trăm chín mươi nghìn đồng"."""
    text = number_in_words(int(amount)) + " đồng"
    return text[0].upper() + text[1:]
