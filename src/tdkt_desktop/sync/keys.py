"""Keys and enrolment: who this installation is, and which peers it trusts.

Each installation has an Ed25519 key pair (signs the bundles it writes) and an X25519 key pair
(bundles addressed to it are encrypted to it). The private keys live in the key file beside the
database (:mod:`tdkt_desktop.store.keyfile`: private to the user, optionally behind a passphrase), never
in the database, its copies or its backups, and never in any exported file. A peer is trusted only after
a person has compared its fingerprint (read over the telephone or on paper) and confirmed it — or when
a key it already trusts announces its successor (:func:`rotate_keys`). A key whose owner revoked it
(:func:`revoke_own_key`), or that the person revoked here (:func:`revoke_peer`), is never trusted again.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.db import Store, now_iso
from tdkt_desktop.store.keyfile import (
    LEGACY_META_SECRETS,
    KeyFile,
    KeyFileError,
    key_file_path,
    read_key_file,
    secrets_of,
    set_passphrase,
    unlock,
    write_key_file,
)
from tdkt_desktop.sync.errors import SyncError

ENROLMENT_FORMAT = "tdkt-enrolment"
ENROLMENT_VERSION = 1

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, *, what: str = "khóa") -> bytes:
    try:
        return base64.b64decode(str(text).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise SyncError(f"Dữ liệu {what} không hợp lệ (không đọc được mã base64).", code="tampered") from None


def canonical(obj: Any) -> bytes:
    """The one byte form that is signed and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(sign_key: str, box_key: str) -> str:
    """A short fingerprint of both public keys that a person can read aloud: ``3F2A-91C4-7B0D-E512-06AA``."""
    digest = hashlib.sha256(b"tdkt-fingerprint-v1\x00" + unb64(sign_key) + unb64(box_key)).hexdigest().upper()
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


# --------------------------------------------------------------------------- own keys (in the key file)
#
# The key file (store.keyfile) holds, for this installation:
#   public  {"keys": [{"fingerprint", "sign_key", "box_key", "status", "created_at"}], "statements": [...]}
#   secrets {"keys": {fingerprint: {"sign": base64, "box": base64}}}
# status: "current" (signs and decrypts), "retired" (replaced by a rotation; still decrypts bundles made for it
# before the peers learnt the new key), "revoked" (its private keys are destroyed).
# The database only records the current fingerprint (``meta.own_fingerprint``, public), so that a database
# whose key file is missing is told apart from a new one.

META_OWN_FINGERPRINT = "own_fingerprint"
STATEMENT_FORMAT = "tdkt-key-statement"
MAX_STATEMENTS = 100


class KeysMissing(SyncError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Không tìm thấy tệp khóa “{path}” của cơ sở dữ liệu này (khóa bí mật không nằm trong cơ sở dữ liệu và "
            "các bản sao lưu). Nếu đã chép cơ sở dữ liệu sang máy này, hãy chép cả tệp khóa của máy cũ vào cạnh nó. "
            "Nếu tệp khóa đã mất (máy hỏng, bị mất cắp), hãy tạo khóa mới bằng “tdkt keys new” rồi gửi tệp đăng ký "
            "khóa mới (“tdkt keys export”) cho cấp trên và các đơn vị trực thuộc để ghi danh lại.",
            code="no_keys",
        )


def key_file(store: Store) -> Path:
    return key_file_path(store.path)


def _new_pair() -> tuple[dict[str, str], dict[str, str]]:
    """(public entry, secrets) of a fresh Ed25519 + X25519 pair."""
    sign = Ed25519PrivateKey.generate()
    box = X25519PrivateKey.generate()
    sign_pub = b64(sign.public_key().public_bytes(_RAW, _RAW_PUB))
    box_pub = b64(box.public_key().public_bytes(_RAW, _RAW_PUB))
    public = {"fingerprint": fingerprint(sign_pub, box_pub), "sign_key": sign_pub, "box_key": box_pub,
              "status": "current", "created_at": now_iso()}
    secrets = {"sign": b64(sign.private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())),
               "box": b64(box.private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption()))}
    return public, secrets


def _from_legacy(kf: KeyFile) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (public, secrets) of a key file made from keys an earlier version kept in the database."""
    legacy = kf.secrets["legacy"] if kf.secrets else {}
    sign = Ed25519PrivateKey.from_private_bytes(unb64(legacy.get("sign")))
    box = X25519PrivateKey.from_private_bytes(unb64(legacy.get("box")))
    sign_pub = b64(sign.public_key().public_bytes(_RAW, _RAW_PUB))
    box_pub = b64(box.public_key().public_bytes(_RAW, _RAW_PUB))
    fp = fingerprint(sign_pub, box_pub)
    public = dict(kf.public, keys=[{"fingerprint": fp, "sign_key": sign_pub, "box_key": box_pub, "status": "current",
                                     "created_at": kf.public.get("moved_from_database_at") or now_iso()}],
                  statements=[])
    return public, {"keys": {fp: {"sign": legacy["sign"], "box": legacy["box"]}}}


def _ring(store: Store, *, create: bool = True) -> KeyFile:
    """This installation's key file, created with a first key pair for a new installation."""
    path = key_file(store)
    kf = read_key_file(path)
    if kf is None and any(store.meta(name) for name in LEGACY_META_SECRETS):
        store.move_keys_out(strict=True)
        kf = read_key_file(path)
    if kf is not None and "keys" not in kf.public and kf.secrets and "legacy" in kf.secrets:
        write_key_file(path, *_from_legacy(kf))
        kf = read_key_file(path)
    if kf is None:
        if not create or store.meta(META_OWN_FINGERPRINT):
            raise KeysMissing(path)
        public, secrets = _new_pair()
        write_key_file(path, {"keys": [public], "statements": []}, {"keys": {public["fingerprint"]: secrets}})
        kf = read_key_file(path)
    assert kf is not None
    current = _current(kf)
    if store.meta(META_OWN_FINGERPRINT) != current["fingerprint"] and not store.read_only:
        with store.atomic():
            store.set_meta(META_OWN_FINGERPRINT, current["fingerprint"])
    return kf


def _current(kf: KeyFile) -> dict[str, Any]:
    for entry in kf.public.get("keys", []):
        if entry.get("status") == "current":
            return dict(entry)
    raise KeyFileError(f"Tệp khóa “{kf.path}” không có khóa đang dùng. Hãy tạo khóa mới bằng “tdkt keys new”.")


def _secret(kf: KeyFile, fp: str) -> dict[str, str]:
    found = secrets_of(kf).get("keys", {}).get(fp)
    if not found:
        raise KeyFileError(f"Tệp khóa “{kf.path}” thiếu khóa bí mật {fp}. Hãy tạo khóa mới bằng “tdkt keys new”.")
    return dict(found)


def ensure_keys(store: Store) -> None:
    """Create this installation's key pairs once (in the key file beside the database)."""
    _ring(store)


def signing_key(store: Store) -> Ed25519PrivateKey:
    kf = _ring(store)
    return Ed25519PrivateKey.from_private_bytes(unb64(_secret(kf, _current(kf)["fingerprint"])["sign"]))


def box_key(store: Store) -> X25519PrivateKey:
    kf = _ring(store)
    return X25519PrivateKey.from_private_bytes(unb64(_secret(kf, _current(kf)["fingerprint"])["box"]))


def box_key_for(store: Store, fp: Any) -> X25519PrivateKey | None:
    """The decryption key of this installation's key ``fp`` — the current one, or one retired by a rotation
    (a bundle made before the peer learnt of the rotation) — or None (unknown, or revoked)."""
    kf = _ring(store)
    for entry in kf.public.get("keys", []):
        if entry.get("fingerprint") == fp and entry.get("status") in ("current", "retired"):
            return X25519PrivateKey.from_private_bytes(unb64(_secret(kf, str(fp))["box"]))
    return None


def public_keys(store: Store) -> tuple[str, str]:
    """(Ed25519 public key, X25519 public key), base64 — readable without the passphrase."""
    current = _current(_ring(store))
    return str(current["sign_key"]), str(current["box_key"])


def own_fingerprint(store: Store) -> str:
    return str(_current(_ring(store))["fingerprint"])


def own_keys(store: Store) -> list[dict[str, Any]]:
    """Every key pair this installation has had (public parts and status), oldest first."""
    return [dict(k) for k in _ring(store).public.get("keys", [])]


def key_statements(store: Store) -> list[dict[str, Any]]:
    """The signed rotations and revocations of this installation's keys, for the next bundles."""
    return [dict(s) for s in _ring(store).public.get("statements", [])][-MAX_STATEMENTS:]


def keys_locked(store: Store) -> bool:
    """Whether the key file is protected by a passphrase not yet given in this process."""
    kf = _ring(store)
    return kf.secrets is None


def unlock_keys(store: Store, passphrase: str) -> None:
    unlock(key_file(store), passphrase)


def protect_keys(store: Store, passphrase: str | None) -> None:
    """Protect the key file with a passphrase (None removes the protection). The file must be unlocked."""
    _ring(store)
    set_passphrase(key_file(store), passphrase)


def _sign_statement(body: dict[str, Any], *signers: tuple[str, Ed25519PrivateKey]) -> dict[str, Any]:
    message = canonical(body)
    return dict(body, **{name: b64(key.sign(message)) for name, key in signers})


def rotate_keys(store: Store) -> tuple[str, str]:
    """A new key pair, announced by a statement signed by the old key (and the new one): peers that trust the
    old key trust the new one when the next bundle arrives, without a new enrolment. The old pair is kept
    retired (its decryption key opens bundles made for it before the peers learnt of the rotation).
    Returns (old fingerprint, new fingerprint)."""
    kf = _ring(store)
    old = _current(kf)
    old_secret = _secret(kf, old["fingerprint"])
    public, secret = _new_pair()
    body = {"format": STATEMENT_FORMAT, "kind": "rotate", "unit_code": store.unit_code, "install_id": store.install_id,
            "old_fingerprint": old["fingerprint"], "old_sign_key": old["sign_key"], "old_box_key": old["box_key"],
            "new_fingerprint": public["fingerprint"], "new_sign_key": public["sign_key"], "new_box_key": public["box_key"],
            "at": now_iso()}
    statement = _sign_statement(
        body,
        ("signature_old", Ed25519PrivateKey.from_private_bytes(unb64(old_secret["sign"]))),
        ("signature_new", Ed25519PrivateKey.from_private_bytes(unb64(secret["sign"]))),
    )
    keys = [dict(k, status="retired") if k["fingerprint"] == old["fingerprint"] else dict(k)
            for k in kf.public.get("keys", [])]
    secrets = dict(secrets_of(kf).get("keys", {}))
    secrets[old["fingerprint"]] = {"box": old_secret["box"]}  # a retired key only decrypts
    secrets[public["fingerprint"]] = secret
    write_key_file(kf.path, dict(kf.public, keys=[*keys, public],
                                 statements=[*kf.public.get("statements", []), statement]), {"keys": secrets})
    with store.atomic():
        store.set_meta(META_OWN_FINGERPRINT, public["fingerprint"])
    return old["fingerprint"], public["fingerprint"]


def revoke_own_key(store: Store, *, reason: str = "") -> tuple[str, str]:
    """Revoke this installation's current key (it may have been copied: a stolen computer, a leaked backup of an
    earlier version) and make a new pair. The revocation, signed by the revoked key, travels in the next bundles:
    receivers stop trusting that key, and every key a rotation derived from it, at once. The new key must be
    enrolled again by fingerprint (a thief holding the old key could otherwise announce a key of its own).
    Returns (revoked fingerprint, new fingerprint)."""
    kf = _ring(store)
    old = _current(kf)
    old_sign = Ed25519PrivateKey.from_private_bytes(unb64(_secret(kf, old["fingerprint"])["sign"]))
    public, secret = _new_pair()
    body = {"format": STATEMENT_FORMAT, "kind": "revoke", "unit_code": store.unit_code,
            "fingerprint": old["fingerprint"], "sign_key": old["sign_key"], "box_key": old["box_key"],
            "reason": reason, "at": now_iso()}
    statement = _sign_statement(body, ("signature", old_sign))
    keys = [dict(k, status="revoked") if k["fingerprint"] == old["fingerprint"] else dict(k)
            for k in kf.public.get("keys", [])]
    secrets = {fp: s for fp, s in secrets_of(kf).get("keys", {}).items() if fp != old["fingerprint"]}
    secrets[public["fingerprint"]] = secret
    write_key_file(kf.path, dict(kf.public, keys=[*keys, public],
                                 statements=[*kf.public.get("statements", []), statement]), {"keys": secrets})
    with store.atomic():
        store.set_meta(META_OWN_FINGERPRINT, public["fingerprint"])
    return old["fingerprint"], public["fingerprint"]


def new_keys(store: Store) -> str:
    """A fresh key pair when the key file is lost (nothing can be signed by the lost key). Peers hold the
    bundles signed by it until they enrol the new fingerprint. Refused while a key file exists."""
    path = key_file(store)
    if read_key_file(path) is not None:
        raise SyncError(
            f"Đã có tệp khóa “{path}”. Để đổi khóa hãy dùng “tdkt keys rotate”; khi khóa có thể đã bị lộ, dùng "
            "“tdkt keys revoke”.",
            code="refused",
        )
    public, secrets = _new_pair()
    write_key_file(path, {"keys": [public], "statements": []}, {"keys": {public["fingerprint"]: secrets}})
    with store.atomic():
        store.set_meta(META_OWN_FINGERPRINT, public["fingerprint"])
    return str(public["fingerprint"])


def verify_signature(sign_key: str, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sign_key)).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# --------------------------------------------------------------------------- enrolment files


@dataclass(frozen=True)
class EnrolmentInfo:
    unit_code: str
    name: str | None
    level: str | None
    parent_code: str | None
    install_id: str
    sign_key: str
    box_key: str
    fingerprint: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def export_enrolment(store: Store) -> bytes:
    """This installation's enrolment file (JSON, self-signed): unit, install id, public keys, fingerprint."""
    code = store.unit_code
    if not code:
        raise SyncError(
            "Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ” trước khi xuất tệp đăng ký khóa.",
            code="no_unit",
        )
    unit = store.self_unit() or {}
    sign, box = public_keys(store)
    body = {
        "format": ENROLMENT_FORMAT,
        "version": ENROLMENT_VERSION,
        "unit_code": code,
        "name": unit.get("name"),
        "level": unit.get("level"),
        "parent_code": unit.get("parent_code"),
        "install_id": store.install_id,
        "sign_key": sign,
        "box_key": box,
        "fingerprint": fingerprint(sign, box),
        "created_at": now_iso(),
    }
    body["self_signature"] = b64(signing_key(store).sign(canonical(body)))
    return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def read_enrolment(data: bytes) -> EnrolmentInfo:
    """Read and check an enrolment file; the fingerprint is recomputed from the keys."""
    bad = "Tệp đăng ký khóa không hợp lệ hoặc đã bị sửa"
    if len(data) > 64 * 1024:
        raise SyncError(f"{bad} (tệp quá lớn). Hãy xin lại tệp đăng ký từ đơn vị gửi.", code="bad_enrolment")
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SyncError(f"{bad} (không đọc được nội dung). Hãy xin lại tệp từ đơn vị gửi.", code="bad_enrolment") from None
    if not isinstance(body, dict) or body.get("format") != ENROLMENT_FORMAT:
        raise SyncError("Đây không phải tệp đăng ký khóa TĐKT. Hãy chọn đúng tệp do “tdkt keys export” tạo ra.", code="bad_enrolment")
    version = body.get("version")
    if not isinstance(version, int) or version > ENROLMENT_VERSION:
        raise SyncError(
            "Tệp đăng ký khóa được tạo bởi phiên bản TĐKT Desktop mới hơn. Hãy cập nhật phần mềm rồi thử lại.",
            code="newer_format",
        )
    required = ("unit_code", "install_id", "sign_key", "box_key", "fingerprint", "self_signature")
    if any(not isinstance(body.get(k), str) or not body.get(k) for k in required):
        raise SyncError(f"{bad} (thiếu thông tin). Hãy xin lại tệp từ đơn vị gửi.", code="bad_enrolment")
    signature = unb64(body.pop("self_signature"), what="chữ ký")
    try:
        fp = fingerprint(body["sign_key"], body["box_key"])
        Ed25519PublicKey.from_public_bytes(unb64(body["sign_key"]))
        if len(unb64(body["box_key"])) != 32:
            raise ValueError
    except (SyncError, ValueError):
        raise SyncError(f"{bad} (khóa công khai hỏng). Hãy xin lại tệp từ đơn vị gửi.", code="bad_enrolment") from None
    if fp != body["fingerprint"] or not verify_signature(body["sign_key"], signature, canonical(body)):
        raise SyncError(f"{bad}: dấu vân tay hoặc chữ ký không khớp. Hãy xin lại tệp từ đơn vị gửi.", code="bad_enrolment")
    return EnrolmentInfo(
        unit_code=body["unit_code"],
        name=body.get("name"),
        level=body.get("level"),
        parent_code=body.get("parent_code"),
        install_id=body["install_id"],
        sign_key=body["sign_key"],
        box_key=body["box_key"],
        fingerprint=fp,
        created_at=str(body.get("created_at") or ""),
    )


# --------------------------------------------------------------------------- peers


@dataclass(frozen=True)
class EnrolResult:
    unit_code: str
    fingerprint: str
    status: str  # "trusted", "pending" (recorded, not trusted yet), "already"
    replaced_fingerprint: str | None
    message: str


def peer_by_fingerprint(store: Store, fp: str) -> dict[str, Any] | None:
    rows = store.read("SELECT * FROM sync_peers WHERE fingerprint = ?", [fp])
    return rows[0] if rows else None


def trusted_peer(store: Store, unit_code: str) -> dict[str, Any] | None:
    rows = list(
        store.db.query("SELECT * FROM sync_peers WHERE unit_code = ? AND status = 'trusted'", [unit_code])
    )
    return rows[0] if rows else None


def list_peers(store: Store) -> list[dict[str, Any]]:
    return list(store.db.query("SELECT * FROM sync_peers ORDER BY unit_code, status, enrolled_at"))


def key_events(store: Store, unit_code: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM sync_key_events"
    params: list[Any] = []
    if unit_code:
        sql += " WHERE unit_code = ?"
        params.append(unit_code)
    return list(store.db.query(sql + " ORDER BY id", params))


def _event(store: Store, info: EnrolmentInfo, event: str, previous: str | None) -> None:
    store.db.execute(
        "INSERT INTO sync_key_events (at, operator, unit_code, event, fingerprint, previous_fingerprint, install_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [now_iso(), store.operator, info.unit_code, event, info.fingerprint, previous, info.install_id],
    )


def _save_peer(store: Store, info: EnrolmentInfo, status: str) -> None:
    now = now_iso()
    store.db.execute(
        "INSERT INTO sync_peers (fingerprint, unit_code, name, level, parent_code, install_id, sign_key, box_key,"
        " status, enrolled_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(fingerprint) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,"
        " name = excluded.name, level = excluded.level, parent_code = excluded.parent_code",
        [info.fingerprint, info.unit_code, info.name, info.level, info.parent_code, info.install_id,
         info.sign_key, info.box_key, status, now, now],
    )


def _ensure_unit_row(store: Store, info: EnrolmentInfo) -> None:
    """Add the peer's unit to the local unit tree when it is not there yet (so bundles know their way)."""
    if store.unit_by_code(info.unit_code) is not None:
        return
    values = {"code": info.unit_code, "name": info.name or info.unit_code, "level": info.level or "other"}
    if info.parent_code:
        values["parent_code"] = info.parent_code
    try:
        store.insert("units", values)
    except InputError:
        values["level"] = "other"
        store.insert("units", values)


def enroll(store: Store, info: EnrolmentInfo, *, confirmed: bool) -> EnrolResult:
    """Record a peer's keys. Only ``confirmed=True`` (a person compared the fingerprint) makes them trusted;
    otherwise they are kept as pending and bundles signed with them are held. New keys for a unit that
    already has trusted keys (a reinstall) replace them the same way, and the replacement is recorded."""
    if info.install_id == store.install_id or info.fingerprint == own_fingerprint(store):
        raise SyncError(
            "Đây là tệp đăng ký khóa của chính bản cài đặt này. Hãy ghi danh tệp do đơn vị bên kia gửi tới.",
            code="bad_enrolment",
        )
    if info.unit_code == store.unit_code:
        raise SyncError(
            f"Tệp đăng ký mang mã đơn vị {info.unit_code}, trùng với đơn vị của bản cài đặt này. Mỗi đơn vị chỉ "
            "ghi danh cấp trên và các đơn vị trực thuộc của mình.",
            code="bad_enrolment",
        )
    with store.atomic():
        existing = peer_by_fingerprint(store, info.fingerprint)
        if existing is not None and existing["status"] == "revoked":
            raise SyncError(
                f"Khóa {info.fingerprint} của đơn vị {info.unit_code} đã bị thu hồi (máy bị mất hoặc khóa bị lộ), nên "
                "không thể ghi danh lại. Hãy đề nghị đơn vị gửi tệp đăng ký của khóa mới.",
                code="revoked_key",
            )
        if existing is not None and existing["unit_code"] != info.unit_code:
            raise SyncError(
                f"Khóa này đã được ghi danh cho đơn vị {existing['unit_code']}, không thể dùng cho đơn vị "
                f"{info.unit_code}. Hãy kiểm tra lại tệp đăng ký.",
                code="bad_enrolment",
            )
        current = trusted_peer(store, info.unit_code)
        if existing is not None and existing["status"] == "trusted":
            return EnrolResult(info.unit_code, info.fingerprint, "already", None,
                               f"Đơn vị {info.unit_code} đã được ghi danh với khóa {info.fingerprint}.")
        if not confirmed:
            if existing is None:
                _save_peer(store, info, "pending")
                _event(store, info, "pending", current["fingerprint"] if current else None)
            return EnrolResult(
                info.unit_code, info.fingerprint, "pending", None,
                f"Đã ghi nhận khóa {info.fingerprint} của đơn vị {info.unit_code} nhưng CHƯA tin cậy: hãy đối chiếu "
                "dấu vân tay với đơn vị đó rồi xác nhận. Các gói ký bằng khóa này sẽ được tạm giữ.",
            )
        replaced = None
        if current is not None:
            replaced = current["fingerprint"]
            store.db.execute(
                "UPDATE sync_peers SET status = 'replaced', updated_at = ? WHERE fingerprint = ?", [now_iso(), replaced]
            )
        _save_peer(store, info, "trusted")
        _event(store, info, "replaced" if replaced else "enrolled", replaced)
        _ensure_unit_row(store, info)
    if replaced:
        message = (f"Đã thay khóa của đơn vị {info.unit_code}: khóa cũ {replaced} không còn được tin cậy, "
                   f"khóa mới {info.fingerprint}.")
    else:
        message = f"Đã ghi danh đơn vị {info.unit_code} với khóa {info.fingerprint}."
    return EnrolResult(info.unit_code, info.fingerprint, "trusted", replaced, message)


# --------------------------------------------------------------------------- rotations and revocations of peers


def revoke_peer(store: Store, unit_code: str, *, reason: str = "") -> str:
    """Stop trusting the current key of the peer ``unit_code`` here (its computer was lost or stolen): bundles
    signed by it are refused from now on; its new key is enrolled by fingerprint. Returns the fingerprint."""
    with store.atomic():
        current = trusted_peer(store, unit_code)
        if current is None:
            raise SyncError(f"Không có khóa đang tin cậy nào của đơn vị {unit_code}.", code="not_found")
        _revoke(store, current["fingerprint"], unit_code, reason or "thu hồi tại đây")
    return str(current["fingerprint"])


def _revoke(store: Store, fp: str, unit_code: str, reason: str) -> list[str]:
    """Revoke ``fp`` and every key a rotation made trusted from it (a thief holding ``fp`` may have announced
    one); returns the fingerprints revoked."""
    done: list[str] = []
    todo = [fp]
    while todo:
        current = todo.pop()
        if current in done:
            continue
        done.append(current)
        row = peer_by_fingerprint(store, current)
        if row is not None and row["status"] != "revoked":
            store.db.execute("UPDATE sync_peers SET status = 'revoked', updated_at = ? WHERE fingerprint = ?",
                             [now_iso(), current])
            store.db.execute(
                "INSERT INTO sync_key_events (at, operator, unit_code, event, fingerprint, previous_fingerprint, install_id)"
                " VALUES (?, ?, ?, 'revoked', ?, NULL, ?)",
                [now_iso(), store.operator, unit_code, current, row["install_id"]],
            )
        todo.extend(str(r[0]) for r in store.db.execute(
            "SELECT fingerprint FROM sync_key_events WHERE event = 'rotated' AND previous_fingerprint = ?", [current]
        ).fetchall())
    return done


def _valid_statement(st: Any, sender: str) -> dict[str, Any] | None:
    if not isinstance(st, dict) or st.get("format") != STATEMENT_FORMAT or st.get("unit_code") != sender:
        return None
    names = {"rotate": ("old_sign_key", "old_box_key", "new_sign_key", "new_box_key", "signature_old", "signature_new"),
             "revoke": ("sign_key", "box_key", "signature")}.get(str(st.get("kind")))
    if names is None or any(not isinstance(st.get(n), str) for n in names):
        return None
    body = {k: v for k, v in st.items() if not k.startswith("signature")}
    message = canonical(body)
    try:
        if st["kind"] == "revoke":
            if fingerprint(st["sign_key"], st["box_key"]) != st.get("fingerprint"):
                return None
            ok = verify_signature(st["sign_key"], unb64(st["signature"]), message)
        else:
            if fingerprint(st["old_sign_key"], st["old_box_key"]) != st.get("old_fingerprint") or \
                    fingerprint(st["new_sign_key"], st["new_box_key"]) != st.get("new_fingerprint"):
                return None
            ok = verify_signature(st["old_sign_key"], unb64(st["signature_old"]), message) and \
                verify_signature(st["new_sign_key"], unb64(st["signature_new"]), message)
    except SyncError:
        return None
    return dict(st) if ok else None


def apply_key_statements(store: Store, sender: str, statements: Any) -> list[str]:
    """Apply the key rotations and revocations a bundle from ``sender`` carries (each checked by its own
    signatures, whatever becomes of the bundle); returns notes for the import report.

    A revocation makes its key — and every key rotated from it — untrusted for good. A rotation makes the new
    key trusted when the old one is trusted here now (a revoked or replaced key announces nothing)."""
    if not isinstance(statements, list):
        return []
    notes: list[str] = []
    for raw in statements[:MAX_STATEMENTS]:
        st = _valid_statement(raw, sender)
        if st is None:
            notes.append(f"Bỏ qua một thông báo khóa không hợp lệ của đơn vị {sender}.")
            continue
        if st["kind"] == "revoke":
            fp = str(st["fingerprint"])
            row = peer_by_fingerprint(store, fp)
            if row is not None and row["unit_code"] != sender:
                continue
            if row is None:
                _save_peer(store, EnrolmentInfo(sender, None, None, None, "", st["sign_key"], st["box_key"], fp, ""),
                           "revoked")
                notes.append(f"Đơn vị {sender} đã thu hồi khóa {fp}; khóa này sẽ không bao giờ được tin cậy.")
                continue
            if row["status"] != "revoked":
                revoked = _revoke(store, fp, sender, str(st.get("reason") or ""))
                notes.append(f"Đơn vị {sender} đã thu hồi khóa {fp}: không còn tin cậy " + ", ".join(revoked) +
                             ". Hãy đối chiếu dấu vân tay khóa mới của đơn vị rồi ghi danh lại.")
            continue
        old = peer_by_fingerprint(store, str(st["old_fingerprint"]))
        new = peer_by_fingerprint(store, str(st["new_fingerprint"]))
        if old is not None and old["unit_code"] == sender and old["status"] == "revoked":
            # announced by a revoked key: whoever holds that key made it — never trusted
            if new is None:
                _save_peer(store, EnrolmentInfo(sender, None, None, None, old["install_id"], st["new_sign_key"],
                                                st["new_box_key"], str(st["new_fingerprint"]), ""), "revoked")
                _event(store, EnrolmentInfo(sender, None, None, None, old["install_id"], "", "",
                                            str(st["new_fingerprint"]), ""), "rotated", old["fingerprint"])
                notes.append(f"Khóa {st['new_fingerprint']} do khóa đã thu hồi {old['fingerprint']} giới thiệu: không tin cậy.")
            continue
        if old is None or old["unit_code"] != sender or old["status"] != "trusted":
            continue
        if new is not None and (new["status"] in ("trusted", "revoked") or new["unit_code"] != sender):
            continue
        info = EnrolmentInfo(sender, old["name"], old["level"], old["parent_code"], old["install_id"],
                             st["new_sign_key"], st["new_box_key"], str(st["new_fingerprint"]), str(st.get("at") or ""))
        store.db.execute("UPDATE sync_peers SET status = 'replaced', updated_at = ? WHERE fingerprint = ?",
                         [now_iso(), old["fingerprint"]])
        _save_peer(store, info, "trusted")
        _event(store, info, "rotated", old["fingerprint"])
        notes.append(f"Đơn vị {sender} đã đổi khóa {old['fingerprint']} → {info.fingerprint} (ký bằng khóa cũ).")
    return notes


def accept_new_install(store: Store, peer: dict[str, Any], install_id: str) -> str:
    """The peer's database got a new installation identity (restored from a backup) under the same trusted key:
    recorded, and from now on its bundles carry the new identity. Returns a note for the report."""
    store.db.execute("UPDATE sync_peers SET install_id = ?, updated_at = ? WHERE fingerprint = ?",
                     [install_id, now_iso(), peer["fingerprint"]])
    store.db.execute(
        "INSERT INTO sync_key_events (at, operator, unit_code, event, fingerprint, previous_fingerprint, install_id)"
        " VALUES (?, ?, ?, 'new_install', ?, NULL, ?)",
        [now_iso(), store.operator, peer["unit_code"], peer["fingerprint"], install_id],
    )
    return (f"Đơn vị {peer['unit_code']} đã khôi phục cơ sở dữ liệu từ bản sao lưu (định danh bản cài đặt mới "
            f"{install_id}); các thay đổi sau ngày sao lưu của đơn vị đó mang định danh mới.")
