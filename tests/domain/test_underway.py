"""Plans already under way: the default number of periods paid before tracking, the limit, and
the prior payments that settle them (domain-rules.md, "Plans already under way").

Worked example: 小米 3600.00 / 12 / 0.6% flat, first due 2026-06-15, added on 2026-11-29 with 6
paid → 6 payments × 321.60 dated 2026-06-15 … 2026-11-15, balance 1,929.60, nothing overdue.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain import Model, PlanTerms, build_schedule
from tracker.domain.ledger import LedgerRules, Payment, Status, evaluate
from tracker.domain.money import AmountError
from tracker.domain.underway import (
    check_paid_periods,
    default_paid_periods,
    most_paid_periods,
    prior_payments,
)

XIAOMI = build_schedule(
    PlanTerms(Model.FLAT, 360000, 12, date(2026, 6, 15), Decimal("0.006"))
).installments
ADDED = date(2026, 11, 29)


def test_default_is_every_period_due_before_the_day_it_is_added() -> None:
    assert default_paid_periods(XIAOMI, ADDED) == 6
    assert default_paid_periods(XIAOMI, date(2026, 6, 15)) == 0  # first due today: not yet
    assert default_paid_periods(XIAOMI, date(2026, 6, 16)) == 1
    assert default_paid_periods(XIAOMI, date(2026, 1, 1)) == 0  # first due in the future
    assert default_paid_periods(XIAOMI, date(2030, 1, 1)) == 12


def test_a_period_due_today_may_be_counted_but_not_a_later_one() -> None:
    today = date(2026, 11, 15)  # period 6 is due today
    assert default_paid_periods(XIAOMI, today) == 5
    assert most_paid_periods(XIAOMI, today) == 6
    assert check_paid_periods(XIAOMI, 6, today) == 6
    with pytest.raises(AmountError) as exc:
        check_paid_periods(XIAOMI, 7, today)
    assert str(exc.value) == (
        "period 7 is due on 2026-12-15, after 2026-11-15: only periods due by then can be "
        "paid before tracking; enter 0 to 6 (record later payments as payments)"
    )


@pytest.mark.parametrize("bad", [-1, 13, True, 2.0])
def test_out_of_range_counts_are_refused_naming_what_is_accepted(bad: object) -> None:
    with pytest.raises(AmountError) as exc:
        check_paid_periods(XIAOMI, bad, date(2030, 1, 1))  # type: ignore[arg-type]
    assert str(exc.value) == "the periods already paid must be a whole number from 0 to 12"


def test_month_end_anchor_counts_clamped_due_dates() -> None:
    # 31 Jan → 29 Feb → 31 Mar → 30 Apr (2024): added on 30 Apr, three are due before it.
    plan = build_schedule(
        PlanTerms(Model.INTEREST_FREE, 120000, 6, date(2024, 1, 31), Decimal(0))
    ).installments
    assert [i.due_date for i in plan[:4]] == [
        date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30),
    ]  # fmt: skip
    assert default_paid_periods(plan, date(2024, 4, 30)) == 3
    assert default_paid_periods(plan, date(2024, 3, 1)) == 2  # 29 Feb is before 1 Mar
    assert most_paid_periods(plan, date(2024, 2, 29)) == 2


def test_pay_in_n_counts_biweekly_due_dates() -> None:
    # 100.01 in 4 from 2026-11-01: due 11-01, 11-15, 11-29, 12-13; parts 25.01, 25.00, 25.00, …
    plan = build_schedule(
        PlanTerms(Model.PAY_IN_N, 10001, 4, date(2026, 11, 1), Decimal(0))
    ).installments
    assert default_paid_periods(plan, ADDED) == 2
    assert most_paid_periods(plan, ADDED) == 3
    assert prior_payments(plan, 3) == (
        Payment(date(2026, 11, 1), 2501),
        Payment(date(2026, 11, 15), 2500),
        Payment(date(2026, 11, 29), 2500),
    )


def test_prior_payments_are_one_per_period_on_its_due_date_in_full() -> None:
    prior = prior_payments(XIAOMI, 6)
    assert [p.date for p in prior] == [date(2026, m, 15) for m in range(6, 12)]
    assert {p.amount for p in prior} == {32160}
    assert prior_payments(XIAOMI, 0) == ()


def test_prior_payments_settle_exactly_those_periods_with_no_penalty() -> None:
    # Penalty on, no grace: a payment on the due date in full is on time.
    rules = LedgerRules(grace_days=0, penalty_daily_rate=Decimal("0.0005"))
    prior = [Payment(p.date, p.amount, k) for k, p in enumerate(prior_payments(XIAOMI, 6), start=1)]
    state = evaluate(XIAOMI, prior, rules, ADDED)
    assert [s.status for s in state.installments[:6]] == [Status.PAID] * 6
    assert [s.settled_on for s in state.installments[:6]] == [
        date(2026, m, 15) for m in range(6, 12)
    ]
    assert state.penalty_due == 0 and all(s.penalty == 0 for s in state.installments)
    assert state.balance == 192960  # 1,929.60
    assert state.installments[6].status is Status.UPCOMING  # 2026-12-15, 16 days away
    assert not [s for s in state.installments if s.status is Status.OVERDUE]
    assert {a.period: a.total for a in state.allocations} == {k: 32160 for k in range(1, 7)}
    assert all(a.penalty == 0 for a in state.allocations)
