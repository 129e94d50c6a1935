"""Storage errors: every way the database can fail, as messages a user can act on.

Everything raised out of ``tracker.storage`` on purpose is a :class:`StorageError`; its message
names the file and says whether anything was changed. Constraint violations from the schema
(``sqlalchemy.exc.IntegrityError``) are left as they are: they mean a caller broke a rule of
the schema, which is a programming error rather than a storage failure.
"""

from __future__ import annotations

__all__ = [
    "BackupError",
    "ForeignDatabaseError",
    "MigrationError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "RecordNotFoundError",
    "StorageError",
    "StorageIOError",
]


class StorageError(Exception):
    """The database could not be opened, read or written; the message says why."""


class ForeignDatabaseError(StorageError):
    """The file is not an Installment Tracker database, or it is damaged. It was not changed."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer version of the app (an unknown schema revision)."""


class MigrationError(StorageError):
    """Upgrading the schema failed; the upgrade was rolled back and the file kept as it was."""


class BackupError(StorageError):
    """A backup could not be written or did not verify; no backup file was left behind."""


class StorageIOError(StorageError):
    """The disk is full, or reading/writing the file failed; the transaction was rolled back.

    Attributes:
        sqlite_errorname: SQLite's name for the error, e.g. ``"SQLITE_FULL"``.
    """

    def __init__(self, message: str, sqlite_errorname: str = "") -> None:
        super().__init__(message)
        self.sqlite_errorname = sqlite_errorname


class ReadOnlyDatabaseError(StorageError):
    """The database was opened read-only (its file, folder or disk cannot be written): it
    can be read and exported; anything that would change it is refused, nothing was written."""


class RecordNotFoundError(StorageError, LookupError):
    """A plan or payment with the given id does not exist."""
