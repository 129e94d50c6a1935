"""Derived state: what reads need of the ledger, computed once when a plan changes.

Every write (add, edit, pay, void, payoff, import, undo) calls :func:`refresh` for the plans it
touched, inside its own transaction: the plan's stored schedule and payments are replayed once
(``tracker.domain.ledger.settle``) and the result is written next to them, per installment
(paid principal, fee and penalty, settled date) and per plan (balance, paid periods, the
schedule's length, next due date and amount, last payment date, total fee and cost, per-period
amount, APR and effective rate). Lists, the overview, ``due`` and exports then read columns
instead of replaying every ledger on every read. The domain ledger stays the reference:
``tracker check`` and the tests recompute and compare.

``derived_rev`` marks how the columns were computed: a plan below :data:`DERIVED_REV` (a file
just upgraded, or a derivation changed by a new release) is refreshed by :func:`refresh_stale`
when the database is opened.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from sqlalchemy import Connection, select

from tracker.domain.apr import cost_of_credit
from tracker.domain.ledger import LedgerRules, Payment, settle
from tracker.domain.plan import FeeRounding, Installment, PlanTerms, Schedule

from . import ics_events
from .models import InstallmentRecord, PaymentRecord, PlanRecord

__all__ = [
    "DERIVED_REV",
    "TERMS_COLUMNS",
    "consistency_problems",
    "ledger_rows",
    "per_period",
    "refresh",
    "refresh_stale",
    "replay_problems",
    "rules_from",
    "terms_from",
]

from .schema_version import DERIVED_REV

_CHUNK = 500  # plans per batch of queries (well under SQLite's bound-parameter limit)

TERMS_COLUMNS = (
    PlanRecord.model,
    PlanRecord.principal,
    PlanRecord.periods,
    PlanRecord.first_due,
    PlanRecord.rate,
    PlanRecord.currency,
    PlanRecord.remainder,
    PlanRecord.fee_mode,
    PlanRecord.fee_rounding,
    PlanRecord.upfront_fee,
    PlanRecord.down_payment,
    PlanRecord.custom_amounts,
)
"""The plan columns :func:`terms_from` reads."""

_RULE_COLUMNS = (PlanRecord.grace_days, PlanRecord.tolerance, PlanRecord.penalty_daily_rate)


def terms_from(row: Any) -> PlanTerms:
    """A plan's terms from a record or a row carrying :data:`TERMS_COLUMNS`."""
    return PlanTerms(
        model=row.model,
        principal=row.principal,
        periods=row.periods,
        first_due=row.first_due,
        rate=Decimal(row.rate),
        currency=row.currency,
        remainder=row.remainder or None,
        fee_mode=row.fee_mode,
        upfront_fee=row.upfront_fee,
        down_payment=row.down_payment,
        custom_amounts=tuple(json.loads(row.custom_amounts)) if row.custom_amounts else (),
        fee_rounding=FeeRounding(row.fee_rounding or FeeRounding.HALF_UP),
    )


def rules_from(row: Any, reminder_days: int = 7) -> LedgerRules:
    """A plan's overdue rules from a record or a row with grace, tolerance and penalty rate."""
    return LedgerRules(
        grace_days=row.grace_days,
        tolerance=row.tolerance,
        penalty_daily_rate=Decimal(row.penalty_daily_rate),
        reminder_days=reminder_days,
    )


def per_period(items: Sequence[Installment]) -> int:
    """The regular amount: the most common installment total (the first on a tie)."""
    if not items:
        return 0
    counts = Counter(i.total for i in items)
    best = max(counts.values())
    return next(i.total for i in items if counts[i.total] == best)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def refresh(conn: Connection, plan_ids: Iterable[int]) -> None:
    """Recompute and store the derived columns of these plans (missing ids are skipped)."""
    ids = sorted(set(plan_ids))
    for chunk in _chunks(ids):
        _refresh_chunk(conn, chunk)


def refresh_stale(conn: Connection, when: date | None = None) -> int:
    """Refresh every plan whose derived columns are missing or out of date, and their
    calendar-feed rows as of a write on ``when`` (default: the clock's date); return how
    many."""
    ids = list(conn.scalars(select(PlanRecord.id).where(PlanRecord.derived_rev != DERIVED_REV)))
    refresh(conn, ids)
    if ids and ics_events.present(conn):
        ics_events.sync(conn, ids, when or date.today())
    return len(ids)


def ledger_rows(
    conn: Connection, ids: Sequence[int]
) -> tuple[dict[int, list[Any]], dict[int, list[Payment]]]:
    """The stored schedules (rows with id, period, due date, principal, fee) and the live
    payments of a batch of plans, by plan id, in period and in date order."""
    rows: dict[int, list[Any]] = defaultdict(list)
    for r in conn.execute(
        select(
            InstallmentRecord.id,
            InstallmentRecord.plan_id,
            InstallmentRecord.period,
            InstallmentRecord.due_date,
            InstallmentRecord.principal,
            InstallmentRecord.fee,
        )
        .where(InstallmentRecord.plan_id.in_(ids))
        .order_by(InstallmentRecord.plan_id, InstallmentRecord.period)
    ):
        rows[r.plan_id].append(r)
    payments: dict[int, list[Payment]] = defaultdict(list)
    for p in conn.execute(
        select(PaymentRecord.plan_id, PaymentRecord.id, PaymentRecord.date, PaymentRecord.amount)
        .where(PaymentRecord.plan_id.in_(ids), PaymentRecord.voided.is_(False))
        .order_by(PaymentRecord.plan_id, PaymentRecord.date, PaymentRecord.id)
    ):
        payments[p.plan_id].append(Payment(p.date, p.amount, p.id))
    return rows, payments


def _derive_chunk(
    conn: Connection, ids: Sequence[int]
) -> tuple[list[tuple[int, int, int, str | None, int]], list[tuple[Any, ...]]]:
    """What the derived columns of these plans should hold: (installment updates, plan
    updates), each tuple ending with the row's id, in the order the UPDATEs bind them."""
    plans = conn.execute(
        select(PlanRecord.id, *TERMS_COLUMNS, *_RULE_COLUMNS).where(PlanRecord.id.in_(ids))
    ).all()
    rows, payments = ledger_rows(conn, ids)
    inst_updates: list[tuple[int, int, int, str | None, int]] = []
    plan_updates: list[tuple[Any, ...]] = []
    for plan in plans:
        stored = rows[plan.id]
        items = [Installment(r.period, r.due_date, r.principal, r.fee) for r in stored]
        paid = payments[plan.id]
        settlements = settle(items, paid, rules_from(plan))
        remaining = 0
        paid_periods = 0
        next_due: date | None = None
        next_amount = 0
        for row, item, st in zip(stored, items, settlements, strict=True):
            inst_updates.append(
                (
                    st.paid_principal,
                    st.paid_fee,
                    st.paid_penalty,
                    st.settled_on.isoformat() if st.settled_on else None,
                    row.id,
                )
            )
            left = item.total - st.paid_principal - st.paid_fee
            remaining += left
            if left == 0:
                paid_periods += 1
            elif next_due is None:
                next_due, next_amount = item.due_date, left
        terms = terms_from(plan)
        schedule = Schedule(terms, tuple(items))
        cost = cost_of_credit(schedule)
        last = max((p.date for p in paid), default=None)
        plan_updates.append(
            (
                remaining,
                paid_periods,
                len(items),
                next_due.isoformat() if next_due else None,
                next_amount,
                last.isoformat() if last else None,
                schedule.total_fee,
                cost.total_cost,
                per_period(items),
                _decimal_text(cost.apr),
                _decimal_text(cost.effective_rate),
                DERIVED_REV,
                plan.id,
            )
        )
    return inst_updates, plan_updates


def _refresh_chunk(conn: Connection, ids: Sequence[int]) -> None:
    inst_updates, plan_updates = _derive_chunk(conn, ids)
    if inst_updates:
        conn.exec_driver_sql(
            "UPDATE installments SET paid_principal = ?, paid_fee = ?, paid_penalty = ?, "
            "settled_on = ? WHERE id = ?",
            inst_updates,
        )
    if plan_updates:
        conn.exec_driver_sql(
            "UPDATE plans SET remaining = ?, paid_periods = ?, schedule_periods = ?, "
            "next_due = ?, next_amount = ?, "
            "last_paid_on = ?, total_fee = ?, total_cost = ?, per_period = ?, apr = ?, "
            "effective_rate = ?, derived_rev = ? WHERE id = ?",
            plan_updates,
        )


def _decimal_text(value: Decimal) -> str:
    """A rate as plain decimal text the schema accepts (≤ 40 characters, 30 decimals at most:
    far below anything shown, which is two decimals of a percentage)."""
    with localcontext() as ctx:
        ctx.prec = 80
        text = format(value.quantize(Decimal(1).scaleb(-30)), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text[:40].rstrip(".") or "0"


_CONSISTENCY_LIMIT = 20  # lines of each kind reported; the count says how many more

_CONSISTENCY_CHECKS = (
    (
        "plan {0}: its installments hold {1} paid, its live payments add up to {2}",
        "SELECT p.id, coalesce(i.paid, 0), coalesce(y.paid, 0) FROM plans p "
        "LEFT JOIN (SELECT plan_id, sum(paid_principal + paid_fee + paid_penalty) AS paid "
        "FROM installments GROUP BY plan_id) i ON i.plan_id = p.id "
        "LEFT JOIN (SELECT plan_id, sum(amount) AS paid FROM payments WHERE NOT voided "
        "GROUP BY plan_id) y ON y.plan_id = p.id "
        "WHERE coalesce(i.paid, 0) != coalesce(y.paid, 0)",
    ),
    (
        "plan {0}: the stored balance is {1}, its installments leave {2} unpaid",
        "SELECT p.id, p.remaining, coalesce(i.left_, 0) FROM plans p "
        "LEFT JOIN (SELECT plan_id, sum(principal + fee - paid_principal - paid_fee) AS left_ "
        "FROM installments GROUP BY plan_id) i ON i.plan_id = p.id "
        "WHERE p.remaining != coalesce(i.left_, 0)",
    ),
    (
        "plan {0}: {1} periods stored as paid, {2} installments are paid in full",
        "SELECT p.id, p.paid_periods, coalesce(i.n, 0) FROM plans p "
        "LEFT JOIN (SELECT plan_id, count(*) AS n FROM installments "
        "WHERE paid_principal + paid_fee = principal + fee GROUP BY plan_id) i "
        "ON i.plan_id = p.id WHERE p.paid_periods != coalesce(i.n, 0)",
    ),
    (
        "plan {0}: {1} installments stored as its schedule's length, it has {2}",
        "SELECT p.id, p.schedule_periods, coalesce(i.n, 0) FROM plans p "
        "LEFT JOIN (SELECT plan_id, count(*) AS n FROM installments GROUP BY plan_id) i "
        "ON i.plan_id = p.id WHERE p.schedule_periods != coalesce(i.n, 0)",
    ),
    (
        "plan {0}: its derived columns are of revision {1}, not {2}",
        f"SELECT id, derived_rev, {DERIVED_REV} FROM plans WHERE derived_rev != {DERIVED_REV}",
    ),
)


def consistency_problems(conn: Connection) -> list[str]:
    """Cheap SQL checks of the stored derived columns against the raw rows, as readable lines
    (empty when they agree): per plan, what its installments hold as paid equals the sum of
    its live payments; the stored balance and paid-period count equal what its installments
    say; every plan is derived by this revision. One pass of aggregate queries, no replay:
    fast enough for every start-up. ``tracker check`` (the full replay) finds the rest."""
    problems: list[str] = []
    for text, sql in _CONSISTENCY_CHECKS:
        rows = conn.exec_driver_sql(sql).fetchall()
        problems += [text.format(*row) for row in rows[:_CONSISTENCY_LIMIT]]
        if len(rows) > _CONSISTENCY_LIMIT:
            problems.append(f"… and {len(rows) - _CONSISTENCY_LIMIT} more like it")
    return problems


def replay_problems(conn: Connection, limit: int = _CONSISTENCY_LIMIT) -> list[str]:
    """Every plan whose stored derived columns differ from a fresh replay of its schedule and
    payments (what :func:`refresh` would write), as readable lines; reads only."""
    problems: list[str] = []
    ids = list(conn.scalars(select(PlanRecord.id).order_by(PlanRecord.id)))
    for chunk in _chunks(ids):
        inst_updates, plan_updates = _derive_chunk(conn, chunk)
        stored_inst = {
            row[-1]: tuple(row[:-1])
            for row in conn.exec_driver_sql(
                "SELECT paid_principal, paid_fee, paid_penalty, settled_on, id FROM installments "
                f"WHERE plan_id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
        }
        for *want, row_id in inst_updates:
            if stored_inst.get(row_id) != tuple(want):
                problems.append(
                    f"installment {row_id}: stored {stored_inst.get(row_id)}, replay {tuple(want)}"
                )
        stored_plans = {
            row[-1]: tuple(row[:-1])
            for row in conn.exec_driver_sql(
                "SELECT remaining, paid_periods, schedule_periods, next_due, next_amount, "
                "last_paid_on, total_fee, total_cost, per_period, apr, effective_rate, "
                "derived_rev, id FROM plans "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
        }
        for *want, plan_id in plan_updates:
            got = stored_plans.get(plan_id)
            if got is None or [str(v) for v in got] != [str(v) for v in want]:
                problems.append(f"plan {plan_id}: stored {got}, replay {tuple(want)}")
        if len(problems) > limit:
            return [*problems[:limit], "… and more"]
    return problems
