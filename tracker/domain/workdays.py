"""Working days: moving a due date that falls on a non-working day to the next working day.

The domain knows no country's holidays. A caller passes a :class:`WorkingDayCalendar` (the
services layer adapts the ``holidays`` package to it): whether a day is a working day, and
which years the calendar really knows. China's calendar has make-up working days (调休): a
Saturday can be a working day and a weekday a day off, and the State Council publishes each
year's days late in the year before, so a calendar knows only the years published so far.
For a year it does not cover, only weekends count as days off; :func:`uncovered_years` names
those years so that every screen can say so (never silently).

Only due dates move; amounts do not (domain-rules.md "Due dates"). A payment on the moved date
is on time: the stored installment carries the moved date, which the ledger uses for grace,
overdue and penalty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from .errors import UserError

__all__ = [
    "MAX_SHIFT_DAYS",
    "MovedDate",
    "WorkingDayCalendar",
    "is_working_day",
    "moved_dates",
    "next_working_day",
    "shift_dates",
    "uncovered_years",
]

MAX_SHIFT_DAYS = 31
"""How far a due date may move; a calendar with a longer run of days off is refused."""


class WorkingDayCalendar(Protocol):
    """A country's working days, as far as its calendar is known.

    ``code`` names it (ISO 3166 alpha-2, e.g. ``CN``); ``covers(year)`` says whether the
    calendar knows that year's holidays (and, for China, its make-up working days);
    ``is_working_day(day)`` is asked only for covered years.
    """

    @property
    def code(self) -> str: ...

    def covers(self, year: int) -> bool: ...

    def is_working_day(self, day: date) -> bool: ...


def is_working_day(day: date, calendar: WorkingDayCalendar) -> bool:
    """Whether ``day`` is a working day: the calendar's word for a covered year, otherwise
    Monday to Friday (weekends only, the fallback)."""
    if calendar.covers(day.year):
        return calendar.is_working_day(day)
    return day.weekday() < 5


def next_working_day(day: date, calendar: WorkingDayCalendar) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    moved = day
    for _ in range(MAX_SHIFT_DAYS + 1):
        if is_working_day(moved, calendar):
            return moved
        try:
            moved += timedelta(days=1)
        except OverflowError:
            break
    raise UserError(
        "the {code} calendar has no working day within {days} days after {day}",
        code=calendar.code,
        days=MAX_SHIFT_DAYS,
        day=day,
    )


def shift_dates(days: Sequence[date], calendar: WorkingDayCalendar | None) -> list[date]:
    """Each of ``days`` moved to its next working day (unchanged without a calendar)."""
    if calendar is None:
        return list(days)
    return [next_working_day(d, calendar) for d in days]


def uncovered_years(days: Iterable[date], calendar: WorkingDayCalendar | None) -> tuple[int, ...]:
    """The years among ``days`` that the calendar does not know, ascending (none without a
    calendar): for those only weekends were skipped."""
    if calendar is None:
        return ()
    return tuple(sorted({d.year for d in days if not calendar.covers(d.year)}))


@dataclass(frozen=True, slots=True)
class MovedDate:
    """A due date that was moved off a non-working day.

    Attributes:
        period: the installment's period number.
        due_date: the date it is due (a working day).
        original: the date the terms gave, a non-working day.
    """

    period: int
    due_date: date
    original: date


def moved_dates(
    nominal: Sequence[date], stored: Sequence[tuple[int, date]], calendar: WorkingDayCalendar
) -> tuple[MovedDate, ...]:
    """Which stored due dates are the terms' dates moved by ``calendar``.

    ``nominal`` are the terms' dates by period (period k at index k−1); ``stored`` the
    (period, due date) pairs of the schedule. A stored date counts as moved when it differs
    from the terms' date and is exactly where the calendar moves that date.
    """
    found: list[MovedDate] = []
    for period, due in stored:
        if not 1 <= period <= len(nominal):
            continue
        original = nominal[period - 1]
        if due != original and next_working_day(original, calendar) == due:
            found.append(MovedDate(period, due, original))
    return tuple(found)
