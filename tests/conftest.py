"""Shared fixtures: a fresh database for each test (sqlite-utils habit), offscreen Qt, isolated user folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
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
    from tdkt_desktop.core.models import reset_title_words

    reset_title_words()


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

    shutil.copyfile(demo_template, db_path)
    s = open_store(db_path, operator="Người kiểm thử")
    yield s
    s.close()


def seed_text(name_prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{name_prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed document {name_prefix}* not found beside the repository ({SEEDS})")
    return matches[0].read_text(encoding="utf-8")
