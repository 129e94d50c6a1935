"""`tracker check`: the file's integrity and every plan recomputed from its raw rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tests.cli.conftest import Result


def test_a_sound_ledger_checks_out(run: Callable[..., Result], add_plan, db_file: Path) -> None:
    plan = add_plan()
    run("pay", str(plan), "--amount", "321.60", "--date", "2024-01-30")
    res = run("check", "--json")
    assert res.code == 0
    assert res.json() == {
        "ok": True,
        "plans": 1,
        "payments": 1,
        "integrity": ["ok"],
        "foreign_keys": [],
        "mismatches": [],
    }
    assert run("check").out.startswith("OK: the file is sound and 1 plan(s) with 1 payment(s)")


def test_a_stored_total_that_disagrees_with_the_ledger_is_reported(
    run: Callable[..., Result], add_plan, db_file: Path
) -> None:
    plan = add_plan()
    run("pay", str(plan), "--amount", "321.60", "--date", "2024-01-30")
    with closing(sqlite3.connect(db_file)) as con:
        con.execute("UPDATE installments SET paid_fee = 0 WHERE period = 1")
        con.execute("UPDATE plans SET remaining = remaining + 2160")
        con.commit()
    res = run("check")
    assert res.code == 1
    # 12 × 321.60 = 3859.20 less the 321.60 paid is 3537.60 (353760); the row said 21.60 more.
    assert "plan 1: remaining is 355920, the ledger says 353760" in res.out
    assert "plan 1 period 1: paid (30000, 0, 0), the ledger says (30000, 2160, 0)" in res.out
    assert res.out.rstrip().endswith("2 problem(s) found; restore a backup or report this.")
