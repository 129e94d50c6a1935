"""Bills (账单): one statement of an account, its minimum payment, and what paying less costs.

domain-rules.md, "Accounts and bills", with its worked examples:

- **Minimum payment** (CMB/BOC): ``min_percent`` × ordinary spending + 100% of this statement's
  installments + 100% of fees and interest + the unpaid part of the previous minimum.
  3,000.00 spending + a 321.60 installment → 300.00 + 321.60 = 621.60.
- **Paying only part** (:func:`quote_part_payment`): bank cards (全额计息) charge the daily rate
  on every purchase of the statement from its posting date until it is repaid:
  3,000 posted 2026-03-11, due 2026-04-25, 621.60 paid on the due date (300.00 of it repays
  spending), the other 2,700 on 2026-05-25 → 3,000 × 0.05% × 45 + 2,700 × 0.05% × 30 =
  67.50 + 40.50 = 108.00. 花呗 charges only what is unpaid, from the day after the due date:
  1,000 billed, 100 paid, 900 × 0.05% × 30 = 13.50.
- **Late fee** (违约金, CMB): 5% of the unpaid part of the minimum, at least ¥10:
  621.60 unpaid → 31.08.

Every interest line is rounded half-up to the fen on its own and the total is their sum, so
what is shown always adds up. Dates are arguments: nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .accounts import AccountTerms, InterestRule
from .errors import UserError
from .money import Amount, round_half_up

__all__ = [
    "Bill",
    "BillLine",
    "InterestLine",
    "PartPaymentQuote",
    "Purchase",
    "late_fee",
    "minimum_payment",
    "quote_part_payment",
]


@dataclass(frozen=True, slots=True)
class BillLine:
    """One installment a statement carries.

    Attributes:
        plan_id: the plan's id (0 when it has none yet).
        plan_name: its name, as shown.
        period: which period (1-based) of ``periods``.
        periods: the plan's number of periods.
        amount: what the installment asks for (principal + fee), in minor units.
        fee: the fee or interest part of it.
    """

    plan_id: int
    plan_name: str
    period: int
    periods: int
    amount: int
    fee: int = 0


@dataclass(frozen=True, slots=True)
class Purchase:
    """Ordinary spending on a statement (what the tracker does not track item by item)."""

    posted_on: date
    amount: int


@dataclass(frozen=True, slots=True)
class Bill:
    """A statement of an account.

    Attributes:
        statement_date: the statement (账单日) date.
        due_date: when it must be paid.
        lines: the installments it carries.
        purchases: the ordinary spending typed from the statement (one or more amounts with
            their posting dates); their sum is ``spending``.
        fees_interest: fees, interest and late fees the lender put on this statement.
        previous_minimum_unpaid: the part of the previous statement's minimum not paid.
    """

    statement_date: date
    due_date: date
    lines: tuple[BillLine, ...] = ()
    purchases: tuple[Purchase, ...] = ()
    fees_interest: int = 0
    previous_minimum_unpaid: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "purchases", tuple(self.purchases))
        if self.due_date < self.statement_date:
            raise UserError("A bill cannot be due before its statement date.")
        for p in self.purchases:
            if p.amount < 0:
                raise UserError("Spending on a statement cannot be negative.")
            if p.posted_on > self.statement_date:
                raise UserError(
                    "Spending posted on {posted} is after the statement date {statement}.",
                    posted=p.posted_on,
                    statement=self.statement_date,
                )
        if self.fees_interest < 0 or self.previous_minimum_unpaid < 0:
            raise UserError("Fees and an unpaid minimum cannot be negative.")

    @property
    def installments(self) -> int:
        """The installments this statement carries, in minor units."""
        return sum(line.amount for line in self.lines)

    @property
    def spending(self) -> int:
        """Ordinary spending on this statement."""
        return sum(p.amount for p in self.purchases)

    @property
    def total(self) -> int:
        """Everything this statement asks for (the full repayment, 全额还款)."""
        return self.installments + self.spending + self.fees_interest + self.previous_minimum_unpaid

    def minimum(self, min_percent: Decimal) -> int:
        """The minimum payment under the CMB/BOC rule (see :func:`minimum_payment`)."""
        return minimum_payment(
            spending=self.spending,
            installments=self.installments,
            fees_interest=self.fees_interest,
            previous_minimum_unpaid=self.previous_minimum_unpaid,
            min_percent=min_percent,
        )


def minimum_payment(
    *,
    spending: int,
    installments: int,
    fees_interest: int = 0,
    previous_minimum_unpaid: int = 0,
    min_percent: Decimal = Decimal("0.10"),
) -> int:
    """``min_percent`` × spending (half-up) + installments + fees and interest + the unpaid
    part of the previous minimum. 3,000.00 + a 321.60 installment at 10% → 621.60."""
    return (
        round_half_up(Decimal(spending) * min_percent)
        + installments
        + fees_interest
        + previous_minimum_unpaid
    )


def late_fee(unpaid_minimum: int, terms: AccountTerms) -> int:
    """The late fee (违约金) for a minimum left ``unpaid_minimum`` short after the due date (and
    the account's tolerance): ``late_fee_percent`` of it, at least ``late_fee_min``, at most
    ``late_fee_max``; 0 when the account charges none. CMB on 621.60 → 31.08."""
    if unpaid_minimum <= terms.tolerance or terms.late_fee_percent == 0:
        return 0
    fee = max(round_half_up(Decimal(unpaid_minimum) * terms.late_fee_percent), terms.late_fee_min)
    return fee if terms.late_fee_max is None else min(fee, terms.late_fee_max)


@dataclass(frozen=True, slots=True)
class InterestLine:
    """One term of the interest: ``basis`` × daily rate × ``days`` from ``start`` to ``end``."""

    basis: int
    start: date
    end: date
    days: int
    interest: int


@dataclass(frozen=True, slots=True)
class PartPaymentQuote:
    """What paying ``paid`` on ``paid_on`` and the rest on ``rest_on`` costs.

    Attributes:
        paid: the part paid on ``paid_on`` (e.g. the minimum).
        rest: what was left, paid on ``rest_on``.
        lines: the interest terms; ``interest`` is their sum.
        interest: the interest charged in all.
        late_fee: the late fee, if the part paid by the due date (+ grace) was short of the
            minimum.
        minimum: the statement's minimum payment.
    """

    paid: int
    paid_on: date
    rest: int
    rest_on: date
    lines: tuple[InterestLine, ...]
    interest: int
    late_fee: int
    minimum: int

    @property
    def cost(self) -> int:
        """Interest plus late fee."""
        return self.interest + self.late_fee


def _line(basis: int, start: date, end: date, rate: Decimal) -> InterestLine | None:
    days = (end - start).days
    if basis <= 0 or days <= 0:
        return None
    return InterestLine(basis, start, end, days, round_half_up(Decimal(basis) * rate * days))


def quote_part_payment(
    bill: Bill,
    terms: AccountTerms,
    *,
    paid: int | None = None,
    paid_on: date | None = None,
    rest_on: date,
) -> PartPaymentQuote:
    """Quote paying ``paid`` (default: the minimum) on ``paid_on`` (default: the due date) and
    the rest of the statement on ``rest_on``.

    A statement repaid in full by its due date costs nothing. Otherwise:

    - ``full_statement``: each purchase accrues from its posting date until ``paid_on``; what
      is still unpaid of the spending then accrues until ``rest_on``. The payment goes to
      fees, the previous minimum and the installments first, then to spending.
    - ``unpaid_only``: whatever is unpaid after the due date accrues from the day after it:
      the whole statement until ``paid_on`` when that is late, then the rest until
      ``rest_on``.

    A late fee is added when what was paid by the due date plus the account's grace days is
    short of the minimum.
    """
    minimum = bill.minimum(terms.min_percent)
    paid = minimum if paid is None else paid
    paid_on = bill.due_date if paid_on is None else paid_on
    if paid < 0 or paid > bill.total:
        raise UserError(
            "A part payment must be between 0 and the statement's total {total}.",
            total=_amount(bill.total, terms),
        )
    if rest_on < paid_on:
        raise UserError("The rest cannot be paid before the first part.")
    if paid_on < bill.statement_date:
        raise UserError("A bill cannot be paid before its statement date.")
    rest = bill.total - paid
    grace_end = date.fromordinal(bill.due_date.toordinal() + terms.grace_days)
    paid_in_time = paid if paid_on <= grace_end else 0
    if paid_in_time >= bill.total:
        lines: list[InterestLine | None] = []
    elif terms.interest_rule is InterestRule.FULL_STATEMENT:
        non_spending = bill.total - bill.spending
        spending_repaid = min(max(paid - non_spending, 0), bill.spending)
        lines = [_line(p.amount, p.posted_on, paid_on, terms.daily_rate) for p in bill.purchases]
        lines.append(_line(bill.spending - spending_repaid, paid_on, rest_on, terms.daily_rate))
    else:
        lines = [
            _line(bill.total, bill.due_date, paid_on, terms.daily_rate),
            _line(rest, max(paid_on, bill.due_date), rest_on, terms.daily_rate),
        ]
    kept = tuple(line for line in lines if line is not None)
    fee = late_fee(max(minimum - paid_in_time, 0), terms)
    return PartPaymentQuote(
        paid=paid,
        paid_on=paid_on,
        rest=rest,
        rest_on=rest_on,
        lines=kept,
        interest=sum(line.interest for line in kept),
        late_fee=fee,
        minimum=minimum,
    )


def _amount(minor: int, terms: AccountTerms) -> Amount:
    return Amount(minor, terms.currency)
