"""docs/sync.md states the authority table exactly as ``store.authority.AUTHORITY`` holds it (it cannot drift):
the table in the document is the one :func:`authority_table` renders from the data."""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.store.authority import (
    APPRAISAL_FIELDS,
    AUTHORITY,
    LOCKED_STATUSES,
    OWNER_STATUS_FROM,
    OWNER_STATUSES,
    SUBJECT,
)
from tdkt_desktop.store.fields import KINDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "sync.md"
BEGIN = "<!-- authority table: rendered from store/authority.py, checked by tests/unit/test_sync_docs.py -->"
END = "<!-- end of the authority table -->"


def _code(names) -> str:
    return ", ".join(f"`{n}`" for n in names) or "—"


def _words(names) -> str:
    return ", ".join(f"*{n}*" for n in names)


def _writes(rule) -> str:
    if rule.role == "owned":
        return "everything"
    if rule.role == "issued":
        return "everything (the owner is the issuer)"
    if rule.role == "appraised":
        return (f"content; `status` only to {_words(OWNER_STATUSES)}, from {_words(OWNER_STATUS_FROM)}; nothing once "
                f"the status is {_words(LOCKED_STATUSES)}")
    return "`status` and the resolution, by either party (the record's owner side or an office above it)"


def authority_table() -> str:
    lines = [
        "| record kind | table | the owner's side writes | the appraising office writes | unit fields in the "
        "sender's scope | must name the owner | records it points at |",
        "|---|---|---|---|---|---|---|",
    ]
    for table, rule in AUTHORITY.items():
        refs = [f"`{f}` → {'a person, collective or household' if t == SUBJECT else f'`{t}`'}" for f, t in rule.refs.items()]
        lines.append(" | ".join([
            f"| {KINDS[table].label}", f"`{table}`", _writes(rule), _code(rule.appraisal),
            _code(rule.unit_refs), _code([rule.issuer_field] if rule.issuer_field else []),
            "; ".join(refs) or "—",
        ]) + " |")
    return "\n".join(lines)


def test_the_documented_authority_table_is_the_data():
    text = DOC.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"docs/sync.md needs the authority table between {BEGIN} and {END}"
    documented = text[text.index(BEGIN) + len(BEGIN):text.index(END)].strip()
    assert documented == authority_table(), "docs/sync.md's authority table differs from store/authority.py; " \
        "paste this one:\n" + authority_table()
    assert set(APPRAISAL_FIELDS) == set(AUTHORITY["nominations"].appraisal)
