"""Small reads the screens and commands share (store.listing, store.campaigns, store.nominations)."""

from __future__ import annotations

import pytest

from tdkt_desktop.store.campaigns import campaign_list, targets_of_year
from tdkt_desktop.store.listing import count_by, years_of
from tdkt_desktop.store.nominations import waiting_here


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
    assert [t["measure"] for t in targets_of_year(store, 2026)] == ["a1", "b1", "b2"]
    assert years_of(store, "campaigns") == [2026, 2025]
    assert count_by(store, "campaigns", "campaign_type") == {"regular": 2, "peak": 1}
    with pytest.raises(KeyError):
        count_by(store, "campaigns", "status; DROP TABLE campaigns")
    with pytest.raises(KeyError):
        years_of(store, "units")


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
