"""Sample data: five plans dated relative to as_of, with statuses that show every state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.services.dashboard import dashboard
from tracker.services.sample import SAMPLE_NOTE, load_sample_data, remove_plans
from tracker.storage.engine import Database

TODAY = date(2026, 11, 21)
EXPECTED = {
    "小米14 Pro 手机": ("小米分期", sv.PlanStatus.ACTIVE),
    "戴森吹风机": ("花呗", sv.PlanStatus.DUE_SOON),
    "MacBook Air 账单分期": ("招商银行信用卡", sv.PlanStatus.GRACE),
    "比亚迪秦PLUS 车贷": ("平安银行汽车金融", sv.PlanStatus.ACTIVE),
    "空气净化器": ("京东白条", sv.PlanStatus.OVERDUE),
}


def by_name(db: Database, as_of: date) -> dict[str, sv.PlanSummary]:
    return {p.name: p for p in sv.list_plans(db, as_of)}


def test_five_plans_with_the_intended_statuses(db: Database) -> None:
    change = load_sample_data(db, TODAY)
    plans = by_name(db, TODAY)
    assert change.action == "sample_loaded"
    assert change.plan_ids == frozenset(p.id for p in plans.values())
    assert len(change.plan_ids) == 5
    assert {n: (p.platform, p.status) for n, p in plans.items()} == EXPECTED
    assert sum(p.status is sv.PlanStatus.OVERDUE for p in plans.values()) == 1
    assert all(p.notes == SAMPLE_NOTE for p in plans.values())


def test_xiaomi_phone_bought_five_months_ago_paid_by_alipay(db: Database) -> None:
    load_sample_data(db, TODAY)
    phone = by_name(db, TODAY)["小米14 Pro 手机"]
    detail = sv.plan_detail(db, phone.id, TODAY)
    terms = detail.input.terms
    assert (terms.model.value, terms.periods, terms.rate) == ("flat", 12, Decimal("0.006"))
    assert detail.input.purchase_date == date(2026, 6, 16)
    assert phone.periods_paid == 5
    assert phone.next_due == date(2026, 12, 16)
    pays = sv.history(db, phone.id)
    assert len(pays) == 5 and {p.method for p in pays} == {"支付宝"}
    assert all(p.date < TODAY for p in pays)
    assert round(detail.cost.apr, 4) == Decimal("0.1303")


def test_each_plan_has_the_terms_of_its_platform(db: Database) -> None:
    load_sample_data(db, TODAY)
    plans = by_name(db, TODAY)
    details = {n: sv.plan_detail(db, p.id, TODAY) for n, p in plans.items()}
    huabei = details["戴森吹风机"].input
    assert (huabei.terms.model.value, huabei.terms.periods, huabei.terms.rate) == (
        "total",
        6,
        Decimal("0.045"),
    )
    card = details["MacBook Air 账单分期"].input
    assert (card.terms.model.value, card.terms.periods, card.terms.rate) == (
        "flat",
        12,
        Decimal("0.0075"),
    )
    assert card.grace_days == 3
    car = details["比亚迪秦PLUS 车贷"].input
    assert (car.terms.model.value, car.terms.periods, car.terms.rate) == (
        "annuity",
        36,
        Decimal("0.045"),
    )
    jd = details["空气净化器"].input
    assert jd.penalty_daily_rate == Decimal("0.0005")
    assert all(len(sv.history(db, p.id)) >= 1 for p in plans.values())


def test_the_overdue_plan_is_ten_days_late_with_penalty(db: Database) -> None:
    load_sample_data(db, TODAY)
    jd = by_name(db, TODAY)["空气净化器"]
    late = [i for i in sv.due(db, TODAY) if i.plan_id == jd.id]
    assert len(late) == 1
    (item,) = late
    assert (item.status, item.days_overdue, item.due_date) == (
        Status.OVERDUE,
        10,
        date(2026, 11, 11),
    )
    # 1599.00 / 6 → 266.50 + fee round(1599.00 × 0.5%) = 8.00; 0.05% × 274.50 × 10 days = 1.3725
    assert item.penalty == 137
    assert item.amount_due == 27450 + 137


@pytest.mark.parametrize(
    "as_of",
    [
        date(2026, 1, 1),
        date(2026, 1, 31),
        date(2026, 3, 1),
        date(2026, 3, 2),
        date(2026, 3, 31),
        date(2024, 2, 29),
        date(2026, 12, 31),
        date(2027, 5, 30),
    ],
)
def test_statuses_hold_on_any_day(db: Database, as_of: date) -> None:
    load_sample_data(db, as_of)
    plans = by_name(db, as_of)
    assert {n: (p.platform, p.status) for n, p in plans.items()} == EXPECTED
    cards = dashboard(db, as_of).cards
    assert cards.overdue_plans == 1 and cards.overdue_count == 1
    assert cards.next_due is not None and cards.next_due >= as_of
    assert all(p.date <= as_of for p in sv.history(db))


def test_loading_next_to_existing_plans_adds_five(db: Database, add: Callable[..., int]) -> None:
    mine = add("mine")
    change = load_sample_data(db, TODAY)
    assert mine not in change.plan_ids
    assert len(sv.list_plans(db, TODAY)) == 6


def test_remove_plans_undoes_the_load(db: Database, add: Callable[..., int]) -> None:
    mine = add("mine")
    change = load_sample_data(db, TODAY)
    removed = remove_plans(db, change.plan_ids)
    assert removed.plan_ids == change.plan_ids
    assert removed.payment_ids == change.payment_ids
    assert [p.id for p in sv.list_plans(db, TODAY)] == [mine]
    assert sv.history(db) == []
    with pytest.raises(sv.ServiceError):
        remove_plans(db, frozenset())
