"""Two and four processes × 200 commits each on one file: no error, no "database is locked",
no lost write; the final count and balance are exact to the fen.

(test_concurrent_cli.py runs two real `tracker pay` commands and 2 × 20 payments through the CLI
entry point; this one is the load test, through the services in forked processes released
together.) Each worker pays both plans alternately, so the writers contend for the same rows.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

import pytest

from tests.reliability.ledgers import PAID_ON, PRINCIPAL, ledger_health, new_ledger
from tracker import services as sv
from tracker.storage.engine import open_database

pytestmark = pytest.mark.slow

COMMITS = 200


def _worker(db_file: Path, tag: str, amount: int, plan_ids: list[int], go: int, out: int) -> None:
    """The child: open the file, wait for the start signal, commit COMMITS payments."""
    code = 0
    try:
        db = open_database(db_file)
        os.read(go, 1)  # all workers start together
        for i in range(COMMITS):
            plan_id = plan_ids[i % len(plan_ids)]
            sv.record_payment(db, plan_id, amount, PAID_ON, PAID_ON, tag, f"{tag}-{i}")
        db.close()
    except BaseException:
        os.write(out, traceback.format_exc().encode())
        code = 1
    finally:
        os._exit(code)


@pytest.mark.parametrize("writers", [2, 4], ids=["2-writers", "4-writers"])
def test_writers_commit_every_payment(tmp_path: Path, writers: int) -> None:
    db_file = tmp_path / "shared.sqlite3"
    plan_ids = new_ledger(db_file, plans=writers)
    amounts = {f"w{k}": 101 + 2 * k for k in range(writers)}  # a different fen amount each
    go_r, go_w = os.pipe()
    children = []
    for tag, amount in amounts.items():
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            os.close(go_w)
            _worker(db_file, tag, amount, plan_ids, go_r, w)
        os.close(w)
        children.append((tag, pid, r))
    os.close(go_r)
    os.write(go_w, b"x" * writers)
    os.close(go_w)
    errors = {}
    for tag, pid, r in children:
        text = b""
        while chunk := os.read(r, 65536):
            text += chunk
        os.close(r)
        _, status = os.waitpid(pid, 0)
        errors[tag] = (os.waitstatus_to_exitcode(status), text.decode())
    failed = {tag: result for tag, result in errors.items() if result != (0, "")}
    # no "database is locked", no "stayed busy", no error of any kind
    assert not failed, "\n\n".join(f"{t}: exit {c}\n{text}" for t, (c, text) in failed.items())

    with open_database(db_file) as db:
        rows = sv.history(db)
        assert len(rows) == COMMITS * writers
        for tag, amount in amounts.items():
            mine = [r for r in rows if r.method == tag]
            assert sorted(r.note for r in mine) == sorted(f"{tag}-{i}" for i in range(COMMITS))
            assert {r.amount for r in mine} == {amount}
        for plan_id in plan_ids:
            paid = sum(amounts.values()) * COMMITS // len(plan_ids)
            detail = sv.plan_detail(db, plan_id, PAID_ON)
            assert (detail.state.paid_total, detail.state.balance) == (paid, PRINCIPAL - paid)
    assert ledger_health(db_file).sound
