"""Refuse to write an export, a calendar feed or a PDF over a database.

``tracker export payments -o ledger.sqlite3`` used to replace the ledger with a CSV file and
exit 0: the whole history gone, no backup. Every writer of a user-chosen output file calls
:func:`check_output_path` first. It refuses any existing SQLite file (by its header, whatever
its name, ours or not) and the ``-wal``/``-shm``/``-journal`` file beside one, which hold its
latest committed changes.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

__all__ = ["DatabaseTargetError", "check_output_path"]

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDECARS = ("-wal", "-shm", "-journal")


class DatabaseTargetError(OSError):
    """The chosen output file is a database (or part of one); nothing was written."""

    def __str__(self) -> str:
        return str(self.strerror)


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_output_path(path: str | os.PathLike[str]) -> None:
    """Raise DatabaseTargetError when writing ``path`` would destroy a database."""
    target = Path(path)
    if target.is_file() and _is_sqlite(target):
        raise DatabaseTargetError(
            errno.EEXIST,
            "it is a database (an SQLite file); writing the export there would destroy it. "
            "Choose another file name, e.g. payments.csv",
            str(target),
        )
    for suffix in _SIDECARS:
        if target.name.endswith(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.is_file() and _is_sqlite(base):
                raise DatabaseTargetError(
                    errno.EEXIST,
                    f"it belongs to the database {base.name} (its {suffix} file holds the "
                    "latest changes); writing there would lose them. Choose another file name",
                    str(target),
                )
