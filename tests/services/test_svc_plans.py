"""Plan services: add, edit, archive, delete, list and detail, over a real SQLite file.

Reference plan (see conftest): 3600.00 / 12 / 0.6% flat, first due 2024-01-31, 32160 fen per
period (30000 principal + 2160 fee). Every amount is integer fen; ``as_of`` is always passed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.money import format_percent

JAN31, FEB29, MAR31, APR30 = (
    date(2024, 1, 31),
    date(2024, 2, 29),
    date(2024, 3, 31),
    date(2024, 4, 30),
)
EACH, FEE, PRINCIPAL = 32160, 2160, 30000
TOTAL = 12 * EACH  # 385920


def _schedule(db, plan_id, as_of=JAN31):
    return [
        (s.installment.period, s.installment.due_date, s.installment.principal, s.installment.fee)
        for s in sv.plan_detail(db, plan_id, as_of).installments
    ]


# --- add ----------------------------------------------------------------------------------


def test_add_plan_returns_change_and_stores_schedule(db, make_input):
    change = sv.add_plan(db, make_input())
    assert change.action == "plan_added"
    assert change.created_id is not None
    assert change.plan_ids == frozenset({change.created_id})
    assert change.payment_ids == frozenset()

    d = sv.plan_detail(db, change.created_id, date(2024, 1, 1))
    assert d.id == change.created_id
    assert d.input.name == "Xiaomi 14"
    assert [(s.installment.principal, s.installment.fee) for s in d.installments] == [
        (PRINCIPAL, FEE)
    ] * 12
    assert d.total_fee == 25920
    assert d.cost.total_cost == 25920
    assert d.cost.apr_percent == "13.03"
    assert d.state.balance == TOTAL
    assert d.status is sv.PlanStatus.ACTIVE
    assert d.closed_on is None
    assert d.archived is False


def test_month_end_plan_due_dates_anchor_on_the_first_due_date(db, add):
    pid = add()
    dates = [row[1] for row in _schedule(db, pid)]
    assert dates[:5] == [JAN31, FEB29, MAR31, APR30, date(2024, 5, 31)]
    assert dates[-1] == date(2024, 12, 31)


def test_chinese_names_round_trip(db, add):
    pid = add("小米14 手机", platform="小米分期", notes="白色 256G；分期 12 期")
    d = sv.plan_detail(db, pid, JAN31)
    assert (d.input.name, d.input.platform, d.input.notes) == (
        "小米14 手机",
        "小米分期",
        "白色 256G；分期 12 期",
    )
    [row] = sv.list_plans(db, JAN31)
    assert (row.name, row.platform) == ("小米14 手机", "小米分期")


def test_add_trims_text(db, make_input):
    pid = sv.add_plan(db, make_input("  Xiaomi 14  ", platform=" 小米分期 ")).created_id
    d = sv.plan_detail(db, pid, JAN31)
    assert (d.input.name, d.input.platform) == ("Xiaomi 14", "小米分期")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"name": "   "}, "needs a name"),
        ({"name": "x" * 201}, "longer than 200"),
        ({"grace_days": -1}, "grace days"),
        ({"grace_days": 366}, "grace days"),
        ({"tolerance": -1}, "tolerance"),
        ({"penalty_daily_rate": Decimal("1.5")}, "penalty rate"),
        ({"penalty_daily_rate": Decimal("NaN")}, "penalty rate"),
        ({"payoff_penalty_pct": Decimal("-0.01")}, "payoff penalty"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(db, make_input, snapshot, extra, message):
    before = snapshot()
    name = extra.pop("name", "Xiaomi 14")
    with pytest.raises(sv.ServiceError, match=message):
        sv.add_plan(db, make_input(name, **extra))
    assert snapshot() == before
    assert sv.list_plans(db, JAN31, include_archived=True) == []


# --- list and detail ----------------------------------------------------------------------


def test_list_plans_summary_after_two_payments(db, add):
    pid = add()
    sv.record_payment(db, pid, EACH, JAN31, JAN31)
    sv.record_payment(db, pid, EACH, FEB29, FEB29)
    [row] = sv.list_plans(db, date(2024, 3, 10))
    assert row.id == pid
    assert row.periods == 12
    assert row.periods_paid == 2
    assert row.per_period == EACH
    assert row.next_due == MAR31
    assert row.next_amount == EACH
    assert row.remaining == TOTAL - 2 * EACH == 321600
    assert row.overdue_amount == 0
    assert row.penalty == 0
    assert format_percent(row.apr) == "13.03"
    assert row.total_cost == 25920
    assert row.status is sv.PlanStatus.ACTIVE
    assert row.archived is False


def test_list_plans_status_is_the_most_urgent_installment(db, add):
    pid = add()
    assert sv.list_plans(db, date(2024, 1, 1))[0].status is sv.PlanStatus.ACTIVE
    assert sv.list_plans(db, date(2024, 1, 24))[0].status is sv.PlanStatus.DUE_SOON
    assert sv.list_plans(db, JAN31)[0].status is sv.PlanStatus.DUE_TODAY
    late = sv.list_plans(db, date(2024, 2, 1))[0]
    assert late.status is sv.PlanStatus.OVERDUE
    assert late.overdue_amount == EACH
    assert sv.plan_detail(db, pid, date(2024, 2, 1)).status is sv.PlanStatus.OVERDUE


def test_list_plans_is_ordered_by_id(db, add):
    ids = [add("A"), add("B"), add("C")]
    assert [p.id for p in sv.list_plans(db, JAN31)] == ids


# --- edit ---------------------------------------------------------------------------------


def test_edit_rate_after_two_payments_keeps_paid_installments_and_payments(
    db, add, make_input, make_terms
):
    pid = add()
    p1 = sv.record_payment(db, pid, EACH, JAN31, JAN31).created_id
    p2 = sv.record_payment(db, pid, EACH, FEB29, FEB29).created_id

    change = sv.edit_plan(
        db, pid, make_input(terms=make_terms(rate=Decimal("0.005"))), date(2024, 3, 5)
    )
    assert change.action == "plan_edited"
    assert change.plan_ids == frozenset({pid})
    assert change.created_id is None

    d = sv.plan_detail(db, pid, date(2024, 3, 5))
    fees = [s.installment.fee for s in d.installments]
    assert fees == [2160, 2160] + [1800] * 10
    assert [s.installment.principal for s in d.installments] == [PRINCIPAL] * 12
    assert sum(s.installment.principal for s in d.installments) == 360000
    assert [s.installment.due_date for s in d.installments][:4] == [JAN31, FEB29, MAR31, APR30]
    assert [s.status for s in d.installments[:2]] == [Status.PAID, Status.PAID]
    assert d.state.paid_total == 2 * EACH
    assert d.state.balance == 10 * 31800
    assert d.input.terms.rate == Decimal("0.005")
    rows = sv.history(db, pid)
    assert [(r.id, r.amount, r.voided) for r in rows] == [(p1, EACH, False), (p2, EACH, False)]


@pytest.mark.parametrize("periods", [1, 2])
def test_edit_to_no_more_periods_than_are_paid_is_refused(
    db, add, make_input, make_terms, snapshot, periods
):
    pid = add()
    sv.record_payment(db, pid, EACH, JAN31, JAN31)
    sv.record_payment(db, pid, EACH, FEB29, FEB29)
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="2 periods are already paid"):
        sv.edit_plan(db, pid, make_input(terms=make_terms(periods=periods)), date(2024, 3, 5))
    assert snapshot() == before
    assert sv.plan_detail(db, pid, date(2024, 3, 5)).input.terms.periods == 12


def test_edit_name_only_keeps_schedule(db, add, make_input):
    pid = add()
    sv.record_payment(db, pid, EACH, JAN31, JAN31)
    before = _schedule(db, pid)
    sv.edit_plan(db, pid, make_input("小米14 Ultra", platform="小米分期"), JAN31)
    d = sv.plan_detail(db, pid, JAN31)
    assert d.input.name == "小米14 Ultra"
    assert d.input.platform == "小米分期"
    assert _schedule(db, pid) == before
    assert d.state.paid_total == EACH


def test_edit_refuses_bad_input_and_writes_nothing(db, add, make_input, snapshot):
    pid = add()
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="needs a name"):
        sv.edit_plan(db, pid, make_input(" "), JAN31)
    assert snapshot() == before


def test_edit_to_more_periods_after_two_payments_keeps_the_principal(
    db, add, make_input, make_terms
):
    """Stretching 12 periods to 24 after paying 2 (600.00 of 3600.00 principal repaid) must
    work: the unpaid periods carry the remaining 3000.00 principal."""
    pid = add()
    sv.record_payment(db, pid, EACH, JAN31, JAN31)
    sv.record_payment(db, pid, EACH, FEB29, FEB29)
    sv.edit_plan(db, pid, make_input(terms=make_terms(periods=24)), date(2024, 3, 5))
    d = sv.plan_detail(db, pid, date(2024, 3, 5))
    assert len(d.installments) == 24
    assert [s.installment.principal for s in d.installments[:2]] == [PRINCIPAL, PRINCIPAL]
    assert sum(s.installment.principal for s in d.installments) == 360000
    assert all(s.installment.principal >= 0 for s in d.installments)
    assert d.state.paid_total == 2 * EACH


def test_edit_lower_principal_after_two_payments_keeps_the_payments(
    db, add, make_input, make_terms
):
    """1200.00 financed, 600.00 of principal already repaid: the other 600.00 stays owed."""
    pid = add()
    sv.record_payment(db, pid, EACH, JAN31, JAN31)
    sv.record_payment(db, pid, EACH, FEB29, FEB29)
    sv.edit_plan(db, pid, make_input(terms=make_terms(principal=120000)), date(2024, 3, 5))
    d = sv.plan_detail(db, pid, date(2024, 3, 5))
    assert sum(s.installment.principal for s in d.installments) == 120000
    assert all(s.installment.principal >= 0 for s in d.installments)
    assert d.state.remaining_principal == 60000


def test_edit_that_leaves_nothing_owed_closes_the_plan(db, add, make_input, make_terms):
    """1000.00 in 1 period at 0.6%: 1000.00 paid, 6.00 owed; the user corrects the rate to 0%
    (it was interest-free): the payments now settle the plan, so it is closed like any plan
    whose last fen is paid."""
    pid = add(terms=make_terms(principal=100000, periods=1))
    sv.record_payment(db, pid, 100000, JAN31, JAN31)
    assert sv.plan_detail(db, pid, JAN31).state.balance == 600
    sv.edit_plan(
        db, pid, make_input(terms=make_terms(principal=100000, periods=1, rate=Decimal(0))), FEB29
    )
    d = sv.plan_detail(db, pid, FEB29)
    assert d.state.balance == 0
    assert d.status is sv.PlanStatus.CLOSED
    assert d.closed_on == JAN31


def test_edit_terms_of_a_closed_plan_is_refused(db, add, make_input, make_terms, snapshot):
    pid = add()
    sv.pay_off(db, pid, JAN31, JAN31)
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="paid off"):
        sv.edit_plan(db, pid, make_input(terms=make_terms(rate=Decimal("0.005"))), JAN31)
    assert snapshot() == before
    sv.edit_plan(db, pid, make_input("renamed"), JAN31)  # a name can still change
    assert sv.plan_detail(db, pid, JAN31).input.name == "renamed"


# --- archive ------------------------------------------------------------------------------


def test_archive_hides_from_list_and_due_restore_brings_back(db, add):
    keep, hide = add("keep"), add("hide")
    change = sv.set_archived(db, hide)
    assert change.action == "plan_archived"
    assert change.plan_ids == frozenset({hide})
    assert change.created_id is None

    as_of = date(2024, 2, 5)
    assert [p.id for p in sv.list_plans(db, as_of)] == [keep]
    everything = sv.list_plans(db, as_of, include_archived=True)
    assert [(p.id, p.archived) for p in everything] == [(keep, False), (hide, True)]
    assert everything[1].status is sv.PlanStatus.ARCHIVED
    assert {i.plan_id for i in sv.due(db, as_of)} == {keep}

    change = sv.set_archived(db, hide, archived=False)
    assert change.action == "plan_restored"
    assert [p.id for p in sv.list_plans(db, as_of)] == [keep, hide]


# --- delete -------------------------------------------------------------------------------


def test_delete_cascades_to_installments_and_payments(db, add, snapshot):
    keep, gone = add("keep"), add("gone")
    sv.record_payment(db, keep, EACH, JAN31, JAN31)
    pays = {
        sv.record_payment(db, gone, EACH, JAN31, JAN31).created_id,
        sv.record_payment(db, gone, 100, FEB29, FEB29).created_id,
    }
    change = sv.delete_plan(db, gone)
    assert change.action == "plan_deleted"
    assert change.plan_ids == frozenset({gone})
    assert change.payment_ids == frozenset(pays)
    assert change.created_id is None

    snap = snapshot()
    assert [row[0] for row in snap["plans"]] == [keep]
    assert len(snap["installments"]) == 12
    assert len(snap["payments"]) == 1
    with pytest.raises(sv.ServiceError, match=f"no plan with id {gone}"):
        sv.plan_detail(db, gone, JAN31)
    assert [r.plan_id for r in sv.history(db)] == [keep]


# --- unknown ids --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda db, i: sv.plan_detail(db, i, JAN31),
        lambda db, i: sv.set_archived(db, i),
        lambda db, i: sv.delete_plan(db, i),
        lambda db, i: sv.record_payment(db, i, 100, JAN31, JAN31),
        lambda db, i: sv.payoff_quote(db, i, JAN31, JAN31),
        lambda db, i: sv.pay_off(db, i, JAN31, JAN31),
        lambda db, i: sv.history(db, i),
    ],
)
def test_unknown_plan_id_is_a_service_error(db, add, snapshot, call):
    add()
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="no plan with id 99"):
        call(db, 99)
    assert snapshot() == before


def test_edit_unknown_plan_is_a_service_error(db, make_input):
    with pytest.raises(sv.ServiceError, match="no plan with id 7"):
        sv.edit_plan(db, 7, make_input(), JAN31)


@pytest.mark.parametrize(
    "call",
    [
        lambda db, i: sv.plan_detail(db, i, JAN31),
        lambda db, i: sv.record_payment(db, i, 100, JAN31, JAN31),
        lambda db, i: sv.history(db, i),
        lambda db, i: sv.void_payment(db, i, JAN31),
    ],
)
def test_id_beyond_sqlite_integers_is_a_service_error(db, add, call):
    """2**63 cannot be a stored id: it is unknown, not an OverflowError from the driver."""
    add()
    with pytest.raises(sv.ServiceError, match=str(2**63)):
        call(db, 2**63)
