"""The app's icon: ``resources/icons/<app id>.svg``, drawn by hand; the .ico and .icns beside
it are built from it by ``packaging/make_icons.py``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from .i18n import resources_dir

__all__ = ["APP_ID", "app_icon", "icon_path"]

APP_ID = "io.github.installment_tracker.InstallmentTracker"
"""The reverse-DNS id of the .desktop file, the AppStream metainfo and the icon."""


def icon_path() -> Path:
    """The icon's SVG file (in a checkout or a frozen build)."""
    return resources_dir() / "icons" / f"{APP_ID}.svg"


def app_icon() -> QIcon:
    """The window icon, scalable (Qt's SVG icon engine renders each size)."""
    return QIcon(str(icon_path()))
