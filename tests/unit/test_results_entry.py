"""Entering results and participation (store.results.save_results): the rules of correcting, adding and
clearing a figure, in one place for the results screen and the command line."""

from __future__ import annotations

import pytest

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.results import (
    campaigns_with_targets,
    current_participations,
    current_results,
    reporting_units,
    results_sheet,
    save_results,
)


@pytest.fixture
def data(store):
    store.insert("units", {"code": "31147-TH1", "name": "Trường Tiểu học Tân An 1", "level": "school",
                           "parent_code": "31147"})
    camp = store.insert("campaigns", {"name": "Thi đua yêu nước 2026", "campaign_type": "regular", "year": 2026})
    empty = store.insert("campaigns", {"name": "Phong trào chưa có chỉ tiêu", "campaign_type": "thematic", "year": 2026})
    t1 = store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "Tỷ lệ hộ nghèo",
                                  "comparator": "at_most", "value": 1, "unit": "%"})
    t2 = store.insert("targets", {"campaign_id": camp["id"], "seq": 2, "measure": "Khu dân cư văn minh",
                                  "comparator": "count", "value": 3, "sub_count": 1, "unit": "khu"})
    return store, camp, empty, t1, t2


def snapshot(store):
    return (sorted((r["target_id"], r["unit_code"], r["value"], r["sub_value"], r["note"], r["deleted"])
                   for r in store.rows("target_results", include_deleted=True)),
            sorted((r["unit_code"], r["people_count"]) for r in store.rows("participations", include_deleted=True)))


def test_the_screens_choices(data) -> None:
    store, camp, empty, _t1, _t2 = data
    assert [c["id"] for c in campaigns_with_targets(store)] == [camp["id"]]
    assert empty["id"] not in {c["id"] for c in campaigns_with_targets(store)}
    assert [u["code"] for u in reporting_units(store)] == ["31147", "31147-TH1"]


def test_results_are_added_corrected_and_cleared(data) -> None:
    store, camp, _e, t1, t2 = data
    key = {"campaign_id": camp["id"], "period": "2026-H1", "unit_code": "31147"}
    assert save_results(store, **key, results=[{"target_id": t1["id"], "value": 0.8},
                                           {"target_id": t2["id"], "value": 3, "sub_value": 1, "note": "Khu 1, 2, 5"}]) == 2
    sheet = results_sheet(store, **key)
    assert [t["id"] for t in sheet["targets"]] == [t1["id"], t2["id"]]
    assert (sheet["results"][t1["id"]]["value"], sheet["results"][t2["id"]]["sub_value"]) == (0.8, 1)
    first = sheet["results"][t1["id"]]["id"]
    save_results(store, **key, results=[{"target_id": t1["id"], "value": "0,7", "note": " đã rà soát "}])
    corrected = current_results(store, [t1["id"]], "2026-H1")[(t1["id"], "31147", "2026-H1")]
    assert (corrected["id"], corrected["value"], corrected["note"]) == (first, 0.7, "đã rà soát")
    save_results(store, **key, results=[{"target_id": t1["id"]}])  # everything cleared: the result goes
    assert t1["id"] not in results_sheet(store, **key)["results"]
    assert store.get("target_results", first, include_deleted=True)["deleted"] == 1
    assert save_results(store, **key, results=[{"target_id": t1["id"], "note": ""}]) == 0  # nothing to add
    other_unit = results_sheet(store, campaign_id=camp["id"], period="2026-H1", unit_code="31147-TH1")
    assert other_unit["results"] == {}


def test_participation_by_unit(data) -> None:
    store, camp, _e, _t1, _t2 = data
    key = {"campaign_id": camp["id"], "period": "2026", "unit_code": "31147"}
    save_results(store, **key, participations=[{"unit_code": "31147", "people_count": 1200, "households_count": 350},
                                               {"unit_code": "31147-TH1", "people_count": None}])
    held = current_participations(store, camp["id"], "2026")
    assert set(held) == {"31147"} and (held["31147"]["people_count"], held["31147"]["owner_unit"]) == (1200, "31147")
    save_results(store, **key, participations=[{"unit_code": "31147", "people_count": 1250}])
    assert current_participations(store, camp["id"], "2026")["31147"]["people_count"] == 1250
    assert current_participations(store, camp["id"], "2026")["31147"]["households_count"] is None


def test_wrong_input_is_refused_and_nothing_is_written(data) -> None:
    store, camp, empty, t1, _t2 = data
    other = store.insert("targets", {"campaign_id": empty["id"], "seq": 1, "measure": "Khác", "comparator": "at_least",
                                     "value": 1})
    save_results(store, campaign_id=camp["id"], period="2026", unit_code="31147", results=[{"target_id": t1["id"], "value": 0.9}])
    before = snapshot(store)
    key = {"campaign_id": camp["id"], "period": "2026", "unit_code": "31147"}
    cases = [
        (key, {"results": [{"target_id": t1["id"], "value": 0.5}, {"target_id": other["id"], "value": 2}]}, "không thuộc phong trào"),
        ({**key, "unit_code": "99999"}, {"results": [{"target_id": t1["id"], "value": 0.5}]}, "không phải đơn vị này"),
        (key, {"results": [{"target_id": t1["id"], "value": 0.5}], "participations": [{"unit_code": "31147", "members": 3}]},
         "members"),
        (key, {"results": [{"target_id": t1["id"], "value": 0.5}],
               "participations": [{"unit_code": "31147", "people_count": -4}]}, ""),
        ({**key, "period": "2026-Q5"}, {"results": [{"target_id": t1["id"], "value": 0.5}]}, ""),
        (key, {"results": [{"target_id": t1["id"], "value": "7,5,1"}]}, "dấu phẩy"),
        (key, {"results": [{"target_id": t1["id"], "value": 1, "sub_value": 1}]}, "trong đó"),
        (key, {"participations": [{"unit_code": "99999", "people_count": 3}]}, "không phải đơn vị này"),
    ]
    for where, what, words in cases:
        with pytest.raises(InputError) as err:
            save_results(store, **where, **what)
        assert words in str(err.value)
        assert snapshot(store) == before
