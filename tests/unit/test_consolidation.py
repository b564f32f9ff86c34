"""Consolidation over the units below this one, checked against figures worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt_desktop.store import consolidation as c


@pytest.fixture
def tree(store):
    """31147 → A1 (→ A1-X), A2, A3; a campaign with four targets and results for 2026."""
    for code, name, parent in (
        ("A1", "Khu vực 1", "31147"), ("A2", "Khu vực 2", "31147"), ("A3", "Khu vực 3", "31147"),
        ("A1-X", "Tổ dân phố 1A", "A1"),
    ):
        store.insert("units", {"code": code, "name": name, "level": "hamlet", "parent_code": parent})
    camp = store.insert("campaigns", {"name": "Thi đua năm 2026", "campaign_type": "regular", "year": 2026})
    t = {}
    for seq, key, comparator, value, unit, rollup, extra in (
        (1, "budget", "at_least", 100, "triệu đồng", "sum", {}),
        (2, "poor", "at_most", 5, "%", "mean", {}),
        (3, "streets", "count", 3, "tuyến", "sum", {"sub_count": 1, "sub_label": "tuyến kiểu mẫu"}),
        (4, "safe", "at_least", 75, "%", "share_reaching", {}),
    ):
        t[key] = store.insert(
            "targets",
            {"campaign_id": camp["id"], "seq": seq, "measure": key, "comparator": comparator, "value": value,
             "unit": unit, "rollup": rollup, **extra},
        )
    results = {
        "budget": {"A1": 60, "A2": 50, "A1-X": 20},
        "poor": {"A1": 4, "A2": 6, "A3": 5},
        "streets": {"A1": (2, 1), "A2": (1, 0)},
        "safe": {"A1": 80, "A2": 70, "A3": 75, "A1-X": 90},
    }
    for key, by_unit in results.items():
        for unit, fig in by_unit.items():
            value, sub = fig if isinstance(fig, tuple) else (fig, None)
            store.insert("target_results", {"target_id": t[key]["id"], "unit_code": unit, "period": "2026",
                                            "value": value, "sub_value": sub}, owner_unit=unit)
    return store, camp, t


def test_units_below_recursive_in_tree_order(tree):
    store, _, _ = tree
    assert [u.code for u in c.units_below(store)] == ["A1", "A1-X", "A2", "A3"]
    assert [u.depth for u in c.units_below(store)] == [1, 2, 1, 1]
    assert [u.code for u in c.units_below(store, direct_only=True)] == ["A1", "A2", "A3"]


def test_attainment_matrix_matches_hand_figures(tree):
    store, camp, t = tree
    m = c.attainment_matrix(store, camp["id"], "2026")
    assert [u.code for u in m.units] == ["A1", "A1-X", "A2", "A3"]
    budget, poor, streets, safe = (t[k]["id"] for k in ("budget", "poor", "streets", "safe"))

    # Budget ≥ 100: A1 60 (60 %), A2 50, A1-X 20, A3 nothing. Total = 60 + 50 = 110 — A1-X is inside A1.
    assert m.cell("A1", budget).value == 60 and m.cell("A1", budget).percent == pytest.approx(60.0)
    assert m.cell("A1", budget).status == "not_reached"
    assert m.cell("A3", budget).status == "no_data"
    assert m.totals[budget].value == pytest.approx(110.0)
    assert m.totals[budget].attainment.status.value == "exceeded"
    assert m.counts[budget] == {"no_data": 1, "not_reached": 3, "reached": 0, "exceeded": 0, "in_progress": 0}

    # Poor households ≤ 5 %, mean of 4, 6, 5 = 5 → reached.
    assert [m.cell(u, poor).status for u in ("A1", "A2", "A3", "A1-X")] == ["exceeded", "not_reached", "reached", "no_data"]
    assert m.totals[poor].value == pytest.approx(5.0)
    assert m.totals[poor].attainment.status.value == "reached"

    # Streets: 3, of which 1 model street: A1 2 (1), A2 1 (0) → 3 (1) → reached.
    assert m.totals[streets].value == 3 and m.totals[streets].sub_value == 1
    assert m.totals[streets].attainment.status.value == "reached"

    # Share of units reaching 75 %: A1 80 ✓, A2 70 ✗, A3 75 ✓ → 2 of 3 (A1-X counted inside A1) = 66,7 % < 75 %.
    assert m.totals[safe].units_counted == 3 and m.totals[safe].units_reaching == 2
    assert m.totals[safe].value == pytest.approx(200 / 3)
    assert m.totals[safe].attainment.status.value == "not_reached"

    assert sum(m.status_counts.values()) == 16
    assert m.status_counts["no_data"] == 1 + 1 + 2 + 0


def test_unit_figures_drill_down(tree):
    store, camp, _ = tree
    figures = c.unit_figures(store, "A2", camp["id"], "2026")
    rows = {r["measure"]: r for r in figures["targets"]}
    assert rows["budget"]["value"] == 50 and rows["budget"]["status"] == "not_reached"
    assert rows["poor"]["status"] == "not_reached" and rows["safe"]["status"] == "not_reached"
    assert figures["counts"]["not_reached"] == 4
    assert figures["participation"] is None


def test_participation_registrations_nominations(tree):
    store, camp, _ = tree
    for unit, coll, people, hh in (("A1", 2, 100, 50), ("A2", 1, 40, 20), ("A1-X", 1, 30, 10)):
        store.insert("participations", {"campaign_id": camp["id"], "period": "2026", "unit_code": unit,
                                        "collectives_count": coll, "people_count": people, "households_count": hh})
    part = c.participation_by_unit(store, camp["id"], "2026")
    assert part["totals"] == {"collectives": 3, "people": 140, "households": 70}  # A1-X is inside A1
    assert part["units_reporting"] == 3 and part["units_total"] == 4

    person = store.insert("people", {"full_name": "Nguyễn Văn An"})
    for owner, title in (("A1", "LDTT"), ("A1", "LDTT"), ("A1", "CSTDCS"), ("A2", "LDTT")):
        store.insert("registrations", {"year": 2026, "subject_kind": "person", "subject_id": person["id"],
                                       "subject_name": "Nguyễn Văn An", "title_code": title}, owner_unit=owner)
    reg = c.registrations_by_unit(store, 2026)
    assert reg["titles"] == ["CSTDCS", "LDTT"]
    assert reg["totals"] == {"CSTDCS": 1, "LDTT": 3}
    a1 = next(r for r in reg["rows"] if r["unit"]["code"] == "A1")
    assert a1["by_title"] == {"CSTDCS": 1, "LDTT": 2}

    for unit, status, title in (("A1", "submitted", "LDTT"), ("A1", "received", "CSTDCS"), ("A2", "draft", "LDTT")):
        store.insert("nominations", {"subject_kind": "person", "subject_id": person["id"], "subject_name": "Nguyễn Văn An",
                                     "title_code": title, "award_kind": "cong_trang", "year": 2026, "status": status,
                                     "unit_code": unit})
    noms = c.nominations_by_unit(store, 2026)
    assert noms["total"] == 3
    assert noms["totals_by_status"]["submitted"] == 1 and noms["totals_by_status"]["draft"] == 1
    assert noms["totals_by_title"] == {"CSTDCS": 1, "LDTT": 2}
    a1 = next(r for r in noms["rows"] if r["unit"]["code"] == "A1")
    assert a1["total"] == 2 and a1["by_title"] == {"CSTDCS": 1, "LDTT": 1}
    assert c.nominations_by_unit(store, 2025)["total"] == 0

    # counted by the database: a deleted record is not counted; a nomination without a proposing unit counts for
    # the unit that owns it; another year's and every year's
    gone = store.insert("registrations", {"year": 2026, "subject_kind": "person", "subject_id": person["id"],
                                          "subject_name": "Nguyễn Văn An", "title_code": "CSTDCS"}, owner_unit="A2")
    store.delete("registrations", gone["id"])
    store.insert("registrations", {"year": 2025, "subject_kind": "person", "subject_id": person["id"],
                                   "subject_name": "Nguyễn Văn An", "title_code": "CSTDCS"}, owner_unit="A2")
    assert c.registrations_by_unit(store, 2026)["totals"] == {"CSTDCS": 1, "LDTT": 3}
    assert c.registrations_by_unit(store, 2025)["totals"] == {"CSTDCS": 1}
    dropped = store.insert("nominations", {"subject_kind": "person", "subject_id": person["id"],
                                           "subject_name": "Nguyễn Văn An", "title_code": "LDTT",
                                           "award_kind": "cong_trang", "year": 2026, "status": "submitted",
                                           "unit_code": "A1"})
    store.delete("nominations", dropped["id"])
    store.insert("nominations", {"subject_kind": "person", "subject_id": person["id"], "subject_name": "Nguyễn Văn An",
                                 "title_code": "LDTT", "award_kind": "cong_trang", "year": 2025, "status": "submitted"},
                 owner_unit="A2")
    assert c.nominations_by_unit(store, 2026)["total"] == 3
    by_owner = c.nominations_by_unit(store, 2025)
    assert by_owner["total"] == 1
    assert next(r for r in by_owner["rows"] if r["unit"]["code"] == "A2")["by_status"]["submitted"] == 1
    assert c.nominations_by_unit(store)["total"] == 4


def test_missing_submissions(tree):
    store, camp, _ = tree
    today = dt.date.today()
    store.insert("units", {"code": "A4", "name": "Khu vực 4", "level": "hamlet", "parent_code": "31147"})
    person = store.insert("people", {"full_name": "Lê Thị Hoa"})
    for unit, status in (("A1", "submitted"), ("A2", "draft")):
        store.insert("nominations", {"subject_kind": "person", "subject_id": person["id"], "subject_name": "Lê Thị Hoa",
                                     "title_code": "LDTT", "award_kind": "cong_trang", "year": 2026, "status": status,
                                     "unit_code": unit, "submitted_on": (today - dt.timedelta(days=5)).isoformat()})
    missing = c.missing_submissions(store, deadline=today + dt.timedelta(days=1), period="2026")
    # Results: A1, A2, A3 sent; A4 none. Nominations: only A1 sent (A2's is a draft).
    assert [(m.unit.code, m.missing) for m in missing] == [
        ("A2", ("nominations",)), ("A3", ("nominations",)), ("A4", ("results", "nominations"))
    ]
    assert missing[2].labels == ("Chưa gửi kết quả thực hiện chỉ tiêu", "Chưa gửi hồ sơ đề nghị khen thưởng")

    late = c.missing_submissions(store, deadline=today - dt.timedelta(days=1), period="2026", campaign_id=camp["id"])
    a1 = next(m for m in late if m.unit.code == "A1")
    assert a1.missing == ("results", "nominations")  # results entered today, after the deadline
    assert a1.labels[0].startswith("Gửi kết quả thực hiện chỉ tiêu muộn")


def test_the_current_result_is_the_one_changed_last(tree):
    from tdkt_desktop.store.results import current_participations, current_results

    store, camp, t = tree
    budget = t["budget"]["id"]
    first = store.rows("target_results", "target_id = ? AND unit_code = 'A2'", [budget])[0]
    again = store.insert("target_results", {"target_id": budget, "unit_code": "A2", "period": "2026", "value": 70},
                         owner_unit="A2")  # typed again instead of corrected
    assert current_results(store, [budget], "2026")[(budget, "A2", "2026")]["id"] == again["id"]
    assert c.attainment_matrix(store, camp["id"], "2026").cell("A2", budget).value == 70
    store.update("target_results", first["id"], {"value": 55})  # now the first one is the latest change
    assert c.attainment_matrix(store, camp["id"], "2026").cell("A2", budget).value == 55
    assert c.unit_figures(store, "A2", camp["id"], "2026")["targets"][0]["value"] == 55
    # the same instant: the greater id wins, whatever order the rows come in
    store.db.execute("UPDATE target_results SET updated_at = ? WHERE id IN (?, ?)",
                     ["2026-06-01T00:00:00Z", first["id"], again["id"]])
    winner = max(first["id"], again["id"])
    assert current_results(store, [budget], "2026")[(budget, "A2", "2026")]["id"] == winner
    for people in (10, 20):
        store.insert("participations", {"campaign_id": camp["id"], "period": "2026", "unit_code": "A3",
                                        "people_count": people})
    assert current_participations(store, camp["id"], "2026")["A3"]["people_count"] == 20
    assert c.participation_by_unit(store, camp["id"], "2026")["totals"]["people"] == 20


def test_this_units_own_figure_heads_the_matrix_and_the_roll_up(tree):
    store, camp, t = tree
    budget, poor, safe = (t[k]["id"] for k in ("budget", "poor", "safe"))
    assert "31147" not in c.attainment_matrix(store, camp["id"], "2026").cells  # no figure of its own yet
    store.insert("target_results", {"target_id": budget, "unit_code": "31147", "period": "2026", "value": 150})
    m = c.attainment_matrix(store, camp["id"], "2026")
    assert [(u.code, u.depth) for u in m.units][:2] == [("31147", 0), ("A1", 1)]
    assert m.rows()[0].name == "Phường Tân An" and m.rows()[2].name == "    Tổ dân phố 1A"
    assert m.cell("31147", budget).status == "exceeded"
    assert m.totals[budget].value == 150  # the ward's figure already holds its units' figures
    assert m.totals[poor].value == pytest.approx(5.0)  # no figure of its own: its units are rolled up
    assert m.totals[safe].units_counted == 3  # … and its own empty cell is not one of them
    assert m.cell("31147", poor).status == "no_data"


def test_a_target_stored_without_its_figure_shows_why_instead_of_failing(tree):
    store, camp, _ = tree
    broken = store.insert("targets", {"campaign_id": camp["id"], "seq": 5, "measure": "Thu hút đầu tư",
                                      "comparator": "at_least", "unit": "tỷ đồng"})
    store.insert("target_results", {"target_id": broken["id"], "unit_code": "A1", "period": "2026", "value": 9},
                 owner_unit="A1")
    m = c.attainment_matrix(store, camp["id"], "2026")
    cell = m.cell("A1", broken["id"])
    assert (cell.value, cell.status) == (9, "no_data") and "chưa có giá trị" in cell.note
    assert m.totals[broken["id"]].value is None and "chưa có giá trị" in m.totals[broken["id"]].attainment.note
    assert [s.with_data for s in m.shares()][-1] == 0
