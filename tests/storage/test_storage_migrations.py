"""Upgrades of real old files: every row survives (child rows included), a verified backup
is written first, foreign keys still hold, and a failed upgrade changes nothing."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.storage import BackupError, MigrationError, open_database
from tracker.storage.backup import backup_database, row_counts
from tracker.storage.migrate import head_revision
from tracker.storage.models import SCHEMA_REVISION, PlanRecord

V1_COUNTS = {"plans": 3, "installments": 20, "payments": 6}


def raw_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as con:
        return {t: n for t, n in row_counts(con).items() if t in V1_COUNTS}


def raw_query(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as con:
        return con.execute(sql).fetchall()


def backups(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("tracker.backup-*.sqlite3"))


def test_v1_file_opens_with_every_row(v1_copy: Path):
    with open_database(v1_copy) as db, db.session() as s:
        plans = {p.id: p for p in s.scalars(select(PlanRecord))}
        fk_problems = s.connection().exec_driver_sql("PRAGMA foreign_key_check").all()
        for p in plans.values():
            _ = (p.installments, p.payments)  # load them inside the session
    assert fk_problems == []
    assert sorted(p.name for p in plans.values()) == ["Old phone", "小米14 Pro", "花呗 - 冰箱"]
    xiaomi = plans[1]
    assert xiaomi.rate == Decimal("0.006") and xiaomi.first_due == date(2024, 1, 31)
    assert [i.due_date.isoformat() for i in xiaomi.installments[:4]] == [
        "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"
    ]  # fmt: skip
    assert sum(i.principal for i in xiaomi.installments) == 360000
    assert sum(i.fee for i in xiaomi.installments) == 25920
    assert [p.voided for p in xiaomi.payments] == [False, False, True, False]
    assert plans[3].archived is True and plans[3].custom_amounts == "[10050,10050]"
    assert raw_counts(v1_copy) == V1_COUNTS
    assert len(backups(v1_copy.parent)) == 1  # upgraded past 0001, backed up first
    assert head_revision() != "0001"


def test_upgrade_rebuilding_parent_keeps_children_and_backs_up_first(v1_copy, migrations_with):
    original = v1_copy.read_bytes()
    migrations = migrations_with("9001_rebuild_plans.py")
    with open_database(v1_copy, migrations_dir=migrations) as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == 9001
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9001"
        assert conn.exec_driver_sql("SELECT DISTINCT reminder_days FROM plans").all() == [(7,)]
    assert raw_counts(v1_copy) == V1_COUNTS  # the cascade trap would have emptied children
    plans_sql = raw_query(v1_copy, "SELECT sql FROM sqlite_master WHERE name = 'plans'")[0][0]
    assert plans_sql.rstrip().endswith("STRICT") and "CHECK (principal > 0)" in plans_sql

    [backup] = backups(v1_copy.parent)  # in the backups folder beside the database, 0700
    assert backup.name.startswith("tracker.backup-0001-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    assert not list(v1_copy.parent.glob("*.backup-*"))
    assert raw_counts(backup) == V1_COUNTS
    assert raw_query(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert raw_query(backup, "PRAGMA quick_check") == [("ok",)]
    assert raw_query(backup, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file
    assert original != v1_copy.read_bytes()

    with open_database(v1_copy, migrations_dir=migrations):  # at head now: no second backup
        pass
    assert len(backups(v1_copy.parent)) == 1


def test_the_cascade_trap_is_real(v1_copy: Path):
    """Why migrations run with foreign keys OFF: what a batch rebuild does, with them ON."""
    with closing(sqlite3.connect(v1_copy, isolation_level=None)) as con:
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("BEGIN")
        con.execute("DROP TABLE plans")
        assert con.execute("SELECT count(*) FROM installments").fetchone() == (0,)
        con.execute("ROLLBACK")


@pytest.mark.parametrize(
    "revision, message",
    [
        ("9001_orphans.py", "missing rows"),
        ("9001_broken.py", "no such table"),
        ("9001_lose_a_payment.py", "the upgrade changed the ledger"),
        ("9001_skew_derived.py", "the audit after the upgrade found"),
    ],
)
def test_failed_upgrade_changes_nothing(v1_copy, migrations_with, revision, message):
    with pytest.raises(MigrationError, match=message) as info:
        open_database(v1_copy, migrations_dir=migrations_with(revision))
    assert "rolled back" in str(info.value)
    assert raw_counts(v1_copy) == V1_COUNTS
    assert raw_query(v1_copy, "SELECT version_num FROM alembic_version") == [("0001",)]
    names = {row[0] for row in raw_query(v1_copy, "SELECT name FROM sqlite_master")}
    assert "half_done" not in names and "ix_test_orphans" not in names
    assert raw_query(v1_copy, "SELECT count(*) FROM plans WHERE notes = 'touched'") == [(0,)]
    assert raw_query(v1_copy, "PRAGMA foreign_key_check") == []
    assert len(backups(v1_copy.parent)) == 1  # the backup was taken before it failed
    with open_database(v1_copy) as db, db.session() as s:  # and the app still opens it
        assert len(s.scalars(select(PlanRecord)).all()) == 3


def test_backup_of_a_live_database_is_a_consistent_snapshot(db, make_plan, tmp_path: Path):
    with db.session() as s:
        s.add_all([make_plan(name=f"plan {n}") for n in range(5)])
    now = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
    with db.session() as s:  # a writer holds the write lock with uncommitted rows
        s.add(make_plan(name="not committed yet"))
        s.flush()
        first = backup_database(db.path, now=now)
        second = backup_database(db.path, now=now)
    assert first.name == "tracker.backup-manual-20250301T120000Z.sqlite3"
    assert second.name == "tracker.backup-manual-20250301T120000Z-2.sqlite3"
    for copy in (first, second):
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert raw_query(copy, "SELECT count(*) FROM plans") == [(5,)]
        assert raw_query(copy, "PRAGMA quick_check") == [("ok",)]
    assert raw_query(db.path, "SELECT count(*) FROM plans") == [(6,)]
    assert not list(tmp_path.glob(".*.tmp"))

    elsewhere = tmp_path / "backups"
    elsewhere.mkdir()
    made = db.backup(elsewhere)
    assert made.parent == elsewhere and raw_query(made, "SELECT count(*) FROM plans") == [(6,)]


def test_backup_failure_leaves_nothing(db, tmp_path: Path):
    with pytest.raises(BackupError, match="Could not back up"):
        backup_database(db.path, dest_dir=tmp_path / "missing")
    assert not list(tmp_path.glob("*.backup-*")) and not list(tmp_path.glob(".*.tmp"))


LOAN_ROWS = [
    # id, name, model, payoff_policy, closed_on
    (7, "房贷", "equal_principal", "charge_all_fees", None),
    (8, "车贷", "annuity", "charge_all_fees", None),
    (9, "Old car loan", "annuity", "charge_all_fees", "2024-05-01"),
    (10, "Chose a penalty", "annuity", "penalty_pct", None),
]


def _add_v1_loans(path: Path) -> None:
    """Loans as release 0001 stored them (its default payoff policy), in the v1 file."""
    with closing(sqlite3.connect(path, isolation_level=None)) as con:
        con.execute("BEGIN IMMEDIATE")
        for pid, name, model, policy, closed in LOAN_ROWS:
            con.execute(
                "INSERT INTO plans (id, name, model, principal, periods, rate, remainder, "
                "first_due, payoff_policy, closed_on) VALUES (?, ?, ?, 1200000, 12, '0.049', "
                "'last', '2024-02-10', ?, ?)",
                (pid, name, model, policy, closed),
            )
            con.execute(
                "INSERT INTO installments (plan_id, period, due_date, principal, fee) "
                "VALUES (?, 1, '2024-02-10', 1200000, 4900)",
                (pid,),
            )
        con.execute(
            "INSERT INTO payments (plan_id, date, amount, kind) VALUES (8, '2024-02-10', 100, "
            "'payment')"
        )
        con.execute("DELETE FROM payments WHERE id = (SELECT max(id) FROM payments)")
        con.execute("COMMIT")


def test_0002_moves_open_loans_to_the_new_payoff_default_and_says_so(v1_copy: Path):
    _add_v1_loans(v1_copy)
    counts = raw_counts(v1_copy)
    # the columns of the release (0006 adds prepay and bill_payment_id, '' and NULL)
    paid = "SELECT id, plan_id, date, amount, method, note, voided, kind, created_at FROM payments"
    payments_before = raw_query(v1_copy, f"{paid} ORDER BY id")
    seq_before = raw_query(v1_copy, "SELECT seq FROM sqlite_sequence WHERE name = 'payments'")
    with open_database(v1_copy) as db:
        assert db.upgrade_notes["loans_repriced"] == [(7, "房贷"), (8, "车贷")]
        with db.session() as s:
            policies = {p.id: p.payoff_policy for p in s.scalars(select(PlanRecord))}
            rounding = {p.fee_rounding for p in s.scalars(select(PlanRecord))}
    assert policies == {
        1: "charge_all_fees",  # consumer plans keep theirs
        2: "charge_all_fees",
        3: "charge_all_fees",
        7: "waive_future_fees",
        8: "waive_future_fees",
        9: "charge_all_fees",  # already closed: its payoff happened under the old policy
        10: "penalty_pct",  # chosen, not the old default
    }
    assert rounding == {"half_up"}  # what every stored schedule was computed with
    assert raw_counts(v1_copy) == counts
    assert raw_query(v1_copy, f"{paid} ORDER BY id") == payments_before
    # The AUTOINCREMENT counter survives the rebuild: a deleted payment's id is never reused.
    assert raw_query(v1_copy, "SELECT seq FROM sqlite_sequence WHERE name = 'payments'") == (
        seq_before
    )
    assert raw_query(v1_copy, "PRAGMA foreign_key_check") == []
    [backup] = backups(v1_copy.parent)
    assert raw_query(backup, "SELECT count(*) FROM plans WHERE payoff_policy = "
                     "'waive_future_fees'") == [(0,)]  # fmt: skip
    with open_database(v1_copy) as db:  # already at head: nothing more to say
        assert db.upgrade_notes == {}


def test_0002_accepts_payments_settled_before_tracking(v1_copy: Path):
    with open_database(v1_copy) as db, db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO payments (plan_id, date, amount, kind) VALUES (2, '2024-04-15', 17416, "
            "'prior')"
        )
        with pytest.raises(Exception, match="CHECK constraint failed"):
            conn.exec_driver_sql(
                "INSERT INTO payments (plan_id, date, amount, kind) VALUES (2, '2024-04-15', 1, "
                "'gift')"
            )


def test_0004_adds_the_working_day_calendar_as_none_and_keeps_the_dates(v1_copy: Path):
    dates_before = raw_query(v1_copy, "SELECT plan_id, period, due_date FROM installments")
    seq_before = raw_query(v1_copy, "SELECT seq FROM sqlite_sequence WHERE name = 'plans'")
    with open_database(v1_copy) as db, db.session() as s:
        holidays = [p.holidays for p in s.scalars(select(PlanRecord).order_by(PlanRecord.id))]
    assert holidays == [None, None, None]  # no stored schedule moves on upgrade
    assert raw_query(v1_copy, "SELECT version_num FROM alembic_version") == [(SCHEMA_REVISION,)]
    assert raw_query(v1_copy, "SELECT plan_id, period, due_date FROM installments") == (
        dates_before
    )
    assert raw_query(v1_copy, "SELECT seq FROM sqlite_sequence WHERE name = 'plans'") == (
        seq_before
    )
    with closing(sqlite3.connect(v1_copy)) as con, pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE plans SET holidays = 'China' WHERE id = 1")


def test_0008_keeps_every_plan_column_and_counts_each_schedule(v1_copy: Path):
    from tracker.storage.migrate import upgrade

    def plans() -> list[dict[str, object]]:
        with closing(sqlite3.connect(v1_copy)) as con:
            con.row_factory = sqlite3.Row
            return [dict(r) for r in con.execute("SELECT * FROM plans ORDER BY id")]

    upgrade(v1_copy, target="0007", backup=False)
    before = plans()
    with closing(sqlite3.connect(v1_copy)) as con, con:  # a plan on an account, as 0005 allows
        con.execute(
            "INSERT INTO accounts (name, kind, statement_day, due_rule, due_value, min_percent, "
            "daily_rate, interest_rule, late_fee_percent, late_fee_min) VALUES "
            "('花呗', 'huabei', 1, 'day_of_month', 10, '0.1', '0.0005', 'full_statement', "
            "'0.05', 0)"
        )
        con.execute("UPDATE plans SET account_id = 1, holidays = 'CN' WHERE id = 2")
    before[1] |= {"account_id": 1, "holidays": "CN"}
    upgrade(v1_copy, backup=False)  # its audit: derived columns equal a replay of each plan
    after = plans()
    derived = {"remaining", "paid_periods", "next_due", "next_amount", "last_paid_on"}
    derived |= {"total_fee", "total_cost", "per_period", "apr", "effective_rate", "derived_rev"}
    derived |= {"schedule_periods"}  # (stale at 0007: an upgrade short of the head derives none)

    def entered(rows: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: v for k, v in p.items() if k not in derived} for p in rows]

    assert entered(after) == entered(before) and len(after[0]) == len(before[0]) + 1
    counts = dict(raw_query(v1_copy, "SELECT plan_id, count(*) FROM installments GROUP BY 1"))
    assert {p["id"]: p["schedule_periods"] for p in after} == counts
    assert [p["schedule_periods"] for p in after] == [p["periods"] for p in after] != [0, 0, 0]
    assert raw_query(v1_copy, "SELECT name FROM sqlite_master WHERE name = 'ix_plans_account_id'")
