"""Verified backups of a live database file.

Copying the ``.sqlite3`` file while a WAL connection is open can produce a file with no
tables, so :func:`backup_database` uses SQLite's online backup API instead, from one read
snapshot: copy to a temporary file beside the destination (created 0600), run
``quick_check`` on the copy and compare every table's row count with the source snapshot,
fsync, then ``os.replace`` it into ``<stem>.backup-<label>-<UTC timestamp>.sqlite3``.
A backup that fails verification is deleted and reported; it never looks like a good one.

``backups.take_backup`` calls it to write into the ``backups/`` folder beside the database and
rotate (before a migration, daily, before an import or a restore, and on "Back up now").
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from .errors import BackupError
from .identity import check_summary, connect_read_only

__all__ = ["backup_database", "fsync_directory", "fsync_file", "row_counts"]


def fsync_file(path: Path) -> None:
    """Flush a file's contents to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_directory(directory: Path) -> None:
    """Make a new or renamed entry in ``directory`` durable (no-op off POSIX)."""
    if os.name == "posix":
        fsync_file(directory)


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Rows in every table of the database behind ``con``."""
    tables = [
        row[0]
        for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    quoted = {t: '"' + t.replace('"', '""') + '"' for t in tables}
    return {t: con.execute(f"SELECT count(*) FROM {quoted[t]}").fetchone()[0] for t in tables}


def _destination(source: Path, dest_dir: Path, label: str, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{source.stem}.backup-{label}-{stamp}"
    candidate = dest_dir / f"{base}.sqlite3"
    n = 2
    while candidate.exists():
        candidate = dest_dir / f"{base}-{n}.sqlite3"
        n += 1
    return candidate


def _disk_full(e: BaseException) -> bool:
    """A backup that failed for want of space (ENOSPC, EFBIG, SQLITE_FULL, a short write)."""
    import errno

    if isinstance(e, OSError):
        return e.errno in (errno.ENOSPC, errno.EFBIG)
    code = getattr(e, "sqlite_errorcode", None)
    name = getattr(e, "sqlite_errorname", "") or ""
    return code is not None and (code & 0xFF == 13 or name == "SQLITE_IOERR_WRITE")


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with suppress(FileNotFoundError):
            p.unlink()


def _copy_and_verify(source: Path, tmp: Path) -> None:
    with closing(connect_read_only(source)) as src:
        src.execute("BEGIN")
        expected = row_counts(src)  # this read fixes the snapshot that backup() copies
        app_id = src.execute("PRAGMA application_id").fetchone()[0]
        with closing(sqlite3.connect(tmp, isolation_level=None)) as dst:
            src.backup(dst)
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
            check = [row[0] for row in dst.execute("PRAGMA quick_check")]
            if check != ["ok"]:
                raise BackupError(f"the copy failed quick_check: {check_summary(check)}")
            if (got := row_counts(dst)) != expected:
                raise BackupError(f"the copy has {got} rows, the database {expected}")
            if dst.execute("PRAGMA application_id").fetchone()[0] != app_id:
                raise BackupError("the copy lost the application id")


def backup_database(
    source: Path,
    *,
    label: str = "manual",
    dest_dir: Path | None = None,
    now: datetime | None = None,
    to: Path | None = None,
) -> Path:
    """Write a verified copy of the database ``source``; return the backup's path.

    The copy goes to ``dest_dir`` (default: beside ``source``; ``backups.take_backup`` passes
    the backups folder) as
    ``<stem>.backup-<label>-<YYYYmmddTHHMMSSZ>.sqlite3`` with mode 0600. Other connections may
    keep reading and writing meanwhile; the copy is one consistent snapshot.
    ``to`` names the file instead (the caller has checked it may be written).
    Raises BackupError (nothing left behind) if it cannot be written or does not verify.
    """
    source = source.absolute()
    if to is not None:
        final = to.absolute()
        dest_dir = final.parent
    else:
        dest_dir = (dest_dir or source.parent).absolute()
        final = _destination(source, dest_dir, label, now or datetime.now(UTC))
    tmp = dest_dir / f".{final.name}.{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        _copy_and_verify(source, tmp)
        fsync_file(tmp)
        os.replace(tmp, final)
        os.chmod(final, 0o600)
        fsync_directory(dest_dir)
    except (BackupError, OSError, sqlite3.Error) as e:
        _remove(tmp)
        if _disk_full(e):
            raise BackupError(
                f"The disk is full (or the file-size limit was reached): could not back up "
                f"{source} to {final}. Nothing was changed; free some space and retry."
            ) from e
        raise BackupError(f"Could not back up {source} to {final}: {e}.") from e
    return final
