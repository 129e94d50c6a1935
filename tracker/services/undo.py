"""Undo: a plan's stored state captured before an action and put back on request.

Undoing an edit, a delete, a payment, a void or a payoff is the same operation: restore the
plan, its installments and its payments exactly as they were (same ids), in one transaction.
A bill payment touches several plans: ``snapshot_account`` / ``snapshot_payment`` capture every
plan it may touch with the account's bill payments, and ``restore_snapshot`` puts all of them
back in one transaction (a bill payment made since is removed, a voided one un-voided).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from tracker.storage.engine import Database
from tracker.storage.models import (
    BillPaymentRecord,
    InstallmentRecord,
    PaymentRecord,
    PlanRecord,
)

from .model import Change, ServiceError
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


def _plan_snapshot(s: Session, plan_id: int) -> PlanSnapshot:
    rec = get_record(s, plan_id)
    return PlanSnapshot(
        plan_id,
        tuple(_columns(rec).items()),
        tuple(tuple(_columns(i).items()) for i in rec.installments),
        tuple(tuple(_columns(p).items()) for p in rec.payments),
    )


def snapshot_plan(db: Database, plan_id: int) -> PlanSnapshot:
    """Capture a plan with everything that belongs to it."""
    with db.read_session() as s:
        return _plan_snapshot(s, plan_id)


def _restore_plan(s: Session, snap: PlanSnapshot) -> frozenset[int]:
    """Put one plan back inside ``s``; return the payment ids touched."""
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
    return frozenset(dict(p)["id"] for p in snap.payments) | removed


def restore_plan(db: Database, snap: PlanSnapshot) -> Change:
    """Put a plan back exactly as captured, replacing whatever it became since."""
    with db.session() as s:
        payments = _restore_plan(s, snap)
        return Change("plan_restored", frozenset({snap.plan_id}), payments)


Columns = tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class LedgerSnapshot:
    """Several plans and an account's bill payments as they were.

    ``account_id``: whose bill payments were captured (a bill payment of it not in
    ``bill_payments`` was made since, and a restore removes it); None: only those listed.
    """

    plans: tuple[PlanSnapshot, ...]
    account_id: int | None
    bill_payments: tuple[Columns, ...]


def snapshot_account(db: Database, account_id: int) -> LedgerSnapshot:
    """Every plan of an account and its bill payments: taken before paying its bill, so the
    payment can be undone as a whole."""
    with db.read_session() as s:
        ids = s.scalars(select(PlanRecord.id).where(PlanRecord.account_id == account_id))
        bills = s.scalars(
            select(BillPaymentRecord).where(BillPaymentRecord.account_id == account_id)
        )
        return LedgerSnapshot(
            tuple(_plan_snapshot(s, i) for i in ids),
            account_id,
            tuple(tuple(_columns(b).items()) for b in bills),
        )


def snapshot_payment(db: Database, payment_id: int) -> LedgerSnapshot:
    """What voiding payment ``payment_id`` changes: its plan, or, for a part of a bill
    payment, every plan the bill payment paid and the bill payment itself."""
    with db.read_session() as s:
        row = s.get(PaymentRecord, payment_id) if 1 <= payment_id <= 2**63 - 1 else None
        if row is None:
            raise ServiceError("there is no payment with id {id}", id=payment_id)
        if row.bill_payment_id is None:
            return LedgerSnapshot((_plan_snapshot(s, row.plan_id),), None, ())
        group = s.get(BillPaymentRecord, row.bill_payment_id)
        ids = s.scalars(
            select(PaymentRecord.plan_id)
            .where(PaymentRecord.bill_payment_id == row.bill_payment_id)
            .distinct()
        )
        return LedgerSnapshot(
            tuple(_plan_snapshot(s, i) for i in sorted(ids)),
            None,
            (tuple(_columns(group).items()),) if group is not None else (),
        )


def restore_snapshot(db: Database, snap: LedgerSnapshot) -> Change:
    """Put every captured plan and bill payment back, in one transaction."""
    with db.session() as s:
        kept = {dict(b)["id"]: dict(b) for b in snap.bill_payments}
        for values in kept.values():  # first: restored payments may point at them
            row = s.get(BillPaymentRecord, values["id"])
            if row is None:
                s.add(BillPaymentRecord(**values))
            else:
                for key, value in values.items():
                    setattr(row, key, value)
        s.flush()
        payments: frozenset[int] = frozenset()
        for plan in snap.plans:
            payments |= _restore_plan(s, plan)
        if snap.account_id is not None:
            for row in s.scalars(
                select(BillPaymentRecord).where(
                    BillPaymentRecord.account_id == snap.account_id,
                    BillPaymentRecord.id.not_in(list(kept)),
                )
            ):
                s.delete(row)
        s.flush()
        return Change("plan_restored", frozenset(p.plan_id for p in snap.plans), payments)
