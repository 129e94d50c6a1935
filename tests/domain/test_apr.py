"""Cost of credit: total cost and the APR by the IRR method (年化利率)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain import Model, PlanTerms, Schedule, build_schedule, cost_of_credit
from tracker.domain.apr import CostOfCredit, solve_period_rate

FIRST_DUE = date(2024, 1, 31)


def plan(model: str, principal: int, periods: int, rate: str = "0", **options: object) -> Schedule:
    return build_schedule(
        PlanTerms(Model(model), principal, periods, FIRST_DUE, rate=Decimal(rate), **options)  # type: ignore[arg-type]
    )


def totals(schedule: Schedule) -> list[int]:
    return [i.total for i in schedule.installments]


def reference_rate(received: int, flows: list[int], first: int = 1) -> float:
    """Independent IRR by plain bisection in floats: received = Σ flows[j] / (1+r)^(first+j)."""

    def pv(r: float) -> float:
        return sum(f / (1 + r) ** k for k, f in enumerate(flows, start=first))

    lo, hi = 0.0, 1.0
    while pv(hi) > received:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if pv(mid) > received:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def check_against_reference(schedule: Schedule, cost: CostOfCredit) -> None:
    flows = [i.total for i in schedule.installments]
    first = 0 if schedule.terms.model is Model.PAY_IN_N else 1
    ref = reference_rate(schedule.terms.principal - schedule.terms.upfront_fee, flows, first)
    assert float(cost.period_rate) == pytest.approx(ref, rel=1e-9, abs=1e-15)
    ppy = schedule.terms.model.periods_per_year
    assert abs(cost.apr - cost.period_rate * ppy) < Decimal("1e-25")
    assert float(cost.effective_rate) == pytest.approx((1 + ref) ** ppy - 1, rel=1e-9, abs=1e-15)


# --- the worked examples -------------------------------------------------------------------


def test_flat_0_6_percent_over_12() -> None:
    s = plan("flat", 360000, 12, "0.006")
    cost = cost_of_credit(s)
    assert cost.apr_percent == "13.03"
    assert cost.effective_percent == "13.84"
    assert cost.total_cost == 25920
    assert Decimal("0.1303") < cost.apr < Decimal("0.1304")
    check_against_reference(s, cost)


def test_flat_0_75_percent_over_12() -> None:
    s = plan("flat", 360000, 12, "0.0075")
    cost = cost_of_credit(s)
    assert cost.apr_percent == "16.22"
    assert cost.effective_percent == "17.48"
    assert cost.total_cost == 32400
    check_against_reference(s, cost)


def test_apr_does_not_depend_on_the_principal_for_flat_plans() -> None:
    for principal in (120000, 360000, 1200000, 99999900):
        assert cost_of_credit(plan("flat", principal, 12, "0.006")).apr_percent == "13.03"


def test_annuity_12_percent() -> None:
    s = plan("annuity", 1000000, 12, "0.12")
    cost = cost_of_credit(s)
    assert cost.apr_percent == "12.00"
    assert cost.effective_percent == "12.68"  # 1.01^12 − 1
    assert cost.total_cost == 66186
    assert abs(cost.period_rate - Decimal("0.01")) < Decimal("1e-6")
    check_against_reference(s, cost)


def test_equal_principal_12_percent() -> None:
    s = plan("equal_principal", 1000000, 12, "0.12")
    cost = cost_of_credit(s)
    assert cost.apr_percent == "12.00"
    assert cost.total_cost == 65000
    check_against_reference(s, cost)


def test_total_huabei_1000_over_6_at_4_5_percent() -> None:
    s = plan("total", 100000, 6, "0.045")
    cost = cost_of_credit(s)
    assert cost.total_cost == 4500
    check_against_reference(s, cost)
    assert cost.apr_percent == "15.27"
    assert cost.effective_percent == "16.38"


def test_flat_1000_over_3() -> None:
    s = plan("flat", 100000, 3, "0.007")
    cost = cost_of_credit(s)
    check_against_reference(s, cost)
    assert cost.apr_percent == "12.56"


def test_fee_in_first_period_costs_more_than_spread() -> None:
    spread = cost_of_credit(plan("flat", 360000, 12, "0.006"))
    first = cost_of_credit(plan("flat", 360000, 12, "0.006", fee_mode="first"))
    assert first.total_cost == spread.total_cost == 25920
    assert first.apr > spread.apr
    check_against_reference(plan("flat", 360000, 12, "0.006", fee_mode="first"), first)


def test_interest_free_apr_is_zero() -> None:
    cost = cost_of_credit(plan("interest_free", 100000, 3))
    assert cost.period_rate == 0
    assert cost.apr == 0
    assert cost.effective_rate == 0
    assert cost.apr_percent == "0.00"
    assert cost.effective_percent == "0.00"
    assert cost.total_cost == 0


def test_pay_in_n_apr_is_zero() -> None:
    cost = cost_of_credit(plan("pay_in_n", 10001, 4))
    assert cost.apr_percent == "0.00"
    assert cost.total_cost == 0


def test_zero_rate_plans_have_zero_apr() -> None:
    for model in ("flat", "total", "annuity", "equal_principal"):
        cost = cost_of_credit(plan(model, 100000, 12, "0"))
        assert cost.apr == 0, model
        assert cost.total_cost == 0


def test_custom_matching_a_flat_statement_has_the_same_apr() -> None:
    s = build_schedule(PlanTerms(Model.CUSTOM, 360000, 12, FIRST_DUE, custom_amounts=(32160,) * 12))
    cost = cost_of_credit(s)
    assert cost.apr_percent == "13.03"
    assert cost.total_cost == 25920
    assert cost.apr == cost_of_credit(plan("flat", 360000, 12, "0.006")).apr


# --- upfront fee and down payment ----------------------------------------------------------


def test_upfront_fee_raises_the_apr_and_counts_in_the_cost() -> None:
    base = cost_of_credit(plan("flat", 360000, 12, "0.006"))
    s = plan("flat", 360000, 12, "0.006", upfront_fee=1000)
    cost = cost_of_credit(s)
    assert cost.total_cost == 25920 + 1000
    assert cost.apr > base.apr
    assert cost.apr_percent == "13.56"
    check_against_reference(s, cost)


def test_upfront_fee_on_interest_free_plan_is_a_real_cost() -> None:
    s = plan("interest_free", 120000, 12, upfront_fee=1200)
    cost = cost_of_credit(s)
    assert cost.total_cost == 1200
    assert cost.apr > 0
    check_against_reference(s, cost)


def test_larger_upfront_fee_gives_larger_apr() -> None:
    aprs = [
        cost_of_credit(plan("annuity", 1000000, 12, "0.12", upfront_fee=fee)).apr
        for fee in (0, 1, 100, 10000, 100000)
    ]
    assert aprs == sorted(aprs)
    assert len(set(aprs)) == len(aprs)


def test_pay_in_n_discounts_the_first_part_at_purchase() -> None:
    # 9900 received; 2500 at t = 0, then 2500 at 1, 2, 3 periods of 14 days.
    cost = cost_of_credit(plan("pay_in_n", 10000, 4, upfront_fee=100))
    assert cost.apr_percent == "17.53"
    assert cost.total_cost == 100
    # The old t = 1..4 discounting gave 10.48%; a monthly plan keeps t = k.
    assert abs(solve_period_rate(9900, [2500] * 4) * 26 - Decimal("0.1048")) < Decimal("0.0001")
    assert abs(solve_period_rate(9900, [2500] * 4, first=0) - cost.period_rate) < Decimal("1e-30")
    assert cost_of_credit(plan("interest_free", 10000, 4, upfront_fee=100)).apr_percent == "4.84"


def test_pay_in_n_part_due_at_purchase_above_what_was_received_has_no_finite_rate() -> None:
    cost = cost_of_credit(plan("pay_in_n", 10000, 1, upfront_fee=100))
    assert cost.apr > 1000  # capped, never an endless search
    # 10 at purchase leaves 90 financed, repaid by 99 a period later: 10%.
    assert abs(solve_period_rate(100, [10, 99], first=0) - Decimal("0.1")) < Decimal("1e-20")


def test_pay_in_n_uses_26_periods_a_year() -> None:
    s = plan("pay_in_n", 10000, 4, upfront_fee=100)
    cost = cost_of_credit(s)
    assert abs(cost.apr - cost.period_rate * 26) < Decimal("1e-25")
    check_against_reference(s, cost)


def test_down_payment_changes_neither_the_schedule_nor_the_apr() -> None:
    for model, rate in (("flat", "0.006"), ("annuity", "0.12"), ("total", "0.045")):
        without = plan(model, 360000, 12, rate)
        with_down = plan(model, 360000, 12, rate, down_payment=120000)
        assert with_down.installments == without.installments
        assert cost_of_credit(with_down) == cost_of_credit(without)


# --- the solver ----------------------------------------------------------------------------


def test_solver_simple_cases() -> None:
    assert abs(solve_period_rate(100, [110]) - Decimal("0.1")) < Decimal("1e-20")
    assert abs(solve_period_rate(100, [0, 121]) - Decimal("0.1")) < Decimal("1e-20")
    assert abs(solve_period_rate(100, [0, 0, 800]) - Decimal(1)) < Decimal("1e-20")


def test_solver_returns_zero_when_nothing_extra_is_repaid() -> None:
    assert solve_period_rate(300, [100, 100, 100]) == 0
    assert solve_period_rate(300, [100, 100, 99]) == 0


def test_solver_handles_absurd_rates() -> None:
    # 1000% per period: the bracket must grow past 1
    assert abs(solve_period_rate(100, [1100]) - Decimal(10)) < Decimal("1e-18")


def test_solver_refuses_nothing_financed() -> None:
    with pytest.raises(ValueError):
        solve_period_rate(0, [100])
    with pytest.raises(ValueError):
        solve_period_rate(-5, [100])


def test_solver_long_plan_matches_reference() -> None:
    s = plan("annuity", 100000000, 360, "0.049")
    cost = cost_of_credit(s)
    check_against_reference(s, cost)
    assert cost.apr_percent == "4.90"


# --- high-cost plans: the solver must return the root, not a bracket midpoint --------------


def test_high_cost_flat_plan() -> None:
    # 5000.00 over 12 at 8% per period (flat): installments 816.74 then 11 × 816.66.
    # The IRR is 12.2531% a month: APR 147.04%, effective 300.29%.
    s = plan("flat", 500000, 12, "0.08")
    assert totals(s) == [81674] + [81666] * 11
    cost = cost_of_credit(s)
    check_against_reference(s, cost)
    assert cost.apr_percent == "147.04"
    assert cost.effective_percent == "300.29"


def test_solver_returns_a_root_for_a_balloon_payment() -> None:
    cash = [1] * 6 + [74154513] + [1, 1, 1, 2] + [1] * 9
    rate = solve_period_rate(30794, cash)
    assert float(rate) == pytest.approx(reference_rate(30794, cash), rel=1e-12)
    # receiving one fen less can only raise the rate
    assert solve_period_rate(30793, cash) > rate


@pytest.mark.parametrize(
    ("principal", "periods", "rate"),
    [(500000, 12, "0.08"), (840000, 18, "0.08"), (670000, 12, "0.13"), (380000, 36, "0.14")],
)
def test_solver_residual_is_zero_for_high_cost_plans(
    principal: int, periods: int, rate: str
) -> None:
    s = plan("flat", principal, periods, rate)
    cost = cost_of_credit(s)
    cash = [i.total for i in s.installments]
    present = sum(Decimal(f) / (1 + cost.period_rate) ** k for k, f in enumerate(cash, start=1))
    assert abs(present - principal) < Decimal("1e-6")
