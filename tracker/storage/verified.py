"""Files already checked: skip ``quick_check`` on a database unchanged since it last passed.

``identity.inspect_database`` runs ``PRAGMA quick_check`` before any use of a file, which reads
every page: 60 ms for a 1,000-plan ledger, ten times that for 10,000 plans, on every
``tracker due``. A file that passed and has not been touched since cannot have failed since
(short of the disk itself going bad, which ``quick_check`` at open does not guard against
either), so each pass is remembered with the file's state, and an identical state skips the
next check.

The state is what the file system says of the file and of its ``-wal``: device, inode, size,
modification and change times in nanoseconds (the change time cannot be set back by any
program, so a file that was written, copied over or touched never matches). A state whose
times are within :data:`SETTLE_S` of now (:data:`COARSE_SETTLE_S` on a file system with
whole-second times) is not remembered, since a write in the same clock tick could leave the
times as they were; nor is one that changed while it was being checked.

The record is a cache: ``verified.txt`` in the user's cache folder, at most
:data:`MAX_ENTRIES` files, replaced atomically; when it cannot be read or written the check
simply runs. It holds paths and numbers only.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import suppress
from pathlib import Path

__all__ = ["FileState", "file_state", "known_revision", "remember"]

SETTLE_S = 0.05
"""A file changed less than this many seconds ago is not remembered as checked (several
ticks of the kernel clock that stamps file times)."""

COARSE_SETTLE_S = 2.1
"""The same for a file system with whole-second time stamps (FAT keeps two-second ones)."""

MAX_ENTRIES = 32
"""How many files the record keeps (the most recently checked)."""

CACHE_FILE = "verified.txt"

FileState = list[int]
"""The state of a database and its ``-wal`` (see the module docstring), JSON-ready."""


def cache_path() -> Path:
    """``verified.txt`` in ``$TRACKER_CACHE_DIR`` if set (the tests' sandbox), else the user's
    cache folder (as platformdirs' ``user_cache_dir``, which costs start-up time to import)."""
    own = os.environ.get("TRACKER_CACHE_DIR")
    if own:
        return Path(own) / CACHE_FILE
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "InstallmentTracker" / "Cache" / CACHE_FILE
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "InstallmentTracker" / CACHE_FILE
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "InstallmentTracker" / CACHE_FILE


def file_state(path: Path) -> FileState | None:
    """The state of ``path`` and its ``-wal`` (an empty or missing one counts as none), or None
    when it cannot be read."""
    try:
        main = os.stat(path)
    except OSError:
        return None
    state = [main.st_dev, main.st_ino, main.st_size, main.st_mtime_ns, main.st_ctime_ns]
    try:
        wal = os.stat(f"{path}-wal")
    except FileNotFoundError:
        return state
    except OSError:
        return None
    if wal.st_size:
        state += [wal.st_ino, wal.st_size, wal.st_mtime_ns, wal.st_ctime_ns]
    return state


def _key(path: Path) -> str:
    return str(path.absolute())


_NONE = "-"  # the revision of a file with no schema yet


def _load() -> dict[str, tuple[FileState, str | None]]:
    """The record: one line per file, ``revision<TAB>state numbers<TAB>path`` (no ``json``
    import: this is read at every start)."""
    try:
        text = cache_path().read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    found: dict[str, tuple[FileState, str | None]] = {}
    for line in text.splitlines():
        try:
            revision, numbers, path = line.split("\t", 2)
            state = [int(n) for n in numbers.split(",")]
        except ValueError:
            continue  # a damaged line is no record
        found[path] = (state, None if revision == _NONE else revision)
    return found


def known_revision(path: Path, state: FileState | None) -> tuple[bool, str | None]:
    """``(True, revision)`` when ``path`` in ``state`` passed the checks before (its schema
    revision then, None for a file with no schema yet), else ``(False, None)``."""
    if state is None:
        return False, None
    entry = _load().get(_key(path))
    if entry is None or entry[0] != state:
        return False, None
    return True, entry[1]


def remember(path: Path, before: FileState | None, revision: str | None) -> None:
    """Note that ``path`` passed the checks in state ``before`` (taken before they ran), with
    schema ``revision``: only when its state is still ``before`` and settled. Never raises."""
    key = _key(path)
    if before is None or "\n" in key or "\r" in key or file_state(path) != before:
        return
    times = [before[3], before[4], *before[7:9]]
    coarse = all(t % 1_000_000_000 == 0 for t in times)
    if time.time() - max(times) / 1e9 < (COARSE_SETTLE_S if coarse else SETTLE_S):
        return
    if revision is not None and not revision.isalnum():
        return
    with suppress(OSError, ValueError):
        data = _load()
        data.pop(key, None)
        data[key] = (before, revision)
        while len(data) > MAX_ENTRIES:
            data.pop(next(iter(data)))
        lines = [
            f"{rev or _NONE}\t{','.join(map(str, state))}\t{where}\n"
            for where, (state, rev) in data.items()
        ]
        target = cache_path()
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(lines))
        os.replace(tmp, target)
