"""Partial prepayment of a loan (部分提前还款): both of the lender's choices, quoted side by side.

A prepayment repays part of an annuity (等额本息) or equal-principal (等额本金) loan's principal
between two due dates. The lender then either

- keeps the term and lowers the payment (减少月供, ``Keep.TERM``): the rest of the principal is
  spread over the same remaining periods (annuity: a new payment A' for them, the last period
  absorbing the rounding; equal principal: round(B/m) per period, the last takes the rest); or
- keeps the payment and shortens the term (缩短期限, ``Keep.PAYMENT``): the same payment (annuity)
  or the same principal part (equal principal) until the balance is repaid, the last period
  paying what is left.

Worked example (domain-rules.md): 100,000.00 at 3.6% over 120 months (A = 993.55); after 12
payments the balance is 91,538.69 and the remaining interest 15,764.76. Prepay 20,000.00:
减少月供 → 108 × 776.47 (the last 776.77), remaining interest 12,320.37; 缩短期限 → 82 months at
993.55, remaining interest 9,178.62.

The prepayment takes effect for the period after the last one paid: interest of the next
period is charged on the lowered balance for the whole period (the banks' quotes do the same
when the prepayment is made on a due date). The new installments keep the plan's original due
dates and period numbers; the periods already paid are history and are not touched.

Recorded (``prepaid_schedule``), the prepayment becomes a period of the plan's schedule of its
own, due on its date, principal only, which the prepayment payment settles; the new
installments follow it, numbered after it. The ledger then needs no special case: payments
still settle the oldest period first, and the schedule still sums to the financed principal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from .errors import UserError
from .money import Amount, round_half_up
from .plan import Installment, Model, PlanTerms
from .schedule import build_schedule, split_rounded

__all__ = ["Keep", "PrepayQuote", "prepaid_schedule", "quote_both", "quote_prepayment"]

_PREC = 50


class Keep(StrEnum):
    """What a partial prepayment keeps: the term (lower payment) or the payment (shorter term)."""

    TERM = "term"
    PAYMENT = "payment"


@dataclass(frozen=True, slots=True)
class PrepayQuote:
    """The schedule a prepayment leaves.

    Attributes:
        keep: which choice this is.
        amount: the principal prepaid.
        on: the prepayment date.
        balance_before: the principal outstanding before it.
        installments: the new remaining installments (original period numbers and dates).
        interest_before: the interest the remaining periods would have cost without it.
    """

    keep: Keep
    amount: int
    on: date
    balance_before: int
    installments: tuple[Installment, ...]
    interest_before: int

    @property
    def balance_after(self) -> int:
        """The principal left after the prepayment."""
        return self.balance_before - self.amount

    @property
    def payment(self) -> int:
        """The new regular payment (the first new installment)."""
        return self.installments[0].total

    @property
    def periods(self) -> int:
        """How many installments are left."""
        return len(self.installments)

    @property
    def remaining_interest(self) -> int:
        """The interest of the new remaining installments."""
        return sum(i.fee for i in self.installments)

    @property
    def saved(self) -> int:
        """Interest the prepayment saves."""
        return self.interest_before - self.remaining_interest

    @property
    def last_due(self) -> date:
        """When the loan is repaid under this choice."""
        return self.installments[-1].due_date


def _interest(balance: int, rate: Decimal) -> int:
    with localcontext() as ctx:
        ctx.prec = _PREC
        return round_half_up(balance * rate / 12)


def _annuity_payment(balance: int, periods: int, rate: Decimal) -> int:
    with localcontext() as ctx:
        ctx.prec = _PREC
        i = rate / 12
        if i == 0:
            return round_half_up(Decimal(balance) / periods)
        growth = (1 + i) ** periods
        return round_half_up(Decimal(balance) * i * growth / (growth - 1))


def _by_payment(balance: int, payment: int, rate: Decimal, most: int) -> list[tuple[int, int]]:
    """(principal, interest) per period paying ``payment`` until ``balance`` is repaid."""
    rows: list[tuple[int, int]] = []
    while balance > 0:
        interest = _interest(balance, rate)
        part = balance if len(rows) + 1 == most else min(payment - interest, balance)
        if part <= 0:  # the payment no longer covers the interest: cannot happen after a cut
            raise UserError("The payment does not cover the interest; keep the term instead.")
        rows.append((part, interest))
        balance -= part
    return rows


def _by_parts(parts: list[int], balance: int, rate: Decimal) -> list[tuple[int, int]]:
    rows: list[tuple[int, int]] = []
    for part in parts:
        rows.append((part, _interest(balance, rate)))
        balance -= part
    return rows


def quote_prepayment(
    terms: PlanTerms,
    paid_periods: int,
    amount: int,
    on: date,
    keep: Keep | str,
    schedule: Sequence[Installment] | None = None,
) -> PrepayQuote:
    """Quote prepaying ``amount`` of principal on ``on`` after ``paid_periods`` periods were
    paid, keeping the term or the payment.

    Refused, with a message saying what is accepted: a plan that is not an annuity or
    equal-principal loan; an amount that is not positive or that repays everything (that is
    a payoff); a date before the last paid period's due date, or on or after the due date of
    a period not yet paid (pay what is due first).

    ``schedule`` is the plan's stored schedule (default: built from ``terms``); its first
    ``paid_periods`` installments are the ones paid.
    """
    keep = Keep(keep)
    if terms.model not in (Model.ANNUITY, Model.EQUAL_PRINCIPAL):
        raise UserError(
            "Only loans (annuity or equal principal) take a partial prepayment; "
            "pay a consumer installment plan off instead."
        )
    schedule = tuple(schedule) if schedule is not None else build_schedule(terms).installments
    if not 0 <= paid_periods < len(schedule):
        raise UserError(
            "Paid periods must be 0 to {most} for a partial prepayment.",
            most=len(schedule) - 1,
        )
    rest = schedule[paid_periods:]
    balance = sum(i.principal for i in rest)
    if amount <= 0:
        raise UserError("A prepayment must be a positive amount.")
    if amount >= balance:
        raise UserError(
            "{amount} repays the whole balance {balance}; pay the plan off instead.",
            amount=Amount(amount, terms.currency),
            balance=Amount(balance, terms.currency),
        )
    if paid_periods and on < schedule[paid_periods - 1].due_date:
        raise UserError(
            "The prepayment date is before period {period}'s due date {due}, already paid.",
            period=paid_periods,
            due=schedule[paid_periods - 1].due_date,
        )
    if on >= rest[0].due_date:
        raise UserError(
            "Period {period} is due on {due}, before the prepayment: record it first.",
            period=rest[0].period,
            due=rest[0].due_date,
        )
    left = balance - amount
    m = len(rest)
    if terms.model is Model.ANNUITY:
        if keep is Keep.TERM:
            rows = _by_payment(left, _annuity_payment(left, m, terms.rate), terms.rate, m)
        else:
            rows = _by_payment(left, rest[0].total, terms.rate, m)
    elif keep is Keep.TERM:
        rows = _by_parts(split_rounded(left, m), left, terms.rate)
    else:
        part = schedule[0].principal
        count = min(-(-left // part), m)
        parts = [part] * (count - 1) + [left - part * (count - 1)]
        rows = _by_parts(parts, left, terms.rate)
    new = tuple(
        Installment(old.period, old.due_date, principal, interest)
        for old, (principal, interest) in zip(rest, rows, strict=False)
    )
    return PrepayQuote(
        keep=keep,
        amount=amount,
        on=on,
        balance_before=balance,
        installments=new,
        interest_before=sum(i.fee for i in rest),
    )


def quote_both(
    terms: PlanTerms,
    paid_periods: int,
    amount: int,
    on: date,
    schedule: Sequence[Installment] | None = None,
) -> tuple[PrepayQuote, PrepayQuote]:
    """Both choices, side by side: (keep the term, keep the payment)."""
    return (
        quote_prepayment(terms, paid_periods, amount, on, Keep.TERM, schedule),
        quote_prepayment(terms, paid_periods, amount, on, Keep.PAYMENT, schedule),
    )


def prepaid_schedule(
    schedule: Sequence[Installment], paid_periods: int, quote: PrepayQuote
) -> tuple[Installment, ...]:
    """A plan's whole schedule once ``quote`` is recorded: the ``paid_periods`` periods as
    they were, then the prepayment as a period of its own (due on its date, its principal,
    no interest), then the quote's new installments numbered after it (dates kept).

    Σ principal stays the plan's principal: what the prepayment repays moves from the
    regenerated periods into its own."""
    kept = tuple(schedule[:paid_periods])
    number = paid_periods + 1 if not kept else kept[-1].period + 1
    prepaid = Installment(number, quote.on, quote.amount, 0)
    rest = tuple(
        Installment(number + k, i.due_date, i.principal, i.fee)
        for k, i in enumerate(quote.installments, start=1)
    )
    return (*kept, prepaid, *rest)
