"""Code run in separate processes (multiprocessing, spawn) by the storage tests.

Kept apart from the test modules so a spawned child imports only this, not pytest's test file.
"""

from __future__ import annotations

import resource
import signal
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tracker.storage import StorageError, open_database
from tracker.storage.models import PaymentRecord, PlanRecord


def read_then_write(path: str, worker: int, rounds: int, barrier: Any, results: Any) -> None:
    """Each round, in one transaction: count the payments, then add one numbered count + 1."""
    try:
        with open_database(path) as db:
            barrier.wait(timeout=60)
            for n in range(rounds):
                with db.session() as s:
                    seen = s.scalar(select(func.count()).select_from(PaymentRecord))
                    s.add(
                        PaymentRecord(
                            plan_id=1, date=date(2024, 1, 1), amount=seen + 1, note=f"{worker}-{n}"
                        )
                    )
        results.put((worker, "ok"))
    except BaseException:
        results.put((worker, traceback.format_exc()))


def open_new_and_add(path: str, worker: int, barrier: Any, results: Any) -> None:
    """Open a database that may not exist yet, at the same moment as other processes."""
    try:
        barrier.wait(timeout=60)
        with open_database(path) as db, db.session() as s:
            s.add(
                PlanRecord(
                    name=f"worker {worker}",
                    model="interest_free",
                    principal=100,
                    periods=1,
                    remainder="first",
                    first_due=date(2024, 1, 1),
                )
            )
        results.put((worker, "ok"))
    except BaseException:
        results.put((worker, traceback.format_exc()))


def write_past_file_size_limit(path: str, limit: int, results: Any) -> None:
    """Open the database, cap file sizes (as a full disk would), try a big write."""
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        with open_database(path) as db:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
            try:
                with db.session() as s:
                    for n in range(50):
                        s.add(
                            PlanRecord(
                                name=f"big {n}",
                                model="interest_free",
                                principal=100,
                                periods=1,
                                remainder="first",
                                first_due=date(2024, 1, 1),
                                notes="分期" * 20_000,
                            )
                        )
            except StorageError as e:
                results.put(("StorageError", type(e).__name__, str(e)))
                return
        results.put(("no error", "", ""))
    except BaseException:
        results.put(("crash", "", traceback.format_exc()))


def migrate_concurrently(path: str, migrations: str, barrier: Any, results: Any) -> None:
    """Open an old file that needs an upgrade, at the same moment as other processes."""
    try:
        barrier.wait(timeout=60)
        open_database(Path(path), migrations_dir=Path(migrations)).close()
        results.put(("ok", ""))
    except BaseException:
        results.put(("error", traceback.format_exc()))
