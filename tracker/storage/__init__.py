"""Storage: the SQLite database of plans, schedules and payments (SQLAlchemy 2 + Alembic).

Open a file with :func:`open_database` (refuses files that are not ours, creates new ones
privately, upgrades old ones after a verified backup); run each user action in
``with db.session() as session:``; read and write rows with ``tracker.storage.repository``.
No business rules live here: the services layer owns them.
"""

from .engine import (
    APPLICATION_ID,
    Database,
    default_db_path,
    open_database,
    resolve_target,
)
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
