"""The bad-input catalogue: what a person (or an attacker) might type or import, through the CLI
(`plan add`, `quote`, `pay`, `due`, `import`), CSV import and the GUI plan form (real widgets:
typing into the fields and pressing Save).

Each bad input gets one clear message naming what is wrong (asserted by key words), nothing is
stored (rows counted on the real SQLite file before and after) and no traceback. Valid unusual
text (emoji, right-to-left marks, SQL-like strings, 10,000-character notes) round-trips exactly
through add → show --json → export → import into another file → show --json.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.reliability.ledgers import new_ledger
from tracker.cli import main

pytestmark = pytest.mark.slow

TODAY = date(2024, 5, 10)
ADD = ["plan", "add", "--name", "x", "--paid-periods", "0"]
FLAT = ["--model", "flat", "--periods", "12", "--rate", "0.6", "--first-due", "2024-06-15"]
FREE = ["--model", "interest-free", "--principal", "100", "--first-due", "2024-06-15"]
RATED = ["--model", "flat", "--principal", "100", "--periods", "3", "--first-due", "2024-06-15"]
DATED = ["--model", "interest-free", "--principal", "100", "--periods", "3"]
PAY = ["pay", "1", "--date", "2024-02-01", "--amount"]
NOT_AMOUNT = "is not an amount"


def _counts(db_file: Path) -> tuple[int, int, int]:
    with closing(sqlite3.connect(db_file)) as con:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("plans", "installments", "payments")
        )


def _run(
    db_file: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db_file), *argv], today=lambda: TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def _amount_cases(prefix: list[str], tail: list[str], label: str) -> list[object]:
    bad = [
        ("negative", "-5", "negative"),
        ("zero", "0", "more than zero"),
        ("1e9-yuan-exponent", "1e9", NOT_AMOUNT),
        ("0.001", "0.001", "more than 2 decimal places"),
        ("comma-decimal", "12,34", NOT_AMOUNT),
        ("NaN", "NaN", NOT_AMOUNT),
        ("inf", "inf", NOT_AMOUNT),
        ("-inf", "-Infinity", NOT_AMOUNT),
        ("empty", "", "an amount is required"),
        ("hex", "0x10", NOT_AMOUNT),
        ("letters", "abc", NOT_AMOUNT),
        ("over-cap", "100000000001", "too large"),
        ("fullwidth-negative", "－５", "negative"),
    ]
    return [
        pytest.param([*prefix[:-1], f"{prefix[-1]}={text}", *tail], words, id=f"{label}-{name}")
        for name, text, words in bad
    ]


CLI_CASES = [
    *_amount_cases([*ADD, *FLAT, "--principal"], [], "plan-add-principal"),
    *_amount_cases(["quote", *FLAT, "--principal"], [], "quote-principal"),
    *_amount_cases(PAY, [], "pay-amount")[:-2],  # (the cap: see pay-more-than-owed)
    pytest.param([*PAY, "1000000000"], "more than the remaining balance", id="pay-1e9-yuan"),
    pytest.param([*PAY, "12元", "--date", ""], "is not a date", id="pay-date-empty"),
    pytest.param([*PAY, "1", "--date", "2023-02-29"], "not a date", id="pay-date-2023-02-29"),
    pytest.param([*PAY, "1", "--date", "2024-04-31"], "not a date", id="pay-date-april-31"),
    pytest.param([*PAY, "1", "--date", "0000-01-01"], "not a date", id="pay-date-year-0"),
    pytest.param([*PAY, "1", "--date", "9999-12-31"], "in the future", id="pay-date-9999"),
    pytest.param(["pay", "99", "--amount", "1"], "no plan with id 99", id="pay-no-such-plan"),
    pytest.param([*PAY, "1", "--note", "a\x00b"], "control character", id="pay-note-NUL"),
    pytest.param([*PAY, "1", "--method", "x" * 1001], "longer than", id="pay-method-1001"),
    *[
        pytest.param([*ADD, *FREE, "--periods", p], words, id=f"plan-add-periods-{p or 'empty'}")
        for p, words in [
            ("0", "out of range"),
            ("-1", "not a number of periods"),
            ("1000", "out of range"),
            ("2.5", "not a number of periods"),
            ("", "not a number of periods"),
        ]
    ],
    *[
        pytest.param([*ADD, *RATED, "--rate", r], words, id=f"plan-add-rate-{r or 'empty'}")
        for r, words in [
            ("-1", "negative"),
            ("101", "above 100%"),
            ("NaN", "not a rate"),
            ("inf", "not a rate"),
            ("1e-3", "not a rate"),
            ("", "a rate is required"),
        ]
    ],
    *[
        pytest.param([*ADD, *DATED, "--first-due", d], words, id=f"plan-add-first-due-{i}")
        for i, (d, words) in enumerate(
            [
                ("2023-02-29", "not a date"),
                ("2024-04-31", "not a date"),
                ("2024-06-31", "not a date"),
                ("0000-01-01", "not a date"),
                ("9999-12-31", "after 9999-12-31"),
                ("", "not a date"),
                ("2024/06/15", "not a date"),
            ]
        )
    ],
    pytest.param(
        [
            "quote",
            "--model",
            "annuity",
            "--principal",
            "100",
            "--periods",
            "360",
            "--rate",
            "5",
            "--first-due",
            "9999-01-31",
        ],
        "after 9999-12-31",
        id="quote-first-due-9999",
    ),
    *[
        pytest.param(
            ["plan", "add", "--name", name, *FREE, "--periods", "3"], words, id=f"plan-add-{label}"
        )
        for label, name, words in [
            ("name-empty", "", "needs a name"),
            ("name-blank", "   ", "needs a name"),
            ("name-10000-chars", "长" * 10_000, "longer than 200"),
            ("name-NUL", "a\x00b", "control character"),
            ("name-escape-sequence", "x\x1b[2J", "control character"),
            ("name-GBK-bytes-as-utf8", os.fsdecode("小米".encode("gbk")), "not valid text"),
        ]
    ],
    pytest.param(
        [*ADD, *FREE, "--periods", "3", "--notes", "a\x00b"], "control character", id="notes-NUL"
    ),
    pytest.param(
        [*ADD, *FREE, "--periods", "3", "--grace-days", "-1"], "whole number", id="grace-neg"
    ),
    pytest.param([*ADD, *FREE, "--periods", "3", "--currency", "XYZ"], "XYZ", id="currency-XYZ"),
    pytest.param(["due", "--within", "-1"], "whole number", id="due-within-negative"),
    pytest.param(["due", "--within", "1.5"], "whole number", id="due-within-1.5"),
    pytest.param(["due", "--within", ""], "whole number", id="due-within-empty"),
    pytest.param(["due", "--as-of", ""], "not a date", id="due-as-of-empty"),
    pytest.param(["due", "--as-of", "2024-02-30"], "not a date", id="due-as-of-feb-30"),
]


@pytest.mark.parametrize(("argv", "words"), CLI_CASES)
def test_cli_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    db_file = tmp_path / "ledger.sqlite3"
    new_ledger(db_file, plans=1)
    before = _counts(db_file)
    code, out, err = _run(db_file, argv, capsys)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("tracker "), err
    assert "Traceback" not in err
    assert words in err, err
    assert _counts(db_file) == before


PLANS_HEADER = "name,model,principal,periods,rate_pct,first_due\r\n"


def _plan_row(name: str = "x", principal: str = "100", periods: str = "3", rate: str = "0.6",
              first_due: str = "2024-06-15") -> bytes:  # fmt: skip
    return (PLANS_HEADER + f"{name},flat,{principal},{periods},{rate},{first_due}\r\n").encode()


def _payments(amount: str = "5", day: str = "2024-02-01", plan: str = "1", note: str = "") -> bytes:
    return f"plan_id,date,amount,note\r\n{plan},{day},{amount},{note}\r\n".encode()


IMPORT_CASES = [
    pytest.param(_plan_row(principal="-5"), "negative", id="csv-plan-principal-negative"),
    pytest.param(_plan_row(principal="NaN"), NOT_AMOUNT, id="csv-plan-principal-NaN"),
    pytest.param(_plan_row(principal="0.001"), "decimal places", id="csv-plan-principal-0.001"),
    pytest.param(_plan_row(principal="1e9"), NOT_AMOUNT, id="csv-plan-principal-1e9"),
    pytest.param(_plan_row(periods="0"), "out of range", id="csv-plan-periods-0"),
    pytest.param(_plan_row(periods="2.5"), "periods", id="csv-plan-periods-2.5"),
    pytest.param(_plan_row(rate="101"), "above 100%", id="csv-plan-rate-101"),
    pytest.param(_plan_row(first_due="2023-02-29"), "not a real date", id="csv-plan-2023-02-29"),
    pytest.param(_plan_row(first_due="9999-12-31"), "after 9999-12-31", id="csv-plan-9999-12-31"),
    pytest.param(_plan_row(name="a\x00b"), "NUL", id="csv-plan-name-NUL"),
    pytest.param(_plan_row(name="x\x07bell"), "control character", id="csv-plan-name-BEL"),
    pytest.param(_plan_row(name="长" * 10_000), "longer than 200", id="csv-plan-name-10000"),
    pytest.param(_payments(amount="-5"), "negative", id="csv-payment-negative"),
    pytest.param(_payments(amount="0"), "more than zero", id="csv-payment-zero"),
    pytest.param(_payments(amount="inf"), NOT_AMOUNT, id="csv-payment-inf"),
    pytest.param(_payments(day="2024-02-30"), "not a real date", id="csv-payment-feb-30"),
    pytest.param(_payments(day="2024-12-30"), "in the future", id="csv-payment-future"),
    pytest.param(_payments(plan="99"), "no plan 99", id="csv-payment-no-such-plan"),
    pytest.param(_payments(note="x\x1b[2J"), "control character", id="csv-payment-note-ESC"),
    pytest.param(os.urandom(4096) + b"\x00", "NUL", id="binary-junk"),
    pytest.param(b"", "empty", id="empty-file"),
    pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "cannot tell what this file holds", id="pdf"),
    pytest.param(b"\xff\xfe\x00\x00garbage", "save it as CSV UTF-8", id="utf32-bom-junk"),
]


@pytest.mark.parametrize(("data", "words"), IMPORT_CASES)
def test_import_refuses_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str
) -> None:
    db_file = tmp_path / "ledger.sqlite3"
    new_ledger(db_file, plans=1)
    before = _counts(db_file)
    csv_file = tmp_path / "in.csv"
    csv_file.write_bytes(data)
    code, out, err = _run(db_file, ["import", str(csv_file)], capsys)
    assert code == 2, (out, err)
    first, *problems = err.splitlines()
    assert first.startswith("tracker import: error: ") and "nothing was imported" in first
    assert problems and all(p.startswith(f"{csv_file}:") for p in problems), err
    assert words in err, err
    assert "Traceback" not in err
    assert _counts(db_file) == before


def test_gbk_declared_as_utf8_is_read_as_gbk_not_garbled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel on Chinese Windows saves GBK; a file with a UTF-8 BOM but GBK bytes behind it is
    decoded as GB18030 (never as mojibake): the name is stored exactly."""
    db_file = tmp_path / "ledger.sqlite3"
    new_ledger(db_file, plans=1)
    csv_file = tmp_path / "gbk.csv"
    body = "名称,计息方式,本金,期数,费率,首次还款日\r\n小米 14,flat,100,3,0.6,2024-06-15\r\n"
    csv_file.write_bytes(b"\xef\xbb\xbf" + body.encode("gbk"))
    code, out, err = _run(db_file, ["import", str(csv_file)], capsys)
    assert (code, err) == (0, ""), err
    code, out, err = _run(db_file, ["plan", "show", "2", "--json"], capsys)
    assert json.loads(out)["name"] == "小米 14"


ODD_TEXT = [
    pytest.param("😀 花呗 🚀", "emoji 👨‍👩‍👧 notes", id="emoji"),
    pytest.param("\u202eRTL\u202c مرحبا \u200f", "\u200fשלום\u200e", id="right-to-left"),
    pytest.param("'; DROP TABLE plans;--", '" OR 1=1; --', id="sql-like"),
    pytest.param("=cmd|'/c calc'!A1", "+SUM(1,2)\n-3\n@x", id="formula-injection"),
    pytest.param("x" * 200, "注" * 10_000, id="longest-name-10000-char-notes"),
]


@pytest.mark.parametrize(("name", "notes"), ODD_TEXT)
def test_unusual_text_round_trips_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, notes: str
) -> None:
    src, dst = tmp_path / "src.sqlite3", tmp_path / "dst.sqlite3"
    argv = ["plan", "add", "--name", name, "--notes", notes, "--platform", name[:50], *FREE]
    code, _out, err = _run(src, [*argv, "--periods", "3", "--paid-periods", "0"], capsys)
    assert (code, err) == (0, ""), err
    code, _out, err = _run(src, [*PAY, "12元", "--note", notes[:1000], "--method", name], capsys)
    assert (code, err) == (0, ""), err
    code, shown, err = _run(src, ["plan", "show", "1", "--json"], capsys)
    plan = json.loads(shown)
    assert (plan["name"], plan["notes"], plan["platform"]) == (name, notes, name[:50])
    for kind in ("plans", "payments"):
        code, _out, err = _run(src, ["export", kind, "-o", str(tmp_path / f"{kind}.csv")], capsys)
        assert code == 0, err
    files = [str(tmp_path / "plans.csv"), str(tmp_path / "payments.csv")]
    code, _out, err = _run(dst, ["import", *files], capsys)
    assert (code, err) == (0, ""), err
    code, again, err = _run(dst, ["plan", "show", "1", "--json"], capsys)
    assert json.loads(again) == plan
    code, history, err = _run(dst, ["history", "--json"], capsys)
    assert [(h["note"], h["method"]) for h in json.loads(history)] == [(notes[:1000], name)]
