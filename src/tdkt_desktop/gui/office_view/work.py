"""What the upper-office screens read and write, as plain functions run by background jobs (no Qt here).

Writes go through the engines (``store.office``, ``store.council``, ``excel``, ``printing``); nothing here
changes a record in its own way. :func:`decision_preview` shows :func:`office.preview_decision`: the
number, the list order and the money issuing will give (unless someone else issues a decision in between).
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any

from tdkt_desktop.core.models import (
    NominationStatus,
    SubjectKind,
    period_label,
)
from tdkt_desktop.core.text import InputError, clean, collate_key
from tdkt_desktop.store import consolidation, council, installation, nominations, office, results, statistics
from tdkt_desktop.store.assessment import assess
from tdkt_desktop.store.campaigns import campaign_list
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.lookups import names_for
from tdkt_desktop.store.naming import naming_of

Row = dict[str, Any]
S = NominationStatus

OFFICE_STATUSES = office.OFFICE_STATUSES
OPEN_STATUSES = (S.SUBMITTED.value, S.RECEIVED.value, S.APPRAISED.value)


def _unit_names(store: Store, rows: list[Row]) -> dict[str, str]:
    return names_for(store, "units", {str(r.get("unit_code") or r["owner_unit"]) for r in rows})


def status_label(value: str | None) -> str:
    try:
        return S(value or S.DRAFT.value).label
    except ValueError:
        return str(value or "")


# --------------------------------------------------------------------------- appraisal


def received_nominations(store: Store, *, year: int | None = None) -> list[Row]:
    """Nominations sent up (every status but draft), with the proposing unit's name and labels, ordered by
    unit (tree order), status (the flow's order) and the decision list's order."""
    noms = office.sent_up(store, year=year)
    names = _unit_names(store, noms)
    try:
        tree = [store.unit_code or "", *(u.code for u in consolidation.units_below(store))]
    except InputError:
        tree = []
    tree_pos = {c: i for i, c in enumerate(tree)}
    status_pos = {s: i for i, s in enumerate(OFFICE_STATUSES)}
    naming = naming_of(store)
    out = []
    for n in noms:
        unit = n.get("unit_code") or n["owner_unit"]
        out.append(
            {
                "id": n["id"],
                "unit_code": unit,
                "unit_name": names.get(unit, unit),
                "status": n["status"],
                "status_label": status_label(n["status"]),
                "subject_kind": n["subject_kind"],
                "subject_label": SubjectKind(n["subject_kind"]).label,
                "subject_name": n["subject_name"],
                "title_code": n["title_code"],
                "title": naming.title(n["title_code"]),
                "year": n["year"],
                "submitted_on": n.get("submitted_on"),
                "status_reason": n.get("status_reason") or "",
                "send_reason": nominations.send_reason(n) or "",
            }
        )
    out.sort(key=lambda r: (tree_pos.get(r["unit_code"], len(tree_pos)), collate_key(r["unit_name"]),
                            status_pos.get(r["status"], 99),
                            office.award_order_key(r["title_code"], r["subject_kind"], r["subject_name"])))
    return out


def nomination_detail(store: Store, nomination_id: str, decision_date: _dt.date) -> Row:
    """One nomination for the appraisal panel: its :func:`~tdkt_desktop.store.assessment.assess` on
    ``decision_date`` (nothing written), the stored appraisal, and this unit's council sessions to vote in."""
    nom = store.require("nominations", nomination_id)
    assessment = assess(store, office.as_appraised(nom), decision_date)
    stored = None
    if nom.get("eligibility_json"):
        try:
            stored = json.loads(nom["eligibility_json"])
        except (TypeError, ValueError):
            stored = None
    sessions = [
        {"id": s["id"], "meeting_date": s["meeting_date"], "total_members": s["total_members"],
         "present": s["present"], "written_opinions": s.get("written_opinions") or 0, "period": s.get("period")}
        for s in council.sessions_here(store)
    ]
    unit = nom.get("unit_code") or nom["owner_unit"]
    u = store.unit_by_code(unit)
    return {
        "nomination": nom,
        "assessment": assessment,
        "unit_name": u["name"] if u else unit,
        "status_label": status_label(nom["status"]),
        "title": assessment.title_name,
        "subject_label": SubjectKind(nom["subject_kind"]).label,
        "decision_date": decision_date,
        "stored": stored,
        "note": nom.get("appraisal_note") or "",
        "sessions": sessions,
    }


# --------------------------------------------------------------------------- decisions


def officials(store: Store) -> list[Row]:
    return [{"name": o["full_name"], "title": o["title"], "authority": o.get("authority") or ""}
            for o in installation.signers(store)]


def approved_nominations(store: Store) -> list[Row]:
    noms = office.approved(store)
    names = _unit_names(store, noms)
    naming = naming_of(store)
    rows = []
    for n in noms:
        unit = n.get("unit_code") or n["owner_unit"]
        rows.append({"id": n["id"], "subject_name": n["subject_name"], "subject_kind": n["subject_kind"],
                     "subject_label": SubjectKind(n["subject_kind"]).label, "title_code": n["title_code"],
                     "title": naming.title(n["title_code"]), "year": n["year"], "unit_name": names.get(unit, unit)})
    return rows


def decision_preview(store: Store, ids: list[str], *, decision_date: _dt.date, signer: str, signer_title: str,
                     subject: str | None) -> Row:
    """What issuing would give (:func:`office.preview_decision`, nothing kept), shaped for the preview."""
    summary = office.preview_decision(store, ids, decision_date=decision_date, signer=signer,
                                      signer_title=signer_title, subject=subject)
    return {
        "number": summary["number"],
        "subject": summary["subject"],
        "base_salary": summary["base_salary"],
        "awardees": [
            {"so_vang": a["so_vang"], "name": a["name"], "subject_label": a["subject_label"], "title": a["title_name"],
             "workplace": a["workplace"], "amount": a["amount"], "full_amount": a["full_amount"], "note": a["note"],
             "nomination_id": a["nomination_id"]}
            for a in summary["awardees"]
        ],
        "total": summary["totals"]["amount"],
        "count": summary["totals"]["count"],
        "notes": summary["notes"],
    }


def issue(store: Store, ids: list[str], *, decision_date: _dt.date, signer: str, signer_title: str,
          subject: str | None) -> Row:
    decision = office.issue_decision(store, ids, decision_date=decision_date, signer=signer,
                                     signer_title=signer_title, subject=subject)
    return office.decision_summary(store, decision["id"])


def decisions_list(store: Store) -> list[Row]:
    out = []
    for d in office.issued_decisions(store):
        count = d["awardee_count"]
        code = f"{d['number']}/{d['doc_code']}" if d.get("number") and d.get("doc_code") else (d.get("number") or "")
        out.append({"id": d["id"], "code": code, "decision_date": d["decision_date"], "subject": d.get("subject") or "",
                    "signer": d.get("signer") or "", "count": count, "total": d.get("total_amount") or 0,
                    "status": d.get("status") or ""})
    return out


def print_decision(store: Store, decision_id: str, folder: str | Path, progress: Any) -> Row:
    """The decision and its certificates, issued as PDF files into ``folder`` (printing.records batch)."""
    from tdkt_desktop.printing import records

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    items = records.batch_for_decision(store, decision_id)
    written = []
    for i, item in enumerate(items):
        progress(i, len(items), item.filename)
        out = target / item.filename
        records.issue_pdf(store, item.template, item.record_id, out, **item.options)
        written.append(str(out))
    progress(len(items), len(items), "")
    return {"written": written, "folder": str(target)}


# --------------------------------------------------------------------------- consolidation


def campaigns(store: Store) -> list[Row]:
    return [{"id": c["id"], "name": c["name"], "year": c.get("year")} for c in campaign_list(store)]


def periods_for(store: Store, campaign_id: str | None) -> list[str]:
    years: set[int] = set()
    found: set[str] = set()
    if campaign_id:
        c = store.get("campaigns", campaign_id)
        if c and c.get("year"):
            years.add(int(c["year"]))
        found = results.periods_reported(store, campaign_id)
    years |= {int(p[:4]) for p in found}
    if not years:
        years.add(_dt.date.today().year)
    out = set(found)
    for y in years:
        out |= {f"{y}-H1", str(y)}
    return sorted(out, key=lambda p: (p[:4], {"H1": 0, "H2": 1}.get(p[5:], 2)), reverse=True)


def consolidation_data(store: Store, campaign_id: str, period: str) -> Row:
    matrix = consolidation.attainment_matrix(store, campaign_id, period)
    part = consolidation.participation_by_unit(store, campaign_id, period)
    year = int(period[:4])
    regs = consolidation.registrations_by_unit(store, year)
    noms = consolidation.nominations_by_unit(store, year)
    return {"matrix": matrix, "participation": part, "registrations": regs, "nominations": noms,
            "period_label": period_label(period)}


def unit_figures(store: Store, unit_code: str, campaign_id: str, period: str) -> Row:
    figures = consolidation.unit_figures(store, unit_code, campaign_id, period)
    u = store.unit_by_code(unit_code)
    figures["unit_name"] = u["name"] if u else unit_code
    return figures


def missing(store: Store, deadline: _dt.date, period: str, campaign_id: str | None) -> list[Row]:
    rows = consolidation.missing_submissions(store, deadline=deadline, period=period, campaign_id=campaign_id)
    return [{"code": m.unit.code, "name": m.unit.name, "results_on": m.results_on, "nominations_on": m.nominations_on,
             "what": "; ".join(m.labels)} for m in rows]


def matrix_rows(matrix: consolidation.Matrix) -> list[Row]:
    """Rows of the attainment matrix: one per unit, then the totals row (roll-up)."""
    rows: list[Row] = [
        {"kind": "unit", "code": r.unit.code, "name": r.name, "depth": r.unit.depth, "cells": r.cells,
         "reached": r.reached, "applicable": r.applicable}
        for r in matrix.rows()
    ]
    rows.append({"kind": "total", "code": "", "name": "", "cells": matrix.totals, "reached": None, "applicable": None})
    return rows


# --------------------------------------------------------------------------- reports


def review_report(store: Store, campaign_id: str, period: str) -> Row:
    return statistics.review_report_data(store, campaign_id, period)


def form(store: Store, which: str, year: int) -> statistics.FormTable:
    if which == "0601":
        return statistics.form_0601N(store, year)
    return statistics.form_0603N(store, year)


def form_pdf(store: Store, kind: str, year: int, out: str | Path) -> Row:
    """Form 0601.N or 0603.N of ``year`` printed to ``out``."""
    from tdkt_desktop.printing import records
    from tdkt_desktop.store.statistics import form_0601N, form_0603N

    form = (form_0601N if kind == "0601" else form_0603N)(store, year)
    info = records.statistics_form_pdf(store, form, out)
    return {"path": str(out), "pages": info.pages}


def review_pdf(store: Store, campaign_id: str, period: str, out: str | Path) -> Row:
    """The sơ kết / tổng kết report as a draft PDF (no number taken: the number is given when it is issued
    from the In ấn section)."""
    from tdkt_desktop.printing import records

    info = records.preview_pdf(store, "bao_cao_ket_qua", campaign_id, out, period=period)
    return {"path": str(out), "pages": info.pages}


def nominations_table(noms: Row) -> tuple[list[str], list[Row]]:
    """Rows of nominations per unit by status (labels) — for the table and the chart."""
    rows = []
    for r in noms["rows"]:
        rows.append({"name": r["unit"]["name"], **{f"s:{k}": v for k, v in r["by_status"].items()},
                     **{f"t:{k}": v for k, v in r["by_title"].items()}, "total": r["total"]})
    totals = {"name": "", "_bold": True, **{f"s:{k}": v for k, v in noms["totals_by_status"].items()},
              **{f"t:{k}": v for k, v in noms["totals_by_title"].items()}, "total": noms["total"]}
    rows.append(totals)
    return noms["statuses"], rows


def clean_reasons(text: str) -> list[str]:
    return [clean(line.lstrip("-•– ")) for line in (text or "").splitlines() if clean(line.lstrip("-•– "))]
