"""Attention rows: one plan's overdue periods folded into one row, everything else alone."""

from __future__ import annotations

from datetime import date

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow
from tracker.reports.attention import attention_rows


def item(plan: int, period: int, status: Status, penalty: int = 0, days: int = 0) -> InstallmentRow:
    return InstallmentRow(
        plan_id=plan,
        plan_name=f"P{plan}",
        currency="CNY",
        period=period,
        periods=12,
        due_date=date(2026, period, 28),
        principal=30000,
        fee=2160,
        paid=0,
        penalty_paid=0,
        penalty=penalty,
        status=status,
        days_overdue=days,
    )


def test_overdue_periods_of_one_plan_are_one_row_where_the_oldest_was() -> None:
    items = [
        item(1, 1, Status.OVERDUE, 1319, 82),
        item(2, 2, Status.OVERDUE, 0, 50),
        item(1, 2, Status.OVERDUE, 836, 52),
        item(1, 3, Status.GRACE, 0, 2),
        item(1, 4, Status.DUE_SOON),
    ]
    rows = attention_rows(items)
    assert [(r.plan_id, r.period, r.last_period, r.count) for r in rows] == [
        (1, 1, 2, 2),
        (2, 2, 2, 1),
        (1, 3, 3, 1),
        (1, 4, 4, 1),
    ]
    grouped = rows[0]
    assert grouped.grouped and grouped.status is Status.OVERDUE
    assert (grouped.remaining, grouped.penalty, grouped.amount_due) == (64320, 2155, 66475)
    assert grouped.days_overdue == 82 and grouped.due_date == date(2026, 1, 28)
    assert not rows[1].grouped and rows[1].amount_due == 32160


def test_nothing_due_is_no_rows() -> None:
    assert attention_rows([]) == []
