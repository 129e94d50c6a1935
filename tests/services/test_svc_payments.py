"""Payment services: record, void, payoff quote and payoff, history and what is due.

Reference plan (see conftest): 3600.00 / 12 / 0.6% flat, first due 2024-01-31, 32160 fen per
period (30000 principal + 2160 fee); due 01-31, 02-29, 03-31, 04-30, 05-31, …
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.payoff import PayoffPolicy

JAN31, FEB29, MAR31, APR30 = (
    date(2024, 1, 31),
    date(2024, 2, 29),
    date(2024, 3, 31),
    date(2024, 4, 30),
)
MAY10, MAY31 = date(2024, 5, 10), date(2024, 5, 31)
EACH, FEE, PRINCIPAL = 32160, 2160, 30000
TOTAL = 12 * EACH  # 385920


def _pay_four(db, pid):
    return [sv.record_payment(db, pid, EACH, d, d).created_id for d in (JAN31, FEB29, MAR31, APR30)]


# --- record -------------------------------------------------------------------------------


def test_record_payment_returns_change_and_appears_in_history(db, add):
    pid = add()
    change = sv.record_payment(db, pid, EACH, JAN31, JAN31, " 支付宝 ", " 1月 ")
    assert change.action == "payment_recorded"
    assert change.plan_ids == frozenset({pid})
    assert change.created_id is not None
    assert change.payment_ids == frozenset({change.created_id})

    [row] = sv.history(db, pid)
    assert row == sv.PaymentRow(
        change.created_id, pid, "Xiaomi 14", "CNY", JAN31, EACH, "支付宝", "1月", False, "payment"
    )
    d = sv.plan_detail(db, pid, JAN31)
    assert d.installments[0].status is Status.PAID
    assert d.state.balance == TOTAL - EACH


def test_partial_payment_before_and_after_the_due_date(db, add):
    pid = add()
    sv.record_payment(db, pid, 20000, date(2024, 1, 10), date(2024, 1, 10))

    early = sv.plan_detail(db, pid, date(2024, 1, 10))
    first = early.installments[0]
    assert first.status is Status.PARTIAL
    assert (first.paid_fee, first.paid_principal) == (FEE, 20000 - FEE)
    assert first.amount_due == EACH - 20000 == 12160
    assert early.state.balance == TOTAL - 20000 == 365920

    late = sv.plan_detail(db, pid, date(2024, 2, 5))
    first = late.installments[0]
    assert first.status is Status.OVERDUE
    assert first.days_overdue == 5
    assert first.amount_due == 12160
    assert late.status is sv.PlanStatus.OVERDUE
    assert late.state.balance == 365920
    assert sv.list_plans(db, date(2024, 2, 5))[0].overdue_amount == 12160


def test_paying_ahead_settles_later_installments_oldest_first(db, add):
    pid = add()
    sv.record_payment(db, pid, 2 * EACH + 7840, date(2024, 1, 20), date(2024, 1, 20))
    d = sv.plan_detail(db, pid, date(2024, 1, 20))
    states = d.installments
    assert [s.status for s in states[:4]] == [
        Status.PAID,
        Status.PAID,
        Status.PARTIAL,
        Status.UPCOMING,
    ]
    assert (states[2].paid_fee, states[2].paid_principal) == (FEE, 7840 - FEE)
    assert states[2].amount_due == EACH - 7840 == 24320
    assert d.state.periods_paid == 2
    assert d.state.next_unpaid is not None and d.state.next_unpaid.due_date == MAR31
    assert d.state.balance == TOTAL - 2 * EACH - 7840
    # nothing of this plan is due until period 3 comes near
    assert sv.due(db, date(2024, 3, 1)) == []
    assert [i.period for i in sv.due(db, date(2024, 3, 25))] == [3]


@pytest.mark.parametrize("amount", [0, -1])
def test_zero_or_negative_payment_is_refused(db, add, snapshot, amount):
    pid = add()
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="more than zero"):
        sv.record_payment(db, pid, amount, JAN31, JAN31)
    assert snapshot() == before


def test_over_payment_is_refused_naming_the_balance(db, add, snapshot):
    pid = add()
    sv.record_payment(db, pid, EACH, JAN31, JAN31)
    before = snapshot()
    with pytest.raises(sv.ServiceError) as exc:
        sv.record_payment(db, pid, TOTAL - EACH + 1, FEB29, FEB29)
    message = str(exc.value)
    assert "3537.61" in message  # the amount refused
    assert "3537.60" in message  # the balance
    assert "\n" not in message
    assert snapshot() == before
    # exactly the balance is fine and closes the plan
    sv.record_payment(db, pid, TOTAL - EACH, FEB29, FEB29)
    d = sv.plan_detail(db, pid, FEB29)
    assert d.status is sv.PlanStatus.CLOSED
    assert d.closed_on == FEB29


def test_future_dated_payment_is_refused(db, add, snapshot):
    pid = add()
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="2024-02-01 is in the future"):
        sv.record_payment(db, pid, EACH, date(2024, 2, 1), JAN31)
    assert snapshot() == before
    sv.record_payment(db, pid, EACH, JAN31, JAN31)  # on the day itself is fine


def test_too_long_note_is_refused(db, add, snapshot):
    pid = add()
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="note"):
        sv.record_payment(db, pid, EACH, JAN31, JAN31, note="x" * 1001)
    assert snapshot() == before


def test_payment_that_pays_the_last_fen_closes_the_plan_and_more_is_refused(db, add, snapshot):
    pid = add()
    sv.record_payment(db, pid, TOTAL - 1, JAN31, JAN31)
    assert sv.plan_detail(db, pid, JAN31).closed_on is None
    last = sv.record_payment(db, pid, 1, FEB29, FEB29).created_id
    d = sv.plan_detail(db, pid, FEB29)
    assert (d.status, d.closed_on, d.state.balance) == (sv.PlanStatus.CLOSED, FEB29, 0)
    assert sv.list_plans(db, FEB29)[0].status is sv.PlanStatus.CLOSED
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="paid off"):
        sv.record_payment(db, pid, 1, MAR31, MAR31)
    assert snapshot() == before
    # voiding the closing payment reopens the plan with 0.01 owed
    sv.void_payment(db, last, MAR31)
    d = sv.plan_detail(db, pid, FEB29)
    assert (d.closed_on, d.state.balance) == (None, 1)


# --- void ---------------------------------------------------------------------------------


def test_void_recomputes_allocation_and_keeps_the_payment_in_history(db, add):
    pid = add()
    p1 = sv.record_payment(db, pid, EACH, JAN31, JAN31).created_id
    p2 = sv.record_payment(db, pid, 10000, FEB29, FEB29).created_id
    before = sv.plan_detail(db, pid, MAR31 - timedelta(days=20))

    change = sv.void_payment(db, p2, date(2024, 3, 5))
    assert change.action == "payment_voided"
    assert change.plan_ids == frozenset({pid})
    assert change.payment_ids == frozenset({p2})
    assert change.created_id is None

    rows = sv.history(db, pid)
    assert [(r.id, r.amount, r.voided) for r in rows] == [(p1, EACH, False), (p2, 10000, True)]
    d = sv.plan_detail(db, pid, date(2024, 3, 5))
    assert d.state.paid_total == EACH == before.state.paid_total - 10000
    assert d.installments[1].paid == 0
    assert d.installments[1].status is Status.OVERDUE
    assert d.state.balance == TOTAL - EACH
    assert not any(a.payment_id == p2 for a in d.state.allocations)

    with pytest.raises(sv.ServiceError, match="already voided"):
        sv.void_payment(db, p2, date(2024, 3, 5))
    with pytest.raises(sv.ServiceError, match="no payment with id 999"):
        sv.void_payment(db, 999, date(2024, 3, 5))


def test_void_an_earlier_payment_moves_a_later_one_back(db, add):
    """Voiding the January payment makes the February one settle January instead."""
    pid = add()
    p1 = sv.record_payment(db, pid, EACH, JAN31, JAN31).created_id
    sv.record_payment(db, pid, EACH, FEB29, FEB29)
    sv.void_payment(db, p1, date(2024, 3, 1))
    d = sv.plan_detail(db, pid, date(2024, 3, 1))
    assert [s.status for s in d.installments[:2]] == [Status.PAID, Status.OVERDUE]
    assert d.installments[0].settled_on == FEB29


# --- payoff -------------------------------------------------------------------------------


def test_payoff_example_of_the_domain_rules(db, add):
    """4 periods paid, charge_all_fees: 2400.00 + 8 × 21.60 = 2572.80."""
    pid = add()
    _pay_four(db, pid)
    q = sv.payoff_quote(db, pid, MAY10, MAY10)
    assert (q.amount, q.principal, q.fees, q.penalty, q.charge, q.waived) == (
        257280,
        240000,
        17280,
        0,
        0,
        0,
    )
    assert sv.history(db, pid)[-1].date == APR30  # a quote records nothing

    change, paid = sv.pay_off(db, pid, MAY10, MAY10, "银行卡", "提前结清")
    assert paid == q
    assert change.action == "plan_paid_off"
    assert change.plan_ids == frozenset({pid})
    assert change.created_id is not None
    assert change.payment_ids == frozenset({change.created_id})

    d = sv.plan_detail(db, pid, MAY10)
    assert (d.status, d.closed_on, d.state.balance) == (sv.PlanStatus.CLOSED, MAY10, 0)
    assert d.state.paid_total == TOTAL
    assert [s.installment.fee for s in d.installments] == [FEE] * 12
    last = sv.history(db, pid)[-1]
    assert (last.id, last.amount, last.kind, last.method, last.note) == (
        change.created_id,
        257280,
        "payoff",
        "银行卡",
        "提前结清",
    )
    assert sv.due(db, date(2024, 6, 30)) == []

    # voiding the payoff reopens the plan with every 21.60 fee
    sv.void_payment(db, change.created_id, MAY10)
    d = sv.plan_detail(db, pid, MAY10)
    assert d.closed_on is None
    assert d.status is sv.PlanStatus.ACTIVE
    assert d.state.balance == 257280
    assert [s.installment.fee for s in d.installments] == [FEE] * 12
    assert d.state.periods_paid == 4


def test_payoff_waiving_future_fees_and_its_void_restores_them(db, add):
    pid = add(payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES)
    _pay_four(db, pid)
    q = sv.payoff_quote(db, pid, MAY10, MAY10)
    assert (q.amount, q.principal, q.fees, q.penalty, q.waived) == (240000, 240000, 0, 0, 17280)

    change, _ = sv.pay_off(db, pid, MAY10, MAY10)
    d = sv.plan_detail(db, pid, MAY10)
    assert d.status is sv.PlanStatus.CLOSED
    assert [s.installment.fee for s in d.installments] == [FEE] * 4 + [0] * 8
    assert d.total_fee == 4 * FEE

    sv.void_payment(db, change.created_id, MAY10)
    d = sv.plan_detail(db, pid, MAY10)
    assert d.closed_on is None
    assert [s.installment.fee for s in d.installments] == [FEE] * 12
    assert d.state.balance == 257280


def test_payoff_with_penalty_pct(db, add):
    """3% of the remaining 2400.00 principal = 72.00, plus the 21.60 fee of May, now due."""
    pid = add(payoff_policy=PayoffPolicy.PENALTY_PCT, payoff_penalty_pct=Decimal("0.03"))
    _pay_four(db, pid)
    on = MAY31
    q = sv.payoff_quote(db, pid, on, on)
    assert (q.principal, q.fees, q.charge, q.penalty, q.amount) == (
        240000,
        FEE,
        7200,
        7200,
        240000 + FEE + 7200,
    )
    change, _ = sv.pay_off(db, pid, on, on)
    d = sv.plan_detail(db, pid, on)
    assert d.status is sv.PlanStatus.CLOSED
    assert d.payoff_charge == 7200
    # May (due on the payoff day) keeps its fee; the charge sits on June, the first not yet due
    assert [s.installment.fee for s in d.installments] == [FEE] * 5 + [7200] + [0] * 6
    assert d.total_fee == 5 * FEE + 7200
    assert d.state.paid_total == 4 * EACH + q.amount

    sv.void_payment(db, change.created_id, on)
    d = sv.plan_detail(db, pid, on)
    assert (d.closed_on, d.payoff_charge) == (None, 0)
    assert [s.installment.fee for s in d.installments] == [FEE] * 12
    assert d.state.balance == 8 * EACH


def test_payoff_of_an_overdue_plan_includes_the_penalty(db, add):
    pid = add(penalty_daily_rate=Decimal("0.0005"))
    q = sv.payoff_quote(db, pid, date(2024, 3, 1), date(2024, 3, 1))
    assert q.penalty == 482 + 16
    assert q.amount == TOTAL + 498
    sv.pay_off(db, pid, date(2024, 3, 1), date(2024, 3, 1))
    assert sv.plan_detail(db, pid, date(2024, 3, 1)).state.balance == 0


def test_payoff_refusals(db, add, snapshot):
    pid = add()
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="future"):
        sv.payoff_quote(db, pid, date(2024, 2, 1), JAN31)
    with pytest.raises(sv.ServiceError, match="future"):
        sv.pay_off(db, pid, date(2024, 2, 1), JAN31)
    assert snapshot() == before
    sv.pay_off(db, pid, JAN31, JAN31)
    closed = snapshot()
    with pytest.raises(sv.ServiceError, match="paid off"):
        sv.payoff_quote(db, pid, FEB29, FEB29)
    with pytest.raises(sv.ServiceError, match="paid off"):
        sv.pay_off(db, pid, FEB29, FEB29)
    assert snapshot() == closed


def test_backdated_payoff_before_a_later_payment_is_refused(db, add, snapshot):
    """A payment dated 05-20 exists; a payoff dated 05-10 would charge that money again
    (the quote as of 05-10 does not see it), so it is refused and nothing is written."""
    pid = add()
    _pay_four(db, pid)
    sv.record_payment(db, pid, EACH, date(2024, 5, 20), date(2024, 5, 20))
    as_of = date(2024, 5, 25)
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="2024-05-20"):
        sv.pay_off(db, pid, MAY10, as_of)
    assert snapshot() == before
    # on or after the last payment it works, and every fen paid settles something
    sv.pay_off(db, pid, date(2024, 5, 20), as_of)
    d = sv.plan_detail(db, pid, as_of)
    paid = sum(r.amount for r in sv.history(db, pid) if not r.voided)
    assert (d.state.balance, d.state.paid_total, paid) == (0, TOTAL, TOTAL)


def test_payoff_quote_before_a_later_payment_is_refused_like_the_payoff(db, add):
    """A quote must not promise a payoff that ``pay_off`` refuses (nor overstate the amount
    by ignoring the later payment)."""
    pid = add()
    _pay_four(db, pid)
    sv.record_payment(db, pid, EACH, date(2024, 5, 20), date(2024, 5, 20))
    with pytest.raises(sv.ServiceError, match="2024-05-20"):
        sv.payoff_quote(db, pid, MAY10, date(2024, 5, 25))


# --- history ------------------------------------------------------------------------------


def test_history_filters_and_order(db, add):
    a, b = add("A"), add("B")
    ids = [
        sv.record_payment(db, b, 100, FEB29, FEB29).created_id,
        sv.record_payment(db, a, 200, JAN31, JAN31).created_id,
        sv.record_payment(db, a, 300, FEB29, FEB29).created_id,
        sv.record_payment(db, a, 400, MAR31, MAR31).created_id,
    ]
    assert [r.id for r in sv.history(db)] == [ids[1], ids[0], ids[2], ids[3]]
    assert [r.id for r in sv.history(db, a)] == [ids[1], ids[2], ids[3]]
    assert [r.id for r in sv.history(db, date_from=FEB29, date_to=FEB29)] == [ids[0], ids[2]]
    assert [r.amount for r in sv.history(db, a, date_from=FEB29)] == [300, 400]
    assert [r.amount for r in sv.history(db, a, date_to=FEB29)] == [200, 300]
    assert [r.plan_name for r in sv.history(db)] == ["A", "B", "A", "A"]


# --- due: grace, tolerance, penalty -------------------------------------------------------


def test_due_grace_days_edges(db, add):
    pid = add(grace_days=3)
    [item] = sv.due(db, date(2024, 2, 3))
    assert (item.plan_id, item.period, item.status, item.days_overdue) == (pid, 1, Status.GRACE, 3)
    assert item.amount_due == EACH
    assert sv.plan_detail(db, pid, date(2024, 2, 3)).status is sv.PlanStatus.GRACE
    [item] = sv.due(db, date(2024, 2, 4))
    assert (item.status, item.days_overdue) == (Status.OVERDUE, 4)


def test_due_tolerance_edges(db, add):
    """Tolerance 10.00: 10.00 left unpaid is not overdue; 10.01 is."""
    pid = add(tolerance=1000)
    sv.record_payment(db, pid, EACH - 1000, JAN31, JAN31)
    as_of = date(2024, 2, 10)
    assert sv.due(db, as_of) == []
    d = sv.plan_detail(db, pid, as_of)
    assert d.installments[0].status is Status.PARTIAL
    assert d.installments[0].amount_due == 1000
    assert d.status is sv.PlanStatus.ACTIVE

    other = add("other", tolerance=1000)
    sv.record_payment(db, other, EACH - 1001, JAN31, JAN31)
    [item] = sv.due(db, as_of)
    assert (item.plan_id, item.status, item.amount_due, item.days_overdue) == (
        other,
        Status.OVERDUE,
        1001,
        10,
    )


def test_due_penalty_accrues_over_30_days(db, add):
    """0.05%/day on 321.60 for 30 days = 4.824 → 4.82; February is 1 day late: 0.16."""
    pid = add(penalty_daily_rate=Decimal("0.0005"))
    items = sv.due(db, date(2024, 3, 1))
    assert [(i.period, i.status, i.days_overdue, i.penalty, i.amount_due) for i in items] == [
        (1, Status.OVERDUE, 30, 482, EACH + 482),
        (2, Status.OVERDUE, 1, 16, EACH + 16),
    ]
    assert all(i.plan_id == pid and i.plan_name == "Xiaomi 14" for i in items)
    assert sv.list_plans(db, date(2024, 3, 1))[0].penalty == 498


def test_due_window_and_order_across_plans(db, add, make_terms):
    late = add("late", terms=make_terms(first_due=date(2024, 1, 15)))
    soon = add("soon", terms=make_terms(first_due=date(2024, 2, 7)))
    today_ = add("today", terms=make_terms(first_due=date(2024, 2, 1)))
    add("far", terms=make_terms(first_due=date(2024, 2, 20)))
    items = sv.due(db, date(2024, 2, 1))
    assert [(i.plan_id, i.due_date, i.status) for i in items] == [
        (late, date(2024, 1, 15), Status.OVERDUE),
        (today_, date(2024, 2, 1), Status.DUE_TODAY),
        (soon, date(2024, 2, 7), Status.DUE_SOON),
    ]
    assert [i.plan_id for i in sv.due(db, date(2024, 2, 1), within=0)] == [late, today_]
    with pytest.raises(sv.ServiceError, match="window"):
        sv.due(db, date(2024, 2, 1), within=-1)


def test_due_skips_closed_plans(db, add):
    pid = add()
    sv.pay_off(db, pid, JAN31, JAN31)
    assert sv.due(db, date(2024, 6, 1)) == []
