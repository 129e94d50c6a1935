"""Opening the database file: find it, refuse anything that is not ours, create it privately,
upgrade it after a verified backup, and hand out one transaction per user action.

- Where: :func:`resolve_target` picks ``--db``, else ``$TRACKER_DB``, else
  :func:`default_db_path` (``tracker.sqlite3`` in the platform's user data folder).
- Refuse: an existing file is inspected read-only first (``identity.inspect_database``): not
  SQLite, another program's database, a damaged file, and a zero-length file are refused with
  :class:`ForeignDatabaseError` and left untouched. A lost database never silently becomes an
  empty one: only a path that does not exist is created.
- Create: a new database is built under umask 0o077 (folder 0700, file 0600) in a temporary
  file beside the target, stamped with ``APPLICATION_ID`` and migrated to head, then
  hard-linked into place; so the target path either does not exist or is a complete database.
- Upgrade: an existing file behind the newest revision is migrated (``migrate.upgrade``:
  verified backup first, foreign keys off, foreign_key_check after, one transaction).
- Read-only: an existing file this process cannot write (its mode or owner, a read-only
  folder, a read-only disk; ``connection.write_blocker``) is opened for reading only and
  creates nothing beside it; every write is refused with :class:`ReadOnlyDatabaseError`
  (``Database.read_only``). Reading a file never changes its bytes: a backup in
  rollback-journal mode stays so until something writes to it.
- Stale ``-wal``: a ``-wal`` beside a file whose header says rollback-journal mode cannot be
  its own (a backup copied over the database while the old ``-wal`` stayed), and SQLite would
  replay it into the file. It is moved aside to ``NAME-wal.stale-<UTC stamp>`` before SQLite
  opens the file, and ``Database.upgrade_notes["stale_wal"]`` says where. A ``-wal`` beside a
  WAL-mode file (left by a killed process) is SQLite's to recover, and it does.
- Use: :class:`Database` holds the engine and a session factory; ``with db.session() as s:``
  is one transaction. There is no module-level engine or session.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from .backup import backup_database, fsync_directory, fsync_file
from .connection import make_engine, sqlite_url, write_blocker
from .derived import DERIVED_REV, refresh, refresh_stale
from .errors import ForeignDatabaseError, ReadOnlyDatabaseError, StorageError
from .ics_events import WRITE_DATE
from .ics_events import sync as sync_ics_events
from .identity import APPLICATION_ID, SQLITE_HEADER, inspect_database
from .migrate import MIGRATIONS_DIR, check_revision_known, head_revision, upgrade
from .models import SCHEMA_REVISION, InstallmentRecord, PaymentRecord, PlanRecord
from .schema_version import STALE_SQL
from .sqlite_files import make_private

T = TypeVar("T")

__all__ = [
    "APPLICATION_ID",
    "DB_FILENAME",
    "ENV_VAR",
    "Database",
    "ForeignDatabaseError",
    "ReadOnlyDatabaseError",
    "StorageError",
    "default_db_path",
    "open_database",
    "resolve_target",
]

APP_NAME = "installment-tracker"
DB_FILENAME = "tracker.sqlite3"
ENV_VAR = "TRACKER_DB"

_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def default_db_path() -> Path:
    """``tracker.sqlite3`` in the user data folder (e.g. ``~/.local/share/installment-tracker``)."""
    import platformdirs  # only when no --db/TRACKER_DB is given: it costs start-up time

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def _path_from_url(url: str) -> Path:
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StorageError(f"Not a valid database URL: {url!r} ({e}).") from e
    if parsed.drivername not in ("sqlite", "sqlite+pysqlite"):
        raise StorageError(f"Only SQLite database files are supported, not {url!r}.")
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise StorageError(f"{url!r} is not a database file path; give sqlite:///path/to/file.")
    if parsed.query:
        raise StorageError(f"Options in the database URL are not supported: {url!r}.")
    return Path(database).expanduser().absolute()


def _target_path(target: str | Path) -> Path:
    if isinstance(target, str) and _URL_SCHEME.match(target):
        return _path_from_url(target)
    if not str(target).strip():
        raise StorageError("The database path is empty.")
    return Path(target).expanduser().absolute()


def database_path(target: str | Path) -> Path:
    """The absolute file path of ``target`` (a path or a ``sqlite:///`` URL), without opening it."""
    return _target_path(target)


def resolve_target(db: str | None, env: Mapping[str, str]) -> str:
    """The database to use, as an absolute ``sqlite:///`` URL.

    ``db`` (the ``--db`` option) wins, then ``env["TRACKER_DB"]`` (ignored when empty), then
    :func:`default_db_path`. Each may be a filesystem path (``~`` expanded, relative paths
    taken from the current folder) or a ``sqlite:///`` URL. Raises StorageError for an empty
    ``--db``, a non-SQLite URL or an in-memory database.
    """
    if db is not None:
        if not db.strip():
            raise StorageError("The --db option is empty; give a file path or a sqlite:/// URL.")
        raw = db
    else:
        raw = env.get(ENV_VAR, "")
        if not raw.strip():
            return sqlite_url(default_db_path())
    return sqlite_url(_target_path(raw))


class Database:
    """An open database file: its Engine and a session factory (one per file per process).

    ``with db.session() as session:`` is one transaction (BEGIN IMMEDIATE): committed when the
    block ends, rolled back if it raises. Objects read in it stay usable afterwards
    (``expire_on_commit=False``). Close it (or use ``with open_database(...) as db:``) to
    release the file.
    """

    def __init__(self, engine: Engine, path: Path, read_only_reason: str | None = None) -> None:
        self.engine = engine
        self.path = path
        #: None for a database this process can change; else why it was opened read-only:
        #: "file" (the file cannot be written) or "folder" (nothing can be created beside it).
        self.read_only_reason = read_only_reason
        #: What a schema upgrade on opening reported for the user (see ``migrate.upgrade``).
        self.upgrade_notes: dict[str, object] = {}
        #: The date of a write whose service does not give its ``as_of`` (the calendar feed's
        #: revisions count from it: ``storage.ics_events``); tests replace it.
        self.today: Callable[[], date] = date.today
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._reads = sessionmaker(
            bind=engine.execution_options(read_only=True), expire_on_commit=False
        )
        event.listen(self._sessions, "after_flush", _note_touched_plans)
        event.listen(self._sessions, "before_commit", _refresh_touched_plans)

    @property
    def read_only(self) -> bool:
        """Whether the file was opened for reading only (every write is refused)."""
        return self.read_only_reason is not None

    def read_only_message(self) -> str:
        """The one line that refuses a change to a read-only database."""
        if self.read_only_reason == "folder":
            why = f"its folder {self.path.parent} cannot be written"
        else:
            why = "the file cannot be written: its permissions, or a read-only disk"
        return (
            f"The database {self.path} is read-only ({why}). It can be read and exported, "
            "but not changed; nothing was saved. To change it, copy it to a folder you can "
            "write to and open the copy."
        )

    def check_writable(self) -> None:
        """Raise ReadOnlyDatabaseError (the one-line refusal) on a read-only file."""
        if self.read_only_reason is not None:
            raise ReadOnlyDatabaseError(self.read_only_message())

    @property
    def url(self) -> str:
        """The ``sqlite:///`` URL of the file."""
        return sqlite_url(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any exception.

        Raises ReadOnlyDatabaseError at once (nothing read or written) on a read-only file."""
        self.check_writable()
        with self._sessions() as session, session.begin():
            session.info[WRITE_DATE] = self.today()
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """One read-only transaction: a snapshot that never takes the write lock (so it neither
        waits for nor blocks a writer in another process). Anything it would write is refused."""
        with self._reads() as session, session.begin():
            yield session
            if session.new or session.dirty or session.deleted:
                raise RuntimeError("a read-only session tried to write")  # pragma: no cover

    def run(self, read: Callable[[sqlite3.Connection], T]) -> T:
        """``read(con)`` on this database's own DB-API connection inside one read transaction
        (``read_session``): the plain-SQL reads (``storage.sql_reads``) take the same
        connection type here as on the start-up path (``quick_open.ReadConnection.run``)."""
        with self.read_session() as s:
            return read(s.connection().connection.driver_connection)

    def backup(self, dest_dir: Path | None = None, label: str = "manual") -> Path:
        """Write a verified backup now into the backups folder (``backups.take_backup``, which
        also rotates) or into ``dest_dir``; return its path."""
        if dest_dir is None:
            from .backups import take_backup

            return take_backup(self.path, label)
        return backup_database(self.path, label=label, dest_dir=dest_dir)

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL into the file)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"


def _note_touched_plans(session: Session, _context: object) -> None:
    """Remember which plans a flush wrote to (their rows, installments or payments)."""
    touched: set[int] = session.info.setdefault("touched_plans", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, PlanRecord):
            touched.add(obj.id)
        elif isinstance(obj, InstallmentRecord | PaymentRecord):
            touched.add(obj.plan_id)


def _refresh_touched_plans(session: Session) -> None:
    """Before a commit: bring the derived columns and the calendar-feed rows of every touched
    plan up to date, so no write can leave them stale (the same transaction commits both)."""
    session.flush()
    touched = session.info.pop("touched_plans", set())
    if touched:
        conn = session.connection()
        refresh(conn, touched)
        sync_ics_events(conn, touched, session.info.get(WRITE_DATE) or date.today())


def _missing_folders(folder: Path) -> list[Path]:
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_quietly(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with suppress(OSError):
            p.unlink()


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def _cannot_create(path: Path, e: OSError) -> StorageError:
    """Why a new database could not be created at ``path`` (never the temporary file's name)."""
    if e.errno in _FULL_ERRNOS:
        why = "the disk is full (or the file-size limit was reached); free some space and retry"
    elif e.errno in _DENIED_ERRNOS:
        why = f"its folder {path.parent} is read-only or not yours ({e.strerror})"
    else:
        why = str(e.strerror or e)
    return StorageError(f"Cannot create the database {path}: {why}. Nothing was created.")


def _create_new(path: Path, migrations_dir: Path) -> bool:
    """Create a complete new database at ``path``; False if another process created it first."""
    tmp = path.with_name(f".{path.name}.new-{secrets.token_hex(4)}")
    # New folders 0700, new file 0600; SQLite gives -wal/-shm the database file's mode.
    old_umask = os.umask(0o077)
    try:
        missing = _missing_folders(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in missing:
            os.chmod(folder, 0o700)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as e:
        raise _cannot_create(path, e) from e
    finally:
        os.umask(old_umask)
    try:
        made = _from_template(tmp) if migrations_dir == MIGRATIONS_DIR else False
        if not made:
            upgrade(tmp, migrations_dir=migrations_dir, backup=False, shown=path)
        fsync_file(tmp)
        try:
            os.link(tmp, path)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            return False
        except OSError:  # a filesystem without hard links
            if os.path.lexists(path):
                return False
            os.rename(tmp, path)
        fsync_directory(path.parent)
        return True
    except OSError as e:
        raise _cannot_create(path, e) from e
    finally:
        _remove_quietly(tmp)


def _from_template(tmp: Path) -> bool:
    """Fill the new file ``tmp`` with the template of the newest schema (``storage.template``:
    what the migrations make, without loading Alembic); False when there is none to copy."""
    from .template import template_bytes

    data = template_bytes(SCHEMA_REVISION)
    if data is None:
        return False
    with tmp.open("r+b") as f:
        f.write(data)
    return True


ABANDONED_AFTER_S = 600
"""A ``.NAME.new-XXXX`` file this old was left by a first run that was killed while creating
the database (a live creation takes well under a second)."""


def _remove_abandoned_creations(path: Path) -> None:
    """Delete the hidden temporary files of database creations that never finished."""
    with suppress(OSError):
        for tmp in path.parent.glob(f".{path.name}.new-*"):
            with suppress(OSError):
                if time.time() - tmp.stat().st_mtime > ABANDONED_AFTER_S:
                    _remove_quietly(tmp)


def _set_aside_stale_wal(path: Path, now: datetime | None = None) -> list[Path]:
    """Move a ``-wal`` that cannot belong to ``path`` out of SQLite's way; return where to.

    The file's header (bytes 18 and 19, the write and read versions) is 2 in WAL mode and 1 in
    rollback-journal mode; SQLite switches a file to WAL by writing 2 there before it creates a
    ``-wal`` and deletes the ``-wal`` before writing 1 back, so a ``-wal`` beside a file whose
    header says 1 was left by another file (a backup copied over it). SQLite would apply its
    frames to this file on the next open. A non-empty one is renamed to
    ``NAME-wal.stale-<UTC stamp>`` (kept, unchanged); an empty one and the ``-shm`` (only an
    index into the ``-wal``) are deleted.
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not os.path.lexists(wal):
        return []
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return []  # inspect_database reports an unreadable file
    if len(header) < 100 or not header.startswith(SQLITE_HEADER) or 2 in header[18:20]:
        return []
    moved: list[Path] = []
    try:
        if wal.stat().st_size > 0:
            stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
            dest = wal.with_name(f"{wal.name}.stale-{stamp}")
            n = 2
            while os.path.lexists(dest):
                dest = wal.with_name(f"{wal.name}.stale-{stamp}-{n}")
                n += 1
            os.rename(wal, dest)
            moved.append(dest)
        else:
            wal.unlink()
        shm.unlink(missing_ok=True)
        fsync_directory(path.parent)
    except OSError as e:
        raise StorageError(
            f"{wal} does not belong to the database {path} (the database is in "
            "rollback-journal mode, e.g. a restored backup) and SQLite would apply it, but it "
            f"cannot be moved aside ({e.strerror or e}). Nothing was changed. Move {wal.name} "
            "out of that folder, then open the database again."
        ) from e
    return moved


def _refresh_stale(engine: Engine, read_only: bool) -> None:
    """Apply the connection settings now (so permission problems show here) and fill the derived
    columns of plans that lack them (after an upgrade); usually one read, no write lock."""
    with engine.connect() as conn:
        conn.execution_options(read_only=True)
        stale = conn.exec_driver_sql(STALE_SQL, (DERIVED_REV, DERIVED_REV)).first()
    if stale is not None and not read_only:
        with engine.begin() as conn:
            refresh_stale(conn)


def open_database(target: str | Path, *, migrations_dir: Path = MIGRATIONS_DIR) -> Database:
    """Open (creating or upgrading as needed) the database at ``target``, a path or URL.

    Raises ForeignDatabaseError if the file exists but is not ours (or is damaged or empty),
    NewerDatabaseError if a newer app version wrote it, BackupError/MigrationError if an
    upgrade could not be done safely, ReadOnlyDatabaseError if a read-only file needs an
    upgrade, StorageError for other failures; in each case the file is left as it was.
    A file this process cannot write is opened read-only (``Database.read_only``).
    ``migrations_dir`` is for tests of future revisions.
    """
    path = _target_path(target)
    _remove_abandoned_creations(path)
    notes: dict[str, object] = {}
    blocker: str | None = None
    if os.path.lexists(path) or not _create_new(path, migrations_dir):
        stale = _set_aside_stale_wal(path)
        if stale:
            notes["stale_wal"] = [str(p) for p in stale]
        blocker = write_blocker(path) if path.is_file() else None
        revision = inspect_database(path, read_only=blocker is not None)
        up_to_date = revision == SCHEMA_REVISION and migrations_dir == MIGRATIONS_DIR
        if not up_to_date:  # only now load Alembic (it costs startup time)
            check_revision_known(path, revision, migrations_dir)
            if revision != head_revision(migrations_dir):
                if blocker is not None:
                    raise ReadOnlyDatabaseError(
                        f"The database {path} is read-only and was written by an older version "
                        "of Installment Tracker: it must be upgraded before it can be opened, "
                        "which needs writing. Nothing was changed. Copy it to a folder you can "
                        "write to and open the copy."
                    )
                upgrade(path, migrations_dir=migrations_dir, notes=notes)
    if blocker is None:
        make_private(path)
    engine = make_engine(path, read_only=blocker is not None)
    try:
        _refresh_stale(engine, read_only=blocker is not None)
    except BaseException:
        engine.dispose()
        raise
    db = Database(engine, path, read_only_reason=blocker)
    db.upgrade_notes = notes
    return db
