"""core.targets pinned down: every comparator at its limit (below, at, above) as a whole Attainment, every
roll-up as a whole RollupResult (units reporting 0, the "trong đó" sub-figure, weights), whole validation
errors, and properties of the spec's JSON form and of roll-ups."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt_desktop.core.models import AttainmentStatus, Comparator, Rollup
from tdkt_desktop.core.targets import (
    EXACT_TOLERANCE,
    STRICT_COMPARATORS,
    Attainment,
    RollupResult,
    TargetSpec,
    UnitResult,
    attainment,
    default_rollup,
    rollup,
)
from tdkt_desktop.core.text import InputError

S = AttainmentStatus
NO, OK, MORE, NONE = S.NOT_REACHED, S.REACHED, S.EXCEEDED, S.NO_DATA

TRAINED = TargetSpec("Tỷ lệ lao động qua đào tạo", Comparator.AT_LEAST, 82, unit="%")
ABOVE_80 = TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 80, unit="%", strict=True)
POVERTY = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.36, unit="%")
BELOW_05 = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.5, unit="%", strict=True)
GROWTH = TargetSpec("GRDP", Comparator.RANGE, 9.5, 10, unit="%/năm")
URBAN = TargetSpec("Tỷ lệ đô thị hóa", Comparator.EXACT, 74, unit="%")
DOCTORS = TargetSpec("Số bác sĩ/vạn dân", Comparator.RATE, 17, unit="bác sĩ/vạn dân")
DOCTORS_ABOVE = TargetSpec("Số bác sĩ/vạn dân", Comparator.RATE, 17, unit="bác sĩ/vạn dân", strict=True)
DEAN06 = TargetSpec("Nhiệm vụ Đề án 06", Comparator.COMPLETION)
COMMUNES = TargetSpec("Số xã", Comparator.COUNT, 24, unit="xã")
MODELS = TargetSpec("Số mô hình", Comparator.COUNT, 3)
NTM = TargetSpec("Xã nông thôn mới nâng cao", Comparator.COUNT, 5, unit="xã", sub_count=2, sub_label="xã kiểu mẫu")
NTM_NO_LABEL = TargetSpec("Xã nông thôn mới", Comparator.COUNT, 5, sub_count=2)
NO_FIRE = TargetSpec("Số vụ cháy", Comparator.AT_MOST, 0, unit="vụ")
ANY_CASE = TargetSpec("Số vụ", Comparator.AT_LEAST, 0, unit="vụ")
FROM_ZERO = TargetSpec("Tăng", Comparator.RANGE, 0, 1, unit="%")
COUNT_ZERO = TargetSpec("Số vụ", Comparator.COUNT, 0, unit="vụ")


def A(value, percent, status, note, sub=None) -> Attainment:
    return Attainment(value, percent, status, note, sub)


# --------------------------------------------------------------------------- every comparator at its limits

LIMITS = [
    # at least 82 %: below, at, above
    (TRAINED, 81.99, None, A(81.99, 81.99 / 82 * 100, NO, "Không đạt: 81,99 %, còn thiếu 0,01 % (chỉ tiêu từ 82 % trở lên).")),
    (TRAINED, 82, None, A(82.0, 100.0, OK, "Đạt: 82 % (chỉ tiêu từ 82 % trở lên).")),
    (TRAINED, 0.82 * 100, None, A(0.82 * 100, 0.82 * 100 / 82 * 100, OK, "Đạt: 82 % (chỉ tiêu từ 82 % trở lên).")),
    (TRAINED, 82.01, None, A(82.01, 82.01 / 82 * 100, MORE, "Vượt: 82,01 % (chỉ tiêu từ 82 % trở lên).")),
    # strictly above 80 %: equality is not enough
    (ABOVE_80, 79.99, None, A(79.99, 79.99 / 80 * 100, NO, "Không đạt: 79,99 %, còn thiếu 0,01 % (chỉ tiêu trên 80 %).")),
    (ABOVE_80, 80, None, A(80.0, 100.0, NO, "Không đạt: 80 % (chỉ tiêu trên 80 %).")),
    (ABOVE_80, 80.01, None, A(80.01, 80.01 / 80 * 100, MORE, "Vượt: 80,01 % (chỉ tiêu trên 80 %).")),
    # at most 0,36 %: lower is better, percent = target / result
    (POVERTY, 0.35, None, A(0.35, 0.36 / 0.35 * 100, MORE, "Vượt: 0,35 %, thấp hơn mức chỉ tiêu (không quá 0,36 %).")),
    (POVERTY, "0,36", None, A(0.36, 100.0, OK, "Đạt: 0,36 % (chỉ tiêu không quá 0,36 %).")),
    (POVERTY, 0.37, None,
     A(0.37, 0.36 / 0.37 * 100, NO, "Không đạt: 0,37 %, cao hơn mức chỉ tiêu 0,01 % (không quá 0,36 %).")),
    (POVERTY, 0, None, A(0.0, None, MORE, "Vượt: 0 %, thấp hơn mức chỉ tiêu (không quá 0,36 %).")),
    # strictly below 0,5 %
    (BELOW_05, 0.49, None, A(0.49, 0.5 / 0.49 * 100, MORE, "Vượt: 0,49 %, thấp hơn mức chỉ tiêu (dưới 0,5 %).")),
    (BELOW_05, 0.5, None, A(0.5, 100.0, NO, "Không đạt: 0,5 %, chỉ tiêu yêu cầu dưới 0,5 %.")),
    (BELOW_05, 0.51, None,
     A(0.51, 0.5 / 0.51 * 100, NO, "Không đạt: 0,51 %, cao hơn mức chỉ tiêu 0,01 % (dưới 0,5 %).")),
    # range 9,5 – 10: both bounds belong to it; percent against the low bound
    (GROWTH, 9.49, None, A(9.49, 9.49 / 9.5 * 100, NO, "Không đạt: 9,49 %/năm, thấp hơn khoảng chỉ tiêu 9,5 – 10 %/năm.")),
    (GROWTH, 9.5, None, A(9.5, 100.0, OK, "Đạt: 9,5 %/năm, trong khoảng chỉ tiêu 9,5 – 10 %/năm.")),
    (GROWTH, 9.51, None, A(9.51, 9.51 / 9.5 * 100, OK, "Đạt: 9,51 %/năm, trong khoảng chỉ tiêu 9,5 – 10 %/năm.")),
    (GROWTH, 9.99, None, A(9.99, 9.99 / 9.5 * 100, OK, "Đạt: 9,99 %/năm, trong khoảng chỉ tiêu 9,5 – 10 %/năm.")),
    (GROWTH, 10, None, A(10.0, 10 / 9.5 * 100, OK, "Đạt: 10 %/năm, trong khoảng chỉ tiêu 9,5 – 10 %/năm.")),
    (GROWTH, 10.01, None, A(10.01, 10.01 / 9.5 * 100, MORE, "Vượt: 10,01 %/năm, cao hơn khoảng chỉ tiêu 9,5 – 10 %/năm.")),
    # exact
    (URBAN, 74, None, A(74.0, 100.0, OK, "Đạt: 74 % (chỉ tiêu đúng 74 %).")),
    (URBAN, 74.5, None, A(74.5, 74.5 / 74 * 100, NO, "Không đạt: 74,5 %, khác chỉ tiêu (đúng 74 %).")),
    (URBAN, 73.5, None, A(73.5, 73.5 / 74 * 100, NO, "Không đạt: 73,5 %, khác chỉ tiêu (đúng 74 %).")),
    # rate: like at least
    (DOCTORS, 16.9, None, A(16.9, 16.9 / 17 * 100, NO, "Không đạt: 16,9 bác sĩ/vạn dân, còn thiếu 0,1 bác sĩ/vạn dân "
                                                       "(chỉ tiêu từ 17 bác sĩ/vạn dân trở lên).")),
    (DOCTORS, 17, None, A(17.0, 100.0, OK, "Đạt: 17 bác sĩ/vạn dân (chỉ tiêu từ 17 bác sĩ/vạn dân trở lên).")),
    (DOCTORS, 17.1, None, A(17.1, 17.1 / 17 * 100, MORE, "Vượt: 17,1 bác sĩ/vạn dân (chỉ tiêu từ 17 bác sĩ/vạn dân trở lên).")),
    (DOCTORS_ABOVE, 17, None, A(17.0, 100.0, NO, "Không đạt: 17 bác sĩ/vạn dân (chỉ tiêu trên 17 bác sĩ/vạn dân).")),
    # completion: above 100 % is still "reached"
    (DEAN06, 99.9, None, A(99.9, 99.9, NO, "Không đạt: hoàn thành 99,9 % (chỉ tiêu hoàn thành 100 %).")),
    (DEAN06, 100, None, A(100.0, 100.0, OK, "Đạt: hoàn thành 100 % (chỉ tiêu hoàn thành 100 %).")),
    (DEAN06, 100.1, None, A(100.1, 100.1, OK, "Đạt: hoàn thành 100,1 % (chỉ tiêu hoàn thành 100 %).")),
    # count
    (COMMUNES, 23, None, A(23.0, 23 / 24 * 100, NO, "Không đạt: xã: mới có 23/24.")),
    (COMMUNES, 24, None, A(24.0, 100.0, OK, "Đạt: 24 xã (chỉ tiêu 24 xã).")),
    (COMMUNES, 25, None, A(25.0, 25 / 24 * 100, MORE, "Vượt: 25 xã (chỉ tiêu 24 xã).")),
    (MODELS, 2, None, A(2.0, 2 / 3 * 100, NO, "Không đạt: số lượng: mới có 02/03.")),
    (MODELS, 3, None, A(3.0, 100.0, OK, "Đạt: 03 (chỉ tiêu 03).")),
    # count with a "trong đó" figure: each one at its limit
    (NTM, 4, 2, A(4.0, 80.0, NO, "Không đạt: xã: mới có 04/05.", 2.0)),
    (NTM, 5, 1, A(5.0, 100.0, NO, "Không đạt: xã kiểu mẫu: mới có 01/02.", 1.0)),
    (NTM, 5, 2, A(5.0, 100.0, OK, "Đạt: 05 xã, trong đó 02 xã kiểu mẫu (chỉ tiêu 05 xã, trong đó 02 xã kiểu mẫu).", 2.0)),
    (NTM, 6, 2, A(6.0, 120.0, MORE, "Vượt: 06 xã, trong đó 02 xã kiểu mẫu (chỉ tiêu 05 xã, trong đó 02 xã kiểu mẫu).", 2.0)),
    (NTM, 5, 3, A(5.0, 100.0, MORE, "Vượt: 05 xã, trong đó 03 xã kiểu mẫu (chỉ tiêu 05 xã, trong đó 02 xã kiểu mẫu).", 3.0)),
    (NTM, 5, None, A(5.0, 100.0, NO, "Không đạt: xã kiểu mẫu: chưa có số liệu.")),
    (NTM, 4, 1, A(4.0, 80.0, NO, "Không đạt: xã: mới có 04/05; xã kiểu mẫu: mới có 01/02.", 1.0)),
    (NTM, 4, None, A(4.0, 80.0, NO, "Không đạt: xã: mới có 04/05; xã kiểu mẫu: chưa có số liệu.")),
    (NTM_NO_LABEL, 5, None, A(5.0, 100.0, NO, "Không đạt: số trong đó: chưa có số liệu.")),
    (NTM_NO_LABEL, 5, 1, A(5.0, 100.0, NO, "Không đạt: số trong đó: mới có 01/02.", 1.0)),
    (NTM_NO_LABEL, 5, 2, A(5.0, 100.0, OK, "Đạt: 05, trong đó 02 (chỉ tiêu 05, trong đó 02).", 2.0)),
    (COMMUNES, 24, 3, A(24.0, 100.0, OK, "Đạt: 24 xã (chỉ tiêu 24 xã).", 3.0)),  # no sub-count asked: ignored
    # a target of 0: no percent (cannot divide), the status still right
    (ANY_CASE, 0, None, A(0.0, None, OK, "Đạt: 0 vụ (chỉ tiêu từ 0 vụ trở lên).")),
    (ANY_CASE, 1, None, A(1.0, None, MORE, "Vượt: 1 vụ (chỉ tiêu từ 0 vụ trở lên).")),
    (NO_FIRE, 0, None, A(0.0, None, OK, "Đạt: 0 vụ (chỉ tiêu không quá 0 vụ).")),
    (NO_FIRE, 1, None, A(1.0, 0.0, NO, "Không đạt: 1 vụ, cao hơn mức chỉ tiêu 1 vụ (không quá 0 vụ).")),
    (NO_FIRE, 1e-10, None, A(1e-10, None, OK, "Đạt: 0 vụ (chỉ tiêu không quá 0 vụ).")),  # noise is 0
    (ANY_CASE, -1e-10, None, A(-1e-10, None, OK, "Đạt: 0 vụ (chỉ tiêu từ 0 vụ trở lên).")),
    (FROM_ZERO, 0, None, A(0.0, None, OK, "Đạt: 0 %, trong khoảng chỉ tiêu 0 – 1 %.")),
    (FROM_ZERO, -0.5, None, A(-0.5, None, NO, "Không đạt: -0,5 %, thấp hơn khoảng chỉ tiêu 0 – 1 %.")),
    (COUNT_ZERO, 0, None, A(0.0, None, OK, "Đạt: 0 vụ (chỉ tiêu 0 vụ).")),
    # no result: no data, whatever the target; a sub-figure given alone is kept
    (TRAINED, None, None, A(None, None, NONE, "Chưa có số liệu.")),
    (NTM, "", "3", A(None, None, NONE, "Chưa có số liệu.", 3.0)),
]


@pytest.mark.parametrize(("spec", "value", "sub", "expected"), LIMITS)
def test_attainment_at_every_limit(spec, value, sub, expected):
    got = attainment(spec, value, sub)
    assert got == expected
    assert got.reaching is (expected.status in (OK, MORE))


def test_exact_tolerance_default_is_a_millionth_of_the_target():
    assert EXACT_TOLERANCE == 1e-6
    thousand = TargetSpec("Số hộ", Comparator.EXACT, 1000, unit="hộ")
    assert attainment(thousand, 1000.0009).status is OK  # within 10⁻⁶ × 1000
    assert attainment(thousand, 999.9991).status is OK
    assert attainment(thousand, 1000.0011).status is NO  # just outside
    assert attainment(thousand, 999.9989).status is NO
    zero = TargetSpec("Số vụ", Comparator.EXACT, 0, unit="vụ")  # absolute floor 10⁻⁹
    assert attainment(zero, 0.9e-9).status is OK
    assert attainment(zero, -0.9e-9).status is OK
    assert attainment(zero, 1.1e-9).status is NO
    assert attainment(zero, 0).percent is None


def test_exact_with_a_tolerance_given():
    assert attainment(URBAN, 73.5, tolerance=0.5) == A(73.5, 73.5 / 74 * 100, OK, "Đạt: 73,5 % (chỉ tiêu đúng 74 %).")
    assert attainment(URBAN, 74.5, tolerance=0.5).status is OK  # the limit belongs to it
    assert attainment(URBAN, 74.75, tolerance=0.5).status is NO
    assert attainment(URBAN, 74.25, tolerance=0).status is NO
    assert attainment(URBAN, 74, tolerance=0).status is OK


def test_attainment_refuses_bad_results_and_incomplete_targets():
    with pytest.raises(InputError) as err:
        attainment(TRAINED, "tám mươi")
    assert (err.value.field, err.value.value) == ("Kết quả", "tám mươi")
    with pytest.raises(InputError) as err:
        attainment(NTM, 5, "hai")
    assert (err.value.field, err.value.value) == ("Kết quả (số trong đó)", "hai")
    half = TargetSpec("GRDP", Comparator.RANGE, 9.5, None, unit="%")
    with pytest.raises(InputError) as err:
        attainment(half, 9.7)
    assert (str(err.value), err.value.field) == ("Chỉ tiêu dạng khoảng chưa đủ hai giá trị.", "Giá trị")
    empty = TargetSpec("Tỷ lệ", Comparator.AT_LEAST, None, unit="%")
    with pytest.raises(InputError) as err:
        attainment(empty, 9.7)
    assert (str(err.value), err.value.field) == ("Chỉ tiêu chưa có giá trị để so sánh.", "Giá trị")
    assert attainment(empty, None).status is NONE  # no result: nothing to compare, no error


def test_attainment_to_dict_is_the_whole_attainment_in_json():
    data = attainment(NTM, 6, 2).to_dict()
    assert data == {
        "value": 6.0,
        "sub_value": 2.0,
        "percent": 120.0,
        "status": "exceeded",
        "note": "Vượt: 06 xã, trong đó 02 xã kiểu mẫu (chỉ tiêu 05 xã, trong đó 02 xã kiểu mẫu).",
    }
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert type(data["status"]) is str


# --------------------------------------------------------------------------- the spec


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (TRAINED, "Từ 82 % trở lên"),
        (ABOVE_80, "Trên 80 %"),
        (POVERTY, "Không quá 0,36 %"),
        (BELOW_05, "Dưới 0,5 %"),
        (GROWTH, "9,5 – 10 %/năm"),
        (TargetSpec("Tăng", Comparator.RANGE, 0.1 + 0.2, 0.5, unit="%"), "0,3 – 0,5 %"),
        (TargetSpec("Tăng", Comparator.RANGE, 9.5, None), "Chưa có giá trị"),
        (TargetSpec("Tăng", Comparator.RANGE, None, 10), "Chưa có giá trị"),
        (URBAN, "Đúng 74 %"),
        (DOCTORS, "Từ 17 bác sĩ/vạn dân trở lên"),
        (DOCTORS_ABOVE, "Trên 17 bác sĩ/vạn dân"),
        (DEAN06, "Hoàn thành 100 %"),
        (COMMUNES, "24 xã"),
        (MODELS, "03"),
        (NTM, "05 xã, trong đó 02 xã kiểu mẫu"),
        (NTM_NO_LABEL, "05, trong đó 02"),
        (TargetSpec("Số", Comparator.COUNT, 2.5, unit="ha"), "2,5 ha"),
        (TargetSpec("Số", Comparator.COUNT, 10, unit="xã"), "10 xã"),
        (TargetSpec("Vốn", Comparator.AT_LEAST, 43000, unit="tỷ đồng"), "Từ 43.000 tỷ đồng trở lên"),
        (TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 1 / 3, unit="%"), "Từ 0,333333 % trở lên"),
        (TargetSpec("Tỷ lệ", Comparator.AT_LEAST, None, unit="%"), "Chưa có giá trị"),
        (TargetSpec("Số mô hình", Comparator.AT_LEAST, 5), "Từ 5 trở lên"),
    ],
)
def test_describe(spec, text):
    assert spec.describe() == text
    assert spec.label() == f"{spec.measure}: {text}"


def test_label_without_a_measure_is_the_description():
    assert TargetSpec("", Comparator.AT_MOST, 3, unit="%").label() == "Không quá 3 %"


def test_spec_normalises_what_it_is_given():
    spec = TargetSpec("  Tỷ lệ \u00a0hộ  nghèo ", "at_most", "0,36", unit=" % ", sub_count=None, strict=1, rollup="Bình quân")
    assert spec == TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.36, unit="%", strict=True, rollup=Rollup.MEAN)
    assert spec.strict is True and type(spec.value) is float
    by_label = TargetSpec("X", "Trong khoảng … – …", "9,5", "10", sub_label="  ")
    assert (by_label.comparator, by_label.value, by_label.value_high, by_label.sub_label) == (Comparator.RANGE, 9.5, 10.0, "")
    assert TargetSpec("X", Comparator.AT_LEAST, 5, strict=0).strict is False


def test_completion_defaults():
    # built here, not at import: the defaults are what is tested
    dean06 = TargetSpec("Nhiệm vụ Đề án 06", Comparator.COMPLETION)
    assert (dean06.value, dean06.unit) == (100.0, "%")
    ninety = TargetSpec("Tiêm chủng", Comparator.COMPLETION, 90, unit="lượt")
    assert (ninety.value, ninety.unit) == (90.0, "lượt")
    assert TargetSpec("X", Comparator.AT_LEAST).value is None  # only completion has a default


@pytest.mark.parametrize(
    ("kwargs", "message", "field"),
    [
        ({"value": "bảy mươi"}, "Giá trị: “bảy mươi” không phải là số.", "Giá trị"),
        ({"value": 1, "value_high": "mười"}, "Cận trên: “mười” không phải là số.", "Cận trên"),
        ({"value": 1, "sub_count": "hai"}, "Số trong đó: “hai” không phải là số.", "Số trong đó"),
    ],
)
def test_bad_figures_in_a_spec_name_their_field(kwargs, message, field):
    with pytest.raises(InputError) as err:
        TargetSpec("Tỷ lệ", Comparator.AT_LEAST, **kwargs)
    assert str(err.value).startswith(message)
    assert err.value.field == field


def test_unknown_comparator_or_rollup_is_refused_by_name():
    with pytest.raises(InputError) as err:
        TargetSpec("X", "nhiều hơn", 1)
    assert err.value.field == "Cách so sánh"
    assert str(err.value).startswith("Cách so sánh: “nhiều hơn” không hợp lệ. Chọn một trong: at_least, at_most")
    with pytest.raises(InputError) as err:
        TargetSpec("X", Comparator.AT_LEAST, 1, rollup="cộng")
    assert err.value.field == "Cách tổng hợp"


WHERE = " (chỉ tiêu “Chỉ tiêu A”)"


@pytest.mark.parametrize(
    ("kwargs", "message", "field"),
    [
        ({"comparator": Comparator.RANGE, "value": 9.5}, f"Chỉ tiêu dạng khoảng cần đủ hai giá trị: cận dưới và cận trên{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.RANGE, "value_high": 10}, f"Chỉ tiêu dạng khoảng cần đủ hai giá trị: cận dưới và cận trên{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.RANGE, "value": 10, "value_high": 9.5},
         f"Cận dưới (10) lớn hơn cận trên (9,5){WHERE}. Nhập cận dưới trước, ví dụ 9,5 – 10.", "Giá trị"),
        ({"comparator": Comparator.AT_LEAST}, f"Chưa nhập giá trị của chỉ tiêu{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.AT_MOST}, f"Chưa nhập giá trị của chỉ tiêu{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.EXACT}, f"Chưa nhập giá trị của chỉ tiêu{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.RATE}, f"Chưa nhập tỷ suất của chỉ tiêu{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.COUNT}, f"Chưa nhập số lượng của chỉ tiêu{WHERE}.", "Giá trị"),
        ({"comparator": Comparator.AT_LEAST, "value": 5, "sub_count": 1},
         f"Chỉ tiêu dạng số lượng mới có số “trong đó”{WHERE}.", "Số trong đó"),
        ({"comparator": Comparator.COUNT, "value": 5, "sub_count": -1}, f"Số “trong đó” không được âm{WHERE}.", "Số trong đó"),
        ({"comparator": Comparator.COUNT, "value": 5, "sub_count": 6},
         f"Số “trong đó” (06) không được lớn hơn tổng số (05){WHERE}.", "Số trong đó"),
        ({"comparator": Comparator.COUNT, "value": -1}, f"Số lượng không được âm{WHERE}.", "Giá trị"),
    ],
)
def test_validation_refuses_with_the_whole_message(kwargs, message, field):
    with pytest.raises(InputError) as err:
        TargetSpec("Chỉ tiêu A", **kwargs).validate()
    assert (str(err.value), err.value.field) == (message, field)


def test_validation_without_a_measure():
    with pytest.raises(InputError) as err:
        TargetSpec("", Comparator.AT_LEAST, 5).validate()
    assert (str(err.value), err.value.field) == ("Chưa nhập tên chỉ tiêu.", "Chỉ tiêu")
    with pytest.raises(InputError) as err:
        TargetSpec("", Comparator.RATE).validate(require_measure=False)
    assert str(err.value) == "Chưa nhập tỷ suất của chỉ tiêu."  # no "(chỉ tiêu …)" without a name


@pytest.mark.parametrize(
    "spec",
    [
        TargetSpec("A", Comparator.RANGE, 9.5, 9.5),  # a range of one point
        TargetSpec("A", Comparator.COUNT, 5, sub_count=5),  # the sub-count at its limit
        TargetSpec("A", Comparator.COUNT, 5, sub_count=0),
        TargetSpec("A", Comparator.COUNT, 0),
        TargetSpec("A", Comparator.AT_LEAST, -2, unit="%"),  # a fall of 2 % is a figure like any other
        DEAN06,
    ],
)
def test_valid_at_the_limit(spec):
    assert spec.validate() is spec


@pytest.mark.parametrize(
    ("comparator", "unit", "measure", "method"),
    [
        (Comparator.COUNT, "%", "Tỷ lệ", Rollup.SUM),  # counts are summed whatever they are called
        (Comparator.RATE, "", "", Rollup.MEAN),
        (Comparator.COMPLETION, "", "", Rollup.MEAN),
        (Comparator.AT_LEAST, "%", "", Rollup.MEAN),
        (Comparator.AT_LEAST, " %/năm", "", Rollup.MEAN),
        (Comparator.AT_LEAST, "bác sĩ/vạn dân", "", Rollup.MEAN),
        (Comparator.RANGE, "triệu đồng", "GRDP bình quân đầu người", Rollup.MEAN),
        (Comparator.AT_LEAST, "triệu đồng", "Thu nhập BÌNH QUÂN", Rollup.MEAN),
        (Comparator.AT_LEAST, "", "Thu nhập trên đầu người", Rollup.MEAN),
        (Comparator.AT_LEAST, "tuổi", "Tuổi thọ trung bình", Rollup.MEAN),
        (Comparator.AT_MOST, "", "Tỷ lệ hộ nghèo", Rollup.MEAN),
        (Comparator.AT_LEAST, "", "Tốc độ tăng trưởng", Rollup.MEAN),
        (Comparator.AT_LEAST, "", "Chỉ số cải cách hành chính", Rollup.MEAN),
        (Comparator.AT_LEAST, "ha", "Diện tích trồng rừng mới", Rollup.SUM),
        (Comparator.AT_LEAST, "tỷ đồng", "Tổng vốn đầu tư", Rollup.SUM),
        (Comparator.EXACT, "người", "Số người", Rollup.SUM),
        (Comparator.AT_LEAST, "", "", Rollup.SUM),
        ("at_least", "%", "", Rollup.MEAN),
    ],
)
def test_default_rollup(comparator, unit, measure, method):
    assert default_rollup(comparator, unit, measure) is method
    assert TargetSpec(measure or "A", comparator, 1, unit=unit).rollup is method


def _spec_fields(spec: TargetSpec) -> dict:
    return {
        "measure": spec.measure, "comparator": spec.comparator.value, "value": spec.value, "value_high": spec.value_high,
        "unit": spec.unit, "sub_count": spec.sub_count, "sub_label": spec.sub_label, "strict": spec.strict,
        "rollup": spec.rollup.value if spec.rollup else None,
    }


def test_to_dict_is_every_field_as_json():
    spec = TargetSpec("Xã", Comparator.COUNT, 5, unit="xã", sub_count=2, sub_label="kiểu mẫu", rollup=Rollup.WEIGHTED_MEAN)
    assert spec.to_dict() == {
        "measure": "Xã", "comparator": "count", "value": 5.0, "value_high": None, "unit": "xã", "sub_count": 2.0,
        "sub_label": "kiểu mẫu", "strict": False, "rollup": "weighted_mean",
    }
    assert all(type(v) in (str, float, bool, type(None)) for v in spec.to_dict().values())


@pytest.mark.parametrize("method", list(Rollup))
def test_a_chosen_rollup_survives_a_reload(method):
    spec = TargetSpec("Tỷ lệ", Comparator.AT_MOST, 0.36, unit="%", rollup=method)
    again = TargetSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert again == spec and again.rollup is method


def test_from_dict_reads_vietnamese_numbers_and_fills_gaps():
    spec = TargetSpec.from_dict({"comparator": "range", "value": "9,5", "value_high": "10", "strict": None})
    assert spec == TargetSpec("", Comparator.RANGE, 9.5, 10)
    assert TargetSpec.from_dict({"comparator": "count", "value": "1.200", "sub_count": "12",
                                 "measure": None, "unit": None, "sub_label": None, "rollup": ""}) == TargetSpec(
        "", Comparator.COUNT, 1200, sub_count=12)


@pytest.mark.parametrize(
    ("data", "message", "field"),
    [
        ({"measure": "X", "value": 1}, "Thiếu cách so sánh của chỉ tiêu.", "Cách so sánh"),
        ({"measure": "X", "comparator": "", "value": 1}, "Thiếu cách so sánh của chỉ tiêu.", "Cách so sánh"),
        ({"measure": "X", "comparator": None}, "Thiếu cách so sánh của chỉ tiêu.", "Cách so sánh"),
        ({"comparator": "at_least", "value": "bảy"}, "Giá trị: “bảy” không phải là số.", "Giá trị"),
        ({"comparator": "range", "value": 1, "value_high": "x"}, "Cận trên: “x” không phải là số.", "Cận trên"),
        ({"comparator": "count", "value": 1, "sub_count": "y"}, "Số trong đó: “y” không phải là số.", "Số trong đó"),
        ({"comparator": "at_least", "value": 1, "rollup": "z"}, "Cách tổng hợp: “z” không hợp lệ.", "Cách tổng hợp"),
        ({"comparator": "nhiều hơn", "value": 1}, "Cách so sánh: “nhiều hơn” không hợp lệ.", "Cách so sánh"),
    ],
)
def test_from_dict_refuses_by_field(data, message, field):
    with pytest.raises(InputError) as err:
        TargetSpec.from_dict(data)
    assert str(err.value).startswith(message)
    assert err.value.field == field


def test_from_row_keeps_only_what_the_comparator_reads():
    row = {"id": "x", "measure": "Hộ nghèo", "comparator": "at_most", "value": "0,5", "value_high": 9, "unit": "%",
           "sub_count": 3, "sub_label": "hộ", "strict": 1, "rollup": "weighted_mean", "assigned_unit": None}
    assert TargetSpec.from_row(row) == TargetSpec("Hộ nghèo", Comparator.AT_MOST, 0.5, unit="%", strict=True,
                                                  rollup=Rollup.WEIGHTED_MEAN)
    band = dict(row, comparator="range", value_high="10")
    assert TargetSpec.from_row(band) == TargetSpec("Hộ nghèo", Comparator.RANGE, 0.5, 10, unit="%",
                                                   rollup=Rollup.WEIGHTED_MEAN)
    count = dict(row, comparator="count", value=6, sub_count="2")
    assert TargetSpec.from_row(count) == TargetSpec("Hộ nghèo", Comparator.COUNT, 6, unit="%", sub_count=2,
                                                    sub_label="hộ", rollup=Rollup.WEIGHTED_MEAN)
    no_sub = dict(count, sub_count="")
    assert TargetSpec.from_row(no_sub) == TargetSpec("Hộ nghèo", Comparator.COUNT, 6, unit="%",
                                                     rollup=Rollup.WEIGHTED_MEAN)
    for comparator in ("at_least", "rate"):
        assert TargetSpec.from_row(dict(row, comparator=comparator)).strict is True
    for comparator in ("exact", "completion"):
        assert TargetSpec.from_row(dict(row, comparator=comparator)).strict is False
    assert set(STRICT_COMPARATORS) == {Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.RATE}
    with pytest.raises(InputError) as err:
        TargetSpec.from_row(dict(row, comparator="nhiều hơn"))
    assert (err.value.field, err.value.value) == ("Cách so sánh", "nhiều hơn")
    with pytest.raises(InputError) as err:
        TargetSpec.from_row({"measure": "X", "value": 1})  # no comparator: refused by from_dict
    assert str(err.value) == "Thiếu cách so sánh của chỉ tiêu."


numbers = st.one_of(st.none(), st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def specs(draw) -> TargetSpec:
    return TargetSpec(
        measure=draw(words),
        comparator=draw(st.sampled_from(list(Comparator))),
        value=draw(numbers),
        value_high=draw(numbers),
        unit=draw(st.sampled_from(["", "%", "xã", "tỷ đồng", "%/năm", "bác sĩ/vạn dân"])),
        sub_count=draw(numbers),
        sub_label=draw(words),
        strict=draw(st.booleans()),
        rollup=draw(st.one_of(st.none(), st.sampled_from(list(Rollup)))),
    )


@given(specs())
def test_from_dict_reads_back_to_dict(spec):
    data = spec.to_dict()
    assert TargetSpec.from_dict(data) == spec
    assert TargetSpec.from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == spec
    assert data == _spec_fields(spec)


@given(specs())
def test_from_row_is_what_the_comparator_reads(spec):
    again = TargetSpec.from_row(spec.to_dict())
    assert again.describe() == spec.describe() or spec.comparator is Comparator.COUNT
    assert (again.measure, again.comparator, again.value, again.unit, again.rollup) == (
        spec.measure, spec.comparator, spec.value, spec.unit, spec.rollup)
    assert again.value_high == (spec.value_high if spec.comparator is Comparator.RANGE else None)
    assert again.sub_count == (spec.sub_count if spec.comparator is Comparator.COUNT else None)
    assert again.strict is (spec.strict and spec.comparator in STRICT_COMPARATORS)
    assert TargetSpec.from_row(again.to_dict()) == again  # nothing more to leave out the second time


# --------------------------------------------------------------------------- roll-ups


def units(spec: TargetSpec, *rows: tuple) -> tuple[list[UnitResult], dict[str, Attainment]]:
    """Unit results and the attainment each unit gets against ``spec``."""
    results = [UnitResult(*row) for row in rows]
    return results, {r.unit_code: attainment(r.target or spec, r.value, r.sub_value) for r in results}


def test_sum_counts_a_unit_reporting_exactly_zero():
    results, each = units(NTM, ("XA01", 0, 0), ("XA02", 3, 2), ("XA03", None, 1), ("XA04", 2))
    total = A(5.0, 100.0, OK, "Đạt: 05 xã, trong đó 02 xã kiểu mẫu (chỉ tiêu 05 xã, trong đó 02 xã kiểu mẫu).", 2.0)
    assert rollup(NTM, results) == RollupResult(Rollup.SUM, 5.0, 2.0, 4, 3, 0, total, each)
    assert each["XA01"] == A(0.0, 0.0, NO, "Không đạt: xã: mới có 0/05; xã kiểu mẫu: mới có 0/02.", 0.0)


def test_sum_of_zeros_is_zero_not_no_data():
    results, each = units(COMMUNES, ("A", 0), ("B", "0"))
    got = rollup(COMMUNES, results)
    assert got == RollupResult(Rollup.SUM, 0.0, None, 2, 2, 0, A(0.0, 0.0, NO, "Không đạt: xã: mới có 0/24."), each)


def test_mean_counts_a_unit_reporting_exactly_zero():
    results, each = units(POVERTY, ("A", 0), ("B", 0.6), ("C", None))
    got = rollup(POVERTY, results)
    assert got == RollupResult(
        Rollup.MEAN, 0.3, None, 3, 2, 1, A(0.3, 0.36 / 0.3 * 100, MORE, "Vượt: 0,3 %, thấp hơn mức chỉ tiêu (không quá 0,36 %)."),
        each,
    )


def test_mean_and_its_trong_do_figure_over_the_units_that_gave_one():
    results, each = units(NTM, ("A", 2, 1), ("B", 4), ("C", 0, 0), ("D", None, 5))
    got = rollup(NTM, results, method="mean")
    total = A(2.0, 40.0, NO, "Không đạt: xã: mới có 02/05; xã kiểu mẫu: mới có 0,5/02.", 0.5)
    assert got == RollupResult(Rollup.MEAN, 2.0, 0.5, 4, 3, 0, total, each)


def test_weighted_mean_and_its_trong_do_figure():
    results, each = units(NTM, ("A", 2, 1, 100), ("B", 4, None, 300), ("C", 0, 0, 100), ("D", None, 9))
    got = rollup(NTM, results, method=Rollup.WEIGHTED_MEAN)
    value = (2 * 100 + 4 * 300 + 0 * 100) / 500
    sub = (1 * 100 + 0 * 100) / 200
    total = A(value, value / 5 * 100, NO, "Không đạt: xã: mới có 2,8/05; xã kiểu mẫu: mới có 0,5/02.", sub)
    assert got == RollupResult(Rollup.WEIGHTED_MEAN, value, sub, 4, 3, 0, total, each)


def test_weighted_mean_sub_figure_of_units_weighing_nothing_is_unknown():
    results, each = units(NTM, ("A", 2, 1, 0), ("B", 4, None, 300))
    got = rollup(NTM, results, method=Rollup.WEIGHTED_MEAN)
    total = A(4.0, 80.0, NO, "Không đạt: xã: mới có 04/05; xã kiểu mẫu: chưa có số liệu.")
    assert got == RollupResult(Rollup.WEIGHTED_MEAN, 4.0, None, 2, 2, 0, total, each)


def test_weighted_mean_weights_as_typed():
    results, _ = units(POVERTY, ("A", "0,3", None, "1.000"), ("B", "0,6", None, "3.000"))
    assert rollup(POVERTY, results, method="Bình quân có trọng số").value == pytest.approx(0.525)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Q1", 0.3, None, 10), ("Q2", 0.4), ("Q3", 0.5)],
         "Bình quân có trọng số cần trọng số (ví dụ dân số) của mọi đơn vị có số liệu. Còn thiếu trọng số của: Q2, Q3."),
        ([("Q1", 0.3, None, 0), ("Q2", 0.4, None, "0")], "Tổng trọng số bằng 0, không tính được bình quân có trọng số."),
        ([("Q1", 0.3, None, 5), ("Q2", 0.4, None, -1)], "Trọng số không được âm."),
    ],
)
def test_weighted_mean_refuses(rows, message):
    with pytest.raises(InputError) as err:
        rollup(POVERTY, [UnitResult(*r) for r in rows], method=Rollup.WEIGHTED_MEAN)
    assert (str(err.value), err.value.field) == (message, "Trọng số")


def test_weighted_mean_ignores_the_weight_of_units_without_a_figure():
    results, _ = units(POVERTY, ("A", 0.3, None, 100), ("B", None, None, None), ("C", None, None, ""))
    got = rollup(POVERTY, results, method=Rollup.WEIGHTED_MEAN)
    assert (got.value, got.units_reporting, got.units_counted) == (0.3, 1, 3)


ANTT = TargetSpec("Tỷ lệ xã đạt tiêu chuẩn an toàn về an ninh trật tự", Comparator.AT_LEAST, 75, unit="%")
FOUR = [("XA01", 80), ("XA02", 75), ("XA03", "74,99"), ("XA04", None)]  # 2 of 4 reach: 50 %


@pytest.mark.parametrize(
    ("required", "expected"),
    [
        (None, None),
        (49.99, A(50.0, 50 / 49.99 * 100, MORE, "Vượt: 50 % (chỉ tiêu từ 49,99 % trở lên).")),
        ("50", A(50.0, 100.0, OK, "Đạt: 50 % (chỉ tiêu từ 50 % trở lên).")),
        ("50,01", A(50.0, 50 / 50.01 * 100, NO, "Không đạt: 50 %, còn thiếu 0,01 % (chỉ tiêu từ 50,01 % trở lên).")),
    ],
)
def test_share_of_units_reaching_at_the_required_share(required, expected):
    results, each = units(ANTT, *FOUR)
    got = rollup(ANTT, results, method=Rollup.SHARE_REACHING, required_share=required)
    assert got == RollupResult(Rollup.SHARE_REACHING, 50.0, None, 4, 3, 2, expected, each)


def test_share_reaching_counts_each_unit_against_its_own_target():
    own = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.5, unit="%")
    results, each = units(POVERTY, ("XA01", 0.45, None, None, own), ("XA02", 0.45), ("XA03", 0.35))
    got = rollup(POVERTY, results, method="share_reaching")
    assert got == RollupResult(Rollup.SHARE_REACHING, 2 / 3 * 100, None, 3, 3, 2, None, each)
    assert each["XA01"].status is MORE and each["XA02"].status is NO


def test_share_reaching_of_no_units():
    got = rollup(ANTT, [], method=Rollup.SHARE_REACHING, required_share=50)
    assert got == RollupResult(Rollup.SHARE_REACHING, None, None, 0, 0, 0, A(None, None, NONE, "Chưa có số liệu."), {})


@pytest.mark.parametrize("method", [Rollup.SUM, Rollup.MEAN, Rollup.WEIGHTED_MEAN])
def test_no_unit_reporting_is_no_data(method):
    results, each = units(TRAINED, ("A", None, None, 5), ("B", "", 3, 5))
    got = rollup(TRAINED, results, method=method)
    assert got == RollupResult(method, None, None, 2, 0, 0, A(None, None, NONE, "Chưa có số liệu."), each)


@pytest.mark.parametrize(
    ("rows", "kwargs", "field", "given"),
    [
        ([("A", "nhiều")], {}, "Kết quả", "nhiều"),
        ([("A", 1, "hai")], {}, "Kết quả (số trong đó)", "hai"),
        ([("A", 1, None, "đông")], {"method": Rollup.WEIGHTED_MEAN}, "Trọng số", "đông"),
        ([("A", 80)], {"method": Rollup.SHARE_REACHING, "required_share": "nửa"}, "Tỷ lệ đơn vị đạt yêu cầu", "nửa"),
    ],
)
def test_rollup_names_the_field_of_a_bad_figure(rows, kwargs, field, given):
    with pytest.raises(InputError) as err:
        rollup(ANTT, [UnitResult(*r) for r in rows], **kwargs)
    assert (err.value.field, err.value.value) == (field, given)
    assert str(err.value).startswith(f"{field}: “{given}” không phải là số.")


def test_rollup_refuses_an_unknown_method():
    with pytest.raises(InputError) as err:
        rollup(TRAINED, [UnitResult("A", 1)], method="median")
    assert err.value.field == "Cách tổng hợp"


def test_rollup_result_to_dict_is_the_whole_result_in_json():
    results, _ = units(NTM, ("XA01", 3, 1), ("XA02", 2, 1))
    data = rollup(NTM, results).to_dict()
    assert data == {
        "method": "sum",
        "value": 5.0,
        "sub_value": 2.0,
        "units_counted": 2,
        "units_reporting": 2,
        "units_reaching": 0,
        "attainment": attainment(NTM, 5, 2).to_dict(),
        "unit_attainments": {"XA01": attainment(NTM, 3, 1).to_dict(), "XA02": attainment(NTM, 2, 1).to_dict()},
    }
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    share = rollup(ANTT, [UnitResult("A", 80)], method=Rollup.SHARE_REACHING).to_dict()
    assert (share["method"], share["attainment"], share["value"]) == ("share_reaching", None, 100.0)


figures = st.one_of(st.none(), st.integers(min_value=0, max_value=10**6).map(lambda n: n / 100))


@given(st.lists(st.tuples(figures, figures), max_size=8), st.randoms(use_true_random=False))
def test_sum_and_mean_are_the_figures_whatever_their_order(rows, rnd):
    results = [UnitResult(f"U{i}", v, s) for i, (v, s) in enumerate(rows)]
    reported = [v for v, _ in rows if v is not None]
    subs = [s for v, s in rows if v is not None and s is not None]
    shuffled = list(results)
    rnd.shuffle(shuffled)
    for method in (Rollup.SUM, Rollup.MEAN):
        got = rollup(NTM, results, method=method)
        again = rollup(NTM, shuffled, method=method)
        assert (got.units_counted, got.units_reporting) == (len(rows), len(reported))
        if not reported:
            assert got.value is None and got.attainment == A(None, None, NONE, "Chưa có số liệu.")
            continue
        if method is Rollup.SUM:
            assert got.value == math.fsum(reported)
            assert got.sub_value == (math.fsum(subs) if subs else None)
        else:
            assert got.value == math.fsum(reported) / len(reported)
            assert got.sub_value == (math.fsum(subs) / len(subs) if subs else None)
        assert again.value == pytest.approx(got.value) and again.units_reaching == got.units_reaching
        assert got.attainment == attainment(NTM, got.value, got.sub_value)


@given(st.lists(figures, min_size=1, max_size=8))
def test_share_reaching_is_the_share_of_listed_units_that_reach(values):
    results = [UnitResult(f"U{i}", v) for i, v in enumerate(values)]
    got = rollup(ANTT, results, method=Rollup.SHARE_REACHING)
    reaching = sum(1 for v in values if v is not None and v >= 75)
    assert got.units_reaching == reaching
    assert got.value == reaching / len(values) * 100
