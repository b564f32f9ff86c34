"""The register of issued document numbers."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import open_store
from tdkt_desktop.store.numbering import (
    format_doc_number,
    numbers_issued,
    peek_next_number,
    record_number,
    take_number,
)

DAY = dt.date(2026, 1, 5)


def test_format_has_leading_zero_below_ten():
    assert format_doc_number(5, "TTr-UBND") == "05/TTr-UBND"
    assert format_doc_number(12, "QĐ-UBND") == "12/QĐ-UBND"
    assert format_doc_number(125, "QĐ-UBND") == "125/QĐ-UBND"


def test_numbers_per_type_per_year_restart_on_new_year(store):
    store.set_meta_json("doc_prefixes", {"TTr": "TTr-UBND", "QĐ": "QĐ-UBND", "BB": "BB-HĐTĐKT"})
    assert take_number(store, doc_type="TTr", issued_on=DAY).code == "01/TTr-UBND"
    assert take_number(store, doc_type="TTr", issued_on=DAY).code == "02/TTr-UBND"
    assert take_number(store, doc_type="QĐ", issued_on=DAY).code == "01/QĐ-UBND"
    assert take_number(store, doc_type="QD", issued_on=DAY).code == "02/QĐ-UBND"  # typed without "Đ"
    assert take_number(store, doc_type="BB", issued_on=DAY).code == "01/BB-HĐTĐKT"
    nxt = take_number(store, doc_type="TTr", issued_on=dt.date(2027, 1, 1))
    assert (nxt.number, nxt.year, nxt.code) == (1, 2027, "01/TTr-UBND")
    assert [r["code"] for r in numbers_issued(store, 2026, "TTr")] == ["01/TTr-UBND", "02/TTr-UBND"]
    assert len(numbers_issued(store, 2026)) == 5


def test_defaults_without_configured_prefixes(store):
    assert take_number(store, doc_type="BC", issued_on=DAY).code == "01/BC-UBND"
    with pytest.raises(InputError, match="chưa có trong danh mục"):
        take_number(store, doc_type="XYZ", issued_on=DAY)


def test_preview_takes_nothing(store):
    assert peek_next_number(store, doc_type="TTr", issued_on=DAY).code == "01/TTr-UBND"
    assert peek_next_number(store, doc_type="TTr", issued_on=DAY).code == "01/TTr-UBND"
    assert numbers_issued(store, 2026) == []
    take_number(store, doc_type="TTr", issued_on=DAY)
    assert peek_next_number(store, doc_type="TTr", issued_on=DAY).code == "02/TTr-UBND"


def test_never_reused_after_the_record_is_deleted(store):
    campaign = store.insert("campaigns", {"name": "Phong trào A", "campaign_type": "regular"})
    first = take_number(store, doc_type="KH", issued_on=DAY, record_table="campaigns", record_id=campaign["id"])
    store.delete("campaigns", campaign["id"])
    second = take_number(store, doc_type="KH", issued_on=DAY)
    assert (first.number, second.number) == (1, 2)
    entry = numbers_issued(store, 2026, "KH")[0]
    assert entry["record_id"] == campaign["id"] and entry["record_live"] is False


def test_rolled_back_with_the_callers_transaction(store):
    with pytest.raises(RuntimeError), store.atomic():
        take_number(store, doc_type="TTr", issued_on=DAY)
        raise RuntimeError("document not saved")
    assert take_number(store, doc_type="TTr", issued_on=DAY).number == 1


def test_numbers_given_by_hand_are_kept(store):
    record_number(store, doc_type="QĐ", number=7, issued_on=DAY, subject="Số cấp tay")
    assert take_number(store, doc_type="QĐ", issued_on=DAY).code == "08/QĐ-UBND"
    with pytest.raises(InputError, match="đã được cấp"):
        record_number(store, doc_type="QĐ", number=8, issued_on=DAY)


def test_concurrent_writers_never_share_a_number(store, db_path):
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with open_store(db_path) as other:
                for _ in range(15):
                    take_number(other, doc_type="TTr", issued_on=DAY, unit_code="31147")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    numbers = [r["number"] for r in numbers_issued(store, 2026, "TTr")]
    assert sorted(numbers) == list(range(1, 46))
