"""How every SQLite connection of the app is set up, and how SQLite failures are reported.

One function, :func:`make_engine`, builds an Engine whose connections all have:

- ``isolation_level = None`` on the driver, so SQLAlchemy (not pysqlite) owns transactions;
  this is the Python 3.11 form of SQLAlchemy's recipe (the ``.autocommit`` attribute its docs
  use does not exist before 3.12);
- ``foreign_keys=ON`` (OFF only for the migration engine, see ``migrate.py``),
  ``synchronous=FULL`` (an acknowledged commit survives power loss), ``busy_timeout=5000``;
- ``journal_mode=WAL`` set just before a connection's first write transaction, not when it
  connects: reading a file in rollback-journal mode (a backup, a copy someone sent) leaves its
  bytes and its folder exactly as they were, while the live database is in WAL mode from its
  first write on (a new database is created by a write, so it is WAL from the start);
- ``BEGIN IMMEDIATE`` for every transaction that may write: a read-then-write transaction takes
  the write lock up front, so another process's commit cannot make it fail with "database is
  locked". A read-only transaction (execution option ``read_only``, ``Database.read_session``)
  begins DEFERRED and never takes the write lock: with WAL it reads a consistent snapshot while
  another process writes (an import, a payment), and never waits for it.

A file we cannot write (read-only file, folder or medium: :func:`write_blocker`) gets a
read-only engine (``read_only=True``): SQLite's ``mode=ro``, plus ``immutable=1`` when no
``-wal`` is beside it, so reading creates no ``-wal``/``-shm`` (they could not be created, or
would be left behind).

Disk-full, I/O, damaged-file and lock-timeout errors are turned into :class:`StorageIOError`
with a message naming the file; SQLite has already rolled the statement back and the caller's
transaction is rolled back too, so nothing is half-written.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

from .sqlite_files import (
    _BUSY,
    _LOCKED,
    BUSY_TIMEOUT_SECONDS,
    read_only_uri,
    translate_sqlite_error,
    wal_beside,
    write_blocker,
)

__all__ = [
    "make_engine",
    "read_only_uri",
    "sqlite_url",
    "translate_sqlite_error",
    "wal_beside",
    "write_blocker",
]


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a database file (characters such as ``#`` or ``?`` escaped)."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


WRITE_WAIT_SECONDS = 20.0
"""How long a write waits its turn for the write lock before giving up."""

_POLL_BUSY_MS = 20


def _begin_immediate(conn: Any) -> None:
    """BEGIN IMMEDIATE, waiting up to WRITE_WAIT_SECONDS for the write lock by polling it
    every few milliseconds.

    SQLite's own busy handler sleeps up to 100 ms between looks at the lock, so with several
    processes committing back to back a waiting writer can miss every short gap for the whole
    busy timeout and fail with "database is locked" (the reliability suite's 4-writer test did).
    Nothing has run in the transaction yet, so trying BEGIN again is always safe; the last try
    goes through SQLAlchemy so its failure is reported like any other.
    """
    con = conn.connection.driver_connection
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    con.execute(f"PRAGMA busy_timeout={_POLL_BUSY_MS}")
    try:
        while time.monotonic() < deadline:
            try:
                con.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF not in (_BUSY, _LOCKED):
                    break  # not a matter of waiting: let SQLAlchemy report it
                time.sleep(random.uniform(0.0005, 0.003))
    finally:
        con.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(
    path: Path,
    *,
    foreign_keys: bool = True,
    pooled: bool = True,
    read_only: bool = False,
    shown: Path | None = None,
    connection: sqlite3.Connection | None = None,
) -> Engine:
    """An Engine on the file at ``path`` with the app's connection settings (see module doc).

    ``foreign_keys=False`` is for schema migrations only. ``pooled=False`` uses ``NullPool``
    (every connection is closed when released), for short-lived engines. ``read_only=True``
    opens the file with :func:`read_only_uri` (every write fails with SQLITE_READONLY).
    ``shown`` is the path error messages name (default ``path``; a new database is built in a
    temporary file, but the user knows only the final name). ``connection`` makes an engine
    over that one existing connection (e.g. a private in-memory copy; ``path`` only names it).
    """
    if connection is not None:
        engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
    elif read_only:
        uri = read_only_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
            ),
            poolclass=QueuePool if pooled else NullPool,
        )
    else:
        engine = create_engine(
            sqlite_url(path),
            poolclass=None if pooled else NullPool,
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
        )
    fk_pragma = "foreign_keys=ON" if foreign_keys else "foreign_keys=OFF"
    shown_path = shown or path

    @event.listens_for(engine, "connect")
    def _pragmas(con: Any, _record: Any) -> None:
        con.isolation_level = None
        for p in (fk_pragma, "synchronous=FULL", "busy_timeout=5000"):
            con.execute(f"PRAGMA {p}")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get("read_only", False) or read_only:
            conn.exec_driver_sql("BEGIN")
            return
        info = conn.connection.info
        if not info.get("wal"):  # first write transaction of this connection
            con = conn.connection.driver_connection
            try:
                mode = con.execute("PRAGMA journal_mode=WAL").fetchone()
            except sqlite3.OperationalError:  # busy: write this one in the file's own mode
                mode = None
            info["wal"] = bool(mode) and str(mode[0]).lower() == "wal"
        _begin_immediate(conn)

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> None:
        replacement = translate_sqlite_error(context.original_exception, shown_path)
        if replacement is not None:
            raise replacement from context.sqlalchemy_exception

    return engine
