"""The CLI side of issue 8: fee rounding, options a model does not use, warnings on stderr,
the payoff default by model, the first due date against the purchase, names with a minus."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from tests.cli.conftest import Result
from tracker.cli import join_text_values, main

HUABEI_1001 = ("--model", "total", "--principal", "1001", "--periods", "6", "--rate", "4.5",
               "--first-due", "2024-06-10")  # fmt: skip


def quote(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    code = main(["quote", *argv], today=lambda: date(2024, 5, 10))
    out, err = capsys.readouterr()
    return Result(code, out, err)


@pytest.mark.parametrize(
    ("rounding", "first", "fee"), [("half-even", "174.39", "45.04"), ("half-up", "174.40", "45.05")]
)
def test_quote_fee_rounding(
    capsys: pytest.CaptureFixture[str], rounding: str, first: str, fee: str
) -> None:
    res = quote(capsys, *HUABEI_1001, "--fee-rounding", rounding, "--json")
    data = res.json()
    assert [i["total"] for i in data["installments"]] == [first] + ["174.33"] * 5
    assert data["total_fee"] == fee
    assert data["fee_rounding"] == rounding
    assert res.err == ""


def test_quote_fee_rounding_defaults_to_half_up_and_only_total_plans_carry_the_key(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert quote(capsys, *HUABEI_1001, "--json").json()["total_fee"] == "45.05"
    flat = quote(capsys, "--model", "flat", "--principal", "3600", "--periods", "12",
                 "--rate", "0.6", "--json").json()  # fmt: skip
    assert "fee_rounding" not in flat
    assert flat["installments"][0]["total"] == "321.60"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("--model", "total", "--rate", "4.5", "--fee-mode", "first"),
            "tracker quote: error: --fee-mode: total plans do not use it; "
            "only flat plans take --fee-mode; leave it out",
        ),
        (
            ("--model", "annuity", "--rate", "4.9", "--remainder", "first"),
            "tracker quote: error: --remainder: annuity plans do not use it; only flat, total, "
            "interest-free and pay-in-n plans take --remainder; leave it out",
        ),
        (
            ("--model", "flat", "--rate", "0.6", "--fee-rounding", "half-even"),
            "tracker quote: error: --fee-rounding: flat plans do not use it; "
            "only total plans take --fee-rounding; leave it out",
        ),
        (
            ("--model", "equal-principal", "--rate", "4.9", "--remainder", "last"),
            "tracker quote: error: --remainder: equal-principal plans do not use it; only flat, "
            "total, interest-free and pay-in-n plans take --remainder; leave it out",
        ),
    ],
)
def test_an_option_the_model_does_not_use_is_refused(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    res = quote(capsys, *argv, "--principal", "1000", "--periods", "6")
    assert res.one_line_error() == message
    assert res.out == ""


def test_defaults_do_not_trigger_the_refusal(capsys: pytest.CaptureFixture[str]) -> None:
    for model in ("annuity", "equal-principal", "total", "flat"):
        res = quote(capsys, "--model", model, "--principal", "1000", "--periods", "6",
                    "--rate", "4.5", "--json")  # fmt: skip
        assert res.code == 0, res.err


def test_equal_principal_mortgage_quote_matches_the_banks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = quote(capsys, "--model", "equal-principal", "--principal", "1,000,000",
                 "--periods", "360", "--rate", "4.9", "--json").json()  # fmt: skip
    first, second = data["installments"][:2]
    assert (first["principal"], first["fee"], first["total"]) == ("2777.78", "4083.33", "6861.11")
    assert second["total"] == "6849.77"


def test_pay_in_4_apr_counts_the_first_part_at_purchase(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = quote(capsys, "--model", "pay-in-n", "--principal", "100", "--periods", "4",
                 "--upfront-fee", "1", "--json").json()  # fmt: skip
    assert data["apr"] == "17.53"


def test_quote_warnings_go_to_stderr_one_line_each_and_succeed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    res = quote(capsys, "--model", "flat", "--principal", "3600", "--periods", "12",
                "--rate", "3.5", "--first-due", "2023-05-09", "--json")  # fmt: skip
    assert res.code == 0
    assert json.loads(res.out)["installments"][0]["total"] == "426.00"
    assert res.err.splitlines() == [
        "warning: the first due date 2023-05-09 is more than a year ago; check the date",
        "warning: a fee of 3.50% per period is unusually high (most are under 3%); check the rate",
        "warning: the APR (IRR) is 70.26%, above 36%; check the rate, the fees and the periods",
    ]
    loan = quote(capsys, "--model", "annuity", "--principal", "10000", "--periods", "12",
                 "--rate", "40")  # fmt: skip
    assert loan.code == 0
    assert loan.err.splitlines()[0] == (
        "warning: an annual interest rate of 40.00% is above 36%; check the rate"
    )


def test_plan_add_warns_on_stderr_and_still_adds(run: Callable[..., Result]) -> None:
    res = run("plan", "add", "--name", "贵", "--model", "total", "--principal", "1200",
              "--periods", "12", "--rate", "25", "--first-due", "2024-06-10", "--json")  # fmt: skip
    assert res.json()["id"] == 1
    assert res.err == (
        "warning: the APR (IRR) is 43.34%, above 36%; check the rate, the fees and the periods\n"
    )
    assert run("plan", "show", "1", "--json").json()["fee_rounding"] == "half-up"


def test_plan_add_refuses_an_option_the_model_does_not_use(
    run: Callable[..., Result],
    add_plan: Callable[..., int],
    snapshot: Callable[[], dict[str, list[tuple[object, ...]]]],
) -> None:
    add_plan()
    before = snapshot()
    res = run("plan", "add", "--name", "loan", "--model", "annuity", "--principal", "1000",
              "--periods", "6", "--rate", "4.9", "--remainder", "last")  # fmt: skip
    assert res.one_line_error().startswith("tracker plan: error: --remainder: annuity plans")
    assert snapshot() == before


def test_plan_add_first_due_before_purchase_is_refused(
    run: Callable[..., Result],
    add_plan: Callable[..., int],
    snapshot: Callable[[], dict[str, list[tuple[object, ...]]]],
) -> None:
    add_plan()
    before = snapshot()
    res = run("plan", "add", "--name", "x", "--model", "flat", "--principal", "3600",
              "--periods", "12", "--rate", "0.6", "--purchase-date", "2026-02-01",
              "--first-due", "2026-01-10")  # fmt: skip
    assert res.one_line_error() == (
        "tracker plan: error: the first due date 2026-01-10 is before the purchase date "
        "2026-02-01; enter a first due date on or after the purchase date"
    )
    assert snapshot() == before
    same_day = run("plan", "add", "--name", "p4", "--model", "pay-in-n", "--principal", "100",
                   "--periods", "4", "--purchase-date", "2026-02-01",
                   "--first-due", "2026-02-01", "--json")  # fmt: skip
    assert same_day.json()["id"] == 2


@pytest.mark.parametrize(
    ("model", "rate", "payoff"),
    [
        # 1,000,000 annuity at 4.9% over 360 paid off before the first due date: the principal
        # only (it used to charge every future interest: 1,900,000.58).
        ("annuity", "4.9", "1000000.00"),
        ("equal-principal", "4.9", "1000000.00"),
        # A consumer plan still charges every fee: 1,000,000 + 360 × 6,000.00.
        ("flat", "0.6", "3160000.00"),
    ],
)
def test_plan_add_payoff_default_by_model(
    run: Callable[..., Result], model: str, rate: str, payoff: str
) -> None:
    res = run("plan", "add", "--name", "房贷", "--model", model, "--principal", "1000000",
              "--periods", "360", "--rate", rate, "--first-due", "2024-06-10",
              "--json")  # fmt: skip
    assert res.json()["id"] == 1
    assert run("payoff", "1", "--quote", "--json").json()["amount"] == payoff


def test_plan_add_explicit_payoff_policy_wins(run: Callable[..., Result]) -> None:
    run("plan", "add", "--name", "a", "--model", "annuity", "--principal", "1000000",
        "--periods", "360", "--rate", "4.9", "--first-due", "2024-06-10",
        "--payoff-policy", "charge-all-fees", "--json").json()  # fmt: skip
    # Before the first due date: every installment, 1,000,000.00 + 910,615.12 of interest.
    assert run("plan", "show", "1", "--json").json()["total_fee"] == "910615.12"
    assert run("payoff", "1", "--quote", "--json").json()["amount"] == "1910615.12"


def test_a_name_with_a_leading_minus_is_a_name(run: Callable[..., Result]) -> None:
    res = run("plan", "add", "--name", "-装修贷", "--model", "annuity", "--principal", "100000",
              "--periods", "12", "--rate", "4.9", "--first-due", "2024-06-10",
              "--platform", "-银行", "--json")  # fmt: skip
    assert res.json()["id"] == 1
    shown = run("plan", "show", "1", "--json").json()
    assert (shown["name"], shown["platform"]) == ("-装修贷", "-银行")
    listed = run("plan", "list", "--json").json()
    assert [p["name"] for p in listed] == ["-装修贷"]


def test_join_text_values() -> None:
    assert join_text_values(["plan", "add", "--name", "-x", "--json"]) == [
        "plan", "add", "--name=-x", "--json"]  # fmt: skip
    assert join_text_values(["--name"]) == ["--name"]
    assert join_text_values(["--", "--name", "-x"]) == ["--", "--name", "-x"]
    assert join_text_values(["pay", "1", "--note", "--x"]) == ["pay", "1", "--note=--x"]
