"""The backups folder: where backups go, which ones rotation keeps (with an injected clock),
listing them without changing a byte, and the daily backup."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.storage import Database
from tracker.storage.backups import (
    backups_dir,
    daily_backup_if_due,
    has_daily_backup_on,
    list_backups,
    newest_good_backup,
    rotate,
    take_backup,
)

AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def add_plan(db: Database, name: str = "小米14") -> int:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 1, 31), Decimal("0.006"))
    change = sv.add_plan(db, sv.PlanInput(name=name, terms=terms), paid_periods=0)
    assert change.created_id is not None
    return change.created_id


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_backups_go_into_a_private_folder_beside_the_database(db: Database) -> None:
    add_plan(db)
    made = take_backup(db.path, "manual", now=AT)
    assert made == db.path.parent / "backups" / "tracker.backup-manual-20261120T080000Z.sqlite3"
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert names(made.parent) == [made.name]  # no temp file left
    assert db.backup().parent == made.parent  # "Back up now" writes there too


def test_rotation_keeps_7_daily_4_weekly_and_10_of_every_other_label(db: Database) -> None:
    add_plan(db)
    start = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    for day in range(51):  # one daily a day, 2026-10-01 … 2026-11-20 (a Friday, ISO week 47)
        take_backup(db.path, "daily", now=start + timedelta(days=day))
    for n in range(12):
        take_backup(db.path, "manual", now=start + timedelta(days=n, hours=2))
    take_backup(db.path, "import", now=start + timedelta(hours=3))
    kept = names(backups_dir(db.path))
    daily = [n.split("-")[2][:8] for n in kept if "-daily-" in n]
    # 7 newest (11-14 … 11-20) + the newest of weeks 46 (11-15, already kept), 45 and 44
    assert daily == [
        "20261101", "20261108", "20261114", "20261115", "20261116", "20261117", "20261118",
        "20261119", "20261120",
    ]  # fmt: skip
    manual = [n.split("-")[2][:8] for n in kept if "-manual-" in n]
    assert manual == [f"202610{d:02d}" for d in range(3, 13)]  # the 10 newest of 12
    assert [n for n in kept if "-import-" in n] == [
        "tracker.backup-import-20261001T110000Z.sqlite3"
    ]


def test_rotation_never_deletes_the_newest_good_backup_nor_foreign_files(
    db: Database, tmp_path: Path
) -> None:
    add_plan(db)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [take_backup(db.path, "manual", now=start + timedelta(days=n)) for n in range(10)]
    folder = backups_dir(db.path)
    (folder / "my copy.sqlite3").write_bytes(made[0].read_bytes())
    (folder / "other.backup-manual-20200101T000000Z.sqlite3").write_bytes(b"another db's")
    # an eleventh, and the ten newest turn out damaged: the oldest is the newest good one
    newest = folder / "tracker.backup-manual-20260201T000000Z.sqlite3"
    for bad in [*made[1:], newest]:
        bad.write_bytes(b"garbage" * 100)
    assert rotate(db.path) == []
    assert made[0].exists()
    assert newest_good_backup(db.path).path == made[0]  # type: ignore[union-attr]
    take_backup(db.path, "manual", now=start + timedelta(days=21))  # now a good newer one
    assert not made[0].exists()
    assert (folder / "my copy.sqlite3").exists()
    assert (folder / "other.backup-manual-20200101T000000Z.sqlite3").exists()


def test_list_backups_reads_each_without_changing_a_byte(db: Database, tmp_path: Path) -> None:
    add_plan(db)
    first = take_backup(db.path, "daily", now=AT)
    add_plan(db, "花呗")
    second = take_backup(db.path, "manual", now=AT + timedelta(hours=1))
    broken = backups_dir(db.path) / "tracker.backup-import-20261120T100000Z.sqlite3"
    broken.write_bytes(first.read_bytes()[:4096] + b"\xff" * 4096)
    legacy = db.path.parent / "tracker.backup-0002-20250101T000000Z.sqlite3"  # older versions
    legacy.write_bytes(first.read_bytes())
    files = [first, second, broken, legacy]
    before = {p: sha(p) for p in files}
    listing = names(backups_dir(db.path)), names(db.path.parent)

    found = list_backups(db.path)

    assert {p: sha(p) for p in files} == before
    assert (names(backups_dir(db.path)), names(db.path.parent)) == listing  # no -wal, -shm
    assert [(b.path, b.label, b.plans, b.ok) for b in found] == [
        (broken, "import", None, False),
        (second, "manual", 2, True),
        (first, "daily", 1, True),
        (legacy, "0002", 1, True),
    ]
    assert found[1].taken_at == AT + timedelta(hours=1) and found[1].payments == 0
    assert found[1].revision is not None and found[0].problem


def test_listing_a_folder_without_backups_creates_nothing(db_path: Path) -> None:
    db_path.parent.mkdir(exist_ok=True)
    assert list_backups(db_path) == [] and newest_good_backup(db_path) is None
    assert not backups_dir(db_path).exists()


def test_daily_backup_once_a_day_and_not_of_an_empty_database(db: Database) -> None:
    assert daily_backup_if_due(db.path, now=lambda: AT) is None  # no plans: nothing to lose
    assert not backups_dir(db.path).exists()
    add_plan(db)
    made = daily_backup_if_due(db.path, now=lambda: AT)
    assert made is not None and "-daily-" in made.name
    assert has_daily_backup_on(db.path, AT.astimezone().date())
    assert daily_backup_if_due(db.path, now=lambda: AT + timedelta(minutes=5)) is None
    later = daily_backup_if_due(db.path, now=lambda: AT + timedelta(days=1))
    assert later is not None and later != made
    with closing(sqlite3.connect(later)) as con:
        assert con.execute("SELECT count(*) FROM plans").fetchone() == (1,)


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX modes")
def test_an_existing_backups_folder_is_used_as_it_is(db: Database) -> None:
    add_plan(db)
    folder = backups_dir(db.path)
    folder.mkdir(mode=0o755)
    take_backup(db.path, "manual", now=AT)
    assert len(list(folder.iterdir())) == 1
