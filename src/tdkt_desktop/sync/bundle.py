"""The bundle file: a zip with three fixed members, signed and (by default) encrypted.

``manifest.json``  canonical JSON (sorted keys, UTF-8): format name and version, schema version,
                   bundle id, origin unit/installation/public keys, recipient, counter and local-sequence
                   ranges, previous bundle's hash, per-table counts, payload description and hashes, and
                   the acknowledgement of the recipient's bundles imported here.
``signature.bin``  64 bytes: Ed25519 signature of the canonical manifest by the origin installation.
``payload.bin``    zlib-compressed JSON of the rows; when encrypted, AES-256-GCM with a key derived by
                   HKDF-SHA256 from an X25519 exchange between a one-time key and the recipient's key
                   (associated data: the bundle id). The manifest holds SHA-256 of this member as stored
                   and of the plain JSON.

Reading refuses anything else: other or extra members, oversized members, bad sizes or hashes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tdkt_desktop.core.errors import FileAccessError
from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.keys import b64, canonical, unb64, verify_signature

FORMAT = "tdkt-bundle"
FORMAT_VERSION = 1
CIPHER = "X25519-HKDF-SHA256-AES256GCM"
SUFFIX = ".tdktgoi"
MANIFEST, SIGNATURE, PAYLOAD = "manifest.json", "signature.bin", "payload.bin"
MEMBERS = (MANIFEST, SIGNATURE, PAYLOAD)

MAX_FILE = 1 << 31  # 2 GiB on disk
MAX_MANIFEST = 1 << 20
MAX_PAYLOAD = 1 << 31
MAX_PLAIN = 4 << 30  # uncompressed rows
_HKDF_INFO = b"tdkt-bundle-v1"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_hash(manifest: dict[str, Any]) -> str:
    """The bundle's identity hash: SHA-256 of its canonical manifest (which holds the payload hashes)."""
    return sha256(canonical(manifest))


def _key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub, info=_HKDF_INFO).derive(shared)


_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw


def encrypt(plain: bytes, recipient_box_key: str, aad: bytes) -> tuple[dict[str, str], bytes]:
    recipient = unb64(recipient_box_key)
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(_RAW, _RAW_PUB)
    key = _key(eph.exchange(X25519PublicKey.from_public_bytes(recipient)), eph_pub, recipient)
    nonce = os.urandom(12)
    return {"ephemeral_key": b64(eph_pub), "nonce": b64(nonce)}, AESGCM(key).encrypt(nonce, plain, aad)


def decrypt(data: bytes, header: dict[str, Any], own_box: X25519PrivateKey, aad: bytes) -> bytes:
    own_pub = own_box.public_key().public_bytes(_RAW, _RAW_PUB)
    try:
        eph_pub = unb64(header.get("ephemeral_key"))
        nonce = unb64(header.get("nonce"))
        key = _key(own_box.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, own_pub)
        return AESGCM(key).decrypt(nonce, data, aad)
    except (InvalidTag, ValueError, SyncError):
        raise SyncError(
            "Không giải mã được gói: gói bị sửa trên đường đi hoặc không được mã hóa cho khóa của bản cài đặt này. "
            "Hãy đề nghị đơn vị gửi kiểm tra đã ghi danh đúng khóa hiện tại của đơn vị mình rồi xuất lại gói.",
            code="cannot_decrypt",
        ) from None


def encode_payload(payload: dict[str, Any]) -> tuple[bytes, str, int]:
    """(compressed bytes, SHA-256 of the plain JSON, plain size)."""
    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(plain, 6), sha256(plain), len(plain)


def decode_payload(data: bytes, *, plain_sha256: str, plain_size: int) -> dict[str, Any]:
    if not isinstance(plain_size, int) or plain_size < 0 or plain_size > MAX_PLAIN:
        raise SyncError("Gói khai báo kích thước dữ liệu không hợp lệ. Gói bị hỏng hoặc bị sửa.", code="tampered")
    decomp = zlib.decompressobj()
    try:
        plain = decomp.decompress(data, plain_size + 1)
    except zlib.error:
        raise SyncError("Dữ liệu trong gói bị hỏng (không giải nén được). Hãy xin đơn vị gửi xuất lại gói.",
                        code="tampered") from None
    if len(plain) != plain_size or not decomp.eof or decomp.unconsumed_tail:
        raise SyncError(
            "Dữ liệu trong gói dài hơn hoặc ngắn hơn kích thước đã khai (có thể là tệp nén độc hại hoặc gói bị hỏng). "
            "Gói bị từ chối; hãy xin đơn vị gửi xuất lại.",
            code="unsafe_zip",
        )
    if sha256(plain) != plain_sha256:
        raise SyncError("Mã băm dữ liệu không khớp: gói đã bị sửa. Hãy xin đơn vị gửi xuất lại gói.", code="tampered")
    try:
        payload = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SyncError("Dữ liệu trong gói không đọc được. Hãy xin đơn vị gửi xuất lại gói.", code="tampered") from None
    if not isinstance(payload, dict):
        raise SyncError("Dữ liệu trong gói sai cấu trúc. Hãy xin đơn vị gửi xuất lại gói.", code="tampered")
    return payload


# --------------------------------------------------------------------------- writing


def write_bundle_file(path: Path, manifest: dict[str, Any], signature: bytes, payload_bin: bytes) -> int:
    """Write the zip atomically (:func:`~tdkt_desktop.core.files.atomic_write`). Returns the size in bytes."""
    path = Path(path)

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as zf:
            for name, data in ((MANIFEST, canonical(manifest)), (SIGNATURE, signature), (PAYLOAD, payload_bin)):
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED
                zf.writestr(info, data)

    try:
        atomic_write(path, write, make_parents=True)
    except FileAccessError as exc:
        raise SyncError.from_file_error(exc) from exc
    return path.stat().st_size


# --------------------------------------------------------------------------- reading


@dataclass
class RawBundle:
    """A bundle whose container, versions and signature have been checked (payload not yet opened)."""

    source: str
    data: bytes
    manifest: dict[str, Any]
    signature: bytes
    payload_bin: bytes
    hash: str

    @property
    def bundle_id(self) -> str:
        return str(self.manifest.get("bundle_id"))

    @property
    def origin(self) -> dict[str, Any]:
        return self.manifest["origin"]


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise SyncError(
            f"Thành phần {info.filename} của gói quá lớn ({info.file_size} byte). Gói bị từ chối vì có thể là tệp "
            "nén độc hại; hãy xin đơn vị gửi xuất lại.",
            code="unsafe_zip",
        )
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit or len(data) != info.file_size:
        raise SyncError(f"Thành phần {info.filename} của gói có kích thước sai. Gói bị hỏng hoặc bị sửa.", code="unsafe_zip")
    return data


def open_bundle(data: bytes, *, source: str, schema_version: int) -> RawBundle:
    """Check the container, format and schema versions and the signature (by the key the manifest names)."""
    not_bundle = (
        f"Tệp {source} không phải gói dữ liệu TĐKT hoặc đã bị cắt cụt/hỏng khi sao chép. Hãy chép lại tệp từ nguồn "
        "hoặc xin đơn vị gửi xuất lại gói."
    )
    if len(data) > MAX_FILE:
        raise SyncError(f"Tệp {source} quá lớn để là một gói dữ liệu TĐKT.", code="unsafe_zip")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise SyncError(not_bundle, code="truncated") from None
    with zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        if len(infos) > len(MEMBERS) or sorted(names) != sorted(MEMBERS):
            unsafe = [n for n in names if n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/")]
            detail = " (có đường dẫn ra ngoài thư mục)" if unsafe else ""
            raise SyncError(
                f"Gói {source} có thành phần lạ{detail}: {', '.join(names[:10])}. Gói bị từ chối; hãy chỉ nhập gói do "
                "TĐKT Desktop tạo ra.",
                code="unsafe_zip",
            )
        by_name = {i.filename: i for i in infos}
        try:
            manifest_bytes = _read_member(zf, by_name[MANIFEST], MAX_MANIFEST)
            signature = _read_member(zf, by_name[SIGNATURE], 64)
            payload_bin = _read_member(zf, by_name[PAYLOAD], MAX_PAYLOAD)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
            raise SyncError(not_bundle, code="truncated") from None
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SyncError(f"Bản kê (manifest) của gói {source} không đọc được: gói bị hỏng hoặc bị sửa.", code="tampered") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SyncError(not_bundle, code="truncated")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise SyncError(
            f"Gói {source} dùng định dạng phiên bản {version}, mới hơn phiên bản phần mềm này hiểu ({FORMAT_VERSION}). "
            "Hãy cập nhật TĐKT Desktop rồi nhập lại; dữ liệu chưa thay đổi.",
            code="newer_format",
        )
    their_schema = manifest.get("schema_version")
    if not isinstance(their_schema, int) or their_schema > schema_version:
        raise SyncError(
            f"Gói {source} được tạo từ cơ sở dữ liệu lược đồ {their_schema}, mới hơn lược đồ của bản cài đặt này "
            f"({schema_version}). Hãy cập nhật TĐKT Desktop rồi nhập lại; dữ liệu chưa thay đổi.",
            code="newer_schema",
        )
    origin = manifest.get("origin")
    if (
        not isinstance(origin, dict)
        or not all(isinstance(origin.get(k), str) and origin.get(k) for k in ("unit_code", "install_id", "sign_key", "box_key"))
        or not isinstance(manifest.get("bundle_id"), str)
        or not isinstance(manifest.get("to"), dict)
        or not isinstance(manifest.get("payload"), dict)
    ):
        raise SyncError(f"Bản kê của gói {source} thiếu thông tin bắt buộc: gói bị hỏng hoặc bị sửa.", code="tampered")
    if len(signature) != 64 or not verify_signature(origin["sign_key"], signature, canonical(manifest)):
        raise SyncError(
            f"Chữ ký của gói {source} không hợp lệ: bản kê đã bị sửa hoặc chữ ký bị tráo. Gói bị từ chối, dữ liệu "
            "không thay đổi. Hãy xin đơn vị gửi xuất lại gói và chuyển bằng đường an toàn.",
            code="bad_signature",
        )
    return RawBundle(source, data, manifest, signature, payload_bin, manifest_hash(manifest))


def open_payload(raw: RawBundle, own_box: X25519PrivateKey | None) -> dict[str, Any]:
    """Check the payload's hashes, decrypt and decompress it."""
    desc = raw.manifest["payload"]
    if sha256(raw.payload_bin) != desc.get("sha256") or len(raw.payload_bin) != desc.get("size"):
        raise SyncError(
            f"Mã băm phần dữ liệu của gói {raw.source} không khớp bản kê: gói đã bị sửa hoặc hỏng. Gói bị từ chối; hãy "
            "xin đơn vị gửi xuất lại.",
            code="tampered",
        )
    data = raw.payload_bin
    if desc.get("encrypted"):
        if desc.get("cipher") != CIPHER:
            raise SyncError(f"Gói {raw.source} dùng cách mã hóa chưa hỗ trợ ({desc.get('cipher')}). Hãy cập nhật phần mềm.",
                            code="newer_format")
        if own_box is None:
            raise SyncError("Bản cài đặt này chưa có khóa giải mã.", code="cannot_decrypt")
        data = decrypt(data, desc, own_box, raw.bundle_id.encode("utf-8"))
    return decode_payload(data, plain_sha256=str(desc.get("plain_sha256")), plain_size=desc.get("plain_size"))  # type: ignore[arg-type]


def bundle_files(paths: list[str | Path]) -> list[Path]:
    """Files to import: each file as given; for a folder, its bundle files (``*.tdktgoi``, ``*.zip``), sorted."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.iterdir() if f.is_file() and f.suffix.lower() in (SUFFIX, ".zip")))
        else:
            out.append(path)
    return out
