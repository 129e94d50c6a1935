"""The start-up read path: open an up-to-date database for reading with the stdlib ``sqlite3``.

``tracker due`` and the other read commands must start in a fraction of a second; SQLAlchemy's
ORM, the models and Alembic cost more than the command. :func:`open_for_reading` does what
``engine.open_database`` does for an existing, up-to-date file, with the same checks and the
same messages: the cheap header check and ``quick_check`` (``identity.inspect_database``: a
damaged, foreign or empty file is refused with ``ForeignDatabaseError``), the read-only URI for
a file this process cannot write (``mode=ro``, ``immutable=1`` when no ``-wal`` is there), and
a private file mode. It returns None, and the caller takes the full path
(``open_database``), whenever anything more is needed: the file does not exist yet (it is
created), its schema is older, newer or unknown (Alembic decides), its derived columns are
stale, a ``-wal`` beside it may not be its own (it is moved aside with a note), or the target
is a URL this module does not parse itself.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from .errors import StorageError
from .identity import APPLICATION_ID, SQLITE_HEADER, connect_read_only, inspect_database
from .schema_version import DERIVED_REV, SCHEMA_REVISION, STALE_SQL
from .sqlite_files import make_private, translate_sqlite_error, write_blocker

__all__ = ["ReadConnection", "open_for_reading", "target_path"]

T = TypeVar("T")

_ENV_VAR = "TRACKER_DB"  # engine.ENV_VAR
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_PLAIN_URL = re.compile(r"^sqlite(\+pysqlite)?:///(?P<path>[^?#%]+)$")


def target_path(db: str | None, env: Mapping[str, str]) -> Path | None:
    """The file ``--db`` or ``$TRACKER_DB`` names, as ``engine.resolve_target`` reads it, or
    None when the full path should resolve it (the default location, an empty option, a URL
    with escapes or options)."""
    raw = db if db is not None else env.get(_ENV_VAR, "")
    if not raw.strip():
        return None  # the default location (or an empty --db): the full path resolves it
    if _URL_SCHEME.match(raw):
        m = _PLAIN_URL.match(raw)
        if m is None or m.group("path") == ":memory:" or m.group("path").startswith("file:"):
            return None
        raw = m.group("path")
    return Path(raw).expanduser().absolute()


class ReadConnection:
    """A read-only look at one database file: ``with rc.snapshot() as con:`` is one read
    transaction (BEGIN DEFERRED: never takes or waits for the write lock); a SQLite failure is
    raised as the same ``StorageIOError`` the full path gives."""

    def __init__(self, con: sqlite3.Connection, path: Path, read_only: bool = False) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        """Whether this process cannot write the file (``sqlite_files.write_blocker``)."""

    def run(self, read: Callable[[sqlite3.Connection], T]) -> T:
        """``read(con)`` in one read transaction; SQLite errors as user-facing errors."""
        try:
            self.con.execute("BEGIN")
            try:
                return read(self.con)
            finally:
                self.con.execute("COMMIT")
        except sqlite3.Error as e:
            replacement = translate_sqlite_error(e, self.path)
            if replacement is not None:
                raise replacement from e
            raise

    def close(self) -> None:
        self.con.close()


def _wal_may_be_foreign(path: Path) -> bool:
    """A ``-wal`` beside a file whose header says rollback-journal mode (the full path moves
    it aside: ``engine._set_aside_stale_wal``)."""
    if not os.path.lexists(f"{path}-wal"):
        return False
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return True
    return not (len(header) == 100 and header.startswith(SQLITE_HEADER) and 2 in header[18:20])


MMAP_BYTES = 1 << 30
"""How much of the file the read connection maps (``open_for_reading``)."""


def open_for_reading(path: Path) -> ReadConnection | None:
    """A read-only connection to the existing, up-to-date database ``path``, or None when the
    full path (``engine.open_database``) must open it. Raises ForeignDatabaseError (or
    StorageError) for a file that is not ours or is damaged, as the full path does."""
    if not path.is_file() or _wal_may_be_foreign(path):
        return None
    blocker = write_blocker(path)
    if inspect_database(path, read_only=blocker is not None) != SCHEMA_REVISION:
        return None
    if blocker is None:
        make_private(path)
    try:
        con = connect_read_only(path, ours=True, read_only=blocker is not None)
    except sqlite3.Error as e:
        raise translate_sqlite_error(e, path) or StorageError(f"Cannot read {path}: {e}") from e
    try:
        ours = con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        stale = con.execute(STALE_SQL, (DERIVED_REV, DERIVED_REV)).fetchone()
    except sqlite3.Error:
        ours, stale = False, None
    if not ours or stale is not None:
        con.close()
        return None
    # pages read through a memory map rather than one read() each: a one-shot read hits
    # pages all over a big file (``due`` at 10,000 plans: its installments 27 -> 10 ms).
    # Reads only; SQLite maps no more than the file's size at each transaction.
    con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    return ReadConnection(con, path, read_only=blocker is not None)
