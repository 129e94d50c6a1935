"""Text output names a loan's charge "interest" and a consumer plan's "fee(s)"; JSON keys stay."""

from __future__ import annotations

from collections.abc import Callable

from tests.cli.conftest import Result

QUOTE = ("quote", "--principal", "10000", "--periods", "12", "--first-due", "2024-01-10")
LOAN = ("--model", "annuity", "--principal", "10000", "--periods", "12", "--rate", "12",
        "--first-due", "2024-01-10", "--paid-periods", "0")  # fmt: skip


def test_quote_table_says_interest_for_a_loan(run: Callable[..., Result]) -> None:
    out = run(*QUOTE, "--model", "annuity", "--rate", "12").out
    header = out.splitlines()[2].split()
    assert header == ["#", "Due", "date", "Principal", "Interest", "Total"]
    assert "Total interest: 661.86 CNY" in out
    assert "Fee" not in out.replace("Upfront fee", "")


def test_quote_table_says_fee_for_a_flat_plan(run: Callable[..., Result]) -> None:
    out = run(*QUOTE, "--model", "flat", "--rate", "0.6").out
    assert out.splitlines()[2].split()[4] == "Fee"
    assert "Total fees:     720.00 CNY" in out
    assert "Interest" not in out


def test_quote_json_keeps_its_keys_for_a_loan(run: Callable[..., Result]) -> None:
    data = run(*QUOTE, "--model", "annuity", "--rate", "12", "--json").json()
    assert data["total_fee"] == "661.86"
    assert set(data["installments"][0]) == {"period", "due_date", "principal", "fee", "total"}
    assert data["installments"][0]["fee"] == "100.00"


def test_plan_show_names_the_total_charge(run: Callable[..., Result]) -> None:
    loan = run("plan", "add", "--name", "房贷", *LOAN, "--json").json()["id"]
    flat = run("plan", "add", "--name", "小米", *LOAN[:1], "flat", *LOAN[2:6], "--rate", "0.6",
               "--first-due", "2024-01-10", "--json").json()["id"]  # fmt: skip
    assert "total interest 661.86, total cost 661.86" in run("plan", "show", str(loan)).out
    assert "total fees 720.00, total cost 720.00" in run("plan", "show", str(flat)).out
    assert run("plan", "show", str(loan), "--json").json()["total_fee"] == "661.86"


def test_payoff_quote_says_interest_for_a_loan(run: Callable[..., Result]) -> None:
    policy = ("--payoff-policy", "waive-future-fees")
    loan = run("plan", "add", "--name", "房贷", *LOAN, *policy, "--json").json()["id"]
    text = run("payoff", str(loan), "--quote", "--date", "2024-01-05").out
    # Before the first due date nothing is due: 10000.00, every period's interest waived.
    assert "(principal 10000.00, interest 0.00, penalty 0.00)" in text
    data = run("payoff", str(loan), "--quote", "--date", "2024-01-05", "--json").json()
    assert data["fees"] == "0.00" and "interest" not in data


def test_payoff_quote_says_fees_for_a_flat_plan(run: Callable[..., Result], add_plan) -> None:
    pid = add_plan()
    text = run("payoff", str(pid), "--quote", "--date", "2024-01-05").out
    assert "(principal 3600.00, fees 259.20, penalty 0.00)" in text
