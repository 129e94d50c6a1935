"""A bill payment: what the user paid towards an account's bill, one history entry over the
payments it made on each plan (``payments.bill_payment_id``).

``accounts.pay_bill`` records it; ``void_bill_payment`` (and ``payments.void_payment`` on any
of its parts) voids it whole, every plan's part in the same transaction; ``bill_payment`` reads
one back with its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.storage.engine import Database
from tracker.storage.models import BillPaymentRecord, PaymentRecord, PlanRecord

from .model import Change, ServiceError
from .plans import MAX_ID, get_record, update_closed

__all__ = [
    "BillPaymentView",
    "bill_note",
    "bill_note_parts",
    "bill_payment",
    "bill_payment_of",
    "void_bill_in",
    "void_bill_payment",
]


_BILL_NOTE = re.compile(r"bill (\d{4}-\d{2}) · (.+)", re.DOTALL)


def bill_note(statement: date, account_name: str) -> str:
    """The note ``accounts.pay_bill`` stores on each plan's part ("bill 2026-03 · 招行信用卡"):
    neutral data (the statement's month, the account), which screens show in their language
    (``bill_note_parts``)."""
    return f"bill {statement.isoformat()[:7]} · {account_name}"


def bill_note_parts(note: str) -> tuple[str, str] | None:
    """(statement month ``YYYY-MM``, account name) of a note ``bill_note`` wrote, else None."""
    m = _BILL_NOTE.fullmatch(note)
    return (m.group(1), m.group(2)) if m else None


@dataclass(frozen=True, slots=True)
class BillPaymentView:
    """One bill payment and its parts.

    Attributes:
        id / account_id / statement_date / date / amount / method / note / voided: as stored.
        spending: the part of ``amount`` left for the statement's ordinary spending.
        parts: (payment id, plan id, amount) of each plan's payment, by payment id.
    """

    id: int
    account_id: int | None
    statement_date: date
    date: date
    amount: int
    spending: int
    method: str
    note: str
    voided: bool
    parts: tuple[tuple[int, int, int], ...]


def _get(s: Session, bill_payment_id: int) -> BillPaymentRecord:
    row = s.get(BillPaymentRecord, bill_payment_id) if 1 <= bill_payment_id <= MAX_ID else None
    if row is None:
        raise ServiceError("there is no bill payment with id {id}", id=bill_payment_id)
    return row


def _parts(s: Session, bill_payment_id: int) -> list[PaymentRecord]:
    return list(
        s.scalars(
            select(PaymentRecord)
            .where(PaymentRecord.bill_payment_id == bill_payment_id)
            .order_by(PaymentRecord.id)
        )
    )


def bill_payment(db: Database, bill_payment_id: int) -> BillPaymentView:
    """A bill payment with its parts."""
    with db.read_session() as s:
        row = _get(s, bill_payment_id)
        parts = tuple((p.id, p.plan_id, p.amount) for p in _parts(s, bill_payment_id))
        return BillPaymentView(
            row.id,
            row.account_id,
            row.statement_date,
            row.date,
            row.amount,
            row.spending,
            row.method,
            row.note,
            bool(row.voided),
            parts,
        )


def bill_payment_of(db: Database, payment_id: int) -> BillPaymentView | None:
    """The bill payment that payment ``payment_id`` is a part of (None: paid on its own, or
    no such payment)."""
    with db.read_session() as s:
        row = s.get(PaymentRecord, payment_id) if 1 <= payment_id <= MAX_ID else None
        group = row.bill_payment_id if row is not None else None
    return bill_payment(db, group) if group is not None else None


def void_bill_in(s: Session, bill_payment_id: int, as_of: date) -> Change:
    """Void a bill payment and every plan's part of it, inside ``s``."""
    row = _get(s, bill_payment_id)
    if row.voided:
        raise ServiceError("bill payment {id} is already voided", id=bill_payment_id)
    row.voided = True
    parts = _parts(s, bill_payment_id)
    plans: dict[int, PlanRecord] = {}
    for part in parts:
        part.voided = True
        plans.setdefault(part.plan_id, get_record(s, part.plan_id))
    s.flush()
    for rec in plans.values():
        update_closed(rec, as_of)
    return Change("bill_payment_voided", frozenset(plans), frozenset(p.id for p in parts))


def void_bill_payment(db: Database, bill_payment_id: int, as_of: date) -> Change:
    """Void a whole bill payment: it and every plan's part stay in the history, voided."""
    with db.session() as s:
        return void_bill_in(s, bill_payment_id, as_of)
