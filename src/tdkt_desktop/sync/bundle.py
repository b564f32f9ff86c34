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
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tdkt_desktop.core.errors import FileAccessError, file_error
from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.store.errors import is_open_database_file
from tdkt_desktop.sync.errors import SyncError
from tdkt_desktop.sync.keys import b64, canonical, unb64, verify_signature

FORMAT = "tdkt-bundle"
FORMAT_VERSION = 2
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


_TAG = 16  # AES-GCM tag, appended to the ciphertext


def _cannot_decrypt() -> SyncError:
    return SyncError(
        "Không giải mã được gói: gói bị sửa trên đường đi hoặc không được mã hóa cho khóa của bản cài đặt này. "
        "Hãy đề nghị đơn vị gửi kiểm tra đã ghi danh đúng khóa hiện tại của đơn vị mình rồi xuất lại gói.",
        code="cannot_decrypt",
    )


def encode_payload(payload: dict[str, Any]) -> tuple[bytes, str, int]:
    """(compressed bytes, SHA-256 of the plain JSON, plain size)."""
    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(plain, 6), sha256(plain), len(plain)


def decode_payload(data: bytes, *, plain_sha256: str, plain_size: int) -> dict[str, Any]:
    """The rows of a compressed (not encrypted) payload held in memory (for tools and tests)."""
    return _parse_plain(_inflate(iter([data]), plain_size), plain_sha=plain_sha256)


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
#
# A bundle is read from disk in this order, so that a hostile file costs little to refuse: the zip's end
# record (exactly three entries, a small central directory), the three entries (the expected names, stored
# uncompressed, declared sizes equal to the stored sizes, within their caps), the manifest and its
# signature (by the key the manifest names). Only then, and only for a trusted sender, is the payload
# hashed from disk in chunks, and only when its hash matches the signed manifest is it decrypted and
# decompressed (in chunks, never beyond the declared size).

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_LOCAL_HEADER = b"PK\x03\x04"
_MAX_CENTRAL_DIR = 4096  # three entries with short names
CHUNK = 1 << 20


@dataclass
class RawBundle:
    """A bundle whose container, versions and signature have been checked (payload not yet opened)."""

    source: str
    path: Path
    size: int
    manifest: dict[str, Any]
    signature: bytes
    payload_offset: int
    payload_size: int
    hash: str

    @property
    def bundle_id(self) -> str:
        return str(self.manifest.get("bundle_id"))

    @property
    def origin(self) -> dict[str, Any]:
        origin: dict[str, Any] = self.manifest["origin"]
        return origin


def _unsafe(source: str, detail: str) -> SyncError:
    return SyncError(
        f"Gói {source} {detail}. Gói bị từ chối vì có thể là tệp độc hại hoặc bị hỏng; hãy chỉ nhập gói do TĐKT "
        "Desktop tạo ra, hoặc xin đơn vị gửi xuất lại.",
        code="unsafe_zip",
    )


def _not_bundle(source: str) -> SyncError:
    return SyncError(
        f"Tệp {source} không phải gói dữ liệu TĐKT hoặc đã bị cắt cụt/hỏng khi sao chép. Hãy chép lại tệp từ nguồn "
        "hoặc xin đơn vị gửi xuất lại gói.",
        code="truncated",
    )


def _check_end_record(fh: Any, size: int, source: str) -> None:
    """The zip's end-of-central-directory record: three entries, a small central directory inside the file."""
    tail_len = min(size, _EOCD_SIZE + 0xFFFF)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        raise _not_bundle(source)
    disk, cd_disk, here, total, cd_size, cd_offset, _comment = struct.unpack("<HHHHIIH", tail[at + 4 : at + _EOCD_SIZE])
    if disk or cd_disk or here != total:
        raise _unsafe(source, "chia thành nhiều phần")
    if total != len(MEMBERS):
        raise _unsafe(source, f"có {total} thành phần thay vì {len(MEMBERS)} (có thành phần lạ)")
    if cd_size > _MAX_CENTRAL_DIR or cd_offset + cd_size > size:
        raise _unsafe(source, "có danh mục thành phần bất thường")


def _payload_offset(fh: Any, info: zipfile.ZipInfo, source: str, size: int) -> int:
    fh.seek(info.header_offset)
    header = fh.read(30)
    if len(header) != 30 or header[:4] != _LOCAL_HEADER:
        raise _not_bundle(source)
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    offset = info.header_offset + 30 + int(name_len) + int(extra_len)
    if offset + info.file_size > size:
        raise _not_bundle(source)
    return offset


def open_bundle(path: str | Path, *, source: str | None = None, schema_version: int) -> RawBundle:
    """Check the container, format and schema versions and the signature (by the key the manifest names).

    Reads the end record, the member list, the manifest (≤ 1 MiB) and the signature; never the payload.
    """
    path = Path(path)
    source = source or path.name
    if is_open_database_file(path):  # never opened outside SQLite: closing it would drop the database's locks
        raise SyncError(
            f"{source} là tệp cơ sở dữ liệu đang mở, không phải gói đồng bộ. Hãy chọn tệp gói (*.tdktgoi) mà đơn vị "
            "kia gửi cho bạn.",
            code="database_file",
        )
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise SyncError.from_file_error(file_error(exc, path, reading=True)) from exc
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_FILE:
            raise _unsafe(source, f"quá lớn ({size} byte)")
        if size < _EOCD_SIZE:
            raise _not_bundle(source)
        _check_end_record(fh, size, source)
        fh.seek(0)
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise _not_bundle(source) from None
        with zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
            if len(infos) != len(MEMBERS) or sorted(names) != sorted(MEMBERS):
                unsafe = [n for n in names if n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/")]
                detail = " (có đường dẫn ra ngoài thư mục)" if unsafe else ""
                raise _unsafe(source, f"có thành phần lạ{detail}: {', '.join(names[:10])}")
            by_name = {i.filename: i for i in infos}
            for info in infos:
                if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
                    raise _unsafe(source, f"có thành phần {info.filename} bị nén (định dạng chỉ cho phép lưu nguyên)")
                if info.flag_bits & 0x1:
                    raise _unsafe(source, f"có thành phần {info.filename} được mã hóa kiểu zip")
            limits = {MANIFEST: MAX_MANIFEST, SIGNATURE: 64, PAYLOAD: MAX_PAYLOAD}
            for name, limit in limits.items():
                if by_name[name].file_size > limit:
                    raise _unsafe(source, f"có thành phần {name} quá lớn ({by_name[name].file_size} byte)")
            try:
                manifest_bytes = zf.read(MANIFEST)
                signature = zf.read(SIGNATURE)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
                raise _not_bundle(source) from None
            payload_info = by_name[PAYLOAD]
            payload_offset = _payload_offset(fh, payload_info, source, size)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise SyncError(f"Bản kê (manifest) của gói {source} không đọc được: gói bị hỏng hoặc bị sửa.", code="tampered") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_bundle(source)
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise SyncError(
            f"Gói {source} dùng định dạng phiên bản {version}, mới hơn phiên bản phần mềm này hiểu ({FORMAT_VERSION}). "
            "Hãy cập nhật TĐKT Desktop rồi nhập lại; dữ liệu chưa thay đổi.",
            code="newer_format",
        )
    if version < FORMAT_VERSION:
        raise SyncError(
            f"Gói {source} dùng định dạng phiên bản {version} của một bản TĐKT Desktop cũ (phiên bản này dùng "
            f"{FORMAT_VERSION}). Hãy đề nghị đơn vị gửi cập nhật phần mềm rồi xuất lại gói; dữ liệu chưa thay đổi.",
            code="older_format",
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
    if manifest["payload"].get("size") != payload_info.file_size:
        raise SyncError(
            f"Kích thước phần dữ liệu của gói {source} không khớp bản kê: gói đã bị sửa hoặc hỏng. Gói bị từ chối; hãy "
            "xin đơn vị gửi xuất lại.",
            code="tampered",
        )
    return RawBundle(source, path, size, manifest, signature, payload_offset, payload_info.file_size,
                     manifest_hash(manifest))


def _payload_chunks(raw: RawBundle, *, skip_tail: int = 0) -> Iterator[bytes]:
    """The stored payload, read from disk in chunks (without its last ``skip_tail`` bytes)."""
    remaining = raw.payload_size - skip_tail
    try:
        with raw.path.open("rb") as fh:
            fh.seek(raw.payload_offset)
            while remaining > 0:
                chunk = fh.read(min(CHUNK, remaining))
                if not chunk:
                    raise _not_bundle(raw.source)
                remaining -= len(chunk)
                yield chunk
    except OSError as exc:
        raise SyncError.from_file_error(file_error(exc, raw.path, reading=True)) from exc


def _read_tail(raw: RawBundle, n: int) -> bytes:
    try:
        with raw.path.open("rb") as fh:
            fh.seek(raw.payload_offset + raw.payload_size - n)
            return fh.read(n)
    except OSError as exc:
        raise SyncError.from_file_error(file_error(exc, raw.path, reading=True)) from exc


def payload_matches(raw: RawBundle) -> bool:
    """SHA-256 of the stored payload, hashed from disk in chunks, equals the signed manifest's."""
    digest = hashlib.sha256()
    for chunk in _payload_chunks(raw):
        digest.update(chunk)
    return bool(digest.hexdigest() == raw.manifest["payload"].get("sha256"))


def _decryptor(raw: RawBundle, own_box: X25519PrivateKey) -> Any:
    desc = raw.manifest["payload"]
    own_pub = own_box.public_key().public_bytes(_RAW, _RAW_PUB)
    try:
        eph_pub = unb64(desc.get("ephemeral_key"))
        nonce = unb64(desc.get("nonce"))
        key = _key(own_box.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, own_pub)
        if raw.payload_size < _TAG or len(nonce) < 8:
            raise ValueError
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, _read_tail(raw, _TAG))).decryptor()
    except (ValueError, SyncError):
        raise _cannot_decrypt() from None
    decryptor.authenticate_additional_data(raw.bundle_id.encode("utf-8"))
    return decryptor


def open_payload(raw: RawBundle, own_box: X25519PrivateKey | None) -> dict[str, Any]:
    """Check the payload's hash (from disk, in chunks) against the signed manifest; then decrypt and decompress
    it in chunks, never beyond its declared size, and check the hash of the plain JSON before parsing it."""
    desc = raw.manifest["payload"]
    if not payload_matches(raw):
        raise SyncError(
            f"Mã băm phần dữ liệu của gói {raw.source} không khớp bản kê: gói đã bị sửa hoặc hỏng. Gói bị từ chối; hãy "
            "xin đơn vị gửi xuất lại.",
            code="tampered",
        )
    plain_size, plain_sha = desc.get("plain_size"), desc.get("plain_sha256")
    if not isinstance(plain_size, int) or isinstance(plain_size, bool) or not 0 <= plain_size <= MAX_PLAIN:
        raise SyncError("Gói khai báo kích thước dữ liệu không hợp lệ. Gói bị hỏng hoặc bị sửa.", code="tampered")
    decryptor = None
    chunks: Iterator[bytes]
    if desc.get("encrypted"):
        if desc.get("cipher") != CIPHER:
            raise SyncError(f"Gói {raw.source} dùng cách mã hóa chưa hỗ trợ ({desc.get('cipher')}). Hãy cập nhật phần mềm.",
                            code="newer_format")
        if own_box is None:
            raise SyncError("Bản cài đặt này chưa có khóa giải mã.", code="cannot_decrypt")
        decryptor = _decryptor(raw, own_box)
        chunks = (decryptor.update(c) for c in _payload_chunks(raw, skip_tail=_TAG))
    else:
        chunks = _payload_chunks(raw)
    plain = _inflate(chunks, plain_size)
    if decryptor is not None:
        try:
            decryptor.finalize()
        except InvalidTag:
            raise _cannot_decrypt() from None
    return _parse_plain(plain, plain_sha=str(plain_sha))


def _inflate(chunks: Iterator[bytes], plain_size: int) -> bytearray:
    too_long = SyncError(
        "Dữ liệu trong gói dài hơn hoặc ngắn hơn kích thước đã khai (có thể là tệp nén độc hại hoặc gói bị hỏng). "
        "Gói bị từ chối; hãy xin đơn vị gửi xuất lại.",
        code="unsafe_zip",
    )
    decomp = zlib.decompressobj()
    plain = bytearray()
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if decomp.eof:
                    raise too_long
                plain += decomp.decompress(data, plain_size + 1 - len(plain))
                if len(plain) > plain_size:
                    raise too_long
                data = decomp.unconsumed_tail
    except zlib.error:
        raise SyncError("Dữ liệu trong gói bị hỏng (không giải nén được). Hãy xin đơn vị gửi xuất lại gói.",
                        code="tampered") from None
    if len(plain) != plain_size or not decomp.eof or decomp.unused_data:
        raise too_long
    return plain


def _parse_plain(plain: bytes | bytearray, *, plain_sha: str) -> dict[str, Any]:
    if hashlib.sha256(plain).hexdigest() != plain_sha:
        raise SyncError("Mã băm dữ liệu không khớp: gói đã bị sửa. Hãy xin đơn vị gửi xuất lại gói.", code="tampered")
    try:
        payload = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise SyncError("Dữ liệu trong gói không đọc được. Hãy xin đơn vị gửi xuất lại gói.", code="tampered") from None
    if not isinstance(payload, dict):
        raise SyncError("Dữ liệu trong gói sai cấu trúc. Hãy xin đơn vị gửi xuất lại gói.", code="tampered")
    return payload


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
