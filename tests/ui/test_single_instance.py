"""One app per database file, with real processes (offscreen): a second launch on the same file
brings the first forward and exits 0; another file opens normally; a killed app's lock and
socket do not block the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from tracker.storage import engine
from tracker.ui import single_instance
from tracker.ui.single_instance import database_path, instance_key

SCRIPT = "import sys; from tracker.app import run_gui; sys.exit(run_gui(sys.argv[1]))"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="QLockFile layout checked on Linux")


def _start(db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )


def _wait_until_owner(db: Path, proc: subprocess.Popen[str], limit: float = 90) -> None:
    """Until ``proc`` holds the file's lock and listens (polling, with a generous limit)."""
    key = instance_key(db.absolute())
    lock = Path(QDir.tempPath()) / f"{key}.lock"
    sock = Path(QDir.tempPath()) / key
    end = time.monotonic() + limit
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()
        try:
            owner = lock.read_text().split("\n", 1)[0]
        except OSError:
            owner = ""
        if owner == str(proc.pid) and sock.exists() and db.exists():
            time.sleep(0.5)  # let it reach its event loop
            return
        time.sleep(0.2)
    raise AssertionError("the app never took the database")


def _second(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )


def _stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.communicate(timeout=60)


def test_second_launch_hands_over_other_file_opens_and_kill_9_recovers(tmp_path: Path) -> None:
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    first = _start(one)
    started: list[subprocess.Popen[str]] = [first]
    try:
        _wait_until_owner(one, first)
        again = _second(one)
        assert again.returncode == 0
        assert "already running with this database; its window was brought forward" in (
            again.stderr
        )
        other = _start(two)  # another --db opens normally next to the first
        started.append(other)
        _wait_until_owner(two, other)
        assert first.poll() is None and other.poll() is None

        _stop(first, signal.SIGKILL)  # its lock file and socket stay behind
        after = _start(one)
        started.append(after)
        _wait_until_owner(one, after)  # took over the stale lock
        assert _second(one).returncode == 0
        assert after.poll() is None
    finally:
        for proc in started:
            _stop(proc)


def test_key_follows_the_file_not_the_spelling(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = database_path("x.sqlite3", {})
    assert a == tmp_path / "x.sqlite3"
    assert instance_key(a) == instance_key(database_path(f"sqlite:///{tmp_path}/x.sqlite3", {}))
    assert instance_key(a) != instance_key(database_path("y.sqlite3", {}))
    assert database_path(None, {"TRACKER_DB": str(tmp_path / "env.db")}) == tmp_path / "env.db"
    assert database_path(None, {}, saved=str(tmp_path / "s.db")) == tmp_path / "s.db"
    assert database_path(None, {}) == engine.default_db_path()
    assert (single_instance.APP_NAME, single_instance.DB_FILENAME) == (
        engine.APP_NAME,
        engine.DB_FILENAME,
    )
