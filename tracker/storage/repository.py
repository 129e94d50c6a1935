"""Small typed helpers over the ORM: find, list, add and replace rows. No business rules.

Every function takes the caller's Session and neither commits nor rolls back: the service
that owns the user action decides (``with db.session() as session: ...``). Functions that add
rows flush, so new ids are available at once. Lists come back in a stable order: plans by id,
installments by period, payments by (date, id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import RecordNotFoundError
from .models import InstallmentRecord, PaymentRecord, PlanRecord

__all__ = [
    "add_installments",
    "add_payment",
    "add_plan",
    "delete_plan",
    "get_payment",
    "get_plan",
    "installments_due_between",
    "list_installments",
    "list_payments",
    "list_plans",
    "replace_installments",
    "require_payment",
    "require_plan",
    "set_payment_voided",
]


def get_plan(session: Session, plan_id: int) -> PlanRecord | None:
    """The plan with this id (installments and payments loaded), or None."""
    return session.get(PlanRecord, plan_id)


def require_plan(session: Session, plan_id: int) -> PlanRecord:
    """The plan with this id; RecordNotFoundError if there is none."""
    plan = session.get(PlanRecord, plan_id)
    if plan is None:
        raise RecordNotFoundError(f"There is no plan with id {plan_id}.")
    return plan


def list_plans(session: Session, *, include_archived: bool = False) -> list[PlanRecord]:
    """All plans by id; archived ones only if asked."""
    query = select(PlanRecord).order_by(PlanRecord.id)
    if not include_archived:
        query = query.where(PlanRecord.archived.is_(False))
    return list(session.scalars(query))


def add_plan(session: Session, plan: PlanRecord) -> PlanRecord:
    """Insert a new plan (with any installments/payments attached to it); returns it with id."""
    session.add(plan)
    session.flush()
    return plan


def delete_plan(session: Session, plan_id: int) -> bool:
    """Delete a plan with its installments and payments; False if it did not exist."""
    plan = session.get(PlanRecord, plan_id)
    if plan is None:
        return False
    session.delete(plan)
    session.flush()
    return True


def list_installments(session: Session, plan_id: int) -> list[InstallmentRecord]:
    """A plan's stored schedule, by period."""
    query = (
        select(InstallmentRecord)
        .where(InstallmentRecord.plan_id == plan_id)
        .order_by(InstallmentRecord.period)
    )
    return list(session.scalars(query))


def add_installments(
    session: Session, plan_id: int, installments: Iterable[InstallmentRecord]
) -> list[InstallmentRecord]:
    """Append new installment rows to a plan's schedule; returns the plan's whole schedule."""
    plan = require_plan(session, plan_id)
    plan.installments.extend(installments)
    session.flush()
    return sorted(plan.installments, key=lambda i: i.period)


def replace_installments(
    session: Session, plan_id: int, installments: Iterable[InstallmentRecord]
) -> list[InstallmentRecord]:
    """Replace a plan's whole stored schedule with new rows; returns the new schedule."""
    plan = require_plan(session, plan_id)
    plan.installments.clear()
    session.flush()  # delete the old rows before inserting new ones with the same periods
    plan.installments.extend(installments)
    session.flush()
    return sorted(plan.installments, key=lambda i: i.period)


def installments_due_between(
    session: Session, start: dt.date, end: dt.date, *, include_archived: bool = False
) -> list[InstallmentRecord]:
    """Installments of every plan due from ``start`` to ``end`` inclusive, by date."""
    query = (
        select(InstallmentRecord)
        .join(InstallmentRecord.plan)
        .where(InstallmentRecord.due_date >= start, InstallmentRecord.due_date <= end)
        .order_by(InstallmentRecord.due_date, InstallmentRecord.plan_id, InstallmentRecord.period)
    )
    if not include_archived:
        query = query.where(PlanRecord.archived.is_(False))
    return list(session.scalars(query))


def add_payment(
    session: Session,
    plan_id: int,
    *,
    date: dt.date,
    amount: int,
    method: str = "",
    note: str = "",
    kind: str = "payment",
) -> PaymentRecord:
    """Record a payment on a plan (RecordNotFoundError if none); returns it with its id."""
    plan = require_plan(session, plan_id)
    payment = PaymentRecord(date=date, amount=amount, method=method, note=note, kind=kind)
    plan.payments.append(payment)
    session.flush()
    plan.payments.sort(key=lambda p: (p.date, p.id))  # the order a fresh load would give
    return payment


def get_payment(session: Session, payment_id: int) -> PaymentRecord | None:
    """The payment with this id, or None."""
    return session.get(PaymentRecord, payment_id)


def require_payment(session: Session, payment_id: int) -> PaymentRecord:
    """The payment with this id; RecordNotFoundError if there is none."""
    payment = session.get(PaymentRecord, payment_id)
    if payment is None:
        raise RecordNotFoundError(f"There is no payment with id {payment_id}.")
    return payment


def set_payment_voided(session: Session, payment_id: int, voided: bool = True) -> PaymentRecord:
    """Mark a payment voided (kept in history) or restore it."""
    payment = require_payment(session, payment_id)
    payment.voided = voided
    session.flush()
    return payment


def list_payments(
    session: Session,
    plan_id: int | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    include_voided: bool = True,
) -> list[PaymentRecord]:
    """Payments of one plan (or all), optionally from ``start`` to ``end`` inclusive."""
    query = select(PaymentRecord).order_by(PaymentRecord.date, PaymentRecord.id)
    if plan_id is not None:
        query = query.where(PaymentRecord.plan_id == plan_id)
    if start is not None:
        query = query.where(PaymentRecord.date >= start)
    if end is not None:
        query = query.where(PaymentRecord.date <= end)
    if not include_voided:
        query = query.where(PaymentRecord.voided.is_(False))
    return list(session.scalars(query))
