"""core.text pinned down: every number, date and sort rule at its limits, whole error messages, properties."""

import datetime as dt
import math
import unicodedata
from decimal import MAX_PREC, ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tdkt_desktop.core.text import (
    InputError,
    clean,
    collate_key,
    fold,
    format_date,
    format_money,
    format_number,
    format_size,
    given_name,
    long_date,
    money_in_words,
    nfc,
    number_in_words,
    parse_date,
    parse_int,
    parse_long_date,
    parse_number,
    person_sort_key,
    place_and_date,
    require_date,
)

EXAMPLE = "Ví dụ: 7,5 hoặc 43.000."
DATE_HINT = "Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026."


def refused(fn, *args, **kwargs) -> tuple[str, str | None, object]:
    """The whole InputError raised by ``fn``: (message, field, value); its str() is the message."""
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    err = info.value
    assert str(err) == err.message
    return err.message, err.field, err.value


# --------------------------------------------------------------------------- normalisation


def test_nfd_input_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Đào")
    assert nfd != "Nguyễn Thị Đào"
    assert nfc(nfd) == "Nguyễn Thị Đào"
    assert nfc(None) == ""
    assert nfc(12) == "12"
    assert clean("  Phường \u00a0 Tân   Phú ") == "Phường Tân Phú"
    assert clean("Tân\u00a0Phú") == "Tân Phú"
    assert clean("\tTân\n\nPhú\r\n") == "Tân Phú"
    assert clean(None) == ""


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Phường Tân Phú", "phuong tan phu"),
        ("ĐỖ THỊ ĐÀO", "do thi dao"),
        (unicodedata.normalize("NFD", "Đắk Lắk"), "dak lak"),
        ("Nguyễn Văn Ấn", "nguyen van an"),
        ("ưu tiên ơn", "uu tien on"),
        ("Ðào ðức", "dao duc"),  # eth typed for đ
        ("  Tân\u00a0 Phú ", "tan phu"),
        (None, ""),
    ],
)
def test_fold_removes_tones_and_folds_d(text, key):
    assert fold(text) == key


# --------------------------------------------------------------------------- sorting


def test_vietnamese_alphabet_order_letters_then_tones():
    words = ["đào", "dung", "ân", "an", "ăn", "bé", "ơn", "ôm", "ong", "ưa", "uống", "anh", "án", "ạn", "ản"]
    ordered = sorted(words, key=collate_key)
    # a < ă < â < b < d < đ; o < ô < ơ; u < ư; toneless before tones; "an" before "anh"
    assert ordered == ["an", "ản", "án", "ạn", "anh", "ăn", "ân", "bé", "dung", "đào", "ong", "ôm", "ơn", "uống", "ưa"]


def test_tone_order_is_ngang_huyen_hoi_nga_sac_nang():
    assert sorted(["má", "mạ", "mã", "ma", "mả", "mà"], key=collate_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_collate_key_whole():
    # a = 0, ă = 1, m = 16, ơ = 20, t = 25 in the Vietnamese alphabet; tones: huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5
    assert collate_key("mà") == ((16, 0), (0, 1), "mà")
    assert collate_key("Mặt") == ((16, 1, 25), (0, 5, 0), "Mặt")
    assert collate_key(" Ở ") == ((20,), (2,), "Ở")
    assert collate_key(None) == ((), (), "")
    # a combining mark with no letter before it is dropped, not the rest of the word
    assert collate_key("\u0301ma")[:2] == ((16, 0), (0, 0))


def test_letters_outside_the_alphabet_sort_after_it_by_code_point():
    assert sorted(["2", "1", "z", "w", "b", "f"], key=collate_key) == ["b", "f", "w", "z", "1", "2"]
    assert collate_key("1") == ((1000 + ord("1"),), (0,), "1")


def test_identical_letters_and_tones_sort_by_the_text_itself():
    assert sorted(["an", "An"], key=collate_key) == ["An", "an"]
    assert sorted(["An", "an"], key=collate_key) == ["An", "an"]


@pytest.mark.parametrize(
    ("full", "given"),
    [("Nguyễn Thị Lan", "Lan"), ("  Trần   Văn  Bình ", "Bình"), ("Lan", "Lan"), ("", ""), (None, "")],
)
def test_given_name_is_the_last_word(full, given):
    assert given_name(full) == given


def test_people_sort_by_given_name_then_full_name():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Đức", "Phạm Thị Ánh", "Hoàng Văn Ân", "Vũ Thị An", "Bùi Dũng"]
    assert sorted(names, key=person_sort_key) == [
        "Nguyễn Thị An", "Vũ Thị An", "Phạm Thị Ánh", "Hoàng Văn Ân", "Trần Văn Bình", "Bùi Dũng", "Lê Văn Đức",
    ]
    assert person_sort_key("Vũ Thị An") == (collate_key("An"), collate_key("Vũ Thị An"))


# --------------------------------------------------------------------------- parsing numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7,5", 7.5),
        ("43.000", 43000.0),
        ("1.234,56", 1234.56),
        ("92,45", 92.45),
        ("0,36%", 0.36),
        ("0,36 %", 0.36),
        ("7.5", 7.5),
        ("1.23", 1.23),  # a dot not followed by groups of three is a decimal point
        ("1.2345", 1.2345),
        (".5", 0.5),
        (".234", 0.234),
        (",5", 0.5),
        ("5,", 5.0),
        ("-2,5", -2.5),
        ("-,5", -0.5),
        ("+7,5", 7.5),
        ("2.340.000", 2340000.0),
        ("12.345,6", 12345.6),
        ("1 234,5", 1234.5),
        ("\u00a01\u00a0234 ", 1234.0),
        (" 17 ", 17.0),
        ("0", 0.0),
        ("007", 7.0),
        ("", None),
        ("   ", None),
        (None, None),
        (3, 3.0),
        (2.5, 2.5),
        (-0.25, -0.25),
        (Decimal("1.5"), 1.5),
    ],
)
def test_parse_number_vietnamese_forms(text, value):
    got = parse_number(text)
    assert got == value
    assert value is None or type(got) is float


def _msg(text: str, problem: str) -> str:
    return f"Kết quả: “{text}” {problem}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", _msg("abc", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("12,3a", _msg("12,3a", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        (",", _msg(",", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("-", _msg("-", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("%", _msg("%", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("12%%", _msg("12%%", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("+-5", _msg("+-5", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("1e3", _msg("1e3", f"không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}")),
        ("7,5,1", _msg("7,5,1", f"có nhiều hơn một dấu phẩy. Dấu phẩy chỉ dùng cho phần thập phân. {EXAMPLE}")),
        ("7,5.1", _msg("7,5.1", "đặt dấu chấm sau dấu phẩy. Viết như 1.234,5.")),
        ("1,234.5", _msg("1,234.5", "đặt dấu chấm sau dấu phẩy. Viết như 1.234,5.")),
        ("1.23,4", _msg("1.23,4", f"đặt dấu chấm sai chỗ. Dấu chấm phân cách từng nhóm ba chữ số. {EXAMPLE}")),
        ("1.2345,6", _msg("1.2345,6", f"đặt dấu chấm sai chỗ. Dấu chấm phân cách từng nhóm ba chữ số. {EXAMPLE}")),
        (".234,5", _msg(".234,5", f"đặt dấu chấm sai chỗ. Dấu chấm phân cách từng nhóm ba chữ số. {EXAMPLE}")),
        ("1.234.5", _msg("1.234.5", "không đọc được. Dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần "
                                    f"thập phân. {EXAMPLE}")),
        ("1.23.4", _msg("1.23.4", "không đọc được. Dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần "
                                  f"thập phân. {EXAMPLE}")),
        ("1..5", _msg("1..5", "không đọc được. Dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần "
                              f"thập phân. {EXAMPLE}")),
        ("5.", _msg("5.", "không đọc được. Dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần "
                          f"thập phân. {EXAMPLE}")),
        ("1" + "0" * 400, _msg("1" + "0" * 400, f"không dùng được (số quá lớn hoặc không xác định). {EXAMPLE}")),
    ],
)
def test_parse_number_refuses_with_the_whole_vietnamese_message(text, message):
    assert refused(parse_number, f" {text} ", field="Kết quả") == (message, "Kết quả", f" {text} ")


@pytest.mark.parametrize(
    ("value", "shown"),
    [(True, "True"), (math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf"), (10**400, "1" + "0" * 400)],
)
def test_parse_number_refuses_values_that_are_not_usable_numbers(value, shown):
    message, field, given = refused(parse_number, value, field="Kết quả")
    assert (field, given) == ("Kết quả", value)
    if value is True:
        assert message == "Kết quả: “True” không phải là số."
    else:
        assert message == _msg(shown, f"không dùng được (số quá lớn hoặc không xác định). {EXAMPLE}")


def test_parse_number_names_its_field_so_liệu_by_default():
    assert refused(parse_number, "x")[0].startswith("Số liệu: “x”")
    assert refused(parse_number, "x")[1] == "Số liệu"
    assert refused(parse_number, False)[:2] == ("Số liệu: “False” không phải là số.", "Số liệu")


@pytest.mark.parametrize(
    ("text", "kwargs", "value"),
    [
        ("1.200", {}, 1200),
        (" 7 ", {}, 7),
        ("0", {}, 0),
        ("", {}, None),
        (None, {}, None),
        (5, {}, 5),
        ("5", {"minimum": 5}, 5),
        ("-1", {"minimum": None}, -1),
        ("-3", {"minimum": -3}, -3),
    ],
)
def test_parse_int(text, kwargs, value):
    got = parse_int(text, **kwargs)
    assert got == value
    assert value is None or type(got) is int


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("2,5", {}, "Số lượng: “2,5” phải là số nguyên."),
        (" 2,5 ", {}, "Số lượng: “2,5” phải là số nguyên."),
        ("-1", {}, "Số lượng: không được nhỏ hơn 0."),
        ("4", {"minimum": 5}, "Số lượng: không được nhỏ hơn 5."),
        ("-4", {"minimum": -3}, "Số lượng: không được nhỏ hơn -3."),
        ("x", {}, f"Số lượng: “x” không phải là số. Chỉ nhập chữ số, dùng dấu phẩy cho phần thập phân. {EXAMPLE}"),
    ],
)
def test_parse_int_refuses(text, kwargs, message):
    assert refused(parse_int, text, **kwargs) == (message, "Số lượng", text)
    assert refused(parse_int, text, field="Số người", **kwargs) == (
        message.replace("Số lượng", "Số người"), "Số người", text
    )


# --------------------------------------------------------------------------- formatting numbers


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (0, "0"),
        (0.0, "0"),
        (-0.0, "0"),
        (7, "7"),
        (99, "99"),
        (100, "100"),
        (999, "999"),
        (1000, "1.000"),
        (-1000, "-1.000"),
        (43000, "43.000"),
        (999999, "999.999"),
        (1_000_000, "1.000.000"),
        (2.0, "2"),
        (7.5, "7,5"),
        (7.05, "7,05"),
        (7.50, "7,5"),
        (Decimal("7.50"), "7,5"),
        (Decimal("1E+3"), "1.000"),
        (92.45, "92,45"),
        (0.36, "0,36"),
        (-0.5, "-0,5"),
        (1e-7, "0,0000001"),
        (1e16, "10.000.000.000.000.000"),
        (-1234567.5, "-1.234.567,5"),
        (10**30 + 1, "1.000.000.000.000.000.000.000.000.000.001"),  # past the 28 digits of the decimal default
        (Decimal("0.1000000000000000000000000000001"), "0,1000000000000000000000000000001"),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1 / 3, 2, "0,33"),
        (0.125, 2, "0,13"),  # half up, not half to even
        (0.135, 2, "0,14"),
        (0.124999, 2, "0,12"),
        (2, 2, "2,00"),
        (-0.001, 2, "0,00"),  # no "-0,00"
        (-2.5, 0, "-3"),
        (2.5, 0, "3"),
        (1234.5, 0, "1.235"),
        (99.995, 2, "100,00"),
        (1234567.891, 1, "1.234.567,9"),
        (1e28, 0, "10.000.000.000.000.000.000.000.000.000"),
    ],
)
def test_format_number_with_decimals_rounds_half_up(value, decimals, text):
    assert format_number(value, decimals=decimals) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [(2340000, "2.340.000 đồng"), (0, "0 đồng"), (2.5, "3 đồng"), (3.5, "4 đồng"), (1234567.4, "1.234.567 đồng"),
     (None, "")],
)
def test_format_money_in_whole_dong(amount, text):
    assert format_money(amount) == text


finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite)
@example(0.0)
@example(-0.0)
@example(100.0)
@example(7.05)
@example(1e16)
@example(5e-324)
@example(1.7976931348623157e308)
def test_parse_number_reads_back_what_format_number_writes(x):
    assert parse_number(format_number(x)) == x


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_numbers_read_back_exactly(n):
    text = format_number(n)
    assert parse_number(text) == n
    assert parse_int(text, minimum=None) == n
    assert "," not in text


@given(finite, st.integers(min_value=0, max_value=6))
@example(1e28, 0)  # more digits than the default decimal context keeps
def test_rounded_numbers_read_back_as_the_half_up_rounding(x, decimals):
    text = format_number(x, decimals=decimals)
    with localcontext(prec=MAX_PREC):
        rounded = Decimal(str(x)).quantize(Decimal(10) ** -decimals, rounding=ROUND_HALF_UP)
    assert parse_number(text) == float(rounded)
    assert len(text.partition(",")[2]) == decimals


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("05/01/2026", dt.date(2026, 1, 5)),
        ("5/1/2026", dt.date(2026, 1, 5)),
        ("05-01-2026", dt.date(2026, 1, 5)),
        ("05.01.2026", dt.date(2026, 1, 5)),
        ("05 / 01 / 2026", dt.date(2026, 1, 5)),
        ("2026-01-05", dt.date(2026, 1, 5)),
        ("ngày 13 tháng 12 năm 2022", dt.date(2022, 12, 13)),
        ("Cần Thơ, NGÀY 5 THÁNG 1 NĂM 2026", dt.date(2026, 1, 5)),
        ("05/01/26", dt.date(2026, 1, 5)),
        ("05/01/00", dt.date(2000, 1, 5)),
        ("05/01/99", dt.date(2099, 1, 5)),
        ("01/01/1900", dt.date(1900, 1, 1)),
        ("31/12/2200", dt.date(2200, 12, 31)),
        ("29/02/2024", dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 5), dt.date(2026, 1, 5)),
        (dt.datetime(2026, 1, 5, 23, 59), dt.date(2026, 1, 5)),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_parse_date_forms(text, value):
    got = parse_date(text)
    assert got == value
    assert value is None or type(got) is dt.date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hôm qua", f"Ngày quyết định: “hôm qua” không phải là ngày. {DATE_HINT}"),
        ("2025/01/05", f"Ngày quyết định: “2025/01/05” không phải là ngày. {DATE_HINT}"),
        ("05/01/202", f"Ngày quyết định: “05/01/202” không phải là ngày. {DATE_HINT}"),
        ("31/02/2024", f"Ngày quyết định: ngày “31/02/2024” không có trên lịch. {DATE_HINT}"),
        ("29/02/2025", f"Ngày quyết định: ngày “29/02/2025” không có trên lịch. {DATE_HINT}"),
        ("13/13/2025", f"Ngày quyết định: ngày “13/13/2025” không có trên lịch. {DATE_HINT}"),
        ("2025-02-30", f"Ngày quyết định: ngày “2025-02-30” không có trên lịch. {DATE_HINT}"),
        ("31/12/1899", f"Ngày quyết định: năm 1899 nằm ngoài khoảng hợp lý. {DATE_HINT}"),
        ("05/01/1800", f"Ngày quyết định: năm 1800 nằm ngoài khoảng hợp lý. {DATE_HINT}"),
        ("01/01/2201", f"Ngày quyết định: năm 2201 nằm ngoài khoảng hợp lý. {DATE_HINT}"),
        ("05/01/0100", f"Ngày quyết định: năm 100 nằm ngoài khoảng hợp lý. {DATE_HINT}"),
    ],
)
def test_parse_date_refuses_with_the_whole_vietnamese_message(text, message):
    assert refused(parse_date, f" {text}", field="Ngày quyết định") == (message, "Ngày quyết định", f" {text}")


def test_parse_date_names_its_field_ngày_by_default():
    assert refused(parse_date, "x") == (f"Ngày: “x” không phải là ngày. {DATE_HINT}", "Ngày", "x")


def test_require_date():
    assert require_date("05/01/2026") == dt.date(2026, 1, 5)
    assert require_date(dt.date(2026, 1, 5), field="Ngày ký") == dt.date(2026, 1, 5)
    assert refused(require_date, None) == (f"Ngày: chưa nhập. {DATE_HINT}", "Ngày", None)
    assert refused(require_date, " ", field="Ngày ký") == (f"Ngày ký: chưa nhập. {DATE_HINT}", "Ngày ký", " ")
    assert refused(require_date, "32/01/2026", field="Ngày ký")[0] == (
        f"Ngày ký: ngày “32/01/2026” không có trên lịch. {DATE_HINT}"
    )


def test_long_date_follows_nd30_leading_zeros():
    assert long_date(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert long_date(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert long_date(dt.date(2025, 3, 1)) == "ngày 01 tháng 3 năm 2025"
    assert long_date(dt.date(2025, 10, 10)) == "ngày 10 tháng 10 năm 2025"
    assert long_date(dt.date(2025, 12, 13)) == "ngày 13 tháng 12 năm 2025"
    assert long_date("2025-03-09") == "ngày 09 tháng 3 năm 2025"
    assert long_date("2025-03-09 08:30:00") == "ngày 09 tháng 3 năm 2025"
    assert place_and_date(" Tân  Phú ", dt.date(2026, 1, 5)) == "Tân Phú, ngày 05 tháng 01 năm 2026"


def test_format_date():
    assert format_date("2026-01-05") == "05/01/2026"
    assert format_date("2026-01-05T10:11:12") == "05/01/2026"
    assert format_date(dt.date(1999, 12, 31)) == "31/12/1999"
    assert format_date(dt.datetime(2026, 1, 5, 10, 11)) == "05/01/2026"
    assert format_date(None) == ""
    assert format_date("") == ""


def test_parse_long_date_in_running_text():
    assert parse_long_date("Cần Thơ, ngày 13 tháng 12 năm 2022") == dt.date(2022, 12, 13)
    assert parse_long_date(unicodedata.normalize("NFD", "Cần Thơ, ngày 5 tháng 1 năm 2026")) == dt.date(2026, 1, 5)
    assert parse_long_date("Sa Đéc, ngày tháng 02 năm 2023") is None
    assert parse_long_date("ngày 30 tháng 02 năm 2023") is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_date_reads_back_from_each_written_form(day):
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(long_date(day)) == day
    assert parse_long_date(place_and_date("Tân Phú", day)) == day


# --------------------------------------------------------------------------- numbers in words

_DIGIT = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
# after "mười": 5 is "lăm"; after "… mươi": 1 is "mốt", 4 is "tư", 5 is "lăm"
_AFTER_MUOI = {**{w: d for w, d in _DIGIT.items() if d not in (0, 5)}, "lăm": 5}
_AFTER_MUOI_TENS = {**{w: d for w, d in _DIGIT.items() if d not in (0, 1, 4, 5)}, "mốt": 1, "tư": 4, "lăm": 5}


def _read_group(words: list[str], *, full: bool) -> int:
    """One group of three digits written the Vietnamese way; refuses any other spelling."""
    value, rest = 0, list(words)
    if len(rest) >= 2 and rest[1] == "trăm":
        value, rest = _DIGIT[rest[0]] * 100, rest[2:]
    else:
        assert not full, f"group without hundreds after a larger one: {words}"
    if not rest:
        return value
    if rest[0] == "lẻ":
        assert words[1] == "trăm" and len(rest) == 2 and rest[1] in _DIGIT and rest[1] != "không", words
        return value + _DIGIT[rest[1]]
    if rest[0] == "mười":
        assert len(rest) <= 2, words
        return value + 10 + (_AFTER_MUOI[rest[1]] if len(rest) == 2 else 0)
    if len(rest) >= 2 and rest[1] == "mươi":
        tens = _DIGIT[rest[0]]
        assert tens >= 2 and len(rest) <= 3, words
        return value + tens * 10 + (_AFTER_MUOI_TENS[rest[2]] if len(rest) == 3 else 0)
    assert len(rest) == 1 and value == 0 and rest[0] != "không", f"units alone only in a leading group: {words}"
    return _DIGIT[rest[0]]


def _read_below_billion(words: list[str], *, full: bool) -> int:
    total = 0
    for scale, factor in (("triệu", 10**6), ("nghìn", 1000)):
        if scale in words:
            at = words.index(scale)
            group = _read_group(words[:at], full=full)
            assert group > 0, f"a zero group is left out: {words}"
            total += group * factor
            words, full = words[at + 1 :], True
    if words:
        group = _read_group(words, full=full)
        assert group > 0, f"a zero group is left out: {words}"
        total += group
    return total


def read_number_words(text: str) -> int:
    """The number a Vietnamese text like "hai tỷ không trăm lẻ năm" writes (the inverse of number_in_words)."""
    assert text == text.strip() and "  " not in text, repr(text)
    words = text.split(" ")
    if words[0] == "âm":
        return -read_number_words(" ".join(words[1:]))
    if words == ["không"]:
        return 0
    if "tỷ" in words:
        at = len(words) - 1 - words[::-1].index("tỷ")
        billions = read_number_words(" ".join(words[:at]))
        rest = words[at + 1 :]
        return billions * 10**9 + (_read_below_billion(rest, full=True) if rest else 0)
    return _read_below_billion(words, full=False)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm lẻ một"),
        (105, "một trăm lẻ năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm lẻ năm"),
        (1010, "một nghìn không trăm mười"),
        (1_000_000, "một triệu"),
        (1_000_001, "một triệu không trăm lẻ một"),
        (1_410_000, "một triệu bốn trăm mười nghìn"),
        (3_290_000, "ba triệu hai trăm chín mươi nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_500_250_000, "một tỷ năm trăm triệu hai trăm năm mươi nghìn"),
        (2_000_000_005, "hai tỷ không trăm lẻ năm"),
        (1_000_050_000, "một tỷ không trăm năm mươi nghìn"),
        (1_000_000_000_000, "một nghìn tỷ"),
        (-5, "âm năm"),
        (-1_000_021, "âm một triệu không trăm hai mươi mốt"),
    ],
)
def test_number_in_words(n, words):
    assert number_in_words(n) == words
    assert read_number_words(words) == n


@given(st.integers(min_value=-(10**18), max_value=10**18))
@example(1_500_250_000)
@example(10**18)
def test_number_in_words_over_its_whole_range(n):
    assert read_number_words(number_in_words(n)) == n


def test_money_in_words_is_a_sentence_in_dong():
    assert money_in_words(3_290_000) == "Ba triệu hai trăm chín mươi nghìn đồng"
    assert money_in_words(1_500_250_000) == "Một tỷ năm trăm triệu hai trăm năm mươi nghìn đồng"
    assert money_in_words(0) == "Không đồng"
    assert money_in_words(-5) == "Âm năm đồng"
    assert money_in_words(21.0) == "Hai mươi mốt đồng"


# --------------------------------------------------------------------------- unit naming


def test_award_names_follow_the_units_own_type():
    from tdkt_desktop.core.naming import GENERIC, Naming, place_of, unit_type_word

    assert unit_type_word("Thành phố Cần Thơ") == "thành phố" and unit_type_word("Phường Tân An") == "phường"
    assert unit_type_word("Tân An") is None and place_of("Phường Tân An") == "Tân An" and place_of("Tân An") == "Tân An"
    assert GENERIC.title("BANG_KHEN_TINH") == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    ward = Naming.of_units(province_name="Thành phố Cần Thơ", commune_name="Phường Tân An")
    assert ward.title("BANG_KHEN_TINH") == "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"
    assert ward.title("GIAY_KHEN") == "Giấy khen của Chủ tịch Ủy ban nhân dân phường"
    assert ward.title("CSTD_TINH") == "Chiến sĩ thi đua cấp tỉnh"  # a level, not a body: unchanged
    commune = Naming.of_units(province_name="Tỉnh Bắc Ninh", commune_name="Xã Tân Chi")
    assert commune == GENERIC and commune.title("GIAY_KHEN") == "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
    office = Naming.of_units(province_name="Thành phố Cần Thơ", commune_name=None)  # above the communes
    assert office.title("GIAY_KHEN") == "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"
    assert len({GENERIC.key, ward.key, office.key}) == 3


@pytest.mark.parametrize(("nbytes", "shown"), [
    (0, "0,0 MB"), (1_048_576, "1,0 MB"), (241_483_776, "230,3 MB"), (1_048_576 * 1024, "1.024,0 MB"),
    (104_857, "0,1 MB"), (52_428, "0,0 MB"), (262_144, "0,3 MB"), (1_572_864, "1,5 MB"), (1_100_000_000, "1.049,0 MB"),
])
def test_a_file_size_is_written_in_mebibytes_with_one_decimal(nbytes, shown):
    assert format_size(nbytes) == shown


def test_stored_sort_keys_order_every_character_as_collate_key_and_are_storable_text():
    """The stored key of a name sorts, as plain text, exactly as the Vietnamese order does — letters, digits,
    control characters, characters past the surrogates and the last private ones — and is valid UTF-8."""
    from tdkt_desktop.core.text import sort_text

    names = ["ab", "a\x00", "a\x01", "a1", "a\u00ff", "a\ud7fb", "a\ue000", "a\ue800", "a\uf8ff", "a\ufffd",
             "a\U0001f600", "a\U0010fffd", "a\U0010fffe", "a\ue000z", "a\ue800b", "An", "Ân", "Ấn", "Anh"]
    assert sorted(names, key=sort_text) == sorted(names, key=collate_key)
    for name in names:
        sort_text(name).encode("utf-8")  # never a surrogate, never past the last code point


@given(st.lists(st.sampled_from([*"aAđĐÐeêƯơzΣσß1 \u00a0\t", "ạ", "ề", "Ợ", "\u0301", "\u0323", "\u0302", "\u0327",
                                  "İ", "\u0f73", "ﬁ"]), max_size=14).map("".join))
@example("Nguye\u0302\u0303n \u0301Ba\u0301  ĐỨC")
def test_fold_word_by_word_equals_fold_of_the_whole_text(value: str) -> None:
    """fold remembers words; the key must be the one the whole text gives (marks starting a word, casefold)."""
    from tdkt_desktop.core.text import _FOLD_EXTRA, clean, fold

    decomposed = unicodedata.normalize("NFD", clean(value).translate(_FOLD_EXTRA))
    assert fold(value) == "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=12).filter(lambda w: not any(c.isspace() for c in w)))
@example("30000-17")
@example("Nguyen")
@example("\x00\x01\x7f")
def test_an_ascii_word_takes_the_short_way_to_the_same_keys(word: str) -> None:
    """An ASCII word (no marks, no tones) is mapped character by character, without decomposing it: the same
    sort key parts and folded form as the long way (collate_key, decomposition)."""
    from tdkt_desktop.core.text import _FOLD_EXTRA, _fold_word, _key_parts, _word_parts

    assert _word_parts.__wrapped__(word) == _key_parts(*collate_key(word)[:2])
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD_EXTRA))
    assert _fold_word.__wrapped__(word) == "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def test_an_ascii_word_is_not_decomposed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The short way is taken (fails if the ASCII words went the long way again)."""
    from tdkt_desktop.core import text

    def refuse(*_a: object) -> object:
        raise AssertionError("the long way")

    class NoDecomposing:  # the module as the text functions see it, decomposing nothing
        normalize = combining = staticmethod(refuse)

    monkeypatch.setattr(text, "collate_key", refuse)
    monkeypatch.setattr(text, "unicodedata", NoDecomposing)
    digits = "".join(text._primary_char(1000 + ord(c)) for c in "30000-17")  # no letter of the alphabet
    assert text._word_parts.__wrapped__("30000-17") == (digits, "00000000")
    assert text._word_parts.__wrapped__("Ba") == (text._primary_char(3) + text._primary_char(0), "00")
    assert text._fold_word.__wrapped__("ABC-1") == "abc-1"
