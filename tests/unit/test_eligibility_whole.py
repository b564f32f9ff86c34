"""Eligibility pinned down: every criterion type as whole checks (label, verdict, detail, criterion, article)
on both sides of its limits; whole results of ``check``; metamorphic properties — facts that do not concern a
title (other titles, later years, unaccepted research, a discipline of another year) never change a
verdict, and taking away a fact a title requires always does."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt_desktop.core import eligibility
from tdkt_desktop.core.eligibility import (
    Check,
    EligibilityResult,
    Initiative,
    NomineeFacts,
    PriorTitle,
    Research,
    check,
)
from tdkt_desktop.core.models import TITLE_CODES, AwardKind, Discipline, Rating, SubjectKind
from tdkt_desktop.core.rules import dossier_for, ruleset_for
from tdkt_desktop.core.text import InputError

BEFORE = dt.date(2025, 3, 15)  # Nghị định 98/2023
AFTER = dt.date(2025, 12, 20)  # Nghị định 152/2025
SRC = {"doc": "luat_2022", "article": 24}
SOURCE = "Luật Thi đua, khen thưởng 2022, Điều 24 (áp dụng từ 01/07/2025 đến nay)"
UNUSED = {"type": "initiatives_unused", "source": SRC}
VOTE90 = {"required": True, "threshold": 90, "source": SRC}
VOTE_OPEN = {"required": True, "source": {"doc": "nd152_2025", "status": "not_found", "note": "Chưa tìm được ngưỡng."}}
PERSON = {"subject_kind": "person", "year": 2025, "title_code": "LDTT", "decision_date": AFTER}
COLLECTIVE = {"subject_kind": "collective", "year": 2025, "title_code": "TLDTT", "decision_date": AFTER}


def judged_by(criterion: dict[str, Any], code: str, *, common: bool = False, entry: dict[str, Any] | None = None):
    """The rule set of 2025-12 with ``code`` judged by ``criterion`` alone (and, with ``common``, the rule
    that a sáng kiến grounds one award only)."""
    overrides = {
        "common_criteria": [UNUSED] if common else [],
        "catalogue": {code: {"criteria": [{**criterion, "source": SRC}], **(entry or {})}},
    }
    return ruleset_for(AFTER, overrides=overrides)


CASES = [
    pytest.param(
        {'type': 'rating_at_least', 'value': 'good'},
        PERSON, {'ratings': {2025: 'excellent'}},
        [
            ('Xếp loại Hoàn thành tốt nhiệm vụ trở lên', True, 'Đạt: xếp loại năm 2025 là Hoàn thành xuất sắc nhiệm vụ', 'rating_at_least'),
        ],
        {},
        id='rating good got excellent',
    ),
    pytest.param(
        {'type': 'rating_at_least', 'value': 'good'},
        PERSON, {'ratings': {2025: 'good'}},
        [
            ('Xếp loại Hoàn thành tốt nhiệm vụ trở lên', True, 'Đạt: xếp loại năm 2025 là Hoàn thành tốt nhiệm vụ', 'rating_at_least'),
        ],
        {},
        id='rating good got good',
    ),
    pytest.param(
        {'type': 'rating_at_least', 'value': 'good'},
        PERSON, {'ratings': {2025: 'done', 2024: 'excellent'}},
        [
            ('Xếp loại Hoàn thành tốt nhiệm vụ trở lên', False, 'Chưa đạt: xếp loại năm 2025 là Hoàn thành nhiệm vụ, yêu cầu Hoàn thành tốt nhiệm vụ trở lên', 'rating_at_least'),
        ],
        {},
        id='rating good got done',
    ),
    pytest.param(
        {'type': 'rating_at_least', 'value': 'good'},
        PERSON, {'ratings': {2024: 'excellent', 2026: 'excellent'}},
        [
            ('Xếp loại Hoàn thành tốt nhiệm vụ trở lên', False, 'Chưa có xếp loại chất lượng năm 2025 (yêu cầu Hoàn thành tốt nhiệm vụ trở lên)', 'rating_at_least'),
        ],
        {},
        id='rating good none',
    ),
    pytest.param(
        {'type': 'rating_at_least', 'value': 'excellent'},
        PERSON, {'ratings': {2025: 'good'}},
        [
            ('Xếp loại Hoàn thành xuất sắc nhiệm vụ', False, 'Chưa đạt: xếp loại năm 2025 là Hoàn thành tốt nhiệm vụ, yêu cầu Hoàn thành xuất sắc nhiệm vụ', 'rating_at_least'),
        ],
        {},
        id='rating excellent got good',
    ),
    pytest.param(
        {'type': 'rating_at_least', 'value': 'excellent', 'label': 'Hoàn thành xuất sắc'},
        PERSON, {'ratings': {2025: 'excellent'}},
        [
            ('Hoàn thành xuất sắc', True, 'Đạt: xếp loại năm 2025 là Hoàn thành xuất sắc nhiệm vụ', 'rating_at_least'),
        ],
        {},
        id='rating excellent labelled',
    ),
    pytest.param(
        {'type': 'consecutive_ratings', 'value': 'good', 'years': 2},
        PERSON, {'ratings': {2023: 'done', 2024: 'excellent', 2025: 'good'}},
        [
            ('2 năm liên tục Hoàn thành tốt nhiệm vụ trở lên', True, 'Đạt: 2 năm liên tục Hoàn thành tốt nhiệm vụ trở lên (2024, 2025)', 'consecutive_ratings'),
        ],
        {},
        id='cons ratings pass',
    ),
    pytest.param(
        {'type': 'consecutive_ratings', 'value': 'good', 'years': 3},
        PERSON, {'ratings': {2022: 'good', 2024: 'good', 2025: 'good'}},
        [
            ('3 năm liên tục Hoàn thành tốt nhiệm vụ trở lên', False, 'Chưa đạt: cần 3 năm liên tục Hoàn thành tốt nhiệm vụ trở lên; liền nhau gần nhất: 2024, 2025', 'consecutive_ratings'),
        ],
        {},
        id='cons ratings short',
    ),
    pytest.param(
        {'type': 'consecutive_ratings', 'value': 'excellent', 'years': 2},
        PERSON, {'ratings': {2025: 'good'}},
        [
            ('2 năm liên tục Hoàn thành xuất sắc nhiệm vụ', False, 'Chưa đạt: cần 2 năm liên tục Hoàn thành xuất sắc nhiệm vụ; chưa có năm nào', 'consecutive_ratings'),
        ],
        {},
        id='cons ratings none',
    ),
    pytest.param(
        {'type': 'consecutive_ratings', 'value': 'excellent', 'years': 2, 'max_gap': 0},
        PERSON, {'ratings': {2023: 'excellent', 2024: 'excellent'}},
        [
            ('2 năm liên tục Hoàn thành xuất sắc nhiệm vụ', False, 'Chưa đạt: cần 2 năm liên tục Hoàn thành xuất sắc nhiệm vụ; chưa có năm nào', 'consecutive_ratings'),
        ],
        {},
        id='cons ratings gap0',
    ),
    pytest.param(
        {'type': 'requires_title_same_year', 'codes': ['LDTT', 'CSTT']},
        PERSON, {'titles': [(2025, 'CSTT'), (2024, 'LDTT')]},
        [
            ('Đạt danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến cùng năm', True, 'Đạt: danh hiệu Chiến sĩ tiên tiến năm 2025', 'requires_title_same_year'),
        ],
        {},
        id='same year CSTT',
    ),
    pytest.param(
        {'type': 'requires_title_same_year', 'code': 'LDTT'},
        PERSON, {'titles': [(2025, 'LDTT')]},
        [
            ('Đạt danh hiệu Lao động tiên tiến cùng năm', True, 'Đạt: danh hiệu Lao động tiên tiến năm 2025', 'requires_title_same_year'),
        ],
        {},
        id='same year code',
    ),
    pytest.param(
        {'type': 'requires_title_same_year', 'code': 'LDTT'},
        PERSON, {'titles': [(2024, 'LDTT'), (2026, 'LDTT'), (2025, 'CSTT')]},
        [
            ('Đạt danh hiệu Lao động tiên tiến cùng năm', False, 'Chưa đạt danh hiệu Lao động tiên tiến năm 2025', 'requires_title_same_year'),
        ],
        {},
        id='same year other year',
    ),
    pytest.param(
        {'type': 'requires_title_same_year', 'codes': ['LDTT', 'CSTT']},
        PERSON, {'titles': [(2025, 'LDTT', 'dot_xuat'), (2024, 'LDTT', 'chuyen_de')]},
        [
            ('Đạt danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến cùng năm', False, 'Chưa đạt danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến năm 2025; không tính: 2025 (khen thưởng đột xuất) — khen thưởng đột xuất, chuyên đề không dùng làm căn cứ khen thưởng công trạng', 'requires_title_same_year'),
        ],
        {},
        id='same year sudden',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTDCS', 'years': 3},
        PERSON, {'titles': [(2023, 'CSTDCS'), (2024, 'CSTDCS'), (2025, 'CSTDCS'), (2025, 'LDTT')]},
        [
            ('3 năm liên tục Chiến sĩ thi đua cơ sở', True, 'Đạt: 3 năm liên tục Chiến sĩ thi đua cơ sở (2023, 2024, 2025)', 'consecutive_titles'),
        ],
        {},
        id='cons titles pass',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTDCS', 'years': 2},
        PERSON, {'titles': [(2023, 'CSTDCS'), (2024, 'CSTDCS')]},
        [
            ('2 năm liên tục Chiến sĩ thi đua cơ sở', True, 'Đạt: 2 năm liên tục Chiến sĩ thi đua cơ sở (2023, 2024)', 'consecutive_titles'),
        ],
        {},
        id='cons titles end before',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTDCS', 'years': 3},
        PERSON, {'titles': [(2022, 'CSTDCS'), (2024, 'CSTDCS'), (2025, 'CSTDCS'), (2026, 'CSTDCS')]},
        [
            ('3 năm liên tục Chiến sĩ thi đua cơ sở', False, 'Chưa đạt: cần 3 năm liên tục Chiến sĩ thi đua cơ sở; hiện có: 2022, 2024, 2025', 'consecutive_titles'),
        ],
        {},
        id='cons titles short',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTDCS', 'years': 2},
        PERSON, {'titles': [(2025, 'LDTT')]},
        [
            ('2 năm liên tục Chiến sĩ thi đua cơ sở', False, 'Chưa đạt: cần 2 năm liên tục Chiến sĩ thi đua cơ sở; hiện chưa có năm nào', 'consecutive_titles'),
        ],
        {},
        id='cons titles none',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTD_TINH', 'years': 2, 'max_step': 3},
        PERSON, {'titles': [(2021, 'CSTD_TINH'), (2025, 'CSTD_TINH')]},
        [
            ('2 lần liên tục Chiến sĩ thi đua cấp tỉnh', False, 'Chưa đạt: cần 2 lần liên tục Chiến sĩ thi đua cấp tỉnh (hai lần kế tiếp cách nhau không quá 3 năm); hiện có: 2021, 2025', 'consecutive_titles'),
        ],
        {},
        id='cons titles step',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTD_TINH', 'years': 2, 'max_step': 3},
        PERSON, {'titles': [(2022, 'CSTD_TINH'), (2025, 'CSTD_TINH')]},
        [
            ('2 lần liên tục Chiến sĩ thi đua cấp tỉnh', True, 'Đạt: 2 lần liên tục Chiến sĩ thi đua cấp tỉnh (2022, 2025)', 'consecutive_titles'),
        ],
        {},
        id='cons titles step pass',
    ),
    pytest.param(
        {'type': 'consecutive_titles', 'code': 'CSTDCS', 'years': 2},
        PERSON, {'titles': [(2024, 'CSTDCS', 'dot_xuat'), (2025, 'CSTDCS'), (2023, 'CSTDCS', 'chuyen_de')]},
        [
            ('2 năm liên tục Chiến sĩ thi đua cơ sở', False, 'Chưa đạt: cần 2 năm liên tục Chiến sĩ thi đua cơ sở; hiện có: 2025; không tính: 2023 (khen thưởng theo chuyên đề), 2024 (khen thưởng đột xuất) — khen thưởng đột xuất, chuyên đề không dùng làm căn cứ khen thưởng công trạng', 'consecutive_titles'),
        ],
        {},
        id='cons titles excluded',
    ),
    pytest.param(
        {'type': 'titles_count', 'code': 'BANG_KHEN_TINH', 'min': 2},
        PERSON, {'titles': [(2019, 'BANG_KHEN_TINH'), (2025, 'BANG_KHEN_TINH'), (2026, 'BANG_KHEN_TINH')]},
        [
            ('Ít nhất 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', True, 'Đạt: 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (2019, 2025)', 'titles_count'),
        ],
        {},
        id='count pass',
    ),
    pytest.param(
        {'type': 'titles_count', 'code': 'BANG_KHEN_TINH', 'min': 2},
        PERSON, {'titles': [(2025, 'BANG_KHEN_TINH'), (2024, 'GIAY_KHEN'), (2026, 'BANG_KHEN_TINH')]},
        [
            ('Ít nhất 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', False, 'Chưa đạt: cần ít nhất 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; hiện có 1', 'titles_count'),
        ],
        {},
        id='count short',
    ),
    pytest.param(
        {'type': 'titles_count', 'code': 'BANG_KHEN_TINH', 'min': 2, 'within_years': 5},
        PERSON, {'titles': [(2021, 'BANG_KHEN_TINH'), (2025, 'BANG_KHEN_TINH')]},
        [
            ('Ít nhất 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', True, 'Đạt: 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (2021, 2025)', 'titles_count'),
        ],
        {},
        id='count window at start',
    ),
    pytest.param(
        {'type': 'titles_count', 'code': 'BANG_KHEN_TINH', 'min': 2, 'within_years': 5},
        PERSON, {'titles': [(2020, 'BANG_KHEN_TINH'), (2025, 'BANG_KHEN_TINH')]},
        [
            ('Ít nhất 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', False, 'Chưa đạt: cần ít nhất 2 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; hiện có 1', 'titles_count'),
        ],
        {},
        id='count window before',
    ),
    pytest.param(
        {'type': 'titles_count', 'code': 'BANG_KHEN_TINH', 'min': 1},
        PERSON, {'titles': [(2024, 'BANG_KHEN_TINH', 'dot_xuat')]},
        [
            ('Ít nhất 1 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', False, 'Chưa đạt: cần ít nhất 1 lần Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; hiện có 0; không tính: 2024 (khen thưởng đột xuất) — khen thưởng đột xuất, chuyên đề không dùng làm căn cứ khen thưởng công trạng', 'titles_count'),
        ],
        {},
        id='count excluded',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1},
        PERSON, {'initiatives': [(2025, 'SK Một', 'co_so'), (2026, 'SK tương lai', 'co_so')]},
        [
            ('Có 1 sáng kiến được công nhận', True, 'Đạt: 1 sáng kiến được công nhận: SK Một (2025)', 'initiatives'),
        ],
        {},
        id='ini pass',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1, 'level_at_least': 'tinh'},
        PERSON, {'initiatives': [(2025, 'SK Một', 'huyen'), (2024, 'SK Hai', 'tinh', False)]},
        [
            ('Có 1 sáng kiến được công nhận, phạm vi ảnh hưởng cấp tỉnh', False, 'Chưa đạt: cần 1 sáng kiến được công nhận, phạm vi ảnh hưởng cấp tỉnh; hiện có 0', 'initiatives'),
        ],
        {},
        id='ini level',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 2, 'level_at_least': 'tinh'},
        PERSON, {'initiatives': [(2025, 'SK Một', 'trung_uong'), (2024, 'SK Hai', 'tinh')]},
        [
            ('Có 2 sáng kiến được công nhận, phạm vi ảnh hưởng cấp tỉnh', True, 'Đạt: 2 sáng kiến được công nhận, phạm vi ảnh hưởng cấp tỉnh: SK Một (2025); SK Hai (2024)', 'initiatives'),
        ],
        {},
        id='ini level pass',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1, 'within_years': 3},
        PERSON, {'initiatives': [(2022, 'SK cũ', 'co_so')]},
        [
            ('Có 1 sáng kiến được công nhận từ năm 2023 đến năm 2025', False, 'Chưa đạt: cần 1 sáng kiến được công nhận từ năm 2023 đến năm 2025; hiện có 0', 'initiatives'),
        ],
        {},
        id='ini window',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1, 'within_years': 3},
        PERSON, {'initiatives': [(2023, 'SK', 'co_so')]},
        [
            ('Có 1 sáng kiến được công nhận từ năm 2023 đến năm 2025', True, 'Đạt: 1 sáng kiến được công nhận: SK (2023)', 'initiatives'),
        ],
        {},
        id='ini window at',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1, 'within_years': 1},
        PERSON, {'initiatives': [(2024, 'SK', 'co_so')]},
        [
            ('Có 1 sáng kiến được công nhận năm 2025', False, 'Chưa đạt: cần 1 sáng kiến được công nhận năm 2025; hiện có 0', 'initiatives'),
        ],
        {},
        id='ini window 1',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1},
        PERSON, {'initiatives': [Initiative(year=2025, name='SK đã dùng', level='co_so', recognised=True, used_for='CSTĐCS năm 2024')]},
        [
            ('Một sáng kiến, đề tài chỉ làm căn cứ khen thưởng một lần', True, 'Không tính lại: SK đã dùng (đã dùng cho CSTĐCS năm 2024)', 'initiatives_unused'),
            ('Có 1 sáng kiến được công nhận', False, 'Chưa đạt: cần 1 sáng kiến được công nhận; hiện có 0; không tính lại: SK đã dùng (đã dùng cho CSTĐCS năm 2024)', 'initiatives'),
        ],
        {"common": True},
        id='ini used',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1},
        PERSON, {'initiatives': [Initiative(year=2025, name='SK đã dùng', level='co_so', recognised=True, used_for='CSTĐCS năm 2024')]},
        [
            ('Có 1 sáng kiến được công nhận', True, 'Đạt: 1 sáng kiến được công nhận: SK đã dùng (2025)', 'initiatives'),
        ],
        {},
        id='ini used ignored without rule',
    ),
    pytest.param(
        {'type': 'initiatives', 'min': 1},
        PERSON, {'initiatives': [(2025, 'SK', 'lạ')]},
        [
            ('Có 1 sáng kiến được công nhận', False, 'Chưa đạt: cần 1 sáng kiến được công nhận; hiện có 0', 'initiatives'),
        ],
        {},
        id='ini unknown level',
    ),
    pytest.param(
        {'type': 'research', 'min': 1},
        PERSON, {'research': [(2025, 'Đề tài A'), (2024, 'Đề tài B', False)]},
        [
            ('Có 1 đề tài, đề án khoa học được nghiệm thu', True, 'Đạt: đề tài, đề án được nghiệm thu: Đề tài A (2025)', 'research'),
        ],
        {},
        id='res pass',
    ),
    pytest.param(
        {'type': 'research', 'min': 1},
        PERSON, {'research': [(2025, 'Đề tài B', False), (2026, 'Đề tài C')]},
        [
            ('Có 1 đề tài, đề án khoa học được nghiệm thu', False, 'Chưa đạt: cần 1 đề tài, đề án khoa học được nghiệm thu; hiện có 0', 'research'),
        ],
        {},
        id='res unaccepted',
    ),
    pytest.param(
        {'type': 'research', 'min': 1, 'level_at_least': 'trung_uong'},
        PERSON, {'research': [Research(year=2025, name='Đề tài A', accepted=True, level='tinh', used_for='')]},
        [
            ('Có 1 đề tài, đề án khoa học được nghiệm thu, phạm vi ảnh hưởng trung ương, toàn quốc', False, 'Chưa đạt: cần 1 đề tài, đề án khoa học được nghiệm thu, phạm vi ảnh hưởng trung ương, toàn quốc; hiện có 0', 'research'),
        ],
        {},
        id='res level',
    ),
    pytest.param(
        {'type': 'research', 'min': 1, 'within_years': 2},
        PERSON, {'research': [(2023, 'Đề tài A')]},
        [
            ('Có 1 đề tài, đề án khoa học được nghiệm thu từ năm 2024 đến năm 2025', False, 'Chưa đạt: cần 1 đề tài, đề án khoa học được nghiệm thu từ năm 2024 đến năm 2025; hiện có 0', 'research'),
        ],
        {},
        id='res window',
    ),
    pytest.param(
        {'type': 'research', 'min': 1},
        PERSON, {'research': [Research(year=2025, name='Đề tài A', accepted=True, level='co_so', used_for='Bằng khen 2024')]},
        [
            ('Một sáng kiến, đề tài chỉ làm căn cứ khen thưởng một lần', True, 'Không tính lại: Đề tài A (đã dùng cho Bằng khen 2024)', 'initiatives_unused'),
            ('Có 1 đề tài, đề án khoa học được nghiệm thu', False, 'Chưa đạt: cần 1 đề tài, đề án khoa học được nghiệm thu; hiện có 0; không tính lại: Đề tài A (đã dùng cho Bằng khen 2024)', 'research'),
        ],
        {"common": True},
        id='res used',
    ),
    pytest.param(
        {'type': 'innovations', 'min': 2},
        PERSON, {'initiatives': [(2025, 'SK1'), (2024, 'SK2')], 'research': [(2025, 'ĐT1')]},
        [
            ('Có 2 sáng kiến hoặc 2 đề tài khoa học', True, 'Đạt: 2 sáng kiến: SK1 (2025); SK2 (2024)', 'innovations'),
        ],
        {},
        id='inn ideas',
    ),
    pytest.param(
        {'type': 'innovations', 'min': 2},
        PERSON, {'initiatives': [(2025, 'SK1')], 'research': [(2025, 'ĐT1'), (2023, 'ĐT2')]},
        [
            ('Có 2 sáng kiến hoặc 2 đề tài khoa học', True, 'Đạt: 2 đề tài khoa học: ĐT1 (2025); ĐT2 (2023)', 'innovations'),
        ],
        {},
        id='inn studies',
    ),
    pytest.param(
        {'type': 'innovations', 'min': 2},
        PERSON, {'initiatives': [(2025, 'SK1')], 'research': [(2025, 'ĐT1')]},
        [
            ('Có 2 sáng kiến hoặc 2 đề tài khoa học', None, 'Cần xem xét: có 1 sáng kiến và 1 đề tài (kết hợp sáng kiến với đề tài: đối chiếu Công văn 1168/BNV-BTĐKT)', 'innovations'),
        ],
        {},
        id='inn mix',
    ),
    pytest.param(
        {'type': 'innovations', 'min': 2},
        PERSON, {'initiatives': [(2025, 'SK1')]},
        [
            ('Có 2 sáng kiến hoặc 2 đề tài khoa học', False, 'Chưa đạt: cần 2 sáng kiến hoặc 2 đề tài; hiện có 1 sáng kiến, 0 đề tài', 'innovations'),
        ],
        {},
        id='inn short',
    ),
    pytest.param(
        {'type': 'innovations', 'min': 2, 'level_at_least': 'tinh'},
        PERSON, {'initiatives': [(2025, 'SK1')], 'research': [(2025, 'ĐT1')]},
        [
            ('Có 2 sáng kiến hoặc 2 đề tài khoa học', False, 'Chưa đạt: cần 2 sáng kiến hoặc 2 đề tài; hiện có 0 sáng kiến, 0 đề tài', 'innovations'),
        ],
        {},
        id='inn none',
    ),
    pytest.param(
        {'type': 'innovations', 'min': 1},
        PERSON, {'initiatives': [Initiative(year=2025, name='SK1', level='co_so', recognised=True, used_for='LĐTT 2024')], 'research': [Research(year=2025, name='ĐT1', accepted=True, level='co_so', used_for='CSTĐCS 2024')]},
        [
            ('Một sáng kiến, đề tài chỉ làm căn cứ khen thưởng một lần', True, 'Không tính lại: SK1 (đã dùng cho LĐTT 2024); ĐT1 (đã dùng cho CSTĐCS 2024)', 'initiatives_unused'),
            ('Có 1 sáng kiến hoặc 1 đề tài khoa học', False, 'Chưa đạt: cần 1 sáng kiến hoặc 1 đề tài; hiện có 0 sáng kiến, 0 đề tài; không tính lại: SK1 (đã dùng cho LĐTT 2024); không tính lại: ĐT1 (đã dùng cho CSTĐCS 2024)', 'innovations'),
        ],
        {"common": True},
        id='inn used',
    ),
    pytest.param(
        {'type': 'manual', 'label': 'Khác'},
        PERSON, {'initiatives': [Initiative(year=2025, name='SK1', level='co_so', recognised=True, used_for='LĐTT 2024'), Initiative(year=2025, name='SK2', level='co_so', recognised=True, used_for='')], 'research': [Research(year=2025, name='ĐT1', accepted=True, level='co_so', used_for='CSTĐCS 2024')]},
        [
            ('Một sáng kiến, đề tài chỉ làm căn cứ khen thưởng một lần', True, 'Không tính lại: SK1 (đã dùng cho LĐTT 2024); ĐT1 (đã dùng cho CSTĐCS 2024)', 'initiatives_unused'),
            ('Khác', None, 'Cần xem xét: Khác', 'manual'),
        ],
        {"common": True},
        id='unused shown',
    ),
    pytest.param(
        {'type': 'manual', 'label': 'Khác'},
        PERSON, {'initiatives': [Initiative(year=2025, name='SK2', level='co_so', recognised=True, used_for='')]},
        [
            ('Khác', None, 'Cần xem xét: Khác', 'manual'),
        ],
        {"common": True},
        id='unused hidden',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 70},
        COLLECTIVE, {'members_ldtt': 5},
        [
            ('Từ 70% thành viên đạt Lao động tiên tiến', False, 'Chưa có số liệu tổng số thành viên của tập thể', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt no members',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 70},
        COLLECTIVE, {'members': 0, 'members_ldtt': 0},
        [
            ('Từ 70% thành viên đạt Lao động tiên tiến', False, 'Chưa có số liệu tổng số thành viên của tập thể', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt zero members',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 70},
        COLLECTIVE, {'members': 10},
        [
            ('Từ 70% thành viên đạt Lao động tiên tiến', False, 'Chưa có số liệu thành viên đạt Lao động tiên tiến', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt no count',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 70},
        COLLECTIVE, {'members': 1000, 'members_ldtt': 699},
        [
            ('Từ 70% thành viên đạt Lao động tiên tiến', False, 'Chưa đạt: 699/1000 thành viên đạt Lao động tiên tiến (69,9%; yêu cầu từ 70%)', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt below',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 70},
        COLLECTIVE, {'members': 1000, 'members_ldtt': 700},
        [
            ('Từ 70% thành viên đạt Lao động tiên tiến', True, 'Đạt: 700/1000 thành viên đạt Lao động tiên tiến (70%; yêu cầu từ 70%)', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt at',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 70},
        COLLECTIVE, {'members': 1000, 'members_ldtt': 701},
        [
            ('Từ 70% thành viên đạt Lao động tiên tiến', True, 'Đạt: 701/1000 thành viên đạt Lao động tiên tiến (70,1%; yêu cầu từ 70%)', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt above',
    ),
    pytest.param(
        {'type': 'collective_share_ldtt', 'min': 66.7},
        COLLECTIVE, {'members': 3, 'members_ldtt': 2},
        [
            ('Từ 66,7% thành viên đạt Lao động tiên tiến', False, 'Chưa đạt: 2/3 thành viên đạt Lao động tiên tiến (66,7%; yêu cầu từ 66,7%)', 'collective_share_ldtt'),
        ],
        {},
        id='ldtt thirds',
    ),
    pytest.param(
        {'type': 'collective_all_completed'},
        COLLECTIVE, {'members': 10},
        [
            ('100% thành viên hoàn thành nhiệm vụ', False, 'Chưa có số liệu thành viên hoàn thành nhiệm vụ', 'collective_all_completed'),
        ],
        {},
        id='done none',
    ),
    pytest.param(
        {'type': 'collective_all_completed'},
        COLLECTIVE, {'members': 10, 'members_completed': 9},
        [
            ('100% thành viên hoàn thành nhiệm vụ', False, 'Chưa đạt: 9/10 thành viên hoàn thành nhiệm vụ (yêu cầu 100%)', 'collective_all_completed'),
        ],
        {},
        id='done below',
    ),
    pytest.param(
        {'type': 'collective_all_completed'},
        COLLECTIVE, {'members': 10, 'members_completed': 10},
        [
            ('100% thành viên hoàn thành nhiệm vụ', True, 'Đạt: 10/10 thành viên hoàn thành nhiệm vụ', 'collective_all_completed'),
        ],
        {},
        id='done at',
    ),
    pytest.param(
        {'type': 'collective_all_completed'},
        COLLECTIVE, {'members_completed': 10},
        [
            ('100% thành viên hoàn thành nhiệm vụ', False, 'Chưa có số liệu tổng số thành viên của tập thể', 'collective_all_completed'),
        ],
        {},
        id='done nomembers',
    ),
    pytest.param(
        {'type': 'collective_has_cstdcs'},
        COLLECTIVE, {'has_cstdcs_member': True},
        [
            ('Có cá nhân đạt Chiến sĩ thi đua cơ sở', True, 'Đạt: có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở', 'collective_has_cstdcs'),
        ],
        {},
        id='cstdcs yes',
    ),
    pytest.param(
        {'type': 'collective_has_cstdcs'},
        COLLECTIVE, {'has_cstdcs_member': False},
        [
            ('Có cá nhân đạt Chiến sĩ thi đua cơ sở', False, 'Chưa đạt: không có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở', 'collective_has_cstdcs'),
        ],
        {},
        id='cstdcs no',
    ),
    pytest.param(
        {'type': 'collective_has_cstdcs'},
        COLLECTIVE, {},
        [
            ('Có cá nhân đạt Chiến sĩ thi đua cơ sở', False, 'Chưa có số liệu cá nhân đạt Chiến sĩ thi đua cơ sở', 'collective_has_cstdcs'),
        ],
        {},
        id='cstdcs unknown',
    ),
    pytest.param(
        {'type': 'collective_no_discipline', 'level': 'warning'},
        COLLECTIVE, {'disciplined_warning_or_above': True},
        [
            ('Không có cá nhân bị kỷ luật từ cảnh cáo trở lên', False, 'Chưa đạt: có cá nhân bị kỷ luật từ cảnh cáo trở lên', 'collective_no_discipline'),
        ],
        {},
        id='coll disc yes',
    ),
    pytest.param(
        {'type': 'collective_no_discipline', 'level': 'warning'},
        COLLECTIVE, {'disciplined_warning_or_above': False},
        [
            ('Không có cá nhân bị kỷ luật từ cảnh cáo trở lên', True, 'Đạt: không có cá nhân bị kỷ luật từ cảnh cáo trở lên', 'collective_no_discipline'),
        ],
        {},
        id='coll disc no',
    ),
    pytest.param(
        {'type': 'collective_no_discipline', 'level': 'reprimand'},
        COLLECTIVE, {},
        [
            ('Không có cá nhân bị kỷ luật từ khiển trách trở lên', True, 'Đạt: không có cá nhân bị kỷ luật từ khiển trách trở lên', 'collective_no_discipline'),
        ],
        {},
        id='coll disc unknown',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', True, 'Đạt: không bị kỷ luật trong năm 2025', 'no_discipline_at_least'),
        ],
        {},
        id='disc none',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {'discipline': 'higher', 'discipline_year': 2024},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', True, 'Đạt: hình thức kỷ luật cách chức hoặc cao hơn năm 2024 không thuộc năm xét', 'no_discipline_at_least'),
        ],
        {},
        id='disc other year',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {'discipline': 'warning', 'discipline_year': 2025},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', False, 'Bị kỷ luật cảnh cáo năm 2025: không xét khen thưởng (từ cảnh cáo trở lên)', 'no_discipline_at_least'),
        ],
        {},
        id='disc at level',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {'discipline': 'higher', 'discipline_year': 2025},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', False, 'Bị kỷ luật cách chức hoặc cao hơn năm 2025: không xét khen thưởng (từ cảnh cáo trở lên)', 'no_discipline_at_least'),
        ],
        {},
        id='disc above level',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {'discipline': 'reprimand', 'discipline_year': 2025},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', True, 'Đạt: kỷ luật khiển trách dưới mức loại trừ', 'no_discipline_at_least'),
        ],
        {},
        id='disc below level',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {'discipline': 'warning'},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', False, 'Bị kỷ luật cảnh cáo năm 2025: không xét khen thưởng (từ cảnh cáo trở lên)', 'no_discipline_at_least'),
        ],
        {},
        id='disc no year',
    ),
    pytest.param(
        {'type': 'no_discipline_at_least', 'level': 'warning'},
        PERSON, {'discipline': 'reprimand'},
        [
            ('Không bị kỷ luật từ cảnh cáo trở lên trong năm', True, 'Đạt: kỷ luật khiển trách dưới mức loại trừ', 'no_discipline_at_least'),
        ],
        {},
        id='disc no year below',
    ),
    pytest.param(
        {'type': 'discipline_served'},
        PERSON, {},
        [
            ('Thành tích tính từ khi chấp hành xong thời gian kỷ luật', True, 'Đạt: không bị kỷ luật trong năm 2025', 'discipline_served'),
        ],
        {},
        id='served none',
    ),
    pytest.param(
        {'type': 'discipline_served'},
        PERSON, {'discipline': 'warning', 'discipline_year': 2024},
        [
            ('Thành tích tính từ khi chấp hành xong thời gian kỷ luật', True, 'Đạt: không bị kỷ luật trong năm 2025', 'discipline_served'),
        ],
        {},
        id='served other year',
    ),
    pytest.param(
        {'type': 'discipline_served'},
        PERSON, {'discipline': 'reprimand', 'discipline_year': 2025},
        [
            ('Thành tích tính từ khi chấp hành xong thời gian kỷ luật', None, 'Cần xem xét: bị kỷ luật khiển trách năm 2025; thành tích chỉ được tính từ khi chấp hành xong thời gian kỷ luật', 'discipline_served'),
        ],
        {},
        id='served this year',
    ),
    pytest.param(
        {'type': 'discipline_served'},
        PERSON, {'discipline': 'reprimand'},
        [
            ('Thành tích tính từ khi chấp hành xong thời gian kỷ luật', None, 'Cần xem xét: bị kỷ luật khiển trách năm 2025; thành tích chỉ được tính từ khi chấp hành xong thời gian kỷ luật', 'discipline_served'),
        ],
        {},
        id='served no year',
    ),
    pytest.param(
        {'type': 'not_under_review'},
        PERSON, {'under_review': True},
        [
            ('Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo', False, 'Đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc giải quyết khiếu nại, tố cáo: chưa xét khen thưởng', 'not_under_review'),
        ],
        {},
        id='review yes',
    ),
    pytest.param(
        {'type': 'not_under_review'},
        PERSON, {},
        [
            ('Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo', True, 'Đạt: không trong thời gian xem xét kỷ luật, thanh tra, khiếu nại, tố cáo', 'not_under_review'),
        ],
        {},
        id='review no',
    ),
    pytest.param(
        {'type': 'vote_share'},
        PERSON, {'vote': (1, 10)},
        [
            ('Biểu quyết của Hội đồng', True, 'Không yêu cầu biểu quyết', 'vote_share'),
        ],
        {},
        id='vote not required',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 80},
        PERSON, {},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 80% tổng số thành viên', False, 'Chưa có kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng (cần từ 80% tổng số thành viên)', 'vote_share'),
        ],
        {},
        id='vote min none',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 80},
        PERSON, {'vote': (7, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 80% tổng số thành viên', False, 'Chưa đạt: 7/10 thành viên Hội đồng đồng ý, bằng 70% tổng số thành viên (yêu cầu từ 80%)', 'vote_share'),
        ],
        {},
        id='vote min below',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 80},
        PERSON, {'vote': (8, 10, 9)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 80% tổng số thành viên', True, 'Đạt: 8/10 thành viên Hội đồng đồng ý (có mặt 9), bằng 80% tổng số thành viên (yêu cầu từ 80%)', 'vote_share'),
        ],
        {},
        id='vote min at',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 80},
        PERSON, {'vote': (9, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 80% tổng số thành viên', True, 'Đạt: 9/10 thành viên Hội đồng đồng ý, bằng 90% tổng số thành viên (yêu cầu từ 80%)', 'vote_share'),
        ],
        {},
        id='vote min above',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 80},
        PERSON, {'vote': (11, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 80% tổng số thành viên', False, 'Kết quả bỏ phiếu không hợp lệ: Số phiếu đồng ý (11) lớn hơn tổng số thành viên Hội đồng (10).', 'vote_share'),
        ],
        {},
        id='vote invalid',
    ),
    pytest.param(
        {'type': 'vote_share'},
        PERSON, {'vote': (9, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 90% tổng số thành viên', True, 'Đạt: 9/10 thành viên Hội đồng đồng ý, bằng 90% tổng số thành viên (yêu cầu từ 90%)', 'vote_share'),
        ],
        {"entry": {"vote": VOTE90}},
        id='vote entry threshold',
    ),
    pytest.param(
        {'type': 'vote_share'},
        PERSON, {'vote': (8, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 90% tổng số thành viên', False, 'Chưa đạt: 8/10 thành viên Hội đồng đồng ý, bằng 80% tổng số thành viên (yêu cầu từ 90%)', 'vote_share'),
        ],
        {"entry": {"vote": VOTE90}},
        id='vote entry threshold below',
    ),
    pytest.param(
        {'type': 'vote_share'},
        PERSON, {},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 90% tổng số thành viên', False, 'Chưa có kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng (cần từ 90% tổng số thành viên)', 'vote_share'),
        ],
        {"entry": {"vote": VOTE90}},
        id='vote entry threshold none',
    ),
    pytest.param(
        {'type': 'vote_share'},
        PERSON, {'vote': (9, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng biểu quyết (ngưỡng theo quy chế của Hội đồng)', None, 'Cần xem xét: 9/10 thành viên Hội đồng đồng ý, bằng 90% tổng số thành viên; ngưỡng biểu quyết chưa đối chiếu được văn bản — đối chiếu quy chế của Hội đồng', 'vote_share'),
        ],
        {"entry": {"vote": VOTE_OPEN}},
        id='vote entry no threshold',
    ),
    pytest.param(
        {'type': 'vote_share'},
        PERSON, {},
        [
            ('Hội đồng Thi đua – Khen thưởng biểu quyết (ngưỡng theo quy chế của Hội đồng)', False, 'Chưa có kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng (ngưỡng theo quy chế của Hội đồng)', 'vote_share'),
        ],
        {"entry": {"vote": VOTE_OPEN}},
        id='vote entry no threshold none',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 50},
        PERSON, {'vote': (5, 10)},
        [
            ('Hội đồng Thi đua – Khen thưởng đồng ý từ 50% tổng số thành viên', True, 'Đạt: 5/10 thành viên Hội đồng đồng ý, bằng 50% tổng số thành viên (yêu cầu từ 50%)', 'vote_share'),
        ],
        {"entry": {"vote": VOTE90}},
        id='vote min overrides entry',
    ),
    pytest.param(
        {'type': 'vote_share', 'min': 50.5, 'label': 'Hội đồng đồng ý'},
        PERSON, {'vote': (5, 10)},
        [
            ('Hội đồng đồng ý', False, 'Chưa đạt: 5/10 thành viên Hội đồng đồng ý, bằng 50% tổng số thành viên (yêu cầu từ 50,5%)', 'vote_share'),
        ],
        {},
        id='vote labelled',
    ),
    pytest.param(
        {'type': 'manual', 'label': 'Có thành tích xuất sắc đột xuất'},
        PERSON, {},
        [
            ('Có thành tích xuất sắc đột xuất', None, 'Cần xem xét: Có thành tích xuất sắc đột xuất', 'manual'),
        ],
        {},
        id='manual',
    ),
    pytest.param(
        {'type': 'any_of', 'items': [{'type': 'initiatives', 'min': 1}, {'type': 'research', 'min': 1}]},
        PERSON, {'research': [(2025, 'ĐT1')]},
        [
            ('Có 1 sáng kiến được công nhận hoặc Có 1 đề tài, đề án khoa học được nghiệm thu', True, 'Đạt: đề tài, đề án được nghiệm thu: ĐT1 (2025)', 'any_of'),
        ],
        {},
        id='any winner',
    ),
    pytest.param(
        {'type': 'any_of', 'items': [{'type': 'initiatives', 'min': 1}, {'type': 'research', 'min': 1}]},
        PERSON, {},
        [
            ('Có 1 sáng kiến được công nhận hoặc Có 1 đề tài, đề án khoa học được nghiệm thu', False, 'Chưa đạt: Có 1 sáng kiến được công nhận hoặc Có 1 đề tài, đề án khoa học được nghiệm thu (cần 1 sáng kiến được công nhận; hiện có 0; cần 1 đề tài, đề án khoa học được nghiệm thu; hiện có 0)', 'any_of'),
        ],
        {},
        id='any fail',
    ),
    pytest.param(
        {'type': 'any_of', 'label': 'Một trong hai', 'items': [{'type': 'initiatives', 'min': 1}, {'type': 'manual', 'label': 'Mưu trí'}]},
        PERSON, {},
        [
            ('Một trong hai', None, 'Cần xem xét: Một trong hai', 'any_of'),
        ],
        {},
        id='any review',
    ),
    pytest.param(
        {'type': 'any_of', 'items': [{'type': 'initiatives', 'min': 1, 'subject_kinds': ['collective']}, {'type': 'research', 'min': 1}]},
        PERSON, {},
        [
            ('Có 1 đề tài, đề án khoa học được nghiệm thu', False, 'Chưa đạt: Có 1 đề tài, đề án khoa học được nghiệm thu (cần 1 đề tài, đề án khoa học được nghiệm thu; hiện có 0)', 'any_of'),
        ],
        {},
        id='any filtered',
    ),
    pytest.param(
        {'type': 'all_of', 'items': [{'type': 'rating_at_least', 'value': 'good'}, {'type': 'not_under_review'}]},
        PERSON, {'ratings': {2025: 'good'}},
        [
            ('Xếp loại Hoàn thành tốt nhiệm vụ trở lên và Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo', True, 'Đạt: xếp loại năm 2025 là Hoàn thành tốt nhiệm vụ; không trong thời gian xem xét kỷ luật, thanh tra, khiếu nại, tố cáo', 'all_of'),
        ],
        {},
        id='all pass',
    ),
    pytest.param(
        {'type': 'all_of', 'label': 'Cả hai', 'items': [{'type': 'rating_at_least', 'value': 'good'}, {'type': 'manual', 'label': 'Mưu trí'}]},
        PERSON, {'ratings': {2025: 'good'}},
        [
            ('Cả hai', None, 'Cần xem xét: Cả hai', 'all_of'),
        ],
        {},
        id='all review',
    ),
    pytest.param(
        {'type': 'all_of', 'items': [{'type': 'rating_at_least', 'value': 'good'}, {'type': 'manual', 'label': 'Mưu trí'}, {'type': 'not_under_review'}]},
        PERSON, {'under_review': True},
        [
            ('Xếp loại Hoàn thành tốt nhiệm vụ trở lên và Mưu trí và Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo', False, 'Chưa đạt: Chưa có xếp loại chất lượng năm 2025 (yêu cầu Hoàn thành tốt nhiệm vụ trở lên); Đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc giải quyết khiếu nại, tố cáo: chưa xét khen thưởng', 'all_of'),
        ],
        {},
        id='all fail',
    ),
    pytest.param(
        {'type': 'rating_at_least', 'value': 'good', 'award_kinds': ['dot_xuat']},
        PERSON, {},
        [
        ],
        {},
        id='filter award kind',
    ),
]


@pytest.mark.parametrize(("criterion", "base", "facts", "expected", "options"), CASES)
def test_each_criterion_as_whole_checks(criterion, base, facts, expected, options):
    given = {**base, **facts}
    rs = judged_by(criterion, given["title_code"], **options)
    result = check(NomineeFacts(**given), rs)
    assert result.checks == [Check(label, passed, detail, kind, SOURCE) for label, passed, detail, kind in expected]
    assert result.reasons == [detail for _, _, detail, _ in expected]
    assert result.ok is all(passed is not False for _, passed, _, _ in expected)
    assert result.failed == [c for c in result.checks if c.passed is False]
    assert result.to_review == [c for c in result.checks if c.passed is None]


def test_a_criterion_type_the_engine_does_not_know_is_refused():
    rs = ruleset_for(AFTER)
    ctx = eligibility._Ctx(NomineeFacts(**PERSON), rs, rs.catalogue["LDTT"])
    with pytest.raises(InputError) as err:
        eligibility._evaluate({"type": "bí ẩn"}, ctx)
    assert (str(err.value), err.value.field, err.value.value) == (
        "Kiểu tiêu chí “bí ẩn” chưa được hỗ trợ.", "type", "bí ẩn")
    assert eligibility._evaluate({"type": "bí ẩn", "subject_kinds": ["collective"]}, ctx) is None  # not for persons


def test_a_criterion_without_a_source_keeps_its_check_uncited():
    rs = ruleset_for(AFTER)
    ctx = eligibility._Ctx(NomineeFacts(**PERSON, ratings={2025: "good"}), rs, rs.catalogue["LDTT"])
    assert eligibility._evaluate({"type": "rating_at_least", "value": "good"}, ctx) == Check(
        "Xếp loại Hoàn thành tốt nhiệm vụ trở lên", True, "Đạt: xếp loại năm 2025 là Hoàn thành tốt nhiệm vụ",
        "rating_at_least", "")
    # the items of any_of/all_of cite their parent's article
    parent = {"type": "all_of", "items": [{"type": "not_under_review"}], "source": SRC}
    assert eligibility._evaluate(parent, ctx).source == SOURCE


# --------------------------------------------------------------------------- check: the whole result


def expected_result(facts: NomineeFacts, checks: list[Check], notes: list[str], rs=None) -> EligibilityResult:
    rs = rs or ruleset_for(facts.judged_on)
    entry = rs.catalogue[facts.title_code]
    return EligibilityResult(
        ok=all(c.passed is not False for c in checks),
        reasons=[c.detail for c in checks],
        checks=checks,
        ruleset_basis=rs.describe(),
        ruleset_id=rs.id,
        title_code=entry.code,
        title_name=entry.name,
        deciding_authority=entry.decided_by,
        commune_decides=entry.commune_decides,
        vote_threshold=entry.vote_threshold if entry.vote_required else None,
        dossier=dossier_for(rs, entry.code, subject_kind=facts.subject_kind, award_kind=facts.award_kind),
        dossier_note=rs.dossier_note,
        notes=notes,
    )


NO_REVIEW_98 = Check(
    "Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo", True,
    "Đạt: không trong thời gian xem xét kỷ luật, thanh tra, khiếu nại, tố cáo", "not_under_review",
    "Nghị định 98/2023/NĐ-CP (áp dụng từ 01/01/2024 đến 30/06/2025) — đã đối chiếu nội dung, chưa đối chiếu số "
    "điều, khoản: Nguyên tắc xét khen thưởng của Nghị định 98/2023/NĐ-CP; nội dung giữ nguyên tại Điều 4 Nghị "
    "định 152/2025/NĐ-CP",
)


def cstdcs_2024(**kw: Any) -> NomineeFacts:
    return NomineeFacts(**{
        "subject_kind": "person", "year": 2024, "title_code": "CSTDCS", "decision_date": BEFORE,
        "ratings": {2024: "excellent"}, "titles": [(2024, "LDTT")], "initiatives": [(2024, "SK1")], "vote": (8, 10),
        **kw,
    })


def test_cstdcs_under_decree_98_whole_result():
    facts = cstdcs_2024()
    checks = [
        NO_REVIEW_98,
        dataclasses.replace(NO_REVIEW_98, label="Thành tích tính từ khi chấp hành xong thời gian kỷ luật",
                            detail="Đạt: không bị kỷ luật trong năm 2024", criterion="discipline_served"),
        Check("Đạt danh hiệu Lao động tiên tiến (hoặc Chiến sĩ tiên tiến) cùng năm", True,
              "Đạt: danh hiệu Lao động tiên tiến năm 2024", "requires_title_same_year",
              "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 1 (áp dụng từ 01/01/2024 đến 30/06/2025)"),
        Check("Có sáng kiến được cơ sở công nhận, hoặc có đề tài, đề án, công trình khoa học đã được nghiệm thu, hoặc "
              "mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu", True, "Đạt: 1 sáng kiến được công nhận: SK1 (2024)",
              "any_of", "Luật Thi đua, khen thưởng 2022, Điều 23, khoản 2 (áp dụng từ 01/01/2024 đến 30/06/2025)"),
        Check("Hội đồng Thi đua – Khen thưởng đồng ý từ 80% tổng số thành viên", True,
              "Đạt: 8/10 thành viên Hội đồng đồng ý, bằng 80% tổng số thành viên (yêu cầu từ 80%)", "vote_share",
              "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7 (áp dụng từ 01/01/2024 đến 30/06/2025)"),
    ]
    notes = ["Thẩm quyền quyết định: Chủ tịch UBND huyện; xã lập hồ sơ đề nghị."]
    assert check(facts) == expected_result(facts, checks, notes)
    # one vote short of 80 % of the council
    short = check(cstdcs_2024(vote=(7, 10)))
    assert short.ok is False and [c.criterion for c in short.failed] == ["vote_share"]


def test_a_title_outside_the_catalogue():
    for code, name in (("NOPE", "NOPE"), ("GIAY_KHEN_HUYEN", TITLE_CODES["GIAY_KHEN_HUYEN"])):
        facts = NomineeFacts(subject_kind="person", year=2025, title_code=code, decision_date=AFTER)
        detail = f"“{name}” không có trong danh mục khen thưởng của Nghị định 152/2025/NĐ-CP; Nghị định 129/2025/NĐ-CP"
        rs = ruleset_for(AFTER)
        assert check(facts) == EligibilityResult(
            False, [detail], [Check("Danh mục khen thưởng", False, detail)], rs.describe(), rs.id, code, name, notes=[]
        )


def test_a_title_for_another_kind_of_subject_or_award():
    facts = NomineeFacts(subject_kind="collective", year=2024, title_code="CSTDCS", award_kind="dot_xuat",
                         decision_date=BEFORE)
    checks = [
        Check("Đối tượng được xét tặng", False,
              "Chiến sĩ thi đua cơ sở không xét tặng cho tập thể (chỉ xét tặng cho: cá nhân)", "subject_kind"),
        Check("Loại hình khen thưởng", False,
              "Chiến sĩ thi đua cơ sở không xét theo loại hình khen thưởng đột xuất (chỉ: khen thưởng công trạng)",
              "award_kind"),
    ]
    notes = ["Thẩm quyền quyết định: Chủ tịch UBND huyện; xã lập hồ sơ đề nghị.",
             "Khen thưởng đột xuất không dùng làm căn cứ đề nghị khen thưởng công trạng sau này."]
    assert check(facts) == expected_result(facts, checks, notes)
    person = dataclasses.replace(facts, subject_kind=SubjectKind.PERSON)
    assert check(person).checks == checks[1:]  # its criteria are not judged either


def test_a_commune_award_names_its_deciding_authority_and_the_sudden_kind():
    facts = NomineeFacts(subject_kind="person", year=2025, title_code="GIAY_KHEN", award_kind="dot_xuat",
                         decision_date=dt.date(2025, 12, 1))
    result = check(facts)
    assert result.notes == ["Thẩm quyền quyết định: Chủ tịch UBND xã.",
                            "Khen thưởng đột xuất không dùng làm căn cứ đề nghị khen thưởng công trạng sau này."]
    assert (result.ok, result.commune_decides, result.vote_threshold) == (True, True, None)
    assert [c.criterion for c in result.checks] == ["not_under_review", "discipline_served", "manual"]
    assert result == expected_result(facts, result.checks, result.notes)
    thematic = check(dataclasses.replace(facts, award_kind=AwardKind.CHUYEN_DE))
    assert thematic.notes[1] == "Khen thưởng theo chuyên đề không dùng làm căn cứ đề nghị khen thưởng công trạng sau này."
    assert check(dataclasses.replace(facts, award_kind=AwardKind.CONG_TRANG)).notes == thematic.notes[:1]


@pytest.mark.parametrize(("share", "noted"), [(None, False), (69.9, False), (70, True), (70.1, True), (100, True)])
def test_priority_note_for_collectives_from_70_percent_women(share, noted):
    note = "Ưu tiên khi có nhiều tập thể đủ tiêu chuẩn như nhau: tập thể có từ 70% nữ."
    facts = NomineeFacts(subject_kind="collective", year=2025, title_code="TLDTT", women_share=share, decision_date=AFTER)
    assert check(facts).notes == ["Thẩm quyền quyết định: Chủ tịch UBND xã.", *([note] if noted else [])]
    person = NomineeFacts(subject_kind="person", year=2025, title_code="LDTT", women_share=share, decision_date=AFTER)
    assert note not in check(person).notes


def test_the_rule_set_is_chosen_by_date_and_province(monkeypatch):
    asked = []

    def spy(on, *, province_code=None):
        asked.append((on, province_code))
        return ruleset_for(on)

    monkeypatch.setattr(eligibility, "ruleset_for", spy)
    check(NomineeFacts(subject_kind="person", year=2025, title_code="LDTT", achievement_date=AFTER), province_code="27")
    check(NomineeFacts(subject_kind="person", year=2024, title_code="LDTT"))
    assert asked == [(AFTER, "27"), (dt.date(2024, 12, 31), None)]
    given = ruleset_for(BEFORE)
    assert check(NomineeFacts(subject_kind="person", year=2025, title_code="LDTT"), given).ruleset_id == "nd98_2023"
    assert len(asked) == 2  # a rule set given is used as it is


def test_facts_are_read_from_plain_values():
    facts = NomineeFacts(
        subject_kind="person", year=2025, title_code="CSTDCS", award_kind="cong_trang", discipline="warning",
        ratings={"2025": "good"}, titles=[{"year": 2025, "code": "LDTT"}, (2024, "CSTDCS", "dot_xuat"),
                                          PriorTitle(2023, "CSTDCS")],
        initiatives=[{"year": 2025, "name": "SK"}, (2024, "SK2", "tinh", False)],
        research=[Research(2025, "ĐT"), {"year": 2024, "name": "ĐT2", "accepted": False}, (2023, "ĐT3", True, "tinh")],
        vote=[9, 10],
    )
    assert facts.subject_kind is SubjectKind.PERSON and facts.award_kind is AwardKind.CONG_TRANG
    assert facts.discipline is Discipline.WARNING and facts.ratings == {2025: Rating.GOOD}
    assert facts.titles == [PriorTitle(2025, "LDTT"), PriorTitle(2024, "CSTDCS", AwardKind.DOT_XUAT), PriorTitle(2023, "CSTDCS")]
    assert facts.titles[1].award_kind is AwardKind.DOT_XUAT
    assert facts.initiatives == [Initiative(2025, "SK"), Initiative(2024, "SK2", "tinh", False)]
    assert facts.research == [Research(2025, "ĐT"), Research(2024, "ĐT2", False), Research(2023, "ĐT3", True, "tinh")]
    assert facts.vote == (9, 10)
    assert NomineeFacts(subject_kind="person", year=2025, title_code="LDTT").vote is None
    assert NomineeFacts(subject_kind="person", year=2025, title_code="LDTT").judged_on == dt.date(2025, 12, 31)
    both = NomineeFacts(subject_kind="person", year=2025, title_code="LDTT", decision_date=BEFORE, achievement_date=AFTER)
    assert both.judged_on == BEFORE


# --------------------------------------------------------------------------- metamorphic: what concerns a title


def passing(**kw: Any) -> dict[str, Any]:
    return {"subject_kind": "person", "year": 2025, "decision_date": AFTER, **kw}


# Nominees who meet every computable criterion of their title (under both decrees), and the facts each
# title requires.
PASSING = {
    "LDTT": passing(title_code="LDTT", ratings={2025: "good"}),
    "CSTT": passing(title_code="CSTT", ratings={2025: "excellent"}),
    "CSTDCS": passing(title_code="CSTDCS", ratings={2025: "excellent"}, titles=[(2025, "LDTT")],
                      initiatives=[(2025, "SK cơ sở", "co_so")], vote=(9, 10)),
    "CSTD_TINH": passing(title_code="CSTD_TINH", titles=[(2023, "CSTDCS"), (2024, "CSTDCS"), (2025, "CSTDCS")],
                         research=[(2024, "Đề tài cấp tỉnh", True, "tinh")], vote=(10, 10)),
    "CSTD_TQ": passing(title_code="CSTD_TQ", titles=[(2022, "CSTD_TINH"), (2025, "CSTD_TINH")],
                       initiatives=[(2025, "SK toàn quốc", "trung_uong")], vote=(10, 10)),
}
REQUIRED = {  # title → (name of the fact, the facts without it)
    "LDTT": [("rating", {"ratings": {}})],
    "CSTT": [("rating", {"ratings": {2025: "done"}})],
    "CSTDCS": [("LĐTT of the year", {"titles": []}), ("initiative", {"initiatives": []}), ("vote", {"vote": None})],
    "CSTD_TINH": [("first CSTĐCS", {"titles": [(2024, "CSTDCS"), (2025, "CSTDCS")]}),
                  ("middle CSTĐCS", {"titles": [(2023, "CSTDCS"), (2025, "CSTDCS")]}),
                  ("research", {"research": []}), ("vote", {"vote": None})],
    "CSTD_TQ": [("first CSTĐ tỉnh", {"titles": [(2025, "CSTD_TINH")]}), ("initiative", {"initiatives": []}),
                ("vote", {"vote": None})],
}
DATES = {"98": dt.date(2025, 3, 15), "152": AFTER}


def verdict(facts: dict[str, Any], on: dt.date) -> tuple[bool, list[tuple[str, bool | None]]]:
    result = check(NomineeFacts(**{**facts, "decision_date": on}))
    return result.ok, [(c.label, c.passed) for c in result.checks]


@pytest.mark.parametrize("decree", DATES)
@pytest.mark.parametrize("code", PASSING)
def test_the_passing_nominees_pass(code, decree):
    ok, checks = verdict(PASSING[code], DATES[decree])
    assert ok, checks
    if decree == "98":
        assert all(passed for _, passed in checks), checks  # every criterion computable before 07/2025


@pytest.mark.parametrize("decree", DATES)
@pytest.mark.parametrize(("code", "missing", "without"), [(c, name, w) for c, ws in REQUIRED.items() for name, w in ws])
def test_taking_away_a_required_fact_always_fails(code, missing, without, decree):
    ok, checks = verdict({**PASSING[code], **without}, DATES[decree])
    assert ok is False, (missing, checks)


def concerned_codes(code: str) -> set[str]:
    """The title codes the criteria of ``code`` look at (either decree)."""
    found: set[str] = set()

    def walk(crits):
        for c in crits:
            found.update(c.get("codes") or ([c["code"]] if "code" in c else []))
            walk(c.get("items", []))

    for on in DATES.values():
        walk(ruleset_for(on).catalogue[code].criteria)
    return found


YEAR = 2025
LEVELS = ["co_so", "xa", "huyen", "tinh", "trung_uong"]
later = st.integers(min_value=YEAR + 1, max_value=YEAR + 6)
any_year = st.integers(min_value=YEAR - 10, max_value=YEAR)


@st.composite
def irrelevant_facts(draw, code: str) -> dict[str, list]:
    """Facts that must not change the verdict on ``code``: titles of codes its criteria do not read, titles,
    ratings, sáng kiến and đề tài of later years, sáng kiến not recognised, đề tài not accepted."""
    others = sorted(set(TITLE_CODES) - concerned_codes(code))
    titles = draw(st.lists(st.one_of(
        st.tuples(any_year, st.sampled_from(others), st.sampled_from(list(AwardKind))),
        st.tuples(later, st.sampled_from(sorted(TITLE_CODES)), st.sampled_from(list(AwardKind))),
    ), max_size=4))
    ratings = draw(st.dictionaries(later, st.sampled_from(list(Rating)), max_size=3))
    initiatives = draw(st.lists(st.one_of(
        st.builds(Initiative, later, st.just("SK sau"), st.sampled_from(LEVELS)),
        st.builds(Initiative, any_year, st.just("SK chưa công nhận"), st.sampled_from(LEVELS), st.just(False)),
    ), max_size=3))
    research = draw(st.lists(st.one_of(
        st.builds(Research, later, st.just("ĐT sau"), st.just(True), st.sampled_from(LEVELS)),
        st.builds(Research, any_year, st.just("ĐT chưa nghiệm thu"), st.just(False), st.sampled_from(LEVELS)),
    ), max_size=3))
    return {"titles": titles, "ratings": ratings, "initiatives": initiatives, "research": research}


def added(facts: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(facts)
    out["titles"] = [*facts.get("titles", []), *extra["titles"]]
    out["ratings"] = {**extra["ratings"], **facts.get("ratings", {})}
    out["initiatives"] = [*facts.get("initiatives", []), *extra["initiatives"]]
    out["research"] = [*facts.get("research", []), *extra["research"]]
    return out


def _with_irrelevant(code: str):
    return st.tuples(
        st.sampled_from([PASSING[code], *({**PASSING[code], **w} for _, w in REQUIRED[code])]),
        irrelevant_facts(code),
        st.sampled_from(list(DATES.values())),
    )


@pytest.mark.parametrize("code", PASSING)
def test_facts_that_do_not_concern_a_title_never_change_its_verdict(code):
    @given(_with_irrelevant(code))
    def run(case):
        facts, extra, on = case
        assert verdict(added(facts, extra), on) == verdict(facts, on)

    run()


@pytest.mark.parametrize("code", PASSING)
@pytest.mark.parametrize("discipline", [d for d in Discipline if d is not Discipline.NONE])
def test_a_discipline_of_another_year_never_changes_a_verdict(code, discipline):
    for facts in (PASSING[code], *({**PASSING[code], **w} for _, w in REQUIRED[code])):
        for on in DATES.values():
            earlier = {**facts, "discipline": discipline, "discipline_year": YEAR - 1}
            assert verdict(earlier, on) == verdict(facts, on)


@pytest.mark.parametrize("code", PASSING)
def test_a_discipline_in_the_year_is_left_to_a_person_not_hidden(code):
    for on in DATES.values():
        ok, checks = verdict({**PASSING[code], "discipline": "reprimand", "discipline_year": YEAR}, on)
        assert ok is True  # the Decree counts achievements from the end of the discipline: a person decides
        assert ("Thành tích tính từ khi chấp hành xong thời gian kỷ luật", None) in checks
        no_year = verdict({**PASSING[code], "discipline": "reprimand"}, on)
        assert no_year == (ok, checks)  # a discipline with no year recorded is taken as of the year


@pytest.mark.parametrize("code", PASSING)
def test_being_under_review_always_blocks(code):
    for on in DATES.values():
        ok, checks = verdict({**PASSING[code], "under_review": True}, on)
        assert ok is False
        assert ("Không trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo", False) in checks


# --------------------------------------------------------------------------- labels, defaults and names

LABELLED = [
    ({"type": "rating_at_least", "value": "good"}, PERSON),
    ({"type": "consecutive_ratings", "value": "good", "years": 2}, PERSON),
    ({"type": "requires_title_same_year", "code": "LDTT"}, PERSON),
    ({"type": "consecutive_titles", "code": "CSTDCS", "years": 2}, PERSON),
    ({"type": "titles_count", "code": "CSTDCS", "min": 1}, PERSON),
    ({"type": "initiatives", "min": 1}, PERSON),
    ({"type": "research", "min": 1}, PERSON),
    ({"type": "innovations", "min": 1}, PERSON),
    ({"type": "collective_share_ldtt", "min": 70}, COLLECTIVE),
    ({"type": "collective_all_completed"}, COLLECTIVE),
    ({"type": "collective_has_cstdcs"}, COLLECTIVE),
    ({"type": "collective_no_discipline", "level": "warning"}, COLLECTIVE),
    ({"type": "no_discipline_at_least", "level": "warning"}, PERSON),
    ({"type": "discipline_served"}, PERSON),
    ({"type": "not_under_review"}, PERSON),
    ({"type": "vote_share", "min": 50}, PERSON),
    ({"type": "any_of", "items": [{"type": "not_under_review"}]}, PERSON),
    ({"type": "all_of", "items": [{"type": "not_under_review"}]}, PERSON),
]


@pytest.mark.parametrize(("criterion", "base"), LABELLED, ids=[c["type"] for c, _ in LABELLED])
def test_every_criterion_takes_the_label_its_rule_gives(criterion, base):
    rs = judged_by({**criterion, "label": "Tiêu chí do tỉnh đặt tên"}, base["title_code"])
    assert [c.label for c in check(NomineeFacts(**base), rs).checks] == ["Tiêu chí do tỉnh đặt tên"]


def test_the_unused_rule_takes_its_label_too():
    rs = ruleset_for(AFTER, overrides={
        "common_criteria": [{**UNUSED, "label": "Không dùng lại sáng kiến"}],
        "catalogue": {"LDTT": {"criteria": [{"type": "not_under_review", "source": SRC}]}},
    })
    facts = NomineeFacts(**PERSON, initiatives=[Initiative(2025, "SK", used_for="LĐTT 2024")])
    assert check(facts, rs).checks[0] == Check(
        "Không dùng lại sáng kiến", True, "Không tính lại: SK (đã dùng cho LĐTT 2024)", "initiatives_unused", SOURCE)


@pytest.mark.parametrize(
    ("criterion", "facts", "passed"),
    [
        # a run ending two years before the year is too old unless the rule allows a gap of two
        ({"type": "consecutive_ratings", "value": "good", "years": 2}, {"ratings": {2022: "good", 2023: "good"}}, False),
        ({"type": "consecutive_ratings", "value": "good", "years": 2, "max_gap": 2},
         {"ratings": {2022: "good", 2023: "good"}}, True),
        ({"type": "consecutive_titles", "code": "CSTDCS", "years": 2},
         {"titles": [(2022, "CSTDCS"), (2023, "CSTDCS")]}, False),
        ({"type": "consecutive_titles", "code": "CSTDCS", "years": 2, "max_gap": 2},
         {"titles": [(2022, "CSTDCS"), (2023, "CSTDCS")]}, True),
    ],
)
def test_runs_default_to_ending_this_year_or_the_year_before(criterion, facts, passed):
    assert only_check(criterion, facts).passed is passed


def only_check(criterion: dict[str, Any], facts: dict[str, Any], base: dict[str, Any] = PERSON, **options: Any) -> Check:
    """The check of ``criterion`` (after the one of the common rule on used sáng kiến, when asked for)."""
    result = check(NomineeFacts(**{**base, **facts}), judged_by(criterion, base["title_code"], **options))
    assert len(result.checks) in (1, 2 if options.get("common") else 1)
    return result.checks[-1]


def test_of_two_runs_as_long_the_latest_counts():
    assert eligibility._latest_run({2023, 2025}, 2025, 2) == [2025]
    c = only_check({"type": "consecutive_ratings", "value": "good", "years": 2, "max_gap": 2},
                   {"ratings": {2023: "good", 2025: "good"}})
    assert c.detail == "Chưa đạt: cần 2 năm liên tục Hoàn thành tốt nhiệm vụ trở lên; liền nhau gần nhất: 2025"


def test_innovations_window_and_notes_of_each_kind():
    c = only_check({"type": "innovations", "min": 1, "within_years": 2},
                   {"initiatives": [(2023, "SK cũ")], "research": [(2023, "ĐT cũ")]})
    assert c.detail == "Chưa đạt: cần 1 sáng kiến hoặc 1 đề tài; hiện có 0 sáng kiến, 0 đề tài"
    c = only_check({"type": "innovations", "min": 1, "within_years": 2}, {"research": [(2024, "ĐT mới")]})
    assert c.passed is True
    used = only_check({"type": "innovations", "min": 1}, {"research": [Research(2025, "ĐT1", used_for="CSTĐCS 2024")]},
                      common=True)
    assert used.detail == ("Chưa đạt: cần 1 sáng kiến hoặc 1 đề tài; hiện có 0 sáng kiến, 0 đề tài; "
                           "không tính lại: ĐT1 (đã dùng cho CSTĐCS 2024)")
    research = only_check({"type": "research", "min": 1}, {"research": [Research(2025, "ĐT2")],
                                                          "initiatives": [Initiative(2025, "SK", used_for="LĐTT")]})
    assert research.passed is True


def test_several_research_projects_and_the_commune_level():
    c = only_check({"type": "research", "min": 1, "level_at_least": "xa"}, {"research": [(2025, "ĐT1"), (2024, "ĐT2", True, "xa")]})
    assert c == Check("Có 1 đề tài, đề án khoa học được nghiệm thu", True,
                      "Đạt: đề tài, đề án được nghiệm thu: ĐT2 (2024)", "research", SOURCE)
    two = only_check({"type": "research", "min": 2}, {"research": [(2025, "ĐT1"), (2024, "ĐT2")]})
    assert two.detail == "Đạt: đề tài, đề án được nghiệm thu: ĐT1 (2025); ĐT2 (2024)"
    commune = only_check({"type": "initiatives", "min": 1, "level_at_least": "xa"}, {"initiatives": [(2025, "SK", "xa")]})
    assert commune.label == "Có 1 sáng kiến được công nhận"  # no "phạm vi ảnh hưởng" below the district


def test_titles_are_named_from_the_catalogue_then_the_code_list():
    rs = ruleset_for(AFTER, overrides={
        "common_criteria": [],
        "catalogue": {
            "CSTT": {"name": "Chiến sĩ tiên tiến (lực lượng vũ trang)"},
            "LDTT": {"criteria": [
                {"type": "titles_count", "code": "CSTT", "min": 1, "source": SRC},
                {"type": "titles_count", "code": "GIAY_KHEN_HUYEN", "min": 1, "source": SRC},
            ]},
        },
    })
    labels = [c.label for c in check(NomineeFacts(**PERSON), rs).checks]
    assert labels == ["Ít nhất 1 lần Chiến sĩ tiên tiến (lực lượng vũ trang)",
                      f"Ít nhất 1 lần {TITLE_CODES['GIAY_KHEN_HUYEN']}"]  # not in the catalogue after 07/2025


def test_kinds_a_title_allows_are_listed_in_full():
    facts = NomineeFacts(subject_kind="person", year=2025, title_code="XA_TIEU_BIEU", award_kind="dot_xuat",
                         decision_date=AFTER)
    assert [c.detail for c in check(facts).checks] == [
        "Xã, phường, đặc khu tiêu biểu không xét tặng cho cá nhân (chỉ xét tặng cho: tập thể)",
        "Xã, phường, đặc khu tiêu biểu không xét theo loại hình khen thưởng đột xuất "
        "(chỉ: khen thưởng công trạng, khen thưởng theo phong trào thi đua)",
    ]
    rs = ruleset_for(AFTER, overrides={"catalogue": {"XA_TIEU_BIEU": {"subject_kinds": ["collective", "household"]}}})
    assert check(facts, rs).checks[0].detail == (
        "Xã, phường, đặc khu tiêu biểu không xét tặng cho cá nhân (chỉ xét tặng cho: tập thể, hộ gia đình)")


def test_an_early_date_keeps_its_note_even_for_a_title_outside_the_catalogue():
    facts = NomineeFacts(subject_kind="person", year=2023, title_code="KHAC", decision_date=dt.date(2023, 6, 1))
    assert check(facts).notes == list(ruleset_for(dt.date(2023, 6, 1)).notes) != []


def test_a_threshold_without_a_required_vote_is_not_shown():
    rs = ruleset_for(AFTER, overrides={"catalogue": {"LDTT": {"vote": {"required": False, "threshold": 80}}}})
    assert check(NomineeFacts(**PERSON), rs).vote_threshold is None


def test_every_used_sang_kien_is_named():
    c = only_check({"type": "initiatives", "min": 1},
                   {"initiatives": [Initiative(2025, "SK1", used_for="LĐTT 2023"), Initiative(2024, "SK2", used_for="LĐTT 2024")]},
                   common=True)
    assert c.detail == ("Chưa đạt: cần 1 sáng kiến được công nhận; hiện có 0; "
                        "không tính lại: SK1 (đã dùng cho LĐTT 2023); SK2 (đã dùng cho LĐTT 2024)")


@pytest.mark.parametrize(("criterion", "needs"), [
    ({"type": "rating_at_least", "value": "good"}, ("ratings",)),
    ({"type": "innovations", "min": 1}, ("initiative", "research")),
    ({"type": "vote_share", "min": 80}, ()),
    # a composite needs what any of its items needs, each once, in order
    ({"type": "any_of", "items": [{"type": "initiatives", "min": 1}, {"type": "research", "min": 1},
                                 {"type": "initiatives", "min": 2}]}, ("initiative", "research")),
    ({"type": "all_of", "items": [{"type": "rating_at_least", "value": "good"},
                                 {"type": "requires_title_same_year", "code": "LDTT"}]}, ("ratings", "award_history")),
])
def test_a_check_names_the_records_that_can_change_it(criterion, needs):
    """What the eligibility panel links to: the kind of record a person adds to change a criterion's check."""
    rs = judged_by(criterion, "CSTDCS")
    result = check(NomineeFacts(**{**PERSON, "title_code": "CSTDCS"}), rs)
    assert [(c.criterion, c.needs) for c in result.checks] == [(criterion["type"], needs)]
