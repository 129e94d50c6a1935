"""Calendar query: every installment due in a date range, with its status as of a date.

One transaction per call; the result is plain frozen records the calendar screen can keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.ledger import Status
from tracker.storage.engine import Database
from tracker.storage.models import InstallmentRecord, PlanRecord

from . import reads
from .convert import DEFAULT_REMINDER_DAYS
from .model import ServiceError

__all__ = ["CalendarItem", "installments_between"]


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One installment on the calendar, as of a date.

    Attributes:
        plan_id: the plan it belongs to.
        plan_name: the plan's name.
        currency: the plan's currency (ISO 4217).
        period: the period number (1-based).
        periods: how many periods the plan has.
        due_date: when it is due.
        total: the scheduled amount (principal + fee), minor units.
        paid: what has been paid towards it (penalty included), minor units.
        amount_due: what is still owed on it (unpaid principal + fee + penalty), minor units.
        status: paid, partial, upcoming, due_soon, due_today, grace or overdue.
        days_overdue: days since the due date while unpaid (0 otherwise).
        penalty: charged penalty not yet paid, minor units.
    """

    plan_id: int
    plan_name: str
    currency: str
    period: int
    periods: int
    due_date: date
    total: int
    paid: int
    amount_due: int
    status: Status
    days_overdue: int
    penalty: int


def installments_between(
    db: Database,
    start: date,
    end: date,
    as_of: date,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
    include_closed: bool = False,
) -> list[CalendarItem]:
    """Installments due from ``start`` to ``end`` (inclusive) of every plan that is not
    archived (and not paid off, unless ``include_closed``), by due date, plan and period."""
    if end < start:
        raise ServiceError(
            "the range ends ({end}) before it starts ({start})", end=end, start=start
        )
    plan_where = [PlanRecord.archived.is_(False)]
    if not include_closed:
        plan_where.append(PlanRecord.closed_on.is_(None))
    in_range = [InstallmentRecord.due_date >= start, InstallmentRecord.due_date <= end]
    with db.session() as s:
        found = reads.states(
            s, as_of, reminder_days, plan_where, in_range, lambda st: start <= st.due_date <= end
        )
        counts = reads.period_counts(s, [ps.plan.id for ps in found])
    items = [
        CalendarItem(
            plan_id=ps.plan.id,
            plan_name=ps.plan.name,
            currency=ps.plan.currency,
            period=st.period,
            periods=counts[ps.plan.id],
            due_date=st.due_date,
            total=st.installment.total,
            paid=st.paid,
            amount_due=st.amount_due,
            status=st.status,
            days_overdue=st.days_overdue,
            penalty=st.penalty_due,
        )
        for ps in found
        for st in ps.installments
    ]
    items.sort(key=lambda i: (i.due_date, i.plan_id, i.period))
    return items
