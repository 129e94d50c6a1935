"""Early payoff (提前结清): the quote under a plan's policy, and the schedule it leaves behind.

Policies (domain-rules.md):

- ``charge_all_fees``: remaining principal + every remaining fee (小米分期, most cards).
- ``waive_future_fees``: remaining principal + the unpaid fees of installments already due.
- ``penalty_pct``: as ``waive_future_fees`` plus X% of the remaining principal.

Any penalty already charged for overdue installments is always due as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .ledger import LedgerRules, Payment, evaluate
from .money import round_half_up
from .plan import Installment, Model

__all__ = [
    "PayoffPolicy",
    "PayoffQuote",
    "apply_payoff",
    "default_payoff_policy",
    "quote_payoff",
]


class PayoffPolicy(StrEnum):
    """What paying a plan off early costs."""

    CHARGE_ALL_FEES = "charge_all_fees"
    WAIVE_FUTURE_FEES = "waive_future_fees"
    PENALTY_PCT = "penalty_pct"


def default_payoff_policy(model: Model | str) -> PayoffPolicy:
    """The policy a new plan gets unless the user picks one, the same in the GUI, the CLI
    and imports: loans waive future interest (no bank charges it on a payoff); consumer
    installments charge every remaining fee."""
    return PayoffPolicy.WAIVE_FUTURE_FEES if Model(model).is_loan else PayoffPolicy.CHARGE_ALL_FEES


@dataclass(frozen=True, slots=True)
class PayoffQuote:
    """What it takes to close a plan on ``date``.

    Attributes:
        date: the payoff date.
        principal: remaining principal.
        fees: the remaining fees charged under the policy.
        penalty: overdue penalty owed plus the policy's payoff charge.
        charge: the payoff charge alone (X% of the remaining principal; 0 for other policies).
        waived: the fees the policy waives.
    """

    date: date
    principal: int
    fees: int
    penalty: int
    charge: int
    waived: int

    @property
    def amount(self) -> int:
        """The one payment that closes the plan."""
        return self.principal + self.fees + self.penalty


def quote_payoff(
    installments: Sequence[Installment],
    payments: Iterable[Payment],
    rules: LedgerRules,
    policy: PayoffPolicy,
    on: date,
    penalty_pct: Decimal = Decimal(0),
) -> PayoffQuote:
    """Quote paying the whole plan off on ``on`` under ``policy`` (``penalty_pct`` a fraction)."""
    state = evaluate(installments, payments, rules, on)
    principal = state.remaining_principal
    fees = waived = 0
    for s in state.installments:
        if policy is PayoffPolicy.CHARGE_ALL_FEES or s.due_date <= on:
            fees += s.remaining_fee
        else:
            waived += s.remaining_fee
    charge = 0
    if policy is PayoffPolicy.PENALTY_PCT:
        charge = round_half_up(Decimal(principal) * penalty_pct)
    return PayoffQuote(on, principal, fees, state.penalty_due + charge, charge, waived)


def apply_payoff(
    installments: Sequence[Installment],
    payments: Iterable[Payment],
    rules: LedgerRules,
    quote: PayoffQuote,
) -> tuple[Installment, ...]:
    """The schedule after a payoff: waived fees removed, the payoff charge added as a fee.

    A payment of ``quote.amount`` on ``quote.date`` then settles every installment exactly.
    The charge is a one-off amount due on the payoff date: it goes on the first unpaid
    installment not yet due, or, when every installment is already due, on an extra
    zero-principal installment due on the payoff date, so it never accrues penalty and
    never changes how earlier payments were allocated.
    """
    state = evaluate(installments, payments, rules, quote.date)
    result: list[Installment] = []
    charge_left = quote.charge
    for s in state.installments:
        inst = s.installment
        fee = inst.fee
        not_due = inst.due_date > quote.date
        if s.amount_due > 0 and not_due and quote.waived:
            fee = s.paid_fee  # the part of the fee not yet paid is waived
        if charge_left and s.amount_due > 0 and not_due:
            fee += charge_left
            charge_left = 0
        result.append(Installment(inst.period, inst.due_date, inst.principal, fee))
    if charge_left:
        period = max((i.period for i in result), default=0) + 1
        result.append(Installment(period, quote.date, 0, charge_left))
    return tuple(result)
