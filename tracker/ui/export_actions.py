"""File menu actions for CSV export/import and the calendar feed (filled in by the outputs work)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu


def install(window: Any, menu: QMenu) -> None:
    """Add Export/Import/Export calendar actions to the File menu of ``window``."""
