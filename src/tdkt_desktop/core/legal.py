"""The legal texts the rules rely on, and citations of them.

``resources/rulesets/documents.json`` lists every text (law, decree, circular, official letter) with its
dates, where its content was read (``evidence``), what was taken from it and what could not be verified.
Every rule, coefficient, threshold, dossier item and form cites one of them with a :class:`Citation`
(document, article, clause, point) whose ``status`` says how far it was checked:

* ``confirmed`` — the value and the article were read in the text or in a verbatim quotation of it;
* ``article_unverified`` — the value was read, but the article, clause or point could not be checked;
* ``not_found`` — no text could be found: the value is left out and the item goes to manual review,
  with the note saying what to check.

The same module reads the award-cancellation rules (``cancellation.json``, Luật Thi đua, khen thưởng
2022, Điều 93) and the statistical reporting regimes (``statistics.json``), both keyed by dates.
Everything here is pure Python and read-only.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tdkt_desktop.core.errors import file_error
from tdkt_desktop.core.text import InputError, format_date

__all__ = [
    "CITATION_STATUSES",
    "DOCUMENTS_FILE",
    "CancellationGround",
    "CancellationRules",
    "Citation",
    "LegalDocument",
    "StatisticsForm",
    "StatisticsRegime",
    "cancellation_rules",
    "document",
    "form_sources",
    "legal_documents",
    "parse_citation",
    "statistics_regime",
    "statistics_regimes",
    "statistics_year_of",
    "statistics_year_window",
]

DOCUMENTS_FILE = "documents.json"
CANCELLATION_FILE = "cancellation.json"
STATISTICS_FILE = "statistics.json"
DOCUMENTS_FORMAT = "tdkt-legal-documents/1"
CANCELLATION_FORMAT = "tdkt-cancellation/1"
STATISTICS_FORMAT = "tdkt-statistics/1"

CITATION_STATUSES = {
    "confirmed": "đã đối chiếu",
    "article_unverified": "đã đối chiếu nội dung, chưa đối chiếu số điều, khoản",
    "not_found": "chưa đối chiếu được văn bản — cần xem xét thủ công",
}
DOCUMENT_STATUSES = ("in_force", "repealed", "draft", "not_retrieved")


def _rules_dir(rules_dir: Path | None) -> Path:
    if rules_dir is not None:
        return rules_dir.resolve()
    from tdkt_desktop.paths import resources_dir

    return (resources_dir() / "rulesets").resolve()


def _error(source: str, path: str, problem: str) -> InputError:
    where = f", mục “{path}”" if path else ""
    return InputError(f"Tệp quy định “{source}”{where}: {problem}", field=path or None, value=source)


def read_json(path: Path) -> Any:
    """A rule-data file, with a Vietnamese message naming the file for every way reading it can fail."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp quy định “{path}”.", field=None, value=str(path)) from None
    except UnicodeDecodeError:
        raise _error(path.name, "", "tệp không phải văn bản UTF-8.") from None
    except OSError as exc:
        raise file_error(exc, path, reading=True) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(path.name, "", f"sai cú pháp JSON ở dòng {exc.lineno}, cột {exc.colno} ({exc.msg}).") from None


def parse_date(value: Any, source: str, path: str, *, allow_none: bool = False) -> _dt.date | None:
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise _error(source, path, "cần một ngày dạng năm-tháng-ngày, ví dụ “2025-07-01”.")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise _error(source, path, f"“{value}” không phải ngày hợp lệ (dạng năm-tháng-ngày, ví dụ “2025-07-01”).") from None


def _format_format(data: Any, expected: str, source: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _error(source, "", "nội dung phải là một đối tượng JSON {…}.")
    fmt = data.get("format")
    if fmt != expected:
        raise _error(source, "format", f"định dạng “{fmt}” không được hỗ trợ (cần “{expected}”).")
    return data


def _overlap(a: _dt.date | None, b: _dt.date | None, *, latest: bool) -> _dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b) if latest else min(a, b)


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class LegalDocument:
    id: str
    title: str
    short: str
    issuer: str
    issued: _dt.date | None
    effective_from: _dt.date | None
    effective_to: _dt.date | None
    status: str
    evidence: tuple[str, ...]
    taken: tuple[str, ...]
    not_verified: tuple[str, ...]

    @property
    def period_label(self) -> str:
        if self.effective_from is None:
            return "chưa rõ ngày hiệu lực"
        end = f" đến {format_date(self.effective_to)}" if self.effective_to else ""
        return f"hiệu lực từ {format_date(self.effective_from)}{end}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "short": self.short, "issuer": self.issuer,
            "issued": self.issued.isoformat() if self.issued else None,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "status": self.status, "evidence": list(self.evidence), "taken": list(self.taken),
            "not_verified": list(self.not_verified),
        }


def _strings(value: Any, source: str, path: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(source, path, "cần một danh sách chuỗi văn bản.")
    return tuple(value)


@cache
def _documents(directory: Path) -> dict[str, LegalDocument]:
    path = directory / DOCUMENTS_FILE
    data = _format_format(read_json(path), DOCUMENTS_FORMAT, path.name)
    raw = data.get("documents")
    if not isinstance(raw, dict) or not raw:
        raise _error(path.name, "documents", "cần một đối tượng {mã văn bản: …}, không rỗng.")
    out: dict[str, LegalDocument] = {}
    for doc_id, d in raw.items():
        p = f"documents.{doc_id}"
        if not isinstance(d, dict):
            raise _error(path.name, p, "cần một đối tượng {…}.")
        for key in ("title", "short", "issuer", "status"):
            if not isinstance(d.get(key), str) or not d[key]:
                raise _error(path.name, f"{p}.{key}", "cần chuỗi văn bản.")
        if d["status"] not in DOCUMENT_STATUSES:
            raise _error(path.name, f"{p}.status", f"chọn một trong: {', '.join(DOCUMENT_STATUSES)}.")
        out[doc_id] = LegalDocument(
            id=doc_id, title=d["title"], short=d["short"], issuer=d["issuer"],
            issued=parse_date(d.get("issued"), path.name, f"{p}.issued", allow_none=True),
            effective_from=parse_date(d.get("effective_from"), path.name, f"{p}.effective_from", allow_none=True),
            effective_to=parse_date(d.get("effective_to"), path.name, f"{p}.effective_to", allow_none=True),
            status=d["status"],
            evidence=_strings(d.get("evidence", []), path.name, f"{p}.evidence"),
            taken=_strings(d.get("taken", []), path.name, f"{p}.taken"),
            not_verified=_strings(d.get("not_verified", []), path.name, f"{p}.not_verified"),
        )
    return out


def legal_documents(*, rules_dir: Path | None = None) -> dict[str, LegalDocument]:
    """Every legal text of the registry, by id."""
    return _documents(_rules_dir(rules_dir))


def document(doc_id: str, *, rules_dir: Path | None = None) -> LegalDocument:
    docs = legal_documents(rules_dir=rules_dir)
    try:
        return docs[doc_id]
    except KeyError:
        raise InputError(f"Văn bản “{doc_id}” không có trong danh mục văn bản pháp luật.", value=doc_id) from None


# --------------------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citation:
    """A rule's source: document, article, clause and point, how far it was checked, and its validity."""

    doc: str
    doc_title: str
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    status: str = "confirmed"
    note: str = ""
    valid_from: _dt.date | None = None
    valid_to: _dt.date | None = None
    part: str | None = None  # an appendix or form: "Phụ lục III, Mẫu 1.2"

    @property
    def verified(self) -> bool:
        return self.status != "not_found"

    @property
    def location(self) -> str:
        parts = []
        if self.article is not None:
            parts.append(f"Điều {self.article}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.point:
            parts.append(f"điểm {self.point}")
        if self.part:
            parts.append(self.part)
        return ", ".join(parts)

    @property
    def text(self) -> str:
        """ "Luật Thi đua, khen thưởng 2022, Điều 93, khoản 2, điểm a"."""
        return ", ".join(p for p in (self.doc_title, self.location) if p)

    @property
    def period_label(self) -> str:
        if self.valid_from is None:
            return ""
        end = f" đến {format_date(self.valid_to)}" if self.valid_to else " đến nay"
        return f"từ {format_date(self.valid_from)}{end}"

    @property
    def full_text(self) -> str:
        """The citation with its validity and, unless confirmed, what is left to check."""
        text = self.text
        if self.period_label:
            text += f" (áp dụng {self.period_label})"
        if self.status != "confirmed":
            text += f" — {CITATION_STATUSES[self.status]}"
            if self.note:
                text += f": {self.note}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "document": self.doc_title, "article": self.article, "clause": self.clause,
            "point": self.point, "part": self.part, "status": self.status, "note": self.note, "text": self.text,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
        }


def parse_citation(
    raw: Any,
    source: str,
    path: str,
    *,
    valid_from: _dt.date | None = None,
    valid_to: _dt.date | None = None,
    rules_dir: Path | None = None,
) -> Citation:
    """Validate a ``{"doc", "article"?, "clause"?, "point"?, "status"?, "note"?}`` object. Its validity is the
    overlap of the cited text's dates and ``valid_from``/``valid_to`` (the rule set's)."""
    if not isinstance(raw, Mapping):
        raise _error(source, path, "cần trích dẫn {“doc”: mã văn bản, “article”: số điều, …}.")
    doc_id = raw.get("doc")
    docs = legal_documents(rules_dir=rules_dir)
    if doc_id not in docs:
        raise _error(source, f"{path}.doc", f"văn bản “{doc_id}” không có trong {DOCUMENTS_FILE}.")
    numbers: dict[str, int | None] = {}
    for key in ("article", "clause"):
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
            raise _error(source, f"{path}.{key}", "cần một số nguyên dương.")
        numbers[key] = value
    point = raw.get("point")
    if point is not None and (not isinstance(point, str) or not point):
        raise _error(source, f"{path}.point", "cần chữ cái của điểm, ví dụ “a”.")
    part = raw.get("part")
    if part is not None and (not isinstance(part, str) or not part):
        raise _error(source, f"{path}.part", "cần tên phụ lục, mẫu, ví dụ “Phụ lục III, Mẫu 1.2”.")
    status = raw.get("status", "confirmed")
    if status not in CITATION_STATUSES:
        raise _error(source, f"{path}.status", f"chọn một trong: {', '.join(CITATION_STATUSES)}.")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise _error(source, f"{path}.note", "cần chuỗi văn bản.")
    if status != "confirmed" and not note:
        raise _error(source, f"{path}.note", "trích dẫn chưa đối chiếu đầy đủ phải ghi rõ cần đối chiếu gì.")
    unknown = set(raw) - {"doc", "article", "clause", "point", "part", "status", "note", "from", "to"}
    if unknown:
        raise _error(source, path, f"mục không được hỗ trợ: {', '.join(sorted(unknown))}.")
    doc = docs[str(doc_id)]
    start = _overlap(doc.effective_from, valid_from, latest=True)
    end = _overlap(doc.effective_to, valid_to, latest=False)
    if "from" in raw:
        start = parse_date(raw["from"], source, f"{path}.from")
    if "to" in raw:
        end = parse_date(raw["to"], source, f"{path}.to", allow_none=True)
    return Citation(
        doc=doc.id, doc_title=doc.short, article=numbers["article"], clause=numbers["clause"], point=point,
        status=status, note=note, valid_from=start, valid_to=end, part=part,
    )


def form_sources(data: Mapping[str, Any], source: str, *, rules_dir: Path | None = None) -> tuple[Citation, ...]:
    """The ``sources`` of a printed form (a ``forms/*.json`` template), checked: at least one; every cited
    text in the catalogue of legal texts; the form's validity (``valid_from``–``valid_to``) within the
    validity of every text it cites — a form citing a repealed text must end when the text ends."""
    raw = data.get("sources")
    if not isinstance(raw, list) or not raw:
        raise _error(source, "sources", "mẫu in phải trích dẫn văn bản làm căn cứ (sources).")
    start = parse_date(data.get("valid_from"), source, "valid_from")
    end = parse_date(data.get("valid_to"), source, "valid_to", allow_none=True)
    docs = legal_documents(rules_dir=rules_dir)
    out = []
    for i, item in enumerate(raw):
        cite = parse_citation(item, source, f"sources[{i}]", valid_from=start, valid_to=end, rules_dir=rules_dir)
        doc = docs[cite.doc]
        if doc.effective_from is not None and start is not None and start < doc.effective_from:
            raise _error(source, f"sources[{i}]", f"mẫu áp dụng từ {format_date(start)}, trước ngày {doc.short} có "
                         f"hiệu lực ({format_date(doc.effective_from)}).")
        if doc.effective_to is not None and (end is None or end > doc.effective_to):
            raise _error(source, f"sources[{i}]", f"{doc.short} hết hiệu lực từ sau ngày {format_date(doc.effective_to)}: "
                         "mẫu trích văn bản này phải có valid_to không muộn hơn ngày đó.")
        out.append(cite)
    return tuple(out)


# --------------------------------------------------------------------------- award cancellation


@dataclass(frozen=True)
class CancellationGround:
    code: str
    label: str
    source: Citation


@dataclass(frozen=True)
class CancellationRules:
    """Hủy bỏ quyết định khen thưởng as the law in force on a date says it."""

    effective_from: _dt.date
    effective_to: _dt.date | None
    effect: str
    source: Citation
    grounds: tuple[CancellationGround, ...]
    authority_rule: str  # "issuer": only the unit that issued the award decision cancels it
    authority_label: str
    authority_source: Citation

    def ground(self, code: str) -> CancellationGround:
        for g in self.grounds:
            if g.code == code:
                return g
        allowed = ", ".join(f"{g.code}) {g.label}" for g in self.grounds)
        raise InputError(
            f"Căn cứ hủy bỏ “{code}” không có trong {self.source.text}. Chọn một trong: {allowed}.",
            field="Căn cứ hủy bỏ",
            value=code,
        )


@cache
def _cancellation(directory: Path) -> tuple[CancellationRules, ...]:
    path = directory / CANCELLATION_FILE
    source = path.name
    data = _format_format(read_json(path), CANCELLATION_FORMAT, source)
    periods = data.get("periods")
    if not isinstance(periods, list) or not periods:
        raise _error(source, "periods", "cần một danh sách các thời kỳ áp dụng.")
    out = []
    for i, p in enumerate(periods):
        ip = f"periods[{i}]"
        if not isinstance(p, dict):
            raise _error(source, ip, "cần một đối tượng {…}.")
        start = parse_date(p.get("effective_from"), source, f"{ip}.effective_from")
        assert start is not None
        end = parse_date(p.get("effective_to"), source, f"{ip}.effective_to", allow_none=True)

        def cite(
            raw: Any, where: str, start: _dt.date = start, end: _dt.date | None = end
        ) -> Citation:
            return parse_citation(raw, source, where, valid_from=start, valid_to=end, rules_dir=directory)

        grounds = []
        for j, g in enumerate(p.get("grounds") or []):
            gp = f"{ip}.grounds[{j}]"
            if not isinstance(g, dict) or not isinstance(g.get("code"), str) or not isinstance(g.get("label"), str):
                raise _error(source, gp, "mỗi căn cứ cần “code”, “label” và “source”.")
            grounds.append(CancellationGround(g["code"], g["label"], cite(g.get("source"), f"{gp}.source")))
        if not grounds:
            raise _error(source, f"{ip}.grounds", "cần ít nhất một căn cứ hủy bỏ.")
        authority = p.get("authority")
        if not isinstance(authority, dict) or authority.get("rule") != "issuer":
            raise _error(source, f"{ip}.authority", "cần {“rule”: “issuer”, “label”, “source”}.")
        out.append(
            CancellationRules(
                effective_from=start, effective_to=end, effect=str(p.get("effect", "")),
                source=cite(p.get("source"), f"{ip}.source"), grounds=tuple(grounds),
                authority_rule="issuer", authority_label=str(authority.get("label", "")),
                authority_source=cite(authority.get("source"), f"{ip}.authority.source"),
            )
        )
    return tuple(sorted(out, key=lambda r: r.effective_from))


def cancellation_rules(on: _dt.date, *, rules_dir: Path | None = None) -> CancellationRules:
    """The cancellation rules in force on ``on`` (the date of the cancelling decision)."""
    for rules in _cancellation(_rules_dir(rules_dir)):
        if rules.effective_from <= on and (rules.effective_to is None or on <= rules.effective_to):
            return rules
    raise InputError(
        f"Chưa có quy định về hủy bỏ quyết định khen thưởng áp dụng cho ngày {format_date(on)}.",
        field="Ngày quyết định hủy bỏ",
        value=on,
    )


# --------------------------------------------------------------------------- statistical reporting


@dataclass(frozen=True)
class StatisticsForm:
    code: str
    title: str | None
    builder: str | None  # the function that computes it ("0601N", "0603N"); None: not produced
    layout_note: str
    source: Citation

    @property
    def produced(self) -> bool:
        return self.builder is not None


@dataclass(frozen=True)
class StatisticsRegime:
    id: str
    doc: str
    effective_from: _dt.date
    effective_to: _dt.date | None
    start_month: int
    start_day: int
    start_in_previous_year: bool
    end_month: int
    end_day: int
    period_label: str
    period_source: Citation
    forms: tuple[StatisticsForm, ...]
    notes: tuple[str, ...] = ()

    def form(self, code: str) -> StatisticsForm:
        for f in self.forms:
            if f.code == code:
                return f
        raise InputError(
            f"Biểu “{code}” không có trong chế độ báo cáo {self.period_source.doc_title}.", field="Biểu", value=code
        )

    def window(self, year: int) -> tuple[_dt.date, _dt.date]:
        """The statistical year ``year``: e.g. 01/12/(year − 1) → 30/11/year."""
        start_year = year - 1 if self.start_in_previous_year else year
        return _dt.date(start_year, self.start_month, self.start_day), _dt.date(year, self.end_month, self.end_day)


@cache
def _statistics(directory: Path) -> tuple[tuple[StatisticsRegime, ...], tuple[tuple[_dt.date, str], ...]]:
    path = directory / STATISTICS_FILE
    source = path.name
    data = _format_format(read_json(path), STATISTICS_FORMAT, source)
    regimes = []
    for i, r in enumerate(data.get("regimes") or []):
        rp = f"regimes[{i}]"
        if not isinstance(r, dict):
            raise _error(source, rp, "cần một đối tượng {…}.")
        start = parse_date(r.get("effective_from"), source, f"{rp}.effective_from")
        assert start is not None
        end = parse_date(r.get("effective_to"), source, f"{rp}.effective_to", allow_none=True)
        period = r.get("period")
        if not isinstance(period, dict):
            raise _error(source, f"{rp}.period", "cần mô tả kỳ báo cáo.")

        def cite(
            raw: Any, where: str, start: _dt.date = start, end: _dt.date | None = end
        ) -> Citation:
            return parse_citation(raw, source, where, valid_from=start, valid_to=end, rules_dir=directory)

        forms = []
        for j, f in enumerate(r.get("forms") or []):
            fp = f"{rp}.forms[{j}]"
            if not isinstance(f, dict) or not isinstance(f.get("code"), str):
                raise _error(source, fp, "mỗi biểu cần “code”.")
            forms.append(
                StatisticsForm(
                    code=f["code"], title=f.get("title"), builder=f.get("builder"),
                    layout_note=str(f.get("layout_note", "")), source=cite(f.get("source"), f"{fp}.source"),
                )
            )
        try:
            months = (int(period["start_month"]), int(period["start_day"]), int(period["end_month"]), int(period["end_day"]))
            _dt.date(2000, months[0], months[1])
            _dt.date(2000, months[2], months[3])
        except (KeyError, TypeError, ValueError):
            raise _error(source, f"{rp}.period", "ngày, tháng đầu và cuối kỳ không hợp lệ.") from None
        regimes.append(
            StatisticsRegime(
                id=str(r.get("id")), doc=str(r.get("doc")), effective_from=start, effective_to=end,
                start_month=months[0], start_day=months[1],
                start_in_previous_year=bool(period.get("start_in_previous_year")),
                end_month=months[2], end_day=months[3], period_label=str(period.get("label", "")),
                period_source=cite(period.get("source"), f"{rp}.period.source"), forms=tuple(forms),
            )
        )
    if not regimes:
        raise _error(source, "regimes", "chưa có chế độ báo cáo nào.")
    pending = []
    for i, p in enumerate(data.get("pending") or []):
        day = parse_date(p.get("applies_from_period_end"), source, f"pending[{i}].applies_from_period_end")
        assert day is not None
        document(str(p.get("doc")), rules_dir=directory)
        pending.append((day, str(p.get("note", ""))))
    return tuple(sorted(regimes, key=lambda r: r.effective_from)), tuple(pending)


def statistics_regimes(*, rules_dir: Path | None = None) -> tuple[StatisticsRegime, ...]:
    return _statistics(_rules_dir(rules_dir))[0]


def statistics_regime(year: int, *, rules_dir: Path | None = None) -> StatisticsRegime:
    """The reporting regime for the statistical year ``year``, chosen by the last day of that year's period;
    a note is attached when a newer circular may already apply but could not be read."""
    regimes, pending = _statistics(_rules_dir(rules_dir))
    for regime in reversed(regimes):
        _, end = regime.window(year)
        if regime.effective_from <= end and (regime.effective_to is None or end <= regime.effective_to):
            notes = tuple(note for day, note in pending if end >= day)
            return dataclasses.replace(regime, notes=notes)
    first = regimes[0]
    raise InputError(
        f"Chưa có chế độ báo cáo thống kê áp dụng cho năm {year} (dữ liệu bắt đầu từ "
        f"{format_date(first.effective_from)}, {first.period_source.doc_title}).",
        field="Năm báo cáo",
        value=year,
    )


def statistics_year_of(day: _dt.date, *, rules_dir: Path | None = None) -> int:
    """The TĐKT statistical year a date falls in (a decision of 20/12/2025 counts in the year 2026)."""
    for year in (day.year, day.year + 1):
        start, end = statistics_regime(year, rules_dir=rules_dir).window(year)
        if start <= day <= end:
            return year
    return day.year


def statistics_year_window(year: int, *, rules_dir: Path | None = None) -> tuple[_dt.date, _dt.date]:
    """First and last day of the TĐKT statistical year ``year`` under the regime in force."""
    return statistics_regime(year, rules_dir=rules_dir).window(year)
