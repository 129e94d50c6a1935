"""The payoff planner: where a monthly budget goes, what it saves, when the last payment falls."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.errors import UserError
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Model, PlanTerms
from tracker.domain.planner import Debt, Strategy, plan_payoff
from tracker.domain.schedule import build_schedule

D = date
AS_OF = D(2026, 1, 1)


def _debt(plan_id: int, terms: PlanTerms, apr: str, **kw: object) -> Debt:
    return Debt(plan_id, f"plan {plan_id}", Decimal(apr), build_schedule(terms).installments, **kw)  # type: ignore[arg-type]


LOAN = PlanTerms(Model.ANNUITY, 1_000_000, 12, D(2026, 1, 15), Decimal("0.12"))
LOAN_DEBT = _debt(1, LOAN, "0.12", loan_rate=Decimal("0.12"), loan_part=88849)
FLAT = PlanTerms(Model.FLAT, 120_000, 12, D(2026, 1, 15), Decimal("0.01"))
FLAT_WAIVE = _debt(2, FLAT, "0.2148", policy=PayoffPolicy.WAIVE_FUTURE_FEES)
FLAT_ALL = _debt(3, FLAT, "0.2148", policy=PayoffPolicy.CHARGE_ALL_FEES)
FREE = _debt(4, PlanTerms(Model.INTEREST_FREE, 30_000, 3, D(2026, 1, 20)), "0")


def test_a_loan_takes_the_budget_as_prepayments_and_keeps_its_payment() -> None:
    result = plan_payoff([LOAN_DEBT], 100_000, "avalanche", AS_OF)
    # Jan..May: 1,000.00 prepaid, then 888.49 with interest on the lowered balance
    # (90.00, 72.02, 53.85, 35.50, 16.97); June: the 825.89 left is paid off on 06-01.
    assert [(r.extra, r.scheduled, r.balance) for r in result.months] == [
        (100_000, 88849, 820_151),
        (100_000, 88849, 638_504),
        (100_000, 88849, 455_040),
        (100_000, 88849, 269_741),
        (100_000, 88849, 82_589),
        (82_589, 0, 0),
    ]
    assert result.debt_free == D(2026, 6, 1)
    assert result.baseline_debt_free == D(2026, 12, 15)
    assert result.saved == 66_186 - 26_834
    assert result.months_sooner == 6
    assert result.steps[0].recommended and result.steps[0].closes_on == D(2026, 6, 1)


def test_a_consumer_plan_is_saved_up_for_then_paid_off_whole() -> None:
    result = plan_payoff([FLAT_WAIVE], 60_000, "avalanche", AS_OF)
    # Jan: 600.00 is not enough for the 1,100.00 payoff after January's 112.00 installment;
    # Feb 1: 1,200.00 saved → paid off; the eleven 12.00 fees are waived.
    assert result.debt_free == D(2026, 2, 1)
    assert result.saved == 11 * 1200
    assert [(r.extra, r.scheduled) for r in result.months] == [(0, 11200), (110_000, 0)]


def test_plans_that_save_nothing_by_paying_early_go_last_and_say_why() -> None:
    result = plan_payoff([FREE, FLAT_ALL, LOAN_DEBT], 100_000, "avalanche", AS_OF)
    assert [s.debt.plan_id for s in result.steps] == [1, 3, 4]
    assert [s.recommended for s in result.steps] == [True, False, False]
    assert str(result.steps[1].reason).startswith("its fees are charged in full")
    assert str(result.steps[2].reason) == "interest-free: paying it early saves nothing"
    # they run to their own last due dates: the debt-free date is the flat plan's last one
    assert result.debt_free == D(2026, 12, 15)
    assert result.steps[1].closes_on == result.steps[1].baseline_closes_on == D(2026, 12, 15)
    assert result.saved == 66_186 - 26_834


def test_freed_installments_roll_on_to_the_next_plan() -> None:
    small = _debt(
        5,
        PlanTerms(Model.FLAT, 60_000, 6, D(2026, 1, 15), Decimal("0.02")),
        "0.40",
        policy=PayoffPolicy.WAIVE_FUTURE_FEES,
    )
    avalanche = plan_payoff([FLAT_WAIVE, small], 50_000, Strategy.AVALANCHE, AS_OF)
    snowball = plan_payoff([FLAT_WAIVE, small], 50_000, Strategy.SNOWBALL, AS_OF)
    assert [s.debt.plan_id for s in avalanche.steps] == [5, 2]
    assert [s.debt.plan_id for s in snowball.steps] == [5, 2]  # smallest balance is 5 too
    # plan 5 (600.00 over 6, 12.00 a month): its 600.00 payoff is more than January's 500.00;
    # after January's installment it is 500.00, paid on Feb 1 out of 1,000.00 saved.
    assert avalanche.steps[0].closes_on == D(2026, 2, 1)
    # Feb: 1,000.00 − 500.00 + plan 5's freed 112.00 = 612.00 left; Mar +500 +112 = 1,224.00
    # ≥ plan 2's payoff after two installments (1,000.00): closed on Mar 1.
    assert avalanche.steps[1].closes_on == D(2026, 3, 1)
    assert avalanche.debt_free == D(2026, 3, 1)
    assert avalanche.saved == 5 * 1200 + 10 * 1200  # plan 5's five fees, plan 2's ten


def test_orders_differ_when_the_cheapest_is_not_the_smallest() -> None:
    big_dear = _debt(7, FLAT, "0.30", policy=PayoffPolicy.WAIVE_FUTURE_FEES)
    small_cheap = _debt(
        8,
        PlanTerms(Model.FLAT, 30_000, 3, D(2026, 1, 15), Decimal("0.005")),
        "0.10",
        policy=PayoffPolicy.WAIVE_FUTURE_FEES,
    )
    assert [
        s.debt.plan_id for s in plan_payoff([small_cheap, big_dear], 1, "avalanche", AS_OF).steps
    ] == [7, 8]
    assert [
        s.debt.plan_id for s in plan_payoff([small_cheap, big_dear], 1, "snowball", AS_OF).steps
    ] == [8, 7]


def test_planner_refusals() -> None:
    with pytest.raises(UserError, match="cannot be negative"):
        plan_payoff([FLAT_WAIVE], -1, "avalanche", AS_OF)
    with pytest.raises(ValueError):
        plan_payoff([FLAT_WAIVE], 1, "fastest", AS_OF)
    with pytest.raises(UserError, match="listed twice"):
        plan_payoff([FLAT_WAIVE, FLAT_WAIVE], 1, "avalanche", AS_OF)


def test_arrears_are_paid_in_the_first_month() -> None:
    late = _debt(9, FLAT, "0.2148", policy=PayoffPolicy.WAIVE_FUTURE_FEES)
    result = plan_payoff([late], 0, "avalanche", D(2026, 3, 20))
    # January and February are overdue on 2026-03-20: paid with March's, then one a month
    assert result.months[0].scheduled == 3 * 11200
    assert result.debt_free == result.baseline_debt_free == D(2026, 12, 15)
    assert result.saved == 0
