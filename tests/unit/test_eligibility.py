"""Eligibility: criteria as data, judged under the rule set in force before and after 01/07/2025."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt_desktop.core.eligibility import Initiative, NomineeFacts, PriorTitle, check
from tdkt_desktop.core.models import AwardKind, Discipline, Rating, SubjectKind
from tdkt_desktop.core.rules import ruleset_for

BEFORE = dt.date(2025, 3, 15)  # NĐ 98/2023
AFTER = dt.date(2025, 12, 20)  # NĐ 152/2025

PERSON = SubjectKind.PERSON
COLLECTIVE = SubjectKind.COLLECTIVE


def cstdcs(year: int, decided: dt.date, **kw) -> NomineeFacts:
    base = dict(
        subject_kind=PERSON,
        year=year,
        title_code="CSTDCS",
        decision_date=decided,
        ratings={year: Rating.EXCELLENT},
        titles=[(year, "LDTT")],
        vote=(9, 10),
    )
    base.update(kw)
    return NomineeFacts(**base)


def has(result, text: str) -> bool:
    return any(text in r for r in result.reasons)


# --------------------------------------------------------------------------- CSTĐCS, before and after


@pytest.mark.parametrize(
    "year,decided,basis,authority,commune_decides",
    [
        (2024, BEFORE, "Nghị định 98/2023/NĐ-CP", "Chủ tịch UBND huyện", False),
        (2025, AFTER, "Nghị định 152/2025/NĐ-CP", "Chủ tịch UBND xã", True),
    ],
)
def test_cstdcs_passes_under_each_rule_set(year, decided, basis, authority, commune_decides) -> None:
    r = check(cstdcs(year, decided))
    assert r.ok, r.reasons
    assert r.ruleset_basis.startswith(basis)
    assert r.deciding_authority == authority
    assert r.commune_decides is commune_decides
    assert r.vote_threshold == 80
    assert has(r, f"Đạt: danh hiệu Lao động tiên tiến năm {year}")
    assert any(c.passed is None for c in r.checks) is False


def test_dossier_differs_before_and_after() -> None:
    old = check(cstdcs(2024, BEFORE))
    new = check(cstdcs(2025, AFTER))
    old_labels = [i.label for i in old.dossier]
    new_labels = [i.label for i in new.dossier]
    assert old_labels != new_labels
    assert any("Mẫu số 01" in label for label in new_labels)
    assert not any("Mẫu số" in label for label in old_labels)
    assert any("bỏ phiếu" in label for label in new_labels)


@pytest.mark.parametrize("decided,year", [(BEFORE, 2024), (AFTER, 2025)])
def test_cstdcs_without_ldtt_fails(decided, year) -> None:
    r = check(cstdcs(year, decided, titles=[]))
    assert not r.ok
    assert has(r, f"Chưa đạt danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến năm {year}")
    assert [c.criterion for c in r.failed] == ["requires_title_same_year"]


def test_cstdcs_ldtt_of_another_year_does_not_count() -> None:
    r = check(cstdcs(2025, AFTER, titles=[(2024, "LDTT")]))
    assert not r.ok


def test_cstdcs_initiative_with_good_rating_passes_no_initiative_required() -> None:
    with_initiative = cstdcs(
        2025, AFTER, ratings={2025: Rating.GOOD}, initiatives=[(2025, "Số hóa hồ sơ một cửa", "co_so", True)]
    )
    r = check(with_initiative)
    assert r.ok, r.reasons
    assert has(r, "Số hóa hồ sơ một cửa")
    # Excellent completion alone is enough: a sáng kiến is not mandatory.
    assert check(cstdcs(2025, AFTER, initiatives=[])).ok
    # Accepted research also counts.
    assert check(cstdcs(2025, AFTER, ratings={2025: "good"}, research=[(2025, "Đề tài A", True)])).ok


def test_cstdcs_good_rating_without_initiative_fails() -> None:
    r = check(cstdcs(2025, AFTER, ratings={2025: Rating.GOOD}))
    assert not r.ok
    failed = r.failed
    assert len(failed) == 1 and failed[0].criterion == "any_of"
    assert "Hoàn thành tốt nhiệm vụ" in failed[0].detail


def test_unrecognised_or_old_initiative_does_not_count() -> None:
    assert not check(
        cstdcs(2025, AFTER, ratings={2025: "good"}, initiatives=[(2025, "SK", "co_so", False)])
    ).ok
    assert not check(
        cstdcs(2025, AFTER, ratings={2025: "good"}, initiatives=[(2023, "SK", "co_so", True)])
    ).ok


# --------------------------------------------------------------------------- council votes


def test_vote_79_percent_of_total_fails_80_passes_with_members_absent() -> None:
    # 24 members, 19 in favour: 79.2% of the council.
    r = check(cstdcs(2025, AFTER, vote=(19, 24, 21)))
    assert not r.ok
    assert has(r, "19/24 thành viên Hội đồng đồng ý (có mặt 21), bằng 79,2% tổng số thành viên")
    # 25 members, 5 absent, all 20 present in favour: exactly 80% of the council.
    assert check(cstdcs(2025, AFTER, vote=(20, 25, 20))).ok
    # 26 members, 6 absent, all 20 present in favour: 100% of those present but 76.9% of the council.
    r = check(cstdcs(2025, AFTER, vote=(20, 26, 20)))
    assert not r.ok and has(r, "76,9%")


def test_missing_vote_fails_where_required() -> None:
    r = check(cstdcs(2025, AFTER, vote=None))
    assert not r.ok
    assert has(r, "Chưa có kết quả bỏ phiếu")
    # LĐTT needs no vote.
    ldtt = NomineeFacts(PERSON, 2025, "LDTT", decision_date=AFTER, ratings={2025: "good"})
    assert check(ldtt).ok


def test_invalid_vote_is_a_failed_check_not_a_crash() -> None:
    r = check(cstdcs(2025, AFTER, vote=(12, 10)))
    assert not r.ok and has(r, "không hợp lệ")


def test_provincial_emulation_fighter_needs_90_percent() -> None:
    facts = dict(
        subject_kind=PERSON,
        year=2025,
        title_code="CSTD_TINH",
        decision_date=AFTER,
        titles=[(2023, "CSTDCS"), (2024, "CSTDCS"), (2025, "CSTDCS")],
        initiatives=[Initiative(2024, "Quy trình tiếp nhận hồ sơ điện tử", "tinh", True)],
    )
    assert check(NomineeFacts(**facts, vote=(9, 10))).ok
    r = check(NomineeFacts(**facts, vote=(8, 10)))
    assert not r.ok and r.vote_threshold == 90
    # An initiative recognised only at unit level is not enough.
    low = dict(facts, initiatives=[Initiative(2024, "SK cơ sở", "co_so", True)])
    assert not check(NomineeFacts(**low, vote=(10, 10))).ok
    # Only two consecutive CSTĐCS.
    short = dict(facts, titles=[(2022, "CSTDCS"), (2024, "CSTDCS"), (2025, "CSTDCS")])
    assert not check(NomineeFacts(**short, vote=(10, 10))).ok


# --------------------------------------------------------------------------- Bằng khen of the province chairman


def bang_khen(titles, **kw) -> NomineeFacts:
    return NomineeFacts(
        subject_kind=PERSON, year=2025, title_code="BANG_KHEN_TINH", decision_date=AFTER, titles=titles, **kw
    )


def test_bang_khen_two_consecutive_cstdcs_passes() -> None:
    r = check(bang_khen([(2024, "CSTDCS"), (2025, "CSTDCS"), (2024, "LDTT")]))
    assert r.ok, r.reasons
    assert has(r, "Đạt: 2 năm liên tục Chiến sĩ thi đua cơ sở (2024, 2025)")
    assert not r.commune_decides and r.deciding_authority == "Chủ tịch UBND tỉnh"
    # A run ending the year before also counts.
    r = check(bang_khen([(2023, "CSTDCS"), (2024, "CSTDCS")]))
    assert r.ok and has(r, "(2023, 2024)")


def test_bang_khen_non_consecutive_cstdcs_fails() -> None:
    r = check(bang_khen([(2023, "CSTDCS"), (2025, "CSTDCS")]))
    assert not r.ok
    assert has(r, "cần 2 năm liên tục Chiến sĩ thi đua cơ sở; hiện có: 2023, 2025")


def test_bang_khen_excellent_years_with_two_initiatives() -> None:
    ratings = {2024: Rating.EXCELLENT, 2025: Rating.EXCELLENT}
    two = [(2024, "SK1", "co_so", True), (2025, "SK2", "co_so", True)]
    assert check(bang_khen([], ratings=ratings, initiatives=two)).ok
    assert not check(bang_khen([], ratings=ratings, initiatives=two[:1])).ok
    assert not check(bang_khen([], ratings={2023: "excellent", 2025: "excellent"}, initiatives=two)).ok


@pytest.mark.parametrize("kind", [AwardKind.DOT_XUAT, AwardKind.CHUYEN_DE])
def test_sudden_and_thematic_awards_do_not_count_as_grounds(kind) -> None:
    titles = [PriorTitle(2024, "CSTDCS", kind), PriorTitle(2025, "CSTDCS")]
    r = check(bang_khen(titles))
    assert not r.ok
    assert has(r, "không dùng làm căn cứ")
    assert has(r, f"2024 ({kind.label.lower()})")
    # Tuples carry the award kind as their third element.
    assert not check(bang_khen([(2024, "CSTDCS", kind.value), (2025, "CSTDCS")])).ok


def test_sudden_ldtt_does_not_support_cstdcs() -> None:
    r = check(cstdcs(2025, AFTER, titles=[(2025, "LDTT", "dot_xuat")]))
    assert not r.ok and has(r, "không dùng làm căn cứ")


def test_sudden_bang_khen_needs_no_consecutive_titles() -> None:
    r = check(bang_khen([], award_kind=AwardKind.DOT_XUAT))
    assert r.ok
    assert r.to_review and "đột xuất" in r.to_review[0].label
    assert any("không dùng làm căn cứ" in n for n in r.notes)


def test_collective_bang_khen() -> None:
    facts = dict(subject_kind=COLLECTIVE, year=2025, title_code="BANG_KHEN_TINH", decision_date=AFTER)
    assert check(NomineeFacts(**facts, ratings={2024: "excellent", 2025: "excellent"})).ok
    assert check(NomineeFacts(**facts, titles=[(2024, "TLDXS"), (2025, "TLDXS")])).ok
    assert not check(NomineeFacts(**facts, ratings={2024: "good", 2025: "excellent"})).ok


# --------------------------------------------------------------------------- LĐTT and individual exclusions


@pytest.mark.parametrize(
    "rating,ok",
    [(Rating.EXCELLENT, True), (Rating.GOOD, True), (Rating.DONE, False), (Rating.NOT_DONE, False)],
)
def test_ldtt_requires_good_or_better(rating, ok) -> None:
    r = check(NomineeFacts(PERSON, 2025, "LDTT", decision_date=AFTER, ratings={2025: rating}))
    assert r.ok is ok
    if not ok:
        assert has(r, f"xếp loại năm 2025 là {rating.label}, yêu cầu Hoàn thành tốt nhiệm vụ trở lên")


def test_ldtt_without_rating_fails() -> None:
    r = check(NomineeFacts(PERSON, 2025, "LDTT", decision_date=AFTER))
    assert not r.ok and has(r, "Chưa có xếp loại chất lượng năm 2025")


def test_under_review_and_discipline_exclude() -> None:
    good = dict(
        subject_kind=PERSON, year=2025, title_code="LDTT", decision_date=AFTER, ratings={2025: "good"}
    )
    r = check(NomineeFacts(**good, under_review=True))
    assert not r.ok and has(r, "giải quyết khiếu nại")
    r = check(NomineeFacts(**good, discipline=Discipline.REPRIMAND, discipline_year=2025))
    assert not r.ok and has(r, "Bị kỷ luật khiển trách năm 2025")
    assert check(NomineeFacts(**good, discipline=Discipline.WARNING, discipline_year=2023)).ok


# --------------------------------------------------------------------------- collectives


def tldtt(**kw) -> NomineeFacts:
    base = dict(
        subject_kind=COLLECTIVE,
        year=2025,
        title_code="TLDTT",
        decision_date=AFTER,
        ratings={2025: Rating.GOOD},
        members=20,
        members_ldtt=14,
        disciplined_warning_or_above=False,
    )
    base.update(kw)
    return NomineeFacts(**base)


def test_collective_70_percent_ldtt() -> None:
    r = check(tldtt())
    assert r.ok, r.reasons
    assert has(r, "Đạt: 14/20 thành viên đạt Lao động tiên tiến (70%; yêu cầu từ 70%)")
    assert r.deciding_authority == "Chủ tịch UBND xã"
    r = check(tldtt(members_ldtt=13))
    assert not r.ok and has(r, "Chưa đạt: 13/20 thành viên đạt Lao động tiên tiến (65%")
    assert not check(tldtt(members=None)).ok
    assert not check(tldtt(disciplined_warning_or_above=True)).ok
    before = check(tldtt(year=2024, decision_date=BEFORE, ratings={2024: "good"}))
    assert before.ok and before.deciding_authority == "Chủ tịch UBND huyện"


def test_tldxs_collective_criteria() -> None:
    facts = dict(
        subject_kind=COLLECTIVE,
        year=2025,
        title_code="TLDXS",
        decision_date=AFTER,
        ratings={2025: Rating.EXCELLENT},
        members=10,
        members_completed=10,
        members_ldtt=8,
        has_cstdcs_member=True,
        disciplined_warning_or_above=False,
        women_share=80,
    )
    r = check(NomineeFacts(**facts))
    assert r.ok, r.reasons
    assert any("70% nữ" in n for n in r.notes)
    assert not check(NomineeFacts(**{**facts, "members_completed": 9})).ok
    assert not check(NomineeFacts(**{**facts, "has_cstdcs_member": False})).ok
    assert not check(NomineeFacts(**{**facts, "ratings": {2025: "good"}})).ok


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
    r = check(cstdcs(2025, AFTER, award_kind=AwardKind.DOT_XUAT))
    assert not r.ok and has(r, "không xét theo loại hình khen thưởng đột xuất")


def test_unknown_title_code() -> None:
    r = check(NomineeFacts(PERSON, 2025, "HUAN_CHUONG_LAO_DONG", decision_date=AFTER))
    assert not r.ok and has(r, "không có trong danh mục")


def test_manual_criteria_do_not_block_but_are_listed() -> None:
    r = check(NomineeFacts(SubjectKind.HOUSEHOLD, 2025, "GIA_DINH_VAN_HOA", decision_date=AFTER))
    assert r.ok
    assert len(r.to_review) == 2
    assert all(reason.startswith(("Đạt:", "Cần xem xét:")) for reason in r.reasons)


# --------------------------------------------------------------------------- choosing the rule set


def test_rule_set_follows_decision_then_achievement_date_then_year_end() -> None:
    f = NomineeFacts(PERSON, 2025, "LDTT", ratings={2025: "good"})
    assert f.judged_on == dt.date(2025, 12, 31)
    assert "152/2025" in check(f).ruleset_basis
    f = NomineeFacts(PERSON, 2025, "LDTT", achievement_date=dt.date(2025, 6, 1), ratings={2025: "good"})
    assert "98/2023" in check(f).ruleset_basis
    f = NomineeFacts(
        PERSON,
        2025,
        "LDTT",
        achievement_date=dt.date(2025, 6, 1),
        decision_date=dt.date(2025, 7, 2),
        ratings={2025: "good"},
    )
    assert "152/2025" in check(f).ruleset_basis


def test_date_before_2024_uses_earliest_set_with_note() -> None:
    r = check(NomineeFacts(PERSON, 2023, "LDTT", decision_date=dt.date(2023, 12, 1), ratings={2023: "good"}))
    assert r.ok
    assert "98/2023" in r.ruleset_basis
    assert any("01/12/2023" in n for n in r.notes)


def test_explicit_rule_set_with_province_override() -> None:
    rs = ruleset_for(AFTER, overrides={"catalogue": {"CSTDCS": {"vote": {"threshold": 70}}}})
    r = check(cstdcs(2025, AFTER, vote=(15, 20)), rs)
    assert r.ok and r.vote_threshold == 70
    assert not check(cstdcs(2025, AFTER, vote=(15, 20))).ok


def test_every_criterion_type_has_exactly_one_evaluator():
    from tdkt_desktop.core import eligibility
    from tdkt_desktop.core.rules import CRITERION_TYPES

    assert set(eligibility._EVALUATORS) == set(CRITERION_TYPES)
