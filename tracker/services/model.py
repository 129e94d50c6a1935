"""Service-level records: what views and the CLI receive, and what an action reports changed.

These are plain frozen dataclasses with no database attached, so a widget or a command can
keep them after the transaction that produced them has ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tracker.domain.apr import CostOfCredit
from tracker.domain.errors import UserError
from tracker.domain.ledger import InstallmentState, LedgerState
from tracker.domain.payoff import PayoffPolicy, default_payoff_policy
from tracker.domain.plan import PlanTerms
from tracker.domain.rows import InstallmentRow, PaymentRow
from tracker.domain.workdays import MovedDate

from .summary import PlanStatus, PlanSummary

__all__ = [
    "Change",
    "InstallmentRow",
    "PaymentRow",
    "PlanDetail",
    "PlanInput",
    "PlanStatus",
    "PlanSummary",
    "ServiceError",
]


class ServiceError(UserError):
    """A user action that cannot be done; the message says why. Nothing was written."""


@dataclass(frozen=True, slots=True)
class PlanInput:
    """Everything a user enters for a plan: its terms plus how it is tracked.

    Attributes:
        name: what the user calls it ("Xiaomi 14", "花呗 - 冰箱"); required.
        terms: the financial terms (model, principal, periods, rate, …).
        platform: the lender or platform (小米分期, 花呗, a bank …).
        purchase_date: when it was bought, if known.
        notes: free text, searchable.
        grace_days: 容时, days after the due date still counted on time.
        tolerance: 容差, an unpaid remainder up to this is not overdue (minor units).
        penalty_daily_rate: fraction per day overdue (0 = no penalty).
        payoff_policy: how an early payoff is charged; left out (None), the model's default
            (``default_payoff_policy``: loans waive future interest, others charge all fees),
            resolved on construction so it is never None afterwards.
        payoff_penalty_pct: for ``penalty_pct``, the fraction of remaining principal charged.
        holidays: the country (ISO 3166 alpha-2, ``CN``) whose non-working days the due dates
            move off, to the next working day; None: they stay where the terms put them.
        account_id: the card or platform whose monthly bill carries the plan (None: none).
            When the first due date is the account's (the first statement after the purchase
            date), every due date follows the account's statements.
    """

    name: str
    terms: PlanTerms
    platform: str = ""
    purchase_date: date | None = None
    notes: str = ""
    grace_days: int = 0
    tolerance: int = 0
    penalty_daily_rate: Decimal = Decimal(0)
    payoff_policy: PayoffPolicy | None = None
    payoff_penalty_pct: Decimal = Decimal(0)
    holidays: str | None = None
    account_id: int | None = None

    def __post_init__(self) -> None:
        if self.payoff_policy is None:
            policy = default_payoff_policy(self.terms.model)
        else:
            policy = PayoffPolicy(self.payoff_policy)
        object.__setattr__(self, "payoff_policy", policy)


@dataclass(frozen=True, slots=True)
class Change:
    """What one action changed, so a view refreshes only that.

    Attributes:
        action: a short verb ("plan_added", "payment_recorded", …).
        plan_ids: plans whose rows, schedules or totals changed.
        payment_ids: payments added, voided or removed.
        created_id: the id of what the action created, if anything.
    """

    action: str
    plan_ids: frozenset[int] = field(default=frozenset())
    payment_ids: frozenset[int] = field(default=frozenset())
    created_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlanDetail:
    """A plan with its terms, cost and the status of every installment, as of a date.

    ``prior_periods`` are the periods settled by payments made before the plan was tracked
    (kind ``prior``, not voided); ``prior_count`` is how many such payments there are.
    ``moved`` are the due dates moved off non-working days (with the terms' date);
    ``uncovered_years`` the years of its due dates that the plan's working-day calendar does
    not know (only weekends were skipped there).
    ``payments`` is the plan's payment history (voided ones too) by date; ``payment_periods``
    the periods each live payment went to (by payment id, from the replay's allocations);
    ``payoff_periods`` the periods an early payoff settled.
    """

    id: int
    input: PlanInput
    archived: bool
    closed_on: date | None
    payoff_charge: int
    state: LedgerState
    cost: CostOfCredit
    total_fee: int
    status: PlanStatus
    prior_periods: frozenset[int] = field(default=frozenset())
    prior_count: int = 0
    moved: tuple[MovedDate, ...] = ()
    uncovered_years: tuple[int, ...] = ()
    payments: tuple[PaymentRow, ...] = ()
    payment_periods: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False)
    payoff_periods: frozenset[int] = field(default=frozenset())

    @property
    def installments(self) -> tuple[InstallmentState, ...]:
        """Every installment's state."""
        return self.state.installments
