"""What each record kind holds, as users see it: field labels, types, required fields, choices.

:func:`normalise` turns what a person typed (or a file held) into stored values — NFC text,
ISO dates from dd/mm/yyyy, numbers from "7,5" — and raises :class:`InputError` with a Vietnamese
message naming the field before anything is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core import models as m
from tdkt_desktop.core.text import InputError, clean, name_case, nfc, parse_date, parse_int, parse_number


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text, longtext, date, number, int, bool, enum, json, period, year, title, ref, members
    required: bool = False
    enum: type[m.LabelledEnum] | None = None
    minimum: int | None = 0
    case: str = ""  # "person" or "unit": a name written the Vietnamese way on entry (core.text.name_case)


@dataclass(frozen=True)
class Kind:
    table: str
    label: str
    fields: tuple[Field, ...]
    title_field: str
    owner_field: str | None = None  # the field whose unit owns the record (else this installation's unit)
    extra: dict[str, Any] = field(default_factory=dict)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


F = Field
KINDS: dict[str, Kind] = {}


def _kind(table: str, label: str, title_field: str, *fields: Field, owner_field: str | None = None) -> None:
    KINDS[table] = Kind(table, label, tuple(fields), title_field, owner_field)


_kind(
    "units", "Đơn vị", "name",
    F("code", "Mã đơn vị", required=True),
    F("name", "Tên đơn vị", required=True, case="unit"),
    F("level", "Cấp, loại đơn vị", "enum", True, m.UnitLevel),
    F("parent_code", "Cơ quan cấp trên"),
    F("province_code", "Mã tỉnh"),
    F("legacy_district_code", "Mã huyện cũ"),
    F("cluster", "Cụm, khối thi đua"),
    F("address", "Địa chỉ"),
    F("notes", "Ghi chú", "longtext"),
)
_kind(
    "officials", "Người ký", "full_name",
    F("unit_code", "Đơn vị", required=True),
    F("full_name", "Họ và tên", required=True, case="person"),
    F("title", "Chức vụ", required=True),
    F("authority", "Thẩm quyền ký (TM., KT., Q., TL., TUQ.)"),
    F("sort_order", "Thứ tự", "int"),
)
_kind(
    "people", "Cá nhân", "full_name",
    F("full_name", "Họ và tên", required=True, case="person"),
    F("gender", "Giới tính", "enum", enum=m.Gender),
    F("birth_date", "Ngày sinh", "date"),
    F("position", "Chức vụ"),
    F("unit_code", "Đơn vị"),
    F("workplace", "Đơn vị công tác"),
    F("id_number", "Số định danh cá nhân"),
    F("hometown", "Quê quán"),
    F("residence", "Nơi ở hiện nay"),
    F("education", "Trình độ chuyên môn"),
    F("academic_title", "Học hàm, học vị"),
    F("nominee_class", "Phân loại đối tượng"),
    F("field", "Lĩnh vực hoạt động"),
    F("phone", "Điện thoại"),
    F("notes", "Ghi chú", "longtext"),
)
_kind(
    "collectives", "Tập thể", "name",
    F("name", "Tên tập thể", required=True, case="unit"),
    F("kind", "Loại tập thể", "enum", enum=m.UnitLevel),
    F("unit_code", "Đơn vị"),
    F("members_count", "Số thành viên", "int"),
    F("women_count", "Số nữ", "int"),
    F("founded", "Ngày thành lập", "date"),
    F("address", "Địa chỉ"),
    F("head_name", "Thủ trưởng (họ tên)", case="person"),
    F("head_title", "Chức vụ thủ trưởng"),
    F("nominee_class", "Phân loại đối tượng"),
    F("field", "Lĩnh vực hoạt động"),
    F("notes", "Ghi chú", "longtext"),
)
_kind(
    "households", "Hộ gia đình", "head_name",
    F("head_name", "Chủ hộ", required=True, case="person"),
    F("head_gender", "Giới tính chủ hộ", "enum", enum=m.Gender),
    F("address", "Địa chỉ"),
    F("unit_code", "Đơn vị (thôn, tổ dân phố)"),
    F("members_count", "Số nhân khẩu", "int"),
    F("notes", "Ghi chú", "longtext"),
)
_kind(
    "award_history", "Khen thưởng đã nhận", "award_name",
    F("subject_kind", "Đối tượng", "enum", True, m.SubjectKind),
    F("subject_id", "Mã đối tượng", "ref", True),
    F("year", "Năm", "year", True),
    F("code", "Mã danh hiệu, hình thức", "title"),
    F("award_name", "Danh hiệu, hình thức khen thưởng", required=True),
    F("award_kind", "Loại hình khen thưởng", "enum", enum=m.AwardKind),
    F("decision_number", "Số quyết định"),
    F("decision_date", "Ngày quyết định", "date"),
    F("issuer", "Cơ quan ban hành"),
    F("source", "Nguồn"),
)
_kind(
    "ratings", "Xếp loại", "rating",
    F("subject_kind", "Đối tượng", "enum", True, m.SubjectKind),
    F("subject_id", "Mã đối tượng", "ref", True),
    F("year", "Năm", "year", True),
    F("rating", "Xếp loại", "enum", True, m.Rating),
    F("discipline", "Kỷ luật", "enum", enum=m.Discipline),
    F("under_review", "Đang bị xem xét kỷ luật, thanh tra, khiếu nại", "bool"),
    F("note", "Ghi chú"),
)
_kind(
    "initiatives", "Sáng kiến", "name",
    F("kind", "Loại", "enum", enum=m.InnovationKind),
    F("person_id", "Cá nhân", "ref", True),
    F("year", "Năm công nhận, nghiệm thu", "year", True),
    F("name", "Tên sáng kiến, đề tài", required=True),
    F("scope", "Phạm vi ảnh hưởng", "enum", enum=m.Scope),
    F("level", "Cấp công nhận"),
    F("decision_number", "Số quyết định công nhận"),
    F("recognised", "Đã được công nhận, nghiệm thu", "bool"),
    F("applied", "Đã được áp dụng", "bool"),
    F("used_for", "Đã dùng làm căn cứ khen thưởng"),
)
_kind(
    "campaigns", "Phong trào thi đua", "name",
    F("name", "Tên phong trào", required=True),
    F("doc_kind", "Loại văn bản", "enum", enum=m.DocKind),
    F("doc_number", "Số văn bản"),
    F("doc_date", "Ngày ban hành", "date"),
    F("issuing_body", "Cơ quan ban hành"),
    F("signer", "Người ký"),
    F("signer_title", "Chức vụ người ký"),
    F("subject", "Trích yếu", "longtext"),
    F("campaign_type", "Hình thức phong trào", "enum", True, m.CampaignType),
    F("year", "Năm", "year"),
    F("start_date", "Bắt đầu", "date"),
    F("end_date", "Kết thúc", "date"),
    F("midterm_review", "Sơ kết", "date"),
    F("final_review", "Tổng kết", "date"),
    F("registration_deadline", "Hạn đăng ký thi đua", "date"),
    F("submission_deadline", "Hạn gửi hồ sơ khen thưởng", "date"),
    F("content_json", "Nội dung thi đua", "json"),
    F("movements_json", "Phong trào toàn quốc hưởng ứng", "json"),
    F("awards_json", "Khen thưởng dự kiến", "json"),
    F("issued_by", "Đơn vị phát động"),
    F("doc_issuer", "Đơn vị ban hành văn bản"),
    F("linked_campaign_id", "Phong trào do cơ quan ban hành gửi", "ref"),
    F("status", "Trạng thái"),
    F("notes", "Ghi chú", "longtext"),
    owner_field="issued_by",
)
_kind(
    "targets", "Chỉ tiêu", "measure",
    F("campaign_id", "Phong trào", "ref", True),
    F("seq", "Thứ tự", "int"),
    F("measure", "Chỉ tiêu", required=True),
    F("comparator", "Cách so sánh", "enum", True, m.Comparator),
    F("value", "Giá trị", "number", minimum=None),
    F("value_high", "Giá trị cận trên", "number", minimum=None),
    F("unit", "Đơn vị tính"),
    F("sub_count", "Trong đó (số lượng)", "number"),
    F("sub_label", "Trong đó (nội dung)"),
    F("strict", "So sánh ngặt (dưới/trên)", "bool"),
    F("rollup", "Cách tổng hợp", "enum", enum=m.Rollup),
    F("assigned_unit", "Giao cho đơn vị"),
    F("source_text", "Nguyên văn", "longtext"),
    F("parent_target_id", "Chi tiết của chỉ tiêu", "ref"),
    F("review_json", "Cần xem lại", "json"),
    F("linked_target_id", "Chỉ tiêu do cơ quan ban hành gửi", "ref"),
)
_kind(
    "target_results", "Kết quả thực hiện chỉ tiêu", "period",
    F("target_id", "Chỉ tiêu", "ref", True),
    F("unit_code", "Đơn vị", required=True),
    F("period", "Kỳ báo cáo", "period", True),
    F("value", "Kết quả", "number", minimum=None),
    F("sub_value", "Trong đó", "number"),
    F("weight", "Trọng số", "number"),
    F("note", "Ghi chú"),
    owner_field="unit_code",
)
_kind(
    "registrations", "Đăng ký thi đua", "subject_name",
    F("campaign_id", "Phong trào", "ref"),
    F("year", "Năm", "year", True),
    F("subject_kind", "Đối tượng", "enum", True, m.SubjectKind),
    F("subject_id", "Mã đối tượng", "ref", True),
    F("subject_name", "Tên tập thể, cá nhân", required=True),
    F("title_code", "Danh hiệu đăng ký", "title", True),
    F("registered_on", "Ngày đăng ký", "date"),
    F("note", "Ghi chú"),
)
_kind(
    "participations", "Tham gia phong trào", "period",
    F("campaign_id", "Phong trào", "ref", True),
    F("period", "Kỳ báo cáo", "period", True),
    F("unit_code", "Đơn vị", required=True),
    F("collectives_count", "Số tập thể tham gia", "int"),
    F("people_count", "Số cá nhân tham gia", "int"),
    F("households_count", "Số hộ gia đình tham gia", "int"),
    F("note", "Ghi chú"),
    owner_field="unit_code",
)
_kind(
    "nominations", "Đề nghị khen thưởng", "subject_name",
    F("subject_kind", "Đối tượng", "enum", True, m.SubjectKind),
    F("subject_id", "Mã đối tượng", "ref", True),
    F("subject_name", "Tên tập thể, cá nhân", required=True),
    F("title_code", "Danh hiệu, hình thức", "title", True),
    F("award_kind", "Loại hình khen thưởng", "enum", True, m.AwardKind),
    F("campaign_id", "Phong trào", "ref"),
    F("year", "Năm", "year", True),
    F("period", "Kỳ", "period"),
    F("achievement", "Tóm tắt thành tích", "longtext"),
    F("nominee_class", "Phân loại đối tượng"),
    F("field", "Lĩnh vực hoạt động"),
    F("dossier_json", "Hồ sơ", "json"),
    F("status", "Trạng thái", "enum", enum=m.NominationStatus),
    F("status_reason", "Lý do"),
    F("submitted_on", "Ngày gửi", "date"),
    F("unit_code", "Đơn vị đề nghị"),
    F("eligibility_json", "Kết quả kiểm tra tiêu chuẩn", "json"),
    F("appraisal_note", "Ý kiến thẩm định", "longtext"),
    owner_field="unit_code",
)
_kind(
    "vote_sessions", "Phiên họp Hội đồng", "meeting_date",
    F("unit_code", "Đơn vị"),
    F("meeting_date", "Ngày họp", "date", True),
    F("place", "Địa điểm"),
    F("period", "Kỳ", "period"),
    F("total_members", "Tổng số thành viên Hội đồng", "int", True),
    F("present", "Số thành viên có mặt", "int", True),
    F("written_opinions", "Số ý kiến bằng văn bản", "int"),
    F("chair", "Chủ trì"),
    F("secretary", "Thư ký"),
    F("notes", "Ghi chú", "longtext"),
    owner_field="unit_code",
)
_kind(
    "votes", "Kết quả bỏ phiếu", "votes_for",
    F("vote_session_id", "Phiên họp", "ref", True),
    F("nomination_id", "Đề nghị", "ref", True),
    F("votes_for", "Số phiếu đồng ý", "int", True),
    F("threshold", "Ngưỡng (%)", "number"),
    F("share", "Tỷ lệ (%)", "number"),
)
_kind(
    "decisions", "Quyết định khen thưởng", "number",
    F("number", "Số quyết định"),
    F("doc_code", "Ký hiệu"),
    F("decision_date", "Ngày quyết định", "date", True),
    F("signer", "Người ký"),
    F("signer_title", "Chức vụ người ký"),
    F("issuer_unit", "Đơn vị ban hành"),
    F("subject", "Trích yếu"),
    F("base_salary", "Mức lương cơ sở", "int"),
    F("total_amount", "Tổng tiền thưởng", "int"),
    F("status", "Trạng thái"),
    F("notes", "Ghi chú", "longtext"),
    owner_field="issuer_unit",
)
_kind(
    "decision_awardees", "Danh sách khen thưởng", "subject_name",
    F("decision_id", "Quyết định", "ref", True),
    F("nomination_id", "Đề nghị", "ref"),
    F("subject_kind", "Đối tượng", "enum", True, m.SubjectKind),
    F("subject_id", "Mã đối tượng", "ref"),
    F("subject_name", "Tên tập thể, cá nhân", required=True),
    F("title_code", "Danh hiệu, hình thức", "title", True),
    F("so_vang", "Số sổ vàng", "int"),
    F("amount", "Tiền thưởng", "int"),
)
_kind(
    "award_cancellations", "Hủy bỏ quyết định khen thưởng", "subject_name",
    F("awardee_id", "Người, tập thể được khen thưởng", "ref", True),
    F("decision_id", "Quyết định bị hủy bỏ", "ref", True),
    F("subject_kind", "Đối tượng", "enum", True, m.SubjectKind),
    F("subject_id", "Mã đối tượng", "ref"),
    F("subject_name", "Tên tập thể, cá nhân", required=True),
    F("title_code", "Danh hiệu, hình thức", "title", True),
    F("so_vang", "Số sổ vàng", "int"),
    F("amount_to_recover", "Tiền thưởng phải thu hồi", "int", True),
    F("number", "Số quyết định hủy bỏ"),
    F("doc_code", "Ký hiệu"),
    F("cancel_date", "Ngày quyết định hủy bỏ", "date", True),
    F("signer", "Người ký"),
    F("signer_title", "Chức vụ người ký"),
    F("issuer_unit", "Đơn vị ban hành", required=True),
    F("ground", "Căn cứ hủy bỏ (điểm của khoản 2 Điều 93 Luật)", required=True),
    F("reason", "Lý do cụ thể", "longtext", True),
    F("legal_basis", "Căn cứ pháp lý"),
    F("recovered_on", "Ngày thu hồi hiện vật, tiền thưởng", "date"),
    F("notes", "Ghi chú", "longtext"),
    owner_field="issuer_unit",
)
_kind(
    "covenants", "Giao ước thi đua", "cluster_name",
    F("cluster_name", "Tên cụm, khối thi đua", required=True, case="unit"),
    F("cluster_kind", "Cụm hay khối", "enum", enum=m.ClusterKind),
    F("year", "Năm", "year", True),
    F("leader", "Đơn vị trưởng cụm, khối", case="unit"),
    F("deputy", "Đơn vị phó cụm, khối", case="unit"),
    F("members", "Đơn vị thành viên", "members", True),
    F("commitments", "Nội dung giao ước", "longtext", True),
    F("criteria", "Tiêu chí, chỉ tiêu thi đua", "longtext"),
    F("signed_on", "Ngày ký", "date"),
    F("signed_place", "Địa điểm ký"),
    F("notes", "Ghi chú", "longtext"),
)
_kind(
    "reviews", "Xung đột chờ xem xét", "field_name",
    F("table_name", "Loại bản ghi", required=True),
    F("record_id", "Mã bản ghi", "ref", True),
    F("field_name", "Trường", required=True),
    F("reason", "Lý do", required=True),
    F("kept_value", "Giá trị đang dùng", "longtext"),
    F("kept_unit", "Đơn vị ghi giá trị đang dùng"),
    F("other_value", "Giá trị không được dùng", "longtext"),
    F("other_stamp", "Lần ghi không được dùng", "longtext"),
    F("other_unit", "Đơn vị ghi giá trị không được dùng"),
    F("status", "Trạng thái"),
    F("resolution", "Cách xử lý"),
    F("resolved_by", "Đơn vị xử lý"),
    F("resolved_note", "Ghi chú xử lý", "longtext"),
)


def _normalise_value(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.kind in ("text", "ref", "title"):
        text = clean(str(value))
        if f.case:
            text = name_case(text, person=f.case == "person")
        if f.kind == "title":
            text = text.upper()
            if text and text not in m.TITLE_CODES:
                raise InputError(f"{f.label}: “{text}” không có trong danh mục khen thưởng.", field=f.name)
        return text or None
    if f.kind == "longtext":
        text = nfc(str(value)).strip()
        return text or None
    if f.kind == "date":
        parsed = parse_date(value, field=f.label)
        return parsed.isoformat() if parsed else None
    if f.kind == "number":
        number = parse_number(value, field=f.label)
        if number is not None and f.minimum is not None and number < f.minimum:
            raise InputError(f"{f.label}: không được là số âm.", field=f.name)
        return number
    if f.kind == "int":
        return parse_int(value, field=f.label, minimum=f.minimum)
    if f.kind == "year":
        year = parse_int(value, field=f.label)
        if year is not None and not 1945 <= year <= 2100:
            raise InputError(f"{f.label}: năm {year} không hợp lệ.", field=f.name)
        return year
    if f.kind == "bool":
        if isinstance(value, str):
            return 1 if clean(value).lower() in ("1", "true", "có", "x", "yes") else 0
        return 1 if value else 0
    if f.kind == "enum":
        assert f.enum is not None
        text = clean(str(value))
        if text == "":
            return None
        return f.enum.parse(text, field=f.label).value
    if f.kind == "json":
        if isinstance(value, str):
            try:
                json.loads(value)
            except json.JSONDecodeError:
                raise InputError(f"{f.label}: dữ liệu không hợp lệ.", field=f.name) from None
            return value
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if f.kind == "members":
        from tdkt_desktop.core.covenants import parse_members

        members = parse_members(value, label=f.label)
        return json.dumps(members, ensure_ascii=False) if members else None
    if f.kind == "period":
        text = clean(str(value))
        return m.parse_period(text) if text else None
    raise AssertionError(f.kind)


def normalise_field(table: str, name: str, value: Any) -> Any:
    """The stored value of one field of ``table`` for what a person wrote (validated; Vietnamese errors)."""
    return _normalise_value(KINDS[table].field(name), value)


def normalise(table: str, values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Validated stored values for ``values`` (only the fields given when ``partial``)."""
    kind = KINDS[table]
    out: dict[str, Any] = {}
    known = {f.name for f in kind.fields}
    unknown = set(values) - known
    if unknown:
        raise InputError(f"{kind.label}: không có trường {', '.join(sorted(unknown))}.")
    for f in kind.fields:
        if f.name not in values:
            if f.required and not partial:
                raise InputError(f"{f.label}: chưa nhập. Trường này bắt buộc.", field=f.name)
            continue
        value = _normalise_value(f, values[f.name])
        if f.required and value in (None, ""):
            raise InputError(f"{f.label}: chưa nhập. Trường này bắt buộc.", field=f.name)
        out[f.name] = value
    return out
