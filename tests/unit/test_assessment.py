"""The facts gathered about a nominee and the one assessment made of them (no writes)."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import office
from tdkt_desktop.store.assessment import assess, judging_date
from tdkt_desktop.store.facts import initiative_level, nominee_facts

CITY, PROVINCE = Naming("thành phố", "phường"), Naming("tỉnh", "xã")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Cấp cơ quan", "co_so"),  # not "quận"
        ("Cơ sở", "co_so"),
        ("cấp đơn vị", "co_so"),
        ("Cấp quận", "huyen"),
        ("Thị xã", "huyen"),  # not "xã"
        ("Cấp xã", "xa"),
        ("phường", "xa"),
        ("Cấp tỉnh", "tinh"),
        ("Cấp thành phố trực thuộc Trung ương", "tinh"),  # not "trung ương"
        ("Cấp Bộ, ngành", "trung_uong"),
        ("Toàn quốc", "trung_uong"),
        ("tinh", "tinh"),  # a rule-set code as it is
        ("", "co_so"),
        ("không rõ", "co_so"),
    ],
)
def test_initiative_levels_read_as_whole_words(text, level):
    assert initiative_level(text, CITY) == level
    assert initiative_level(text, PROVINCE) == level


def test_a_city_is_the_province_where_the_province_is_a_city():
    assert initiative_level("Cấp thành phố", CITY) == "tinh"
    assert initiative_level("Cấp thành phố", PROVINCE) == "huyen"  # a city of a province: district level


def _person(store, name="Nguyễn Văn An"):
    return store.insert("people", {"full_name": name, "position": "Công chức"})


def _nominate(store, p, code, *, year=2026, status="draft", dossier=None):
    return store.insert("nominations", {
        "subject_kind": "person", "subject_id": p["id"], "subject_name": p["full_name"], "title_code": code,
        "award_kind": "cong_trang", "year": year, "status": status, "dossier_json": dossier or {},
    })


def test_discipline_is_that_of_the_year_judged(store):
    p = _person(store)
    for year, discipline in ((2024, "warning"), (2025, "none"), (2026, "reprimand")):
        store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": year, "rating": "good",
                                 "discipline": discipline})
    facts = nominee_facts(store, _nominate(store, p, "LDTT"))
    assert (facts.discipline.value, facts.discipline_year) == ("reprimand", 2026)
    assert nominee_facts(store, _nominate(store, p, "LDTT", year=2025)).discipline.value == "none"


def test_a_title_of_the_same_round_counts_once_approved_and_is_named_meanwhile(store):
    p = _person(store)
    store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": 2026, "rating": "excellent"})
    ldtt = _nominate(store, p, "LDTT")
    cstdcs = _nominate(store, p, "CSTDCS")
    waiting = assess(store, cstdcs["id"])
    assert waiting.on_date == dt.date(2026, 12, 31) == judging_date(cstdcs)
    assert any("Lao động tiên tiến năm 2026" in n and "chờ xét" in n for n in waiting.notes)
    assert any("Lao động tiên tiến" in r for r in waiting.reasons)  # not counted while on its way
    store.update("nominations", ldtt["id"], {"status": "approved"})
    approved = assess(store, cstdcs["id"])
    assert not approved.pending and not any("Lao động tiên tiến" in r for r in approved.reasons)


def test_assessing_writes_nothing_and_reads_the_values_being_edited(store):
    p = _person(store)
    store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": 2026, "rating": "good"})
    nom = _nominate(store, p, "LDTT", dossier={"to_trinh": True})
    before = store.current_local_seq()
    stored = assess(store, nom["id"], "31/12/2026")
    edited = assess(store, {**nom, "dossier_json": {"to_trinh": True, "danh_sach": True, "bien_ban_hoi_dong": True}},
                    dt.date(2026, 12, 31))
    assert store.current_local_seq() == before
    assert stored.missing and not edited.missing and stored.verdict == edited.verdict == "eligible"
    assert stored.recommendation == "return" and edited.recommendation == "approve"
    with pytest.raises(InputError, match="Ngày quyết định"):
        assess(store, nom["id"], "32/12/2026")


def test_appraise_stores_the_assessment_it_returns(store):
    import json

    p = _person(store)
    store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": 2026, "rating": "good"})
    nom = _nominate(store, p, "LDTT", status="received", dossier={"to_trinh": True})
    result = office.appraise(store, nom["id"], decision_date=dt.date(2026, 12, 31))
    kept = json.loads(store.get("nominations", nom["id"])["eligibility_json"])
    assert kept.pop("appraised_at")
    assert kept == result.to_dict() and kept["verdict"] == "eligible" and kept["recommendation"] == "return"


def test_a_collectives_dossier_figures_are_facts(store):
    team = store.insert("collectives", {"name": "Tổ dân phố 3", "kind": "hamlet", "members_count": 20, "women_count": 15})
    nom = store.insert("nominations", {
        "subject_kind": "collective", "subject_id": team["id"], "subject_name": "Tổ dân phố 3", "title_code": "TLDXS",
        "award_kind": "cong_trang", "year": 2026, "status": "draft",
        "dossier_json": {"to_trinh": True, "facts": {"members": 24, "members_ldtt": "18", "has_cstdcs_member": "có"}},
    })
    facts = nominee_facts(store, nom)
    assert (facts.members, facts.members_ldtt, facts.has_cstdcs_member) == (24, 18, True)
    assert facts.women_share == pytest.approx(15 * 100 / 24)
