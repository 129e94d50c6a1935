"""Recording a partial prepayment (domain-rules.md, "Partial prepayment of a loan"): the
issue's loan to the fen on a real SQLite file, the schedule regenerated from the prepayment's
date with paid history kept, the audit still agreeing, and void and undo putting the previous
schedule back exactly."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.prepay import Keep
from tracker.services.audit import audit, derived_mismatches
from tracker.services.prepayments import record_prepayment
from tracker.storage.engine import Database

LOAN = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2025, 1, 15), Decimal("0.036"))
ON = date(2025, 12, 20)


def _schedule(db_file: Path, plan_id: int) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db_file)) as con:
        return con.execute(
            "SELECT period, due_date, principal, fee, paid_principal, paid_fee, settled_on "
            "FROM installments WHERE plan_id = ? ORDER BY period",
            (plan_id,),
        ).fetchall()


def _plan_row(db_file: Path, plan_id: int) -> tuple[Any, ...]:
    with closing(sqlite3.connect(db_file)) as con:
        return con.execute(
            "SELECT remaining, paid_periods, next_due, next_amount, last_paid_on, total_fee, "
            "total_cost, per_period, apr, closed_on FROM plans WHERE id = ?",
            (plan_id,),
        ).fetchone()


@pytest.fixture
def loan(db: Database) -> int:
    change = sv.add_plan(db, sv.PlanInput(name="房贷", terms=LOAN), as_of=ON, paid_periods=12)
    assert change.created_id is not None
    return change.created_id


@pytest.mark.parametrize(
    ("keep", "payment", "periods", "last", "interest", "last_due"),
    [
        (Keep.TERM, 77647, 108, 77677, 1_232_037, date(2034, 12, 15)),
        (Keep.PAYMENT, 99355, 82, None, 917_862, date(2032, 10, 15)),
    ],
)
def test_recording_regenerates_the_schedule_to_the_fen(
    db: Database,
    db_file: Path,
    loan: int,
    keep: Keep,
    payment: int,
    periods: int,
    last: int | None,
    interest: int,
    last_due: date,
) -> None:
    paid_before = _schedule(db_file, loan)[:12]
    change, quote = record_prepayment(db, loan, 2_000_000, ON, keep, ON, "银行卡", "提前还款")
    assert (quote.payment, quote.periods, quote.remaining_interest) == (payment, periods, interest)
    assert change.created_id is not None and change.plan_ids == frozenset({loan})
    rows = _schedule(db_file, loan)
    assert rows[:12] == paid_before  # paid history kept
    assert rows[12] == (13, "2025-12-20", 2_000_000, 0, 2_000_000, 0, "2025-12-20")
    new = rows[13:]
    assert len(new) == periods
    assert [r[0] for r in new] == list(range(14, 14 + periods))
    assert new[0][1] == "2026-01-15" and new[-1][1] == last_due.isoformat()
    assert {r[2] + r[3] for r in new[:-1]} == {payment}
    if last is not None:
        assert new[-1][2] + new[-1][3] == last
    assert sum(r[3] for r in new) == interest
    assert sum(r[2] for r in rows) == 10_000_000  # the schedule still sums to the principal
    assert all(r[4] == r[5] == 0 for r in new)
    [row] = [p for p in sv.history(db, loan) if p.id == change.created_id]
    assert (row.kind, row.amount, row.date, row.method) == ("prepayment", 2_000_000, ON, "银行卡")
    detail = sv.plan_detail(db, loan, ON)
    assert detail.state.balance == 9_153_869 - 2_000_000 + interest
    assert detail.state.next_unpaid is not None
    assert detail.state.next_unpaid.installment.total == payment
    assert audit(db).ok and derived_mismatches(db) == []


def test_later_payments_then_void_restores_the_previous_schedule(
    db: Database, db_file: Path, loan: int
) -> None:
    before_rows = _schedule(db_file, loan)
    before_plan = _plan_row(db_file, loan)
    change, _ = record_prepayment(db, loan, 2_000_000, ON, Keep.PAYMENT, ON)
    jan = date(2026, 1, 15)
    sv.record_payment(db, loan, 99355, jan, jan)
    assert audit(db).ok
    assert change.created_id is not None
    voided = sv.void_payment(db, change.created_id, jan)
    assert voided.plan_ids == frozenset({loan})
    rows = _schedule(db_file, loan)
    assert [r[:4] for r in rows] == [r[:4] for r in before_rows]  # the schedule exactly
    # the January payment now settles period 13 of the original schedule (993.55)
    assert rows[12][4:] == (before_rows[12][2], before_rows[12][3], "2026-01-15")
    assert audit(db).ok and derived_mismatches(db) == []
    [row] = [p for p in sv.history(db, loan) if p.id == change.created_id]
    assert row.voided and row.kind == "prepayment"
    # voiding the January payment too: every derived column as before the prepayment
    jan_id = max(p.id for p in sv.history(db, loan) if p.id is not None)
    sv.void_payment(db, jan_id, jan)
    assert _plan_row(db_file, loan) == before_plan
    assert _schedule(db_file, loan) == before_rows


def test_undo_restores_the_plan_exactly(db: Database, db_file: Path, loan: int) -> None:
    before_rows = _schedule(db_file, loan)
    before_plan = _plan_row(db_file, loan)
    snap = sv.snapshot_plan(db, loan)
    record_prepayment(db, loan, 2_000_000, ON, Keep.TERM, ON)
    assert _schedule(db_file, loan) != before_rows
    sv.restore_plan(db, snap)
    assert _schedule(db_file, loan) == before_rows
    assert _plan_row(db_file, loan) == before_plan
    assert len(sv.history(db, loan)) == 12
    assert audit(db).ok


def test_two_prepayments_void_newest_first(db: Database, db_file: Path, loan: int) -> None:
    before_rows = _schedule(db_file, loan)
    first, _ = record_prepayment(db, loan, 2_000_000, ON, Keep.TERM, ON)
    middle = _schedule(db_file, loan)
    dec28 = date(2025, 12, 28)
    second, q = record_prepayment(db, loan, 1_000_000, dec28, Keep.PAYMENT, dec28)
    rows = _schedule(db_file, loan)
    assert rows[13] == (14, "2025-12-28", 1_000_000, 0, 1_000_000, 0, "2025-12-28")
    assert len(rows) == 14 + q.periods
    assert audit(db).ok
    assert first.created_id is not None and second.created_id is not None
    with pytest.raises(sv.ServiceError, match=f"prepayment {second.created_id} was recorded"):
        sv.void_payment(db, first.created_id, ON)
    sv.void_payment(db, second.created_id, ON)
    assert _schedule(db_file, loan) == middle
    sv.void_payment(db, first.created_id, ON)
    assert _schedule(db_file, loan) == before_rows
    assert audit(db).ok


@pytest.mark.parametrize(
    ("amount", "on", "today", "words"),
    [
        (2_000_000, date(2025, 12, 21), ON, "in the future"),
        (9_153_869, ON, ON, "pay the plan off instead"),
        (100, date(2026, 1, 15), date(2026, 1, 15), "record it first"),
        (100, date(2025, 12, 1), ON, "2025-12-15 is already recorded"),
    ],
)
def test_refusals_store_nothing(
    db: Database,
    db_file: Path,
    loan: int,
    amount: int,
    on: date,
    today: date,
    words: str,
) -> None:
    before = _schedule(db_file, loan)
    with pytest.raises(sv.ServiceError, match=words):
        record_prepayment(db, loan, amount, on, Keep.TERM, today)
    assert _schedule(db_file, loan) == before
    assert len(sv.history(db, loan)) == 12


def test_a_payment_after_the_date_is_refused(db: Database, loan: int) -> None:
    sv.record_payment(db, loan, 1000, date(2025, 12, 22), date(2025, 12, 22))
    with pytest.raises(sv.ServiceError, match="record the prepayment on or after that date"):
        record_prepayment(db, loan, 2_000_000, ON, Keep.TERM, date(2025, 12, 22))


def test_voiding_a_payoff_after_a_prepayment_puts_its_schedule_back(
    db: Database, db_file: Path, loan: int
) -> None:
    change, _ = record_prepayment(db, loan, 2_000_000, ON, Keep.PAYMENT, ON)
    after = _schedule(db_file, loan)
    jan = date(2026, 1, 10)
    off, _ = sv.pay_off(db, loan, jan, jan)
    assert _schedule(db_file, loan) != after
    assert change.created_id is not None and off.created_id is not None
    with pytest.raises(sv.ServiceError, match="paid off after this prepayment"):
        sv.void_payment(db, change.created_id, jan)
    sv.void_payment(db, off.created_id, jan)
    assert _schedule(db_file, loan) == after  # 82 periods of 993.55 again, not the terms'
    assert sv.plan_detail(db, loan, jan).closed_on is None
    assert audit(db).ok
