"""After a prepayment the schedule has 121 (keep the term: 12 paid + the prepayment + 108) or
95 (keep the payment: 12 + 1 + 82) rows, not the terms' 120: the plan list's paid/periods, the
due list, the overview's attention rows, the calendar and the Payments tab's period spans all
count the stored schedule (the issue's 100,000.00 at 3.6% over 120 months, 12 paid, 20,000.00
prepaid on 2025-12-20)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.prepay import Keep
from tracker.services.calendar import installments_between
from tracker.services.dashboard import dashboard
from tracker.services.payment_list import settled_periods
from tracker.services.prepayments import record_prepayment
from tracker.storage.engine import Database

LOAN = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2025, 1, 15), Decimal("0.036"))
ON = date(2025, 12, 20)


@pytest.mark.parametrize(
    ("keep", "rows", "payment"), [(Keep.TERM, 121, 77647), (Keep.PAYMENT, 95, 99355)]
)
def test_every_n_of_n_counts_the_stored_schedule(
    db: Database, keep: Keep, rows: int, payment: int
) -> None:
    change = sv.add_plan(db, sv.PlanInput(name="房贷", terms=LOAN), as_of=ON, paid_periods=12)
    loan = change.created_id
    assert loan is not None
    [before] = sv.list_plans(db, ON)
    assert (before.periods_paid, before.periods) == (12, 120)
    recorded, _quote = record_prepayment(db, loan, 2_000_000, ON, keep, ON)

    [plan] = sv.list_plans(db, ON)
    assert (plan.periods_paid, plan.periods) == (13, rows)  # not 13/120
    assert [(p.periods_paid, p.periods) for p in sv.plan_summaries(db, ON, [loan])] == [(13, rows)]
    assert (plan.next_due, plan.next_amount) == (date(2026, 1, 15), payment)

    late = date(2026, 1, 20)  # the first new installment is 5 days late: attention
    [due] = sv.due(db, late)
    assert (due.period, due.periods, due.amount_due) == (14, rows, payment)
    board = dashboard(db, late)
    assert [(r.period, r.periods) for r in board.due] == [(14, rows)]
    month = installments_between(db, date(2026, 1, 1), date(2026, 1, 31), ON)
    assert [(i.period, i.periods) for i in month] == [(14, rows)]
    last = installments_between(db, date(2025, 12, 1), date(2035, 1, 31), ON)[-1]
    assert (last.period, last.periods) == (rows, rows)

    spans = settled_periods(db, sv.history(db, loan))
    assert spans[recorded.created_id].first == spans[recorded.created_id].last == 13
    assert {span.periods for span in spans.values()} == {rows}
    assert sv.plan_detail(db, loan, ON + timedelta(days=1)).installments[-1].period == rows
