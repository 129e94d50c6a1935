"""kill -9 of a writer at random moments: no corrupt file, no lost or doubled payment, every
import all or nothing.

The app is imported once here; each trial ``os.fork()``s a child that opens the database itself
(no connection crosses a fork) and records payments through the services, one transaction
each, writing an acknowledgement (the payment's unique note) to a pipe after each commit
returns; or runs one CSV import and acknowledges it. The parent SIGKILLs the child after a
random delay (seeded), then checks the file: integrity_check, foreign_key_check, the audit,
every acknowledged payment present exactly once, nothing doubled, every import all or none.

The control run forces an unsafe setting into the child (no journal, no fsync, a tiny page
cache so a transaction's pages reach the file before it commits) through a connect hook on
its engine, and shows the same checks find the damage.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event

from tests.reliability.ledgers import PAID_ON, ledger_health, new_ledger, payments_csv
from tracker import services as sv
from tracker.services.transfer import ImportFile, import_files
from tracker.storage.engine import Database, open_database

pytestmark = pytest.mark.slow

PAYMENT_TRIALS = 130
IMPORT_TRIALS = 70
IMPORT_ROWS = 40
CONTROL_TRIALS = 20


def _unsafe(db: Database) -> None:
    """Test-only hook: every new connection of this engine runs with no journal and no sync."""
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _off(con: object, _record: object) -> None:  # runs after the app's own pragmas
        for p in ("journal_mode=OFF", "synchronous=OFF", "cache_size=2"):
            con.execute(f"PRAGMA {p}")  # type: ignore[attr-defined]


def _fork(work: Callable[[Database, int], None], db_file: Path, unsafe: bool) -> tuple[int, int]:
    """Start a child running ``work(db, ack_fd)``; return (pid, read end of the ack pipe)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: open the file here, never use the parent's connections
        code = 0
        try:
            os.close(r)
            db = open_database(db_file)
            if unsafe:
                _unsafe(db)
            work(db, w)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def _kill_after(pid: int, r: int, delay: float) -> list[str]:
    """SIGKILL the child after ``delay`` seconds; return the acknowledgements it sent."""
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    return [line for line in data.decode().split("\n") if line]


def _pay_forever(prefix: str, plan_ids: list[int]) -> Callable[[Database, int], None]:
    def work(db: Database, ack: int) -> None:
        for i in range(100_000):
            note = f"{prefix}-{i}"
            sv.record_payment(
                db, plan_ids[i % len(plan_ids)], 1 + i % 97, PAID_ON, PAID_ON, "k", note
            )
            os.write(ack, f"{note}\n".encode())

    return work


def _import_once(prefix: str, plan_id: int) -> Callable[[Database, int], None]:
    notes = [f"{prefix}-{i}" for i in range(IMPORT_ROWS)]
    data = payments_csv(plan_id, notes)

    def work(db: Database, ack: int) -> None:
        import_files(db, [ImportFile(f"{prefix}.csv", data)], PAID_ON)
        os.write(ack, f"{prefix}\n".encode())

    return work


def _warm_up(db_file: Path) -> None:
    """Do each kind of work once here, so the children do not spend their lives importing
    the modules the services load lazily (the kills would then land before any commit)."""
    plan_ids = new_ledger(db_file, plans=1)
    with open_database(db_file) as db:
        sv.record_payment(db, plan_ids[0], 1, PAID_ON, PAID_ON, "k", "warm-up")
        import_files(db, [ImportFile("w.csv", payments_csv(plan_ids[0], ["w"]))], PAID_ON)
    assert ledger_health(db_file).sound


def _run_trials(
    tmp_path: Path,
    rng: random.Random,
    payments: int,
    imports: int,
    unsafe: bool,
    pay_delay: float = 0.08,
    import_delay: float = 0.15,
) -> dict[str, int]:
    """Run the trials (a new file every 20); return the tally."""
    _warm_up(tmp_path / "warm-up.sqlite3")
    tally = {"trials": 0, "corrupt": 0, "lost": 0, "doubled": 0, "half_imports": 0, "acked": 0}
    kinds = ["pay"] * payments + ["import"] * imports
    rng.shuffle(kinds)
    db_file = tmp_path / "none"
    acked: set[str] = set()
    imported: dict[str, bool] = {}  # import prefix -> acknowledged
    for n, kind in enumerate(kinds):
        if n % 20 == 0:
            db_file = tmp_path / f"ledger-{n}.sqlite3"
            plan_ids = new_ledger(db_file, plans=2)
            acked, imported = set(), {}
        prefix = f"{kind}{n}"
        if kind == "pay":
            pid, r = _fork(_pay_forever(prefix, plan_ids), db_file, unsafe)
            delay = rng.uniform(0.0, pay_delay)
        else:
            pid, r = _fork(_import_once(prefix, plan_ids[n % 2]), db_file, unsafe)
            delay = rng.uniform(0.0, import_delay)
        acks = _kill_after(pid, r, delay)
        if kind == "pay":
            acked.update(acks)
        else:
            imported[prefix] = bool(acks)
        tally["trials"] += 1
        tally["acked"] += len(acks)
        health = ledger_health(db_file)
        if not (health.integrity == ["ok"] and not health.foreign_keys and health.audit_ok):
            tally["corrupt"] += 1
        tally["lost"] += sum(1 for note in acked if health.notes[note] == 0)
        tally["doubled"] += sum(1 for c in health.notes.values() if c > 1)
        for key, done in imported.items():
            rows = sum(1 for note in health.notes if note.startswith(f"{key}-"))
            if rows not in ((IMPORT_ROWS,) if done else (0, IMPORT_ROWS)):
                tally["half_imports"] += 1
        if health.error:  # a refused file cannot take more trials: start a new one
            db_file = tmp_path / f"ledger-{n}-fresh.sqlite3"
            plan_ids = new_ledger(db_file, plans=2)
            acked, imported = set(), {}
    return tally


def test_kill9_during_payments_and_imports_loses_nothing(tmp_path: Path) -> None:
    tally = _run_trials(tmp_path, random.Random(20261204), PAYMENT_TRIALS, IMPORT_TRIALS, False)
    print("kill -9 trials:", tally)
    assert tally["trials"] == PAYMENT_TRIALS + IMPORT_TRIALS >= 200
    assert tally["acked"] > 0  # the children did commit work before they were killed
    assert (tally["corrupt"], tally["lost"], tally["doubled"], tally["half_imports"]) == (
        0,
        0,
        0,
        0,
    ), tally


def test_control_run_with_journal_and_sync_off_is_detected(tmp_path: Path) -> None:
    """The same checks catch the damage an unsafe setting does (so they can fail)."""
    tally = _run_trials(tmp_path, random.Random(7), 0, CONTROL_TRIALS, True, import_delay=0.3)
    print("control trials:", tally)
    detected = tally["corrupt"] + tally["lost"] + tally["doubled"] + tally["half_imports"]
    assert detected >= 1, tally
