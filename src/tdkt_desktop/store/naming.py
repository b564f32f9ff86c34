"""A unit's naming (:class:`~tdkt_desktop.core.naming.Naming`), read from the database: the type word of its
province, and of its commune when the unit is one — how it names the deciding bodies of the awards ("Giấy
khen của Chủ tịch Ủy ban nhân dân phường", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tdkt_desktop.core.models import TITLE_CODES
from tdkt_desktop.core.naming import GENERIC, Naming

if TYPE_CHECKING:  # the store indexes names for search with it: no import cycle at run time
    from tdkt_desktop.store.db import Store

__all__ = ["localised_title", "naming_of"]


def naming_of(store: Store, unit_code: str | None = None) -> Naming:
    """How the unit ``unit_code`` (default: this installation's) names the bodies in award titles; the
    catalogue's words when the unit is not known."""
    unit = store.unit_by_code(unit_code) if unit_code else store.self_unit()
    if unit is None:
        return GENERIC
    province = store.unit_by_code(unit["province_code"]) if unit.get("province_code") else None
    if province is None and unit.get("level") == "province":
        province = unit
    return Naming.of_units(
        province_name=province["name"] if province else None,
        commune_name=unit["name"] if unit.get("level") == "commune" else None,
    )


def localised_title(store: Store, code: str, *, unit_code: str | None = None, name: str | None = None) -> str:
    """The award's name in the words of the unit ``unit_code`` (default: this installation's). ``name`` is
    the rule set's name for the date when it differs from the catalogue's (an older name is kept as it was)."""
    if name is not None and name != TITLE_CODES.get(code):
        return name
    return naming_of(store, unit_code).title(code)
