"""Small reads the screens and commands share (store.listing, store.campaigns, store.nominations)."""

from __future__ import annotations

import pytest

from tdkt_desktop.core.models import AttainmentStatus
from tdkt_desktop.store.campaigns import campaign_list, launched_below
from tdkt_desktop.store.listing import count_by, years_of
from tdkt_desktop.store.nominations import waiting_here
from tdkt_desktop.store.results import period_figures


def test_the_campaigns_of_this_unit_and_from_above_come_before_those_the_units_below_launched(store) -> None:
    """An upper office holds each ward's own campaigns (received with its bundles): a list to choose from starts
    with the office's own and its upper offices', newest first, then the wards', newest first."""
    from tdkt_desktop.store.results import campaigns_with_targets

    store.insert("units", {"code": "W1", "name": "Phường Một", "level": "commune", "parent_code": store.unit_code})
    ward_new = store.insert("campaigns", {"name": "Phường Một 2026", "campaign_type": "thematic", "year": 2026,
                                          "doc_date": "2026-05-01", "issued_by": "W1", "start_date": "2026-05-01",
                                          "end_date": "2026-12-31"}, owner_unit="W1")
    own = store.insert("campaigns", {"name": "Của đơn vị 2026", "campaign_type": "regular", "year": 2026,
                                     "doc_date": "2026-01-10"})
    above = store.insert("campaigns", {"name": "Của tỉnh 2026", "campaign_type": "regular", "year": 2026,
                                       "doc_date": "2026-02-01", "issued_by": "92"})
    ward_old = store.insert("campaigns", {"name": "Phường Một 2025", "campaign_type": "thematic", "year": 2025,
                                          "issued_by": "W1"}, owner_unit="W1")
    old = store.insert("campaigns", {"name": "Của đơn vị 2025", "campaign_type": "regular", "year": 2025})
    assert [c["id"] for c in campaign_list(store)] == [above["id"], own["id"], old["id"], ward_new["id"],
                                                        ward_old["id"]]
    for camp in (ward_new, own, old):
        store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "x", "comparator": "at_least",
                                 "value": 1})
    assert [c["id"] for c in campaigns_with_targets(store)] == [own["id"], old["id"], ward_new["id"]]
    # a ward's own campaign holds the ward's figures and deadlines, not this unit's
    assert launched_below(store)(ward_new) and not launched_below(store)(above) and not launched_below(store)(own)
    store.update("campaigns", own["id"], {"start_date": "2026-01-01", "end_date": "2026-12-31"})
    assert [t["measure"] for t, _ in period_figures(store, "2026", store.unit_code)] == ["x"]  # own's, not the ward's


def test_counts_years_campaigns_and_targets(store) -> None:
    late = store.insert("campaigns", {"name": "B", "campaign_type": "regular", "year": 2026, "doc_date": "2026-03-01"})
    early = store.insert("campaigns", {"name": "A", "campaign_type": "regular", "year": 2026, "doc_date": "2026-01-05"})
    old = store.insert("campaigns", {"name": "C", "campaign_type": "peak", "year": 2025})
    gone = store.insert("campaigns", {"name": "D", "campaign_type": "peak", "year": 2024})
    store.delete("campaigns", gone["id"])
    for camp, measures in ((late, ["b2", "b1"]), (early, ["a1"]), (old, ["c1"])):
        for seq, measure in enumerate(measures, 1):
            store.insert("targets", {"campaign_id": camp["id"], "seq": seq if measure != "b1" else 0,
                                     "measure": measure, "comparator": "at_least", "value": 1})
    assert [c["name"] for c in campaign_list(store)] == ["B", "A", "C"]
    assert [t["measure"] for t, _ in period_figures(store, "2026", "31147")] == ["a1", "b1", "b2"]
    assert years_of(store, "campaigns") == [2026, 2025]
    assert count_by(store, "campaigns", "campaign_type") == {"regular": 2, "peak": 1}
    with pytest.raises(KeyError):
        count_by(store, "campaigns", "status; DROP TABLE campaigns")
    with pytest.raises(KeyError):
        years_of(store, "units")


def test_a_period_shows_every_campaign_running_that_year_a_plan_by_its_figure_to_date(store) -> None:
    """The overview of "6 tháng đầu năm 2026": the 2026 campaign's own figure and a 2021–2026 plan's figure to
    date, side by side; a campaign of another year, or with no time frame, is not there."""
    plan = store.insert("campaigns", {"name": "Kế hoạch 2021–2026", "campaign_type": "regular",
                                      "start_date": "2021-01-01", "end_date": "2026-12-31", "doc_date": "2021-01-02"})
    year = store.insert("campaigns", {"name": "Thi đua 2026", "campaign_type": "regular", "year": 2026,
                                      "doc_date": "2026-01-10"})
    other = store.insert("campaigns", {"name": "Thi đua 2025", "campaign_type": "regular", "year": 2025})
    loose = store.insert("campaigns", {"name": "Không thời hạn", "campaign_type": "regular"})
    road = store.insert("targets", {"campaign_id": plan["id"], "seq": 1, "measure": "Đường giao thông",
                                    "comparator": "at_least", "value": 60, "unit": "km"})
    cover = store.insert("targets", {"campaign_id": year["id"], "seq": 1, "measure": "Bảo hiểm y tế",
                                     "comparator": "at_least", "value": 95, "unit": "%"})
    for camp in (other, loose):
        store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "khác", "comparator": "at_least",
                                 "value": 1})
    for target, period, value in ((road, "2021", 10), (road, "2025", 20), (road, "2026-H1", 6), (cover, "2026-H1", 93)):
        store.insert("target_results", {"target_id": target["id"], "unit_code": "31147", "period": period,
                                        "value": value})
    got = period_figures(store, "2026-H1", "31147")
    assert [(t["measure"], f.value, f.attainment.status) for t, f in got] == [
        ("Đường giao thông", 36.0, AttainmentStatus.IN_PROGRESS), ("Bảo hiểm y tế", 93.0, AttainmentStatus.NOT_REACHED)]
    assert [(t["measure"], f.value) for t, f in period_figures(store, "2022", "31147")] == [("Đường giao thông", 10.0)]
    assert [(t["measure"], f.value) for t, f in period_figures(store, "2026", "31150")] == [
        ("Đường giao thông", None), ("Bảo hiểm y tế", None)]


def test_what_waits_for_this_unit(store) -> None:
    person = store.insert("people", {"full_name": "Nguyễn Văn An", "unit_code": "31147"})

    def nominate(status: str, year: int, name: str) -> str:
        return str(store.insert("nominations", {
            "subject_kind": "person", "subject_id": person["id"], "subject_name": name, "title_code": "LDTT",
            "award_kind": "cong_trang", "year": year, "status": status, "status_reason": "Thiếu biên bản"
            if status == "returned" else None})["id"])

    a = nominate("draft", 2025, "An")
    b = nominate("returned", 2026, "Bình")
    nominate("submitted", 2026, "Cường")
    assert [n["id"] for n in waiting_here(store)] == [b, a]


def test_periods_reported_meetings_here_and_known_units(store) -> None:
    from tdkt_desktop.store.council import save_session, sessions_here
    from tdkt_desktop.store.installation import known_units
    from tdkt_desktop.store.results import periods_reported, save_results

    camp = store.insert("campaigns", {"name": "A", "campaign_type": "regular", "year": 2026})
    t = store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "m", "comparator": "at_least",
                                 "value": 1})
    assert periods_reported(store, camp["id"]) == set()
    for period in ("2026-H1", "2026"):
        save_results(store, campaign_id=camp["id"], period=period, unit_code="31147", results=[{"target_id": t["id"], "value": 2}])
    assert periods_reported(store, camp["id"]) == {"2026-H1", "2026"}
    meetings = [save_session(store, values={"meeting_date": day, "total_members": 7, "present": 6})
                for day in ("2026-06-01", "2026-12-10")]
    store.insert("vote_sessions", {"unit_code": "31147-X", "meeting_date": "2026-12-20", "total_members": 5,
                                   "present": 5})
    assert [s["id"] for s in sessions_here(store)] == [meetings[1]["id"], meetings[0]["id"]]
    assert [u["code"] for u in known_units(store)] == sorted(u["code"] for u in store.rows("units"))
