import datetime as dt
import unicodedata

import pytest

from tdkt_desktop.core.text import (
    InputError,
    clean,
    collate_key,
    fold,
    format_date,
    format_money,
    format_number,
    long_date,
    nfc,
    parse_date,
    parse_int,
    parse_long_date,
    parse_number,
    person_sort_key,
    place_and_date,
)


def test_nfd_input_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Đào")
    assert nfd != "Nguyễn Thị Đào"
    assert nfc(nfd) == "Nguyễn Thị Đào"
    assert clean("  Phường \u00a0 Tân   Phú ") == "Phường Tân Phú"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Phường Tân Phú", "phuong tan phu"),
        ("ĐỖ THỊ ĐÀO", "do thi dao"),
        (unicodedata.normalize("NFD", "Đắk Lắk"), "dak lak"),
        ("Nguyễn Văn Ấn", "nguyen van an"),
        ("ưu tiên ơn", "uu tien on"),
    ],
)
def test_fold_removes_tones_and_folds_d(text, key):
    assert fold(text) == key


def test_vietnamese_alphabet_order_letters_then_tones():
    words = ["đào", "dung", "ân", "an", "ăn", "bé", "ơn", "ôm", "ong", "ưa", "uống", "anh", "án", "ạn", "ản"]
    ordered = sorted(words, key=collate_key)
    # a < ă < â < b < d < đ; o < ô < ơ; u < ư; toneless before tones; "an" before "anh"
    assert ordered == ["an", "ản", "án", "ạn", "anh", "ăn", "ân", "bé", "dung", "đào", "ong", "ôm", "ơn", "uống", "ưa"]


def test_tone_order_is_ngang_huyen_hoi_nga_sac_nang():
    assert sorted(["má", "mạ", "mã", "ma", "mả", "mà"], key=collate_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_people_sort_by_given_name_then_full_name():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Đức", "Phạm Thị Ánh", "Hoàng Văn Ân", "Vũ Thị An", "Bùi Dũng"]
    assert sorted(names, key=person_sort_key) == [
        "Nguyễn Thị An", "Vũ Thị An", "Phạm Thị Ánh", "Hoàng Văn Ân", "Trần Văn Bình", "Bùi Dũng", "Lê Văn Đức",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("7,5", 7.5), ("43.000", 43000.0), ("1.234,56", 1234.56), ("92,45", 92.45), ("0,36%", 0.36),
     ("7.5", 7.5), ("-2,5", -2.5), ("2.340.000", 2340000.0), (" 17 ", 17.0), ("", None), (None, None), (3, 3.0)],
)
def test_parse_number_vietnamese_forms(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["7,5,1", "abc", "1.23.4", "7,5.1", "12,3a", "1..5"])
def test_parse_number_rejects_with_vietnamese_message(text):
    with pytest.raises(InputError) as err:
        parse_number(text, field="Kết quả")
    assert str(err.value).startswith("Kết quả:")
    assert "7,5" in str(err.value) or "1.234,5" in str(err.value) or "số" in str(err.value)


def test_parse_int():
    assert parse_int("1.200") == 1200
    with pytest.raises(InputError, match="số nguyên"):
        parse_int("2,5")
    with pytest.raises(InputError, match="nhỏ hơn 0"):
        parse_int("-1")


def test_format_number_and_money():
    assert format_number(43000) == "43.000"
    assert format_number(92.45) == "92,45"
    assert format_number(7.5) == "7,5"
    assert format_number(2.0) == "2"
    assert format_number(1 / 3, decimals=2) == "0,33"
    assert format_number(-1234567.5) == "-1.234.567,5"
    assert format_money(2340000) == "2.340.000 đồng"


@pytest.mark.parametrize(
    ("text", "value"),
    [("05/01/2026", dt.date(2026, 1, 5)), ("5/1/2026", dt.date(2026, 1, 5)), ("05-01-2026", dt.date(2026, 1, 5)),
     ("05.01.2026", dt.date(2026, 1, 5)), ("2026-01-05", dt.date(2026, 1, 5)), ("ngày 13 tháng 12 năm 2022", dt.date(2022, 12, 13))],
)
def test_parse_date_forms(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text", ["31/02/2024", "13/13/2025", "hôm qua", "2025/01/05", "05/01/1800"])
def test_parse_date_rejects_with_vietnamese_message(text):
    with pytest.raises(InputError) as err:
        parse_date(text, field="Ngày quyết định")
    assert "Ngày quyết định" in str(err.value)
    assert "ngày/tháng/năm" in str(err.value)


def test_long_date_follows_nd30_leading_zeros():
    assert long_date(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert long_date(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert long_date(dt.date(2025, 12, 13)) == "ngày 13 tháng 12 năm 2025"
    assert long_date("2025-03-09") == "ngày 09 tháng 3 năm 2025"
    assert place_and_date("Tân Phú", dt.date(2026, 1, 5)) == "Tân Phú, ngày 05 tháng 01 năm 2026"
    assert format_date("2026-01-05") == "05/01/2026"
    assert parse_long_date("Cần Thơ, ngày 13 tháng 12 năm 2022") == dt.date(2022, 12, 13)
    assert parse_long_date("Sa Đéc, ngày tháng 02 năm 2023") is None


def test_award_names_follow_the_units_own_type():
    from tdkt_desktop.core.models import reset_title_words, set_title_words, title_label, unit_type_word

    assert unit_type_word("Thành phố Cần Thơ") == "thành phố" and unit_type_word("Phường Tân An") == "phường"
    assert title_label("BANG_KHEN_TINH") == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert title_label("BANG_KHEN_TINH", province_word="thành phố").endswith("nhân dân thành phố")
    set_title_words(province_name="Thành phố Cần Thơ", commune_name="Phường Tân An")
    try:
        assert title_label("BANG_KHEN_TINH") == "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"
        assert title_label("GIAY_KHEN") == "Giấy khen của Chủ tịch Ủy ban nhân dân phường"
        assert title_label("CSTD_TINH") == "Chiến sĩ thi đua cấp tỉnh"  # a level, not a body: unchanged
    finally:
        reset_title_words()
    assert title_label("GIAY_KHEN") == "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
