"""Undo: a plan's stored state captured before an action and put back on request.

Undoing an edit, a delete, a payment, a void or a payoff is the same operation: restore the
plan, its installments and its payments exactly as they were (same ids), in one transaction.
A bill payment touches several plans: ``snapshot_account`` / ``snapshot_payment`` capture every
plan it may touch with the account's bill payments, and ``restore_snapshot`` puts all of them
back in one transaction (a bill payment made since is removed, a voided one un-voided).
Redo captures the plans an undo is about to change (``snapshot_plans``, with the bill payments
their payments belong to) and ``restore_plans`` puts them back. Every restore is a write the
calendar feed dates: ``as_of`` (default: ``db.today()``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from tracker.storage.engine import Database
from tracker.storage.ics_events import WRITE_DATE
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


def restore_plan(db: Database, snap: PlanSnapshot, as_of: date | None = None) -> Change:
    """Put a plan back exactly as captured, replacing whatever it became since; its calendar
    events come back with a higher SEQUENCE than what the feed said since."""
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
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


def restore_snapshot(db: Database, snap: LedgerSnapshot, as_of: date | None = None) -> Change:
    """Put every captured plan and bill payment back, in one transaction."""
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
        kept = {dict(b)["id"] for b in snap.bill_payments}
        _put_bill_payments(s, snap.bill_payments)  # first: restored payments point at them
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


def _put_bill_payments(s: Session, rows: tuple[Columns, ...]) -> None:
    """Bill payments back as captured (before the payments that point at them)."""
    for cols in rows:
        values = dict(cols)
        row = s.get(BillPaymentRecord, values["id"])
        if row is None:
            s.add(BillPaymentRecord(**values))
        else:
            for key, value in values.items():
                setattr(row, key, value)
    s.flush()


@dataclass(frozen=True, slots=True)
class PlansState:
    """Several plans as they were; ``None`` for a plan that was not stored (not yet added,
    or deleted), with the bill payments their payments belong to. Restoring it undoes or
    redoes any action on those plans."""

    plans: tuple[tuple[int, PlanSnapshot | None], ...]
    bill_payments: tuple[Columns, ...] = ()

    @property
    def plan_ids(self) -> frozenset[int]:
        """The plans this state covers."""
        return frozenset(plan_id for plan_id, _snap in self.plans)


def snapshot_plans(db: Database, plan_ids: frozenset[int] | set[int]) -> PlansState:
    """Capture these plans as they are now (absent ones as ``None``), in one read."""
    found: list[tuple[int, PlanSnapshot | None]] = []
    bills: set[int] = set()
    with db.read_session() as s:
        for plan_id in sorted(plan_ids):
            if s.get(PlanRecord, plan_id) is None:
                found.append((plan_id, None))
                continue
            snap = _plan_snapshot(s, plan_id)
            found.append((plan_id, snap))
            bills.update(
                b for p in snap.payments if (b := dict(p).get("bill_payment_id")) is not None
            )
        rows = tuple(
            tuple(_columns(r).items())
            for r in s.scalars(
                select(BillPaymentRecord)
                .where(BillPaymentRecord.id.in_(sorted(bills)))
                .order_by(BillPaymentRecord.id)
            )
        )
    return PlansState(tuple(found), rows)


def restore_plans(db: Database, state: PlansState, as_of: date | None = None) -> Change:
    """Put every plan of ``state`` back as captured (deleting those captured as absent), in
    one transaction: the same ids, amounts, payments and bill payments, whatever they became
    since."""
    payments: set[int] = set()
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
        for plan_id, _snap in state.plans:
            current = s.get(PlanRecord, plan_id)
            if current is not None:
                payments.update(p.id for p in current.payments)
                s.delete(current)
        s.flush()
        _put_bill_payments(s, state.bill_payments)
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
