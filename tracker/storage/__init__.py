"""Storage: the SQLite database of plans, schedules and payments (SQLAlchemy 2 + Alembic).

Open a file with :func:`open_database` (refuses files that are not ours, creates new ones
privately, upgrades old ones after a verified backup); run each user action in
``with db.session() as session:``; read and write rows with ``tracker.storage.repository``.
No business rules live here: the services layer owns them.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import APPLICATION_ID, Database, default_db_path, open_database, resolve_target
    from .errors import (
        BackupError,
        ForeignDatabaseError,
        MigrationError,
        NewerDatabaseError,
        ReadOnlyDatabaseError,
        RecordNotFoundError,
        StorageError,
        StorageIOError,
    )

_ENGINE = {"APPLICATION_ID", "Database", "default_db_path", "open_database", "resolve_target"}

__all__ = [
    "APPLICATION_ID",
    "BackupError",
    "Database",
    "ForeignDatabaseError",
    "MigrationError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "RecordNotFoundError",
    "StorageError",
    "StorageIOError",
    "default_db_path",
    "open_database",
    "resolve_target",
]


def __getattr__(name: str) -> Any:
    """The package's names, imported on first use: ``tracker.storage.identity`` and the other
    stdlib modules must load without SQLAlchemy (the start-up read path)."""
    if name in __all__:
        module = import_module(".engine" if name in _ENGINE else ".errors", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
