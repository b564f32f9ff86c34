"""Statistical forms 0601.N, 0603.N and the review report's figures, against hand counts."""

from __future__ import annotations

import pytest

from tdkt_desktop.store import statistics as st


@pytest.fixture
def units(store):
    for code, name, level, parent in (
        ("A1", "Trường Tiểu học A", "school", "31147"),
        ("A2", "Khu vực 2", "hamlet", "31147"),
    ):
        store.insert("units", {"code": code, "name": name, "level": level, "parent_code": parent})
    return store


def campaign(store, issuer, kind, **dates):
    return store.insert(
        "campaigns", {"name": f"Phong trào {kind} {issuer}", "campaign_type": kind, "issued_by": issuer, **dates},
        owner_unit=issuer,
    )


def test_form_0601N(units):
    s = units
    # The TĐKT statistical year 2026 runs 01/12/2025 – 30/11/2026 (Thông tư 02/2023/TT-BNV).
    campaign(s, "31147", "regular", doc_date="2025-12-28", start_date="2026-01-01", end_date="2026-12-31")  # year 2026
    campaign(s, "31147", "regular", doc_date="2025-11-30", start_date="2025-12-01", end_date="2026-11-30")  # year 2025
    campaign(s, "31147", "regular", start_date="2026-01-01", end_date="2026-12-31")  # ≤ 1 year
    campaign(s, "31147", "thematic", start_date="2026-03-01", end_date="2027-06-30")  # > 1 year
    campaign(s, "A1", "peak", start_date="2026-04-15", end_date="2026-06-11")
    campaign(s, "A2", "thematic", doc_date="2026-02-01")  # no window: counted as ≤ 1 year
    campaign(s, "A2", "regular", doc_date="2026-12-01")  # the first day of the statistical year 2027
    campaign(s, "92", "regular", doc_date="2026-01-10", start_date="2026-01-01", end_date="2030-12-31")  # upper office
    form = st.form_0601N(s, 2026)
    assert (form.period_start.isoformat(), form.period_end.isoformat()) == ("2025-12-01", "2026-11-30")
    assert form.row("total").values == {"total": 5, "le_1y": 4, "gt_1y": 1, "regular": 2, "thematic": 2, "peak": 1}
    assert form.row("self").values == {"total": 3, "le_1y": 2, "gt_1y": 1, "regular": 2, "thematic": 1, "peak": 0}
    assert form.row("self").label == "Do Phường Tân An phát động"
    assert form.row("below").values == {"total": 2, "le_1y": 2, "gt_1y": 0, "regular": 0, "thematic": 1, "peak": 1}
    assert form.value("unit:A1", "peak") == 1 and form.value("unit:A2", "thematic") == 1
    assert st.form_0601N(s, 2025).value("total", "total") == 1
    assert st.form_0601N(s, 2027).value("total", "total") == 1
    assert any("01/12/2025 đến 30/11/2026" in n for n in form.notes)
    assert any("Thông tư 18/2025/TT-BNV" in n for n in form.notes)  # a newer circular could not be read
    assert form.legal_basis.startswith("Thông tư 02/2023/TT-BNV, Biểu số 0601.N")
    assert form.code == "0601.N/BNV-TĐKT" and form.columns[0][0] == "total"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Người trực tiếp công tác", "person", "p_truc_tiep"),
        ("Lãnh đạo từ cấp phó trưởng phòng trở lên", "person", "p_lanh_dao_phong"),
        ("Lãnh đạo cấp phòng", "person", "p_lanh_dao_phong"),
        ("Lãnh đạo cấp tỉnh", "person", "p_lanh_dao_tinh"),
        ("Doanh nhân", "person", "p_doanh_nhan"),
        ("", "person", "p_khac"),
        ("Đơn vị sự nghiệp công lập", "collective", "c_su_nghiep"),
        ("Cơ quan Đảng, đoàn thể", "collective", "c_dang_doan_the"),
        ("Cơ quan hành chính", "collective", "c_hanh_chinh"),
        ("Cơ quan trung ương đóng trên địa bàn", "collective", "c_trung_uong_dia_phuong"),
        ("Hợp tác xã", "collective", "c_hop_tac_xa"),
        ("Khác", "collective", "c_khac"),
        (None, "household", "c_ho_gia_dinh"),
    ],
)
def test_nominee_classes(text, kind, expected):
    assert st.nominee_class_key(text, kind) == expected


def test_nominee_class_of_collective_falls_back_to_its_kind():
    assert st.nominee_class_key(None, "collective", collective_kind="cooperative") == "c_hop_tac_xa"
    assert st.nominee_class_key(None, "collective", collective_kind="school") == "c_su_nghiep"


def award_data(s):
    """One decision of 31147 on 20/12/2025 with six awardees, plus decisions that must not count."""
    people = {
        name: s.insert("people", {"full_name": name, "nominee_class": cls})
        for name, cls in (
            ("Nguyễn Văn An", "Người trực tiếp công tác"),
            ("Trần Thị Bình", "Người trực tiếp công tác"),
            ("Lê Văn Cường", "Lãnh đạo cấp phòng"),
        )
    }
    school = s.insert("collectives", {"name": "Trường Tiểu học A", "kind": "school", "nominee_class": "Đơn vị sự nghiệp công lập"})
    coop = s.insert("collectives", {"name": "Hợp tác xã Tân An", "kind": "cooperative"})
    home = s.insert("households", {"head_name": "Võ Văn Tư"})

    def decision(day, issuer, *, deleted=False):
        d = s.insert("decisions", {"number": "01", "doc_code": "QĐ-UBND", "decision_date": day, "issuer_unit": issuer,
                                   "status": "issued"}, owner_unit=issuer)
        if deleted:
            s.delete("decisions", d["id"])
        return d

    def award(d, kind, subject, name, code, *, award_kind="cong_trang", amount=0, so_vang=1):
        n = s.insert("nominations", {"subject_kind": kind, "subject_id": subject["id"], "subject_name": name,
                                     "title_code": code, "award_kind": award_kind, "year": 2025, "status": "decided",
                                     "unit_code": "A1"})
        s.insert("decision_awardees", {"decision_id": d["id"], "nomination_id": n["id"], "subject_kind": kind,
                                       "subject_id": subject["id"], "subject_name": name, "title_code": code,
                                       "so_vang": so_vang, "amount": amount})

    main = decision("2025-12-20", "31147")
    award(main, "person", people["Nguyễn Văn An"], "Nguyễn Văn An", "LDTT", amount=710_000)
    award(main, "person", people["Trần Thị Bình"], "Trần Thị Bình", "LDTT", amount=710_000)
    award(main, "person", people["Lê Văn Cường"], "Lê Văn Cường", "CSTDCS", amount=2_340_000)
    award(main, "collective", school, "Trường Tiểu học A", "TLDTT", amount=1_880_000)
    award(main, "collective", coop, "Hợp tác xã Tân An", "GIAY_KHEN", amount=1_410_000)
    award(main, "household", home, "Hộ ông Võ Văn Tư", "GIAY_KHEN", award_kind="dot_xuat", amount=1_060_000)
    award(decision("2024-12-01", "31147"), "person", people["Nguyễn Văn An"], "Nguyễn Văn An", "LDTT")  # stat. year 2025
    award(decision("2025-12-21", "99999"), "person", people["Nguyễn Văn An"], "Nguyễn Văn An", "LDTT")  # not ours
    award(decision("2025-12-22", "31147", deleted=True), "person", people["Trần Thị Bình"], "Trần Thị Bình", "LDTT")
    return main


def test_form_0603N(units):
    s = units
    award_data(s)
    form = st.form_0603N(s, 2026)  # decisions of 01/12/2025 – 30/11/2026
    assert st.form_0603N(s, 2025).value("total", "total") == 1
    total = form.row("total").values
    assert (total["total"], total["ca_nhan"], total["tap_the"]) == (6, 3, 3)
    assert (total["p_truc_tiep"], total["p_lanh_dao_phong"], total["p_khac"]) == (2, 1, 0)
    assert (total["c_su_nghiep"], total["c_hop_tac_xa"], total["c_ho_gia_dinh"], total["c_khac"]) == (1, 1, 1, 0)
    assert form.value("danh_hieu", "total") == 4 and form.value("hinh_thuc", "total") == 2
    assert form.value("title:LDTT", "p_truc_tiep") == 2
    assert form.value("title:CSTDCS", "p_lanh_dao_phong") == 1
    assert form.value("title:GIAY_KHEN", "tap_the") == 2
    assert form.value("title:BANG_KHEN_TINH", "total") == 0  # in the catalogue, none awarded
    assert form.value("kind:dot_xuat", "c_ho_gia_dinh") == 1 and form.value("kind:cong_trang", "total") == 5
    assert form.row("title:LDTT").label == "Lao động tiên tiến"
    # every column's total equals the sum of its title rows
    title_rows = [r for r in form.rows if r.key.startswith("title:")]
    for key, _ in form.columns:
        assert sum(r.values[key] for r in title_rows) == total[key]


def test_review_report_data(units):
    s = units
    camp = s.insert("campaigns", {"name": "Thi đua năm 2025", "campaign_type": "regular", "year": 2025})
    budget = s.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "Thu ngân sách", "comparator": "at_least",
                                  "value": 100, "unit": "triệu đồng", "rollup": "sum"})
    poor = s.insert("targets", {"campaign_id": camp["id"], "seq": 2, "measure": "Hộ nghèo", "comparator": "at_most",
                                "value": 2, "unit": "%", "rollup": "mean"})
    s.insert("target_results", {"target_id": budget["id"], "unit_code": "31147", "period": "2025", "value": 120})
    s.insert("target_results", {"target_id": budget["id"], "unit_code": "A1", "period": "2025", "value": 10}, owner_unit="A1")
    s.insert("target_results", {"target_id": poor["id"], "unit_code": "A2", "period": "2025", "value": 3}, owner_unit="A2")
    s.insert("participations", {"campaign_id": camp["id"], "period": "2025", "unit_code": "A1", "collectives_count": 2,
                                "people_count": 30, "households_count": 0}, owner_unit="A1")
    s.insert("participations", {"campaign_id": camp["id"], "period": "2025", "unit_code": "A2", "collectives_count": 1,
                                "people_count": 50, "households_count": 80}, owner_unit="A2")
    award_data(s)

    data = st.review_report_data(s, camp["id"], "2025")
    t1, t2 = data["targets"]
    # Thu ngân sách: this unit's own figure 120 ≥ 100 → exceeded, 120 %.
    assert (t1["value"], t1["source"], t1["status"]) == (120, "own", "exceeded")
    assert t1["percent"] == pytest.approx(120.0)
    # Hộ nghèo: only A2 reported 3 % (> 2 %) → not reached; A1 did not report.
    assert (t2["value"], t2["source"], t2["status"]) == (3, "units", "not_reached")
    assert (t2["units_counted"], t2["units_reporting"]) == (2, 1)
    assert data["target_counts"]["exceeded"] == 1 and data["target_counts"]["not_reached"] == 1
    part = data["participation"]
    assert (part["collectives"], part["people"], part["households"], part["units_reporting"]) == (3, 80, 80, 2)

    awards = data["awards"]
    assert (awards["total"], awards["persons"], awards["collectives"], awards["households"]) == (6, 3, 2, 1)
    assert awards["direct_workers"] == 2 and awards["direct_share"] == pytest.approx(200 / 3)
    assert awards["sudden"] == 1
    assert awards["amount"] == 710_000 * 2 + 2_340_000 + 1_880_000 + 1_410_000 + 1_060_000
    assert awards["by_kind"] == {"danh_hieu": 4, "hinh_thuc": 2}
    assert awards["by_level"] == {"co_so": 4, "xa": 2}
    by_title = {e["code"]: e for e in awards["by_title"]}
    assert by_title["GIAY_KHEN"]["collective"] == 1 and by_title["GIAY_KHEN"]["household"] == 1
    assert [e["code"] for e in awards["by_title"]] == ["CSTDCS", "TLDTT", "GIAY_KHEN", "LDTT"]
    assert data["units"]["total"] == 2 and data["units"]["reporting_results"] == 2

    # Sơ kết 6 tháng đầu năm: the December decision falls outside the window.
    half = st.review_report_data(s, camp["id"], "2025-H1")
    assert half["awards"]["total"] == 0 and half["review"] == "sơ kết"
    assert half["targets"][0]["status"] == "no_data"
