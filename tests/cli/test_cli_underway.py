"""`tracker plan add` for plans already under way: --paid-periods and its default, and how
`history` and `plan show` tell the periods paid before tracking apart.

Worked example (domain-rules.md): 小米 3600.00 / 12 / 0.6% flat, first due 2026-06-15, added
on 2026-11-29 with 6 paid → 6 prior payments × 321.60 dated 2026-06-15 … 2026-11-15, balance
1,929.60, nothing overdue.
"""

from __future__ import annotations

from datetime import date

import pytest

ADDED = date(2026, 11, 29)
XIAOMI = (
    "--name", "小米 14", "--model", "flat", "--principal", "3600", "--periods", "12",
    "--rate", "0.6", "--first-due", "2026-06-15", "--purchase-date", "2026-05-15",
)  # fmt: skip
DUES = [f"2026-{m:02d}-15" for m in range(6, 12)]


def test_worked_example_with_paid_periods(run):
    res = run("plan", "add", *XIAOMI, "--paid-periods", "6", today=ADDED)
    assert (res.code, res.err) == (0, "")
    assert res.out == "Added plan 1: 小米 14\n6 of 12 periods recorded as paid before tracking\n"
    history = run("history", "--json", today=ADDED).json()
    assert [(h["date"], h["amount"], h["kind"], h["voided"]) for h in history] == [
        (d, "321.60", "prior", False) for d in DUES
    ]
    shown = run("plan", "show", "1", "--json", today=ADDED).json()
    assert (shown["paid"], shown["remaining"], shown["status"]) == ("1929.60", "1929.60", "active")
    rows = shown["installments"]
    assert [(r["status"], r["before_tracking"]) for r in rows[:7]] == [("paid", True)] * 6 + [
        ("upcoming", False)
    ]
    assert run("due", "--json", today=ADDED).json() == []


def test_default_is_every_period_due_before_today(run):
    assert run("plan", "add", *XIAOMI, "--json", today=ADDED).json() == {
        "id": 1,
        "paid_before_tracking": 6,
    }
    assert len(run("history", "--json", today=ADDED).json()) == 6
    # Added on the sixth due date: that period is due today, not yet counted.
    run("plan", "add", *XIAOMI, today=date(2026, 11, 15))
    assert len(run("history", "--plan", "2", "--json", today=ADDED).json()) == 5


def test_future_first_due_records_nothing(run):
    res = run("plan", "add", *XIAOMI, "--json", today=date(2026, 6, 1))
    assert res.json() == {"id": 1, "paid_before_tracking": 0}
    assert run("history", "--json").json() == []


def test_history_table_marks_payments_paid_before_tracking(run):
    run("plan", "add", *XIAOMI, "--paid-periods", "2", today=ADDED)
    run("pay", "1", "--amount", "321.60", "--method", "支付宝", today=ADDED)
    lines = run("history", today=ADDED).out.splitlines()
    assert lines[0].endswith("plan 1 小米 14    (paid before tracking)")
    assert "2026-06-15" in lines[0] and "321.60" in lines[0]
    assert lines[2].endswith("plan 1 小米 14  支付宝 ")
    table = run("plan", "show", "1", today=ADDED).out.splitlines()
    assert table[3].endswith("paid (before tracking)") and "2026-06-15" in table[3]
    assert table[5].split()[-1] == "paid"  # 2026-08-15: by the payment typed on 11-29
    assert table[6].split()[-1] == "overdue"  # 2026-09-15 is not paid


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("x", "tracker plan: error: --paid-periods: 'x' is not a whole number; enter 0 to 12"),
        ("-1", "tracker plan: error: --paid-periods: '-1' is not a whole number; enter 0 to 12"),
        ("13", "tracker plan: error: the periods already paid must be a whole number from 0 to 12"),
        (
            "7",
            "tracker plan: error: period 7 is due on 2026-12-15, after 2026-11-29: only periods "
            "due by then can be paid before tracking; enter 0 to 6 (record later payments as "
            "payments)",
        ),
    ],
)
def test_bad_paid_periods_is_one_line_exit_2_and_writes_nothing(run, snapshot, value, message):
    run("plan", "list")
    before = snapshot()
    res = run("plan", "add", *XIAOMI, "--paid-periods", value, today=ADDED)
    assert res.one_line_error() == message
    assert snapshot() == before
