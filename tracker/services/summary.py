"""A plan's overview row and status from its stored row and installment states (stdlib only:
the start-up read path of ``tracker plan list`` uses it without SQLAlchemy)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import NamedTuple

from tracker.domain.dates import days_after
from tracker.domain.ledger import (
    InstallmentState,
    Status,
    needs_replay,
    settled_state,
)
from tracker.storage.sql_reads import (
    ALL_PLANS,
    NOT_ARCHIVED,
    PlanStates,
    plan_states,
    replayed_states,
    rules_of,
    unsettled_rows,
)

__all__ = [
    "PlanLine",
    "PlanStatus",
    "PlanSummary",
    "WindowState",
    "list_plan_summaries",
    "plan_lines",
    "plan_summary",
    "status_of",
    "window_totals",
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


_STATUS_RANK = [
    (Status.OVERDUE, PlanStatus.OVERDUE),
    (Status.GRACE, PlanStatus.GRACE),
    (Status.DUE_TODAY, PlanStatus.DUE_TODAY),
    (Status.DUE_SOON, PlanStatus.DUE_SOON),
]


def status_of(
    closed_on: date | None,
    archived: bool,
    balance: int,
    installments: Iterable[InstallmentState | WindowState],
) -> PlanStatus:
    """Closed (paid off, or nothing owed), archived, or the most urgent installment status."""
    if closed_on is not None or balance == 0:
        return PlanStatus.CLOSED
    if archived:
        return PlanStatus.ARCHIVED
    present = {s.status for s in installments}
    if present:  # the most urgent first
        for status, plan_status in _STATUS_RANK:
            if status in present:
                return plan_status
    return PlanStatus.ACTIVE


class WindowState(NamedTuple):
    """What a plan's summary needs of one installment's state (``InstallmentState`` has these
    too): its due date, status, unpaid principal + fee, penalty due and their sum."""

    due_date: date
    status: Status
    remaining: int
    penalty_due: int
    amount_due: int


_LATE = (Status.OVERDUE, Status.GRACE)


def window_totals(
    states: Iterable[WindowState | InstallmentState], next_due: date | None
) -> tuple[int, int, int]:
    """Of a plan's installment states in period order: what is owed on the late ones (overdue
    or in grace), the penalty due on all, and the penalty due on the first one unpaid when it
    is the installment due on ``next_due`` (what the stored next amount leaves out)."""
    overdue = penalty = extra = 0
    first = True
    for st in states:
        penalty += st.penalty_due
        if st.status in _LATE:
            overdue += st.amount_due
        if first and st.remaining > 0:
            first = False
            if st.due_date == next_due:
                extra = st.penalty_due
    return overdue, penalty, extra


def plan_summary(ps: PlanStates) -> PlanSummary:
    """A plan's overview row from its ``sql_reads.PlanStates`` (``every_plan`` states)."""
    p = ps.plan
    sts = ps.installments
    overdue, penalty, extra = window_totals(sts, p.next_due)
    if ps.complete:  # replayed whole: ledger totals from the states
        nxt = next((st for st in sts if st.amount_due > 0), None)
        periods_paid = sum(1 for st in sts if st.status is Status.PAID)
        next_due, next_amount = (nxt.due_date, nxt.amount_due) if nxt else (None, 0)
        remaining = sum(st.amount_due for st in sts)
    else:  # stored totals, plus the penalty of what needs attention (late, unpaid rows)
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
        overdue_amount=overdue,
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
    """A ``PlanStatus`` (a ``str``: its value)."""
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
            s.status,
            s.archived,
        )


def plan_lines(
    con: sqlite3.Connection, as_of: date, include_archived: bool = False, reminder_days: int = 7
) -> list[PlanLine]:
    """``PlanLine.of`` of each ``list_plan_summaries`` row (tested equal), by plan id, from one
    pass over the plans' stored columns: a plan with no installment to judge as of the date
    (none unsettled in the reminder window, no payment after the date) is those columns as
    they are (most plans of a long history); one with some adds their states, each from its
    stored settlement (``settled_state``); only a plan whose state needs a replay is made into
    a ``PlanSummary``."""
    horizon = days_after(as_of, reminder_days)
    where = ALL_PLANS if include_archived else NOT_ARCHIVED
    found = unsettled_rows(con, where, horizon)
    day = as_of.isoformat()
    lines: list[PlanLine] = []
    replay: dict[int, int] = {}  # plan id -> its place in lines
    make = partial(tuple.__new__, PlanLine)  # PlanLine._make without its length check
    for row in con.execute(
        "SELECT p.id, p.name, p.platform, p.currency, p.model, p.principal, "
        "p.schedule_periods, p.paid_periods, p.per_period, p.next_due, p.remaining, "
        "p.apr, p.closed_on, p.archived, p.grace_days, p.tolerance, p.penalty_daily_rate, "
        f"p.last_paid_on FROM plans p WHERE {where} ORDER BY p.id"
    ):
        pid, remaining, closed_on, archived, last_paid = row[0], row[10], row[12], row[13], row[17]
        rows = found.get(pid)
        if last_paid is not None and day < last_paid:  # ISO text: a payment after as_of
            replay[pid] = len(lines)
            lines.append(make(row[:16]))  # its place, filled below
            continue
        if not rows:  # nothing to judge: nothing overdue, no penalty
            status = status_of(closed_on, bool(archived), remaining, ())
            lines.append(make((*row[:11], 0, 0, row[11], status, bool(archived))))
            continue
        rules = rules_of(row[14], row[15], row[16], reminder_days)
        last = date.fromisoformat(last_paid) if last_paid is not None else None
        if needs_replay(rows, rows, rules, as_of, last):  # the rows have both shapes
            replay[pid] = len(lines)
            lines.append(make(row[:16]))
            continue
        window = []
        for r in rows:
            penalty, state, _days = settled_state(
                r.due_date, r.total, r.paid_principal, r.paid_fee, r.paid_penalty, rules, as_of
            )
            left, due = r.total - r.paid_principal - r.paid_fee, penalty - r.paid_penalty
            window.append(WindowState(r.due_date, state, left, due, left + due))
        overdue, penalty, _extra = window_totals(window, None)  # no next amount in a line
        owed = remaining + penalty
        status = status_of(closed_on, bool(archived), owed, window)
        lines.append(make((*row[:10], owed, overdue, penalty, row[11], status, bool(archived))))
    for ps in replayed_states(con, sorted(replay), as_of, reminder_days):
        lines[replay[ps.plan.id]] = PlanLine.of(plan_summary(ps))
    return lines
