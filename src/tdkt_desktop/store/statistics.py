"""Figures for the annual statistical forms (biểu 0601.N and 0603.N of the reporting regime in force for the
statistical year — Thông tư 02/2023/TT-BNV; see :func:`tdkt_desktop.core.legal.statistics_regime`) and for
the sơ kết / tổng kết report. Nothing is rendered here: each function returns a structured table whose
every number can be counted by hand from the records.

The TĐKT statistical year ``Y`` runs from 01/12 of ``Y − 1`` to 30/11 of ``Y`` (the regime's period, as data);
a campaign or a decision counts in the year whose window holds its date. A cancelled award (hủy bỏ) is
not counted. Each table carries the regime's notes (a layout not checked against the circular's appendix,
a newer circular that may apply) so a printed form says what is left to check.

The forms' row and column labels live in one place (:data:`FORM_0601N`, :data:`FORM_0603N`,
:data:`PERSON_CLASSES`, :data:`COLLECTIVE_CLASSES`). They follow this application's reading of the forms
(see ``docs/upper-office.md``); when the official layout is confirmed, only these structures change.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.legal import StatisticsRegime, statistics_regime
from tdkt_desktop.core.models import (
    AttainmentStatus,
    AwardKind,
    SubjectKind,
    period_end,
    period_label,
    period_year,
)
from tdkt_desktop.core.rules import LEVEL_LABELS, all_rulesets, ruleset_for
from tdkt_desktop.core.targets import Attainment
from tdkt_desktop.core.text import InputError, fold, format_date
from tdkt_desktop.store.consolidation import (
    STATUS_ORDER,
    attainment_matrix,
    participation_by_unit,
    units_below,
)
from tdkt_desktop.store.db import Row, Store
from tdkt_desktop.store.naming import localised_title
from tdkt_desktop.store.office import TITLE_RANK

__all__ = [
    "COLLECTIVE_CLASSES",
    "FORM_0601N",
    "FORM_0603N",
    "PERSON_CLASSES",
    "FormRow",
    "FormTable",
    "form_0601N",
    "form_0603N",
    "nominee_class_key",
    "nominee_classes",
    "review_report_data",
]



def _regime(year: int) -> tuple[StatisticsRegime, _dt.date, _dt.date]:
    regime = statistics_regime(int(year))
    start, end = regime.window(int(year))
    return regime, start, end


def _legal_basis(regime: StatisticsRegime, code: str) -> str:
    form = regime.form(code)
    return f"{regime.period_source.doc_title}, Biểu số {form.code} (chế độ báo cáo thống kê ngành Nội vụ)"


def _regime_notes(regime: StatisticsRegime, code: str, start: _dt.date, end: _dt.date) -> list[str]:
    form = regime.form(code)
    notes = [f"Kỳ báo cáo: từ {format_date(start)} đến {format_date(end)} ({regime.period_source.text})."]
    if form.layout_note:
        notes.append(form.layout_note)
    notes.extend(regime.notes)
    return notes

# --------------------------------------------------------------------------- labels (one place)

FORM_0601N: dict[str, Any] = {
    "code": "0601.N/BNV-TĐKT",
    "title": "SỐ PHONG TRÀO THI ĐUA ĐƯỢC PHÁT ĐỘNG",
    "period": "Năm",
    "columns": [
        ("total", "Tổng số phong trào"),
        ("le_1y", "Thời gian thực hiện từ 01 năm trở xuống"),
        ("gt_1y", "Thời gian thực hiện trên 01 năm"),
        ("regular", "Thường xuyên"),
        ("thematic", "Chuyên đề"),
        ("peak", "Đợt cao điểm"),
    ],
    "column_groups": [
        ("Tổng số", ["total"]),
        ("Chia theo thời gian thực hiện", ["le_1y", "gt_1y"]),
        ("Chia theo hình thức tổ chức", ["regular", "thematic", "peak"]),
    ],
    "rows": [
        ("total", "Tổng số"),
        ("self", "Do {unit} phát động"),
        ("below", "Do các cơ quan, đơn vị trực thuộc phát động"),
    ],
}

# Nominee classes (phân loại đối tượng). ``words``: folded words that identify a free-text class; the
# first class whose words match wins, so the order matters.
PERSON_CLASSES: list[dict[str, Any]] = [
    {"key": "lanh_dao_tinh", "label": "Lãnh đạo cấp tỉnh và tương đương trở lên",
     "words": ["cap tinh", "lanh dao tinh", "trung uong", "bo truong", "thu truong"]},
    {"key": "lanh_dao_so", "label": "Lãnh đạo cấp vụ, sở, ngành và tương đương",
     "words": ["cap vu", "cap so", "cap cuc", "so, nganh", "so nganh", "cap nganh"]},
    {"key": "doanh_nhan", "label": "Doanh nhân", "words": ["doanh nhan", "doanh nghiep", "giam doc doanh"]},
    {"key": "lanh_dao_phong", "label": "Lãnh đạo từ cấp phó trưởng phòng trở lên",
     "words": ["pho truong phong", "truong phong", "cap phong"]},
    {"key": "truc_tiep", "label": "Người trực tiếp công tác, lao động, học tập, chiến đấu",
     "words": ["truc tiep", "cong nhan", "nong dan", "chien si", "hoc sinh", "sinh vien"]},
    {"key": "khac", "label": "Đối tượng khác", "words": []},
]
COLLECTIVE_CLASSES: list[dict[str, Any]] = [
    {"key": "trung_uong_dia_phuong", "label": "Cơ quan trung ương đóng trên địa bàn",
     "words": ["trung uong"], "unit_levels": []},
    {"key": "dang_doan_the", "label": "Cơ quan Đảng, Mặt trận, tổ chức chính trị - xã hội",
     "words": ["dang", "doan the", "mat tran", "chinh tri - xa hoi", "chinh tri xa hoi", "hoi lien hiep",
               "cong doan", "doan thanh nien", "hoi cuu chien binh", "hoi nong dan"],
     "unit_levels": ["mass_org"]},
    {"key": "hanh_chinh", "label": "Cơ quan hành chính nhà nước", "words": ["hanh chinh", "chinh quyen"],
     "unit_levels": ["office", "commune", "district", "province"]},
    {"key": "su_nghiep", "label": "Đơn vị sự nghiệp công lập", "words": ["su nghiep", "truong", "tram y te", "benh vien"],
     "unit_levels": ["school", "health"]},
    {"key": "doanh_nghiep", "label": "Doanh nghiệp", "words": ["doanh nghiep", "cong ty"], "unit_levels": ["enterprise"]},
    {"key": "hop_tac_xa", "label": "Hợp tác xã", "words": ["hop tac xa"], "unit_levels": ["cooperative"]},
    {"key": "ho_gia_dinh", "label": "Hộ gia đình", "words": ["ho gia dinh"], "unit_levels": []},
    {"key": "khac", "label": "Tập thể khác", "words": [], "unit_levels": []},
]

FORM_0603N: dict[str, Any] = {
    "code": "0603.N/BNV-TĐKT",
    "title": "SỐ LƯỢNG KHEN THƯỞNG CHIA THEO DANH HIỆU, HÌNH THỨC VÀ ĐỐI TƯỢNG",
    "period": "Năm",
    "sections": [
        ("danh_hieu", "I. Danh hiệu thi đua"),
        ("hinh_thuc", "II. Hình thức khen thưởng"),
        ("loai_hinh", "III. Chia theo loại hình khen thưởng"),
    ],
    "total_row": "Tổng số",
    "person_total": ("ca_nhan", "Cá nhân — tổng số"),
    "collective_total": ("tap_the", "Tập thể, hộ gia đình — tổng số"),
}


def _columns_0603N() -> list[tuple[str, str]]:
    cols = [("total", "Tổng số"), FORM_0603N["person_total"]]
    cols += [(f"p_{c['key']}", c["label"]) for c in PERSON_CLASSES]
    cols.append(FORM_0603N["collective_total"])
    cols += [(f"c_{c['key']}", c["label"]) for c in COLLECTIVE_CLASSES]
    return cols


# --------------------------------------------------------------------------- tables


@dataclass
class FormRow:
    key: str
    label: str
    level: int  # 0: total; 1: section or group; 2: detail
    values: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "level": self.level, "values": dict(self.values)}


@dataclass
class FormTable:
    code: str
    title: str
    year: int
    unit_code: str
    unit_name: str
    legal_basis: str
    columns: list[tuple[str, str]]
    rows: list[FormRow]
    column_groups: list[tuple[str, list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    period_start: _dt.date | None = None
    period_end: _dt.date | None = None

    def row(self, key: str) -> FormRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def value(self, row: str, column: str) -> int:
        return self.row(row).values[column]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "title": self.title, "year": self.year, "unit_code": self.unit_code,
            "unit_name": self.unit_name, "legal_basis": self.legal_basis, "columns": list(self.columns),
            "column_groups": list(self.column_groups), "rows": [r.to_dict() for r in self.rows], "notes": list(self.notes),
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
        }


def _self_unit(store: Store) -> tuple[str, str]:
    unit = store.self_unit()
    if unit is None:
        raise InputError("Chưa khai báo đơn vị của bản cài đặt này. Hãy chạy “tdkt init --unit MÃ”.")
    return unit["code"], unit["name"]


# --------------------------------------------------------------------------- 0601.N


def _launched_in(c: Row, start: _dt.date, end: _dt.date) -> bool:
    """Whether the campaign was launched in the window: by the date of the launching document, else its
    start date; a campaign with neither counts in the statistical year of its ``year``."""
    for key in ("doc_date", "start_date"):
        if c.get(key):
            try:
                day = _dt.date.fromisoformat(str(c[key])[:10])
            except ValueError:
                continue
            return start <= day <= end
    return bool(c.get("year")) and int(c["year"]) == end.year


def _longer_than_a_year(c: Row) -> bool:
    """Whether the campaign runs more than one year: its end is on or after the same day one year after
    its start (01/01 – 31/12 is one year). Without both dates: one year or less."""
    if not c.get("start_date") or not c.get("end_date"):
        return False
    start = _dt.date.fromisoformat(c["start_date"])
    end = _dt.date.fromisoformat(c["end_date"])
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = _dt.date(start.year + 1, 3, 1)
    return end >= anniversary


def _campaign_values(campaigns: list[Row]) -> dict[str, int]:
    v = dict.fromkeys((k for k, _ in FORM_0601N["columns"]), 0)
    for c in campaigns:
        v["total"] += 1
        v["gt_1y" if _longer_than_a_year(c) else "le_1y"] += 1
        kind = c.get("campaign_type") or "regular"
        v[kind if kind in v else "regular"] += 1
    return v


def form_0601N(store: Store, year: int) -> FormTable:
    """Biểu 0601.N: campaigns launched in the statistical year ``year`` (by the date of the launching document,
    else the start date, else the campaign's year) by this unit and by the units below it — by duration and
    by form. Campaigns received from the upper office are not counted here (they were launched there)."""
    code, name = _self_unit(store)
    regime, start, end = _regime(year)
    below = units_below(store)
    below_codes = {u.code for u in below}
    names = {u.code: u.name for u in below}
    own: list[Row] = []
    sub: dict[str, list[Row]] = defaultdict(list)
    for c in store.rows("campaigns"):
        if not _launched_in(c, start, end):
            continue
        issuer = c.get("issued_by") or c["owner_unit"]
        if issuer == code:
            own.append(c)
        elif issuer in below_codes:
            sub[issuer].append(c)
    labels = dict(FORM_0601N["rows"])
    rows = [
        FormRow("total", labels["total"], 0, _campaign_values(own + [c for cs in sub.values() for c in cs])),
        FormRow("self", labels["self"].format(unit=name), 1, _campaign_values(own)),
        FormRow("below", labels["below"], 1, _campaign_values([c for cs in sub.values() for c in cs])),
    ]
    for u in below:
        if u.code in sub:
            rows.append(FormRow(f"unit:{u.code}", names[u.code], 2, _campaign_values(sub[u.code])))
    return FormTable(
        code=FORM_0601N["code"], title=FORM_0601N["title"], year=int(year), unit_code=code, unit_name=name,
        legal_basis=_legal_basis(regime, "0601.N"), columns=list(FORM_0601N["columns"]), rows=rows,
        column_groups=list(FORM_0601N["column_groups"]),
        notes=[
            *_regime_notes(regime, "0601.N", start, end),
            "Thời điểm phát động tính theo ngày ban hành văn bản phát động (nếu không có: ngày bắt đầu, hoặc năm của phong trào).",
            "Phong trào do cấp trên phát động, đơn vị hưởng ứng, không tính vào biểu này.",
        ],
        period_start=start, period_end=end,
    )


# --------------------------------------------------------------------------- nominee classes


def _matches(text: str, words: list[str]) -> bool:
    key = f" {fold(text)} "
    return any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", key) for w in words)


def nominee_classes(subject_kind: str) -> list[str]:
    """The classes offered when a nominee of this kind is entered: the statistics' own, so that a class chosen
    is counted in its column of form 0603.N."""
    if subject_kind == SubjectKind.PERSON.value:
        return [str(c["label"]) for c in PERSON_CLASSES]
    if subject_kind == SubjectKind.HOUSEHOLD.value:
        return [str(c["label"]) for c in COLLECTIVE_CLASSES if c["key"] == "ho_gia_dinh"]
    return [str(c["label"]) for c in COLLECTIVE_CLASSES if c["key"] != "ho_gia_dinh"]


@functools.lru_cache(maxsize=4096)
def nominee_class_key(text: str | None, subject_kind: str, *, collective_kind: str | None = None) -> str:
    """The class of a nominee for the statistics: ``p_<key>`` for people, ``c_<key>`` for collectives and
    households. ``text`` is the free-text class typed in (``nominee_class``); a collective without one is
    classed by its kind of unit. Remembered: a province's awardees share a few classes, written the same way."""
    if subject_kind == SubjectKind.HOUSEHOLD.value:
        return "c_ho_gia_dinh"
    classes = PERSON_CLASSES if subject_kind == SubjectKind.PERSON.value else COLLECTIVE_CLASSES
    prefix = "p_" if subject_kind == SubjectKind.PERSON.value else "c_"
    if text:
        folded = fold(text)
        for c in classes:
            if folded in (c["key"], fold(c["label"])):
                return prefix + str(c["key"])
        for c in classes:
            if c["words"] and _matches(text, c["words"]):
                return prefix + str(c["key"])
    if prefix == "c_" and collective_kind:
        for c in COLLECTIVE_CLASSES:
            if collective_kind in c["unit_levels"]:
                return "c_" + str(c["key"])
    return prefix + "khac"


def _awardee_rows(store: Store, start: _dt.date, end: _dt.date, issuers: set[str]) -> list[dict[str, Any]]:
    """Awardees of live decisions dated ``start``..``end`` issued by ``issuers``, with their class."""
    rows = store.db.query(
        """SELECT a.id, a.subject_kind, a.subject_id, a.subject_name, a.title_code, a.amount,
                  d.decision_date, d.issuer_unit, d.owner_unit AS decision_owner,
                  n.nominee_class AS n_class, n.award_kind, n.campaign_id,
                  p.nominee_class AS p_class, c.nominee_class AS c_class, c.kind AS c_kind
           FROM decision_awardees a
           JOIN decisions d ON d.id = a.decision_id
           LEFT JOIN nominations n ON n.id = a.nomination_id
           LEFT JOIN people p ON p.id = a.subject_id AND a.subject_kind = 'person'
           LEFT JOIN collectives c ON c.id = a.subject_id AND a.subject_kind = 'collective'
           WHERE a.deleted = 0 AND d.deleted = 0 AND COALESCE(d.status, '') NOT IN ('cancelled', 'draft')
             AND a.id NOT IN (SELECT awardee_id FROM award_cancellations WHERE deleted = 0)
             AND d.decision_date >= ? AND d.decision_date <= ?
           ORDER BY d.decision_date, a.so_vang""",
        [start.isoformat(), end.isoformat()],
    )
    out = []
    for r in rows:
        if (r["issuer_unit"] or r["decision_owner"]) not in issuers:
            continue
        text = r["n_class"] or r["p_class"] or r["c_class"]
        r = dict(r)
        r["class_key"] = nominee_class_key(text, r["subject_kind"], collective_kind=r["c_kind"])
        r["award_kind"] = r["award_kind"] or AwardKind.CONG_TRANG.value
        out.append(r)
    return out


def _title_kinds() -> dict[str, tuple[str, str, str]]:
    """code → (kind, level, name) from every rule set (later ones win)."""
    out: dict[str, tuple[str, str, str]] = {}
    for rs in all_rulesets():
        for code, e in rs.catalogue.items():
            out[code] = (e.kind, e.level, e.name)
    return out


def _empty(columns: list[tuple[str, str]]) -> dict[str, int]:
    return dict.fromkeys((k for k, _ in columns), 0)


def _add(values: dict[str, int], class_key: str) -> None:
    values["total"] += 1
    values["ca_nhan" if class_key.startswith("p_") else "tap_the"] += 1
    values[class_key] += 1


def form_0603N(store: Store, year: int, *, issuers: set[str] | None = None) -> FormTable:
    """Biểu 0603.N: awards decided in ``year`` (decision date) by this unit and the units below it
    (or ``issuers``): rows by title (danh hiệu) and form (hình thức) of the catalogue, then by award
    kind (loại hình); columns by nominee class."""
    code, name = _self_unit(store)
    if issuers is None:
        issuers = {code, *(u.code for u in units_below(store))}
    columns = _columns_0603N()
    regime, start, end = _regime(year)
    awardees = _awardee_rows(store, start, end, issuers)
    kinds = _title_kinds()
    rs = ruleset_for(_dt.date(int(year), 12, 31))
    codes = set(rs.catalogue) | {a["title_code"] for a in awardees}
    ordered = sorted(codes, key=lambda c: (TITLE_RANK.index(c) if c in TITLE_RANK else 99, c))
    per_title: dict[str, dict[str, int]] = {c: _empty(columns) for c in ordered}
    per_kind: dict[str, dict[str, int]] = {k.value: _empty(columns) for k in AwardKind}
    total = _empty(columns)
    for a in awardees:
        _add(total, a["class_key"])
        _add(per_title[a["title_code"]], a["class_key"])
        kind = per_kind.get(a["award_kind"])
        if kind is None:
            kind = per_kind[a["award_kind"]] = _empty(columns)
        _add(kind, a["class_key"])
    sections = dict(FORM_0603N["sections"])
    rows = [FormRow("total", FORM_0603N["total_row"], 0, total)]
    for section in ("danh_hieu", "hinh_thuc"):
        members = [c for c in ordered if kinds.get(c, ("hinh_thuc",))[0] == section]
        sub = _empty(columns)
        for c in members:
            for k, v in per_title[c].items():
                sub[k] += v
        rows.append(FormRow(section, sections[section], 1, sub))
        for c in members:
            label = localised_title(store, c, name=kinds[c][2] if c in kinds else None)
            rows.append(FormRow(f"title:{c}", label, 2, per_title[c]))
    rows.append(FormRow("loai_hinh", sections["loai_hinh"], 1, dict(total)))
    for k in AwardKind:
        rows.append(FormRow(f"kind:{k.value}", k.label, 2, per_kind[k.value]))
    return FormTable(
        code=FORM_0603N["code"], title=FORM_0603N["title"], year=int(year), unit_code=code, unit_name=name,
        legal_basis=_legal_basis(regime, "0603.N"), columns=columns, rows=rows, period_start=start, period_end=end,
        column_groups=[
            ("Tổng số", ["total"]),
            ("Cá nhân", ["ca_nhan", *(f"p_{c['key']}" for c in PERSON_CLASSES)]),
            ("Tập thể, hộ gia đình", ["tap_the", *(f"c_{c['key']}" for c in COLLECTIVE_CLASSES)]),
        ],
        notes=[
            *_regime_notes(regime, "0603.N", start, end),
            "Tính theo ngày ký quyết định khen thưởng; mỗi lượt cá nhân, tập thể, hộ gia đình trong danh sách "
            "kèm theo quyết định là một lượt khen thưởng.",
            "Phân loại đối tượng lấy theo đề nghị khen thưởng (nếu trống: theo hồ sơ cá nhân, tập thể; tập thể chưa "
            "phân loại thì theo loại đơn vị).",
        ],
    )


# --------------------------------------------------------------------------- sơ kết / tổng kết report


def _two_decimals(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _period_window(period: str) -> tuple[_dt.date, _dt.date]:
    year = period_year(period)
    start = _dt.date(year, 7, 1) if period.endswith("-H2") else _dt.date(year, 1, 1)
    return start, period_end(period)


def review_report_data(store: Store, campaign_id: str, period: str) -> dict[str, Any]:
    """The figures of the sơ kết (half-year) or tổng kết (year) report of a campaign:

    * ``targets``: each target with the figure asked (``target``), the figure achieved, % and status —
      this unit's own reported figure when it reported one, else the consolidation of the units below;
    * ``participation``: totals of collectives, people and households taking part;
    * ``awards``: awards decided in the period (decision date) by this unit and the units below, by
      title/form and level; the share of people working directly among individual awards; sudden
      (đột xuất) awards; money;
    * ``units``: how many units are below, and how many reported.
    """
    campaign = store.get("campaigns", campaign_id)
    if campaign is None:
        raise InputError(f"Không tìm thấy phong trào thi đua có mã {campaign_id}.")
    code, name = _self_unit(store)
    start, end = _period_window(period)
    matrix = attainment_matrix(store, campaign_id, period)
    below = [u for u in matrix.units if u.depth > 0]
    own_cells = matrix.cells.get(code, {})
    targets = []
    target_counts = dict.fromkeys(STATUS_ORDER, 0)
    for t in matrix.targets:
        own = own_cells.get(t["id"])
        total = matrix.totals[t["id"]]
        a: Attainment | None
        if own is not None and own.value is not None:
            a = Attainment(own.value, own.percent, AttainmentStatus(own.status), own.note, own.sub_value)
            source = "own"
        else:
            a = total.attainment
            source = "units"
        status = a.status.value if a is not None else AttainmentStatus.NO_DATA.value
        target_counts[status] += 1
        value, sub_value = (a.value, a.sub_value) if a else (total.value, total.sub_value)
        if source == "units":  # combined from the units' figures (a mean runs to many decimals): as a report writes it
            value, sub_value = _two_decimals(value), _two_decimals(sub_value)
        targets.append(
            {
                "id": t["id"], "seq": t["seq"], "measure": t["measure"], "name": t["name"], "target": t["describe"],
                "unit": t["unit"],
                "value": value, "sub_value": sub_value,
                "percent": a.percent if a else None, "status": status, "status_label": AttainmentStatus(status).label,
                "note": a.note if a else "", "source": source,
                "units_counted": total.units_counted, "units_reporting": total.units_reporting,
                "units_reaching": total.units_reaching,
            }
        )

    part = participation_by_unit(store, campaign_id, period)

    issuers = {code, *(u.code for u in below)}
    awardees = _awardee_rows(store, start, end, issuers)
    kinds = _title_kinds()
    by_title: dict[str, dict[str, Any]] = {}
    by_level: dict[str, int] = defaultdict(int)
    by_kind: dict[str, int] = defaultdict(int)
    counts = {k.value: 0 for k in SubjectKind}
    direct = sudden = amount = in_campaign = 0
    for aw in awardees:
        known = kinds.get(aw["title_code"])
        kind, level = known[:2] if known else ("hinh_thuc", "")
        title = localised_title(store, aw["title_code"], name=known[2] if known else None)
        entry = by_title.setdefault(
            aw["title_code"],
            {"code": aw["title_code"], "name": title, "kind": kind, "level": level,
             "level_label": LEVEL_LABELS.get(level, level), "person": 0, "collective": 0, "household": 0,
             "total": 0, "amount": 0},
        )
        entry[aw["subject_kind"]] += 1
        entry["total"] += 1
        entry["amount"] += int(aw["amount"] or 0)
        by_level[level] += 1
        by_kind[kind] += 1
        counts[aw["subject_kind"]] += 1
        amount += int(aw["amount"] or 0)
        if aw["class_key"] == "p_truc_tiep":
            direct += 1
        if aw["award_kind"] == AwardKind.DOT_XUAT.value:
            sudden += 1
        if aw["campaign_id"] == campaign_id:
            in_campaign += 1
    persons = counts[SubjectKind.PERSON.value]
    reporting_results = {
        u.code for u in below
        if any(c is not None and c.status != AttainmentStatus.NO_DATA.value for c in matrix.cells[u.code].values())
    }
    return {
        "campaign": campaign,
        "period": period,
        "period_label": period_label(period),
        "review": "tổng kết" if "-" not in period else "sơ kết",
        "window": (start, end),
        "unit": {"code": code, "name": name},
        "targets": targets,
        "target_counts": target_counts,
        "participation": {
            **part["totals"],
            "units_reporting": part["units_reporting"],
            "rows": part["rows"],
        },
        "awards": {
            "total": len(awardees),
            "persons": persons,
            "collectives": counts[SubjectKind.COLLECTIVE.value],
            "households": counts[SubjectKind.HOUSEHOLD.value],
            "by_title": sorted(by_title.values(), key=lambda e: (TITLE_RANK.index(e["code"]) if e["code"] in TITLE_RANK else 99, e["code"])),
            "by_kind": {"danh_hieu": by_kind.get("danh_hieu", 0), "hinh_thuc": by_kind.get("hinh_thuc", 0)},
            "by_level": dict(by_level),
            "direct_workers": direct,
            "direct_share": (direct * 100 / persons) if persons else None,
            "sudden": sudden,
            "in_campaign": in_campaign,
            "amount": amount,
        },
        "units": {
            "total": len(below),
            "reporting_results": len(reporting_results),
            "reporting_participation": sum(1 for r in part["rows"] if r["reported"] and r["unit"]["depth"] > 0),
            "not_reporting": [u.code for u in below if u.code not in reporting_results],
        },
    }
