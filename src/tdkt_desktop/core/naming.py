"""How places and the bodies that give awards are named.

A unit's name starts with the word of its type: "Phường Tân An", "Thành phố Cần Thơ", "Xã Tân Phú".
The award catalogue names its deciding bodies in the words of a province and a commune ("Bằng khen của
Chủ tịch Ủy ban nhân dân tỉnh", "Giấy khen của Chủ tịch Ủy ban nhân dân xã"); an installation in a
centrally-run city says "thành phố", one in a ward says "phường", and an office above the communes says
"cấp xã" (every kind of commune at once, as the Law does). :class:`Naming` holds these words for one
installation and is handed to whatever names an award — screens, printing, Excel, the search index;
``tdkt_desktop.store.naming.naming_of`` gives an installation's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from tdkt_desktop.core.models import TITLE_CODES

__all__ = ["GENERIC", "TYPE_WORDS", "Naming", "household_name", "place_of", "unit_type_word"]

# The type words that start a unit's name, as written at the start of a name.
TYPE_WORDS = ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Phường", "Xã", "Đặc khu")

# Commune-level type words (QĐ 19/2025: xã, phường, đặc khu; thị trấn before 01/7/2025).
_COMMUNE_WORDS = ("xã", "phường", "đặc khu", "thị trấn")


def household_name(head_name: str, head_gender: str | None = None) -> str:
    """How a household is named on a decision, a certificate and a list: "Hộ ông Lê Văn Ba", "Hộ bà Lê Ngọc
    Dung" by the head's gender, "Hộ gia đình …" when it is not recorded (never "Hộ ông/bà"). A name already
    written as a household's ("Hộ …") is kept as written."""
    name = " ".join(str(head_name or "").split())
    if name.lower().startswith("hộ "):
        return name
    honorific = {"female": "Hộ bà", "male": "Hộ ông"}.get(head_gender or "", "Hộ gia đình")
    return f"{honorific} {name}"


def unit_type_word(name: str | None) -> str | None:
    """ "thành phố" for "Thành phố Cần Thơ", "phường" for "Phường Tân An"; ``None`` when there is none."""
    text = name or ""
    return next((word.lower() for word in TYPE_WORDS if text.startswith(word + " ")), None)


def place_of(name: str | None) -> str:
    """ "Tân An" for "Phường Tân An": the name without its type word."""
    text = name or ""
    for word in TYPE_WORDS:
        if text.startswith(word + " "):
            return text[len(word) + 1 :]
    return text


@dataclass(frozen=True)
class Naming:
    """The words an installation's award titles use for its province and its commune."""

    province_word: str = "tỉnh"
    commune_word: str = "xã"

    @classmethod
    def of_units(cls, *, province_name: str | None, commune_name: str | None) -> Naming:
        """The naming of an installation in the province ``province_name`` and, when it is a commune, the
        commune ``commune_name`` (``None`` above the communes: "cấp xã")."""
        province = unit_type_word(province_name)
        province = province if province in ("tỉnh", "thành phố") else GENERIC.province_word
        if commune_name is None:
            return cls(province, "cấp xã")
        commune = unit_type_word(commune_name)
        return cls(province, commune if commune in _COMMUNE_WORDS else GENERIC.commune_word)

    def title(self, code: str) -> str:
        """The award's name: "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" in a centrally-run city,
        "Giấy khen của Chủ tịch Ủy ban nhân dân phường" in a ward."""
        label = TITLE_CODES.get(code, code)
        if code == "BANG_KHEN_TINH":
            return label.replace("tỉnh", self.province_word)
        if code == "GIAY_KHEN":
            return label.replace("xã", self.commune_word)
        return label

    @property
    def key(self) -> str:
        """A short text that changes when the naming does (what the search index was built with)."""
        return f"{self.province_word}|{self.commune_word}"


# The catalogue's own words, for what belongs to no installation (tools, rule-set files).
GENERIC = Naming()
