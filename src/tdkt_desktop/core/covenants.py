"""Giao ước thi đua của cụm, khối thi đua: the member units of a covenant and the checks every covenant passes.

The units of a province are grouped into clusters (cụm) and blocs (khối) of emulation; each year the members
sign a covenant — the commitments, the criteria and targets of the year — under a leading unit (trưởng cụm,
khối) and a deputy chosen among them (Hướng dẫn 1479/HD-BTĐKT ngày 25/07/2016 of the Ban Thi đua - Khen thưởng
Trung ương, mục I; the articles of Luật Thi đua, khen thưởng 2022 on cụm, khối thi đua are not verified — see
``resources/rulesets/documents.json``, ``hd1479_2016_btdkt``).

A member is a unit (a collective of the unit tree, or typed): its ``name``, its ``unit_code`` when known, and the
person who signs for it (``signer_title``, ``signer_name``). Members are written as a JSON list, or as text, one
member a line (or separated by ";"): ``name | code | signer's title | signer's name`` (the parts after the name
may be left out).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

from tdkt_desktop.core.errors import InputError
from tdkt_desktop.core.text import clean, fold, name_case

Member = dict[str, str]

MEMBER_KEYS = ("name", "unit_code", "signer_title", "signer_name")
MIN_MEMBERS = 2  # a covenant is signed between units


def _member(item: Any, index: int, label: str) -> Member:
    if isinstance(item, str):
        parts = [clean(p) for p in item.split("|")]
        if len(parts) > len(MEMBER_KEYS):
            raise InputError(f"{label}: dòng {index} “{clean(item)}” có quá nhiều phần. Viết: tên đơn vị | mã | "
                             "chức vụ người ký | họ tên người ký.", field="members", value=item)
        item = dict(zip(MEMBER_KEYS, parts, strict=False))
    if not isinstance(item, Mapping):
        raise InputError(f"{label}: đơn vị thứ {index} không hợp lệ.", field="members", value=item)
    unknown = set(item) - set(MEMBER_KEYS)
    if unknown:
        raise InputError(f"{label}: đơn vị thứ {index} có trường không biết: {', '.join(sorted(map(str, unknown)))}. "
                         f"Các trường: {', '.join(MEMBER_KEYS)}.", field="members", value=item)
    name = name_case(clean(str(item.get("name") or "")), person=False)
    if not name:
        raise InputError(f"{label}: đơn vị thứ {index} chưa có tên.", field="members", value=item)
    out: Member = {"name": name}
    code = clean(str(item.get("unit_code") or ""))
    if code:
        out["unit_code"] = code
    title = clean(str(item.get("signer_title") or ""))
    if title:
        out["signer_title"] = title
    signer = name_case(clean(str(item.get("signer_name") or "")), person=True)
    if signer:
        out["signer_name"] = signer
    return out


def parse_members(value: Any, *, label: str = "Đơn vị thành viên") -> list[Member]:
    """The members written in ``value`` (a list, its JSON, or lines of text), cleaned; a member named twice (by
    name without tones, or by code) is refused."""
    if value is None:
        return []
    items: Any = value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return []
        if text.startswith("["):
            try:
                items = json.loads(text)
            except json.JSONDecodeError:
                raise InputError(f"{label}: danh sách không đọc được.", field="members", value=value) from None
        else:
            items = [line for chunk in text.splitlines() for line in chunk.split(";") if line.strip()]
    if not isinstance(items, (list, tuple)):
        raise InputError(f"{label}: phải là danh sách các đơn vị.", field="members", value=value)
    members = [_member(item, i, label) for i, item in enumerate(items, start=1)]
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for member in members:
        key = fold(member["name"])
        if key in names:
            raise InputError(f"{label}: “{member['name']}” có hai lần trong danh sách.", field="members",
                             value=member["name"])
        names[key] = member["name"]
        code = member.get("unit_code")
        if code:
            if code in codes:
                raise InputError(f"{label}: mã đơn vị {code} có hai lần (“{codes[code]}” và “{member['name']}”).",
                                 field="members", value=code)
            codes[code] = member["name"]
    return members


def members_text(members: list[Member]) -> str:
    """Members as the text form :func:`parse_members` reads (one a line)."""
    lines = []
    for m in members:
        parts = [m.get(k, "") for k in MEMBER_KEYS]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def members_summary(value: Any) -> str:
    """Stored members as a person reads them in a list: "Phường Tân An; Phường Ninh Kiều" (the value as it is
    when it cannot be read)."""
    try:
        return "; ".join(m["name"] for m in parse_members(value))
    except InputError:
        return str(value)


def check_covenant(row: Mapping[str, Any]) -> None:
    """Refuse (:class:`InputError`) a covenant that is not whole: fewer than two members, a leading or deputy unit
    that is not a member (or the same unit in both roles), a signing date outside the covenant's year (or the
    December before it)."""
    members = parse_members(row.get("members"))
    if len(members) < MIN_MEMBERS:
        raise InputError(f"Đơn vị thành viên: giao ước thi đua cần ít nhất {MIN_MEMBERS} đơn vị ký kết "
                         f"(mới có {len(members)}).", field="members")
    names = {fold(m["name"]) for m in members}
    for name, label in (("leader", "Đơn vị trưởng cụm, khối"), ("deputy", "Đơn vị phó cụm, khối")):
        value = clean(str(row.get(name) or ""))
        if value and fold(value) not in names:
            raise InputError(f"{label}: “{value}” không có trong danh sách đơn vị thành viên. Hãy thêm đơn vị vào "
                             "danh sách hoặc chọn một đơn vị thành viên.", field=name, value=value)
    leader, deputy = fold(str(row.get("leader") or "")), fold(str(row.get("deputy") or ""))
    if leader and leader == deputy:
        raise InputError("Đơn vị phó cụm, khối: phải khác đơn vị trưởng cụm, khối.", field="deputy",
                         value=row.get("deputy"))
    signed, year = row.get("signed_on"), row.get("year")
    if signed and year:
        on = signed if isinstance(signed, _dt.date) else _dt.date.fromisoformat(str(signed))
        if not int(year) - 1 <= on.year <= int(year) or (on.year == int(year) - 1 and on.month < 12):
            raise InputError(f"Ngày ký: {on.strftime('%d/%m/%Y')} không thuộc năm {year} của giao ước (ký trong "
                             f"năm {year} hoặc tháng 12/{int(year) - 1}).", field="signed_on", value=str(signed))


__all__ = ["MEMBER_KEYS", "MIN_MEMBERS", "Member", "check_covenant", "members_summary", "members_text", "parse_members"]
