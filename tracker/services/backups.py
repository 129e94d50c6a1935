"""Backups as user actions: restore a backup and check the result.

The storage layer does the file work (``storage.backups``: the folder, rotation, listing;
``storage.restore``: verify, keep the current data aside, restore through the backup API);
this adds the audit that every restore ends with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.storage.engine import open_database
from tracker.storage.restore import Restored, restore_backup

from .audit import AuditReport, audit

__all__ = ["RestoreOutcome", "restore"]


@dataclass(frozen=True, slots=True)
class RestoreOutcome:
    """A restore and the audit of the database afterwards.

    Attributes:
        restored: what was restored and where the replaced data was kept.
        check: the audit of the restored database (``check.ok`` when sound).
    """

    restored: Restored
    check: AuditReport


def restore(db_path: Path, source: Path, *, now: datetime | None = None) -> RestoreOutcome:
    """Restore ``source`` into the database at ``db_path``, then audit it (see
    ``storage.restore.restore_backup`` for what is refused and kept)."""
    restored = restore_backup(db_path, source, now=now)
    with open_database(db_path) as db:
        return RestoreOutcome(restored, audit(db))
