"""Payment use cases: record, void, early payoff, and the history and "what is due" queries.

Each action is one transaction. A payment that settles the last fen closes the plan; voiding
one that had closed it (or a payoff) reopens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from tracker.domain.ledger import Payment, PaymentError, check_payment
from tracker.domain.payoff import PayoffPolicy, PayoffQuote, apply_payoff, quote_payoff
from tracker.storage import sql_reads
from tracker.storage.engine import Database
from tracker.storage.ics_events import WRITE_DATE
from tracker.storage.models import PaymentRecord, PlanRecord
from tracker.storage.sql_reads import due_rows

from .convert import installments_of, payments_of, rules_of, terms_of
from .entry import check_open, clean_text
from .model import Change, InstallmentRow, PaymentRow, ServiceError
from .plans import (
    MAX_ID,
    get_record,
    regenerate_unpaid,
    replace_schedule,
    update_closed,
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def record_payment(
    db: Database, plan_id: int, amount: int, on: date, as_of: date, method: str = "", note: str = ""
) -> Change:
    """Record a payment; refuse one larger than the balance owed on its date."""
    method, note = clean_text(method, "method"), clean_text(note, "note")
    with db.session() as s:
        s.info[WRITE_DATE] = as_of
        rec = get_record(s, plan_id)
        check_open(rec, on, as_of)
        new = Payment(on, amount, None, method, note)
        try:
            check_payment(installments_of(rec), payments_of(rec), rules_of(rec), new, rec.currency)
        except PaymentError as exc:
            raise ServiceError.from_error(exc) from None
        row = PaymentRecord(
            plan_id=plan_id,
            date=on,
            amount=amount,
            method=method,
            note=note,
            voided=False,
            kind="payment",
            created_at=_now(),
        )
        rec.payments.append(row)
        s.flush()
        update_closed(rec, as_of)
        return Change("payment_recorded", frozenset({plan_id}), frozenset({row.id}), row.id)


def void_payment(db: Database, payment_id: int, as_of: date) -> Change:
    """Mark a payment voided (it stays in history); undoing a payoff restores the schedule,
    undoing a prepayment the schedule it replaced. A part of a bill payment voids the whole
    bill payment (every plan's part; ``bill_payments.void_bill_payment``)."""
    with db.session() as s:
        s.info[WRITE_DATE] = as_of
        row = s.get(PaymentRecord, payment_id) if 1 <= payment_id <= MAX_ID else None
        if row is None:
            raise ServiceError("there is no payment with id {id}", id=payment_id)
        if row.voided:
            raise ServiceError("payment {id} is already voided", id=payment_id)
        if row.bill_payment_id is not None:
            from .bill_payments import void_bill_in

            return void_bill_in(s, row.bill_payment_id, as_of)
        rec = get_record(s, row.plan_id)
        if row.kind == "prepayment":
            from .prepayments import restore_replaced

            restore_replaced(s, rec, row)
        row.voided = True
        if row.kind == "payoff":
            from .prepayments import live_prepayments, rebuild_after

            rec.payoff_charge = 0
            rec.closed_on = None
            prepaid = live_prepayments(rec)
            if prepaid:  # the schedule the latest prepayment left, not the terms' one
                replace_schedule(s, rec, rebuild_after(rec, prepaid[-1]))
            else:
                replace_schedule(s, rec, regenerate_unpaid(rec, terms_of(rec), as_of))
        s.flush()
        update_closed(rec, as_of)
        return Change("payment_voided", frozenset({rec.id}), frozenset({payment_id}))


def quote_on(rec: PlanRecord, on: date) -> PayoffQuote:
    later = [p.date for p in payments_of(rec) if not p.voided and p.date > on]
    if later:
        raise ServiceError(
            "a payment dated {date} is already recorded; pay off on or after that date",
            date=max(later),
        )
    return quote_payoff(
        installments_of(rec),
        payments_of(rec),
        rules_of(rec),
        PayoffPolicy(rec.payoff_policy),
        on,
        rec.payoff_penalty_pct,
    )


def payoff_quote(db: Database, plan_id: int, on: date, as_of: date) -> PayoffQuote:
    """What paying the plan off on ``on`` costs under its policy; records nothing."""
    with db.read_session() as s:
        rec = get_record(s, plan_id)
        check_open(rec, on, as_of)
        return quote_on(rec, on)


def pay_off(
    db: Database, plan_id: int, on: date, as_of: date, method: str = "", note: str = ""
) -> tuple[Change, PayoffQuote]:
    """Pay the plan off: apply the policy to the unpaid installments, record one payment of
    the quoted amount, and close the plan."""
    method, note = clean_text(method, "method"), clean_text(note, "note")
    with db.session() as s:
        s.info[WRITE_DATE] = as_of
        rec = get_record(s, plan_id)
        check_open(rec, on, as_of)
        quote = quote_on(rec, on)
        if quote.amount == 0:
            raise ServiceError("nothing is owed on plan {id}", id=plan_id)
        items = apply_payoff(installments_of(rec), payments_of(rec), rules_of(rec), quote)
        replace_schedule(s, rec, items)
        rec.payoff_charge = quote.charge
        row = PaymentRecord(
            plan_id=plan_id,
            date=on,
            amount=quote.amount,
            method=method,
            note=note,
            voided=False,
            kind="payoff",
            created_at=_now(),
        )
        rec.payments.append(row)
        s.flush()
        update_closed(rec, as_of)
        if rec.closed_on is None:  # pragma: no cover - apply_payoff guarantees settlement
            raise ServiceError("the payoff did not settle the plan; nothing was recorded")
        return Change("plan_paid_off", frozenset({plan_id}), frozenset({row.id}), row.id), quote


def payment_records(
    s: Session,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Iterator[Any]:
    """Each payment (its columns, with ``plan_name`` and ``currency``) by date then id, of one
    plan (which must exist) or all; one SQL query, streamed from its cursor while
    the session is open, no plan objects loaded (``sql_reads.payment_rows``)."""
    if plan_id is not None:
        get_record(s, plan_id)
    con = s.connection().connection.driver_connection
    assert con is not None
    # the same plain-SQL read as the start-up path (storage.quick_open), in this snapshot
    return sql_reads.payment_rows(con, plan_id, date_from, date_to)


def history(
    db: Database,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[PaymentRow]:
    """Payments, oldest first, optionally of one plan and within a date range."""
    with db.read_session() as s:
        return [payment_row(r) for r in payment_records(s, plan_id, date_from, date_to)]


def history_rows(
    db: Database,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Iterator[Row[Any]]:
    """``history`` streamed, for output of any size: each payment as a named row with the
    fields of ``PaymentRow`` in its order (id, plan_id, plan_name, currency, date, amount,
    method, note, voided, kind, bill_payment_id; ``payment_row`` turns one into it), read in
    batches while the iteration lasts; nothing is read (and no error raised) until the first
    ``next``."""
    with db.read_session() as s:
        yield from payment_records(s, plan_id, date_from, date_to)


def payment_rows_select() -> Select[Any]:
    """Every payment's history columns with its plan's name and currency (``payment_row``)."""
    P = PaymentRecord
    return select(
        P.id,
        P.plan_id,
        PlanRecord.name.label("plan_name"),
        PlanRecord.currency,
        P.date,
        P.amount,
        P.method,
        P.note,
        P.voided,
        P.kind,
        P.bill_payment_id,
        P.prepay,
    ).join(PlanRecord, PlanRecord.id == P.plan_id)


payment_row = sql_reads.payment_row


def due(db: Database, as_of: date, within: int = 7) -> list[InstallmentRow]:
    """Unpaid installments overdue, in grace, or due within ``within`` days, oldest first."""
    if within < 0:
        raise ServiceError("the window must be zero or more days")
    with db.read_session() as s:
        # the same plain-SQL read as the start-up path (storage.quick_open), in this snapshot
        con = s.connection().connection.driver_connection
        assert con is not None
        return due_rows(con, as_of, within)
