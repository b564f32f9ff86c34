"""The one user-error decision, the one OSError translation and the one atomic write."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys

import pytest

from tdkt_desktop.core.errors import (
    FileAccessError,
    InputError,
    UserError,
    describe_os_error,
    file_error,
    user_message,
)
from tdkt_desktop.core.files import atomic_write


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "Ổ đĩa đã đầy"),
        (errno.EROFS, "chỉ cho phép đọc"),
        (errno.EACCES, "Không có quyền ghi"),
        (errno.EPERM, "Không có quyền ghi"),
        (errno.EBUSY, "đang được mở trong một chương trình khác"),
        (errno.ENOENT, "Không tìm thấy tệp hoặc thư mục"),
        (errno.EISDIR, "là một thư mục"),
        (errno.ENAMETOOLONG, "quá dài"),
        (errno.EIO, "Lỗi đọc/ghi thiết bị"),
    ],
)
def test_each_os_error_has_its_own_vietnamese_message_naming_the_file(code, words):
    exc = OSError(code, os.strerror(code), "/du/lieu/tep.xlsx")
    text = describe_os_error(exc)
    assert words in text and "/du/lieu/tep.xlsx" in text
    assert "Errno" not in text


def test_reading_and_writing_are_named_and_an_unknown_error_keeps_its_number_in_vietnamese():
    exc = OSError(errno.EACCES, "Permission denied")
    assert "quyền đọc" in describe_os_error(exc, path="a.txt", reading=True)
    assert "quyền ghi" in describe_os_error(exc, path="a.txt")
    odd = OSError(errno.ELOOP, "Too many levels of symbolic links")
    said = describe_os_error(odd, path="x")
    assert "Too many levels" not in said and "vòng lặp" in said and "Hãy kiểm tra" in said
    unknown = describe_os_error(OSError(9999, "Something odd"), path="x")
    assert "Something odd" not in unknown and "lỗi hệ thống số 9999" in unknown


def test_windows_sharing_violation_says_the_file_is_open_elsewhere():
    exc = OSError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32  # type: ignore[attr-defined]
    assert "đang được mở trong một chương trình khác" in describe_os_error(exc, path="ds.xlsx")


def test_user_message_decides_once_what_is_for_the_person():
    assert user_message(InputError("Ngày sinh: sai.")) == "Ngày sinh: sai."
    assert isinstance(InputError("x"), ValueError) and isinstance(InputError("x"), UserError)
    assert "Ổ đĩa đã đầy" in (user_message(OSError(errno.ENOSPC, "full")) or "")
    assert user_message(ZeroDivisionError("bug")) is None
    assert user_message(KeyError("bug")) is None
    wrapped = file_error(OSError(errno.ENOSPC, "full"), "x.pdf")
    assert isinstance(wrapped, FileAccessError) and wrapped.os_error is not None and "x.pdf" in str(wrapped)


def test_every_user_facing_error_class_of_the_layers_is_a_user_error():
    from tdkt_desktop.cli.base import CliError
    from tdkt_desktop.core.admin_units import AdminUnitsError
    from tdkt_desktop.excel.errors import ExcelError
    from tdkt_desktop.printing.errors import PrintError
    from tdkt_desktop.store.db import StoreError
    from tdkt_desktop.sync.errors import SyncError

    for cls in (CliError, AdminUnitsError, ExcelError, PrintError, StoreError, SyncError):
        assert issubclass(cls, UserError), cls


def test_atomic_write_bytes_text_and_writer(tmp_path):
    target = tmp_path / "a.bin"
    assert atomic_write(target, b"\x00\x01") == target and target.read_bytes() == b"\x00\x01"
    atomic_write(target, "Quyết định")
    assert target.read_text(encoding="utf-8") == "Quyết định"
    atomic_write(target, lambda tmp: tmp.write_bytes(b"from a writer"))
    assert target.read_bytes() == b"from a writer"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_atomic_write_modes_private_or_the_usual(tmp_path):
    private = atomic_write(tmp_path / "k.key", b"secret", private=True)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    mask = os.umask(0o022)
    try:
        public = atomic_write(tmp_path / "out.pdf", b"%PDF")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(public.stat().st_mode) == 0o644


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "ds.xlsx"
    target.write_bytes(b"old")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("writer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["ds.xlsx"]

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileAccessError, match="Ổ đĩa đã đầy") as err:
        atomic_write(target, b"new content")
    assert err.value.os_error is not None and err.value.os_error.errno == errno.ENOSPC
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["ds.xlsx"]


def test_targets_that_cannot_be_written(tmp_path):
    with pytest.raises(FileAccessError, match="là một thư mục"):
        atomic_write(tmp_path, b"x")
    with pytest.raises(FileAccessError, match="Không tìm thấy thư mục"):
        atomic_write(tmp_path / "missing" / "x.pdf", b"x")
    assert atomic_write(tmp_path / "made" / "x.pdf", b"x", make_parents=True).read_bytes() == b"x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(FileAccessError, match="Không có quyền ghi"):
            atomic_write(folder / "x.pdf", b"x")
    finally:
        folder.chmod(0o700)


def test_read_only_disk_is_reported_as_such(tmp_path, monkeypatch):
    import tempfile

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(FileAccessError, match="chỉ cho phép đọc"):
        atomic_write(tmp_path / "x.pdf", b"x")


def test_killed_during_a_write_leaves_the_old_file_or_the_new_one(tmp_path):
    """A process killed at random moments while rewriting a file never leaves a mixture."""
    target = tmp_path / "f.bin"
    old, new = b"A" * 4_000_000, b"B" * 4_000_000
    target.write_bytes(old)
    script = (
        "import sys\nfrom tdkt_desktop.core.files import atomic_write\n"
        f"while True:\n    atomic_write({str(target)!r}, b'B' * 4_000_000)\n"
    )
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31):
        proc = subprocess.Popen([sys.executable, "-c", script])
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        assert target.read_bytes() in (old, new)
