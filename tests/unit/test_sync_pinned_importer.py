"""sync.importer pinned down: whole import reports for every path of a received row (validation of the incoming
row, records referred to — held, deferred, applied when they arrive —, owner changes, fields without authority, a
record edited twice between bundles, a field written at two places resolved both ways) and of a bundle (addressed
elsewhere, already imported or replayed, gaps, acknowledgements, dry runs). The sender's receipt is read back
from ``sync_outcomes``; what must stay unchanged is compared whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.cli import EXIT_ATTENTION, EXIT_OK, EXIT_REFUSED
from tdkt_desktop.store import open_store
from tdkt_desktop.store.revisions import LOCAL_FIELDS, dump, rev_of
from tdkt_desktop.sync import (
    SyncError,
    enroll,
    export_bundle,
    export_enrolment,
    import_bundles,
    import_held,
    list_held,
    read_enrolment,
    revoke_peer,
)
from tdkt_desktop.sync import bundle as _bundle
from tdkt_desktop.sync import keys as _keys
from tdkt_desktop.sync.importer import HELD_SOURCE, held_rows, import_history
from tdkt_desktop.sync.report import OUTCOMES
from tests.server_engine import server_engine

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    bundle_parts,
    canonical_dump,
    copy_installation,
    forge,
    forge_new,
    make_node,
    nomination,
    pair,
    person,
    plain_payload,
    resign,
    write_parts,
)

C1 = COMMUNES[0]


@pytest.fixture(scope="session")
def pc_template(tmp_path_factory):
    """A province and one of its wards, enrolled with each other and in step (each has the other's unit rows),
    built once; each test works on copies of both installations."""
    tmp = tmp_path_factory.mktemp("pinned-importer")
    prov, c1 = make_node(tmp, PROVINCE), make_node(tmp, C1)
    pair(prov, c1)
    import_bundles(prov, [plain(c1, PROVINCE, tmp)], backup=False)
    import_bundles(c1, [plain(prov, C1, tmp)], backup=False)
    import_bundles(prov, [plain(c1, PROVINCE, tmp)], backup=False)
    for s in (prov, c1):
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        s.close()
    return tmp


@pytest.fixture
def pc(pc_template, tmp_path):
    stores = []
    for code in (PROVINCE, C1):
        copy_installation(pc_template / f"{code}.sqlite", tmp_path / f"{code}.sqlite")
        stores.append(open_store(tmp_path / f"{code}.sqlite", operator=f"Cán bộ {code}"))
    yield stores[0], stores[1], tmp_path
    for s in stores:
        s.close()


_n = [0]


def plain(src, to: str, tmp: Path) -> Path:
    _n[0] += 1
    path = tmp / f"b{_n[0]}-{src.unit_code}-{to}.tdktgoi"
    export_bundle(src, to, path, encrypt=False)
    return path


def manifest_of(path: Path) -> dict[str, Any]:
    return json.loads(bundle_parts(path)["manifest.json"])


def counts(**given: int) -> dict[str, int]:
    return {k: given.get(k, 0) for k in OUTCOMES}


def outcomes(store, sender: str) -> list[dict[str, Any]]:
    """What the receipt will tell ``sender`` (without its revision and bundle, see :func:`outcome_sources`)."""
    return [{k: r[k] for k in ("table_name", "record_id", "field_name", "state", "code", "reason", "missing_table",
                               "missing_id")}
            for r in store.db.query("SELECT * FROM sync_outcomes WHERE from_unit = ? ORDER BY table_name, record_id,"
                                    " field_name", [sender])]


def outcome_sources(store, sender: str) -> list[tuple[str, str, str]]:
    """(record, revision not applied, bundle it came in) of each outcome kept for ``sender``."""
    return [(r["record_id"], r["rev"], r["bundle_id"]) for r in store.db.query(
        "SELECT * FROM sync_outcomes WHERE from_unit = ? ORDER BY record_id", [sender])]


def strip(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in LOCAL_FIELDS}


def rewrite(path: Path, signer, rows: dict[str, list[dict[str, Any]]] | None = None, *,
            drop: dict[str, set[str]] | None = None, order: dict[str, list[str]] | None = None,
            manifest=None) -> None:
    """The payload's rows replaced by ``rows`` (those tables only), some ids dropped or rows reordered; re-signed."""
    payload = plain_payload(path)
    if rows:
        payload["tables"] = {t: b for t, b in payload["tables"].items() if t in rows}
    for table, new_rows in (rows or {}).items():
        block = payload["tables"].setdefault(table, {"columns": [c for c in new_rows[0] if c not in LOCAL_FIELDS],
                                                      "rows": []})
        cols = block["columns"]
        block["rows"] = [[r.get(c) for c in cols] for r in new_rows]
    for table, ids in (drop or {}).items():
        block = payload["tables"][table]
        at = block["columns"].index("id")
        block["rows"] = [r for r in block["rows"] if r[at] not in ids]
        if not block["rows"]:
            del payload["tables"][table]
    for table, ids in (order or {}).items():
        block = payload["tables"][table]
        at = block["columns"].index("id")
        block["rows"].sort(key=lambda r: ids.index(r[at]))
    resign(path, signer, payload=payload, manifest=manifest)


# --------------------------------------------------------------------------- the incoming row's validation


def test_every_malformed_incoming_row_is_refused_with_its_reason_and_nothing_of_it_is_written(pc):
    prov, c1, tmp = pc
    good = strip(person(c1, "Lý Thị Mai"))
    before = canonical_dump(prov)

    def bad(n: int, **changes: Any) -> dict[str, Any]:
        return {**good, "id": f"bad-{n:02d}", **changes}

    cases = [
        (bad(1, owner_unit=None), "thiếu hoặc sai trường owner_unit"),
        (bad(2, owner_unit=""), "thiếu hoặc sai trường owner_unit"),
        (bad(3, origin_install=7), "thiếu hoặc sai trường origin_install"),
        (bad(4, rev=""), "thiếu hoặc sai trường rev"),
        (bad(5, created_at=None), "thiếu hoặc sai trường created_at"),
        (bad(6, updated_at=""), "thiếu hoặc sai trường updated_at"),
        (bad(7, gen=0), "số thế hệ/bộ đếm của bản ghi không hợp lệ"),
        (bad(8, gen="1"), "số thế hệ/bộ đếm của bản ghi không hợp lệ"),
        (bad(9, clock=-1), "số thế hệ/bộ đếm của bản ghi không hợp lệ"),
        (bad(10, clock="3"), "số thế hệ/bộ đếm của bản ghi không hợp lệ"),
        (bad(11, deleted=2), "cờ xóa không hợp lệ"),
        (bad(12, deleted=None), "cờ xóa không hợp lệ"),
        (bad(13, base_rev=5), "phiên bản gốc (base_rev) không hợp lệ"),
        (bad(14, vv="{không phải json"), "dấu phiên bản (vv, stamps) không đọc được"),
        (bad(15, stamps="[1,"), "dấu phiên bản (vv, stamps) không đọc được"),
        (bad(16, vv=dump({good["origin_install"]: -1})), "dấu phiên bản (vv, stamps) không hợp lệ"),
        (bad(17, stamps=dump({"full_name": [1, "x", 1, C1]})), "dấu phiên bản (vv, stamps) không hợp lệ"),
        (bad(18, vv=dump({good["origin_install"]: good["clock"] - 1})),
         "dấu phiên bản không chứa lần ghi cuối của bản ghi"),
        (bad(19, vv=dump({"another": 99})), "dấu phiên bản không chứa lần ghi cuối của bản ghi"),
        (bad(22, clock=0, vv=dump({"another": 99})), "dấu phiên bản không chứa lần ghi cuối của bản ghi"),
        (bad(23, clock=1, vv=dump({"another": 99})), "dấu phiên bản không chứa lần ghi cuối của bản ghi"),
        (bad(20, full_name="Tên đã bị sửa"), "số hiệu phiên bản (rev) không khớp với nội dung bản ghi"),
        # valid stamps and vector, read once, but not those the revision was named with
        (bad(24, stamps=dump({"": [1, good["origin_install"], good["clock"], C1], "full_name": [1, "x", 1, C1]})),
         "số hiệu phiên bản (rev) không khớp với nội dung bản ghi"),
        (bad(25, vv=dump({good["origin_install"]: good["clock"], "another": 3})),
         "số hiệu phiên bản (rev) không khớp với nội dung bản ghi"),
        ({**good, "id": 21}, "thiếu hoặc sai trường id"),
        ({**good, "id": ""}, "thiếu hoặc sai trường id"),
    ]
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [row for row, _ in cases]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.status == "merged" and report.exit_code == EXIT_REFUSED
    assert b.counts == {"people": counts(rejected=len(cases))}
    assert b.rejected == [{"table": "people", "id": str(row["id"]), "reason": reason, "code": "malformed"}
                          for row, reason in cases]
    assert b.rejected_total == len(cases)
    assert canonical_dump(prov) == before
    assert outcomes(prov, C1) == sorted(
        ({"table_name": "people", "record_id": str(row["id"]), "field_name": "", "state": "refused",
          "code": "malformed", "reason": reason, "missing_table": None, "missing_id": None} for row, reason in cases),
        key=lambda o: o["record_id"])
    assert sorted(outcome_sources(prov, C1)) == sorted((str(row["id"]), row["rev"] or "", b.bundle_id)
                                                       for row, _ in cases)


def test_a_row_at_each_lower_limit_of_its_counters_is_accepted(pc):
    prov, c1, tmp = pc
    row = strip(person(c1, "Lý Thị Mai"))
    install = row["origin_install"]
    limit = {**row, "id": "at-limit", "gen": 1, "clock": 0, "vv": dump({install: 0}),
             "stamps": dump({"": [1, install, 0, C1]}), "base_rev": row["rev"]}
    limit["rev"] = rev_of(limit)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [limit]})
    report = import_bundles(prov, [path])
    assert report.bundles[0].counts == {"people": counts(new=1)} and report.exit_code == EXIT_OK
    assert strip(prov.get("people", "at-limit")) == limit


def test_a_reference_by_an_unknown_kind_of_subject_is_malformed(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = strip(nomination(c1, who, title="BANG_KHEN_TINH"))
    odd = forge(nom, C1, install=nom["origin_install"], clock=nom["clock"] + 1, subject_kind="alien")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"nominations": [odd]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.rejected == [{"table": "nominations", "id": nom["id"], "reason": "loại đối tượng “alien” không hợp lệ",
                           "code": "malformed"}]
    assert b.counts == {"nominations": counts(rejected=1)}
    assert prov.get("nominations", nom["id"]) is None


# --------------------------------------------------------------------------- records referred to


def test_a_row_whose_parent_has_not_arrived_waits_and_is_applied_when_it_comes(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted")
    first = plain(c1, PROVINCE, tmp)
    rewrite(first, c1, drop={"people": {who["id"]}})
    report = import_bundles(prov, [first])
    (b,) = report.bundles
    reason = f"đang chờ cá nhân {who['id']} (chưa có ở đây); sẽ tự được áp dụng khi bản ghi đó tới"
    assert b.status == "merged"
    assert b.counts == {"nominations": counts(held=1)}
    assert b.held_rows == [{"table": "nominations", "id": nom["id"], "reason": reason}]
    assert b.rejected == [] and report.waiting == 1 and report.exit_code == EXIT_ATTENTION
    assert prov.get("nominations", nom["id"]) is None
    [waiting] = held_rows(prov)
    assert {k: waiting[k] for k in ("from_unit", "bundle_id", "table_name", "record_id", "rev", "missing_table",
                                    "missing_id")} == {
        "from_unit": C1, "bundle_id": b.bundle_id, "table_name": "nominations", "record_id": nom["id"],
        "rev": nom["rev"], "missing_table": "people", "missing_id": who["id"]}
    assert outcomes(prov, C1) == [{"table_name": "nominations", "record_id": nom["id"], "field_name": "",
                                   "state": "held", "code": "missing_parent", "reason": reason,
                                   "missing_table": "people", "missing_id": who["id"]}]
    assert outcome_sources(prov, C1) == [(nom["id"], nom["rev"], b.bundle_id)]
    # the next bundle brings the person (only): the nomination waiting is applied by itself
    second = plain(c1, PROVINCE, tmp)
    rewrite(second, c1, drop={"nominations": {nom["id"]}})
    report = import_bundles(prov, [second])
    assert [(x.source, x.status, x.counts) for x in report.bundles[1:]] == [
        (HELD_SOURCE, "merged", {"nominations": counts(new=1)})]
    assert report.bundles[0].counts == {"people": counts(new=1)}
    assert report.bundles[1].from_unit == C1
    assert report.waiting == 0 and report.exit_code == EXIT_OK
    assert held_rows(prov) == []
    assert strip(prov.get("nominations", nom["id"])) == strip(nom)
    assert outcomes(prov, C1) == []


def test_a_waiting_version_overtaken_by_a_newer_one_in_the_same_import_never_waits(pc):
    """Both bundles imported at once: the first version is held, then overtaken within the same import."""
    prov, c1, tmp = pc
    ghost, who = person(c1, "Người chưa gửi"), person(c1, "Lý Thị Mai")
    nom = nomination(c1, ghost, title="BANG_KHEN_TINH", status="submitted")
    first = plain(c1, PROVINCE, tmp)
    rewrite(first, c1, drop={"people": {ghost["id"]}})
    fixed = c1.update("nominations", nom["id"], {"subject_id": who["id"], "subject_name": who["full_name"]})
    second = plain(c1, PROVINCE, tmp)
    rewrite(second, c1, drop={"people": {ghost["id"]}})
    report = import_bundles(prov, [first, second])
    assert [b.counts["nominations"] for b in report.bundles] == [counts(held=1), counts(new=1)]
    assert report.waiting == 0 and held_rows(prov) == []
    assert strip(prov.get("nominations", nom["id"])) == strip(fixed)


def test_a_waiting_version_overtaken_by_a_newer_one_leaves_the_waiting_list(pc):
    """The ward nominates someone it has not sent yet (the version waits), then corrects the subject to a
    person the office has: the corrected version, which has seen the first, is applied and the first stops
    waiting for a record that may never come."""
    prov, c1, tmp = pc
    ghost, who = person(c1, "Người chưa gửi"), person(c1, "Lý Thị Mai")
    nom = nomination(c1, ghost, title="BANG_KHEN_TINH", status="submitted")
    first = plain(c1, PROVINCE, tmp)
    rewrite(first, c1, drop={"people": {ghost["id"]}})
    assert import_bundles(prov, [first]).waiting == 1
    assert [r["record_id"] for r in held_rows(prov)] == [nom["id"]]
    fixed = c1.update("nominations", nom["id"], {"subject_id": who["id"], "subject_name": who["full_name"]})
    second = plain(c1, PROVINCE, tmp)
    rewrite(second, c1, drop={"people": {ghost["id"]}})
    report = import_bundles(prov, [second])
    assert report.bundles[0].counts["nominations"] == counts(new=1)
    assert report.waiting == 0 and report.exit_code == EXIT_OK
    assert held_rows(prov) == []
    assert strip(prov.get("nominations", nom["id"])) == strip(fixed)
    assert prov.get("people", ghost["id"]) is None


def test_a_waiting_edit_of_a_record_already_here_is_applied_as_an_edit(pc):
    """A nomination the office holds is moved to a person not sent yet: the edit waits, then is applied to
    the record here (an update, not a second record) when the person comes."""
    prov, c1, tmp = pc
    who, later = person(c1, "Lý Thị Mai"), person(c1, "Trần Văn Hậu")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted")
    first = plain(c1, PROVINCE, tmp)
    rewrite(first, c1, drop={"people": {later["id"]}})
    import_bundles(prov, [first])
    assert prov.get("nominations", nom["id"])["subject_id"] == who["id"]
    moved = c1.update("nominations", nom["id"], {"subject_id": later["id"], "subject_name": later["full_name"]})
    second = plain(c1, PROVINCE, tmp)
    rewrite(second, c1, drop={"people": {later["id"]}})
    report = import_bundles(prov, [second])
    assert report.bundles[0].counts["nominations"] == counts(held=1) and report.waiting == 1
    assert prov.get("nominations", nom["id"])["subject_id"] == who["id"]  # the version held stays meanwhile
    third = plain(c1, PROVINCE, tmp)
    rewrite(third, c1, drop={"nominations": {nom["id"]}})
    report = import_bundles(prov, [third])
    assert [(x.source, x.counts) for x in report.bundles[1:]] == [(HELD_SOURCE, {"nominations": counts(updated=1)})]
    assert report.waiting == 0 and report.exit_code == EXIT_OK and held_rows(prov) == []
    assert strip(prov.get("nominations", nom["id"])) == strip(moved)
    assert prov.db.execute("SELECT COUNT(*) FROM nominations WHERE id = ?", [nom["id"]]).fetchone()[0] == 1


def test_a_row_before_its_parent_in_the_same_bundle_is_applied_after_it(pc):
    prov, c1, tmp = pc
    campaign = prov.insert("campaigns", {"name": "Thi đua 2026", "campaign_type": "regular", "issued_by": PROVINCE})
    top = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Thu ngân sách", "comparator": "at_least",
                                  "value": 100})
    detail = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "trong đó thu thuế",
                                     "comparator": "at_least", "value": 50, "parent_target_id": top["id"]})
    path = plain(prov, C1, tmp)
    rewrite(path, prov, order={"targets": [detail["id"], top["id"]]})
    report = import_bundles(c1, [path])
    assert [x.counts for x in report.bundles] == [{"campaigns": counts(new=1), "targets": counts(new=2)}]
    assert report.waiting == 0 and held_rows(c1) == [] and report.exit_code == EXIT_OK
    assert strip(c1.get("targets", detail["id"])) == strip(prov.get("targets", detail["id"]))


def test_a_chain_of_waiting_rows_is_applied_in_one_import(pc):
    prov, c1, tmp = pc
    campaign = prov.insert("campaigns", {"name": "Thi đua 2026", "campaign_type": "regular", "issued_by": PROVINCE})
    top = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Tổng", "comparator": "at_least",
                                  "value": 100})
    mid = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "trong đó", "comparator": "at_least",
                                  "value": 50, "parent_target_id": top["id"]})
    low = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "trong đó nữa", "comparator": "at_least",
                                  "value": 20, "parent_target_id": mid["id"]})
    first = plain(prov, C1, tmp)
    rewrite(first, prov, drop={"targets": {top["id"], mid["id"]}})
    second = plain(prov, C1, tmp)
    rewrite(second, prov, drop={"targets": {top["id"], low["id"]}, "campaigns": {campaign["id"]}})
    r1 = import_bundles(c1, [first])
    r2 = import_bundles(c1, [second])
    assert r1.bundles[0].counts == {"campaigns": counts(new=1), "targets": counts(held=1)} and r1.waiting == 1
    assert r2.bundles[0].counts == {"targets": counts(held=1)} and r2.waiting == 1
    assert [h["record_id"] for h in held_rows(c1)] == [low["id"], mid["id"]]
    third = plain(prov, C1, tmp)
    rewrite(third, prov, drop={"targets": {mid["id"], low["id"]}, "campaigns": {campaign["id"]}})
    r3 = import_bundles(c1, [third])
    assert [(x.source, x.counts) for x in r3.bundles] == [
        (str(third), {"targets": counts(new=1)}), (HELD_SOURCE, {"targets": counts(new=2)})]
    assert held_rows(c1) == [] and r3.waiting == 0
    for t in (top, mid, low):
        assert strip(c1.get("targets", t["id"])) == strip(prov.get("targets", t["id"]))


def test_a_reference_to_a_record_the_sender_may_not_see_is_refused(pc, tmp_path):
    prov, c1, tmp = pc
    other = make_node(tmp_path, COMMUNES[1])
    pair(prov, other)
    stranger = person(other, "Người phường khác")
    import_bundles(prov, [plain(other, PROVINCE, tmp)])
    nom = forge_new(c1, "nominations", {
        "subject_kind": "person", "subject_id": stranger["id"], "subject_name": "Người phường khác",
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2025, "unit_code": C1},
        owner=C1, writer=C1)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"nominations": [nom]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.counts == {"nominations": counts(rejected=1)}
    assert b.rejected == [{"table": "nominations", "id": nom["id"], "code": "forged_ref", "reason": (
        f"trường “Mã đối tượng” trỏ tới bản ghi của đơn vị {COMMUNES[1]}, không thuộc phạm vi của {C1}")}]
    assert prov.get("nominations", nom["id"]) is None
    other.close()


# --------------------------------------------------------------------------- owners and authority


def test_a_row_changing_its_owner_is_refused_whole(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    before = canonical_dump(prov)
    moved = forge(strip(who), C1, install=who["origin_install"], clock=who["clock"] + 5, full_name="Đổi chủ")
    moved["owner_unit"] = COMMUNES[1]
    moved["rev"] = rev_of(moved)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [moved]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    reason = f"bản ghi ở đây thuộc đơn vị {C1}, gói không được đổi sang {COMMUNES[1]}"
    assert b.rejected == [{"table": "people", "id": who["id"], "reason": reason, "code": "owner_change"}]
    assert b.counts == {"people": counts(rejected=1)}
    assert canonical_dump(prov) == before
    assert [o["code"] for o in outcomes(prov, C1)] == ["owner_change"]


def test_a_new_row_with_one_field_written_without_authority_is_refused_whole(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = forge_new(c1, "nominations", {
        "subject_kind": "person", "subject_id": who["id"], "subject_name": "Lý Thị Mai", "status": "approved",
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2025, "unit_code": C1},
        owner=C1, writer=C1)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [strip(who)], "nominations": [nom]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    reason = ("đơn vị 31147 không tự chuyển đề nghị sang “approved” được: đề nghị này do 92 thẩm định và quyết "
              "định")
    assert b.rejected == [{"table": "nominations", "id": nom["id"], "reason": reason, "code": "self_approval"}]
    assert b.counts == {"people": counts(new=1), "nominations": counts(rejected=1)}
    assert prov.get("nominations", nom["id"]) is None
    # a tombstone flag left at 0 and empty fields are not writes
    fine = forge_new(c1, "nominations", {
        "subject_kind": "person", "subject_id": who["id"], "subject_name": "Lý Thị Mai", "status": "submitted",
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2025, "unit_code": C1},
        owner=C1, writer=C1)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"nominations": [fine]})
    report = import_bundles(prov, [path])
    assert report.bundles[0].counts["nominations"] == counts(new=1)


def test_a_new_owned_row_with_one_field_stamped_by_an_upper_office_is_refused_whole(pc):
    """A new row whose every write is its writers' is taken without judging each field; one field written by a
    unit in the bundle's scope that is not a writer of the record (the province, for a ward's person) still
    refuses the row whole."""
    prov, c1, tmp = pc
    mine = forge_new(c1, "people", {"full_name": "Trần Văn An", "unit_code": C1}, owner=C1, writer=C1)
    forged = forge_new(c1, "people", {"full_name": "Lê Thị Bình", "unit_code": C1, "position": "Chủ tịch"},
                       owner=C1, writer=C1)
    stamps = json.loads(forged["stamps"])
    stamps["position"] = [1, "forged0000000000", 9999, PROVINCE]
    forged["stamps"] = dump(stamps)
    forged["rev"] = rev_of(forged)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [mine, forged]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert [(r["id"], r["code"]) for r in b.rejected] == [(forged["id"], "no_authority")]
    assert b.counts == {"people": counts(new=1, rejected=1)}
    assert prov.get("people", forged["id"]) is None
    assert prov.get("people", mine["id"])["full_name"] == "Trần Văn An"


def test_each_new_nomination_is_judged_by_the_office_that_decides_its_own_title_and_year(pc):
    """Who appraises a nomination depends on its title and year (the commune decides some titles itself, and
    which ones changed over the years), so one bundle of nominations of the same ward is judged row by row: the
    import remembers the parties of a record by owner, title and year, never by owner alone."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")

    def approved(title: str, year: int) -> dict[str, Any]:
        return forge_new(c1, "nominations", {
            "subject_kind": "person", "subject_id": who["id"], "subject_name": "Lý Thị Mai", "status": "approved",
            "title_code": title, "award_kind": "cong_trang", "year": year, "unit_code": C1}, owner=C1, writer=C1)

    # the ward decides LĐTT, and CSTĐCS since 2024; the province decides a Bằng khen, and CSTĐCS of 2019
    ldtt, bang_khen, cstdcs, cstdcs_2019 = (approved("LDTT", 2025), approved("BANG_KHEN_TINH", 2025),
                                            approved("CSTDCS", 2025), approved("CSTDCS", 2019))
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [strip(who)], "nominations": [ldtt, bang_khen, cstdcs, cstdcs_2019]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert [(r["id"], r["code"]) for r in b.rejected] == [(bang_khen["id"], "self_approval"),
                                                          (cstdcs_2019["id"], "self_approval")]
    assert b.counts == {"people": counts(new=1), "nominations": counts(new=2, rejected=2)}
    assert strip(prov.get("nominations", ldtt["id"])) == ldtt
    assert strip(prov.get("nominations", cstdcs["id"])) == cstdcs
    assert prov.get("nominations", bang_khen["id"]) is None and prov.get("nominations", cstdcs_2019["id"]) is None


def test_every_field_of_a_new_row_is_judged_even_after_empty_ones(pc):
    """A field the sender may not write is found wherever it stands in the row: after empty fields
    (campaign_id, period … come before appraisal_note) the check goes on to the end."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = forge_new(c1, "nominations", {
        "subject_kind": "person", "subject_id": who["id"], "subject_name": "Lý Thị Mai", "status": "submitted",
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2025, "unit_code": C1,
        "campaign_id": None, "period": None, "appraisal_note": "Tự nhận xét"},
        owner=C1, writer=C1)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [strip(who)], "nominations": [nom]})
    before = canonical_dump(prov)
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    reason = "chỉ 92 (cơ quan thẩm định) ghi được “Ý kiến thẩm định”"
    assert b.rejected == [{"table": "nominations", "id": nom["id"], "reason": reason, "code": "no_authority"}]
    assert b.counts == {"people": counts(new=1), "nominations": counts(rejected=1)}
    assert prov.get("nominations", nom["id"]) is None
    after = canonical_dump(prov)
    assert {t: rows for t, rows in after.items() if t != "people"} == {
        t: rows for t, rows in before.items() if t != "people"}


def test_a_new_row_written_by_no_one_named_is_judged_as_the_senders(pc):
    prov, c1, tmp = pc
    row = forge_new(prov, "people", {"full_name": "Người lạ", "unit_code": C1}, owner=C1, writer=PROVINCE)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [row]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert [(r["code"], r["reason"]) for r in b.rejected] == [
        ("no_authority", "đơn vị 92 không có quyền sửa “Họ và tên” của cá nhân do đơn vị 31147 quản lý")]


def test_a_field_written_without_authority_is_refused_and_the_rest_of_the_row_applied(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted", achievement="Ban đầu")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    held_version = prov.get("nominations", nom["id"])
    forged = forge(strip(nom), C1, install=nom["origin_install"], clock=nom["clock"] + 5,
                   achievement="Sửa hợp lệ", appraisal_note="Tự nhận xét")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"nominations": [forged]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    reason = "chỉ 92 (cơ quan thẩm định) ghi được “Ý kiến thẩm định”"
    assert b.counts == {"nominations": counts(merged=1)}
    assert b.refused_fields == [{"table": "nominations", "id": nom["id"], "field": "appraisal_note", "reason": reason}]
    assert b.refused_fields_total == 1 and b.conflicts == [] and report.exit_code == EXIT_REFUSED
    now = prov.get("nominations", nom["id"])
    assert (now["achievement"], now["appraisal_note"]) == ("Sửa hợp lệ", held_version["appraisal_note"])
    assert outcomes(prov, C1) == [{"table_name": "nominations", "record_id": nom["id"], "field_name": "appraisal_note",
                                   "state": "refused", "code": "no_authority", "reason": reason,
                                   "missing_table": None, "missing_id": None}]
    assert outcome_sources(prov, C1) == [(nom["id"], forged["rev"], b.bundle_id)]


def test_a_ward_cannot_take_back_a_refusal_it_has_seen(pc):
    """The office refused the nomination; a version from the ward that has seen the refusal and sets the status
    back to "submitted" is refused on that field: the office's verdict stands."""
    from tdkt_desktop.store import office

    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted", achievement="Ban đầu")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    office.receive(prov, nom["id"])
    office.reject(prov, nom["id"], reason="Chưa đủ tiêu chuẩn")
    approved = prov.get("nominations", nom["id"])
    assert approved["status"] == "rejected"
    forged = forge(strip(approved), C1, install=nom["origin_install"], clock=nom["clock"] + 5, status="submitted")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"nominations": [forged]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    now = prov.get("nominations", nom["id"])
    assert (now["status"], now["status_reason"]) == ("rejected", "Chưa đủ tiêu chuẩn")
    assert [(f["field"], f["table"]) for f in b.refused_fields] == [("status", "nominations")]
    assert "không tự chuyển đề nghị sang “submitted”" in b.refused_fields[0]["reason"]
    assert report.exit_code == EXIT_REFUSED


# --------------------------------------------------------------------------- versions


def test_a_record_edited_twice_between_bundles_arrives_as_its_last_version(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai", position="Giáo viên")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    c1.update("people", who["id"], {"position": "Hiệu phó"})
    c1.update("people", who["id"], {"position": "Hiệu trưởng", "phone": "0901"})
    last = c1.get("people", who["id"])
    report = import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    assert report.bundles[0].counts == {"people": counts(updated=1)} and report.exit_code == EXIT_OK
    assert strip(prov.get("people", who["id"])) == strip(last)
    # the version is kept as the ward's (it is not sent back to it)
    (came_from,) = prov.db.execute("SELECT local_from FROM people WHERE id = ?", [who["id"]]).fetchone()
    assert came_from == last["origin_install"]
    # the same versions again: nothing changes; an older one is stale
    again = plain(c1, PROVINCE, tmp)
    rewrite(again, c1, {"people": [strip(last)]})
    assert import_bundles(prov, [again]).bundles[0].counts == {"people": counts(unchanged=1)}
    old = plain(c1, PROVINCE, tmp)
    rewrite(old, c1, {"people": [strip(who)]})
    assert import_bundles(prov, [old]).bundles[0].counts == {"people": counts(stale=1)}
    assert strip(prov.get("people", who["id"])) == strip(last)


@pytest.fixture
def both_edited(pc):
    """A submitted nomination known on both sides; then the ward withdraws it while the province receives it."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    import_bundles(c1, [plain(prov, C1, tmp)])
    c1.update("nominations", nom["id"], {"status": "draft"})
    prov.update("nominations", nom["id"], {"status": "received"})
    return prov, c1, tmp, nom


def test_a_status_written_at_both_places_is_the_offices_at_the_office(both_edited):
    prov, c1, tmp, nom = both_edited
    sent = c1.get("nominations", nom["id"])
    report = import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    (b,) = report.bundles
    assert outcome_sources(prov, C1) == [(nom["id"], sent["rev"], b.bundle_id)]  # the receipt names the version
    reason = "cùng một trường được sửa ở hai nơi"
    assert b.counts == {"nominations": counts(merged=1, conflict=1)}
    assert b.conflicts == [{"table": "nominations", "id": nom["id"], "field": "status", "kind": "collision",
                            "kept": "received", "other": "draft", "other_from": "incoming", "reason": reason}]
    assert report.exit_code == EXIT_ATTENTION
    assert prov.get("nominations", nom["id"])["status"] == "received"
    assert outcomes(prov, C1) == [{"table_name": "nominations", "record_id": nom["id"], "field_name": "status",
                                   "state": "review", "code": "collision", "reason": reason,
                                   "missing_table": None, "missing_id": None}]
    assert [(r["table_name"], r["record_id"], r["field_name"]) for r in
            prov.db.query("SELECT * FROM reviews")] == [("nominations", nom["id"], "status")]


def test_a_status_written_at_both_places_is_the_offices_at_the_ward(both_edited):
    prov, c1, tmp, nom = both_edited
    report = import_bundles(c1, [plain(prov, C1, tmp)])
    (b,) = report.bundles
    assert b.counts == {"nominations": counts(merged=1, conflict=1)}
    assert b.conflicts == [{"table": "nominations", "id": nom["id"], "field": "status", "kind": "collision",
                            "kept": "received", "other": "draft", "other_from": "held",
                            "reason": "cùng một trường được sửa ở hai nơi"}]
    assert c1.get("nominations", nom["id"])["status"] == "received"
    assert outcomes(c1, PROVINCE) == []  # the value not applied was the ward's own: nothing to send back
    # both sides end with the same version
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    assert strip(prov.get("nominations", nom["id"])) == strip(c1.get("nominations", nom["id"]))


def test_a_version_received_again_is_unchanged_after_the_same_checks(pc):
    """A received version the same as the one held (one revision) is left as it is without the row held being
    read whole; what is checked before still is, against the row held: here its owner, changed behind the
    application's back, refuses the row, and a new row of the same bundle referring to that record is judged
    by the owner held."""
    prov, c1, tmp = pc
    moved, kept = person(c1, "Lý Thị Mai"), person(c1, "Trần Văn An")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    with prov.atomic():
        prov.db.execute("UPDATE people SET owner_unit = ? WHERE id = ?", [COMMUNES[1], moved["id"]])
    before = canonical_dump(prov)
    nom = nomination(c1, moved)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [strip(moved), strip(kept)], "nominations": [strip(nom)]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    reason = f"bản ghi ở đây thuộc đơn vị {COMMUNES[1]}, gói không được đổi sang {C1}"
    ref = f"trường “Mã đối tượng” trỏ tới bản ghi của đơn vị {COMMUNES[1]}, không thuộc phạm vi của {C1}"
    assert b.rejected == [{"table": "people", "id": moved["id"], "reason": reason, "code": "owner_change"},
                          {"table": "nominations", "id": nom["id"], "reason": ref, "code": "forged_ref"}]
    assert b.counts == {"people": counts(unchanged=1, rejected=1), "nominations": counts(rejected=1)}
    assert canonical_dump(prov) == before


def test_a_refused_field_reported_once_is_cleared_when_a_good_version_arrives(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    moved = forge(strip(who), C1, install=who["origin_install"], clock=who["clock"] + 5)
    moved["owner_unit"] = COMMUNES[1]
    moved["rev"] = rev_of(moved)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [moved]})
    import_bundles(prov, [path])
    assert [o["code"] for o in outcomes(prov, C1)] == ["owner_change"]
    c1.update("people", who["id"], {"position": "Hiệu phó"})
    report = import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    assert report.bundles[0].counts == {"people": counts(updated=1)}
    assert outcomes(prov, C1) == []


# --------------------------------------------------------------------------- whole bundles


def test_a_bundle_for_another_unit_is_refused_and_changes_nothing(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, manifest=lambda m: m["to"].update(unit_code=COMMUNES[2]))
    before = canonical_dump(prov)
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert (b.status, b.error_code) == ("refused", "not_for_us")
    assert b.message == (f"Gói {path} gửi cho đơn vị {COMMUNES[2]}, không phải đơn vị của bản cài đặt này (92). Gói "
                         "không được nhập; hãy chuyển gói cho đúng đơn vị nhận.")
    assert canonical_dump(prov) == before and report.exit_code == EXIT_REFUSED


def test_a_bundle_imported_twice_changes_nothing_and_a_replay_with_other_content_is_refused(pc):
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    import_bundles(prov, [path])
    before = canonical_dump(prov)
    again = import_bundles(prov, [path])
    assert [(b.status, b.message, b.counts) for b in again.bundles] == [
        ("already", "Gói này đã được nhập trước đây; không có gì thay đổi.", {})]
    assert again.exit_code == EXIT_OK
    rewrite(path, c1, {"people": [forge(strip(who), C1, install=who["origin_install"], clock=who["clock"] + 1,
                                        full_name="Phát lại")]})
    replay = import_bundles(prov, [path])
    (b,) = replay.bundles
    assert (b.status, b.error_code) == ("refused", "replayed")
    assert b.message == (f"Gói {path} mang mã {b.bundle_id} trùng với một gói đã nhập nhưng nội dung khác. Đây có thể "
                         "là gói bị làm giả hoặc phát lại; gói bị từ chối, dữ liệu không thay đổi. Hãy liên hệ đơn vị "
                         "gửi.")
    assert canonical_dump(prov) == before


def test_a_gap_in_the_senders_changes_is_reported_and_the_counter_kept(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    first = plain(c1, PROVINCE, tmp)
    covered = manifest_of(first)["counter"]
    report = import_bundles(prov, [first])
    assert report.bundles[0].gaps == []
    install = c1.install_id
    assert prov.db.execute("SELECT covered_to, unit_code FROM sync_counters WHERE origin_install = ?",
                           [install]).fetchone() == (covered["to"], C1)
    person(c1, "Trần Văn Nam")
    later = plain(c1, PROVINCE, tmp)
    start = covered["to"] + 3
    rewrite(later, c1, manifest=lambda m: m["counter"].update({"from": start, "to": start + 1}))
    report = import_bundles(prov, [later])
    (b,) = report.bundles
    assert b.gaps == [{"install_id": install, "unit_code": C1, "from": covered["to"] + 1, "to": start - 1}]
    assert "Thiếu thay đổi số" in report.summary()
    assert prov.db.execute("SELECT covered_to FROM sync_counters WHERE origin_install = ?",
                           [install]).fetchone()[0] == start + 1
    # the next bundle right after it: no gap, and a lower "to" never lowers what is covered
    person(c1, "Lê Thị Hoa")
    next_one = plain(c1, PROVINCE, tmp)
    rewrite(next_one, c1, manifest=lambda m: m["counter"].update({"from": start + 2, "to": start}))
    report = import_bundles(prov, [next_one])
    assert report.bundles[0].gaps == []
    assert prov.db.execute("SELECT covered_to FROM sync_counters WHERE origin_install = ?",
                           [install]).fetchone()[0] == start + 1


def test_acknowledgements_and_the_missing_previous_bundle_are_noted(pc):
    prov, c1, tmp = pc
    down = plain(prov, C1, tmp)
    import_bundles(c1, [down])
    down_id = manifest_of(down)["bundle_id"]
    person(c1, "Lý Thị Mai")
    up = plain(c1, PROVINCE, tmp)
    rewrite(up, c1, manifest=lambda m: m.update(ack={"bundle_id": down_id}, prev_hash=None))
    report = import_bundles(prov, [up])
    assert report.bundles[0].notes == []
    assert prov.db.execute("SELECT acked_at FROM sync_outgoing WHERE bundle_id = ?", [down_id]).fetchone()[0]
    person(c1, "Trần Văn Nam")
    up2 = plain(c1, PROVINCE, tmp)
    rewrite(up2, c1, manifest=lambda m: m.update(ack={"bundle_id": "không-có"}, prev_hash="0" * 64))
    report = import_bundles(prov, [up2])
    assert report.bundles[0].notes == [
        "Đơn vị 31147 xác nhận đã nhận gói không-có, nhưng gói đó không do bản cài đặt này xuất (có thể cơ sở dữ "
        "liệu đã được khôi phục).",
        "Chưa nhận gói liền trước của 31147; gói này vẫn đủ vì gồm mọi thay đổi chưa được xác nhận.",
    ]


def test_a_dry_run_reports_and_writes_nothing(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    before = canonical_dump(prov)
    history = import_history(prov)
    report = import_bundles(prov, [path], dry_run=True)
    (b,) = report.bundles
    assert (b.status, b.counts, report.import_id, report.backup_path) == (
        "checked", {"people": counts(new=1)}, None, None)
    assert canonical_dump(prov) == before and import_history(prov) == history
    real = import_bundles(prov, [path])
    assert real.bundles[0].status == "merged" and real.import_id is not None
    assert server_engine() or (real.backup_path and Path(real.backup_path).is_file())  # a server: pg_dump
    [last, *_] = import_history(prov)
    assert last["id"] == real.import_id and last["report"] == json.loads(json.dumps(real.to_dict()))


def test_nothing_to_import(pc, tmp_path):
    prov, _c1, _tmp = pc
    empty = tmp_path / "trống"
    empty.mkdir()
    with pytest.raises(SyncError) as caught:
        import_bundles(prov, [empty])
    assert caught.value.code == "not_found"
    assert str(caught.value) == "Không tìm thấy gói nào để nhập (tệp *.tdktgoi). Hãy kiểm tra đường dẫn."
    report = import_held(prov)
    assert (report.bundles, report.import_id, report.exit_code) == ([], None, EXIT_OK)


def test_a_bundle_from_a_unit_not_enrolled_is_held_then_merged_after_enrolment(pc, tmp_path):
    prov, _c1, tmp = pc
    other = make_node(tmp_path, COMMUNES[1])
    enroll(other, read_enrolment(export_enrolment(prov)), confirmed=True)
    person(other, "Người phường khác")
    path = plain(other, PROVINCE, tmp)
    trial = import_bundles(prov, [path], dry_run=True)
    assert trial.bundles[0].status == "held" and list_held(prov) == []
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.status == "held" and report.exit_code == EXIT_ATTENTION
    [kept] = list_held(prov)
    assert (kept["fingerprint"], kept["from_unit"], kept["bundle_id"]) == (
        _keys.own_fingerprint(other), COMMUNES[1], b.bundle_id)
    assert b.message.startswith(f"Đơn vị {COMMUNES[1]} chưa được ghi danh (khóa ")
    assert b.message.endswith("”), chạy “tdkt bundle held --retry”.")
    enroll(prov, read_enrolment(export_enrolment(other)), confirmed=True)
    trial = import_held(prov, dry_run=True)
    assert [(x.status, x.counts) for x in trial.bundles] == [("checked", {"people": counts(new=1)})]
    assert trial.dry_run and trial.backup_path is None and len(list_held(prov)) == 1
    retry = import_held(prov)
    assert [(x.source, x.status, x.counts) for x in retry.bundles] == [
        (f"gói tạm giữ #{kept['id']} ({b.bundle_id})", "merged", {"people": counts(new=1)})]
    assert server_engine() or (retry.backup_path and Path(retry.backup_path).is_file())  # a server: pg_dump
    assert import_held(prov).bundles == [] and list_held(prov) == []
    empty = import_held(prov, dry_run=True)
    assert (empty.dry_run, empty.at != "") == (True, True)
    other.close()


# --------------------------------------------------------------------------- the payload's structure


def repack(path: Path, signer, payload: dict[str, Any], *, counts: dict[str, Any] | None = None) -> None:
    """Write ``payload`` as it is (however wrong) into the plain bundle, with ``counts`` in the manifest, and
    sign it again: only the payload's own checks can refuse it."""
    parts = bundle_parts(path)
    m = json.loads(parts["manifest.json"])
    compressed, plain_sha, plain_size = _bundle.encode_payload(payload)
    m["payload"].update(sha256=_bundle.sha256(compressed), size=len(compressed), plain_sha256=plain_sha,
                        plain_size=plain_size)
    m["counts"] = counts if counts is not None else {t: len(b["rows"]) for t, b in payload["tables"].items()}
    parts["payload.bin"] = compressed
    parts["manifest.json"] = _keys.canonical(m)
    parts["signature.bin"] = _keys.signing_key(signer).sign(_keys.canonical(m))
    write_parts(path, parts)


def _people(payload: dict[str, Any]) -> dict[str, Any]:
    return payload["tables"]["people"]


def _drop_column(block: dict[str, Any], name: str) -> None:
    at = block["columns"].index(name)
    block["columns"].pop(at)
    for row in block["rows"]:
        row.pop(at)


def _bad_tables(p):
    p["tables"] = [_people(p)]
    return p, {}


def _extra_count(p):
    return p, {"people": 1, "units": 0}


def _strange_table(p):
    p["tables"]["strange"] = {"columns": [], "rows": []}
    return p, None


def _block_not_dict(p):
    p["tables"]["people"] = []
    return p, {"people": 0}


def _columns_not_list(p):
    _people(p)["columns"] = "id"
    return p, {"people": 1}


def _rows_not_list(p):
    _people(p)["rows"] = {}
    return p, {"people": 1}


def _missing_rev(p):
    _drop_column(_people(p), "rev")
    return p, None


def _unknown_column(p):
    block = _people(p)
    block["columns"].append("zzz")
    for row in block["rows"]:
        row.append(1)
    return p, None


def _local_column(p):
    block = _people(p)
    block["columns"].append("local_seq")
    for row in block["rows"]:
        row.append(1)
    return p, None


def _twice_a_column(p):
    block = _people(p)
    block["columns"].append("full_name")
    for row in block["rows"]:
        row.append("x")
    return p, None


def _count_mismatch(p):
    return p, {"people": 2}


def _short_row(p):
    _people(p)["rows"][0].pop()
    return p, None


def _row_not_list(p):
    block = _people(p)
    block["rows"][0] = dict(zip(block["columns"], block["rows"][0], strict=True))
    return p, None


def _same_id_twice(p):
    block = _people(p)
    block["rows"].append(list(block["rows"][0]))
    return p, None


@pytest.mark.parametrize(("damage", "tail"), [
    (_bad_tables, ". Hãy xin đơn vị gửi xuất lại gói."),
    (_extra_count, ": số bảng không khớp bản kê. Gói bị từ chối."),
    (_strange_table, ": có bảng lạ “strange”. Hãy cập nhật phần mềm hoặc xin xuất lại gói."),
    (_block_not_dict, " (bảng people)."),
    (_columns_not_list, " (bảng people)."),
    (_rows_not_list, " (bảng people)."),
    (_missing_rev, ": cột của bảng people không khớp lược đồ. Gói bị từ chối."),
    (_unknown_column, ": cột của bảng people không khớp lược đồ. Gói bị từ chối."),
    (_local_column, ": cột của bảng people không khớp lược đồ. Gói bị từ chối."),
    (_twice_a_column, ": cột của bảng people không khớp lược đồ. Gói bị từ chối."),
    (_count_mismatch, ": số bản ghi bảng people không khớp bản kê. Gói bị từ chối."),
    (_short_row, ": bản ghi bảng people sai số cột."),
    (_row_not_list, ": bản ghi bảng people sai số cột."),
    (_same_id_twice, ": bảng people có bản ghi trùng mã."),
])
def test_a_payload_out_of_shape_is_refused_whole(pc, damage, tail):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    payload, given = damage(plain_payload(path))
    repack(path, c1, payload, counts=given)
    before = canonical_dump(prov)
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert (b.status, b.error_code, b.message, b.counts) == (
        "refused", "tampered", f"Nội dung gói {path} sai cấu trúc{tail}", {})
    assert canonical_dump(prov) == before and report.exit_code == EXIT_REFUSED


def test_a_bundle_from_an_older_schema_is_refused_with_what_to_do(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    payload = plain_payload(path)
    _drop_column(_people(payload), "phone")
    repack(path, c1, payload)
    schema = json.loads(bundle_parts(path)["manifest.json"])["schema_version"]
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert (b.status, b.error_code) == ("refused", "older_schema")
    assert b.message == (
        f"Gói {path} được tạo từ cơ sở dữ liệu lược đồ {schema}, cũ hơn lược đồ ở đây ({prov.schema_version()}) và "
        "khác cột của bảng people. Hãy đề nghị đơn vị gửi cập nhật TĐKT Desktop rồi xuất lại gói; dữ liệu chưa "
        "thay đổi.")


# --------------------------------------------------------------------------- who sent it, with which key


def held_message(reason: str, fp: str) -> str:
    return (f"{reason} Gói được tạm giữ, chưa hợp nhất. Sau khi đối chiếu dấu vân tay {fp} và ghi danh "
            "(“tdkt enroll TỆP”), chạy “tdkt bundle held --retry”.")


def test_a_bundle_signed_with_the_key_of_another_unit_is_refused(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, manifest=lambda m: m["origin"].update(unit_code=COMMUNES[1]))
    before = canonical_dump(prov)
    (b,) = import_bundles(prov, [path]).bundles
    assert (b.status, b.error_code) == ("refused", "wrong_origin")
    assert b.message == (f"Gói {path} tự nhận là của đơn vị {COMMUNES[1]} nhưng được ký bằng khóa của đơn vị {C1}. "
                         "Gói bị từ chối, dữ liệu không thay đổi. Hãy liên hệ hai đơn vị để làm rõ.")
    assert canonical_dump(prov) == before


def test_a_bundle_signed_with_a_revoked_key_is_refused(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    fp = revoke_peer(prov, C1)
    assert fp == _keys.own_fingerprint(c1)
    (b,) = import_bundles(prov, [path]).bundles
    assert (b.status, b.error_code) == ("refused", "revoked_key")
    assert b.message == (f"Gói {path} được ký bằng khóa {fp} mà đơn vị {C1} đã thu hồi (máy bị mất hoặc khóa bị lộ). "
                         "Gói bị từ chối, dữ liệu không thay đổi. Hãy liên hệ đơn vị đó để nhận tệp đăng ký khóa mới.")


def test_bundles_signed_by_a_key_not_trusted_yet_are_held_with_the_reason(pc, tmp_path):
    prov, c1, tmp = pc
    # a key recorded here but not confirmed
    other = make_node(tmp_path, COMMUNES[1])
    enroll(other, read_enrolment(export_enrolment(prov)), confirmed=True)
    enroll(prov, read_enrolment(export_enrolment(other)), confirmed=False)
    person(other, "Người phường khác")
    path = plain(other, PROVINCE, tmp)
    fp_other = _keys.own_fingerprint(other)
    (b,) = import_bundles(prov, [path]).bundles
    assert (b.status, b.message) == ("held", held_message(
        f"Khóa {fp_other} của đơn vị {COMMUNES[1]} đã được ghi nhận nhưng chưa được xác nhận.", fp_other))
    other.close()
    # the ward's key file lost: a new key, not the one enrolled
    person(c1, "Lý Thị Mai")
    old_path = plain(c1, PROVINCE, tmp)
    old_fp = _keys.own_fingerprint(c1)
    _keys.key_file(c1).unlink()
    new_fp = _keys.new_keys(c1)
    new_path = plain(c1, PROVINCE, tmp)
    (b,) = import_bundles(prov, [new_path]).bundles
    assert (b.status, b.message) == ("held", held_message(
        f"Gói được ký bằng khóa mới {new_fp}, khác khóa đã ghi danh của đơn vị {C1} ({old_fp}); có thể đơn vị đã "
        "cài lại phần mềm. Cần xác nhận thay khóa.", new_fp))
    # the new key confirmed: a bundle signed with the old one is held
    enroll(prov, read_enrolment(export_enrolment(c1)), confirmed=True)
    (b,) = import_bundles(prov, [old_path]).bundles
    assert (b.status, b.message) == ("held", held_message(
        f"Gói được ký bằng khóa cũ của đơn vị {C1} (đã được thay bằng khóa {new_fp}).", old_fp))


def test_a_bundle_from_another_installation_of_the_unit(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, manifest=lambda m: m["origin"].update(install_id="khac0000000000ab", previous_installs=[]))
    (b,) = import_bundles(prov, [path]).bundles
    assert (b.status, b.error_code) == ("refused", "wrong_origin")
    assert b.message == (f"Gói {path} ghi bản cài đặt khac0000000000ab nhưng khóa đã ghi danh thuộc bản cài đặt "
                         f"{c1.install_id} của đơn vị {C1}. Gói bị từ chối.")
    # restored from a backup: the new identity names the enrolled one as its previous installation
    restored = plain(c1, PROVINCE, tmp)
    rewrite(restored, c1, manifest=lambda m: m["origin"].update(install_id="moi00000000000ab",
                                                                previous_installs=[c1.install_id]))
    report = import_bundles(prov, [restored])
    (b,) = report.bundles
    assert b.status == "merged" and b.counts == {"people": counts(new=1)}
    assert b.notes[0] == (f"Đơn vị {C1} đã khôi phục cơ sở dữ liệu từ bản sao lưu (định danh bản cài đặt mới "
                          "moi00000000000ab); các thay đổi sau ngày sao lưu của đơn vị đó mang định danh mới.")


def test_a_bundle_going_the_wrong_way_is_refused(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, manifest=lambda m: m.update(direction="down"))
    (b,) = import_bundles(prov, [path]).bundles
    assert (b.status, b.error_code, b.direction) == ("refused", "not_related", None)
    assert b.message == (f"Đơn vị {C1} không phải cấp trên trực tiếp hay đơn vị trực thuộc trực tiếp của {PROVINCE} "
                         "(theo danh mục đơn vị ở đây), nên gói không được nhập. Hãy kiểm tra danh mục đơn vị.")
    good = plain(c1, PROVINCE, tmp)
    (b,) = import_bundles(prov, [good]).bundles
    assert (b.status, b.direction, b.from_unit) == ("merged", "up", C1)
    (b,) = import_bundles(c1, [plain(prov, C1, tmp)]).bundles
    assert (b.status, b.direction, b.from_unit) == ("merged", "down", PROVINCE)


def test_an_encrypted_bundle_merges_and_one_for_another_key_is_refused(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    good = tmp / "ma-hoa.tdktgoi"
    export_bundle(c1, PROVINCE, good)
    assert json.loads(bundle_parts(good)["manifest.json"])["payload"]["encrypted"]
    other = tmp / "khoa-khac.tdktgoi"
    export_bundle(c1, PROVINCE, other)
    parts = bundle_parts(other)
    m = json.loads(parts["manifest.json"])
    m["payload"]["recipient_fingerprint"] = "AAAA-BBBB"
    parts["manifest.json"] = _keys.canonical(m)
    parts["signature.bin"] = _keys.signing_key(c1).sign(_keys.canonical(m))
    write_parts(other, parts)
    (b,) = import_bundles(prov, [other]).bundles
    assert (b.status, b.error_code) == ("refused", "cannot_decrypt")
    assert b.message == (f"Gói {other} được mã hóa cho một khóa khác của đơn vị {PROVINCE} (AAAA-BBBB), không phải "
                         f"khóa hiện tại ({_keys.own_fingerprint(prov)}) — có thể trước khi cài lại. Hãy gửi tệp đăng "
                         f"ký khóa mới cho {C1} (“tdkt keys export”) và đề nghị xuất lại gói.")
    (b,) = import_bundles(prov, [good]).bundles
    assert (b.status, b.counts) == ("merged", {"people": counts(new=1)})


def test_a_refused_bundle_does_not_stop_the_others(pc):
    prov, c1, tmp = pc
    person(c1, "Lý Thị Mai")
    bad = plain(c1, PROVINCE, tmp)
    rewrite(bad, c1, manifest=lambda m: m.update(direction="down"))
    person(c1, "Trần Văn Nam")
    good = plain(c1, PROVINCE, tmp)
    report = import_bundles(prov, [bad, good])
    assert [(b.status, b.counts) for b in report.bundles] == [
        ("refused", {}), ("merged", {"people": counts(new=2)})]
    assert report.exit_code == EXIT_REFUSED


# --------------------------------------------------------------------------- the sender's scope


def test_rows_outside_the_senders_scope_are_refused(pc, tmp_path):
    prov, c1, tmp = pc
    campaign = prov.insert("campaigns", {"name": "Thi đua 2026", "campaign_type": "regular", "issued_by": PROVINCE})
    target = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Thu ngân sách",
                                     "comparator": "at_least", "value": 100})
    import_bundles(c1, [plain(prov, C1, tmp)])
    mine = c1.insert("target_results", {"target_id": target["id"], "unit_code": C1, "period": "2026", "value": 50})
    sibling = forge_new(c1, "target_results", {"target_id": target["id"], "unit_code": COMMUNES[1],
                                               "period": "2026", "value": 99999}, owner=C1, writer=C1)
    theirs = forge_new(c1, "people", {"full_name": "Người phường khác", "unit_code": COMMUNES[1]},
                       owner=COMMUNES[1], writer=COMMUNES[1])
    in_their_name = forge(strip(mine), COMMUNES[1], value=70)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [theirs], "target_results": [sibling, in_their_name]})
    before = canonical_dump(prov)
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.rejected == [
        {"table": "people", "id": theirs["id"], "code": "out_of_scope",
         "reason": f"bản ghi thuộc đơn vị {COMMUNES[1]}, không phải {C1} hay đơn vị trực thuộc của {C1}"},
        {"table": "target_results", "id": sibling["id"], "code": "forged_unit",
         "reason": f"trường “Đơn vị” ghi đơn vị {COMMUNES[1]}, không thuộc phạm vi của {C1}"},
        {"table": "target_results", "id": mine["id"], "code": "forged_unit",
         "reason": f"lần ghi “value” mang tên đơn vị {COMMUNES[1]}, không thuộc phạm vi của {C1}"},
    ]
    assert canonical_dump(prov) == before
