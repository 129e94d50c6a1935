"""A plan on an account keeps falling due on its account's statements: after an edit of its
terms or of the account's statement day or due rule, its unpaid periods get the new
statements' due dates (month-end clamped); the periods already paid keep theirs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.accounts import MONTH_END, AccountKind, DueRule, default_terms
from tracker.services import accounts as acc
from tracker.services.audit import audit
from tracker.services.convert import input_of
from tracker.storage.engine import Database
from tracker.storage.models import PlanRecord

TODAY = date(2026, 4, 1)
# statement on the 10th, due 20 days later: 01-10 → 01-30, 02-10 → 03-02, 03-10 → 03-30, …
CCB = default_terms(AccountKind.CREDIT_CARD, 10, DueRule.days_after(20))


@pytest.fixture
def card(db: Database) -> int:
    account = acc.add_account(db, "建行信用卡", CCB).created_id
    assert account is not None
    return account


def _add(db: Database, account: int, first_due: date = date(2026, 1, 30)) -> int:
    terms = PlanTerms(Model.FLAT, 360000, 6, first_due, Decimal("0.006"))
    data = sv.PlanInput(
        name="手机", terms=terms, purchase_date=date(2026, 1, 5), account_id=account
    )
    pid = sv.add_plan(db, data, as_of=TODAY, paid_periods=0).created_id
    assert pid is not None
    return pid


def _dates(db: Database, pid: int) -> list[date]:
    return [i.due_date for i in sv.plan_detail(db, pid, TODAY).installments]


def test_editing_the_account_moves_unpaid_due_dates_only(db: Database, card: int) -> None:
    pid = _add(db, card)
    assert _dates(db, pid) == [
        date(2026, 1, 30), date(2026, 3, 2), date(2026, 3, 30),
        date(2026, 4, 30), date(2026, 5, 30), date(2026, 6, 30),
    ]  # fmt: skip
    sv.record_payment(db, pid, 124320, date(2026, 3, 1), date(2026, 3, 1))  # periods 1, 2
    # month-end statement, due the 25th of the next month (ICBC): 01-31 → 02-25, …
    icbc = replace(CCB, statement_day=MONTH_END, due_rule=DueRule.day_of_month(25))
    change = acc.edit_account(db, card, "建行信用卡", icbc, as_of=TODAY)
    assert change.plan_ids == frozenset({pid})
    assert _dates(db, pid) == [
        date(2026, 1, 30), date(2026, 3, 2),  # paid: kept
        date(2026, 4, 25), date(2026, 5, 25), date(2026, 6, 25), date(2026, 7, 25),
    ]  # fmt: skip
    with db.read_session() as s:
        rec = s.get(PlanRecord, pid)
        assert rec is not None and rec.first_due == date(2026, 2, 25)
    assert audit(db).ok
    # month-end statements (03-31, 04-30, 05-31, 06-30), due 3 days after each
    clamp = replace(CCB, statement_day=MONTH_END, due_rule=DueRule.days_after(3))
    acc.edit_account(db, card, "建行信用卡", clamp, as_of=TODAY)
    assert _dates(db, pid)[2:] == [
        date(2026, 4, 3), date(2026, 5, 3), date(2026, 6, 3), date(2026, 7, 3)
    ]  # fmt: skip
    assert audit(db).ok


def test_editing_the_plan_keeps_its_account_dates(db: Database, card: int) -> None:
    pid = _add(db, card)
    sv.record_payment(db, pid, 62160, date(2026, 1, 30), date(2026, 1, 30))  # period 1
    with db.read_session() as s:
        rec = s.get(PlanRecord, pid)
        assert rec is not None
        data = input_of(rec)
    longer = replace(data, terms=replace(data.terms, periods=8))
    sv.edit_plan(db, pid, longer, TODAY)
    assert _dates(db, pid) == [
        date(2026, 1, 30),
        date(2026, 3, 2),
        date(2026, 3, 30),
        date(2026, 4, 30),
        date(2026, 5, 30),
        date(2026, 6, 30),
        date(2026, 7, 30),
        date(2026, 8, 30),
    ]  # fmt: skip  (a monthly schedule from 01-30 would give 03-30 for period 3… and 02-28)
    details = sv.plan_detail(db, pid, TODAY).installments
    assert details[0].installment.total == 62160 and details[0].status.value == "paid"
    assert sum(i.installment.principal for i in details) == 360000
    assert audit(db).ok


def test_a_plan_with_its_own_first_due_keeps_its_dates(db: Database, card: int) -> None:
    pid = _add(db, card, first_due=date(2026, 2, 15))
    before = _dates(db, pid)
    assert before[:3] == [date(2026, 2, 15), date(2026, 3, 15), date(2026, 4, 15)]
    icbc = replace(CCB, statement_day=MONTH_END, due_rule=DueRule.day_of_month(25))
    acc.edit_account(db, card, "建行信用卡", icbc, as_of=TODAY)
    assert _dates(db, pid) == before
