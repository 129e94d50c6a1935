"""A plan's overview row and status from its stored row and installment states (stdlib only:
the start-up read path of ``tracker plan list`` uses it without SQLAlchemy)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from tracker.domain.dates import days_after
from tracker.domain.ledger import InstallmentState, Status
from tracker.storage.sql_reads import ALL_PLANS, NOT_ARCHIVED, PlanStates, plan_states

from .model import PlanStatus, PlanSummary

__all__ = ["list_plan_summaries", "plan_summary", "status_of"]

_STATUS_RANK = [Status.OVERDUE, Status.GRACE, Status.DUE_TODAY, Status.DUE_SOON]


def status_of(
    closed_on: date | None,
    archived: bool,
    balance: int,
    installments: Iterable[InstallmentState],
) -> PlanStatus:
    """Closed (paid off, or nothing owed), archived, or the most urgent installment status."""
    if closed_on is not None or balance == 0:
        return PlanStatus.CLOSED
    if archived:
        return PlanStatus.ARCHIVED
    present = {s.status for s in installments}
    for status in _STATUS_RANK:
        if status in present:
            return PlanStatus(status.value)
    return PlanStatus.ACTIVE


def plan_summary(ps: PlanStates) -> PlanSummary:
    """A plan's overview row from its ``sql_reads.PlanStates`` (``every_plan`` states)."""
    p = ps.plan
    sts = ps.installments
    late = [st for st in sts if st.status in (Status.OVERDUE, Status.GRACE)]
    if ps.complete:  # replayed whole: ledger totals from the states
        nxt = next((st for st in sts if st.amount_due > 0), None)
        periods_paid = sum(1 for st in sts if st.status is Status.PAID)
        next_due, next_amount = (nxt.due_date, nxt.amount_due) if nxt else (None, 0)
        remaining = sum(st.amount_due for st in sts)
    else:  # stored totals, plus the penalty of what needs attention (late, unpaid rows)
        penalty = sum(st.penalty_due for st in sts)
        first = next((st for st in sts if st.remaining > 0), None)
        extra = first.penalty_due if first is not None and first.due_date == p.next_due else 0
        periods_paid, next_due, next_amount = p.paid_periods, p.next_due, p.next_amount + extra
        remaining = p.remaining + penalty
    return PlanSummary(
        id=p.id,
        name=p.name,
        platform=p.platform,
        notes=p.notes,
        currency=p.currency,
        model=p.model,
        principal=p.principal,
        periods=p.schedule_periods,  # the stored schedule's rows (a prepayment changes them)
        periods_paid=periods_paid,
        per_period=p.per_period,
        next_due=next_due,
        next_amount=next_amount,
        remaining=remaining,
        overdue_amount=sum(st.amount_due for st in late),
        penalty=sum(st.penalty_due for st in sts),
        apr=p.apr,
        total_cost=p.total_cost,
        status=status_of(p.closed_on, bool(p.archived), remaining, sts),
        archived=bool(p.archived),
        account_id=p.account_id,
    )


def list_plan_summaries(
    con: sqlite3.Connection, as_of: date, include_archived: bool = False, reminder_days: int = 7
) -> list[PlanSummary]:
    """Every plan's overview row as of a date (``services.list_plans``, ``tracker plan list``):
    the derived columns plus the installments unsettled and due within the reminder window;
    only plans whose state depends on the date beyond that are replayed."""
    horizon = days_after(as_of, reminder_days)
    where = ALL_PLANS if include_archived else NOT_ARCHIVED
    found = plan_states(con, as_of, reminder_days, horizon, where, every_plan=True)
    return [plan_summary(ps) for ps in found]
