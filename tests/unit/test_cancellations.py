"""Hủy bỏ quyết định khen thưởng (Luật Thi đua, khen thưởng 2022, Điều 93): who may cancel, the ground from
the law's list, the cancelling decision, the marks on the list and history, the money to recover, printing,
and what travels in bundles."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from tdkt_desktop.core.legal import cancellation_rules
from tdkt_desktop.core.text import InputError
from tdkt_desktop.printing import records
from tdkt_desktop.store import office
from tdkt_desktop.store.cancellations import (
    authority_problem,
    cancel_awards,
    cancellation_summary,
    cancelled_awardee_ids,
    history_cancellations,
    record_recovery,
)
from tdkt_desktop.store.facts import nominee_facts
from tdkt_desktop.store.statistics import form_0603N
from tdkt_desktop.sync.scope import ISSUED_DOWN, select_rows

DEC = dt.date(2025, 12, 20)


def _award(store, names=("Nguyễn Văn An", "Trần Thị Bình")):
    """A decision of this unit (Phường Tân An) giving LĐTT to ``names``."""
    store.set_meta_json("doc_prefixes", {"QĐ": "QĐ-UBND"})
    ids = []
    for name in names:
        p = store.insert("people", {"full_name": name, "position": "Công chức", "unit_code": "31147"})
        store.insert("ratings", {"subject_kind": "person", "subject_id": p["id"], "year": 2025, "rating": "good"})
        n = store.insert("nominations", {
            "subject_kind": "person", "subject_id": p["id"], "subject_name": name, "title_code": "LDTT",
            "award_kind": "cong_trang", "year": 2025, "period": "2025", "status": "submitted", "unit_code": "31147",
            "dossier_json": {"to_trinh": True, "danh_sach": True, "bien_ban_hoi_dong": True}})
        office.receive(store, n["id"])
        office.appraise(store, n["id"], decision_date=DEC)
        office.approve(store, n["id"])
        ids.append(n["id"])
    decision = office.issue_decision(store, ids, decision_date=DEC, signer="Lê Văn Chủ", signer_title="CHỦ TỊCH")
    awardees = store.rows("decision_awardees", "decision_id = ?", [decision["id"]], order_by="so_vang")
    return decision, awardees


def test_grounds_are_the_four_points_of_article_93_clause_2() -> None:
    rules = cancellation_rules(dt.date(2026, 3, 1))
    assert [g.code for g in rules.grounds] == ["a", "b", "c", "d"]
    assert rules.ground("b").source.text == "Luật Thi đua, khen thưởng 2022, Điều 93, khoản 2, điểm b"
    assert "gian dối" in rules.ground("a").label
    assert rules.authority_rule == "issuer" and rules.authority_source.status == "not_found"
    with pytest.raises(InputError, match="Chọn một trong: a\\)"):
        rules.ground("e")
    with pytest.raises(InputError, match="Chưa có quy định"):
        cancellation_rules(dt.date(2023, 12, 31))


def test_cancelling_marks_list_history_and_money(store) -> None:
    decision, awardees = _award(store)
    an = awardees[0]
    rows = cancel_awards(
        store, [an["id"]], cancel_date=dt.date(2026, 2, 10), ground="b",
        reason="Kê khai xếp loại không đúng sự thật", signer="Lê Văn Chủ", signer_title="CHỦ TỊCH",
    )
    [row] = rows
    assert row["amount_to_recover"] == an["amount"] == 710_000  # 0,3 × 2.340.000 rounded up
    assert (row["number"], row["doc_code"]) == ("01", "QĐ-UBND")  # first QĐ of 2026: numbers restart each year
    assert row["owner_unit"] == row["issuer_unit"] == "31147"
    assert row["legal_basis"] == "Luật Thi đua, khen thưởng 2022, Điều 93, khoản 2, điểm b"
    assert cancelled_awardee_ids(store) == {an["id"]}
    summary = office.decision_summary(store, decision["id"])
    marks = {a["name"]: a["cancelled"] for a in summary["awardees"]}
    assert marks["Trần Thị Bình"] is None
    assert marks["Nguyễn Văn An"]["code"] == "01/QĐ-UBND" and marks["Nguyễn Văn An"]["amount_to_recover"] == 710_000
    history = {h["id"]: h for h in store.rows("award_history", "subject_id = ?", [an["subject_id"]])}
    assert set(history_cancellations(store, an["subject_id"])) == set(history)
    # The cancelled LĐTT no longer grounds a CSTĐCS of the same year.
    cstd = store.insert("nominations", {
        "subject_kind": "person", "subject_id": an["subject_id"], "subject_name": an["subject_name"],
        "title_code": "CSTDCS", "award_kind": "cong_trang", "year": 2025, "status": "draft"})
    assert (2025, "LDTT") not in {(t.year, t.code) for t in nominee_facts(store, cstd["id"]).titles}
    # … nor is it counted in the statistics.
    form = form_0603N(store, 2026)
    assert form.value("title:LDTT", "total") == 1
    # The money comes back later.
    [done] = record_recovery(store, [row["id"]], recovered_on=dt.date(2026, 3, 1))
    assert done["recovered_on"] == "2026-03-01"


def test_refusals_leave_nothing_written(store) -> None:
    _decision, awardees = _award(store)
    before = (store.count("award_cancellations"), store.db.execute("SELECT COUNT(*) FROM doc_register").fetchone()[0])
    args = dict(cancel_date=dt.date(2026, 2, 10), signer="Lê Văn Chủ", signer_title="CHỦ TỊCH")
    with pytest.raises(InputError, match="lý do"):
        cancel_awards(store, [awardees[0]["id"]], ground="a", reason="  ", **args)
    with pytest.raises(InputError, match="Căn cứ hủy bỏ “e”"):
        cancel_awards(store, [awardees[0]["id"]], ground="e", reason="X", **args)
    with pytest.raises(InputError, match="trước ngày quyết định khen thưởng"):
        cancel_awards(store, [awardees[0]["id"]], ground="a", reason="X", cancel_date=dt.date(2025, 12, 1),
                      signer="A", signer_title="B")
    with pytest.raises(InputError, match="Chưa chọn"):
        cancel_awards(store, [], ground="a", reason="X", **args)
    after = (store.count("award_cancellations"), store.db.execute("SELECT COUNT(*) FROM doc_register").fetchone()[0])
    assert after == before
    cancel_awards(store, [awardees[0]["id"]], ground="a", reason="Gian dối", **args)
    with pytest.raises(InputError, match="đã bị hủy bỏ theo Quyết định số 01/QĐ-UBND ngày 10/02/2026"):
        cancel_awards(store, [awardees[0]["id"]], ground="a", reason="Gian dối", **args)


def test_only_the_issuer_may_cancel(store) -> None:
    decision, awardees = _award(store)
    # A decision the upper office issued, copied here (as a bundle brings it): this unit may not cancel it.
    store.db.execute("UPDATE decisions SET issuer_unit = '92', owner_unit = '92' WHERE id = ?", [decision["id"]])
    with pytest.raises(InputError, match=r"Chỉ đơn vị đã ban hành Quyết định số 01/QĐ-UBND \(92\)"):
        cancel_awards(store, [awardees[0]["id"]], cancel_date=dt.date(2026, 2, 10), ground="a", reason="X",
                      signer="A", signer_title="B")
    assert store.count("award_cancellations") == 0


def test_authority_problem_for_received_rows(store) -> None:
    decision, awardees = _award(store)
    good = {"owner_unit": "31147", "issuer_unit": "31147", "decision_id": decision["id"], "awardee_id": awardees[0]["id"]}
    assert authority_problem(store, good) is None
    assert "phải do chính đơn vị ban hành ghi" in authority_problem(store, {**good, "owner_unit": "31150"})
    assert "không có thẩm quyền" in authority_problem(store, {**good, "owner_unit": "92", "issuer_unit": "92"})
    other = _award(store, names=("Phạm Văn Cường",))[1][0]
    assert "không có trong danh sách" in authority_problem(store, {**good, "awardee_id": other["id"]})


def test_cancellations_travel_down_as_issued_records(store) -> None:
    assert "award_cancellations" in ISSUED_DOWN
    store.insert("units", {"code": "A1", "name": "Trường Tiểu học A", "level": "school", "parent_code": "31147"})
    decision, awardees = _award(store)
    store.db.execute("UPDATE nominations SET owner_unit = 'A1', unit_code = 'A1'")
    cancel_awards(store, [awardees[0]["id"]], cancel_date=dt.date(2026, 2, 10), ground="d",
                  reason="Bản án có hiệu lực", signer="Lê Văn Chủ", signer_title="CHỦ TỊCH")
    rows = select_rows(store, to_unit="A1", direction="down", since_seq=0)
    assert [r["awardee_id"] for r in rows["award_cancellations"]] == [awardees[0]["id"]]
    assert rows["decisions"][0]["id"] == decision["id"]


def test_cancelling_decision_prints_in_decree_30_form(store, tmp_path) -> None:
    _decision, awardees = _award(store)
    [row] = cancel_awards(store, [awardees[1]["id"]], cancel_date=dt.date(2026, 2, 10), ground="c",
                          reason="Hồ sơ được xét trái quy định", signer="Lê Văn Chủ", signer_title="CHỦ TỊCH")
    summary = cancellation_summary(store, row["id"])
    assert summary["code"] == "01/QĐ-UBND" and summary["decision"]["date"] == "2025-12-20" and summary["total_to_recover"] == 710_000
    assert summary["ground"]["source"].endswith("Điều 93, khoản 2, điểm c")
    out = tmp_path / "huy.pdf"
    records.preview_pdf(store, "quyet_dinh_huy_bo", row["id"], out)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "QUYẾT ĐỊNH" in text and "Về việc hủy bỏ Quyết định số 01/QĐ-UBND" in text
    assert "điểm c khoản 2 Điều 93" in text and "Thu hồi hiện vật khen thưởng" in text
    assert "710.000" in text and "Trần Thị Bình" in text and "Nghị định số 152/2025/NĐ-CP" in text
