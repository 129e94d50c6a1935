"""A file that passed ``quick_check`` and has not changed since is not checked again; any change
to it (or to its ``-wal``) brings the check back, so a damaged file is still refused."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tracker.storage import ForeignDatabaseError, identity, open_database, verified
from tracker.storage.schema_version import SCHEMA_REVISION


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder; files count as settled at once."""
    monkeypatch.delenv("TRACKER_CACHE_DIR", raising=False)  # the platform's cache folder
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(verified, "SETTLE_S", 0.0)
    return tmp_path / "cache" / "InstallmentTracker" / "verified.txt"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose contents were really read by the check."""
    seen: list[Path] = []
    real = identity._inspect

    def spy(path: Path, **kwargs: bool) -> str | None:
        seen.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(identity, "_inspect", spy)
    return seen


def _ledger(path: Path, make_plan) -> None:
    with open_database(path) as db, db.session() as s:
        for n in range(200):
            s.add(make_plan(name=f"plan {n}", notes="x" * 200))


def test_an_unchanged_file_is_checked_once(db_path: Path, make_plan, cache: Path, checks):
    _ledger(db_path, make_plan)
    checks.clear()
    assert identity.inspect_database(db_path) == SCHEMA_REVISION
    assert identity.inspect_database(db_path) == SCHEMA_REVISION
    assert identity.inspect_database(db_path) == SCHEMA_REVISION
    assert checks == [db_path]
    state, revision = verified._load()[str(db_path)]
    assert revision == SCHEMA_REVISION
    assert state == verified.file_state(db_path)
    assert cache.stat().st_mode & 0o777 == 0o600


def test_a_file_damaged_after_its_check_is_still_refused(db_path: Path, make_plan, cache: Path):
    _ledger(db_path, make_plan)
    identity.inspect_database(db_path)
    assert str(db_path) in verified._load()
    data = bytearray(db_path.read_bytes())
    for offset in range(3 * 4096, 6 * 4096, 7):  # the same size, three b-tree pages scribbled
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    with pytest.raises(ForeignDatabaseError, match="damaged"):
        identity.inspect_database(db_path)
    with pytest.raises(ForeignDatabaseError, match="damaged"):
        open_database(db_path)


def test_a_write_brings_the_check_back(db_path: Path, make_plan, cache: Path, checks):
    _ledger(db_path, make_plan)
    identity.inspect_database(db_path)
    checks.clear()
    with open_database(db_path) as db, db.session() as s:  # checked: unchanged
        s.add(make_plan(name="one more"))
    assert checks == []
    identity.inspect_database(db_path)  # written since: checked again
    assert checks == [db_path]


def test_a_wal_with_content_is_part_of_the_state(db_path: Path, make_plan, cache: Path, checks):
    _ledger(db_path, make_plan)
    identity.inspect_database(db_path)
    keep = sqlite3.connect(db_path)  # holds the -wal open: the write below stays in it
    keep.execute("SELECT 1 FROM plans").fetchall()
    other = sqlite3.connect(db_path)
    other.execute("UPDATE plans SET notes = 'changed' WHERE id = 1")
    other.commit()
    other.close()
    assert Path(f"{db_path}-wal").stat().st_size > 0
    checks.clear()
    identity.inspect_database(db_path)
    keep.close()
    assert checks == [db_path]


def test_a_freshly_written_file_is_not_remembered(db_path: Path, make_plan, tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(verified, "SETTLE_S", 3600.0)
    _ledger(db_path, make_plan)
    identity.inspect_database(db_path)
    assert not (tmp_path / "cache" / "InstallmentTracker" / "verified.txt").exists()


def test_an_unreadable_record_means_the_check_runs(db_path: Path, make_plan, cache: Path, checks):
    _ledger(db_path, make_plan)
    cache.parent.mkdir(parents=True)
    cache.write_text("0007\tnot,numbers\t" + str(db_path) + "\n{garbage")
    checks.clear()
    assert identity.inspect_database(db_path) == SCHEMA_REVISION
    assert checks == [db_path]
    assert str(db_path) in verified._load()  # replaced by a good record


def test_the_record_keeps_the_newest_files(tmp_path: Path, make_plan, cache: Path):
    paths = [tmp_path / f"ledger{n}.sqlite3" for n in range(verified.MAX_ENTRIES + 3)]
    for p in paths:
        open_database(p).close()
        identity.inspect_database(p)
    assert list(verified._load()) == [str(p) for p in paths[3:]]


def test_a_coarse_clock_file_waits_longer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("TRACKER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "f.sqlite3"
    path.write_bytes(b"x")
    now = int(time.time()) * 1_000_000_000
    whole = [1, 2, 1, now - 1_000_000_000, now - 1_000_000_000]  # 1 s old, whole seconds
    fine = [1, 2, 1, now - 1_000_000_001, now - 1_000_000_001]
    monkeypatch.setattr(verified, "file_state", lambda _p: list(state))
    for state, stored in ((whole, False), (fine, True)):
        verified.remember(path, list(state), "0007")
        assert (str(path) in verified._load()) is stored


def test_the_tests_keep_the_record_in_their_sandbox(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "own"))
    assert verified.cache_path() == tmp_path / "own" / "verified.txt"
