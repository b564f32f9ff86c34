"""Keys, fingerprints, enrolment with confirmation, key replacement, and bundles held until trusted."""

from __future__ import annotations

import json
import re

import pytest

from tdkt_desktop.cli import EXIT_ATTENTION, EXIT_OK
from tdkt_desktop.sync import (
    SyncError,
    enroll,
    export_bundle,
    export_enrolment,
    import_bundles,
    import_held,
    key_events,
    list_held,
    list_peers,
    own_fingerprint,
    read_enrolment,
)

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, person


@pytest.fixture
def pc(tmp_path):
    prov, c1 = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    yield prov, c1
    prov.close()
    c1.close()


def test_fingerprint_and_enrolment_file(pc):
    prov, _ = pc
    fp = own_fingerprint(prov)
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){4}", fp)
    assert own_fingerprint(prov) == fp  # keys are created once
    info = read_enrolment(export_enrolment(prov))
    assert (info.unit_code, info.level, info.parent_code, info.fingerprint) == (PROVINCE, "province", None, fp)
    assert info.install_id == prov.install_id


def test_tampered_enrolment_file_is_refused(pc):
    prov, c1 = pc
    body = json.loads(export_enrolment(prov))
    body["unit_code"] = COMMUNES[1]
    with pytest.raises(SyncError) as err:
        read_enrolment(json.dumps(body).encode())
    assert err.value.code == "bad_enrolment" and "xin lại" in str(err.value)
    body = json.loads(export_enrolment(prov))
    body["box_key"] = json.loads(export_enrolment(c1))["box_key"]
    with pytest.raises(SyncError):
        read_enrolment(json.dumps(body).encode())
    with pytest.raises(SyncError):
        read_enrolment(b"not json")
    with pytest.raises(SyncError):
        enroll(prov, read_enrolment(export_enrolment(prov)), confirmed=True)  # itself


def test_unconfirmed_peer_is_not_trusted_and_its_bundles_are_held(pc, tmp_path):
    prov, c1 = pc
    enroll(c1, read_enrolment(export_enrolment(prov)), confirmed=True)
    result = enroll(prov, read_enrolment(export_enrolment(c1)), confirmed=False)
    assert result.status == "pending" and "CHƯA tin cậy" in result.message
    person(c1, "Đinh Văn Chờ")
    path = tmp_path / "up.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    report = import_bundles(prov, [path])
    assert report.bundles[0].status == "held" and report.exit_code == EXIT_ATTENTION
    assert "chưa được xác nhận" in report.bundles[0].message
    assert prov.count("people", "owner_unit = ?", [COMMUNES[0]]) == 0
    (held,) = list_held(prov)
    assert held["from_unit"] == COMMUNES[0]
    # importing it again holds it once
    import_bundles(prov, [path])
    assert len(list_held(prov)) == 1
    # after confirmation the held bundle merges
    assert enroll(prov, read_enrolment(export_enrolment(c1)), confirmed=True).status == "trusted"
    report = import_held(prov)
    assert report.bundles[0].status == "merged", report.summary()
    assert prov.count("people", "owner_unit = ?", [COMMUNES[0]]) == 1
    assert list_held(prov) == []
    assert import_bundles(prov, [path]).bundles[0].status == "already"


def test_unknown_sender_is_held(pc, tmp_path):
    prov, c1 = pc
    enroll(c1, read_enrolment(export_enrolment(prov)), confirmed=True)
    path = tmp_path / "up.tdktgoi"
    export_bundle(c1, PROVINCE, path)
    report = import_bundles(prov, [path])
    assert report.bundles[0].status == "held"
    assert "chưa được ghi danh" in report.bundles[0].message


def test_key_replacement_after_reinstall(pc, tmp_path):
    prov, c1 = pc
    enroll(c1, read_enrolment(export_enrolment(prov)), confirmed=True)
    old = read_enrolment(export_enrolment(c1))
    enroll(prov, old, confirmed=True)
    person(c1, "Trước khi cài lại")
    old_bundle = tmp_path / "old.tdktgoi"
    export_bundle(c1, PROVINCE, old_bundle)

    # the commune reinstalls: a new database, the same unit code, new keys
    c1b = make_node(tmp_path, COMMUNES[0], name="reinstalled")
    enroll(c1b, read_enrolment(export_enrolment(prov)), confirmed=True)
    person(c1b, "Sau khi cài lại")
    new_bundle = tmp_path / "new.tdktgoi"
    export_bundle(c1b, PROVINCE, new_bundle)
    report = import_bundles(prov, [new_bundle])
    assert report.bundles[0].status == "held"
    assert "cài lại" in report.bundles[0].message

    new = read_enrolment(export_enrolment(c1b))
    assert enroll(prov, new, confirmed=False).status == "pending"
    result = enroll(prov, new, confirmed=True)
    assert result.status == "trusted" and result.replaced_fingerprint == old.fingerprint
    assert "Đã thay khóa" in result.message
    events = [(e["event"], e["previous_fingerprint"]) for e in key_events(prov, COMMUNES[0])]
    assert events == [("enrolled", None), ("pending", old.fingerprint), ("replaced", old.fingerprint)]
    statuses = {p["fingerprint"]: p["status"] for p in list_peers(prov)}
    assert statuses[old.fingerprint] == "replaced" and statuses[new.fingerprint] == "trusted"

    assert import_held(prov).exit_code == EXIT_OK
    assert prov.count("people", "full_name = ?", ["Sau khi cài lại"]) == 1
    # a bundle signed with the replaced key is held, not merged
    report = import_bundles(prov, [old_bundle])
    assert report.bundles[0].status == "held" and "khóa cũ" in report.bundles[0].message
    c1b.close()


def test_same_key_cannot_serve_two_units(pc):
    prov, c1 = pc
    info = read_enrolment(export_enrolment(c1))
    enroll(prov, info, confirmed=True)
    assert enroll(prov, info, confirmed=True).status == "already"
