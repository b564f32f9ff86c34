"""Reading directive target lists into structured targets."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tdkt_desktop.core.models import Comparator, Rollup
from tdkt_desktop.core.target_parser import (
    ProposedTarget,
    extract_target_block,
    join_broken_lines,
    parse_target,
    parse_targets,
)
from tdkt_desktop.core.targets import TargetSpec

SEED_000 = Path("/work/shared/domain/seeds/000_bc300ed0722f41ea.txt")
SEED_003 = Path("/work/shared/domain/seeds/003_e130fa088c5baf06.txt")

# Seed 000, paragraph 4's list as printed, with its page break in the middle of an item.
SEED_000_LIST = (
    "tăng trưởng kinh tế (GRDP) đạt 9,5% - 10%/năm; tổng sản phẩm trên địa bàn (GRDP) bình quân đầu "
    "người đạt 95 - 98 triệu đồng; tổng vốn đầu tư\n\nphát triển toàn xã hội đạt 43.000 tỷ đồng; tỷ lệ đô "
    "thị hóa 74%; tỷ lệ lao động qua đào tạo đạt 82%; tỷ lệ hộ nghèo còn 0,36% (theo tiêu chuẩn nghèo đa "
    "chiều giai đoạn 2022 - 2025); tỷ lệ bao phủ bảo hiểm y tế đạt 92,45%; công nhận 05 xã đạt chuẩn nông "
    "thôn mới nâng cao và 02 xã đạt nông thôn mới kiểu mẫu; tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn "
    "“an toàn về an ninh trật tự” và “3 không: không tội phạm, không ma túy, không mại dâm” đạt từ 75% "
    "trở lên."
)


def _seed(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"Seed directive {path.name} is not available in this checkout ({path}).")
    return path.read_text(encoding="utf-8")


def _check_seed_000(proposed: list[ProposedTarget]) -> None:
    assert len(proposed) == 9
    specs = [p.spec for p in proposed]
    assert all(s is not None for s in specs), [p.problems for p in proposed]
    growth, per_capita, invest, urban, trained, poverty, insurance, ntm, antt = specs
    assert growth is not None and per_capita is not None and invest is not None and urban is not None
    assert trained is not None and poverty is not None and insurance is not None
    assert ntm is not None and antt is not None

    assert (growth.comparator, growth.value, growth.value_high, growth.unit) == (
        Comparator.RANGE,
        9.5,
        10,
        "%/năm",
    )
    assert growth.measure == "Tăng trưởng kinh tế (GRDP)"

    assert (per_capita.comparator, per_capita.value, per_capita.value_high) == (Comparator.RANGE, 95, 98)
    assert per_capita.unit == "triệu đồng"
    assert per_capita.measure == "Tổng sản phẩm trên địa bàn (GRDP) bình quân đầu người"
    assert per_capita.rollup is Rollup.MEAN

    # the page break inside "tổng vốn đầu tư / phát triển toàn xã hội" is joined
    assert invest.measure == "Tổng vốn đầu tư phát triển toàn xã hội"
    assert (invest.comparator, invest.value, invest.unit) == (Comparator.AT_LEAST, 43000, "tỷ đồng")
    assert invest.rollup is Rollup.SUM

    # a bare figure: read as "from 74 % up", and flagged for review
    assert (urban.comparator, urban.value, urban.unit, urban.strict) == (Comparator.AT_LEAST, 74, "%", False)
    assert urban.measure == "Tỷ lệ đô thị hóa"
    assert proposed[3].confidence == "low"
    assert any("Không có từ so sánh" in p for p in proposed[3].problems)

    assert (trained.comparator, trained.value, trained.unit) == (Comparator.AT_LEAST, 82, "%")
    assert trained.measure == "Tỷ lệ lao động qua đào tạo"

    # "còn 0,36 %" is at most, not strict; "2022 - 2025" in the parenthesis is not a range
    assert (poverty.comparator, poverty.value, poverty.strict) == (Comparator.AT_MOST, 0.36, False)
    assert poverty.value_high is None
    assert poverty.measure.startswith("Tỷ lệ hộ nghèo")
    assert "(theo tiêu chuẩn nghèo đa chiều giai đoạn 2022 - 2025)" in poverty.measure

    assert (insurance.comparator, insurance.value) == (Comparator.AT_LEAST, 92.45)
    assert insurance.measure == "Tỷ lệ bao phủ bảo hiểm y tế"

    # "05 xã … và 02 xã …": one count with a sub-count, flagged for review
    assert (ntm.comparator, ntm.value, ntm.unit) == (Comparator.COUNT, 5, "xã")
    assert (ntm.sub_count, ntm.sub_label) == (2, "xã đạt nông thôn mới kiểu mẫu")
    assert ntm.measure == "Công nhận xã đạt chuẩn nông thôn mới nâng cao"
    assert ntm.describe() == "05 xã, trong đó 02 xã đạt nông thôn mới kiểu mẫu"
    assert proposed[7].confidence == "low"
    assert any("tách ra" in p for p in proposed[7].problems)

    # quotes with ":" and "," inside stay in one item; "3 không" is not a figure
    assert (antt.comparator, antt.value, antt.unit, antt.strict) == (Comparator.AT_LEAST, 75, "%", False)
    assert antt.measure.startswith("Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “an toàn về an ninh trật tự”")
    assert antt.measure.endswith("“3 không: không tội phạm, không ma túy, không mại dâm”")

    high = [i for i, p in enumerate(proposed) if p.confidence == "high"]
    assert high == [0, 1, 2, 4, 5, 6, 8]
    for p in proposed:
        assert (p.confidence == "high") == (not p.problems)


def test_seed_000_list_text() -> None:
    _check_seed_000(parse_targets(SEED_000_LIST))


def test_seed_000_whole_document() -> None:
    document = _seed(SEED_000)
    block = extract_target_block(document)
    assert block is not None
    assert block.startswith("tăng trưởng kinh tế (GRDP) đạt 9,5% - 10%/năm")
    assert block.endswith("đạt từ 75% trở lên.")
    assert "đầu tư phát triển toàn xã hội" in block  # page break joined
    _check_seed_000(parse_targets(block))


def test_seed_000_nfd_gives_the_same_result() -> None:
    document = _seed(SEED_000)
    nfc_result = [p.to_dict() for p in parse_targets(extract_target_block(document))]
    nfd_document = unicodedata.normalize("NFD", document)
    assert nfd_document != document
    nfd_result = [p.to_dict() for p in parse_targets(extract_target_block(nfd_document))]
    assert nfd_result == nfc_result
    nfd_list = [p.to_dict() for p in parse_targets(unicodedata.normalize("NFD", SEED_000_LIST))]
    assert nfd_list == nfc_result
    for item in nfd_result:
        assert unicodedata.is_normalized("NFC", json.dumps(item, ensure_ascii=False))


def test_document_without_a_target_list() -> None:
    # seed 003 says "các chỉ tiêu chủ yếu năm 2024." without listing them
    assert extract_target_block(_seed(SEED_003)) is None
    assert extract_target_block("") is None
    assert extract_target_block("Phấn đấu hoàn thành các chỉ tiêu được giao.") is None


def test_to_dict_is_json_safe() -> None:
    data = [p.to_dict() for p in parse_targets(SEED_000_LIST + "\ngiữ ổn định tình hình")]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data[0]["spec"]["comparator"] == "range"
    assert data[-1]["spec"] is None


# --------------------------------------------------------------------------- single examples


def _spec(text: str) -> tuple[TargetSpec, ProposedTarget]:
    proposed = parse_target(text)
    assert proposed.spec is not None, proposed.problems
    return proposed.spec, proposed


def test_poverty_below_is_strict_at_most() -> None:
    spec, proposed = _spec("Tỷ lệ hộ nghèo còn dưới 0,5%")
    assert (spec.comparator, spec.value, spec.strict, spec.unit) == (Comparator.AT_MOST, 0.5, True, "%")
    assert spec.measure == "Tỷ lệ hộ nghèo"
    assert spec.describe() == "Dưới 0,5 %"
    assert proposed.confidence == "high"


def test_per_capita_range() -> None:
    spec, _ = _spec("GRDP bình quân đầu người đạt 145 - 160 triệu đồng")
    assert (spec.comparator, spec.value, spec.value_high, spec.unit) == (
        Comparator.RANGE,
        145,
        160,
        "triệu đồng",
    )
    assert spec.measure == "GRDP bình quân đầu người"


def test_count_with_trong_do() -> None:
    spec, proposed = _spec(
        "Công nhận 24 xã đạt chuẩn nông thôn mới nâng cao, trong đó 08 xã đạt nông thôn mới kiểu mẫu"
    )
    assert (spec.comparator, spec.value, spec.unit) == (Comparator.COUNT, 24, "xã")
    assert (spec.sub_count, spec.sub_label) == (8, "xã đạt nông thôn mới kiểu mẫu")
    assert spec.measure == "Công nhận xã đạt chuẩn nông thôn mới nâng cao"
    assert proposed.confidence == "high"


def test_sub_count_larger_than_count_is_reported() -> None:
    proposed = parse_target("Công nhận 05 xã đạt chuẩn nông thôn mới, trong đó 08 xã đạt kiểu mẫu")
    assert proposed.spec is None
    assert any("không được lớn hơn" in p for p in proposed.problems)


def test_rate_per_ten_thousand() -> None:
    spec, proposed = _spec("17 bác sĩ/vạn dân")
    assert (spec.comparator, spec.value, spec.unit) == (Comparator.RATE, 17, "bác sĩ/vạn dân")
    assert spec.measure == "Số bác sĩ/vạn dân"
    assert proposed.confidence == "high"
    spec2, _ = _spec("Số giường bệnh đạt 30 giường bệnh / vạn dân")
    assert (spec2.comparator, spec2.unit) == (Comparator.RATE, "giường bệnh/vạn dân")


def test_completion() -> None:
    spec, _ = _spec("100% nhiệm vụ Đề án 06")
    assert (spec.comparator, spec.value, spec.unit) == (Comparator.COMPLETION, 100, "%")
    assert spec.measure == "Nhiệm vụ Đề án 06"  # "06" is the scheme's number, not a figure
    spec2, proposed2 = _spec("hoàn thành 100% nhiệm vụ Đề án 06")
    assert spec2 == spec and proposed2.confidence == "high"
    spec3, _ = _spec("Hoàn thành 95% kế hoạch tiêm chủng mở rộng")
    assert (spec3.comparator, spec3.value) == (Comparator.COMPLETION, 95)


def test_not_more_than_and_at_least_without_a_name() -> None:
    spec, proposed = _spec("không quá 3%")
    assert (spec.comparator, spec.value, spec.strict) == (Comparator.AT_MOST, 3, False)
    assert proposed.confidence == "low" and any("tên chỉ tiêu" in p for p in proposed.problems)
    spec2, _ = _spec("tối thiểu 90%")
    assert (spec2.comparator, spec2.value, spec2.strict) == (Comparator.AT_LEAST, 90, False)


def test_strict_at_least_and_trailing_qualifiers() -> None:
    spec, _ = _spec("Thu nhập bình quân đầu người trên 60 triệu đồng")
    assert (spec.comparator, spec.strict, spec.value) == (Comparator.AT_LEAST, True, 60)
    spec2, _ = _spec("Tỷ lệ tội phạm 5% trở xuống")
    assert (spec2.comparator, spec2.strict) == (Comparator.AT_MOST, False)
    spec3, _ = _spec("Tỷ lệ trường đạt chuẩn quốc gia 80% trở lên")
    assert (spec3.comparator, spec3.strict, spec3.value) == (Comparator.AT_LEAST, False, 80)


def test_no_number_is_not_understood() -> None:
    proposed = parse_target("giữ ổn định tình hình an ninh chính trị, trật tự an toàn xã hội")
    assert proposed.spec is None
    assert proposed.confidence == "low"
    assert proposed.problems[0].startswith("Không nhận ra giá trị chỉ tiêu trong: “giữ ổn định")


def test_years_and_references_are_not_values() -> None:
    proposed = parse_target("thực hiện Nghị quyết số 17/NQ-HĐND giai đoạn 2021 - 2025")
    assert proposed.spec is None


def test_bare_lower_is_better_figure_is_at_most_and_flagged() -> None:
    spec, proposed = _spec("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng 8%")
    assert (spec.comparator, spec.value) == (Comparator.AT_MOST, 8)
    assert proposed.confidence == "low"


def test_extra_figures_are_reported() -> None:
    proposed = parse_target("Tỷ lệ A đạt 50%, tỷ lệ B đạt 60%")
    assert proposed.spec is not None and proposed.spec.value == 50
    assert proposed.confidence == "low"
    assert any("60%" in p for p in proposed.problems)


# --------------------------------------------------------------------------- lists


def test_bulleted_list_one_per_line() -> None:
    text = (
        "Các chỉ tiêu chủ yếu:\n"
        "- Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5 - 8%/năm;\n"
        "+ Tỷ lệ hộ nghèo còn dưới 0,5%;\n"
        "• Có 17 bác sĩ/vạn dân;\n"
        "a) Hoàn thành 100% nhiệm vụ Đề án 06.\n"
        "1. Giữ ổn định tình hình an ninh chính trị.\n"
        "2. Tỷ lệ xã đạt chuẩn “an toàn về an ninh trật tự” từ 75% trở lên"
    )
    proposed = parse_targets(text)
    assert [p.spec.comparator if p.spec else None for p in proposed] == [
        Comparator.RANGE,
        Comparator.AT_MOST,
        Comparator.RATE,
        Comparator.COMPLETION,
        None,
        Comparator.AT_LEAST,
    ]
    assert proposed[0].source_text == "Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5 - 8%/năm"
    assert proposed[4].problems[0].startswith("Không nhận ra giá trị chỉ tiêu")


def test_lowercase_items_one_per_line_are_not_joined() -> None:
    proposed = parse_targets("tỷ lệ lao động qua đào tạo đạt 82%\ntỷ lệ bao phủ bảo hiểm y tế đạt 92,45%")
    assert [p.spec.value for p in proposed if p.spec] == [82, 92.45]


def test_join_broken_lines() -> None:
    assert (
        join_broken_lines("tổng vốn đầu tư\n\nphát triển toàn xã hội")
        == "tổng vốn đầu tư phát triển toàn xã hội"
    )
    assert join_broken_lines("Điều 1.\n\nĐiều 2.") == "Điều 1.\n\nĐiều 2."
    assert join_broken_lines("đạt 95 - 98 triệu\n\nđồng; tỷ lệ") == "đạt 95 - 98 triệu đồng; tỷ lệ"
    assert join_broken_lines("- mục một 5%\n- mục hai 6%") == "- mục một 5%\n- mục hai 6%"


def test_extract_bulleted_block() -> None:
    document = (
        "Mở đầu.\n\nPhấn đấu đạt các chỉ tiêu cụ thể sau:\n\n- Tỷ lệ hộ nghèo còn 2%;\n"
        "- Tỷ lệ lao động qua đào tạo đạt 70%.\n\n2. Nhiệm vụ khác."
    )
    block = extract_target_block(document)
    assert block == "- Tỷ lệ hộ nghèo còn 2%;\n- Tỷ lệ lao động qua đào tạo đạt 70%."
    assert [p.spec.comparator for p in parse_targets(block) if p.spec] == [
        Comparator.AT_MOST,
        Comparator.AT_LEAST,
    ]


def test_empty_input() -> None:
    assert parse_targets("") == []
    assert parse_targets(None) == []
    assert parse_targets(" ; \n ;") == []
