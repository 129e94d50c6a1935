"""File menu actions for printing (filled in by the printing work)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu


def install(window: Any, menu: QMenu) -> None:
    """Add Print calendar / Print schedule / preview actions to the File menu of ``window``."""
