"""`--holidays CODE` on quote and plan add; plan show marks moved due dates (real subprocess
for one case, in-process for the rest)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

CN_PLAN = (
    "--model", "flat", "--principal", "3600", "--periods", "12", "--rate", "0.6",
    "--first-due", "2026-02-15", "--paid-periods", "0",
)  # fmt: skip


def test_quote_moves_the_spring_festival_date_and_keeps_the_make_up_day(run):
    res = run("quote", *CN_PLAN[:-2], "--holidays", "CN", db=None)
    assert res.code == 0, res.err
    lines = res.out.splitlines()
    assert "  1  2026-02-24         300.00          21.60         321.60 (from 02-15)" in lines
    assert "  2  2026-03-16         300.00          21.60         321.60 (from 03-15)" in lines
    assert "  3  2026-04-15         300.00          21.60         321.60" in lines
    assert "Total cost:     259.20 CNY" in lines and "APR (IRR):      13.03%" in lines
    assert "Due dates on non-working days in CN move to the next working day." in lines
    assert (
        "Note: the holidays package has no CN calendar for 2027; due dates there skip "
        "weekends only." in lines
    )
    stays = run("quote", "--model", "flat", "--principal", "3600", "--periods", "1",
                "--rate", "0.6", "--first-due", "2026-02-14", "--holidays", "CN", "--json",
                db=None).json()  # fmt: skip
    assert stays["installments"][0]["due_date"] == "2026-02-14"
    assert "moved_from" not in stays["installments"][0]
    assert stays["holidays"] == "CN" and stays["holidays_uncovered_years"] == []


def test_quote_json_names_the_original_date_and_the_uncovered_year(run):
    out = run("quote", *CN_PLAN[:-2], "--holidays", "cn", "--json", db=None).json()
    first = out["installments"][0]
    assert (first["due_date"], first["moved_from"], first["total"]) == (
        "2026-02-24",
        "2026-02-15",
        "321.60",
    )
    assert out["holidays"] == "CN" and out["holidays_uncovered_years"] == [2027]
    plain = run("quote", *CN_PLAN[:-2], "--json", db=None).json()
    assert plain["installments"][0]["due_date"] == "2026-02-15" and plain["holidays"] is None


def test_an_unknown_calendar_is_one_line_exit_2_and_nothing_stored(run, db_file: Path):
    msg = run("quote", *CN_PLAN[:-2], "--holidays", "XX", db=None).one_line_error()
    assert msg == (
        "tracker quote: error: --holidays: unknown holiday calendar 'XX': use a two-letter "
        "country code such as CN, US, GB, DE or JP"
    )
    run("plan", "add", "--name", "x", *CN_PLAN, "--holidays", "China").one_line_error()
    assert run("plan", "list", "--json").json() == []


def test_plan_add_and_show_mark_moved_dates(run):
    assert run("plan", "add", "--name", "小米", *CN_PLAN, "--holidays", "CN").code == 0
    shown = run("plan", "show", "1", "--as-of", "2026-02-20").out.splitlines()
    assert "  1  2026-02-24       321.60         0.00       321.60  due_soon (from 02-15)" in shown
    assert "  3  2026-04-15       321.60         0.00       321.60  upcoming" in shown
    assert any(
        line.startswith("Note: the holidays package has no CN calendar for 2027") for line in shown
    )
    d = run("plan", "show", "1", "--json", "--as-of", "2026-02-24").json()
    assert d["holidays"] == "CN" and d["holidays_uncovered_years"] == [2027]
    first = d["installments"][0]
    assert (first["due_date"], first["moved_from"], first["status"]) == (
        "2026-02-24",
        "2026-02-15",
        "due_today",
    )
    assert "moved_from" not in d["installments"][2]
    due = run("due", "--as-of", "2026-02-20", "--json").json()
    assert [row["due_date"] for row in due] == ["2026-02-24"]


def test_the_installed_command_in_a_subprocess(tmp_path: Path):
    env = {**os.environ, "TRACKER_DB": str(tmp_path / "p.sqlite3")}
    cmd = [sys.executable, "-m", "tracker", "quote", *CN_PLAN[:-2], "--holidays", "CN", "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["installments"][0]["due_date"] == str(date(2026, 2, 24))
