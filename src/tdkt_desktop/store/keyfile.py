"""The key file: an installation's private keys, in a file of their own beside the database, never in it.

``<database file>.keys`` (``tdkt.sqlite`` → ``tdkt.sqlite.keys``), created readable by its owner only
(mode 0600 on POSIX; on Windows the user profile folder protects it). A database, its copies and its
backups therefore carry no private key: whoever gets a backup cannot sign or decrypt as this installation.

The file is JSON::

    {"format": "tdkt-keys", "version": 1,
     "public": {...},                     what may be read without the passphrase (public keys, statements)
     "protection": "none",                "secrets": {...}
     -- or --
     "protection": "scrypt-aes256gcm",    "kdf": {"salt", "n", "r", "p"}, "nonce", "sealed"}

With a passphrase the secrets are sealed with AES-256-GCM under a key derived by scrypt (memory-hard:
2^15 × 8 × 128 bytes = 32 MiB per guess). What the secrets and the public part hold is the business of
:mod:`tdkt_desktop.sync.keys`; this module keeps them: reading, writing atomically and privately, the
passphrase, and moving keys that older versions kept in the database's ``meta`` table out of it.

A protected file is unlocked once per process (:func:`unlock`); the secrets then stay in this process's
memory only.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from tdkt_desktop.core.errors import FileAccessError, file_error
from tdkt_desktop.core.files import atomic_write, private_mode
from tdkt_desktop.store.errors import StoreError

__all__ = [
    "LEGACY_META_SECRETS",
    "KeyFile",
    "KeyFileError",
    "KeysLocked",
    "WrongPassphrase",
    "is_unlocked",
    "key_file_path",
    "lock",
    "read_key_file",
    "secrets_of",
    "set_passphrase",
    "unlock",
    "write_key_file",
]

FORMAT = "tdkt-keys"
VERSION = 1
SUFFIX = ".keys"
PROTECTED = "scrypt-aes256gcm"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_AAD = b"tdkt-keys-v1"
MAX_SIZE = 4 << 20

# Where versions before the key file kept the private keys (base64 in ``meta``): moved out on first open.
LEGACY_META_SECRETS = {"sync_sign_private": "sign", "sync_box_private": "box"}


class KeyFileError(StoreError):
    """The key file cannot be read, or is damaged."""


class KeysLocked(KeyFileError):
    """The key file is protected by a passphrase that has not been given in this process yet."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Khóa của bản cài đặt này được bảo vệ bằng mật khẩu (tệp “{path}”). Hãy nhập mật khẩu khóa: trong ứng "
            "dụng khi được hỏi; ở dòng lệnh khi được hỏi, hoặc đặt biến môi trường TDKT_KEY_PASSPHRASE."
        )
        self.path = path


class WrongPassphrase(KeyFileError):
    pass


@dataclass
class KeyFile:
    path: Path
    public: dict[str, Any]
    protection: str
    secrets: dict[str, Any] | None = None  # None while protected and locked
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def protected(self) -> bool:
        return self.protection != "none"


def key_file_path(db_path: str | Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + SUFFIX)


# --------------------------------------------------------------------------- unlocked secrets of this process

_lock = threading.Lock()
_unlocked: dict[str, tuple[dict[str, Any], bytes, dict[str, Any]]] = {}  # path → (secrets, key, kdf)


def _key_of(path: Path) -> str:
    return str(Path(path).resolve())


def is_unlocked(path: Path) -> bool:
    with _lock:
        return _key_of(path) in _unlocked


def lock(path: Path | None = None) -> None:
    """Forget unlocked secrets (of one file, or all)."""
    with _lock:
        if path is None:
            _unlocked.clear()
        else:
            _unlocked.pop(_key_of(path), None)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    try:
        return base64.b64decode(str(text).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ValueError("bad base64") from None


def _derive(passphrase: str, kdf: dict[str, Any]) -> bytes:
    return Scrypt(salt=_unb64(kdf["salt"]), length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])).derive(
        passphrase.encode("utf-8")
    )


def _damaged(path: Path, detail: str) -> KeyFileError:
    return KeyFileError(
        f"Tệp khóa “{path}” bị hỏng hoặc không phải tệp khóa TĐKT ({detail}). Nếu còn bản chép của tệp khóa, hãy chép "
        "lại vào chỗ cũ; nếu không, tạo khóa mới bằng “tdkt keys new” rồi gửi tệp đăng ký khóa mới cho cấp trên và "
        "các đơn vị trực thuộc (“tdkt keys export”)."
    )


# --------------------------------------------------------------------------- reading and writing


def read_key_file(path: str | Path) -> KeyFile | None:
    """The key file at ``path`` (secrets filled when unprotected or unlocked), or None when there is none."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SIZE:
            raise _damaged(path, "tệp quá lớn")
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged(path, "không đọc được nội dung") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _damaged(path, "sai định dạng")
    version = body.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise KeyFileError(f"Tệp khóa “{path}” do phiên bản TĐKT Desktop mới hơn tạo ra. Hãy cập nhật phần mềm.")
    found = body.get("public")
    public: dict[str, Any] = found if isinstance(found, dict) else {}
    protection = body.get("protection")
    if protection == "none":
        secrets = body.get("secrets")
        if not isinstance(secrets, dict):
            raise _damaged(path, "thiếu phần khóa bí mật")
        return KeyFile(path, public, "none", secrets, body)
    if protection != PROTECTED or not isinstance(body.get("kdf"), dict):
        raise _damaged(path, "cách bảo vệ không rõ")
    with _lock:
        held = _unlocked.get(_key_of(path))
    return KeyFile(path, public, PROTECTED, held[0] if held else None, body)


def _open_sealed(kf: KeyFile, key: bytes) -> dict[str, Any]:
    try:
        plain = AESGCM(key).decrypt(_unb64(kf.raw["nonce"]), _unb64(kf.raw["sealed"]), _AAD)
    except (InvalidTag, KeyError, ValueError):
        raise WrongPassphrase("Mật khẩu khóa không đúng. Hãy nhập lại (phân biệt chữ hoa, chữ thường và dấu).") from None
    try:
        secrets = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged(kf.path, "phần đã mã hóa không đọc được") from None
    if not isinstance(secrets, dict):
        raise _damaged(kf.path, "phần đã mã hóa sai cấu trúc")
    return secrets


def unlock(path: str | Path, passphrase: str) -> None:
    """Check ``passphrase`` against the protected key file and keep its secrets in this process."""
    path = Path(path)
    kf = read_key_file(path)
    if kf is None or not kf.protected:
        return
    kdf = dict(kf.raw["kdf"])
    try:
        key = _derive(passphrase, kdf)
    except (KeyError, ValueError, TypeError):
        raise _damaged(path, "tham số mật khẩu hỏng") from None
    secrets = _open_sealed(kf, key)
    with _lock:
        _unlocked[_key_of(path)] = (secrets, key, kdf)


def secrets_of(kf: KeyFile) -> dict[str, Any]:
    """The secrets of ``kf``; :class:`KeysLocked` when protected and not unlocked in this process."""
    if kf.secrets is None:
        raise KeysLocked(kf.path)
    return kf.secrets


def _new_kdf() -> dict[str, Any]:
    return {"name": "scrypt", "salt": _b64(os.urandom(16)), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}


def _body(public: dict[str, Any], secrets: dict[str, Any], sealing: tuple[bytes, dict[str, Any]] | None) -> dict[str, Any]:
    body: dict[str, Any] = {"format": FORMAT, "version": VERSION, "public": public}
    if sealing is None:
        body.update(protection="none", secrets=secrets)
    else:
        key, kdf = sealing
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, json.dumps(secrets, sort_keys=True).encode("utf-8"), _AAD)
        body.update(protection=PROTECTED, kdf=kdf, nonce=_b64(nonce), sealed=_b64(sealed))
    return body


def _save(path: Path, body: dict[str, Any]) -> None:
    data = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"
    try:
        atomic_write(path, data, private=True, make_parents=True)
    except FileAccessError as exc:
        raise KeyFileError(f"Không ghi được tệp khóa: {exc}") from exc


def write_key_file(path: str | Path, public: dict[str, Any], secrets: dict[str, Any]) -> None:
    """Write the key file (atomically, private), keeping its protection: a protected file must be unlocked."""
    path = Path(path)
    current = read_key_file(path)
    sealing: tuple[bytes, dict[str, Any]] | None = None
    if current is not None and current.protected:
        with _lock:
            held = _unlocked.get(_key_of(path))
        if held is None:
            raise KeysLocked(path)
        sealing = (held[1], held[2])
    _save(path, _body(public, secrets, sealing))
    if sealing is not None:
        with _lock:
            _unlocked[_key_of(path)] = (secrets, sealing[0], sealing[1])


def set_passphrase(path: str | Path, passphrase: str | None) -> None:
    """Protect the key file with ``passphrase`` (a new salt), or remove the protection (None).

    The file must be unprotected or unlocked in this process (the old passphrase checked before)."""
    path = Path(path)
    kf = read_key_file(path)
    if kf is None:
        raise KeyFileError(f"Chưa có tệp khóa “{path}”.")
    secrets = secrets_of(kf)
    if passphrase is None:
        _save(path, _body(kf.public, secrets, None))
        lock(path)
        return
    if len(passphrase) < 8:
        raise KeyFileError("Mật khẩu khóa cần ít nhất 8 ký tự.")
    kdf = _new_kdf()
    key = _derive(passphrase, kdf)
    _save(path, _body(kf.public, secrets, (key, kdf)))
    with _lock:
        _unlocked[_key_of(path)] = (secrets, key, kdf)


def tighten(path: Path) -> None:
    """Make an existing key file private again (a copy may have been made readable by others)."""
    try:
        private_mode(path)
    except OSError:
        pass
