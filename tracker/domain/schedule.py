"""Schedules: turning plan terms into exact installments, one function per model.

Each builder follows domain-rules.md to the fen: consumer installments split the principal
with its remainder in one period, loans split it like the banks (equal principal: round(P/n)
in every period but the last, which takes the rest; annuity: the last period absorbs the
rounding), every computed fee or interest is rounded half-up (a total fee by the plan's
``fee_rounding``), so that Σ principal is always the financed principal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, localcontext

from .dates import due_dates
from .money import AmountError, round_half_even, round_half_up
from .plan import FeeMode, FeeRounding, Installment, Model, PlanTerms, Remainder, Schedule
from .workdays import WorkingDayCalendar, shift_dates

__all__ = [
    "build_schedule",
    "nominal_dates",
    "reschedule_unpaid",
    "split_evenly",
    "split_rounded",
]

_PREC = 50


def split_evenly(amount: int, periods: int, remainder: Remainder) -> list[int]:
    """Split ``amount`` into ``periods`` parts of floor(amount/n), the whole remainder in one."""
    base, rem = divmod(amount, periods)
    parts = [base] * periods
    parts[0 if remainder is Remainder.FIRST else -1] += rem
    return parts


def split_rounded(amount: int, periods: int) -> list[int]:
    """Split ``amount`` the banks' way: round(amount/n) half-up in every period but the last,
    which takes what is left.

    10000.00 over 12 → 11 × 833.33 and 833.37. A part is never more than what is still
    unsplit (tiny amounts over long terms, where the rounded parts would overshoot), so no
    part is negative and the parts always add up to ``amount``.
    """
    base = round_half_up(Decimal(amount) / periods)
    parts: list[int] = []
    left = amount
    for _ in range(periods - 1):
        part = min(base, left)
        parts.append(part)
        left -= part
    parts.append(left)
    return parts


def _flat(t: PlanTerms) -> tuple[list[int], list[int]]:
    principal = split_evenly(t.principal, t.periods, t.effective_remainder)
    if t.fee_mode is FeeMode.FIRST:
        fees = [0] * t.periods
        fees[0] = round_half_up(Decimal(t.principal) * t.rate * t.periods)
    else:
        fees = [round_half_up(Decimal(t.principal) * t.rate)] * t.periods
    return principal, fees


def _total(t: PlanTerms) -> tuple[list[int], list[int]]:
    placement = t.effective_remainder
    principal = split_evenly(t.principal, t.periods, placement)
    exact = Decimal(t.principal) * t.rate
    half_even = t.fee_rounding is FeeRounding.HALF_EVEN
    fee = round_half_even(exact) if half_even else round_half_up(exact)
    return principal, split_evenly(fee, t.periods, placement)


def _no_fee(t: PlanTerms) -> tuple[list[int], list[int]]:
    return split_evenly(t.principal, t.periods, t.effective_remainder), [0] * t.periods


def _annuity(t: PlanTerms) -> tuple[list[int], list[int]]:
    with localcontext() as ctx:
        ctx.prec = _PREC
        i = t.rate / 12
        n = t.periods
        if i == 0:
            payment = round_half_up(Decimal(t.principal) / n)
        else:
            growth = (1 + i) ** n
            payment = round_half_up(Decimal(t.principal) * i * growth / (growth - 1))
        balance = t.principal
        principal: list[int] = []
        fees: list[int] = []
        for k in range(1, n + 1):
            interest = round_half_up(balance * t.rate / 12)  # exact before rounding
            # The last period repays the whole balance; earlier ones never repay more than is
            # left (tiny principals with rounded-up payments would otherwise go negative).
            part = balance if k == n else min(payment - interest, balance)
            principal.append(part)
            fees.append(interest)
            balance -= part
    return principal, fees


def _equal_principal(t: PlanTerms) -> tuple[list[int], list[int]]:
    principal = split_rounded(t.principal, t.periods)
    with localcontext() as ctx:
        ctx.prec = _PREC
        fees: list[int] = []
        balance = t.principal
        for part in principal:
            fees.append(round_half_up(balance * t.rate / 12))
            balance -= part
    return principal, fees


def _custom(t: PlanTerms) -> tuple[list[int], list[int]]:
    """Split the fee (Σ amounts − principal) across periods in proportion to each total.

    Largest-remainder apportionment keeps Σ fee exact and every fee within its period's total,
    so no principal part is ever negative.
    """
    amounts = t.custom_amounts
    total = sum(amounts)
    fee_total = total - t.principal
    shares = [divmod(fee_total * a, total) for a in amounts]
    fees = [q for q, _ in shares]
    short = fee_total - sum(fees)
    by_fraction = sorted(range(len(amounts)), key=lambda k: (-shares[k][1], k))
    for k in by_fraction[:short]:
        fees[k] += 1
    return [a - f for a, f in zip(amounts, fees, strict=True)], fees


_BUILDERS: dict[Model, Callable[[PlanTerms], tuple[list[int], list[int]]]] = {
    Model.FLAT: _flat,
    Model.TOTAL: _total,
    Model.ANNUITY: _annuity,
    Model.EQUAL_PRINCIPAL: _equal_principal,
    Model.INTEREST_FREE: _no_fee,
    Model.PAY_IN_N: _no_fee,
    Model.CUSTOM: _custom,
}


def nominal_dates(terms: PlanTerms) -> list[date]:
    """The due dates the terms give, before any move off non-working days."""
    return due_dates(terms.first_due, terms.periods, biweekly=terms.model is Model.PAY_IN_N)


def build_schedule(terms: PlanTerms, calendar: WorkingDayCalendar | None = None) -> Schedule:
    """Build the full schedule of a plan from its terms.

    With a working-day ``calendar`` a due date on a non-working day moves to the next working
    day (``tracker.domain.workdays``); amounts never change, and neither does the APR, which
    counts periods, not days.
    """
    principal, fees = _BUILDERS[terms.model](terms)
    dates = shift_dates(nominal_dates(terms), calendar)
    return Schedule(terms, _installments(dates, principal, fees))


def _installments(
    dates: Sequence[date], principal: Sequence[int], fees: Sequence[int]
) -> tuple[Installment, ...]:
    return tuple(
        Installment(k, d, p, f)
        for k, (d, p, f) in enumerate(zip(dates, principal, fees, strict=True), start=1)
    )


def reschedule_unpaid(
    terms: PlanTerms,
    paid: Sequence[Installment],
    calendar: WorkingDayCalendar | None = None,
) -> tuple[Installment, ...]:
    """The schedule of (edited) ``terms`` when its first ``len(paid)`` installments are history.

    The paid installments stay as they were. The rest carries exactly the principal not yet
    repaid (``terms.principal − Σ paid principal``), over the remaining periods and due dates
    of the new terms: loans re-amortise it at the new rate; flat and total keep the new
    schedule's fees; custom keeps the new per-period totals. Raises AmountError when the new
    terms cannot hold what was already paid.
    """
    full = build_schedule(terms, calendar).installments
    m = len(paid)
    if m == 0:
        return full
    repaid = sum(i.principal for i in paid)
    rest = terms.principal - repaid
    if m >= terms.periods:
        if m == terms.periods and rest == 0:
            return tuple(paid)
        raise AmountError(
            "{paid} periods are already paid; the plan must keep more than {paid} periods", paid=m
        )
    if rest < 0:
        raise AmountError("the new principal is less than the principal already repaid")
    tail = full[m:]
    n = len(tail)
    if terms.model.is_loan:
        if rest == 0:
            principal, fees = [0] * n, [0] * n
        else:
            sub = PlanTerms(
                terms.model,
                rest,
                n,
                tail[0].due_date,
                terms.rate,
                terms.currency,
            )
            principal, fees = _BUILDERS[terms.model](sub)
    elif terms.model is Model.CUSTOM:
        amounts = list(terms.custom_amounts[m:])
        if sum(amounts) < rest:
            raise AmountError("the remaining per-period amounts do not cover the unpaid principal")
        if rest == 0:
            principal, fees = [0] * n, amounts
        else:
            sub = PlanTerms(Model.CUSTOM, rest, n, tail[0].due_date, custom_amounts=tuple(amounts))
            principal, fees = _custom(sub)
    else:
        principal = split_evenly(rest, n, terms.effective_remainder)
        fees = [i.fee for i in tail]
    rebuilt = _installments([i.due_date for i in tail], principal, fees)
    return (*paid, *(Installment(i.period + m, i.due_date, i.principal, i.fee) for i in rebuilt))
