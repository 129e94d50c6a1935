"""Calendar query: every installment due in a date range, with its status as of a date.

One transaction per call; the result is plain frozen records the calendar screen can keep.
"""

from __future__ import annotations

from datetime import date

from tracker.domain.rows import InstallmentRow
from tracker.storage.engine import Database
from tracker.storage.models import InstallmentRecord, PlanRecord

from . import reads
from .convert import DEFAULT_REMINDER_DAYS
from .model import ServiceError

__all__ = ["installments_between"]


def installments_between(
    db: Database,
    start: date,
    end: date,
    as_of: date,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
    include_closed: bool = False,
) -> list[InstallmentRow]:
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
    with db.read_session() as s:
        found = reads.states(
            s, as_of, reminder_days, plan_where, in_range, lambda st: start <= st.due_date <= end
        )
        counts = reads.period_counts(s, [ps.plan.id for ps in found])
    items = [row for ps in found for row in reads.installment_rows(ps, counts[ps.plan.id])]
    items.sort(key=lambda i: (i.due_date, i.plan_id, i.period))
    return items
