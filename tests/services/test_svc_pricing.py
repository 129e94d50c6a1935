"""Services and issue 8: the payoff default by model, the first due date against the purchase,
and fee_rounding stored and read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import FeeRounding, Model, PlanTerms
from tracker.storage.engine import Database, open_database

TODAY = date(2026, 11, 29)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "s.sqlite3")
    yield opened
    opened.close()


def terms(model: Model, rate: str = "0.049", **kw: object) -> PlanTerms:
    return PlanTerms(model, 1000000, 12, date(2026, 12, 10), Decimal(rate), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("model", "policy"),
    [
        (Model.ANNUITY, PayoffPolicy.WAIVE_FUTURE_FEES),
        (Model.EQUAL_PRINCIPAL, PayoffPolicy.WAIVE_FUTURE_FEES),
        (Model.FLAT, PayoffPolicy.CHARGE_ALL_FEES),
        (Model.TOTAL, PayoffPolicy.CHARGE_ALL_FEES),
        (Model.INTEREST_FREE, PayoffPolicy.CHARGE_ALL_FEES),
    ],
)
def test_plan_input_payoff_default_by_model(model: Model, policy: PayoffPolicy) -> None:
    assert sv.PlanInput("x", terms(model)).payoff_policy is policy
    explicit = sv.PlanInput("x", terms(model), payoff_policy=PayoffPolicy.PENALTY_PCT)
    assert explicit.payoff_policy is PayoffPolicy.PENALTY_PCT


def test_loan_added_without_a_policy_quotes_principal_only(db: Database) -> None:
    plan = sv.add_plan(db, sv.PlanInput("车贷", terms(Model.ANNUITY))).created_id
    assert plan is not None
    quote = sv.payoff_quote(db, plan, TODAY, TODAY)
    assert (quote.principal, quote.fees, quote.amount) == (1000000, 0, 1000000)


def test_first_due_before_purchase_is_refused_and_nothing_written(db: Database) -> None:
    data = sv.PlanInput("x", terms(Model.FLAT, "0.006"), purchase_date=date(2026, 12, 11))
    with pytest.raises(sv.ServiceError) as info:
        sv.add_plan(db, data)
    assert str(info.value) == (
        "the first due date 2026-12-10 is before the purchase date 2026-12-11; "
        "enter a first due date on or after the purchase date"
    )
    assert sv.list_plans(db, TODAY, include_archived=True) == []
    same_day = sv.PlanInput("x", terms(Model.FLAT, "0.006"), purchase_date=date(2026, 12, 10))
    assert sv.add_plan(db, same_day).created_id == 1


def test_fee_rounding_is_stored_and_read_back(db: Database) -> None:
    t = PlanTerms(Model.TOTAL, 100100, 6, date(2026, 12, 10), Decimal("0.045"),
                  fee_rounding=FeeRounding.HALF_EVEN)  # fmt: skip
    plan = sv.add_plan(db, sv.PlanInput("花呗", t)).created_id
    assert plan is not None
    detail = sv.plan_detail(db, plan, TODAY)
    assert detail.input.terms.fee_rounding is FeeRounding.HALF_EVEN
    assert detail.total_fee == 4504
