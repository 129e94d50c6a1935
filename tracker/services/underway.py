"""Plans already under way: storing the periods settled before tracking as 'prior' payments.

A plan added part-way through gets one payment of kind ``prior`` per period already paid,
dated on that period's due date for its full total (``domain.underway``), in the same
transaction as the plan. Editing the plan can change how many: missing ones are added, the
newest ones beyond the new count are deleted. Deleted, not voided: a prior payment is
bookkeeping the tracker made from one number the user typed, not money the user recorded, and
a voided row per change of mind would only clutter the history ("voided payments are kept" is
about payments the user entered). The edit is undoable like every edit (a snapshot of the plan).
A prior payment the user voids by hand stays voided and is not re-created.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from tracker.domain.ledger import LedgerRules, Payment, PaymentError, check_payment
from tracker.domain.money import AmountError
from tracker.domain.plan import Installment
from tracker.domain.underway import check_paid_periods, default_paid_periods, prior_payments
from tracker.storage.models import PaymentRecord, PlanRecord

from .convert import installments_of, payments_of, rules_of
from .model import ServiceError

__all__ = ["PRIOR", "live_prior", "resolve", "sync_prior"]

PRIOR = "prior"


def live_prior(rec: PlanRecord) -> list[PaymentRecord]:
    """The plan's prior payments that are not voided, oldest first."""
    rows = [p for p in rec.payments if p.kind == PRIOR and not p.voided]
    return sorted(rows, key=lambda p: (p.date, p.id or 0))


def resolve(rec: PlanRecord, paid: int | None, as_of: date | None) -> int:
    """The number of periods to settle before tracking: ``paid``, or by default every period
    due before ``as_of`` (none without a date); ServiceError when it cannot be."""
    installments = installments_of(rec)
    if as_of is None:
        if paid:
            raise ServiceError("periods can be paid before tracking only as of a date")
        return 0
    if paid is None:
        return default_paid_periods(installments, as_of)
    try:
        return check_paid_periods(installments, paid, as_of)
    except AmountError as exc:
        raise ServiceError.from_error(exc) from None


def check_prior(
    installments: Sequence[Installment],
    existing: list[Payment],
    rules: LedgerRules,
    new: Payment,
    currency: str,
    paid: int,
) -> None:
    """Check one payment of the periods paid before tracking against the ledger so far and
    add it to ``existing``; a refusal names how many periods were asked for."""
    try:
        check_payment(installments, existing, rules, new, currency)
    except PaymentError as exc:
        raise ServiceError(
            "{count} periods cannot be marked paid before tracking: {reason}",
            count=paid,
            reason=exc,
        ) from None
    existing.append(new)


def sync_prior(session: Session, rec: PlanRecord, paid: int, as_of: date) -> frozenset[int]:
    """Make the first ``paid`` periods of ``rec`` settled by one prior payment each (added or
    deleted as needed); return the ids of the payments added or deleted."""
    installments = installments_of(rec)
    paid = resolve(rec, paid, as_of)
    wanted = {p.date: p.amount for p in prior_payments(installments, paid)}
    touched: set[int] = set()
    kept: set[date] = set()
    for row in reversed(live_prior(rec)):  # newest first
        if row.date in wanted and row.date not in kept and row.amount == wanted[row.date]:
            kept.add(row.date)
            continue
        touched.add(row.id)
        rec.payments.remove(row)
        session.delete(row)
    session.flush()
    existing = payments_of(rec)
    rules = rules_of(rec)
    for on, amount in sorted(wanted.items()):
        if on in kept:
            continue
        check_prior(installments, existing, rules, Payment(on, amount), rec.currency, paid)
        row = PaymentRecord(
            plan_id=rec.id,
            date=on,
            amount=amount,
            method="",
            note="",
            voided=False,
            kind=PRIOR,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        rec.payments.append(row)
        session.flush()
        touched.add(row.id)
    return frozenset(touched)
