"""The names of the awards as a unit's own documents print them.

The catalogue names the deciding bodies with the national words ("Giấy khen của Chủ tịch Ủy ban nhân dân
xã", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"); a ward and a centrally-run city say "phường" and "thành
phố". :func:`localised_title` asks :func:`tdkt_desktop.core.models.title_label` — the one naming function — with
the words of the unit that decides (by default this installation's unit).
"""

from __future__ import annotations

from tdkt_desktop.core.models import TITLE_CODES, title_label, unit_type_word
from tdkt_desktop.store.db import Row, Store

__all__ = ["localised_title"]


def _unit(store: Store, unit_code: str | None) -> Row | None:
    return store.unit_by_code(unit_code) if unit_code else store.self_unit()


def localised_title(store: Store | None, code: str, *, unit_code: str | None = None, name: str | None = None) -> str:
    """The award's name as printed for the unit ``unit_code`` (default: this installation's unit): "Bằng khen
    của Chủ tịch Ủy ban nhân dân thành phố" for a centrally-run city, "Giấy khen của Chủ tịch Ủy ban nhân dân
    phường" for a ward. ``name`` is the rule set's name for the date when it differs from the catalogue's
    (an older name is kept as it was)."""
    if name is not None and name != TITLE_CODES.get(code):
        return name
    if store is None:
        return title_label(code)
    unit = _unit(store, unit_code)
    province = store.unit_by_code(unit["province_code"]) if unit and unit.get("province_code") else None
    if province is None and unit is not None and unit["level"] == "province":
        province = unit
    return title_label(
        code,
        province_word=unit_type_word(province["name"] if province else None) or "tỉnh",
        commune_word=(unit_type_word(unit["name"]) if unit and unit["level"] == "commune" else None) or "xã",
    )
