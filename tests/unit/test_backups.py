"""Backups as a feature: verified before and after, whole or absent (kill -9 at random moments), a damaged
database never backed up over good copies (and the import that wanted one refused), bounded rotation, the
second folder, the daily backup, restore with a new installation identity, and the command line."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import signal
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from tdkt_desktop.cli import main
from tdkt_desktop.store import backups, open_store
from tdkt_desktop.store.backups import BackupError
from tdkt_desktop.store.db import check_integrity
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.sync import import_bundles

from .test_sync_helpers import COMMUNES, PROVINCE, make_node, pair, person, send

pytestmark = pytest.mark.sqlite_only  # backups and restores are of a SQLite file (a server: pg_dump)


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        conn.close()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


def _damage(db: Path, table: str = "people") -> None:
    """Overwrite one page of ``table`` with garbage, as a failing disk would (no connection is open)."""
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    with open(db, "r+b") as fh:
        fh.seek((page - 1) * size + 100 if page == 1 else (page - 1) * size)
        fh.write(random.Random(7).randbytes(size - 200))


@pytest.fixture
def ward(tmp_path):
    s = open_store(tmp_path / "phuong.sqlite", operator="Người kiểm thử")
    init_unit(s, code="31147")
    with s.atomic():
        for i in range(300):
            s.insert("people", {"full_name": f"Cán bộ số {i}", "position": "Công chức"})
    yield s
    s.close()


def test_a_backup_is_verified_private_and_alone_in_its_folder(ward):
    made = backups.make_backup(ward.path)
    assert made.path.parent == ward.path.parent / "backups"
    assert made.path.name.startswith("phuong_thu-cong_") and made.path.suffix == ".sqlite"
    assert made.kind == "thu-cong" and made.size == made.path.stat().st_size
    if os.name == "posix":
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    assert _quick_check(made.path) == "ok"
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name, ".partial"] or \
        sorted(p.name for p in made.path.parent.iterdir()) == sorted([made.path.name, ".partial"])
    info = backups.verify_backup(made.path)
    assert info.unit_code == "31147" and info.counts["people"] == 300
    with sqlite3.connect(made.path) as raw:  # a plain file: no WAL of its own
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [b.path for b in backups.list_backups(ward.path)] == [made.path]


def test_a_damaged_database_is_not_backed_up_and_the_import_is_refused(tmp_path, capsys):
    prov, ward = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    pair(prov, ward)
    with prov.atomic():
        for i in range(200):
            person(prov, f"Cán bộ tỉnh {i}")
    good = backups.make_backup(prov.path)
    good_bytes = good.path.read_bytes()
    person(ward, "Người của phường")
    bundle = send(ward, prov, tmp_path)
    prov.close()
    _damage(prov.path)

    with pytest.raises(BackupError, match="đang bị hỏng"):
        backups.make_backup(prov.path)
    assert [b.path for b in backups.list_backups(prov.path)] == [good.path]
    assert good.path.read_bytes() == good_bytes
    assert not list((good.path.parent / ".partial").iterdir())

    # the import that needs a backup first is refused, saying why; nothing was imported
    code, out, err = _run(capsys, "bundle", "import", "--db", str(prov.path), str(bundle))
    assert code == 1 and "Traceback" not in err
    assert "Chưa nhập gói đồng bộ nào" in err and "đang bị hỏng" in err
    with sqlite3.connect(prov.path) as raw:
        assert raw.execute("SELECT count(*) FROM sync_incoming").fetchone()[0] == 0

    # check reports the damage (never exit 70) and offers the newest good backup; restore repairs
    code, out, err = _run(capsys, "check", "--db", str(prov.path))
    assert code == 1, err
    assert "Phát hiện lỗi" in out and str(good.path) in out and "tdkt restore" in out
    code, out, _ = _run(capsys, "check", "--db", str(prov.path), "--json")
    result = json.loads(out)
    assert code == 1 and not result["ok"] and result["newest_good_backup"]["path"] == str(good.path)
    code, out, err = _run(capsys, "restore", "--db", str(prov.path), str(good.path), "--yes")
    assert code == 0, err
    assert "bản chép của cơ sở dữ liệu hỏng" in out
    assert _run(capsys, "check", "--db", str(prov.path))[0] == 0
    with open_store(prov.path) as p:
        assert p.count("people") == 200 and check_integrity(p) == []
        report = import_bundles(p, [bundle])  # the restored province takes the bundle now
        assert report.exit_code == 0, report.summary()
    ward.close()


def test_excel_import_is_refused_when_no_backup_can_be_made(ward, tmp_path):
    from tdkt_desktop.excel.export import export_view
    from tdkt_desktop.excel.importer import apply_import, preview_import

    xlsx = tmp_path / "ds.xlsx"
    export_view(ward, "people", xlsx)
    preview = preview_import(ward, xlsx, kind="people")
    ward.close()
    _damage(ward.path)
    with open_store(ward.path) as s:
        with pytest.raises(BackupError, match="Chưa nhập tệp Excel nào"):
            apply_import(s, preview)


def test_rotation_keeps_a_bounded_set(tmp_path):
    db = tmp_path / "phuong.sqlite"
    folder = backups.backup_folder(db)
    folder.mkdir()
    end = dt.datetime(2026, 6, 30, 8, 0, 0)
    for day in range(420):  # fourteen months of daily backups, and an import every day
        when = end - dt.timedelta(days=day)
        (folder / f"phuong_tu-dong_{when:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
        (folder / f"phuong_truoc-nhap_{when + dt.timedelta(hours=2):%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    for i in range(15):
        (folder / f"phuong-2025010{i % 9 + 1}-0800{i:02d}-000000-truoc-nhap-goi.sqlite").write_bytes(b"x")  # old names
        (folder / f"phuong_thu-cong_{end - dt.timedelta(minutes=i):%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    (folder / "ghi-chu.txt").write_text("không phải bản sao lưu", encoding="utf-8")
    (folder / "xa_tu-dong_20260101-080000.sqlite").write_bytes(b"x")  # another database's backup

    backups.prune(folder, "phuong")
    kept = backups.list_backups(db)
    daily = sorted(b.made_at for b in kept if b.kind == "tu-dong")
    assert len(daily) <= 7 + 4 + 12
    assert daily[-7:] == [end - dt.timedelta(days=d) for d in range(6, -1, -1)]  # the last seven days
    assert daily[0] >= end - dt.timedelta(days=366) and daily[0] <= end - dt.timedelta(days=300)  # a year back
    assert len({(d.year, d.month) for d in daily}) == 12
    assert len([b for b in kept if b.kind == "truoc-nhap"]) == 5
    assert len([b for b in kept if b.kind == "thu-cong"]) == 10
    # the newest of each kind is kept; the old-named ones are gone with the rest
    assert max(b.made_at for b in kept if b.kind == "truoc-nhap") == end + dt.timedelta(hours=2)
    assert not list(folder.glob("phuong-2025*"))
    assert (folder / "ghi-chu.txt").exists() and (folder / "xa_tu-dong_20260101-080000.sqlite").exists()


def test_size_of_the_backups_is_bounded_by_the_rotation(ward):
    for _ in range(14):
        backups.make_backup(ward.path, kind="thu-cong", when=dt.datetime.now() + dt.timedelta(seconds=_))
    found = backups.list_backups(ward.path)
    assert len(found) == 10
    assert backups.total_size(found) == sum(p.stat().st_size for p in found[0].path.parent.glob("*.sqlite"))


def test_second_folder_gets_a_verified_copy_and_a_missing_stick_is_a_warning(ward, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = _run(capsys, "backup", "--db", str(ward.path), "--second-folder", str(usb))
    assert code == 0 and str(usb) in out, err
    made = backups.make_backup(ward.path)
    assert made.copy_path == usb / made.path.name and made.copy_error is None
    assert _quick_check(made.copy_path) == "ok"
    copy, original = backups.verify_backup(made.copy_path), backups.verify_backup(made.path)
    assert (copy.counts, copy.install_id, copy.unit_code) == (original.counts, original.install_id, original.unit_code)
    for f in usb.iterdir():
        if f.is_file():
            f.unlink()
        else:
            f.rmdir()
    usb.rmdir()  # the stick was pulled out
    code, out, err = _run(capsys, "backup", "--db", str(ward.path))
    assert code == 0 and "Đã sao lưu" in out
    assert "Cảnh báo" in err and "USB chưa cắm" in err
    code, out, _ = _run(capsys, "backup", "--db", str(ward.path), "--list", "--json")
    listing = json.loads(out)
    assert listing["second_folder"] == str(usb) and len(listing["backups"]) == 2
    assert listing["total_size"] == sum(b["size"] for b in listing["backups"])
    with pytest.raises(BackupError, match="Không tìm thấy thư mục"):
        backups.set_second_folder(ward, tmp_path / "khong-co")
    assert _run(capsys, "backup", "--db", str(ward.path), "--second-folder", "")[0] == 0
    assert backups.second_folder(ward) is None


def test_the_daily_backup_is_made_once_a_day(ward, capsys):
    first = backups.daily_backup(ward.path)
    assert first is not None and first.kind == "tu-dong"
    assert backups.daily_backup(ward.path) is None
    assert backups.daily_backup(ward.path, today=dt.date.today() + dt.timedelta(days=1)) is not None
    # the command line makes it before the first write of the day; a command that only reads makes none (on a
    # province's database it copied a gigabyte before a list was shown)
    for f in backups.backup_folder(ward.path).glob("*.sqlite"):
        f.unlink()
    someone = ward.rows("people", "full_name = ?", ["Cán bộ số 7"])[0]
    for argv in (["stats"], ["records", "list", "people"], ["records", "show", "people", someone["id"]],
                 ["--db", str(ward.path), "records", "list", "people"]):
        assert _run(capsys, *argv, *([] if argv[0] == "--db" else ["--db", str(ward.path)]))[0] == 0, argv
    assert backups.list_backups(ward.path) == []
    for name in ("Cán bộ số bảy", "Cán bộ số 7 (sửa lần hai)"):
        code, _, err = _run(capsys, "records", "update", "--db", str(ward.path), "people", someone["id"],
                            "--set", f"full_name={name}")
        assert code == 0, err
    made = backups.list_backups(ward.path)
    assert [b.kind for b in made] == ["tu-dong"]  # once a day
    saved = sqlite3.connect(made[0].path.resolve().as_uri() + "?mode=ro", uri=True)
    assert saved.execute("SELECT full_name FROM people WHERE id = ?", [someone["id"]]).fetchone()[0] == "Cán bộ số 7"
    saved.close()  # the backup holds the day's data before the write
    assert ward.get("people", someone["id"])["full_name"] == "Cán bộ số 7 (sửa lần hai)"


def test_restore_keeps_the_current_data_and_gives_a_new_identity(ward, tmp_path, capsys, monkeypatch):
    saved = backups.make_backup(ward.path)
    old_identity = ward.install_id
    extra = ward.insert("people", {"full_name": "Nhập sau khi sao lưu"})
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = _run(capsys, "restore", "--db", str(ward.path), saved.path.name)
    assert code == 1 and "--yes" in err and ward.get("people", extra["id"]) is not None  # asked, nothing done
    code, _, err = _run(capsys, "restore", "--db", str(ward.path), saved.path.name, "--yes")
    assert code == 0, err
    # the open store sees the restored content at once (written through SQLite, not under it)
    assert ward.get("people", extra["id"]) is None and ward.count("people") == 300
    assert ward.install_id != old_identity and ward.previous_installs() == [old_identity]
    kept = [b for b in backups.list_backups(ward.path) if b.kind == "truoc-khoi-phuc"]
    assert len(kept) == 1
    with sqlite3.connect(kept[0].path) as raw:  # the data as it was before the restore
        assert raw.execute("SELECT count(*) FROM people WHERE id = ?", [extra["id"]]).fetchone()[0] == 1
    assert check_integrity(ward) == []
    assert not list((saved.path.parent / ".partial").iterdir())


def test_restore_refuses_what_is_not_a_good_backup_of_this_unit(ward, tmp_path):
    other = tmp_path / "khac" / "xa.sqlite"
    other.parent.mkdir()
    with open_store(other) as s:
        init_unit(s, code="31150")
    with pytest.raises(BackupError, match="là của đơn vị 31150"):
        backups.restore(ward.path, backups.make_backup(other).path)
    text = tmp_path / "ghi-chu.sqlite"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(BackupError, match="không phải bản sao lưu"):
        backups.restore(ward.path, text)
    damaged = backups.make_backup(ward.path).path
    _damage(damaged)
    with pytest.raises(BackupError, match="bị hỏng"):
        backups.restore(ward.path, damaged)
    plain = tmp_path / "plain.sqlite"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(BackupError, match="không phải bản sao lưu"):
        backups.restore(ward.path, plain)
    assert ward.count("people") == 300 and check_integrity(ward) == []


def test_restore_over_a_file_that_is_no_longer_a_database(ward, tmp_path):
    saved = backups.make_backup(ward.path)
    ward.close()
    ward.path.write_bytes(b"\x00" * 8192)  # the file was overwritten (a bad copy, a virus, a full disk)
    result = backups.restore(ward.path, saved.path)
    assert result.previous_damaged
    with open_store(ward.path) as s:
        assert s.count("people") == 300 and check_integrity(s) == []
        assert s.install_id == result.install_id


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked backup process")
def test_kill_9_during_backups_leaves_only_whole_verified_files(tmp_path):
    """50 times: a process backing up in a loop is killed with SIGKILL at a random moment; every file in the
    backup folder then opens and passes quick_check (or does not exist)."""
    db = tmp_path / "tinh.sqlite"
    with open_store(db) as s:
        init_unit(s, code="92")
        with s.atomic():
            for i in range(3000):
                s.insert("people", {"full_name": f"Cán bộ số {i}", "notes": "Ghi chú dài " * 20})
    folder = backups.backup_folder(db)
    rng = random.Random(20260105)
    checked: set[tuple[str, int, int]] = set()
    interrupted = 0  # trials killed while a copy was being written
    for trial in range(50):
        pid = os.fork()
        if pid == 0:  # the child backs up until it is killed
            try:
                while True:
                    backups.make_backup(db)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        interrupted += any((folder / ".partial").glob(f"{pid}-*"))
        for path in _files(folder):
            st = path.stat()
            key = (path.name, st.st_size, st.st_mtime_ns)
            if key not in checked:
                assert _quick_check(path) == "ok", (trial, path.name)
                checked.add(key)
    assert len(checked) >= 10 and interrupted >= 10, (len(checked), interrupted)
    made = backups.make_backup(db)  # the next backup empties what the killed ones left
    assert not list((folder / ".partial").iterdir())
    assert all(_quick_check(p) == "ok" for p in _files(folder)) and made.path.exists()
    assert len(_files(folder)) <= 10


def test_no_room_for_a_backup_refuses_it_and_the_import_before_anything_is_written(ward, tmp_path, monkeypatch):
    """The operating system's view of a nearly full disk (the real full disk: test_db_errors.py, where allowed)."""
    import shutil
    from collections import namedtuple

    made = backups.make_backup(ward.path)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10 << 30, (10 << 30) - (200 << 10), 200 << 10))
    with pytest.raises(BackupError, match="Không đủ chỗ trống") as err:
        backups.make_backup(ward.path)
    assert "MB" in str(err.value) and "chưa có gì bị thay đổi" in str(err.value)
    assert [b.path for b in backups.list_backups(ward.path)] == [made.path]
    assert not list((made.path.parent / ".partial").iterdir())
    with pytest.raises(BackupError, match="Chưa nhập gói đồng bộ nào"):
        backups.before_import(ward.path, what="gói đồng bộ")


def test_backups_made_within_one_second_are_ordered_by_their_number(tmp_path):
    """Ten and more backups in one second ("…-10" sorts before "…-5" as text): the newest is still the last
    one made, so rotation keeps it and removes the oldest."""
    db = tmp_path / "tinh.sqlite"
    with open_store(db) as s:
        init_unit(s, code="92")
    folder = backups.backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    made = backups.make_backup(db)
    stem, rest = made.path.name.split("_thu-cong_", 1)
    stamp = rest.removesuffix(".sqlite")
    for n in range(2, 13):
        (folder / f"{stem}_thu-cong_{stamp}-{n}.sqlite").write_bytes(made.path.read_bytes())
    names = [b.path.name for b in backups.list_backups(db)]
    assert names[0].endswith(f"{stamp}-12.sqlite") and names[-1] == made.path.name
    backups.prune(folder, stem)
    left = sorted(p.name for p in folder.glob("*.sqlite"))
    assert len(left) == 10 and made.path.name not in left and f"{stem}_thu-cong_{stamp}-12.sqlite" in left


def test_a_backup_after_pruning_within_one_second_takes_the_next_number_not_a_freed_one(tmp_path):
    """Pruning removes the first backup of a second ("…stamp.sqlite"); the next backup of that second must be
    "-12", the newest, not reuse the freed name (which sorts oldest: eleven files would be left)."""
    db = tmp_path / "tinh.sqlite"
    with open_store(db) as s:
        init_unit(s, code="92")
    when = dt.datetime(2026, 12, 5, 4, 24, 33)
    first = backups.make_backup(db, when=when)
    for _ in range(10):
        backups.make_backup(db, when=when)
    left = {p.name for p in backups.backup_folder(db).glob("*.sqlite")}
    assert first.path.name not in left and len(left) == 10
    made = backups.make_backup(db, when=when)
    assert made.path.name.endswith("-12.sqlite")
    left = sorted(backups.backup_folder(db).glob("*.sqlite"), key=lambda p: backups._sequence(p))
    assert len(left) == 10 and made.path in left
    assert [backups._sequence(p) for p in left] == list(range(3, 13))
