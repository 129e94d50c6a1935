"""A prepaid loan survives a CSV round trip: the plans file's schedule cell carries the 121 or
95 rows the prepayment left, the payments file the prepayment with its kind and detail
(``prepay``), and an import into an empty file gives the same schedules, balances and payments
to the fen, exports byte-identical, and ``tracker check`` passes (the issue's 100,000.00 at 3.6%
over 120 months, 12 paid, 20,000.00 prepaid on 2025-12-20). Files without the new column still
import; a prepayment without its detail is refused, naming the column."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tracker import services as sv
from tracker.cli import main
from tracker.domain import Model, PlanTerms
from tracker.domain.prepay import Keep
from tracker.services import transfer
from tracker.services.audit import audit
from tracker.services.prepayments import record_prepayment
from tracker.services.transfer import ImportFile, ImportRefused, import_files
from tracker.storage.engine import Database, open_database

LOAN = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2025, 1, 15), Decimal("0.036"))
ON = date(2025, 12, 20)
AFTER = date(2026, 2, 20)


@pytest.fixture
def files(tmp_path: Path) -> Iterator[tuple[Path, Database, Path, Database]]:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    src, dst = open_database(a), open_database(b)
    yield a, src, b, dst
    src.close()
    dst.close()


def _exported(db: Database) -> dict[str, bytes]:
    return {k: transfer.export_csv(db, k, AFTER)[0] for k in ("plans", "payments")}


def _schedule(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as con:
        return con.execute(
            "SELECT plan_id, period, due_date, principal, fee, paid_principal, paid_fee, "
            "settled_on FROM installments ORDER BY plan_id, period"
        ).fetchall()


def _payments(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as con:
        return con.execute(
            "SELECT id, plan_id, date, amount, kind, prepay, voided FROM payments ORDER BY id"
        ).fetchall()


def _prepaid(db: Database, keep: Keep) -> int:
    loan = sv.add_plan(db, sv.PlanInput(name="房贷", terms=LOAN), as_of=ON, paid_periods=12)
    assert loan.created_id is not None
    record_prepayment(db, loan.created_id, 2_000_000, ON, keep, ON, "银行卡", "提前还款")
    sv.record_payment(
        db, loan.created_id, 99355 if keep is Keep.PAYMENT else 77647, date(2026, 1, 15), AFTER
    )
    return loan.created_id


@pytest.mark.parametrize(("keep", "rows"), [(Keep.TERM, 121), (Keep.PAYMENT, 95)])
def test_a_prepaid_loan_round_trips(files, capsys, keep: Keep, rows: int) -> None:  # type: ignore[no-untyped-def]
    a, src, b, dst = files
    loan = _prepaid(src, keep)
    before = _exported(src)
    [pay_row] = [
        r
        for r in csv.DictReader(io.StringIO(before["payments"].decode("utf-8-sig")))
        if r["kind"] == "prepayment"
    ]
    assert (pay_row["amount"], pay_row["date"]) == ("20000.00", "2025-12-20")
    assert pay_row["prepay"].startswith(f'{{"keep":"{keep.value}","paid_periods":12,')
    _, report = import_files(
        dst,
        [ImportFile("plans.csv", before["plans"]), ImportFile("payments.csv", before["payments"])],
        AFTER,
    )
    assert report.problems == () and len(report.payments) == 12 + 2
    assert len(_schedule(b)) == rows
    assert _schedule(b) == _schedule(a)  # every row, due date, amount and settlement
    assert _payments(b) == _payments(a)  # the prepayment's kind and detail included
    assert sv.plan_detail(dst, loan, AFTER).state.balance == (
        sv.plan_detail(src, loan, AFTER).state.balance
    )
    assert _exported(dst) == before
    assert audit(dst).ok
    assert main(["--db", str(b), "check"], today=lambda: AFTER) == 0
    capsys.readouterr()
    # the imported prepayment voids like the original: the 120-row schedule comes back
    # (the January payment is voided first: it was made after the prepayment)
    later = [p.id for p in sv.history(dst, loan) if p.date == date(2026, 1, 15)]
    sv.void_payment(dst, later[0], AFTER)
    [prepay] = [p.id for p in sv.history(dst, loan) if p.kind == "prepayment"]
    sv.void_payment(dst, prepay, AFTER)
    assert len(_schedule(b)) == 120
    assert sv.plan_detail(dst, loan, AFTER).state.balance == 9_153_869 + 1_576_476


def test_without_the_detail_a_prepayment_is_refused(files) -> None:  # type: ignore[no-untyped-def]
    _a, src, b, dst = files
    _prepaid(src, Keep.TERM)
    before = _exported(src)
    table = list(csv.reader(io.StringIO(before["payments"].decode("utf-8-sig"))))
    old = "\r\n".join(",".join(row[:-1]) for row in table).encode()  # no prepay column
    with pytest.raises(ImportRefused) as refused:
        import_files(
            dst, [ImportFile("plans.csv", before["plans"]), ImportFile("payments.csv", old)], AFTER
        )
    messages = [str(p.message) for p in refused.value.report.problems]
    assert any("a prepayment needs its detail in the prepay column" in m for m in messages)
    assert _schedule(b) == []  # nothing stored


def test_an_old_payments_file_without_the_column_still_imports(files) -> None:  # type: ignore[no-untyped-def]
    _a, _src, b, dst = files
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 1, 15), Decimal("0.006"))
    plan = sv.add_plan(dst, sv.PlanInput(name="小米", terms=terms), as_of=ON).created_id
    old = "plan_id,date,amount,method,note,kind,voided\r\n"
    old += f"{plan},2026-01-15,321.60,,,payment,false\r\n"
    _, report = import_files(dst, [ImportFile("payments.csv", old.encode())], AFTER)
    assert [(p.amount, p.kind) for p in report.payments] == [(32160, "payment")]
    assert _payments(b)[0][2:] == ("2026-01-15", 32160, "payment", "", 0)


def test_a_reshaped_schedule_without_its_prepayment_is_refused(files) -> None:  # type: ignore[no-untyped-def]
    _a, src, b, dst = files
    _prepaid(src, Keep.PAYMENT)
    before = _exported(src)
    with pytest.raises(ImportRefused) as refused:
        import_files(dst, [ImportFile("plans.csv", before["plans"])], AFTER)
    [problem] = refused.value.report.problems
    assert (problem.file, problem.line) == ("plans.csv", 2)
    assert problem.message.startswith("schedule: 95 entries for 120 periods, and no prepayment")
    assert _schedule(b) == []
