"""Reads never take the write lock: while another connection holds it (an import, a payment in
another window), every list still answers at once, from the last committed state."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import date
from pathlib import Path

from tests.services.conftest import plan_input
from tracker import services as sv
from tracker.services.dashboard import dashboard
from tracker.services.export import export_csv
from tracker.storage.engine import Database, open_database

TODAY = date(2024, 3, 15)


def test_lists_answer_while_another_connection_holds_the_write_lock(
    db: Database, db_file: Path
) -> None:
    sv.add_plan(db, plan_input())
    sv.record_payment(db, 1, 32160, date(2024, 1, 30), TODAY)
    with closing(sqlite3.connect(db_file, isolation_level=None, timeout=0.1)) as writer:
        writer.execute("BEGIN IMMEDIATE")  # the write lock, held
        writer.execute("UPDATE plans SET name = 'renamed, not committed'")
        started = time.monotonic()
        rows = sv.list_plans(db, TODAY)
        assert [r.name for r in rows] == ["Xiaomi 14"]  # the committed snapshot
        assert [p.amount for p in sv.history(db)] == [32160]
        assert [i.period for i in sv.due(db, TODAY, 30)] == [2, 3]
        assert dashboard(db, TODAY).cards.total_owed == 11 * 32160
        assert export_csv(db, "payments", TODAY)[1] == 1
        assert sv.plan_detail(db, 1, TODAY).state.periods_paid == 1
        open_database(db_file).close()  # opening it (a second window, a CLI command) too
        assert time.monotonic() - started < 2  # no waiting for the 5 s busy timeout
        writer.execute("ROLLBACK")
