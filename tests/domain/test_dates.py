"""Due dates: monthly dates anchored on the first due date (never chained), biweekly dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tracker.domain import Model, PlanTerms, build_schedule
from tracker.domain.dates import add_months, due_dates


def test_month_end_anchor_is_never_chained_in_a_leap_year() -> None:
    assert due_dates(date(2024, 1, 31), 4) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
    ]


def test_month_end_anchor_for_a_whole_year() -> None:
    assert due_dates(date(2024, 1, 31), 12) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
        date(2024, 6, 30),
        date(2024, 7, 31),
        date(2024, 8, 31),
        date(2024, 9, 30),
        date(2024, 10, 31),
        date(2024, 11, 30),
        date(2024, 12, 31),
    ]


def test_non_leap_february_has_28_days() -> None:
    assert due_dates(date(2023, 1, 31), 3) == [
        date(2023, 1, 31),
        date(2023, 2, 28),
        date(2023, 3, 31),
    ]
    assert due_dates(date(2023, 1, 29), 3) == [
        date(2023, 1, 29),
        date(2023, 2, 28),
        date(2023, 3, 29),
    ]
    assert due_dates(date(2023, 1, 30), 3)[1:] == [date(2023, 2, 28), date(2023, 3, 30)]


def test_century_years() -> None:
    # 2100 is not a leap year, 2000 is
    assert add_months(date(2100, 1, 31), 1) == date(2100, 2, 28)
    assert add_months(date(2000, 1, 31), 1) == date(2000, 2, 29)


def test_feb_29_anchor_keeps_day_29_in_later_months() -> None:
    assert due_dates(date(2024, 2, 29), 4) == [
        date(2024, 2, 29),
        date(2024, 3, 29),
        date(2024, 4, 29),
        date(2024, 5, 29),
    ]
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)


def test_year_rollover_december_to_january() -> None:
    assert due_dates(date(2024, 11, 15), 4) == [
        date(2024, 11, 15),
        date(2024, 12, 15),
        date(2025, 1, 15),
        date(2025, 2, 15),
    ]
    assert due_dates(date(2023, 12, 31), 3) == [
        date(2023, 12, 31),
        date(2024, 1, 31),
        date(2024, 2, 29),
    ]


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        (date(2024, 1, 31), 0, date(2024, 1, 31)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 1, 31), 2, date(2024, 3, 31)),
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2024, 12, 1), 1, date(2025, 1, 1)),
        (date(2024, 12, 31), 12, date(2025, 12, 31)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2024, 1, 15), 359, date(2053, 12, 15)),
    ],
)
def test_add_months(anchor: date, months: int, expected: date) -> None:
    assert add_months(anchor, months) == expected


def test_biweekly_dates_every_14_days() -> None:
    assert due_dates(date(2024, 2, 20), 4, biweekly=True) == [
        date(2024, 2, 20),
        date(2024, 3, 5),
        date(2024, 3, 19),
        date(2024, 4, 2),
    ]


def test_biweekly_across_year_end() -> None:
    assert due_dates(date(2024, 12, 25), 3, biweekly=True) == [
        date(2024, 12, 25),
        date(2025, 1, 8),
        date(2025, 1, 22),
    ]


def test_due_dates_count() -> None:
    assert len(due_dates(date(2024, 1, 1), 360)) == 360
    assert due_dates(date(2024, 1, 1), 360)[-1] == date(2053, 12, 1)
    assert due_dates(date(2024, 1, 1), 1) == [date(2024, 1, 1)]


def test_schedule_uses_monthly_dates_for_monthly_models() -> None:
    for model in (Model.FLAT, Model.TOTAL, Model.ANNUITY, Model.EQUAL_PRINCIPAL):
        terms = PlanTerms(model, 120000, 4, date(2024, 1, 31), rate=Decimal("0.01"))
        assert [i.due_date for i in build_schedule(terms).installments] == [
            date(2024, 1, 31),
            date(2024, 2, 29),
            date(2024, 3, 31),
            date(2024, 4, 30),
        ]
    terms = PlanTerms(Model.INTEREST_FREE, 120000, 3, date(2023, 12, 31))
    assert [i.due_date for i in build_schedule(terms).installments] == [
        date(2023, 12, 31),
        date(2024, 1, 31),
        date(2024, 2, 29),
    ]
    terms = PlanTerms(Model.CUSTOM, 300, 3, date(2023, 1, 30), custom_amounts=(100, 100, 100))
    assert [i.due_date for i in build_schedule(terms).installments] == [
        date(2023, 1, 30),
        date(2023, 2, 28),
        date(2023, 3, 30),
    ]


def test_pay_in_n_is_biweekly_from_the_first_due_date() -> None:
    first = date(2024, 1, 31)
    schedule = build_schedule(PlanTerms(Model.PAY_IN_N, 10001, 4, first))
    assert [i.due_date for i in schedule.installments] == [
        first,
        first + timedelta(days=14),
        first + timedelta(days=28),
        first + timedelta(days=42),
    ]
    assert [i.due_date for i in schedule.installments] == [
        date(2024, 1, 31),
        date(2024, 2, 14),
        date(2024, 2, 28),
        date(2024, 3, 13),
    ]
