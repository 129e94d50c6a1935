"""No export, feed or printout may be written over a database or the files beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.storage import open_database
from tracker.storage.targets import DatabaseTargetError, check_output_path


def test_outputs_that_are_a_database_or_part_of_one_are_refused(tmp_path: Path) -> None:
    db_path = tmp_path / "ledger.sqlite3"
    with open_database(db_path):
        for target in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            with pytest.raises(DatabaseTargetError, match="database"):
                check_output_path(target)
    renamed = tmp_path / "backup.csv"  # a database with any name is still a database
    renamed.write_bytes(db_path.read_bytes())
    with pytest.raises(DatabaseTargetError, match="destroy it"):
        check_output_path(renamed)


def test_ordinary_outputs_pass(tmp_path: Path) -> None:
    text = tmp_path / "payments.csv"
    text.write_text("id,amount\n", encoding="utf-8")
    check_output_path(text)  # an existing export may be replaced
    check_output_path(tmp_path / "new.pdf")  # a new file
    check_output_path(tmp_path / "orphan.sqlite3-wal")  # no database beside it
