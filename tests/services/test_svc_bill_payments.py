"""A bill payment on a real SQLite file: one bill payment grouping a payment per plan, voided
whole from any part, and undone whole (every plan and the bill payment as they were)."""

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
from tracker.domain.accounts import MONTH_END, AccountKind, DueRule, default_terms
from tracker.services import accounts as acc
from tracker.services.audit import audit
from tracker.services.bill_payments import bill_payment, void_bill_payment
from tracker.storage.engine import Database

TODAY = date(2026, 6, 1)
CARD = default_terms(AccountKind.CREDIT_CARD, MONTH_END, DueRule.day_of_month(25))


def _dump(db_file: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(db_file)) as con:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("plans", "installments", "payments", "bill_payments")
        }


@pytest.fixture
def card(db: Database) -> int:
    account = acc.add_account(db, "招行信用卡", CARD).created_id
    assert account is not None
    for name, terms, bought in (
        ("小米手机", PlanTerms(Model.FLAT, 360000, 12, date(2026, 3, 25), Decimal("0.006")),
         date(2026, 2, 20)),
        ("电视", PlanTerms(Model.INTEREST_FREE, 90000, 3, date(2026, 4, 25)), date(2026, 3, 5)),
    ):  # fmt: skip
        data = sv.PlanInput(name=name, terms=terms, purchase_date=bought, account_id=account)
        sv.add_plan(db, data, as_of=TODAY, paid_periods=0)
    return account


def test_pay_void_and_undo_the_whole_bill(db: Database, db_file: Path, card: int) -> None:
    start = _dump(db_file)
    snap = sv.snapshot_account(db, card)
    change, rest = acc.pay_bill(db, card, date(2026, 3, 1), 70000, date(2026, 4, 20), TODAY)
    assert rest == 7840 and change.plan_ids == frozenset({1, 2})
    assert change.created_id is not None
    view = bill_payment(db, change.created_id)
    assert (view.amount, view.spending, view.statement_date) == (70000, 7840, date(2026, 3, 31))
    # the March statement carries 小米手机's period 2 and 电视's period 1 (one part each)
    assert [(plan, amount) for _, plan, amount in view.parts] == [(1, 32160), (2, 30000)]
    assert audit(db).ok
    paid = _dump(db_file)
    # void from the second part: the whole bill payment goes
    undo_void = sv.snapshot_payment(db, view.parts[1][0])
    assert {p.plan_id for p in undo_void.plans} == {1, 2}
    voided = sv.void_payment(db, view.parts[1][0], TODAY)
    assert voided.action == "bill_payment_voided" and voided.plan_ids == frozenset({1, 2})
    assert voided.payment_ids == frozenset(p for p, _, _ in view.parts)
    assert bill_payment(db, change.created_id).voided
    assert all(p.voided for p in sv.history(db) if p.bill_payment_id == change.created_id)
    assert audit(db).ok
    with pytest.raises(sv.ServiceError, match="already voided"):
        void_bill_payment(db, change.created_id, TODAY)
    # undo the void: the plans and the bill payment exactly as paid
    sv.restore_snapshot(db, undo_void)
    assert _dump(db_file) == paid
    # undo the payment itself: every row as before it, the bill payment removed
    sv.restore_snapshot(db, snap)
    assert _dump(db_file) == start
    assert paid != start
    assert audit(db).ok
