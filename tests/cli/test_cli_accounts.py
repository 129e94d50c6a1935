"""Accounts and bills through the CLI, with domain-rules.md's worked numbers to the fen on a
real SQLite file: the CMB minimum (621.60), 全额计息 (108.00), 花呗's unpaid-only interest
(13.50), the CMB late fee (31.08), reconciliation, and a bill paid across its plans."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import Result

TODAY = date(2026, 6, 1)


def _count(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def cmb(run: Callable[..., Result]) -> int:
    """A month-end card due the 25th, with 小米手机 3600.00 / 12 / 0.6% bought 2026-02-20."""
    account = run(
        "account",
        "add",
        "--name",
        "招行信用卡",
        "--kind",
        "credit-card",
        "--statement-day",
        "end",
        "--due-day",
        "25",
        "--json",
        today=TODAY,
    ).json()["id"]
    plan = run(
        "plan",
        "add",
        "--name",
        "小米手机",
        "--model",
        "flat",
        "--principal",
        "3600",
        "--periods",
        "12",
        "--rate",
        "0.6",
        "--purchase-date",
        "2026-02-20",
        "--account",
        "招行信用卡",
        "--paid-periods",
        "0",
        "--json",
        today=TODAY,
    ).json()
    assert plan["id"] == 1
    return int(account)


def test_a_plan_on_an_account_falls_due_on_its_statements(run, cmb: int, db_file: Path) -> None:
    with closing(sqlite3.connect(db_file)) as con:
        dates = [r[0] for r in con.execute("SELECT due_date FROM installments ORDER BY period")]
        assert con.execute("SELECT account_id FROM plans").fetchone()[0] == cmb
    # statements 02-28, 03-31, 04-30 … → due the 25th of the next month
    assert dates[:3] == ["2026-03-25", "2026-04-25", "2026-05-25"]
    assert dates[-1] == "2027-02-25"


def test_bill_minimum_and_what_paying_only_the_minimum_costs(run, cmb: int) -> None:
    bill = run("bill", "招行信用卡", "--statement", "2026-03", "--spending", "3000",
               "--posted-on", "2026-03-11", "--json", today=TODAY).json()  # fmt: skip
    assert bill["due_date"] == "2026-04-25"
    assert [(i["plan"], i["period"], i["amount"]) for i in bill["installments"]] == [
        ("小米手机", 2, "321.60")
    ]
    assert (bill["spending"], bill["total"], bill["minimum"]) == ("3000.00", "3321.60", "621.60")
    quote = run("bill", "quote-minimum", str(cmb), "--statement", "2026-03",
                "--rest-on", "2026-05-25", "--json", today=TODAY).json()  # fmt: skip
    assert [(ln["basis"], ln["days"], ln["interest"]) for ln in quote["lines"]] == [
        ("3000.00", 45, "67.50"),
        ("2700.00", 30, "40.50"),
    ]
    assert (quote["interest"], quote["late_fee"], quote["cost"]) == ("108.00", "0.00", "108.00")
    late = run("bill", "quote-minimum", str(cmb), "--statement", "2026-03", "--paid-on",
               "2026-04-26", "--rest-on", "2026-05-25", "--json", today=TODAY).json()  # fmt: skip
    assert late["late_fee"] == "31.08"


def test_huabei_charges_the_unpaid_part_only(run: Callable[..., Result]) -> None:
    run("account", "add", "--name", "花呗", "--kind", "huabei", "--statement-day", "1",
        "--due-day", "10", "--json", today=TODAY).json()  # fmt: skip
    run("bill", "花呗", "--statement", "2026-04", "--spending", "1000", today=TODAY)
    quote = run("bill", "quote-minimum", "花呗", "--statement", "2026-04", "--paid", "100",
                "--rest-on", "2026-05-10", "--json", today=TODAY).json()  # fmt: skip
    assert quote["due_date"] == "2026-04-10"
    assert [(ln["basis"], ln["days"]) for ln in quote["lines"]] == [("900.00", 30)]
    assert (quote["interest"], quote["late_fee"]) == ("13.50", "0.00")


def test_reconcile_names_the_fee_rounding_that_explains_a_fen(run: Callable[..., Result]) -> None:
    run("account", "add", "--name", "花呗", "--kind", "huabei", "--statement-day", "1",
        "--due-day", "10", today=TODAY)  # fmt: skip
    run("plan", "add", "--name", "耳机", "--model", "total", "--principal", "1001",
        "--periods", "6", "--rate", "4.5", "--fee-rounding", "half-even", "--purchase-date",
        "2026-04-15", "--account", "花呗", "--paid-periods", "0", today=TODAY)  # fmt: skip
    bill = run("bill", "花呗", "--statement", "2026-05", "--statement-amount", "174.40",
               "--json", today=TODAY).json()  # fmt: skip
    assert bill["due_date"] == "2026-05-10" and bill["total"] == "174.39"
    r = bill["reconcile"]
    assert (r["statement"], r["ours"], r["difference"]) == ("174.40", "174.39", "0.01")
    assert [(e["plan"], e["period"], e["reason"], e["theirs"]) for e in r["explained_by"]] == [
        ("耳机", 1, "the total fee rounded half-up", "174.40")
    ]


def test_bill_pay_records_one_payment_per_plan_oldest_first(
    run: Callable[..., Result], cmb: int, db_file: Path
) -> None:
    run("plan", "add", "--name", "电视", "--model", "interest-free", "--principal", "900",
        "--periods", "3", "--purchase-date", "2026-03-05", "--account", str(cmb),
        "--paid-periods", "0", today=TODAY)  # fmt: skip
    feb = run("bill", str(cmb), "--statement", "2026-02", "--json", today=TODAY).json()
    assert [(i["plan"], i["period"]) for i in feb["installments"]] == [("小米手机", 1)]
    out = run("bill", "pay", str(cmb), "--statement", "2026-02", "--amount", "321.60",
              "--date", "2026-03-20", "--json", today=TODAY).json()  # fmt: skip
    assert out["plan_ids"] == [1] and out["to_spending"] == "0.00"
    march = run("bill", str(cmb), "--statement", "2026-03", "--json", today=TODAY).json()
    assert [(i["plan"], i["period"], i["amount"]) for i in march["installments"]] == [
        ("小米手机", 2, "321.60"),
        ("电视", 1, "300.00"),
    ]
    out = run("bill", "pay", str(cmb), "--statement", "2026-03", "--amount", "700",
              "--date", "2026-04-20", "--json", today=TODAY).json()  # fmt: skip
    assert out["plan_ids"] == [1, 2] and out["to_spending"] == "78.40"
    paid = run("bill", str(cmb), "--statement", "2026-03", "--json", today=TODAY).json()
    assert (paid["installments_remaining"], paid["status"]) == ("0.00", "paid")
    assert _count(db_file, "payments") == 3


def test_account_refusals_store_nothing(
    run: Callable[..., Result], cmb: int, db_file: Path
) -> None:
    before = (_count(db_file, "accounts"), _count(db_file, "payments"))
    cases = [
        (("account", "add", "--name", "x", "--kind", "other", "--statement-day", "29",
          "--due-day", "5"), "1 to 28"),
        (("account", "add", "--name", "x", "--kind", "other", "--statement-day", "5",
          "--due-after", "0"), "1 to 60"),
        (("account", "add", "--name", "招行信用卡", "--kind", "other", "--statement-day", "5",
          "--due-day", "5"), "already an account named"),
        (("account", "delete", str(cmb)), "move or delete them first"),
        (("account", "show", "99"), "no account with id 99"),
        (("bill", "nobody"), "no account named nobody"),
        (("bill", str(cmb), "--statement", "2026-13"), "--statement"),
        (("bill", "pay", str(cmb), "--amount", "-1"), "--amount"),
        (("bill", str(cmb), "--amount", "5"), "not an option of `bill show`"),
        (("bill", "quote-minimum", str(cmb)), "--rest-on"),
    ]  # fmt: skip
    for argv, words in cases:
        line = run(*argv, today=TODAY).one_line_error()
        assert words in line, (argv, line)
    assert (_count(db_file, "accounts"), _count(db_file, "payments")) == before


def _rows(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as con:
        return con.execute(sql).fetchall()


def test_bill_payment_is_one_history_entry_voided_whole(
    run: Callable[..., Result], cmb: int, db_file: Path
) -> None:
    run("plan", "add", "--name", "电视", "--model", "interest-free", "--principal", "900",
        "--periods", "3", "--purchase-date", "2026-03-05", "--account", str(cmb),
        "--paid-periods", "0", today=TODAY)  # fmt: skip
    run("pay", "1", "--amount", "321.60", "--date", "2026-03-20", today=TODAY)  # period 1 alone
    state = "SELECT id, remaining, paid_periods, next_due, closed_on FROM plans ORDER BY id"
    before = _rows(db_file, state)
    out = run("bill", "pay", str(cmb), "--statement", "2026-03", "--amount", "700",
              "--date", "2026-04-20", "--method", "招行App", "--json",
              today=TODAY).json()  # fmt: skip
    group = out["bill_payment"]
    assert isinstance(group, int)
    bills = f"SELECT amount, spending, method, voided FROM bill_payments WHERE id = {group}"
    assert _rows(db_file, bills) == [(70000, 7840, "招行App", 0)]
    parts = f"SELECT plan_id, amount FROM payments WHERE bill_payment_id = {group} ORDER BY id"
    assert _rows(db_file, parts) == [(1, 32160), (2, 30000)]
    history = run("history", "--json", today=TODAY).json()
    assert [(h["plan_id"], h["amount"], h["bill_payment"]) for h in history] == [
        (1, "321.60", None),
        (1, "321.60", group),
        (2, "300.00", group),
    ]
    assert {h["note"] for h in history[1:]} == {"bill 2026-03 · 招行信用卡"}
    assert {h["method"] for h in history[1:]} == {"招行App"}
    text = run("history", today=TODAY).out
    assert text.count(f"(bill payment {group})") == 2
    child = history[2]["id"]
    voided = run("payment", "void", str(child), today=TODAY)
    assert voided.code == 0, voided.err
    lines = voided.out.splitlines()
    assert lines[0] == (
        f"Payment {child} is part of bill payment {group} (2 payment(s) on 2 plan(s)); "
        "voiding the whole bill payment."
    )
    assert lines[1] == f"Voided bill payment {group}: payments {history[1]['id']}, {child}"
    assert _rows(db_file, "SELECT voided FROM payments ORDER BY id") == [(0,), (1,), (1,)]
    assert _rows(db_file, f"SELECT voided FROM bill_payments WHERE id = {group}") == [(1,)]
    assert _rows(db_file, state) == before
    assert run("check", today=TODAY).code == 0
    again = run("payment", "void", str(history[1]["id"]), today=TODAY).one_line_error()
    assert "already voided" in again
