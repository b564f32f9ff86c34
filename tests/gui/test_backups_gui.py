"""Cài đặt → Sao lưu: the list (dates, kinds, sizes, total), backing up, the second folder, and the restore
round trip — back up, change data, restore, see the earlier data, and the next bundle to the upper office is
accepted there (a new installation identity: no revision name reused). A protected key file asks its
passphrase once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop import sync
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.store import backups
from tdkt_desktop.store.db import open_store
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.keyfile import lock
from tdkt_desktop.sync import keys as sync_keys

LOW, UP = "31147", "92"  # Phường Tân An and its upper office, Thành phố Cần Thơ


def _ctx(path: Path) -> Any:
    from tdkt_desktop.gui.context import AppContext

    return AppContext.open(path, settings=QtCore.QSettings(str(path.with_suffix(".ini")), QtCore.QSettings.Format.IniFormat))


@pytest.fixture
def offices(tmp_path: Path, app: Any) -> dict[str, Path]:
    paths = {"low": tmp_path / "phuong" / "phuong.sqlite", "up": tmp_path / "tinh" / "tinh.sqlite"}
    for key, code in (("low", LOW), ("up", UP)):
        with open_store(paths[key], operator="Người kiểm thử") as store:
            init_unit(store, code=code)
    with open_store(paths["low"]) as a, open_store(paths["up"]) as b:
        sync.enroll(b, sync.read_enrolment(sync.export_enrolment(a)), confirmed=True)
        sync.enroll(a, sync.read_enrolment(sync.export_enrolment(b)), confirmed=True)
    return paths


@pytest.fixture
def settings(offices: dict[str, Path], qtbot: Any):  # type: ignore[no-untyped-def]
    from tdkt_desktop.gui.sections.settings import SettingsSection

    ctx = _ctx(offices["low"])
    page = SettingsSection(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    ctx.jobs.wait_idle()
    yield page
    ctx.jobs.wait_idle()
    ctx.close()


def _rows(page: Any) -> list[list[str]]:
    tree = page.backup_list
    return [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())]


def _send_up(ctx: Any, up: Path, tmp: Path, name: str) -> Any:
    """The ward exports its bundle (on a worker, as the Đồng bộ screen does); the upper office imports it."""
    out = tmp / name
    ctx.jobs.run(lambda store, _p: sync.export_bundle(store, UP, out))
    ctx.jobs.wait_idle()
    assert out.exists()
    with open_store(up) as province:
        return sync.import_bundles(province, [out])


def test_backup_list_shows_dates_kinds_sizes_and_total(settings: Any, messages: Any) -> None:
    assert _rows(settings)[0][3] == "Chưa có bản sao lưu nào."
    settings.backup_button.click()
    settings.ctx.jobs.wait_idle()
    settings.ctx.jobs.wait_idle()
    assert messages.kinds() == ["info"] and "Đã kiểm tra và lưu" in messages.shown[0][2]
    rows = _rows(settings)
    assert len(rows) == 1
    made_on, kind, size, name = rows[0]
    assert kind == "tự sao lưu" and size.endswith(" MB") and "," in size and name.startswith("phuong_thu-cong_")
    assert len(made_on) == 16 and made_on[2] == "/" and made_on[5] == "/"
    assert "1 bản sao lưu, tổng cộng" in settings.backup_total.text()
    assert not settings.restore_button.isEnabled()
    settings.backup_list.topLevelItem(0).setSelected(True)
    assert settings.restore_button.isEnabled()


def test_second_folder_is_set_from_the_screen(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              messages: Any) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QtWidgets.QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    settings.second_choose.click()
    settings.ctx.jobs.wait_idle()
    settings.ctx.jobs.wait_idle()
    assert settings.second_folder.text() == str(usb) and settings.second_clear.isEnabled()
    settings.backup_button.click()
    settings.ctx.jobs.wait_idle()
    assert len(list(usb.glob("phuong_thu-cong_*.sqlite"))) == 1
    assert "thư mục thứ hai" in messages.shown[-1][2]
    settings.second_clear.click()
    settings.ctx.jobs.wait_idle()
    settings.ctx.jobs.wait_idle()
    assert settings.second_folder.text() == "" and not settings.second_clear.isEnabled()


def test_restore_round_trip_and_the_next_bundle_is_accepted_upstairs(
    settings: Any, offices: dict[str, Path], tmp_path: Path, messages: Any
) -> None:
    ctx = settings.ctx
    with open_store(offices["low"]) as s:
        first = s.insert("people", {"full_name": "Nguyễn Văn Trước", "unit_code": LOW})
    assert _send_up(ctx, offices["up"], tmp_path, "1.tdktgoi").exit_code == 0

    # 1. back up from the screen
    settings.backup_button.click()
    ctx.jobs.wait_idle()
    ctx.jobs.wait_idle()
    saved = backups.list_backups(offices["low"])[0]

    # 2. change data after the backup; the upper office receives it
    with open_store(offices["low"]) as s:
        lost = s.update("people", first["id"], {"position": "Sửa sau khi sao lưu"})
        s.insert("people", {"full_name": "Trần Thị Sau", "unit_code": LOW})
    assert _send_up(ctx, offices["up"], tmp_path, "2.tdktgoi").exit_code == 0
    old_identity = ctx.reader.install_id

    # 3. restore the backup from the list, confirming the question
    messages.shown.clear()
    row = next(i for i in range(settings.backup_list.topLevelItemCount())
               if settings.backup_list.topLevelItem(i).text(3) == saved.path.name)
    settings.backup_list.setCurrentItem(settings.backup_list.topLevelItem(row))
    settings.restore_button.click()
    ctx.jobs.wait_idle()
    ctx.jobs.wait_idle()
    ctx.jobs.wait_idle()
    kinds = messages.kinds()
    assert kinds == ["confirm", "info"], messages.shown
    assert "“" + saved.path.name + "”" in messages.shown[0][2] and "định danh bản cài đặt mới" in messages.shown[0][2]
    assert "Đã khôi phục dữ liệu" in messages.shown[1][2]

    # 4. the earlier data is what the screens read now
    reader = ctx.reader
    assert reader.get("people", first["id"])["position"] is None
    assert not reader.rows("people", "full_name = ?", ["Trần Thị Sau"])
    assert reader.install_id != old_identity and reader.previous_installs() == [old_identity]
    kinds_listed = [r[1] for r in _rows(settings)]
    assert "trước khi khôi phục" in kinds_listed  # the data as it was before the restore was kept

    # 5. edit again after the restore: a new revision name, never the lost one
    with open_store(offices["low"]) as s:
        again = s.update("people", first["id"], {"position": "Sửa lại sau khi khôi phục"})
        s.insert("people", {"full_name": "Lê Văn Mới", "unit_code": LOW})
    assert again["rev"] != lost["rev"] and again["gen"] == lost["gen"]
    assert again["origin_install"] == reader.install_id

    # 6. the next bundle to the upper office is accepted there
    report = _send_up(ctx, offices["up"], tmp_path, "3.tdktgoi")
    bundle = report.bundles[0]
    assert bundle.status == "merged", bundle.message
    assert any("khôi phục" in n for n in bundle.notes)
    assert not bundle.gaps  # the new identity's counter starts afresh: no gap reported
    with open_store(offices["up"]) as province:
        assert province.rows("people", "full_name = ?", ["Lê Văn Mới"])
        held = province.get("people", first["id"])
        queued = [r for r in sync.list_reviews(province) if r["field_name"] == "position"]
        # the restored ward's edit and the lost one are both visible: applied, or side by side in the queue
        versions = {held["position"]} | {r["kept"] for r in queued} | {r["other"] for r in queued}
        assert "Sửa lại sau khi khôi phục" in versions and "Sửa sau khi sao lưu" in versions
        assert sync_keys.trusted_peer(province, LOW)["install_id"] == reader.install_id


def test_a_protected_key_file_asks_its_passphrase_once(settings: Any, offices: dict[str, Path], tmp_path: Path,
                                                        messages: Any) -> None:
    with open_store(offices["low"]) as s:
        sync.protect_keys(s, "mật khẩu của phường")
    lock()
    ctx = settings.ctx
    out = tmp_path / "goi.tdktgoi"
    messages.answer = "mật khẩu sai"
    answers = iter(["mật khẩu sai", "mật khẩu của phường"])
    messages_calls: list[str] = []

    def answer(kind: str, title: str, text: str) -> Any:
        messages_calls.append(kind)
        return next(answers) if kind == "passphrase" else True

    from tdkt_desktop.gui import dialogs

    dialogs.recorder = answer
    ctx.jobs.run(lambda store, _p: sync.export_bundle(store, UP, out))
    for _ in range(5):
        ctx.jobs.wait_idle()
    assert messages_calls == ["passphrase", "passphrase"]
    assert out.exists()
    # unlocked for the rest of the session: no more questions
    out.unlink()
    ctx.jobs.run(lambda store, _p: sync.export_bundle(store, UP, out))
    ctx.jobs.wait_idle()
    assert out.exists() and messages_calls == ["passphrase", "passphrase"]
    lock()


def test_restore_screen_at_1366_and_150_percent(settings: Any, qtbot: Any) -> None:
    settings.backup_button.click()
    settings.ctx.jobs.wait_idle()
    settings.ctx.jobs.wait_idle()
    tabs = settings.findChild(QtWidgets.QTabWidget)
    if tabs is not None:
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Sao lưu"))
    for button in (settings.backup_button, settings.restore_button, settings.restore_file_button, settings.open_button):
        assert button.sizeHint().width() <= button.width() or button.isVisible()
    assert settings.backup_list.columnWidth(3) > 0
