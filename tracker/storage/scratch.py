"""Checking a long batch without holding the write lock: a private in-memory copy.

An import used to check every row inside its write transaction, so every other writer (and,
before reads stopped taking the write lock, every reader) waited for the whole validation.
Now it runs in two steps:

1. :func:`snapshot` copies the database, inside one read transaction (no lock that blocks
   anyone), into a private in-memory database and notes ``PRAGMA data_version``. The batch is
   checked and applied there with the very same code (:func:`scratch_database` gives it the
   app's connection settings and write hooks), as slowly as it needs.
2. :func:`copy_plans` then takes the write lock on the real file only to copy the rows of the
   plans the batch touched. It first checks, on the same connection, that ``data_version`` is
   unchanged, i.e. no other connection committed since the snapshot; then the copy's rows are
   exactly what the batch would have written to the file. Otherwise it reports that the file
   changed (:class:`Changed`), and the caller checks again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import Connection

from .connection import make_engine
from .engine import Database

__all__ = ["Changed", "copy_plans", "data_version", "scratch_database", "snapshot"]

_CHUNK = 500
_CHILDREN = ("installments", "payments", "ics_events")  # ics_events: the feed rows, tombstones too


class Changed(Exception):
    """Another connection committed since the snapshot: the check must be done again."""


def data_version(conn: Connection) -> int:
    """``PRAGMA data_version`` of this connection: it changes when another one commits."""
    return int(conn.exec_driver_sql("PRAGMA data_version").scalar_one())


def snapshot(conn: Connection) -> tuple[sqlite3.Connection, int]:
    """An in-memory copy of the database behind ``conn`` and the data_version it was taken at.

    Call it inside a read transaction of ``conn`` (both are of that one snapshot)."""
    version = data_version(conn)
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    raw.backup(memory)
    return memory, version


def scratch_database(memory: sqlite3.Connection, path: Path) -> Database:
    """A Database over the in-memory copy (messages name ``path``, the real file)."""
    return Database(make_engine(path, connection=memory, shown=path), path)


def _columns(memory: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in memory.execute(f"PRAGMA table_info({table})")]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def copy_plans(
    memory: sqlite3.Connection, conn: Connection, plan_ids: Iterable[int], version: int
) -> None:
    """In ``conn``'s write transaction: make the rows of these plans (the plan, its
    installments and payments) what they are in ``memory``. Raises Changed, writing nothing,
    when the file changed since the snapshot taken at ``version``."""
    if data_version(conn) != version:
        raise Changed
    ids = sorted(set(plan_ids))
    plan_cols = _columns(memory, "plans")
    names = ", ".join(plan_cols)
    marks = ", ".join("?" * len(plan_cols))
    updates = ", ".join(f"{c} = excluded.{c}" for c in plan_cols if c != "id")
    for chunk in _chunks(ids):
        where = f"IN ({', '.join('?' * len(chunk))})"
        for table in _CHILDREN:
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE plan_id {where}", tuple(chunk))
        rows = memory.execute(f"SELECT {names} FROM plans WHERE id {where}", chunk).fetchall()
        if rows:
            conn.exec_driver_sql(
                f"INSERT INTO plans ({names}) VALUES ({marks}) "
                f"ON CONFLICT(id) DO UPDATE SET {updates}",
                rows,
            )
        for table in _CHILDREN:
            cols = _columns(memory, table)
            listed = ", ".join(cols)
            rows = memory.execute(
                f"SELECT {listed} FROM {table} WHERE plan_id {where}", chunk
            ).fetchall()
            if rows:
                conn.exec_driver_sql(
                    f"INSERT INTO {table} ({listed}) VALUES ({', '.join('?' * len(cols))})",
                    rows,
                )
