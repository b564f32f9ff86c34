"""sync.importer's waiting rows pinned down: a row held for a record not here yet is applied, when that record
comes, exactly as it would have been on arrival — from the installation, in the direction and out of the bundle
it came in (the receipt names that bundle, the row remembers that installation), said "checked" in a dry run
that leaves it waiting, and applied to the record here even when that record has been deleted meanwhile."""

from __future__ import annotations

import pytest

from tdkt_desktop.sync import import_bundles
from tdkt_desktop.sync.importer import HELD_SOURCE, held_rows

from . import test_sync_pinned_importer as _pinned
from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    canonical_dump,
    forge,
    forge_new,
    make_node,
    nomination,
    pair,
    person,
    plain_payload,
)
from .test_sync_pinned_importer import C1, counts, outcome_sources, outcomes, plain, rewrite, strip

pc_template, pc = _pinned.pc_template, _pinned.pc  # the province and ward of the importer's pinning tests


def _held(pc, **forged_fields):
    """A ward's nomination of a person it has not sent yet (the office holds it), the version possibly forged
    with ``forged_fields``; returns (province, ward, folder, person, the version sent, the bundle)."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted", achievement="Ban đầu")
    first = plain(c1, PROVINCE, tmp)
    sent = strip(nom)
    if forged_fields:
        sent = forge(sent, forged_fields.pop("_writer", C1), install=nom["origin_install"], clock=nom["clock"] + 5,
                     **forged_fields)
    rewrite(first, c1, {"nominations": [sent]})
    report = import_bundles(prov, [first])
    assert report.waiting == 1 and [h["record_id"] for h in held_rows(prov)] == [nom["id"]]
    return prov, c1, tmp, who, sent, report.bundles[0].bundle_id


def _person_only(c1, tmp):
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, drop={"nominations": {r["id"] for r in c1.rows("nominations")}})
    return path


def test_waiting_rows_met_in_a_dry_run_are_said_checked_and_keep_waiting(pc):
    prov, c1, tmp, _who, sent, _ = _held(pc)
    second = _person_only(c1, tmp)
    before, waiting = canonical_dump(prov), held_rows(prov)
    report = import_bundles(prov, [second], dry_run=True)
    assert [(b.source, b.status, b.counts) for b in report.bundles] == [
        (str(second), "checked", {"people": counts(new=1)}), (HELD_SOURCE, "checked", {"nominations": counts(new=1)})]
    assert canonical_dump(prov) == before and held_rows(prov) == waiting
    report = import_bundles(prov, [second])
    assert [(b.source, b.status) for b in report.bundles] == [(str(second), "merged"), (HELD_SOURCE, "merged")]
    assert held_rows(prov) == [] and strip(prov.get("nominations", sent["id"])) == sent
    # applied as from the ward's installation: a version the ward has, never sent back to it as news
    assert prov.get("nominations", sent["id"])["local_from"] == c1.install_id
    back = plain_payload(plain(prov, C1, tmp))["tables"]
    assert "nominations" not in back and "people" not in back


def test_a_waiting_row_refused_when_applied_is_reported_against_the_bundle_it_came_in(pc):
    """A new record with a field the ward may not write waits for its person; when the person comes it is
    refused whole, and the receipt names the bundle the row came in, not the one that brought the person."""
    prov, c1, tmp, _who, sent, first_id = _held(pc, appraisal_note="Tự nhận xét")
    second = _person_only(c1, tmp)
    report = import_bundles(prov, [second])
    held = report.bundles[1]
    assert (held.source, held.counts) == (HELD_SOURCE, {"nominations": counts(rejected=1)})
    assert [(r["id"], r["code"]) for r in held.rejected] == [(sent["id"], "no_authority")]
    assert report.bundles[0].bundle_id != first_id
    assert outcome_sources(prov, C1) == [(sent["id"], sent["rev"], first_id)]
    assert prov.get("nominations", sent["id"]) is None and held_rows(prov) == []


def test_a_waiting_edit_of_a_record_deleted_here_meanwhile_meets_its_tombstone(pc):
    """The office has the nomination; the ward moves it to a person not sent yet (the edit waits); meanwhile a
    deletion the ward made elsewhere without that edit in view (its database on another computer) reaches the
    office and deletes the record here. When the person comes, the waiting edit is judged against the
    tombstone — a delete against an edit, both kept in view — never written as a second record."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted")
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    later = person(c1, "Trần Văn Hậu")
    moved = c1.update("nominations", nom["id"], {"subject_id": later["id"], "subject_name": later["full_name"]})
    second = plain(c1, PROVINCE, tmp)
    rewrite(second, c1, {"nominations": [strip(moved)]})
    assert import_bundles(prov, [second]).waiting == 1
    deletion = forge(strip(nom), C1, install="0ther1nstall0000", clock=3, deleted=1)
    third = plain(c1, PROVINCE, tmp)
    rewrite(third, c1, {"nominations": [deletion]})
    import_bundles(prov, [third])
    tomb = prov.get("nominations", nom["id"], include_deleted=True)
    assert tomb["deleted"] == 1 and len(held_rows(prov)) == 1
    report = import_bundles(prov, [_person_only(c1, tmp)])
    final = prov.get("nominations", nom["id"], include_deleted=True)  # deleted, with the edit kept in it
    assert (final["deleted"], final["subject_id"], final["subject_name"]) == (1, later["id"], later["full_name"])
    assert prov.get("nominations", nom["id"]) is None
    assert report.bundles[1].counts == {"nominations": counts(merged=1)}
    assert [b.source for b in report.bundles] == [report.bundles[0].source, HELD_SOURCE]
    assert report.bundles[1].counts["nominations"]["new"] == 0
    assert prov.db.execute("SELECT COUNT(*) FROM nominations WHERE id = ?", [nom["id"]]).fetchone()[0] == 1
    assert held_rows(prov) == [] and report.waiting == 0


def test_a_waiting_row_is_judged_in_the_scope_of_the_direction_it_came(pc, tmp_path):
    """A ward's nomination of a person of another ward waits (the person is not at the office yet); when that
    ward sends its person, the nomination is refused as it would have been had the person been here: from
    below, a ward may point only at its own records and its upper offices' (never a sibling's)."""
    prov, c1, tmp = pc
    sibling = make_node(tmp_path / "c2", COMMUNES[1])
    pair(prov, sibling)
    stranger = person(sibling, "Người phường bên")
    forged = forge_new(c1, "nominations", {"subject_kind": "person", "subject_id": stranger["id"],
                                           "subject_name": stranger["full_name"], "title_code": "BANG_KHEN_TINH",
                                           "year": 2025, "status": "submitted", "unit_code": C1},
                       owner=C1, writer=C1, install=c1.install_id, clock=c1.current_clock() + 1)
    first = plain(c1, PROVINCE, tmp)
    rewrite(first, c1, {"nominations": [forged]})
    report = import_bundles(prov, [first])
    assert report.bundles[0].counts == {"nominations": counts(held=1)} and report.waiting == 1
    report = import_bundles(prov, [plain(sibling, PROVINCE, tmp)])
    assert report.bundles[0].counts["people"] == counts(new=1)
    held = report.bundles[1]
    assert (held.source, held.counts) == (HELD_SOURCE, {"nominations": counts(rejected=1)})
    assert [(r["id"], r["code"]) for r in held.rejected] == [(forged["id"], "forged_ref")]
    assert prov.get("nominations", forged["id"]) is None and held_rows(prov) == []
    sibling.close()


def test_a_row_waiting_again_keeps_the_direction_it_came(pc, tmp_path):
    """A ward's nomination waits for its campaign, then, once the campaign is here, for its person — a person
    of another ward, not sent yet: when that ward sends the person, the nomination is still judged as coming
    from below and refused (a ward may not nominate another ward's people)."""
    prov, c1, tmp = pc
    sibling = make_node(tmp_path / "c2", COMMUNES[1])
    pair(prov, sibling)
    stranger = person(sibling, "Người phường bên")
    ours = c1.insert("campaigns", {"name": "Phong trào của phường", "campaign_type": "regular"})
    forged = forge_new(c1, "nominations", {"subject_kind": "person", "subject_id": stranger["id"],
                                           "subject_name": stranger["full_name"], "title_code": "BANG_KHEN_TINH",
                                           "campaign_id": ours["id"], "year": 2025, "status": "submitted",
                                           "unit_code": C1},
                       owner=C1, writer=C1, install=c1.install_id, clock=c1.current_clock() + 1)
    first = plain(c1, PROVINCE, tmp)
    rewrite(first, c1, {"nominations": [forged]})
    assert import_bundles(prov, [first]).waiting == 1
    assert [h["missing_id"] for h in held_rows(prov)] == [ours["id"]]
    second = plain(c1, PROVINCE, tmp)
    rewrite(second, c1, {"campaigns": [strip(ours)]})
    report = import_bundles(prov, [second])
    assert report.bundles[1].counts == {"nominations": counts(held=1)}
    assert [h["missing_id"] for h in held_rows(prov)] == [stranger["id"]]
    report = import_bundles(prov, [plain(sibling, PROVINCE, tmp)])
    held = report.bundles[1]
    assert (held.source, held.counts) == (HELD_SOURCE, {"nominations": counts(rejected=1)})
    assert [(r["id"], r["code"]) for r in held.rejected] == [(forged["id"], "forged_ref")]
    assert prov.get("nominations", forged["id"]) is None and held_rows(prov) == []
    sibling.close()


# --------------------------------------------------------------------------- _apply_row's last paths


def test_a_new_rows_empty_field_is_judged_like_any_other(pc):
    """A ward's new nomination carrying the office's fields, empty, is refused whole: an empty value written
    without authority is still a value written."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    for forged_fields in ({"appraisal_note": ""}, {"status_reason": ""}):
        nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted")
        sent = forge(strip(nom), C1, install=nom["origin_install"], clock=nom["clock"] + 5, **forged_fields)
        path = plain(c1, PROVINCE, tmp)
        rewrite(path, c1, {"people": [strip(who)], "nominations": [sent]})
        report = import_bundles(prov, [path])
        (b,) = report.bundles
        assert b.counts["nominations"] == counts(rejected=1), forged_fields
        assert [(r["id"], r["code"]) for r in b.rejected] == [(nom["id"], "no_authority")], (forged_fields, b.rejected)
        assert prov.get("nominations", nom["id"]) is None


def test_a_new_row_is_judged_field_by_field_by_who_wrote_each_field(pc):
    """A nomination the office appraised reaches an office that does not have it (its database was restored
    from an older backup): created by the ward, its appraisal written by the office — each field is judged by
    its own writer, so the record is taken whole, the office's note with it."""
    prov, c1, tmp = pc
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted")
    appraised = forge(strip(nom), PROVINCE, install=prov.install_id, clock=prov.current_clock() + 1,
                      appraisal_note="Đủ tiêu chuẩn")
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [strip(who)], "nominations": [appraised]})
    report = import_bundles(prov, [path])
    assert report.bundles[0].counts == {"people": counts(new=1), "nominations": counts(new=1)}
    assert strip(prov.get("nominations", nom["id"])) == appraised


def test_a_reused_revision_lost_here_tells_the_sender_why(pc):
    """Two contents under one revision number (a ward's database copied and both copies edited): the value kept
    here is decided by value order, and the receipt tells the ward why its value was not applied."""
    from tdkt_desktop.store.revisions import rev_of
    from tdkt_desktop.sync.reviews import REASONS

    prov, c1, tmp = pc
    who = c1.insert("people", {"full_name": "Lý Thị Mai", "position": "Hiệu phó"})
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    other = {**strip(who), "position": "Giáo vụ"}
    other["rev"] = rev_of(other)
    path = plain(c1, PROVINCE, tmp)
    rewrite(path, c1, {"people": [other]})
    report = import_bundles(prov, [path])
    assert report.bundles[0].counts["people"]["conflict"] == 1
    assert prov.get("people", who["id"])["position"] == "Hiệu phó"
    assert [(o["record_id"], o["field_name"], o["state"], o["code"], o["reason"]) for o in outcomes(prov, C1)] == [
        (who["id"], "position", "review", "reuse", REASONS["reuse"])]


@pytest.mark.parametrize("edited_elsewhere", [False, True])
def test_a_decided_nomination_re_pointed_to_the_genuine_directive_is_not_undone_at_the_office(pc, edited_elsewhere):
    """The ward entered the province's directive itself (a copy) and nominated someone under it; the office
    appraised and decided the nomination (locked), then sent its own record of the directive. The ward links
    its copy to it and moves the nomination there; at the office that move is taken (the copy is now linked
    to the genuine campaign), not undone as a late edit of a decided nomination — also when the copy reaching
    the office is merged with an edit of it made on another computer of the ward."""
    import datetime as dt

    from tdkt_desktop.store import office
    from tdkt_desktop.sync import list_reviews

    prov, c1, tmp = pc
    document = {"doc_issuer": PROVINCE, "doc_kind": "CT", "doc_number": "12/CT-UBND", "doc_date": "2025-12-15"}
    copy = c1.insert("campaigns", {"name": "Phong trào thi đua yêu nước năm 2026 (bản phường nhập)",
                                   "campaign_type": "regular", **document})
    who = person(c1, "Lý Thị Mai")
    nom = nomination(c1, who, title="BANG_KHEN_TINH", status="submitted", campaign_id=copy["id"])
    import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    prov.update("nominations", nom["id"], {"status": "approved"})
    office.issue_decision(prov, [nom["id"]], decision_date=dt.date(2025, 12, 20), signer="Trần Văn A",
                          signer_title="Chủ tịch")
    genuine = prov.insert("campaigns", {"name": "Phong trào thi đua yêu nước năm 2026", "campaign_type": "regular",
                                        "issued_by": PROVINCE, **{k: v for k, v in document.items()
                                                                  if k != "doc_issuer"}})
    down = import_bundles(c1, [plain(prov, C1, tmp)])
    assert down.linked and c1.get("nominations", nom["id"])["campaign_id"] == genuine["id"]
    assert c1.get("nominations", nom["id"])["status"] == "decided"
    if edited_elsewhere:  # the copy's note edited on another computer of the ward, without the link in view
        aside = forge(strip(prov.get("campaigns", copy["id"])), C1, install="0ther1nstall0000", clock=3,
                      notes="Ghi chú thêm")
        elsewhere = plain(c1, PROVINCE, tmp)
        rewrite(elsewhere, c1, {"campaigns": [aside]})
        assert import_bundles(prov, [elsewhere]).bundles[0].counts["campaigns"] == counts(updated=1)
    report = import_bundles(prov, [plain(c1, PROVINCE, tmp)])
    assert report.exit_code == 0, report.to_dict()
    assert report.bundles[0].counts["campaigns"]["merged" if edited_elsewhere else "updated"] == 1
    here = prov.get("nominations", nom["id"])
    assert (here["campaign_id"], here["status"]) == (genuine["id"], "decided")
    assert list_reviews(prov) == [] and list_reviews(c1) == []
    linked = prov.get("campaigns", copy["id"], include_deleted=True)
    assert linked["linked_campaign_id"] == genuine["id"]
