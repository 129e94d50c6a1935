"""The rows of the Overview's "Needs attention" list: one plan's overdue periods as one row.

``attention_rows(items)`` takes the due items (``InstallmentRow``: overdue, in grace, due today
or soon, oldest first) and folds each plan's overdue periods into one ``AttentionRow`` when
there are two or more ("3 periods overdue", their amounts and penalties summed, late since
the oldest), so a plan three months behind is one line with one "Pay all overdue" action
instead of three. In-grace and due-soon items stay one row each. No Qt; amounts in minor units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow

__all__ = ["AttentionRow", "attention_rows"]


@dataclass(frozen=True, slots=True)
class AttentionRow:
    """One line of the attention list: one installment, or one plan's overdue periods.

    Attributes:
        items: the installments it stands for, in period order (one unless grouped).
    """

    items: tuple[InstallmentRow, ...]

    @property
    def first(self) -> InstallmentRow:
        """The oldest installment of the row."""
        return self.items[0]

    @property
    def grouped(self) -> bool:
        """Whether the row stands for several overdue periods."""
        return len(self.items) > 1

    @property
    def count(self) -> int:
        """How many periods it stands for."""
        return len(self.items)

    @property
    def plan_id(self) -> int:
        return self.first.plan_id

    @property
    def plan_name(self) -> str:
        return self.first.plan_name

    @property
    def currency(self) -> str:
        return self.first.currency

    @property
    def periods(self) -> int:
        """The plan's number of periods."""
        return self.first.periods

    @property
    def period(self) -> int:
        """The first period of the row (what sorts it)."""
        return self.first.period

    @property
    def last_period(self) -> int:
        return self.items[-1].period

    @property
    def due_date(self) -> dt.date:
        """The oldest due date."""
        return self.first.due_date

    @property
    def status(self) -> Status:
        return self.first.status

    @property
    def days_overdue(self) -> int:
        """Days late, counted from the oldest due date."""
        return max(i.days_overdue for i in self.items)

    @property
    def remaining(self) -> int:
        """Unpaid principal + fee over its periods."""
        return sum(i.remaining for i in self.items)

    @property
    def penalty(self) -> int:
        """Penalty charged and unpaid over its periods."""
        return sum(i.penalty for i in self.items)

    @property
    def amount_due(self) -> int:
        """Everything it asks for: ``remaining + penalty``."""
        return self.remaining + self.penalty


def attention_rows(items: Sequence[InstallmentRow]) -> list[AttentionRow]:
    """The attention list's rows: each plan's overdue periods (two or more) as one row where
    its oldest one was, every other item as a row of its own, in the input order."""
    overdue: dict[int, list[InstallmentRow]] = {}
    for item in items:
        # A negative plan id is an account's bill row (services.account_rows): never grouped.
        if item.status is Status.OVERDUE and item.plan_id >= 0:
            overdue.setdefault(item.plan_id, []).append(item)
    rows: list[AttentionRow] = []
    done: set[int] = set()
    for item in items:
        group = overdue.get(item.plan_id, [])
        if item.status is Status.OVERDUE and len(group) > 1:
            if item.plan_id not in done:
                done.add(item.plan_id)
                rows.append(AttentionRow(tuple(sorted(group, key=lambda i: i.period))))
            continue
        rows.append(AttentionRow((item,)))
    return rows
