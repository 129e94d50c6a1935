"""The open path under faults, with real files and real processes: a stale -wal beside a
restored backup is set aside (never replayed), a -wal left by a killed writer is recovered,
and a full disk (RLIMIT_FSIZE, a small tmpfs) is reported as "disk full" naming the database,
at first run too, with everything committed before intact."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing, suppress
from pathlib import Path

import pytest

from tests.storage.readonly import listing, sha256
from tracker.storage import StorageError, open_database
from tracker.storage.engine import _set_aside_stale_wal

KILLED_AFTER_COMMIT = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from tracker.storage import open_database
    from tracker.storage.models import PaymentRecord
    db = open_database(sys.argv[1])
    with db.session() as s:
        s.add(PaymentRecord(plan_id=1, date=date(2024, 2, 29), amount=32160, note="late"))
    os.kill(os.getpid(), signal.SIGKILL)  # committed, never closed: the -wal keeps it
    """
)


def _payment_notes(path: Path) -> list[str]:
    with open_database(path) as db, db.engine.connect() as conn:
        conn.execution_options(read_only=True)
        return list(conn.exec_driver_sql("SELECT note FROM payments ORDER BY id").scalars())


def _kill_after_commit(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_COMMIT, str(path)], capture_output=True, timeout=120
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert Path(f"{path}-wal").stat().st_size > 0  # the commit is only in the -wal


@pytest.fixture
def live(db_path: Path, make_plan) -> Path:
    with open_database(db_path) as db, db.session() as s:
        s.add(make_plan())
    return db_path


def test_a_wal_left_by_a_killed_writer_is_recovered(live: Path):
    _kill_after_commit(live)
    assert _payment_notes(live) == ["late"]
    assert not list(live.parent.glob("*.stale-*"))


def test_a_stale_wal_beside_a_restored_backup_is_set_aside(live: Path, tmp_path: Path):
    with open_database(live) as db:
        backup = db.backup(dest_dir=tmp_path)
    _kill_after_commit(live)  # a later payment, only in the -wal
    wal_bytes = Path(f"{live}-wal").read_bytes()
    shutil.copyfile(backup, live)  # "restore" by copying the backup over the file
    with open_database(live) as db:
        notes = db.upgrade_notes
        with db.read_session() as s:
            assert s.connection().exec_driver_sql("SELECT count(*) FROM payments").scalar() == 0
    [moved] = notes["stale_wal"]
    assert Path(moved).name.startswith("tracker.sqlite3-wal.stale-")
    assert Path(moved).read_bytes() == wal_bytes  # kept, unchanged, for whoever needs it
    assert not Path(f"{live}-shm").exists() or Path(f"{live}-wal").exists()


def test_the_cli_says_where_the_stale_wal_went(live: Path, tmp_path: Path):
    with open_database(live) as db:
        backup = db.backup(dest_dir=tmp_path)
    _kill_after_commit(live)
    shutil.copyfile(backup, live)
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(live), "history", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"  # the later payment was not replayed
    [note] = done.stderr.splitlines()
    assert note.startswith("note: ") and "tracker.sqlite3-wal.stale-" in note
    assert "did not belong" in note


def test_a_wal_beside_a_wal_mode_file_is_left_alone(live: Path):
    with closing(sqlite3.connect(live)) as con:
        con.execute("PRAGMA wal_autocheckpoint=0")
        con.execute("INSERT INTO payments (plan_id, date, amount) VALUES (1, '2024-02-29', 1)")
        assert _set_aside_stale_wal(live) == []  # a live -wal of this file
        assert Path(f"{live}-wal").exists()


def test_an_empty_stale_wal_is_just_removed(live: Path, tmp_path: Path):
    with open_database(live) as db:
        backup = db.backup(dest_dir=tmp_path / "user")
    shutil.copyfile(backup, live)
    Path(f"{live}-wal").write_bytes(b"")
    Path(f"{live}-shm").write_bytes(b"\0" * 32768)
    assert _set_aside_stale_wal(live) == []
    assert not Path(f"{live}-wal").exists() and not Path(f"{live}-shm").exists()
    assert not list(live.parent.glob("*.stale-*"))


# -- disk full ---------------------------------------------------------------------------------


def _limit_file_size(limit: int):
    def set_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return set_limit


def _tracker(*argv: str, preexec=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", *argv],
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _plans_csv(path: Path, rows: int) -> Path:
    lines = ["name,model,principal,periods,rate_pct,first_due"]
    lines += [f"plan {n},flat,3600.00,36,0.6,2030-01-31" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one_disk_full_line(done: subprocess.CompletedProcess[str], db: Path) -> str:
    assert done.returncode == 2, (done.stdout, done.stderr)
    line = done.stderr
    assert line.count("\n") == 1 and "Traceback" not in line, line
    assert "disk is full" in line and str(db) in line, line
    assert ".new-" not in line and "disk I/O error" not in line, line
    return line


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE behaviour checked on Linux")
def test_first_run_past_the_file_size_limit_names_the_database(tmp_path: Path):
    db = tmp_path / "new" / "tracker.sqlite3"
    done = _tracker("--db", str(db), "plan", "list", preexec=_limit_file_size(8192))
    line = _one_disk_full_line(done, db)
    assert "file-size limit" in line
    assert not db.exists()
    assert [p.name for p in db.parent.iterdir()] == []  # no .tracker.sqlite3.new-* left


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE behaviour checked on Linux")
def test_an_import_past_the_file_size_limit_rolls_back(live: Path, tmp_path: Path):
    with open_database(live):
        pass  # checkpointed and closed: the -wal is gone
    before = _payment_notes(live)
    csv = _plans_csv(tmp_path / "plans.csv", 400)
    limit = live.stat().st_size + 64 * 1024
    done = _tracker("--db", str(live), "import", str(csv), preexec=_limit_file_size(limit))
    _one_disk_full_line(done, live)
    with open_database(live) as db, db.engine.connect() as conn:
        conn.execution_options(read_only=True)
        assert conn.exec_driver_sql("PRAGMA quick_check").scalar_one() == "ok"
        assert conn.exec_driver_sql("SELECT name FROM plans").scalars().all() == ["小米14 Pro"]
    assert _payment_notes(live) == before


@pytest.fixture
def small_tmpfs(tmp_path: Path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mnt = tmp_path / "tmpfs"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    filler = folder / "filler"
    with filler.open("wb") as f:
        st = os.statvfs(folder)
        free = st.f_bavail * st.f_frsize
        with suppress(OSError):
            f.write(b"\0" * max(0, free - leave))


def test_first_run_on_a_full_tmpfs_says_disk_full(small_tmpfs: Path):
    _fill(small_tmpfs, leave=0)
    db = small_tmpfs / "tracker.sqlite3"
    _one_disk_full_line(_tracker("--db", str(db), "plan", "list"), db)
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["filler"]


def test_an_import_on_a_full_tmpfs_rolls_back(small_tmpfs: Path, tmp_path: Path, make_plan):
    db = small_tmpfs / "tracker.sqlite3"
    with open_database(db) as opened, opened.session() as s:
        s.add(make_plan())
    _fill(small_tmpfs, leave=48 * 1024)
    before = sha256(db)
    csv = _plans_csv(tmp_path / "plans.csv", 400)
    _one_disk_full_line(_tracker("--db", str(db), "import", str(csv)), db)
    assert sha256(db) == before  # the failed write went to the -wal and was discarded
    (small_tmpfs / "filler").unlink()
    assert "filler" not in listing(small_tmpfs)
    with open_database(db) as opened, opened.engine.connect() as conn:
        conn.execution_options(read_only=True)
        assert conn.exec_driver_sql("PRAGMA quick_check").scalar_one() == "ok"
        assert conn.exec_driver_sql("SELECT name FROM plans").scalars().all() == ["小米14 Pro"]


def test_a_stale_wal_on_read_only_media_is_refused_not_replayed(live: Path, tmp_path: Path):
    from tests.storage.readonly import mount_unavailable, read_only_mount

    reason = mount_unavailable()
    if reason:
        pytest.skip(reason)
    with open_database(live) as db:
        backup = db.backup(dest_dir=tmp_path)
    _kill_after_commit(live)
    shutil.copyfile(backup, live)
    before = listing(live.parent)
    try:
        mount = read_only_mount(live.parent, tmp_path / "media")
        folder = mount.__enter__()
    except Exception as exc:
        pytest.skip(f"cannot make a read-only bind mount: {exc}")
    try:
        with pytest.raises(StorageError, match="cannot be moved aside") as info:
            open_database(folder / live.name)
        assert "does not belong to the database" in str(info.value)
    finally:
        mount.__exit__(None, None, None)
    after = listing(live.parent)
    del after["media"]  # the mount point itself
    assert after == before  # the -wal is still there, the file unchanged
