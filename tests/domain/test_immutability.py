"""Domain records are immutable values: frozen dataclasses and tuples, no shared mutable state."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from tracker.domain import (
    CostOfCredit,
    Currency,
    Installment,
    Model,
    PlanTerms,
    Schedule,
    build_schedule,
    cost_of_credit,
)
from tracker.domain.money import currency

FROZEN = (dataclasses.FrozenInstanceError, AttributeError)


def make_schedule() -> Schedule:
    return build_schedule(PlanTerms(Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006")))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("model", Model.TOTAL),
        ("principal", 1),
        ("periods", 1),
        ("first_due", date(2025, 1, 1)),
        ("rate", Decimal(0)),
        ("currency", "JPY"),
        ("remainder", None),
        ("fee_mode", "first"),
        ("upfront_fee", 1),
        ("down_payment", 1),
        ("custom_amounts", (1,)),
    ],
)
def test_plan_terms_are_frozen(field: str, value: object) -> None:
    terms = make_schedule().terms
    with pytest.raises(FROZEN):
        setattr(terms, field, value)
    assert terms.principal == 360000
    assert terms.rate == Decimal("0.006")


def test_plan_terms_reject_new_attributes() -> None:
    terms = make_schedule().terms
    with pytest.raises((*FROZEN, TypeError)):
        terms.note = "x"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("field", "value"),
    [("period", 2), ("due_date", date(2000, 1, 1)), ("principal", 0), ("fee", 0)],
)
def test_installments_are_frozen(field: str, value: object) -> None:
    inst = make_schedule().installments[0]
    with pytest.raises(FROZEN):
        setattr(inst, field, value)
    assert (inst.period, inst.principal, inst.fee) == (1, 30000, 2160)


def test_installment_total_is_derived_not_stored() -> None:
    inst = Installment(1, date(2024, 1, 31), 30000, 2160)
    assert inst.total == 32160
    # not a field: frozen+slots dataclasses refuse it (TypeError on CPython 3.11's slots quirk)
    with pytest.raises((*FROZEN, TypeError)):
        inst.total = 0  # type: ignore[misc]
    assert inst.total == 32160


def test_schedule_is_frozen_and_holds_a_tuple() -> None:
    s = make_schedule()
    assert isinstance(s.installments, tuple)
    assert all(isinstance(i, Installment) for i in s.installments)
    with pytest.raises(FROZEN):
        s.installments = ()  # type: ignore[misc]
    with pytest.raises(FROZEN):
        s.terms = s.terms  # type: ignore[misc]
    with pytest.raises(TypeError):
        s.installments[0] = s.installments[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        s.installments.append(s.installments[0])  # type: ignore[attr-defined]
    assert len(s.installments) == 12


def test_currency_is_frozen() -> None:
    cny = currency("CNY")
    for field, value in (("code", "USD"), ("digits", 0), ("symbol", "$")):
        with pytest.raises(FROZEN):
            setattr(cny, field, value)
    assert currency("CNY") == Currency("CNY", 2, "¥")


def test_cost_of_credit_is_frozen() -> None:
    cost = cost_of_credit(make_schedule())
    assert isinstance(cost, CostOfCredit)
    for field, value in (
        ("total_cost", 0),
        ("period_rate", Decimal(0)),
        ("apr", Decimal(0)),
        ("effective_rate", Decimal(0)),
    ):
        with pytest.raises(FROZEN):
            setattr(cost, field, value)
    assert cost.apr_percent == "13.03"


def test_custom_amounts_from_a_list_cannot_be_changed_through_the_list() -> None:
    amounts = [100, 100, 101]
    terms = PlanTerms(Model.CUSTOM, 300, 3, date(2024, 1, 1), custom_amounts=amounts)  # type: ignore[arg-type]
    amounts[0] = 999
    assert terms.custom_amounts == (100, 100, 101)
    assert build_schedule(terms).total_payable == 301


def test_dataclasses_replace_builds_a_new_validated_value() -> None:
    terms = make_schedule().terms
    longer = dataclasses.replace(terms, periods=24)
    assert longer.periods == 24
    assert terms.periods == 12
    with pytest.raises(ValueError):
        dataclasses.replace(terms, periods=0)


def test_building_twice_gives_equal_schedules() -> None:
    assert make_schedule() == make_schedule()
    assert hash(make_schedule()) == hash(make_schedule())


def test_an_installment_row_made_by_its_quick_init_is_the_dataclass_value() -> None:
    """``InstallmentRow`` fills its slots through their descriptors (``rows._slot_init``): the
    same parameters and defaults as the dataclass's own ``__init__``, the same value, and
    still frozen."""
    import inspect

    from tracker.domain.ledger import Status
    from tracker.domain.plan import Charge
    from tracker.domain.rows import InstallmentRow

    names = [f.name for f in dataclasses.fields(InstallmentRow)]
    params = inspect.signature(InstallmentRow).parameters
    assert list(params) == names
    assert params["platform"].default == "" and params["charge"].default is Charge.FEE
    values = (7, "花呗 · 手机", "CNY", 3, 12, date(2024, 3, 31), 30000, 2160, 500, 100, 37)
    row = InstallmentRow(*values, Status.OVERDUE, 9)
    by_name = InstallmentRow(**dict(zip(names, (*values, Status.OVERDUE, 9), strict=False)))
    assert row == by_name and hash(row) == hash(by_name)
    assert [getattr(row, n) for n in names] == [*values, Status.OVERDUE, 9, "", Charge.FEE]
    assert dataclasses.replace(row, fee=0).fee == 0 and row.fee == 2160
    assert row.remaining == 30000 + 2160 - (500 - 100) and row.amount_due == row.remaining + 37
    with pytest.raises(FROZEN):
        row.fee = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        InstallmentRow(*values)  # status and days_overdue are required, as before
