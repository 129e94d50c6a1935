"""Is this file ours? Checks an existing database file without changing it.

``sqlite3.connect()`` succeeds on any file and a zero-length file even passes
``integrity_check``, so a careless open would turn a lost or foreign file into an empty
database. Before anything writes to an existing file, :func:`inspect_database` reads it
through a read-only connection and refuses it unless it is an Installment Tracker database
(``PRAGMA application_id`` = :data:`APPLICATION_ID`) that passes ``PRAGMA quick_check``.

The one exception: a SQLite file with application_id 0 and no schema at all has nothing in it
to lose, so it may be adopted.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from contextlib import closing, suppress
from pathlib import Path

from . import verified
from .errors import ForeignDatabaseError, StorageError
from .sqlite_files import read_only_uri

__all__ = [
    "APPLICATION_ID",
    "SQLITE_HEADER",
    "check_summary",
    "connect_read_only",
    "inspect_database",
]

#: ``PRAGMA application_id`` of every Installment Tracker database: the ASCII bytes "FQJZ",
#: the initials of 分期记账 (fēn qī jì zhàng). It sits at offset 68 of the file header, so
#: ``file(1)`` and other tools can recognise the file. Never change it.
APPLICATION_ID = 0x46514A5A

SQLITE_HEADER = b"SQLite format 3\x00"

_UNCHANGED = "Nothing was changed."


def connect_read_only(
    path: Path, *, ours: bool = False, read_only: bool = False
) -> sqlite3.Connection:
    """A connection to the existing file ``path`` that is only used to read.

    ``read_only=True`` (a file this process cannot write: ``connection.write_blocker``) opens
    it with ``connection.read_only_uri``, which creates nothing beside it.

    For a file whose header already carries our application_id the connection is opened
    ``mode=rw`` (never creating anything): a ``mode=ro`` connection cannot take part in WAL
    properly and fails with "disk I/O error" when another process of ours checkpoints and
    closes at the same moment. Any other file is opened ``mode=ro`` so nothing can change it.
    """
    if read_only:
        uri = read_only_uri(path)
    else:
        uri = path.absolute().as_uri() + ("?mode=rw" if ours else "?mode=ro")
    con = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
    con.execute("PRAGMA busy_timeout=5000")
    return con


def check_summary(rows: list[str], limit: int = 3) -> str:
    """A short text of ``quick_check`` output (it can run to hundreds of lines)."""
    lines = [line for row in rows for line in str(row).splitlines() if line.strip()]
    more = f" (+{len(lines) - limit} more)" if len(lines) > limit else ""
    return "; ".join(lines[:limit]) + more


def _refuse(path: Path, why: str) -> ForeignDatabaseError:
    return ForeignDatabaseError(
        f"{path} {why} Installment Tracker will not use it. {_UNCHANGED} "
        "Choose another file, or move this one away to start a new database."
    )


def _refuse_other_program(path: Path, app_id: int, objects: str) -> ForeignDatabaseError:
    return _refuse(
        path,
        f"is a SQLite database of another program (application id {app_id:#010x}{objects}), "
        "not an Installment Tracker database.",
    )


def _check_file(path: Path) -> int:
    """Refuse, from the bytes alone, what is plainly not ours (SQLite never opens it)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, "is not a regular file.")
        if info.st_size == 0:
            raise _refuse(
                path,
                "is empty (0 bytes): it may be a database that was lost or truncated, "
                "and it was not created by Installment Tracker.",
            )
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise StorageError(f"Cannot read {path}: {e.strerror or e}. {_UNCHANGED}") from e
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise _refuse(path, "is not a database (it is not a SQLite file).")
    app_id = int.from_bytes(header[68:72], "big", signed=True)
    if app_id not in (0, APPLICATION_ID):
        raise _refuse_other_program(path, app_id, "")
    return app_id


def _remove_new_sidecars(path: Path, existed: set[Path]) -> None:
    """Delete the empty -wal/-shm files our read-only look at a refused file created."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal in existed or shm in existed:
        return
    with suppress(OSError):
        if wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if not wal.exists():
            shm.unlink(missing_ok=True)


def inspect_database(path: Path, *, read_only: bool = False) -> str | None:
    """Check that the existing file ``path`` is ours and sound; return its schema revision.

    Returns the Alembic revision stored in the file, or None if it has no schema yet (an
    empty SQLite file that may be adopted). Raises ForeignDatabaseError if the file is not
    ours or is damaged, StorageError if it cannot be read. Never writes to the file.
    ``read_only=True`` reads a file this process cannot write without creating anything.
    A file of ours unchanged since it last passed (``storage.verified``) is not read again.
    """
    header_id = _check_file(path)
    before = verified.file_state(path)
    if header_id == APPLICATION_ID:
        known, revision = verified.known_revision(path, before)
        if known:  # unchanged since it last passed every check below
            return revision
    existed = {p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()}
    try:
        for attempt in range(3):
            try:
                revision = _inspect(path, ours=header_id == APPLICATION_ID, read_only=read_only)
                break
            except _TransientRead:
                time.sleep(0.05 * (attempt + 1))
        else:
            revision = _inspect(
                path, ours=header_id == APPLICATION_ID, read_only=read_only, retry=False
            )
    except StorageError:
        if header_id != APPLICATION_ID:  # our own file's -wal/-shm may be another process's
            _remove_new_sidecars(path, existed)
        raise
    if header_id == APPLICATION_ID:
        verified.remember(path, before, revision)
    return revision


class _TransientRead(Exception):
    """A short read while another process was checkpointing: worth one more look."""


def _inspect(path: Path, *, ours: bool, read_only: bool, retry: bool = True) -> str | None:
    try:
        with closing(connect_read_only(path, ours=ours, read_only=read_only)) as con:
            con.execute("BEGIN")  # one consistent snapshot for every check below
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            names = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if app_id != APPLICATION_ID and (app_id != 0 or names):
                raise _refuse_other_program(path, app_id, f", {len(names)} tables/indexes")
            problems = [row[0] for row in con.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise _refuse(path, f"is damaged (quick_check: {check_summary(problems)}).")
            revision = None
            if "alembic_version" in names:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            if revision is None and "plans" in names:
                raise _refuse(
                    path,
                    "has Installment Tracker tables but no schema version (its alembic_version "
                    "row is missing), so it cannot be upgraded safely. Restore a backup "
                    "(tracker restore --list shows the ones in the backups folder beside it).",
                )
            con.execute("COMMIT")
            return revision
    except sqlite3.DatabaseError as e:
        if retry and getattr(e, "sqlite_errorname", "") == "SQLITE_IOERR_SHORT_READ":
            raise _TransientRead from e
        if (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF in (11, 26):  # CORRUPT, NOTADB
            raise _refuse(path, f"is damaged or not a database ({e}).") from e
        raise StorageError(f"Cannot read {path}: {e}. {_UNCHANGED}") from e
