"""Recording a partial prepayment of a loan (部分提前还款), and putting its schedule back.

``record_prepayment`` quotes the prepayment exactly as ``debt_plan.prepay_quote`` does, then, in
the same transaction, stores it as a payment of kind ``prepayment`` and regenerates the plan's
remaining schedule from its date by the lender's choice (keep the term / keep the payment):
the periods already paid stay as they were, the prepayment becomes a period of its own that
the payment settles (``tracker.domain.prepay.prepaid_schedule``), the new installments follow.

The payment's ``prepay`` column keeps the choice and the rows the prepayment replaced, so
voiding it (``restore_replaced``, called by ``payments.void_payment``) puts the schedule back
exactly as it was; undo restores the whole plan snapshot (``services.undo``).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.errors import UserError
from tracker.domain.ledger import LedgerState, evaluate
from tracker.domain.money import Amount
from tracker.domain.plan import Installment
from tracker.domain.prepay import (
    Keep,
    PrepayQuote,
    prepaid_schedule,
    quote_both,
    quote_prepayment,
)
from tracker.storage.engine import Database
from tracker.storage.models import PaymentRecord, PlanRecord

from .convert import installments_of, payments_of, rules_of, terms_of
from .entry import check_open, clean_text
from .model import Change, ServiceError
from .plans import get_record, replace_schedule, update_closed

__all__ = [
    "live_prepayments",
    "prepay_state",
    "rebuild_after",
    "record_prepayment",
    "restore_replaced",
]


def prepay_state(
    rec: PlanRecord, amount: int, on: date
) -> tuple[int, tuple[Installment, ...], tuple[PrepayQuote, PrepayQuote]]:
    """(paid periods, stored schedule, both quotes) of prepaying ``amount`` of ``rec`` on
    ``on``; the periods settled by ``on`` are the paid ones. Refuses a plan paid off, a
    period partly paid, or a penalty still owed (the prepayment would go to it first)."""
    if rec.closed_on is not None:
        raise ServiceError(
            "plan {id} ({name}) is paid off; nothing is owed", id=rec.id, name=rec.name
        )
    schedule = installments_of(rec)
    state: LedgerState = evaluate(schedule, payments_of(rec), rules_of(rec), on)
    paid = 0
    for st in state.installments:
        if st.remaining:
            break
        paid += 1
    partly = [st for st in state.installments[paid:] if st.paid_principal + st.paid_fee]
    if partly:
        raise ServiceError(
            "period {period} is partly paid; settle it before a prepayment",
            period=partly[0].period,
        )
    if state.penalty_due:
        raise ServiceError(
            "plan {id} owes a penalty of {amount}; pay it before a prepayment",
            id=rec.id,
            amount=Amount(state.penalty_due, rec.currency),
        )
    try:
        return paid, schedule, quote_both(terms_of(rec), paid, amount, on, schedule)
    except UserError as e:
        raise ServiceError.from_error(e) from None


def live_prepayments(rec: PlanRecord) -> list[PaymentRecord]:
    """The plan's prepayments not voided, oldest first."""
    return [p for p in rec.payments if p.kind == "prepayment" and not p.voided]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def record_prepayment(
    db: Database,
    plan_id: int,
    amount: int,
    on: date,
    keep: Keep | str,
    as_of: date,
    method: str = "",
    note: str = "",
) -> tuple[Change, PrepayQuote]:
    """Record prepaying ``amount`` of loan ``plan_id``'s principal on ``on``, keeping the term
    or the payment: one payment of kind ``prepayment`` and the schedule regenerated from that
    date, in one transaction. Returns the change and the quote that was recorded."""
    keep = Keep(keep)
    method, note = clean_text(method, "method"), clean_text(note, "note")
    with db.session() as s:
        rec = get_record(s, plan_id)
        check_open(rec, on, as_of)
        later = [p.date for p in rec.payments if not p.voided and p.date > on]
        if later:
            raise ServiceError(
                "a payment dated {date} is already recorded; "
                "record the prepayment on or after that date",
                date=max(later),
            )
        paid, schedule, (term, payment) = prepay_state(rec, amount, on)
        quote = term if keep is Keep.TERM else payment
        replaced = [[i.period, i.due_date.isoformat(), i.principal, i.fee] for i in schedule[paid:]]
        detail = {"keep": keep.value, "paid_periods": paid, "replaced": replaced}
        replace_schedule(s, rec, prepaid_schedule(schedule, paid, quote))
        row = PaymentRecord(
            plan_id=plan_id,
            date=on,
            amount=amount,
            method=method,
            note=note,
            voided=False,
            kind="prepayment",
            prepay=json.dumps(detail, separators=(",", ":")),
            created_at=_now(),
        )
        rec.payments.append(row)
        s.flush()
        update_closed(rec, as_of)
        return Change("prepayment_recorded", frozenset({plan_id}), frozenset({row.id}), row.id), (
            quote
        )


def restore_replaced(s: Session, rec: PlanRecord, row: PaymentRecord) -> None:
    """Put back the schedule prepayment ``row`` replaced (it is being voided): its paid
    periods as they are now, then the rows it replaced, exactly. Refused while a later
    prepayment or a payoff of the plan is live (void that first)."""
    later = [p for p in live_prepayments(rec) if (p.date, p.id) > (row.date, row.id)]
    if later:
        raise ServiceError(
            "prepayment {later} was recorded after this one; void it first", later=later[-1].id
        )
    payoff = [p for p in rec.payments if p.kind == "payoff" and not p.voided]
    if payoff:
        raise ServiceError(
            "the plan was paid off after this prepayment (payment {payoff}); void that first",
            payoff=payoff[0].id,
        )
    replace_schedule(s, rec, _before(rec, row)[1])


def _before(rec: PlanRecord, row: PaymentRecord) -> tuple[dict[str, Any], tuple[Installment, ...]]:
    """The prepayment's stored detail and the schedule it replaced (its paid periods as they
    are now, then the rows it replaced)."""
    detail: dict[str, Any] = json.loads(row.prepay)
    kept = installments_of(rec)[: int(detail["paid_periods"])]
    back = tuple(
        Installment(int(p), date.fromisoformat(d), int(pr), int(fee))
        for p, d, pr, fee in detail["replaced"]
    )
    return detail, (*kept, *back)


def rebuild_after(rec: PlanRecord, row: PaymentRecord) -> tuple[Installment, ...]:
    """The schedule as prepayment ``row`` (the plan's latest live one) left it: what voiding a
    later payoff puts back (the terms alone no longer give it)."""
    detail, before = _before(rec, row)
    paid = int(detail["paid_periods"])
    try:
        quote = quote_prepayment(terms_of(rec), paid, row.amount, row.date, detail["keep"], before)
    except UserError as e:  # pragma: no cover - it was quoted so when recorded
        raise ServiceError.from_error(e) from None
    return prepaid_schedule(before, paid, quote)
