"""Targets of a multi-year plan (2021–2025): each year's figure, the figure to date (summed for counts and
quantities, the latest for levels) and the verdict at the end of the window, progress before; targets and
their "trong đó" details in outline. Limits: no result, one year, a gap year, a reduction target, halves."""

from __future__ import annotations

import pytest

from tdkt_desktop.core.models import AttainmentStatus, Comparator, Rollup
from tdkt_desktop.core.targets import (
    TargetSpec,
    cumulative,
    indented,
    outline,
    summed_over_years,
    window_attainment,
)
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store.consolidation import cumulative_label
from tdkt_desktop.store.results import cumulative_results, results_sheet, save_results

S = AttainmentStatus
W = (2021, 2025)
ROAD = TargetSpec("Xây dựng đường giao thông nông thôn", Comparator.AT_LEAST, 50, unit="km")
COVER = TargetSpec("Tỷ lệ bao phủ bảo hiểm y tế", Comparator.AT_LEAST, 95, unit="%")
POOR = TargetSpec("Tỷ lệ hộ nghèo", Comparator.AT_MOST, 0.36, unit="%")
HOUSES = TargetSpec("Xóa nhà tạm", Comparator.COUNT, 100, unit="căn", sub_count=40, sub_label="hộ chính sách")


def test_what_adds_up_over_the_years_follows_the_roll_up() -> None:
    assert summed_over_years(ROAD) and summed_over_years(HOUSES)
    assert not summed_over_years(COVER) and not summed_over_years(POOR)
    # the roll-up chosen by hand decides: an amount averaged across units is a level over the years too
    assert not summed_over_years(TargetSpec("Thu nhập", Comparator.AT_LEAST, 70, unit="triệu đồng", rollup=Rollup.MEAN))
    assert summed_over_years(TargetSpec("Tỷ lệ", Comparator.AT_LEAST, 5, unit="%", rollup=Rollup.SUM))


def test_no_result_at_all_is_no_data_before_and_at_the_end() -> None:
    for period in ("2021-H1", "2023", "2025"):
        c = cumulative(ROAD, {}, period, W)
        assert (c.value, c.sub_value, c.attainment.status) == (None, None, S.NO_DATA)
        assert all(y.value is None and y.periods == () for y in c.years)
    assert [y.year for y in cumulative(ROAD, {}, "2023", W).years] == [2021, 2022, 2023]


def test_one_year_reported_counts_alone_and_is_progress_until_the_window_ends() -> None:
    c = cumulative(ROAD, {"2022": (12.5, None)}, "2023", W)
    assert c.value == 12.5 and c.multi_year and not c.final
    assert c.attainment.status is S.IN_PROGRESS and c.attainment.percent == pytest.approx(25)
    assert "lũy kế đến hết năm 2023 là 12,5 km" in c.attainment.note and "kết thúc năm 2025" in c.attainment.note
    # exceeding the whole-window figure early is still progress: judged at the end
    assert cumulative(ROAD, {"2021": (60, None)}, "2022", W).attainment.status is S.IN_PROGRESS


def test_counts_are_summed_and_judged_on_the_sum_at_the_end() -> None:
    figures = {"2021": (10, None), "2022": (12, None), "2023": (9, None), "2024": (8, None), "2025": (11, None)}
    c = cumulative(ROAD, figures, "2025", W)
    assert c.final and c.value == 50 and c.attainment.status is S.REACHED
    assert [y.value for y in c.years] == [10, 12, 9, 8, 11]
    assert c.attainment.note.startswith("Giai đoạn 2021–2025 (cộng dồn các năm) — Đạt")
    short = cumulative(ROAD, {**figures, "2025": (10.5, None)}, "2025", W)
    assert (short.value, short.attainment.status) == (49.5, S.NOT_REACHED)
    # each year's figure to date only: 2023 reads 2021–2023
    assert cumulative(ROAD, figures, "2023", W).value == 31


def test_a_gap_year_adds_nothing_to_a_sum_and_leaves_the_last_level_standing() -> None:
    c = cumulative(ROAD, {"2021": (10, None), "2023": (9, None)}, "2024", W)
    assert c.value == 19 and [y.value for y in c.years] == [10, None, 9, None]
    level = cumulative(COVER, {"2021": (90.1, None), "2022": (92.4, None)}, "2024", W)
    assert level.value == 92.4 and level.years[-1].value is None
    assert level.years[1].periods == ("2022",)


def test_percentages_take_the_latest_year_not_the_sum() -> None:
    figures = {"2021": (91, None), "2022": (93, None), "2023": (94, None), "2024": (94.5, None), "2025": (95.2, None)}
    c = cumulative(COVER, figures, "2025", W)
    assert (c.value, c.attainment.status) == (95.2, S.EXCEEDED)
    assert c.attainment.note.startswith("Giai đoạn 2021–2025 (số liệu mới nhất) — Vượt: 95,2 %")
    assert cumulative(COVER, {**figures, "2025": (94.9, None)}, "2025", W).attainment.status is S.NOT_REACHED
    mid = cumulative(COVER, figures, "2023", W)
    assert mid.value == 94 and mid.attainment.status is S.IN_PROGRESS and "số liệu mới nhất" in mid.attainment.note


def test_a_reduction_target_is_judged_on_its_last_level() -> None:
    figures = {"2021": (1.2, None), "2022": (0.9, None), "2023": (0.6, None), "2024": (0.45, None)}
    assert cumulative(POOR, figures, "2024", W).attainment.status is S.IN_PROGRESS
    assert cumulative(POOR, {**figures, "2025": (0.3, None)}, "2025", W).attainment.status is S.EXCEEDED
    assert cumulative(POOR, {**figures, "2025": (0.36, None)}, "2025", W).attainment.status is S.REACHED
    # the level went back up in the last year: the sum of the years (3,55 %) is never what is compared
    worse = cumulative(POOR, {**figures, "2025": (0.5, None)}, "2025", W)
    assert (worse.value, worse.attainment.status) == (0.5, S.NOT_REACHED)
    # a reduction counted in units adds up: "giảm 500 hộ nghèo" with no more than 200 in the worst case
    fewer = TargetSpec("Số vụ cháy", Comparator.AT_MOST, 20, unit="vụ")
    assert cumulative(fewer, {"2021": (5, None), "2022": (6, None)}, "2025", W).attainment.status is S.EXCEEDED
    assert cumulative(fewer, {str(y): (5, None) for y in range(2021, 2026)}, "2025", W).attainment.status is S.NOT_REACHED


def test_halves_of_a_year_and_the_mid_term_review() -> None:
    # mid-term review 2023-H1: the years before, then the first half of 2023 only
    figures = {"2021": (10, None), "2022": (12, None), "2023-H1": (4, None), "2023": (9, None)}
    mid = cumulative(ROAD, figures, "2023-H1", W)
    assert mid.value == 26 and mid.years[-1].periods == ("2023-H1",)
    # the whole year's figure covers its halves
    assert cumulative(ROAD, figures, "2023", W).value == 31
    assert cumulative(ROAD, figures, "2023-H2", W).value == 31
    # with no whole-year figure the halves make the year: summed for a quantity, the later for a level
    halves = {"2024-H1": (3, None), "2024-H2": (4, None)}
    assert cumulative(ROAD, halves, "2024", W).years[-1].value == 7
    assert cumulative(COVER, {"2024-H1": (93, None), "2024-H2": (94, None)}, "2024", W).value == 94
    # the last year's first half does not close the window
    assert not cumulative(ROAD, {"2025-H1": (60, None)}, "2025-H1", W).final


def test_of_which_figures_add_up_with_their_count() -> None:
    figures = {"2021": (30, 10), "2022": (40, None), "2023": (35, 20)}
    c = cumulative(HOUSES, figures, "2025", W)
    assert (c.value, c.sub_value, c.attainment.status) == (105, 30, S.NOT_REACHED)
    assert "hộ chính sách" in c.attainment.note


def test_periods_outside_the_window_are_not_read_and_after_it_the_verdict_stands() -> None:
    figures = {"2020": (99, None), "2021": (10, None), "2025": (40, None), "2026": (99, None)}
    assert cumulative(ROAD, figures, "2025", W).value == 50
    after = cumulative(ROAD, figures, "2026", W)
    assert after.final and after.value == 50 and [y.year for y in after.years][-1] == 2025
    assert cumulative_label("2026", W) == "Lũy kế cả giai đoạn 2021–2025"
    assert cumulative_label("2023-H1", W) == "Lũy kế đến hết 6 tháng đầu năm 2023 (giai đoạn 2021–2025)"
    assert cumulative_label("2026-H1", (2026, 2026)) == cumulative_label("2026-H1", None) == "6 tháng đầu năm 2026"


def test_a_single_year_campaign_is_judged_on_the_periods_own_figure() -> None:
    for window in ((2026, 2026), None):
        c = cumulative(ROAD, {"2026-H1": (20, None), "2026": (52, None)}, "2026-H1", window)
        assert (c.value, c.years, c.final, c.multi_year) == (20, [], True, False)
        assert c.attainment.status is S.NOT_REACHED  # as always: the half compared with the target
    assert window_attainment(ROAD, 52, None, period="2026", window=(2026, 2026)).status is S.EXCEEDED


def test_outline_puts_details_under_their_target() -> None:
    rows = [
        {"id": "a", "measure": "Tỷ lệ dân số tham gia bảo hiểm y tế"},
        {"id": "b", "measure": "Nhà văn hóa"},
        {"id": "a2", "measure": "Nông thôn", "parent_target_id": "a"},
        {"id": "a1", "measure": "Đô thị", "parent_target_id": "a"},
        {"id": "x", "measure": "Lạc", "parent_target_id": "gone"},
        {"id": "l1", "measure": "Vòng 1", "parent_target_id": "l2"},
        {"id": "l2", "measure": "Vòng 2", "parent_target_id": "l1"},
        {"id": "a1a", "measure": "Khu 1", "parent_target_id": "a1"},
    ]
    got = [(t["id"], depth) for t, depth in outline(rows)]
    assert got == [("a", 0), ("a2", 1), ("a1", 1), ("a1a", 2), ("b", 0), ("x", 0), ("l1", 0), ("l2", 1)]
    assert indented("Đô thị", 1) == "↳ Đô thị" and indented("Khu 1", 2) == "    ↳ Khu 1" and indented("A", 0) == "A"


# --------------------------------------------------------------------------- through the store


@pytest.fixture
def plan(store):
    camp = store.insert("campaigns", {"name": "Kế hoạch phát triển giai đoạn 2021–2025", "campaign_type": "regular",
                                      "year": 2021, "start_date": "2021-01-01", "end_date": "2025-12-31"})
    road = store.insert("targets", {"campaign_id": camp["id"], "seq": 1, "measure": "Đường giao thông nông thôn",
                                    "comparator": "at_least", "value": 50, "unit": "km"})
    cover = store.insert("targets", {"campaign_id": camp["id"], "seq": 2, "measure": "Bao phủ bảo hiểm y tế",
                                     "comparator": "at_least", "value": 95, "unit": "%",
                                     "rollup": "mean"})
    urban = store.insert("targets", {"campaign_id": camp["id"], "seq": 3, "measure": "Khu vực đô thị",
                                     "comparator": "at_least", "value": 100, "unit": "%",
                                     "rollup": "mean", "parent_target_id": cover["id"]})
    return store, camp, road, cover, urban


def test_the_store_reads_every_year_of_the_window_for_the_cumulative(plan) -> None:
    store, camp, road, cover, urban = plan
    for period, km, pct in (("2021", 10, 91), ("2022", 12, 93), ("2023-H1", 4, None), ("2024", 15, 94.5)):
        save_results(store, campaign_id=camp["id"], period=period, unit_code="31147",
                     results=[{"target_id": road["id"], "value": km}]
                     + ([{"target_id": cover["id"], "value": pct}] if pct else []))
    got = cumulative_results(store, camp["id"], "2024", unit_codes=["31147"])
    assert got[(road["id"], "31147")].value == 41  # 2023 has only its first half: 4 km
    assert got[(cover["id"], "31147")].value == 94.5
    assert got[(urban["id"], "31147")].attainment.status is S.NO_DATA
    assert got[(road["id"], "31147")].attainment.status is S.IN_PROGRESS
    sheet = results_sheet(store, campaign_id=camp["id"], period="2024", unit_code="31147")
    assert sheet["window"] == (2021, 2025)
    assert [(t["id"], t["depth"]) for t in sheet["targets"]] == [(road["id"], 0), (cover["id"], 0), (urban["id"], 1)]
    assert sheet["history"][road["id"]] == {"2021": (10, None), "2022": (12, None), "2023-H1": (4, None),
                                            "2024": (15, None)}
    # a period outside the plan's years cannot be entered
    with pytest.raises(InputError, match="ngoài thời gian"):
        save_results(store, campaign_id=camp["id"], period="2026", unit_code="31147",
                     results=[{"target_id": road["id"], "value": 1}])


def test_the_printed_plan_and_review_report_list_sub_targets_under_their_target(plan) -> None:
    from tdkt_desktop.printing import records

    store, camp, road, _cover, urban = plan
    store.insert("officials", {"unit_code": "31147", "full_name": "Nguyễn Văn An", "title": "Chủ tịch", "sort_order": 1})
    plan_context = records.build_context(store, "ke_hoach_phat_dong", camp["id"])
    assert [t["name"] for t in plan_context["targets"]] == [
        "Đường giao thông nông thôn", "Bao phủ bảo hiểm y tế", "↳ Khu vực đô thị"]
    save_results(store, campaign_id=camp["id"], period="2023", unit_code="31147",
                 results=[{"target_id": road["id"], "value": 20}, {"target_id": urban["id"], "value": 99}])
    report = records.build_context(store, "bao_cao_ket_qua", camp["id"], period="2023")
    rows = {r["name"]: r for r in report["targets"]}
    assert set(rows) == {"Đường giao thông nông thôn", "Bao phủ bảo hiểm y tế", "↳ Khu vực đô thị"}
    assert rows["Đường giao thông nông thôn"]["status"] == "Đang thực hiện"
    assert rows["↳ Khu vực đô thị"]["achieved"] == "99 %"


def test_the_results_and_targets_lists_in_excel_give_parts_under_their_target_and_the_figure_to_date(
        plan, tmp_path) -> None:
    from openpyxl import load_workbook

    from tdkt_desktop.excel.export import HEADER_ROW, export_view

    store, camp, road, _cover, urban = plan
    for period, km, pct in (("2021", 10, 99), ("2022", 12.5, 99.5)):
        save_results(store, campaign_id=camp["id"], period=period, unit_code="31147",
                     results=[{"target_id": road["id"], "value": km}, {"target_id": urban["id"], "value": pct}])
    export_view(store, "results", tmp_path / "kq.xlsx", campaign_id=camp["id"], period="2022")
    ws = load_workbook(tmp_path / "kq.xlsx").active
    header = [c.value for c in ws[HEADER_ROW]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=HEADER_ROW + 1)
            if r[header.index("Chỉ tiêu")].value]
    by_name = {r["Chỉ tiêu"]: r for r in rows}
    assert list(by_name) == ["Đường giao thông nông thôn", "Bao phủ bảo hiểm y tế", "↳ Khu vực đô thị"]
    road_row = by_name["Đường giao thông nông thôn"]
    assert (road_row["Kết quả"], road_row["Lũy kế (kế hoạch nhiều năm)"], road_row["Đánh giá"]) == (
        12.5, 22.5, "Đang thực hiện")
    assert by_name["↳ Khu vực đô thị"]["Lũy kế (kế hoạch nhiều năm)"] == 99.5
    export_view(store, "targets", tmp_path / "ct.xlsx", campaign_id=camp["id"])
    ws = load_workbook(tmp_path / "ct.xlsx").active
    header = [c.value for c in ws[HEADER_ROW]]
    col = header.index("Chỉ tiêu")
    assert [r[col].value for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[col].value][:3] == [
        "Đường giao thông nông thôn", "Bao phủ bảo hiểm y tế", "↳ Khu vực đô thị"]
