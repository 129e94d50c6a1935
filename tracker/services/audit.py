"""The audit of derived state: recompute every plan from its raw schedule and payments with the
domain ledger and compare with what was stored at write time.

``derived_mismatches`` is what ``tracker check`` (the reliability issue) builds on; the tests
run it after every sequence of actions. It reads every plan in full, so it is not a hot path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.domain.apr import cost_of_credit
from tracker.domain.ledger import Status, evaluate
from tracker.domain.money import format_percent
from tracker.domain.plan import Schedule
from tracker.storage import ics_events
from tracker.storage.derived import DERIVED_REV, consistency_problems, per_period
from tracker.storage.engine import Database
from tracker.storage.models import PlanRecord

from .convert import installments_of, payments_of, rules_of, terms_of

__all__ = ["AuditReport", "audit", "derived_mismatches", "quick_audit"]


@dataclass(frozen=True, slots=True)
class AuditReport:
    """What ``audit`` found.

    Attributes:
        plans: how many plans were recomputed.
        payments: how many payments they have.
        integrity: SQLite's ``integrity_check`` lines (``("ok",)`` when sound).
        foreign_keys: rows that point at a missing row (``foreign_key_check``).
        mismatches: every stored value that differs from a replay of the ledger.
    """

    plans: int
    payments: int
    integrity: tuple[str, ...]
    foreign_keys: tuple[str, ...]
    mismatches: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong."""
        return self.integrity == ("ok",) and not self.foreign_keys and not self.mismatches


def audit(db: Database) -> AuditReport:
    """Check the file (integrity, foreign keys) and recompute every plan from its raw schedule
    and payments, reporting every difference; reads only."""
    with db.engine.connect() as conn:
        conn.execution_options(read_only=True)  # reads only: no write lock, no WAL switch
        integrity = tuple(str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check"))
        orphans = tuple(
            f"{table} row {rowid} points at a missing {parent}"
            for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check")
        )
        plans = conn.exec_driver_sql("SELECT count(*) FROM plans").scalar_one()
        payments = conn.exec_driver_sql("SELECT count(*) FROM payments").scalar_one()
    mismatches = tuple(derived_mismatches(db)) if integrity == ("ok",) else ()
    return AuditReport(int(plans), int(payments), integrity, orphans, mismatches)


def quick_audit(db: Database) -> AuditReport:
    """The fast audit for every start-up: ``quick_check`` (not the full ``integrity_check``),
    ``foreign_key_check`` and the SQL consistency checks of the stored derived columns
    (``storage.derived.consistency_problems``), in one read snapshot; no replay. Reads only,
    never takes the write lock."""
    with db.engine.connect() as conn:
        conn.execution_options(read_only=True)
        with conn.begin():
            integrity = tuple(str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check"))
            orphans = tuple(
                f"{table} row {rowid} points at a missing {parent}"
                for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check")
            )
            plans = conn.exec_driver_sql("SELECT count(*) FROM plans").scalar_one()
            payments = conn.exec_driver_sql("SELECT count(*) FROM payments").scalar_one()
            mismatches = tuple(consistency_problems(conn)) if integrity == ("ok",) else ()
    return AuditReport(int(plans), int(payments), integrity, orphans, mismatches)


def derived_mismatches(db: Database, plan_ids: Iterable[int] | None = None) -> list[str]:
    """Every stored derived value that differs from a full replay, as readable lines (of
    every plan, or of ``plan_ids`` only; for every plan, the calendar feed's rows too)."""
    problems: list[str] = []
    with db.read_session() as s:
        query = select(PlanRecord).options(
            selectinload(PlanRecord.installments), selectinload(PlanRecord.payments)
        )
        if plan_ids is not None:
            query = query.where(PlanRecord.id.in_(sorted(set(plan_ids))))
        wrong: set[int] = set()
        for rec in s.scalars(query.order_by(PlanRecord.id)):
            found = _plan_mismatches(rec)
            if found:
                wrong.add(rec.id)
            problems.extend(found)
        if plan_ids is None:  # the calendar feed's rows, tombstones included; a plan whose
            # derived columns are wrong is reported once, above, not again for its feed rows
            problems.extend(ics_events.problems(s.connection(), skip=wrong))
    return problems


def _plan_mismatches(rec: PlanRecord) -> list[str]:
    items = installments_of(rec)
    payments = payments_of(rec)
    live = [p for p in payments if not p.voided]
    last = max((p.date for p in live), default=None)
    as_of = max([d for d in (last, items[-1].due_date if items else None) if d] or [date.min])
    state = evaluate(items, payments, rules_of(rec), as_of)
    cost = cost_of_credit(Schedule(terms_of(rec), items))
    nxt = next((st for st in state.installments if st.remaining > 0), None)
    expected = {
        "derived_rev": DERIVED_REV,
        "remaining": sum(st.remaining for st in state.installments),
        "paid_periods": sum(1 for st in state.installments if st.remaining == 0),
        "schedule_periods": len(items),
        "next_due": nxt.due_date if nxt else None,
        "next_amount": nxt.remaining if nxt else 0,
        "last_paid_on": last,
        "total_fee": sum(i.fee for i in items),
        "total_cost": cost.total_cost,
        "per_period": per_period(items),
        "apr_percent": cost.apr_percent,
    }
    stored = {k: getattr(rec, k, None) for k in expected}
    stored["apr_percent"] = format_percent(rec.apr)
    out = [
        f"plan {rec.id}: {k} is {stored[k]!r}, the ledger says {v!r}"
        for k, v in expected.items()
        if stored[k] != v
    ]
    rows = {i.period: i for i in rec.installments}
    for st in state.installments:
        row = rows[st.period]
        got = (row.paid_principal, row.paid_fee, row.paid_penalty)
        want = (st.paid_principal, st.paid_fee, st.paid_penalty)
        if got != want:
            out.append(f"plan {rec.id} period {st.period}: paid {got}, the ledger says {want}")
        if st.status is Status.PAID and row.settled_on != st.settled_on:
            out.append(
                f"plan {rec.id} period {st.period}: settled on {row.settled_on}, "
                f"the ledger says {st.settled_on}"
            )
    return out
