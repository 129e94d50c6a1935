"""`tracker pay|payment void|history|payoff|due` on a real file, with exact amounts and dates.

Reference plan: 3600.00 / 12 / 0.6% flat from 2024-01-31, 321.60 per period (300.00 + 21.60),
due 01-31, 02-29, 03-31, 04-30, 05-31, …  "today" is passed to ``main``; default 2024-05-10.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

DUE_KEYS = {
    "plan_id",
    "plan_name",
    "period",
    "due_date",
    "amount_due",
    "status",
    "days_overdue",
    "penalty",
}
HISTORY_KEYS = {
    "id", "plan_id", "date", "amount", "method", "note", "voided", "kind", "bill_payment"
}  # fmt: skip


def _pay_four(run, pid):
    for d in ("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"):
        res = run("pay", str(pid), "--amount", "321.60", "--date", d)
        assert res.code == 0, res.err


def _show(run, pid, *extra, today=date(2024, 5, 10)):
    return run("plan", "show", str(pid), "--json", *extra, today=today).json()


# --- pay ----------------------------------------------------------------------------------


def test_pay_json_prints_the_new_id_and_defaults_to_today(run, add_plan):
    pid = add_plan()
    assert run("pay", str(pid), "--amount", "321.60", "--json", today=date(2024, 1, 31)).json() == {
        "id": 1
    }
    res = run("pay", str(pid), "--amount", "¥１００．００", "--method", "支付宝", "--note", "二月")
    assert (res.code, res.err) == (0, "")
    assert res.out == f"Recorded payment 2: 100.00 CNY on 2024-05-10 to plan {pid}\n"
    assert run("history", "--json").json() == [
        {
            "id": 1,
            "plan_id": pid,
            "date": "2024-01-31",
            "amount": "321.60",
            "method": "",
            "note": "",
            "voided": False,
            "kind": "payment",
            "bill_payment": None,
        },
        {
            "id": 2,
            "plan_id": pid,
            "date": "2024-05-10",
            "amount": "100.00",
            "method": "支付宝",
            "note": "二月",
            "voided": False,
            "kind": "payment",
            "bill_payment": None,
        },
    ]


def test_partial_payment_status_and_exact_remaining(run, add_plan):
    pid = add_plan()
    run("pay", str(pid), "--amount", "200", "--date", "2024-01-10", today=date(2024, 1, 10))

    early = _show(run, pid, today=date(2024, 1, 10))
    first = early["installments"][0]
    assert (first["status"], first["paid"], first["remaining"]) == ("partial", "200.00", "121.60")
    assert (early["paid"], early["remaining"], early["status"]) == ("200.00", "3659.20", "active")

    late = _show(run, pid, "--as-of", "2024-02-05")
    first = late["installments"][0]
    assert (first["status"], first["remaining"], first["days_overdue"]) == ("overdue", "121.60", 5)
    assert (late["remaining"], late["status"]) == ("3659.20", "overdue")
    [item] = run("due", "--json", "--as-of", "2024-02-05").json()
    assert (item["period"], item["amount_due"], item["status"]) == (1, "121.60", "overdue")


def test_paying_ahead(run, add_plan):
    pid = add_plan()
    run("pay", str(pid), "--amount", "721.60", "--date", "2024-01-20")
    d = _show(run, pid, "--as-of", "2024-01-20")
    rows = d["installments"]
    assert [r["status"] for r in rows[:4]] == ["paid", "paid", "partial", "upcoming"]
    assert [r["paid"] for r in rows[:4]] == ["321.60", "321.60", "78.40", "0.00"]
    assert rows[2]["remaining"] == "243.20"
    assert d["remaining"] == "3137.60"
    assert run("due", "--json", "--as-of", "2024-03-01").json() == []
    [row] = run("plan", "list", "--json", "--as-of", "2024-03-01").json()
    assert (row["periods_paid"], row["next_due"]) == (2, "2024-03-31")


def test_over_payment_is_refused_naming_the_balance_and_nothing_is_written(run, add_plan, snapshot):
    pid = add_plan()
    run("pay", str(pid), "--amount", "321.60", "--date", "2024-01-31")
    history = run("history", "--json").json()
    before = snapshot()
    message = run("pay", str(pid), "--amount", "3537.61", "--date", "2024-02-29").one_line_error()
    assert "3537.60" in message
    assert message.startswith("tracker pay: error:")
    assert snapshot() == before
    assert run("history", "--json").json() == history
    assert _show(run, pid)["paid"] == "321.60"


def test_future_dated_payment_is_refused(run, add_plan, snapshot):
    pid = add_plan()
    before = snapshot()
    message = run(
        "pay", str(pid), "--amount", "321.60", "--date", "2024-02-01", today=date(2024, 1, 31)
    ).one_line_error()
    assert "2024-02-01" in message and "future" in message
    assert snapshot() == before
    assert run("history", "--json").json() == []


def test_payment_on_a_closed_plan_is_refused(run, add_plan, snapshot):
    pid = add_plan()
    run("pay", str(pid), "--amount", "3859.20", "--date", "2024-01-31")
    assert _show(run, pid)["status"] == "closed"
    before = snapshot()
    assert "paid off" in run("pay", str(pid), "--amount", "1").one_line_error()
    assert "paid off" in run("payoff", str(pid), "--quote").one_line_error()
    assert "paid off" in run("payoff", str(pid)).one_line_error()
    assert snapshot() == before


# --- void ---------------------------------------------------------------------------------


def test_voided_payment_stays_in_history_and_plan_goes_back(run, add_plan):
    pid = add_plan()
    run("pay", str(pid), "--amount", "321.60", "--date", "2024-01-31")
    before = _show(run, pid, "--as-of", "2024-02-20")
    second = run("pay", str(pid), "--amount", "100", "--date", "2024-02-20", "--json").json()["id"]
    assert _show(run, pid, "--as-of", "2024-02-20")["paid"] == "421.60"

    res = run("payment", "void", str(second))
    assert (res.code, res.out, res.err) == (0, f"Voided payment {second}\n", "")
    rows = run("history", "--json").json()
    assert [(r["id"], r["amount"], r["voided"]) for r in rows] == [
        (1, "321.60", False),
        (second, "100.00", True),
    ]
    assert "(voided)" in run("history").out
    after = _show(run, pid, "--as-of", "2024-02-20")
    assert after == before
    assert after["installments"][1]["paid"] == "0.00"
    assert after["paid"] == "321.60"
    assert after["remaining"] == "3537.60"

    assert "already voided" in run("payment", "void", str(second)).one_line_error()


# --- payoff -------------------------------------------------------------------------------


def test_payoff_example_quote_pay_off_and_void(run, add_plan, snapshot):
    pid = add_plan()
    _pay_four(run, pid)

    before = snapshot()
    quote = run("payoff", str(pid), "--quote", "--json").json()
    assert quote == {
        "plan_id": pid,
        "date": "2024-05-10",
        "amount": "2572.80",
        "principal": "2400.00",
        "fees": "172.80",
        "penalty": "0.00",
    }
    assert snapshot() == before  # a quote records nothing
    text = run("payoff", str(pid), "--quote").out
    assert "2572.80" in text and "Nothing was recorded" in text

    paid = run("payoff", str(pid), "--json", "--method", "银行卡").json()
    assert paid == {**quote, "payment_id": 5}
    d = _show(run, pid)
    assert (d["status"], d["remaining"], d["paid"], d["closed_on"]) == (
        "closed",
        "0.00",
        "3859.20",
        "2024-05-10",
    )
    assert all(r["status"] == "paid" for r in d["installments"])
    last = run("history", "--json").json()[-1]
    assert (last["id"], last["amount"], last["method"], last["voided"]) == (
        5,
        "2572.80",
        "银行卡",
        False,
    )
    assert run("due", "--json", "--as-of", "2024-06-30").json() == []

    # voiding the payoff reopens the plan and restores the 21.60 fees
    assert run("payment", "void", "5").code == 0
    d = _show(run, pid)
    assert (d["status"], d["remaining"], d["closed_on"]) == ("active", "2572.80", None)
    assert [r["fee"] for r in d["installments"]] == ["21.60"] * 12
    assert [r["status"] for r in d["installments"][3:5]] == ["paid", "upcoming"]
    assert run("history", "--json").json()[-1]["voided"] is True
    assert run("payoff", str(pid), "--quote", "--json").json() == quote


def test_payoff_waive_future_fees_then_void_restores_the_fees(run, add_plan):
    pid = add_plan("--payoff-policy", "waive-future-fees")
    _pay_four(run, pid)
    quote = run("payoff", str(pid), "--quote", "--json").json()
    assert (quote["amount"], quote["principal"], quote["fees"]) == ("2400.00", "2400.00", "0.00")
    run("payoff", str(pid))
    d = _show(run, pid)
    assert d["status"] == "closed"
    assert [r["fee"] for r in d["installments"]] == ["21.60"] * 4 + ["0.00"] * 8
    run("payment", "void", "5")
    d = _show(run, pid)
    assert [r["fee"] for r in d["installments"]] == ["21.60"] * 12
    assert d["remaining"] == "2572.80"


def test_payoff_penalty_policy(run, add_plan):
    pid = add_plan("--payoff-policy", "penalty:3")
    _pay_four(run, pid)
    quote = run("payoff", str(pid), "--quote", "--json").json()
    assert (quote["amount"], quote["principal"], quote["fees"], quote["penalty"]) == (
        "2472.00",
        "2400.00",
        "0.00",
        "72.00",
    )


def test_payoff_on_a_later_date_is_refused(run, add_plan, snapshot):
    pid = add_plan()
    before = snapshot()
    assert "future" in run("payoff", str(pid), "--date", "2024-05-11").one_line_error()
    assert snapshot() == before


# --- history ------------------------------------------------------------------------------


def test_history_json_shape_and_filters(run, add_plan):
    a, b = add_plan(name="A"), add_plan(name="B")
    run("pay", str(b), "--amount", "1", "--date", "2024-02-29")
    run("pay", str(a), "--amount", "2", "--date", "2024-01-31")
    run("pay", str(a), "--amount", "3", "--date", "2024-03-31")
    rows = run("history", "--json").json()
    assert all(set(r) == HISTORY_KEYS for r in rows)
    assert [(r["plan_id"], r["date"], r["amount"]) for r in rows] == [
        (a, "2024-01-31", "2.00"),
        (b, "2024-02-29", "1.00"),
        (a, "2024-03-31", "3.00"),
    ]
    assert [r["amount"] for r in run("history", "--plan", str(a), "--json").json()] == [
        "2.00",
        "3.00",
    ]
    ranged = run("history", "--from", "2024-02-01", "--to", "2024-03-31", "--json").json()
    assert [r["amount"] for r in ranged] == ["1.00", "3.00"]
    assert run("history", "--to", "2024-01-01", "--json").json() == []
    assert run("history", "--to", "2024-01-01").out == "No payments.\n"


def test_history_json_bytes_equal_json_dumps_across_currencies(run, add_plan):
    """The streamed JSON is byte for byte ``json.dumps`` of the rows (as ``print_json`` gave):
    amounts with 0, 2 and 3 decimals, Chinese, quotes, backslashes and newlines in the text."""
    jpy = add_plan("--currency", "JPY", name="円")
    cny = add_plan(name="花呗")
    kwd = add_plan("--currency", "KWD", name="KD")
    for pid, amount, note in (
        (jpy, "1500", 'say "hi"'),
        (cny, "0.05", "二月\n\\ tab\t"),
        (kwd, "1.234", ""),
        (cny, "321.60", "\u2028 é"),
    ):
        res = run("pay", str(pid), "--amount", amount, "--date", "2024-02-29", "--note", note)
        assert res.code == 0, res.err
    run("payment", "void", "2")
    res = run("history", "--json")
    expected = json.dumps(
        [
            {
                "id": r["id"],
                "plan_id": r["plan_id"],
                "date": r["date"],
                "amount": r["amount"],
                "method": r["method"],
                "note": r["note"],
                "voided": r["voided"],
                "kind": r["kind"],
                "bill_payment": r["bill_payment"],
            }
            for r in res.json()
        ],
        ensure_ascii=False,
    )
    assert res.out == expected + "\n"
    assert [r["amount"] for r in res.json()] == ["1500", "0.05", "1.234", "321.60"]
    assert [r["voided"] for r in res.json()] == [False, True, False, False]
    assert run("history", "--plan", str(kwd), "--json").out == (
        f'[{{"id": 3, "plan_id": {kwd}, "date": "2024-02-29", "amount": "1.234", '
        '"method": "", "note": "", "voided": false, "kind": "payment", "bill_payment": null}]\n'
    )


# --- due ----------------------------------------------------------------------------------


def test_due_json_exact_shape_oldest_first(run, add_plan):
    a = add_plan(name="A")
    b = run(
        "plan", "add", "--name", "小米14 手机", "--model", "interest-free",
        "--principal", "100.01", "--periods", "4", "--first-due", "2024-02-05", "--json",
        "--paid-periods", "0",
    ).json()["id"]  # fmt: skip
    items = run("due", "--json", "--as-of", "2024-02-01").json()
    assert items == [
        {
            "plan_id": a,
            "plan_name": "A",
            "period": 1,
            "due_date": "2024-01-31",
            "amount_due": "321.60",
            "status": "overdue",
            "days_overdue": 1,
            "penalty": "0.00",
        },
        {
            "plan_id": b,
            "plan_name": "小米14 手机",
            "period": 1,
            "due_date": "2024-02-05",
            "amount_due": "25.01",
            "status": "due_soon",
            "days_overdue": 0,
            "penalty": "0.00",
        },
    ]
    assert all(set(i) == DUE_KEYS for i in items)
    narrow = run("due", "--json", "--as-of", "2024-02-01", "--within", "3").json()
    assert [i["plan_id"] for i in narrow] == [a]
    text = run("due", "--as-of", "2024-02-01").out
    assert "A #1" in text and "(1 day overdue)" in text and "小米14 手机 #1" in text
    assert run("due", "--as-of", "2024-01-01").out == "Nothing due within 7 days of 2024-01-01.\n"


def test_due_grace_days_edges(run, add_plan):
    add_plan("--grace-days", "3")
    [on_edge] = run("due", "--json", "--as-of", "2024-02-03").json()
    assert (on_edge["status"], on_edge["days_overdue"]) == ("grace", 3)
    [past] = run("due", "--json", "--as-of", "2024-02-04").json()
    assert (past["status"], past["days_overdue"]) == ("overdue", 4)
    assert run("plan", "list", "--json", "--as-of", "2024-02-03").json()[0]["status"] == "grace"


def test_due_tolerance_edges(run, add_plan):
    """--tolerance 10: 10.00 left unpaid is not overdue; 10.01 is."""
    within = add_plan("--tolerance", "10", name="within")
    over = add_plan("--tolerance", "10", name="over")
    run("pay", str(within), "--amount", "311.60", "--date", "2024-01-31")
    run("pay", str(over), "--amount", "311.59", "--date", "2024-01-31")
    items = run("due", "--json", "--as-of", "2024-02-10").json()
    assert [(i["plan_id"], i["amount_due"], i["status"]) for i in items] == [
        (over, "10.01", "overdue")
    ]
    row = _show(run, within, "--as-of", "2024-02-10")
    assert (row["installments"][0]["status"], row["installments"][0]["remaining"]) == (
        "partial",
        "10.00",
    )
    assert row["status"] == "active"


def test_due_penalty_accrues_over_30_days(run, add_plan):
    """--penalty-rate 0.05 is 0.05%/day: 321.60 × 0.0005 × 30 = 4.824 → 4.82."""
    add_plan("--penalty-rate", "0.05")
    items = run("due", "--json", "--as-of", "2024-03-01").json()
    assert [(i["period"], i["days_overdue"], i["penalty"], i["amount_due"]) for i in items] == [
        (1, 30, "4.82", "326.42"),
        (2, 1, "0.16", "321.76"),
    ]
    d = _show(run, 1, "--as-of", "2024-03-01")
    assert d["installments"][0]["penalty"] == "4.82"
    assert d["remaining"] == "3864.18"


@pytest.mark.parametrize(
    "extra", [("--within", "999999999"), ("--as-of", "9999-12-31"), ("--as-of", "0001-01-01")]
)
def test_due_with_a_window_past_the_calendar_answers(run, add_plan, extra) -> None:
    add_plan()
    res = run("due", *extra)
    assert res.code == 0 and res.err == "", res.err


@pytest.mark.parametrize(
    "argv",
    [
        ("pay", "1", "--amount", "1", "--date", ""),
        ("quote", "--model", "flat", "--principal", "100", "--periods", "3", "--rate", "0.5",
         "--first-due", ""),
    ],
)  # fmt: skip
def test_an_empty_date_is_refused_not_taken_as_today(run, add_plan, argv) -> None:
    add_plan()
    assert "'' is not a date" in run(*argv).one_line_error()
    assert run("history", "--json").json() == []  # nothing was recorded
