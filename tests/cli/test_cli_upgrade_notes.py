"""Opening a file from release 0001 with loans on the old payoff default says what changed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tests.cli.conftest import Result

V1 = Path(__file__).resolve().parents[1] / "storage" / "data" / "v1.sqlite3"


def v1_with_a_loan(path: Path) -> Path:
    path.write_bytes(V1.read_bytes())
    with closing(sqlite3.connect(path, isolation_level=None)) as con:
        con.execute(
            "INSERT INTO plans (id, name, model, principal, periods, rate, remainder, first_due) "
            "VALUES (9, '房贷', 'annuity', 100000000, 360, '0.049', 'last', '2024-02-10')"
        )
        con.execute(
            "INSERT INTO installments (plan_id, period, due_date, principal, fee) "
            "VALUES (9, 1, '2024-02-10', 100000000, 408333)"
        )
    return path


def test_the_first_command_after_the_upgrade_names_the_repriced_loans(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    db = v1_with_a_loan(tmp_path / "old.sqlite3")
    first = run("payoff", "9", "--quote", "--date", "2024-02-01", "--json", db=db)
    assert first.code == 0
    assert first.err.startswith("note: the database was upgraded; 1 loan(s) used the old payoff")
    assert "#9 房贷" in first.err
    # Before the first due date a bank asks for the principal alone, not 30 years of interest.
    assert first.json()["amount"] == "1000000.00"
    again = run("plan", "list", db=db)
    assert again.code == 0 and again.err == ""  # said once, at the upgrade
