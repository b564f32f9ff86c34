"""Rule sets as data: choosing by date, catalogue, votes, money, overrides and bad files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tdkt_desktop.core import rules
from tdkt_desktop.core.models import TITLE_CODES, AwardKind, SubjectKind
from tdkt_desktop.core.rules import (
    allowed_titles,
    award_amount,
    base_salary_on,
    deep_merge,
    dossier_for,
    load_override,
    load_ruleset,
    money_rule,
    payable_awards,
    quota_limit,
    ruleset_for,
    vote_passes,
    vote_share,
    vote_threshold,
)
from tdkt_desktop.core.text import InputError

BEFORE = dt.date(2025, 6, 30)
AFTER = dt.date(2025, 7, 1)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of resources/rulesets to damage or extend."""
    target = tmp_path / "rulesets"
    shutil.copytree(rules.rulesets_dir(), target)
    return target


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# --------------------------------------------------------------------------- choosing a rule set


def test_rule_set_chosen_by_date() -> None:
    old = ruleset_for(BEFORE)
    new = ruleset_for(AFTER)
    assert old.id == "nd98_2023"
    assert old.legal_basis == "Nghị định 98/2023/NĐ-CP"
    assert (old.effective_from, old.effective_to) == (dt.date(2024, 1, 1), dt.date(2025, 6, 30))
    assert new.id == "nd152_2025"
    assert new.legal_basis == "Nghị định 152/2025/NĐ-CP; Nghị định 129/2025/NĐ-CP"
    assert new.effective_to is None
    assert "152/2025" in new.describe() and "01/07/2025" in new.describe()
    assert ruleset_for(dt.date(2031, 1, 1)).id == "nd152_2025"


def test_date_before_earliest_set_gives_earliest_with_note() -> None:
    rs = ruleset_for(dt.date(2023, 5, 1))
    assert rs.id == "nd98_2023"
    assert rs.notes and "01/05/2023" in rs.notes[0] and "98/2023" in rs.notes[0]
    assert ruleset_for(dt.date(2024, 1, 1)).notes == ()


@pytest.mark.parametrize("on", [BEFORE, AFTER])
def test_catalogue_covers_every_title_code(on: dt.date) -> None:
    rs = ruleset_for(on)
    # The district chairman's Giấy khen exists only while there are districts (until 30/06/2025).
    expected = set(TITLE_CODES) - ({"GIAY_KHEN_HUYEN"} if on >= AFTER else set())
    assert set(rs.catalogue) == expected
    for entry in rs.catalogue.values():
        assert entry.kind in ("danh_hieu", "hinh_thuc")
        assert entry.decided_by
        assert entry.dossier, entry.code
        assert entry.commune_role in ("decide", "propose")


def test_deciding_authority_moves_to_commune_after_reform() -> None:
    old, new = ruleset_for(BEFORE), ruleset_for(AFTER)
    for code in ("CSTDCS", "TLDTT", "THON_VAN_HOA"):
        assert old.entry(code).decided_by == "Chủ tịch UBND huyện"
        assert not old.entry(code).commune_decides
        assert new.entry(code).decided_by == "Chủ tịch UBND xã"
        assert new.entry(code).commune_decides
    for code in ("TLDXS", "BANG_KHEN_TINH", "CO_TD_TINH", "CSTD_TINH"):
        assert new.entry(code).decided_by == "Chủ tịch UBND tỉnh"
        assert not new.entry(code).commune_decides
    assert (
        new.entry("GIA_DINH_VAN_HOA").decided_by
        == old.entry("GIA_DINH_VAN_HOA").decided_by
        == "Chủ tịch UBND xã"
    )


def test_allowed_titles_by_subject_and_award_kind() -> None:
    rs = ruleset_for(AFTER)
    person = {e.code for e in allowed_titles(rs, SubjectKind.PERSON)}
    assert {"LDTT", "CSTDCS", "CSTD_TINH", "GIAY_KHEN", "BANG_KHEN_TINH"} <= person
    assert not person & {"TLDTT", "TLDXS", "GIA_DINH_VAN_HOA"}
    household = {e.code for e in allowed_titles(rs, "household")}
    assert household == {"GIA_DINH_VAN_HOA", "GIAY_KHEN", "BANG_KHEN_TINH", "BANG_KHEN_TTG"}
    sudden = {e.code for e in allowed_titles(rs, SubjectKind.PERSON, AwardKind.DOT_XUAT)}
    assert "GIAY_KHEN" in sudden and "CSTDCS" not in sudden and "LDTT" not in sudden


def test_dossier_lists_differ_and_filter() -> None:
    old, new = ruleset_for(BEFORE), ruleset_for(AFTER)
    old_keys = [i.key for i in dossier_for(old, "BANG_KHEN_TINH", subject_kind="person")]
    new_keys = [i.key for i in dossier_for(new, "BANG_KHEN_TINH", subject_kind="person")]
    assert "to_trinh_huyen" in old_keys and "to_trinh_huyen" not in new_keys
    cstdcs = {i.key: i for i in dossier_for(new, "CSTDCS")}
    assert {"to_trinh", "danh_sach", "bao_cao_thanh_tich_ca_nhan", "bien_ban_hoi_dong"} <= set(cstdcs)
    assert "bỏ phiếu" in cstdcs["bien_ban_hoi_dong"].label
    assert "Mẫu số 05" in cstdcs["bao_cao_thanh_tich_ca_nhan"].label
    ldtt_minutes = {i.key: i for i in dossier_for(new, "LDTT")}["bien_ban_hoi_dong"]
    assert "bỏ phiếu" not in ldtt_minutes.label
    sudden = [i.key for i in dossier_for(new, "GIAY_KHEN", subject_kind="person", award_kind="dot_xuat")]
    assert "tom_tat_dot_xuat" in sudden and "bao_cao_thanh_tich_ca_nhan" not in sudden
    assert new.dossier_note and "Điều 6, khoản 2, điểm c" in new.dossier_note
    assert new.dossier_note_source is not None and new.dossier_note_source.text.endswith("Điều 6, khoản 2, điểm c")


@pytest.mark.parametrize("on", [BEFORE, AFTER])
def test_every_rule_cites_its_source(on: dt.date) -> None:
    rs = ruleset_for(on)
    for entry in rs.catalogue.values():
        assert entry.source.doc and entry.authority_source.doc, entry.code
        assert all(c.get("source") for c in entry.criteria), entry.code
        assert all(item.source is not None for item in entry.dossier), entry.code
        for kind, value in entry.coefficients.items():
            if value:
                assert entry.money_sources[kind].verified, (entry.code, kind)
        for kind, note in entry.money_manual.items():
            assert note and kind not in {k for k, v in entry.coefficients.items() if v}
            assert entry.money_sources[kind].status == "not_found", (entry.code, kind)
        for kind in entry.subject_kinds:
            assert money_rule(rs, entry.code, kind).source is not None, (entry.code, kind)
        if entry.vote_required:
            assert entry.vote_source is not None
            assert (entry.vote_threshold is None) == (entry.vote_source.status == "not_found"), entry.code
    assert all(c.get("source") for c in rs.common_criteria)
    assert rs.vote_source and rs.transition_source and rs.decision_bases
    for cite in (rs.vote_source, rs.transition_source, *(c for _, c in rs.decision_bases)):
        assert cite.valid_from is not None and cite.valid_from >= rs.effective_from


def test_unverified_marks_are_refused(rules_copy: Path) -> None:
    path = rules_copy / "nd152_2025.json"
    _edit(path, lambda d: d.update(unverified=[{"field": "x", "note": "y"}]))
    with pytest.raises(InputError, match="“unverified” không còn được dùng"):
        load_ruleset(path)


def test_citation_without_note_for_unchecked_article_is_refused(rules_copy: Path) -> None:
    path = rules_copy / "nd152_2025.json"
    _edit(path, lambda d: d["catalogue"]["LDTT"].update(source={"doc": "luat_2022", "status": "not_found"}))
    with pytest.raises(InputError) as err:
        load_ruleset(path)
    assert err.value.field == "catalogue.LDTT.source.note"


def test_amount_entered_by_hand_must_cite_the_text_searched(rules_copy: Path) -> None:
    path = rules_copy / "nd152_2025.json"
    _edit(path, lambda d: d["catalogue"]["GIAY_KHEN"]["money"]["sources"].pop("collective"))
    with pytest.raises(InputError) as err:
        load_ruleset(path)
    assert err.value.field == "catalogue.GIAY_KHEN.money.sources.collective"


def test_citation_of_unknown_text_is_refused(rules_copy: Path) -> None:
    path = rules_copy / "nd152_2025.json"
    _edit(path, lambda d: d["catalogue"]["LDTT"].update(source={"doc": "nd999_2030", "article": 1}))
    with pytest.raises(InputError, match="nd999_2030"):
        load_ruleset(path)


# --------------------------------------------------------------------------- votes


def test_vote_thresholds_by_title() -> None:
    rs = ruleset_for(BEFORE)
    assert vote_threshold(rs, "CSTDCS") == 80
    assert vote_threshold(rs, "CO_TD_TINH") == 80
    assert vote_threshold(rs, "CO_TD_CP") == 80
    assert vote_threshold(rs, "CSTD_TINH") == 90
    assert vote_threshold(rs, "CSTD_TQ") == 90
    assert vote_threshold(rs, "LDTT") is None
    assert rs.vote_basis == "total_members"
    assert rs.vote_thresholds["CSTD_TINH"] == 90
    assert rs.entry("CSTDCS").vote_source.text == "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7"
    # Nghị định 152/2025: the council still votes, the threshold is not carried over without a text.
    new = ruleset_for(AFTER)
    for code in ("CSTDCS", "CO_TD_TINH", "CO_TD_CP", "CSTD_TINH", "CSTD_TQ"):
        assert rules.vote_required(new, code) and vote_threshold(new, code) is None
        assert new.entry(code).vote_source.status == "not_found"
    assert not rules.vote_required(new, "LDTT")
    assert new.vote_thresholds == {}


def test_vote_share_counts_total_members_not_present() -> None:
    # 11 members, 3 absent, all 8 present vote in favour: 72.7% of the council, not 100%.
    assert vote_share(8, 11) == pytest.approx(72.727, abs=0.001)
    assert not vote_passes(8, 11, 80)
    assert vote_passes(8, 10, 80)  # exactly 80%
    assert not vote_passes(19, 24, 80)  # 79.2%
    assert vote_passes(9, 10, 90)
    assert not vote_passes(8, 10, 90)
    assert vote_passes(0, 5, 0)


@pytest.mark.parametrize("votes_for,total", [(11, 10), (-1, 10), (5, 0)])
def test_vote_rejects_impossible_counts(votes_for: int, total: int) -> None:
    with pytest.raises(InputError) as err:
        vote_share(votes_for, total)
    assert "thành viên" in str(err.value) or "phiếu" in str(err.value)


# --------------------------------------------------------------------------- money


def test_base_salary_by_date() -> None:
    assert base_salary_on(dt.date(2019, 7, 1)) == 1_490_000
    assert base_salary_on(dt.date(2023, 6, 30)) == 1_490_000
    assert base_salary_on(dt.date(2023, 7, 1)) == 1_800_000
    assert base_salary_on(dt.date(2024, 6, 30)) == 1_800_000
    assert base_salary_on(dt.date(2024, 7, 1)) == 2_340_000
    assert base_salary_on(dt.date(2026, 1, 1)) == 2_340_000
    assert base_salary_on(dt.date(2026, 6, 30)) == 2_340_000
    assert base_salary_on(dt.date(2026, 7, 1)) == 2_530_000
    with pytest.raises(InputError, match="lương cơ sở"):
        base_salary_on(dt.date(2019, 6, 30))
    step = rules.base_salary_step(dt.date(2026, 7, 1))
    assert step.legal_basis == "Nghị định 161/2026/NĐ-CP, Điều 3"
    assert rules.base_salary_step(dt.date(2025, 1, 1)).source.valid_to == dt.date(2026, 6, 30)


def test_award_amount_rounds_up_to_ten_thousand() -> None:
    on = dt.date(2025, 8, 15)
    assert award_amount("LDTT", SubjectKind.PERSON, on) == 710_000  # 0.3 × 2,340,000 = 702,000
    assert award_amount("CSTDCS", "person", on) == 2_340_000
    assert award_amount("TLDTT", "collective", on) == 1_880_000  # 1,872,000
    assert award_amount("TLDXS", "collective", on) == 3_510_000
    assert award_amount("XA_TIEU_BIEU", "collective", on) == 4_680_000
    assert award_amount("THON_VAN_HOA", "collective", on) == 3_510_000
    assert award_amount("BANG_KHEN_TINH", "person", on) == 3_510_000
    assert award_amount("GIA_DINH_VAN_HOA", "household", on) == 0
    # Collective Bằng khen and Giấy khen: twice the individual's (Điều 54 khoản 2, marked unverified)
    assert award_amount("GIAY_KHEN", "collective", on) == 1_410_000  # 0.6 × 2,340,000 = 1,404,000
    assert award_amount("BANG_KHEN_TINH", "collective", on) == 7_020_000  # 3.0 × 2,340,000
    assert award_amount("BANG_KHEN_TTG", "collective", on) == 16_380_000  # 7.0 × 2,340,000


def test_household_gets_one_and_a_half_times_the_individual_amount() -> None:
    on = dt.date(2025, 8, 15)
    rs = ruleset_for(on)
    person = rules.coefficient(rs, "GIAY_KHEN", "person")
    assert rules.coefficient(rs, "GIAY_KHEN", "household") == pytest.approx(1.5 * person)
    # 1.5 × 0.3 × 2,340,000 = 1,053,000 → 1,060,000
    assert award_amount("GIAY_KHEN", "household", on) == 1_060_000
    # 1.5 × 1.5 × 2,340,000 = 5,265,000 → 5,270,000
    assert award_amount("BANG_KHEN_TINH", "household", on) == 5_270_000


def test_award_amount_uses_salary_on_decision_date() -> None:
    assert award_amount("LDTT", "person", dt.date(2024, 6, 30)) == 540_000  # 0.3 × 1,800,000
    assert award_amount("CSTDCS", "person", dt.date(2024, 6, 30)) == 1_800_000
    assert award_amount("LDTT", "person", dt.date(2024, 7, 1)) == 710_000


def test_award_amount_rejects_wrong_subject() -> None:
    with pytest.raises(InputError, match="không xét tặng cho tập thể"):
        award_amount("CSTDCS", "collective", AFTER)
    with pytest.raises(InputError, match="không có trong danh mục"):
        award_amount("HUAN_CHUONG", "person", AFTER)


def test_only_the_highest_title_of_the_same_period_is_paid() -> None:
    on = dt.date(2025, 12, 20)
    out = payable_awards([("LDTT", "person"), ("CSTDCS", "person")], on)
    assert [(p.code, p.paid, p.paid_amount) for p in out] == [("LDTT", False, 0), ("CSTDCS", True, 2_340_000)]
    assert "cao nhất" in out[0].note
    out = payable_awards([("TLDXS", "collective"), ("TLDTT", "collective")], on)
    assert [p.paid for p in out] == [True, False]
    assert sum(p.paid_amount for p in out) == 3_510_000


def test_title_and_form_are_each_paid_unless_highest_overall() -> None:
    on = dt.date(2025, 12, 20)
    awards = [("LDTT", "person"), ("CSTDCS", "person"), ("GIAY_KHEN", "person")]
    per_kind = payable_awards(awards, on)
    assert [p.paid for p in per_kind] == [False, True, True]
    rs = ruleset_for(on, overrides={"money": {"same_period": "highest_overall"}})
    overall = payable_awards(awards, on, ruleset=rs)
    assert [p.paid for p in overall] == [False, True, False]


# --------------------------------------------------------------------------- overrides


def test_deep_merge_merges_dicts_and_replaces_lists() -> None:
    base = {"a": {"b": 1, "c": [1, 2], "d": {"e": 1}}, "f": 1}
    merged = deep_merge(base, {"a": {"c": [9], "d": {"g": 2}}, "h": None})
    assert merged == {"a": {"b": 1, "c": [9], "d": {"e": 1, "g": 2}}, "f": 1, "h": None}
    assert base == {"a": {"b": 1, "c": [1, 2], "d": {"e": 1}}, "f": 1}


def test_overrides_patch_one_field_and_keep_the_rest() -> None:
    rs = ruleset_for(AFTER, overrides={"catalogue": {"CSTDCS": {"vote": {"threshold": 75}}}})
    assert vote_threshold(rs, "CSTDCS") == 75
    assert rs.entry("CSTDCS").decided_by == "Chủ tịch UBND xã"
    assert rs.entry("CSTDCS").criteria == ruleset_for(AFTER).entry("CSTDCS").criteria
    assert vote_threshold(ruleset_for(AFTER), "CSTDCS") is None  # base untouched


def test_example_province_override_file() -> None:
    path = rules.rulesets_dir() / "overrides" / "27_bac_ninh.example.json"
    ov = load_override(path)
    assert ov.province_code == "27" and ov.example
    assert ov.applies("nd152_2025") and not ov.applies("nd98_2023")
    # Example files are never applied on their own.
    assert ruleset_for(AFTER, province_code="27").settings["quotas"] == {}
    rs = ruleset_for(AFTER, overrides=ov.patch)
    assert quota_limit(rs, "CSTDCS", {"LDTT": 40}) == 6
    assert quota_limit(ruleset_for(AFTER), "CSTDCS", {"LDTT": 40}) is None
    keys = [i.key for i in rs.entry("GIAY_KHEN").dossier]
    assert keys == ["to_trinh", "danh_sach", "bien_ban_hoi_dong", "bao_cao_thanh_tich"]
    assert not rs.entry("GIAY_KHEN").dossier[-1].required
    assert [i.key for i in rs.entry("LDTT").dossier] == [
        i.key for i in ruleset_for(AFTER).entry("LDTT").dossier
    ]


def test_province_override_applied_by_code(rules_copy: Path) -> None:
    example = rules_copy / "overrides" / "27_bac_ninh.example.json"
    active = rules_copy / "overrides" / "27.json"
    example.rename(active)
    _edit(active, lambda d: d.update(example=False))
    rs = ruleset_for(AFTER, province_code="27", rules_dir=rules_copy)
    assert rs.province_code == "27"
    assert quota_limit(rs, "CSTDCS", {"LDTT": 20}) == 3
    assert "27.json" in rs.sources
    assert "tỉnh mã 27" in rs.describe()
    # applies_to limits it to the NĐ 152 set; another province is unaffected.
    assert ruleset_for(BEFORE, province_code="27", rules_dir=rules_copy).settings["quotas"] == {}
    assert ruleset_for(AFTER, province_code="01", rules_dir=rules_copy).settings["quotas"] == {}


# --------------------------------------------------------------------------- bad files


def test_bad_field_names_file_and_field(rules_copy: Path) -> None:
    path = rules_copy / "nd152_2025.json"
    _edit(path, lambda d: d["catalogue"]["LDTT"].update(level="thon"))
    with pytest.raises(InputError) as err:
        load_ruleset(path)
    msg = str(err.value)
    assert "nd152_2025.json" in msg and "catalogue.LDTT.level" in msg and "không hợp lệ" in msg
    assert err.value.field == "catalogue.LDTT.level"
    with pytest.raises(InputError, match=r"nd152_2025\.json"):
        ruleset_for(AFTER, rules_dir=rules_copy)


@pytest.mark.parametrize(
    "change,field",
    [
        (
            lambda d: d["catalogue"]["CSTDCS"]["criteria"].append({"type": "phep_thuat"}),
            "catalogue.CSTDCS.criteria[3].type",
        ),
        (
            lambda d: d["catalogue"]["CSTDCS"]["criteria"][1]["items"][0].update(value="rat_tot"),
            "catalogue.CSTDCS.criteria[1].items[0].value",
        ),
        (lambda d: d["catalogue"]["LDTT"].pop("decided_by"), "catalogue.LDTT.decided_by"),
        (lambda d: d["catalogue"]["LDTT"]["money"].update(person="ba"), "catalogue.LDTT.money.person"),
        (lambda d: d["catalogue"]["CSTDCS"]["vote"].update(threshold=120), "catalogue.CSTDCS.vote.threshold"),
        (lambda d: d["catalogue"].update(HUAN_CHUONG=d["catalogue"]["LDTT"]), "catalogue.HUAN_CHUONG"),
        (lambda d: d.update(effective_from="01/07/2025"), "effective_from"),
        (
            lambda d: d["catalogue"]["GIAY_KHEN"]["dossier"][0].pop("required"),
            "catalogue.GIAY_KHEN.dossier[0].required",
        ),
    ],
)
def test_bad_rule_data_is_reported_in_vietnamese(rules_copy: Path, change, field: str) -> None:
    path = rules_copy / "nd152_2025.json"
    _edit(path, change)
    with pytest.raises(InputError) as err:
        load_ruleset(path)
    assert err.value.field == field
    assert f"Tệp quy định “nd152_2025.json”, mục “{field}”" in str(err.value)


def test_broken_json_is_reported_with_line(rules_copy: Path) -> None:
    path = rules_copy / "nd98_2023.json"
    path.write_text('{\n  "format": "tdkt-ruleset/2",\n  "id": \n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"nd98_2023.json.*sai cú pháp JSON ở dòng 4"):
        load_ruleset(path)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Không tìm thấy tệp quy định"):
        load_ruleset(tmp_path / "khong_co.json")


def test_bad_override_names_both_files(rules_copy: Path) -> None:
    path = rules_copy / "overrides" / "27_bac_ninh.example.json"
    _edit(path, lambda d: d.update(example=False) or d["patch"]["catalogue"]["GIAY_KHEN"].update(kind="khac"))
    with pytest.raises(InputError) as err:
        ruleset_for(AFTER, province_code="27", rules_dir=rules_copy)
    assert "nd152_2025.json + 27_bac_ninh.example.json" in str(err.value)
    assert err.value.field == "catalogue.GIAY_KHEN.kind"


def test_overlapping_rule_sets_are_refused(rules_copy: Path) -> None:
    _edit(rules_copy / "nd98_2023.json", lambda d: d.update(effective_to="2025-12-31"))
    with pytest.raises(InputError, match="chồng nhau"):
        ruleset_for(AFTER, rules_dir=rules_copy)


def test_bad_base_salary_file(rules_copy: Path) -> None:
    _edit(rules_copy / "base_salary.json", lambda d: d["entries"][0].update(amount=-5))
    with pytest.raises(InputError, match=r"base_salary.json.*entries\[0\].amount"):
        base_salary_on(AFTER, rules_dir=rules_copy)


# --------------------------------------------------------------------------- printed forms


def test_form_citing_a_repealed_decree_must_end_with_it() -> None:
    from tdkt_desktop.core.legal import form_sources

    form = {"valid_from": "2024-01-01", "valid_to": None, "sources": [{"doc": "nd98_2023", "article": 104}]}
    with pytest.raises(InputError, match="hết hiệu lực"):
        form_sources(form, "giay_khen.json")
    assert form_sources({**form, "valid_to": "2025-06-30"}, "giay_khen.json")[0].valid_to == dt.date(2025, 6, 30)


def test_form_before_the_text_it_cites_is_refused() -> None:
    from tdkt_desktop.core.legal import form_sources

    with pytest.raises(InputError, match="trước ngày"):
        form_sources({"valid_from": "2020-03-05", "valid_to": None, "sources": [{"doc": "luat_2022"}]}, "x.json")
    with pytest.raises(InputError, match="sources"):
        form_sources({"valid_from": "2020-03-05", "valid_to": None}, "x.json")
    cite = form_sources({"valid_from": "2024-01-01", "valid_to": None,
                         "sources": [{"doc": "nd30_2020", "part": "Phụ lục III, Mẫu 1.2"}]}, "x.json")[0]
    assert cite.text == "Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.2"


def test_legal_sources_page_lists_every_text_and_what_was_not_verified() -> None:
    from tdkt_desktop.core.legal import legal_documents

    page = (Path(__file__).resolve().parents[2] / "docs" / "legal-sources.md").read_text(encoding="utf-8")
    for doc in legal_documents().values():
        assert f"### {doc.title}" in page, doc.id
        for line in (*doc.taken, *doc.not_verified, *doc.evidence):
            assert line in page, (doc.id, line)
