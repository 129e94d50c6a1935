"""A plan's overview row and status from its stored row and installment states (stdlib only:
the start-up read path of ``tracker plan list`` uses it without SQLAlchemy)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from tracker.domain.dates import days_after
from tracker.domain.ledger import InstallmentState, Status
from tracker.storage.sql_reads import (
    ALL_PLANS,
    NOT_ARCHIVED,
    PlanStates,
    plan_states,
    schedule_periods_sql,
)

__all__ = [
    "PlanLine",
    "PlanStatus",
    "PlanSummary",
    "list_plan_summaries",
    "plan_lines",
    "plan_summary",
    "status_of",
]


class PlanStatus(StrEnum):
    """A plan's overall state, worst installment first."""

    OVERDUE = "overdue"
    GRACE = "grace"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    ACTIVE = "active"
    CLOSED = "closed"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One row of the plans overview, as of a date."""

    id: int
    name: str
    platform: str
    notes: str
    currency: str
    model: str
    principal: int
    periods: int
    periods_paid: int
    per_period: int
    next_due: date | None
    next_amount: int
    remaining: int
    overdue_amount: int
    penalty: int
    apr: Decimal
    total_cost: int
    status: PlanStatus
    archived: bool
    account_id: int | None = None
    """The card or platform whose bill carries the plan (None: none)."""


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
    # most plans of a list have no installment to judge: their sums are 0 without a pass
    late = [st for st in sts if st.status in (Status.OVERDUE, Status.GRACE)] if sts else []
    penalty = sum(st.penalty_due for st in sts) if sts else 0
    if ps.complete:  # replayed whole: ledger totals from the states
        nxt = next((st for st in sts if st.amount_due > 0), None)
        periods_paid = sum(1 for st in sts if st.status is Status.PAID)
        next_due, next_amount = (nxt.due_date, nxt.amount_due) if nxt else (None, 0)
        remaining = sum(st.amount_due for st in sts)
    else:  # stored totals, plus the penalty of what needs attention (late, unpaid rows)
        first = next((st for st in sts if st.remaining > 0), None) if sts else None
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
        overdue_amount=sum(st.amount_due for st in late) if late else 0,
        penalty=penalty,
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


class PlanLine(NamedTuple):
    """What ``tracker plan list`` prints of a plan (its table and its JSON), as of a date."""

    id: int
    name: str
    platform: str
    currency: str
    model: str
    principal: int
    periods: int
    periods_paid: int
    per_period: int
    next_due: str | None
    """ISO date."""
    remaining: int
    overdue: int
    penalty: int
    apr: str
    """The fraction as decimal text (the stored column)."""
    status: str
    """A ``PlanStatus`` value."""
    archived: bool

    @classmethod
    def of(cls, s: PlanSummary) -> PlanLine:
        """The line of a plan's overview row."""
        return cls(
            s.id,
            s.name,
            s.platform,
            s.currency,
            s.model,
            s.principal,
            s.periods,
            s.periods_paid,
            s.per_period,
            s.next_due.isoformat() if s.next_due else None,
            s.remaining,
            s.overdue_amount,
            s.penalty,
            str(s.apr),
            s.status.value,
            s.archived,
        )


def plan_lines(
    con: sqlite3.Connection, as_of: date, include_archived: bool = False, reminder_days: int = 7
) -> list[PlanLine]:
    """``PlanLine.of`` of each ``list_plan_summaries`` row (tested equal), by plan id. A plan with
    no installment to judge as of the date (none unsettled in the reminder window, no payment
    after the date) is its stored columns as they are: typically most plans of a long history,
    so only the others are made into states and summaries."""
    horizon = days_after(as_of, reminder_days)
    where = ALL_PLANS if include_archived else NOT_ARCHIVED
    judged = {ps.plan.id: ps for ps in plan_states(con, as_of, reminder_days, horizon, where)}
    lines: list[PlanLine] = []
    make = PlanLine._make
    for row in con.execute(
        "SELECT p.id, p.name, p.platform, p.currency, p.model, p.principal, "
        f"{schedule_periods_sql('p')}, p.paid_periods, p.per_period, p.next_due, p.remaining, "
        f"0, 0, p.apr, p.closed_on, p.archived FROM plans p WHERE {where} ORDER BY p.id"
    ):
        ps = judged.get(row[0])
        if ps is not None:
            lines.append(PlanLine.of(plan_summary(ps)))
            continue
        # plan_summary of no states: the stored totals, nothing overdue, no penalty
        status = status_of(row[14], bool(row[15]), row[10], ()).value
        lines.append(make((*row[:14], status, bool(row[15]))))
    return lines
