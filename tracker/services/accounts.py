"""Accounts (卡 / 平台) and their monthly bills (账单): one transaction per action.

- ``add_account`` / ``edit_account`` / ``delete_account`` / ``list_accounts`` / ``get_account``.
- ``account_due_dates``: a plan on an account falls due on the due dates of the statements
  after its purchase (posting) date (``tracker.domain.accounts``).
- ``bill``: one statement of an account: the installments it carries (every installment of
  the account's plans due after the previous statement's due date, up to and including this
  one's), the spending typed from the statement, the total, the minimum, and the lender's
  figure reconciled with the plans.
- ``set_statement``: store what the user typed from a statement (spending, fees, the lender's
  total). ``pay_bill``: one payment per plan the bill covers, oldest due first, in one
  transaction. ``quote_minimum``: what paying only the minimum costs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.accounts import AccountTerms
from tracker.domain.bills import Bill, BillLine, PartPaymentQuote, Purchase, quote_part_payment
from tracker.domain.errors import UserError
from tracker.domain.reconcile import Reconciliation, reconcile
from tracker.storage.engine import Database
from tracker.storage.models import (
    AccountRecord,
    BillPaymentRecord,
    BillStatementRecord,
    InstallmentRecord,
    PaymentRecord,
    PlanRecord,
)

from .bill_payments import bill_note
from .convert import account_terms, terms_of
from .entry import check_open, clean_text
from .model import Change, ServiceError
from .plans import MAX_NAME, update_closed

__all__ = [
    "AccountView",
    "BillView",
    "account_due_dates",
    "account_terms",
    "add_account",
    "bill",
    "delete_account",
    "edit_account",
    "get_account",
    "list_accounts",
    "pay_bill",
    "quote_minimum",
    "resolve_account",
    "set_statement",
]


@dataclass(frozen=True, slots=True)
class AccountView:
    """An account as the screens and the CLI show it."""

    id: int
    name: str
    terms: AccountTerms
    notes: str
    plans: int
    open_plans: int


@dataclass(frozen=True, slots=True)
class BillView:
    """One statement of an account.

    Attributes:
        account: the account.
        bill: the domain bill (lines, spending, fees, previous minimum).
        minimum: its minimum payment.
        remaining: what is still owed of its installments (payments recorded so far).
        lender_amount: the lender's total typed from the statement, if any.
        reconciliation: that figure against the plans' installments (None without one).
    """

    account: AccountView
    bill: Bill
    minimum: int
    remaining: int
    lender_amount: int | None
    reconciliation: Reconciliation | None

    @property
    def paid(self) -> bool:
        """Whether every installment on it is settled."""
        return self.remaining == 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write(rec: AccountRecord, name: str, terms: AccountTerms, notes: str) -> None:
    rec.name = name
    rec.kind = terms.kind.value
    rec.statement_day = terms.statement_day
    rec.due_rule = terms.due_rule.kind.value
    rec.due_value = terms.due_rule.value
    rec.currency = terms.currency
    rec.min_percent = terms.min_percent
    rec.daily_rate = terms.daily_rate
    rec.interest_rule = terms.interest_rule.value
    rec.late_fee_percent = terms.late_fee_percent
    rec.late_fee_min = terms.late_fee_min
    rec.late_fee_max = terms.late_fee_max
    rec.credit_limit = terms.credit_limit
    rec.grace_days = terms.grace_days
    rec.tolerance = terms.tolerance
    rec.notes = notes


def _clean_name(s: Session, name: str, keep: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise ServiceError("an account needs a name")
    if len(name) > MAX_NAME:
        raise ServiceError("the name is longer than {most} characters", most=MAX_NAME)
    clash = s.execute(select(AccountRecord.id).where(AccountRecord.name == name)).scalar()
    if clash is not None and clash != keep:
        raise ServiceError("there is already an account named {name}", name=name)
    return name


def _get(s: Session, account_id: int) -> AccountRecord:
    rec = s.get(AccountRecord, account_id) if 1 <= account_id <= 2**63 - 1 else None
    if rec is None:
        raise ServiceError("there is no account with id {id}", id=account_id)
    return rec


def resolve_account(db: Database, ref: str) -> int:
    """An account's id from its id or its exact name (what the CLI's ACCOUNT is)."""
    with db.read_session() as s:
        if ref.strip().isdigit():
            return _get(s, int(ref.strip())).id
        found = s.execute(
            select(AccountRecord.id).where(AccountRecord.name == ref.strip())
        ).scalar()
        if found is None:
            raise ServiceError("there is no account named {name}", name=ref)
        return int(found)


def add_account(db: Database, name: str, terms: AccountTerms, notes: str = "") -> Change:
    """Store a new account."""
    notes = clean_text(notes, "note")
    with db.session() as s:
        rec = AccountRecord(created_at=_now(), updated_at=_now(), archived=False)
        _write(rec, _clean_name(s, name), terms, notes)
        s.add(rec)
        s.flush()
        return Change("account_added", created_id=rec.id)


def edit_account(
    db: Database,
    account_id: int,
    name: str,
    terms: AccountTerms,
    notes: str = "",
    as_of: date | None = None,
) -> Change:
    """Change an account's name or rules. A new statement day or due rule moves the unpaid
    periods of every open plan that follows the account (``account_dates``) onto the new
    statements' due dates; paid periods keep theirs. ``as_of``: today (default: the date of
    the change, from the clock; the ledger needs it only to tell what is paid)."""
    from .account_dates import follow_account, follows

    notes = clean_text(notes, "note")
    when = as_of or datetime.now(UTC).date()
    with db.session() as s:
        rec = _get(s, account_id)
        old = account_terms(rec)
        _write(rec, _clean_name(s, name, keep=account_id), terms, notes)
        plans = list(s.scalars(select(PlanRecord).where(PlanRecord.account_id == account_id)))
        if (old.statement_day, old.due_rule) != (terms.statement_day, terms.due_rule):
            for plan in plans:
                if plan.closed_on is None and follows(plan, old):
                    follow_account(plan, terms, when)
                    update_closed(plan, when)
        return Change("account_edited", frozenset(p.id for p in plans))


def delete_account(db: Database, account_id: int) -> Change:
    """Delete an account that no plan belongs to (its typed statements go with it)."""
    with db.session() as s:
        rec = _get(s, account_id)
        count = s.execute(
            select(func.count()).where(PlanRecord.account_id == account_id)
        ).scalar_one()
        if count:
            raise ServiceError(
                "{count} plan(s) belong to account {name}; move or delete them first",
                count=count,
                name=rec.name,
            )
        s.execute(
            BillStatementRecord.__table__.delete().where(  # type: ignore[attr-defined]
                BillStatementRecord.account_id == account_id
            )
        )
        s.delete(rec)
        return Change("account_deleted")


def _view(s: Session, rec: AccountRecord) -> AccountView:
    plans = s.execute(select(func.count()).where(PlanRecord.account_id == rec.id)).scalar_one()
    open_count = s.execute(
        select(func.count()).where(PlanRecord.account_id == rec.id, PlanRecord.closed_on.is_(None))
    ).scalar_one()
    return AccountView(rec.id, rec.name, account_terms(rec), rec.notes, plans, open_count)


def list_accounts(db: Database) -> list[AccountView]:
    """Every account, by name."""
    with db.read_session() as s:
        recs = s.execute(select(AccountRecord).order_by(AccountRecord.name)).scalars()
        return [_view(s, r) for r in recs]


def get_account(db: Database, account_id: int) -> AccountView:
    """One account."""
    with db.read_session() as s:
        return _view(s, _get(s, account_id))


def account_due_dates(
    db: Database, account_id: int, posted_on: date, periods: int
) -> tuple[AccountTerms, list[date]]:
    """The due dates of a plan of ``periods`` installments posted on ``posted_on``."""
    with db.read_session() as s:
        terms = account_terms(_get(s, account_id))
    return terms, terms.plan_due_dates(posted_on, periods)


# --- bills -------------------------------------------------------------------------------


def _statement_for(terms: AccountTerms, statement: date | None, as_of: date) -> date:
    """The statement named by its month (``--statement YYYY-MM``), or the bill to pay now: the
    first statement whose due date is on or after ``as_of``."""
    if statement is not None:
        return terms.statement_for_month(statement)
    current = terms.statement_for_month(as_of)
    previous = terms.previous_statement(current)
    for candidate in (previous, current):
        if terms.due_date(candidate) >= as_of:
            return candidate
    return terms.next_statement(current)


def _lines(
    s: Session, account_id: int, start: date, end: date
) -> tuple[list[tuple[BillLine, int, InstallmentRecord]], dict[int, PlanRecord]]:
    rows = s.execute(
        select(InstallmentRecord, PlanRecord)
        .join(PlanRecord, PlanRecord.id == InstallmentRecord.plan_id)
        .where(
            PlanRecord.account_id == account_id,
            InstallmentRecord.due_date > start,
            InstallmentRecord.due_date <= end,
        )
        .order_by(InstallmentRecord.due_date, PlanRecord.id, InstallmentRecord.period)
    ).all()
    counts = dict(
        s.execute(
            select(InstallmentRecord.plan_id, func.count())
            .where(InstallmentRecord.plan_id.in_({p.id for _, p in rows}))
            .group_by(InstallmentRecord.plan_id)
        ).all()
    )
    out = []
    for inst, plan in rows:
        line = BillLine(
            plan.id, plan.name, inst.period, counts[plan.id], inst.principal + inst.fee, inst.fee
        )
        left = inst.principal + inst.fee - inst.paid_principal - inst.paid_fee
        out.append((line, left, inst))
    return out, {p.id: p for _, p in rows}


def bill(db: Database, account_id: int, statement: date | None, as_of: date) -> BillView:
    """One statement of an account (default: the bill to pay now)."""
    with db.read_session() as s:
        rec = _get(s, account_id)
        view = _view(s, rec)
        terms = view.terms
        stmt = _statement_for(terms, statement, as_of)
        due = terms.due_date(stmt)
        start = terms.due_date(terms.previous_statement(stmt))
        lines, plans = _lines(s, account_id, start, due)
        typed = s.execute(
            select(BillStatementRecord).where(
                BillStatementRecord.account_id == account_id,
                BillStatementRecord.statement_date == stmt,
            )
        ).scalar()
        purchases: tuple[Purchase, ...] = ()
        fees = prev = 0
        lender = None
        if typed is not None:
            if typed.spending:
                posted = typed.posted_on or terms.cycle_start(stmt)
                purchases = (Purchase(posted, typed.spending),)
            fees, prev, lender = (
                typed.fees_interest,
                typed.previous_minimum_unpaid,
                typed.lender_amount,
            )
        try:
            the_bill = Bill(stmt, due, tuple(x[0] for x in lines), purchases, fees, prev)
        except UserError as e:
            raise ServiceError.from_error(e) from None
        rec_result = None
        if lender is not None:
            rec_result = reconcile(
                lender - the_bill.spending - fees - prev,
                [(line, terms_of(plans[line.plan_id])) for line, _, _ in lines],
            )
        return BillView(
            view,
            the_bill,
            the_bill.minimum(terms.min_percent),
            sum(left for _, left, _ in lines),
            lender,
            rec_result,
        )


def set_statement(
    db: Database,
    account_id: int,
    statement: date,
    *,
    spending: int | None = None,
    posted_on: date | None = None,
    fees_interest: int | None = None,
    previous_minimum_unpaid: int | None = None,
    lender_amount: int | None = None,
) -> Change:
    """Store what the user typed from the statement of ``statement``'s month (only the values
    given change)."""
    with db.session() as s:
        terms = account_terms(_get(s, account_id))
        stmt = terms.statement_for_month(statement)
        if posted_on is not None and not terms.cycle_start(stmt) <= posted_on <= stmt:
            raise ServiceError(
                "spending on the statement of {statement} is posted from {start} to {statement}",
                statement=stmt,
                start=terms.cycle_start(stmt),
            )
        rec = s.execute(
            select(BillStatementRecord).where(
                BillStatementRecord.account_id == account_id,
                BillStatementRecord.statement_date == stmt,
            )
        ).scalar()
        if rec is None:
            rec = BillStatementRecord(
                account_id=account_id,
                statement_date=stmt,
                spending=0,
                fees_interest=0,
                previous_minimum_unpaid=0,
                created_at=_now(),
                updated_at=_now(),
            )
            s.add(rec)
        for name, value in (
            ("spending", spending),
            ("posted_on", posted_on),
            ("fees_interest", fees_interest),
            ("previous_minimum_unpaid", previous_minimum_unpaid),
            ("lender_amount", lender_amount),
        ):
            if value is not None:
                setattr(rec, name, value)
        return Change("statement_saved")


def pay_bill(
    db: Database,
    account_id: int,
    statement: date | None,
    amount: int,
    on: date,
    as_of: date,
    method: str = "",
) -> tuple[Change, int]:
    """Pay ``amount`` towards a bill: one payment per plan it covers, its installments oldest
    due first, and one bill payment grouping them (``bill_payments``; the change's
    ``created_id``), in one transaction. Returns the change and the part of ``amount`` left for
    the statement's ordinary spending (which the tracker does not track)."""
    method = clean_text(method, "method")
    if amount <= 0:
        raise ServiceError("a payment must be a positive amount")
    view = bill(db, account_id, statement, as_of)
    stmt = view.bill.statement_date
    note = bill_note(stmt, view.account.name)
    with db.session() as s:
        start = view.account.terms.due_date(view.account.terms.previous_statement(stmt))
        lines, plans = _lines(s, account_id, start, view.bill.due_date)
        left = amount
        per_plan: dict[int, int] = {}
        for _line, owed, inst in lines:
            if left == 0:
                break
            part = min(owed, left)
            if part > 0:
                per_plan[inst.plan_id] = per_plan.get(inst.plan_id, 0) + part
                left -= part
        if not per_plan:
            raise ServiceError("nothing is owed on the installments of this bill")
        for plan_id in per_plan:
            check_open(plans[plan_id], on, as_of)
        group = BillPaymentRecord(
            account_id=account_id,
            statement_date=stmt,
            date=on,
            amount=amount,
            spending=left,
            method=method,
            note=note,
            voided=False,
            created_at=_now(),
        )
        s.add(group)
        s.flush()
        created: list[int] = []
        for plan_id, part in per_plan.items():
            plan = plans[plan_id]
            row = PaymentRecord(
                plan_id=plan_id,
                date=on,
                amount=part,
                method=method,
                note=note,
                voided=False,
                kind="payment",
                bill_payment_id=group.id,
                created_at=_now(),
            )
            plan.payments.append(row)
            s.flush()
            created.append(row.id)
            update_closed(plan, as_of)
        return (
            Change("bill_paid", frozenset(per_plan), frozenset(created), group.id),
            left,
        )


def quote_minimum(
    db: Database,
    account_id: int,
    statement: date | None,
    paid_on: date | None,
    rest_on: date,
    as_of: date,
    paid: int | None = None,
) -> tuple[BillView, PartPaymentQuote]:
    """What paying only the minimum (or ``paid``) on ``paid_on`` and the rest on ``rest_on``
    costs, under the account's interest rule and late fee."""
    view = bill(db, account_id, statement, as_of)
    try:
        quote = quote_part_payment(
            view.bill, view.account.terms, paid=paid, paid_on=paid_on, rest_on=rest_on
        )
    except UserError as e:
        raise ServiceError.from_error(e) from None
    return view, quote


def replace_terms(terms: AccountTerms, **changes: object) -> AccountTerms:
    """``terms`` with ``changes`` (validated again)."""
    try:
        return replace(terms, **changes)  # type: ignore[arg-type]
    except UserError as e:
        raise ServiceError.from_error(e) from None
