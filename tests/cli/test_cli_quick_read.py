"""`tracker due` on an up-to-date file reads through the stdlib ``sqlite3`` only (no
SQLAlchemy, ORM or Alembic), and prints exactly what the full path (``services.due``) finds;
a new, damaged or stale file still goes through the full checks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import Result
from tracker import services as sv
from tracker.storage import open_database

PROBE = """
import contextlib, io, sys
from tracker.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
heavy = sorted(m for m in ("sqlalchemy", "alembic", "tracker.storage.models") if m in sys.modules)
print(code, ",".join(heavy) or "-", out.getvalue().count("days overdue"))
"""


def _probe(*argv: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_due_on_an_up_to_date_file_loads_no_sqlalchemy(
    db_file: Path, add_plan: Callable[..., int]
) -> None:
    add_plan()  # 2024-01-31 … unpaid: three periods overdue by 2024-05-10
    argv = ("--db", str(db_file), "due", "--as-of", "2024-05-10")
    assert _probe(*argv) == ["0", "-", "4"]  # 01-31, 02-29, 03-31, 04-30 overdue


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["history", "--json"], '"date": "2024-02-01", "amount": "321.60"'),
        (["history", "--plan", "1"], "2024-02-01        321.60 CNY  plan 1 Xiaomi 14"),
        (["export", "payments"], "1,1,Xiaomi 14,2024-02-01,321.60,CNY"),
        (["plan", "list", "--json", "--as-of", "2024-02-01"], '"remaining": "3537.60"'),
        (["remind", "--as-of", "2024-02-25", "--lang", "en"], "2024-02-29  Xiaomi 14 #2  321.60"),
    ],
)
def test_history_plan_list_and_payments_export_load_no_sqlalchemy(
    db_file: Path,
    add_plan: Callable[..., int],
    run: Callable[..., Result],
    command: list[str],
    expected: str,
) -> None:
    plan = add_plan()
    assert run("pay", str(plan), "--amount", "321.60", "--date", "2024-02-01").code == 0
    code, heavy, _ = _probe("--db", str(db_file), *command)
    status = 1 if command[0] == "remind" else 0  # remind: 1 when something needs attention
    assert (code, heavy) == (str(status), "-")
    full = run(*command)
    assert full.code == status and expected in full.out, full.out


def test_history_of_a_missing_plan_is_refused_as_before(
    add_plan: Callable[..., int], run: Callable[..., Result]
) -> None:
    add_plan()
    assert run("history", "--plan", "9").one_line_error() == (
        "tracker history: error: there is no plan with id 9"
    )


def test_due_on_a_new_file_creates_it_through_the_full_path(tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    code, heavy, _ = _probe("--db", str(new), "due", "--as-of", "2024-05-10")
    assert (code, "sqlalchemy" in heavy) == ("0", True)
    assert new.is_file()
    # now up to date: the next run takes the light path
    assert _probe("--db", str(new), "due", "--as-of", "2024-05-10") == ["0", "-", "0"]


def test_quick_and_full_paths_agree_row_for_row(
    db_file: Path, add_plan: Callable[..., int], run: Callable[..., Result]
) -> None:
    first = add_plan()
    add_plan("--penalty-rate", "0.05", "--grace-days", "3", name="装修贷")
    assert run("pay", str(first), "--amount", "321.60", "--date", "2024-02-01").code == 0
    assert (
        run(
            "pay", str(first), "--amount", "100", "--date", "2024-06-01", today=date(2024, 6, 1)
        ).code
        == 0
    )
    # 03-05: before the last payment (the plan is replayed); 07-01: penalties accrue
    for as_of in (date(2024, 3, 5), date(2024, 5, 10), date(2024, 7, 1)):
        quick = run("due", "--as-of", as_of.isoformat(), "--within", "20", "--json").json()
        with open_database(db_file) as db:
            full = sv.due(db, as_of, 20)
        assert [(q["plan_id"], q["period"], q["amount_due"], q["penalty"]) for q in quick] == [
            (i.plan_id, i.period, f"{i.amount_due / 100:.2f}", f"{i.penalty / 100:.2f}")
            for i in full
        ]
        assert any(q["penalty"] != "0.00" for q in quick) or as_of < date(2024, 5, 10)


def test_due_refuses_a_foreign_file_with_the_same_message(
    tmp_path: Path, run: Callable[..., Result]
) -> None:
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as con:
        con.execute("PRAGMA application_id = 1234")
        con.execute("CREATE TABLE notes (x)")
    before = other.read_bytes()
    res = run("--db", str(other), "due", db=None)
    msg = res.one_line_error()
    assert "is a SQLite database of another program (application id 0x000004d2" in msg
    assert other.read_bytes() == before


def _tricky_ledger(db_file: Path, currencies: tuple[str, str, str] = ("CNY", "USD", "JPY")) -> None:
    """Plans in CNY, USD and JPY (or ``currencies``); names, methods and notes a CSV or JSON
    writer must escape or guard (quotes, commas, semicolons, a formula, Chinese, an emoji, a
    backslash, empty); a voided payment; a loan with a prepayment."""
    from decimal import Decimal

    from tracker.domain import Model, PlanTerms
    from tracker.services.prepayments import record_prepayment

    on = date(2024, 3, 1)
    with open_database(db_file) as db:
        ids = []
        names = ('Xiaomi "14", 黑色', "=HYPERLINK(1)", "家电;冰箱")
        for name, cur in zip(names, currencies, strict=True):
            terms = PlanTerms(
                Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006"), currency=cur
            )
            change = sv.add_plan(db, sv.PlanInput(name=name, terms=terms), as_of=on)
            assert change.created_id is not None
            ids.append(change.created_id)
        texts = [
            ("支付宝", '第1期 "按时"'),
            ("-card,1", "=1+1"),
            ("@bank", "🙂 ok; done"),
            ("", ""),
            ("@@", "back\\slash"),
        ]
        made = []
        for k, (method, note) in enumerate(texts):
            paid = sv.record_payment(
                db, ids[k % 3], 1000 + k * 7, date(2024, 2, 1 + k), on, method, note
            )
            made.append(paid.created_id)
        sv.void_payment(db, made[1], on)  # type: ignore[arg-type]
        loan = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2023, 3, 15), Decimal("0.036"))
        added = sv.add_plan(db, sv.PlanInput(name="房贷", terms=loan), as_of=on, paid_periods=12)
        assert added.created_id is not None
        record_prepayment(db, added.created_id, 2_000_000, on, "term", on, "银行卡", "提前, 还款")


@pytest.mark.parametrize(
    "scope",
    [[], ["--plan", "1"], ["--from", "2024-02-02", "--to", "2024-02-03"], ["--plan", "4"]],
)
def test_history_json_and_the_payments_export_match_the_full_path_byte_for_byte(
    db_file: Path, run: Callable[..., Result], capsys: pytest.CaptureFixture[str], scope: list[str]
) -> None:
    """The stdlib path writes the JSON in SQLite and the CSV from the stored columns; the
    full path (the services' rows through ``print_history`` and ``export_csv``) is the
    reference, for every kind of cell."""
    from tracker.cli.common import parse_date
    from tracker.cli.output import print_history
    from tracker.services.export import export_csv

    _tricky_ledger(db_file)
    plan = int(scope[1]) if scope[:1] == ["--plan"] else None
    start = parse_date(scope[1]) if scope[:1] == ["--from"] else None
    end = parse_date(scope[3]) if scope[:1] == ["--from"] else None
    quick_json = run("history", "--json", *scope).out
    with open_database(db_file) as db:
        print_history(sv.history_rows(db, plan, start, end), True)
        full_json = capsys.readouterr().out
        for headers in ("en", "zh"):
            out = db_file.parent / f"p-{headers}.csv"
            res = run("export", "payments", "--headers", headers, "-o", str(out), *scope)
            assert res.code == 0, res.err
            full, _count = export_csv(
                db, "payments", date(2024, 5, 10), plan, start, end, headers=headers
            )
            assert out.read_bytes() == full
    assert quick_json == full_json
    if not scope:  # what the escaping and formatting had to get right is in there
        for part in ('"note": "第1期 \\"按时\\""', '"amount": "1014"', '"voided": true'):
            assert part in quick_json


@pytest.mark.parametrize("currency", ["CNY", "JPY", "KWD"])
def test_history_json_of_one_kind_of_currency_matches_the_full_path(
    db_file: Path, run: Callable[..., Result], capsys: pytest.CaptureFixture[str], currency: str
) -> None:
    """With every plan in currencies of one number of digits, SQLite formats the amounts
    itself and reads no plan: still byte for byte the full path's JSON (2, 0 and 3 digits)."""
    from tracker.cli.output import print_history

    _tricky_ledger(db_file, (currency, currency, currency))
    with closing(sqlite3.connect(db_file)) as con, con:  # the loan is CNY: same digits here
        con.execute("UPDATE plans SET currency = ?", (currency,))
        # control characters the app refuses, as another program could have written them
        con.execute("UPDATE payments SET note = ? WHERE id = 1", ("tab\t\x01 line\nbreak \u2028",))
    quick = run("history", "--json").out
    with open_database(db_file) as db:
        print_history(sv.history_rows(db, None, None, None), True)
    assert quick == capsys.readouterr().out
    assert '"note": ""' in quick and "\\u0001" in quick and '"kind": "prepayment"' in quick
