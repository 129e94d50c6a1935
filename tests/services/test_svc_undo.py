"""Undo and redo at the service level: several plans captured (absent ones too) and put back
exactly, in one transaction, with the derived state agreeing with the replay."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.services.audit import derived_mismatches
from tracker.storage.engine import Database

TODAY = date(2026, 11, 21)


def add(db: Database, name: str) -> int:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 10, 31), Decimal("0.006"))
    change = sv.add_plan(db, sv.PlanInput(name=name, terms=terms))
    assert change.created_id is not None
    return change.created_id


def rows(db: Database) -> list[tuple[int, int, date, int, bool]]:
    return [(p.id, p.plan_id, p.date, p.amount, p.voided) for p in sv.history(db)]


def test_restore_plans_goes_back_and_forth_exactly(db: Database) -> None:
    first = add(db, "小米手机")
    before = sv.snapshot_plans(db, {first, 99})
    assert dict(before.plans)[99] is None  # not stored: restoring it means "absent"
    sv.record_payment(db, first, 50000, TODAY, TODAY, method="银行卡")
    second = add(db, "花呗 冰箱")
    after = sv.snapshot_plans(db, {first, second})
    recorded = rows(db)

    undone = sv.restore_plans(db, sv.PlansState((*before.plans, (second, None))))
    assert undone.plan_ids == {first, second, 99}
    assert rows(db) == []
    assert [p.id for p in sv.list_plans(db, TODAY)] == [first]
    assert sv.plan_detail(db, first, TODAY).state.balance == 385920

    sv.restore_plans(db, after)
    assert rows(db) == recorded  # same ids, dates, amounts
    assert {p.id for p in sv.list_plans(db, TODAY)} == {first, second}
    assert sv.plan_detail(db, first, TODAY).state.balance == 385920 - 50000
    assert derived_mismatches(db) == []
