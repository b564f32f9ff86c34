"""Realistic demo data for one commune-level unit, shaped like the directives units receive.

Campaigns like the seed directives (every kind of target comparator), results for two periods,
registrations, people, collectives and households with their history, nominations with dossiers,
a council vote session and a decision with số sổ vàng and money.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
from typing import Any

from tdkt_desktop.core.naming import household_name
from tdkt_desktop.store import Store

DEMO_UNIT = "31147"  # Phường Tân An, thành phố Cần Thơ (QĐ 19/2025/QĐ-TTg)

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
_MIDDLE_F = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Kim", "Ngọc", "Thị Mỹ", "Thị Bích"]
_MIDDLE_M = ["Văn", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Công", "Hoàng"]
_GIVEN_F = ["Hà", "Lan", "Hương", "Trang", "Ánh", "Dung", "Yến", "Thảo", "Ngân", "Oanh", "Phượng", "Uyên", "Đào", "Ấn"]
_GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Ân"]

_POSITIONS: list[tuple[str, ...]] = [
    ("Chủ tịch", "Lãnh đạo cấp phòng"),
    ("Phó Chủ tịch", "Lãnh đạo từ cấp phó trưởng phòng trở lên"),
    ("Công chức Văn phòng - Thống kê", "Người trực tiếp công tác"),
    ("Công chức Tư pháp - Hộ tịch", "Người trực tiếp công tác"),
    ("Công chức Địa chính - Xây dựng", "Người trực tiếp công tác"),
    ("Công chức Văn hóa - Xã hội", "Người trực tiếp công tác"),
    ("Công chức Tài chính - Kế toán", "Người trực tiếp công tác"),
    ("Giáo viên", "Người trực tiếp công tác", "Trường Tiểu học Tân An 1"),
    ("Y sĩ", "Người trực tiếp công tác", "Trạm Y tế phường Tân An"),
    ("Trưởng khu vực", "Người trực tiếp công tác", "Khu vực 2, phường Tân An"),
]

SUB_UNITS = [
    ("31147-TH1", "Trường Tiểu học Tân An 1", "school"),
    ("31147-MN", "Trường Mầm non Hoa Sen", "school"),
    ("31147-TYT", "Trạm Y tế phường Tân An", "health"),
    ("31147-KV1", "Khu vực 1", "hamlet"),
    ("31147-KV2", "Khu vực 2", "hamlet"),
    ("31147-KV3", "Khu vực 3", "hamlet"),
    ("31147-PN", "Hội Liên hiệp Phụ nữ phường Tân An", "mass_org"),
]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _name(rng: random.Random, female: bool) -> str:
    family = rng.choice(_FAMILY)
    if female:
        return f"{family} {rng.choice(_MIDDLE_F)} {rng.choice(_GIVEN_F)}"
    return f"{family} {rng.choice(_MIDDLE_M)} {rng.choice(_GIVEN_M)}"


def _dossier(code: str, subject_kind: str, award_kind: str, on: _dt.date, *, complete: bool, first: int = 0) -> str:
    """The dossier checklist of the rule set in force, with everything (or the first few items) ticked."""
    from tdkt_desktop.core import rules

    items = rules.dossier_for(rules.ruleset_for(on), code, subject_kind=subject_kind, award_kind=award_kind)
    state = {item.key: complete or i < first for i, item in enumerate(items)}
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


class _Localised:
    """The store, with the demo's texts and codes written for the installation's own unit: the records
    are written for Phường Tân An (31147) and renamed on the way in for any other unit."""

    def __init__(self, store: Store, unit: dict[str, Any]) -> None:
        self._store = store
        name = str(unit["name"])
        place = name.split(" ", 1)[1] if name.split(" ", 1)[0] in ("Phường", "Xã") else name
        lower = name[:1].lower() + name[1:]
        self._subs = [] if unit["code"] == DEMO_UNIT else [
            ("31147", str(unit["code"])), ("phường Tân An", lower), ("Phường Tân An", name), ("Tân An", place),
            ("quận Ninh Kiều", "cấp huyện (trước 01/7/2025)"),
        ]
        province = store.unit_by_code(unit["province_code"]) if unit.get("province_code") else None
        if province is not None and province["code"] != "92":
            pname = str(province["name"])
            self._subs.append(("thành phố Cần Thơ", pname[:1].lower() + pname[1:]))

    def text(self, value: Any) -> Any:
        if isinstance(value, str):
            for old, new in self._subs:
                value = value.replace(old, new)
        elif isinstance(value, list):
            return [self.text(v) for v in value]
        return value

    def insert(self, table: str, values: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        if "owner_unit" in kwargs:
            kwargs["owner_unit"] = self.text(kwargs["owner_unit"])
        return self._store.insert(table, {k: self.text(v) for k, v in values.items()}, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def build_demo(store: Store, *, seed: int = 2026, people: int = 36) -> dict[str, int]:
    """Fill the database of this installation's unit with demo records; returns counts added."""
    rng = random.Random(seed)
    unit = store.self_unit()
    if unit is None:
        raise ValueError("build_demo needs the installation's unit (tdkt init) first")
    store = _Localised(store, unit)  # type: ignore[assignment]
    code = unit["code"]
    upper_code = unit["parent_code"] or code
    upper = store.unit_by_code(upper_code)
    upper_name = upper["name"] if upper else "Ủy ban nhân dân tỉnh"
    before = store.stats()
    this_year = 2026
    last_year = this_year - 1
    with store.atomic():
        _units_and_officials(store, code, unit["name"])
        persons = _people(store, rng, code, unit["name"], people)
        collectives = _collectives(store, code)
        households = _households(store, rng, code)
        _history(store, rng, persons, collectives, last_year)
        campaigns = _campaigns(store, code, upper_code, upper_name, unit["name"], this_year)
        _results(store, rng, campaigns, code, this_year)
        _registrations(store, rng, campaigns, persons, collectives, households, this_year)
        _covenant(store, code, unit["name"], this_year)
        _nominations_and_decision(store, rng, code, unit["name"], campaigns, persons, collectives, households, last_year, this_year)
        store.set_meta_json(
            "doc_prefixes",
            {"TTr": "TTr-UBND", "QĐ": "QĐ-UBND", "BC": "BC-UBND", "BB": "BB-HĐTĐKT", "KH": "KH-UBND"},
        )
        store.set_meta("place_name", unit["name"].replace("Phường ", "").replace("Xã ", ""))
    after = store.stats()
    return {table: after[table] - before.get(table, 0) for table in after}


def _units_and_officials(store: Store, code: str, name: str) -> None:
    for sub_code, sub_name, level in SUB_UNITS:
        if store.unit_by_code(sub_code.replace(DEMO_UNIT, code)) is None:
            store.insert("units", {"code": sub_code, "name": sub_name, "level": level, "parent_code": code}, owner_unit=code)
    officials = [
        ("Trần Văn Bình", "Chủ tịch", "TM."),
        ("Lê Thị Ngọc Hân", "Phó Chủ tịch", "KT."),
        ("Phạm Quốc Việt", "Phó Chủ tịch", "KT."),
    ]
    for i, (full_name, title, authority) in enumerate(officials):
        store.insert("officials", {"unit_code": code, "full_name": full_name, "title": title, "authority": authority, "sort_order": i})


def _people(store: Store, rng: random.Random, code: str, unit_name: str, count: int) -> list[dict[str, Any]]:
    out = []
    fixed = [
        ("Trần Văn Bình", False, 0),
        ("Lê Thị Ngọc Hân", True, 1),
        ("Phạm Quốc Việt", False, 1),
        ("Nguyễn Thị Thu Hà", True, 2),
        ("Võ Minh Tâm", False, 3),
        ("Đặng Thị Kim Đào", True, 5),
    ]
    for i in range(count):
        if i < len(fixed):
            full_name, female, pos = fixed[i]
        else:
            female = rng.random() < 0.55
            full_name = _name(rng, female)
            pos = rng.randrange(2, len(_POSITIONS))
        position, nominee_class, *where = _POSITIONS[pos]
        birth = _dt.date(rng.randint(1968, 1998), rng.randint(1, 12), rng.randint(1, 28))
        workplace = where[0] if where else f"Ủy ban nhân dân {unit_name[:1].lower()}{unit_name[1:]}"
        out.append(
            store.insert(
                "people",
                {
                    "full_name": full_name,
                    "gender": "female" if female else "male",
                    "birth_date": birth.isoformat(),
                    "position": position,
                    "unit_code": code,
                    "workplace": workplace,
                    "hometown": rng.choice(["Cần Thơ", "Vĩnh Long", "Hậu Giang", "An Giang", "Sóc Trăng"]),
                    "residence": f"{rng.randint(1, 250)} đường 30/4, {unit_name}, thành phố Cần Thơ",
                    "education": rng.choice(["Đại học Luật", "Đại học Kinh tế", "Cao đẳng Sư phạm", "Đại học Hành chính", "Thạc sĩ Quản lý công"]),
                    "nominee_class": nominee_class,
                    "field": rng.choice(["Quản lý nhà nước", "Giáo dục", "Y tế", "Văn hóa - xã hội", "Kinh tế"]),
                },
            )
        )
    return out


def _collectives(store: Store, code: str) -> list[dict[str, Any]]:
    rows = [
        ("Văn phòng Ủy ban nhân dân phường Tân An", "office", 12, 7, "Cơ quan hành chính",
         "Phan Thị Ngọc Trâm", "Chánh Văn phòng"),
        ("Trường Tiểu học Tân An 1", "school", 46, 35, "Đơn vị sự nghiệp công lập", "Đặng Thị Hồng Nhung", "Hiệu trưởng"),
        ("Trường Mầm non Hoa Sen", "school", 28, 27, "Đơn vị sự nghiệp công lập", "Võ Thị Kim Yến", "Hiệu trưởng"),
        ("Trạm Y tế phường Tân An", "health", 9, 6, "Đơn vị sự nghiệp công lập", "Lý Văn Tùng", "Trưởng trạm"),
        ("Khu vực 1", "hamlet", 15, 6, "Khác", "Ngô Văn Lực", "Trưởng khu vực"),
        ("Khu vực 2", "hamlet", 14, 5, "Khác", "Bùi Thị Ánh", "Trưởng khu vực"),
        ("Hội Liên hiệp Phụ nữ phường Tân An", "mass_org", 7, 7, "Cơ quan Đảng, đoàn thể", "Huỳnh Thị Dương",
         "Chủ tịch Hội"),
        ("Hợp tác xã Dịch vụ Tân An", "cooperative", 21, 9, "Hợp tác xã", "Đỗ Văn Triết", "Giám đốc"),
    ]
    return [
        store.insert(
            "collectives",
            {"name": n, "kind": k, "unit_code": code, "members_count": m, "women_count": w, "nominee_class": c,
             "head_name": head, "head_title": title},
        )
        for n, k, m, w, c, head, title in rows
    ]


def _households(store: Store, rng: random.Random, code: str) -> list[dict[str, Any]]:
    out = []
    for i in range(8):
        female = rng.random() < 0.4
        head = _name(rng, female)
        out.append(
            store.insert(
                "households",
                {"head_name": head, "head_gender": "female" if female else "male",
                 "address": f"Khu vực {1 + i % 3}, phường Tân An", "unit_code": code, "members_count": rng.randint(2, 7)},
            )
        )
    return out


def _history(store: Store, rng: random.Random, persons: list[dict[str, Any]], collectives: list[dict[str, Any]], last_year: int) -> None:
    for idx, person in enumerate(persons):
        for year in (last_year - 2, last_year - 1, last_year):
            rating = "excellent" if (idx % 3 == 0 or (idx % 3 == 1 and year == last_year)) else rng.choice(["good", "good", "done"])
            store.insert("ratings", {"subject_kind": "person", "subject_id": person["id"], "year": year, "rating": rating})
            if year < last_year and rating in ("excellent", "good"):
                store.insert(
                    "award_history",
                    {
                        "subject_kind": "person", "subject_id": person["id"], "year": year, "code": "LDTT",
                        "award_name": "Lao động tiên tiến", "award_kind": "cong_trang",
                        "decision_number": f"{rng.randint(20, 60)}/QĐ-UBND", "decision_date": f"{year}-12-2{rng.randint(0, 8)}",
                        "issuer": "Ủy ban nhân dân quận Ninh Kiều" if year < 2025 else "Ủy ban nhân dân phường Tân An",
                    },
                )
            if year < last_year and rating == "excellent" and idx % 3 == 0:
                store.insert(
                    "award_history",
                    {
                        "subject_kind": "person", "subject_id": person["id"], "year": year, "code": "CSTDCS",
                        "award_name": "Chiến sĩ thi đua cơ sở", "award_kind": "cong_trang",
                        "decision_number": f"{rng.randint(61, 99)}/QĐ-UBND", "decision_date": f"{year}-12-28",
                        "issuer": "Ủy ban nhân dân quận Ninh Kiều",
                    },
                )
        if idx % 4 == 0:
            store.insert(
                "initiatives",
                {
                    "person_id": person["id"], "year": last_year,
                    "name": rng.choice([
                        "Số hóa hồ sơ hộ tịch tại bộ phận một cửa phường",
                        "Mô hình “Tổ dân phố không có tội phạm ma túy”",
                        "Ứng dụng Zalo OA trong tiếp nhận phản ánh của người dân",
                        "Quy trình rút gọn cấp bản sao trích lục hộ tịch",
                    ]),
                    "level": "Cơ sở", "decision_number": f"{rng.randint(10, 40)}/QĐ-HĐSK", "recognised": 1,
                },
            )
    for collective in collectives:
        for year in (last_year - 1, last_year):
            store.insert("ratings", {"subject_kind": "collective", "subject_id": collective["id"], "year": year, "rating": "excellent"})


def _campaigns(store: Store, code: str, upper_code: str, upper_name: str, unit_name: str, year: int) -> dict[str, dict[str, Any]]:
    province = store.insert(
        "campaigns",
        {
            "name": f"Phong trào thi đua yêu nước thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {year}",
            "doc_kind": "CT", "doc_number": "12/CT-UBND", "doc_date": f"{year - 1}-12-15",
            "issuing_body": f"Ủy ban nhân dân {_lower_first(upper_name)}" if not upper_name.startswith("Ủy") else upper_name,
            "signer": "Dương Tấn Hiển", "signer_title": "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
            "subject": f"Về việc phát động phong trào thi đua yêu nước thực hiện các chỉ tiêu kinh tế - xã hội, quốc phòng - an ninh năm {year}",
            "campaign_type": "regular", "year": year,
            "start_date": f"{year}-01-01", "end_date": f"{year}-12-31",
            "midterm_review": f"{year}-07-15", "final_review": f"{year}-12-20",
            "registration_deadline": f"{year}-03-31", "submission_deadline": f"{year}-12-10",
            "content_json": [
                "Quán triệt, tuyên truyền Chỉ thị số 34-CT/TW về tiếp tục đổi mới công tác thi đua, khen thưởng",
                "Thi đua hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm " + str(year),
                "Đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao chỉ số PAR INDEX, SIPAS",
                "Duy trì, nâng cao chất lượng hoạt động cụm, khối thi đua",
            ],
            "movements_json": [
                "Cả nước chung sức xây dựng nông thôn mới",
                "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
                "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
            ],
            "awards_json": ["Cờ thi đua của Ủy ban nhân dân thành phố", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"],
            # the upper office's directive, typed here before that office sends it: this unit's own copy
            "issued_by": code, "doc_issuer": upper_code,
        },
    )
    thematic = store.insert(
        "campaigns",
        {
            "name": f"Phong trào thi đua “{unit_name} đẩy mạnh chuyển đổi số” giai đoạn {year}",
            "doc_kind": "KH", "doc_number": "08/KH-UBND", "doc_date": f"{year}-02-20",
            "issuing_body": f"Ủy ban nhân dân {_lower_first(unit_name)}", "signer": "Trần Văn Bình", "signer_title": "CHỦ TỊCH",
            "subject": "Phát động phong trào thi đua chuyên đề chuyển đổi số",
            "campaign_type": "thematic", "year": year,
            "start_date": f"{year}-03-01", "end_date": f"{year}-11-30",
            "midterm_review": f"{year}-07-10", "final_review": f"{year}-12-05", "submission_deadline": f"{year}-11-25",
            "content_json": ["100% hồ sơ thủ tục hành chính tiếp nhận trực tuyến toàn trình", "Mỗi khu vực có tổ công nghệ số cộng đồng"],
            "awards_json": ["Giấy khen của Chủ tịch Ủy ban nhân dân phường"],
            "issued_by": code,
        },
    )
    peak = store.insert(
        "campaigns",
        {
            "name": "Đợt thi đua cao điểm chào mừng kỷ niệm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
            "doc_kind": "KH", "doc_number": "21/KH-UBND", "doc_date": f"{year}-04-02",
            "issuing_body": f"Ủy ban nhân dân {_lower_first(unit_name)}", "signer": "Lê Thị Ngọc Hân", "signer_title": "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
            "campaign_type": "peak", "year": year, "start_date": f"{year}-04-15", "end_date": f"{year}-06-11",
            "final_review": f"{year}-06-20", "submission_deadline": f"{year}-06-15", "issued_by": code,
        },
    )
    targets = [
        ("Tăng trưởng giá trị sản xuất thương mại - dịch vụ", "range", 9.5, 10.0, "%/năm", None, None, 0, "mean"),
        ("Thu ngân sách nhà nước trên địa bàn", "at_least", 45000.0, None, "triệu đồng", None, None, 0, "sum"),
        ("Tỷ lệ hộ nghèo", "at_most", 0.5, None, "%", None, None, 1, "mean"),
        ("Tỷ lệ bao phủ bảo hiểm y tế", "at_least", 95.0, None, "%", None, None, 0, "mean"),
        ("Công nhận khu vực đạt chuẩn văn minh đô thị", "count", 3.0, None, "khu vực", 1.0, "khu vực đạt chuẩn kiểu mẫu", 0, "sum"),
        ("Số bác sĩ", "rate", 10.0, None, "bác sĩ/vạn dân", None, None, 0, "mean"),
        ("Hồ sơ thủ tục hành chính giải quyết đúng hạn", "completion", 100.0, None, "%", None, None, 0, "mean"),
        ("Giao quân", "exact", 25.0, None, "thanh niên", None, None, 0, "sum"),
        ("Tỷ lệ khu vực đạt tiêu chuẩn an toàn về an ninh, trật tự", "at_least", 75.0, None, "%", None, None, 0, "share_reaching"),
    ]
    for seq, (measure, comparator, value, high, unit, sub, sub_label, strict, rollup) in enumerate(targets, 1):
        store.insert(
            "targets",
            {
                "campaign_id": province["id"], "seq": seq, "measure": measure, "comparator": comparator,
                "value": value, "value_high": high, "unit": unit, "sub_count": sub, "sub_label": sub_label,
                "strict": strict, "rollup": rollup,
            },
        )
    for seq, (measure, comparator, value, unit) in enumerate(
        [("Hồ sơ thủ tục hành chính tiếp nhận trực tuyến toàn trình", "completion", 100.0, "%"),
         ("Số tổ công nghệ số cộng đồng thành lập", "count", 3.0, "tổ")], 1
    ):
        store.insert(
            "targets",
            {"campaign_id": thematic["id"], "seq": seq, "measure": measure, "comparator": comparator, "value": value, "unit": unit, "rollup": "sum"},
        )
    return {"province": province, "thematic": thematic, "peak": peak}


def _results(store: Store, rng: random.Random, campaigns: dict[str, dict[str, Any]], code: str, year: int) -> None:
    h1 = {1: 4.6, 2: 24100.0, 3: 0.62, 4: 93.8, 5: (1.0, 0.0), 6: 9.1, 7: 97.5, 8: 25.0, 9: 66.7}
    full = {1: 9.8, 2: 47250.0, 3: 0.41, 4: 95.3, 5: (3.0, 1.0), 6: 10.4, 7: 100.0, 8: 25.0, 9: 100.0}
    for target in store.rows("targets", "campaign_id = ?", [campaigns["province"]["id"]], order_by="seq"):
        for period, figures in ((f"{year}-H1", h1), (str(year), full)):
            fig = figures[target["seq"]]
            value, sub = fig if isinstance(fig, tuple) else (fig, None)
            store.insert("target_results", {"target_id": target["id"], "unit_code": code, "period": period, "value": value, "sub_value": sub})
    for target in store.rows("targets", "campaign_id = ?", [campaigns["thematic"]["id"]], order_by="seq"):
        store.insert("target_results", {"target_id": target["id"], "unit_code": code, "period": f"{year}-H1", "value": 92.0 if target["seq"] == 1 else 2.0})
    for sub_code in (f"{code}-KV1", f"{code}-KV2", f"{code}-KV3"):
        for period in (f"{year}-H1", str(year)):
            store.insert(
                "participations",
                {"campaign_id": campaigns["province"]["id"], "period": period, "unit_code": sub_code,
                 "collectives_count": rng.randint(3, 8), "people_count": rng.randint(120, 400), "households_count": rng.randint(300, 900)},
                owner_unit=code,
            )


def _registrations(store, rng, campaigns, persons, collectives, households, year) -> None:  # type: ignore[no-untyped-def]
    cid = campaigns["province"]["id"]
    for idx, person in enumerate(persons):
        title = "CSTDCS" if idx % 3 == 0 else "LDTT"
        store.insert(
            "registrations",
            {"campaign_id": cid, "year": year, "subject_kind": "person", "subject_id": person["id"],
             "subject_name": person["full_name"], "title_code": title, "registered_on": f"{year}-02-{10 + idx % 15}"},
        )
    for idx, collective in enumerate(collectives):
        store.insert(
            "registrations",
            {"campaign_id": cid, "year": year, "subject_kind": "collective", "subject_id": collective["id"],
             "subject_name": collective["name"], "title_code": "TLDXS" if idx < 3 else "TLDTT", "registered_on": f"{year}-02-25"},
        )
    for household in households[:5]:
        store.insert(
            "registrations",
            {"campaign_id": cid, "year": year, "subject_kind": "household", "subject_id": household["id"],
             "subject_name": household_name(household["head_name"], household["head_gender"]), "title_code": "GIA_DINH_VAN_HOA", "registered_on": f"{year}-03-05"},
        )


def _covenant(store: Store, code: str, unit_name: str, year: int) -> None:
    """The year's giao ước thi đua of the unit's cluster: the unit leads it, three neighbouring wards sign with it."""
    from tdkt_desktop.core.text import fold

    neighbours = [("Phường Cái Khế", "Nguyễn Thị Mỹ Linh"), ("Phường An Bình", "Huỳnh Văn Tài"),
                  ("Phường Thới An Đông", "Đặng Minh Khoa"), ("Phường Bình Thủy", "Lý Thị Thu Trang")]
    members = [{"name": unit_name, "unit_code": code, "signer_title": "Chủ tịch Ủy ban nhân dân",
                "signer_name": "Trần Văn Bình"}]
    members += [{"name": n, "signer_title": "Chủ tịch Ủy ban nhân dân", "signer_name": who} for n, who in neighbours
                if fold(n) != fold(unit_name)][:3]
    store._store.insert("covenants", {  # type: ignore[attr-defined]  # names already the unit's own
        "cluster_name": "Cụm thi đua số 1", "cluster_kind": "cum", "year": year,
        "leader": unit_name, "deputy": members[1]["name"], "members": members,
        "commitments": "Thi đua hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội năm "
                       f"{year} do Hội đồng nhân dân giao.\n"
                       "Đẩy mạnh cải cách hành chính, chuyển đổi số; 100 % hồ sơ thủ tục hành chính giải quyết đúng hạn.\n"
                       "Giữ vững an ninh chính trị, trật tự an toàn xã hội; không để xảy ra điểm nóng.",
        "criteria": "Thu ngân sách nhà nước trên địa bàn đạt từ 100 % dự toán trở lên.\n"
                    "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” từ 95 % trở lên.",
        "signed_on": f"{year}-01-20", "signed_place": unit_name,
    })


def _nominations_and_decision(
    store: Store, rng: random.Random, code: str, unit_name: str, campaigns: dict[str, Any],
    persons: list[dict[str, Any]], collectives: list[dict[str, Any]], households: list[dict[str, Any]],
    last_year: int, this_year: int,
) -> None:
    from tdkt_desktop.store import council, office

    cid = campaigns["province"]["id"]
    year_end = _dt.date(last_year, 12, 22)
    today = _dt.date(this_year, 6, 30)
    session = store.insert(
        "vote_sessions",
        {"unit_code": code, "meeting_date": f"{last_year}-12-12", "place": f"Hội trường Ủy ban nhân dân {_lower_first(unit_name)}",
         "period": str(last_year), "total_members": 9, "present": 8, "written_opinions": 1,
         "chair": "Trần Văn Bình", "secretary": "Nguyễn Thị Thu Hà"},
    )
    achievements = {
        "LDTT": "Hoàn thành tốt nhiệm vụ được giao; chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tích cực tham gia phong trào thi đua.",
        "CSTDCS": "Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được Hội đồng sáng kiến phường công nhận, áp dụng hiệu quả tại đơn vị.",
        "TLDTT": "Tập thể hoàn thành tốt nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ, trên 70% đạt Lao động tiên tiến.",
        "GIAY_KHEN": "Có thành tích xuất sắc trong phong trào thi đua chuyển đổi số của phường.",
    }

    def nominate(subject_kind: str, subject: dict[str, Any], title: str) -> dict[str, Any]:
        dossier = json.loads(_dossier(title, subject_kind, "cong_trang", year_end, complete=True))
        if subject_kind == "collective":  # the member figures a unit sends with a collective's dossier
            members = int(subject.get("members_count") or 0)
            dossier["facts"] = {"members": members, "members_completed": members, "members_ldtt": round(members * 0.8),
                                "has_cstdcs_member": False, "disciplined_warning_or_above": False}
        return store.insert(
            "nominations",
            {"subject_kind": subject_kind, "subject_id": subject["id"], "subject_name": subject.get("full_name") or subject["name"],
             "title_code": title, "award_kind": "cong_trang", "campaign_id": cid, "year": last_year, "period": str(last_year),
             "achievement": achievements[title], "nominee_class": subject.get("nominee_class"), "field": subject.get("field"),
             "dossier_json": dossier, "status": "submitted", "submitted_on": f"{last_year}-12-05", "unit_code": code},
        )

    # Year-end round through the real workflow: every person proposed for LĐTT, every third one also for
    # CSTĐCS, four collectives for TLĐTT; the council votes on CSTĐCS (7 of 9 members is short of 80 % of the
    # council even though 7 of the 8 present is 87,5 %); appraisal, approval or refusal; one decision.
    ldtt = [nominate("person", p, "LDTT") for p in persons[:14]]
    cstdcs = [nominate("person", p, "CSTDCS") for i, p in enumerate(persons[:14]) if i % 3 == 0]
    tldtt = [nominate("collective", c, "TLDTT") for c in collectives[:4]]
    for n in ldtt + cstdcs + tldtt:
        office.receive(store, n["id"])
    council.record_votes(store, session_id=session["id"],
                         votes={n["id"]: (7 if i == 3 else 8) for i, n in enumerate(cstdcs)})
    approved: list[str] = []
    for n in ldtt + tldtt + cstdcs:  # LĐTT first: a CSTĐCS needs that year's LĐTT
        result = office.appraise(store, n["id"], decision_date=year_end)
        if result.eligible and result.vote_passed is not False and result.dossier_complete:
            office.approve(store, n["id"])
            approved.append(n["id"])
        else:
            office.reject(store, n["id"], reason="; ".join(result.reasons[:2]) or "Không đủ tiêu chuẩn.")
    office.issue_decision(
        store, approved, decision_date=year_end, signer="Trần Văn Bình", signer_title="Chủ tịch",
        subject=f"Về việc công nhận danh hiệu thi đua năm {last_year}",
    )
    # This year's nominations in progress: drafts, one submitted upward.
    for idx, person in enumerate(persons[14:20]):
        for title in ("LDTT", "CSTDCS") if idx % 2 == 0 else ("LDTT",):
            store.insert(
                "nominations",
                {"subject_kind": "person", "subject_id": person["id"], "subject_name": person["full_name"], "title_code": title,
                 "award_kind": "cong_trang", "campaign_id": cid, "year": this_year, "period": str(this_year),
                 "achievement": achievements[title], "nominee_class": person["nominee_class"],
                 "dossier_json": _dossier(title, "person", "cong_trang", today, complete=False, first=2),
                 "status": "draft", "unit_code": code},
            )
    # A school of the ward sends its own proposals up to the ward, which appraises them (Tổng hợp cấp trên).
    school = f"{code}-TH1"
    for full_name, gender, rating in (("Châu Ngọc Trâm", "female", "excellent"), ("Lý Văn Lực", "male", "good")):
        teacher = store.insert(
            "people",
            {"full_name": full_name, "gender": gender, "birth_date": "1985-09-05" if gender == "female" else "1979-02-14",
             "position": "Giáo viên", "unit_code": school, "workplace": "Trường Tiểu học Tân An 1",
             "nominee_class": "Người trực tiếp công tác", "field": "Giáo dục",
             "hometown": "Cần Thơ", "residence": "Phường Tân An, thành phố Cần Thơ"},
            owner_unit=school,
        )
        store.insert("ratings", {"subject_kind": "person", "subject_id": teacher["id"], "year": last_year, "rating": rating},
                     owner_unit=school)
        store.insert(
            "nominations",
            {"subject_kind": "person", "subject_id": teacher["id"], "subject_name": full_name, "title_code": "LDTT",
             "award_kind": "cong_trang", "year": last_year, "period": str(last_year),
             "achievement": "Hoàn thành tốt nhiệm vụ năm học; 100% học sinh lớp chủ nhiệm hoàn thành chương trình.",
             "nominee_class": "Người trực tiếp công tác", "field": "Giáo dục",
             "dossier_json": _dossier("LDTT", "person", "cong_trang", year_end, complete=gender == "female"),
             "status": "submitted", "submitted_on": f"{last_year}-12-08", "unit_code": school},
            owner_unit=school,
        )
    store.insert(
        "nominations",
        {"subject_kind": "person", "subject_id": persons[0]["id"], "subject_name": persons[0]["full_name"], "title_code": "BANG_KHEN_TINH",
         "award_kind": "cong_trang", "campaign_id": cid, "year": last_year, "period": str(last_year),
         "achievement": "Hai năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở; chỉ đạo hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội.",
         "nominee_class": persons[0]["nominee_class"],
         "dossier_json": _dossier("BANG_KHEN_TINH", "person", "cong_trang", today, complete=False, first=4),
         "status": "submitted", "submitted_on": f"{this_year}-01-10", "unit_code": code},
    )
    store.insert(
        "nominations",
        {"subject_kind": "collective", "subject_id": collectives[1]["id"], "subject_name": collectives[1]["name"], "title_code": "GIAY_KHEN",
         "award_kind": "chuyen_de", "campaign_id": campaigns["thematic"]["id"], "year": this_year, "period": f"{this_year}-H1",
         "achievement": achievements["GIAY_KHEN"], "nominee_class": collectives[1]["nominee_class"],
         "dossier_json": _dossier("GIAY_KHEN", "collective", "chuyen_de", today, complete=False, first=1), "status": "draft", "unit_code": code},
    )
    store.insert(
        "nominations",
        {"subject_kind": "household", "subject_id": households[0]["id"], "subject_name": household_name(households[0]["head_name"], households[0]["head_gender"]),
         "title_code": "GIAY_KHEN", "award_kind": "dot_xuat", "year": this_year, "period": f"{this_year}-H1",
         "achievement": "Hiến 120 m² đất mở rộng hẻm 51, đường 30/4.", "dossier_json": _dossier("GIAY_KHEN", "household", "dot_xuat", today, complete=False),
         "status": "draft", "unit_code": code},
    )
