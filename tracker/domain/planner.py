"""A plan to be debt-free: where a monthly budget for extra repayment goes, and what it saves.

Strategies (as personal-finance books name them):

- ``avalanche``: the highest true APR first (the cheapest overall);
- ``snowball``: the smallest balance first (the quickest wins).

Month by month, from the month of ``as_of`` (anything already overdue is paid in that first
month): the budget, plus every installment a plan the
planner already closed would have asked for that month (the "snowball" of freed payments), goes
to the first plan of the order that is still open; then every open plan's installments due that
month are paid as scheduled.

- A loan (annuity or equal principal) takes a partial prepayment of its principal at once, and
  keeps its payment (the term shortens): interest is charged on the lowered balance from then
  on (the simplification of ``prepay.py``).
- A consumer plan can only be paid off whole (提前结清): the extra money is saved up until it
  covers the payoff under the plan's policy, then the plan is closed.
- Paying early only saves what the plan's policy waives. An interest-free plan, and a plan whose
  policy charges every remaining fee anyway (``charge_all_fees``), save nothing by paying early:
  they go last, are never recommended for early payoff, and say why.

What it saves is the difference between what every plan asks for without the extra payments and
what it asks for with them; the debt-free date is the last payment's date. Nothing here reads
the clock: ``as_of`` is an argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from .dates import add_months
from .errors import Phrase, UserError
from .money import round_half_up
from .payoff import PayoffPolicy
from .plan import Installment

__all__ = [
    "Debt",
    "MonthRow",
    "PlanStep",
    "PlannerResult",
    "Strategy",
    "plan_payoff",
]

MAX_MONTHS = 12 * 40
"""The planner looks 40 years ahead at most (a 30-year mortgage with room to spare)."""


class Strategy(StrEnum):
    """Which plan the extra money goes to first."""

    AVALANCHE = "avalanche"
    SNOWBALL = "snowball"


@dataclass(frozen=True, slots=True)
class Debt:
    """One open plan as the planner sees it.

    Attributes:
        plan_id, name: which plan.
        apr: its true annualised rate (IRR method), a fraction.
        installments: what is still to pay of each unsettled installment (principal and fee
            left), in due-date order.
        policy: its early-payoff policy; ``penalty_pct`` for ``penalty_pct``.
        loan_rate: for a loan (annuity or equal principal), the annual interest rate: the plan
            then takes partial prepayments and its interest follows the balance. None for a
            consumer plan.
        loan_part: for a loan, what stays the same each period after a prepayment: the
            payment (annuity) or the principal part (equal principal, ``part_is_principal``).
    """

    plan_id: int
    name: str
    apr: Decimal
    installments: tuple[Installment, ...]
    policy: PayoffPolicy = PayoffPolicy.CHARGE_ALL_FEES
    penalty_pct: Decimal = Decimal(0)
    loan_rate: Decimal | None = None
    loan_part: int = 0
    part_is_principal: bool = False

    @property
    def balance(self) -> int:
        """Principal still to repay."""
        return sum(i.principal for i in self.installments)

    @property
    def saves_by_paying_early(self) -> bool:
        """Whether an early payoff can save anything at all."""
        if self.loan_rate is not None:
            return self.loan_rate > 0
        if self.policy is PayoffPolicy.CHARGE_ALL_FEES:
            return False
        return any(i.fee for i in self.installments)


@dataclass(frozen=True, slots=True)
class PlanStep:
    """A plan's place in the order.

    Attributes:
        debt: the plan.
        recommended: whether extra money goes to it.
        reason: why not, when it is not.
        closes_on: when it is repaid under the plan (None: beyond the horizon).
        baseline_closes_on: when it would be repaid without extra payments.
    """

    debt: Debt
    recommended: bool
    reason: Phrase | None
    closes_on: date | None
    baseline_closes_on: date | None


@dataclass(frozen=True, slots=True)
class MonthRow:
    """One month of the plan: what was paid (scheduled + extra) and what is left after it."""

    month: date
    scheduled: int
    extra: int
    balance: int


@dataclass(frozen=True, slots=True)
class PlannerResult:
    """The plan to be debt-free.

    Attributes:
        strategy: avalanche or snowball.
        budget: the monthly extra budget, minor units.
        steps: the plans in the order the extra money goes to them (the others last).
        debt_free: the date of the last payment with the extra budget.
        baseline_debt_free: ... and without it.
        saved: fees and interest the extra payments save, minor units.
        months: the month-by-month table (for the chart and the CSV).
        baseline_months: the same without the extra budget.
    """

    strategy: Strategy
    budget: int
    steps: tuple[PlanStep, ...]
    debt_free: date | None
    baseline_debt_free: date | None
    saved: int
    months: tuple[MonthRow, ...] = field(default=())
    baseline_months: tuple[MonthRow, ...] = field(default=())

    @property
    def months_sooner(self) -> int:
        """How many months earlier the last payment comes."""
        if self.debt_free is None or self.baseline_debt_free is None:
            return 0
        a, b = self.debt_free, self.baseline_debt_free
        return (b.year - a.year) * 12 + b.month - a.month


# --- simulation -------------------------------------------------------------------------------


def _month_key(d: date) -> tuple[int, int]:
    return (d.year, d.month)


@dataclass(slots=True)
class _Row:
    due: date
    principal: int
    fee: int


class _Open:
    """A plan being simulated: what it still asks for, and what was paid on it."""

    def __init__(self, debt: Debt) -> None:
        self.debt = debt
        self.left = [_Row(i.due_date, i.principal, i.fee) for i in debt.installments]
        self.balance = debt.balance
        self.paid = 0
        self.closed_on: date | None = None
        self.freed: list[tuple[date, int]] = []

    @property
    def is_loan(self) -> bool:
        return self.debt.loan_rate is not None

    def interest(self) -> int:
        rate = self.debt.loan_rate or Decimal(0)
        with localcontext() as ctx:
            ctx.prec = 50
            return round_half_up(self.balance * rate / 12)

    def scheduled_in(self, key: tuple[int, int], catch_up: bool) -> list[int]:
        """Indexes of the installments due in month ``key`` (and before it, ``catch_up``)."""
        return [
            k
            for k, row in enumerate(self.left)
            if _month_key(row.due) == key or (catch_up and _month_key(row.due) < key)
        ]

    def pay_month(self, key: tuple[int, int], catch_up: bool = False) -> int:
        """Pay this month's installments as scheduled (with ``catch_up``, anything overdue from
        earlier months too); return what was paid."""
        paid = 0
        for k in sorted(self.scheduled_in(key, catch_up), reverse=True):
            row = self.left[k]
            due, principal, fee = row.due, row.principal, row.fee
            if self.is_loan:
                fee = self.interest()
                last = len(self.left) == 1
                if self.debt.part_is_principal:
                    principal = self.balance if last else min(self.debt.loan_part, self.balance)
                else:
                    principal = (
                        self.balance if last else min(self.debt.loan_part - fee, self.balance)
                    )
            paid += principal + fee
            self.balance -= principal
            del self.left[k]
            if self.balance == 0 and self.is_loan:
                self.left.clear()
            if not self.left:
                self.closed_on = due
        self.paid += paid
        return paid

    def payoff_amount(self) -> int:
        """What closes the plan now (a consumer plan: its policy's payoff)."""
        fees = 0
        if self.debt.policy is PayoffPolicy.CHARGE_ALL_FEES:
            fees = sum(row.fee for row in self.left)
        charge = 0
        if self.debt.policy is PayoffPolicy.PENALTY_PCT:
            charge = round_half_up(Decimal(self.balance) * self.debt.penalty_pct)
        return self.balance + fees + charge

    def close(self, on: date, amount: int) -> None:
        """Pay the plan off on ``on``; its later installments are freed for the others."""
        for row in self.left:
            self.freed.append((row.due, row.principal + row.fee))
        self.left.clear()
        self.paid += amount
        self.balance = 0
        self.closed_on = on

    def prepay(self, amount: int) -> None:
        """A loan's partial prepayment of principal."""
        self.balance -= amount
        self.paid += amount


def _order(debts: Sequence[Debt], strategy: Strategy) -> list[Debt]:
    if strategy is Strategy.AVALANCHE:
        return sorted(debts, key=lambda d: (-d.apr, d.balance, d.plan_id))
    return sorted(debts, key=lambda d: (d.balance, -d.apr, d.plan_id))


def _why_not(debt: Debt) -> Phrase | None:
    if debt.saves_by_paying_early:
        return None
    if debt.apr == 0 and debt.loan_rate in (None, Decimal(0)):
        return Phrase("interest-free: paying it early saves nothing")
    return Phrase(
        "its fees are charged in full even when paid off early, so paying early saves nothing"
    )


def _simulate(
    debts: Sequence[Debt], targets: Sequence[Debt], budget: int, as_of: date
) -> tuple[list[_Open], list[MonthRow]]:
    plans = [_Open(d) for d in debts]
    by_id = {p.debt.plan_id: p for p in plans}
    queue = [by_id[d.plan_id] for d in targets]
    pot = 0
    rows: list[MonthRow] = []
    start = date(as_of.year, as_of.month, 1)
    for t in range(MAX_MONTHS):
        month = add_months(start, t)
        key = _month_key(month)
        if all(not p.left for p in plans):
            break
        on = as_of if t == 0 else month
        pot += budget
        pot += sum(a for p in plans for due, a in p.freed if _month_key(due) == key)
        extra = 0
        while pot > 0 and queue:
            target = queue[0]
            if not target.left:
                queue.pop(0)
                continue
            if target.is_loan:
                amount = min(pot, target.balance)
                if amount == target.balance:
                    target.close(on, amount)
                    queue.pop(0)
                    pot += sum(a for due, a in target.freed if _month_key(due) == key)
                else:
                    target.prepay(amount)
                pot -= amount
                extra += amount
                continue
            cost = target.payoff_amount()
            if cost > pot:
                break
            target.close(on, cost)
            queue.pop(0)
            pot -= cost
            extra += cost
            # its installments of this month were money set aside for this month: freed now
            pot += sum(a for due, a in target.freed if _month_key(due) == key)
        scheduled = sum(p.pay_month(key, catch_up=t == 0) for p in plans if p.left)
        balance = sum(p.balance for p in plans)
        rows.append(MonthRow(month, scheduled, extra, balance))
    return plans, rows


def plan_payoff(
    debts: Sequence[Debt], budget: int, strategy: Strategy | str, as_of: date
) -> PlannerResult:
    """Plan where ``budget`` a month (minor units) goes, by ``strategy``, from ``as_of``."""
    strategy = Strategy(strategy)
    if budget < 0:
        raise UserError("The monthly budget cannot be negative.")
    ids = [d.plan_id for d in debts]
    if len(set(ids)) != len(ids):
        raise UserError("A plan is listed twice.")
    ordered = _order(debts, strategy)
    targets = [d for d in ordered if d.saves_by_paying_early]
    last = [d for d in ordered if not d.saves_by_paying_early]
    plans, rows = _simulate(debts, targets, budget, as_of)
    base, base_rows = _simulate(debts, [], 0, as_of)
    base_by_id = {p.debt.plan_id: p for p in base}
    by_id = {p.debt.plan_id: p for p in plans}
    steps = tuple(
        PlanStep(
            d,
            recommended=d in targets and budget > 0,
            reason=_why_not(d),
            closes_on=by_id[d.plan_id].closed_on,
            baseline_closes_on=base_by_id[d.plan_id].closed_on,
        )
        for d in (*targets, *last)
    )
    saved = sum(p.paid for p in base) - sum(p.paid for p in plans)
    return PlannerResult(
        strategy=strategy,
        budget=budget,
        steps=steps,
        debt_free=_last(plans),
        baseline_debt_free=_last(base),
        saved=saved,
        months=tuple(rows),
        baseline_months=tuple(base_rows),
    )


def _last(plans: Sequence[_Open]) -> date | None:
    if any(p.left for p in plans):
        return None
    dates = [p.closed_on for p in plans if p.closed_on is not None]
    return max(dates, default=None)
