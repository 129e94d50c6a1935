"""installments_between: installments due in a date range with their status as of a date.

Reference plan (conftest): 3600.00 / 12 / 0.6% flat, 321.60 a period. Here it starts on
2026-10-31 (due 10-31, 11-30, 12-31, …) and today is 2026-11-21.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.plan import Model
from tracker.domain.rows import InstallmentRow
from tracker.services.calendar import installments_between
from tracker.storage.engine import Database

TODAY = date(2026, 11, 21)
FIRST = date(2026, 10, 31)


@pytest.fixture
def plan(add: Callable[..., int], make_terms: Callable[..., object]) -> int:
    return add("小米14", terms=make_terms(first_due=FIRST))


def test_range_lists_each_due_installment_with_status(db: Database, plan: int) -> None:
    items = installments_between(db, date(2026, 10, 1), date(2026, 12, 31), TODAY)
    assert [(i.due_date, i.period, i.status) for i in items] == [
        (date(2026, 10, 31), 1, Status.OVERDUE),
        (date(2026, 11, 30), 2, Status.UPCOMING),
        (date(2026, 12, 31), 3, Status.UPCOMING),
    ]
    first = items[0]
    assert first == InstallmentRow(
        plan_id=plan,
        plan_name="小米14",
        currency="CNY",
        period=1,
        periods=12,
        due_date=FIRST,
        principal=30000,
        fee=2160,
        paid=0,
        penalty_paid=0,
        penalty=0,
        status=Status.OVERDUE,
        days_overdue=21,
        platform=first.platform,
    )
    assert (first.total, first.remaining, first.amount_due) == (32160, 32160, 32160)


def test_range_bounds_are_inclusive(db: Database, plan: int) -> None:
    items = installments_between(db, date(2026, 11, 30), date(2026, 11, 30), TODAY)
    assert [(i.period, i.due_date) for i in items] == [(2, date(2026, 11, 30))]
    assert installments_between(db, date(2026, 11, 1), date(2026, 11, 29), TODAY) == []


def test_reminder_window_marks_due_soon(db: Database, plan: int) -> None:
    nov = installments_between(db, date(2026, 11, 1), date(2026, 11, 30), TODAY, reminder_days=9)
    assert nov[0].status is Status.DUE_SOON
    nov = installments_between(db, date(2026, 11, 1), date(2026, 11, 30), TODAY, reminder_days=8)
    assert nov[0].status is Status.UPCOMING


def test_payment_marks_paid_and_partial(db: Database, plan: int) -> None:
    sv.record_payment(db, plan, 32160 + 10000, TODAY, TODAY, method="支付宝")
    items = installments_between(db, date(2026, 10, 1), date(2026, 11, 30), TODAY)
    assert [(i.status, i.paid, i.amount_due) for i in items] == [
        (Status.PAID, 32160, 0),
        (Status.PARTIAL, 10000, 22160),
    ]


def test_penalty_is_included_in_amount_due(
    db: Database, add: Callable[..., int], make_terms: Callable[..., object]
) -> None:
    add("花呗", terms=make_terms(first_due=FIRST), penalty_daily_rate=Decimal("0.0005"))
    (item,) = installments_between(db, FIRST, FIRST, TODAY)
    # 32160 × 0.0005 × 21 days = 337.68 fen → 338
    assert (item.penalty, item.amount_due, item.days_overdue) == (338, 32498, 21)


def test_as_of_date_decides_the_status(db: Database, plan: int) -> None:
    (item,) = installments_between(db, FIRST, FIRST, date(2026, 10, 31))
    assert (item.status, item.days_overdue) == (Status.DUE_TODAY, 0)


def test_several_plans_sorted_by_date_plan_and_period(
    db: Database, plan: int, add: Callable[..., int], make_terms: Callable[..., object]
) -> None:
    other = add(
        "Pay in 4",
        terms=make_terms(
            model=Model.PAY_IN_N, principal=10001, periods=4, first_due=date(2026, 11, 2), rate=0
        ),
    )
    same_day = add("京东白条", terms=make_terms(first_due=FIRST, periods=3))
    items = installments_between(db, date(2026, 10, 31), date(2026, 11, 30), TODAY)
    assert [(i.due_date, i.plan_id, i.period) for i in items] == [
        (FIRST, plan, 1),
        (FIRST, same_day, 1),
        (date(2026, 11, 2), other, 1),
        (date(2026, 11, 16), other, 2),
        (date(2026, 11, 30), plan, 2),
        (date(2026, 11, 30), other, 3),
        (date(2026, 11, 30), same_day, 2),
    ]
    assert items[2].total == 2501
    assert items[1].periods == 3


def test_archived_and_closed_plans_are_left_out(
    db: Database, plan: int, add: Callable[..., int], make_terms: Callable[..., object]
) -> None:
    archived = add("Archived", terms=make_terms(first_due=FIRST))
    sv.set_archived(db, archived)
    closed = add("Closed", terms=make_terms(first_due=FIRST))
    sv.pay_off(db, closed, TODAY, TODAY)
    ids = {i.plan_id for i in installments_between(db, FIRST, FIRST, TODAY)}
    assert ids == {plan}
    with_closed = installments_between(db, FIRST, FIRST, TODAY, include_closed=True)
    assert {i.plan_id: i.status for i in with_closed} == {plan: Status.OVERDUE, closed: Status.PAID}


def test_empty_database_and_reversed_range(db: Database) -> None:
    assert installments_between(db, FIRST, TODAY, TODAY) == []
    with pytest.raises(sv.ServiceError, match="ends"):
        installments_between(db, TODAY, FIRST, TODAY)
