"""End to end, on three databases: a city (92) and two of its wards (31147, 31150).

The city launches a campaign with targets and sends it down; the wards report results and propose
nominations and send them up; the city merges, appraises (one returned, one rejected, the rest
approved), issues and prints a decision, and sends the outcome down, where each ward sees it. The
attainment matrix and form 0603.N are compared with figures computed by hand.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from tdkt_desktop.printing import records
from tdkt_desktop.store import Store, office, open_store
from tdkt_desktop.store.consolidation import attainment_matrix
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.statistics import form_0603N
from tdkt_desktop.sync import enroll, export_bundle, export_enrolment, import_bundles, read_enrolment

DECISION_DATE = dt.date(2026, 12, 18)


def _store(tmp_path: Path, code: str, operator: str) -> Store:
    s = open_store(tmp_path / f"{code}.sqlite", operator=operator)
    init_unit(s, code=code)
    s.insert("officials", {"unit_code": code, "full_name": f"Chủ tịch {code}", "title": "Chủ tịch"})
    return s


def _trust(a: Store, b: Store) -> None:
    enroll(a, read_enrolment(export_enrolment(b)), confirmed=True)
    enroll(b, read_enrolment(export_enrolment(a)), confirmed=True)


def _send(src: Store, dst: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.tdktgoi"
    export_bundle(src, dst.unit_code, path)
    report = import_bundles(dst, [path])
    assert report.exit_code == 0, report.summary()


def _person(s: Store, name: str, gender: str, cstdcs_years: list[int], *, under_review: bool = False) -> dict:
    p = s.insert("people", {"full_name": name, "gender": gender, "birth_date": "12/03/1980", "position": "Công chức",
                            "nominee_class": "Người trực tiếp công tác", "hometown": "Cần Thơ", "residence": "Cần Thơ"})
    for year in cstdcs_years:
        s.insert("award_history", {"subject_kind": "person", "subject_id": p["id"], "year": year, "code": "CSTDCS",
                                   "award_name": "Chiến sĩ thi đua cơ sở", "award_kind": "cong_trang"})
        s.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": year, "rating": "excellent",
                             "under_review": int(under_review and year == cstdcs_years[-1])})
    if under_review:  # a complaint is being settled in the year judged
        s.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": 2026, "rating": "excellent",
                             "under_review": 1})
    return p


def _nominate(s: Store, person: dict, *, complete: bool = True) -> dict:
    dossier = {"to_trinh": True, "danh_sach": True, "bao_cao_thanh_tich_ca_nhan": complete, "bien_ban_hoi_dong": True}
    return s.insert("nominations", {
        "subject_kind": "person", "subject_id": person["id"], "subject_name": person["full_name"],
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2026, "period": "2026",
        "achievement": "Hai năm liên tục Chiến sĩ thi đua cơ sở.", "nominee_class": "Người trực tiếp công tác",
        "dossier_json": dossier, "status": "submitted", "submitted_on": "2026-12-01",
    })


@pytest.fixture
def tree(tmp_path):
    city = _store(tmp_path, "92", "Sở Nội vụ")
    ward_a = _store(tmp_path, "31147", "Phường Tân An")
    ward_b = _store(tmp_path, "31150", "Phường An Bình")
    _trust(city, ward_a)
    _trust(city, ward_b)
    yield city, ward_a, ward_b
    for s in (city, ward_a, ward_b):
        s.close()


def test_round_trip_appraisal_decision_and_outcomes_below(tree, tmp_path):
    city, ward_a, ward_b = tree
    # The city launches a campaign with two targets and sends it down.
    campaign = city.insert("campaigns", {"name": "Phong trào thi đua yêu nước năm 2026", "campaign_type": "regular",
                                         "year": 2026, "doc_kind": "KH", "doc_number": "05/KH-UBND", "issued_by": "92"})
    bhyt = city.insert("targets", {"campaign_id": campaign["id"], "seq": 1, "measure": "Tỷ lệ bao phủ bảo hiểm y tế",
                                   "comparator": "at_least", "value": 95, "unit": "%", "rollup": "mean"})
    ho_ngheo = city.insert("targets", {"campaign_id": campaign["id"], "seq": 2, "measure": "Tỷ lệ hộ nghèo",
                                       "comparator": "at_most", "value": 0.5, "unit": "%", "rollup": "mean"})
    for ward in (ward_a, ward_b):
        _send(city, ward, tmp_path, f"down-0-{ward.unit_code}")
        assert ward.get("targets", bhyt["id"])["measure"] == "Tỷ lệ bao phủ bảo hiểm y tế"

    # The wards report results ("96,0" and "94,0" typed with decimal commas) and propose nominees.
    ward_a.insert("target_results", {"target_id": bhyt["id"], "unit_code": "31147", "period": "2026", "value": "96,0"})
    ward_a.insert("target_results", {"target_id": ho_ngheo["id"], "unit_code": "31147", "period": "2026", "value": "0,40"})
    ward_b.insert("target_results", {"target_id": bhyt["id"], "unit_code": "31150", "period": "2026", "value": "94,0"})
    ward_b.insert("target_results", {"target_id": ho_ngheo["id"], "unit_code": "31150", "period": "2026", "value": "0,50"})
    approved_a = _nominate(ward_a, _person(ward_a, "Nguyễn Thị Thu Hà", "female", [2024, 2025]))
    returned_a = _nominate(ward_a, _person(ward_a, "Trần Văn Bình", "male", [2024, 2025]), complete=False)
    rejected_b = _nominate(ward_b, _person(ward_b, "Lê Văn Đức", "male", [2024, 2025], under_review=True))
    approved_b = _nominate(ward_b, _person(ward_b, "Phạm Thị Ánh", "female", [2024, 2025]))
    for ward in (ward_a, ward_b):
        _send(ward, city, tmp_path, f"up-{ward.unit_code}")

    # Merged at the city: counts match, nothing duplicated.
    assert city.count("nominations") == 4
    assert city.count("people") == 4
    assert city.count("target_results") == 4
    _send(ward_a, city, tmp_path, "up-again-31147")  # the same changes again: nothing new
    assert city.count("nominations") == 4

    # The matrix against hand-computed figures.
    matrix = attainment_matrix(city, campaign["id"], "2026")
    cell_a = matrix.cells["31147"][bhyt["id"]]
    cell_b = matrix.cells["31150"][bhyt["id"]]
    assert (cell_a.value, cell_a.status) == (96.0, "exceeded")
    assert (cell_b.value, cell_b.status) == (94.0, "not_reached")
    assert matrix.cells["31150"][ho_ngheo["id"]].status == "reached"  # 0,50 ≤ 0,5
    assert matrix.cells["31147"][ho_ngheo["id"]].status == "exceeded"  # 0,40 < 0,5
    total_bhyt = matrix.totals[bhyt["id"]]
    assert total_bhyt.value == pytest.approx((96 + 94) / 2)  # mean of the units: 95 → reached
    assert total_bhyt.attainment.status.value == "reached"

    # Appraisal at the city: one returned (dossier), one rejected (criteria), the others approved.
    for n in (approved_a, returned_a, rejected_b, approved_b):
        office.receive(city, n["id"])
        office.appraise(city, n["id"], decision_date=DECISION_DATE)
    returned = office.appraise(city, returned_a["id"], decision_date=DECISION_DATE)
    assert not returned.dossier_complete
    office.return_nomination(city, returned_a["id"], reasons=returned.return_reasons or ["Thiếu báo cáo thành tích."])
    refused = office.appraise(city, rejected_b["id"], decision_date=DECISION_DATE)
    assert not refused.eligible
    office.reject(city, rejected_b["id"], reason="; ".join(refused.reasons))
    for n in (approved_a, approved_b):
        office.approve(city, n["id"])
    decision = office.issue_decision(city, [approved_a["id"], approved_b["id"]], decision_date=DECISION_DATE,
                                     signer="Chủ tịch 92", signer_title="Chủ tịch")
    awardees = city.rows("decision_awardees", "decision_id = ?", [decision["id"]], order_by="so_vang")
    assert [a["so_vang"] for a in awardees] == [1, 2]
    # Bằng khen of the city chairman to an individual, decided 18/12/2026: 1,5 × 2.530.000 = 3.795.000 → 3.800.000
    assert {a["amount"] for a in awardees} == {3_800_000}

    # Printed: the decision names both awardees with their gold-book numbers.
    pdf = tmp_path / "qd.pdf"
    records.preview_pdf(city, "quyet_dinh", decision["id"], pdf)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Nguyễn Thị Thu Hà" in text and "Phạm Thị Ánh" in text and "7.600.000" in text

    # Form 0603.N by hand: two individuals, both "working directly", both Bằng khen.
    form = form_0603N(city, 2027)  # decided 18/12/2026: the statistical year 2027 (01/12/2026 – 30/11/2027)
    assert form.value("total", "total") == 2
    assert form.value("total", "p_truc_tiep") == 2

    # The outcome travels down: each ward sees its own nominations' statuses and the decision.
    for ward in (ward_a, ward_b):
        _send(city, ward, tmp_path, f"down-1-{ward.unit_code}")
    assert ward_a.get("nominations", approved_a["id"])["status"] == "decided"
    assert ward_a.get("nominations", returned_a["id"])["status"] == "returned"
    assert ward_a.get("nominations", returned_a["id"])["status_reason"]
    assert ward_b.get("nominations", rejected_b["id"])["status"] == "rejected"
    assert ward_b.get("nominations", approved_b["id"])["status"] == "decided"
    for ward in (ward_a, ward_b):
        assert ward.count("decisions") == 1
        assert ward.rows("decisions")[0]["number"] == decision["number"]
    # Each ward receives only the awardees that concern it; nothing was duplicated on the way.
    assert ward_a.count("nominations") == 2 and ward_b.count("nominations") == 2
