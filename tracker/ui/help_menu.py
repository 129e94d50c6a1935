"""The Help menu: About, Keyboard shortcuts and Open data folder.

About names the version, the database file in use and the app's data folder; Keyboard
shortcuts lists every menu action that has one, read from the window itself (so the list is
never out of date); Open data folder shows the folder in the file manager
(``QDesktopServices.openUrl``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMessageBox

    from .help_dialogs import ShortcutsDialog

__all__ = [
    "ShortcutsDialog",
    "about",
    "about_box",
    "about_text",
    "data_folder",
    "install",
    "open_data_folder",
    "open_folder",
    "shortcut_rows",
    "shortcuts",
    "version",
]


def __getattr__(name: str) -> Any:
    """The dialog classes load when first used (the menu is built before the first paint,
    and importing them made Qt set up its dialog and table classes: 30 ms)."""
    if name == "ShortcutsDialog":
        from .help_dialogs import ShortcutsDialog

        return ShortcutsDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def version() -> str:
    """The installed version of the app (the package metadata), else the source's."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    from tracker import __version__

    try:
        return dist_version("installment-tracker")
    except PackageNotFoundError:
        return __version__


def data_folder() -> Path:
    """The app's data folder (where the default database lives)."""
    from tracker.storage.engine import default_db_path

    return default_db_path().parent


def open_folder(path: Path) -> bool:
    """Show ``path`` in the file manager (a seam: tests replace it)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def install(window: Any, menu: QMenu) -> None:
    """Fill the Help menu of ``window``."""
    for name, text, run, key in (
        (
            "about",
            QCoreApplication.translate("Help", "&About Installment Tracker"),
            lambda: about(window),
            None,
        ),
        (
            "shortcuts",
            QCoreApplication.translate("Help", "&Keyboard shortcuts"),
            lambda: shortcuts(window),
            "F1",
        ),
        (
            "open_data_folder",
            QCoreApplication.translate("Help", "Open &data folder"),
            lambda: open_data_folder(window),
            None,
        ),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, r=run: r())
        if key is not None:
            window._pending_shortcuts.append((action, key))
        window.addAction(action)
        menu.addAction(action)


def about_text(window: Any) -> str:
    """The About box's text: version, database file, data folder."""
    db = window.ctx.db if window.ctx.has_database else None
    rows = (
        (QCoreApplication.translate("Help", "Version"), version()),
        (
            QCoreApplication.translate("Help", "Database file"),
            str(db.path) if db is not None else "—",
        ),
        (QCoreApplication.translate("Help", "Data folder"), str(data_folder())),
    )
    body = "".join(
        f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{_escape(v)}</td></tr>"
        for k, v in rows
    )
    blurb = QCoreApplication.translate(
        "Help", "Every installment plan, due date and true cost, to the fen."
    )
    name = QCoreApplication.translate("Help", "Installment Tracker")
    if name != "分期账本":
        name += " (分期账本)"
    return f"<h3>{name}</h3><p>{blurb}</p><table>{body}</table>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def about_box(window: Any) -> QMessageBox:
    """The About box (not shown yet)."""
    from .help_dialogs import about_box as make

    return make(window, about_text(window))


def about(window: Any) -> None:
    about_box(window).exec()


def shortcut_rows(window: Any) -> list[tuple[str, str]]:
    """(action, key) for every action of ``window`` with a shortcut, in menu order."""
    from .help_dialogs import shortcut_rows as rows

    return rows(window)


def shortcuts(window: Any) -> None:
    from .help_dialogs import ShortcutsDialog

    ShortcutsDialog(window).exec()


def open_data_folder(window: Any) -> bool:
    """Open the data folder (created private, 0700, if it does not exist yet)."""
    folder = data_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        window.ctx.interaction.error(
            window, QCoreApplication.translate("Help", "Open data folder"), f"{folder}\n\n{exc}"
        )
        return False
    if not open_folder(folder):
        window.ctx.interaction.info(
            window,
            QCoreApplication.translate("Help", "Open data folder"),
            QCoreApplication.translate(
                "Help", "No file manager could be started. The data folder is %1"
            ).replace("%1", os.fspath(folder)),
        )
        return False
    return True
