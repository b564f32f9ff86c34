"""Legacy Vietnamese 8-bit encodings found in old spreadsheets: TCVN3 (ABC) and VNI.

Text typed with the .VnTime fonts (TCVN3, also called ABC) or the VNI-Times fonts looks like
mojibake once the file is opened without those fonts, because each cell holds the fonts' byte
codes as Windows-1252 characters: "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI) for
"Nguyễn Văn An".

* TCVN3 is single-byte: each code is one precomposed letter. It has no codes for capital letters
  with a tone mark; typists used the capital-only .VnTimeH font, in which the lower-case codes
  draw capitals. :func:`decode_tcvn3` therefore upper-cases a cell whose plain letters are all
  capitals, and capitalises the first letter of a word in a name-like cell (every other word
  capitalised).
* VNI composes a letter from a base letter and a following mark character ("a" + "ê" = "ă",
  "e" + "ã" = "ễ"); a few letters have a code of their own ("ô" = "ơ", "ö" = "ư", "ñ" = "đ").

Detection (:func:`best_decoding`) scores each candidate reading of a cell by the number of words
that are well-formed Vietnamese syllables (:func:`syllable_score`) and keeps a conversion only when
it is strictly better than the text as it is. A cell holding any character outside the 8-bit
range is genuine Unicode and never converted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "ENCODING_LABELS",
    "best_decoding",
    "decode",
    "decode_tcvn3",
    "decode_vni",
    "encode_tcvn3",
    "encode_vni",
    "is_candidate",
    "syllable_score",
]

TCVN3 = "tcvn3"
VNI = "vni"
ENCODING_LABELS = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI (phông VNI-Times)"}

# --------------------------------------------------------------------------- TCVN3

_TCVN3_PAIRS = (
    ("µ", "à"), ("¸", "á"), ("¶", "ả"), ("·", "ã"), ("¹", "ạ"),
    ("¨", "ă"), ("»", "ằ"), ("¾", "ắ"), ("¼", "ẳ"), ("½", "ẵ"), ("Æ", "ặ"),
    ("©", "â"), ("Ç", "ầ"), ("Ê", "ấ"), ("È", "ẩ"), ("É", "ẫ"), ("Ë", "ậ"),
    ("®", "đ"),
    ("Ì", "è"), ("Ð", "é"), ("Î", "ẻ"), ("Ï", "ẽ"), ("Ñ", "ẹ"),
    ("ª", "ê"), ("Ò", "ề"), ("Õ", "ế"), ("Ó", "ể"), ("Ô", "ễ"), ("Ö", "ệ"),
    ("×", "ì"), ("Ý", "í"), ("Ø", "ỉ"), ("Ü", "ĩ"), ("Þ", "ị"),
    ("ß", "ò"), ("ã", "ó"), ("á", "ỏ"), ("â", "õ"), ("ä", "ọ"),
    ("«", "ô"), ("å", "ồ"), ("è", "ố"), ("æ", "ổ"), ("ç", "ỗ"), ("é", "ộ"),
    ("¬", "ơ"), ("ê", "ờ"), ("í", "ớ"), ("ë", "ở"), ("ì", "ỡ"), ("î", "ợ"),
    ("ï", "ù"), ("ó", "ú"), ("ñ", "ủ"), ("ò", "ũ"), ("ô", "ụ"),
    ("\u00ad", "ư"), ("õ", "ừ"), ("ø", "ứ"), ("ö", "ử"), ("÷", "ữ"), ("ù", "ự"),
    ("ú", "ỳ"), ("ý", "ý"), ("û", "ỷ"), ("ü", "ỹ"), ("þ", "ỵ"),
    ("¡", "Ă"), ("¢", "Â"), ("§", "Đ"), ("£", "Ê"), ("¤", "Ô"), ("¥", "Ơ"), ("¦", "Ư"),
)
_TCVN3_DECODE = {src: dst for src, dst in _TCVN3_PAIRS}
# Codes whose letter has no capital form in TCVN3 (its capital is typed with the .VnTimeH font).
_TCVN3_CASELESS = {src for src, dst in _TCVN3_PAIRS if dst.islower()}
_TCVN3_ENCODE = {dst: src for src, dst in _TCVN3_PAIRS}


def decode_tcvn3(text: str) -> str:
    """TCVN3 (ABC) mojibake → Unicode (NFC), with the .VnTimeH capitals restored."""
    out: list[str] = []
    ambiguous: list[bool] = []  # per output char: came from a caseless code
    for ch in text:
        dst = _TCVN3_DECODE.get(ch)
        if dst is None:
            out.append(ch)
            ambiguous.append(False)
        else:
            out.append(dst)
            ambiguous.append(ch in _TCVN3_CASELESS)
    if _typed_in_capitals(text):
        # Typed in .VnTimeH: everything is a capital.
        return unicodedata.normalize("NFC", "".join(out).upper())
    text = _restore_initials(out, ambiguous)
    # Administrative texts always write "Ủy ban" with a capital, which TCVN3 cannot encode.
    text = re.sub(r"(?<!\w)ủy ban(?!\w)", "Ủy ban", unicodedata.normalize("NFC", text))
    return text


# Words written in lower case inside names ("Hộ ông Dương Văn Ửng").
_LOWER_WORDS = {"ông", "ở", "ấy"}


def _typed_in_capitals(text: str) -> bool:
    """Is this TCVN3 text in capitals (.VnTimeH)? Judged on the words that mix plain letters and TCVN3 codes
    beyond their first letter ("NGUYÔN", "S¸CH"); acronyms ("CCCD") and one-letter stems ("Sè") say nothing."""
    informative = [
        word for word in text.split()
        if any(ch in _TCVN3_DECODE for ch in word) and any(ch.isascii() and ch.isalpha() for ch in word[1:])
    ]
    return bool(informative) and all(
        ch.isupper() for word in informative for ch in word if ch.isascii() and ch.isalpha()
    )


def _restore_initials(chars: list[str], ambiguous: list[bool]) -> str:
    """Capitalise the cell's first letter, and in a name-like cell (every other word capitalised) each word
    that starts with a caseless code."""
    text = "".join(chars)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if spans and ambiguous[spans[0][0]]:
        # A cell does not start with a small letter: "ñy ban" is "Ủy ban".
        first = spans[0][0]
        text = text[:first] + text[first].upper() + text[first + 1 :]
        ambiguous = [*ambiguous[:first], False, *ambiguous[first + 1 :]]
    if len(spans) < 2:
        return text
    starts_ambiguous = [ambiguous[s] for s, _ in spans]
    others = [text[s] for (s, _), amb in zip(spans, starts_ambiguous, strict=True) if not amb]
    # A name has at least three words ("Lê Thị Ánh"); "Trưởng ấp" is not a name.
    if not any(starts_ambiguous) or len(others) < 2 or not all(c.isupper() for c in others if c.isalpha()):
        return text
    result = list(text)
    for (start, end), amb in zip(spans, starts_ambiguous, strict=True):
        if amb and text[start:end].lower() not in _LOWER_WORDS:
            result[start] = result[start].upper()
    return "".join(result)


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 as .VnTime / .VnTimeH typists left it (capitals with a tone use the lower-case code)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.lower() in _TCVN3_ENCODE and ch.lower() != ch:
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------- VNI

# Lower-case tables; capitals use the upper-case form of both base and mark.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Letters with a code of their own: (code, letter without tone, tone)
_VNI_SINGLES = {
    "ô": ("ơ", ""), "ö": ("ư", ""), "ñ": ("đ", ""),
    "í": ("i", "\u0301"), "ì": ("i", "\u0300"), "æ": ("i", "\u0309"), "ó": ("i", "\u0303"), "ò": ("i", "\u0323"),
    "î": ("y", "\u0323"),
}


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    decode: dict[str, str] = {}
    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            decode[base + mark] = base + tone
    for base in "aeo":
        for mark, tone in _VNI_CIRC.items():
            decode[base + mark] = base + "\u0302" + tone
    for mark, tone in _VNI_BREVE.items():
        decode["a" + mark] = "a\u0306" + tone
    for base in ("ô", "ö"):  # ơ, ư with a tone
        letter = _VNI_SINGLES[base][0]
        for mark, tone in _VNI_TONES.items():
            decode[base + mark] = letter + tone
    for code, (letter, tone) in _VNI_SINGLES.items():
        decode[code] = letter + tone
    full: dict[str, str] = {}
    for src, dst in decode.items():
        composed = unicodedata.normalize("NFC", dst)
        full[src] = composed
        full[src.upper()] = composed.upper()
    encode: dict[str, str] = {}
    for src, dst in full.items():
        # Prefer the shortest code (a letter of its own) when there are two.
        if dst not in encode or len(src) < len(encode[dst]):
            encode[dst] = src
    return full, encode


_VNI_DECODE, _VNI_ENCODE = _build_vni()
# "í", "ì" are both a VNI code and the same Unicode letter: not evidence either way.
_VNI_MARKS = set("".join(k[1:] for k in _VNI_DECODE if len(k) == 2))


def decode_vni(text: str) -> str:
    """VNI mojibake → Unicode (NFC)."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        if len(pair) == 2 and pair[1] in _VNI_MARKS:
            # Mark of the other case after the base letter ("Aù" typed for "Á").
            alt = pair[0] + (pair[1].upper() if pair[0].isupper() else pair[1].lower())
            if alt in _VNI_DECODE:
                out.append(_VNI_DECODE[alt])
                i += 2
                continue
        ch = text[i]
        out.append(_VNI_DECODE.get(ch, ch))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode_vni(text: str) -> str:
    """Unicode → VNI as VNI-Times typists left it."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def decode(text: str, encoding: str) -> str:
    if encoding == TCVN3:
        return decode_tcvn3(text)
    if encoding == VNI:
        return decode_vni(text)
    raise ValueError(encoding)


# --------------------------------------------------------------------------- detection

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_INITIALS = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ "
    "ưa ưi ưu ươ uy yê iêu oai oay oeo uây uôi ươi ươu uyê uya yêu uyu"
).split()
_FINALS = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_INITIALS}(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))}){_FINALS}$")
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'“”‘’/\\\-–—+*=<>%&_|#@]+")
_CP1252_EXTRA = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _is_syllable(word: str) -> bool:
    if not (word.islower() or word.isupper() or word.istitle()):
        return False  # "NguyÔn": a capital inside a word
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def syllable_score(text: str) -> int:
    """How Vietnamese ``text`` looks: well-formed syllables minus words that cannot be Vietnamese.

    Plain ASCII words that are not syllables (abbreviations, foreign names) count zero: they read
    the same in every encoding.
    """
    score = 0
    for word in _WORD.findall(text):
        if _is_syllable(word):
            score += 1
        elif not word.isascii():
            score -= 1
    return score


def is_candidate(text: str) -> bool:
    """Could ``text`` be legacy-encoded? It must hold 8-bit characters and nothing beyond them."""
    has_high = False
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            continue
        if code <= 0xFF or ch in _CP1252_EXTRA:
            has_high = True
            continue
        return False
    return has_high


def best_decoding(text: str, prefer: Iterable[str] = (TCVN3, VNI)) -> tuple[str | None, str]:
    """(encoding, converted text) when a legacy reading is strictly more Vietnamese; else (None, text).

    ``prefer`` orders the encodings for ties between them (e.g. the encoding found in the column).
    """
    if not is_candidate(text):
        return None, text
    base = syllable_score(text)
    best: tuple[str | None, str, int] = (None, text, base)
    for encoding in prefer:
        converted = decode(text, encoding)
        if converted == text:
            continue
        score = syllable_score(converted)
        if score > best[2]:
            best = (encoding, converted, score)
    return best[0], best[1]
