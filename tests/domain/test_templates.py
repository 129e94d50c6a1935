"""Plan templates: complete, valid, and reproducing the worked examples to the fen."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from tracker.domain import Model, PlanTerms, build_schedule, cost_of_credit
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Remainder
from tracker.domain.templates import TEMPLATES, RateBasis, rate_basis, template

FIRST_DUE = date(2024, 1, 31)
EXPECTED_KEYS = [
    "xiaomi",
    "huabei",
    "jd_baitiao",
    "credit_card",
    "annuity_loan",
    "equal_principal_loan",
    "interest_free",
    "pay_in_4",
    "custom",
]


def terms_from(key: str, principal: int, periods: int | None = None) -> PlanTerms:
    t = template(key)
    n = periods or t.periods
    amounts = tuple([principal // n + (principal % n if k == 0 else 0) for k in range(n)])
    return PlanTerms(
        t.model,
        principal,
        n,
        FIRST_DUE,
        t.rate_for(n),
        remainder=t.remainder,
        fee_mode=t.fee_mode,
        custom_amounts=amounts if t.model is Model.CUSTOM else (),
    )


def test_every_template_is_listed_once_in_order() -> None:
    assert [t.key for t in TEMPLATES] == EXPECTED_KEYS


@pytest.mark.parametrize("t", TEMPLATES, ids=lambda t: t.key)
def test_template_values_are_sane(t) -> None:
    assert t.name_en and t.name_zh
    assert 1 <= t.periods <= 360
    assert isinstance(t.rate, Decimal) and 0 <= t.rate < Decimal("0.2")
    assert (t.rate > 0) == t.model.uses_rate
    assert 0 <= t.grace_days <= 365 and t.tolerance >= 0
    assert 0 <= t.penalty_daily_rate < Decimal("0.01")
    assert t.rate_basis is rate_basis(t.model)
    for periods, rate in t.rate_by_periods:
        assert 1 <= periods <= 360 and 0 < rate < 1


@pytest.mark.parametrize("key", EXPECTED_KEYS)
def test_every_template_builds_a_schedule_that_sums(key: str) -> None:
    schedule = build_schedule(terms_from(key, 360000))
    assert schedule.total_principal == 360000
    assert len(schedule.installments) == template(key).periods
    assert cost_of_credit(schedule).apr >= 0


def test_templates_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        TEMPLATES[0].rate = Decimal(1)  # type: ignore[misc]


def test_unknown_key_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="xiaomi"):
        template("alipay")


def test_rate_basis_per_model() -> None:
    assert rate_basis("flat") is RateBasis.PER_PERIOD
    assert rate_basis(Model.TOTAL) is RateBasis.TOTAL
    assert rate_basis(Model.ANNUITY) is RateBasis.ANNUAL
    assert rate_basis(Model.EQUAL_PRINCIPAL) is RateBasis.ANNUAL
    for model in (Model.INTEREST_FREE, Model.PAY_IN_N, Model.CUSTOM):
        assert rate_basis(model) is RateBasis.NONE


def test_xiaomi_is_flat_0_6_percent_over_12() -> None:
    schedule = build_schedule(terms_from("xiaomi", 360000))
    assert {i.total for i in schedule.installments} == {32160}
    cost = cost_of_credit(schedule)
    assert (cost.apr_percent, cost.effective_percent) == ("13.03", "13.84")
    assert template("xiaomi").payoff_policy is PayoffPolicy.CHARGE_ALL_FEES


def test_huabei_total_fee_depends_on_the_term() -> None:
    t = template("huabei")
    assert t.rate_for(6) == Decimal("0.045")
    assert t.rate_for(3) == Decimal("0.025")
    assert t.rate_for(12) == Decimal("0.075")
    assert t.rate_for(5) == t.rate  # unlisted terms fall back to the default
    totals = [i.total for i in build_schedule(terms_from("huabei", 100000)).installments]
    assert totals == [17420] + [17416] * 5


def test_credit_card_has_grace_and_the_usual_rate() -> None:
    t = template("credit_card")
    assert t.grace_days == 3
    cost = cost_of_credit(build_schedule(terms_from("credit_card", 360000)))
    assert (cost.apr_percent, cost.effective_percent) == ("16.22", "17.48")


def test_loans_use_annual_rates_and_waive_future_interest() -> None:
    for key in ("annuity_loan", "equal_principal_loan"):
        t = template(key)
        assert t.rate_basis is RateBasis.ANNUAL
        assert Decimal("0.0435") <= t.rate <= Decimal("0.06")
        assert t.payoff_policy is PayoffPolicy.WAIVE_FUTURE_FEES
    assert template("equal_principal_loan").effective_remainder is Remainder.LAST


def test_pay_in_4_is_biweekly_with_the_remainder_first() -> None:
    schedule = build_schedule(terms_from("pay_in_4", 10001))
    assert [i.total for i in schedule.installments] == [2501, 2500, 2500, 2500]
    assert [
        (b.due_date - a.due_date).days
        for a, b in zip(schedule.installments[:-1], schedule.installments[1:], strict=True)
    ] == [14, 14, 14]


def test_interest_free_costs_nothing() -> None:
    cost = cost_of_credit(build_schedule(terms_from("interest_free", 100000)))
    assert cost.total_cost == 0 and cost.apr == 0
