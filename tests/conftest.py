"""Test-wide setup: headless Qt, a sandboxed data dir, reproducible Hypothesis.

- Qt runs on the offscreen platform unless the caller chose one (e.g. `xcb` under Xvfb).
- No test may touch the user's real data: `TRACKER_DB`, the XDG dirs and `HOME` point into a
  temporary directory, first for the whole session (so imports at collection time are covered),
  then per test into that test's own `tmp_path`.
- Hypothesis uses the "ci" profile by default (no deadline, 100 examples, derandomized so a CI
  run is reproducible). Pick another with `HYPOTHESIS_PROFILE=dev` or `=thorough`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Variables that decide where the app (platformdirs, QStandardPaths, QSettings) keeps files.
_SANDBOXED_DIRS = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


def _keep_real_cache_dir() -> None:
    """Pin the cache dir before HOME moves, so matplotlib's font cache is built once, not per run.

    A cache holds nothing of the user's; everything else stays sandboxed.
    """
    if "XDG_CACHE_HOME" not in os.environ:
        os.environ["XDG_CACHE_HOME"] = str(Path.home() / ".cache")


def _point_env_at(root: Path) -> dict[str, str]:
    """Return the environment that keeps the app's files under `root`."""
    env = {name: str(root / name.lower()) for name in _SANDBOXED_DIRS}
    env["HOME"] = str(root / "home")
    env["TRACKER_DB"] = str(root / "tracker.db")
    env["TRACKER_CACHE_DIR"] = str(root / "tracker-cache")  # storage.verified's record
    for name in (*_SANDBOXED_DIRS, "HOME"):
        Path(env[name]).mkdir(parents=True, exist_ok=True)
    return env


# Session-wide sandbox, active from import time on (covers module-level code run at collection).
_keep_real_cache_dir()
_SESSION_ROOT = Path(tempfile.mkdtemp(prefix="tracker-tests-"))
atexit.register(shutil.rmtree, _SESSION_ROOT, ignore_errors=True)
os.environ.update(_point_env_at(_SESSION_ROOT))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Give every test its own empty data/config dirs and database path under `tmp_path`.

    Yields the sandbox root; `os.environ["TRACKER_DB"]` is the database file (not yet created).
    """
    root = tmp_path / "user"
    for name, value in _point_env_at(root).items():
        monkeypatch.setenv(name, value)
    yield root


settings.register_profile("ci", deadline=None, max_examples=100, derandomize=True)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.register_profile("thorough", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
