"""Targets: specs, validation, attainment of every comparator, and roll-ups over units.

Figures come from the seed directives (Cần Thơ 2023: GRDP 9,5 – 10 %/năm, hộ nghèo còn 0,36 %,
05 xã nông thôn mới nâng cao, ANTT từ 75 % trở lên…).
"""

from __future__ import annotations

import json

import pytest

from tdkt_desktop.core.models import AttainmentStatus, Comparator, Rollup
from tdkt_desktop.core.targets import (
    TargetSpec,
    UnitResult,
    attainment,
    default_rollup,
    rollup,
)
from tdkt_desktop.core.text import InputError

S = AttainmentStatus

GROWTH = TargetSpec("Tăng trưởng kinh tế (GRDP)", Comparator.RANGE, 9.5, 10, unit="%/năm")
POVERTY = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.36, unit="%")
POVERTY_STRICT = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.5, unit="%", strict=True)
TRAINED = TargetSpec("Tỷ lệ lao động qua đào tạo", Comparator.AT_LEAST, 82, unit="%")
ANTT = TargetSpec("Tỷ lệ xã đạt tiêu chuẩn an toàn về an ninh trật tự", Comparator.AT_LEAST, 75, unit="%")
NTM = TargetSpec(
    "Công nhận xã đạt chuẩn nông thôn mới nâng cao",
    Comparator.COUNT,
    5,
    unit="xã",
    sub_count=2,
    sub_label="xã đạt nông thôn mới kiểu mẫu",
)
DOCTORS = TargetSpec("Số bác sĩ/vạn dân", Comparator.RATE, 17, unit="bác sĩ/vạn dân")
DEAN06 = TargetSpec("Nhiệm vụ Đề án 06", Comparator.COMPLETION)
INVEST = TargetSpec("Tổng vốn đầu tư phát triển toàn xã hội", Comparator.AT_LEAST, 43000, unit="tỷ đồng")


# --------------------------------------------------------------------------- spec


def test_describe_reads_as_vietnamese() -> None:
    assert ANTT.describe() == "Từ 75 % trở lên"
    assert POVERTY_STRICT.describe() == "Dưới 0,5 %"
    assert POVERTY.describe() == "Không quá 0,36 %"
    assert GROWTH.describe() == "9,5 – 10 %/năm"
    assert NTM.describe() == "05 xã, trong đó 02 xã đạt nông thôn mới kiểu mẫu"
    assert INVEST.describe() == "Từ 43.000 tỷ đồng trở lên"
    assert DOCTORS.describe() == "Từ 17 bác sĩ/vạn dân trở lên"
    assert DEAN06.describe() == "Hoàn thành 100 %"
    assert TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 80, unit="%", strict=True).describe() == "Trên 80 %"
    assert TargetSpec("Tỷ lệ", Comparator.EXACT, 74, unit="%").describe() == "Đúng 74 %"
    assert TargetSpec("Số xã", Comparator.COUNT, 24, unit="xã").describe() == "24 xã"
    assert POVERTY.label() == "Tỷ lệ hộ nghèo: Không quá 0,36 %"


def test_completion_defaults_to_100_percent() -> None:
    assert DEAN06.value == 100
    assert DEAN06.unit == "%"
    DEAN06.validate()


def test_default_rollups() -> None:
    assert NTM.rollup is Rollup.SUM
    assert INVEST.rollup is Rollup.SUM
    assert ANTT.rollup is Rollup.MEAN
    assert GROWTH.rollup is Rollup.MEAN
    assert DOCTORS.rollup is Rollup.MEAN
    assert DEAN06.rollup is Rollup.MEAN
    per_capita = TargetSpec("GRDP bình quân đầu người", Comparator.RANGE, 95, 98, unit="triệu đồng")
    assert per_capita.rollup is Rollup.MEAN
    assert default_rollup(Comparator.AT_LEAST, "ha", "Diện tích trồng rừng mới") is Rollup.SUM
    explicit = TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 75, unit="%", rollup=Rollup.SHARE_REACHING)
    assert explicit.rollup is Rollup.SHARE_REACHING


def test_to_dict_from_dict_round_trip_is_json_safe() -> None:
    for spec in (GROWTH, POVERTY_STRICT, NTM, DOCTORS, DEAN06, INVEST):
        data = spec.to_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        assert isinstance(data["comparator"], str) and type(data["comparator"]) is str
        assert type(data["rollup"]) is str
        assert TargetSpec.from_dict(data) == spec
    assert NTM.to_dict()["comparator"] == "count"
    assert NTM.to_dict()["sub_count"] == 2


def test_from_dict_accepts_vietnamese_numbers_and_rejects_unknown_comparator() -> None:
    spec = TargetSpec.from_dict(
        {"measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": "0,36", "unit": "%"}
    )
    assert spec.value == pytest.approx(0.36)
    with pytest.raises(InputError, match="không hợp lệ"):
        TargetSpec.from_dict({"measure": "X", "comparator": "nhiều hơn", "value": 1})
    with pytest.raises(InputError, match="cách so sánh"):
        TargetSpec.from_dict({"measure": "X", "value": 1})


def test_spec_text_is_nfc() -> None:
    import unicodedata

    spec = TargetSpec(unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo"), Comparator.AT_MOST, 0.36, unit="%")
    assert spec.measure == "Tỷ lệ hộ nghèo"


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (TargetSpec("GRDP", Comparator.RANGE, 9.5, None, unit="%"), "hai giá trị"),
        (TargetSpec("GRDP", Comparator.RANGE, 10, 9.5, unit="%"), "Cận dưới"),
        (
            TargetSpec("Xã NTM", Comparator.COUNT, 5, unit="xã", sub_count=8, sub_label="xã kiểu mẫu"),
            "không được lớn hơn",
        ),
        (TargetSpec("Tỷ lệ", Comparator.AT_LEAST, None, unit="%"), "Chưa nhập giá trị"),
        (TargetSpec("Tỷ lệ", Comparator.AT_MOST, None, unit="%"), "Chưa nhập giá trị"),
        (TargetSpec("Tỷ lệ", Comparator.EXACT, None, unit="%"), "Chưa nhập giá trị"),
        (TargetSpec("Bác sĩ", Comparator.RATE, None, unit="bác sĩ/vạn dân"), "tỷ suất"),
        (TargetSpec("Xã NTM", Comparator.COUNT, None, unit="xã"), "số lượng"),
        (TargetSpec("", Comparator.AT_LEAST, 5, unit="%"), "tên chỉ tiêu"),
        (TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 5, unit="%", sub_count=1), "số lượng mới có"),
    ],
)
def test_validation_errors_are_vietnamese(spec: TargetSpec, message: str) -> None:
    with pytest.raises(InputError, match=message):
        spec.validate()


def test_valid_specs_pass() -> None:
    for spec in (GROWTH, POVERTY, POVERTY_STRICT, TRAINED, NTM, DOCTORS, DEAN06, INVEST):
        assert spec.validate() is spec
    TargetSpec("", Comparator.AT_MOST, 3, unit="%").validate(require_measure=False)
    TargetSpec("Xã NTM", Comparator.COUNT, 24, unit="xã", sub_count=24, sub_label="xã kiểu mẫu").validate()


def test_bad_number_in_spec_is_an_input_error() -> None:
    with pytest.raises(InputError):
        TargetSpec("Tỷ lệ", Comparator.AT_LEAST, "bảy mươi", unit="%")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- attainment


def test_no_value_is_no_data_for_every_comparator() -> None:
    for spec in (GROWTH, POVERTY, TRAINED, NTM, DOCTORS, DEAN06):
        result = attainment(spec, None)
        assert result.status is S.NO_DATA
        assert result.percent is None
        assert result.note == "Chưa có số liệu."


def test_at_least() -> None:
    reached = attainment(TRAINED, 82)
    assert reached.status is S.REACHED and reached.percent == pytest.approx(100)
    exceeded = attainment(TRAINED, "83,5")
    assert exceeded.status is S.EXCEEDED and exceeded.percent == pytest.approx(83.5 / 82 * 100)
    short = attainment(TRAINED, 80)
    assert short.status is S.NOT_REACHED
    assert "còn thiếu 2 %" in short.note
    # floating-point noise does not make 82 fall short
    assert attainment(TRAINED, 0.82 * 100).status is S.REACHED


def test_at_least_strict_needs_more_than_the_target() -> None:
    above = TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 80, unit="%", strict=True)
    assert attainment(above, 80).status is S.NOT_REACHED
    assert attainment(above, 80.1).status is S.EXCEEDED


def test_at_most_poverty_rate() -> None:
    worse = attainment(POVERTY, "0,40")
    assert worse.status is S.NOT_REACHED
    assert worse.percent == pytest.approx(0.36 / 0.40 * 100)  # 90 %: target / result
    assert "cao hơn mức chỉ tiêu 0,04 %" in worse.note
    equal = attainment(POVERTY, 0.36)
    assert equal.status is S.REACHED and equal.percent == pytest.approx(100)
    better = attainment(POVERTY, 0.30)
    assert better.status is S.EXCEEDED and better.percent == pytest.approx(120)
    zero = attainment(POVERTY, 0)
    assert zero.status is S.EXCEEDED and zero.percent is None


def test_at_most_strict_equal_is_not_reached() -> None:
    assert attainment(POVERTY_STRICT, 0.5).status is S.NOT_REACHED
    assert attainment(POVERTY_STRICT, 0.49).status is S.EXCEEDED
    assert attainment(POVERTY_STRICT, 0.6).status is S.NOT_REACHED


def test_range_growth_against_9_5_to_10() -> None:
    within = attainment(GROWTH, "9,7")
    assert within.status is S.REACHED
    assert within.percent == pytest.approx(9.7 / 9.5 * 100)  # against the low bound
    assert "trong khoảng" in within.note
    assert attainment(GROWTH, 9.5).status is S.REACHED
    assert attainment(GROWTH, 10).status is S.REACHED
    assert attainment(GROWTH, 9.0).status is S.NOT_REACHED
    assert attainment(GROWTH, 10.5).status is S.EXCEEDED


def test_exact_within_tolerance() -> None:
    spec = TargetSpec("Tỷ lệ đô thị hóa", Comparator.EXACT, 74, unit="%")
    assert attainment(spec, 74).status is S.REACHED
    assert attainment(spec, 74 + 1e-8).status is S.REACHED
    assert attainment(spec, 74.5).status is S.NOT_REACHED
    assert attainment(spec, 73.6, tolerance=0.5).status is S.REACHED


def test_count_with_sub_count() -> None:
    assert attainment(NTM, 5, 2).status is S.REACHED
    assert attainment(NTM, 6, 2).status is S.EXCEEDED
    assert attainment(NTM, 5, 3).status is S.EXCEEDED
    short_main = attainment(NTM, 4, 2)
    assert short_main.status is S.NOT_REACHED and "xã: mới có 04/05" in short_main.note
    missing_sub = attainment(NTM, 5)
    assert missing_sub.status is S.NOT_REACHED
    assert "xã đạt nông thôn mới kiểu mẫu: chưa có số liệu" in missing_sub.note
    short_sub = attainment(NTM, 6, 1)
    assert short_sub.status is S.NOT_REACHED
    assert "xã đạt nông thôn mới kiểu mẫu: mới có 01/02" in short_sub.note
    plain = TargetSpec("Số xã", Comparator.COUNT, 24, unit="xã")
    assert attainment(plain, 24).status is S.REACHED
    assert attainment(plain, 25).status is S.EXCEEDED
    assert attainment(plain, 23).percent == pytest.approx(23 / 24 * 100)


def test_rate_is_like_at_least() -> None:
    assert attainment(DOCTORS, 17).status is S.REACHED
    assert attainment(DOCTORS, "17,2").status is S.EXCEEDED
    assert attainment(DOCTORS, 15).status is S.NOT_REACHED


def test_completion() -> None:
    done = attainment(DEAN06, 100)
    assert done.status is S.REACHED and done.percent == pytest.approx(100)
    assert attainment(DEAN06, 105).status is S.REACHED
    assert attainment(DEAN06, 95).status is S.NOT_REACHED
    ninety = TargetSpec("Kế hoạch tiêm chủng", Comparator.COMPLETION, 90)
    assert attainment(ninety, 92).status is S.REACHED


def test_attainment_to_dict_is_json_safe() -> None:
    data = attainment(POVERTY, 0.40).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["status"] == "not_reached"


def test_bad_result_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        attainment(TRAINED, "tám mươi")


# --------------------------------------------------------------------------- roll-ups


def test_sum_of_units_counts() -> None:
    results = [
        UnitResult("XA01", 2, 1),
        UnitResult("XA02", 1, 0),
        UnitResult("XA03", 2, 1),
        UnitResult("XA04", None),
    ]
    combined = rollup(NTM, results)
    assert combined.method is Rollup.SUM
    assert combined.value == 5 and combined.sub_value == 2
    assert combined.units_counted == 4 and combined.units_reporting == 3
    assert combined.attainment is not None and combined.attainment.status is S.REACHED
    assert combined.unit_attainments["XA04"].status is S.NO_DATA


def test_sum_of_money() -> None:
    results = [UnitResult("Q1", 20000), UnitResult("Q2", "15.500"), UnitResult("Q3", 8000)]
    combined = rollup(INVEST, results)
    assert combined.value == 43500
    assert combined.attainment is not None and combined.attainment.status is S.EXCEEDED


def test_mean_of_percentages() -> None:
    results = [UnitResult("Q1", 9.2), UnitResult("Q2", 10.2), UnitResult("Q3", None)]
    combined = rollup(GROWTH, results)
    assert combined.method is Rollup.MEAN
    assert combined.value == pytest.approx(9.7)
    assert combined.units_reporting == 2
    assert combined.attainment is not None and combined.attainment.status is S.REACHED


def test_weighted_mean_needs_weights() -> None:
    results = [UnitResult("Q1", 0.30, weight=1000), UnitResult("Q2", 0.60, weight=3000)]
    combined = rollup(POVERTY, results, method=Rollup.WEIGHTED_MEAN)
    assert combined.value == pytest.approx((0.30 * 1000 + 0.60 * 3000) / 4000)
    assert combined.attainment is not None and combined.attainment.status is S.NOT_REACHED
    with pytest.raises(InputError, match="Q2"):
        rollup(POVERTY, [UnitResult("Q1", 0.3, weight=10), UnitResult("Q2", 0.4)], method="weighted_mean")
    with pytest.raises(InputError, match="bằng 0"):
        rollup(POVERTY, [UnitResult("Q1", 0.3, weight=0)], method=Rollup.WEIGHTED_MEAN)
    with pytest.raises(InputError, match="âm"):
        rollup(POVERTY, [UnitResult("Q1", 0.3, weight=-1)], method=Rollup.WEIGHTED_MEAN)


def test_share_of_units_reaching_75_percent_antt() -> None:
    results = [
        UnitResult("XA01", 80),
        UnitResult("XA02", 75),
        UnitResult("XA03", "70,5"),
        UnitResult("XA04", None),  # not reported: counted, not reaching
    ]
    combined = rollup(ANTT, results, method=Rollup.SHARE_REACHING)
    assert combined.value == pytest.approx(50)
    assert (combined.units_counted, combined.units_reporting, combined.units_reaching) == (4, 3, 2)
    assert combined.attainment is None
    required = rollup(ANTT, results, method=Rollup.SHARE_REACHING, required_share=60)
    assert required.attainment is not None and required.attainment.status is S.NOT_REACHED
    enough = rollup(ANTT, results, method=Rollup.SHARE_REACHING, required_share="50")
    assert enough.attainment is not None and enough.attainment.status is S.REACHED


def test_units_reaching_uses_a_unit_own_target() -> None:
    own = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.5, unit="%")
    results = [UnitResult("XA01", 0.45, target=own), UnitResult("XA02", 0.35)]
    combined = rollup(POVERTY, results, method=Rollup.SHARE_REACHING)
    assert combined.units_reaching == 2
    assert combined.value == pytest.approx(100)


def test_rollup_without_reports() -> None:
    combined = rollup(TRAINED, [UnitResult("XA01", None)])
    assert combined.value is None
    assert combined.attainment is not None and combined.attainment.status is S.NO_DATA
    empty = rollup(ANTT, [], method=Rollup.SHARE_REACHING)
    assert empty.value is None and empty.units_counted == 0


def test_rollup_result_to_dict_is_json_safe() -> None:
    data = rollup(NTM, [UnitResult("XA01", 3, 1), UnitResult("XA02", 2, 1)]).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["method"] == "sum" and data["attainment"]["status"] == "reached"


def test_from_row_reads_a_targets_row_as_its_comparator_does() -> None:
    stored = {"id": "x", "measure": "Tỷ lệ hộ nghèo", "comparator": "at_most", "value": "0,5", "value_high": 9,
              "unit": "%", "sub_count": 3, "sub_label": "hộ", "strict": 1, "rollup": None, "assigned_unit": None}
    spec = TargetSpec.from_row(stored)
    # the upper bound and the "trong đó" figure mean nothing to "at most": left out, as shown and compared
    assert (spec.value, spec.value_high, spec.sub_count, spec.sub_label, spec.strict) == (0.5, None, None, "", True)
    assert spec.describe() == "Dưới 0,5 %"
    count = TargetSpec.from_row({"measure": "Tuyến đường", "comparator": "count", "value": 6, "unit": "tuyến",
                                 "sub_count": "2", "sub_label": "tuyến kiểu mẫu", "strict": 1})
    assert (count.sub_count, count.strict) == (2, False)  # "strict" means nothing to a count
    band = TargetSpec.from_row({"measure": "Tăng trưởng", "comparator": "range", "value": "9,5", "value_high": "10"})
    assert band.describe() == "9,5 – 10"
    with pytest.raises(InputError, match="Cách so sánh"):
        TargetSpec.from_row({"measure": "X", "comparator": "nhiều hơn", "value": 1})
    with pytest.raises(InputError, match="Giá trị"):
        TargetSpec.from_row({"measure": "X", "comparator": "at_least", "value": "bảy"})
