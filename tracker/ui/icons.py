"""Icons for the toolbar and the screens' buttons: small SVGs in resources/icons/actions/.

Each icon is drawn in fixed mid-tone colours that read on light and dark themes. An icon
whose file is missing falls back to a Qt standard icon, so a button never loses its icon.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from .i18n import resources_dir

_FALLBACK = {
    "new-plan": "SP_FileIcon",
    "record-payment": "SP_DialogApplyButton",
    "payoff": "SP_DialogYesButton",
    "edit": "SP_FileDialogDetailedView",
    "archive": "SP_DirClosedIcon",
    "delete": "SP_TrashIcon",
    "void": "SP_DialogDiscardButton",
    "undo": "SP_ArrowBack",
    "redo": "SP_ArrowForward",
    "print": "SP_DialogSaveButton",
    "export": "SP_DialogSaveButton",
}
"""Each icon's Qt standard icon (a ``QStyle.StandardPixmap`` name: QStyle is imported only
when one is needed, as it costs the first paint 7 ms)."""
NAMES = tuple(_FALLBACK)


@cache
def _svg_renders() -> bool:
    """Whether this Qt renders the SVG icons (a build may lack the SVG plugin): one icon is
    drawn once, not every icon at start-up."""
    path = resources_dir() / "icons" / "actions" / "new-plan.svg"
    return path.is_file() and not QIcon(str(path)).pixmap(16, 16).isNull()


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of ``NAMES``)."""
    path = resources_dir() / "icons" / "actions" / f"{name}.svg"
    found = QIcon(str(path)) if path.is_file() else QIcon()
    if found.isNull() or not _svg_renders():
        from PySide6.QtWidgets import QApplication, QStyle

        pixmap = getattr(QStyle.StandardPixmap, _FALLBACK[name])
        return QApplication.style().standardIcon(pixmap)
    return found
