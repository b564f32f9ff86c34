"""The records the criteria read, as the screens edit them: which fields each editor shows, and the editor that
adds what a failed criterion is missing (the nomination editor's eligibility panel opens it).

``needs`` are those of :data:`tdkt_desktop.core.eligibility.NEEDS`: ``ratings``, ``award_history``,
``initiative``, ``research``."""

from __future__ import annotations

from typing import Any

from tdkt_desktop.core.models import InnovationKind
from tdkt_desktop.gui.editor import RecordEditor
from tdkt_desktop.gui.qt import QtWidgets

Row = dict[str, Any]

INNOVATION_FIELDS = ("person_id", "name", "year", "scope", "level", "decision_number", "recognised", "applied",
                     "used_for")
HISTORY_FIELDS = ("subject_kind", "subject_id", "year", "code", "award_name", "award_kind", "decision_number",
                  "decision_date", "issuer")
RATING_FIELDS = ("subject_kind", "subject_id", "year", "rating", "discipline", "under_review", "note")


def innovation_defaults(kind: InnovationKind) -> Row:
    return {"kind": kind.value, "recognised": 1, "scope": "co_so"}


def record_editor(ctx: Any, need: str, *, subject_kind: str, subject_id: str, year: int, record_id: str | None = None,
                  parent: QtWidgets.QWidget | None = None) -> RecordEditor:
    """The editor that adds (or, with ``record_id``, corrects) a record of the registry ``need`` for one
    nominee and year."""
    if need in ("initiative", "research"):
        kind = InnovationKind.RESEARCH if need == "research" else InnovationKind.INITIATIVE
        return RecordEditor(ctx, "initiatives", record_id, fields=INNOVATION_FIELDS, parent=parent,
                            defaults={**innovation_defaults(kind), "person_id": subject_id, "year": year})
    table, fields = ("ratings", RATING_FIELDS) if need == "ratings" else ("award_history", HISTORY_FIELDS)
    return RecordEditor(ctx, table, record_id, fields=fields, parent=parent,
                        defaults={"subject_kind": subject_kind, "subject_id": subject_id, "year": year})
