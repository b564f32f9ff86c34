"""store.authority pinned down: the unit tree, who writes a record, who appraises a nomination, the precedence of
two writes, and every branch of the field-by-field refusal with its whole code and message — then the same rules
on local edits through the store."""

from __future__ import annotations

from typing import Any

import pytest

from tdkt_desktop.store import authority as auth
from tdkt_desktop.store.authority import (
    AUTHORITY,
    NoAuthority,
    Parties,
    Refusal,
    TreeCache,
    UnitTree,
    appraiser,
    check_local_write,
    field_refusal,
    parties,
    writers,
)
from tdkt_desktop.store.db import SYNCED_TABLES

PROVINCE, DISTRICT, COMMUNE, OTHER = "92", "916", "31147", "31150"
SCHOOL, CLASS, HAMLET = "31147-TH1", "31147-TH1-L5", "31150-AP1"


def tree() -> UnitTree:
    t = UnitTree()
    t.add(PROVINCE, None, "province")
    t.add(COMMUNE, PROVINCE, "commune")
    t.add(OTHER, PROVINCE, "commune")
    t.add(SCHOOL, COMMUNE, "school")
    t.add(CLASS, SCHOOL, "other")
    t.add(HAMLET, OTHER, "hamlet")
    t.add("TW-" + PROVINCE, "TW", "province")
    t.add("TW", None, "other")
    return t


# --------------------------------------------------------------------------- the unit tree


def test_a_unit_is_added_once_and_its_first_parent_and_level_stay():
    t = UnitTree()
    t.add("A", "P", "commune")
    t.add("A", "Q", "school")
    t.add("B", None)
    t.add("B", "P", "commune")
    assert t.parent == {"A": "P", "B": None}
    assert t.level == {"A": "commune", "B": "commune"}


def test_children_subtree_and_ancestors():
    t = tree()
    assert {k: sorted(v) for k, v in t.children().items()} == {
        PROVINCE: [COMMUNE, OTHER], COMMUNE: [SCHOOL], SCHOOL: [CLASS], OTHER: [HAMLET], "TW": ["TW-92"]}
    assert t.subtree(PROVINCE) == {PROVINCE, COMMUNE, OTHER, SCHOOL, CLASS, HAMLET}
    assert t.subtree(COMMUNE) == {COMMUNE, SCHOOL, CLASS}
    assert t.subtree(CLASS) == {CLASS}
    assert t.subtree("unknown") == {"unknown"}
    assert t.ancestors(CLASS) == [SCHOOL, COMMUNE, PROVINCE]
    assert t.ancestors(PROVINCE) == []
    assert t.ancestors("unknown") == []


def test_a_cycle_in_the_unit_tree_ends_every_walk():
    t = UnitTree()
    t.add("X", "Y", "school")
    t.add("Y", "Z", "school")
    t.add("Z", "X", "school")
    assert t.ancestors("X") == ["Y", "Z"]
    assert t.subtree("X") == {"X", "Y", "Z"}
    assert writers(t, "X") == frozenset({"X", "Y", "Z"})
    t2 = UnitTree()
    t2.add("S", "S", "school")
    assert t2.ancestors("S") == []
    assert t2.home("S") == "S"


def test_sub_units_and_their_home():
    t = tree()
    assert [t.is_sub_unit(c) for c in (PROVINCE, COMMUNE, SCHOOL, CLASS, HAMLET, "unknown")] == [
        False, False, True, True, True, False]
    t.add(DISTRICT, PROVINCE, "district")
    assert not t.is_sub_unit(DISTRICT)
    assert [t.home(c) for c in (PROVINCE, COMMUNE, SCHOOL, CLASS, HAMLET, "unknown")] == [
        PROVINCE, COMMUNE, COMMUNE, COMMUNE, OTHER, "unknown"]
    lone = UnitTree()
    lone.add("S", None, "school")
    assert lone.home("S") == "S"


def test_the_writers_of_a_record_are_its_owner_and_the_units_consolidating_it():
    t = tree()
    assert writers(t, COMMUNE) == frozenset({COMMUNE})
    assert writers(t, PROVINCE) == frozenset({PROVINCE})
    assert writers(t, SCHOOL) == frozenset({SCHOOL, COMMUNE})
    assert writers(t, CLASS) == frozenset({CLASS, SCHOOL, COMMUNE})
    assert writers(t, HAMLET) == frozenset({HAMLET, OTHER})
    assert writers(t, "unknown") == frozenset({"unknown"})


# --------------------------------------------------------------------------- the appraising office


@pytest.mark.parametrize(("owner", "title", "year", "office"), [
    (COMMUNE, "LDTT", 2025, COMMUNE),            # the commune decides Lao động tiên tiến itself
    (SCHOOL, "LDTT", 2025, COMMUNE),             # … for its school too
    (COMMUNE, "BANG_KHEN_TINH", 2025, PROVINCE),  # proposed to the province
    (CLASS, "CSTD_TINH", 2025, PROVINCE),
    (COMMUNE, "CSTDCS", 2025, COMMUNE),           # NĐ 152/2025: the commune decides CSTĐCS
    (COMMUNE, "CSTDCS", 2024, PROVINCE),          # NĐ 98/2023: it proposes it
    (COMMUNE, "UNKNOWN_TITLE", 2025, PROVINCE),
    (COMMUNE, None, 2025, PROVINCE),
    (COMMUNE, "LDTT", None, PROVINCE),
    (PROVINCE, "BANG_KHEN_TTG", 2025, PROVINCE),  # a province appraises its own
    ("TW-" + PROVINCE, "BANG_KHEN_TTG", 2025, "TW-" + PROVINCE),  # … even with a level named above it
    ("unknown", "LDTT", 2025, "unknown"),
])
def test_the_appraising_office(owner, title, year, office):
    assert appraiser(tree(), owner, title, year) == office


def test_a_title_without_a_rule_set_is_appraised_above(monkeypatch):
    import tdkt_desktop.core.rules as rules

    def no_rules(_day: Any) -> Any:
        raise LookupError("no rule set")

    auth._commune_role.cache_clear()
    monkeypatch.setattr(rules, "ruleset_for", no_rules)
    try:
        assert appraiser(tree(), COMMUNE, "LDTT", 2031) == PROVINCE
    finally:
        auth._commune_role.cache_clear()


def test_parties_of_each_kind_of_record():
    t = tree()
    assert parties(t, "people", {"owner_unit": SCHOOL}) == Parties(SCHOOL, frozenset({SCHOOL, COMMUNE}))
    assert parties(t, "nominations", {"owner_unit": COMMUNE, "title_code": "BANG_KHEN_TINH", "year": "2025"}) == \
        Parties(COMMUNE, frozenset({COMMUNE}), PROVINCE)
    assert parties(t, "nominations", {"owner_unit": COMMUNE, "title_code": "LDTT", "year": 2025}) == \
        Parties(COMMUNE, frozenset({COMMUNE}), COMMUNE)
    assert parties(t, "nominations", {"owner_unit": COMMUNE, "title_code": "LDTT", "year": None}) == \
        Parties(COMMUNE, frozenset({COMMUNE}), PROVINCE)
    assert parties(t, "reviews", {"owner_unit": SCHOOL}) == \
        Parties(SCHOOL, frozenset({SCHOOL, COMMUNE}), None, frozenset({COMMUNE, PROVINCE}))
    assert parties(t, "unknown_table", {"owner_unit": None}) == Parties("", frozenset({""}))


def test_precedence_of_two_writes():
    nom = Parties(COMMUNE, frozenset({COMMUNE}), PROVINCE)
    assert nom.separate_appraiser
    assert [nom.rank(PROVINCE, f) for f in ("status", "status_reason", "appraisal_note", "eligibility_json")] == [
        2, 2, 2, 2]
    assert [nom.rank(COMMUNE, f) for f in ("status", "status_reason", "appraisal_note", "eligibility_json")] == [
        1, 0, 0, 0]
    assert [nom.rank(OTHER, f) for f in ("status", "status_reason")] == [0, 0]
    assert nom.rank(COMMUNE, "achievement") == 1
    assert nom.rank(PROVINCE, "achievement") == 0
    own = Parties(COMMUNE, frozenset({COMMUNE}), COMMUNE)
    assert not own.separate_appraiser
    assert own.rank(COMMUNE, "status") == 1 and own.rank(PROVINCE, "status") == 0
    review = Parties(SCHOOL, frozenset({SCHOOL, COMMUNE}), None, frozenset({COMMUNE, PROVINCE}))
    assert not review.separate_appraiser
    assert [review.rank(u, "kept_value") for u in (SCHOOL, COMMUNE, PROVINCE, OTHER)] == [1, 1, 1, 0]
    # an appraiser with upper offices named: the upper offices have no say
    both = Parties(COMMUNE, frozenset({COMMUNE}), PROVINCE, frozenset({PROVINCE, "X"}))
    assert both.rank("X", "achievement") == 0
    assert not Parties(COMMUNE, frozenset({COMMUNE, PROVINCE}), PROVINCE).separate_appraiser


# --------------------------------------------------------------------------- field by field


NOM = Parties(COMMUNE, frozenset({COMMUNE}), PROVINCE)
PEOPLE = Parties(SCHOOL, frozenset({SCHOOL, COMMUNE}))


def refusal(table: str, name: str, writer: str, who: Parties, old: Any, new: Any, **kw: Any) -> Refusal | None:
    return field_refusal(table, name, writer, who, old=old, new=new, **kw)


def test_a_write_that_changes_nothing_is_always_allowed():
    assert refusal("people", "position", OTHER, PEOPLE, "A", "A") is None
    assert refusal("nominations", "status", OTHER, NOM, "approved", "approved", status="approved") is None


def test_owned_records_are_written_by_their_writers_only():
    assert refusal("people", "position", SCHOOL, PEOPLE, "A", "B") is None
    assert refusal("people", "position", COMMUNE, PEOPLE, "A", "B") is None
    assert refusal("people", "position", PROVINCE, PEOPLE, "A", "B") == Refusal(
        "no_authority", "đơn vị 92 không có quyền sửa “Chức vụ” của cá nhân do đơn vị 31147-TH1 quản lý")
    assert refusal("people", "deleted", PROVINCE, PEOPLE, 0, 1) == Refusal(
        "no_authority", "đơn vị 92 không có quyền sửa “xóa/khôi phục” của cá nhân do đơn vị 31147-TH1 quản lý")
    assert refusal("people", "no_such_field", PROVINCE, PEOPLE, 0, 1) == Refusal(
        "no_authority", "đơn vị 92 không có quyền sửa “no_such_field” của cá nhân do đơn vị 31147-TH1 quản lý")
    assert refusal("unknown_table", "x", PROVINCE, PEOPLE, 0, 1) == Refusal(
        "no_authority", "đơn vị 92 không có quyền sửa “x” của unknown_table do đơn vị 31147-TH1 quản lý")


def test_a_queued_conflict_is_written_by_the_writers_and_the_upper_offices():
    who = Parties(SCHOOL, frozenset({SCHOOL, COMMUNE}), None, frozenset({COMMUNE, PROVINCE}))
    for unit in (SCHOOL, COMMUNE, PROVINCE):
        assert refusal("reviews", "resolution", unit, who, None, "kept") is None
    assert refusal("reviews", "resolution", OTHER, who, None, "kept") == Refusal(
        "no_authority", "đơn vị 31150 không tham gia xung đột của bản ghi do đơn vị 31147-TH1 quản lý")


def test_the_appraisal_fields_belong_to_the_appraising_office():
    for name, label in (("status_reason", "Lý do"), ("appraisal_note", "Ý kiến thẩm định"),
                        ("eligibility_json", "Kết quả kiểm tra tiêu chuẩn")):
        assert refusal("nominations", name, PROVINCE, NOM, None, "x") is None
        assert refusal("nominations", name, COMMUNE, NOM, None, "x") == Refusal(
            "no_authority", f"chỉ 92 (cơ quan thẩm định) ghi được “{label}”")


@pytest.mark.parametrize("old", [None, "draft", "submitted", "received", "returned"])
@pytest.mark.parametrize("new", ["draft", "submitted"])
def test_the_owner_sets_draft_or_submitted_from_an_open_status(old, new):
    if old != new:
        assert refusal("nominations", "status", COMMUNE, NOM, old, new) is None


@pytest.mark.parametrize(("old", "new"), [
    ("submitted", "approved"), ("submitted", "received"), ("returned", "appraised"), (None, "decided"),
    ("approved", "draft"), ("rejected", "submitted"), ("appraised", "submitted"), ("decided", "draft"),
])
def test_the_owner_never_appraises_its_own_nomination(old, new):
    assert refusal("nominations", "status", COMMUNE, NOM, old, new) == Refusal(
        "self_approval",
        f"đơn vị 31147 không tự chuyển đề nghị sang “{new}” được: đề nghị này do 92 thẩm định và quyết định")


def test_the_status_by_the_office_and_by_a_stranger():
    assert refusal("nominations", "status", PROVINCE, NOM, "submitted", "approved") is None
    assert refusal("nominations", "status", PROVINCE, NOM, "approved", "draft") is None
    assert refusal("nominations", "status", OTHER, NOM, "submitted", "draft") == Refusal(
        "no_authority", "đơn vị 31150 không có quyền đổi trạng thái đề nghị của đơn vị 31147")


def test_the_content_of_a_nomination_is_the_owners_until_it_is_closed():
    assert refusal("nominations", "achievement", COMMUNE, NOM, "a", "b", status="received") is None
    assert refusal("nominations", "achievement", COMMUNE, NOM, "a", "b") is None
    assert refusal("nominations", "achievement", PROVINCE, NOM, "a", "b") == Refusal(
        "no_authority", "đơn vị 92 không có quyền sửa “Tóm tắt thành tích” của đề nghị khen thưởng do đơn vị 31147 quản lý")
    for status in ("appraised", "approved", "rejected", "decided"):
        assert refusal("nominations", "achievement", COMMUNE, NOM, "a", "b", status=status) == Refusal(
            "locked",
            f"đề nghị đã được 92 xử lý (trạng thái “{status}”) nên đơn vị 31147 không sửa, không xóa được; "
            "hãy đề nghị 92 trả lại hồ sơ (hoặc rút đề nghị trước khi thẩm định)")


def test_relinking_a_closed_nomination_to_the_genuine_campaign():
    links = {"copy": "genuine"}
    assert refusal("nominations", "campaign_id", COMMUNE, NOM, "copy", "genuine", status="approved",
                   relinks=links) is None
    for old, new, given in (("copy", "other", links), ("x", "genuine", links), (None, "genuine", {"None": "genuine"}),
                            ("copy", "genuine", None), ("copy", "genuine", {})):
        got = refusal("nominations", "campaign_id", COMMUNE, NOM, old, new, status="approved", relinks=given)
        assert got is not None and got.code == "locked"
    # not a campaign reference: the relink does not open it
    got = refusal("nominations", "achievement", COMMUNE, NOM, "copy", "genuine", status="approved", relinks=links)
    assert got is not None and got.code == "locked"


def test_every_synced_table_has_its_rule():
    assert set(AUTHORITY) == set(SYNCED_TABLES)


def test_the_authority_table_names_every_reference_it_checks():
    assert AUTHORITY["nominations"].appraisal == ("status", "status_reason", "appraisal_note", "eligibility_json")
    assert AUTHORITY["campaigns"].issuer_field == "issued_by"
    assert AUTHORITY["decisions"].issuer_field == "issuer_unit"
    assert AUTHORITY["award_cancellations"].issuer_field == "issuer_unit"
    assert dict(AUTHORITY["votes"].refs) == {"vote_session_id": "vote_sessions", "nomination_id": "nominations"}
    assert NoAuthority("x").code == "no_authority"
    assert NoAuthority("x", code="locked").code == "locked"


# --------------------------------------------------------------------------- local writes through the store


def test_a_local_edit_of_a_closed_nomination_is_refused_with_the_whole_message(store):
    person = store.insert("people", {"full_name": "Lý Thị Mai", "unit_code": COMMUNE})
    nom = store.insert("nominations", {
        "subject_kind": "person", "subject_id": person["id"], "subject_name": "Lý Thị Mai",
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2025, "unit_code": COMMUNE})
    store.update("nominations", nom["id"], {"status": "submitted"})
    with pytest.raises(NoAuthority) as caught:
        store.update("nominations", nom["id"], {"status": "approved"})
    assert caught.value.code == "self_approval"
    assert str(caught.value) == ("Không lưu được: đơn vị 31147 không tự chuyển đề nghị sang “approved” được: đề nghị "
                                 "này do 92 thẩm định và quyết định.")
    assert store.get("nominations", nom["id"])["status"] == "submitted"
    with pytest.raises(NoAuthority) as caught:
        store.update("nominations", nom["id"], {"appraisal_note": "Tự thẩm định"})
    assert caught.value.code == "no_authority"
    store.update("nominations", nom["id"], {"achievement": "Sửa trước khi thẩm định"})
    assert store.get("nominations", nom["id"])["achievement"] == "Sửa trước khi thẩm định"


def test_a_local_issued_record_must_name_its_own_unit_as_issuer(store):
    with pytest.raises(NoAuthority) as caught:
        store.insert("campaigns", {"name": "Phong trào", "issued_by": PROVINCE, "campaign_type": "regular", "year": 2026},
                     owner_unit=COMMUNE)
    assert caught.value.code == "no_authority"
    assert str(caught.value) == ("Phong trào thi đua ghi đơn vị ban hành 92 nhưng thuộc đơn vị 31147: một đơn vị chỉ "
                                 "ban hành văn bản của mình.")
    assert store.db.execute("SELECT COUNT(*) FROM campaigns").fetchone()[0] == 0
    made = store.insert("campaigns", {"name": "Phong trào", "issued_by": COMMUNE, "campaign_type": "regular", "year": 2026})
    assert made["issued_by"] == COMMUNE


class _FakeStore:
    def __init__(self, unit: str | None, links: dict[str, str] | None = None) -> None:
        self.unit_code = unit
        self.links = links or {}
        self.asked = 0


def test_check_local_write_cases(monkeypatch):
    t = tree()
    asked: list[int] = []

    def fake_relinks(given: Any) -> dict[str, str]:
        assert given is here
        asked.append(1)
        return {"copy": "genuine"}

    monkeypatch.setattr(auth, "relinks", fake_relinks)
    here = _FakeStore(COMMUNE)
    row = {"owner_unit": COMMUNE, "title_code": "BANG_KHEN_TINH", "year": 2025, "status": "approved",
           "campaign_id": "copy", "achievement": "a"}
    # a unit row is never judged here; nor is anything without a unit declared
    check_local_write(here, t, "units", None, {"owner_unit": PROVINCE, "code": PROVINCE}, ["code"])  # type: ignore[arg-type]
    check_local_write(_FakeStore(None), t, "nominations", row, {**row, "achievement": "b"}, ["achievement"])  # type: ignore[arg-type]
    check_local_write(_FakeStore(""), t, "nominations", row, {**row, "achievement": "b"}, ["achievement"])  # type: ignore[arg-type]
    # relinking the closed nomination: the links are read once for it
    check_local_write(here, t, "nominations", row, {**row, "campaign_id": "genuine"}, ["campaign_id", "campaign_id"])  # type: ignore[arg-type]
    assert asked == [1]
    with pytest.raises(NoAuthority) as caught:
        check_local_write(here, t, "nominations", row, {**row, "achievement": "b"}, ["achievement"])  # type: ignore[arg-type]
    assert caught.value.code == "locked"
    assert asked == [1]
    # judged against the record as it was (its owner, its status), not as the write would leave it
    with pytest.raises(NoAuthority) as caught:
        check_local_write(here, t, "nominations", row, {**row, "status": "draft", "owner_unit": OTHER}, ["status"])  # type: ignore[arg-type]
    assert caught.value.code == "self_approval"
    # the province's unit row edited here: unit rows are checked by the importer's scope, not here
    check_local_write(here, t, "units", {"owner_unit": PROVINCE, "name": "a"}, {"owner_unit": PROVINCE, "name": "b"},  # type: ignore[arg-type]
                      ["name"])
    # a table outside the authority table is the owner's
    check_local_write(here, t, "local_notes", {"owner_unit": COMMUNE, "x": 1}, {"owner_unit": COMMUNE, "x": 2}, ["x"])  # type: ignore[arg-type]
    with pytest.raises(NoAuthority):
        check_local_write(here, t, "local_notes", {"owner_unit": OTHER, "x": 1}, {"owner_unit": OTHER, "x": 2}, ["x"])  # type: ignore[arg-type]
    # a record typed here for a unit this one does not write for stays here, unjudged
    check_local_write(here, t, "people", None, {"owner_unit": OTHER, "position": "x"}, ["position"])  # type: ignore[arg-type]
    # … but the appraising office creating a nomination of its unit is judged (and may write the appraisal)
    office = _FakeStore(PROVINCE)
    check_local_write(office, t, "nominations", None, {**row, "status": "approved"}, ["status", "appraisal_note"])  # type: ignore[arg-type]
    with pytest.raises(NoAuthority) as caught:
        check_local_write(office, t, "nominations", None, {**row, "status": None, "achievement": "x"}, ["achievement"])  # type: ignore[arg-type]
    assert caught.value.code == "no_authority"
    # an issuer field left empty is not a claim
    check_local_write(here, t, "campaigns", None, {"owner_unit": COMMUNE, "issued_by": None}, ["name"])  # type: ignore[arg-type]
    # the owner's own status write on creation is judged from no status
    check_local_write(here, t, "nominations", None, {**row, "status": "submitted"}, ["status"])  # type: ignore[arg-type]


def test_the_tree_cache_follows_the_units_table(store):
    cache = TreeCache()
    first = cache.get(store)
    assert cache.get(store) is first
    assert SCHOOL not in first.parent
    store.insert("units", {"code": SCHOOL, "name": "Trường Tiểu học Tân An 1", "level": "school",
                           "parent_code": COMMUNE})
    second = cache.get(store)
    assert second is not first and second.parent[SCHOOL] == COMMUNE and second.level[SCHOOL] == "school"
    assert cache.get(store) is second


def test_relinks_reads_the_linked_copies(store):
    assert auth.relinks(store) == {}
    genuine = store.insert("campaigns", {"name": "Phong trào thật", "issued_by": COMMUNE, "campaign_type": "regular", "year": 2026})
    copy = store.insert("campaigns", {"name": "Bản sao", "issued_by": COMMUNE, "campaign_type": "regular", "year": 2026})
    store.update("campaigns", copy["id"], {"linked_campaign_id": genuine["id"]})
    assert auth.relinks(store) == {copy["id"]: genuine["id"]}
