"""``tdkt --help`` and the help of every command and group, walked from the parser (a new command is walked too):
Vietnamese throughout — argparse's own words included — with examples; and argparse's usage errors in Vietnamese."""

from __future__ import annotations

import argparse
import re

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_USAGE, build_parser, main
from tdkt_desktop.cli.base import translate_usage_error

# What argparse writes in English when it is left to itself.
ARGPARSE_ENGLISH = ("usage:", "options:", "optional arguments", "positional arguments", "show this help message",
                    "show program's version", "error:", "argument", "invalid", "expected", "required", "choose from",
                    "ambiguous", "unrecognized", "not allowed")
# Words of English prose: a line holding two of them is English text left in a help.
ENGLISH_PROSE = re.compile(r"\b(the|is|are|and|of|to|with|from|when|its|by|an|for|this|that|be|or|it)\b")


def parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, (*path, name))


ALL = list(parsers(build_parser()))


def test_the_walk_finds_every_command():
    names = {" ".join(path) for path, _ in ALL}
    assert {"", "records", "records import", "appraise approve", "bundle status", "print", "excel import"} <= names
    assert len(ALL) > 70


@pytest.mark.parametrize("path", [path for path, _ in ALL], ids=lambda p: " ".join(p) or "tdkt")
def test_every_help_is_vietnamese_with_examples(capsys, path):
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    assert done.value.code == EXIT_OK
    text = capsys.readouterr().out
    assert text.startswith(f"Cách dùng: tdkt {' '.join(path)}".rstrip())
    assert "Ví dụ:" in text
    examples = text.split("Ví dụ:", 1)[1]
    assert re.search(r"^\s+tdkt\b", examples, flags=re.MULTILINE), "an example is a command line"
    assert "hiện hướng dẫn này rồi thoát" in text and "--db TỆP" in text
    words = re.sub(r"--[\w-]+", "", text)  # option names are what a person types
    for english in ARGPARSE_ENGLISH:
        assert english not in words.lower(), (english, text)
    for line in words.splitlines():
        stripped = line.strip()
        if stripped.startswith("tdkt") or "=" in stripped:
            continue  # examples and field names are what a person types
        assert len(ENGLISH_PROSE.findall(stripped)) < 2, f"English left in the help: {stripped}"
    assert _only_vietnamese_metavars(text)


def _only_vietnamese_metavars(text: str) -> bool:
    """Placeholders of options are Vietnamese words (argparse would write "--head-name HEAD_NAME")."""
    english = {"HEAD_NAME", "HEAD_TITLE", "OUT_DIR", "OUT", "ID", "DATE", "PERIOD", "NAME", "LEVEL", "OPERATOR",
               "REASON", "LOCATION", "NOTE", "OFFSET", "FILE", "VALUE"}
    found = set(re.findall(r"--[\w-]+ ([A-Z_]{2,})\b", text))
    return not (found & english)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["records", "lisst"], "Lỗi: tham số LỆNH: lựa chọn không hợp lệ “lisst”; chọn một trong 'kinds'"),
        (["records"], "Lỗi: thiếu tham số bắt buộc: LỆNH."),
        (["records", "list"], "Lỗi: thiếu tham số bắt buộc: LOẠI."),
        (["records", "list", "people", "--limit", "7,5"], "Lỗi: tham số --limit: '7,5' không phải số nguyên."),
        (["records", "list", "people", "--bogus"], "Lỗi: tham số không hợp lệ: --bogus."),
        (["records", "list", "people", "--se", "x", "--search"], "Lỗi: tham số --search: cần một giá trị."),
        (["excel", "import", "a.xlsx", "--kind", "ratings"], "Lỗi: tham số --kind: lựa chọn không hợp lệ “ratings”; chọn một trong"),
        (["records", "import", "people", "a.csv", "--d"], "Lỗi: tùy chọn --d chưa rõ, có thể là"),
        (["awards", "cancel", "x", "--date", "01/01/2026", "--ground", "e"], "Lỗi: tham số --ground: lựa chọn không hợp lệ “e”"),
    ],
)
def test_usage_errors_are_vietnamese(capsys, argv, message):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.startswith("Cách dùng: tdkt ") and message in err, err
    lowered = err.lower()
    for english in ARGPARSE_ENGLISH:
        assert english not in lowered, (english, err)


@pytest.mark.parametrize(
    "message",
    [
        "the following arguments are required: LOẠI, TỆP",
        "one of the arguments --a --b is required",
        "unrecognized arguments: --x y",
        "ambiguous option: --d could match --dry-run, --db",
        "argument --kind: invalid choice: 'x' (choose from 'a', 'b')",
        "argument --limit: invalid int value: 'x'",
        "argument --n: invalid float value: 'x'",
        "argument --for: expected one argument",
        "argument --x: expected at most one argument",
        "argument --x: expected at least one argument",
        "argument --x: expected 2 arguments",
        "argument --a: not allowed with argument --b",
        "argument --yes: ignored explicit argument 'x'",
        "argument --file: can't open 'a': [Errno 2] No such file or directory: 'a'",
    ],
)
def test_every_argparse_message_has_its_vietnamese_words(message):
    text = translate_usage_error(message)
    lowered = text.lower()
    for english in ("argument", "invalid", "expected", "required", "choose", "ambiguous", "unrecognized", "allowed",
                    "ignored", "could match", "can't open"):
        assert english not in lowered, text
