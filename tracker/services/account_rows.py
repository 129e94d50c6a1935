"""Rows of accounts for the screens: which plan is on which account, and bills instead of
single installments (the setting "Show bills instead of single installments for accounts").

``bill_rows`` folds the installments of plans on an account into one row per account bill:
the installments a statement carries (due after the previous statement's due date, up to
and including its own, as ``services.accounts.bill`` gathers them) become one
``InstallmentRow`` dated the bill's due date, whose ``plan_id`` is ``-account_id`` (a bill,
never a plan: plan ids are positive) and whose name is the account's. Installments of plans
on no account pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from tracker.domain.accounts import AccountTerms
from tracker.domain.dates import add_months
from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow
from tracker.storage.engine import Database
from tracker.storage.models import AccountRecord, PlanRecord

from .convert import account_terms

__all__ = [
    "PlanAccount",
    "account_of_row",
    "bill_due_date",
    "bill_rows",
    "next_payment",
    "plan_accounts",
]

_URGENCY = (
    Status.OVERDUE,
    Status.GRACE,
    Status.DUE_TODAY,
    Status.DUE_SOON,
    Status.PARTIAL,
    Status.UPCOMING,
    Status.PAID,
)


@dataclass(frozen=True, slots=True)
class PlanAccount:
    """The account a plan is on: its id, name and rules."""

    account_id: int
    name: str
    terms: AccountTerms


def plan_accounts(db: Database) -> dict[int, PlanAccount]:
    """Every plan on an account, by plan id (one read)."""
    with db.read_session() as s:
        rows = s.execute(
            select(PlanRecord.id, AccountRecord).join(
                AccountRecord, AccountRecord.id == PlanRecord.account_id
            )
        ).all()
        accounts: dict[int, PlanAccount] = {}
        out: dict[int, PlanAccount] = {}
        for plan_id, rec in rows:
            if rec.id not in accounts:
                accounts[rec.id] = PlanAccount(rec.id, rec.name, account_terms(rec))
            out[plan_id] = accounts[rec.id]
        return out


def bill_due_date(terms: AccountTerms, due: date) -> date:
    """The due date of the bill that carries an installment due on ``due``: the first
    statement whose due date is on or after it."""
    statement = terms.statement_for_month(add_months(date(due.year, due.month, 1), -3))
    while terms.due_date(statement) < due:
        statement = terms.next_statement(statement)
    return terms.due_date(statement)


def account_of_row(row: InstallmentRow) -> int | None:
    """The account id of a bill row made by ``bill_rows`` (None for an installment)."""
    return -row.plan_id if row.plan_id < 0 else None


def bill_rows(
    items: Iterable[InstallmentRow], accounts: Mapping[int, PlanAccount]
) -> list[InstallmentRow]:
    """``items`` with the installments of plans on an account folded into one row per bill
    (sums of principal, fee, paid and penalty; the most urgent status; the most days late),
    by due date then name."""
    out: list[InstallmentRow] = []
    groups: dict[tuple[int, date, str], list[InstallmentRow]] = {}
    names: dict[int, str] = {}
    for item in items:
        account = accounts.get(item.plan_id)
        if account is None:
            out.append(item)
            continue
        due = bill_due_date(account.terms, item.due_date)
        groups.setdefault((account.account_id, due, item.currency), []).append(item)
        names[account.account_id] = account.name
    for (account_id, due, cur), rows in groups.items():
        unpaid = [r for r in rows if r.status is not Status.PAID] or rows
        status = min((r.status for r in unpaid), key=_URGENCY.index)
        out.append(
            InstallmentRow(
                plan_id=-account_id,
                plan_name=names[account_id],
                currency=cur,
                period=0,
                periods=len(rows),
                due_date=due,
                principal=sum(r.principal for r in rows),
                fee=sum(r.fee for r in rows),
                paid=sum(r.paid for r in rows),
                penalty_paid=sum(r.penalty_paid for r in rows),
                penalty=sum(r.penalty for r in rows),
                status=status,
                days_overdue=max(r.days_overdue for r in rows),
            )
        )
    out.sort(key=lambda r: (r.due_date, r.plan_name.casefold(), r.plan_id, r.period))
    return out


def next_payment(
    items: Iterable[InstallmentRow], accounts: Mapping[int, PlanAccount], as_of: date
) -> tuple[InstallmentRow, int] | None:
    """The Overview's "Next payment" with bills instead of installments: the first of
    ``items`` still owed and due on or after ``as_of``, an account's installments folded into
    its bill (``bill_rows``: the account's name, the bill's due date and total), and how many
    other rows fall on the same day; None when nothing is ahead."""
    ahead = [i for i in items if i.amount_due > 0 and i.due_date >= as_of]
    rows = bill_rows(ahead, accounts)
    if not rows:
        return None
    first = rows[0]  # by due date, then name
    return first, sum(1 for r in rows if r.due_date == first.due_date) - 1
