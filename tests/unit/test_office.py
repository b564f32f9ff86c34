"""Appraisal, council votes and decisions at the deciding level, on small hand-made data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import authority, council, office
from tdkt_desktop.store.facts import nominee_facts
from tdkt_desktop.store.numbering import numbers_issued

DEC = dt.date(2025, 12, 20)  # Nghị định 152/2025; mức lương cơ sở 2.340.000 đ

FULL = {
    "LDTT": ["to_trinh", "danh_sach", "bien_ban_hoi_dong"],
    "TLDTT": ["to_trinh", "danh_sach", "bien_ban_hoi_dong"],
    "CSTDCS": ["to_trinh", "danh_sach", "bao_cao_thanh_tich_ca_nhan", "bien_ban_hoi_dong", "minh_chung_tieu_chuan"],
}


@pytest.fixture
def office_store(store):
    store.set_meta_json("doc_prefixes", {"TTr": "TTr-UBND", "QĐ": "QĐ-UBND", "BC": "BC-UBND"})
    store.insert("units", {"code": "A1", "name": "Trường Tiểu học A", "level": "school", "parent_code": "31147"})
    return store


def person(store, name, *, rating="good", year=2025, nominee_class="Người trực tiếp công tác", initiative=None):
    p = store.insert("people", {"full_name": name, "position": "Giáo viên", "unit_code": "A1", "nominee_class": nominee_class})
    store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": year, "rating": rating})
    if initiative:  # Chiến sĩ thi đua cơ sở needs a sáng kiến or đề tài (Luật Thi đua, khen thưởng 2022, Điều 23)
        store.insert("initiatives", {"person_id": p["id"], "year": year, "name": initiative, "level": "co_so"})
    return p


def nominate(store, subject, code, *, kind="person", year=2025, dossier=None, status="submitted"):
    items = FULL[code] if dossier is None else dossier
    name = subject.get("full_name") or subject.get("name")
    return store.insert(
        "nominations",
        {
            "subject_kind": kind, "subject_id": subject["id"], "subject_name": name, "title_code": code,
            "award_kind": "cong_trang", "year": year, "period": str(year), "status": status,
            "dossier_json": {k: True for k in items}, "unit_code": "A1", "submitted_on": f"{year}-12-01",
            "nominee_class": subject.get("nominee_class"),
        },
    )


def session(store, day="2025-12-15", total=9, present=8, written=1):
    return store.insert(
        "vote_sessions",
        {"unit_code": "31147", "meeting_date": day, "total_members": total, "present": present, "written_opinions": written},
    )


def ready(store, nom, *, day=DEC, votes=None):
    """receive → appraise → (vote) → approve"""
    office.receive(store, nom["id"])
    office.appraise(store, nom["id"], decision_date=day)
    if votes is not None:
        s = session(store, day=(day - dt.timedelta(days=3)).isoformat())
        council.record_votes(store, session_id=s["id"], votes={nom["id"]: votes})
    return office.approve(store, nom["id"])


def status(store, nom):
    return store.get("nominations", nom["id"])["status"]


def test_appraisal_flow_and_first_decision(office_store):
    s = office_store
    an = person(s, "Nguyễn Văn An")
    binh = person(s, "Trần Thị Bình", rating="excellent", initiative="Sổ điểm điện tử")
    cuong = person(s, "Lê Văn Cường", rating="excellent", initiative="Thư viện số")
    dung = person(s, "Phạm Thị Dung")
    team = s.insert("collectives", {"name": "Tổ Chuyên môn 1", "unit_code": "A1", "members_count": 10, "women_count": 8,
                                    "nominee_class": "Đơn vị sự nghiệp công lập"})
    s.insert("ratings", {"subject_kind": "collective", "subject_id": team["id"], "year": 2025, "rating": "good"})

    n_an = nominate(s, an, "LDTT")
    n_binh_ldtt = nominate(s, binh, "LDTT")
    n_binh = nominate(s, binh, "CSTDCS")
    n_cuong = nominate(s, cuong, "CSTDCS")
    n_dung = nominate(s, dung, "LDTT", dossier=["to_trinh", "danh_sach"])  # no council minutes
    n_team = s.insert(
        "nominations",
        {"subject_kind": "collective", "subject_id": team["id"], "subject_name": team["name"], "title_code": "TLDTT",
         "award_kind": "cong_trang", "year": 2025, "period": "2025", "status": "submitted", "unit_code": "A1",
         "dossier_json": {**{k: True for k in FULL["TLDTT"]},
                          "facts": {"members_completed": 10, "members_ldtt": 8, "disciplined_warning_or_above": False}}},
    )
    for n in (n_an, n_binh_ldtt, n_binh, n_cuong, n_dung, n_team):
        office.receive(s, n["id"])
        assert status(s, n) == "received"

    # Returned: a required dossier item is missing → reasons name it.
    res = office.appraise(s, n_dung["id"], decision_date=DEC)
    assert res.eligible and not res.dossier_complete and res.recommendation == "return"
    assert [it.key for it in res.missing] == ["bien_ban_hoi_dong"]
    assert any("Thiếu biên bản họp xét của Hội đồng" in r for r in res.return_reasons)
    with pytest.raises(InputError, match="thiếu hồ sơ"):
        office.approve(s, n_dung["id"])
    with pytest.raises(InputError, match="lý do"):
        office.return_nomination(s, n_dung["id"], reasons=["  "])
    office.return_nomination(s, n_dung["id"], reasons=res.return_reasons)
    row = s.get("nominations", n_dung["id"])
    assert row["status"] == "returned" and "Thiếu biên bản họp xét" in row["status_reason"]

    # Rejected: CSTĐCS without LĐTT in the same year.
    res = office.appraise(s, n_cuong["id"], decision_date=DEC, note="Chưa đạt Lao động tiên tiến")
    assert not res.eligible and res.recommendation == "reject"
    assert any("Lao động tiên tiến" in r for r in res.reasons)
    stored = json.loads(s.get("nominations", n_cuong["id"])["eligibility_json"])
    assert stored["eligible"] is False and stored["ruleset_id"] == "nd152_2025"
    assert s.get("nominations", n_cuong["id"])["appraisal_note"] == "Chưa đạt Lao động tiên tiến"
    with pytest.raises(InputError, match=r"không thể đồng ý|Chưa thể đồng ý"):
        office.approve(s, n_cuong["id"])
    office.reject(s, n_cuong["id"], reason="Chưa đạt danh hiệu Lao động tiên tiến năm 2025")
    assert status(s, n_cuong) == "rejected"

    # Approved: LĐTT; CSTĐCS once the LĐTT is approved and the council vote passes.
    for n in (n_an, n_binh_ldtt, n_team):
        res = office.appraise(s, n["id"], decision_date=DEC)
        assert res.ok, res.reasons
        office.approve(s, n["id"])
        assert status(s, n) == "approved"
    facts = nominee_facts(s, n_binh["id"], on_date=DEC)
    assert (2025, "LDTT") in {(t.year, t.code) for t in facts.titles}
    res = office.appraise(s, n_binh["id"], decision_date=DEC)
    assert res.eligible and res.dossier_complete and res.vote_required and res.vote_passed is None
    # Nghị định 152/2025: the council votes, but no text confirmed a threshold — the council judges.
    assert res.vote_threshold is None and res.recommendation == "vote"
    with pytest.raises(InputError, match="chưa có kết quả bỏ phiếu"):
        office.approve(s, n_binh["id"])
    first = session(s, day="2025-12-10")
    [vote] = council.record_votes(s, session_id=first["id"], votes={n_binh["id"]: 7})  # 7/9 = 77,78 %
    assert vote.threshold is None and vote.passed is None and round(vote.share, 2) == 77.78
    second = session(s, day="2025-12-16")
    [vote] = council.record_votes(s, session_id=second["id"], votes={n_binh["id"]: 8})  # 8/9 = 88,89 %
    assert vote.passed is None and round(vote.share, 2) == 88.89
    office.approve(s, n_binh["id"])
    assert status(s, n_binh) == "approved"

    # Invalid transitions are refused with the status named.
    with pytest.raises(InputError, match="đang ở trạng thái “Không đồng ý” nên không thể đồng ý khen thưởng"):
        office.approve(s, n_cuong["id"])
    with pytest.raises(InputError, match="nên không thể tiếp nhận"):
        office.receive(s, n_an["id"])
    with pytest.raises(InputError, match="nên không thể thẩm định"):
        office.appraise(s, n_dung["id"], decision_date=DEC)
    with pytest.raises(InputError, match="nên không thể đưa vào quyết định"):
        office.issue_decision(s, [n_an["id"], n_dung["id"]], decision_date=DEC, signer="Trần Văn Bình",
                              signer_title="CHỦ TỊCH")
    with pytest.raises(InputError, match=r"lớn hơn tổng số thành viên"):
        council.record_votes(s, session_id=second["id"], votes={n_binh["id"]: 10})

    decision = office.issue_decision(
        s, [n_an["id"], n_binh_ldtt["id"], n_team["id"], n_binh["id"]], decision_date=DEC,
        signer="Trần Văn Bình", signer_title="CHỦ TỊCH",
    )
    assert f"{decision['number']}/{decision['doc_code']}" == "01/QĐ-UBND"
    assert decision["base_salary"] == 2_340_000
    awardees = s.rows("decision_awardees", "decision_id = ?", [decision["id"]], order_by="so_vang")
    # Title rank first (CSTĐCS, TLĐTT, LĐTT), then people by given name: An before Bình.
    assert [(a["so_vang"], a["subject_name"], a["title_code"]) for a in awardees] == [
        (1, "Trần Thị Bình", "CSTDCS"),
        (2, "Tổ Chuyên môn 1", "TLDTT"),
        (3, "Nguyễn Văn An", "LDTT"),
        (4, "Trần Thị Bình", "LDTT"),
    ]
    # 1,0 × 2.340.000; 0,8 × 2.340.000 = 1.872.000 → 1.880.000; 0,3 × 2.340.000 = 702.000 → 710.000;
    # Bình's LĐTT: same period as her CSTĐCS → only the highest is paid.
    assert [a["amount"] for a in awardees] == [2_340_000, 1_880_000, 710_000, 0]
    assert decision["total_amount"] == 2_340_000 + 1_880_000 + 710_000
    assert "Số sổ vàng 4" in decision["notes"] and "chỉ nhận mức cao nhất" in decision["notes"]
    for n in (n_an, n_binh_ldtt, n_team, n_binh):
        assert status(s, n) == "decided"
    history = s.rows("award_history", "source = 'decision'")
    assert len(history) == 4 and {h["decision_number"] for h in history} == {"01/QĐ-UBND"}
    assert {h["issuer"] for h in history} == {"Ủy ban nhân dân phường Tân An"}

    summary = office.decision_summary(s, decision["id"])
    assert summary["code"] == "01/QĐ-UBND"
    assert summary["totals"] == {"count": 4, "persons": 3, "collectives": 1, "households": 0, "paid": 3,
                                 "amount": 4_930_000}
    assert summary["awardees"][3]["note"].startswith("Cùng kỳ đã nhận mức thưởng cao hơn")
    assert summary["awardees"][2]["position"] == "Giáo viên" and summary["awardees"][2]["workplace"] == "Trường Tiểu học A"
    assert [g["title_code"] for g in summary["groups"]] == ["CSTDCS", "TLDTT", "LDTT"]
    assert "Nghị định 73/2024/NĐ-CP, Điều 3, khoản 2" in summary["legal_bases"]
    assert summary["proposers"] == ["Trường Tiểu học A"]


def test_numbers_restart_each_year_and_are_never_reused(office_store):
    s = office_store
    people = [person(s, f"Người Số {i}") for i in range(4)]
    noms = [nominate(s, p, "LDTT") for p in people]
    for n in noms:
        ready(s, n)
    d1 = office.issue_decision(s, [noms[0]["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    d2 = office.issue_decision(s, [noms[1]["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    assert (d1["number"], d2["number"]) == ("01", "02")
    s.delete("decisions", d2["id"])
    d3 = office.issue_decision(s, [noms[2]["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    assert d3["number"] == "03"  # 02 stays in the register although its decision was deleted
    d4 = office.issue_decision(s, [noms[3]["id"]], decision_date=dt.date(2026, 1, 5), signer="A", signer_title="CHỦ TỊCH")
    assert d4["number"] == "01"
    register = numbers_issued(s, 2025, "QĐ")
    assert [(r["code"], r["record_live"]) for r in register] == [
        ("01/QĐ-UBND", True), ("02/QĐ-UBND", False), ("03/QĐ-UBND", True)
    ]


def test_money_uses_base_salary_on_decision_date(office_store):
    s = office_store
    p = person(s, "Võ Minh Tâm", year=2023)
    n = nominate(s, p, "LDTT", year=2023)
    day = dt.date(2024, 6, 30)  # Nghị định 98/2023; mức lương cơ sở 1.800.000 đ
    ready(s, n, day=day)
    d = office.issue_decision(s, [n["id"]], decision_date=day, signer="A", signer_title="CHỦ TỊCH")
    assert d["base_salary"] == 1_800_000
    [a] = s.rows("decision_awardees", "decision_id = ?", [d["id"]])
    assert a["amount"] == 540_000  # 0,3 × 1.800.000
    assert d["number"] == "01"


def test_only_highest_paid_across_decisions(office_store):
    s = office_store
    hoa = person(s, "Đỗ Thị Hoa", rating="excellent", initiative="Học liệu số")
    ldtt = nominate(s, hoa, "LDTT")
    ready(s, ldtt)
    first = office.issue_decision(s, [ldtt["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    assert s.rows("decision_awardees", "decision_id = ?", [first["id"]])[0]["amount"] == 710_000
    cstd = nominate(s, hoa, "CSTDCS")
    ready(s, cstd, votes=9)
    second = office.issue_decision(s, [cstd["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    [a] = s.rows("decision_awardees", "decision_id = ?", [second["id"]])
    assert a["amount"] == 2_340_000 - 710_000  # what is still due to reach the highest award
    assert "chênh lệch" in second["notes"]

    long = person(s, "Huỳnh Văn Long", rating="excellent", initiative="Bảng tin điện tử")
    s.insert("award_history", {"subject_kind": "person", "subject_id": long["id"], "year": 2025, "code": "LDTT",
                               "award_name": "Lao động tiên tiến", "award_kind": "cong_trang"})
    cstd = nominate(s, long, "CSTDCS")
    ready(s, cstd, votes=8)
    office.issue_decision(s, [cstd["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    giay = s.insert(
        "nominations",
        {"subject_kind": "person", "subject_id": long["id"], "subject_name": long["full_name"], "title_code": "LDTT",
         "award_kind": "cong_trang", "year": 2025, "period": "2025", "status": "submitted", "unit_code": "A1",
         "dossier_json": {k: True for k in FULL["LDTT"]}},
    )
    ready(s, giay)
    third = office.issue_decision(s, [giay["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    [a] = s.rows("decision_awardees", "decision_id = ?", [third["id"]])
    assert a["amount"] == 0 and "chỉ nhận mức cao nhất" in third["notes"]


def test_one_achievement_once_and_required_fields(office_store):
    s = office_store
    p = person(s, "Ngô Thị Yến")
    a = nominate(s, p, "LDTT")
    b = nominate(s, p, "LDTT")
    ready(s, a)
    ready(s, b)
    with pytest.raises(InputError, match="một thành tích chỉ được khen thưởng một lần"):
        office.issue_decision(s, [a["id"], b["id"]], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    with pytest.raises(InputError, match="người ký"):
        office.issue_decision(s, [a["id"]], decision_date=DEC, signer="", signer_title="CHỦ TỊCH")
    with pytest.raises(InputError, match="Chưa chọn"):
        office.issue_decision(s, [], decision_date=DEC, signer="A", signer_title="CHỦ TỊCH")
    with pytest.raises(InputError, match="lý do"):
        office.reject(s, a["id"], reason="")
    assert numbers_issued(s, 2025) == []  # nothing issued: no number taken


def test_a_decision_preview_is_what_issuing_gives_and_keeps_nothing(office_store):
    from tdkt_desktop.store import changes

    s = office_store
    noms = [ready(s, nominate(s, person(s, name), "LDTT")) for name in ("Nguyễn Văn An", "Trần Thị Bình")]
    ids = [n["id"] for n in noms]
    before = (s.count("decisions"), s.count("decision_awardees"), numbers_issued(s, year=2025),
              [status(s, n) for n in noms], s.current_clock())
    changes.watch(s)
    preview = office.preview_decision(s, ids, decision_date=DEC, signer="Trần Văn Bình", signer_title="CHỦ TỊCH")
    assert changes.changed_tables(s) == set()
    assert (s.count("decisions"), s.count("decision_awardees"), numbers_issued(s, year=2025),
            [status(s, n) for n in noms], s.current_clock()) == before
    assert not s.db.conn.in_transaction
    issued = office.issue_decision(s, ids, decision_date=DEC, signer="Trần Văn Bình", signer_title="CHỦ TỊCH")
    summary = office.decision_summary(s, issued["id"])
    assert preview["number"] == f"{issued['number']}/{issued['doc_code']}"
    assert [(a["name"], a["amount"], a["so_vang"]) for a in preview["awardees"]] == [
        (a["name"], a["amount"], a["so_vang"]) for a in summary["awardees"]]
    assert preview["totals"] == summary["totals"]
    with pytest.raises(InputError, match="Chưa chọn"):
        office.preview_decision(s, [], decision_date=DEC)


def test_who_decides_a_title_and_the_years_sent_up(office_store):
    s = office_store
    an = person(s, "Nguyễn Văn An")
    ldtt = nominate(s, an, "LDTT", year=2025)
    cstd_tinh = {"year": 2025, "title_code": "CSTD_TINH"}
    assert s.self_unit()["level"] == "commune"
    assert office.decides_here(s, ldtt)  # a commune-level title since 01/7/2025
    assert not office.decides_here(s, cstd_tinh)  # the province decides it
    # a title the rule set does not know goes to the upper office, as the authority table says
    assert not office.decides_here(s, {"year": 2025, "title_code": "KHONG_CO"})
    assert authority.parties(s.unit_tree(), "nominations", {"year": 2025, "title_code": "KHONG_CO",
                                                            "owner_unit": s.unit_code}).appraiser == s.self_unit()["parent_code"]
    nominate(s, an, "LDTT", year=2024, status="draft")
    nominate(s, an, "LDTT", year=2023, status="received")
    assert office.appraisal_years(s) == [2025, 2023]  # drafts stay with their unit


def test_a_wards_giay_khen_is_named_with_phuong_in_the_decision_history_and_reports(office_store):
    """Defect 4 of issue 15: the subject, the award history and the achievement reports built from it say
    "phường" for a ward (the catalogue's "xã" is the national word)."""
    from tdkt_desktop.printing import records

    s = office_store
    worker = person(s, "Lê Văn Hòa")
    with s.atomic():
        s.update("people", worker["id"], {"gender": "male", "birth_date": "1980-02-03", "hometown": "Cần Thơ",
                                          "residence": "Cần Thơ"})
    nom = nominate(s, worker, "GIAY_KHEN", dossier=["to_trinh", "danh_sach", "bao_cao_thanh_tich_ca_nhan",
                                                    "bien_ban_hoi_dong"])
    ready(s, nom)
    decision = office.issue_decision(s, [nom["id"]], decision_date=DEC, signer="Trần Văn Bình",
                                     signer_title="CHỦ TỊCH")
    wanted = "Giấy khen của Chủ tịch Ủy ban nhân dân phường"
    assert decision["subject"] == f"Về việc tặng {wanted}"
    [history] = s.rows("award_history", "subject_id = ?", [worker["id"]])
    assert history["award_name"] == wanted
    assert office.decision_summary(s, decision["id"])["awardees"][0]["title_name"] == wanted
    later = nominate(s, worker, "CSTDCS", year=2026)
    context = records.build_context(s, "bao_cao_ca_nhan", later["id"])
    assert [a["form"] for a in context["awards"]] == [wanted]
    assert all("nhân dân xã" not in str(v) for v in (decision["subject"], history["award_name"]))


def test_receiving_several_is_all_or_nothing_and_appraisal_can_receive_first(office_store):
    s = office_store
    a, b = (nominate(s, person(s, name), "LDTT") for name in ("Nguyễn Văn An", "Trần Thị Bình"))
    office.receive(s, b["id"])
    with pytest.raises(InputError, match="nên không thể tiếp nhận"):
        office.receive_many(s, nomination_ids=[a["id"], b["id"]])
    assert status(s, a) == "submitted"
    c = nominate(s, person(s, "Lê Văn Cường"), "LDTT")
    assert office.receive_many(s, nomination_ids=[a["id"], c["id"]]) == 2
    assert {status(s, a), status(s, c)} == {"received"}
    d = nominate(s, person(s, "Phạm Thị Dung"), "LDTT")
    with pytest.raises(InputError, match="nên không thể thẩm định"):
        office.appraise(s, d["id"], decision_date=DEC)
    office.appraise(s, d["id"], decision_date=DEC, receive_first=True)
    assert status(s, d) == "appraised"


def test_what_the_office_lists_sent_up_approved_and_issued(office_store):
    from tdkt_desktop.store.installation import signers

    s = office_store
    a = ready(s, nominate(s, person(s, "Nguyễn Văn An"), "LDTT"))
    b = nominate(s, person(s, "Trần Thị Bình"), "LDTT")
    draft = nominate(s, person(s, "Lê Văn Cường"), "LDTT", status="draft")
    own_up = s.insert("nominations", {**{k: b[k] for k in ("subject_kind", "subject_id", "subject_name", "award_kind",
                                                          "year", "period")},
                                      "title_code": "CSTD_TINH", "status": "submitted", "unit_code": "31147"})
    assert {n["id"] for n in office.sent_up(s)} == {a["id"], b["id"]}  # not the draft, not this unit's own CSTĐ tỉnh
    assert office.sent_up(s, year=2024) == []
    trees = []
    unit_tree = s.unit_tree
    s.unit_tree = lambda: trees.append(1) or unit_tree()  # type: ignore[method-assign]
    try:
        office.sent_up(s)
    finally:
        del s.unit_tree
    assert len(trees) == 1  # the tree read once, not once per nomination (a province's year: 40,000 of them)
    assert [n["id"] for n in office.approved(s)] == [a["id"]]
    assert draft["id"] and own_up["id"]
    office.issue_decision(s, [a["id"]], decision_date=DEC, signer="Trần Văn Bình", signer_title="CHỦ TỊCH")
    [issued] = office.issued_decisions(s)
    assert issued["awardee_count"] == 1 and office.approved(s) == []
    for i, (name, title) in enumerate([("Trần Văn Bình", "Chủ tịch"), ("Lê Thị Hoa", "Phó Chủ tịch"),
                                       ("Trần Văn Bình", "Chủ tịch")]):
        s.insert("officials", {"unit_code": "31147", "full_name": name, "title": title, "sort_order": i})
    assert [o["full_name"] for o in signers(s)] == ["Trần Văn Bình", "Lê Thị Hoa"]
