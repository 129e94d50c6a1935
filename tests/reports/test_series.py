"""Chart series to the fen: the next 12 months per plan with overdue apart, and the balance.

Reference plan: 3600.00 flat over 12 periods at 0.6% (12 × 321.60), first due 2026-10-31, seen
on 2026-11-21, so the October installment is 21 days late and periods 2..12 fall due on
2026-11-30 … 2027-09-30.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.ledger import InstallmentState, LedgerRules, Payment, evaluate
from tracker.domain.plan import Model, PlanTerms
from tracker.domain.schedule import build_schedule
from tracker.reports.series import (
    balance_series,
    month_breakdown,
    month_end,
    top_balances,
    top_plans,
    upcoming_by_month,
)

TODAY = date(2026, 11, 21)
MONTHLY = 32160


@dataclass(frozen=True)
class P:
    """A plan as the series see it."""

    plan_id: int
    name: str
    installments: tuple[InstallmentState, ...]


def plan(
    plan_id: int = 1,
    name: str = "Xiaomi 14",
    *,
    first_due: date = date(2026, 10, 31),
    principal: int = 360000,
    periods: int = 12,
    rate: str = "0.006",
    model: Model = Model.FLAT,
    payments: tuple[tuple[date, int], ...] = (),
    penalty: str = "0",
    grace: int = 0,
    as_of: date = TODAY,
) -> P:
    terms = PlanTerms(model, principal, periods, first_due, Decimal(rate))
    items = build_schedule(terms).installments
    pays = [Payment(d, a, i) for i, (d, a) in enumerate(payments, 1)]
    state = evaluate(items, pays, LedgerRules(grace, penalty_daily_rate=Decimal(penalty)), as_of)
    return P(plan_id, name, state.installments)


# -- the next 12 months -------------------------------------------------------------------


def test_months_start_with_the_current_month() -> None:
    series = upcoming_by_month([plan()], TODAY)
    assert series.months[0] == date(2026, 11, 1)
    assert series.months[-1] == date(2027, 10, 1)
    assert len(series.months) == 12


def test_nothing_paid_october_is_overdue_and_each_later_month_asks_32160() -> None:
    series = upcoming_by_month([plan()], TODAY)
    (row,) = series.plans
    assert row.overdue == MONTHLY
    assert series.overdue == MONTHLY
    assert row.amounts == (MONTHLY,) * 11 + (0,)
    assert series.totals == row.amounts
    assert series.later == 0
    assert series.overdue + sum(series.totals) == 12 * MONTHLY


def test_paying_october_clears_the_overdue_bar() -> None:
    series = upcoming_by_month([plan(payments=((date(2026, 11, 20), MONTHLY),))], TODAY)
    assert series.overdue == 0
    assert series.plans[0].amounts[0] == MONTHLY
    assert sum(series.totals) == 11 * MONTHLY


def test_a_payment_larger_than_october_moves_into_november() -> None:
    series = upcoming_by_month([plan(payments=((TODAY, 50000),))], TODAY)
    assert series.overdue == 0
    assert series.plans[0].amounts[:2] == (2 * MONTHLY - 50000, MONTHLY)
    assert series.plans[0].amounts[0] == 14320


def test_a_partial_payment_leaves_the_rest_overdue() -> None:
    series = upcoming_by_month([plan(payments=((TODAY, 10000),))], TODAY)
    assert series.overdue == MONTHLY - 10000 == 22160
    assert series.plans[0].amounts[0] == MONTHLY


def test_penalty_is_part_of_the_overdue_amount() -> None:
    # 0.05%/day on 321.60 for 21 days = 3.3768 → 3.38
    series = upcoming_by_month([plan(penalty="0.0005")], TODAY)
    assert series.overdue == MONTHLY + 338


def test_an_installment_in_its_grace_days_is_past_due_but_not_late() -> None:
    card = plan(first_due=date(2026, 11, 19), grace=3)
    series = upcoming_by_month([plan(), card], TODAY)
    assert series.overdue == 2 * MONTHLY
    assert series.grace == MONTHLY
    assert [(p.late, p.grace) for p in series.plans] == [(MONTHLY, 0), (0, MONTHLY)]
    later = upcoming_by_month(
        [plan(first_due=date(2026, 11, 19), grace=3, as_of=date(2026, 11, 23))], date(2026, 11, 23)
    )
    assert later.grace == 0 and later.overdue == MONTHLY


def test_an_installment_due_today_is_in_this_month_not_overdue() -> None:
    series = upcoming_by_month([plan(first_due=TODAY, periods=3, principal=90000)], TODAY)
    assert series.overdue == 0
    assert series.totals[:4] == (30540, 30540, 30540, 0)


def test_installments_beyond_twelve_months_are_later() -> None:
    series = upcoming_by_month([plan(first_due=date(2027, 6, 15))], TODAY)
    assert series.totals == (0,) * 7 + (MONTHLY,) * 5
    assert series.later == 7 * MONTHLY


def test_two_plans_stack_per_month_and_the_breakdown_names_them() -> None:
    huabei = plan(
        2,
        "花呗 - 冰箱",
        first_due=date(2026, 12, 10),
        principal=100000,
        periods=6,
        rate="0.045",
        model=Model.TOTAL,
    )
    series = upcoming_by_month([plan(), huabei], TODAY)
    assert [p.name for p in series.plans] == ["Xiaomi 14", "花呗 - 冰箱"]
    assert series.plans[1].amounts[:7] == (0, 17420, 17416, 17416, 17416, 17416, 17416)
    assert series.totals[0] == MONTHLY
    assert series.totals[1] == MONTHLY + 17420
    assert month_breakdown(series, 1) == [("Xiaomi 14", MONTHLY), ("花呗 - 冰箱", 17420)]
    assert month_breakdown(series, 0) == [("Xiaomi 14", MONTHLY)]
    assert month_breakdown(series, None) == [("Xiaomi 14", MONTHLY)]
    assert month_breakdown(series, 12) == []


def test_a_paid_off_plan_has_no_bars() -> None:
    done = plan(
        first_due=date(2026, 9, 1),
        periods=1,
        principal=10000,
        payments=((date(2026, 9, 1), 10060),),
    )
    series = upcoming_by_month([done], TODAY)
    assert series.plans == ()
    assert series.totals == (0,) * 12


def test_top_plans_groups_the_smallest_into_other() -> None:
    plans = [plan(i, f"P{i}", principal=10000 * i, periods=3) for i in range(1, 11)]
    series = upcoming_by_month(plans, TODAY)
    grouped = top_plans(series, 8, "Other")
    assert len(grouped.plans) == 8
    assert grouped.plans[-1].plan_id == -1 and grouped.plans[-1].name == "Other"
    assert [p.name for p in grouped.plans[:7]] == [f"P{i}" for i in range(4, 11)]
    assert grouped.totals == series.totals
    assert grouped.overdue == series.overdue
    assert top_plans(series, 10, "Other") is series


# -- balance over time --------------------------------------------------------------------


def test_balance_starts_at_what_is_owed_and_carries_what_is_late_without_a_cliff() -> None:
    series = balance_series([plan()], TODAY)
    assert series.dates[0] == TODAY
    assert series.dates[1:4] == (date(2026, 11, 30), date(2026, 12, 31), date(2027, 1, 31))
    assert series.dates[-1] == date(2027, 9, 30)
    assert series.totals[0] == 12 * MONTHLY == 385920
    # the late October installment is owed until paid: carried at every date, apart, so the
    # balance falls by one installment a month (November's), not two at once
    assert (series.late, series.grace) == (MONTHLY, 0)
    assert series.totals[1] == 11 * MONTHLY
    assert series.totals[2] == 10 * MONTHLY
    assert series.totals[-2:] == (2 * MONTHLY, MONTHLY)
    assert series.scheduled[0] == 11 * MONTHLY and series.scheduled[-1] == 0
    drops = [a - b for a, b in zip(series.totals, series.totals[1:], strict=False)]
    assert drops == [MONTHLY] * 11
    assert len(series.dates) == 12


def test_balance_after_a_payment() -> None:
    series = balance_series([plan(payments=((TODAY, 50000),))], TODAY)
    assert series.totals[0] == 12 * MONTHLY - 50000
    assert series.totals[1] == 10 * MONTHLY
    assert series.totals[-1] == 0


def test_balance_per_plan_ends_at_zero_on_the_last_plans_month() -> None:
    car = plan(
        2,
        "车贷",
        first_due=date(2026, 12, 5),
        principal=1000000,
        periods=24,
        rate="0.045",
        model=Model.ANNUITY,
    )
    series = balance_series([plan(), car], TODAY)
    assert series.dates[-1] == date(2028, 11, 30)
    assert [p.name for p in series.plans] == ["Xiaomi 14", "车贷"]
    assert all(p.values[-1] == 0 for p in series.plans)
    assert series.plans[0].values[series.dates.index(date(2027, 9, 30))] == 0
    xiaomi, car = (p.values for p in series.plans)
    assert series.totals == tuple(
        a + b + MONTHLY for a, b in zip(xiaomi, car, strict=True)
    )  # and October's late 321.60 at every date


def test_top_balances_groups_the_smallest_into_other() -> None:
    plans = [plan(i, f"P{i}", principal=10000 * i, periods=3) for i in range(1, 11)]
    series = balance_series(plans, TODAY)
    grouped = top_balances(series, 8, "Other")
    assert len(grouped.plans) == 8 and grouped.plans[-1].name == "Other"
    assert grouped.totals == series.totals
    assert top_balances(series, 10, "Other") is series


def test_balance_with_nothing_owed_is_a_single_zero() -> None:
    series = balance_series([], TODAY)
    assert series.dates == (TODAY,)
    assert series.totals == (0,)


def test_month_end() -> None:
    assert month_end(date(2024, 2, 3)) == date(2024, 2, 29)
    assert month_end(date(2026, 12, 31)) == date(2026, 12, 31)


@given(
    paid=st.integers(min_value=0, max_value=12 * MONTHLY),
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 1, 1)),
)
def test_every_fen_owed_is_in_exactly_one_place(paid: int, day: date) -> None:
    payments = ((min(day, date(2026, 11, 1)), paid),) if paid else ()
    p = plan(payments=payments, as_of=day)
    months = upcoming_by_month([p], day)
    balance = balance_series([p], day)
    owed = sum(s.amount_due for s in p.installments)
    assert months.overdue + sum(months.totals) + months.later == owed
    assert balance.totals[0] == owed
    assert balance.totals[-1] == months.overdue  # past due is owed until paid
    assert balance.scheduled[-1] == 0
    assert all(a >= b for a, b in zip(balance.totals, balance.totals[1:], strict=False))


def test_balance_carries_grace_apart_from_late() -> None:
    series = balance_series([plan(grace=30)], TODAY)  # October is 21 days past due, in grace
    assert (series.late, series.grace) == (0, MONTHLY)
    assert series.totals[-1] == MONTHLY
    grouped = top_balances(
        balance_series([plan(i, f"P{i}", grace=30) for i in range(1, 11)], TODAY), 8, "Other"
    )
    assert grouped.plans[-1].grace == 3 * MONTHLY and grouped.grace == 10 * MONTHLY
