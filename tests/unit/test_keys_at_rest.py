"""Keys at rest: private keys in a key file of their own (never in the database or its backups), moved out of
databases of earlier versions, optionally behind a passphrase; rotation and revocation travel in bundles.
The forged-decision attack from a backup file fails."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from tdkt_desktop.cli import main
from tdkt_desktop.store import backups, open_store
from tdkt_desktop.store.keyfile import KeysLocked, WrongPassphrase, key_file_path, lock, read_key_file
from tdkt_desktop.sync import SyncError, export_bundle, import_bundles
from tdkt_desktop.sync import keys as _keys

from .test_sync_helpers import COMMUNES, PROVINCE, copy_installation, make_node, pair, person, send

WARD = COMMUNES[0]
RAW = serialization.Encoding.Raw
RAW_PRIV = serialization.PrivateFormat.Raw


def _secrets(store) -> list[bytes]:  # type: ignore[no-untyped-def]
    """Every private key of the installation: base64 as kept, and raw."""
    kf = read_key_file(_keys.key_file(store))
    out: list[bytes] = []
    for pair_ in kf.secrets["keys"].values():
        for value in pair_.values():
            out += [value.encode(), base64.b64decode(value)]
    return out


def _all_bytes(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def net(tmp_path):
    prov, ward = make_node(tmp_path, PROVINCE), make_node(tmp_path, WARD)
    pair(prov, ward)
    yield {"prov": prov, "ward": ward}
    prov.close()
    ward.close()


def test_keys_live_in_a_private_file_beside_the_database_never_in_it_or_its_backups(net, tmp_path):
    ward = net["ward"]
    path = key_file_path(ward.path)
    assert path == ward.path.with_name("31147.sqlite.keys") and path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secrets = _secrets(ward)
    assert len(secrets) == 4
    person(ward, "Nguyễn Văn An")
    backup = backups.make_backup(ward.path).path
    ward.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for blob in (_all_bytes(ward.path), backup.read_bytes()):
        assert not any(s in blob for s in secrets)
    assert ward.meta("own_fingerprint") == _keys.own_fingerprint(ward)  # only the public fingerprint


def _legacy(db: Path) -> tuple[str, str]:
    """Make ``db`` look like a database of an earlier version: its private keys in ``meta``, no key file."""
    sign = base64.b64encode(Ed25519PrivateKey.generate().private_bytes(RAW, RAW_PRIV, serialization.NoEncryption())).decode()
    box = base64.b64encode(X25519PrivateKey.generate().private_bytes(RAW, RAW_PRIV, serialization.NoEncryption())).decode()
    with sqlite3.connect(db) as raw:
        raw.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_sign_private', ?)", [sign])
        raw.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_box_private', ?)", [box])
        raw.execute("DELETE FROM meta WHERE key = 'own_fingerprint'")
    key_file_path(db).unlink(missing_ok=True)
    return sign, box


@pytest.mark.sqlite_only  # backups of a SQLite file
def test_an_old_database_moves_its_keys_out_on_first_open_and_its_old_backups_are_cleaned(tmp_path):
    db = tmp_path / "cu.sqlite"
    with open_store(db) as s:
        s.set_meta("unit_code", WARD)
    sign, box = _legacy(db)
    folder = backups.backup_folder(db)
    folder.mkdir()
    old_backup = folder / "cu-20250101-080000-123456-truoc-nhap-goi.sqlite"  # written by an earlier version
    with sqlite3.connect(db) as src, sqlite3.connect(old_backup) as dst:
        src.backup(dst)
    assert sign.encode() in old_backup.read_bytes()

    with open_store(db) as s:
        assert s.meta("sync_sign_private") is None and s.meta("sync_box_private") is None
        kf = read_key_file(key_file_path(db))
        assert kf is not None and kf.secrets["legacy"] == {"sign": sign, "box": box}
        # the same keys, now from the file: the fingerprint peers enrolled stays valid
        expected = _keys.fingerprint(
            base64.b64encode(Ed25519PrivateKey.from_private_bytes(base64.b64decode(sign)).public_key()
                             .public_bytes(RAW, serialization.PublicFormat.Raw)).decode(),
            base64.b64encode(X25519PrivateKey.from_private_bytes(base64.b64decode(box)).public_key()
                             .public_bytes(RAW, serialization.PublicFormat.Raw)).decode())
        assert _keys.own_fingerprint(s) == expected
    for blob in (_all_bytes(db), old_backup.read_bytes()):
        for secret in (sign, box):
            assert secret.encode() not in blob and base64.b64decode(secret) not in blob
    assert backups.verify_backup(old_backup).unit_code == WARD  # the old backup is still a good backup


@pytest.mark.sqlite_only  # backups of a SQLite file
def test_a_backup_of_an_old_database_carries_no_key(tmp_path):
    db = tmp_path / "cu.sqlite"
    with open_store(db) as s:
        s.set_meta("unit_code", WARD)
    sign, _box = _legacy(db)
    os.chmod(db.parent, 0o500)  # the key file cannot be written: the keys stay where they are for now
    try:
        if os.geteuid() != 0:
            with open_store(db) as s:
                assert s.meta("sync_sign_private") == sign
    finally:
        os.chmod(db.parent, 0o700)
    made = backups.make_backup(db).path  # the backup copy is scrubbed all the same
    assert sign.encode() not in made.read_bytes() and base64.b64decode(sign) not in made.read_bytes()


def test_passphrase_protects_the_key_file(net, tmp_path, capsys, monkeypatch):
    ward, prov = net["ward"], net["prov"]
    fp = _keys.own_fingerprint(ward)
    secrets = _secrets(ward)
    _keys.protect_keys(ward, "một mật khẩu đủ dài")
    content = key_file_path(ward.path).read_bytes()
    assert not any(s in content for s in secrets) and b"scrypt" in content
    lock()  # a new process: nothing unlocked
    assert _keys.own_fingerprint(ward) == fp  # the public part needs no passphrase
    assert _keys.keys_locked(ward)
    with pytest.raises(KeysLocked, match="mật khẩu"):
        export_bundle(ward, PROVINCE, tmp_path / "x.tdktgoi")
    with pytest.raises(WrongPassphrase):
        _keys.unlock_keys(ward, "sai mật khẩu")
    _keys.unlock_keys(ward, "một mật khẩu đủ dài")
    assert import_bundles(prov, [send(ward, prov, tmp_path)]).exit_code == 0

    # the command line: without a keyboard it says how; with the variable it works
    lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = _run(capsys, "bundle", "export", "--db", str(ward.path), "--to", PROVINCE, "--out",
                        str(tmp_path / "y.tdktgoi"))
    assert code == 1 and "TDKT_KEY_PASSPHRASE" in err and "Traceback" not in err
    monkeypatch.setenv("TDKT_KEY_PASSPHRASE", "sai mật khẩu")
    code, _, err = _run(capsys, "bundle", "export", "--db", str(ward.path), "--to", PROVINCE, "--out",
                        str(tmp_path / "y.tdktgoi"))
    assert code == 1 and "không đúng" in err
    monkeypatch.setenv("TDKT_KEY_PASSPHRASE", "một mật khẩu đủ dài")
    code, out, err = _run(capsys, "bundle", "export", "--db", str(ward.path), "--to", PROVINCE, "--out",
                          str(tmp_path / "y.tdktgoi"))
    assert code == 0, err
    code, out, _ = _run(capsys, "keys", "show", "--db", str(ward.path))
    assert "có mật khẩu" in out
    code, out, _ = _run(capsys, "keys", "protect", "--db", str(ward.path), "--remove")
    assert code == 0 and not read_key_file(key_file_path(ward.path)).protected
    lock()
    assert not _keys.keys_locked(ward)


def test_rotation_is_accepted_by_peers_without_a_new_enrolment(net, tmp_path):
    prov, ward = net["prov"], net["ward"]
    old_fp, new_fp = _keys.rotate_keys(ward)
    assert _keys.own_fingerprint(ward) == new_fp and old_fp != new_fp
    # a bundle the province made for the ward's old key before it learnt of the rotation still opens
    early = send(prov, ward, tmp_path, name="truoc-khi-doi.tdktgoi")
    person(ward, "Lê Văn Mới")
    report = import_bundles(prov, [send(ward, prov, tmp_path)])
    assert report.exit_code == 0, report.summary()
    assert any("đã đổi khóa" in n for n in report.bundles[0].notes)
    assert _keys.trusted_peer(prov, WARD)["fingerprint"] == new_fp
    assert _keys.peer_by_fingerprint(prov, old_fp)["status"] == "replaced"
    assert import_bundles(ward, [early]).bundles[0].status == "merged"
    # the province's bundles now go to the new key
    assert import_bundles(ward, [send(prov, ward, tmp_path)]).exit_code == 0


def test_revocation_travels_and_the_revoked_key_is_refused_for_good(net, tmp_path):
    prov, ward = net["prov"], net["ward"]
    # a thief copied the ward's installation (database and key file) before the ward noticed
    thief_db = tmp_path / "thief" / "31147.sqlite"
    thief_db.parent.mkdir()
    ward.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy_installation(ward.path, thief_db)
    revoked, new = _keys.revoke_own_key(ward, reason="mất máy tính xách tay")
    report = import_bundles(prov, [send(ward, prov, tmp_path, name="thu-hoi.tdktgoi")])
    bundle = report.bundles[0]
    assert bundle.status == "held"  # the new key is enrolled by fingerprint, not on the old key's word
    assert any("thu hồi" in n for n in bundle.notes)
    assert _keys.peer_by_fingerprint(prov, revoked)["status"] == "revoked"
    before = prov.count("decisions"), prov.count("people")
    with open_store(thief_db) as thief:
        person(thief, "Người do kẻ gian thêm")
        forged = send(thief, prov, tmp_path, name="gia-mao.tdktgoi")
        _keys.rotate_keys(thief)  # the thief announces a key of its own, signed by the stolen key
        forged2 = send(thief, prov, tmp_path, name="gia-mao-2.tdktgoi")
    for path in (forged, forged2):
        result = import_bundles(prov, [path]).bundles[0]
        assert result.status == "refused", result.message
        assert result.error_code in ("revoked_key",), result.message
    assert (prov.count("decisions"), prov.count("people")) == before
    # the revoked key can never be enrolled again
    from tdkt_desktop.sync import enroll, export_enrolment, read_enrolment

    with open_store(thief_db) as thief, pytest.raises(SyncError) as err:
        enroll(prov, read_enrolment(export_enrolment(thief)), confirmed=True)
    # the thief's rotated key is unknown to the province (its rotation was refused), the old one is revoked
    assert err.value.code in ("revoked_key", "bad_enrolment") or "thu hồi" in str(err.value)
    # the ward re-enrols its new key (fingerprint read over the telephone): the held bundle is released
    from tdkt_desktop.sync import import_held

    enroll(prov, read_enrolment(export_enrolment(ward)), confirmed=True)
    assert _keys.trusted_peer(prov, WARD)["fingerprint"] == new
    assert import_held(prov).exit_code == 0


def test_thief_rotation_is_revoked_with_the_stolen_key(net, tmp_path):
    """A thief holding the ward's key rotates first (the province trusts the thief's key); the ward's revocation
    of the stolen key then takes the thief's key down with it."""
    prov, ward = net["prov"], net["ward"]
    thief_db = tmp_path / "thief" / "31147.sqlite"
    thief_db.parent.mkdir()
    ward.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy_installation(ward.path, thief_db)
    with open_store(thief_db) as thief:
        _, thief_fp = _keys.rotate_keys(thief)
        assert import_bundles(prov, [send(thief, prov, tmp_path, name="t1.tdktgoi")]).exit_code == 0
        assert _keys.trusted_peer(prov, WARD)["fingerprint"] == thief_fp
        stolen = _keys.revoke_own_key(ward)[0]
        import_bundles(prov, [send(ward, prov, tmp_path, name="w.tdktgoi")])
        assert _keys.peer_by_fingerprint(prov, stolen)["status"] == "revoked"
        assert _keys.peer_by_fingerprint(prov, thief_fp)["status"] == "revoked"
        assert _keys.trusted_peer(prov, WARD) is None
        result = import_bundles(prov, [send(thief, prov, tmp_path, name="t2.tdktgoi")]).bundles[0]
        assert result.status == "refused" and result.error_code == "revoked_key"


def test_upper_office_revokes_a_lost_computer_s_key(net, tmp_path, capsys):
    prov, ward = net["prov"], net["ward"]
    ward.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lost = tmp_path / "lost" / "31147.sqlite"
    lost.parent.mkdir()
    copy_installation(ward.path, lost)
    code, out, err = _run(capsys, "keys", "revoke", "--db", str(prov.path), "--unit", WARD, "--yes")
    assert code == 0 and "Đã thu hồi" in out, err
    with open_store(lost) as stolen:
        result = import_bundles(prov, [send(stolen, prov, tmp_path)]).bundles[0]
    assert result.status == "refused" and result.error_code == "revoked_key"


def test_lost_key_file_says_what_to_do_and_new_keys_need_a_new_enrolment(net, tmp_path, capsys):
    ward, prov = net["ward"], net["prov"]
    key_file_path(ward.path).unlink()
    with pytest.raises(SyncError) as err:
        export_bundle(ward, PROVINCE, tmp_path / "x.tdktgoi")
    assert err.value.code == "no_keys" and "tdkt keys new" in str(err.value)
    code, out, err_text = _run(capsys, "keys", "new", "--db", str(ward.path), "--yes")
    assert code == 0 and "ghi danh lại" in out, err_text
    assert import_bundles(prov, [send(ward, prov, tmp_path)]).bundles[0].status == "held"


@pytest.mark.sqlite_only  # backups of a SQLite file
def test_forged_decision_from_a_backup_file_is_not_accepted(net, tmp_path, capsys, monkeypatch):
    """The attack of issue 10: from one backup file of the province, a decision of 50,000,000 đ was signed and a
    ward accepted it with exit 0. Now the backup holds no key: it cannot sign; with keys of its own the bundle is
    held; the ward's data is unchanged."""
    prov, ward = net["prov"], net["ward"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    stolen_backup = backups.make_backup(prov.path).path
    attacker = tmp_path / "attacker"
    attacker.mkdir()
    copy = attacker / "tinh.sqlite"
    shutil.copy(stolen_backup, copy)
    # 1. no private key anywhere in the file
    for name in ("sync_sign_private", "sync_box_private"):
        with sqlite3.connect(copy) as raw:
            assert raw.execute("SELECT value FROM meta WHERE key = ?", [name]).fetchone() is None
    assert not any(s in copy.read_bytes() for s in _secrets(prov))
    # 2. the forged decision, made as a person would with the command line
    decision = attacker / "qd.json"
    decision.write_text(json.dumps({"number": "999/QĐ-UBND", "decision_date": "20/12/2025", "issuer_unit": PROVINCE,
                                    "status": "signed", "total_amount": 50_000_000,
                                    "subject": "Khen thưởng đột xuất"}), encoding="utf-8")
    code, _, err = _run(capsys, "records", "add", "decisions", "--db", str(copy), "--file", str(decision))
    assert code == 0, err
    forged = attacker / "qd.tdktgoi"
    code, _, err = _run(capsys, "bundle", "export", "--db", str(copy), "--to", WARD, "--out", str(forged))
    assert code == 1 and "Không tìm thấy tệp khóa" in err and not forged.exists()
    # 3. with keys of its own, the attacker's bundle is held by the ward, not merged
    assert _run(capsys, "keys", "new", "--db", str(copy), "--yes")[0] == 0
    code, _, err = _run(capsys, "bundle", "export", "--db", str(copy), "--to", WARD, "--out", str(forged), "--no-encrypt")
    assert code == 0, err
    before = ward.count("decisions")
    code, out, err = _run(capsys, "bundle", "import", "--db", str(ward.path), str(forged), "--json")
    report = json.loads(out)
    assert code == 3 and report["bundles"][0]["status"] == "held", (out, err)
    assert ward.count("decisions") == before == 0
    assert not ward.rows("decisions", "total_amount = ?", [50_000_000], include_deleted=True)
