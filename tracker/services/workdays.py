"""Working-day calendars from the ``holidays`` package, adapted to the domain's protocol.

The only module that imports ``holidays`` (lazily: it costs ~0.1 s, and most commands never
need it). A plan's ``holidays`` setting is an ISO 3166 alpha-2 country code; :func:`calendar_for`
checks it against the package's supported countries and returns a
``tracker.domain.workdays.WorkingDayCalendar``.

Coverage: for a country whose calendar has substituted days off and make-up working days
(China's 调休, published by the State Council year by year), the package knows a year only once
its notice is in the package; the calendar covers the first year of the country's rules up to
the last year with such days. For China in holidays 0.109 that is 1950 to 2026. For every
other country the package's own year range counts. Years outside it fall back to weekends
only, and the domain names them (``uncovered_years``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.domain.plan import Schedule
from tracker.domain.schedule import nominal_dates
from tracker.domain.workdays import MovedDate, WorkingDayCalendar, moved_dates, uncovered_years

from .model import ServiceError

__all__ = [
    "CHINA",
    "HolidayCalendar",
    "calendar_for",
    "normalize_code",
    "workday_notes",
]

CHINA = "CN"


@functools.cache
def _supported() -> frozenset[str]:
    import holidays

    return frozenset(code for code in holidays.list_supported_countries() if len(code) == 2)


def normalize_code(code: str) -> str:
    """``code`` trimmed and upper-cased, or ServiceError when the package has no such country."""
    norm = code.strip().upper()
    if norm not in _supported():
        raise ServiceError(
            "unknown holiday calendar {code!r}: use a two-letter country code such as CN, "
            "US, GB, DE or JP",
            code=code,
        )
    return norm


@dataclass
class HolidayCalendar:
    """One country's working days from the ``holidays`` package (a ``WorkingDayCalendar``)."""

    code: str
    first_year: int
    last_year: int
    _years: dict[int, Any] = field(default_factory=dict, repr=False)

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def is_working_day(self, day: date) -> bool:
        found = self._years.get(day.year)
        if found is None:
            import holidays

            found = self._years[day.year] = holidays.country_holidays(self.code, years=day.year)
        return bool(found.is_working_day(day))


@functools.cache
def _calendar(code: str) -> HolidayCalendar:
    import holidays

    probe = holidays.country_holidays(code)
    first, last = int(probe.start_year), int(probe.end_year)
    if getattr(probe, "has_substituted_holidays", False):
        published = [int(y) for y in getattr(probe, "special_public_holidays", None) or {}]
        if published:
            last = max(published)
    return HolidayCalendar(code, first, last)


def calendar_for(code: str | None) -> WorkingDayCalendar | None:
    """The working-day calendar of a plan's ``holidays`` setting (None: no moves)."""
    if code is None or not code.strip():
        return None
    return _calendar(normalize_code(code))


def workday_notes(
    schedule: Schedule, holidays: str | None
) -> tuple[tuple[MovedDate, ...], tuple[int, ...]]:
    """The due dates of ``schedule`` moved off non-working days (with the terms' dates), and
    the years its calendar does not cover, for a plan whose due dates move by ``holidays``
    (nothing without one)."""
    calendar = calendar_for(holidays)
    if calendar is None:
        return (), ()
    nominal = nominal_dates(schedule.terms)
    stored = [(i.period, i.due_date) for i in schedule.installments]
    years = uncovered_years([*nominal, *(d for _, d in stored)], calendar)
    return moved_dates(nominal, stored, calendar), years
