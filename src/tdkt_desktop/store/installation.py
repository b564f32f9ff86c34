"""Setting up this installation: which unit it is, its upper office, who signs, document number codes,
who uses it. The command line (``tdkt init``) and the first-run wizard both call :func:`init_unit`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tdkt_desktop.core import admin_units
from tdkt_desktop.core.models import UnitLevel
from tdkt_desktop.core.text import InputError, clean, name_case
from tdkt_desktop.store.db import Store, StoreError

Row = dict[str, Any]

# Kinds of documents that take a number from the register, in the order the settings show them.
DOC_TYPES = ("QĐ", "TTr", "BC", "KH", "BB", "TB")


@dataclass(frozen=True)
class Official:
    """Someone who signs this unit's documents: "Chủ tịch", with the authority prefix "TM. ỦY BAN NHÂN DÂN"."""

    full_name: str
    title: str
    authority: str = ""


def init_unit(
    store: Store,
    *,
    code: str,
    name: str | None = None,
    level: str | None = None,
    parent: str | None = None,
    parent_name: str | None = None,
    operator: str | None = None,
    officials: Sequence[Official] = (),
    doc_prefixes: Mapping[str, str] | None = None,
    legacy: bool = False,
) -> Row:
    """Declare this installation's unit — one from the official list, or a sub-unit of a commune — in one
    transaction. Returns ``{code, name, level, parent_code, province_code}`` of the unit.

    * ``code``: the official code (QĐ 19/2025; QĐ 124/2004 with ``legacy``) or a sub-unit's own code, which
      then needs ``name``, ``level`` and ``parent``.
    * ``parent``: the upper office the bundles go to. ``None``: the official list's upper office; ``""``:
      none in this system. A code missing from the official lists needs ``parent_name`` (its level is
      "other"); ``parent_name`` also names an upper office not yet in the database.
    * ``operator`` is written beside each change; ``officials`` are added to the unit's signers (one
      already there with the same name and title is kept); ``doc_prefixes`` set the code after each
      document number (``{"QĐ": "QĐ-UBND"}``).

    A database already declared for another unit is refused: each installation is one unit. Declaring the
    same unit again corrects its name, level and upper office.
    """
    code = clean(code)
    if not code:
        raise InputError("Mã đơn vị: chưa nhập.", field="code")
    current = store.unit_code
    if current and current != code:
        raise StoreError(
            f"Cơ sở dữ liệu này đã thuộc đơn vị {current}. Mỗi bản cài đặt là một đơn vị; hãy dùng một tệp "
            "cơ sở dữ liệu khác (--db) cho đơn vị mới."
        )
    official = admin_units.find(code, legacy=legacy)
    if official is not None:
        unit_level = official.level
        unit_name = clean(name) or official.name
        parent_code = clean(parent) if parent is not None else (official.parent_code or "")
        province_code: str | None = official.province_code
    else:
        if not clean(name) or not level or not clean(parent):
            raise InputError(
                f"Mã “{code}” không có trong danh mục đơn vị hành chính (QĐ 19/2025/QĐ-TTg). Để tạo đơn vị "
                "trực thuộc (trường học, trạm y tế, thôn…), hãy ghi đủ tên, loại đơn vị và mã xã, phường cấp "
                "trên (dòng lệnh: --name, --level và --parent). Tìm mã bằng “tdkt units search TÊN”.",
                field="code",
            )
        unit_level = UnitLevel.parse(level, field="Cấp, loại đơn vị").value
        unit_name = name_case(name, person=False)
        parent_code = clean(parent)
        parent_official = _official(parent_code, legacy=legacy)
        province_code = parent_official.province_code if parent_official else None
    operator = name_case(operator)
    chosen_officials = [
        Official(name_case(o.full_name), clean(o.title), clean(o.authority)) for o in officials if clean(o.full_name)
    ]
    for o in chosen_officials:
        if not o.title:
            raise InputError(f"Chức vụ của {o.full_name}: chưa nhập.", field="title")
    with store.atomic():
        if operator:
            store.set_meta("operator", operator)
            store.operator = operator
        if parent_code and store.unit_by_code(parent_code) is None:
            _add_upper_office(store, parent_code, parent_name, province_code=province_code, legacy=legacy)
        values = {
            "code": code,
            "name": unit_name,
            "level": unit_level,
            "parent_code": parent_code or None,
            "province_code": province_code or None,
        }
        existing = store.unit_by_code(code)
        if existing is None:
            store.insert("units", values, owner_unit=code)
        else:
            store.update("units", existing["id"], values)
        store.set_meta("unit_code", code)
        if chosen_officials:
            _add_officials(store, code, chosen_officials)
        if doc_prefixes is not None:
            set_doc_prefixes(store, doc_prefixes)
    return {"code": code, "name": unit_name, "level": unit_level, "parent_code": parent_code or None,
            "province_code": province_code or None}


def _official(code: str, *, legacy: bool) -> admin_units.AdminUnit | None:
    found = admin_units.find(code, legacy=legacy)
    if found is None and not legacy:
        found = admin_units.find(code, legacy=True)
    return found


def _add_upper_office(store: Store, code: str, name: str | None, *, province_code: str | None, legacy: bool) -> None:
    official = _official(code, legacy=legacy)
    if official is None and not clean(name):
        raise InputError(f"Không tìm thấy đơn vị cấp trên có mã “{code}”.", field="parent")
    values = {
        "code": code,
        "name": clean(name) or (official.name if official else code),
        "level": official.level if official else "other",
        "parent_code": (official.parent_code or None) if official else None,
        "province_code": official.province_code if official else province_code,
    }
    store.insert("units", values, owner_unit=code)


def _add_officials(store: Store, unit_code: str, officials: Sequence[Official]) -> None:
    held = store.rows("officials", "unit_code = ?", [unit_code])
    known = {(o["full_name"], o["title"]) for o in held}
    order = max((int(o.get("sort_order") or 0) for o in held), default=-1) + 1
    for o in officials:
        if (o.full_name, o.title) in known:
            continue
        known.add((o.full_name, o.title))
        store.insert(
            "officials",
            {"unit_code": unit_code, "full_name": o.full_name, "title": o.title, "authority": o.authority or None,
             "sort_order": order},
        )
        order += 1


def known_units(store: Store) -> list[Row]:
    """Every unit this installation knows (its own, its upper office, the units below), by code."""
    return store.rows("units", order_by="code")


def signers(store: Store) -> list[Row]:
    """Who signs this unit's documents, in their order (the same person and title once)."""
    out: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for o in store.rows("officials", "unit_code = ?", [store.unit_code], order_by="sort_order, full_name"):
        key = (o["full_name"], o["title"])
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out


def settings(store: Store) -> Row:
    """What the settings screen shows: the operator and the code after each kind of document number."""
    return {"operator": store.meta("operator") or "", "doc_prefixes": dict(store.meta_json("doc_prefixes", {}) or {})}


def save_settings(store: Store, *, operator: str, doc_prefixes: Mapping[str, str]) -> Row:
    """Change the operator's name (written beside every later change) and the document number codes. On an
    office's server database each officer is named by their own sign-in (store.accounts): the name is not changed
    there."""
    name = name_case(operator)
    if not name:
        raise InputError("Người sử dụng: chưa nhập họ tên (tên được ghi vào nhật ký thay đổi).", field="operator")
    with store.atomic():
        if store.account is None:
            store.set_meta("operator", name)
            store.operator = name
        set_doc_prefixes(store, doc_prefixes)
    return settings(store)


def set_doc_prefixes(store: Store, doc_prefixes: Mapping[str, str]) -> None:
    """Set the code printed after the number of these kinds of document ("QĐ" → "QĐ-UBND"); an empty code
    removes the kind's own code (the default applies again). Kinds not named keep theirs."""
    held = store.meta_json("doc_prefixes", {})
    prefixes = {str(k): str(v) for k, v in held.items()} if isinstance(held, dict) else {}
    for kind, suffix in doc_prefixes.items():
        if not clean(kind):
            raise InputError("Loại văn bản: chưa nhập.", field="doc_prefixes")
        if clean(suffix):
            prefixes[clean(kind)] = clean(suffix)
        else:
            prefixes.pop(clean(kind), None)
    store.set_meta_json("doc_prefixes", prefixes)


def has_units_below(store: Store) -> bool:
    """Whether units are recorded directly below this installation's unit (a province's wards, a ward's schools
    and hamlets): the upper office's screens are for such an installation."""
    code = store.unit_code
    if not code:
        return False
    return store.db.execute("SELECT 1 FROM units WHERE parent_code = ? AND code != ? AND deleted = 0 LIMIT 1",
                            [code, code]).fetchone() is not None
