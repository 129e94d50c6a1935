"""CSV exports of the sample ledger, compared byte for byte with the golden files.

Regenerate with ``UPDATE_GOLDEN=1 uv run pytest tests/reports`` and read the diff by eye.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.reports.test_csv_common import FORMULA_NAME, TODAY, build_sample, check_golden
from tracker import services as sv
from tracker.reports.csv_columns import INSTALLMENT_COLUMNS, PAYMENT_COLUMNS, PLAN_COLUMNS
from tracker.services import transfer
from tracker.storage.engine import Database, open_database


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "sample.sqlite3")
    build_sample(db)
    yield db
    db.close()


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("kind", transfer.KINDS)
def test_export_matches_golden_file(sample: Database, kind: str) -> None:
    data, count = transfer.export_csv(sample, kind, TODAY)
    check_golden(f"{kind}.csv", data)
    assert count == len(rows_of(data)) - 1


def test_files_are_utf8_with_bom_crlf_and_english_headers(sample: Database) -> None:
    expected = {"payments": PAYMENT_COLUMNS, "installments": INSTALLMENT_COLUMNS}
    expected["plans"] = PLAN_COLUMNS
    for kind in transfer.KINDS:
        data, _ = transfer.export_csv(sample, kind, TODAY)
        assert data.startswith("\ufeff".encode())
        text = data.decode("utf-8")
        assert text.endswith("\r\n")
        header = text[1:].split("\r\n", 1)[0]
        assert header == ",".join(c.key for c in expected[kind])
        assert header.isascii()


def test_text_cells_are_guarded_and_numbers_are_not(sample: Database) -> None:
    plans = rows_of(transfer.export_csv(sample, "plans", TODAY)[0])
    by_name = {r[1]: r for r in plans[1:]}
    assert "'" + FORMULA_NAME in by_name
    assert by_name["小米14 Pro"][4] == "'-5% off 以旧换新"
    assert by_name["'" + FORMULA_NAME][4] == "'+86 138 0000 0000"
    assert "'@家具 sofa" in by_name
    payments = rows_of(transfer.export_csv(sample, "payments", TODAY)[0])
    notes = [r[7] for r in payments[1:]]
    assert "'=1+1" in notes and "'@柜台" in notes and "'+1 积分" in notes
    for table in (plans, payments):
        for row in table[1:]:
            for cell in row:
                if cell and cell[0] in "=+-@\t\r":
                    pytest.fail(f"unguarded cell {cell!r}")


def test_amounts_are_plain_decimals_to_the_minor_unit(sample: Database) -> None:
    payments = rows_of(transfer.export_csv(sample, "payments", TODAY)[0])
    amounts = {(r[1], r[3]): (r[4], r[5]) for r in payments[1:]}
    assert amounts["1", "2024-01-30"] == ("321.60", "CNY")
    assert amounts["6", "2024-04-01"] == ("16660", "JPY")  # yen have no minor digits
    plans = rows_of(transfer.export_csv(sample, "plans", TODAY)[0])
    usd = next(r for r in plans if r[1] == "MacBook Air")
    assert usd[5:10] == ["USD", "flat", "1199.00", "6", "0.5"]


def test_payments_filters(sample: Database) -> None:
    lines = transfer.export_rows(
        sample, "payments", TODAY, plan_id=1, date_from=date(2024, 2, 1), date_to=date(2024, 3, 31)
    )
    assert [(p.date.isoformat(), p.amount) for p in lines] == [
        ("2024-02-29", 32160),
        ("2024-03-31", 10000),
    ]


def test_installments_filters_and_status(sample: Database) -> None:
    lines = transfer.export_rows(
        sample,
        "installments",
        TODAY,
        plan_id=3,
        date_from=date(2024, 4, 1),
        date_to=date(2024, 5, 31),
    )
    assert [(i.period, i.status, i.remaining, i.penalty, i.amount_due) for i in lines] == [
        (2, "overdue", 92500, 1388, 93888),  # one meaning: remaining + penalty = amount due
        (3, "due_today", 91666, 0, 91666),
    ]


def test_plans_refuse_a_date_range(sample: Database) -> None:
    with pytest.raises(sv.ServiceError, match="not plans"):
        transfer.export_rows(sample, "plans", TODAY, date_from=date(2024, 1, 1))


def test_unknown_plan_and_reversed_range_are_refused(sample: Database) -> None:
    with pytest.raises(sv.ServiceError, match="no plan with id 99"):
        transfer.export_csv(sample, "installments", TODAY, plan_id=99)
    with pytest.raises(sv.ServiceError, match="before it starts"):
        transfer.export_csv(
            sample, "payments", TODAY, date_from=date(2024, 5, 1), date_to=date(2024, 4, 1)
        )


def test_an_empty_ledger_exports_headers_only(tmp_path: Path) -> None:
    with open_database(tmp_path / "empty.sqlite3") as db:
        for kind in transfer.KINDS:
            data, count = transfer.export_csv(db, kind, TODAY)
            assert count == 0 and len(rows_of(data)) == 1


def test_save_bytes_writes_whole_and_private(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.csv"
    target.write_bytes(b"old")
    transfer.save_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in folder.iterdir()] == ["out.csv"]
    with pytest.raises(OSError):
        transfer.save_bytes(tmp_path / "missing" / "x.csv", b"x")
