"""A database that cannot be written (file, folder, medium) is read, exported and printed by
the CLI in a real child process, leaves no -wal/-shm behind and keeps its bytes; a write
command fails with one line that says it is read-only. Reading a backup changes nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.conftest import REFERENCE
from tests.storage.readonly import (
    give_to_nobody,
    listing,
    modes_unavailable,
    mount_unavailable,
    read_only_mount,
    run_tracker,
    sha256,
)
from tracker.storage import open_database

READS = [
    ("plan", "list", "--as-of", "2024-05-10"),
    ("plan", "show", "1", "--as-of", "2024-05-10"),
    ("history",),
    ("due", "--as-of", "2024-05-10"),
    ("check",),
]


@pytest.fixture
def ledger(tmp_path: Path, run, db_file: Path) -> Path:
    """A closed WAL-mode database with one plan and one payment, and its backups folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "tracker.sqlite3"
    assert run("plan", "add", "--name", "小米14", *REFERENCE, db=path).code == 0
    assert run("pay", "1", "--amount", "321.60", "--date", "2024-01-31", db=path).code == 0
    # the first write of the day made today's backup in backups/ beside it
    assert sorted(os.listdir(folder)) == ["backups", "tracker.sqlite3"]
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    return path


def _outputs(out: Path) -> list[tuple[str, ...]]:
    return [
        ("export", "payments", "-o", str(out / "payments.csv")),
        ("export", "plans", "-o", str(out / "plans.csv")),
        ("ics", "-o", str(out / "due.ics"), "--as-of", "2024-05-10"),
        ("schedule", "1", "-o", str(out / "schedule.pdf"), "--as-of", "2024-05-10"),
        ("calendar", "--from", "2024-05", "-o", str(out / "cal.pdf"), "--as-of", "2024-05-10"),
    ]


def _reads_and_refuses_writes(path: Path, out: Path, commands: list[tuple[str, ...]]) -> None:
    before_sum, before_list = sha256(path), listing(path.parent)
    for argv in commands:
        done = run_tracker("--db", str(path), *argv)
        assert done.returncode == 0, (argv, done.stderr)
        assert "Traceback" not in done.stderr
        if argv[0] == "check":
            assert "ok" in done.stdout.lower(), done.stdout
    for argv in (
        ("pay", "1", "--amount", "10", "--date", "2024-02-01"),
        ("plan", "add", "--name", "x", *REFERENCE),
        ("import", str(out / "payments.csv")),
    ):
        done = run_tracker("--db", str(path), *argv)
        assert done.returncode == 2, (argv, done.stdout, done.stderr)
        line = done.stderr
        assert line.count("\n") == 1 and "Traceback" not in line, line
        assert "is read-only" in line and str(path) in line, line
        assert "can be read and exported" in line, line
    assert sha256(path) == before_sum
    assert listing(path.parent) == before_list  # no -wal, -shm or journal left behind


def _needs_modes(tmp_path: Path) -> None:
    reason = modes_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)


def test_read_only_folder_owned_by_nobody(ledger: Path, tmp_path: Path):
    """Folder 0555 and file 0444, both owned by nobody: everything reads, nothing writes."""
    _needs_modes(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    give_to_nobody(ledger, mode=0o444)
    give_to_nobody(ledger.parent, mode=0o555)
    _reads_and_refuses_writes(ledger, out, READS + _outputs(out))
    assert (out / "payments.csv").read_text(encoding="utf-8-sig").count("321.60") == 1
    assert (out / "schedule.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "cal.pdf").read_bytes().startswith(b"%PDF")
    assert "BEGIN:VCALENDAR" in (out / "due.ics").read_text(encoding="utf-8")


def test_writable_file_in_a_read_only_folder(ledger: Path, tmp_path: Path):
    """Our own 0600 file, but no journal could be created beside it: read-only too."""
    _needs_modes(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    give_to_nobody(ledger.parent, mode=0o555)
    _reads_and_refuses_writes(ledger, out, READS[:2] + _outputs(out)[:1])
    done = run_tracker("--db", str(ledger), "pay", "1", "--amount", "10")
    assert f"its folder {ledger.parent} cannot be written" in done.stderr


def test_read_only_file_in_a_writable_folder(ledger: Path, tmp_path: Path):
    _needs_modes(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    give_to_nobody(ledger, mode=0o444)
    _reads_and_refuses_writes(ledger, out, READS[:1] + _outputs(out)[:1])


def test_read_only_medium(ledger: Path, tmp_path: Path):
    reason = mount_unavailable()
    if reason:
        pytest.skip(reason)
    out = tmp_path / "out"
    out.mkdir()
    try:
        mounted = read_only_mount(ledger.parent, tmp_path / "media")
        folder = mounted.__enter__()
    except Exception as exc:  # a container without mount permission
        pytest.skip(f"cannot make a read-only bind mount: {exc}")
    try:
        _reads_and_refuses_writes(folder / ledger.name, out, READS + _outputs(out)[:2])
    finally:
        mounted.__exit__(None, None, None)


def test_reading_a_backup_changes_nothing(ledger: Path, tmp_path: Path, run):
    """A backup (journal_mode=DELETE) read by every read command keeps its bytes and its
    folder's listing: nothing switches it to WAL, nothing writes derived columns."""
    with open_database(ledger) as db:
        backup = db.backup(dest_dir=tmp_path / "data")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    copy = Path(shutil.move(backup, shelf / backup.name))
    with closing(sqlite3.connect(copy)) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    before_sum, before_list = sha256(copy), listing(shelf)
    out = tmp_path / "out"
    out.mkdir()
    for argv in READS + _outputs(out)[:3]:
        res = run(*argv, db=copy)
        assert res.code == 0, (argv, res.err)
    assert sha256(copy) == before_sum
    assert listing(shelf) == before_list
    # Writing is what switches it to WAL (the live database is WAL from its first write).
    assert run("pay", "1", "--amount", "10", "--date", "2024-02-01", db=copy).code == 0
    with closing(sqlite3.connect(copy)) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
