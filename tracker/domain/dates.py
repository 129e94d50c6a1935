"""Due dates: monthly dates anchored on the first due date, and biweekly dates for pay-in-n.

Monthly dates are always computed from the first due date, never chained from the previous
one, so a plan anchored on the 31st goes 31 Jan → 29 Feb → 31 Mar → 30 Apr.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = ["add_months", "due_dates", "last_due_fits"]


def add_months(anchor: date, months: int) -> date:
    """Return ``anchor`` moved by ``months`` months, its day clamped to the month's length."""
    index = anchor.year * 12 + (anchor.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(anchor.day, last))


def due_dates(first_due: date, periods: int, *, biweekly: bool = False) -> list[date]:
    """Every due date of a plan: monthly from ``first_due``, or every 14 days if ``biweekly``."""
    if biweekly:
        return [first_due + timedelta(days=14 * k) for k in range(periods)]
    return [add_months(first_due, k) for k in range(periods)]


def last_due_fits(first_due: date, periods: int, *, biweekly: bool = False) -> bool:
    """Whether the last due date of a plan is a real date (on or before 9999-12-31)."""
    if biweekly:
        return date.max.toordinal() - first_due.toordinal() >= 14 * (periods - 1)
    return first_due.year * 12 + first_due.month - 1 + periods - 1 <= date.max.year * 12 + 11


def days_after(day: date, days: int) -> date:
    """``day`` + ``days``, or the last representable date (9999-12-31) when that is past it: a
    window that ends beyond the calendar simply has no end."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max
