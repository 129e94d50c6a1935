"""The repository helpers: plain reads and writes, stable order, no business rules."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from tracker.storage import RecordNotFoundError
from tracker.storage import repository as repo
from tracker.storage.models import InstallmentRecord


def schedule(n: int, fee: int = 2160) -> list[InstallmentRecord]:
    return [
        InstallmentRecord(period=k, due_date=date(2024, k, 28), principal=30000, fee=fee)
        for k in range(1, n + 1)
    ]


def test_plans_add_get_list_delete(db, make_plan):
    with db.session() as s:
        a = repo.add_plan(s, make_plan(name="A"))
        b = repo.add_plan(s, make_plan(name="B", archived=True))
        assert a.id is not None and b.id > a.id
    with db.session() as s:
        assert [p.name for p in repo.list_plans(s)] == ["A"]
        assert [p.name for p in repo.list_plans(s, include_archived=True)] == ["A", "B"]
        assert repo.get_plan(s, a.id).name == "A"
        assert repo.get_plan(s, 999) is None
        with pytest.raises(RecordNotFoundError, match="999"):
            repo.require_plan(s, 999)
    with db.session() as s:
        repo.add_installments(s, a.id, schedule(3))
        repo.add_payment(s, a.id, date=date(2024, 1, 28), amount=32160)
        assert repo.delete_plan(s, a.id) is True
        assert repo.delete_plan(s, a.id) is False
    with db.session() as s:
        assert repo.list_installments(s, a.id) == []
        assert repo.list_payments(s, a.id) == []


def test_installments_add_and_replace(db, make_plan):
    with db.session() as s:
        plan = repo.add_plan(s, make_plan(periods=3))
        rows = repo.add_installments(s, plan.id, reversed(schedule(3)))
        assert [i.period for i in rows] == [1, 2, 3]
    with db.session() as s:
        new = repo.replace_installments(s, plan.id, schedule(2, fee=0))
        assert [(i.period, i.fee) for i in new] == [(1, 0), (2, 0)]
    with db.session() as s:
        stored = repo.list_installments(s, plan.id)
        assert [(i.period, i.fee) for i in stored] == [(1, 0), (2, 0)]
        assert [(i.period, i.fee) for i in repo.get_plan(s, plan.id).installments] == [
            (1, 0),
            (2, 0),
        ]
    with pytest.raises(IntegrityError), db.session() as s:  # duplicate period
        repo.add_installments(s, plan.id, schedule(1))
    with db.session() as s:
        assert len(repo.list_installments(s, plan.id)) == 2


def test_installments_due_between(db, make_plan):
    with db.session() as s:
        active = repo.add_plan(s, make_plan(name="active"))
        archived = repo.add_plan(s, make_plan(name="archived", archived=True))
        repo.add_installments(s, active.id, schedule(4))
        repo.add_installments(s, archived.id, schedule(4))
    with db.session() as s:
        due = repo.installments_due_between(s, date(2024, 2, 1), date(2024, 3, 28))
        assert [(i.plan_id, i.period) for i in due] == [(active.id, 2), (active.id, 3)]
        every = repo.installments_due_between(
            s, date(2024, 2, 28), date(2024, 2, 28), include_archived=True
        )
        assert [(i.plan_id, i.period) for i in every] == [(active.id, 2), (archived.id, 2)]


def test_payments_add_list_void(db, make_plan):
    with db.session() as s:
        a = repo.add_plan(s, make_plan(name="A"))
        b = repo.add_plan(s, make_plan(name="B"))
        late = repo.add_payment(s, a.id, date=date(2024, 3, 1), amount=300, method="支付宝")
        early = repo.add_payment(s, a.id, date=date(2024, 1, 1), amount=100, note="首期")
        repo.add_payment(s, b.id, date=date(2024, 2, 1), amount=200, kind="payoff")
        assert [p.amount for p in a.payments] == [100, 300]
    with db.session() as s:
        assert [p.amount for p in repo.list_payments(s)] == [100, 200, 300]
        assert [p.amount for p in repo.list_payments(s, a.id)] == [100, 300]
        ranged = repo.list_payments(s, start=date(2024, 1, 2), end=date(2024, 3, 1))
        assert [p.amount for p in ranged] == [200, 300]
        voided = repo.set_payment_voided(s, early.id)
        assert voided.voided is True
    with db.session() as s:
        assert [p.amount for p in repo.list_payments(s, a.id, include_voided=False)] == [300]
        assert [p.voided for p in repo.list_payments(s, a.id)] == [True, False]
        assert repo.get_payment(s, late.id).method == "支付宝"
        assert repo.get_payment(s, 999) is None
        with pytest.raises(RecordNotFoundError):
            repo.set_payment_voided(s, 999)
        with pytest.raises(RecordNotFoundError):
            repo.add_payment(s, 999, date=date(2024, 1, 1), amount=1)


def test_updated_at_changes_on_update(db, make_plan):
    with db.session() as s:
        plan = repo.add_plan(s, make_plan())
    with db.session() as s:
        s.connection().exec_driver_sql(
            "UPDATE plans SET updated_at = '2000-01-01T00:00:00Z' WHERE id = ?", (plan.id,)
        )
    with db.session() as s:
        stored = repo.require_plan(s, plan.id)
        stored.notes = "changed"
    assert stored.updated_at > "2000-01-01T00:00:00Z"
    assert stored.created_at <= stored.updated_at
