"""Icons for the toolbar and the screens' buttons: small SVGs in resources/icons/actions/.

Each icon is drawn in fixed mid-tone colours that read on light and dark themes. An icon
whose file is missing falls back to a Qt standard icon, so a button never loses its icon.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from .i18n import resources_dir

_FALLBACK = {
    "new-plan": QStyle.StandardPixmap.SP_FileIcon,
    "record-payment": QStyle.StandardPixmap.SP_DialogApplyButton,
    "payoff": QStyle.StandardPixmap.SP_DialogYesButton,
    "edit": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "archive": QStyle.StandardPixmap.SP_DirClosedIcon,
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
    "void": QStyle.StandardPixmap.SP_DialogDiscardButton,
    "undo": QStyle.StandardPixmap.SP_ArrowBack,
    "redo": QStyle.StandardPixmap.SP_ArrowForward,
    "print": QStyle.StandardPixmap.SP_DialogSaveButton,
    "export": QStyle.StandardPixmap.SP_DialogSaveButton,
}
NAMES = tuple(_FALLBACK)


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of ``NAMES``)."""
    path = resources_dir() / "icons" / "actions" / f"{name}.svg"
    found = QIcon(str(path)) if path.is_file() else QIcon()
    if found.isNull() or (not found.availableSizes() and found.pixmap(16, 16).isNull()):
        style = QApplication.style()
        return style.standardIcon(_FALLBACK[name])
    return found
