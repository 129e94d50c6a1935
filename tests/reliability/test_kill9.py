"""kill -9 of a writer at random moments: no corrupt file, no lost or doubled payment, every
import all or nothing.

The app is imported once here; each trial ``os.fork()``s a child that opens the database itself
(no connection crosses a fork) and records payments through the services, one transaction
each, writing an acknowledgement (the payment's unique note) to a pipe after each commit
returns; or runs one CSV import and acknowledges it. The parent SIGKILLs the child after a
random delay (seeded; for half the imports, a delay after the child said it began writing,
so the kill lands in its writes), then checks the file: integrity_check, foreign_key_check,
the audit, every acknowledged payment present exactly once, nothing doubled, every import
all or none.

The control run forces an unsafe setting into the child (no journal, no fsync, a tiny page
cache so a transaction's pages reach the file before it commits) through a connect hook on
its engine, kills imports during their writes, and shows the same checks find the damage.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
CONTROL_TRIALS = 30
CONTROL_ROWS = 300


def _unsafe(db: Database) -> None:
    """Test-only hook: every new connection of this engine runs with no journal and no sync."""
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _off(con: object, record: Any) -> None:  # runs after the app's own pragmas
        for p in ("journal_mode=OFF", "synchronous=OFF", "cache_size=2"):
            con.execute(f"PRAGMA {p}")  # type: ignore[attr-defined]
        # the app switches a connection to WAL before its first write; keep it unsafe
        record.info["wal"] = True


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


def _kill_after(pid: int, r: int, delay: float, wait_for: int = 0) -> list[str]:
    """SIGKILL the child after ``delay`` seconds (or once it sent ``wait_for`` acknowledgement
    lines); return the acknowledgements it sent."""
    data = b""
    if wait_for:
        while data.count(b"\n") < wait_for and (chunk := os.read(r, 65536)):
            data += chunk
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
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


def _import_once(
    prefix: str, plan_id: int, rows: int = IMPORT_ROWS
) -> Callable[[Database, int], None]:
    notes = [f"{prefix}-{i}" for i in range(rows)]
    data = payments_csv(plan_id, notes)

    def work(db: Database, ack: int) -> None:
        import_files(db, [ImportFile(f"{prefix}.csv", data)], PAID_ON)
        os.write(ack, f"{prefix}\n".encode())

    return work


def _import_telling_when_it_writes(
    plan_id: int, prefix: str = "c", rows: int = CONTROL_ROWS
) -> Callable[[Database, int], None]:
    """An import that sends "writing" when its first INSERT starts (it checks every row
    first, then writes): a kill can then be aimed at its writes."""
    inner = _import_once(prefix, plan_id, rows)

    def work(db: Database, ack: int) -> None:
        told = []

        @event.listens_for(db.engine, "before_cursor_execute")
        def _tell(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if not told and statement.lstrip().upper().startswith("INSERT"):
                told.append(True)
                os.write(ack, b"writing\n")

        inner(db, ack)

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
    pay_delay: float = 0.06,
    import_delay: float = 0.12,
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
        elif n % 2:  # a kill at any moment of the import's life
            pid, r = _fork(_import_once(prefix, plan_ids[n % 2]), db_file, unsafe)
            delay = rng.uniform(0.0, import_delay)
        else:  # a kill aimed at its writes
            work = _import_telling_when_it_writes(plan_ids[n % 2], prefix, IMPORT_ROWS)
            pid, r = _fork(work, db_file, unsafe)
            started = os.read(r, 8)
            assert started in (b"writing\n", b""), started  # "" if it died first
            delay = rng.uniform(0.0, 0.02)
        acks = [a for a in _kill_after(pid, r, delay) if a != "writing"]
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
    """The same checks catch the damage an unsafe setting does (so they can fail).

    The child imports CONTROL_ROWS payments with no journal, no sync and a two-page cache, so
    the import's pages reach the file while it writes; an import checks every row first and
    writes at the end, so the child says when it starts writing and the kill lands within the
    measured length of that phase. Stops at the third trial found damaged or half imported."""
    _warm_up(tmp_path / "warm-up.sqlite3")
    rng = random.Random(7)
    db_file = tmp_path / "timing.sqlite3"
    plan_ids = new_ledger(db_file, plans=1)
    pid, r = _fork(_import_telling_when_it_writes(plan_ids[0]), db_file, True)
    first = os.read(r, 8)
    started = time.monotonic()
    acks = _kill_after(pid, r, 0.0, wait_for=1 if first == b"writing\n" else 0)
    writing = time.monotonic() - started
    assert first == b"writing\n" and acks == ["c"], (first, acks)
    detected, trials = 0, 0
    while trials < CONTROL_TRIALS and detected < 3:
        trials += 1
        db_file = tmp_path / f"control-{trials}.sqlite3"
        plan_ids = new_ledger(db_file, plans=1)
        pid, r = _fork(_import_telling_when_it_writes(plan_ids[0]), db_file, True)
        assert os.read(r, 8) == b"writing\n"
        acks = _kill_after(pid, r, rng.uniform(0.0, 0.9) * writing)
        health = ledger_health(db_file)
        rows = sum(1 for note in health.notes if note.startswith("c-"))
        if not health.sound or rows not in ({CONTROL_ROWS} if acks else {0, CONTROL_ROWS}):
            detected += 1
    print(f"control: {detected} damaged of {trials} trials (writing phase {writing:.3f} s)")
    assert detected >= 1, (trials, writing)
