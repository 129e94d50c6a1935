"""Restoring a backup: verify it on a private copy, keep the current data aside, then put the
backup's data into the live database through SQLite's backup API.

Why not copy the file over the database: a ``-wal`` left beside the database (another process
still has it open, or was killed) would be replayed over the copied file, bringing back
payments recorded after the backup. :func:`restore_backup` writes the backup's pages *into*
the live database with ``sqlite3.Connection.backup`` instead; SQLite takes the write lock for
it and every connection, in this process or another, reads the restored data afterwards.

Order (nothing is changed until the backup has verified):

1. the file is checked from its bytes (empty, not SQLite, another program's), copied to a
   private temp file in the backups folder (opened ``immutable=1``, so not a byte of the
   chosen file changes) and verified there: ``integrity_check``, ``foreign_key_check``, our
   ``application_id``, a schema revision this version knows (an older one is upgraded on
   the copy, a newer one refused);
2. the current database is backed up (label ``pre-restore``); if it cannot be used at all
   (damaged, another program's, a newer version's) it is renamed aside instead, with its
   -wal/-shm, to ``<stem>.damaged-<UTC stamp><suffix>``, never written to;
3. the verified copy goes into the live database (backup API) or, when the old file was
   set aside or there was none, is renamed into place (0600).
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .backup import fsync_directory, fsync_file
from .backups import ensure_backups_dir, take_backup
from .errors import StorageError
from .identity import APPLICATION_ID, SQLITE_HEADER, check_summary, inspect_database

__all__ = ["RestoreRefused", "Restored", "backup_taken_at", "restore_backup"]

_SIDECARS = ("-wal", "-shm", "-journal")
_STAMP = re.compile(r"\.backup-.+-(\d{8}T\d{6}Z)(?:-\d+)?\.sqlite3$")


class RestoreRefused(StorageError):
    """The chosen file cannot be restored; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did.

    Attributes:
        source: the backup file restored from (unchanged).
        taken_at: when the backup was taken (UTC, from its name), or None if its name does not
            say.
        plans: plans restored.
        payments: payments restored.
        revision: the backup's schema revision (before any upgrade of the copy).
        upgraded: whether the copy was upgraded from an older schema first.
        previous: the ``pre-restore`` backup of the data that was replaced, if any.
        set_aside: where an unusable database file was moved, if it was.
    """

    source: Path
    taken_at: datetime | None
    plans: int
    payments: int
    revision: str
    upgraded: bool
    previous: Path | None
    set_aside: Path | None


def backup_taken_at(path: Path) -> datetime | None:
    """When a backup was taken, from its name (``…backup-LABEL-YYYYmmddTHHMMSSZ.sqlite3``)."""
    match = _STAMP.search(path.name)
    if match is None:
        return None
    return datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def _refuse(source: Path, why: str) -> RestoreRefused:
    return RestoreRefused(f"{source} {why} Nothing was changed.")


def _check_source(source: Path, db_path: Path) -> bytes:
    """Refuse from names and bytes alone; return the file's 100-byte header."""
    if source == db_path or any(source == Path(f"{db_path}{s}") for s in _SIDECARS):
        raise _refuse(source, "is the database itself (or part of it), not a backup of it.")
    with suppress(OSError):
        if db_path.exists() and os.path.samefile(source, db_path):
            raise _refuse(source, "is the database itself, not a backup of it.")
    try:
        if not source.is_file():
            raise _refuse(source, "is not a file." if source.exists() else "does not exist.")
        if source.stat().st_size == 0:
            raise _refuse(source, "is empty (0 bytes); it is not a backup.")
        with source.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise _refuse(source, f"cannot be read ({e.strerror or e}).") from e
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise _refuse(source, "is not a backup (it is not a SQLite file).")
    app_id = int.from_bytes(header[68:72], "big", signed=True)
    if app_id != APPLICATION_ID:
        raise _refuse(
            source,
            f"is a database of another program (application id {app_id:#010x}), "
            "not an Installment Tracker backup.",
        )
    return header


def _remove(path: Path) -> None:
    for p in (path, *(Path(f"{path}{s}") for s in _SIDECARS)):
        with suppress(FileNotFoundError):
            p.unlink()


def _copy_source(source: Path, header: bytes, tmp: Path) -> None:
    """The source's data into the new file ``tmp``, without changing a byte of the source."""
    wal_mode = header[18] == 2 and Path(f"{source}-wal").exists()
    query = "?mode=ro" if wal_mode else "?mode=ro&immutable=1"  # a live file: read its WAL too
    uri = source.absolute().as_uri() + query
    with (
        closing(sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)) as src,
        closing(sqlite3.connect(tmp, isolation_level=None)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _verify(source: Path, tmp: Path) -> tuple[str, int, int]:
    """Check the copy; return (revision, plans, payments)."""
    with closing(sqlite3.connect(tmp, isolation_level=None)) as con:
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise _refuse(source, "is not an Installment Tracker backup.")
        check = [row[0] for row in con.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise _refuse(source, f"is damaged (integrity_check: {check_summary(check)}).")
        orphans = con.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            raise _refuse(
                source,
                f"is damaged: {len(orphans)} row(s) point at missing rows (first: "
                f"{tuple(orphans[0])}).",
            )
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        if not {"alembic_version", "plans", "payments"} <= names:
            raise _refuse(source, "has no Installment Tracker tables or no schema version.")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise _refuse(source, "has no schema version; it cannot be restored safely.")
        plans = con.execute("SELECT count(*) FROM plans").fetchone()[0]
        payments = con.execute("SELECT count(*) FROM payments").fetchone()[0]
    return str(row[0]), int(plans), int(payments)


def _prepare(source: Path, header: bytes, tmp: Path) -> tuple[str, bool, int, int]:
    """Copy, verify and (if older) upgrade the backup in ``tmp``."""
    from .migrate import head_revision, known_revisions, upgrade

    try:
        _copy_source(source, header, tmp)
        revision, plans, payments = _verify(source, tmp)
    except sqlite3.DatabaseError as e:
        raise _refuse(source, f"is damaged or cannot be read ({e}).") from e
    if revision not in known_revisions():
        raise _refuse(
            source,
            f"was written by a newer version of Installment Tracker (schema revision "
            f"{revision!r}); update the app to restore it.",
        )
    upgraded = revision != head_revision()
    if upgraded:
        upgrade(tmp, backup=False)
        with closing(sqlite3.connect(tmp, isolation_level=None)) as con:
            con.execute("PRAGMA journal_mode=DELETE")
    return revision, upgraded, plans, payments


def _usable(db_path: Path) -> bool:
    """Whether the current database can take a restore through the backup API."""
    if not os.path.lexists(db_path):
        return False
    try:
        inspect_database(db_path)
    except StorageError:
        if not db_path.is_file():
            raise
        return False
    return True


def _set_aside(db_path: Path, now: datetime) -> Path:
    """Rename an unusable database (and its -wal/-shm) aside; return its new name."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    n = 2
    while os.path.lexists(aside):
        aside = db_path.with_name(f"{db_path.stem}.damaged-{stamp}-{n}{db_path.suffix}")
        n += 1
    for suffix in ("-wal", "-shm", "-journal", ""):  # the main file last
        with suppress(FileNotFoundError):
            os.rename(f"{db_path}{suffix}", f"{aside}{suffix}")
    fsync_directory(db_path.parent)
    return aside


def _match_page_size(tmp: Path, db_path: Path) -> None:
    """A WAL database cannot change its page size: give the copy the live one's."""
    with closing(sqlite3.connect(db_path, isolation_level=None, timeout=5.0)) as live:
        size = live.execute("PRAGMA page_size").fetchone()[0]
    with closing(sqlite3.connect(tmp, isolation_level=None)) as con:
        if con.execute("PRAGMA page_size").fetchone()[0] != size:
            con.execute(f"PRAGMA page_size={int(size)}")
            con.execute("VACUUM")


def _into_live(tmp: Path, db_path: Path) -> None:
    """Write the copy's pages into the live database (SQLite locks it for the copy)."""
    _match_page_size(tmp, db_path)
    with (
        closing(sqlite3.connect(tmp, isolation_level=None)) as src,
        closing(sqlite3.connect(db_path, isolation_level=None, timeout=5.0)) as live,
    ):
        live.execute("PRAGMA busy_timeout=5000")
        live.execute("PRAGMA synchronous=FULL")
        src.backup(live)
        check = [row[0] for row in live.execute("PRAGMA quick_check")]
        if check != ["ok"]:  # pragma: no cover - the copy verified a moment ago
            raise StorageError(f"{db_path} failed quick_check after the restore: {check}")


def _into_place(tmp: Path, db_path: Path) -> None:
    fsync_file(tmp)
    os.chmod(tmp, 0o600)
    os.rename(tmp, db_path)
    fsync_directory(db_path.parent)


def restore_backup(db_path: Path, source: Path, *, now: datetime | None = None) -> Restored:
    """Replace the data of the database at ``db_path`` with the backup ``source``.

    Raises RestoreRefused (nothing changed) if ``source`` is not a sound backup this version
    can read, BackupError if the current data could not be backed up first (nothing
    changed), StorageError for other failures.
    """
    db_path, source = db_path.absolute(), source.expanduser().absolute()
    moment = now or datetime.now(UTC)
    header = _check_source(source, db_path)
    folder = ensure_backups_dir(db_path)
    tmp = folder / f".restore-{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        revision, upgraded, plans, payments = _prepare(source, header, tmp)
        previous = aside = None
        if _usable(db_path):
            previous = take_backup(db_path, "pre-restore", now=moment)
            _into_live(tmp, db_path)
        else:
            if os.path.lexists(db_path):
                aside = _set_aside(db_path, moment)
            _into_place(tmp, db_path)
    except OSError as e:
        raise StorageError(f"Could not restore {source} into {db_path}: {e.strerror or e}.") from e
    except sqlite3.Error as e:
        raise StorageError(f"Could not restore {source} into {db_path}: {e}.") from e
    finally:
        _remove(tmp)
    return Restored(
        source, backup_taken_at(source), plans, payments, revision, upgraded, previous, aside
    )
