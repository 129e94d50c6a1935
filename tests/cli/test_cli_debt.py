"""`tracker prepay --quote` and `tracker planner`: the issue's worked numbers through the CLI,
with the JSON keys scripts rely on (payment, periods, remaining_interest; debt_free, saved,
order)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

from tests.cli.conftest import Result

TODAY = date(2025, 12, 20)
LOAN = (
    "plan", "add", "--name", "房贷", "--model", "annuity", "--principal", "100000",
    "--periods", "120", "--rate", "3.6", "--first-due", "2025-01-15", "--paid-periods", "12",
    "--json",
)  # fmt: skip


def _payments(db: Path) -> int:
    with closing(sqlite3.connect(db)) as con:
        return int(con.execute("SELECT count(*) FROM payments").fetchone()[0])


def test_prepay_quote_both_choices_to_the_fen(run: Callable[..., Result], db_file: Path) -> None:
    assert run(*LOAN, today=TODAY).json()["id"] == 1
    before = _payments(db_file)
    term = run("prepay", "1", "--amount", "20000", "--date", "2025-12-20", "--quote", "--json",
               today=TODAY).json()  # fmt: skip
    assert (term["keep"], term["payment"], term["periods"], term["remaining_interest"]) == (
        "term",
        "776.47",
        108,
        "12320.37",
    )
    assert term["balance_before"] == "91538.69" and term["interest_before"] == "15764.76"
    pay = run("prepay", "1", "--amount", "20000", "--date", "2025-12-20", "--keep", "payment",
              "--quote", "--json", today=TODAY).json()  # fmt: skip
    assert (pay["payment"], pay["periods"], pay["remaining_interest"]) == ("993.55", 82, "9178.62")
    assert pay["last_due"] == "2032-10-15"
    assert [c["keep"] for c in pay["choices"]] == ["term", "payment"]
    text = run("prepay", "1", "--amount", "20000", "--date", "2025-12-20", "--quote", today=TODAY)
    assert "108 × 776.47" in text.out and "82 × 993.55" in text.out
    assert "Nothing was recorded." in text.out
    assert _payments(db_file) == before


def test_prepay_refusals_are_one_line_and_store_nothing(
    run: Callable[..., Result], db_file: Path
) -> None:
    run(*LOAN, today=TODAY).json()
    before = _payments(db_file)
    cases = {
        ("--amount", "91538.69"): "pay the plan off instead",
        ("--amount", "0"): "--amount",
        ("--amount", "abc"): "--amount",
    }
    for extra, words in cases.items():
        line = run("prepay", "1", *extra, "--date", "2025-12-20", "--quote",
                   today=TODAY).one_line_error()  # fmt: skip
        assert words in line, line
    line = run("prepay", "1", "--amount", "100", "--date", "2026-01-15", "--quote",
               today=TODAY).one_line_error()  # fmt: skip
    assert "record it first" in line
    flat = run("plan", "add", "--name", "手机", "--model", "flat", "--principal", "3600",
               "--periods", "12", "--rate", "0.6", "--first-due", "2026-01-15", "--json",
               today=TODAY).json()["id"]  # fmt: skip
    line = run("prepay", str(flat), "--amount", "100", "--date", "2025-12-20", "--quote",
               today=TODAY).one_line_error()  # fmt: skip
    assert "Only loans" in line
    assert (
        "--keep: required to record a prepayment"
        in run(
            "prepay", "1", "--amount", "100", "--date", "2025-12-20", today=TODAY
        ).one_line_error()
    )
    assert _payments(db_file) == before


def test_planner_orders_and_saves(run: Callable[..., Result]) -> None:
    today = date(2026, 12, 1)
    for args in (
        ("--name", "耳机", "--model", "flat", "--principal", "1200", "--periods", "12",
         "--rate", "1", "--first-due", "2026-12-15", "--payoff", "waive-future-fees"),
        ("--name", "手机", "--model", "flat", "--principal", "3600", "--periods", "12",
         "--rate", "0.6", "--first-due", "2026-12-15"),
        ("--name", "免息", "--model", "interest-free", "--principal", "300", "--periods", "3",
         "--first-due", "2026-12-20"),
    ):  # fmt: skip
        run("plan", "add", *args, "--json", today=today).json()
    out = run("planner", "--budget", "600", "--json", today=today).json()
    assert [o["name"] for o in out["order"]] == ["耳机", "手机", "免息"]
    assert [o["recommended"] for o in out["order"]] == [True, False, False]
    # 耳机: December's 112.00 paid, 600.00 saved; Jan 1: 1,200.00 ≥ its 1,100.00 payoff:
    # the eleven 12.00 fees are waived. The others run their course (the 手机 to 2027-11-15).
    assert out["order"][0]["closes_on"] == "2027-01-01"
    assert out["saved"] == "132.00"
    assert out["debt_free"] == "2027-11-15" == out["baseline_debt_free"]
    assert out["order"][1]["reason"].startswith("its fees are charged in full")
    snow = run("planner", "--budget", "600", "--strategy", "snowball", "--json", today=today)
    assert [o["name"] for o in snow.json()["order"]] == ["耳机", "免息", "手机"]  # by balance
    assert "fastest" in run("planner", "--budget", "1", "--strategy", "fastest").err
    assert "--budget" in run("planner", "--budget", "-5", today=today).one_line_error()


def test_prepay_refuses_a_partly_paid_period(run: Callable[..., Result]) -> None:
    run(*LOAN, today=TODAY).json()
    assert run("pay", "1", "--amount", "100", "--date", "2025-12-20", today=TODAY).code == 0
    line = run("prepay", "1", "--amount", "1000", "--date", "2025-12-20", "--quote",
               today=TODAY).one_line_error()  # fmt: skip
    assert "period 13 is partly paid" in line


def _rows(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as con:
        return con.execute(sql).fetchall()


def test_prepay_records_both_choices_to_the_fen_and_void_restores(
    run: Callable[..., Result], db_file: Path
) -> None:
    for keep, payment, periods, interest in (
        ("term", "776.47", 108, "12320.37"),
        ("payment", "993.55", 82, "9178.62"),
    ):
        plan = run(*LOAN, today=TODAY).json()["id"]
        schedule = (
            "SELECT period, due_date, principal, fee FROM installments "
            f"WHERE plan_id = {plan} ORDER BY period"
        )
        before = _rows(db_file, schedule)
        out = run("prepay", str(plan), "--amount", "20000", "--date", "2025-12-20", "--keep",
                  keep, "--method", "银行卡", "--json", today=TODAY).json()  # fmt: skip
        assert (out["payment"], out["periods"], out["remaining_interest"]) == (
            payment,
            periods,
            interest,
        )
        assert out["keep"] == keep and out["plan_id"] == plan
        rows = _rows(db_file, schedule)
        assert rows[:12] == before[:12]
        assert rows[12] == (13, "2025-12-20", 2_000_000, 0)
        assert len(rows) == 13 + periods
        assert sum(r[3] for r in rows[13:]) == int(interest.replace(".", ""))
        assert run("check", today=TODAY).code == 0
        shown = run("plan", "show", str(plan), "--json", today=TODAY).json()
        assert shown["installments"][13]["total"] == payment
        history = run("history", "--plan", str(plan), "--json", today=TODAY).json()
        assert history[-1]["kind"] == "prepayment" and history[-1]["amount"] == "20000.00"
        assert history[-1]["bill_payment"] is None
        text = run("history", "--plan", str(plan), today=TODAY).out
        assert "(prepayment)" in text
        voided = run("payment", "void", str(out["payment_id"]), today=TODAY)
        assert voided.code == 0 and f"Voided payment {out['payment_id']}" in voided.out
        assert _rows(db_file, schedule) == before
        assert run("check", today=TODAY).code == 0


def test_prepay_record_text_names_the_choice(run: Callable[..., Result]) -> None:
    run(*LOAN, today=TODAY).json()
    out = run("prepay", "1", "--amount", "20000", "--date", "2025-12-20", "--keep", "payment",
              today=TODAY).out  # fmt: skip
    assert "Recorded prepayment" in out
    assert "kept the payment, shortened the term: 82 × 993.55 until 2032-10-15" in out
    assert "remaining interest 9178.62" in out
