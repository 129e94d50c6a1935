"""The installments CSV names its charge column for the plans' kind: ``interest`` (利息) for
loans, ``fee`` (手续费) for consumer plans, both when a file mixes them; the import reads either
spelling wherever it reads that column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.reports.test_csv_common import TODAY
from tests.rows import installment_row
from tracker import services as sv
from tracker.domain.plan import Charge, Model, PlanTerms
from tracker.reports.csv_export import installment_columns, installments_csv
from tracker.services import transfer
from tracker.services.transfer import import_file
from tracker.storage.engine import Database, open_database

ANNUITY = PlanTerms(Model.ANNUITY, 1000000, 12, date(2024, 1, 10), Decimal("0.12"))
FLAT = PlanTerms(Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "charge.sqlite3")
    yield database
    database.close()


def _add(db: Database, name: str, terms: PlanTerms) -> int:
    change = sv.add_plan(db, sv.PlanInput(name=name, terms=terms))
    assert change.created_id is not None
    return change.created_id


def _rows(db: Database, plan_id: int | None = None) -> list[dict[str, str]]:
    data, _ = transfer.export_csv(db, "installments", TODAY, plan_id=plan_id)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _header(db: Database, plan_id: int | None = None) -> list[str]:
    data, _ = transfer.export_csv(db, "installments", TODAY, plan_id=plan_id)
    return data.decode("utf-8-sig").split("\r\n", 1)[0].split(",")


def test_a_loan_file_has_an_interest_column_and_no_fee(db: Database) -> None:
    _add(db, "房贷", ANNUITY)
    header = _header(db)
    assert "interest" in header and "fee" not in header
    assert header[header.index("principal") + 1] == "interest"
    rows = _rows(db)
    # 10000.00 at 12% over 12: 100.00 interest first, 888.49 a month, 661.86 interest in all.
    assert rows[0]["interest"] == "100.00" and rows[0]["total"] == "888.49"
    assert sum(Decimal(r["interest"]) for r in rows) == Decimal("661.86")


def test_a_consumer_file_keeps_the_fee_column(db: Database) -> None:
    _add(db, "小米", FLAT)
    header = _header(db)
    assert "fee" in header and "interest" not in header
    assert {r["fee"] for r in _rows(db)} == {"21.60"}


def test_a_mixed_file_has_both_each_filled_for_its_kind(db: Database) -> None:
    loan, flat = _add(db, "房贷", ANNUITY), _add(db, "小米", FLAT)
    header = _header(db)
    at = header.index("principal")
    assert header[at + 1 : at + 4] == ["fee", "interest", "total"]
    rows = _rows(db)
    loans = [r for r in rows if r["plan_id"] == str(loan)]
    flats = [r for r in rows if r["plan_id"] == str(flat)]
    assert len(loans) == len(flats) == 12
    assert all(r["fee"] == "" and r["interest"] for r in loans)
    assert all(r["interest"] == "" and r["fee"] == "21.60" for r in flats)
    # Filtering to one plan names the column for that plan alone.
    assert "fee" not in _header(db, loan) and "interest" not in _header(db, flat)


def test_column_choice() -> None:
    keys = [[c.key for c in installment_columns(s) if c.key in ("fee", "interest")] for s in
            (set(), {Charge.FEE}, {Charge.INTEREST}, {Charge.INTEREST, Charge.FEE})]  # fmt: skip
    assert keys == [["fee"], ["fee"], ["interest"], ["fee", "interest"]]


def test_an_empty_export_has_the_fee_header() -> None:
    assert (
        installments_csv([])
        .decode("utf-8-sig")
        .startswith(
            "plan_id,plan_name,platform,period,periods,due_date,currency,principal,fee,total,"
        )
    )


def test_a_line_goes_in_its_own_column() -> None:
    line = installment_row(
        1, "房贷", "", 1, 1, date(2024, 6, 1), "CNY", 100, 5, 0, "upcoming",
        charge=Charge.INTEREST,
    )  # fmt: skip
    text = installments_csv([line]).decode("utf-8-sig")
    assert (
        text.split("\r\n")[1]
        == "1,房贷,,1,1,2024-06-01,CNY,1.00,0.05,1.05,0.00,1.05,0.00,upcoming,0"
    )
    assert ",interest,total," in text.split("\r\n")[0]


@pytest.mark.parametrize("header", ["schedule", "每期本金/利息", "每期本金/手续费"])
def test_a_loan_schedule_column_may_say_interest(db: Database, header: str) -> None:
    text = (
        f"id,name,model,principal,periods,rate_pct,first_due,{header}\r\n"
        '1,房贷,等额本息,1000,2,12,2024-01-10,"500.00/10.00;500.00/5.00"\r\n'
    )
    import_file(db, text.encode(), TODAY)
    detail = sv.plan_detail(db, 1, TODAY)
    assert [s.installment.fee for s in detail.installments] == [1000, 500]
