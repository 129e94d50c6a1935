"""Schedules: every worked example of domain-rules.md to the fen, options, and term validation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tracker.domain import (
    AmountError,
    FeeMode,
    FeeRounding,
    Model,
    PlanTerms,
    Remainder,
    Schedule,
    build_schedule,
)
from tracker.domain.schedule import split_evenly, split_rounded

FIRST_DUE = date(2024, 1, 15)


def plan(model: str, principal: int, periods: int, rate: str = "0", **options: object) -> Schedule:
    terms = PlanTerms(
        model=Model(model),
        principal=principal,
        periods=periods,
        first_due=options.pop("first_due", FIRST_DUE),  # type: ignore[arg-type]
        rate=Decimal(rate),
        **options,  # type: ignore[arg-type]
    )
    return build_schedule(terms)


def rows(schedule: Schedule) -> list[tuple[int, int]]:
    """(principal, fee) of every installment."""
    return [(i.principal, i.fee) for i in schedule.installments]


def totals(schedule: Schedule) -> list[int]:
    return [i.total for i in schedule.installments]


def exact_round(value: Fraction) -> int:
    """Half-up rounding of a non-negative exact value, independent of the code under test."""
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


# --- split_evenly --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "periods", "remainder", "expected"),
    [
        (100000, 3, Remainder.FIRST, [33334, 33333, 33333]),
        (100000, 3, Remainder.LAST, [33333, 33333, 33334]),
        (10001, 4, Remainder.FIRST, [2501, 2500, 2500, 2500]),
        (360000, 12, Remainder.FIRST, [30000] * 12),
        (11, 4, Remainder.FIRST, [5, 2, 2, 2]),  # the WHOLE remainder goes to one period
        (11, 4, Remainder.LAST, [2, 2, 2, 5]),
        (2, 3, Remainder.FIRST, [2, 0, 0]),
        (7, 1, Remainder.LAST, [7]),
        (0, 3, Remainder.FIRST, [0, 0, 0]),
    ],
)
def test_split_evenly(amount: int, periods: int, remainder: Remainder, expected: list[int]) -> None:
    assert split_evenly(amount, periods, remainder) == expected


# --- flat ----------------------------------------------------------------------------------


def test_flat_3600_over_12_at_0_6_percent() -> None:
    s = plan("flat", 360000, 12, "0.006")
    assert rows(s) == [(30000, 2160)] * 12
    assert totals(s) == [32160] * 12
    assert s.total_fee == 25920
    assert s.total_principal == 360000
    assert s.total_payable == 385920
    assert s.total_cost == 25920
    assert [i.period for i in s.installments] == list(range(1, 13))


def test_flat_1000_over_3_at_0_7_percent_remainder_first() -> None:
    s = plan("flat", 100000, 3, "0.007")
    assert totals(s) == [34034, 34033, 34033]
    assert rows(s) == [(33334, 700), (33333, 700), (33333, 700)]
    assert s.total_fee == 2100


def test_flat_remainder_last() -> None:
    s = plan("flat", 100000, 3, "0.007", remainder=Remainder.LAST)
    assert totals(s) == [34033, 34033, 34034]
    assert rows(s) == [(33333, 700), (33333, 700), (33334, 700)]


def test_flat_remainder_option_accepts_strings() -> None:
    assert totals(plan("flat", 100000, 3, "0.007", remainder="last")) == [34033, 34033, 34034]
    assert totals(plan("flat", 100000, 3, "0.007", remainder="first")) == [34034, 34033, 34033]


def test_flat_fee_mode_first_charges_the_whole_fee_in_period_1() -> None:
    s = plan("flat", 100000, 3, "0.007", fee_mode=FeeMode.FIRST)
    assert rows(s) == [(33334, 2100), (33333, 0), (33333, 0)]
    assert totals(s) == [35434, 33333, 33333]
    assert s.total_fee == 2100

    s = plan("flat", 360000, 12, "0.006", fee_mode="first")
    assert rows(s) == [(30000, 25920)] + [(30000, 0)] * 11
    assert s.total_fee == 25920


def test_flat_fee_mode_first_rounds_the_total_not_the_period_fee() -> None:
    # P × r = 0.35 fen per period: spread rounds each to 0, first rounds 0.35 × 12 = 4.2 -> 4
    spread = plan("flat", 100, 12, "0.0035")
    first = plan("flat", 100, 12, "0.0035", fee_mode="first")
    assert spread.total_fee == 0
    assert [i.fee for i in first.installments] == [4] + [0] * 11


def test_flat_fee_is_rounded_half_up() -> None:
    # 1250 × 0.2% = 2.5 fen -> 3 (half-even would give 2)
    s = plan("flat", 1250, 2, "0.002")
    assert [i.fee for i in s.installments] == [3, 3]
    # 1150 × 0.3% = 3.45 fen -> 3
    assert [i.fee for i in plan("flat", 1150, 2, "0.003").installments] == [3, 3]


def test_flat_zero_rate() -> None:
    s = plan("flat", 100000, 3, "0")
    assert rows(s) == [(33334, 0), (33333, 0), (33333, 0)]


# --- total (花呗) ---------------------------------------------------------------------------


def test_total_1000_over_6_at_4_5_percent() -> None:
    s = plan("total", 100000, 6, "0.045")
    assert totals(s) == [17420] + [17416] * 5
    assert rows(s) == [(16670, 750)] + [(16666, 750)] * 5
    assert s.total_fee == 4500


def test_total_fee_remainder_goes_with_the_principal_remainder() -> None:
    # F = 500 fen over 3 -> 166 r 2
    s = plan("total", 10000, 3, "0.05")
    assert rows(s) == [(3334, 168), (3333, 166), (3333, 166)]
    s = plan("total", 10000, 3, "0.05", remainder="last")
    assert rows(s) == [(3333, 166), (3333, 166), (3334, 168)]


def test_total_remainder_last() -> None:
    s = plan("total", 100000, 6, "0.045", remainder="last")
    assert totals(s) == [17416] * 5 + [17420]


def test_total_fee_is_rounded_half_up() -> None:
    # 2500 × 0.1% = 2.5 fen -> 3
    assert plan("total", 2500, 1, "0.001").total_fee == 3
    assert plan("total", 2500, 2, "0.001").installments[0].fee == 2  # 3 = 1 + 1 + remainder 1


def test_total_fee_rounding_half_even_on_an_exact_half_fen() -> None:
    # 1001.00 × 4.5% = 4504.5 fen: half-even F = 45.04, half-up F = 45.05.
    even = plan("total", 100100, 6, "0.045", fee_rounding="half_even")
    assert even.total_fee == 4504
    assert rows(even)[0] == (16685, 754)
    assert totals(even) == [17439] + [17433] * 5
    up = plan("total", 100100, 6, "0.045", fee_rounding="half_up")
    assert up.total_fee == 4505
    assert rows(up)[0] == (16685, 755)
    assert totals(up) == [17440] + [17433] * 5
    assert plan("total", 100100, 6, "0.045").installments == up.installments  # the default
    # Not a half: both agree (4504.95 fen -> 4505).
    assert plan("total", 100110, 6, "0.045", fee_rounding="half_even").total_fee == 4505


def test_options_a_model_does_not_use_are_normalised_to_its_default() -> None:
    flat = PlanTerms(Model.FLAT, 360000, 12, date(2026, 1, 15), Decimal("0.006"),
                     fee_rounding=FeeRounding.HALF_EVEN)  # fmt: skip
    assert flat.fee_rounding is FeeRounding.HALF_UP
    total = PlanTerms(Model.TOTAL, 100000, 6, date(2026, 1, 15), Decimal("0.045"),
                      fee_mode=FeeMode.FIRST)  # fmt: skip
    assert total.fee_mode is FeeMode.SPREAD
    annuity = PlanTerms(Model.ANNUITY, 100000, 6, date(2026, 1, 15), Decimal("0.045"),
                        remainder=Remainder.LAST)  # fmt: skip
    assert annuity.remainder is None and annuity.effective_remainder is Remainder.FIRST
    custom = PlanTerms(Model.CUSTOM, 300, 2, date(2026, 1, 15), remainder=Remainder.LAST,
                       custom_amounts=(160, 160))  # fmt: skip
    assert custom.remainder is None
    assert [m for m in Model if m.takes_remainder] == [
        Model.FLAT, Model.TOTAL, Model.INTEREST_FREE, Model.PAY_IN_N]  # fmt: skip
    assert [m for m in Model if m.takes_fee_mode] == [Model.FLAT]
    assert [m for m in Model if m.takes_fee_rounding] == [Model.TOTAL]


# --- annuity (等额本息) ---------------------------------------------------------------------


def test_annuity_10000_at_12_percent_over_12() -> None:
    s = plan("annuity", 1000000, 12, "0.12")
    assert totals(s) == [88849] * 11 + [88847]
    assert s.total_fee == 66186
    assert s.total_principal == 1000000
    assert s.installments[0].fee == 10000  # 1% of 10000.00
    assert s.installments[0].principal == 78849
    assert s.installments[-1].fee == 880
    assert s.installments[-1].principal == 87967


def test_annuity_interest_is_on_the_falling_balance() -> None:
    s = plan("annuity", 1000000, 12, "0.12")
    balance = 1000000
    for inst in s.installments:
        assert inst.fee == exact_round(Fraction(balance) * Fraction(1, 100))
        balance -= inst.principal
    assert balance == 0


def test_annuity_zero_rate_last_period_absorbs_rounding() -> None:
    assert rows(plan("annuity", 100000, 3, "0")) == [(33333, 0), (33333, 0), (33334, 0)]
    # payment round(2/3) = 1 repays everything before the last period: never negative
    assert rows(plan("annuity", 2, 3, "0")) == [(1, 0), (1, 0), (0, 0)]


def test_annuity_one_period() -> None:
    s = plan("annuity", 1000000, 1, "0.12")
    assert rows(s) == [(1000000, 10000)]


def test_annuity_interest_is_rounded_half_up_on_the_exact_value() -> None:
    # 1650.00 at 7%: the first month's interest is 165000 × 0.07 / 12 = 962.5 fen exactly,
    # which rounds half-up to 963.
    s = plan("annuity", 165000, 12, "0.07")
    assert s.installments[0].fee == 963
    # 162.00 at 7%: 16200 × 0.07 / 12 = 94.5 fen exactly -> 95
    assert plan("annuity", 16200, 12, "0.07").installments[0].fee == 95


# --- equal principal (等额本金) -------------------------------------------------------------


def test_equal_principal_10000_at_12_percent_over_12() -> None:
    s = plan("equal_principal", 1000000, 12, "0.12")
    assert totals(s)[0] == 93333
    assert totals(s)[-1] == 84170
    assert s.total_fee == 65000
    assert rows(s) == [
        (83333, 10000),
        (83333, 9167),
        (83333, 8333),
        (83333, 7500),
        (83333, 6667),
        (83333, 5833),
        (83333, 5000),
        (83333, 4167),
        (83333, 3333),
        (83333, 2500),
        (83333, 1667),
        (83337, 833),
    ]


def test_equal_principal_1000000_at_4_9_percent_over_360_like_the_banks() -> None:
    # round(100000000 / 360) = round(277777.78) = 277778 (flooring gave 277777, a fen short).
    s = plan("equal_principal", 100000000, 360, "0.049")
    assert rows(s)[0] == (277778, 408333)
    assert totals(s)[0] == 686111
    assert rows(s)[1] == (277778, 407199)  # 99722222 × 0.049 / 12 = 407199.07
    assert totals(s)[1] == 684977
    assert s.installments[-1].principal == 100000000 - 359 * 277778 == 277698
    assert s.total_principal == 100000000


def test_equal_principal_rounds_each_part_half_up_the_last_takes_the_rest() -> None:
    # 2.00 over 3: 66.67 fen rounds to 67, the last takes 66 (flooring gave 66, 66, 68).
    s = plan("equal_principal", 200, 3, "0.12")
    assert [i.principal for i in s.installments] == [67, 67, 66]
    assert split_rounded(200, 3) == [67, 67, 66]
    assert split_rounded(1000000, 12) == [83333] * 11 + [83337]
    # Tiny amounts over long terms: a part never overshoots what is left.
    assert split_rounded(5, 8) == [1, 1, 1, 1, 1, 0, 0, 0]
    assert split_rounded(7, 1) == [7]


def test_equal_principal_ignores_the_remainder_option() -> None:
    first = plan("equal_principal", 1000000, 12, "0.12", remainder="first")
    assert first.terms.remainder is None
    assert first.terms.effective_remainder is Remainder.LAST
    assert first.installments == plan("equal_principal", 1000000, 12, "0.12").installments


def test_equal_principal_interest_is_rounded_half_up_on_the_exact_value() -> None:
    # 1650.00 at 7% over 12: balances 165000, 151250, ...; the first interest is exactly
    # 962.5 fen and must round half-up to 963.
    s = plan("equal_principal", 165000, 12, "0.07")
    assert rows(s) == [
        (13750, 963),
        (13750, 882),
        (13750, 802),
        (13750, 722),
        (13750, 642),
        (13750, 561),
        (13750, 481),
        (13750, 401),
        (13750, 321),
        (13750, 241),
        (13750, 160),
        (13750, 80),
    ]
    assert s.total_fee == 6256


# --- interest-free, pay-in-n ---------------------------------------------------------------


def test_interest_free() -> None:
    s = plan("interest_free", 100000, 3)
    assert rows(s) == [(33334, 0), (33333, 0), (33333, 0)]
    assert s.total_fee == 0
    s = plan("interest_free", 100000, 3, remainder="last")
    assert rows(s) == [(33333, 0), (33333, 0), (33334, 0)]


def test_interest_free_ignores_a_rate() -> None:
    terms = PlanTerms(Model.INTEREST_FREE, 100000, 3, FIRST_DUE, rate=Decimal("0.05"))
    assert terms.rate == 0
    assert build_schedule(terms).total_fee == 0


def test_pay_in_4() -> None:
    s = plan("pay_in_n", 10001, 4, first_due=date(2024, 3, 1))
    assert totals(s) == [2501, 2500, 2500, 2500]
    assert s.total_fee == 0
    assert [i.due_date for i in s.installments] == [
        date(2024, 3, 1),
        date(2024, 3, 15),
        date(2024, 3, 29),
        date(2024, 4, 12),
    ]


def test_pay_in_4_remainder_last() -> None:
    s = plan("pay_in_n", 10001, 4, remainder="last")
    assert totals(s) == [2500, 2500, 2500, 2501]


# --- custom --------------------------------------------------------------------------------


def custom(principal: int, amounts: tuple[int, ...], periods: int | None = None) -> PlanTerms:
    return PlanTerms(
        Model.CUSTOM,
        principal,
        len(amounts) if periods is None else periods,
        FIRST_DUE,
        custom_amounts=amounts,
    )


def test_custom_fee_is_the_sum_minus_principal() -> None:
    s = build_schedule(custom(100000, (40000, 35000, 30000)))
    assert totals(s) == [40000, 35000, 30000]
    assert s.total_fee == 5000
    assert s.total_principal == 100000
    # 5000 apportioned by each total: 1904.76, 1666.67, 1428.57 -> largest remainders get +1
    assert rows(s) == [(38095, 1905), (33333, 1667), (28572, 1428)]


def test_custom_equal_amounts_ties_go_to_earlier_periods() -> None:
    s = build_schedule(custom(100000, (34000, 34000, 34000)))
    assert rows(s) == [(33333, 667), (33333, 667), (33334, 666)]
    assert s.total_fee == 2000


def test_custom_amounts_equal_to_principal_have_no_fee() -> None:
    s = build_schedule(custom(100000, (50000, 30000, 20000)))
    assert rows(s) == [(50000, 0), (30000, 0), (20000, 0)]


def test_custom_lender_statement_3600_flat() -> None:
    s = build_schedule(custom(360000, (32160,) * 12))
    assert rows(s) == [(30000, 2160)] * 12


def test_custom_amounts_as_a_list_are_stored_as_a_tuple() -> None:
    terms = PlanTerms(Model.CUSTOM, 300, 3, FIRST_DUE, custom_amounts=[100, 100, 101])  # type: ignore[arg-type]
    assert terms.custom_amounts == (100, 100, 101)
    assert isinstance(terms.custom_amounts, tuple)


@pytest.mark.parametrize(
    ("principal", "periods", "amounts"),
    [
        (100000, 3, (50000, 50000)),  # fewer amounts than periods
        (100000, 2, (40000, 40000, 40000)),  # more amounts than periods
        (100000, 3, ()),
        (100000, 3, (50000, 30000, 19999)),  # Σ < principal
        (100000, 3, (60000, 50000, 0)),  # zero amount
        (100000, 3, (60000, 50000, -1)),  # negative amount
        (100000, 3, (60000, 50000, 100.0)),  # float amount
        (100000, 3, (60000, 50000, Decimal(100))),
        (100000, 3, (60000, 50000, True)),
        (100, 1, (10**13 + 1,)),  # above the cap
    ],
)
def test_custom_amounts_are_checked(principal: int, periods: int, amounts: tuple[int, ...]) -> None:
    with pytest.raises(AmountError):
        custom(principal, amounts, periods)


def test_custom_count_mismatch_message_names_both_counts() -> None:
    with pytest.raises(AmountError) as info:
        custom(100000, (50000, 50000), periods=3)
    assert "3 periods" in str(info.value)
    assert "2 amounts" in str(info.value)


def test_custom_amounts_refused_on_other_models() -> None:
    with pytest.raises(AmountError):
        PlanTerms(Model.FLAT, 100, 1, FIRST_DUE, rate=Decimal("0.01"), custom_amounts=(101,))


# --- options and defaults ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "remainder"),
    [
        (Model.FLAT, Remainder.FIRST),
        (Model.TOTAL, Remainder.FIRST),
        (Model.INTEREST_FREE, Remainder.FIRST),
        (Model.PAY_IN_N, Remainder.FIRST),
        (Model.CUSTOM, Remainder.FIRST),
        (Model.ANNUITY, Remainder.FIRST),
        (Model.EQUAL_PRINCIPAL, Remainder.LAST),
    ],
)
def test_default_remainder(model: Model, remainder: Remainder) -> None:
    assert model.default_remainder is remainder


def test_effective_remainder_prefers_the_option() -> None:
    terms = PlanTerms(Model.FLAT, 100, 1, FIRST_DUE, remainder="last")  # type: ignore[arg-type]
    assert terms.effective_remainder is Remainder.LAST
    terms = PlanTerms(Model.EQUAL_PRINCIPAL, 100, 1, FIRST_DUE)
    assert terms.remainder is None
    assert terms.effective_remainder is Remainder.LAST


def test_terms_normalise_strings_to_enums_and_currency_code() -> None:
    terms = PlanTerms("flat", 100, 1, FIRST_DUE, currency="cny", fee_mode="first")  # type: ignore[arg-type]
    assert terms.model is Model.FLAT
    assert terms.fee_mode is FeeMode.FIRST
    assert terms.currency == "CNY"
    assert terms.money.digits == 2


def test_periods_per_year() -> None:
    assert Model.PAY_IN_N.periods_per_year == 26
    for model in Model:
        if model is not Model.PAY_IN_N:
            assert model.periods_per_year == 12


def test_uses_rate() -> None:
    assert {m for m in Model if m.uses_rate} == {
        Model.FLAT,
        Model.TOTAL,
        Model.ANNUITY,
        Model.EQUAL_PRINCIPAL,
    }


# --- PlanTerms validation ------------------------------------------------------------------


def terms(**changes: object) -> PlanTerms:
    fields: dict[str, object] = {
        "model": Model.FLAT,
        "principal": 360000,
        "periods": 12,
        "first_due": FIRST_DUE,
        "rate": Decimal("0.006"),
    }
    fields.update(changes)
    return PlanTerms(**fields)  # type: ignore[arg-type]


def test_valid_terms_are_accepted() -> None:
    assert terms().periods == 12
    assert terms(periods=1).periods == 1
    assert terms(periods=360).periods == 360
    assert terms(principal=1).principal == 1
    assert terms(principal=10**13).principal == 10**13  # the cap: 10^11 yuan
    assert terms(rate=Decimal(1)).rate == 1
    assert terms(rate=Decimal(0)).rate == 0
    assert terms(upfront_fee=0, down_payment=0).upfront_fee == 0


@pytest.mark.parametrize("periods", [0, 361, -1, 1000])
def test_periods_out_of_range_are_refused(periods: int) -> None:
    with pytest.raises(AmountError):
        terms(periods=periods)


@pytest.mark.parametrize("periods", [12.0, 12.5, "12", True])
def test_periods_must_be_an_integer(periods: object) -> None:
    with pytest.raises(AmountError):
        terms(periods=periods)


@pytest.mark.parametrize("principal", [0, -1, -360000])
def test_zero_or_negative_principal_is_refused(principal: int) -> None:
    with pytest.raises(AmountError):
        terms(principal=principal)


@pytest.mark.parametrize("principal", [3600.0, 3600.5, Decimal(360000), "360000", True, None])
def test_principal_must_be_integer_minor_units(principal: object) -> None:
    with pytest.raises(AmountError):
        terms(principal=principal)


def test_principal_above_the_cap_is_refused() -> None:
    with pytest.raises(AmountError):
        terms(principal=10**13 + 1)


@pytest.mark.parametrize(
    "rate",
    [
        Decimal("1.0001"),
        Decimal(2),
        Decimal("-0.001"),
        Decimal("NaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        0.006,
        "0.006",
        None,
    ],
)
def test_bad_rates_are_refused(rate: object) -> None:
    with pytest.raises(AmountError):
        terms(rate=rate)
    with pytest.raises(AmountError):
        terms(model=Model.ANNUITY, rate=rate)


@pytest.mark.parametrize("field", ["upfront_fee", "down_payment"])
@pytest.mark.parametrize("value", [-1, 1.5, 10**13 + 1])
def test_bad_upfront_fee_and_down_payment_are_refused(field: str, value: object) -> None:
    with pytest.raises(AmountError):
        terms(**{field: value})


def test_unknown_currency_is_refused() -> None:
    with pytest.raises(AmountError):
        terms(currency="ABC")


def test_unknown_model_or_option_is_refused() -> None:
    with pytest.raises(ValueError):
        terms(model="balloon")
    with pytest.raises(ValueError):
        terms(fee_mode="middle")
    with pytest.raises(ValueError):
        terms(remainder="middle")


def test_down_payment_is_not_financed() -> None:
    without = build_schedule(terms())
    with_down = build_schedule(terms(down_payment=100000))
    assert with_down.installments == without.installments
    assert with_down.total_cost == without.total_cost == 25920


def test_upfront_fee_counts_in_the_cost_not_the_installments() -> None:
    without = build_schedule(terms())
    with_fee = build_schedule(terms(upfront_fee=5000))
    assert with_fee.installments == without.installments
    assert with_fee.total_fee == 25920
    assert with_fee.total_cost == 25920 + 5000
    assert with_fee.total_payable == 385920


def test_schedule_of_jpy_plan() -> None:
    s = build_schedule(terms(currency="JPY", principal=100000, periods=3, rate=Decimal("0.007")))
    assert rows(s) == [(33334, 700), (33333, 700), (33333, 700)]
