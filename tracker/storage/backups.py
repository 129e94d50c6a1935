"""The backups folder: where automatic and manual backups live, how they are listed, and which
ones are kept.

Where: ``backups/`` beside the database (``~/.local/share/installment-tracker/backups/``),
created 0700; every backup is a 0600 file named
``<stem>.backup-<label>-<YYYYmmddTHHMMSSZ>.sqlite3`` (the time is UTC), written by
``backup.backup_database`` (online backup API → temp file → quick_check and row counts →
fsync → rename). Several databases may share a folder: each only sees and rotates files
starting with its own stem.

Labels: ``daily`` (the first start of the app, or the first write command of the CLI, on a
day), ``manual`` (Back up now, ``tracker backup``), ``import`` (before every import),
``pre-restore`` (the data a restore replaced) and the old schema revision (``0001``, …)
before a migration.

Rotation (:func:`rotate`, run after every backup written here):

- ``daily``: the 7 newest, plus the newest daily of each of the 4 most recent ISO weeks that
  have one (weekly backups), so about a month of history survives a week of daily use;
- every other label: its 10 newest;
- the newest backup that verifies (``quick_check``, ours) is never deleted, whatever its label;
- files that do not follow the naming scheme (copies a person put there) are never touched.

Reading a backup to list it never changes its bytes: it is opened ``immutable=1`` (backups
are single files in journal_mode=DELETE, so there is no -wal to miss).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from .backup import backup_database
from .errors import BackupError
from .identity import APPLICATION_ID, check_summary, connect_read_only

__all__ = [
    "BACKUPS_DIRNAME",
    "DAILY",
    "KEEP_DAILY",
    "KEEP_OTHER",
    "KEEP_WEEKLY",
    "BackupInfo",
    "backups_dir",
    "daily_backup_if_due",
    "ensure_backups_dir",
    "has_daily_backup_on",
    "list_backups",
    "newest_good_backup",
    "read_backup",
    "rotate",
    "take_backup",
]

BACKUPS_DIRNAME = "backups"
DAILY = "daily"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_OTHER = 10

_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file, as read (without changing it) for a list.

    Attributes:
        path: the file.
        taken_at: when it was written (UTC, from its name).
        label: why it was written: ``daily``, ``manual``, ``import``, ``pre-restore`` or the
            schema revision it was taken before a migration from.
        plans: plans in it (None when it cannot be read).
        payments: payments in it (None when it cannot be read).
        revision: its schema revision (None when it cannot be read).
        problem: why it cannot be restored (damaged, not ours), or None when it verifies.
    """

    path: Path
    taken_at: datetime
    label: str
    plans: int | None
    payments: int | None
    revision: str | None
    problem: str | None

    @property
    def ok(self) -> bool:
        """Whether the file verified (ours, quick_check ok, counts read)."""
        return self.problem is None


def backups_dir(db_path: Path) -> Path:
    """The backups folder of the database at ``db_path`` (it may not exist yet)."""
    return db_path.absolute().parent / BACKUPS_DIRNAME


def ensure_backups_dir(db_path: Path) -> Path:
    """The backups folder, created 0700 if missing (an existing one is left as it is)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        old = os.umask(0o077)
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        finally:
            os.umask(old)
        os.chmod(folder, 0o700)
    return folder


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(stem)}\.backup-(?P<label>.+)-(?P<stamp>\d{{8}}T\d{{6}}Z)"
        r"(?:-(?P<n>\d+))?\.sqlite3$"
    )


def _parse(pattern: re.Pattern[str], name: str) -> tuple[str, datetime, int] | None:
    """(label, taken_at, n) from a backup's name; n orders backups of the same second."""
    match = pattern.match(name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return match["label"], taken, int(match["n"] or 1)


def _named_backups(db_path: Path, folders: Iterable[Path]) -> list[tuple[Path, str, datetime]]:
    """(path, label, taken_at) of every backup of ``db_path`` in ``folders``, newest first."""
    pattern = _name_pattern(db_path.stem)
    found: list[tuple[tuple[datetime, int, int], Path, str, datetime]] = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:  # no folder (yet), or not readable
            continue
        for entry in entries:
            parsed = _parse(pattern, entry.name)
            if parsed is None:
                continue
            try:  # another process may rotate it away meanwhile
                if not entry.is_file():
                    continue
                mtime = entry.stat().st_mtime_ns
            except OSError:
                continue
            label, taken, n = parsed
            found.append(((taken, n, mtime), Path(entry.path), label, taken))
    found.sort(key=lambda t: t[0], reverse=True)
    return [(p, label, taken) for _order, p, label, taken in found]


def read_backup(path: Path) -> tuple[int, int, str | None]:
    """(plans, payments, schema revision) of a backup, read without changing a byte of it.

    Raises sqlite3.Error or ValueError (with a readable message) if it is not a sound
    Installment Tracker database.
    """
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as con:
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise ValueError("not an Installment Tracker database")
        check = [row[0] for row in con.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise ValueError(f"damaged (quick_check: {check_summary(check)})")
        plans = con.execute("SELECT count(*) FROM plans").fetchone()[0]
        payments = con.execute("SELECT count(*) FROM payments").fetchone()[0]
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return int(plans), int(payments), (row[0] if row else None)


def _info(path: Path, label: str, taken: datetime) -> BackupInfo:
    try:
        plans, payments, revision = read_backup(path)
    except (sqlite3.Error, ValueError, OSError) as e:
        return BackupInfo(path, taken, label, None, None, None, str(e) or type(e).__name__)
    return BackupInfo(path, taken, label, plans, payments, revision, None)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of the database at ``db_path``, newest first, each read and verified.

    Looks in the backups folder and, for files written by older versions, beside the
    database. Creates nothing and changes no file.
    """
    folders = [backups_dir(db_path), db_path.absolute().parent]
    return [_info(p, label, taken) for p, label, taken in _named_backups(db_path, folders)]


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that verifies, or None (reads newest first, stops at the first good)."""
    folders = [backups_dir(db_path), db_path.absolute().parent]
    for p, label, taken in _named_backups(db_path, folders):
        info = _info(p, label, taken)
        if info.ok:
            return info
    return None


def rotate(db_path: Path) -> list[Path]:
    """Delete the backups the policy (module docstring) no longer keeps; return them."""
    named = _named_backups(db_path, [backups_dir(db_path)])
    keep: set[Path] = set()
    by_label: dict[str, list[tuple[Path, datetime]]] = defaultdict(list)
    for p, label, taken in named:  # newest first
        by_label[label].append((p, taken))
    for label, items in by_label.items():
        if label != DAILY:
            keep.update(p for p, _ in items[:KEEP_OTHER])
            continue
        keep.update(p for p, _ in items[:KEEP_DAILY])
        weeks: list[tuple[int, int]] = []
        for p, taken in items:
            week = taken.isocalendar()[:2]
            if week not in weeks:
                weeks.append(week)
                keep.add(p)  # the newest daily of this week
                if len(weeks) == KEEP_WEEKLY:
                    break
    for p, label, taken in named:  # the newest good backup survives any rule
        if _info(p, label, taken).ok:  # usually the first: the backup just written
            keep.add(p)
            break
    removed = []
    for p, _label, _taken in named:
        if p not in keep:
            with suppress(FileNotFoundError):
                p.unlink()
                removed.append(p)
    return removed


def take_backup(db_path: Path, label: str, *, now: datetime | None = None) -> Path:
    """Write a verified backup of ``db_path`` into its backups folder, then rotate.

    Raises BackupError (nothing left behind) if it cannot be written or does not verify.
    """
    try:
        folder = ensure_backups_dir(db_path)
    except OSError as e:
        raise BackupError(
            f"Could not create the backups folder {backups_dir(db_path)}: {e.strerror or e}."
        ) from e
    made = backup_database(db_path, label=label, dest_dir=folder, now=now)
    rotate(db_path)
    return made


def has_daily_backup_on(db_path: Path, day: date, tz: tzinfo | None = None) -> bool:
    """Whether a daily backup was taken on ``day`` (local time, or ``tz``); names only."""
    for _p, _label, taken in _named_backups(db_path, [backups_dir(db_path)]):
        if _label == DAILY and taken.astimezone(tz).date() == day:
            return True
    return False


def _has_plans(db_path: Path) -> bool:
    try:
        with closing(connect_read_only(db_path, ours=True)) as con:
            return con.execute("SELECT 1 FROM plans LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return True  # let the backup itself report what is wrong


def daily_backup_if_due(
    db_path: Path, *, now: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> Path | None:
    """Take today's ``daily`` backup unless there is one, or the database has no plans yet
    (nothing to lose); return the file written, or None. The check reads only file names.

    Raises BackupError when a backup is due but cannot be written.
    """
    moment = now()
    if has_daily_backup_on(db_path, moment.astimezone().date()):
        return None
    if not _has_plans(db_path):
        return None
    return take_backup(db_path, DAILY, now=moment)
