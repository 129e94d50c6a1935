"""Which word a plan's finance charge takes: interest for loans, a fee for consumer plans."""

from __future__ import annotations

import pytest

from tracker.domain import Charge, Model


@pytest.mark.parametrize("model", [Model.ANNUITY, Model.EQUAL_PRINCIPAL])
def test_loans_charge_interest(model: Model) -> None:
    assert model.is_loan
    assert model.charge is Charge.INTEREST


@pytest.mark.parametrize(
    "model",
    [Model.FLAT, Model.TOTAL, Model.INTEREST_FREE, Model.PAY_IN_N, Model.CUSTOM],
)
def test_consumer_plans_charge_fees(model: Model) -> None:
    assert not model.is_loan
    assert model.charge is Charge.FEE


def test_every_model_is_classified() -> None:
    loans = {m for m in Model if m.is_loan}
    assert loans == {Model.ANNUITY, Model.EQUAL_PRINCIPAL}


def test_charge_value_names_the_csv_column() -> None:
    assert [c.value for c in Charge] == ["fee", "interest"]
    assert Model("annuity").charge == "interest"
