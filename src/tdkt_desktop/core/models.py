"""The domain's vocabulary: kinds, statuses and periods, each with its Vietnamese label.

Records themselves are plain dicts (one per database row). This module says which values their
fields take, so the store, the printed forms, the sync bundles and the screens agree.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from tdkt_desktop.core.text import InputError


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Vietnamese label (``member.label``)."""

    label: str

    def __new__(cls, value: str, label: str = "") -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value
        return obj

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str, *, field: str = "Giá trị") -> LabelledEnum:
        for m in cls:
            if value in (m.value, m.label):
                return m
        allowed = ", ".join(m.value for m in cls)
        raise InputError(f"{field}: “{value}” không hợp lệ. Chọn một trong: {allowed}.", field=field, value=value)


class UnitLevel(LabelledEnum):
    PROVINCE = "province", "Tỉnh, thành phố"
    DISTRICT = "district", "Huyện, quận, thị xã (cũ)"
    COMMUNE = "commune", "Xã, phường, đặc khu"
    OFFICE = "office", "Phòng, ban chuyên môn"
    SCHOOL = "school", "Trường học"
    HEALTH = "health", "Trạm y tế"
    HAMLET = "hamlet", "Thôn, ấp, tổ dân phố"
    MASS_ORG = "mass_org", "Tổ chức chính trị - xã hội, đoàn thể"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    COOPERATIVE = "cooperative", "Hợp tác xã"
    OTHER = "other", "Đơn vị khác"

    @property
    def is_sub_unit(self) -> bool:
        return self not in (UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)


class SubjectKind(LabelledEnum):
    """Who is nominated, registered or awarded: each kind has its registry table."""

    PERSON = "person", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"

    @property
    def table(self) -> str:
        """The registry table of this kind: people, collectives, households."""
        return _SUBJECT_TABLES[self.value][0]

    @property
    def name_field(self) -> str:
        """The field that names a record of the registry table."""
        return _SUBJECT_TABLES[self.value][1]

    @classmethod
    def of_table(cls, table: str) -> SubjectKind:
        """The kind whose registry is ``table``."""
        for kind, (name, _field) in _SUBJECT_TABLES.items():
            if name == table:
                return cls(kind)
        raise ValueError(f"{table!r} is not a registry table")


# kind → (registry table, the field naming its records)
_SUBJECT_TABLES = {
    "person": ("people", "full_name"),
    "collective": ("collectives", "name"),
    "household": ("households", "head_name"),
}
# The registry tables, in the kinds' order.
SUBJECT_TABLES: tuple[str, ...] = tuple(table for table, _field in _SUBJECT_TABLES.values())
# The order of official lists (decisions, proposals, registrations): collectives, then people, then households.
_LIST_ORDER = ("collective", "person", "household")


def list_rank(subject_kind: str) -> int:
    """A subject kind's place in official lists (collectives first); an unknown kind comes last."""
    return _LIST_ORDER.index(subject_kind) if subject_kind in _LIST_ORDER else len(_LIST_ORDER)


class Gender(LabelledEnum):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class DocKind(LabelledEnum):
    """Kinds of administrative documents and their abbreviations (Nghị định 30/2020/NĐ-CP, Phụ lục III)."""

    CT = "CT", "Chỉ thị"
    KH = "KH", "Kế hoạch"
    QD = "QĐ", "Quyết định"
    CV = "CV", "Công văn"
    TB = "TB", "Thông báo"
    NQ = "NQ", "Nghị quyết"
    QC = "QC", "Quy chế"
    QYD = "QyĐ", "Quy định"
    TC = "TC", "Thông cáo"
    HD = "HD", "Hướng dẫn"
    CTR = "CTr", "Chương trình"
    PA = "PA", "Phương án"
    DE_AN = "ĐA", "Đề án"
    DU_AN = "DA", "Dự án"
    BC = "BC", "Báo cáo"
    BB = "BB", "Biên bản"
    TTR = "TTr", "Tờ trình"
    CD = "CĐ", "Công điện"


class CampaignType(LabelledEnum):
    REGULAR = "regular", "Thường xuyên (hằng năm)"
    THEMATIC = "thematic", "Chuyên đề"
    PEAK = "peak", "Đợt cao điểm"


class AwardKind(LabelledEnum):
    """Loại hình khen thưởng (Luật Thi đua, khen thưởng 2022, Điều 8)."""

    CONG_TRANG = "cong_trang", "Khen thưởng công trạng"
    DOT_XUAT = "dot_xuat", "Khen thưởng đột xuất"
    PHONG_TRAO = "phong_trao", "Khen thưởng theo phong trào thi đua"
    CHUYEN_DE = "chuyen_de", "Khen thưởng theo chuyên đề"
    CONG_HIEN = "cong_hien", "Khen thưởng quá trình cống hiến"
    NIEN_HAN = "nien_han", "Khen thưởng theo niên hạn"
    DOI_NGOAI = "doi_ngoai", "Khen thưởng đối ngoại"


class NominationStatus(LabelledEnum):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi lên"
    RECEIVED = "received", "Cấp trên đã nhận"
    APPRAISED = "appraised", "Đã thẩm định"
    APPROVED = "approved", "Được đồng ý"
    RETURNED = "returned", "Trả lại để bổ sung"
    REJECTED = "rejected", "Không đồng ý"
    DECIDED = "decided", "Đã có quyết định"


class Rating(LabelledEnum):
    """Xếp loại chất lượng hằng năm."""

    EXCELLENT = "excellent", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "good", "Hoàn thành tốt nhiệm vụ"
    DONE = "done", "Hoàn thành nhiệm vụ"
    NOT_DONE = "not_done", "Không hoàn thành nhiệm vụ"


class ClusterKind(LabelledEnum):
    """Cụm thi đua (units alike by place, often a former district's communes) or khối thi đua (units alike by
    function); Hướng dẫn 1479/HD-BTĐKT ngày 25/07/2016, mục I."""

    CLUSTER = "cum", "Cụm thi đua"
    BLOC = "khoi", "Khối thi đua"


class InnovationKind(LabelledEnum):
    """Sáng kiến, or đề tài (đề án, công trình) khoa học: both are grounds for titles (Luật Thi đua, khen thưởng
    2022, Điều 21, 23, 74). Stored in ``initiatives.kind``; a row without a kind is a sáng kiến."""

    INITIATIVE = "initiative", "Sáng kiến"
    RESEARCH = "research", "Đề tài, đề án khoa học"


class Scope(LabelledEnum):
    """Phạm vi ảnh hưởng of a sáng kiến or đề tài: the rule sets' levels (``core.rules.LEVELS``)."""

    CO_SO = "co_so", "Cơ sở (cơ quan, đơn vị)"
    XA = "xa", "Cấp xã"
    HUYEN = "huyen", "Cấp huyện (cũ)"
    TINH = "tinh", "Cấp tỉnh"
    TRUNG_UONG = "trung_uong", "Toàn quốc"


class Discipline(LabelledEnum):
    NONE = "none", "Không"
    REPRIMAND = "reprimand", "Khiển trách"
    WARNING = "warning", "Cảnh cáo"
    HIGHER = "higher", "Cách chức hoặc cao hơn"


class Comparator(LabelledEnum):
    """How a target's value is compared with a result."""

    AT_LEAST = "at_least", "Từ … trở lên"
    AT_MOST = "at_most", "Không quá / dưới …"
    RANGE = "range", "Trong khoảng … – …"
    EXACT = "exact", "Đúng bằng …"
    COUNT = "count", "Số lượng (có thể kèm số con)"
    RATE = "rate", "Tỷ suất (… trên …)"
    COMPLETION = "completion", "Hoàn thành (%)"


class Rollup(LabelledEnum):
    """How unit results combine into the upper office's figure."""

    SUM = "sum", "Cộng dồn"
    MEAN = "mean", "Bình quân"
    WEIGHTED_MEAN = "weighted_mean", "Bình quân có trọng số"
    SHARE_REACHING = "share_reaching", "Tỷ lệ đơn vị đạt"


class AttainmentStatus(LabelledEnum):
    NO_DATA = "no_data", "Chưa có số liệu"
    NOT_REACHED = "not_reached", "Không đạt"
    REACHED = "reached", "Đạt"
    EXCEEDED = "exceeded", "Vượt"
    # a target set for a whole multi-year window, before the window ends: judged on its last year
    IN_PROGRESS = "in_progress", "Đang thực hiện"


# --------------------------------------------------------------------------- periods

_PERIOD = re.compile(r"^(\d{4})(?:-(H1|H2))?$")


def parse_period(text: str) -> str:
    """A reporting period: "2025" (year), "2025-H1" (sơ kết 6 tháng đầu năm) or "2025-H2".

    Also accepts the Vietnamese forms "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "năm 2025".
    """
    raw = (text or "").strip()
    m = _PERIOD.match(raw.upper().replace("H", "H"))
    if m:
        year, half = m.groups()
        return f"{year}-{half}" if half else year
    low = raw.lower()
    year_m = re.search(r"(\d{4})", low)
    if year_m:
        year = year_m.group(1)
        if "đầu năm" in low or "6 tháng đầu" in low:
            return f"{year}-H1"
        if "cuối năm" in low or "6 tháng cuối" in low:
            return f"{year}-H2"
        if low.startswith("năm") or low == year:
            return year
    raise InputError(
        f"Kỳ báo cáo “{raw}” không hợp lệ. Nhập năm (2025) hoặc nửa năm (2025-H1, 2025-H2).",
        field="Kỳ báo cáo",
        value=text,
    )


def period_label(period: str) -> str:
    """ "2025-H1" → "6 tháng đầu năm 2025"; "2025" → "Năm 2025"."""
    year, _, half = period.partition("-")
    if half == "H1":
        return f"6 tháng đầu năm {year}"
    if half == "H2":
        return f"6 tháng cuối năm {year}"
    return f"Năm {year}"


def period_year(period: str) -> int:
    return int(period[:4])


def campaign_years(campaign: Mapping[str, Any]) -> tuple[int, int] | None:
    """The first and last year a campaign runs (its start and end dates, else its year); ``None`` when it
    records neither (a campaign with no time frame)."""

    def year_of(value: Any) -> int | None:
        text = str(value or "")
        return int(text[:4]) if text[:4].isdigit() else None

    first = year_of(campaign.get("start_date")) or year_of(campaign.get("year"))
    last = year_of(campaign.get("end_date")) or year_of(campaign.get("year")) or first
    if first is None or last is None:
        return None
    return (min(first, last), max(first, last))


def periods_between(first: int, last: int) -> list[str]:
    """Every reporting period of the years ``first``…``last`` in time order: 6 tháng đầu năm, 6 tháng cuối
    năm, then the whole year, year after year."""
    return [p for y in range(first, last + 1) for p in (f"{y}-H1", f"{y}-H2", str(y))]


def campaign_periods(campaign: Mapping[str, Any], *, today: _dt.date | None = None) -> list[str]:
    """The periods results of a campaign can be reported for, in time order: every period of the years it
    runs (a 2021–2025 plan: 2021 to 2025; a plan of 2024: its mid-term review 2024-H1 too); with no time frame,
    last year to next year."""
    years = campaign_years(campaign)
    if years is None:
        this = (today or _dt.date.today()).year
        years = (this - 1, this + 1)
    return periods_between(*years)


def period_end(period: str) -> _dt.date:
    year, _, half = period.partition("-")
    if half == "H1":
        return _dt.date(int(year), 6, 30)
    return _dt.date(int(year), 12, 31)


# --------------------------------------------------------------------------- award catalogue codes

# The codes of the award catalogue (core/rules.py holds the rule data keyed by these codes).
TITLE_CODES: dict[str, str] = {
    "LDTT": "Lao động tiên tiến",
    "CSTT": "Chiến sĩ tiên tiến",
    "CSTDCS": "Chiến sĩ thi đua cơ sở",
    "CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh",
    "CSTD_TQ": "Chiến sĩ thi đua toàn quốc",
    "TLDTT": "Tập thể lao động tiên tiến",
    "TLDXS": "Tập thể lao động xuất sắc",
    "CO_TD_TINH": "Cờ thi đua cấp tỉnh",
    "CO_TD_CP": "Cờ thi đua của Chính phủ",
    "XA_TIEU_BIEU": "Xã, phường, đặc khu tiêu biểu",
    "THON_VAN_HOA": "Thôn, tổ dân phố văn hóa",
    "GIA_DINH_VAN_HOA": "Gia đình văn hóa",
    "GIAY_KHEN": "Giấy khen của Chủ tịch Ủy ban nhân dân xã",
    "GIAY_KHEN_HUYEN": "Giấy khen của Chủ tịch Ủy ban nhân dân huyện",  # until 30/06/2025 (district tier)
    "BANG_KHEN_TINH": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    "BANG_KHEN_TTG": "Bằng khen của Thủ tướng Chính phủ",
}
