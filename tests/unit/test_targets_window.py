"""Targets of a multi-year plan, whole results: a figure to date judged against the whole window
(``window_attainment``: value, percent, status, note and "trong đó" figure, before the window ends, when it
closes, over one year, with the roll-up given by the caller), the figure to date itself (``cumulative``: every
year's figure, halves, zeros, empty figures) and targets in outline whatever their parent."""

from __future__ import annotations

import pytest

from tdkt_desktop.core.models import Comparator
from tdkt_desktop.core.targets import (
    Attainment,
    Cumulative,
    TargetSpec,
    YearFigure,
    attainment,
    cumulative,
    outline,
    summed_over_years,
    window_attainment,
)

from .test_targets_cumulative import COVER, HOUSES, POOR, ROAD, S, W

GROWTH = TargetSpec("Tăng trưởng", Comparator.EXACT, 0, unit="%")
TAIL = "đánh giá khi kết thúc năm 2025."


@pytest.mark.parametrize(("spec", "value", "sub", "period", "summed", "want"), [
    (ROAD, 12.5, None, "2023", None, Attainment(12.5, 25.0, S.IN_PROGRESS, (
        "Đang thực hiện: lũy kế đến hết năm 2023 là 12,5 km, bằng 25 % chỉ tiêu cả giai đoạn 2021–2025 "
        f"(từ 50 km trở lên); {TAIL}"), None)),
    (ROAD, 0, None, "2023", None, Attainment(0.0, 0.0, S.IN_PROGRESS, (
        "Đang thực hiện: lũy kế đến hết năm 2023 là 0 km, bằng 0 % chỉ tiêu cả giai đoạn 2021–2025 "
        f"(từ 50 km trở lên); {TAIL}"), None)),
    # the roll-up given by the caller decides (a sum read as a level)
    (ROAD, 12.5, None, "2023", False, Attainment(12.5, 25.0, S.IN_PROGRESS, (
        "Đang thực hiện: số liệu mới nhất (đến hết năm 2023) là 12,5 km, bằng 25 % chỉ tiêu cả giai đoạn "
        f"2021–2025 (từ 50 km trở lên); {TAIL}"), None)),
    (COVER, 93.456, None, "2024-H1", None, Attainment(93.456, pytest.approx(98.3747, abs=1e-4), S.IN_PROGRESS, (
        "Đang thực hiện: số liệu mới nhất (đến hết 6 tháng đầu năm 2024) là 93,456 %, bằng 98,4 % chỉ tiêu cả "
        f"giai đoạn 2021–2025 (từ 95 % trở lên); {TAIL}"), None)),
    (POOR, 0.4, None, "2023", None, Attainment(0.4, pytest.approx(90), S.IN_PROGRESS, (
        "Đang thực hiện: số liệu mới nhất (đến hết năm 2023) là 0,4 %, bằng 90 % chỉ tiêu cả giai đoạn 2021–2025 "
        f"(không quá 0,36 %); {TAIL}"), None)),
    (HOUSES, 60, 25, "2024", None, Attainment(60.0, 60.0, S.IN_PROGRESS, (
        "Đang thực hiện: lũy kế đến hết năm 2024 là 60 căn, bằng 60 % chỉ tiêu cả giai đoạn 2021–2025 "
        f"(100 căn, trong đó 40 hộ chính sách); {TAIL}"), 25.0)),
    # a count as administrative texts write it
    (HOUSES, 5, 2, "2022", None, Attainment(5.0, 5.0, S.IN_PROGRESS, (
        "Đang thực hiện: lũy kế đến hết năm 2022 là 05 căn, bằng 5 % chỉ tiêu cả giai đoạn 2021–2025 "
        f"(100 căn, trong đó 40 hộ chính sách); {TAIL}"), 2.0)),
    (HOUSES, 0, None, "2022", None, Attainment(0.0, 0.0, S.IN_PROGRESS, (
        "Đang thực hiện: lũy kế đến hết năm 2022 là 0 căn, bằng 0 % chỉ tiêu cả giai đoạn 2021–2025 "
        f"(100 căn, trong đó 40 hộ chính sách); {TAIL}"), None)),
    # no percentage for an exact target of 0: nothing said of a share
    (GROWTH, 2, None, "2023", None, Attainment(2.0, None, S.IN_PROGRESS, (
        f"Đang thực hiện: số liệu mới nhất (đến hết năm 2023) là 2 % cả giai đoạn 2021–2025 (đúng 0 %); {TAIL}"),
        None)),
    # the first half of the last year is still progress, even past the whole figure
    (ROAD, 55, None, "2025-H1", None, Attainment(55.0, pytest.approx(110), S.IN_PROGRESS, (
        "Đang thực hiện: lũy kế đến hết 6 tháng đầu năm 2025 là 55 km, bằng 110 % chỉ tiêu cả giai đoạn "
        f"2021–2025 (từ 50 km trở lên); {TAIL}"), None)),
])
def test_before_the_window_ends_a_figure_to_date_is_progress_said_whole(spec, value, sub, period, summed, want):
    assert window_attainment(spec, value, sub, period=period, window=W, summed=summed) == want


@pytest.mark.parametrize(("spec", "value", "sub", "period", "want"), [
    (HOUSES, 60, 25, "2025", Attainment(60.0, 60.0, S.NOT_REACHED, (
        "Giai đoạn 2021–2025 (cộng dồn các năm) — Không đạt: căn: mới có 60/100; hộ chính sách: mới có 25/40."), 25.0)),
    (ROAD, 55, None, "2026", Attainment(55.0, pytest.approx(110), S.EXCEEDED, (
        "Giai đoạn 2021–2025 (cộng dồn các năm) — Vượt: 55 km (chỉ tiêu từ 50 km trở lên)."), None)),
    (COVER, 96, None, "2025", Attainment(96.0, pytest.approx(101.0526, abs=1e-4), S.EXCEEDED, (
        "Giai đoạn 2021–2025 (số liệu mới nhất) — Vượt: 96 % (chỉ tiêu từ 95 % trở lên)."), None)),
])
def test_when_the_window_closes_the_verdict_names_the_window_and_keeps_every_figure(spec, value, sub, period, want):
    assert window_attainment(spec, value, sub, period=period, window=W) == want


@pytest.mark.parametrize("window", [None, (2025, 2025), (2025, 2021)])
def test_over_one_year_or_no_window_the_figure_is_judged_as_a_plain_period(window):
    for spec, value, sub in ((ROAD, 12.5, None), (HOUSES, 60, 25), (COVER, 96, None)):
        assert window_attainment(spec, value, sub, period="2025", window=window) == attainment(spec, value, sub)


def test_no_figure_is_no_data_whatever_the_window():
    for period in ("2022", "2025"):
        assert window_attainment(ROAD, None, None, period=period, window=W) == attainment(ROAD, None, None)
        assert window_attainment(ROAD, None, None, period=period, window=W).status is S.NO_DATA


# --------------------------------------------------------------------------- the figure to date, whole


def test_summed_over_years_reads_the_comparator_the_unit_and_the_measure():
    cases = [
        (TargetSpec("Xóa nhà tạm", Comparator.COUNT, 100, unit="%"), True),  # a count adds up, whatever its unit
        (TargetSpec("Hoàn thành đề án", Comparator.COMPLETION, 100, unit="km"), False),
        (TargetSpec("Tỷ lệ bao phủ", Comparator.AT_LEAST, 95, unit="%"), False),
        (TargetSpec("Đường giao thông", Comparator.AT_LEAST, 50, unit="km"), True),
        (TargetSpec("Thu nhập bình quân đầu người", Comparator.AT_LEAST, 70, unit="triệu đồng"), False),
        (TargetSpec("Thu ngân sách", Comparator.AT_LEAST, 45_000, unit="triệu đồng"), True),
    ]
    assert [(spec.measure, summed_over_years(spec)) for spec, _ in cases] == [(s.measure, want) for s, want in cases]


def test_one_year_or_no_window_is_the_periods_own_figure_whole():
    figures = {"2025": (12.0, 4.0), "2024": (30.0, 9.0)}
    for window in (None, (2025, 2025)):
        got = cumulative(HOUSES, figures, "2025", window)
        assert got == Cumulative("2025", window, True, 12.0, 4.0, [], True, attainment(HOUSES, 12.0, 4.0))
        assert not got.multi_year
    assert cumulative(COVER, {}, "2025", None) == Cumulative("2025", None, False, None, None, [], True,
                                                             attainment(COVER, None, None))


def test_years_halves_zeros_and_empty_figures_make_the_figure_to_date():
    figures = {
        "2020": (99.0, 99.0),  # before the window: never read
        "2021": (10.0, 4.0),
        "2022-H1": (3.0, 1.0), "2022-H2": (4.0, None),  # a year told by its halves, summed
        "2023": (None, 5.0),  # a "trong đó" figure without its result: nothing reported
        "2024-H1": (0.0, None), "2024-H2": (6.0, 2.0),  # a half of zero counts
        "2025-H1": (2.0, 2.0), "2025-H2": (7.0, 1.0), "2025": (9.0, 3.0),  # the first half only, at a first-half period
    }
    got = cumulative(HOUSES, figures, "2025-H1", W)
    years = [YearFigure(2021, 10.0, 4.0, ("2021",)), YearFigure(2022, 7.0, 1.0, ("2022-H1", "2022-H2")),
             YearFigure(2023, None, None, ()), YearFigure(2024, 6.0, 2.0, ("2024-H1", "2024-H2")),
             YearFigure(2025, 2.0, 2.0, ("2025-H1",))]
    att = window_attainment(HOUSES, 25.0, 9.0, period="2025-H1", window=W, summed=True)
    assert got == Cumulative("2025-H1", W, True, 25.0, 9.0, years, False, att)
    assert att.status is S.IN_PROGRESS and att.sub_value == 9.0
    # a year of zero is a figure: summed as 0, the latest level when it is the latest
    zero = cumulative(HOUSES, {"2021": (0.0, None), "2022": (0.0, 0.0)}, "2025", W)
    assert (zero.value, zero.sub_value, zero.final, zero.attainment.status) == (0.0, 0.0, True, S.NOT_REACHED)
    level = cumulative(COVER, {"2021": (90.0, None), "2022-H1": (93.0, 1.0), "2023": (0.0, None)}, "2024", W)
    assert level == Cumulative("2024", W, False, 0.0, None, [
        YearFigure(2021, 90.0, None, ("2021",)), YearFigure(2022, 93.0, 1.0, ("2022-H1",)),
        YearFigure(2023, 0.0, None, ("2023",)), YearFigure(2024, None, None, ())], False,
        window_attainment(COVER, 0.0, None, period="2024", window=W, summed=False))
    # no "trong đó" figure anywhere: none to date (not 0)
    bare = cumulative(ROAD, {"2021-H1": (3.0, None), "2021-H2": (4.0, None), "2022": (5.0, None)}, "2022", W)
    assert bare == Cumulative("2022", W, True, 12.0, None, [
        YearFigure(2021, 7.0, None, ("2021-H1", "2021-H2")), YearFigure(2022, 5.0, None, ("2022",))], False,
        window_attainment(ROAD, 12.0, None, period="2022", window=W))
    # a level told by its halves: the later half
    halves = cumulative(COVER, {"2022-H1": (90.0, 2.0), "2022-H2": (92.0, None)}, "2022", W)
    assert halves.years[-1] == YearFigure(2022, 92.0, None, ("2022-H2",)) and halves.value == 92.0


def test_outline_keeps_every_target_once_whatever_its_parent():
    rows = [
        {"id": "a"}, {"id": "self", "parent_target_id": "self"}, {"id": "b", "parent_target_id": "a"},
        {"id": "orphan", "parent_target_id": "gone"}, {"id": "c", "parent_target_id": "b"},
        {"id": "d", "parent_target_id": None}, {"id": "e", "parent_target_id": "a"},
    ]
    assert [(t["id"], depth) for t, depth in outline(rows)] == [
        ("a", 0), ("b", 1), ("c", 2), ("e", 1), ("self", 0), ("orphan", 0), ("d", 0)]
    # a detail listed before its target still goes under it
    early = [{"id": "x2", "parent_target_id": "x"}, {"id": "x"}, {"id": "y"}]
    assert [(t["id"], depth) for t, depth in outline(early)] == [("x", 0), ("x2", 1), ("y", 0)]
