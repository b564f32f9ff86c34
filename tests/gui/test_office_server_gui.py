"""The application on an office's shared PostgreSQL database: the window names the server and the officer, the
screens follow what another officer changes, and Cài đặt → Cơ sở dữ liệu tests and chooses a server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt_desktop.gui import database_choice
from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.store import accounts, open_store
from tdkt_desktop.store.installation import init_unit
from tdkt_desktop.store.server_address import parse_address

pytestmark = pytest.mark.sqlite_only  # opens the server itself


@pytest.fixture
def office_url(pg_url: str) -> str:
    with open_store(pg_url) as s:
        init_unit(s, code="92", operator="Nguyễn Văn An")
        accounts.first_administrator(s, "Nguyễn Văn An")
        s.insert("people", {"full_name": "Trần Thị Bình"})
    return pg_url


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QtCore.QSettings:
    settings = QtCore.QSettings(str(tmp_path / "tdkt.ini"), QtCore.QSettings.Format.IniFormat)
    monkeypatch.setattr(database_choice, "_settings", lambda: settings)
    return settings


@pytest.fixture
def server_window(app: Any, office_url: str, qtbot: Any, tmp_path: Path) -> Any:
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.main_window import MainWindow

    ctx = AppContext.open(office_url, settings=QtCore.QSettings(str(tmp_path / "s.ini"),
                                                                QtCore.QSettings.Format.IniFormat))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.jobs.wait_idle()
    yield win
    ctx.jobs.wait_idle()
    win.close()
    ctx.close()


def test_the_window_names_the_server_and_the_officer(server_window: Any) -> None:
    ctx = server_window.ctx
    assert ctx.reader.on_server and ctx.reader.account.full_name == "Nguyễn Văn An"
    label = server_window.db_label
    assert "postgresql://tdkt@" in label.text() and ":***@" not in label.toolTip()
    assert ctx.watcher is not None


def test_the_screens_follow_what_another_officer_changes(server_window: Any, office_url: str, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = server_window.ctx
    ctx.watcher.timer.setInterval(100)
    seen: list[str] = []
    ctx.jobs.data_changed.connect(seen.append)
    qtbot.waitUntil(lambda: ctx.watcher.store is not None and not ctx.watcher._busy, timeout=5000)
    with open_store(office_url, operator="Cán bộ khác") as other:  # another officer, another computer
        other.insert("people", {"full_name": "Lê Văn Cường"})
    qtbot.waitUntil(lambda: "people" in seen, timeout=10_000)
    assert "campaigns" not in seen  # only what was changed


def test_settings_of_an_officer_on_the_server(server_window: Any, qtbot: Any, settings_file: Any) -> None:
    from tdkt_desktop.gui.sections.settings import SettingsSection

    page = SettingsSection(server_window.ctx)
    qtbot.addWidget(page)
    server_window.ctx.jobs.wait_idle()
    assert page.operator.text() == "Nguyễn Văn An" and page.operator.isReadOnly()
    tabs = page.tab_widget()
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Cơ sở dữ liệu" in titles and "Sao lưu" in titles
    backups = tabs.widget(titles.index("Sao lưu"))
    assert "pg_dump" in " ".join(w.text() for w in backups.findChildren(QtWidgets.QLabel))
    assert not backups.findChildren(QtWidgets.QPushButton)  # nothing to back up on this computer


def test_choosing_the_offices_server_in_settings(window: Any, qtbot: Any, messages: Any, office_url: str,
                                                 settings_file: Any) -> None:
    from tdkt_desktop.gui.database_tab import DatabaseTab

    tab = DatabaseTab(window.ctx)
    qtbot.addWidget(tab)
    assert "tệp trên máy này" in tab.current.text()
    parts = parse_address(office_url)
    tab.host.setText(parts.host)
    tab.port.setValue(parts.port)
    tab.database.setText(parts.database)
    tab.login.setText("")
    tab.test_button.click()
    assert messages.shown[-1][0] == "warn" and "Tên đăng nhập" in messages.shown[-1][2]
    tab.login.setText(parts.login)
    tab.test_button.click()
    window.ctx.jobs.wait_idle()
    kind, _title, text = messages.shown[-1]
    assert kind == "info", text
    assert "Thành phố Cần Thơ" in text and "Nguyễn Văn An (Quản trị viên)" in text
    assert database_choice.remembered_location() is None  # a test changes nothing
    tab.use_button.click()
    window.ctx.jobs.wait_idle()
    chosen = database_choice.remembered_location()
    assert chosen is not None and parse_address(chosen) == parts
    assert "mở lại" in messages.shown[-1][2]
    assert database_choice.location_to_open(None, Path("x.sqlite")) == chosen
    assert database_choice.location_to_open("y.sqlite", Path("x.sqlite")) == Path("y.sqlite")  # --db wins
    tab.local_button.click()
    assert database_choice.remembered_location() is None


def test_a_server_that_cannot_be_reached_is_said_in_vietnamese(window: Any, qtbot: Any, messages: Any,
                                                               tmp_path: Path) -> None:
    from tdkt_desktop.gui.database_tab import DatabaseTab

    tab = DatabaseTab(window.ctx)
    qtbot.addWidget(tab)
    tab.host.setText(str(tmp_path))  # no server listens there
    tab.login.setText("tranthib")
    tab.test_button.click()
    window.ctx.jobs.wait_idle()
    kind, _title, text = messages.shown[-1]
    assert kind == "warn" and "Không kết nối được máy chủ cơ sở dữ liệu" in text


def test_two_officers_in_two_windows_on_one_database(office_url: str, app: Any, qtbot: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two application contexts, two officers with logins of their own: edits of different records both land;
    edits of one record — the second is shown what the first changed, and nothing is overwritten."""
    import uuid

    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.editor import RecordEditor
    from tdkt_desktop.gui.stale import StaleDialog

    monkeypatch.setenv("TDKT_NEW_PASSWORD", "mat-khau-tam")
    login = f"cb_{uuid.uuid4().hex[:6]}"
    with open_store(office_url) as s:
        accounts.add_officer(s, login, full_name="Trần Thị Bình", role="officer", password="mat-khau-tam")
        first, second = (s.insert("people", {"full_name": n}) for n in ("Lê Văn Cường", "Phạm Thị Dung"))
    contexts = [AppContext.open(url, settings=QtCore.QSettings(str(tmp_path / f"{i}.ini"),
                                                               QtCore.QSettings.Format.IniFormat))
                for i, url in enumerate((office_url, office_url.replace("//tdkt@", f"//{login}@", 1)))]
    an, binh = contexts
    try:
        assert (an.reader.account.full_name, binh.reader.account.full_name) == ("Nguyễn Văn An", "Trần Thị Bình")
        editors = [RecordEditor(ctx, "people", rid) for ctx, rid in ((an, first["id"]), (binh, second["id"]))]
        for editor in editors:
            qtbot.addWidget(editor)
        for ctx in contexts:
            ctx.jobs.wait_idle()
        editors[0].set_text("position", "Trưởng thôn")
        editors[1].set_text("position", "Giáo viên")
        for editor, ctx in zip(editors, contexts, strict=True):
            editor.save()
            ctx.jobs.wait_idle()
        with open_store(office_url) as s:
            assert (s.get("people", first["id"])["position"], s.get("people", second["id"])["position"]) == (
                "Trưởng thôn", "Giáo viên")
            who = {e["record_id"]: e["account"] for e in s.audit_entries("people") if e["action"] == "update"}
            assert who == {first["id"]: "tdkt", second["id"]: login}
        # the same record, in both windows
        mine, theirs = RecordEditor(an, "people", first["id"]), RecordEditor(binh, "people", first["id"])
        for editor, ctx in ((mine, an), (theirs, binh)):
            qtbot.addWidget(editor)
            ctx.jobs.wait_idle()
        mine.set_text("position", "Bí thư chi bộ")
        mine.save()
        an.jobs.wait_idle()
        theirs.set_text("position", "Phó trưởng thôn")
        theirs.save()
        binh.jobs.wait_idle()
        qtbot.waitUntil(lambda: theirs.stale_dialog is not None, timeout=5000)
        assert isinstance(theirs.stale_dialog, StaleDialog)
        with open_store(office_url) as s:
            assert s.get("people", first["id"])["position"] == "Bí thư chi bộ"  # the first officer's edit is kept
        theirs.stale_dialog.cancel_button.click()
    finally:
        for ctx in contexts:
            ctx.close()
