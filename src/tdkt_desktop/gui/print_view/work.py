"""What the In ấn screen reads, renders, signs and verifies, as plain functions run by background jobs (no Qt here,
no SQL: the records come from ``store.documents``, the documents from ``printing.records``).

A document is printed as a **draft** (``render_draft``: no number, "DỰ THẢO" on every page, nothing taken from the
register) or **issued** (``render_issue``: the next number of the register for the documents numbered here, the
same number when it was issued before). The preview shows the issued document once it has a number, the draft
before. The file's extension chooses PDF or Word (.docx).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tdkt_desktop.core.models import period_label
from tdkt_desktop.core.text import InputError
from tdkt_desktop.printing import list_templates, records, template_for
from tdkt_desktop.printing.certificates import stock_elements as _stock_elements
from tdkt_desktop.store.db import Store
from tdkt_desktop.store.documents import PRINTED_FROM, printable_records

Row = dict[str, Any]

# The record kinds a document is printed from, in the order the screen offers them.
RECORD_KINDS = PRINTED_FROM
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


# --------------------------------------------------------------------------- records to choose from


def list_records(store: Store, table: str, search: str = "") -> list[Row]:
    """The records of ``table`` a document can be printed from: id, a label, and what decides the templates."""
    return printable_records(store, table, search)


def templates_for(table: str, record: Row | None) -> list[str]:
    names = list(records.PRINTABLE.get(table, []))
    if record is None:
        return names
    if table == "nominations":
        drop = "bao_cao_tap_the" if record.get("subject_kind") == "person" else "bao_cao_ca_nhan"
        names = [n for n in names if n != drop]
    if table == "decisions":
        codes = set(record.get("codes") or [])
        for template, titles in records.CERTIFICATE_TITLES.items():
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


# --------------------------------------------------------------------------- what a person chooses


def document_choices(store: Store, template: str, record_id: str, options: dict[str, Any]) -> Row:
    """What the screen offers for one document: which choices apply (``choices``: signer, recipients, attached),
    the officials who may sign, the Nơi nhận (remembered or default), the document a list goes with, and the
    number it was issued under (``issued``, or None while a draft)."""
    choices = records.CHOICES.get(template, frozenset())
    out: Row = {"template": template, "record_id": record_id, "choices": sorted(choices), "signers": [],
                "recipients": None, "attached": None, "issued": None}
    if "signer" in choices:
        out["signers"] = records.signer_choices(store)
    if "recipients" in choices:
        out["recipients"] = records.recipient_choices(store, template)
    if "attached" in choices:
        context = records.build_context(store, template, record_id, **_quiet(options))
        attached = context.get("attached") or {}
        out["attached"] = {"number": str(attached.get("number") or "").strip(),
                           "date": str(attached.get("date") or "")[:10] or None}
    out["issued"] = records.issued_code(store, template, record_id, **_quiet(options))
    return out


def _quiet(options: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if k != "recipients"}


def forget_recipients(store: Store, template: str) -> list[str]:
    """Back to the default Nơi nhận; returns them."""
    records.forget_recipients(store, template)
    return list(records.recipient_choices(store, template)["current"])


def stock_elements(template: str) -> list[Row]:
    """What a certificate prints (id, label, pre-printed by default), for the list of what the stock carries."""
    return _stock_elements(template_for(template))


# --------------------------------------------------------------------------- rendering


def render_preview(store: Store, template: str, record_id: str, out: str | Path, options: dict[str, Any]) -> Row:
    """The issued document when it has its number already (taking none), else the draft."""
    code = records.issued_code(store, template, record_id, **_quiet(options))
    if code:
        info = records.issue_pdf(store, template, record_id, out, **options)
    else:
        info = records.preview_pdf(store, template, record_id, out, **options)
    return {"path": str(out), "pages": info.pages, "legal_basis": info.legal_basis, "template_file": info.template_file,
            "issued": code}


def render_draft(store: Store, template: str, record_id: str, out: str | Path, options: dict[str, Any]) -> Row:
    """A draft (PDF or Word by the extension): no number, "DỰ THẢO" on every page, nothing taken."""
    info = records.preview_pdf(store, template, record_id, out, **options)
    return {"path": str(out), "pages": info.pages, "format": info.format, "issued": None}


def render_issue(store: Store, template: str, record_id: str, out: str | Path, options: dict[str, Any]) -> Row:
    """The issued document (PDF or Word by the extension), numbered from the register when numbered here."""
    info = records.issue_pdf(store, template, record_id, out, **options)
    code = records.issued_code(store, template, record_id, **_quiet(options))
    return {"path": str(out), "pages": info.pages, "legal_basis": info.legal_basis, "format": info.format,
            "issued": code}


def batch_items(store: Store, table: str, record_id: str, *, period: str | None = None) -> list[records.BatchItem]:
    if table == "decisions":
        return records.batch_for_decision(store, record_id)
    if table == "campaigns":
        return records.batch_for_campaign(store, record_id, period=period)
    raise InputError("Chỉ in hàng loạt được cho một quyết định khen thưởng hoặc một phong trào thi đua.")


def safe_filename(name: str, suffix: str = ".pdf") -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .") or f"tai-lieu{suffix}"
    return name if name.lower().endswith(suffix) else name + suffix


def render_item(store: Store, item: records.BatchItem, folder: Path, options: dict[str, Any], *,
                draft: bool = False) -> Path:
    """One document of a batch, written atomically into ``folder`` (never a half-written file)."""
    out = folder / safe_filename(item.filename)
    merged = {**options, **item.options}
    (records.preview_pdf if draft else records.issue_pdf)(store, item.template, item.record_id, out, **merged)
    return out


def run_batch(
    store: Store,
    items: list[records.BatchItem],
    folder: str | Path,
    options: dict[str, Any],
    progress: Callable[..., None],
    *,
    cancelled: Callable[[], bool],
    draft: bool = False,
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
        written.append(str(render_item(store, item, target, options, draft=draft)))
    if not stopped:
        progress(total, total, "")
    return {"written": written, "total": total, "cancelled": stopped, "folder": str(target)}


def temp_pdf(folder: str | Path, stem: str, suffix: str = ".pdf") -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{re.sub(r'[^0-9A-Za-z_-]+', '-', stem)}-{os.getpid()}-{_dt.datetime.now():%H%M%S%f}{suffix}"
    return folder / name


# --------------------------------------------------------------------------- stock, signing, verifying


def calibration(out: str | Path, *, offsets_mm: tuple[float, float], preprinted: list[str]) -> Row:
    """The calibration page of the certificate stock, shifted by the printer's offsets, naming what the stock
    carries (written atomically)."""
    import io

    from tdkt_desktop.core.files import atomic_write
    from tdkt_desktop.printing.pdf import calibration_pdf

    buffer = io.BytesIO()
    pages = calibration_pdf(buffer, offsets_mm=offsets_mm, preprinted=preprinted)
    atomic_write(Path(out), buffer.getvalue(), make_parents=True)
    return {"path": str(out), "pages": pages}


def sign_document(
    store: Store,
    *,
    source: str | None,
    out: str | Path,
    key: dict[str, Any],
    seal: str | None,
    template: str | None = None,
    record_id: str | None = None,
    options: dict[str, Any] | None = None,
    work_folder: str | Path | None = None,
) -> Row:
    """Sign ``source`` (a PDF file), or the issued copy of the chosen document (issued first: it takes its number),
    into ``out``. ``key``: ``p12`` + ``passphrase``, or ``pkcs11_lib`` + ``slot`` + ``pin`` (+ ``key_label``)."""
    from tdkt_desktop.printing.signing import SignerSource, sign_pdf

    if key.get("p12"):
        signer = SignerSource.from_p12(key["p12"], key.get("passphrase") or "")
    elif key.get("pkcs11_lib"):
        signer = SignerSource.from_token(key["pkcs11_lib"], slot=key.get("slot"), pin=key.get("pin"),
                                         key_label=key.get("key_label") or None)
    else:
        raise InputError("Hãy chọn chứng thư số: tệp .p12 (.pfx) hoặc thiết bị ký số (thư viện PKCS#11).")
    issued: str | None = None
    cleanup: Path | None = None
    if source is None:
        if template is None or record_id is None:
            raise InputError("Hãy chọn văn bản cần ký hoặc một tệp PDF.")
        cleanup = temp_pdf(work_folder or Path(out).parent, f"{template}-ban-hanh")
        facts = render_issue(store, template, record_id, cleanup, dict(options or {}))
        issued = facts.get("issued")
        source = str(cleanup)
    try:
        info = sign_pdf(source, out, signer, seal=seal or None, location=key.get("location") or None)
    finally:
        if cleanup is not None:
            cleanup.unlink(missing_ok=True)
    return {"path": info.path, "signer": info.signer, "organisation": info.organisation,
            "signing_time": info.signing_time, "page": info.page, "issued": issued}


def verify(path: str | Path, *, trust: list[str] | None = None) -> Row:
    """The check of a received signed PDF: every signature (signer, time, intact, changed after signing) and the
    verdict; the report's lines in Vietnamese."""
    from tdkt_desktop.printing.signing import verify_pdf

    report = verify_pdf(path, trust=trust or [])
    return {**report.as_dict(), "lines": report.lines()}
