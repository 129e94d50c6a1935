"""Money: parsing what users type, formatting amounts, currencies and half-up rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.money import (
    CURRENCIES,
    MAX_MAJOR_UNITS,
    MAX_PERIODS,
    AmountError,
    Currency,
    amount_formatter,
    currency,
    format_amount,
    format_money,
    format_percent,
    format_percent_text,
    parse_amount,
    parse_periods,
    parse_rate,
    round_half_up,
    to_decimal,
)

# --- parse_amount: accepted input ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3600", 360000),
        ("3600.00", 360000),
        ("3600.5", 360050),
        ("3,600.00", 360000),
        ("¥3600", 360000),
        ("￥3600", 360000),
        ("3600元", 360000),
        ("¥3,600.00元", 360000),
        ("３６００．００", 360000),
        ("３６００", 360000),
        ("￥３，６００．００元", 360000),
        ("3，600.5", 360050),
        (" 12.3 ", 1230),
        ("\t12.30\u3000", 1230),
        ("0.01", 1),
        (".5", 50),
        ("1,000,000.99", 100000099),
        ("12,345,678", 1234567800),
        ("100000000000", MAX_MAJOR_UNITS * 100),  # exactly the cap is accepted
        ("100,000,000,000.00", MAX_MAJOR_UNITS * 100),
    ],
)
def test_parse_amount_accepts_what_users_type(text: str, expected: int) -> None:
    assert parse_amount(text) == expected


def test_parse_amount_returns_int_not_decimal() -> None:
    value = parse_amount("321.60")
    assert type(value) is int
    assert value == 32160


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "inf",
        "-Infinity",
        "1e5",
        "1E5",
        "1e-2",
        "12.345",  # CNY has 2 decimals: must not be rounded to 12.35 / 12.34
        "0.001",
        "1,00",
        "12,34.5",
        "1,0000",
        "1000,000",
        ",100",
        "1,000,",
        "0",
        "0.00",
        "-5",
        "-0.01",
        "100000000001",  # above 10^11 yuan
        "100000000000.01",
        "0x10",
        "12..3",
        "1.2.3",
        "5.",
        "3 600abc",
        "1/2",
    ],
)
def test_parse_amount_refuses(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)


def test_amount_error_is_a_value_error() -> None:
    assert issubclass(AmountError, ValueError)


@pytest.mark.parametrize("text", ["", "abc", "NaN", "Infinity", "1e5", "1,00", "-5", "0"])
def test_refusal_message_says_what_is_accepted(text: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    message = str(info.value)
    assert "2 decimal places" in message
    assert "3600" in message


def test_refusal_for_too_many_decimals_names_the_currency_and_limit() -> None:
    with pytest.raises(AmountError) as info:
        parse_amount("12.345")
    message = str(info.value)
    assert "12.345" in message
    assert "CNY" in message
    assert "2 decimal places" in message


def test_refusal_for_too_large_names_the_cap() -> None:
    with pytest.raises(AmountError) as info:
        parse_amount("100000000001")
    assert "100,000,000,000" in str(info.value)


def test_parse_amount_allow_zero() -> None:
    assert parse_amount("0", allow_zero=True) == 0
    assert parse_amount("0.00", allow_zero=True) == 0
    with pytest.raises(AmountError):
        parse_amount("-1", allow_zero=True)


# --- other currencies ----------------------------------------------------------------------


def test_jpy_has_no_decimals() -> None:
    assert parse_amount("1500", "JPY") == 1500
    assert parse_amount("1,500", "JPY") == 1500
    assert parse_amount("¥1500", CURRENCIES["JPY"]) == 1500
    with pytest.raises(AmountError) as info:
        parse_amount("1.5", "JPY")
    assert "0 decimal places" in str(info.value)
    with pytest.raises(AmountError):
        parse_amount("1.0", "JPY")


def test_kwd_has_three_decimals() -> None:
    assert parse_amount("1.234", "KWD") == 1234
    with pytest.raises(AmountError):
        parse_amount("1.2345", "KWD")


def test_usd_two_decimals() -> None:
    assert parse_amount("19.99", "usd") == 1999


def test_currency_lookup() -> None:
    cny = currency("CNY")
    assert cny == Currency("CNY", 2, "¥")
    assert cny.scale == 100
    assert currency(" cny ") is cny
    assert currency("JPY").digits == 0
    assert currency("JPY").scale == 1
    assert currency("KWD").scale == 1000


def test_unknown_currency_is_refused_with_the_list() -> None:
    with pytest.raises(AmountError) as info:
        currency("XXX")
    assert "CNY" in str(info.value)
    with pytest.raises(AmountError):
        parse_amount("1", "XYZ")


# --- parse_rate ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.6", Decimal("0.006")),
        ("0.6%", Decimal("0.006")),
        ("０．６％", Decimal("0.006")),
        (" 0.6 % ", Decimal("0.006")),
        ("0.75", Decimal("0.0075")),
        ("4.5%", Decimal("0.045")),
        ("12", Decimal("0.12")),
        ("0", Decimal(0)),
        ("100", Decimal(1)),
        (".5", Decimal("0.005")),
    ],
)
def test_parse_rate_accepts(text: str, expected: Decimal) -> None:
    value = parse_rate(text)
    assert isinstance(value, Decimal)
    assert value == expected


def test_parse_rate_is_exact() -> None:
    # 0.6% must be exactly 0.006, not a float approximation
    assert parse_rate("0.6") * 360000 == Decimal("2160")


@pytest.mark.parametrize(
    "text", ["-1", "-0.5%", "101", "100.01", "abc", "1e2", "1E2", "nan", "NaN", "inf", "", "%"]
)
def test_parse_rate_refuses(text: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_rate(text)
    assert "0 to 100" in str(info.value)


def test_parse_rate_message_uses_what() -> None:
    with pytest.raises(AmountError) as info:
        parse_rate("", what="annual rate")
    assert "annual rate" in str(info.value)


# --- parse_periods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", 1), ("12", 12), ("360", 360), ("12期", 12), ("１２", 12), (" 24 ", 24), (6, 6)],
)
def test_parse_periods_accepts(text: str | int, expected: int) -> None:
    assert parse_periods(text) == expected


def test_parse_periods_accepts_the_whole_range() -> None:
    for n in range(1, MAX_PERIODS + 1):
        assert parse_periods(str(n)) == n
    assert MAX_PERIODS == 360


@pytest.mark.parametrize("text", ["0", "361", "1000", "-1", "1.5", "abc", "", "期", 0, 361])
def test_parse_periods_refuses(text: str | int) -> None:
    with pytest.raises(AmountError) as info:
        parse_periods(text)
    assert "1 to 360" in str(info.value)


# --- formatting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minor", "expected"),
    [
        (32160, "321.60"),
        (0, "0.00"),
        (1, "0.01"),
        (10, "0.10"),
        (360000, "3600.00"),
        (-2160, "-21.60"),
        (1234567890123, "12345678901.23"),
    ],
)
def test_format_amount(minor: int, expected: str) -> None:
    assert format_amount(minor) == expected


@pytest.mark.parametrize(
    ("minor", "expected"),
    [
        (-2160, "-¥21.60"),
        (360000, "¥3,600.00"),
        (32160, "¥321.60"),
        (0, "¥0.00"),
        (5, "¥0.05"),
        (100000000, "¥1,000,000.00"),
    ],
)
def test_format_money(minor: int, expected: str) -> None:
    assert format_money(minor) == expected


def test_format_money_without_symbol() -> None:
    assert format_money(360000, symbol=False) == "3,600.00"
    assert format_money(-2160, symbol=False) == "-21.60"


def test_format_jpy_has_no_decimals() -> None:
    assert format_amount(1500, "JPY") == "1500"
    assert format_money(1500, "JPY") == "¥1,500"
    assert format_money(-7, "JPY") == "-¥7"


def test_format_other_currencies() -> None:
    assert format_money(1999, "USD") == "$19.99"
    assert format_money(123456, "HKD") == "HK$1,234.56"
    assert format_amount(1234, "KWD") == "1.234"


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        (Decimal("0.130335"), "13.03"),
        (Decimal("0.12"), "12.00"),
        (Decimal(0), "0.00"),
        (Decimal("0.00005"), "0.01"),  # half-up, not half-even
        (Decimal("0.00015"), "0.02"),
        (Decimal("0.00025"), "0.03"),
        (Decimal("0.000049999"), "0.00"),
    ],
)
def test_format_percent_half_up(fraction: Decimal, expected: str) -> None:
    assert format_percent(fraction) == expected


def test_format_percent_places() -> None:
    assert format_percent(Decimal("0.1303355"), places=4) == "13.0336"


# --- rounding and conversion ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.5", 1),
        ("1.5", 2),
        ("2.5", 3),  # half-even would give 2
        ("2.4999999", 2),
        ("2160", 2160),
        ("-0.5", -1),  # halves away from zero
        ("-2.5", -3),
        ("0.49", 0),
    ],
)
def test_round_half_up(value: str, expected: int) -> None:
    result = round_half_up(Decimal(value))
    assert type(result) is int
    assert result == expected


def test_to_decimal_is_exact() -> None:
    assert to_decimal(30000, currency("CNY")) == Decimal("300.00")
    assert str(to_decimal(30000, currency("CNY"))) == "300.00"
    assert to_decimal(1500, currency("JPY")) == Decimal(1500)
    assert to_decimal(1, currency("KWD")) == Decimal("0.001")


# --- round trips ---------------------------------------------------------------------------

_CAP_FEN = MAX_MAJOR_UNITS * 100


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=_CAP_FEN))
def test_format_then_parse_round_trips(minor: int) -> None:
    assert parse_amount(format_amount(minor)) == minor
    assert parse_amount(format_money(minor)) == minor


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=MAX_MAJOR_UNITS))
def test_jpy_round_trips(minor: int) -> None:
    assert parse_amount(format_money(minor, "JPY"), "JPY") == minor


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=_CAP_FEN + 1, max_value=_CAP_FEN * 1000))
def test_above_the_cap_is_refused(minor: int) -> None:
    with pytest.raises(AmountError):
        parse_amount(format_amount(minor))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_rate_parse_is_exact_for_any_percent_with_four_decimals(basis: int) -> None:
    # basis is in 1/10000 of a percent: 6000 -> "0.6000" -> 0.006
    text = f"{basis // 10000}.{basis % 10000:04d}"
    assert parse_rate(text) == Decimal(basis) / 1_000_000


@pytest.mark.parametrize("code", sorted(CURRENCIES))
@given(minor=st.integers(min_value=-(10**18), max_value=10**18))
@settings(max_examples=200, deadline=None)
def test_amount_formatter_equals_format_amount(code: str, minor: int) -> None:
    """The integer-only formatter of the history gives exactly ``format_amount``'s text."""
    assert amount_formatter(code)(minor) == format_amount(minor, code)


@pytest.mark.parametrize(
    ("code", "minor", "text"),
    [
        ("JPY", 0, "0"),
        ("JPY", 1500, "1500"),
        ("JPY", -7, "-7"),
        ("CNY", 0, "0.00"),
        ("CNY", 5, "0.05"),
        ("CNY", -5, "-0.05"),
        ("CNY", 32160, "321.60"),
        ("KWD", 1, "0.001"),
        ("KWD", -1234567, "-1234.567"),
    ],
)
def test_amount_formatter_digits(code: str, minor: int, text: str) -> None:
    assert amount_formatter(code)(minor) == text == format_amount(minor, code)


@given(
    st.one_of(
        st.decimals(min_value=0, max_value=1000, allow_nan=False, places=30).map(
            lambda d: format(d, "f")
        ),
        st.from_regex(r"\A[0-9]{1,3}(\.[0-9]{0,12})?\Z"),
        st.sampled_from(["0", "-0.5", "1E-7", "5.", ".5", "0.00005", "0.000049999", "１.5"]),
    ),
    st.integers(min_value=0, max_value=4),
)
def test_percent_of_decimal_text_is_format_percent_of_its_decimal(text: str, places: int) -> None:
    try:
        expected = format_percent(Decimal(text), places)
    except ArithmeticError:
        return  # text Decimal does not read: not a stored rate
    assert format_percent_text(text, places) == expected
