"""The lean reads of the 10,000-plan targets against their references, on the benchmark's
generated ledger (plans of every model, paid, partly paid, late with and without penalty, in
CNY and USD, some archived) over dates before, at and after its payments:

- ``sql_reads.due_rows`` (each row straight from the stored settlements) equals a full replay
  of every open plan's ledger by the domain (``ledger.evaluate``), row for row;
- ``summary.plan_lines`` (stored columns for plans with nothing to judge) equals
  ``PlanLine.of`` of every ``list_plan_summaries`` row.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tracker.domain.dates import days_after
from tracker.domain.ledger import LedgerRules, Payment, evaluate
from tracker.domain.plan import Installment, Model
from tracker.domain.rows import InstallmentRow
from tracker.services.summary import PlanLine, list_plan_summaries, plan_lines
from tracker.storage.engine import Database
from tracker.storage.sql_reads import due_rows, needs_attention

SHIFTS = (-400, -200, -31, 0, 1, 29, 31, 90, 400)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, date]:
    from tests.services.test_svc_import_bulk import _generate
    from tracker.services.transfer import ImportFile, import_files
    from tracker.storage import open_database

    tmp = tmp_path_factory.mktemp("lean")
    with pytest.MonkeyPatch.context() as mp:
        generate = _generate(mp)
        as_of = generate.DEFAULT_AS_OF
        plans_csv, payments_csv, _ = generate.write_csvs(160, tmp / "csv", 7, as_of)
    files = [ImportFile(p.name, p.read_bytes()) for p in (plans_csv, payments_csv)]
    path = tmp / "g.sqlite3"
    with open_database(path) as db:
        import_files(db, files, as_of)
        _archive_some(db)
    return path, as_of


def _archive_some(db: Database) -> None:
    """Archive a few plans, open and closed, so the lists' filters have something to skip."""
    from tracker import services as sv

    for plan_id in (3, 4, 50):
        sv.set_archived(db, plan_id, True)


def replayed_due(con: sqlite3.Connection, as_of: date, within: int) -> list[InstallmentRow]:
    """What ``due`` must show, from nothing stored but the schedules and the payments."""
    horizon = days_after(as_of, within)
    items: dict[int, list[Installment]] = defaultdict(list)
    for pid, period, due, principal, fee in con.execute(
        "SELECT plan_id, period, due_date, principal, fee FROM installments "
        "ORDER BY plan_id, period"
    ):
        items[pid].append(Installment(period, date.fromisoformat(due), principal, fee))
    paid: dict[int, list[Payment]] = defaultdict(list)
    for pid, pay_id, on, amount in con.execute(
        "SELECT plan_id, id, date, amount FROM payments WHERE voided = 0 ORDER BY date, id"
    ):
        paid[pid].append(Payment(date.fromisoformat(on), amount, pay_id))
    rows: list[InstallmentRow] = []
    for pid, name, platform, cur, model, grace, tol, rate in con.execute(
        "SELECT id, name, platform, currency, model, grace_days, tolerance, penalty_daily_rate "
        "FROM plans WHERE archived = 0 AND closed_on IS NULL"
    ):
        rules = LedgerRules(grace, tol, Decimal(rate), within)
        state = evaluate(items[pid], paid[pid], rules, as_of)
        charge = Model(model).charge
        for st in state.installments:
            row = InstallmentRow.of(st, pid, name, cur, len(items[pid]), platform, charge)
            if needs_attention(row, horizon):
                rows.append(row)
    return sorted(rows, key=lambda i: (i.due_date, i.plan_id, i.period))


def test_due_rows_equal_a_full_replay_of_every_open_plan(ledger: tuple[Path, date]) -> None:
    path, as_of = ledger
    seen_penalty = seen_replay_date = False
    with closing(sqlite3.connect(path)) as con:
        last_payment = date.fromisoformat(
            con.execute("SELECT max(date) FROM payments").fetchone()[0]
        )
        for shift in SHIFTS:
            day = date.fromordinal(as_of.toordinal() + shift)
            for within in (0, 7, 30):
                got = due_rows(con, day, within)
                assert got == replayed_due(con, day, within), (day, within)
                seen_penalty |= any(r.penalty > 0 for r in got)
            seen_replay_date |= day < last_payment and bool(got)
    assert seen_penalty and seen_replay_date  # the ledger exercised both harder cases


def test_plan_lines_equal_the_summaries(ledger: tuple[Path, date]) -> None:
    path, as_of = ledger
    statuses: set[str] = set()
    with closing(sqlite3.connect(path)) as con:
        for shift in SHIFTS:
            day = date.fromordinal(as_of.toordinal() + shift)
            for archived in (False, True):
                lines = plan_lines(con, day, archived)
                expected = [PlanLine.of(s) for s in list_plan_summaries(con, day, archived)]
                # the APR is the stored decimal text on one side, str(Decimal) on the other
                assert [ln._replace(apr=Decimal(ln.apr)) for ln in lines] == [
                    ln._replace(apr=Decimal(ln.apr)) for ln in expected
                ], (day, archived)
                statuses |= {ln.status for ln in lines}
    assert {"closed", "archived", "active", "overdue"} <= statuses
