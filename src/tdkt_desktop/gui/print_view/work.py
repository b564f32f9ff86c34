"""What the In ấn screen reads and renders, as plain functions run by background jobs (no Qt here).

Documents come from ``printing.records``: ``preview_pdf`` (a draft, no number), ``issue_pdf`` (the issued
document, numbered from the register when its type is numbered here) and the batches of a decision or a
campaign. Errors of the printing engine carry a Vietnamese message; they are raised as :class:`InputError`
so the screen shows them as they are.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tdkt_desktop.core.models import period_label, title_label
from tdkt_desktop.core.text import InputError, fold, format_date
from tdkt_desktop.printing import list_templates, records
from tdkt_desktop.store.db import Store

Row = dict[str, Any]

# The record kinds a document is printed from, in the order the screen offers them.
RECORD_KINDS = ("decisions", "nominations", "vote_sessions", "campaigns", "registrations")
BATCH_KINDS = ("decisions", "campaigns")


def template_info() -> dict[str, Row]:
    """Name → title, kind (document/certificate), orientation of the version in force today (else the latest)."""
    out: dict[str, Row] = {}
    today = _dt.date.today()
    for t in list_templates():
        current = out.get(t.name)
        if current is None or t.applies_on(today) or not current["_applies"]:
            out[t.name] = {"name": t.name, "title": t.title, "kind": t.kind, "orientation": t.orientation,
                           "legal_basis": t.legal_basis, "_applies": t.applies_on(today)}
    return out


def printable() -> dict[str, list[str]]:
    return {k: list(v) for k, v in records.PRINTABLE.items()}


# --------------------------------------------------------------------------- records to choose from


def _status_text(value: Any) -> str:
    return {"draft": "nháp", "issued": "đã ban hành", "submitted": "đã trình", "approved": "đã duyệt",
            "rejected": "không duyệt", "returned": "trả lại", "awarded": "đã khen",
            "decided": "đã có quyết định", "appraised": "đã thẩm định"}.get(str(value or ""), str(value or ""))


def list_records(store: Store, table: str, search: str = "") -> list[Row]:
    """The records of ``table`` a document can be printed from: id, a label, and what decides the templates."""
    rows: list[Row] = []
    if table == "decisions":
        for r in store.db.query(
            "SELECT d.id, d.number, d.doc_code, d.decision_date, d.subject, d.status,"
            " (SELECT COUNT(*) FROM decision_awardees a WHERE a.decision_id = d.id AND a.deleted = 0) AS n,"
            " (SELECT GROUP_CONCAT(DISTINCT a.title_code) FROM decision_awardees a WHERE a.decision_id = d.id"
            "  AND a.deleted = 0) AS codes"
            " FROM decisions d WHERE d.deleted = 0 ORDER BY d.decision_date DESC"
        ):
            number = f"Số {r['number']}" + (f"/{r['doc_code']}" if r.get("doc_code") else "") if r.get("number") \
                else "Chưa có số"
            rows.append({"id": r["id"], "label": f"{number}, ngày {format_date(r['decision_date'])}",
                         "detail": f"{r.get('subject') or ''} · {r['n']} người/tập thể · {_status_text(r['status'])}"
                         .strip(" ·"),
                         "codes": (r.get("codes") or "").split(",")})
    elif table == "nominations":
        for r in store.db.query(
            "SELECT id, subject_name, subject_kind, title_code, year, status FROM nominations WHERE deleted = 0"
            " ORDER BY year DESC, title_code, subject_name"
        ):
            rows.append({"id": r["id"], "label": r["subject_name"],
                         "detail": f"{title_label(r['title_code'])} · {r['year']} · {_status_text(r['status'])}",
                         "subject_kind": r["subject_kind"]})
    elif table == "vote_sessions":
        for r in store.db.query(
            "SELECT id, meeting_date, place, period, present, total_members FROM vote_sessions WHERE deleted = 0"
            " ORDER BY meeting_date DESC"
        ):
            rows.append({"id": r["id"], "label": f"Phiên họp ngày {format_date(r['meeting_date'])}",
                         "detail": " · ".join(x for x in (r.get("place") or "",
                                                          f"có mặt {r['present']}/{r['total_members']}") if x)})
    elif table == "campaigns":
        for r in store.db.query(
            "SELECT id, name, year, doc_number, status FROM campaigns WHERE deleted = 0 ORDER BY year DESC, name"
        ):
            rows.append({"id": r["id"], "label": r["name"],
                         "detail": " · ".join(x for x in (str(r.get("year") or ""), r.get("doc_number") or "") if x),
                         "year": r.get("year")})
    elif table == "registrations":
        # one document per year and campaign: represented by the first registration of the group
        for r in store.db.query(
            "SELECT MIN(r.id) AS id, r.year, r.campaign_id, COUNT(*) AS n, c.name AS campaign"
            " FROM registrations r LEFT JOIN campaigns c ON c.id = r.campaign_id WHERE r.deleted = 0"
            " GROUP BY r.year, r.campaign_id ORDER BY r.year DESC, c.name"
        ):
            rows.append({"id": r["id"], "label": f"Đăng ký thi đua năm {r['year']}",
                         "detail": " · ".join(x for x in (r.get("campaign") or "", f"{r['n']} lượt đăng ký") if x)})
    if search:
        needle = fold(search)
        rows = [r for r in rows if needle in fold(f"{r['label']} {r.get('detail', '')}")]
    return rows


def templates_for(table: str, record: Row | None) -> list[str]:
    names = list(records.PRINTABLE.get(table, []))
    if record is None:
        return names
    if table == "nominations":
        drop = "bao_cao_tap_the" if record.get("subject_kind") == "person" else "bao_cao_ca_nhan"
        names = [n for n in names if n != drop]
    if table == "decisions":
        codes = set(record.get("codes") or [])
        for template, titles in (("giay_khen", ("GIAY_KHEN",)), ("bang_cstdcs", ("CSTDCS",))):
            if template in names and not codes & set(titles):
                names.remove(template)
    return names


def numbered(template: str) -> bool:
    """Whether issuing this document takes the next number of this unit's register."""
    return template in records.DOC_TYPE


def periods_around(year: int | None = None) -> list[tuple[str, str]]:
    this = year or _dt.date.today().year
    out = []
    for y in (this, this - 1):
        for p in (str(y), f"{y}-H1", f"{y}-H2"):
            out.append((period_label(p), p))
    return out


# --------------------------------------------------------------------------- rendering


def render_preview(store: Store, template: str, record_id: str, out: str | Path, options: dict[str, Any]) -> Row:
    info = records.preview_pdf(store, template, record_id, out, **options)
    return {"path": str(out), "pages": info.pages, "legal_basis": info.legal_basis, "template_file": info.template_file}


def render_issue(store: Store, template: str, record_id: str, out: str | Path, options: dict[str, Any]) -> Row:
    info = records.issue_pdf(store, template, record_id, out, **options)
    return {"path": str(out), "pages": info.pages, "legal_basis": info.legal_basis}


def batch_items(store: Store, table: str, record_id: str, *, period: str | None = None) -> list[records.BatchItem]:
    if table == "decisions":
        return records.batch_for_decision(store, record_id)
    if table == "campaigns":
        return records.batch_for_campaign(store, record_id, period=period)
    raise InputError("Chỉ in hàng loạt được cho một quyết định khen thưởng hoặc một phong trào thi đua.")


def safe_filename(name: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .") or "tai-lieu.pdf"
    return name if name.lower().endswith(".pdf") else name + ".pdf"


def render_item(store: Store, item: records.BatchItem, folder: Path, options: dict[str, Any]) -> Path:
    """One document of a batch, issued, written atomically into ``folder`` (never a half-written file)."""
    out = folder / safe_filename(item.filename)
    merged = {**options, **item.options}
    records.issue_pdf(store, item.template, item.record_id, out, **merged)
    return out


def run_batch(
    store: Store,
    items: list[records.BatchItem],
    folder: str | Path,
    options: dict[str, Any],
    progress: Callable[..., None],
    *,
    cancelled: Callable[[], bool],
) -> Row:
    """Write every item; stops between two documents when cancelled. Returns the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    total = len(items)
    stopped = False
    for i, item in enumerate(items):
        if cancelled():
            stopped = True
            break
        progress(i, total, f"{i + 1}/{total}: {safe_filename(item.filename)}")
        written.append(str(render_item(store, item, target, options)))
    if not stopped:
        progress(total, total, "")
    return {"written": written, "total": total, "cancelled": stopped, "folder": str(target)}


def temp_pdf(folder: str | Path, stem: str) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd_name = f"{re.sub(r'[^0-9A-Za-z_-]+', '-', stem)}-{os.getpid()}-{_dt.datetime.now():%H%M%S%f}.pdf"
    return folder / fd_name
