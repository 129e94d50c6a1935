"""Print data to the fen: calendar month pages (weeks × days, totals, overdue) and schedule sheets.

Reference plan: 3600.00 flat over 12 periods at 0.6% (12 × 321.60, APR 13.03%), first due
2026-10-31, seen on 2026-11-21: the October installment is 21 days overdue.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tracker.domain.apr import cost_of_credit
from tracker.domain.ledger import LedgerRules, Payment, Status, evaluate
from tracker.domain.plan import Charge, Model, PlanTerms
from tracker.domain.rows import InstallmentRow
from tracker.domain.schedule import build_schedule
from tracker.reports.print_data import (
    MAX_MONTHS,
    calendar_pages,
    month_span,
    months_between,
    schedule_sheet,
    shown_amount,
)
from tracker.services.model import PlanDetail, PlanInput, PlanStatus

TODAY = date(2026, 11, 21)


def item(
    due: date,
    name: str = "Xiaomi 14",
    *,
    plan_id: int = 1,
    period: int = 1,
    total: int = 32160,
    due_amount: int | None = None,
    status: Status = Status.UPCOMING,
    currency: str = "CNY",
) -> InstallmentRow:
    owed = total if due_amount is None else due_amount
    return InstallmentRow(
        plan_id=plan_id,
        plan_name=name,
        currency=currency,
        period=period,
        periods=12,
        due_date=due,
        principal=total,
        fee=0,
        paid=total - owed,
        penalty_paid=0,
        penalty=0,
        status=status,
        days_overdue=(TODAY - due).days if status is Status.OVERDUE else 0,
    )


# --- months -------------------------------------------------------------------------------


def test_months_between_crosses_the_year_and_counts_each_month_once() -> None:
    months = months_between(date(2026, 11, 30), date(2027, 2, 1))
    assert months == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]
    assert months_between(date(2026, 11, 5), date(2026, 11, 20)) == [date(2026, 11, 1)]


def test_months_between_refuses_a_backwards_or_huge_range() -> None:
    with pytest.raises(ValueError, match=r"2026-10.*before.*2026-11"):
        months_between(date(2026, 11, 1), date(2026, 10, 1))
    assert len(months_between(date(2020, 1, 1), date(2029, 12, 1))) == MAX_MONTHS
    with pytest.raises(ValueError, match="at most"):
        months_between(date(2020, 1, 1), date(2030, 1, 1))


def test_month_span_ends_on_the_last_day_of_the_last_month() -> None:
    assert month_span(date(2027, 1, 15), date(2028, 2, 3)) == (date(2027, 1, 1), date(2028, 2, 29))


# --- calendar pages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "weeks", "first_cell", "last_cell"),
    [
        (date(2026, 11, 1), 6, date(2026, 10, 26), date(2026, 12, 6)),  # starts on a Sunday
        (date(2027, 2, 1), 4, date(2027, 2, 1), date(2027, 2, 28)),  # Monday the 1st, 28 days
        (date(2026, 12, 1), 5, date(2026, 11, 30), date(2027, 1, 3)),
    ],
)
def test_weeks_run_monday_to_sunday_and_cover_the_month(
    month: date, weeks: int, first_cell: date, last_cell: date
) -> None:
    (page,) = calendar_pages([], month, month, TODAY)
    assert len(page.weeks) == weeks
    assert all(len(w) == 7 for w in page.weeks)
    assert page.weeks[0][0].day == first_cell and page.weeks[0][0].day.weekday() == 0
    assert page.weeks[-1][-1].day == last_cell
    days = [c.day for w in page.weeks for c in w]
    assert days == [first_cell + timedelta(days=i) for i in range(len(days))]
    inside = [c.day for w in page.weeks for c in w if c.in_month]
    assert inside[0] == month and all(d.month == month.month for d in inside)


def test_items_land_on_their_day_and_pages_follow_the_months() -> None:
    rows = [
        item(date(2026, 10, 31), status=Status.OVERDUE),
        item(date(2026, 11, 30), period=2),
        item(date(2026, 11, 30), "小米14", plan_id=2, total=29995),
        item(date(2026, 12, 31), period=3),
        item(date(2027, 3, 31), period=6),  # outside the range: ignored
    ]
    pages = calendar_pages(rows, date(2026, 10, 1), date(2026, 12, 1), TODAY)
    assert [(p.year, p.month) for p in pages] == [(2026, 10), (2026, 11), (2026, 12)]
    nov = pages[1]
    assert [e.plan_name for e in nov.cell(date(2026, 11, 30)).entries] == ["Xiaomi 14", "小米14"]
    assert nov.count == 2 and len(nov.entries()) == 2
    # The October item is on October's page only: November's grid shows 31 Oct, but empty.
    assert not nov.cell(date(2026, 10, 31)).in_month
    assert nov.cell(date(2026, 10, 31)).entries == ()
    assert pages[0].cell(date(2026, 10, 31)).entries[0].period == 1


def test_month_totals_per_currency_and_overdue() -> None:
    rows = [
        item(date(2026, 11, 2), status=Status.OVERDUE, due_amount=32160),
        item(date(2026, 11, 5), "Partly", plan_id=2, due_amount=10000, status=Status.PARTIAL),
        item(date(2026, 11, 9), "Paid", plan_id=3, due_amount=0, status=Status.PAID),
        item(date(2026, 11, 20), "Grace", plan_id=4, status=Status.GRACE),
        item(date(2026, 11, 28), "iPhone", plan_id=5, total=5000, currency="USD"),
    ]
    (page,) = calendar_pages(rows, date(2026, 11, 1), date(2026, 11, 1), TODAY)
    assert page.total == (("CNY", 4 * 32160), ("USD", 5000))
    assert page.due == (("CNY", 32160 + 10000 + 0 + 32160), ("USD", 5000))
    assert page.overdue == (("CNY", 32160),)  # in grace is not overdue yet
    assert page.overdue_count == 1
    assert page.cell(date(2026, 11, 2)).overdue
    assert not page.cell(date(2026, 11, 20)).overdue
    paid = page.cell(date(2026, 11, 9)).entries[0]
    assert paid.status is Status.PAID and shown_amount(paid) == 32160  # what was scheduled
    partly = page.cell(date(2026, 11, 5)).entries[0]
    assert partly.status is not Status.PAID and shown_amount(partly) == 10000  # what is owed


def test_an_empty_month_has_a_page_with_no_totals() -> None:
    (page,) = calendar_pages([], date(2027, 2, 1), date(2027, 2, 1), TODAY)
    assert (page.total, page.due, page.overdue, page.count) == ((), (), (), 0)
    assert page.first == date(2027, 2, 1) and page.as_of == TODAY


# --- schedule sheet -----------------------------------------------------------------------


def detail(
    terms: PlanTerms,
    payments: tuple[Payment, ...] = (),
    as_of: date = TODAY,
    platform: str = "小米分期",
) -> PlanDetail:
    schedule = build_schedule(terms)
    state = evaluate(schedule.installments, list(payments), LedgerRules(), as_of)
    return PlanDetail(
        id=7,
        input=PlanInput(name="小米14", terms=terms, platform=platform),
        archived=False,
        closed_on=None,
        payoff_charge=0,
        state=state,
        cost=cost_of_credit(schedule),
        total_fee=schedule.total_fee,
        status=PlanStatus.OVERDUE,
    )


REFERENCE = PlanTerms(Model.FLAT, 360000, 12, date(2026, 10, 31), Decimal("0.006"))


def test_schedule_sheet_of_the_reference_plan() -> None:
    sheet = schedule_sheet(detail(REFERENCE, (Payment(date(2026, 11, 30), 32160, 1),)))
    assert (sheet.plan_id, sheet.name, sheet.platform, sheet.currency) == (
        7,
        "小米14",
        "小米分期",
        "CNY",
    )
    assert (sheet.model, sheet.principal, sheet.periods, sheet.rate_percent) == (
        "flat",
        360000,
        12,
        "0.60",
    )
    assert (sheet.apr_percent, sheet.effective_percent) == ("13.03", "13.84")
    assert (sheet.total_fee, sheet.total_cost, sheet.scheduled_total) == (25920, 25920, 385920)
    assert len(sheet.rows) == 12
    assert [r.period for r in sheet.rows] == list(range(1, 13))
    first, second = sheet.rows[0], sheet.rows[1]
    assert (first.due_date, first.principal, first.fee, first.total) == (
        date(2026, 10, 31),
        30000,
        2160,
        32160,
    )
    # As of 2026-11-21 the payment dated 11-30 is not made yet: period 1 is overdue.
    assert first.overdue and first.days_overdue == 21 and first.paid == 0
    assert first.amount_due == 32160
    assert second.status is not Status.PAID
    assert sheet.overdue_count == 1
    assert sheet.as_of == TODAY and sheet.status == "overdue"


def test_schedule_sheet_rows_show_what_was_paid_and_what_remains() -> None:
    later = date(2026, 12, 1)
    sheet = schedule_sheet(detail(REFERENCE, (Payment(date(2026, 11, 30), 40000, 1),), later))
    first, second = sheet.rows[0], sheet.rows[1]
    assert (first.paid, first.amount_due, first.status) == (32160, 0, Status.PAID)
    assert (second.paid, second.amount_due) == (40000 - 32160, 32160 - (40000 - 32160))
    assert sheet.paid_total == 40000 and sheet.balance == 385920 - 40000
    assert sum(r.amount_due for r in sheet.rows) == sheet.balance


def test_models_without_a_rate_have_none() -> None:
    terms = PlanTerms(Model.INTEREST_FREE, 120000, 3, date(2026, 12, 15))
    sheet = schedule_sheet(detail(terms, platform=""))
    assert sheet.rate_percent is None and sheet.apr_percent == "0.00"
    assert [r.total for r in sheet.rows] == [40000, 40000, 40000]


def test_a_loan_sheet_charges_interest_a_flat_one_fees() -> None:
    loan = PlanTerms(Model.ANNUITY, 1000000, 12, date(2026, 12, 10), Decimal("0.12"))
    sheet = schedule_sheet(detail(loan, platform="招商银行"))
    assert sheet.charge is Charge.INTEREST
    assert sheet.total_fee == sum(r.fee for r in sheet.rows) == 66186
    assert schedule_sheet(detail(REFERENCE)).charge is Charge.FEE
