"""Property tests: every schedule model, over random plans, against an independent exact model.

The reference values are computed here with ``fractions.Fraction`` (exact rationals) and plain
integer arithmetic, straight from domain-rules.md, so they do not share code with the engine.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tracker.domain import (
    FeeMode,
    Model,
    PlanTerms,
    Remainder,
    Schedule,
    build_schedule,
    cost_of_credit,
)

# --- reference arithmetic ------------------------------------------------------------------


def exact_round(value: Fraction) -> int:
    """Half-up rounding (halves away from zero) of an exact rational."""
    if value < 0:
        return -exact_round(-value)
    return int(value + Fraction(1, 2))  # int() truncates, value + 1/2 ≥ 0


def expected_split(amount: int, periods: int, remainder: Remainder) -> list[int]:
    base = amount // periods
    parts = [base] * periods
    index = 0 if remainder is Remainder.FIRST else periods - 1
    parts[index] = amount - base * (periods - 1)
    return parts


def banks_split(amount: int, periods: int) -> list[int]:
    """round(P/n) half-up in every period but the last, never more than is left."""
    base = exact_round(Fraction(amount, periods))
    parts, left = [], amount
    for _ in range(periods - 1):
        parts.append(min(base, left))
        left -= parts[-1]
    return [*parts, left]


def placement(terms: PlanTerms) -> Remainder:
    if terms.remainder is not None:
        return terms.remainder
    return Remainder.LAST if terms.model is Model.EQUAL_PRINCIPAL else Remainder.FIRST


def month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


# --- strategies ----------------------------------------------------------------------------

PRINCIPALS = st.one_of(
    st.integers(min_value=1, max_value=10**9),  # shrinks towards tiny amounts (1 fen, 2 fen…)
    st.integers(min_value=10**4, max_value=10**9),  # everyday purchases: 100.00 and up
    st.integers(min_value=1, max_value=10**7).map(lambda yuan: yuan * 100),  # whole yuan
)
PERIODS = st.integers(min_value=1, max_value=360)
REMAINDERS = st.sampled_from([None, Remainder.FIRST, Remainder.LAST])
FLAT_RATES = st.integers(0, 30_000).map(lambda k: Decimal(k) / 1_000_000)  # 0..3% per period
TOTAL_RATES = st.integers(0, 300_000).map(lambda k: Decimal(k) / 1_000_000)  # 0..30% total
ANNUAL_RATES = st.integers(0, 3_600).map(lambda k: Decimal(k) / 10_000)  # 0..36% a year


@st.composite
def first_dues(draw: st.DrawFn) -> date:
    """Dates 2000..2099, with month-end anchors (29–31) drawn about half the time."""
    year = draw(st.integers(2000, 2099))
    month = draw(st.integers(1, 12))
    day = draw(st.one_of(st.sampled_from([29, 30, 31]), st.integers(1, 28)))
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def rate_for(model: Model) -> st.SearchStrategy[Decimal]:
    if model is Model.FLAT:
        return FLAT_RATES
    if model is Model.TOTAL:
        return TOTAL_RATES
    if model in (Model.ANNUITY, Model.EQUAL_PRINCIPAL):
        return ANNUAL_RATES
    return st.just(Decimal(0))


@st.composite
def plan_terms(
    draw: st.DrawFn,
    model: Model,
    principals: st.SearchStrategy[int] = PRINCIPALS,
    periods: st.SearchStrategy[int] = PERIODS,
) -> PlanTerms:
    n = draw(periods)
    amounts: tuple[int, ...] = ()
    if model is Model.CUSTOM:
        amounts = tuple(draw(st.lists(st.integers(1, 10**8), min_size=n, max_size=n)))
        principal = draw(st.integers(1, sum(amounts)))
    else:
        principal = draw(principals)
    return PlanTerms(
        model=model,
        principal=principal,
        periods=n,
        first_due=draw(first_dues()),
        rate=draw(rate_for(model)),
        remainder=draw(REMAINDERS),
        fee_mode=draw(st.sampled_from(FeeMode)),
        upfront_fee=draw(st.one_of(st.just(0), st.integers(0, principal - 1))),
        down_payment=draw(st.one_of(st.just(0), st.integers(0, 10**9))),
        custom_amounts=amounts,
    )


# --- invariants every schedule keeps -------------------------------------------------------


def check_common(s: Schedule) -> None:
    t = s.terms
    inst = s.installments
    assert isinstance(inst, tuple)
    assert len(inst) == t.periods
    assert [i.period for i in inst] == list(range(1, t.periods + 1))
    assert all(isinstance(i.principal, int) and isinstance(i.fee, int) for i in inst)
    assert all(i.principal >= 0 and i.fee >= 0 for i in inst)
    assert all(i.total == i.principal + i.fee for i in inst)
    assert sum(i.principal for i in inst) == t.principal == s.total_principal
    assert sum(i.fee for i in inst) == s.total_fee
    assert s.total_payable == t.principal + s.total_fee
    assert s.total_cost == s.total_fee + t.upfront_fee
    check_dates(s)


def check_dates(s: Schedule) -> None:
    first = s.terms.first_due
    dues = [i.due_date for i in s.installments]
    assert dues[0] == first
    assert all(a < b for a, b in pairwise(dues))
    if s.terms.model is Model.PAY_IN_N:
        assert all(b - a == timedelta(days=14) for a, b in pairwise(dues))
        return
    for k, due in enumerate(dues):
        assert month_index(due) == month_index(first) + k
        days_in_month = calendar.monthrange(due.year, due.month)[1]
        assert due.day == min(first.day, days_in_month)


def fees(s: Schedule) -> list[int]:
    return [i.fee for i in s.installments]


def principals(s: Schedule) -> list[int]:
    return [i.principal for i in s.installments]


def flows(s: Schedule) -> list[int]:
    return [i.total for i in s.installments]


# --- each model ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(plan_terms(Model.FLAT))
def test_flat(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    P, n, r = t.principal, t.periods, Fraction(t.rate)
    assert principals(s) == expected_split(P, n, placement(t))
    if t.fee_mode is FeeMode.SPREAD:
        expected_fee = exact_round(P * r)
        assert fees(s) == [expected_fee] * n
        assert s.total_fee == n * expected_fee
    else:
        expected_total = exact_round(P * r * n)
        assert fees(s) == [expected_total] + [0] * (n - 1)
        assert s.total_fee == expected_total


@settings(max_examples=150, deadline=None)
@given(plan_terms(Model.TOTAL))
def test_total(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    where = placement(t)
    fee = exact_round(t.principal * Fraction(t.rate))
    assert s.total_fee == fee
    assert principals(s) == expected_split(t.principal, t.periods, where)
    assert fees(s) == expected_split(fee, t.periods, where)


@settings(max_examples=100, deadline=None)
@given(plan_terms(Model.INTEREST_FREE))
def test_interest_free(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    assert fees(s) == [0] * t.periods
    assert principals(s) == expected_split(t.principal, t.periods, placement(t))
    if t.upfront_fee == 0:
        assert cost_of_credit(s).apr == 0


@settings(max_examples=100, deadline=None)
@given(plan_terms(Model.PAY_IN_N))
def test_pay_in_n(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    assert fees(s) == [0] * t.periods
    assert principals(s) == expected_split(t.principal, t.periods, placement(t))
    if t.upfront_fee == 0:
        assert cost_of_credit(s).apr == 0


@settings(max_examples=100, deadline=None)
@given(plan_terms(Model.EQUAL_PRINCIPAL))
def test_equal_principal(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    parts = banks_split(t.principal, t.periods)
    assert principals(s) == parts
    assert t.remainder is None  # the option does not apply to loans
    i = Fraction(t.rate) / 12
    balance = t.principal
    expected: list[int] = []
    for part in parts:
        expected.append(exact_round(balance * i))
        balance -= part
    assert fees(s) == expected


def annuity_payment(principal: int, i: Fraction, n: int) -> int:
    if i == 0:
        return exact_round(Fraction(principal, n))
    growth = (1 + i) ** n
    return exact_round(principal * i * growth / (growth - 1))


@settings(max_examples=100, deadline=None)
@given(plan_terms(Model.ANNUITY))
def test_annuity(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    i = Fraction(t.rate) / 12
    payment = annuity_payment(t.principal, i, t.periods)
    balance = t.principal
    for k, inst in enumerate(s.installments, start=1):
        assert inst.fee == exact_round(balance * i)
        if k < t.periods:
            assert inst.principal == min(payment - inst.fee, balance)
        else:
            assert inst.principal == balance  # the last period repays whatever is left
        balance -= inst.principal
    assert balance == 0


@settings(max_examples=100, deadline=None)
@given(plan_terms(Model.CUSTOM, periods=st.integers(1, 60)))
def test_custom(t: PlanTerms) -> None:
    s = build_schedule(t)
    check_common(s)
    amounts = t.custom_amounts
    total = sum(amounts)
    fee_total = total - t.principal
    assert flows(s) == list(amounts)
    assert s.total_fee == fee_total
    # apportioned by each period's total: every fee is its exact quota rounded down or up
    for inst, amount in zip(s.installments, amounts, strict=True):
        quota = Fraction(fee_total * amount, total)
        assert int(quota) <= inst.fee <= -(-quota.numerator // quota.denominator)


def test_custom_total_fee_property_on_a_small_example() -> None:
    # a sanity anchor for the property above: 3 × 340.34 for 1000.00 -> fee 21.02
    s = build_schedule(
        PlanTerms(Model.CUSTOM, 100000, 3, date(2024, 1, 1), custom_amounts=(34034,) * 3)
    )
    assert s.total_fee == 2102
    assert fees(s) == [701, 701, 700]


# --- dates ---------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(
        [Model.FLAT, Model.TOTAL, Model.ANNUITY, Model.EQUAL_PRINCIPAL, Model.INTEREST_FREE]
    ),
    first_dues(),
    PERIODS,
)
def test_monthly_due_dates_anchor_on_the_first(model: Model, first: date, n: int) -> None:
    s = build_schedule(PlanTerms(model, 10**6, n, first, rate=Decimal("0.01")))
    check_dates(s)


# --- the APR -------------------------------------------------------------------------------


def apr_of(t: PlanTerms) -> Decimal:
    return cost_of_credit(build_schedule(t)).apr


def reference_period_rate(received: int, cash: Sequence[int], first: int = 1) -> float:
    def pv(r: float) -> float:
        return sum(f / (1 + r) ** k for k, f in enumerate(cash, start=first))

    if sum(cash) <= received:
        return 0.0
    lo, hi = 0.0, 1.0
    while pv(hi) > received:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if pv(mid) > received else (lo, mid)
    return (lo + hi) / 2


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(list(Model)).flatmap(
        lambda m: plan_terms(m, principals=st.integers(10_000, 10**9), periods=st.integers(1, 48))
    )
)
def test_apr_matches_an_independent_irr(t: PlanTerms) -> None:
    s = build_schedule(t)
    first = 0 if t.model is Model.PAY_IN_N else 1  # pay-in-N: the first part at purchase
    # A part due at purchase of at least what was received has no finite rate (capped).
    assume(first == 1 or flows(s)[0] < t.principal - t.upfront_fee)
    cost = cost_of_credit(s)
    ref = reference_period_rate(t.principal - t.upfront_fee, flows(s), first)
    assert float(cost.period_rate) == pytest.approx(ref, rel=1e-7, abs=1e-12)
    assert cost.total_cost == s.total_fee + t.upfront_fee
    assert cost.apr >= 0


@st.composite
def rate_pairs(draw: st.DrawFn, model: Model) -> tuple[PlanTerms, PlanTerms]:
    rates = rate_for(model)
    r1, r2 = draw(rates), draw(rates)
    assume(r1 != r2)
    r1, r2 = min(r1, r2), max(r1, r2)
    base = PlanTerms(
        model=model,
        principal=draw(PRINCIPALS),
        periods=draw(st.integers(1, 120)),
        first_due=draw(first_dues()),
        rate=r1,
        remainder=draw(REMAINDERS),
        fee_mode=draw(st.sampled_from(FeeMode)),
    )
    return base, PlanTerms(
        model=base.model,
        principal=base.principal,
        periods=base.periods,
        first_due=base.first_due,
        rate=r2,
        remainder=base.remainder,
        fee_mode=base.fee_mode,
    )


def dominates(high: Sequence[int], low: Sequence[int]) -> bool:
    return all(h >= lo for h, lo in zip(high, low, strict=True))


@settings(max_examples=100, deadline=None)
@given(rate_pairs(Model.FLAT))
def test_flat_apr_rises_with_the_rate(pair: tuple[PlanTerms, PlanTerms]) -> None:
    low, high = (build_schedule(t) for t in pair)
    assert high.total_fee >= low.total_fee
    assert dominates(flows(high), flows(low))
    if high.total_fee == low.total_fee:
        assert flows(high) == flows(low)
        assert apr_of(pair[0]) == apr_of(pair[1])
    else:
        assert apr_of(pair[0]) < apr_of(pair[1])


@settings(max_examples=100, deadline=None)
@given(rate_pairs(Model.TOTAL))
def test_total_apr_rises_with_the_rate(pair: tuple[PlanTerms, PlanTerms]) -> None:
    low, high = (build_schedule(t) for t in pair)
    assert high.total_fee >= low.total_fee
    if high.total_fee == low.total_fee:
        assert flows(high) == flows(low)
        assert apr_of(pair[0]) == apr_of(pair[1])
    elif placement(pair[0]) is Remainder.LAST or dominates(flows(high), flows(low)):
        # With the fee remainder last, a larger fee moves money earlier or adds to every
        # period, so the IRR must rise. (With the remainder first, one more fen of fee can
        # move up to n−2 fen from period 1 to later periods, which may lower the IRR.)
        assert apr_of(pair[0]) < apr_of(pair[1])


@settings(max_examples=100, deadline=None)
@given(rate_pairs(Model.ANNUITY))
def test_annuity_apr_rises_with_the_rate(pair: tuple[PlanTerms, PlanTerms]) -> None:
    low, high = (build_schedule(t) for t in pair)
    if flows(high) == flows(low):
        assert apr_of(pair[0]) == apr_of(pair[1])
    elif high.total_fee != low.total_fee:
        assert apr_of(pair[0]) < apr_of(pair[1])


@settings(max_examples=60, deadline=None)
@given(
    plan_terms(
        Model.ANNUITY, principals=st.integers(10**6, 10**9), periods=st.integers(1, 360)
    ).filter(lambda t: t.upfront_fee == 0)
)
def test_annuity_apr_is_the_annual_rate(t: PlanTerms) -> None:
    cost = cost_of_credit(build_schedule(t))
    assert abs(cost.apr - t.rate) < Decimal("0.0001")  # within 0.01 percentage point


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(list(Model)).flatmap(
        lambda m: plan_terms(m, principals=st.integers(2, 10**9), periods=st.integers(1, 60))
    ),
    st.data(),
)
def test_upfront_fee_raises_the_apr(t: PlanTerms, data: st.DataObject) -> None:
    assume(t.principal >= 2)  # custom plans draw their own principal
    fee = data.draw(st.integers(1, t.principal - 1))
    without = PlanTerms(
        model=t.model,
        principal=t.principal,
        periods=t.periods,
        first_due=t.first_due,
        rate=t.rate,
        remainder=t.remainder,
        fee_mode=t.fee_mode,
        custom_amounts=t.custom_amounts,
    )
    with_fee = PlanTerms(
        model=t.model,
        principal=t.principal,
        periods=t.periods,
        first_due=t.first_due,
        rate=t.rate,
        remainder=t.remainder,
        fee_mode=t.fee_mode,
        custom_amounts=t.custom_amounts,
        upfront_fee=fee,
        down_payment=t.down_payment,
    )
    s0, s1 = build_schedule(without), build_schedule(with_fee)
    assert s0.installments == s1.installments  # neither fee nor down payment changes them
    c0, c1 = cost_of_credit(s0), cost_of_credit(s1)
    assert c1.apr > c0.apr
    assert c1.total_cost == c0.total_cost + fee


@settings(max_examples=150, deadline=None)
@given(
    PRINCIPALS,
    st.integers(1, 60),
    st.integers(0, 300).map(lambda k: Decimal(k) / 1000),  # up to 30% per period
    st.sampled_from(FeeMode),
)
def test_apr_solves_the_irr_equation_even_for_high_cost_plans(
    principal: int, n: int, rate: Decimal, fee_mode: FeeMode
) -> None:
    s = build_schedule(
        PlanTerms(Model.FLAT, principal, n, date(2024, 1, 31), rate=rate, fee_mode=fee_mode)
    )
    cost = cost_of_credit(s)
    ref = reference_period_rate(principal, flows(s))
    assert float(cost.period_rate) == pytest.approx(ref, rel=1e-7, abs=1e-12)
