"""The values provinces write in the coded columns of their lists, and what each means here.

Every coded column of an import (classification, gender, honorific, award name, kind of award, nominee class,
field of activity, kind of collective) has a vocabulary: the stored values a cell may mean, each with the words
real lists use for it ("Khen thưởng cá nhân", "KT tập thể", "HGĐ"; "Giấy khen" with or without "của Chủ tịch
UBND xã …"; "BK", "LĐTT"). :func:`resolve` reads a cell; a value no vocabulary knows is reported, and the person
maps it (:func:`parse_value_mapping`, or the import wizard's value step) — the mapping is remembered for lists of
the same layout.

The words are those of provincial templates and lists seen in practice **[practice]**; the titles and kinds of
award are those of the Luật Thi đua, khen thưởng 2022 (Điều 8, 19–20; catalogue in :mod:`tdkt_desktop.core.models`),
nominee classes those of the statistical form 0603.N (:mod:`tdkt_desktop.store.statistics`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core.models import TITLE_CODES, AwardKind, UnitLevel
from tdkt_desktop.core.text import InputError, clean, fold, nfc
from tdkt_desktop.excel.errors import ExcelError
from tdkt_desktop.store.statistics import COLLECTIVE_CLASSES, PERSON_CLASSES, nominee_class_key

__all__ = [
    "ACTIVITY_FIELDS",
    "CODED_KINDS",
    "COLLECTIVE_TITLES",
    "KEEP",
    "LENIENT_KINDS",
    "choices",
    "guess_collective_kind",
    "parse_value_mapping",
    "resolve",
    "resolve_title",
    "target_of",
    "value_key",
]

# A mapping target meaning "keep the text as the list wrote it" (free-text columns only).
KEEP = "="

_PUNCT = re.compile(r"[^0-9a-z]+")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def value_key(text: Any) -> str:
    """A header or a cell as compared: folded, bracketed notes dropped, punctuation as spaces
    ("Khen thưởng Cá nhân" → "khen thuong ca nhan", "Ngày sinh (dd/mm/yyyy)" → "ngay sinh")."""
    return _PUNCT.sub(" ", fold(_PARENS.sub(" ", nfc(str(text or ""))))).strip()


# --------------------------------------------------------------------------- award titles and collectives

_TITLE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("BANG_KHEN_TTG", ("bang khen thu tuong", "bang khen cua thu tuong", "bang khen ttg", "bk ttg", "bkttg")),
    ("BANG_KHEN_TINH", ("bang khen", "bk ubnd", "bkubnd", "bk")),
    ("CO_TD_CP", ("co thi dua cua chinh phu", "co thi dua chinh phu", "co td cp")),
    ("CO_TD_TINH", ("co thi dua", "co td")),
    ("CSTD_TQ", ("chien si thi dua toan quoc", "cstd toan quoc", "cstdtq")),
    ("CSTD_TINH", ("chien si thi dua cap tinh", "chien si thi dua tinh", "chien si thi dua thanh pho", "cstd cap tinh",
                   "cstdt")),
    ("CSTDCS", ("chien si thi dua co so", "chien si thi dua cap co so", "cstdcs", "cstd co so", "cstd cap co so",
                "chien si thi dua")),
    ("CSTT", ("chien si tien tien", "cstt")),
    ("TLDXS", ("tap the lao dong xuat sac", "tldxs", "ttldxs", "tap the ld xuat sac")),
    ("TLDTT", ("tap the lao dong tien tien", "tldtt", "ttldtt", "tap the ld tien tien")),
    ("LDTT", ("lao dong tien tien", "ldtt")),
    ("GIA_DINH_VAN_HOA", ("gia dinh van hoa", "gdvh", "gd van hoa")),
    ("THON_VAN_HOA", ("thon van hoa", "to dan pho van hoa", "ap van hoa", "khu pho van hoa", "thon to dan pho van hoa",
                      "khu dan cu van hoa", "khom van hoa", "ban van hoa")),
    ("XA_TIEU_BIEU", ("xa tieu bieu", "phuong tieu bieu", "xa phuong dac khu tieu bieu", "xa phuong thi tran tieu bieu")),
    ("GIAY_KHEN", ("giay khen", "gk")),
)
_ABBREVIATIONS = ((" ubnd ", " uy ban nhan dan "), (" ttcp ", " thu tuong chinh phu "), (" tt ", " tap the "),
                  (" ld ", " lao dong "), (" ldxs ", " lao dong xuat sac "), (" ldtt ", " lao dong tien tien "))


def resolve_title(text: str, *, field: str = "Danh hiệu, hình thức") -> str:
    """The catalogue code for a title as lists write it: "LĐTT", "Lao động tiên tiến", "Giấy khen", "GK", "Giấy
    khen của Chủ tịch UBND phường Tân An", "BK UBND tỉnh", "TT LĐXS" (with or without the words naming the
    unit that gives it)."""
    raw = clean(text)
    if raw.upper() in TITLE_CODES:
        return raw.upper()
    key = f" {value_key(raw)} "
    for short, long in _ABBREVIATIONS:
        key = key.replace(short, long)
    key = key.strip()
    key = re.sub(r"^(?:danh hieu|hinh thuc|tang|de nghi tang|de nghi)\s+", "", key)
    for code, label in TITLE_CODES.items():
        if key == value_key(label) or key == code.lower().replace("_", " "):
            return code
    compact = key.replace(" ", "")
    for code, patterns in _TITLE_RULES:
        for pattern in patterns:
            if key == pattern or key.startswith(pattern + " ") or compact == pattern.replace(" ", ""):
                if code == "BANG_KHEN_TINH" and "thu tuong" in key:
                    return "BANG_KHEN_TTG"
                return code
    allowed = "; ".join(TITLE_CODES.values())
    raise InputError(f"{field}: “{raw}” không có trong danh mục khen thưởng. Ghi một trong: {allowed}.", field=field)


COLLECTIVE_TITLES = {"TLDTT", "TLDXS", "CO_TD_TINH", "CO_TD_CP", "XA_TIEU_BIEU", "THON_VAN_HOA"}
_KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("school", ("truong", "nha tre", "mau giao", "mam non")),
    ("health", ("tram y te", "benh vien", "trung tam y te", "phong kham")),
    ("hamlet", ("thon", "ap", "khu vuc", "to dan pho", "khu pho", "ban", "buon", "khom")),
    ("mass_org", ("hoi", "doan", "mat tran", "cong doan", "chi bo", "dang uy")),
    ("cooperative", ("hop tac xa", "htx")),
    ("enterprise", ("cong ty", "doanh nghiep", "ngan hang")),
    ("office", ("phong", "van phong", "ban", "uy ban", "trung tam")),
)


def guess_collective_kind(name: str) -> str | None:
    """The kind of unit a collective's name says ("Trường Tiểu học …" → school), else ``None``."""
    key = value_key(name)
    for kind, words in _KIND_WORDS:
        if any(key == w or key.startswith(w + " ") for w in words):
            return kind
    return None


# --------------------------------------------------------------------------- vocabularies

_SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "person": ("ca nhan", "cn", "nguoi", "ca nhan tieu bieu", "doi tuong ca nhan"),
    "collective": ("tap the", "tt", "don vi", "to chuc", "co quan", "tap the tieu bieu", "co quan don vi"),
    "household": ("ho gia dinh", "ho", "hgd", "gia dinh", "ho dan", "ho gd"),
}
_SUBJECT_PREFIX = re.compile(r"^(?:khen thuong|kt|de nghi khen thuong|de nghi|doi tuong|phan loai|loai|danh cho|cho)\s+")

_GENDER_WORDS: dict[str, tuple[str, ...]] = {
    "male": ("nam", "m", "male", "ong", "trai", "anh", "thay"),
    "female": ("nu", "f", "female", "ba", "gai", "chi", "co"),
}
_RANKS = ("binh nhi", "binh nhat", "ha si", "trung si", "thuong si", "thieu uy", "trung uy", "thuong uy", "dai uy",
          "thieu ta", "trung ta", "thuong ta", "dai ta", "thieu tuong", "trung tuong", "thuong tuong", "dai tuong")
_HONORIFICS: dict[str, tuple[str, str | None]] = {
    "ong": ("Ông", "male"), "o": ("Ông", "male"), "anh": ("Anh", "male"), "thay": ("Thầy", "male"),
    "ba": ("Bà", "female"), "b": ("Bà", "female"), "chi": ("Chị", "female"), "co": ("Cô", "female"),
    "dong chi": ("Đồng chí", None), "d c": ("Đồng chí", None), "dc": ("Đồng chí", None),
}

_AWARD_KIND_WORDS: dict[str, tuple[str, ...]] = {
    AwardKind.CONG_TRANG.value: ("cong trang", "thuong xuyen", "tong ket nam", "hang nam", "thanh tich thuong xuyen"),
    AwardKind.DOT_XUAT.value: ("dot xuat", "thanh tich dot xuat"),
    AwardKind.PHONG_TRAO.value: ("phong trao", "theo phong trao", "phong trao thi dua", "theo phong trao thi dua",
                                 "theo dot", "theo dot thi dua"),
    AwardKind.CHUYEN_DE.value: ("chuyen de", "theo chuyen de", "thi dua chuyen de"),
    AwardKind.CONG_HIEN.value: ("cong hien", "qua trinh cong hien"),
    AwardKind.NIEN_HAN.value: ("nien han", "theo nien han"),
    AwardKind.DOI_NGOAI.value: ("doi ngoai",),
}

# Fields of activity ("Lĩnh vực hoạt động") as provincial templates list them [practice].
ACTIVITY_FIELDS: dict[str, tuple[str, ...]] = {
    "Kinh tế": ("kinh te", "san xuat kinh doanh", "thuong mai", "dich vu", "tai chinh", "ngan hang"),
    "Nông nghiệp, nông thôn": ("nong nghiep", "nong thon", "nong lam ngu nghiep", "thuy san", "nong thon moi"),
    "Công nghiệp, xây dựng, giao thông": ("cong nghiep", "xay dung co ban", "giao thong", "ha tang"),
    "Văn hóa, thể thao, du lịch": ("van hoa", "the thao", "du lich", "van hoa the thao"),
    "Thông tin, truyền thông": ("thong tin", "truyen thong", "bao chi", "phat thanh"),
    "Giáo dục và đào tạo": ("giao duc", "dao tao", "giao duc dao tao", "gd dt", "gd&dt"),
    "Y tế": ("y te", "suc khoe", "dan so"),
    "Khoa học, công nghệ, chuyển đổi số": ("khoa hoc", "cong nghe", "khoa hoc cong nghe", "chuyen doi so"),
    "Lao động, an sinh xã hội": ("lao dong", "an sinh", "an sinh xa hoi", "giam ngheo", "viec lam", "chinh sach"),
    "Quốc phòng, an ninh": ("quoc phong", "an ninh", "quan su", "cong an", "quoc phong an ninh", "trat tu"),
    "Xây dựng Đảng, chính quyền, đoàn thể": ("xay dung dang", "dang", "chinh quyen", "doan the", "mat tran",
                                             "quan ly nha nuoc", "hanh chinh", "cai cach hanh chinh", "noi chinh"),
    "Tài nguyên, môi trường": ("tai nguyen", "moi truong", "tai nguyen moi truong"),
    "Khác": ("khac", "linh vuc khac"),
}

# Coded columns whose unknown values are kept as the list wrote them (and may be mapped); the others must be
# mapped before the row can be imported.
LENIENT_KINDS = ("honorific", "nominee_class", "activity_field")

# The coded columns (ImportField kinds) and how a person names them.
CODED_KINDS: dict[str, str] = {
    "subject_kind": "Phân loại khen thưởng",
    "gender": "Giới tính",
    "honorific": "Tên gọi",
    "title": "Danh hiệu, hình thức khen thưởng",
    "award_kind": "Loại hình khen thưởng",
    "nominee_class": "Phân loại đối tượng",
    "activity_field": "Lĩnh vực hoạt động",
    "unit_kind": "Loại tập thể",
}


@dataclass(frozen=True)
class Reading:
    """What a cell means: the stored ``value`` and, for honorifics, the gender it tells."""

    value: str
    gender: str | None = None


def _subject_kind(key: str) -> str | None:
    key = _SUBJECT_PREFIX.sub("", key)
    for value, words in _SUBJECT_WORDS.items():
        if key in words:
            return value
    return None


def _award_kind(key: str) -> str | None:
    key = re.sub(r"^(?:khen thuong|kt|loai hinh)\s+", "", key)
    for member in AwardKind:
        if key in (value_key(member.label), member.value.replace("_", " ")):
            return member.value
    for value, words in _AWARD_KIND_WORDS.items():
        if key in words:
            return value
    return None


def _activity_field(key: str) -> str | None:
    for label, words in ACTIVITY_FIELDS.items():
        if key == value_key(label) or key in words:
            return label
    return None


def _nominee_class(text: str, key: str, subject_kind: str | None) -> str | None:
    kinds = [subject_kind] if subject_kind else ["person", "collective"]
    for sk in kinds:
        found = nominee_class_key(text, sk)
        classes = PERSON_CLASSES if sk == "person" else COLLECTIVE_CLASSES
        code = found.split("_", 1)[1]
        if code != "khac" or key in ("khac", "doi tuong khac", "tap the khac"):
            return next(str(c["label"]) for c in classes if c["key"] == code)
    return None


def resolve(kind: str, text: Any, *, subject_kind: str | None = None) -> Reading | None:
    """What a cell of a coded column means, or ``None`` when no vocabulary knows it."""
    raw = clean(str(text or ""))
    key = value_key(raw)
    if not key:
        return None
    if kind == "subject_kind":
        found = _subject_kind(key)
        return Reading(found) if found else None
    if kind == "gender":
        for value, words in _GENDER_WORDS.items():
            if key in words:
                return Reading(value)
        return None
    if kind == "honorific":
        if key in _HONORIFICS:
            label, gender = _HONORIFICS[key]
            return Reading(label, gender)
        if key in _RANKS or any(key.startswith(r + " ") for r in _RANKS):
            return Reading(raw[:1].upper() + raw[1:])
        return None
    if kind == "title":
        try:
            return Reading(resolve_title(raw))
        except InputError:
            return None
    if kind == "award_kind":
        found = _award_kind(key)
        return Reading(found) if found else None
    if kind == "nominee_class":
        found = _nominee_class(raw, key, subject_kind)
        return Reading(found) if found else None
    if kind == "activity_field":
        found = _activity_field(key)
        return Reading(found) if found else None
    if kind == "unit_kind":
        for member in UnitLevel:
            if key in (value_key(member.label), member.value) or value_key(member.label).startswith(key + " "):
                return Reading(member.value)
        guessed = guess_collective_kind(raw)
        return Reading(guessed) if guessed else None
    raise AssertionError(kind)


def choices(kind: str, *, subject_kind: str | None = None) -> list[tuple[str, str]]:
    """The (value, label) a cell of ``kind`` may be mapped to; free-text columns may also keep the text (:data:`KEEP`)."""
    if kind == "subject_kind":
        return [("person", "Cá nhân"), ("collective", "Tập thể"), ("household", "Hộ gia đình")]
    if kind == "gender":
        return [("male", "Nam"), ("female", "Nữ")]
    if kind == "honorific":
        return [(KEEP, "Giữ nguyên như trong tệp"), ("Ông", "Ông"), ("Bà", "Bà")]
    if kind == "title":
        return list(TITLE_CODES.items())
    if kind == "award_kind":
        return [(m.value, m.label) for m in AwardKind]
    if kind == "nominee_class":
        classes = (PERSON_CLASSES if subject_kind == "person" else COLLECTIVE_CLASSES if subject_kind
                   else [*PERSON_CLASSES, *COLLECTIVE_CLASSES])
        return [(KEEP, "Giữ nguyên như trong tệp"), *((str(c["label"]), str(c["label"])) for c in classes)]
    if kind == "activity_field":
        return [(KEEP, "Giữ nguyên như trong tệp"), *((label, label) for label in ACTIVITY_FIELDS)]
    if kind == "unit_kind":
        return [(m.value, m.label) for m in UnitLevel]
    raise AssertionError(kind)


def target_of(kind: str, target: str, *, subject_kind: str | None = None) -> str:
    """The stored value a person's mapping target names (a value, a label, or :data:`KEEP`)."""
    wanted = value_key(target)
    if target.strip() in ("=", "giữ nguyên", "giu nguyen") or wanted in ("giu nguyen", "giu nguyen nhu trong tep"):
        if any(v == KEEP for v, _label in choices(kind)):
            return KEEP
    for value, label in choices(kind, subject_kind=subject_kind):
        if value != KEEP and wanted in (value_key(value), value_key(label), value.lower()):
            return value
    found = resolve(kind, target, subject_kind=subject_kind)
    if found is not None:
        return found.value
    allowed = "; ".join(label for _v, label in choices(kind))
    raise ExcelError(f"“{target}” không phải giá trị của cột {CODED_KINDS[kind]}. Chọn một trong: {allowed}.")


def parse_value_mapping(text: str | None) -> dict[str, dict[str, str]]:
    """ "Phân loại khen thưởng: KT đặc biệt=Tập thể; Danh hiệu: GK xã=Giấy khen" → {column: {cell: target}}.

    The column is named by its header, its letter or its field; several pairs of one column are separated by
    "|" or by repeating the column ("F: a=b; F: c=d"). The targets are checked against the column's
    vocabulary by the import, which knows the column's kind.
    """
    out: dict[str, dict[str, str]] = {}
    if not text:
        return out
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        column, sep, pairs = part.partition(":")
        if not sep or not pairs.strip():
            raise ExcelError(
                f"Cách ghép giá trị “{part.strip()}” chưa đúng. Viết dạng "
                "“Phân loại khen thưởng: KT đặc biệt=Tập thể; Danh hiệu: GK xã=Giấy khen”."
            )
        for pair in pairs.split("|"):
            if not pair.strip():
                continue
            value, eq, target = pair.rpartition("=")
            if not eq or not value.strip() or not target.strip():
                raise ExcelError(f"Cách ghép giá trị “{pair.strip()}” chưa đúng: cần “giá trị trong tệp=giá trị đúng”.")
            out.setdefault(clean(column), {})[value_key(value)] = clean(target)
    return out
