"""The plans CSV and issue 8: the fee_rounding column (手续费取整方式) round-trips, is optional
on import (half_up), is refused on a model that has no total fee, and a file without a payoff
column gives loans the waive-future-fees default."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.reports.test_csv_common import TODAY
from tracker import services as sv
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import FeeRounding, Model, PlanTerms
from tracker.services import transfer
from tracker.services.transfer import ImportRefused, import_file
from tracker.storage.engine import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "a.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "b.sqlite3")
    yield opened
    opened.close()


def huabei(rounding: FeeRounding) -> sv.PlanInput:
    terms = PlanTerms(Model.TOTAL, 100100, 6, date(2024, 2, 15), Decimal("0.045"),
                      fee_rounding=rounding)  # fmt: skip
    return sv.PlanInput(f"花呗 {rounding}", terms, platform="花呗")


def totals(db: Database, plan_id: int) -> list[int]:
    return [s.installment.total for s in sv.plan_detail(db, plan_id, TODAY).installments]


def test_fee_rounding_round_trips_byte_identical(db: Database, other: Database) -> None:
    even = sv.add_plan(db, huabei(FeeRounding.HALF_EVEN)).created_id
    up = sv.add_plan(db, huabei(FeeRounding.HALF_UP)).created_id
    assert totals(db, even) == [17439] + [17433] * 5
    assert totals(db, up) == [17440] + [17433] * 5
    data = transfer.export_csv(db, "plans", TODAY)[0]
    text = data.decode("utf-8-sig")
    header, first, second = text.splitlines()
    assert header.split(",")[12:15] == ["fee_mode", "fee_rounding", "upfront_fee"]
    assert first.split(",")[12:14] == ["spread", "half_even"]
    assert second.split(",")[12:14] == ["spread", "half_up"]
    import_file(other, data, TODAY)
    assert transfer.export_csv(other, "plans", TODAY)[0] == data
    again = sv.plan_detail(other, even, TODAY)
    assert again.input.terms.fee_rounding is FeeRounding.HALF_EVEN
    assert totals(other, even) == [17439] + [17433] * 5


def test_fee_rounding_column_is_optional_and_has_a_chinese_header(db: Database) -> None:
    text = (
        "名称,计息方式,本金,期数,费率,首次还款日,手续费取整方式\r\n"
        "偶,total,1001,6,4.5,2024-02-15,银行家舍入\r\n"
        "空,total,1001,6,4.5,2024-02-15,\r\n"
    )
    _, report = import_file(db, text.encode(), TODAY)
    even, blank = (p.id for p in report.plans)
    assert totals(db, even)[0] == 17439
    assert totals(db, blank)[0] == 17440  # blank: half-up
    _, report = import_file(db, b"name,model,principal,periods,rate_pct,first_due\r\n"
                            b"x,total,1001,6,4.5,2024-02-15\r\n", TODAY)  # fmt: skip
    assert totals(db, report.plans[0].id)[0] == 17440  # no column: half-up


def test_half_even_on_a_plan_without_a_total_fee_is_refused(db: Database) -> None:
    text = (
        "name,model,principal,periods,rate_pct,first_due,fee_rounding\r\n"
        "x,flat,3600,12,0.6,2024-02-15,half_even\r\n"
    )
    with pytest.raises(ImportRefused) as info:
        import_file(db, text.encode(), TODAY)
    assert [(p.line, p.message) for p in info.value.report.problems] == [
        (2, "fee_rounding: only total plans round a total fee; leave the cell blank or "
            "half_up for a flat plan")
    ]  # fmt: skip
    assert sv.list_plans(db, TODAY, include_archived=True) == []


def test_blank_or_absent_payoff_policy_takes_the_model_default(db: Database) -> None:
    text = (
        "name,model,principal,periods,rate_pct,first_due,payoff_policy\r\n"
        "loan,annuity,10000,12,4.9,2024-02-15,\r\n"
        "ep,equal_principal,10000,12,4.9,2024-02-15,\r\n"
        "phone,flat,3600,12,0.6,2024-02-15,\r\n"
        "loan2,annuity,10000,12,4.9,2024-02-15,charge_all_fees\r\n"
    )
    _, report = import_file(db, text.encode(), TODAY)
    policies = [sv.plan_detail(db, p.id, TODAY).input.payoff_policy for p in report.plans]
    assert policies == [
        PayoffPolicy.WAIVE_FUTURE_FEES,
        PayoffPolicy.WAIVE_FUTURE_FEES,
        PayoffPolicy.CHARGE_ALL_FEES,
        PayoffPolicy.CHARGE_ALL_FEES,
    ]
    _, report = import_file(db, b"name,model,principal,periods,rate_pct,first_due\r\n"
                            b"loan3,annuity,10000,12,4.9,2024-02-15\r\n", TODAY)  # fmt: skip
    detail = sv.plan_detail(db, report.plans[0].id, TODAY)
    assert detail.input.payoff_policy is PayoffPolicy.WAIVE_FUTURE_FEES


def test_import_refuses_a_first_due_date_before_the_purchase(db: Database) -> None:
    text = (
        "name,model,principal,periods,rate_pct,first_due,purchase_date\r\n"
        "x,flat,3600,12,0.6,2026-01-10,2026-02-01\r\n"
    )
    with pytest.raises(ImportRefused) as info:
        import_file(db, text.encode(), TODAY)
    assert [(p.line, p.message) for p in info.value.report.problems] == [
        (2, "the first due date 2026-01-10 is before the purchase date 2026-02-01; "
            "enter a first due date on or after the purchase date")
    ]  # fmt: skip
