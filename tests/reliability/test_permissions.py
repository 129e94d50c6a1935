"""Private files: the database, the folders created for it, backups and every export (CSV, ICS,
PDF schedule and calendar through the CLI) are created 0600 / 0700 even under umask 022 (and
an existing export that was 0644 is replaced by a private one)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.cli import main
from tracker.domain import Model, PlanTerms
from tracker.storage.engine import open_database

pytestmark = pytest.mark.slow

TODAY = date(2024, 5, 10)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def ledger(tmp_path: Path, umask_022: None) -> Path:
    """A database created in new folders (two levels) under umask 022, with one plan."""
    db_file = tmp_path / "new" / "deeper" / "tracker.sqlite3"
    with open_database(db_file) as db:
        terms = PlanTerms(Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006"))
        sv.add_plan(db, sv.PlanInput("小米 14", terms), TODAY, 2)
    return db_file


def test_new_database_and_its_folders_are_private(ledger: Path, tmp_path: Path) -> None:
    assert _mode(ledger) == 0o600
    assert _mode(tmp_path / "new") == 0o700
    assert _mode(tmp_path / "new" / "deeper") == 0o700
    with open_database(ledger) as db:  # while open: the WAL and shared-memory files too
        sv.record_payment(db, 1, 100, TODAY, TODAY)
        for side in ("-wal", "-shm"):
            side_file = Path(f"{ledger}{side}")
            if side_file.exists():
                assert _mode(side_file) == 0o600, side


def test_backups_are_private(ledger: Path, tmp_path: Path) -> None:
    with open_database(ledger) as db:
        beside = db.backup()
        elsewhere = db.backup(tmp_path)
    assert _mode(beside) == 0o600
    assert _mode(elsewhere) == 0o600


EXPORTS = {
    "payments.csv": ["export", "payments"],
    "plans.csv": ["export", "plans"],
    "installments.csv": ["export", "installments"],
    "feed.ics": ["ics"],
    "schedule.pdf": ["schedule", "1", "--lang", "en"],
    "calendar.pdf": ["calendar", "--from", "2024-01", "--to", "2024-02", "--lang", "en"],
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_is_private(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    target = out_dir / name
    target.write_bytes(b"an older export, readable by everyone")
    os.chmod(target, 0o644)
    argv = ["--db", str(ledger), *EXPORTS[name], "-o", str(target)]
    code = main(argv, today=lambda: TODAY)
    assert code == 0, capsys.readouterr()
    assert target.read_bytes() != b"an older export, readable by everyone"
    assert _mode(target) == 0o600
    assert sorted(p.name for p in out_dir.iterdir()) == [name]  # no temporary file left
