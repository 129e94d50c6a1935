"""CSV of plans already under way: prior payments export with their kind and import back
byte-identical; a hand-made plans file gets periods paid before tracking from its
``paid_periods`` (已还期数) column, or by default every period due before the import's date.

Worked example: 小米 3600.00 / 12 / 0.6% flat, first due 2026-06-15, added on 2026-11-29 with 6
paid → 6 prior payments × 321.60 dated 2026-06-15 … 2026-11-15, balance 1,929.60.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.services import transfer
from tracker.services.transfer import ImportFile, ImportRefused, import_file, import_files
from tracker.storage.engine import Database, open_database

ADDED = date(2026, 11, 29)
XIAOMI = PlanTerms(Model.FLAT, 360000, 12, date(2026, 6, 15), Decimal("0.006"))
DUES = [f"2026-{m:02d}-15" for m in range(6, 12)]


@pytest.fixture
def dbs(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    a, b = open_database(tmp_path / "a.sqlite3"), open_database(tmp_path / "b.sqlite3")
    yield a, b
    a.close()
    b.close()


def exported(db: Database) -> dict[str, bytes]:
    return {k: transfer.export_csv(db, k, ADDED)[0] for k in transfer.KINDS}


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_prior_payments_export_with_their_kind_and_round_trip(dbs) -> None:
    src, dst = dbs
    pid = sv.add_plan(src, sv.PlanInput("小米 14", XIAOMI), ADDED, 6).created_id
    sv.record_payment(src, pid, 32160, ADDED, ADDED, "支付宝")
    sv.add_plan(src, sv.PlanInput("不在途", XIAOMI), ADDED, 0)  # a plan with no payments
    before = exported(src)
    payments = rows(before["payments"])
    assert [(p["date"], p["amount"], p["kind"]) for p in payments] == [
        (d, "321.60", "prior") for d in DUES
    ] + [("2026-11-29", "321.60", "payment")]
    assert "paid_periods" not in rows(before["plans"])[0]  # import-only column
    _, report = import_files(
        dst,
        [ImportFile("plans.csv", before["plans"]), ImportFile("payments.csv", before["payments"])],
        ADDED,
    )
    assert report.warnings == ()
    assert [p.paid_before_tracking for p in report.plans] == [0, 0]  # none invented
    assert exported(dst) == before
    assert [r.kind for r in sv.history(dst, pid)] == ["prior"] * 6 + ["payment"]
    assert sv.plan_detail(dst, pid, ADDED).prior_periods == frozenset(range(1, 7))


def test_chinese_kind_name_imports_as_prior(dbs) -> None:
    _, db = dbs
    pid = sv.add_plan(db, sv.PlanInput("小米 14", XIAOMI), ADDED, 0).created_id
    text = "分期编号,日期,金额,类型\r\n" + "".join(
        f"{pid},{d},321.60,记账前已还\r\n" for d in DUES[:2]
    )
    import_file(db, text.encode(), ADDED)
    assert [(r.date.isoformat(), r.amount, r.kind) for r in sv.history(db, pid)] == [
        (d, 32160, "prior") for d in DUES[:2]
    ]


HAND_MADE = (
    "名称,计息方式,本金,期数,费率,首次还款日{extra}\r\n"
    "小米 14,flat,3600,12,0.6,2026-06-15{cell}\r\n"
)


def test_hand_made_file_with_paid_periods_column(dbs) -> None:
    _, db = dbs
    text = HAND_MADE.format(extra=",已还期数", cell=",6")
    _, report = import_file(db, text.encode(), ADDED)
    assert report.warnings == ()
    [plan] = report.plans
    assert plan.paid_before_tracking == 6
    assert [(r.date.isoformat(), r.amount, r.kind) for r in sv.history(db, plan.id)] == [
        (d, 32160, "prior") for d in DUES
    ]
    d = sv.plan_detail(db, plan.id, ADDED)
    assert d.state.balance == 192960 and sv.due(db, ADDED) == []


def test_hand_made_file_without_the_column_gets_the_default_and_says_so(dbs) -> None:
    _, db = dbs
    _, preview = import_file(db, HAND_MADE.format(extra="", cell="").encode(), ADDED, True)
    assert [str(w) for w in preview.warnings] == [
        "import.csv:2: the first due date is in the past and the file does not say how many "
        "periods were paid: the 6 due before 2026-11-29 are recorded as paid before tracking "
        "(a paid_periods column sets another number)"
    ]
    assert sv.history(db) == []  # a dry run writes nothing
    _, report = import_file(db, HAND_MADE.format(extra="", cell="").encode(), ADDED)
    assert report.plans[0].paid_before_tracking == 6
    assert sv.plan_detail(db, report.plans[0].id, ADDED).state.balance == 192960


def test_an_empty_paid_periods_cell_is_the_default_and_zero_is_none(dbs) -> None:
    _, db = dbs
    text = HAND_MADE.format(extra=",paid_periods", cell=",0")
    _, report = import_file(db, text.encode(), ADDED)
    assert report.warnings == () and sv.history(db) == []
    text = HAND_MADE.format(extra=",paid_periods", cell=",")
    _, report = import_file(db, text.encode(), ADDED)
    assert report.plans[0].paid_before_tracking == 6


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("7", "period 7 is due on 2026-12-15, after 2026-11-29: only periods due by then can be "
         "paid before tracking; enter 0 to 6 (record later payments as payments)"),
        ("x", "'x' is not a number of periods; enter a whole number from 0 to 360"),
    ],
)  # fmt: skip
def test_bad_paid_periods_refuse_the_import(dbs, cell, message) -> None:
    _, db = dbs
    with pytest.raises(ImportRefused) as exc:
        import_file(db, HAND_MADE.format(extra=",已还期数", cell="," + cell).encode(), ADDED)
    [problem] = exc.value.report.problems
    assert problem.line == 2 and message in problem.message
    assert sv.list_plans(db, ADDED) == []
