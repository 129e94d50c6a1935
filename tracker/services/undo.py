"""Undo: a plan's stored state captured before an action and put back on request.

Undoing an edit, a delete, a payment, a void or a payoff is the same operation: restore the
plan, its installments and its payments exactly as they were (same ids), in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import inspect

from tracker.storage.engine import Database
from tracker.storage.ics_events import WRITE_DATE
from tracker.storage.models import InstallmentRecord, PaymentRecord, PlanRecord

from .model import Change
from .plans import get_record


def _columns(obj: Any) -> dict[str, Any]:
    return {attr.key: getattr(obj, attr.key) for attr in inspect(obj).mapper.column_attrs}


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    """A plan's rows as they were: its columns, installments and payments."""

    plan_id: int
    plan: tuple[tuple[str, Any], ...]
    installments: tuple[tuple[tuple[str, Any], ...], ...]
    payments: tuple[tuple[tuple[str, Any], ...], ...]


def snapshot_plan(db: Database, plan_id: int) -> PlanSnapshot:
    """Capture a plan with everything that belongs to it."""
    with db.read_session() as s:
        rec = get_record(s, plan_id)
        return PlanSnapshot(
            plan_id,
            tuple(_columns(rec).items()),
            tuple(tuple(_columns(i).items()) for i in rec.installments),
            tuple(tuple(_columns(p).items()) for p in rec.payments),
        )


def restore_plan(db: Database, snap: PlanSnapshot, as_of: date | None = None) -> Change:
    """Put a plan back exactly as captured, replacing whatever it became since; its calendar
    events come back with a higher SEQUENCE than what the feed said since. ``as_of`` dates
    the write (default: ``db.today()``)."""
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
        current = s.get(PlanRecord, snap.plan_id)
        removed: frozenset[int] = frozenset()
        if current is not None:
            before = {dict(p)["id"] for p in snap.payments}
            removed = frozenset(p.id for p in current.payments if p.id not in before)
            s.delete(current)
            s.flush()
        s.add(PlanRecord(**dict(snap.plan)))
        s.flush()
        s.add_all(InstallmentRecord(**dict(i)) for i in snap.installments)
        s.add_all(PaymentRecord(**dict(p)) for p in snap.payments)
        s.flush()
        payments = frozenset(dict(p)["id"] for p in snap.payments) | removed
        return Change("plan_restored", frozenset({snap.plan_id}), payments)


@dataclass(frozen=True, slots=True)
class PlansState:
    """Several plans as they were; ``None`` for a plan that was not stored (not yet added,
    or deleted). Restoring it undoes or redoes any action on those plans."""

    plans: tuple[tuple[int, PlanSnapshot | None], ...]

    @property
    def plan_ids(self) -> frozenset[int]:
        """The plans this state covers."""
        return frozenset(plan_id for plan_id, _snap in self.plans)


def snapshot_plans(db: Database, plan_ids: frozenset[int] | set[int]) -> PlansState:
    """Capture these plans as they are now (absent ones as ``None``), in one read."""
    found: list[tuple[int, PlanSnapshot | None]] = []
    with db.read_session() as s:
        for plan_id in sorted(plan_ids):
            rec = s.get(PlanRecord, plan_id)
            if rec is None:
                found.append((plan_id, None))
                continue
            found.append(
                (
                    plan_id,
                    PlanSnapshot(
                        plan_id,
                        tuple(_columns(rec).items()),
                        tuple(tuple(_columns(i).items()) for i in rec.installments),
                        tuple(tuple(_columns(p).items()) for p in rec.payments),
                    ),
                )
            )
    return PlansState(tuple(found))


def restore_plans(db: Database, state: PlansState) -> Change:
    """Put every plan of ``state`` back as captured (deleting those captured as absent), in
    one transaction: the same ids, amounts and payments, whatever they became since."""
    payments: set[int] = set()
    with db.session() as s:
        for plan_id, _snap in state.plans:
            current = s.get(PlanRecord, plan_id)
            if current is not None:
                payments.update(p.id for p in current.payments)
                s.delete(current)
        s.flush()
        for _plan_id, snap in state.plans:
            if snap is None:
                continue
            s.add(PlanRecord(**dict(snap.plan)))
            s.flush()
            s.add_all(InstallmentRecord(**dict(i)) for i in snap.installments)
            s.add_all(PaymentRecord(**dict(p)) for p in snap.payments)
            payments.update(dict(p)["id"] for p in snap.payments)
        s.flush()
    return Change("plans_restored", state.plan_ids, frozenset(payments))
