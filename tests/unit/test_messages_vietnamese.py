"""Every error text a person reads is Vietnamese: the operating system's and SQLite's own English words never
reach a message (“disk I/O error” inside a Vietnamese sentence)."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

import pytest

from tdkt_desktop.core.errors import describe_os_error, user_message
from tdkt_desktop.store.errors import database_error, sqlite_detail

ENGLISH = re.compile(r"\b(error|failed|file|database|disk|denied|permission|such|directory|not|is|constraint|"
                     r"missing|index|page|tree|malformed|locked|readonly|unable|open|argument|invalid)\b", re.I)


def english_words(text: str) -> list[str]:
    """English words of ``text`` outside quoted paths (“…”) and outside names in parentheses SQLite gives."""
    bare = re.sub(r"“[^”]*”", "", text)
    bare = re.sub(r"\((?:[\w.]+)\)", "", bare)
    bare = re.sub(r"“tdkt [^”]*”|--db|\.sqlite", "", bare)
    return ENGLISH.findall(bare)


@pytest.mark.parametrize("code", sorted(errno.errorcode))
def test_every_operating_system_error_is_said_in_vietnamese(code: int) -> None:
    english = os.strerror(code)
    for reading in (True, False):
        message = describe_os_error(OSError(code, english, "/tmp/bao-cao.xlsx"), reading=reading)
        assert english not in message
        assert english_words(message) == [], message
        assert "“/tmp/bao-cao.xlsx”" in message  # the file is still named


SQLITE_MESSAGES = [
    "disk I/O error",
    "database disk image is malformed",
    "file is not a database",
    "database or disk is full",
    "attempt to write a readonly database",
    "database is locked",
    "unable to open database file",
    "UNIQUE constraint failed: people.id",
    "NOT NULL constraint failed: people.full_name",
    "CHECK constraint failed: rating_ok",
    "FOREIGN KEY constraint failed",
    "near \"SELEC\": syntax error",
    "no such table: nothing",
]


@pytest.mark.parametrize("text", SQLITE_MESSAGES)
@pytest.mark.parametrize("kind", [sqlite3.OperationalError, sqlite3.IntegrityError, sqlite3.DatabaseError])
def test_every_sqlite_failure_is_said_in_vietnamese(text: str, kind: type[sqlite3.Error], tmp_path: Path) -> None:
    message = str(database_error(kind(text), tmp_path / "tdkt.sqlite"))
    assert text.lower() not in message.lower(), message
    assert english_words(message) == [], message
    shown = user_message(kind(text))  # what a front end would show (None: a bug, logged instead)
    if shown is not None:
        assert english_words(shown) == [], shown


def test_the_disk_io_error_of_the_report_reads_vietnamese(tmp_path: Path) -> None:
    message = str(database_error(sqlite3.OperationalError("disk I/O error"), tmp_path / "tdkt.sqlite"))
    assert "disk I/O" not in message and "Lỗi đọc/ghi thiết bị" in message


def test_quick_check_lines_are_translated() -> None:
    lines = ["*** in database main ***\nPage 3: btreeInitPage() returns error code 11",
             "row 5 missing from index idx_people_name", "wrong # of entries in index idx_people_name",
             "On tree page 4 cell 2: invalid page number 99", "NULL value in people.full_name"]
    for line in lines:
        said = sqlite_detail(line)
        assert said and english_words(said) == [], (line, said)
    assert sqlite_detail("row 5 missing from index idx_x") == "dòng 5 thiếu trong chỉ mục idx_x"
    assert sqlite_detail("something SQLite never said") == "lỗi bên trong SQLite"


def test_a_damaged_database_refuses_a_backup_in_vietnamese(tmp_path: Path) -> None:
    from tdkt_desktop.store import backups
    from tdkt_desktop.store.errors import StoreError

    db = tmp_path / "tdkt.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t(x)")
        conn.executemany("insert into t values (?)", [(i,) for i in range(2000)])
        conn.execute("create index i on t(x)")
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 100: 4096 * 2 + 400] = b"\xff" * 300  # a page of the table is overwritten
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        backups.make_backup(db)
    assert english_words(str(caught.value)) == [], str(caught.value)
