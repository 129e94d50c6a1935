"""The ledger: allocation of payments, status as of a date, grace, tolerance and penalty.

Reference plan unless a test says otherwise (domain-rules.md, "flat" example): 3600.00 over 12
periods at 0.6% per period, first due 2024-01-31, so every installment is 32160 fen
(30000 principal + 2160 fee) and the due dates are 01-31, 02-29, 03-31, 04-30, …
Amounts are integer fen; every date is exact; nothing here reads the clock.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain import Model, PlanTerms, build_schedule
from tracker.domain.ledger import (
    Allocation,
    LedgerRules,
    LedgerState,
    Payment,
    PaymentError,
    Status,
    check_payment,
    evaluate,
)
from tracker.domain.plan import Installment

TERMS = PlanTerms(Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006"))
PLAN = build_schedule(TERMS).installments
EACH = 32160
FEE = 2160
PRINCIPAL = 30000
TOTAL = 12 * EACH  # 385920

JAN31, FEB29, MAR31, APR30 = (
    date(2024, 1, 31),
    date(2024, 2, 29),
    date(2024, 3, 31),
    date(2024, 4, 30),
)
OFF = LedgerRules()
RATE = Decimal("0.0005")


def state(payments=(), as_of=date(2024, 1, 1), rules=OFF, installments=PLAN) -> LedgerState:
    return evaluate(installments, list(payments), rules, as_of)


def period(s: LedgerState, k: int):
    found = [i for i in s.installments if i.period == k]
    assert len(found) == 1
    return found[0]


def paid_on_due(n: int) -> list[Payment]:
    """The first ``n`` installments, each paid in full on its due date."""
    return [Payment(PLAN[k].due_date, EACH, id=k + 1) for k in range(n)]


# --- the reference plan --------------------------------------------------------------------


def test_reference_plan_is_twelve_installments_of_321_60_on_month_end_dates():
    assert [(i.principal, i.fee) for i in PLAN] == [(PRINCIPAL, FEE)] * 12
    assert [i.due_date for i in PLAN[:4]] == [JAN31, FEB29, MAR31, APR30]
    assert sum(i.total for i in PLAN) == TOTAL


def test_no_payments_nothing_paid_and_the_whole_plan_owed():
    s = state(as_of=date(2024, 1, 1))
    assert s.balance == TOTAL
    assert s.paid_total == 0
    assert s.remaining_principal == 360000
    assert s.allocations == ()
    assert s.periods_paid == 0
    assert not s.settled
    assert s.next_unpaid is not None and s.next_unpaid.period == 1
    assert all(i.status is Status.UPCOMING for i in s.installments)


# --- status as of a date (month-end plan) --------------------------------------------------


def test_status_on_a_leap_day_due_date_is_due_today():
    s = state(as_of=FEB29)
    feb = period(s, 2)
    assert feb.due_date == FEB29
    assert (feb.status, feb.days_overdue) == (Status.DUE_TODAY, 0)
    assert (period(s, 1).status, period(s, 1).days_overdue) == (Status.OVERDUE, 29)
    assert period(s, 3).status is Status.UPCOMING  # 03-31 is 31 days away


def test_due_soon_is_inclusive_of_the_seventh_day_before():
    assert period(state(as_of=date(2024, 2, 22)), 2).status is Status.DUE_SOON
    assert period(state(as_of=date(2024, 2, 28)), 2).status is Status.DUE_SOON
    assert period(state(as_of=date(2024, 2, 21)), 2).status is Status.UPCOMING


def test_reminder_window_is_a_rule():
    rules = LedgerRules(reminder_days=3)
    assert period(state(as_of=date(2024, 2, 26), rules=rules), 2).status is Status.DUE_SOON
    assert period(state(as_of=date(2024, 2, 25), rules=rules), 2).status is Status.UPCOMING


def test_day_after_due_with_no_grace_is_overdue_counting_from_the_day_after():
    s = state(as_of=date(2024, 3, 1))
    assert (period(s, 1).status, period(s, 1).days_overdue) == (Status.OVERDUE, 30)
    assert (period(s, 2).status, period(s, 2).days_overdue) == (Status.OVERDUE, 1)
    assert (period(s, 3).status, period(s, 3).days_overdue) == (Status.UPCOMING, 0)
    assert period(s, 4).days_overdue == 0


def test_days_overdue_is_zero_unless_grace_or_overdue():
    s = state(as_of=date(2024, 3, 31))
    for inst in s.installments:
        if inst.status in (Status.GRACE, Status.OVERDUE):
            assert inst.days_overdue == (s.as_of - inst.due_date).days
        else:
            assert inst.days_overdue == 0


# --- allocation: penalty, then fee, then principal; oldest first ---------------------------


def test_partial_payment_pays_the_fee_first_then_principal():
    s = state([Payment(JAN31, 10000, id=7)], as_of=JAN31)
    assert s.allocations == (Allocation(7, 1, 0, 2160, 7840),)
    jan = period(s, 1)
    assert (jan.paid_fee, jan.paid_principal, jan.paid_penalty) == (2160, 7840, 0)
    assert jan.remaining == 22160
    assert jan.remaining_fee == 0
    assert jan.remaining_principal == 22160
    assert jan.amount_due == 22160
    assert (jan.status, jan.days_overdue) == (Status.DUE_TODAY, 0)
    assert jan.settled_on is None


def test_partial_payment_is_overdue_the_next_day():
    jan = period(state([Payment(JAN31, 10000, id=1)], as_of=date(2024, 2, 1)), 1)
    assert (jan.status, jan.days_overdue) == (Status.OVERDUE, 1)
    assert jan.remaining == 22160


def test_partial_payment_before_the_reminder_window_is_partial_then_due_soon():
    payments = [Payment(date(2024, 1, 10), 10000, id=1)]
    assert period(state(payments, as_of=date(2024, 1, 15)), 1).status is Status.PARTIAL
    assert period(state(payments, as_of=date(2024, 1, 24)), 1).status is Status.DUE_SOON


def test_a_payment_smaller_than_the_fee_pays_only_fee():
    s = state([Payment(JAN31, 1000, id=1)], as_of=JAN31)
    assert s.allocations == (Allocation(1, 1, 0, 1000, 0),)
    assert period(s, 1).remaining_fee == 1160


def test_paying_three_installments_ahead_settles_them_with_exact_allocations():
    s = state([Payment(date(2024, 1, 10), 3 * EACH, id=1)], as_of=date(2024, 1, 10))
    assert s.allocations == (
        Allocation(1, 1, 0, FEE, PRINCIPAL),
        Allocation(1, 2, 0, FEE, PRINCIPAL),
        Allocation(1, 3, 0, FEE, PRINCIPAL),
    )
    for k in (1, 2, 3):
        inst = period(s, k)
        assert (inst.status, inst.amount_due, inst.settled_on) == (
            Status.PAID,
            0,
            date(2024, 1, 10),
        )
    assert period(s, 4).status is Status.UPCOMING
    assert s.periods_paid == 3
    assert s.next_unpaid is not None and s.next_unpaid.period == 4
    assert s.balance == TOTAL - 3 * EACH
    assert sum(a.total for a in s.allocations) == 3 * EACH


def test_extra_goes_to_the_next_installment_fee_first():
    s = state([Payment(date(2024, 1, 10), 40000, id=1)], as_of=date(2024, 1, 10))
    assert s.allocations == (
        Allocation(1, 1, 0, FEE, PRINCIPAL),
        Allocation(1, 2, 0, 2160, 5680),
    )
    assert period(s, 1).status is Status.PAID
    feb = period(s, 2)
    assert (feb.paid_fee, feb.paid_principal, feb.remaining) == (2160, 5680, 24320)
    assert feb.status is Status.PARTIAL  # paid in part, due 50 days later
    assert period(s, 3).paid == 0


def test_oldest_unpaid_installment_is_paid_first():
    # Nothing paid until 03-05: January and February are both overdue.
    s = state([Payment(date(2024, 3, 5), 40000, id=1)], as_of=date(2024, 3, 5))
    assert s.allocations == (
        Allocation(1, 1, 0, FEE, PRINCIPAL),
        Allocation(1, 2, 0, 2160, 5680),
    )
    assert period(s, 1).status is Status.PAID
    assert period(s, 2).status is Status.OVERDUE


def test_payments_replay_in_date_order_then_id():
    payments = [
        Payment(date(2024, 1, 20), 20000, id=1),
        Payment(date(2024, 1, 10), 1000, id=3),
        Payment(date(2024, 1, 10), 500, id=2),
    ]
    s = state(payments, as_of=date(2024, 1, 31))
    assert s.allocations == (
        Allocation(2, 1, 0, 500, 0),
        Allocation(3, 1, 0, 1000, 0),
        Allocation(1, 1, 0, 660, 19340),
    )


def test_payments_after_as_of_have_not_happened_yet():
    payments = [Payment(JAN31, EACH, id=1), Payment(FEB29, EACH, id=2)]
    s = state(payments, as_of=date(2024, 2, 28))
    assert period(s, 1).status is Status.PAID
    assert period(s, 2).paid == 0
    assert period(s, 2).status is Status.DUE_SOON
    assert [a.payment_id for a in s.allocations] == [1]


def test_paying_every_installment_on_its_due_date_settles_the_plan():
    s = state(paid_on_due(12), as_of=date(2025, 1, 1))
    assert s.settled
    assert s.balance == 0
    assert s.paid_total == TOTAL
    assert s.periods_paid == 12
    assert s.next_unpaid is None
    assert [i.settled_on for i in s.installments] == [i.due_date for i in PLAN]


# --- voided payments -----------------------------------------------------------------------


def test_a_voided_payment_settles_nothing():
    voided = Payment(JAN31, EACH, id=1, voided=True)
    assert state([voided], as_of=date(2024, 3, 1)) == state([], as_of=date(2024, 3, 1))


def test_voiding_one_payment_recomputes_the_allocation_as_if_it_never_existed():
    kept = [Payment(JAN31, 10000, id=1), Payment(date(2024, 2, 10), 30000, id=3)]
    voided = Payment(date(2024, 2, 1), 22160, id=2, voided=True)
    rules = LedgerRules(penalty_daily_rate=RATE)
    with_void = state([*kept, voided], as_of=date(2024, 3, 15), rules=rules)
    assert with_void == state(kept, as_of=date(2024, 3, 15), rules=rules)
    assert 2 not in {a.payment_id for a in with_void.allocations}


# --- check_payment -------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [0, -1, -32160])
def test_check_payment_refuses_zero_and_negative(amount):
    with pytest.raises(PaymentError):
        check_payment(PLAN, [], OFF, Payment(JAN31, amount))


def test_check_payment_accepts_exactly_the_balance_and_refuses_one_fen_more():
    existing = paid_on_due(4)
    on = date(2024, 5, 15)
    assert evaluate(PLAN, existing, OFF, on).balance == 257280
    check_payment(PLAN, existing, OFF, Payment(on, 257280))  # no error
    with pytest.raises(PaymentError, match=r"2572\.80"):
        check_payment(PLAN, existing, OFF, Payment(on, 257281))


def test_check_payment_on_an_empty_history_names_the_whole_plan():
    check_payment(PLAN, [], OFF, Payment(date(2024, 1, 5), TOTAL))
    with pytest.raises(PaymentError, match=r"3859\.20"):
        check_payment(PLAN, [], OFF, Payment(date(2024, 1, 5), TOTAL + 1))


def test_check_payment_ignores_voided_payments():
    existing = [Payment(JAN31, TOTAL, id=1, voided=True)]
    check_payment(PLAN, existing, OFF, Payment(FEB29, TOTAL))


def test_check_payment_balance_includes_penalty_charged_on_its_date():
    rules = LedgerRules(penalty_daily_rate=RATE)
    on = date(2024, 3, 1)
    # Jan 30 days (482.4 → 482) and Feb 1 day (16.08 → 16) overdue, then ten installments.
    balance = EACH + 482 + EACH + 16 + 10 * EACH
    assert evaluate(PLAN, [], rules, on).balance == balance
    check_payment(PLAN, [], rules, Payment(on, balance))
    with pytest.raises(PaymentError, match=r"3864\.18"):
        check_payment(PLAN, [], rules, Payment(on, balance + 1))


# --- grace -----------------------------------------------------------------------------------


GRACE3 = LedgerRules(grace_days=3, penalty_daily_rate=RATE)


def test_within_grace_days_status_is_grace_without_penalty():
    jan = period(state(as_of=date(2024, 2, 3), rules=GRACE3), 1)  # due + 3
    assert (jan.status, jan.days_overdue, jan.penalty, jan.amount_due) == (
        Status.GRACE,
        3,
        0,
        EACH,
    )


def test_the_day_after_grace_is_overdue_and_penalty_counts_from_the_day_after_due():
    jan = period(state(as_of=date(2024, 2, 4), rules=GRACE3), 1)  # due + 4
    assert (jan.status, jan.days_overdue) == (Status.OVERDUE, 4)
    assert jan.penalty == 64  # 32160 × 0.0005 × 4 = 64.32
    assert jan.amount_due == EACH + 64


def test_grace_without_a_penalty_rate():
    rules = LedgerRules(grace_days=3)
    assert period(state(as_of=date(2024, 2, 3), rules=rules), 1).status is Status.GRACE
    jan = period(state(as_of=date(2024, 2, 4), rules=rules), 1)
    assert (jan.status, jan.penalty) == (Status.OVERDUE, 0)


def test_settled_on_the_last_grace_day_is_never_charged_penalty():
    payments = [Payment(date(2024, 2, 3), EACH, id=1)]
    for as_of in (date(2024, 2, 3), date(2024, 2, 4), date(2024, 6, 30), date(2026, 1, 1)):
        jan = period(state(payments, as_of=as_of, rules=GRACE3), 1)
        assert (jan.status, jan.penalty, jan.amount_due) == (Status.PAID, 0, 0)
        assert jan.settled_on == date(2024, 2, 3)
    s = state(payments, as_of=date(2024, 2, 3), rules=GRACE3)
    assert s.allocations == (Allocation(1, 1, 0, FEE, PRINCIPAL),)


def test_paid_the_day_after_grace_the_penalty_is_paid_first():
    payments = [Payment(date(2024, 2, 4), EACH, id=1)]
    s = state(payments, as_of=date(2024, 2, 4), rules=GRACE3)
    assert s.allocations == (Allocation(1, 1, 64, FEE, PRINCIPAL - 64),)
    jan = period(s, 1)
    assert (jan.penalty, jan.paid_penalty, jan.remaining) == (64, 64, 64)
    assert jan.status is Status.OVERDUE


# --- tolerance -------------------------------------------------------------------------------


TOL = LedgerRules(tolerance=1000, penalty_daily_rate=RATE)


def test_unpaid_within_tolerance_is_partial_and_accrues_nothing():
    payments = [Payment(JAN31, EACH - 1000, id=1)]  # 10.00 left
    for as_of in (date(2024, 2, 1), date(2024, 3, 1), date(2025, 1, 1)):
        jan = period(state(payments, as_of=as_of, rules=TOL), 1)
        assert (jan.status, jan.days_overdue, jan.penalty) == (Status.PARTIAL, 0, 0)
        assert jan.remaining == 1000


def test_unpaid_one_fen_over_tolerance_is_overdue_with_penalty():
    payments = [Payment(JAN31, EACH - 1001, id=1)]  # 10.01 left
    jan = period(state(payments, as_of=date(2024, 3, 1), rules=TOL), 1)
    assert (jan.status, jan.days_overdue) == (Status.OVERDUE, 30)
    assert jan.penalty == 15  # 1001 × 0.0005 × 30 = 15.015
    assert jan.amount_due == 1001 + 15


def test_tolerance_before_the_due_date_does_not_make_it_paid():
    payments = [Payment(date(2024, 1, 10), EACH - 1000, id=1)]
    assert period(state(payments, as_of=date(2024, 1, 10), rules=TOL), 1).status is Status.PARTIAL
    assert period(state(payments, as_of=JAN31, rules=TOL), 1).status is Status.DUE_TODAY
    assert period(state(payments, as_of=date(2024, 2, 1), rules=TOL), 1).status is Status.PARTIAL


def test_remainder_within_tolerance_can_still_be_paid_off():
    payments = [Payment(JAN31, EACH - 1000, id=1), Payment(date(2024, 3, 1), 1000, id=2)]
    jan = period(state(payments, as_of=date(2024, 3, 1), rules=TOL), 1)
    assert (jan.status, jan.penalty, jan.amount_due) == (Status.PAID, 0, 0)


# --- penalty ---------------------------------------------------------------------------------


def test_penalty_is_off_by_default():
    jan = period(state(as_of=date(2025, 1, 31)), 1)
    assert jan.status is Status.OVERDUE
    assert (jan.penalty, jan.amount_due) == (0, EACH)


@pytest.mark.parametrize("grace", [0, 3])
def test_penalty_over_30_days(grace):
    rules = LedgerRules(grace_days=grace, penalty_daily_rate=RATE)
    jan = period(state(as_of=date(2024, 3, 1), rules=rules), 1)
    assert (jan.status, jan.days_overdue) == (Status.OVERDUE, 30)
    assert jan.penalty == 482  # 32160 × 0.0005 × 30 = 482.4
    assert jan.penalty_due == 482
    assert jan.amount_due == EACH + 482


def test_penalty_accrues_piecewise_as_a_partial_payment_reduces_the_unpaid_amount():
    # Day 5 (02-05): 32160 × 0.0005 × 5 = 80.4 → 80 charged and paid first; 10000 − 80 pays
    # fee 2160 and principal 7760, leaving 22240, which accrues 25 more days to 03-01:
    # 22240 × 0.0005 × 25 = 278; total 80.4 + 278 = 358.4 → 358.
    payments = [Payment(date(2024, 2, 5), 10000, id=1)]
    s5 = state(payments, as_of=date(2024, 2, 5), rules=GRACE3)
    assert s5.allocations == (Allocation(1, 1, 80, 2160, 7760),)
    jan = period(state(payments, as_of=date(2024, 3, 1), rules=GRACE3), 1)
    assert (jan.paid_penalty, jan.paid_fee, jan.paid_principal) == (80, 2160, 7760)
    assert jan.remaining == 22240
    assert jan.penalty == 358
    assert jan.penalty_due == 278
    assert jan.amount_due == 22518
    assert (jan.status, jan.days_overdue) == (Status.OVERDUE, 30)


def test_penalty_is_rounded_half_up_when_charged():
    # 1000 × 0.0005 = 0.5 fen a day: 1 day 0.5 → 1, 3 days 1.5 → 2, 5 days 2.5 → 3.
    plan = (Installment(1, JAN31, 1000, 0),)
    rules = LedgerRules(penalty_daily_rate=RATE)
    got = [
        period(state(as_of=JAN31 + timedelta(days=d), rules=rules, installments=plan), 1).penalty
        for d in (1, 2, 3, 5)
    ]
    assert got == [1, 1, 2, 3]


def test_penalty_stops_accruing_once_the_installment_is_settled():
    rules = LedgerRules(penalty_daily_rate=RATE)
    payments = [Payment(date(2024, 3, 1), EACH + 482, id=1)]
    s = state(payments, as_of=date(2024, 12, 31), rules=rules)
    jan = period(s, 1)
    assert (jan.status, jan.penalty, jan.paid_penalty, jan.amount_due) == (Status.PAID, 482, 482, 0)
    assert jan.settled_on == date(2024, 3, 1)
    assert s.allocations == (Allocation(1, 1, 482, FEE, PRINCIPAL),)


def test_each_overdue_installment_is_paid_penalty_first_oldest_first():
    rules = LedgerRules(penalty_daily_rate=RATE)
    # 03-01: Jan 482 penalty, Feb 1 day → 16.
    s = state(
        [Payment(date(2024, 3, 1), EACH + 482 + 1000, id=1)], as_of=date(2024, 3, 1), rules=rules
    )
    assert s.allocations == (
        Allocation(1, 1, 482, FEE, PRINCIPAL),
        Allocation(1, 2, 16, 984, 0),
    )


def test_late_payment_of_penalty_and_all_but_the_tolerance_is_partial():
    # 30 days late (482 penalty), then everything but 10.00 of principal + fee is paid.
    payments = [Payment(date(2024, 3, 1), 482 + EACH - 1000, id=1)]
    for as_of in (date(2024, 3, 1), date(2024, 12, 31)):
        jan = period(state(payments, as_of=as_of, rules=TOL), 1)
        assert (jan.remaining, jan.penalty, jan.penalty_due) == (1000, 482, 0)
        assert (jan.status, jan.days_overdue) == (Status.PARTIAL, 0)


# --- properties ------------------------------------------------------------------------------

START = date(2023, 12, 1)
END = date(2025, 3, 1)

rules_strategy = st.builds(
    LedgerRules,
    grace_days=st.integers(0, 5),
    tolerance=st.sampled_from([0, 0, 100, 1000]),
    penalty_daily_rate=st.sampled_from([Decimal(0), Decimal("0.0005"), Decimal("0.00033")]),
    reminder_days=st.integers(0, 10),
)

plans = st.builds(
    lambda principal, periods, rate: (
        build_schedule(
            PlanTerms(Model.FLAT, principal, periods, date(2024, 1, 31), rate)
        ).installments
    ),
    principal=st.integers(100, 500000),
    periods=st.integers(1, 12),
    rate=st.sampled_from([Decimal(0), Decimal("0.006"), Decimal("0.0075")]),
)


@st.composite
def histories(draw, penalty_free: bool = False):
    """A plan, its rules and payments each within the balance on its date (ids in replay order)."""
    installments = draw(plans)
    rules = draw(rules_strategy)
    if penalty_free:
        rules = LedgerRules(rules.grace_days, rules.tolerance, Decimal(0), rules.reminder_days)
    offsets = sorted(draw(st.lists(st.integers(0, (END - START).days), max_size=8)))
    payments: list[Payment] = []
    for n, offset in enumerate(offsets, start=1):
        day = START + timedelta(days=offset)
        balance = evaluate(installments, payments, rules, day).balance
        if balance == 0:
            break
        amount = draw(st.integers(1, balance))
        payments.append(Payment(day, amount, id=n))
    return installments, rules, payments


@given(histories())
def test_property_allocations_add_up_to_the_payments(history):
    installments, rules, payments = history
    s = evaluate(installments, payments, rules, END)
    assert sum(a.total for a in s.allocations) == sum(p.amount for p in payments)
    assert s.paid_total == sum(p.amount for p in payments)
    for p in payments:
        assert sum(a.total for a in s.allocations if a.payment_id == p.id) == p.amount


@given(histories())
def test_property_nothing_is_paid_beyond_what_is_owed(history):
    installments, rules, payments = history
    s = evaluate(installments, payments, rules, END)
    for i in s.installments:
        assert 0 <= i.paid_fee <= i.installment.fee
        assert 0 <= i.paid_principal <= i.installment.principal
        assert 0 <= i.paid_penalty <= i.penalty
        assert i.amount_due >= 0
        assert (i.status is Status.PAID) == (i.amount_due == 0)


@given(histories(penalty_free=True))
def test_property_balance_plus_paid_is_the_schedule_total_without_penalty(history):
    installments, rules, payments = history
    for as_of in (START, *(p.date for p in payments), END):
        s = evaluate(installments, payments, rules, as_of)
        assert s.balance + s.paid_total == sum(i.total for i in installments)
        assert s.penalty_due == 0


@given(histories(), st.randoms(use_true_random=False))
def test_property_the_order_payments_are_given_in_does_not_matter(history, rnd: random.Random):
    installments, rules, payments = history
    shuffled = list(payments)
    rnd.shuffle(shuffled)
    for as_of in (END, *(p.date for p in payments)):
        assert evaluate(installments, shuffled, rules, as_of) == evaluate(
            installments, payments, rules, as_of
        )


@given(histories())
def test_property_voiding_every_payment_gives_back_the_unpaid_state(history):
    installments, rules, payments = history
    voided = [Payment(p.date, p.amount, p.id, voided=True) for p in payments]
    assert evaluate(installments, voided, rules, END) == evaluate(installments, [], rules, END)


@given(histories(), st.integers(0, (END - START).days + 30))
def test_property_check_payment_accepts_the_balance_and_refuses_one_fen_more(history, offset):
    installments, rules, payments = history
    last = payments[-1].date if payments else START
    on = max(last, START + timedelta(days=offset))
    balance = evaluate(installments, payments, rules, on).balance
    if balance > 0:
        check_payment(installments, payments, rules, Payment(on, balance))
    with pytest.raises(PaymentError) as refused:
        check_payment(installments, payments, rules, Payment(on, balance + 1))
    assert f"{balance // 100}.{balance % 100:02d}" in str(refused.value)
