"""Checking the record: which periods each payment went to, from the stored columns.

Reference plan: 12 × 321.60 (300.00 + 21.60), due 2024-01-31, 02-29, 03-31, 04-30, 05-31 …
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from tracker import services as sv
from tracker.services import payment_list as pl
from tracker.services.payment_list import PeriodSpan
from tracker.storage.engine import Database

AS_OF = date(2024, 12, 1)
MONTHLY = 32160


def spans(db: Database, plan_id: int) -> dict[int, PeriodSpan]:
    return pl.settled_periods(db, sv.history(db, plan_id))


def test_each_payment_names_the_periods_it_settled(db: Database, add: Callable[..., int]) -> None:
    pid = add()
    for day, amount in (
        (date(2024, 1, 31), MONTHLY),  # period 1
        (date(2024, 3, 31), 3 * MONTHLY),  # periods 2-4
        (date(2024, 4, 10), 10000),  # part of 5
        (date(2024, 5, 1), 40000),  # the rest of 5 (22160) and 17840 of 6
    ):
        sv.record_payment(db, pid, amount, day, AS_OF, "支付宝")
    ids = [p.id for p in sv.history(db, pid)]
    assert spans(db, pid) == {
        ids[0]: PeriodSpan(1, 1, 12),
        ids[1]: PeriodSpan(2, 4, 12),
        ids[2]: PeriodSpan(5, 5, 12),
        ids[3]: PeriodSpan(5, 6, 12),
    }
    sv.void_payment(db, ids[1], AS_OF)  # the later payments move down to periods 2-3
    assert spans(db, pid) == {
        ids[0]: PeriodSpan(1, 1, 12),
        ids[2]: PeriodSpan(2, 2, 12),
        ids[3]: PeriodSpan(2, 3, 12),
    }


def test_spans_agree_with_the_replay_when_penalty_is_paid(
    db: Database, add: Callable[..., int]
) -> None:
    pid = add(penalty_daily_rate=Decimal("0.0005"))
    other = add("Other")
    sv.record_payment(db, other, MONTHLY, date(2024, 1, 20), AS_OF)
    for day, amount in (
        (date(2024, 3, 15), 50000),  # period 1 with 44 days of penalty, then part of 2
        (date(2024, 4, 2), 40000),
        (date(2024, 6, 30), 70000),
    ):
        sv.record_payment(db, pid, amount, day, AS_OF)
    detail = sv.plan_detail(db, pid, AS_OF)
    assert detail.installments[0].paid_penalty == 708  # 321.60 × 0.05% × 44 days
    expected = {
        p: PeriodSpan(min(found), max(found), 12) for p, found in detail.payment_periods.items()
    }
    assert spans(db, pid) == expected
    assert spans(db, pid)[detail.payments[0].id] == PeriodSpan(1, 2, 12)
    assert spans(db, other) == {sv.history(db, other)[0].id: PeriodSpan(1, 1, 12)}


def test_plan_detail_lists_payments_and_the_periods_a_payoff_settled(
    db: Database, add: Callable[..., int]
) -> None:
    pid = add()
    for k in range(4):
        day = date(2024, 1 + k, 28)
        sv.record_payment(db, pid, MONTHLY, day, AS_OF, "微信支付")
    sv.pay_off(db, pid, date(2024, 5, 10), AS_OF, "银行卡")
    detail = sv.plan_detail(db, pid, AS_OF)
    assert [(p.date, p.amount, p.method, p.kind) for p in detail.payments] == [
        (date(2024, 1, 28), MONTHLY, "微信支付", "payment"),
        (date(2024, 2, 28), MONTHLY, "微信支付", "payment"),
        (date(2024, 3, 28), MONTHLY, "微信支付", "payment"),
        (date(2024, 4, 28), MONTHLY, "微信支付", "payment"),
        (date(2024, 5, 10), 257280, "银行卡", "payoff"),  # 2400.00 + 8 × 21.60
    ]
    assert detail.payoff_periods == frozenset(range(5, 13))
    settled = {s.period: s.settled_on for s in detail.installments}
    assert all(settled[k] == date(2024, 5, 10) for k in range(5, 13))
    payoff_id = detail.payments[-1].id
    assert detail.payment_periods[payoff_id] == tuple(range(5, 13))
    assert spans(db, pid)[payoff_id] == PeriodSpan(5, 12, 12)
