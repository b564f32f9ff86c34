"""The adversarial catalogue: a validly signed bundle that tries to write what its sender may not.

Each case is built as a modified program would build it (stamps, version vector and revision consistent, the
bundle signed with the sender's real key), so only scope and authority can refuse it. Each asserts the
outcome (refused, or queued for review), the message, what travels back in the receipt, and that the
database is unchanged where it must be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tdkt_desktop.cli import EXIT_ATTENTION, EXIT_OK, EXIT_REFUSED
from tdkt_desktop.store import office, open_store
from tdkt_desktop.store.authority import NoAuthority
from tdkt_desktop.store.revisions import SYNC_FIELDS
from tdkt_desktop.sync import export_bundle, held_rows, import_bundles, list_reviews, pending

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    canonical_dump,
    copy_installation,
    forge,
    forge_new,
    inject,
    make_node,
    nomination,
    pair,
    person,
    send,
)

C1, C2 = COMMUNES[0], COMMUNES[1]


@pytest.fixture
def net(tmp_path):
    """The province with two wards in step: the province's campaign and target below, each ward's person and
    province-level nomination (Bằng khen) above."""
    prov, c1, c2 = make_node(tmp_path, PROVINCE), make_node(tmp_path, C1), make_node(tmp_path, C2)
    pair(prov, c1)
    pair(prov, c2)
    campaign = prov.insert("campaigns", {"name": "Thi đua 2026", "campaign_type": "regular", "issued_by": PROVINCE})
    target = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Thu ngân sách", "comparator": "at_least",
                                     "value": 100})
    for ward in (c1, c2):
        import_bundles(ward, [send(prov, ward, tmp_path)])
        who = person(ward, f"Cán bộ {ward.unit_code}")
        nomination(ward, who, title="BANG_KHEN_TINH", status="submitted", achievement="Thành tích")
        ward.insert("target_results", {"target_id": target["id"], "unit_code": ward.unit_code, "period": "2026",
                                       "value": 50})
        import_bundles(prov, [send(ward, prov, tmp_path)])
        import_bundles(ward, [send(prov, ward, tmp_path)])
    yield {"prov": prov, "c1": c1, "c2": c2, "campaign": campaign, "target": target, "tmp": tmp_path}
    for s in (prov, c1, c2):
        s.close()


def plain_bundle(src, to: str, tmp: Path, name: str) -> Path:
    path = tmp / f"{name}.tdktgoi"
    export_bundle(src, to, path, encrypt=False)
    return path


def row(store, table: str, **where) -> dict:
    clause = " AND ".join(f"{k} = ?" for k in where)
    (found,) = store.rows(table, clause, list(where.values()))
    return found


def only_rejection(report, table: str) -> dict:
    (b,) = report.bundles
    assert b.status == "merged", report.summary()
    assert b.counts[table]["rejected"] == 1, b.counts
    (r,) = [r for r in b.rejected if r["table"] == table]
    assert r["reason"] in report.summary()
    assert report.exit_code == EXIT_REFUSED
    return r


def content(record: dict) -> dict:
    """A record's content (what a person wrote), without the bookkeeping of its versions."""
    return {k: v for k, v in record.items() if k not in SYNC_FIELDS or k == "deleted"}


def receipt_at(sender, prov, tmp: Path) -> list[dict]:
    """What the sender learns back in the province's next bundle."""
    import_bundles(sender, [send(prov, sender, tmp)])
    return pending(sender, PROVINCE)


# --------------------------------------------------------------------------- forged unit references


def test_result_written_for_a_sibling_ward_is_refused(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    before = row(prov, "target_results", unit_code=C2)
    path = plain_bundle(c1, PROVINCE, tmp, "forged-result")
    mine = row(c1, "target_results", unit_code=C1)
    sibling = forge_new(c1, "target_results", {"target_id": net["target"]["id"], "unit_code": C2, "period": "2026",
                                               "value": 99999}, owner=C1, writer=C1)
    inject(path, c1, {"target_results": [sibling, forge(mine, C1, value=60)]})
    report = import_bundles(prov, [path])
    refusal = only_rejection(report, "target_results")
    assert refusal["code"] == "forged_unit" and C2 in refusal["reason"] and "Đơn vị" in refusal["reason"]
    assert row(prov, "target_results", unit_code=C2) == before  # the sibling's figure is untouched
    assert prov.count("target_results", "unit_code = ?", [C2]) == 1
    assert row(prov, "target_results", unit_code=C1)["value"] == 60  # the rest of the bundle merged
    # the ward learns it, with the reason, in the province's next bundle
    (back,) = receipt_at(c1, prov, tmp)
    assert (back["state"], back["code"], back["record_id"]) == ("refused", "forged_unit", sibling["id"])
    assert "Đọc lý do" in back["advice"]


def test_decision_claiming_the_province_as_issuer_is_refused(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    before = canonical_dump(prov)["decisions"]
    claimed = forge_new(c1, "decisions", {"number": "99", "decision_date": "2026-12-01", "issuer_unit": PROVINCE},
                        owner=C1, writer=C1)
    owned_above = forge_new(c1, "decisions", {"number": "98", "decision_date": "2026-12-01", "issuer_unit": PROVINCE},
                            owner=PROVINCE, writer=C1)
    path = plain_bundle(c1, PROVINCE, tmp, "forged-decision")
    inject(path, c1, {"decisions": [claimed, owned_above]})
    report = import_bundles(prov, [path])
    reasons = {r["id"]: r for r in report.bundles[0].rejected}
    assert reasons[claimed["id"]]["code"] == "forged_unit" and "đơn vị sở hữu" in reasons[claimed["id"]]["reason"]
    assert reasons[owned_above["id"]]["code"] == "out_of_scope" and PROVINCE in reasons[owned_above["id"]]["reason"]
    assert canonical_dump(prov)["decisions"] == before
    assert report.exit_code == EXIT_REFUSED


def test_campaign_claiming_the_province_as_launcher_is_refused(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    before = canonical_dump(prov)["campaigns"]
    forged = forge_new(c1, "campaigns", {"name": "Phong trào giả", "campaign_type": "regular", "issued_by": PROVINCE},
                       owner=C1, writer=C1)
    path = plain_bundle(c1, PROVINCE, tmp, "forged-campaign")
    inject(path, c1, {"campaigns": [forged]})
    refusal = only_rejection(import_bundles(prov, [path]), "campaigns")
    assert refusal["code"] == "forged_unit" and "Đơn vị phát động" in refusal["reason"]
    assert canonical_dump(prov)["campaigns"] == before
    # a copy of the province's directive (its document's issuer named apart) is the ward's own record: accepted
    copy = c1.insert("campaigns", {"name": "Chỉ thị của tỉnh", "campaign_type": "regular", "doc_issuer": PROVINCE,
                                   "doc_number": "12/CT-UBND", "doc_kind": "CT"})
    assert import_bundles(prov, [send(c1, prov, tmp)]).exit_code == EXIT_OK
    assert prov.get("campaigns", copy["id"])["owner_unit"] == C1


def test_nomination_for_a_siblings_person_is_refused(net):
    prov, c1, c2, tmp = net["prov"], net["c1"], net["c2"], net["tmp"]
    theirs = row(c2, "people", owner_unit=C2)
    forged = forge_new(c1, "nominations", {
        "subject_kind": "person", "subject_id": theirs["id"], "subject_name": theirs["full_name"],
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2026, "unit_code": C1,
        "status": "submitted"}, owner=C1, writer=C1)
    path = plain_bundle(c1, PROVINCE, tmp, "forged-subject")
    inject(path, c1, {"nominations": [forged]})
    refusal = only_rejection(import_bundles(prov, [path]), "nominations")
    assert refusal["code"] == "forged_ref" and C2 in refusal["reason"]
    assert prov.get("nominations", forged["id"]) is None


def test_write_signed_in_a_siblings_name_is_refused(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    mine = row(c1, "people", owner_unit=C1)
    path = plain_bundle(c1, PROVINCE, tmp, "forged-writer")
    inject(path, c1, {"people": [forge(mine, C2, full_name="Đổi tên")]})
    refusal = only_rejection(import_bundles(prov, [path]), "people")
    assert refusal["code"] == "forged_unit" and C2 in refusal["reason"]
    assert prov.get("people", mine["id"])["full_name"] == mine["full_name"]


def test_taking_over_a_siblings_record_is_refused(net):
    prov, c1, c2, tmp = net["prov"], net["c1"], net["c2"], net["tmp"]
    theirs = prov.get("people", row(c2, "people", owner_unit=C2)["id"])
    before = dict(theirs)
    path = plain_bundle(c1, PROVINCE, tmp, "forged-owner")
    inject(path, c1, {"people": [forge(theirs, C1, owner_unit=C1, full_name="Đã bị sửa")]})
    refusal = only_rejection(import_bundles(prov, [path]), "people")
    assert refusal["code"] == "owner_change" and "không được đổi" in refusal["reason"]
    assert prov.get("people", theirs["id"]) == before


def test_downward_bundle_naming_another_unit_is_refused(net):
    """Downward, the province sends only its own issuance and the ward's own records: a sibling's record, a
    decision claiming the ward as issuer or a campaign launched in a sibling's name are refused."""
    prov, c1, c2, tmp = net["prov"], net["c1"], net["c2"], net["tmp"]
    theirs = prov.get("people", row(c2, "people", owner_unit=C2)["id"])
    as_ward = forge_new(prov, "decisions", {"number": "97", "decision_date": "2026-12-01", "issuer_unit": C1},
                        owner=PROVINCE, writer=PROVINCE)
    siblings = forge_new(prov, "campaigns", {"name": "Phong trào của phường bên", "campaign_type": "regular",
                                             "issued_by": C2}, owner=C2, writer=PROVINCE)
    before = canonical_dump(c1)
    path = plain_bundle(prov, C1, tmp, "forged-down")
    inject(path, prov, {"people": [theirs], "decisions": [as_ward], "campaigns": [siblings]})
    report = import_bundles(c1, [path])
    (b,) = report.bundles
    reasons = {r["id"]: r for r in b.rejected}
    assert reasons[theirs["id"]]["code"] == "out_of_scope" and C2 in reasons[theirs["id"]]["reason"]
    assert reasons[as_ward["id"]]["code"] == "forged_unit" and "đơn vị sở hữu" in reasons[as_ward["id"]]["reason"]
    assert reasons[siblings["id"]]["code"] in ("out_of_scope", "forged_unit") and C2 in reasons[siblings["id"]]["reason"]
    assert all(r["reason"] in report.summary() for r in reasons.values())
    after = canonical_dump(c1)
    for table in ("people", "decisions", "campaigns"):
        assert after[table] == before[table], table
    assert report.exit_code == EXIT_REFUSED


# --------------------------------------------------------------------------- nominations


def test_self_approval_is_refused_here_and_there(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    nom = row(c1, "nominations", owner_unit=C1)
    with pytest.raises(NoAuthority) as err:
        c1.update("nominations", nom["id"], {"status": "approved"})
    assert err.value.code == "self_approval" and PROVINCE in str(err.value)
    with pytest.raises(NoAuthority):
        office.receive(c1, nom["id"])  # only the appraising office receives it
    assert c1.get("nominations", nom["id"]) == nom
    # a modified program sends the approval anyway, with an ordinary edit: the edit merges, the status does not
    path = plain_bundle(c1, PROVINCE, tmp, "self-approved")
    approved = forge(nom, C1, status="approved", achievement="Thành tích bổ sung")
    created = forge_new(c1, "nominations", {
        "subject_kind": "person", "subject_id": nom["subject_id"], "subject_name": nom["subject_name"],
        "title_code": "BANG_KHEN_TINH", "award_kind": "cong_trang", "year": 2025, "unit_code": C1,
        "status": "approved"}, owner=C1, writer=C1)
    inject(path, c1, {"nominations": [approved, created]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.counts["nominations"]["rejected"] == 1 and b.rejected[0]["code"] == "self_approval"
    (field,) = b.refused_fields
    assert field["field"] == "status" and "tự chuyển" in field["reason"]
    held = prov.get("nominations", nom["id"])
    assert (held["status"], held["achievement"]) == ("submitted", "Thành tích bổ sung")
    assert prov.get("nominations", created["id"]) is None
    assert report.exit_code == EXIT_REFUSED
    back = {(r["record_id"], r["field_name"]): r for r in receipt_at(c1, prov, tmp)}
    assert back[(nom["id"], "status")]["code"] == "self_approval"
    assert back[(created["id"], "")]["state"] == "refused"


def _decide(net) -> tuple[dict, dict]:
    """The province appraises, approves and decides the ward's nomination; the ward receives the outcome."""
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    nom = row(prov, "nominations", owner_unit=C1)
    prov.update("nominations", nom["id"], {"status": "approved"})
    prov.insert("officials", {"unit_code": PROVINCE, "full_name": "Chủ tịch", "title": "Chủ tịch"})
    import datetime as dt

    decision = office.issue_decision(prov, [nom["id"]], decision_date=dt.date(2026, 12, 20), signer="Trần Văn A",
                                     signer_title="Chủ tịch")
    assert import_bundles(c1, [send(prov, c1, tmp)]).exit_code == EXIT_OK
    return c1.get("nominations", nom["id"]), decision


def test_overturning_a_decision_is_refused_and_a_late_edit_is_queued(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    nom = row(prov, "nominations", owner_unit=C1)
    prov.update("nominations", nom["id"], {"status": "rejected", "status_reason": "Chưa đủ thành tích"})
    ward_copy = c1.get("nominations", nom["id"])
    # the ward edits before it hears of the rejection: a concurrent edit
    c1.update("nominations", nom["id"], {"achievement": "Bổ sung sau"})
    report = import_bundles(prov, [send(c1, prov, tmp)])
    assert report.exit_code == EXIT_ATTENTION, report.summary()
    (item,) = list_reviews(prov)
    assert (item["field_name"], item["reason"], item["other"]) == ("achievement", "locked", "Bổ sung sau")
    assert prov.get("nominations", nom["id"])["achievement"] == "Thành tích"
    # both sides end the same: the rejection stands, the ward's value waits in its queue too
    import_bundles(c1, [send(prov, c1, tmp)])
    held = c1.get("nominations", nom["id"])
    assert (held["status"], held["achievement"]) == ("rejected", "Thành tích")
    assert [r["id"] for r in list_reviews(c1)] == [item["id"]]
    assert "trả lại" in list_reviews(c1)[0]["reason_text"] or "cấp trên" in list_reviews(c1)[0]["reason_text"]
    # the ward may not touch it now, here or by a modified program
    with pytest.raises(NoAuthority) as err:
        c1.update("nominations", nom["id"], {"status": "submitted"})
    assert err.value.code == "self_approval"
    with pytest.raises(NoAuthority) as err:
        c1.update("nominations", nom["id"], {"achievement": "Sửa lại"})
    assert err.value.code == "locked" and "trả lại" in str(err.value)
    before = content(prov.get("nominations", nom["id"]))
    path = plain_bundle(c1, PROVINCE, tmp, "overturn")
    inject(path, c1, {"nominations": [forge(held, C1, status="submitted", achievement="Sửa lại")]})
    report = import_bundles(prov, [path])
    (field,) = report.bundles[0].refused_fields
    assert field["field"] == "status" and "tự chuyển" in field["reason"]
    (late,) = [r for r in list_reviews(prov) if r["other"] == "Sửa lại"]
    assert late["reason"] == "locked" and late["id"] == item["id"]  # the same item, with the ward's newer value
    assert content(prov.get("nominations", nom["id"])) == before
    assert report.exit_code == EXIT_REFUSED
    del ward_copy


def test_deleting_a_decided_nomination_is_refused(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    nom, decision = _decide(net)
    assert nom["status"] == "decided"
    with pytest.raises(NoAuthority) as err:
        c1.delete("nominations", nom["id"])
    assert err.value.code == "locked"
    assert c1.get("nominations", nom["id"]) is not None
    before = canonical_dump(prov)
    path = plain_bundle(c1, PROVINCE, tmp, "delete-decided")
    inject(path, c1, {"nominations": [forge(nom, C1, deleted=1)]})
    report = import_bundles(prov, [path])
    assert report.exit_code == EXIT_ATTENTION, report.summary()
    (item,) = list_reviews(prov)
    assert (item["field_name"], item["reason"], item["other"]) == ("deleted", "locked", 1)
    after = canonical_dump(prov)
    assert [content(r) for r in after["nominations"]] == [content(r) for r in before["nominations"]]
    assert after["decision_awardees"] == before["decision_awardees"]
    assert prov.get("nominations", nom["id"])["status"] == "decided"
    assert prov.count("decision_awardees", "decision_id = ?", [decision["id"]]) == 1
    # the award history written by the decision reached the ward, owned by the province
    history = c1.rows("award_history", "subject_id = ?", [nom["subject_id"]])
    assert [(h["code"], h["owner_unit"]) for h in history] == [("BANG_KHEN_TINH", PROVINCE)]


def test_upper_office_cannot_write_a_units_content(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    theirs = row(c1, "people", owner_unit=C1)
    nom = row(c1, "nominations", owner_unit=C1)
    with pytest.raises(NoAuthority):
        prov.update("nominations", nom["id"], {"achievement": "Tỉnh viết lại"})
    before = canonical_dump(c1)
    path = plain_bundle(prov, C1, tmp, "province-writes")
    stray = forge_new(prov, "people", {"full_name": "Người do tỉnh tạo", "unit_code": C1}, owner=PROVINCE,
                      writer=PROVINCE)
    inject(path, prov, {"people": [forge(theirs, PROVINCE, full_name="Tỉnh sửa tên"), stray],
                        "nominations": [forge(nom, PROVINCE, achievement="Tỉnh viết lại", appraisal_note="Đã xem")]})
    report = import_bundles(c1, [path])
    (b,) = report.bundles
    reasons = {r["id"]: r["code"] for r in b.rejected}
    assert reasons == {stray["id"]: "out_of_scope"}
    fields = {(f["id"], f["field"]) for f in b.refused_fields}
    assert fields == {(theirs["id"], "full_name"), (nom["id"], "achievement")}
    after = canonical_dump(c1)
    assert [content(r) for r in after["people"]] == [content(r) for r in before["people"]]
    assert c1.get("nominations", nom["id"])["appraisal_note"] == "Đã xem"  # the appraisal field is the province's
    assert c1.get("nominations", nom["id"])["achievement"] == "Thành tích"


# --------------------------------------------------------------------------- revisions


def test_a_reused_revision_is_never_unchanged(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    who = row(c1, "people", owner_unit=C1)
    c1.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp / "c1-backup.sqlite"
    copy_installation(c1.path, backup)  # a copy made by hand, outside the program
    c1.update("people", who["id"], {"position": "Chủ tịch"})
    assert import_bundles(prov, [send(c1, prov, tmp)]).exit_code == EXIT_OK
    # the same database put back from the backup WITHOUT a new identity: its next edit reuses the same counter
    restored = open_store(backup)
    try:
        restored.update("people", who["id"], {"position": "Phó Chủ tịch"})
        reused = restored.get("people", who["id"])
        assert reused["clock"] == prov.get("people", who["id"])["clock"]  # the same (installation, counter)
        assert reused["rev"] != prov.get("people", who["id"])["rev"]  # …but never the same name
        report = import_bundles(prov, [send(restored, prov, tmp, name="restored.tdktgoi")])
        totals = report.totals()["people"]
        assert totals["unchanged"] == 0 and totals["conflict"] == 1, report.summary()
        (item,) = list_reviews(prov)
        assert item["reason"] == "reuse" and {item["kept"], item["other"]} == {"Chủ tịch", "Phó Chủ tịch"}
    finally:
        restored.close()


def test_a_row_whose_name_does_not_match_its_content_is_refused(net):
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    who = row(c1, "people", owner_unit=C1)
    changed = forge(who, C1, position="Bí thư")
    changed["full_name"] = "Sửa sau khi đặt tên"
    path = plain_bundle(c1, PROVINCE, tmp, "bad-rev")
    inject(path, c1, {"people": [changed]})
    refusal = only_rejection(import_bundles(prov, [path]), "people")
    assert refusal["code"] == "malformed" and "không khớp với nội dung" in refusal["reason"]
    assert prov.get("people", who["id"])["full_name"] == who["full_name"]


# --------------------------------------------------------------------------- waiting rows


def test_a_row_waiting_for_a_refused_record_leaves_the_list_once_corrected(net):
    """A registration points at a campaign the province refuses (claimed in its name): it waits, the ward is told
    both outcomes; the ward corrects the registration and its corrected version overtakes the waiting one."""
    prov, c1, tmp = net["prov"], net["c1"], net["tmp"]
    who = row(c1, "people", owner_unit=C1)
    reg = c1.insert("registrations", {"campaign_id": net["campaign"]["id"], "subject_kind": "person",
                                      "subject_id": who["id"], "subject_name": who["full_name"], "title_code": "LDTT",
                                      "year": 2026})
    claimed = forge_new(c1, "campaigns", {"name": "Phong trào giả", "campaign_type": "regular", "issued_by": PROVINCE},
                        owner=C1, writer=C1)
    pointing = forge(c1.get("registrations", reg["id"]), C1, install=c1.install_id, clock=c1.current_clock(),
                     campaign_id=claimed["id"])
    path = plain_bundle(c1, PROVINCE, tmp, "points-at-refused")
    inject(path, c1, {"campaigns": [claimed], "registrations": [pointing]})
    report = import_bundles(prov, [path])
    (b,) = report.bundles
    assert b.counts["campaigns"]["rejected"] == 1 and b.counts["registrations"]["held"] == 1, b.counts
    assert "đang chờ phong trào thi đua" in report.summary()
    assert [(h["table_name"], h["record_id"]) for h in held_rows(prov)] == [("registrations", reg["id"])]
    assert prov.get("registrations", reg["id"]) is None
    back = {(r["table_name"], r["state"]) for r in receipt_at(c1, prov, tmp)}
    assert back == {("campaigns", "refused"), ("registrations", "held")}
    # the ward corrects its registration: the corrected version is applied and the waiting one leaves the list
    c1.update("registrations", reg["id"], {"subject_name": "Tên đã sửa"})
    report = import_bundles(prov, [send(c1, prov, tmp)])
    assert prov.get("registrations", reg["id"])["campaign_id"] == net["campaign"]["id"]
    assert held_rows(prov) == []
    assert {(r["table_name"], r["state"]) for r in receipt_at(c1, prov, tmp)} == {("campaigns", "refused")}
