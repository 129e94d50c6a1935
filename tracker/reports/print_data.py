"""What the printed outputs show, as plain data (no Qt): calendar month pages and schedule sheets.

``calendar_pages`` turns the calendar query's rows (``domain.rows.InstallmentRow``) into one
``MonthPage`` per month: the weeks (Monday first) of the month with each day's installments,
the month's totals per currency and what is overdue. ``schedule_sheet`` turns a plan's detail
(``services.PlanDetail``) into a ``ScheduleSheet``: its terms, cost, APR and every period with
what was paid and what remains. ``ui/printing.py`` draws both; nothing here formats text.

All amounts are integer minor units. An entry that is paid shows its scheduled total; any other
shows what is still owed on it (``amount_due``: unpaid principal + fee + charged penalty).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tracker.domain.errors import UserError
from tracker.domain.ledger import Status
from tracker.domain.money import format_percent
from tracker.domain.plan import Charge, Model
from tracker.domain.rows import InstallmentRow

__all__ = [
    "MAX_MONTHS",
    "DayCell",
    "MonthPage",
    "ScheduleSheet",
    "calendar_pages",
    "month_span",
    "months_between",
    "schedule_sheet",
    "shown_amount",
]

MAX_MONTHS = 120
_NO_RATE = Decimal(0)
"""The most months one calendar print job may have (ten years of pages)."""

Totals = tuple[tuple[str, int], ...]
"""Amounts per currency, in the order the currencies first appear: (("CNY", 32160),)."""


def shown_amount(entry: InstallmentRow) -> int:
    """What a calendar entry prints: the scheduled total once paid, what is owed otherwise."""
    return entry.total if entry.status is Status.PAID else entry.amount_due


@dataclass(frozen=True, slots=True)
class DayCell:
    """One day of the grid; days of the neighbouring months carry no entries."""

    day: date
    in_month: bool
    entries: tuple[InstallmentRow, ...] = ()

    @property
    def overdue(self) -> bool:
        """Whether any entry of the day is overdue."""
        return any(e.overdue for e in self.entries)


@dataclass(frozen=True, slots=True)
class MonthPage:
    """One printed month.

    Attributes:
        year, month: the month.
        as_of: the date the statuses are computed for.
        weeks: Monday-to-Sunday rows (4 to 6) covering the month.
        total: the scheduled amount of the month's installments, per currency.
        due: what is still owed on them, per currency.
        overdue: what is overdue among them, per currency.
        count: how many installments fall due in the month.
        overdue_count: how many of them are overdue.
        carried: what is already overdue from earlier months (each item, oldest first):
            every month page shows it, so arrears are never out of sight.
    """

    year: int
    month: int
    as_of: date
    weeks: tuple[tuple[DayCell, ...], ...]
    total: Totals
    due: Totals
    overdue: Totals
    count: int
    overdue_count: int
    carried: tuple[InstallmentRow, ...] = ()

    @property
    def carried_total(self) -> Totals:
        """What is still owed on ``carried``, per currency."""
        totals: dict[str, int] = {}
        for e in self.carried:
            _add(totals, e.currency, e.amount_due)
        return tuple(totals.items())

    @property
    def first(self) -> date:
        """The first day of the month."""
        return date(self.year, self.month, 1)

    def cell(self, day: date) -> DayCell:
        """The cell of a day shown on the page (KeyError if it is not on it)."""
        for week in self.weeks:
            for cell in week:
                if cell.day == day:
                    return cell
        raise KeyError(day)

    def entries(self) -> list[InstallmentRow]:
        """Every entry of the month, by day."""
        return [e for week in self.weeks for cell in week for e in cell.entries]


def _add(totals: dict[str, int], currency: str, amount: int) -> None:
    totals[currency] = totals.get(currency, 0) + amount


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s, inclusive.

    Raises UserError (a ValueError) when ``last`` is before ``first`` or the span exceeds
    ``MAX_MONTHS``.
    """
    start = first.year * 12 + first.month - 1
    end = last.year * 12 + last.month - 1
    if end < start:
        raise UserError(
            "the last month ({last}) is before the first ({first})",
            last=f"{last:%Y-%m}",
            first=f"{first:%Y-%m}",
        )
    if end - start + 1 > MAX_MONTHS:
        raise UserError("at most {count} months can be printed at once", count=MAX_MONTHS)
    return [date(i // 12, i % 12 + 1, 1) for i in range(start, end + 1)]


def month_span(first: date, last: date) -> tuple[date, date]:
    """The first day of ``first``'s month and the last day of ``last``'s month."""
    months = months_between(first, last)
    end = months[-1]
    return months[0], end.replace(day=calendar.monthrange(end.year, end.month)[1])


def _month_page(
    year: int,
    month: int,
    items: list[InstallmentRow],
    as_of: date,
    carried: tuple[InstallmentRow, ...] = (),
) -> MonthPage:
    by_day: dict[date, list[InstallmentRow]] = {}
    total: dict[str, int] = {}
    due: dict[str, int] = {}
    overdue: dict[str, int] = {}
    overdue_count = 0
    for item in sorted(items, key=lambda i: (i.due_date, i.plan_name, i.plan_id, i.period)):
        entry = item
        by_day.setdefault(item.due_date, []).append(entry)
        _add(total, entry.currency, entry.total)
        _add(due, entry.currency, entry.amount_due)
        if entry.overdue:
            _add(overdue, entry.currency, entry.amount_due)
            overdue_count += 1
    first = date(year, month, 1)
    day = first - timedelta(days=first.weekday())
    last = first.replace(day=calendar.monthrange(year, month)[1])
    weeks: list[tuple[DayCell, ...]] = []
    while day <= last:
        week = []
        for _ in range(7):
            inside = day.month == month
            entries = tuple(by_day.get(day, ())) if inside else ()
            week.append(DayCell(day, inside, entries))
            day += timedelta(days=1)
        weeks.append(tuple(week))
    return MonthPage(
        year=year,
        month=month,
        as_of=as_of,
        weeks=tuple(weeks),
        total=tuple(total.items()),
        due=tuple(due.items()),
        overdue=tuple(overdue.items()),
        count=len(items),
        overdue_count=overdue_count,
        carried=carried,
    )


def calendar_pages(
    items: Iterable[InstallmentRow], first: date, last: date, as_of: date
) -> list[MonthPage]:
    """One page per month from ``first``'s month to ``last``'s; items after ``last`` are
    ignored. Overdue items due before a page's month (``items`` may reach back before
    ``first`` for them) are carried onto that page, oldest first."""
    months = months_between(first, last)
    by_month: dict[tuple[int, int], list[InstallmentRow]] = {}
    late: list[InstallmentRow] = []
    for item in items:
        by_month.setdefault((item.due_date.year, item.due_date.month), []).append(item)
        if item.overdue:
            late.append(item)
    late.sort(key=lambda i: (i.due_date, i.plan_name, i.plan_id, i.period))
    return [
        _month_page(
            m.year,
            m.month,
            by_month.get((m.year, m.month), []),
            as_of,
            tuple(e for e in late if e.due_date < m),
        )
        for m in months
    ]


@dataclass(frozen=True, slots=True)
class ScheduleSheet:
    """A plan's printed schedule: terms, cost and every period.

    Attributes:
        plan_id, name, platform: which plan.
        currency: its currency.
        model: the schedule model's value ("flat", "annuity", …).
        principal: the amount financed.
        periods: the number of installments.
        rate_percent: the plan's rate as a percentage ("0.60"), None for models without one.
        first_due: the first due date.
        down_payment, upfront_fee: paid at purchase (0 when none).
        total_fee: the fees and interest of the schedule.
        total_cost: fees + interest + upfront fee.
        apr_percent: the APR (IRR method) as a percentage with two decimals ("13.03").
        effective_percent: the effective annual rate ("13.84").
        paid_total: everything paid so far (penalty included).
        balance: everything still owed.
        status: the plan's status value ("active", "overdue", "closed", …).
        as_of: the date the statuses are computed for.
        rows: every period.
        grace_days, tolerance, penalty_daily_rate: the plan's overdue rules.
        payoff_policy, payoff_penalty_pct: what paying off early costs.
        holidays: the working-day calendar its due dates move by (``CN``), None for none.
        moved: period → the date the terms gave, for each due date moved off a non-working day.
        uncovered_years: years of its due dates the calendar does not know (weekends only).
    """

    plan_id: int
    name: str
    platform: str
    currency: str
    model: str
    principal: int
    periods: int
    rate_percent: str | None
    first_due: date
    down_payment: int
    upfront_fee: int
    total_fee: int
    total_cost: int
    apr_percent: str
    effective_percent: str
    paid_total: int
    balance: int
    status: str
    as_of: date
    rows: tuple[InstallmentRow, ...]
    grace_days: int = 0
    tolerance: int = 0
    penalty_daily_rate: Decimal = _NO_RATE
    payoff_policy: str = "charge_all_fees"
    payoff_penalty_pct: Decimal = _NO_RATE
    holidays: str | None = None
    moved: Mapping[int, date] = field(default_factory=dict)
    uncovered_years: tuple[int, ...] = ()

    @property
    def charge(self) -> Charge:
        """What the ``fee`` amounts are called: interest for a loan, a fee otherwise."""
        return Model(self.model).charge

    @property
    def scheduled_total(self) -> int:
        """The sum of every period's total."""
        return sum(r.total for r in self.rows)

    @property
    def overdue_count(self) -> int:
        """How many periods are overdue."""
        return sum(1 for r in self.rows if r.overdue)


def schedule_sheet(detail: Any) -> ScheduleSheet:
    """The schedule sheet of a plan's detail (``services.PlanDetail``: its id, input, state,
    cost, total fee and status), statuses as of the detail's date."""
    terms = detail.input.terms
    states = detail.installments
    rows = tuple(
        InstallmentRow.of(
            s,
            detail.id,
            detail.input.name,
            terms.currency,
            len(states),
            detail.input.platform,
            terms.model.charge,
        )
        for s in states
    )
    return ScheduleSheet(
        plan_id=detail.id,
        name=detail.input.name,
        platform=detail.input.platform,
        currency=terms.currency,
        model=terms.model.value,
        principal=terms.principal,
        periods=terms.periods,
        rate_percent=format_percent(terms.rate) if terms.model.uses_rate else None,
        first_due=terms.first_due,
        down_payment=terms.down_payment,
        upfront_fee=terms.upfront_fee,
        total_fee=detail.total_fee,
        total_cost=detail.cost.total_cost,
        apr_percent=detail.cost.apr_percent,
        effective_percent=detail.cost.effective_percent,
        paid_total=detail.state.paid_total,
        balance=detail.state.balance,
        status=detail.status.value,
        as_of=detail.state.as_of,
        rows=rows,
        grace_days=detail.input.grace_days,
        tolerance=detail.input.tolerance,
        penalty_daily_rate=detail.input.penalty_daily_rate,
        payoff_policy=detail.input.payoff_policy.value,
        payoff_penalty_pct=detail.input.payoff_penalty_pct,
        holidays=detail.input.holidays,
        moved={m.period: m.original for m in detail.moved},
        uncovered_years=detail.uncovered_years,
    )
