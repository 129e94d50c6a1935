"""How every SQLite connection of the app is set up, and how SQLite failures are reported.

One function, :func:`make_engine`, builds an Engine whose connections all have:

- ``isolation_level = None`` on the driver, so SQLAlchemy (not pysqlite) owns transactions;
  this is the Python 3.11 form of SQLAlchemy's recipe (the ``.autocommit`` attribute its docs
  use does not exist before 3.12);
- ``foreign_keys=ON`` (OFF only for the migration engine, see ``migrate.py``),
  ``journal_mode=WAL``, ``synchronous=FULL`` (an acknowledged commit survives power loss),
  ``busy_timeout=5000``;
- ``BEGIN IMMEDIATE`` for every transaction that may write: a read-then-write transaction takes
  the write lock up front, so another process's commit cannot make it fail with "database is
  locked". A read-only transaction (execution option ``read_only``, ``Database.read_session``)
  begins DEFERRED and never takes the write lock: with WAL it reads a consistent snapshot while
  another process writes (an import, a payment), and never waits for it.

Disk-full, I/O, damaged-file and lock-timeout errors are turned into :class:`StorageIOError`
with a message naming the file; SQLite has already rolled the statement back and the caller's
transaction is rolled back too, so nothing is half-written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.pool import NullPool

from .errors import StorageIOError

__all__ = ["make_engine", "sqlite_url", "translate_sqlite_error"]

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


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a database file (characters such as ``#`` or ``?`` escaped)."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


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
    elif primary == _IOERR:
        text = f"Could not read or write {path} ({name}: {error}). {unsaved}"
    elif primary in (_CORRUPT, _NOTADB):
        text = f"The database file {path} is damaged ({name}: {error}). {unsaved}"
    elif primary in (_READONLY, _PERM, _CANTOPEN):
        text = f"Cannot open or write {path} ({name}: {error}). Check its permissions. {unsaved}"
    elif primary in (_BUSY, _LOCKED):
        text = (
            f"The database {path} stayed busy for more than {BUSY_TIMEOUT_SECONDS:g} s "
            f"(another program is using it). {unsaved}"
        )
    else:
        return None
    return StorageIOError(text, name)


def make_engine(path: Path, *, foreign_keys: bool = True, pooled: bool = True) -> Engine:
    """An Engine on the file at ``path`` with the app's connection settings (see module doc).

    ``foreign_keys=False`` is for schema migrations only. ``pooled=False`` uses ``NullPool``
    (every connection is closed when released), for short-lived engines.
    """
    engine = create_engine(
        sqlite_url(path),
        poolclass=None if pooled else NullPool,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
    )
    fk_pragma = "foreign_keys=ON" if foreign_keys else "foreign_keys=OFF"

    @event.listens_for(engine, "connect")
    def _pragmas(con: Any, _record: Any) -> None:
        con.isolation_level = None
        for p in (fk_pragma, "journal_mode=WAL", "synchronous=FULL", "busy_timeout=5000"):
            con.execute(f"PRAGMA {p}")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get("read_only", False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> None:
        replacement = translate_sqlite_error(context.original_exception, path)
        if replacement is not None:
            raise replacement from context.sqlalchemy_exception

    return engine
