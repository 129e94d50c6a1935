"""Plans already under way: the periods settled before the plan was tracked.

domain-rules.md, "Plans already under way": a plan added part-way through (已还 3/12 期) asks
how many periods are already paid. The default is every period due before the day it is added
(``as_of``); a period due on that very day may also be counted as paid, a later one may not
(it has not fallen due, so "paid before tracking" cannot be known yet: record it as a payment).
Each such period is settled by one payment of its own, dated on its due date, for that
installment's full total (principal + fee), so it carries no penalty.

Nothing here reads the clock: ``as_of`` is always passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .ledger import Payment
from .money import AmountError
from .plan import Installment

__all__ = ["check_paid_periods", "default_paid_periods", "most_paid_periods", "prior_payments"]


def _ordered(installments: Sequence[Installment]) -> list[Installment]:
    return sorted(installments, key=lambda i: i.period)


def default_paid_periods(installments: Sequence[Installment], as_of: date) -> int:
    """How many periods count as already paid by default: those due before ``as_of``."""
    return sum(1 for i in installments if i.due_date < as_of)


def most_paid_periods(installments: Sequence[Installment], as_of: date) -> int:
    """The most periods that can be settled before tracking: those due on or before ``as_of``."""
    return sum(1 for i in installments if i.due_date <= as_of)


def check_paid_periods(installments: Sequence[Installment], paid: int, as_of: date) -> int:
    """Return ``paid`` if that many leading periods can be settled before tracking, else raise
    AmountError saying what is accepted (0 to the number of periods due by ``as_of``)."""
    periods = len(installments)
    if isinstance(paid, bool) or not isinstance(paid, int) or not 0 <= paid <= periods:
        raise AmountError(
            "the periods already paid must be a whole number from 0 to {periods}",
            periods=periods,
        )
    most = most_paid_periods(installments, as_of)
    if paid > most:
        due = _ordered(installments)[most].due_date
        raise AmountError(
            "period {period} is due on {due}, after {as_of}: only periods due by then can be "
            "paid before tracking; enter 0 to {most} (record later payments as payments)",
            period=most + 1,
            due=due,
            as_of=as_of,
            most=most,
        )
    return paid


def prior_payments(installments: Sequence[Installment], paid: int) -> tuple[Payment, ...]:
    """One payment per period settled before tracking: the first ``paid`` periods, each dated
    on its due date for its full total (no penalty is ever charged on it)."""
    return tuple(Payment(i.due_date, i.total) for i in _ordered(installments)[:paid])
