"""Reads over the derived columns: installment states as of a date without replaying ledgers.

Every list (``due``, the overview, the plan list, the calendar month, the installments export)
asks :func:`states` for the installments it shows. They are selected with Core ``select`` of
the needed columns (the open ones through the partial index on unsettled due dates) and turned
into the domain's ``InstallmentState`` from what was settled at write time
(``state_from_settlements``). Only a plan whose state really depends on the date beyond that
(``needs_replay``: a penalty accruing on a late installment, or an as-of date before its last
payment) is loaded in full and replayed by the domain ledger, so one meaning of ``remaining``
and ``penalty`` holds everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, func, select
from sqlalchemy.orm import Session

from tracker.domain.ledger import (
    InstallmentState,
    LedgerRules,
    evaluate,
)
from tracker.domain.plan import Installment
from tracker.storage.derived import ledger_rows, rules_from
from tracker.storage.models import InstallmentRecord, PlanRecord
from tracker.storage.sql_reads import (
    PlanStates,
    assemble_states,
    installment_rows,
    needs_attention,
)

__all__ = [
    "PLAN_COLUMNS",
    "SCHEDULE_PERIODS",
    "UNSETTLED",
    "PlanStates",
    "installment_rows",
    "needs_attention",
    "open_plans",
    "period_counts",
    "plan_rows",
    "states",
    "unsettled_by",
]

# The tables' Core columns (not the ORM attributes): a select of them compiles without the
# ORM's compile step, which a short command (``tracker due``) pays for every statement.
I = InstallmentRecord.__table__.c  # noqa: E741 - short alias for the column lists below
P = PlanRecord.__table__.c
_PLANS = PlanRecord.__table__

SCHEDULE_PERIODS = P.schedule_periods
"""How many installments a plan's stored schedule has: its terms' ``periods`` until a
prepayment regenerates it (12 paid + the prepayment + 82 or 108 new rows) or a payoff charge
adds one. Every "n/N" shows this N (derived at write time, ``storage.derived``)."""

PLAN_COLUMNS = (
    P.id,
    P.name,
    P.platform,
    P.notes,
    P.currency,
    P.model,
    P.principal,
    P.periods,
    P.archived,
    P.closed_on,
    P.grace_days,
    P.tolerance,
    P.penalty_daily_rate,
    P.remaining,
    P.paid_periods,
    P.next_due,
    P.next_amount,
    P.last_paid_on,
    P.total_fee,
    P.total_cost,
    P.per_period,
    P.apr,
    P.account_id,
    SCHEDULE_PERIODS,
)
"""What lists read of a plan: its identity, rules and derived columns (never its terms)."""

_INST_COLUMNS = (
    I.plan_id,
    I.period,
    I.due_date,
    I.principal,
    I.fee,
    I.paid_principal,
    I.paid_fee,
    I.paid_penalty,
    I.settled_on,
)

UNSETTLED = I.paid_principal + I.paid_fee < I.principal + I.fee
"""Installments with principal or fee unpaid (the partial index ``ix_installments_open``)."""


def plan_rows(s: Session, where: Iterable[ColumnElement[bool]] = ()) -> list[Row[Any]]:
    """Plans (``PLAN_COLUMNS``) matching ``where``, by id."""
    return list(s.execute(select(*PLAN_COLUMNS).where(*where).order_by(P.id)).all())


def states(
    s: Session,
    as_of: date,
    reminder_days: int,
    plan_where: Sequence[ColumnElement[bool]] = (),
    where: Sequence[ColumnElement[bool]] = (),
    keep: Callable[[InstallmentState], bool] = lambda _st: True,
    every_plan: bool = False,
) -> list[PlanStates]:
    """Installment states as of ``as_of``, plan by plan (by id), of the plans matching
    ``plan_where``: the installments matching ``where`` (SQL), or for a replayed plan every
    installment passing ``keep`` (the same test in Python).

    Only plans with something to show are returned, unless ``every_plan``. ``where`` may only
    narrow by due date and by "unsettled": a plan whose payments go past ``as_of`` is replayed
    whole, so what it had not settled on ``as_of`` is not missed.
    """
    found: dict[int, list[Row[Any]]] = defaultdict(list)
    query = select(*_INST_COLUMNS).join(_PLANS, P.id == I.plan_id).where(*plan_where, *where)
    for r in s.execute(query.order_by(I.plan_id, I.period)):
        found[r.plan_id].append(r)
    if every_plan:
        plans = plan_rows(s, plan_where)
    else:
        later = select(P.id).where(*plan_where, P.last_paid_on > as_of)
        ids = set(found) | set(s.scalars(later))
        plans = [p for chunk in _chunks(sorted(ids)) for p in plan_rows(s, [P.id.in_(chunk)])]
    rules = {p.id: rules_from(p, reminder_days) for p in plans}
    return assemble_states(
        plans, found, rules, as_of, lambda ids: _replay(s, ids, rules, as_of), every_plan, keep
    )


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _replay(
    s: Session, ids: Sequence[int], rules: dict[int, LedgerRules], as_of: date
) -> dict[int, tuple[InstallmentState, ...]]:
    """Full ledger replays of a few plans: every installment and payment, as of ``as_of``."""
    out: dict[int, tuple[InstallmentState, ...]] = {}
    for chunk in _chunks(sorted(ids)):
        rows, payments = ledger_rows(s.connection(), chunk)
        for pid in chunk:
            items = [Installment(r.period, r.due_date, r.principal, r.fee) for r in rows[pid]]
            out[pid] = evaluate(items, payments[pid], rules[pid], as_of).installments
    return out


def open_plans() -> list[ColumnElement[bool]]:
    """Plans neither archived nor paid off."""
    return [P.archived.is_(False), P.closed_on.is_(None)]


def unsettled_by(horizon: date) -> ColumnElement[bool]:
    """Installments still unsettled and due on or before ``horizon`` (the partial index)."""
    return and_(UNSETTLED, I.due_date <= horizon)


def period_counts(s: Session, plan_ids: Sequence[int]) -> dict[int, int]:
    """How many installments each plan has (a payoff charge can add one past ``periods``)."""
    counts: dict[int, int] = {}
    for chunk in _chunks(sorted(plan_ids)):
        query = select(I.plan_id, func.count()).where(I.plan_id.in_(chunk)).group_by(I.plan_id)
        counts.update((pid, n) for pid, n in s.execute(query))
    return counts
