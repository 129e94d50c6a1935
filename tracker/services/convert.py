"""Conversions between stored records and domain objects, and the plan-level computations
(status, detail) that every query shares."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from tracker.domain.accounts import AccountKind, AccountTerms, DueRule, InterestRule
from tracker.domain.apr import cost_of_credit
from tracker.domain.ledger import (
    LedgerRules,
    LedgerState,
    Payment,
    evaluate,
)
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Installment, PlanTerms, Schedule
from tracker.storage.derived import rules_from, terms_from
from tracker.storage.models import AccountRecord, InstallmentRecord, PaymentRecord, PlanRecord

from .model import PaymentRow, PlanDetail, PlanInput, PlanStatus
from .summary import status_of
from .workdays import workday_notes

DEFAULT_REMINDER_DAYS = 7


def terms_of(rec: PlanRecord) -> PlanTerms:
    """The plan's terms as stored."""
    return terms_from(rec)


def input_of(rec: PlanRecord) -> PlanInput:
    """Everything the user entered for the plan."""
    return PlanInput(
        name=rec.name,
        terms=terms_of(rec),
        platform=rec.platform,
        purchase_date=rec.purchase_date,
        notes=rec.notes,
        grace_days=rec.grace_days,
        tolerance=rec.tolerance,
        penalty_daily_rate=Decimal(rec.penalty_daily_rate),
        payoff_policy=PayoffPolicy(rec.payoff_policy),
        payoff_penalty_pct=Decimal(rec.payoff_penalty_pct),
        holidays=rec.holidays,
        account_id=rec.account_id,
    )


def write_input(rec: PlanRecord, data: PlanInput) -> None:
    """Copy a validated PlanInput onto a record."""
    t = data.terms
    rec.name = data.name
    rec.platform = data.platform
    rec.purchase_date = data.purchase_date
    rec.notes = data.notes
    rec.currency = t.currency
    rec.model = t.model.value
    rec.principal = t.principal
    rec.periods = t.periods
    rec.rate = t.rate
    rec.fee_mode = t.fee_mode.value
    rec.fee_rounding = t.fee_rounding.value
    rec.remainder = t.effective_remainder.value
    rec.first_due = t.first_due
    rec.down_payment = t.down_payment
    rec.upfront_fee = t.upfront_fee
    rec.custom_amounts = json.dumps(list(t.custom_amounts)) if t.custom_amounts else ""
    rec.grace_days = data.grace_days
    rec.tolerance = data.tolerance
    rec.penalty_daily_rate = data.penalty_daily_rate
    rec.payoff_policy = data.payoff_policy.value
    rec.payoff_penalty_pct = data.payoff_penalty_pct
    rec.holidays = data.holidays
    rec.account_id = data.account_id


def rules_of(rec: PlanRecord, reminder_days: int = DEFAULT_REMINDER_DAYS) -> LedgerRules:
    """The plan's overdue rules."""
    return rules_from(rec, reminder_days)


def installments_of(rec: PlanRecord) -> tuple[Installment, ...]:
    """The stored schedule (as generated, never recomputed from today's rules)."""
    return tuple(
        Installment(i.period, i.due_date, i.principal, i.fee)
        for i in sorted(rec.installments, key=lambda i: i.period)
    )


def installment_records(plan_id: int, items: tuple[Installment, ...]) -> list[InstallmentRecord]:
    """New records for a schedule."""
    return [
        InstallmentRecord(
            plan_id=plan_id, period=i.period, due_date=i.due_date, principal=i.principal, fee=i.fee
        )
        for i in items
    ]


def payment_of(rec: PaymentRecord) -> Payment:
    """A stored payment as the domain sees it."""
    return Payment(rec.date, rec.amount, rec.id, rec.method, rec.note, bool(rec.voided))


def payments_of(rec: PlanRecord) -> list[Payment]:
    """Every payment of a plan, voided ones included (the domain ignores them)."""
    return [payment_of(p) for p in rec.payments]


def state_of(
    rec: PlanRecord, as_of: date, reminder_days: int = DEFAULT_REMINDER_DAYS
) -> LedgerState:
    """The plan's ledger state as of a date."""
    return evaluate(installments_of(rec), payments_of(rec), rules_of(rec, reminder_days), as_of)


def plan_status(rec: PlanRecord, state: LedgerState) -> PlanStatus:
    """Closed, archived, or the most urgent status among the unpaid installments."""
    return status_of(rec.closed_on, bool(rec.archived), state.balance, state.installments)


def detail_of(
    rec: PlanRecord, as_of: date, reminder_days: int = DEFAULT_REMINDER_DAYS
) -> PlanDetail:
    """Everything the detail view and `plan show` need."""
    state = state_of(rec, as_of, reminder_days)
    items = installments_of(rec)
    schedule = Schedule(terms_of(rec), items)
    prior = {p.id for p in rec.payments if p.kind == "prior" and not p.voided}
    payoff = {p.id for p in rec.payments if p.kind == "payoff" and not p.voided}
    periods: dict[int, list[int]] = {}
    for a in state.allocations:
        if a.payment_id is not None and a.period not in periods.get(a.payment_id, []):
            periods.setdefault(a.payment_id, []).append(a.period)
    history = sorted(rec.payments, key=lambda p: (p.date, p.id))
    moved, uncovered = workday_notes(schedule, rec.holidays)
    return PlanDetail(
        id=rec.id,
        input=input_of(rec),
        archived=bool(rec.archived),
        closed_on=rec.closed_on,
        payoff_charge=rec.payoff_charge,
        state=state,
        cost=cost_of_credit(schedule),
        total_fee=schedule.total_fee,
        status=plan_status(rec, state),
        prior_periods=frozenset(a.period for a in state.allocations if a.payment_id in prior),
        prior_count=len(prior),
        moved=moved,
        uncovered_years=uncovered,
        payments=tuple(
            PaymentRow(
                p.id,
                rec.id,
                rec.name,
                rec.currency,
                p.date,
                p.amount,
                p.method,
                p.note,
                bool(p.voided),
                p.kind,
            )
            for p in history
        ),
        payment_periods={pid: tuple(sorted(found)) for pid, found in periods.items()},
        payoff_periods=frozenset(a.period for a in state.allocations if a.payment_id in payoff),
    )


def account_terms(rec: AccountRecord) -> AccountTerms:
    """The domain terms of a stored account."""
    return AccountTerms(
        kind=AccountKind(rec.kind),
        statement_day=rec.statement_day,
        due_rule=DueRule(rec.due_rule, rec.due_value),  # type: ignore[arg-type]
        currency=rec.currency,
        min_percent=rec.min_percent,
        daily_rate=rec.daily_rate,
        interest_rule=InterestRule(rec.interest_rule),
        late_fee_percent=rec.late_fee_percent,
        late_fee_min=rec.late_fee_min,
        late_fee_max=rec.late_fee_max,
        credit_limit=rec.credit_limit,
        grace_days=rec.grace_days,
        tolerance=rec.tolerance,
    )
