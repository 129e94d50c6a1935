"""Input checks of plan terms: the first due date against the purchase, and the warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.checks import check_first_due, plan_warnings
from tracker.domain.money import AmountError
from tracker.domain.payoff import PayoffPolicy, default_payoff_policy
from tracker.domain.plan import Model, PlanTerms
from tracker.domain.templates import template

TODAY = date(2026, 11, 29)


def terms(
    model: Model, rate: str = "0", first_due: date = date(2026, 12, 15), **kw: object
) -> PlanTerms:
    return PlanTerms(model, 360000, 12, first_due, Decimal(rate), **kw)  # type: ignore[arg-type]


def texts(t: PlanTerms, today: date = TODAY) -> list[str]:
    return [str(p) for p in plan_warnings(t, today)]


def test_first_due_before_purchase_is_refused_with_both_dates() -> None:
    t = PlanTerms(Model.FLAT, 360000, 12, date(2026, 1, 10), Decimal("0.006"))
    with pytest.raises(AmountError) as info:
        check_first_due(t, date(2026, 2, 1))
    assert str(info.value) == (
        "the first due date 2026-01-10 is before the purchase date 2026-02-01; "
        "enter a first due date on or after the purchase date"
    )
    check_first_due(t, date(2026, 1, 10))  # on the purchase date: accepted
    check_first_due(t, None)  # no purchase date: nothing to compare


def test_pay_in_n_first_part_on_the_purchase_date_is_accepted() -> None:
    t = PlanTerms(Model.PAY_IN_N, 10000, 4, date(2026, 3, 1))
    check_first_due(t, date(2026, 3, 1))
    with pytest.raises(AmountError):
        check_first_due(t, date(2026, 3, 2))


def test_ordinary_plans_have_no_warnings() -> None:
    assert texts(terms(Model.FLAT, "0.006")) == []
    assert texts(terms(Model.ANNUITY, "0.0435")) == []
    assert texts(terms(Model.PAY_IN_N)) == []
    # Exactly on the thresholds is not "over": 3% flat, 36% annual.
    assert texts(terms(Model.EQUAL_PRINCIPAL, "0.36"))[:1] == []


def test_first_due_more_than_a_year_ago_is_a_warning() -> None:
    assert texts(terms(Model.FLAT, "0.006", date(2025, 11, 29))) == []  # exactly a year
    assert texts(terms(Model.FLAT, "0.006", date(2025, 11, 28))) == [
        "the first due date 2025-11-28 is more than a year ago; check the date"
    ]


def test_flat_rate_over_3_percent_per_period_warns_with_its_apr() -> None:
    assert plan_warnings(terms(Model.FLAT, "0.03"), TODAY)[0].template.startswith(
        "the APR (IRR) is"
    )  # 3% itself is only a high APR (60.96%)
    assert texts(terms(Model.FLAT, "0.035")) == [
        "a fee of 3.50% per period is unusually high (most are under 3%); check the rate",
        "the APR (IRR) is 70.26%, above 36%; check the rate, the fees and the periods",
    ]


def test_loan_annual_rate_over_36_percent_warns() -> None:
    assert texts(terms(Model.ANNUITY, "0.40")) == [
        "an annual interest rate of 40.00% is above 36%; check the rate",
        "the APR (IRR) is 40.00%, above 36%; check the rate, the fees and the periods",
    ]


def test_apr_over_36_percent_warns_for_any_model() -> None:
    # 12 periods at 20% total: APR 35.07% is fine; at 25% it is 43.34%.
    assert texts(terms(Model.TOTAL, "0.20")) == []
    assert texts(terms(Model.TOTAL, "0.25")) == [
        "the APR (IRR) is 43.34%, above 36%; check the rate, the fees and the periods"
    ]
    big_fee = PlanTerms(Model.PAY_IN_N, 10000, 4, date(2026, 12, 1), upfront_fee=500)
    assert [p.template for p in plan_warnings(big_fee, TODAY)] == [
        "the APR (IRR) is {apr}%, above 36%; check the rate, the fees and the periods"
    ]


def test_default_payoff_policy_by_model() -> None:
    loans = {m for m in Model if default_payoff_policy(m) is PayoffPolicy.WAIVE_FUTURE_FEES}
    assert loans == {Model.ANNUITY, Model.EQUAL_PRINCIPAL}
    assert default_payoff_policy("flat") is PayoffPolicy.CHARGE_ALL_FEES
    assert default_payoff_policy(Model.CUSTOM) is PayoffPolicy.CHARGE_ALL_FEES


def test_huabei_template_rounds_the_total_fee_half_even() -> None:
    assert template("huabei").fee_rounding == "half_even"
    assert template("xiaomi").fee_rounding == "half_up"
