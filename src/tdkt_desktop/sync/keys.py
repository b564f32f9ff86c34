"""Keys and enrolment: who this installation is, and which peers it trusts.

Each installation has an Ed25519 key pair (signs the bundles it writes) and an X25519 key pair
(bundles addressed to it are encrypted to it). The private keys are kept in the database's ``meta``
table (``sync_sign_private``, ``sync_box_private``), so they live and are backed up with the data
they protect and never appear in any exported file. A peer is trusted only after a person has compared
its fingerprint (read over the telephone or on paper) and confirmed it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.db import Store, now_iso
from tdkt_desktop.sync.errors import SyncError

ENROLMENT_FORMAT = "tdkt-enrolment"
ENROLMENT_VERSION = 1
META_SIGN = "sync_sign_private"
META_BOX = "sync_box_private"

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


# --------------------------------------------------------------------------- own keys


def ensure_keys(store: Store) -> None:
    """Create this installation's key pairs once (kept in ``meta``)."""
    if store.meta(META_SIGN) and store.meta(META_BOX):
        return
    with store.atomic():
        if not store.meta(META_SIGN):
            store.set_meta(META_SIGN, b64(Ed25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())))
        if not store.meta(META_BOX):
            store.set_meta(META_BOX, b64(X25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())))


def signing_key(store: Store) -> Ed25519PrivateKey:
    ensure_keys(store)
    return Ed25519PrivateKey.from_private_bytes(unb64(store.meta(META_SIGN)))


def box_key(store: Store) -> X25519PrivateKey:
    ensure_keys(store)
    return X25519PrivateKey.from_private_bytes(unb64(store.meta(META_BOX)))


def public_keys(store: Store) -> tuple[str, str]:
    """(Ed25519 public key, X25519 public key), base64."""
    return (
        b64(signing_key(store).public_key().public_bytes(_RAW, _RAW_PUB)),
        b64(box_key(store).public_key().public_bytes(_RAW, _RAW_PUB)),
    )


def own_fingerprint(store: Store) -> str:
    return fingerprint(*public_keys(store))


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
    rows = list(store.db.query("SELECT * FROM sync_peers WHERE fingerprint = ?", [fp]))
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
