"""Several processes on one file: no "database is locked", no lost write, one migration; and a
full disk reported as StorageError with nothing half-written."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tracker.storage import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent))  # spawned children import it too
import storage_workers

SPAWN = multiprocessing.get_context("spawn")


def run(target, args_list: list[tuple], barrier: bool = True, timeout: float = 60) -> list:
    """Start one process per args tuple (all released together), collect what each reports."""
    results = SPAWN.Queue()
    gate = SPAWN.Barrier(len(args_list))
    procs = [
        SPAWN.Process(target=target, args=(*args, *((gate,) if barrier else ()), results))
        for args in args_list
    ]
    for p in procs:
        p.start()
    reports = [results.get(timeout=timeout) for _ in procs]
    for p in procs:
        p.join(timeout=timeout)
        assert p.exitcode == 0
    return reports


def test_concurrent_read_then_write_transactions(db_path: Path, make_plan):
    with open_database(db_path) as db, db.session() as s:
        s.add(make_plan())
    workers, rounds = 3, 50
    reports = run(
        storage_workers.read_then_write, [(str(db_path), w, rounds) for w in range(workers)]
    )
    assert sorted(reports) == [(w, "ok") for w in range(workers)], reports
    with closing(sqlite3.connect(db_path)) as con:
        rows = con.execute("SELECT amount, note FROM payments").fetchall()
    assert sorted(note for _, note in rows) == sorted(
        f"{w}-{n}" for w in range(workers) for n in range(rounds)
    )
    # Each transaction counted, then wrote count + 1: serialised, the amounts are 1..150.
    assert sorted(amount for amount, _ in rows) == list(range(1, workers * rounds + 1))


def test_concurrent_first_open_creates_one_database(tmp_path: Path):
    path = tmp_path / "new" / "tracker.sqlite3"
    reports = run(storage_workers.open_new_and_add, [(str(path), w) for w in range(2)])
    assert sorted(reports) == [(w, "ok") for w in range(2)], reports
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("SELECT count(*) FROM plans").fetchone() == (2,)
    left = {p.name for p in path.parent.iterdir()} - {"tracker.sqlite3-wal", "tracker.sqlite3-shm"}
    assert left == {"tracker.sqlite3"}  # no temporary file left behind


def test_concurrent_upgrade_runs_once(v1_copy: Path, migrations_with):
    migrations = migrations_with("9001_rebuild_plans.py")
    reports = run(storage_workers.migrate_concurrently, [(str(v1_copy), str(migrations))] * 2)
    assert reports == [("ok", "")] * 2, reports
    assert len(list((v1_copy.parent / "backups").glob("tracker.backup-0001-*.sqlite3"))) == 1
    with closing(sqlite3.connect(v1_copy)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9001",)
        assert con.execute("SELECT count(*) FROM installments").fetchone() == (20,)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE behaviour checked on Linux")
def test_disk_full_is_a_storage_error_and_nothing_is_half_written(db_path: Path, make_plan):
    with open_database(db_path) as db, db.session() as s:
        s.add(make_plan(name="before"))
    before = shutil.copyfile(db_path, db_path.with_suffix(".before"))
    limit = db_path.stat().st_size + 64 * 1024
    [(outcome, kind, message)] = run(
        storage_workers.write_past_file_size_limit, [(str(db_path), limit)], barrier=False
    )
    assert (outcome, kind) == ("StorageError", "StorageIOError"), message
    assert str(db_path) in message and "Nothing from this change was saved" in message
    with open_database(db_path) as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA quick_check").scalar_one() == "ok"
        names = conn.exec_driver_sql("SELECT name FROM plans").scalars().all()
    assert names == ["before"]
    assert Path(before).exists()
