"""A plan on an account falls due on its account's statements: the due date of the k-th
statement after its purchase (posting) date, month-end clamped (``domain.accounts``).

``follow_account`` puts those dates back on a plan's unpaid periods after its terms or its
account's statement day or due rule changed; periods already paid keep the dates they were
paid against. It applies to a plan that follows its account: one with a purchase date whose
first due date is the account's (a plan given another first due date keeps its own monthly
dates, as when it was added), not a pay-in-N plan (due from the purchase, not on a bill), and
not one with a recorded prepayment (its periods no longer count statements one by one).
"""

from __future__ import annotations

from datetime import date

from tracker.domain.accounts import AccountTerms
from tracker.domain.ledger import Status, evaluate
from tracker.domain.workdays import shift_dates
from tracker.storage.models import PlanRecord

from .convert import installments_of, payments_of, rules_of
from .workdays import calendar_for

__all__ = ["follow_account", "follows"]


def follows(rec: PlanRecord, terms: AccountTerms, first_due: date | None = None) -> bool:
    """Whether ``rec`` takes its due dates from an account of ``terms``: a purchase date, not
    pay-in-N, no live prepayment, and its first due date (``first_due``, default the stored
    one) is the due date of the first statement after the purchase."""
    if rec.purchase_date is None or rec.model == "pay_in_n":
        return False
    if any(p.kind == "prepayment" and not p.voided for p in rec.payments):
        return False
    wanted = first_due if first_due is not None else rec.first_due
    return terms.plan_due_dates(rec.purchase_date, 1)[0] == wanted


def follow_account(rec: PlanRecord, terms: AccountTerms, as_of: date) -> bool:
    """Give the unpaid periods of ``rec`` the due dates of ``terms``' statements (moved off
    non-working days by the plan's calendar) and make its first due date the account's;
    paid periods keep theirs. Returns whether a date changed. The caller decides whether the
    plan follows its account (``follows``)."""
    assert rec.purchase_date is not None
    rows = sorted(rec.installments, key=lambda i: i.period)
    dates = terms.plan_due_dates(rec.purchase_date, len(rows))
    shifted = shift_dates(dates, calendar_for(rec.holidays))
    payments = payments_of(rec)
    last = max((p.date for p in payments if not p.voided), default=as_of)
    state = evaluate(installments_of(rec), payments, rules_of(rec), max(as_of, last))
    paid = {st.period for st in state.installments if st.status is Status.PAID}
    changed = False
    for row, due in zip(rows, shifted, strict=True):
        if row.period not in paid and row.due_date != due:
            row.due_date = due
            changed = True
    if rec.first_due != dates[0]:
        rec.first_due = dates[0]
        changed = True
    return changed
