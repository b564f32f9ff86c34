"""Shared fixtures: a fresh database for each test (sqlite-utils habit), offscreen Qt, isolated user folders."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Mutation testing (scripts/mutation.sh) runs every property test against each mutant: the same
# examples every time (a verdict must not depend on luck), no example database, no deadline (a
# mutant may be slow without being wrong).
settings.register_profile(
    "mutation",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Every other run: no time limit on an example and no "too slow" health check either — a property must
# hold however loaded the machine is, and the suite keeps no timed assertion.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may touch the real user data, config or log folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("TDKT_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tdkt.sqlite"


@pytest.fixture
def store(db_path: Path):
    """A fresh database whose installation is Phường Tân An (Cần Thơ), upper office the city."""
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import init_unit

    s = open_store(db_path, operator="Người kiểm thử")
    init_unit(s, code="31147")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of Phường Tân An, built once per test session; tests work on copies of it."""
    from tdkt_desktop.demo import build_demo
    from tdkt_desktop.store import open_store
    from tdkt_desktop.store.installation import init_unit

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    with open_store(path, operator="Người kiểm thử") as s:
        init_unit(s, code="31147")
        build_demo(s)
    return path


@pytest.fixture
def demo_store(db_path: Path, demo_template: Path):
    """A fresh copy of the demo database (the same content as ``store`` plus ``build_demo``)."""
    from tdkt_desktop.store import open_store
    from tests.server_engine import copy_database

    copy_database(demo_template, db_path)
    s = open_store(db_path, operator="Người kiểm thử")
    yield s
    s.close()


# --------------------------------------------------------------------------- PostgreSQL


@pytest.fixture(scope="session")
def pg_server():
    """This session's private PostgreSQL server (tests/pgserver.py), started once and removed at the end.
    Skipped when the server programs or psycopg are missing — a failure instead under
    TDKT_REQUIRE_POSTGRES=1 (scripts/test.sh, which installs them), so CI never skips silently."""
    from tests.pgserver import start_for_tests

    with start_for_tests() as server:
        yield server


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """The URL of a fresh, empty database on the session's server (UTF-8, C collation), dropped afterwards."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(scope="session", autouse=True)
def _server_engine_session(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Under TDKT_TEST_ENGINE=postgresql, every database a test opens by path is on the session's server
    (tests/server_engine.py)."""
    from tests import server_engine

    if not server_engine.server_engine():
        yield None
        return
    from tdkt_desktop.store import db

    yield from server_engine.install(request.getfixturevalue("pg_server"), db.open_store)


@pytest.fixture(autouse=True)
def _server_engine(request: pytest.FixtureRequest, _server_engine_session: Any) -> Iterator[None]:
    """A test's own server databases are dropped at its end; tests marked ``sqlite_only`` are skipped there."""
    if _server_engine_session is None:
        yield
        return
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("SQLite only: what this test checks belongs to a database file")
    mark = len(_server_engine_session.made)
    yield
    _server_engine_session.drop_since(mark)


def seed_text(name_prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{name_prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed document {name_prefix}* not found beside the repository ({SEEDS})")
    return matches[0].read_text(encoding="utf-8")


# --------------------------------------------------------------------------- certificates for electronic signing


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A certificate authority made here; the certificate and key of Trần Văn Minh (PKCS#12, and PEM/DER for a
    token) and of the demo ward's chairman Trần Văn Bình ("chu-tich-tan-an.p12"); another authority; a seal."""
    folder = tmp_path_factory.mktemp("pki")
    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("CA Kiểm thử", "Tổ chức chứng thực kiểm thử")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(_usage(ca=True), critical=True).sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(_name("Trần Văn Minh", "Ủy ban nhân dân phường Tân Phú"))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(_usage(ca=False), critical=True).sign(ca_key, hashes.SHA256()))
    demo_cert = (x509.CertificateBuilder().subject_name(_name("Trần Văn Bình", "Ủy ban nhân dân phường Tân An"))
                 .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
                 .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
                 .add_extension(_usage(ca=False), critical=True).sign(ca_key, hashes.SHA256()))
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other_ca = (x509.CertificateBuilder().subject_name(_name("CA khác", "Khác")).issuer_name(_name("CA khác", "Khác"))
                .public_key(other_key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(other_key, hashes.SHA256()))
    paths = {name: folder / name for name in ("ca.pem", "other-ca.pem", "can-bo.p12", "key.pem", "cert.der",
                                               "dau.png")}
    paths["ca.pem"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["other-ca.pem"].write_bytes(other_ca.public_bytes(serialization.Encoding.PEM))
    paths["can-bo.p12"].write_bytes(pkcs12.serialize_key_and_certificates(
        b"can-bo", key, cert, [ca], serialization.BestAvailableEncryption(b"mat-khau")))
    paths["chu-tich-tan-an.p12"] = folder / "chu-tich-tan-an.p12"
    paths["chu-tich-tan-an.p12"].write_bytes(pkcs12.serialize_key_and_certificates(
        b"chu-tich", key, demo_cert, [ca], serialization.BestAvailableEncryption(b"mat-khau")))
    paths["key.pem"].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
    paths["cert.der"].write_bytes(cert.public_bytes(serialization.Encoding.DER))
    from PIL import Image, ImageDraw

    seal = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    draw.ellipse((4, 4, 236, 236), outline=(210, 0, 0, 255), width=10)
    draw.ellipse((40, 40, 200, 200), outline=(210, 0, 0, 255), width=4)
    seal.save(paths["dau.png"])
    return paths


SOFTHSM_LIBS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib64/pkcs11/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")


@pytest.fixture(scope="session")
def token(pki: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A SoftHSM2 token (the Debian package softhsm2) holding Trần Văn Minh's key and certificate, PIN 123456."""
    lib = next((p for p in SOFTHSM_LIBS if Path(p).is_file()), None)
    if lib is None or shutil.which("softhsm2-util") is None or shutil.which("pkcs11-tool") is None:
        pytest.skip("SoftHSM2 and OpenSC (Debian packages softhsm2, opensc) are not installed")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n",
                    encoding="utf-8")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    run = lambda *a: subprocess.run(a, env=env, check=True, capture_output=True, text=True)  # noqa: E731
    run("softhsm2-util", "--init-token", "--free", "--label", "TDKT", "--pin", "123456", "--so-pin", "87654321")
    run("softhsm2-util", "--import", str(pki["key.pem"]), "--token", "TDKT", "--label", "chu-tich", "--id", "01",
        "--pin", "123456")
    run("pkcs11-tool", "--module", lib, "--token-label", "TDKT", "--login", "--pin", "123456", "--write-object",
        str(pki["cert.der"]), "--type", "cert", "--id", "01", "--label", "chu-tich")
    slot = 0  # the index of the initialised token in the module's slot list
    os.environ["SOFTHSM2_CONF"] = str(conf)  # the library reads it when loaded, in this process
    return {"lib": lib, "slot": str(slot), "conf": str(conf)}
