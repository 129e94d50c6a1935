"""Restoring a backup on real files: later payments disappear, every open connection (and a
stale -wal) sees the restored data, the replaced data is kept, and a file that is not a
sound backup is refused with nothing changed (its bytes included)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.storage.conftest import DATA
from tests.storage.test_backups import add_plan
from tracker import services as sv
from tracker.storage import Database, open_database
from tracker.storage.backups import backups_dir, take_backup
from tracker.storage.migrate import head_revision
from tracker.storage.restore import RestoreRefused, restore_backup

AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
ON = date(2026, 2, 1)


def pay(db: Database, plan: int, amount: int = 32160) -> None:
    sv.record_payment(db, plan, amount, ON, ON)


def counts(path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as con:
        return (
            con.execute("SELECT count(*) FROM plans").fetchone()[0],
            con.execute("SELECT count(*) FROM payments").fetchone()[0],
        )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(db: Database) -> None:
    plan = add_plan(db)
    pay(db, plan)
    backup = take_backup(db.path, "manual", now=AT)
    pay(db, plan)
    add_plan(db, "花呗")
    source_hash = sha(backup)

    done = restore_backup(db.path, backup)

    assert (done.plans, done.payments, done.taken_at, done.upgraded) == (1, 1, AT, False)
    assert sha(backup) == source_hash
    with db.read_session() as s:  # the open Database reads the restored data
        from tracker.storage.models import PaymentRecord, PlanRecord

        assert s.query(PlanRecord).count() == 1 and s.query(PaymentRecord).count() == 1
    assert done.previous is not None and done.previous.parent == backups_dir(db.path)
    assert "pre-restore" in done.previous.name and counts(done.previous) == (2, 2)
    assert done.set_aside is None
    db.close()
    assert counts(db.path) == (1, 1)
    assert not [p for p in backups_dir(db.path).iterdir() if p.name.startswith(".")]


def test_a_stale_wal_with_later_payments_cannot_come_back(db: Database) -> None:
    plan = add_plan(db)
    backup = take_backup(db.path, "manual", now=AT)
    other = sqlite3.connect(db.path, isolation_level=None)  # another program, never checkpoints
    other.execute("PRAGMA wal_autocheckpoint=0")
    pay(db, plan)
    pay(db, plan)
    assert other.execute("SELECT count(*) FROM payments").fetchone() == (2,)
    assert Path(f"{db.path}-wal").stat().st_size > 0  # the later payments sit in the WAL

    restore_backup(db.path, backup)

    assert other.execute("SELECT count(*) FROM payments").fetchone() == (0,)
    with open_database(db.path) as fresh, fresh.read_session() as s:
        from tracker.storage.models import PaymentRecord

        assert s.query(PaymentRecord).count() == 0
    other.close()
    db.close()
    assert counts(db.path) == (1, 0)  # and after every connection closed: nothing replayed
    with open_database(db.path) as again:
        pay(again, plan)  # the restored database takes writes
    assert counts(db.path) == (1, 1)


def test_an_older_backup_is_upgraded_on_a_copy(db: Database, tmp_path: Path) -> None:
    add_plan(db)
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "v1.sqlite3", old)
    before = sha(old)
    done = restore_backup(db.path, old)
    assert (done.revision, done.upgraded, done.plans) == ("0001", True, 3)
    assert done.taken_at is None
    assert sha(old) == before
    db.close()
    with open_database(db.path) as restored, restored.engine.connect() as c:
        version = c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == head_revision()


def _zero(path: Path, good: Path) -> None:
    path.write_bytes(b"")


def _garbled(path: Path, good: Path) -> None:
    path.write_bytes(b"\x00garbled header" * 300)


def _foreign(path: Path, good: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA application_id=1234")
        con.execute("CREATE TABLE notes(x)")
        con.commit()


def _newer(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()


def _damaged_page(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xa5" * 4096  # a b-tree page overwritten
    path.write_bytes(bytes(data))


def _orphans(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE payments SET plan_id = 99")
        con.commit()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_zero, "is empty"),
        (_garbled, "not a SQLite file"),
        (_foreign, "another program"),
        (_newer, "newer version"),
        (_damaged_page, "damaged"),
        (_orphans, "point at missing rows"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_changes(
    db: Database, tmp_path: Path, make, message: str
) -> None:
    plan = add_plan(db)
    pay(db, plan)
    good = take_backup(db.path, "manual", now=AT)
    bad = tmp_path / "chosen.sqlite3"
    make(bad, good)
    before, folder = sha(bad), sorted(p.name for p in tmp_path.iterdir())
    kept = sorted(p.name for p in backups_dir(db.path).iterdir())
    with pytest.raises(RestoreRefused, match=message) as info:
        restore_backup(db.path, bad)
    assert "Nothing was changed" in str(info.value)
    assert sha(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == folder
    assert sorted(p.name for p in backups_dir(db.path).iterdir()) == kept  # no pre-restore
    db.close()
    assert counts(db.path) == (1, 1)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_itself_is_not_a_backup(db: Database, suffix: str) -> None:
    add_plan(db)
    with pytest.raises(RestoreRefused, match="the database itself"):
        restore_backup(db.path, Path(f"{db.path}{suffix}"))


def test_a_damaged_database_is_set_aside_not_written(db_path: Path, tmp_path: Path) -> None:
    with open_database(db_path) as db:
        add_plan(db)
        good = take_backup(db.path, "manual", now=AT)
    damaged = b"SQLite format 3\x00" + b"\x13" * 5000
    db_path.write_bytes(damaged)
    done = restore_backup(db_path, good, now=AT)
    assert done.previous is None
    assert done.set_aside == tmp_path / "tracker.damaged-20261120T080000Z.sqlite3"
    assert done.set_aside.read_bytes() == damaged
    assert counts(db_path) == (1, 0)
    with open_database(db_path) as db:
        pay(db, 1)
