"""Eligibility engine: every criterion type judged at its limits, and how results are assembled.

The legal cases (which article says what, before and after 01/07/2025) are in ``test_law_cases.py``; here
each criterion type is driven through tables of facts on both sides of its threshold, with rule sets
adjusted by a patch where the base rule sets do not use a type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tdkt_desktop.core.eligibility import Initiative, NomineeFacts, PriorTitle, Research, _latest_run, check
from tdkt_desktop.core.models import AwardKind, Discipline, SubjectKind
from tdkt_desktop.core.rules import ruleset_for

BEFORE = dt.date(2025, 3, 15)  # NĐ 98/2023
AFTER = dt.date(2025, 12, 20)  # NĐ 152/2025

PERSON = SubjectKind.PERSON
COLLECTIVE = SubjectKind.COLLECTIVE
SRC = {"doc": "luat_2022", "article": 24}


def with_criteria(code: str, *criteria: dict[str, Any], on: dt.date = AFTER, **entry: Any):
    """The rule set in force on ``on`` with ``code`` judged by ``criteria`` only (no common criteria)."""
    crits = [{**c, "source": c.get("source", SRC)} for c in criteria]
    return ruleset_for(on, overrides={"common_criteria": [], "catalogue": {code: {"criteria": crits, **entry}}})


def person(code: str = "LDTT", **kw: Any) -> NomineeFacts:
    return NomineeFacts(**{"subject_kind": PERSON, "year": 2025, "title_code": code, "decision_date": AFTER, **kw})


def collective(code: str = "TLDTT", **kw: Any) -> NomineeFacts:
    return NomineeFacts(**{"subject_kind": COLLECTIVE, "year": 2025, "title_code": code, "decision_date": AFTER, **kw})


def only(rs, facts):
    """The one check of a rule set built by :func:`with_criteria`."""
    result = check(facts, rs)
    assert len(result.checks) == 1, result.reasons
    return result.checks[0]


# --------------------------------------------------------------------------- ratings


@pytest.mark.parametrize(
    "want,got,passed",
    [
        ("good", "excellent", True), ("good", "good", True), ("good", "done", False), ("good", "not_done", False),
        ("excellent", "excellent", True), ("excellent", "good", False), ("done", "done", True),
        ("done", "not_done", False), ("not_done", "not_done", True), ("good", None, False),
    ],
)
def test_rating_at_least_ranks(want: str, got: str | None, passed: bool) -> None:
    rs = with_criteria("LDTT", {"type": "rating_at_least", "value": want})
    c = only(rs, person(ratings={2025: got} if got else {}))
    assert c.passed is passed
    if got is None:
        assert "Chưa có xếp loại chất lượng năm 2025" in c.detail
    assert c.source.startswith("Luật Thi đua, khen thưởng 2022, Điều 24")


@pytest.mark.parametrize(
    "ratings,years,max_gap,passed",
    [
        ({2024: "excellent", 2025: "excellent"}, 2, 1, True),
        ({2023: "excellent", 2024: "excellent"}, 2, 1, True),  # the run may end the year before
        ({2023: "excellent", 2024: "excellent"}, 2, 0, False),  # … unless no gap is allowed
        ({2022: "excellent", 2023: "excellent"}, 2, 1, False),  # ends two years before
        ({2023: "excellent", 2025: "excellent"}, 2, 1, False),  # not consecutive
        ({2024: "good", 2025: "excellent"}, 2, 1, False),  # one year below the level
        ({2023: "excellent", 2024: "excellent", 2025: "excellent"}, 3, 1, True),
        ({2024: "excellent", 2025: "excellent"}, 3, 1, False),
    ],
)
def test_consecutive_ratings_limits(ratings, years, max_gap, passed) -> None:
    rs = with_criteria(
        "LDTT", {"type": "consecutive_ratings", "value": "excellent", "years": years, "max_gap": max_gap}
    )
    assert only(rs, person(ratings=ratings)).passed is passed


# --------------------------------------------------------------------------- runs of titles


@pytest.mark.parametrize(
    "years,year,max_gap,step,run",
    [
        ({2023, 2024, 2025}, 2025, 1, 1, [2023, 2024, 2025]),
        ({2022, 2024, 2025}, 2025, 1, 1, [2024, 2025]),
        ({2022, 2023}, 2025, 1, 1, []),
        ({2022, 2023}, 2025, 2, 1, [2022, 2023]),
        ({2019, 2022, 2025}, 2025, 1, 3, [2019, 2022, 2025]),
        ({2018, 2022, 2025}, 2025, 1, 3, [2022, 2025]),
        ({2021, 2024}, 2025, 1, 3, [2021, 2024]),
        ({2020, 2024}, 2025, 1, 3, [2024]),
        (set(), 2025, 1, 1, []),
    ],
)
def test_latest_run(years, year, max_gap, step, run) -> None:
    assert _latest_run(years, year, max_gap, step) == run


@pytest.mark.parametrize(
    "held,step,passed",
    [
        ([2024, 2025], 1, True),
        ([2023, 2025], 1, False),
        ([2022, 2025], 3, True),
        ([2021, 2025], 3, False),
        ([2025], 3, False),
    ],
)
def test_consecutive_titles_with_steps(held, step, passed) -> None:
    rs = with_criteria("CSTD_TQ", {"type": "consecutive_titles", "code": "CSTD_TINH", "years": 2, "max_step": step})
    c = only(rs, person("CSTD_TQ", titles=[(y, "CSTD_TINH") for y in held]))
    assert c.passed is passed
    if not passed and step == 3:
        assert "cách nhau không quá 3 năm" in c.detail


@pytest.mark.parametrize("kind", [AwardKind.DOT_XUAT, AwardKind.CHUYEN_DE])
def test_sudden_and_thematic_titles_are_not_grounds(kind) -> None:
    rs = with_criteria("CSTD_TINH", {"type": "consecutive_titles", "code": "CSTDCS", "years": 2})
    titles = [PriorTitle(2024, "CSTDCS", kind), PriorTitle(2025, "CSTDCS")]
    c = only(rs, person("CSTD_TINH", titles=titles))
    assert c.passed is False
    assert "không dùng làm căn cứ" in c.detail and f"2024 ({kind.label.lower()})" in c.detail
    # Tuples carry the award kind as their third element.
    assert only(rs, person("CSTD_TINH", titles=[(2024, "CSTDCS", kind.value), (2025, "CSTDCS")])).passed is False
    assert only(rs, person("CSTD_TINH", titles=[(2024, "CSTDCS"), (2025, "CSTDCS")])).passed is True


@pytest.mark.parametrize(
    "held,within,need,passed",
    [([2021, 2025], None, 2, True), ([2021, 2025], 5, 2, True), ([2020, 2025], 5, 2, False),
     ([2025], None, 1, True), ([], None, 1, False), ([2026], None, 1, False)],
)
def test_titles_count_and_window(held, within, need, passed) -> None:
    crit: dict[str, Any] = {"type": "titles_count", "code": "CO_TD_TINH", "min": need}
    if within:
        crit["within_years"] = within
    rs = with_criteria("CO_TD_CP", crit)
    assert only(rs, collective("CO_TD_CP", titles=[(y, "CO_TD_TINH") for y in held])).passed is passed


@pytest.mark.parametrize(
    "titles,passed",
    [([(2025, "LDTT")], True), ([(2025, "CSTT")], True), ([(2024, "LDTT")], False), ([], False),
     ([(2025, "LDTT", "dot_xuat")], False)],
)
def test_title_same_year(titles, passed) -> None:
    rs = with_criteria("CSTDCS", {"type": "requires_title_same_year", "codes": ["LDTT", "CSTT"]})
    assert only(rs, person("CSTDCS", titles=titles)).passed is passed


# --------------------------------------------------------------------------- sáng kiến and đề tài


@pytest.mark.parametrize(
    "level,items,passed",
    [
        ("co_so", [Initiative(2025, "A")], True),
        ("co_so", [Initiative(2025, "A", recognised=False)], False),
        ("co_so", [Initiative(2026, "A")], False),  # recognised after the year judged
        ("co_so", [Initiative(2020, "A")], True),  # the Law sets no window
        ("tinh", [Initiative(2025, "A", "huyen")], False),
        ("tinh", [Initiative(2025, "A", "tinh")], True),
        ("tinh", [Initiative(2025, "A", "trung_uong")], True),
        ("trung_uong", [Initiative(2025, "A", "tinh")], False),
        ("co_so", [Initiative(2025, "A", used_for="Chiến sĩ thi đua cơ sở năm 2024")], False),
    ],
)
def test_initiatives_by_level_recognition_and_use(level, items, passed) -> None:
    rs = ruleset_for(AFTER, overrides={"catalogue": {"CSTDCS": {"criteria": [
        {"type": "initiatives", "min": 1, "level_at_least": level, "source": SRC}]}}})
    r = check(person("CSTDCS", initiatives=items), rs)
    c = next(c for c in r.checks if c.criterion == "initiatives")
    assert c.passed is passed
    if items and items[0].used_for:
        assert "không tính lại" in c.detail
        assert any(c.criterion == "initiatives_unused" for c in r.checks)


def test_initiative_window_set_by_a_province() -> None:
    rs = with_criteria("CSTDCS", {"type": "initiatives", "min": 1, "within_years": 3})
    assert only(rs, person("CSTDCS", initiatives=[(2023, "A")])).passed is True
    assert only(rs, person("CSTDCS", initiatives=[(2022, "A")])).passed is False


@pytest.mark.parametrize(
    "level,items,passed",
    [
        ("co_so", [Research(2025, "R")], True),
        ("co_so", [Research(2025, "R", accepted=False)], False),
        ("tinh", [Research(2025, "R", level="co_so")], False),
        ("tinh", [Research(2025, "R", level="tinh")], True),
        ("trung_uong", [Research(2025, "R", level="trung_uong")], True),
        ("co_so", [Research(2025, "R", used_for="Bằng khen năm 2024")], False),
    ],
)
def test_research_by_level_and_acceptance(level, items, passed) -> None:
    rs = ruleset_for(AFTER, overrides={"catalogue": {"CSTDCS": {"criteria": [
        {"type": "research", "min": 1, "level_at_least": level, "source": SRC}]}}})
    c = next(c for c in check(person("CSTDCS", research=items), rs).checks if c.criterion == "research")
    assert c.passed is passed


@pytest.mark.parametrize(
    "ideas,studies,passed",
    [(2, 0, True), (0, 2, True), (3, 1, True), (1, 1, None), (1, 0, False), (0, 1, False), (0, 0, False)],
)
def test_innovations_two_of_one_kind(ideas, studies, passed) -> None:
    rs = with_criteria("BANG_KHEN_TINH", {"type": "innovations", "min": 2})
    facts = person(
        "BANG_KHEN_TINH",
        initiatives=[Initiative(2024 + i % 2, f"SK{i}") for i in range(ideas)],
        research=[Research(2024 + i % 2, f"ĐT{i}") for i in range(studies)],
    )
    c = only(rs, facts)
    assert c.passed is passed
    if passed is None:
        assert "1168/BNV-BTĐKT" in c.detail


# --------------------------------------------------------------------------- collectives


def test_collective_share_ldtt_exact_limit() -> None:
    rs = with_criteria("TLDTT", {"type": "collective_share_ldtt", "min": 70})
    assert only(rs, collective(members=20, members_ldtt=14)).passed is True
    c = only(rs, collective(members=20, members_ldtt=13))
    assert c.passed is False and "13/20" in c.detail and "65%" in c.detail
    assert only(rs, collective(members=None, members_ldtt=14)).passed is False
    assert only(rs, collective(members=20, members_ldtt=None)).passed is False


def test_collective_all_completed_and_cstdcs_member() -> None:
    rs = with_criteria("TLDXS", {"type": "collective_all_completed"})
    assert only(rs, collective("TLDXS", members=10, members_completed=10)).passed is True
    assert only(rs, collective("TLDXS", members=10, members_completed=9)).passed is False
    assert only(rs, collective("TLDXS", members=10)).passed is False
    rs = with_criteria("TLDXS", {"type": "collective_has_cstdcs"})
    assert only(rs, collective("TLDXS", has_cstdcs_member=True)).passed is True
    assert only(rs, collective("TLDXS", has_cstdcs_member=False)).passed is False
    assert "Chưa có số liệu" in only(rs, collective("TLDXS")).detail


def test_collective_no_discipline() -> None:
    rs = with_criteria("TLDTT", {"type": "collective_no_discipline", "level": "warning"})
    assert only(rs, collective(disciplined_warning_or_above=False)).passed is True
    assert only(rs, collective(disciplined_warning_or_above=True)).passed is False


# --------------------------------------------------------------------------- individual exclusions


@pytest.mark.parametrize(
    "level,discipline,year,passed",
    [
        ("reprimand", Discipline.REPRIMAND, 2025, False), ("reprimand", Discipline.NONE, 2025, True),
        ("warning", Discipline.REPRIMAND, 2025, True), ("warning", Discipline.WARNING, 2025, False),
        ("warning", Discipline.HIGHER, 2025, False), ("reprimand", Discipline.HIGHER, 2024, True),
    ],
)
def test_no_discipline_at_least_a_province_rule(level, discipline, year, passed) -> None:
    rs = with_criteria("LDTT", {"type": "no_discipline_at_least", "level": level})
    assert only(rs, person(discipline=discipline, discipline_year=year)).passed is passed


@pytest.mark.parametrize(
    "discipline,year,passed",
    [(Discipline.NONE, None, True), (Discipline.REPRIMAND, 2025, None), (Discipline.WARNING, 2024, True),
     (Discipline.HIGHER, None, None)],
)
def test_discipline_served_goes_to_review(discipline, year, passed) -> None:
    rs = with_criteria("LDTT", {"type": "discipline_served"})
    c = only(rs, person(discipline=discipline, discipline_year=year))
    assert c.passed is passed
    if passed is None:
        assert "chấp hành xong thời gian kỷ luật" in c.detail


def test_under_review_blocks() -> None:
    rs = with_criteria("LDTT", {"type": "not_under_review"})
    assert only(rs, person(under_review=True)).passed is False
    assert only(rs, person()).passed is True


# --------------------------------------------------------------------------- council votes


@pytest.mark.parametrize(
    "vote,passed,fragment",
    [
        ((19, 24, 21), False, "19/24 thành viên Hội đồng đồng ý (có mặt 21), bằng 79,2% tổng số thành viên"),
        ((20, 25, 20), True, "bằng 80% tổng số thành viên (yêu cầu từ 80%)"),
        ((20, 26, 20), False, "76,9%"),
        ((4, 5), True, "4/5"),
        ((12, 10), False, "không hợp lệ"),
        (None, False, "Chưa có kết quả bỏ phiếu"),
    ],
)
def test_vote_share_of_total_members(vote, passed, fragment) -> None:
    rs = with_criteria("CSTDCS", {"type": "vote_share"}, on=BEFORE)  # 80 % under Nghị định 98/2023
    c = only(rs, person("CSTDCS", year=2024, decision_date=BEFORE, vote=vote))
    assert c.passed is passed and fragment in c.detail


def test_vote_without_confirmed_threshold_goes_to_review() -> None:
    rs = with_criteria("CSTDCS", {"type": "vote_share"})  # Nghị định 152/2025: threshold not confirmed
    c = only(rs, person("CSTDCS", vote=(7, 9)))
    assert c.passed is None and "77,8%" in c.detail and "quy chế của Hội đồng" in c.detail
    assert only(rs, person("CSTDCS", vote=None)).passed is False


def test_province_sets_its_own_threshold() -> None:
    rs = ruleset_for(AFTER, overrides={"common_criteria": [], "catalogue": {"CSTDCS": {
        "criteria": [{"type": "vote_share", "source": SRC}], "vote": {"threshold": 70}}}})
    assert only(rs, person("CSTDCS", vote=(14, 20))).passed is True
    assert only(rs, person("CSTDCS", vote=(13, 20))).passed is False
    assert check(person("CSTDCS", vote=(14, 20)), rs).vote_threshold == 70


def test_no_vote_needed() -> None:
    rs = with_criteria("LDTT", {"type": "vote_share"})
    assert only(rs, person()).detail == "Không yêu cầu biểu quyết"


# --------------------------------------------------------------------------- combining criteria


def test_any_of_and_all_of() -> None:
    good = {"type": "rating_at_least", "value": "good"}
    excellent = {"type": "rating_at_least", "value": "excellent"}
    manual = {"type": "manual", "label": "Xem xét"}
    cases = [
        ("any_of", [good, excellent], {2025: "good"}, True),
        ("any_of", [excellent, manual], {2025: "good"}, None),
        ("any_of", [excellent], {2025: "good"}, False),
        ("all_of", [good, excellent], {2025: "excellent"}, True),
        ("all_of", [good, excellent], {2025: "good"}, False),
        ("all_of", [good, manual], {2025: "good"}, None),
    ]
    for kind, items, ratings, passed in cases:
        rs = with_criteria("LDTT", {"type": kind, "items": items})
        assert only(rs, person(ratings=ratings)).passed is passed, (kind, items, ratings)


def test_subject_and_award_kind_filters_on_criteria() -> None:
    rs = with_criteria(
        "GIAY_KHEN",
        {"type": "manual", "label": "Cá nhân", "subject_kinds": ["person"]},
        {"type": "manual", "label": "Đột xuất", "award_kinds": ["dot_xuat"]},
    )
    r = check(person("GIAY_KHEN"), rs)
    assert [c.label for c in r.checks] == ["Cá nhân"]
    r = check(person("GIAY_KHEN", award_kind=AwardKind.DOT_XUAT), rs)
    assert [c.label for c in r.checks] == ["Cá nhân", "Đột xuất"]
    r = check(collective("GIAY_KHEN", award_kind=AwardKind.DOT_XUAT), rs)
    assert [c.label for c in r.checks] == ["Đột xuất"]


def test_manual_criteria_do_not_block_but_are_listed() -> None:
    r = check(NomineeFacts(SubjectKind.HOUSEHOLD, 2025, "GIA_DINH_VAN_HOA", decision_date=AFTER))
    assert r.ok
    assert len(r.to_review) == 4
    assert all(c.source.startswith("Nghị định 86/2023/NĐ-CP") for c in r.to_review)


# --------------------------------------------------------------------------- catalogue limits


@pytest.mark.parametrize(
    "subject,code,fragment",
    [
        (SubjectKind.HOUSEHOLD, "LDTT", "Lao động tiên tiến không xét tặng cho hộ gia đình"),
        (COLLECTIVE, "CSTDCS", "Chiến sĩ thi đua cơ sở không xét tặng cho tập thể"),
        (PERSON, "TLDTT", "Tập thể lao động tiên tiến không xét tặng cho cá nhân"),
        (PERSON, "GIA_DINH_VAN_HOA", "Gia đình văn hóa không xét tặng cho cá nhân"),
    ],
)
def test_title_not_allowed_for_subject_kind(subject, code, fragment) -> None:
    r = check(NomineeFacts(subject, 2025, code, decision_date=AFTER, ratings={2025: "excellent"}))
    assert not r.ok
    assert r.reasons[0].startswith(fragment)
    assert r.failed[0].criterion == "subject_kind"


def test_award_kind_not_allowed() -> None:
    r = check(person("CSTDCS", award_kind=AwardKind.DOT_XUAT))
    assert not r.ok and any("không xét theo loại hình khen thưởng đột xuất" in x for x in r.reasons)


def test_unknown_title_code() -> None:
    r = check(person("HUAN_CHUONG_LAO_DONG"))
    assert not r.ok and "không có trong danh mục" in r.reasons[0]


def test_women_priority_note_from_70_percent() -> None:
    assert any("70% nữ" in n for n in check(collective(women_share=70)).notes)
    assert not any("70% nữ" in n for n in check(collective(women_share=69.9)).notes)


def test_sudden_award_note() -> None:
    r = check(person("GIAY_KHEN", award_kind=AwardKind.DOT_XUAT))
    assert any("không dùng làm căn cứ" in n for n in r.notes)


# --------------------------------------------------------------------------- choosing the rule set


def test_rule_set_follows_decision_then_achievement_date_then_year_end() -> None:
    f = NomineeFacts(PERSON, 2025, "LDTT", ratings={2025: "good"})
    assert f.judged_on == dt.date(2025, 12, 31)
    assert "152/2025" in check(f).ruleset_basis
    f = NomineeFacts(PERSON, 2025, "LDTT", achievement_date=dt.date(2025, 6, 1), ratings={2025: "good"})
    assert "98/2023" in check(f).ruleset_basis
    f = NomineeFacts(
        PERSON, 2025, "LDTT", achievement_date=dt.date(2025, 6, 1), decision_date=dt.date(2025, 7, 2),
        ratings={2025: "good"},
    )
    assert "152/2025" in check(f).ruleset_basis


def test_date_before_2024_uses_earliest_set_with_note() -> None:
    r = check(NomineeFacts(PERSON, 2023, "LDTT", decision_date=dt.date(2023, 12, 1), ratings={2023: "good"}))
    assert r.ok
    assert "98/2023" in r.ruleset_basis
    assert any("01/12/2023" in n for n in r.notes)


def test_every_check_names_its_article() -> None:
    facts = person("CSTDCS", ratings={2025: "good"}, titles=[(2025, "LDTT")], initiatives=[(2025, "SK")], vote=(8, 9))
    r = check(facts)
    assert r.checks and all(c.source for c in r.checks)
    assert {c.source.split(" (")[0] for c in r.checks if c.criterion == "requires_title_same_year"} == {
        "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 1"
    }


def test_every_criterion_type_has_exactly_one_evaluator():
    from tdkt_desktop.core import eligibility
    from tdkt_desktop.core.rules import CRITERION_TYPES

    assert set(eligibility._EVALUATORS) == set(CRITERION_TYPES)
