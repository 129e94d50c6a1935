"""Plans already under way, through the services on a real SQLite file.

Worked example (domain-rules.md, "Plans already under way"): 小米 3600.00 / 12 / 0.6% flat,
first due 2026-06-15, added on 2026-11-29 with 6 paid → 6 prior payments × 321.60 dated
2026-06-15 … 2026-11-15, balance 1,929.60, nothing overdue.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.ledger import Status

ADDED = date(2026, 11, 29)
XIAOMI = PlanTerms(Model.FLAT, 360000, 12, date(2026, 6, 15), Decimal("0.006"))
DUES = [date(2026, m, 15) for m in range(6, 12)]


def _payments(db_file):
    with closing(sqlite3.connect(db_file)) as con:
        return con.execute(
            "SELECT plan_id, date, amount, kind, voided, method, note FROM payments ORDER BY id"
        ).fetchall()


def _xiaomi(name="小米 14", **extra):
    return sv.PlanInput(name=name, terms=XIAOMI, **extra)


def test_worked_example_six_prior_payments_balance_and_nothing_overdue(db, db_file):
    change = sv.add_plan(db, _xiaomi(penalty_daily_rate=Decimal("0.0005")), ADDED, 6)
    pid = change.created_id
    assert _payments(db_file) == [(pid, d.isoformat(), 32160, "prior", 0, "", "") for d in DUES]
    assert len(change.payment_ids) == 6
    d = sv.plan_detail(db, pid, ADDED)
    assert d.state.balance == 192960
    assert d.state.penalty_due == 0
    assert d.prior_periods == frozenset(range(1, 7)) and d.prior_count == 6
    assert [s.status for s in d.installments[:6]] == [Status.PAID] * 6
    assert d.installments[6].status is Status.UPCOMING
    assert sv.due(db, ADDED) == []
    summary = sv.list_plans(db, ADDED)[0]
    assert (summary.periods_paid, summary.remaining, summary.overdue_amount) == (6, 192960, 0)
    rows = sv.history(db, pid)
    assert [(r.date, r.amount, r.kind) for r in rows] == [(d, 32160, "prior") for d in DUES]


def test_default_is_every_period_due_before_the_day_it_is_added(db, db_file):
    pid = sv.add_plan(db, _xiaomi(), ADDED).created_id
    assert [r[1] for r in _payments(db_file)] == [d.isoformat() for d in DUES]
    # On 2026-11-15 itself the sixth period is due that day: not counted by default.
    sv.add_plan(db, _xiaomi(name="b"), date(2026, 11, 15))
    assert len([r for r in _payments(db_file) if r[0] != pid]) == 5


def test_without_a_date_or_with_zero_nothing_is_recorded(db, db_file):
    sv.add_plan(db, _xiaomi())
    sv.add_plan(db, _xiaomi(), ADDED, 0)
    assert _payments(db_file) == []


def test_every_period_paid_closes_the_plan_on_the_last_due_date(db):
    pid = sv.add_plan(db, _xiaomi(), date(2027, 6, 1), 12).created_id
    d = sv.plan_detail(db, pid, date(2027, 6, 1))
    assert d.closed_on == date(2027, 5, 15) and d.state.balance == 0


@pytest.mark.parametrize(
    ("paid", "message"),
    [
        (13, "the periods already paid must be a whole number from 0 to 12"),
        (-1, "the periods already paid must be a whole number from 0 to 12"),
        (
            7,
            "period 7 is due on 2026-12-15, after 2026-11-29: only periods due by then can be "
            "paid before tracking; enter 0 to 6 (record later payments as payments)",
        ),
    ],
)
def test_bad_counts_are_refused_and_nothing_is_written(db, snapshot, paid, message):
    before = snapshot()
    with pytest.raises(sv.ServiceError) as exc:
        sv.add_plan(db, _xiaomi(), ADDED, paid)
    assert str(exc.value) == message
    assert snapshot() == before


def test_a_period_due_on_the_day_added_may_be_counted(db, db_file):
    sv.add_plan(db, _xiaomi(), date(2026, 11, 15), 6)
    assert _payments(db_file)[-1][1:4] == ("2026-11-15", 32160, "prior")


def test_voiding_a_prior_payment_works_like_any_payment(db):
    change = sv.add_plan(db, _xiaomi(), ADDED, 6)
    newest = max(change.payment_ids)
    sv.void_payment(db, newest, ADDED)
    d = sv.plan_detail(db, change.created_id, ADDED)
    assert d.prior_count == 5 and d.state.balance == 192960 + 32160
    assert d.installments[5].status is Status.OVERDUE  # 2026-11-15 is unpaid again


def test_edit_adds_and_deletes_prior_payments_and_undo_restores(db, db_file):
    pid = sv.add_plan(db, _xiaomi(), ADDED, 6).created_id
    snap = sv.snapshot_plan(db, pid)
    before = _payments(db_file)
    change = sv.edit_plan(db, pid, _xiaomi(), ADDED, 4)
    assert [r[1] for r in _payments(db_file)] == [d.isoformat() for d in DUES[:4]]
    assert len(change.payment_ids) == 2
    d = sv.plan_detail(db, pid, ADDED)
    assert d.prior_count == 4 and d.state.balance == 8 * 32160
    assert [s.status for s in d.installments[4:6]] == [Status.OVERDUE] * 2
    sv.edit_plan(db, pid, _xiaomi(), ADDED, 6)
    assert [r[1:5] for r in _payments(db_file)] == [r[1:5] for r in before]
    sv.edit_plan(db, pid, _xiaomi(), ADDED, 0)
    assert _payments(db_file) == []
    sv.restore_plan(db, snap)
    assert _payments(db_file) == before


def test_edit_keeps_other_payments_and_none_leaves_prior_alone(db, db_file):
    pid = sv.add_plan(db, _xiaomi(), ADDED, 6).created_id
    sv.record_payment(db, pid, 32160, ADDED, ADDED, "支付宝")
    sv.edit_plan(db, pid, _xiaomi(notes="x"), ADDED)
    assert len(_payments(db_file)) == 7
    sv.edit_plan(db, pid, _xiaomi(), ADDED, 5)
    kinds = [(r[1], r[3]) for r in _payments(db_file)]
    assert kinds == [(d.isoformat(), "prior") for d in DUES[:5]] + [("2026-11-29", "payment")]
    # The user's payment now settles period 6 (late, no penalty rate): balance unchanged.
    assert sv.plan_detail(db, pid, ADDED).state.balance == 6 * 32160


def test_edit_refuses_too_many_periods_naming_the_limit(db, snapshot):
    pid = sv.add_plan(db, _xiaomi(), ADDED, 6).created_id
    before = snapshot()
    with pytest.raises(sv.ServiceError, match="enter 0 to 6"):
        sv.edit_plan(db, pid, _xiaomi(), ADDED, 8)
    assert snapshot() == before
