"""Moving due dates off non-working days, over a calendar passed in (no holidays package)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.errors import UserError
from tracker.domain.plan import Installment, Model, PlanTerms
from tracker.domain.schedule import build_schedule, nominal_dates, reschedule_unpaid
from tracker.domain.workdays import (
    is_working_day,
    moved_dates,
    next_working_day,
    uncovered_years,
)


@dataclass
class FakeCalendar:
    """Days off and make-up working days as given, for the years in ``years``."""

    off: set[date] = field(default_factory=set)
    working_weekends: set[date] = field(default_factory=set)
    years: range = range(2020, 2027)
    code: str = "XX"

    def covers(self, year: int) -> bool:
        return year in self.years

    def is_working_day(self, day: date) -> bool:
        if day in self.working_weekends:
            return True
        return day.weekday() < 5 and day not in self.off


# Spring Festival 2026 as the State Council set it: 02-15 (Sunday) to 02-23 off, 02-14
# (Saturday) and 02-28 (Saturday) working.
SPRING_2026 = FakeCalendar(
    off={date(2026, 2, d) for d in range(15, 24)},
    working_weekends={date(2026, 2, 14), date(2026, 2, 28)},
)


def test_a_holiday_moves_to_the_next_working_day_and_a_make_up_day_stays():
    assert next_working_day(date(2026, 2, 15), SPRING_2026) == date(2026, 2, 24)
    assert next_working_day(date(2026, 2, 14), SPRING_2026) == date(2026, 2, 14)
    assert next_working_day(date(2026, 2, 28), SPRING_2026) == date(2026, 2, 28)
    assert next_working_day(date(2026, 3, 1), SPRING_2026) == date(2026, 3, 2)  # a Sunday


def test_an_uncovered_year_falls_back_to_weekends_and_is_named():
    cal = FakeCalendar(off={date(2027, 2, 8)})  # the calendar would say off, but 2027 unknown
    assert not cal.covers(2027)
    assert is_working_day(date(2027, 2, 8), cal)  # a Monday: weekends only
    assert next_working_day(date(2027, 2, 6), cal) == date(2027, 2, 8)
    days = [date(2026, 12, 15), date(2027, 1, 15), date(2028, 2, 15)]
    assert uncovered_years(days, cal) == (2027, 2028)
    assert uncovered_years(days, None) == ()


def test_a_calendar_with_no_working_day_for_a_month_is_refused():
    cal = FakeCalendar(off={date(2026, 5, d) for d in range(1, 32)} | {date(2026, 6, 1)})
    with pytest.raises(UserError, match="no working day within 31 days"):
        next_working_day(date(2026, 5, 1), cal)


def test_only_due_dates_move_amounts_and_apr_stay():
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 1, 15), Decimal("0.006"))
    plain = build_schedule(terms)
    moved = build_schedule(terms, SPRING_2026)
    assert [i.total for i in moved.installments] == [i.total for i in plain.installments]
    assert moved.installments[1].due_date == date(2026, 2, 24)
    assert moved.installments[2].due_date == date(2026, 3, 16)  # 03-15 is a Sunday
    assert moved.installments[0].due_date == date(2026, 1, 15)
    assert nominal_dates(terms)[1] == date(2026, 2, 15)
    stored = [(i.period, i.due_date) for i in moved.installments]
    found = moved_dates(nominal_dates(terms), stored, SPRING_2026)
    assert [(m.period, m.due_date, m.original) for m in found][:2] == [
        (2, date(2026, 2, 24), date(2026, 2, 15)),
        (3, date(2026, 3, 16), date(2026, 3, 15)),
    ]


def test_rescheduling_keeps_paid_periods_and_moves_the_rest():
    terms = PlanTerms(Model.FLAT, 360000, 3, date(2026, 1, 15), Decimal("0.006"))
    paid = (Installment(1, date(2026, 1, 15), 120000, 2160),)
    items = reschedule_unpaid(terms, paid, SPRING_2026)
    assert [i.due_date for i in items] == [date(2026, 1, 15), date(2026, 2, 24), date(2026, 3, 16)]
