"""The stdlib half of the connection settings: which files can be written, the read-only URI,
and SQLite failures turned into user-facing errors (``connection`` builds Engines on top).

Nothing here imports SQLAlchemy, so the start-up read path (``storage.quick_open``) can use it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import suppress
from pathlib import Path

from .errors import StorageIOError

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "make_private",
    "read_only_uri",
    "translate_sqlite_error",
    "wal_beside",
    "write_blocker",
]

BUSY_TIMEOUT_SECONDS = 5.0

# SQLite primary result codes (the low byte of an extended code).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3,
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    26,
)
# A write() failed (ENOSPC, EDQUOT, or EFBIG past RLIMIT_FSIZE), or the -shm could not grow.
_IOERR_WRITE, _IOERR_SHMSIZE = _IOERR | (3 << 8), _IOERR | (19 << 8)


def wal_beside(path: Path) -> bool:
    """Whether a ``-wal`` file sits beside ``path`` (it may hold committed changes)."""
    return os.path.lexists(f"{path}-wal")


def write_blocker(path: Path) -> str | None:
    """Why this process cannot write the existing file ``path``, or None when it can.

    "file" (the file is not writable: its mode, its owner, or a read-only medium) or "folder"
    (the file is, but no file can be created beside it, so no journal or ``-wal``/``-shm``:
    SQLite could not write safely).
    """
    effective = os.access in os.supports_effective_ids
    if not os.access(path, os.W_OK, effective_ids=effective):
        return "file"
    if not os.access(path.parent, os.W_OK | os.X_OK, effective_ids=effective):
        return "folder"
    return None


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` for reading only and creates nothing beside it:
    ``mode=ro``, and ``immutable=1`` when no ``-wal`` is there to read (a WAL-mode file would
    otherwise need to create ``-wal``/``-shm``)."""
    uri = path.absolute().as_uri() + "?mode=ro"
    return uri if wal_beside(path) else uri + "&immutable=1"


def translate_sqlite_error(error: BaseException, path: Path) -> StorageIOError | None:
    """A user-facing StorageIOError for a storage failure, or None for any other error."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(error, sqlite3.Error) or code is None:
        return None
    name = getattr(error, "sqlite_errorname", "") or f"SQLite error {code}"
    primary = code & 0xFF
    unsaved = "Nothing from this change was saved."
    if primary == _FULL:
        text = f"The disk is full: could not write to {path}. {unsaved} Free some space and retry."
    elif code in (_IOERR_WRITE, _IOERR_SHMSIZE):
        text = (
            f"The disk is full (or the file-size limit was reached): could not write to {path} "
            f"({name}). {unsaved} Free some space and retry."
        )
    elif primary == _IOERR:
        text = f"Could not read or write {path} ({name}: {error}). {unsaved}"
    elif primary in (_CORRUPT, _NOTADB):
        text = f"The database file {path} is damaged ({name}: {error}). {unsaved}"
    elif primary == _READONLY:
        text = (
            f"The database {path} is read-only (the file, its folder or the disk cannot be "
            f"written; {name}). {unsaved} It can still be read and exported."
        )
    elif primary in (_PERM, _CANTOPEN):
        text = f"Cannot open or write {path} ({name}: {error}). Check its permissions. {unsaved}"
    elif primary in (_BUSY, _LOCKED):
        text = (
            f"The database {path} stayed busy for more than {BUSY_TIMEOUT_SECONDS:g} s "
            f"(another program is using it). {unsaved}"
        )
    else:
        return None
    return StorageIOError(text, name)


def make_private(path: Path) -> None:
    """Our database (and its -wal/-shm) readable by its owner only, as a new one is: a file
    copied in or restored with another mode (0644) would show anyone on the machine a
    person's debts. Files owned by someone else are left alone."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with suppress(OSError):
            st = p.stat()
            if st.st_mode & 0o077 and (not hasattr(os, "getuid") or st.st_uid == os.getuid()):
                os.chmod(p, stat.S_IMODE(st.st_mode) & 0o700)
