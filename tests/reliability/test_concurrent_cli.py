"""Two OS processes recording payments on the same database file at the same time.

Every write is one ``BEGIN IMMEDIATE`` transaction with a busy timeout, so the processes take
turns: none fails with "database is locked", every row lands, and the balance is exact.

Plan: 100000.00 interest-free over 10 periods (10 000 000 fen), first due 2024-01-31; payments
are dated 2024-02-01 (never in the future, whatever the real clock says).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.storage.engine import open_database

pytestmark = pytest.mark.slow

PRINCIPAL = 10_000_000
PAID_ON = date(2024, 2, 1)
ROOT = Path(__file__).resolve().parents[2]

# One worker: wait for the start signal, then record N payments (one transaction each), through
# the services ("svc") or through the CLI's `pay` command in-process ("cli").
WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    from tracker import services as sv
    from tracker.storage.engine import open_database

    mode, db_file, start, ready, amount, count, tag = sys.argv[1:8]
    if mode == "cli":
        from tracker.cli import main
    else:
        db = open_database(Path(db_file))
    Path(ready).touch()
    deadline = time.monotonic() + 20
    while not Path(start).exists():
        if time.monotonic() > deadline:
            sys.exit("no start signal")
        time.sleep(0.002)
    day = date(2024, 2, 1)
    for i in range(int(count)):
        if mode == "cli":  # each call opens the file anew, like a separate `tracker pay` run
            argv = ["--db", db_file, "pay", "1", "--amount", f"{int(amount) / 100:.2f}"]
            argv += ["--date", "2024-02-01", "--method", tag, "--note", str(i)]
            code = main(argv, today=lambda: day)
            if code:
                sys.exit(f"pay {i} exited {code}")
        else:
            sv.record_payment(db, 1, int(amount), day, day, method=tag, note=str(i))
    if mode != "cli":
        db.close()
    """
)


def _new_plan(db_file: Path) -> int:
    with open_database(db_file) as db:
        terms = PlanTerms(Model.INTEREST_FREE, PRINCIPAL, 10, date(2024, 1, 31))
        pid = sv.add_plan(db, sv.PlanInput("并发 test", terms)).created_id
    assert pid == 1
    return pid


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _wait_all(procs: list[subprocess.Popen[str]], timeout: float) -> list[tuple[int, str, str]]:
    results = []
    for p in procs:
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
        results.append((p.returncode, out, err))
    return results


def _check_ledger(db_file: Path, expected: dict[str, tuple[int, int]]) -> None:
    """``expected``: method tag -> (number of payments, amount of each)."""
    with open_database(db_file) as db:
        rows = sv.history(db, 1)
        for tag, (count, amount) in expected.items():
            mine = [r for r in rows if r.method == tag]
            assert len(mine) == count, tag
            assert {r.amount for r in mine} == {amount}
            assert sorted(r.note for r in mine) == sorted(str(i) for i in range(count))
        assert len(rows) == sum(c for c, _ in expected.values())
        assert len({r.id for r in rows}) == len(rows)
        assert not any(r.voided for r in rows)
        paid = sum(c * a for c, a in expected.values())
        d = sv.plan_detail(db, 1, PAID_ON)
        assert d.state.paid_total == paid
        assert d.state.balance == PRINCIPAL - paid


@pytest.mark.parametrize("mode", ["svc", "cli"])
def test_two_processes_record_payments_at_once(tmp_path: Path, mode: str) -> None:
    db_file = tmp_path / "t.sqlite3"
    _new_plan(db_file)
    start = tmp_path / "go"
    jobs = {"A": 101, "B": 103}
    procs = []
    readies = []
    for tag, amount in jobs.items():
        job = (str(amount), "20", tag)
        ready = tmp_path / f"ready-{tag}"
        readies.append(ready)
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", WORKER, mode, str(db_file), str(start), str(ready), *job],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_env(),
                cwd=ROOT,
            )
        )
    deadline = time.monotonic() + 20
    while not all(r.exists() for r in readies):
        assert all(p.poll() is None for p in procs), _wait_all(procs, 1)
        assert time.monotonic() < deadline, "workers did not start"
        time.sleep(0.01)
    start.touch()  # both are waiting: release them together

    for code, _out, err in _wait_all(procs, 30):
        assert "locked" not in err.lower()
        assert "busy" not in err.lower()
        assert code == 0, err
    _check_ledger(db_file, {tag: (20, amount) for tag, amount in jobs.items()})


def test_two_tracker_commands_started_together(tmp_path: Path) -> None:
    """Two real `python -m tracker --db FILE pay` runs, launched at the same moment."""
    db_file = tmp_path / "t.sqlite3"
    _new_plan(db_file)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", str(db_file), "pay", "1", *pay_options],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            cwd=ROOT,
        )
        for pay_options in (
            ("--amount", "1.01", "--date", "2024-02-01", "--method", "A", "--note", "0"),
            ("--amount", "1.03", "--date", "2024-02-01", "--method", "B", "--note", "0"),
        )
    ]
    for code, out, err in _wait_all(procs, 30):
        assert "locked" not in err.lower()
        assert (code, err) == (0, "")
        assert out.startswith("Recorded payment ")
    _check_ledger(db_file, {"A": (1, 101), "B": (1, 103)})
